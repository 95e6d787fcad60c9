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

/* The reader maps the file (store_map_reads()); a second connection,
 * as a refresh would, adds articles and marks some read. */
static void
test_counts_mapped(void **state)
{
	char		 path[] = "/tmp/akhbar-source-XXXXXX";
	char		*db, *side, *cause = NULL;
	struct store	*rd, *wr;
	struct brute	 b;
	int64_t		 ids[64] = { 0 };
	int		 fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	db = xasprintf("%s.db", path);
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
	unlink(db);
	side = xasprintf("%s-wal", db);
	unlink(side);
	free(side);
	side = xasprintf("%s-shm", db);
	unlink(side);
	free(side);
	free(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_after_marks),
		cmocka_unit_test(test_counts_mapped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
