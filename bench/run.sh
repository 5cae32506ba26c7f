#!/bin/sh
# make bench: times every filter and the whole pipeline on a corpus of at
# least 100 MB built from samples/ and the Dutch text in ../shared/data, next
# to the peers a user would otherwise reach for, measured in the same run.
# Prints a table and writes it, with date and machine, to bench/RESULTS.md.
#
#   BENCH_MB=100   size of the corpus in MB (at least 100 for RESULTS.md)
#   BENCH_OUT=bench/out  where the corpus and intermediate streams go
set -eu
export LC_ALL=C
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PATH="$ROOT/bin:$ROOT/pipelines:$PATH"
MB=${BENCH_MB:-100}
OUT=${BENCH_OUT:-bench/out}
SHARED="$ROOT/../shared/data"
mkdir -p "$OUT"
sh tests/deps.sh time ucto python3-stemmer >/dev/null

# ---- the corpus ----------------------------------------------------------
seed="$OUT/seed.txt"
{
	for f in samples/*.txt tests/eval/*/*.txt; do
		[ -f "$f" ] && cat "$f" && printf '\n'
	done
	for f in "$SHARED"/ud-nl-alpino/*.paragraphs.txt; do
		[ -f "$f" ] && cat "$f" && printf '\n'
	done
} > "$seed"
if [ ! -s "$seed" ]; then
	echo "bench: no text to build a corpus from (samples/, ../shared/data)" >&2
	exit 2
fi
# corpus_of SIZE_MB FILE: the seed repeated up to SIZE_MB megabytes.
corpus_of() {
	if [ ! -f "$2" ] || [ "$(wc -c < "$2")" -lt $(($1 * 1000000)) ]; then
		n=$(($1 * 1000000 / $(wc -c < "$seed") + 1))
		i=0
		while [ $i -lt $n ]; do cat "$seed"; i=$((i + 1)); done |
		    head -c $(($1 * 1000000)) > "$2.tmp"
		printf '\n' >> "$2.tmp"
		mv "$2.tmp" "$2"
	fi
}
corpus="$OUT/corpus-$MB.txt"
corpus_of "$MB" "$corpus"
corpus_of 2 "$OUT/corpus-2.txt"
head -c 1000000 "$corpus" > "$OUT/slice-1.txt"
bytes=$(wc -c < "$corpus")
mbytes=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

# ---- measuring -------------------------------------------------------------
TIMEF="$OUT/time.out"
RESULTS="$OUT/results.md"
: > "$RESULTS"

# run NAME INPUT TOKENS COMMAND: times COMMAND (a shell command reading
# $IN) once and prints its CPU seconds (user + system, summed over every
# process of a pipeline), wall seconds, MB/s of INPUT and tokens/s by CPU
# time, and peak memory. CPU time is what is compared: it does not change
# with whatever else the machine is doing, wall time does.
run() {
	name=$1 in=$2 toks=$3 cmd=$4
	inb=$(wc -c < "$in")
	if ! IN="$in" /usr/bin/time -f '%e %U %S %M' -o "$TIMEF" sh -c "$cmd" >/dev/null 2>"$OUT/stderr"; then
		echo "bench: $name failed:" >&2
		cat "$OUT/stderr" >&2
		printf '| %s | failed | | | | | |\n' "$name" >> "$RESULTS"
		return 0
	fi
	set -- $(tail -n 1 "$TIMEF")
	awk -v n="$name" -v w="$1" -v u="$2" -v sy="$3" -v kb="$4" -v b="$inb" -v t="$toks" 'BEGIN {
		s = u + sy
		if (s < 0.01) s = 0.01
		tps = t > 0 ? sprintf("%.2f M", t / s / 1e6) : ""
		printf "| %s | %.1f | %.2f | %.2f | %.1f | %s | %.1f |\n", n, b / 1e6, s, w, b / 1e6 / s, tps, kb / 1024
	}' | tee -a "$RESULTS"
}

have() { command -v "$1" >/dev/null 2>&1; }

echo "| command | input MB | CPU s | wall s | MB/s (CPU) | tokens/s (CPU) | peak RSS MB |" | tee -a "$RESULTS"
echo "|---|---:|---:|---:|---:|---:|---:|" | tee -a "$RESULTS"

# Peers on the raw text.
words=$(wc -w < "$corpus")
run "cat (the limit)" "$corpus" "$words" 'cat "$IN"'
run "wc -w" "$corpus" "$words" 'wc -w "$IN"'
run "Unix for Poets word count" "$corpus" "$words" \
    "tr -cs '[:alpha:]' '\n' < \"\$IN\" | tr A-Z a-z | sort | uniq -c | sort -rn"
if have ucto; then
	sw=$(wc -w < "$OUT/slice-1.txt")
	run "ucto -L nld (1 MB slice)" "$OUT/slice-1.txt" "$sw" 'ucto -L nld -n "$IN" /dev/stdout'
fi

# Our filters, each on the output of the one before it.
stream="$OUT/stream.tsv"
if have tt-normalise; then
	run "tt-normalise" "$corpus" "$words" 'tt-normalise "$IN"'
	tt-normalise "$corpus" > "$OUT/norm.txt"
else
	cp "$corpus" "$OUT/norm.txt"
fi
if have tt-tokenise; then
	tt-tokenise --doc corpus "$OUT/norm.txt" > "$stream"
	tokens=$(($(wc -l < "$stream") - 1))
	run "tt-tokenise" "$OUT/norm.txt" "$tokens" 'tt-tokenise --doc corpus "$IN"'
	tt-stem "$stream" > "$OUT/stem.tsv"
	run "tt-stem" "$stream" "$tokens" 'tt-stem "$IN"'
	# PyStemmer over the same words, one call per word as a caller would.
	cut -f7 "$stream" | tail -n +2 > "$OUT/words.txt"
	if /usr/bin/python3 -c 'import Stemmer' 2>/dev/null; then
		run "PyStemmer (Debian python3-stemmer)" "$OUT/words.txt" "$tokens" \
		    '/usr/bin/python3 -c "
import sys, Stemmer
st = Stemmer.Stemmer(\"dutch\")
w = sys.stdout.write
for line in open(sys.argv[1], encoding=\"utf-8\"):
    w(st.stemWord(line.rstrip(\"\\n\").lower())); w(\"\\n\")
" "$IN"'
	fi
	if have tt-jargon; then
		tt-jargon "$OUT/stem.tsv" > "$OUT/jargon.tsv"
		run "tt-jargon (shipped lexicon)" "$OUT/stem.tsv" "$tokens" 'tt-jargon "$IN"'
		# grep's multi-string search with the lexicon's phrases.
		# literal patterns only: regex entries have no fixed string
		awk -F'\t' '!/^#/ && NF >= 2 && $2 !~ /\// { p = $2; gsub(/[*=]/, "", p); gsub(/ ~[0-9]+ /, " ", p); if (p != "") print p }' \
		    lexicons/transitietaal.tsv > "$OUT/phrases.txt"
		# (through cat: GNU grep stops at the first match when its
		# output is /dev/null)
		run "grep -F -c -f phrases.txt" "$corpus" "$words" 'grep -F -i -c -f '"$OUT"'/phrases.txt "$IN" | cat'
	fi
	if have tt-score; then
		run "tt-score" "$OUT/stem.tsv" "$tokens" 'tt-score "$IN"'
	fi
	if have tt-kwic; then
		run "tt-kwic -w wijkteam" "$OUT/stem.tsv" "$tokens" 'tt-kwic --color=never -w wijkteam "$IN"'
	fi
	if have tt-cooc; then
		run "tt-cooc --field stem" "$OUT/stem.tsv" "$tokens" 'tt-cooc --field stem "$IN"'
	fi
	pipe='tt-normalise "$IN" | tt-tokenise --doc corpus | tt-stem'
	have tt-jargon && pipe="$pipe | tt-jargon"
	have tt-score && pipe="$pipe | tt-score"
	run "pipeline: normalise|tokenise|stem|jargon|score" "$corpus" "$tokens" "$pipe"
fi

# Memory must stay flat as input grows: 2 MB against the full corpus.
echo | tee -a "$RESULTS"
echo "| filter | peak RSS MB, 2 MB of text | peak RSS MB, $MB MB of text |" | tee -a "$RESULTS"
echo "|---|---:|---:|" | tee -a "$RESULTS"
rss() {
	IN="$2" /usr/bin/time -f '%M' -o "$TIMEF" sh -c "$1" >/dev/null 2>&1 || true
	tail -n 1 "$TIMEF" | awk '{ printf "%.1f", $1 / 1024 }'
}
if have tt-tokenise; then
	tt-normalise "$OUT/corpus-2.txt" > "$OUT/norm-2.txt" 2>/dev/null || cp "$OUT/corpus-2.txt" "$OUT/norm-2.txt"
	tt-tokenise --doc c "$OUT/norm-2.txt" > "$OUT/stream-2.tsv"
	tt-stem "$OUT/stream-2.tsv" > "$OUT/stem-2.tsv"
	for f in tt-normalise tt-tokenise; do
		have "$f" || continue
		printf '| %s | %s | %s |\n' "$f" "$(rss "exec $f \"\$IN\"" "$OUT/corpus-2.txt")" \
		    "$(rss "exec $f \"\$IN\"" "$corpus")" | tee -a "$RESULTS"
	done
	printf '| %s | %s | %s |\n' tt-stem "$(rss 'exec tt-stem "$IN"' "$OUT/stream-2.tsv")" \
	    "$(rss 'exec tt-stem "$IN"' "$stream")" | tee -a "$RESULTS"
	for f in tt-jargon tt-score tt-kwic tt-cooc; do
		have "$f" || continue
		args=
		[ "$f" = tt-kwic ] && args="--color=never -w wijkteam"
		[ "$f" = tt-cooc ] && args="--field stem"
		printf '| %s | %s | %s |\n' "$f" "$(rss "exec $f $args \"\$IN\"" "$OUT/stem-2.tsv")" \
		    "$(rss "exec $f $args \"\$IN\"" "$OUT/stem.tsv")" | tee -a "$RESULTS"
	done
fi

# Quality: tokenisation against UD Dutch gold, jargon and score evaluations.
quality="$OUT/quality.txt"
: > "$quality"
[ -x bench/ud-score.sh ] && sh bench/ud-score.sh >> "$quality" 2>&1 || true
[ -f bench/eval-jargon.sh ] && sh bench/eval-jargon.sh >> "$quality" 2>&1 || true
[ -f bench/eval-jargon.sh ] && sh bench/eval-jargon.sh --speed >> "$quality" 2>&1 || true
[ -f bench/eval-score.sh ] && sh bench/eval-score.sh >> "$quality" 2>&1 || true
cat "$quality"

{
	echo "# Benchmark results"
	echo
	echo "Made by \`make bench\` on $(date -u '+%Y-%m-%d %H:%M UTC'),"
	echo "$(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo),"
	echo "$(free -g | awk '/^Mem/ { print $2 }') GiB; corpus $mbytes MB ($words words) built from samples/ and ../shared/data."
	echo "Peers measured in the same run. ucto runs on a 1 MB slice. Rates are by CPU time"
	echo "(user + system of all processes), which other load changes less than wall time,"
	echo "though not entirely on a virtual machine with shared cores; wall time is shown"
	echo "beside it. Peak RSS of a pipeline is that of its largest process."
	[ -n "${BENCH_NOTE:-}" ] && echo && echo "$BENCH_NOTE"
	echo
	cat "$RESULTS"
	echo
	echo "## Quality"
	echo
	echo '```'
	cat "$quality"
	echo '```'
} > bench/RESULTS.md
echo "bench: wrote bench/RESULTS.md"
