#!/usr/bin/env bats
# docs/workshop.md promises outputs; every command in it must still give them.

load helper

@test "every command in docs/workshop.md gives the output the guide shows" {
	command -v column >/dev/null || skip "column (bsdextrautils) missing"
	cp -R "$ROOT/." "$BATS_TEST_TMPDIR/repo"
	rm -rf "$BATS_TEST_TMPDIR/repo/werk"
	cd "$BATS_TEST_TMPDIR/repo"
	# as a user would type them: not as a sub-make of make check
	unset MAKEFLAGS MAKELEVEL MFLAGS
	run --separate-stderr sh docs/workshop/controleer.sh
	assert_success
	assert_output --partial "0 different"
}
