/*
 * tokenise.c - the Dutch tokeniser: abbreviation list, scanner, sentence
 * boundaries, paragraphs and transcript turns. See tokenise.h.
 *
 * The scanner works on bytes with a 128-entry class table for ASCII and
 * asks utf8proc for the category of other code points only. A token is
 * handed to the callback as soon as it is scanned: whether the token
 * before it ended a sentence is decided at that moment, from the kind of
 * that token (full stop, abbreviation, ...) and the first character of
 * the new one, so no token is ever buffered.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "err.h"
#include "hash.h"
#include "reader.h"
#include "tokenise.h"
#include "utf8.h"

const char *const toktype_name[] = {
	"word", "num", "punct", "sym", "url", "email", "tag", "abbr"
};

/* ---- character classes ------------------------------------------------ */

#define C_SPACE		0x01
#define C_UPPER		0x02
#define C_LOWER		0x04
#define C_OLETTER	0x08	/* a letter without case */
#define C_DIGIT		0x10
#define C_MARK		0x20	/* combining marks, joiners: inside words */
#define C_PUNCT		0x40
#define C_SYM		0x80
#define C_LETTER	(C_UPPER | C_LOWER | C_OLETTER)
#define C_WORD		(C_LETTER | C_DIGIT | C_MARK)

static unsigned char ascii_class[128];
static unsigned char ascii_letter[256];	/* 1 for A-Z and a-z */

static void
classes_init(void)
{
	int c;

	if (ascii_class['a'] != 0)
		return;
	for (c = 0; c < 128; c++) {
		if (c <= ' ' || c == 0x7f)
			ascii_class[c] = C_SPACE;
		else if (c >= 'a' && c <= 'z')
			ascii_class[c] = C_LOWER;
		else if (c >= 'A' && c <= 'Z')
			ascii_class[c] = C_UPPER;
		else if (c >= '0' && c <= '9')
			ascii_class[c] = C_DIGIT;
		else if (strchr("$%&*+<=>^`|~#@", c) != NULL)
			ascii_class[c] = C_SYM;
		else
			ascii_class[c] = C_PUNCT;
		ascii_letter[c] = (ascii_class[c] & (C_LOWER | C_UPPER)) != 0;
	}
}

/* Decodes the code point at p (before end); *k gets its length. Bytes that
 * are not valid UTF-8 count as U+FFFD of length 1, so any input is safe
 * (text from the reader is valid already). */
static int32_t
decode(const char *p, const char *end, int *k)
{
	const unsigned char *s = (const unsigned char *)p;
	int32_t cp;
	size_t n;

	if (s[0] < 0x80) {
		*k = 1;
		return (int32_t)s[0];
	}
	if ((n = utf8_decode(s, (size_t)(end - p), &cp)) == 0) {
		*k = 1;
		return 0xFFFD;
	}
	*k = (int)n;
	return cp;
}

/* Class of a code point outside ASCII, from its Unicode category. */
static int
cp_class(int32_t cp)
{
	switch (cp) {
	case 0x00AD:		/* soft hyphen */
	case 0x200C:		/* zero-width non-joiner */
	case 0x200D:		/* zero-width joiner */
	case 0x2060:		/* word joiner */
		return C_MARK;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return C_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return C_LOWER;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return C_OLETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return C_SPACE;
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return C_PUNCT;
	default:
		return C_SYM;
	}
}

/* Class of the character at p (p < end), its length in *k. */
static inline int
class_at(const char *p, const char *end, int *k)
{
	unsigned char c = (unsigned char)*p;

	if (c < 0x80) {
		*k = 1;
		return ascii_class[c];
	}
	return cp_class(decode(p, end, k));
}

/* Class of the character at p, or C_SPACE at the end of the text. */
static inline int
class_or_space(const char *p, const char *end)
{
	int k;

	return p < end ? class_at(p, end, &k) : C_SPACE;
}

/* Whether p starts the UTF-8 bytes of code point cp (a 3-byte one). */
static inline int
is_cp3(const char *p, const char *end, int32_t cp)
{
	return end - p >= 3 &&
	    (unsigned char)p[0] == (0xE0 | ((cp >> 12) & 0x0F)) &&
	    (unsigned char)p[1] == (0x80 | ((cp >> 6) & 0x3F)) &&
	    (unsigned char)p[2] == (0x80 | (cp & 0x3F));
}

static inline int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* ---- the abbreviation list -------------------------------------------- */

#define ABBR_MAXLEN	64

struct abbrevs {
	struct intern	*names;		/* ASCII-lower-cased entries */
	unsigned char	*kinds;		/* by intern id */
	size_t		 kindcap;
};

struct abbrevs *
abbrevs_new(void)
{
	struct abbrevs *a = tt_xcalloc(1, sizeof *a);

	a->names = intern_new();
	return a;
}

void
abbrevs_free(struct abbrevs *a)
{
	if (a == NULL)
		return;
	intern_free(a->names);
	free(a->kinds);
	free(a);
}

/* Copies s[0..n) lower-cased (ASCII letters only) into buf; apostrophes
 * U+2019 become '. Returns the new length, or 0 if it does not fit. */
static size_t
abbr_key(char *buf, const char *s, size_t n)
{
	size_t i, j;

	for (i = j = 0; i < n; i++) {
		if (j >= ABBR_MAXLEN)
			return 0;
		if (is_cp3(s + i, s + n, 0x2019)) {
			buf[j++] = '\'';
			i += 2;
			continue;
		}
		buf[j++] = (char)ascii_lower((unsigned char)s[i]);
	}
	return j;
}

int
abbrevs_add(struct abbrevs *a, const char *s, size_t n, int kind)
{
	char key[ABBR_MAXLEN];
	size_t len;
	uint32_t id;

	if (n == 0 || (len = abbr_key(key, s, n)) == 0)
		return -1;
	id = intern_put(a->names, key, len, NULL);
	if (id >= a->kindcap) {
		a->kindcap = a->kindcap ? a->kindcap * 2 : 256;
		while (id >= a->kindcap)
			a->kindcap *= 2;
		a->kinds = tt_xrealloc(a->kinds, a->kindcap);
	}
	a->kinds[id] = (unsigned char)kind;
	return 0;
}

int
abbrevs_kind(const struct abbrevs *a, const char *s, size_t n)
{
	char key[ABBR_MAXLEN];
	size_t len;
	int64_t id;

	if (n == 0 || (len = abbr_key(key, s, n)) == 0)
		return -1;
	if ((id = intern_get(a->names, key, len)) < 0)
		return -1;
	return a->kinds[id];
}

size_t
abbrevs_count(const struct abbrevs *a)
{
	return intern_count(a->names);
}

/* Reads the list: an entry, optionally a TAB and its kind; '#' at the
 * start of a line makes it a comment. Entries may hold spaces (labels). */
int
abbrevs_load(struct abbrevs *a, const char *path)
{
	static const char *const kinds[] = {
		"end", "pre", "word", "clitic", "label", NULL
	};
	struct ttreader r;
	const char *s, *e, *w, *k, *ke;
	int kind, n, i, rc = 0;

	if (reader_open(&r, path, 1) < 0)
		return -1;
	while ((n = reader_next(&r)) == 1) {
		s = r.line;
		e = s + r.len;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		if (s == e || *s == '#')
			continue;
		if ((w = memchr(s, '\t', (size_t)(e - s))) == NULL)
			w = e;
		for (k = w; k < e && (*k == ' ' || *k == '\t'); k++)
			;
		for (ke = e; ke > k && (ke[-1] == ' ' || ke[-1] == '\t'); ke--)
			;
		while (w > s && w[-1] == ' ')
			w--;
		kind = ABBR_END;
		if (k < ke) {
			for (i = 0; kinds[i] != NULL; i++)
				if (strlen(kinds[i]) == (size_t)(ke - k) &&
				    memcmp(kinds[i], k, (size_t)(ke - k)) == 0)
					break;
			if (kinds[i] == NULL) {
				tt_error("%s:%lu: unknown kind '%.*s' (pre, "
				    "word, clitic, label or end)", r.name,
				    r.lineno, (int)(ke - k), k);
				rc = -1;
				continue;
			}
			kind = i;
		}
		if (abbrevs_add(a, s, (size_t)(w - s), kind) < 0) {
			tt_error("%s:%lu: entry longer than %d bytes",
			    r.name, r.lineno, ABBR_MAXLEN);
			rc = -1;
		}
	}
	if (n < 0)
		rc = -1;
	reader_close(&r);
	return rc;
}

/* ---- the tokeniser state ---------------------------------------------- */

/* What a token means for the sentence layer. */
enum role {
	R_PLAIN,
	R_OPEN,		/* opening quote or bracket */
	R_CLOSE,	/* closing quote or bracket: stays with what precedes */
	R_NOSTART,	/* , ; : and the like */
	R_TERM,		/* full stop */
	R_STRONG,	/* ! ? */
	R_ELLIPSIS,
	R_ABBR_END,	/* abbreviation that may end a sentence */
	R_ABBR_PRE	/* abbreviation that does not before a capital */
};

/* How a token may start a sentence. */
#define S_NONE	0	/* lower-case word, comma, ... */
#define S_OTHER	1	/* number, symbol, dash */
#define S_UPPER	2	/* capital, opening quote or bracket, clitic */

/* A pending sentence end: the kind of the token that may have ended it. */
enum cand {
	CAND_NONE,
	CAND_TERM,	/* . ! ?: ends before anything but a lower-case word */
	CAND_WEAK,	/* ... and abbreviations: ends before a capital */
	CAND_FORCE	/* a heading or list item ended at the line end */
};

enum cuemode { CUE_NONE, CUE_VTT, CUE_SRT };
enum cuestate { CS_TEXT, CS_HEADER, CS_BLOCK, CS_ID, CS_SKIP };

struct tokeniser {
	const struct abbrevs *ab;
	int		 flags;
	tok_emit_fn	 emit;
	void		*arg;

	unsigned long	 par, sent, tok, line;
	unsigned long	 nlines;	/* lines seen in this document */
	int		 need_par;	/* next token starts a paragraph */
	enum cand	 cand;
	struct ttbuf	 speaker;

	/* the line layer */
	int		 line_tokens;	/* tokens on the current line */
	int		 prev_tokens;	/* the previous text line had tokens */
	int		 prev_open;	/* ... and did not end a sentence */
	int		 prev_short;	/* ... and was short */
	int		 prev_list;	/* ... and was a list item */
	enum role	 last_role;	/* of the last token but closers */
	int		 last_elided;	/* it was a word ending in a hyphen */

	/* the sentence so far, for run-in headings and list items */
	const char	*eol;		/* end of the line being scanned */
	unsigned	 recent;	/* kinds (K_*) of the last 3 tokens */
	int		 sent_tokens;	/* tokens of the sentence so far */
	int		 sent_plain;	/* ... all words and numbers */
	int		 sent_label;	/* words of its "Label:", 0 if none */
	int		 label_words;	/* ... of the first label of the list */
	const char	*last_word;	/* the token before, if a plain word */
	size_t		 last_wordlen;
	int		 skip_tags;	/* skip <...> (cue text) */
	int		 had_turn;	/* a speaker turn was seen: a transcript */

	enum cuemode	 cue;
	enum cuestate	 cs;
	struct ttbuf	 held;		/* a line of digits held back */
	unsigned long	 held_line;
	int		 holding;

	/* the scanner */
	const char	*next_at;	/* next '@' on the line, NULL if none */
	const char	*nodomain;	/* no bare domain starts before this */
	int		 prevc;		/* last byte before the token, ' ' */
};

struct tokeniser *
tokeniser_new(const struct abbrevs *ab, int flags, tok_emit_fn emit,
    void *arg)
{
	struct tokeniser *t = tt_xcalloc(1, sizeof *t);

	classes_init();
	t->ab = ab;
	t->flags = flags;
	t->emit = emit;
	t->arg = arg;
	tokeniser_begin(t);
	return t;
}

void
tokeniser_free(struct tokeniser *t)
{
	if (t == NULL)
		return;
	tt_buf_free(&t->speaker);
	tt_buf_free(&t->held);
	free(t);
}

void
tokeniser_begin(struct tokeniser *t)
{
	t->par = t->sent = t->tok = t->line = t->nlines = 0;
	t->need_par = 1;
	t->cand = CAND_NONE;
	t->speaker.len = 0;
	t->line_tokens = t->prev_tokens = t->prev_open = 0;
	t->prev_short = t->prev_list = 0;
	t->last_role = R_PLAIN;
	t->recent = 0;
	t->sent_tokens = t->sent_plain = t->sent_label = 0;
	t->label_words = 0;
	t->last_word = NULL;
	t->skip_tags = 0;
	t->had_turn = 0;
	t->cue = CUE_NONE;
	t->cs = CS_TEXT;
	t->holding = 0;
}

/* ---- the sentence layer ----------------------------------------------- */

/* Kinds of recent tokens, one byte each in t->recent, newest lowest. */
#define K_WORD		1	/* a word starting in lower case */
#define K_CAPWORD	2	/* a capitalised word */
#define K_NUM		3	/* a number of three characters or more, or
				   a word that starts with one (1945-heden) */
#define K_SMALLNUM	10	/* a number of one or two: (1), 21 */
#define K_OPENB		4	/* ( [ { */
#define K_OPENQ		5	/* an opening quote */
#define K_CLOSEB	6	/* ) ] } */
#define K_CLOSEQ	7	/* a closing quote */
#define K_COLON		8
#define K_OTHER		9	/* other punctuation, symbols, URLs, ... */

#define RECENT(t, i)	(((t)->recent >> (8 * (i))) & 0xFF)

/*
 * Whether s[0..n) is a capitalised Dutch function word that often starts a
 * sentence and is no name: articles, pronouns, prepositions, conjunctions
 * and a few sentence adverbs (De, Het, In, Maar, Toen, Daarom), but no
 * quantifiers (Geen, Alle, Iedereen), which open the names of plans and
 * motions as often as sentences ("de motie Geen kind op straat"). Inside a
 * sentence these are written in lower case, so capitalised they mark the
 * start of one when no full stop did (a heading run into its text). *part
 * is set for the few that are also name particles (De Vries, Van Dijk).
 */
static int
is_starter(const char *s, size_t n, int *part)
{
#define SW(w)	{ w, sizeof w - 1 }
	static const struct {
		const char	*s;
		size_t		 n;
	} words[] = {
		/* name particles too */
		SW("De"), SW("Het"), SW("Van"), SW("Ten"), SW("Ter"),
		SW("Den"),
		/* articles and pronouns */
		SW("Een"), SW("Ik"), SW("Je"), SW("Jij"), SW("Hij"),
		SW("Zij"), SW("Ze"), SW("Wij"), SW("We"), SW("Jullie"),
		SW("Men"), SW("Er"), SW("Dit"), SW("Dat"), SW("Deze"),
		SW("Die"), SW("Wat"), SW("Wie"), SW("Welke"), SW("Zijn"),
		SW("Haar"), SW("Hun"), SW("Mijn"), SW("Onze"), SW("Ons"),
		SW("Uw"),
		/* prepositions */
		SW("Aan"), SW("Achter"), SW("Behalve"), SW("Bij"),
		SW("Binnen"), SW("Buiten"), SW("Dankzij"), SW("Door"),
		SW("In"), SW("Met"), SW("Na"), SW("Naar"), SW("Naast"),
		SW("Om"), SW("Ondanks"), SW("Onder"), SW("Op"), SW("Over"),
		SW("Per"), SW("Rond"), SW("Rondom"), SW("Sinds"),
		SW("Tegen"), SW("Tijdens"), SW("Tot"), SW("Tussen"),
		SW("Uit"), SW("Vanaf"), SW("Vanuit"), SW("Via"),
		SW("Volgens"), SW("Voor"), SW("Zonder"),
		/* conjunctions */
		SW("En"), SW("Of"), SW("Maar"), SW("Want"), SW("Dus"),
		SW("Als"), SW("Omdat"), SW("Hoewel"), SW("Terwijl"),
		SW("Nadat"), SW("Voordat"), SW("Zodat"), SW("Indien"),
		SW("Wanneer"), SW("Doordat"), SW("Zodra"), SW("Toen"),
		/* sentence adverbs */
		SW("Ook"), SW("Nu"), SW("Dan"), SW("Daar"), SW("Hier"),
		SW("Daarom"), SW("Daarna"), SW("Daardoor"), SW("Daarbij"),
		SW("Daarnaast"), SW("Daarin"), SW("Hierbij"), SW("Hierin"),
		SW("Verder"), SW("Bovendien"), SW("Echter"), SW("Zo"),
		SW("Al"), SW("Nog"), SW("Niet"), SW("Wel"), SW("Vaak"),
		SW("Soms"), SW("Eerst"), SW("Later"), SW("Tevens"),
	};
#undef SW
	size_t i;

	if (n < 2 || n > 9 || *s < 'A' || *s > 'Z')
		return 0;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (words[i].n == n && words[i].s[0] == *s &&
		    memcmp(words[i].s, s, n) == 0) {
			*part = i < 6;
			return 1;
		}
	return 0;
}

static int is_particle(const char *s, size_t n);

/* Whether s[0..n) is one of the words of is_starter in any case. */
static int
function_word(const char *s, size_t n)
{
	char buf[10];
	size_t i;
	int part;

	if (s == NULL || n < 2 || n > sizeof buf)
		return 0;
	for (i = 0; i < n; i++)
		buf[i] = (char)ascii_lower((unsigned char)s[i]);
	buf[0] = (char)(buf[0] >= 'a' && buf[0] <= 'z' ? buf[0] - 'a' + 'A' :
	    buf[0]);
	return is_starter(buf, n, &part);
}

/* Whether s[0..n) is a Dutch article (or der, des, den), which never ends
 * a phrase, so no sentence starts after it. */
static int
is_article(const char *s, size_t n)
{
	return s != NULL && ((n == 2 && memcmp(s, "de", 2) == 0) ||
	    (n == 3 && (memcmp(s, "het", 3) == 0 || memcmp(s, "een", 3) == 0 ||
	    memcmp(s, "der", 3) == 0 || memcmp(s, "des", 3) == 0 ||
	    memcmp(s, "den", 3) == 0)));
}

/* Whether a[0..an) and b[0..bn) are the same word, ignoring ASCII case
 * (Vee fokken Fokken is ...). */
static int
same_word(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	if (a == NULL || an != bn)
		return 0;
	for (i = 0; i < an; i++)
		if (ascii_lower((unsigned char)a[i]) !=
		    ascii_lower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* The next word on the line after p (white space skipped): its start in
 * *ws, its end (the next space or the line end) returned; p if none. */
static const char *
word_after(const char *p, const char *end, const char **ws)
{
	const char *q;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	*ws = p;
	for (q = p; q < end && *q != ' ' && *q != '\t'; q++)
		;
	return q;
}

/*
 * Whether a heading, caption or list item without a full stop ends before
 * the capitalised function word s[0..n) (see is_starter): "Tropisch
 * klimaat In het vochtige klimaat ...", "Varkens in een buitenverblijf
 * Over de hele wereld ...". The sentence so far must be short and made of
 * words and numbers only, the word after s in lower case or a number (not
 * a title or name: Het Vlaams Blok, De Vries, Van der Meer), or the last
 * word of the heading again (Balkan De Balkan kwam ...).
 */
static int
heading_ends(const struct tokeniser *t, const char *s, size_t n)
{
	const char *ws, *we;
	int part = 0, k, cls;

	if (!is_starter(s, n, &part))
		return 0;
	we = word_after(s + n, t->eol, &ws);
	if (ws == we)
		return 0;
	cls = class_at(ws, we, &k);
	if (cls & (C_LOWER | C_DIGIT))
		return !(part && is_particle(ws, (size_t)(we - ws)));
	return t->last_word != NULL && (size_t)(we - ws) >= t->last_wordlen &&
	    memcmp(ws, t->last_word, t->last_wordlen) == 0 &&
	    (we - ws == (ptrdiff_t)t->last_wordlen ||
	    !(class_or_space(ws + t->last_wordlen, we) & C_WORD));
}

/*
 * Whether a field label ("Oppervlakte:", "Hoogste punt:", "Frieda
 * Brepoels:", "2008:") starts at s: up to four words, the first being s,
 * then a colon and a space or the line end. A label of capitalised words
 * (a name) may have at most max words: in "Antwerpen: Gerda Van
 * Langendonck West-Vlaanderen: ..." only the last word labels the next
 * field, as only one did the first.
 */
static int
label_at(const struct tokeniser *t, const char *s, int max)
{
	const char *p = s, *ws, *we, *q;
	int words = 0, caps = 0, k;

	for (;;) {
		we = word_after(p, t->eol, &ws);
		if (ws == we || ++words > 4)
			return 0;
		for (q = ws; q < we; q++)
			if (*q == ':' || *q == '(' || *q == ')' || *q == ',' ||
			    *q == ';' || *q == '"' || *q == '!' || *q == '?')
				break;
		if (words > 1 && (class_at(ws, we, &k) & C_UPPER))
			caps = 1;
		if (q < we) {
			if (*q != ':' || q + 1 != we || q == ws)
				return 0;
			return !caps || words <= max;
		}
		p = we;
	}
}

/*
 * Whether a token that no full stop precedes starts a sentence all the
 * same, as an item of a list or a heading run into the text would:
 *  - a capitalised function word after a short heading (heading_ends);
 *  - a capitalised word repeating the short heading it follows
 *    ("Landbouw Landbouw is ...");
 *  - the label of the next field in a sentence that began with one
 *    ("CD&V: 22 VLD: 21", "Frieda Brepoels: ondervoorzitter Louis Ide:
 *    ondervoorzitter"), or after a colon ("...als volgt: Wet der
 *    commutativiteit: ...");
 *  - a capitalised word after a number in brackets that ends an item
 *    ("Brugge (1982) Partijbestuurslid ...");
 *  - an opening quote after a quotation or bracket and a number, as in
 *    lists of titles and years ("«Bessy» 1952-1995 «Jerom» 1960-1991").
 * Called only when the token is capitalised, a number or an opening quote
 * and nothing else decided. Returns 2 for the label of a next field, 1
 * for the others, 0 when the sentence goes on.
 */
static int
item_starts(const struct tokeniser *t, const char *s, size_t n,
    enum toktype type, enum role role)
{
	int k0 = RECENT(t, 0), cls, k, value;

	/* an article or "der" always belongs to the word after it */
	if (k0 == K_WORD && is_article(t->last_word, t->last_wordlen))
		return 0;
	value = k0 == K_WORD || k0 == K_CAPWORD || k0 == K_NUM ||
	    k0 == K_SMALLNUM;
	if (role == R_OPEN)
		return k0 == K_NUM && (RECENT(t, 1) == K_CLOSEQ ||
		    RECENT(t, 1) == K_CLOSEB) && *s != '(' && *s != '[' &&
		    *s != '{';
	cls = class_at(s, s + n, &k);
	/* a heading has words (not "1." or "2.3" of a numbered list), and
	 * does not end in a function word ("Binnen Een 10 voor de Jeugd") */
	if (t->sent_plain && t->sent_tokens <= 5 && (k0 == K_WORD ||
	    k0 == K_CAPWORD) && (cls & C_UPPER) && type == TOK_WORD &&
	    !function_word(t->last_word, t->last_wordlen)) {
		if (heading_ends(t, s, n))
			return 1;
		if (t->sent_tokens <= 3 && same_word(t->last_word,
		    t->last_wordlen, s, n))
			return 1;
	}
	/* a field's value is short: "22", "Gerda Van Langendonck", "2106 km²" */
	if (t->sent_label > 0 && t->sent_tokens > t->sent_label + 1 &&
	    t->sent_tokens <= t->sent_label + 9 &&
	    (value || k0 == K_CLOSEB || k0 == K_CLOSEQ) &&
	    label_at(t, s, t->label_words))
		return 2;
	if (k0 == K_COLON && (cls & C_UPPER) && label_at(t, s, 1))
		return 1;
	return k0 == K_CLOSEB && RECENT(t, 1) == K_NUM &&
	    RECENT(t, 2) == K_OPENB && (cls & C_UPPER) && type == TOK_WORD;
}

/* The kind (K_*) of a token for t->recent. */
static unsigned
token_kind(const char *s, size_t n, enum toktype type, enum role role,
    int start)
{
	switch (role) {
	case R_OPEN:
		return *s == '(' || *s == '[' || *s == '{' ? K_OPENB : K_OPENQ;
	case R_CLOSE:
		return *s == ')' || *s == ']' || *s == '}' ? K_CLOSEB : K_CLOSEQ;
	case R_NOSTART:
		return *s == ':' ? K_COLON : K_OTHER;
	default:
		break;
	}
	if (type == TOK_NUM)
		return n < 3 ? K_SMALLNUM : K_NUM;
	if (type == TOK_WORD && *s >= '0' && *s <= '9')
		return K_NUM;
	if (type == TOK_WORD)
		return start == S_UPPER ? K_CAPWORD : K_WORD;
	return K_OTHER;
}

/*
 * Hands one token to the callback, first deciding whether a sentence (or
 * paragraph) starts with it. role says what the token means for the
 * sentence layer, start how it may begin a sentence.
 */
static void
push(struct tokeniser *t, const char *s, size_t n, enum toktype type,
    enum role role, int start)
{
	struct token tk;
	unsigned kind;
	int brk = 0;

	if (t->need_par) {
		t->par++;
		brk = 1;
		t->need_par = 0;
	} else if (t->cand == CAND_FORCE)
		brk = 1;
	else if (t->cand != CAND_NONE && role != R_CLOSE) {
		if (t->cand == CAND_TERM) {
			brk = start != S_NONE;
			/* a bracket cannot continue what a full stop ended;
			 * a square one is a note in a transcript ([gelach])
			 * and left to the word after it */
			if (role == R_OPEN && *s == '(')
				brk = 1;
		} else
			brk = start == S_UPPER;
		t->cand = CAND_NONE;
	} else if ((start == S_UPPER || type == TOK_NUM) &&
	    t->sent_tokens > 0 && ((t->sent_plain && t->sent_tokens <= 5) ||
	    t->sent_label > 0 || RECENT(t, 0) == K_NUM ||
	    RECENT(t, 0) == K_COLON || RECENT(t, 0) == K_CLOSEB))
		/* (what item_starts needs, checked here: it is rare) */
		brk = item_starts(t, s, n, type, role);
	if (brk) {
		t->sent++;
		t->cand = CAND_NONE;
		t->sent_tokens = 0;
		t->sent_plain = 1;
		t->sent_label = 0;
		/* the next field of a list keeps the length of the first */
		if (brk != 2)
			t->label_words = 0;
	}
	t->tok++;
	tk.s = s;
	tk.len = n;
	tk.type = type;
	tk.line = t->line;
	tk.par = t->par;
	tk.sent = t->sent;
	tk.tok = t->tok;
	tk.speaker = t->speaker.len ? t->speaker.s : NULL;
	tk.speakerlen = t->speaker.len;
	t->emit(&tk, t->arg);

	switch (role) {
	case R_TERM:
	case R_STRONG:
		t->cand = CAND_TERM;
		break;
	case R_ELLIPSIS:
	case R_ABBR_END:
		t->cand = CAND_WEAK;
		break;
	default:
		break;
	}
	if (role != R_CLOSE) {
		t->last_role = role;
		t->last_elided = type == TOK_WORD && s[n - 1] == '-';
	}
	kind = token_kind(s, n, type, role, start);
	/* a label opens the sentence: up to four words, then a colon */
	if (kind == K_COLON && t->sent_plain && t->sent_tokens <= 4) {
		t->sent_label = t->sent_tokens;
		if (t->label_words == 0)
			t->label_words = t->sent_tokens;
	}
	if (kind != K_WORD && kind != K_CAPWORD && kind != K_NUM &&
	    kind != K_SMALLNUM)
		t->sent_plain = 0;
	t->last_word = kind == K_WORD || kind == K_CAPWORD ? s : NULL;
	t->last_wordlen = n;
	t->recent = (t->recent << 8 | kind) & 0xFFFFFF;
	t->sent_tokens++;
	t->line_tokens++;
}

/* ---- the scanner ------------------------------------------------------ */

/* Whether s[0..n) is a top-level domain we recognise in bare domains. */
static int
is_tld(const char *s, size_t n)
{
	static const char *const tlds[] = {
		"nl", "be", "com", "org", "net", "eu", "info", "nu", "de",
		"uk", "fr", "io", "gov", "edu", "frl", "amsterdam", "int",
		NULL
	};
	int i;

	for (i = 0; tlds[i] != NULL; i++)
		if (strlen(tlds[i]) == n && memcmp(tlds[i], s, n) == 0)
			return 1;
	return 0;
}

static inline int
is_host_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-';
}

/* Whether the character at p (before end) ends a URL: white space, a
 * typographic quote, or < > " which never appear unescaped in one. */
static int
url_stop(const char *p, const char *end)
{
	int k, cls;
	int32_t cp;

	if ((unsigned char)*p < 0x80)
		return ascii_class[(unsigned char)*p] == C_SPACE ||
		    *p == '<' || *p == '>' || *p == '"';
	cp = decode(p, end, &k);
	if (cp >= 0x2018 && cp <= 0x201F)
		return 1;
	if (cp == 0xAB || cp == 0xBB)
		return 1;
	cls = cp_class(cp);
	return cls == C_SPACE;
}

/* The end of a URL starting at p whose first part ends at q: up to white
 * space, without trailing punctuation and unbalanced closing brackets. */
static const char *
url_end(const char *p, const char *q, const char *end)
{
	int k, round = 0, square = 0;
	const char *r;

	while (q < end && !url_stop(q, end)) {
		decode(q, end, &k);
		q += k;
	}
	for (r = p; r < q; r++) {
		if (*r == '(')
			round++;
		else if (*r == ')')
			round--;
		else if (*r == '[')
			square++;
		else if (*r == ']')
			square--;
	}
	while (q > p) {
		char c = q[-1];

		if (c == '.' || c == ',' || c == ';' || c == ':' ||
		    c == '!' || c == '?' || c == '\'' || c == '*')
			q--;
		else if (c == ')' && round < 0) {
			round++;
			q--;
		} else if (c == ']' && square < 0) {
			square++;
			q--;
		} else
			break;
	}
	return q;
}

/* A URL with a scheme or www. at p: its end, or NULL. */
static const char *
match_url(const char *p, const char *end)
{
	static const char *const prefixes[] = {
		"http://", "https://", "ftp://", "www.", NULL
	};
	size_t n = (size_t)(end - p), len;
	int i;
	size_t j;
	char head[4];

	if (n < 5)
		return NULL;
	for (j = 0; j < 4; j++)
		head[j] = (char)ascii_lower((unsigned char)p[j]);
	if (memcmp(head, "http", 4) != 0 && memcmp(head, "www.", 4) != 0 &&
	    memcmp(head, "ftp:", 4) != 0)
		return NULL;
	for (i = 0; prefixes[i] != NULL; i++) {
		len = strlen(prefixes[i]);
		if (n <= len)
			continue;
		for (j = 0; j < len; j++)
			if (ascii_lower((unsigned char)p[j]) != prefixes[i][j])
				break;
		if (j == len && !url_stop(p + len, end))
			return url_end(p, p + len, end);
	}
	return NULL;
}

/* A bare domain at p (gemeente.nl, www.x.org/pad): its end, or NULL. The
 * last label must be a known top-level domain and the first one at least
 * two characters long. On failure *stop gets the end of the run of labels
 * scanned: a domain cannot start anywhere before it either. */
static const char *
match_domain(const char *p, const char *end, const char **stop)
{
	const char *q = p, *label;
	int nlabels = 0;

	*stop = p + 1;
	for (;;) {
		label = q;
		while (q < end && is_host_char((unsigned char)*q))
			q++;
		if (q == label || q - p > 253) {
			*stop = q;
			return NULL;
		}
		if (nlabels == 0 && q - label < 2)
			return NULL;
		nlabels++;
		if (q + 1 < end && *q == '.' && is_host_char((unsigned char)q[1]))
			q++;
		else
			break;
	}
	*stop = q;
	if (nlabels < 2 || !is_tld(label, (size_t)(q - label)))
		return NULL;
	if (q < end && (class_or_space(q, end) & C_WORD))
		return NULL;
	if (q < end && *q == '@')
		return NULL;
	if (q < end && *q == '/')
		return url_end(p, q, end);
	return q;
}

/* match_domain, skipping the search where an earlier one on the line has
 * shown that no domain can start. */
static const char *
try_domain(struct tokeniser *t, const char *p, const char *end)
{
	const char *r, *stop;

	if (p < t->nodomain)
		return NULL;
	if ((r = match_domain(p, end, &stop)) == NULL)
		t->nodomain = stop;
	return r;
}

/* An e-mail address at p: its end, or NULL. */
static const char *
match_email(const char *p, const char *end)
{
	const char *q = p, *at, *label;
	int nlabels = 0, alpha;

	while (q < end && q - p < 64 && (is_host_char((unsigned char)*q) ||
	    *q == '.' || *q == '_' || *q == '+' || *q == '%'))
		q++;
	if (q == p || q >= end || *q != '@' || *p == '.' || q[-1] == '.')
		return NULL;
	at = q++;
	for (;;) {
		label = q;
		alpha = 1;
		while (q < end && is_host_char((unsigned char)*q)) {
			if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' &&
			    *q <= 'Z')))
				alpha = 0;
			q++;
		}
		if (q == label || q - at > 253)
			return NULL;
		nlabels++;
		if (q + 1 < end && *q == '.' && is_host_char((unsigned char)q[1]))
			q++;
		else
			break;
	}
	if (nlabels < 2 || !alpha || q - label < 2)
		return NULL;
	if (q < end && (class_or_space(q, end) & C_WORD))
		return NULL;
	return q;
}

/* What the scanner found: the type and the roles of a token. */
struct tokinfo {
	enum toktype	 type;
	enum role	 role;
	int		 start;
};

/* First non-space character class after p on the line, C_SPACE if none;
 * *pc gets its first byte. */
static int
next_visible(const char *p, const char *end, int *pc)
{
	int k, cls;

	while (p < end) {
		cls = class_at(p, end, &k);
		if (cls != C_SPACE) {
			*pc = (unsigned char)*p;
			return cls;
		}
		p += k;
	}
	*pc = ' ';
	return C_SPACE;
}

/* Whether a closing bracket or quote is at p. */
static int
is_closer(const char *p, const char *end)
{
	int k;
	int32_t cp;

	if (*p == ')' || *p == ']' || *p == '}' || *p == '"' || *p == '\'')
		return 1;
	cp = decode(p, end, &k);
	return cp == 0x2019 || cp == 0x201D || cp == 0x00BB || cp == 0x203A;
}

static const char *scan_word(struct tokeniser *t, const char *start,
    const char *p, const char *end, struct tokinfo *ti);

/*
 * Whether the word after p (white space skipped) starts a sentence: a
 * capitalised function word (is_starter) that is not the particle of a
 * name (De Vries, Van der Meer, so a lower-case word other than a
 * particle must follow those).
 */
static int
starter_at(const char *p, const char *end)
{
	const char *ws, *we, *w2;
	int part = 0, k;

	if (p >= end || (*p != ' ' && *p != '\t'))
		return 0;
	word_after(p, end, &ws);
	for (we = ws; we < end && ascii_letter[(unsigned char)*we]; we++)
		;
	if (!is_starter(ws, (size_t)(we - ws), &part))
		return 0;
	if (we < end && *we != ' ' && *we != '\t' && *we != ',')
		return 0;
	if (!part)
		return 1;
	w2 = word_after(we, end, &ws);
	return ws < w2 && (class_at(ws, w2, &k) & C_LOWER) &&
	    !is_particle(ws, (size_t)(w2 - ws));
}

/*
 * Handles a full stop after the letters start..q (q points at the '.'):
 * a bare domain, an abbreviation from the list (the longest of a dotted
 * series such as t.a.v.), a series of short dotted parts (M.G., z.g.a.n.)
 * or a single capital (an initial). Returns the end of the token, with
 * ti set, or NULL when the full stop is not part of the token.
 */
static const char *
dotted(struct tokeniser *t, const char *start, const char *q,
    const char *end, struct tokinfo *ti)
{
	const char *seg[9], *r, *best = NULL;
	int nseg = 0, i, kind, bestkind = -1, allshort = 1, allinitial = 1;
	int initial = 0;
	int k, cls, pc;

	if (q + 1 < end && is_host_char((unsigned char)q[1]) &&
	    (r = try_domain(t, start, end)) != NULL) {
		ti->type = TOK_URL;
		ti->role = R_PLAIN;
		ti->start = S_OTHER;
		return r;
	}
	/* seg[i] is the end of the i-th dotted part (pointing at its '.') */
	r = start;
	for (;;) {
		const char *s0 = r;
		int nchars = 0, upper1 = 0;

		while (r < end) {
			cls = class_at(r, end, &k);
			if (!(cls & (C_LETTER | C_MARK)))
				break;
			if (nchars == 0)
				upper1 = cls == C_UPPER;
			if (!(cls & C_MARK))
				nchars++;
			r += k;
		}
		if (r == s0 || r >= end || *r != '.')
			break;
		if (nchars > 3)
			allshort = 0;
		if (nchars != 1 || !upper1)
			allinitial = 0;
		if (nseg == 0)
			initial = nchars == 1 && upper1;
		seg[nseg++] = r;
		r++;
		if (nseg == 8 || r >= end || !(class_or_space(r, end) &
		    C_LETTER))
			break;
	}
	if (nseg == 0)
		return NULL;
	/*
	 * Candidates, best first: the whole series from the list, the whole
	 * series as a pattern of short parts (t.a.v., M.G.), shorter series
	 * from the list, a single capital (an initial). A word-like entry
	 * needs a lower-case word or a number after it.
	 */
	for (i = nseg - 1; i >= 0; i--) {
		if (i == nseg - 2 && nseg >= 2 && allshort) {
			best = seg[nseg - 1] + 1;
			bestkind = allinitial ? ABBR_PRE : ABBR_END;
			break;
		}
		kind = abbrevs_kind(t->ab, start, (size_t)(seg[i] + 1 - start));
		if (kind < 0 || kind == ABBR_CLITIC || kind == ABBR_LABEL)
			continue;
		if (kind == ABBR_WORD) {
			cls = next_visible(seg[i] + 1, end, &pc);
			if (!(cls & (C_LOWER | C_DIGIT)))
				continue;
		}
		best = seg[i] + 1;
		bestkind = kind;
		break;
	}
	if (best == NULL && initial) {
		/* not before a closing bracket or quote: (zie bijlage B.) */
		if (seg[0] + 1 < end && is_closer(seg[0] + 1, end))
			return NULL;
		/* nor before a word that starts a sentence and no name:
		 * "eigenschap B. Maar", "bijlage C. De tabel" */
		if (starter_at(seg[0] + 1, end))
			return NULL;
		best = seg[0] + 1;
		bestkind = ABBR_PRE;
	}
	if (best == NULL)
		return NULL;
	/* what should follow a title or o.a. does not: it may end a sentence */
	if (bestkind == ABBR_PRE && best < end && is_closer(best, end))
		bestkind = ABBR_END;
	/* Whatever follows without a space must not be a letter (bijv.De). */
	if (best < end && (class_or_space(best, end) & C_LETTER) &&
	    bestkind != ABBR_PRE)
		return NULL;
	/* a compound with an abbreviation: St.-Janstraat, O.L.V.-college */
	if (best + 1 < end && *best == '-' &&
	    (class_or_space(best + 1, end) & C_LETTER))
		return scan_word(t, start, best + 1, end, ti);
	ti->type = TOK_ABBR;
	ti->role = bestkind == ABBR_PRE ? R_ABBR_PRE : R_ABBR_END;
	return best;
}

/*
 * The character references WebVTT cue text may hold: &amp; &lt; &gt; are
 * tokens of type sym (as written, so that every token is found on its
 * line), &nbsp;, &lrm; and &rlm; are white space. Returns the end of the reference, or
 * NULL when p holds none. With t NULL it only recognises.
 */
static const char *
cue_entity(struct tokeniser *t, const char *p, const char *end,
    int *after_space)
{
	static const struct {
		const char	*name;
		int		 space;
	} refs[] = {
		{ "&amp;", 0 }, { "&lt;", 0 }, { "&gt;", 0 },
		{ "&nbsp;", 1 }, { "&lrm;", 1 }, { "&rlm;", 1 }
	};
	size_t i, n;

	for (i = 0; i < sizeof refs / sizeof refs[0]; i++) {
		n = strlen(refs[i].name);
		if ((size_t)(end - p) < n || memcmp(p, refs[i].name, n) != 0)
			continue;
		if (t == NULL)
			return p + n;
		if (refs[i].space)
			*after_space = 1;
		else {
			push(t, p, n, TOK_SYM, R_PLAIN, S_OTHER);
			t->prevc = ';';
			*after_space = 0;
		}
		return p + n;
	}
	return NULL;
}

/* Whether en, of or tot follows p (after white space): the hyphen before
 * p then elides the second part of a compound (18- tot 23-jarigen). */
static int
elision_follows(const char *p, const char *end)
{
	const char *w = p, *e;

	while (w < end && (*w == ' ' || *w == '\t'))
		w++;
	for (e = w; e < end && *e >= 'a' && *e <= 'z'; e++)
		;
	if (e < end && *e != ' ' && *e != '\t')
		return 0;
	return (e - w == 2 && (memcmp(w, "en", 2) == 0 ||
	    memcmp(w, "of", 2) == 0)) ||
	    (e - w == 3 && memcmp(w, "tot", 3) == 0);
}

/*
 * Scans a word, number or compound that starts at start; the scan of its
 * characters starts at p (after a prefix such as '-', "'s" or "(tbs-)").
 * Joins parts around hyphens, apostrophes (z'n, auto's), slashes (en/of),
 * ampersands (R&D), underscores, and within numbers full stops, commas
 * and colons (1.000.000, 2,5, 12:30); takes an elision hyphen (zorg-), a
 * bracketed ending (medewerker(s)), a percent sign after a number and the
 * ",-" of an amount. Returns the end.
 */
static const char *
scan_word(struct tokeniser *t, const char *start, const char *p,
    const char *end, struct tokinfo *ti)
{
	const char *q = p, *r;
	int k, cls, lastcls = 0, ncls;
	int nalpha = 0, ndigit = 0, plain = p == start, nsep = 0;

	ti->type = TOK_WORD;
	ti->role = R_PLAIN;
	for (;;) {
		/* fast path: runs of ASCII letters, then digits, then the rest */
		while (q < end) {
			unsigned char c = (unsigned char)*q;

			if (ascii_letter[c]) {
				const char *r0 = q;

				do
					q++;
				while (q < end && ascii_letter[(unsigned char)*q]);
				nalpha += (int)(q - r0);
				lastcls = C_LOWER;
				continue;
			}
			if (c < 0x80) {
				cls = ascii_class[c];
				if (!(cls & C_WORD))
					break;
				k = 1;
			} else {
				cls = cp_class(decode(q, end, &k));
				if (!(cls & C_WORD))
					break;
			}
			if (cls & C_DIGIT)
				ndigit++;
			else if (cls & C_LETTER)
				nalpha++;
			lastcls = cls;
			q += k;
		}
		if (q >= end)
			break;
		/* C_SPACE at the end of the text: q[1] is read only if not */
		ncls = q + 1 < end ? class_or_space(q + 1, end) : C_SPACE;
		switch (*q) {
		case '-':
			if (ncls & C_WORD) {
				q++;
				nsep++;
				continue;
			}
			/* doelgroep-/populatieniveau */
			if ((lastcls & C_LETTER) && q + 2 < end && q[1] == '/' &&
			    (class_or_space(q + 2, end) & C_LETTER)) {
				q += 2;
				nsep++;
				continue;
			}
			/* the elision hyphen: zorg- en welzijnsinstellingen */
			if ((lastcls & C_LETTER) && (ncls == C_SPACE ||
			    q[1] == ',' || q[1] == '/')) {
				q++;
				nsep++;
			} else if ((lastcls & C_DIGIT) && ncls == C_SPACE &&
			    elision_follows(q + 1, end)) {
				/* 18- tot 23-jarigen, 4- en 5-jarigen */
				q++;
				nsep++;
			}
			goto done;
		case '\'':
			if ((lastcls & (C_LETTER | C_DIGIT)) && (ncls & C_LETTER)) {
				q++;
				nsep++;
				continue;
			}
			goto done;
		case '.':
			/* 1.000.000, 12.30, and codes such as U1.2.3 */
			if ((lastcls & C_DIGIT) && (ncls & C_DIGIT)) {
				q++;
				nsep++;
				continue;
			}
			if (plain && nsep == 0 && ndigit == 0 &&
			    (r = dotted(t, start, q, end, ti)) != NULL)
				return r;
			if (nalpha > 0 && ndigit == 0 && nsep > 0 &&
			    (ncls & C_LETTER) && (r = try_domain(t, start, end))
			    != NULL) {
				ti->type = TOK_URL;
				return r;
			}
			goto done;
		case ',':
			if (nalpha == 0 && (lastcls & C_DIGIT)) {
				if (ncls & C_DIGIT) {
					q++;
					nsep++;
					continue;
				}
				/* an amount: 25,- or 25,-- */
				if (q + 1 < end && q[1] == '-') {
					r = q + 2;
					if (r < end && *r == '-')
						r++;
					if (!(class_or_space(r, end) & C_WORD)) {
						ti->type = TOK_NUM;
						return r;
					}
				}
			}
			goto done;
		case ':':
			if (nalpha == 0 && (lastcls & C_DIGIT) &&
			    (ncls & C_DIGIT)) {
				q++;
				nsep++;
				continue;
			}
			goto done;
		case '/':
			if ((lastcls & C_WORD) && (ncls & C_WORD)) {
				q++;
				nsep++;
				continue;
			}
			goto done;
		case '&':
			/* R&D, AZ&PC; not "Zorg&amp;" in cue text */
			if ((lastcls & C_LETTER) && (ncls & C_LETTER) &&
			    !(t->skip_tags && cue_entity(NULL, q, end, NULL))) {
				q++;
				nsep++;
				continue;
			}
			goto done;
		case '_':
			if (ncls & C_WORD) {
				q++;
				nsep++;
				continue;
			}
			goto done;
		case '%':
			if (nalpha == 0 && ndigit > 0) {
				q++;
				goto done;
			}
			goto done;
		case '(':
			/* medewerker(s), vrijwilliger(s)werk, milieu(-vervuiling) */
			if (lastcls & C_LETTER) {
				for (r = q + 1; r < end && r - q < 24; r++)
					if ((!(ascii_class[(unsigned char)*r &
					    0x7f] & (C_LETTER | C_DIGIT)) &&
					    *r != '-') || (unsigned char)*r >= 0x80)
						break;
				if (r > q + 1 && r < end && *r == ')') {
					q = r + 1;
					nsep++;
					continue;
				}
			}
			goto done;
		default:
			/* U+2019 as an apostrophe: z’n, auto’s */
			if ((lastcls & (C_LETTER | C_DIGIT)) &&
			    is_cp3(q, end, 0x2019) && q + 3 < end &&
			    (class_or_space(q + 3, end) & C_LETTER)) {
				q += 3;
				nsep++;
				continue;
			}
			goto done;
		}
	}
done:
	if (nalpha == 0 && ndigit > 0)
		ti->type = TOK_NUM;
	else if (nalpha > 0 && ndigit > 0 && nsep == 0 && plain &&
	    (unsigned char)*start >= '0' && (unsigned char)*start <= '9') {
		/* ordinals: 2e, 3de, 21ste, 1ste */
		const char *d = start;

		while (d < q && *d >= '0' && *d <= '9')
			d++;
		if ((q - d == 1 && *d == 'e') ||
		    (q - d == 2 && d[0] == 'd' && d[1] == 'e') ||
		    (q - d == 3 && memcmp(d, "ste", 3) == 0))
			ti->type = TOK_NUM;
	}
	(void)t;
	return q;
}

/* How an opening quote or bracket ending at p may start a sentence: as
 * the word after it does (",,wij" continues a sentence). */
static int
open_start(const char *p, const char *end)
{
	int pc;

	return next_visible(p, end, &pc) & C_LOWER ? S_NONE : S_UPPER;
}

/*
 * The end of a symbol starting at p with code point first (k bytes): an
 * emoji keeps its modifiers, variation selectors and combining marks, a
 * ZWJ sequence (a health worker, a family) and a flag its two regional
 * indicators, so each is one token.
 */
static const char *
scan_symbol(const char *p, const char *end, int32_t first, int k)
{
	const char *q = p + k;
	int zwj = 0, ri = first >= 0x1F1E6 && first <= 0x1F1FF;
	int32_t cp;

	while (q < end) {
		cp = decode(q, end, &k);
		if (cp == 0x200D)
			zwj = 1;
		else if (cp == 0xFE0E || cp == 0xFE0F || cp == 0x20E3 ||
		    (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
		    (cp >= 0xE0020 && cp <= 0xE007F) ||
		    (cp >= 0x80 && cp_class(cp) == C_MARK))
			;
		else if (zwj && cp >= 0x80 && cp_class(cp) == C_SYM)
			zwj = 0;
		else if (ri && cp >= 0x1F1E6 && cp <= 0x1F1FF)
			ri = 0;
		else
			break;
		q += k;
	}
	return q;
}

/* Whether the text at p could start a quotation (not white space). */
static int
quote_opens(struct tokeniser *t, const char *q, const char *end,
    int after_space)
{
	int ncls = class_or_space(q, end);

	if (ncls == C_SPACE)
		return 0;
	/* before the punctuation that ends a clause it closes: brengt... ". */
	if (strchr(",;:!?)]", *q) != NULL || (*q == '.' && (q + 1 == end ||
	    q[1] != '.')))
		return 0;
	if (after_space)
		return 1;
	return t->prevc == ':' || t->prevc == '(' || t->prevc == '[' ||
	    t->prevc == '-' || t->prevc == '/';
}

/*
 * Scans the token at p (not white space) and returns its end; ti gets its
 * type and roles. after_space: white space or the line start precede p.
 */
static const char *
scan_token(struct tokeniser *t, const char *p, const char *end,
    int after_space, struct tokinfo *ti)
{
	unsigned char c = (unsigned char)*p;
	const char *q, *r;
	int k, cls, ncls;
	int32_t cp = c;

	ti->type = TOK_PUNCT;
	ti->role = R_PLAIN;
	ti->start = S_OTHER;
	if (c < 0x80) {
		cls = ascii_class[c];
		k = 1;
	} else
		cls = cp_class(cp = decode(p, end, &k));
	if (cls & C_WORD) {
		if ((c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' ||
		    c == 'F') && (q = match_url(p, end)) != NULL) {
			ti->type = TOK_URL;
			return q;
		}
		if (t->next_at != NULL && t->next_at < p)
			t->next_at = memchr(p, '@', (size_t)(end - p));
		if (c < 0x80 && t->next_at != NULL && t->next_at - p < 64) {
			for (q = p; q < end && q - p < 64 &&
			    (is_host_char((unsigned char)*q) || *q == '.' ||
			    *q == '_' || *q == '+'); q++)
				;
			if (q < end && *q == '@' && (r = match_email(p, end))
			    != NULL) {
				ti->type = TOK_EMAIL;
				return r;
			}
		}
		q = scan_word(t, p, p, end, ti);
		if (ti->type == TOK_URL)
			ti->start = S_OTHER;
		else if (cls & (C_UPPER | C_OLETTER))
			ti->start = S_UPPER;
		else if (cls & C_LOWER)
			ti->start = S_NONE;
		return q;
	}
	ncls = p + k < end ? class_or_space(p + k, end) : C_SPACE;
	switch (c) {
	case '#':
	case '@':
		if (ncls & C_WORD) {
			q = p + 1;
			while (q < end) {
				cls = class_at(q, end, &k);
				if ((cls & C_WORD) || *q == '_')
					q += k;
				else if (*q == '-' && (class_or_space(q + 1, end) &
				    C_WORD))
					q++;
				else
					break;
			}
			ti->type = TOK_TAG;
			return q;
		}
		ti->type = TOK_SYM;
		return p + 1;
	case '\'':
		goto apostrophe;
	case ',':
		/* ,, opens a quotation; in ",,," a comma comes first */
		if (p + 1 < end && p[1] == ',' && (p + 2 == end || p[2] != ',')) {
			ti->role = R_OPEN;
			ti->start = open_start(p + 2, end);
			return p + 2;
		}
		ti->role = R_NOSTART;
		ti->start = S_NONE;
		return p + 1;
	case '.':
		for (q = p + 1; q < end && *q == '.'; q++)
			;
		ti->role = q - p == 1 ? R_TERM : R_ELLIPSIS;
		ti->start = S_NONE;
		return q;
	case '!':
	case '?':
		for (q = p + 1; q < end && (*q == '!' || *q == '?'); q++)
			;
		ti->role = R_STRONG;
		ti->start = S_NONE;
		return q;
	case ';':
	case ':':
		ti->role = R_NOSTART;
		ti->start = S_NONE;
		return p + 1;
	case '-':
		if (p + 1 < end && p[1] == '-') {
			for (q = p + 2; q < end && *q == '-'; q++)
				;
			return q;
		}
		/* -ie, -uitvoerders (elided first part), -5 */
		if (ncls & C_WORD) {
			q = scan_word(t, p, p + 1, end, ti);
			ti->start = ti->type == TOK_NUM ? S_OTHER : S_NONE;
			return q;
		}
		return p + 1;
	case '(':
		/* (tbs-)behandeling, (ex-)partner */
		for (q = p + 1; q < end && q - p < 32; q++)
			if (!(ascii_class[(unsigned char)*q & 0x7f] &
			    (C_LETTER | C_DIGIT)) && *q != '-')
				break;
		if (q > p + 1 && q + 1 < end && *q == ')' &&
		    (class_or_space(q + 1, end) & C_LETTER)) {
			q = scan_word(t, p, q + 1, end, ti);
			ti->start = S_UPPER;
			return q;
		}
		/* FALLTHROUGH */
	case '[':
	case '{':
		ti->role = R_OPEN;
		ti->start = S_UPPER;
		return p + 1;
	case ')':
	case ']':
	case '}':
		ti->role = R_CLOSE;
		ti->start = S_NONE;
		return p + 1;
	case '"':
		if (quote_opens(t, p + 1, end, after_space)) {
			ti->role = R_OPEN;
			ti->start = S_UPPER;
		} else {
			ti->role = R_CLOSE;
			ti->start = S_NONE;
		}
		return p + 1;
	case '`':
		q = p + 1 < end && p[1] == '`' ? p + 2 : p + 1;
		ti->role = R_OPEN;
		ti->start = S_UPPER;
		return q;
	}
	if (c < 0x80) {
		ti->type = cls == C_SYM ? TOK_SYM : TOK_PUNCT;
		return p + 1;
	}
	switch (cp) {
	case 0x2019:		/* ’ */
	case 0x2018:		/* ‘ */
		goto apostrophe;
	case 0x201C:		/* “ */
	case 0x201E:		/* „ */
	case 0x00AB:		/* « */
	case 0x2039:		/* ‹ */
		ti->role = R_OPEN;
		ti->start = S_UPPER;
		return p + k;
	case 0x201D:		/* ” */
		if (quote_opens(t, p + k, end, after_space)) {
			ti->role = R_OPEN;
			ti->start = S_UPPER;
		} else {
			ti->role = R_CLOSE;
			ti->start = S_NONE;
		}
		return p + k;
	case 0x00BB:		/* » */
	case 0x203A:		/* › */
		ti->role = R_CLOSE;
		ti->start = S_NONE;
		return p + k;
	case 0x2026:		/* … */
		for (q = p + k; is_cp3(q, end, 0x2026); q += 3)
			;
		ti->role = R_ELLIPSIS;
		ti->start = S_NONE;
		return q;
	}
	if (cls == C_PUNCT)
		return p + k;
	ti->type = TOK_SYM;
	return scan_symbol(p, end, cp, k);

apostrophe:
	/* 't, 's, 'n, 's-Hertogenbosch; '90; '' */
	q = p + k;
	r = q;
	while (r < end && r - q < 5 && (unsigned char)*r < 0x80 &&
	    (ascii_class[(unsigned char)*r] & C_LETTER))
		r++;
	if (r > q && r - q <= 4 && !(class_or_space(r, end) & C_WORD) &&
	    abbrevs_kind(t->ab, p, (size_t)(r - p)) == ABBR_CLITIC) {
		ti->type = TOK_WORD;
		ti->start = S_UPPER;
		if (r + 1 < end && *r == '-' && (class_or_space(r + 1, end) &
		    C_LETTER))
			return scan_word(t, p, q, end, ti);
		return r;
	}
	if (r == q) {
		while (r < end && *r >= '0' && *r <= '9')
			r++;
		if (r - q == 2 && !(class_or_space(r, end) & C_WORD)) {
			ti->type = TOK_NUM;
			return r;
		}
	}
	if (c == '\'' && p + 1 < end && p[1] == '\'')
		k = 2;
	if (c != '\'' && decode(p, end, &cls) == 0x2018) {
		ti->role = R_OPEN;
		ti->start = S_UPPER;
		return p + k;
	}
	if (quote_opens(t, p + k, end, after_space)) {
		ti->role = R_OPEN;
		ti->start = S_UPPER;
	} else {
		ti->role = R_CLOSE;
		ti->start = S_NONE;
	}
	return p + k;
}

/* ---- the line layer --------------------------------------------------- */

static inline int
is_hspace(int c)
{
	return c == ' ' || c == '\t';
}

/* Skips white space (any Unicode space) from p. */
static const char *
skip_space(const char *p, const char *end)
{
	int k;

	while (p < end) {
		if ((unsigned char)*p < 0x80) {
			if (ascii_class[(unsigned char)*p] != C_SPACE)
				break;
			p++;
		} else if (class_at(p, end, &k) == C_SPACE)
			p += k;
		else
			break;
	}
	return p;
}

static const char *
skip_digits(const char *p, const char *end, int max)
{
	const char *q = p;

	while (q < end && q - p < max && *q >= '0' && *q <= '9')
		q++;
	return q;
}

/* A time stamp at p: [h]h:mm[:ss][.fff] (also with ',' as in SRT), maybe
 * in brackets. Returns its end, or NULL. */
static const char *
match_timestamp(const char *p, const char *end)
{
	const char *q = p, *r;
	char close = 0;

	if (q < end && (*q == '[' || *q == '(')) {
		close = *q == '[' ? ']' : ')';
		q++;
	}
	r = skip_digits(q, end, 2);
	if (r == q || r >= end || *r != ':')
		return NULL;
	q = skip_digits(r + 1, end, 2);
	if (q - r != 3)
		return NULL;
	if (q < end && *q == ':') {
		r = skip_digits(q + 1, end, 2);
		if (r - q != 3)
			return NULL;
		q = r;
	}
	if (q < end && (*q == '.' || *q == ',') && q + 1 < end &&
	    q[1] >= '0' && q[1] <= '9')
		q = skip_digits(q + 1, end, 3);
	if (close) {
		if (q >= end || *q != close)
			return NULL;
		q++;
	}
	return q;
}

/* Whether the line is a cue timing line: "00:00:01.000 --> 00:00:04.000". */
static int
is_timing(const char *s, size_t n)
{
	const char *end = s + n, *p = skip_space(s, end), *q;

	if ((q = match_timestamp(p, end)) == NULL || q == p || *p == '[' ||
	    *p == '(')
		return 0;
	p = skip_space(q, end);
	return end - p >= 3 && memcmp(p, "-->", 3) == 0;
}

static int
is_blank(const char *s, size_t n)
{
	return skip_space(s, s + n) == s + n;
}

/* Whether the line holds nothing but a number (an SRT cue number?). */
static int
is_digits_line(const char *s, size_t n)
{
	const char *end = s + n, *p = skip_space(s, end), *q;

	q = skip_digits(p, end, 10);
	return q > p && skip_space(q, end) == end;
}

/* Whether s[0..n) is a name particle: van der Meer, van 't Hof. */
static int
is_particle(const char *s, size_t n)
{
	static const char *const particles[] = {
		"van", "de", "der", "den", "het", "ter", "ten", "te", "'t",
		"la", "le", "du", "von", "da", "di", "del", NULL
	};
	int i;

	for (i = 0; particles[i] != NULL; i++)
		if (strlen(particles[i]) == n &&
		    memcmp(particles[i], s, n) == 0)
			return 1;
	return 0;
}

/*
 * A speaker name at p: up to five words, the first capitalised, the
 * others capitalised, name particles (van, de, 't) or numbers (Spreker 1);
 * words may hold hyphens, apostrophes and full stops (J. de Vries).
 * Returns the end of the last word, or NULL.
 */
static const char *
match_name(const char *p, const char *end)
{
	const char *q = p, *w, *last = NULL;
	int words = 0, k, cls;

	while (q < end && words < 6) {
		w = q;
		cls = class_at(q, end, &k);
		if (cls & C_UPPER) {
			q += k;
			while (q < end) {
				cls = class_at(q, end, &k);
				if ((cls & (C_LETTER | C_MARK | C_DIGIT)) ||
				    *q == '-' || *q == '\'' || *q == '.')
					q += k;
				else
					break;
			}
		} else if (words > 0 && (cls & C_DIGIT)) {
			q = skip_digits(q, end, 4);
		} else if (words > 0 && *q == '(' && q + 1 < end &&
		    (class_or_space(q + 1, end) & C_UPPER)) {
			/* Gespreksleider (Anna) */
			for (q++; q < end && *q != ')' && *q != ':' && q - w < 32;
			    q++)
				;
			if (q >= end || *q != ')')
				break;
			q++;
		} else if (words > 0) {
			while (q < end && ((*q >= 'a' && *q <= 'z') ||
			    *q == '\''))
				q++;
			if (!is_particle(w, (size_t)(q - w)))
				break;
		} else
			break;
		if (q - p > 48)
			return NULL;
		words++;
		last = q;
		if (q + 1 < end && *q == ' ' && q[1] != ' ')
			q++;
		else
			break;
	}
	if (words == 0 || words > 5)
		return NULL;
	return last;
}

/* Sets the speaker of the turn that starts; a new turn is a new paragraph
 * (in cue files only when the speaker changes). */
static void
set_speaker(struct tokeniser *t, const char *s, size_t n)
{
	while (n > 0 && is_hspace(s[n - 1]))
		n--;
	if (t->cue != CUE_NONE && n == t->speaker.len &&
	    memcmp(s, t->speaker.s, n) == 0)
		return;
	t->speaker.len = 0;
	tt_buf_add(&t->speaker, s, n);
	t->need_par = 1;
}

/* Whether the name s..e, or its first word, is a document label from the
 * list (Datum, Onderwerp, Bijlage 2). */
static int
is_label(const struct tokeniser *t, const char *s, const char *e)
{
	const char *w = s;

	if (abbrevs_kind(t->ab, s, (size_t)(e - s)) == ABBR_LABEL)
		return 1;
	while (w < e && *w != ' ')
		w++;
	return w < e && abbrevs_kind(t->ab, s, (size_t)(w - s)) == ABBR_LABEL;
}

/*
 * Whether what follows a label, rest..end, looks like speech, as the first
 * turn of a plain text must: a capital or a quotation first, then the line
 * (which starts at line) ends a sentence or is long running text with
 * lower-case words, wrapped at its end (not
 * "Postbus 12600, 2500 DJ Den Haag", "Actief samen leven", nothing, or a
 * table row "Totaal: Totaal: ...").
 */
static int
speech_follows(const char *line, const char *rest, const char *end)
{
	const char *p, *last;
	int words;

	rest = skip_space(rest, end);
	if (rest >= end || (!(class_or_space(rest, end) &
	    (C_UPPER | C_OLETTER)) && strchr("[(\"'", *rest) == NULL &&
	    !is_cp3(rest, end, 0x2018) && !is_cp3(rest, end, 0x201C) &&
	    !is_cp3(rest, end, 0x201E)))
		return 0;
	/* the last character but spaces and closing brackets and quotes */
	last = end;
	for (;;) {
		if (last > rest && (is_hspace(last[-1]) || last[-1] == ')' ||
		    last[-1] == '"' || last[-1] == '\''))
			last--;
		else if (last - rest >= 3 && (is_cp3(last - 3, end, 0x201D) ||
		    is_cp3(last - 3, end, 0x2019)))
			last -= 3;
		else
			break;
	}
	if (last > rest && strchr(".?!", last[-1]) != NULL)
		return 1;
	if (last - rest >= 3 && is_cp3(last - 3, end, 0x2026))
		return 1;
	if (end - line < 64)
		return 0;
	for (p = rest, words = 0; p < end && words < 3; p++)
		if (*p >= 'a' && *p <= 'z' && (p == rest || is_hspace(p[-1])))
			words++;
	return words >= 3;
}

/*
 * Titles and roles that open a person designation in the records of
 * councils and parliament (Mevrouw Ellemeet, Wethouder Vavier, Minister De
 * Jonge). A role marked alone also designates a person without a name
 * (De voorzitter :); the others need one. Longer forms come first.
 */
#define T(s, alone)	{ s, sizeof s - 1, alone }
static const struct person_title {
	const char	*s;
	size_t		 len;
	int		 alone;
} person_titles[] = {
	T("De heer", 0), T("Mevrouw", 0), T("Meneer", 0),
	T("Mevr.", 0), T("Mw.", 0), T("Dhr.", 0),
	T("De voorzitter", 1), T("De burgemeester", 1),
	T("De wethouder", 1), T("De minister-president", 1),
	T("De minister", 1), T("De staatssecretaris", 1),
	T("De griffier", 1),
	T("Voorzitter", 0), T("Burgemeester", 0), T("Wethouder", 0),
	T("Minister-president", 0), T("Minister", 0),
	T("Staatssecretaris", 0), T("Gedeputeerde", 0),
	T("Commissaris", 0), T("Raadslid", 0), T("Griffier", 0),
	T("Prof.", 0), T("Dr.", 0), T("Drs.", 0), T("Ir.", 0),
	T("Mr.", 0),
	{ NULL, 0, 0 }
};
#undef T

/* The title at p, ending at a space, bracket, colon, full stop or the line
 * end; NULL if none. */
static const struct person_title *
match_title(const char *p, const char *end)
{
	const struct person_title *pt;
	const char *q;

	if (p >= end || *p < 'B' || *p > 'W')
		return NULL;
	for (pt = person_titles; pt->s != NULL; pt++) {
		if (*p != pt->s[0] || (size_t)(end - p) < pt->len ||
		    memcmp(p, pt->s, pt->len) != 0)
			continue;
		q = p + pt->len;
		if (q == end || is_hspace(*q) || *q == '(' || *q == ':' ||
		    (*q == '.' && q[-1] != '.'))
			return pt;
	}
	return NULL;
}

/*
 * A person's name at p: one to four capitalised words, initials (J.,
 * J.W.) among them, with name particles (van, de, der, 't) between or
 * before them. A word holding a digit is no name (D66, Q.1), nor is one
 * with a full stop that is not an initial (Pag.): the full stop after a
 * word ends the name. Returns the end of the last capitalised word, or
 * NULL.
 */
static const char *
match_person_name(const char *p, const char *end)
{
	const char *q = p, *w, *seg, *last = NULL;
	int caps = 0, words = 0, k, cls, letters, upper;

	while (q < end && words < 8) {
		w = q;
		cls = class_at(q, end, &k);
		if (cls & C_UPPER) {
			seg = q;	/* a segment between full stops */
			letters = upper = 0;
			while (q < end) {
				cls = class_at(q, end, &k);
				if (cls & C_DIGIT)
					return NULL;
				if ((cls & (C_LETTER | C_MARK)) || *q == '-' ||
				    *q == '\'') {
					if (q == seg)
						upper = (cls & C_UPPER) != 0;
					letters += (cls & C_LETTER) != 0;
					q += k;
				} else if (*q == '.' && letters == 1 && upper &&
				    q - seg <= 4) {
					seg = ++q;	/* J. J.W. */
					letters = 0;
				} else
					break;
			}
			if (q < end && *q == '.' && letters > 1 && q + 1 < end &&
			    !is_hspace(q[1]))
				return NULL;		/* Q.1, St.Jan */
			caps++;
			last = q;
		} else {
			while (q < end && ((*q >= 'a' && *q <= 'z') ||
			    *q == '\''))
				q++;
			if (q == w || !is_particle(w, (size_t)(q - w)))
				break;
		}
		words++;
		if (caps > 4 || q - p > 64)
			return NULL;
		if (q + 1 < end && *q == ' ' && q[1] != ' ')
			q++;
		else
			break;
	}
	return last;
}

/* A party in brackets at p, after optional spaces: (VVD), ( SP ),
 * (ChristenUnie/SGP), (Hart voor Den Haag), 50PLUS; it holds a capital, so
 * a year (Movisie (2019).) is none. Returns the end past the closing
 * bracket, or NULL. */
static const char *
match_party(const char *p, const char *end)
{
	const char *q = p, *r;
	int k, cls, upper;

	while (q < end && is_hspace(*q))
		q++;
	if (q >= end || *q != '(')
		return NULL;
	for (q++; q < end && is_hspace(*q); q++)
		;
	if (!(class_or_space(q, end) & (C_UPPER | C_DIGIT)))
		return NULL;
	for (r = q, upper = 0; r < end && *r != ')'; r += k) {
		cls = class_at(r, end, &k);
		if (r - q > 48 || (!(cls & (C_WORD | C_SPACE)) &&
		    (*r == '\0' || strchr("/-&+.'", *r) == NULL)))
			return NULL;
		upper |= cls & C_UPPER;
	}
	return r < end && upper ? r + 1 : NULL;
}

/* Copies the designation s..e to buf as the speaker value: runs of spaces
 * squeezed to one, none just inside brackets and one before them
 * ("De heer Hijink ( SP )" gives "De heer Hijink (SP)"). */
static size_t
squeeze_person(char *buf, size_t size, const char *s, const char *e)
{
	size_t n = 0;
	int space = 0;

	for (; s < e && n + 2 < size; s++) {
		if (is_hspace(*s)) {
			space = 1;
			continue;
		}
		if ((space || *s == '(') && *s != ')' && n > 0 &&
		    buf[n - 1] != '(')
			buf[n++] = ' ';
		space = 0;
		buf[n++] = *s;
	}
	return n;
}

/*
 * A turn of a council or parliament record at p: a person designation
 * with a title or a party, "Mevrouw Ellemeet ( GroenLinks ):",
 * "Minister De Jonge :", "De voorzitter :", or in the Den Haag verbatim
 * form with a full stop, "Minke Hofstra (VVD). Voorzitter. ..." and
 * "De voorzitter. ..."; the full stop form only where a paragraph or a
 * sentence starts. A name without title or party is left to the Naam:
 * rule. Sets the speaker, moves *pp past the ':' or '.' and returns 1, or
 * returns 0.
 */
static int
person_turn(struct tokeniser *t, const char *p, const char *end,
    const char **pp)
{
	const struct person_title *pt;
	const char *q = p, *name = NULL, *dend, *r;
	char buf[192];
	int party = 0;

	if ((pt = match_title(p, end)) != NULL) {
		q = p + pt->len;
		if (q + 1 < end && *q == ' ')
			name = match_person_name(q + 1, end);
		if (name == NULL && !pt->alone)
			return 0;
	} else if (memchr(p, '(', (size_t)(end - p) < 80 ?
	    (size_t)(end - p) : 80) == NULL ||
	    (name = match_person_name(p, end)) == NULL)
		return 0;		/* no title, and no party close by */
	dend = name != NULL ? name : q;
	if ((r = match_party(dend, end)) != NULL) {
		dend = r;
		party = 1;
	}
	if (pt == NULL && !party)
		return 0;
	for (r = dend; r < end && is_hspace(*r); r++)
		;
	if (r < end && *r == ':' && (r + 1 == end || is_hspace(r[1]))) {
		/* aligned, "Wethouder X:   ...", is a field */
		if (t->cue == CUE_NONE && r + 2 < end && is_hspace(r[1]) &&
		    is_hspace(r[2]))
			return 0;
	} else if (r == dend && r < end && *r == '.' &&
	    (r + 1 == end || is_hspace(r[1])) &&
	    (party || (name == NULL && strcmp(pt->s, "De voorzitter") == 0))) {
		if (!t->need_par && t->prev_tokens && t->prev_open)
			return 0;
	} else
		return 0;
	/* "Spoedeisende Zorg (SEZ): ambulance-functie" defines a term: without
	 * a title, the first turn of a plain text must be followed by speech */
	if (pt == NULL && t->cue == CUE_NONE && !t->had_turn &&
	    !speech_follows(p, r + 1, end))
		return 0;
	set_speaker(t, buf, squeeze_person(buf, sizeof buf, p, dend));
	*pp = r + 1;
	return 1;
}

/* Number words and ordinals: "Twee: ik denk ..." counts, it names no one. */
static int
is_number_word(const char *s, size_t n)
{
	static const char *const numbers[] = {
		"een", "eén", "één", "Één", "twee", "drie", "vier", "vijf",
		"zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
		"eerste", "tweede", "derde", "vierde", "vijfde", "zesde",
		"zevende", "achtste", "negende", "tiende", "laatste", NULL
	};
	int i;

	for (i = 0; numbers[i] != NULL; i++)
		if (strlen(numbers[i]) == n && (ascii_lower(*s) == *numbers[i]
		    || *s == *numbers[i]) && memcmp(s + 1, numbers[i] + 1,
		    n - 1) == 0)
			return 1;
	return 0;
}


/*
 * Whether the Naam: label s..e, followed by a colon, names no speaker:
 * a number word (Twee:), a list or section marker or an abbreviation in
 * it (Motie Q.1 D66:, Pag. 8:), a bare role followed by nothing but a name
 * (Voorzitter: Arib, who chairs from then on); and, for the first turn of
 * a plain text, a label with no speech after it on the line, which ends
 * at end.
 */
static int
not_a_speaker(const struct tokeniser *t, const char *s, const char *e,
    const char *end)
{
	const struct person_title *pt;
	const char *p, *rest;

	if (is_number_word(s, (size_t)(e - s)))
		return 1;
	for (p = s; p < e; p++)
		if (*p == '.' && ((p > s && p[-1] >= '0' && p[-1] <= '9') ||
		    (p + 1 < e && p[1] >= '0' && p[1] <= '9') ||
		    (p - s >= 2 && p[-1] >= 'a' && p[-1] <= 'z' &&
		    p[-2] >= 'a' && p[-2] <= 'z')))
			return 1;
	rest = skip_space(e + 1, end);
	if ((pt = match_title(s, e)) != NULL && s + pt->len == e &&
	    rest < end && match_name(rest, end) == end)
		return 1;
	return t->cue == CUE_NONE && !t->had_turn &&
	    !speech_follows(s, rest, end);
}

/*
 * Recognises a speaker turn at the start of a line: <v Naam> in cue text,
 * "Naam: ..." (after an optional time stamp) or a line holding just a
 * name and a time stamp ("Jan de Vries   0:03", as Teams and Otter write
 * them). Moves *pp past what was recognised and returns 1, or returns 0.
 */
static int
speaker_turn(struct tokeniser *t, const char **pp, const char *end)
{
	const char *p = *pp, *q, *name, *nend, *ts;

	if (t->skip_tags) {
		while (p < end && *p == '<') {
			q = memchr(p, '>', (size_t)(end - p) < 256 ?
			    (size_t)(end - p) : 256);
			if (q == NULL)
				break;
			if (q - p > 2 && p[1] == 'v' && (p[2] == ' ' ||
			    p[2] == '.')) {
				name = p + 2;
				while (name < q && !is_hspace(*name))
					name++;
				name = skip_space(name, q);
				if (name < q) {
					set_speaker(t, name, (size_t)(q - name));
					*pp = q + 1;
					return 1;
				}
			}
			p = skip_space(q + 1, end);
		}
		*pp = p;
	}
	if (t->flags & TOKF_NOSPEAKERS)
		return 0;
	name = p;
	if ((ts = match_timestamp(p, end)) != NULL && ts < end &&
	    is_hspace(*ts))
		name = skip_space(ts, end);
	if (person_turn(t, name, end, pp))
		return 1;
	if ((nend = match_name(name, end)) == NULL)
		return 0;
	if (nend < end && *nend == ':' && (nend + 1 == end ||
	    is_hspace(nend[1]))) {
		/* Datum: and Onderwerp: are fields, as is anything aligned */
		if (is_label(t, name, nend) ||
		    not_a_speaker(t, name, nend, end) || (t->cue == CUE_NONE &&
		    nend + 2 < end && is_hspace(nend[1]) && is_hspace(nend[2])))
			return 0;
		/* the first turn of a plain text must look like speech: a
		 * capital or a quotation after the colon (not "Open: ma-vr") */
		if (t->cue == CUE_NONE && !t->had_turn &&
		    (q = skip_space(nend + 1, end)) < end &&
		    !(class_or_space(q, end) & (C_UPPER | C_OLETTER)) &&
		    strchr("[(\"',", *q) == NULL && !is_cp3(q, end, 0x2018) &&
		    !is_cp3(q, end, 0x201C) && !is_cp3(q, end, 0x201E))
			return 0;
		set_speaker(t, name, (size_t)(nend - name));
		*pp = nend + 1;
		return 1;
	}
	if (name == p && nend < end && is_hspace(*nend)) {
		q = skip_space(nend, end);
		if ((ts = match_timestamp(q, end)) != NULL &&
		    skip_space(ts, end) == end) {
			set_speaker(t, name, (size_t)(nend - name));
			*pp = end;
			return 1;
		}
	}
	return 0;
}

/* Whether the code point is a list bullet (including the private-use
 * bullets that pdftotext leaves from Word's Symbol font). */
static int
is_bullet(int32_t cp)
{
	switch (cp) {
	case 0x2022: case 0x2023: case 0x2043: case 0x2219: case 0x00B7:
	case 0x25AA: case 0x25AB: case 0x25A0: case 0x25A1: case 0x25CF:
	case 0x25CB: case 0x25E6: case 0x25BA: case 0x25B8: case 0x27A2:
	case 0x2013: case 0x2014: case 0x2713: case 0x2714: case 0x2610:
	case 0x2611: case 0xF0B7: case 0xF0A7: case 0xF0D8: case 0xF0FC:
	case 0xF076:
		return 1;
	}
	return 0;
}

/*
 * Whether a list item starts at p (the first visible character of a
 * line): a bullet, "1.", "1)", "2.3.", "2.3 Kop", "a.", "a)", "(a)".
 * *mlen gets the length of a marker ending in a full stop, which is
 * emitted as one token of type *mtype; 0 for the others.
 */
static int
list_marker(const char *p, const char *end, size_t *mlen,
    enum toktype *mtype)
{
	const char *q, *r;
	int k, groups = 0;
	int32_t cp;

	*mlen = 0;
	if (p >= end)
		return 0;
	if (*p == '-' || *p == '*' || *p == '+')
		return p + 1 == end || is_hspace(p[1]);
	if ((unsigned char)*p >= 0x80) {
		cp = decode(p, end, &k);
		return is_bullet(cp) && (p + k == end ||
		    class_or_space(p + k, end) == C_SPACE);
	}
	if (*p >= '0' && *p <= '9') {
		q = skip_digits(p, end, 3);
		if (q - p > 2)		/* 100. at a line start ends a sentence */
			return 0;
		while (q + 1 < end && *q == '.' && q[1] >= '0' && q[1] <= '9') {
			r = skip_digits(q + 1, end, 4);
			if (r - q > 4)
				return 0;
			q = r;
			groups++;
		}
		if (q < end && (*q == '.' || *q == ')') &&
		    (q + 1 == end || is_hspace(q[1]))) {
			if (*q == '.') {
				*mlen = (size_t)(q + 1 - p);
				*mtype = TOK_NUM;
			}
			return 1;
		}
		if (groups > 0 && q < end && is_hspace(*q)) {
			r = skip_space(q, end);
			return r < end && (class_or_space(r, end) & C_UPPER);
		}
		return 0;
	}
	if (p + 1 < end && (p[1] == '.' || p[1] == ')') &&
	    (p + 2 == end || is_hspace(p[2]))) {
		if (*p >= 'a' && *p <= 'z') {
			if (p[1] == '.') {
				*mlen = 2;
				*mtype = TOK_ABBR;
			}
			return 1;
		}
		return *p >= 'A' && *p <= 'Z' && p[1] == ')';
	}
	if (*p == '(' && p + 3 < end) {
		q = p + 1;
		while (q < end && q - p <= 3 && ((*q >= 'a' && *q <= 'z') ||
		    (*q >= '0' && *q <= '9')))
			q++;
		return q > p + 1 && q + 1 < end && *q == ')' &&
		    is_hspace(q[1]);
	}
	return 0;
}

/*
 * Tokenises one line of text: a speaker turn at its start, the decision
 * whether a heading or list item ended at the previous line end, then
 * the tokens.
 */
static void
text_line(struct tokeniser *t, const char *s, size_t n, unsigned long lineno)
{
	const char *p, *q, *end = s + n, *last;
	struct tokinfo ti;
	enum toktype mtype = TOK_NUM;
	size_t mlen;
	int after_space = 1, list, k, layout = 0;

	t->line = lineno;
	t->next_at = memchr(s, '@', n);
	t->nodomain = s;
	t->line_tokens = 0;
	t->prevc = ' ';
	t->eol = end;
	t->last_word = NULL;
	p = skip_space(s, end);
	/*
	 * A turn starts where a sentence may start: not in the middle of a
	 * long wrapped line of running text ("... zoals in\nUtrecht: daar"),
	 * unless the document has shown itself to be a transcript.
	 */
	if ((t->cue != CUE_NONE || t->had_turn || t->need_par ||
	    !t->prev_tokens || !t->prev_open || t->prev_short) &&
	    speaker_turn(t, &p, end)) {
		t->had_turn = 1;
		p = skip_space(p, end);
	}
	list = list_marker(p, end, &mlen, &mtype);
	if (t->prev_tokens && !t->need_par && p < end) {
		if (list)
			t->cand = CAND_FORCE;
		else if (t->prev_open && (t->prev_list || (t->prev_short &&
		    t->cue == CUE_NONE)) &&
		    (class_or_space(p, end) & C_UPPER))
			t->cand = CAND_FORCE;
	}
	if (mlen > 0) {
		push(t, p, mlen, mtype, R_PLAIN, S_UPPER);
		p += mlen;
		t->prevc = (unsigned char)p[-1];
		after_space = 0;
	}
	while (p < end) {
		unsigned char c = (unsigned char)*p;

		if (c < 0x80) {
			if (ascii_class[c] == C_SPACE) {
				/* columns set apart by runs of spaces: a table */
				if (c == ' ' && p + 2 < end && p[1] == ' ' &&
				    p[2] == ' ' && t->line_tokens > 0)
					layout = 1;
				p++;
				after_space = 1;
				continue;
			}
			if (c == '&' && t->skip_tags &&
			    (q = cue_entity(t, p, end, &after_space)) != NULL) {
				p = q;
				continue;
			}
			if (c == '<' && t->skip_tags && (q = memchr(p, '>',
			    (size_t)(end - p) < 256 ? (size_t)(end - p) : 256))
			    != NULL) {
				p = q + 1;
				after_space = 1;
				continue;
			}
		} else if (class_at(p, end, &k) == C_SPACE) {
			p += k;
			after_space = 1;
			continue;
		}
		q = scan_token(t, p, end, after_space, &ti);
		if (ti.role == R_OPEN)
			ti.start = open_start(q, end);
		push(t, p, (size_t)(q - p), ti.type, ti.role, ti.start);
		t->prevc = (unsigned char)q[-1];
		after_space = 0;
		p = q;
	}
	if (t->line_tokens > 0) {
		last = end;
		while (last > s && is_hspace(last[-1]))
			last--;
		t->prev_tokens = 1;
		switch (t->last_role) {
		case R_TERM:
		case R_STRONG:
		case R_ELLIPSIS:
		case R_ABBR_END:
		case R_ABBR_PRE:
		case R_NOSTART:
			t->prev_open = 0;
			break;
		default:
			t->prev_open = !t->last_elided;
			break;
		}
		t->prev_short = last - skip_space(s, last) < 64 || layout;
		t->prev_list = list;
	}
}

/* A blank line outside cue files: the next token starts a paragraph; the
 * speaker of a "Naam:" turn ends with it. */
static void
blank_line(struct tokeniser *t)
{
	t->need_par = 1;
	t->cand = CAND_NONE;
	t->prev_tokens = 0;
	t->speaker.len = 0;
}

static int
starts_word(const char *s, size_t n, const char *w)
{
	size_t len = strlen(w);

	return n >= len && memcmp(s, w, len) == 0 && (n == len ||
	    is_hspace(s[len]));
}

/*
 * One input line: WebVTT and SRT structure (header, cue numbers and ids,
 * timing lines, NOTE blocks) is dropped; a line of digits is held until
 * the next line shows whether it numbers an SRT cue.
 */
static void
line_in(struct tokeniser *t, const char *s, size_t n, unsigned long lineno,
    int may_hold)
{
	int blank = is_blank(s, n);

	if (t->cue == CUE_NONE) {
		if (t->nlines == 1 && starts_word(s, n, "WEBVTT")) {
			t->cue = CUE_VTT;
			t->cs = CS_HEADER;
			t->skip_tags = 1;
			return;
		}
		if (blank) {
			blank_line(t);
			return;
		}
		if (is_timing(s, n)) {
			t->cue = CUE_SRT;
			t->cs = CS_TEXT;
			t->skip_tags = 1;
			t->speaker.len = 0;
			return;
		}
		if (may_hold && is_digits_line(s, n)) {
			t->held.len = 0;
			tt_buf_add(&t->held, s, n);
			t->held_line = lineno;
			t->holding = 1;
			return;
		}
		text_line(t, s, n, lineno);
		return;
	}
	switch (t->cs) {
	case CS_HEADER:
	case CS_SKIP:
		if (blank)
			t->cs = CS_BLOCK;
		return;
	case CS_BLOCK:
	case CS_ID:
		if (blank)
			return;
		if (is_timing(s, n)) {
			t->cs = CS_TEXT;
			return;
		}
		if (t->cs == CS_BLOCK && t->cue == CUE_VTT) {
			if (starts_word(s, n, "NOTE") ||
			    starts_word(s, n, "STYLE") ||
			    starts_word(s, n, "REGION"))
				t->cs = CS_SKIP;
			else
				t->cs = CS_ID;
			return;
		}
		if (t->cs == CS_BLOCK && is_digits_line(s, n)) {
			t->cs = CS_ID;
			return;
		}
		t->cs = CS_TEXT;
		text_line(t, s, n, lineno);
		return;
	case CS_TEXT:
		if (blank)
			t->cs = CS_BLOCK;
		else if (!is_timing(s, n))
			text_line(t, s, n, lineno);
		return;
	}
}

void
tokeniser_line(struct tokeniser *t, const char *s, size_t n,
    unsigned long lineno)
{
	t->nlines++;
	if (t->holding) {
		t->holding = 0;
		if (t->cue == CUE_NONE && is_timing(s, n)) {
			t->cue = CUE_SRT;
			t->cs = CS_TEXT;
			t->skip_tags = 1;
			t->speaker.len = 0;
			return;
		}
		line_in(t, t->held.s, t->held.len, t->held_line, 0);
	}
	line_in(t, s, n, lineno, 1);
}

void
tokeniser_end(struct tokeniser *t)
{
	if (t->holding) {
		t->holding = 0;
		line_in(t, t->held.s, t->held.len, t->held_line, 0);
	}
}
