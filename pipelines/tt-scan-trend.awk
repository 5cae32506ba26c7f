# tt-scan-trend.awk - the --trend mode of tt-scan(1): per period (or
# folder) the documents, words, jargon hits, hits per 1,000 words and the
# formal/informal balance of every dimension, from a scan's ledger and the
# results it keeps. See "Trends" in tt-scan(1).
#
# tt-scan runs it as   awk -f tt-scan-trend.awk < LEDGER   with its
# settings in the environment:
#   TT_BY        month, year or folder
#   TT_RESULTS   the results directory of the state directory
#   TT_DATES     the --dates file, or empty
#   TT_TORN      1 when the ledger's last line has no newline
#   TT_CWD       the current directory, escaped as in tt-stream(5)
#   TT_ELEDGER, TT_ERESULTS, TT_EDATES   the same names escaped, for messages
# It writes the table, header first, the rows in no particular order
# (tt-scan sorts them), and exits 2 after any error message; when the error
# leaves nothing to count (a bad ledger, a bad --dates line) it writes
# nothing at all.
#
# Counts are summed, never rates: a period's rate is its hits over its
# words, its balance (F - I) / (F + I) over its summed marker counts.

BEGIN {
	FS = "\t"
	OFS = "\t"
	by = ENVIRON["TT_BY"]
	results = ENVIRON["TT_RESULTS"]
	eresults = ENVIRON["TT_ERESULTS"]
	eledger = ENVIRON["TT_ELEDGER"]
	torn = ENVIRON["TT_TORN"] == "1"
	cwd = ENVIRON["TT_CWD"]
	status = 0
	fatal = 0
	ndocs = 0
	ndims = 0
	nkeys = 0
	if (ENVIRON["TT_DATES"] != "")
		read_dates(ENVIRON["TT_DATES"], ENVIRON["TT_EDATES"])
	if (fatal)
		exit 2
}

function err(what) {
	printf "tt-scan: %s\n", what > "/dev/stderr"
	status = 2
}

function is_hash(s) {
	return length(s) == 64 && s !~ /[^0-9a-f]/
}

function leap(y) {
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

# The calendar date a --dates value stands for (YYYY, YYYY-MM or
# YYYY-MM-DD, as precise as it was written), or "" when it is not one of
# the accepted forms: YYYY, YYYY-MM, YYYY-MM-DD, or an ISO 8601 time
# YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|+HH:MM|-HH:MM], whose date is taken
# as written (the local date of the document, not converted to UTC).
function parse_date(s,   y, m, d, t, days) {
	if (s ~ /^[0-9][0-9][0-9][0-9]$/)
		return s
	if (s !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9](-[0-9][0-9])?/)
		return ""
	y = substr(s, 1, 4) + 0
	m = substr(s, 6, 2) + 0
	if (m < 1 || m > 12)
		return ""
	if (length(s) == 7)
		return s
	d = substr(s, 9, 2) + 0
	days = substr("312831303130313130313031", 2 * m - 1, 2) + 0
	if (m == 2 && leap(y))
		days = 29
	if (d < 1 || d > days)
		return ""
	if (length(s) == 10)
		return s
	t = substr(s, 11)
	if (t !~ /^T[0-9][0-9]:[0-9][0-9](:[0-9][0-9](\.[0-9]+)?)?(Z|[+-][0-9][0-9]:[0-9][0-9])?$/)
		return ""
	if (substr(t, 2, 2) + 0 > 23 || substr(t, 5, 2) + 0 > 59)
		return ""
	if (t ~ /^T.....:/ && substr(t, 8, 2) + 0 > 60)
		return ""
	return substr(s, 1, 10)
}

# The path p (escaped, relative, without a leading "/") made absolute
# against the current directory, with "." and ".." resolved.
function absolute(p,   n, part, k, out, depth, stack) {
	n = split(cwd "/" p, part, "/")
	depth = 0
	for (k = 1; k <= n; k++) {
		if (part[k] == "" || part[k] == ".")
			continue
		if (part[k] == "..") {
			if (depth > 0)
				depth--
			continue
		}
		stack[++depth] = part[k]
	}
	out = ""
	for (k = 1; k <= depth; k++)
		out = out "/" stack[k]
	return out == "" ? "/" : out
}

# Reads the --dates file: KEY TAB DATE a line, KEY a hash (in either case)
# or a path as the ledger writes it. Blank lines and lines that start with # are left out;
# columns after the second are ignored. Every bad line is reported.
function read_dates(file, efile,   line, n, f, k, key, d, r) {
	n = 0
	while ((r = (getline line < file)) > 0) {
		n++
		if (n == 1 && substr(line, 1, 3) == "\357\273\277")
			line = substr(line, 4)
		sub(/\r$/, "", line)
		if (line ~ /^[ \t]*$/ || line ~ /^#/)
			continue
		k = split(line, f, "\t")
		if (k < 2 || f[1] == "" || f[1] == "_" || f[2] ~ /^ *$/) {
			err(efile ":" n ": expected a path or hash, a TAB and a date")
			fatal = 1
			continue
		}
		key = f[1]
		if (length(key) == 64 && key !~ /[^0-9a-fA-F]/)
			key = tolower(key)
		d = f[2]
		gsub(/^ +| +$/, "", d)
		if ((d = parse_date(d)) == "") {
			err(efile ":" n ": not a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO time): " f[2])
			fatal = 1
			continue
		}
		if (key in dated && dated[key] != d) {
			err(efile ":" n ": " key ": dated " dated[key] " on line " dline[key] " already")
			fatal = 1
			continue
		}
		dated[key] = d
		dline[key] = n
	}
	if (r < 0) {
		err(efile ": cannot read it")
		fatal = 1
	}
	close(file)
	for (key in dated)
		if (!is_hash(key) && substr(key, 1, 1) != "/")
			dated_abs[absolute(key)] = dated[key]
}

# One line of the ledger, n its number. Rows are kept per hash: the last
# row of a hash decides its path and status, its first-seen time is the
# earliest of its rows.
function ledger_line(line, n,   f, k, nf, h, t) {
	if (n == 1) {
		if (line == "#tt-scan-ledger\tv1" || line == "#tt-scan-ledger\tv2")
			return
		if (line ~ /^#tt-scan-ledger\t/)
			err(eledger ":1: ledger version '" substr(line, 17) "' is not one this tt-scan reads (v1, v2)")
		else
			err(eledger ":1: not a tt-scan ledger (first line is not '#tt-scan-ledger<TAB>v1')")
		fatal = 1
		return
	}
	if (n == 2) {
		if (substr(line, 1, 1) != "#") {
			err(eledger ":2: no column header")
			fatal = 1
			return
		}
		ncols = split(substr(line, 2), f, "\t")
		for (k = 1; k <= ncols; k++)
			col[f[k]] = k
		if (!("time" in col) || !("path" in col) || !("hash" in col) || !("status" in col)) {
			err(eledger ":2: the header lacks one of the columns time, path, hash, status")
			fatal = 1
		}
		header = 1
		return
	}
	if (substr(line, 1, 1) == "#")
		return
	nf = split(line, f, "\t")
	if (nf != ncols) {
		err(eledger ":" n ": " nf " fields, expected " ncols "; row left out")
		return
	}
	h = f[col["hash"]]
	t = f[col["time"]]
	if (!is_hash(h)) {
		err(eledger ":" n ": not a SHA-256 hash: " h "; row left out")
		return
	}
	if (parse_date(substr(t, 1, 10)) == "" || length(t) < 11 ||
	    parse_date(t) == "") {
		err(eledger ":" n ": not a time: " t "; row left out")
		return
	}
	if (!(h in dpath)) {
		order[++ndocs] = h
		dtime[h] = t
	} else if (t < dtime[h])
		dtime[h] = t
	dpath[h] = f[col["path"]]
	dstatus[h] = f[col["status"]]
}

# The folder of an escaped path: what comes before its last "/"; "." for
# a path without one, "/" for one at the root.
function folder(p,   k) {
	k = match(p, /\/[^\/]*$/)
	if (k == 0)
		return "."
	if (k == 1)
		return "/"
	p = substr(p, 1, k - 1)
	return p == "_" ? "\\_" : p
}

# The key of document h: its folder, or the period of its date.
function key_of(h,   p, d) {
	if (by == "folder")
		return folder(dpath[h])
	p = dpath[h]
	if (h in dated)
		d = dated[h]
	else if (p in dated)
		d = dated[p]
	else if (p in dated_abs)
		d = dated_abs[p]
	else
		d = substr(dtime[h], 1, 10)
	if (by == "year" || length(d) == 4)
		return substr(d, 1, 4)
	return substr(d, 1, 7)
}

# Reads results/h/summary.tsv: words and hits of the document's own row
# into sum_words and sum_hits; 0 when they are not there.
function read_summary(h,   file, line, f, c, k, n, found) {
	file = results "/" h "/summary.tsv"
	n = 0
	found = 0
	while (!found && (getline line < file) > 0) {
		split(line, f, "\t")
		if (++n == 1) {
			sub(/^#/, "", f[1])
			for (k = 1; k in f; k++)
				c[f[k]] = k
			if (!("doc" in c) || !("speaker" in c) || !("words" in c) || !("hits" in c))
				break
			continue
		}
		if (f[c["doc"]] != "_" && f[c["speaker"]] == "_") {
			sum_words = f[c["words"]]
			sum_hits = f[c["hits"]]
			found = sum_words ~ /^[0-9]+$/ && sum_hits ~ /^[0-9]+$/
			break
		}
	}
	close(file)
	return found
}

# The marker sums of document h per dimension: score_f[D] and score_i[D]
# for the two poles, the dimensions in their order in score_dim[1..score_n].
# From results/h/score-counts.tsv (tt-score --counts: the weighted sums, in
# thousandths, so that a period gets the balance tt-score would give it);
# results of an older tt-analyse have only score.tsv, whose match counts
# are unweighted. 0 when neither is there.
function read_score(h) {
	return read_score_counts(h) || read_score_table(h)
}

function read_score_counts(h,   file, line, f, g, c, k, n, d, ok, poles, pf, pi) {
	file = results "/" h "/score-counts.tsv"
	split("", score_f)
	split("", score_i)
	score_n = 0
	n = 0
	ok = 0
	while ((getline line < file) > 0) {
		n++
		if (n == 1) {
			pf = "formeel"
			pi = "informeel"
			k = split(line, g, "\t")
			for (; k > 0; k--)
				if (g[k] ~ /^poles=[^,]+,[^,]+$/) {
					split(substr(g[k], 7), poles, ",")
					pf = poles[1]
					pi = poles[2]
				}
			continue
		}
		if (n == 2) {
			k = split(substr(line, 2), g, "\t")
			for (k = 1; k in g; k++)
				c[g[k]] = k
			continue
		}
		split(line, f, "\t")
		ok = 1
		for (k = 1; k in g; k++) {
			if (g[k] !~ /^w:/)
				continue
			d = substr(g[k], 3)
			if (d ~ ("/" pf "$"))
				d = substr(d, 1, length(d) - length(pf) - 1)
			else if (d ~ ("/" pi "$"))
				d = substr(d, 1, length(d) - length(pi) - 1)
			else
				continue
			if (d in seen_dim)
				continue
			seen_dim[d] = 1
			score_dim[++score_n] = d
			score_f[d] = thousandths(f[c["w:" d "/" pf]])
			score_i[d] = thousandths(f[c["w:" d "/" pi]])
			if (score_f[d] == "" || score_i[d] == "")
				ok = 0
		}
		break
	}
	close(file)
	split("", seen_dim)
	return ok
}

# A weight sum such as 8.5 as an integer of thousandths; "" when it is no
# number (or missing).
function thousandths(v) {
	if (v !~ /^-?[0-9]+(\.[0-9]+)?$/)
		return ""
	return v < 0 ? -int(-v * 1000 + 0.5) : int(v * 1000 + 0.5)
}

# The same from results/h/score.tsv (tt-score's table): match counts.
function read_score_table(h,   file, line, f, g, c, k, n, d, ok) {
	file = results "/" h "/score.tsv"
	split("", score_f)
	split("", score_i)
	score_n = 0
	n = 0
	ok = 0
	while ((getline line < file) > 0) {
		if (++n == 1) {
			k = split(substr(line, 2), g, "\t")
			for (k = 1; k in g; k++)
				c[g[k]] = k
			continue
		}
		split(line, f, "\t")
		ok = 1
		for (k = 1; k in g; k++) {
			d = g[k]
			if (d ~ /\// || (!((d "/formeel") in c) && !((d "/informeel") in c)))
				continue
			score_dim[++score_n] = d
			score_f[d] = ((d "/formeel") in c) ? f[c[d "/formeel"]] : 0
			score_i[d] = ((d "/informeel") in c) ? f[c[d "/informeel"]] : 0
			if (score_f[d] !~ /^[0-9]+$/ || score_i[d] !~ /^[0-9]+$/)
				ok = 0
		}
		break
	}
	close(file)
	return ok
}

# (F - I) / (F + I) rounded half away from zero to 3 decimals, written as
# tt-score writes it (no trailing zeros); "_" without markers.
function balance(F, I,   num, den, r, s, frac) {
	den = F + I
	if (den <= 0)
		return "_"
	num = F - I
	s = num < 0 ? "-" : ""
	if (num < 0)
		num = -num
	r = int((2 * num * 1000 + den) / (2 * den))
	if (r == 0)
		return "0"
	frac = sprintf("%03d", r % 1000)
	sub(/0+$/, "", frac)
	return s int(r / 1000) (frac == "" ? "" : "." frac)
}

{
	if (fatal)
		exit 2
	if (NR > 1)
		ledger_line(prev, NR - 1)
	prev = $0
}

END {
	if (fatal)
		exit 2
	# The last line is a row only when it is complete.
	if (NR > 0 && !torn)
		ledger_line(prev, NR)
	if (fatal)
		exit 2
	if (!header) {
		err(eledger ": no column header (an empty or torn ledger)")
		exit 2
	}
	for (j = 1; j <= ndocs; j++) {
		h = order[j]
		if (dstatus[h] != "ok")
			continue
		if (!read_summary(h)) {
			err(eresults "/" h "/summary.tsv: missing or damaged; " dpath[h] " left out")
			continue
		}
		if (!read_score(h)) {
			err(eresults "/" h "/score.tsv: missing or damaged; " dpath[h] " left out")
			continue
		}
		key = key_of(h)
		if (!(key in kdocs)) {
			keys[++nkeys] = key
			kdocs[key] = 0
			kwords[key] = 0
			khits[key] = 0
		}
		kdocs[key]++
		kwords[key] += sum_words
		khits[key] += sum_hits
		for (k = 1; k <= score_n; k++) {
			d = score_dim[k]
			if (!(d in isdim)) {
				isdim[d] = 1
				dims[++ndims] = d
			}
			kf[key, d] += score_f[d]
			ki[key, d] += score_i[d]
		}
	}
	line = "#" by OFS "documents" OFS "words" OFS "hits" OFS "per_1000"
	for (k = 1; k <= ndims; k++)
		line = line OFS dims[k]
	print line
	for (j = 1; j <= nkeys; j++) {
		key = keys[j]
		line = key OFS kdocs[key] OFS sprintf("%.0f", kwords[key]) OFS \
		    sprintf("%.0f", khits[key]) OFS \
		    (kwords[key] > 0 ? sprintf("%.1f", khits[key] * 1000 / kwords[key]) : "_")
		for (k = 1; k <= ndims; k++)
			line = line OFS balance(kf[key, dims[k]] + 0, ki[key, dims[k]] + 0)
		print line
	}
	exit status
}
