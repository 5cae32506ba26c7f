/*
 * tt-jargon - mark the lexicon entries (jargon) found in a token stream.
 *
 * Appends a 'jargon' column: "lexicon:id" on the first token of a match,
 * "+lexicon:id" on its other matched tokens, "_" on gap tokens and on all
 * other tokens. -o writes one line per match instead, -c counts matches
 * per document. Lines are held back only while a pending match may still
 * claim them: at most the longest span of any lexicon pattern.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "tt.h"

static const char usage[] =
"usage: tt-jargon [-l LEXICON]... [-x ENTRY|CATEGORY]... [-o | -c] [FILE...]\n"
"Mark lexicon entries in a token stream (from tt-tokenise, optionally\n"
"tt-stem): append a 'jargon' column holding LEXICON:ID on the first token\n"
"of each match, +LEXICON:ID on its other tokens and _ elsewhere.\n"
"  -l, --lexicon FILE     use this lexicon (repeatable; default the\n"
"                         installed transitietaal lexicon)\n"
"  -x, --exclude WHAT     leave out the matches of an entry (LEXICON:ID or\n"
"                         ID) or of a category (repeatable)\n"
"  -o, --only-matching    one line per match: doc, line, entry, category,\n"
"                         matched text, alternative; exit 1 if none\n"
"  -c, --count            matches and tokens per document\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and the stemmer, and exit\n";

/* A token line held until the matcher settles it: the current record
 * (views into the stream's line), or a copy in the queue. */
struct pending {
	const char	*line;
	size_t		 len;
	size_t		 docoff, doclen, lineoff, linelen;
	const char	*word;		/* the unescaped word */
	size_t		 wordlen;
	struct ttbuf	 linebuf, wordbuf;	/* the copies, when queued */
};

struct queue {
	struct pending	*p;
	size_t		 size;		/* a power of two */
	size_t		 head, tail;
};

enum mode { MODE_STREAM, MODE_ONLY, MODE_COUNT };

static struct queue q;
static const struct lexicon *lx;
static enum mode mode;
static unsigned long nmatches;
/* -c: the current document and its counts */
static struct ttbuf curdoc;
static int havedoc;
static unsigned long docmatches, doctokens;
static struct ttbuf joined;

static struct pending cur;	/* the record just read */
static int curdone;		/* cur has been settled and written */

#define QAT(i)	(&q.p[(i) & (q.size - 1)])

/* Queues a copy of the current record, keeping the others in order. */
static void
queue_push(const struct pending *c)
{
	struct pending *np, *p;
	size_t i, nsize;

	if (q.tail - q.head == q.size) {
		nsize = q.size ? q.size * 2 : 64;
		np = tt_xcalloc(nsize, sizeof *np);
		for (i = q.head; i < q.tail; i++)
			np[i & (nsize - 1)] = *QAT(i);
		free(q.p);
		q.p = np;
		q.size = nsize;
	}
	p = QAT(q.tail++);
	p->linebuf.len = 0;
	tt_buf_add(&p->linebuf, c->line, c->len);
	tt_buf_addc(&p->linebuf, '_');	/* for absent columns */
	p->line = p->linebuf.s;
	p->len = c->len;
	p->docoff = c->docoff;
	p->doclen = c->doclen;
	p->lineoff = c->lineoff;
	p->linelen = c->linelen;
	p->wordbuf.len = 0;
	tt_buf_add(&p->wordbuf, c->word, c->wordlen);
	p->word = p->wordbuf.s;
	p->wordlen = c->wordlen;
}

/* The i-th pending token from the oldest: the queue, then the current. */
static const struct pending *
token_at(size_t i)
{
	return q.head + i < q.tail ? QAT(q.head + i) : &cur;
}

/* Writes the -c line of the current document. */
static void
count_flush(void)
{
	if (!havedoc)
		return;
	out_bytes(curdoc.s, curdoc.len);
	out_char('\t');
	out_u64(docmatches);
	out_char('\t');
	out_u64(doctokens);
	out_char('\n');
	docmatches = doctokens = 0;
}

/* Writes the -o line of a match that starts at the queue head. */
static void
write_match(const struct pending *p, const struct lexmark *mk)
{
	const struct lexentry *e = lexicon_entry(lx, (size_t)mk->entry);
	int i;

	joined.len = 0;
	for (i = 0; i < mk->ntok; i++) {
		const struct pending *t = token_at((size_t)i);

		if (i > 0)
			tt_buf_addc(&joined, ' ');
		tt_buf_add(&joined, t->word, t->wordlen);
	}
	out_bytes(p->line + p->docoff, p->doclen);
	out_char('\t');
	out_bytes(p->line + p->lineoff, p->linelen);
	out_char('\t');
	out_field(e->key, strlen(e->key), 0);
	out_char('\t');
	out_field(e->category, strlen(e->category), 0);
	out_char('\t');
	out_field(joined.s, joined.len, 0);
	out_char('\t');
	out_field(e->alternative, strlen(e->alternative), 0);
	out_char('\n');
}

/* Handles the settled token at the queue head, then drops it. */
static void
settle(struct matcher *m)
{
	struct lexmark mk;
	const struct pending *p;
	const struct lexentry *e;

	while (matcher_pop(m, &mk)) {
		p = token_at(0);
		if (mk.role == LEX_FIRST)
			nmatches++;
		switch (mode) {
		case MODE_STREAM:
			if (mk.role == LEX_FIRST || mk.role == LEX_INSIDE) {
				e = lexicon_entry(lx, (size_t)mk.entry);
				out_bytes(p->line, p->len);
				out_char('\t');
				if (mk.role == LEX_INSIDE)
					out_char('+');
				out_field(e->key, strlen(e->key), 0);
				out_char('\n');
			} else
				out_row(p->line, p->len, "_", 1);
			break;
		case MODE_ONLY:
			if (mk.role == LEX_FIRST)
				write_match(p, &mk);
			break;
		case MODE_COUNT:
			if (!havedoc || curdoc.len != p->doclen ||
			    memcmp(curdoc.s, p->line + p->docoff,
			    p->doclen) != 0) {
				count_flush();
				curdoc.len = 0;
				tt_buf_add(&curdoc, p->line + p->docoff,
				    p->doclen);
				havedoc = 1;
			}
			doctokens++;
			if (mk.role == LEX_FIRST)
				docmatches++;
			break;
		}
		if (q.head < q.tail)
			q.head++;
		else
			curdone = 1;
	}
}

/* Offset and length of field i of the record in s; an absent column
 * (i < 0) is the "_" that follows the line (queued copies add it; the
 * current record uses the separate underscore below). */
static void
field_at(const struct ttstream *s, int i, size_t *off, size_t *len)
{
	if (i < 0) {
		*off = s->linelen;
		*len = 1;
		return;
	}
	*off = (size_t)(s->f[i].s - s->line);
	*len = s->f[i].len;
}

/* Whether field i of the record differs from the value saved in b; saves
 * it then. */
static int
changed(const struct ttstream *s, int i, struct ttbuf *b)
{
	if (i < 0)
		return 0;
	if (b->s != NULL && field_eq(&s->f[i], b))
		return 0;
	field_copy(b, &s->f[i]);
	return 1;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "lexicon",		required_argument,	NULL, 'l' },
		{ "only-matching",	no_argument,		NULL, 'o' },
		{ "count",		no_argument,		NULL, 'c' },
		{ "exclude",		required_argument,	NULL, 'x' },
		{ "help",		no_argument,		NULL, 'h' },
		{ "version",		no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	/* a name, not a path: found among the data files, not in "." */
	static const char *deflex[] = { "transitietaal" };
	const char **lexpaths, **excludes;
	struct ttstream s;
	struct matcher *m;
	struct ttbuf wbuf = { 0 }, sbuf = { 0 }, linecopy = { 0 };
	struct ttbuf prevdoc = { 0 }, prevsent = { 0 };
	const char *st;
	size_t sn;
	int c, i, nlex = 0, nexcl = 0, only = 0, count = 0;
	int cword, cstem, ctype, cdoc, cline, csent;
	uint64_t sent = 0;

	tt_init(argv[0]);
	lexpaths = tt_xmalloc((size_t)argc * sizeof *lexpaths);
	excludes = tt_xmalloc((size_t)argc * sizeof *excludes);
	while ((c = getopt_long(argc, argv, "hl:ocVx:", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			lexpaths[nlex++] = optarg;
			break;
		case 'x':
			excludes[nexcl++] = optarg;
			break;
		case 'o':
			only = 1;
			break;
		case 'c':
			count = 1;
			break;
		case 'h':
			tt_help(usage);
		case 'V':
			tt_version(stemmer_algorithm());
		default:
			tt_usage(usage);
		}
	}
	argc -= optind;
	argv += optind;
	if (only && count)
		tt_usage(usage);
	mode = only ? MODE_ONLY : count ? MODE_COUNT : MODE_STREAM;

	lx = lexicon_load(nlex > 0 ? lexpaths : deflex, nlex > 0 ? nlex : 1);
	free(lexpaths);
	if (lx == NULL) {
		free(excludes);
		return 2;
	}
	m = matcher_new(lx);
	for (i = 0; i < nexcl; i++)
		if (matcher_exclude(m, excludes[i]) == 0)
			tt_die("--exclude: no entry or category '%s'",
			    excludes[i]);
	free(excludes);

	if (!stream_open(&s, argc, argv)) {
		if (mode == MODE_ONLY)
			out_str("#doc\tline\tentry\tcategory\tmatch\t"
			    "alternative\n");
		else if (mode == MODE_COUNT)
			out_str("#doc\tmatches\ttokens\n");
		stream_close(&s);
		matcher_free(m);
		lexicon_free((struct lexicon *)lx);
		if (tt_finish() != 0)
			return 2;
		return mode == MODE_ONLY ? 1 : 0;
	}
	cword = stream_need(&s, "word", "run tt-tokenise first");
	if (mode == MODE_STREAM && stream_col(&s, "jargon") >= 0)
		tt_die("%s:1: the stream already has a column 'jargon'",
		    s.name);
	cstem = stream_col(&s, "stem");
	ctype = stream_col(&s, "type");
	cdoc = stream_col(&s, "doc");
	cline = stream_col(&s, "line");
	csent = stream_col(&s, "sent");
	switch (mode) {
	case MODE_STREAM:
		out_bytes(s.header, s.headerlen);
		out_str("\tjargon\n");
		break;
	case MODE_ONLY:
		out_str("#doc\tline\tentry\tcategory\tmatch\talternative\n");
		break;
	case MODE_COUNT:
		out_str("#doc\tmatches\ttokens\n");
		break;
	}

	while (stream_next(&s)) {
		cur.line = s.line;
		cur.len = s.linelen;
		if (mode != MODE_STREAM) {
			if (cdoc < 0 || cline < 0) {
				/* absent columns read as "_" after the line */
				linecopy.len = 0;
				tt_buf_add(&linecopy, s.line, s.linelen);
				tt_buf_addc(&linecopy, '_');
				cur.line = linecopy.s;
			}
			field_at(&s, cdoc, &cur.docoff, &cur.doclen);
			field_at(&s, cline, &cur.lineoff, &cur.linelen);
		}
		cur.word = stream_value(&s, cword, &wbuf, &cur.wordlen);
		st = NULL;
		sn = 0;
		if (cstem >= 0)
			st = stream_value(&s, cstem, &sbuf, &sn);
		/* a new sentence: doc or sent changed */
		if (changed(&s, cdoc, &prevdoc) | changed(&s, csent, &prevsent))
			sent++;
		matcher_feed(m, cur.word, ctype >= 0 && lexicon_type_excluded(
		    s.f[ctype].s, s.f[ctype].len) ? 0 : cur.wordlen, st, sn,
		    sent);
		curdone = 0;
		settle(m);
		if (!curdone)
			queue_push(&cur);
	}
	matcher_finish(m);
	settle(m);
	if (mode == MODE_COUNT)
		count_flush();
	stream_close(&s);
	matcher_free(m);
	lexicon_free((struct lexicon *)lx);
	tt_buf_free(&wbuf);
	tt_buf_free(&sbuf);
	tt_buf_free(&linecopy);
	tt_buf_free(&prevdoc);
	tt_buf_free(&prevsent);
	tt_buf_free(&curdoc);
	tt_buf_free(&joined);
	for (c = 0; (size_t)c < q.size; c++) {
		tt_buf_free(&q.p[c].linebuf);
		tt_buf_free(&q.p[c].wordbuf);
	}
	free(q.p);
	if (tt_finish() != 0)
		return 2;
	return mode == MODE_ONLY && nmatches == 0 ? 1 : 0;
}
