#!/bin/sh
# The cost per document: tt-analyse over N notes of about 4 KB, cut from
# the real documents in ../shared/data/real-nl (in bench/out, never in the
# repository), against the same text through the filters as one file
# (normalise | tokenise | stem | jargon | score). Issue 13 asks a first
# scan to cost at most 10x the one-file pipeline; tt-scan adds its own
# per-document work on top of tt-analyse. Run it with BENCH_DOCS=2000 and
# 20000 to see the growth.
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

# cpu CMD...: user + system seconds of CMD and its children; the largest
# resident set of any of them in $OUT/rss.txt (KiB).
cpu() {
	/usr/bin/time -f '%U %S %M' -o "$OUT/time.txt" "$@" > /dev/null
	awk '{ print $3 > "'"$OUT"'/rss.txt"; printf "%.2f", $1 + $2 }' "$OUT/time.txt"
}
one=$(cpu sh -c 'tt-normalise "$1" | tt-tokenise --doc all | tt-stem | tt-jargon | tt-score' _ "$OUT/notes-$N.txt")
many=$(cpu sh -c 'cd "$1" && tt-analyse --tsv n*.txt' _ "$notes")
rm -rf "$OUT/state-$N"
start=$(date +%s.%N)
scan=$(cpu tt-scan -q --state "$OUT/state-$N" "$notes")
wall=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.1f", $2 - $1 }')
rss=$(cat "$OUT/rss.txt")
start=$(date +%s.%N)
again=$(cpu tt-scan -q --state "$OUT/state-$N" "$notes")
again_wall=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.2f", $2 - $1 }')
printf '%s\t%s\t%s\t%s\n' "$N" "$scan" "$wall" "$rss" > "$OUT/scan-$N.tsv"
awk -v n="$N" -v one="$one" -v many="$many" -v scan="$scan" -v wall="$wall" \
    -v rss="$rss" -v again="$again_wall" 'BEGIN {
	printf "per document (%d notes of ~4 KB cut from real-nl):\n", n
	printf "  one-file pipeline        %7.2f s CPU\n", one
	printf "  tt-analyse, %d files   %7.2f s CPU = %.1f ms a document, %.1fx the pipeline\n",
	    n, many, many * 1000 / n, many / one
	printf "  tt-scan, first run       %7.2f s CPU = %.1f ms a document, %.1fx the pipeline (issue 13: <= 10x); %.1f s wall; largest process %d KiB\n",
	    scan, scan * 1000 / n, scan / one, wall, rss
	printf "  tt-scan, nothing new     %7.2f s wall (issue 13: < 2 s for 20,000)\n", again
}'
# With the figures of a run of another size, the growth (issue 13: 20,000
# documents at most 11x the time of 2,000).
for f in "$OUT"/scan-*.tsv; do
	[ "$f" != "$OUT/scan-$N.tsv" ] || continue
	read -r n2 scan2 wall2 rss2 < "$f"
	awk -v n="$N" -v s="$scan" -v m="$n2" -v t="$scan2" -v r="$rss" -v q="$rss2" 'BEGIN {
		printf "  against %d documents: %.1fx the documents, %.1fx the CPU time, largest process %d -> %d KiB\n",
		    m, n / m, s / t, q, r }'
done
