/* test_source.c - the feed list's counts (source_load_feeds(), feeds'
 * totals by source_item()): per feed and for the virtual lists, checked
 * against a brute-force count of every article after marking read and
 * unread, saving and marking feeds read, also through a memory map while
 * another connection writes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "feed.h"
#include "match.h"
#include "search.h"
#include "source.h"
#include "store.h"
#include "util.h"

#define NFEEDS	4

/* What a walk over every article finds. */
struct brute {
	int64_t	 feed[NFEEDS];	/* feed ids; 0 before fill() */
	int64_t	 total[NFEEDS], unread[NFEEDS];
	int64_t	 all, all_unread, saved, saved_unread;
};

static int
brute_cb(const struct store_article *a, void *arg)
{
	struct brute	*b = arg;
	int		 i;

	for (i = 0; i < NFEEDS; i++)
		if (b->feed[i] == a->feed_id) {
			b->total[i]++;
			b->unread[i] += a->unread;
		}
	b->all++;
	b->all_unread += a->unread;
	b->saved += a->saved;
	b->saved_unread += a->saved && a->unread;
	return 0;
}

/* The item as the list draws it: a feed is counted when first asked. */
static const struct item *
find(struct source *s, enum item_type type, int64_t id)
{
	long	i = source_find(s, type, id);

	assert_true(i >= 0);
	return source_item(s, (size_t)i);
}

/* Load the feed list and compare every count with a brute-force walk. */
static void
check_counts(struct store *st, struct brute *b)
{
	struct source		 s;
	const struct item	*it;
	char			*cause = NULL;
	int			 i;

	memset(b->total, 0, sizeof b->total);
	memset(b->unread, 0, sizeof b->unread);
	b->all = b->all_unread = b->saved = b->saved_unread = 0;
	assert_int_equal(store_articles(st, NULL, brute_cb, b, &cause), 0);
	source_init_store(&s, st, NULL);
	assert_int_equal(source_load_feeds(&s, &cause), 0);
	/* Before fill(): no feed yet. */
	assert_int_equal(s.n, 3 + (b->feed[0] != 0 ? NFEEDS : 0));
	it = find(&s, ITEM_ALL, 0);
	assert_int_equal(it->n_total, b->all);
	assert_int_equal(it->n_unread, b->all_unread);
	it = find(&s, ITEM_UNREAD, 0);
	assert_int_equal(it->n_total, b->all_unread);
	assert_int_equal(it->n_unread, b->all_unread);
	it = find(&s, ITEM_SAVED, 0);
	assert_int_equal(it->n_total, b->saved);
	assert_int_equal(it->n_unread, b->saved_unread);
	for (i = 0; i < NFEEDS && b->feed[0] != 0; i++) {
		it = find(&s, ITEM_FEED, b->feed[i]);
		assert_int_equal(it->n_total, b->total[i]);
		assert_int_equal(it->n_unread, b->unread[i]);
	}
	/* The reload after a change (or a refresh) counts again. */
	assert_int_equal(source_reload(&s, &cause), 0);
	assert_int_equal(find(&s, ITEM_ALL, 0)->n_total, b->all);
	source_free(&s);
}

static void
fill(struct store *st, struct brute *b)
{
	struct store_update	*u;
	struct store_fetch_meta	 m = { .title = "feed" };
	struct feed_item	 it;
	char			*cause = NULL, url[64], id[32];
	int			 f, k;

	for (f = 0; f < NFEEDS; f++) {
		snprintf(url, sizeof url, "https://f%d.example/", f);
		assert_int_equal(store_feed_add(st, url, NULL, &b->feed[f],
		    &cause), 0);
		/* The last feed stays empty. */
		if (f == NFEEDS - 1)
			continue;
		u = store_update_begin(st, b->feed[f], 0, &cause);
		assert_non_null(u);
		for (k = 0; k < 5 + 7 * f; k++) {
			memset(&it, 0, sizeof it);
			snprintf(id, sizeof id, "f%d-%d", f, k);
			it.id = id;
			it.title = id;
			it.date = 1000 + k * 10 + f;
			assert_int_equal(store_update_item(u, &it, &cause), 0);
		}
		assert_int_equal(store_update_commit(u, &m, NULL, &cause), 0);
	}
}

static int
collect_ids(const struct store_article *a, void *arg)
{
	int64_t	*ids = arg;

	if (ids[0] < 63)
		ids[++ids[0]] = a->id;
	return 0;
}

static void
test_counts_after_marks(void **state)
{
	struct store	*st;
	struct brute	 b;
	char		*cause = NULL;
	int64_t		 ids[64] = { 0 };
	int64_t		 i;

	(void)state;
	memset(&b, 0, sizeof b);
	st = store_open(":memory:", &cause);
	assert_non_null(st);
	fill(st, &b);
	check_counts(st, &b);
	assert_int_equal(b.all, 5 + 12 + 19);
	assert_int_equal(b.all_unread, b.all);

	store_articles(st, NULL, collect_ids, ids, &cause);
	for (i = 1; i <= ids[0]; i += 3)
		assert_int_equal(store_set_unread(st, ids[i], 0, &cause), 0);
	check_counts(st, &b);
	assert_true(b.all_unread < b.all);

	for (i = 1; i <= ids[0]; i += 4)
		assert_int_equal(store_set_saved(st, ids[i], 1, &cause), 0);
	check_counts(st, &b);
	assert_true(b.saved > 0 && b.saved_unread > 0 &&
	    b.saved_unread < b.saved);

	assert_int_equal(store_set_unread(st, ids[1], 1, &cause), 0);
	assert_int_equal(store_feed_mark_read(st, b.feed[1], &cause), 0);
	check_counts(st, &b);
	assert_int_equal(b.unread[1], 0);
	assert_true(b.unread[2] > 0);

	assert_int_equal(store_feed_mark_read(st, 0, &cause), 0);
	check_counts(st, &b);
	assert_int_equal(b.all_unread, 0);
	store_close(st);
}

/* A path for a new store file in /tmp; free with remove_db(). */
static char *
temp_db(void)
{
	char	path[] = "/tmp/akhbar-source-XXXXXX";
	int	fd;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	return xasprintf("%s.db", path);
}

/* Remove the store file db, its WAL and shared memory files; free db. */
static void
remove_db(char *db)
{
	char	*side;

	unlink(db);
	side = xasprintf("%s-wal", db);
	unlink(side);
	free(side);
	side = xasprintf("%s-shm", db);
	unlink(side);
	free(side);
	free(db);
}

/* The reader maps the file (store_map_reads()); a second connection,
 * as a refresh would, adds articles and marks some read. */
static void
test_counts_mapped(void **state)
{
	char		*db, *cause = NULL;
	struct store	*rd, *wr;
	struct brute	 b;
	int64_t		 ids[64] = { 0 };

	(void)state;
	db = temp_db();
	memset(&b, 0, sizeof b);
	rd = store_open(db, &cause);
	assert_non_null(rd);
	store_map_reads(rd);
	check_counts(rd, &b);
	assert_int_equal(b.all, 0);
	wr = store_open(db, &cause);
	assert_non_null(wr);
	fill(wr, &b);
	check_counts(rd, &b);
	assert_int_equal(b.all, 5 + 12 + 19);
	store_articles(wr, NULL, collect_ids, ids, &cause);
	assert_int_equal(store_set_unread(wr, ids[2], 0, &cause), 0);
	assert_int_equal(store_feed_mark_read(wr, b.feed[0], &cause), 0);
	check_counts(rd, &b);
	assert_int_equal(b.all_unread, b.all - 1 - 5);
	store_close(wr);
	store_close(rd);
	remove_db(db);
}

/* ---- highlighted articles ---- */

/* Articles in Arabic and English: harakat, hamza forms, proclitics,
 * tatweel, a phrase across spaces, HTML and plain bodies. */
static const struct {
	const char	*title, *body;
	int		 html;
} hl_arts[] = {
	{ "قصف على بإدلب أمس", "<p>الرَّئِيسُ يتحدث</p>", 1 },
	{ "Reuters: markets", "RT report", 0 },
	{ "للرئيس كلمة", "", 0 },
	{ "غزه اليوم", "<p>لا شيء هنا</p>", 1 },
	{ "nothing", "<p>بشار   الأسد في <b>دمشق</b></p>", 1 },
	{ "التركية", "RTs and ARTICLE", 0 },
	{ "فبإدلب والرئيس", NULL, 0 },
	{ "سلام", "<p>الإسلام</p>", 1 },
	{ "ادلب بلا همزة", "text", 0 },
	{ "مكتبة", "<p>الرئيـــس</p>", 1 },
	{ "plain", "<p>new <i>york</i> and بالرئيس</p>", 1 },
	{ "الإدلبي", "<div>غزة</div>", 1 },
	{ "=RT", "نص بشار\tالأسد", 0 },
	{ "ARTICLE", "<p>nothing at all</p>", 1 },
	/* more endings of "kw" than store_fts_prefix() asks for by name */
	{ "kw0 kw1 kw2 kw3 kw4 kw5 kw6 kw7 kw8 kw9", "kwa kwb kwc kwd kwe "
	    "kwf kwg kwh kwi kwj", 0 },
	{ "kw", "<p>kwz</p>", 1 },
};

/* Keyword sets, each as the reader would get them from the config. */
static const char *const hl_sets[][6] = {
	{ "إدلب" }, { "الرئيس" }, { "الرَّئيس" }, { "Reuter" }, { "=RT" },
	{ "بشار الأسد" }, { "تركي" }, { "=إدلب" }, { "كتاب" }, { "سلام" },
	{ "/غز(ة|ه)/" }, { "new york" }, { "kw" }, { "kwz" }, { "=kw" },
	{ "إدلب", "Reuter", "بشار الأسد", "=RT" },
	{ "الرئيس", "تركي", "/غز(ة|ه)/" },
};

/* Add the articles from..to of hl_arts[] (ids "hl-N-<round>"). */
static void
hl_fill(struct store *st, int64_t feed, size_t from, size_t to, int round)
{
	struct store_update	*u;
	struct store_fetch_meta	 m = { .title = "hl" };
	struct feed_item	 it;
	char			*cause = NULL, id[32];
	size_t			 k;

	u = store_update_begin(st, feed, 0, &cause);
	assert_non_null(u);
	for (k = from; k < to; k++) {
		memset(&it, 0, sizeof it);
		snprintf(id, sizeof id, "hl-%zu-%d", k, round);
		it.id = id;
		it.title = hl_arts[k].title;
		it.content = hl_arts[k].body;
		it.content_html = hl_arts[k].html;
		it.date = 5000 + (int64_t)k * 7 + round;
		assert_int_equal(store_update_item(u, &it, &cause), 0);
	}
	assert_int_equal(store_update_commit(u, &m, NULL, &cause), 0);
}

static void
hl_filler(struct store *st)
{
	struct store_update	*u;
	struct store_fetch_meta	 m = { .title = "filler" };
	struct feed_item	 it;
	char			*cause = NULL, id[32];
	int64_t			 feed;
	int			 k;

	assert_int_equal(store_feed_add(st, "https://filler.example/", NULL,
	    &feed, &cause), 0);
	u = store_update_begin(st, feed, 0, &cause);
	assert_non_null(u);
	for (k = 0; k < 60; k++) {
		memset(&it, 0, sizeof it);
		snprintf(id, sizeof id, "filler %d", k);
		it.id = id;
		it.title = id;
		it.content = "<p>nothing to see</p>";
		it.content_html = 1;
		it.date = 100 + k;
		assert_int_equal(store_update_item(u, &it, &cause), 0);
	}
	assert_int_equal(store_update_commit(u, &m, NULL, &cause), 0);
}

/* Brute force: matcher_test() over each article's title and body text
 * (search_body_text(): the text without markup). */
struct hl_brute {
	const struct matcher	*m;
	struct store		*st;
	int64_t			 ids[64];
	int			 unread[64];
	size_t			 n;
	int64_t			 total, n_unread;
};

static int
hl_brute_cb(const struct store_article *a, void *arg)
{
	struct hl_brute		*b = arg;
	struct store_body	 body;
	char			*cause = NULL, *text;
	int			 hit;

	memset(&body, 0, sizeof body);
	assert_int_equal(store_article_body(b->st, a->id, &body, &cause), 0);
	text = search_body_text(body.content, body.content_html);
	hit = matcher_test(b->m, a->title != NULL ? a->title : "") ||
	    matcher_test(b->m, text);
	free(text);
	store_body_clear(&body);
	b->total++;
	if (!hit)
		return 0;
	assert_true(b->n < 64);
	b->ids[b->n] = a->id;
	b->unread[b->n++] = a->unread;
	b->n_unread += a->unread;
	return 0;
}

static int
hl_brute_has(const struct hl_brute *b, int64_t id)
{
	size_t	i;

	for (i = 0; i < b->n; i++)
		if (b->ids[i] == id)
			return 1;
	return 0;
}

/* The Highlighted count, the marks of "All articles" and the list
 * "Highlighted" of source s (kept between calls, as the reader keeps
 * it) against the brute force. */
static void
hl_check(struct source *s, struct store *st, const struct matcher *m,
    const char *what)
{
	struct hl_brute		 b;
	const struct item	*it;
	struct item		 list;
	char			*cause = NULL;
	size_t			 i;

	memset(&b, 0, sizeof b);
	b.m = m;
	b.st = st;
	assert_int_equal(store_articles(st, NULL, hl_brute_cb, &b, &cause),
	    0);
	assert_int_equal(source_load_feeds(s, &cause), 0);
	it = find(s, ITEM_HIGHLIGHTED, 0);
	if (it->n_total != (int64_t)b.n || it->n_unread != b.n_unread)
		fail_msg("%s: Highlighted %lld/%lld, brute force %lld/%zu",
		    what, (long long)it->n_unread, (long long)it->n_total,
		    (long long)b.n_unread, b.n);
	memset(&list, 0, sizeof list);
	list.type = ITEM_ALL;
	list.title = "All articles";
	assert_int_equal(source_load_articles(s, &list, &cause), 0);
	assert_int_equal(s->n, (size_t)b.total);
	for (i = 0; i < s->n; i++)
		if (source_highlighted(s, i) != hl_brute_has(&b,
		    source_at(s, i)->id))
			fail_msg("%s: \"%s\" highlighted %d", what,
			    source_at(s, i)->title, source_highlighted(s, i));
	list.type = ITEM_HIGHLIGHTED;
	list.title = "Highlighted";
	assert_int_equal(source_load_articles(s, &list, &cause), 0);
	assert_int_equal(s->n, b.n);
	for (i = 0; i < s->n; i++)
		assert_true(hl_brute_has(&b, source_at(s, i)->id));
}

static void
test_highlighted(void **state)
{
	struct store	*st;
	struct source	 s;
	struct matcher	*m;
	char		*cause = NULL, *words[6];
	int64_t		 feed, ids[64] = { 0 };
	size_t		 k, n, half = sizeof hl_arts / sizeof *hl_arts / 2;
	int64_t		 i;

	(void)state;
	for (k = 0; k < sizeof hl_sets / sizeof *hl_sets; k++) {
		st = store_open(":memory:", &cause);
		assert_non_null(st);
		assert_int_equal(store_feed_add(st, "https://hl.example/",
		    NULL, &feed, &cause), 0);
		hl_fill(st, feed, 0, half, 0);
		/* Unread articles that match nothing, so that a keyword
		 * matching few has its unread ones looked up one by one
		 * and one matching many walks the unread ones. */
		hl_filler(st);
		m = matcher_create();
		for (n = 0; n < 6 && hl_sets[k][n] != NULL; n++) {
			words[n] = (char *)hl_sets[k][n];
			assert_int_equal(matcher_add(m, words[n], &cause), 0);
		}
		source_init_store(&s, st, NULL);
		source_set_highlight(&s, m, words, n);
		hl_check(&s, st, m, hl_sets[k][0]);
		/* New articles, then some marked read. */
		hl_fill(st, feed, half, 2 * half, 0);
		hl_fill(st, feed, 0, 2 * half, 1);
		hl_check(&s, st, m, hl_sets[k][0]);
		ids[0] = 0;
		store_articles(st, NULL, collect_ids, ids, &cause);
		for (i = 1; i <= ids[0]; i += 3)
			assert_int_equal(store_set_unread(st, ids[i], 0,
			    &cause), 0);
		hl_check(&s, st, m, hl_sets[k][0]);
		assert_int_equal(store_feed_mark_read(st, feed, &cause), 0);
		hl_check(&s, st, m, hl_sets[k][0]);
		source_free(&s);
		matcher_free(m);
		store_close(st);
	}
}

/* A refresh (another connection) that edits an article changes its
 * highlight though the number of articles stays the same. */
static void
test_highlight_edited(void **state)
{
	char			*db, *cause = NULL, *words[1];
	struct store		*rd, *wr;
	struct store_update	*u;
	struct store_fetch_meta	 meta = { .title = "edits" };
	struct feed_item	 it;
	struct source		 s;
	struct matcher		*m;
	const struct item	*hl;
	int64_t			 feed;
	int			 round;

	(void)state;
	db = temp_db();
	wr = store_open(db, &cause);
	assert_non_null(wr);
	assert_int_equal(store_feed_add(wr, "https://edit.example/", NULL,
	    &feed, &cause), 0);
	rd = store_open(db, &cause);
	assert_non_null(rd);
	m = matcher_create();
	words[0] = "إدلب";
	assert_int_equal(matcher_add(m, words[0], &cause), 0);
	source_init_store(&s, rd, NULL);
	source_set_highlight(&s, m, words, 1);
	for (round = 0; round < 3; round++) {
		/* the same article: matching in round 1 only */
		u = store_update_begin(wr, feed, 0, &cause);
		assert_non_null(u);
		memset(&it, 0, sizeof it);
		it.id = "edited-1";
		it.title = round == 1 ? "قصف على بإدلب" : "أخبار الطقس";
		it.content = "نص";
		it.date = 7000;
		assert_int_equal(store_update_item(u, &it, &cause), 0);
		assert_int_equal(store_update_commit(u, &meta, NULL, &cause),
		    0);
		assert_int_equal(source_load_feeds(&s, &cause), 0);
		hl = find(&s, ITEM_HIGHLIGHTED, 0);
		assert_non_null(hl);
		assert_int_equal(hl->n_total, round == 1);
	}
	source_free(&s);
	matcher_free(m);
	store_close(rd);
	store_close(wr);
	remove_db(db);
}

/* ---- paged lists ---- */

#define NPAGED	(SOURCE_PAGE * 5 + 37)

/* The ids and titles store_articles() walks, for the paged list. */
struct walked {
	int64_t	 id[NPAGED];
	int64_t	 feed[NPAGED];
	char	*title[NPAGED];
	size_t	 n;
};

static int
walk_cb(const struct store_article *a, void *arg)
{
	struct walked	*w = arg;

	if (w->n < NPAGED) {
		w->id[w->n] = a->id;
		w->feed[w->n] = a->feed_id;
		w->title[w->n++] = xstrdup(a->title);
	}
	return 0;
}

/* Pages held, which never go above SOURCE_PAGES. */
static size_t
pages_held(const struct source *s)
{
	size_t	i, n = 0;

	for (i = 0; i < SOURCE_PAGES; i++)
		n += s->pages[i].n > 0;
	return n;
}

/* Item i is the store's i-th article, whatever was looked at before. */
static void
assert_item(struct source *s, const struct walked *w, size_t i)
{
	const struct item	*it = source_item(s, i);

	assert_int_equal(it->id, w->id[i]);
	assert_string_equal(it->title, w->title[i]);
	assert_true(pages_held(s) <= SOURCE_PAGES);
}

/*
 * "All articles" and a feed's list load their ids, then headers a page
 * at a time (at most SOURCE_PAGES held): every item is the one the
 * store walks to at that place, in order, backwards and at random; a
 * mark survives its page being dropped; source_find() finds any id; the
 * Unread list keeps an article marked read until it is loaded again.
 */
static void
test_paged(void **state)
{
	static const size_t	 jumps[] = { NPAGED - 1, 0, SOURCE_PAGE,
	    NPAGED / 2, SOURCE_PAGE - 1, NPAGED - 2, 3, SOURCE_PAGE * 3 };
	static struct walked	 w;
	struct store		*st;
	struct store_update	*u;
	struct store_fetch_meta	 m = { .title = "t" };
	struct feed_item	 it;
	struct source		 s;
	struct item		 list;
	char			*cause = NULL, guid[32], title[32];
	int64_t			 feed[2], n;
	size_t			 i, k, before;

	(void)state;
	st = store_open(":memory:", &cause);
	assert_non_null(st);
	for (k = 0; k < 2; k++) {
		snprintf(guid, sizeof guid, "https://p%zu.example/", k);
		assert_int_equal(store_feed_add(st, guid, NULL, &feed[k],
		    &cause), 0);
	}
	for (k = 0; k < 2; k++) {
		u = store_update_begin(st, feed[k], 0, &cause);
		assert_non_null(u);
		for (i = k; i < NPAGED; i += 2) {
			memset(&it, 0, sizeof it);
			snprintf(guid, sizeof guid, "g%zu", i);
			snprintf(title, sizeof title, "عنوان %zu", i);
			it.id = guid;
			it.title = title;
			/* dates repeat: the order is by date, then id */
			it.date = 1700000000 + (int64_t)(i % 700) * 60;
			assert_int_equal(store_update_item(u, &it, &cause), 0);
		}
		assert_int_equal(store_update_commit(u, &m, NULL, &cause), 0);
	}
	memset(&w, 0, sizeof w);
	assert_int_equal(store_articles(st, NULL, walk_cb, &w, &cause), 0);
	assert_int_equal(w.n, NPAGED);

	source_init_store(&s, st, NULL);
	memset(&list, 0, sizeof list);
	list.type = ITEM_ALL;
	list.title = "All articles";
	assert_int_equal(source_load_articles(&s, &list, &cause), 0);
	assert_true(s.paged);
	assert_int_equal(s.n, NPAGED);
	assert_int_equal(pages_held(&s), 0);	/* nothing read yet */
	for (i = 0; i < s.n; i++)
		assert_item(&s, &w, i);
	for (i = s.n; i-- > 0; )
		assert_item(&s, &w, i);
	for (k = 0; k < sizeof jumps / sizeof jumps[0]; k++)
		assert_item(&s, &w, jumps[k]);
	assert_int_equal(pages_held(&s), SOURCE_PAGES);
	assert_int_equal(source_find(&s, ITEM_ARTICLE, w.id[NPAGED - 1]),
	    NPAGED - 1);
	assert_int_equal(source_find(&s, ITEM_ARTICLE, w.id[0]), 0);
	assert_int_equal(source_find(&s, ITEM_FEED, w.id[0]), -1);

	/* a mark, then its page dropped by four others: read again */
	assert_int_equal(source_set_unread(&s, SOURCE_PAGE + 5, 0, &cause), 0);
	for (k = 2; k < 2 + SOURCE_PAGES; k++)
		source_item(&s, k * SOURCE_PAGE);
	assert_false(source_item(&s, SOURCE_PAGE + 5)->unread);
	assert_true(source_item(&s, SOURCE_PAGE + 6)->unread);
	assert_string_equal(source_link(&s, 0) == NULL ? "" : "x", "");

	/* n and p in a paged list: past the near items the store's unread
	 * ids answer, forwards and backwards; none left: -1 at once */
	for (i = 0; i < s.n; i++)
		assert_int_equal(source_set_unread(&s, i, 0, &cause), 0);
	assert_int_equal(source_next_unread(&s, 0, 1), -1);
	assert_int_equal(source_next_unread(&s, (long)s.n - 1, -1), -1);
	assert_int_equal(source_set_unread(&s, NPAGED - 3, 1, &cause), 0);
	assert_true(NPAGED - 3 > UNREAD_NEAR);
	assert_int_equal(source_next_unread(&s, 0, 1), NPAGED - 3);
	assert_int_equal(source_next_unread(&s, NPAGED - 1, -1), NPAGED - 3);
	assert_int_equal(source_next_unread(&s, NPAGED - 2, 1), -1);
	assert_int_equal(source_set_unread(&s, 2, 1, &cause), 0);
	assert_int_equal(source_next_unread(&s, 0, 1), 2);
	assert_int_equal(source_next_unread(&s, NPAGED - 4, -1), 2);
	assert_int_equal(source_next_unread(&s, 3, 1), NPAGED - 3);
	for (i = 0; i < s.n; i++)
		assert_int_equal(source_set_unread(&s, i, i != SOURCE_PAGE + 5,
		    &cause), 0);

	/* Unread: the article marked read stays until the next load */
	list.type = ITEM_UNREAD;
	list.title = "Unread";
	assert_int_equal(source_load_articles(&s, &list, &cause), 0);
	before = s.n;
	assert_int_equal(before, NPAGED - 1);
	assert_int_equal(source_set_unread(&s, 0, 0, &cause), 0);
	source_refetch(&s);
	assert_int_equal(s.n, before);
	assert_int_equal(source_item(&s, 0)->id, w.id[0]);
	assert_false(source_item(&s, 0)->unread);
	assert_int_equal(source_item(&s, 1)->id, w.id[1]);
	assert_int_equal(source_reload(&s, &cause), 0);
	assert_int_equal(s.n, before - 1);

	/* a feed's list: its articles, in the same order */
	list.type = ITEM_FEED;
	list.id = feed[1];
	list.title = "p1";
	assert_int_equal(source_load_articles(&s, &list, &cause), 0);
	assert_int_equal(store_feed_total(st, feed[1], &n, &cause), 0);
	assert_int_equal(s.n, (size_t)n);
	for (i = k = 0; i < w.n; i++)
		if (w.feed[i] == feed[1]) {
			assert_int_equal(source_item(&s, k)->id, w.id[i]);
			assert_int_equal(source_item(&s, k)->feed_id, feed[1]);
			k++;
		}
	assert_int_equal(k, s.n);
	/* marking the feed read marks the rows held and those read later */
	assert_int_equal(source_mark_read(&s, feed[1], &cause), 0);
	for (i = 0; i < s.n; i++)
		assert_false(source_item(&s, i)->unread);
	source_free(&s);
	for (i = 0; i < w.n; i++)
		free(w.title[i]);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_after_marks),
		cmocka_unit_test(test_counts_mapped),
		cmocka_unit_test(test_highlighted),
		cmocka_unit_test(test_highlight_edited),
		cmocka_unit_test(test_paged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
