/*
 * fold.h - layer 2: Unicode folding (utf8proc). fold.c.
 */
#ifndef TT_FOLD_H
#define TT_FOLD_H

#include <stddef.h>

#include "buf.h"

#define FOLD_CASE	1	/* case fold */
#define FOLD_ACCENTS	2	/* strip accents and other marks */
#define FOLD_COMPAT	4	/* compatibility forms: ligatures, full-width */

/* Folds the UTF-8 text s[0..n) into b (reset first) as NFC plus the flags.
 * The same function folds text and lexicon patterns. Returns b->len. */
size_t	 fold(struct ttbuf *b, const char *s, size_t n, int flags);
/* Whether s[0..n) is all ASCII. */
int	 is_ascii(const char *s, size_t n);

#endif
