/*
 * store.c - the SQLite article store (see store.h). The only file that
 * includes sqlite3.
 *
 * Layout: feeds (one row a subscription), articles (headers: what lists
 * show and sort on) and bodies (content, read one article at a time), so
 * walking 100k headers never touches a body page. Every statement is
 * prepared with bound parameters; SQL text is only ever built from the
 * constant fragments in this file. Times are UTC seconds.
 *
 * The schema version lives in PRAGMA user_version; migrations[] holds
 * one step per version and store_open() runs the missing ones, each in
 * its own BEGIN IMMEDIATE transaction.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "feed.h"
#include "search.h"
#include "store.h"
#include "util.h"

/* How long a second akhbar waits for the first one's transaction. */
#define STORE_BUSY_MS	15000

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
	S_FTS_OLD_DEL,
	S_FTS_OLD_DROP,
	S_FTS_OLD_ANY,
	S_FTS_MISSING,
	S_BEGIN,
	S_COMMIT,
	S_FEED_TOTAL,
	S_FEED_KNOWN,
	S_DATA_VERSION,
	S_COUNT
};

static const char *const stmt_sql[S_COUNT] = {
	[S_FEED_ADD] = "INSERT OR IGNORE INTO feeds(url, name) VALUES(?1, ?2)",
	[S_FEED_ID] = "SELECT id FROM feeds WHERE url = ?1",
	[S_FEED_NAME] = "UPDATE feeds SET name = ?2 "
	    "WHERE id = ?1 AND name IS NOT ?2",
	[S_FEED_STATE] = "SELECT etag, last_modified, retry_after, "
	    "coalesce(name, title) FROM feeds WHERE id = ?1",
	[S_FEED_UNCHANGED] = "UPDATE feeds SET last_error = NULL, "
	    "retry_after = 0, last_fetch = ?2, moved_to = ?3 WHERE id = ?1",
	[S_FEED_FAILED] = "UPDATE feeds SET last_error = ?2, "
	    "retry_after = ?3, last_fetch = ?4, moved_to = ?5 WHERE id = ?1",
	[S_FEED_DONE] = "UPDATE feeds SET title = coalesce(?2, title), "
	    "link = coalesce(?3, link), etag = ?4, last_modified = ?5, "
	    "moved_to = ?6, last_error = NULL, retry_after = 0, "
	    "last_fetch = ?7 WHERE id = ?1",
	[S_ART_FIND] = "SELECT id, chash FROM articles "
	    "WHERE feed_id = ?1 AND guid = ?2",
	[S_ART_INSERT] = "INSERT INTO articles(feed_id, guid, title, link, "
	    "author, date, first_seen, enclosure, categories, chash) "
	    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[S_ART_UPDATE] = "UPDATE articles SET title = ?2, link = ?3, "
	    "author = ?4, date = CASE WHEN ?5 > 0 THEN ?5 ELSE date END, "
	    "enclosure = ?6, categories = ?7, chash = ?8, updated = ?9 "
	    "WHERE id = ?1",
	[S_BODY_PUT] = "INSERT OR REPLACE INTO bodies(article_id, content, "
	    "content_html) VALUES(?1, ?2, ?3)",
	[S_ART_NTH_DATE] = "SELECT date FROM articles WHERE feed_id = ?1 "
	    "ORDER BY date DESC, id DESC LIMIT 1 OFFSET ?2",
	[S_ART_MAX_ID] = "SELECT coalesce(max(id), 0) FROM articles",
	[S_ART_COUNT_NEW] = "SELECT count(*) FROM articles "
	    "WHERE feed_id = ?1 AND id > ?2",
	[S_ART_TRIM] = "DELETE FROM articles WHERE saved = 0 AND id IN "
	    "(SELECT id FROM articles WHERE feed_id = ?1 "
	    "ORDER BY date DESC, id DESC LIMIT -1 OFFSET ?2)",
	[S_SET_UNREAD] = "UPDATE articles SET unread = ?2 WHERE id = ?1",
	[S_SET_SAVED] = "UPDATE articles SET saved = ?2 WHERE id = ?1",
	[S_MARK_FEED] = "UPDATE articles SET unread = 0 "
	    "WHERE feed_id = ?1 AND unread = 1",
	[S_MARK_ALL] = "UPDATE articles SET unread = 0 WHERE unread = 1",
	[S_BODY_GET] = "SELECT b.content, b.content_html, a.enclosure, "
	    "a.categories FROM articles a LEFT JOIN bodies b "
	    "ON b.article_id = a.id WHERE a.id = ?1",
	[S_BODY_TEXT] = "SELECT content, content_html FROM bodies "
	    "WHERE article_id = ?1",
	[S_FTS_HAS] = "SELECT 1 FROM article_fts WHERE rowid = ?1",
	[S_FTS_PUT] = "INSERT INTO article_fts(rowid, terms) VALUES(?1, ?2)",
	[S_FTS_OLD_DEL] = "INSERT INTO article_fts(article_fts, rowid, terms) "
	    "SELECT 'delete', id, akhbar_fts_terms(title, content, "
	    "content_html) FROM article_fts_old WHERE id = ?1",
	[S_FTS_OLD_DROP] = "DELETE FROM article_fts_old WHERE id = ?1",
	[S_FTS_OLD_ANY] = "SELECT EXISTS (SELECT 1 FROM article_fts_old)",
	/* the articles above the highest indexed id (added by SQL) */
	[S_FTS_MISSING] = "INSERT INTO article_fts(rowid, terms) "
	    "SELECT a.id, akhbar_fts_terms(a.title, b.content, "
	    "b.content_html) FROM articles a LEFT JOIN bodies b "
	    "ON b.article_id = a.id WHERE a.id > (SELECT coalesce(max(rowid), "
	    "0) FROM article_fts) ORDER BY a.id",
	/* prepared once: a feed update is one transaction */
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_FEED_TOTAL] = "SELECT count(*) FROM articles WHERE feed_id = ?1",
	[S_FEED_KNOWN] = "SELECT id FROM feeds WHERE url = ?1 AND name IS ?2",
	[S_DATA_VERSION] = "PRAGMA data_version",
};

/* Schema steps: migrations[v] takes a store from version v to v + 1. */
static const char *const migrations[STORE_SCHEMA_VERSION] = {
	/* 0 -> 1: the first store, bodies inline. */
	"CREATE TABLE feeds("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  title TEXT, link TEXT, etag TEXT, last_modified TEXT,"
	"  last_error TEXT, last_fetch INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE articles("
	"  id INTEGER PRIMARY KEY,"
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id),"
	"  guid TEXT NOT NULL,"
	"  title TEXT, link TEXT, author TEXT,"
	"  date INTEGER NOT NULL, first_seen INTEGER NOT NULL,"
	"  content TEXT, content_html INTEGER NOT NULL DEFAULT 0,"
	"  enclosure TEXT, categories TEXT,"
	"  unread INTEGER NOT NULL DEFAULT 1,"
	"  saved INTEGER NOT NULL DEFAULT 0,"
	"  updated INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE(feed_id, guid));"
	"CREATE INDEX articles_date ON articles(date);",

	/*
	 * 1 -> 2: bodies move to their own table so header lists never read
	 * them; retry_after, moved_to and the user's name for feeds; a
	 * change hash; indexes for every list the reader shows.
	 */
	"ALTER TABLE feeds ADD COLUMN name TEXT;"
	"ALTER TABLE feeds ADD COLUMN retry_after INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE feeds ADD COLUMN moved_to TEXT;"
	"ALTER TABLE articles ADD COLUMN chash INTEGER;"
	"CREATE TABLE bodies("
	"  article_id INTEGER PRIMARY KEY,"
	"  content TEXT, content_html INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO bodies SELECT id, content, content_html FROM articles "
	"  WHERE content IS NOT NULL;"
	"ALTER TABLE articles DROP COLUMN content;"
	"ALTER TABLE articles DROP COLUMN content_html;"
	"CREATE INDEX articles_feed_date ON articles(feed_id, date);"
	"CREATE INDEX articles_feed_unread ON articles(feed_id, unread);"
	"CREATE INDEX articles_unread ON articles(date) WHERE unread = 1;"
	"CREATE INDEX articles_saved ON articles(date) WHERE saved = 1;"
	"CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN"
	"  DELETE FROM bodies WHERE article_id = old.id; END;",

	/*
	 * 2 -> 3: the search index (see search.h and doc/search.md). The
	 * terms are written by search.c; the "ascii" tokenizer only splits
	 * them at spaces. detail=none: no positions, since phrases are
	 * confirmed with the matcher on the kept body text. Step 3 -> 4
	 * replaces this table, so it is no longer filled here.
	 */
	"CREATE VIRTUAL TABLE article_fts USING fts5(terms, body UNINDEXED,"
	"  tokenize = 'ascii', detail = none);"
	"CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
	"  DELETE FROM article_fts WHERE rowid = old.id; END;",

	/*
	 * 3 -> 4: the index keeps no copy of the terms or the body text
	 * (content=''), which was most of its size. SQLite 3.40 can take a
	 * row out of such a table only when given its terms again, so
	 * whatever changes or deletes an indexed title or body first copies
	 * the old ones to article_fts_old, and akhbar later recomputes the
	 * old terms from there, takes them out and indexes the new ones
	 * (store_fts_flush()). The triggers are plain SQL, so the sqlite3
	 * tool can still change a store. Only the first copy is what the
	 * index holds: NOT EXISTS, not OR IGNORE, which an outer INSERT OR
	 * REPLACE (S_BODY_PUT) would turn into REPLACE. The INSERT triggers
	 * are for INSERT OR REPLACE, which deletes without firing DELETE
	 * triggers; a new row (nothing to replace) skips the index lookup.
	 * store_meta holds the
	 * version of the terms the index was built with
	 * (search_terms_version()). Filled by store_index_rebuild() in the
	 * same transaction.
	 */
	"DROP TRIGGER articles_fts_delete;"
	"DROP TABLE article_fts;"
	"CREATE VIRTUAL TABLE article_fts USING fts5(terms, content = '',"
	"  tokenize = 'ascii', detail = none);"
	"CREATE TABLE article_fts_old(id INTEGER PRIMARY KEY, title TEXT,"
	"  content TEXT, content_html INTEGER);"
	"CREATE TABLE store_meta(name TEXT PRIMARY KEY, value TEXT);"
	"CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles"
	"  WHEN EXISTS (SELECT 1 FROM article_fts WHERE rowid = old.id) BEGIN"
	"  INSERT INTO article_fts_old SELECT old.id, old.title,"
	"  (SELECT content FROM bodies WHERE article_id = old.id),"
	"  (SELECT content_html FROM bodies WHERE article_id = old.id)"
	"  WHERE NOT EXISTS (SELECT 1 FROM article_fts_old WHERE id = old.id);"
	"  END;"
	"CREATE TRIGGER articles_fts_title BEFORE UPDATE OF title ON articles"
	"  WHEN old.title IS NOT new.title AND"
	"  EXISTS (SELECT 1 FROM article_fts WHERE rowid = old.id) BEGIN"
	"  INSERT INTO article_fts_old SELECT old.id, old.title,"
	"  (SELECT content FROM bodies WHERE article_id = old.id),"
	"  (SELECT content_html FROM bodies WHERE article_id = old.id)"
	"  WHERE NOT EXISTS (SELECT 1 FROM article_fts_old WHERE id = old.id);"
	"  END;"
	"CREATE TRIGGER articles_fts_insert BEFORE INSERT ON articles"
	"  WHEN EXISTS (SELECT 1 FROM articles WHERE id = new.id OR"
	"  (feed_id = new.feed_id AND guid = new.guid)) BEGIN"
	"  INSERT INTO article_fts_old SELECT a.id, a.title, b.content,"
	"  b.content_html FROM articles a LEFT JOIN bodies b"
	"  ON b.article_id = a.id WHERE (a.id = new.id OR"
	"  (a.feed_id = new.feed_id AND a.guid = new.guid)) AND"
	"  EXISTS (SELECT 1 FROM article_fts WHERE rowid = a.id) AND"
	"  NOT EXISTS (SELECT 1 FROM article_fts_old WHERE id = a.id); END;"
	"CREATE TRIGGER bodies_fts_insert BEFORE INSERT ON bodies"
	"  WHEN EXISTS (SELECT 1 FROM bodies WHERE article_id ="
	"  new.article_id) AND EXISTS (SELECT 1 FROM article_fts"
	"  WHERE rowid = new.article_id) BEGIN"
	"  INSERT INTO article_fts_old SELECT a.id, a.title, b.content,"
	"  b.content_html FROM articles a LEFT JOIN bodies b"
	"  ON b.article_id = a.id WHERE a.id = new.article_id AND NOT EXISTS"
	"  (SELECT 1 FROM article_fts_old WHERE id = a.id); END;"
	"CREATE TRIGGER bodies_fts_update BEFORE UPDATE OF content,"
	"  content_html ON bodies WHEN EXISTS (SELECT 1 FROM article_fts"
	"  WHERE rowid = old.article_id) BEGIN"
	"  INSERT INTO article_fts_old SELECT a.id, a.title, old.content,"
	"  old.content_html FROM articles a WHERE a.id = old.article_id"
	"  AND NOT EXISTS (SELECT 1 FROM article_fts_old WHERE id = a.id);"
	"  END;"
	"CREATE TRIGGER bodies_fts_delete BEFORE DELETE ON bodies"
	"  WHEN EXISTS (SELECT 1 FROM article_fts"
	"  WHERE rowid = old.article_id) BEGIN"
	"  INSERT INTO article_fts_old SELECT a.id, a.title, old.content,"
	"  old.content_html FROM articles a WHERE a.id = old.article_id"
	"  AND NOT EXISTS (SELECT 1 FROM article_fts_old WHERE id = a.id);"
	"  END;",
};

static int	store_index_rebuild(struct store *, char **);
static int	store_index_check(struct store *, char **);
static int	store_fts_flush(struct store *, char **);
static int	store_index_missing(struct store *, char **);
static void	store_fts_terms_fn(sqlite3_context *, int, sqlite3_value **);

/* Work a migration does beyond its SQL, in the same transaction:
 * migration_fill[v] runs after migrations[v]. (Step 2 -> 3 used to fill
 * its index; step 3 -> 4 replaces that index, so only 4 is filled.) */
static int (*const migration_fill[STORE_SCHEMA_VERSION])(struct store *,
    char **) = {
	[3] = store_index_rebuild,
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

struct store_update {
	struct store	*st;
	int64_t		 feed_id;
	int64_t		 max_articles;
	int64_t		 max_id;
	int64_t		 now;
	struct fts_row	*pending;
	size_t		 npending;
	size_t		 cpending;
};

static char *
store_error(struct store *st, const char *what)
{
	return xasprintf("%s: %s", what, sqlite3_errmsg(st->db));
}

static int
store_exec(struct store *st, const char *sql, char **cause)
{
	char	*msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		*cause = xasprintf("store: %s", msg != NULL ? msg :
		    sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* The cached statement id, reset and with its bindings cleared. */
static sqlite3_stmt *
store_stmt(struct store *st, enum stmt_id id, char **cause)
{
	sqlite3_stmt	*s = st->stmt[id];

	if (s == NULL) {
		if (sqlite3_prepare_v3(st->db, stmt_sql[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
			*cause = store_error(st, "store: prepare");
			return NULL;
		}
		st->stmt[id] = s;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

/* Step a statement that returns no rows. */
static int
store_done(struct store *st, sqlite3_stmt *s, char **cause)
{
	int	rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		*cause = store_error(st, "store");
		return -1;
	}
	return 0;
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

static char *
column_dup(sqlite3_stmt *s, int i)
{
	const unsigned char	*v = sqlite3_column_text(s, i);

	return v == NULL ? NULL : xstrdup((const char *)v);
}

char *
store_default_path(void)
{
	const char	*d = getenv("XDG_DATA_HOME");
	const char	*home = getenv("HOME");

	if (d != NULL && *d == '/')
		return xasprintf("%s/akhbar/cache.db", d);
	return xasprintf("%s/.local/share/akhbar/cache.db",
	    home != NULL ? home : ".");
}

/* mkdir -p of the directory part of path. */
static int
store_mkdirs(const char *path, char **cause)
{
	char	*dir = xstrdup(path), *p;

	p = strrchr(dir, '/');
	if (p == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		int last = *p == '\0';
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			*cause = xasprintf("%s: %s", dir, strerror(errno));
			free(dir);
			return -1;
		}
		if (last)
			break;
		*p = '/';
	}
	free(dir);
	return 0;
}

static int
store_user_version(struct store *st)
{
	sqlite3_stmt	*s;
	int		 v = -1;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/*
 * Run the missing migrations. The version is read again inside each
 * write transaction, so two akhbars opening a new store at once do not
 * both run the same step. Sets *from to the version found first (-1
 * when none was missing).
 */
static int
store_migrate(struct store *st, int *from, char **cause)
{
	char	*sql;
	int	 v;

	*from = -1;
	/* Up to date (every start but the first after an upgrade): no
	 * write lock, which would wait for a refresh's transaction. */
	if (store_user_version(st) == STORE_SCHEMA_VERSION)
		return 0;
	for (;;) {
		if (store_exec(st, "BEGIN IMMEDIATE", cause) != 0)
			return -1;
		v = store_user_version(st);
		if (v < 0 || v > STORE_SCHEMA_VERSION) {
			if (v < 0)
				*cause = store_error(st, "store: version");
			else
				*cause = xasprintf("store: schema version %d "
				    "is newer than this akhbar's (%d)", v,
				    STORE_SCHEMA_VERSION);
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		if (v == STORE_SCHEMA_VERSION)
			return store_exec(st, "COMMIT", cause);
		if (*from < 0)
			*from = v;
		sql = xasprintf("%s PRAGMA user_version = %d;",
		    migrations[v], v + 1);	/* constants only */
		if (store_exec(st, sql, cause) != 0 ||
		    (migration_fill[v] != NULL &&
		    migration_fill[v](st, cause) != 0)) {
			free(sql);
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		free(sql);
		if (store_exec(st, "COMMIT", cause) != 0)
			return -1;
	}
}

/*
 * Switch to WAL. While another process is creating the same new store
 * or switching it to WAL, SQLite may answer "locked" without calling the
 * busy handler, so try again for up to the busy timeout.
 */
static int
store_wal(struct store *st, char **cause)
{
	struct timespec	ts = { 0, 20 * 1000 * 1000 };
	int		rc, tries;

	for (tries = 0; tries < STORE_BUSY_MS / 20; tries++) {
		rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL;"
		    "PRAGMA synchronous = NORMAL;", NULL, NULL, NULL);
		if ((rc & 0xFF) != SQLITE_BUSY && (rc & 0xFF) != SQLITE_LOCKED)
			break;
		nanosleep(&ts, NULL);
	}
	if (rc != SQLITE_OK) {
		*cause = store_error(st, "store");
		return -1;
	}
	return 0;
}

/*
 * Give the space of the schema 3 index (its copy of the terms and body
 * text, about as large as the rest of the store) back to the file
 * system, once. A failure (another akhbar is reading) only leaves the
 * file larger: SQLite reuses the free pages.
 */
static void
store_compact(struct store *st)
{
	sqlite3_stmt	*s;
	int64_t		 free_pages = 0, pages = 0;

	if (sqlite3_prepare_v2(st->db, "SELECT freelist_count, page_count "
	    "FROM pragma_freelist_count, pragma_page_count", -1, &s,
	    NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(s) == SQLITE_ROW) {
		free_pages = sqlite3_column_int64(s, 0);
		pages = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (free_pages * 4 > pages)
		sqlite3_exec(st->db, "VACUUM", NULL, NULL, NULL);
}

struct store *
store_open(const char *path, char **cause)
{
	struct store	*st;
	int		 flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int		 from;

	if (strcmp(path, ":memory:") != 0 && store_mkdirs(path, cause) != 0)
		return NULL;
	st = xcalloc(1, sizeof *st);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		*cause = xasprintf("%s: %s", path, st->db != NULL ?
		    sqlite3_errmsg(st->db) : "cannot open");
		store_close(st);
		return NULL;
	}
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	sqlite3_extended_result_codes(st->db, 1);
	/* Only akhbar's own statements call it (no trigger does), so the
	 * sqlite3 tool can still change a store. */
	if (sqlite3_create_function_v2(st->db, "akhbar_fts_terms", 3,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
	    store_fts_terms_fn, NULL, NULL, NULL) != SQLITE_OK) {
		*cause = xasprintf("%s: %s", path, sqlite3_errmsg(st->db));
		store_close(st);
		return NULL;
	}
	/* WAL: readers never block the writer; NORMAL sync stays durable
	 * across a killed process (only power loss may drop the last
	 * commits, never corrupt). */
	if (store_wal(st, cause) != 0 ||
	    store_migrate(st, &from, cause) != 0 ||
	    store_index_check(st, cause) != 0) {
		char *c = xasprintf("%s: %s", path, *cause);
		free(*cause);
		*cause = c;
		store_close(st);
		return NULL;
	}
	if (from == 3)
		store_compact(st);
	return st;
}

void
store_close(struct store *st)
{
	int	i;

	if (st == NULL)
		return;
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	free(st);
}

int
store_schema_version(struct store *st)
{
	return store_user_version(st);
}

void
store_map_reads(struct store *st)
{
	char	sql[64];

	/* The pragma, not SQLITE_FCNTL_MMAP_SIZE: only the pragma tells the
	 * pager to read through the map. */
	snprintf(sql, sizeof sql, "PRAGMA mmap_size = %lld",
	    (long long)STORE_MAP_BYTES);
	sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

int
store_feed_add(struct store *st, const char *url, const char *name,
    int64_t *id, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = store_stmt(st, S_FEED_ADD, cause)) == NULL)
		return -1;
	bind_text(s, 1, url);
	bind_text(s, 2, name);
	if (store_done(st, s, cause) != 0)
		return -1;
	if ((s = store_stmt(st, S_FEED_ID, cause)) == NULL)
		return -1;
	bind_text(s, 1, url);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		*cause = store_error(st, "store: feed");
		sqlite3_reset(s);
		return -1;
	}
	*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if ((s = store_stmt(st, S_FEED_NAME, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, *id);
	bind_text(s, 2, name);
	return store_done(st, s, cause);
}

int
store_feed_known(struct store *st, const char *url, const char *name,
    int64_t *id)
{
	sqlite3_stmt	*s;
	char		*cause = NULL;
	int		 known;

	if ((s = store_stmt(st, S_FEED_KNOWN, &cause)) == NULL) {
		free(cause);
		return 0;
	}
	bind_text(s, 1, url);
	bind_text(s, 2, name);
	if ((known = sqlite3_step(s) == SQLITE_ROW))
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return known;
}

int
store_feed_state(struct store *st, const char *url, const char *name,
    struct store_feed_state *state, char **cause)
{
	sqlite3_stmt	*s;

	memset(state, 0, sizeof *state);
	if (store_feed_add(st, url, name, &state->id, cause) != 0)
		return -1;
	if ((s = store_stmt(st, S_FEED_STATE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, state->id);
	if (sqlite3_step(s) != SQLITE_ROW) {
		*cause = store_error(st, "store: feed state");
		sqlite3_reset(s);
		return -1;
	}
	state->etag = column_dup(s, 0);
	state->last_modified = column_dup(s, 1);
	state->retry_after = sqlite3_column_int64(s, 2);
	state->title = column_dup(s, 3);
	sqlite3_reset(s);
	return 0;
}

void
store_state_clear(struct store_feed_state *state)
{
	free(state->etag);
	free(state->last_modified);
	free(state->title);
	state->etag = state->last_modified = state->title = NULL;
}

int
store_feed_unchanged(struct store *st, int64_t feed_id,
    const struct store_fetch_meta *m, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, S_FEED_UNCHANGED, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, feed_id);
	sqlite3_bind_int64(s, 2, (int64_t)time(NULL));
	bind_text(s, 3, m != NULL ? m->moved_to : NULL);
	return store_done(st, s, cause);
}

int
store_feed_failed(struct store *st, int64_t feed_id, const char *reason,
    const struct store_fetch_meta *m, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, S_FEED_FAILED, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, feed_id);
	bind_text(s, 2, reason);
	sqlite3_bind_int64(s, 3, m != NULL ? m->retry_after : 0);
	sqlite3_bind_int64(s, 4, (int64_t)time(NULL));
	bind_text(s, 5, m != NULL ? m->moved_to : NULL);
	return store_done(st, s, cause);
}

int
store_feeds(struct store *st, store_feed_cb cb, void *arg, char **cause)
{
	static const char sql[] =
	    "SELECT f.id, f.url, coalesce(f.name, f.title), f.link, "
	    "f.last_error, f.moved_to, f.last_fetch, f.retry_after, "
	    "(SELECT count(*) FROM articles a WHERE a.feed_id = f.id "
	    "AND a.unread = 1) "
	    "FROM feeds f ORDER BY coalesce(f.name, f.title, f.url), f.id";
	struct store_feed	 f;
	sqlite3_stmt		*s;
	int			 rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: feeds");
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		f.id = sqlite3_column_int64(s, 0);
		f.url = (const char *)sqlite3_column_text(s, 1);
		f.title = (const char *)sqlite3_column_text(s, 2);
		f.link = (const char *)sqlite3_column_text(s, 3);
		f.last_error = (const char *)sqlite3_column_text(s, 4);
		f.moved_to = (const char *)sqlite3_column_text(s, 5);
		f.last_fetch = sqlite3_column_int64(s, 6);
		f.retry_after = sqlite3_column_int64(s, 7);
		f.unread = sqlite3_column_int64(s, 8);
		if (cb(&f, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		*cause = store_error(st, "store: feeds");
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_feed_total(struct store *st, int64_t feed_id, int64_t *total,
    char **cause)
{
	sqlite3_stmt	*s;

	*total = 0;
	if ((s = store_stmt(st, S_FEED_TOTAL, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, feed_id);
	if (sqlite3_step(s) != SQLITE_ROW) {
		*cause = store_error(st, "store: count");
		sqlite3_reset(s);
		return -1;
	}
	*total = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return 0;
}

struct store_update *
store_update_begin(struct store *st, int64_t feed_id, int64_t max_articles,
    char **cause)
{
	struct store_update	*u;
	sqlite3_stmt		*s;

	if ((s = store_stmt(st, S_BEGIN, cause)) == NULL ||
	    store_done(st, s, cause) != 0)
		return NULL;
	u = xcalloc(1, sizeof *u);
	u->st = st;
	u->feed_id = feed_id;
	u->max_articles = max_articles > 0 ? max_articles : 0;
	u->now = (int64_t)time(NULL);
	/* Catch up with changes made by SQL first: then a new article's id
	 * has nothing in the index (store_index()). */
	if (store_fts_flush(st, cause) != 0 ||
	    store_index_missing(st, cause) != 0) {
		store_update_abort(u);
		return NULL;
	}
	if ((s = store_stmt(st, S_ART_MAX_ID, cause)) == NULL ||
	    sqlite3_step(s) != SQLITE_ROW) {
		if (s != NULL)
			*cause = store_error(st, "store: update");
		store_update_abort(u);
		return NULL;
	}
	u->max_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return u;
}

/* FNV-1a, 64 bits, over a string and a separator. */
static uint64_t
hash_add(uint64_t h, const char *s)
{
	if (s != NULL)
		for (; *s != '\0'; s++)
			h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (h ^ 0xff) * 0x100000001b3ULL;
}

/* The dedup key: the item's id, else its link, else a content hash. */
static char *
item_key(const struct feed_item *it)
{
	uint64_t	h = 0xcbf29ce484222325ULL;

	if (it->id != NULL && *it->id != '\0')
		return xstrdup(it->id);
	if (it->link != NULL && *it->link != '\0')
		return xstrdup(it->link);
	h = hash_add(h, it->title);
	h = hash_add(h, it->content);
	return xasprintf("hash:%016llx", (unsigned long long)h);
}

/* A hash of everything shown, to tell an updated article. */
static int64_t
item_change_hash(const struct feed_item *it)
{
	uint64_t	h = 0xcbf29ce484222325ULL;
	char		num[32];

	h = hash_add(h, it->title);
	h = hash_add(h, it->link);
	h = hash_add(h, it->author);
	h = hash_add(h, it->content);
	h = hash_add(h, it->enclosure);
	h = hash_add(h, it->categories);
	snprintf(num, sizeof num, "%lld/%d", (long long)it->date,
	    it->content_html);
	h = hash_add(h, num);
	return (int64_t)(h >> 1);
}

/* Would an item of this date be trimmed at once by the limit? */
static int
store_too_old(struct store_update *u, int64_t date, char **cause)
{
	sqlite3_stmt	*s;
	int		 old = 0;

	if (u->max_articles == 0)
		return 0;
	if ((s = store_stmt(u->st, S_ART_NTH_DATE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, u->feed_id);
	sqlite3_bind_int64(s, 2, u->max_articles - 1);
	if (sqlite3_step(s) == SQLITE_ROW)
		old = date < sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return old;
}

/*
 * SQL function akhbar_fts_terms(title, content, content_html): the index
 * terms of an article, exactly as store_index() makes them. The delete
 * of a row must give the index the same terms again.
 */
static void
store_fts_terms_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char	*text, *terms;

	text = search_body_text((const char *)sqlite3_value_text(argv[1]),
	    sqlite3_value_int(argv[2]));
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
static int
store_fts_flush(struct store *st, char **cause)
{
	static const char sql[] =
	    "INSERT INTO article_fts(article_fts, rowid, terms) "
	    "SELECT 'delete', id, akhbar_fts_terms(title, content, "
	    "content_html) FROM article_fts_old;"
	    "INSERT INTO article_fts(rowid, terms) SELECT a.id, "
	    "akhbar_fts_terms(a.title, b.content, b.content_html) "
	    "FROM article_fts_old o JOIN articles a ON a.id = o.id "
	    "LEFT JOIN bodies b ON b.article_id = a.id;"
	    "DELETE FROM article_fts_old;";
	sqlite3_stmt	*s;
	int		 any;

	if ((s = store_stmt(st, S_FTS_OLD_ANY, cause)) == NULL)
		return -1;
	any = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return any ? store_exec(st, sql, cause) : 0;
}

/* Write the pending index rows of u (see struct fts_row). */
static int
store_fts_pending_write(struct store_update *u, char **cause)
{
	sqlite3_stmt	*s;
	size_t		 i;
	int		 rc = 0;

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

/*
 * (Re)index one article from its title and body, after they were
 * written: take out what the index held for it (kept by the triggers
 * when the title or body changed), then add the new terms. A new
 * article (fresh) has nothing in the index (store_update_begin() caught
 * up with whatever SQL did before): its row waits in u->pending.
 */
static int
store_index(struct store_update *u, int64_t id, const char *title,
    const char *content, int html, int fresh, char **cause)
{
	struct store	*st = u->st;
	sqlite3_stmt	*s;
	char		*text, *terms;
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
	}
	text = search_body_text(content, html);
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
static int
store_index_missing(struct store *st, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, S_FTS_MISSING, cause)) == NULL)
		return -1;
	return store_done(st, s, cause);
}

/*
 * Build the index again from nothing and note the version of its terms:
 * after the migration, and when the terms' version changed (a new
 * normaliser would not take the old terms out).
 */
static int
store_index_rebuild(struct store *st, char **cause)
{
	sqlite3_stmt	*s;
	char		*version;
	int		 rc;

	if (store_exec(st, "INSERT INTO article_fts(article_fts) "
	    "VALUES('delete-all'); DELETE FROM article_fts_old;", cause) != 0 ||
	    store_index_missing(st, cause) != 0)
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
static int
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

static int
store_put_body(struct store_update *u, int64_t id,
    const struct feed_item *it, int fresh, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(u->st, S_BODY_PUT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	/* not copied: it is written before the item goes */
	if (it->content != NULL)
		sqlite3_bind_text(s, 2, it->content, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, it->content_html != 0);
	if (store_done(u->st, s, cause) != 0)
		return -1;
	return store_index(u, id, it->title, it->content,
	    it->content_html, fresh, cause);
}

static int
store_insert(struct store_update *u, const char *key, int64_t chash,
    const struct feed_item *it, char **cause)
{
	sqlite3_stmt	*s;
	int64_t		 date = it->date > 0 ? it->date : u->now;
	int		 old;

	if ((old = store_too_old(u, date, cause)) != 0)
		return old < 0 ? -1 : 0;
	if ((s = store_stmt(u->st, S_ART_INSERT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, u->feed_id);
	bind_text(s, 2, key);
	bind_text(s, 3, it->title);
	bind_text(s, 4, it->link);
	bind_text(s, 5, it->author);
	sqlite3_bind_int64(s, 6, date);
	sqlite3_bind_int64(s, 7, u->now);
	bind_text(s, 8, it->enclosure);
	bind_text(s, 9, it->categories);
	sqlite3_bind_int64(s, 10, chash);
	if (store_done(u->st, s, cause) != 0)
		return -1;
	return store_put_body(u, sqlite3_last_insert_rowid(u->st->db), it,
	    1, cause);
}

static int
store_refresh(struct store_update *u, int64_t id, int64_t chash,
    const struct feed_item *it, char **cause)
{
	sqlite3_stmt	*s;

	/* An article new in this update (an item twice in one document):
	 * its index row must be there for the triggers to keep it. */
	if (id > u->max_id && store_fts_pending_write(u, cause) != 0)
		return -1;
	if ((s = store_stmt(u->st, S_ART_UPDATE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, it->title);
	bind_text(s, 3, it->link);
	bind_text(s, 4, it->author);
	sqlite3_bind_int64(s, 5, it->date);
	bind_text(s, 6, it->enclosure);
	bind_text(s, 7, it->categories);
	sqlite3_bind_int64(s, 8, chash);
	sqlite3_bind_int64(s, 9, u->now);
	if (store_done(u->st, s, cause) != 0)
		return -1;
	return store_put_body(u, id, it, 0, cause);
}

int
store_update_item(struct store_update *u, const struct feed_item *it,
    char **cause)
{
	sqlite3_stmt	*s;
	char		*key = item_key(it);
	int64_t		 chash = item_change_hash(it), id = 0, old = 0;
	int		 rc, found = 0;

	if ((s = store_stmt(u->st, S_ART_FIND, cause)) == NULL) {
		free(key);
		return -1;
	}
	sqlite3_bind_int64(s, 1, u->feed_id);
	bind_text(s, 2, key);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		found = 1;
		id = sqlite3_column_int64(s, 0);
		old = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(u->st, "store: find");
		free(key);
		return -1;
	}
	if (!found)
		rc = store_insert(u, key, chash, it, cause);
	else if (old != chash)
		rc = store_refresh(u, id, chash, it, cause);
	else
		rc = 0;
	free(key);
	return rc;
}

int
store_update_commit(struct store_update *u, const struct store_fetch_meta *m,
    int64_t *added, char **cause)
{
	struct store	*st = u->st;
	sqlite3_stmt	*s;

	if (store_fts_pending_write(u, cause) != 0)
		goto fail;
	if (u->max_articles > 0) {
		if ((s = store_stmt(st, S_ART_TRIM, cause)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, u->feed_id);
		sqlite3_bind_int64(s, 2, u->max_articles);
		if (store_done(st, s, cause) != 0)
			goto fail;
	}
	if (store_fts_flush(st, cause) != 0)
		goto fail;
	if ((s = store_stmt(st, S_FEED_DONE, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, u->feed_id);
	bind_text(s, 2, m != NULL ? m->title : NULL);
	bind_text(s, 3, m != NULL ? m->link : NULL);
	bind_text(s, 4, m != NULL ? m->etag : NULL);
	bind_text(s, 5, m != NULL ? m->last_modified : NULL);
	bind_text(s, 6, m != NULL ? m->moved_to : NULL);
	sqlite3_bind_int64(s, 7, u->now);
	if (store_done(st, s, cause) != 0)
		goto fail;
	if (added != NULL) {
		if ((s = store_stmt(st, S_ART_COUNT_NEW, cause)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, u->feed_id);
		sqlite3_bind_int64(s, 2, u->max_id);
		if (sqlite3_step(s) != SQLITE_ROW) {
			*cause = store_error(st, "store: count");
			sqlite3_reset(s);
			goto fail;
		}
		*added = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	if ((s = store_stmt(st, S_COMMIT, cause)) == NULL ||
	    store_done(st, s, cause) != 0)
		goto fail;
	free(u->pending);
	free(u);
	return 0;
fail:
	store_update_abort(u);
	return -1;
}

void
store_update_abort(struct store_update *u)
{
	size_t	i;

	if (u == NULL)
		return;
	if (!sqlite3_get_autocommit(u->st->db))
		sqlite3_exec(u->st->db, "ROLLBACK", NULL, NULL, NULL);
	for (i = 0; i < u->npending; i++)
		free(u->pending[i].terms);
	free(u->pending);
	free(u);
}

/* How store_article_query() reads the articles. */
enum query_mode {
	Q_LIST,		/* headers, LIMIT and OFFSET in SQL */
	Q_COUNT,	/* count(*) */
	Q_SEARCH,	/* headers of the FTS matches (?4), LIMIT in SQL */
	Q_CANDIDATES	/* headers of the FTS matches, all */
};

/*
 * Prepare the header query for a filter. The SQL is assembled from
 * constant fragments only; every value is bound.
 */
static sqlite3_stmt *
store_article_query(struct store *st, const struct store_filter *f,
    enum query_mode mode, const char *match, char **cause)
{
	struct buf	 b = { 0 };
	sqlite3_stmt	*s = NULL;
	const char	*and = " WHERE ";
	int		 paged;

	if (mode == Q_COUNT)
		buf_puts(&b, "SELECT count(*) FROM articles a");
	else
		buf_puts(&b, "SELECT a.id, a.feed_id, "
		    "coalesce(f.name, f.title, f.url), a.title, a.link, "
		    "a.author, a.date, a.unread, a.saved");
	if (mode == Q_SEARCH || mode == Q_CANDIDATES) {
		buf_puts(&b, " FROM article_fts s JOIN articles a "
		    "ON a.id = s.rowid JOIN feeds f ON f.id = a.feed_id "
		    "WHERE article_fts MATCH ?4");
		and = " AND ";
	} else if (mode == Q_LIST)
		buf_puts(&b, " FROM articles a JOIN feeds f "
		    "ON f.id = a.feed_id");
	if (f->feed_id != 0) {
		buf_printf(&b, "%sa.feed_id = ?1", and);
		and = " AND ";
	}
	if (f->unread_only) {
		buf_printf(&b, "%sa.unread = 1", and);
		and = " AND ";
	}
	if (f->saved_only)
		buf_printf(&b, "%sa.saved = 1", and);
	if (mode != Q_COUNT)
		buf_puts(&b, " ORDER BY a.date DESC, a.id DESC");
	/* Only with a limit or an offset: ORDER BY with a LIMIT (even -1)
	 * sorts in a temporary b-tree, twice as slow as the plain sorter
	 * for 40k rows, and it spills to a temporary file. */
	paged = (mode == Q_LIST || mode == Q_SEARCH) &&
	    (f->limit > 0 || f->offset > 0);
	if (paged)
		buf_puts(&b, " LIMIT ?2 OFFSET ?3");
	if (sqlite3_prepare_v2(st->db, b.data, -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, mode >= Q_SEARCH ? "store: search" :
		    "store: articles");
		buf_free(&b);
		return NULL;
	}
	buf_free(&b);
	if (f->feed_id != 0)
		sqlite3_bind_int64(s, 1, f->feed_id);
	if (paged) {
		sqlite3_bind_int64(s, 2, f->limit > 0 ? f->limit : -1);
		sqlite3_bind_int64(s, 3, f->offset > 0 ? f->offset : 0);
	}
	if (match != NULL)
		sqlite3_bind_text(s, 4, match, -1, SQLITE_STATIC);
	return s;
}

/* The header of the current row of an article query. */
static void
store_article_row(sqlite3_stmt *s, struct store_article *a)
{
	a->id = sqlite3_column_int64(s, 0);
	a->feed_id = sqlite3_column_int64(s, 1);
	a->feed_title = (const char *)sqlite3_column_text(s, 2);
	a->title = (const char *)sqlite3_column_text(s, 3);
	a->link = (const char *)sqlite3_column_text(s, 4);
	a->author = (const char *)sqlite3_column_text(s, 5);
	a->date = sqlite3_column_int64(s, 6);
	a->unread = sqlite3_column_int(s, 7);
	a->saved = sqlite3_column_int(s, 8);
}

int
store_articles(struct store *st, const struct store_filter *filter,
    store_article_cb cb, void *arg, char **cause)
{
	static const struct store_filter all;
	struct store_article	 a;
	sqlite3_stmt		*s;
	int			 rc;

	if ((s = store_article_query(st, filter != NULL ? filter : &all,
	    Q_LIST, NULL, cause)) == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		store_article_row(s, &a);
		if (cb(&a, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		*cause = store_error(st, "store: articles");
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
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
	    store_index_missing(st, cause) != 0) {
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
	int		 rc, ok = 0;

	if ((s = store_stmt(st, S_BODY_TEXT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, a->id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		ok = search_query_test_body(q, a->title,
		    (const char *)sqlite3_column_text(s, 0),
		    sqlite3_column_int(s, 1));
	else if (rc == SQLITE_DONE)
		ok = search_query_test_body(q, a->title, NULL, 0);
	sqlite3_reset(s);
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

static void
ids_add(struct store_ids *a, int64_t id)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 256;
		a->v = xreallocarray(a->v, a->cap, sizeof *a->v);
	}
	a->v[a->n++] = id;
}

/* akhbar_ids(id): an aggregate adding each id to st->ids, so a walk of
 * 100k ids is one sqlite3_step() rather than 100k rows handed out one
 * by one (a third faster). */
static void
store_ids_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store	*st = sqlite3_user_data(ctx);

	if (st->ids != NULL)
		ids_add(st->ids, sqlite3_value_int64(argv[0]));
}

static void
store_ids_final(sqlite3_context *ctx)
{
	sqlite3_result_null(ctx);
}

/* Run sql, which calls akhbar_ids(id) for each id it walks, with ?1
 * bound to match when not NULL; the ids go into *a. */
static int
store_ids_walk(struct store *st, const char *sql, const char *match,
    struct store_ids *a, const char *what, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (!st->ids_fn && sqlite3_create_function(st->db, "akhbar_ids", 1,
	    SQLITE_UTF8 | SQLITE_DIRECTONLY, st, NULL, store_ids_step,
	    store_ids_final) != SQLITE_OK) {
		*cause = store_error(st, what);
		return -1;
	}
	st->ids_fn = 1;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, what);
		return -1;
	}
	if (match != NULL)
		sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
	st->ids = a;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	st->ids = NULL;
	if (rc != SQLITE_DONE)
		*cause = store_error(st, what);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
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
				ids_add(&a, sqlite3_column_int64(s, 0));
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

int
store_unread_ids(struct store *st, int64_t **ids, size_t *n, char **cause)
{
	struct store_ids	a = { 0 };

	*ids = NULL;
	*n = 0;
	/* Feed by feed (CROSS JOIN keeps feeds outside), each a range of
	 * articles_feed_unread: only the unread entries, no table row. The
	 * planner alone walks every entry of that index, and the partial
	 * index articles_unread makes SQLite 3.40 read each row for its
	 * unread column. */
	if (store_ids_walk(st, "SELECT akhbar_ids(a.id) FROM feeds f "
	    "CROSS JOIN articles a ON a.feed_id = f.id WHERE a.unread = 1",
	    NULL, &a, "store: articles", cause) == -1) {
		free(a.v);
		return -1;
	}
	*ids = a.v;
	*n = a.n;
	return 0;
}

int
store_unread_among(struct store *st, const int64_t *ids, size_t n,
    int64_t *count, char **cause)
{
	sqlite3_stmt	*s;
	size_t		 i;
	int		 rc = SQLITE_DONE;

	*count = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM articles a JOIN feeds f "
	    "ON f.id = a.feed_id WHERE a.id = ?1 AND a.unread = 1", -1, &s,
	    NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: articles");
		return -1;
	}
	for (i = 0; i < n && rc == SQLITE_DONE; i++) {
		sqlite3_bind_int64(s, 1, ids[i]);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			(*count)++;
			rc = sqlite3_step(s);
		}
		sqlite3_reset(s);
	}
	if (rc != SQLITE_DONE)
		*cause = store_error(st, "store: articles");
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int64_t
store_count(struct store *st, const struct store_filter *filter,
    char **cause)
{
	static const struct store_filter all;
	sqlite3_stmt	*s;
	int64_t		 n = -1;

	if ((s = store_article_query(st, filter != NULL ? filter : &all,
	    Q_COUNT, NULL, cause)) == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	else
		*cause = store_error(st, "store: count");
	sqlite3_finalize(s);
	return n;
}

int64_t
store_data_version(struct store *st)
{
	sqlite3_stmt	*s;
	char		*cause = NULL;
	int64_t		 v = -1;

	if ((s = store_stmt(st, S_DATA_VERSION, &cause)) == NULL) {
		free(cause);
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return v;
}

int
store_article_body(struct store *st, int64_t article_id,
    struct store_body *body, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(body, 0, sizeof *body);
	if ((s = store_stmt(st, S_BODY_GET, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article_id);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			*cause = xasprintf("store: no article %lld",
			    (long long)article_id);
		else
			*cause = store_error(st, "store: body");
		sqlite3_reset(s);
		return -1;
	}
	body->content = column_dup(s, 0);
	body->content_html = sqlite3_column_int(s, 1);
	body->enclosure = column_dup(s, 2);
	body->categories = column_dup(s, 3);
	sqlite3_reset(s);
	return 0;
}

void
store_body_clear(struct store_body *body)
{
	free(body->content);
	free(body->enclosure);
	free(body->categories);
	memset(body, 0, sizeof *body);
}

static int
store_set_flag(struct store *st, enum stmt_id id, int64_t article_id,
    int value, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, id, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article_id);
	sqlite3_bind_int(s, 2, value != 0);
	return store_done(st, s, cause);
}

int
store_set_unread(struct store *st, int64_t article_id, int unread,
    char **cause)
{
	return store_set_flag(st, S_SET_UNREAD, article_id, unread, cause);
}

int
store_set_saved(struct store *st, int64_t article_id, int saved,
    char **cause)
{
	return store_set_flag(st, S_SET_SAVED, article_id, saved, cause);
}

int
store_feed_mark_read(struct store *st, int64_t feed_id, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, feed_id != 0 ? S_MARK_FEED : S_MARK_ALL,
	    cause)) == NULL)
		return -1;
	if (feed_id != 0)
		sqlite3_bind_int64(s, 1, feed_id);
	return store_done(st, s, cause);
}

int
store_set_unread_ids(struct store *st, const int64_t *ids, size_t n,
    int unread, char **cause)
{
	sqlite3_stmt	*s;
	size_t		 i;

	/* One transaction: a list of thousands is one commit, not one a
	 * row. */
	if ((s = store_stmt(st, S_BEGIN, cause)) == NULL ||
	    store_done(st, s, cause) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (store_set_flag(st, S_SET_UNREAD, ids[i], unread,
		    cause) != 0) {
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
