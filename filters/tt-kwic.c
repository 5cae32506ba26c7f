/*
 * tt-kwic - keyword-in-context lines for jargon entries, categories, stems,
 * words or lexicon patterns found in a token stream.
 *
 * Streams in bounded memory: a ring holds the tokens that may still be
 * left context of a later match and those read ahead for the right context
 * of the oldest unfinished match. Only --sort buffers its output lines.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <utf8proc.h>

#include "lexicon.h"
#include "tt.h"

static const char usage[] =
"usage: tt-kwic [-e ENTRY] [-C CATEGORY [-l LEXICON]] [-s STEM] [-w WORD]\n"
"               [-p PATTERN] [-W N | --left N --right N] [-t] [-S]\n"
"               [--sort left|right] [--color[=WHEN]] [--tsv] [FILE ...]\n"
"       tt-kwic [OPTION...] WORD [FILE ...]\n"
"Keyword-in-context lines for matches in a token stream.\n"
"  -e, --entry ENTRY      a jargon entry (lexicon:id or id; jargon column)\n"
"  -C, --category CAT     every jargon entry of this category\n"
"  -l, --lexicon FILE     lexicon for --category (repeatable;\n"
"                         default transitietaal.tsv)\n"
"  -s, --stem STEM        tokens with this stem\n"
"  -w, --word WORD        tokens with this word (case and accents folded;\n"
"                         several words: a phrase)\n"
"  -p, --pattern PATTERN  a pattern of the lexicon language (tt-lexicon(5))\n"
"  -W, --width N          context on each side: N characters (default 40)\n"
"                         or with --tokens N tokens (default 8)\n"
"      --left N           left context width\n"
"      --right N          right context width\n"
"  -t, --tokens           widths count tokens, not characters\n"
"  -S, --sentence         context only from the sentence of the match\n"
"      --sort left|right  sort the lines by the left or right context\n"
"      --color[=WHEN]     highlight the match: auto (default), always, never\n"
"      --tsv              TSV: doc, line, left, match, right, entry\n"
"  -h, --help             this help\n"
"  -V, --version          version\n"
"Exit status: 0 when something matched, 1 when nothing did, 2 on error.\n";

#define MAXWIDTH	1000	/* most characters or tokens of context */
#define JARGON_SPAN	256	/* most tokens a jargon match is followed */
#define COLOR_MATCH	"\033[1;31m"
#define COLOR_LOC	"\033[32m"
#define COLOR_OFF	"\033[0m"

/* A token in the ring: a copy of its line and where its fields are. */
struct tok {
	struct ttbuf	 line;
	uint32_t	 doc_off, doc_len, ln_off, ln_len, word_off, word_len;
	uint32_t	 val_off, val_len;	/* jargon value, or stem */
	uint64_t	 docno, sentno;	/* change at every new doc, sentence */
	int		 match;		/* the first token of a match */
	int		 span;		/* its tokens, 0 while not known */
	long		 entry;		/* pattern entry that matched, or -1 */
};

/* Options. */
static const char **entries, **categories, **lexpaths, **patterns;
static int nentries, ncategories, nlexpaths, npatterns;
static const char **words, **stems;
static int nwords, nstems;
static long opt_left = -1, opt_right = -1, opt_width = -1;
static int opt_tokens, opt_sentence, opt_sort, opt_color, opt_tsv;

/* Matching state. */
static struct intern *want_entries;	/* full keys of -e and -C */
static struct intern *want_ids;		/* bare ids of -e */
static struct intern *want_stems;
static struct lexicon *patlex;		/* -w and -p */
static struct matcher *matcher;
static char **patlabels;		/* label of each pattern entry */
static struct ttstemmer *stemmer;

/* The ring: tokens with index head..tail-1 (absolute numbers). */
static struct tok *ring;
static size_t ringsize;			/* a power of two */
static uint64_t head, tail;
static uint64_t settled;		/* tokens below have their marks */
static uint64_t next_check;		/* oldest token not yet looked at */
static int at_eof;
static long kleft, kright;		/* tokens kept for the context */

static unsigned long nmatches;

/* Sort mode: the buffered lines. */
struct outline {
	char	*key;
	char	*text;
	size_t	 textlen;
	uint64_t seq;
};
static struct outline *outlines;
static size_t noutlines, outcap;
static size_t locwidth, leftwidth_seen;

#define TOK(i)	(&ring[(i) & (ringsize - 1)])

/* ---- text: spacing, display width --------------------------------------- */

/* Whether a token that starts with these bytes closes up to the word
 * before it (no space before . , ; : ! ? ) ] } % and closing quotes). */
static int
closes_left(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	switch (s[0]) {
	case '.': case ',': case ';': case ':': case '!': case '?':
	case ')': case ']': case '}': case '%':
		return 1;
	}
	/* U+2019 right single quote, U+201D right double quote, U+00BB, U+2026 */
	if (n >= 3 && (memcmp(s, "\xe2\x80\x99", 3) == 0 ||
	    memcmp(s, "\xe2\x80\x9d", 3) == 0 ||
	    memcmp(s, "\xe2\x80\xa6", 3) == 0))
		return 1;
	if (n >= 2 && memcmp(s, "\xc2\xbb", 2) == 0)
		return 1;
	return 0;
}

/* Whether a token that ends with these bytes joins the word after it
 * (no space after ( [ { and opening quotes). */
static int
opens_right(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	switch (s[n - 1]) {
	case '(': case '[': case '{':
		return 1;
	}
	/* U+2018, U+201C, U+201E opening quotes, U+00AB */
	if (n >= 3 && (memcmp(s + n - 3, "\xe2\x80\x98", 3) == 0 ||
	    memcmp(s + n - 3, "\xe2\x80\x9c", 3) == 0 ||
	    memcmp(s + n - 3, "\xe2\x80\x9e", 3) == 0))
		return 1;
	if (n >= 2 && memcmp(s + n - 2, "\xc2\xab", 2) == 0)
		return 1;
	return 0;
}

/* Whether s[0..n) has a control character or a backslash. */
static int
needs_cleaning(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == '\\' ||
		    s[i] == 0x7f)
			return 1;
	return n == 1 && s[0] == '_';
}

/* The field s[0..n) unescaped into b when needed, with control characters
 * (from escapes or in the input) as spaces: text fit for a terminal. */
static const char *
clean_field(const char *s, size_t n, struct ttbuf *b, size_t *outn)
{
	size_t i;

	if (!needs_cleaning(s, n)) {
		*outn = n;
		return s;
	}
	field_unescape(b, s, n);
	for (i = 0; i < b->len; i++)
		if ((unsigned char)b->s[i] < 0x20 || b->s[i] == 0x7f)
			b->s[i] = ' ';
	*outn = b->len;
	return b->s;
}

static const char *
tok_word(const struct tok *t, struct ttbuf *b, size_t *n)
{
	return clean_field(t->line.s + t->word_off, t->word_len, b, n);
}

/* Whether the straight double quote at token i opens a quotation: an
 * even number of them before it in its sentence, as far back as the ring
 * reaches. */
static int
quote_opens(uint64_t i)
{
	const struct tok *t;
	uint64_t j;
	int n = 0;

	for (j = i; j > head && TOK(j - 1)->sentno == TOK(i)->sentno; j--) {
		t = TOK(j - 1);
		if (t->word_len == 1 && t->line.s[t->word_off] == '"')
			n++;
	}
	return n % 2 == 0;
}

/*
 * Appends the words of tokens [from, to) to out with natural spacing: no
 * space before closing punctuation, none after opening brackets and
 * quotes; a straight double quote opens or closes by its count in the
 * sentence.
 */
static void
join_tokens(struct ttbuf *out, uint64_t from, uint64_t to)
{
	static struct ttbuf tmp;
	static struct ttbuf prev;
	const char *w;
	size_t n;
	uint64_t i;
	int quote, opening = 0, prev_opening = 0;

	prev.len = 0;
	for (i = from; i < to; i++) {
		w = tok_word(TOK(i), &tmp, &n);
		quote = n == 1 && w[0] == '"';
		if (quote)
			opening = quote_opens(i);
		if (i > from && !prev_opening && !(quote && !opening) &&
		    !closes_left(w, n) && !opens_right(prev.s, prev.len))
			tt_buf_addc(out, ' ');
		tt_buf_add(out, w, n);
		prev.len = 0;
		tt_buf_add(&prev, w, n);
		prev_opening = quote && opening;
	}
}

/* Display width of one code point: 0 for marks, 2 for wide characters. */
static int
cp_width(utf8proc_int32_t cp)
{
	int w = utf8proc_charwidth(cp);

	return w < 0 ? 0 : w;
}

/* Display width of s[0..n) in terminal columns. */
static size_t
display_width(const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t w = 0, i = 0;

	while (i < n) {
		if (p[i] < 0x80) {
			w++;
			i++;
			continue;
		}
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			w++;
			i++;
			continue;
		}
		w += (size_t)cp_width(cp);
		i += (size_t)k;
	}
	return w;
}

/* Byte offset in s[0..n) where the last `cols` columns begin (so the rest
 * has width <= cols), not starting on a zero-width mark. */
static size_t
cut_left(const char *s, size_t n, size_t cols)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t total = display_width(s, n), i = 0;

	while (i < n && (total > cols || (i > 0 && p[i] >= 0x80 &&
	    (k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp)) > 0 &&
	    cp_width(cp) == 0))) {
		if (p[i] < 0x80) {
			total--;
			i++;
			continue;
		}
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			total--;
			i++;
			continue;
		}
		total -= (size_t)cp_width(cp);
		i += (size_t)k;
	}
	return i;
}

/* Length in bytes of the longest prefix of s[0..n) of width <= cols,
 * keeping the zero-width marks that follow its last character. */
static size_t
cut_right(const char *s, size_t n, size_t cols)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t w = 0, i = 0;
	int cw;

	while (i < n) {
		if (p[i] < 0x80) {
			k = 1;
			cw = 1;
		} else if ((k = utf8proc_iterate(p + i,
		    (utf8proc_ssize_t)(n - i), &cp)) <= 0) {
			k = 1;
			cw = 1;
		} else
			cw = cp_width(cp);
		if (w + (size_t)cw > cols)
			break;
		w += (size_t)cw;
		i += (size_t)k;
	}
	return i;
}

/* ---- matching ------------------------------------------------------------ */

/* Whether jargon value v (a first token: "lexicon:id") is asked for. */
static int
jargon_wanted(const char *v, size_t n)
{
	const char *colon;

	if (want_entries != NULL && intern_get(want_entries, v, n) >= 0)
		return 1;
	if (want_ids != NULL && (colon = memchr(v, ':', n)) != NULL &&
	    intern_get(want_ids, colon + 1, n - (size_t)(colon + 1 - v)) >= 0)
		return 1;
	return 0;
}

/*
 * The number of tokens of the jargon match that starts at token i: the
 * first token and every later "+value" token up to the last one before a
 * token that is neither "+value" nor "_" (gap tokens), in the same
 * sentence. Returns 0 when more tokens must be read to know.
 */
static int
jargon_span(uint64_t i)
{
	const struct tok *t = TOK(i), *u;
	const char *v = t->line.s + t->val_off;
	size_t n = t->val_len;
	uint64_t j, last = i;

	for (j = i + 1; j < tail && j - i < JARGON_SPAN; j++) {
		u = TOK(j);
		if (u->sentno != t->sentno)
			return (int)(last - i + 1);
		if (u->val_len == n + 1 && u->line.s[u->val_off] == '+' &&
		    memcmp(u->line.s + u->val_off + 1, v, n) == 0)
			last = j;
		else if (!(u->val_len == 1 && u->line.s[u->val_off] == '_'))
			return (int)(last - i + 1);
	}
	if (j - i >= JARGON_SPAN || at_eof)
		return (int)(last - i + 1);
	return 0;
}

/* Marks token t, just read, when it matches by jargon or stem. */
static void
mark_direct(struct tok *t, int cjargon, struct ttbuf *tmp)
{
	const char *v = t->line.s + t->val_off;
	size_t n = t->val_len;
	const char *s;
	size_t sn;

	if (cjargon >= 0) {
		if (n == 0 || v[0] == '+' || (n == 1 && v[0] == '_'))
			return;
		if (jargon_wanted(v, n))
			t->match = 1;
		return;
	}
	/* stems: the column's value, or the stem of the case-folded word */
	if (t->val_len > 0 || stemmer == NULL)
		s = v, sn = n;
	else {
		fold(tmp, t->line.s + t->word_off, t->word_len, FOLD_CASE);
		s = stemmer_stem(stemmer, tmp->s, tmp->len, &sn);
	}
	if (intern_get(want_stems, s, sn) >= 0) {
		t->match = 1;
		t->span = 1;
	}
}

/* Appends the word of t and a space to a sort key, unless it is only
 * ASCII punctuation. */
static void
key_word(struct ttbuf *key, const struct tok *t)
{
	static struct ttbuf wb;
	const char *w;
	size_t n, i;

	w = tok_word(t, &wb, &n);
	for (i = 0; i < n; i++)
		if ((unsigned char)w[i] >= 0x80 || (w[i] >= '0' &&
		    w[i] <= '9') || ((w[i] | 0x20) >= 'a' &&
		    (w[i] | 0x20) <= 'z'))
			break;
	if (i == n)
		return;
	tt_buf_add(key, w, n);
	tt_buf_addc(key, ' ');
}

/* ---- output ---------------------------------------------------------------- */

static void
out_spaces(size_t n)
{
	while (n-- > 0)
		out_char(' ');
}

static int
cmp_outline(const void *a, const void *b)
{
	const struct outline *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Writes one concordance line (or buffers it with --sort). */
static void
emit(uint64_t first, int span)
{
	static struct ttbuf left, kw, right, line, key, tmp, tmp2;
	const struct tok *t = TOK(first);
	uint64_t lo, hi, end = first + (uint64_t)span, i;
	size_t off, n, w, loc, docn, lnumn;
	const char *lbl, *doc, *lnum;
	size_t lbllen;
	int gap;
	struct outline *o;

	/* the context tokens: same doc (and sentence), within k tokens */
	lo = first;
	while (lo > head && first - lo < (uint64_t)kleft &&
	    TOK(lo - 1)->docno == t->docno &&
	    (!opt_sentence || TOK(lo - 1)->sentno == t->sentno))
		lo--;
	hi = end;
	while (hi < tail && hi - end < (uint64_t)kright &&
	    TOK(hi)->docno == t->docno &&
	    (!opt_sentence || TOK(hi)->sentno == t->sentno))
		hi++;
	left.len = kw.len = right.len = 0;
	tt_buf_reserve(&left, 0);
	tt_buf_reserve(&kw, 0);
	tt_buf_reserve(&right, 0);
	join_tokens(&left, lo, first);
	join_tokens(&kw, first, end);
	join_tokens(&right, end, hi);
	if (!opt_tokens) {
		off = cut_left(left.s, left.len, (size_t)opt_left);
		while (off < left.len && left.s[off] == ' ')
			off++;
		memmove(left.s, left.s + off, left.len - off);
		left.len -= off;
		right.len = cut_right(right.s, right.len, (size_t)opt_right);
		while (right.len > 0 && right.s[right.len - 1] == ' ')
			right.len--;
	}
	/* a space between match and right context unless it closes up */
	gap = right.len > 0 && !closes_left(right.s, right.len) &&
	    !opens_right(kw.s, kw.len);
	/* what matched: the entry, the pattern or word, the stem */
	if (t->entry >= 0) {
		lbl = patlabels[t->entry];
		lbllen = strlen(lbl);
	} else if (t->val_len > 0) {
		lbl = t->line.s + t->val_off;
		lbllen = t->val_len;
	} else {
		fold(&tmp, t->line.s + t->word_off, t->word_len, FOLD_CASE);
		lbl = stemmer_stem(stemmer, tmp.s, tmp.len, &lbllen);
	}
	nmatches++;

	if (opt_tsv) {
		line.len = 0;
		tt_buf_reserve(&line, 0);
		if (t->doc_len == 0)
			tt_buf_addc(&line, '_');
		else
			tt_buf_add(&line, t->line.s + t->doc_off, t->doc_len);
		tt_buf_addc(&line, '\t');
		tt_buf_add(&line, t->line.s + t->ln_off, t->ln_len);
		tt_buf_addc(&line, '\t');
		field_escape(&line, left.s, left.len, 0);
		tt_buf_addc(&line, '\t');
		field_escape(&line, kw.s, kw.len, 0);
		tt_buf_addc(&line, '\t');
		field_escape(&line, right.s, right.len, 0);
		tt_buf_addc(&line, '\t');
		field_escape(&line, lbl, lbllen, 0);
		if (!opt_sort) {
			out_bytes(line.s, line.len);
			out_char('\n');
			return;
		}
		loc = w = 0;
		goto keep;
	}

	/* the text line: location, left context right-aligned, match, right */
	line.len = 0;
	tt_buf_reserve(&line, 0);
	doc = clean_field(t->line.s + t->doc_off, t->doc_len, &tmp, &docn);
	lnum = clean_field(t->line.s + t->ln_off, t->ln_len, &tmp2, &lnumn);
	if (opt_color)
		tt_buf_add(&line, COLOR_LOC, strlen(COLOR_LOC));
	tt_buf_add(&line, doc, docn);
	tt_buf_addc(&line, ':');
	tt_buf_add(&line, lnum, lnumn);
	if (opt_color)
		tt_buf_add(&line, COLOR_OFF, strlen(COLOR_OFF));
	loc = display_width(doc, docn) + 1 + display_width(lnum, lnumn);
	tt_buf_addc(&line, '\x01');	/* padding after the location */
	w = display_width(left.s, left.len);
	n = opt_tokens ? 0 : (size_t)opt_left > w ? (size_t)opt_left - w : 0;
	if (opt_tokens && w > leftwidth_seen)
		leftwidth_seen = w;
	tt_buf_addc(&line, '\x02');	/* padding before the left context */
	tt_buf_add(&line, left.s, left.len);
	tt_buf_addc(&line, ' ');
	if (opt_color)
		tt_buf_add(&line, COLOR_MATCH, strlen(COLOR_MATCH));
	tt_buf_add(&line, kw.s, kw.len);
	if (opt_color)
		tt_buf_add(&line, COLOR_OFF, strlen(COLOR_OFF));
	if (gap)
		tt_buf_addc(&line, ' ');
	tt_buf_add(&line, right.s, right.len);
	/* the location column: as wide as the widest so far, in steps of 8
	 * so that places of a similar length line up from the start */
	if ((loc + 7) / 8 * 8 > locwidth)
		locwidth = (loc + 7) / 8 * 8;
	/* the widths of padding are stored as numbers after the markers */
	if (!opt_sort) {
		for (i = 0; i < line.len; i++) {
			if (line.s[i] == '\x01') {
				out_spaces(locwidth - loc + 2);
			} else if (line.s[i] == '\x02') {
				out_spaces(opt_tokens ? leftwidth_seen - w : n);
			} else
				out_char(line.s[i]);
		}
		out_char('\n');
		return;
	}

	/* --sort: keep the line with its key; padding is done at the end */
keep:
	key.len = 0;
	tt_buf_reserve(&key, 0);
	/* the context word by word from the match outwards, without
	 * punctuation, case and accents */
	tmp.len = 0;
	tt_buf_reserve(&tmp, 0);
	if (opt_sort == 'r') {
		for (i = end; i < hi; i++)
			key_word(&tmp, TOK(i));
	} else {
		for (i = first; i > lo; i--)
			key_word(&tmp, TOK(i - 1));
	}
	fold(&key, tmp.s, tmp.len, FOLD_CASE | FOLD_ACCENTS);
	if (noutlines == outcap) {
		outcap = outcap ? outcap * 2 : 256;
		outlines = tt_xrealloc(outlines, outcap * sizeof *outlines);
	}
	o = &outlines[noutlines];
	o->seq = noutlines++;
	o->key = tt_xstrdup(key.s);
	/* keep the location width and the left width for padding */
	o->text = tt_xmalloc(line.len + 2 * sizeof(size_t));
	memcpy(o->text, &loc, sizeof loc);
	memcpy(o->text + sizeof loc, &w, sizeof w);
	memcpy(o->text + 2 * sizeof loc, line.s, line.len);
	o->textlen = line.len;
}

/* Writes the sorted lines, padded now that all widths are known. */
static void
flush_sorted(void)
{
	size_t k, i, loc, w, maxleft = 0;
	const char *s;

	qsort(outlines, noutlines, sizeof *outlines, cmp_outline);
	for (k = 0; k < noutlines; k++) {
		memcpy(&w, outlines[k].text + sizeof w, sizeof w);
		if (w > maxleft)
			maxleft = w;
	}
	for (k = 0; k < noutlines; k++) {
		memcpy(&loc, outlines[k].text, sizeof loc);
		memcpy(&w, outlines[k].text + sizeof w, sizeof w);
		s = outlines[k].text + 2 * sizeof(size_t);
		for (i = 0; i < outlines[k].textlen; i++) {
			if (opt_tsv) {
				out_bytes(s, outlines[k].textlen);
				break;
			}
			if (s[i] == '\x01')
				out_spaces(locwidth - loc + 2);
			else if (s[i] == '\x02')
				out_spaces(opt_tokens ? maxleft - w :
				    (size_t)opt_left > w ? (size_t)opt_left - w :
				    0);
			else
				out_char(s[i]);
		}
		out_char('\n');
		free(outlines[k].text);
		free(outlines[k].key);
	}
	free(outlines);
}

/*
 * Looks at the settled tokens from next_check on: writes the line of each
 * match whose span and right context are known, and stops at the first
 * that needs more input. Then drops the tokens no longer needed as left
 * context.
 */
static void
process(void)
{
	struct tok *t;
	uint64_t end, j;
	int span;

	while (next_check < settled) {
		t = TOK(next_check);
		if (!t->match) {
			next_check++;
			continue;
		}
		span = t->span;
		if (span == 0 && (span = t->span =
		    jargon_span(next_check)) == 0)
			break;
		end = next_check + (uint64_t)span;
		/* the right context is complete when k tokens follow, or
		 * the doc (sentence) changes, or the input ends */
		if (!at_eof) {
			for (j = end; j < tail && j - end < (uint64_t)kright;
			    j++)
				if (TOK(j)->docno != t->docno ||
				    (opt_sentence && TOK(j)->sentno !=
				    t->sentno))
					break;
			if (j == tail && j - end < (uint64_t)kright)
				break;
		}
		emit(next_check, span);
		next_check++;
	}
	while (head + (uint64_t)kleft < next_check)
		head++;
}

/* Makes room for one more token at the tail; grows the ring when the
 * tokens still needed fill it. */
static struct tok *
ring_push(void)
{
	struct tok *nr;
	size_t nsize;
	uint64_t i;

	if (tail - head == ringsize) {
		nsize = ringsize * 2;
		nr = tt_xcalloc(nsize, sizeof *nr);
		for (i = head; i < tail; i++)
			nr[i & (nsize - 1)] = *TOK(i);
		free(ring);
		ring = nr;
		ringsize = nsize;
	}
	return TOK(tail);
}

/* Pops every token the matcher has settled and marks the matches. */
static void
settle_matcher(void)
{
	struct lexmark mk;
	struct tok *t;

	while (matcher_pop(matcher, &mk)) {
		t = TOK(settled);
		if (mk.role == LEX_FIRST && !t->match) {
			t->match = 1;
			t->span = mk.ntok;
			t->entry = mk.entry;
		}
		settled++;
	}
}

static void
field_pos(const struct ttstream *s, int c, uint32_t *off, uint32_t *len)
{
	if (c < 0) {
		*off = (uint32_t)s->linelen;
		*len = 0;
		return;
	}
	*off = (uint32_t)(s->f[c].s - s->line);
	*len = (uint32_t)s->f[c].len;
}

/* The lexicon of -w words and -p patterns; the -w words become phrases of
 * exact folded forms. */
static void
load_patterns(void)
{
	const char **all;
	struct ttbuf b = { 0 };
	const char *p, *sp;
	int i, n = 0;

	if (nwords + npatterns == 0)
		return;
	all = tt_xmalloc((size_t)(nwords + npatterns) * sizeof *all);
	patlabels = tt_xmalloc((size_t)(nwords + npatterns) *
	    sizeof *patlabels);
	for (i = 0; i < nwords; i++) {
		b.len = 0;
		for (p = words[i]; *p != '\0'; p = sp) {
			while (*p == ' ')
				p++;
			if (*p == '\0')
				break;
			sp = p + strcspn(p, " ");
			if (b.len > 0)
				tt_buf_addc(&b, ' ');
			tt_buf_addc(&b, '=');
			tt_buf_add(&b, p, (size_t)(sp - p));
		}
		if (b.len == 0)
			tt_die("--word: an empty word");
		patlabels[n] = tt_xstrdup(words[i]);
		all[n++] = tt_xstrdup(b.s);
	}
	for (i = 0; i < npatterns; i++) {
		patlabels[n] = tt_xstrdup(patterns[i]);
		all[n++] = patterns[i];
	}
	if ((patlex = lexicon_from_patterns(all, n, "--pattern")) == NULL)
		exit(2);
	matcher = matcher_new(patlex);
	for (i = 0; i < nwords; i++)
		free((char *)all[i]);
	free(all);
	tt_buf_free(&b);
}

/* The wanted jargon entries: -e values, and the entries of -C categories
 * in the lexicons. */
static void
load_entries(void)
{
	static const char *deflex[] = { "transitietaal.tsv" };
	struct lexicon *lx;
	const struct lexentry *e;
	size_t k;
	int i, found;

	if (nentries + ncategories == 0)
		return;
	want_entries = intern_new();
	for (i = 0; i < nentries; i++) {
		if (strchr(entries[i], ':') != NULL)
			intern_put(want_entries, entries[i],
			    strlen(entries[i]), NULL);
		else {
			if (want_ids == NULL)
				want_ids = intern_new();
			intern_put(want_ids, entries[i], strlen(entries[i]),
			    NULL);
		}
	}
	if (ncategories == 0)
		return;
	if ((lx = lexicon_load(nlexpaths ? lexpaths : deflex,
	    nlexpaths ? nlexpaths : 1)) == NULL)
		exit(2);
	for (i = 0; i < ncategories; i++) {
		found = 0;
		for (k = 0; k < lexicon_count(lx); k++) {
			e = lexicon_entry(lx, k);
			if (lexentry_in_category(lx, e, categories[i])) {
				intern_put(want_entries, e->key,
				    strlen(e->key), NULL);
				found = 1;
			}
		}
		if (!found) {
			/* freed first, so that a leak checker sees none */
			lexicon_free(lx);
			tt_die("--category %s: no entry of the lexicon has "
			    "this category", categories[i]);
		}
	}
	lexicon_free(lx);
}

/* Frees what main() loaded, so that leak checkers see no leak. */
static void
cleanup(void)
{
	size_t i;

	for (i = 0; i < ringsize; i++)
		tt_buf_free(&ring[i].line);
	free(ring);
	if (matcher != NULL)
		matcher_free(matcher);
	if (patlex != NULL) {
		for (i = 0; i < lexicon_count(patlex); i++)
			free(patlabels[i]);
		free(patlabels);
		lexicon_free(patlex);
	}
	if (want_entries != NULL)
		intern_free(want_entries);
	if (want_ids != NULL)
		intern_free(want_ids);
	if (want_stems != NULL)
		intern_free(want_stems);
	if (stemmer != NULL)
		stemmer_close(stemmer);
	free(entries);
	free(categories);
	free(lexpaths);
	free(patterns);
	free(words);
	free(stems);
}

static long
parse_width(const char *opt, const char *arg)
{
	long v = tt_parse_count(arg);

	if (v < 0 || v > MAXWIDTH)
		tt_die("%s %s: expected a whole number from 0 to %d", opt, arg,
		    MAXWIDTH);
	return v;
}

static const char **
list_add(const char **list, int *n, const char *s)
{
	list = tt_xrealloc(list, (size_t)(*n + 1) * sizeof *list);
	list[(*n)++] = s;
	return list;
}

int
main(int argc, char **argv)
{
	enum { OPT_LEFT = 256, OPT_RIGHT, OPT_SORT, OPT_COLOR, OPT_TSV };
	static const struct option longopts[] = {
		{ "entry", required_argument, NULL, 'e' },
		{ "category", required_argument, NULL, 'C' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "stem", required_argument, NULL, 's' },
		{ "word", required_argument, NULL, 'w' },
		{ "pattern", required_argument, NULL, 'p' },
		{ "width", required_argument, NULL, 'W' },
		{ "left", required_argument, NULL, OPT_LEFT },
		{ "right", required_argument, NULL, OPT_RIGHT },
		{ "tokens", no_argument, NULL, 't' },
		{ "sentence", no_argument, NULL, 'S' },
		{ "sort", required_argument, NULL, OPT_SORT },
		{ "color", optional_argument, NULL, OPT_COLOR },
		{ "colour", optional_argument, NULL, OPT_COLOR },
		{ "tsv", no_argument, NULL, OPT_TSV },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct ttstream st;
	struct ttbuf wbuf = { 0 }, sbuf = { 0 }, tmp = { 0 };
	struct tok *t;
	const char *w, *sv, *color = "auto", *nc;
	size_t wn, sn;
	int c, cdoc, cline, csent, cword, cjargon = -1, cstem = -1, ctype, has_doc;
	uint64_t docno = 0, sentno = 0;
	struct ttbuf prevdoc = { 0 }, prevsent = { 0 };
	int started = 0;

	tt_init(argv[0]);
	while ((c = getopt_long(argc, argv, "e:C:l:s:w:p:W:tShV", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'e':
			entries = list_add(entries, &nentries, optarg);
			break;
		case 'C':
			categories = list_add(categories, &ncategories,
			    optarg);
			break;
		case 'l':
			lexpaths = list_add(lexpaths, &nlexpaths, optarg);
			break;
		case 's':
			stems = list_add(stems, &nstems, optarg);
			break;
		case 'w':
			words = list_add(words, &nwords, optarg);
			break;
		case 'p':
			patterns = list_add(patterns, &npatterns, optarg);
			break;
		case 'W':
			opt_width = parse_width("--width", optarg);
			break;
		case OPT_LEFT:
			opt_left = parse_width("--left", optarg);
			break;
		case OPT_RIGHT:
			opt_right = parse_width("--right", optarg);
			break;
		case 't':
			opt_tokens = 1;
			break;
		case 'S':
			opt_sentence = 1;
			break;
		case OPT_SORT:
			if (strcmp(optarg, "left") == 0)
				opt_sort = 'l';
			else if (strcmp(optarg, "right") == 0)
				opt_sort = 'r';
			else
				tt_die("--sort %s: expected left or right",
				    optarg);
			break;
		case OPT_COLOR:
			color = optarg ? optarg : "always";
			if (strcmp(color, "auto") != 0 &&
			    strcmp(color, "always") != 0 &&
			    strcmp(color, "never") != 0)
				tt_die("--color=%s: expected auto, always or "
				    "never", color);
			break;
		case OPT_TSV:
			opt_tsv = 1;
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
	/* like grep: without -e, -C, -s, -w or -p the first operand is
	 * the word (or phrase) to look for */
	if (nentries + ncategories + nstems + nwords + npatterns == 0 &&
	    argc > 0) {
		words = list_add(words, &nwords, argv[0]);
		argc--;
		argv++;
	}
	if (nentries + ncategories + nstems + nwords + npatterns == 0) {
		tt_error("nothing to look for: give WORD, -e, -C, -s, -w or -p");
		tt_usage(usage);
	}
	if ((nentries + ncategories > 0) + (nstems > 0) +
	    (nwords + npatterns > 0) > 1)
		tt_die("-e/-C, -s and -w/-p exclude each other");
	if (opt_width < 0)
		opt_width = opt_tokens ? 8 : 40;
	if (opt_left < 0)
		opt_left = opt_width;
	if (opt_right < 0)
		opt_right = opt_width;
	/* a character of context is at least one token's worth */
	kleft = opt_left;
	kright = opt_right;
	nc = getenv("NO_COLOR");
	if (strcmp(color, "always") == 0)
		opt_color = 1;
	else if (strcmp(color, "auto") == 0)
		opt_color = isatty(STDOUT_FILENO) &&
		    (nc == NULL || *nc == '\0');
	if (opt_tsv)
		opt_color = 0;

	load_entries();
	load_patterns();
	if (nstems > 0) {
		want_stems = intern_new();
		for (c = 0; c < nstems; c++) {
			fold(&tmp, stems[c], strlen(stems[c]), FOLD_CASE);
			intern_put(want_stems, tmp.s, tmp.len, NULL);
		}
	}

	ringsize = 1024;
	while (ringsize < (size_t)(kleft + kright + JARGON_SPAN + 64))
		ringsize *= 2;
	ring = tt_xcalloc(ringsize, sizeof *ring);

	if (opt_tsv)
		out_str("#doc\tline\tleft\tmatch\tright\tentry\n");
	if (!stream_open(&st, argc, argv)) {
		stream_close(&st);
		cleanup();
		tt_buf_free(&tmp);
		if (tt_finish() != 0)
			return 2;
		return 1;
	}
	cword = stream_need(&st, "word", "run tt-tokenise first");
	cdoc = stream_col(&st, "doc");
	cline = stream_col(&st, "line");
	csent = stream_col(&st, "sent");
	ctype = stream_col(&st, "type");
	has_doc = cdoc >= 0;
	if (nentries + ncategories > 0)
		cjargon = stream_need(&st, "jargon", "run tt-jargon first");
	if (nstems > 0) {
		cstem = stream_col(&st, "stem");
		if (cstem < 0)
			stemmer = stemmer_open();
	}
	if (matcher != NULL)
		cstem = stream_col(&st, "stem");

	while (stream_next(&st)) {
		/* new document, new sentence */
		if (!started || (has_doc && (st.f[cdoc].len != prevdoc.len ||
		    memcmp(st.f[cdoc].s, prevdoc.s, prevdoc.len) != 0))) {
			docno++;
			sentno++;
			if (has_doc) {
				prevdoc.len = 0;
				tt_buf_add(&prevdoc, st.f[cdoc].s,
				    st.f[cdoc].len);
			}
			if (csent >= 0) {
				prevsent.len = 0;
				tt_buf_add(&prevsent, st.f[csent].s,
				    st.f[csent].len);
			}
			started = 1;
		} else if (csent >= 0 && (st.f[csent].len != prevsent.len ||
		    memcmp(st.f[csent].s, prevsent.s, prevsent.len) != 0)) {
			sentno++;
			prevsent.len = 0;
			tt_buf_add(&prevsent, st.f[csent].s, st.f[csent].len);
		}

		t = ring_push();
		t->line.len = 0;
		tt_buf_add(&t->line, st.line, st.linelen);
		field_pos(&st, cdoc, &t->doc_off, &t->doc_len);
		field_pos(&st, cline, &t->ln_off, &t->ln_len);
		field_pos(&st, cword, &t->word_off, &t->word_len);
		t->val_off = t->val_len = 0;
		if (cjargon >= 0)
			field_pos(&st, cjargon, &t->val_off, &t->val_len);
		else if (cstem >= 0 && nstems > 0)
			field_pos(&st, cstem, &t->val_off, &t->val_len);
		t->docno = docno;
		t->sentno = sentno;
		t->match = 0;
		t->span = 0;
		t->entry = -1;
		tail++;

		if (matcher != NULL) {
			w = stream_value(&st, cword, &wbuf, &wn);
			sv = NULL;
			sn = 0;
			if (cstem >= 0)
				sv = stream_value(&st, cstem, &sbuf, &sn);
			if (ctype >= 0 && lexicon_type_excluded(st.f[ctype].s,
			    st.f[ctype].len))
				wn = 0;
			matcher_feed(matcher, w, wn, sv, sn, sentno);
			settle_matcher();
		} else {
			mark_direct(t, cjargon, &tmp);
			settled = tail;
		}
		process();
	}
	if (matcher != NULL) {
		matcher_finish(matcher);
		settle_matcher();
	}
	at_eof = 1;
	process();
	if (opt_sort)
		flush_sorted();
	stream_close(&st);
	cleanup();
	tt_buf_free(&prevdoc);
	tt_buf_free(&prevsent);
	tt_buf_free(&wbuf);
	tt_buf_free(&sbuf);
	tt_buf_free(&tmp);
	if (tt_finish() != 0)
		return 2;
	return tt_status ? tt_status : nmatches > 0 ? 0 : 1;
}
