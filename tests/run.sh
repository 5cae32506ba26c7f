#!/bin/sh
# Runs the bats suite (or the files given) and ends with the line
# "N passed, N failed" that summarises it; exits non-zero on any failure.
#
# Tests run TT_JOBS at a time (default: one per processor), through bats
# --jobs and GNU parallel; every test keeps to its own temporary directory,
# so they can. TT_JOBS=1 runs them one after the other.
set -u
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp) || exit 2
trap 'rm -f "$log" "$log.status"' EXIT
trap 'exit 2' INT TERM
if [ $# -eq 0 ]; then
	# all but tests/scale.bats, which starts daemons and adds a user as
	# root: make check-scale runs it
	for f in tests/*.bats; do
		[ "$f" = tests/scale.bats ] || set -- "$@" "$f"
	done
fi
jobs=${TT_JOBS:-$(nproc 2>/dev/null || echo 1)}
if [ "$jobs" -gt 1 ] && command -v parallel >/dev/null 2>&1; then
	set -- --jobs "$jobs" "$@"
	# the hostile matrix runs its programs in parallel itself: one at a
	# time per test when bats runs its tests in parallel
	TT_HOSTILE_JOBS=${TT_HOSTILE_JOBS:-1}
	export TT_HOSTILE_JOBS
fi
# bats' own status, not tee's
{ bats --tap "$@"; echo $? > "$log.status"; } | tee "$log"
status=$(cat "$log.status" 2>/dev/null || echo 2)
passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
echo "bats: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
