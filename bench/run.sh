#!/bin/sh
# make bench: times every filter and the whole pipeline on a corpus of at
# least 100 MB built from samples/ and the Dutch text in ../shared/data, next
# to the peers a user would otherwise reach for, measured in the same run.
# Prints a table and writes it, with date and machine, to bench/RESULTS.md.
#
#   BENCH_MB=100   size of the corpus in MB (at least 100 for RESULTS.md)
#   BENCH_RUNS=5   rounds: each command runs once a round; its fastest run counts
#                  (the machines are virtual; their speed wanders for minutes)
#   BENCH_OUT=bench/out  where the corpus and intermediate streams go
set -eu
export LC_ALL=C
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PATH="$ROOT/bin:$ROOT/pipelines:$PATH"
MB=${BENCH_MB:-100}
RUNS=${BENCH_RUNS:-5}
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

# run NAME INPUT TOKENS COMMAND: queues COMMAND (a shell command reading
# $IN) to be timed; its number is left in $last. measure then runs every
# queued command once per round, RUNS rounds, so that each is timed at
# several moments: these virtual machines speed up and slow down for
# minutes at a time. For each it prints the least CPU seconds (user +
# system, summed over every process of a pipeline) and the least wall
# seconds of its runs, MB/s of INPUT and tokens/s by CPU time, and the
# peak memory; figs N then sets cpu, wall and tps for the targets.
Q="$OUT/queue"
rm -rf "$Q" && mkdir -p "$Q"
nq=0
run() {
	nq=$((nq + 1))
	last=$nq
	printf '%s\n' "$1" > "$Q/$nq.name"
	printf '%s\n' "$2" > "$Q/$nq.in"
	printf '%s\n' "$3" > "$Q/$nq.toks"
	printf '%s\n' "$4" > "$Q/$nq.cmd"
	: > "$Q/$nq.times"
}
measure() {
	round=1
	while [ $round -le "$RUNS" ]; do
		n=1
		while [ $n -le $nq ]; do
			if [ ! -f "$Q/$n.failed" ]; then
				if IN=$(cat "$Q/$n.in") /usr/bin/time -f '%e %U %S %M' -o "$TIMEF" \
				    sh -c "$(cat "$Q/$n.cmd")" >/dev/null 2>"$OUT/stderr"; then
					tail -n 1 "$TIMEF" >> "$Q/$n.times"
				else
					echo "bench: $(cat "$Q/$n.name") failed:" >&2
					cat "$OUT/stderr" >&2
					: > "$Q/$n.failed"
				fi
			fi
			n=$((n + 1))
		done
		echo "bench: round $round of $RUNS done" >&2
		round=$((round + 1))
	done
	n=1
	while [ $n -le $nq ]; do
		name=$(cat "$Q/$n.name")
		if [ -f "$Q/$n.failed" ]; then
			printf '| %s | failed | | | | | |\n' "$name" | tee -a "$RESULTS"
		else
			awk -v n="$name" -v b="$(wc -c < "$(cat "$Q/$n.in")")" -v t="$(cat "$Q/$n.toks")" '
			    NR == 1 || $2 + $3 < c { c = $2 + $3 } NR == 1 || $1 < w { w = $1 }
			    $4 > m { m = $4 }
			    END {
				if (c < 0.01) c = 0.01
				tps = t > 0 ? sprintf("%.2f M", t / c / 1e6) : ""
				printf "| %s | %.1f | %.2f | %.2f | %.1f | %s | %.1f |\n", n, b / 1e6, c, w, b / 1e6 / c, tps, m / 1024
			    }' "$Q/$n.times" | tee -a "$RESULTS"
		fi
		n=$((n + 1))
	done
}
# figs N: cpu, wall (least seconds), tps (tokens per CPU second) and mbs
# (MB of input per CPU second) of queued command N; 0 when it failed.
figs() {
	if [ -f "$Q/$1.failed" ] || [ ! -s "$Q/$1.times" ]; then
		cpu=0 wall=0 tps=0 mbs=0
		return 0
	fi
	set -- $(awk -v b="$(wc -c < "$(cat "$Q/$1.in")")" -v t="$(cat "$Q/$1.toks")" '
	    NR == 1 || $2 + $3 < c { c = $2 + $3 } NR == 1 || $1 < w { w = $1 }
	    END { if (c < 0.01) c = 0.01; printf "%.2f %.2f %.2f %.3f", c, w, t / c / 1e6, b / 1e6 / c }' "$Q/$1.times")
	cpu=$1 wall=$2 tps=$3 mbs=$4
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
q_poets=$last q_ucto=
if have ucto; then
	sw=$(wc -w < "$OUT/slice-1.txt")
	run "ucto -L nld (1 MB slice)" "$OUT/slice-1.txt" "$sw" 'ucto -L nld -n "$IN" /dev/stdout'
	q_ucto=$last
fi

# Our filters, each on the output of the one before it.
stream="$OUT/stream.tsv"
tt-normalise "$corpus" > "$OUT/norm.txt"
run "tt-normalise" "$corpus" "$words" 'tt-normalise "$IN"'
q_normalise=$last
tt-tokenise --doc corpus "$OUT/norm.txt" > "$stream"
tokens=$(($(wc -l < "$stream") - 1))
run "tt-tokenise" "$OUT/norm.txt" "$tokens" 'tt-tokenise --doc corpus "$IN"'
q_tokenise=$last
tt-stem "$stream" > "$OUT/stem.tsv"
run "tt-stem" "$stream" "$tokens" 'tt-stem "$IN"'
q_stem=$last
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
tt-jargon "$OUT/stem.tsv" > "$OUT/jargon.tsv"
run "tt-jargon (shipped lexicon)" "$OUT/stem.tsv" "$tokens" 'tt-jargon "$IN"'
q_jargon=$last
# grep's multi-string search with the lexicon's phrases.
# literal patterns only: regex entries have no fixed string
awk -F'\t' '!/^#/ && NF >= 2 && $2 !~ /\// { p = $2; gsub(/[*=]/, "", p); gsub(/ ~[0-9]+ /, " ", p); if (p != "") print p }' \
    lexicons/transitietaal.tsv > "$OUT/phrases.txt"
# (through cat: GNU grep stops at the first match when its output is
# /dev/null)
run "grep -F -c -f phrases.txt" "$corpus" "$words" 'grep -F -i -c -f '"$OUT"'/phrases.txt "$IN" | cat'
run "tt-score" "$OUT/stem.tsv" "$tokens" 'tt-score "$IN"'
q_score=$last
run "tt-kwic -w wijkteam" "$OUT/stem.tsv" "$tokens" 'tt-kwic --color=never -w wijkteam "$IN"'
q_kwic=$last
run "tt-cooc --field stem" "$OUT/stem.tsv" "$tokens" 'tt-cooc --field stem "$IN"'
q_cooc=$last
# tt-keyness: the corpus as target against its first 200,000 tokens (a
# reference has to differ somewhat), stems and word groups of up to 3, and
# its counting pass alone; the peer counts the single stems of both with
# sort | uniq -c and joins the two lists (no groups, no measures).
head -n 200001 "$OUT/stem.tsv" > "$OUT/keyness-ref.tsv"
run "tt-keyness -r REF (stems, groups of 3)" "$OUT/stem.tsv" "$tokens" \
    'tt-keyness -r '"$OUT"'/keyness-ref.tsv "$IN"'
run "tt-keyness --counts" "$OUT/stem.tsv" "$tokens" 'tt-keyness --counts "$IN"'
cat > "$OUT/peer-keyness.sh" <<'PEER'
# peer-keyness.sh TARGET REFERENCE: stem frequencies of both, joined.
set -eu
count() {
	awk -F'\t' '!/^#/ && ($6 == "word" || $6 == "abbr") { print $9 }' "$1" |
	    LC_ALL=C sort | LC_ALL=C uniq -c | awk '{ print $2 "\t" $1 }'
}
count "$1" > "$1.peer-t"
count "$2" > "$1.peer-r"
LC_ALL=C join -t "$(printf '\t')" -a 1 -a 2 -e 0 -o 0,1.2,2.2 "$1.peer-t" "$1.peer-r"
rm -f "$1.peer-t" "$1.peer-r"
PEER
run "peer: awk | sort | uniq -c | join (single stems)" "$OUT/stem.tsv" "$tokens" \
    'sh '"$OUT"'/peer-keyness.sh "$IN" '"$OUT"'/keyness-ref.tsv'
run "pipeline: normalise|tokenise|stem|jargon|score" "$corpus" "$tokens" \
    'tt-normalise "$IN" | tt-tokenise --doc corpus | tt-stem | tt-jargon | tt-score'
q_pipe=$last

measure

figs "$q_normalise"
target "tt-normalise MB/s (2)" "$mbs" ">=" 100
figs "$q_tokenise"
target "tt-tokenise MB/s (2)" "$mbs" ">=" 50
tok_mbs=$mbs
if [ -n "$q_ucto" ]; then
	figs "$q_ucto"
	target "tt-tokenise / ucto, MB/s (2, 6)" "$(awk -v a="$tok_mbs" -v u="$mbs" 'BEGIN { printf "%.0f", (u > 0 ? a / u : 0) }')" ">=" 200
fi
figs "$q_stem"
target "tt-stem M tokens/s (2)" "$tps" ">=" 10
figs "$q_jargon"
target "tt-jargon M tokens/s, shipped lexicon (3)" "$tps" ">=" 5
figs "$q_score"
target "tt-score M tokens/s (4)" "$tps" ">=" 5
figs "$q_kwic"
target "tt-kwic M tokens/s (4)" "$tps" ">=" 5
figs "$q_cooc"
target "tt-cooc CPU s, sentence pairs of stems (4)" "$cpu" "<=" 60
figs "$q_poets"
poets_cpu=$cpu poets_wall=$wall
figs "$q_pipe"
target "pipeline wall s, against Unix for Poets (6)" "$wall" "<=" "$poets_wall"
target "pipeline CPU s, against Unix for Poets" "$cpu" "<=" "$poets_cpu"

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
# jargon: the real documents first (the figures that count), then the
# texts written here, then the two side by side
if [ -f bench/eval-jargon.sh ]; then
	sh bench/eval-jargon.sh tests/eval/jargon-real > "$OUT/eval-real.txt" 2>&1 || true
	sh bench/eval-jargon.sh tests/eval/jargon > "$OUT/eval-written.txt" 2>&1 || true
	cat "$OUT/eval-real.txt" "$OUT/eval-written.txt" >> "$quality"
	{
		echo
		echo "jargon: written texts vs real texts"
		printf 'texts\tcore recall\tall recall\tprecision\tlook-alikes hit\n'
		for k in written real; do
			awk -F'\t' -v k="$k" '$1 == "all" { print k "\t" $5 "\t" $6 "\t" $7 "\t" $8 }' \
			    "$OUT/eval-$k.txt"
		done
	} >> "$quality"
fi
[ -f bench/eval-jargon.sh ] && sh bench/eval-jargon.sh --speed >> "$quality" 2>&1 || true
[ -f bench/eval-score.sh ] && sh bench/eval-score.sh >> "$quality" 2>&1 || true
sh bench/documents.sh >> "$quality" 2>&1 || true
sh bench/cooc-by-doc.sh >> "$quality" 2>&1 || true
cat "$quality"
serve="$OUT/serve.txt"
if [ -x bin/tt-serve ]; then
	sh bench/serve.sh > "$serve" 2>&1 || echo "bench/serve.sh failed" >> "$serve"
else
	echo "tt-serve not built" > "$serve"
fi
cat "$serve"
echo
cat "$TARGETS"

{
	echo "# Benchmark results"
	echo
	echo "Made by \`make bench\` on $(date -u '+%Y-%m-%d %H:%M UTC'),"
	echo "$(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo),"
	echo "$(free -g | awk '/^Mem/ { print $2 }') GiB; corpus $mbytes MB ($words words) built from samples/ and ../shared/data."
	echo "Peers measured in the same run. ucto runs on a 1 MB slice. Every command ran once in each"
	echo "of $RUNS rounds, so at different moments (the speed of these shared virtual machines"
	echo "wanders by up to 1.5x for minutes at a time); the least CPU time and the least wall time"
	echo "of its runs are shown. Rates are by CPU time"
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
	echo
	echo "## tt-serve"
	echo
	echo "bench/serve.sh: POST /api/analyse of 1,000 words over loopback; a key press"
	echo "to the updated marks on the page for 10,000 words, in headless Chromium"
	echo "(bench/serve-keystroke.py says what each figure covers)."
	echo
	echo '```'
	cat "$serve"
	echo '```'
} > bench/RESULTS.md
echo "bench: wrote bench/RESULTS.md"
