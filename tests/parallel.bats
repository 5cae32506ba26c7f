#!/usr/bin/env bats
# Scale-out: the same corpus analysed in one serial run and in parallel
# jobs (GNU parallel -j 2, one job per file; a Hadoop-style map, sort and
# reduce) gives identical merged results: counts are additive.
# The commands are those of docs/scale-out.md.

load helper

setup() {
	command -v parallel >/dev/null || skip "GNU parallel is not installed"
	T=$BATS_TEST_TMPDIR
	mkdir "$T/corpus" "$T/out"
	cp "$ROOT"/samples/*.txt "$ROOT"/samples/*.vtt "$ROOT"/samples/*.srt "$T/corpus/"
	cp "$FIX/pipelines/nota.txt" "$T/corpus/-nota met 'spatie'.txt"
	cd "$T/corpus"
	# the serial reference: one stream over all documents, in one run
	for f in *; do
		tt-normalise -- "$f" | tt-tokenise --doc "$f" | tt-stem | tt-jargon
	done > "$T/all.stream"
}

# The job of one file: its stream, then its additive counts.
JOB='tt-normalise -- {} | tt-tokenise --doc {} | tt-stem | tt-jargon > ../out/{#}.stream &&
    tt-cooc --counts ../out/{#}.stream > ../out/{#}.cooc &&
    tt-score --counts ../out/{#}.stream > ../out/{#}.score'

@test "the corpus is not trivial: many documents, pairs and jargon" {
	[ "$(ls | wc -l)" -ge 8 ]
	[ "$(tt-cooc < "$T/all.stream" | wc -l)" -gt 20 ]
}

@test "tt-cooc: parallel -j 2 with --merge equals one serial run" {
	parallel -j 2 "$JOB" ::: *
	[ "$(ls "$T"/out/*.cooc | wc -l)" -eq "$(ls | wc -l)" ]
	tt-cooc < "$T/all.stream" > "$T/serial"
	tt-cooc --merge "$T"/out/*.cooc > "$T/parallel"
	run diff "$T/serial" "$T/parallel"
	assert_success
	# and for another field and unit, and the raw counts themselves
	tt-cooc --counts --field stem --unit par < "$T/all.stream" > "$T/serial-counts"
	parallel -j 2 'tt-cooc --counts --field stem --unit par {} > {.}.stemcounts' ::: "$T"/out/*.stream
	tt-cooc --merge --counts "$T"/out/*.stemcounts > "$T/parallel-counts"
	run diff <(tt-cooc --merge "$T/serial-counts") <(tt-cooc --merge "$T/parallel-counts")
	assert_success
}

@test "tt-score: parallel -j 2 with --merge equals one serial run" {
	parallel -j 2 "$JOB" ::: *
	tt-score < "$T/all.stream" > "$T/serial"
	tt-score --merge "$T"/out/*.score > "$T/parallel"
	run diff "$T/serial" "$T/parallel"
	assert_success
	[ "$(grep -vc '^#' "$T/parallel")" -eq "$(ls | wc -l)" ]
}

@test "the order of the jobs does not matter (reversed, -j 1 and -j 2)" {
	parallel -j 2 "$JOB" ::: *
	tt-cooc --merge "$T"/out/*.cooc > "$T/a"
	rm "$T"/out/*
	ls | LC_ALL=C sort -r | parallel -j 1 "$JOB"
	tt-cooc --merge $(ls "$T"/out/*.cooc | LC_ALL=C sort -r) > "$T/b"
	run diff "$T/a" "$T/b"
	assert_success
}

# extract_scripts: the mapper and reducer as docs/scale-out.md gives them.
extract_scripts() {
	awk -v dir="$T" '
	    /^<!-- file: / { name = $3; next }
	    name != "" && /^```/ { if (out) { close(out); out = ""; name = "" } else out = dir "/" name; next }
	    out { print > out }' "$ROOT/docs/scale-out.md"
	chmod +x "$T/tt-map" "$T/tt-reduce-cooc"
	ls | sed "s|^|$T/corpus/|" > "$T/files"
	split -l 3 "$T/files" "$T/split."
	# with NLineInputFormat a line may come as offset<TAB>path
	awk '{ print NR * 100 "\t" $0 }' "$T/split.aa" > "$T/split.aa.keyed"
	mv "$T/split.aa.keyed" "$T/split.aa"
	# the serial run with the same document names (full paths)
	while IFS= read -r f; do
		tt-normalise -- "$f" | tt-tokenise --doc "$f" | tt-stem | tt-jargon
	done < "$T/files" > "$T/all-paths.stream"
}

@test "Hadoop Streaming, simulated: map | sort | reduce equals one serial run" {
	extract_scripts
	for s in "$T"/split.*; do
		"$T/tt-map" cooc < "$s"
	done | LC_ALL=C sort | "$T/tt-reduce-cooc" > "$T/hadoop"
	tt-cooc < "$T/all-paths.stream" > "$T/serial"
	run diff "$T/serial" "$T/hadoop"
	assert_success
	[ "$(wc -l < "$T/hadoop")" -gt 20 ]
}

@test "Hadoop Streaming, simulated map-only job: tt-score --merge of the parts equals one serial run" {
	extract_scripts
	mkdir "$T/parts"
	n=0
	for s in "$T"/split.*; do
		n=$((n + 1))
		"$T/tt-map" score < "$s" > "$T/parts/part-m-$n"
	done
	tt-score < "$T/all-paths.stream" > "$T/serial"
	tt-score --merge "$T"/parts/part-m-* > "$T/hadoop"
	run diff "$T/serial" "$T/hadoop"
	assert_success
	[ "$(grep -vc '^#' "$T/hadoop")" -eq "$(ls | wc -l)" ]
}

@test "--sshlogin with the lexicon sent along: the command runs (on : the local machine)" {
	# the lexicon under its own name: entry ids are transitietaal:ID
	mkdir "$T/lexicons"
	cp "$ROOT/lexicons/transitietaal.tsv" "$T/lexicons/"
	parallel -j 2 --sshlogin : --env PATH --basefile "$T/lexicons/transitietaal.tsv" \
	    --transferfile {} --return {.}.cooc --cleanup \
	    "tt-normalise -- {} | tt-tokenise --doc {} | tt-stem |
	     tt-jargon -l $T/lexicons/transitietaal.tsv | tt-cooc --counts > {.}.cooc" ::: * 2>/dev/null
	tt-cooc --merge ./*.cooc > "$T/ssh"
	run diff <(tt-cooc < "$T/all.stream") "$T/ssh"
	assert_success
}
