/*
 * tt.h - the shared internal library of transitietaal.
 *
 * One header for the families in filters/lib/: err.c (messages, exit
 * status, checked stdout), reader.c (the line reader), stream.c (the token
 * stream reader and the TSV writer), fold.c (Unicode folding), hash.c
 * (interning and integer maps), stem.c (the cached Snowball stemmer).
 * Larger families with their own interface (tokenise, lexicon) have their
 * own header beside this one.
 */
#ifndef TT_H
#define TT_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define TT_VERSION "0.1.0"

#if defined(__GNUC__)
#define TT_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define TT_NORETURN __attribute__((noreturn))
#else
#define TT_PRINTF(a, b)
#define TT_NORETURN
#endif

/* ---- err.c: messages, exit status, memory, stdout ---------------------- */

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
/* Parses a whole non-negative decimal number; -1 when s is not one. */
long	 tt_parse_count(const char *s);

/* Path of a data file (a lexicon, the abbreviation list) found without
 * configuration: $TT_LEXDIR, then lexicons/ beside the program's bin/ (the
 * source tree), then ../share/transitietaal/lexicons/ beside it (after make
 * install), then the installed DATADIR. name may also be a path: if it
 * contains a '/' it is returned as it is. Returns a static buffer, or NULL
 * when the file is found nowhere. */
const char *tt_data_path(const char *name);

void	*tt_xmalloc(size_t n);
void	*tt_xcalloc(size_t n, size_t size);
void	*tt_xrealloc(void *p, size_t n);
char	*tt_xstrdup(const char *s);

/* A growable byte buffer, reused across lines so the hot path does not
 * allocate. s is always NUL-terminated after the tt_buf_* calls. */
struct ttbuf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};
void	 tt_buf_reserve(struct ttbuf *b, size_t n);	/* room for len+n+1 */
void	 tt_buf_add(struct ttbuf *b, const char *s, size_t n);
void	 tt_buf_addc(struct ttbuf *b, int c);
void	 tt_buf_free(struct ttbuf *b);

/* ---- reader.c: the one line reader ------------------------------------- */

#define READER_MAXFIELDS	64

/* A field of a TAB-separated line: s[0..len), not NUL-terminated. */
struct ttfield {
	const char	*s;
	size_t		 len;
};

/*
 * Reads lines of any length from a file or stdin ("-", named "<stdin>").
 * A line ends at LF, CRLF or a lone CR; a missing final newline is fine; a
 * UTF-8 BOM at the start of the file is dropped. Every NUL byte and every
 * byte of invalid UTF-8 is replaced by U+FFFD, and the first such line of a
 * file is reported once as a warning (the exit status is unchanged): after
 * reader_next() the line is always valid UTF-8 without NUL.
 * A file that starts like a PDF, gzip, zip (DOCX/ODT) or other binary file
 * is refused by reader_open with a message saying how to convert it.
 */
struct ttreader {
	int		 fd;
	const char	*name;		/* file name for messages */
	unsigned long	 lineno;	/* number of the current line, from 1 */
	char		*line;		/* current line, NUL-terminated unless
					 * the file is mapped (reader_map) */
	size_t		 len;		/* its length in bytes */
	unsigned long	 nbad;		/* bytes replaced by U+FFFD so far */
	/* private */
	char		*buf;
	size_t		 bufpos, buflen;
	struct ttbuf	 lbuf, fixbuf;
	int		 eof, pendcr, warned, isstdin;
	/* The line split at TABs while it was checked: the number of fields,
	 * or -1 when not split; the first READER_MAXFIELDS of them (room for
	 * a block's worth more, so a block's TABs need no bounds check). */
	long		 nfields;
	struct ttfield	 fields[READER_MAXFIELDS + 64];
	/* 0 when the line is known to hold no backslash */
	int		 escapes;
	/* the 64-byte block of buf at offset blk, classified: bit i of each
	 * mask says byte i is LF, TAB, or NUL, CR, non-ASCII or backslash */
	size_t		 blk;
	uint64_t	 mnl, mtab, mspecial;
	int		 avx2;		/* classify with AVX2 */
	/* buf is a window of maplen bytes of the file, which is mapped
	 * (reader_map) from mapoff on */
	int		 mapped;
	size_t		 maplen;
	off_t		 mapoff, filesize;
};

/* Opens path ("-" is stdin). binary_check: refuse binary files. Returns 0,
 * or -1 after reporting the error (tt_status is set to 2). */
int	 reader_open(struct ttreader *r, const char *path, int binary_check);
/* Reads the next line: 1, or 0 at end of file, or -1 on a read error
 * (reported, tt_status 2). */
int	 reader_next(struct ttreader *r);
/* After reader_open: reads a regular file through a memory map rather than
 * read(2), which saves a copy of every byte. Lines are then not
 * NUL-terminated: for readers that use only line lengths. */
void	 reader_map(struct ttreader *r);
void	 reader_close(struct ttreader *r);

/* ---- stream.c: the token stream --------------------------------------- */

#define STREAM_MAXCOLS	READER_MAXFIELDS

/*
 * Reads the token stream from the named files in turn (or stdin when there
 * are none). The first line of each file must be the header ('#' and
 * TAB-separated column names); the header of later files must equal the
 * first, and repeated identical header lines are skipped. A data line
 * whose field count differs from the header is reported and skipped. A
 * file that cannot be opened is reported and the others are still read.
 * All of these set tt_status to 2.
 */
struct ttstream {
	struct ttreader	 rd;
	char		**paths;
	int		 npaths, cur;
	int		 open;		/* rd holds an open file */
	char		*header;	/* first header line, with '#' */
	size_t		 headerlen;
	int		 ncols;
	char		*cols[STREAM_MAXCOLS];
	const struct ttfield *f;	/* fields of the record */
	struct ttfield	 fbuf[STREAM_MAXCOLS];	/* f, when the reader did not
						 * split the line */
	const char	*line;		/* the whole record line */
	size_t		 linelen;
	const char	*name;		/* file of the current record */
	unsigned long	 lineno;	/* its line number */
	unsigned long	 nragged;	/* rows of the file skipped as ragged */
};

/* Opens the stream on paths (npaths 0: stdin) and reads up to the header.
 * Returns 1 when a header was found, 0 on empty input (no line at all). */
int	 stream_open(struct ttstream *s, int npaths, char **paths);
/* Index of column name, or -1. */
int	 stream_col(const struct ttstream *s, const char *name);
/* Index of column name; if absent, reports "FILE:1: no column 'NAME'
 * (HINT)" and exits 2. hint may be NULL. */
int	 stream_need(const struct ttstream *s, const char *name,
	    const char *hint);
/* Reads the next record into s->f: 1, or 0 at the end of all input. */
int	 stream_next(struct ttstream *s);
void	 stream_close(struct ttstream *s);

/* Word-at-a-time byte tests: HAS_ZERO(v) is non-zero when a byte of v is
 * zero; HAS_BYTE(v, c) when a byte of v is c. */
#define ONES		0x0101010101010101ULL
#define HIGHS		0x8080808080808080ULL
#define HAS_ZERO(v)	(((v) - ONES) & ~(v) & HIGHS)
#define HAS_BYTE(v, c)	HAS_ZERO((v) ^ (ONES * (unsigned char)(c)))

/* Whether a[0..n) and b[0..n) hold the same bytes: memcmp without a call
 * for the short strings of a token stream. */
static inline int
mem_eq(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;
	uint64_t x, y, u, v;

	if (n >= 8) {
		if (n > 64)
			return memcmp(a, b, n) == 0;
		for (; n > 16; n -= 8, p += 8, q += 8) {
			memcpy(&x, p, 8);
			memcpy(&y, q, 8);
			if (x != y)
				return 0;
		}
		memcpy(&x, p, 8);
		memcpy(&y, q, 8);
		memcpy(&u, p + n - 8, 8);
		memcpy(&v, q + n - 8, 8);
		return ((x ^ y) | (u ^ v)) == 0;
	}
	if (n >= 4) {
		uint32_t a4, b4, c4, d4;

		memcpy(&a4, p, 4);
		memcpy(&b4, q, 4);
		memcpy(&c4, p + n - 4, 4);
		memcpy(&d4, q + n - 4, 4);
		return ((a4 ^ b4) | (c4 ^ d4)) == 0;
	}
	for (; n > 0; n--)
		if (*p++ != *q++)
			return 0;
	return 1;
}

/* ---- stream.c: the writer (buffered stdout) ----------------------------- */

void	 out_bytes(const char *s, size_t n);
/* Writes a block the caller assembled itself after what is buffered,
 * without copying it into the buffer. */
void	 out_block(const char *s, size_t n);
void	 out_str(const char *s);
void	 out_char(int c);
void	 out_u64(uint64_t v);
void	 out_i64(int64_t v);
/* A double with up to `decimals` places, trailing zeros removed, '.' as
 * decimal separator whatever the locale; NaN/inf are written as '_'. */
void	 out_double(double v, int decimals);
/* A field value escaped: TAB, LF, CR and backslash as \t \n \r \\, an empty
 * value as "_" and a value "_" as "\_"; with first set, a leading '#' is
 * written "\#" (a data line never begins with '#'). */
void	 out_field(const char *s, size_t n, int first);
/* Whether field f holds the same bytes as b (a field kept from a record
 * before: unit boundaries are changes of a column's value). */
int	 field_eq(const struct ttfield *f, const struct ttbuf *b);
/* Keeps a copy of field f in b (b is reset first). */
void	 field_copy(struct ttbuf *b, const struct ttfield *f);
/* Appends s escaped as out_field would write it to b. */
void	 field_escape(struct ttbuf *b, const char *s, size_t n, int first);
/* Undoes out_field's escaping into b (b is reset first). */
void	 field_unescape(struct ttbuf *b, const char *s, size_t n);
/* The value of field f: its own bytes when it holds no escape, else
 * unescaped into b. Sets *n to its length. */
const char *field_value(const struct ttfield *f, struct ttbuf *b, size_t *n);
/* The value of column col of the stream's record, as field_value(): with
 * no test of its bytes when the reader saw no backslash in the line. */
static inline const char *
stream_value(const struct ttstream *s, int col, struct ttbuf *b, size_t *n)
{
	const struct ttfield *f = &s->f[col];

	if (!s->rd.escapes && !(f->len == 1 && f->s[0] == '_')) {
		*n = f->len;
		return f->s;
	}
	return field_value(f, b, n);
}

/* line, a TAB, field (already escaped) and a newline: a record with one
 * more column. */
void	 out_row(const char *line, size_t n, const char *field, size_t fn);
void	 out_flush(void);

/* ---- fold.c: Unicode folding (utf8proc) -------------------------------- */

#define FOLD_CASE	1	/* case fold */
#define FOLD_ACCENTS	2	/* strip accents and other marks */
#define FOLD_COMPAT	4	/* compatibility forms: ligatures, full-width */

/* Folds the UTF-8 text s[0..n) into b (reset first) as NFC plus the flags.
 * The same function folds text and lexicon patterns. Returns b->len. */
size_t	 fold(struct ttbuf *b, const char *s, size_t n, int flags);
/* Whether s[0..n) is all ASCII. */
int	 is_ascii(const char *s, size_t n);

/* ---- hash.c: interning and integer maps -------------------------------- */

uint64_t hash_bytes(const void *p, size_t n);

/* Maps byte strings to dense ids 0, 1, 2, ... in order of insertion. */
struct intern;
struct intern	*intern_new(void);
void		 intern_free(struct intern *t);
void		 intern_clear(struct intern *t);
/* Id of s, added if absent (*added set to 1 then, if added is not NULL). */
uint32_t	 intern_put(struct intern *t, const char *s, size_t n,
		    int *added);
/* Id of s, or -1 when absent. */
int64_t		 intern_get(const struct intern *t, const char *s, size_t n);
const char	*intern_str(const struct intern *t, uint32_t id, size_t *n);
uint32_t	 intern_count(const struct intern *t);

/* Maps 64-bit keys to 64-bit values (a count, an index). */
struct u64map;
struct u64map	*u64map_new(void);
void		 u64map_free(struct u64map *m);
/* Pointer to the value of key, inserted as 0 when absent. The pointer is
 * valid until the next insertion. */
uint64_t	*u64map_slot(struct u64map *m, uint64_t key);
/* Pointer to the value of key, or NULL when absent. */
uint64_t	*u64map_find(const struct u64map *m, uint64_t key);
size_t		 u64map_count(const struct u64map *m);
/* Iterates: start with *pos = 0; returns 0 at the end. */
int		 u64map_next(const struct u64map *m, size_t *pos,
		    uint64_t *key, uint64_t *value);

/*
 * A slot of the caches' hash tables (memo, the matcher's word cache): 16
 * bits of the hash and an entry number + 1 (0: empty). Slots this small
 * keep a table of tens of thousands within the second-level cache; the
 * entries lie elsewhere, in order of first sight.
 */
struct slot16 {
	uint16_t	 tag;
	uint16_t	 id1;
};

/* Puts id1 with hash h in the first empty slot from h on (linear probing;
 * the table, of mask + 1 slots, has room). */
static inline void
slot16_put(struct slot16 *slots, size_t mask, uint32_t h, uint16_t id1)
{
	size_t j;

	for (j = h & mask; slots[j].id1 != 0; j = (j + 1) & mask)
		;
	slots[j].tag = (uint16_t)(h >> 16);
	slots[j].id1 = id1;
}

/* A cache from short byte strings to short byte strings (a value computed
 * from its key) for a hot path: one hash, one probe and one compare answer
 * a lookup, key and value inline. It keeps up to 2^bits entries (bits at
 * most 14) in 64 bytes per entry (a typical entry takes 32) and starts
 * afresh when either is used up. */
struct memo;
struct memo	*memo_new(unsigned bits);
void		 memo_free(struct memo *m);
/* The value kept for key (not NUL-terminated), or NULL. */
const char	*memo_get(const struct memo *m, const char *key, size_t n,
		    size_t *vlen);
/* Keeps val for key; a key and value together longer than 126 bytes are
 * not kept. */
void		 memo_put(struct memo *m, const char *key, size_t n,
		    const char *val, size_t vn);

/* ---- stem.c: Snowball Dutch with a cache ------------------------------- */

struct ttstemmer;
/* Creates the stemmer: dutch_porter, else dutch. Exits 2 if neither. */
struct ttstemmer *stemmer_open(void);
void		 stemmer_close(struct ttstemmer *st);
/* The libstemmer algorithm name in use ("dutch_porter" or "dutch"). */
const char	*stemmer_algorithm(void);
/* The stem of word (lower-cased NFC UTF-8). The result is valid until the
 * next call. */
const char	*stemmer_stem(struct ttstemmer *st, const char *word,
		    size_t n, size_t *stemlen);

#endif
