#!/usr/bin/env bats
# tt-keyness: terms and word groups counted by hand, the measures of twenty
# rows recomputed independently (Python, exact binomial sums), counts and
# merging (serial = GNU parallel), --by, the lexicon column, the draft
# accepted by tt-lexicon check, errors and the hostile set.

load helper

K="$FIX/tt-keyness"
HEAD=$'#term\tn\tfreq\tref_freq\trate\tref_rate\tG2\tp\tlog_ratio\tLRC\tpct_diff\tsimple_maths\tdocs\tlexicon\texample'

# The fixture: t1 (3 sentences), t2 (2) against r1 (4), 30 and 20 words.
# "Eigen kracht" 4 times in the target (3 in t1), never in the reference.
@test "terms, word groups, frequencies, documents and examples: counted by hand" {
	run --separate-stderr tt-keyness --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$K/t1.tsv" "$K/t2.tsv"
	assert_success
	[ -z "$stderr" ]
	[ "${lines[0]}" = "$HEAD" ]
	run cut -f1-4,13- <<<"$output"
	assert_output "$(printf '%s\n' \
	    $'#term\tn\tfreq\tref_freq\tdocs\tlexicon\texample' \
	    $'eig\t1\t4\t0\t2\t_\tt1:1' \
	    $'eig kracht\t2\t4\t0\t2\t_\tt1:1' \
	    $'kracht\t1\t4\t0\t2\t_\tt1:1' \
	    $'maatwerk\t1\t2\t0\t1\t_\tt1:2' \
	    $'biedt\t1\t1\t0\t1\t_\tt1:4' \
	    $'in\t1\t1\t0\t1\t_\tt1:2' \
	    $'kracht en maatwerk\t3\t1\t0\t1\t_\tt1:2' \
	    $'maatwerk en eig\t3\t1\t0\t1\t_\tt1:4' \
	    $'van\t1\t1\t0\t1\t_\tt2:1' \
	    $'werkt\t1\t1\t0\t1\t_\tt1:1' \
	    $'werkt met eig\t3\t1\t0\t1\t_\tt1:1' \
	    $'wijk\t1\t1\t0\t1\t_\tt1:2' \
	    $'wijkteam biedt maatwerk\t3\t1\t0\t1\t_\tt1:4' \
	    $'wijkteam werkt\t2\t1\t0\t1\t_\tt1:1' \
	    $'en\t1\t3\t1\t2\t_\tt1:2' \
	    $'het\t1\t3\t1\t2\t_\tt1:1' \
	    $'wijkteam\t1\t3\t1\t2\t_\tt1:1' \
	    $'met\t1\t1\t1\t1\t_\tt1:1' \
	    $'bewoner\t1\t1\t2\t1\t_\tt2:1' \
	    $'bur\t1\t1\t3\t1\t_\tt2:2' \
	    $'de\t1\t3\t6\t2\t_\tt1:2')"
	# "wijkteam biedt" and "biedt maatwerk" occur only inside "wijkteam
	# biedt maatwerk": left out for it.
	# No group begins or ends with a function word, none crosses the
	# comma or the number of t2 ("bewoners, 2025"), none crosses a
	# sentence ("wijk. Het"), and none is longer than 3 words
	run tt-keyness --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$K/t1.tsv" "$K/t2.tsv"
	refute_output --regexp $'(^|\n)(de|het|en|in|met|van) [^\t]*\t'
	refute_output --regexp $'\n[^\t]* (de|het|en|in|met|van)\t'
	refute_output --partial $'wijk het'
	[ "$(awk -F'\t' 'NR > 1 && $2 > 3' <<<"$output" | wc -l)" -eq 0 ]
}

@test "one row worked out on paper: rates, pct_diff, simple maths" {
	# bur: f1 = 1 of N1 = 30, f2 = 3 of N2 = 20
	run tt-keyness --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$K/t1.tsv" "$K/t2.tsv"
	row=$(awk -F'\t' '$1 == "bur"' <<<"$output")
	[ "$(cut -f5,6,11,12 <<<"$row")" = $'33333.333333\t150000\t-77.777778\t0.222227' ]
	# E1 = 4 * 30/50 = 2.4, E2 = 1.6; G2 = 2 * (1 ln(1/2.4) + 3 ln(3/1.6)
	# + 29 ln(29/27.6) + 17 ln(17/18.4)) = 2.199889, negative: underused
	[ "$(cut -f7 <<<"$row")" = "-2.199889" ]
	# eig: never in the reference: pct_diff is inf
	[ "$(awk -F'\t' '$1 == "eig" { print $11 }' <<<"$output")" = inf ]
}

@test "--assoc: word groups are kept only when their words are associated" {
	# logDice 14: the words never occur apart: only "eigen kracht"
	run --separate-stderr tt-keyness --assoc 14 --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$K/t1.tsv" "$K/t2.tsv"
	assert_success
	[ "$(awk -F'\t' 'NR > 1 && $2 > 1 { print $1 }' <<<"$output")" = "eig kracht" ]
	run tt-keyness --ngram 1 --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$K/t1.tsv" "$K/t2.tsv"
	[ "$(awk -F'\t' 'NR > 1 && $2 > 1' <<<"$output" | wc -l)" -eq 0 ]
	[ "$(wc -l <<<"$output")" -eq 16 ]
}

@test "--min-freq, --alpha, --sort and --top select and order the rows" {
	run tt-keyness --alpha 1 --min-freq 3 -r "$K/r1.tsv" "$K/t1.tsv" "$K/t2.tsv"
	[ "$(cut -f1 <<<"$output" | tail -n +2 | tr '\n' ,)" = "eig,eig kracht,kracht,en,het,wijkteam,de," ]
	run tt-keyness --alpha 1 --min-freq 3 --sort freq --top 2 -r "$K/r1.tsv" "$K/t1.tsv" "$K/t2.tsv"
	[ "$(cut -f1 <<<"$output" | tail -n +2 | tr '\n' ,)" = "eig,eig kracht," ]
	# at the default alpha nothing in so small a corpus is significant
	run --separate-stderr tt-keyness -r "$K/r1.tsv" "$K/t1.tsv" "$K/t2.tsv"
	assert_success
	assert_output "$HEAD"
}

# recompute.py N1 N2: reads table rows on stdin, recomputes G2, log_ratio
# and LRC from freq and ref_freq with its own arithmetic (LRC: the
# Clopper-Pearson bounds by bisection on exact binomial tail sums, not the
# incomplete beta function tt-keyness uses) and prints any mismatch
# beyond six decimals.
recompute() {
	cat > "$BATS_TEST_TMPDIR/recompute.py" <<'EOF'
import math, sys
n1, n2, m, alpha = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
def logpmf(k, n, p):
    if p <= 0: return 0.0 if k == 0 else -math.inf
    if p >= 1: return 0.0 if k == n else -math.inf
    return (math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
            + k * math.log(p) + (n - k) * math.log1p(-p))
def tail_ge(k, n, p):   # P(X >= k)
    return sum(math.exp(logpmf(i, n, p)) for i in range(k, n + 1))
def tail_le(k, n, p):   # P(X <= k)
    return sum(math.exp(logpmf(i, n, p)) for i in range(0, k + 1))
def solve(f, target, increasing):
    lo, hi = 0.0, 1.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if (f(mid) < target) == increasing: lo = mid
        else: hi = mid
    return (lo + hi) / 2
def cell(o, e): return o * math.log(o / e) if o > 0 else 0.0
bad = 0
for line in sys.stdin:
    c = line.rstrip('\n').split('\t')
    f1, f2 = int(c[2]), int(c[3])
    n = n1 + n2
    e1, e2 = (f1 + f2) * n1 / n, (f1 + f2) * n2 / n
    g = 2 * (cell(f1, e1) + cell(f2, e2) + cell(n1 - f1, n1 - e1) + cell(n2 - f2, n2 - e2))
    if f1 < e1: g = -g
    lr = math.log2((f1 + .5) / (n1 + .5)) - math.log2((f2 + .5) / (n2 + .5))
    a, k, t = alpha / m / 2, f1, f1 + f2
    if f1 / n1 >= f2 / n2:
        # lower bound: P(X >= k | p) = a, increasing in p
        lo = solve(lambda p: tail_ge(k, t, p), a, True) if k > 0 else 0.0
        lrc = max(0.0, math.log2(n2 / n1 * lo / (1 - lo))) if lo > 0 else 0.0
    else:
        # upper bound: P(X <= k | p) = a, decreasing in p
        hi = solve(lambda p: tail_le(k, t, p), a, False) if k < t else 1.0
        lrc = min(0.0, math.log2(n2 / n1 * hi / (1 - hi))) if hi < 1 else 0.0
    for name, want, got in (("G2", g, c[6]), ("log_ratio", lr, c[8]), ("LRC", lrc, c[9])):
        if abs(want - float(got)) > 1.5e-6:
            print("%s %s: want %.6f, got %s" % (c[0], name, want, got)); bad += 1
sys.exit(1 if bad else 0)
EOF
	python3 "$BATS_TEST_TMPDIR/recompute.py" "$@"
}

# The samples as streams: the policy documents, and the letter and the
# focus groups (what residents say).
sample_streams() {
	S=$BATS_TEST_TMPDIR/s
	mkdir -p "$S"
	for f in beleidsnota-sociaal-domein.txt uitvoeringsplan-wijkteams.txt \
	    raadsvoorstel-mantelzorg.txt jaarverslag-wijkteam.txt \
	    brief-bewoners.txt focusgroep-mantelzorgers.txt focusgroep-vrijwilligers.vtt; do
		tt-normalise "$ROOT/samples/$f" | tt-tokenise --doc "$f" | tt-stem > "$S/$f.tsv"
	done
	POLICY="$S/beleidsnota-sociaal-domein.txt.tsv $S/uitvoeringsplan-wijkteams.txt.tsv $S/raadsvoorstel-mantelzorg.txt.tsv $S/jaarverslag-wijkteam.txt.tsv"
	REF="-r $S/brief-bewoners.txt.tsv -r $S/focusgroep-mantelzorgers.txt.tsv -r $S/focusgroep-vrijwilligers.vtt.tsv"
}

# word tokens (type word or abbr) of streams, counted apart from tt-keyness
words_of() {
	awk -F'\t' '!/^#/ && ($6 == "word" || $6 == "abbr") && $9 != "_"' "$@" | wc -l
}

@test "G2, log_ratio and LRC of twenty rows recomputed independently agree to six decimals" {
	command -v python3 >/dev/null || skip "python3 is not installed"
	sample_streams
	# shellcheck disable=SC2086
	run --separate-stderr tt-keyness --alpha 1 --min-freq 2 $REF $POLICY
	assert_success
	# the candidates, m: every row at --alpha 1
	m=$(tail -n +2 <<<"$output" | wc -l)
	# shellcheck disable=SC2086
	n1=$(words_of $POLICY)
	# shellcheck disable=SC2086
	n2=$(words_of $(sed 's/-r //g' <<<"$REF"))
	rows=$(tail -n +2 <<<"$output")
	[ "$(wc -l <<<"$rows")" -ge 20 ]
	# the ten with the highest LRC and the ten with the lowest: both signs
	sel=$( { head -10 <<<"$rows"; tail -10 <<<"$rows"; } )
	[ "$(wc -l <<<"$sel")" -eq 20 ]
	[ "$(awk -F'\t' '$10 > 0' <<<"$sel" | wc -l)" -ge 5 ]
	[ "$(awk -F'\t' '$10 < 0' <<<"$sel" | wc -l)" -ge 5 ]
	run recompute "$n1" "$n2" "$m" 1 <<<"$sel"
	assert_success
	# the rates are freq per million of those totals
	awk -F'\t' -v n1="$n1" -v n2="$n2" '{
	    if (sprintf("%.6f", $3 / n1 * 1e6) + 0 != $5 + 0 || sprintf("%.6f", $4 / n2 * 1e6) + 0 != $6 + 0) exit 1 }' <<<"$sel"
}

@test "--counts and --merge: the merged counts of each file give the serial table" {
	sample_streams
	# shellcheck disable=SC2086
	tt-keyness --alpha 0.05 $REF $POLICY > "$S/serial"
	for f in $POLICY; do tt-keyness --counts "$f" > "$f.kc"; done
	for f in $(sed 's/-r //g' <<<"$REF"); do tt-keyness --counts --as reference "$f" > "$f.kc"; done
	run --separate-stderr tt-keyness --alpha 0.05 --merge $(ls -r "$S"/*.kc)
	assert_success
	[ "$output" = "$(cat "$S/serial")" ]
	[ "$(wc -l < "$S/serial")" -gt 10 ]
	# counts are additive: merging merged counts changes nothing
	tt-keyness --merge --counts "$S"/*.kc > "$S/all.merged"
	run tt-keyness --alpha 0.05 --merge "$S/all.merged"
	[ "$output" = "$(cat "$S/serial")" ]
	# and the counts of one run with -r equal the merged ones
	# shellcheck disable=SC2086
	run diff <(tt-keyness --counts $REF $POLICY) <(tt-keyness --merge --counts "$S"/*.kc)
	assert_success
}

@test "GNU parallel, one job a file, merged: exactly the serial result (table and draft)" {
	command -v parallel >/dev/null || skip "GNU parallel is not installed"
	sample_streams
	cd "$S"
	ls *.tsv | grep -v -e brief -e focusgroep > targets
	ls *.tsv | grep -e brief -e focusgroep > refs
	# the draft leaves out what the lexicon covers: the counts carry it
	parallel -j 2 'tt-keyness --counts -l transitietaal.tsv {} > {}.kc' :::: targets
	parallel -j 2 'tt-keyness --counts -l transitietaal.tsv --as reference {} > {}.kc' :::: refs
	# shellcheck disable=SC2086
	run diff <(tt-keyness -l transitietaal.tsv --alpha 0.05 $REF $POLICY) <(tt-keyness --alpha 0.05 --merge ./*.kc)
	assert_success
	# shellcheck disable=SC2086
	run diff <(tt-keyness --draft --alpha 1 $REF $POLICY) <(tt-keyness --draft --alpha 1 --merge ./*.kc)
	assert_success
	[ "$(tt-keyness --draft --alpha 1 --merge ./*.kc | grep -vc '^#')" -gt 20 ]
	# --by doc over all seven files, in parallel, too
	parallel -j 2 'tt-keyness --counts --by doc {} > {}.bydoc' ::: *.tsv
	run diff <(tt-keyness --by doc --alpha 0.05 ./*.tsv) <(tt-keyness --merge --alpha 0.05 ./*.bydoc)
	assert_success
	[ "$(cut -f1 <<<"$output" | sort -u | wc -l)" -ge 1 ]
}

@test "--by group: each group against the rest, a part column first" {
	printf 't1\tA\nt2\tB\nr1\tB\n' > "$BATS_TEST_TMPDIR/g"
	run --separate-stderr tt-keyness --by group --groups "$BATS_TEST_TMPDIR/g" --alpha 1 --min-freq 2 "$K/t1.tsv" "$K/t2.tsv" "$K/r1.tsv"
	assert_success
	[ "${lines[0]}" = $'#part\t'"${HEAD#\#}" ]
	# A = t1 (20 words) against B = t2 + r1 (30): eigen 3 against 1,
	# buren 0 against 4
	assert_line --regexp $'^A\teig\t1\t3\t1\t'
	assert_line --regexp $'^B\tbur\t1\t4\t0\t'
	# the same as -r with the parts as streams
	run tt-keyness --alpha 1 --min-freq 2 -r "$K/t2.tsv" -r "$K/r1.tsv" "$K/t1.tsv"
	a=$(tail -n +2 <<<"$output")
	run tt-keyness --by group --groups "$BATS_TEST_TMPDIR/g" --alpha 1 --min-freq 2 "$K/t1.tsv" "$K/t2.tsv" "$K/r1.tsv"
	[ "$(awk -F'\t' '$1 == "A"' <<<"$output" | cut -f2-)" = "$a" ]
}

@test "--by doc and --by speaker" {
	run --separate-stderr tt-keyness --by doc --alpha 1 --min-freq 3 "$K/t1.tsv" "$K/t2.tsv" "$K/r1.tsv"
	assert_success
	[ "$(cut -f1 <<<"$output" | tail -n +2 | sort -u | tr '\n' ,)" = "r1,t1," ]
	assert_line --regexp $'^r1\tde\t1\t6\t3\t'
	tt-normalise "$ROOT/samples/focusgroep-vrijwilligers.vtt" | tt-tokenise --doc fg | tt-stem > "$BATS_TEST_TMPDIR/fg"
	run --separate-stderr tt-keyness --by speaker --alpha 1 "$BATS_TEST_TMPDIR/fg"
	assert_success
	[ "$(cut -f1 <<<"$output" | tail -n +2 | sort -u | wc -l)" -ge 2 ]
}

@test "the lexicon column: from -l by the matcher, or from tt-jargon's column" {
	run --separate-stderr tt-keyness -l transitietaal.tsv --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$K/t1.tsv" "$K/t2.tsv"
	assert_success
	assert_line --regexp $'^eig kracht\t2\t.*\ttransitietaal:eigen-kracht\tt1:1$'
	# a word inside a longer match is not the entry
	assert_line --regexp $'^eig\t1\t.*\t_\tt1:1$'
	assert_line --regexp $'^kracht\t1\t.*\t_\tt1:1$'
	assert_line --regexp $'^wijkteam\t1\t.*\ttransitietaal:wijkteam\tt1:1$'
	assert_line --regexp $'^maatwerk\t1\t.*\ttransitietaal:maatwerk\tt1:2$'
	# nor is a group only partly inside a match
	assert_line --regexp $'^werkt met eig\t3\t.*\t_\tt1:1$'
	with_l=$output
	tt-jargon "$K/t1.tsv" > "$BATS_TEST_TMPDIR/t1"
	tt-jargon "$K/t2.tsv" > "$BATS_TEST_TMPDIR/t2"
	run --separate-stderr tt-keyness --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$BATS_TEST_TMPDIR/t1" "$BATS_TEST_TMPDIR/t2"
	assert_success
	[ "$output" = "$with_l" ]
}

@test "--draft: entries for the uncovered terms, valid for tt-lexicon check once ? is replaced" {
	sample_streams
	# shellcheck disable=SC2086
	tt-keyness --draft --alpha 1 $REF $POLICY > "$S/draft.tsv"
	# shellcheck disable=SC2086
	table=$(tt-keyness -l transitietaal.tsv --alpha 1 $REF $POLICY)
	n=$(grep -vc '^#' "$S/draft.tsv")
	[ "$n" -gt 5 ]
	# every entry: category ?, alternative _, a note with the evidence
	[ "$(awk -F'\t' '!/^#/ && !($3 == "?" && $4 == "_" && $5 ~ /^keyness: G2 [0-9.]+, LRC [-0-9.]+, freq [0-9]+ \(reference [0-9]+\), docs [0-9]+, first [^ ]+:[0-9]+$/)' "$S/draft.tsv" | wc -l)" -eq 0 ]
	# none is covered by the lexicon, none is overused in the reference
	covered=$(awk -F'\t' 'NR > 1 && $14 != "_" { print $1 }' <<<"$table" | head -1)
	[ -n "$covered" ]
	# the drafted terms are exactly the table's positive, uncovered, non-function rows
	[ "$(awk -F'\t' 'NR > 1 && $7 > 0 && $14 == "_"' <<<"$table" | wc -l)" -ge "$n" ]
	# tt-lexicon check accepts the file, with ? too (it does not flag ?)
	run --separate-stderr tt-lexicon check "$S/draft.tsv"
	assert_success
	sed 's/\t?\t/\tnieuw-jargon\t/' "$S/draft.tsv" > "$S/edited.tsv"
	run --separate-stderr tt-lexicon check "$S/edited.tsv"
	assert_success
	assert_output --partial "$n entries"
	# the drafted patterns find their terms again
	run --separate-stderr tt-jargon -l "$S/edited.tsv" $POLICY
	assert_success
	[ "$(cut -f10 <<<"$output" | grep -c '^edited:')" -gt "$n" ]
}

@test "--draft with --field word proposes exact forms; covered terms are left out" {
	printf '#id\tpattern\tcategory\nwijkteam\twijkteam*\tactor\n' > "$BATS_TEST_TMPDIR/mini.tsv"
	run --separate-stderr tt-keyness --draft -l "$BATS_TEST_TMPDIR/mini.tsv" --field word --alpha 1 --min-freq 2 -r "$K/r1.tsv" "$K/t1.tsv" "$K/t2.tsv"
	assert_success
	[ -z "$stderr" ]
	run grep -v '^#' <<<"$output"
	assert_output "$(printf '%s\n' \
	    $'eigen\t=eigen\t?\t_\tkeyness: G2 4.3, LRC 0, freq 4 (reference 0), docs 2, first t1:1' \
	    $'eigen-kracht\t=eigen =kracht\t?\t_\tkeyness: G2 4.3, LRC 0, freq 4 (reference 0), docs 2, first t1:1' \
	    $'kracht\t=kracht\t?\t_\tkeyness: G2 4.3, LRC 0, freq 4 (reference 0), docs 2, first t1:1' \
	    $'maatwerk\t=maatwerk\t?\t_\tkeyness: G2 2.1, LRC 0, freq 2 (reference 0), docs 1, first t1:2')"
	run --separate-stderr tt-keyness --draft -l /dev/null --field word --alpha 1 --min-freq 2 -r "$K/r1.tsv" "$K/t1.tsv" "$K/t2.tsv"
	[ "$status" -eq 2 ]
}

@test "--draft: a family of compounds becomes one prefix glob" {
	printf 'De buurt heeft een buurthuis en buurtwerk.\nIn de buurt is het buurthuis open.\nHet buurtwerk helpt de buurt.\n' |
	    tt-normalise | tt-tokenise --doc b | tt-stem > "$BATS_TEST_TMPDIR/b"
	printf '#id\tpattern\tcategory\nwijkteam\twijkteam*\tactor\n' > "$BATS_TEST_TMPDIR/mini.tsv"
	run --separate-stderr tt-keyness --draft -l "$BATS_TEST_TMPDIR/mini.tsv" --alpha 1 --min-freq 2 -r "$K/r1.tsv" "$BATS_TEST_TMPDIR/b"
	assert_success
	draft=$output
	run grep -v '^#' <<<"$output"
	assert_output $'buurt\tbuurt*\t?\t_\tkeyness: G2 4.6, LRC 0, freq 3 (reference 0), docs 1, first b:1; the glob also for buurthuis, buurtwerk'
	# and the glob finds all three
	sed 's/\t?\t/\tbuurt\t/' <<<"$draft" > "$BATS_TEST_TMPDIR/d.tsv"
	run tt-jargon -l "$BATS_TEST_TMPDIR/d.tsv" "$BATS_TEST_TMPDIR/b"
	[ "$(cut -f10 <<<"$output" | grep -c '^d:buurt$')" -eq 7 ]
}

@test "errors: a reference without the field, an empty reference, bad counts, bad groups" {
	cut -f1-8 "$K/r1.tsv" > "$BATS_TEST_TMPDIR/nostem"
	run --separate-stderr tt-keyness -r "$BATS_TEST_TMPDIR/nostem" "$K/t1.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "tt-keyness: $BATS_TEST_TMPDIR/nostem:1: no column 'stem' (run tt-stem first)" ]
	[ -z "$output" ]
	head -1 "$K/r1.tsv" > "$BATS_TEST_TMPDIR/empty"
	run --separate-stderr tt-keyness -r "$BATS_TEST_TMPDIR/empty" "$K/t1.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "tt-keyness: $BATS_TEST_TMPDIR/empty:1: the reference holds no words" ]
	tt-cooc --counts --field stem "$K/t1.tsv" > "$BATS_TEST_TMPDIR/cooc"
	run --separate-stderr tt-keyness --merge "$BATS_TEST_TMPDIR/cooc"
	[ "$status" -eq 2 ]
	[ "$stderr" = "tt-keyness: $BATS_TEST_TMPDIR/cooc:1: not a tt-keyness counts file (made with tt-keyness --counts)" ]
	tt-keyness --counts "$K/t1.tsv" > "$BATS_TEST_TMPDIR/a.kc"
	tt-keyness --counts --field word "$K/t2.tsv" > "$BATS_TEST_TMPDIR/b.kc"
	run --separate-stderr tt-keyness --merge "$BATS_TEST_TMPDIR/a.kc" "$BATS_TEST_TMPDIR/b.kc"
	[ "$status" -eq 2 ]
	[ "$stderr" = "tt-keyness: $BATS_TEST_TMPDIR/b.kc:1: counts of field=word ngram=3 by=ref cannot be merged with counts of field=stem ngram=3 by=ref ($BATS_TEST_TMPDIR/a.kc)" ]
	# only target counts: no reference to compare with
	run --separate-stderr tt-keyness --merge "$BATS_TEST_TMPDIR/a.kc"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"no reference counts"* ]]
	# a broken counts row
	{ cat "$BATS_TEST_TMPDIR/a.kc"; printf 'R\tnope\ttarget\t1\t1\tt1\t1\n'; printf 'X\n'; } > "$BATS_TEST_TMPDIR/c.kc"
	run --separate-stderr tt-keyness --merge "$BATS_TEST_TMPDIR/c.kc"
	[ "$status" -eq 2 ]
	n=$(wc -l < "$BATS_TEST_TMPDIR/a.kc")
	[ "$stderr" = "tt-keyness: $BATS_TEST_TMPDIR/c.kc:$((n + 1)): counts of a term without its T row
tt-keyness: $BATS_TEST_TMPDIR/c.kc:$((n + 2)): not a counts row (P, T or R)" ]
	# groups: a document twice, a document missing
	printf '# doc\tgroup\nt1\tA\nt2\tB\nt1\tB\n' > "$BATS_TEST_TMPDIR/g2"
	run --separate-stderr tt-keyness --by group --groups "$BATS_TEST_TMPDIR/g2" "$K/t1.tsv" "$K/t2.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "tt-keyness: $BATS_TEST_TMPDIR/g2:4: document 't1' is given twice (first on line 2)" ]
	printf 't1\tA\nt2\tB\n' > "$BATS_TEST_TMPDIR/g3"
	run --separate-stderr tt-keyness --by group --groups "$BATS_TEST_TMPDIR/g3" "$K/t1.tsv" "$K/t2.tsv" "$K/r1.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "tt-keyness: $K/r1.tsv:2: document 'r1' is not in $BATS_TEST_TMPDIR/g3" ]
	[ -z "$output" ]
	# one part only
	run --separate-stderr tt-keyness --by doc "$K/t1.tsv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "tt-keyness: only one doc ('t1'): nothing to compare it with" ]
}

@test "usage errors exit 2 with a message" {
	run --separate-stderr tt-keyness "$K/t1.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tt-keyness: give a reference"* ]]
	for args in "--by nope" "--by group" "--groups x -r y" "--ngram 0" "--ngram 9" "--sort nope -r x" \
	    "--alpha 0 -r x" "--alpha 2 -r x" "--field lemma -r x" "--as other --counts" "--as reference -r x" \
	    "--merge -r x" "--merge --by doc" "--counts --draft" "-r x --by doc"; do
		# shellcheck disable=SC2086
		run --separate-stderr tt-keyness $args
		[ "$status" -eq 2 ] || { echo "$args: $status"; return 1; }
		[[ "$stderr" == tt-keyness:* ]] || { echo "$args: $stderr"; return 1; }
		[ -z "$output" ]
	done
}

@test "hostile set: CRLF, BOM, no final newline, empty input, /dev/full, | head, locale" {
	# CRLF and a BOM give the same table
	want=$(tt-keyness --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$K/t1.tsv")
	{ printf '\357\273\277'; sed 's/$/\r/' "$K/t1.tsv"; } > "$BATS_TEST_TMPDIR/crlf"
	printf '%s' "$(cat "$K/t1.tsv")" > "$BATS_TEST_TMPDIR/nonl"
	run --separate-stderr tt-keyness --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$BATS_TEST_TMPDIR/crlf"
	assert_success
	[ "$output" = "$want" ]
	run --separate-stderr tt-keyness --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$BATS_TEST_TMPDIR/nonl"
	[ "$output" = "$want" ]
	# an empty target: the header only
	run --separate-stderr tt-keyness -r "$K/r1.tsv" /dev/null
	assert_success
	assert_output "$HEAD"
	# invalid UTF-8 and NUL in a word: a warning, then the table
	{ cat "$K/t1.tsv"; printf 't1\t9\t9\t9\t99\tword\twijk\377te\000am\t_\twijk\377team\n'; } > "$BATS_TEST_TMPDIR/bad"
	run --separate-stderr tt-keyness --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$BATS_TEST_TMPDIR/bad"
	assert_success
	[ -n "$stderr" ]
	# a full disk
	run --separate-stderr bash -c 'tt-keyness --alpha 1 --min-freq 1 -r "$1" "$2" > /dev/full' _ "$K/r1.tsv" "$K/t1.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tt-keyness: stdout: "* ]]
	run --separate-stderr bash -c 'tt-keyness --counts "$1" > /dev/full' _ "$K/t1.tsv"
	[ "$status" -eq 2 ]
	# | head: quiet
	run --separate-stderr bash -c 'set -o pipefail; tt-keyness --ngram 8 --alpha 1 --min-freq 1 -r "$1" "$2" "$2" "$2" | head -1' _ "$K/r1.tsv" "$K/t1.tsv"
	[ -z "$stderr" ]
	[ "$output" = "$HEAD" ]
	# the same numbers whatever the locale
	if locale -a 2>/dev/null | grep -qi '^nl_NL.utf8$'; then
		run env LC_ALL=nl_NL.UTF-8 tt-keyness --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$K/t1.tsv"
		[ "$output" = "$want" ]
	fi
	run env LC_ALL=C tt-keyness --alpha 1 --min-freq 1 -r "$K/r1.tsv" "$K/t1.tsv"
	[ "$output" = "$want" ]
	[[ "$want" == *"."* ]]
}
