#!/bin/sh
# eval-speakers.sh - precision and recall of tt-tokenise's speaker turns on
# real Dutch records.
#
# Usage: sh bench/eval-speakers.sh [-v] [DATADIR]
#
# DATADIR (default ../shared/data/real-nl, seen from the top of the tree)
# holds the real texts; they are not copied into the repository. For every
# tests/eval/speakers/NAME.turns, runs tt-tokenise on DATADIR/NAME.txt and
# compares its turns with the hand-checked list: one true turn a line,
# "line<TAB>speaker", the line being that of the first word spoken (the
# line after a label that stands alone, as in the Handelingen); '#' starts
# a comment. An empty list says the text holds no turns at all.
#
# A turn of tt-tokenise is a token whose speaker is not '_' and differs
# from the speaker of the token before it, or starts a new paragraph: the
# first token of each labelled turn. A turn is right when its line and
# its speaker both equal those of a true turn; "line only" counts a right
# line with any speaker. Texts of DATADIR with no list are not records of
# speech (proposals, laws, regulations): every turn found in them is
# counted as false, in the "no list" row and in the totals.
#
# -v also lists every missed turn (-) and every false one (+).
# Exit 0, or 2 on errors (no list, a text or tt-tokenise missing).
set -eu
export LC_ALL=C
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PATH="$ROOT/bin:$PATH"

verbose=0
if [ "${1:-}" = "-v" ]; then
	verbose=1
	shift
fi
data=${1:-../shared/data/real-nl}
lists=tests/eval/speakers

command -v tt-tokenise >/dev/null ||
    { echo "eval-speakers: no tt-tokenise (run make)" >&2; exit 2; }
[ -d "$data" ] || { echo "eval-speakers: $data: no such directory" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# The turns of one tokenised text: line<TAB>speaker.
turns() {
	tt-tokenise -- "$1" | awk -F'\t' '
		NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		{
			s = $col["speaker"]; p = $col["par"]
			if (s != "_" && (s != prev || p != prevpar))
				print $col["line"] "\t" s
			prev = s; prevpar = p
		}'
}

: > "$tmp/listed"
for list in "$lists"/*.turns; do
	[ -e "$list" ] || { echo "eval-speakers: no lists in $lists" >&2; exit 2; }
	name=$(basename "$list" .turns)
	text="$data/$name.txt"
	[ -r "$text" ] || { echo "eval-speakers: $text: cannot read" >&2; exit 2; }
	echo "$name" >> "$tmp/listed"
	turns "$text" > "$tmp/found"
	grep -v '^#' "$list" | grep -v '^[[:space:]]*$' > "$tmp/true" || :
	awk -F'\t' -v name="$name" -v verbose="$verbose" -v truef="$tmp/true" '
		BEGIN {
			while ((getline l < truef) > 0) {
				split(l, f, "\t")
				t[l] = 1; tl[f[1]] = f[2]; nt++
			}
		}
		{
			nf++
			if (($1 "\t" $2) in t) { ok++; seen[$1 "\t" $2] = 1 }
			else if (verbose) fp[++nfp] = "  + " $1 "\t" $2
			if ($1 in tl) { okl++; seenl[$1] = 1 }
		}
		END {
			printf "%s\t%d\t%d\t%d\t%d\n", name, nt, nf, ok, okl
			if (verbose) {
				for (k in t) if (!(k in seen)) print "  - " k > "/dev/stderr"
				for (i = 1; i <= nfp; i++) print fp[i] > "/dev/stderr"
			}
		}' "$tmp/found" >> "$tmp/rows"
done

# Texts with no list: every turn is false.
nolist_texts=0
nolist_found=0
for text in "$data"/*.txt; do
	name=$(basename "$text" .txt)
	grep -qxF -- "$name" "$tmp/listed" && continue
	nolist_texts=$((nolist_texts + 1))
	n=$(turns "$text" | tee "$tmp/found" | wc -l)
	nolist_found=$((nolist_found + n))
	if [ "$verbose" = 1 ]; then
		sed "s/^/  + $name:/" "$tmp/found" >&2
	fi
done
printf '(%d texts with no list)\t0\t%d\t0\t0\n' "$nolist_texts" \
    "$nolist_found" >> "$tmp/rows"

awk -F'\t' '
	function pct(a, b) { return b ? sprintf("%.1f%%", 100 * a / b) : "-" }
	BEGIN { printf "%-62s %5s %5s %5s %9s %9s\n", "text", "true", "found",
	    "right", "precision", "recall" }
	{
		printf "%-62s %5d %5d %5d %9s %9s\n", substr($1, 1, 62), $2, $3,
		    $4, pct($4, $3), pct($4, $2)
		nt += $2; nf += $3; ok += $4; okl += $5
	}
	END {
		printf "%-62s %5d %5d %5d %9s %9s\n", "all", nt, nf, ok,
		    pct(ok, nf), pct(ok, nt)
		printf "%-62s %5s %5s %5d %9s %9s\n", "all, line only", "", "",
		    okl, pct(okl, nf), pct(okl, nt)
	}' "$tmp/rows"
