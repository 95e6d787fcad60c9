/*
 * cmd_dump.c - `akhbar --dump`: lays out one article with the same engine
 * as the reader pane and prints it. Plain text is laid out and written a
 * paragraph at a time, so memory stays bounded by the largest paragraph
 * plus the file; each row is written as soon as it is made, so a block
 * of many rows costs one.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "util.h"
#include "article.h"
#include "cmd.h"
#include "i18n.h"
#include "cmds.h"
#include "config.h"
#include "dump.h"
#include "render.h"
#include "text.h"


struct dump_run {
	struct render_opts	 opts;
	struct dump		 out;
	struct rows		 rows;
	size_t			 index;
	int			 failed;
	/* In colour: the config's keywords and highlight groups. */
	struct config		 cfg;
	struct matcher		**groups;
	struct theme_style	*styles;
};

/* Each row as soon as the layout has made it: none is kept, so a block
 * of 100,000 rows (a long <pre>) costs one row. */
static void
emit_row(const struct row *row, void *arg)
{
	struct dump_run	*r = arg;

	if (!r->failed && dump_row(&r->out, row) == -1)
		r->failed = 1;
}

/* Lay block b out, printing its rows; returns how many. */
static size_t
emit_block(struct dump_run *r, const struct block *b, size_t index,
    int first)
{
	size_t	n;

	r->rows.partial = 1;		/* room 0: every row dropped */
	r->rows.done = emit_row;
	r->rows.done_arg = r;
	n = render_block(b, index, first, &r->opts, &r->rows);
	rows_close(&r->rows);
	rows_reset(&r->rows);
	if (ferror(r->out.out))
		r->failed = 1;
	return n;
}

static void
emit_para(struct block *b, void *arg)
{
	struct dump_run	*r = arg;

	if (!r->failed)
		emit_block(r, b, r->index, r->index == 0);
	r->index++;
	block_clear(b);
}

size_t
dump_default_width(void)
{
	struct winsize	ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ,
	    &ws) == 0 && ws.ws_col >= 2)
		return ws.ws_col;
	return 80;
}

/* Lay out and print the article in data, which it frees (as soon as
 * the document is built: memory holds one or the other, not both);
 * returns the exit status. */
static int
dump_article(struct dump_run *r, const char *path, char *data, size_t len)
{
	struct doc	*d;
	char		*cause = NULL;
	size_t		 i, n;

	if (article_format(path, data, len) == ARTICLE_TEXT) {
		/* Blank rows come from render_block: only the first block
		 * of the output goes without one. */
		text_parse(data, len, emit_para, r);
		free(data);
		return r->failed;
	}
	d = article_parse(path, data, len, &cause);
	free(data);
	n = 0;
	if (d == NULL) {
		cmd_warn("%s: %s", path, cause);
		free(cause);
		return 1;
	}
	for (i = 0; i < d->nblocks && !r->failed; i++) {
		n = emit_block(r, &d->blocks[i], i, i == r->index);
		block_clear(&d->blocks[i]);	/* printed: not needed */
		/* Until something is printed, the next block is first (as
		 * in the reader: no blank row before the first rows). */
		if (r->index != (size_t)-1)
			r->index = n == 0 ? i + 1 : (size_t)-1;
	}
	doc_free(d);
	return r->failed;
}

/* In colour, the reader's keywords come too: the config's highlight
 * keywords into hl, its groups each with a matcher and a style, so each
 * group's cells show the group's colours. */
static void
dump_groups(struct dump_run *r, struct matcher *hl)
{
	struct config_hlgroup	*cg;
	size_t			 g, i, n;

	config_init(&r->cfg);
	config_load(&r->cfg, NULL);
	for (i = 0; i < r->cfg.nhighlight; i++)
		matcher_add(hl, r->cfg.highlight[i], NULL);
	n = r->cfg.nhlgroups < ATTR_GROUP_MAX ? r->cfg.nhlgroups :
	    ATTR_GROUP_MAX;
	r->groups = xcalloc(n + 1, sizeof *r->groups);
	r->styles = xcalloc(n + 1, sizeof *r->styles);
	for (g = 0; g < n; g++) {
		cg = &r->cfg.hlgroups[g];
		r->groups[g] = matcher_create();
		for (i = 0; i < cg->nwords; i++)
			if (matcher_add(r->groups[g], cg->words[i], NULL) == 0)
				matcher_add(hl, cg->words[i], NULL);
		r->styles[g] = (struct theme_style){ cg->fg, cg->bg,
		    cg->attrs, 1 };
	}
	r->opts.groups = (const struct matcher *const *)r->groups;
	r->opts.ngroups = n;
	r->out.groups = r->styles;
	r->out.ngroups = n;
}

static void
dump_groups_free(struct dump_run *r)
{
	size_t	g;

	for (g = 0; g < r->opts.ngroups; g++)
		matcher_free(r->groups[g]);
	free(r->groups);
	free(r->styles);
	if (r->groups != NULL)
		config_free(&r->cfg);
}

struct dump_args {
	const char	*color;
	const char	*theme;
	const char	*path;
};

/* Parse the options of --dump into r, hl and a; returns 0, or the exit
 * status of a usage error. */
static int
dump_parse_args(int argc, char **argv, struct dump_run *r,
    struct matcher *hl, struct dump_args *a)
{
	enum { O_DUMP = 256, O_DIRECTION, O_SHAPING, O_COLOR, O_HIGHLIGHT,
	    O_THEME };
	static const struct option longopts[] = {
		{ "dump", no_argument, NULL, O_DUMP },
		{ "width", required_argument, NULL, 'w' },
		{ "direction", required_argument, NULL, O_DIRECTION },
		{ "shaping", required_argument, NULL, O_SHAPING },
		{ "color", required_argument, NULL, O_COLOR },
		{ "colour", required_argument, NULL, O_COLOR },
		{ "highlight", required_argument, NULL, O_HIGHLIGHT },
		{ "theme", required_argument, NULL, O_THEME },
		{ NULL, 0, NULL, 0 }
	};
	char		*cause = NULL;
	long long	 n;
	int		 c, rc;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":w:", longopts, NULL)) != -1) {
		switch (c) {
		case O_DUMP:
			break;
		case 'w':
			if ((rc = cmd_number("--width", optarg, 2,
			    DUMP_MAX_WIDTH, &n)) != 0)
				return rc;
			r->opts.width = (size_t)n;
			break;
		case O_DIRECTION:
			if (strcmp(optarg, "auto") == 0)
				r->opts.dir = DIR_AUTO;
			else if (strcmp(optarg, "ltr") == 0)
				r->opts.dir = DIR_LTR;
			else if (strcmp(optarg, "rtl") == 0)
				r->opts.dir = DIR_RTL;
			else
				return cmd_usage_error(_("bad --direction '%s': "
				    "want auto, ltr or rtl"), optarg);
			break;
		case O_SHAPING:
			if (strcmp(optarg, "on") != 0 &&
			    strcmp(optarg, "off") != 0)
				return cmd_usage_error(_("bad --shaping '%s': "
				    "want on or off"), optarg);
			r->opts.shaping = strcmp(optarg, "on") == 0;
			break;
		case O_COLOR:
			if (strcmp(optarg, "auto") != 0 &&
			    strcmp(optarg, "always") != 0 &&
			    strcmp(optarg, "never") != 0)
				return cmd_usage_error(_("bad --color '%s': "
				    "want auto, always or never"), optarg);
			a->color = optarg;
			break;
		case O_HIGHLIGHT:
			if (matcher_add(hl, optarg, &cause) == -1) {
				rc = cmd_usage_error(_("bad --highlight '%s': "
				    "%s"), optarg, cause);
				free(cause);
				return rc;
			}
			break;
		case O_THEME:
			if ((rc = cmd_theme_check(optarg)) != 0)
				return rc;
			a->theme = optarg;
			break;
		default:
			return cmd_option_error(c, "--dump", argv);
		}
	}
	if (optind != argc - 1)
		return cmd_usage_error(optind == argc ? _("--dump needs a FILE "
		    "(or - for standard input)") : _("--dump takes one FILE"));
	a->path = argv[optind];
	return 0;
}

int
cmd_dump(int argc, char **argv)
{
	struct dump_run		 r;
	struct dump_args	 a = { "auto", "default", NULL };
	struct matcher		*hl;
	struct theme		*theme = NULL;
	char			*data, *cause = NULL;
	size_t			 len;
	int			 rc;

	memset(&r, 0, sizeof r);
	r.opts.shaping = 1;
	hl = matcher_create();
	if ((rc = dump_parse_args(argc, argv, &r, hl, &a)) != 0) {
		matcher_free(hl);
		return rc;
	}
	if (r.opts.width == 0)
		r.opts.width = dump_default_width();
	if (strcmp(a.color, "always") == 0 || (strcmp(a.color, "auto") == 0 &&
	    isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL)) {
		theme = xmalloc(sizeof *theme);
		if (theme_load(theme, a.theme, &cause) == -1) {
			cmd_warn("%s", cause);
			free(cause);
			free(theme);
			matcher_free(hl);
			return 1;
		}
		dump_groups(&r, hl);
	}
	r.opts.highlight = matcher_count(hl) > 0 ? hl : NULL;
	r.out.out = stdout;
	r.out.theme = theme;
	if ((data = util_read_file(a.path, ARTICLE_MAX_SIZE, &len,
	    &cause)) == NULL) {
		cmd_warn("%s", cause);
		free(cause);
		rc = 1;
	} else {
		rc = dump_article(&r, strcmp(a.path, "-") == 0 ? NULL : a.path,
		    data, len);
	}
	if (cmd_stdout_check() != 0)
		rc = 1;
	buf_free(&r.out.line);
	rows_clear(&r.rows);
	dump_groups_free(&r);
	matcher_free(hl);
	free(theme);
	return rc;
}
