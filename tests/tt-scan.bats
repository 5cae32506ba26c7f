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

MAGIC=$'#tt-scan-ledger\tv1'
HEADER=$'#time\tpath\thash\tstatus\twords\tper_1000\tbalances\ttop'

# rows STATE: the ledger rows without the time column, sorted.
rows() {
	grep -v '^#' "$1/ledger.tsv" | cut -f2- | LC_ALL=C sort
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
	assert_output "new: $T/src/brief.html: 23 words, 87.0 jargon hits per 1,000 words
new: $T/src/gesprek.vtt: 32 words, 156.2 jargon hits per 1,000 words
new: $T/src/nota.txt: 40 words, 200.0 jargon hits per 1,000 words"
	consistent "$S" 3
	h=$(hash_of "$T/src/nota.txt")
	run bash -c "grep -v '^#' '$S/ledger.tsv' | cut -f2-6,8 | grep nota"
	assert_output "$T/src/nota.txt"$'\t'"$h"$'\tok\t40\t200.0\twijkteam=3,eigen kracht=2,maatwerk=1,mantelzorger=1,zelfredzaamheid=1'
	[[ "$(grep nota "$S/ledger.tsv" | cut -f7)" == bestuurlijk=*,register=* ]]
	[[ "$(grep nota "$S/ledger.tsv" | cut -f1)" =~ ^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-9:]{8}Z$ ]]
	[ "$(cut -f1-5 "$S/results/$h/summary.tsv" | sed -n 2p)" = "$T/src/nota.txt"$'\t_\t40\t8\t200.0' ]
	[ -f "$S/results/$h/terms.tsv" ] && [ -f "$S/results/$h/cooc-counts.tsv" ]
}

@test "a rerun does nothing new; the ledger is unchanged byte for byte" {
	scan --state "$S" "$T/src"
	cp "$S/ledger.tsv" "$T/before"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_success
	assert_output ''
	[ -z "$stderr" ]
	cmp "$T/before" "$S/ledger.tsv"
}

@test "a new file adds one row; a renamed, copied or touched file adds none" {
	scan --state "$S" "$T/src"
	cp "$FIX/pipelines/notulen.srt" "$T/src/"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_success
	assert_output "new: $T/src/notulen.srt: 23 words, 173.9 jargon hits per 1,000 words"
	consistent "$S" 4
	mv "$T/src/nota.txt" "$T/src/nota-hernoemd.txt"
	cp "$T/src/brief.html" "$T/src/kopie.html"
	touch -d '2030-01-01' "$T/src/gesprek.vtt"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_success
	assert_output ''
	consistent "$S" 4
}

@test "a changed file is a new document: a second row for its path" {
	scan --state "$S" "$T/src"
	echo "Het wijkteam biedt ook maatwerk." >> "$T/src/nota.txt"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_success
	assert_output "new: $T/src/nota.txt: 45 words, 222.2 jargon hits per 1,000 words"
	consistent "$S" 4
	[ "$(grep -c "	$T/src/nota.txt	" "$S/ledger.tsv")" -eq 2 ]
}

@test "--alert N: exit 1 and an alert line per new dense document, once" {
	run --separate-stderr scan --state "$S" --alert 150 -q "$T/src"
	assert_failure 1
	assert_output "ALERT: $T/src/gesprek.vtt: 156.2 jargon hits per 1,000 words (more than 150)
ALERT: $T/src/nota.txt: 200.0 jargon hits per 1,000 words (more than 150)"
	[ -z "$stderr" ]
	run --separate-stderr scan --state "$S" --alert 150 -q "$T/src"
	assert_success
	assert_output ''
	run --separate-stderr scan --state "$T/other" --alert 500 -q "$T/src"
	assert_success
	assert_output ''
}

@test "kill -9 at every step of a commit, then a rerun: every document exactly once" {
	for point in snapshot analysed results ledger-tmp committed; do
		rm -rf "$S"
		run --separate-stderr env TT_SCAN_TEST_KILL=$point \
		    tt-scan -l "$FIX/pipelines/jargon.tsv" -s "$FIX/pipelines/score.tsv" \
		    --state "$S" "$T/src"
		[ "$status" -eq 137 ] || { echo "$point: status $status"; return 1; }
		# the ledger is always whole: the old one or the new one
		[ "$(sed -n 1p "$S/ledger.tsv")" = "$MAGIC" ]
		run --separate-stderr scan --state "$S" -q "$T/src"
		assert_success
		consistent "$S" 3 || { echo "after a kill at $point"; return 1; }
		run --separate-stderr scan --state "$S" "$T/src"
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
		setsid bash -c 'exec "$@"' _ tt-scan -q -l "$FIX/pipelines/jargon.tsv" \
		    -s "$FIX/pipelines/score.tsv" --wait 10 --state "$S" "$T/src" \
		    >/dev/null 2>&1 &
		pid=$!
		sleep "0.$((RANDOM % 9 + 1))"
		kill -9 -- "-$pid" 2>/dev/null || :
		wait "$pid" || :
		# no ledger yet (killed before the first one was made), or a whole one
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

@test "a ledger of another version or another program: a clear message, exit 2" {
	mkdir -p "$S"
	printf '#tt-scan-ledger\tv0\n#time\tpath\n' > "$S/ledger.tsv"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-scan: $S/ledger.tsv: ledger version 'v0' is not the version this tt-scan writes (v1); move it aside to start a new ledger" ]
	printf 'time,path\n' > "$S/ledger.tsv"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-scan: $S/ledger.tsv: not a tt-scan ledger (first line is not '#tt-scan-ledger<TAB>v1'); move it aside to start a new ledger" ]
	[ "$(cat "$S/ledger.tsv")" = "time,path" ]
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
	run --separate-stderr scan --state "$T/s2" -- "-n a's \"q\".txt"
	assert_success
	assert_output "new: -n a's \"q\".txt: 40 words, 200.0 jargon hits per 1,000 words"
	# a folder whose name starts with a dash
	mkdir -- "$T/-map"
	cp "$FIX/pipelines/notulen.srt" "$T/-map/"
	cd "$T"
	run --separate-stderr scan --state "$T/s3" -- -map
	assert_success
	[ -z "$stderr" ]
	assert_output "new: -map/notulen.srt: 23 words, 173.9 jargon hits per 1,000 words"
}

@test "empty and binary files are recorded once; a binary is an error the first time" {
	: > "$T/src/leeg.txt"
	printf 'a\0b' > "$T/src/data.txt"
	gzip -c "$T/src/nota.txt" > "$T/src/nota.txt.gz"
	run --separate-stderr scan --state "$S" -q "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-analyse: $T/src/data.txt: binary file, skipped (convert it to text first)
tt-analyse: $T/src/leeg.txt: empty file, skipped
tt-analyse: $T/src/nota.txt.gz: binary file, skipped (convert it to text first)" ]
	consistent "$S" 6
	run bash -c "grep -v '^#' '$S/ledger.tsv' | cut -f2,4-8 | LC_ALL=C sort"
	assert_line "$T/src/data.txt"$'\tskipped\t_\t_\t_\t_'
	assert_line "$T/src/leeg.txt"$'\tempty\t_\t_\t_\t_'
	assert_line "$T/src/nota.txt.gz"$'\tskipped\t_\t_\t_\t_'
	run --separate-stderr scan --state "$S" -q "$T/src"
	assert_success
	[ -z "$stderr" ]
	consistent "$S" 6
}

@test "an unreadable file is reported on every run and never recorded" {
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
	for i in 1 2; do
		run --separate-stderr setpriv --reuid=nobody --regid=nogroup --clear-groups \
		    "$ROOT/pipelines/tt-scan" -q -l "$U/jargon.tsv" -s "$U/score.tsv" \
		    --state "$U/state" "$U/src"
		assert_failure 2
		[ "$stderr" = "tt-scan: $U/src/nota.txt: cannot read it: Permission denied" ]
		consistent "$U/state" 1
	done
}

@test "a source folder that is missing, or vanishes during the run" {
	run --separate-stderr scan --state "$S" -q "$T/nowhere" "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-scan: $T/nowhere: No such file or directory" ]
	consistent "$S" 3
	rm -rf "$S"
	run --separate-stderr env TT_SCAN_TEST_AFTER_LIST="rm -rf '$T/src'" \
	    tt-scan -q -l "$FIX/pipelines/jargon.tsv" -s "$FIX/pipelines/score.tsv" \
	    --state "$S" "$T/src"
	assert_failure 2
	[ "$stderr" = "tt-scan: $T/src/brief.html: vanished during the scan, skipped
tt-scan: $T/src/gesprek.vtt: vanished during the scan, skipped
tt-scan: $T/src/nota.txt: vanished during the scan, skipped" ]
	consistent "$S" 0
}

@test "the state directory inside a scanned folder, and hidden files, are left out" {
	S=$T/src/.state
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
	consistent "$S" 1
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
	run --separate-stderr scan --state "$S" "$T/src"
	assert_success
	assert_output ''
	consistent "$S" 3
	# a damaged cache is ignored, a missing one rebuilt: the change is found
	printf 'rommel\n' > "$S/hashcache.tsv"
	run --separate-stderr scan --state "$S" "$T/src"
	assert_success
	assert_output "new: $T/src/nota.txt: 40 words, 200.0 jargon hits per 1,000 words"
	consistent "$S" 4
	# a rename keeps the identity: still nothing to read or do
	mv "$T/src/brief.html" "$T/src/brief2.html"
	run --separate-stderr scan --state "$S" "$T/src"
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
