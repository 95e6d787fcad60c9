/*
 * cmd_export.c - `akhbar [-c CACHE.db] --export DIR`: writes every saved
 * article of the store into DIR in the saved format (saved.h). Running it
 * again writes only what is new: a file with the same content is left
 * alone, a different article whose name is taken gets "-2", "-3"...
 * The files are written by export_article(), as the reader's `s` does.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "cmds.h"
#include "export.h"
#include "store.h"
#include "util.h"

/* The saved articles' headers, copied out of the store's callback. */
struct export_list {
	struct store_article	*v;
	size_t			 n;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static int
collect(const struct store_article *a, void *arg)
{
	struct export_list	*l = arg;
	struct store_article	*it;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	it = &l->v[l->n++];
	*it = *a;
	it->title = dup_or_null(a->title);
	it->feed_title = dup_or_null(a->feed_title);
	it->author = dup_or_null(a->author);
	it->link = dup_or_null(a->link);
	return 0;
}

static void
export_list_free(struct export_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		free((char *)l->v[i].title);
		free((char *)l->v[i].feed_title);
		free((char *)l->v[i].author);
		free((char *)l->v[i].link);
	}
	free(l->v);
}

/* Write each article of l into dir; counts go to *written, *same. */
static int
export_all(struct store *st, struct export_list *l, const char *dir,
    size_t *written, size_t *same)
{
	size_t	 i;
	char	*cause = NULL;
	int	 rc, failed = 0;

	for (i = 0; i < l->n; i++) {
		rc = export_article(st, &l->v[i], dir, NULL, &cause);
		if (rc == -1) {
			cmd_warn("%s", cause);
			free(cause);
			cause = NULL;
			failed = 1;
		} else if (rc == 0)
			(*written)++;
		else
			(*same)++;
	}
	return failed;
}

int
cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "export", required_argument, NULL, 'E' },
		{ "cache", required_argument, NULL, 'c' },
		{ "urls", required_argument, NULL, 'u' },
		{ "config", required_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_filter	 filter = { 0 };
	struct export_list	 l = { 0 };
	struct store		*st;
	const char		*dir = NULL;
	char			*cache = NULL, *cause = NULL;
	size_t			 written = 0, same = 0;
	int			 c, rc = 1;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":u:c:C:", longopts, NULL)) != -1) {
		switch (c) {
		case 'E':
			dir = optarg;
			break;
		case 'c':
			free(cache);
			cache = xstrdup(optarg);
			break;
		case 'u':
		case 'C':
			break;	/* not used by --export */
		default:
			free(cache);
			return cmd_option_error(c, "--export", argv);
		}
	}
	if (optind < argc) {
		free(cache);
		return cmd_usage_error(_("--export: unexpected argument '%s'"),
		    argv[optind]);
	}
	if (dir == NULL || dir[0] == '\0') {
		free(cache);
		return cmd_usage_error(_("--export needs a DIR"));
	}
	if (cache == NULL)
		cache = store_default_path();
	/* Exporting from a store that is not there must not create one. */
	if ((st = cmd_store_open(cache)) == NULL) {
		free(cache);
		return 1;
	}
	if (export_make_dir(dir, &cause) == -1) {
		cmd_warn("%s", cause);
		free(cause);
		store_close(st);
		free(cache);
		return 1;
	}
	filter.saved_only = 1;
	if (store_articles(st, &filter, collect, &l, &cause) == -1) {
		cmd_warn("%s", cause);
		free(cause);
	} else
		rc = export_all(st, &l, dir, &written, &same);
	store_close(st);
	export_list_free(&l);
	free(cache);
	printf(ngettext("%zu saved article: %zu written, %zu unchanged\n",
	    "%zu saved articles: %zu written, %zu unchanged\n", l.n), l.n,
	    written, same);
	if (cmd_stdout_check() != 0)
		rc = 1;
	return rc;
}
