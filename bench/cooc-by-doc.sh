#!/bin/sh
# tt-cooc per document: one run with --by doc over the stream of N notes
# against one run per document (what tt-analyse did: tt-cooc --counts and
# tt-cooc --merge --top for every document), CPU time of each. The notes
# are cut from ../shared/data/real-nl as bench/documents.sh cuts them
# (whole lines up to about 4,000 bytes), in bench/out; the stream is split
# per document before the clock starts, as tt-analyse splits it. Checks
# that both ways give the same counts and tables.
#
#   BENCH_DOCS=2000   number of notes
set -eu
export LC_ALL=C
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PATH="$ROOT/bin:$PATH"
sh tests/deps.sh time >/dev/null
N=${BENCH_DOCS:-2000}
OUT=${BENCH_OUT:-bench/out}/cooc-$N
REAL=$ROOT/../shared/data/real-nl
ls "$REAL"/*.txt > /dev/null 2>&1 || {
	echo "cooc-by-doc: no real-nl documents in $REAL" >&2
	exit 2
}
rm -rf "$OUT"
mkdir -p "$OUT/notes" "$OUT/per"
cat "$REAL"/*.txt | awk -v n="$N" -v dir="$OUT/notes" '
    { buf = buf $0 "\n"; if (length(buf) >= 4000) { d[m++] = buf; buf = "" } }
    END { for (i = 0; i < n; i++) {
	f = sprintf("%s/n%05d.txt", dir, i)
	printf "Notitie %d\n\n%s", i, d[i % m] > f
	close(f) } }'
(cd "$OUT/notes" && tt-tokenise n*.txt) | tt-stem | tt-jargon > "$OUT/stream.tsv"
awk -F '\t' -v dir="$OUT/per" '
    NR == 1 { head = $0; next }
    $1 != cur { if (out != "") close(out); cur = $1
	out = sprintf("%s/%05d.jar", dir, k++); print head > out }
    { print > out }' "$OUT/stream.tsv"

# cpu CMD...: user + system seconds of CMD and its children.
cpu() {
	/usr/bin/time -f '%U %S' -o "$OUT/time.txt" "$@" > /dev/null
	awk '{ printf "%.2f", $1 + $2 }' "$OUT/time.txt"
}
by_c=$(cpu sh -c 'tt-cooc --by doc --counts "$1" > "$2"' _ "$OUT/stream.tsv" "$OUT/by.counts")
all_c=$(cpu sh -c 'tt-cooc --counts "$1"' _ "$OUT/stream.tsv")
by_t=$(cpu sh -c 'tt-cooc --by doc --top 10 "$1" > "$2"' _ "$OUT/stream.tsv" "$OUT/by.pairs")
each_c=$(cpu sh -c 'for f in "$1"/*.jar; do tt-cooc --counts < "$f" > "${f%.jar}.counts"; done' _ "$OUT/per")
each_t=$(cpu sh -c 'for f in "$1"/*.counts; do tt-cooc --merge --top 10 -- "$f" > "${f%.counts}.pairs"; done' _ "$OUT/per")
same=yes
awk -F '\t' 'NR == 1 { sub(/\tby=doc$/, ""); print; next } { sub(/^[^\t]*\t/, ""); print }' \
    "$OUT/by.counts" > "$OUT/by.counts.plain"
{ head -1 "$OUT/per/00000.counts"; for f in "$OUT"/per/*.counts; do tail -n +2 "$f"; done; } |
    cmp -s - "$OUT/by.counts.plain" || same=no
tail -n +2 "$OUT/by.pairs" | cut -f2- > "$OUT/by.pairs.plain"
cat "$OUT"/per/*.pairs | grep -v '^#' | cmp -s - "$OUT/by.pairs.plain" || same=no
awk -v n="$N" -v bc="$by_c" -v bt="$by_t" -v ec="$each_c" -v ac="$all_c" -v et="$each_t" \
    -v same="$same" -v tok="$(($(wc -l < "$OUT/stream.tsv") - 1))" '
    function ratio(a, b) { return b > 0 ? sprintf("%.0fx", a / b) : "too fast to compare" }
    BEGIN {
	printf "tt-cooc per document (%d notes of ~4 KB from real-nl, %d tokens):\n", n, tok
	printf "  --by doc --counts, one run      %7.2f s CPU\n", bc
	printf "  --counts, one run over all      %7.2f s CPU (no result per document)\n", ac
	printf "  --counts, one run per document  %7.2f s CPU (%s)\n", ec, ratio(ec, bc)
	printf "  --by doc --top 10, one run      %7.2f s CPU\n", bt
	printf "  --merge --top 10 per document   %7.2f s CPU (%s)\n", et, ratio(et, bt)
	printf "  same counts and tables both ways: %s\n", same
}'
[ "$same" = yes ]
