/*
 * utf8.h - layer 2: the one UTF-8 decoder of the library, for the reader,
 * the tokeniser, the normaliser and the lexicon check alike.
 */
#ifndef TT_UTF8_H
#define TT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * The code point of the valid UTF-8 sequence at s (at most n bytes) into
 * *cp; returns its length, or 0 (and *cp untouched) if the bytes there are
 * not one: overlong forms, surrogates and code points above U+10FFFF are
 * invalid. NUL counts as invalid here.
 */
static inline size_t
utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned c = s[0];

	if (c >= 0x01 && c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = (int32_t)((c & 0x1Fu) << 6 | (s[1] & 0x3Fu));
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;
		if (c == 0xED && s[1] >= 0xA0)
			return 0;
		*cp = (int32_t)((c & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 |
		    (s[2] & 0x3Fu));
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;
		*cp = (int32_t)((c & 0x07u) << 18 | (s[1] & 0x3Fu) << 12 |
		    (s[2] & 0x3Fu) << 6 | (s[3] & 0x3Fu));
		return 4;
	}
	return 0;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0: the
 * same decoder, the code point unused (and not computed once inlined). */
static inline size_t
utf8_valid_len(const unsigned char *s, size_t n)
{
	int32_t cp;

	return utf8_decode(s, n, &cp);
}

/* Whether s[0..n) is all valid UTF-8 without NUL. */
static inline int
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t k;

	for (; p < end; p += k)
		if ((k = utf8_valid_len(p, (size_t)(end - p))) == 0)
			return 0;
	return 1;
}

#endif
