#!/usr/bin/env bats
# tt-lexicon: check (errors and warnings), list, explain, stats,
# import-liwc, usage, and the hostile set for lexicon files.

load helper

F="$FIX/tt-lexicon"
J="$FIX/tt-jargon"

@test "--help and --version exit 0; no or unknown command exits 2" {
	run --separate-stderr tt-lexicon --help
	assert_success
	assert_line --index 0 'usage: tt-lexicon check [LEXICON...]'
	run --separate-stderr tt-lexicon --version
	assert_success
	run --separate-stderr tt-lexicon
	assert_failure 2
	run --separate-stderr tt-lexicon frobnicate
	assert_failure 2
	[[ "$stderr" == "tt-lexicon: unknown command 'frobnicate'"* ]]
	run --separate-stderr tt-lexicon check --category x
	assert_failure 2
}

@test "check: a good lexicon, a summary on stdout and no warnings" {
	cd "$J"
	run --separate-stderr tt-lexicon check zorg.tsv
	assert_success
	assert_output '1 entry, 0 warnings'
	[ -z "$stderr" ]
}

@test "check: warnings for entries that can never match and for common words" {
	cd "$F"
	run --separate-stderr tt-lexicon check lint.tsv
	assert_success
	assert_output '12 entries, 6 warnings'
	[ "$stderr" = "tt-lexicon: lint.tsv:3: warning: 'lint:wijkteammedewerker' can never match: 'lint:wijkteam' (lint.tsv:2) always wins
tt-lexicon: lint.tsv:5: warning: 'lint:mantelzorg' can never match: 'lint:zorg' (lint.tsv:4) always wins
tt-lexicon: lint.tsv:7: warning: 'lint:samenspel-2' can never match: 'lint:samenspel' (lint.tsv:6) always wins
tt-lexicon: lint.tsv:13: warning: 'lint:wmo-consulent' can never match: 'lint:wmo' (lint.tsv:12) always wins
tt-lexicon: lint.tsv:8: warning: 'lint:zorgen' (zorg*) also matches the common word 'zorgen'
tt-lexicon: lint.tsv:10: warning: 'lint:eigen' (eigen) also matches the common word 'eigen'" ]
}

@test "check: a later, longer entry is not reported as shadowed" {
	printf '#id\tpattern\tcategory\na\teigen\tx\nb\teigen kracht\tx\nc\tkracht*\tx\nd\tkrachtig\tx\n' > "$BATS_TEST_TMPDIR/l.tsv"
	run --separate-stderr tt-lexicon check "$BATS_TEST_TMPDIR/l.tsv"
	assert_success
	assert_output '4 entries, 2 warnings'
	[ "$stderr" = "tt-lexicon: $BATS_TEST_TMPDIR/l.tsv:2: warning: 'l:a' (eigen) also matches the common word 'eigen'
tt-lexicon: $BATS_TEST_TMPDIR/l.tsv:4: warning: 'l:c' (kracht*) also matches the common word 'kracht'" ]
}

@test "check: every error as file:line: what, exit 2, nothing on stdout" {
	cd "$J"
	run --separate-stderr tt-lexicon check bad-many.tsv bad-regex.tsv
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-lexicon: bad-many.tsv:2: pattern: '*' may only begin or end a word: 'wijk*team'
tt-lexicon: bad-many.tsv:3: pattern: gap '~2' must stand between two words
tt-lexicon: bad-many.tsv:4: pattern: bad gap '~0' (use ~1 to ~99)
tt-lexicon: bad-many.tsv:5: pattern: gap '~2' must stand between two words
tt-lexicon: bad-many.tsv:6: pattern: regex '/jeugd' lacks its closing '/'
tt-lexicon: bad-many.tsv:7: category: missing
tt-lexicon: bad-many.tsv:8: id: missing
tt-lexicon: bad-many.tsv:9: id: contains a space
tt-lexicon: bad-many.tsv:10: 4 fields, the header names 3
tt-lexicon: bad-regex.tsv:4: pattern: missing closing parenthesis at offset 10" ]
}

@test "check: the same errors as tt-jargon for each bad fixture" {
	cd "$J"
	for f in bad-*.tsv; do
		a=$(tt-lexicon check "$f" 2>&1 >/dev/null | sed 's/^tt-lexicon: //')
		b=$(tt-jargon -l "$f" </dev/null 2>&1 | sed 's/^tt-jargon: //')
		[ -n "$a" ]
		[ "$a" = "$b" ]
	done
}

@test "check: the shipped lexicons pass" {
	for f in "$ROOT"/lexicons/*.tsv; do
		[ -f "$f" ] || skip "no shipped lexicons yet"
		run --separate-stderr tt-lexicon check "$f"
		assert_success
	done
}

@test "check: a too long or binary lexicon file gives errors, never a crash" {
	printf '#id\tpattern\tcategory\n' > "$BATS_TEST_TMPDIR/x.tsv"
	head -c 3000 /dev/urandom | base64 -w0 | tr '/+' 'xy' | sed 's/^/a\t/; s/$/\tx\n/' >> "$BATS_TEST_TMPDIR/x.tsv"
	head -c 20000 /dev/zero >> "$BATS_TEST_TMPDIR/x.tsv"
	run --separate-stderr tt-lexicon check "$BATS_TEST_TMPDIR/x.tsv"
	assert_failure 2
	[ "$stderr" = "tt-lexicon: $BATS_TEST_TMPDIR/x.tsv:3: invalid UTF-8" ]
	gzip -c "$F/lint.tsv" > "$BATS_TEST_TMPDIR/l.tsv"
	run --separate-stderr tt-lexicon check "$BATS_TEST_TMPDIR/l.tsv"
	assert_failure 2
}

@test "list: entries grouped by category, sorted by category name" {
	cd "$J"
	run --separate-stderr tt-lexicon list zorg.tsv lex.tsv
	assert_success
	assert_line --index 0 $'#category\tentry\tpattern\talternative\tweight\tnote'
	assert_line --index 1 $'actor-formeel\tlex:wijkteam\twijkteam*\tbuurtteam\t1\t_'
	assert_line --index 2 $'actor-formeel\tlex:sociaal-wijkteam\tsociaal wijkteam\tbuurtteam\t1\t_'
	# a header, 1 + 19 entries
	[ "$(echo "$output" | wc -l)" -eq 21 ]
}

@test "list --category: one category; an unknown one exits 1" {
	cd "$J"
	run --separate-stderr tt-lexicon list --category burgerkracht lex.tsv
	assert_success
	assert_output "#category	entry	pattern	alternative	weight	note
burgerkracht	lex:eigen-kracht	eigen kracht	wat u zelf kunt	2	_
burgerkracht	lex:eigen-verantw	eigen ~3 verantwoordelijkheid	_	1	_
burgerkracht	lex:gedeeld-verantw	eigen gedeelde verantwoordelijkheid	_	1	_"
	run --separate-stderr tt-lexicon list -C geen lex.tsv
	assert_failure 1
	[ "$stderr" = "tt-lexicon: no entries in category 'geen'" ]
}

@test "explain: every entry that matches, why, and which one tt-jargon marks" {
	cd "$F"
	run --separate-stderr tt-lexicon explain -l lint.tsv 'eigen kracht, en wmo-consulent'
	assert_success
	assert_output "lint:kracht (burgerkracht): 'eigen kracht' at word 1-2
	pattern: eigen kracht (lint.tsv:9)
	eigen: stem 'eig'
	kracht: stem 'kracht'
	alternative: wat u zelf kunt
	tt-jargon marks this match
lint:eigen (burgerkracht): 'eigen' at word 1
	pattern: eigen (lint.tsv:10)
	eigen: stem 'eig'
	not marked: overlaps a match of lint:kracht ('eigen' at word 1)
lint:wmo (actor-formeel): 'wmo-consulent' at word 5
	pattern: /wmo(-?consulent)?/ (lint.tsv:12)
	wmo-consulent: regex /wmo(-?consulent)?/
	tt-jargon marks this match
lint:wmo-consulent (actor-formeel): 'wmo-consulent' at word 5
	pattern: =wmo-consulent (lint.tsv:13)
	wmo-consulent: exact form 'wmo-consulent'
	not marked: overlaps a match of lint:wmo ('wmo-consulent' at word 5)"
	[ -z "$stderr" ]
}

@test "explain: globs, gaps and accents" {
	cd "$J"
	run --separate-stderr tt-lexicon explain -l lex.tsv Vrijwilligerscoördinatoren eigen en gedeelde verantwoordelijkheid
	assert_success
	assert_output "lex:vrijwilliger (actor-informeel): 'Vrijwilligerscoördinatoren' at word 1
	pattern: vrijwillig* (lex.tsv:13)
	Vrijwilligerscoördinatoren: prefix glob 'vrijwillig*'
	tt-jargon marks this match
lex:eigen-verantw (burgerkracht): 'eigen en gedeelde verantwoordelijkheid' at word 2-5
	pattern: eigen ~3 verantwoordelijkheid (lex.tsv:6)
	eigen: stem 'eig'
	en: in the gap
	gedeelde: in the gap
	verantwoordelijkheid: stem 'verantwoord'
	tt-jargon marks this match"
}

@test "explain: no entry matches, exit 1" {
	cd "$J"
	run --separate-stderr tt-lexicon explain -l lex.tsv spel zorgvuldig
	assert_failure 1
	assert_output "no entry matches 'spel zorgvuldig'"
}

@test "explain: without TEXT is bad usage" {
	run --separate-stderr tt-lexicon explain -l "$J/lex.tsv"
	assert_failure 2
}

@test "stats: counts per lexicon" {
	cd "$J"
	run --separate-stderr tt-lexicon stats zorg.tsv lex.tsv
	assert_success
	assert_output "#lexicon	measure	value
zorg	entries	1
zorg	phrases	0
zorg	with-gap	0
zorg	with-alternative	1
zorg	with-note	0
zorg	words:stem	0
zorg	words:form	0
zorg	words:prefix	0
zorg	words:suffix	1
zorg	words:infix	0
zorg	words:regex	0
zorg	category:zorg	1
lex	entries	19
lex	phrases	6
lex	with-gap	1
lex	with-alternative	7
lex	with-note	1
lex	words:stem	21
lex	words:form	2
lex	words:prefix	3
lex	words:suffix	1
lex	words:infix	1
lex	words:regex	1
lex	category:zorg	1
lex	category:relatie	1
lex	category:burgerkracht	3
lex	category:actor-formeel	3
lex	category:actor-informeel	3
lex	category:overig	1
lex	category:beleid-transitie	3
lex	category:beleid	2
lex	category:werkwijze	2"
}

@test "import-liwc: categories by name, prefix wildcards, one entry per word" {
	cd "$F"
	run --separate-stderr tt-lexicon import-liwc sample.dic
	assert_success
	# mantelzorg* 2 3 is one entry of both categories; De repeats de
	assert_output "#id	pattern	category	note
de	=de	funct	from LIWC dictionary sample.dic
mantelzorg	mantelzorg*	sociaal|zorg	from LIWC dictionary sample.dic
buurman	=buurman	sociaal	from LIWC dictionary sample.dic
zorg	zorg*	zorg	from LIWC dictionary sample.dic
kind-of	=kind =of	sociaal	from LIWC dictionary sample.dic"
	[ "$stderr" = "tt-lexicon: sample.dic:10: warning: 'De' repeats line 6: categories merged" ]
}

@test "import-liwc: the result passes check and works in tt-jargon" {
	tt-lexicon import-liwc "$F/sample.dic" > "$BATS_TEST_TMPDIR/liwc.tsv"
	run --separate-stderr tt-lexicon check "$BATS_TEST_TMPDIR/liwc.tsv"
	assert_success
	run --separate-stderr tt-jargon -l "$BATS_TEST_TMPDIR/liwc.tsv" -o <<<"$STREAM_HEADER
d	1	1	1	1	word	mantelzorgers	_
d	1	1	1	2	word	zorgt	_"
	assert_success
	assert_output "#doc	line	entry	category	match	alternative
d	1	liwc:mantelzorg	sociaal|zorg	mantelzorgers	_
d	1	liwc:zorg	zorg	zorgt	_"
}

@test "import-liwc: a word of several categories is one entry of all, in the order of the category list" {
	cd "$F"
	run --separate-stderr tt-lexicon import-liwc multi.dic
	assert_failure 2
	# mantelzorg* 3 1 and again 3; oma 1 2 and Oma 3; buurvrouw* gets
	# the next free id
	assert_output "#id	pattern	category	note
buurman	=buurman	sociaal|familie	from LIWC dictionary multi.dic
mantelzorg	mantelzorg*	sociaal|zorg	from LIWC dictionary multi.dic
oma	=oma	sociaal|familie|zorg	from LIWC dictionary multi.dic
buurvrouw	=buurvrouw	sociaal	from LIWC dictionary multi.dic
buurvrouw-2	buurvrouw*	zorg	from LIWC dictionary multi.dic"
}

@test "import-liwc: lines it cannot represent are reported and skipped, the rest imported, exit 2" {
	cd "$F"
	run --separate-stderr tt-lexicon import-liwc multi.dic
	assert_failure 2
	[ "${#lines[@]}" -eq 6 ]
	[ "$stderr" = "tt-lexicon: multi.dic:8: '(kan) niet': LIWC conditional syntax is not supported
tt-lexicon: multi.dic:11: warning: 'mantelzorg*' repeats line 7: categories merged
tt-lexicon: multi.dic:12: warning: 'Oma' repeats line 9: categories merged
tt-lexicon: multi.dic:13: category 9 is not defined
tt-lexicon: multi.dic:15: unsupported LIWC word 'steun*ing' ('*' only at the end of a word)
tt-lexicon: multi.dic:16: 'kameraad' has no category numbers" ]
	# the same from stdin
	run --separate-stderr tt-lexicon import-liwc - < multi.dic
	assert_failure 2
	[ "${#lines[@]}" -eq 6 ]
	[[ "$stderr" == "tt-lexicon: <stdin>:8: '(kan) niet': LIWC conditional syntax is not supported"* ]]
}

@test "import-liwc: a repeated word only is merged with a warning, exit 0" {
	printf '%s\n' % $'1\tsociaal' $'2\tzorg' % $'buurman\t1' $'Buurman\t2' $'buurman\t1' > "$BATS_TEST_TMPDIR/r.dic"
	run --separate-stderr tt-lexicon import-liwc "$BATS_TEST_TMPDIR/r.dic"
	assert_success
	assert_output "#id	pattern	category	note
buurman	=buurman	sociaal|zorg	from LIWC dictionary r.dic"
	[ "$stderr" = "tt-lexicon: $BATS_TEST_TMPDIR/r.dic:6: warning: 'Buurman' repeats line 5: categories merged
tt-lexicon: $BATS_TEST_TMPDIR/r.dic:7: warning: 'buurman' repeats line 5: categories merged" ]
}

@test "import-liwc: the imported file passes check with 0 warnings, and tt-score counts a word in each category" {
	tt-lexicon import-liwc "$F/multi.dic" > "$BATS_TEST_TMPDIR/liwc.tsv" 2>/dev/null || [ $? -eq 2 ]
	run --separate-stderr tt-lexicon check "$BATS_TEST_TMPDIR/liwc.tsv"
	assert_success
	assert_output '5 entries, 0 warnings'
	[ -z "$stderr" ]
	printf 'De buurman en oma helpen de mantelzorgers.\n' | tt-tokenise --doc d > "$BATS_TEST_TMPDIR/s"
	run --separate-stderr tt-score -l "$BATS_TEST_TMPDIR/liwc.tsv" "$BATS_TEST_TMPDIR/s"
	assert_success
	# sociaal: buurman, oma, mantelzorgers; familie: buurman, oma;
	# zorg: oma, mantelzorgers
	assert_output "#doc	tokens	sociaal	familie	zorg	sociaal/1000	familie/1000	zorg/1000
d	7	3	2	2	428.57	285.71	285.71"
}

@test "import-liwc: a category name with | or the name - cannot be imported" {
	printf '%s\n' % $'1\tsociaal|zorg' % $'buurman\t1' > "$BATS_TEST_TMPDIR/b.dic"
	run --separate-stderr tt-lexicon import-liwc "$BATS_TEST_TMPDIR/b.dic"
	assert_failure 2
	[ "$stderr" = "tt-lexicon: $BATS_TEST_TMPDIR/b.dic:2: category name 'sociaal|zorg' cannot be used ('|' separates categories, '-' marks exceptions)" ]
}

@test "import-liwc: bad files are reported with file:line, exit 2" {
	cd "$F"
	run --separate-stderr tt-lexicon import-liwc bad-nopercent.dic
	assert_failure 2
	[ "$stderr" = "tt-lexicon: bad-nopercent.dic:1: expected the '%' line that starts the category list" ]
	run --separate-stderr tt-lexicon import-liwc bad-category.dic
	assert_failure 2
	[ "$stderr" = "tt-lexicon: bad-category.dic:4: category 7 is not defined" ]
	run --separate-stderr tt-lexicon import-liwc bad-latin1.dic
	assert_failure 2
	[ "$stderr" = "tt-lexicon: bad-latin1.dic:4: invalid UTF-8 (convert the file first, e.g. iconv -f latin1 -t utf-8)" ]
	run --separate-stderr tt-lexicon import-liwc nope.dic
	assert_failure 2
	[ "$stderr" = "tt-lexicon: nope.dic: No such file or directory" ]
}

@test "hostile: a full disk is an error, exit 2" {
	run --separate-stderr sh -c 'tt-lexicon list "$1" > /dev/full' sh "$J/lex.tsv"
	assert_failure 2
	[ "$stderr" = "tt-lexicon: stdout: No space left on device" ]
}

@test "hostile: | head -1 ends it quietly" {
	run --separate-stderr sh -c 'tt-lexicon list "$1" | head -1' sh "$J/lex.tsv"
	assert_success
	assert_output $'#category\tentry\tpattern\talternative\tweight\tnote'
	[ -z "$stderr" ]
}

@test "hostile: the same output under LC_ALL=C and nl_NL.UTF-8" {
	a=$(LC_ALL=C tt-lexicon explain -l "$J/lex.tsv" Continuïteit één gezin één plan)
	b=$(LC_ALL=nl_NL.UTF-8 tt-lexicon explain -l "$J/lex.tsv" Continuïteit één gezin één plan)
	[ "$a" = "$b" ]
	a=$(LC_ALL=C tt-lexicon list "$F/lint.tsv")
	b=$(LC_ALL=nl_NL.UTF-8 tt-lexicon list "$F/lint.tsv")
	[ "$a" = "$b" ]
	[[ "$a" == *$'\t0.5\t'* ]]
}

@test "explain: an exception says that it leaves the words unmarked" {
	printf '%s\n' $'#id\tpattern\tcategory' $'partner\tpartnerschap\trelatie' \
	    $'geregistreerd\tgeregistreerd partnerschap\t-' > "$BATS_TEST_TMPDIR/x.tsv"
	run --separate-stderr tt-lexicon explain -l "$BATS_TEST_TMPDIR/x.tsv" geregistreerd partnerschap
	assert_success
	assert_line --index 4 $'\tan exception: tt-jargon leaves these words unmarked'
	assert_line --index 8 $'\tnot marked: overlaps a match of x:geregistreerd (\'geregistreerd\' at word 1)'
}

@test "check: an exception after a wider entry can still win (no warning)" {
	printf '%s\n' $'#id\tpattern\tcategory' $'zorg\t*zorg\tzorg' \
	    $'buurtzorg\t=buurtzorg\t-' > "$BATS_TEST_TMPDIR/x.tsv"
	run --separate-stderr tt-lexicon check "$BATS_TEST_TMPDIR/x.tsv"
	assert_success
	assert_output "2 entries, 0 warnings"
	[ -z "$stderr" ]
}

@test "category a|b: list under each category, stats in each, explain as written" {
	printf '%s\n' $'#id\tpattern\tcategory' $'buurman\tbuurman\tsociaal | familie' \
	    $'oma\toma\tfamilie' > "$BATS_TEST_TMPDIR/x.tsv"
	run --separate-stderr tt-lexicon check "$BATS_TEST_TMPDIR/x.tsv"
	assert_success
	assert_output '2 entries, 0 warnings'
	run --separate-stderr tt-lexicon list "$BATS_TEST_TMPDIR/x.tsv"
	assert_success
	assert_output "#category	entry	pattern	alternative	weight	note
familie	x:buurman	buurman	_	1	_
familie	x:oma	oma	_	1	_
sociaal	x:buurman	buurman	_	1	_"
	run --separate-stderr tt-lexicon list -C sociaal "$BATS_TEST_TMPDIR/x.tsv"
	assert_success
	assert_output $'#category\tentry\tpattern\talternative\tweight\tnote\nsociaal\tx:buurman\tbuurman\t_\t1\t_'
	run --separate-stderr tt-lexicon stats "$BATS_TEST_TMPDIR/x.tsv"
	assert_success
	assert_line --index 1 $'x\tentries\t2'
	assert_line --index 12 $'x\tcategory:sociaal\t1'
	assert_line --index 13 $'x\tcategory:familie\t2'
	[ "${#lines[@]}" -eq 14 ]
	run --separate-stderr tt-lexicon explain -l "$BATS_TEST_TMPDIR/x.tsv" buurman
	assert_success
	assert_line --index 0 "x:buurman (sociaal|familie): 'buurman' at word 1"
}

@test "category a|b: tt-jargon writes the field as written; -x and tt-kwic -C take one of its names" {
	printf '%s\n' $'#id\tpattern\tcategory' $'buurman\tbuurman\tsociaal|familie' \
	    $'oma\toma\tfamilie' > "$BATS_TEST_TMPDIR/x.tsv"
	printf 'De buurman en oma.\n' | tt-tokenise --doc d > "$BATS_TEST_TMPDIR/s"
	run --separate-stderr tt-jargon -l "$BATS_TEST_TMPDIR/x.tsv" -o "$BATS_TEST_TMPDIR/s"
	assert_success
	assert_output "#doc	line	entry	category	match	alternative
d	1	x:buurman	sociaal|familie	buurman	_
d	1	x:oma	familie	oma	_"
	run --separate-stderr tt-jargon -l "$BATS_TEST_TMPDIR/x.tsv" -x sociaal -o "$BATS_TEST_TMPDIR/s"
	assert_success
	assert_output $'#doc\tline\tentry\tcategory\tmatch\talternative\nd\t1\tx:oma\tfamilie\toma\t_'
	tt-jargon -l "$BATS_TEST_TMPDIR/x.tsv" "$BATS_TEST_TMPDIR/s" > "$BATS_TEST_TMPDIR/j"
	run --separate-stderr tt-kwic -l "$BATS_TEST_TMPDIR/x.tsv" -C sociaal "$BATS_TEST_TMPDIR/j"
	assert_success
	assert_output 'd:1                                             De buurman en oma.'
	run --separate-stderr tt-kwic -l "$BATS_TEST_TMPDIR/x.tsv" -C familie "$BATS_TEST_TMPDIR/j"
	assert_success
	assert_output 'd:1                                             De buurman en oma.
d:1                                  De buurman en oma.'
}

@test "category a|b: an empty or repeated name and - with others are errors" {
	printf '%s\n' $'#id\tpattern\tcategory' $'a\tx\ta||b' $'b\ty\t-|a' \
	    $'c\tz\ta | a' $'d\tw\tb|' > "$BATS_TEST_TMPDIR/x.tsv"
	run --separate-stderr tt-lexicon check "$BATS_TEST_TMPDIR/x.tsv"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-lexicon: $BATS_TEST_TMPDIR/x.tsv:2: category: empty name in 'a||b'
tt-lexicon: $BATS_TEST_TMPDIR/x.tsv:3: category: the exception '-' cannot have other categories: '-|a'
tt-lexicon: $BATS_TEST_TMPDIR/x.tsv:4: category: a name given twice in 'a | a'
tt-lexicon: $BATS_TEST_TMPDIR/x.tsv:5: category: empty name in 'b|'" ]
}
