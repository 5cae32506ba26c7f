#!/bin/sh
# eval-score.sh - the quality bar of tt-score and lexicons/formeel-informeel.tsv
# (issue 4), on the held-out texts in tests/eval/score/:
#   1. verordening.txt (a by-law) scores a more formal register than debat.txt
#      (a council debate);
#   2. the annotated passages (passages.gold.tsv: par, dimension, sign) get
#      balances with the right sign in at least 80% of the gold lines; a
#      paragraph without markers for the dimension (balance _) is a miss.
# Pipeline: tt-normalise | tt-tokenise | tt-stem | tt-score --by par.
# Prints the figures; exits 1 when a bar is not met, 2 on an error.
set -eu

ROOT=$(cd "$(dirname -- "$0")/.." && pwd)
BIN=${TT_BIN:-$ROOT/bin}
D=$ROOT/tests/eval/score
LEX=${TT_SCORE_LEXICON:-formeel-informeel.tsv}
TMP=$(mktemp -d)
trap 'rm -rf -- "$TMP"' EXIT INT TERM

score() {	# file, unit
	"$BIN/tt-normalise" -- "$1" | "$BIN/tt-tokenise" --doc "$(basename -- "$1")" |
	    "$BIN/tt-stem" | "$BIN/tt-score" -l "$LEX" --by "$2"
}

# The column of a dimension's balance in a tt-score table (header line).
col() {
	head -n 1 "$1" | tr '\t' '\n' | grep -n -x -- "$2" | cut -d: -f1
}

status=0

# 1. register: by-law against debate
score "$D/verordening.txt" doc > "$TMP/verordening"
score "$D/debat.txt" doc > "$TMP/debat"
cv=$(col "$TMP/verordening" register)
v=$(sed -n 2p "$TMP/verordening" | cut -f"$cv")
d=$(sed -n 2p "$TMP/debat" | cut -f"$cv")
if awk -v v="$v" -v d="$d" 'BEGIN { exit !(v != "_" && d != "_" && v + 0 > d + 0) }'; then
	verdict=ok
else
	verdict=FAIL
	status=1
fi
printf 'register balance: verordening.txt %s, debat.txt %s  (%s: by-law more formal)\n' \
    "$v" "$d" "$verdict"

# 2. the annotated passages
score "$D/passages.txt" par > "$TMP/passages"
cb=$(col "$TMP/passages" bestuurlijk)
ck=$(col "$TMP/passages" kwalitatief)
cr=$(col "$TMP/passages" register)
awk -F'\t' -v cb="$cb" -v ck="$ck" -v cr="$cr" '
FNR == NR {
	if ($0 ~ /^#/) next
	bal[$2, "bestuurlijk"] = $cb; bal[$2, "kwalitatief"] = $ck
	bal[$2, "register"] = $cr
	next
}
/^#/ || NF < 3 { next }
{
	n++; nd[$2]++
	b = (($1, $2) in bal) ? bal[$1, $2] : "_"
	ok = b != "_" && (($3 == "+" && b + 0 > 0) || ($3 == "-" && b + 0 < 0))
	if (ok) { good++; gd[$2]++ }
	else misses = misses sprintf("  miss: par %s %s %s, balance %s\n", $1, $2, $3, b)
}
END {
	printf "%s", misses
	for (k in nd)
		printf "  %-12s %3d/%3d = %5.1f%%\n", k, gd[k], nd[k], 100 * gd[k] / nd[k] | "sort"
	close("sort")
	pct = n ? 100 * good / n : 0
	printf "passages: %d/%d gold lines with the right sign = %.1f%% (bar 80%%: %s)\n",
	    good, n, pct, (pct >= 80 ? "ok" : "FAIL")
	exit (pct >= 80 ? 0 : 1)
}' "$TMP/passages" "$D/passages.gold.tsv" || status=1
exit "$status"
