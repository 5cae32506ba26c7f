#!/usr/bin/env bats
# tt-score: counts, rates and balances per unit against hand computations,
# independent lexicons, other poles, --explain, counts and merging, errors
# and the hostile set.

load helper

S="$FIX/tt-score"
L="$S/lex.tsv"
CATS=$'bestuurlijk/formeel\tbestuurlijk/informeel\tregister/formeel\tregister/informeel\tthema'
RATES=$'bestuurlijk/formeel/1000\tbestuurlijk/informeel/1000\tregister/formeel/1000\tregister/informeel/1000\tthema/1000'

# The fixture (no stem column: tt-score stems itself), matches by hand:
#   a.txt par 1: "Het wijkteam en de gemeente helpen ." (Jan)
#                wijkteam bf 2, gemeente bf 1
#                "Je doet het gewoon zelf ." (Jan)      je ri 0.5, gewoon ri 1
#         par 2: "De mantelzorger dient te melden , derhalve geen zorg ." (Els)
#                mantelzorger bi 1, dient te rf 1, derhalve rf 2, zorg thema 1
#   b.txt par 1: "Vrijwilligers en je buurman ." (no speaker)
#                vrijwilliger* bi 1, je ri 0.5
# Tokens are words: a.txt 6 + 5 + 8 = 19, b.txt 4.

@test "by doc: counts, rates per 1000 tokens, weighted balances" {
	run --separate-stderr tt-score -l "$L" "$S/stream.tsv"
	assert_success
	# a: bestuurlijk (3-1)/(3+1) = .5; register (3-1.5)/(3+1.5) = .333
	#    rates 2/19*1000 = 105.26, 1/19*1000 = 52.63
	assert_output "#doc	tokens	$CATS	$RATES	bestuurlijk	register
a.txt	19	2	1	2	2	1	105.26	52.63	105.26	105.26	52.63	0.5	0.333
b.txt	4	0	1	0	1	0	0	250	0	250	0	-1	-1"
	[ -z "$stderr" ]
}

@test "by par and by sent; a unit without markers of a dimension gets _" {
	run --separate-stderr tt-score -l "$L" --by par "$S/stream.tsv"
	assert_success
	assert_output "#doc	par	tokens	$CATS	$RATES	bestuurlijk	register
a.txt	1	11	2	0	0	2	0	181.82	0	0	181.82	0	1	-1
a.txt	2	8	0	1	2	0	1	0	125	250	0	125	-1	1
b.txt	1	4	0	1	0	1	0	0	250	0	250	0	-1	-1"
	run --separate-stderr tt-score -l "$L" --by sent "$S/stream.tsv"
	assert_success
	assert_line --index 1 $'a.txt\t1\t6\t2\t0\t0\t0\t0\t333.33\t0\t0\t0\t0\t1\t_'
	assert_line --index 2 $'a.txt\t2\t5\t0\t0\t0\t2\t0\t0\t0\t0\t400\t0\t_\t-1'
	[ "${#lines[@]}" -eq 5 ]
}

@test "by speaker: per document, speakers in order of first appearance" {
	run --separate-stderr tt-score -l "$L" --by speaker "$S/stream.tsv"
	assert_success
	assert_output "#doc	speaker	tokens	$CATS	$RATES	bestuurlijk	register
a.txt	Jan	11	2	0	0	2	0	181.82	0	0	181.82	0	1	-1
a.txt	Els	8	0	1	2	0	1	0	125	250	0	125	-1	1
b.txt	_	4	0	1	0	1	0	0	250	0	250	0	-1	-1"
}

@test "by window=N: runs of N word tokens, punctuation with the word before" {
	run --separate-stderr tt-score -l "$L" --by window=8 "$S/stream.tsv"
	assert_success
	# a: words 1-8 = Het..doet (wijkteam, gemeente, Je),
	#    9-16 = het..melden (gewoon, mantelzorger, dient te),
	#    17-19 = derhalve geen zorg . (derhalve, zorg)
	assert_output "#doc	window	tokens	$CATS	$RATES	bestuurlijk	register
a.txt	1	8	2	0	0	1	0	250	0	0	125	0	1	-1
a.txt	2	8	0	1	1	1	0	0	125	125	125	0	-1	0
a.txt	3	3	0	0	1	0	1	0	0	333.33	0	333.33	_	1
b.txt	1	4	0	1	0	1	0	0	250	0	250	0	-1	-1"
}

@test "window of 0, negative or not a number is a usage error" {
	for w in 0 -2 x ''; do
		run --separate-stderr tt-score -l "$L" --by "window=$w" "$S/stream.tsv"
		assert_failure 2
		assert_output ''
		[ "$stderr" = "tt-score: --by window=$w: the window must be a whole number of tokens from 1 to 100000000" ]
	done
	run --separate-stderr tt-score -l "$L" --by line "$S/stream.tsv"
	assert_failure 2
	[ "$stderr" = "tt-score: --by line: expected doc, par, sent, speaker or window=N" ]
}

@test "lexicons match independently; --poles scores other dimensions" {
	# lex2: *wijkteam wereld/systeem, zelf and buurman wereld/leef;
	# wijkteam counts in both lexicons
	run --separate-stderr tt-score -l "$L" -l "$S/lex2.tsv" -P systeem,leef -P formeel,informeel "$S/stream.tsv"
	assert_success
	assert_output "#doc	tokens	$CATS	wereld/systeem	wereld/leef	$RATES	wereld/systeem/1000	wereld/leef/1000	bestuurlijk	register	wereld
a.txt	19	2	1	2	2	1	1	1	105.26	52.63	105.26	105.26	52.63	52.63	52.63	0.5	0.333	0
b.txt	4	0	1	0	1	0	0	1	0	250	0	250	0	0	250	-1	-1	-1"
	# with only the new poles, formeel/informeel categories are just counted
	run --separate-stderr tt-score -l "$L" -l "$S/lex2.tsv" --poles systeem,leef "$S/stream.tsv"
	assert_success
	assert_line --index 0 "#doc	tokens	$CATS	wereld/systeem	wereld/leef	$RATES	wereld/systeem/1000	wereld/leef/1000	wereld"
	run --separate-stderr tt-score -P a,b,c "$S/stream.tsv"
	assert_failure 2
	[ "$stderr" = "tt-score: --poles a,b,c: expected two pole names separated by a comma" ]
}

@test "--explain lists every marker with its unit, category, entry, weight, text and place" {
	run --separate-stderr tt-score -l "$L" --explain --by par "$S/stream.tsv"
	assert_success
	assert_output "#doc	par	category	entry	weight	match	where
a.txt	1	bestuurlijk/formeel	lex:wijkteam	2	wijkteam	a.txt:1
a.txt	1	bestuurlijk/formeel	lex:gemeente	1	gemeente	a.txt:1
a.txt	1	register/informeel	lex:je	0.5	Je	a.txt:2
a.txt	1	register/informeel	lex:gewoon	1	gewoon	a.txt:2
a.txt	2	bestuurlijk/informeel	lex:mantelzorger	1	mantelzorger	a.txt:4
a.txt	2	register/formeel	lex:dient-te	1	dient te	a.txt:4
a.txt	2	register/formeel	lex:derhalve	2	derhalve	a.txt:4
a.txt	2	thema	lex:zorg	1	zorg	a.txt:4
b.txt	1	bestuurlijk/informeel	lex:vrijwilliger	1	Vrijwilligers	b.txt:1
b.txt	1	register/informeel	lex:je	0.5	je	b.txt:1"
}

@test "a stem column is used when present, and gives the same result" {
	run --separate-stderr bash -c 'tt-stem "$1" | tt-score -l "$2" --by par' _ "$S/stream.tsv" "$L"
	assert_success
	[ "$output" = "$(tt-score -l "$L" --by par "$S/stream.tsv")" ]
}

@test "--counts of parts merged equal one run, for every unit" {
	for by in doc par sent speaker window=3; do
		tt-score -l "$L" -l "$S/lex2.tsv" -P systeem,leef -P formeel,informeel --by "$by" -c "$S/stream-a.tsv" > "$BATS_TEST_TMPDIR/a"
		tt-score -l "$L" -l "$S/lex2.tsv" -P systeem,leef -P formeel,informeel --by "$by" -c "$S/stream-b.tsv" > "$BATS_TEST_TMPDIR/b"
		run --separate-stderr tt-score -M "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
		assert_success
		[ "$output" = "$(tt-score -l "$L" -l "$S/lex2.tsv" -P systeem,leef -P formeel,informeel --by "$by" "$S/stream.tsv")" ]
		run --separate-stderr tt-score -M -c "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
		[ "$output" = "$(tt-score -l "$L" -l "$S/lex2.tsv" -P systeem,leef -P formeel,informeel --by "$by" -c "$S/stream.tsv")" ]
	done
}

@test "--counts: weighted sums are exact; the same keys in two files add up" {
	run --separate-stderr tt-score -l "$L" -c "$S/stream.tsv"
	assert_success
	assert_output "#tt-score-counts	v1	by=doc	poles=formeel,informeel
#doc	tokens	n:bestuurlijk/formeel	n:bestuurlijk/informeel	n:register/formeel	n:register/informeel	n:thema	w:bestuurlijk/formeel	w:bestuurlijk/informeel	w:register/formeel	w:register/informeel	w:thema
a.txt	19	2	1	2	2	1	3	1	3	1.5	1
b.txt	4	0	1	0	1	0	0	1	0	0.5	0"
	tt-score -l "$L" -c "$S/stream-b.tsv" > "$BATS_TEST_TMPDIR/b"
	run --separate-stderr tt-score -M -c "$BATS_TEST_TMPDIR/b" "$BATS_TEST_TMPDIR/b"
	assert_line --index 2 $'b.txt\t8\t0\t2\t0\t2\t0\t0\t2\t0\t1\t0'
}

@test "--merge: wrong kind, other categories, non-numbers: file:line, exit 2" {
	tt-score -l "$L" -c "$S/stream-a.tsv" > "$BATS_TEST_TMPDIR/a"
	tt-score -l "$S/lex2.tsv" -c "$S/stream-b.tsv" > "$BATS_TEST_TMPDIR/b"
	tt-cooc -f word -c "$S/stream-b.tsv" > "$BATS_TEST_TMPDIR/cooc"
	run --separate-stderr tt-score -M "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b" "$BATS_TEST_TMPDIR/cooc"
	assert_failure 2
	[ "$stderr" = "tt-score: $BATS_TEST_TMPDIR/b:2: counts of other units, poles or categories than $BATS_TEST_TMPDIR/a
tt-score: $BATS_TEST_TMPDIR/cooc:1: not a tt-score counts file (made with tt-score --counts)" ]
	[ "$output" = "$(tt-score -l "$L" "$S/stream-a.tsv")" ]
	run --separate-stderr tt-score -M <<<$'#tt-score-counts\tv1\tby=doc\tpoles=formeel,informeel\n#doc\ttokens\tn:x/formeel\tw:x/formeel\na\t1x\t1\t1\nb\t2\t1\t0.5.\nc\t3\t1\nd\t4\t1\t-0.25'
	assert_failure 2
	assert_output $'#doc\ttokens\tx/formeel\tx/formeel/1000\tx\nd\t4\t1\t250\t_'
	[ "$stderr" = "tt-score: <stdin>:3: not a count: '1x'
tt-score: <stdin>:4: not a weight sum: '0.5.'
tt-score: <stdin>:5: 3 fields where the header has 4" ]
}

@test "missing column: file:1 message, exit 2, nothing written" {
	run --separate-stderr tt-score -l "$L" <<<$'#doc\tline\nd\t1'
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-score: <stdin>:1: no column 'word' (run tt-tokenise first)" ]
	run --separate-stderr tt-score -l "$L" --by speaker <<<$'#doc\tword\nd\tx'
	assert_failure 2
	[ "$stderr" = "tt-score: <stdin>:1: no column 'speaker'" ]
}

@test "a bad lexicon: its message, exit 2, nothing written" {
	printf '#id\tpattern\tcategory\nx\t/(/\tc\n' > "$BATS_TEST_TMPDIR/bad.tsv"
	run --separate-stderr tt-score -l "$BATS_TEST_TMPDIR/bad.tsv" "$S/stream.tsv"
	assert_failure 2
	assert_output ''
	[[ "$stderr" == "tt-score: $BATS_TEST_TMPDIR/bad.tsv:2: "* ]]
}

@test "the default lexicon is formeel-informeel.tsv" {
	run --separate-stderr tt-score "$S/stream.tsv"
	assert_success
	assert_line --index 0 --regexp $'^#doc\ttokens\t.*\tbestuurlijk/formeel\t.*\tbestuurlijk.*\tregister'
	[ "${#lines[@]}" -eq 3 ]
}

@test "empty input and a header-only stream give the header only" {
	run --separate-stderr tt-score -l "$L" </dev/null
	assert_success
	assert_output "#doc	tokens	$CATS	$RATES	bestuurlijk	register"
	run --separate-stderr tt-score -l "$L" <<<"$STREAM_HEADER"
	assert_success
	assert_output "#doc	tokens	$CATS	$RATES	bestuurlijk	register"
}

@test "CRLF, lone CR, BOM and no final newline read like LF" {
	{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$S/stream.tsv" | head -c -1; } > "$BATS_TEST_TMPDIR/crlf"
	tr '\n' '\r' < "$S/stream.tsv" > "$BATS_TEST_TMPDIR/cr"
	want=$(tt-score -l "$L" "$S/stream.tsv")
	run --separate-stderr tt-score -l "$L" "$BATS_TEST_TMPDIR/crlf"
	assert_success
	assert_output "$want"
	run --separate-stderr tt-score -l "$L" "$BATS_TEST_TMPDIR/cr"
	assert_success
	assert_output "$want"
}

@test "invalid UTF-8 and NUL: U+FFFD with one warning, still scored" {
	printf '#doc\tword\nd\tgewo\xffon\nd\tge\0woon\nd\tgewoon\n' > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-score -l "$L" "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_line --index 1 $'d\t3\t0\t0\t0\t1\t0\t0\t0\t0\t333.33\t0\t_\t-1'
	[ "$stderr" = "tt-score: $BATS_TEST_TMPDIR/in:2: NUL or invalid UTF-8 replaced by U+FFFD" ]
}

@test "a 10 MB token is counted like any other" {
	{ printf '#doc\tword\nd\t'; head -c 10000000 /dev/zero | tr '\0' a; printf '\nd\tgewoon\n'; } > "$BATS_TEST_TMPDIR/big"
	run --separate-stderr tt-score -l "$L" "$BATS_TEST_TMPDIR/big"
	assert_success
	assert_line --index 1 $'d\t2\t0\t0\t0\t1\t0\t0\t0\t0\t500\t0\t_\t-1'
}

@test "binary input refused; a nonexistent file among good ones" {
	printf '%%PDF-1.4\n%%\xe2\xe3\n1 0 obj\n' > "$BATS_TEST_TMPDIR/x.pdf"
	run --separate-stderr tt-score -l "$L" "$BATS_TEST_TMPDIR/x.pdf"
	assert_failure 2
	[[ "$stderr" == "tt-score: $BATS_TEST_TMPDIR/x.pdf:1: "* ]]
	run --separate-stderr tt-score -l "$L" "$S/stream-a.tsv" nosuch.tsv "$S/stream-b.tsv"
	assert_failure 2
	[ "$stderr" = "tt-score: nosuch.tsv: No such file or directory" ]
	assert_output "$(tt-score -l "$L" "$S/stream.tsv")"
}

@test "a full disk is an error with exit 2" {
	run --separate-stderr bash -c 'tt-score -l "$1" "$2" > /dev/full' _ "$L" "$S/stream.tsv"
	assert_failure 2
	[ "$stderr" = "tt-score: stdout: No space left on device" ]
}

@test "| head -1 ends it quietly" {
	run --separate-stderr bash -c 'awk "BEGIN { print \"#doc\tsent\tword\"; for (i = 0; i < 300000; i++) print \"d\t\" i \"\tgewoon\" }" | tt-score -l "$1" --by sent | head -1' _ "$L"
	assert_success
	assert_output "#doc	sent	tokens	$CATS	$RATES	bestuurlijk	register"
	[ -z "$stderr" ]
}

@test "same output under LC_ALL=C and nl_NL.UTF-8" {
	locale -a | grep -qi '^nl_NL\.utf-\?8$' || skip "no nl_NL.UTF-8 locale"
	a=$(LC_ALL=C tt-score -l "$L" --by par "$S/stream.tsv")
	b=$(LC_ALL=nl_NL.UTF-8 tt-score -l "$L" --by par "$S/stream.tsv")
	[ "$a" = "$b" ]
	[[ "$a" == *181.82* ]]
}

@test "--help, --version, bad options" {
	run --separate-stderr tt-score --help
	assert_success
	assert_line --index 0 'usage: tt-score [-l LEXICON]... [-b UNIT] [-P F,I] [-e | -c] [FILE ...]'
	run --separate-stderr tt-score --version
	assert_success
	assert_line --index 0 'tt-score (transitietaal) 0.1.0'
	run --separate-stderr tt-score --bogus
	assert_failure 2
	[[ "$stderr" == *"usage: tt-score"* ]]
	run --separate-stderr tt-score --explain --counts "$S/stream.tsv"
	assert_failure 2
	[ "$stderr" = "tt-score: --explain excludes --counts and --merge" ]
}

@test "--explain with two lexicons: their lines interleave by token, past 128 tokens" {
	printf '#id\tpattern\tcategory\nA\tzorg\tx/formeel\n' > "$BATS_TEST_TMPDIR/a.tsv"
	printf '#id\tpattern\tcategory\nB\tzorg\tx/informeel\n' > "$BATS_TEST_TMPDIR/b.tsv"
	{
		printf '#doc\tline\tword\n'
		awk 'BEGIN { for (i = 1; i <= 300; i++) printf "d\t%d\t%s\n", i, i % 50 ? "en" : "zorg" }'
	} > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-score -l "$BATS_TEST_TMPDIR/a.tsv" -l "$BATS_TEST_TMPDIR/b.tsv" --explain "$BATS_TEST_TMPDIR/in"
	assert_success
	[ "$(printf '%s\n' "${lines[@]:1}" | cut -f2 | tr '\n' ' ')" = "x/formeel x/informeel x/formeel x/informeel x/formeel x/informeel x/formeel x/informeel x/formeel x/informeel x/formeel x/informeel " ]
}

@test "exceptions (category -) get no column and count nothing" {
	printf '%s\n' $'#id\tpattern\tcategory' $'partner\tpartnerschap\trelatie' \
	    $'geregistreerd\tgeregistreerd partnerschap\t-' > "$BATS_TEST_TMPDIR/x.tsv"
	printf 'Een geregistreerd partnerschap of een partnerschap.\n' |
	    tt-tokenise --doc d > "$BATS_TEST_TMPDIR/s"
	run --separate-stderr tt-score -l "$BATS_TEST_TMPDIR/x.tsv" "$BATS_TEST_TMPDIR/s"
	assert_success
	assert_output $'#doc\ttokens\trelatie\trelatie/1000\nd\t6\t1\t166.67'
}

@test "an entry of two categories (a|b) counts once in each, and --explain says so" {
	printf '%s\n' $'#id\tpattern\tcategory\tweight' $'buurman\tbuurman\tsociaal|familie\t' \
	    $'oma\toma\tfamilie\t' $'zorg\t*zorg\tzorg\t2' > "$BATS_TEST_TMPDIR/x.tsv"
	printf 'De buurman en oma geven mantelzorg.\n' |
	    tt-tokenise --doc d > "$BATS_TEST_TMPDIR/s"
	run --separate-stderr tt-score -l "$BATS_TEST_TMPDIR/x.tsv" "$BATS_TEST_TMPDIR/s"
	assert_success
	# sociaal: buurman; familie: buurman, oma; zorg: mantelzorg
	assert_output "#doc	tokens	sociaal	familie	zorg	sociaal/1000	familie/1000	zorg/1000
d	6	1	2	1	166.67	333.33	166.67"
	[ -z "$stderr" ]
	run --separate-stderr tt-score -l "$BATS_TEST_TMPDIR/x.tsv" --explain "$BATS_TEST_TMPDIR/s"
	assert_success
	assert_output "#doc	category	entry	weight	match	where
d	sociaal	x:buurman	1	buurman	d:1
d	familie	x:buurman	1	buurman	d:1
d	familie	x:oma	1	oma	d:1
d	zorg	x:zorg	2	mantelzorg	d:1"
	run --separate-stderr tt-score -l "$BATS_TEST_TMPDIR/x.tsv" --counts "$BATS_TEST_TMPDIR/s"
	assert_success
	assert_line --index 2 $'d\t6\t1\t2\t1\t1\t2\t2'
}
