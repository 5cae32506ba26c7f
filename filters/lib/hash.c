/*
 * hash.c - hash tables: interning of byte strings to dense ids, and maps
 * from 64-bit keys to 64-bit values. Open addressing with linear probing;
 * strings live in one growing arena, so insertion never mallocs per key.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "hash.h"

static uint64_t
load64(const unsigned char *s)
{
	uint64_t v;

	memcpy(&v, s, 8);
	return v;
}

static uint64_t
load32(const unsigned char *s)
{
	uint32_t v;

	memcpy(&v, s, 4);
	return v;
}

static uint64_t
hash_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9fb21c651e98df25ULL;
	return h ^ (h >> 28);
}

/*
 * A multiply-xorshift hash over 8-byte words. Most keys are words of a few
 * bytes, so the last (or only) partial word is read with overlapping loads
 * instead of a byte at a time; the length is mixed in first, so keys that
 * load the same bytes differ.
 */
uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xc4ceb9fe1a85ec53ULL), w;

	if (n >= 8) {
		for (; n > 8; s += 8, n -= 8)
			h = hash_mix(h, load64(s));
		w = load64(s + n - 8);
	} else if (n >= 4)
		w = load32(s) | load32(s + n - 4) << 32;
	else if (n > 0)
		w = (uint64_t)s[0] | (uint64_t)s[n >> 1] << 8 |
		    (uint64_t)s[n - 1] << 16;
	else
		w = 0;
	h = hash_mix(h, w);
	h *= 0xff51afd7ed558ccdULL;
	return h ^ (h >> 32);
}

/* A slot keeps the hash beside the id, so a probe touches one cache line. */
struct islot {
	uint32_t	 hash;		/* low 32 bits of the key's hash */
	uint32_t	 id1;		/* id + 1, 0 = empty */
};

struct intern {
	struct islot	*slots;
	size_t		 nslots;	/* a power of two */
	uint32_t	 count;
	size_t		*offs;		/* string start in the arena, by id */
	uint32_t	*lens;
	uint32_t	*hashes;	/* low 32 bits of the hash, by id */
	size_t		 idcap;
	char		*arena;
	size_t		 arenalen, arenacap;
};

struct intern *
intern_new(void)
{
	struct intern *t = tt_xcalloc(1, sizeof *t);

	t->nslots = 64;
	t->slots = tt_xcalloc(t->nslots, sizeof *t->slots);
	return t;
}

void
intern_free(struct intern *t)
{
	if (t == NULL)
		return;
	free(t->slots);
	free(t->offs);
	free(t->lens);
	free(t->hashes);
	free(t->arena);
	free(t);
}

void
intern_clear(struct intern *t)
{
	memset(t->slots, 0, t->nslots * sizeof *t->slots);
	t->count = 0;
	t->arenalen = 0;
}

static void
intern_grow(struct intern *t)
{
	size_t j, mask;
	uint32_t id;

	free(t->slots);
	t->nslots *= 2;
	t->slots = tt_xcalloc(t->nslots, sizeof *t->slots);
	mask = t->nslots - 1;
	for (id = 0; id < t->count; id++) {
		for (j = t->hashes[id] & mask; t->slots[j].id1 != 0;
		    j = (j + 1) & mask)
			;
		t->slots[j].hash = t->hashes[id];
		t->slots[j].id1 = id + 1;
	}
}

/* The slot of s: where it is, or the empty slot where it would go. */
static size_t
intern_find(const struct intern *t, const char *s, size_t n, uint32_t h)
{
	size_t j, mask = t->nslots - 1;
	uint32_t id;

	for (j = h & mask; t->slots[j].id1 != 0; j = (j + 1) & mask) {
		if (t->slots[j].hash != h)
			continue;
		id = t->slots[j].id1 - 1;
		if (t->lens[id] == n && mem_eq(t->arena + t->offs[id], s, n))
			break;
	}
	return j;
}

int64_t
intern_get(const struct intern *t, const char *s, size_t n)
{
	size_t j = intern_find(t, s, n, (uint32_t)hash_bytes(s, n));

	return t->slots[j].id1 != 0 ? (int64_t)t->slots[j].id1 - 1 : -1;
}

uint32_t
intern_put(struct intern *t, const char *s, size_t n, int *added)
{
	uint32_t h = (uint32_t)hash_bytes(s, n), id;
	size_t j = intern_find(t, s, n, h);

	if (t->slots[j].id1 != 0) {
		if (added != NULL)
			*added = 0;
		return t->slots[j].id1 - 1;
	}
	if (t->count == t->idcap) {
		t->idcap = t->idcap ? t->idcap * 2 : 64;
		t->offs = tt_xrealloc(t->offs, t->idcap * sizeof *t->offs);
		t->lens = tt_xrealloc(t->lens, t->idcap * sizeof *t->lens);
		t->hashes = tt_xrealloc(t->hashes, t->idcap * sizeof *t->hashes);
	}
	if (t->arenalen + n + 1 > t->arenacap) {
		t->arenacap = t->arenacap ? t->arenacap : 4096;
		while (t->arenalen + n + 1 > t->arenacap)
			t->arenacap *= 2;
		t->arena = tt_xrealloc(t->arena, t->arenacap);
	}
	memcpy(t->arena + t->arenalen, s, n);
	t->arena[t->arenalen + n] = '\0';
	id = t->count++;
	t->offs[id] = t->arenalen;
	t->lens[id] = (uint32_t)n;
	t->hashes[id] = h;
	t->arenalen += n + 1;
	t->slots[j].hash = h;
	t->slots[j].id1 = id + 1;
	if (t->count * 2 > t->nslots)
		intern_grow(t);
	if (added != NULL)
		*added = 1;
	return id;
}

const char *
intern_str(const struct intern *t, uint32_t id, size_t *n)
{
	if (n != NULL)
		*n = t->lens[id];
	return t->arena + t->offs[id];
}

uint32_t
intern_count(const struct intern *t)
{
	return t->count;
}

/* ---- u64map ----------------------------------------------------------- */

struct u64map {
	uint64_t	*keys;
	uint64_t	*vals;
	unsigned char	*used;
	size_t		 nslots;
	size_t		 count;
};

static uint64_t
mix64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}

struct u64map *
u64map_new(void)
{
	struct u64map *m = tt_xcalloc(1, sizeof *m);

	m->nslots = 64;
	m->keys = tt_xcalloc(m->nslots, sizeof *m->keys);
	m->vals = tt_xcalloc(m->nslots, sizeof *m->vals);
	m->used = tt_xcalloc(m->nslots, 1);
	return m;
}

void
u64map_free(struct u64map *m)
{
	if (m == NULL)
		return;
	free(m->keys);
	free(m->vals);
	free(m->used);
	free(m);
}

static void
u64map_grow(struct u64map *m)
{
	uint64_t *keys = m->keys, *vals = m->vals;
	unsigned char *used = m->used;
	size_t i, j, old = m->nslots, mask;

	m->nslots *= 2;
	mask = m->nslots - 1;
	m->keys = tt_xcalloc(m->nslots, sizeof *m->keys);
	m->vals = tt_xcalloc(m->nslots, sizeof *m->vals);
	m->used = tt_xcalloc(m->nslots, 1);
	for (i = 0; i < old; i++) {
		if (!used[i])
			continue;
		for (j = mix64(keys[i]) & mask; m->used[j]; j = (j + 1) & mask)
			;
		m->used[j] = 1;
		m->keys[j] = keys[i];
		m->vals[j] = vals[i];
	}
	free(keys);
	free(vals);
	free(used);
}

uint64_t *
u64map_find(const struct u64map *m, uint64_t key)
{
	size_t j, mask = m->nslots - 1;

	for (j = mix64(key) & mask; m->used[j]; j = (j + 1) & mask)
		if (m->keys[j] == key)
			return &m->vals[j];
	return NULL;
}

uint64_t *
u64map_slot(struct u64map *m, uint64_t key)
{
	size_t j, mask;

	if ((m->count + 1) * 2 > m->nslots)
		u64map_grow(m);
	mask = m->nslots - 1;
	for (j = mix64(key) & mask; m->used[j]; j = (j + 1) & mask)
		if (m->keys[j] == key)
			return &m->vals[j];
	m->used[j] = 1;
	m->keys[j] = key;
	m->vals[j] = 0;
	m->count++;
	return &m->vals[j];
}

size_t
u64map_count(const struct u64map *m)
{
	return m->count;
}

int
u64map_next(const struct u64map *m, size_t *pos, uint64_t *key,
    uint64_t *value)
{
	size_t i;

	for (i = *pos; i < m->nslots; i++) {
		if (m->used[i]) {
			*key = m->keys[i];
			*value = m->vals[i];
			*pos = i + 1;
			return 1;
		}
	}
	*pos = m->nslots;
	return 0;
}

/* ---- memo: a cache of short strings ----------------------------------- */

/* An entry is one to four units of 32 bytes: key length, value length,
 * the key and then the value. Units are used in order of insertion, so the
 * frequent strings, met first, share a few cache lines, and a typical
 * Dutch word with its stem fills a single unit: the hot entries of a
 * Zipfian text stay in L2 where entries of a whole cache line did not. */
#define MEMO_UNIT	32
#define MEMO_MAXUNITS	4

struct memo {
	struct slot16	*slots;		/* id1: the entry's first unit + 1 */
	size_t		 mask;		/* of slots: at least twice the entries */
	unsigned char	*units;
	uint32_t	 nunits, maxunits;
	uint32_t	 n, max;
};

#define MEMO_FIRST_SLOTS 1024

struct memo *
memo_new(unsigned bits)
{
	struct memo *m = tt_xcalloc(1, sizeof *m);

	if (bits > 14)
		bits = 14;
	m->max = (uint32_t)1 << bits;
	m->maxunits = m->max * 2;
	m->mask = (m->max * 2 < MEMO_FIRST_SLOTS ? m->max * 2 :
	    MEMO_FIRST_SLOTS) - 1;
	m->slots = tt_xcalloc(m->mask + 1, sizeof *m->slots);
	m->units = tt_xmalloc((size_t)m->maxunits * MEMO_UNIT);
	return m;
}

void
memo_free(struct memo *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m->units);
	free(m);
}

static size_t
memo_units(size_t n, size_t vn)
{
	return (2 + n + vn + MEMO_UNIT - 1) / MEMO_UNIT;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t
memo_find(const struct memo *m, const char *key, size_t n, uint32_t h)
{
	const unsigned char *e;
	size_t j;

	for (j = h & m->mask; m->slots[j].id1 != 0; j = (j + 1) & m->mask) {
		if (m->slots[j].tag != (uint16_t)(h >> 16))
			continue;
		e = m->units + (size_t)(m->slots[j].id1 - 1) * MEMO_UNIT;
		if (e[0] == n && mem_eq(e + 2, key, n))
			break;
	}
	return j;
}

const char *
memo_get(const struct memo *m, const char *key, size_t n, size_t *vlen)
{
	size_t j = memo_find(m, key, n, (uint32_t)hash_bytes(key, n));
	const unsigned char *e;

	if (m->slots[j].id1 == 0)
		return NULL;
	e = m->units + (size_t)(m->slots[j].id1 - 1) * MEMO_UNIT;
	*vlen = e[1];
	return (const char *)e + 2 + n;
}

/* Doubles the slots and puts every entry back. */
static void
memo_grow(struct memo *m)
{
	const unsigned char *e;
	uint32_t u = 0;

	free(m->slots);
	m->mask = m->mask * 2 + 1;
	m->slots = tt_xcalloc(m->mask + 1, sizeof *m->slots);
	while (u < m->nunits) {
		e = m->units + (size_t)u * MEMO_UNIT;
		slot16_put(m->slots, m->mask, (uint32_t)hash_bytes(e + 2, e[0]),
		    (uint16_t)(u + 1));
		u += (uint32_t)memo_units(e[0], e[1]);
	}
}

void
memo_put(struct memo *m, const char *key, size_t n, const char *val,
    size_t vn)
{
	size_t need = memo_units(n, vn), j;
	unsigned char *e;
	uint32_t h;

	if (need > MEMO_MAXUNITS || need > m->maxunits)
		return;
	if (m->n == m->max || m->nunits + need > m->maxunits) {
		memset(m->slots, 0, (m->mask + 1) * sizeof *m->slots);
		m->n = m->nunits = 0;
	} else if ((m->n + 1) * 2 > m->mask + 1)
		memo_grow(m);
	h = (uint32_t)hash_bytes(key, n);
	j = memo_find(m, key, n, h);
	if (m->slots[j].id1 != 0)
		return;
	e = m->units + (size_t)m->nunits * MEMO_UNIT;
	e[0] = (unsigned char)n;
	e[1] = (unsigned char)vn;
	memcpy(e + 2, key, n);
	memcpy(e + 2 + n, val, vn);
	m->slots[j].tag = (uint16_t)(h >> 16);
	m->slots[j].id1 = (uint16_t)(m->nunits + 1);
	m->nunits += (uint32_t)need;
	m->n++;
}
