/*
 * hash.h - layer 2: hashing, interning, integer maps, the hot-path caches.
 * hash.c.
 */
#ifndef TT_HASH_H
#define TT_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t hash_bytes(const void *p, size_t n);

/* Maps byte strings to dense ids 0, 1, 2, ... in order of insertion. */
struct intern;
struct intern	*intern_new(void);
void		 intern_free(struct intern *t);
void		 intern_clear(struct intern *t);
/* Id of s, added if absent (*added set to 1 then, if added is not NULL). */
uint32_t	 intern_put(struct intern *t, const char *s, size_t n,
		    int *added);
/* Id of s, or -1 when absent. */
int64_t		 intern_get(const struct intern *t, const char *s, size_t n);
const char	*intern_str(const struct intern *t, uint32_t id, size_t *n);
uint32_t	 intern_count(const struct intern *t);

/* Maps 64-bit keys to 64-bit values (a count, an index). */
struct u64map;
struct u64map	*u64map_new(void);
void		 u64map_free(struct u64map *m);
/* Pointer to the value of key, inserted as 0 when absent. The pointer is
 * valid until the next insertion. */
uint64_t	*u64map_slot(struct u64map *m, uint64_t key);
/* Pointer to the value of key, or NULL when absent. */
uint64_t	*u64map_find(const struct u64map *m, uint64_t key);
size_t		 u64map_count(const struct u64map *m);
/* Iterates: start with *pos = 0; returns 0 at the end. */
int		 u64map_next(const struct u64map *m, size_t *pos,
		    uint64_t *key, uint64_t *value);

/*
 * A slot of the caches' hash tables (memo, the matcher's word cache): 16
 * bits of the hash and an entry number + 1 (0: empty). Slots this small
 * keep a table of tens of thousands within the second-level cache; the
 * entries lie elsewhere, in order of first sight.
 */
struct slot16 {
	uint16_t	 tag;
	uint16_t	 id1;
};

/* Puts id1 with hash h in the first empty slot from h on (linear probing;
 * the table, of mask + 1 slots, has room). */
static inline void
slot16_put(struct slot16 *slots, size_t mask, uint32_t h, uint16_t id1)
{
	size_t j;

	for (j = h & mask; slots[j].id1 != 0; j = (j + 1) & mask)
		;
	slots[j].tag = (uint16_t)(h >> 16);
	slots[j].id1 = id1;
}

/* A cache from short byte strings to short byte strings (a value computed
 * from its key) for a hot path: one hash, one probe and one compare answer
 * a lookup, key and value inline. It keeps up to 2^bits entries (bits at
 * most 14) in 64 bytes per entry (a typical entry takes 32) and starts
 * afresh when either is used up. */
struct memo;
struct memo	*memo_new(unsigned bits);
void		 memo_free(struct memo *m);
/* The value kept for key (not NUL-terminated), or NULL. */
const char	*memo_get(const struct memo *m, const char *key, size_t n,
		    size_t *vlen);
/* Keeps val for key; a key and value together longer than 126 bytes are
 * not kept. */
void		 memo_put(struct memo *m, const char *key, size_t n,
		    const char *val, size_t vn);

#endif
