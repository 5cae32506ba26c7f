/*
 * fold.c - Unicode folding with utf8proc: the one function that text and
 * lexicon patterns both go through, so that they compare equal.
 */
#include <string.h>
#include <utf8proc.h>

#include "tt.h"

/* Code point scratch space, reused by every call (no malloc per token). */
static utf8proc_int32_t *cps;
static utf8proc_ssize_t ncps;

int
is_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

size_t
fold(struct ttbuf *b, const char *s, size_t n, int flags)
{
	utf8proc_option_t opt;
	utf8proc_ssize_t len;
	size_t i;

	b->len = 0;
	tt_buf_reserve(b, n);
	if (is_ascii(s, n)) {
		if (flags & FOLD_CASE) {
			for (i = 0; i < n; i++) {
				char c = s[i];
				b->s[i] = c >= 'A' && c <= 'Z' ? c + 32 : c;
			}
		} else
			memcpy(b->s, s, n);
		b->len = n;
		b->s[n] = '\0';
		return n;
	}
	opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	if (flags & FOLD_CASE)
		opt |= UTF8PROC_CASEFOLD;
	if (flags & FOLD_ACCENTS)
		opt |= UTF8PROC_STRIPMARK;
	if (flags & FOLD_COMPAT)
		opt |= UTF8PROC_COMPAT;
	for (;;) {
		len = utf8proc_decompose((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, cps, ncps, opt);
		if (len < 0) {		/* cannot happen on reader output */
			memcpy(b->s, s, n);
			b->len = n;
			b->s[n] = '\0';
			return n;
		}
		if (len <= ncps)
			break;
		ncps = len + 64;
		cps = tt_xrealloc(cps, (size_t)ncps * sizeof *cps);
	}
	len = utf8proc_reencode(cps, len, opt);
	if (len < 0)
		len = 0;
	tt_buf_add(b, (const char *)cps, (size_t)len);
	return b->len;
}
