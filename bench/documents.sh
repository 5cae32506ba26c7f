#!/bin/sh
# The cost per document: tt-analyse over N notes of about 4 KB, cut from
# the real documents in ../shared/data/real-nl (in bench/out, never in the
# repository), against the same text through the filters as one file
# (normalise | tokenise | stem | jargon | score). Issue 13 asks a first
# scan to cost at most 10x the one-file pipeline; tt-scan adds its own
# per-document work on top of tt-analyse.
#
#   BENCH_DOCS=2000   number of notes
set -eu
export LC_ALL=C
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PATH="$ROOT/bin:$ROOT/pipelines:$PATH"
sh tests/deps.sh time >/dev/null
N=${BENCH_DOCS:-2000}
OUT=${BENCH_OUT:-bench/out}
REAL=$ROOT/../shared/data/real-nl
ls "$REAL"/*.txt > /dev/null 2>&1 || {
	echo "documents: no real-nl documents in $REAL" >&2
	exit 2
}
notes=$OUT/notes-$N
if [ ! -f "$notes/.done" ]; then
	rm -rf "$notes"
	mkdir -p "$notes"
	# whole lines up to 4,000 bytes a note, the real documents in turn;
	# a number on top, so that no two notes have one hash
	cat "$REAL"/*.txt | awk -v n="$N" -v dir="$notes" '
	    { buf = buf $0 "\n"; if (length(buf) >= 4000) { d[m++] = buf; buf = "" } }
	    END { for (i = 0; i < n; i++) {
		f = sprintf("%s/n%05d.txt", dir, i)
		printf "Notitie %d\n\n%s", i, d[i % m] > f
		close(f) } }'
	: > "$notes/.done"
fi
cat "$notes"/n*.txt > "$OUT/notes-$N.txt"

# cpu CMD...: user + system seconds of CMD and its children.
cpu() {
	/usr/bin/time -f '%U %S' -o "$OUT/time.txt" "$@" > /dev/null
	awk '{ printf "%.2f", $1 + $2 }' "$OUT/time.txt"
}
one=$(cpu sh -c 'tt-normalise "$1" | tt-tokenise --doc all | tt-stem | tt-jargon | tt-score' _ "$OUT/notes-$N.txt")
many=$(cpu sh -c 'cd "$1" && tt-analyse --tsv n*.txt' _ "$notes")
awk -v n="$N" -v one="$one" -v many="$many" 'BEGIN {
	printf "per document (%d notes of ~4 KB cut from real-nl):\n", n
	printf "  one-file pipeline        %7.2f s CPU\n", one
	printf "  tt-analyse, %d files   %7.2f s CPU = %.1f ms a document, %.1fx the pipeline (issue 13: <= 10x)\n",
	    n, many, many * 1000 / n, many / one
}'
