/*
 * stem.h - layer 5: Snowball Dutch (libstemmer) with a cache. stem.c.
 * Only programs that stem link libstemmer.
 */
#ifndef TT_STEM_H
#define TT_STEM_H

#include <stddef.h>

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
