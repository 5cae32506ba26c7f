/*
 * fuzz-tokenise - the tokeniser behind tt-tokenise. Any bytes are read
 * with the shared reader (as tt-tokenise does) and tokenised; every token
 * must be non-empty valid UTF-8 found on the input line it names, token
 * numbers go 1, 2, 3, ... within a document, sentence and paragraph
 * numbers start at 1 and never go back or skip, line numbers never go
 * back and name a line already fed.
 * The first byte chooses the flags, whether a second document starts half
 * way, and whether the bytes before the first empty line are also loaded
 * as an abbreviation list (abbrevs_load on arbitrary bytes).
 */
#include "fuzz.h"

#include <string.h>
#include <utf8proc.h>

#include "tokenise.h"
#include "tt.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

#define MAXLINES	65536

static struct {
	unsigned long	 tok, sent, par, line;
	unsigned long	 fed;		/* lines fed so far */
	size_t		 ntokens;
} st;
static struct ttbuf text;		/* every line fed, one after another */
static size_t linestart[MAXLINES + 2], lineend[MAXLINES + 2];

/* Whether needle occurs in hay. */
static int
contains(const char *hay, size_t hn, const char *needle, size_t nn)
{
	return nn <= hn && memmem(hay, hn, needle, nn) != NULL;
}

static void
emit(const struct token *tk, void *arg)
{
	(void)arg;
	FUZZ_ASSERT(tk->s != NULL && tk->len > 0);
	fuzz_assert_line_utf8(tk->s, tk->len);
	FUZZ_ASSERT((int)tk->type >= TOK_WORD && (int)tk->type <= TOK_ABBR);
	FUZZ_ASSERT(toktype_name[tk->type] != NULL);
	FUZZ_ASSERT(tk->tok == st.tok + 1);
	FUZZ_ASSERT(tk->sent >= 1 && (tk->sent == st.sent ||
	    tk->sent == st.sent + 1));
	FUZZ_ASSERT(tk->par >= 1 && (tk->par == st.par ||
	    tk->par == st.par + 1));
	/* a new paragraph is a new sentence */
	if (tk->par != st.par && st.tok > 0)
		FUZZ_ASSERT(tk->sent == st.sent + 1);
	FUZZ_ASSERT(tk->line >= st.line && tk->line >= 1 &&
	    tk->line <= st.fed);
	if (tk->line <= MAXLINES)
		FUZZ_ASSERT(contains(text.s + linestart[tk->line],
		    lineend[tk->line] - linestart[tk->line], tk->s, tk->len));
	if (tk->speaker != NULL) {
		FUZZ_ASSERT(tk->speakerlen > 0);
		fuzz_assert_line_utf8(tk->speaker, tk->speakerlen);
	}
	st.tok = tk->tok;
	st.sent = tk->sent;
	st.par = tk->par;
	st.line = tk->line;
	st.ntokens++;
}

/* Starts a document: numbering restarts, lines count from 1. */
static void
begin(struct tokeniser *t)
{
	memset(&st, 0, sizeof st);
	text.len = 0;
	tt_buf_reserve(&text, 0);
	tokeniser_begin(t);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct abbrevs *base;
	struct abbrevs *ab;
	struct tokeniser *t;
	struct ttreader r;
	char path[64];
	const unsigned char *cut;
	unsigned char ctl;
	size_t i;
	int fd, rc, second = 0;

	if (size == 0)
		return 0;
	tt_prog = "fuzz-tokenise";
	ctl = data[0];
	data++;
	size--;

	/* The abbreviation list: the shipped one, or arbitrary bytes. */
	if (base == NULL) {
		base = abbrevs_new();
		if (abbrevs_load(base, "lexicons/afkortingen.txt") < 0) {
			static const char *const a[] = { "enz.", "dhr.",
			    "o.a.", "bijv.", "tel.", "nr.", "'t", "'s" };
			static const int k[] = { ABBR_END, ABBR_PRE, ABBR_PRE,
			    ABBR_PRE, ABBR_WORD, ABBR_PRE, ABBR_CLITIC,
			    ABBR_CLITIC };
			for (i = 0; i < sizeof a / sizeof a[0]; i++)
				abbrevs_add(base, a[i], strlen(a[i]), k[i]);
		}
		tt_status = 0;
	}
	ab = base;
	if ((ctl & 1) && (cut = memmem(data, size, "\n\n", 2)) != NULL) {
		ab = abbrevs_new();
		fd = fuzz_memfile(data, (size_t)(cut - data), path,
		    sizeof path);
		if (abbrevs_load(ab, path) == 0) {
			/* what was loaded is found again */
			FUZZ_ASSERT(abbrevs_count(ab) <= (size_t)(cut - data));
		}
		close(fd);
		(void)abbrevs_kind(ab, (const char *)data, (size_t)(cut - data));
		(void)abbrevs_add(ab, (const char *)data,
		    (size_t)(cut - data) < 80 ? (size_t)(cut - data) : 80,
		    ABBR_END);
	}

	t = tokeniser_new(ab, ctl & 2 ? TOKF_NOSPEAKERS : 0, emit, NULL);
	fd = fuzz_memfile(data, size, path, sizeof path);
	if (reader_open(&r, path, 0) == 0) {
		begin(t);
		while ((rc = reader_next(&r)) == 1) {
			if ((ctl & 4) && !second && r.lineno > 2 &&
			    r.lineno == (unsigned long)(ctl >> 3)) {
				tokeniser_end(t);
				begin(t);	/* line numbers go on */
				st.fed = r.lineno - 1;
				st.line = 0;
				second = 1;
			}
			if (r.lineno <= MAXLINES) {
				linestart[r.lineno] = text.len;
				tt_buf_add(&text, r.line, r.len);
				lineend[r.lineno] = text.len;
			}
			st.fed = r.lineno;
			tokeniser_line(t, r.line, r.len, r.lineno);
		}
		tokeniser_end(t);
		FUZZ_ASSERT(rc == 0);
		reader_close(&r);
	}
	close(fd);
	tokeniser_free(t);
	if (ab != base)
		abbrevs_free(ab);
	tt_status = 0;
	return 0;
}
