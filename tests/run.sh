#!/bin/sh
# Runs the bats suite (or the files given) and ends with the line
# "N passed, N failed" that summarises it; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT INT TERM
if [ $# -eq 0 ]; then
	set -- tests/*.bats
fi
bats --tap "$@" | tee "$log"
status=$?
passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
echo "bats: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
