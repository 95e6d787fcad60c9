/* test_store.c - the SQLite store: dedup, updates keep state, the article
 * limit never deletes saved articles, schema migration, lists. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "feed.h"
#include "store.h"
#include "util.h"

struct collected {
	int64_t	 id[64];
	char	*title[64];
	int64_t	 date[64];
	int	 unread[64];
	int	 saved[64];
	int	 n;
};

static int
collect(const struct store_article *a, void *arg)
{
	struct collected	*c = arg;

	if (c->n < 64) {
		c->id[c->n] = a->id;
		c->title[c->n] = xstrdup(a->title != NULL ? a->title : "");
		c->date[c->n] = a->date;
		c->unread[c->n] = a->unread;
		c->saved[c->n] = a->saved;
		c->n++;
	}
	return 0;
}

static void
collected_free(struct collected *c)
{
	int	i;

	for (i = 0; i < c->n; i++)
		free(c->title[i]);
	c->n = 0;
}

static struct store *
open_mem(void)
{
	char		*cause = NULL;
	struct store	*st = store_open(":memory:", &cause);

	assert_non_null(st);
	assert_null(cause);
	return st;
}

/* A path no file has yet for a store of the test's own: a fresh
 * mkstemp() name plus ".db" (the caller unlinks and frees it). */
static char *
tmp_db(void)
{
	char	 path[] = "/tmp/akhbar-store-XXXXXX";
	int	 fd;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	return xasprintf("%s.db", path);
}

/* Push items into one feed update; returns the number of new articles. */
static int64_t
update(struct store *st, int64_t feed, int64_t max,
    const struct feed_item *items, size_t n)
{
	struct store_update	*u;
	struct store_fetch_meta	 m = { .title = "Al Akhbar" };
	char			*cause = NULL;
	int64_t			 added = -1;
	size_t			 i;

	u = store_update_begin(st, feed, max, &cause);
	assert_non_null(u);
	for (i = 0; i < n; i++)
		assert_int_equal(store_update_item(u, &items[i], &cause), 0);
	assert_int_equal(store_update_commit(u, &m, &added, &cause), 0);
	return added;
}

static void
test_open_version(void **state)
{
	struct store	*st = open_mem();

	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	store_close(st);
}

static void
test_dedup(void **state)
{
	struct store	*st = open_mem();
	char		*cause = NULL;
	int64_t		 feed;
	struct feed_item items[] = {
		{ .id = "urn:1", .title = "\xd8\xa7\xd9\x84\xd8\xa3\xd8\xae"
		    "\xd8\xa8\xd8\xa7\xd8\xb1 first", .date = 1700000000 },
		{ .link = "https://example.com/2", .title = "By link",
		    .date = 1700000100 },
		{ .title = "No id, no link", .content = "<p>body</p>",
		    .content_html = 1, .date = 1700000200 },
	};

	assert_int_equal(store_feed_add(st, "https://example.com/feed",
	    NULL, &feed, &cause), 0);
	assert_int_equal(update(st, feed, 0, items, 3), 3);
	assert_int_equal(update(st, feed, 0, items, 3), 0);
	assert_int_equal(store_count(st, NULL, &cause), 3);
	/* the same guid in another feed is another article */
	{
		int64_t feed2;
		assert_int_equal(store_feed_add(st, "https://b.example/rss",
		    "~B", &feed2, &cause), 0);
		assert_true(feed2 != feed);
		assert_int_equal(update(st, feed2, 0, items, 1), 1);
	}
	assert_int_equal(store_count(st, NULL, &cause), 4);
	store_close(st);
}

static void
test_update_keeps_state(void **state)
{
	struct store		*st = open_mem();
	struct collected	 c = { 0 };
	struct store_body	 body;
	char			*cause = NULL;
	int64_t			 feed;
	struct feed_item	 it = { .id = "g1", .title = "Old title",
				    .content = "old", .date = 1700000000 };

	assert_int_equal(store_feed_add(st, "https://x.example/f", NULL,
	    &feed, &cause), 0);
	assert_int_equal(update(st, feed, 0, &it, 1), 1);
	assert_int_equal(store_articles(st, NULL, collect, &c, &cause), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.unread[0], 1);
	assert_int_equal(store_set_unread(st, c.id[0], 0, &cause), 0);
	assert_int_equal(store_set_saved(st, c.id[0], 1, &cause), 0);
	collected_free(&c);

	it.title = "New title";
	it.content = "new body";
	assert_int_equal(update(st, feed, 0, &it, 1), 0);
	assert_int_equal(store_articles(st, NULL, collect, &c, &cause), 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.title[0], "New title");
	assert_int_equal(c.unread[0], 0);
	assert_int_equal(c.saved[0], 1);
	assert_int_equal(store_article_body(st, c.id[0], &body, &cause), 0);
	assert_string_equal(body.content, "new body");
	store_body_clear(&body);
	collected_free(&c);
	store_close(st);
}

static void
test_undated_keeps_first_seen(void **state)
{
	struct store		*st = open_mem();
	struct collected	 c = { 0 };
	char			*cause = NULL;
	int64_t			 feed, first;
	struct feed_item	 it = { .id = "nodate", .title = "t" };

	assert_int_equal(store_feed_add(st, "https://x.example/f", NULL,
	    &feed, &cause), 0);
	update(st, feed, 0, &it, 1);
	store_articles(st, NULL, collect, &c, &cause);
	assert_int_equal(c.n, 1);
	first = c.date[0];
	assert_true(first > 1600000000);
	collected_free(&c);
	sleep(1);
	it.title = "changed";
	update(st, feed, 0, &it, 1);
	store_articles(st, NULL, collect, &c, &cause);
	assert_int_equal(c.date[0], first);
	collected_free(&c);
	store_close(st);
}

static void
test_limit_keeps_saved(void **state)
{
	struct store		*st = open_mem();
	struct collected	 c = { 0 };
	struct store_filter	 saved = { .saved_only = 1 };
	char			*cause = NULL, guid[10][8];
	struct feed_item	 items[10];
	int64_t			 feed, oldest;
	int			 i;

	assert_int_equal(store_feed_add(st, "https://x.example/f", NULL,
	    &feed, &cause), 0);
	memset(items, 0, sizeof items);
	for (i = 0; i < 10; i++) {
		snprintf(guid[i], sizeof guid[i], "g%d", i);
		items[i].id = guid[i];
		items[i].title = guid[i];
		items[i].date = 1700000000 + i * 60;
	}
	assert_int_equal(update(st, feed, 0, items, 10), 10);
	/* save the oldest, then keep only 3 */
	store_articles(st, NULL, collect, &c, &cause);
	oldest = c.id[9];
	assert_string_equal(c.title[9], "g0");
	collected_free(&c);
	assert_int_equal(store_set_saved(st, oldest, 1, &cause), 0);
	update(st, feed, 3, NULL, 0);
	assert_int_equal(store_count(st, NULL, &cause), 4);
	assert_int_equal(store_count(st, &saved, &cause), 1);
	store_articles(st, NULL, collect, &c, &cause);
	assert_string_equal(c.title[0], "g9");
	assert_string_equal(c.title[3], "g0");
	collected_free(&c);
	/* the trimmed items coming back in the feed stay out */
	assert_int_equal(update(st, feed, 3, items, 10), 0);
	assert_int_equal(store_count(st, NULL, &cause), 4);
	store_close(st);
}

/* Housekeeping: keep-days on update and by store_expire(), a feed
 * removed but for its saved articles, the unread count. */
static void
test_housekeeping(void **state)
{
	struct store		*st = open_mem();
	struct store_update	*u;
	struct store_filter	 fa = { 0 };
	char			*cause = NULL, guid[6][8];
	struct feed_item	 items[6];
	int64_t			 a, b, id, n, now = (int64_t)time(NULL);
	int			 i, gone;
	struct collected	 c = { 0 };

	assert_int_equal(store_feed_add(st, "https://a.example/f", NULL,
	    &a, &cause), 0);
	assert_int_equal(store_feed_add(st, "https://b.example/f", NULL,
	    &b, &cause), 0);
	memset(items, 0, sizeof items);
	for (i = 0; i < 6; i++) {
		snprintf(guid[i], sizeof guid[i], "k%d", i);
		items[i].id = guid[i];
		items[i].title = guid[i];
		/* k0..k2 today, k3..k5 forty days old */
		items[i].date = now - (i < 3 ? 3600 : 40 * 86400);
	}
	/* keep-days=30 on update: the old ones never come in */
	u = store_update_begin(st, a, 0, &cause);
	store_update_expire(u, now - 30 * 86400);
	for (i = 0; i < 6; i++)
		assert_int_equal(store_update_item(u, &items[i], &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, &n, &cause), 0);
	assert_int_equal(n, 3);
	assert_int_equal(update(st, b, 0, items, 6), 6);
	assert_int_equal(store_unread_total(st, &cause), 9);
	/* store_expire() on b: the three old ones but a saved one */
	fa.feed_id = b;
	store_articles(st, &fa, collect, &c, &cause);
	assert_string_equal(c.title[5], "k3");
	assert_int_equal(store_set_saved(st, c.id[5], 1, &cause), 0);
	assert_int_equal(store_set_unread(st, c.id[0], 0, &cause), 0);
	collected_free(&c);
	assert_int_equal(store_expire(st, b, now - 30 * 86400, &n, &cause),
	    0);
	assert_int_equal(n, 2);
	assert_int_equal(store_unread_total(st, &cause), 6);
	/* remove b: its saved article keeps the feed */
	assert_int_equal(store_feed_remove(st, b, &n, &gone, &cause), 0);
	assert_int_equal(n, 3);
	assert_int_equal(gone, 0);
	assert_int_equal(store_count(st, &fa, &cause), 1);
	assert_int_equal(store_feed_id(st, "https://b.example/f", &id,
	    &cause), 0);
	assert_int_equal(id, b);
	/* remove a: nothing saved, the feed goes too */
	assert_int_equal(store_feed_remove(st, a, &n, &gone, &cause), 0);
	assert_int_equal(n, 3);
	assert_int_equal(gone, 1);
	assert_int_equal(store_feed_id(st, "https://a.example/f", &id,
	    &cause), 0);
	assert_int_equal(id, 0);
	assert_int_equal(store_unread_total(st, &cause), 1);
	/* the index lost them too */
	assert_int_equal(store_search(st, "k1", NULL, collect, &c, &cause),
	    0);
	assert_int_equal(c.n, 0);
	store_close(st);
}

/* The id and unread count of the last feed walked. */
static int
last_feed(const struct store_feed *f, void *arg)
{
	int64_t	*v = arg;

	v[0] = f->id;
	v[1] = f->unread;
	return 0;
}

static void
test_lists_and_marks(void **state)
{
	struct store		*st = open_mem();
	struct collected	 c = { 0 };
	struct store_filter	 f = { 0 };
	char			*cause = NULL;
	int64_t			 a, b, total, counts[2];
	struct feed_item	 ia[] = {
		{ .id = "a1", .title = "a1", .date = 100 },
		{ .id = "a2", .title = "a2", .date = 300 },
	};
	struct feed_item	 ib[] = {
		{ .id = "b1", .title = "b1", .date = 200 },
	};

	store_feed_add(st, "https://a.example/", NULL, &a, &cause);
	store_feed_add(st, "https://b.example/", NULL, &b, &cause);
	update(st, a, 0, ia, 2);
	update(st, b, 0, ib, 1);
	store_articles(st, NULL, collect, &c, &cause);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.title[0], "a2");
	assert_string_equal(c.title[1], "b1");
	assert_string_equal(c.title[2], "a1");
	collected_free(&c);
	f.feed_id = a;
	store_articles(st, &f, collect, &c, &cause);
	assert_int_equal(c.n, 2);
	collected_free(&c);
	f.limit = 1;
	f.offset = 1;
	store_articles(st, &f, collect, &c, &cause);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.title[0], "a1");
	collected_free(&c);

	assert_int_equal(store_feed_mark_read(st, a, &cause), 0);
	memset(&f, 0, sizeof f);
	f.unread_only = 1;
	assert_int_equal(store_count(st, &f, &cause), 1);
	store_feeds(st, last_feed, counts, &cause);	/* sorted: b last */
	assert_int_equal(counts[0], b);
	assert_int_equal(counts[1], 1);
	assert_int_equal(store_feed_total(st, b, &total, &cause), 0);
	assert_int_equal(total, 1);
	assert_int_equal(store_feed_total(st, a, &total, &cause), 0);
	assert_int_equal(total, 2);
	assert_int_equal(store_feed_mark_read(st, 0, &cause), 0);
	assert_int_equal(store_count(st, &f, &cause), 0);
	assert_int_equal(store_set_unread(st, 1, 1, &cause), 0);
	assert_int_equal(store_count(st, &f, &cause), 1);
	store_close(st);
}

static void
test_migrate_v1(void **state)
{
	char		*db, *cause = NULL;
	sqlite3		*h;
	struct store	*st;
	struct store_body body;
	struct collected c = { 0 };

	db = tmp_db();
	/* a version 1 store, as the first akhbar wrote it */
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
	    "CREATE TABLE feeds(id INTEGER PRIMARY KEY, url TEXT NOT NULL "
	    "UNIQUE, title TEXT, link TEXT, etag TEXT, last_modified TEXT, "
	    "last_error TEXT, last_fetch INTEGER NOT NULL DEFAULT 0);"
	    "CREATE TABLE articles(id INTEGER PRIMARY KEY, feed_id INTEGER "
	    "NOT NULL REFERENCES feeds(id), guid TEXT NOT NULL, title TEXT, "
	    "link TEXT, author TEXT, date INTEGER NOT NULL, first_seen "
	    "INTEGER NOT NULL, content TEXT, content_html INTEGER NOT NULL "
	    "DEFAULT 0, enclosure TEXT, categories TEXT, unread INTEGER NOT "
	    "NULL DEFAULT 1, saved INTEGER NOT NULL DEFAULT 0, updated "
	    "INTEGER NOT NULL DEFAULT 0, UNIQUE(feed_id, guid));"
	    "CREATE INDEX articles_date ON articles(date);"
	    "INSERT INTO feeds(url, title) VALUES('https://old.example/', "
	    "'Old feed');"
	    "INSERT INTO articles(feed_id, guid, title, date, first_seen, "
	    "content, content_html, unread, saved) VALUES(1, 'g', "
	    "'\xd8\xae\xd8\xa8\xd8\xb1', 1600000000, 1600000000, "
	    "'<p>kept</p>', 1, 0, 1);"
	    "PRAGMA user_version = 1;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	store_articles(st, NULL, collect, &c, &cause);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.title[0], "\xd8\xae\xd8\xa8\xd8\xb1");
	assert_int_equal(c.unread[0], 0);
	assert_int_equal(c.saved[0], 1);
	assert_int_equal(store_article_body(st, c.id[0], &body, &cause), 0);
	assert_string_equal(body.content, "<p>kept</p>");
	assert_int_equal(body.content_html, 1);
	store_body_clear(&body);
	collected_free(&c);
	store_close(st);

	/* opening again is a no-op */
	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	store_close(st);

	/* a store from a newer akhbar is refused, not damaged */
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(h);
	assert_null(store_open(db, &cause));
	assert_non_null(strstr(cause, "newer"));
	free(cause);
	unlink(db);
	free(db);
}

/* An enclosure's type and length are stored, changed by a later update
 * and read back with the body and on their own. */
static void
test_enclosure_round_trip(void **state)
{
	struct store		*st = open_mem();
	struct store_body	 body;
	struct collected	 c = { 0 };
	char			*cause = NULL;
	int64_t			 feed;
	struct feed_item	 items[] = {
		{ .id = "ep1", .title = "\xd8\xa8\xd9\x88\xd8\xaf\xda\xa9\xd8\xb3\xd8\xaa",
		    .enclosure = "https://pod.example/1.mp3",
		    .enclosure_type = "audio/mpeg",
		    .enclosure_length = 12345678, .date = 1700000000 },
		{ .id = "plain", .title = "No enclosure", .date = 1700000100 },
	};

	assert_int_equal(store_feed_add(st, "https://pod.example/feed",
	    NULL, &feed, &cause), 0);
	assert_int_equal(update(st, feed, 0, items, 2), 2);
	store_articles(st, NULL, collect, &c, &cause);
	assert_int_equal(c.n, 2);
	/* newest first: c.id[1] is ep1 */
	assert_int_equal(store_article_body(st, c.id[1], &body, &cause), 0);
	assert_string_equal(body.enclosure, "https://pod.example/1.mp3");
	assert_string_equal(body.enclosure_type, "audio/mpeg");
	assert_int_equal(body.enclosure_length, 12345678);
	store_body_clear(&body);
	assert_int_equal(store_article_body(st, c.id[0], &body, &cause), 0);
	assert_null(body.enclosure);
	assert_null(body.enclosure_type);
	assert_int_equal(body.enclosure_length, 0);
	store_body_clear(&body);

	/* only the type and size change: the article is updated */
	items[0].enclosure_type = "audio/ogg";
	items[0].enclosure_length = 999;
	assert_int_equal(update(st, feed, 0, items, 1), 0);
	assert_int_equal(store_article_enclosure(st, c.id[1], &body,
	    &cause), 0);
	assert_string_equal(body.enclosure, "https://pod.example/1.mp3");
	assert_string_equal(body.enclosure_type, "audio/ogg");
	assert_int_equal(body.enclosure_length, 999);
	assert_null(body.content);
	store_body_clear(&body);
	assert_int_equal(store_article_enclosure(st, 424242, &body, &cause),
	    -1);
	assert_non_null(strstr(cause, "no article"));
	free(cause);
	collected_free(&c);
	store_close(st);
}

/* A schema 5 store (before enclosure types) opens, migrates to 6 and
 * loses nothing: articles, flags, bodies, enclosure URLs, full texts. */
static void
test_migrate_v5(void **state)
{
	char			*db, *cause = NULL;
	sqlite3			*h;
	struct store		*st;
	struct store_body	 body;
	struct collected	 c = { 0 };
	int64_t			 feed;
	struct feed_item	 it = { .id = "ep1",
	    .title = "\xd7\x97\xd7\x93\xd7\xa9\xd7\x95\xd7\xaa \xd7\x94\xd7\x91\xd7\x95\xd7\xa7\xd7\xa8",
	    .content = "<p>\xd7\xa1\xd7\x99\xd7\x9b\xd7\x95\xd7\x9d</p>",
	    .content_html = 1, .enclosure = "https://kan.example/1.m4a",
	    .enclosure_type = "audio/mp4", .enclosure_length = 5000,
	    .date = 1700000000 };

	db = tmp_db();
	/* a store made now, then taken back to what schema 5 had */
	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_feed_add(st, "https://kan.example/feed", NULL,
	    &feed, &cause), 0);
	assert_int_equal(update(st, feed, 0, &it, 1), 1);
	store_close(st);
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
	    "ALTER TABLE articles DROP COLUMN enclosure_type;"
	    "ALTER TABLE articles DROP COLUMN enclosure_length;"
	    "UPDATE articles SET saved = 1, unread = 0;"
	    /* schema 5's change hash left type and length out */
	    "UPDATE articles SET chash = chash + 1;"
	    "PRAGMA user_version = 5;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	store_articles(st, NULL, collect, &c, &cause);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.title[0], it.title);
	assert_int_equal(c.saved[0], 1);
	assert_int_equal(c.unread[0], 0);
	assert_int_equal(store_article_body(st, c.id[0], &body, &cause), 0);
	assert_string_equal(body.content, it.content);
	assert_string_equal(body.enclosure, "https://kan.example/1.m4a");
	/* not known before schema 6 */
	assert_null(body.enclosure_type);
	assert_int_equal(body.enclosure_length, 0);
	store_body_clear(&body);
	/* the next fetch fills them in */
	assert_int_equal(update(st, feed, 0, &it, 1), 0);
	assert_int_equal(store_article_enclosure(st, c.id[0], &body,
	    &cause), 0);
	assert_string_equal(body.enclosure_type, "audio/mp4");
	assert_int_equal(body.enclosure_length, 5000);
	store_body_clear(&body);
	collected_free(&c);
	store_close(st);
	unlink(db);
	free(db);
}

static void
test_failure_recorded(void **state)
{
	struct store		*st = open_mem();
	struct store_feed_state	 s;
	struct store_fetch_meta	 m = { .retry_after = 4000000000LL,
				    .moved_to = "https://new.example/" };
	struct store_update	*u;
	char			*cause = NULL;

	assert_int_equal(store_feed_state(st, "https://x.example/", NULL, &s,
	    &cause), 0);
	assert_null(s.etag);
	assert_int_equal(store_feed_failed(st, s.id, "HTTP 429", &m,
	    &cause), 0);
	store_state_clear(&s);
	assert_int_equal(store_feed_state(st, "https://x.example/", NULL, &s,
	    &cause), 0);
	assert_int_equal(s.retry_after, 4000000000LL);
	store_state_clear(&s);
	m.etag = "\"abc\"";
	m.retry_after = 0;
	u = store_update_begin(st, s.id, 0, &cause);
	assert_non_null(u);
	assert_int_equal(store_update_commit(u, &m, NULL, &cause), 0);
	assert_int_equal(store_feed_state(st, "https://x.example/", NULL, &s,
	    &cause), 0);
	assert_string_equal(s.etag, "\"abc\"");
	assert_int_equal(s.retry_after, 0);
	store_state_clear(&s);
	/* an aborted update keeps nothing */
	{
		struct feed_item it = { .id = "x", .title = "x" };
		u = store_update_begin(st, s.id, 0, &cause);
		assert_int_equal(store_update_item(u, &it, &cause), 0);
		store_update_abort(u);
		assert_int_equal(store_count(st, NULL, &cause), 0);
	}
	store_close(st);
}

/* Opening an up-to-date store takes no write lock: the reader starts
 * at once while a refresh holds its transaction (it used to wait for
 * it, up to the busy timeout). */
static void
test_open_while_writing(void **state)
{
	char			*db, *side, *cause = NULL;
	struct store		*wr, *rd;
	struct store_update	*u;
	int64_t			 feed, known = 0;
	time_t			 t0;

	(void)state;
	db = tmp_db();
	wr = store_open(db, &cause);
	assert_non_null(wr);
	assert_int_equal(store_feed_add(wr, "https://a.example/", NULL, &feed,
	    &cause), 0);
	u = store_update_begin(wr, feed, 0, &cause);
	assert_non_null(u);
	t0 = time(NULL);
	rd = store_open(db, &cause);
	assert_non_null(rd);
	assert_true(time(NULL) - t0 < 2);
	assert_int_equal(store_schema_version(rd), STORE_SCHEMA_VERSION);
	assert_int_equal(store_count(rd, NULL, &cause), 0);
	/* What the reader does for each subscribed feed at start. */
	assert_true(store_feed_known(rd, "https://a.example/", NULL, &known));
	assert_int_equal(known, feed);
	assert_true(time(NULL) - t0 < 2);
	store_close(rd);
	store_update_abort(u);
	store_close(wr);
	unlink(db);
	side = xasprintf("%s-wal", db);
	unlink(side);
	free(side);
	side = xasprintf("%s-shm", db);
	unlink(side);
	free(side);
	free(db);
}

/* store_feed_known() says whether store_feed_add() would change
 * anything: the feed is there, under the same name (or none). */
static void
test_feed_known(void **state)
{
	struct store	*st = open_mem();
	char		*cause = NULL;
	int64_t		 id = 0, known = 0;

	(void)state;
	assert_false(store_feed_known(st, "https://a.example/", NULL, &known));
	assert_int_equal(store_feed_add(st, "https://a.example/", NULL, &id,
	    &cause), 0);
	assert_true(store_feed_known(st, "https://a.example/", NULL, &known));
	assert_int_equal(known, id);
	assert_false(store_feed_known(st, "https://a.example/", "A", &known));
	assert_int_equal(store_feed_add(st, "https://a.example/", "A", &id,
	    &cause), 0);
	assert_true(store_feed_known(st, "https://a.example/", "A", &known));
	assert_false(store_feed_known(st, "https://a.example/", "B", &known));
	assert_false(store_feed_known(st, "https://a.example/", NULL, &known));
	assert_false(store_feed_known(st, "https://b.example/", "A", &known));
	store_close(st);
}

/* The number one query on h gives. */
static int64_t
sql_number(sqlite3 *h, const char *sql)
{
	sqlite3_stmt	*s;
	int64_t		 n;

	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* article_counts (schema 7) holds what a walk over the articles counts,
 * row for row. */
static void
assert_counts_exact(sqlite3 *h)
{
	assert_int_equal(sql_number(h, "SELECT count(*) FROM ("
	    "SELECT feed_id, total, unread, hidden, saved, saved_unread "
	    "FROM article_counts WHERE total + hidden > 0 EXCEPT "
	    "SELECT feed_id, sum(unread < 2), sum(unread = 1), "
	    "sum(unread >= 2), sum(saved = 1 AND unread < 2), "
	    "sum(saved = 1 AND unread = 1) FROM articles GROUP BY feed_id)"),
	    0);
	assert_int_equal(sql_number(h, "SELECT count(*) FROM ("
	    "SELECT feed_id, sum(unread < 2), sum(unread = 1), "
	    "sum(unread >= 2), sum(saved = 1 AND unread < 2), "
	    "sum(saved = 1 AND unread = 1) FROM articles GROUP BY feed_id "
	    "EXCEPT SELECT feed_id, total, unread, hidden, saved, "
	    "saved_unread FROM article_counts)"), 0);
	assert_int_equal(sql_number(h, "SELECT count(*) FROM article_counts "
	    "WHERE total < 0 OR unread < 0 OR hidden < 0 OR saved < 0 OR "
	    "saved_unread < 0"), 0);
}

static int
count_unread_cb(const struct store_feed *f, void *arg)
{
	*(int64_t *)arg += f->unread;
	return 0;
}

/*
 * The counts every list shows come from article_counts, which triggers
 * keep: through akhbar (updates, trims, marks, saves, rules, removals)
 * and through the sqlite3 tool, INSERT OR REPLACE and OR IGNORE too.
 */
static void
test_counts_kept(void **state)
{
	char			*db, *cause = NULL;
	sqlite3			*h;
	struct store		*st;
	struct store_filter	 fl;
	struct feed_item	 items[6];
	char			 guid[6][8];
	int64_t			 a, b, n, removed, ids[2];
	int			 i, gone;

	(void)state;
	db = tmp_db();
	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_feed_add(st, "https://a.example/", NULL, &a,
	    &cause), 0);
	assert_int_equal(store_feed_add(st, "https://b.example/", NULL, &b,
	    &cause), 0);
	memset(items, 0, sizeof items);
	for (i = 0; i < 6; i++) {
		snprintf(guid[i], sizeof guid[i], "g%d", i);
		items[i].id = guid[i];
		items[i].title = guid[i];
		items[i].date = 1700000000 + i;
	}
	assert_int_equal(update(st, a, 0, items, 6), 6);
	assert_int_equal(update(st, b, 0, items, 3), 3);
	/* read, saved, hidden by a rule (bit 1), a trim by the limit */
	assert_int_equal(store_set_unread(st, 1, 0, &cause), 0);
	assert_int_equal(store_set_saved(st, 2, 1, &cause), 0);
	assert_int_equal(store_set_saved(st, 3, 1, &cause), 0);
	assert_int_equal(store_set_unread(st, 3, 0, &cause), 0);
	ids[0] = 7;
	ids[1] = 8;
	assert_int_equal(store_set_unread_ids(st, ids, 2, 0, &cause), 0);
	assert_int_equal(update(st, a, 4, items, 1), 0);
	memset(&fl, 0, sizeof fl);
	/* the limit kept saved article 2 (ids 3 to 6 the newest) */
	assert_int_equal(store_count(st, &fl, &cause), 5 + 3);
	fl.unread_only = 1;
	assert_int_equal(store_count(st, &fl, &cause), 4 + 1);
	assert_int_equal(store_unread_total(st, &cause), 5);
	fl.saved_only = 1;
	assert_int_equal(store_count(st, &fl, &cause), 1);
	fl.unread_only = 0;
	assert_int_equal(store_count(st, &fl, &cause), 2);
	assert_int_equal(store_feed_total(st, a, &n, &cause), 0);
	assert_int_equal(n, 5);
	n = 0;
	assert_int_equal(store_feeds(st, count_unread_cb, &n, &cause), 0);
	assert_int_equal(n, 5);
	store_close(st);

	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_counts_exact(h);
	/* hidden by a rule: bit 1 */
	assert_int_equal(sqlite3_exec(h, "UPDATE articles SET unread = "
	    "unread | 2 WHERE id = 9", NULL, NULL, NULL), SQLITE_OK);
	assert_counts_exact(h);
	/* REPLACE by guid (a new id) and by id, OR IGNORE of a known one,
	 * an upsert, a plain insert, a move to another feed, deletes */
	assert_int_equal(sqlite3_exec(h,
	    "INSERT OR REPLACE INTO articles(feed_id, guid, title, date, "
	    "first_seen, unread, saved) SELECT feed_id, guid, 'r', date, "
	    "first_seen, 0, 1 FROM articles WHERE id = 4;"
	    "INSERT OR REPLACE INTO articles(id, feed_id, guid, title, date, "
	    "first_seen, unread) VALUES(5, 2, 'moved', 't', 1, 1, 1);"
	    "INSERT OR IGNORE INTO articles(id, feed_id, guid, title, date, "
	    "first_seen) VALUES(6, 1, 'x', 't', 1, 1);"
	    "INSERT INTO articles(id, feed_id, guid, title, date, first_seen,"
	    " unread) VALUES(6, 1, 'y', 't', 1, 1, 0) ON CONFLICT(id) DO "
	    "UPDATE SET unread = 0;"
	    "INSERT INTO articles(feed_id, guid, title, date, first_seen) "
	    "VALUES(2, 'new', 't', 1, 1);"
	    "UPDATE articles SET feed_id = 1 WHERE id = 7;"
	    "DELETE FROM articles WHERE id = 8;", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_counts_exact(h);
	sqlite3_close(h);

	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_feed_remove(st, b, &removed, &gone, &cause),
	    0);
	assert_int_equal(store_feed_mark_read(st, 0, &cause), 0);
	assert_int_equal(store_unread_total(st, &cause), 0);
	store_close(st);
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_counts_exact(h);
	/* a store of schema 6 gets its counts from the articles */
	assert_int_equal(sqlite3_exec(h, "DELETE FROM article_counts;"
	    "UPDATE articles SET saved = 1;"
	    "PRAGMA user_version = 6;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	store_close(st);
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_counts_exact(h);
	assert_true(sql_number(h, "SELECT sum(saved) FROM article_counts")
	    > 0);
	sqlite3_close(h);
	unlink(db);
	free(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_version),
		cmocka_unit_test(test_dedup),
		cmocka_unit_test(test_update_keeps_state),
		cmocka_unit_test(test_undated_keeps_first_seen),
		cmocka_unit_test(test_limit_keeps_saved),
		cmocka_unit_test(test_housekeeping),
		cmocka_unit_test(test_lists_and_marks),
		cmocka_unit_test(test_migrate_v1),
		cmocka_unit_test(test_enclosure_round_trip),
		cmocka_unit_test(test_migrate_v5),
		cmocka_unit_test(test_failure_recorded),
		cmocka_unit_test(test_open_while_writing),
		cmocka_unit_test(test_feed_known),
		cmocka_unit_test(test_counts_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
