/*
 * store_fts.c - the full-text half of the store (see store.h and
 * doc/search.md): keeping the FTS5 index article_fts in step with the
 * articles, and answering searches from it. search.c makes the terms
 * and translates queries; this file runs the SQL. Shares the connection
 * and statement cache with store.c through store_int.h.
 *
 * The index is contentless: a row is taken out by giving its terms
 * again, recomputed by akhbar_fts_terms() from the title and body that
 * the triggers of schema 4 kept in article_fts_old.
 *
 * While rows wait (store_index_defer()), the terms of new articles are
 * made by a worker thread (store_terms.c) and join st->deferred when
 * finished; an update that must write its own rows waits for it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "store.h"
#include "store_int.h"
#include "store_terms.h"
#include "util.h"

/*
 * SQL function akhbar_fts_terms(title, content, content_html[,
 * fulltext]): the index terms of an article, exactly as store_index()
 * makes them. The delete of a row must give the index the same terms
 * again.
 */
void
store_fts_terms_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char	*text, *terms;

	if (argc != 3 && argc != 4) {
		sqlite3_result_error(ctx, "akhbar_fts_terms: 3 or 4 arguments",
		    -1);
		return;
	}
	text = search_article_text((const char *)sqlite3_value_text(argv[1]),
	    sqlite3_value_int(argv[2]), argc == 4 ?
	    (const char *)sqlite3_value_text(argv[3]) : NULL);
	terms = search_terms((const char *)sqlite3_value_text(argv[0]), text);
	free(text);
	sqlite3_result_text(ctx, terms, -1, free);
}

/* Non-zero when article id has a row in the index. */
static int
store_fts_has(struct store *st, int64_t id, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = store_stmt(st, S_FTS_HAS, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(st, "store: index");
		return -1;
	}
	return rc == SQLITE_ROW;
}

/*
 * Take out of the index every row whose title or body changed or went
 * (the triggers kept the indexed ones in article_fts_old), and index
 * again those whose article is still there. Inside a transaction.
 */
int
store_fts_flush(struct store *st, char **cause)
{
	static const char sql[] =
	    "INSERT INTO article_fts(article_fts, rowid, terms) "
	    "SELECT 'delete', o.id, akhbar_fts_terms(o.title, o.content, "
	    "o.content_html, f.content) FROM article_fts_old o "
	    "LEFT JOIN fulltext_old f ON f.id = o.id;"
	    "INSERT INTO article_fts(rowid, terms) SELECT a.id, "
	    "akhbar_fts_terms(a.title, b.content, b.content_html, "
	    "f.content) FROM article_fts_old o JOIN articles a ON a.id = o.id "
	    "LEFT JOIN bodies b ON b.article_id = a.id "
	    "LEFT JOIN fulltexts f ON f.article_id = a.id;"
	    "DELETE FROM article_fts_old;";
	sqlite3_stmt	*s;
	int		 any;

	if ((s = store_stmt(st, S_FTS_OLD_ANY, cause)) == NULL)
		return -1;
	any = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return any ? store_exec(st, sql, cause) : 0;
}

static int store_fts_put_deferred(struct store *, const struct fts_row *,
	    char **);
static int store_fts_write(struct store *, char **);

/* store_terms_take()'s callback: a finished row joins the waiting ones
 * (arg). */
static void
store_fts_took(int64_t id, char *terms, void *arg)
{
	struct store_deferred	*d = arg;

	if (d->n == d->cap) {
		d->cap = d->cap == 0 ? 256 : d->cap * 2;
		d->row = xreallocarray(d->row, d->cap, sizeof *d->row);
	}
	d->row[d->n].id = id;
	d->row[d->n++].terms = terms;
	d->bytes += strlen(terms);
	if (id > d->max_id)
		d->max_id = id;
}

/*
 * Write the pending index rows of u (see struct fts_row). Rows of
 * earlier updates that wait (store_index_defer()) go first, in this
 * transaction: the ids waiting must stay above every indexed one, which
 * the catch-up after a crash relies on. They are let go at commit.
 */
int
store_fts_pending_write(struct store_update *u, char **cause)
{
	struct store_deferred	*d = u->st->deferred;
	sqlite3_stmt		*s;
	size_t			 i;
	int			 rc = 0;

	/* the rows of this update's articles the worker makes, too */
	if (u->st->terms != NULL)
		store_terms_take(u->st->terms, 1, store_fts_took, d);
	if (d != NULL) {
		for (i = u->took_deferred; rc == 0 && i < d->n; i++)
			rc = store_fts_put_deferred(u->st, &d->row[i], cause);
		u->took_deferred = d->n;
	}
	for (i = 0; i < u->npending; i++) {
		if (rc == 0 && (s = store_stmt(u->st, S_FTS_PUT,
		    cause)) == NULL)
			rc = -1;
		if (rc == 0) {
			sqlite3_bind_int64(s, 1, u->pending[i].id);
			sqlite3_bind_text(s, 2, u->pending[i].terms, -1,
			    SQLITE_STATIC);
			rc = store_done(u->st, s, cause);
			sqlite3_clear_bindings(s);
		}
		free(u->pending[i].terms);
	}
	u->npending = 0;
	return rc;
}

/* Let go of the first n waiting rows (written). d->max_id stays: ids
 * up to it are this process's to index. */
static void
store_deferred_drop(struct store_deferred *d, size_t n)
{
	size_t	i;

	if (n == 0)
		return;		/* d->row may be NULL */
	for (i = 0; i < n; i++) {
		d->bytes -= strlen(d->row[i].terms);
		free(d->row[i].terms);
	}
	memmove(d->row, d->row + n, (d->n - n) * sizeof *d->row);
	d->n -= n;
}

static void
store_deferred_clear(struct store_deferred *d)
{
	store_deferred_drop(d, d->n);
}

/*
 * (Re)index one article from its title and body, after they were
 * written: take out what the index held for it (kept by the triggers
 * when the title or body changed), then add the new terms. A new
 * article (fresh) has nothing in the index (store_update_begin() caught
 * up with whatever SQL did before): its row waits in u->pending.
 */
int
store_index(struct store_update *u, int64_t id, const char *title,
    const char *content, int html, int fresh, char **cause)
{
	struct store	*st = u->st;
	sqlite3_stmt	*s;
	char		*text, *terms, *full = NULL;
	int		 has;

	if (!fresh) {
		if ((s = store_stmt(st, S_FTS_OLD_DEL, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		if (store_done(st, s, cause) != 0)
			return -1;
		if ((s = store_stmt(st, S_FTS_OLD_DROP, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		if (store_done(st, s, cause) != 0)
			return -1;
		/* Still there: neither title nor body changed. */
		if ((has = store_fts_has(st, id, cause)) != 0)
			return has < 0 ? -1 : 0;
		/* A known article may have a full text, indexed with it. */
		if (store_fulltext_content(st, id, &full, cause) == -1)
			return -1;
	}
	if (fresh && st->terms != NULL) {	/* the worker makes them */
		store_terms_put(st->terms, id, title, content, html);
		if (id > st->deferred->max_id)
			st->deferred->max_id = id;
		return 0;
	}
	text = search_article_text(content, html, full);
	free(full);
	terms = search_terms(title, text);
	free(text);
	if (fresh) {
		if (u->npending == u->cpending) {
			u->cpending = u->cpending == 0 ? 64 : u->cpending * 2;
			u->pending = xreallocarray(u->pending, u->cpending,
			    sizeof *u->pending);
		}
		u->pending[u->npending].id = id;
		u->pending[u->npending++].terms = terms;
		return 0;
	}
	if ((s = store_stmt(st, S_FTS_PUT, cause)) == NULL) {
		free(terms);
		return -1;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, terms, -1, free);
	return store_done(st, s, cause);
}

/*
 * Index the articles above the highest indexed id (added by SQL since).
 * Runs inside the caller's transaction, after store_fts_flush().
 */
int
store_index_missing(struct store *st, int64_t floor, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, S_FTS_MISSING, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, floor);
	return store_done(st, s, cause);
}

void
store_fts_defer(struct store_update *u)
{
	struct store_deferred	*d = u->st->deferred;
	size_t			 i;

	if (d == NULL)
		return;
	store_deferred_drop(d, u->took_deferred);
	for (i = 0; i < u->npending; i++) {
		if (d->n == d->cap) {
			d->cap = d->cap == 0 ? 256 : d->cap * 2;
			d->row = xreallocarray(d->row, d->cap, sizeof *d->row);
		}
		d->row[d->n++] = u->pending[i];
		d->bytes += strlen(u->pending[i].terms);
		if (u->pending[i].id > d->max_id)
			d->max_id = u->pending[i].id;
	}
	u->npending = 0;
	if (u->st->terms != NULL)
		store_terms_take(u->st->terms, 0, store_fts_took, d);
	if (d->bytes >= STORE_DEFER_BYTES || d->n >= STORE_DEFER_ROWS)
		store_fts_write(u->st, NULL);	/* else at the end */
}

void
store_fts_abort(struct store_update *u)
{
	struct store_deferred	*d = u->st->deferred;
	size_t			 i, k = 0;

	if (u->st->terms == NULL || d == NULL)
		return;
	store_terms_take(u->st->terms, 1, store_fts_took, d);
	for (i = 0; i < d->n; i++) {
		if (d->row[i].id > u->max_id) {
			d->bytes -= strlen(d->row[i].terms);
			free(d->row[i].terms);
		} else
			d->row[k++] = d->row[i];
	}
	d->n = k;
}

/* 1 when the statement id with ?1 bound to id gives a row, 0 if not,
 * -1 and *cause. */
static int
store_fts_exists(struct store *st, enum stmt_id id, int64_t v, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = store_stmt(st, id, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, v);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(st, "store: index");
		return -1;
	}
	return rc == SQLITE_ROW;
}

/* Write one waiting row unless its article went or another akhbar
 * indexed it (its catch-up does not know our rows wait). */
static int
store_fts_put_deferred(struct store *st, const struct fts_row *r,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((rc = store_fts_exists(st, S_ART_EXISTS, r->id, cause)) != 1 ||
	    (rc = store_fts_exists(st, S_FTS_DOC_HAS, r->id, cause)) != 0)
		return rc < 0 ? -1 : 0;
	if ((s = store_stmt(st, S_FTS_PUT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, r->id);
	sqlite3_bind_text(s, 2, r->terms, -1, SQLITE_STATIC);
	rc = store_done(st, s, cause);
	sqlite3_clear_bindings(s);
	return rc;
}

/* Write the rows waiting in st->deferred in one transaction. */
static int
store_fts_write(struct store *st, char **cause)
{
	struct store_deferred	*d = st->deferred;
	char			*why = NULL;
	size_t			 i;
	int			 rc = 0;

	if (d == NULL || d->n == 0)
		return 0;
	if (store_exec(st, "BEGIN IMMEDIATE", &why) != 0)
		rc = -1;
	for (i = 0; rc == 0 && i < d->n; i++)
		rc = store_fts_put_deferred(st, &d->row[i], &why);
	if (rc == 0 && store_exec(st, "COMMIT", &why) != 0)
		rc = -1;
	if (rc != 0) {
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		if (cause != NULL)
			*cause = why;
		else
			free(why);
		return -1;	/* the rows wait for another try */
	}
	store_deferred_clear(d);
	return 0;
}

int
store_index_write(struct store *st, char **cause)
{
	if (st->terms != NULL && st->deferred != NULL)
		store_terms_take(st->terms, 1, store_fts_took, st->deferred);
	return store_fts_write(st, cause);
}

void
store_index_defer(struct store *st, int on)
{
	if (on && st->deferred == NULL) {
		st->deferred = xcalloc(1, sizeof *st->deferred);
		st->terms = store_terms_start(STORE_TERMS_BYTES);
	}
	if (on || st->deferred == NULL)
		return;
	/* Rows that cannot be written now are left to the catch-up of the
	 * next update (they are the highest ids). */
	store_index_write(st, NULL);
	store_terms_stop(st->terms);
	st->terms = NULL;
	store_deferred_clear(st->deferred);
	free(st->deferred->row);
	free(st->deferred);
	st->deferred = NULL;
}

/*
 * Build the index again from nothing and note the version of its terms:
 * after the migration, and when the terms' version changed (a new
 * normaliser would not take the old terms out).
 */
int
store_index_rebuild(struct store *st, char **cause)
{
	sqlite3_stmt	*s;
	char		*version;
	int		 rc;

	if (store_exec(st, "INSERT INTO article_fts(article_fts) "
	    "VALUES('delete-all'); DELETE FROM article_fts_old;", cause) != 0 ||
	    store_index_missing(st, 0, cause) != 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO store_meta"
	    "(name, value) VALUES('search_terms', ?1)", -1, &s,
	    NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: index");
		return -1;
	}
	version = search_terms_version();
	sqlite3_bind_text(s, 1, version, -1, free);
	rc = store_done(st, s, cause);
	sqlite3_finalize(s);
	return rc;
}

/* 1 when the index's terms are of this version, 0 if not, -1. */
static int
store_index_current(struct store *st, const char *version, char **cause)
{
	sqlite3_stmt	*s;
	int		 same;

	if (sqlite3_prepare_v2(st->db, "SELECT value = ?1 FROM store_meta "
	    "WHERE name = 'search_terms'", -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: index");
		return -1;
	}
	sqlite3_bind_text(s, 1, version, -1, SQLITE_STATIC);
	same = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return same;
}

/* Rebuild the index when its terms were made by another version. */
int
store_index_check(struct store *st, char **cause)
{
	char	*version = search_terms_version();
	int	 rc;

	if ((rc = store_index_current(st, version, cause)) != 0) {
		free(version);
		return rc < 0 ? -1 : 0;
	}
	/* Look again once the store is ours: another akhbar may have
	 * rebuilt it meanwhile. */
	if (store_exec(st, "BEGIN IMMEDIATE", cause) != 0) {
		free(version);
		return -1;
	}
	rc = store_index_current(st, version, cause);
	free(version);
	if (rc < 0 || (rc == 0 && store_index_rebuild(st, cause) != 0)) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return store_exec(st, "COMMIT", cause);
}

int
store_search_check(const char *query, char **cause)
{
	struct search_query	*q;

	if ((q = search_query_parse(query, cause)) == NULL)
		return -1;
	search_query_free(q);
	return 0;
}

int
store_search_index(struct store *st, char **cause)
{
	if (store_exec(st, "BEGIN IMMEDIATE", cause) != 0)
		return -1;
	if (store_index_rebuild(st, cause) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return store_exec(st, "COMMIT", cause);
}

/* Index articles added, changed or deleted by SQL since the last search
 * (cheap checks). */
static int
store_search_catch_up(struct store *st, char **cause)
{
	sqlite3_stmt	*s;
	int		 behind = 0;

	if (sqlite3_prepare_v2(st->db, "SELECT (SELECT coalesce(max(id), 0) "
	    "FROM articles) > (SELECT coalesce(max(rowid), 0) FROM "
	    "article_fts) OR EXISTS (SELECT 1 FROM article_fts_old)", -1, &s,
	    NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: search");
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		behind = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (!behind)
		return 0;
	if (store_exec(st, "BEGIN IMMEDIATE", cause) != 0)
		return -1;
	if (store_fts_flush(st, cause) != 0 ||
	    store_index_missing(st, 0, cause) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return store_exec(st, "COMMIT", cause);
}

/* Does article a, with its body, match the query? */
static int
store_search_body(struct store *st, const struct search_query *q,
    const struct store_article *a, char **cause)
{
	sqlite3_stmt	*s;
	char		*full;
	int		 rc, ok = 0;

	if ((s = store_stmt(st, S_BODY_TEXT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, a->id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		ok = search_query_test_full(q, a->title,
		    (const char *)sqlite3_column_text(s, 0),
		    sqlite3_column_int(s, 1),
		    (const char *)sqlite3_column_text(s, 2));
	sqlite3_reset(s);
	if (rc == SQLITE_DONE) {
		/* no body: a full text alone, maybe */
		if (store_fulltext_content(st, a->id, &full, cause) == -1)
			return -1;
		ok = search_query_test_full(q, a->title, NULL, 0, full);
		free(full);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(st, "store: search");
		return -1;
	}
	return ok;
}

/*
 * Walk the FTS candidates newest first, keep those the matcher confirms
 * (phrases, exact words, words with punctuation), apply offset and limit.
 * The body text is made again from the body (the index keeps no copy),
 * only for the candidates whose title does not match. Returns
 * SQLITE_DONE, an error of sqlite3_step(), or -1 with *cause set.
 */
static int
store_search_confirm(struct store *st, sqlite3_stmt *s,
    const struct search_query *q, const struct store_filter *f,
    store_article_cb cb, void *arg, char **cause)
{
	struct store_article	 a;
	int64_t			 skip = f->offset, left = f->limit;
	int			 rc, ok;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		store_article_row(s, &a);
		if ((ok = store_search_body(st, q, &a, cause)) < 0)
			return -1;	/* *cause is set */
		if (!ok)
			continue;
		if (skip > 0) {
			skip--;
			continue;
		}
		if (cb(&a, arg) != 0 || (f->limit > 0 && --left == 0))
			return SQLITE_DONE;
	}
	return rc;
}

int
store_search(struct store *st, const char *query,
    const struct store_filter *filter, store_article_cb cb, void *arg,
    char **cause)
{
	static const struct store_filter all;
	const struct store_filter	*f = filter != NULL ? filter : &all;
	struct search_query		*q;
	struct store_article		 a;
	sqlite3_stmt			*s;
	char				*why = NULL;
	int				 rc, exact;

	if ((q = search_query_parse(query, &why)) == NULL) {
		*cause = xasprintf("search: %s", why);
		free(why);
		return -1;
	}
	exact = search_query_exact(q);
	if (store_search_catch_up(st, cause) != 0 ||
	    (s = store_article_query(st, f, exact ? Q_SEARCH : Q_CANDIDATES,
	    search_query_fts(q), cause)) == NULL) {
		search_query_free(q);
		return -1;
	}
	if (exact) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			store_article_row(s, &a);
			if (cb(&a, arg) != 0) {
				rc = SQLITE_DONE;
				break;
			}
		}
	} else
		rc = store_search_confirm(st, s, q, f, cb, arg, cause);
	if (rc != SQLITE_DONE && rc != -1)
		*cause = store_error(st, "store: search");
	sqlite3_finalize(s);
	search_query_free(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
ids_cmp(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Does the candidate (id, title) match q? As store_search_confirm(), but
 * the body is read only when the title alone does not match every term
 * (search_query_test_body() with no body is that test).
 */
static int
store_search_candidate(struct store *st, const struct search_query *q,
    int64_t id, const char *title, char **cause)
{
	struct store_article	a;

	if (search_query_test_body(q, title, NULL, 0))
		return 1;
	memset(&a, 0, sizeof a);
	a.id = id;
	a.title = title;
	return store_search_body(st, q, &a, cause);
}

/* Most terms store_fts_prefix() turns a prefix query into. */
#define STORE_PREFIX_TERMS	16

/*
 * An exact query of one word w is the FTS5 prefix query "w"*, which
 * SQLite 3.40 answers by first copying the doclists of every term that
 * starts with w into one buffer: 32 ms for a word in each of 100k
 * articles, 11 ms for the same word as a plain term. So when few terms
 * are longer than w (its endings), ask for the terms by name: "w" OR
 * "t1" OR ..., the same articles. The longer terms come from an
 * fts5vocab table over the index, made in the connection's temp schema
 * (the store's file is not touched), from w plus a byte 1 on, so that
 * it does not count the articles of w itself (3 ms for 100k). Returns
 * the new expression (caller frees), or NULL to keep fts.
 */
static char *
store_fts_prefix(struct store *st, const char *fts)
{
	sqlite3_stmt	*s;
	struct buf	 b = { 0 };
	char		*lo, *hi;
	const char	*t;
	size_t		 n = strlen(fts), terms = 0;
	int		 rc;

	if (n < 4 || fts[0] != '"' || fts[n - 2] != '"' || fts[n - 1] != '*' ||
	    memchr(fts + 1, '"', n - 3) != NULL)
		return NULL;
	if (!st->vocab && sqlite3_exec(st->db, "CREATE VIRTUAL TABLE IF NOT "
	    "EXISTS temp.article_vocab USING fts5vocab(main, article_fts, "
	    "row)", NULL, NULL, NULL) != SQLITE_OK)
		return NULL;
	st->vocab = 1;
	/* Terms are compared as memcmp() does: every term longer than w
	 * and starting with it is in [w "\1", hi), hi being w with its last
	 * byte one higher. */
	lo = xasprintf("%.*s\1", (int)(n - 3), fts + 1);
	hi = xstrndup(fts + 1, n - 3);
	hi[n - 4]++;
	if (sqlite3_prepare_v2(st->db, "SELECT term FROM temp.article_vocab "
	    "WHERE term >= ?1 AND term < ?2", -1, &s, NULL) != SQLITE_OK) {
		free(lo);
		free(hi);
		return NULL;
	}
	sqlite3_bind_text(s, 1, lo, -1, free);
	sqlite3_bind_text(s, 2, hi, -1, free);
	buf_add(&b, fts, n - 1);
	/* A term is letters, marks and digits (search.c), never a '"'. */
	while ((rc = sqlite3_step(s)) == SQLITE_ROW &&
	    ++terms <= STORE_PREFIX_TERMS &&
	    (t = (const char *)sqlite3_column_text(s, 0)) != NULL &&
	    strchr(t, '"') == NULL)
		buf_printf(&b, " OR \"%s\"", t);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

int
store_search_ids(struct store *st, const char *query, int64_t **ids,
    size_t *n, char **cause)
{
	struct search_query	*q;
	struct store_ids	 a = { 0 };
	sqlite3_stmt		*s;
	char			*why = NULL, *fts;
	size_t			 i;
	int			 rc = SQLITE_DONE, ok;

	*ids = NULL;
	*n = 0;
	if ((q = search_query_parse(query, &why)) == NULL) {
		*cause = xasprintf("search: %s", why);
		free(why);
		return -1;
	}
	if (store_search_catch_up(st, cause) != 0) {
		search_query_free(q);
		return -1;
	}
	if (search_query_exact(q)) {
		/* The index alone, in its rowid order: no header. */
		fts = store_fts_prefix(st, search_query_fts(q));
		rc = store_ids_walk(st, "SELECT akhbar_ids(rowid) FROM "
		    "article_fts WHERE article_fts MATCH ?1", fts != NULL ?
		    fts : search_query_fts(q), &a, "store: search",
		    cause) == 0 ? SQLITE_DONE : -1;
		free(fts);
	} else if (sqlite3_prepare_v2(st->db, "SELECT a.id, a.title FROM "
	    "article_fts s JOIN articles a ON a.id = s.rowid WHERE "
	    "article_fts MATCH ?1", -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: search");
		rc = -1;
	} else {
		sqlite3_bind_text(s, 1, search_query_fts(q), -1,
		    SQLITE_STATIC);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if ((ok = store_search_candidate(st, q,
			    sqlite3_column_int64(s, 0),
			    (const char *)sqlite3_column_text(s, 1),
			    cause)) < 0) {
				rc = -1;	/* *cause is set */
				break;
			}
			if (ok)
				store_ids_add(&a, sqlite3_column_int64(s, 0));
		}
		if (rc != SQLITE_DONE && rc != -1)
			*cause = store_error(st, "store: search");
		sqlite3_finalize(s);
	}
	search_query_free(q);
	if (rc != SQLITE_DONE) {
		free(a.v);
		return -1;
	}
	/* FTS5 gives its rowids in order; make sure of it. */
	for (i = 1; i < a.n && a.v[i - 1] < a.v[i]; i++)
		;
	if (i < a.n)
		qsort(a.v, a.n, sizeof *a.v, ids_cmp);
	*ids = a.v;
	*n = a.n;
	return 0;
}
