#!/bin/sh
# layers.sh [LIBDIR [OBJDIR]]: checks that the library in filters/lib is
# one-way: no file includes the header of a layer above its own, and, when
# OBJDIR holds the compiled objects (build/lib), no object calls a function
# defined in a file of a higher layer. Prints each offence as
# "file: what" and exits 1 when there is one; 0 when there is none.
#
# The layers, from the bottom (err.h describes them too). A file's layer is
# that of its name without the extension; a library file or header not in
# this list is an offence itself, so that a new one gets a layer.
set -eu

LIBDIR=${1:-filters/lib}
OBJDIR=${2:-}

layer() {
	case $1 in
	err | buf | data) echo 1 ;;
	utf8 | fold | hash) echo 2 ;;
	reader) echo 3 ;;
	stream) echo 4 ;;
	stem | lexicon | tokenise | normalise) echo 5 ;;
	tt) echo 6 ;;	# the umbrella header: programs only
	*) echo 0 ;;
	esac
}

bad=0
for f in "$LIBDIR"/*.c "$LIBDIR"/*.h; do
	[ -e "$f" ] || continue
	name=$(basename "$f")
	mine=$(layer "${name%.*}")
	if [ "$mine" -eq 0 ]; then
		echo "$name: in no layer (add it to tests/layers.sh and err.h)"
		bad=1
		continue
	fi
	for h in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
		theirs=$(layer "${h%.h}")
		if [ "$theirs" -eq 0 ]; then
			echo "$name: includes $h, which is in no layer"
			bad=1
		elif [ "$theirs" -gt "$mine" ]; then
			echo "$name: layer $mine includes $h of layer $theirs"
			bad=1
		fi
	done
done

# Calls, from the objects' symbol tables: who defines each global symbol,
# then each undefined symbol of an object that a higher layer defines.
if [ -n "$OBJDIR" ]; then
	defs=$(mktemp)
	trap 'rm -f "$defs"' EXIT
	for o in "$OBJDIR"/*.o; do
		[ -e "$o" ] || continue
		nm -g --defined-only "$o" | awk -v o="$(basename "$o" .o)" \
		    'NF == 3 { print $3, o }'
	done > "$defs"
	for o in "$OBJDIR"/*.o; do
		[ -e "$o" ] || continue
		name=$(basename "$o" .o)
		mine=$(layer "$name")
		for pair in $(nm -u "$o" | awk '{ print $NF }' |
		    awk 'NR == FNR { def[$1] = $2; next }
			($1 in def) { print $1 ":" def[$1] }' "$defs" -); do
			sym=${pair%:*}
			to=${pair#*:}
			if [ "$(layer "$to")" -gt "$mine" ]; then
				echo "$name.o: layer $mine calls $sym of $to.o" \
				    "(layer $(layer "$to"))"
				bad=1
			fi
		done
	done
fi

exit $bad
