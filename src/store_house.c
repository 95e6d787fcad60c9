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

	/* article_counts (schema 7): a row a feed, no article read */
	n = store_house_number(st, "SELECT coalesce(sum(c.unread), 0) "
	    "FROM feeds f JOIN article_counts c ON c.feed_id = f.id");
	if (n < 0)
		*cause = store_error(st, "store: unread count");
	return n;
}

/* ---- ignore rules ---- */

int64_t
store_max_id(struct store *st, char **cause)
{
	int64_t	n = store_house_number(st, "SELECT coalesce(max(id), 0) "
	    "FROM articles");

	if (n < 0)
		*cause = store_error(st, "store: max id");
	return n;
}

/* Set or clear the hidden bit of the ids[0..n) (set: hide). */
static int
store_rules_write(struct store *st, const int64_t *ids, size_t n, int set,
    char **cause)
{
	sqlite3_stmt	*s;
	size_t		 i;
	int		 rc = 0;

	if (sqlite3_prepare_v2(st->db, set ? "UPDATE articles SET unread = "
	    "unread | 2 WHERE id = ?1" : "UPDATE articles SET unread = "
	    "unread & 1 WHERE id = ?1", -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: rules");
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		sqlite3_bind_int64(s, 1, ids[i]);
		if (sqlite3_step(s) != SQLITE_DONE) {
			*cause = store_error(st, "store: rules");
			rc = -1;
		}
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return rc;
}

/* The columns store_rules_row() reads, without and with the body. */
#define STORE_RULES_SQL	"SELECT a.id, f.url, a.title, a.author, NULL, 0, " \
	"a.unread >= 2 FROM articles a JOIN feeds f ON f.id = a.feed_id " \
	"WHERE "
#define STORE_RULES_SQL_BODY	"SELECT a.id, f.url, a.title, a.author, " \
	"b.content, b.content_html, a.unread >= 2 FROM articles a JOIN " \
	"feeds f ON f.id = a.feed_id LEFT JOIN bodies b ON " \
	"b.article_id = a.id WHERE "

/* Decide on the article of row s (store_rules_walk()'s columns). */
static void
store_rules_row(sqlite3_stmt *s, unsigned flags, store_rules_cb cb,
    void *arg, struct store_ids *hide, struct store_ids *show)
{
	int	want;

	want = cb((const char *)sqlite3_column_text(s, 1),
	    (const char *)sqlite3_column_text(s, 2),
	    (const char *)sqlite3_column_text(s, 3),
	    (const char *)sqlite3_column_text(s, 4),
	    sqlite3_column_int(s, 5), arg) != 0;
	if (want != sqlite3_column_int(s, 6) &&
	    (want || !(flags & STORE_RULES_HIDE_ONLY)))
		store_ids_add(want ? hide : show, sqlite3_column_int64(s, 0));
}

/* Run the walk's query for the articles of the condition where (on ?1)
 * with the value v; store_rules_row() on each. SQLITE_DONE or an error
 * of sqlite3_step(). */
static int
store_rules_step(sqlite3_stmt *s, int64_t v, unsigned flags,
    store_rules_cb cb, void *arg, struct store_ids *hide,
    struct store_ids *show)
{
	int	rc;

	sqlite3_bind_int64(s, 1, v);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		store_rules_row(s, flags, cb, arg, hide, show);
	sqlite3_reset(s);
	return rc;
}

/* Walk the articles above from_id (with STORE_RULES_UPDATED, also those
 * at or below it that this handle updated: a changed title may match a
 * rule now, or no longer), collecting those whose state must change:
 * hide[] to hide, show[] to show again. */
static int
store_rules_walk(struct store *st, int64_t from_id, unsigned flags,
    store_rules_cb cb, void *arg, struct store_ids *hide,
    struct store_ids *show, char **cause)
{
	sqlite3_stmt	*s, *one;
	const char	*sql, *sql_one;
	size_t		 i;
	int		 rc;

	sql = (flags & STORE_RULES_BODY) ? STORE_RULES_SQL_BODY "a.id > ?1" :
	    STORE_RULES_SQL "a.id > ?1";
	sql_one = (flags & STORE_RULES_BODY) ? STORE_RULES_SQL_BODY
	    "a.id = ?1" : STORE_RULES_SQL "a.id = ?1";
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: rules");
		return -1;
	}
	rc = store_rules_step(s, from_id, flags, cb, arg, hide, show);
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE && (flags & STORE_RULES_UPDATED) &&
	    st->updated.n > 0) {
		if (sqlite3_prepare_v2(st->db, sql_one, -1, &one,
		    NULL) != SQLITE_OK) {
			*cause = store_error(st, "store: rules");
			return -1;
		}
		/* one above from_id was seen already */
		for (i = 0; i < st->updated.n && rc == SQLITE_DONE; i++)
			if (st->updated.v[i] <= from_id)
				rc = store_rules_step(one, st->updated.v[i],
				    flags, cb, arg, hide, show);
		sqlite3_finalize(one);
	}
	if (rc != SQLITE_DONE)
		*cause = store_error(st, "store: rules");
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_rules_apply(struct store *st, int64_t from_id, unsigned flags,
    store_rules_cb cb, void *arg, int64_t *changed, char **cause)
{
	struct store_ids	hide = { 0 }, show = { 0 };
	int			rc = -1;

	*changed = 0;
	/* read first, write after: one short write transaction */
	if (store_rules_walk(st, from_id, flags, cb, arg, &hide, &show,
	    cause) != 0)
		goto out;
	if (hide.n + show.n == 0) {
		rc = 0;
		goto out;
	}
	if (store_exec(st, "BEGIN IMMEDIATE", cause) != 0)
		goto out;
	if (store_rules_write(st, hide.v, hide.n, 1, cause) != 0 ||
	    store_rules_write(st, show.v, show.n, 0, cause) != 0 ||
	    store_exec(st, "COMMIT", cause) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		goto out;
	}
	*changed = (int64_t)(hide.n + show.n);
	rc = 0;
out:
	free(hide.v);
	free(show.v);
	return rc;
}

int
store_rules_get(struct store *st, char **fp, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*fp = NULL;
	if (sqlite3_prepare_v2(st->db, "SELECT value FROM store_meta "
	    "WHERE name = 'ignore-rules'", -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: rules");
		return -1;
	}
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*fp = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(st, "store: rules");
		return -1;
	}
	if (*fp == NULL)
		*fp = xstrdup("");
	return 0;
}

int
store_rules_set(struct store *st, const char *fp, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO store_meta"
	    "(name, value) VALUES('ignore-rules', ?1)", -1, &s,
	    NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: rules");
		return -1;
	}
	sqlite3_bind_text(s, 1, fp, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		*cause = store_error(st, "store: rules");
		return -1;
	}
	return 0;
}

char *
store_feed_url(struct store *st, int64_t feed_id)
{
	sqlite3_stmt	*s;
	char		*url = NULL;

	if (sqlite3_prepare_v2(st->db, "SELECT url FROM feeds WHERE id = ?1",
	    -1, &s, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(s, 1, feed_id);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
		url = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return url;
}

int
store_hidden_among(struct store *st, const int64_t *ids, size_t n,
    int64_t *count, char **cause)
{
	return store_ids_count(st, "SELECT 1 FROM articles WHERE id = ?1 AND "
	    "unread >= 2", ids, n, count, cause);
}
