/*
 * fuzz-matcher - the streaming matcher over any token sequence, with a
 * fixed small lexicon (stems, an exact form, globs, a regex, gaps). The
 * input bytes choose the tokens: most bytes pick a word from a list, some
 * start a new sentence, some take the following bytes as a word of their
 * own. Checked: every token fed is popped once, in order; never more than
 * lexicon_maxspan() + 1 tokens are pending; marks form whole matches
 * (a first token, then its other tokens numbered 1, 2, ..., the gaps
 * counted as said, the last one not a gap) inside one sentence, so that
 * matches cannot overlap; and the matches are the leftmost-longest ones
 * that lexicon_scan() finds in each sentence, with its tie-breaking.
 */
#include "fuzz.h"

#include <string.h>

#include "lexicon.h"
#include "tt.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char *const patterns[] = {
	"eigen kracht",
	"eigen ~3 verantwoordelijkheid",
	"wijkteam*",
	"*zorg",
	"=wmo",
	"/ma+n+tel(zorg|zorgers?)?/",
	"samen ~2 werken ~1 wijk",
	"zorg",
	"eigen",
	"eigen kracht ~1 versterken",
	"*team*",
	"participatiesamenleving"
};
#define NPATTERNS	(sizeof patterns / sizeof patterns[0])

static const char *const vocab[] = {
	"eigen", "kracht", "Eigen", "KRACHT", "verantwoordelijkheid", "de",
	"en", "wijkteam", "Wijkteams", "wijkteammedewerker", "mantelzorg",
	"Mantelzorgers", "maaanntel", "zorg", "zorgen", "zorgvuldig", "wmo",
	"Wmo", "WMO's", "samen", "werken", "wijk", ".", ",", "versterken",
	"continuïteit", "ﬁets", "team", "teamwork", "participatiesamenleving",
	"Participatiesamenleving", "ZELFREDZAAMHEID", "", "_", "\t", "é"
};
#define NVOCAB	(sizeof vocab / sizeof vocab[0])

#define MAXTOK	4096	/* tokens per input considered */
#define MAXSENT	48	/* tokens per sentence checked against lexicon_scan */

static struct lexicon *lx;

/* The tokens of one input. */
static struct {
	const char	*w;
	size_t		 len;
	uint64_t	 sent;
	struct lexmark	 mk;
} tok[MAXTOK];
static char wordbytes[MAXTOK * 16];

/* Hits of lexicon_scan in one sentence: the best per start. */
static struct lexhit best[MAXSENT];
static int hasbest[MAXSENT];

/* Whether hit a beats hit b by the tie-breaking rules. */
static int
better(const struct lexhit *a, const struct lexhit *b)
{
	if (a->last - a->first != b->last - b->first)
		return a->last - a->first > b->last - b->first;
	if (a->ngap != b->ngap)
		return a->ngap < b->ngap;
	return a->entry < b->entry;
}

static void
on_hit(const struct lexhit *h, void *arg)
{
	(void)arg;
	FUZZ_ASSERT(h->first >= 0 && h->first < MAXSENT);
	if (!hasbest[h->first] || better(h, &best[h->first])) {
		best[h->first] = *h;
		hasbest[h->first] = 1;
	}
}

/* Compares the marks of tokens [from, to) (one sentence) with what
 * lexicon_scan finds there. */
static void
check_sentence(size_t from, size_t to)
{
	const char *w[MAXSENT];
	size_t lens[MAXSENT], i, n = to - from;
	int cover = -1;

	if (n == 0 || n > MAXSENT)
		return;
	for (i = 0; i < n; i++) {
		w[i] = tok[from + i].w;
		lens[i] = tok[from + i].len;
		hasbest[i] = 0;
	}
	lexicon_scan(lx, w, lens, (int)n, on_hit, NULL);
	for (i = 0; i < n; i++) {
		const struct lexmark *mk = &tok[from + i].mk;

		if ((int)i <= cover)
			continue;	/* inside a match, checked below */
		if (!hasbest[i]) {
			FUZZ_ASSERT(mk->role == LEX_NONE);
			continue;
		}
		FUZZ_ASSERT(mk->role == LEX_FIRST);
		FUZZ_ASSERT(mk->entry == (long)best[i].entry);
		FUZZ_ASSERT(mk->ntok == best[i].last - best[i].first + 1);
		FUZZ_ASSERT(mk->ngap == best[i].ngap);
		cover = best[i].last;
	}
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct matcher *m;
	struct lexmark mk;
	size_t i, ntok = 0, npop = 0, wb = 0, k, sentstart;
	uint64_t sent = 1;
	int maxspan, left = 0, pos = 0, gaps = 0;
	long entry = -1;

	tt_prog = "fuzz-matcher";
	if (lx == NULL) {
		lx = lexicon_from_patterns(patterns, (int)NPATTERNS, "fuzz");
		FUZZ_ASSERT(lx != NULL);
	}
	maxspan = lexicon_maxspan(lx);

	/* The token sequence. */
	for (i = 0; i < size && ntok < MAXTOK; i++) {
		unsigned char b = data[i];

		if (b == 0xFF) {
			sent++;
			continue;
		}
		if (b >= 0xF0) {
			/* the next 1..15 bytes as a word, made valid UTF-8
			 * without NUL (what the stream reader gives) */
			k = (size_t)(b & 0x0F) + 1;
			if (k > size - i - 1)
				k = size - i - 1;
			for (size_t j = 0; j < k; j++) {
				unsigned char c = data[i + 1 + j];
				wordbytes[wb + j] = c == 0 || c >= 0x80 ? '?' :
				    (char)c;
			}
			tok[ntok].w = wordbytes + wb;
			tok[ntok].len = k;
			wb += k;
			i += k;
		} else {
			tok[ntok].w = vocab[b % NVOCAB];
			tok[ntok].len = strlen(tok[ntok].w);
		}
		tok[ntok].sent = sent;
		ntok++;
	}

	/* Through the matcher. */
	m = matcher_new(lx);
	for (i = 0; i <= ntok; i++) {
		if (i < ntok)
			matcher_feed(m, tok[i].w, tok[i].len, NULL, 0,
			    tok[i].sent);
		else
			matcher_finish(m);
		while (matcher_pop(m, &mk)) {
			FUZZ_ASSERT(npop < ntok && npop <= i);
			tok[npop].mk = mk;
			/* the marks form whole matches in one sentence */
			if (left > 0) {
				FUZZ_ASSERT(mk.role == LEX_INSIDE ||
				    mk.role == LEX_GAP);
				FUZZ_ASSERT(mk.entry == entry);
				FUZZ_ASSERT(mk.pos == ++pos);
				FUZZ_ASSERT(tok[npop].sent == tok[npop - 1].sent);
				gaps -= mk.role == LEX_GAP;
				if (--left == 0) {
					FUZZ_ASSERT(mk.role == LEX_INSIDE);
					FUZZ_ASSERT(gaps == 0);
				}
			} else if (mk.role == LEX_FIRST) {
				FUZZ_ASSERT(mk.entry >= 0 &&
				    (size_t)mk.entry < NPATTERNS);
				FUZZ_ASSERT(mk.ntok >= 1 && mk.ntok <=
				    lexicon_entry(lx, (size_t)mk.entry)->maxspan);
				FUZZ_ASSERT(mk.ngap >= 0 && mk.ngap < mk.ntok);
				FUZZ_ASSERT(mk.pos == 0);
				entry = mk.entry;
				left = mk.ntok - 1;
				pos = 0;
				gaps = mk.ngap;
			} else {
				FUZZ_ASSERT(mk.role == LEX_NONE);
				FUZZ_ASSERT(mk.entry == -1);
			}
			npop++;
		}
		if (i < ntok)
			FUZZ_ASSERT(i + 1 - npop <= (size_t)maxspan + 1);
	}
	FUZZ_ASSERT(npop == ntok);
	FUZZ_ASSERT(left == 0);
	matcher_free(m);

	/* Leftmost-longest, sentence by sentence. */
	for (sentstart = 0, i = 1; i <= ntok; i++) {
		if (i == ntok || tok[i].sent != tok[sentstart].sent) {
			check_sentence(sentstart, i);
			sentstart = i;
		}
	}
	tt_status = 0;
	return 0;
}
