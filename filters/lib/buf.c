/*
 * buf.c - memory, growable buffers, number parsing (layer 1: libc only).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

long
tt_parse_count(const char *s)
{
	long v = 0;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > (1L << 40))
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

void *
tt_xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n ? n : 1)) == NULL)
		tt_die("out of memory");
	return p;
}

void *
tt_xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n ? n : 1, size ? size : 1)) == NULL)
		tt_die("out of memory");
	return p;
}

void *
tt_xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		tt_die("out of memory");
	return p;
}

char *
tt_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(tt_xmalloc(n), s, n);
}

void
tt_buf_reserve(struct ttbuf *b, size_t n)
{
	size_t cap;

	if (b->len + n + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1)
		cap *= 2;
	b->s = tt_xrealloc(b->s, cap);
	b->cap = cap;
}

void
tt_buf_add(struct ttbuf *b, const char *s, size_t n)
{
	tt_buf_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
tt_buf_addc(struct ttbuf *b, int c)
{
	tt_buf_reserve(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

void
tt_buf_free(struct ttbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
