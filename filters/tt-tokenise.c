/*
 * tt-tokenise - Dutch text to the token stream.
 *
 * Reads text (normally the output of tt-normalise) from the named files or
 * standard input and writes one token a line with its document, input
 * line, paragraph, sentence and token numbers, its type and the speaker of
 * the transcript turn. The work is done by tokenise.c; this file reads the
 * input and writes the stream.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "reader.h"
#include "stream.h"
#include "tokenise.h"

static const char usage[] =
"usage: tt-tokenise [--doc NAME] [--abbreviations FILE] [--no-speakers]\n"
"                   [FILE ...]\n"
"Splits Dutch text into the token stream: one token a line with the columns\n"
"doc line par sent tok type word speaker.\n"
"  -d, --doc NAME            name of the document read from standard input\n"
"                            (default <stdin>)\n"
"  -a, --abbreviations FILE  abbreviation list (default afkortingen.txt in\n"
"                            the lexicon directory)\n"
"  -S, --no-speakers         do not read \"Naam:\" at a line start as a turn\n"
"  -h, --help                show this help and exit\n"
"  -V, --version             show the version and exit\n";

#define PREFIX_SLACK	32
#define TOKEND		24

/* The output side: the escaped document name and the cached start of a
 * record ("doc\tline\tpar\tsent\t"), rebuilt when one of those changes. */
struct writer {
	struct ttbuf	 doc;		/* escaped document name */
	struct ttbuf	 prefix;
	struct ttbuf	 speaker;	/* escaped speaker of the last token */
	struct ttbuf	 speakerraw;	/* and as it came */
	unsigned long	 line, par, sent;
	/* the decimal token number, right-aligned at TOKEND, and room for
	 * a 16-byte move from its first digit */
	char		 tokbuf[TOKEND + 16];
	int		 tokpos;
	char		 batch[64 * 1024];	/* records not yet written */
	size_t		 batchlen;
};

/* Hands the records collected so far to the shared writer. */
static void
writer_flush(struct writer *w)
{
	if (w->batchlen > 0)
		out_block(w->batch, w->batchlen);
	w->batchlen = 0;
}

static void
add_number(struct ttbuf *b, unsigned long v)
{
	char tmp[24];
	int i = sizeof tmp;

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	tt_buf_add(b, tmp + i, sizeof tmp - (size_t)i);
}

static void
writer_doc(struct writer *w, const char *name)
{
	w->doc.len = 0;
	field_escape(&w->doc, name, strlen(name), 1);
	w->line = w->par = w->sent = (unsigned long)-1;
	w->tokbuf[TOKEND - 1] = '0';
	w->tokpos = TOKEND - 1;
}

/* Whether out_field would write s[0..n) as it is: the scanner never puts
 * TAB, LF or CR in a token, so only a backslash (in a URL or alone), a
 * lone "_" and the empty string need escaping. */
static int
plain_field(const char *s, size_t n, enum toktype type)
{
	if (n == 0 || (n == 1 && (s[0] == '_' || s[0] == '\\')))
		return 0;
	return type != TOK_URL || memchr(s, '\\', n) == NULL;
}

/* Writes one record of the stream; the common case is assembled in a
 * local buffer and written with one out_bytes call. */
static void
emit(const struct token *tk, void *arg)
{
	/* padded to 8 bytes so that each is copied with one fixed move */
	static const char typecols[8][8] = {
		"\tword\t", "\tnum\t", "\tpunct\t", "\tsym\t", "\turl\t",
		"\temail\t", "\ttag\t", "\tabbr\t"
	};
	static const unsigned char typelens[] = { 6, 5, 7, 5, 5, 7, 5, 6 };
	struct writer *w = arg;
	char *o;
	size_t len, toklen;
	int i;

	if (tk->line != w->line || tk->par != w->par || tk->sent != w->sent) {
		w->prefix.len = 0;
		tt_buf_add(&w->prefix, w->doc.s, w->doc.len);
		tt_buf_addc(&w->prefix, '\t');
		add_number(&w->prefix, tk->line);
		tt_buf_addc(&w->prefix, '\t');
		add_number(&w->prefix, tk->par);
		tt_buf_addc(&w->prefix, '\t');
		add_number(&w->prefix, tk->sent);
		tt_buf_addc(&w->prefix, '\t');
		w->line = tk->line;
		w->par = tk->par;
		w->sent = tk->sent;
		/* slack for the 16-byte moves below */
		tt_buf_reserve(&w->prefix, PREFIX_SLACK);
	}
	/* the token number counts up by one: increment it in decimal */
	for (i = TOKEND - 1; ; i--) {
		if (i < w->tokpos) {
			w->tokbuf[i] = '1';
			w->tokpos = i;
			break;
		}
		if (w->tokbuf[i] != '9') {
			w->tokbuf[i]++;
			break;
		}
		w->tokbuf[i] = '0';
	}
	toklen = TOKEND - (size_t)w->tokpos;
	if (tk->speaker != NULL && (tk->speakerlen != w->speakerraw.len ||
	    memcmp(tk->speaker, w->speakerraw.s, tk->speakerlen) != 0)) {
		w->speakerraw.len = 0;
		tt_buf_add(&w->speakerraw, tk->speaker, tk->speakerlen);
		w->speaker.len = 0;
		field_escape(&w->speaker, tk->speaker, tk->speakerlen, 0);
	}
	len = w->prefix.len + toklen + 8 + tk->len + 2 +
	    (tk->speaker != NULL ? w->speaker.len : 1);
	if (len + PREFIX_SLACK <= sizeof w->batch && toklen <= 16 &&
	    plain_field(tk->s, tk->len, tk->type)) {
		size_t j;

		if (w->batchlen + len + PREFIX_SLACK > sizeof w->batch)
			writer_flush(w);
		/*
		 * Short copies in fixed-size moves, which the compiler inlines,
		 * rather than calls to memcpy: the prefix and the batch have
		 * PREFIX_SLACK bytes of room beyond what is copied.
		 */
		o = w->batch + w->batchlen;
		for (j = 0; j < w->prefix.len; j += 16)
			memcpy(o + j, w->prefix.s + j, 16);
		o += w->prefix.len;
		memcpy(o, w->tokbuf + w->tokpos, 16);
		o += toklen;
		memcpy(o, typecols[tk->type], 8);
		o += typelens[tk->type];
		/* short tokens in two moves that may overlap, never reading
		 * past the token */
		if (tk->len >= 8 && tk->len <= 16) {
			memcpy(o, tk->s, 8);
			memcpy(o + tk->len - 8, tk->s + tk->len - 8, 8);
		} else if (tk->len >= 4 && tk->len < 8) {
			memcpy(o, tk->s, 4);
			memcpy(o + tk->len - 4, tk->s + tk->len - 4, 4);
		} else if (tk->len < 4) {
			for (j = 0; j < tk->len; j++)
				o[j] = tk->s[j];
		} else
			memcpy(o, tk->s, tk->len);
		o += tk->len;
		*o++ = '\t';
		if (tk->speaker != NULL) {
			memcpy(o, w->speaker.s, w->speaker.len);
			o += w->speaker.len;
		} else
			*o++ = '_';
		*o++ = '\n';
		w->batchlen = (size_t)(o - w->batch);
		return;
	}
	writer_flush(w);
	out_bytes(w->prefix.s, w->prefix.len);
	out_bytes(w->tokbuf + w->tokpos, toklen);
	out_bytes(typecols[tk->type], typelens[tk->type]);
	out_field(tk->s, tk->len, 0);
	out_char('\t');
	if (tk->speaker != NULL)
		out_bytes(w->speaker.s, w->speaker.len);
	else
		out_char('_');
	out_char('\n');
}

/* Tokenises one file ("-" is standard input) as one document. */
static void
tokenise_file(struct tokeniser *t, struct writer *w, const char *path,
    const char *docname)
{
	struct ttreader r;
	int rc;

	if (reader_open(&r, path, 1) < 0)
		return;
	writer_doc(w, strcmp(path, "-") == 0 ? docname : path);
	tokeniser_begin(t);
	while ((rc = reader_next(&r)) == 1)
		tokeniser_line(t, r.line, r.len, r.lineno);
	tokeniser_end(t);
	writer_flush(w);
	reader_close(&r);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "doc", required_argument, NULL, 'd' },
		{ "abbreviations", required_argument, NULL, 'a' },
		{ "no-speakers", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *docname = "<stdin>", *abbrname = "afkortingen.txt";
	const char *path;
	struct abbrevs *ab;
	struct tokeniser *t;
	static struct writer w;
	int c, flags = 0, i;

	tt_init(argv[0]);
	while ((c = getopt_long(argc, argv, "d:a:ShV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			docname = optarg;
			break;
		case 'a':
			abbrname = optarg;
			break;
		case 'S':
			flags |= TOKF_NOSPEAKERS;
			break;
		case 'h':
			tt_help(usage);
		case 'V':
			tt_version(NULL);
		default:
			tt_usage(usage);
		}
	}
	if ((path = tt_data_path(abbrname)) == NULL)
		tt_die("%s: not found (set TT_LEXDIR to the lexicon "
		    "directory)", abbrname);
	ab = abbrevs_new();
	if (abbrevs_load(ab, path) < 0)
		exit(2);

	t = tokeniser_new(ab, flags, emit, &w);
	out_str("#doc\tline\tpar\tsent\ttok\ttype\tword\tspeaker\n");
	if (optind == argc)
		tokenise_file(t, &w, "-", docname);
	for (i = optind; i < argc; i++)
		tokenise_file(t, &w, argv[i], docname);
	tokeniser_free(t);
	abbrevs_free(ab);
	tt_buf_free(&w.doc);
	tt_buf_free(&w.prefix);
	tt_buf_free(&w.speaker);
	tt_buf_free(&w.speakerraw);
	return tt_finish();
}
