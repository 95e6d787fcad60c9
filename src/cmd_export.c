/*
 * cmd_export.c - `akhbar [-c CACHE.db] --export DIR`: writes every saved
 * article of the store into DIR in the saved format (saved.h). Running it
 * again writes only what is new: a file with the same content is left
 * alone, a different article whose name is taken gets "-2", "-3"...
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "cmds.h"
#include "saved.h"
#include "store.h"
#include "util.h"

/* An article header copied out of the store's callback. */
struct export_item {
	int64_t			 id;
	struct saved_meta	 meta;
};

struct export_list {
	struct export_item	*v;
	size_t			 n;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL && s[0] != '\0' ? xstrdup(s) : NULL;
}

static int
collect(const struct store_article *a, void *arg)
{
	struct export_list	*l = arg;
	struct export_item	*it;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	it->id = a->id;
	it->meta.title = dup_or_null(a->title);
	it->meta.feed = dup_or_null(a->feed_title);
	it->meta.author = dup_or_null(a->author);
	it->meta.link = dup_or_null(a->link);
	it->meta.date = a->date;
	return 0;
}

/* "a|b|c" categories as "a, b, c" tags, or NULL. Caller frees. */
static char *
tags_of(const char *categories)
{
	struct buf	 b = { 0 };
	const char	*p;

	if (categories == NULL || categories[0] == '\0')
		return NULL;
	for (p = categories; *p != '\0'; p++) {
		if (*p == '|')
			buf_puts(&b, ", ");
		else
			buf_putc(&b, *p);
	}
	buf_grow(&b, 0);
	b.data[b.len] = '\0';
	return b.data;
}

/* mkdir -p; returns 0 or -1 with errno. */
static int
make_dirs(const char *path)
{
	char	*p = xstrdup(path), *s;
	int	 rc = 0;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0777) == -1 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/* Write each article of l into dir; counts go to *written, *same. */
static int
export_all(struct store *st, struct export_list *l, const char *dir,
    size_t *written, size_t *same)
{
	struct store_body	 body;
	size_t			 i;
	char			*cause = NULL;
	int			 rc, failed = 0;

	for (i = 0; i < l->n; i++) {
		memset(&body, 0, sizeof body);
		if (store_article_body(st, l->v[i].id, &body, &cause) == -1) {
			cmd_warn("%s", cause);
			free(cause);
			cause = NULL;
			failed = 1;
			continue;
		}
		l->v[i].meta.tags = tags_of(body.categories);
		rc = saved_write(dir, &l->v[i].meta, body.content,
		    body.content != NULL ? strlen(body.content) : 0,
		    body.content_html, NULL, &cause);
		store_body_clear(&body);
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
	size_t			 i, written = 0, same = 0;
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
	if (optind < argc || dir == NULL || dir[0] == '\0') {
		free(cache);
		return cmd_usage_error(optind < argc ? "--export: unexpected "
		    "argument '%s'" : "--export needs a DIR%s", optind < argc ?
		    argv[optind] : "");
	}
	if (cache == NULL)
		cache = store_default_path();
	/* Exporting from a store that is not there must not create one. */
	if ((st = cmd_store_open(cache)) == NULL) {
		free(cache);
		return 1;
	}
	if (make_dirs(dir) == -1) {
		cmd_warn("%s: %s", dir, strerror(errno));
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
	for (i = 0; i < l.n; i++)
		saved_meta_clear(&l.v[i].meta);
	free(l.v);
	free(cache);
	printf("%zu saved article%s: %zu written, %zu unchanged\n", l.n,
	    l.n == 1 ? "" : "s", written, same);
	if (cmd_stdout_check() != 0)
		rc = 1;
	return rc;
}
