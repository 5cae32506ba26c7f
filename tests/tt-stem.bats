#!/usr/bin/env bats
# tt-stem: the stem column, the Snowball reference vectors, bad input.

load helper

expected_small() {
	printf '%s\tstem\n' "$STREAM_HEADER"
	printf 'nota.txt\t1\t1\t1\t1\tword\tWijkteams\t_\twijkteam\n'
	printf 'nota.txt\t1\t1\t1\t2\tword\tondersteunen\t_\tondersteun\n'
	printf 'nota.txt\t1\t1\t1\t3\tword\tmantelzorgers\t_\tmantelzorger\n'
	printf 'nota.txt\t2\t1\t1\t4\tword\tContinuïteit\t_\tcontinuiteit\n'
	printf 'nota.txt\t2\t1\t1\t5\tpunct\t.\t_\t.\n'
}

@test "appends the stem of the case-folded word" {
	run --separate-stderr tt-stem "$FIX/tt-stem/small.tsv"
	assert_success
	assert_output "$(expected_small)"
	[ -z "$stderr" ]
}

@test "all Snowball Dutch reference words stem as output.txt says" {
	D="$ROOT/../shared/data/snowball-dutch"
	[ -f "$D/voc.txt" ] || skip "no ../shared/data"
	{ printf '#doc\tline\tword\n'; awk '{ printf "v\t%d\t%s\n", NR, $0 }' "$D/voc.txt"; } |
	    tt-stem | tail -n +2 | cut -f4 > "$BATS_TEST_TMPDIR/stems"
	run diff "$BATS_TEST_TMPDIR/stems" "$D/output.txt"
	assert_success
	[ "$(wc -l < "$BATS_TEST_TMPDIR/stems")" -eq 45669 ]
}

@test "unknown columns pass through, stem is appended last" {
	run --separate-stderr tt-stem <<<$'#x\tword\ty\n1\tHuizen\tz'
	assert_success
	assert_output $'#x\tword\ty\tstem\n1\tHuizen\tz\thuiz'
}

@test "--column stems another column" {
	run --separate-stderr tt-stem --column lemma <<<$'#lemma\nWerkende'
	assert_success
	assert_output $'#lemma\tstem\nWerkende\twerkend'
}

@test "escaped values are unescaped before stemming; _ stays empty" {
	run --separate-stderr tt-stem <<<$'#word\n\\_\nzorg\\\\en'
	assert_success
	assert_output $'#word\tstem\n\\_\t\\_\nzorg\\\\en\tzorg\\\\'
}

@test "no word column: file:1 message, exit 2, no output" {
	run --separate-stderr tt-stem <<<$'#doc\tline\nx\t1'
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-stem: <stdin>:1: no column 'word' (run tt-tokenise first)" ]
}

@test "a stream that already has a stem column is refused" {
	run --separate-stderr tt-stem <<<$'#word\tstem\nx\ty'
	assert_failure 2
	[ "$stderr" = "tt-stem: <stdin>:1: the stream already has a column 'stem'" ]
}

@test "no header: plain text is refused with a hint" {
	run --separate-stderr tt-stem <<<'Dit is gewone tekst.'
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-stem: <stdin>:1: no header: expected a '#doc...' line (run tt-tokenise first)" ]
}

@test "empty input: no output, success" {
	run --separate-stderr tt-stem </dev/null
	assert_success
	assert_output ''
	[ -z "$stderr" ]
}

@test "header only: header out, success" {
	run --separate-stderr tt-stem <<<"$STREAM_HEADER"
	assert_success
	assert_output "$STREAM_HEADER"$'\tstem'
}

@test "several files make one stream with one header; identical headers skipped" {
	run --separate-stderr tt-stem "$FIX/tt-stem/small.tsv" "$FIX/tt-stem/small.tsv"
	assert_success
	[ "$(grep -c '^#' <<<"$output")" -eq 1 ]
	[ "$(grep -vc '^#' <<<"$output")" -eq 10 ]
}

@test "a different header mid-stream is an error" {
	run --separate-stderr tt-stem <<<$'#word\nHuizen\n#other\nx'
	assert_failure 2
	assert_output $'#word\tstem\nHuizen\thuiz'
	[ "$stderr" = "tt-stem: <stdin>:3: a different header in the middle of the stream" ]
}

@test "ragged rows are reported with file:line and skipped" {
	run --separate-stderr tt-stem <<<$'#doc\tword\nd\tHuizen\nd\nd\tboten'
	assert_failure 2
	assert_output $'#doc\tword\tstem\nd\tHuizen\thuiz\nd\tboten\tbot'
	[ "$stderr" = "tt-stem: <stdin>:3: fewer fields where the header has 2" ]
}

@test "a nonexistent file among good ones: message, exit 2, the rest processed" {
	run --separate-stderr tt-stem "$FIX/tt-stem/small.tsv" nosuch.tsv "$FIX/tt-stem/small.tsv"
	assert_failure 2
	[ "$stderr" = "tt-stem: nosuch.tsv: No such file or directory" ]
	[ "$(grep -vc '^#' <<<"$output")" -eq 10 ]
}

@test "the reader's SSE2 path (TT_NO_AVX2) gives what the default path gives" {
	# lines of every kind around the 64-byte blocks the reader classifies:
	# escapes, non-ASCII, CR, NUL, invalid UTF-8, 70 fields, a 200 KB line
	{
		printf '#doc\tline\tword\n'
		awk 'BEGIN {
			for (i = 1; i <= 3000; i++) {
				pad = substr("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 1, i % 61)
				k = i % 7
				if (k == 0) w = "Wijkteams" pad
				else if (k == 1) w = "Continu\303\257teit" pad
				else if (k == 2) w = "a\\tb" pad
				else if (k == 3) w = "zorg\r" pad
				else if (k == 4) w = "x\377y" pad
				else if (k == 5) w = "mantelzorgers"
				else w = pad "\tveld\tteveel"
				printf "d%s\t%d\t%s\n", pad, i, w
			}
			printf "d\t1\t"
			for (i = 0; i < 70; i++) printf "\t"
			printf "\n"
			printf "d\t2\t"
			for (i = 0; i < 20000; i++) printf "lang\303\253woord"
			printf "\n"
		}'
	} > "$BATS_TEST_TMPDIR/in"
	tt-stem "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/default" 2> "$BATS_TEST_TMPDIR/default.err" || true
	TT_NO_AVX2=1 tt-stem "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/sse2" 2> "$BATS_TEST_TMPDIR/sse2.err" || true
	cmp "$BATS_TEST_TMPDIR/default" "$BATS_TEST_TMPDIR/sse2"
	cmp "$BATS_TEST_TMPDIR/default.err" "$BATS_TEST_TMPDIR/sse2.err"
	# the rows that are not ragged: 6 kinds of 7 in 3000, and the long line
	[ "$(wc -l < "$BATS_TEST_TMPDIR/sse2")" -eq $((1 + 3000 - 3000 / 7 + 1)) ]
	grep -q $'\tContinu\xc3\xafteitx\tcontinuiteitx$' "$BATS_TEST_TMPDIR/sse2"
	grep -q $'\ta\\\\tbx\ta\\\\tbx$' "$BATS_TEST_TMPDIR/sse2"
}

# A stream of about 1.3 MB: several of the reader's map windows (256 KB),
# a CR that ends one window and its LF that starts the next, bad bytes, no
# final newline, and a size that is a whole number of 4 KB pages.
make_mapped_input() {
	f="$BATS_TEST_TMPDIR/in"
	printf '#doc\tline\tword\n' > "$f"
	awk 'BEGIN { for (i = 1; i <= 2000; i++)
		printf "d\t%d\tWijkteams\303\253n%s\n", i, (i % 3 ? "" : "\\t") }' >> "$f"
	k=$((262144 - 1 - $(wc -c < "$f") - 4))
	{ printf 'd\t0\t'; head -c "$k" /dev/zero | tr '\0' x; printf '\r\n'; } >> "$f"
	[ "$(head -c 262144 "$f" | tail -c 2 | od -An -c | tr -d ' ')" = 'x\r' ]
	awk 'BEGIN { for (i = 1; i <= 60000; i++)
		printf "d\t%d\t%s\r\n", i, (i % 1000 ? "mantelzorgers" : "x\377\0y") }' >> "$f"
	k=$((4096 - ($(wc -c < "$f") + 4) % 4096))
	{ printf 'd\t9\t'; head -c "$k" /dev/zero | tr '\0' y; } >> "$f"
	[ $(($(wc -c < "$f") % 4096)) -eq 0 ]
}

@test "a stream file is read through a memory map exactly as through a pipe" {
	make_mapped_input
	tt-stem "$f" > "$BATS_TEST_TMPDIR/mapped" 2> "$BATS_TEST_TMPDIR/mapped.err"
	cat "$f" | tt-stem > "$BATS_TEST_TMPDIR/piped" 2> "$BATS_TEST_TMPDIR/piped.err"
	cmp "$BATS_TEST_TMPDIR/mapped" "$BATS_TEST_TMPDIR/piped"
	[ "$(cat "$BATS_TEST_TMPDIR/mapped.err")" = "tt-stem: $f:3002: NUL or invalid UTF-8 replaced by U+FFFD" ]
	[ "$(cat "$BATS_TEST_TMPDIR/piped.err")" = "tt-stem: <stdin>:3002: NUL or invalid UTF-8 replaced by U+FFFD" ]
	# every line, the CR across the windows read as a line end
	[ "$(wc -l < "$BATS_TEST_TMPDIR/mapped")" -eq $((1 + 2000 + 1 + 60000 + 1)) ]
	grep -q $'^d\t0\txxxxxxxxxx*\txxxxxxxxxx*$' "$BATS_TEST_TMPDIR/mapped"
	no_match $'\r' "$BATS_TEST_TMPDIR/mapped"
	tail -n 1 "$BATS_TEST_TMPDIR/mapped" | grep -q $'^d\t9\tyyyyy*\tyyyyy*$'
	[ "$(grep -c $'\tWijkteams\xc3\xabn\\\\t\twijkteamsen\\\\t$' "$BATS_TEST_TMPDIR/mapped")" -eq 666 ]
}

@test "standard input that is a file read from an offset is mapped from there" {
	{ printf 'niet dit\n'; tail -c +1 "$FIX/tt-stem/small.tsv"; } > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr sh -c '{ head -n 1 > /dev/null; tt-stem; } < "$1"' sh "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "$(expected_small)"
}

@test "standard input from a file is read to its end, as with read(2)" {
	# a second - finds nothing more; so does the next command of the shell
	run --separate-stderr sh -c 'tt-stem - - < "$1"' sh "$FIX/tt-stem/small.tsv"
	assert_success
	assert_output "$(expected_small)"
	run --separate-stderr sh -c '{ tt-stem > /dev/null; cat; } < "$1"' sh "$FIX/tt-stem/small.tsv"
	assert_success
	assert_output ""
}

@test "a file cut short while it is read: a message and exit 2, not a signal" {
	f="$BATS_TEST_TMPDIR/big"
	{ printf '#doc\tline\tword\n'; awk 'BEGIN { for (i = 1; i <= 400000; i++) printf "d\t%d\tmantelzorgers\n", i }'; } > "$f"
	mkfifo "$BATS_TEST_TMPDIR/out"
	tt-stem "$f" > "$BATS_TEST_TMPDIR/out" 2> "$BATS_TEST_TMPDIR/err" &
	pid=$!
	exec 5< "$BATS_TEST_TMPDIR/out"
	# once it has written, it has the file open and mapped; the pipe then
	# fills long before the end of the file, and tt-stem waits
	read -r _ <&5
	: > "$f"
	cat <&5 > /dev/null
	exec 5<&-
	status=0
	wait "$pid" || status=$?
	[ "$status" -eq 2 ]
	[ "$(cat "$BATS_TEST_TMPDIR/err")" = "tt-stem: $f: the file shrank, or could not be read, while it was read" ]
}

@test "Snowball Dutch reference words through the reader's SSE2 path" {
	D="$ROOT/../shared/data/snowball-dutch"
	[ -f "$D/voc.txt" ] || skip "no ../shared/data"
	{ printf '#doc\tline\tword\n'; awk '{ printf "v\t%d\t%s\n", NR, $0 }' "$D/voc.txt"; } |
	    TT_NO_AVX2=1 tt-stem | tail -n +2 | cut -f4 > "$BATS_TEST_TMPDIR/stems"
	run diff "$BATS_TEST_TMPDIR/stems" "$D/output.txt"
	assert_success
}

@test "CRLF, lone CR, BOM and no final newline read like LF" {
	printf '\xef\xbb\xbf#word\r\nHuizen\rboten\r\nkinderen' > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-stem "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output $'#word\tstem\nHuizen\thuiz\nboten\tbot\nkinderen\tkinder'
}

@test "invalid UTF-8 and NUL become U+FFFD with one warning" {
	printf '#word\nab\xffcd\nx\0y\n' > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-stem "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output $'#word\tstem\nab\xef\xbf\xbdcd\tab\xef\xbf\xbdcd\nx\xef\xbf\xbdy\tx\xef\xbf\xbdy'
	[ "$stderr" = "tt-stem: $BATS_TEST_TMPDIR/in:2: NUL or invalid UTF-8 replaced by U+FFFD" ]
}

@test "a 10 MB token is stemmed without trouble" {
	{ printf '#word\n'; head -c 10000000 /dev/zero | tr '\0' a; printf '\nhuizen\n'; } > "$BATS_TEST_TMPDIR/big"
	run --separate-stderr tt-stem "$BATS_TEST_TMPDIR/big"
	assert_success
	[ "$(tail -n 1 <<<"$output")" = $'huizen\thuiz' ]
	[ "$(wc -c <<<"$output")" -gt 20000000 ]
}

@test "binary input (gzip, PDF) is refused, not stemmed" {
	gzip -c "$FIX/tt-stem/small.tsv" > "$BATS_TEST_TMPDIR/x.gz"
	run --separate-stderr tt-stem "$BATS_TEST_TMPDIR/x.gz"
	assert_failure 2
	assert_output ''
	[[ "$stderr" == "tt-stem: $BATS_TEST_TMPDIR/x.gz:1: "* ]]
	printf '%%PDF-1.4\n%%\xe2\xe3\n1 0 obj\n' > "$BATS_TEST_TMPDIR/x.pdf"
	run --separate-stderr tt-stem "$BATS_TEST_TMPDIR/x.pdf"
	assert_failure 2
	[[ "$stderr" == "tt-stem: $BATS_TEST_TMPDIR/x.pdf:1: no header"* ]]
}

@test "a full disk is an error with exit 2" {
	run --separate-stderr bash -c 'tt-stem "$1" > /dev/full' _ "$FIX/tt-stem/small.tsv"
	assert_failure 2
	[ "$stderr" = "tt-stem: stdout: No space left on device" ]
}

@test "| head -1 ends it quietly" {
	run --separate-stderr bash -c 'for i in $(seq 200000); do echo "x	huizen"; done | { echo "#a	word"; cat; } | tt-stem | head -1'
	assert_success
	assert_output $'#a\tword\tstem'
	[ -z "$stderr" ]
}

@test "same output under LC_ALL=C and nl_NL.UTF-8" {
	locale -a | grep -qi '^nl_NL\.utf-\?8$' || skip "no nl_NL.UTF-8 locale"
	a=$(LC_ALL=C tt-stem "$FIX/tt-stem/small.tsv")
	b=$(LC_ALL=nl_NL.UTF-8 tt-stem "$FIX/tt-stem/small.tsv")
	[ "$a" = "$b" ]
	[ "$a" = "$(expected_small)" ]
}

@test "--help on stdout exit 0; bad option usage on stderr exit 2; --version names the stemmer" {
	run --separate-stderr tt-stem --help
	assert_success
	assert_line --index 0 'usage: tt-stem [--column NAME] [FILE...]'
	run --separate-stderr tt-stem --bogus
	assert_failure 2
	assert_output ''
	[[ "$stderr" == *"usage: tt-stem"* ]]
	run --separate-stderr tt-stem --version
	assert_success
	assert_line --index 0 'tt-stem (transitietaal) 0.1.0'
	assert_line --regexp '^stemmer: libstemmer dutch(_porter)? '
}

@test "a storm of alternating combining marks is folded in bounded time (stream-safe)" {
	python3 -c 'import sys; sys.stdout.buffer.write(("#word\na" + "\u0301\u0316" * 20000 + "\n").encode())' > "$BATS_TEST_TMPDIR/storm"
	run --separate-stderr timeout 60 tt-stem "$BATS_TEST_TMPDIR/storm"
	assert_success
	# a CGJ (U+034F) after every 30 marks keeps the reordering linear
	[ "$(tail -n 1 <<<"$output" | cut -f2 | grep -o $'\xcd\x8f' | wc -l)" -eq 1333 ]
}

@test "a word longer than 256 bytes is its own stem" {
	w=$(printf 'ë%.0s' $(seq 200))
	run --separate-stderr tt-stem <<<$'#word\n'"$w"$'\nhuizen'
	assert_success
	assert_output $'#word\tstem\n'"$w"$'\t'"$w"$'\nhuizen\thuiz'
}

@test "ragged rows: the first ten of a file with file:line, then one count" {
	{ printf '#a\tb\n'; for i in $(seq 15); do echo x; done; printf 'y\tz\n'; } > "$BATS_TEST_TMPDIR/r"
	run --separate-stderr tt-stem -c a "$BATS_TEST_TMPDIR/r"
	assert_failure 2
	assert_output $'#a\tb\tstem\ny\tz\ty'
	[ "$(wc -l <<<"$stderr")" -eq 11 ]
	[ "$(tail -n 1 <<<"$stderr")" = "tt-stem: $BATS_TEST_TMPDIR/r: 15 rows with the wrong number of fields skipped in all" ]
}
