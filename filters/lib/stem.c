/*
 * stem.c - Snowball Dutch stemming through libstemmer, with a cache.
 *
 * Word frequencies are Zipfian, so a cache of the last few tens of
 * thousands of distinct words answers most tokens without running the
 * stemmer. The cache is emptied when full, which keeps memory bounded.
 */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "hash.h"
#include "stem.h"

#define STEM_CACHE_MAX	(1u << 16)
/* Longer words are their own stem: no Dutch word is that long, and
 * libstemmer takes time quadratic in the length of a non-ASCII word. */
#define STEM_MAX_BYTES	256

struct ttstemmer {
	struct sb_stemmer	*sb;
	struct intern		*words;		/* word -> id */
	uint32_t		*stemoff;	/* by id: offset in stems */
	uint32_t		*stemlen;
	struct ttbuf		 stems;
};

static const char *algorithm;

/* Creates the libstemmer stemmer: Porter's Dutch under either name. */
static struct sb_stemmer *
sb_open(void)
{
	struct sb_stemmer *sb;

	if ((sb = sb_stemmer_new("dutch_porter", "UTF_8")) != NULL) {
		algorithm = "dutch_porter";
		return sb;
	}
	if ((sb = sb_stemmer_new("dutch", "UTF_8")) != NULL) {
		algorithm = "dutch";
		return sb;
	}
	return NULL;
}

const char *
stemmer_algorithm(void)
{
	struct sb_stemmer *sb;

	if (algorithm == NULL && (sb = sb_open()) != NULL)
		sb_stemmer_delete(sb);
	return algorithm != NULL ? algorithm : "none";
}

struct ttstemmer *
stemmer_open(void)
{
	struct ttstemmer *st = tt_xcalloc(1, sizeof *st);

	if ((st->sb = sb_open()) == NULL)
		tt_die("libstemmer has no Dutch stemmer (dutch_porter or dutch)");
	st->words = intern_new();
	st->stemoff = tt_xmalloc(STEM_CACHE_MAX * sizeof *st->stemoff);
	st->stemlen = tt_xmalloc(STEM_CACHE_MAX * sizeof *st->stemlen);
	return st;
}

void
stemmer_close(struct ttstemmer *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	intern_free(st->words);
	free(st->stemoff);
	free(st->stemlen);
	tt_buf_free(&st->stems);
	free(st);
}

const char *
stemmer_stem(struct ttstemmer *st, const char *word, size_t n,
    size_t *stemlen)
{
	const sb_symbol *stem;
	uint32_t id;
	int added;

	if (n > STEM_MAX_BYTES) {
		*stemlen = n;
		return word;
	}
	if (intern_count(st->words) >= STEM_CACHE_MAX) {
		intern_clear(st->words);
		st->stems.len = 0;
	}
	id = intern_put(st->words, word, n, &added);
	if (added) {
		stem = sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)n);
		if (stem == NULL)
			tt_die("out of memory");
		st->stemoff[id] = (uint32_t)st->stems.len;
		st->stemlen[id] = (uint32_t)sb_stemmer_length(st->sb);
		tt_buf_add(&st->stems, (const char *)stem, st->stemlen[id]);
	}
	*stemlen = st->stemlen[id];
	return st->stems.s + st->stemoff[id];
}
