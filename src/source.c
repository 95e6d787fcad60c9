/*
 * source.c - the list pane's rows and the reader's documents, from the
 * store or from article files. Times are UTC seconds; they are shown in
 * local time. Strings are copied out of the store's borrowed callbacks.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "util.h"
#include "article.h"
#include "export.h"
#include "folder.h"
#include "match.h"
#include "saved.h"
#include "source.h"
#include "store.h"
#include "urls.h"
#include "utf8.h"
#include "ldate.h"
#include "i18n.h"

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
free_item(struct item *it)
{
	free(it->title);
	free(it->feed);
	free(it->author);
	free(it->link);
	free(it->tags);
	free(it->error);
	free(it->path);
}

static void
page_free(struct source_page *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		free_item(&p->v[i]);
	free(p->v);
	memset(p, 0, sizeof *p);
}

static void
clear_items(struct source *s)
{
	size_t		 i;

	if (s->paged) {
		for (i = 0; i < SOURCE_PAGES; i++)
			page_free(&s->pages[i]);
		free(s->ids);
		s->ids = NULL;
		s->paged = 0;
	} else
		for (i = 0; i < s->n; i++)
			free_item(&s->v[i]);
	s->n = 0;
	s->gen++;
}

/* An article's row from its header. */
static void
fill_article(struct item *it, const struct store_article *a)
{
	memset(it, 0, sizeof *it);
	it->type = ITEM_ARTICLE;
	it->id = a->id;
	it->feed_id = a->feed_id;
	it->title = xstrdup(a->title != NULL ? a->title : "");
	it->feed = dup_or_null(a->feed_title);
	it->author = dup_or_null(a->author);
	it->link = dup_or_null(a->link);
	it->date = a->date;
	it->unread = a->unread;
	it->saved = a->saved;
	it->hl = -1;
}

static int
page_cb(const struct store_article *a, void *arg)
{
	struct source_page	*p = arg;

	fill_article(&p->v[p->n++], a);
	return 0;
}

/*
 * The item at index i of a paged list: from the page holding it, else
 * a page loaded into a free slot or in place of the page used least
 * recently. The headers are looked up by id (about 2 us each: 1 ms a
 * page). A store failure leaves rows with only their ids, so the list
 * keeps its length.
 */
static struct item *
page_item(struct source *s, size_t i)
{
	struct source_page	*p, *slot = NULL;
	char			*cause = NULL;
	size_t			 k, first;

	for (k = 0; k < SOURCE_PAGES; k++) {
		p = &s->pages[k];
		if (p->n > 0 && i >= p->first && i < p->first + p->n) {
			p->used = ++s->clock;
			return &p->v[i - p->first];
		}
		if (slot == NULL || p->n == 0 || (slot->n > 0 &&
		    p->used < slot->used))
			slot = p;
	}
	page_free(slot);
	first = i - i % SOURCE_PAGE;
	k = s->n - first < SOURCE_PAGE ? s->n - first : SOURCE_PAGE;
	slot->v = xcalloc(k, sizeof *slot->v);
	slot->first = first;
	if (store_articles_by_ids(s->st, s->ids + first, k, page_cb, slot,
	    &cause) == -1)
		free(cause);
	for (; slot->n < k; slot->n++) {	/* after a failure */
		slot->v[slot->n].type = ITEM_ARTICLE;
		slot->v[slot->n].id = s->ids[first + slot->n];
		slot->v[slot->n].title = xstrdup("");
		slot->v[slot->n].hl = -1;
	}
	slot->used = ++s->clock;
	return &slot->v[i - first];
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
	free(s->query);
	free(s->hl_ids);
	free(s->hl_bits);
	free(s->tag);
	free(s->tag_ids);
	folder_free(s->fo);
	memset(s, 0, sizeof *s);
}

size_t
source_init_files(struct source *s, char **paths, size_t n)
{
	struct item	*it;
	size_t		 i, count;

	memset(s, 0, sizeof *s);
	s->kind = SOURCE_FILES;
	s->list_type = ITEM_FILE;
	s->title = xstrdup(_("Articles"));
	s->fo = folder_open((const char *const *)paths, n);
	count = folder_count(s->fo);
	for (i = 0; i < count; i++) {
		it = add_item(s, ITEM_FILE);
		it->id = (int64_t)i;
		it->unread = 1;
		it->hl = -1;
		/* Standard input is read now, before the TUI takes it. */
		if (strcmp(folder_entry(s->fo, i)->path, "-") == 0)
			source_item(s, i);
	}
	return s->n;
}

static const char *
base_name(const char *path)
{
	const char	*b = strrchr(path, '/');

	return b != NULL && b[1] != '\0' ? b + 1 : path;
}

struct item *
source_item(struct source *s, size_t i)
{
	struct item			*it;
	const struct folder_entry	*fe;
	char				*cause = NULL;

	if (s->paged)
		return page_item(s, i);
	it = &s->v[i];

	/* A feed's total takes a walk over all its articles: only for
	 * the rows drawn, so the first screen waits for those only. */
	if (it->type == ITEM_FEED && !it->counted && s->st != NULL) {
		it->counted = 1;
		if (store_feed_total(s->st, it->id, &it->n_total,
		    &cause) == -1)
			free(cause);
		return it;
	}
	if (it->type != ITEM_FILE || it->peeked || s->fo == NULL)
		return it;
	it->peeked = 1;
	fe = folder_info(s->fo, (size_t)it->id);
	it->path = xstrdup(fe->path);
	if (fe->error != NULL) {
		it->error = xstrdup(fe->error);
		it->title = xasprintf("\u26a0 %s \u2014 %s",
		    base_name(fe->path), fe->error);
	} else
		it->title = xstrdup(fe->title != NULL ? fe->title :
		    base_name(fe->path));
	it->feed = dup_or_null(fe->meta.feed);
	it->author = dup_or_null(fe->meta.author);
	it->link = dup_or_null(fe->meta.link);
	it->date = fe->meta.date > 0 ? fe->meta.date : fe->mtime;
	return it;
}

const struct item *
source_at(const struct source *s, size_t i)
{
	/* s itself is not const: only its cache of pages changes */
	return source_item((struct source *)s, i);
}

/* The tags of entry i of the urls file, space-separated, or NULL. */
static char *
feed_tags(const struct urls *u, long i)
{
	struct buf	 b = { 0 };
	size_t		 k;

	if (i < 0)
		return NULL;
	for (k = 0; k < u->v[i].ntags; k++) {
		if (b.len > 0)
			buf_putc(&b, ' ');
		buf_puts(&b, u->v[i].tags[k]);
	}
	return b.data;
}

/* Does entry i of the urls file have tag? */
static int
entry_has_tag(const struct urls *u, long i, const char *tag)
{
	size_t	k;

	for (k = 0; i >= 0 && k < u->v[i].ntags; k++)
		if (strcmp(u->v[i].tags[k], tag) == 0)
			return 1;
	return 0;
}

static int
feed_cb(const struct store_feed *f, void *arg)
{
	struct source	*s = arg;
	struct item	*it;
	long		 line;

	if (s->tag != NULL && (s->urls == NULL || f->url == NULL ||
	    !entry_has_tag(s->urls, urls_find(s->urls, f->url), s->tag)))
		return 0;
	it = add_item(s, ITEM_FEED);
	it->id = f->id;
	it->title = xstrdup(f->title != NULL && *f->title != '\0' ?
	    f->title : f->url);
	it->link = dup_or_null(f->link);
	it->path = dup_or_null(f->url);
	it->error = dup_or_null(f->last_error);
	line = s->urls != NULL && f->url != NULL ?
	    urls_find(s->urls, f->url) : -1;
	it->tags = feed_tags(s->urls, line);
	/* Feeds no longer in the urls file go after, in the store's order
	 * (by title). */
	it->rank = line >= 0 ? (size_t)line : (s->urls != NULL ?
	    s->urls->n : 0) + s->n;
	it->n_unread = f->unread;
	it->date = f->last_fetch;
	return 0;
}

/*
 * A virtual list. "Saved" is counted through its partial index and "All
 * articles" from the page counts of an index (SQLite's count(*) without
 * a WHERE); the unread counts are the sums of the feeds' (sum_unread()).
 */
static void
add_virtual(struct source *s, enum item_type type, const char *title)
{
	struct store_filter	 fl;
	struct item		*it;

	it = add_item(s, type);
	it->title = xstrdup(title);
	if (type == ITEM_UNREAD)
		return;
	memset(&fl, 0, sizeof fl);
	fl.saved_only = type == ITEM_SAVED;
	it->n_total = store_count(s->st, &fl, NULL);
	if (type == ITEM_SAVED) {
		fl.unread_only = 1;
		it->n_unread = store_count(s->st, &fl, NULL);
	}
}

/* "All articles" and "Unread": the unread articles of every feed (as
 * store_articles() lists only articles of a feed). */
static void
sum_unread(struct source *s)
{
	int64_t	 unread = 0;
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].type == ITEM_FEED)
			unread += s->v[i].n_unread;
	for (i = 0; i < s->n; i++)
		if (s->v[i].type == ITEM_ALL)
			s->v[i].n_unread = unread;
		else if (s->v[i].type == ITEM_UNREAD)
			s->v[i].n_total = s->v[i].n_unread = unread;
}

static int	hl_compute(struct source *s, int64_t total);
static int	hl_has(const struct source *s, int64_t id);
static int64_t	visible_total(struct source *s, const int64_t *ids,
		    size_t n);

/* "Highlighted", when there are keywords, with its total. total is the
 * number of articles ("All articles"' total), by which hl_compute()
 * knows whether the ids it has are still current. */
static void
add_highlighted(struct source *s, int64_t total)
{
	struct item	*it;

	if (s->hl == NULL)
		return;
	hl_compute(s, total);
	it = add_item(s, ITEM_HIGHLIGHTED);
	it->title = xstrdup(_("Highlighted"));
	it->n_total = visible_total(s, s->hl_ids, s->hl_n);
}

/*
 * The unread articles of "Highlighted", once the feeds' unread counts
 * are summed: a lookup for each of a few highlighted ids, else a walk
 * over the unread ids (an index walk, not the headers), each looked up
 * in the highlighted ones.
 */
static void
count_highlighted(struct source *s)
{
	struct item	*it = NULL;
	int64_t		*unread, n_unread = 0;
	size_t		 n, i;
	char		*cause = NULL;

	for (i = 0; i < s->n && it == NULL; i++)
		if (s->v[i].type == ITEM_HIGHLIGHTED)
			it = &s->v[i];
		else if (s->v[i].type == ITEM_UNREAD)
			n_unread = s->v[i].n_unread;
	if (it == NULL || s->hl_n == 0)
		return;
	if ((int64_t)s->hl_n * 16 <= n_unread) {
		if (store_unread_among(s->st, s->hl_ids, s->hl_n,
		    &it->n_unread, &cause) == -1)
			free(cause);
		return;
	}
	if (store_unread_ids(s->st, &unread, &n, &cause) == -1) {
		free(cause);
		return;
	}
	for (i = 0; i < n; i++)
		it->n_unread += hl_has(s, unread[i]);
	free(unread);
}

/*
 * The config's query lists, after "Highlighted": each an ITEM_SEARCH
 * (path: its search) with its total and unread counts from the search
 * index (store_search_ids(), then one unread lookup an id).
 */
static void
add_queries(struct source *s)
{
	struct item	*it;
	int64_t		*ids;
	size_t		 i, n;
	char		*cause = NULL;

	for (i = 0; i < s->nqueries; i++) {
		it = add_item(s, ITEM_SEARCH);
		it->title = xstrdup(s->query_names[i]);
		it->path = xstrdup(s->query_searches[i]);
		if (store_search_ids(s->st, s->query_searches[i], &ids, &n,
		    &cause) != 0) {
			it->error = cause;
			cause = NULL;
			continue;
		}
		it->n_total = visible_total(s, ids, n);
		if (store_unread_among(s->st, ids, n, &it->n_unread,
		    &cause) != 0) {
			free(cause);
			cause = NULL;
		}
		free(ids);
	}
}

/* "Ignored", when an ignore rule hides some article: they are listed
 * nowhere else. */
static void
add_ignored(struct source *s)
{
	struct item	*it;

	if (s->hidden <= 0)
		return;
	it = add_item(s, ITEM_IGNORED);
	it->title = xstrdup(_("Ignored"));
	it->n_total = s->hidden;
}

/* How many articles rules hide (s->hidden): the virtual lists whose
 * totals come from the search index take them off. */
static void
count_hidden(struct source *s)
{
	struct store_filter	 fl;
	char			*cause = NULL;

	memset(&fl, 0, sizeof fl);
	fl.ignored_only = 1;
	if ((s->hidden = store_count(s->st, &fl, &cause)) < 0) {
		free(cause);
		s->hidden = 0;
	}
}

/* n ids from the search index, less those a rule hides. */
static int64_t
visible_total(struct source *s, const int64_t *ids, size_t n)
{
	int64_t	 hidden = 0;
	char	*cause = NULL;

	if (s->hidden > 0 && store_hidden_among(s->st, ids, n, &hidden,
	    &cause) != 0) {
		free(cause);
		hidden = 0;
	}
	return (int64_t)n - hidden;
}

/* Feeds in the order of their rank (feed_cb()). */
static int
cmp_rank(const void *a, const void *b)
{
	const struct item	*x = a, *y = b;

	return (x->rank > y->rank) - (x->rank < y->rank);
}

size_t
source_set_tag(struct source *s, const char *tag)
{
	size_t	i, n = 0;

	if (tag == NULL) {
		free(s->tag);
		s->tag = NULL;
		return 0;
	}
	for (i = 0; s->urls != NULL && i < s->urls->n; i++)
		n += entry_has_tag(s->urls, (long)i, tag);
	if (n > 0) {
		free(s->tag);
		s->tag = xstrdup(tag);
	}
	return n;
}

char *
source_tags(const struct source *s, size_t max)
{
	struct buf	 b = { 0 };
	const char	*t;
	size_t		 i, k, j, l;
	int		 seen;

	for (i = 0; s->urls != NULL && i < s->urls->n; i++)
		for (k = 0; k < s->urls->v[i].ntags; k++) {
			t = s->urls->v[i].tags[k];
			seen = 0;
			for (j = 0; j <= i && !seen; j++)
				for (l = 0; l < s->urls->v[j].ntags &&
				    (j < i || l < k) && !seen; l++)
					seen = strcmp(s->urls->v[j].tags[l],
					    t) == 0;
			if (seen)
				continue;
			if (b.len + strlen(t) + 2 > max) {
				buf_puts(&b, ", ...");
				return b.data;
			}
			buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", t);
		}
	return b.data;
}

/* The tag view: "tag: TAG", then (by feed_cb()) only its feeds; the
 * virtual list's counts are the feeds' sums. */
static int
load_tag_view(struct source *s, char **cause)
{
	struct item	*tag;
	int64_t		 total;
	size_t		 i;

	tag = add_item(s, ITEM_TAG);
	tag->title = xasprintf(_("tag: %s"), s->tag);
	if (store_feeds(s->st, feed_cb, s, cause) == -1)
		return -1;
	tag = &s->v[0];		/* add_item() may have moved it */
	free(s->tag_ids);
	s->tag_ids = xcalloc(s->n, sizeof *s->tag_ids);
	s->ntag_ids = 0;
	for (i = 1; i < s->n; i++) {
		s->tag_ids[s->ntag_ids++] = s->v[i].id;
		tag->n_unread += s->v[i].n_unread;
		if (store_feed_total(s->st, s->v[i].id, &total, cause) == -1)
			return -1;
		tag->n_total += total;
	}
	if (!s->feed_sort_title && s->n > 2)
		qsort(s->v + 1, s->n - 1, sizeof *s->v, cmp_rank);
	return 0;
}

int
source_load_feeds(struct source *s, char **cause)
{
	size_t	first;

	clear_items(s);
	s->hl_fresh = 0;
	s->kind = SOURCE_FEEDS;
	free(s->title);
	if (s->tag != NULL) {
		s->title = xasprintf(_("Feeds tagged %s"), s->tag);
		return load_tag_view(s, cause);
	}
	s->title = xstrdup(_("Feeds"));
	count_hidden(s);
	add_virtual(s, ITEM_ALL, _("All articles"));
	add_virtual(s, ITEM_UNREAD, _("Unread"));
	add_virtual(s, ITEM_SAVED, _("Saved"));
	add_highlighted(s, s->v[0].n_total);
	add_queries(s);
	add_ignored(s);
	first = s->n;
	if (store_feeds(s->st, feed_cb, s, cause) == -1)
		return -1;
	if (!s->feed_sort_title && s->n - first > 1)
		qsort(s->v + first, s->n - first, sizeof *s->v, cmp_rank);
	sum_unread(s);
	count_highlighted(s);
	return 0;
}

static int
article_cb(const struct store_article *a, void *arg)
{
	struct source	*s = arg;

	fill_article(add_item(s, ITEM_ARTICLE), a);
	return 0;
}

static int
hl_article_cb(const struct store_article *a, void *arg)
{
	if (!hl_has(arg, a->id))
		return 0;
	return article_cb(a, arg);
}

int
source_load_articles(struct source *s, const struct item *it,
    char **cause)
{
	char	*title = xstrdup(it->title != NULL ? it->title : "");

	if (it->type == ITEM_SEARCH) {
		free(s->query);
		s->query = xstrdup(it->path != NULL ? it->path : "");
	}
	s->kind = SOURCE_ARTICLES;
	s->list_type = it->type;
	s->feed_id = it->type == ITEM_FEED ? it->id : 0;
	free(s->title);
	s->title = title;
	return source_reload(s, cause);
}

void
source_refetch(struct source *s)
{
	size_t	i;

	for (i = 0; s->paged && i < SOURCE_PAGES; i++)
		page_free(&s->pages[i]);
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
	s->hl_fresh = 0;
	memset(&fl, 0, sizeof fl);
	fl.feed_id = s->feed_id;
	fl.unread_only = s->list_type == ITEM_UNREAD;
	fl.saved_only = s->list_type == ITEM_SAVED;
	fl.ignored_only = s->list_type == ITEM_IGNORED;
	if (s->list_type == ITEM_TAG) {
		if (s->ntag_ids == 0)
			return 0;
		fl.feed_ids = s->tag_ids;
		fl.nfeed_ids = s->ntag_ids;
	}
	if (s->list_type == ITEM_SEARCH)
		return store_search(s->st, s->query, &fl, article_cb, s,
		    cause);
	if (s->list_type == ITEM_HIGHLIGHTED) {
		if (s->hl == NULL)
			return 0;
		hl_compute(s, -1);
		return store_articles(s->st, &fl, hl_article_cb, s, cause);
	}
	/* Paged: the ids in order (8 bytes an article, from an index),
	 * headers a page at a time as rows are looked at. "All articles"
	 * of a million held every header: 530 MB and 2.7 s of CPU. */
	if (store_article_ids(s->st, &fl, &s->ids, &s->n, cause) == -1)
		return -1;
	s->paged = 1;
	return 0;
}

long
source_find(const struct source *s, enum item_type type, int64_t id)
{
	size_t	i;

	if (s->paged) {
		for (i = 0; type == ITEM_ARTICLE && i < s->n; i++)
			if (s->ids[i] == id)
				return (long)i;
		return -1;
	}
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
	b->hang = utf8_str_width(label) + 1;
	block_add_utf8(b, value, strlen(value), attr, 1);
	doc_drop_empty(d);
}

/* The header's date: the locale's when ld says so, else ISO. */
static void
format_date(struct ldate *ld, int64_t t, char *out, size_t n)
{
	time_t		tt = (time_t)t;
	struct tm	tm;

	if (ld != NULL)
		ldate_format(ld, t, (int64_t)time(NULL), LDATE_LONG, out, n);
	else if (t <= 0 || localtime_r(&tt, &tm) == NULL)
		snprintf(out, n, "%s", "");
	else
		strftime(out, n, "%Y-%m-%d %H:%M", &tm);
}

/* Move the blocks and links of body (freed) to the end of d. */
static void
doc_append(struct doc *d, struct doc *body, size_t from)
{
	size_t	n = d->nblocks;

	doc_move_blocks(d, body, from);
	if (d->nblocks > n)
		d->blocks[n].tight = 0;
	d->links = body->links;
	d->nlinks = body->nlinks;
	body->links = NULL;
	body->nlinks = 0;
	doc_free(body);
}

/* A document that says why a file cannot be shown. */
static struct doc *
error_doc(const char *path, const char *why)
{
	struct doc	*d = doc_create();
	struct block	*b;
	const char	*name = base_name(path);

	b = doc_add_block(d, BLOCK_HEADING);
	block_add_utf8(b, name, strlen(name), 0, 1);
	b = doc_add_block(d, BLOCK_PARA);
	b->dir = DIR_AUTO;
	block_add_utf8(b, "\u26a0 ", strlen("\u26a0 "), 0, 0);
	block_add_utf8(b, why, strlen(why), 0, 1);
	doc_drop_empty(d);
	return d;
}

static void article_header(struct ldate *, struct doc *, const char *,
    const char *, const char *, const char *, int64_t);

/* File i: the document; a saved file gets the header lines the store's
 * articles have, so a saved article looks as it did. */
static struct doc *
file_doc(struct source *s, struct item *it)
{
	struct saved_meta	 m;
	struct doc		*fd, *d;
	char			*cause = NULL;

	memset(&m, 0, sizeof m);
	if ((fd = folder_doc(s->fo, (size_t)it->id, &m, &cause)) == NULL) {
		d = error_doc(it->path, cause != NULL ? cause :
		    _("cannot be read"));
		free(cause);
		return d;
	}
	if (m.title == NULL) {
		saved_meta_clear(&m);
		return fd;
	}
	d = doc_create();
	article_header(s->dates, d, m.title, m.feed, m.author, m.link, m.date);
	header_line(d, _("Enclosure:"), m.enclosure, 0);
	saved_meta_clear(&m);
	doc_append(d, fd, fd->nblocks > 0 &&
	    fd->blocks[0].type == BLOCK_HEADING && fd->blocks[0].level == 0);
	return d;
}

/* The title block and header lines of an article. */
static void
article_header(struct ldate *ld, struct doc *d, const char *title,
    const char *feed, const char *author, const char *link, int64_t date)
{
	struct block	*t;
	char		 day[128];

	t = doc_add_block(d, BLOCK_HEADING);
	block_add_utf8(t, title, strlen(title), 0, 1);
	doc_drop_empty(d);
	format_date(ld, date, day, sizeof day);
	header_line(d, _("Feed:"), feed, 0);
	header_line(d, _("Author:"), author, 0);
	header_line(d, _("Date:"), day, 0);
	header_line(d, _("Link:"), link, ATTR_LINK);
}

/* The "Enclosure:" header line (URL, type, size), when the article has
 * an enclosure: the same line a saved file keeps. A store error only
 * leaves the line out; the body read next reports it. */
static void
article_enclosure(struct source *s, const struct item *it, struct doc *d)
{
	struct store_body	 body;
	char			*cause = NULL, *line;

	if (store_article_enclosure(s->st, it->id, &body, &cause) == -1) {
		free(cause);
		return;
	}
	line = saved_enclosure(body.enclosure, body.enclosure_type,
	    body.enclosure_length);
	header_line(d, _("Enclosure:"), line, 0);
	free(line);
	store_body_clear(&body);
}

/* direction= of the article's feed in the urls file: every block of the
 * body takes that base direction (the header keeps its own). */
static void
feed_direction(struct source *s, int64_t feed_id, struct doc *body)
{
	enum dir	 dir;
	char		*url;
	long		 i;
	size_t		 k;

	if (s->urls == NULL || (url = store_feed_url(s->st, feed_id)) == NULL)
		return;
	i = urls_find(s->urls, url);
	free(url);
	if (i < 0)
		return;
	switch (s->urls->v[i].opts.direction) {
	case URLS_DIR_RTL:
		dir = DIR_RTL;
		break;
	case URLS_DIR_LTR:
		dir = DIR_LTR;
		break;
	case URLS_DIR_AUTO:
		dir = DIR_AUTO;
		break;
	default:
		return;
	}
	for (k = 0; k < body->nblocks; k++)
		body->blocks[k].dir = dir;
}

/*
 * The article's full text in place of its body (full and one is
 * stored; *shown set), else its body with a line saying why the last
 * fetch of the full text failed, if it did.
 */
static struct doc *
article_text(struct source *s, const struct item *it, struct doc *d,
    int full, int *shown, char **cause)
{
	struct store_fulltext	 f;
	struct store_body	 body;
	struct doc		*b;
	char			*why;
	int			 have;

	*shown = 0;
	if ((have = store_fulltext_get(s->st, it->id, &f, cause)) == -1)
		return NULL;
	if (full && f.content != NULL) {
		b = article_parse("fulltext.html", f.content,
		    strlen(f.content), cause);
		if ((*shown = b != NULL))
			header_line(d, _("Text:"), _("the full article, from "
			    "its page (F: the feed's text)"), 0);
		store_fulltext_clear(&f);
		return b;
	}
	memset(&body, 0, sizeof body);
	if (store_article_body(s->st, it->id, &body, cause) == -1) {
		store_fulltext_clear(&f);
		return NULL;
	}
	b = article_parse(body.content_html ? "body.html" : "body.txt",
	    body.content != NULL ? body.content : "",
	    body.content != NULL ? strlen(body.content) : 0, cause);
	store_body_clear(&body);
	if (b != NULL && have == 1 && f.content == NULL && f.error != NULL) {
		why = xasprintf(_("not fetched: %s (F tries again)"),
		    f.error);
		header_line(d, _("Full text:"), why, 0);
		free(why);
	}
	store_fulltext_clear(&f);
	return b;
}

struct doc *
source_doc(struct source *s, size_t i, char **cause)
{
	return source_doc_text(s, i, 0, NULL, cause);
}

struct doc *
source_doc_text(struct source *s, size_t i, int full, int *shown,
    char **cause)
{
	struct item		*it;
	struct doc		*d, *b;
	struct block		*t;
	int			 is_full = 0;

	if (i >= s->n) {
		*cause = xstrdup("no such item");
		return NULL;
	}
	it = source_item(s, i);
	if (it->type == ITEM_FILE)
		return file_doc(s, it);
	if (it->type != ITEM_ARTICLE) {
		d = doc_create();
		t = doc_add_block(d, BLOCK_HEADING);
		block_add_utf8(t, it->title, strlen(it->title), 0, 1);
		doc_drop_empty(d);
		header_line(d, _("Error:"), it->error, 0);
		header_line(d, _("Tags:"), it->tags, 0);
		header_line(d, _("Link:"), it->link, ATTR_LINK);
		return d;
	}
	d = doc_create();
	article_header(s->dates, d, it->title, it->feed, it->author, it->link,
	    it->date);
	article_enclosure(s, it, d);
	if ((b = article_text(s, it, d, full, &is_full, cause)) == NULL) {
		doc_free(d);
		return NULL;
	}
	feed_direction(s, it->feed_id, b);
	if (shown != NULL)
		*shown = is_full;
	/* The body's own title block repeats the header's. */
	doc_append(d, b, b->title != NULL && b->nblocks > 0 &&
	    b->blocks[0].type == BLOCK_HEADING && b->blocks[0].level == 0);
	return d;
}

const char *
source_link(const struct source *s, size_t i)
{
	return i < s->n ? source_at(s, i)->link : NULL;
}

/* Is id among the sorted ids u[0..n)? */
static int
among(const int64_t *u, size_t n, int64_t id)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (u[mid] == id)
			return 1;
		if (u[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

long
source_next_unread(struct source *s, long i, int dir)
{
	int64_t		*u = NULL;
	uint8_t		*bits = NULL;
	int64_t		 max = 0;
	size_t		 nu = 0, k;
	char		*cause = NULL;
	long		 found = -1;

	/* near: the items themselves (a few pages at most) */
	for (k = 0; i >= 0 && (size_t)i < s->n && (!s->paged ||
	    k < UNREAD_NEAR); i += dir, k++) {
		if (source_at(s, (size_t)i)->unread)
			return i;
	}
	if (i < 0 || (size_t)i >= s->n)
		return -1;
	/* far in a paged list: the store's unread ids, then the list's ids
	 * in order, so that a list with none unread left is not read page
	 * by page (5 s at a million articles) */
	if (store_unread_ids(s->st, &u, &nu, &cause) == -1) {
		free(cause);
		for (; i >= 0 && (size_t)i < s->n; i += dir)
			if (source_at(s, (size_t)i)->unread)
				return i;
		return -1;
	}
	for (k = 0; k < nu; k++)
		if (u[k] > max)
			max = u[k];
	if (nu > 0 && max < UNREAD_BITS_MAX) {
		bits = xcalloc((size_t)max / 8 + 1, 1);
		for (k = 0; k < nu; k++)
			if (u[k] >= 0)
				bits[u[k] / 8] |= (uint8_t)(1 << (u[k] % 8));
	} else if (nu > 0)
		qsort(u, nu, sizeof *u, id_cmp);
	for (; nu > 0 && i >= 0 && (size_t)i < s->n; i += dir) {
		int64_t	id = s->ids[i];

		if (bits != NULL ? (id >= 0 && id <= max &&
		    (bits[id / 8] & (1 << (id % 8)))) : among(u, nu, id)) {
			found = i;
			break;
		}
	}
	free(bits);
	free(u);
	return found;
}

int
source_set_unread(struct source *s, size_t i, int unread, char **cause)
{
	struct item	*it;

	if (i >= s->n || ((it = source_item(s, i))->type != ITEM_ARTICLE &&
	    it->type != ITEM_FILE))
		return 0;
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

	if (i >= s->n || ((it = source_item(s, i))->type != ITEM_ARTICLE &&
	    it->type != ITEM_FILE))
		return 0;
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
	/* a paged list: the pages held; the others are read again */
	for (i = 0; s->paged && i < SOURCE_PAGES * SOURCE_PAGE; i++)
		if (i % SOURCE_PAGE < s->pages[i / SOURCE_PAGE].n &&
		    (feed_id == 0 || s->pages[i / SOURCE_PAGE].v[i %
		    SOURCE_PAGE].feed_id == feed_id))
			s->pages[i / SOURCE_PAGE].v[i % SOURCE_PAGE].unread = 0;
	for (i = 0; !s->paged && i < s->n; i++)
		if (feed_id == 0 || s->v[i].feed_id == feed_id)
			s->v[i].unread = 0;
	return 0;
}

/* source_save_text(), marking the article saved when mark is set. */
static int
save_article(struct source *s, size_t i, int full, const char *dir,
    char **path, int mark, char **cause)
{
	struct store_article	 a;
	struct item		*it;
	int			 rc;

	*path = NULL;
	if (i >= s->n || (it = source_item(s, i))->type != ITEM_ARTICLE ||
	    s->st == NULL) {
		*cause = xstrdup("no article to save");
		return -1;
	}
	if (export_make_dir(dir, cause) == -1)
		return -1;
	/* The header as the store gave it: --export writes the same. */
	memset(&a, 0, sizeof a);
	a.id = it->id;
	a.feed_id = it->feed_id;
	a.title = it->title;
	a.feed_title = it->feed;
	a.author = it->author;
	a.link = it->link;
	a.date = it->date;
	if ((rc = export_article_text(s->st, &a, full, dir, path,
	    cause)) == -1)
		return -1;
	if (!mark)
		return rc;
	if (store_set_saved(s->st, it->id, 1, cause) == -1)
		return -1;
	it->saved = 1;
	return rc;
}

int
source_save_text(struct source *s, size_t i, int full, const char *dir,
    char **path, char **cause)
{
	return save_article(s, i, full, dir, path, 1, cause);
}

/* ---- highlight keywords ---- */

void
source_set_highlight(struct source *s, const struct matcher *m,
    char *const *words, size_t n)
{
	size_t	i;

	s->hl = m;
	s->hl_words = words;
	s->hl_nwords = n;
	free(s->hl_ids);
	s->hl_ids = NULL;
	s->hl_n = s->hl_cap = 0;
	free(s->hl_bits);
	s->hl_bits = NULL;
	s->hl_done = s->hl_fresh = 0;
	for (i = 0; s->paged && i < SOURCE_PAGES * SOURCE_PAGE; i++)
		if (i % SOURCE_PAGE < s->pages[i / SOURCE_PAGE].n)
			s->pages[i / SOURCE_PAGE].v[i % SOURCE_PAGE].hl = -1;
	for (i = 0; !s->paged && i < s->n; i++)
		s->v[i].hl = -1;
}

static int
hl_has(const struct source *s, int64_t id)
{
	size_t		lo = 0, hi = s->hl_n, mid;
	uint64_t	bit;

	if (s->hl_bits != NULL) {
		if (id < s->hl_lo || (bit = (uint64_t)(id - s->hl_lo)) >=
		    s->hl_nbits)
			return 0;
		return (s->hl_bits[bit / 64] >> (bit % 64)) & 1;
	}

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->hl_ids[mid] == id)
			return 1;
		if (s->hl_ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void
hl_add(struct source *s, int64_t id)
{
	if (s->hl_n == s->hl_cap) {
		s->hl_cap = s->hl_cap ? s->hl_cap * 2 : 64;
		s->hl_ids = xreallocarray(s->hl_ids, s->hl_cap,
		    sizeof *s->hl_ids);
	}
	s->hl_ids[s->hl_n++] = id;
}

/* s->hl_ids becomes its union with ids[0..n) (freed), both ascending. */
static void
hl_union(struct source *s, int64_t *ids, size_t n)
{
	int64_t	*v;
	size_t	 i = 0, j = 0, k = 0;

	if (s->hl_n == 0) {
		free(s->hl_ids);
		s->hl_ids = ids;
		s->hl_n = s->hl_cap = n;
		return;
	}
	v = xreallocarray(NULL, s->hl_n + n, sizeof *v);
	while (i < s->hl_n || j < n) {
		if (j == n || (i < s->hl_n && s->hl_ids[i] < ids[j]))
			v[k++] = s->hl_ids[i++];
		else {
			if (i < s->hl_n && s->hl_ids[i] == ids[j])
				i++;
			v[k++] = ids[j++];
		}
	}
	free(ids);
	free(s->hl_ids);
	s->hl_ids = v;
	s->hl_cap = s->hl_n + n;
	s->hl_n = k;
}

/* Whether the body of article id has a match (parsed as the reader
 * shows it, so tags and entities do not count). */
static int
hl_body(struct source *s, int64_t id)
{
	struct store_body	 body;
	struct doc		*d;
	char			*cause = NULL;
	size_t			 b;
	int			 hit = 0;

	memset(&body, 0, sizeof body);
	if (store_article_body(s->st, id, &body, &cause) == -1 ||
	    body.content == NULL) {
		free(cause);
		store_body_clear(&body);
		return 0;
	}
	d = article_parse_body(NULL, body.content_html ? ARTICLE_HTML :
	    ARTICLE_TEXT, body.content, strlen(body.content), &cause);
	free(cause);
	for (b = 0; d != NULL && b < d->nblocks && !hit; b++)
		hit = matcher_find(s->hl, d->blocks[b].text, d->blocks[b].len,
		    NULL, 0) > 0;
	doc_free(d);
	store_body_clear(&body);
	return hit;
}

static int
hl_scan_cb(const struct store_article *a, void *arg)
{
	struct source	*s = arg;

	if (matcher_test(s->hl, a->title) || hl_body(s, a->id))
		hl_add(s, a->id);
	return 0;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * A bitmap of the ids when it takes at most as much memory as they do:
 * the Highlighted count asks for every unread id, and a binary search
 * over 100k ids, a mispredicted branch a step, took 4 ms for 33k.
 */
static void
hl_bitmap(struct source *s)
{
	uint64_t	bit;
	size_t		i;

	free(s->hl_bits);
	s->hl_bits = NULL;
	if (s->hl_n < 64)
		return;
	s->hl_lo = s->hl_ids[0];
	s->hl_nbits = (uint64_t)(s->hl_ids[s->hl_n - 1] - s->hl_lo) + 1;
	if (s->hl_nbits / 64 > s->hl_n)
		return;
	s->hl_bits = xcalloc((size_t)(s->hl_nbits / 64 + 1),
	    sizeof *s->hl_bits);
	for (i = 0; i < s->hl_n; i++) {
		bit = (uint64_t)(s->hl_ids[i] - s->hl_lo);
		s->hl_bits[bit / 64] |= (uint64_t)1 << (bit % 64);
	}
}

/* The query store_search() needs for one keyword, or NULL when it has
 * none (a /regex/). */
static char *
hl_query(const char *w)
{
	size_t	n = strlen(w);

	if (n >= 2 && w[0] == '/' && w[n - 1] == '/')
		return NULL;
	if (strchr(w, '"') != NULL)
		return NULL;
	if (strpbrk(w, " \t") != NULL)
		return xasprintf("\"%s\"", w);
	return xstrdup(w);
}

/* The ids of the articles matching a keyword: the union of
 * store_search_ids() over the keywords (the ids alone, not headers by
 * date), or, when a keyword is a regex, every title and body. Done
 * again only when the number of articles (total, or -1: count them)
 * changed or another connection wrote to the store; checked once a
 * load of the list (hl_fresh). */
static int
hl_compute(struct source *s, int64_t total)
{
	int64_t	*ids, version;
	size_t	 i, k, n;
	char	*q, *cause = NULL;
	int	 scan = 0;

	if (s->st == NULL || s->hl == NULL)
		return 0;
	if (total < 0)
		total = store_count(s->st, NULL, NULL);
	/* Again when the count changed or another connection (a refresh)
	 * wrote: an update can change titles and bodies, not the count.
	 * This connection's own writes (read, saved) change no match. */
	version = store_data_version(s->st);
	s->hl_fresh = 1;
	if (s->hl_done && total == s->hl_total && version == s->hl_version &&
	    version != -1)
		return 0;
	s->hl_n = 0;
	for (i = 0; i < s->hl_nwords && !scan; i++) {
		if ((q = hl_query(s->hl_words[i])) == NULL ||
		    store_search_ids(s->st, q, &ids, &n, &cause) == -1)
			scan = 1;
		else
			hl_union(s, ids, n);
		free(q);
		free(cause);
		cause = NULL;
	}
	if (scan) {
		s->hl_n = 0;
		store_articles(s->st, NULL, hl_scan_cb, s, NULL);
		if (s->hl_n > 1)
			qsort(s->hl_ids, s->hl_n, sizeof *s->hl_ids, cmp_id);
		for (i = k = 0; i < s->hl_n; i++)
			if (k == 0 || s->hl_ids[k - 1] != s->hl_ids[i])
				s->hl_ids[k++] = s->hl_ids[i];
		s->hl_n = k;
	}
	hl_bitmap(s);
	s->hl_done = 1;
	s->hl_total = total;
	s->hl_version = version;
	return 0;
}

int
source_highlighted(struct source *s, size_t i)
{
	struct item	*it;

	if (i >= s->n || s->hl == NULL)
		return 0;
	it = source_item(s, i);
	if (it->hl >= 0)
		return it->hl;
	if (it->type == ITEM_FILE)
		it->hl = it->error == NULL && matcher_test(s->hl, it->title);
	else if (it->type == ITEM_ARTICLE) {
		if (!s->hl_fresh)	/* once a load, not once a row */
			hl_compute(s, -1);
		it->hl = hl_has(s, it->id);
	} else
		it->hl = 0;
	return it->hl;
}

int
source_save_file(struct source *s, size_t i, const char *dir, char **path,
    char **cause)
{
	const struct folder_entry	*e;
	struct saved_meta		 m;
	char				*data;
	size_t				 len, off = 0;
	int				 html = 0, rc;

	*path = NULL;
	if (i >= s->n || s->paged || s->v[i].type != ITEM_FILE ||
	    s->fo == NULL) {
		*cause = xstrdup("no article file to save");
		return -1;
	}
	if ((data = folder_read(s->fo, (size_t)s->v[i].id, &len,
	    cause)) == NULL)
		return -1;
	e = folder_info(s->fo, (size_t)s->v[i].id);
	memset(&m, 0, sizeof m);
	if (e->format == ARTICLE_SAVED) {
		/* A saved file keeps its header: only the body is copied. */
		if (saved_parse(data, len, &m, &off, &html, cause) == -1) {
			free(data);
			return -1;
		}
	} else {
		m.title = xstrdup(e->title);
		html = e->format == ARTICLE_HTML;
	}
	if ((rc = export_make_dir(dir, cause)) == 0)
		rc = saved_write(dir, &m, data + off, len - off, html, path,
		    cause);
	saved_meta_clear(&m);
	free(data);
	return rc;
}

int
source_save(struct source *s, size_t i, const char *dir, char **path,
    char **cause)
{
	return save_article(s, i, 0, dir, path, 1, cause);
}

int
source_export(struct source *s, size_t i, const char *dir, char **path,
    char **cause)
{
	if (i < s->n && !s->paged && s->v[i].type == ITEM_FILE)
		return source_save_file(s, i, dir, path, cause);
	return save_article(s, i, 0, dir, path, 0, cause);
}
