/*
 * tt-stem - append the Snowball Dutch stem of each token to the stream.
 */
#include <getopt.h>
#include <string.h>

#include "tt.h"

static const char usage[] =
"usage: tt-stem [--column NAME] [FILE...]\n"
"Append a 'stem' column: the Snowball Dutch stem of the case-folded word.\n"
"  -c, --column NAME  stem this column instead of 'word'\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and the stemmer, and exit\n";

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "column",	required_argument,	NULL, 'c' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct ttstream s;
	struct ttstemmer *st;
	struct ttbuf word = { 0 }, folded = { 0 }, escaped = { 0 };
	struct memo *memo;
	const char *column = "word", *stem, *w;
	size_t stemlen, wlen;
	int c, col;

	tt_init(argv[0]);
	while ((c = getopt_long(argc, argv, "c:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			column = optarg;
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

	if (!stream_open(&s, argc, argv)) {
		stream_close(&s);
		return tt_finish();
	}
	col = stream_need(&s, column, "run tt-tokenise first");
	if (stream_col(&s, "stem") >= 0)
		tt_die("%s:1: the stream already has a column 'stem'", s.name);
	st = stemmer_open();
	out_bytes(s.header, s.headerlen);
	out_str("\tstem\n");

	/* The stem written for a raw field value is kept, so the common
	 * token costs one lookup: no unescaping, folding or stemming. */
	memo = memo_new(14);
	while (stream_next(&s)) {
		const struct ttfield *f = &s.f[col];

		if ((stem = memo_get(memo, f->s, f->len, &stemlen)) == NULL) {
			w = field_value(f, &word, &wlen);
			fold(&folded, w, wlen, FOLD_CASE);
			stem = stemmer_stem(st, folded.s, folded.len, &stemlen);
			escaped.len = 0;
			field_escape(&escaped, stem, stemlen, 0);
			memo_put(memo, f->s, f->len, escaped.s, escaped.len);
			stem = escaped.s;
			stemlen = escaped.len;
		}
		out_row(s.line, s.linelen, stem, stemlen);
	}
	stream_close(&s);
	stemmer_close(st);
	tt_buf_free(&word);
	tt_buf_free(&folded);
	tt_buf_free(&escaped);
	memo_free(memo);
	return tt_finish();
}
