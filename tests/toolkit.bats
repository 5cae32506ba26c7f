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

# The binary itself, also when TT_BIN holds wrapper scripts (make valgrind).
binary() {
	local p
	p=$(command -v "$1")
	if [ "$(head -c 2 "$p")" = '#!' ]; then p="$ROOT/bin/$1"; fi
	echo "$p"
}

@test "link: the programs that do not stem do not link libstemmer; tt-stem does" {
	for p in $(programs); do
		run ldd "$(binary "$p")"
		[ "$status" -eq 0 ] || { echo "$p: ldd: $output"; return 1; }
		if unstemmed "$p"; then
			[[ "$output" != *libstemmer* ]] || { echo "$p: $output"; return 1; }
			[[ "$output" != *libpcre2* ]] || { echo "$p: $output"; return 1; }
		else
			[[ "$output" == *libstemmer* ]] || { echo "$p: $output"; return 1; }
		fi
	done
	run ldd "$(binary tt-normalise)"
	assert_success
	assert_output --partial libutf8proc
	refute_output --partial libstemmer
}

@test "layers: no library file includes a header of a higher layer or calls into one" {
	# the objects of the build under test (make sanitize), else of make
	local obj="$ROOT/${TT_BIN:-bin}/../lib"
	[ -e "$obj/err.o" ] || obj="$ROOT/build/lib"
	[ -e "$obj/err.o" ] || { echo "no $obj/err.o: run make first"; return 1; }
	run --separate-stderr sh "$ROOT/tests/layers.sh" "$ROOT/filters/lib" "$obj"
	assert_success
	assert_output ''
	[ -z "$stderr" ]
}

@test "layers: the check finds an include from above, a call upward and a library file in no layer" {
	mkdir -p "$BATS_TEST_TMPDIR/lib"
	cp "$ROOT"/filters/lib/*.[ch] "$BATS_TEST_TMPDIR/lib/"
	printf '#include "stream.h"\n' >> "$BATS_TEST_TMPDIR/lib/err.c"
	printf '#include "tt.h"\n' >> "$BATS_TEST_TMPDIR/lib/reader.h"
	: > "$BATS_TEST_TMPDIR/lib/new.c"
	run --separate-stderr sh "$ROOT/tests/layers.sh" "$BATS_TEST_TMPDIR/lib"
	assert_failure 1
	assert_line 'err.c: layer 1 includes stream.h of layer 4'
	assert_line 'reader.h: layer 3 includes tt.h of layer 6'
	assert_line 'new.c: in no layer (add it to tests/layers.sh and err.h)'
	[ "${#lines[@]}" -eq 3 ]
	# a call upward, in the objects of two files that include nothing
	mkdir -p "$BATS_TEST_TMPDIR/good" "$BATS_TEST_TMPDIR/obj"
	printf 'const char *stemmer_algorithm(void) { return "x"; }\n' > "$BATS_TEST_TMPDIR/stem.c"
	printf 'const char *stemmer_algorithm(void);\nconst char *v(void) { return stemmer_algorithm(); }\n' > "$BATS_TEST_TMPDIR/err.c"
	cc -c -o "$BATS_TEST_TMPDIR/obj/stem.o" "$BATS_TEST_TMPDIR/stem.c"
	cc -c -o "$BATS_TEST_TMPDIR/obj/err.o" "$BATS_TEST_TMPDIR/err.c"
	run --separate-stderr sh "$ROOT/tests/layers.sh" "$BATS_TEST_TMPDIR/good" "$BATS_TEST_TMPDIR/obj"
	assert_failure 1
	assert_output 'err.o: layer 1 calls stemmer_algorithm of stem.o (layer 5)'
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
