/*
 * tt-score - counts the categories of lexicons per unit of a token stream
 * (document, paragraph, sentence, speaker, window of N tokens) and the
 * balance between two poles of every dimension, e.g. bestuurlijk/formeel
 * against bestuurlijk/informeel.
 *
 * Every lexicon has its own matcher, so the markers of one lexicon never
 * block those of another. A unit is written as soon as every matcher has
 * settled its last token: memory holds only the open units (and, for
 * --by speaker, the speakers of the current document). Weights are summed
 * in thousandths, as integers, so that counts merge exactly.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "tt.h"

static const char usage[] =
"usage: tt-score [-l LEXICON]... [-b UNIT] [-P F,I] [-e | -c] [FILE ...]\n"
"       tt-score -M [-c] [COUNTS ...]\n"
"Count lexicon categories per unit and the balance of each dimension.\n"
"  -l, --lexicon FILE   lexicon (repeatable; default formeel-informeel.tsv)\n"
"  -b, --by UNIT        doc (default), par, sent, speaker or window=N\n"
"  -P, --poles F,I      the two poles of a dimension (default\n"
"                       formeel,informeel)\n"
"  -e, --explain        list the markers of every unit instead\n"
"  -c, --counts         write the raw additive counts instead\n"
"  -M, --merge          the operands are counts files: sum them\n"
"  -h, --help           this help\n"
"  -V, --version        version\n";

#define COUNTS_MAGIC	"#tt-score-counts\tv1\t"
#define MAXWINDOW	100000000L
#define MAXLEX		64

enum by { BY_DOC, BY_PAR, BY_SENT, BY_SPEAKER, BY_WINDOW };

/* Options. */
static enum by opt_by = BY_DOC;
static long opt_window;
#define MAXPOLES	16
static const char *pole_f[MAXPOLES] = { "formeel" };
static const char *pole_i[MAXPOLES] = { "informeel" };
static int npoles = 1, poles_given;
static int opt_explain, opt_counts, opt_merge;

/* Categories over all lexicons, in order of first appearance, and the
 * dimensions of those named <dimension>/<pole>. */
static struct intern *cats;
static struct intern *dims;
static int *cat_dim;		/* dimension of a category, or -1 */
static int *cat_pole;		/* 1 formal pole, -1 the other, 0 neither */
static int ncats;

/* Lexicons and their matchers; catmap[k][catid] = our category. */
static struct lexicon *lex[MAXLEX];
static struct matcher *mat[MAXLEX];
static int *catmap[MAXLEX];
static int nlex;

/* A unit being counted. */
struct unit {
	char		*keys;		/* the key fields, TAB-separated */
	size_t		 keyslen;
	uint64_t	 end;		/* first token after it; UINT64_MAX open */
	uint64_t	 tokens;
	uint64_t	*n;		/* matches by category */
	int64_t		*w;		/* weighted, in thousandths */
};

static struct unit **units;	/* open units, oldest first */
static size_t nunits, capunits;

/* A token waiting for the matchers: its unit, and for --explain its word
 * and place. */
struct ptok {
	struct unit	*u;
	struct ttbuf	 word, where;
};
static struct ptok *ring;
static size_t ringsize;
static uint64_t rhead, rtail;		/* tokens rhead..rtail-1 kept */
static uint64_t settled[MAXLEX];	/* per matcher: tokens popped */

#define PTOK(i)	(&ring[(i) & (ringsize - 1)])
#define SETTLE_BATCH	128

static const char *key_names[] = {
	"doc", "doc\tpar", "doc\tsent", "doc\tspeaker", "doc\twindow"
};

/* ---- categories and dimensions ------------------------------------------ */

/*
 * Adds the pole pairs of arg: "F,I", or in a counts header several
 * separated by ';'. A bad pair is a usage error (or, from a counts file,
 * ends the list).
 */
static void
add_poles(const char *arg, int from_counts)
{
	char *copy = tt_xstrdup(arg), *pair, *next, *comma;

	for (pair = copy; pair != NULL; pair = next) {
		next = strchr(pair, ';');
		if (next != NULL)
			*next++ = '\0';
		comma = strchr(pair, ',');
		if (comma == NULL || comma == pair || comma[1] == '\0' ||
		    strchr(comma + 1, ',') || strchr(pair, '/') ||
		    strchr(pair, '\t') || (!from_counts && next != NULL)) {
			if (from_counts)
				return;
			tt_die("--poles %s: expected two pole names separated "
			    "by a comma", arg);
		}
		if (npoles == MAXPOLES)
			tt_die("--poles: more than %d pairs", MAXPOLES);
		*comma = '\0';
		pole_f[npoles] = pair;
		pole_i[npoles++] = comma + 1;
	}
}

/* Our number of category name, added (with its dimension) if new. */
static int
category_id(const char *name)
{
	const char *slash;
	int added, id, d;

	id = (int)intern_put(cats, name, strlen(name), &added);
	if (!added)
		return id;
	ncats = id + 1;
	cat_dim = tt_xrealloc(cat_dim, (size_t)ncats * sizeof *cat_dim);
	cat_pole = tt_xrealloc(cat_pole, (size_t)ncats * sizeof *cat_pole);
	cat_dim[id] = -1;
	cat_pole[id] = 0;
	if ((slash = strrchr(name, '/')) != NULL && slash != name) {
		for (d = 0; d < npoles && cat_pole[id] == 0; d++) {
			if (strcmp(slash + 1, pole_f[d]) == 0)
				cat_pole[id] = 1;
			else if (strcmp(slash + 1, pole_i[d]) == 0)
				cat_pole[id] = -1;
		}
		if (cat_pole[id] != 0) {
			d = (int)intern_put(dims, name, (size_t)(slash - name),
			    NULL);
			cat_dim[id] = d;
		}
	}
	return id;
}

static int
ndims(void)
{
	return (int)intern_count(dims);
}

/* ---- units ------------------------------------------------------------------ */

static struct unit *
unit_new(const char *keys, size_t len)
{
	struct unit *u = tt_xcalloc(1, sizeof *u);

	u->keys = tt_xmalloc(len + 1);
	memcpy(u->keys, keys, len);
	u->keys[len] = '\0';
	u->keyslen = len;
	u->end = UINT64_MAX;
	u->n = tt_xcalloc((size_t)(ncats ? ncats : 1), sizeof *u->n);
	u->w = tt_xcalloc((size_t)(ncats ? ncats : 1), sizeof *u->w);
	if (nunits == capunits) {
		capunits = capunits ? capunits * 2 : 64;
		units = tt_xrealloc(units, capunits * sizeof *units);
	}
	units[nunits++] = u;
	return u;
}

static void
unit_free(struct unit *u)
{
	free(u->keys);
	free(u->n);
	free(u->w);
	free(u);
}

/* A weight in thousandths as a decimal. */
static void
out_milli(int64_t v)
{
	if (v < 0) {
		out_char('-');
		v = -v;
	}
	out_u64((uint64_t)v / 1000);
	if (v % 1000 != 0) {
		char frac[4];
		int k = 3;

		frac[0] = (char)('0' + v % 1000 / 100);
		frac[1] = (char)('0' + v % 100 / 10);
		frac[2] = (char)('0' + v % 10);
		while (k > 0 && frac[k - 1] == '0')
			k--;
		out_char('.');
		out_bytes(frac, (size_t)k);
	}
}

/*
 * Writes num/den (den > 0) rounded half away from zero to 1/scale (scale
 * 100 or 1000), without trailing zeros: exact integer arithmetic, so the
 * same counts always print the same digits.
 */
static void
out_ratio(int64_t num, int64_t den, int scale)
{
	int64_t q;
	int neg = num < 0;
	char frac[4];
	int k, digits = scale == 100 ? 2 : 3;

	if (neg)
		num = -num;
	q = (num * scale * 2 + den) / (den * 2);
	if (neg && q != 0)
		out_char('-');
	out_u64((uint64_t)(q / scale));
	q %= scale;
	if (q == 0)
		return;
	for (k = digits - 1; k >= 0; k--) {
		frac[k] = (char)('0' + q % 10);
		q /= 10;
	}
	while (digits > 0 && frac[digits - 1] == '0')
		digits--;
	out_char('.');
	out_bytes(frac, (size_t)digits);
}

static void
write_header(void)
{
	const char *s;
	size_t n;
	int c;

	if (opt_explain) {
		out_char('#');
		out_str(key_names[opt_by]);
		out_str("\tcategory\tentry\tweight\tmatch\twhere\n");
		return;
	}
	if (opt_counts) {
		out_str(COUNTS_MAGIC "by=");
		out_str(opt_by == BY_WINDOW ? "window" : key_names[opt_by] +
		    (opt_by == BY_DOC ? 0 : 4));
		out_str("\tpoles=");
		for (c = 0; c < npoles; c++) {
			if (c > 0)
				out_char(';');
			out_str(pole_f[c]);
			out_char(',');
			out_str(pole_i[c]);
		}
		out_char('\n');
	}
	out_char('#');
	out_str(key_names[opt_by]);
	out_str("\ttokens");
	for (c = 0; c < ncats; c++) {
		s = intern_str(cats, (uint32_t)c, &n);
		out_char('\t');
		if (opt_counts)
			out_str("n:");
		out_bytes(s, n);
	}
	for (c = 0; c < ncats; c++) {
		s = intern_str(cats, (uint32_t)c, &n);
		out_char('\t');
		if (opt_counts)
			out_str("w:");
		out_bytes(s, n);
		if (!opt_counts)
			out_str("/1000");
	}
	if (opt_counts) {
		out_char('\n');
		return;
	}
	for (c = 0; c < ndims(); c++) {
		s = intern_str(dims, (uint32_t)c, &n);
		out_char('\t');
		out_bytes(s, n);
	}
	out_char('\n');
}

/* Writes the row of unit u: counts, rates, balances (or raw counts). */
static void
write_unit(const struct unit *u)
{
	int64_t *f, *in;
	int c, d, nd = ndims();

	if (opt_explain)
		return;
	out_bytes(u->keys, u->keyslen);
	out_char('\t');
	out_u64(u->tokens);
	for (c = 0; c < ncats; c++) {
		out_char('\t');
		out_u64(u->n[c]);
	}
	if (opt_counts) {
		for (c = 0; c < ncats; c++) {
			out_char('\t');
			out_milli(u->w[c]);
		}
		out_char('\n');
		return;
	}
	for (c = 0; c < ncats; c++) {
		out_char('\t');
		if (u->tokens == 0)
			out_char('_');
		else
			out_ratio((int64_t)u->n[c] * 1000, (int64_t)u->tokens,
			    100);
	}
	f = tt_xcalloc((size_t)(nd ? nd : 1), sizeof *f);
	in = tt_xcalloc((size_t)(nd ? nd : 1), sizeof *in);
	for (c = 0; c < ncats; c++) {
		if (cat_dim[c] < 0)
			continue;
		if (cat_pole[c] > 0)
			f[cat_dim[c]] += u->w[c];
		else
			in[cat_dim[c]] += u->w[c];
	}
	for (d = 0; d < nd; d++) {
		out_char('\t');
		/* negative weights may make a sum negative: no balance
		 * then, and never one outside [-1, 1] */
		if (f[d] + in[d] <= 0)
			out_char('_');
		else if (f[d] < 0 || in[d] < 0)
			out_str(f[d] < 0 ? "-1" : "1");
		else
			out_ratio(f[d] - in[d], f[d] + in[d], 1000);
	}
	out_char('\n');
	free(f);
	free(in);
}

/* Writes and frees the oldest units whose tokens are all settled. */
static void
flush_units(uint64_t done)
{
	size_t k = 0, i;

	while (k < nunits && units[k]->end <= done) {
		write_unit(units[k]);
		unit_free(units[k]);
		k++;
	}
	if (k == 0)
		return;
	for (i = k; i < nunits; i++)
		units[i - k] = units[i];
	nunits -= k;
}

/* ---- matching ------------------------------------------------------------- */

static uint64_t
all_settled(void)
{
	uint64_t m = rtail;
	int k;

	for (k = 0; k < nlex; k++)
		if (settled[k] < m)
			m = settled[k];
	return m;
}

/* Writes the --explain line of a match of entry e over tokens first..
 * first+ntok-1, counted in category cat (one of e's). */
static void
explain(const struct ptok *p, uint64_t first, int ntok,
    const struct lexentry *e, const char *cat)
{
	static struct ttbuf text;
	const struct ptok *q;
	int i;

	text.len = 0;
	tt_buf_reserve(&text, 0);
	for (i = 0; i < ntok; i++) {
		q = PTOK(first + (uint64_t)i);
		if (i > 0)
			tt_buf_addc(&text, ' ');
		tt_buf_add(&text, q->word.s, q->word.len);
	}
	out_bytes(p->u->keys, p->u->keyslen);
	out_char('\t');
	out_field(cat, strlen(cat), 0);
	out_char('\t');
	out_field(e->key, strlen(e->key), 0);
	out_char('\t');
	out_double(e->weight, 3);
	out_char('\t');
	out_field(text.s, text.len, 0);
	out_char('\t');
	out_bytes(p->where.s, p->where.len);
	out_char('\n');
}

/* Pops what every matcher can settle, counts the matches in the unit of
 * their first token (once in each category of the entry: "a|b" counts in
 * a and in b), then drops tokens and writes units that are done. */
static void
settle(void)
{
	struct lexmark mk;
	const struct lexentry *e;
	struct ptok *p;
	uint64_t done;
	int k, c, i;

	for (k = 0; k < nlex; k++) {
		while (matcher_pop(mat[k], &mk)) {
			if (mk.role == LEX_FIRST) {
				p = PTOK(settled[k]);
				e = lexicon_entry(lex[k], (size_t)mk.entry);
				for (i = 0; i < e->ncat; i++) {
					c = catmap[k][e->catids[i]];
					p->u->n[c]++;
					p->u->w[c] += (int64_t)(e->weight *
					    1000 + (e->weight < 0 ? -0.5 :
					    0.5));
					if (opt_explain)
						explain(p, settled[k], mk.ntok,
						    e, lexicon_category(lex[k],
						    e->catids[i]));
				}
			}
			settled[k]++;
		}
	}
	done = all_settled();
	rhead = done;
	flush_units(done);
}

static struct ptok *
ring_push(void)
{
	struct ptok *nr;
	size_t nsize;
	uint64_t i;

	if (rtail - rhead == ringsize) {
		nsize = ringsize ? ringsize * 2 : 256;
		nr = tt_xcalloc(nsize, sizeof *nr);
		for (i = rhead; i < rtail; i++)
			nr[i & (nsize - 1)] = *PTOK(i);
		/* keep the buffers of the free slots for reuse */
		for (i = rtail; i < rhead + ringsize; i++) {
			tt_buf_free(&PTOK(i)->word);
			tt_buf_free(&PTOK(i)->where);
		}
		free(ring);
		ring = nr;
		ringsize = nsize;
	}
	return PTOK(rtail);
}

/* ---- the stream ------------------------------------------------------------ */

/* Whether a token of this type counts in `tokens`: word, num, abbr. */
static int
counted_type(const struct ttfield *t)
{
	return (t->len == 4 && memcmp(t->s, "word", 4) == 0) ||
	    (t->len == 3 && memcmp(t->s, "num", 3) == 0) ||
	    (t->len == 4 && memcmp(t->s, "abbr", 4) == 0);
}

/* The lexicons, each loaded alone so that each has its own matcher. */
static void
load_lexicons(const char **paths, int n)
{
	struct lexicon *lx;
	int k, c, bad = 0;

	for (k = 0; k < n; k++) {
		if ((lx = lexicon_load(&paths[k], 1)) == NULL) {
			bad = 1;
			continue;
		}
		lex[nlex] = lx;
		mat[nlex] = matcher_new(lx);
		catmap[nlex] = tt_xmalloc((size_t)(lexicon_ncategories(lx) +
		    1) * sizeof(int));
		/* exceptions never match: no column */
		for (c = 0; c < lexicon_ncategories(lx); c++)
			catmap[nlex][c] = lexicon_category_is_exception(lx, c) ?
			    -1 : category_id(lexicon_category(lx, c));
		nlex++;
	}
	if (bad)
		exit(2);
}

/* Reads the stream, counts, and writes the units as they end. */
static void
score_stream(int argc, char **argv)
{
	struct ttstream st;
	struct ttbuf prevdoc = { 0 }, prevkey = { 0 }, keys = { 0 };
	struct ttbuf prevsent = { 0 };
	struct ttbuf wbuf = { 0 }, sbuf = { 0 };
	struct intern *speakers = NULL;
	struct unit *u = NULL, **spk = NULL;
	size_t nspk = 0, capspk = 0;
	struct ptok *p;
	const struct ttfield *f;
	const char *w, *sv;
	size_t wn, sn;
	int cdoc, ckey = -1, ctype, cword, cstem, cline, csent, k, newdoc;
	uint64_t sentkey = 0, counted = 0, window = 0, idx;
	uint32_t sid;
	int added;
	char num[32];

	if (!stream_open(&st, argc, argv)) {
		/* empty input is an empty table; a bad one only its error */
		if (tt_status == 0)
			write_header();
		stream_close(&st);
		return;
	}
	cword = stream_need(&st, "word", "run tt-tokenise first");
	cdoc = stream_need(&st, "doc", NULL);
	if (opt_by == BY_PAR)
		ckey = stream_need(&st, "par", NULL);
	else if (opt_by == BY_SENT)
		ckey = stream_need(&st, "sent", NULL);
	else if (opt_by == BY_SPEAKER) {
		ckey = stream_need(&st, "speaker", NULL);
		speakers = intern_new();
	}
	ctype = stream_col(&st, "type");
	cstem = stream_col(&st, "stem");
	cline = stream_col(&st, "line");
	csent = stream_col(&st, "sent");
	write_header();

	while (stream_next(&st)) {
		f = st.f;
		newdoc = u == NULL || !field_eq(&f[cdoc], &prevdoc);
		if (newdoc) {
			/* every unit of the last document is complete */
			for (idx = 0; idx < nunits; idx++)
				if (units[idx]->end == UINT64_MAX)
					units[idx]->end = rtail;
			field_copy(&prevdoc, &f[cdoc]);
			counted = 0;
			window = 0;
			nspk = 0;
			if (speakers != NULL)
				intern_clear(speakers);
			sentkey++;
		}
		/* the matchers' sentence key: changes with doc or sentence */
		if (csent >= 0 && (newdoc || !field_eq(&f[csent], &prevsent))) {
			if (!newdoc)
				sentkey++;
			field_copy(&prevsent, &f[csent]);
		}
		if (ctype < 0 || counted_type(&f[ctype]))
			counted++;

		/* the unit of this token */
		switch (opt_by) {
		case BY_DOC:
			if (newdoc)
				u = unit_new(f[cdoc].s, f[cdoc].len);
			break;
		case BY_PAR:
		case BY_SENT:
			if (newdoc || !field_eq(&f[ckey], &keys)) {
				if (!newdoc)
					u->end = rtail;
				field_copy(&keys, &f[ckey]);
				prevkey.len = 0;
				tt_buf_add(&prevkey, f[cdoc].s, f[cdoc].len);
				tt_buf_addc(&prevkey, '\t');
				tt_buf_add(&prevkey, f[ckey].s, f[ckey].len);
				u = unit_new(prevkey.s, prevkey.len);
			}
			break;
		case BY_WINDOW:
			idx = counted == 0 ? 1 :
			    (counted + (uint64_t)opt_window - 1) /
			    (uint64_t)opt_window;
			if (newdoc || idx != window) {
				if (!newdoc)
					u->end = rtail;
				window = idx;
				prevkey.len = 0;
				tt_buf_add(&prevkey, f[cdoc].s, f[cdoc].len);
				snprintf(num, sizeof num, "\t%llu",
				    (unsigned long long)window);
				tt_buf_add(&prevkey, num, strlen(num));
				u = unit_new(prevkey.s, prevkey.len);
			}
			break;
		case BY_SPEAKER:
			sid = intern_put(speakers, f[ckey].s, f[ckey].len,
			    &added);
			if (added) {
				prevkey.len = 0;
				tt_buf_add(&prevkey, f[cdoc].s, f[cdoc].len);
				tt_buf_addc(&prevkey, '\t');
				tt_buf_add(&prevkey, f[ckey].s, f[ckey].len);
				if (nspk == capspk) {
					capspk = capspk ? capspk * 2 : 16;
					spk = tt_xrealloc(spk, capspk *
					    sizeof *spk);
				}
				spk[nspk++] = unit_new(prevkey.s, prevkey.len);
			}
			u = spk[sid];
			break;
		}
		if (ctype < 0 || counted_type(&f[ctype]))
			u->tokens++;

		p = ring_push();
		p->u = u;
		if (opt_explain) {
			field_unescape(&p->word, f[cword].s, f[cword].len);
			p->where.len = 0;
			tt_buf_add(&p->where, f[cdoc].s, f[cdoc].len);
			tt_buf_addc(&p->where, ':');
			if (cline >= 0)
				tt_buf_add(&p->where, f[cline].s,
				    f[cline].len);
		}
		rtail++;

		w = stream_value(&st, cword, &wbuf, &wn);
		sv = NULL;
		sn = 0;
		if (cstem >= 0)
			sv = stream_value(&st, cstem, &sbuf, &sn);
		if (ctype >= 0 && lexicon_type_excluded(f[ctype].s,
		    f[ctype].len))
			wn = 0;
		for (k = 0; k < nlex; k++)
			matcher_feed(mat[k], w, wn, sv, sn, sentkey);
		/* settling a batch at a time costs less than every token;
		 * --explain with several lexicons settles every token, so
		 * that their lines interleave by token as documented */
		if (rtail - rhead >= SETTLE_BATCH || (opt_explain && nlex > 1))
			settle();
	}
	for (k = 0; k < nlex; k++)
		matcher_finish(mat[k]);
	for (idx = 0; idx < nunits; idx++)
		if (units[idx]->end == UINT64_MAX)
			units[idx]->end = rtail;
	settle();
	stream_close(&st);
	free(spk);
	if (speakers != NULL)
		intern_free(speakers);
	tt_buf_free(&prevdoc);
	tt_buf_free(&prevsent);
	tt_buf_free(&prevkey);
	tt_buf_free(&keys);
	tt_buf_free(&wbuf);
	tt_buf_free(&sbuf);
}

/* ---- merging counts ----------------------------------------------------- */

static char *merge_magic, *merge_header;
static char *merge_first;
static struct intern *merge_keys;	/* unit keys -> index in units */

/* Parses a whole count; reports file:line and returns -1 if not one. */
static int
parse_u64(const struct ttreader *r, const char *s, size_t n, uint64_t *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || *v > UINT64_MAX / 20)
			break;
		*v = *v * 10 + (uint64_t)(s[i] - '0');
	}
	if (n == 0 || i < n) {
		tt_error("%s:%lu: not a count: '%.*s'", r->name, r->lineno,
		    (int)(n > 40 ? 40 : n), s);
		return -1;
	}
	return 0;
}

/* Parses a weight sum with up to 3 decimals into thousandths. */
static int
parse_milli(const struct ttreader *r, const char *s, size_t n, int64_t *v)
{
	size_t i = 0;
	int64_t x = 0, neg = 0, dec = -1;

	if (n > 0 && s[0] == '-')
		neg = 1, i = 1;
	for (; i < n; i++) {
		if (s[i] == '.' && dec < 0 && i > (size_t)neg) {
			dec = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9' || dec >= 3 ||
		    x > INT64_MAX / 20)
			break;
		x = x * 10 + (s[i] - '0');
		if (dec >= 0)
			dec++;
	}
	if (n == (size_t)neg || i < n || dec == 0) {
		tt_error("%s:%lu: not a weight sum: '%.*s'", r->name,
		    r->lineno, (int)(n > 40 ? 40 : n), s);
		return -1;
	}
	for (dec = dec < 0 ? 0 : dec; dec < 3; dec++)
		x *= 10;
	*v = neg ? -x : x;
	return 0;
}

/* Sets up categories and the unit kind from the two header lines of the
 * first counts file. */
static int
merge_setup(const char *magic, const char *hdr)
{
	const char *p, *q, *by;
	char *cat;
	size_t n;

	by = magic + sizeof COUNTS_MAGIC - 1;
	if (strncmp(by, "by=", 3) != 0)
		return -1;
	p = by + 3;
	n = strcspn(p, "\t");
	if (n == 3 && strncmp(p, "doc", 3) == 0)
		opt_by = BY_DOC;
	else if (n == 3 && strncmp(p, "par", 3) == 0)
		opt_by = BY_PAR;
	else if (n == 4 && strncmp(p, "sent", 4) == 0)
		opt_by = BY_SENT;
	else if (n == 7 && strncmp(p, "speaker", 7) == 0)
		opt_by = BY_SPEAKER;
	else if (n == 6 && strncmp(p, "window", 6) == 0)
		opt_by = BY_WINDOW;
	else
		return -1;
	if ((p = strstr(p, "\tpoles=")) != NULL) {
		npoles = 0;
		add_poles(p + 7, 1);
	}
	/* "#KEYS\ttokens\tn:CAT...\tw:CAT..." */
	n = strlen(key_names[opt_by]);
	if (hdr[0] != '#' || strncmp(hdr + 1, key_names[opt_by], n) != 0 ||
	    strncmp(hdr + 1 + n, "\ttokens", 7) != 0)
		return -1;
	for (p = hdr + 1 + n + 7; *p == '\t'; p = q) {
		q = p + 1 + strcspn(p + 1, "\t");
		if (strncmp(p + 1, "n:", 2) != 0)
			break;
		cat = tt_xmalloc((size_t)(q - p));
		memcpy(cat, p + 3, (size_t)(q - p - 3));
		cat[q - p - 3] = '\0';
		category_id(cat);
		free(cat);
	}
	return 0;
}

/*
 * Adds one counts file. Its two header lines must equal those of the
 * first file (same unit, poles and categories); rows are summed by their
 * keys. Every bad row is reported with file:line and skipped.
 */
static void
merge_file(const char *path)
{
	struct ttreader r;
	struct ttfield f[STREAM_MAXCOLS * 4];
	char *magic = NULL;
	struct unit *u;
	uint64_t tok, v;
	int64_t wv;
	int nkeys, nf, want, c, bad, added;
	uint32_t id;
	size_t keyslen;
	char *line, *end, *tab;

	if (reader_open(&r, path, 1) < 0)
		return;
	if (reader_next(&r) <= 0 || r.len < sizeof COUNTS_MAGIC - 1 ||
	    memcmp(r.line, COUNTS_MAGIC, sizeof COUNTS_MAGIC - 1) != 0) {
		tt_error("%s:1: not a tt-score counts file (made with "
		    "tt-score --counts)", r.name);
		reader_close(&r);
		return;
	}
	magic = tt_xstrdup(r.line);
	if (reader_next(&r) <= 0) {
		tt_error("%s:2: no column header", r.name);
		goto out;
	}
	if (merge_magic == NULL) {
		if (merge_setup(magic, r.line) < 0) {
			tt_error("%s:1: not a tt-score counts file (made with "
			    "tt-score --counts)", r.name);
			goto out;
		}
		merge_magic = magic;
		magic = NULL;
		merge_header = tt_xstrdup(r.line);
		merge_first = tt_xstrdup(r.name);
		merge_keys = intern_new();
	} else if (strcmp(magic, merge_magic) != 0 ||
	    strcmp(r.line, merge_header) != 0) {
		tt_error("%s:%d: counts of other units, poles or categories "
		    "than %s", r.name, strcmp(magic, merge_magic) != 0 ? 1 : 2,
		    merge_first);
		goto out;
	}
	nkeys = opt_by == BY_DOC ? 1 : 2;
	want = nkeys + 1 + 2 * ncats;
	while (reader_next(&r) > 0) {
		line = r.line;
		end = line + r.len;
		for (nf = 0; nf < (int)(sizeof f / sizeof f[0]); nf++) {
			tab = memchr(line, '\t', (size_t)(end - line));
			f[nf].s = line;
			f[nf].len = (size_t)((tab ? tab : end) - line);
			if (tab == NULL) {
				nf++;
				break;
			}
			line = tab + 1;
		}
		if (nf != want) {
			tt_error("%s:%lu: %d fields where the header has %d",
			    r.name, r.lineno, nf, want);
			continue;
		}
		bad = parse_u64(&r, f[nkeys].s, f[nkeys].len, &tok) < 0;
		for (c = 0; c < ncats && !bad; c++)
			bad = parse_u64(&r, f[nkeys + 1 + c].s,
			    f[nkeys + 1 + c].len, &v) < 0 ||
			    parse_milli(&r, f[nkeys + 1 + ncats + c].s,
			    f[nkeys + 1 + ncats + c].len, &wv) < 0;
		if (bad)
			continue;
		keyslen = (size_t)(f[nkeys - 1].s + f[nkeys - 1].len - f[0].s);
		id = intern_put(merge_keys, f[0].s, keyslen, &added);
		if (added)
			unit_new(f[0].s, keyslen);
		u = units[id];
		u->tokens += tok;
		for (c = 0; c < ncats; c++) {
			parse_u64(&r, f[nkeys + 1 + c].s, f[nkeys + 1 + c].len,
			    &v);
			parse_milli(&r, f[nkeys + 1 + ncats + c].s,
			    f[nkeys + 1 + ncats + c].len, &wv);
			u->n[c] += v;
			u->w[c] += wv;
		}
	}
out:
	free(magic);
	reader_close(&r);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "lexicon", required_argument, NULL, 'l' },
		{ "by", required_argument, NULL, 'b' },
		{ "poles", required_argument, NULL, 'P' },
		{ "explain", no_argument, NULL, 'e' },
		{ "counts", no_argument, NULL, 'c' },
		{ "merge", no_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *deflex[] = { "formeel-informeel.tsv" };
	const char *lexpaths[MAXLEX];
	size_t i;
	int c, nlexpaths = 0;

	tt_init(argv[0]);
	while ((c = getopt_long(argc, argv, "l:b:P:ecMhV", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'l':
			if (nlexpaths == MAXLEX)
				tt_die("more than %d lexicons", MAXLEX);
			lexpaths[nlexpaths++] = optarg;
			break;
		case 'b':
			if (strcmp(optarg, "doc") == 0)
				opt_by = BY_DOC;
			else if (strcmp(optarg, "par") == 0)
				opt_by = BY_PAR;
			else if (strcmp(optarg, "sent") == 0)
				opt_by = BY_SENT;
			else if (strcmp(optarg, "speaker") == 0)
				opt_by = BY_SPEAKER;
			else if (strncmp(optarg, "window=", 7) == 0) {
				opt_by = BY_WINDOW;
				opt_window = tt_parse_count(optarg + 7);
				if (opt_window < 1 || opt_window > MAXWINDOW)
					tt_die("--by %s: the window must be a "
					    "whole number of tokens from 1 to "
					    "%ld", optarg, MAXWINDOW);
			} else
				tt_die("--by %s: expected doc, par, sent, "
				    "speaker or window=N", optarg);
			break;
		case 'P':
			if (!poles_given)
				npoles = 0;
			poles_given = 1;
			add_poles(optarg, 0);
			break;
		case 'e':
			opt_explain = 1;
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
	if (opt_explain && (opt_counts || opt_merge))
		tt_die("--explain excludes --counts and --merge");
	if (opt_merge && nlexpaths > 0)
		tt_die("--merge takes its categories from the counts files, "
		    "not from -l");

	cats = intern_new();
	dims = intern_new();
	if (opt_merge) {
		if (argc == 0)
			merge_file("-");
		for (c = 0; c < argc; c++)
			merge_file(argv[c]);
		write_header();
		for (i = 0; i < nunits; i++)
			write_unit(units[i]);
		return tt_finish();
	}
	load_lexicons(nlexpaths ? lexpaths : deflex, nlexpaths ? nlexpaths :
	    1);
	score_stream(argc, argv);
	return tt_finish();
}
