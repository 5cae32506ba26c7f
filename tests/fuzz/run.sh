#!/bin/sh
# Runs the built libFuzzer targets: for each, first the saved regressions in
# tests/fuzz/regressions/NAME/ (one that fails again fails the run), then
# fuzzing for SECONDS from the corpus in BUILD/fuzz/corpus/NAME and the seeds
# (tests/fuzz/seeds, samples/, tests/fixtures). A crash is saved as
# BUILD/fuzz/NAME-* and named on the output, to be added to the regressions.
# Ends with "fuzz: failed: NAME..." and exit 1 when any target failed.
#
# Usage: sh tests/fuzz/run.sh BUILD SECONDS NAME...   (make fuzz runs it)
set -u
cd "$(dirname "$0")/../.." || exit 2
if [ $# -lt 2 ]; then
	echo "usage: sh tests/fuzz/run.sh BUILD SECONDS NAME..." >&2
	exit 2
fi
build=$1 seconds=$2
shift 2

failed=
for f in "$@"; do
	bin=$build/fuzz/$f
	mkdir -p "$build/fuzz/corpus/$f" "tests/fuzz/regressions/$f" || exit 2
	if [ -n "$(ls "tests/fuzz/regressions/$f")" ] &&
	    ! "$bin" "tests/fuzz/regressions/$f"/* >/dev/null 2>&1; then
		echo "fuzz: $f: a saved regression fails again"
		failed="$failed $f"
		continue
	fi
	echo "fuzz: $f: regressions pass; fuzzing $seconds s"
	if ! "$bin" -max_total_time="$seconds" -timeout=10 \
	    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="$build/fuzz/$f-" \
	    "$build/fuzz/corpus/$f" tests/fuzz/seeds samples tests/fixtures \
	    2>"$build/fuzz/$f.log"; then
		tail -40 "$build/fuzz/$f.log"
		echo "fuzz: $f: crash saved as $build/fuzz/$f-*;" \
		    "add it to tests/fuzz/regressions/$f/"
		failed="$failed $f"
		continue
	fi
	grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' \
	    "$build/fuzz/$f.log" | sed "s/^/fuzz: $f: /"
done
if [ -n "$failed" ]; then
	echo "fuzz: failed:$failed"
	exit 1
fi
