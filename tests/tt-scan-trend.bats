#!/usr/bin/env bats
# tt-scan --trend: the ledger summarised per month, year or folder from the
# counts the scan keeps; --dates, torn and foreign ledgers, --plot.

load helper

# One real scan for the whole file: three documents in two folders and an
# empty file, with the fixture lexicons (every weight 1).
setup_file() {
	local d=$BATS_FILE_TMPDIR
	mkdir -p "$d/src/a" "$d/src/b"
	cp "$FIX/pipelines/nota.txt" "$FIX/pipelines/gesprek.vtt" "$d/src/a/"
	cp "$FIX/pipelines/brief.html" "$d/src/b/"
	: > "$d/src/b/leeg.txt"
	(cd "$d" && tt-scan -q -l "$FIX/pipelines/jargon.tsv" \
	    -s "$FIX/pipelines/score.tsv" --state scanned src) 2>/dev/null
}

setup() {
	T=$BATS_TEST_TMPDIR
	S=$T/state
	cp -R "$BATS_FILE_TMPDIR/scanned" "$S"
	H_NOTA=$(sha256sum < "$FIX/pipelines/nota.txt" | cut -d' ' -f1)
	H_GESPREK=$(sha256sum < "$FIX/pipelines/gesprek.vtt" | cut -d' ' -f1)
	H_BRIEF=$(sha256sum < "$FIX/pipelines/brief.html" | cut -d' ' -f1)
	cd "$BATS_FILE_TMPDIR"
}

# The counts behind the expected figures, from the documents' results:
#   nota     40 words  8 hits  bestuurlijk F 2 I 1  register F 2 I 0
#   gesprek  32 words  5 hits  bestuurlijk F 1 I 2  register F 1 I 3
#   brief    23 words  2 hits  bestuurlijk F 0 I 2  register F 0 I 3
# (leeg.txt is in the ledger as "empty" and counts nowhere.)
HEAD=$'documents\twords\thits\tper_1000\tbestuurlijk\tregister'

# retime PATH TIME: sets the first-seen time of PATH's ledger row (the
# ledger holds absolute paths; PATH is relative to the scanned tree).
retime() {
	awk -F '\t' -v OFS='\t' -v p="$BATS_FILE_TMPDIR/$1" -v t="$2" '$2 == p { $1 = t } { print }' \
	    "$S/ledger.tsv" > "$T/ledger.new"
	mv "$T/ledger.new" "$S/ledger.tsv"
}

# The first-seen times used by the grouping tests.
spread() {
	retime src/a/nota.txt 2024-12-31T23:59:59Z
	retime src/a/gesprek.vtt 2025-01-01T00:00:00Z
	retime src/b/brief.html 2025-01-20T10:00:00Z
	retime src/b/leeg.txt 2025-02-03T08:00:00Z
}

# fake_doc STATE HASH WORDS HITS BF BI RF RI: results as tt-analyse keeps
# them, for a hand-made ledger.
fake_doc() {
	local r=$1/results/$2
	mkdir -p "$r"
	printf '#doc\tspeaker\twords\thits\tper_1000\tbestuurlijk\tregister\ttop\n' > "$r/summary.tsv"
	printf 'x\t_\t%s\t%s\t0\t0\t0\t_\n_\t_\t%s\t%s\t0\t0\t0\t_\n' "$3" "$4" "$3" "$4" >> "$r/summary.tsv"
	printf '#doc\ttokens\tbestuurlijk/formeel\tbestuurlijk/informeel\tregister/formeel\tregister/informeel\tbestuurlijk/formeel/1000\tbestuurlijk/informeel/1000\tregister/formeel/1000\tregister/informeel/1000\tbestuurlijk\tregister\n' > "$r/score.tsv"
	printf '_\t%s\t%s\t%s\t%s\t%s\t0\t0\t0\t0\t0\t0\n' "$3" "$5" "$6" "$7" "$8" >> "$r/score.tsv"
}

# trend ARGS...: tt-scan --trend with the scanned tree's absolute prefix
# taken off the output, so that the tables read as the tree does.
trend() {
	local rc=0
	tt-scan --trend "$@" > "$T/trend.out" || rc=$?
	sed "s|$BATS_FILE_TMPDIR/||g" "$T/trend.out"
	return "$rc"
}

hexhash() {
	printf '%064d' "$1"
}

@test "--help shows --trend; --by, --dates, --plot without --trend are usage errors" {
	run --separate-stderr tt-scan --help
	assert_success
	assert_line --partial 'tt-scan --trend [--by month|year|folder] [--dates FILE]'
	assert_line --partial '--plot FILE'
	run --separate-stderr tt-scan --state "$S" --by month src
	assert_failure 2
	[[ "$stderr" == "tt-scan: --by: only with --trend"$'\n'"usage: tt-scan "* ]]
	run --separate-stderr tt-scan --state "$S" --dates=d.tsv src
	assert_failure 2
	[[ "$stderr" == "tt-scan: --dates: only with --trend"$'\n'* ]]
	run --separate-stderr tt-scan --state "$S" --plot t.svg src
	assert_failure 2
	[[ "$stderr" == "tt-scan: --plot: only with --trend"$'\n'* ]]
	run --separate-stderr tt-scan --trend --by week --state "$S"
	assert_failure 2
	[[ "$stderr" == "tt-scan: --by: expected month, year or folder: week"$'\n'* ]]
	run --separate-stderr tt-scan --trend --plot t.pdf --state "$S"
	assert_failure 2
	[[ "$stderr" == "tt-scan: --plot: the file name must end in .svg or .png: t.pdf"$'\n'* ]]
	run --separate-stderr tt-scan --trend --state "$S" src
	assert_failure 2
	[[ "$stderr" == "tt-scan: --trend: no SOURCE is read, only the ledger: src"$'\n'* ]]
	run --separate-stderr tt-scan --trend --alert 10 --state "$S"
	assert_failure 2
	[[ "$stderr" == "tt-scan: --alert: not with --trend (it analyses nothing)"$'\n'* ]]
	run --separate-stderr tt-scan --trend --by folder --dates d.tsv --state "$S"
	assert_failure 2
	[[ "$stderr" == "tt-scan: --dates: no use with --by folder"$'\n'* ]]
	[ -z "$output" ]
}

@test "the man page documents --trend in its own subsection and renders cleanly" {
	run --separate-stderr groff -man -ww -z "$ROOT/pipelines/tt-scan.1"
	assert_success
	[ -z "$stderr" ]
	grep -q '^\.SS Trends' "$ROOT/pipelines/tt-scan.1"
	grep -q 'keep their first-seen time' "$ROOT/pipelines/tt-scan.1"
}

@test "by month (the default): sums, not averages; empty files count nowhere" {
	spread
	run --separate-stderr trend --state "$S"
	assert_success
	[ -z "$stderr" ]
	# 2025-01: (5 + 2) hits / (32 + 23) words = 127.27 (the mean of the
	# two rates would be 121.6); bestuurlijk (1 - 4) / 5, register (1 - 6) / 7
	assert_output "#month	$HEAD
2024-12	1	40	8	200.0	0.333	1
2025-01	2	55	7	127.3	-0.6	-0.714"
}

@test "by year, and --by=year" {
	spread
	retime src/a/gesprek.vtt 2024-06-01T00:00:00Z
	run --separate-stderr trend --by=year --state "$S"
	assert_success
	[ -z "$stderr" ]
	# 2024: 13 hits / 72 words = 180.56; 2025: brief alone
	assert_output "#year	$HEAD
2024	2	72	13	180.6	0	0
2025	1	23	2	87.0	-1	-1"
}

@test "by folder: the whole scan, every document once" {
	run --separate-stderr trend --by folder --state "$S"
	assert_success
	[ -z "$stderr" ]
	assert_output "#folder	$HEAD
src/a	2	72	13	180.6	0	0
src/b	1	23	2	87.0	-1	-1"
}

@test "one period over all: 15 hits in 95 words is 157.9, balances from summed markers" {
	run --separate-stderr trend --by year --state "$S"
	assert_success
	# bestuurlijk (3 - 5) / 8, register (3 - 6) / 9
	assert_output "#year	$HEAD
$(date -u +%Y)	3	95	15	157.9	-0.25	-0.333"
}

@test "--dates: every accepted form, by path or hash; a hash beats a path; the rest keep first-seen" {
	spread
	printf '\357\273\277# path or hash\tdate\r\n' > "$T/dates.tsv"
	printf 'src/a/nota.txt\t2019\r\n' >> "$T/dates.tsv"
	printf '\n' >> "$T/dates.tsv"
	printf 'src/a/gesprek.vtt\t2001-01-01\n' >> "$T/dates.tsv"
	printf '%s\t2019-03-04T23:30:00+01:00\tcolumns after the date are ignored\n' "${H_GESPREK^^}" >> "$T/dates.tsv"
	printf 'src/niet/gescand.txt\t1999-12\n' >> "$T/dates.tsv"
	run --separate-stderr trend --dates "$T/dates.tsv" --state "$S"
	assert_success
	[ -z "$stderr" ]
	# nota is dated by year only: a period of its own in a month table;
	# brief has no date and keeps its first-seen time (2025-01)
	assert_output "#month	$HEAD
2019	1	40	8	200.0	0.333	1
2019-03	1	32	5	156.2	-0.333	-0.5
2025-01	1	23	2	87.0	-1	-1"
	printf 'src/b/brief.html\t2019-03-31\n' >> "$T/dates.tsv"
	run --separate-stderr trend --by year --dates "$T/dates.tsv" --state "$S"
	assert_success
	assert_output "#year	$HEAD
2019	3	95	15	157.9	-0.25	-0.333"
}

@test "--dates: every bad line is reported as file:line, exit 2 and no table" {
	{
		printf 'src/a/nota.txt\t2019-13\n'
		printf 'src/a/nota.txt\t2019-02-29\n'
		printf 'src/a/nota.txt\t2020-02-29\n'
		printf 'src/b/brief.html\n'
		printf 'src/b/brief.html\t2020-02-29T24:00Z\n'
		printf '%s\t2020-02-29T12:00:00Z\n' "$H_BRIEF"
		printf 'src/a/nota.txt\t2021\n'
		printf 'src/a/gesprek.vtt\tmaart 2020\n'
	} > "$T/dates.tsv"
	run --separate-stderr trend --dates "$T/dates.tsv" --state "$S"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-scan: $T/dates.tsv:1: not a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO time): 2019-13
tt-scan: $T/dates.tsv:2: not a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO time): 2019-02-29
tt-scan: $T/dates.tsv:4: expected a path or hash, a TAB and a date
tt-scan: $T/dates.tsv:5: not a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO time): 2020-02-29T24:00Z
tt-scan: $T/dates.tsv:7: src/a/nota.txt: dated 2020-02-29 on line 3 already
tt-scan: $T/dates.tsv:8: not a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO time): maart 2020" ]
	run --separate-stderr trend --dates "$T/geen.tsv" --state "$S"
	assert_failure 2
	[ "$stderr" = "tt-scan: $T/geen.tsv: cannot read it" ]
}

@test "a torn last line (no newline) is left out, even when it looks complete" {
	grep -v brief "$S/ledger.tsv" > "$T/ledger"
	grep brief "$S/ledger.tsv" | tr -d '\n' >> "$T/ledger"
	cp "$T/ledger" "$S/ledger.tsv"
	run --separate-stderr trend --by folder --state "$S"
	assert_success
	[ -z "$stderr" ]
	assert_output "#folder	$HEAD
src/a	2	72	13	180.6	0	0"
	printf '\n' >> "$S/ledger.tsv"
	run --separate-stderr trend --by folder --state "$S"
	assert_success
	assert_line --index 2 $'src/b\t1\t23\t2\t87.0\t-1\t-1'
}

@test "a v2 ledger: columns found by name, absolute paths, relative --dates paths" {
	L=$T/v2
	mkdir -p "$L"
	{
		printf '#tt-scan-ledger\tv2\n'
		printf '#time\thash\tlexicon\tpath\tstatus\twords\tper_1000\tbalances\ttop\textra\n'
		printf '2025-05-01T09:00:00Z\t%s\tabc\t%s\tok\t_\t_\t_\t_\tx\n' "$(hexhash 1)" "$T/docs/a.txt"
		printf '2025-05-02T09:00:00Z\t%s\tabc\t%s\tok\t_\t_\t_\t_\tx\n' "$(hexhash 2)" "$T/docs/b.txt"
		printf '2025-05-03T09:00:00Z\t%s\tabc\t%s\tskipped\t_\t_\t_\t_\tx\n' "$(hexhash 3)" "$T/docs/c.pdf"
		printf '2025-05-04T09:00:00Z\t%s\tabc\t%s\tfailed\t_\t_\t_\t_\tx\n' "$(hexhash 4)" "$T/docs/d.txt"
	} > "$L/ledger.tsv"
	# (17 - 15) / 32 = 0.0625 and its opposite: rounded away from zero
	fake_doc "$L" "$(hexhash 1)" 1000 33 17 15 15 17
	fake_doc "$L" "$(hexhash 2)" 3000 1 0 0 0 0
	printf 'docs/./sub/../b.txt\t2024-11\n' > "$T/dates.tsv"
	cd "$T"
	run --separate-stderr tt-scan --trend --dates dates.tsv --state "$L"
	assert_success
	[ -z "$stderr" ]
	assert_output "#month	$HEAD
2024-11	1	3000	1	0.3	_	_
2025-05	1	1000	33	33.0	0.063	-0.063"
}

@test "a foreign or broken ledger, a short row, missing results: file:line, exit 2" {
	L=$T/v9
	mkdir -p "$L"
	printf '#tt-scan-ledger\tv9\n#time\tpath\thash\tstatus\n' > "$L/ledger.tsv"
	run --separate-stderr tt-scan --trend --state "$L"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-scan: $L/ledger.tsv:1: ledger version 'v9' is not one this tt-scan reads (v1, v2)" ]
	printf 'time\tpath\n' > "$L/ledger.tsv"
	run --separate-stderr tt-scan --trend --state "$L"
	assert_failure 2
	[ "$stderr" = "tt-scan: $L/ledger.tsv:1: not a tt-scan ledger (first line is not '#tt-scan-ledger<TAB>v1')" ]
	printf '#tt-scan-ledger\tv1\n#time\tpath\tstatus\n' > "$L/ledger.tsv"
	run --separate-stderr tt-scan --trend --state "$L"
	assert_failure 2
	[ "$stderr" = "tt-scan: $L/ledger.tsv:2: the header lacks one of the columns time, path, hash, status" ]
	# A short row and a row whose results are gone: left out, said, exit 2,
	# the rest still counted.
	sed -i '4s/\t[^\t]*$//' "$S/ledger.tsv"
	rm -r "$S/results/$H_BRIEF"
	run --separate-stderr trend --by folder --state "$S"
	assert_failure 2
	[ "$stderr" = "tt-scan: $S/ledger.tsv:4: 8 fields, expected 9; row left out
tt-scan: $S/results/$H_BRIEF/summary.tsv: missing or damaged; $BATS_FILE_TMPDIR/src/b/brief.html left out" ]
	[ "$(sed -n 4p "$S/ledger.tsv" | cut -f2)" = "$BATS_FILE_TMPDIR/src/a/nota.txt" ]
	assert_output "#folder	$HEAD
src/a	1	32	5	156.2	-0.333	-0.5"
}

@test "no ledger is an error, and --trend creates, locks and changes nothing" {
	run --separate-stderr tt-scan --trend --state "$T/nieuw"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-scan: $T/nieuw/ledger.tsv: no ledger (run tt-scan --state DIR SOURCE... first)" ]
	[ ! -e "$T/nieuw" ]
	rm -f "$S/lock"
	(cd "$S" && find . -exec stat -c '%n %s %Y' {} + | LC_ALL=C sort) > "$T/before"
	run --separate-stderr trend --state "$S"
	assert_success
	(cd "$S" && find . -exec stat -c '%n %s %Y' {} + | LC_ALL=C sort) > "$T/after"
	cmp "$T/before" "$T/after"
	# a scan holding the lock does not stop a trend
	run --separate-stderr flock "$S/lock" tt-scan --trend --by folder --state "$S"
	assert_success
	assert_line --index 1 "$BATS_FILE_TMPDIR/src/a"$'\t2\t72\t13\t180.6\t0\t0'
}

@test "--plot FILE.svg: a valid SVG of the months; .png by its magic; bars per folder" {
	spread
	run --separate-stderr trend --plot "$T/trend.svg" --state "$S"
	assert_success
	assert_line --index 0 "#month	$HEAD"
	xmllint --noout "$T/trend.svg"
	grep -q 'Jargon hits per 1,000 words, per month' "$T/trend.svg"
	grep -q '2025-01' "$T/trend.svg"
	run --separate-stderr trend --by year --plot "$T/trend.PNG" --state "$S"
	assert_success
	[ "$(head -c 8 "$T/trend.PNG" | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ]
	# a period of a year alone is in the table, not on a time axis by month
	printf 'src/a/nota.txt\t2019\n' > "$T/dates.tsv"
	run --separate-stderr trend --dates "$T/dates.tsv" --plot "$T/jaar.svg" --state "$S"
	assert_success
	assert_line --index 1 $'2019\t1\t40\t8\t200.0\t0.333\t1'
	xmllint --noout "$T/jaar.svg"
	grep -q '2025-01' "$T/jaar.svg"
	no_match -q '>2019' "$T/jaar.svg"
	cd "$T"
	mkdir -p "src/b&<c>"
	cp "$FIX/pipelines/notulen.srt" "src/b&<c>/"
	tt-scan -q -l "$FIX/pipelines/jargon.tsv" -s "$FIX/pipelines/score.tsv" --state "$S" src
	run --separate-stderr trend --by folder --plot "$T/folders.svg" --state "$S"
	assert_success
	assert_line --index 3 "$T/src/b&<c>"$'\t1\t23\t4\t173.9\t1\t_'
	xmllint --noout "$T/folders.svg"
	grep -qF "$T/src/b&amp;&lt;c><" "$T/folders.svg"
	[ -z "$(find "$T" -name '.tt-scan-plot.*')" ]
}

@test "--plot with nothing to draw, or into a missing folder: exit 2, no file" {
	printf '#tt-scan-ledger\tv1\n#time\tpath\thash\tstatus\twords\tper_1000\tbalances\ttop\n' > "$S/ledger.tsv"
	run --separate-stderr trend --plot "$T/leeg.svg" --state "$S"
	assert_failure 2
	assert_output "#month	documents	words	hits	per_1000"
	[ "$stderr" = "tt-scan: $T/leeg.svg: nothing to plot (no documents with words)" ]
	[ ! -e "$T/leeg.svg" ]
	cp "$BATS_FILE_TMPDIR/scanned/ledger.tsv" "$S/ledger.tsv"
	run --separate-stderr trend --plot "$T/geen/map.svg" --state "$S"
	assert_failure 2
	[ "$stderr" = "tt-scan: $T/geen: cannot write the chart there" ]
}

@test "a full stdout is an error; the output is the same under a Dutch locale" {
	run --separate-stderr bash -c 'tt-scan --trend --state "$1" > /dev/full' _ "$S"
	assert_failure 2
	[ "$stderr" = "tt-scan: stdout: No space left on device" ]
	run --separate-stderr env LC_ALL=C tt-scan --trend --by folder --state "$S"
	c=$output
	run --separate-stderr env LC_ALL=nl_NL.UTF-8 LANG=nl_NL.UTF-8 tt-scan --trend --by folder --state "$S"
	assert_success
	[ "$output" = "$c" ]
	assert_line --index 1 "$BATS_FILE_TMPDIR/src/a"$'\t2\t72\t13\t180.6\t0\t0'
}

@test "weighted markers: a period of one document has that document's balance from the ledger" {
	# the fixture lexicon with weights other than 1
	awk -F '\t' -v OFS='\t' 'NR > 1 { $6 = (NR % 2 ? 2 : 0.5) } { print }' \
	    "$FIX/pipelines/score.tsv" > "$T/gewogen.tsv"
	tt-scan -q -l "$FIX/pipelines/jargon.tsv" -s "$T/gewogen.tsv" --state "$T/w" \
	    "$BATS_FILE_TMPDIR/src/a/nota.txt"
	run --separate-stderr tt-scan --trend --state "$T/w"
	assert_success
	balances=$(grep -v '^#' "$T/w/ledger.tsv" | cut -f7)
	want=$(tr ',' '\n' <<<"$balances" | cut -d= -f2 | paste -s -d '\t')
	[ "$(sed -n 2p <<<"$output" | cut -f6-)" = "$want" ]
	# and it is not the unweighted figure
	[ "$want" != $'0.333\t1' ]
}
