/*
 * export.c - a stored article to a saved file. The header comes from the
 * store's article row, the Tags header from its categories ("a|b" ->
 * "a, b"), the body as stored; saved_write() names and writes the file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"
#include "export.h"
#include "saved.h"

int
export_make_dir(const char *dir, char **cause)
{
	char	*p = xstrdup(dir), *q;
	int	 rc = 0;

	for (q = p + 1; *q != '\0' && rc == 0; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST)
			rc = -1;
		else
			*q = '/';
	}
	if (rc == 0 && mkdir(p, 0700) == -1 && errno != EEXIST)
		rc = -1;
	if (rc == -1)
		*cause = xasprintf("%s: %s", p, strerror(errno));
	free(p);
	return rc;
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

/* s, or NULL for an empty string (borrowed). */
static const char *
present(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

int
export_article(struct store *st, const struct store_article *a,
    const char *dir, char **path, char **cause)
{
	return export_article_text(st, a, 0, dir, path, cause);
}

int
export_article_text(struct store *st, const struct store_article *a,
    int full, const char *dir, char **path, char **cause)
{
	struct store_fulltext	 f;
	struct store_body	 body;
	struct saved_meta	 m;
	char			*tags;
	int			 rc;

	if (path != NULL)
		*path = NULL;
	memset(&body, 0, sizeof body);
	if (store_article_body(st, a->id, &body, cause) == -1)
		return -1;
	if (full) {
		/* the page's article in place of the feed's text */
		if ((rc = store_fulltext_get(st, a->id, &f, cause)) == -1 ||
		    f.content == NULL) {
			if (rc != -1)
				*cause = xstrdup("no full text stored");
			store_fulltext_clear(&f);
			store_body_clear(&body);
			return -1;
		}
		free(body.content);
		body.content = f.content;
		body.content_html = 1;
		f.content = NULL;
		store_fulltext_clear(&f);
	}
	tags = tags_of(body.categories);
	memset(&m, 0, sizeof m);
	m.title = (char *)present(a->title);
	m.feed = (char *)present(a->feed_title);
	m.author = (char *)present(a->author);
	m.link = (char *)present(a->link);
	m.tags = tags;
	m.enclosure = saved_enclosure(body.enclosure, body.enclosure_type,
	    body.enclosure_length);
	m.date = a->date;
	rc = saved_write(dir, &m, body.content != NULL ? body.content : "",
	    body.content != NULL ? strlen(body.content) : 0,
	    body.content_html, path, cause);
	free(tags);
	free(m.enclosure);
	store_body_clear(&body);
	return rc;
}
