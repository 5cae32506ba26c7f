#!/usr/bin/env bats
# tt-normalise: characters, hyphens at line ends, page furniture, bad input.

load helper

N="$FIX/tt-normalise"
# Only for bash's own $'\u...' strings: the program does not look at the locale.
export LC_ALL=C.UTF-8

# ---- characters ------------------------------------------------------------

@test "ligatures, IJ and full-width forms are folded; ² ½ € ™ stay" {
	run --separate-stderr tt-normalise <<<$'\uFB01nanci\u00EBn \uFB02exibel \uFB00 \uFB03 \u0132sselmeer \u0133s\n\uFF37\uFF4D\uFF4F \uFF12\uFF10\uFF11\uFF15\uFF01 m\u00B2 \u00BD \u20AC 5 \u2122'
	assert_success
	assert_output $'financiën flexibel ff ffi IJsselmeer ijs\nWmo 2015! m² ½ € 5 ™'
	[ -z "$stderr" ]
}

@test "decomposed letters are composed (NFC)" {
	run --separate-stderr tt-normalise <<<$'cafe\u0301 ru\u0456\u0308ne coo\u0308rdinatie'
	assert_success
	# Cyrillic і (U+0456) + diaeresis composes to ї, Latin o + diaeresis to ö
	assert_output $'café ru\u0457ne coördinatie'
}

@test "soft hyphens and zero-width characters inside a line are removed" {
	run --separate-stderr tt-normalise <<<$'mantel\u00ADzorg wijk\u200Bteam zelf\u2060redzaam mid\uFEFFden \u200Elinks\u200F a\u200Cb c\u200Dd'
	assert_success
	assert_output 'mantelzorg wijkteam zelfredzaam midden links ab cd'
}

@test "ZWJ and ZWNJ are kept inside emoji and non-Latin sequences only" {
	run --separate-stderr tt-normalise <<<$'\U0001F469\u200D\u2695\uFE0F zorg \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 x\u200D\U0001F469'
	assert_success
	assert_output $'\U0001F469\u200D\u2695\uFE0F zorg \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 x\U0001F469'
}

@test "NBSP, narrow NBSP, thin and other Unicode spaces become one space" {
	run --separate-stderr tt-normalise <<<$'a\u00A0b\u202Fc\u2009d\u2003e\u3000f\u205Fg\u2028h\vi\u0085j\tk'
	assert_success
	assert_output $'a b c d e f g h i j\tk'
}

@test "control characters are removed, tab and form feed kept" {
	printf 'a\001b\002c\033d\177e\302\200f\302\237g\th\fi\n' > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-normalise "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output $'abcdefg\th\fi'
}

@test "typographic quotes, dashes and the ellipsis become ASCII" {
	run --separate-stderr tt-normalise <<<$'\u2018eigen kracht\u2019 \u201Cmaatwerk\u201D \u201Esamen\u201D auto\u2019s auto\u00B4s \u00ABwijk\u00BB 2015\u20132018 zorg \u2014 welzijn \u22125 en\u2026'
	assert_success
	assert_output $'\'eigen kracht\' "maatwerk" "samen" auto\'s auto\'s "wijk" 2015-2018 zorg - welzijn -5 en...'
}

@test "--keep-punct keeps quotes, dashes and the ellipsis, still folds hyphens" {
	run --separate-stderr tt-normalise --keep-punct <<<$'\u2018eigen kracht\u2019 \u201Esamen\u201D 2015\u20132018 en\u2026 wmo\u2010consulent e\u2011mail \uFB01 a\u00A0b'
	assert_success
	assert_output $'\u2018eigen kracht\u2019 \u201Esamen\u201D 2015\u20132018 en\u2026 wmo-consulent e-mail fi a b'
	run --separate-stderr tt-normalise -k <<<$'\u201Ca\u201D'
	assert_output $'\u201Ca\u201D'
}

@test "plain ASCII text passes through byte for byte" {
	D="$ROOT/../shared/data/ud-nl-alpino"
	f="$D/nl_alpino-ud-test.paragraphs.txt"
	[ -f "$f" ] || skip "no ../shared/data"
	LC_ALL=C grep -v '[^ -~]' "$f" | grep -v -- '-$' > "$BATS_TEST_TMPDIR/ascii"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/ascii")" -gt 100 ]
	tt-normalise "$BATS_TEST_TMPDIR/ascii" > "$BATS_TEST_TMPDIR/out"
	cmp "$BATS_TEST_TMPDIR/ascii" "$BATS_TEST_TMPDIR/out"
}

# ---- hyphens at line ends --------------------------------------------------

@test "hyphenated words: joined, kept, elisions left alone (fixture)" {
	run --separate-stderr tt-normalise "$N/hyphen.txt"
	assert_success
	assert_output "$(cat "$N/hyphen.expected")"
	[ -z "$stderr" ]
}

@test "every input line gives one output line (hyphen fixture)" {
	[ "$(tt-normalise "$N/hyphen.txt" | wc -l)" -eq "$(wc -l < "$N/hyphen.txt")" ]
}

@test "break-only hyphens are dropped, also after a sentence-initial capital" {
	run --separate-stderr tt-normalise <<<$'de partici-\npatiesamenleving en de zelf-\nstandigheid. Wijk-\nteams en de kanteling-\nsgesprekken en\nmeer'
	assert_success
	assert_output $'de participatiesamenleving\nen de zelfstandigheid.\nWijkteams\nen de kantelingsgesprekken\nen\nmeer'
}

@test "hyphens of acronyms, capitals, digits, single letters, vowel clashes are kept" {
	run --separate-stderr tt-normalise <<<$'cjg-\nmedewerker en ggd-\narts, zzp-\ner en de Ggz-\nzorg, Oost-\nEuropa, 3-\njarig, A-\nstatus, ICT-\nafdeling, radio-\nomroep en twee-\neiige tweeling'
	assert_success
	assert_output $'cjg-medewerker\nen ggd-arts,\nzzp-er\nen de Ggz-zorg,\nOost-Europa,\n3-jarig,\nA-status,\nICT-afdeling,\nradio-omroep\nen twee-eiige\ntweeling'
}

@test "names and capitalised words broken by hyphenation are joined" {
	run --separate-stderr tt-normalise <<<$'in Neder-\nland en Am-\nsterdam, de Wereld-\nbank en Zuid-A-\nmerikaanse landen'
	assert_success
	assert_output $'in Nederland\nen Amsterdam,\nde Wereldbank\nen Zuid-Amerikaanse\nlanden'
}

@test "no vowel clash after a glide i, before -eel/-eus, or before a diaeresis" {
	run --separate-stderr tt-normalise <<<$'ze groei-\nen, bloei-\nend en financi-\neel, seri-\neus, financi-\n\u00EBle steun en multi-\netnische wijken'
	assert_success
	assert_output $'ze groeien,\nbloeiend\nen financieel,\nserieus,\nfinanciële\nsteun en multi-etnische\nwijken'
}

@test "elision across a line end: both lines unchanged" {
	run --separate-stderr tt-normalise <<<$'de zorg-\nen welzijnsinstellingen, jeugd-\nc.q. ouderenzorg, woon-\nals zorgtaken'
	assert_success
	assert_output $'de zorg-\nen welzijnsinstellingen, jeugd-\nc.q. ouderenzorg, woon-\nals zorgtaken'
}

@test "the second half leaves its line; an emptied line stays empty" {
	run --separate-stderr tt-normalise <<<$'het samen-\nwerkingsverband\nde wijk-\n   teams, die werken'
	assert_success
	assert_output $'het samenwerkingsverband\n\nde wijkteams,\ndie werken'
}

@test "a soft hyphen at a line end always joins, without the hyphen" {
	run --separate-stderr tt-normalise <<<$'samen\u00AD\nwerking, zorg\u00AD\nen welzijn, los \u00AD\nnee'
	assert_success
	assert_output $'samenwerking,\nzorgen\nwelzijn, los \nnee'
}

@test "no join across an empty line, a non-letter, or the end of a file" {
	printf 'wijk-\n' > "$BATS_TEST_TMPDIR/a"
	printf 'team\n' > "$BATS_TEST_TMPDIR/b"
	run --separate-stderr tt-normalise "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	assert_success
	assert_output $'wijk-\nteam'
	run --separate-stderr tt-normalise <<<$'wijk-\n\nteam\nzorg -\nwelzijn\nwijk-\n(team)\nzorg--\nwelzijn'
	assert_output $'wijk-\n\nteam\nzorg -\nwelzijn\nwijk-\n(team)\nzorg--\nwelzijn'
}

@test "a word broken across a form feed is joined; the form feed stays" {
	run --separate-stderr tt-normalise <<<$'met de samen-\n\fleving en de buren'
	assert_success
	assert_output $'met de samenleving\n\fen de buren'
}

# ---- page furniture --------------------------------------------------------

@test "--strip-furniture blanks page numbers and repeated headers and footers (fixture)" {
	run --separate-stderr tt-normalise --strip-furniture "$N/pages.txt"
	assert_success
	assert_output "$(cat "$N/pages.expected")"
	[ -z "$stderr" ]
	[ "$(tt-normalise -s "$N/pages.txt" | wc -l)" -eq "$(($(wc -l < "$N/pages.txt") + 1))" ]
}

@test "--strip-furniture reads stdin as well as files" {
	a=$(tt-normalise -s < "$N/pages.txt")
	b=$(tt-normalise -s "$N/pages.txt")
	[ "$a" = "$b" ]
	[ "$a" = "$(cat "$N/pages.expected")" ]
}

@test "without --strip-furniture page numbers and headers stay" {
	run --separate-stderr tt-normalise "$N/pages.txt"
	assert_success
	[ "$(sed -n 7p <<<"$output")" = '- 1 -' ]
	[ "$(sed -n 8p <<<"$output")" = $'\fGemeente Transitiedorp' ]
}

@test "page number forms are recognised at page ends only" {
	for p in '12' '- 12 -' '(12)' '[12]' '3/10' '3 / 10' 'Pagina 3 van 10' 'pagina 3' 'blz. 7' 'Page 3 of 10' 'p. 3' 'xii' '– 4 –'; do
		printf 'Titel\neen\ntwee\ndrie\n12\nvier\nvijf\nzes\nzeven\n%s\n' "$p" |
		    tt-normalise -s > "$BATS_TEST_TMPDIR/out"
		[ "$(sed -n 10p "$BATS_TEST_TMPDIR/out")" = "" ] || { echo "not blanked: $p"; false; }
		[ "$(sed -n 5p "$BATS_TEST_TMPDIR/out")" = "12" ]
		[ "$(sed -n 1p "$BATS_TEST_TMPDIR/out")" = "Titel" ]
		[ "$(wc -l < "$BATS_TEST_TMPDIR/out")" -eq 10 ]
	done
	printf 'a\nb\nc\nd\ne\nf\n12 wijken\n' | tt-normalise -s | tail -n 1 | grep -qx '12 wijken'
}

@test "--strip-furniture on real pdftotext output of a groff PDF" {
	command -v pdftotext >/dev/null || skip "no pdftotext (poppler-utils)"
	command -v groff >/dev/null || skip "no groff"
	groff -ms -Tpdf "$N/furniture.ms" > "$BATS_TEST_TMPDIR/nota.pdf" 2>/dev/null ||
	    skip "groff cannot write PDF (no gropdf)"
	pdftotext -layout "$BATS_TEST_TMPDIR/nota.pdf" "$BATS_TEST_TMPDIR/nota.txt"
	T="$BATS_TEST_TMPDIR/nota.txt"
	# the raw text has the furniture on every page and broken words
	[ "$(grep -c 'Pagina [0-9]' "$T")" -ge 3 ]
	grep -q 'Gemeente Transitiedorp' "$T"
	grep -q '[a-z]-$' "$T"
	run --separate-stderr tt-normalise --strip-furniture "$T"
	assert_success
	[ -z "$stderr" ]
	# same number of lines and form feeds; furniture gone; body kept
	[ "$(printf '%s\n' "$output" | wc -l)" -eq "$(awk 'END { print NR }' "$T")" ]
	[ "$(printf '%s' "$output" | tr -cd '\f' | wc -c)" -eq "$(tr -cd '\f' < "$T" | wc -c)" ]
	no_match 'Pagina [0-9]' <<<"$output"
	no_match 'Gemeente Transitiedorp' <<<"$output"
	no_match 'Versie 3' <<<"$output"
	grep -q '^1\. Inleiding$' <<<"$output"
	# every word broken at a line end came back whole
	for w in samenwerking keukentafelgesprek participatiesamenleving \
	    maatschappelijke mantelzorgers betrokken overheid; do
		grep -q "$w" <<<"$output" || { echo "missing: $w"; false; }
	done
	no_match '[a-z]-$' <<<"$output"
	# pdftotext's default mode puts header parts on lines of their own
	pdftotext "$BATS_TEST_TMPDIR/nota.pdf" "$BATS_TEST_TMPDIR/plain.txt"
	run --separate-stderr tt-normalise -s "$BATS_TEST_TMPDIR/plain.txt"
	assert_success
	[ "$(printf '%s\n' "$output" | wc -l)" -eq "$(awk 'END { print NR }' "$BATS_TEST_TMPDIR/plain.txt")" ]
	no_match -e 'Pagina [0-9]' -e 'Transitiedorp' -e 'Beleidsplan Sociaal' -e 'Versie 3' <<<"$output"
	grep -q 'keukentafelgesprek' <<<"$output"
}

# ---- bad input -------------------------------------------------------------

@test "CRLF, lone CR, BOM and no final newline read like LF" {
	printf '\xef\xbb\xbfeen\r\ntwee\rdrie samen-\r\nwerking\r\nvier' > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-normalise "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output $'een\ntwee\ndrie samenwerking\n\nvier'
	[ "$(tt-normalise "$BATS_TEST_TMPDIR/in" | tail -c 1 | od -An -tx1 | tr -d ' ')" = 0a ]
}

@test "invalid UTF-8 and NUL become U+FFFD with one warning" {
	printf 'ab\xffcd\nx\0y\n' > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-normalise "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output $'ab\uFFFDcd\nx\uFFFDy'
	[ "$stderr" = "tt-normalise: $BATS_TEST_TMPDIR/in:1: NUL or invalid UTF-8 replaced by U+FFFD" ]
}

@test "empty input gives no output" {
	run --separate-stderr tt-normalise </dev/null
	assert_success
	assert_output ''
	[ -z "$stderr" ]
	run --separate-stderr tt-normalise -s </dev/null
	assert_success
	assert_output ''
}

@test "a 10 MB line passes, and a word broken after it is joined" {
	{ head -c 10000000 /dev/zero | tr '\0' a; printf ' samen-\nwerking\n'; } > "$BATS_TEST_TMPDIR/big"
	tt-normalise "$BATS_TEST_TMPDIR/big" > "$BATS_TEST_TMPDIR/out"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/out")" -eq 2 ]
	[ "$(head -n 1 "$BATS_TEST_TMPDIR/out" | tail -c 13)" = 'samenwerking' ]
	[ "$(wc -c < "$BATS_TEST_TMPDIR/out")" -eq 10000015 ]
	{ head -c 10000000 /dev/zero | tr '\0' a; printf '\xc3\xa9\n'; } > "$BATS_TEST_TMPDIR/big2"
	[ "$(tt-normalise -s "$BATS_TEST_TMPDIR/big2" | wc -c)" -eq 10000003 ]
}

@test "binary input (PDF, gzip) is refused" {
	printf '%%PDF-1.4\n%%\xe2\xe3\n1 0 obj\n' > "$BATS_TEST_TMPDIR/x.pdf"
	run --separate-stderr tt-normalise "$BATS_TEST_TMPDIR/x.pdf"
	assert_failure 2
	assert_output ''
	[[ "$stderr" == "tt-normalise: $BATS_TEST_TMPDIR/x.pdf: a PDF file, not text"* ]]
	gzip -c "$N/hyphen.txt" > "$BATS_TEST_TMPDIR/x.gz"
	run --separate-stderr tt-normalise -s "$BATS_TEST_TMPDIR/x.gz"
	assert_failure 2
	assert_output ''
	[[ "$stderr" == "tt-normalise: $BATS_TEST_TMPDIR/x.gz: gzip-compressed data"* ]]
}

@test "a nonexistent file among good ones: message, exit 2, the rest processed" {
	printf 'een\n' > "$BATS_TEST_TMPDIR/a"
	printf 'twee\n' > "$BATS_TEST_TMPDIR/b"
	run --separate-stderr tt-normalise "$BATS_TEST_TMPDIR/a" nosuch.txt "$BATS_TEST_TMPDIR/b"
	assert_failure 2
	assert_output $'een\ntwee'
	[ "$stderr" = "tt-normalise: nosuch.txt: No such file or directory" ]
	run --separate-stderr tt-normalise -s "$BATS_TEST_TMPDIR/a" nosuch.txt "$BATS_TEST_TMPDIR/b"
	assert_failure 2
	assert_output $'een\ntwee'
	[ "$stderr" = "tt-normalise: nosuch.txt: No such file or directory" ]
}

@test "a full disk is an error with exit 2" {
	run --separate-stderr bash -c 'tt-normalise "$1" > /dev/full' _ "$N/hyphen.txt"
	assert_failure 2
	[ "$stderr" = "tt-normalise: stdout: No space left on device" ]
	run --separate-stderr bash -c 'tt-normalise -s "$1" > /dev/full' _ "$N/pages.txt"
	assert_failure 2
}

@test "an unwritable TMPDIR under --strip-furniture is an error" {
	[[ "${TT_BIN:-}" != *valgrind* ]] || skip "valgrind itself needs a writable TMPDIR"
	run --separate-stderr env TMPDIR=/nonexistent tt-normalise -s "$N/pages.txt"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-normalise: temporary file in /nonexistent: No such file or directory" ]
}

@test "| head -1 ends it quietly" {
	run --separate-stderr bash -c 'yes "de wijkteams" | head -n 300000 | tt-normalise | head -1'
	assert_success
	assert_output 'de wijkteams'
	[ -z "$stderr" ]
}

@test "same output under LC_ALL=C and nl_NL.UTF-8" {
	locale -a | grep -qi '^nl_NL\.utf-\?8$' || skip "no nl_NL.UTF-8 locale"
	a=$(LC_ALL=C tt-normalise "$N/hyphen.txt" "$N/pages.txt")
	b=$(LC_ALL=nl_NL.UTF-8 tt-normalise "$N/hyphen.txt" "$N/pages.txt")
	[ "$a" = "$b" ]
	in='\xc4\xb2s \xe2\x80\x9ca\xe2\x80\x9d cafe\xcc\x81 de co\xc3\xb6r-\ndinatie\n'
	c=$(printf "$in" | LC_ALL=C tt-normalise)
	d=$(printf "$in" | LC_ALL=nl_NL.UTF-8 tt-normalise)
	[ "$c" = "$d" ]
	[ "$c" = $'IJs "a" café de coördinatie' ]
}

@test "--help on stdout exit 0; bad option: usage on stderr exit 2; --version" {
	run --separate-stderr tt-normalise --help
	assert_success
	assert_line --index 0 'usage: tt-normalise [--keep-punct] [--strip-furniture] [file ...]'
	[ -z "$stderr" ]
	run --separate-stderr tt-normalise --bogus
	assert_failure 2
	assert_output ''
	[[ "$stderr" == *"usage: tt-normalise"* ]]
	run --separate-stderr tt-normalise --version
	assert_success
	assert_line --index 0 'tt-normalise (transitietaal) 0.1.0'
}
