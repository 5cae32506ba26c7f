/*
 * lexicon.c - lexicons: the TSV parser, the pattern compiler and the
 * streaming matcher (see lexicon.h and tt-lexicon(5)).
 *
 * Compilation turns every pattern into a sequence of token patterns with
 * gaps. Equal token patterns are shared ("tokpats"), and every tokpat is
 * reachable from the text by a hash lookup: a word's stem key, its form
 * key, its byte prefixes and suffixes (only of the lengths some glob has),
 * its substrings (infix globs). Regexes are run one by one, and only when
 * the lexicon has any. All of this happens once per distinct word: the
 * matcher caches, per word, the sorted list of tokpats the word matches,
 * so the per-token cost is one hash lookup plus the phrase check.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <errno.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "fold.h"
#include "hash.h"
#include "lexicon.h"
#include "stem.h"

#define KEYFLAGS	(FOLD_CASE | FOLD_ACCENTS | FOLD_COMPAT)
#define MAXTOKPAT	32	/* token patterns in one pattern */
#define MAXGAP		99	/* largest ~N */
#define MAXERRORS	20	/* errors listed per file before giving up */
#define INFIX_HASHMAX	256	/* longer words: infixes by memmem */
#define REGEX_MATCHLIMIT 1000000
#define REGEX_DEPTHLIMIT 10000
#define CACHE_MAXWORDS	(1u << 15)	/* 2 MB of cache entries at most */
#define CACHE_MAXTPS	(1u << 22)
#define CACHE_MAXARENA	(1u << 22)	/* bytes of long keys */
#define CACHE_INLINE	40		/* key bytes kept in the entry */

enum tpkind { TP_STEM, TP_FORM, TP_PREFIX, TP_SUFFIX, TP_INFIX, TP_REGEX };

/* Key prefix bytes in the tokpat table, by kind. */
static const char kindchar[] = { 'S', 'F', 'P', 'X', 'I', 'R' };

struct tokpat {
	enum tpkind	 kind;
	char		*text;		/* folded key text (regex: source) */
	size_t		 len;
	pcre2_code	*re;
	uint64_t	 first[4];	/* regex: bytes a match can start with */
	uint32_t	 minlen;	/* regex: shortest match, in characters */
	size_t		 entry;		/* first entry using it (messages) */
	int		 warned;	/* regex limit already reported */
	int		 startspan;	/* longest span of entries it starts */
	uint32_t	 nstart;	/* entries whose first tokpat it is */
	uint32_t	 startoff;	/* their indexes in lx->starts */
};

/* A growable array of uint32_t. */
struct u32vec {
	uint32_t	*v;
	size_t		 n, cap;
};

struct lexicon {
	struct lexentry	*e;
	size_t		 n, cap;
	size_t		*eloff;		/* by entry: first element in el/gap */
	uint64_t	*restmask;	/* by entry: bloom of tokpats 2..k */
	struct u32vec	 el;		/* elements: tokpat ids */
	struct u32vec	 gap;		/* gap before each element (0: none) */
	struct tokpat	*tp;
	size_t		 ntp, tpcap;
	struct intern	*tpkeys;	/* kindchar + text -> tokpat id */
	uint64_t	 premask, sufmask, infmask;	/* lengths 1..63 */
	struct u32vec	 longpre, longsuf, infixes, regexes;
	struct u32vec	 rebyfirst[256];	/* regexes by first byte */
	int		 nstemtp;	/* tokpats of kind TP_STEM */
	uint32_t	*starts;	/* entries by first tokpat */
	struct intern	*cats;
	struct intern	*keys;		/* "lexicon:id" -> entry */
	struct intern	*lexnames;
	char		**lexfiles;	/* by lexname id: file */
	struct ttstemmer *st;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	int		 maxspan;
	int		 maxtok;	/* most token patterns in an entry */
	int		 nerr;
	struct ttbuf	 b1, b2, b3, b4, msg;
};

/* ---- small helpers --------------------------------------------------- */

static void
vec_push(struct u32vec *a, uint32_t x)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->v = tt_xrealloc(a->v, a->cap * sizeof *a->v);
	}
	a->v[a->n++] = x;
}

static char *
xstrndup(const char *s, size_t n)
{
	char *p = tt_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Whether s[0..n) is valid UTF-8 without NUL, overlongs or surrogates. */
static int
utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0, k, len;
	unsigned long c;

	while (i < n) {
		c = s[i];
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			c &= 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			c &= 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			c &= 0x07;
		} else
			return 0;
		if (i + len > n)
			return 0;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			c = (c << 6) | (s[i + k] & 0x3f);
		}
		if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
		    (len == 4 && (c < 0x10000 || c > 0x10ffff)))
			return 0;
		i += len;
	}
	return 1;
}

/* Parses a weight: an optional '-', digits, optionally '.' and digits,
 * whatever the locale. Returns 0 and sets *w, or -1. */
static int
parse_weight(const char *s, double *w)
{
	double v = 0, scale = 1;
	int neg = 0, digits = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		v = v * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, digits++)
			v += (*s - '0') * (scale /= 10);
	if (*s != '\0' || digits == 0 || digits > 15)
		return -1;
	*w = neg ? -v : v;
	return 0;
}

/* Whether needle[0..nn) occurs in hay[0..hn) (memmem is a GNU extension). */
static const char *
find_bytes(const char *hay, size_t hn, const char *needle, size_t nn)
{
	const char *p, *end;

	if (nn == 0)
		return hay;
	if (nn > hn)
		return NULL;
	end = hay + hn - nn;
	for (p = hay; p <= end; p++) {
		p = memchr(p, needle[0], (size_t)(end - p) + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p, needle, nn) == 0)
			return p;
	}
	return NULL;
}

/* ---- keys ------------------------------------------------------------ */

/* The form key and stem key of a word into form and stem; the stem only
 * when want_stem. stemcol: the stream's stem value or NULL. */
static void
make_keys(struct lexicon *lx, const char *w, size_t wn, const char *stemcol,
    size_t stemlen, struct ttbuf *form, struct ttbuf *stem, int want_stem)
{
	const char *s;
	size_t sn;

	fold(form, w, wn, KEYFLAGS);
	stem->len = 0;
	tt_buf_reserve(stem, 0);
	stem->s[0] = '\0';
	if (!want_stem)
		return;
	if (stemcol != NULL)
		fold(stem, stemcol, stemlen, KEYFLAGS);
	else {
		fold(&lx->b4, w, wn, FOLD_CASE);
		s = stemmer_stem(lx->st, lx->b4.s, lx->b4.len, &sn);
		fold(stem, s, sn, KEYFLAGS);
	}
	/* Snowball leaves the voiced consonant of plurals: initiatieven ->
	 * initiatiev, huizen -> huiz; the singular has f and s */
	if (stem->len > 2 && stem->s[stem->len - 1] == 'v')
		stem->s[stem->len - 1] = 'f';
	else if (stem->len > 2 && stem->s[stem->len - 1] == 'z')
		stem->s[stem->len - 1] = 's';
	/* nor does it take the s of a plural after a vowel: indicaties ->
	 * indicaties, beside indicatie */
	if (stem->len >= 5 && memcmp(stem->s + stem->len - 3, "ies", 3) == 0)
		stem->s[--stem->len] = '\0';
	/* Snowball undoubles kk, dd and tt only: spellen -> spell */
	if (stem->len >= 4 && stem->s[stem->len - 1] == stem->s[stem->len - 2]
	    && strchr("bcfglmnprs", stem->s[stem->len - 1]) != NULL)
		stem->s[--stem->len] = '\0';
	/* and not always the open syllable: sociaal -> sociaal but sociale
	 * -> social; a doubled vowel before a final consonant is undoubled */
	if (stem->len >= 4) {
		char *e = stem->s + stem->len;

		if (strchr("aeiouy", e[-1]) == NULL && e[-2] == e[-3] &&
		    strchr("aeou", e[-2]) != NULL && e[-1] >= 'a' &&
		    e[-1] <= 'z') {
			e[-2] = e[-1];
			e[-1] = '\0';
			stem->len--;
		}
	}
}

void
lexicon_keys(const struct lexicon *lx, const char *word, size_t wlen,
    const char *stemcol, size_t stemlen, struct ttbuf *form,
    struct ttbuf *stem)
{
	make_keys((struct lexicon *)lx, word, wlen, stemcol, stemlen, form,
	    stem, 1);
}

/* ---- compiling patterns ---------------------------------------------- */

/* Id of the tokpat (kind, text), created if absent. */
static uint32_t
tokpat_get(struct lexicon *lx, enum tpkind kind, const char *text,
    size_t len, size_t entry)
{
	struct ttbuf *k = &lx->b3;
	struct tokpat *t;
	uint32_t id;
	int added;

	k->len = 0;
	tt_buf_addc(k, kindchar[kind]);
	tt_buf_add(k, text, len);
	id = intern_put(lx->tpkeys, k->s, k->len, &added);
	if (!added)
		return id;
	if (lx->ntp == lx->tpcap) {
		lx->tpcap = lx->tpcap ? lx->tpcap * 2 : 64;
		lx->tp = tt_xrealloc(lx->tp, lx->tpcap * sizeof *lx->tp);
	}
	t = &lx->tp[lx->ntp++];
	memset(t, 0, sizeof *t);
	t->kind = kind;
	t->text = xstrndup(text, len);
	t->len = len;
	t->entry = entry;
	switch (kind) {
	case TP_STEM:
		lx->nstemtp++;
		break;
	case TP_PREFIX:
		if (len < 64)
			lx->premask |= 1ULL << len;
		else
			vec_push(&lx->longpre, id);
		break;
	case TP_SUFFIX:
		if (len < 64)
			lx->sufmask |= 1ULL << len;
		else
			vec_push(&lx->longsuf, id);
		break;
	case TP_INFIX:
		if (len < 64)
			lx->infmask |= 1ULL << len;
		vec_push(&lx->infixes, id);
		break;
	case TP_REGEX:
		vec_push(&lx->regexes, id);
		break;
	case TP_FORM:
		break;
	}
	return id;
}

/*
 * Sets the regex prefilter of t from what PCRE2 knows of the pattern: the
 * bytes a match can start with (all when unknown) and the shortest match.
 * Most words are then ruled out without running the regex.
 */
static void
regex_prefilter(struct tokpat *t)
{
	uint32_t type = 0, unit, minlen = 0;
	const uint8_t *bitmap = NULL;
	int i, c;

	memset(t->first, 0xff, sizeof t->first);
	if (pcre2_pattern_info(t->re, PCRE2_INFO_MINLENGTH, &minlen) == 0)
		t->minlen = minlen;
	if (pcre2_pattern_info(t->re, PCRE2_INFO_FIRSTCODETYPE, &type) != 0)
		return;
	if (type == 1 && pcre2_pattern_info(t->re, PCRE2_INFO_FIRSTCODEUNIT,
	    &unit) == 0 && unit < 0x80) {
		/* one known first byte; caseless: both cases */
		memset(t->first, 0, sizeof t->first);
		c = (int)unit;
		t->first[c >> 6] |= 1ULL << (c & 63);
		if (c >= 'A' && c <= 'Z')
			c += 32;
		else if (c >= 'a' && c <= 'z')
			c -= 32;
		t->first[c >> 6] |= 1ULL << (c & 63);
	} else if (type == 0 && pcre2_pattern_info(t->re,
	    PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0 && bitmap != NULL) {
		memset(t->first, 0, sizeof t->first);
		for (i = 0; i < 256; i++)
			if (bitmap[i >> 3] & (1u << (i & 7)))
				t->first[i >> 6] |= 1ULL << (i & 63);
	}
}

/* Compiles the regex source src[0..n) (between the slashes) for tokpat
 * id. Returns 0, or -1 with the message in lx->msg. */
static int
regex_compile(struct lexicon *lx, uint32_t id, const char *src, size_t n)
{
	PCRE2_UCHAR ebuf[256];
	PCRE2_SIZE eoff;
	int ecode;
	pcre2_code *re;

	re = pcre2_compile((PCRE2_SPTR)src, n, PCRE2_UTF | PCRE2_UCP |
	    PCRE2_CASELESS | PCRE2_ANCHORED | PCRE2_ENDANCHORED, &ecode,
	    &eoff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(ecode, ebuf, sizeof ebuf);
		lx->msg.len = 0;
		tt_buf_reserve(&lx->msg, 300);
		lx->msg.len = (size_t)snprintf(lx->msg.s, 300,
		    "pattern: %s at offset %zu", (char *)ebuf, (size_t)eoff);
		return -1;
	}
	/* JIT is optional; TT_NO_JIT=1 turns it off for memcheck, which
	 * cannot follow the generated code and reports false errors. */
	if (getenv("TT_NO_JIT") == NULL)
		(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	lx->tp[id].re = re;
	regex_prefilter(&lx->tp[id]);
	return 0;
}

static int
fail(struct lexicon *lx, const char *fmt, const char *arg)
{
	lx->msg.len = 0;
	tt_buf_reserve(&lx->msg, strlen(fmt) + strlen(arg) + 1);
	lx->msg.len = (size_t)snprintf(lx->msg.s, lx->msg.cap, fmt, arg);
	return -1;
}

/*
 * Compiles the pattern text p of entry ei: appends its elements to lx->el
 * and lx->gap and sets ntokpat and maxspan. Returns 0, or -1 with the
 * message in lx->msg (nothing appended then).
 */
static int
compile_pattern(struct lexicon *lx, size_t ei, const char *p)
{
	struct lexentry *e = &lx->e[ei];
	size_t start = lx->el.n, n;
	const char *q, *w, *star;
	char tok[64], gaptok[64];
	int ntp = 0, span = 0, pendgap = 0;
	uint32_t id;
	long g;

	for (q = p;;) {
		while (*q == ' ')
			q++;
		if (*q == '\0')
			break;
		w = q;
		if (*q == '/') {
			/* a regex runs to a '/' followed by a space or the end */
			for (q++; *q != '\0' && !(*q == '/' &&
			    (q[1] == ' ' || q[1] == '\0')); q++)
				if (*q == '\\' && q[1] != '\0')
					q++;
			if (*q != '/' || q == w + 1) {
				lx->el.n = lx->gap.n = start;
				n = strcspn(w, " ");
				snprintf(tok, sizeof tok, "%.*s", (int)(n < 40 ?
				    n : 40), w);
				return fail(lx, "pattern: regex '%s' lacks its "
				    "closing '/'", tok);
			}
			q++;
		} else
			q += strcspn(q, " ");
		n = (size_t)(q - w);
		snprintf(tok, sizeof tok, "%.*s%s", (int)(n < 40 ? n : 40), w,
		    n > 40 ? "..." : "");
		if (*w == '~') {
			g = -1;
			if (n >= 2 && n <= 3 && w[1] >= '0' && w[1] <= '9' &&
			    (n == 2 || (w[2] >= '0' && w[2] <= '9')))
				g = (w[1] - '0') * (n == 3 ? 10 : 1) +
				    (n == 3 ? w[2] - '0' : 0);
			if (g < 1 || g > MAXGAP) {
				lx->el.n = lx->gap.n = start;
				return fail(lx, "pattern: bad gap '%s' (use ~1 "
				    "to ~99)", tok);
			}
			if (ntp == 0 || pendgap) {
				lx->el.n = lx->gap.n = start;
				return fail(lx, "pattern: gap '%s' must stand "
				    "between two words", tok);
			}
			pendgap = (int)g;
			snprintf(gaptok, sizeof gaptok, "%s", tok);
			continue;
		}
		if (ntp == MAXTOKPAT) {
			lx->el.n = lx->gap.n = start;
			return fail(lx, "pattern: more than %s words", "32");
		}
		if (*w == '/') {
			fold(&lx->b1, w + 1, n - 2, FOLD_ACCENTS | FOLD_COMPAT);
			id = tokpat_get(lx, TP_REGEX, lx->b1.s, lx->b1.len, ei);
			/* a broken regex stays without code (never matches) */
			if (lx->tp[id].re == NULL &&
			    regex_compile(lx, id, lx->b1.s, lx->b1.len) != 0) {
				lx->el.n = lx->gap.n = start;
				return -1;
			}
		} else if (*w == '=') {
			if (n == 1) {
				lx->el.n = lx->gap.n = start;
				return fail(lx, "pattern: '=' without a word%s",
				    "");
			}
			fold(&lx->b1, w + 1, n - 1, KEYFLAGS);
			id = tokpat_get(lx, TP_FORM, lx->b1.s, lx->b1.len, ei);
		} else if ((star = memchr(w, '*', n)) != NULL) {
			int lead = w[0] == '*', trail = w[n - 1] == '*';
			size_t a = lead, b = n - (size_t)trail;

			if (b <= a || memchr(w + a, '*', b - a) != NULL) {
				lx->el.n = lx->gap.n = start;
				return fail(lx, "pattern: '*' may only begin or "
				    "end a word: '%s'", tok);
			}
			fold(&lx->b1, w + a, b - a, KEYFLAGS);
			id = tokpat_get(lx, lead && trail ? TP_INFIX : lead ?
			    TP_SUFFIX : TP_PREFIX, lx->b1.s, lx->b1.len, ei);
		} else {
			make_keys(lx, w, n, NULL, 0, &lx->b2, &lx->b1, 1);
			if (lx->b1.len == 0) {
				lx->el.n = lx->gap.n = start;
				return fail(lx, "pattern: '%s' has no stem", tok);
			}
			id = tokpat_get(lx, TP_STEM, lx->b1.s, lx->b1.len, ei);
		}
		vec_push(&lx->el, id);
		vec_push(&lx->gap, (uint32_t)pendgap);
		span += 1 + pendgap;
		pendgap = 0;
		ntp++;
	}
	if (pendgap) {
		lx->el.n = lx->gap.n = start;
		return fail(lx, "pattern: gap '%s' must stand between two "
		    "words", gaptok);
	}
	if (ntp == 0)
		return fail(lx, "pattern: missing%s", "");
	e->ntokpat = ntp;
	e->maxspan = span;
	if (span > lx->maxspan)
		lx->maxspan = span;
	if (ntp > lx->maxtok)
		lx->maxtok = ntp;
	return 0;
}

/* ---- loading ---------------------------------------------------------- */

enum { COL_ID, COL_PATTERN, COL_CATEGORY, COL_ALT, COL_NOTE, COL_WEIGHT,
	NCOLS };
static const char *colnames[NCOLS] = { "id", "pattern", "category",
	"alternative", "note", "weight" };

static struct lexicon *
lexicon_new(void)
{
	struct lexicon *lx = tt_xcalloc(1, sizeof *lx);

	lx->tpkeys = intern_new();
	lx->cats = intern_new();
	lx->keys = intern_new();
	lx->lexnames = intern_new();
	lx->st = stemmer_open();
	lx->md = pcre2_match_data_create(1, NULL);
	lx->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(lx->mctx, REGEX_MATCHLIMIT);
	pcre2_set_depth_limit(lx->mctx, REGEX_DEPTHLIMIT);
	return lx;
}

/* Reports an error at file:line (line 0: just the file). */
static void
lex_error(struct lexicon *lx, const char *file, unsigned long line,
    const char *what)
{
	lx->nerr++;
	if (line > 0)
		tt_error("%s:%lu: %s", file, line, what);
	else
		tt_error("%s: %s", file, what);
}

/* Trims ASCII spaces around s[0..*n); returns the new start. */
static char *
trim(char *s, size_t *n)
{
	while (*n > 0 && s[0] == ' ') {
		s++;
		(*n)--;
	}
	while (*n > 0 && s[*n - 1] == ' ')
		(*n)--;
	s[*n] = '\0';
	return s;
}

static struct lexentry *
new_entry(struct lexicon *lx)
{
	if (lx->n == lx->cap) {
		lx->cap = lx->cap ? lx->cap * 2 : 256;
		lx->e = tt_xrealloc(lx->e, lx->cap * sizeof *lx->e);
		lx->eloff = tt_xrealloc(lx->eloff, lx->cap * sizeof *lx->eloff);
	}
	memset(&lx->e[lx->n], 0, sizeof lx->e[lx->n]);
	lx->eloff[lx->n] = lx->el.n;
	return &lx->e[lx->n];
}

/*
 * Sets e->category, e->catids, e->ncat, e->catid and e->exception from the
 * category field cat: one name, or several separated by '|' ("a|b"; spaces
 * around a name are dropped). Always sets them, so that the entry can be
 * freed; returns 0, or -1 with the message in lx->msg for an empty name, a
 * name given twice, or the exception "-" combined with other names.
 */
static int
parse_categories(struct lexicon *lx, struct lexentry *e, const char *cat)
{
	struct ttbuf b = { 0 };
	const char *p = cat, *bar;
	int *ids, n = 0, i, rc = 0;
	size_t len;

	for (i = 1, bar = cat; (bar = strchr(bar, '|')) != NULL; bar++)
		i++;
	ids = tt_xmalloc((size_t)i * sizeof *ids);
	tt_buf_reserve(&b, strlen(cat));
	for (;;) {
		bar = strchr(p, '|');
		len = bar != NULL ? (size_t)(bar - p) : strlen(p);
		while (len > 0 && *p == ' ') {
			p++;
			len--;
		}
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (len == 0) {
			rc = fail(lx, "category: empty name in '%s'", cat);
			break;
		}
		if (len == 1 && *p == '-' && (n > 0 || bar != NULL)) {
			rc = fail(lx, "category: the exception '-' cannot have "
			    "other categories: '%s'", cat);
			break;
		}
		ids[n] = (int)intern_put(lx->cats, p, len, NULL);
		for (i = 0; i < n && ids[i] != ids[n]; i++)
			;
		if (i < n) {
			rc = fail(lx, "category: a name given twice in '%s'",
			    cat);
			break;
		}
		if (n++ > 0)
			tt_buf_addc(&b, '|');
		tt_buf_add(&b, p, len);
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	if (n == 0)
		ids[n++] = (int)intern_put(lx->cats, cat, strlen(cat), NULL);
	e->category = rc == 0 ? b.s : tt_xstrdup(cat);
	if (rc != 0)
		tt_buf_free(&b);
	e->catids = ids;
	e->ncat = n;
	e->catid = ids[0];
	e->exception = rc == 0 && strcmp(e->category, LEXICON_EXCEPTION) == 0;
	return rc;
}

int
lexentry_in_category(const struct lexicon *lx, const struct lexentry *e,
    const char *name)
{
	int i;

	if (strcmp(name, e->category) == 0)
		return 1;
	for (i = 0; i < e->ncat; i++)
		if (strcmp(name, lexicon_category(lx, e->catids[i])) == 0)
			return 1;
	return 0;
}

/* Registers the entry just filled in at lx->e[lx->n] with its key and
 * categories; compiles the pattern. Returns 0 or -1 (message in lx->msg),
 * or -2 when the entry is kept (for its key) but broken. */
static int
add_entry(struct lexicon *lx, const char *lexname, const char *id,
    const char *pattern, const char *cat)
{
	struct lexentry *e = &lx->e[lx->n];
	struct ttbuf *k = &lx->b3;
	uint32_t kid;
	int added;

	k->len = 0;
	tt_buf_add(k, lexname, strlen(lexname));
	tt_buf_addc(k, ':');
	tt_buf_add(k, id, strlen(id));
	kid = intern_put(lx->keys, k->s, k->len, &added);
	if (!added) {
		const struct lexentry *f = &lx->e[kid];
		char line[32];

		snprintf(line, sizeof line, "%lu", f->line);
		lx->msg.len = 0;
		tt_buf_add(&lx->msg, "id: duplicate '", 15);
		tt_buf_add(&lx->msg, id, strlen(id));
		tt_buf_add(&lx->msg, "' (first on line ", 17);
		tt_buf_add(&lx->msg, line, strlen(line));
		tt_buf_addc(&lx->msg, ')');
		return -1;
	}
	e->key = intern_str(lx->keys, kid, NULL);	/* moves: fixed later */
	e->lexname = lexname;
	e->id = tt_xstrdup(id);
	e->pattern = tt_xstrdup(pattern);
	if (parse_categories(lx, e, cat) != 0 ||
	    compile_pattern(lx, lx->n, pattern) != 0) {
		/* keep the key so that ids stay numbered as entries */
		e->ntokpat = 0;
		lx->eloff[lx->n] = lx->el.n;
		lx->n++;
		return -2;
	}
	lx->n++;
	return 0;
}

/* The lexicon name of a path: its base name without ".tsv". */
static char *
lexname_of(const char *path)
{
	const char *b = strrchr(path, '/');
	size_t n;

	b = b != NULL ? b + 1 : path;
	n = strlen(b);
	if (n > 4 && strcmp(b + n - 4, ".tsv") == 0)
		n -= 4;
	return xstrndup(b, n);
}

/* Resolves a -l argument: the path if it exists, else a data file of that
 * name (also with .tsv added). Returns a malloc'd path. */
static char *
resolve(const char *name)
{
	struct stat sb;
	const char *p;
	char *t;

	/* a file here (not a directory named like a lexicon) */
	if (strchr(name, '/') != NULL || (stat(name, &sb) == 0 &&
	    !S_ISDIR(sb.st_mode)))
		return tt_xstrdup(name);
	if ((p = tt_data_path(name)) != NULL)
		return tt_xstrdup(p);
	t = tt_xmalloc(strlen(name) + 5);
	sprintf(t, "%s.tsv", name);
	if ((p = tt_data_path(t)) != NULL) {
		free(t);
		return tt_xstrdup(p);
	}
	free(t);
	return tt_xstrdup(name);
}

/* Reads one lexicon file into lx. Errors are reported and counted. */
static void
load_file(struct lexicon *lx, const char *path)
{
	FILE *fp;
	char *line = NULL, *f[NCOLS], *fld, *s, *lexname, *msg;
	size_t cap = 0, n, fl;
	ssize_t len;
	unsigned long lineno = 0;
	int col[16], ncol = 0, i, j, nf, have[NCOLS], header = 0, firsterr;
	int extra;
	uint32_t lid;
	int added;
	char buf[256];

	if ((fp = fopen(path, "r")) == NULL) {
		char what[256];

		if (errno == ENOENT && strchr(path, '/') == NULL) {
			/* resolve() found it neither here nor as data file */
			snprintf(what, sizeof what, "%s (nor in the lexicon "
			    "directories)", strerror(errno));
			lex_error(lx, path, 0, what);
		} else
			lex_error(lx, path, 0, strerror(errno));
		return;
	}
	lexname = lexname_of(path);
	lid = intern_put(lx->lexnames, lexname, strlen(lexname), &added);
	if (!added) {
		snprintf(buf, sizeof buf, "lexicon name '%.100s' already used "
		    "by %.100s", lexname, lx->lexfiles[lid]);
		lex_error(lx, path, 0, buf);
		free(lexname);
		fclose(fp);
		return;
	}
	lx->lexfiles = tt_xrealloc(lx->lexfiles, (lid + 1) *
	    sizeof *lx->lexfiles);
	lx->lexfiles[lid] = tt_xstrdup(path);
	firsterr = lx->nerr;
	memset(have, 0, sizeof have);
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		n = (size_t)len;
		if (n > 0 && line[n - 1] == '\n')
			n--;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		line[n] = '\0';
		s = line;
		if (lineno == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
			s += 3;
			n -= 3;
		}
		if (lx->nerr - firsterr >= MAXERRORS) {
			lex_error(lx, path, 0, "too many errors, giving up");
			break;
		}
		if (!utf8_valid((unsigned char *)s, n) || strlen(s) != n) {
			lex_error(lx, path, lineno, "invalid UTF-8");
			continue;
		}
		if (!header) {
			if (strspn(s, " \t") == n)
				continue;
			if (s[0] == '#' && memchr(s, '\t', n) == NULL)
				continue;	/* a comment before the header */
			if (s[0] != '#') {
				lex_error(lx, path, lineno, "no header line "
				    "(#id<TAB>pattern<TAB>category...)");
				break;
			}
			header = 1;
			for (fld = s + 1; ; fld = s + 1) {
				fl = strcspn(fld, "\t");
				s = fld + fl;
				nf = *s == '\t';
				fld = trim(fld, &fl);
				for (j = 0; j < NCOLS; j++)
					if (strcmp(fld, colnames[j]) == 0)
						break;
				if (j == NCOLS) {
					snprintf(buf, sizeof buf, "unknown "
					    "column '%.100s' (known: id pattern "
					    "category alternative note weight)",
					    fld);
					lex_error(lx, path, lineno, buf);
				} else if (have[j]) {
					snprintf(buf, sizeof buf, "column '%s' "
					    "given twice", colnames[j]);
					lex_error(lx, path, lineno, buf);
				} else if (ncol == 16) {
					lex_error(lx, path, lineno,
					    "too many columns");
					break;
				}
				have[j < NCOLS ? j : 0] |= j < NCOLS;
				if (ncol < 16)
					col[ncol++] = j;
				if (!nf)
					break;
			}
			for (j = 0; j < 3; j++)
				if (!have[j]) {
					snprintf(buf, sizeof buf, "no column "
					    "'%s'", colnames[j]);
					lex_error(lx, path, lineno, buf);
				}
			if (lx->nerr > firsterr)
				break;
			continue;
		}
		if (strspn(s, " \t") == n || s[0] == '#')
			continue;
		for (j = 0; j < NCOLS; j++)
			f[j] = "";
		extra = 0;
		for (i = 0, fld = s; ; i++) {
			fl = strcspn(fld, "\t");
			nf = fld[fl] == '\t';
			if (i >= ncol && strspn(fld, " ") < fl)
				extra = 1;	/* empty extra fields are fine */
			if (i < ncol) {
				size_t vl = fl;
				char *v = trim(fld, &vl);

				if (strcmp(v, "_") == 0)
					v = "";
				f[col[i]] = v;
			}
			if (!nf)
				break;
			fld += fl + 1;
		}
		if (extra) {
			snprintf(buf, sizeof buf, "%d fields, the header names "
			    "%d", i + 1, ncol);
			lex_error(lx, path, lineno, buf);
			continue;
		}
		msg = NULL;
		if (*f[COL_ID] == '\0')
			msg = "id: missing";
		else if (strpbrk(f[COL_ID], " ") != NULL)
			msg = "id: contains a space";
		else if (*f[COL_PATTERN] == '\0')
			msg = "pattern: missing";
		else if (*f[COL_CATEGORY] == '\0')
			msg = "category: missing";
		if (msg != NULL) {
			lex_error(lx, path, lineno, msg);
			continue;
		}
		{
			struct lexentry *e = new_entry(lx);
			double w = 1;

			if (*f[COL_WEIGHT] != '\0' &&
			    parse_weight(f[COL_WEIGHT], &w) != 0) {
				snprintf(buf, sizeof buf, "weight: not a "
				    "number: '%.50s'", f[COL_WEIGHT]);
				lex_error(lx, path, lineno, buf);
				continue;
			}
			e->weight = w;
			e->file = lx->lexfiles[lid];
			e->line = lineno;
			e->alternative = tt_xstrdup(f[COL_ALT]);
			e->note = tt_xstrdup(f[COL_NOTE]);
			if (add_entry(lx, intern_str(lx->lexnames, lid, NULL),
			    f[COL_ID], f[COL_PATTERN], f[COL_CATEGORY]) != 0) {
				lex_error(lx, path, lineno, lx->msg.s);
				if (e == &lx->e[lx->n]) {	/* not added */
					free((char *)e->alternative);
					free((char *)e->note);
				}
			}
		}
	}
	if (ferror(fp))
		lex_error(lx, path, 0, strerror(errno));
	else if (!header && lx->nerr == firsterr)
		lex_error(lx, path, 0, "empty lexicon (no header line)");
	free(line);
	free(lexname);
	fclose(fp);
}

/* Builds the indexes that need all entries: keys (the intern arenas may
 * have moved), entries by first tokpat, start spans. */
static void
finish(struct lexicon *lx)
{
	size_t i, k;
	uint32_t t, *fill;

	for (i = 0; i < lx->n; i++) {
		struct lexentry *e = &lx->e[i];
		/* the key is "lexicon:id": the name is what precedes the id */
		size_t nl;

		e->key = intern_str(lx->keys, (uint32_t)i, &nl);
		nl -= strlen(e->id) + 1;
		e->lexname = intern_str(lx->lexnames, (uint32_t)intern_get(
		    lx->lexnames, e->key, nl), NULL);
	}
	for (i = 0; i < lx->n; i++) {
		if (lx->e[i].ntokpat == 0)
			continue;
		t = lx->el.v[lx->eloff[i]];
		lx->tp[t].nstart++;
		if (lx->e[i].maxspan > lx->tp[t].startspan)
			lx->tp[t].startspan = lx->e[i].maxspan;
	}
	for (k = 0; k < lx->regexes.n; k++) {
		struct tokpat *r = &lx->tp[lx->regexes.v[k]];
		int b;

		if (r->re == NULL)
			continue;
		for (b = 0; b < 256; b++)
			if (r->first[b >> 6] & (1ULL << (b & 63)))
				vec_push(&lx->rebyfirst[b], lx->regexes.v[k]);
	}
	lx->restmask = tt_xcalloc(lx->n + 1, sizeof *lx->restmask);
	for (i = 0; i < lx->n; i++)
		for (k = 1; k < (size_t)lx->e[i].ntokpat; k++)
			lx->restmask[i] |= 1ULL << (lx->el.v[lx->eloff[i] + k] & 63);
	k = 0;
	for (t = 0; t < lx->ntp; t++) {
		lx->tp[t].startoff = (uint32_t)k;
		k += lx->tp[t].nstart;
	}
	lx->starts = tt_xmalloc((k + 1) * sizeof *lx->starts);
	fill = tt_xcalloc(lx->ntp + 1, sizeof *fill);
	for (i = 0; i < lx->n; i++) {
		if (lx->e[i].ntokpat == 0)
			continue;
		t = lx->el.v[lx->eloff[i]];
		lx->starts[lx->tp[t].startoff + fill[t]++] = (uint32_t)i;
	}
	free(fill);
}

struct lexicon *
lexicon_load(const char *const *paths, int n)
{
	struct lexicon *lx = lexicon_new();
	char *p;
	int i;

	for (i = 0; i < n; i++) {
		p = resolve(paths[i]);
		load_file(lx, p);
		free(p);
	}
	if (lx->nerr > 0) {
		lexicon_free(lx);
		return NULL;
	}
	finish(lx);
	return lx;
}

struct lexicon *
lexicon_from_patterns(const char *const *patterns, int n, const char *where)
{
	struct lexicon *lx = lexicon_new();
	uint32_t lid;
	char num[32];
	int i;

	lid = intern_put(lx->lexnames, "pattern", 7, NULL);
	lx->lexfiles = tt_xmalloc(sizeof *lx->lexfiles);
	lx->lexfiles[lid] = tt_xstrdup(where);
	for (i = 0; i < n; i++) {
		struct lexentry *e = new_entry(lx);

		snprintf(num, sizeof num, "%d", i + 1);
		e->weight = 1;
		e->file = lx->lexfiles[lid];
		e->line = (unsigned long)i + 1;
		e->alternative = tt_xstrdup("");
		e->note = tt_xstrdup("");
		if (add_entry(lx, "pattern", num, patterns[i], "pattern") != 0) {
			lx->nerr++;
			tt_error("%s: %s", where, lx->msg.s);
		}
	}
	if (lx->nerr > 0) {
		lexicon_free(lx);
		return NULL;
	}
	finish(lx);
	return lx;
}

void
lexicon_free(struct lexicon *lx)
{
	size_t i;

	if (lx == NULL)
		return;
	for (i = 0; i < lx->n; i++) {
		free((char *)lx->e[i].id);
		free((char *)lx->e[i].pattern);
		free((char *)lx->e[i].category);
		free((void *)lx->e[i].catids);
		free((char *)lx->e[i].alternative);
		free((char *)lx->e[i].note);
	}
	for (i = 0; i < lx->ntp; i++) {
		free(lx->tp[i].text);
		pcre2_code_free(lx->tp[i].re);
	}
	for (i = 0; i < intern_count(lx->lexnames); i++)
		free(lx->lexfiles[i]);
	free(lx->lexfiles);
	free(lx->e);
	free(lx->eloff);
	free(lx->restmask);
	free(lx->tp);
	free(lx->el.v);
	free(lx->gap.v);
	free(lx->longpre.v);
	free(lx->longsuf.v);
	free(lx->infixes.v);
	free(lx->regexes.v);
	for (i = 0; i < 256; i++)
		free(lx->rebyfirst[i].v);
	free(lx->starts);
	intern_free(lx->tpkeys);
	intern_free(lx->cats);
	intern_free(lx->keys);
	intern_free(lx->lexnames);
	stemmer_close(lx->st);
	pcre2_match_data_free(lx->md);
	pcre2_match_context_free(lx->mctx);
	tt_buf_free(&lx->b1);
	tt_buf_free(&lx->b2);
	tt_buf_free(&lx->b3);
	tt_buf_free(&lx->b4);
	tt_buf_free(&lx->msg);
	free(lx);
}

size_t
lexicon_count(const struct lexicon *lx)
{
	return lx->n;
}

const struct lexentry *
lexicon_entry(const struct lexicon *lx, size_t i)
{
	return &lx->e[i];
}

long
lexicon_find(const struct lexicon *lx, const char *key)
{
	return (long)intern_get(lx->keys, key, strlen(key));
}

int
lexicon_ncategories(const struct lexicon *lx)
{
	return (int)intern_count(lx->cats);
}

const char *
lexicon_category(const struct lexicon *lx, int catid)
{
	return intern_str(lx->cats, (uint32_t)catid, NULL);
}

int
lexicon_category_is_exception(const struct lexicon *lx, int catid)
{
	return strcmp(lexicon_category(lx, catid), LEXICON_EXCEPTION) == 0;
}

int
lexicon_maxspan(const struct lexicon *lx)
{
	return lx->maxspan;
}

const char *
lexicon_tokpat_kind(const struct lexicon *lx, size_t entry, int tp, int *gap)
{
	static const char *names[] = { "stem", "form", "prefix", "suffix",
		"infix", "regex" };
	size_t i = lx->eloff[entry] + (size_t)tp;

	if (gap != NULL)
		*gap = (int)lx->gap.v[i];
	return names[lx->tp[lx->el.v[i]].kind];
}

/* ---- matching one word against all tokpats --------------------------- */

static void
lookup(struct lexicon *lx, enum tpkind kind, const char *s, size_t n,
    struct u32vec *out)
{
	struct ttbuf *k = &lx->b3;
	int64_t id;

	k->len = 0;
	tt_buf_addc(k, kindchar[kind]);
	tt_buf_add(k, s, n);
	if ((id = intern_get(lx->tpkeys, k->s, k->len)) >= 0 &&
	    lx->tp[id].kind == kind)
		vec_push(out, (uint32_t)id);
}

/* Whether regex tokpat t matches the form key; warns once per tokpat
 * when the match limits are hit. */
static int
regex_match(struct lexicon *lx, struct tokpat *t, const char *form,
    size_t n)
{
	const struct lexentry *e;
	int rc;

	rc = pcre2_match(t->re, (PCRE2_SPTR)form, n, 0, 0, lx->md, lx->mctx);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (!t->warned) {
		t->warned = 1;
		e = &lx->e[t->entry];
		if (n > 30) {
			size_t k = 30;

			while (k > 0 && ((unsigned char)form[k] & 0xc0) == 0x80)
				k--;
			tt_warn("%s:%lu: regex hit its match limit on '%.*s...' "
			    "(no match there)", e->file, e->line, (int)k, form);
		} else
			tt_warn("%s:%lu: regex hit its match limit on '%.*s' "
			    "(no match there)", e->file, e->line, (int)n, form);
	}
	return 0;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Appends to out (from out->n on) the ids of all tokpats matched by a
 * word with the given form and stem keys, sorted and unique. Returns how
 * many were appended.
 */
static size_t
word_tokpats(struct lexicon *lx, const char *form, size_t fn,
    const char *stem, size_t sn, struct u32vec *out)
{
	size_t start = out->n, i, j, L;
	uint64_t mask;
	struct tokpat *t;
	const struct u32vec *rv;

	if (lx->nstemtp > 0 && sn > 0)
		lookup(lx, TP_STEM, stem, sn, out);
	lookup(lx, TP_FORM, form, fn, out);
	for (mask = lx->premask, L = 0; mask != 0; mask >>= 1, L++)
		if ((mask & 1) && L <= fn)
			lookup(lx, TP_PREFIX, form, L, out);
	for (mask = lx->sufmask, L = 0; mask != 0; mask >>= 1, L++)
		if ((mask & 1) && L <= fn)
			lookup(lx, TP_SUFFIX, form + fn - L, L, out);
	for (i = 0; i < lx->longpre.n; i++) {
		t = &lx->tp[lx->longpre.v[i]];
		if (t->len <= fn && memcmp(form, t->text, t->len) == 0)
			vec_push(out, lx->longpre.v[i]);
	}
	for (i = 0; i < lx->longsuf.n; i++) {
		t = &lx->tp[lx->longsuf.v[i]];
		if (t->len <= fn && memcmp(form + fn - t->len, t->text,
		    t->len) == 0)
			vec_push(out, lx->longsuf.v[i]);
	}
	if (lx->infixes.n > 0) {
		if (fn <= INFIX_HASHMAX && lx->infixes.n > 8) {
			size_t before = out->n;

			for (mask = lx->infmask, L = 0; mask != 0; mask >>= 1,
			    L++)
				if ((mask & 1) && L <= fn)
					for (j = 0; j + L <= fn; j++)
						lookup(lx, TP_INFIX, form + j, L,
						    out);
			for (i = 0; i < lx->infixes.n; i++) {
				t = &lx->tp[lx->infixes.v[i]];
				if (t->len >= 64 && t->len <= fn &&
				    find_bytes(form, fn, t->text, t->len) != NULL)
					vec_push(out, lx->infixes.v[i]);
			}
			/* the same infix may be found at several offsets */
			if (out->n - before > 1) {
				qsort(out->v + before, out->n - before,
				    sizeof *out->v, cmp_u32);
				for (i = j = before; i < out->n; i++)
					if (j == before || out->v[j - 1] !=
					    out->v[i])
						out->v[j++] = out->v[i];
				out->n = j;
			}
		} else
			for (i = 0; i < lx->infixes.n; i++) {
				t = &lx->tp[lx->infixes.v[i]];
				if (t->len <= fn && find_bytes(form, fn, t->text,
				    t->len) != NULL)
					vec_push(out, lx->infixes.v[i]);
			}
	}
	/* regexes: only those that can start with the word's first byte */
	rv = fn > 0 ? &lx->rebyfirst[(unsigned char)form[0]] : &lx->regexes;
	for (i = 0; i < rv->n; i++) {
		t = &lx->tp[rv->v[i]];
		if (t->re == NULL || fn < t->minlen)
			continue;
		if (regex_match(lx, t, form, fn))
			vec_push(out, rv->v[i]);
	}
	if (out->n - start > 1) {
		qsort(out->v + start, out->n - start, sizeof *out->v, cmp_u32);
		for (i = j = start; i < out->n; i++)
			if (j == start || out->v[j - 1] != out->v[i])
				out->v[j++] = out->v[i];
		out->n = j;
	}
	return out->n - start;
}

/*
 * Adds to out the tokpats of the parts of a token that real documents
 * write as one: the words around a slash (zorgaanbieders/gemeenten), the
 * head after a hyphen (Wmo-indicatie, ggz-cliënten), the word after a
 * list dash (-jeugdhulpaanbieder), and a bracketed prefix both ways
 * ((hoog)specialistische: hoogspecialistische and specialistische). form
 * is the token's folded form; the parts are stemmed here. The set of the
 * token (from start) stays sorted and without repeats.
 */
static void
part_tokpats(struct lexicon *lx, const char *form, size_t fn,
    struct ttbuf *pform, struct ttbuf *pstem, struct ttbuf *part,
    size_t start, struct u32vec *out)
{
	const char *seg, *end = form + fn, *p, *q, *head;
	size_t i, j;
	int added = 0;

	if (fn == 0 || (memchr(form, '-', fn) == NULL &&
	    memchr(form, '/', fn) == NULL && memchr(form, ')', fn) == NULL))
		return;
	for (seg = form; seg < end; seg = q + 1) {
		q = memchr(seg, '/', (size_t)(end - seg));
		if (q == NULL)
			q = end;
		/* the candidates of this segment, NUL-separated in part */
		part->len = 0;
		if (q < end || seg > form)
			tt_buf_add(part, seg, (size_t)(q - seg)), tt_buf_addc(part, 0);
		head = NULL;
		for (p = seg; p < q; p++)
			if ((*p == '-' || *p == ')') && p + 1 < q)
				head = p + 1;
		if (head != NULL)
			tt_buf_add(part, head, (size_t)(q - head)), tt_buf_addc(part, 0);
		if (memchr(seg, '(', (size_t)(q - seg)) != NULL &&
		    memchr(seg, ')', (size_t)(q - seg)) != NULL) {
			for (p = seg; p < q; p++)
				if (*p != '(' && *p != ')')
					tt_buf_addc(part, *p);
			tt_buf_addc(part, 0);
		}
		for (i = 0; i < part->len; i += strlen(part->s + i) + 1) {
			size_t n = strlen(part->s + i);

			if (n == 0 || (n == fn && memcmp(part->s + i, form, n) == 0))
				continue;
			make_keys(lx, part->s + i, n, NULL, 0, pform, pstem,
			    lx->nstemtp > 0);
			word_tokpats(lx, pform->s, pform->len, pstem->s,
			    pstem->len, out);
			added = 1;
		}
		if (q == end)
			break;
	}
	if (added && out->n - start > 1) {
		qsort(out->v + start, out->n - start, sizeof *out->v, cmp_u32);
		for (i = j = start; i < out->n; i++)
			if (j == start || out->v[j - 1] != out->v[i])
				out->v[j++] = out->v[i];
		out->n = j;
	}
}

/* ---- matching one entry at one position -------------------------------- */

/* The tokpat sets of a window of tokens: set[j][0..n[j]), sorted. */
struct window {
	const uint32_t	**set;
	const int	 *n;
	int		  len;
};

static int
has(const uint32_t *s, int n, uint32_t t)
{
	int i;

	for (i = 0; i < n && s[i] <= t; i++)
		if (s[i] == t)
			return 1;
	return 0;
}

/* Scratch space for match_entry: reach/back tables, sized for the
 * lexicon's largest entry. */
struct scratch {
	int	*back;		/* maxtok * (maxspan + 1): previous position */
	int	*pos;		/* chosen positions of the best match */
	size_t	 cap;
};

static void
scratch_init(struct scratch *sc, const struct lexicon *lx)
{
	sc->cap = (size_t)(lx->maxtok + 1) * (size_t)(lx->maxspan + 2);
	sc->back = tt_xmalloc(sc->cap * sizeof *sc->back);
	sc->pos = tt_xmalloc((size_t)(lx->maxtok + 1) * sizeof *sc->pos);
}

/*
 * Matches entry ei starting at window position 0. Returns the span
 * (tokens first..last) of its longest match, or 0; the positions of the
 * token patterns are left in pos[0..ntokpat).
 */
static int
match_entry(const struct lexicon *lx, size_t ei, const struct window *w,
    struct scratch *sc, int *pos)
{
	const struct lexentry *e = &lx->e[ei];
	const uint32_t *el = lx->el.v + lx->eloff[ei];
	const uint32_t *gp = lx->gap.v + lx->eloff[ei];
	int k = e->ntokpat, W, i, j, q, d, best;
	int *back = sc->back;

	if (k == 0 || w->len < 1 || !has(w->set[0], w->n[0], el[0]))
		return 0;
	pos[0] = 0;
	if (k == 1)
		return 1;
	W = w->len < e->maxspan ? w->len : e->maxspan;
	/* back[i*W + q]: position of element i-1 when element i is at q;
	 * -1: element i cannot be at q. Row 0: only position 0. */
	for (q = 0; q < W; q++)
		back[q] = q == 0 ? 0 : -1;
	for (i = 1; i < k; i++) {
		int *row = back + (size_t)i * W, *prev = row - W, any = 0;

		for (q = 0; q < W; q++)
			row[q] = -1;
		for (j = 0; j < W; j++) {
			if (prev[j] < 0)
				continue;
			for (d = 0; d <= (int)gp[i]; d++) {
				q = j + 1 + d;
				if (q >= W)
					break;
				if (row[q] < 0 && has(w->set[q], w->n[q], el[i])) {
					row[q] = j;
					any = 1;
				}
			}
		}
		if (!any)
			return 0;
	}
	best = -1;
	for (q = W - 1; q >= 0; q--)
		if (back[(size_t)(k - 1) * W + q] >= 0) {
			best = q;
			break;
		}
	if (best < 0)
		return 0;
	for (i = k - 1, q = best; i >= 0; i--) {
		pos[i] = q;
		q = back[(size_t)i * W + q];
	}
	return best + 1;
}

/* ---- the matcher -------------------------------------------------------- */

struct slot {
	uint64_t	 sent;
	uint32_t	*tps;		/* tokpats the token matches */
	int		 ntps, cap;
	int		 need;		/* longest span of entries it starts */
	struct lexmark	 mark;
};

/*
 * A cached word, one cache line: its tokpats are ctps.v[tpoff..tpoff+ntp).
 * The key is the word, and after a NUL the stem value when there is one;
 * kept here when it fits, else in carena at off.
 */
struct centry {
	uint32_t	 hash;
	uint32_t	 len;		/* of the key */
	uint32_t	 tpoff, ntp;
	uint32_t	 off;
	uint32_t	 need;		/* longest span of entries it starts */
	char		 key[CACHE_INLINE];
};
typedef char centry_is_a_line[sizeof(struct centry) == 64 ? 1 : -1];

struct matcher {
	struct lexicon	*lx;
	struct slot	*ring;
	size_t		 ringsize;	/* a power of two */
	uint64_t	 head, decided, tail;
	int		 finished;
	/* decide() waits for the window of the token at decided to fill:
	 * until the tail reaches waittail or a token of another sentence
	 * than waitsent comes (waittail 0: not waiting) */
	uint64_t	 waittail, waitsent;
	/* cache of distinct words: open addressing over slots, entries in
	 * order of first sight, long keys in carena */
	struct slot16	*slots;		/* a hit reads a slot and an entry */
	size_t		 cslots;	/* a power of two */
	struct centry	*cache;
	size_t		 ccount;
	struct ttbuf	 carena;
	struct u32vec	 ctps;
	struct ttbuf	 form, stem;
	struct ttbuf	 pform, pstem, part;	/* parts of a token */
	/* window and scratch */
	const uint32_t	**wset;
	int		*wn;
	size_t		 wcap;
	struct scratch	 sc;
	int		*pos, *bestpos;
	unsigned char	*silent;	/* per entry: an exception or excluded */
};

/* Room for n cache entries, aligned to cache lines. */
static struct centry *
cache_entries(size_t n)
{
	/* sizeof(struct centry) is 64: the size is a multiple of it */
	struct centry *t = aligned_alloc(64, n * sizeof *t);

	if (t == NULL)
		tt_die("out of memory");
	return t;
}

struct matcher *
matcher_new(const struct lexicon *lx)
{
	struct matcher *m = tt_xcalloc(1, sizeof *m);
	size_t i;

	m->lx = (struct lexicon *)lx;
	m->ringsize = 16;
	while (m->ringsize < (size_t)lx->maxspan * 2 + 4)
		m->ringsize *= 2;
	m->ring = tt_xcalloc(m->ringsize, sizeof *m->ring);
	m->cslots = 1024;
	m->slots = tt_xcalloc(m->cslots, sizeof *m->slots);
	/* entries for half the slots: the table grows before they run out */
	m->cache = cache_entries(m->cslots / 2);
	scratch_init(&m->sc, lx);
	m->pos = tt_xmalloc((size_t)(lx->maxtok + 1) * sizeof *m->pos);
	m->bestpos = tt_xmalloc((size_t)(lx->maxtok + 1) * sizeof *m->bestpos);
	m->wcap = (size_t)lx->maxspan + 1;
	m->wset = tt_xmalloc(m->wcap * sizeof *m->wset);
	m->wn = tt_xmalloc(m->wcap * sizeof *m->wn);
	m->silent = tt_xcalloc(lx->n + 1, 1);
	for (i = 0; i < lx->n; i++)
		m->silent[i] = (unsigned char)lx->e[i].exception;
	return m;
}

size_t
matcher_exclude(struct matcher *m, const char *spec)
{
	const struct lexentry *e;
	size_t i, n = 0;

	for (i = 0; i < m->lx->n; i++) {
		e = &m->lx->e[i];
		if (strcmp(spec, e->key) == 0 || strcmp(spec, e->id) == 0 ||
		    lexentry_in_category(m->lx, e, spec)) {
			m->silent[i] = 1;
			n++;
		}
	}
	return n;
}

void
matcher_free(struct matcher *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->ringsize; i++)
		free(m->ring[i].tps);
	free(m->ring);
	free(m->slots);
	free(m->cache);
	tt_buf_free(&m->carena);
	free(m->ctps.v);
	tt_buf_free(&m->form);
	tt_buf_free(&m->stem);
	tt_buf_free(&m->pform);
	tt_buf_free(&m->pstem);
	tt_buf_free(&m->part);
	free(m->wset);
	free(m->wn);
	free(m->sc.back);
	free(m->sc.pos);
	free(m->pos);
	free(m->bestpos);
	free(m->silent);
	free(m);
}

void
matcher_reset(struct matcher *m)
{
	m->head = m->decided = m->tail = 0;
	m->finished = 0;
	m->waittail = 0;
}

#define SLOT(m, i)	(&(m)->ring[(i) & ((m)->ringsize - 1)])

/* Doubles the ring, keeping pending slots at their indexes. */
static void
ring_grow(struct matcher *m)
{
	size_t nsize = m->ringsize * 2, i;
	struct slot *nr = tt_xcalloc(nsize, sizeof *nr);
	uint64_t k;

	for (k = m->head; k < m->tail; k++)
		nr[k & (nsize - 1)] = *SLOT(m, k);
	/* keep the buffers of slots that were not pending */
	for (i = 0; i < m->ringsize; i++) {
		int used = 0;

		for (k = m->head; k < m->tail && !used; k++)
			used = SLOT(m, k) == &m->ring[i];
		if (!used)
			free(m->ring[i].tps);
	}
	free(m->ring);
	m->ring = nr;
	m->ringsize = nsize;
}

/* Whether entry a beats entry b (with bk token patterns) when both match
 * the same span from the same token: an exception first, then the fewer
 * gap tokens (more token patterns), then file order. */
static int
better_tie(const struct lexicon *lx, uint32_t a, long b, int bk)
{
	const struct lexentry *ea = &lx->e[a], *eb = &lx->e[b];

	if (ea->exception != eb->exception)
		return ea->exception;
	if (ea->ntokpat != bk)
		return ea->ntokpat > bk;
	return (long)a < b;
}

/* Decides as many pending tokens as the lookahead allows. */
static void
decide(struct matcher *m)
{
	struct lexicon *lx = m->lx;
	struct slot *s, *t;
	struct window w;
	uint64_t end;
	int i, j, span, bestspan, bestk;
	long best;
	uint32_t ti;
	uint64_t wmask;

	if (m->waittail != 0) {
		if (!m->finished && m->tail < m->waittail &&
		    SLOT(m, m->tail - 1)->sent == m->waitsent)
			return;
		m->waittail = 0;
	}
	while (m->decided < m->tail) {
		s = SLOT(m, m->decided);
		if (s->need == 0) {
			s->mark.role = LEX_NONE;
			s->mark.entry = -1;
			s->mark.ntok = s->mark.ngap = s->mark.pos = 0;
			m->decided++;
			continue;
		}
		wmask = 0;
		for (end = m->decided; end < m->tail && end - m->decided <
		    (uint64_t)s->need && SLOT(m, end)->sent == s->sent; end++) {
			t = SLOT(m, end);
			m->wset[end - m->decided] = t->tps;
			m->wn[end - m->decided] = t->ntps;
			if (end > m->decided)
				for (i = 0; i < t->ntps; i++)
					wmask |= 1ULL << (t->tps[i] & 63);
		}
		if (end - m->decided < (uint64_t)s->need && end == m->tail &&
		    !m->finished) {
			/* wait for more tokens: nothing changes until then */
			m->waittail = m->decided + (uint64_t)s->need;
			m->waitsent = s->sent;
			return;
		}
		w.set = m->wset;
		w.n = m->wn;
		w.len = (int)(end - m->decided);
		best = -1;
		bestspan = bestk = 0;
		for (i = 0; i < s->ntps; i++) {
			struct tokpat *tp = &lx->tp[s->tps[i]];

			for (j = 0; j < (int)tp->nstart; j++) {
				ti = lx->starts[tp->startoff + j];
				if (best >= 0 && lx->e[ti].maxspan < bestspan)
					continue;
				/* a later token pattern absent from the window */
				if (lx->restmask[ti] & ~wmask)
					continue;
				span = match_entry(lx, ti, &w, &m->sc, m->pos);
				if (span == 0)
					continue;
				if (best < 0 || span > bestspan ||
				    (span == bestspan && better_tie(lx, ti,
				    best, bestk))) {
					best = (long)ti;
					bestspan = span;
					bestk = lx->e[ti].ntokpat;
					memcpy(m->bestpos, m->pos, (size_t)bestk *
					    sizeof *m->pos);
				}
			}
		}
		if (best < 0 || m->silent[best]) {
			/* an exception or excluded entry: its tokens are
			 * settled unmarked, and no other entry gets them */
			if (best < 0)
				bestspan = 1;
			for (i = 0; i < bestspan; i++) {
				t = SLOT(m, m->decided + (uint64_t)i);
				t->mark.role = LEX_NONE;
				t->mark.entry = best;
				t->mark.ntok = i == 0 && best >= 0 ? bestspan : 0;
				t->mark.ngap = 0;
				t->mark.pos = i;
			}
			m->decided += (uint64_t)bestspan;
			continue;
		}
		for (i = 0; i < bestspan; i++) {
			t = SLOT(m, m->decided + (uint64_t)i);
			t->mark.role = LEX_GAP;
			t->mark.entry = best;
			t->mark.ntok = t->mark.ngap = 0;
			t->mark.pos = i;
		}
		for (i = 0; i < bestk; i++)
			SLOT(m, m->decided + (uint64_t)m->bestpos[i])->mark.role =
			    LEX_INSIDE;
		s->mark.role = LEX_FIRST;
		s->mark.ntok = bestspan;
		s->mark.ngap = bestspan - bestk;
		m->decided += (uint64_t)bestspan;
	}
}

/* Doubles the cache's table (and its room for entries), or empties the
 * cache when it holds as many words as it may. */
static void
cache_grow(struct matcher *m)
{
	struct centry *old = m->cache;
	size_t i;

	if (m->ccount >= CACHE_MAXWORDS || m->ctps.n >= CACHE_MAXTPS ||
	    m->carena.len >= CACHE_MAXARENA) {
		memset(m->slots, 0, m->cslots * sizeof *m->slots);
		m->ccount = 0;
		m->ctps.n = 0;
		m->carena.len = 0;
		return;
	}
	free(m->slots);
	m->cslots *= 2;
	m->slots = tt_xcalloc(m->cslots, sizeof *m->slots);
	m->cache = cache_entries(m->cslots / 2);
	memcpy(m->cache, old, m->ccount * sizeof *old);
	free(old);
	for (i = 0; i < m->ccount; i++)
		slot16_put(m->slots, m->cslots - 1, m->cache[i].hash,
		    (uint16_t)(i + 1));
}

/* The hash of a cache key: the word, and the stem value if any. */
static uint32_t
cache_hash(const char *word, size_t wlen, const char *stem, size_t slen)
{
	uint64_t h = hash_bytes(word, wlen);

	if (stem != NULL)
		h ^= hash_bytes(stem, slen) * 0x9e3779b97f4a7c15ULL;
	return (uint32_t)(h ^ h >> 32);
}

/*
 * The cache entry of a word and its stem-column value (stem NULL: none),
 * computed on first sight: its keys, the tokpats it matches, the longest
 * span of the entries those start. The arena holds the word, and after a
 * NUL the stem value when there is one.
 */
static struct centry *
cache_get(struct matcher *m, const char *word, size_t wlen, const char *stem,
    size_t slen)
{
	struct lexicon *lx = m->lx;
	struct centry *c;
	uint32_t h, k;
	size_t j, mask = m->cslots - 1, keylen;
	const char *a;

	h = cache_hash(word, wlen, stem, slen);
	keylen = stem != NULL ? wlen + 1 + slen : wlen;
	for (j = h & mask; m->slots[j].id1 != 0; j = (j + 1) & mask) {
		if (m->slots[j].tag != (uint16_t)(h >> 16))
			continue;
		c = &m->cache[m->slots[j].id1 - 1];
		if (c->hash != h || c->len != keylen)
			continue;
		a = keylen <= CACHE_INLINE ? c->key : m->carena.s + c->off;
		if (mem_eq(a, word, wlen) && (stem == NULL ||
		    mem_eq(a + wlen + 1, stem, slen)))
			return c;
	}
	if ((m->ccount + 1) * 2 > m->cslots || m->ccount >= CACHE_MAXWORDS ||
	    m->ctps.n >= CACHE_MAXTPS || m->carena.len >= CACHE_MAXARENA)
		cache_grow(m);
	c = &m->cache[m->ccount++];
	slot16_put(m->slots, m->cslots - 1, h, (uint16_t)m->ccount);
	c->hash = h;
	c->len = (uint32_t)keylen;
	if (keylen <= CACHE_INLINE) {
		memcpy(c->key, word, wlen);
		if (stem != NULL) {
			c->key[wlen] = '\0';
			memcpy(c->key + wlen + 1, stem, slen);
		}
	} else {
		c->off = (uint32_t)m->carena.len;
		tt_buf_add(&m->carena, word, wlen);
		if (stem != NULL) {
			tt_buf_addc(&m->carena, '\0');
			tt_buf_add(&m->carena, stem, slen);
		}
	}
	make_keys(lx, word, wlen, stem, slen, &m->form, &m->stem,
	    lx->nstemtp > 0);
	c->tpoff = (uint32_t)m->ctps.n;
	word_tokpats(lx, m->form.s, m->form.len, m->stem.s, m->stem.len,
	    &m->ctps);
	part_tokpats(lx, m->form.s, m->form.len, &m->pform, &m->pstem,
	    &m->part, c->tpoff, &m->ctps);
	c->ntp = (uint32_t)(m->ctps.n - c->tpoff);
	c->need = 0;
	for (k = 0; k < c->ntp; k++) {
		struct tokpat *t = &lx->tp[m->ctps.v[c->tpoff + k]];

		if (t->nstart > 0 && (uint32_t)t->startspan > c->need)
			c->need = (uint32_t)t->startspan;
	}
	return c;
}

void
matcher_feed(struct matcher *m, const char *word, size_t wlen,
    const char *stem, size_t stemlen, uint64_t sentence)
{
	struct slot *s;
	struct centry *c;
	size_t n;

	c = wlen > 0 ? cache_get(m, word, wlen, stem, stemlen) : NULL;
	if (m->tail - m->head + 1 >= m->ringsize)
		ring_grow(m);
	s = SLOT(m, m->tail);
	n = c != NULL ? c->ntp : 0;
	s->need = c != NULL ? c->need : 0;
	s->sent = sentence;
	if (s->need == 0 && m->decided == m->tail) {
		/* starts nothing, and no earlier token waits to see it */
		s->ntps = 0;
		s->mark.role = LEX_NONE;
		s->mark.entry = -1;
		s->mark.ntok = s->mark.ngap = s->mark.pos = 0;
		m->tail++;
		m->decided++;
		return;
	}
	if ((size_t)s->cap < n) {
		s->cap = (int)n + 4;
		s->tps = tt_xrealloc(s->tps, (size_t)s->cap * sizeof *s->tps);
	}
	if (n > 0)
		memcpy(s->tps, m->ctps.v + c->tpoff, n * sizeof *s->tps);
	s->ntps = (int)n;
	m->tail++;
	/* a new sentence closes the previous one; decide() sees that */
	decide(m);
}

int
lexicon_type_excluded(const char *type, size_t n)
{
	return (n == 3 && memcmp(type, "url", 3) == 0) ||
	    (n == 5 && memcmp(type, "email", 5) == 0);
}

void
matcher_finish(struct matcher *m)
{
	m->finished = 1;
	decide(m);
}

int
matcher_pop(struct matcher *m, struct lexmark *mk)
{
	if (m->head >= m->decided)
		return 0;
	*mk = SLOT(m, m->head)->mark;
	m->head++;
	if (m->finished && m->head == m->tail)
		m->finished = 0, m->head = m->decided = m->tail = 0;
	return 1;
}

/* ---- explaining ------------------------------------------------------ */

void
lexicon_scan(const struct lexicon *clx, const char *const *words,
    const size_t *lens, int n, void (*fn)(const struct lexhit *, void *),
    void *arg)
{
	struct lexicon *lx = (struct lexicon *)clx;
	struct u32vec all = { NULL, 0, 0 };
	size_t *off = tt_xmalloc(((size_t)n + 1) * sizeof *off);
	const uint32_t **set = tt_xmalloc(((size_t)n + 1) * sizeof *set);
	int *cnt = tt_xmalloc(((size_t)n + 1) * sizeof *cnt);
	struct ttbuf form = { 0 }, stem = { 0 };
	struct ttbuf pform = { 0 }, pstem = { 0 }, part = { 0 };
	struct scratch sc;
	struct window w;
	struct lexhit h;
	int i, *pos, span;
	size_t e;

	scratch_init(&sc, lx);
	pos = tt_xmalloc((size_t)(lx->maxtok + 1) * sizeof *pos);
	vec_push(&all, 0);	/* never NULL: set[i] below is all.v + off */
	all.n = 0;
	for (i = 0; i < n; i++) {
		make_keys(lx, words[i], lens[i], NULL, 0, &form, &stem, 1);
		off[i] = all.n;
		word_tokpats(lx, form.s, form.len, stem.s, stem.len, &all);
		part_tokpats(lx, form.s, form.len, &pform, &pstem, &part,
		    off[i], &all);
		cnt[i] = (int)(all.n - off[i]);
	}
	for (i = 0; i < n; i++)
		set[i] = all.v + off[i];
	for (i = 0; i < n; i++) {
		w.set = set + i;
		w.n = cnt + i;
		w.len = n - i;
		for (e = 0; e < lx->n; e++) {
			if ((span = match_entry(lx, e, &w, &sc, pos)) == 0)
				continue;
			h.entry = e;
			h.first = i;
			h.last = i + span - 1;
			h.ngap = span - lx->e[e].ntokpat;
			fn(&h, arg);
		}
	}
	free(pos);
	free(sc.back);
	free(sc.pos);
	free(all.v);
	free(off);
	free(set);
	free(cnt);
	tt_buf_free(&form);
	tt_buf_free(&stem);
	tt_buf_free(&pform);
	tt_buf_free(&pstem);
	tt_buf_free(&part);
}

/* Whether tokpat t matches a word with keys form/stem. */
static int
tokpat_matches(struct lexicon *lx, uint32_t t, const char *form, size_t fn,
    const char *stem, size_t sn)
{
	struct tokpat *p = &lx->tp[t];

	switch (p->kind) {
	case TP_STEM:
		return sn == p->len && memcmp(stem, p->text, sn) == 0;
	case TP_FORM:
		return fn == p->len && memcmp(form, p->text, fn) == 0;
	case TP_PREFIX:
		return fn >= p->len && memcmp(form, p->text, p->len) == 0;
	case TP_SUFFIX:
		return fn >= p->len && memcmp(form + fn - p->len, p->text,
		    p->len) == 0;
	case TP_INFIX:
		return fn >= p->len && find_bytes(form, fn, p->text, p->len) !=
		    NULL;
	case TP_REGEX:
		return p->re != NULL && regex_match(lx, p, form, fn);
	}
	return 0;
}

int
lexicon_why(const struct lexicon *clx, size_t entry, int tp,
    const char *word, size_t wlen, struct ttbuf *b)
{
	struct lexicon *lx = (struct lexicon *)clx;
	struct ttbuf form = { 0 }, stem = { 0 };
	struct tokpat *p;
	uint32_t t;
	int ok;

	t = lx->el.v[lx->eloff[entry] + (size_t)tp];
	p = &lx->tp[t];
	make_keys(lx, word, wlen, NULL, 0, &form, &stem, 1);
	ok = tokpat_matches(lx, t, form.s, form.len, stem.s, stem.len);
	b->len = 0;
	switch (p->kind) {
	case TP_STEM:
		tt_buf_add(b, "stem '", 6);
		tt_buf_add(b, stem.s, stem.len);
		tt_buf_add(b, ok ? "'" : "' is not '", ok ? 1 : 10);
		if (!ok) {
			tt_buf_add(b, p->text, p->len);
			tt_buf_addc(b, '\'');
		}
		break;
	case TP_FORM:
		tt_buf_add(b, "exact form '", 12);
		tt_buf_add(b, p->text, p->len);
		tt_buf_addc(b, '\'');
		break;
	case TP_PREFIX:
		tt_buf_add(b, "prefix glob '", 13);
		tt_buf_add(b, p->text, p->len);
		tt_buf_add(b, "*'", 2);
		break;
	case TP_SUFFIX:
		tt_buf_add(b, "suffix glob '*", 14);
		tt_buf_add(b, p->text, p->len);
		tt_buf_addc(b, '\'');
		break;
	case TP_INFIX:
		tt_buf_add(b, "infix glob '*", 13);
		tt_buf_add(b, p->text, p->len);
		tt_buf_add(b, "*'", 2);
		break;
	case TP_REGEX:
		tt_buf_add(b, "regex /", 7);
		tt_buf_add(b, p->text, p->len);
		tt_buf_addc(b, '/');
		break;
	}
	tt_buf_reserve(b, 0);
	b->s[b->len] = '\0';
	tt_buf_free(&form);
	tt_buf_free(&stem);
	return ok;
}

/* ---- linting --------------------------------------------------------- */

/* Whether every word tokpat b matches is also matched by tokpat a. */
static int
subsumes(struct lexicon *lx, uint32_t a, uint32_t b)
{
	struct tokpat *p = &lx->tp[a], *q = &lx->tp[b];
	struct ttbuf form = { 0 }, stem = { 0 };
	int r = 0;

	if (a == b)
		return 1;
	switch (p->kind) {
	case TP_PREFIX:
		r = (q->kind == TP_FORM || q->kind == TP_PREFIX) &&
		    q->len >= p->len && memcmp(q->text, p->text, p->len) == 0;
		break;
	case TP_SUFFIX:
		r = (q->kind == TP_FORM || q->kind == TP_SUFFIX) &&
		    q->len >= p->len && memcmp(q->text + q->len - p->len,
		    p->text, p->len) == 0;
		break;
	case TP_INFIX:
		r = q->kind != TP_STEM && q->kind != TP_REGEX &&
		    q->len >= p->len && find_bytes(q->text, q->len, p->text,
		    p->len) != NULL;
		break;
	case TP_STEM:
		if (q->kind == TP_FORM) {
			make_keys(lx, q->text, q->len, NULL, 0, &form, &stem, 1);
			r = stem.len == p->len && memcmp(stem.s, p->text,
			    p->len) == 0;
		}
		break;
	case TP_REGEX:
		r = q->kind == TP_FORM && p->re != NULL &&
		    regex_match(lx, p, q->text, q->len);
		break;
	case TP_FORM:
		break;
	}
	tt_buf_free(&form);
	tt_buf_free(&stem);
	return r;
}

/* Whether entry a (earlier) always wins over entry b: same shape, and
 * each token pattern of a matches whatever b's does. */
static int
shadows(struct lexicon *lx, size_t a, size_t b)
{
	const struct lexentry *ea = &lx->e[a], *eb = &lx->e[b];
	int i;

	if (ea->ntokpat != eb->ntokpat || ea->ntokpat == 0)
		return 0;
	/* an exception wins a tie over an earlier entry */
	if (eb->exception && !ea->exception)
		return 0;
	for (i = 0; i < ea->ntokpat; i++) {
		if (lx->gap.v[lx->eloff[a] + i] != lx->gap.v[lx->eloff[b] + i])
			return 0;
		if (!subsumes(lx, lx->el.v[lx->eloff[a] + i],
		    lx->el.v[lx->eloff[b] + i]))
			return 0;
	}
	return 1;
}

int
lexicon_lint(const struct lexicon *clx, const char *const *common,
    size_t ncommon)
{
	struct lexicon *lx = (struct lexicon *)clx;
	struct ttbuf form = { 0 }, stem = { 0 };
	struct u32vec cands = { NULL, 0, 0 }, cw = { NULL, 0, 0 };
	size_t *cwoff, b, i, j, c;
	int nwarn = 0, found;
	uint32_t t;

	/* shadowed entries: candidates are entries whose first tokpat
	 * subsumes b's first tokpat, found through the word indexes */
	for (b = 0; b < lx->n; b++) {
		struct tokpat *q;

		if (lx->e[b].ntokpat == 0)
			continue;
		t = lx->el.v[lx->eloff[b]];
		q = &lx->tp[t];
		cands.n = 0;
		vec_push(&cands, t);
		if (q->kind != TP_STEM && q->kind != TP_REGEX) {
			/* tokpats that match the literal part as a word */
			make_keys(lx, q->text, q->len, NULL, 0, &form, &stem,
			    q->kind == TP_FORM);
			word_tokpats(lx, form.s, form.len, stem.s, stem.len,
			    &cands);
		}
		found = 0;
		for (i = 0; i < cands.n && !found; i++) {
			struct tokpat *p = &lx->tp[cands.v[i]];

			for (j = 0; j < p->nstart && !found; j++) {
				size_t a = lx->starts[p->startoff + j];

				if (a >= b || !shadows(lx, a, b))
					continue;
				found = 1;
				nwarn++;
				tt_warn("%s:%lu: warning: '%s' can never match: "
				    "'%s' (%s:%lu) always wins", lx->e[b].file,
				    lx->e[b].line, lx->e[b].key, lx->e[a].key,
				    lx->e[a].file, lx->e[a].line);
			}
		}
	}
	/* single-word patterns that also match common words */
	cwoff = tt_xmalloc((ncommon + 1) * sizeof *cwoff);
	for (c = 0; c < ncommon; c++) {
		cwoff[c] = cw.n;
		make_keys(lx, common[c], strlen(common[c]), NULL, 0, &form,
		    &stem, 1);
		word_tokpats(lx, form.s, form.len, stem.s, stem.len, &cw);
	}
	cwoff[ncommon] = cw.n;
	for (b = 0; b < lx->n; b++) {
		if (lx->e[b].ntokpat != 1)
			continue;
		t = lx->el.v[lx->eloff[b]];
		for (c = 0; c < ncommon; c++) {
			for (i = cwoff[c]; i < cwoff[c + 1]; i++)
				if (cw.v[i] == t)
					break;
			if (i < cwoff[c + 1])
				break;
		}
		if (c < ncommon) {
			nwarn++;
			tt_warn("%s:%lu: warning: '%s' (%s) also matches the "
			    "common word '%s'", lx->e[b].file, lx->e[b].line,
			    lx->e[b].key, lx->e[b].pattern, common[c]);
		}
	}
	free(cwoff);
	free(cands.v);
	free(cw.v);
	tt_buf_free(&form);
	tt_buf_free(&stem);
	return nwarn;
}
