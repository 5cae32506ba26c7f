/*
 * tt-keyness - terms (stems or words, and word groups) typical of a target
 * against a reference, or of each part of the input against the rest, with
 * the usual keyness measures; additive counts that merge by summing; draft
 * lexicon entries for the terms no lexicon entry covers.
 *
 * Every term keeps one record per part (target, reference, a document, a
 * speaker, a group) in a list, most recently used first; memory grows with
 * the number of distinct terms and their parts, never with the input.
 * See tt-keyness(1) for the terms, the measures and the counts format.
 */
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "tt.h"

static const char usage[] =
"usage: tt-keyness -r REFERENCE [options] [TARGET ...]\n"
"       tt-keyness --by doc|speaker|group [--groups FILE] [options] [STREAM ...]\n"
"       tt-keyness --counts [--as target|reference] [options] [STREAM ...]\n"
"       tt-keyness --merge [options] COUNTS ...\n"
"Terms typical of a target against a reference, or of each part against the rest.\n"
"  -r, --reference FILE  the reference stream (repeatable)\n"
"  -b, --by PART         compare each doc, speaker or group with the rest\n"
"  -g, --groups FILE     doc<TAB>group lines, for --by group\n"
"  -f, --field COLUMN    stem (default) or word\n"
"  -N, --ngram N         word groups up to N words (default 3; 1: none)\n"
"  -A, --assoc X         least logDice of a word group with its words (7)\n"
"  -S, --stopwords FILE  function words (default functiewoorden.txt)\n"
"  -m, --min-freq N      terms seen at least N times in the target (3)\n"
"  -a, --alpha X         significance after Bonferroni correction (0.001;\n"
"                        1 keeps every term)\n"
"  -k, --smooth N        simple maths constant, per million (1)\n"
"  -s, --sort COLUMN     LRC (default), G2, log_ratio, pct_diff,\n"
"                        simple_maths, freq or docs\n"
"  -n, --top N           only the first N rows (of each part)\n"
"  -l, --lexicon FILE    lexicon for the lexicon column (repeatable)\n"
"  -d, --draft           write draft lexicon entries instead\n"
"  -c, --counts          write the additive counts instead\n"
"      --as PART         --counts: the input is the target (default) or\n"
"                        the reference\n"
"  -M, --merge           the operands are counts files: sum them\n"
"  -h, --help            this help\n"
"  -V, --version         version\n";

#define COUNTS_MAGIC	"#tt-keyness-counts\tv1\t"
#define MAXNGRAM	8
#define NOPART		UINT32_MAX

enum by { BY_REF, BY_DOC, BY_SPEAKER, BY_GROUP };
static const char *const by_names[] = { "ref", "doc", "speaker", "group" };

enum sortkey { S_LRC, S_G2, S_LOGRATIO, S_PCTDIFF, S_SMATHS, S_FREQ, S_DOCS };
static const char *const sort_names[] = {
	"LRC", "G2", "log_ratio", "pct_diff", "simple_maths", "freq", "docs",
	NULL
};

/* Options. */
static enum by opt_by = BY_REF;
static const char *opt_field = "stem";
static int opt_ngram = 3;
static double opt_assoc = 7;
static const char *opt_stopwords = "functiewoorden.txt";
static long opt_min_freq = 3;
static double opt_alpha = 0.001;
static double opt_smooth = 1;
static enum sortkey opt_sort = S_LRC;
static long opt_top = -1;
static int opt_draft, opt_counts, opt_merge, opt_as_ref;
static const char *opt_groups;
static char *refpaths[64];
static int nrefpaths;
static const char *lexpaths[64];
static int nlexpaths;

/* ---- the counts -------------------------------------------------------- */

struct term {
	uint64_t	 total;		/* occurrences in all parts */
	uint64_t	 exline;	/* the example: first line in ... */
	uint32_t	 exdoc;		/* ... the first document by name, + 1 */
	uint32_t	 head;		/* first record + 1 */
	uint32_t	 lex;		/* covering lexicon key + 1, or 0 */
	uint32_t	 formlen;
	size_t		 formoff;	/* word forms at the example, in forms_text */
	uint8_t		 n;		/* words */
	uint8_t		 mask;		/* bit i: word i is a function word */
};

struct rec {
	uint64_t	 freq;
	uint64_t	 exline;
	uint32_t	 exdoc;		/* + 1 */
	uint32_t	 docs;
	uint32_t	 lastdoc;	/* document serial last counted */
	uint32_t	 part;
	uint32_t	 next;		/* + 1 */
};

struct part {
	uint64_t	 tokens;
	uint64_t	 docs;
	uint32_t	 lastdoc;
};

static struct intern *terms, *docnames, *partnames, *lexkeys;
static struct term *tv;
static size_t tvcap;
static struct rec *recs;
static size_t nrecs, reccap;
static struct part *pv;
static size_t pvcap;
static struct ttbuf forms_text;

/* Whether example (doc d + 1, line l) comes before (e, el): the earlier
 * line of the document first by name. e 0 is no example yet. */
static int
example_before(uint32_t d, uint64_t l, uint32_t e, uint64_t el)
{
	const char *a, *b;
	size_t an, bn;
	int c;

	if (e == 0)
		return 1;
	if (d == e)
		return l < el;
	a = intern_str(docnames, d - 1, &an);
	b = intern_str(docnames, e - 1, &bn);
	c = memcmp(a, b, an < bn ? an : bn);
	if (c == 0)
		c = an < bn ? -1 : an > bn;
	return c < 0;
}

static uint32_t
term_id(const char *s, size_t n, int words)
{
	int added;
	uint32_t id = intern_put(terms, s, n, &added);

	if (added) {
		if (id >= tvcap) {
			tvcap = tvcap ? tvcap * 2 : 4096;
			tv = tt_xrealloc(tv, tvcap * sizeof *tv);
		}
		memset(&tv[id], 0, sizeof tv[id]);
		tv[id].n = (uint8_t)words;
	}
	return id;
}

static uint32_t
part_id(const char *s, size_t n)
{
	int added;
	uint32_t id = intern_put(partnames, s, n, &added);

	if (added) {
		if (id >= pvcap) {
			pvcap = pvcap ? pvcap * 2 : 64;
			pv = tt_xrealloc(pv, pvcap * sizeof *pv);
		}
		memset(&pv[id], 0, sizeof pv[id]);
	}
	return id;
}

/* The record of term t in part p, made if absent and moved to the front
 * of the term's list (parts come in runs, so the front is nearly always
 * the one). */
static struct rec *
record(uint32_t t, uint32_t p)
{
	struct term *T = &tv[t];
	uint32_t i, prev = 0;

	if (T->head != 0 && recs[T->head - 1].part == p)
		return &recs[T->head - 1];
	for (i = T->head; i != 0; prev = i, i = recs[i - 1].next) {
		if (recs[i - 1].part == p) {
			recs[prev - 1].next = recs[i - 1].next;
			recs[i - 1].next = T->head;
			T->head = i;
			return &recs[i - 1];
		}
	}
	if (nrecs == reccap) {
		reccap = reccap ? reccap * 2 : 4096;
		if (reccap > UINT32_MAX)
			tt_die("too many terms");
		recs = tt_xrealloc(recs, reccap * sizeof *recs);
	}
	memset(&recs[nrecs], 0, sizeof recs[nrecs]);
	recs[nrecs].part = p;
	recs[nrecs].next = T->head;
	T->head = (uint32_t)++nrecs;
	return &recs[nrecs - 1];
}

/* Keeps lexicon key k (+ 1) for term t when it comes first bytewise: the
 * covering entry does not depend on the order of the input. */
static void
term_lex(uint32_t t, uint32_t k)
{
	const char *a, *b;
	size_t an, bn;
	int c;

	if (k == 0 || tv[t].lex == k)
		return;
	if (tv[t].lex != 0) {
		a = intern_str(lexkeys, k - 1, &an);
		b = intern_str(lexkeys, tv[t].lex - 1, &bn);
		c = memcmp(a, b, an < bn ? an : bn);
		if (c > 0 || (c == 0 && an >= bn))
			return;
	}
	tv[t].lex = k;
}

static void
term_form(uint32_t t, const char *form, size_t n, int mask)
{
	tv[t].formoff = forms_text.len;
	tv[t].formlen = (uint32_t)n;
	tv[t].mask = (uint8_t)mask;
	tt_buf_add(&forms_text, form, n);
}

/* ---- reading streams ---------------------------------------------------- */

/* A counted token in the window of the current run of words. */
struct wtok {
	uint32_t	 term;		/* unigram term */
	uint32_t	 form;		/* id in forms */
	int		 func;
};

/* A token waiting for the lexicon matcher. */
struct qtok {
	uint64_t	 line;
	uint32_t	 term, form, doc, docserial, part, sent;
	int		 counted, func;
};

static struct intern *forms;	/* folded word forms */
static uint8_t *formfunc;	/* function word, by form id */
static size_t formcap;
static struct intern *stopwords;
static struct memo *formmemo;

static struct wtok win[MAXNGRAM];
static int winlen;
static uint32_t win_sent = UINT32_MAX, win_part = NOPART;
static struct ttbuf key, formbuf;

/* Counts one occurrence of term t (its last k words in win). */
static void
count_term(uint32_t t, uint32_t part, uint32_t doc, uint32_t docserial,
    uint64_t line, int k)
{
	struct rec *r = record(t, part);
	const char *s;
	size_t n;
	int i, mask;

	r->freq++;
	tv[t].total++;
	if (r->lastdoc != docserial) {
		r->lastdoc = docserial;
		r->docs++;
		if (example_before(doc + 1, line, r->exdoc, r->exline)) {
			r->exdoc = doc + 1;
			r->exline = line;
		}
		if (example_before(doc + 1, line, tv[t].exdoc, tv[t].exline)) {
			tv[t].exdoc = doc + 1;
			tv[t].exline = line;
			formbuf.len = 0;
			mask = 0;
			for (i = winlen - k; i < winlen; i++) {
				if (i > winlen - k)
					tt_buf_addc(&formbuf, ' ');
				s = intern_str(forms, win[i].form, &n);
				tt_buf_add(&formbuf, s, n);
				if (win[i].func)
					mask |= 1 << (i - (winlen - k));
			}
			term_form(t, formbuf.s, formbuf.len, mask);
		}
	}
}

/*
 * The match being read: a term is covered by an entry when its words are
 * exactly the words of a match (no gap, no punctuation inside), so wonen
 * inside "beschermd wonen" is not. The term that spans the match so far
 * is pending until the match is known to have ended: at a token of
 * another match, a sentence change, or the end of the stream (a match
 * that goes on after a gap token has no such term).
 */
static uint32_t m_serial, m_lex, m_len, m_pending = NOPART;
static int m_ok, m_gap;

static void
cover_flush(void)
{
	if (m_pending != NOPART)
		term_lex(m_pending, m_lex);
	m_pending = NOPART;
	m_serial = 0;
}

static void
cover_token(uint32_t cover, uint32_t lex, int counted)
{
	if (cover == 0) {
		if (m_serial != 0)
			m_gap = 1;
		return;
	}
	if (cover == m_serial) {
		m_len++;
		if (m_gap || !counted || m_len > (uint32_t)opt_ngram)
			m_ok = 0;
	} else {
		cover_flush();
		m_serial = cover;
		m_lex = lex;
		m_len = 1;
		m_gap = 0;
		m_ok = counted;
	}
	m_pending = NOPART;
}

/* A token of the stream, in order, with the match that covers it (cover
 * 0: none). */
static void
take_token(const struct qtok *q, uint32_t cover, uint32_t lex)
{
	const char *s;
	size_t n;
	uint32_t t;
	int k, i;

	if (q->sent != win_sent || q->part != win_part)
		cover_flush();
	cover_token(cover, lex, q->counted);
	if (!q->counted || q->sent != win_sent || q->part != win_part) {
		winlen = 0;
		win_sent = q->sent;
		win_part = q->part;
	}
	if (!q->counted)
		return;
	if (pv[q->part].lastdoc != q->docserial) {
		pv[q->part].lastdoc = q->docserial;
		pv[q->part].docs++;
	}
	pv[q->part].tokens++;
	if (winlen == opt_ngram) {
		memmove(win, win + 1, (size_t)(winlen - 1) * sizeof win[0]);
		winlen--;
	}
	win[winlen].term = q->term;
	win[winlen].form = q->form;
	win[winlen].func = q->func;
	winlen++;
	count_term(q->term, q->part, q->doc, q->docserial, q->line, 1);
	/* a function word alone is never the entry */
	if (cover != 0 && m_ok && m_len == 1 && !q->func)
		m_pending = q->term;
	if (q->func)
		return;
	for (k = 2; k <= winlen; k++) {
		if (win[winlen - k].func)
			continue;
		key.len = 0;
		for (i = winlen - k; i < winlen; i++) {
			if (i > winlen - k)
				tt_buf_addc(&key, ' ');
			s = intern_str(terms, win[i].term, &n);
			tt_buf_add(&key, s, n);
		}
		t = term_id(key.s, key.len, k);
		count_term(t, q->part, q->doc, q->docserial, q->line, k);
		if (cover != 0 && m_ok && m_len == (uint32_t)k)
			m_pending = t;
	}
}

/* The form id of a raw word field: case-folded, interned, its function
 * word flag set; cached by the raw bytes. */
static uint32_t
form_of(const struct ttfield *f, struct ttbuf *tmp, struct ttbuf *folded)
{
	const char *v, *w;
	size_t vn, wn;
	uint32_t id;
	int added;

	if ((v = memo_get(formmemo, f->s, f->len, &vn)) != NULL) {
		memcpy(&id, v, sizeof id);
		return id;
	}
	w = field_value(f, tmp, &wn);
	fold(folded, w, wn, FOLD_CASE);
	id = intern_put(forms, folded->s, folded->len, &added);
	if (added) {
		if (id >= formcap) {
			formcap = formcap ? formcap * 2 : 4096;
			formfunc = tt_xrealloc(formfunc, formcap);
		}
		formfunc[id] = intern_get(stopwords, folded->s,
		    folded->len) >= 0;
	}
	memo_put(formmemo, f->s, f->len, (const char *)&id, sizeof id);
	return id;
}

/* The groups of --groups: document name to part. */
static struct intern *groupdocs;
static uint32_t *groupof;
static unsigned long *groupline;

static void
load_groups(const char *path)
{
	struct ttreader r;
	struct ttbuf d = { 0 }, g = { 0 };
	const char *tab;
	size_t cap = 0;
	uint32_t id;
	int added;

	groupdocs = intern_new();
	if (reader_open(&r, path, 1) < 0)
		exit(2);
	while (reader_next(&r) > 0) {
		if (r.len == 0 || r.line[0] == '#')
			continue;
		tab = memchr(r.line, '\t', r.len);
		if (tab == NULL || tab == r.line || tab + 1 == r.line + r.len ||
		    memchr(tab + 1, '\t', (size_t)(r.line + r.len - tab - 1))) {
			tt_error("%s:%lu: expected doc<TAB>group", r.name,
			    r.lineno);
			continue;
		}
		field_unescape(&d, r.line, (size_t)(tab - r.line));
		field_unescape(&g, tab + 1, (size_t)(r.line + r.len - tab - 1));
		id = intern_put(groupdocs, d.s, d.len, &added);
		if (id >= cap) {
			cap = cap ? cap * 2 : 256;
			groupof = tt_xrealloc(groupof, cap * sizeof *groupof);
			groupline = tt_xrealloc(groupline,
			    cap * sizeof *groupline);
		}
		if (!added) {
			tt_error("%s:%lu: document '%s' is given twice (first "
			    "on line %lu)", r.name, r.lineno, d.s,
			    groupline[id]);
			continue;
		}
		groupof[id] = part_id(g.s, g.len);
		groupline[id] = r.lineno;
	}
	if (r.lineno == 0 || intern_count(groupdocs) == 0)
		tt_error("%s:1: no doc<TAB>group lines", r.name);
	reader_close(&r);
	tt_buf_free(&d);
	tt_buf_free(&g);
	if (tt_status != 0)
		exit(2);
}

static struct lexicon *lx;
static uint32_t *entrykey;	/* lexkeys id + 1 of each entry */

static uint32_t matchserial;	/* number of the last match */

/* Takes the tokens waiting in the ring queue[0..qcap) (qlen of them from
 * *qhead on) whose matches the matcher has settled, in order. */
static void
take_settled(struct matcher *m, struct qtok *queue, size_t qcap,
    size_t *qhead, size_t *qlen)
{
	struct lexmark mk;
	uint32_t cover, lex;

	while (*qlen > 0 && matcher_pop(m, &mk)) {
		cover = lex = 0;
		if (mk.role == LEX_FIRST)
			cover = ++matchserial;
		else if (mk.role == LEX_INSIDE)
			cover = matchserial;
		if (cover != 0)
			lex = entrykey[mk.entry];
		take_token(&queue[*qhead], cover, lex);
		*qhead = (*qhead + 1) % qcap;
		(*qlen)--;
	}
}

/*
 * Reads one stream (the files paths[0..n), or stdin) and counts it; part
 * is the part of every token, or NOPART when --by decides. Returns the
 * word tokens counted.
 */
static uint64_t
read_stream(int n, char **paths, uint32_t part)
{
	static uint32_t docserial, sentserial;
	struct ttstream st;
	struct ttbuf prevdoc = { 0 }, prevsent = { 0 }, prevspk = { 0 };
	struct ttbuf tmp = { 0 }, tmp2 = { 0 }, folded = { 0 };
	struct ttbuf curkey = { 0 };
	struct matcher *m = NULL;
	struct qtok *queue = NULL, q;
	size_t qcap = 0, qhead = 0, qlen = 0, vn, wn, sn;
	const char *v, *w, *sv;
	uint64_t counted = 0, line;
	uint32_t curpart = part, doc = 0, cover, lex, curlex = 0;
	int cdoc, csent, cline, ctype, cword, cfield, cspk = -1, cjargon = -1;
	int cstem;
	int started = 0, isword, added;
	int64_t gid;

	if (!stream_open(&st, n, paths)) {
		stream_close(&st);
		return 0;
	}
	cdoc = stream_need(&st, "doc", NULL);
	csent = stream_need(&st, "sent", NULL);
	cline = stream_need(&st, "line", NULL);
	ctype = stream_need(&st, "type", NULL);
	cword = stream_need(&st, "word", NULL);
	cfield = stream_need(&st, opt_field,
	    strcmp(opt_field, "stem") == 0 ? "run tt-stem first" : NULL);
	if (opt_by == BY_SPEAKER)
		cspk = stream_need(&st, "speaker", NULL);
	cstem = stream_col(&st, "stem");
	if (lx != NULL)
		m = matcher_new(lx);
	else
		cjargon = stream_col(&st, "jargon");

	while (stream_next(&st)) {
		const struct ttfield *f = st.f;

		if (!started || !field_eq(&f[cdoc], &prevdoc)) {
			field_copy(&prevdoc, &f[cdoc]);
			field_copy(&prevsent, &f[csent]);
			docserial++;
			sentserial++;
			started = 1;
			v = stream_value(&st, cdoc, &tmp, &vn);
			doc = intern_put(docnames, v, vn, &added);
			if (opt_by == BY_DOC)
				curpart = part_id(v, vn);
			else if (opt_by == BY_GROUP) {
				if ((gid = intern_get(groupdocs, v, vn)) < 0)
					tt_die("%s:%lu: document '%.*s' is not "
					    "in %s", st.name, st.lineno,
					    (int)vn, v, opt_groups);
				curpart = groupof[gid];
			}
		} else if (!field_eq(&f[csent], &prevsent)) {
			field_copy(&prevsent, &f[csent]);
			sentserial++;
		}
		if (cspk >= 0 && !field_eq(&f[cspk], &prevspk)) {
			field_copy(&prevspk, &f[cspk]);
			sv = stream_value(&st, cspk, &tmp, &sn);
			curpart = sn == 0 ? NOPART : part_id(sv, sn);
		}
		v = f[ctype].s;
		vn = f[ctype].len;
		isword = (vn == 4 && memcmp(v, "word", 4) == 0) ||
		    (vn == 4 && memcmp(v, "abbr", 4) == 0);
		memset(&q, 0, sizeof q);
		q.sent = sentserial;
		q.doc = doc;
		q.docserial = docserial;
		q.part = curpart;
		line = 0;
		for (wn = 0; wn < f[cline].len; wn++) {
			if (f[cline].s[wn] < '0' || f[cline].s[wn] > '9')
				break;
			line = line * 10 + (uint64_t)(f[cline].s[wn] - '0');
		}
		q.line = line;
		if (isword && curpart != NOPART) {
			v = stream_value(&st, cfield, &tmp, &vn);
			if (vn > 0) {
				q.form = form_of(&f[cword], &tmp2, &folded);
				q.func = formfunc[q.form];
				if (cfield == cword)	/* words: case-folded */
					v = intern_str(forms, q.form, &vn);
				q.term = term_id(v, vn, 1);
				q.counted = 1;
				counted++;
			}
		}

		if (m == NULL) {
			cover = lex = 0;
			if (cjargon >= 0) {
				v = stream_value(&st, cjargon, &tmp, &vn);
				if (vn > 1 && v[0] == '+' && curlex != 0 &&
				    curkey.len == vn - 1 &&
				    memcmp(curkey.s, v + 1, vn - 1) == 0) {
					cover = matchserial;
					lex = curlex;
				} else if (vn > 0 && v[0] != '+') {
					curkey.len = 0;
					tt_buf_add(&curkey, v, vn);
					curlex = intern_put(lexkeys, v, vn,
					    NULL) + 1;
					cover = ++matchserial;
					lex = curlex;
				}
			}
			take_token(&q, cover, lex);
			continue;
		}
		/* through the matcher: tokens wait until their match is
		 * settled */
		w = stream_value(&st, cword, &tmp, &wn);
		if (lexicon_type_excluded(f[ctype].s, f[ctype].len))
			wn = 0;
		sv = NULL;
		sn = 0;
		if (cstem >= 0)
			sv = stream_value(&st, cstem, &tmp2, &sn);
		matcher_feed(m, w, wn, sv, sn, sentserial);
		if (qlen == qcap) {
			size_t i, ncap = qcap ? qcap * 2 : 64;
			struct qtok *nq = tt_xmalloc(ncap * sizeof *nq);

			for (i = 0; i < qlen; i++)
				nq[i] = queue[(qhead + i) % (qcap ? qcap : 1)];
			free(queue);
			queue = nq;
			qcap = ncap;
			qhead = 0;
		}
		queue[(qhead + qlen) % qcap] = q;
		qlen++;
		take_settled(m, queue, qcap, &qhead, &qlen);
	}
	if (m != NULL) {
		matcher_finish(m);
		take_settled(m, queue, qcap, &qhead, &qlen);
		matcher_free(m);
	}
	cover_flush();
	winlen = 0;
	win_sent = UINT32_MAX;
	stream_close(&st);
	free(queue);
	tt_buf_free(&prevdoc);
	tt_buf_free(&prevsent);
	tt_buf_free(&prevspk);
	tt_buf_free(&tmp);
	tt_buf_free(&tmp2);
	tt_buf_free(&folded);
	tt_buf_free(&curkey);
	return counted;
}

/* Loads the function words: one a line, '#' comments, case-folded. */
static void
load_stopwords(void)
{
	struct ttreader r;
	struct ttbuf b = { 0 };
	const char *path = tt_data_path(opt_stopwords);
	size_t i, j;

	stopwords = intern_new();
	if (path == NULL)
		tt_die("%s: not found (give --stopwords FILE)", opt_stopwords);
	if (reader_open(&r, path, 1) < 0)
		exit(2);
	while (reader_next(&r) > 0) {
		for (i = 0; i < r.len && (r.line[i] == ' ' ||
		    r.line[i] == '\t'); i++)
			;
		for (j = r.len; j > i && (r.line[j - 1] == ' ' ||
		    r.line[j - 1] == '\t'); j--)
			;
		if (i == j || r.line[i] == '#')
			continue;
		fold(&b, r.line + i, j - i, FOLD_CASE);
		intern_put(stopwords, b.s, b.len, NULL);
	}
	reader_close(&r);
	tt_buf_free(&b);
	if (tt_status != 0)
		exit(2);
}

/* ---- counts files ------------------------------------------------------ */

static char *merge_header;	/* settings of the first counts file */
static const char *merge_first;

static void
counts_settings(struct ttbuf *b)
{
	char num[16];

	b->len = 0;
	tt_buf_add(b, "field=", 6);
	tt_buf_add(b, opt_field, strlen(opt_field));
	snprintf(num, sizeof num, "%d", opt_ngram);
	tt_buf_add(b, "\tngram=", 7);
	tt_buf_add(b, num, strlen(num));
	tt_buf_add(b, "\tby=", 4);
	tt_buf_add(b, by_names[opt_by], strlen(by_names[opt_by]));
}

static int
cmp_strid(struct intern *t, uint32_t a, uint32_t b)
{
	size_t la, lb;
	const char *sa = intern_str(t, a, &la);
	const char *sb = intern_str(t, b, &lb);
	int c = memcmp(sa, sb, la < lb ? la : lb);

	if (c != 0)
		return c;
	return la < lb ? -1 : la > lb;
}

static int cmp_term_ids(const void *a, const void *b)
{
	return cmp_strid(terms, *(const uint32_t *)a, *(const uint32_t *)b);
}

static uint32_t *prank;		/* rank of each part id by name */

static int cmp_part_ids(const void *a, const void *b)
{
	return cmp_strid(partnames, *(const uint32_t *)a,
	    *(const uint32_t *)b);
}

/* Ranks the parts by name; returns their ids in that order. */
static uint32_t *
rank_parts(void)
{
	uint32_t i, n = intern_count(partnames), *order;

	order = tt_xmalloc((n + 1) * sizeof *order);
	for (i = 0; i < n; i++)
		order[i] = i;
	qsort(order, n, sizeof *order, cmp_part_ids);
	free(prank);
	prank = tt_xmalloc((n + 1) * sizeof *prank);
	for (i = 0; i < n; i++)
		prank[order[i]] = i;
	return order;
}

static void
out_docref(uint32_t doc, uint64_t line)
{
	const char *s;
	size_t n;

	if (doc == 0) {
		out_char('_');
		return;
	}
	s = intern_str(docnames, doc - 1, &n);
	out_field(s, n, 0);
	out_char(':');
	out_u64(line);
}

static void
write_counts(void)
{
	struct ttbuf b = { 0 };
	uint32_t *order, *porder, i, j, nt = intern_count(terms);
	uint32_t np = intern_count(partnames);
	struct rec **rv = NULL;
	size_t nrv, k, rcap = 0, len;
	const char *s;

	counts_settings(&b);
	out_str(COUNTS_MAGIC);
	out_bytes(b.s, b.len);
	out_char('\n');
	porder = rank_parts();
	for (i = 0; i < np; i++) {
		out_str("P\t");
		s = intern_str(partnames, porder[i], &len);
		out_field(s, len, 0);
		out_char('\t');
		out_u64(pv[porder[i]].tokens);
		out_char('\t');
		out_u64(pv[porder[i]].docs);
		out_char('\n');
	}
	order = tt_xmalloc((nt + 1) * sizeof *order);
	for (i = 0; i < nt; i++)
		order[i] = i;
	qsort(order, nt, sizeof *order, cmp_term_ids);
	for (i = 0; i < nt; i++) {
		struct term *T = &tv[order[i]];

		if (T->total == 0)
			continue;
		out_str("T\t");
		s = intern_str(terms, order[i], &len);
		out_field(s, len, 0);
		out_char('\t');
		out_u64(T->n);
		out_char('\t');
		out_u64(T->mask);
		out_char('\t');
		if (T->lex) {
			s = intern_str(lexkeys, T->lex - 1, &len);
			out_field(s, len, 0);
		} else
			out_char('_');
		out_char('\t');
		s = intern_str(docnames, T->exdoc - 1, &len);
		out_field(s, len, 0);
		out_char('\t');
		out_u64(T->exline);
		out_char('\t');
		out_field(forms_text.s + T->formoff, T->formlen, 0);
		out_char('\n');
		/* its records, by part name */
		nrv = 0;
		for (j = T->head; j != 0; j = recs[j - 1].next) {
			if (nrv == rcap) {
				rcap = rcap ? rcap * 2 : 16;
				rv = tt_xrealloc(rv, rcap * sizeof *rv);
			}
			rv[nrv++] = &recs[j - 1];
		}
		for (k = 1; k < nrv; k++) {
			struct rec *x = rv[k];
			size_t m;

			for (m = k; m > 0 && prank[rv[m - 1]->part] >
			    prank[x->part]; m--)
				rv[m] = rv[m - 1];
			rv[m] = x;
		}
		for (k = 0; k < nrv; k++) {
			out_str("R\t");
			s = intern_str(terms, order[i], &len);
			out_field(s, len, 0);
			out_char('\t');
			s = intern_str(partnames, rv[k]->part, &len);
			out_field(s, len, 0);
			out_char('\t');
			out_u64(rv[k]->freq);
			out_char('\t');
			out_u64(rv[k]->docs);
			out_char('\t');
			s = intern_str(docnames, rv[k]->exdoc - 1, &len);
			out_field(s, len, 0);
			out_char('\t');
			out_u64(rv[k]->exline);
			out_char('\n');
		}
	}
	free(rv);
	free(order);
	free(porder);
	tt_buf_free(&b);
}

/* Parses a count; reports file:line and returns -1 if not one. */
static int64_t
parse_count_field(const struct ttreader *r, const struct ttfield *f)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < f->len; i++) {
		if (f->s[i] < '0' || f->s[i] > '9' || v > UINT64_MAX / 20)
			break;
		v = v * 10 + (uint64_t)(f->s[i] - '0');
	}
	if (f->len == 0 || i < f->len || v > INT64_MAX) {
		tt_error("%s:%lu: not a count: '%.*s'", r->name, r->lineno,
		    (int)(f->len > 40 ? 40 : f->len), f->s);
		return -1;
	}
	return (int64_t)v;
}

/* s with TABs shown as spaces, for a message; two static buffers. */
static const char *
spaced(const char *s, int which)
{
	static char buf[2][160];
	size_t i;

	for (i = 0; s[i] != '\0' && i < sizeof buf[0] - 1; i++)
		buf[which][i] = s[i] == '\t' ? ' ' : s[i];
	buf[which][i] = '\0';
	return buf[which];
}

/* Takes field, ngram and by back from a counts header. */
static int
parse_settings(const char *h)
{
	static char field[64];
	const char *p;
	size_t n;
	int i;

	if (strncmp(h, "field=", 6) != 0)
		return 0;
	n = strcspn(h + 6, "\t");
	if (n == 0 || n >= sizeof field)
		return 0;
	memcpy(field, h + 6, n);
	field[n] = '\0';
	opt_field = field;
	if ((p = strstr(h, "\tngram=")) == NULL ||
	    (opt_ngram = atoi(p + 7)) < 1 || opt_ngram > MAXNGRAM)
		return 0;
	if ((p = strstr(h, "\tby=")) == NULL)
		return 0;
	for (i = 0; i < 4; i++)
		if (strcmp(p + 4, by_names[i]) == 0)
			break;
	if (i == 4)
		return 0;
	opt_by = (enum by)i;
	return 1;
}

/*
 * Adds one counts file: P (part totals), T (a term: words, function-word
 * mask, lexicon key, example and its forms) and R (a term's counts in one
 * part) rows. The settings in the first line must equal those of the
 * first file. Every bad row is reported; the file is read to the end.
 */
static void
merge_file(const char *path)
{
	struct ttreader r;
	struct ttfield f[9];
	struct ttbuf a = { 0 }, b = { 0 }, c = { 0 };
	const char *rest;
	int64_t k1, k2, k3, k4;
	int64_t tid;
	uint32_t t, p, d;
	struct rec *rc;
	int nf, added;

	if (reader_open(&r, path, 1) < 0)
		return;
	if (reader_next(&r) <= 0 || r.len < sizeof COUNTS_MAGIC - 1 ||
	    memcmp(r.line, COUNTS_MAGIC, sizeof COUNTS_MAGIC - 1) != 0 ||
	    !parse_settings(r.line + sizeof COUNTS_MAGIC - 1)) {
		tt_error("%s:1: not a tt-keyness counts file (made with "
		    "tt-keyness --counts)", r.name);
		reader_close(&r);
		return;
	}
	rest = r.line + sizeof COUNTS_MAGIC - 1;
	if (merge_header == NULL) {
		merge_header = tt_xstrdup(rest);
		merge_first = tt_xstrdup(r.name);
	} else if (strcmp(rest, merge_header) != 0) {
		tt_error("%s:1: counts of %s cannot be merged with counts of "
		    "%s (%s)", r.name, spaced(rest, 0), spaced(merge_header, 1),
		    merge_first);
		parse_settings(merge_header);
		reader_close(&r);
		return;
	}
	while (reader_next(&r) > 0) {
		nf = split_fields(r.line, r.len, f, 8);
		if (nf == 4 && f[0].len == 1 && f[0].s[0] == 'P') {
			if ((k1 = parse_count_field(&r, &f[2])) < 0 ||
			    (k2 = parse_count_field(&r, &f[3])) < 0)
				continue;
			field_unescape(&a, f[1].s, f[1].len);
			p = part_id(a.s, a.len);
			pv[p].tokens += (uint64_t)k1;
			pv[p].docs += (uint64_t)k2;
		} else if (nf == 8 && f[0].len == 1 && f[0].s[0] == 'T') {
			if ((k1 = parse_count_field(&r, &f[2])) < 0 ||
			    (k2 = parse_count_field(&r, &f[3])) < 0 ||
			    (k3 = parse_count_field(&r, &f[6])) < 0)
				continue;
			if (k1 < 1 || k1 > MAXNGRAM || k2 > 255) {
				tt_error("%s:%lu: not a term row", r.name,
				    r.lineno);
				continue;
			}
			field_unescape(&a, f[1].s, f[1].len);
			t = term_id(a.s, a.len, (int)k1);
			field_unescape(&b, f[4].s, f[4].len);
			if (b.len > 0)
				term_lex(t, intern_put(lexkeys, b.s, b.len,
				    NULL) + 1);
			field_unescape(&b, f[5].s, f[5].len);
			d = intern_put(docnames, b.s, b.len, &added) + 1;
			if (example_before(d, (uint64_t)k3, tv[t].exdoc,
			    tv[t].exline)) {
				tv[t].exdoc = d;
				tv[t].exline = (uint64_t)k3;
				field_unescape(&c, f[7].s, f[7].len);
				term_form(t, c.s, c.len, (int)k2);
			}
		} else if (nf == 7 && f[0].len == 1 && f[0].s[0] == 'R') {
			if ((k1 = parse_count_field(&r, &f[3])) < 0 ||
			    (k2 = parse_count_field(&r, &f[4])) < 0 ||
			    (k4 = parse_count_field(&r, &f[6])) < 0)
				continue;
			field_unescape(&a, f[1].s, f[1].len);
			if ((tid = intern_get(terms, a.s, a.len)) < 0) {
				tt_error("%s:%lu: counts of a term without "
				    "its T row", r.name, r.lineno);
				continue;
			}
			field_unescape(&b, f[2].s, f[2].len);
			p = part_id(b.s, b.len);
			rc = record((uint32_t)tid, p);
			rc->freq += (uint64_t)k1;
			rc->docs += (uint32_t)k2;
			tv[tid].total += (uint64_t)k1;
			field_unescape(&b, f[5].s, f[5].len);
			d = intern_put(docnames, b.s, b.len, &added) + 1;
			if (example_before(d, (uint64_t)k4, rc->exdoc,
			    rc->exline)) {
				rc->exdoc = d;
				rc->exline = (uint64_t)k4;
			}
		} else
			tt_error("%s:%lu: not a counts row (P, T or R)",
			    r.name, r.lineno);
	}
	reader_close(&r);
	tt_buf_free(&a);
	tt_buf_free(&b);
	tt_buf_free(&c);
}

/* ---- the measures ------------------------------------------------------ */

/*
 * The regularised incomplete beta function I_x(a, b), by the continued
 * fraction of Numerical Recipes (modified Lentz), on the side of x where
 * it converges fast.
 */
static double
beta_cf(double a, double b, double x)
{
	const double tiny = 1e-300, eps = 1e-16;
	double c = 1, d = 1 - (a + b) * x / (a + 1), h, del, aa;
	int m, m2;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1 / d;
	h = d;
	for (m = 1; m <= 1000000; m++) {
		m2 = 2 * m;
		aa = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
		d = 1 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1 / d;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
		d = 1 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < eps)
			break;
	}
	return h;
}

static double
beta_inc(double a, double b, double x)
{
	double lbt;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	lbt = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) +
	    b * log1p(-x);
	if (x < (a + 1) / (a + b + 2))
		return exp(lbt) * beta_cf(a, b, x) / a;
	return 1 - exp(lbt) * beta_cf(b, a, 1 - x) / b;
}

/* The q-quantile of the Beta(a, b) distribution: bisection, with Newton
 * steps where they stay inside the bracket. */
static double
beta_quantile(double q, double a, double b)
{
	double lo = 0, hi = 1, x = a / (a + b), fx, pdf, nx, lbeta;
	int i;

	lbeta = lgamma(a) + lgamma(b) - lgamma(a + b);
	for (i = 0; i < 200; i++) {
		fx = beta_inc(a, b, x) - q;
		if (fx < 0)
			lo = x;
		else
			hi = x;
		if (hi - lo < 1e-15 * (hi > 1e-300 ? hi : 1e-300) ||
		    hi - lo < 1e-300)
			break;
		pdf = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - lbeta);
		nx = pdf > 0 ? x - fx / pdf : -1;
		if (!(nx > lo && nx < hi))
			nx = lo > 0 || hi < 1e-3 ? (lo + hi) / 2 :
			    hi / 1024;
		x = nx;
	}
	return x;
}

/*
 * The conservative log ratio: the bound nearer 0 of the two-sided
 * Clopper-Pearson interval for f1 / (f1 + f2) at confidence 1 - alpha/m,
 * turned into a log2 ratio of the rates; 0 when the interval includes
 * equal rates (Evert's corpora::keyness, measure LRC).
 */
static double
lrc(double f1, double f2, double n1, double n2, double side)
{
	double n = f1 + f2, t, r;

	if (f1 / n1 >= f2 / n2) {
		if (f1 == 0)
			return 0;
		t = beta_quantile(side, f1, n - f1 + 1);
		if (t >= 1)
			return 0;
		r = log2(n2 / n1 * t / (1 - t));
		return r > 0 ? r : 0;
	}
	if (f2 == 0)
		return 0;
	t = beta_quantile(1 - side, f1 + 1, n - f1);
	if (t <= 0)
		return 0;
	r = log2(n2 / n1 * t / (1 - t));
	return r < 0 ? r : 0;
}

static double
g2_cell(double o, double e)
{
	return o > 0 ? o * log(o / e) : 0;
}

struct row {
	uint32_t	 term, part;
	const struct rec *rec;
	double		 f1, f2, n1, n2;
	double		 rate, ref_rate, g2, p, lr, lrc, pct, smaths;
	double		 key;
};

static void
measures(struct row *x, double side)
{
	double f1 = x->f1, f2 = x->f2, n1 = x->n1, n2 = x->n2, n = n1 + n2;
	double e11 = (f1 + f2) * n1 / n, e12 = (f1 + f2) * n2 / n, g;

	x->rate = f1 / n1 * 1e6;
	x->ref_rate = f2 / n2 * 1e6;
	g = 2 * (g2_cell(f1, e11) + g2_cell(f2, e12) +
	    g2_cell(n1 - f1, n1 - e11) + g2_cell(n2 - f2, n2 - e12));
	if (g < 0)
		g = 0;
	x->p = erfc(sqrt(g / 2));
	x->g2 = f1 < e11 ? -g : g;
	x->lr = log2((f1 + 0.5) / (n1 + 0.5)) - log2((f2 + 0.5) / (n2 + 0.5));
	x->lrc = lrc(f1, f2, n1, n2, side);
	x->pct = f2 > 0 ? 100 * (x->rate - x->ref_rate) / x->ref_rate :
	    INFINITY;
	x->smaths = (x->rate + opt_smooth) / (x->ref_rate + opt_smooth);
	switch (opt_sort) {
	case S_LRC:
		x->key = x->lrc;
		break;
	case S_G2:
		x->key = x->g2;
		break;
	case S_LOGRATIO:
		x->key = x->lr;
		break;
	case S_PCTDIFF:
		x->key = x->pct;
		break;
	case S_SMATHS:
		x->key = x->smaths;
		break;
	case S_FREQ:
		x->key = f1;
		break;
	case S_DOCS:
		x->key = x->rec->docs;
		break;
	}
}

static int
cmp_rows(const void *pa, const void *pb)
{
	const struct row *x = pa, *y = pb;

	if (x->part != y->part)
		return prank[x->part] < prank[y->part] ? -1 : 1;
	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	if (x->g2 != y->g2)
		return x->g2 > y->g2 ? -1 : 1;
	return cmp_strid(terms, x->term, y->term);
}

/* Whether word group t is associated with its words: the logDice of the
 * group with its content words (not function words) over the whole
 * input, 14 + log2(k f / (f_1 + ... + f_k)), is at least --assoc. */
static int
associated(uint32_t t)
{
	static struct ttbuf copy, word;
	const char *s, *sp;
	size_t n, len;
	double sum = 0;
	int64_t id;
	int i, k = 0;

	/* a copy: the interning arena may move while words are looked up */
	s = intern_str(terms, t, &n);
	copy.len = 0;
	tt_buf_add(&copy, s, n);
	s = copy.s;
	for (i = 0; n > 0; i++) {
		sp = memchr(s, ' ', n);
		len = sp ? (size_t)(sp - s) : n;
		if (!(tv[t].mask & (1 << i))) {
			word.len = 0;
			tt_buf_add(&word, s, len);
			if ((id = intern_get(terms, word.s, word.len)) < 0)
				return 0;
			sum += (double)tv[id].total;
			k++;
		}
		s += len;
		n -= len;
		if (sp) {
			s++;
			n--;
		}
	}
	if (k < 2 || sum <= 0)
		return 0;
	return 14 + log2(k * (double)tv[t].total / sum) >= opt_assoc;
}

/*
 * Marks in sub[] the word groups that never occur outside one longer
 * group: the prefix or suffix (of 2 words or more) of a group with the
 * same frequency over the whole input (gemeente den inside gemeente den
 * haag). Single words are never marked.
 */
static uint8_t *
subsumed_groups(void)
{
	static struct ttbuf copy;
	uint32_t t, nt = intern_count(terms);
	uint8_t *sub = tt_xcalloc(nt + 1, 1);
	const char *s, *first, *last;
	size_t n;
	int64_t id;

	for (t = 0; t < nt; t++) {
		if (tv[t].n < 3)
			continue;
		s = intern_str(terms, t, &n);
		copy.len = 0;
		tt_buf_add(&copy, s, n);
		first = memchr(copy.s, ' ', copy.len);
		for (last = copy.s + copy.len; last > copy.s && last[-1] != ' ';
		    last--)
			;
		if (first == NULL || last == copy.s)
			continue;
		id = intern_get(terms, copy.s, (size_t)(last - 1 - copy.s));
		if (id >= 0 && tv[id].n >= 2 && tv[id].total == tv[t].total)
			sub[id] = 1;
		id = intern_get(terms, first + 1,
		    (size_t)(copy.s + copy.len - first - 1));
		if (id >= 0 && tv[id].n >= 2 && tv[id].total == tv[t].total)
			sub[id] = 1;
	}
	return sub;
}

static const char *
part_name(uint32_t p, size_t *n)
{
	return intern_str(partnames, p, n);
}

/* The rows of the table: every candidate (a term seen --min-freq times in
 * a target part; a word group only when associated), measured, filtered
 * by significance and sorted. */
static struct row *
collect_rows(size_t *nrows)
{
	uint32_t nt = intern_count(terms), np = intern_count(partnames);
	uint32_t t, j, target = NOPART, reference = NOPART;
	uint64_t ntot = 0, *cands;
	struct row *v = NULL;
	size_t n = 0, cap = 0, i, k, kept;
	int64_t id;
	double side;
	uint64_t *shown;
	uint8_t *sub;

	free(rank_parts());
	if (opt_by == BY_REF) {
		if ((id = intern_get(partnames, "target", 6)) >= 0)
			target = (uint32_t)id;
		if ((id = intern_get(partnames, "reference", 9)) >= 0)
			reference = (uint32_t)id;
		if (reference == NOPART || pv[reference].tokens == 0)
			tt_die("%s: no reference counts (make them with "
			    "tt-keyness --counts --as reference)",
			    merge_first ? merge_first : "--merge");
		if (target == NOPART) {
			*nrows = 0;
			return NULL;
		}
	} else if (np < 2 && opt_by != BY_REF) {
		size_t pn;

		if (np == 1)
			tt_die("only one %s ('%s'): nothing to compare it "
			    "with", by_names[opt_by], part_name(0, &pn));
		*nrows = 0;
		return NULL;
	}
	for (j = 0; j < np; j++)
		ntot += pv[j].tokens;
	sub = subsumed_groups();
	for (t = 0; t < nt; t++) {
		if (tv[t].n > 1 && (sub[t] || !associated(t)))
			continue;
		for (j = tv[t].head; j != 0; j = recs[j - 1].next) {
			const struct rec *r = &recs[j - 1];

			if (r->freq < (uint64_t)opt_min_freq || r->freq == 0)
				continue;
			if (opt_by == BY_REF && r->part != target)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 1024;
				v = tt_xrealloc(v, cap * sizeof *v);
			}
			v[n].term = t;
			v[n].part = r->part;
			v[n].rec = r;
			v[n].f1 = (double)r->freq;
			v[n].f2 = (double)(tv[t].total - r->freq);
			v[n].n1 = (double)pv[r->part].tokens;
			v[n].n2 = (double)(ntot - pv[r->part].tokens);
			n++;
		}
	}
	cands = tt_xcalloc(np + 1, sizeof *cands);
	for (i = 0; i < n; i++)
		cands[v[i].part]++;
	for (i = kept = 0; i < n; i++) {
		double m = (double)cands[v[i].part];

		side = opt_alpha / m / 2;
		measures(&v[i], side);
		if (opt_alpha < 1 && !(v[i].p <= opt_alpha / m))
			continue;
		v[kept++] = v[i];
	}
	n = kept;
	if (n > 0)	/* v is NULL when nothing was kept */
		qsort(v, n, sizeof *v, cmp_rows);
	if (opt_top >= 0) {
		shown = tt_xcalloc(np + 1, sizeof *shown);
		for (i = k = 0; i < n; i++)
			if (shown[v[i].part]++ < (uint64_t)opt_top)
				v[k++] = v[i];
		n = k;
		free(shown);
	}
	free(cands);
	free(sub);
	*nrows = n;
	return v;
}

static void
out_num(double v)
{
	if (isinf(v)) {
		out_str(v > 0 ? "inf" : "-inf");
		return;
	}
	out_double(v, 6);
}

static void
write_table(void)
{
	struct row *v;
	size_t n, i, len;
	const char *s;
	char pbuf[32];

	v = collect_rows(&n);
	if (opt_by != BY_REF)
		out_str("#part\tterm");
	else
		out_str("#term");
	out_str("\tn\tfreq\tref_freq\trate\tref_rate\tG2\tp\tlog_ratio\tLRC"
	    "\tpct_diff\tsimple_maths\tdocs\tlexicon\texample\n");
	for (i = 0; i < n; i++) {
		const struct row *x = &v[i];

		if (opt_by != BY_REF) {
			s = part_name(x->part, &len);
			out_field(s, len, 1);
			out_char('\t');
		}
		s = intern_str(terms, x->term, &len);
		out_field(s, len, opt_by == BY_REF);
		out_char('\t');
		out_u64(tv[x->term].n);
		out_char('\t');
		out_u64((uint64_t)x->f1);
		out_char('\t');
		out_u64((uint64_t)x->f2);
		out_char('\t');
		out_num(x->rate);
		out_char('\t');
		out_num(x->ref_rate);
		out_char('\t');
		out_num(x->g2);
		out_char('\t');
		snprintf(pbuf, sizeof pbuf, "%.6g", x->p);
		out_str(pbuf);
		out_char('\t');
		out_num(x->lr);
		out_char('\t');
		out_num(x->lrc);
		out_char('\t');
		out_num(x->pct);
		out_char('\t');
		out_num(x->smaths);
		out_char('\t');
		out_u64(x->rec->docs);
		out_char('\t');
		if (tv[x->term].lex) {
			s = intern_str(lexkeys, tv[x->term].lex - 1, &len);
			out_field(s, len, 0);
		} else
			out_char('_');
		out_char('\t');
		out_docref(x->rec->exdoc, x->rec->exline);
		out_char('\n');
	}
	free(v);
}

/* ---- draft lexicon entries ---------------------------------------------- */

/* Whether a word can stand in a pattern as itself: no glob star, and not
 * starting like an exact form, a regex or a gap. */
static int
plain_word(const char *s, size_t n)
{
	return n > 0 && memchr(s, '*', n) == NULL && s[0] != '=' &&
	    s[0] != '/' && s[0] != '~';
}

/* The glob prefix of a drafted single term: its stem (or, with --field
 * word, its form) when its form begins with it; 0 if none. */
static size_t
glob_prefix(uint32_t t, const char **p)
{
	const struct term *T = &tv[t];
	const char *form = forms_text.s + T->formoff, *s;
	size_t n;

	s = intern_str(terms, t, &n);
	if (T->n != 1 || n < 5 || n > T->formlen || memcmp(form, s, n) != 0 ||
	    !plain_word(form, n))
		return 0;
	*p = form;
	return n;
}

/* Whether drafted row x is one that --draft writes: overused, covered by
 * no entry, not a function word (no jargon, and tt-lexicon check would
 * warn), its forms usable in a pattern. */
static int
draftable(const struct row *x)
{
	const struct term *T = &tv[x->term];
	const char *w = forms_text.s + T->formoff, *sp;
	size_t wn = T->formlen, len;

	if (x->g2 <= 0 || T->lex != 0 || (T->n == 1 && T->mask) || wn == 0)
		return 0;
	while (wn > 0) {
		sp = memchr(w, ' ', wn);
		len = sp ? (size_t)(sp - w) : wn;
		if (!plain_word(w, len))
			return 0;
		w += len;
		wn -= len;
		if (sp) {
			w++;
			wn--;
		}
	}
	return 1;
}

static struct row *draft_rows;

static int
cmp_prefix_len(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const char *p;
	size_t li = glob_prefix(draft_rows[i].term, &p);
	size_t lj = glob_prefix(draft_rows[j].term, &p);

	if (li != lj)
		return li < lj ? -1 : 1;
	return i < j ? -1 : i > j;
}

/*
 * Writes candidate entries in tt-lexicon(5) format for the draftable rows,
 * best first, each term once. The pattern is the term's word forms at its
 * example: plain words (they match by stem) for --field stem, =forms for
 * --field word, a phrase for a word group. A family of compounds (a term
 * whose stem of 5 or more letters begins the forms of at least two other
 * drafted terms: jeugd, jeugdhulp, jeugdwet) becomes one prefix glob
 * (jeugd*) with the others named in its note.
 */
static void
write_draft(void)
{
	struct row *v;
	struct intern *ids = intern_new(), *done = intern_new();
	struct ttbuf id = { 0 }, pat = { 0 }, b = { 0 };
	size_t n, i, k, len, wn, j, nh, plen, qlen, *heads;
	const char *s, *w, *sp, *pp, *qp;
	char num[64];
	int added, exact = strcmp(opt_field, "word") == 0, dup, shown;
	uint8_t *keep;
	size_t *head_of;

	v = collect_rows(&n);
	draft_rows = v;
	/* the rows written: draftable, each term once */
	keep = tt_xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		if (!draftable(&v[i]))
			continue;
		s = intern_str(terms, v[i].term, &len);
		intern_put(done, s, len, &added);
		keep[i] = (uint8_t)added;
	}
	/* compound families, the shortest prefixes first */
	head_of = tt_xmalloc((n + 1) * sizeof *head_of);
	heads = tt_xmalloc((n + 1) * sizeof *heads);
	for (i = nh = 0; i < n; i++) {
		head_of[i] = SIZE_MAX;
		if (keep[i] && glob_prefix(v[i].term, &pp) > 0)
			heads[nh++] = i;
	}
	qsort(heads, nh, sizeof *heads, cmp_prefix_len);
	for (k = 0; k < nh; k++) {
		i = heads[k];
		if (head_of[i] != SIZE_MAX)
			continue;
		plen = glob_prefix(v[i].term, &pp);
		for (j = 0, shown = 0; j < n; j++)
			if (j != i && keep[j] && head_of[j] == SIZE_MAX &&
			    tv[v[j].term].n == 1 &&
			    tv[v[j].term].formlen >= plen &&
			    memcmp(forms_text.s + tv[v[j].term].formoff, pp,
			    plen) == 0)
				shown++;
		if (shown < 2)
			continue;
		head_of[i] = i;
		for (j = 0; j < n; j++)
			if (j != i && keep[j] && head_of[j] == SIZE_MAX &&
			    tv[v[j].term].n == 1 &&
			    tv[v[j].term].formlen >= plen &&
			    memcmp(forms_text.s + tv[v[j].term].formoff, pp,
			    plen) == 0)
				head_of[j] = i;
	}

	out_str("# Draft entries from tt-keyness --draft: terms typical of the "
	    "target\n"
	    "# that no lexicon entry covers. Category ? is a placeholder: "
	    "tt-lexicon check\n"
	    "# accepts it as a name, so find those left with\n"
	    "#   awk -F'\\t' '$3 == \"?\"' FILE\n"
	    "# then give each a category, an alternative and a note, delete "
	    "the rest,\n"
	    "# and run tt-lexicon check FILE.\n");
	out_str("#id\tpattern\tcategory\talternative\tnote\n");
	for (i = 0; i < n; i++) {
		const struct row *x = &v[i];
		const struct term *T = &tv[x->term];

		if (!keep[i] || (head_of[i] != SIZE_MAX && head_of[i] != i))
			continue;
		/* pattern and id from the forms of the example */
		pat.len = id.len = 0;
		w = forms_text.s + T->formoff;
		wn = T->formlen;
		while (wn > 0) {
			sp = memchr(w, ' ', wn);
			len = sp ? (size_t)(sp - w) : wn;
			if (pat.len > 0) {
				tt_buf_addc(&pat, ' ');
				tt_buf_addc(&id, '-');
			}
			if (exact)
				tt_buf_addc(&pat, '=');
			tt_buf_add(&pat, w, len);
			for (j = 0; j < len; j++)
				tt_buf_addc(&id, w[j] == '\\' || w[j] == '#' ?
				    '-' : w[j]);
			w += len;
			wn -= len;
			if (sp) {
				w++;
				wn--;
			}
		}
		if (head_of[i] == i) {
			plen = glob_prefix(x->term, &pp);
			pat.len = 0;
			tt_buf_add(&pat, pp, plen);
			tt_buf_addc(&pat, '*');
		}
		b.len = 0;
		tt_buf_add(&b, id.s, id.len);
		for (dup = 2; intern_put(ids, b.s, b.len, &added), !added;
		    dup++) {
			b.len = 0;
			tt_buf_add(&b, id.s, id.len);
			snprintf(num, sizeof num, "-%d", dup);
			tt_buf_add(&b, num, strlen(num));
		}
		out_field(b.s, b.len, 1);
		out_char('\t');
		out_field(pat.s, pat.len, 0);
		out_str("\t?\t_\tkeyness: G2 ");
		out_double(x->g2, 1);
		out_str(", LRC ");
		out_double(x->lrc, 2);
		out_str(", freq ");
		out_u64((uint64_t)x->f1);
		out_str(" (reference ");
		out_u64((uint64_t)x->f2);
		out_str("), docs ");
		out_u64(x->rec->docs);
		if (opt_by != BY_REF) {
			out_str(", part ");
			s = part_name(x->part, &len);
			out_field(s, len, 0);
		}
		out_str(", first ");
		out_docref(x->rec->exdoc, x->rec->exline);
		if (head_of[i] == i) {
			out_str("; the glob also for");
			for (j = 0, shown = 0; j < n; j++) {
				if (j == i || head_of[j] != i)
					continue;
				qp = forms_text.s + tv[v[j].term].formoff;
				qlen = tv[v[j].term].formlen;
				out_str(shown++ ? ", " : " ");
				out_field(qp, qlen, 0);
				if (shown == 8) {
					out_str(", ...");
					break;
				}
			}
		}
		out_char('\n');
	}
	free(v);
	free(keep);
	free(head_of);
	free(heads);
	intern_free(ids);
	intern_free(done);
	tt_buf_free(&id);
	tt_buf_free(&pat);
	tt_buf_free(&b);
}

/* ---- main ---------------------------------------------------------------- */

static double
parse_real(const char *opt, const char *s, double lo, double hi)
{
	char *end;
	double v = strtod(s, &end);

	if (*s == '\0' || *end != '\0' || !(v >= lo && v <= hi))
		tt_die("%s %s: expected a number from %g to %g", opt, s, lo,
		    hi);
	return v;
}

int
main(int argc, char **argv)
{
	enum { OPT_AS = 256 };
	static const struct option longopts[] = {
		{ "reference", required_argument, NULL, 'r' },
		{ "by", required_argument, NULL, 'b' },
		{ "groups", required_argument, NULL, 'g' },
		{ "field", required_argument, NULL, 'f' },
		{ "ngram", required_argument, NULL, 'N' },
		{ "assoc", required_argument, NULL, 'A' },
		{ "stopwords", required_argument, NULL, 'S' },
		{ "min-freq", required_argument, NULL, 'm' },
		{ "alpha", required_argument, NULL, 'a' },
		{ "smooth", required_argument, NULL, 'k' },
		{ "sort", required_argument, NULL, 's' },
		{ "top", required_argument, NULL, 'n' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "draft", no_argument, NULL, 'd' },
		{ "counts", no_argument, NULL, 'c' },
		{ "as", required_argument, NULL, OPT_AS },
		{ "merge", no_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, i, by_given = 0, as_given = 0, counts_opts = 0;
	long v;
	uint32_t target, reference;
	size_t e;

	tt_init(argv[0]);
	while ((c = getopt_long(argc, argv, "r:b:g:f:N:A:S:m:a:k:s:n:l:dcMhV",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (nrefpaths == 64)
				tt_die("too many references");
			refpaths[nrefpaths++] = optarg;
			break;
		case 'b':
			for (i = 1; i < 4; i++)
				if (strcmp(optarg, by_names[i]) == 0)
					break;
			if (i == 4)
				tt_die("--by %s: expected doc, speaker or "
				    "group", optarg);
			opt_by = (enum by)i;
			by_given = 1;
			counts_opts = 1;
			break;
		case 'g':
			opt_groups = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "stem") != 0 &&
			    strcmp(optarg, "word") != 0)
				tt_die("--field %s: expected stem or word",
				    optarg);
			opt_field = optarg;
			counts_opts = 1;
			break;
		case 'N':
			if ((v = tt_parse_count(optarg)) < 1 || v > MAXNGRAM)
				tt_die("--ngram %s: expected 1 to %d", optarg,
				    MAXNGRAM);
			opt_ngram = (int)v;
			counts_opts = 1;
			break;
		case 'A':
			opt_assoc = parse_real("--assoc", optarg, -1e9, 14);
			break;
		case 'S':
			opt_stopwords = optarg;
			break;
		case 'm':
			if ((opt_min_freq = tt_parse_count(optarg)) < 0)
				tt_die("--min-freq %s: not a whole number",
				    optarg);
			break;
		case 'a':
			opt_alpha = parse_real("--alpha", optarg, 1e-300, 1);
			break;
		case 'k':
			opt_smooth = parse_real("--smooth", optarg, 1e-9, 1e12);
			break;
		case 's':
			for (i = 0; sort_names[i] != NULL; i++)
				if (strcasecmp(sort_names[i], optarg) == 0)
					break;
			if (sort_names[i] == NULL)
				tt_die("--sort %s: expected LRC, G2, log_ratio, "
				    "pct_diff, simple_maths, freq or docs",
				    optarg);
			opt_sort = (enum sortkey)i;
			break;
		case 'n':
			if ((opt_top = tt_parse_count(optarg)) < 0)
				tt_die("--top %s: not a whole number", optarg);
			break;
		case 'l':
			if (nlexpaths == 64)
				tt_die("too many lexicons");
			lexpaths[nlexpaths++] = optarg;
			break;
		case 'd':
			opt_draft = 1;
			break;
		case 'c':
			opt_counts = 1;
			break;
		case OPT_AS:
			if (strcmp(optarg, "reference") == 0)
				opt_as_ref = 1;
			else if (strcmp(optarg, "target") != 0)
				tt_die("--as %s: expected target or reference",
				    optarg);
			as_given = 1;
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

	/* combinations */
	if (opt_counts && opt_draft)
		tt_die("--draft and --counts exclude each other");
	if (opt_merge && (nrefpaths > 0 || counts_opts || nlexpaths > 0 ||
	    opt_groups != NULL || as_given))
		tt_die("--merge takes the settings of the counts files: "
		    "-r, --by, --groups, --field, --ngram, --lexicon and --as "
		    "belong to the --counts runs");
	if (by_given && nrefpaths > 0)
		tt_die("-r and --by exclude each other");
	if (opt_by == BY_GROUP && opt_groups == NULL)
		tt_die("--by group needs --groups FILE");
	if (opt_groups != NULL && opt_by != BY_GROUP)
		tt_die("--groups goes with --by group");
	if (as_given && (!opt_counts || by_given || nrefpaths > 0))
		tt_die("--as goes with --counts, without -r or --by");
	if (!opt_merge && !opt_counts && opt_by == BY_REF && nrefpaths == 0)
		tt_die("give a reference (-r FILE), or --by, --counts or "
		    "--merge (see --help)");

	terms = intern_new();
	docnames = intern_new();
	partnames = intern_new();
	lexkeys = intern_new();
	if (opt_merge) {
		if (argc == 0)
			merge_file("-");
		for (i = 0; i < argc; i++)
			merge_file(argv[i]);
		if (tt_status != 0)
			return tt_finish();
	} else {
		load_stopwords();
		if (opt_groups != NULL)
			load_groups(opt_groups);
		if (nlexpaths == 0 && opt_draft)
			lexpaths[nlexpaths++] = "transitietaal.tsv";
		if (nlexpaths > 0) {
			if ((lx = lexicon_load(lexpaths, nlexpaths)) == NULL)
				exit(2);
			entrykey = tt_xmalloc((lexicon_count(lx) + 1) *
			    sizeof *entrykey);
			for (e = 0; e < lexicon_count(lx); e++)
				entrykey[e] = intern_put(lexkeys,
				    lexicon_entry(lx, e)->key,
				    strlen(lexicon_entry(lx, e)->key),
				    NULL) + 1;
		}
		forms = intern_new();
		formmemo = memo_new(14);
		if (opt_by == BY_REF) {
			if (opt_counts && nrefpaths == 0) {
				target = part_id(opt_as_ref ? "reference" :
				    "target", opt_as_ref ? 9 : 6);
				read_stream(argc, argv, target);
			} else {
				target = part_id("target", 6);
				reference = part_id("reference", 9);
				read_stream(argc, argv, target);
				if (read_stream(nrefpaths, refpaths,
				    reference) == 0)
					tt_die("%s:1: the reference holds no "
					    "words", refpaths[0]);
			}
		} else
			read_stream(argc, argv, NOPART);
	}

	if (opt_counts)
		write_counts();
	else if (opt_draft)
		write_draft();
	else
		write_table();
	return tt_finish();
}
