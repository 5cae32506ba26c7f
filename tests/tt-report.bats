#!/usr/bin/env bats
# tt-report: one self-contained HTML page with inline SVG pictures, drawn by
# gnuplot and Graphviz; rendered by headless Chromium when it is there.

load helper

setup() {
	cd "$FIX/pipelines"
	T=$BATS_TEST_TMPDIR
}

report() {
	tt-report -l jargon.tsv -s score.tsv "$@"
}

# The pictures of a page, one SVG document per file $T/svgN.svg.
split_svgs() {
	awk -v dir="$T" '/<svg/ { n++; out = dir "/svg" n ".svg" } out { print > out } /<\/svg>/ { out = "" }' "$1"
}

@test "--help, bad usage: exit 2" {
	run --separate-stderr tt-report --help
	assert_success
	[[ "${lines[0]}" == "usage: tt-report "* ]]
	run --separate-stderr tt-report
	assert_failure 2
	[[ "$stderr" == "tt-report: no files given"$'\n'"usage: tt-report "* ]]
	run --separate-stderr tt-report --top 0 nota.txt
	assert_failure 2
	[[ "$stderr" == "tt-report: --top: not a positive number: 0"$'\n'* ]]
	run --separate-stderr tt-report --from "$T" nota.txt
	assert_failure 2
	[[ "$stderr" == "tt-report: --from DIR takes no files"$'\n'* ]]
}

@test "the man page renders without warnings" {
	run --separate-stderr groff -man -ww -z "$ROOT/pipelines/tt-report.1"
	assert_success
	[ -z "$stderr" ]
}

@test "one self-contained page: four inline SVG pictures, no script, nothing fetched" {
	run --separate-stderr report -o "$T/r.html" nota.txt gesprek.vtt notulen.srt rapport.pdf
	assert_success
	assert_output ''
	[ -z "$stderr" ]
	[ "$(grep -c '<svg' "$T/r.html")" -eq 4 ]
	no_match -Ei '<script|<link|<img|<iframe|src=|url\(|@import' "$T/r.html"
	# the only URLs are XML namespace names
	[ -z "$(grep -Eo '(https?|ftp)://[^"]*' "$T/r.html" | grep -v '^http://www\.w3\.org/' | sort -u)" ]
	split_svgs "$T/r.html"
	for f in "$T"/svg*.svg; do
		xmllint --noout "$f"
	done
	xmllint --html --noout "$T/r.html"
}

@test "the page holds the numbers of tt-analyse: per document, and the terms with alternatives" {
	report -o "$T/r.html" nota.txt gesprek.vtt
	grep -q '<tr><td>nota.txt</td><td>40</td><td>8</td><td>200.0</td>' "$T/r.html"
	grep -q '<tr><td>gesprek.vtt</td><td>32</td><td>5</td><td>156.2</td>' "$T/r.html"
	grep -q '<tr><td><b>all documents</b></td><td>72</td><td>13</td><td>180.6</td>' "$T/r.html"
	grep -q '<tr><td>5</td><td>wijkteam</td><td>team in de wijk</td><td>actor-formeel</td><td>nota.txt:1</td></tr>' "$T/r.html"
	# the density bars are labelled with the documents and their values
	split_svgs "$T/r.html"
	grep -q '>nota.txt<' "$T/svg1.svg"
	grep -q '> 200.0<' "$T/svg1.svg"
	grep -q '> 156.2<' "$T/svg1.svg"
	# the balance picture has one legend entry per dimension
	grep -q '>bestuurlijk<' "$T/svg2.svg"
	grep -q '>register<' "$T/svg2.svg"
	# the network is labelled with forms; the entry id is the tooltip
	grep -q '<text[^>]*>wijkteam</text>' "$T/svg4.svg"
	no_match '<text[^>]*>jargon:wijkteam</text>' "$T/svg4.svg"
	grep -q '<title>jargon:wijkteam</title>' "$T/svg4.svg"
}

@test "--from DIR draws the tables of tt-analyse --out DIR" {
	tt-analyse -l jargon.tsv -s score.tsv --out "$T/tables" nota.txt gesprek.vtt > /dev/null
	run --separate-stderr tt-report --from "$T/tables" --title 'Wijk <Noord> & "Zuid"'
	assert_success
	[[ "$output" == *'<title>Wijk &lt;Noord&gt; &amp; &quot;Zuid&quot;</title>'* ]]
	[ "$(grep -c '<svg' <<<"$output")" -eq 4 ]
	run --separate-stderr tt-report --from "$T"
	assert_failure 2
	[ "$stderr" = "tt-report: $T: no summary.tsv (a directory written by tt-analyse --out)" ]
}

@test "names with markup are escaped; a document without jargon; a file that is not there" {
	cp nota.txt "$T/<b>&amp.txt"
	printf 'Een gewone zin zonder moeilijke woorden.\n' > "$T/gewoon.txt"
	run --separate-stderr report -o "$T/r.html" "$T/<b>&amp.txt" "$T/gewoon.txt" "$T/weg.txt"
	assert_failure 2
	[ "$stderr" = "tt-analyse: $T/weg.txt: No such file or directory" ]
	grep -q "<tr><td>$T/&lt;b&gt;&amp;amp.txt</td><td>40</td>" "$T/r.html"
	grep -q "<li>$T/weg.txt: No such file or directory</li>" "$T/r.html"
	no_match '<b>&amp.txt' "$T/r.html"
	split_svgs "$T/r.html"
	for f in "$T"/svg*.svg; do
		xmllint --noout "$f"
	done
}

@test "a corpus without jargon pairs: a page that says so" {
	run --separate-stderr report brief.html
	assert_success
	[[ "$output" == *'No pair of jargon entries occurs together in two or more sentences.'* ]]
	[ "$(grep -c '<svg' <<<"$output")" -eq 3 ]
}

@test "a missing gnuplot names the Debian package" {
	mkdir "$T/path"
	for f in /usr/bin/* /bin/*; do
		case ${f##*/} in
		gnuplot*) ;;
		*) [ -e "$T/path/${f##*/}" ] || ln -s "$f" "$T/path/${f##*/}" ;;
		esac
	done
	run --separate-stderr env PATH="$T/path" "$ROOT/pipelines/tt-report" nota.txt
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-report: gnuplot not found; install the Debian package gnuplot-nox (apt-get install gnuplot-nox)" ]
}

@test "> /dev/full is an error with exit 2" {
	run --separate-stderr bash -c 'tt-report -l jargon.tsv -s score.tsv nota.txt > /dev/full'
	assert_failure 2
	[ "$stderr" = "tt-report: stdout: No space left on device" ]
}

@test "headless Chromium renders the page to a PNG of the window's width" {
	command -v chromium >/dev/null || skip "chromium is not installed (apt-get install chromium)"
	run --separate-stderr report -o "$T/r.html" --png "$T/r.png" nota.txt gesprek.vtt notulen.srt rapport.pdf
	assert_success
	[ "$(head -c 8 "$T/r.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
	# width and height from the IHDR chunk
	[ "$(od -An -tu1 -j 16 -N 4 "$T/r.png" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')" -eq 1200 ]
	# a page with pictures compresses far worse than an empty one
	[ "$(wc -c < "$T/r.png")" -gt 50000 ]
}
