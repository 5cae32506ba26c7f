/*
 * err.h - layer 1 (libc only): messages, exit status, checked stdout,
 * data file paths. err.c and data.c.
 *
 * The library is layered; a file includes only headers of its own layer
 * or below (tests/layers.sh checks it):
 *   1  err.h buf.h                  errors, memory, buffers, numbers
 *   2  utf8.h fold.h hash.h         UTF-8, Unicode folding, hashing
 *   3  reader.h                     the line reader
 *   4  stream.h                     TSV fields, stream reader and writer
 *   5  stem.h lexicon.h tokenise.h normalise.h
 *                                   stemming, lexicons, tokenising,
 *                                   normalising
 * tt.h includes layers 1-4 and stem.h, for programs only.
 */
#ifndef TT_ERR_H
#define TT_ERR_H

#include <stdio.h>

#define TT_VERSION "0.1.0"

#if defined(__GNUC__)
#define TT_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define TT_NORETURN __attribute__((noreturn))
#else
#define TT_PRINTF(a, b)
#define TT_NORETURN
#endif

extern const char *tt_prog;	/* program name used in every message */
extern int tt_status;		/* exit status so far: 0, or 2 after an error */

/* Sets the program name, restores SIGPIPE, gives stdout a large buffer. */
void	 tt_init(const char *prog);
/* "prog: message\n" on stderr; tt_warn keeps the status, tt_error sets 2. */
void	 tt_warn(const char *fmt, ...) TT_PRINTF(1, 2);
void	 tt_error(const char *fmt, ...) TT_PRINTF(1, 2);
TT_NORETURN void tt_die(const char *fmt, ...) TT_PRINTF(1, 2);
/* Prints "prog (transitietaal) VERSION" and, when stemmer is not NULL (a
 * program that stems passes stemmer_algorithm()), "stemmer: libstemmer
 * STEMMER (Snowball Dutch, Porter)"; exits 0. */
TT_NORETURN void tt_version(const char *stemmer);
/* Prints text (a usage message) to stdout and exits 0: for --help. */
TT_NORETURN void tt_help(const char *usage);
/* Prints text to stderr and exits 2: for bad usage. */
TT_NORETURN void tt_usage(const char *usage);
/*
 * Flushes and closes stdout; a write error is reported. Returns the exit
 * status for main: tt_status, or 2 if stdout failed. Output buffered above
 * stdio is flushed first through the hook set with tt_on_finish: the stream
 * writer (stream.c) sets its out_flush there when it is linked, so a
 * program that writes with out_*() needs no call of its own, and this
 * layer calls no layer above it.
 */
int	 tt_finish(void);
/* Sets the function tt_finish (and so tt_help, tt_version) calls before
 * it flushes stdout; one hook, the last one set wins. */
void	 tt_on_finish(void (*flush)(void));

/* Path of a data file (a lexicon, the abbreviation list) found without
 * configuration: $TT_LEXDIR, then lexicons/ beside the program's bin/ (the
 * source tree), then ../share/transitietaal/lexicons/ beside it (after make
 * install), then the installed DATADIR. name may also be a path: if it
 * contains a '/' it is returned as it is. Returns a static buffer, or NULL
 * when the file is found nowhere. */
const char *tt_data_path(const char *name);

#endif
