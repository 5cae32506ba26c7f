#!/usr/bin/env bats
# tt-jargon: every pattern kind, compounds, precision pairs, gaps,
# leftmost-longest and tie-breaking, sentences, the output modes, every
# lexicon error, the regex limits, and the hostile set.

load helper

F="$FIX/tt-jargon"
LEX="$F/lex.tsv"
O_HEADER=$'#doc\tline\tentry\tcategory\tmatch\talternative'

# stream WORD...: a token stream of one document, d.txt; "|" starts a new
# sentence (and a new input line).
stream() {
	local sent=1 tok=0 w
	printf '%s\n' "$STREAM_HEADER"
	for w in "$@"; do
		if [ "$w" = "|" ]; then
			sent=$((sent + 1))
			continue
		fi
		tok=$((tok + 1))
		printf 'd.txt\t%d\t1\t%d\t%d\tword\t%s\t_\n' "$sent" "$sent" "$tok" "$w"
	done
}

# matches WORD...: the -o lines (without header) for a stream of WORDs.
matches() {
	stream "$@" > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$LEX" -o "$BATS_TEST_TMPDIR/in"
}

# marks WORD...: the jargon column, one value a line, for WORDs.
marks() {
	stream "$@" > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -o pipefail -c 'tt-jargon -l "$1" "$2" | cut -f9' sh \
	    "$LEX" "$BATS_TEST_TMPDIR/in"
}

@test "--help and --version exit 0; a bad option exits 2" {
	run --separate-stderr tt-jargon --help
	assert_success
	assert_line --index 0 'usage: tt-jargon [-l LEXICON]... [-x ENTRY|CATEGORY]... [-o | -c] [FILE...]'
	run --separate-stderr tt-jargon --version
	assert_success
	assert_output --partial 'tt-jargon'
	run --separate-stderr tt-jargon --bogus
	assert_failure 2
	assert_output ''
	run --separate-stderr tt-jargon -o -c
	assert_failure 2
}

@test "appends the jargon column: first token, + on the others, _ elsewhere" {
	marks De sociale wijkteams en eigen kracht .
	assert_success
	assert_output "jargon
_
lex:sociaal-wijkteam
+lex:sociaal-wijkteam
_
lex:eigen-kracht
+lex:eigen-kracht
_"
	[ -z "$stderr" ]
}

@test "the input line passes through unchanged, unknown columns too" {
	run --separate-stderr tt-jargon -l "$LEX" <<<$'#x\tword\ty\n1\tSamenspel\tz z\n2\tspel\t\\_'
	assert_success
	assert_output $'#x\tword\ty\tjargon\n1\tSamenspel\tz z\tlex:samenspel\n2\tspel\t\\_\t_'
}

@test "plain word: matched by stem, case- and accent-insensitive" {
	matches samenspel Samenspellen Continuïteit CONTINUITEIT continuiteit
	assert_success
	assert_output "$O_HEADER
d.txt	1	lex:samenspel	relatie	samenspel	samenwerking
d.txt	1	lex:samenspel	relatie	Samenspellen	samenwerking
d.txt	1	lex:continuiteit	beleid	Continuïteit	_
d.txt	1	lex:continuiteit	beleid	CONTINUITEIT	_
d.txt	1	lex:continuiteit	beleid	continuiteit	_"
}

@test "stems meet across Snowball's spelling: sociaal/sociale, initiatief/initiatieven" {
	matches bewonersinitiatief bewonersinitiatieven Sociaal wijkteam sociale wijkteams
	assert_success
	assert_output "$O_HEADER
d.txt	1	lex:bewonersinitiatief	actor-informeel	bewonersinitiatief	_
d.txt	1	lex:bewonersinitiatief	actor-informeel	bewonersinitiatieven	_
d.txt	1	lex:sociaal-wijkteam	actor-formeel	Sociaal wijkteam	buurtteam
d.txt	1	lex:sociaal-wijkteam	actor-formeel	sociale wijkteams	buurtteam"
}

@test "=form matches the exact folded form only" {
	matches WMO wmo Wmo "wmo's"
	assert_success
	assert_output "$O_HEADER
d.txt	1	lex:wmo	beleid	WMO	_
d.txt	1	lex:wmo	beleid	wmo	_
d.txt	1	lex:wmo	beleid	Wmo	_"
}

@test "globs: prefix (also the bare word), suffix, infix" {
	matches wijkteam wijkteammedewerker mantelzorg jeugdzorg zorg projectteamleider teamwork
	assert_success
	assert_output "$O_HEADER
d.txt	1	lex:wijkteam	actor-formeel	wijkteam	buurtteam
d.txt	1	lex:wijkteam	actor-formeel	wijkteammedewerker	buurtteam
d.txt	1	lex:mantelzorg	actor-informeel	mantelzorg	_
d.txt	1	lex:zorg	zorg	jeugdzorg	_
d.txt	1	lex:zorg	zorg	zorg	_
d.txt	1	lex:team	overig	projectteamleider	_
d.txt	1	lex:team	overig	teamwork	_"
}

@test "compounds: vrijwilligerscoördinator, wijkteammedewerker, mantelzorgondersteuning, bewonersinitiatieven" {
	matches vrijwilligerscoördinator wijkteammedewerkers mantelzorgondersteuning bewonersinitiatieven
	assert_success
	assert_output "$O_HEADER
d.txt	1	lex:vrijwilliger	actor-informeel	vrijwilligerscoördinator	_
d.txt	1	lex:wijkteam	actor-formeel	wijkteammedewerkers	buurtteam
d.txt	1	lex:mantelzorg	actor-informeel	mantelzorgondersteuning	_
d.txt	1	lex:bewonersinitiatief	actor-informeel	bewonersinitiatieven	_"
}

@test "regex: PCRE2 on the folded token, anchored to the whole token" {
	matches WMO-consulenten wmoconsulent wmo-consulentschap oud-wmo-consulent
	assert_success
	assert_output "$O_HEADER
d.txt	1	lex:consulent	actor-formeel	WMO-consulenten	medewerker van de gemeente
d.txt	1	lex:consulent	actor-formeel	wmoconsulent	medewerker van de gemeente"
}

@test "precision pairs: spel, transformator, zorgvuldig, eigenaar, kantelraam do not match" {
	matches spel transformator zorgvuldig eigenaar kracht kantelraam
	assert_failure 1
	assert_output "$O_HEADER"
	[ -z "$stderr" ]
}

@test "precision pairs: samenspel, transformeren, zorg, eigen kracht, kantelen do" {
	matches samenspel transformeren zorg eigen kracht kantelen
	assert_success
	assert_output "$O_HEADER
d.txt	1	lex:samenspel	relatie	samenspel	samenwerking
d.txt	1	lex:transformeren	beleid-transitie	transformeren	veranderen
d.txt	1	lex:zorg	zorg	zorg	_
d.txt	1	lex:eigen-kracht	burgerkracht	eigen kracht	wat u zelf kunt
d.txt	1	lex:kantelen	beleid-transitie	kantelen	omslag"
}

@test "phrases: several words, accents folded in the pattern too" {
	matches Right to challenge een gezin één plan right challenge
	assert_success
	assert_output "$O_HEADER
d.txt	1	lex:right-to-challenge	werkwijze	Right to challenge	_
d.txt	1	lex:een-gezin	werkwijze	een gezin één plan	_"
}

@test "gap ~3: up to three tokens between; gap tokens get _" {
	marks eigen en gedeelde verantwoordelijkheid
	assert_success
	assert_output "jargon
lex:eigen-verantw
_
_
+lex:eigen-verantw"
}

@test "gap ~3: four tokens between do not match" {
	matches eigen a b c d verantwoordelijkheid
	assert_failure 1
	assert_output "$O_HEADER"
}

@test "leftmost-longest: the longer match wins over a one-word one" {
	marks sociale wijkteams
	assert_output "jargon
lex:sociaal-wijkteam
+lex:sociaal-wijkteam"
}

@test "leftmost: a match that starts earlier wins over a longer one later" {
	# 'eigen eigen kracht': no entry starts at the first 'eigen'
	marks eigen eigen kracht
	assert_output "jargon
_
lex:eigen-kracht
+lex:eigen-kracht"
}

@test "ties: same span, fewer gap tokens wins, even if later in the lexicon" {
	matches eigen gedeelde verantwoordelijkheid
	assert_output "$O_HEADER
d.txt	1	lex:gedeeld-verantw	burgerkracht	eigen gedeelde verantwoordelijkheid	_"
}

@test "ties: same span and gaps, the entry first in the lexicon wins" {
	# kanteling: stem of 'kantelen' (line 17) and =kanteling (line 18)
	matches kanteling
	assert_output "$O_HEADER
d.txt	1	lex:kantelen	beleid-transitie	kanteling	omslag"
	# wijkteammedewerker: wijkteam* (line 9) before *team* (line 15)
	matches wijkteammedewerker
	assert_output "$O_HEADER
d.txt	1	lex:wijkteam	actor-formeel	wijkteammedewerker	buurtteam"
}

@test "matches never cross a sentence boundary" {
	matches eigen "|" kracht eigen en "|" verantwoordelijkheid
	assert_failure 1
	assert_output "$O_HEADER"
}

@test "matches never cross documents" {
	run --separate-stderr tt-jargon -l "$LEX" -o <<<"$STREAM_HEADER
a.txt	1	1	1	1	word	eigen	_
b.txt	1	1	1	1	word	kracht	_"
	assert_failure 1
}

@test "non-overlapping: matching restarts after the last token of a match" {
	marks eigen kracht kracht samenspel
	assert_output "jargon
lex:eigen-kracht
+lex:eigen-kracht
_
lex:samenspel"
}

@test "the stem column is used when present" {
	run --separate-stderr tt-jargon -l "$LEX" -o <<<$'#doc\tline\tsent\tword\tstem\nd\t1\t1\txyz\tsamenspel\nd\t1\t1\tsamenspel\tspel'
	assert_success
	assert_output "$O_HEADER
d	1	lex:samenspel	relatie	xyz	samenwerking"
}

@test "the pipeline with tt-stem gives the same marks as without" {
	stream Wijkteams sociale wijkteams samenspel zorgvuldig mantelzorgers eigen kracht > "$BATS_TEST_TMPDIR/in"
	tt-jargon -l "$LEX" "$BATS_TEST_TMPDIR/in" | cut -f9 > "$BATS_TEST_TMPDIR/a"
	tt-stem "$BATS_TEST_TMPDIR/in" | tt-jargon -l "$LEX" | cut -f10 > "$BATS_TEST_TMPDIR/b"
	run diff "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	assert_success
	[ "$(grep -c lex: "$BATS_TEST_TMPDIR/a")" -eq 7 ]
}

@test "-o: no match exits 1 with only the header" {
	matches gewone woorden
	assert_failure 1
	assert_output "$O_HEADER"
	[ -z "$stderr" ]
}

@test "-o: empty input exits 1" {
	run --separate-stderr tt-jargon -l "$LEX" -o </dev/null
	assert_failure 1
	assert_output "$O_HEADER"
}

@test "-c: matches and tokens per document" {
	run --separate-stderr tt-jargon -l "$LEX" -c <<<"$STREAM_HEADER
a.txt	1	1	1	1	word	eigen	_
a.txt	1	1	1	2	word	kracht	_
a.txt	1	1	1	3	word	en	_
a.txt	1	1	1	4	word	samenspel	_
b.txt	1	1	1	1	word	niets	_"
	assert_success
	assert_output $'#doc\tmatches\ttokens\na.txt\t2\t4\nb.txt\t0\t1'
}

@test "counting matches with cut | sort | uniq -c (the man page one-liner)" {
	stream samenspel x samenspel eigen kracht > "$BATS_TEST_TMPDIR/in"
	run bash -o pipefail -c 'tt-jargon -l "$1" "$2" | grep -v "^#" | cut -f9 | grep -v "^[_+]" | sort | uniq -c' sh "$LEX" "$BATS_TEST_TMPDIR/in"
	assert_output "      1 lex:eigen-kracht
      2 lex:samenspel"
}

@test "several lexicons combine; identity is lexicon:id" {
	stream mantelzorg zorg > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$F/zorg.tsv" -l "$LEX" -o "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "$O_HEADER
d.txt	1	zorg:zorg	zorg	mantelzorg	ondersteuning
d.txt	1	zorg:zorg	zorg	zorg	ondersteuning"
	run --separate-stderr tt-jargon -l "$LEX" -l "$F/zorg.tsv" -o "$BATS_TEST_TMPDIR/in"
	assert_output "$O_HEADER
d.txt	1	lex:mantelzorg	actor-informeel	mantelzorg	_
d.txt	1	lex:zorg	zorg	zorg	_"
}

@test "two lexicons with the same name are refused" {
	cd "$F"
	run --separate-stderr tt-jargon -l zorg.tsv -l other/zorg.tsv </dev/null
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-jargon: other/zorg.tsv: lexicon name 'zorg' already used by zorg.tsv" ]
}

@test "the default lexicon is found through the data path" {
	TT_LEXDIR="$F/lexdir" run --separate-stderr tt-jargon -o <<<"$STREAM_HEADER
d	1	1	1	1	word	Participatiesamenleving	_"
	assert_success
	assert_output "$O_HEADER
d	1	transitietaal:participatiesamenleving	beleid-transitie	Participatiesamenleving	samenleving waarin iedereen meedoet"
}

@test "the shipped lexicon loads from the source tree" {
	[ -f "$ROOT/lexicons/transitietaal.tsv" ] || skip "no lexicons/transitietaal.tsv yet"
	run --separate-stderr tt-jargon </dev/null
	assert_success
	[ -z "$stderr" ]
}

@test "a -l name without a path is looked up as a data file, .tsv optional" {
	TT_LEXDIR="$F/lexdir" run --separate-stderr tt-jargon -l transitietaal -o <<<"$STREAM_HEADER
d	1	1	1	1	word	participatiesamenleving	_"
	assert_success
	assert_line --index 1 --partial 'transitietaal:participatiesamenleving'
}

# ---- lexicon errors: file:line: what, exit 2, nothing written -------------

lexerr() {
	cd "$F"
	run --separate-stderr tt-jargon -l "$1" <<<"$STREAM_HEADER"
	assert_failure 2
	assert_output ''
}

@test "lexicon error: unknown column" {
	lexerr bad-column.tsv
	[ "$stderr" = "tt-jargon: bad-column.tsv:1: unknown column 'gewicht' (known: id pattern category alternative note weight)" ]
}

@test "lexicon error: missing pattern" {
	lexerr bad-missing-pattern.tsv
	[ "$stderr" = "tt-jargon: bad-missing-pattern.tsv:3: pattern: missing" ]
}

@test "lexicon error: invalid regex, with PCRE2's message and offset" {
	lexerr bad-regex.tsv
	[ "$stderr" = "tt-jargon: bad-regex.tsv:4: pattern: missing closing parenthesis at offset 10" ]
}

@test "lexicon error: bad UTF-8" {
	lexerr bad-utf8.tsv
	[ "$stderr" = "tt-jargon: bad-utf8.tsv:2: invalid UTF-8" ]
}

@test "lexicon error: duplicate id" {
	lexerr bad-duplicate.tsv
	[ "$stderr" = "tt-jargon: bad-duplicate.tsv:4: id: duplicate 'zorg' (first on line 2)" ]
}

@test "lexicon error: bad weights (a decimal point, not a comma)" {
	lexerr bad-weight.tsv
	[ "$stderr" = "tt-jargon: bad-weight.tsv:2: weight: not a number: 'zwaar'
tt-jargon: bad-weight.tsv:3: weight: not a number: '1,5'" ]
}

@test "lexicon error: no header line" {
	lexerr bad-noheader.tsv
	[ "$stderr" = "tt-jargon: bad-noheader.tsv:1: no header line (#id<TAB>pattern<TAB>category...)" ]
}

@test "lexicon errors: all of them listed, each with its line" {
	lexerr bad-many.tsv
	[ "$stderr" = "tt-jargon: bad-many.tsv:2: pattern: '*' may only begin or end a word: 'wijk*team'
tt-jargon: bad-many.tsv:3: pattern: gap '~2' must stand between two words
tt-jargon: bad-many.tsv:4: pattern: bad gap '~0' (use ~1 to ~99)
tt-jargon: bad-many.tsv:5: pattern: gap '~2' must stand between two words
tt-jargon: bad-many.tsv:6: pattern: regex '/jeugd' lacks its closing '/'
tt-jargon: bad-many.tsv:7: category: missing
tt-jargon: bad-many.tsv:8: id: missing
tt-jargon: bad-many.tsv:9: id: contains a space
tt-jargon: bad-many.tsv:10: 4 fields, the header names 3" ]
}

@test "lexicon errors in two files: both reported, nothing runs" {
	lexerr bad-column.tsv
	run --separate-stderr tt-jargon -l bad-utf8.tsv -l lex.tsv -l bad-duplicate.tsv <<<"$STREAM_HEADER"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-jargon: bad-utf8.tsv:2: invalid UTF-8
tt-jargon: bad-duplicate.tsv:4: id: duplicate 'zorg' (first on line 2)" ]
}

@test "lexicon error: a missing lexicon file" {
	lexerr nope.tsv
	[ "$stderr" = "tt-jargon: nope.tsv: No such file or directory (nor in the lexicon directories)" ]
	run --separate-stderr tt-jargon -l ./nope.tsv </dev/null
	assert_failure 2
	[ "$stderr" = "tt-jargon: ./nope.tsv: No such file or directory" ]
}

@test "empty lexicon file: an error" {
	: > "$BATS_TEST_TMPDIR/leeg.tsv"
	run --separate-stderr tt-jargon -l "$BATS_TEST_TMPDIR/leeg.tsv" </dev/null
	assert_failure 2
	[ "$stderr" = "tt-jargon: $BATS_TEST_TMPDIR/leeg.tsv: empty lexicon (no header line)" ]
}

@test "lexicon: CRLF, BOM, comments, blank lines and empty extra fields are fine" {
	printf '\xef\xbb\xbf# commentaar\r\n#id\tpattern\tcategory\r\n\r\n# nog een\r\nzs\tsamenspel\trelatie\t\t\r\n' > "$BATS_TEST_TMPDIR/crlf.tsv"
	stream samenspel > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$BATS_TEST_TMPDIR/crlf.tsv" -o "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "$O_HEADER
d.txt	1	crlf:zs	relatie	samenspel	_"
}

@test "a pathological regex hits its limit quickly, warns once, no match there" {
	{
		printf '%s\n' "$STREAM_HEADER"
		printf 'd\t1\t1\t1\t1\tword\t%sb\t_\n' "$(head -c 30000 /dev/zero | tr '\0' a)"
		printf 'd\t2\t1\t1\t2\tword\t%sc\t_\n' "$(head -c 30000 /dev/zero | tr '\0' a)"
		printf 'd\t3\t1\t1\t3\tword\tWMO\t_\n'
	} > "$BATS_TEST_TMPDIR/in"
	cd "$F"
	run --separate-stderr tt-jargon -l regex-limit.tsv -o "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "$O_HEADER
d	3	regex-limit:wmo	x	WMO	_"
	[ "$stderr" = "tt-jargon: regex-limit.tsv:2: regex hit its match limit on 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' (no match there)" ]
}

@test "no word column: message, exit 2" {
	run --separate-stderr tt-jargon -l "$LEX" <<<$'#doc\tline\nx\t1'
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-jargon: <stdin>:1: no column 'word' (run tt-tokenise first)" ]
}

@test "a stream that already has a jargon column is refused" {
	run --separate-stderr tt-jargon -l "$LEX" <<<$'#word\tjargon\nx\t_'
	assert_failure 2
	[ "$stderr" = "tt-jargon: <stdin>:1: the stream already has a column 'jargon'" ]
}

# ---- the hostile set ---------------------------------------------------------

@test "hostile: CRLF and lone CR line ends" {
	stream samenspel x > "$BATS_TEST_TMPDIR/in"
	sed 's/$/\r/' "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/crlf"
	run --separate-stderr tt-jargon -l "$LEX" -o "$BATS_TEST_TMPDIR/crlf"
	assert_success
	assert_output "$O_HEADER
d.txt	1	lex:samenspel	relatie	samenspel	samenwerking"
	tr '\n' '\r' < "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/cr"
	run --separate-stderr tt-jargon -l "$LEX" -o "$BATS_TEST_TMPDIR/cr"
	assert_success
	assert_output "$O_HEADER
d.txt	1	lex:samenspel	relatie	samenspel	samenwerking"
}

@test "hostile: BOM and no final newline" {
	{ printf '\xef\xbb\xbf'; stream samenspel | head -c -1; } > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$LEX" "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "$STREAM_HEADER	jargon
d.txt	1	1	1	1	word	samenspel	_	lex:samenspel"
}

@test "hostile: invalid UTF-8 and NUL in words are replaced and warned about" {
	{ stream samenspel; printf 'd.txt\t2\t1\t2\t2\tword\tsamen\377spel\t_\nd.txt\t3\t1\t3\t3\tword\tz\0rg\t_\n'; } > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$LEX" -c "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output $'#doc\tmatches\ttokens\nd.txt\t1\t3'
	[ "$stderr" = "tt-jargon: $BATS_TEST_TMPDIR/in:3: NUL or invalid UTF-8 replaced by U+FFFD" ]
}

@test "hostile: a 10 MB token passes through" {
	{
		printf '%s\n' "$STREAM_HEADER"
		printf 'd\t1\t1\t1\t1\tword\t'
		head -c 10000000 /dev/zero | tr '\0' z
		printf 'org\t_\nd\t1\t1\t1\t2\tword\tsamenspel\t_\n'
	} > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$LEX" -c "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output $'#doc\tmatches\ttokens\nd\t2\t2'
	run --separate-stderr bash -o pipefail -c 'tt-jargon -l "$1" "$2" | wc -c' sh "$LEX" "$BATS_TEST_TMPDIR/in"
	assert_output "$(( $(wc -c < "$BATS_TEST_TMPDIR/in") + 10 + 4 + 16 ))"
}

@test "hostile: empty input gives no output, exit 0" {
	run --separate-stderr tt-jargon -l "$LEX" </dev/null
	assert_success
	assert_output ''
	[ -z "$stderr" ]
}

@test "hostile: binary input (gzip, PDF) is refused with exit 2" {
	stream samenspel | gzip -c > "$BATS_TEST_TMPDIR/in.gz"
	run --separate-stderr tt-jargon -l "$LEX" "$BATS_TEST_TMPDIR/in.gz"
	assert_failure 2
	[ -n "$stderr" ]
	printf '%%PDF-1.4\n%%\342\343\317\323\n' > "$BATS_TEST_TMPDIR/in.pdf"
	run --separate-stderr tt-jargon -l "$LEX" "$BATS_TEST_TMPDIR/in.pdf"
	assert_failure 2
	[ -n "$stderr" ]
}

@test "hostile: a nonexistent file among good ones: message, exit 2, others read" {
	stream samenspel > "$BATS_TEST_TMPDIR/a"
	stream wijkteam | tail -n +2 > "$BATS_TEST_TMPDIR/b.body"
	{ printf '%s\n' "$STREAM_HEADER"; cat "$BATS_TEST_TMPDIR/b.body"; } > "$BATS_TEST_TMPDIR/b"
	run --separate-stderr tt-jargon -l "$LEX" -o "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/nope" "$BATS_TEST_TMPDIR/b"
	assert_failure 2
	assert_output "$O_HEADER
d.txt	1	lex:samenspel	relatie	samenspel	samenwerking
d.txt	1	lex:wijkteam	actor-formeel	wijkteam	buurtteam"
	[ "$stderr" = "tt-jargon: $BATS_TEST_TMPDIR/nope: No such file or directory" ]
}

@test "hostile: a full disk is an error, exit 2" {
	stream samenspel > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr sh -c 'tt-jargon -l "$1" "$2" > /dev/full' sh "$LEX" "$BATS_TEST_TMPDIR/in"
	assert_failure 2
	[ "$stderr" = "tt-jargon: stdout: No space left on device" ]
}

@test "hostile: | head -1 ends it quietly" {
	{ printf '%s\n' "$STREAM_HEADER"; yes $'d\t1\t1\t1\t1\tword\tsamenspel\t_' | head -n 300000; } > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr sh -c 'tt-jargon -l "$1" "$2" | head -1' sh "$LEX" "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "$STREAM_HEADER	jargon"
	[ -z "$stderr" ]
}

@test "hostile: the same output under LC_ALL=C and nl_NL.UTF-8" {
	stream Continuïteit sociale wijkteams vrijwilligerscoördinator één gezin één plan > "$BATS_TEST_TMPDIR/in"
	LC_ALL=C tt-jargon -l "$LEX" "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/c"
	LC_ALL=nl_NL.UTF-8 tt-jargon -l "$LEX" "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/nl"
	run cmp "$BATS_TEST_TMPDIR/c" "$BATS_TEST_TMPDIR/nl"
	assert_success
	[ "$(grep -c 'lex:' "$BATS_TEST_TMPDIR/c")" -eq 8 ]
}

@test "long streams: marks are the same whatever the buffering" {
	# 20,000 tokens of mixed matches: the per-line output equals the -o count
	for i in $(seq 1 2000); do echo "eigen en gedeelde verantwoordelijkheid sociale wijkteams samenspel x |"; done |
	    tr ' ' '\n' > "$BATS_TEST_TMPDIR/words"
	stream $(cat "$BATS_TEST_TMPDIR/words") > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -o pipefail -c 'tt-jargon -l "$1" "$2" | cut -f9 | grep -c "^lex:"' sh "$LEX" "$BATS_TEST_TMPDIR/in"
	assert_output 6000
	run --separate-stderr bash -o pipefail -c 'tt-jargon -l "$1" -o "$2" | grep -vc "^#"' sh "$LEX" "$BATS_TEST_TMPDIR/in"
	assert_output 6000
}

@test "URLs and e-mail addresses are not matched; hashtags and words are" {
	run --separate-stderr tt-jargon -o <<EOF2
$STREAM_HEADER
m.txt	1	1	1	1	email	wijkteam.noord@lindenmeer.nl	_
m.txt	1	1	1	2	url	www.lindenmeer.nl/wijkteam	_
m.txt	1	1	1	3	tag	#wijkteam	_
m.txt	1	1	1	4	word	wijkteam	_
EOF2
	assert_success
	assert_output "$(printf '#doc\tline\tentry\tcategory\tmatch\talternative\nm.txt\t1\ttransitietaal:wijkteam\tactor-formeel\t#wijkteam\tteam van hulpverleners in de wijk\nm.txt\t1\ttransitietaal:wijkteam\tactor-formeel\twijkteam\tteam van hulpverleners in de wijk')"
}

@test "an escaped word is matched unescaped and written escaped once" {
	# the word field wijkteamleden\\x holds one backslash; a reader that
	# skipped unescaping would match and write two
	printf '#doc\tline\tword\nd\t1\twijkteamleden\\\\x\nd\t2\tsoms\\tnooit\n' \
	    > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -o "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "$O_HEADER"$'\nd\t1\ttransitietaal:wijkteam\tactor-formeel\twijkteamleden\\\\x\tteam van hulpverleners in de wijk'
}

@test "more distinct words than the word cache holds, and words too long to keep inline" {
	# 70,000 distinct words empty the cache (at most 32,768 words) twice;
	# every 1,000th token is a compound of over 40 bytes, kept outside
	# the cache's entries; the same word must match before and after
	{
		printf '#doc\tline\tword\n'
		awk 'BEGIN { for (i = 1; i <= 70000; i++)
			if (i % 1000 == 0) printf "d\t%d\twijkteammedewerkersondersteuningsprogrammacoordinatoren\n", i
			else if (i % 1000 == 500) printf "d\t%d\tmantelzorger\n", i
			else printf "d\t%d\tw%dx\n", i, i }'
	} > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -o "$BATS_TEST_TMPDIR/in"
	assert_success
	[ "${#lines[@]}" -eq $((1 + 70 + 70)) ]
	[ "$(printf '%s\n' "${lines[@]:1}" | cut -f3 | sort | uniq -c | awk '{ print $1, $2 }' | tr '\n' ' ')" = "70 transitietaal:mantelzorger 70 transitietaal:wijkteam " ]
	[ "${lines[140]}" = $'d\t70000\ttransitietaal:wijkteam\tactor-formeel\twijkteammedewerkersondersteuningsprogrammacoordinatoren\tteam van hulpverleners in de wijk' ]
}

@test "long words alike in their first 40 bytes are told apart" {
	printf '#id\tpattern\tcategory\nz\t*zorg\tx\n' > "$BATS_TEST_TMPDIR/lex.tsv"
	a=$(printf 'a%.0s' $(seq 44))
	printf '#doc\tline\tword\nd\t1\t%szorg\nd\t2\t%szorgen\nd\t3\t%szorg\nd\t4\t%szorgen\n' \
	    "$a" "$a" "$a" "$a" > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$BATS_TEST_TMPDIR/lex.tsv" -o "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "$O_HEADER
d	1	lex:z	x	${a}zorg	_
d	3	lex:z	x	${a}zorg	_"
}

# exc_lexicon: a lexicon with two exceptions (category "-") in the test's
# directory, in $EXC.
exc_lexicon() {
	EXC="$BATS_TEST_TMPDIR/exc.tsv"
	printf '%s\n' $'#id\tpattern\tcategory\talternative' \
	    $'partnerschap\tpartnerschap\trelatie\tsamenwerking' \
	    $'geregistreerd\tgeregistreerd partnerschap\t-' \
	    $'zorg\t*zorg\tzorg' \
	    $'buurtzorg\t=buurtzorg\t-' \
	    $'toegang-tot\ttoegang tot\t-' \
	    $'toegang-wijkteam\ttoegang tot het wijkteam\twerkwijze\tloket' > "$EXC"
}

@test "exceptions: a phrase of category - leaves its tokens unmarked" {
	exc_lexicon
	stream het geregistreerd partnerschap en partnerschap > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$EXC" "$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f9 | paste -sd' ')" = \
	    "jargon _ _ _ _ exc:partnerschap" ]
}

@test "exceptions: win a tie of equal span, lose to a longer match" {
	exc_lexicon
	stream buurtzorg mantelzorg '|' toegang tot het wijkteam '|' toegang tot werk \
	    > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$EXC" -o "$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 0 ]
	assert_output "$O_HEADER
d.txt	1	exc:zorg	zorg	mantelzorg	_
d.txt	2	exc:toegang-wijkteam	werkwijze	toegang tot het wijkteam	loket"
	run --separate-stderr tt-jargon -l "$EXC" -c "$BATS_TEST_TMPDIR/in"
	assert_output $'#doc\tmatches\ttokens\nd.txt\t2\t9'
}

@test "exceptions: only exception hits means no match, exit 1" {
	exc_lexicon
	stream geregistreerd partnerschap > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$EXC" -o "$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 1 ]
	assert_output "$O_HEADER"
}

@test "--exclude: by entry key, by id and by category; repeatable" {
	stream eigen kracht samenspel mantelzorger wijkteam > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$LEX" -x lex:eigen-kracht \
	    --exclude samenspel -x actor-informeel "$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f9 | paste -sd' ')" = \
	    "jargon _ _ _ _ lex:wijkteam" ]
}

@test "--exclude: an unknown entry or category is an error" {
	stream wijkteam > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$LEX" -x lex:geen-entry "$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "$stderr" = "tt-jargon: --exclude: no entry or category 'lex:geen-entry'" ]
}

@test "parts of a token: around a slash, after a hyphen or list dash, a bracketed prefix" {
	printf '%s\n' $'#id\tpattern\tcategory' $'aanbieder\tzorgaanbieder\tactor' \
	    $'indicatie\tindicatie\twerk' $'spec\thoogspecialistisch\twerk' \
	    $'spec2\t=specialistische\twerk' > "$BATS_TEST_TMPDIR/p.tsv"
	stream gemeenten/zorgaanbieders Wmo-indicatie -zorgaanbieder \
	    '(hoog)specialistische' jeugd- indicatie- ex-zorgaanbieder > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-jargon -l "$BATS_TEST_TMPDIR/p.tsv" "$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 0 ]
	# the bracketed prefix joined wins (earlier entry) over the head alone;
	# a hyphen at the end leaves no head
	[ "$(printf '%s\n' "$output" | cut -f9 | paste -sd' ')" = \
	    "jargon p:aanbieder p:indicatie p:aanbieder p:spec _ _ p:aanbieder" ]
}

# shipped SENTENCE: the entries and matched words of the shipped lexicon in
# one sentence, as "entry=words;..." in text order.
shipped() {
	run --separate-stderr bash -o pipefail -c 'printf "%s\n" "$1" | tt-tokenise | tt-stem |
	    { tt-jargon -o; [ $? -le 1 ]; } | tail -n +2 | cut -f3,5 | tr "\t\n" "=;"' _ "$1"
	[ "$status" -eq 0 ]
}

@test "shipped lexicon: ordinary and legal senses are exceptions, the jargon beside them still counts" {
	shipped "Het geregistreerd partnerschap telt, het partnerschap met aanbieders ook."
	[ "$output" = "transitietaal:partnerschap=partnerschap;transitietaal:aanbieder=aanbieders;" ]
	shipped "Zij zoekt toegang tot de arbeidsmarkt via de toegang van de gemeente."
	[ "$output" = "transitietaal:de-toegang=de toegang;" ]
	shipped "Het college verbindt aan de verlening verplichtingen; de verbinding in de wijk groeit."
	[ "$output" = "transitietaal:verbinding=verbinding;" ]
	shipped "De minister kan verplichtingen verbinden aan de subsidie."
	[ "$output" = "" ]
	shipped "De wet regie op de volkshuisvesting raakt de eigen regie niet."
	[ "$output" = "transitietaal:eigen-regie=eigen regie;" ]
	shipped "Zij wil in de nabijheid wonen, met zorg in de nabijheid."
	[ "$output" = "transitietaal:nabijheid=nabijheid;" ]
	shipped "We kijken naar wat wel kan en wat niet kan."
	[ "$output" = "" ]
	shipped "Buurtzorg levert wijkverpleging, de buurthulp helpt."
	[[ "$output" == "transitietaal:wijkverpleging=wijkverpleging;transitietaal:"*"=buurthulp;" ]]
	shipped "Een bouwkundige voorziening is geen maatwerkvoorziening."
	[ "$output" = "transitietaal:maatwerk=maatwerkvoorziening;" ]
}

@test "shipped lexicon: the frequent terms of real documents, by stem, glob and compound part" {
	shipped "De indicaties, beschikkingen en de regionale inkoop, de doorontwikkeling."
	[ "$output" = "transitietaal:indicatie=indicaties;transitietaal:beschikking=beschikkingen;transitietaal:inkoop=inkoop;transitietaal:doorontwikkeling=doorontwikkeling;" ]
	shipped "De verwijsindex, arbeidsinschakeling, kaderstellend, escalatie en triage."
	[ "$output" = "transitietaal:verwijsindex=verwijsindex;transitietaal:arbeidsinschakeling=arbeidsinschakeling;transitietaal:kaderstellend=kaderstellend;transitietaal:escalatie=escalatie;transitietaal:triage=triage;" ]
	shipped "Uitstroom, het zorglandschap, dagbesteding, de kostendelersnorm, de wachtlijst."
	[ "$output" = "transitietaal:instroom-uitstroom=Uitstroom;transitietaal:zorglandschap=zorglandschap;transitietaal:dagbesteding=dagbesteding;transitietaal:kostendelersnorm=kostendelersnorm;transitietaal:wachtlijst=wachtlijst;" ]
	shipped "Hoogspecialistische jeugdhulp, inclusiviteit; inwoners zijn samen redzaam."
	[ "$output" = "transitietaal:hoogspecialistisch=Hoogspecialistische;transitietaal:jeugdhulp=jeugdhulp;transitietaal:inclusiviteit=inclusiviteit;transitietaal:samen-redzaam=samen redzaam;" ]
	shipped "De Wmo-indicatie en zorgaanbieders/gemeenten; (hoog)specialistische hulp."
	[[ "$output" == "transitietaal:"*"=Wmo-indicatie;transitietaal:zorgaanbieder=zorgaanbieders/gemeenten;transitietaal:"*"=(hoog)specialistische"* ]]
}
