/*
 * tt-lexicon - validate, list, explain and convert lexicons (tt-lexicon(5)).
 *
 * Subcommands: check, list, explain, stats, import-liwc. All lexicon work
 * goes through filters/lib/lexicon.c, so what check accepts is exactly
 * what tt-jargon accepts, and explain shows what tt-jargon would do.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "tt.h"

static const char usage[] =
"usage: tt-lexicon check [LEXICON...]\n"
"       tt-lexicon list [-C CATEGORY] [LEXICON...]\n"
"       tt-lexicon explain [-l LEXICON]... TEXT...\n"
"       tt-lexicon stats [LEXICON...]\n"
"       tt-lexicon import-liwc FILE.dic\n"
"Validate, list, explain and convert lexicons (see tt-lexicon(5)).\n"
"LEXICON defaults to the installed transitietaal lexicon.\n"
"  check        report every error (exit 2) and warnings: entries that\n"
"               can never match, single words that match common words\n"
"  list         the entries as TSV, grouped by category\n"
"  explain      which entries match the words of TEXT, and why\n"
"  stats        counts per lexicon: entries, categories, pattern kinds\n"
"  import-liwc  convert a LIWC .dic dictionary to a lexicon on stdout\n"
"  -C, --category CATEGORY  list only this category\n"
"  -l, --lexicon LEXICON    explain with this lexicon (repeatable)\n"
"  -h, --help               show this help and exit\n"
"  -V, --version            show the version and the stemmer, and exit\n";

/* a name, not a path: found among the data files, not in "." */
static const char *deflex[] = { "transitietaal" };

/* Loads the lexicons named, or the default one; exits 2 on errors. */
static struct lexicon *
load(int n, char **paths)
{
	struct lexicon *lx;

	if (n == 0)
		lx = lexicon_load(deflex, 1);
	else
		lx = lexicon_load((const char *const *)paths, n);
	if (lx == NULL)
		exit(2);
	return lx;
}

/* Reads the common-word list (one word a line, '#' comments) into a
 * NULL-free array; *n words. Missing list: no words, no message. */
static char **
read_common(size_t *n)
{
	const char *path = tt_data_path("veelvoorkomend.txt");
	char *line = NULL, **w = NULL;
	size_t cap = 0, wcap = 0;
	ssize_t len;
	FILE *fp;

	*n = 0;
	if (path == NULL || (fp = fopen(path, "r")) == NULL)
		return NULL;
	while ((len = getline(&line, &cap, fp)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r' || line[len - 1] == ' '))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (*n == wcap) {
			wcap = wcap ? wcap * 2 : 256;
			w = tt_xrealloc(w, wcap * sizeof *w);
		}
		w[(*n)++] = tt_xstrdup(line);
	}
	free(line);
	fclose(fp);
	return w;
}

static int
cmd_check(int argc, char **argv)
{
	struct lexicon *lx = load(argc, argv);
	char **common;
	size_t ncommon, i;
	int nwarn;

	common = read_common(&ncommon);
	nwarn = lexicon_lint(lx, (const char *const *)common, ncommon);
	out_u64(lexicon_count(lx));
	out_str(lexicon_count(lx) == 1 ? " entry, " : " entries, ");
	out_u64((uint64_t)nwarn);
	out_str(nwarn == 1 ? " warning\n" : " warnings\n");
	for (i = 0; i < ncommon; i++)
		free(common[i]);
	free(common);
	lexicon_free(lx);
	return tt_finish();
}

static void
field(const char *s, int last)
{
	out_field(s, strlen(s), 0);
	out_char(last ? '\n' : '\t');
}

static int
cmd_list(int argc, char **argv, const char *category)
{
	struct lexicon *lx = load(argc, argv);
	const struct lexentry *e;
	size_t i;
	int c, nc = lexicon_ncategories(lx), *order, j, k, found = 0;
	char w[64];

	/* categories sorted by name; entries in lexicon order within; an
	 * entry of several categories is listed under each */
	order = tt_xmalloc((size_t)(nc + 1) * sizeof *order);
	for (c = 0; c < nc; c++)
		order[c] = c;
	for (j = 1; j < nc; j++)
		for (k = j; k > 0 && strcmp(lexicon_category(lx, order[k - 1]),
		    lexicon_category(lx, order[k])) > 0; k--) {
			c = order[k];
			order[k] = order[k - 1];
			order[k - 1] = c;
		}
	out_str("#category\tentry\tpattern\talternative\tweight\tnote\n");
	for (j = 0; j < nc; j++) {
		if (category != NULL && strcmp(category,
		    lexicon_category(lx, order[j])) != 0)
			continue;
		for (i = 0; i < lexicon_count(lx); i++) {
			const char *cn = lexicon_category(lx, order[j]);

			e = lexicon_entry(lx, i);
			for (k = 0; k < e->ncat && e->catids[k] != order[j]; k++)
				;
			if (k == e->ncat)
				continue;
			found = 1;
			out_field(cn, strlen(cn), 1);
			out_char('\t');
			field(e->key, 0);
			field(e->pattern, 0);
			field(e->alternative, 0);
			snprintf(w, sizeof w, "%g", e->weight);
			field(w, 0);
			field(e->note, 1);
		}
	}
	free(order);
	lexicon_free(lx);
	if (tt_finish() != 0)
		return 2;
	if (category != NULL && !found) {
		tt_warn("no entries in category '%s'", category);
		return 1;
	}
	return 0;
}

/* Splits text into words at spaces; leading and trailing punctuation
 * becomes words of its own, as tt-tokenise would make it. */
static int
split_words(struct ttbuf *text, const char ***words, size_t **lens)
{
	static const char punct[] = ".,;:!?()\"'[]";
	char *p = text->s, *end = text->s + text->len, *w, *we;
	int n = 0, cap = 0;

	*words = NULL;
	*lens = NULL;
	while (p < end) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
			p++;
		if (p == end)
			break;
		w = p;
		while (p < end && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		we = p;
		/* leading punctuation, the word, trailing punctuation */
		while (w < we) {
			char *s = w, *t;

			if (strchr(punct, *w) != NULL)
				t = w + 1;
			else {
				for (t = we; t > w + 1 && strchr(punct, t[-1])
				    != NULL; t--)
					;
			}
			if (n + 1 >= cap) {
				cap = cap ? cap * 2 : 16;
				*words = tt_xrealloc(*words, (size_t)cap *
				    sizeof **words);
				*lens = tt_xrealloc(*lens, (size_t)cap *
				    sizeof **lens);
			}
			(*words)[n] = s;
			(*lens)[n++] = (size_t)(t - s);
			w = t;
		}
	}
	return n;
}

struct explain {
	const struct lexicon	*lx;
	const char		**words;
	size_t			*lens;
	long			*winner;	/* by word: entry whose match starts there */
	int			*owner;		/* by word: first word of its match */
	int			 nhits;
	struct ttbuf		 why;
};

static void
out_words(const struct explain *x, int first, int last)
{
	int i;

	for (i = first; i <= last; i++) {
		if (i > first)
			out_char(' ');
		out_bytes(x->words[i], x->lens[i]);
	}
}

/* Prints one hit of lexicon_scan: the entry, the words, why each word
 * matches, and whether tt-jargon would choose it. */
static void
explain_hit(const struct lexhit *h, void *arg)
{
	struct explain *x = arg;
	const struct lexentry *e = lexicon_entry(x->lx, h->entry);
	int tp = 0, i, gap;
	char num[64];

	x->nhits++;
	out_str(e->key);
	out_str(" (");
	out_str(e->category);
	out_str("): '");
	out_words(x, h->first, h->last);
	snprintf(num, sizeof num, "' at word %d", h->first + 1);
	out_str(num);
	if (h->last > h->first) {
		snprintf(num, sizeof num, "-%d", h->last + 1);
		out_str(num);
	}
	out_char('\n');
	out_str("\tpattern: ");
	out_str(e->pattern);
	snprintf(num, sizeof num, ":%lu)\n", e->line);
	out_str(" (");
	out_str(e->file);
	out_str(num);
	/* the words matched by token patterns, in order; the rest are gaps */
	for (i = h->first; i <= h->last && tp < e->ntokpat; i++) {
		lexicon_tokpat_kind(x->lx, h->entry, tp, &gap);
		if (lexicon_why(x->lx, h->entry, tp, x->words[i], x->lens[i],
		    &x->why) && (tp == e->ntokpat - 1 ? i == h->last : 1)) {
			out_char('\t');
			out_bytes(x->words[i], x->lens[i]);
			out_str(": ");
			out_str(x->why.s);
			out_char('\n');
			tp++;
		} else {
			out_char('\t');
			out_bytes(x->words[i], x->lens[i]);
			out_str(": in the gap\n");
		}
	}
	if (*e->alternative != '\0') {
		out_str("\talternative: ");
		out_str(e->alternative);
		out_char('\n');
	}
	if (x->winner[h->first] == (long)h->entry)
		out_str(e->exception ? "\tan exception: tt-jargon leaves "
		    "these words unmarked\n" : "\ttt-jargon marks this match\n");
	else {
		/* the word is covered by another match, or another entry
		 * wins there */
		const struct lexentry *w;
		int o = x->owner[h->first] >= 0 ? x->owner[h->first] :
		    h->first;

		w = lexicon_entry(x->lx, (size_t)x->winner[o]);
		snprintf(num, sizeof num, "' at word %d)\n", o + 1);
		out_str("\tnot marked: overlaps a match of ");
		out_str(w->key);
		out_str(" ('");
		out_bytes(x->words[o], x->lens[o]);
		out_str(num);
	}
}

static int
cmd_explain(int nlex, char **lexpaths, int argc, char **argv)
{
	struct lexicon *lx = load(nlex, lexpaths);
	struct ttbuf text = { 0 };
	struct explain x;
	struct matcher *m;
	struct lexmark mk;
	int i, n, start = -1;
	long cur = -1;

	for (i = 0; i < argc; i++) {
		if (i > 0)
			tt_buf_addc(&text, ' ');
		tt_buf_add(&text, argv[i], strlen(argv[i]));
	}
	if (text.s == NULL)
		tt_buf_reserve(&text, 0);
	memset(&x, 0, sizeof x);
	x.lx = lx;
	n = split_words(&text, &x.words, &x.lens);
	x.winner = tt_xmalloc(((size_t)n + 1) * sizeof *x.winner);
	x.owner = tt_xmalloc(((size_t)n + 1) * sizeof *x.owner);
	/* what tt-jargon would mark: the matcher over the same words */
	m = matcher_new(lx);
	for (i = 0; i < n; i++) {
		x.winner[i] = -1;
		x.owner[i] = -1;
		matcher_feed(m, x.words[i], x.lens[i], NULL, 0, 1);
	}
	matcher_finish(m);
	for (i = 0; matcher_pop(m, &mk); i++) {
		/* an exception holds its tokens as a match would */
		if (mk.role == LEX_FIRST || (mk.role == LEX_NONE &&
		    mk.entry >= 0 && mk.pos == 0)) {
			x.winner[i] = mk.entry;
			start = i;
			cur = mk.entry;
		}
		if (mk.entry >= 0 && mk.entry == cur)
			x.owner[i] = start;
	}
	matcher_free(m);
	lexicon_scan(lx, x.words, x.lens, n, explain_hit, &x);
	if (x.nhits == 0) {
		out_str("no entry matches '");
		out_bytes(text.s, text.len);
		out_str("'\n");
	}
	free(x.words);
	free(x.lens);
	free(x.winner);
	free(x.owner);
	tt_buf_free(&x.why);
	tt_buf_free(&text);
	lexicon_free(lx);
	if (tt_finish() != 0)
		return 2;
	return x.nhits > 0 ? 0 : 1;
}

static void
stat_line(const char *lexname, const char *key, const char *sub,
    unsigned long v)
{
	out_str(lexname);
	out_char('\t');
	out_str(key);
	if (sub != NULL) {
		out_char(':');
		out_field(sub, strlen(sub), 0);
	}
	out_char('\t');
	out_u64(v);
	out_char('\n');
}

static int
cmd_stats(int argc, char **argv)
{
	static const char *kinds[] = { "stem", "form", "prefix", "suffix",
		"infix", "regex" };
	struct lexicon *lx = load(argc, argv);
	const struct lexentry *e;
	size_t j, first;
	int c, nc = lexicon_ncategories(lx), t, k, gap;
	unsigned long *percat = tt_xmalloc((size_t)(nc + 1) * sizeof *percat);
	unsigned long n, phrases, gaps, alt, note, kind[6];

	out_str("#lexicon\tmeasure\tvalue\n");
	for (first = 0; first < lexicon_count(lx); first = j) {
		const char *name = lexicon_entry(lx, first)->lexname;

		memset(percat, 0, (size_t)(nc + 1) * sizeof *percat);
		memset(kind, 0, sizeof kind);
		n = phrases = gaps = alt = note = 0;
		for (j = first; j < lexicon_count(lx) &&
		    lexicon_entry(lx, j)->lexname == name; j++) {
			e = lexicon_entry(lx, j);
			n++;
			for (c = 0; c < e->ncat; c++)
				percat[e->catids[c]]++;
			phrases += e->ntokpat > 1;
			alt += *e->alternative != '\0';
			note += *e->note != '\0';
			for (t = 0, c = 0; t < e->ntokpat; t++) {
				const char *kn = lexicon_tokpat_kind(lx, j, t,
				    &gap);

				c |= gap > 0;
				for (k = 0; k < 6; k++)
					if (strcmp(kn, kinds[k]) == 0)
						kind[k]++;
			}
			gaps += c != 0;
		}
		stat_line(name, "entries", NULL, n);
		stat_line(name, "phrases", NULL, phrases);
		stat_line(name, "with-gap", NULL, gaps);
		stat_line(name, "with-alternative", NULL, alt);
		stat_line(name, "with-note", NULL, note);
		for (k = 0; k < 6; k++)
			stat_line(name, "words", kinds[k], kind[k]);
		for (c = 0; c < nc; c++)
			if (percat[c] > 0)
				stat_line(name, "category",
				    lexicon_category(lx, c), percat[c]);
	}
	free(percat);
	lexicon_free(lx);
	return tt_finish();
}

/* ---- import-liwc ---------------------------------------------------- */

/* Whether s[0..n) is valid UTF-8 (ASCII fast path; no NUL). */
static int
valid_utf8(const char *s, size_t n)
{
	if (memchr(s, '\0', n) != NULL)
		return 0;
	if (is_ascii(s, n))
		return 1;
	return utf8_valid(s, n);
}

/* Splits s at runs of TAB and space into at most max pieces. */
static int
split_ws(char *s, char **out, int max)
{
	int n = 0;

	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0' || n == max)
			return n;
		out[n++] = s;
		while (*s != '\0' && *s != ' ' && *s != '\t')
			s++;
		if (*s != '\0')
			*s++ = '\0';
	}
}

/* The words of a LIWC dictionary, one per distinct pattern, in order of
 * first appearance; cats holds ncat flags per word. */
struct liwc {
	struct intern	*pats;		/* pattern -> word number */
	struct intern	*ids;		/* ids given so far */
	char		**id;		/* by word */
	unsigned long	*line;		/* by word: first line */
	unsigned char	*cats;		/* by word: ncat flags */
	size_t		 nword, cap, ncat;
};

/*
 * Adds the categories of one word line (pattern pat, id base idb) to the
 * word of that pattern, creating it with a unique id (idb, idb-2, ...)
 * when it is new. Returns the first line of the word when the line
 * repeats it, or 0.
 */
static unsigned long
liwc_add(struct liwc *d, const struct ttbuf *pat, struct ttbuf *idb,
    const unsigned char *cats, unsigned long lineno)
{
	size_t w, c, base = idb->len;
	uint32_t k;
	int added, dup;
	char num[32];

	k = intern_put(d->pats, pat->s, pat->len, &added);
	w = k;
	if (added) {
		if (d->nword == d->cap) {
			d->cap = d->cap ? d->cap * 2 : 256;
			d->id = tt_xrealloc(d->id, d->cap * sizeof *d->id);
			d->line = tt_xrealloc(d->line, d->cap *
			    sizeof *d->line);
			d->cats = tt_xrealloc(d->cats, d->cap * (d->ncat + 1));
		}
		for (dup = 1;; dup++) {
			idb->len = base;
			if (dup > 1) {
				snprintf(num, sizeof num, "-%d", dup);
				tt_buf_add(idb, num, strlen(num));
			}
			intern_put(d->ids, idb->s, idb->len, &added);
			if (added)
				break;
		}
		tt_buf_addc(idb, '\0');
		d->id[w] = tt_xstrdup(idb->s);
		d->line[w] = lineno;
		memset(d->cats + w * d->ncat, 0, d->ncat);
		d->nword++;
	}
	for (c = 0; c < d->ncat; c++)
		d->cats[w * d->ncat + c] |= cats[c];
	return added ? 0 : d->line[w];
}

/*
 * Converts a LIWC .dic (a category list between two '%' lines, then
 * "word<TAB>number..." lines) to a lexicon on stdout: one entry per word
 * with all its categories ("sociaal|zorg"), in the order of the category
 * list, so that it counts in each. A word line it cannot represent
 * (LIWC's conditional syntax, a '*' not at the end, an undefined
 * category) is reported as file:line and skipped, and the status is 2; a
 * repeated word is merged into its first line with a warning. Errors in
 * the file's structure (no '%' lines, a bad category list, invalid UTF-8)
 * end the import before anything but the header is written.
 */
static int
cmd_import_liwc(const char *path)
{
	FILE *fp;
	char *line = NULL, *f[256], *s;
	size_t cap = 0, n, w, c;
	ssize_t len;
	unsigned long lineno = 0, first;
	int state = 0, nf, i, k, bad;
	struct intern *catnum = intern_new();
	char **catname = NULL;
	size_t ncat = 0;
	struct ttbuf id = { 0 }, pat = { 0 }, note = { 0 }, lid = { 0 };
	struct ttbuf word = { 0 };
	unsigned char *cats = NULL;
	struct liwc d;
	int added;
	const char *base;

	memset(&d, 0, sizeof d);
	d.pats = intern_new();
	d.ids = intern_new();
	if (strcmp(path, "-") == 0)
		fp = stdin, path = "<stdin>";
	else if ((fp = fopen(path, "r")) == NULL)
		tt_die("%s: %s", path, strerror(errno));
	base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	note.len = 0;
	tt_buf_add(&note, "from LIWC dictionary ", 21);
	tt_buf_add(&note, base, strlen(base));
	out_str("#id\tpattern\tcategory\tnote\n");
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		n = (size_t)len;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		line[n] = '\0';
		s = line;
		if (lineno == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3;
		if (!valid_utf8(line, n))
			tt_die("%s:%lu: invalid UTF-8 (convert the file first, "
			    "e.g. iconv -f latin1 -t utf-8)", path, lineno);
		if (strspn(s, " \t") == strlen(s))
			continue;
		nf = split_ws(s, f, 256);
		if (state < 2 && nf == 1 && strcmp(f[0], "%") == 0) {
			if (++state == 2) {
				d.ncat = ncat;
				cats = tt_xmalloc(ncat + 1);
			}
			continue;
		}
		if (state == 0)
			tt_die("%s:%lu: expected the '%%' line that starts the "
			    "category list", path, lineno);
		if (state == 1) {
			if (nf < 2 || strspn(f[0], "0123456789") !=
			    strlen(f[0]))
				tt_die("%s:%lu: expected 'number<TAB>category'",
				    path, lineno);
			if (strchr(f[1], '|') != NULL || strcmp(f[1], "-") == 0)
				tt_die("%s:%lu: category name '%s' cannot be "
				    "used ('|' separates categories, '-' marks "
				    "exceptions)", path, lineno, f[1]);
			intern_put(catnum, f[0], strlen(f[0]), &added);
			if (!added)
				tt_die("%s:%lu: category %s defined twice", path,
				    lineno, f[0]);
			catname = tt_xrealloc(catname, (ncat + 1) *
			    sizeof *catname);
			catname[ncat++] = tt_xstrdup(f[1]);
			continue;
		}
		/* word line: the word (LIWC phrases use spaces, but then
		 * the categories are the numeric tail) */
		for (k = nf; k > 1 && strspn(f[k - 1], "0123456789") ==
		    strlen(f[k - 1]); k--)
			;
		word.len = 0;
		for (i = 0; i < k; i++) {
			if (i > 0)
				tt_buf_addc(&word, ' ');
			tt_buf_add(&word, f[i], strlen(f[i]));
		}
		tt_buf_addc(&word, '\0');
		if (strpbrk(word.s, "()<>") != NULL) {
			tt_error("%s:%lu: '%s': LIWC conditional syntax is not "
			    "supported", path, lineno, word.s);
			continue;
		}
		if (k == nf) {
			tt_error("%s:%lu: '%s' has no category numbers", path,
			    lineno, word.s);
			continue;
		}
		pat.len = 0;
		id.len = 0;
		for (i = 0; i < k; i++) {
			size_t wl = strlen(f[i]);
			int star = wl > 1 && f[i][wl - 1] == '*';

			if ((strchr(f[i], '*') != NULL && !star) ||
			    strcmp(f[i], "*") == 0)
				break;
			if (i > 0) {
				tt_buf_addc(&pat, ' ');
				tt_buf_addc(&id, '-');
			}
			fold(&lid, f[i], wl - (size_t)star, FOLD_CASE);
			if (!star)
				tt_buf_addc(&pat, '=');
			tt_buf_add(&pat, lid.s, lid.len);
			if (star)
				tt_buf_addc(&pat, '*');
			tt_buf_add(&id, lid.s, lid.len);
		}
		if (i < k) {
			tt_error("%s:%lu: unsupported LIWC word '%s' ('*' only "
			    "at the end of a word)", path, lineno, f[i]);
			continue;
		}
		memset(cats, 0, ncat);
		for (bad = 0, i = k; i < nf && !bad; i++) {
			int64_t ci = intern_get(catnum, f[i], strlen(f[i]));

			if (ci < 0) {
				tt_error("%s:%lu: category %s is not defined",
				    path, lineno, f[i]);
				bad = 1;
			} else
				cats[ci] = 1;
		}
		if (bad)
			continue;
		if ((first = liwc_add(&d, &pat, &id, cats, lineno)) != 0)
			tt_warn("%s:%lu: warning: '%s' repeats line %lu: "
			    "categories merged", path, lineno, word.s, first);
	}
	if (ferror(fp))
		tt_die("%s: %s", path, strerror(errno));
	if (state < 2)
		tt_die("%s: no word list (a LIWC .dic has two '%%' lines around "
		    "the categories)", path);
	for (w = 0; w < d.nword; w++) {
		const char *ps = intern_str(d.pats, (uint32_t)w, &n);

		out_field(d.id[w], strlen(d.id[w]), 1);
		out_char('\t');
		out_field(ps, n, 0);
		out_char('\t');
		for (i = 0, c = 0; c < ncat; c++) {
			if (!d.cats[w * ncat + c])
				continue;
			if (i++ > 0)
				out_char('|');
			out_field(catname[c], strlen(catname[c]), 0);
		}
		out_char('\t');
		out_field(note.s, note.len, 0);
		out_char('\n');
		free(d.id[w]);
	}
	if (fp != stdin)
		fclose(fp);
	free(line);
	for (n = 0; n < ncat; n++)
		free(catname[n]);
	free(catname);
	free(cats);
	free(d.id);
	free(d.line);
	free(d.cats);
	intern_free(d.pats);
	intern_free(d.ids);
	intern_free(catnum);
	tt_buf_free(&id);
	tt_buf_free(&pat);
	tt_buf_free(&note);
	tt_buf_free(&lid);
	tt_buf_free(&word);
	return tt_finish();
}

int
main(int argc, char *argv[])
{
	static const struct option topopts[] = {
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct option subopts[] = {
		{ "category",	required_argument,	NULL, 'C' },
		{ "lexicon",	required_argument,	NULL, 'l' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *cmd, *category = NULL;
	char **lexpaths;
	int c, nlex = 0, rc;

	tt_init(argv[0]);
	while ((c = getopt_long(argc, argv, "+hV", topopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			tt_help(usage);
		case 'V':
			tt_version(stemmer_algorithm());
		default:
			tt_usage(usage);
		}
	}
	if (optind >= argc)
		tt_usage(usage);
	cmd = argv[optind];
	argc -= optind;
	argv += optind;
	lexpaths = tt_xmalloc((size_t)argc * sizeof *lexpaths);
	optind = 0;	/* glibc: start over on the subcommand's arguments */
	while ((c = getopt_long(argc, argv, "+C:hl:V", subopts, NULL)) != -1) {
		switch (c) {
		case 'C':
			if (strcmp(cmd, "list") != 0)
				tt_usage(usage);
			category = optarg;
			break;
		case 'l':
			if (strcmp(cmd, "explain") != 0)
				tt_usage(usage);
			lexpaths[nlex++] = optarg;
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
	rc = -1;
	if (strcmp(cmd, "check") == 0)
		rc = cmd_check(argc, argv);
	else if (strcmp(cmd, "list") == 0)
		rc = cmd_list(argc, argv, category);
	else if (strcmp(cmd, "explain") == 0) {
		if (argc == 0)
			tt_usage(usage);
		rc = cmd_explain(nlex, lexpaths, argc, argv);
	} else if (strcmp(cmd, "stats") == 0)
		rc = cmd_stats(argc, argv);
	else if (strcmp(cmd, "import-liwc") == 0) {
		if (argc != 1)
			tt_usage(usage);
		rc = cmd_import_liwc(argv[0]);
	}
	free(lexpaths);
	if (rc >= 0)
		return rc;
	tt_warn("unknown command '%s'", cmd);
	tt_usage(usage);
}
