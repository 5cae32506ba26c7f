#!/usr/bin/env bats
# docs/workshop.md promises outputs; every command in it must still give them.

load helper

@test "every command in docs/workshop.md gives the output the guide shows" {
	command -v column >/dev/null || skip "column (bsdextrautils) missing"
	# the tree with its plain build, as make left it (tar keeps the times,
	# so make does not rebuild); not the other builds, the demo's output or
	# git, which other tests running at the same time may be writing
	mkdir "$BATS_TEST_TMPDIR/repo"
	tar -C "$ROOT" --exclude=./.git --exclude=./werk --exclude=./bench/out \
	    --exclude=./build/demo --exclude=./build/asan \
	    --exclude=./build/valgrind --exclude=./build/fuzz -cf - . |
	    tar -C "$BATS_TEST_TMPDIR/repo" -xf -
	cd "$BATS_TEST_TMPDIR/repo"
	# as a user would type them: not as a sub-make of make check
	unset MAKEFLAGS MAKELEVEL MFLAGS
	run --separate-stderr sh docs/workshop/controleer.sh
	assert_success
	assert_output --partial "0 different"
}
