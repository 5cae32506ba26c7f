/*
 * tt-cooc - co-occurrence of the values of one column of the token stream
 * within units (sentences, paragraphs, documents, windows of N tokens),
 * with association measures; raw counts that merge by summing.
 *
 * Every unit counts a value, and a pair of values, at most once: n is the
 * number of units, n_a the units holding a, n_ab the units holding both.
 * See tt-cooc(1) for the measures and the counts format.
 */
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "tt.h"

static const char usage[] =
"usage: tt-cooc [-f COLUMN] [-u UNIT] [-s MEASURE] [-m N] [-n N] [-i]\n"
"               [-t TYPES] [-l LEXICON] [-F tsv|dot] [-b doc] [-c] [FILE ...]\n"
"       tt-cooc -M [options] [COUNTS ...]\n"
"Co-occurrence of the values of a column within units, with measures.\n"
"  -f, --field COLUMN   column whose values co-occur: jargon (default),\n"
"                       category (of the jargon entries), stem, word, ...\n"
"  -u, --unit UNIT      sent (default), par, doc or window=N tokens\n"
"  -s, --sort MEASURE   logdice (default), dice, mi, tscore, g2, n_ab\n"
"  -m, --min N          pairs seen in at least N units (default 2)\n"
"  -n, --top N          only the first N pairs (dot: 50 unless given)\n"
"  -i, --fold           case-fold the values\n"
"  -t, --types LIST     token types counted (default word,abbr,num;\n"
"                       'all' for every type)\n"
"  -l, --lexicon FILE   lexicon for --field category (repeatable;\n"
"                       default transitietaal.tsv)\n"
"  -F, --format FMT     tsv (default) or dot (a Graphviz graph)\n"
"  -b, --by doc         one table (or counts) per document, in the order of\n"
"                       the stream, with a first column doc\n"
"  -c, --counts         write the raw additive counts instead\n"
"  -M, --merge          the operands are counts files: sum them\n"
"  -h, --help           this help\n"
"  -V, --version        version\n";

#define COUNTS_MAGIC	"#tt-cooc-counts\tv1\t"
#define NONE		UINT32_MAX
#define MAXWINDOW	100000

enum unit { UNIT_SENT, UNIT_PAR, UNIT_DOC, UNIT_WINDOW };
enum measure { M_LOGDICE, M_DICE, M_MI, M_TSCORE, M_G2, M_NAB };

static const char *const measure_names[] = {
	"logdice", "dice", "mi", "tscore", "g2", "n_ab", NULL
};

/* Options. */
static const char *opt_field = "jargon";
static enum unit opt_unit = UNIT_SENT;
static long opt_window;
static enum measure opt_sort = M_LOGDICE;
static long opt_min = 2;
static long opt_top = -1;
static int opt_fold, opt_counts, opt_merge, opt_dot;
static int opt_by_doc;		/* --by doc: one result per document */
static unsigned opt_types = 0;	/* bit set of token types; 0 = all */
static const char *lexpaths[64];
static int nlexpaths;

/* The counts. */
static struct intern *values;	/* value strings to ids */
static uint64_t *single;	/* units holding value id */
static size_t nsingle;		/* allocated length of single */

/*
 * The pair table: open addressing with linear probing over slots that
 * hold key and count together (one cache line visit per lookup). The key
 * of a pair of ids x < y is x << 32 | y, never 0 since y > 0, so key 0
 * marks an empty slot. At most 2/3 full.
 */
struct pslot {
	uint64_t	 key;
	uint64_t	 n;
};
static struct pslot *ptab;
static size_t pmask;		/* slots - 1, slots a power of two */
static size_t pcount;		/* pairs in the table */

#define PAIR_HOME(k)	(pair_hash(k) & pmask)
#define PAIR_BATCH	256	/* pair keys looked up together */
static uint64_t nunits;

/* The ids of the current unit, and the window ring. */
static uint32_t *unit_ids;
static size_t unit_len, unit_cap;
static uint32_t *ring;
static uint64_t ring_pos;	/* token positions in the current doc */

static const char *const type_names[] = {
	"word", "num", "punct", "sym", "url", "email", "tag", "abbr", NULL
};

/* Bit of the token type t[0..n), or 0 for a type not in the list. */
static unsigned
type_bit(const char *t, size_t n)
{
	int i;

	for (i = 0; type_names[i] != NULL; i++)
		if (strlen(type_names[i]) == n &&
		    memcmp(type_names[i], t, n) == 0)
			return 1u << i;
	return 0;
}

/* Parses the --types list: comma-separated type names, or "all". */
static unsigned
parse_types(const char *arg)
{
	const char *p = arg, *comma;
	unsigned bits = 0, b;
	size_t n;

	if (strcmp(arg, "all") == 0)
		return 0;
	for (;;) {
		comma = strchr(p, ',');
		n = comma ? (size_t)(comma - p) : strlen(p);
		if ((b = type_bit(p, n)) == 0)
			tt_die("--types: unknown token type '%.*s'", (int)n, p);
		bits |= b;
		if (comma == NULL)
			return bits;
		p = comma + 1;
	}
}

/* Parses --unit: sent, par, doc or window=N with 1 <= N <= MAXWINDOW. */
static void
parse_unit(const char *arg)
{
	if (strcmp(arg, "sent") == 0)
		opt_unit = UNIT_SENT;
	else if (strcmp(arg, "par") == 0)
		opt_unit = UNIT_PAR;
	else if (strcmp(arg, "doc") == 0)
		opt_unit = UNIT_DOC;
	else if (strncmp(arg, "window=", 7) == 0) {
		opt_unit = UNIT_WINDOW;
		opt_window = tt_parse_count(arg + 7);
		if (opt_window < 1 || opt_window > MAXWINDOW)
			tt_die("--unit %s: the window must be a whole number "
			    "of tokens from 1 to %d", arg, MAXWINDOW);
	} else
		tt_die("--unit %s: expected sent, par, doc or window=N", arg);
}

static const char *
unit_name(void)
{
	static char buf[32];

	switch (opt_unit) {
	case UNIT_SENT:
		return "sent";
	case UNIT_PAR:
		return "par";
	case UNIT_DOC:
		return "doc";
	default:
		snprintf(buf, sizeof buf, "window=%ld", opt_window);
		return buf;
	}
}

static uint64_t
pair_hash(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return k;
}

/*
 * Doubles the pair table (or makes the first one). With --by doc the
 * table starts small, since it starts afresh for every document and most
 * documents have few pairs.
 */
static void
pair_grow(void)
{
	struct pslot *old = ptab;
	size_t i, j, oldslots = ptab ? pmask + 1 : 0;
	size_t slots = oldslots ? oldslots * 2 : opt_by_doc ? 1 << 8 : 1 << 16;

	ptab = tt_xcalloc(slots, sizeof *ptab);
	pmask = slots - 1;
	for (i = 0; i < oldslots; i++) {
		if (old[i].key == 0)
			continue;
		for (j = PAIR_HOME(old[i].key); ptab[j].key != 0;
		    j = (j + 1) & pmask)
			;
		ptab[j] = old[i];
	}
	free(old);
}

/* Adds k to the count of pair key. */
static void
pair_add(uint64_t key, uint64_t k)
{
	size_t j;

	if (ptab == NULL || (pcount + 1) * 3 > (pmask + 1) * 2)
		pair_grow();
	for (j = PAIR_HOME(key); ptab[j].key != 0; j = (j + 1) & pmask) {
		if (ptab[j].key == key) {
			ptab[j].n += k;
			return;
		}
	}
	ptab[j].key = key;
	ptab[j].n = k;
	pcount++;
}

/*
 * Adds 1 to the count of each of the n pair keys. The table is made big
 * enough for all of them first; then the home slots are prefetched, so
 * that the cache misses of a batch overlap instead of coming one by one.
 */
static void
pair_add_batch(const uint64_t *keys, size_t n)
{
	size_t i, j;

	while (ptab == NULL || (pcount + n) * 3 > (pmask + 1) * 2)
		pair_grow();
#if defined(__GNUC__)
	for (i = 0; i < n; i++)
		__builtin_prefetch(&ptab[PAIR_HOME(keys[i])], 1);
#endif
	for (i = 0; i < n; i++) {
		for (j = PAIR_HOME(keys[i]); ptab[j].key != 0;
		    j = (j + 1) & pmask)
			if (ptab[j].key == keys[i])
				break;
		if (ptab[j].key == 0) {
			ptab[j].key = keys[i];
			pcount++;
		}
		ptab[j].n++;
	}
}

/* Adds k to the count of value id, growing the array of singles. */
static void
add_single(uint32_t id, uint64_t k)
{
	size_t cap;

	if (id >= nsingle) {
		cap = nsingle ? nsingle : 1024;
		while (cap <= id)
			cap *= 2;
		single = tt_xrealloc(single, cap * sizeof *single);
		memset(single + nsingle, 0, (cap - nsingle) * sizeof *single);
		nsingle = cap;
	}
	single[id] += k;
}

static void
unit_push(uint32_t id)
{
	if (unit_len == unit_cap) {
		unit_cap = unit_cap ? unit_cap * 2 : 256;
		unit_ids = tt_xrealloc(unit_ids, unit_cap * sizeof *unit_ids);
	}
	unit_ids[unit_len++] = id;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Ends a unit whose value ids are unit_ids[0..unit_len): counts the unit,
 * each distinct value once and each pair of distinct values once.
 */
static void
unit_flush(void)
{
	static uint64_t batch[PAIR_BATCH];
	size_t i, j, k, n = unit_len, nbatch;
	uint32_t *v = unit_ids, t;

	nunits++;
	if (n > 16)
		qsort(v, n, sizeof *v, cmp_u32);
	else {
		for (i = 1; i < n; i++) {
			t = v[i];
			for (j = i; j > 0 && v[j - 1] > t; j--)
				v[j] = v[j - 1];
			v[j] = t;
		}
	}
	for (i = k = 0; i < n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	nbatch = 0;
	for (i = 0; i < k; i++) {
		single[v[i]]++;
		for (j = i + 1; j < k; j++) {
			batch[nbatch++] = (uint64_t)v[i] << 32 | v[j];
			if (nbatch == PAIR_BATCH) {
				pair_add_batch(batch, nbatch);
				nbatch = 0;
			}
		}
	}
	pair_add_batch(batch, nbatch);
	unit_len = 0;
}

/* Window units: the ring holds the last opt_window positions of a doc. */
static void
window_add(uint32_t id)
{
	long i;

	ring[ring_pos % (uint64_t)opt_window] = id;
	ring_pos++;
	if (ring_pos < (uint64_t)opt_window)
		return;
	for (i = 0; i < opt_window; i++)
		if (ring[i] != NONE)
			unit_push(ring[i]);
	unit_flush();
}

/* End of a document in window mode: a doc shorter than the window is one
 * window. */
static void
window_end_doc(void)
{
	uint64_t i;

	if (ring_pos > 0 && ring_pos < (uint64_t)opt_window) {
		for (i = 0; i < ring_pos; i++)
			if (ring[i] != NONE)
				unit_push(ring[i]);
		unit_flush();
	}
	ring_pos = 0;
}

/*
 * Forgets all counts (--by doc, between documents). Tables that grew are
 * freed rather than cleared, so that a large document does not make every
 * small one after it pay for clearing its tables.
 */
static void
counts_reset(void)
{
	uint32_t nv = intern_count(values);

	if (nv > 0)
		memset(single, 0, (nv < nsingle ? nv : nsingle) *
		    sizeof *single);
	intern_free(values);
	values = intern_new();
	if (ptab != NULL && pmask + 1 > 1 << 12) {
		free(ptab);
		ptab = NULL;
		pmask = 0;
	} else if (ptab != NULL)
		memset(ptab, 0, (pmask + 1) * sizeof *ptab);
	pcount = 0;
	nunits = 0;
}

static void write_doc(const char *, size_t);

/* Interns value s[0..n) and makes room for its count. */
static uint32_t
value_id(const char *s, size_t n)
{
	int added;
	uint32_t id;

	id = intern_put(values, s, n, &added);
	if (added)
		add_single(id, 0);
	return id;
}

/*
 * Reads the stream and counts. Unit boundaries: a change of doc, and for
 * sent and par a change of that column's value. The value of a token comes
 * from the field column; for jargon, '_' and continuation values ('+...')
 * are no value; for category it is the category of the jargon entry.
 */
static void
count_stream(int argc, char **argv)
{
	struct ttstream st;
	struct ttbuf prevdoc = { 0 }, prevkey = { 0 }, val = { 0 }, tmp = { 0 };
	struct intern *seen = NULL;	/* --by doc: the documents so far */
	struct ttstemmer *stemmer = NULL;
	struct lexicon *lx = NULL;
	struct intern *missing = NULL;
	const struct ttfield *f;
	const char *vs, *s, *w;
	size_t vn, sn, wn;
	int cdoc, ckey = -1, cfield, ctype, cword = -1, jargon, category = 0;
	int open_unit = 0, started = 0, added;
	long e;
	uint32_t id;

	if (!stream_open(&st, argc, argv)) {
		stream_close(&st);
		return;
	}
	cdoc = stream_need(&st, "doc", NULL);
	if (opt_unit == UNIT_SENT)
		ckey = stream_need(&st, "sent", NULL);
	else if (opt_unit == UNIT_PAR)
		ckey = stream_need(&st, "par", NULL);
	if (strcmp(opt_field, "category") == 0) {
		category = 1;
		cfield = stream_need(&st, "jargon", "run tt-jargon first");
		if (nlexpaths == 0)
			lexpaths[nlexpaths++] = "transitietaal.tsv";
		if ((lx = lexicon_load(lexpaths, nlexpaths)) == NULL)
			exit(2);
		missing = intern_new();
	} else if (strcmp(opt_field, "jargon") == 0)
		cfield = stream_need(&st, "jargon", "run tt-jargon first");
	else if (strcmp(opt_field, "stem") == 0 &&
	    stream_col(&st, "stem") < 0) {
		cfield = -1;
		cword = stream_need(&st, "word", NULL);
		stemmer = stemmer_open();
	} else
		cfield = stream_need(&st, opt_field, NULL);
	jargon = cfield >= 0 && strcmp(st.cols[cfield], "jargon") == 0;
	ctype = opt_types ? stream_col(&st, "type") : -1;
	if (opt_unit == UNIT_WINDOW) {
		ring = tt_xmalloc((size_t)opt_window * sizeof *ring);
		open_unit = 1;
	}

	if (opt_by_doc)
		seen = intern_new();

	while (stream_next(&st)) {
		f = st.f;
		if (!started || !field_eq(&f[cdoc], &prevdoc)) {
			if (opt_unit == UNIT_WINDOW)
				window_end_doc();
			else if (open_unit)
				unit_flush();
			if (opt_by_doc && started)
				write_doc(prevdoc.s, prevdoc.len);
			if (opt_by_doc) {
				intern_put(seen, f[cdoc].s, f[cdoc].len,
				    &added);
				if (!added) {
					tt_error("%s:%lu: document '%.*s' "
					    "again after '%.*s' (--by doc "
					    "needs the stream grouped by "
					    "document)", st.name, st.lineno,
					    (int)f[cdoc].len, f[cdoc].s,
					    (int)prevdoc.len, prevdoc.s);
					started = 0;
					break;
				}
			}
			field_copy(&prevdoc, &f[cdoc]);
			if (ckey >= 0)
				field_copy(&prevkey, &f[ckey]);
			open_unit = started = 1;
		} else if (ckey >= 0 && !field_eq(&f[ckey], &prevkey)) {
			unit_flush();
			field_copy(&prevkey, &f[ckey]);
		}
		if (ctype >= 0 &&
		    (type_bit(f[ctype].s, f[ctype].len) & opt_types) == 0)
			continue;

		/* The value of the token, or none. */
		if (cfield >= 0) {
			vs = stream_value(&st, cfield, &tmp, &vn);
			if (vn == 0 || (jargon && vs[0] == '+'))
				vs = NULL;
		} else {
			/* stem computed here: of the case-folded word */
			w = stream_value(&st, cword, &tmp, &wn);
			fold(&val, w, wn, FOLD_CASE);
			vs = stemmer_stem(stemmer, val.s, val.len, &vn);
			if (vn == 0)
				vs = NULL;
		}
		if (vs != NULL && category) {
			tt_buf_reserve(&val, vn);
			memcpy(val.s, vs, vn);
			val.s[vn] = '\0';
			val.len = vn;
			if ((e = lexicon_find(lx, val.s)) < 0) {
				/* each missing entry is reported once */
				intern_put(missing, val.s, val.len, &added);
				if (added)
					tt_error("%s:%lu: jargon entry '%s' is "
					    "not in the lexicon", st.name,
					    st.lineno, val.s);
				vs = NULL;
			} else {
				/* "a|b" as written: one value per token */
				s = lexicon_entry(lx, (size_t)e)->category;
				vs = s;
				vn = strlen(s);
			}
		}
		if (vs != NULL && opt_fold) {
			sn = fold(&val, vs, vn, FOLD_CASE);
			vs = val.s;
			vn = sn;
		}
		id = vs != NULL ? value_id(vs, vn) : NONE;
		if (opt_unit == UNIT_WINDOW)
			window_add(id);
		else if (id != NONE)
			unit_push(id);
	}
	if (started) {
		if (opt_unit == UNIT_WINDOW)
			window_end_doc();
		else if (open_unit)
			unit_flush();
		if (opt_by_doc)
			write_doc(prevdoc.s, prevdoc.len);
	}
	stream_close(&st);
	intern_free(seen);
	if (stemmer != NULL)
		stemmer_close(stemmer);
	if (lx != NULL) {
		lexicon_free(lx);
		intern_free(missing);
	}
	free(ring);
	tt_buf_free(&prevdoc);
	tt_buf_free(&prevkey);
	tt_buf_free(&val);
	tt_buf_free(&tmp);
}

/* ---- merging counts files --------------------------------------------- */

static char *merge_header;	/* "field=... unit=..." of the first file */
static const char *merge_first;

/*
 * Counts by document (by=doc) are all read before any is written, since a
 * document may be in several files: every row is kept, with its document
 * and values as ids, and the rows of each document are summed when it is
 * written. A kept row is the n row (a and b NONE), a value (b NONE) or a
 * pair.
 */
struct mrow {
	uint32_t	 doc, a, b;
	uint64_t	 n;
};
static int merge_by_doc;	/* the files are by=doc */
static struct intern *mdocs;	/* documents, unescaped, in order */
static struct intern *mvalues;	/* values of all documents */
static struct u64map *mseen;	/* doc << 32 | value: the value has a row */
static struct mrow *mrows;
static size_t nmrows, mrowcap;

static void
mrow_add(uint32_t doc, uint32_t a, uint32_t b, uint64_t n)
{
	if (nmrows == mrowcap) {
		mrowcap = mrowcap ? mrowcap * 2 : 1024;
		mrows = tt_xrealloc(mrows, mrowcap * sizeof *mrows);
	}
	mrows[nmrows].doc = doc;
	mrows[nmrows].a = a;
	mrows[nmrows].b = b;
	mrows[nmrows].n = n;
	nmrows++;
}

/* Whether the rest of a counts header (after "v1\t") ends in by=doc. */
static int
counts_by_doc(const char *rest)
{
	size_t n = strlen(rest);

	return n >= 7 && strcmp(rest + n - 7, "\tby=doc") == 0;
}

/* Parses a count field; reports file:line and returns -1 if not one. */
static int64_t
parse_count_field(const struct ttreader *r, const char *s, size_t n)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || v > UINT64_MAX / 20)
			break;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (n == 0 || i < n || v > INT64_MAX) {
		tt_error("%s:%lu: not a count: '%.*s'", r->name, r->lineno,
		    (int)(n > 40 ? 40 : n), s);
		return -1;
	}
	return (int64_t)v;
}

/* s with TABs shown as spaces, for a message; two static buffers. */
static const char *
spaced(const char *s, int which)
{
	static char buf[2][128];
	size_t i;

	for (i = 0; s[i] != '\0' && i < sizeof buf[0] - 1; i++)
		buf[which][i] = s[i] == '\t' ? ' ' : s[i];
	buf[which][i] = '\0';
	return buf[which];
}

/*
 * Keeps one row "DOC n COUNT", "DOC v VALUE COUNT" or "DOC p A B COUNT" of
 * a by=doc counts file; a bad row is reported with file:line and left out.
 */
static void
merge_doc_row(const struct ttreader *r)
{
	static struct ttbuf a, b;
	struct ttfield f[6];
	int64_t k, ia, ib;
	uint32_t doc;
	char tag;
	int nf;

	nf = split_fields(r->line, r->len, f, 5);
	tag = nf >= 2 && f[1].len == 1 ? f[1].s[0] : 0;
	if (!((nf == 3 && tag == 'n') || (nf == 4 && tag == 'v') ||
	    (nf == 5 && tag == 'p'))) {
		tt_error("%s:%lu: not a counts row by document (DOC n, v or p)",
		    r->name, r->lineno);
		return;
	}
	if ((k = parse_count_field(r, f[nf - 1].s, f[nf - 1].len)) < 0)
		return;
	/* unescaped, so that "\#x" and "#x" are one document */
	field_unescape(&a, f[0].s, f[0].len);
	doc = intern_put(mdocs, a.s, a.len, NULL);
	if (tag == 'n') {
		mrow_add(doc, NONE, NONE, (uint64_t)k);
		return;
	}
	field_unescape(&a, f[2].s, f[2].len);
	if (tag == 'v') {
		ia = intern_put(mvalues, a.s, a.len, NULL);
		*u64map_slot(mseen, (uint64_t)doc << 32 | (uint64_t)ia) = 1;
		mrow_add(doc, (uint32_t)ia, NONE, (uint64_t)k);
		return;
	}
	field_unescape(&b, f[3].s, f[3].len);
	ia = intern_get(mvalues, a.s, a.len);
	ib = intern_get(mvalues, b.s, b.len);
	if (ia < 0 || ib < 0 || ia == ib ||
	    u64map_find(mseen, (uint64_t)doc << 32 | (uint64_t)ia) == NULL ||
	    u64map_find(mseen, (uint64_t)doc << 32 | (uint64_t)ib) == NULL) {
		tt_error("%s:%lu: a pair of values without their own counts "
		    "in the document", r->name, r->lineno);
		return;
	}
	mrow_add(doc, (uint32_t)ia, (uint32_t)ib, (uint64_t)k);
}

/*
 * Writes the kept rows of by=doc counts files document by document, in
 * the order the documents first appeared: each document's rows summed
 * into the counts of one document, as if they had been read from a
 * stream, and written like those.
 */
static void
merge_write_docs(void)
{
	uint32_t d, ndocs = intern_count(mdocs), x, y;
	size_t *start, i, len;
	struct mrow *sorted, *m;
	struct ttbuf name = { 0 };
	const char *s;

	start = tt_xcalloc((size_t)ndocs + 1, sizeof *start);
	for (i = 0; i < nmrows; i++)
		start[mrows[i].doc + 1]++;
	for (d = 0; d < ndocs; d++)
		start[d + 1] += start[d];
	sorted = tt_xmalloc((nmrows ? nmrows : 1) * sizeof *sorted);
	for (i = 0; i < nmrows; i++)
		sorted[start[mrows[i].doc]++] = mrows[i];
	/* start[d] is now the end of document d's rows */
	for (d = 0, i = 0; d < ndocs; d++) {
		for (; i < start[d]; i++) {
			m = &sorted[i];
			if (m->a == NONE) {
				nunits += m->n;
				continue;
			}
			s = intern_str(mvalues, m->a, &len);
			x = value_id(s, len);
			if (m->b == NONE) {
				add_single(x, m->n);
				continue;
			}
			s = intern_str(mvalues, m->b, &len);
			y = value_id(s, len);
			pair_add(x < y ? (uint64_t)x << 32 | y :
			    (uint64_t)y << 32 | x, m->n);
		}
		s = intern_str(mdocs, d, &len);
		name.len = 0;
		field_escape(&name, s, len, 1);
		write_doc(name.s, name.len);
	}
	free(start);
	free(sorted);
	tt_buf_free(&name);
}

/*
 * Adds one counts file to the totals. The first line must be the counts
 * header; its field and unit must equal those of the first file. A row
 * that is not "n COUNT", "v VALUE COUNT" or "p A B COUNT" is an error; the
 * file is still read to the end so that every error is listed.
 */
static void
merge_file(const char *path)
{
	struct ttreader r;
	struct ttfield f[5];
	struct ttbuf a = { 0 }, b = { 0 };
	const char *rest;
	int64_t k;
	int64_t ia, ib;
	uint32_t x, y;
	int nf;

	if (reader_open(&r, path, 1) < 0)
		return;
	if (reader_next(&r) <= 0 || r.len < sizeof COUNTS_MAGIC - 1 ||
	    memcmp(r.line, COUNTS_MAGIC, sizeof COUNTS_MAGIC - 1) != 0) {
		tt_error("%s:1: not a tt-cooc counts file (made with "
		    "tt-cooc --counts)", r.name);
		reader_close(&r);
		return;
	}
	rest = r.line + sizeof COUNTS_MAGIC - 1;
	if (merge_header == NULL && opt_by_doc && !counts_by_doc(rest)) {
		tt_error("%s:1: counts over all documents, not by document "
		    "(made without --by doc)", r.name);
		reader_close(&r);
		return;
	}
	if (merge_header == NULL) {
		merge_header = tt_xstrdup(rest);
		merge_first = tt_xstrdup(r.name);
		merge_by_doc = counts_by_doc(rest);
	} else if (strcmp(rest, merge_header) != 0) {
		tt_error("%s:1: counts of %s cannot be merged with counts of "
		    "%s (%s)", r.name, spaced(rest, 0), spaced(merge_header, 1),
		    merge_first);
		reader_close(&r);
		return;
	}
	if (merge_by_doc) {
		while (reader_next(&r) > 0)
			merge_doc_row(&r);
		reader_close(&r);
		return;
	}
	while (reader_next(&r) > 0) {
		nf = split_fields(r.line, r.len, f, 4);
		if (nf == 2 && f[0].len == 1 && f[0].s[0] == 'n') {
			if ((k = parse_count_field(&r, f[1].s, f[1].len)) >= 0)
				nunits += (uint64_t)k;
		} else if (nf == 3 && f[0].len == 1 && f[0].s[0] == 'v') {
			if ((k = parse_count_field(&r, f[2].s, f[2].len)) < 0)
				continue;
			field_unescape(&a, f[1].s, f[1].len);
			add_single(value_id(a.s, a.len), (uint64_t)k);
		} else if (nf == 4 && f[0].len == 1 && f[0].s[0] == 'p') {
			if ((k = parse_count_field(&r, f[3].s, f[3].len)) < 0)
				continue;
			field_unescape(&a, f[1].s, f[1].len);
			field_unescape(&b, f[2].s, f[2].len);
			ia = intern_get(values, a.s, a.len);
			ib = intern_get(values, b.s, b.len);
			if (ia < 0 || ib < 0 || ia == ib) {
				tt_error("%s:%lu: a pair of values without "
				    "their own counts", r.name, r.lineno);
				continue;
			}
			x = (uint32_t)(ia < ib ? ia : ib);
			y = (uint32_t)(ia < ib ? ib : ia);
			pair_add((uint64_t)x << 32 | y, (uint64_t)k);
		} else
			tt_error("%s:%lu: not a counts row (n, v or p)",
			    r.name, r.lineno);
	}
	reader_close(&r);
	tt_buf_free(&a);
	tt_buf_free(&b);
}

/* Takes field, unit and by=doc back from the merged header for the
 * output. */
static char merged_field[256];

static void
merge_settings(void)
{
	char unit[64];
	const char *p, *u;
	size_t n;

	if (merge_header == NULL)
		return;
	if (strncmp(merge_header, "field=", 6) == 0) {
		p = merge_header + 6;
		n = strcspn(p, "\t");
		if (n >= sizeof merged_field)
			n = sizeof merged_field - 1;
		memcpy(merged_field, p, n);
		merged_field[n] = '\0';
		opt_field = merged_field;
	}
	if ((u = strstr(merge_header, "\tunit=")) != NULL) {
		n = strcspn(u + 6, "\t");
		if (n >= sizeof unit)
			n = sizeof unit - 1;
		memcpy(unit, u + 6, n);
		unit[n] = '\0';
		parse_unit(unit);
	}
	if (merge_by_doc && opt_dot)
		tt_die("--format dot: %s holds counts by document (--by doc), "
		    "which one graph cannot show", merge_first);
	opt_by_doc = merge_by_doc;
}

/* ---- output ----------------------------------------------------------- */

static uint32_t *rank;		/* rank of each value id in byte order */

static int
cmp_value_ids(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	size_t la, lb;
	const char *sa = intern_str(values, a, &la);
	const char *sb = intern_str(values, b, &lb);
	int c = memcmp(sa, sb, la < lb ? la : lb);

	if (c != 0)
		return c;
	return la < lb ? -1 : la > lb;
}

/* Ranks the values in bytewise order: rank[id]; returns ids in order. */
static uint32_t *
rank_values(void)
{
	uint32_t i, n = intern_count(values), *order;

	order = tt_xmalloc((n ? n : 1) * sizeof *order);
	for (i = 0; i < n; i++)
		order[i] = i;
	qsort(order, n, sizeof *order, cmp_value_ids);
	free(rank);
	rank = tt_xmalloc((n ? n : 1) * sizeof *rank);
	for (i = 0; i < n; i++)
		rank[order[i]] = i;
	return order;
}

struct pair {
	uint32_t	 a, b;		/* ids with rank[a] < rank[b] */
	uint64_t	 nab;
	double		 key;		/* the --sort measure */
};

static int
cmp_pair_names(const struct pair *x, const struct pair *y)
{
	if (rank[x->a] != rank[y->a])
		return rank[x->a] < rank[y->a] ? -1 : 1;
	if (rank[x->b] != rank[y->b])
		return rank[x->b] < rank[y->b] ? -1 : 1;
	return 0;
}

static int
cmp_pair_sorted(const void *pa, const void *pb)
{
	const struct pair *x = pa, *y = pb;
	double dx = x->key, dy = y->key;

	if (dx != dy)
		return dx > dy ? -1 : 1;
	return cmp_pair_names(x, y);
}

static int
cmp_pair_byname(const void *pa, const void *pb)
{
	return cmp_pair_names(pa, pb);
}

/*
 * Writes v like out_double(v, 4) but faster: when v * 10^4 is safely away
 * from a rounding tie, rounding it to an integer gives the digits printf
 * would give; otherwise (and for huge or odd values) out_double decides.
 * Tables of millions of pairs spend most of their output time here.
 */
static void
out_measure(double v)
{
	double r, fl, frac;
	uint64_t q;
	char frac_digits[4];
	int k, n;

	if (!(v > -1e11 && v < 1e11)) {
		out_double(v, 4);
		return;
	}
	r = fabs(v) * 10000;
	fl = floor(r);
	frac = r - fl;
	if (fabs(frac - 0.5) < 1e-6) {
		out_double(v, 4);
		return;
	}
	q = (uint64_t)fl + (frac > 0.5);
	if (q == 0) {
		out_char('0');
		return;
	}
	if (v < 0)
		out_char('-');
	out_u64(q / 10000);
	q %= 10000;
	if (q == 0)
		return;
	for (k = 3; k >= 0; k--) {
		frac_digits[k] = (char)('0' + q % 10);
		q /= 10;
	}
	for (n = 4; frac_digits[n - 1] == '0'; n--)
		;
	out_char('.');
	out_bytes(frac_digits, (size_t)n);
}

/* O ln(O/E), 0 when O is 0. */
static double
g2_cell(double o, double e)
{
	return o > 0 ? o * log(o / e) : 0;
}

/*
 * The measures of a pair into m[] (by enum measure) from its 2x2 table;
 * see tt-cooc(1). Only measure `only` is computed when it is not -1.
 */
static void
measures(const struct pair *p, double *m, int only)
{
	double n = (double)nunits, na = (double)single[p->a];
	double nb = (double)single[p->b], nab = (double)p->nab;
	double e = na * nb / n, dice;

	m[M_NAB] = nab;
	if (only == -1 || only == M_MI)
		m[M_MI] = log2(nab / e);
	if (only == -1 || only == M_TSCORE)
		m[M_TSCORE] = (nab - e) / sqrt(nab);
	if (only == -1 || only == M_G2)
		m[M_G2] = 2 * (g2_cell(nab, e) +
		    g2_cell(na - nab, na * (n - nb) / n) +
		    g2_cell(nb - nab, (n - na) * nb / n) +
		    g2_cell(n - na - nb + nab, (n - na) * (n - nb) / n));
	dice = 2 * nab / (na + nb);
	m[M_DICE] = dice;
	m[M_LOGDICE] = 14 + log2(dice);
}

/* Collects the pairs with n_ab >= min, oriented a < b bytewise. */
static struct pair *
collect_pairs(uint64_t min, size_t *np)
{
	struct pair *v;
	size_t pos, n = 0;
	uint64_t key, cnt;
	uint32_t x, y;

	for (pos = 0; pos <= pmask && ptab != NULL; pos++)
		if (ptab[pos].key != 0 && ptab[pos].n >= min &&
		    ptab[pos].n > 0)
			n++;
	v = tt_xmalloc((n + 1) * sizeof *v);
	n = 0;
	for (pos = 0; pos <= pmask && ptab != NULL; pos++) {
		key = ptab[pos].key;
		cnt = ptab[pos].n;
		if (key == 0 || cnt < min || cnt == 0)
			continue;
		x = (uint32_t)(key >> 32);
		y = (uint32_t)key;
		v[n].a = rank[x] < rank[y] ? x : y;
		v[n].b = rank[x] < rank[y] ? y : x;
		v[n].nab = cnt;
		n++;
	}
	*np = n;
	return v;
}

/* The document and a TAB before a row of --by doc (doc NULL: nothing). */
static void
out_doc(const char *doc, size_t len)
{
	if (doc != NULL) {
		out_bytes(doc, len);
		out_char('\t');
	}
}

static void
write_counts_header(void)
{
	out_str(COUNTS_MAGIC "field=");
	out_str(opt_field);
	out_str("\tunit=");
	out_str(unit_name());
	if (opt_by_doc)
		out_str("\tby=doc");
	out_char('\n');
}

/*
 * Writes the count rows, each after the document doc[0..len) (as it is
 * written in the stream, escaped) and a TAB when doc is not NULL.
 */
static void
write_counts_rows(const char *doc, size_t len0)
{
	uint32_t *order, i, nv = intern_count(values);
	struct pair *v;
	size_t np, k;
	const char *s;
	size_t len;

	out_doc(doc, len0);
	out_str("n\t");
	out_u64(nunits);
	out_char('\n');
	order = rank_values();
	for (i = 0; i < nv; i++) {
		if (single[order[i]] == 0)
			continue;
		s = intern_str(values, order[i], &len);
		out_doc(doc, len0);
		out_str("v\t");
		out_field(s, len, 0);
		out_char('\t');
		out_u64(single[order[i]]);
		out_char('\n');
	}
	v = collect_pairs(1, &np);
	qsort(v, np, sizeof *v, cmp_pair_byname);
	for (k = 0; k < np; k++) {
		out_doc(doc, len0);
		out_str("p\t");
		s = intern_str(values, v[k].a, &len);
		out_field(s, len, 0);
		out_char('\t');
		s = intern_str(values, v[k].b, &len);
		out_field(s, len, 0);
		out_char('\t');
		out_u64(v[k].nab);
		out_char('\n');
	}
	free(v);
	free(order);
}

/* A value as a quoted DOT identifier. */
static void
out_dot_string(const char *s, size_t n)
{
	size_t i;

	out_char('"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			out_char('\\');
			out_char(s[i]);
		} else if (s[i] == '\n')
			out_str("\\n");
		else if (s[i] == '\t' || s[i] == '\r')
			out_char(' ');
		else
			out_char(s[i]);
	}
	out_char('"');
}

static void
write_dot(struct pair *v, size_t np)
{
	double lo, hi, w;
	const char *s;
	size_t k, len;

	out_str("graph \"tt-cooc\" {\n"
	    "\tgraph [overlap=false, splines=true, fontname=\"Helvetica\"];\n"
	    "\tnode [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
	    "\tedge [fontname=\"Helvetica\", fontsize=10];\n");
	lo = hi = np > 0 ? v[0].key : 0;
	for (k = 0; k < np; k++) {
		if (v[k].key < lo)
			lo = v[k].key;
		if (v[k].key > hi)
			hi = v[k].key;
	}
	for (k = 0; k < np; k++) {
		out_char('\t');
		s = intern_str(values, v[k].a, &len);
		out_dot_string(s, len);
		out_str(" -- ");
		s = intern_str(values, v[k].b, &len);
		out_dot_string(s, len);
		w = hi > lo ? 1 + 5 * (v[k].key - lo) / (hi - lo) : 3;
		out_str(" [penwidth=");
		out_double(w, 2);
		out_str(", label=\"");
		out_double(v[k].key, 1);
		out_str("\"];\n");
	}
	out_str("}\n");
}

static void
write_table_header(void)
{
	out_str(opt_by_doc ? "#doc\ta" : "#a");
	out_str("\tb\tn_ab\tn_a\tn_b\tn\tmi\ttscore\tg2\tdice\tlogdice\n");
}

/*
 * Writes the table rows (or the graph), each after the document
 * doc[0..len0) and a TAB when doc is not NULL. The value a is escaped as
 * a first field even then, so that the rows of a document without their
 * first column are the rows of the plain table.
 */
static void
write_table_rows(const char *doc, size_t len0)
{
	struct pair *v;
	size_t np, k, len;
	const char *s;
	double m[6];
	int i;

	free(rank_values());
	v = collect_pairs((uint64_t)opt_min, &np);
	for (k = 0; k < np; k++) {
		measures(&v[k], m, (int)opt_sort);
		v[k].key = m[opt_sort];
	}
	qsort(v, np, sizeof *v, cmp_pair_sorted);
	if (opt_top >= 0 && (size_t)opt_top < np)
		np = (size_t)opt_top;
	if (opt_dot) {
		write_dot(v, np);
		free(v);
		return;
	}
	if (doc == NULL)
		write_table_header();
	for (k = 0; k < np; k++) {
		out_doc(doc, len0);
		s = intern_str(values, v[k].a, &len);
		out_field(s, len, 1);
		out_char('\t');
		s = intern_str(values, v[k].b, &len);
		out_field(s, len, 0);
		out_char('\t');
		out_u64(v[k].nab);
		out_char('\t');
		out_u64(single[v[k].a]);
		out_char('\t');
		out_u64(single[v[k].b]);
		out_char('\t');
		out_u64(nunits);
		measures(&v[k], m, -1);
		for (i = M_MI; i <= M_G2; i++) {
			out_char('\t');
			out_measure(m[i]);
		}
		out_char('\t');
		out_measure(m[M_DICE]);
		out_char('\t');
		out_measure(m[M_LOGDICE]);
		out_char('\n');
	}
	free(v);
}

/* --by doc: the header, once, before the first document or at the end. */
static void
write_by_doc_header(void)
{
	static int written;

	if (written)
		return;
	written = 1;
	if (opt_counts)
		write_counts_header();
	else
		write_table_header();
}

/* --by doc: writes the result of document doc[0..len), then forgets its
 * counts. */
static void
write_doc(const char *doc, size_t len)
{
	write_by_doc_header();
	if (opt_counts)
		write_counts_rows(doc, len);
	else
		write_table_rows(doc, len);
	counts_reset();
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "field", required_argument, NULL, 'f' },
		{ "unit", required_argument, NULL, 'u' },
		{ "sort", required_argument, NULL, 's' },
		{ "min", required_argument, NULL, 'm' },
		{ "top", required_argument, NULL, 'n' },
		{ "fold", no_argument, NULL, 'i' },
		{ "types", required_argument, NULL, 't' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'F' },
		{ "by", required_argument, NULL, 'b' },
		{ "counts", no_argument, NULL, 'c' },
		{ "merge", no_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, i, top_given = 0;

	tt_init(argv[0]);
	opt_types = parse_types("word,abbr,num");
	while ((c = getopt_long(argc, argv, "f:u:s:m:n:it:l:F:b:cMhV", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if (*optarg == '\0')
				tt_die("--field: an empty column name");
			opt_field = optarg;
			break;
		case 'u':
			parse_unit(optarg);
			break;
		case 's':
			for (i = 0; measure_names[i] != NULL; i++)
				if (strcmp(measure_names[i], optarg) == 0)
					break;
			if (measure_names[i] == NULL)
				tt_die("--sort %s: expected logdice, dice, mi, "
				    "tscore, g2 or n_ab", optarg);
			opt_sort = (enum measure)i;
			break;
		case 'm':
			if ((opt_min = tt_parse_count(optarg)) < 0)
				tt_die("--min %s: not a whole number", optarg);
			break;
		case 'n':
			if ((opt_top = tt_parse_count(optarg)) < 0)
				tt_die("--top %s: not a whole number", optarg);
			top_given = 1;
			break;
		case 'i':
			opt_fold = 1;
			break;
		case 't':
			opt_types = parse_types(optarg);
			break;
		case 'l':
			if (nlexpaths == (int)(sizeof lexpaths /
			    sizeof lexpaths[0]))
				tt_die("too many lexicons");
			lexpaths[nlexpaths++] = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "dot") == 0)
				opt_dot = 1;
			else if (strcmp(optarg, "tsv") == 0)
				opt_dot = 0;
			else
				tt_die("--format %s: expected tsv or dot",
				    optarg);
			break;
		case 'b':
			if (strcmp(optarg, "doc") != 0)
				tt_die("--by %s: expected doc", optarg);
			opt_by_doc = 1;
			break;
		case 'c':
			opt_counts = 1;
			break;
		case 'M':
			opt_merge = 1;
			break;
		case 'h':
			tt_help(usage);
		case 'V':
			tt_version(stemmer_algorithm());
		default:
			tt_usage(usage);
		}
	}
	argc -= optind;
	argv += optind;
	if (opt_counts && opt_dot)
		tt_die("--counts and --format dot exclude each other");
	if (opt_by_doc && opt_dot)
		tt_die("--by doc and --format dot exclude each other");
	if (opt_dot && !top_given)
		opt_top = 50;

	values = intern_new();
	if (opt_merge) {
		mdocs = intern_new();
		mvalues = intern_new();
		mseen = u64map_new();
		if (argc == 0)
			merge_file("-");
		for (i = 0; i < argc; i++)
			merge_file(argv[i]);
		merge_settings();
		if (opt_by_doc)
			merge_write_docs();
		intern_free(mdocs);
		intern_free(mvalues);
		u64map_free(mseen);
		free(mrows);
	} else
		count_stream(argc, argv);

	if (opt_by_doc)
		write_by_doc_header();
	else if (opt_counts) {
		write_counts_header();
		write_counts_rows(NULL, 0);
	} else
		write_table_rows(NULL, 0);
	free(rank);
	return tt_finish();
}
