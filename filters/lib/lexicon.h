/*
 * lexicon.h - lexicons (tt-lexicon(5)): loading, compiling and matching.
 *
 * A lexicon is a TSV file of entries (id, pattern, category, alternative,
 * note, weight). lexicon_load() reads one or more of them and compiles
 * every pattern; a matcher then runs all entries over the token stream at
 * once, with leftmost-longest, non-overlapping semantics within a sentence.
 *
 * Folding, the same for patterns and text (lexicon_keys() below):
 *   form key  fold(word, FOLD_CASE|FOLD_ACCENTS|FOLD_COMPAT)
 *   stem key  fold(stemmer_stem(fold(word, FOLD_CASE)),
 *                  FOLD_CASE|FOLD_ACCENTS|FOLD_COMPAT)
 *             or, when the stream has a stem column, that value folded with
 *             FOLD_CASE|FOLD_ACCENTS|FOLD_COMPAT; then a final v becomes f
 *             and a final z becomes s (initiatieven/initiatief), a final
 *             ies becomes ie (indicaties/indicatie), and a
 *             doubled a, e, o or u before a final consonant is undoubled
 *             (sociaal/sociale: Snowball gives sociaal and social).
 * Plain pattern words compare stem keys; =form, globs and /regex/ look at
 * the form key.
 *
 * Tie-breaking among matches that start at the same token: the longest
 * span (first to last token) wins; then an exception (category "-");
 * then the fewest gap tokens; then the entry that comes first (lexicons in
 * the order given, entries in file order). Matching restarts after the
 * last token of a match.
 *
 * Exceptions are how a lexicon says "this phrase contains a term but is
 * not one" (geregistreerd partnerschap, toegang tot de arbeidsmarkt): an
 * exception that wins leaves its tokens unmarked (LEX_NONE), so no other
 * entry can claim them. Entries excluded with matcher_exclude() behave the
 * same way for one run.
 */
#ifndef LEXICON_H
#define LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* One lexicon entry. Strings are NUL-terminated and owned by the lexicon;
 * an absent optional value is "" (never NULL). */
struct lexentry {
	const char	*key;		/* "lexicon:id", the entry's identity */
	const char	*lexname;	/* file base name without .tsv */
	const char	*id;
	const char	*pattern;	/* as written in the file */
	const char	*category;	/* "a" or "a|b": as written, no spaces
					 * around | */
	const char	*alternative;	/* "" when none */
	const char	*note;		/* "" when none */
	double		 weight;	/* 1 when not given */
	int		 catid;		/* dense category number, from 0: the
					 * first of catids */
	int		 exception;	/* category "-": matches, never counts */
	int		 ntokpat;	/* token patterns in the pattern */
	int		 maxspan;	/* most tokens a match can cover */
	const char	*file;		/* file name as given, for messages */
	unsigned long	 line;		/* line of the entry in file */
	int		 ncat;		/* categories: 1, more with "a|b" */
	const int	*catids;	/* their numbers, in the order written */
};

struct lexicon;

/*
 * Loads and compiles the lexicon files paths[0..n). Every error is
 * reported as "file:line: what" (tt_error, status 2) and the whole file
 * set is still read so that all errors are listed; NULL is returned when
 * there was any error (the caller exits 2 and writes nothing). A file
 * path without '/' is looked up with tt_data_path().
 */
struct lexicon	*lexicon_load(const char *const *paths, int n);

/*
 * Builds a lexicon from pattern strings given on a command line (tt-kwic
 * -e). Entry i (from 0) has id "i+1", key "pattern:i+1", lexname
 * "pattern", category "pattern", file where and line i+1. Errors are
 * reported as "where: what" (where like "-e"); NULL then.
 */
struct lexicon	*lexicon_from_patterns(const char *const *patterns, int n,
		    const char *where);

void		 lexicon_free(struct lexicon *lx);

size_t		 lexicon_count(const struct lexicon *lx);
const struct lexentry *lexicon_entry(const struct lexicon *lx, size_t i);
/* Index of the entry with key "lexicon:id", or -1. */
long		 lexicon_find(const struct lexicon *lx, const char *key);
/* Categories, numbered from 0 in order of first appearance; a field
 * "a|b" names two (an entry counts in each). */
int		 lexicon_ncategories(const struct lexicon *lx);
const char	*lexicon_category(const struct lexicon *lx, int catid);
/* The category that makes an entry an exception; it names no column, no
 * colour, nothing that is counted. */
#define LEXICON_EXCEPTION	"-"
int		 lexicon_category_is_exception(const struct lexicon *lx,
		    int catid);
/* Whether name is the category field of e as written or one of its
 * categories. */
int		 lexentry_in_category(const struct lexicon *lx,
		    const struct lexentry *e, const char *name);
/* Most tokens any match can cover (tokens of the pattern plus its gaps):
 * the most tokens a matcher keeps pending. */
int		 lexicon_maxspan(const struct lexicon *lx);

/*
 * Computes the form and stem keys of a word (see the top of this file)
 * into form and stem (reset first). stemcol is the value of the stream's
 * stem column, or NULL to stem the word here. Not for the hot path (the
 * matcher caches per distinct word); for tools that need the keys.
 */
void		 lexicon_keys(const struct lexicon *lx, const char *word,
		    size_t wlen, const char *stemcol, size_t stemlen,
		    struct ttbuf *form, struct ttbuf *stem);

/* ---- the matcher: streaming, bounded buffering ------------------------ */

/*
 * Feed every token of the stream in order with matcher_feed(), then call
 * matcher_pop() until it returns 0: each call settles the oldest pending
 * token, in input order, once no pending match can change it. At the end
 * of input call matcher_finish() and pop the rest. At most
 * lexicon_maxspan() tokens (plus the one just fed) are ever pending, so a
 * caller that keeps each token's line until it is popped buffers little.
 *
 * The word and stem are the unescaped field values; stem is NULL when the
 * stream has no stem column. sentence is any key that differs between
 * consecutive sentences (e.g. hash of doc and sent): matches never cross a
 * change of key. Per token the matcher does one hash lookup in a cache of
 * distinct words (bounded: cleared when it grows large) and no malloc.
 */
enum lexrole {
	LEX_NONE,	/* not part of a match */
	LEX_FIRST,	/* first token of a match */
	LEX_INSIDE,	/* a later token matched by a token pattern */
	LEX_GAP		/* a token skipped by a ~N gap inside a match */
};

struct lexmark {
	enum lexrole	 role;
	/* entry index; with LEX_NONE -1, or the exception or excluded entry
	 * that holds the token (ntok and pos as for a match) */
	long		 entry;
	int		 ntok;	/* LEX_FIRST: tokens covered, first..last */
	int		 ngap;	/* LEX_FIRST: gap tokens among them */
	int		 pos;	/* position in the match: 0 for the first */
};

struct matcher;

struct matcher	*matcher_new(const struct lexicon *lx);
void		 matcher_free(struct matcher *m);
/*
 * Leaves the matches of the entries named by spec out of this matcher's
 * results, as if they were exceptions: spec is an entry key
 * ("lexicon:id"), an id, or a category. Returns how many entries it
 * names (0: the caller says spec is unknown).
 */
size_t		 matcher_exclude(struct matcher *m, const char *spec);
void		 matcher_feed(struct matcher *m, const char *word, size_t wlen,
		    const char *stem, size_t stemlen, uint64_t sentence);
/*
 * Whether tokens of this type (the stream's `type` column) stay out of
 * matching: URLs and e-mail addresses, whose parts are no use of a term.
 * Feed such a token with wlen 0: an empty word matches nothing.
 */
int		 lexicon_type_excluded(const char *type, size_t n);
/* No more tokens: every pending token can be popped. */
void		 matcher_finish(struct matcher *m);
/* Settles the oldest pending token into *mk: 1, or 0 when none can be
 * settled yet. */
int		 matcher_pop(struct matcher *m, struct lexmark *mk);
/* Clears all state (pending tokens) for a new, unrelated input. */
void		 matcher_reset(struct matcher *m);

/* The kind of token pattern tp (from 0) of entry: "stem", "form",
 * "prefix", "suffix", "infix" or "regex"; and the gap (0 or N of ~N)
 * before it. */
const char	*lexicon_tokpat_kind(const struct lexicon *lx, size_t entry,
		    int tp, int *gap);

/* ---- explaining: every entry against a few words ---------------------- */

struct lexhit {
	size_t		 entry;
	int		 first, last;	/* token indexes, inclusive */
	int		 ngap;
};

/*
 * Tries every entry at every start position of words[0..n) (all in one
 * sentence; no leftmost-longest selection between entries) and calls fn
 * for each entry and start where it matches, with its best span by the
 * tie-breaking rules. Not for the hot path.
 */
void		 lexicon_scan(const struct lexicon *lx,
		    const char *const *words, const size_t *lens, int n,
		    void (*fn)(const struct lexhit *, void *), void *arg);

/*
 * Describes in b (reset first) why token pattern number tp (from 0) of
 * entry matches word: "stem 'wijkteam'", "exact form 'wmo'", "prefix glob
 * 'wijkteam*'", "suffix glob '*zorg'", "infix glob '*team*'", "regex
 * /.../". Returns 1 when it matches, 0 (b says what was compared) if not.
 */
int		 lexicon_why(const struct lexicon *lx, size_t entry, int tp,
		    const char *word, size_t wlen, struct ttbuf *b);

/*
 * Lints the lexicon for tt-lexicon check: warns ("file:line: what") about
 * entries that can never match because an earlier entry always wins, and
 * single-word patterns that also match one of the common words
 * (common[0..ncommon), plain words). Returns the number of warnings.
 */
int		 lexicon_lint(const struct lexicon *lx,
		    const char *const *common, size_t ncommon);

#endif
