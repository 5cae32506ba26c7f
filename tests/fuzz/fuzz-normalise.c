/*
 * fuzz-normalise - the core of tt-normalise: any bytes, split into lines,
 * go through norm_chars (output valid UTF-8 without control characters
 * other than TAB and FF, and normalising it again changes nothing), the
 * page-furniture helpers and the line joiner (one line out for every line
 * in, and nothing but hyphens and blanks lost or gained).
 * The first byte of the input chooses the flags and which lines are fed
 * to the joiner as furniture.
 */
#include "fuzz.h"

#include <string.h>
#include <utf8proc.h>

#include "normalise.h"
#include "tt.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static struct normscratch scratch;
static struct ttbuf out, again, bytes_in, bytes_out;
static size_t nemitted;

/* Adds s[0..n) to b without blanks, form feeds, hyphens and soft hyphens:
 * what the joiner may move or drop. */
static void
add_letters(struct ttbuf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '-')
			continue;
		if (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
		    (unsigned char)s[i + 1] == 0xAD) {
			i++;
			continue;
		}
		tt_buf_addc(b, s[i]);
	}
}

/* Length of s[0..n) without the blanks and form feeds around it. */
static size_t
trimmed_len(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
		i++;
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\f'))
		n--;
	return n - i;
}

static void
emit(const char *s, size_t n, void *arg)
{
	(void)arg;
	FUZZ_ASSERT(memchr(s, '\n', n) == NULL);
	fuzz_assert_line_utf8(s, n);
	add_letters(&bytes_out, s, n);
	nemitted++;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct normjoin j;
	const char *s, *end, *nl, *prev = NULL;
	size_t n, i, nfed = 0, prevlen = 0;
	unsigned char ctl;
	uint64_t key;
	int flags, d;

	if (size == 0)
		return 0;
	tt_prog = "fuzz-normalise";
	ctl = data[0];
	flags = ctl & 1 ? NORM_KEEP_PUNCT : 0;
	s = (const char *)data + 1;
	end = (const char *)data + size;
	normjoin_init(&j, emit, NULL);
	nemitted = 0;
	bytes_in.len = bytes_out.len = 0;
	for (; s <= end; s = nl + 1) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		n = (size_t)(nl - s);

		/* The character layer, on raw bytes (invalid UTF-8, NUL). */
		norm_chars(&out, &scratch, s, n, flags);
		FUZZ_ASSERT(out.s != NULL && strlen(out.s) == out.len);
		fuzz_assert_line_utf8(out.s, out.len);
		for (i = 0; i < out.len; i++) {
			unsigned char c = (unsigned char)out.s[i];
			FUZZ_ASSERT(c >= 0x20 || c == '\t' || c == '\f');
			FUZZ_ASSERT(c != 0x7F);
		}
		if (norm_ascii_clean(s, n))
			FUZZ_ASSERT(out.len == n && memcmp(out.s, s, n) == 0);
		norm_chars(&again, &scratch, out.s, out.len, flags);
		FUZZ_ASSERT(again.len == out.len &&
		    memcmp(again.s, out.s, out.len) == 0);

		/* Page furniture helpers: no crash, the documented limits. */
		(void)norm_pagenumber(out.s, out.len);
		(void)norm_pagenumber(s, n);
		key = norm_furniture_key(out.s, out.len);
		if (trimmed_len(out.s, out.len) > NORM_FURNITURE_MAX ||
		    trimmed_len(out.s, out.len) == 0)
			FUZZ_ASSERT(key == 0);
		FUZZ_ASSERT(norm_furniture_key(out.s, out.len) == key);
		(void)norm_furniture_key(s, n);

		/* The join decision on the previous line and this one. */
		if (prev != NULL) {
			d = norm_join_decision(prev, prevlen, s, n);
			FUZZ_ASSERT(d == NORM_NOJOIN || d == NORM_JOIN ||
			    d == NORM_JOINKEEP);
		}
		prev = s;
		prevlen = n;

		/* The joiner sees what tt-normalise gives it: furniture
		 * lines are blanked to at most a form feed. */
		if ((ctl & 4) && (nfed & 7) == 3) {
			normjoin_line(&j, "\f", out.len > 0 && out.s[0] == '\f',
			    1);
		} else {
			add_letters(&bytes_in, out.s, out.len);
			normjoin_line(&j, out.s, out.len, 0);
		}
		nfed++;
		if ((ctl & 8) && (nfed & 15) == 0)
			normjoin_flush(&j);	/* a new document */
		if (nl == end)
			break;
	}
	normjoin_flush(&j);
	FUZZ_ASSERT(nemitted == nfed);
	FUZZ_ASSERT(bytes_in.len == bytes_out.len && (bytes_in.len == 0 ||
	    memcmp(bytes_in.s, bytes_out.s, bytes_in.len) == 0));
	normjoin_free(&j);
	tt_status = 0;
	return 0;
}
