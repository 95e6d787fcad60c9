/*
 * cmd_extract.c - `akhbar --extract [--base-url URL] [--content-type T]
 * [--dump [-w N]] FILE|URL|-`: the article of a saved web page (or one
 * fetched from an http/https URL with the refresh's limits), as plain
 * text (title, blank line, paragraphs) or laid out like the reader pane.
 */
#include <sys/stat.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "util.h"
#include "cmd.h"
#include "i18n.h"
#include "cmds.h"
#include "doc.h"
#include "dump.h"
#include "extract.h"
#include "extract_fetch.h"
#include "html.h"
#include "article.h"
#include "render.h"
#include "utf8.h"

struct extract_args {
	struct extract_opts	 opts;
	const char		*path;
	int			 dump;
	size_t			 width;		/* 0: the terminal's */
};

static int
extract_parse_args(int argc, char **argv, struct extract_args *a)
{
	enum { O_EXTRACT = 256, O_BASE, O_TYPE, O_DUMP };
	static const struct option longopts[] = {
		{ "extract", no_argument, NULL, O_EXTRACT },
		{ "base-url", required_argument, NULL, O_BASE },
		{ "content-type", required_argument, NULL, O_TYPE },
		{ "dump", no_argument, NULL, O_DUMP },
		{ "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	long long	n;
	int		c, rc;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":w:", longopts, NULL)) != -1) {
		switch (c) {
		case O_EXTRACT:
			break;
		case O_BASE:
			a->opts.base_url = optarg;
			break;
		case O_TYPE:
			a->opts.content_type = optarg;
			break;
		case O_DUMP:
			a->dump = 1;
			break;
		case 'w':
			if ((rc = cmd_number("--width", optarg, 2,
			    DUMP_MAX_WIDTH, &n)) != 0)
				return rc;
			a->width = (size_t)n;
			break;
		default:
			return cmd_option_error(c, "--extract", argv);
		}
	}
	if (a->width != 0 && !a->dump)
		return cmd_usage_error(_("--width goes with --extract --dump"));
	if (optind != argc - 1)
		return cmd_usage_error(optind == argc ? _("--extract needs a "
		    "FILE (or - for standard input)") : _("--extract takes one "
		    "FILE"));
	a->path = argv[optind];
	return 0;
}

/* Title, blank line, text. */
static void
print_text(const struct extract *x)
{
	printf("%s\n\n%s\n", x->title != NULL ? x->title : "", x->text);
}

/* The byline and date line, the date isolated so that its digits and
 * dashes keep their order in a right-to-left line. */
static void
add_byline(struct doc *d, const struct extract *x)
{
	struct block	*b;
	struct tm	 tm;
	time_t		 t = (time_t)x->published;
	char		 day[32];
	const char	*date = x->date;

	if (x->byline == NULL && x->date == NULL)
		return;
	if (x->published != 0 && gmtime_r(&t, &tm) != NULL &&
	    strftime(day, sizeof day, "%Y-%m-%d", &tm) > 0)
		date = day;
	b = doc_add_block(d, BLOCK_PARA);
	b->dir = x->dir;
	if (x->byline != NULL)
		block_add_utf8(b, x->byline, strlen(x->byline), ATTR_ITALIC, 1);
	if (x->byline != NULL && date != NULL)
		block_add_utf8(b, " \xc2\xb7 ", 4, ATTR_ITALIC, 1);
	if (date != NULL) {
		block_add(b, 0x2068, ATTR_ITALIC);	/* FSI */
		block_add_utf8(b, date, strlen(date), ATTR_ITALIC, 1);
		block_add(b, 0x2069, ATTR_ITALIC);	/* PDI */
	}
}

/* The article as a document: title, byline and date, then the HTML. */
static struct doc *
article_doc(const struct extract *x, const char *base, char **cause)
{
	struct doc	*d = doc_create();

	if (x->title != NULL)
		d->title = xstrdup(x->title);
	article_add_title(d);
	add_byline(d, x);
	if (html_to_doc(x->html, strlen(x->html), base, d, cause) == -1) {
		doc_free(d);
		return NULL;
	}
	return d;
}

/* Lay the article out as the reader pane does and print it. */
static int
print_dump(const struct extract *x, const struct extract_args *a)
{
	struct render_opts	 o = { 0 };
	struct dump		 out = { 0 };
	struct rows		 rows = { 0 };
	struct doc		*d;
	char			*cause = NULL;
	size_t			 i;
	int			 rc = 0;

	if ((d = article_doc(x, a->opts.base_url, &cause)) == NULL) {
		cmd_warn("%s: %s", a->path, cause);
		free(cause);
		return 1;
	}
	o.width = a->width != 0 ? a->width : dump_default_width();
	o.shaping = 1;
	out.out = stdout;
	for (i = 0; i < d->nblocks && rc == 0; i++) {
		render_block(&d->blocks[i], i, i == 0, &o, &rows);
		if (dump_rows(&out, &rows) == -1)
			rc = 1;
		rows_reset(&rows);
	}
	rows_clear(&rows);
	buf_free(&out.line);
	doc_free(d);
	return rc;
}

/* "scheme://...": fetched (http and https) or refused, not a file. */
static int
is_url(const char *s)
{
	size_t	n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

	return n > 0 && strncmp(s + n, "://", 3) == 0;
}

/* The page at url, with the refresh's limits. */
static int
fetch_page(const char *url, struct extract *x, char **cause)
{
	struct fetch_opts	o;

	fetch_opts_default(&o);
	return extract_fetch(&o, url, x, cause);
}

/* The file again, for a retry of the extraction (extract_opts). */
static char *
reread_file(const void *arg, size_t *n)
{
	char	*s, *cause = NULL;

	if ((s = util_read_file(arg, EXTRACT_MAX_SIZE, n, &cause)) == NULL)
		free(cause);
	return s;
}

int
cmd_extract(int argc, char **argv)
{
	struct extract_args	 a;
	struct extract		 x;
	struct stat		 sb;
	char			*data, *cause = NULL;
	size_t			 len;
	int			 rc;

	memset(&a, 0, sizeof a);
	if ((rc = extract_parse_args(argc, argv, &a)) != 0)
		return rc;
	/* Plain text: the article's HTML would be written for nothing. */
	a.opts.text_only = !a.dump;
	if (is_url(a.path))
		rc = fetch_page(a.path, &x, &cause);
	else if ((data = util_read_file(a.path, EXTRACT_MAX_SIZE, &len,
	    &cause)) == NULL) {
		cmd_warn("%s", cause);
		free(cause);
		return 1;
	} else {
		/* data is freed before the page is parsed, a retry reads the
		 * file again: a regular file only (standard input, a pipe or
		 * /dev/stdin is kept, filtered: read again, it would give
		 * nothing or wait for ever) */
		if (strcmp(a.path, "-") != 0 && stat(a.path, &sb) == 0 &&
		    S_ISREG(sb.st_mode)) {
			a.opts.reread = reread_file;
			a.opts.reread_arg = a.path;
		}
		rc = extract_page_take(data, len, &a.opts, &x, &cause);
	}
#ifdef __GLIBC__
	/* The trees are freed: their pages go back before the output (and
	 * the exit) map what they map, not on top of them. */
	malloc_trim(0);
#endif
	if (rc == -1) {
		if (strcmp(a.path, "-") == 0)
			cmd_warn("%s", cause);
		else
			cmd_warn("%s: %s", a.path, cause);
		free(cause);
		return 1;
	}
	if (a.dump)
		rc = print_dump(&x, &a);
	else
		print_text(&x);
	extract_clear(&x);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "akhbar: %s\n",
		    _("write error on standard output"));
		rc = 1;
	}
	return rc;
}
