#!/usr/bin/env bats
# Properties every program shares: a man page that renders cleanly,
# --help, --version, usage errors with exit 2.

load helper

programs() {
	for f in "$ROOT"/filters/tt-*.c; do basename "$f" .c; done
}

@test "every program has a man page beside it that groff renders without warnings" {
	for p in $(programs); do
		[ -f "$ROOT/filters/$p.1" ] || { echo "no man page for $p"; return 1; }
		run --separate-stderr groff -man -ww -z "$ROOT/filters/$p.1"
		[ -z "$stderr" ] || { echo "$p.1: $stderr"; return 1; }
	done
	run --separate-stderr groff -man -ww -z "$ROOT/filters/tt-stream.5"
	[ -z "$stderr" ]
}

# The programs that do not stem: they do not link libstemmer, and their
# --version names no stemmer.
unstemmed() {
	case $1 in tt-normalise | tt-tokenise) return 0 ;; esac
	return 1
}

@test "every program: --help on stdout exit 0, --version names itself and the stemmer it uses" {
	for p in $(programs); do
		run --separate-stderr "$p" --help
		[ "$status" -eq 0 ] || { echo "$p --help: $status"; return 1; }
		[[ "$output" == "usage: $p"* ]] || { echo "$p --help: $output"; return 1; }
		run --separate-stderr "$p" --version
		[ "$status" -eq 0 ] || { echo "$p --version: $status"; return 1; }
		[[ "${lines[0]}" == "$p (transitietaal) "* ]] || { echo "$p: ${lines[0]}"; return 1; }
		if unstemmed "$p"; then
			[ "${#lines[@]}" -eq 1 ] || { echo "$p: ${lines[1]}"; return 1; }
		else
			[ "${#lines[@]}" -eq 2 ] || { echo "$p: ${#lines[@]} lines"; return 1; }
			[[ "${lines[1]}" == "stemmer: libstemmer dutch"* ]] || { echo "$p: ${lines[1]}"; return 1; }
		fi
	done
}

@test "every program: an unknown option is a usage error with exit 2 and nothing on stdout" {
	for p in $(programs); do
		run --separate-stderr "$p" --no-such-option
		[ "$status" -eq 2 ] || { echo "$p: status $status"; return 1; }
		[ -z "$output" ] || { echo "$p: stdout: $output"; return 1; }
		[[ "$stderr" == *"usage: $p"* ]] || { echo "$p: stderr: $stderr"; return 1; }
	done
}

@test "every program: --version > /dev/full fails with exit 2" {
	for p in $(programs); do
		run --separate-stderr bash -c '"$1" --version > /dev/full' _ "$p"
		[ "$status" -eq 2 ] || { echo "$p: status $status"; return 1; }
		[ "$stderr" = "$p: stdout: No space left on device" ] || { echo "$p: $stderr"; return 1; }
	done
}

@test "no test has a bare '! command' (bats 1.8.2 ignores its status)" {
	# run ! CMD, refute_output or no_match (tests/helper.bash) instead
	run grep -n -E '^[[:space:]]*![[:space:]]' "$ROOT"/tests/*.bats
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
}

@test "a stream header that names a column twice is an error in every filter" {
	printf '#doc\tline\tword\tword\nd\t1\ta\ta\n' > "$BATS_TEST_TMPDIR/twice.tsv"
	for p in tt-stem tt-jargon tt-score tt-cooc "tt-kwic -w a"; do
		run --separate-stderr $p "$BATS_TEST_TMPDIR/twice.tsv"
		[ "$status" -eq 2 ] || { echo "$p: status $status"; false; }
		# nothing but, for a table, its header
		[ -z "$(grep -v '^#' <<<"$output")" ] || { echo "$p wrote: $output"; false; }
		[ "$stderr" = "${p%% *}: $BATS_TEST_TMPDIR/twice.tsv:1: column 'word' twice" ]
	done
}

@test "-h and -V mean --help and --version in every program" {
	for p in "$ROOT"/filters/tt-*.c "$ROOT"/pipelines/tt-analyse "$ROOT"/pipelines/tt-report \
	    "$ROOT"/pipelines/tt-scan; do
		p=$(basename "$p" .c)
		run --separate-stderr "$p" -h
		[ "$status" -eq 0 ] || { echo "$p -h: status $status"; false; }
		[[ "${lines[0]}" == "usage: $p "* ]] || { echo "$p -h: ${lines[0]}"; false; }
		help=$output
		run --separate-stderr "$p" --help
		[ "$output" = "$help" ]
		run --separate-stderr "$p" -V
		[ "$status" -eq 0 ] || { echo "$p -V: status $status"; false; }
		[[ "$output" == "$p "* ]] || { echo "$p -V: $output"; false; }
	done
}
