/*
 * tt-normalise - clean up Dutch text before tokenising, keeping every line
 * where it was: output line N holds the text of input line N.
 *
 * Character work (NFC, ligatures, full-width forms, invisible characters,
 * odd spaces, quotes, dashes, control characters) and the re-joining of
 * words hyphenated at line ends live in lib/normalise.c. This file adds the
 * options, the file loop and --strip-furniture, which reads each file
 * twice: once to learn which short lines repeat at the top or bottom of
 * the pages (kept in a temporary spool file, so stdin works too), once to
 * write the text with those lines blanked.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "hash.h"
#include "normalise.h"
#include "reader.h"
#include "stream.h"

static const char usage[] =
"usage: tt-normalise [--keep-punct] [--strip-furniture] [file ...]\n"
"Normalises Dutch text (NFC, ligatures, full-width forms, invisible\n"
"characters, odd spaces, quotes and dashes, control characters) and\n"
"re-joins words hyphenated at line ends; output line N holds the text of\n"
"input line N. Reads the files in turn, or stdin.\n"
"  -k, --keep-punct       keep typographic quotes, dashes and the ellipsis\n"
"  -s, --strip-furniture  blank page numbers and running headers and\n"
"                         footers (pages end at form feeds, as pdftotext\n"
"                         writes them)\n"
"  -h, --help             show this help\n"
"  -V, --version          show the version\n";

/* Lines at the top or bottom of a page compared across pages. */
#define ZONE	3

static int flags;
static struct normscratch scratch;
static struct ttbuf line;		/* the normalised line */
static struct normjoin joiner;

/* The joiner's output: one line. */
static void
emit_line(const char *s, size_t n, void *arg)
{
	(void)arg;
	out_bytes(s, n);
	out_char('\n');
}

/* Normalises the reader's current line; returns it (maybe in place). */
static const char *
normalised(struct ttreader *r, size_t *n)
{
	if (norm_ascii_clean(r->line, r->len)) {
		*n = r->len;
		return r->line;
	}
	*n = norm_chars(&line, &scratch, r->line, r->len, flags);
	return line.s;
}

/* Normalises one file straight to stdout. */
static void
run_plain(const char *path)
{
	struct ttreader r;
	const char *s;
	size_t n;

	if (reader_open(&r, path, 1) < 0)
		return;
	while (reader_next(&r) > 0) {
		s = normalised(&r, &n);
		normjoin_line(&joiner, s, n, 0);
	}
	normjoin_flush(&joiner);
	reader_close(&r);
}

/* ---- --strip-furniture ------------------------------------------------- */

/* What the first pass learns about one file. */
struct pages {
	struct u64map	*seen;		/* zone key -> number of pages */
	unsigned long	*nlines;	/* non-empty lines on each page */
	size_t		 npages, cap;
	size_t		 filled;	/* pages with text */
};

/* The key of a line at zone position pos (0..ZONE-1 from the top, ZONE..
 * from the bottom). */
static uint64_t
zone_key(uint64_t key, int pos)
{
	return key ^ ((uint64_t)(pos + 1) * 0x9E3779B97F4A7C15ULL);
}

static int
has_text(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f')
			return 1;
	return 0;
}

/* Closes the page being read in the first pass: counts its bottom zone. */
static void
page_end(struct pages *pg, const uint64_t *bottom, unsigned long count)
{
	unsigned long k;

	if (pg->npages == pg->cap) {
		pg->cap = pg->cap ? pg->cap * 2 : 64;
		pg->nlines = tt_xrealloc(pg->nlines,
		    pg->cap * sizeof *pg->nlines);
	}
	pg->nlines[pg->npages++] = count;
	if (count > 0)
		pg->filled++;
	for (k = 0; k < ZONE && k < count; k++)
		if (bottom[k] != 0)
			++*u64map_slot(pg->seen, zone_key(bottom[k],
			    ZONE + (int)k));
}

/*
 * First pass: normalises every line of path into the spool file and counts,
 * for each short line in the top or bottom zone of a page, on how many pages
 * it stands there. Returns 0, or -1 after an error was reported.
 */
static int
pass_one(const char *path, FILE *spool, struct pages *pg, const char **name)
{
	struct ttreader r;
	const char *s;
	size_t n;
	unsigned long count = 0, k;
	uint64_t bottom[ZONE], key;
	int rc;

	if (reader_open(&r, path, 1) < 0)
		return -1;
	*name = r.name;
	memset(bottom, 0, sizeof bottom);
	while ((rc = reader_next(&r)) > 0) {
		s = normalised(&r, &n);
		if (fwrite(s, 1, n, spool) != n || putc('\n', spool) == EOF)
			break;
		if (memchr(s, '\f', n) != NULL) {
			page_end(pg, bottom, count);
			count = 0;
			memset(bottom, 0, sizeof bottom);
		}
		if (!has_text(s, n))
			continue;
		key = norm_furniture_key(s, n);
		if (count < ZONE && key != 0)
			++*u64map_slot(pg->seen, zone_key(key, (int)count));
		for (k = ZONE - 1; k > 0; k--)	/* bottom[0]: the last line */
			bottom[k] = bottom[k - 1];
		bottom[0] = key;
		count++;
	}
	page_end(pg, bottom, count);
	reader_close(&r);
	if (rc < 0)
		return -1;
	if (fflush(spool) == EOF || ferror(spool)) {
		tt_error("%s: temporary file: %s", *name, strerror(errno));
		return -1;
	}
	return 0;
}

/* Whether a zone key stands on enough pages to be furniture: on at least
 * two pages and on two in five of the pages with text. */
static int
repeated(const struct pages *pg, uint64_t zkey)
{
	uint64_t *c;

	if ((c = u64map_find(pg->seen, zkey)) == NULL)
		return 0;
	return *c >= 2 && *c * 5 >= (uint64_t)pg->filled * 2;
}

/* Second pass: reads the spool back and writes it with furniture blanked. */
static void
pass_two(FILE *spool, const struct pages *pg)
{
	char *buf = NULL, ff[1] = { '\f' };
	size_t cap = 0, n, page = 0;
	ssize_t got;
	unsigned long idx = 0, total, fromtop, frombottom;
	uint64_t key;
	int furniture;

	total = pg->npages > 0 ? pg->nlines[0] : 0;
	while ((got = getline(&buf, &cap, spool)) > 0) {
		n = (size_t)got;
		if (buf[n - 1] == '\n')
			n--;
		if (memchr(buf, '\f', n) != NULL) {
			page++;
			idx = 0;
			total = page < pg->npages ? pg->nlines[page] : 0;
		}
		furniture = 0;
		if (has_text(buf, n)) {
			fromtop = idx++;
			frombottom = total > fromtop ? total - 1 - fromtop :
			    ZONE;
			if (fromtop < ZONE || frombottom < ZONE) {
				key = norm_furniture_key(buf, n);
				if (norm_pagenumber(buf, n))
					furniture = 1;
				else if (key != 0 && fromtop < ZONE &&
				    repeated(pg, zone_key(key, (int)fromtop)))
					furniture = 1;
				else if (key != 0 && frombottom < ZONE &&
				    repeated(pg, zone_key(key,
				    ZONE + (int)frombottom)))
					furniture = 1;
			}
		}
		if (furniture)
			normjoin_line(&joiner, ff,
			    memchr(buf, '\f', n) != NULL ? 1 : 0, 1);
		else
			normjoin_line(&joiner, buf, n, 0);
	}
	normjoin_flush(&joiner);
	free(buf);
}

/* Opens an anonymous temporary file in $TMPDIR or /tmp. */
static FILE *
spool_open(void)
{
	const char *dir = getenv("TMPDIR");
	struct ttbuf path = { NULL, 0, 0 };
	FILE *fp = NULL;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	tt_buf_add(&path, dir, strlen(dir));
	tt_buf_add(&path, "/tt-normalise.XXXXXX", 20);
	if ((fd = mkstemp(path.s)) >= 0) {
		unlink(path.s);
		if ((fp = fdopen(fd, "w+")) == NULL)
			close(fd);
	}
	if (fp == NULL)
		tt_error("temporary file in %s: %s", dir, strerror(errno));
	tt_buf_free(&path);
	return fp;
}

/* Normalises one file with its page furniture blanked. */
static void
run_furniture(const char *path)
{
	struct pages pg;
	const char *name = path;
	FILE *spool;

	if ((spool = spool_open()) == NULL)
		return;
	memset(&pg, 0, sizeof pg);
	pg.seen = u64map_new();
	if (pass_one(path, spool, &pg, &name) == 0) {
		rewind(spool);
		pass_two(spool, &pg);
		if (ferror(spool))
			tt_error("%s: temporary file: read error", name);
	}
	fclose(spool);
	u64map_free(pg.seen);
	free(pg.nlines);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "keep-punct", no_argument, NULL, 'k' },
		{ "strip-furniture", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *path;
	int c, i, strip = 0;

	tt_init(argv[0]);
	while ((c = getopt_long(argc, argv, "kshV", longopts, NULL)) != -1) {
		switch (c) {
		case 'k':
			flags |= NORM_KEEP_PUNCT;
			break;
		case 's':
			strip = 1;
			break;
		case 'h':
			tt_help(usage);
		case 'V':
			tt_version(NULL);
			break;
		default:
			tt_usage(usage);
		}
	}
	argc -= optind;
	argv += optind;

	normjoin_init(&joiner, emit_line, NULL);
	for (i = 0; i < (argc > 0 ? argc : 1); i++) {
		path = argc > 0 ? argv[i] : "-";
		if (strip)
			run_furniture(path);
		else
			run_plain(path);
	}
	normjoin_free(&joiner);
	norm_scratch_free(&scratch);
	tt_buf_free(&line);
	return tt_finish();
}
