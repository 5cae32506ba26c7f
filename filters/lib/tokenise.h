/*
 * tokenise.h - the Dutch tokeniser behind tt-tokenise, kept apart from the
 * program so that tests and fuzz targets can drive it directly.
 *
 * Text goes in one line at a time (tokeniser_line); tokens come out, in
 * order, through a callback, each with its input line, paragraph, sentence
 * and token numbers, a type and the speaker of the transcript turn it
 * belongs to. Tokens point into the line passed in (or into the tokeniser's
 * own copy of a held line) and are valid only during the callback. Nothing
 * is allocated per token or per line once the buffers have grown.
 *
 * The work is split in three layers:
 *  - the line layer recognises blank lines (paragraphs), headings and list
 *    items, speaker turns ("Naam: ...", "Naam  0:03"), and WebVTT and SRT
 *    cues (header, cue ids and timing lines are dropped, <v Naam> gives
 *    the speaker, other tags are skipped);
 *  - the scanner splits a line into tokens with Dutch rules (abbreviations
 *    from a data file, clitics, compounds, elisions, numbers, URLs, e-mail
 *    addresses, tags, quotes);
 *  - the sentence layer decides, when a token arrives, whether the token
 *    before it ended a sentence.
 */
#ifndef TOKENISE_H
#define TOKENISE_H

#include <stddef.h>

enum toktype {
	TOK_WORD,
	TOK_NUM,
	TOK_PUNCT,
	TOK_SYM,
	TOK_URL,
	TOK_EMAIL,
	TOK_TAG,
	TOK_ABBR
};

/* "word", "num", ... indexed by enum toktype. */
extern const char *const toktype_name[];

struct token {
	const char	*s;		/* the token as written */
	size_t		 len;
	enum toktype	 type;
	unsigned long	 line;		/* input line number */
	unsigned long	 par;		/* paragraph within the document */
	unsigned long	 sent;		/* sentence within the document */
	unsigned long	 tok;		/* token within the document */
	const char	*speaker;	/* speaker of the turn, NULL if none */
	size_t		 speakerlen;
};

typedef void (*tok_emit_fn)(const struct token *tk, void *arg);

/*
 * The abbreviation list: one entry a line, '#' starts a comment, an
 * optional second field after a TAB gives the kind:
 *   (none)  an abbreviation that ends a sentence when a capitalised word
 *           follows (enz., etc., rk.);
 *   pre     one that stands before what it qualifies and never ends a
 *           sentence before a capital (dhr., dr., o.a., bijv., nr.);
 *   word    one whose form without the full stop is also a common word
 *           (tel., min.): an abbreviation only when a lower-case word or a
 *           number follows on the same line;
 *   clitic  a form with a leading apostrophe ('t, 's, 'n);
 *   label   not an abbreviation: a word that, followed by a colon at the
 *           start of a line, labels a field of a document (Datum:,
 *           Onderwerp:) and is not the name of a speaker.
 * Matching ignores ASCII case.
 */
#define ABBR_END	0
#define ABBR_PRE	1
#define ABBR_WORD	2
#define ABBR_CLITIC	3
#define ABBR_LABEL	4

struct abbrevs;
struct abbrevs	*abbrevs_new(void);
void		 abbrevs_free(struct abbrevs *a);
/* Adds one entry; returns -1 when it is too long or empty. */
int		 abbrevs_add(struct abbrevs *a, const char *s, size_t n,
		    int kind);
/* Loads a list file; reports "prog: file:line: what" and returns -1 on
 * a bad entry or when the file cannot be read. */
int		 abbrevs_load(struct abbrevs *a, const char *path);
/* Kind of s[0..n) (ABBR_*), or -1 when it is not in the list. */
int		 abbrevs_kind(const struct abbrevs *a, const char *s, size_t n);
size_t		 abbrevs_count(const struct abbrevs *a);

#define TOKF_NOSPEAKERS	1	/* do not look for "Naam:" turns */

struct tokeniser;
/* A tokeniser using the list ab (not copied; it must outlive the
 * tokeniser) and calling emit(token, arg) for every token. */
struct tokeniser *tokeniser_new(const struct abbrevs *ab, int flags,
		    tok_emit_fn emit, void *arg);
void		 tokeniser_free(struct tokeniser *t);
/* Starts a document: paragraph, sentence and token numbers restart. */
void		 tokeniser_begin(struct tokeniser *t);
/* One line of text without its line end; s need not be NUL-terminated
 * but must be valid UTF-8 (the shared reader guarantees it). */
void		 tokeniser_line(struct tokeniser *t, const char *s, size_t n,
		    unsigned long lineno);
/* Ends the document: a held line is tokenised. */
void		 tokeniser_end(struct tokeniser *t);

#endif
