/*
 * source.c - the list pane's rows and the reader's documents, from the
 * store or from article files. Times are UTC seconds; they are shown in
 * local time. Strings are copied out of the store's borrowed callbacks.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "util.h"
#include "article.h"
#include "source.h"
#include "store.h"
#include "urls.h"

static char *
dup_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

static struct item *
add_item(struct source *s, enum item_type type)
{
	struct item	*it;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	it = &s->v[s->n++];
	memset(it, 0, sizeof *it);
	it->type = type;
	return it;
}

static void
clear_items(struct source *s)
{
	size_t		 i;
	struct item	*it;

	for (i = 0; i < s->n; i++) {
		it = &s->v[i];
		free(it->title);
		free(it->feed);
		free(it->author);
		free(it->link);
		free(it->tags);
		free(it->error);
		free(it->path);
	}
	s->n = 0;
}

void
source_init_store(struct source *s, struct store *st, const struct urls *u)
{
	memset(s, 0, sizeof *s);
	s->st = st;
	s->urls = u;
	s->kind = SOURCE_FEEDS;
}

void
source_free(struct source *s)
{
	clear_items(s);
	free(s->v);
	free(s->title);
	memset(s, 0, sizeof *s);
}

static int
has_suffix(const char *path, const char *suffix)
{
	size_t	n = strlen(path), k = strlen(suffix);

	return n >= k && strcasecmp(path + n - k, suffix) == 0;
}

static int
is_article_file(const char *path)
{
	return has_suffix(path, ".txt") || has_suffix(path, ".html") ||
	    has_suffix(path, ".htm");
}

/* The title of an article file: its document title, else first line. */
static char *
file_title(const char *path)
{
	char		*data, *cause = NULL, *t = NULL;
	size_t		 len, k;
	struct doc	*d;

	if ((data = util_read_file(path, ARTICLE_MAX_SIZE, &len, &cause)) ==
	    NULL) {
		free(cause);
		return NULL;
	}
	if (article_is_html(path, data, len)) {
		if ((d = article_parse(path, data, len, &cause)) != NULL &&
		    d->title != NULL && *d->title != '\0')
			t = xstrdup(d->title);
		doc_free(d);
		free(cause);
	}
	if (t == NULL) {
		k = strspn(data, " \t\r\n");
		t = xstrndup(data + k, strcspn(data + k, "\r\n"));
	}
	free(data);
	return t;
}

static void
add_file(struct source *s, const char *path)
{
	struct item	*it;
	const char	*base;

	it = add_item(s, ITEM_FILE);
	it->path = xstrdup(path);
	it->title = file_title(path);
	if (it->title == NULL || *it->title == '\0') {
		free(it->title);
		base = strrchr(path, '/');
		it->title = xstrdup(base != NULL ? base + 1 : path);
	}
	it->unread = 1;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the article files of folder dir, sorted. */
static void
add_dir(struct source *s, const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	char		**names = NULL, *p;
	size_t		 n = 0, i;
	struct stat	 sb;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !is_article_file(e->d_name))
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		if (stat(p, &sb) != 0 || !S_ISREG(sb.st_mode)) {
			free(p);
			continue;
		}
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = p;
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof *names, cmp_str);
	for (i = 0; i < n; i++) {
		add_file(s, names[i]);
		free(names[i]);
	}
	free(names);
}

size_t
source_init_files(struct source *s, char **paths, size_t n, char **cause)
{
	struct stat	sb;
	size_t		i;

	memset(s, 0, sizeof *s);
	s->kind = SOURCE_FILES;
	s->list_type = ITEM_FILE;
	s->title = xstrdup("Articles");
	for (i = 0; i < n; i++) {
		if (stat(paths[i], &sb) != 0) {
			if (cause != NULL && *cause == NULL)
				*cause = xasprintf("%s: not found", paths[i]);
			continue;
		}
		if (S_ISDIR(sb.st_mode))
			add_dir(s, paths[i]);
		else
			add_file(s, paths[i]);
	}
	return s->n;
}

/* The tags of a feed from the urls file, space separated, or NULL. */
static char *
feed_tags(const struct urls *u, const char *url)
{
	struct buf	 b = { 0 };
	long		 i;
	size_t		 k;

	if (u == NULL || url == NULL || (i = urls_find(u, url)) < 0)
		return NULL;
	for (k = 0; k < u->v[i].ntags; k++) {
		if (b.len > 0)
			buf_putc(&b, ' ');
		buf_puts(&b, u->v[i].tags[k]);
	}
	return b.data;
}

static int
feed_cb(const struct store_feed *f, void *arg)
{
	struct source	*s = arg;
	struct item	*it;

	it = add_item(s, ITEM_FEED);
	it->id = f->id;
	it->title = xstrdup(f->title != NULL && *f->title != '\0' ?
	    f->title : f->url);
	it->link = dup_or_null(f->link);
	it->path = dup_or_null(f->url);
	it->error = dup_or_null(f->last_error);
	it->tags = feed_tags(s->urls, f->url);
	it->n_unread = f->unread;
	it->n_total = f->total;
	it->date = f->last_fetch;
	return 0;
}

static void
add_virtual(struct source *s, enum item_type type, const char *title)
{
	struct store_filter	 fl;
	struct item		*it;

	it = add_item(s, type);
	it->title = xstrdup(title);
	memset(&fl, 0, sizeof fl);
	fl.saved_only = type == ITEM_SAVED;
	it->n_total = store_count(s->st, &fl, NULL);
	fl.unread_only = 1;
	it->n_unread = store_count(s->st, &fl, NULL);
	if (type == ITEM_UNREAD)
		it->n_total = it->n_unread;
}

int
source_load_feeds(struct source *s, char **cause)
{
	clear_items(s);
	s->kind = SOURCE_FEEDS;
	free(s->title);
	s->title = xstrdup("Feeds");
	add_virtual(s, ITEM_ALL, "All articles");
	add_virtual(s, ITEM_UNREAD, "Unread");
	add_virtual(s, ITEM_SAVED, "Saved");
	return store_feeds(s->st, feed_cb, s, cause);
}

static int
article_cb(const struct store_article *a, void *arg)
{
	struct source	*s = arg;
	struct item	*it;

	it = add_item(s, ITEM_ARTICLE);
	it->id = a->id;
	it->feed_id = a->feed_id;
	it->title = xstrdup(a->title != NULL ? a->title : "");
	it->feed = dup_or_null(a->feed_title);
	it->author = dup_or_null(a->author);
	it->link = dup_or_null(a->link);
	it->date = a->date;
	it->unread = a->unread;
	it->saved = a->saved;
	return 0;
}

int
source_load_articles(struct source *s, const struct item *it,
    char **cause)
{
	char	*title = xstrdup(it->title != NULL ? it->title : "");

	s->kind = SOURCE_ARTICLES;
	s->list_type = it->type;
	s->feed_id = it->type == ITEM_FEED ? it->id : 0;
	free(s->title);
	s->title = title;
	return source_reload(s, cause);
}

int
source_reload(struct source *s, char **cause)
{
	struct store_filter	fl;

	if (s->kind == SOURCE_FILES)
		return 0;
	if (s->kind == SOURCE_FEEDS)
		return source_load_feeds(s, cause);
	clear_items(s);
	memset(&fl, 0, sizeof fl);
	fl.feed_id = s->feed_id;
	fl.unread_only = s->list_type == ITEM_UNREAD;
	fl.saved_only = s->list_type == ITEM_SAVED;
	return store_articles(s->st, &fl, article_cb, s, cause);
}

long
source_find(const struct source *s, enum item_type type, int64_t id)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].type == type && s->v[i].id == id)
			return (long)i;
	return -1;
}

/* Append a header line "label value" to d. */
static void
header_line(struct doc *d, const char *label, const char *value,
    uint16_t attr)
{
	struct block	*b;

	if (value == NULL || *value == '\0')
		return;
	b = doc_add_block(d, BLOCK_PARA);
	b->tight = 1;
	b->dir = DIR_AUTO;
	block_add_utf8(b, label, strlen(label), ATTR_BOLD, 0);
	block_add_utf8(b, " ", 1, 0, 0);
	b->hang = strlen(label) + 1;
	block_add_utf8(b, value, strlen(value), attr, 1);
	doc_drop_empty(d);
}

static void
format_date(int64_t t, char *out, size_t n)
{
	time_t		tt = (time_t)t;
	struct tm	tm;

	if (t <= 0 || localtime_r(&tt, &tm) == NULL)
		snprintf(out, n, "%s", "");
	else
		strftime(out, n, "%Y-%m-%d %H:%M", &tm);
}

/* Move the blocks and links of body (freed) to the end of d. */
static void
doc_append(struct doc *d, struct doc *body, size_t from)
{
	struct block	*b;
	size_t		 i;

	for (i = from; i < body->nblocks; i++) {
		b = doc_add_block(d, body->blocks[i].type);
		*b = body->blocks[i];
		if (i == from)
			b->tight = 0;
	}
	body->nblocks = 0;
	d->links = body->links;
	d->nlinks = body->nlinks;
	body->links = NULL;
	body->nlinks = 0;
	doc_free(body);
}

static struct doc *
file_doc(const struct item *it, char **cause)
{
	char	*data;
	size_t	 len;
	struct doc *d;

	if ((data = util_read_file(it->path, ARTICLE_MAX_SIZE, &len,
	    cause)) == NULL)
		return NULL;
	d = article_parse(it->path, data, len, cause);
	free(data);
	return d;
}

struct doc *
source_doc(struct source *s, size_t i, char **cause)
{
	struct item		*it;
	struct store_body	 body;
	struct doc		*d, *b;
	struct block		*t;
	char			 date[64];

	if (i >= s->n) {
		*cause = xstrdup("no such item");
		return NULL;
	}
	it = &s->v[i];
	if (it->type == ITEM_FILE)
		return file_doc(it, cause);
	d = doc_create();
	t = doc_add_block(d, BLOCK_HEADING);
	block_add_utf8(t, it->title, strlen(it->title), 0, 1);
	doc_drop_empty(d);
	if (it->type != ITEM_ARTICLE) {
		header_line(d, "Error:", it->error, 0);
		header_line(d, "Tags:", it->tags, 0);
		header_line(d, "Link:", it->link, ATTR_LINK);
		return d;
	}
	format_date(it->date, date, sizeof date);
	header_line(d, "Feed:", it->feed, 0);
	header_line(d, "Author:", it->author, 0);
	header_line(d, "Date:", date, 0);
	header_line(d, "Link:", it->link, ATTR_LINK);
	memset(&body, 0, sizeof body);
	if (store_article_body(s->st, it->id, &body, cause) == -1) {
		doc_free(d);
		return NULL;
	}
	b = article_parse(body.content_html ? "body.html" : "body.txt",
	    body.content != NULL ? body.content : "",
	    body.content != NULL ? strlen(body.content) : 0, cause);
	store_body_clear(&body);
	if (b == NULL) {
		doc_free(d);
		return NULL;
	}
	/* The body's own title block repeats the header's. */
	doc_append(d, b, b->title != NULL && b->nblocks > 0 &&
	    b->blocks[0].type == BLOCK_HEADING && b->blocks[0].level == 0);
	return d;
}

const char *
source_link(const struct source *s, size_t i)
{
	return i < s->n ? s->v[i].link : NULL;
}

int
source_set_unread(struct source *s, size_t i, int unread, char **cause)
{
	struct item	*it;

	if (i >= s->n || (s->v[i].type != ITEM_ARTICLE &&
	    s->v[i].type != ITEM_FILE))
		return 0;
	it = &s->v[i];
	if (it->type == ITEM_ARTICLE && store_set_unread(s->st, it->id,
	    unread, cause) == -1)
		return -1;
	it->unread = unread;
	return 0;
}

int
source_set_saved(struct source *s, size_t i, int saved, char **cause)
{
	struct item	*it;

	if (i >= s->n || (s->v[i].type != ITEM_ARTICLE &&
	    s->v[i].type != ITEM_FILE))
		return 0;
	it = &s->v[i];
	if (it->type == ITEM_ARTICLE && store_set_saved(s->st, it->id,
	    saved, cause) == -1)
		return -1;
	it->saved = saved;
	return 0;
}

int
source_mark_read(struct source *s, int64_t feed_id, char **cause)
{
	size_t	i;

	if (s->st != NULL && store_feed_mark_read(s->st, feed_id, cause) ==
	    -1)
		return -1;
	for (i = 0; i < s->n; i++)
		if (feed_id == 0 || s->v[i].feed_id == feed_id)
			s->v[i].unread = 0;
	return 0;
}
