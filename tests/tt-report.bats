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

@test "the page holds the numbers of tt-analyse in Dutch: per document, per speaker, the terms with alternatives" {
	report -o "$T/r.html" nota.txt gesprek.vtt
	grep -q '<tr><td title="nota.txt">nota.txt</td><td>40</td><td>8</td><td>200,0</td><td>+0,33</td><td>+1,00</td></tr>' "$T/r.html"
	grep -q '<tr><td title="gesprek.vtt">gesprek.vtt</td><td>32</td><td>5</td><td>156,2</td><td>-0,33</td><td>-0,50</td></tr>' "$T/r.html"
	grep -q '<tr class="totaal"><td>alle documenten</td><td>72</td><td>13</td><td>180,6</td>' "$T/r.html"
	grep -q '<th>balans<br>bestuurlijk</th><th>balans<br>register</th>' "$T/r.html"
	grep -q '<tr><td>5</td><td>wijkteam</td><td>team in de wijk</td><td>actor-formeel</td><td><span title="nota.txt">nota.txt</span>:1</td></tr>' "$T/r.html"
	# the speakers of the transcript, under its name; none for the note
	grep -q '<h2>Per spreker (1 transcriptie)</h2>' "$T/r.html"
	grep -q '<tr class="groep"><th colspan="6" title="gesprek.vtt">gesprek.vtt</th></tr>' "$T/r.html"
	grep -q '<tr><td>Anna</td><td>15</td><td>1</td><td>66,7</td><td>-1,00</td><td>-1,00</td></tr>' "$T/r.html"
	grep -q '<tr><td>Bram</td><td>17</td><td>4</td><td>235,3</td><td>+1,00</td><td>+0,00</td></tr>' "$T/r.html"
	[ "$(grep -c 'class="groep"' "$T/r.html")" -eq 1 ]
	# the density bars are labelled with the documents and their values
	split_svgs "$T/r.html"
	grep -q '>nota.txt<' "$T/svg1.svg"
	grep -q '> 200,0<' "$T/svg1.svg"
	grep -q '> 156,2<' "$T/svg1.svg"
	grep -q '>jargontreffers per 1.000 woorden<' "$T/svg1.svg"
	# the balance picture has one legend entry per dimension
	grep -q '>bestuurlijk<' "$T/svg2.svg"
	grep -q '>register<' "$T/svg2.svg"
	# the network is labelled with forms; the entry id is the tooltip
	grep -q '<text[^>]*>wijkteam</text>' "$T/svg4.svg"
	no_match '<text[^>]*>jargon:wijkteam</text>' "$T/svg4.svg"
	grep -q '<title>jargon:wijkteam</title>' "$T/svg4.svg"
	# no speakers: no speaker table
	report -o "$T/n.html" nota.txt
	no_match 'Per spreker' "$T/n.html"
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
	grep -q "<tr><td title=\"$T/&lt;b&gt;&amp;amp.txt\">&lt;b&gt;&amp;amp.txt</td><td>40</td>" "$T/r.html"
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
	[[ "$output" == *'<p class="none">Geen paar jargonwoorden staat in 2 of meer zinnen samen.</p>'* ]]
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

# png_size FILE: width and height from the IHDR chunk of a PNG.
png_size() {
	od -An -tu1 -j 16 -N 8 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'
}

@test "headless Chromium renders the whole page to a PNG 1200 pixels wide" {
	command -v chromium >/dev/null || skip "chromium is not installed (apt-get install chromium)"
	run --separate-stderr report -o "$T/r.html" --png "$T/r.png" nota.txt gesprek.vtt notulen.srt rapport.pdf
	assert_success
	[ "$(head -c 8 "$T/r.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
	read -r w h <<<"$(png_size "$T/r.png")"
	[ "$w" -eq 1200 ]
	# as tall as the page: not the fixed 3600 of old, a page of this
	# corpus is about 2,500 pixels
	[ "$h" -gt 1500 ] && [ "$h" -lt 3600 ]
	# a page with pictures compresses far worse than an empty one
	[ "$(wc -c < "$T/r.png")" -gt 50000 ]
	# a page taller than 3600 pixels is not cut: 400 lines of text
	for i in $(seq 400); do echo "Het wijkteam helpt de mantelzorger met maatwerk."; echo; done > "$T/lang.txt"
	run --separate-stderr report --text -o "$T/t.html" --png "$T/t.png" "$T/lang.txt"
	assert_success
	read -r w h <<<"$(png_size "$T/t.png")"
	[ "$w" -eq 1200 ]
	[ "$h" -gt 20000 ]
	# a taller page than TT_PNG_MAX_HEIGHT is cut there, and says so
	run --separate-stderr env TT_PNG_MAX_HEIGHT=5000 "$ROOT/pipelines/tt-report" -l jargon.tsv -s score.tsv \
	    --text -o "$T/t.html" --png "$T/t5.png" "$T/lang.txt"
	assert_success
	[ "$stderr" = "tt-report: --png: the page is $h pixels tall; the picture shows the first 5000" ]
	[ "$(png_size "$T/t5.png")" = "1200 5000" ]
	# checked before anything is written
	run --separate-stderr env TT_PNG_MAX_HEIGHT=x "$ROOT/pipelines/tt-report" -l jargon.tsv -s score.tsv \
	    --text -o "$T/t0.html" --png "$T/t0.png" "$T/lang.txt"
	assert_failure 2
	[ "$stderr" = "tt-report: TT_PNG_MAX_HEIGHT: not a positive number: x" ]
	[ ! -e "$T/t0.html" ] && [ ! -e "$T/t0.png" ]
}

# The text view: xpath EXPR FILE evaluates EXPR on the page as HTML. The
# HTML 4 parser of libxml2 does not know <mark> and <section> and says so
# on stderr, but builds the tree with them.
xpath() {
	xmllint --html --xpath "$1" "$2" 2>/dev/null
}

@test "--text: every hit a <mark> with data-entry, data-category, data-alternative; markers with data-pole and data-dimension" {
	run --separate-stderr report --text -o "$T/t.html" nota.txt gesprek.vtt
	assert_success
	assert_output ''
	[ -z "$stderr" ]
	# as many hits as tt-analyse counts, in the order of tt-jargon -o
	[ "$(xpath 'count(//mark[@data-entry])' "$T/t.html")" -eq 13 ]
	[ "$(xpath 'string(//mark[@data-entry][2]/@data-entry)' "$T/t.html")" = jargon:eigen-kracht ]
	[ "$(xpath 'string(//mark[@data-entry][2]/@data-category)' "$T/t.html")" = burgerkracht ]
	[ "$(xpath 'string(//mark[@data-entry][2]/@data-alternative)' "$T/t.html")" = 'wat u zelf kunt' ]
	[ "$(xpath 'string(//mark[@data-entry][2])' "$T/t.html")" = 'eigen kracht' ]
	# an entry without an alternative has an empty one
	[ "$(xpath 'string(//mark[@data-entry="jargon:mantelzorger"][1]/@data-alternative)' "$T/t.html")" = '' ]
	[ "$(xpath 'count(//mark[@data-entry="jargon:mantelzorger"][@data-alternative=""])' "$T/t.html")" -eq 2 ]
	# the markers of score.tsv: gemeente formal, buren informal
	[ "$(xpath 'count(//mark[@data-pole])' "$T/t.html")" -eq 12 ]
	[ "$(xpath 'string(//mark[@data-pole][.="gemeente"][1]/@data-pole)' "$T/t.html")" = F ]
	[ "$(xpath 'string(//mark[@data-pole][.="gemeente"][1]/@data-dimension)' "$T/t.html")" = bestuurlijk ]
	[ "$(xpath 'string(//mark[@data-pole][.="buren"]/@data-pole)' "$T/t.html")" = I ]
	[ "$(xpath 'count(//mark[@data-pole][@data-pole!="F"][@data-pole!="I"])' "$T/t.html")" -eq 0 ]
	# the text itself, whole: the marked view of nota.txt reads as the text
	tt-normalise < nota.txt > "$T/nota.norm"
	xpath 'string(//section[1]/div)' "$T/t.html" > "$T/nota.view"
	diff "$T/nota.norm" "$T/nota.view"
	# a transcript: speakers, no time stamps, no cue tags
	[ "$(xpath 'count(//section[2]//b[@class="spreker"])' "$T/t.html")" -eq 4 ]
	[ "$(xpath 'string(//section[2]//b[@class="spreker"][2])' "$T/t.html")" = 'Bram:' ]
	no_match -e '-->' -e '&lt;v ' -e 'WEBVTT' "$T/t.html"
	# self-contained, no script
	no_match -Ei '<script|<link|<img|<iframe|src=|url\(|@import' "$T/t.html"
	# the numbers of each document, the Dutch way
	[ "$(xpath 'string(//section[1]/p[@class="cijfers"])' "$T/t.html")" = '40 woorden, 8 jargontreffers, 200,0 per 1.000 woorden' ]
	# the pages of a PDF: a rule at every form feed, and no form feed
	run --separate-stderr report --text -o "$T/p.html" rapport.pdf
	assert_success
	[ "$(xpath 'count(//section/div//hr[@class="pagina"])' "$T/p.html")" -eq "$(pdftotext rapport.pdf - | tr -cd '\f' | wc -c)" ]
	[ "$(xpath 'count(//section/div//hr[@class="pagina"])' "$T/p.html")" -ge 1 ]
	no_match -P '\f' "$T/p.html"
}

@test "--text: a marker inside a hit is nested in it; one across a hit's edge is cut in two" {
	printf '#id\tpattern\tcategory\talternative\tnote\tweight\nek\teigen kracht\tburgerkracht\tzelf doen\t_\t1\n' > "$T/j.tsv"
	printf '#id\tpattern\tcategory\talternative\tnote\tweight\nkracht\tkracht\tkwalitatief/informeel\t_\t_\t1\nwk\twat eigen\tregister/formeel\t_\t_\t1\n' > "$T/s.tsv"
	printf 'Wat eigen kracht is.\n' > "$T/k.txt"
	run --separate-stderr tt-report --text -l "$T/j.tsv" -s "$T/s.tsv" "$T/k.txt"
	assert_success
	[[ "$output" == *'<div class="weergave"><mark class="pole pole-F" data-pole="F" data-dimension="register" data-marker="s:wk" title="formeel (register): Wat eigen — s:wk">Wat</mark> <mark class="c0" data-entry="j:ek" data-category="burgerkracht" data-alternative="zelf doen" title="j:ek (burgerkracht)&#10;Gevonden: eigen kracht&#10;Alternatief: zelf doen" tabindex="0"><mark class="pole pole-F" data-pole="F" data-dimension="register" data-marker="s:wk" title="formeel (register): Wat eigen — s:wk">eigen</mark> <mark class="pole pole-I" data-pole="I" data-dimension="kwalitatief" data-marker="s:kracht" title="informeel (kwalitatief): kracht — s:kracht">kracht</mark></mark> is.</div>'* ]]
}

@test "--text: <script>, quotes and </mark> in the text, a name and a lexicon show as text" {
	printf '#id\tpattern\tcategory\talternative\tnote\tweight\nwt\twijkteam\tactor "<b>"\tteam </mark><script>x()</script> & "zo"\tlet op: <i>\t1\n' > "$T/j.tsv"
	printf '%s\n' 'Het wijkteam <script>alert("x")</script> zegt </mark> "ja" & '\''nee'\''.' > "$T/<b>.txt"
	run --separate-stderr tt-report --text --title '<script>t</script>' -l "$T/j.tsv" -s score.tsv "$T/<b>.txt"
	assert_success
	no_match -i '<script' <<<"$output"
	no_match '<b>' <<<"$output"
	printf '%s\n' "$output" > "$T/t.html"
	# exactly one mark of the jargon; its values read back as written
	[ "$(xpath 'count(//mark[@data-entry])' "$T/t.html")" -eq 1 ]
	[ "$(xpath 'string(//mark[@data-entry]/@data-category)' "$T/t.html")" = 'actor "<b>"' ]
	[ "$(xpath 'string(//mark[@data-entry]/@data-alternative)' "$T/t.html")" = 'team </mark><script>x()</script> & "zo"' ]
	[ "$(xpath 'string(//section/div)' "$T/t.html")" = 'Het wijkteam <script>alert("x")</script> zegt </mark> "ja" & '\''nee'\''.' ]
	[ "$(xpath 'string(//section/h2)' "$T/t.html")" = '<b>.txt' ]
	# two documents of one name: the second with (2), the whole name as tooltip
	mkdir "$T/a"
	cp "$T/<b>.txt" "$T/a/<b>.txt"
	run --separate-stderr tt-report --text -l "$T/j.tsv" -s score.tsv "$T/<b>.txt" "$T/a/<b>.txt"
	assert_success
	printf '%s\n' "$output" > "$T/t2.html"
	[ "$(xpath 'string(//section[2]/h2)' "$T/t2.html")" = '<b>.txt (2)' ]
	[ "$(xpath 'string(//section[2]/h2/@title)' "$T/t2.html")" = "$T/a/<b>.txt" ]
	[ "$(xpath 'string(//title)' "$T/t.html")" = '<script>t</script>' ]
	[[ "$output" == *'Toelichting: let op: &lt;i&gt;"'* ]]
}

@test "--text: a file that is not there or not readable; the others are still shown" {
	mkdir "$T/map.txt"
	run --separate-stderr report --text -o "$T/t.html" nota.txt "$T/weg.txt" "$T/map.txt"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-analyse: $T/weg.txt: No such file or directory"$'\n'"tt-analyse: $T/map.txt: is a directory" ]
	[ "$(xpath 'count(//section)' "$T/t.html")" -eq 1 ]
	grep -q "<li>$T/weg.txt: No such file or directory</li>" "$T/t.html"
	grep -q "<li>$T/map.txt: is a directory</li>" "$T/t.html"
	# nothing analysed at all: a page that says so, and exit 2
	run --separate-stderr report --text "$T/weg.txt"
	assert_failure 2
	[[ "$output" == *'<p class="uitleg">0 documenten.'* ]]
}

@test "--text --from DIR: the text kept by tt-analyse --keep-text; without it, an error" {
	tt-analyse -l jargon.tsv -s score.tsv --keep-text --out "$T/tab" nota.txt > /dev/null
	run --separate-stderr tt-report --text -s score.tsv -l jargon.tsv --from "$T/tab"
	assert_success
	[ "$(xpath 'count(//mark[@data-entry])' <(printf '%s\n' "$output"))" -eq 8 ]
	tt-analyse -l jargon.tsv -s score.tsv --out "$T/tab2" nota.txt > /dev/null
	run --separate-stderr tt-report --text --from "$T/tab2"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-report: $T/tab2: no text/index.tsv (a directory written by tt-analyse --keep-text --out)" ]
}

@test "--min: a positive whole number" {
	run --separate-stderr tt-report --min x nota.txt
	assert_failure 2
	assert_output ''
	[[ "$stderr" == "tt-report: --min: not a positive number: x"$'\n'"usage: tt-report "* ]]
	run --separate-stderr tt-report -m 0 nota.txt
	assert_failure 2
	[[ "$stderr" == "tt-report: -m: not a positive number: 0"$'\n'* ]]
	run --separate-stderr tt-report --min=-3 nota.txt
	assert_failure 2
	[[ "$stderr" == "tt-report: --min: not a positive number: -3"$'\n'* ]]
	run --separate-stderr tt-report --min
	assert_failure 2
	[[ "$stderr" == "tt-report: --min: missing argument"$'\n'* ]]
}

@test "--min N: only pairs seen in N sentences; by default one per 1,000 sentences, at least 2" {
	run --separate-stderr report nota.txt gesprek.vtt notulen.srt rapport.pdf
	assert_success
	[[ "$output" == *'<p class="note">Jargon dat in minstens 2 zinnen samen in een zin staat; de 40 sterkste paren'* ]]
	printf '%s\n' "$output" > "$T/m2.html"
	split_svgs "$T/m2.html"
	[ "$(grep -c '<g id="edge' "$T/svg4.svg")" -eq 2 ]
	# maatwerk and wijkteam share 3 sentences (eigen kracht and wijkteam 2),
	# no pair shares 4
	run --separate-stderr report -m 3 nota.txt gesprek.vtt notulen.srt rapport.pdf
	assert_success
	[[ "$output" == *'minstens 3 zinnen'* ]]
	printf '%s\n' "$output" > "$T/m3.html"
	split_svgs "$T/m3.html"
	[ "$(grep -c '<title>jargon:maatwerk&#45;&#45;jargon:wijkteam</title>' "$T/svg4.svg")" -eq 1 ]
	[ "$(grep -c '<g id="edge' "$T/svg4.svg")" -eq 1 ]
	run --separate-stderr report --min 4 nota.txt gesprek.vtt notulen.srt rapport.pdf
	assert_success
	[[ "$output" == *'<p class="none">Geen paar jargonwoorden staat in 4 of meer zinnen samen.</p>'* ]]
	[ "$(grep -c '<svg' <<<"$output")" -eq 3 ]
	# 2,001 sentences: at least 3 by default
	for i in $(seq 2001); do echo "Het wijkteam helpt de mantelzorger."; done > "$T/lang.txt"
	run --separate-stderr report "$T/lang.txt"
	assert_success
	[[ "$output" == *'minstens 3 zinnen'* ]]
}

@test "display names: the base name, cut in the middle above 40 characters, unique; the whole name as tooltip" {
	mkdir "$T/a" "$T/b"
	long=denhaag_2025-03-13_raadsvoorstel_haags_beleidskader_jeugd_2025-2028.txt
	cp nota.txt "$T/a/$long"
	cp nota.txt "$T/a/zelfde.txt"
	cp gesprek.vtt "$T/b/zelfde.txt"
	cp nota.txt "$T/b/precies_veertig_tekens_lang_abcdefgh.txt"
	run --separate-stderr report -o "$T/r.html" "$T/a/$long" "$T/a/zelfde.txt" "$T/b/zelfde.txt" "$T/b/precies_veertig_tekens_lang_abcdefgh.txt"
	assert_success
	grep -q "<tr><td title=\"$T/a/$long\">denhaag_2025-03-13_raadsvo…2025-2028.txt</td><td>40</td>" "$T/r.html"
	grep -q "<tr><td title=\"$T/a/zelfde.txt\">zelfde.txt</td><td>40</td>" "$T/r.html"
	grep -q "<tr><td title=\"$T/b/zelfde.txt\">zelfde.txt (2)</td><td>32</td>" "$T/r.html"
	grep -q "<tr><td title=\"$T/b/precies_veertig_tekens_lang_abcdefgh.txt\">precies_veertig_tekens_lang_abcdefgh.txt</td>" "$T/r.html"
	# the speaker table and the first occurrences use them too
	grep -q "<tr class=\"groep\"><th colspan=\"6\" title=\"$T/b/zelfde.txt\">zelfde.txt (2)</th></tr>" "$T/r.html"
	grep -q "<td><span title=\"$T/a/$long\">denhaag_2025-03-13_raadsvo…2025-2028.txt</span>:1</td>" "$T/r.html"
	split_svgs "$T/r.html"
	grep -q '>denhaag_2025-03-13_raadsvo…2025-2028.txt<' "$T/svg1.svg"
	grep -q '>zelfde.txt (2)<' "$T/svg2.svg"
	no_match "$T" "$T/svg1.svg"
}

# corpus N DIR: N notes in DIR, n01.txt ... with k in 42 sentences of jargon
# for note k, so the density grows with the name.
corpus() {
	mkdir -p "$2"
	for k in $(seq -w 1 "$1"); do
		{ for j in $(seq "$k"); do echo "Het wijkteam helpt."; done
		  for j in $(seq $((42 - 10#$k))); do echo "Een gewone zin."; done; } > "$2/n$k.txt"
	done
}

@test "the charts are as tall as their bars; above 40 documents sorted by density" {
	corpus 2 "$T/c2"
	report -o "$T/r2.html" "$T/c2"/*.txt
	split_svgs "$T/r2.html"
	grep -q '^ width="900" height="142"$' "$T/svg1.svg"
	grep -q '^ width="900" height="162"$' "$T/svg2.svg"
	no_match 'Gesorteerd' "$T/r2.html"
	# 40: the order of the operands, the first at the top (gnuplot
	# writes the labels from the bottom up)
	corpus 40 "$T/c40"
	report -o "$T/r40.html" "$T/c40"/*.txt
	rm -f "$T"/svg*.svg
	split_svgs "$T/r40.html"
	grep -q '^ width="900" height="730"$' "$T/svg1.svg"
	[ "$(grep -o '>n[0-9]*\.txt<' "$T/svg1.svg" | sed -n '1p;$p' | tr -d '<>\n')" = n40.txtn01.txt ]
	# 41: sorted, the densest at the top, in both charts
	corpus 41 "$T/c41"
	report -o "$T/r41.html" "$T/c41"/*.txt
	rm -f "$T"/svg*.svg
	split_svgs "$T/r41.html"
	grep -q '^ width="900" height="746"$' "$T/svg1.svg"
	grep -q '^ width="900" height="766"$' "$T/svg2.svg"
	[ "$(grep -o '>n[0-9]*\.txt<' "$T/svg1.svg" | sed -n '1p;$p' | tr -d '<>\n')" = n01.txtn41.txt ]
	[ "$(grep -o '>n[0-9]*\.txt<' "$T/svg2.svg" | sed -n '1p;$p' | tr -d '<>\n')" = n01.txtn41.txt ]
	grep -q '<p class="note">Gesorteerd: de meeste jargon bovenaan.</p>' "$T/r41.html"
	# the table keeps the order of the operands
	[ "$(grep -o '<tr><td title="[^"]*">n[0-9]*' "$T/r41.html" | sed -n '1s/.*>//p')" = n01 ]
}

@test "--text survives hostile input: BOM, CRLF, invalid UTF-8, no final newline, a 1 MB line; /dev/full; | head" {
	printf '\xef\xbb\xbfHet wijkteam\r\nhelpt \xff de gemeente.\r\nEigen kracht' > "$T/h.txt"
	run --separate-stderr report --text -o "$T/h.html" "$T/h.txt"
	assert_success
	[ "$stderr" = "tt-normalise: $T/h.txt:2: NUL or invalid UTF-8 replaced by U+FFFD" ]
	[ "$(xpath 'string(//section/div)' "$T/h.html")" = $'Het wijkteam\nhelpt \xef\xbf\xbd de gemeente.\nEigen kracht' ]
	[ "$(xpath 'count(//mark[@data-entry])' "$T/h.html")" -eq 2 ]
	no_match -P '\r' "$T/h.html"
	# a line of 1.2 MB: every one of its 60,000 hits marked (and no
	# quadratic search: this takes seconds)
	awk 'BEGIN { for (i = 0; i < 60000; i++) printf "Het wijkteam helpt. "; print "" }' > "$T/big.txt"
	run --separate-stderr report --text -o "$T/big.html" "$T/big.txt"
	assert_success
	[ "$(grep -o '<mark class="c0" data-entry="jargon:wijkteam"' "$T/big.html" | wc -l)" -eq 60000 ]
	run --separate-stderr bash -c 'tt-report --text -l jargon.tsv -s score.tsv nota.txt > /dev/full'
	assert_failure 2
	[ "$stderr" = "tt-report: stdout: No space left on device" ]
	# a page larger than a pipe holds: ended quietly by SIGPIPE
	run --separate-stderr bash -c 'tt-report --text -l jargon.tsv -s score.tsv "$1" | head -1; echo "${PIPESTATUS[0]}"' - "$T/big.txt"
	[ "$output" = $'<!DOCTYPE html>\n141' ]
	[ -z "$stderr" ]
}

# scanned STATE FILE...: a tt-scan state of FILE... with the fixture lexicons.
scanned() {
	local st=$1
	shift
	tt-scan -q -j 1 -l jargon.tsv -s score.tsv --state "$st" "$@" 2>/dev/null || :
}

@test "--from a tt-scan state: the same page as tt-report on the files" {
	mkdir "$T/src"
	cp nota.txt gesprek.vtt notulen.srt "$T/src/"
	printf 'a\0b' > "$T/src/data.txt"
	scanned "$T/st" "$T/src"
	run --separate-stderr report --from "$T/st" -o "$T/a.html"
	assert_success
	[ -z "$stderr" ]
	report -o "$T/b.html" "$T/src/data.txt" "$T/src/gesprek.vtt" "$T/src/nota.txt" \
	    "$T/src/notulen.srt" 2>/dev/null || :
	cmp "$T/a.html" "$T/b.html"
	grep -q 'data.txt' "$T/a.html"
	# a copy and a rename are one document; a changed file is two
	cp "$T/src/nota.txt" "$T/src/kopie.txt"
	echo "Het wijkteam ook." >> "$T/src/gesprek.vtt"
	scanned "$T/st" "$T/src"
	run --separate-stderr report --from "$T/st" -o "$T/c.html"
	assert_success
	[ "$(grep -o '<td title="[^"]*gesprek.vtt"' "$T/c.html" | wc -l)" -eq 2 ]
	[ "$(grep -o '<td title="[^"]*kopie.txt"' "$T/c.html" | wc -l)" -eq 0 ]
}

@test "--from a state: a torn last line is left out; bad states are errors with a message" {
	mkdir "$T/src"
	cp nota.txt gesprek.vtt "$T/src/"
	scanned "$T/st" "$T/src"
	report --from "$T/st" -o "$T/a.html"
	head -c -1 "$T/st/ledger.tsv" > "$T/l" && cp "$T/l" "$T/st/ledger.tsv"
	run --separate-stderr report --from "$T/st" -o "$T/b.html"
	assert_success
	[ "$(grep -c '<td title="[^"]*nota.txt"' "$T/b.html")" -eq 0 ]
	[ "$(grep -c '<td title="[^"]*gesprek.vtt"' "$T/b.html")" -ge 1 ]
	run --separate-stderr report --text --from "$T/st"
	assert_failure 2
	[ "$stderr" = "tt-report: --text: a tt-scan state keeps no texts; use tt-report --text on the documents" ]
	mkdir "$T/leeg"
	printf '#tt-scan-ledger\tv2\n#time\tpath\thash\tstatus\twords\tper_1000\tbalances\ttop\tlexicon\n' > "$T/leeg/ledger.tsv"
	run --separate-stderr report --from "$T/leeg"
	assert_failure 2
	[ "$stderr" = "tt-report: $T/leeg: no analysed document in the ledger" ]
	printf 'iets anders\n' > "$T/leeg/ledger.tsv"
	run --separate-stderr report --from "$T/leeg"
	assert_failure 2
	[ "$stderr" = "tt-report: $T/leeg/ledger.tsv: not a tt-scan ledger of a version this tt-report reads (v1, v2)" ]
}

@test "--from a state of an older tt-scan (no weighted counts): the balances of the whole left out, exit 2" {
	mkdir "$T/src"
	cp nota.txt gesprek.vtt "$T/src/"
	scanned "$T/st" "$T/src"
	rm "$T/st/results"/*/score-counts.tsv
	run --separate-stderr report --from "$T/st" -o "$T/a.html"
	assert_failure 2
	[ "$stderr" = "tt-report: $T/st: some documents have no score-counts.tsv (analysed by tt-scan before 0.2.0): the balances of the whole are left out" ]
	[ -s "$T/a.html" ]
	# a results directory gone: named, the rest reported
	scanned "$T/st2" "$T/src"
	rm -r "$T/st2/results/$(sha256sum < nota.txt | cut -d' ' -f1)"
	run --separate-stderr report --from "$T/st2" -o "$T/b.html"
	assert_failure 2
	[[ "$stderr" == "tt-report: $T/st2/results/"*"/summary.tsv: missing or damaged; the document is left out" ]]
}
