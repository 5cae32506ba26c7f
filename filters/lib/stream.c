/*
 * stream.c - the token stream: reading it by column name, writing TSV.
 *
 * A stream is a header line ('#' and TAB-separated column names) followed
 * by records with as many fields. Several files make one stream when their
 * headers are equal; repeated identical header lines (from cat a b) are
 * skipped. Records are handed out as field views into the line.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "reader.h"
#include "stream.h"

static char *stdin_path[] = { "-" };

/* Ragged rows reported one by one per file; beyond that only counted. */
#define RAGGED_SHOWN	10

/* Splits line s[0..n) at TABs into f; returns the number of fields, or
 * max + 1 when there are more than max. For lines the reader did not
 * already split (those it repaired), and for counts files. */
int
split_fields(const char *s, size_t n, struct ttfield *f, int max)
{
	const char *end = s + n, *tab;
	int nf = 0;

	for (;;) {
		if (nf == max)
			return max + 1;
		tab = memchr(s, '\t', (size_t)(end - s));
		f[nf].s = s;
		f[nf].len = (size_t)((tab ? tab : end) - s);
		nf++;
		if (tab == NULL)
			return nf;
		s = tab + 1;
	}
}

/* Takes the header of a new stream from line s (which starts with '#'). */
static int
set_header(struct ttstream *s, const char *line, size_t len)
{
	struct ttfield f[STREAM_MAXCOLS];
	int i, j, n;

	n = split_fields(line + 1, len - 1, f, STREAM_MAXCOLS);
	if (n > STREAM_MAXCOLS) {
		tt_error("%s:%lu: more than %d columns", s->rd.name,
		    s->rd.lineno, STREAM_MAXCOLS);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (f[i].len == 0) {
			tt_error("%s:%lu: empty column name in header",
			    s->rd.name, s->rd.lineno);
			return -1;
		}
		/* a filter finds its columns by name: a name twice would
		 * make it read one and pass the other through unchanged */
		for (j = 0; j < i; j++)
			if (f[j].len == f[i].len &&
			    memcmp(f[j].s, f[i].s, f[i].len) == 0) {
				tt_error("%s:%lu: column '%.*s' twice",
				    s->rd.name, s->rd.lineno, (int)f[i].len,
				    f[i].s);
				return -1;
			}
	}
	s->header = tt_xmalloc(len + 1);
	memcpy(s->header, line, len);
	s->header[len] = '\0';
	s->headerlen = len;
	s->ncols = n;
	for (i = 0; i < n; i++) {
		s->cols[i] = tt_xmalloc(f[i].len + 1);
		memcpy(s->cols[i], f[i].s, f[i].len);
		s->cols[i][f[i].len] = '\0';
	}
	return 0;
}

/*
 * Opens the next file and reads its first line, which must be the header
 * (or equal to the header already known). Returns 1 when the file is ready
 * for records, 0 when there are no more files. Files that fail are reported
 * and skipped.
 */
static int
open_next_file(struct ttstream *s)
{
	int rc;

	for (; s->cur < s->npaths; s->cur++) {
		if (s->open) {
			reader_close(&s->rd);
			s->open = 0;
		}
		if (reader_open(&s->rd, s->paths[s->cur], 0) < 0)
			continue;
		reader_map(&s->rd);	/* records are read by length */
		s->open = 1;
		if ((rc = reader_next(&s->rd)) <= 0)
			continue;	/* empty file: nothing to do */
		if (s->rd.len == 0 || s->rd.line[0] != '#') {
			tt_error("%s:1: no header: expected a '#doc...' line "
			    "(run tt-tokenise first)", s->rd.name);
			continue;
		}
		if (s->header == NULL) {
			if (set_header(s, s->rd.line, s->rd.len) < 0)
				continue;
		} else if (s->rd.len != s->headerlen ||
		    memcmp(s->rd.line, s->header, s->headerlen) != 0) {
			tt_error("%s:1: header differs from the first file's",
			    s->rd.name);
			continue;
		}
		s->cur++;
		return 1;
	}
	if (s->open) {
		reader_close(&s->rd);
		s->open = 0;
	}
	return 0;
}

int
stream_open(struct ttstream *s, int npaths, char **paths)
{
	memset(s, 0, sizeof *s);
	if (npaths == 0) {
		npaths = 1;
		paths = stdin_path;
	}
	s->npaths = npaths;
	s->paths = paths;
	s->rd.name = "<stdin>";
	if (!open_next_file(s)) {
		s->cur = s->npaths;
		return s->header != NULL;
	}
	s->name = s->rd.name;
	return 1;
}

int
stream_col(const struct ttstream *s, const char *name)
{
	int i;

	for (i = 0; i < s->ncols; i++)
		if (strcmp(s->cols[i], name) == 0)
			return i;
	return -1;
}

int
stream_need(const struct ttstream *s, const char *name, const char *hint)
{
	int i;

	if ((i = stream_col(s, name)) >= 0)
		return i;
	if (hint != NULL)
		tt_die("%s:1: no column '%s' (%s)", s->name ? s->name :
		    "<stdin>", name, hint);
	tt_die("%s:1: no column '%s'", s->name ? s->name : "<stdin>", name);
}

int
stream_next(struct ttstream *s)
{
	int n, rc;

	for (;;) {
		if (!s->open || (rc = reader_next(&s->rd)) <= 0) {
			if (s->nragged > RAGGED_SHOWN)
				tt_error("%s: %lu rows with the wrong number of "
				    "fields skipped in all", s->rd.name,
				    s->nragged);
			s->nragged = 0;
			if (!open_next_file(s))
				return 0;
			s->name = s->rd.name;
			continue;
		}
		if (s->rd.len > 0 && s->rd.line[0] == '#') {
			if (s->rd.len == s->headerlen &&
			    memcmp(s->rd.line, s->header, s->headerlen) == 0)
				continue;
			tt_error("%s:%lu: a different header in the middle of "
			    "the stream", s->rd.name, s->rd.lineno);
			reader_close(&s->rd);
			s->open = 0;
			continue;
		}
		if (s->rd.nfields >= 0) {
			n = s->rd.nfields > s->ncols ? s->ncols + 1 :
			    (int)s->rd.nfields;
			s->f = s->rd.fields;
		} else {
			n = split_fields(s->rd.line, s->rd.len, s->fbuf,
			    s->ncols);
			s->f = s->fbuf;
		}
		if (n != s->ncols) {
			/* a few messages with file:line, then only a count */
			if (++s->nragged <= RAGGED_SHOWN)
				tt_error("%s:%lu: %s fields where the header "
				    "has %d", s->rd.name, s->rd.lineno,
				    n > s->ncols ? "more" : "fewer", s->ncols);
			continue;
		}
		s->line = s->rd.line;
		s->linelen = s->rd.len;
		s->lineno = s->rd.lineno;
		return 1;
	}
}

void
stream_close(struct ttstream *s)
{
	int i;

	if (s->open)
		reader_close(&s->rd);
	s->open = 0;
	for (i = 0; i < s->ncols; i++)
		free(s->cols[i]);
	free(s->header);
	s->header = NULL;
	s->ncols = 0;
}

/* ---- the writer ---------------------------------------------------- */

#define OUT_SIZE	(128 * 1024)

static char outbuf[OUT_SIZE];
static size_t outlen;

/*
 * tt_finish (err.c, a layer below) must flush this buffer before it closes
 * stdout, and cannot call up to it: the writer hands it out_flush when the
 * program starts, if this file is linked at all (a program that writes
 * nothing with out_*() does not link it and needs no flush).
 */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((constructor))
#else
#error "the writer needs a constructor to register its flush with tt_finish"
#endif
static void
out_register(void)
{
	tt_on_finish(out_flush);
}

void
out_flush(void)
{
	if (outlen > 0) {
		fwrite(outbuf, 1, outlen, stdout);
		outlen = 0;
	}
}

void
out_bytes(const char *s, size_t n)
{
	if (outlen + n > OUT_SIZE) {
		if (n > OUT_SIZE) {
			out_block(s, n);
			return;
		}
		out_flush();
	}
	memcpy(outbuf + outlen, s, n);
	outlen += n;
}

void
out_block(const char *s, size_t n)
{
	out_flush();
	fwrite(s, 1, n, stdout);
}

void
out_row(const char *line, size_t n, const char *field, size_t fn)
{
	char *p;

	if (outlen + n + fn + 2 > OUT_SIZE) {
		out_flush();
		if (n + fn + 2 > OUT_SIZE) {
			out_bytes(line, n);
			out_char('\t');
			out_bytes(field, fn);
			out_char('\n');
			return;
		}
	}
	p = outbuf + outlen;
	memcpy(p, line, n);
	p[n] = '\t';
	memcpy(p + n + 1, field, fn);
	p[n + 1 + fn] = '\n';
	outlen += n + fn + 2;
}

void
out_str(const char *s)
{
	out_bytes(s, strlen(s));
}

void
out_char(int c)
{
	if (outlen == OUT_SIZE)
		out_flush();
	outbuf[outlen++] = (char)c;
}

void
out_u64(uint64_t v)
{
	char tmp[24];
	int i = sizeof tmp;

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	out_bytes(tmp + i, sizeof tmp - (size_t)i);
}

void
out_i64(int64_t v)
{
	if (v < 0) {
		out_char('-');
		out_u64((uint64_t)0 - (uint64_t)v);
	} else
		out_u64((uint64_t)v);
}

/* snprintf's %f uses the C locale's '.', since no program calls setlocale. */
void
out_double(double v, int decimals)
{
	char tmp[64];
	int n;

	if (isnan(v) || isinf(v)) {
		out_char('_');
		return;
	}
	n = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	if (n <= 0 || (size_t)n >= sizeof tmp) {
		n = snprintf(tmp, sizeof tmp, "%g", v);
		out_bytes(tmp, (size_t)n);
		return;
	}
	if (memchr(tmp, '.', (size_t)n) != NULL) {
		while (tmp[n - 1] == '0')
			n--;
		if (tmp[n - 1] == '.')
			n--;
	}
	if (n == 2 && tmp[0] == '-' && tmp[1] == '0')
		out_char('0');
	else
		out_bytes(tmp, (size_t)n);
}

int
field_eq(const struct ttfield *f, const struct ttbuf *b)
{
	return f->len == b->len && mem_eq(f->s, b->s, f->len);
}

/* Whether s[0..n) holds a backslash, eight bytes at a time. */
static int
has_backslash(const char *s, size_t n)
{
	uint64_t v;
	uint32_t a, b;
	size_t i;

	if (n < 4) {
		for (i = 0; i < n; i++)
			if (s[i] == '\\')
				return 1;
		return 0;
	}
	if (n < 8) {
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		v = a | (uint64_t)b << 32;
		return HAS_BYTE(v, '\\') != 0;
	}
	for (i = 0; i + 8 < n; i += 8) {
		memcpy(&v, s + i, 8);
		if (HAS_BYTE(v, '\\'))
			return 1;
	}
	memcpy(&v, s + n - 8, 8);
	return HAS_BYTE(v, '\\') != 0;
}

const char *
field_value(const struct ttfield *f, struct ttbuf *b, size_t *n)
{
	if (!has_backslash(f->s, f->len) && !(f->len == 1 && f->s[0] == '_')) {
		*n = f->len;
		return f->s;
	}
	field_unescape(b, f->s, f->len);
	*n = b->len;
	return b->s;
}

void
field_copy(struct ttbuf *b, const struct ttfield *f)
{
	b->len = 0;
	tt_buf_add(b, f->s, f->len);
}

void
field_escape(struct ttbuf *b, const char *s, size_t n, int first)
{
	size_t i;

	if (n == 0) {
		tt_buf_addc(b, '_');
		return;
	}
	if ((n == 1 && s[0] == '_') || (first && s[0] == '#'))
		tt_buf_addc(b, '\\');
	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\t':
			tt_buf_add(b, "\\t", 2);
			break;
		case '\n':
			tt_buf_add(b, "\\n", 2);
			break;
		case '\r':
			tt_buf_add(b, "\\r", 2);
			break;
		case '\\':
			tt_buf_add(b, "\\\\", 2);
			break;
		default:
			tt_buf_addc(b, s[i]);
			break;
		}
	}
}

void
out_field(const char *s, size_t n, int first)
{
	static struct ttbuf esc;
	size_t i;

	/* Most values need no escaping: write them as they are. */
	if (n > 0 && !(n == 1 && s[0] == '_') && !(first && s[0] == '#')) {
		for (i = 0; i < n; i++)
			if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
			    s[i] == '\\')
				break;
		if (i == n) {
			out_bytes(s, n);
			return;
		}
	}
	esc.len = 0;
	field_escape(&esc, s, n, first);
	out_bytes(esc.s, esc.len);
}

void
field_unescape(struct ttbuf *b, const char *s, size_t n)
{
	size_t i;

	b->len = 0;
	tt_buf_reserve(b, n);
	if (n == 1 && s[0] == '_') {
		b->s[0] = '\0';
		return;
	}
	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			switch (s[i]) {
			case 't':
				tt_buf_addc(b, '\t');
				break;
			case 'n':
				tt_buf_addc(b, '\n');
				break;
			case 'r':
				tt_buf_addc(b, '\r');
				break;
			default:
				tt_buf_addc(b, s[i]);
				break;
			}
		} else
			tt_buf_addc(b, s[i]);
	}
}
