#!/bin/sh
# make bench: times every filter and the whole pipeline on a corpus of at
# least 100 MB built from samples/ and the Dutch text in ../shared/data, next
# to the peers a user would otherwise reach for, measured in the same run.
# Prints a table and writes it, with date and machine, to bench/RESULTS.md.
#
#   BENCH_MB=100   size of the corpus in MB (at least 100 for RESULTS.md)
#   BENCH_RUNS=3   runs of each command; the fastest counts (the machines
#                  are virtual and their speed wanders from minute to minute)
#   BENCH_OUT=bench/out  where the corpus and intermediate streams go
set -eu
export LC_ALL=C
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PATH="$ROOT/bin:$ROOT/pipelines:$PATH"
MB=${BENCH_MB:-100}
RUNS=${BENCH_RUNS:-3}
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
TARGETS="$OUT/targets.md"
: > "$RESULTS"
{
	echo "| target (issue) | measured | wanted | |"
	echo "|---|---:|---|---|"
} > "$TARGETS"

# run NAME INPUT TOKENS COMMAND: times COMMAND (a shell command reading
# $IN) RUNS times and prints the least CPU seconds (user + system, summed
# over every process of a pipeline) and the least wall seconds, MB/s of INPUT
# and tokens/s by CPU time, and peak memory. The figures of the last command
# are kept in cpu, wall and tps (tokens per CPU second) for the targets.
run() {
	name=$1 in=$2 toks=$3 cmd=$4
	inb=$(wc -c < "$in")
	: > "$TIMEF.all"
	i=0
	while [ $i -lt "$RUNS" ]; do
		if ! IN="$in" /usr/bin/time -f '%e %U %S %M' -o "$TIMEF" sh -c "$cmd" >/dev/null 2>"$OUT/stderr"; then
			echo "bench: $name failed:" >&2
			cat "$OUT/stderr" >&2
			printf '| %s | failed | | | | | |\n' "$name" >> "$RESULTS"
			cpu=0 wall=0 tps=0
			return 0
		fi
		tail -n 1 "$TIMEF" >> "$TIMEF.all"
		i=$((i + 1))
	done
	set -- $(awk 'NR == 1 || $2 + $3 < c { c = $2 + $3 } NR == 1 || $1 < w { w = $1 }
	    $4 > m { m = $4 } END { if (c < 0.01) c = 0.01; print c, w, m }' "$TIMEF.all")
	cpu=$1 wall=$2
	tps=$(awk -v t="$toks" -v c="$cpu" 'BEGIN { printf "%.0f", t / c }')
	awk -v n="$name" -v s="$1" -v w="$2" -v kb="$3" -v b="$inb" -v t="$toks" 'BEGIN {
		tps = t > 0 ? sprintf("%.2f M", t / s / 1e6) : ""
		printf "| %s | %.1f | %.2f | %.2f | %.1f | %s | %.1f |\n", n, b / 1e6, s, w, b / 1e6 / s, tps, kb / 1024
	}' | tee -a "$RESULTS"
}

# target TEXT VALUE OP LIMIT: one line of the targets table, met or missed.
target() {
	awk -v t="$1" -v v="$2" -v op="$3" -v l="$4" 'BEGIN {
		ok = op == ">=" ? v >= l : v <= l
		printf "| %s | %s | %s %s | %s |\n", t, v, op, l, ok ? "met" : "**missed**"
	}' >> "$TARGETS"
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
poets_cpu=$cpu poets_wall=$wall
ucto_mbs=0
if have ucto; then
	sw=$(wc -w < "$OUT/slice-1.txt")
	run "ucto -L nld (1 MB slice)" "$OUT/slice-1.txt" "$sw" 'ucto -L nld -n "$IN" /dev/stdout'
	ucto_mbs=$(awk -v b="$(wc -c < "$OUT/slice-1.txt")" -v c="$cpu" 'BEGIN { print b / 1e6 / c }')
fi
mbs() { awk -v b="$(wc -c < "$1")" -v c="$cpu" 'BEGIN { printf "%.1f", b / 1e6 / c }'; }
mtps() { awk -v t="$tps" 'BEGIN { printf "%.2f", t / 1e6 }'; }

# Our filters, each on the output of the one before it.
stream="$OUT/stream.tsv"
if have tt-normalise; then
	run "tt-normalise" "$corpus" "$words" 'tt-normalise "$IN"'
	target "tt-normalise MB/s (2)" "$(mbs "$corpus")" ">=" 100
	tt-normalise "$corpus" > "$OUT/norm.txt"
else
	cp "$corpus" "$OUT/norm.txt"
fi
if have tt-tokenise; then
	tt-tokenise --doc corpus "$OUT/norm.txt" > "$stream"
	tokens=$(($(wc -l < "$stream") - 1))
	run "tt-tokenise" "$OUT/norm.txt" "$tokens" 'tt-tokenise --doc corpus "$IN"'
	target "tt-tokenise MB/s (2)" "$(mbs "$OUT/norm.txt")" ">=" 50
	if [ "$ucto_mbs" != 0 ]; then
		target "tt-tokenise / ucto, MB/s (2, 6)" "$(awk -v a="$(mbs "$OUT/norm.txt")" -v u="$ucto_mbs" 'BEGIN { printf "%.0f", a / u }')" ">=" 200
	fi
	tt-stem "$stream" > "$OUT/stem.tsv"
	run "tt-stem" "$stream" "$tokens" 'tt-stem "$IN"'
	target "tt-stem M tokens/s (2)" "$(mtps)" ">=" 10
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
		target "tt-jargon M tokens/s, shipped lexicon (3)" "$(mtps)" ">=" 5
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
		target "tt-score M tokens/s (4)" "$(mtps)" ">=" 5
	fi
	if have tt-kwic; then
		run "tt-kwic -w wijkteam" "$OUT/stem.tsv" "$tokens" 'tt-kwic --color=never -w wijkteam "$IN"'
		target "tt-kwic M tokens/s (4)" "$(mtps)" ">=" 5
	fi
	if have tt-cooc; then
		run "tt-cooc --field stem" "$OUT/stem.tsv" "$tokens" 'tt-cooc --field stem "$IN"'
		target "tt-cooc CPU s, sentence pairs of stems (4)" "$cpu" "<=" 60
	fi
	pipe='tt-normalise "$IN" | tt-tokenise --doc corpus | tt-stem'
	have tt-jargon && pipe="$pipe | tt-jargon"
	have tt-score && pipe="$pipe | tt-score"
	run "pipeline: normalise|tokenise|stem|jargon|score" "$corpus" "$tokens" "$pipe"
	target "pipeline wall s, against Unix for Poets (6)" "$wall" "<=" "$poets_wall"
	target "pipeline CPU s, against Unix for Poets" "$cpu" "<=" "$poets_cpu"
fi

# Memory must stay flat as input grows: 2 MB of text, the corpus, and the
# corpus twice (read through cat, so no 200 MB copy is stored).
double=$(awk -v m="$MB" 'BEGIN { print 2 * m }')
echo | tee -a "$RESULTS"
echo "| filter | peak RSS MB, 2 MB of text | $MB MB | $double MB |" | tee -a "$RESULTS"
echo "|---|---:|---:|---:|" | tee -a "$RESULTS"
rss() {
	IN="$2" /usr/bin/time -f '%M' -o "$TIMEF" sh -c "$1" >/dev/null 2>&1 || true
	tail -n 1 "$TIMEF" | awk '{ printf "%.1f", $1 / 1024 }'
}
# memrow FILTER ARGS SMALL BIG: one row; the largest RSS and the largest
# growth from 2 MB of text on (in MB) kept.
maxrss=0 growth=0
memrow() {
	a=$(rss "exec $1 $2 \"\$IN\"" "$3")
	b=$(rss "exec $1 $2 \"\$IN\"" "$4")
	c=$(rss "cat \"\$IN\" \"\$IN\" | $1 $2" "$4")
	printf '| %s | %s | %s | %s |\n' "$1" "$a" "$b" "$c" | tee -a "$RESULTS"
	set -- $(awk -v a="$a" -v b="$b" -v c="$c" -v m="$maxrss" -v g="$growth" 'BEGIN {
		x = a > b ? a : b; x = x > c ? x : c; if (m > x) x = m
		r = (c > b ? c : b) - a; if (g > r) r = g
		printf "%.1f %.1f", x, r }')
	maxrss=$1 growth=$2
}
if have tt-tokenise; then
	tt-normalise "$OUT/corpus-2.txt" > "$OUT/norm-2.txt" 2>/dev/null || cp "$OUT/corpus-2.txt" "$OUT/norm-2.txt"
	tt-tokenise --doc c "$OUT/norm-2.txt" > "$OUT/stream-2.tsv"
	tt-stem "$OUT/stream-2.tsv" > "$OUT/stem-2.tsv"
	for f in tt-normalise tt-tokenise; do
		have "$f" && memrow "$f" "" "$OUT/corpus-2.txt" "$corpus"
	done
	memrow tt-stem "" "$OUT/stream-2.tsv" "$stream"
	for f in tt-jargon tt-score tt-kwic tt-cooc; do
		have "$f" || continue
		args=
		[ "$f" = tt-kwic ] && args="--color=never -w wijkteam"
		[ "$f" = tt-cooc ] && args="--field stem"
		memrow "$f" "$args" "$OUT/stem-2.tsv" "$OUT/stem.tsv"
	done
	target "largest peak RSS of a stream filter, MB (2, 6)" "$maxrss" "<=" 16
	# flat: RSS varies by a few hundred KB from run to run; growing with
	# the input would be tens of MB here
	target "growth of peak RSS from 2 to $double MB of text, worst filter, MB (2, 6)" "$growth" "<=" 1
fi

# Quality: tokenisation against UD Dutch gold, jargon and score evaluations.
quality="$OUT/quality.txt"
: > "$quality"
[ -x bench/ud-score.sh ] && sh bench/ud-score.sh >> "$quality" 2>&1 || true
[ -f bench/eval-jargon.sh ] && sh bench/eval-jargon.sh >> "$quality" 2>&1 || true
[ -f bench/eval-jargon.sh ] && sh bench/eval-jargon.sh --speed >> "$quality" 2>&1 || true
[ -f bench/eval-score.sh ] && sh bench/eval-score.sh >> "$quality" 2>&1 || true
cat "$quality"
echo
cat "$TARGETS"

{
	echo "# Benchmark results"
	echo
	echo "Made by \`make bench\` on $(date -u '+%Y-%m-%d %H:%M UTC'),"
	echo "$(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo),"
	echo "$(free -g | awk '/^Mem/ { print $2 }') GiB; corpus $mbytes MB ($words words) built from samples/ and ../shared/data."
	echo "Peers measured in the same run. ucto runs on a 1 MB slice. Each command ran $RUNS times;"
	echo "the least CPU time and the least wall time of its runs are shown. Rates are by CPU time"
	echo "(user + system of all processes), which other load changes less than wall time,"
	echo "though not entirely on a virtual machine with shared cores; wall time is shown"
	echo "beside it. Peak RSS of a pipeline is that of its largest process."
	[ -n "${BENCH_NOTE:-}" ] && echo && echo "$BENCH_NOTE"
	echo
	echo "## Targets"
	echo
	echo "The speed and memory targets of the issues (their numbers in brackets),"
	echo "from the figures below."
	echo
	cat "$TARGETS"
	echo
	echo "## Figures"
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
