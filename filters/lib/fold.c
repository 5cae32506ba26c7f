/*
 * fold.c - Unicode folding with utf8proc: the one function that text and
 * lexicon patterns both go through, so that they compare equal.
 */
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "err.h"
#include "fold.h"

/* Code point scratch space, reused by every call (no malloc per token). */
static utf8proc_int32_t *cps;
static utf8proc_ssize_t ncps;
static struct ttbuf safe;

/* UAX #15's stream-safe limit on consecutive non-starters. */
#define MAX_NONSTARTERS	30

/*
 * Returns s, or a copy in `safe` with U+034F COMBINING GRAPHEME JOINER put
 * after every 30 consecutive non-starters (UAX #15, Stream-Safe Text
 * Format). utf8proc orders combining marks with a sort that is quadratic in
 * the length of a run, so without this a storm of marks takes minutes.
 */
static const char *
stream_safe(const char *s, size_t *n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t i, run = 0, longest = 0, done = 0;

	for (i = 0; i < *n; i += (size_t)k) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(*n - i), &cp);
		if (k <= 0)
			return s;
		if (cp >= 0x300 && utf8proc_get_property(cp)->combining_class)
			run++;
		else
			run = 0;
		if (run > longest)
			longest = run;
	}
	if (longest <= MAX_NONSTARTERS)
		return s;
	safe.len = 0;
	run = 0;
	for (i = 0; i < *n; i += (size_t)k) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(*n - i), &cp);
		if (cp >= 0x300 && utf8proc_get_property(cp)->combining_class) {
			if (++run > MAX_NONSTARTERS) {
				tt_buf_add(&safe, s + done, i - done);
				tt_buf_add(&safe, "\xCD\x8F", 2);
				done = i;
				run = 1;
			}
		} else
			run = 0;
	}
	tt_buf_add(&safe, s + done, *n - done);
	*n = safe.len;
	return safe.s;
}

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
	/* ASCII, the common case: lower-cased in one pass, no utf8proc. */
	for (i = 0; i < n; i++) {
		char c = s[i];

		if ((unsigned char)c >= 0x80)
			break;
		b->s[i] = (flags & FOLD_CASE) && c >= 'A' && c <= 'Z' ?
		    (char)(c + 32) : c;
	}
	if (i == n) {
		b->len = n;
		b->s[n] = '\0';
		return n;
	}
	s = stream_safe(s, &n);
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
			tt_buf_add(b, s, n);
			return b->len;
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
