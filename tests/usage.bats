#!/usr/bin/env bats
# Usage text and man page agree (issue 15, item 1): for every program, the
# options --help lists (short and long forms) are the ones the man page's
# OPTIONS section documents, and the options the usage lines name are the
# ones its SYNOPSIS names.
#
# What counts as an option:
# - in --help, the words starting with - in the option column of the lines
#   that start with blanks and a - (no deeper than the first such line and
#   "-x, "), the column being the text before the first run of two blanks
#   ("  -c, --column NAME  stem this column");
#   "--color[=WHEN]" is --color;
# - in the man page, the words starting with \- in the tags of .TP and .TQ
#   items (the line after the request), and of .IP items whose tag is an
#   option, anywhere under .SH OPTIONS, its .SS subsections included, with font escapes (\fB, \fI, \fR, \fP), \c, \&
#   and quotes taken out;
# - in the usage lines (the first line of --help and the indented lines
#   after it) and in the SYNOPSIS section: every such word, each counted
#   as the option it names, so that -c in one and --column in the other
#   agree. The help's option lines say which short and long form name one
#   option.

load helper

# The programs: every filters/tt-*.c and the pipelines, as toolkit.bats
# lists them for -h and -V.
PROGRAMS='tt-analyse tt-cooc tt-jargon tt-keyness tt-kwic tt-lexicon
tt-normalise tt-report tt-scan tt-score tt-serve tt-stem tt-tokenise'

# man_page PROG: the path of its man page.
man_page() {
	if [ -f "$ROOT/filters/$1.1" ]; then
		echo "$ROOT/filters/$1.1"
	else
		echo "$ROOT/pipelines/$1.1"
	fi
}

# The option words of a text on stdin, one a line: - or -- and a letter
# or digit, then letters, digits and -; not inside a word (tt-report).
option_words() {
	grep -oE '(^|[^A-Za-z0-9_-])--?[A-Za-z0-9][A-Za-z0-9-]*' |
	    sed -E 's/^[^-]//' | sed -E 's/-+$//'
}

# roff_text: the text of roff lines on stdin without the macro name, font
# escapes, \c, \& and quotes; \- as -.
roff_text() {
	sed -E -e 's/^\.[A-Za-z]+( |$)//' -e 's/\\f(\(..|\[[^]]*\]|.)//g' \
	    -e 's/\\-/-/g' -e 's/\\[c&]//g' -e 's/\\e/\\/g' -e 's/"//g'
}

# man_options PROG: the option words of the tags under .SH OPTIONS.
man_options() {
	awk '
	    /^\.SH/ { in_opts = ($0 ~ /^\.SH +"?OPTIONS"?$/); tag = 0; next }
	    !in_opts { next }
	    /^\.(TP|TQ)/ { tag = 1; next }
	    /^\.IP +"?\\-/ { sub(/^\.IP +/, ""); sub(/"? +[0-9]+$/, ""); print; next }
	    tag && /^\.PD/ { next }
	    tag { print; tag = 0 }
	' "$(man_page "$1")" | roff_text | option_words | LC_ALL=C sort -u
}

# man_synopsis PROG: the option words of the SYNOPSIS section.
man_synopsis() {
	awk '
	    /^\.SH/ { in_syn = ($0 ~ /^\.SH +"?SYNOPSIS"?$/); next }
	    in_syn
	' "$(man_page "$1")" | roff_text | option_words | LC_ALL=C sort -u
}

# help_lines PROG: the option lines of its --help, each as its option
# column.
help_lines() {
	"$1" --help | awk '
	    # an option line starts with blanks and a -, indented as far as
	    # the first one or up to 4 more ("-x, " left out); a deeper one
	    # is the description of the one above, going on
	    /^ +-/ { n = match($0, /[^ ]/) - 1
	        if (first == "") first = n
	        if (n <= first + 4) print }
	' | sed -E 's/^ +//; s/  .*//'
}

# help_options PROG: the option words of its --help's option lines.
help_options() {
	help_lines "$1" | option_words | LC_ALL=C sort -u
}

# help_usage PROG: the option words of its usage lines.
help_usage() {
	"$1" --help | awk 'NR == 1 { go = 1; print; next }
	    go && /^ / { print; next } { go = 0 }' | sed 's/^usage: [^ ]*//' |
	    option_words | LC_ALL=C sort -u
}

# canonical PROG: reads option words and writes, for each, the option it
# names: its long form when the help gives one on the same line.
canonical() {
	local pairs l
	# (one option line at a time: a short word and the long one after it)
	pairs=$(help_lines "$1" | while IFS= read -r l; do
		printf '%s\n' "$l" | option_words | paste -sd ' ' -
	done | awk '{ s = ""; l = ""
	    for (i = 1; i <= NF; i++) {
	        if ($i ~ /^--/ && l == "") l = $i
	        else if ($i !~ /^--/ && s == "") s = $i
	    }
	    if (s != "" && l != "") print s "\t" l }')
	awk -F '\t' -v pairs="$pairs" '
	    BEGIN { n = split(pairs, p, "\n")
	        for (i = 1; i <= n; i++) { split(p[i], f, "\t"); long[f[1]] = f[2] } }
	    { print (($0 in long) ? long[$0] : $0) }
	' | LC_ALL=C sort -u
}

# usage_options PROG, synopsis_options PROG: the options of the usage
# lines and of the SYNOPSIS, each once, by the name canonical gives it.
usage_options() {
	help_usage "$1" | canonical "$1"
}
synopsis_options() {
	man_synopsis "$1" | canonical "$1"
}

# differ WHAT A B: the words of list A not in list B, as "WHAT: word" lines.
differ() {
	LC_ALL=C comm -23 <(printf '%s\n' "$2" | sed '/^$/d') \
	    <(printf '%s\n' "$3" | sed '/^$/d') |
	    while IFS= read -r w; do printf '%s: %s\n' "$1" "$w"; done
}

# agree PROG: fails, and says where, when the help and the man page differ.
agree() {
	local p=$1 page help opts syn use bad
	page=$(man_page "$p")
	[ -f "$page" ] || { echo "$p: no man page"; return 1; }
	run --separate-stderr "$p" --help
	[ "$status" -eq 0 ] || { echo "$p --help: exit $status"; return 1; }
	help=$(help_options "$p")
	[ -n "$help" ] || { echo "$p --help: no option lines"; return 1; }
	opts=$(man_options "$p")
	[ -n "$opts" ] || { echo "${page#"$ROOT"/}: no options under .SH OPTIONS"; return 1; }
	syn=$(synopsis_options "$p")
	use=$(usage_options "$p")
	bad=$(differ "in --help, not under OPTIONS in ${page#"$ROOT"/}" "$help" "$opts"
	    differ "under OPTIONS in ${page#"$ROOT"/}, not in --help" "$opts" "$help"
	    differ "in the usage lines, not in the SYNOPSIS" "$use" "$syn"
	    differ "in the SYNOPSIS, not in the usage lines" "$syn" "$use")
	[ -z "$bad" ] || { printf '%s: %s\n' "$p" "${bad//$'\n'/$'\n'"$p: "}"; return 1; }
}

@test "the list of programs here is every program in filters/ and pipelines/" {
	local f p missing=
	for f in "$ROOT"/filters/tt-*.c "$ROOT"/pipelines/tt-*; do
		case $f in *.1 | *.awk | *.sh) continue ;; esac
		[ -x "$f" ] || [ "${f%.c}" != "$f" ] || continue
		p=$(basename "$f" .c)
		[[ " ${PROGRAMS//$'\n'/ } " == *" $p "* ]] || missing+=" $p"
	done
	[ -z "$missing" ] || { echo "not checked here:$missing"; return 1; }
}

# The parsing itself, on a man page and a help written here: a checker
# that found no options would pass every program.
@test "the parsers find the options of a help text and of roff tags" {
	local d=$BATS_TEST_TMPDIR
	cat > "$d/tt-fake" <<'EOF'
#!/bin/sh
cat <<'H'
usage: tt-fake [-a N] [--bee] [--color[=WHEN]]
               [FILE ...]
Fake.
  -a, --alpha N      an option; not --gamma
      --bee          long only
      --color[=WHEN] colour
  -h, --help         help
      --iota         an .IP item
H
EOF
	chmod +x "$d/tt-fake"
	cat > "$d/tt-fake.1" <<'EOF'
.TH TT-FAKE 1
.SH SYNOPSIS
.B tt-fake
.RB [ \-\-alpha
.IR N ]
.RB [ \-\-bee ]
.RB [ \-\-color [= \fIWHEN\fP]]
.SH DESCRIPTION
.TP
.B \-\-delta
not an option section
.SH OPTIONS
.TP
.BI \-a " N" "\fR, \fP\-\-alpha " N
Alpha, unlike
.BR \-\-gamma .
.SS More
.TP
.B \-\-bee
.TQ
.BR \-\-color [= \fIWHEN\fP]
.TP
.BR \-h ", " \-\-help
.IP "\-\-iota" 4
.IP
not a tag: \-\-kappa
.SH SEE ALSO
EOF
	PATH=$d:$PATH
	man_page() { echo "$d/$1.1"; }
	run help_options tt-fake
	assert_output $'--alpha\n--bee\n--color\n--help\n--iota\n-a\n-h'
	run man_options tt-fake
	assert_output $'--alpha\n--bee\n--color\n--help\n--iota\n-a\n-h'
	run help_usage tt-fake
	assert_output $'--bee\n--color\n-a'
	run usage_options tt-fake
	assert_output $'--alpha\n--bee\n--color'
	run synopsis_options tt-fake
	assert_output $'--alpha\n--bee\n--color'
	run agree tt-fake
	assert_success
	# one option the man page lacks, one it has too many, and a synopsis
	# with one more
	sed -i 's/--bee          long only/--bee, --zeta   long only/' "$d/tt-fake"
	sed -i 's/^\.B \\-\\-bee$/.BR \\-\\-bee ", " \\-\\-eta/; s/^\.RB \[ \\-\\-bee \]/.RB [ \\-\\-bee ] [ \\-h ]/' "$d/tt-fake.1"
	run agree tt-fake
	assert_failure
	assert_output - <<EOF
tt-fake: in --help, not under OPTIONS in $d/tt-fake.1: --zeta
tt-fake: under OPTIONS in $d/tt-fake.1, not in --help: --eta
tt-fake: in the SYNOPSIS, not in the usage lines: --help
EOF
}

@test "tt-analyse: --help and man page agree" { agree tt-analyse; }
@test "tt-cooc: --help and man page agree" { agree tt-cooc; }
@test "tt-jargon: --help and man page agree" { agree tt-jargon; }
@test "tt-keyness: --help and man page agree" { agree tt-keyness; }
@test "tt-kwic: --help and man page agree" { agree tt-kwic; }
@test "tt-lexicon: --help and man page agree" { agree tt-lexicon; }
@test "tt-normalise: --help and man page agree" { agree tt-normalise; }
@test "tt-report: --help and man page agree" { agree tt-report; }
@test "tt-scan: --help and man page agree" { agree tt-scan; }
@test "tt-score: --help and man page agree" { agree tt-score; }
@test "tt-serve: --help and man page agree" { agree tt-serve; }
@test "tt-stem: --help and man page agree" { agree tt-stem; }
@test "tt-tokenise: --help and man page agree" { agree tt-tokenise; }
