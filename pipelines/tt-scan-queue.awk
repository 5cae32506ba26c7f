# tt-scan-queue.awk - which of the listed files tt-scan(1) must read and
# analyse, without a process or a shell loop per file.
#
#   awk -v phase=listed -f tt-scan-queue.awk < LIST
# LIST holds "identity<TAB>path" records ending in NUL (find -printf). A
# file whose identity the hash cache knows, with a hash the ledger knows,
# is known: "identity<TAB>hash" to $OUT/cache.known. The others go to be
# hashed: "identity<TAB>escaped path<TAB>path" NUL records to
# $OUT/tohash, the paths alone (NUL) to $OUT/tohash.paths.
#
#   awk -v phase=hashed -f tt-scan-queue.awk
# reads $OUT/tohash with $OUT/hashes (sha256sum -z of tohash.paths, in its
# order: a file missing there could not be read) and writes
#   $OUT/cache.known  (appended) known contents, and copies of a queued one
#   $OUT/queue        "kind<TAB>identity<TAB>hash<TAB>escaped path<TAB>path"
#                     NUL records to analyse: kind new, changed (its path
#                     was in the ledger with other content) or reanalysed
#   $OUT/recovered    the same for documents whose results are there
#                     without a ledger row (a run was killed in between)
#   $OUT/failed       "escaped path<TAB>path" NUL records not hashed
# Both phases add "files N" or "known N" lines to $OUT/counts.
#
# Settings in the environment: OUT, LEDGER, CACHE (hashcache.tsv, may be
# missing), RESULTS_LIST (the names in results/, one a line), LEXVER and
# REANALYSE (1: a known document of another lexicon version is queued).

BEGIN {
	out = ENVIRON["OUT"]
	lexver = ENVIRON["LEXVER"]
	reanalyse = ENVIRON["REANALYSE"] == "1"
	FS = "\t"
	read_ledger(ENVIRON["LEDGER"])
	if (phase == "listed")
		read_cache(ENVIRON["CACHE"])
	else
		read_results(ENVIRON["RESULTS_LIST"])
	RS = "\0"
	if (phase == "hashed")
		hashed()
}

# The ledger's hashes with their lexicon version, and its paths (v2).
function read_ledger(file,   line, f, n) {
	while ((getline line < file) > 0) {
		if (++n <= 2 || line ~ /^#/)
			continue
		split(line, f, "\t")
		lex[f[3]] = f[9]
		lpath[f[2]] = 1
	}
	close(file)
}

function read_cache(file,   line, f) {
	if (file == "")
		return
	while ((getline line < file) > 0) {
		split(line, f, "\t")
		if (f[1] ~ /^[0-9]+:[0-9]+:[0-9]+:[0-9.]+$/ && f[2] ~ /^[0-9a-f]+$/ &&
		    length(f[2]) == 64)
			cache[f[1]] = f[2]
	}
	close(file)
}

function read_results(file,   line) {
	while ((getline line < file) > 0)
		resdir[line] = 1
	close(file)
}

# As tt-stream(5) escapes a value: \\ \t \n \r, _ as \_, a leading # as \#.
function escape(s) {
	gsub(/\\/, "&&", s)	# each backslash doubled
	gsub(/\t/, "\\t", s)
	gsub(/\n/, "\\n", s)
	gsub(/\r/, "\\r", s)
	if (s == "" || s == "_")
		return "\\_"
	if (substr(s, 1, 1) == "#")
		return "\\" s
	return s
}

function known(h) {
	return (h in lex) && (!reanalyse || lex[h] == lexver)
}

phase == "listed" {
	k = index($0, "\t")
	id = substr($0, 1, k - 1)
	path = substr($0, k + 1)
	files++
	h = (id in cache) ? cache[id] : ""
	if (h != "" && known(h)) {
		print id "\t" h > (out "/cache.known")
		nknown++
	} else {
		printf "%s\t%s\t%s%c", id, escape(path), path, 0 > (out "/tohash")
		printf "%s%c", path, 0 > (out "/tohash.paths")
	}
}

END {
	if (phase == "listed") {
		printf "" > (out "/cache.known")
		printf "" > (out "/tohash")
		printf "" > (out "/tohash.paths")
		print "files " files + 0 > (out "/counts")
		print "known " nknown + 0 > (out "/counts")
	}
}

function hashed(   rec, k, id, rest, esc, path, have, hrec, h, kind, target) {
	printf "" > (out "/queue")
	printf "" > (out "/recovered")
	printf "" > (out "/failed")
	have = 0
	while ((getline rec < (out "/tohash")) > 0) {
		k = index(rec, "\t")
		id = substr(rec, 1, k - 1)
		rest = substr(rec, k + 1)
		k = index(rest, "\t")
		esc = substr(rest, 1, k - 1)
		path = substr(rest, k + 1)
		if (!have)
			have = (getline hrec < (out "/hashes")) > 0
		# "HASH  PATH": sha256sum -z does not escape the path
		if (!have || substr(hrec, 67) != path) {
			printf "%s\t%s%c", esc, path, 0 > (out "/failed")
			continue
		}
		have = 0
		h = substr(hrec, 1, 64)
		if (known(h) || (h in queued)) {
			print id "\t" h > (out "/cache.known")
			nknown++
			continue
		}
		queued[h] = 1
		kind = (h in lex) ? "reanalysed" : (esc in lpath) ? "changed" : "new"
		target = (kind != "reanalysed" && (h in resdir)) ? "/recovered" : "/queue"
		printf "%s\t%s\t%s\t%s\t%s%c", kind, id, h, esc, path, 0 > (out target)
	}
	print "known " nknown + 0 >> (out "/counts")
	exit 0
}
