#!/usr/bin/env bats
# tt-kwic: matches by jargon entry, category, stem, word and pattern; the
# context (characters, tokens, sentence), spacing, alignment, sorting,
# colour, TSV; exit status; errors and the hostile set.

load helper

K="$FIX/tt-kwic/stream.tsv"
TSVHEAD=$'#doc\tline\tleft\tmatch\tright\tentry'

@test "-e ID: every match of the jargon entry, aligned, with doc:line" {
	run --separate-stderr tt-kwic -e wijkteam "$K"
	assert_success
	assert_output 'nota.txt:2        te vraagt eigen kracht van inwoners. Het wijkteam (sociaal) zorgt voor continuïteit, zegt
nota.txt:3        gt voor continuïteit, zegt de wethouder. Wijkteams nemen eigen grote verantwoordelijkheid!
debat.txt:1                           Mantelzorgers en het wijkteam werken samen.'
	[ -z "$stderr" ]
	# lexicon:id gives the same
	run --separate-stderr tt-kwic -e tt:wijkteam "$K"
	assert_success
	[ "$output" = "$(tt-kwic -e wijkteam "$K")" ]
	run --separate-stderr tt-kwic -e other:wijkteam "$K"
	assert_failure 1
	assert_output ''
}

@test "the keyword starts in the same column on every line, accents included" {
	run --separate-stderr tt-kwic -e wijkteam -W 30 "$K"
	assert_success
	export LC_ALL=C.UTF-8
	for l in "${lines[@]}"; do
		# location padded to 16 + 2, left context to 30, one space
		[[ "${l:49}" == [Ww]ijkteam* ]]
	done
	[[ "${lines[1]}" == *"ntinuïteit, zegt"* ]]
}

@test "a jargon match covers its continuation tokens, gaps included" {
	run --separate-stderr tt-kwic -e tt:eigen-verantwoordelijkheid --tsv "$K"
	assert_success
	assert_output "$TSVHEAD
nota.txt	3	teit, zegt de wethouder. Wijkteams nemen	eigen grote verantwoordelijkheid	!	tt:eigen-verantwoordelijkheid"
}

@test "--category: the entries of a category in the lexicon" {
	run --separate-stderr tt-kwic -C actor-formeel -l "$FIX/tt-cooc/tt.tsv" --tsv "$K"
	assert_success
	assert_output "$TSVHEAD
nota.txt	2	te vraagt eigen kracht van inwoners. Het	wijkteam	(sociaal) zorgt voor continuïteit, zegt	tt:wijkteam
nota.txt	3	gt voor continuïteit, zegt de wethouder.	Wijkteams	nemen eigen grote verantwoordelijkheid!	tt:wijkteam
debat.txt	1	Mantelzorgers en het	wijkteam	werken samen.	tt:wijkteam"
	run --separate-stderr tt-kwic -C nope -l "$FIX/tt-cooc/tt.tsv" "$K"
	assert_failure 2
	[ "$stderr" = "tt-kwic: --category nope: no entry of the lexicon has this category" ]
}

@test "-s STEM: the stem column, or stems computed like tt-stem" {
	run --separate-stderr tt-kwic -s EIG --tsv --left 10 --right 5 "$K"
	assert_success
	assert_output "$TSVHEAD
nota.txt	1	nte vraagt	eigen	krach	eig
nota.txt	3	eams nemen	eigen	grote	eig"
	cut -f1-8,10 "$K" > "$BATS_TEST_TMPDIR/nostem"
	run --separate-stderr tt-kwic -s eig --tsv --left 10 --right 5 "$BATS_TEST_TMPDIR/nostem"
	assert_success
	[ "$output" = "$(tt-kwic -s eig --tsv --left 10 --right 5 "$K")" ]
}

@test "-w WORD: case and accents folded, several words a phrase" {
	run --separate-stderr tt-kwic -w CONTINUITEIT -W 12 "$K"
	assert_success
	assert_output 'nota.txt:2        ) zorgt voor continuïteit, zegt de we'
	run --separate-stderr tt-kwic -w 'eigen kracht' -S -t --tsv "$K"
	assert_success
	assert_output "$TSVHEAD
nota.txt	1	De gemeente vraagt	eigen kracht	van inwoners.	eigen kracht"
	# an exact form: wijkteam does not find Wijkteams
	run --separate-stderr tt-kwic -w wijkteam --tsv "$K"
	[ "${#lines[@]}" -eq 3 ]
}

@test "WORD as the first operand, like grep: the same as -w WORD" {
	run --separate-stderr tt-kwic CONTINUITEIT -W 12 "$K"
	assert_success
	assert_output 'nota.txt:2        ) zorgt voor continuïteit, zegt de we'
	run --separate-stderr tt-kwic -S -t --tsv 'eigen kracht' "$K"
	assert_success
	assert_output "$TSVHEAD
nota.txt	1	De gemeente vraagt	eigen kracht	van inwoners.	eigen kracht"
	# with -w given, every operand is a file
	run --separate-stderr tt-kwic -w eigen CONTINUITEIT
	assert_failure 2
	[ "$stderr" = "tt-kwic: CONTINUITEIT: No such file or directory" ]
	# the word alone, from standard input; nothing found is exit 1
	run --separate-stderr tt-kwic onvindbaar < "$K"
	assert_failure 1
	assert_output ''
}

@test "-p PATTERN: the lexicon pattern language, gaps and globs" {
	run --separate-stderr tt-kwic -p 'eigen ~3 verantwoordelijkheid' -t --left 2 --right 0 "$K"
	assert_success
	assert_output 'nota.txt:3        Wijkteams nemen eigen grote verantwoordelijkheid'
	run --separate-stderr tt-kwic -p 'wijkteam*' -t -W 1 "$K"
	assert_success
	assert_output 'nota.txt:2        Het wijkteam (
nota.txt:3          . Wijkteams nemen
debat.txt:1       het wijkteam werken'
	run --separate-stderr tt-kwic -p 'eigen ~' "$K"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-kwic: --pattern: pattern: bad gap '~' (use ~1 to ~99)" ]
}

@test "--sentence keeps the context inside the sentence of the match" {
	run --separate-stderr tt-kwic -e wijkteam -S "$K"
	assert_success
	assert_output 'nota.txt:2                                             Het wijkteam (sociaal) zorgt voor continuïteit, zegt
nota.txt:3                                                 Wijkteams nemen eigen grote verantwoordelijkheid!
debat.txt:1                           Mantelzorgers en het wijkteam werken samen.'
}

@test "context never crosses a document" {
	run --separate-stderr tt-kwic -w mantelzorgers -t -W 5 --tsv "$K"
	assert_success
	assert_output "$TSVHEAD
debat.txt	1	_	Mantelzorgers	en het wijkteam werken samen	mantelzorgers"
	run --separate-stderr tt-kwic -w verantwoordelijkheid -t -W 5 --tsv "$K"
	assert_line --index 1 $'nota.txt\t3\t. Wijkteams nemen eigen grote\tverantwoordelijkheid\t!\tverantwoordelijkheid'
}

@test "--sort right and --sort left order by the context words, punctuation ignored" {
	run --separate-stderr tt-kwic -e wijkteam -W 30 --sort right "$K"
	assert_success
	assert_output 'nota.txt:3        ntinuïteit, zegt de wethouder. Wijkteams nemen eigen grote verantwoorde
nota.txt:2        eigen kracht van inwoners. Het wijkteam (sociaal) zorgt voor continuït
debat.txt:1                 Mantelzorgers en het wijkteam werken samen.'
	# left: "het en ..." < "het inwoners ..." < "wethouder ..."
	run --separate-stderr tt-kwic -e wijkteam --tsv --sort left "$K"
	assert_success
	[ "$(cut -f1,2 <<<"$output" | tail -n +2 | tr '\t\n' ': ')" = "debat.txt:1 nota.txt:2 nota.txt:3 " ]
}

@test "--color=always highlights the match and the place; never and auto (not a tty) do not" {
	run --separate-stderr tt-kwic -w wijkteam -W 10 --color=always "$K"
	assert_success
	assert_line --index 0 $'\e[32mnota.txt:2\e[0m        oners. Het \e[1;31mwijkteam\e[0m (sociaal)'
	NO_COLOR=1 run --separate-stderr tt-kwic -w wijkteam -W 10 --color=always "$K"
	assert_line --index 0 $'\e[32mnota.txt:2\e[0m        oners. Het \e[1;31mwijkteam\e[0m (sociaal)'
	run --separate-stderr tt-kwic -w wijkteam -W 10 --color=never "$K"
	assert_line --index 0 'nota.txt:2        oners. Het wijkteam (sociaal)'
	run --separate-stderr tt-kwic -w wijkteam -W 10 "$K"
	assert_line --index 0 'nota.txt:2        oners. Het wijkteam (sociaal)'
	run --separate-stderr tt-kwic -w wijkteam --color=always --tsv "$K"
	[[ "$output" != *$'\e'* ]]
	run --separate-stderr tt-kwic -w x --color=sometimes "$K"
	assert_failure 2
	[ "$stderr" = "tt-kwic: --color=sometimes: expected auto, always or never" ]
}

@test "--color=auto colours on a terminal unless NO_COLOR is set" {
	command -v script >/dev/null || skip "no script(1)"
	run script -qc "tt-kwic -w wijkteam -W 10 '$K'" /dev/null
	[[ "$output" == *$'\e[1;31mwijkteam'* ]]
	NO_COLOR=1 run script -qc "tt-kwic -w wijkteam -W 10 '$K'" /dev/null
	[[ "$output" != *$'\e'* ]]
	[[ "$output" == *"Het wijkteam (sociaal)"* ]]
}

@test "exit 1 when nothing matched, with the TSV header only" {
	run --separate-stderr tt-kwic -w zzz "$K"
	assert_failure 1
	assert_output ''
	[ -z "$stderr" ]
	run --separate-stderr tt-kwic -w zzz --tsv "$K"
	assert_failure 1
	assert_output "$TSVHEAD"
}

@test "bad usage: no criterion, two kinds, a bad width" {
	run --separate-stderr tt-kwic < /dev/null
	assert_failure 2
	assert_output ''
	[[ "$stderr" == "tt-kwic: nothing to look for: give WORD, -e, -C, -s, -w or -p"$'\n'"usage: tt-kwic"* ]]
	run --separate-stderr tt-kwic -e x -w y "$K"
	assert_failure 2
	[ "$stderr" = "tt-kwic: -e/-C, -s and -w/-p exclude each other" ]
	run --separate-stderr tt-kwic -w x -W -1 "$K"
	assert_failure 2
	[ "$stderr" = "tt-kwic: --width -1: expected a whole number from 0 to 1000" ]
}

@test "missing column: file:1 message with a hint, exit 2" {
	run --separate-stderr tt-kwic -e wijkteam <<<"$STREAM_HEADER"$'\nd\t1\t1\t1\t1\tword\tx\t_'
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-kwic: <stdin>:1: no column 'jargon' (run tt-jargon first)" ]
	run --separate-stderr tt-kwic -w x <<<$'#doc\tline\nd\t1'
	assert_failure 2
	[ "$stderr" = "tt-kwic: <stdin>:1: no column 'word' (run tt-tokenise first)" ]
}

@test "empty input and a header-only stream: nothing found" {
	run --separate-stderr tt-kwic -w x </dev/null
	assert_failure 1
	assert_output ''
	[ -z "$stderr" ]
	run --separate-stderr tt-kwic -w x <<<"$STREAM_HEADER"
	assert_failure 1
	assert_output ''
}

@test "CRLF, lone CR, BOM and no final newline read like LF" {
	{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$K" | head -c -1; } > "$BATS_TEST_TMPDIR/crlf"
	tr '\n' '\r' < "$K" > "$BATS_TEST_TMPDIR/cr"
	want=$(tt-kwic -e wijkteam "$K")
	run --separate-stderr tt-kwic -e wijkteam "$BATS_TEST_TMPDIR/crlf"
	assert_success
	assert_output "$want"
	run --separate-stderr tt-kwic -e wijkteam "$BATS_TEST_TMPDIR/cr"
	assert_success
	assert_output "$want"
}

@test "invalid UTF-8, NUL and escapes: U+FFFD, one warning, no control characters out" {
	printf '#doc\tline\tword\nd\t1\tab\xffcd\nd\t2\tzorg\nd\t3\tx\\ty\0z\n' > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-kwic -w zorg "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "d:2$(printf '%*s' 42 '')"$'ab\xef\xbf\xbdcd zorg x y\xef\xbf\xbdz'
	[ "$stderr" = "tt-kwic: $BATS_TEST_TMPDIR/in:2: NUL or invalid UTF-8 replaced by U+FFFD" ]
}

@test "a 10 MB token in the context is cut to the width" {
	{ printf '#doc\tline\tword\nd\t1\t'; head -c 10000000 /dev/zero | tr '\0' a; printf '\nd\t2\tzorg\n'; } > "$BATS_TEST_TMPDIR/big"
	run --separate-stderr tt-kwic -w zorg -W 5 "$BATS_TEST_TMPDIR/big"
	assert_success
	assert_output 'd:2       aaaaa zorg'
}

@test "binary input refused; a nonexistent file among good ones" {
	printf '%%PDF-1.4\n%%\xe2\xe3\n1 0 obj\n' > "$BATS_TEST_TMPDIR/x.pdf"
	run --separate-stderr tt-kwic -w zorg "$BATS_TEST_TMPDIR/x.pdf"
	assert_failure 2
	[[ "$stderr" == "tt-kwic: $BATS_TEST_TMPDIR/x.pdf:1: "* ]]
	run --separate-stderr tt-kwic -e wijkteam -S "$K" nosuch.tsv "$K"
	assert_failure 2
	[ "$stderr" = "tt-kwic: nosuch.tsv: No such file or directory" ]
	[ "${#lines[@]}" -eq 6 ]
}

@test "a full disk is an error with exit 2" {
	run --separate-stderr bash -c 'tt-kwic -e wijkteam "$1" > /dev/full' _ "$K"
	assert_failure 2
	[ "$stderr" = "tt-kwic: stdout: No space left on device" ]
}

@test "| head -1 ends it quietly" {
	run --separate-stderr bash -c 'awk "BEGIN { print \"#doc\tline\tword\"; for (i = 0; i < 300000; i++) print \"d\t\" i \"\tzorg\" }" | tt-kwic -w zorg | head -1'
	assert_success
	assert_output "d:0$(printf '%*s' 48 '')zorg zorg zorg zorg zorg zorg zorg zorg zorg"
	[ -z "$stderr" ]
}

@test "same output under LC_ALL=C and nl_NL.UTF-8" {
	locale -a | grep -qi '^nl_NL\.utf-\?8$' || skip "no nl_NL.UTF-8 locale"
	a=$(LC_ALL=C tt-kwic -e wijkteam --sort left "$K")
	b=$(LC_ALL=nl_NL.UTF-8 tt-kwic -e wijkteam --sort left "$K")
	[ "$a" = "$b" ]
	[[ "$a" == *continuïteit* ]]
}

@test "--help, --version, bad options" {
	run --separate-stderr tt-kwic --help
	assert_success
	assert_line --index 0 'usage: tt-kwic [-e ENTRY] [-C CATEGORY [-l LEXICON]] [-s STEM] [-w WORD]'
	run --separate-stderr tt-kwic --version
	assert_success
	assert_line --index 0 'tt-kwic (transitietaal) 0.1.0'
	run --separate-stderr tt-kwic --bogus
	assert_failure 2
	[[ "$stderr" == *"usage: tt-kwic"* ]]
	run --separate-stderr tt-kwic -w x --sort middle "$K"
	assert_failure 2
	[ "$stderr" = "tt-kwic: --sort middle: expected left or right" ]
}

@test "straight quotes open and close by their count in the sentence" {
	printf '%s\n' '#doc	line	sent	word' 'd	1	1	Ze' 'd	1	1	zei' 'd	1	1	:' \
	    'd	1	1	"' 'd	1	1	Ik' 'd	1	1	doe' 'd	1	1	het' 'd	1	1	gewoon' \
	    'd	1	1	"' 'd	1	1	.' > "$BATS_TEST_TMPDIR/q"
	run --separate-stderr tt-kwic -w doe --tsv "$BATS_TEST_TMPDIR/q"
	assert_success
	assert_line --index 1 $'d\t1\tZe zei: "Ik\tdoe\thet gewoon".\tdoe'
}
