/*
 * stream.h - layer 4: TSV fields, the token stream reader and the writer
 * (buffered stdout). stream.c.
 */
#ifndef TT_STREAM_H
#define TT_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "reader.h"

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
/* Splits s[0..n) at TABs into f[0..max); returns the number of fields,
 * or max + 1 when there are more. */
int	 split_fields(const char *s, size_t n, struct ttfield *f, int max);
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

#endif
