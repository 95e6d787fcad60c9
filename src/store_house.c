/*
 * store_house.c - housekeeping of the store (issue 13): articles past a
 * feed's keep-days, feeds no longer subscribed, VACUUM when it pays, and
 * the cheap counts a status bar asks for. Deletions go through the same
 * triggers as every other one, so the search index is brought up to date
 * (store_fts_flush()) in the same transaction. Saved articles are never
 * deleted. Times are UTC seconds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_int.h"
#include "util.h"

/* Run sql with ?1 and ?2 bound (when not 0) in a write transaction that
 * also brings the index up to date; *changes gets the rows deleted. */
static int
store_house_delete(struct store *st, const char *sql, int64_t a, int64_t b,
    int64_t *changes, char **cause)
{
	sqlite3_stmt	*s = NULL;

	*changes = 0;
	if (store_exec(st, "BEGIN IMMEDIATE", cause) != 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: cleanup");
		goto fail;
	}
	sqlite3_bind_int64(s, 1, a);
	sqlite3_bind_int64(s, 2, b);
	if (sqlite3_step(s) != SQLITE_DONE) {
		*cause = store_error(st, "store: cleanup");
		goto fail;
	}
	*changes = sqlite3_changes(st->db);
	sqlite3_finalize(s);
	s = NULL;
	if (store_fts_flush(st, cause) != 0 ||
	    store_exec(st, "COMMIT", cause) != 0)
		goto fail;
	return 0;
fail:
	sqlite3_finalize(s);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	*changes = 0;
	return -1;
}

int
store_expire(struct store *st, int64_t feed_id, int64_t before,
    int64_t *removed, char **cause)
{
	return store_house_delete(st, "DELETE FROM articles WHERE "
	    "feed_id = ?1 AND date < ?2 AND saved = 0", feed_id, before,
	    removed, cause);
}

int
store_feed_remove(struct store *st, int64_t feed_id, int64_t *removed,
    int *gone, char **cause)
{
	int64_t	feeds;

	*gone = 0;
	if (store_house_delete(st, "DELETE FROM articles WHERE "
	    "feed_id = ?1 AND saved = 0", feed_id, 0, removed, cause) != 0)
		return -1;
	/* the feed row stays while saved articles name it */
	if (store_house_delete(st, "DELETE FROM feeds WHERE id = ?1 AND "
	    "NOT EXISTS (SELECT 1 FROM articles WHERE feed_id = ?1)",
	    feed_id, 0, &feeds, cause) != 0)
		return -1;
	*gone = feeds > 0;
	return 0;
}

/* The value of a one-number PRAGMA or query, or -1. */
static int64_t
store_house_number(struct store *st, const char *sql)
{
	sqlite3_stmt	*s;
	int64_t		 v = -1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

int
store_vacuum_if(struct store *st, int percent, int64_t *freed_pages,
    char **cause)
{
	int64_t	pages, free_pages;

	*freed_pages = 0;
	pages = store_house_number(st, "PRAGMA page_count");
	free_pages = store_house_number(st, "PRAGMA freelist_count");
	if (pages <= 0 || free_pages < 0) {
		*cause = store_error(st, "store: page count");
		return -1;
	}
	if (free_pages * 100 < pages * percent)
		return 0;
	if (store_exec(st, "VACUUM", cause) != 0)
		return -1;
	*freed_pages = free_pages;
	return 0;
}

int
store_feed_id(struct store *st, const char *url, int64_t *id, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*id = 0;
	if ((s = store_stmt(st, S_FEED_ID, cause)) == NULL)
		return -1;
	sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(st, "store: feed");
		return -1;
	}
	return 0;
}

int64_t
store_unread_total(struct store *st, char **cause)
{
	int64_t	n;

	/* the partial index articles_unread holds exactly these rows */
	n = store_house_number(st, "SELECT count(*) FROM articles "
	    "INDEXED BY articles_unread WHERE unread = 1");
	if (n < 0)
		*cause = store_error(st, "store: unread count");
	return n;
}
