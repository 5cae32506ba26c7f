#!/bin/sh
# controleer.sh - runs every command of docs/workshop.md that is followed by
# an expected output and compares the two, so the workshop keeps working
# when the programs or the lexicons change.
#
# Usage: sh docs/workshop/controleer.sh [--update]   (from anywhere; needs
# make first). --update writes the outputs the commands give now into the
# guide, for after a deliberate change (read the diff before committing).
#
# A ```sh block followed (after blank lines only) by a ```text block is a
# command with its expected output; other ```sh blocks are run for their
# effect (they make werk/), except lines that wait for a person (nano, less)
# or install or build (apt-get, a bare make demo / make check). Commands run
# in order with bash (the workshop uses $'\t'), from the repository root,
# stdout and stderr together. The script makes werk/ and removes it again;
# it refuses to run when werk/ already exists, so nobody's work is lost.
# Exit status: 0 when every output matches, 1 when one differs, 2 on error.
set -u
update=
case ${1:-} in
--update) update=1 ;;
'') ;;
*) echo "usage: controleer.sh [--update]" >&2; exit 2 ;;
esac
cd "$(dirname -- "$0")/../.." || exit 2
doc=docs/workshop.md
if [ -e werk ]; then
	echo "controleer.sh: werk/ exists; move it away first" >&2
	exit 2
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp" werk' EXIT INT TERM
PATH="$PWD/bin:$PWD/pipelines:$PATH"
export PATH
unset NO_COLOR

# Split the document into $tmp/N.sh and, where one follows, $tmp/N.txt.
awk -v dir="$tmp" '
	/^```sh$/   { n++; out = dir "/" n ".sh"; inblock = 1; pend = 0
		      print NR + 1 > (dir "/" n ".line"); close(dir "/" n ".line"); next }
	/^```text$/ { if (pend) { out = dir "/" n ".txt"; printf "" > out; inblock = 1 }
		      else { out = ""; inblock = 2 }
		      pend = 0; next }
	/^```/      { if (inblock == 1) { close(out); pend = (out ~ /\.sh$/) }
		      inblock = 0; next }
	inblock == 1 { print > out; next }
	inblock == 2 { next }
	/^[ \t]*$/ { next }
	{ pend = 0 }
' "$doc" || exit 2

ok=0 bad=0 n=1
while [ -f "$tmp/$n.sh" ]; do
	grep -v -E '(^|[|;] *)(nano|less)( |$)|apt-get|^make (demo|check)( *\| *less)?$' \
	    "$tmp/$n.sh" > "$tmp/$n.run"
	bash "$tmp/$n.run" > "$tmp/$n.out" 2>&1
	if [ -f "$tmp/$n.txt" ]; then
		if cmp -s "$tmp/$n.txt" "$tmp/$n.out"; then
			ok=$((ok + 1))
		else
			bad=$((bad + 1))
			echo "== $doc:$(cat "$tmp/$n.line"): output differs: $(head -n 1 "$tmp/$n.sh")"
			diff -u "$tmp/$n.txt" "$tmp/$n.out" | sed -n '3,$p'
		fi
	fi
	n=$((n + 1))
done
echo "controleer.sh: $ok outputs as documented, $bad different"
if [ -n "$update" ] && [ "$bad" -gt 0 ]; then
	# the same split as above; a text block that follows a command
	# block gets that command's output now
	awk -v dir="$tmp" '
		function emit(f,   l) { while ((getline l < f) > 0) print l; close(f) }
		/^```sh$/   { n++; print; inblock = 1; pend = 0; next }
		/^```text$/ { print; if (pend) { emit(dir "/" n ".out"); skip = 1 }
			      inblock = 2; pend = 0; next }
		/^```/      { if (inblock == 1) pend = 1; inblock = 0; skip = 0; print; next }
		inblock == 2 && skip { next }
		{ print }
		inblock == 0 && !/^[ \t]*$/ { pend = 0 }
	' "$doc" > "$tmp/updated" && cat "$tmp/updated" > "$doc" || exit 2
	echo "controleer.sh: $doc updated; read git diff before committing"
	exit 0
fi
[ "$bad" -eq 0 ]
