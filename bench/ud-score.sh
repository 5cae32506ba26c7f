#!/bin/sh
# ud-score.sh - tokenises the paragraphs of the Dutch UD treebanks with
# tt-tokenise and prints token boundary F1 and sentence boundary F1 against
# the gold tokens (bench/ud-score), next to ucto's figures where known:
#
#   LassySmall dev   Wikipedia with headings, list items and captions
#   Alpino dev       newspaper text
#   Alpino test      report only: never tuned on, its errors never read
#
# One line per file: treebank, set, token F1, sentence F1, ucto's figures.
# The texts are not transcripts, so speaker turns are off (--no-speakers):
# a "Naam: ..." line of a list would otherwise lose its name to the
# speaker column and no longer match the gold text.
#
#   UD_DATA=../shared/data   where ud-nl-lassysmall/ and ud-nl-alpino/ are
#   ud-score.sh [-v]   -v also lists every differing token and sentence
#                      (of the dev files only)
set -eu
cd "$(dirname "$0")/.."
DATA=${UD_DATA:-../shared/data}
TOK=${TT_BIN:-bin}/tt-tokenise
verbose=
[ "${1:-}" = -v ] && verbose=-v
if [ ! -x "$TOK" ]; then
	echo "ud-score.sh: $TOK not built (run make)" >&2
	exit 2
fi
tmp=$(mktemp)
out=$(mktemp)
trap 'rm -f "$tmp" "$out"' EXIT INT TERM
status=0
found=0

# score TREEBANK SET FILE-PREFIX NOTE: one line, or nothing when the
# files are not there.
score() {
	para="$DATA/$1/$3.paragraphs.txt"
	gold="$DATA/$1/$3.tokens.docorder.txt"
	[ -f "$para" ] && [ -f "$gold" ] || return 0
	found=$((found + 1))
	v=$verbose
	[ "$2" = test ] && v=
	if ! "$TOK" --no-speakers "$para" > "$tmp" ||
	    ! python3 bench/ud-score $v "$gold" "$tmp" > "$out"; then
		echo "ud-score.sh: $1 $2: scoring failed" >&2
		status=2
		return 0
	fi
	[ -n "$v" ] && grep -v '^tokens	\|^sentences	' "$out"
	awk -F'\t' -v tb="$1" -v set="$2" -v note="$4" '
		$1 == "tokens" { tf = $4; tn = $5 }
		$1 == "sentences" { sf = $4; sn = $5 }
		END {
			sub(/^F1 /, "", tf); sub(/^F1 /, "", sf)
			printf "%s\t%s\ttokens F1 %s\tsentences F1 %s\t%s\n",
			    tb, set, tf, sf, note
		}' "$out"
}

score ud-nl-lassysmall dev nl_lassysmall-ud-dev \
    "ucto -L nld: tokens F1 0.993, sentences F1 0.890 (measured here)"
score ud-nl-alpino dev nl_alpino-ud-dev "ucto: not measured"
score ud-nl-alpino test nl_alpino-ud-test \
    "report only, not tuned; ucto -L nld: tokens F1 0.989, sentences F1 0.994 (published)"
if [ "$found" -eq 0 ]; then
	echo "ud-score.sh: $DATA: no UD data" >&2
	exit 2
fi
exit $status
