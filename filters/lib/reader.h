/*
 * reader.h - layer 3: the one line reader. reader.c.
 */
#ifndef TT_READER_H
#define TT_READER_H

#include <stddef.h>

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
 * The fields below are the interface; the reader's buffers, its classified
 * block (the SSE2/AVX2 masks) and its map window are private to reader.c,
 * allocated by reader_open and freed by reader_close.
 */
struct rdstate;			/* the reader's own state: reader.c */
struct ttreader {
	const char	*name;		/* file name for messages */
	unsigned long	 lineno;	/* number of the current line, from 1 */
	char		*line;		/* current line, NUL-terminated unless
					 * the file is mapped (reader_map) */
	size_t		 len;		/* its length in bytes */
	unsigned long	 nbad;		/* bytes replaced by U+FFFD so far */
	/* The line split at TABs while it was checked, for the stream
	 * reader: the number of fields, or -1 when not split; the first
	 * READER_MAXFIELDS of them (room for a block's worth more, so a
	 * block's TABs need no bounds check). */
	long		 nfields;
	struct ttfield	 fields[READER_MAXFIELDS + 64];
	/* 0 when the line is known to hold no backslash */
	int		 escapes;
	struct rdstate	*st;		/* buffers, block masks, map window */
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

#endif
