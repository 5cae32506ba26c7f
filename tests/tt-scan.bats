#!/usr/bin/env bats
# tt-scan: incremental runs by content hash, the ledger, the lock, crash
# safety under kill -9, bad input in the scanned folder, a full disk.

load helper

setup() {
	T=$BATS_TEST_TMPDIR
	S=$T/state
	mkdir "$T/src"
	cp "$FIX/pipelines/nota.txt" "$T/src/nota.txt"
	cp "$FIX/pipelines/gesprek.vtt" "$T/src/gesprek.vtt"
	cp "$FIX/pipelines/brief.html" "$T/src/brief.html"
}

teardown() {
	if [ -n "${M:-}" ] && mountpoint -q "$M"; then
		umount "$M"
	fi
	if [ -n "${U:-}" ]; then
		rm -rf -- "$U"
	fi
}

scan() {
	tt-scan -l "$FIX/pipelines/jargon.tsv" -s "$FIX/pipelines/score.tsv" "$@"
}

MAGIC=$'#tt-scan-ledger\tv2'
HEADER=$'#time\tpath\thash\tstatus\twords\tper_1000\tbalances\ttop\tlexicon'

# rows STATE: the ledger rows without the time and lexicon columns, sorted.
rows() {
	grep -v '^#' "$1/ledger.tsv" | cut -f2-8 | LC_ALL=C sort
}

# consistent STATE N: the ledger has its two header lines and N rows, every
# hash once, results for every hash, no temporary files left.
consistent() {
	[ "$(sed -n 1p "$1/ledger.tsv")" = "$MAGIC" ] || { echo "magic"; return 1; }
	[ "$(sed -n 2p "$1/ledger.tsv")" = "$HEADER" ] || { echo "header"; return 1; }
	local n dup h
	n=$(grep -vc '^#' "$1/ledger.tsv" || :)
	[ "$n" -eq "$2" ] || { echo "rows: $n, expected $2"; cat "$1/ledger.tsv"; return 1; }
	dup=$(grep -v '^#' "$1/ledger.tsv" | cut -f3 | LC_ALL=C sort | uniq -d)
	[ -z "$dup" ] || { echo "duplicate: $dup"; return 1; }
	for h in $(grep -v '^#' "$1/ledger.tsv" | cut -f3); do
		[ -f "$1/results/$h/summary.tsv" ] || { echo "no results for $h"; return 1; }
	done
	[ -z "$(find "$1" -name '.tmp*' -o -name '.ledger.tmp*' -o -name '.work*')" ] ||
	    { echo "leftovers"; find "$1"; return 1; }
}

hash_of() {
	sha256sum < "$1" | cut -d' ' -f1
}

# fault NAME PATTERN K [half]: puts a NAME earlier on PATH that runs the
# real one, except that on its K-th call whose arguments match PATTERN (a
# shell glob) it kills its whole process group with SIGKILL, as a power
# cut would (after writing the first half of its file operand, with
# "half": a torn write). The scan is started by setsid, so the group is
# the scan and its children only.
fault() {
	local real
	real=$(command -v "$1")
	mkdir -p "$T/bin"
	rm -f "$T/fault.count"
	cat > "$T/bin/$1" <<SH
#!/bin/sh
case "\$*" in
$2)
	n=\$((\$(cat "$T/fault.count" 2>/dev/null || echo 0) + 1))
	echo "\$n" > "$T/fault.count"
	if [ "\$n" -eq $3 ]; then
		if [ "$4" = half ]; then
			for f; do :; done
			head -c \$((\$(wc -c < "\$f") / 2)) "\$f"
		fi
		kill -9 0
	fi ;;
esac
exec "$real" "\$@"
SH
	chmod +x "$T/bin/$1"
}

# fake_normalise SHELL-LINE: a filter directory for TT_BIN in $T/bin, the
# real filters but a tt-normalise that runs SHELL-LINE first.
fake_normalise() {
	local f
	mkdir -p "$T/bin"
	for f in "$ROOT/bin"/tt-*; do
		ln -sf "$f" "$T/bin/"
	done
	rm -f "$T/bin/tt-normalise"
	printf '#!/bin/sh\n%s\nexec "%s" "$@"\n' "$1" "$ROOT/bin/tt-normalise" > "$T/bin/tt-normalise"
	chmod +x "$T/bin/tt-normalise"
}

# faulty_scan ARGS...: tt-scan -j 1 in its own process group, with the
# fault programs of $T/bin first on PATH.
faulty_scan() {
	PATH=$T/bin:$PATH setsid -w tt-scan -j 1 -q -l "$FIX/pipelines/jargon.tsv" \
	    -s "$FIX/pipelines/score.tsv" "$@"
}


@test "--help, and bad usage: exit 2" {
	run --separate-stderr tt-scan --help
	assert_success
	[[ "${lines[0]}" == "usage: tt-scan "* ]]
	run --separate-stderr tt-scan "$T/src"
	assert_failure 2
	[[ "$stderr" == "tt-scan: --state DIR is required"$'\n'"usage: tt-scan "* ]]
	run --separate-stderr tt-scan --state "$S"
	assert_failure 2
	[[ "$stderr" == "tt-scan: no SOURCE given"$'\n'* ]]
	run --separate-stderr tt-scan --state "$S" --alert many "$T/src"
	assert_failure 2
	[[ "$stderr" == "tt-scan: --alert: not a number: many"$'\n'* ]]
	run --separate-stderr tt-scan --state "$S" -j0 "$T/src"
	assert_failure 2
	[[ "$stderr" == "tt-scan: -j: not a positive number: 0"$'\n'* ]]
	run --separate-stderr tt-scan --state "$S" --alert-min-words=x "$T/src"
	assert_failure 2
	[[ "$stderr" == "tt-scan: --alert-min-words: not a number: x"$'\n'* ]]
	run --separate-stderr tt-scan --state "$S" -q -v "$T/src"
	assert_failure 2
	[[ "$stderr" == "tt-scan: -q and -v exclude each other"$'\n'* ]]
	[ ! -e "$S" ]
}

@test "the man page renders without warnings and has a crontab example" {
	run --separate-stderr groff -man -ww -z "$ROOT/pipelines/tt-scan.1"
	assert_success
	[ -z "$stderr" ]
	grep -q 'crontab' "$ROOT/pipelines/tt-scan.1"
}

@test "a first run analyses every document: one ledger row each, results beside it" {
	run --separate-stderr scan --state "$S" "$T/src"
	assert_success
	[ -z "$stderr" ]
	assert_output "3 files: 3 new, 0 changed, 0 known; 0 empty, 0 skipped, 0 failed"
	consistent "$S" 3
	h=$(hash_of "$T/src/nota.txt")
	run bash -c "grep -v '^#' '$S/ledger.tsv' | cut -f2-6,8 | grep nota"
	assert_output "$T/src/nota.txt"$'\t'"$h"$'\tok\t40\t200.0\twijkteam=3,eigen kracht=2,maatwerk=1,mantelzorger=1,zelfredzaamheid=1'
	[[ "$(grep nota "$S/ledger.tsv" | cut -f7)" == bestuurlijk=*,register=* ]]
	[[ "$(grep nota "$S/ledger.tsv" | cut -f1)" =~ ^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-9:]{8}Z$ ]]
	[[ "$(grep nota "$S/ledger.tsv" | cut -f9)" =~ ^[0-9a-f]{12}$ ]]
	[ "$(cut -f1-5 "$S/results/$h/summary.tsv" | sed -n 2p)" = "$T/src/nota.txt"$'\t_\t40\t8\t200.0' ]
	[ -f "$S/results/$h/terms.tsv" ] && [ -f "$S/results/$h/cooc-counts.tsv" ]
}

@test "-v: a line per new document; paths are stored absolute" {
	cd "$T"
	run --separate-stderr scan --state state -v src
	assert_success
	[ -z "$stderr" ]
	assert_output "new: $T/src/brief.html: 23 words, 87.0 jargon hits per 1,000 words
new: $T/src/gesprek.vtt: 32 words, 156.2 jargon hits per 1,000 words
new: $T/src/nota.txt: 40 words, 200.0 jargon hits per 1,000 words
3 files: 3 new, 0 changed, 0 known; 0 empty, 0 skipped, 0 failed"
	[ "$(grep -v '^#' "$S/ledger.tsv" | cut -f2 | head -n 1)" = "$T/src/brief.html" ]
}

@test "every table and ledger row is the same with -j 1, -j 2 and -j 3" {
	for i in 1 2 3 4 5 6 7; do
		sed "s/wijkteam/wijkteam $i/" "$FIX/pipelines/nota.txt" > "$T/src/n$i.txt"
	done
	for j in 1 2 3; do
		run --separate-stderr scan --state "$T/s$j" -q -j "$j" "$T/src"
		assert_success
		consistent "$T/s$j" 10
		rows "$T/s$j" > "$T/rows$j"
	done
	cmp "$T/rows1" "$T/rows2"
	cmp "$T/rows1" "$T/rows3"
	diff -r "$T/s1/results" "$T/s2/results"
	diff -r "$T/s1/results" "$T/s3/results"
	# and in the same order, not only the same rows
	[ "$(grep -v '^#' "$T/s1/ledger.tsv" | cut -f2)" = "$(grep -v '^#' "$T/s3/ledger.tsv" | cut -f2)" ]
}

@test "a rerun does nothing new; the ledger is unchanged byte for byte" {
	scan --state "$S" "$T/src"
	cp "$S/ledger.tsv" "$T/before"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_success
	assert_output "3 files: 0 new, 0 changed, 3 known; 0 empty, 0 skipped, 0 failed"
	[ -z "$stderr" ]
	cmp "$T/before" "$S/ledger.tsv"
	run --separate-stderr scan --state "$S" -q "$T/src"
	assert_success
	assert_output ''
}

@test "a new file adds one row; a renamed, copied or touched file adds none" {
	scan --state "$S" "$T/src"
	cp "$FIX/pipelines/notulen.srt" "$T/src/"
	run --separate-stderr scan --state "$S" -v "$T/src"
	assert_success
	assert_output "new: $T/src/notulen.srt: 23 words, 173.9 jargon hits per 1,000 words
4 files: 1 new, 0 changed, 3 known; 0 empty, 0 skipped, 0 failed"
	consistent "$S" 4
	mv "$T/src/nota.txt" "$T/src/nota-hernoemd.txt"
	cp "$T/src/brief.html" "$T/src/kopie.html"
	touch -d '2030-01-01' "$T/src/gesprek.vtt"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_success
	assert_output "5 files: 0 new, 0 changed, 5 known; 0 empty, 0 skipped, 0 failed"
	consistent "$S" 4
}

@test "a changed file is a new document: a second row for its path" {
	scan --state "$S" "$T/src"
	echo "Het wijkteam biedt ook maatwerk." >> "$T/src/nota.txt"
	run --separate-stderr scan --state "$S" -v "$T/src"
	assert_success
	assert_output "changed: $T/src/nota.txt: 45 words, 222.2 jargon hits per 1,000 words
3 files: 0 new, 1 changed, 2 known; 0 empty, 0 skipped, 0 failed"
	consistent "$S" 4
	[ "$(grep -c "	$T/src/nota.txt	" "$S/ledger.tsv")" -eq 2 ]
}

@test "--alert N: exit 1 and an alert line per new dense document, once" {
	run --separate-stderr scan --state "$S" --alert 150 -m 0 -q "$T/src"
	assert_failure 1
	assert_output "ALERT: $T/src/gesprek.vtt: 156.2 jargon hits per 1,000 words (more than 150)
ALERT: $T/src/nota.txt: 200.0 jargon hits per 1,000 words (more than 150)"
	[ -z "$stderr" ]
	run --separate-stderr scan --state "$S" --alert 150 -m 0 -q "$T/src"
	assert_success
	assert_output ''
	run --separate-stderr scan --state "$T/other" --alert 500 -m 0 -q "$T/src"
	assert_success
	assert_output ''
}

@test "--alert-min-words: short documents do not alert (default 200 words)" {
	run --separate-stderr scan --state "$S" --alert 150 -q "$T/src"
	assert_success
	assert_output ''
	run --separate-stderr scan --state "$T/s2" --alert 150 -m 40 -q "$T/src"
	assert_failure 1
	assert_output "ALERT: $T/src/nota.txt: 200.0 jargon hits per 1,000 words (more than 150)"
}

@test "an alert and a new error at once: exit 3, and each is reported" {
	printf 'a\0b' > "$T/src/data.txt"
	run --separate-stderr scan --state "$S" --alert 150 -m 0 "$T/src"
	assert_failure 3
	[ "$stderr" = "tt-analyse: $T/src/data.txt: binary file, skipped (convert it to text first)" ]
	assert_output "ALERT: $T/src/gesprek.vtt: 156.2 jargon hits per 1,000 words (more than 150)
ALERT: $T/src/nota.txt: 200.0 jargon hits per 1,000 words (more than 150)
4 files: 4 new, 0 changed, 0 known; 0 empty, 1 skipped, 0 failed"
}

@test "kill -9 at every step of a batch's commit, then a rerun: every document exactly once" {
	# name, argument pattern, which matching call
	for point in "sha256sum|*-z*|1" "sha256sum|*-z*|2" "sync|-f*|1" \
	    "mv|-f -t *|1" "sync|-f*|2" \
	    "cat|*.rows|1|half" "cat|*.rows|1" "sync|*ledger.tsv|1"; do
		IFS='|' read -r name pattern k half <<<"$point"
		rm -rf "$S" "$T/bin"
		fault "$name" "$pattern" "$k" "$half"
		run --separate-stderr faulty_scan --state "$S" "$T/src"
		[ "$status" -ne 0 ] || { echo "$point: not killed"; return 1; }
		rm -rf "$T/bin"
		run --separate-stderr scan --state "$S" "$T/src"
		assert_success
		if [ "$half" = half ]; then
			[ "$stderr" = "tt-scan: $S/ledger.tsv: its last line was torn (a run was stopped while writing it): dropped; its document is committed again from results/" ] ||
			    { echo "$point: $stderr"; return 1; }
		else
			[ -z "$stderr" ] || { echo "$point: $stderr"; return 1; }
		fi
		consistent "$S" 3 || { echo "after a kill at $point"; return 1; }
		run --separate-stderr scan --state "$S" -q "$T/src"
		assert_output ''
		consistent "$S" 3
	done
}

@test "kill -9 at random moments, many times over: nothing lost, nothing twice" {
	for i in 1 2 3 4 5 6 7 8; do
		cp "$FIX/pipelines/nota.txt" "$T/src/n$i.txt"
		echo "Regel $i over het wijkteam." >> "$T/src/n$i.txt"
	done
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		setsid bash -c 'exec "$@"' _ tt-scan -q -j 2 -l "$FIX/pipelines/jargon.tsv" \
		    -s "$FIX/pipelines/score.tsv" --wait 10 --state "$S" "$T/src" \
		    >/dev/null 2>&1 &
		pid=$!
		sleep "0.$((RANDOM % 9 + 1))"
		kill -9 -- "-$pid" 2>/dev/null || :
		wait "$pid" || :
		[ ! -e "$S/ledger.tsv" ] || [ "$(sed -n 1p "$S/ledger.tsv")" = "$MAGIC" ]
		[ ! -e "$S/ledger.tsv" ] || [ "$(sed -n 2p "$S/ledger.tsv")" = "$HEADER" ]
	done
	run --separate-stderr scan --state "$S" -q --wait 10 "$T/src"
	assert_success
	consistent "$S" 11
}

@test "a second run while one holds the lock: a clear message, exit 2; --wait waits" {
	mkdir -p "$S"
	flock "$S/lock" sleep 2 &
	# until the lock is taken (on a busy machine that can take a while)
	for i in $(seq 100); do
		flock -n "$S/lock" true || break
		sleep 0.05
	done
	run --separate-stderr scan --state "$S" "$T/src"
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-scan: $S: another tt-scan is running on this state directory; nothing done (try again later, or use --wait SECONDS)" ]
	run --separate-stderr scan --state "$S" -q --wait 20 "$T/src"
	assert_success
	consistent "$S" 3
	wait
}

@test "two runs started at once: one does the work, the other waits; each document once" {
	scan --state "$S" -q --wait 30 "$T/src" > "$T/out1" 2>&1 &
	scan --state "$S" -q --wait 30 "$T/src" > "$T/out2" 2>&1 &
	wait %1
	wait %2
	[ ! -s "$T/out1" ] && [ ! -s "$T/out2" ]
	consistent "$S" 3
}

@test "a ledger of another version or another program: a clear message, exit 2" {
	mkdir -p "$S"
	printf '#tt-scan-ledger\tv0\n#time\tpath\n' > "$S/ledger.tsv"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-scan: $S/ledger.tsv: ledger version 'v0' is not one this tt-scan reads (v1, v2); move it aside to start a new ledger" ]
	printf 'time,path\n' > "$S/ledger.tsv"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-scan: $S/ledger.tsv: not a tt-scan ledger (first line is not '#tt-scan-ledger<TAB>v2'); move it aside to start a new ledger" ]
	[ "$(cat "$S/ledger.tsv")" = "time,path" ]
	printf '%s\n#time\tpath\n' "$MAGIC" > "$S/ledger.tsv"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-scan: $S/ledger.tsv: the column header is not that of ledger v2; move it aside to start a new ledger" ]
}

@test "a v1 ledger is converted once, with a message; its documents stay known" {
	mkdir -p "$S/results"
	h=$(hash_of "$T/src/nota.txt")
	printf '#tt-scan-ledger\tv1\n#time\tpath\thash\tstatus\twords\tper_1000\tbalances\ttop\n2026-01-05T10:00:00Z\tsrc/nota.txt\t%s\tok\t40\t200.0\t_\twijkteam=3\n' "$h" > "$S/ledger.tsv"
	scan --state "$T/ref" -q "$T/src/nota.txt"
	cp -r "$T/ref/results/$h" "$S/results/"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_success
	[ "$stderr" = "tt-scan: $S/ledger.tsv: converted from ledger v1 to v2 (a lexicon column, unknown for the earlier rows; --reanalyse analyses them again)" ]
	assert_output "3 files: 2 new, 0 changed, 1 known; 0 empty, 0 skipped, 0 failed"
	consistent "$S" 3
	[ "$(sed -n 3p "$S/ledger.tsv")" = $'2026-01-05T10:00:00Z\tsrc/nota.txt\t'"$h"$'\tok\t40\t200.0\t_\twijkteam=3\t_' ]
	run --separate-stderr scan --state "$S" "$T/src"
	[ -z "$stderr" ]
}

@test "--reanalyse: documents of other lexicons are analysed again, their first-seen time kept" {
	scan --state "$S" -q "$T/src"
	before=$(grep nota "$S/ledger.tsv")
	lex=$(cut -f9 <<<"$before")
	# the same lexicons: nothing to do
	run --separate-stderr scan --state "$S" --reanalyse "$T/src"
	assert_success
	assert_output "3 files: 0 new, 0 changed, 3 known; 0 empty, 0 skipped, 0 failed; 0 analysed again"
	# other lexicons, without --reanalyse: known by content, nothing done
	run --separate-stderr scan --state "$S" -x wijkteam "$T/src"
	assert_output "3 files: 0 new, 0 changed, 3 known; 0 empty, 0 skipped, 0 failed"
	run --separate-stderr scan --state "$S" -x wijkteam --reanalyse -v "$T/src"
	assert_success
	[ -z "$stderr" ]
	assert_line "reanalysed: $T/src/nota.txt: 40 words, 125.0 jargon hits per 1,000 words"
	assert_line "3 files: 0 new, 0 changed, 0 known; 0 empty, 0 skipped, 0 failed; 3 analysed again"
	consistent "$S" 3
	after=$(grep nota "$S/ledger.tsv")
	[ "$(cut -f1-3 <<<"$after")" = "$(cut -f1-3 <<<"$before")" ]
	[ "$(cut -f6 <<<"$after")" = 125.0 ]
	[ "$(cut -f9 <<<"$after")" != "$lex" ]
	[ "$(sed -n 2p "$S/results/$(cut -f3 <<<"$after")/summary.tsv" | cut -f5)" = 125.0 ]
	[ -z "$(find "$S/results" -name '.old.*')" ]
	run --separate-stderr scan --state "$S" -x wijkteam --reanalyse "$T/src"
	assert_output "3 files: 0 new, 0 changed, 3 known; 0 empty, 0 skipped, 0 failed; 0 analysed again"
}

@test "a bad lexicon stops the run before the state is touched, with file:line" {
	printf 'x\ty\n' > "$T/bad.tsv"
	run --separate-stderr tt-scan --state "$S" -l "$T/bad.tsv" "$T/src"
	assert_failure 2
	[[ "$stderr" == "tt-lexicon: $T/bad.tsv:1: "* ]]
	[[ "$stderr" == *$'\n'"tt-scan: the lexicons cannot be read (see above); nothing done" ]]
	[ ! -e "$S" ]
}

@test "file names with spaces, quotes, newlines and leading dashes" {
	rm "$T/src"/*
	cp "$FIX/pipelines/nota.txt" "$T/src/-n a's \"q\".txt"
	printf 'Het wijkteam en maatwerk.\n' > "$T/src/twee"$'\n'"regels.txt"
	printf 'Eigen kracht.\n' > "$T/src/tab"$'\t'"x\\y.txt"
	run --separate-stderr scan --state "$S" -q "$T/src"
	assert_success
	[ -z "$stderr" ]
	consistent "$S" 3
	run rows "$S"
	[ "$(cut -f1 <<<"$output")" = "$T/src/-n a's \"q\".txt
$T/src/tab\\tx\\\\y.txt
$T/src/twee\\nregels.txt" ]
	cd "$T/src"
	run --separate-stderr scan --state "$T/s2" -v -- "-n a's \"q\".txt"
	assert_success
	assert_output "new: $T/src/-n a's \"q\".txt: 40 words, 200.0 jargon hits per 1,000 words
1 files: 1 new, 0 changed, 0 known; 0 empty, 0 skipped, 0 failed"
	# a folder whose name starts with a dash
	mkdir -- "$T/-map"
	cp "$FIX/pipelines/notulen.srt" "$T/-map/"
	cd "$T"
	run --separate-stderr scan --state "$T/s3" -v -- -map
	assert_success
	[ -z "$stderr" ]
	assert_line -n 0 "new: $T/-map/notulen.srt: 23 words, 173.9 jargon hits per 1,000 words"
}

@test "10,000 files with spaces, newlines and leading dashes in their names: each content once" {
	mkdir "$T/big"
	for ((i = 0; i < 10000; i++)); do
		case $((i % 3)) in
		0) n="-a $i.txt" ;;
		1) n="b"$'\n'"$i.txt" ;;
		*) n="c 'q' $i.txt" ;;
		esac
		printf 'Het wijkteam biedt maatwerk, document %s.\n' $((i % 10)) > "$T/big/$n"
	done
	[ "$(find "$T/big" -type f -printf x | wc -c)" -eq 10000 ]
	run --separate-stderr scan --state "$S" "$T/big"
	assert_success
	[ -z "$stderr" ]
	assert_output "10000 files: 10 new, 0 changed, 9990 known; 0 empty, 0 skipped, 0 failed"
	consistent "$S" 10
	[ "$(wc -l < "$S/hashcache.tsv")" -eq 10000 ]
	run --separate-stderr scan --state "$S" "$T/big"
	assert_output "10000 files: 0 new, 0 changed, 10000 known; 0 empty, 0 skipped, 0 failed"
	consistent "$S" 10
}

@test "empty and binary files are recorded once; a binary is an error the first time" {
	: > "$T/src/leeg.txt"
	printf 'a\0b' > "$T/src/data.txt"
	gzip -c "$T/src/nota.txt" > "$T/src/nota.txt.gz"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-analyse: $T/src/data.txt: binary file, skipped (convert it to text first)
tt-analyse: $T/src/nota.txt.gz: binary file, skipped (convert it to text first)" ]
	assert_output "6 files: 6 new, 0 changed, 0 known; 1 empty, 2 skipped, 0 failed"
	consistent "$S" 6
	run bash -c "grep -v '^#' '$S/ledger.tsv' | cut -f2,4-8 | LC_ALL=C sort"
	assert_line "$T/src/data.txt"$'\tskipped\t_\t_\t_\t_'
	assert_line "$T/src/leeg.txt"$'\tempty\t_\t_\t_\t_'
	assert_line "$T/src/nota.txt.gz"$'\tskipped\t_\t_\t_\t_'
	run --separate-stderr scan --state "$S" -q "$T/src"
	assert_success
	[ -z "$stderr" ]
	consistent "$S" 6
	# -v names the empty file too
	run --separate-stderr scan --state "$T/s2" -v "$T/src/leeg.txt"
	assert_success
	[ "$stderr" = "tt-analyse: $T/src/leeg.txt: empty file, skipped" ]
	assert_output "new: $T/src/leeg.txt: empty
1 files: 1 new, 0 changed, 0 known; 1 empty, 0 skipped, 0 failed"
}

@test "an unreadable file is an error in the run that finds it; later runs count it" {
	command -v setpriv >/dev/null || skip "no setpriv"
	[ "$(id -u)" -eq 0 ] || skip "needs root to switch to nobody"
	U=$(mktemp -d)
	chmod 755 "$U"
	mkdir "$U/src"
	cp "$T/src"/* "$FIX/pipelines/jargon.tsv" "$FIX/pipelines/score.tsv" "$U/"
	mv "$U/nota.txt" "$U/gesprek.vtt" "$U/src/"
	chmod 644 "$U"/*.tsv "$U/src"/*
	chmod 000 "$U/src/nota.txt"
	mkdir "$U/state"
	chown nobody "$U/state"
	as_nobody() {
		setpriv --reuid=nobody --regid=nogroup --clear-groups \
		    "$ROOT/pipelines/tt-scan" -l "$U/jargon.tsv" -s "$U/score.tsv" \
		    --state "$U/state" "$@" "$U/src"
	}
	run --separate-stderr as_nobody
	assert_failure 2
	[ "$stderr" = "tt-scan: $U/src/nota.txt: cannot read it: Permission denied" ]
	assert_output "2 files: 1 new, 0 changed, 0 known; 0 empty, 0 skipped, 1 failed"
	consistent "$U/state" 1
	run --separate-stderr as_nobody
	assert_success
	[ -z "$stderr" ]
	assert_output "2 files: 0 new, 0 changed, 1 known; 0 empty, 0 skipped, 1 failed"
	run --separate-stderr as_nobody -v
	assert_success
	assert_line -n 0 "failed: $U/src/nota.txt: cannot read it: Permission denied (reported before)"
	# readable again: analysed, and no longer counted
	chmod 644 "$U/src/nota.txt"
	run --separate-stderr as_nobody
	assert_success
	assert_output "2 files: 1 new, 0 changed, 1 known; 0 empty, 0 skipped, 0 failed"
	consistent "$U/state" 2
	[ "$(cat "$U/state/failed.tsv")" = $'#path\treason' ]
}

@test "a source folder that is missing, a symlink loop, a file that vanishes mid-batch" {
	run --separate-stderr scan --state "$S" -q "$T/nowhere" "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-scan: $T/nowhere: No such file or directory" ]
	consistent "$S" 3
	# links inside a folder are not followed; a looping operand is named
	ln -s lus1 "$T/src/lus2"
	ln -s lus2 "$T/src/lus1"
	run --separate-stderr scan --state "$S" -q "$T/src" "$T/src/lus1"
	assert_failure 2
	[ "$stderr" = "tt-scan: $T/src/lus1: a symbolic link that leads nowhere (or a loop)" ]
	rm "$T/src/lus1" "$T/src/lus2"
	# nota.txt is removed after it was hashed, before it is normalised
	rm -rf "$S"
	fake_normalise "rm -f '$T/src/nota.txt'"
	run --separate-stderr env TT_BIN="$T/bin" tt-scan -j 1 -l "$FIX/pipelines/jargon.tsv" \
	    -s "$FIX/pipelines/score.tsv" --state "$S" "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-scan: $T/src/nota.txt: vanished during the scan, skipped" ]
	assert_output "3 files: 2 new, 0 changed, 0 known; 0 empty, 0 skipped, 1 failed"
	consistent "$S" 2
	rm -rf "$T/bin"
	cp "$FIX/pipelines/nota.txt" "$T/src/nota.txt"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_success
	assert_output "3 files: 1 new, 0 changed, 2 known; 0 empty, 0 skipped, 0 failed"
	consistent "$S" 3
}

@test "a file that grows while it is read is left for the next run" {
	fake_normalise "echo 'Nog een regel over maatwerk.' >> '$T/src/gesprek.vtt'"
	run --separate-stderr env TT_BIN="$T/bin" tt-scan -j 1 -v -l "$FIX/pipelines/jargon.tsv" \
	    -s "$FIX/pipelines/score.tsv" --state "$S" "$T/src"
	assert_success
	[ -z "$stderr" ]
	assert_line "left: $T/src/gesprek.vtt: changed while it was read; analysed in the next run"
	assert_line "3 files: 2 new, 0 changed, 0 known; 0 empty, 0 skipped, 0 failed; 1 changed while read, left for the next run"
	consistent "$S" 2
	rm -rf "$T/bin"
	run --separate-stderr scan --state "$S" -v "$T/src"
	assert_success
	assert_line -n 0 --partial "new: $T/src/gesprek.vtt: "
	consistent "$S" 3
	[ "$(grep -c gesprek "$S/ledger.tsv")" -eq 1 ]
	[ "$(grep gesprek "$S/ledger.tsv" | cut -f3)" = "$(hash_of "$T/src/gesprek.vtt")" ]
}

@test "the state directory inside a scanned folder, and hidden files, are left out" {
	echo "wijkteam" > "$T/src/.verborgen.txt"
	run --separate-stderr scan --state "$T/src/state" -q "$T/src"
	assert_success
	consistent "$T/src/state" 3
	run --separate-stderr scan --state "$T/src/state" -q "$T/src"
	assert_success
	consistent "$T/src/state" 3
}

@test "a full disk for the state directory: exit 2, the ledger stays consistent, a later run finishes" {
	[ "$(id -u)" -eq 0 ] || skip "needs root to mount a tmpfs"
	M=$T/small
	mkdir "$M"
	mount -t tmpfs -o size=1m tmpfs "$M" 2>/dev/null || { M=; skip "cannot mount a tmpfs here"; }
	S=$M/state
	scan --state "$S" -q "$T/src"
	consistent "$S" 3
	for i in 1 2 3 4 5 6; do
		cp "$FIX/pipelines/nota.txt" "$T/src/n$i.txt"
		echo "Regel $i." >> "$T/src/n$i.txt"
	done
	# fill the disk, leaving a few blocks
	dd if=/dev/zero of="$M/filler" bs=1k count=2000 2>/dev/null || :
	run --separate-stderr scan --state "$S" -q "$T/src"
	assert_failure 2
	[[ "$stderr" == *"(disk full?)"* ]]
	n=$(grep -vc '^#' "$S/ledger.tsv")
	consistent "$S" "$n"
	[ "$n" -ge 3 ] && [ "$n" -lt 9 ]
	rm -f "$M/filler"
	run --separate-stderr scan --state "$S" -q "$T/src"
	assert_success || { echo "$stderr"; return 1; }
	consistent "$S" 9
}

@test "> /dev/full: exit 2 with a message; what was committed stays, a rerun finishes" {
	run --separate-stderr bash -c 'tt-scan -l "$1" -s "$2" --state "$3" "$4" > /dev/full' _ \
	    "$FIX/pipelines/jargon.tsv" "$FIX/pipelines/score.tsv" "$S" "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-scan: stdout: write error (disk full?)" ]
	consistent "$S" 3
	run --separate-stderr scan --state "$S" -q "$T/src"
	assert_success
	consistent "$S" 3
}

@test "the hash cache: unchanged files are not read again; without the cache they are" {
	scan --state "$S" -q "$T/src"
	[ "$(wc -l < "$S/hashcache.tsv")" -eq 3 ]
	# new content of the same size, with the old modification time and
	# inode: the cache takes the file for unchanged (see tt-scan(1))
	touch -r "$T/src/nota.txt" "$T/ref"
	content=$(sed 's/wijkteam/WIJKTEAM/' "$T/src/nota.txt")
	printf '%s\n' "$content" > "$T/src/nota.txt"
	touch -r "$T/ref" "$T/src/nota.txt"
	run --separate-stderr scan --state "$S" -q "$T/src"
	assert_success
	assert_output ''
	consistent "$S" 3
	# a damaged cache is ignored, a missing one rebuilt: the change is found
	printf 'rommel\n' > "$S/hashcache.tsv"
	run --separate-stderr scan --state "$S" -v "$T/src"
	assert_success
	assert_output "changed: $T/src/nota.txt: 40 words, 200.0 jargon hits per 1,000 words
3 files: 0 new, 1 changed, 2 known; 0 empty, 0 skipped, 0 failed"
	consistent "$S" 4
	# a rename keeps the identity: still nothing to read or do
	mv "$T/src/brief.html" "$T/src/brief2.html"
	run --separate-stderr scan --state "$S" -q "$T/src"
	assert_success
	assert_output ''
	[ "$(wc -l < "$S/hashcache.tsv")" -eq 3 ]
}

@test "-x is passed to tt-analyse: the entry's jargon is left out of the ledger" {
	run --separate-stderr scan -q --state "$S" "$T/src/nota.txt"
	assert_success
	all=$(grep -v '^#' "$S/ledger.tsv" | cut -f6)
	run --separate-stderr scan -q --state "$T/s2" -x wijkteam "$T/src/nota.txt"
	assert_success
	ex=$(grep -v '^#' "$T/s2/ledger.tsv" | cut -f6)
	[ "$all" = "200.0" ]
	[ "$ex" = "125.0" ]
}

