#!/bin/sh
# Prints tests/hostile-expected.tsv as the programs behave now: runs the
# hostile matrix (tests/hostile.bats) in its recording mode and writes
# every run's outcome, sorted, after the table's comment lines, with the
# note column of the rows the table already has. Look at every row that
# changed before you put the output in place of the table:
#
#   sh tests/hostile-table.sh > /tmp/t && diff tests/hostile-expected.tsv /tmp/t
#
# TT_BIN and TT_HOSTILE_TIMEOUT are passed on, as to the test.
set -eu
cd "$(dirname "$0")/.."
rec=$(mktemp) || exit 2
trap 'rm -f "$rec"' EXIT
trap 'exit 2' INT TERM
TT_HOSTILE_RECORD=$rec bats tests/hostile.bats >&2
grep '^#' tests/hostile-expected.tsv || :
LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2,2 "$rec" |
    awk -F '\t' -v OFS='\t' '
	FILENAME != "-" { if ($0 !~ /^#/ && NF >= 6) note[$1 FS $2] = $6; next }
	{ k = $1 FS $2; print (k in note) ? $0 OFS note[k] : $0 }
    ' tests/hostile-expected.tsv -
