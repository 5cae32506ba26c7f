#!/usr/bin/env bats
# tt-cooc: unit counts, the measures against an independent awk computation,
# counts and merging, the Graphviz output, errors and the hostile set.

load helper

J="$FIX/tt-cooc/jargon.tsv"
HEAD=$'#a\tb\tn_ab\tn_a\tn_b\tn\tmi\ttscore\tg2\tdice\tlogdice'

# Rows "a b n_ab n_a n_b n" (counted by hand from the fixture) completed
# with the measures as tt-cooc(1) defines them, formatted like tt-cooc: at
# most 4 decimals, trailing zeros dropped.
measures() {
	awk -F'\t' -v OFS='\t' '
	function f(x,  s) {
		s = sprintf("%.4f", x)
		sub(/0+$/, "", s); sub(/\.$/, "", s)
		return s == "-0" ? "0" : s
	}
	function c(o, e) { return o > 0 ? o * log(o / e) : 0 }
	{
		ab = $3; a = $4; b = $5; n = $6; e = a * b / n
		mi = log(ab / e) / log(2)
		t = (ab - e) / sqrt(ab)
		g = c(ab, e) + c(a - ab, a * (n - b) / n)
		g += c(b - ab, (n - a) * b / n)
		g = 2 * (g + c(n - a - b + ab, (n - a) * (n - b) / n))
		d = 2 * ab / (a + b)
		print $1, $2, ab, a, b, n, f(mi), f(t), f(g), f(d), f(14 + log(d) / log(2))
	}'
}

# The fixture's sentences: a1 {ek wk}, a2 {wk mz mw}, a3 {ek mz} (ek twice),
# b1 {wk mz mw}, b2 {}, b3 {ek mw}, c1 {wk} (twice), c2 {wk ek},
# c3 {#zorg: a tag, not counted by default; wk}.
sent_rows() {
	printf '%s\n' \
	    $'tt:maatwerk\ttt:mantelzorger\t2\t3\t3\t9' \
	    $'tt:maatwerk\ttt:wijkteam\t2\t3\t6\t9' \
	    $'tt:mantelzorger\ttt:wijkteam\t2\t3\t6\t9' \
	    $'tt:eigen-kracht\ttt:wijkteam\t2\t4\t6\t9' \
	    $'tt:eigen-kracht\ttt:maatwerk\t1\t4\t3\t9' \
	    $'tt:eigen-kracht\ttt:mantelzorger\t1\t4\t3\t9'
}

@test "sentence co-occurrence of jargon: counts by hand, measures by awk" {
	run --separate-stderr tt-cooc --min 1 "$J"
	assert_success
	assert_output "$HEAD"$'\n'"$(sent_rows | measures)"
	[ -z "$stderr" ]
	# spot check of one row worked out on paper: E = 3*3/9 = 1, MI = 1
	assert_line --index 1 $'tt:maatwerk\ttt:mantelzorger\t2\t3\t3\t9\t1\t0.7071\t2.2314\t0.6667\t13.415'
}

@test "the default --min is 2 and --top cuts the sorted list" {
	run --separate-stderr tt-cooc "$J"
	assert_success
	assert_output "$HEAD"$'\n'"$(sent_rows | head -4 | measures)"
	run --separate-stderr tt-cooc --top 2 "$J"
	assert_output "$HEAD"$'\n'"$(sent_rows | head -2 | measures)"
	run --separate-stderr tt-cooc --min 3 "$J"
	assert_output "$HEAD"
}

@test "--sort g2 and --sort n_ab reorder; ties by a, then b" {
	run --separate-stderr tt-cooc -m 1 -s g2 "$J"
	assert_success
	[ "$(cut -f1,2 <<<"$output" | tail -n +2 | tr '\t\n' '- ')" = \
	    "tt:maatwerk-tt:mantelzorger tt:eigen-kracht-tt:wijkteam tt:eigen-kracht-tt:maatwerk tt:eigen-kracht-tt:mantelzorger tt:maatwerk-tt:wijkteam tt:mantelzorger-tt:wijkteam " ]
	run --separate-stderr tt-cooc -m 1 -s n_ab "$J"
	[ "$(cut -f1,2 <<<"$output" | tail -n +2 | tr '\t\n' '- ')" = \
	    "tt:eigen-kracht-tt:wijkteam tt:maatwerk-tt:mantelzorger tt:maatwerk-tt:wijkteam tt:mantelzorger-tt:wijkteam tt:eigen-kracht-tt:maatwerk tt:eigen-kracht-tt:mantelzorger " ]
}

@test "paragraph units: a value or pair counts once per paragraph" {
	# a1 = sentences 1-2 {ek wk mz mw}, a2 {ek mz}, b1 {wk mz mw}, b2 {ek mw}, c1 {wk ek}
	run --separate-stderr tt-cooc -u par -m 1 "$J"
	assert_success
	expect=$(printf '%s\n' \
	    $'tt:maatwerk\ttt:mantelzorger\t2\t3\t3\t5' \
	    $'tt:maatwerk\ttt:wijkteam\t2\t3\t3\t5' \
	    $'tt:mantelzorger\ttt:wijkteam\t2\t3\t3\t5' \
	    $'tt:eigen-kracht\ttt:maatwerk\t2\t4\t3\t5' \
	    $'tt:eigen-kracht\ttt:mantelzorger\t2\t4\t3\t5' \
	    $'tt:eigen-kracht\ttt:wijkteam\t2\t4\t3\t5' | measures)
	assert_output "$HEAD"$'\n'"$expect"
}

@test "document units" {
	run --separate-stderr tt-cooc -u doc -c "$J"
	assert_success
	assert_output "$(printf '%s\n' $'#tt-cooc-counts\tv1\tfield=jargon\tunit=doc' \
	    $'n\t3' $'v\ttt:eigen-kracht\t3' $'v\ttt:maatwerk\t2' \
	    $'v\ttt:mantelzorger\t2' $'v\ttt:wijkteam\t3' \
	    $'p\ttt:eigen-kracht\ttt:maatwerk\t2' \
	    $'p\ttt:eigen-kracht\ttt:mantelzorger\t2' \
	    $'p\ttt:eigen-kracht\ttt:wijkteam\t3' \
	    $'p\ttt:maatwerk\ttt:mantelzorger\t2' \
	    $'p\ttt:maatwerk\ttt:wijkteam\t2' \
	    $'p\ttt:mantelzorger\ttt:wijkteam\t2')"
}

@test "window units: every run of N tokens (punctuation and tags skipped) is a unit" {
	# c.txt positions: wk _ wk _ wk _ ek + _ wk: 10 positions, 8 windows of
	# 3; ek in windows 5-7, 6-8, 7-9; wk in all but 6-8 and 7-9
	run --separate-stderr tt-cooc -u window=3 -c "$FIX/tt-cooc/jargon-c.tsv"
	assert_success
	assert_output "$(printf '%s\n' $'#tt-cooc-counts\tv1\tfield=jargon\tunit=window=3' \
	    $'n\t8' $'v\ttt:eigen-kracht\t3' $'v\ttt:wijkteam\t6' \
	    $'p\ttt:eigen-kracht\ttt:wijkteam\t1')"
	# a document shorter than the window is one window
	run --separate-stderr tt-cooc -u window=50 -c "$FIX/tt-cooc/jargon-c.tsv"
	assert_output "$(printf '%s\n' $'#tt-cooc-counts\tv1\tfield=jargon\tunit=window=50' \
	    $'n\t1' $'v\ttt:eigen-kracht\t1' $'v\ttt:wijkteam\t1' \
	    $'p\ttt:eigen-kracht\ttt:wijkteam\t1')"
}

@test "window of 0, a negative or a non-number is a usage error" {
	for w in 0 -3 x ''; do
		run --separate-stderr tt-cooc -u "window=$w" "$J"
		assert_failure 2
		assert_output ''
		[ "$stderr" = "tt-cooc: --unit window=$w: the window must be a whole number of tokens from 1 to 100000" ]
	done
	run --separate-stderr tt-cooc -u line "$J"
	assert_failure 2
	[ "$stderr" = "tt-cooc: --unit line: expected sent, par, doc or window=N" ]
}

@test "--field word with --fold and all types; a value starting with # is escaped" {
	run --separate-stderr tt-cooc -f word -i -t all -m 1 -n 3 "$FIX/tt-cooc/jargon-c.tsv"
	assert_success
	expect=$(printf '%s\n' $'#zorg\ten\t1\t1\t1\t3' $'.\twijkteam\t3\t3\t3\t3' \
	    $'eigen\thet\t1\t1\t1\t3' | measures | sed 's/^#/\\#/')
	assert_output "$HEAD"$'\n'"$expect"
}

@test "--field stem without a stem column stems the case-folded word like tt-stem" {
	run --separate-stderr tt-cooc -f stem -c -m 1 "$J"
	assert_success
	a=$output
	b=$(tt-stem "$J" | tt-cooc -f stem -c -m 1)
	[ "$a" = "$b" ]
	assert_line $'v\tmantelzorger\t3'
	assert_line $'p\teig\tkracht\t4'
}

@test "--field category maps jargon entries to their lexicon category" {
	run --separate-stderr tt-cooc -f category -l "$FIX/tt-cooc/tt.tsv" -c "$J"
	assert_success
	assert_output "$(printf '%s\n' $'#tt-cooc-counts\tv1\tfield=category\tunit=sent' \
	    $'n\t9' $'v\tactor-formeel\t6' $'v\tactor-informeel\t3' \
	    $'v\tburgerkracht\t4' $'v\twerkwijze\t3' \
	    $'p\tactor-formeel\tactor-informeel\t2' \
	    $'p\tactor-formeel\tburgerkracht\t2' \
	    $'p\tactor-formeel\twerkwijze\t2' \
	    $'p\tactor-informeel\tburgerkracht\t1' \
	    $'p\tactor-informeel\twerkwijze\t2' \
	    $'p\tburgerkracht\twerkwijze\t1')"
}

@test "--field category: an entry missing from the lexicon is reported" {
	run --separate-stderr tt-cooc -f category -l "$FIX/tt-cooc/tt.tsv" \
	    <<<$'#doc\tsent\tjargon\nd\t1\ttt:wijkteam\nd\t1\ttt:onbekend'
	assert_failure 2
	[ "$stderr" = "tt-cooc: <stdin>:3: jargon entry 'tt:onbekend' is not in the lexicon" ]
}

@test "--counts of parts merged equal one run, for every unit" {
	for u in sent par doc window=3; do
		for x in a b c; do
			tt-cooc -u "$u" -c "$FIX/tt-cooc/jargon-$x.tsv" > "$BATS_TEST_TMPDIR/$x"
		done
		run --separate-stderr tt-cooc -M -m 1 "$BATS_TEST_TMPDIR/c" "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
		assert_success
		[ "$output" = "$(tt-cooc -u "$u" -m 1 "$J")" ]
		# merging counts gives counts equal to those of one run
		run --separate-stderr tt-cooc -M -c "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b" "$BATS_TEST_TMPDIR/c"
		[ "$output" = "$(tt-cooc -u "$u" -c "$J")" ]
	done
}

@test "--merge reads counts from stdin" {
	run --separate-stderr bash -c 'tt-cooc -c "$1" | tt-cooc --merge -m 1' _ "$J"
	assert_success
	assert_output "$HEAD"$'\n'"$(sent_rows | measures)"
}

@test "--merge: a file that is not tt-cooc counts is refused, the others merged" {
	tt-cooc -c "$FIX/tt-cooc/jargon-a.tsv" > "$BATS_TEST_TMPDIR/a"
	run --separate-stderr tt-cooc -M -m 1 "$J" "$BATS_TEST_TMPDIR/a"
	assert_failure 2
	[ "$stderr" = "tt-cooc: $J:1: not a tt-cooc counts file (made with tt-cooc --counts)" ]
	[ "$output" = "$(tt-cooc -m 1 "$FIX/tt-cooc/jargon-a.tsv")" ]
	printf '#tt-score-counts\tv1\n' > "$BATS_TEST_TMPDIR/s"
	run --separate-stderr tt-cooc -M "$BATS_TEST_TMPDIR/s"
	assert_failure 2
	assert_output "$HEAD"
	[ "$stderr" = "tt-cooc: $BATS_TEST_TMPDIR/s:1: not a tt-cooc counts file (made with tt-cooc --counts)" ]
}

@test "--merge: counts of another unit or field cannot be merged" {
	tt-cooc -c "$FIX/tt-cooc/jargon-a.tsv" > "$BATS_TEST_TMPDIR/a"
	tt-cooc -c -u par "$FIX/tt-cooc/jargon-b.tsv" > "$BATS_TEST_TMPDIR/b"
	run --separate-stderr tt-cooc -M "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	assert_failure 2
	[ "$stderr" = "tt-cooc: $BATS_TEST_TMPDIR/b:1: counts of field=jargon unit=par cannot be merged with counts of field=jargon unit=sent ($BATS_TEST_TMPDIR/a)" ]
}

@test "--merge: non-numbers and bad rows are reported with file:line" {
	run --separate-stderr tt-cooc -M <<<$'#tt-cooc-counts\tv1\tfield=jargon\tunit=sent\nn\t3x\nv\ta\t1\nv\tb\t-2\np\ta\tc\t1\nq\t1'
	assert_failure 2
	assert_output "$HEAD"
	[ "$stderr" = "tt-cooc: <stdin>:2: not a count: '3x'
tt-cooc: <stdin>:4: not a count: '-2'
tt-cooc: <stdin>:5: a pair of values without their own counts
tt-cooc: <stdin>:6: not a counts row (n, v or p)" ]
}

@test "--format dot: a Graphviz graph of the strongest pairs" {
	run --separate-stderr tt-cooc -F dot -n 3 "$J"
	assert_success
	assert_output 'graph "tt-cooc" {
	graph [overlap=false, splines=true, fontname="Helvetica"];
	node [shape=box, style=rounded, fontname="Helvetica"];
	edge [fontname="Helvetica", fontsize=10];
	"tt:maatwerk" -- "tt:mantelzorger" [penwidth=6, label="13.4"];
	"tt:maatwerk" -- "tt:wijkteam" [penwidth=1, label="12.8"];
	"tt:mantelzorger" -- "tt:wijkteam" [penwidth=1, label="12.8"];
}'
	if command -v dot >/dev/null; then
		run bash -c 'tt-cooc -F dot -m 1 -f word -t all "$1" | dot -Tsvg >/dev/null' _ "$J"
		assert_success
	fi
}

@test "missing column: file:1 message with a hint, exit 2, nothing written" {
	run --separate-stderr tt-cooc <<<"$STREAM_HEADER"$'\nd\t1\t1\t1\t1\tword\tx\t_'
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-cooc: <stdin>:1: no column 'jargon' (run tt-jargon first)" ]
	run --separate-stderr tt-cooc -f lemma "$J"
	assert_failure 2
	[ "$stderr" = "tt-cooc: $J:1: no column 'lemma'" ]
}

@test "empty input and a header-only stream give an empty table" {
	run --separate-stderr tt-cooc </dev/null
	assert_success
	assert_output "$HEAD"
	[ -z "$stderr" ]
	run --separate-stderr tt-cooc <<<"$STREAM_HEADER"$'\tjargon'
	assert_success
	assert_output "$HEAD"
	run --separate-stderr tt-cooc -c <<<"$STREAM_HEADER"$'\tjargon'
	assert_success
	assert_output $'#tt-cooc-counts\tv1\tfield=jargon\tunit=sent\nn\t0'
}

@test "CRLF, lone CR, BOM and no final newline read like LF" {
	{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$J" | head -c -1; } > "$BATS_TEST_TMPDIR/crlf"
	run --separate-stderr tt-cooc -m 1 "$BATS_TEST_TMPDIR/crlf"
	assert_success
	assert_output "$HEAD"$'\n'"$(sent_rows | measures)"
	tr '\n' '\r' < "$J" > "$BATS_TEST_TMPDIR/cr"
	run --separate-stderr tt-cooc -m 1 "$BATS_TEST_TMPDIR/cr"
	assert_success
	assert_output "$HEAD"$'\n'"$(sent_rows | measures)"
}

@test "invalid UTF-8 and NUL become U+FFFD with one warning" {
	printf '#doc\tsent\tword\nd\t1\tab\xffcd\nd\t1\tx\0y\n' > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr tt-cooc -f word -m 1 -c "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output $'#tt-cooc-counts\tv1\tfield=word\tunit=sent\nn\t1\nv\tab\xef\xbf\xbdcd\t1\nv\tx\xef\xbf\xbdy\t1\np\tab\xef\xbf\xbdcd\tx\xef\xbf\xbdy\t1'
	[ "$stderr" = "tt-cooc: $BATS_TEST_TMPDIR/in:2: NUL or invalid UTF-8 replaced by U+FFFD" ]
}

@test "a 10 MB value is counted like any other" {
	{ printf '#doc\tsent\tword\nd\t1\t'; head -c 10000000 /dev/zero | tr '\0' a; printf '\nd\t1\tzorg\n'; } > "$BATS_TEST_TMPDIR/big"
	run --separate-stderr tt-cooc -f word -m 1 "$BATS_TEST_TMPDIR/big"
	assert_success
	[ "${#output}" -gt 10000000 ]
	[ "$(cut -f2- <<<"${lines[1]}")" = $'zorg\t1\t1\t1\t1\t0\t0\t0\t1\t14' ]
}

@test "binary input is refused; a nonexistent file among good ones" {
	printf '%%PDF-1.4\n%%\xe2\xe3\n1 0 obj\n' > "$BATS_TEST_TMPDIR/x.pdf"
	run --separate-stderr tt-cooc "$BATS_TEST_TMPDIR/x.pdf"
	assert_failure 2
	[[ "$stderr" == "tt-cooc: $BATS_TEST_TMPDIR/x.pdf:1: "* ]]
	run --separate-stderr tt-cooc -m 1 "$FIX/tt-cooc/jargon-a.tsv" nosuch.tsv \
	    "$FIX/tt-cooc/jargon-b.tsv" "$FIX/tt-cooc/jargon-c.tsv"
	assert_failure 2
	[ "$stderr" = "tt-cooc: nosuch.tsv: No such file or directory" ]
	assert_output "$HEAD"$'\n'"$(sent_rows | measures)"
	run --separate-stderr tt-cooc -M nosuch.counts
	assert_failure 2
	[ "$stderr" = "tt-cooc: nosuch.counts: No such file or directory" ]
}

@test "a full disk is an error with exit 2" {
	run --separate-stderr bash -c 'tt-cooc -m 1 "$1" > /dev/full' _ "$J"
	assert_failure 2
	[ "$stderr" = "tt-cooc: stdout: No space left on device" ]
}

@test "| head -1 ends it quietly" {
	run --separate-stderr bash -c 'awk "BEGIN { print \"#doc\tsent\tword\"; for (i = 0; i < 300000; i++) print \"d\t\" int(i / 7) \"\tw\" (i % 5000) }" | tt-cooc -f word -m 1 | head -1'
	assert_success
	assert_output "$HEAD"
	[ -z "$stderr" ]
}

@test "same output under LC_ALL=C and nl_NL.UTF-8" {
	locale -a | grep -qi '^nl_NL\.utf-\?8$' || skip "no nl_NL.UTF-8 locale"
	a=$(LC_ALL=C tt-cooc -m 1 -f word -t all "$J")
	b=$(LC_ALL=nl_NL.UTF-8 tt-cooc -m 1 -f word -t all "$J")
	[ "$a" = "$b" ]
	[[ "$a" == *0.* ]]
}

@test "--help, --version, bad options" {
	run --separate-stderr tt-cooc --help
	assert_success
	assert_line --index 0 'usage: tt-cooc [-f COLUMN] [-u UNIT] [-s MEASURE] [-m N] [-n N] [-i]'
	run --separate-stderr tt-cooc --version
	assert_success
	assert_line --index 0 'tt-cooc (transitietaal) 0.1.0'
	run --separate-stderr tt-cooc --bogus
	assert_failure 2
	[[ "$stderr" == *"usage: tt-cooc"* ]]
	run --separate-stderr tt-cooc -s pmi "$J"
	assert_failure 2
	[ "$stderr" = "tt-cooc: --sort pmi: expected logdice, dice, mi, tscore, g2 or n_ab" ]
	run --separate-stderr tt-cooc -c -F dot "$J"
	assert_failure 2
	[ "$stderr" = "tt-cooc: --counts and --format dot exclude each other" ]
}

@test "--field category: an entry of several categories (a|b) has its field as written" {
	printf '%s\n' $'#id\tpattern\tcategory' $'buurman\tbuurman\tsociaal|familie' \
	    $'oma\toma\tfamilie' > "$BATS_TEST_TMPDIR/x.tsv"
	printf 'De buurman en oma.\n' | tt-tokenise --doc d |
	    tt-jargon -l "$BATS_TEST_TMPDIR/x.tsv" > "$BATS_TEST_TMPDIR/j"
	run --separate-stderr tt-cooc -f category -l "$BATS_TEST_TMPDIR/x.tsv" -c "$BATS_TEST_TMPDIR/j"
	assert_success
	assert_output "#tt-cooc-counts	v1	field=category	unit=sent
n	1
v	familie	1
v	sociaal|familie	1
p	familie	sociaal|familie	1"
}

# ---- --by doc ---------------------------------------------------------------

BYHEAD=$'#doc\ta\tb\tn_ab\tn_a\tn_b\tn\tmi\ttscore\tg2\tdice\tlogdice'

# The fixture with two documents more: d.txt, one sentence with one entry
# (no pair), and e.txt, punctuation only (a sentence without values, and
# no window at all); c.txt renamed #c.txt, written \#c.txt in the stream.
by_doc_stream() {
	sed 's/^c\.txt\t/\\#c.txt\t/' "$J"
	printf '%s\n' $'d.txt\t1\t1\t1\t1\tword\tWijkteam\t_\ttt:wijkteam' \
	    $'d.txt\t1\t1\t1\t2\tpunct\t.\t_\t_' \
	    $'e.txt\t1\t1\t1\t1\tpunct\t!\t_\t_'
}

# measures, with the document $1 before every row.
doc_rows() {
	measures | sed "s/^/$1\t/"
}

@test "--by doc: a table per document in stream order; no rows for a document without pairs" {
	by_doc_stream > "$BATS_TEST_TMPDIR/s"
	run --separate-stderr tt-cooc --by doc -m 1 "$BATS_TEST_TMPDIR/s"
	assert_success
	[ -z "$stderr" ]
	# a: {ek wk} {wk mz mw} {ek mz}; b: {wk mz mw} {} {ek mw};
	# c: {wk} {wk ek} {wk}; d: {wk}; e: {}
	expect=$(printf '%s\n' \
	    $'tt:maatwerk\ttt:mantelzorger\t1\t1\t2\t3' \
	    $'tt:maatwerk\ttt:wijkteam\t1\t1\t2\t3' \
	    $'tt:eigen-kracht\ttt:mantelzorger\t1\t2\t2\t3' \
	    $'tt:eigen-kracht\ttt:wijkteam\t1\t2\t2\t3' \
	    $'tt:mantelzorger\ttt:wijkteam\t1\t2\t2\t3' | doc_rows a.txt
	printf '%s\n' \
	    $'tt:mantelzorger\ttt:wijkteam\t1\t1\t1\t3' \
	    $'tt:eigen-kracht\ttt:maatwerk\t1\t1\t2\t3' \
	    $'tt:maatwerk\ttt:mantelzorger\t1\t2\t1\t3' \
	    $'tt:maatwerk\ttt:wijkteam\t1\t2\t1\t3' | doc_rows b.txt
	printf '%s\n' $'tt:eigen-kracht\ttt:wijkteam\t1\t1\t3\t3' |
	    doc_rows '\\#c.txt')
	assert_output "$BYHEAD"$'\n'"$expect"
	assert_line --index 10 $'\\#c.txt\ttt:eigen-kracht\ttt:wijkteam\t1\t1\t3\t3\t0\t0\t0\t0.5\t13'
	# -n is the first N of each document
	run --separate-stderr tt-cooc -b doc -m 1 -n 1 "$BATS_TEST_TMPDIR/s"
	assert_success
	[ "$(cut -f1-3 <<<"$output")" = "$(printf '%s\n' $'#doc\ta\tb' \
	    $'a.txt\ttt:maatwerk\ttt:mantelzorger' \
	    $'b.txt\ttt:mantelzorger\ttt:wijkteam' \
	    $'\\#c.txt\ttt:eigen-kracht\ttt:wijkteam')" ]
	# no document with pairs: the header alone
	run --separate-stderr tt-cooc -b doc -m 2 "$BATS_TEST_TMPDIR/s"
	assert_success
	assert_output "$BYHEAD"
}

@test "--by doc --counts: by=doc header, every row after its document, n also when 0" {
	by_doc_stream > "$BATS_TEST_TMPDIR/s"
	run --separate-stderr tt-cooc -b doc -c "$BATS_TEST_TMPDIR/s"
	assert_success
	assert_line --index 0 $'#tt-cooc-counts\tv1\tfield=jargon\tunit=sent\tby=doc'
	[ "$(grep -v '^[ab]\.txt' <<<"$output" | tail -n +2)" = "$(printf '%s\n' \
	    $'\\#c.txt\tn\t3' $'\\#c.txt\tv\ttt:eigen-kracht\t1' \
	    $'\\#c.txt\tv\ttt:wijkteam\t3' \
	    $'\\#c.txt\tp\ttt:eigen-kracht\ttt:wijkteam\t1' \
	    $'d.txt\tn\t1' $'d.txt\tv\ttt:wijkteam\t1' $'e.txt\tn\t1')" ]
	[ "$(grep -c '^a\.txt' <<<"$output")" -eq 10 ]
	# in windows e.txt has no unit, d.txt one
	run --separate-stderr tt-cooc -b doc -c -u window=3 "$BATS_TEST_TMPDIR/s"
	assert_success
	[ "$(tail -n 3 <<<"$output")" = "$(printf '%s\n' \
	    $'d.txt\tn\t1' $'d.txt\tv\ttt:wijkteam\t1' $'e.txt\tn\t0')" ]
	# empty input, and a header alone: the header line alone
	run --separate-stderr tt-cooc -b doc -c </dev/null
	assert_success
	assert_output $'#tt-cooc-counts\tv1\tfield=jargon\tunit=sent\tby=doc'
	run --separate-stderr tt-cooc -b doc <<<"$STREAM_HEADER"$'\tjargon'
	assert_success
	assert_output "$BYHEAD"
}

# A stream of several documents from the fixtures, marked and stemmed, with
# a document renamed #c.txt and one of punctuation only.
multi_doc_stream() {
	{
		tt-tokenise "$FIX/pipelines/nota.txt" "$FIX/tt-normalise/hyphen.txt" \
		    "$FIX/tt-normalise/pages.txt" "$FIX/tt-tokenise/naam.txt" \
		    "$FIX/tt-tokenise/nota.txt" "$FIX/tt-tokenise/teams-docx.txt" |
		    tt-stem | tt-jargon
		# its columns jargon, stem swapped to those of the stream above
		tt-stem "$FIX/tt-cooc/jargon.tsv" | sed 's/^c\.txt\t/\\#c.txt\t/' |
		    awk -F'\t' -v OFS='\t' 'NR > 1 { t = $9; $9 = $10; $10 = t; print }'
		printf 'e.txt\t1\t1\t1\t1\tpunct\t!\t_\t!\t_\n'
	} > "$1"
}

@test "--by doc equals a run per document, for tables and counts, with every unit and option" {
	S=$BATS_TEST_TMPDIR/s
	multi_doc_stream "$S"
	[ "$(head -1 "$S")" = "$STREAM_HEADER"$'\tstem\tjargon' ]
	docs=$(grep -v '^#' "$S" | cut -f1 | uniq)
	[ "$(wc -l <<<"$docs")" -eq 10 ]
	[ "$(sort <<<"$docs" | uniq -d)" = "" ]
	n=0
	for opts in "-m 1" "-u par -s g2" "-u doc -m 1" "-u window=4 -m 1 -n 3" \
	    "-f stem -m 1 -s mi -n 5" "-f word -i -t all -m 1 -s n_ab" \
	    "-s tscore -n 2"; do
		tt-cooc $opts -b doc "$S" > "$BATS_TEST_TMPDIR/by"
		tt-cooc $opts -b doc -c "$S" > "$BATS_TEST_TMPDIR/byc"
		[ "$(head -1 "$BATS_TEST_TMPDIR/byc")" = \
		    "$(tt-cooc $opts -c </dev/null | head -1)"$'\tby=doc' ]
		while IFS= read -r d; do
			awk -F'\t' -v d="$d" 'NR == 1 || $1 == d' "$S" > "$BATS_TEST_TMPDIR/one"
			plain=$(tt-cooc $opts "$BATS_TEST_TMPDIR/one")
			mine=$(head -1 <<<"$plain"; awk -F'\t' -v d="$d" '$1 == d' "$BATS_TEST_TMPDIR/by" | cut -f2-)
			[ "$mine" = "$plain" ] || { echo "$opts $d: $mine"; echo "plain: $plain"; false; }
			# the counts byte for byte: the file without its newline
			# handling, by cmp
			tt-cooc $opts -c "$BATS_TEST_TMPDIR/one" > "$BATS_TEST_TMPDIR/pc"
			{ head -1 "$BATS_TEST_TMPDIR/pc"
			  awk -F'\t' -v d="$d" '$1 == d' "$BATS_TEST_TMPDIR/byc" | cut -f2-
			} | cmp - "$BATS_TEST_TMPDIR/pc"
			n=$((n + $(grep -vc '^#' "$BATS_TEST_TMPDIR/pc")))
		done <<<"$docs"
	done
	# the comparisons compared something
	[ "$n" -gt 1000 ]
	# the documents of the table are those of the stream, in its order
	[ "$(tail -n +2 "$BATS_TEST_TMPDIR/byc" | cut -f1 | uniq)" = "$docs" ]
}

@test "--by doc: a document that comes back after another is an error with file:line" {
	{ cat "$J"; printf 'a.txt\t9\t9\t9\t1\tword\tWijkteam\t_\ttt:wijkteam\n'; } > "$BATS_TEST_TMPDIR/s"
	run --separate-stderr tt-cooc -b doc -m 1 -c "$BATS_TEST_TMPDIR/s"
	assert_failure 2
	[ "$stderr" = "tt-cooc: $BATS_TEST_TMPDIR/s:51: document 'a.txt' again after 'c.txt' (--by doc needs the stream grouped by document)" ]
	# the documents before it are written, nothing after
	[ "$(cut -f1 <<<"$output" | uniq | tr '\n' ' ')" = "#tt-cooc-counts a.txt b.txt c.txt " ]
	[ "$(tail -1 <<<"$output")" = $'c.txt\tp\ttt:eigen-kracht\ttt:wijkteam\t1' ]
	# without --by doc the same stream is fine
	run --separate-stderr tt-cooc -m 1 -c "$BATS_TEST_TMPDIR/s"
	assert_success
}

@test "--merge of by=doc counts: summed per document, in order of first appearance" {
	T=$BATS_TEST_TMPDIR
	by_doc_stream > "$T/s"
	for x in a b c; do tt-cooc -b doc -c "$FIX/tt-cooc/jargon-$x.tsv" > "$T/$x"; done
	# parts merged equal one run, as table and as counts
	run --separate-stderr tt-cooc -M -m 1 "$T/a" "$T/b" "$T/c"
	assert_success
	[ "$output" = "$(tt-cooc -b doc -m 1 "$J")" ]
	run --separate-stderr tt-cooc -M -c "$T/a" "$T/b" "$T/c"
	[ "$output" = "$(tt-cooc -b doc -c "$J")" ]
	# for every unit, the counts of the parts merged equal one run
	for u in par doc window=3; do
		for x in a b c; do tt-cooc -u "$u" -b doc -c "$FIX/tt-cooc/jargon-$x.tsv" > "$T/$u$x"; done
		run --separate-stderr tt-cooc -M -c "$T/${u}c" "$T/${u}a" "$T/${u}b"
		assert_success
		[ "$output" = "$(tt-cooc -u "$u" -b doc -c "$FIX/tt-cooc/jargon-c.tsv" "$FIX/tt-cooc/jargon-a.tsv" "$FIX/tt-cooc/jargon-b.tsv")" ]
		assert_line --index 0 $'#tt-cooc-counts\tv1\tfield=jargon\tunit='"$u"$'\tby=doc'
	done
	# --by doc with --merge is allowed and the same
	run --separate-stderr tt-cooc -M -b doc -c "$T/a" "$T/b" "$T/c"
	[ "$output" = "$(tt-cooc -b doc -c "$J")" ]
	# a document in two files adds up; documents in order of first sight
	tt-cooc -b doc -c "$T/s" > "$T/all"
	run --separate-stderr tt-cooc -M -c "$T/c" "$T/all"
	assert_success
	[ "$(cut -f1 <<<"$output" | uniq | tr '\n' ' ')" = "#tt-cooc-counts c.txt a.txt b.txt \\#c.txt d.txt e.txt " ]
	assert_line $'c.txt\tn\t3'
	assert_line $'a.txt\tn\t3'
	assert_line $'a.txt\tv\ttt:eigen-kracht\t2'
	run --separate-stderr tt-cooc -M -c "$T/a" "$T/all" "$T/a"
	assert_success
	assert_line $'a.txt\tn\t9'
	assert_line $'a.txt\tv\ttt:eigen-kracht\t6'
	assert_line $'a.txt\tp\ttt:maatwerk\ttt:wijkteam\t3'
	assert_line $'e.txt\tn\t1'
	[ "$(grep -c $'^a\\.txt\tv' <<<"$output")" -eq 4 ]
	# names compared unescaped and written escaped as in the stream
	run --separate-stderr tt-cooc -M -c <<<$'#tt-cooc-counts\tv1\tfield=jargon\tunit=sent\tby=doc\n#x\tn\t2\n\\#x\tn\t3\n_\tn\t1'
	assert_success
	assert_output $'#tt-cooc-counts\tv1\tfield=jargon\tunit=sent\tby=doc\n\\#x\tn\t5\n_\tn\t1'
	# reading stdin
	run --separate-stderr bash -c 'tt-cooc -b doc -c "$1" | tt-cooc -M -m 1' _ "$T/s"
	assert_success
	[ "$output" = "$(tt-cooc -b doc -m 1 "$T/s")" ]
}

@test "--merge: by=doc and plain counts do not mix; bad rows by document with file:line" {
	T=$BATS_TEST_TMPDIR
	tt-cooc -b doc -c "$J" > "$T/by"
	tt-cooc -c "$J" > "$T/plain"
	run --separate-stderr tt-cooc -M "$T/by" "$T/plain"
	assert_failure 2
	[ "$stderr" = "tt-cooc: $T/plain:1: counts of field=jargon unit=sent cannot be merged with counts of field=jargon unit=sent by=doc ($T/by)" ]
	assert_output "$(tt-cooc -b doc "$J")"
	run --separate-stderr tt-cooc -M "$T/plain" "$T/by"
	assert_failure 2
	[ "$stderr" = "tt-cooc: $T/by:1: counts of field=jargon unit=sent by=doc cannot be merged with counts of field=jargon unit=sent ($T/plain)" ]
	assert_output "$(tt-cooc "$J")"
	run --separate-stderr tt-cooc -M -b doc "$T/plain"
	assert_failure 2
	[ "$stderr" = "tt-cooc: $T/plain:1: counts over all documents, not by document (made without --by doc)" ]
	assert_output "$BYHEAD"
	run --separate-stderr tt-cooc -M <<<$'#tt-cooc-counts\tv1\tfield=jargon\tunit=par\tby=doc\nd\tn\t2x\nd\tn\t2\nd\tv\ta\t1\nd\tp\ta\tb\t1\ne\tv\tb\t1\nd\tp\ta\tb\t1\nd\tq\t1\nn\t3\nd\tv\ta'
	assert_failure 2
	[ "$stderr" = "tt-cooc: <stdin>:2: not a count: '2x'
tt-cooc: <stdin>:5: a pair of values without their own counts in the document
tt-cooc: <stdin>:7: a pair of values without their own counts in the document
tt-cooc: <stdin>:8: not a counts row by document (DOC n, v or p)
tt-cooc: <stdin>:9: not a counts row by document (DOC n, v or p)
tt-cooc: <stdin>:10: not a counts row by document (DOC n, v or p)" ]
	run --separate-stderr tt-cooc -M -c <<<$'#tt-cooc-counts\tv1\tfield=jargon\tunit=par\tby=doc\nd\tn\t2x\nd\tn\t2\nd\tv\ta\t1\nd\tp\ta\tb\t1\ne\tv\tb\t1'
	assert_output $'#tt-cooc-counts\tv1\tfield=jargon\tunit=par\tby=doc\nd\tn\t2\nd\tv\ta\t1\ne\tn\t0\ne\tv\tb\t1'
}

@test "--by: usage errors" {
	run --separate-stderr tt-cooc --by par "$J"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-cooc: --by par: expected doc" ]
	run --separate-stderr tt-cooc -b doc -F dot "$J"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-cooc: --by doc and --format dot exclude each other" ]
	tt-cooc -b doc -c "$J" > "$BATS_TEST_TMPDIR/by"
	run --separate-stderr tt-cooc -M -F dot "$BATS_TEST_TMPDIR/by"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-cooc: --format dot: $BATS_TEST_TMPDIR/by holds counts by document (--by doc), which one graph cannot show" ]
	run --separate-stderr tt-cooc -b
	assert_failure 2
	[[ "$stderr" == *"usage: tt-cooc"* ]]
}

@test "--by doc: a full disk is an error with exit 2" {
	run --separate-stderr bash -c 'tt-cooc -b doc -m 1 "$1" > /dev/full' _ "$J"
	assert_failure 2
	[ "$stderr" = "tt-cooc: stdout: No space left on device" ]
}

@test "--help and the man page list the same options, and the same synopsis letters" {
	run --separate-stderr tt-cooc --help
	assert_success
	help_long=$(grep -o -- '--[a-z]*' <<<"$output" | sort -u)
	man_long=$(sed -n '/^\.SH OPTIONS/,/^\.SH OUTPUT/p' "$ROOT/filters/tt-cooc.1" |
	    grep -A1 '^\.TP' | grep -o '\\-\\-[a-z]*' | sed 's/\\-/-/g' | sort -u)
	[ "$help_long" = "$man_long" ] || { echo "help: $help_long"; echo "man: $man_long"; false; }
	[[ "$help_long" == *--by* ]]
	help_short=$(sed -n '1,/^Co-occurrence/p' <<<"$output" | grep -o -- '\[-[a-zA-Z]' | sort -u)
	man_short=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$ROOT/filters/tt-cooc.1" |
	    grep -o '^\.RB \[ \\-[a-zA-Z]' | sed 's/^\.RB \[ \\-/[-/' | sort -u)
	[ "$help_short" = "$man_short" ] || { echo "help: $help_short"; echo "man: $man_short"; false; }
	[[ "$help_short" == *'[-b'* ]]
	assert_line --index 1 '               [-t TYPES] [-l LEXICON] [-F tsv|dot] [-b doc] [-c] [FILE ...]'
	assert_line '  -b, --by doc         one table (or counts) per document, in the order of'
}
