/*
 * store_fulltext.c - the full texts of the store (schema 5, see
 * store.h): an article's page, fetched and extracted, kept in the
 * fulltexts table next to its feed content in bodies. A row is written
 * in one transaction that also re-indexes the article: the triggers of
 * schema 5 copy what the index held for it (title, body, old full text)
 * to article_fts_old and fulltext_old, and store_fts_flush() takes those
 * terms out and indexes the new ones. Times are UTC seconds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_int.h"
#include "util.h"

int
store_fulltext_get(struct store *st, int64_t article_id,
    struct store_fulltext *f, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(f, 0, sizeof *f);
	if ((s = store_stmt(st, S_FULLTEXT_GET, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		f->content = store_column_dup(s, 0);
		f->error = store_column_dup(s, 1);
		f->url = store_column_dup(s, 2);
		f->content_type = store_column_dup(s, 3);
		f->fetched = sqlite3_column_int64(s, 4);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(st, "store: full text");
		return -1;
	}
	return rc == SQLITE_ROW;
}

int
store_fulltext_content(struct store *st, int64_t id, char **content,
    char **cause)
{
	struct store_fulltext	f;

	*content = NULL;
	if (store_fulltext_get(st, id, &f, cause) == -1)
		return -1;
	*content = f.content;
	f.content = NULL;
	store_fulltext_clear(&f);
	return 0;
}

void
store_fulltext_clear(struct store_fulltext *f)
{
	free(f->content);
	free(f->error);
	free(f->url);
	free(f->content_type);
	memset(f, 0, sizeof *f);
}

/* The row of f, in the caller's transaction. */
static int
store_fulltext_write(struct store *st, int64_t article_id,
    const struct store_fulltext *f, char **cause)
{
	sqlite3_stmt	*s;
	int		 i = 2;

	if ((s = store_stmt(st, f->content != NULL ? S_FULLTEXT_PUT :
	    S_FULLTEXT_FAIL, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article_id);
	if (f->content != NULL)
		store_bind_text(s, i++, f->content);
	sqlite3_bind_int64(s, i++, f->fetched);
	store_bind_text(s, i++, f->content != NULL ? NULL : (f->error != NULL ?
	    f->error : "failed"));
	store_bind_text(s, i++, f->url);
	store_bind_text(s, i, f->content_type);
	return store_done(st, s, cause);
}

int
store_fulltext_put(struct store *st, int64_t article_id,
    const struct store_fulltext *f, char **cause)
{
	sqlite3_stmt	*s;
	char		*link = NULL;

	/* No row for an article that is not there (deleted meanwhile). */
	if (store_article_link(st, article_id, &link, cause) == -1)
		return -1;
	free(link);
	if ((s = store_stmt(st, S_BEGIN, cause)) == NULL ||
	    store_done(st, s, cause) != 0)
		return -1;
	/* Catch up with SQL first, so that the triggers find the index as
	 * the article's terms made it; then re-index it with the text.
	 * Rows a refresh lets wait are indexed here too (floor 0): the
	 * triggers must find the article's. */
	if (store_fts_flush(st, cause) != 0 ||
	    store_index_missing(st, 0, cause) != 0 ||
	    store_fulltext_write(st, article_id, f, cause) != 0 ||
	    store_fts_flush(st, cause) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	if ((s = store_stmt(st, S_COMMIT, cause)) == NULL ||
	    store_done(st, s, cause) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

int
store_fulltext_pending(struct store *st, int64_t feed_id, int64_t above_id,
    int64_t **ids, size_t *n, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if ((s = store_stmt(st, S_FULLTEXT_PENDING, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, feed_id);
	sqlite3_bind_int64(s, 2, above_id);
	rc = store_ids_read(st, s, "store: full text", ids, n, cause);
	sqlite3_reset(s);
	return rc;
}

int
store_article_link(struct store *st, int64_t article_id, char **link,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*link = NULL;
	if ((s = store_stmt(st, S_ART_LINK, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*link = store_column_dup(s, 0);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		*cause = xasprintf("no article %lld", (long long)article_id);
	else if (rc != SQLITE_ROW)
		*cause = store_error(st, "store: articles");
	return rc == SQLITE_ROW ? 0 : -1;
}

int
store_article_feed_url(struct store *st, int64_t article_id, char **url,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*url = NULL;
	/* Prepared once a call: a page fetch is far slower. */
	if (sqlite3_prepare_v2(st->db, "SELECT f.url FROM articles a JOIN "
	    "feeds f ON f.id = a.feed_id WHERE a.id = ?1", -1, &s, NULL) !=
	    SQLITE_OK) {
		*cause = store_error(st, "store: feeds");
		return -1;
	}
	sqlite3_bind_int64(s, 1, article_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*url = store_column_dup(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(st, "store: feeds");
		return -1;
	}
	return 0;
}
