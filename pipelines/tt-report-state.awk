# tt-report-state.awk - the tables of tt-analyse --out, made from a
# tt-scan state directory, for tt-report --from STATE. See tt-report(1).
#
# tt-report runs it as   awk -f tt-report-state.awk < LEDGER   with:
#   RESULTS  the state's results directory    OUT  the directory to fill
#   TOP      terms in the summary's top field ESTATE  the state, escaped
# The ledger's columns are found by name; a torn last line (no newline)
# has been cut off already. Every hash counts once: its last row gives
# its status. It writes OUT/summary.tsv (without the row of the whole,
# which tt-report adds once the balances are merged), OUT/terms.tsv,
# OUT/skipped.tsv, and the lists OUT/cooc.list and OUT/score.list of the
# count files to merge (NUL-separated, relative to RESULTS). Exit 2 after
# a message when a document's results are missing or made with other
# score dimensions than the first one's.

BEGIN {
	FS = "\t"
	OFS = "\t"
	results = ENVIRON["RESULTS"]
	out = ENVIRON["OUT"]
	top = ENVIRON["TOP"] + 0
	estate = ENVIRON["ESTATE"]
	status = 0
}

function err(s) {
	printf "tt-report: %s\n", s > "/dev/stderr"
	status = 2
}

NR <= 2 {
	if (NR == 2) {
		sub(/^#/, "")
		for (k = 1; k <= NF; k++)
			col[$k] = k
		if (!("hash" in col) || !("status" in col)) {
			err(estate "/ledger.tsv:2: no hash or status column")
			exit 2
		}
	}
	next
}

/^#/ { next }

{
	h = $col["hash"]
	if (!(h in st))
		order[++n] = h
	st[h] = $col["status"]
}

# header(file): the column numbers of file's header line in c[].
function header(file,   line, g, k) {
	split("", c)
	if ((getline line < file) <= 0)
		return 0
	sub(/^#/, "", line)
	nc = split(line, g, "\t")
	for (k = 1; k <= nc; k++)
		c[g[k]] = k
	return 1
}

function add_term(e, f) {
	if (!(e in tn)) {
		terms[++nt] = e
		tn[e] = 0
		tcat[e] = f[c["category"]]
		talt[e] = f[c["alternative"]]
		tfirst[e] = f[c["first"]]
		tpage[e] = f[c["page"]]
		tbestn[e] = -1
	}
	tn[e] += f[c["n"]]
	# The whole's form: that of the document with most hits of the entry
	# (the results keep each document's most frequent form, not all).
	if (f[c["n"]] + 0 > tbestn[e]) {
		tbestn[e] = f[c["n"]] + 0
		tbest[e] = f[c["match"]]
	}
}

# Sorts the entries by count (descending), then id, into sorted[].
function sort_terms(   k, j, e) {
	for (k = 1; k <= nt; k++)
		sorted[k] = terms[k]
	for (k = 2; k <= nt; k++) {
		e = sorted[k]
		for (j = k - 1; j >= 1 && (tn[sorted[j]] < tn[e] ||
		    (tn[sorted[j]] == tn[e] && sorted[j] > e)); j--)
			sorted[j + 1] = sorted[j]
		sorted[j + 1] = e
	}
}

END {
	if (status)
		exit status
	sout = out "/summary.tsv"
	tout = out "/terms.tsv"
	kout = out "/skipped.tsv"
	print "#doc", "class", "reason" > kout
	shead = ""
	W = H = 0
	for (k = 1; k <= n; k++) {
		h = order[k]
		dir = results "/" h
		if (st[h] != "ok") {
			file = dir "/skipped.tsv"
			getline line < file
			if ((getline line < file) > 0)
				print line > kout
			close(file)
			continue
		}
		file = dir "/summary.tsv"
		if ((getline line < file) <= 0) {
			err(estate "/results/" h "/summary.tsv: missing or damaged; the document is left out")
			continue
		}
		if (shead == "") {
			shead = line
			print line > sout
		} else if (line != shead) {
			err(estate "/results/" h "/summary.tsv: other columns than the first document's (other score lexicons?); the document is left out (tt-scan --reanalyse measures all with the same)")
			close(file)
			continue
		}
		sub(/^#/, "", line)
		split(line, g, "\t")
		for (j = 1; j in g; j++)
			sc[g[j]] = j
		while ((getline line < file) > 0) {
			split(line, f, "\t")
			if (f[sc["doc"]] == "_")
				continue
			print line > sout
			if (f[sc["speaker"]] == "_") {
				W += f[sc["words"]]
				H += f[sc["hits"]]
			}
		}
		close(file)
		file = dir "/terms.tsv"
		if (header(file)) {
			while ((getline line < file) > 0) {
				split(line, f, "\t")
				if (f[c["doc"]] == "_")
					continue
				rows[++nrows] = line
				add_term(f[c["entry"]], f)
			}
		}
		close(file)
		printf "%s/cooc-counts.tsv%c", h, 0 > (out "/cooc.list")
		printf "%s/score-counts.tsv%c", h, 0 > (out "/score.list")
	}
	close(sout)
	close(kout)
	printf "" > (out "/cooc.list")
	printf "" > (out "/score.list")
	# terms: every document's rows, then those of the whole
	print "#doc", "entry", "category", "n", "match", "alternative", "first", "page" > tout
	for (k = 1; k <= nrows; k++)
		print rows[k] > tout
	sort_terms()
	topf = ""
	for (k = 1; k <= nt; k++) {
		e = sorted[k]
		print "_", e, tcat[e], tn[e], tbest[e], talt[e], tfirst[e], tpage[e] > tout
		if (k <= top)
			topf = topf (k > 1 ? "," : "") tbest[e] "=" tn[e]
	}
	close(tout)
	# the figures of the whole, for tt-report to finish the summary
	rate = W > 0 ? sprintf("%.1f", H * 1000 / W) : "_"
	printf "%d\t%d\t%s\t%s\n", W, H, rate, (topf == "" ? "_" : topf) > (out "/whole")
	exit status
}
