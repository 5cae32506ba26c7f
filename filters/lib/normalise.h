/*
 * normalise.h - the core of tt-normalise, kept apart so that fuzz targets
 * and tests can drive it without the program around it.
 *
 * Three parts:
 *  - norm_chars(): character-level clean-up of one line (NFC, ligatures,
 *    full-width forms, invisible characters, odd spaces, quotes, dashes,
 *    control characters);
 *  - struct normjoin: re-joins words hyphenated at a line end while
 *    keeping one output line per input line;
 *  - norm_pagenumber() and norm_furniture_key(): the pieces of page
 *    furniture detection that look at a single line.
 * Nothing here allocates per line: every buffer is reused.
 */
#ifndef NORMALISE_H
#define NORMALISE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define NORM_KEEP_PUNCT	1	/* keep typographic quotes, dashes, ellipsis */

/* Scratch space for norm_chars, reused from line to line. Zero it once. */
struct normscratch {
	struct ttbuf	 tmp;		/* mapped text before NFC */
	struct ttbuf	 piece;		/* one piece after NFC */
};

/*
 * Normalises the UTF-8 text s[0..n) (one line, no newline) into out (reset
 * first) and returns out->len. Invalid UTF-8 becomes U+FFFD. A line of
 * plain ASCII without control characters is copied unchanged; the caller
 * may test norm_ascii_clean() first and skip the copy.
 */
size_t	 norm_chars(struct ttbuf *out, struct normscratch *sc, const char *s,
	    size_t n, int flags);
/* Whether s[0..n) is printable ASCII, TAB and FF only (needs no work). */
int	 norm_ascii_clean(const char *s, size_t n);
void	 norm_scratch_free(struct normscratch *sc);

/*
 * The line joiner. Lines go in one at a time with normjoin_line() after
 * norm_chars(); they come out, in order and one for one, through emit().
 * A line ending in a hyphen that only marks a line break is held until the
 * next line with text arrives: the first part of that line (up to the
 * first space) is then moved to the end of the held line, without the
 * hyphen when the hyphen only marked the break, with it when it belongs to
 * the word. Lines flagged as furniture (blanked page headers and footers)
 * and lines holding only a form feed are looked through, so a word broken
 * across a page is joined too; an empty line (a paragraph break) stops
 * the join. normjoin_flush() ends a document.
 */
struct normjoin {
	void	(*emit)(const char *s, size_t n, void *arg);
	void	*arg;
	/* private */
	struct ttbuf	 held;		/* the line waiting for its continuation */
	int		 holding;
	struct ttbuf	*queue;		/* transparent lines after the held one */
	size_t		 nqueue, qcap;
	int		 pagebreak;	/* the queue holds furniture or a \f */
	int		 plainblank;	/* the queue holds an empty line */
	struct ttbuf	 rest, tmp;
};

void	 normjoin_init(struct normjoin *j,
	    void (*emit)(const char *, size_t, void *), void *arg);
/* Feeds one normalised line (no newline). furniture: the line was blanked
 * as page furniture (it holds at most a form feed). */
void	 normjoin_line(struct normjoin *j, const char *s, size_t n,
	    int furniture);
/* Emits whatever is held: call at the end of each document. */
void	 normjoin_flush(struct normjoin *j);
void	 normjoin_free(struct normjoin *j);

/*
 * The decision itself, exposed for tests: a is the held line ending in a
 * hyphen (or soft hyphen), b the continuation line. Returns NORM_NOJOIN,
 * NORM_JOIN (drop the hyphen) or NORM_JOINKEEP (keep it).
 */
#define NORM_NOJOIN	0
#define NORM_JOIN	1
#define NORM_JOINKEEP	2
int	 norm_join_decision(const char *a, size_t alen, const char *b,
	    size_t blen);

/* Whether the line is only a page number: "12", "- 12 -", "(12)", "12/40",
 * "Pagina 3 van 10", "blz. 3", "Page 3 of 10", "p. 3", "xii". */
int	 norm_pagenumber(const char *s, size_t n);
/* The key under which a short line is compared across pages: the text with
 * form feeds and outer blanks removed, inner blanks collapsed and every run
 * of digits written as one '#'. Returns 0 (no key) for empty lines and
 * lines longer than NORM_FURNITURE_MAX bytes. */
#define NORM_FURNITURE_MAX	120
uint64_t norm_furniture_key(const char *s, size_t n);

#endif
