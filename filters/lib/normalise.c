/*
 * normalise.c - the core of tt-normalise: character clean-up of a line,
 * re-joining of words hyphenated at line ends, and the one-line tests of
 * page furniture detection. See normalise.h and tt-normalise(1).
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "err.h"
#include "fold.h"
#include "normalise.h"
#include "utf8.h"

/* ---- characters ------------------------------------------------------- */

/*
 * Class of each byte for the ASCII fast path: 0 needs no work, 1 needs
 * work (a control character, DEL or a byte of a multi-byte sequence).
 */
static unsigned char needwork[256];
static int needwork_ready;

static void
needwork_init(void)
{
	int c;

	for (c = 0; c < 256; c++)
		needwork[c] = (c < 0x20 || c >= 0x7F) ? 1 : 0;
	needwork['\t'] = 0;
	needwork['\f'] = 0;
	needwork_ready = 1;
}

int
norm_ascii_clean(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	if (!needwork_ready)
		needwork_init();
	/* Unrolled by four: this loop sees every byte of the input. */
	while (end - p >= 4) {
		if (needwork[p[0]] | needwork[p[1]] | needwork[p[2]] |
		    needwork[p[3]])
			return 0;
		p += 4;
	}
	while (p < end)
		if (needwork[*p++])
			return 0;
	return 1;
}

/* Appends the UTF-8 form of code point cp to b. */
static void
put_cp(struct ttbuf *b, int32_t cp)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t k;

	if (cp < 0x80) {
		tt_buf_addc(b, (int)cp);
		return;
	}
	k = utf8proc_encode_char(cp, tmp);
	tt_buf_add(b, (const char *)tmp, (size_t)k);
}

/*
 * Whether code point cp, written as it is, can neither change under NFC nor
 * combine with its neighbours: then a line made only of such characters
 * needs no NFC pass. Conservative: anything not known to be safe is not.
 */
static int
nfc_safe(int32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (cp >= 0x2010 && cp < 0x20D0)	/* punctuation, currency */
		return 1;
	if (cp >= 0x2150 && cp < 0x2329)	/* number forms, arrows, math */
		return 1;
	if (cp >= 0x232B && cp < 0x2C00)	/* technical, boxes, symbols */
		return 1;
	if (cp >= 0xFE00 && cp < 0xFE10)	/* variation selectors */
		return 1;
	if (cp >= 0x1F000 && cp < 0x1FB00)	/* emoji and pictographs */
		return 1;
	return cp == 0xFFFD;
}

/* Whether cp is a letter, by its Unicode category. */
static int
is_letter(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static int
is_upper(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int
is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

/* Decodes the code point at s[0..n); invalid bytes count as U+FFFD. */
static size_t
get_cp(const char *s, size_t n, int32_t *cp)
{
	size_t k;

	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	if ((k = utf8_decode((const unsigned char *)s, n, cp)) == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	return k;
}

/* Start of the code point that ends just before s[i] (i > 0). */
static size_t
prev_start(const char *s, size_t i)
{
	size_t j = i - 1;

	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	return j;
}

/* Appends the compatibility decomposition of cp (a ligature, a
 * full-width or half-width form) to b; says whether NFC must follow. */
static int
put_compat(struct ttbuf *b, int32_t cp)
{
	utf8proc_int32_t d[32];
	utf8proc_ssize_t k, i;
	int nfc = 0;

	k = utf8proc_decompose_char(cp, d, 32,
	    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, NULL);
	if (k <= 0 || k > 32) {
		put_cp(b, cp);
		return !nfc_safe(cp);
	}
	for (i = 0; i < k; i++) {
		put_cp(b, d[i]);
		if (!nfc_safe(d[i]))
			nfc = 1;
	}
	return nfc;
}

/* Width of the Unicode spaces folded to ' ' (all but the C0 ones). */
static int
is_odd_space(int32_t cp)
{
	return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	    cp == 0x3000 || cp == 0x85 || cp == 0x0B;
}

/* Invisible format characters that are removed everywhere. */
static int
is_invisible(int32_t cp)
{
	return cp == 0x200B || cp == 0x200E || cp == 0x200F || cp == 0xFEFF ||
	    cp == 0x180E || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F);
}

/*
 * The typographic punctuation folded to ASCII unless NORM_KEEP_PUNCT:
 * returns the replacement or NULL.
 */
static const char *
punct_ascii(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B:
	case 0x2039: case 0x203A: case 0x00B4: case 0x02BC:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F:
	case 0x00AB: case 0x00BB:
		return "\"";
	case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
	case 0x2E3A: case 0x2E3B: case 0xFE58: case 0xFE63:
		return "-";
	case 0x2026:
		return "...";
	}
	return NULL;
}

/* The last code point written to b, or 0. */
static int32_t
last_cp(const struct ttbuf *b)
{
	size_t p;
	int32_t cp;

	if (b->len == 0)
		return 0;
	p = prev_start(b->s, b->len);
	get_cp(b->s + p, b->len - p, &cp);
	return cp;
}

static int
is_mark(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x300)
		return 0;
	c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

/* Whether cp is a character beside which ZWJ and ZWNJ are kept: from
 * U+0250 up, and not one that norm_chars removes or folds to ASCII, nor a
 * generic combining mark (U+0300-U+036F), which NFC may fold into a Latin
 * letter. */
static int
joins_script(int32_t cp)
{
	return cp >= 0x250 && !(cp >= 0x300 && cp < 0x370) && cp != 0x2010 && cp != 0x2011 &&
	    !is_odd_space(cp) && !is_invisible(cp) && cp != 0x200C &&
	    cp != 0x200D && punct_ascii(cp) == NULL &&
	    !(cp >= 0xFB00 && cp <= 0xFB06) && !(cp >= 0xFF00 && cp <= 0xFFEF);
}

/* Whether cp is a blank or a character norm_chars removes. */
static int
is_void(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xAD || is_odd_space(cp) ||
	    is_invisible(cp) || cp == 0x200C || cp == 0x200D;
}

/* Offset just after the last code point of s[0..n) that is not void. */
static size_t
visible_end(const char *s, size_t n)
{
	size_t p;
	int32_t cp;

	while (n > 0) {
		p = prev_start(s, n);
		get_cp(s + p, n - p, &cp);
		if (!is_void(cp))
			break;
		n = p;
	}
	return n;
}

/*
 * Appends the NFC form of the valid UTF-8 text s[0..n) to out, running
 * utf8proc only over the pieces that need it: a run of characters that are
 * not nfc_safe(), together with the character before it (the starter a
 * mark may compose with). A safe character has no decomposition, is a
 * starter and is never the second part of a composition, so the text
 * splits around it without changing the result.
 */
static void
nfc_pieces(struct ttbuf *out, struct ttbuf *piece, const char *s, size_t n)
{
	size_t i = 0, k, start, prev = 0, done = 0;
	int32_t cp;

	while (i < n) {
		k = get_cp(s + i, n - i, &cp);
		if (nfc_safe(cp)) {
			prev = i;
			i += k;
			continue;
		}
		start = i > 0 ? prev : 0;
		while (i < n) {
			k = get_cp(s + i, n - i, &cp);
			if (nfc_safe(cp))
				break;
			i += k;
		}
		tt_buf_add(out, s + done, start - done);
		fold(piece, s + start, i - start, 0);
		tt_buf_add(out, piece->s, piece->len);
		done = i;
	}
	tt_buf_add(out, s + done, n - done);
}

/* What the full-width signs U+FFE0-U+FFE6 stand for: ¢ £ ¬ ¯ ¦ ¥ ₩. */
static const int32_t fullwidth_signs[] = {
	0xA2, 0xA3, 0xAC, 0xAF, 0xA6, 0xA5, 0x20A9
};

size_t
norm_chars(struct ttbuf *out, struct normscratch *sc, const char *s,
    size_t n, int flags)
{
	struct ttbuf *b;
	const char *rep;
	int32_t cp, prev, next;
	size_t i, k, vend = (size_t)-1;
	int nfc = 0;

	out->len = 0;
	if (norm_ascii_clean(s, n)) {
		tt_buf_add(out, s, n);
		return out->len;
	}
	/* Map into sc->tmp; whether NFC must follow is learnt on the way. */
	b = &sc->tmp;
	b->len = 0;
	tt_buf_reserve(b, n + 16);
	for (i = 0; i < n; i += k) {
		if (!needwork[(unsigned char)s[i]]) {
			/* A run of clean ASCII is copied in one go. */
			for (k = 1; i + k < n && !needwork[(unsigned char)s[i + k]];
			    k++)
				;
			tt_buf_add(b, s + i, k);
			continue;
		}
		k = get_cp(s + i, n - i, &cp);
		if (cp < 0x80) {
			if (cp >= 0x20 && cp < 0x7F)
				tt_buf_addc(b, (int)cp);
			else if (cp == '\t' || cp == '\f')
				tt_buf_addc(b, (int)cp);
			else if (cp == 0x0B)
				tt_buf_addc(b, ' ');
			/* other C0 controls and DEL are dropped */
			continue;
		}
		if (cp < 0xA0) {		/* C1 controls */
			if (cp == 0x85)
				tt_buf_addc(b, ' ');
			continue;
		}
		if (cp == 0xAD) {
			/* A soft hyphen only marks a break: kept only at the
			 * very end of a line, where the joiner needs it. */
			if (vend == (size_t)-1)
				vend = visible_end(s, n);
			prev = last_cp(b);
			if ((is_letter(prev) || is_digit(prev) || is_mark(prev))
			    && vend <= i)
				tt_buf_add(b, "\xC2\xAD", 2);
			continue;
		}
		if (is_odd_space(cp)) {
			tt_buf_addc(b, ' ');
			continue;
		}
		if (is_invisible(cp))
			continue;
		if (cp == 0x200C || cp == 0x200D) {
			/* ZWNJ and ZWJ join emoji and shape Indic or Persian
			 * letters: kept between two such characters, removed
			 * next to Latin text, digits, spaces or a line end. */
			next = 0;
			if (i + k < n)
				get_cp(s + i + k, n - i - k, &next);
			if (joins_script(last_cp(b)) && joins_script(next))
				put_cp(b, cp);
			continue;
		}
		if (cp == 0x2010 || cp == 0x2011) {	/* hyphens */
			tt_buf_addc(b, '-');
			continue;
		}
		if (!(flags & NORM_KEEP_PUNCT) && (rep = punct_ascii(cp)) != NULL) {
			tt_buf_add(b, rep, strlen(rep));
			continue;
		}
		if (cp == 0x132) {
			tt_buf_add(b, "IJ", 2);
			continue;
		}
		if (cp == 0x133) {
			tt_buf_add(b, "ij", 2);
			continue;
		}
		if ((cp >= 0xFB00 && cp <= 0xFB06) ||
		    (cp >= 0x1C4 && cp <= 0x1CC) || (cp >= 0x1F1 && cp <= 0x1F3)) {
			nfc |= put_compat(b, cp);
			continue;
		}
		if (cp >= 0xFF01 && cp <= 0xFF5E) {	/* full-width ASCII */
			tt_buf_addc(b, (int)(cp - 0xFEE0));
			continue;
		}
		if (cp >= 0xFFE0 && cp <= 0xFFE6) {	/* full-width signs */
			put_cp(b, fullwidth_signs[cp - 0xFFE0]);
			continue;
		}
		if (cp >= 0xFF5F && cp <= 0xFFEE) {	/* other width forms */
			nfc |= put_compat(b, cp);
			continue;
		}
		put_cp(b, cp);
		if (!nfc_safe(cp))
			nfc = 1;
	}
	if (nfc)
		nfc_pieces(out, &sc->piece, b->s, b->len);
	else
		tt_buf_add(out, b->s, b->len);
	return out->len;
}

void
norm_scratch_free(struct normscratch *sc)
{
	tt_buf_free(&sc->tmp);
	tt_buf_free(&sc->piece);
}

/* ---- hyphens at line ends --------------------------------------------- */

#define HY_NONE	0
#define HY_HYPHEN 1
#define HY_SOFT	2

/*
 * Finds the hyphen that ends s[0..n) (trailing blanks allowed after it):
 * returns HY_HYPHEN for '-' after a letter or digit, HY_SOFT for a soft
 * hyphen after a letter or digit, HY_NONE else; *pos is the hyphen's
 * offset.
 */
static int
line_end_hyphen(const char *s, size_t n, size_t *pos)
{
	size_t e = n, h, p;
	int kind;
	int32_t cp;

	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (e >= 1 && s[e - 1] == '-') {
		h = e - 1;
		kind = HY_HYPHEN;
	} else if (e >= 2 && (unsigned char)s[e - 2] == 0xC2 &&
	    (unsigned char)s[e - 1] == 0xAD) {
		h = e - 2;
		kind = HY_SOFT;
	} else
		return HY_NONE;
	if (h == 0)
		return HY_NONE;
	p = prev_start(s, h);
	get_cp(s + p, h - p, &cp);
	if (!is_letter(cp) && !is_digit(cp) &&
	    !(kind == HY_SOFT && is_mark(cp)))
		return HY_NONE;
	*pos = h;
	return kind;
}

static int
lower_ascii(int32_t cp)
{
	return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
}

/* The base vowel of a Latin-1 letter, lower case, or 0 when it is none. */
static int
vowel_of(int32_t cp)
{
	static const char *const accented[] = {
		"a\xC3\xA0\xC3\xA1\xC3\xA2\xC3\xA4",
		"e\xC3\xA8\xC3\xA9\xC3\xAA\xC3\xAB",
		"i\xC3\xAC\xC3\xAD\xC3\xAE\xC3\xAF",
		"o\xC3\xB2\xC3\xB3\xC3\xB4\xC3\xB6",
		"u\xC3\xB9\xC3\xBA\xC3\xBB\xC3\xBC",
	};
	size_t v, i;
	int32_t c;

	cp = lower_ascii(cp);
	if (cp < 0x80)
		return cp != 0 && strchr("aeiouy", (int)cp) != NULL ? (int)cp : 0;
	if (cp >= 0xC0 && cp <= 0xDF)	/* upper-case Latin-1 letters */
		cp += 0x20;
	for (v = 0; v < 5; v++)
		for (i = 1; accented[v][i] != '\0'; i += 2) {
			get_cp(accented[v] + i, 2, &c);
			if (c == cp)
				return accented[v][0];
		}
	return 0;
}

/*
 * Whether the vowels x (end of the first part) and y (start of the second)
 * would read as one sound if written together: Dutch then writes a hyphen
 * in a compound (zee-egel, auto-ongeluk, na-apen, mini-instelling).
 */
static int
has_diaeresis(int32_t cp)
{
	return cp == 0xC4 || cp == 0xCB || cp == 0xCF || cp == 0xD6 ||
	    cp == 0xDC || cp == 0xE4 || cp == 0xEB || cp == 0xEF ||
	    cp == 0xF6 || cp == 0xFC;
}

static int
vowel_clash(int x, int y)
{
	static const char *const digraphs[] = {
		"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii",
		"oe", "oi", "oo", "ou", "ui", "uu", "ue", NULL
	};
	int i;

	for (i = 0; digraphs[i] != NULL; i++)
		if (digraphs[i][0] == x && digraphs[i][1] == y)
			return 1;
	return 0;
}

static int
in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return 1;
	return 0;
}

/*
 * Whether a short all-letter first part (lower case ASCII, n <= 4) reads
 * like an acronym rather than a Dutch word: no vowel at all (ggz, pgb),
 * two first consonants no Dutch word starts with (wmo, vwo, mbo), a last
 * letter no Dutch word ends with (v and z are written f and s at the end:
 * awbz, uwv), or two last consonants no short Dutch word ends with (ict).
 * 'j' after 'i' (ij) and 'w' after a vowel (uw, ouw) count as vowels.
 */
static int
acronym_like(const char *w, size_t n)
{
	static const char *const onsets[] = {
		"bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl",
		"gn", "gr", "kl", "kn", "kr", "kw", "ph", "pl", "pr", "ps",
		"sc", "sf", "sh", "sj", "sk", "sl", "sm", "sn", "sp", "st",
		"sw", "th", "tj", "tr", "ts", "tw", "vl", "vr", "wh", "wr",
		"zw", NULL
	};
	static const char *const codas[] = {
		"ch", "ck", "ds", "dt", "ft", "gd", "gs", "gt", "kt", "ks",
		"ld", "lf", "lg", "lk", "lm", "ln", "lp", "ls", "lt", "mb",
		"md", "mp", "ms", "mt", "nd", "ng", "nk", "ns", "nt", "pt",
		"ps", "rd", "rf", "rg", "rk", "rl", "rm", "rn", "rp", "rs",
		"rt", "sk", "sp", "st", "ts", "th", "sh", "ff", "ll", "ss",
		"tt", "xt", "nc", "rc", "ht", "bt", NULL
	};
	int vowel[8];
	size_t i;
	int any = 0;

	if (n < 2 || n > 4)
		return 0;
	for (i = 0; i < n; i++) {
		vowel[i] = strchr("aeiouy", w[i]) != NULL;
		if (w[i] == 'j' && i > 0 && w[i - 1] == 'i')
			vowel[i] = 1;
		if (w[i] == 'w' && i > 0 && vowel[i - 1])
			vowel[i] = 1;
		any |= vowel[i];
	}
	if (!any)
		return 1;
	if (!vowel[0] && !vowel[1] && !in_list(onsets, w, 2))
		return 1;
	if (w[n - 1] == 'v' || w[n - 1] == 'z' || w[n - 1] == 'q')
		return 1;
	if (!vowel[n - 2] && !vowel[n - 1] && !in_list(codas, w + n - 2, 2))
		return 1;
	return 0;
}

/* Words that follow an elision hyphen: "zorg- en welzijnsinstellingen". */
static const char *const conjunctions[] = {
	"en", "of", "tot", "noch", "als", "dan", "maar", "ofwel", "alsook",
	"alsmede", "evenals", "respectievelijk", "resp", "cq", NULL
};

int
norm_join_decision(const char *a, size_t alen, const char *b, size_t blen)
{
	char low[8], aw[8], bw[24];
	size_t h, i, p, nletters, nupper, bn, bstart;
	int32_t cp = 0, last = 0, bfirst;
	int kind, inword, glide, allascii = 1;

	if ((kind = line_end_hyphen(a, alen, &h)) == HY_NONE)
		return NORM_NOJOIN;
	/* The continuation: the first text of b after blanks and form feeds. */
	for (bstart = 0; bstart < blen && (b[bstart] == ' ' ||
	    b[bstart] == '\t' || b[bstart] == '\f'); bstart++)
		;
	if (bstart == blen)
		return NORM_NOJOIN;
	get_cp(b + bstart, blen - bstart, &bfirst);
	if (!is_letter(bfirst) && !is_digit(bfirst))
		return NORM_NOJOIN;
	if (kind == HY_SOFT)
		return NORM_JOIN;

	/* The first part: the letters just before the hyphen. */
	p = h;
	nletters = nupper = 0;
	while (p > 0) {
		i = prev_start(a, p);
		get_cp(a + i, p - i, &cp);
		if (!is_letter(cp))
			break;
		if (nletters == 0)
			last = cp;
		if (nletters < sizeof low)
			low[nletters] = (char)lower_ascii(cp);
		if (cp >= 0x80)
			allascii = 0;
		nletters++;
		nupper += is_upper(cp);
		p = i;
	}
	/* Whether the part stands after a hyphen (Zuid-A-merikaanse). */
	inword = p > 0 && a[p - 1] == '-';

	/* The second part's first word, lower case, for the elision test. */
	for (bn = 0, i = bstart; i < blen && bn < sizeof bw; ) {
		size_t k = get_cp(b + i, blen - i, &cp);
		if (is_letter(cp)) {
			bw[bn++] = (char)lower_ascii(cp);
			i += k;
		} else if (cp == '.' && i + 1 < blen && b[i + 1] != ' ') {
			i += k;		/* c.q., resp. */
		} else
			break;
	}
	/* A stem in -aai, -ooi, -oei, -eei: its i is a glide and a vowel
	 * after it starts the next syllable (draai-en, bloei-end). */
	glide = nletters >= 3 && low[0] == 'i' &&
	    ((low[1] == 'a' && low[2] == 'a') || (low[1] == 'o' &&
	    low[2] == 'o') || (low[1] == 'e' && low[2] == 'o') ||
	    (low[1] == 'e' && low[2] == 'e'));
	/* An elided first part is a word of its own (zorg-, jeugd-, 0-), not
	 * a syllable like zo- of zo-als, nor a verb stem before -en. */
	if ((nletters == 0 || nletters >= 3) &&
	    !(glide && bn == 2 && memcmp(bw, "en", 2) == 0)) {
		if (bn < sizeof bw && in_list(conjunctions, bw, bn) &&
		    (i >= blen || (!is_letter(cp) && !is_digit(cp))))
			return NORM_NOJOIN;
		if (bn == 1 && i + 2 < blen && b[i] == '/')
			return NORM_NOJOIN;	/* t/m */
	}
	if (nletters == 0)		/* a digit before the hyphen: 18-jarige */
		return NORM_JOINKEEP;
	if (is_upper(bfirst) || is_digit(bfirst))	/* Noord-Holland */
		return NORM_JOINKEEP;
	if (nletters == 1 && !inword)			/* e-mail, x-as */
		return NORM_JOINKEEP;
	if (nupper == nletters && nletters > 1)		/* GGZ-, WMO- */
		return NORM_JOINKEEP;
	if (allascii && nletters <= 4) {
		for (i = 0; i < nletters; i++)	/* low[] was filled backwards */
			aw[i] = low[nletters - 1 - i];
		if (acronym_like(aw, nletters))
			return NORM_JOINKEEP;	/* ggz-, pgb-, wmo-, Wmo- */
	}
	if (glide && vowel_of(bfirst))
		return NORM_JOIN;
	/* The adjective endings -eel, -ele, -eus, -euze after i or u
	 * (financi-eel, actu-ele, seri-eus, religi-euze) are no second word. */
	if ((last == 'i' || last == 'u') && bn >= 3 &&
	    (memcmp(bw, "eel", 3) == 0 || memcmp(bw, "eus", 3) == 0 ||
	    memcmp(bw, "euz", 3) == 0 || (bn <= 4 && memcmp(bw, "ele", 3) == 0
	    && (bn == 3 || bw[3] == 'n' || bw[3] == 'r'))))
		return NORM_JOIN;
	/* A diaeresis on the second vowel already says the vowels are read
	 * apart (financi-ën): no clash then. */
	if (!has_diaeresis(bfirst) &&
	    vowel_clash(vowel_of(last), vowel_of(bfirst)))
		return NORM_JOINKEEP;			/* zee-egel */
	return NORM_JOIN;
}

/* ---- the joiner ------------------------------------------------------- */

#define JOIN_QUEUE_MAX	16

void
normjoin_init(struct normjoin *j, void (*emit)(const char *, size_t, void *),
    void *arg)
{
	memset(j, 0, sizeof *j);
	j->emit = emit;
	j->arg = arg;
}

/* Whether s[0..n) holds nothing but blanks; *ff says it has a form feed. */
static int
is_blank_line(const char *s, size_t n, int *ff)
{
	size_t i;

	*ff = 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '\f')
			*ff = 1;
		else if (s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	return 1;
}

/* Emits the held line (without a soft hyphen left at its end) and the
 * lines queued after it. */
static void
release(struct normjoin *j)
{
	size_t h, q;
	struct ttbuf *b = &j->held;

	if (line_end_hyphen(b->s, b->len, &h) == HY_SOFT)
		b->len = h;
	j->emit(b->s, b->len, j->arg);
	for (q = 0; q < j->nqueue; q++)
		j->emit(j->queue[q].s, j->queue[q].len, j->arg);
	j->nqueue = 0;
	j->holding = 0;
	j->pagebreak = j->plainblank = 0;
}

static void
enqueue(struct normjoin *j, const char *s, size_t n)
{
	if (j->nqueue == j->qcap) {
		j->qcap = j->qcap ? j->qcap * 2 : 4;
		j->queue = tt_xrealloc(j->queue, j->qcap * sizeof *j->queue);
		memset(j->queue + j->nqueue, 0,
		    (j->qcap - j->nqueue) * sizeof *j->queue);
	}
	j->queue[j->nqueue].len = 0;
	tt_buf_add(&j->queue[j->nqueue], s, n);
	j->nqueue++;
}

/* A line with nothing held: held when it may continue, emitted else. */
static void
fresh(struct normjoin *j, const char *s, size_t n)
{
	size_t h, e;

	if (line_end_hyphen(s, n, &h) != HY_NONE) {
		j->held.len = 0;
		tt_buf_add(&j->held, s, n);
		j->holding = 1;
		return;
	}
	e = n;
	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (e >= 2 && (unsigned char)s[e - 2] == 0xC2 &&
	    (unsigned char)s[e - 1] == 0xAD) {
		/* A soft hyphen left after a character NFC made a symbol. */
		j->tmp.len = 0;
		tt_buf_add(&j->tmp, s, e - 2);
		tt_buf_add(&j->tmp, s + e, n - e);
		j->emit(j->tmp.s, j->tmp.len, j->arg);
		return;
	}
	j->emit(s, n, j->arg);
}

void
normjoin_line(struct normjoin *j, const char *s, size_t n, int furniture)
{
	struct ttbuf *held = &j->held, *rest = &j->rest;
	size_t h, i, ffs, cs, ce;
	int ff, d, blank;

	blank = is_blank_line(s, n, &ff);
	if (!j->holding) {
		if (blank && (furniture || ff))
			j->emit(s, n, j->arg);
		else
			fresh(j, s, n);
		return;
	}
	if (blank && j->nqueue < JOIN_QUEUE_MAX) {
		/* Looked through for now: furniture, a page break, or blank
		 * lines that only count if a page break comes with them. */
		enqueue(j, s, n);
		if (furniture || ff)
			j->pagebreak = 1;
		else
			j->plainblank = 1;
		return;
	}
	d = blank || (j->plainblank && !j->pagebreak) ? NORM_NOJOIN :
	    norm_join_decision(held->s, held->len, s, n);
	if (d == NORM_NOJOIN) {
		release(j);
		if (blank && (furniture || ff))
			j->emit(s, n, j->arg);
		else
			fresh(j, s, n);
		return;
	}

	/* Move the first chunk of s (up to a blank) to the held line. */
	for (i = 0, ffs = 0; i < n && (s[i] == ' ' || s[i] == '\t' ||
	    s[i] == '\f'); i++)
		ffs += s[i] == '\f';
	cs = i;
	for (ce = cs; ce < n && s[ce] != ' ' && s[ce] != '\t' &&
	    s[ce] != '\f'; ce++)
		;
	line_end_hyphen(held->s, held->len, &h);
	held->len = d == NORM_JOINKEEP ? h + 1 : h;
	tt_buf_add(held, s + cs, ce - cs);
	for (i = ce; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	rest->len = 0;
	while (ffs-- > 0)
		tt_buf_addc(rest, '\f');
	tt_buf_add(rest, s + i, n - i);
	if (is_blank_line(rest->s, rest->len, &ff) &&
	    line_end_hyphen(held->s, held->len, &h) != HY_NONE &&
	    j->nqueue < JOIN_QUEUE_MAX) {
		/* samen-|werkings-|verband: the middle line is now empty and
		 * the held word goes on. */
		enqueue(j, rest->s, rest->len);
		return;
	}
	release(j);
	if (is_blank_line(rest->s, rest->len, &ff))
		j->emit(rest->s, rest->len, j->arg);
	else
		fresh(j, rest->s, rest->len);
}

void
normjoin_flush(struct normjoin *j)
{
	if (j->holding)
		release(j);
}

void
normjoin_free(struct normjoin *j)
{
	size_t q;

	for (q = 0; q < j->qcap; q++)
		tt_buf_free(&j->queue[q]);
	free(j->queue);
	tt_buf_free(&j->held);
	tt_buf_free(&j->rest);
	tt_buf_free(&j->tmp);
	memset(j, 0, sizeof *j);
}

/* ---- page furniture --------------------------------------------------- */

/* Skips ASCII digits from s[*i]; returns how many. */
static size_t
skip_digits(const char *s, size_t n, size_t *i)
{
	size_t k = 0;

	while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
		(*i)++;
		k++;
	}
	return k;
}

/* Skips blanks and the decoration around page numbers: - ( ) [ ] and the
 * en and em dash. */
static void
skip_deco(const char *s, size_t n, size_t *i)
{
	for (;;) {
		if (*i < n && strchr(" \t\f-()[]|", s[*i]) != NULL && s[*i] != 0)
			(*i)++;
		else if (*i + 2 < n && (unsigned char)s[*i] == 0xE2 &&
		    (unsigned char)s[*i + 1] == 0x80 &&
		    ((unsigned char)s[*i + 2] == 0x93 ||
		    (unsigned char)s[*i + 2] == 0x94))
			*i += 3;
		else
			return;
	}
}

/* Whether s[i..) starts with word w, case-insensitively; advances. */
static int
take_word(const char *s, size_t n, size_t *i, const char *w)
{
	size_t k, len = strlen(w);

	if (n - *i < len)
		return 0;
	for (k = 0; k < len; k++)
		if (lower_ascii((unsigned char)s[*i + k]) != w[k])
			return 0;
	*i += len;
	return 1;
}

int
norm_pagenumber(const char *s, size_t n)
{
	static const char *const words[] = {
		"pagina", "pag.", "blz.", "blz", "bladzijde", "page", "pg.",
		"p.", NULL
	};
	size_t i = 0, k;
	int w;

	skip_deco(s, n, &i);
	for (w = 0; words[w] != NULL; w++)
		if (take_word(s, n, &i, words[w])) {
			while (i < n && s[i] == ' ')
				i++;
			break;
		}
	if (skip_digits(s, n, &i) == 0) {
		/* Roman numerals of front matter: i, ii, iv, xii. */
		for (k = 0; i < n && strchr("ivxlcIVXLC", s[i]) != NULL &&
		    s[i] != 0; i++)
			k++;
		if (k == 0 || k > 7)
			return 0;
		skip_deco(s, n, &i);
		return i == n;
	}
	while (i < n && s[i] == ' ')
		i++;
	if (i < n && s[i] == '/') {
		i++;
		while (i < n && s[i] == ' ')
			i++;
		if (skip_digits(s, n, &i) == 0)
			return 0;
	} else if (take_word(s, n, &i, "van") || take_word(s, n, &i, "of")) {
		while (i < n && s[i] == ' ')
			i++;
		if (skip_digits(s, n, &i) == 0)
			return 0;
	}
	skip_deco(s, n, &i);
	return i == n;
}

uint64_t
norm_furniture_key(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i = 0, e = n, len = 0;
	int space = 0, digit = 0;
	unsigned char c;

	while (i < e && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
		i++;
	while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
	    s[e - 1] == '\f'))
		e--;
	if (i == e || e - i > NORM_FURNITURE_MAX)
		return 0;
	for (; i < e; i++) {
		c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\f') {
			space = 1;
			digit = 0;
			continue;
		}
		if (c >= '0' && c <= '9') {
			if (digit)
				continue;
			c = '#';
			digit = 1;
		} else
			digit = 0;
		if (space) {
			h = (h ^ ' ') * 1099511628211ULL;
			space = 0;
		}
		h = (h ^ c) * 1099511628211ULL;
		len++;
	}
	return h != 0 ? h : 1;
}
