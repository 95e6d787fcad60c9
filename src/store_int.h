/*
 * store_int.h - what store.c and store_fts.c share: the connection, its
 * cache of prepared statements and the state of an open update. Only
 * store*.c include it (and so sqlite3).
 */
#ifndef AKHBAR_STORE_INT_H
#define AKHBAR_STORE_INT_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

struct store_article;
struct store_filter;

/* The statements of stmt_sql[] (store.c), each prepared once. */
enum stmt_id {
	S_FEED_ADD,
	S_FEED_ID,
	S_FEED_NAME,
	S_FEED_STATE,
	S_FEED_UNCHANGED,
	S_FEED_FAILED,
	S_FEED_DONE,
	S_ART_FIND,
	S_ART_INSERT,
	S_ART_UPDATE,
	S_BODY_PUT,
	S_ART_NTH_DATE,
	S_ART_MAX_ID,
	S_ART_COUNT_NEW,
	S_ART_TRIM,
	S_SET_UNREAD,
	S_SET_SAVED,
	S_MARK_FEED,
	S_MARK_ALL,
	S_BODY_GET,
	S_BODY_TEXT,
	S_FTS_HAS,
	S_FTS_PUT,
	S_FTS_DOC_HAS,
	S_ART_EXISTS,
	S_FTS_OLD_DEL,
	S_FTS_OLD_DROP,
	S_FTS_OLD_ANY,
	S_FTS_MISSING,
	S_BEGIN,
	S_COMMIT,
	S_FEED_TOTAL,
	S_FEED_KNOWN,
	S_DATA_VERSION,
	S_FULLTEXT_GET,
	S_FULLTEXT_PUT,
	S_FULLTEXT_FAIL,
	S_ART_LINK,
	S_FULLTEXT_PENDING,
	S_ENCLOSURE_GET,	/* schema 6: an article's enclosure */
	S_ART_HEADER,		/* one header, for a paged list */
	S_COUNT
};

/* A growing array of ids. */
struct store_ids {
	int64_t		*v;
	size_t		 n;
	size_t		 cap;
};

struct store {
	sqlite3		*db;
	sqlite3_stmt	*stmt[S_COUNT];
	int		 vocab;	/* temp.article_vocab made (store_fts_prefix) */
	int		 ids_fn; /* akhbar_ids() registered (store_ids_walk) */
	struct store_ids *ids;	/* where akhbar_ids() puts them */
	struct store_deferred *deferred; /* store_index_defer(): NULL off */
	struct store_ids updated; /* articles an update changed (rules) */
	struct store_terms *terms; /* its worker thread, or NULL */
};

/*
 * The index rows of the articles new in this update, written to the
 * index together (store_fts_pending_write()): SQLite 3.40's FTS5 writes
 * its pending terms out as a new segment at every statement savepoint,
 * which each INSERT with a trigger opens, so one row at a time made a
 * segment per article (a sixth of a cold refresh).
 */
struct fts_row {
	int64_t		 id;
	char		*terms;
};

/*
 * The index rows of updates already committed, waiting to be written
 * together (store_index_defer()): FTS5 writes a segment at every
 * commit, and a segment per feed made FTS5 a quarter of a cold
 * refresh. The articles above max_id that the catch-up of
 * store_update_begin() must leave to us are these.
 */
/* Written together once this many rows or bytes of terms wait: a
 * segment per 5,000 rows rather than 1,000 saved FTS5 a third of its
 * merging (7% of a cold refresh of the mixed feeds, by callgrind; the
 * word pairs make terms half as long again, so batches end by size
 * sooner), and
 * FTS5's own pending terms (which it writes out at a megabyte by its
 * count) took 60 MB at 7,000 short articles, so 8 MB of terms at most. */
#define STORE_DEFER_ROWS	5000
#define STORE_DEFER_BYTES	(8 * 1024 * 1024)
/* At most this many bytes of titles and bodies wait for the worker. */
#define STORE_TERMS_BYTES	(8 * 1024 * 1024)
struct store_deferred {
	struct fts_row	*row;
	size_t		 n;
	size_t		 cap;
	size_t		 bytes;		/* of terms */
	int64_t		 max_id;	/* the highest id among them or given
					 * to st->terms since deferral began */
};

struct store_update {
	struct store	*st;
	int64_t		 feed_id;
	int64_t		 max_articles;
	int64_t		 expire_before;	/* keep-days: 0 none */
	int64_t		 max_id;
	int64_t		 now;
	struct fts_row	*pending;
	size_t		 npending;
	size_t		 cpending;
	size_t		 took_deferred;	/* rows of st->deferred written in it */
};


/* How store_article_query() reads the articles. */
enum query_mode {
	Q_LIST,		/* headers, LIMIT and OFFSET in SQL */
	Q_COUNT,	/* count(*) */
	Q_SEARCH,	/* headers of the FTS matches (?4), LIMIT in SQL */
	Q_CANDIDATES,	/* headers of the FTS matches, all */
	Q_IDS		/* the ids alone, in the list's order */
};

/* ---- store.c ---- */

/* "what: SQLite's last error message". Caller frees. */
char	*store_error(struct store *st, const char *what);
/* Run SQL text (constants only); -1 and *cause on failure. */
int	 store_exec(struct store *st, const char *sql, char **cause);
/* The cached statement id, reset and with its bindings cleared; NULL
 * and *cause when it cannot be prepared. Borrowed from st. */
sqlite3_stmt *store_stmt(struct store *st, enum stmt_id id, char **cause);
/* How many of ids[0..n) the one-parameter query sql (?1: an id) finds
 * a row for, into *count. */
int	 store_ids_count(struct store *st, const char *sql,
	    const int64_t *ids, size_t n, int64_t *count, char **cause);
/* Bind v (copied; NULL binds NULL) to parameter i of s. */
void	 store_bind_text(sqlite3_stmt *s, int i, const char *v);
/* Column i of the current row of s as a string, or NULL; caller frees. */
char	*store_column_dup(sqlite3_stmt *s, int i);
/* Step a statement that returns no rows; -1 and *cause on failure. */
int	 store_done(struct store *st, sqlite3_stmt *s, char **cause);
/* Prepare the header query of a filter (match bound as ?4 for the FTS
 * modes). Caller finalizes. */
sqlite3_stmt *store_article_query(struct store *st,
	    const struct store_filter *f, enum query_mode mode,
	    const char *match, char **cause);
/* The header of the current row of an article query (borrowed from s). */
void	 store_article_row(sqlite3_stmt *s, struct store_article *a);
/* The full text (HTML) stored for article id into *content (caller
 * frees; NULL when there is none). Returns 0, or -1 and *cause. */
int	 store_fulltext_content(struct store *st, int64_t id, char **content,
	    char **cause);
/* Append id to a. */
void	 store_ids_add(struct store_ids *a, int64_t id);
/* Step s to its end, its first column's ids into *ids and *n (caller
 * frees *ids); s is left to the caller to reset or finalize. Returns 0,
 * or -1 and *cause prefixed with what. */
int	 store_ids_read(struct store *st, sqlite3_stmt *s, const char *what,
	    int64_t **ids, size_t *n, char **cause);
/* Run sql, which calls akhbar_ids(id) for each id it walks, with ?1
 * bound to match when not NULL; the ids go into *a. what prefixes an
 * error. */
int	 store_ids_walk(struct store *st, const char *sql, const char *match,
	    struct store_ids *a, const char *what, char **cause);

/* ---- store_fts.c ---- */

/* SQL function akhbar_fts_terms(title, content, content_html). */
void	 store_fts_terms_fn(sqlite3_context *ctx, int argc,
	    sqlite3_value **argv);
/* Take out and index again what SQL changed (article_fts_old). Inside a
 * transaction. */
int	 store_fts_flush(struct store *st, char **cause);
/* Write the index rows waiting in u. */
int	 store_fts_pending_write(struct store_update *u, char **cause);
/* (Re)index article id after its title and body were written; fresh:
 * new in this update. */
int	 store_index(struct store_update *u, int64_t id, const char *title,
	    const char *content, int html, int fresh, char **cause);
/* Index the articles above the highest indexed id and above floor. In a
 * transaction. */
int	 store_index_missing(struct store *st, int64_t floor, char **cause);
/* After u committed: let go of st->deferred if u wrote it, and move the
 * index rows waiting in u (and those the worker finished) there. */
void	 store_fts_defer(struct store_update *u);
/* Before u rolls back: drop the index rows of its articles the worker
 * makes (their ids will be given again). */
void	 store_fts_abort(struct store_update *u);
/* Build the index again from nothing. In a transaction. */
int	 store_index_rebuild(struct store *st, char **cause);
/* Rebuild the index when its terms were made by another version. */
int	 store_index_check(struct store *st, char **cause);

#endif
