#!/usr/bin/env bats
# The hostile-input matrix (issue 6): every program built from filters/tt-*.c
# and every pipeline in pipelines/ is fed random bytes, NUL-laden text, gzip
# and PDF files, a 10 MB line, a million empty lines, storms of combining
# marks, emoji ZWJ sequences and right-to-left text, CR-only line ends, a
# stream with only a header, 1 MB tokens and ragged rows. Text programs get
# the bytes as text; stream programs get them raw and wrapped as valid
# streams (through tt-tokenise, and as hand-built rows whose words are the
# hostile bytes themselves); tt-lexicon gets them as lexicon files, and so
# does tt-jargon -l.
#
# Each run must give the one outcome tests/hostile-expected.tsv states for
# it: the exit status, the first line of stderr and the number of lines on
# stdout (that file says how they are written; tests/hostile-table.sh
# prints the table as the programs behave now, to be read before it
# replaces the old one). Whatever the table says, every run must also end
# with exit 0 (handled; stderr empty or only warnings of the documented
# kinds), exit 1 in a predicate mode, or exit 2 with every stderr line
# starting with "tt-x: ": never a signal, never a hang (timeout 60 s),
# never another status. Inputs are generated once, deterministically, in
# setup_file.

load helper

# ---- how each program is run ------------------------------------------------
# One line per configuration: program, kind, arguments (split on blanks, no
# quoting; @DIR@ becomes a fresh directory, @FIX@ tests/fixtures; the
# input file is appended).
# Kinds: text (raw inputs), stream (raw inputs and their stream wrappings),
# lexicon (the inputs as a lexicon file: the arguments end with the option
# that takes it; a program other than tt-lexicon then reads a small real
# stream), pipeline (the raw inputs). A program in filters/ or pipelines/
# without a line here is run without arguments on everything ("any").
CONFIGS='
tt-normalise	text
tt-normalise	text	--strip-furniture --keep-punct
tt-tokenise	text
tt-tokenise	text	--no-speakers
tt-stem		stream
tt-jargon	stream
tt-jargon	stream	-o
tt-jargon	lexicon	-c -l
tt-score	stream
tt-score	stream	-b window=3 -e
tt-score	stream	-M
tt-score	lexicon	-l
tt-cooc		stream
tt-cooc		stream	-f word -m 1 -u window=5 -i
tt-cooc		stream	-M
tt-keyness	stream	--by doc --alpha 1 --min-freq 1
tt-keyness	stream	-r @FIX@/tt-keyness/r1.tsv --alpha 1 --min-freq 1
tt-keyness	stream	--counts
tt-keyness	stream	-M
tt-kwic		stream	-w zorg
tt-kwic		stream	-p wijkteam* -S --tsv
tt-kwic		lexicon	-C actor-formeel -l
tt-lexicon	lexicon	check
tt-lexicon	lexicon	stats
tt-lexicon	lexicon	import-liwc
tt-analyse	pipeline
tt-scan		pipeline	--state @DIR@
tt-report	pipeline
'
# Configurations that may answer "nothing found" with exit 1 (predicate
# modes), as patterns for "prog args".
predicate() {
	case $1 in
	'tt-jargon -o' | tt-kwic*) return 0 ;;
	esac
	return 1
}
# Warnings a run that ends with exit 0 may print after "prog: ".
WARNINGS='NUL or invalid UTF-8 replaced by U\+FFFD|warning: |regex hit its match limit|skipped$'
TIMEOUT=${TT_HOSTILE_TIMEOUT:-60}
# The one outcome expected of every run (see its first lines).
EXPECTED=$ROOT/tests/hostile-expected.tsv
# Runs at the same time (the machine's processors).
JOBS=${TT_HOSTILE_JOBS:-$(nproc 2>/dev/null || echo 2)}

# ---- the inputs ------------------------------------------------------------
# Made in $BATS_FILE_TMPDIR: the text inputs in in/ (names say what they
# are; the extension matters to the pipelines), streams of their own in
# stream/, every text input wrapped as streams in wrap/ (NAME.tok.tsv,
# NAME.rows.tsv, NAME.marked.tsv) and as a lexicon in lex/NAME.lex.tsv.
TEXT_INPUTS='random.bin random-after-text.txt nul.txt sample.txt.gz sample.pdf
longline.txt empty-lines.txt combining.txt combining-reorder.txt
emoji-rtl.txt cr-only.txt bigtoken.txt'

setup_file() {
	local d=$BATS_FILE_TMPDIR f
	mkdir -p "$d/in" "$d/stream" "$d/lex" "$d/wrap"
	SAMPLE="$ROOT/samples/beleidsnota-sociaal-domein.txt" OUT="$d" \
	    perl -e "$GENERATE" || return 1
	gzip -9n < "$ROOT/samples/beleidsnota-sociaal-domein.txt" \
	    > "$d/in/sample.txt.gz"
	# Wrapped as streams: through tt-tokenise (when it runs at all; its
	# own test is the raw run), and the hand-built rows through tt-stem |
	# tt-jargon, so that the aggregators see the columns they read. The
	# plain build is used when there is one (it is faster than valgrind).
	local bin=$ROOT/bin
	[ -x "$bin/tt-tokenise" ] || bin=$ROOT/${TT_BIN:-bin}
	for f in $TEXT_INPUTS; do
		# (only raw and as rows: each run on it is slow while NFC is)
		[ "$f" != combining-reorder.txt ] || continue
		if [ -x "$bin/tt-tokenise" ]; then
			timeout "$TIMEOUT" "$bin/tt-tokenise" "$d/in/$f" \
			    > "$d/wrap/$f.tok.tsv" 2>/dev/null || :
		fi
		if [ -f "$d/wrap/$f.rows.tsv" ] && [ -x "$bin/tt-stem" ] &&
		    [ -x "$bin/tt-jargon" ]; then
			{ timeout "$TIMEOUT" "$bin/tt-stem" "$d/wrap/$f.rows.tsv" |
			    timeout "$TIMEOUT" "$bin/tt-jargon" \
			    > "$d/wrap/$f.marked.tsv"; } 2>/dev/null || :
		fi
	done
}

# The generator (perl is essential on Debian; its rand is the same drand48
# everywhere since 5.20, so srand gives the same bytes on every machine).
GENERATE='
use strict; use warnings;
my $d = $ENV{OUT};
sub put { my ($name, $data) = @_; open(my $fh, ">:raw", "$d/$name") or die "$name: $!";
	print $fh $data; close($fh) or die "$name: $!"; }
sub u { my $s = join("", map { chr } @_); utf8::encode($s); $s }
open(my $in, "<:raw", $ENV{SAMPLE}) or die "$ENV{SAMPLE}: $!";
my $text = do { local $/; <$in> }; close $in;
my $HDR = "#doc\tline\tpar\tsent\ttok\ttype\tword\tspeaker\n";
srand(2015);
my $random = pack("C*", map { int(rand(256)) } 1 .. 1_000_000);
put("in/random.bin", $random);
# Random bytes behind 8 KB of text, so that they pass the binary sniff.
put("in/random-after-text.txt", substr($text, 0, 8192) . "\n" . $random);
# NUL-laden text: NULs inside words, between them, a line of 10,000 NULs.
(my $nul = $text) =~ s/ /\0 /g;
$nul =~ s/e/e\0/g;
put("in/nul.txt", $nul . ("\0" x 10_000) . "\neinde\0\n\0");
# A 10 MB line of Dutch words.
my $w = "De gemeente ondersteunt de eigen kracht van inwoners, mantelzorgers en vrijwilligers in de wijk. ";
put("in/longline.txt", ($w x int(10_485_760 / length($w))) . "\n");
put("in/empty-lines.txt", "\n" x 1_000_000);
# Storms of combining marks: 100,000 U+0301 on one e; marks with no base;
# enclosing marks. Then 150,000 marks of two combining classes alternating,
# which NFC must put in canonical order (utf8proc does it in quadratic time).
put("in/combining.txt", "zorg e" . u((0x301) x 100_000) . " eind\n" .
	u((0x308) x 50_000) . "\n" . u(0x301) . "\n" .
	"wijkte" . u(0x301, 0x20DD) x 1000 . "am\n");
put("in/combining-reorder.txt", "zorg a" . u(map { $_ % 2 ? 0x323 : 0x301 } 1 .. 150_000) . " eind\n");
# Emoji ZWJ sequences, skin tones, flags, keycaps; Hebrew and Arabic with
# marks; bidi controls; a 10,000-emoji ZWJ chain.
my $fam = u(0x1F469, 0x200D, 0x1F469, 0x200D, 0x1F467, 0x200D, 0x1F466);
my $doc = u(0x1F468, 0x1F3FD, 0x200D, 0x2695, 0xFE0F);
my $flag = u(0x1F3F3, 0xFE0F, 0x200D, 0x1F308) . u(0x1F1F3, 0x1F1F1);
my $key = u(0x31, 0xFE0F, 0x20E3);
my $he = u(0x05E9, 0x05B8, 0x05DC, 0x05D5, 0x05B9, 0x05DD);
my $ar = u(0x0645, 0x064E, 0x0631, 0x0652, 0x062D, 0x064E, 0x0628, 0x064B, 0x0627);
my $bidi = u(0x202E) . "ztrak negie" . u(0x202C) . u(0x200F, 0x2067) . $he . u(0x2069, 0x200E);
put("in/emoji-rtl.txt", "Mantelzorger $fam zegt: $doc helpt $flag $key.\n" .
	"$he $ar wijkteam $ar. $he: eigen kracht?\n$bidi\n" .
	"Spreker $ar: " . join(u(0x200D), ($fam) x 10_000) . "\n" .
	("$ar " x 20_000) . "\n" . u(0x200D) x 5000 . "\n" . u(0xFE0F) x 5000 . "\n");
(my $cr = $text) =~ s/\n/\r/g;
put("in/cr-only.txt", $cr);
# 1 MB tokens: letters, digits, a URL, punctuation, an e-mail address,
# hyphens, ë; and 64 KB runs of clitics and of the inside of a tag.
my $M = 1_048_576;
put("in/bigtoken.txt", "zorg " . ("a" x $M) . " eind.\n" . ("1234567890" x ($M / 10)) . "\n" .
	"https://example.nl/" . ("x" x $M) . "\n" . ("." x $M) . "\n" .
	("a" x $M) . "\@example.nl\n" . ("zorg-" x ($M / 5)) . "\n" .
	("\x27t" x 32_768) . "\n<" . ("v " x 32_768) . ">\n" . ("\xC3\xAB" x ($M / 2)) . "\n");
# A real PDF (one page, Helvetica, Dutch text) with a correct xref table.
{
	my $content = "BT /F1 12 Tf 72 770 Td (De gemeente zet in op eigen kracht en zelfredzaamheid.) Tj ET\n";
	my @obj = ("<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Length " . length($content) . " >>\nstream\n${content}endstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
	my $pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"; my @off;
	for my $i (0 .. $#obj) { push @off, length($pdf); $pdf .= ($i + 1) . " 0 obj\n$obj[$i]\nendobj\n"; }
	my $xref = length($pdf);
	$pdf .= "xref\n0 " . (@obj + 1) . "\n0000000000 65535 f \n";
	$pdf .= sprintf("%010d 00000 n \n", $_) for @off;
	$pdf .= "trailer\n<< /Size " . (@obj + 1) . " /Root 1 0 R >>\nstartxref\n$xref\n%%EOF\n";
	put("in/sample.pdf", $pdf);
}
# ---- streams of their own
put("stream/header-only.tsv", $HDR);
put("stream/ragged.tsv", $HDR . "a\t1\t1\t1\t1\tword\tzorg\t_\n" .
	"a\t1\n" . "a\t1\t1\t1\t2\tword\tzorg\t_\textra\tmore\n" . "\n" . ("\t" x 7) . "\n" .
	("\t" x 100) . "\n" . "lonely\n" . "a\t2\t1\t1\t3\tword\twijkteam\t_\n" .
	"#doc\tother\theader\n" . "a\t3\t1\t1\t4\tword\n" . "a\t3\t1\t1\t5\tword\teigen\t_\n" .
	"a\t3\t1\t1\t6\tword\tkracht\t_" );
put("stream/bigtoken.tsv", $HDR . "a\t1\t1\t1\t1\tword\t" . ("a" x $M) . "\t_\n" .
	("d" x $M) . "\t1\t1\t1\t2\tword\tzorg\t" . ("s" x $M) . "\n" .
	"a\t1\t1\t1\t3\tword\t" . ("zorg\\t" x ($M / 6)) . "\t_\n" .
	"a\t1\t1\t1\t4\tword\t" . ("\\" x $M) . "\t_\n");
(my $crs = $HDR . join("", map { "a\t$_\t1\t1\t$_\tword\t" . (qw(eigen kracht wijkteam zorg .))[$_ % 5] . "\t_\n" } 1 .. 1000)) =~ s/\n/\r/g;
put("stream/cr-only.tsv", $crs);
put("stream/many-columns.tsv", "#" . join("\t", map { "c$_" } 1 .. 200) . "\tword\n" .
	join("\t", (1) x 200) . "\tzorg\n");
# Values that are not what the columns promise: letters in number columns,
# huge and negative numbers, sentence numbers going back, an unknown type,
# escapes cut in half, a leading #, U+FFFD.
put("stream/odd-values.tsv", $HDR . join("", map { join("\t", @$_) . "\n" }
	["a", "x", "y", "z", "q", "word", "zorg", "_"],
	["a", "-1", "-1", "-1", "-1", "word", "zorg", "_"],
	["a", "99999999999999999999999", "18446744073709551616", "18446744073709551615", "1e308", "word", "zorg", "_"],
	["a", "1", "1", "5", "7", "word", "eigen", "_"],
	["a", "1", "1", "2", "3", "word", "kracht", "_"],
	["a", "1", "1", "2", "3", "spaceship", "\\", "\\"],
	["\\#a", "1", "1", "2", "3", "word", "\\x\\", "\\_"],
	["_", "", "", "", "", "", "", ""],
	["a", "1", "1", "2", "3", "word", "\xEF\xBF\xBD\xFF", "\xC0\x80"]));
# ---- every text input wrapped as a stream whose words are its bytes, and
# as a lexicon whose patterns are its lines
for my $f (qw(random.bin random-after-text.txt nul.txt sample.pdf longline.txt
    empty-lines.txt combining.txt combining-reorder.txt emoji-rtl.txt cr-only.txt bigtoken.txt)) {
	open(my $fh, "<:raw", "$d/in/$f") or die "$f: $!";
	my $all = do { local $/; <$fh> }; close $fh;
	my ($rows, $lex, $n, $tok) = ($HDR, "#id\tpattern\tcategory\talternative\tnote\tweight\n", 0, 0);
	for my $line (split /\n/, $all, -1) {
		$n++;
		(my $l = $line) =~ s/\t/ /g;
		$l =~ s/^#/\\#/;
		$lex .= "e$n\t" . ($l eq "" ? "_" : $l) . "\tcat" . ($n % 3) . "\t_\t_\t1\n" if $n <= 2000;
		my @words = split / +/, $line, -1;
		@words = ("") unless @words;
		for my $word (@words) {
			$tok++;
			(my $e = $word) =~ s/\\/\\\\/g;
			$e =~ s/\t/\\t/g; $e =~ s/\r/\\r/g;
			$e = "_" if $e eq "";
			$e = "\\_" if $e eq "_";
			$rows .= "$f\t$n\t" . (int($n / 7) + 1) . "\t" . (int($tok / 9) + 1) .
				"\t$tok\tword\t$e\t_\n";
		}
	}
	put("wrap/$f.rows.tsv", $rows);
	put("lex/$f.lex.tsv", $lex);
}
'

# The programs: every filters/tt-*.c but tt-serve (a server that reads
# no files: its hostile requests are in tt-serve.bats), then every
# pipeline.
programs() {
	local f
	for f in "$ROOT"/filters/tt-*.c; do
		[ "$f" = "$ROOT/filters/tt-serve.c" ] || basename "$f" .c
	done
}
pipelines() {
	local f
	for f in "$ROOT"/pipelines/tt-*; do
		case $f in *.*) continue ;; esac
		[ -x "$f" ] && basename "$f"
	done
	return 0
}

# The configurations of prog, one a line: "kind<TAB>args".
configs_of() {
	local p k a found=
	while IFS=$'\t' read -r p k a; do
		[ -n "$p" ] || continue
		if [ "$p" = "$1" ]; then
			printf '%s\t%s\n' "$k" "$a"
			found=1
		fi
	done < <(printf '%s\n' "$CONFIGS" | tr -s '\t')
	[ -n "$found" ] || printf 'any\t\n'
}

# check RESULT CFG INPUT PREFIX CMD...: runs "timeout 60 CMD..." and
# writes its outcome to RESULT.got, one line "CFG<TAB>INPUT<TAB>status<TAB>
# stdout<TAB>stderr" as the table holds it (see outcome), and what breaks
# the rules that hold whatever the table says, if anything, to RESULT.res:
# a hang, a signal, exit 1 outside a predicate mode, exit 2 without a
# message, a stderr line that does not start with PREFIX, or a message
# after which the run ends with exit 0 that is no documented warning.
check() {
	local res=$1.res got=$1.got out=$1.out cfg=$2 input=$3 prefix=$4 st=0
	local err=$1.err line why=
	shift 4
	# (in the source tree, so that the lexicons found there are named
	# lexicons/x.tsv whatever the directory bats was started in; check
	# runs in a subshell of its own)
	cd "$ROOT" || return 1
	timeout "$TIMEOUT" "$@" > "$out" 2> "$err" < /dev/null || st=$?
	outcome "$cfg" "$input" "$st" "$out" "$err" > "$got"
	rm -f "$out"
	case $st in
	0 | 1 | 2) ;;
	124) why="hang: killed after $TIMEOUT s" ;;
	*)
		if [ "$st" -gt 128 ]; then
			why="killed by signal $((st - 128))"
		else
			why="exit $st"
		fi ;;
	esac
	if [ -z "$why" ] && [ "$st" -eq 1 ] && ! predicate "$cfg"; then
		why="exit 1 (not a predicate mode)"
	fi
	if [ -z "$why" ] && [ "$st" -eq 2 ] && [ ! -s "$err" ]; then
		why="exit 2 without a message"
	fi
	if [ -z "$why" ]; then
		while IFS= read -r line; do
			if ! [[ "$line" =~ ^$prefix ]]; then
				why="exit $st, a stderr line not starting with '$prefix'"
				break
			fi
			if [ "$st" -ne 2 ] && ! [[ "$line" =~ ^[^\ ]+:\ .*($WARNINGS) ]]; then
				why="exit $st with a message that is no documented warning"
				break
			fi
		done < "$err"
	fi
	[ -n "$why" ] || return 0
	{
		printf '%s %s: %s\n' "$cfg" "$input" "$why"
		if [ -s "$err" ]; then
			printf '    stderr: %s\n' "$(head -c 300 "$err" | head -n 3 |
			    tr -c '[:print:]\n' '?' | sed '2,$s/^/            /')"
		fi
	} > "$res"
}

# outcome CFG INPUT STATUS OUTFILE ERRFILE: the row of the table for one
# run. stdout is "-" when empty, else its number of lines ("N lines"; a
# last line without a newline counts). stderr is its first line, "-" when
# there is none, with the variable parts written as names: the inputs'
# directory as @TMP@, the test's own directory as @RUN@ (the state
# directories @RUN@/dirN as @RUN@/dir@), the source tree as @ROOT@;
# bytes that are not printable ASCII become "?", and it is cut at 200
# characters.
outcome() {
	local stdout=- stderr=- n
	if [ -s "$4" ]; then
		n=$(wc -l < "$4")
		[ -z "$(tail -c 1 "$4")" ] || n=$((n + 1))
		stdout="$n lines"
	fi
	if [ -s "$5" ]; then
		stderr=$(head -n 1 "$5" | head -c 2000 | LC_ALL=C tr -c '[:print:]\n' '?')
		stderr=${stderr//"$BATS_FILE_TMPDIR"/@TMP@}
		stderr=${stderr//"$BATS_TEST_TMPDIR"/@RUN@}
		stderr=${stderr//"$ROOT"/@ROOT@}
		[[ ! "$stderr" =~ ^(.*@RUN@/dir)[0-9]+(.*)$ ]] ||
		    stderr="${BASH_REMATCH[1]}@${BASH_REMATCH[2]}"
		stderr=${stderr:0:200}
	fi
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$stdout" "$stderr"
}

# expected CFG INPUT: the row of tests/hostile-expected.tsv for it, the
# note column left off; nothing when there is none.
expected() {
	awk -F '\t' -v cfg="$1" -v input="$2" '
	    $1 == cfg && $2 == input { print $1 "\t" $2 "\t" $3 "\t" $4 "\t" $5; exit }
	' "$EXPECTED"
}

# matches GOT WANT: whether a row's outcome is the one the table expects.
# The stderr column of the table is either the exact line or, after "~ ",
# a glob pattern (for a line with a part that varies from run to run).
matches() {
	local g1 g2 g3 g4 g5 w1 w2 w3 w4 w5
	IFS=$'\t' read -r g1 g2 g3 g4 g5 <<< "$1"
	IFS=$'\t' read -r w1 w2 w3 w4 w5 <<< "$2"
	[ "$g3" = "$w3" ] && [ "$g4" = "$w4" ] || return 1
	case $w5 in
	'~ '*) [[ "$g5" == ${w5#"~ "} ]] ;;
	*) [ "$g5" = "$w5" ] ;;
	esac
}

# show_run ROW, show_outcome ROW: a row of the table as a failure shows
# it: "run | input", and "exit S, stdout: X, stderr: Y".
show_run() {
	local r i rest
	IFS=$'\t' read -r r i rest <<< "$1"
	printf '%s | %s\n' "$r" "$i"
}
show_outcome() {
	local r i st out err
	IFS=$'\t' read -r r i st out err <<< "$1"
	printf 'exit %s, stdout: %s, stderr: %s\n' "$st" "$out" "$err"
}

# queue CFG INPUT PREFIX CMD...: adds a check to RUNS (its words joined by
# \x1f). run_all: runs them, $JOBS at a time; prints what failed: every
# broken rule, and every run whose outcome is not the one
# tests/hostile-expected.tsv holds for it. With TT_HOSTILE_RECORD=FILE it
# appends the outcomes to FILE instead of comparing them (how the table's
# first version was made; see the top of the table).
queue() {
	local IFS=$'\x1f'
	RUNS+=("$*")
}
run_all() {
	local i=0 r dir=$BATS_TEST_TMPDIR/runs got want
	local -a argv
	mkdir -p "$dir"
	for r in "${RUNS[@]}"; do
		i=$((i + 1))
		IFS=$'\x1f' read -r -a argv <<< "$r"
		while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
			wait -n || :
		done
		check "$dir/$i" "${argv[@]}" &
	done
	wait
	echo "$i runs"
	: > "$dir/failed"
	for r in $(seq 1 "$i"); do
		[ ! -f "$dir/$r.res" ] || cat "$dir/$r.res" >> "$dir/failed"
		if [ -n "${TT_HOSTILE_RECORD:-}" ]; then
			cat "$dir/$r.got" >> "$TT_HOSTILE_RECORD"
			continue
		fi
		got=$(cat "$dir/$r.got")
		want=$(expected "$(cut -f 1 <<< "$got")" "$(cut -f 2 <<< "$got")")
		if [ -z "$want" ]; then
			printf '%s\n  no row in %s; the run gave\n    %s\n' \
			    "$(show_run "$got")" "${EXPECTED#"$ROOT"/}" \
			    "$(show_outcome "$got")" >> "$dir/failed"
		elif ! matches "$got" "$want"; then
			printf '%s\n  expected: %s\n  actual:   %s\n' \
			    "$(show_run "$got")" "$(show_outcome "$want")" \
			    "$(show_outcome "$got")" >> "$dir/failed"
		fi
	done
	# rows of the table for these inputs that no run gave (a configuration
	# left out, or an input no longer made)
	if [ -z "${TT_HOSTILE_RECORD:-}" ]; then
		cat "$dir"/*.got | awk -F '\t' -v file="${EXPECTED#"$ROOT"/}" '
		    FILENAME == "-" { ran[$1 "\t" $2] = 1; input[$2] = 1; next }
		    /^#/ || NF < 5 { next }
		    ($2 in input) && !(($1 "\t" $2) in ran) {
			printf "%s | %s\n  in %s, but no such run\n", $1, $2, file }
		' - "$EXPECTED" >> "$dir/failed"
	fi
	[ -s "$dir/failed" ] || return 0
	cat "$dir/failed"
	return 1
}

# hostile NAME...: feeds each named input to every program as its kind
# takes it: text files in/NAME, wrappings wrap/NAME.*.tsv, a NAME ending
# in .stream is stream/NAME without it; lexicon wrappings lex/NAME.lex.tsv.
hostile() {
	local d=$BATS_FILE_TMPDIR p kind args f_args name files f input missing= n=0
	local -a av
	RUNS=()
	for p in $(programs) $(pipelines); do
		if [ ! -x "$ROOT/${TT_BIN:-bin}/$p" ] && [ ! -x "$ROOT/pipelines/$p" ]; then
			missing+=" $p"
			continue
		fi
		while IFS=$'\t' read -r kind args; do
			for name in "$@"; do
				files=
				case $kind:$name in
				pipeline:*.stream) continue ;;
				*.stream) files="$d/stream/${name%.stream}" ;;
				*) files="$d/in/$name" ;;
				esac
				case $kind:$name in
				*.stream) ;;
				stream:* | any:*)
					for f in tok rows marked; do
						[ -f "$d/wrap/$name.$f.tsv" ] &&
						    files+=" $d/wrap/$name.$f.tsv"
					done ;;
				lexicon:*)
					[ -f "$d/lex/$name.lex.tsv" ] &&
					    files+=" $d/lex/$name.lex.tsv" ;;
				esac
				for f in $files; do
					n=$((n + 1))
					f_args=${args//@DIR@/$BATS_TEST_TMPDIR/dir$n}
					read -r -a av <<< "${f_args//@FIX@/$FIX}"
					input=${f#"$d"/}
					if [ -x "$ROOT/pipelines/$p" ]; then
						queue "$p${args:+ $args}" "$input" 'tt-[a-z-]+: ' \
						    "$p" "${av[@]}" "$f"
					elif [ "$kind" = lexicon ] && [ "$p" != tt-lexicon ]; then
						queue "$p${args:+ $args}" "$input" "$p: " \
						    "$p" "${av[@]}" "$f" "$FIX/tt-stem/small.tsv"
					else
						queue "$p${args:+ $args}" "$input" "$p: " \
						    "$p" "${av[@]}" "$f"
					fi
				done
			done
		done < <(configs_of "$p")
	done
	[ -z "$missing" ] || { echo "not built (run make):$missing"; return 1; }
	run_all
}

@test "every program in filters/ is built" {
	local p missing=
	for p in $(programs); do
		[ -x "$ROOT/${TT_BIN:-bin}/$p" ] || missing+=" $p"
	done
	[ -z "$missing" ] || { echo "not built (run make):$missing"; return 1; }
}

@test "hostile: random bytes" {
	hostile random.bin random-after-text.txt
}

@test "hostile: NUL-laden text" {
	hostile nul.txt
}

@test "hostile: gzip and PDF files" {
	hostile sample.txt.gz sample.pdf
}

@test "hostile: a 10 MB line" {
	hostile longline.txt
}

@test "hostile: a million empty lines" {
	hostile empty-lines.txt
}

@test "hostile: storms of combining marks" {
	hostile combining.txt
}

@test "hostile: a storm of combining marks that NFC must reorder" {
	hostile combining-reorder.txt
}

@test "hostile: emoji ZWJ sequences and right-to-left text" {
	hostile emoji-rtl.txt
}

@test "hostile: CR-only line ends, as text and as a stream" {
	hostile cr-only.txt cr-only.tsv.stream
}

@test "hostile: a stream with only a header" {
	hostile header-only.tsv.stream
}

@test "hostile: 1 MB tokens, as text and in a stream" {
	hostile bigtoken.txt bigtoken.tsv.stream
}

@test "hostile: ragged rows, too many columns, odd values" {
	hostile ragged.tsv.stream many-columns.tsv.stream odd-values.tsv.stream
}
