#!/usr/bin/env bats
# tt-analyse: ingest by format, the tables, the report, bad input.
# The fixtures come with their own small lexicons (jargon.tsv, score.tsv),
# so these tests do not change when the shipped lexicons grow.

load helper

setup() {
	cd "$FIX/pipelines"
	T=$BATS_TEST_TMPDIR
}

# tt-analyse with the fixture lexicons.
ta() {
	tt-analyse -l jargon.tsv -s score.tsv "$@"
}

TERMS_HEADER=$'#doc\tentry\tcategory\tn\tmatch\talternative\tfirst\tpage'

nota_terms() {
	printf '%s\n' "$TERMS_HEADER"
	printf '%s\tjargon:wijkteam\tactor-formeel\t3\twijkteam\tteam in de wijk\t%s:1\t_\n' "$1" "$1"
	printf '%s\tjargon:eigen-kracht\tburgerkracht\t2\teigen kracht\twat u zelf kunt\t%s:3\t_\n' "$1" "$1"
	printf '%s\tjargon:maatwerk\twerkwijze\t1\tmaatwerk\thulp die past\t%s:4\t_\n' "$1" "$1"
	printf '%s\tjargon:mantelzorger\tactor-informeel\t1\tmantelzorger\t_\t%s:6\t_\n' "$1" "$1"
	printf '%s\tjargon:zelfredzaamheid\tburgerkracht\t1\tzelfredzaamheid\tzelf kunnen redden\t%s:7\t_\n' "$1" "$1"
}

# The terms of one document: its rows and those of the total (doc _),
# which for one document are the same apart from the first column.
one_doc_terms() {
	nota_terms "$1"
	nota_terms "$1" | tail -n +2 | sed 's/^[^\t]*\t/_\t/'
}

@test "--help on stdout, exit 0; bad usage exit 2 with usage on stderr" {
	run --separate-stderr tt-analyse --help
	assert_success
	[[ "${lines[0]}" == "usage: tt-analyse "* ]]
	run --separate-stderr tt-analyse --no-such-option nota.txt
	assert_failure 2
	assert_output ''
	[[ "$stderr" == "tt-analyse: unknown option: --no-such-option"$'\n'"usage: tt-analyse "* ]]
	run --separate-stderr tt-analyse
	assert_failure 2
	[[ "$stderr" == "tt-analyse: no files given (use - for standard input)"$'\n'"usage:"* ]]
	run --separate-stderr tt-analyse --tsv=words nota.txt
	assert_failure 2
	[[ "$stderr" == "tt-analyse: --tsv: expected summary, terms or pairs: words"$'\n'* ]]
	run --separate-stderr tt-analyse --top x nota.txt
	assert_failure 2
}

@test "the man page renders without warnings" {
	run --separate-stderr groff -man -ww -z "$ROOT/pipelines/tt-analyse.1"
	assert_success
	[ -z "$stderr" ]
}

@test "terms: count, most frequent form, alternative, first file:line, sorted by count" {
	run --separate-stderr ta --tsv=terms nota.txt
	assert_success
	assert_output "$(one_doc_terms nota.txt)"
	[ -z "$stderr" ]
}

@test "summary: words and jargon per 1,000 words per document and in all" {
	run --separate-stderr ta --tsv nota.txt brief.html
	assert_success
	[ -z "$stderr" ]
	# words hits per_1000 (the balances come from tt-score, tested there)
	run bash -c 'cut -f1-5 <<<"$1"' _ "$output"
	assert_output "$(printf '%s\n' $'#doc\tspeaker\twords\thits\tper_1000' \
	    $'nota.txt\t_\t40\t8\t200.0' $'brief.html\t_\t23\t2\t87.0' \
	    $'_\t_\t63\t10\t158.7')"
}

@test "summary: balances per dimension of the score lexicon, per speaker, in all" {
	# nota: gemeente, professional vs vrijwilliger; derhalve, middels.
	# Anna: buren, vrijwilliger; gewoon twice. Bram: gemeente; derhalve, je.
	run --separate-stderr ta --tsv nota.txt gesprek.vtt
	assert_success
	[ -z "$stderr" ]
	assert_output "$(printf '%s\n' \
	    $'#doc\tspeaker\twords\thits\tper_1000\tbestuurlijk\tregister\ttop' \
	    $'nota.txt\t_\t40\t8\t200.0\t0.333\t1\twijkteam=3,eigen kracht=2,maatwerk=1,mantelzorger=1,zelfredzaamheid=1' \
	    $'gesprek.vtt\t_\t32\t5\t156.2\t-0.333\t-0.5\twijkteam=2,eigen kracht=1,maatwerk=1,mantelzorger=1' \
	    $'gesprek.vtt\tAnna\t15\t1\t66.7\t-1\t-1\t_' \
	    $'gesprek.vtt\tBram\t17\t4\t235.3\t1\t0\t_' \
	    $'_\t_\t72\t13\t180.6\t0\t0\twijkteam=5,eigen kracht=3,maatwerk=2,mantelzorger=2,zelfredzaamheid=1')"
}

@test "--top N limits the top column and the report" {
	run --separate-stderr ta --tsv --top 2 nota.txt
	assert_success
	[[ "${lines[1]}" == *$'\twijkteam=3,eigen kracht=2' ]]
	run --separate-stderr ta --top 1 nota.txt
	[ "$(grep -c 'first at' <<<"$output")" -eq 1 ]
}

@test "a WebVTT transcript: words, hits and balances per speaker" {
	run --separate-stderr ta --tsv gesprek.vtt
	assert_success
	[ -z "$stderr" ]
	run bash -c 'cut -f1-5 <<<"$1"' _ "$output"
	assert_output "$(printf '%s\n' $'#doc\tspeaker\twords\thits\tper_1000' \
	    $'gesprek.vtt\t_\t32\t5\t156.2' $'gesprek.vtt\tAnna\t15\t1\t66.7' \
	    $'gesprek.vtt\tBram\t17\t4\t235.3' $'_\t_\t32\t5\t156.2')"
}

@test "an SRT transcript: speakers from Naam: at the start of cues" {
	run --separate-stderr ta --tsv notulen.srt
	assert_success
	run bash -c 'cut -f1-4 <<<"$1"' _ "$output"
	assert_output "$(printf '%s\n' $'#doc\tspeaker\twords\thits' \
	    $'notulen.srt\t_\t23\t4' $'notulen.srt\tVoorzitter\t14\t2' \
	    $'notulen.srt\tWethouder\t9\t2' $'_\t_\t23\t4')"
}

@test "speakers only for transcripts: most words in turns" {
	# two short turns and a long paragraph without a speaker: a note
	printf 'Verslag\n\nAnna: Ik ben gewoon mantelzorger.\n\nBram: Het wijkteam helpt.\n\n%s %s\n' \
	    'Samenvatting. Het wijkteam helpt je graag met maatwerk en eigen kracht.' \
	    'Wij komen langs, wij luisteren en wij zoeken samen met jou naar een oplossing die past bij wat je nodig hebt en wat je zelf wilt.' \
	    > "$T/verslag.txt"
	run --separate-stderr ta --tsv "$T/verslag.txt"
	assert_success
	run bash -c 'cut -f1-3 <<<"$1"' _ "$output"
	assert_output "$(printf '%s\n' $'#doc\tspeaker\twords' "$T/verslag.txt"$'\t_\t45' $'_\t_\t45')"
	# the turns alone: a transcript
	head -n 5 "$T/verslag.txt" > "$T/gesprek.txt"
	run --separate-stderr ta --tsv "$T/gesprek.txt"
	assert_success || { echo "$stderr"; return 1; }
	run bash -c 'cut -f1-3 <<<"$1"' _ "$output"
	assert_output "$(printf '%s\n' $'#doc\tspeaker\twords' "$T/gesprek.txt"$'\t_\t8' \
	    "$T/gesprek.txt"$'\tAnna\t4' "$T/gesprek.txt"$'\tBram\t3' $'_\t_\t8')"
}

@test "the report shows per speaker only for transcripts" {
	run --separate-stderr ta gesprek.vtt nota.txt
	assert_success
	[ "$(grep -c '^  per speaker:$' <<<"$output")" -eq 1 ]
	assert_line --regexp '^    Anna +15 +66\.7 +-1\.00 +-1\.00$'
	assert_line --regexp '^    Bram +17 +235\.3 +\+1\.00 +\+0\.00$'
}

@test "PDF through pdftotext: lines of its text, and the page" {
	run --separate-stderr ta --tsv=terms rapport.pdf
	assert_success
	[ -z "$stderr" ]
	assert_output "$(printf '%s\n' "$TERMS_HEADER" \
	    $'rapport.pdf\tjargon:wijkteam\tactor-formeel\t2\twijkteam\tteam in de wijk\trapport.pdf:1\t1' \
	    $'rapport.pdf\tjargon:eigen-kracht\tburgerkracht\t1\teigen kracht\twat u zelf kunt\trapport.pdf:4\t2' \
	    $'rapport.pdf\tjargon:maatwerk\twerkwijze\t1\tmaatwerk\thulp die past\trapport.pdf:2\t1' \
	    $'rapport.pdf\tjargon:mantelzorger\tactor-informeel\t1\tmantelzorger\t_\trapport.pdf:5\t2' \
	    | cat - <(printf '%s\n' "$TERMS_HEADER" \
	    $'rapport.pdf\tjargon:wijkteam\tactor-formeel\t2\twijkteam\tteam in de wijk\trapport.pdf:1\t1' \
	    $'rapport.pdf\tjargon:eigen-kracht\tburgerkracht\t1\teigen kracht\twat u zelf kunt\trapport.pdf:4\t2' \
	    $'rapport.pdf\tjargon:maatwerk\twerkwijze\t1\tmaatwerk\thulp die past\trapport.pdf:2\t1' \
	    $'rapport.pdf\tjargon:mantelzorger\tactor-informeel\t1\tmantelzorger\t_\trapport.pdf:5\t2' |
	    tail -n +2 | sed 's/^[^\t]*\t/_\t/'))"
	run --separate-stderr ta rapport.pdf
	assert_line '          first at rapport.pdf:4 (page 2)'
}

@test "HTML and DOCX through pandoc" {
	run --separate-stderr ta --tsv=terms brief.html
	assert_success
	assert_line $'brief.html\tjargon:wijkteam\tactor-formeel\t1\twijkteam\tteam in de wijk\tbrief.html:3\t_'
	pandoc -f html -o "$T/brief.docx" brief.html
	pandoc -f html -o "$T/brief.odt" brief.html
	cp jargon.tsv score.tsv "$T/"
	cd "$T"
	run --separate-stderr ta --tsv=terms brief.docx brief.odt
	assert_success
	[ -z "$stderr" ]
	assert_line --regexp $'^brief\\.docx\tjargon:wijkteam\tactor-formeel\t1\twijkteam\t.*\tbrief\\.docx:[0-9]+\t_$'
	assert_line --regexp $'^brief\\.odt\tjargon:eigen-kracht\tburgerkracht\t1\teigen kracht\t'
}

@test "standard input with - and --name; the same tables as from the file" {
	run --separate-stderr ta --tsv=terms --name nota.txt - < nota.txt
	assert_success
	assert_output "$(one_doc_terms nota.txt)"
	run --separate-stderr ta --tsv=terms - < nota.txt
	assert_output "$(one_doc_terms '<stdin>')"
}

@test "a missing converter: one line naming the Debian package, the others analysed, exit 2" {
	mkdir "$T/path"
	for f in /usr/bin/* /bin/*; do
		case ${f##*/} in
		pdftotext | pandoc) ;;
		*) [ -e "$T/path/${f##*/}" ] || ln -s "$f" "$T/path/${f##*/}" ;;
		esac
	done
	run --separate-stderr env PATH="$ROOT/${TT_BIN:-bin}:$T/path" \
	    "$ROOT/pipelines/tt-analyse" -l jargon.tsv -s score.tsv --tsv=terms \
	    rapport.pdf nota.txt brief.html
	assert_failure 2
	assert_output "$(one_doc_terms nota.txt)"
	[ "$stderr" = "tt-analyse: rapport.pdf: cannot read PDF: pdftotext not found; install the Debian package poppler-utils (apt-get install poppler-utils)
tt-analyse: brief.html: cannot read html: pandoc not found; install the Debian package pandoc (apt-get install pandoc)" ]
}

@test "a nonexistent file, a directory, a PDF without text: reported, the others analysed, exit 2" {
	run --separate-stderr ta --tsv=terms no-such.txt . scan.pdf nota.txt
	assert_failure 2
	assert_output "$(one_doc_terms nota.txt)"
	[ "$stderr" = "tt-analyse: no-such.txt: No such file or directory
tt-analyse: .: is a directory
tt-analyse: scan.pdf: no text layer (a scanned PDF? run OCR on it first)" ]
}

@test "binary files (gzip, NUL bytes, a PDF named .txt) are reported and skipped, exit 2" {
	gzip -c nota.txt > "$T/nota.txt.gz"
	printf 'tekst\0meer' > "$T/nul.txt"
	cp rapport.pdf "$T/rapport.txt"
	run --separate-stderr ta --tsv=terms "$T/nota.txt.gz" "$T/nul.txt" "$T/rapport.txt" nota.txt
	assert_failure 2
	assert_output "$(one_doc_terms nota.txt)"
	[ "$stderr" = "tt-analyse: $T/nota.txt.gz: binary file, skipped (convert it to text first)
tt-analyse: $T/nul.txt: binary file, skipped (convert it to text first)
tt-analyse: $T/rapport.txt: binary file, skipped (convert it to text first)" ]
}

@test "empty files and white space only: a warning, exit status unchanged" {
	: > "$T/leeg.txt"
	printf '  \n\n\t\n' > "$T/wit.txt"
	run --separate-stderr ta --tsv=terms "$T/leeg.txt" nota.txt "$T/wit.txt"
	assert_success
	assert_output "$(one_doc_terms nota.txt)"
	[ "$stderr" = "tt-analyse: $T/leeg.txt: empty file, skipped
tt-analyse: $T/wit.txt: no text, skipped" ]
}

@test "an unreadable file is reported and skipped (as a user without rights)" {
	command -v setpriv >/dev/null || skip "no setpriv"
	[ "$(id -u)" -eq 0 ] || skip "needs root to switch to nobody"
	# bats' own temporary directories are private: one nobody can enter
	U=$(mktemp -d)
	chmod 755 "$U"
	cp nota.txt jargon.tsv score.tsv "$U/"
	cp nota.txt "$U/ok.txt"
	chmod 644 "$U"/*
	chmod 000 "$U/nota.txt"
	cd "$U"
	run --separate-stderr setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    "$ROOT/pipelines/tt-analyse" -l jargon.tsv \
	    -s score.tsv --tsv=terms nota.txt ok.txt
	assert_failure 2
	[ "$stderr" = "tt-analyse: nota.txt: Permission denied" ]
	assert_output "$(one_doc_terms ok.txt)"
}

teardown() {
	if [ -n "${U:-}" ]; then
		rm -rf -- "$U"
	fi
}

@test "file names with spaces, quotes, a newline and a leading dash" {
	cp nota.txt "$T/-n ota's \"x\".txt"
	cp nota.txt "$T/twee"$'\n'"regels.txt"
	cp jargon.tsv score.tsv "$T/"
	cd "$T"
	run --separate-stderr ta --tsv -- "-n ota's \"x\".txt" "twee"$'\n'"regels.txt"
	assert_success
	[ -z "$stderr" ]
	[[ "${lines[1]}" == "-n ota's \"x\".txt"$'\t_\t40\t8\t200.0\t'* ]]
	[[ "${lines[2]}" == 'twee\nregels.txt'$'\t_\t40\t8\t200.0\t'* ]]
	run --separate-stderr ta -- "-n ota's \"x\".txt"
	assert_success
	assert_line "-n ota's \"x\".txt"
	assert_line "          first at -n ota's \"x\".txt:1"
}

@test "hostile text: CRLF, lone CR, BOM, no final newline give the same terms" {
	sed 's/$/\r/' nota.txt > "$T/crlf.txt"
	tr '\n' '\r' < nota.txt > "$T/cr.txt"
	{ printf '\357\273\277'; cat nota.txt; } > "$T/bom.txt"
	printf '%s' "$(cat nota.txt)" > "$T/nonl.txt"
	for f in crlf cr bom nonl; do
		run --separate-stderr ta --tsv=terms --name nota.txt - < "$T/$f.txt"
		assert_success
		assert_output "$(one_doc_terms nota.txt)"
	done
}

@test "hostile text: invalid UTF-8 and NUL-free garbage are analysed with a warning" {
	{ cat nota.txt; printf 'kapot \377\376 wijkteam\n'; } > "$T/bad.txt"
	run --separate-stderr ta --tsv "$T/bad.txt"
	assert_success
	[[ "${lines[1]}" == "$T/bad.txt"$'\t_\t42\t9\t'* ]]
	[[ "$stderr" == "tt-normalise: $T/bad.txt:8: "* ]]
}

@test "many texts in one run: each as it is alone, whatever its line ends" {
	sed 's/$/\r/' nota.txt > "$T/crlf.txt"
	tr '\n' '\r' < nota.txt > "$T/cr.txt"
	{ printf '\357\273\277'; cat nota.txt; } > "$T/bom.txt"
	printf '%s' "$(cat nota.txt)" > "$T/nonl.txt"
	{ printf 'a\r\rb\r\n'; cat nota.txt; } > "$T/mixed.txt"
	cp nota.txt "$T/plain.txt"
	set -- "$T/cr.txt" "$T/plain.txt" "$T/nonl.txt" "$T/crlf.txt" "$T/mixed.txt" "$T/bom.txt"
	run --separate-stderr ta --per-doc "$T/each" "$@"
	assert_success
	[ -z "$stderr" ]
	k=0
	for f; do
		k=$((k + 1))
		ta --out "$T/one$k" "$f" > /dev/null
		diff -r "$T/one$k" "$T/each/$k"
	done
	# the hits at the right lines: wijkteam is on line 1 of nota.txt, line 4 after three lines of lone and doubled CRs
	[ "$(grep -c $'\tjargon:wijkteam\t.*:1\t' "$T/each/2/terms.tsv")" -eq 2 ]
	[ "$(grep -c $'\tjargon:wijkteam\t.*:4\t' "$T/each/5/terms.tsv")" -eq 2 ]
}

@test "when tt-normalise fails on many texts, each is normalised alone and the bad one named" {
	# a tt-normalise that fails for the second text, alone or among others
	mkdir "$T/bin"
	for f in "$ROOT/bin"/tt-*; do
		ln -s "$f" "$T/bin/"
	done
	rm "$T/bin/tt-normalise"
	cat > "$T/bin/tt-normalise" <<SH
#!/bin/sh
for a; do
	case \$a in
	*b.txt) echo "tt-normalise: \$a: Input/output error" >&2; exit 2 ;;
	esac
done
exec "$ROOT/bin/tt-normalise" "\$@"
SH
	chmod +x "$T/bin/tt-normalise"
	cp nota.txt "$T/a.txt"
	cp nota.txt "$T/b.txt"
	cp nota.txt "$T/c.txt"
	run --separate-stderr env TT_BIN="$T/bin" tt-analyse -l jargon.tsv -s score.tsv --tsv \
	    "$T/a.txt" "$T/b.txt" "$T/c.txt"
	assert_failure 2
	[ "$stderr" = "tt-normalise: $T/b.txt: Input/output error
tt-analyse: $T/b.txt: not analysed (see the message above)" ]
	assert_line --index 1 --partial "$T/a.txt"$'\t_\t40\t8\t'
	assert_line --index 2 --partial "$T/c.txt"$'\t_\t40\t8\t'
	[ "${#lines[@]}" -eq 4 ]
}

@test "hostile text: a 10 MB line" {
	awk 'BEGIN { for (i = 0; i < 700000; i++) printf "wijkteam en "; print "" }' > "$T/long.txt"
	run --separate-stderr ta --tsv "$T/long.txt"
	assert_success
	[[ "${lines[1]}" == "$T/long.txt"$'\t_\t1400000\t700000\t500.0\t'* ]]
}

@test "> /dev/full is an error with exit 2; | head -1 ends quietly" {
	run --separate-stderr bash -c 'tt-analyse -l jargon.tsv -s score.tsv nota.txt > /dev/full'
	assert_failure 2
	[ "$stderr" = "tt-analyse: stdout: No space left on device" ]
	run --separate-stderr bash -c 'tt-analyse -l jargon.tsv -s score.tsv nota.txt gesprek.vtt | head -1'
	assert_success
	assert_output 'nota.txt'
	[ -z "$stderr" ]
}

@test "the same output under LC_ALL=C and a Dutch UTF-8 locale" {
	run --separate-stderr env LC_ALL=C tt-analyse -l jargon.tsv -s score.tsv nota.txt gesprek.vtt
	c=$output
	run --separate-stderr env LC_ALL=nl_NL.UTF-8 tt-analyse -l jargon.tsv -s score.tsv nota.txt gesprek.vtt
	assert_success
	[ "$output" = "$c" ]
	[[ "$output" == *"200.0 per 1,000 words"* ]]
}

@test "--out DIR keeps the tables and the merged counts" {
	run --separate-stderr ta --out "$T/out" nota.txt gesprek.vtt
	assert_success
	[ -f "$T/out/summary.tsv" ] && [ -f "$T/out/terms.tsv" ] && [ -f "$T/out/pairs.tsv" ]
	[ "$(head -n 1 "$T/out/cooc-counts.tsv" | cut -f1,2)" = $'#tt-cooc-counts\tv1' ]
	run diff "$T/out/terms.tsv" <(ta --tsv=terms nota.txt gesprek.vtt)
	assert_success
}

@test "the report: per document, all documents, the strongest pairs" {
	run --separate-stderr ta nota.txt gesprek.vtt
	assert_success
	assert_line 'nota.txt'
	assert_line '  40 words, 8 jargon hits: 200.0 per 1,000 words'
	assert_line '       3  wijkteam                  -> team in de wijk'
	assert_line '          first at nota.txt:1'
	assert_line '       1  mantelzorger              (none)'
	assert_line '  formal/informal balance (+1 formal, -1 informal):  bestuurlijk +0.33  register +1.00'
	assert_line 'All 2 documents'
	assert_line '  72 words, 13 jargon hits: 180.6 per 1,000 words'
	assert_line '  formal/informal balance (+1 formal, -1 informal):  bestuurlijk +0.00  register +0.00'
	assert_line --regexp '^    eigen kracht \+ wijkteam +[0-9.]+ +[0-9]+$'
	assert_line --regexp '^    gesprek\.vtt +32 +156\.2 '
}

@test "make demo's script: every sample analysed, the PDF made from one of them too" {
	command -v gropdf >/dev/null || skip "gropdf (Debian package groff) is not installed"
	run --separate-stderr sh "$ROOT/pipelines/demo.sh"
	assert_success
	[ -z "$stderr" ]
	for f in "$ROOT"/samples/*.txt "$ROOT"/samples/*.vtt "$ROOT"/samples/*.srt "$ROOT"/samples/*.html; do
		assert_line "samples/${f##*/}"
	done
	assert_line 'build/demo/raadsvoorstel-mantelzorg.pdf'
	assert_line --regexp '^All [0-9]+ documents$'
	# the PDF has the same jargon as the text it was made from
	[[ "$output" == *"first at build/demo/raadsvoorstel-mantelzorg.pdf:"*" (page 1)"* ]]
}

@test "-x leaves an entry's jargon out; an unknown entry is an error" {
	run --separate-stderr ta -x wijkteam --tsv nota.txt
	assert_success
	run bash -c 'cut -f1-5 <<<"$1"' _ "$output"
	assert_line --index 1 $'nota.txt\t_\t40\t5\t125.0'
	run --separate-stderr ta --exclude=burgerkracht --tsv=terms nota.txt
	assert_success
	refute_output --partial 'eigen-kracht'
	refute_output --partial 'zelfredzaamheid'
	assert_output --partial $'nota.txt\tjargon:wijkteam\t'
	run --separate-stderr ta -x geen-entry nota.txt
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "tt-jargon: --exclude: no entry or category 'geen-entry'" ]
}

@test "the report says when one entry dominates a document's hits" {
	# 24 hits of which 21 wijkteam: dominated; 3 of eigen kracht
	{ for i in $(seq 21); do echo "Het wijkteam helpt."; done
	  for i in 1 2 3; do echo "Eigen kracht telt."; done; } > "$T/dom.txt"
	run --separate-stderr ta "$T/dom.txt"
	assert_success
	assert_line --index 3 "  dominated by wijkteam: 21 of 24 hits (88%); --exclude wijkteam leaves it out"
	# below twenty hits nothing is said
	run --separate-stderr ta nota.txt
	refute_output --partial 'dominated by'
}

@test "--per-doc DIR: each document's tables, byte for byte those of a run on it alone" {
	printf 'a\0b' > "$T/data.txt"
	: > "$T/leeg.txt"
	run --separate-stderr ta --tsv --per-doc "$T/each" nota.txt "$T/data.txt" gesprek.vtt "$T/leeg.txt" notulen.srt
	assert_failure 2
	[ "$(ls "$T/each" | sort -n | tr '\n' ' ')" = "1 2 3 4 5 " ]
	k=0
	for f in nota.txt "$T/data.txt" gesprek.vtt "$T/leeg.txt" notulen.srt; do
		k=$((k + 1))
		ta --tsv --out "$T/alone.$k" "$f" > /dev/null 2>&1 || :
		diff -r "$T/alone.$k" "$T/each/$k" || { echo "document $k: $f"; return 1; }
	done
	# an analysed document has all six tables; the binary one its skipped row
	[ "$(ls "$T/each/1" | tr '\n' ' ')" = "cooc-counts.tsv pairs.tsv score-counts.tsv score.tsv skipped.tsv summary.tsv terms.tsv " ]
	[ "$(sed -n 2p "$T/each/2/skipped.tsv")" = "$T/data.txt"$'\tcontent\tbinary file, skipped (convert it to text first)' ]
	run --separate-stderr ta --per-doc /proc/nee nota.txt
	assert_failure 2
	[ "$stderr" = "tt-analyse: /proc/nee: cannot create the directory" ]
}

@test "--keep-text: the normalised text, stream and matches of each analysed document in DIR/text/" {
	printf 'a\0b' > "$T/data.txt"
	mkdir -p "$T/out/text"
	: > "$T/out/text/stale"
	run --separate-stderr ta --keep-text --out "$T/out" nota.txt "$T/data.txt" gesprek.vtt
	assert_failure 2
	# the binary document has no files; the others are named by their place
	[ "$(ls "$T/out/text" | tr '\n' ' ')" = "1 1.jar 1.matches 3 3.jar 3.matches index.tsv " ]
	[ "$(cat "$T/out/text/index.tsv")" = $'#n\tdoc\tkind\n1\tnota.txt\ttext\n3\tgesprek.vtt\tvtt' ]
	tt-normalise < nota.txt | cmp - "$T/out/text/1"
	[ "$(head -1 "$T/out/text/3.jar")" = $'#doc\tline\tpar\tsent\ttok\ttype\tword\tspeaker\tstem\tjargon' ]
	[ "$(sed -n 2p "$T/out/text/3.jar" | cut -f1,2,7,8)" = $'3\t5\tIk\tAnna' ]
	[ "$(sed -n 4p "$T/out/text/3.matches")" = $'3\t9\tjargon:eigen-kracht\tburgerkracht\teigen kracht\twat u zelf kunt' ]
	run --separate-stderr tt-analyse --keep-text nota.txt
	assert_failure 2
	[[ "$stderr" == "tt-analyse: --keep-text needs --out DIR"$'\n'"usage: tt-analyse "* ]]
}

@test "--per-doc-names FILE: the directories named by its lines; bad files are errors before any work" {
	printf 'een\ntwee\n' > "$T/names"
	run --separate-stderr ta --tsv --per-doc "$T/each" --per-doc-names "$T/names" nota.txt gesprek.vtt
	assert_success
	[ "$(ls "$T/each" | tr '\n' ' ')" = "een twee " ]
	ta --out "$T/one" gesprek.vtt > /dev/null
	diff -r "$T/one" "$T/each/twee"
	printf 'een\n' > "$T/names"
	run --separate-stderr ta --tsv --per-doc "$T/e2" --per-doc-names "$T/names" nota.txt gesprek.vtt
	assert_failure 2
	[ "$stderr" = "tt-analyse: $T/names: 1 names for 2 files" ]
	[ ! -e "$T/e2" ]
	printf 'een\na/b\neen\n..\n' > "$T/names"
	run --separate-stderr ta --tsv --per-doc "$T/e2" --per-doc-names "$T/names" nota.txt nota.txt nota.txt nota.txt
	assert_failure 2
	[ "$stderr" = "tt-analyse: $T/names:2: not a directory name: a/b
tt-analyse: $T/names:3: een: named on line 1 already
tt-analyse: $T/names:4: not a directory name: .." ]
	run --separate-stderr ta --tsv --per-doc-names "$T/names" nota.txt
	assert_failure 2
	[[ "$stderr" == "tt-analyse: --per-doc-names: only with --per-doc DIR"$'\n'* ]]
	run --separate-stderr ta --tsv --per-doc "$T/e2" --per-doc-names "$T/geen" nota.txt
	assert_failure 2
	[ "$stderr" = "tt-analyse: $T/geen: cannot read it" ]
}

@test "--keep-text with a relative --out directory" {
	cd "$T"
	cp "$FIX/pipelines/nota.txt" "$FIX/pipelines/jargon.tsv" "$FIX/pipelines/score.tsv" .
	run --separate-stderr tt-analyse -l jargon.tsv -s score.tsv --tsv --keep-text --out uit nota.txt
	assert_success
	[ "$(ls uit/text | tr '\n' ' ')" = "1 1.jar 1.matches index.tsv " ]
}
