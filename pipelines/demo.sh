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
exec pipelines/tt-analyse -- "$@"
