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
"      --help         show this help and exit\n"
"      --version      show the version and the stemmer, and exit\n";

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
	struct ttbuf word = { 0 }, folded = { 0 };
	const char *column = "word", *stem;
	size_t stemlen;
	int c, col;

	tt_init(argv[0]);
	while ((c = getopt_long(argc, argv, "c:", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			column = optarg;
			break;
		case 'h':
			tt_help(usage);
		case 'V':
			tt_version();
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

	while (stream_next(&s)) {
		const struct ttfield *f = &s.f[col];

		if (memchr(f->s, '\\', f->len) != NULL ||
		    (f->len == 1 && f->s[0] == '_')) {
			field_unescape(&word, f->s, f->len);
			fold(&folded, word.s, word.len, FOLD_CASE);
		} else
			fold(&folded, f->s, f->len, FOLD_CASE);
		stem = stemmer_stem(st, folded.s, folded.len, &stemlen);
		out_bytes(s.line, s.linelen);
		out_char('\t');
		out_field(stem, stemlen, 0);
		out_char('\n');
	}
	stream_close(&s);
	stemmer_close(st);
	tt_buf_free(&word);
	tt_buf_free(&folded);
	return tt_finish();
}
