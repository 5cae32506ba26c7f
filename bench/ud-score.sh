#!/bin/sh
# ud-score.sh - tokenises the Dutch UD Alpino dev and test paragraphs with
# tt-tokenise and prints token boundary F1 and sentence boundary F1 against
# the gold tokens (bench/ud-score), next to ucto's published figures.
#
#   UD_DIR=../shared/data/ud-nl-alpino   where the UD files are
#   ud-score.sh [-v]   -v also lists every differing token and sentence
set -eu
cd "$(dirname "$0")/.."
UD=${UD_DIR:-../shared/data/ud-nl-alpino}
TOK=${TT_BIN:-bin}/tt-tokenise
verbose=
[ "${1:-}" = -v ] && verbose=-v
if [ ! -x "$TOK" ]; then
	echo "ud-score.sh: $TOK not built (run make)" >&2
	exit 2
fi
if [ ! -d "$UD" ]; then
	echo "ud-score.sh: $UD: no UD data" >&2
	exit 2
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT INT TERM
status=0
for set in dev test; do
	para="$UD/nl_alpino-ud-$set.paragraphs.txt"
	gold="$UD/nl_alpino-ud-$set.tokens.docorder.txt"
	[ -f "$para" ] && [ -f "$gold" ] || continue
	"$TOK" "$para" > "$tmp"
	python3 bench/ud-score $verbose "$gold" "$tmp" |
	    sed "s/^/ud-nl-alpino $set	/" || status=2
done
echo "ucto -L nld on test (published): tokens F1 0.989, sentences F1 0.994"
exit $status
