/* test_fulltext.c - full texts in the store (schema 5): kept next to
 * the feed content, indexed with the article (a word only in the full
 * text is found, and no longer once the full text changes), a failure
 * recorded without losing an earlier text, deleted with the article,
 * the migration of a version 4 store. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "config.h"
#include "feed.h"
#include "fulltext.h"
#include "store.h"
#include "util.h"

/* A summary-only feed item: the page says much more. */
static const struct feed_item summary = {
	.id = "aj-1",
	.title = "\xd9\x85\xd9\x81\xd8\xa7\xd9\x88\xd8\xb6\xd8\xa7\xd8\xaa "
	    "\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd8\xa7\xd9\x87",	/* مفاوضات المياه */
	.link = "https://news.example/water",
	.content = "<p>\xd8\xa7\xd8\xb3\xd8\xaa\xd8\xa6\xd9\x86\xd8\xa7\xd9\x81 "
	    "talks in Cairo</p>",	/* استئناف talks in Cairo */
	.content_html = 1,
	.date = 1700000000,
};

/* The page's full text: words the summary does not have. */
#define FULL "<div><p>The delegations met at the Nile barrage; " \
	"\xd8\xa7\xd9\x84\xd8\xb3\xd8\xaf " \
	"hydrologists presented new figures.</p></div>"	/* السد */

static int
count_cb(const struct store_article *a, void *arg)
{
	(void)a;
	(*(int *)arg)++;
	return 0;
}

static int
hits(struct store *st, const char *query)
{
	char	*cause = NULL;
	int	 n = 0;

	if (store_search(st, query, NULL, count_cb, &n, &cause) != 0) {
		print_error("%s: %s\n", query, cause);
		free(cause);
		return -1;
	}
	return n;
}

/* Also the ids path (highlights), which reads the index alone. */
static size_t
id_hits(struct store *st, const char *query)
{
	int64_t	*ids = NULL;
	size_t	 n = 0;
	char	*cause = NULL;

	assert_int_equal(store_search_ids(st, query, &ids, &n, &cause), 0);
	free(ids);
	return n;
}

static struct store *
one_article(const char *path, int64_t *id)
{
	struct store		*st;
	struct store_update	*u;
	char			*cause = NULL;
	int64_t			 feed;

	st = store_open(path, &cause);
	assert_non_null(st);
	assert_int_equal(store_feed_add(st, "https://news.example/feed",
	    NULL, &feed, &cause), 0);
	u = store_update_begin(st, feed, 0, &cause);
	assert_non_null(u);
	assert_int_equal(store_update_item(u, &summary, &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
	*id = store_max_id(st, &cause);
	assert_true(*id > 0);
	return st;
}

static void
put(struct store *st, int64_t id, const char *content, const char *error)
{
	struct store_fulltext	f = { 0 };
	char			*cause = NULL;

	f.content = (char *)content;
	f.error = (char *)error;
	f.url = "https://news.example/water?amp=0";
	f.content_type = "text/html; charset=utf-8";
	f.fetched = 1700000100;
	if (store_fulltext_put(st, id, &f, &cause) != 0)
		fail_msg("%s", cause);
}

static void
test_put_get_search(void **state)
{
	struct store		*st;
	struct store_fulltext	 f;
	struct store_body	 b;
	char			*cause = NULL;
	int64_t			 id;

	(void)state;
	st = one_article(":memory:", &id);
	assert_int_equal(store_fulltext_get(st, id, &f, &cause), 0);
	assert_null(f.content);
	assert_int_equal(hits(st, "hydrologists"), 0);
	assert_int_equal(id_hits(st, "=hydrologists"), 0);

	put(st, id, FULL, NULL);
	assert_int_equal(store_fulltext_get(st, id, &f, &cause), 1);
	assert_string_equal(f.content, FULL);
	assert_null(f.error);
	assert_string_equal(f.url, "https://news.example/water?amp=0");
	assert_string_equal(f.content_type, "text/html; charset=utf-8");
	assert_int_equal(f.fetched, 1700000100);
	store_fulltext_clear(&f);
	/* next to the feed's content, not over it */
	assert_int_equal(store_article_body(st, id, &b, &cause), 0);
	assert_non_null(strstr(b.content, "talks in Cairo"));
	store_body_clear(&b);

	/* a word only in the full text, by both paths; the summary's words
	 * still; one of each together */
	assert_int_equal(hits(st, "hydrologists"), 1);
	assert_int_equal(id_hits(st, "=hydrologists"), 1);
	assert_int_equal(hits(st, "\xd8\xa7\xd9\x84\xd8\xb3\xd8\xaf"), 1);
	assert_int_equal(hits(st, "cairo"), 1);
	assert_int_equal(hits(st, "cairo barrage"), 1);
	assert_int_equal(hits(st, "\"nile barrage\""), 1);

	/* a new full text replaces the old one's words in the index */
	put(st, id, "<p>Only the reservoir levels were discussed, at "
	    "length, by the engineers of both ministries today.</p>", NULL);
	assert_int_equal(hits(st, "hydrologists"), 0);
	assert_int_equal(id_hits(st, "=hydrologists"), 0);
	assert_int_equal(hits(st, "reservoir"), 1);

	/* a failure later keeps the text, and says why */
	put(st, id, NULL, "HTTP 503 Service Unavailable");
	assert_int_equal(store_fulltext_get(st, id, &f, &cause), 1);
	assert_non_null(f.content);
	assert_non_null(strstr(f.content, "reservoir"));
	assert_string_equal(f.error, "HTTP 503 Service Unavailable");
	store_fulltext_clear(&f);
	assert_int_equal(hits(st, "reservoir"), 1);
	store_close(st);
}

static void
test_failure_and_pending(void **state)
{
	struct store		*st;
	struct store_fulltext	 f;
	char			*cause = NULL;
	int64_t			 id, *ids;
	size_t			 n;

	(void)state;
	st = one_article(":memory:", &id);
	assert_int_equal(store_fulltext_pending(st, 1, 0, &ids, &n, &cause),
	    0);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], id);
	free(ids);
	/* above the article's id: nothing new */
	assert_int_equal(store_fulltext_pending(st, 1, id, &ids, &n, &cause),
	    0);
	assert_int_equal(n, 0);
	free(ids);

	put(st, id, NULL, "HTTP 404 Not Found");
	assert_int_equal(store_fulltext_get(st, id, &f, &cause), 1);
	assert_null(f.content);
	assert_string_equal(f.error, "HTTP 404 Not Found");
	store_fulltext_clear(&f);
	/* tried once: never again by itself */
	assert_int_equal(store_fulltext_pending(st, 1, 0, &ids, &n, &cause),
	    0);
	assert_int_equal(n, 0);
	free(ids);
	/* no row for an article that is not there */
	{
		struct store_fulltext g = { .error = "x", .fetched = 1 };
		assert_int_equal(store_fulltext_put(st, id + 100, &g, &cause),
		    -1);
		assert_non_null(strstr(cause, "no article"));
		free(cause);
	}
	store_close(st);
}

/* An article changed by the feed keeps its full text's words indexed;
 * deleting the article takes the full text and its words with it. */
static void
test_update_and_delete(void **state)
{
	struct store		*st;
	struct store_update	*u;
	struct store_fulltext	 f;
	struct feed_item	 changed = summary;
	char			*cause = NULL;
	int64_t			 id;

	(void)state;
	st = one_article(":memory:", &id);
	put(st, id, FULL, NULL);
	changed.content = "<p>Talks resume in Khartoum</p>";
	u = store_update_begin(st, 1, 0, &cause);
	assert_non_null(u);
	assert_int_equal(store_update_item(u, &changed, &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
	assert_int_equal(hits(st, "khartoum"), 1);
	assert_int_equal(hits(st, "cairo"), 0);
	assert_int_equal(hits(st, "hydrologists"), 1);
	assert_int_equal(id_hits(st, "=hydrologists"), 1);

	/* a newer article and a limit of one: the first one goes */
	{
		struct feed_item newer = summary;
		newer.id = "aj-2";
		newer.title = "Second";
		newer.content = "<p>Markets</p>";
		newer.date = summary.date + 3600;
		u = store_update_begin(st, 1, 1, &cause);
		assert_non_null(u);
		assert_int_equal(store_update_item(u, &newer, &cause), 0);
		assert_int_equal(store_update_commit(u, NULL, NULL, &cause),
		    0);
	}
	assert_int_equal(store_fulltext_get(st, id, &f, &cause), 0);
	assert_int_equal(hits(st, "hydrologists"), 0);
	assert_int_equal(id_hits(st, "=hydrologists"), 0);
	assert_int_equal(hits(st, "markets"), 1);
	store_close(st);
}

/* A store of version 4 (this schema without step 5) is migrated:
 * articles, bodies and the index are kept, and full texts work. */
static void
test_migrate_v4(void **state)
{
	char		 path[] = "/tmp/akhbar-fulltext-XXXXXX";
	char		*db, *cause = NULL;
	struct store	*st;
	sqlite3		*h;
	int64_t		 id;
	int		 fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	db = xasprintf("%s.db", path);
	st = one_article(db, &id);
	store_close(st);
	/* take step 4 -> 5 back */
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
	    "DROP TRIGGER fts_old_fulltext; DROP TRIGGER fts_old_drop;"
	    "DROP TRIGGER articles_fulltext_delete;"
	    "DROP TRIGGER fulltexts_fts_insert;"
	    "DROP TRIGGER fulltexts_fts_update;"
	    "DROP TRIGGER fulltexts_fts_delete;"
	    "DROP TABLE fulltexts; DROP TABLE fulltext_old;"
	    /* and step 5 -> 6 (enclosure type and size) */
	    "ALTER TABLE articles DROP COLUMN enclosure_type;"
	    "ALTER TABLE articles DROP COLUMN enclosure_length;"
	    "PRAGMA user_version = 4;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	assert_int_equal(store_max_id(st, &cause), id);
	assert_int_equal(hits(st, "cairo"), 1);
	put(st, id, FULL, NULL);
	assert_int_equal(hits(st, "hydrologists"), 1);
	store_close(st);

	/* and opened again, the full text is there */
	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(hits(st, "hydrologists"), 1);
	store_close(st);
	unlink(db);
	free(db);
}

/* The config's `fulltext yes|no` (off by default), a bad value one
 * error naming the line. */
static void
test_config(void **state)
{
	struct config	c;

	(void)state;
	config_init(&c);
	assert_int_equal(c.fulltext, 0);
	assert_int_equal(config_parse(&c, "fulltext yes\n", "cfg"), 0);
	assert_int_equal(c.fulltext, 1);
	assert_int_equal(config_parse(&c, "fulltext no\n", "cfg"), 0);
	assert_int_equal(c.fulltext, 0);
	assert_int_equal(config_parse(&c, "fulltext yes\nfulltext maybe\n"
	    "fulltext\n", "cfg"), 2);
	assert_int_equal(c.fulltext, 1);
	assert_non_null(strstr(c.errors[0], "cfg:2: expected: fulltext "
	    "yes|no"));
	assert_non_null(strstr(c.errors[1], "cfg:3: "));
	config_free(&c);
}

/* Which Content-Types may hold an article. */
static void
test_types(void **state)
{
	static const struct {
		const char	*type;
		int		 ok;
	} cases[] = {
		{ NULL, 1 },				/* not said */
		{ "", 1 },
		{ "text/html", 1 },
		{ "text/html; charset=windows-1256", 1 },
		{ "TEXT/HTML;charset=utf-8", 1 },
		{ "application/xhtml+xml", 1 },
		{ "text/htmlx", 0 },			/* not a prefix */
		{ "application/pdf", 0 },
		{ "image/jpeg", 0 },
		{ "application/octet-stream", 0 },
		{ "text/plain", 0 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (fulltext_type_ok(cases[i].type) != cases[i].ok)
			fail_msg("%s: want %d", cases[i].type != NULL ?
			    cases[i].type : "NULL", cases[i].ok);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get_search),
		cmocka_unit_test(test_failure_and_pending),
		cmocka_unit_test(test_update_and_delete),
		cmocka_unit_test(test_migrate_v4),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_types),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
