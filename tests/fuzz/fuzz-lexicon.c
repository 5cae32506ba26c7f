/*
 * fuzz-lexicon - loading a lexicon from any bytes either succeeds or
 * reports an error (tt_status 2) and returns NULL, never crashes. A
 * lexicon that loads is consistent: every entry has its strings, a
 * category that exists, 1 to 32 token patterns of a known kind, a span no
 * larger than the lexicon's maximum, and is found again by its key; the
 * explaining and linting functions and a matcher run over it. The lines
 * of the input are also compiled as command-line patterns.
 */
#include "fuzz.h"

#include <string.h>

#include "lexicon.h"
#include "tt.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char *const words[] = {
	"eigen", "kracht", "Wijkteams", "mantelzorg", "Zorg", "de", ".",
	"verantwoordelijkheid", "WMO", "participatiesamenleving", "x",
	"continuïteit"
};
#define NWORDS	(sizeof words / sizeof words[0])

static const char *const kinds[] = {
	"stem", "form", "prefix", "suffix", "infix", "regex"
};

static size_t nhits;

static void
on_hit(const struct lexhit *h, void *arg)
{
	const struct lexicon *lx = arg;

	FUZZ_ASSERT(h->entry < lexicon_count(lx));
	FUZZ_ASSERT(h->first >= 0 && h->first <= h->last &&
	    h->last < (int)NWORDS);
	FUZZ_ASSERT(h->ngap >= 0 && h->ngap <= h->last - h->first);
	nhits++;
}

/* Checks a lexicon that loaded and runs everything over it. */
static void
exercise(const struct lexicon *lx)
{
	static const char *const common[] = { "de", "zorg", "team" };
	const struct lexentry *e;
	struct ttbuf form = { 0 }, stem = { 0 }, why = { 0 };
	struct matcher *m;
	struct lexmark mk;
	size_t i, j, lens[NWORDS], popped = 0;
	int tp, gap, k, found;

	FUZZ_ASSERT(lexicon_maxspan(lx) >= 0);
	for (i = 0; i < lexicon_count(lx); i++) {
		e = lexicon_entry(lx, i);
		FUZZ_ASSERT(e->key && e->lexname && e->id && e->pattern &&
		    e->category && e->alternative && e->note && e->file);
		FUZZ_ASSERT(e->catid >= 0 && e->catid < lexicon_ncategories(lx));
		FUZZ_ASSERT(strcmp(lexicon_category(lx, e->catid),
		    e->category) == 0);
		FUZZ_ASSERT(e->ntokpat >= 1 && e->ntokpat <= 32);
		FUZZ_ASSERT(e->maxspan >= e->ntokpat &&
		    e->maxspan <= lexicon_maxspan(lx));
		FUZZ_ASSERT(lexicon_find(lx, e->key) == (long)i);
		for (tp = 0; tp < e->ntokpat; tp++) {
			const char *kind = lexicon_tokpat_kind(lx, i, tp, &gap);

			found = 0;
			for (k = 0; k < 6; k++)
				found |= strcmp(kind, kinds[k]) == 0;
			FUZZ_ASSERT(found);
			FUZZ_ASSERT(gap >= 0 && gap <= 99);
			FUZZ_ASSERT(tp > 0 || gap == 0);
			for (j = 0; j < 3; j++) {
				k = lexicon_why(lx, i, tp, words[j],
				    strlen(words[j]), &why);
				FUZZ_ASSERT(k == 0 || k == 1);
			}
		}
	}
	for (j = 0; j < NWORDS; j++) {
		lens[j] = strlen(words[j]);
		lexicon_keys(lx, words[j], lens[j], NULL, 0, &form, &stem);
	}
	nhits = 0;
	lexicon_scan(lx, words, lens, (int)NWORDS, on_hit, (void *)lx);
	(void)lexicon_lint(lx, common, 3);

	m = matcher_new(lx);
	for (j = 0; j < NWORDS; j++) {
		matcher_feed(m, words[j], lens[j], NULL, 0, j < 6 ? 1 : 2);
		while (matcher_pop(m, &mk))
			popped++;
	}
	matcher_finish(m);
	while (matcher_pop(m, &mk))
		popped++;
	FUZZ_ASSERT(popped == NWORDS);
	matcher_free(m);
	tt_buf_free(&form);
	tt_buf_free(&stem);
	tt_buf_free(&why);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct lexicon *lx;
	char path[64];
	const char *paths[1], *pats[16];
	char *copy, *p, *nl;
	int fd, n;

	tt_prog = "fuzz-lexicon";
	tt_status = 0;
	fd = fuzz_memfile(data, size, path, sizeof path);
	paths[0] = path;
	lx = lexicon_load(paths, 1);
	if (lx == NULL)
		FUZZ_ASSERT(tt_status == 2);
	else {
		exercise(lx);
		lexicon_free(lx);
	}
	close(fd);

	/* Up to 16 lines as patterns given on a command line. */
	tt_status = 0;
	copy = tt_xmalloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	for (n = 0, p = copy; n < 16 && p < copy + size; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = copy + size;
		*nl = '\0';
		pats[n++] = p;
	}
	if (n > 0) {
		lx = lexicon_from_patterns(pats, n, "-e");
		if (lx == NULL)
			FUZZ_ASSERT(tt_status == 2);
		else {
			FUZZ_ASSERT(lexicon_count(lx) == (size_t)n);
			exercise(lx);
			lexicon_free(lx);
		}
	}
	free(copy);
	tt_status = 0;
	return 0;
}
