# Loaded by every .bats file: bats-assert, the programs under test on PATH.
bats_require_minimum_version 1.5.0
load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
FIX="$ROOT/tests/fixtures"
PATH="$ROOT/${TT_BIN:-bin}:$ROOT/pipelines:$PATH"
export PATH ROOT FIX
unset TT_LEXDIR NO_COLOR

# The header every stream from tt-tokenise starts with.
STREAM_HEADER=$'#doc\tline\tpar\tsent\ttok\ttype\tword\tspeaker'

# no_match GREP-ARGUMENTS...: asserts that grep finds nothing, and shows
# what it found when it does. (A bare "! grep" in the middle of a test
# asserts nothing in bats 1.8.2: its status is ignored.)
no_match() {
	if grep "$@"; then
		echo "unexpected match: grep $*" >&2
		return 1
	fi
}
