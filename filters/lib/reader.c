/*
 * reader.c - the one line reader every program uses.
 *
 * Lines end at LF, CRLF or a lone CR; there is no length limit; the BOM of
 * the first line is dropped; NUL bytes and invalid UTF-8 are replaced by
 * U+FFFD (counted, reported once per file). Lines that fit in the read
 * buffer are handed out in place, without copying.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
/* AVX2 is not in the x86-64 baseline: built with a target attribute,
 * chosen at run time. */
#if defined(__SSE2__) && defined(__x86_64__) && \
    (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_AVX2_DISPATCH

/* 1 when this CPU has AVX2 and TT_NO_AVX2 (for tests of the other path)
 * is not set; -1 before the first look. */
static int use_avx2 = -1;

static int
avx2_wanted(void)
{
	if (use_avx2 < 0) {
		__builtin_cpu_init();
		use_avx2 = __builtin_cpu_supports("avx2") &&
		    getenv("TT_NO_AVX2") == NULL;
	}
	return use_avx2;
}
#endif

#include "buf.h"
#include "err.h"
#include "reader.h"
#include "utf8.h"

#ifndef READ_SIZE		/* the fuzzers build with smaller ones */
#define READ_SIZE	(128 * 1024)
#endif
#define BLOCK		64		/* bytes classified at once */
#define NO_BLOCK	((size_t)-1)
#define SNIFF_SIZE	4096
#ifndef MAP_WINDOW		/* mapped at once: pages, a power of two */
#define MAP_WINDOW	(256 * 1024)
#endif

/*
 * The reader's own state, which no other file sees: the file, the read
 * buffer or map window, the line being assembled, the classified block.
 */
struct rdstate {
	int		 fd;
	char		*buf;
	size_t		 bufpos, buflen;
	struct ttbuf	 lbuf, fixbuf;
	int		 eof, pendcr, warned, isstdin;
	/* the 64-byte block of buf at offset blk, classified: bit i of each
	 * mask says byte i is LF, TAB, or NUL, CR, non-ASCII or backslash */
	size_t		 blk;
	uint64_t	 mnl, mtab, mspecial;
	int		 avx2;		/* classify with AVX2 */
	/* buf is a window of maplen bytes of the file, which is mapped
	 * (reader_map) from mapoff on */
	int		 mapped;
	size_t		 maplen;
	off_t		 mapoff, filesize;
};

static const char replacement[] = "\xEF\xBF\xBD";

static int	map_next(struct ttreader *);

/* Byte i of a word loaded by load_le() is bits 8i..8i+7 on any machine. */
#define FIRST_BYTE(m)	((size_t)__builtin_ctzll(m) >> 3)

static uint64_t
load_le(const char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}
#define LOW7	0x7F7F7F7F7F7F7F7FULL
/* The high bit of each byte of x that is zero, exactly (no borrows). */
#define ZERO_BYTES(x)	(~((((x) & LOW7) + LOW7) | (x) | LOW7))

/*
 * A line is split while it is checked: SPLIT_AT for each TAB at offset t
 * (from line) closes field nf, begun at offset start; split_end()
 * closes the last at the line's end n. Fields beyond READER_MAXFIELDS are
 * counted, not kept. (A macro, so that nf and start stay in registers.)
 */
#define SPLIT_AT(r, line, t, nf, start) do {				\
	if ((nf) < READER_MAXFIELDS) {					\
		(r)->fields[nf].s = (line) + (start);			\
		(r)->fields[nf].len = (t) - (start);			\
	}								\
	(nf)++;								\
	(start) = (t) + 1;						\
} while (0)

static void
split_end(struct ttreader *r, const char *s, size_t n, long nf, size_t start)
{
	if (nf < READER_MAXFIELDS) {
		r->fields[nf].s = s + start;
		r->fields[nf].len = n - start;
	}
	r->nfields = nf + 1;
}

/*
 * Whether s[0..n) is plain ASCII without NUL and CR, eight bytes at a time:
 * the common case, which then needs no further look. On the way it splits
 * the line at its TABs, so the stream reader need not look for them again.
 */
static int
line_is_plain(struct ttreader *r, const char *s, size_t n)
{
	uint64_t v, m;
	size_t i = 0, start = 0;
	long nf = 0;

	r->nfields = -1;
	for (; i + 8 <= n; i += 8) {
		v = load_le(s + i);
		if ((v & HIGHS) || HAS_ZERO(v) || HAS_BYTE(v, '\r'))
			return 0;
		for (m = ZERO_BYTES(v ^ (ONES * '\t')); m != 0; m &= m - 1)
			SPLIT_AT(r, s, i + FIRST_BYTE(m), nf, start);
	}
	if (i < n) {
		/* the last 1-7 bytes, padded with spaces to a whole word */
		char tail[8] = "        ";

		memcpy(tail, s + i, n - i);
		v = load_le(tail);
		if ((v & HIGHS) || HAS_ZERO(v) || HAS_BYTE(v, '\r'))
			return 0;
		for (m = ZERO_BYTES(v ^ (ONES * '\t')); m != 0; m &= m - 1)
			SPLIT_AT(r, s, i + FIRST_BYTE(m), nf, start);
	}
	split_end(r, s, n, nf, start);
	return 1;
}

/* Whether s[0..n) is valid UTF-8 without NUL; the common ASCII case first. */
static int
line_is_clean(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t k;

	while (p < end) {
		if (*p >= 0x01 && *p < 0x80) {
			p++;
			continue;
		}
		if ((k = utf8_valid_len(p, (size_t)(end - p))) == 0)
			return 0;
		p += k;
	}
	return 1;
}

/* Copies s into r->fixbuf with every bad byte replaced; sets r->line. */
static void
line_repair(struct ttreader *r, const char *s, size_t n)
{
	struct rdstate *rs = r->st;
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t k, bad = 0;

	rs->fixbuf.len = 0;
	tt_buf_reserve(&rs->fixbuf, n);
	while (p < end) {
		if ((k = utf8_valid_len(p, (size_t)(end - p))) == 0) {
			tt_buf_add(&rs->fixbuf, replacement, 3);
			bad++;
			p++;
		} else {
			tt_buf_add(&rs->fixbuf, (const char *)p, k);
			p += k;
		}
	}
	if (!rs->warned) {
		tt_warn("%s:%lu: NUL or invalid UTF-8 replaced by U+FFFD",
		    r->name, r->lineno);
		rs->warned = 1;
	}
	r->nbad += bad;
	r->line = rs->fixbuf.s;
	r->len = rs->fixbuf.len;
}

/*
 * Says why the first bytes of a file look like no text, or NULL when they
 * do: known magic numbers first, then a share of control bytes and invalid
 * UTF-8 that no text has.
 */
static const char *
sniff_binary(const unsigned char *s, size_t n)
{
	size_t i, k, odd = 0;

	if (n >= 5 && memcmp(s, "%PDF-", 5) == 0)
		return "a PDF file, not text: extract its text first with "
		    "pdftotext (poppler-utils), or run tt-analyse on it";
	if (n >= 2 && s[0] == 0x1F && s[1] == 0x8B)
		return "gzip-compressed data, not text: decompress it first "
		    "(zcat)";
	if (n >= 4 && memcmp(s, "PK\x03\x04", 4) == 0)
		return "a ZIP archive (DOCX, ODT?), not text: convert it first "
		    "with pandoc, or run tt-analyse on it";
	if (n < 16)
		return NULL;
	for (i = 0; i < n; i += k ? k : 1) {
		k = utf8_valid_len(s + i, n - i);
		if (k == 0 && n - i < 4 && s[i] >= 0xC0)
			break;		/* a sequence cut by the sniff window */
		if (k == 0 || (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r' && s[i] != '\f' && s[i] != '\v' &&
		    s[i] != 0x1B))
			odd++;
	}
	if (odd * 10 > n)
		return "binary data, not text";
	return NULL;
}

static int
refill(struct ttreader *r)
{
	struct rdstate *rs = r->st;
	ssize_t n;

	rs->bufpos = rs->buflen = 0;
	rs->blk = NO_BLOCK;
	if (rs->eof)
		return 0;
	if (rs->mapped)
		return map_next(r);
	do
		n = read(rs->fd, rs->buf, READ_SIZE);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		tt_error("%s: %s", r->name, strerror(errno));
		rs->eof = 1;
		return -1;
	}
	if (n == 0) {
		rs->eof = 1;
		return 0;
	}
	rs->buflen = (size_t)n;
	return 1;
}

int
reader_open(struct ttreader *r, const char *path, int binary_check)
{
	struct rdstate *rs;
	const char *why;
	size_t have;
	ssize_t n;

	memset(r, 0, sizeof *r);
	r->st = rs = tt_xcalloc(1, sizeof *rs);
	if (strcmp(path, "-") == 0) {
		rs->fd = 0;
		r->name = "<stdin>";
		rs->isstdin = 1;
	} else {
		r->name = path;
		if ((rs->fd = open(path, O_RDONLY)) < 0) {
			tt_error("%s: %s", path, strerror(errno));
			reader_close(r);
			return -1;
		}
	}
	/* zeroed, and a block longer: blocks are read whole */
	rs->buf = tt_xcalloc(READ_SIZE + BLOCK, 1);
	rs->blk = NO_BLOCK;
#if defined(HAVE_AVX2_DISPATCH)
	rs->avx2 = avx2_wanted();
#endif
	if (!binary_check)
		return 0;
	/* Fill up to SNIFF_SIZE bytes (pipes deliver in pieces) to judge. */
	for (have = 0; have < SNIFF_SIZE; have += (size_t)n) {
		do
			n = read(rs->fd, rs->buf + have, READ_SIZE - have);
		while (n < 0 && errno == EINTR);
		if (n < 0) {
			tt_error("%s: %s", r->name, strerror(errno));
			reader_close(r);
			return -1;
		}
		if (n == 0) {
			rs->eof = 1;
			break;
		}
	}
	rs->buflen = have;
	if ((why = sniff_binary((unsigned char *)rs->buf,
	    have < SNIFF_SIZE ? have : SNIFF_SIZE)) != NULL) {
		tt_error("%s: %s", r->name, why);
		reader_close(r);
		return -1;
	}
	return 0;
}

/* The file mapped last, named when it shrinks under the map (SIGBUS). */
static const char *mapped_name = "";

static void
on_sigbus(int sig)
{
	static const char what[] =
	    ": the file shrank, or could not be read, while it was read\n";
	ssize_t rc;

	(void)sig;
	rc = write(2, tt_prog, strlen(tt_prog));
	rc = write(2, ": ", 2);
	rc = write(2, mapped_name, strlen(mapped_name));
	rc = write(2, what, sizeof what - 1);
	(void)rc;
	_exit(2);
}

void
reader_map(struct ttreader *r)
{
	struct rdstate *rs = r->st;
	static int handler;
	struct sigaction sa;
	struct stat st;
	off_t off;

	if (rs->mapped || rs->buflen != 0 || rs->eof ||
	    MAP_WINDOW % sysconf(_SC_PAGESIZE) != 0 || fstat(rs->fd, &st) < 0 ||
	    !S_ISREG(st.st_mode) || (off = lseek(rs->fd, 0, SEEK_CUR)) < 0 ||
	    st.st_size <= off)
		return;
	/* consume the file as reading it to the end would (stdin is shared) */
	(void)lseek(rs->fd, st.st_size, SEEK_SET);
	if (!handler) {
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_sigbus;
		sigemptyset(&sa.sa_mask);
		(void)sigaction(SIGBUS, &sa, NULL);
		handler = 1;
	}
	mapped_name = r->name;
	free(rs->buf);
	rs->buf = NULL;
	rs->mapped = 1;
	rs->filesize = st.st_size;
	rs->mapoff = off;
}

/*
 * Maps the next window of a mapped file: from mapoff, at most MAP_WINDOW
 * bytes (a window, not the file, so that resident memory stays small).
 */
static int
map_next(struct ttreader *r)
{
	struct rdstate *rs = r->st;
	off_t start = rs->mapoff & ~(off_t)(MAP_WINDOW - 1);
	size_t len;
	void *p;

	if (rs->buf != NULL)
		munmap(rs->buf, rs->maplen);
	rs->buf = NULL;
	rs->maplen = 0;
	if (rs->mapoff >= rs->filesize) {
		rs->eof = 1;
		return 0;
	}
	len = (size_t)(rs->filesize - start < MAP_WINDOW ?
	    rs->filesize - start : MAP_WINDOW);
	p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, rs->fd, start);
	if (p == MAP_FAILED) {
		tt_error("%s: %s", r->name, strerror(errno));
		rs->eof = 1;
		return -1;
	}
	rs->buf = p;
	rs->maplen = rs->buflen = len;
	rs->bufpos = (size_t)(rs->mapoff - start);
	rs->mapoff = start + (off_t)len;
	return 1;
}

/*
 * Classifies the BLOCK bytes at p into the reader's masks: bit i says
 * byte i is an LF, a TAB, or one that needs a closer look (NUL, CR,
 * non-ASCII, or a backslash: an escape in a stream).
 */
#if defined(__SSE2__)
#define CHUNK(i) do {							\
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + (i)));\
	nl |= (uint64_t)(uint16_t)_mm_movemask_epi8(			\
	    _mm_cmpeq_epi8(x, lf)) << (i);				\
	tb |= (uint64_t)(uint16_t)_mm_movemask_epi8(			\
	    _mm_cmpeq_epi8(x, tab)) << (i);				\
	sp |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_or_si128(x,	\
	    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, zero),	\
	    _mm_cmpeq_epi8(x, cr)), _mm_cmpeq_epi8(x, bs)))) << (i);	\
} while (0)

static void
classify_block(struct ttreader *r, const char *p)
{
	struct rdstate *rs = r->st;
	const __m128i lf = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t'),
	    cr = _mm_set1_epi8('\r'), bs = _mm_set1_epi8('\\'),
	    zero = _mm_setzero_si128();
	uint64_t nl = 0, tb = 0, sp = 0;

	CHUNK(0);
	CHUNK(16);
	CHUNK(32);
	CHUNK(48);
	rs->mnl = nl;
	rs->mtab = tb;
	rs->mspecial = sp;
}

#if defined(HAVE_AVX2_DISPATCH)
/* The bits of the bytes of a and b that equal c, a's in the low half. */
#define MASK2(a, b, c)	((uint64_t)(uint32_t)_mm256_movemask_epi8(	\
	_mm256_cmpeq_epi8((a), (c))) | (uint64_t)(uint32_t)		\
	_mm256_movemask_epi8(_mm256_cmpeq_epi8((b), (c))) << 32)

/* The same as classify_block, 32 bytes at a time. */
__attribute__((target("avx2"))) static void
classify_block_avx2(struct ttreader *r, const char *p)
{
	struct rdstate *rs = r->st;
	const __m256i lf = _mm256_set1_epi8('\n'),
	    tab = _mm256_set1_epi8('\t'), cr = _mm256_set1_epi8('\r'),
	    bs = _mm256_set1_epi8('\\'), zero = _mm256_setzero_si256();
	__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
/* the high bit of a byte of x set where it is non-ASCII or special */
#define SPECIAL(x)	_mm256_or_si256((x), _mm256_or_si256(_mm256_or_si256(\
	_mm256_cmpeq_epi8((x), zero), _mm256_cmpeq_epi8((x), cr)),	\
	_mm256_cmpeq_epi8((x), bs)))

	rs->mnl = MASK2(a, b, lf);
	rs->mtab = MASK2(a, b, tab);
	rs->mspecial = (uint64_t)(uint32_t)_mm256_movemask_epi8(SPECIAL(a)) |
	    (uint64_t)(uint32_t)_mm256_movemask_epi8(SPECIAL(b)) << 32;
#undef SPECIAL
}

#endif
#else
static void
classify_block(struct ttreader *r, const char *p)
{
	struct rdstate *rs = r->st;
	int i;

	rs->mnl = rs->mtab = rs->mspecial = 0;
	for (i = 0; i < BLOCK; i++) {
		unsigned char c = (unsigned char)p[i];
		uint64_t bit = 1ULL << i;

		if (c == '\n')
			rs->mnl |= bit;
		else if (c == '\t')
			rs->mtab |= bit;
		else if (c == '\0' || c == '\r' || c == '\\' || c >= 0x80)
			rs->mspecial |= bit;
	}
}
#endif

/*
 * The common case, in one pass over the bytes: the line at bufpos ends at
 * an LF inside the buffer, holds no NUL or CR, and is valid UTF-8. Returns
 * the offset of that LF with the line's TABs noted, or NO_BLOCK when the
 * general path must look. The masks of the last block are kept, since the
 * next line starts in it.
 */
static size_t
scan_line(struct ttreader *r)
{
	struct rdstate *rs = r->st;
	size_t pos = rs->bufpos, base = pos & ~(size_t)(BLOCK - 1), end;
	size_t start = pos;
	uint64_t keep = ~0ULL << (pos - base), nl, m;
	long nf = 0;
	int special = 0;

	for (;;) {
		if (base != rs->blk) {
			if (base >= rs->buflen)
				return NO_BLOCK;
#if defined(HAVE_AVX2_DISPATCH)
			if (rs->avx2)
				classify_block_avx2(r, rs->buf + base);
			else
#endif
				classify_block(r, rs->buf + base);
			if (rs->buflen - base < BLOCK) {
				m = (1ULL << (rs->buflen - base)) - 1;
				rs->mnl &= m;
				rs->mtab &= m;
				rs->mspecial &= m;
			}
			rs->blk = base;
		}
		nl = rs->mnl & keep;
		m = nl != 0 ? keep & ((nl & -nl) - 1) : keep;
		special |= (rs->mspecial & m) != 0;
		m &= rs->mtab;
		if (nf <= READER_MAXFIELDS) {
			/* at most 64 more: within the room of fields[] */
			struct ttfield *f = r->fields + nf;

			for (; m != 0; m &= m - 1, f++) {
				size_t t = base + (unsigned)__builtin_ctzll(m);

				f->s = rs->buf + start;
				f->len = t - start;
				start = t + 1;
			}
			nf = f - r->fields;
		} else
			for (; m != 0; m &= m - 1)
				SPLIT_AT(r, rs->buf, base +
				    (unsigned)__builtin_ctzll(m), nf, start);
		if (nl != 0)
			break;
		base += BLOCK;
		keep = ~0ULL;
	}
	end = base + (size_t)__builtin_ctzll(nl);
	r->escapes = 0;
	if (special) {
		/* valid non-ASCII is fine; NUL and CR need the general path */
		if (memchr(rs->buf + pos, '\r', end - pos) != NULL ||
		    !line_is_clean(rs->buf + pos, end - pos))
			return NO_BLOCK;
		r->escapes = memchr(rs->buf + pos, '\\', end - pos) != NULL;
	}
	split_end(r, rs->buf, end, nf, start);
	return end;
}

/* Hands out line s[0..n) after the BOM and validity checks. */
static int
deliver(struct ttreader *r, char *s, size_t n)
{
	struct rdstate *rs = r->st;

	r->lineno++;
	r->escapes = 1;		/* not looked for here */
	if (r->lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (line_is_plain(r, s, n) || line_is_clean(s, n)) {
		if (!rs->mapped)
			s[n] = '\0';
		r->line = s;
		r->len = n;
	} else {
		line_repair(r, s, n);
		r->nfields = -1;
	}
	return 1;
}

int
reader_next(struct ttreader *r)
{
	struct rdstate *rs = r->st;
	char *start, *nl, *cr, *end;
	size_t lf;
	int rc;

	rs->lbuf.len = 0;
	for (;;) {
		if (rs->bufpos >= rs->buflen) {
			if ((rc = refill(r)) < 0)
				return -1;
			if (rc == 0) {
				if (rs->lbuf.len == 0)
					return 0;
				return deliver(r, rs->lbuf.s, rs->lbuf.len);
			}
		}
		if (rs->pendcr) {
			rs->pendcr = 0;
			if (rs->buf[rs->bufpos] == '\n' && ++rs->bufpos >= rs->buflen)
				continue;
		}
		start = rs->buf + rs->bufpos;
		if (rs->lbuf.len == 0 && r->lineno > 0 &&
		    (lf = scan_line(r)) != NO_BLOCK) {
			rs->bufpos = lf + 1;
			r->lineno++;
			if (!rs->mapped)
				rs->buf[lf] = '\0';
			r->line = start;
			r->len = (size_t)(rs->buf + lf - start);
			return 1;
		}
		r->escapes = 1;		/* not looked for on this path */
		end = rs->buf + rs->buflen;
		nl = memchr(start, '\n', (size_t)(end - start));
		if (nl != NULL && line_is_plain(r, start, (size_t)(nl - start))) {
			/* the common case: a clean line that ends at LF */
			rs->bufpos = (size_t)(nl - rs->buf) + 1;
			if (rs->lbuf.len == 0) {
				if (r->lineno == 0)	/* may start with a BOM */
					return deliver(r, start,
					    (size_t)(nl - start));
				r->lineno++;
				if (!rs->mapped)
					*nl = '\0';
				r->line = start;
				r->len = (size_t)(nl - start);
				return 1;
			}
			tt_buf_add(&rs->lbuf, start, (size_t)(nl - start));
			return deliver(r, rs->lbuf.s, rs->lbuf.len);
		}
		cr = memchr(start, '\r', (size_t)((nl ? nl : end) - start));
		if (cr != NULL) {
			nl = cr;
			rs->pendcr = 1;
		}
		if (nl == NULL) {
			tt_buf_add(&rs->lbuf, start, (size_t)(end - start));
			rs->bufpos = rs->buflen;
			continue;
		}
		rs->bufpos = (size_t)(nl - rs->buf) + 1;
		if (rs->lbuf.len == 0)
			return deliver(r, start, (size_t)(nl - start));
		tt_buf_add(&rs->lbuf, start, (size_t)(nl - start));
		return deliver(r, rs->lbuf.s, rs->lbuf.len);
	}
}

void
reader_close(struct ttreader *r)
{
	struct rdstate *rs = r->st;

	if (rs == NULL)		/* closed already */
		return;
	if (rs->fd > 0 || (rs->fd == 0 && !rs->isstdin))
		close(rs->fd);
	if (!rs->mapped)
		free(rs->buf);
	else if (rs->buf != NULL)
		munmap(rs->buf, rs->maplen);
	tt_buf_free(&rs->lbuf);
	tt_buf_free(&rs->fixbuf);
	free(rs);
	r->st = NULL;
}
