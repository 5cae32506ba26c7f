#!/bin/sh
# demo.sh - what `make demo` runs: tt-analyse over the shipped samples.
#
# `sh pipelines/demo.sh report` draws the report instead (make report).
# One of the samples is also typeset as a PDF (groff -Tpdf, into build/demo/)
# so that the PDF path (pdftotext) is part of the demo.
set -eu
cd "$(dirname -- "$0")/.."
LC_ALL=C
export LC_ALL

# to_pdf TEXT PDF: typesets a plain-text file with groff: paragraphs at
# blank lines; backslashes and leading dots or quotes made harmless, a
# no-break space written as groff's unbreakable space.
to_pdf() {
	{
		printf '.ft H\n.ps 11\n.vs 14\n'
		sed -e 's/\\/\\e/g' -e "s/^[.']/\\\\\\&&/" -e 's/^$/.sp/' \
		    -e 's/\xc2\xa0/\\~/g' -- "$1"
	} | groff -Kutf8 -Tpdf > "$2.tmp"
	mv -f -- "$2.tmp" "$2"
}

mode=${1:-}
set -- samples/*.txt samples/*.vtt samples/*.srt samples/*.html
pdf=build/demo/raadsvoorstel-mantelzorg.pdf
if command -v gropdf >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	mkdir -p build/demo
	# made again when the text is newer (find -newer: test -nt is not POSIX)
	if [ ! -s "$pdf" ] ||
	    [ -n "$(find samples/raadsvoorstel-mantelzorg.txt -newer "$pdf")" ]; then
		to_pdf samples/raadsvoorstel-mantelzorg.txt "$pdf"
	fi
	set -- "$@" "$pdf"
else
	echo "demo.sh: gropdf (Debian package groff) or pdftotext (poppler-utils) missing: the PDF path is left out" >&2
fi

# demo.sh report: the report of the samples as HTML and, when Chromium is
# there, as a PNG picture of the page (build/demo/report.{html,png}).
if [ "$mode" = report ]; then
	mkdir -p build/demo
	if command -v chromium >/dev/null 2>&1; then
		pipelines/tt-report --title 'transitietaal: de voorbeelden' \
		    -o build/demo/report.html --png build/demo/report.png -- "$@"
		echo "build/demo/report.html build/demo/report.png"
	else
		pipelines/tt-report --title 'transitietaal: de voorbeelden' \
		    -o build/demo/report.html -- "$@"
		echo "build/demo/report.html (no PNG: apt-get install chromium)"
	fi
	exit 0
fi

echo "\$ tt-analyse $*"
echo
pipelines/tt-analyse -- "$@"

# One keyness table: what the policy samples say that the residents' letter
# and the focus groups do not, and the candidates the lexicon lacks.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
for f in beleidsnota-sociaal-domein.txt uitvoeringsplan-wijkteams.txt \
    raadsvoorstel-mantelzorg.txt jaarverslag-wijkteam.txt brief-bewoners.txt \
    focusgroep-mantelzorgers.txt focusgroep-vrijwilligers.vtt; do
	bin/tt-normalise -- "samples/$f" | bin/tt-tokenise --doc "$f" | bin/tt-stem > "$tmp/$f"
done
policy="$tmp/beleidsnota-sociaal-domein.txt $tmp/uitvoeringsplan-wijkteams.txt $tmp/raadsvoorstel-mantelzorg.txt $tmp/jaarverslag-wijkteam.txt"
residents="-r $tmp/brief-bewoners.txt -r $tmp/focusgroep-mantelzorgers.txt -r $tmp/focusgroep-vrijwilligers.vtt"
echo
echo "\$ tt-keyness -l transitietaal.tsv --alpha 0.5 -r brief-bewoners.txt -r focusgroep-mantelzorgers.txt \\"
echo "      -r focusgroep-vrijwilligers.vtt beleidsnota-sociaal-domein.txt uitvoeringsplan-wijkteams.txt \\"
echo "      raadsvoorstel-mantelzorg.txt jaarverslag-wijkteam.txt     (each as a stream after tt-stem)"
echo
echo "What the municipality writes and residents do not say: stems and word groups"
echo "of the four policy samples against the letter and the two focus groups."
echo "The samples are small, hence --alpha 0.5 (after Bonferroni correction);"
echo "negative G2: more frequent among the residents."
echo
# shellcheck disable=SC2086
bin/tt-keyness -l transitietaal.tsv --alpha 0.5 $residents $policy |
    awk -F'\t' 'NR == 1 { printf "  %-22s %5s %8s %8s %6s %5s  %s\n", "term", "freq", "ref_freq", "G2", "LRC", "docs", "lexicon"; next }
	{ printf "  %-22s %5s %8s %8.1f %6.2f %5s  %s\n", $1, $3, $4, $7, $10, $13, $14 }'
echo
echo "Candidates the lexicon lacks (tt-keyness --draft, category ? to fill in):"
echo
# shellcheck disable=SC2086
bin/tt-keyness --draft --alpha 0.5 $residents $policy |
    awk -F'\t' '!/^#/ { n++; printf "  %-22s %s\n", $2, $5 } END { if (n == 0) print "  (none)" }'
