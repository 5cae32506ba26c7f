/*
 * buf.h - layer 1 (libc only): memory, growable buffers, byte tests,
 * number parsing. buf.c.
 */
#ifndef TT_BUF_H
#define TT_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Parses a whole non-negative decimal number; -1 when s is not one. */
long	 tt_parse_count(const char *s);

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

#endif
