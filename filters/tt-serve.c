/*
 * tt-serve - a small local web server for the browser page: a text with
 * its jargon hits and formal/informal markers marked, live.
 *
 * It runs the toolkit's own code in-process: the reader's UTF-8 repair,
 * norm_chars (tt-normalise), the tokeniser (tt-tokenise), the matcher
 * with its stemmer (tt-jargon) and the poles of the score lexicon
 * (tt-score). Everything is loaded once at start-up; after that the server
 * reads no files and serves only the assets compiled into it. The one
 * program it ever starts is a converter (pdftotext, pandoc) found at
 * start-up, for a .pdf or .docx a user opens, never for the analysis.
 *
 * Every request is hostile input: the paths are a fixed list, the Host
 * must name the server on loopback, the body has a limit that is checked
 * before it is read, every value is escaped in JSON and HTML, and the
 * number of connections and their idle time are bounded.
 *
 * Thread safety: the library keeps per-process scratch space (fold.c's
 * buffers, the lexicon's stemmer cache and PCRE2 match data), so one
 * analysis runs at a time under analysis_lock, with one tokeniser and one
 * matcher per lexicon set reused from request to request. libmicrohttpd's
 * thread pool still reads and writes connections in parallel.
 */
#define _GNU_SOURCE	/* memmem */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <microhttpd.h>

#include "lexicon.h"
#include "normalise.h"
#include "tokenise.h"
#include "tt.h"

#include "serve-assets.h"

static const char usage[] =
"usage: tt-serve [--listen ADDR:PORT] [-l LEXICON]... [-s LEXICON]...\n"
"                [--timeout SECONDS] [--max-connections N]\n"
"                [--convert-time SECONDS]\n"
"Serve the transitietaal page on ADDR:PORT (default 127.0.0.1:8080).\n"
"  -L, --listen ADDR:PORT  IPv4 address and port; port 0 picks a free one;\n"
"                          on loopback only Host 127.0.0.1:PORT,\n"
"                          localhost:PORT or [::1]:PORT is answered (421)\n"
"  -l, --lexicon FILE      jargon lexicon (repeatable; default\n"
"                          transitietaal.tsv)\n"
"  -s, --score FILE        formal/informal lexicon (repeatable; default\n"
"                          formeel-informeel.tsv)\n"
"  -t, --timeout SECONDS   close a connection idle this long (default 10)\n"
"  -c, --max-connections N at most N connections at once, more are closed\n"
"                          at once (default 64)\n"
"  -T, --convert-time SECONDS\n"
"                          longest run of pdftotext or pandoc for one\n"
"                          .pdf or .docx (default 30)\n"
"  -h, --help              show this help and exit\n"
"  -V, --version           show the version and the stemmer, and exit\n";

#define BODY_LIMIT	(4u * 1024 * 1024)	/* bytes of a POST body */
#define CONVERT_LIMIT	(16u * 1024 * 1024)	/* bytes of a .pdf/.docx */
#define CONVERT_TIME	30			/* default seconds for one */
#define CONVERT_TIME_MAX 600
#define CONVERT_AT_ONCE	2			/* of POOL_SIZE threads */
#define DISCARD_LIMIT	(1u * 1024 * 1024)	/* more of a chunked one */
#define CONN_LIMIT	64			/* default connections at once */
#define CONN_LIMIT_MAX	1000
#define CONN_TIMEOUT	10			/* default seconds idle */
#define CONN_TIMEOUT_MAX 3600
#define CONN_MEMORY	(128u * 1024)		/* headers, URL (?text=) */
#define POOL_SIZE	4			/* libmicrohttpd threads */
#define MAXLEX		64

static const char csp[] =
"default-src 'none'; script-src 'self'; style-src 'self'; "
"connect-src 'self'; img-src 'self'; form-action 'self'; "
"base-uri 'none'; frame-ancestors 'none'";

/* The analysis context, loaded once, used under analysis_lock. */
static pthread_mutex_t analysis_lock = PTHREAD_MUTEX_INITIALIZER;
static struct lexicon *jargon_lx, *score_lx;
static struct matcher *jargon_m, *score_m;
static struct tokeniser *tokr;
static struct normscratch nscratch;
static struct ttbuf nline;

/* Per category of the score lexicon: its dimension (-1: none) and pole
 * ('F', 'I' or 0). Dimensions in order of first appearance. */
static int *score_dim;
static char *score_pole;
static char **dim_name;
static int ndim;

/* Set at start-up: on a loopback listen, the Host header must name the
 * server itself (host_check), as listen_addr:listen_port or one of the
 * loopback names. */
static int host_check;
static unsigned listen_port;
static char listen_addr[INET_ADDRSTRLEN];

/* Built at start-up, never changed: the JSON of GET /api/lexicon. */
static struct ttbuf lexicon_json;

/* ---- UTF-8 repair, as the shared reader does it ------------------------ */

/* Length of the valid UTF-8 sequence (without NUL, overlong forms and
 * surrogates) at p, or 0. */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];

	if (c >= 0x01 && c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f))
			return 0;
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 ||
		    (p[3] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
			return 0;
		return 4;
	}
	return 0;
}

/* Appends s[0..n) to b with every NUL and every byte of invalid UTF-8
 * replaced by U+FFFD, one for each bad byte (the reader's rule). */
static void
utf8_repair(struct ttbuf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t k;

	tt_buf_reserve(b, n);
	while (p < end) {
		if ((k = utf8_len(p, (size_t)(end - p))) == 0) {
			tt_buf_add(b, "\xef\xbf\xbd", 3);
			p++;
		} else {
			tt_buf_add(b, (const char *)p, k);
			p += k;
		}
	}
}

/* ---- escaping ---------------------------------------------------------- */

/* Appends s (valid UTF-8) as a JSON string. <, >, & and U+2028/9 are
 * escaped too, so the JSON is safe wherever it ends up. */
static void
json_str(struct ttbuf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i, run = 0;
	char esc[7];

	tt_buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = p[i];
		const char *e = NULL;

		if (c == '"')
			e = "\\\"";
		else if (c == '\\')
			e = "\\\\";
		else if (c == '\n')
			e = "\\n";
		else if (c == '\t')
			e = "\\t";
		else if (c < 0x20 || c == '<' || c == '>' || c == '&' ||
		    c == 0x7f) {
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			esc[6] = '\0';
			e = esc;
		} else if (c == 0xe2 && i + 2 < n && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0xa8 || p[i + 2] == 0xa9)) {
			e = p[i + 2] == 0xa8 ? "\\u2028" : "\\u2029";
			tt_buf_add(b, s + i - run, run);
			run = 0;
			tt_buf_add(b, e, 6);
			i += 2;
			continue;
		}
		if (e == NULL) {
			run++;
			continue;
		}
		tt_buf_add(b, s + i - run, run);
		run = 0;
		tt_buf_add(b, e, strlen(e));
	}
	tt_buf_add(b, s + n - run, run);
	tt_buf_addc(b, '"');
}

static void
json_cstr(struct ttbuf *b, const char *s)
{
	json_str(b, s, strlen(s));
}

static void
json_u64(struct ttbuf *b, uint64_t v)
{
	char num[32];

	snprintf(num, sizeof num, "%llu", (unsigned long long)v);
	tt_buf_add(b, num, strlen(num));
}

/* A finite double with up to 4 places, '.' whatever the locale (the
 * program never calls setlocale). */
static void
json_double(struct ttbuf *b, double v)
{
	char num[64];
	size_t n;

	snprintf(num, sizeof num, "%.4f", v);
	n = strlen(num);
	while (n > 1 && num[n - 1] == '0')
		n--;
	if (num[n - 1] == '.')
		n--;
	if (n == 2 && num[0] == '-' && num[1] == '0')
		tt_buf_add(b, "0", 1);
	else
		tt_buf_add(b, num, n);
}

/* Appends s as HTML text or attribute value. */
static void
html_str(struct ttbuf *b, const char *s, size_t n)
{
	size_t i, run = 0;
	const char *e;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		default: run++; continue;
		}
		tt_buf_add(b, s + i - run, run);
		run = 0;
		tt_buf_add(b, e, strlen(e));
	}
	tt_buf_add(b, s + n - run, run);
}

/* ---- analysis ---------------------------------------------------------- */

struct tokpos {
	size_t		 start, end;	/* byte offsets into the text */
	enum toktype	 type;
	unsigned long	 sent;
	unsigned long	 line;
};

struct analysis {
	struct ttbuf	 text;		/* repaired, normalised, LF lines */
	size_t		*linestart;	/* offset of line i+1 */
	size_t		 nlines, caplines;
	struct tokpos	*tok;
	size_t		 ntok, captok;
	size_t		 searchfrom;	/* for tokens of a held line */
};

/* The tokeniser's callback: the token's place in the text. A token points
 * into the text, or into the tokeniser's copy of a held line: then it is
 * looked for from the start of its line. */
static struct analysis *cur_analysis;	/* under analysis_lock */

static void
collect_token(const struct token *tk, void *arg)
{
	struct analysis *a = cur_analysis;
	const char *base = a->text.s;
	struct tokpos *t;
	size_t off, from;

	(void)arg;
	if (tk->s >= base && tk->s + tk->len <= base + a->text.len)
		off = (size_t)(tk->s - base);
	else {
		const char *hit;

		from = tk->line >= 1 && tk->line <= a->nlines ?
		    a->linestart[tk->line - 1] : a->searchfrom;
		hit = memmem(base + from, a->text.len - from, tk->s, tk->len);
		if (hit == NULL)
			return;
		off = (size_t)(hit - base);
	}
	if (a->ntok == a->captok) {
		a->captok = a->captok ? a->captok * 2 : 1024;
		a->tok = tt_xrealloc(a->tok, a->captok * sizeof *a->tok);
	}
	t = &a->tok[a->ntok++];
	t->start = off;
	t->end = off + tk->len;
	t->type = tk->type;
	t->sent = tk->sent;
	t->line = tk->line;
	a->searchfrom = t->end;
}

/*
 * Splits body into lines (LF, CRLF or a lone CR, like the reader; a BOM at
 * the start is dropped), repairs and normalises every line into a->text
 * (lines joined by LF) and tokenises it. Needs analysis_lock.
 */
static void
analyse_text(struct analysis *a, const char *body, size_t n)
{
	struct ttbuf raw = { 0 };
	size_t i, start, ln;

	if (n >= 3 && memcmp(body, "\xef\xbb\xbf", 3) == 0) {
		body += 3;
		n -= 3;
	}
	tt_buf_reserve(&a->text, n + 16);
	a->text.len = 0;
	a->text.s[0] = '\0';
	for (start = 0; start <= n; ) {
		for (i = start; i < n && body[i] != '\n' && body[i] != '\r'; i++)
			;
		if (i == n && start == n && n > 0)
			break;	/* after a final line end */
		raw.len = 0;
		utf8_repair(&raw, body + start, i - start);
		if (a->nlines == a->caplines) {
			a->caplines = a->caplines ? a->caplines * 2 : 256;
			a->linestart = tt_xrealloc(a->linestart,
			    a->caplines * sizeof *a->linestart);
		}
		if (a->nlines > 0)
			tt_buf_addc(&a->text, '\n');
		a->linestart[a->nlines++] = a->text.len;
		if (raw.len == 0 || norm_ascii_clean(raw.s, raw.len))
			tt_buf_add(&a->text, raw.s ? raw.s : "", raw.len);
		else {
			norm_chars(&nline, &nscratch, raw.s, raw.len, 0);
			tt_buf_add(&a->text, nline.s, nline.len);
		}
		if (i < n && body[i] == '\r' && i + 1 < n && body[i + 1] == '\n')
			i++;
		start = i + 1;
	}
	tt_buf_free(&raw);
	if (a->text.s == NULL)
		tt_buf_reserve(&a->text, 1);

	/* The text buffer no longer moves: tokens may point into it. */
	cur_analysis = a;
	tokeniser_begin(tokr);
	for (ln = 0; ln < a->nlines; ln++) {
		size_t s = a->linestart[ln];
		size_t e = ln + 1 < a->nlines ? a->linestart[ln + 1] - 1 :
		    a->text.len;

		tokeniser_line(tokr, a->text.s + s, e - s, ln + 1);
	}
	tokeniser_end(tokr);
	cur_analysis = NULL;
}

/* Runs matcher m of lexicon lx over the tokens; calls fn for every match
 * (first and last token). Needs analysis_lock. */
static void
run_matcher(const struct analysis *a, struct matcher *m,
    void (*fn)(const struct analysis *, size_t, size_t, long, void *),
    void *arg)
{
	struct lexmark mk;
	size_t i, popped = 0;

	matcher_reset(m);
	for (i = 0; i < a->ntok; i++) {
		const struct tokpos *t = &a->tok[i];
		const char *tn = toktype_name[t->type];
		size_t len = t->end - t->start;

		if (lexicon_type_excluded(tn, strlen(tn)))
			len = 0;
		matcher_feed(m, a->text.s + t->start, len, NULL, 0,
		    (uint64_t)t->sent);
		while (matcher_pop(m, &mk)) {
			if (mk.role == LEX_FIRST)
				fn(a, popped, popped + (size_t)mk.ntok - 1,
				    mk.entry, arg);
			popped++;
		}
	}
	matcher_finish(m);
	while (matcher_pop(m, &mk)) {
		if (mk.role == LEX_FIRST)
			fn(a, popped, popped + (size_t)mk.ntok - 1, mk.entry,
			    arg);
		popped++;
	}
}

struct jsonout {
	struct ttbuf	*b;
	const struct lexicon *lx;
	size_t		 n;
	double		*f, *in;	/* weights per dimension */
	uint64_t	*nf, *ni;	/* markers per dimension */
};

/* "{" for the first object of a list (k == 0), ",{" for the others. */
static void
open_object(struct ttbuf *b, size_t k)
{
	if (k > 0)
		tt_buf_addc(b, ',');
	tt_buf_addc(b, '{');
}

static void
entry_fields(struct ttbuf *b, const struct lexentry *e)
{
	tt_buf_add(b, "\"entry\":", 8);
	json_cstr(b, e->key);
	tt_buf_add(b, ",\"lexicon\":", 11);
	json_cstr(b, e->lexname);
	tt_buf_add(b, ",\"id\":", 6);
	json_cstr(b, e->id);
	tt_buf_add(b, ",\"category\":", 12);
	json_cstr(b, e->category);
	tt_buf_add(b, ",\"alternative\":", 15);
	json_cstr(b, e->alternative);
	tt_buf_add(b, ",\"note\":", 8);
	json_cstr(b, e->note);
	tt_buf_add(b, ",\"weight\":", 10);
	json_double(b, e->weight);
}

static void
span_fields(struct ttbuf *b, const struct analysis *a, size_t first,
    size_t last)
{
	size_t s = a->tok[first].start, e = a->tok[last].end;

	tt_buf_add(b, ",\"start\":", 9);
	json_u64(b, s);
	tt_buf_add(b, ",\"end\":", 7);
	json_u64(b, e);
	tt_buf_add(b, ",\"first\":", 9);
	json_u64(b, first);
	tt_buf_add(b, ",\"last\":", 8);
	json_u64(b, last);
	tt_buf_add(b, ",\"match\":", 9);
	json_str(b, a->text.s + s, e - s);
}

static void
write_hit(const struct analysis *a, size_t first, size_t last, long entry,
    void *arg)
{
	struct jsonout *o = arg;
	const struct lexentry *e = lexicon_entry(o->lx, (size_t)entry);

	open_object(o->b, o->n++);
	entry_fields(o->b, e);
	span_fields(o->b, a, first, last);
	tt_buf_addc(o->b, '}');
}

static void
write_marker(const struct analysis *a, size_t first, size_t last,
    long entry, void *arg)
{
	struct jsonout *o = arg;
	const struct lexentry *e = lexicon_entry(o->lx, (size_t)entry);
	int d = score_dim[e->catid];
	char pole = score_pole[e->catid];

	if (d < 0)
		return;
	if (pole == 'F') {
		o->f[d] += e->weight;
		o->nf[d]++;
	} else {
		o->in[d] += e->weight;
		o->ni[d]++;
	}
	open_object(o->b, o->n++);
	entry_fields(o->b, e);
	tt_buf_add(o->b, ",\"dimension\":", 13);
	json_cstr(o->b, dim_name[d]);
	tt_buf_add(o->b, ",\"pole\":\"", 9);
	tt_buf_addc(o->b, pole);
	tt_buf_addc(o->b, '"');
	span_fields(o->b, a, first, last);
	tt_buf_addc(o->b, '}');
}

/* The JSON answer of POST /api/analyse for body[0..n), in b. */
static void
analyse_json(struct ttbuf *b, const char *body, size_t n)
{
	struct analysis a = { 0 };
	struct jsonout o = { 0 };
	uint64_t words = 0, nhits, nmark = 0;
	size_t i;
	int d;

	o.b = b;
	o.f = tt_xcalloc((size_t)ndim + 1, sizeof *o.f);
	o.in = tt_xcalloc((size_t)ndim + 1, sizeof *o.in);
	o.nf = tt_xcalloc((size_t)ndim + 1, sizeof *o.nf);
	o.ni = tt_xcalloc((size_t)ndim + 1, sizeof *o.ni);

	pthread_mutex_lock(&analysis_lock);
	analyse_text(&a, body, n);
	tt_buf_add(b, "{\"offsets\":\"bytes\",\"text\":", 26);
	json_str(b, a.text.s, a.text.len);
	tt_buf_add(b, ",\"tokens\":[", 11);
	for (i = 0; i < a.ntok; i++) {
		if (i > 0)
			tt_buf_addc(b, ',');
		tt_buf_add(b, "{\"start\":", 9);
		json_u64(b, a.tok[i].start);
		tt_buf_add(b, ",\"end\":", 7);
		json_u64(b, a.tok[i].end);
		tt_buf_add(b, ",\"type\":", 8);
		json_cstr(b, toktype_name[a.tok[i].type]);
		tt_buf_add(b, ",\"line\":", 8);
		json_u64(b, a.tok[i].line);
		tt_buf_add(b, ",\"sent\":", 8);
		json_u64(b, a.tok[i].sent);
		tt_buf_addc(b, '}');
		if (a.tok[i].type == TOK_WORD || a.tok[i].type == TOK_ABBR)
			words++;
	}
	tt_buf_add(b, "],\"hits\":[", 10);
	o.lx = jargon_lx;
	run_matcher(&a, jargon_m, write_hit, &o);
	nhits = o.n;
	tt_buf_add(b, "],\"markers\":[", 13);
	o.lx = score_lx;
	o.n = 0;
	run_matcher(&a, score_m, write_marker, &o);
	pthread_mutex_unlock(&analysis_lock);

	tt_buf_add(b, "],\"dimensions\":[", 16);
	for (d = 0; d < ndim; d++) {
		double sum = o.f[d] + o.in[d];

		nmark += o.nf[d] + o.ni[d];
		tt_buf_add(b, d ? ",{\"name\":" : "{\"name\":", d ? 9 : 8);
		json_cstr(b, dim_name[d]);
		tt_buf_add(b, ",\"F\":", 5);
		json_u64(b, o.nf[d]);
		tt_buf_add(b, ",\"I\":", 5);
		json_u64(b, o.ni[d]);
		tt_buf_add(b, ",\"weightF\":", 11);
		json_double(b, o.f[d]);
		tt_buf_add(b, ",\"weightI\":", 11);
		json_double(b, o.in[d]);
		/* tt-score's balance: weighted, none without markers */
		tt_buf_add(b, ",\"balance\":", 11);
		if (sum <= 0)
			tt_buf_add(b, "null", 4);
		else if (o.f[d] < 0 || o.in[d] < 0)
			tt_buf_add(b, o.f[d] < 0 ? "-1" : "1", o.f[d] < 0 ? 2 : 1);
		else
			json_double(b, (o.f[d] - o.in[d]) / sum);
		tt_buf_addc(b, '}');
	}
	tt_buf_add(b, "],\"totals\":{\"tokens\":", 21);
	json_u64(b, a.ntok);
	tt_buf_add(b, ",\"words\":", 9);
	json_u64(b, words);
	tt_buf_add(b, ",\"hits\":", 8);
	json_u64(b, nhits);
	tt_buf_add(b, ",\"markers\":", 11);
	json_u64(b, nmark);
	tt_buf_add(b, ",\"per1000\":", 11);
	if (words == 0)
		tt_buf_add(b, "null", 4);
	else
		json_double(b, (double)nhits * 1000 / (double)words);
	tt_buf_add(b, "}}\n", 3);

	tt_buf_free(&a.text);
	free(a.linestart);
	free(a.tok);
	free(o.f);
	free(o.in);
	free(o.nf);
	free(o.ni);
}

/* ---- lexicons ---------------------------------------------------------- */

/* The dimensions and poles of the score lexicon's categories
 * "<dimension>/formeel" and "<dimension>/informeel". */
static void
find_poles(void)
{
	int c, d, nc = lexicon_ncategories(score_lx);

	score_dim = tt_xcalloc((size_t)nc + 1, sizeof *score_dim);
	score_pole = tt_xcalloc((size_t)nc + 1, 1);
	dim_name = tt_xcalloc((size_t)nc + 1, sizeof *dim_name);
	for (c = 0; c < nc; c++) {
		const char *name = lexicon_category(score_lx, c);
		const char *slash = strrchr(name, '/');

		score_dim[c] = -1;
		if (slash == NULL || slash == name)
			continue;
		if (strcmp(slash + 1, "formeel") == 0)
			score_pole[c] = 'F';
		else if (strcmp(slash + 1, "informeel") == 0)
			score_pole[c] = 'I';
		else
			continue;
		for (d = 0; d < ndim; d++)
			if (strlen(dim_name[d]) == (size_t)(slash - name) &&
			    memcmp(dim_name[d], name, (size_t)(slash - name)) == 0)
				break;
		if (d == ndim) {
			dim_name[d] = tt_xmalloc((size_t)(slash - name) + 1);
			memcpy(dim_name[d], name, (size_t)(slash - name));
			dim_name[d][slash - name] = '\0';
			ndim++;
		}
		score_dim[c] = d;
	}
}

static void
lexicon_entries_json(struct ttbuf *b, const struct lexicon *lx, int score)
{
	size_t i, n = lexicon_count(lx), k = 0;

	for (i = 0; i < n; i++) {
		const struct lexentry *e = lexicon_entry(lx, i);

		if (e->exception)
			continue;
		open_object(b, k++);
		entry_fields(b, e);
		tt_buf_add(b, ",\"pattern\":", 11);
		json_cstr(b, e->pattern);
		if (score && score_dim[e->catid] >= 0) {
			tt_buf_add(b, ",\"dimension\":", 13);
			json_cstr(b, dim_name[score_dim[e->catid]]);
			tt_buf_add(b, ",\"pole\":\"", 9);
			tt_buf_addc(b, score_pole[e->catid]);
			tt_buf_addc(b, '"');
		}
		tt_buf_addc(b, '}');
	}
}

static void
build_lexicon_json(void)
{
	struct ttbuf *b = &lexicon_json;
	int c, k, nc;

	tt_buf_add(b, "{\"categories\":[", 15);
	nc = lexicon_ncategories(jargon_lx);
	for (c = k = 0; c < nc; c++) {
		if (lexicon_category_is_exception(jargon_lx, c))
			continue;	/* no colour for what never shows */
		if (k++ > 0)
			tt_buf_addc(b, ',');
		json_cstr(b, lexicon_category(jargon_lx, c));
	}
	tt_buf_add(b, "],\"dimensions\":[", 16);
	for (c = 0; c < ndim; c++) {
		if (c > 0)
			tt_buf_addc(b, ',');
		json_cstr(b, dim_name[c]);
	}
	tt_buf_add(b, "],\"entries\":[", 13);
	lexicon_entries_json(b, jargon_lx, 0);
	tt_buf_add(b, "],\"markers\":[", 13);
	lexicon_entries_json(b, score_lx, 1);
	tt_buf_add(b, "]}\n", 3);
}

/* ---- .pdf and .docx: the converters found at start-up ------------------ */

/*
 * The one place where tt-serve starts another program. The analysis never
 * does; opening a .pdf or .docx needs pdftotext or pandoc, as tt-analyse
 * does, and neither can run in-process. Each converter is looked for once,
 * at start-up, in PATH; POST /api/convert?type=pdf|docx then pipes the body
 * (at most CONVERT_LIMIT bytes) through it with a fixed argument list and
 * environment, keeps at most BODY_LIMIT bytes of its output, kills it
 * (its whole process group) after convert_time seconds, and runs at most
 * CONVERT_AT_ONCE at a time, so that the other threads keep serving.
 */
struct converter {
	const char	*type;		/* ?type= */
	const char	*prog;		/* looked for in PATH */
	const char	*package;	/* the Debian package, for the message */
	const char	*args[8];	/* after argv[0] */
	char		*path;		/* found at start-up, or NULL */
};

static struct converter converters[] = {
	{ "pdf", "pdftotext", "poppler-utils",
	    { "-enc", "UTF-8", "-q", "-", "-", NULL }, NULL },
	{ "docx", "pandoc", "pandoc",
	    { "--sandbox", "-f", "docx", "-t", "plain", "--wrap=none", NULL },
	    NULL },
};
#define NCONVERTERS (sizeof converters / sizeof converters[0])

static char *const convert_env[] = {
	"PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=C.UTF-8", "HOME=/", NULL
};
static int devnull = -1;
static long convert_time = CONVERT_TIME;
static pthread_mutex_t convert_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t convert_done = PTHREAD_COND_INITIALIZER;
static int converting;		/* from start_convert to completed() */

/* The full path of prog in PATH, or NULL. */
static char *
find_in_path(const char *prog)
{
	const char *path = getenv("PATH"), *p, *colon;
	struct ttbuf b = { 0 };

	for (p = path ? path : ""; *p != '\0'; p = *colon ? colon + 1 : colon) {
		colon = p + strcspn(p, ":");
		if (colon == p || *p != '/')
			continue;	/* "" or a relative entry: not taken */
		b.len = 0;
		tt_buf_add(&b, p, (size_t)(colon - p));
		tt_buf_addc(&b, '/');
		tt_buf_add(&b, prog, strlen(prog));
		tt_buf_addc(&b, '\0');
		if (access(b.s, X_OK) == 0)
			return b.s;
	}
	tt_buf_free(&b);
	return NULL;
}

static struct converter *
converter_of(const char *type)
{
	size_t i;

	for (i = 0; type != NULL && i < NCONVERTERS; i++)
		if (strcmp(converters[i].type, type) == 0)
			return &converters[i];
	return NULL;
}

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum convert_result { CV_OK, CV_FAILED, CV_TOOLONG, CV_TOOBIG, CV_NOSTART };

/*
 * Runs cv over in[0..n) and puts its standard output into out. Writes and
 * reads through poll, so a converter that writes before it has read all
 * its input cannot deadlock with us.
 */
static enum convert_result
convert(const struct converter *cv, const char *in, size_t n,
    struct ttbuf *out)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, deflt;
	char *argv[10];
	int to[2], from[2], status, killed = 0, err;
	enum convert_result res = CV_OK;
	size_t i, sent = 0;
	double deadline;
	pid_t pid;
	char chunk[65536];

	argv[0] = (char *)cv->prog;
	for (i = 0; cv->args[i] != NULL; i++)
		argv[i + 1] = (char *)cv->args[i];
	argv[i + 1] = NULL;
	if (pipe2(to, O_CLOEXEC) < 0)
		return CV_NOSTART;
	if (pipe2(from, O_CLOEXEC) < 0) {
		close(to[0]);
		close(to[1]);
		return CV_NOSTART;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, to[0], 0);
	posix_spawn_file_actions_adddup2(&fa, from[1], 1);
	posix_spawn_file_actions_adddup2(&fa, devnull, 2);
	posix_spawnattr_init(&at);
	sigemptyset(&none);
	sigemptyset(&deflt);
	sigaddset(&deflt, SIGPIPE);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &deflt);
	posix_spawnattr_setpgroup(&at, 0);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK |
	    POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
	err = posix_spawn(&pid, cv->path, &fa, &at, argv, convert_env);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(to[0]);
	close(from[1]);
	if (err != 0) {
		close(to[1]);
		close(from[0]);
		return CV_NOSTART;
	}
	fcntl(to[1], F_SETFL, O_NONBLOCK);
	fcntl(from[0], F_SETFL, O_NONBLOCK);
	if (n == 0) {
		close(to[1]);
		to[1] = -1;
	}
	deadline = now_seconds() + (double)convert_time;
	for (;;) {
		struct pollfd pf[2];
		double left = deadline - now_seconds();
		ssize_t k;
		nfds_t np = 0;

		if (left <= 0) {
			res = CV_TOOLONG;
			break;
		}
		pf[np].fd = from[0];
		pf[np++].events = POLLIN;
		if (to[1] >= 0) {
			pf[np].fd = to[1];
			pf[np++].events = POLLOUT;
		}
		if (poll(pf, np, (int)(left * 1000) + 1) < 0) {
			if (errno == EINTR)
				continue;
			res = CV_FAILED;
			break;
		}
		if (np == 2 && (pf[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
			k = write(to[1], in + sent, n - sent);
			if (k > 0)
				sent += (size_t)k;
			if ((k < 0 && errno != EAGAIN && errno != EINTR) ||
			    sent == n) {
				close(to[1]);	/* EPIPE: it stopped reading */
				to[1] = -1;
			}
		}
		if (pf[0].revents & (POLLIN | POLLERR | POLLHUP)) {
			k = read(from[0], chunk, sizeof chunk);
			if (k == 0)
				break;
			if (k < 0) {
				if (errno == EAGAIN || errno == EINTR)
					continue;
				res = CV_FAILED;
				break;
			}
			if (out->len + (size_t)k > BODY_LIMIT) {
				res = CV_TOOBIG;
				break;
			}
			tt_buf_add(out, chunk, (size_t)k);
		}
	}
	if (to[1] >= 0)
		close(to[1]);
	close(from[0]);
	if (res != CV_OK) {
		kill(-pid, SIGKILL);
		killed = 1;
	}
	/* its output has ended; give it until the deadline to exit (it is
	 * killed only while unreaped: after that its number may be reused) */
	for (;;) {
		pid_t r = waitpid(pid, &status, killed ? 0 : WNOHANG);

		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			status = -1;
			break;
		}
		if (r == 0 && now_seconds() >= deadline) {
			kill(-pid, SIGKILL);
			killed = 1;
			res = CV_TOOLONG;
		} else if (r == 0)
			usleep(10000);
	}
	if (res == CV_OK && (status == -1 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0))
		res = CV_FAILED;
	return res;
}

/* Finds the converters, and says which types the page can open. */
static void
find_converters(void)
{
	size_t i;

	if ((devnull = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0)
		tt_die("/dev/null: %s", strerror(errno));
	for (i = 0; i < NCONVERTERS; i++) {
		struct converter *cv = &converters[i];

		if ((cv->path = find_in_path(cv->prog)) != NULL)
			tt_warn("opens .%s through %s", cv->type, cv->path);
		else
			tt_warn("cannot open .%s: no %s in PATH (Debian "
			    "package %s)", cv->type, cv->prog, cv->package);
	}
}

/* ---- HTTP -------------------------------------------------------------- */

/*
 * Whether the Host header names this server. A page on another site that
 * points its own host name at 127.0.0.1 (DNS rebinding) makes the browser
 * send that name, so on a loopback listen only 127.0.0.1, localhost,
 * [::1] or the address listened on are taken, with the port listened on
 * (or none when it is 80). On any other listen every Host is taken: the
 * classroom reaches the server by whatever name or address it has there.
 */
static int
host_allowed(const char *host)
{
	static const char *names[] = { "127.0.0.1", "localhost", "[::1]" };
	const char *colon;
	size_t i, n;
	char port[8];

	if (!host_check)
		return 1;
	if (host == NULL)
		return 0;
	colon = strrchr(host, ':');
	if (colon != NULL && strchr(colon, ']') != NULL)
		colon = NULL;	/* the colon of "[::1]" */
	n = colon ? (size_t)(colon - host) : strlen(host);
	if (colon == NULL && listen_port != 80)
		return 0;
	if (colon != NULL) {
		snprintf(port, sizeof port, "%u", listen_port);
		if (strcmp(colon + 1, port) != 0)
			return 0;
	}
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == n && strncasecmp(host, names[i], n) == 0)
			return 1;
	return strlen(listen_addr) == n && strncmp(host, listen_addr, n) == 0;
}

enum route { R_NONE, R_PAGE, R_JS, R_CSS, R_ANALYSE, R_LEXICON, R_CONVERT };

struct request {
	char		*path;		/* the path as sent, before '?' */
	int		 started;
	enum route	 route;
	struct ttbuf	 body;
	size_t		 seen;		/* body bytes received */
	int		 toobig;
	size_t		 limit;		/* of the body */
	struct converter *cv;		/* R_CONVERT */
	enum { CONVERT_NONE, CONVERT_RUNNING, CONVERT_DONE } cv_state;
	enum convert_result cv_res;
	struct ttbuf	 cv_out;
	struct MHD_Connection *conn;
};

/*
 * libmicrohttpd's URI log callback: sees the request line's URI before it
 * is unescaped. Routing looks at this raw path, so that no spelling
 * (%2e%2e, %00, %2f) can reach anything but the literal paths below.
 */
static void *
request_start(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct request *rq = tt_xcalloc(1, sizeof *rq);
	size_t n = strcspn(uri, "?");

	(void)cls;
	(void)c;
	rq->path = tt_xmalloc(n + 1);
	memcpy(rq->path, uri, n);
	rq->path[n] = '\0';
	return rq;
}

static enum route
route_of(const char *url)
{
	if (strcmp(url, "/") == 0 || strcmp(url, "/index.html") == 0)
		return R_PAGE;
	if (strcmp(url, "/app.js") == 0)
		return R_JS;
	if (strcmp(url, "/style.css") == 0)
		return R_CSS;
	if (strcmp(url, "/api/analyse") == 0)
		return R_ANALYSE;
	if (strcmp(url, "/api/lexicon") == 0)
		return R_LEXICON;
	if (strcmp(url, "/api/convert") == 0)
		return R_CONVERT;
	return R_NONE;
}

/* Queues a response with the headers every answer carries. */
static enum MHD_Result
reply(struct MHD_Connection *c, unsigned status, const char *type,
    struct MHD_Response *r)
{
	enum MHD_Result ret;

	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
reply_static(struct MHD_Connection *c, unsigned status, const char *type,
    const char *s, size_t n)
{
	return reply(c, status, type, MHD_create_response_from_buffer(n,
	    (void *)s, MHD_RESPMEM_PERSISTENT));
}

/* Takes b's buffer into the response. */
static enum MHD_Result
reply_buf(struct MHD_Connection *c, unsigned status, const char *type,
    struct ttbuf *b)
{
	struct MHD_Response *r;

	r = MHD_create_response_from_buffer(b->len, b->s ? b->s : (char *)"",
	    b->s ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	b->s = NULL;
	b->len = b->cap = 0;
	return reply(c, status, type, r);
}

static enum MHD_Result
reply_error(struct MHD_Connection *c, unsigned status, const char *msg)
{
	struct ttbuf b = { 0 };

	tt_buf_add(&b, "{\"error\":", 9);
	json_cstr(&b, msg);
	tt_buf_add(&b, "}\n", 2);
	return reply_buf(c, status, "application/json; charset=utf-8", &b);
}

static enum MHD_Result
reply_405(struct MHD_Connection *c, const char *allow)
{
	struct MHD_Response *r;
	static const char msg[] = "{\"error\":\"method not allowed\"}\n";

	r = MHD_create_response_from_buffer(sizeof msg - 1, (void *)msg,
	    MHD_RESPMEM_PERSISTENT);
	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, "Allow", allow);
	return reply(c, MHD_HTTP_METHOD_NOT_ALLOWED,
	    "application/json; charset=utf-8", r);
}

static enum MHD_Result
reply_too_big(struct MHD_Connection *c, size_t limit)
{
	char msg[64];

	snprintf(msg, sizeof msg, "body over the limit of %zu bytes", limit);
	return reply_error(c, MHD_HTTP_CONTENT_TOO_LARGE, msg);
}

/* GET /api/convert: which types POST /api/convert takes here. */
static enum MHD_Result
reply_converters(struct MHD_Connection *c)
{
	struct ttbuf b = { 0 };
	size_t i;

	tt_buf_addc(&b, '{');
	for (i = 0; i < NCONVERTERS; i++) {
		if (i > 0)
			tt_buf_addc(&b, ',');
		json_cstr(&b, converters[i].type);
		tt_buf_add(&b, converters[i].path ? ":true" : ":false",
		    converters[i].path ? 5 : 6);
	}
	tt_buf_add(&b, "}\n", 2);
	return reply_buf(c, MHD_HTTP_OK, "application/json; charset=utf-8", &b);
}

/*
 * POST /api/convert, once the body is in. A conversion may take seconds,
 * and the libmicrohttpd thread that runs this handler serves other
 * connections too: so the connection is suspended and the converter run
 * in a thread of its own, which resumes the connection when it is done;
 * libmicrohttpd then calls the handler again and reply_converted answers.
 */
static void *
convert_thread(void *arg)
{
	struct request *rq = arg;

	rq->cv_res = convert(rq->cv, rq->body.s ? rq->body.s : "",
	    rq->body.len, &rq->cv_out);
	rq->cv_state = CONVERT_DONE;
	/* rq may be gone once the connection is resumed; completed()
	 * counts the conversion as ended when its answer has gone */
	MHD_resume_connection(rq->conn);
	return NULL;
}

static enum MHD_Result
start_convert(struct MHD_Connection *c, struct request *rq)
{
	pthread_attr_t at;
	pthread_t t;
	int busy, err;

	pthread_mutex_lock(&convert_lock);
	if ((busy = converting >= CONVERT_AT_ONCE) == 0)
		converting++;
	pthread_mutex_unlock(&convert_lock);
	if (busy) {
		static const char msg[] =
		    "{\"error\":\"busy converting other files; try again\"}\n";
		struct MHD_Response *r;

		r = MHD_create_response_from_buffer(sizeof msg - 1,
		    (void *)msg, MHD_RESPMEM_PERSISTENT);
		if (r != NULL)
			MHD_add_response_header(r, "Retry-After", "2");
		return reply(c, MHD_HTTP_SERVICE_UNAVAILABLE,
		    "application/json; charset=utf-8", r);
	}
	rq->cv_state = CONVERT_RUNNING;
	rq->conn = c;
	MHD_suspend_connection(c);
	pthread_attr_init(&at);
	pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&t, &at, convert_thread, rq);
	pthread_attr_destroy(&at);
	if (err != 0) {
		rq->cv_res = CV_NOSTART;
		rq->cv_state = CONVERT_DONE;
		MHD_resume_connection(c);
	}
	return MHD_YES;
}

/* The answer to a finished conversion: its text, repaired like a body of
 * /api/analyse, as text/plain; or what went wrong. */
static enum MHD_Result
reply_converted(struct MHD_Connection *c, struct request *rq)
{
	struct ttbuf out = rq->cv_out, fixed = { 0 };
	enum convert_result res = rq->cv_res;

	memset(&rq->cv_out, 0, sizeof rq->cv_out);
	switch (res) {
	case CV_OK:
		/* pdftotext ends each page with a form feed: a blank line
		 * here, as a paragraph break, not a character in the text */
		for (size_t i = 0; i < out.len; i++)
			if (out.s[i] == '\f')
				out.s[i] = '\n';
		utf8_repair(&fixed, out.s ? out.s : "", out.len);
		tt_buf_free(&out);
		return reply_buf(c, MHD_HTTP_OK, "text/plain; charset=utf-8",
		    &fixed);
	case CV_TOOBIG:
		tt_buf_free(&out);
		return reply_error(c, MHD_HTTP_CONTENT_TOO_LARGE,
		    "converted text over the limit of 4194304 bytes");
	case CV_TOOLONG:
		tt_buf_free(&out);
		return reply_error(c, MHD_HTTP_GATEWAY_TIMEOUT,
		    "the conversion took too long");
	case CV_NOSTART:
		tt_buf_free(&out);
		return reply_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR,
		    "the converter did not start");
	default:
		tt_buf_free(&out);
		return reply_error(c, MHD_HTTP_UNPROCESSABLE_CONTENT,
		    rq->cv == &converters[0] ? "not a PDF that pdftotext "
		    "can read" : "not a .docx that pandoc can read");
	}
}

/* The page; with ?text=... that text in the text area (repaired and
 * escaped), which the script analyses as soon as it runs. */
static enum MHD_Result
reply_page(struct MHD_Connection *c)
{
	const char *text, *mark;
	struct ttbuf b = { 0 }, fixed = { 0 };
	size_t len = 0;

	text = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "text");
	if (text == NULL || *text == '\0')
		return reply_static(c, MHD_HTTP_OK, "text/html; charset=utf-8",
		    asset_page_html, sizeof asset_page_html - 1);
	/* the value with its length: %00 in it is repaired, not a cut */
	if (MHD_lookup_connection_value_n(c, MHD_GET_ARGUMENT_KIND, "text", 4,
	    &text, &len) != MHD_YES)
		len = strlen(text);
	utf8_repair(&fixed, text, len);
	mark = strstr(asset_page_html, "</textarea>");
	if (mark == NULL)
		return reply_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "page");
	tt_buf_add(&b, asset_page_html, (size_t)(mark - asset_page_html));
	html_str(&b, fixed.s ? fixed.s : "", fixed.len);
	tt_buf_add(&b, mark, strlen(mark));
	tt_buf_free(&fixed);
	return reply_buf(c, MHD_HTTP_OK, "text/html; charset=utf-8", &b);
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_size, void **con_cls)
{
	struct request *rq = *con_cls;
	struct ttbuf b = { 0 };
	enum route route;
	const char *cl;
	int get, post, head;

	(void)cls;
	(void)version;
	(void)url;
	if (rq == NULL)
		return MHD_NO;
	if (!rq->started) {
		rq->started = 1;
		if (!host_allowed(MHD_lookup_connection_value(c,
		    MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST)))
			return reply_error(c, MHD_HTTP_MISDIRECTED_REQUEST,
			    "this server answers only to the Host "
			    "127.0.0.1, localhost or [::1] with its port");
		route = route_of(rq->path);
		if (route == R_NONE)
			return reply_error(c, MHD_HTTP_NOT_FOUND, "not found");
		get = strcmp(method, MHD_HTTP_METHOD_GET) == 0;
		head = strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
		post = strcmp(method, MHD_HTTP_METHOD_POST) == 0;
		if (route == R_ANALYSE && !post)
			return reply_405(c, "POST");
		if (route == R_CONVERT && !post && !get && !head)
			return reply_405(c, "GET, HEAD, POST");
		if (route != R_ANALYSE && route != R_CONVERT && !get && !head)
			return reply_405(c, "GET, HEAD");
		if (route == R_CONVERT && !post)
			return reply_converters(c);
		rq->limit = BODY_LIMIT;
		if (route == R_CONVERT) {
			const char *type = MHD_lookup_connection_value(c,
			    MHD_GET_ARGUMENT_KIND, "type");

			if ((rq->cv = converter_of(type)) == NULL)
				return reply_error(c,
				    MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
				    "type must be pdf or docx");
			if (rq->cv->path == NULL)
				return reply_error(c, MHD_HTTP_NOT_IMPLEMENTED,
				    rq->cv == &converters[0] ?
				    "no pdftotext on the server (Debian package "
				    "poppler-utils)" : "no pandoc on the server "
				    "(Debian package pandoc)");
			rq->limit = CONVERT_LIMIT;
		}
		switch (route) {
		case R_PAGE:
			return reply_page(c);
		case R_JS:
			return reply_static(c, MHD_HTTP_OK,
			    "text/javascript; charset=utf-8", asset_app_js,
			    sizeof asset_app_js - 1);
		case R_CSS:
			return reply_static(c, MHD_HTTP_OK,
			    "text/css; charset=utf-8", asset_style_css,
			    sizeof asset_style_css - 1);
		case R_LEXICON:
			return reply_static(c, MHD_HTTP_OK,
			    "application/json; charset=utf-8", lexicon_json.s,
			    lexicon_json.len);
		default:
			break;
		}
		/* POST: refuse a declared length over the limit before a
		 * byte of the body is read */
		cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl != NULL && (strlen(cl) > 10 ||
		    strtoull(cl, NULL, 10) > rq->limit))
			return reply_too_big(c, rq->limit);
		rq->route = route;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		/* A body without a declared length (chunked) that grows over
		 * the limit: libmicrohttpd 0.9 cannot answer in the middle
		 * of an upload, so the rest is counted, not kept, up to
		 * DISCARD_LIMIT more, and answered 413 at its end; a body
		 * longer still has its connection closed. */
		rq->seen += *upload_size;
		if (rq->seen > rq->limit) {
			rq->toobig = 1;
			tt_buf_free(&rq->body);
			*upload_size = 0;
			return rq->seen > rq->limit + DISCARD_LIMIT ? MHD_NO :
			    MHD_YES;
		}
		tt_buf_add(&rq->body, upload_data, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq->toobig)
		return reply_too_big(c, rq->limit);
	if (rq->route == R_CONVERT && rq->cv_state == CONVERT_NONE)
		return start_convert(c, rq);
	if (rq->route == R_CONVERT && rq->cv_state == CONVERT_DONE)
		return reply_converted(c, rq);
	if (rq->route == R_CONVERT)
		return MHD_YES;	/* called while suspended: not expected */
	analyse_json(&b, rq->body.s ? rq->body.s : "", rq->body.len);
	return reply_buf(c, MHD_HTTP_OK, "application/json; charset=utf-8",
	    &b);
}

static void
completed(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct request *rq = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (rq == NULL)
		return;
	if (rq->cv_state != CONVERT_NONE) {
		pthread_mutex_lock(&convert_lock);
		converting--;
		pthread_cond_broadcast(&convert_done);
		pthread_mutex_unlock(&convert_lock);
	}
	tt_buf_free(&rq->body);
	tt_buf_free(&rq->cv_out);
	free(rq->path);
	free(rq);
	*con_cls = NULL;
}

/*
 * The connection limit, kept here rather than by libmicrohttpd alone: with
 * a thread pool libmicrohttpd shares its limit out among the threads and
 * a thread at its share stops accepting, so a connection over the limit
 * would wait in the kernel's queue until a slot frees, not be refused.
 * Here every connection is counted from libmicrohttpd's start to its
 * close, and one that arrives while max_conns are open is closed at once
 * by the accept policy. Two that arrive in the same instant on two
 * threads may both pass; libmicrohttpd's own limit, max_conns +
 * POOL_SIZE, bounds that.
 */
static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned open_conns, max_conns;

static enum MHD_Result
accept_policy(void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
	int ok;

	(void)cls;
	(void)addr;
	(void)addrlen;
	pthread_mutex_lock(&conn_lock);
	ok = open_conns < max_conns;
	pthread_mutex_unlock(&conn_lock);
	return ok ? MHD_YES : MHD_NO;
}

static void
count_connection(void *cls, struct MHD_Connection *c, void **socket_context,
    enum MHD_ConnectionNotificationCode toe)
{
	static char counted;

	(void)cls;
	(void)c;
	pthread_mutex_lock(&conn_lock);
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		open_conns++;
		*socket_context = &counted;
	} else if (toe == MHD_CONNECTION_NOTIFY_CLOSED &&
	    *socket_context == &counted) {
		open_conns--;
		*socket_context = NULL;
	}
	pthread_mutex_unlock(&conn_lock);
}

/* A socket bound to sa and listening, its port (when 0 was asked) put
 * into sa; -1 with errno. Bound here, before libmicrohttpd starts, so the
 * port the Host check wants is known before the first request. */
static int
listen_socket(struct sockaddr_in *sa)
{
	socklen_t len = sizeof *sa;
	int fd, on = 1, e;

	if ((fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0 ||
	    bind(fd, (struct sockaddr *)sa, sizeof *sa) < 0 ||
	    listen(fd, 128) < 0 ||
	    getsockname(fd, (struct sockaddr *)sa, &len) < 0) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* Parses "ADDR:PORT" (IPv4) into sa; -1 when it is not one. */
static int
parse_listen(const char *arg, struct sockaddr_in *sa)
{
	const char *colon = strrchr(arg, ':');
	char addr[64];
	long port;

	if (colon == NULL || (size_t)(colon - arg) >= sizeof addr ||
	    colon == arg)
		return -1;
	memcpy(addr, arg, (size_t)(colon - arg));
	addr[colon - arg] = '\0';
	if ((port = tt_parse_count(colon + 1)) < 0 || port > 65535)
		return -1;
	memset(sa, 0, sizeof *sa);
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, addr, &sa->sin_addr) != 1)
		return -1;
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "listen",	required_argument,	NULL, 'L' },
		{ "lexicon",	required_argument,	NULL, 'l' },
		{ "score",	required_argument,	NULL, 's' },
		{ "timeout",	required_argument,	NULL, 't' },
		{ "max-connections", required_argument,	NULL, 'c' },
		{ "convert-time", required_argument,	NULL, 'T' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *deflex[] = { "transitietaal.tsv" };
	static const char *defscore[] = { "formeel-informeel.tsv" };
	const char *lexpaths[MAXLEX], *scorepaths[MAXLEX];
	const char *listen = "127.0.0.1:8080", *abbr;
	struct sockaddr_in sa;
	struct abbrevs *ab;
	struct MHD_Daemon *d;
	char addr[INET_ADDRSTRLEN];
	sigset_t sigs;
	unsigned port;
	long timeout = CONN_TIMEOUT, maxconn = CONN_LIMIT;
	int c, nlex = 0, nscore = 0, sig, lfd;

	tt_init(argv[0]);
	while ((c = getopt_long(argc, argv, "L:l:s:t:c:T:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'L':
			listen = optarg;
			break;
		case 'l':
		case 's':
			if ((c == 'l' ? nlex : nscore) == MAXLEX)
				tt_die("more than %d lexicons", MAXLEX);
			if (c == 'l')
				lexpaths[nlex++] = optarg;
			else
				scorepaths[nscore++] = optarg;
			break;
		case 't':
			if ((timeout = tt_parse_count(optarg)) < 1 ||
			    timeout > CONN_TIMEOUT_MAX) {
				tt_error("--timeout %s: expected seconds from 1 "
				    "to %d", optarg, CONN_TIMEOUT_MAX);
				tt_usage(usage);
			}
			break;
		case 'c':
			if ((maxconn = tt_parse_count(optarg)) < 1 ||
			    maxconn > CONN_LIMIT_MAX) {
				tt_error("--max-connections %s: expected a number "
				    "from 1 to %d", optarg, CONN_LIMIT_MAX);
				tt_usage(usage);
			}
			break;
		case 'T':
			if ((convert_time = tt_parse_count(optarg)) < 1 ||
			    convert_time > CONVERT_TIME_MAX) {
				tt_error("--convert-time %s: expected seconds "
				    "from 1 to %d", optarg, CONVERT_TIME_MAX);
				tt_usage(usage);
			}
			break;
		case 'h':
			tt_help(usage);
		case 'V':
			tt_version(stemmer_algorithm());
		default:
			tt_usage(usage);
		}
	}
	if (optind != argc)
		tt_usage(usage);
	if (parse_listen(listen, &sa) < 0) {
		tt_error("--listen %s: expected an IPv4 ADDR:PORT", listen);
		tt_usage(usage);
	}

	/* Everything the server will ever read, read now. */
	if ((jargon_lx = lexicon_load(nlex ? lexpaths : deflex,
	    nlex ? nlex : 1)) == NULL)
		return 2;
	if ((score_lx = lexicon_load(nscore ? scorepaths : defscore,
	    nscore ? nscore : 1)) == NULL)
		return 2;
	if ((abbr = tt_data_path("afkortingen.txt")) == NULL)
		tt_die("afkortingen.txt: not found (set TT_LEXDIR to the "
		    "lexicon directory)");
	ab = abbrevs_new();
	if (abbrevs_load(ab, abbr) < 0)
		return 2;
	find_converters();
	find_poles();
	jargon_m = matcher_new(jargon_lx);
	score_m = matcher_new(score_lx);
	build_lexicon_json();
	tokr = tokeniser_new(ab, 0, collect_token, NULL);

	/* A client that goes away must not end the server; the signals that
	 * do are taken by sigwait below, in this thread only. */
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);

	if ((lfd = listen_socket(&sa)) < 0)
		tt_die("%s: cannot listen: %s", listen, strerror(errno));
	listen_port = ntohs(sa.sin_port);
	inet_ntop(AF_INET, &sa.sin_addr, listen_addr, sizeof listen_addr);
	host_check = (ntohl(sa.sin_addr.s_addr) >> 24) == 127;
	max_conns = (unsigned)maxconn;
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME, 0, accept_policy, NULL, handle, NULL,
	    MHD_OPTION_LISTEN_SOCKET, lfd,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)POOL_SIZE,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)maxconn + POOL_SIZE,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)timeout,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
	    MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
	    MHD_OPTION_NOTIFY_CONNECTION, count_connection, NULL,
	    MHD_OPTION_URI_LOG_CALLBACK, request_start, NULL,
	    MHD_OPTION_END);
	if (d == NULL)
		tt_die("%s: cannot start the server: %s", listen,
		    strerror(errno));
	port = listen_port;
	strcpy(addr, listen_addr);
	if (!host_check)
		tt_warn("warning: listening on %s:%u: other machines on the "
		    "network (the classroom) can reach this server", addr,
		    port);
	printf("http://%s:%u/\n", addr, port);
	if (fflush(stdout) != 0)
		tt_die("stdout: %s", strerror(errno));

	while (sigwait(&sigs, &sig) == 0 && sig == SIGHUP)
		;
	/* a suspended connection must be resumed before the daemon stops:
	 * let the conversions end (each within --convert-time) and their
	 * answers go */
	pthread_mutex_lock(&convert_lock);
	while (converting > 0)
		pthread_cond_wait(&convert_done, &convert_lock);
	pthread_mutex_unlock(&convert_lock);
	MHD_stop_daemon(d);
	tokeniser_free(tokr);
	abbrevs_free(ab);
	matcher_free(jargon_m);
	matcher_free(score_m);
	lexicon_free(jargon_lx);
	lexicon_free(score_lx);
	return tt_finish();
}
