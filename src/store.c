/*
 * store.c - the SQLite article store (see store.h): schema, feeds,
 * updates, article lists and flags. store_fts.c holds the full-text half
 * (the index and search); store_int.h what the two share. store*.c are
 * the only files that include sqlite3.
 *
 * Layout: feeds (one row a subscription), articles (headers: what lists
 * show and sort on) and bodies (content, read one article at a time), so
 * walking 100k headers never touches a body page. Every statement is
 * prepared with bound parameters; SQL text is only ever built from the
 * constant fragments in store*.c. Times are UTC seconds.
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

#include "feed.h"
#include "store.h"
#include "store_int.h"
#include "util.h"

/* The most feed ids a filter binds (SQLite allows 32766 parameters). */
#define STORE_MAX_FEED_IDS	900

/* How long a second akhbar waits for the first one's transaction. */
#define STORE_BUSY_MS	15000

static const char *const stmt_sql[S_COUNT] = {
	[S_FEED_ADD] = "INSERT OR IGNORE INTO feeds(url, name) VALUES(?1, ?2)",
	[S_FEED_ID] = "SELECT id FROM feeds WHERE url = ?1",
	[S_FEED_NAME] = "UPDATE feeds SET name = ?2 "
	    "WHERE id = ?1 AND name IS NOT ?2",
	[S_FEED_STATE] = "SELECT etag, last_modified, retry_after, "
	    "coalesce(name, title), last_fetch FROM feeds WHERE id = ?1",
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
	    "author, date, first_seen, enclosure, categories, chash, "
	    "enclosure_type, enclosure_length) "
	    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	[S_ART_UPDATE] = "UPDATE articles SET title = ?2, link = ?3, "
	    "author = ?4, date = CASE WHEN ?5 > 0 THEN ?5 ELSE date END, "
	    "enclosure = ?6, categories = ?7, chash = ?8, updated = ?9, "
	    "enclosure_type = ?10, enclosure_length = ?11 WHERE id = ?1",
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
	/* bit 1 is "hidden by an ignore rule" (store_rules_apply()) */
	[S_SET_UNREAD] = "UPDATE articles SET unread = (unread & 2) | ?2 "
	    "WHERE id = ?1",
	[S_SET_SAVED] = "UPDATE articles SET saved = ?2 WHERE id = ?1",
	[S_MARK_FEED] = "UPDATE articles SET unread = 0 "
	    "WHERE feed_id = ?1 AND unread = 1",
	[S_MARK_ALL] = "UPDATE articles SET unread = 0 WHERE unread = 1",
	[S_BODY_GET] = "SELECT b.content, b.content_html, a.enclosure, "
	    "a.categories, a.enclosure_type, a.enclosure_length "
	    "FROM articles a LEFT JOIN bodies b "
	    "ON b.article_id = a.id WHERE a.id = ?1",
	/* one step for a search candidate: body and full text (or NULL) */
	[S_BODY_TEXT] = "SELECT content, content_html, (SELECT content "
	    "FROM fulltexts WHERE article_id = ?1) FROM bodies "
	    "WHERE article_id = ?1",
	[S_FTS_HAS] = "SELECT 1 FROM article_fts WHERE rowid = ?1",
	[S_FTS_PUT] = "INSERT INTO article_fts(rowid, terms) VALUES(?1, ?2)",
	/* the shadow table, not article_fts: a query on the FTS5 table
	 * could write out its pending terms */
	[S_FTS_DOC_HAS] = "SELECT 1 FROM article_fts_docsize WHERE id = ?1",
	[S_ART_EXISTS] = "SELECT 1 FROM articles WHERE id = ?1",
	[S_FTS_OLD_DEL] = "INSERT INTO article_fts(article_fts, rowid, terms) "
	    "SELECT 'delete', o.id, akhbar_fts_terms(o.title, o.content, "
	    "o.content_html, f.content) FROM article_fts_old o LEFT JOIN "
	    "fulltext_old f ON f.id = o.id WHERE o.id = ?1",
	[S_FTS_OLD_DROP] = "DELETE FROM article_fts_old WHERE id = ?1",
	[S_FTS_OLD_ANY] = "SELECT EXISTS (SELECT 1 FROM article_fts_old)",
	/* the articles above the highest indexed id (added by SQL) */
	[S_FTS_MISSING] = "INSERT INTO article_fts(rowid, terms) "
	    "SELECT a.id, akhbar_fts_terms(a.title, b.content, "
	    "b.content_html, f.content) FROM articles a LEFT JOIN bodies b "
	    "ON b.article_id = a.id LEFT JOIN fulltexts f ON f.article_id = "
	    "a.id WHERE a.id > max(?1, (SELECT coalesce(max(rowid), 0) "
	    "FROM article_fts)) ORDER BY a.id",
	/* prepared once: a feed update is one transaction */
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_FEED_TOTAL] = "SELECT coalesce((SELECT total FROM article_counts "
	    "WHERE feed_id = ?1), 0)",
	[S_FEED_KNOWN] = "SELECT id FROM feeds WHERE url = ?1 AND name IS ?2",
	[S_DATA_VERSION] = "PRAGMA data_version",
	/* full texts (schema 5) */
	[S_FULLTEXT_GET] = "SELECT content, error, url, content_type, "
	    "fetched FROM fulltexts WHERE article_id = ?1",
	[S_FULLTEXT_PUT] = "INSERT OR REPLACE INTO fulltexts(article_id, "
	    "content, fetched, error, url, content_type) "
	    "VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
	/* a failure keeps the content of an earlier success */
	[S_FULLTEXT_FAIL] = "INSERT INTO fulltexts(article_id, fetched, "
	    "error, url, content_type) VALUES(?1, ?2, ?3, ?4, ?5) "
	    "ON CONFLICT(article_id) DO UPDATE SET fetched = excluded.fetched, "
	    "error = excluded.error",
	[S_ART_LINK] = "SELECT link FROM articles WHERE id = ?1",
	[S_FULLTEXT_PENDING] = "SELECT a.id FROM articles a WHERE "
	    "a.feed_id = ?1 AND a.id > ?2 AND a.unread < 2 AND "
	    "NOT EXISTS (SELECT 1 FROM "
	    "fulltexts f WHERE f.article_id = a.id) ORDER BY a.id",
	/* one header of a paged list (store_articles_by_ids()) */
	[S_ART_HEADER] = "SELECT a.id, a.feed_id, "
	    "coalesce(f.name, f.title, f.url), a.title, a.link, a.author, "
	    "a.date, a.unread & 1, a.saved FROM articles a LEFT JOIN feeds f "
	    "ON f.id = a.feed_id WHERE a.id = ?1",
	[S_ENCLOSURE_GET] = "SELECT enclosure, enclosure_type, "
	    "enclosure_length FROM articles WHERE id = ?1",
};

/* Schema steps: migrations[v] takes a store from version v to v + 1. */
/* Schema 7's triggers: the new row counted in its feed's article_counts
 * row (made if missing), and the old row taken off its feed's. */
#define COUNTS_ADD_NEW \
	"  INSERT INTO article_counts(feed_id, total, unread, hidden, saved," \
	"  saved_unread) VALUES(new.feed_id, new.unread < 2, new.unread = 1," \
	"  new.unread >= 2, new.saved = 1 AND new.unread < 2," \
	"  new.saved = 1 AND new.unread = 1) ON CONFLICT(feed_id) DO UPDATE" \
	"  SET total = total + excluded.total," \
	"  unread = unread + excluded.unread, hidden = hidden + excluded.hidden," \
	"  saved = saved + excluded.saved," \
	"  saved_unread = saved_unread + excluded.saved_unread;"
#define COUNTS_SUB_OLD \
	"  UPDATE article_counts SET total = total - (old.unread < 2)," \
	"  unread = unread - (old.unread = 1)," \
	"  hidden = hidden - (old.unread >= 2)," \
	"  saved = saved - (old.saved = 1 AND old.unread < 2)," \
	"  saved_unread = saved_unread - (old.saved = 1 AND old.unread = 1)" \
	"  WHERE feed_id = old.feed_id;"

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

	/*
	 * 4 -> 5: full texts (the article fetched from its link and
	 * extracted, see fulltext.h), one row an article, next to its feed
	 * content in bodies, never over it. A failed fetch is a row with an
	 * error and no content, so it is not tried again by itself. The
	 * full text is indexed with the article: akhbar_fts_terms() takes
	 * it as a fourth argument. The old triggers copy 4 columns into
	 * article_fts_old, so its full text is kept beside it, in
	 * fulltext_old, by a trigger of its own; the fulltexts triggers
	 * copy the indexed title, body and full text as those of bodies do.
	 */
	"CREATE TABLE fulltexts("
	"  article_id INTEGER PRIMARY KEY,"
	"  content TEXT,"
	"  fetched INTEGER NOT NULL,"
	"  error TEXT, url TEXT, content_type TEXT);"
	"CREATE TABLE fulltext_old(id INTEGER PRIMARY KEY, content TEXT);"
	"CREATE TRIGGER fts_old_fulltext AFTER INSERT ON article_fts_old"
	"  BEGIN DELETE FROM fulltext_old WHERE id = new.id;"
	"  INSERT INTO fulltext_old SELECT article_id, content FROM fulltexts"
	"  WHERE article_id = new.id AND content IS NOT NULL; END;"
	"CREATE TRIGGER fts_old_drop AFTER DELETE ON article_fts_old"
	"  BEGIN DELETE FROM fulltext_old WHERE id = old.id; END;"
	"CREATE TRIGGER articles_fulltext_delete AFTER DELETE ON articles"
	"  BEGIN DELETE FROM fulltexts WHERE article_id = old.id; END;"
	"CREATE TRIGGER fulltexts_fts_insert BEFORE INSERT ON fulltexts"
	"  WHEN EXISTS (SELECT 1 FROM article_fts"
	"  WHERE rowid = new.article_id) BEGIN"
	"  INSERT INTO article_fts_old SELECT a.id, a.title, b.content,"
	"  b.content_html FROM articles a LEFT JOIN bodies b"
	"  ON b.article_id = a.id WHERE a.id = new.article_id AND NOT EXISTS"
	"  (SELECT 1 FROM article_fts_old WHERE id = a.id); END;"
	"CREATE TRIGGER fulltexts_fts_update BEFORE UPDATE OF content"
	"  ON fulltexts WHEN EXISTS (SELECT 1 FROM article_fts"
	"  WHERE rowid = old.article_id) BEGIN"
	"  INSERT INTO article_fts_old SELECT a.id, a.title, b.content,"
	"  b.content_html FROM articles a LEFT JOIN bodies b"
	"  ON b.article_id = a.id WHERE a.id = old.article_id AND NOT EXISTS"
	"  (SELECT 1 FROM article_fts_old WHERE id = a.id); END;"
	"CREATE TRIGGER fulltexts_fts_delete BEFORE DELETE ON fulltexts"
	"  WHEN EXISTS (SELECT 1 FROM article_fts"
	"  WHERE rowid = old.article_id) BEGIN"
	"  INSERT INTO article_fts_old SELECT a.id, a.title, b.content,"
	"  b.content_html FROM articles a LEFT JOIN bodies b"
	"  ON b.article_id = a.id WHERE a.id = old.article_id AND NOT EXISTS"
	"  (SELECT 1 FROM article_fts_old WHERE id = a.id); END;",

	/*
	 * 5 -> 6: an enclosure's MIME type and size in bytes (0: unknown),
	 * for the link screen and the reader's header. Articles stored
	 * before have neither until their feed sends them again.
	 */
	"ALTER TABLE articles ADD COLUMN enclosure_type TEXT;"
	"ALTER TABLE articles ADD COLUMN enclosure_length INTEGER NOT NULL"
	"  DEFAULT 0;",

	/*
	 * 6 -> 7: the counts the lists show, per feed, kept by triggers so
	 * that no count walks the articles (at 1M articles the unread
	 * counts of the feed list walked 330k index entries): total (not
	 * hidden by a rule: unread < 2), unread (unread = 1), hidden
	 * (unread >= 2), saved (and not hidden), saved and unread. The
	 * triggers are plain SQL, so changes made with the sqlite3 tool
	 * keep them too. INSERT OR REPLACE deletes the rows it replaces
	 * without a DELETE trigger (recursive_triggers is off): the BEFORE
	 * INSERT trigger copies them to article_counts_old, and the AFTER
	 * INSERT one takes those that are gone (or have the new row's id)
	 * off. An INSERT that ends up ignored (OR IGNORE, an upsert) leaves
	 * its copies, which the next insert drops without counting them,
	 * as their rows are still there. A feed's row is added by an
	 * upsert, which an outer INSERT OR REPLACE leaves alone (it would
	 * turn an inner OR IGNORE into REPLACE), and which costs half of
	 * an INSERT WHERE NOT EXISTS then an UPDATE (2.5 us an article). Idempotent: a store taken back to version 6 by hand
	 * still migrates. Filled by store_counts_fill().
	 * The date indexes also hold id and unread, so the ids of a list,
	 * in its order, are read from an index alone (store_article_ids():
	 * 70 ms of CPU for 1M, where reading each row took 650 ms).
	 */
	"DROP INDEX IF EXISTS articles_date;"
	"CREATE INDEX articles_date ON articles(date, id, unread);"
	"DROP INDEX IF EXISTS articles_feed_date;"
	"CREATE INDEX articles_feed_date ON articles(feed_id, date, id,"
	"  unread);"
	"DROP INDEX IF EXISTS articles_unread;"
	"CREATE INDEX articles_unread ON articles(date, id, unread)"
	"  WHERE unread = 1;"
	"DROP INDEX IF EXISTS articles_saved;"
	"CREATE INDEX articles_saved ON articles(date, id, unread)"
	"  WHERE saved = 1;"
	"CREATE TABLE IF NOT EXISTS article_counts("
	"  feed_id INTEGER PRIMARY KEY,"
	"  total INTEGER NOT NULL DEFAULT 0, unread INTEGER NOT NULL DEFAULT 0,"
	"  hidden INTEGER NOT NULL DEFAULT 0, saved INTEGER NOT NULL DEFAULT 0,"
	"  saved_unread INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE IF NOT EXISTS article_counts_old(id INTEGER PRIMARY KEY,"
	"  feed_id INTEGER, unread INTEGER, saved INTEGER);"
	"DROP TRIGGER IF EXISTS counts_insert;"
	"DROP TRIGGER IF EXISTS counts_delete;"
	"DROP TRIGGER IF EXISTS counts_update;"
	"DROP TRIGGER IF EXISTS counts_replace;"
	"DROP TRIGGER IF EXISTS counts_replaced;"
	"CREATE TRIGGER counts_insert AFTER INSERT ON articles BEGIN"
	COUNTS_ADD_NEW " END;"
	"CREATE TRIGGER counts_delete AFTER DELETE ON articles BEGIN"
	COUNTS_SUB_OLD
	"  DELETE FROM article_counts_old WHERE id = old.id; END;"
	"CREATE TRIGGER counts_update AFTER UPDATE OF unread, saved, feed_id"
	"  ON articles WHEN old.unread IS NOT new.unread OR"
	"  old.saved IS NOT new.saved OR old.feed_id IS NOT new.feed_id BEGIN"
	COUNTS_SUB_OLD
	COUNTS_ADD_NEW " END;"
	"CREATE TRIGGER counts_replace BEFORE INSERT ON articles"
	"  WHEN EXISTS (SELECT 1 FROM articles WHERE id = new.id OR"
	"  (feed_id = new.feed_id AND guid = new.guid)) BEGIN"
	"  DELETE FROM article_counts_old;"
	"  INSERT INTO article_counts_old SELECT id, feed_id, unread, saved"
	"  FROM articles WHERE id = new.id OR"
	"  (feed_id = new.feed_id AND guid = new.guid); END;"
	"CREATE TRIGGER counts_replaced AFTER INSERT ON articles"
	"  WHEN EXISTS (SELECT 1 FROM article_counts_old) BEGIN"
	"  UPDATE article_counts SET total = total - d.t,"
	"  unread = unread - d.u, hidden = hidden - d.h, saved = saved - d.s,"
	"  saved_unread = saved_unread - d.su FROM (SELECT o.feed_id AS f,"
	"  sum(o.unread < 2) AS t, sum(o.unread = 1) AS u,"
	"  sum(o.unread >= 2) AS h, sum(o.saved = 1 AND o.unread < 2) AS s,"
	"  sum(o.saved = 1 AND o.unread = 1) AS su FROM article_counts_old o"
	"  WHERE o.id = new.id OR NOT EXISTS (SELECT 1 FROM articles a"
	"  WHERE a.id = o.id) GROUP BY o.feed_id) AS d"
	"  WHERE article_counts.feed_id = d.f;"
	"  DELETE FROM article_counts_old; END;",
};

/* Work a migration does beyond its SQL, in the same transaction:
 * migration_fill[v] runs after migrations[v]. (Step 2 -> 3 used to fill
 * its index; step 3 -> 4 replaces it, and the index of step 5 reads the
 * fulltexts table that step 4 -> 5 makes: store_index_check() fills an
 * index that has no version of terms yet, right after the migration.) */
static int	store_counts_fill(struct store *, char **);

static int (*const migration_fill[STORE_SCHEMA_VERSION])(struct store *,
    char **) = {
	[4] = NULL,
	[6] = store_counts_fill,
};

/* Step 6 -> 7: the counts from the articles, one walk over them (about
 * a second at 1M articles, once). */
static int
store_counts_fill(struct store *st, char **cause)
{
	return store_exec(st, "DELETE FROM article_counts;"
	    "DELETE FROM article_counts_old;"
	    "INSERT INTO article_counts(feed_id, total, unread, hidden, "
	    "saved, saved_unread) SELECT feed_id, sum(unread < 2), "
	    "sum(unread = 1), sum(unread >= 2), sum(saved = 1 AND "
	    "unread < 2), sum(saved = 1 AND unread = 1) FROM articles "
	    "GROUP BY feed_id;", cause);
}

char *
store_error(struct store *st, const char *what)
{
	return xasprintf("%s: %s", what, sqlite3_errmsg(st->db));
}

int
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
sqlite3_stmt *
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
int
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

void
store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

char *
store_column_dup(sqlite3_stmt *s, int i)
{
	const unsigned char	*v = sqlite3_column_text(s, i);

	return v == NULL ? NULL : xstrdup((const char *)v);
}

char *
store_default_path(void)
{
	return util_xdg_path("XDG_DATA_HOME", ".local/share",
	    "akhbar/cache.db");
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
	int		 flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			    SQLITE_OPEN_NOMUTEX;
	int		 from;

	if (strcmp(path, ":memory:") != 0 && store_mkdirs(path, cause) != 0)
		return NULL;
	st = xcalloc(1, sizeof *st);
	/*
	 * A connection is only ever used by the thread that opened it (the
	 * terms worker of a refresh has no SQLite), and akhbar reads no
	 * SQLite memory statistics: without the connection's mutex and the
	 * allocator's counting, a cold refresh's main thread took 3.8% fewer
	 * instructions (3.53 -> 3.39 G, callgrind). The setting only takes
	 * before SQLite starts, so later calls are refused, harmlessly.
	 */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
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
	if (sqlite3_create_function_v2(st->db, "akhbar_fts_terms", -1,
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
	store_index_defer(st, 0);
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	free(st->updated.v);
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
	store_bind_text(s, 1, url);
	store_bind_text(s, 2, name);
	if (store_done(st, s, cause) != 0)
		return -1;
	if ((s = store_stmt(st, S_FEED_ID, cause)) == NULL)
		return -1;
	store_bind_text(s, 1, url);
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
	store_bind_text(s, 2, name);
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
	store_bind_text(s, 1, url);
	store_bind_text(s, 2, name);
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
	state->etag = store_column_dup(s, 0);
	state->last_modified = store_column_dup(s, 1);
	state->retry_after = sqlite3_column_int64(s, 2);
	state->title = store_column_dup(s, 3);
	state->last_fetch = sqlite3_column_int64(s, 4);
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
	store_bind_text(s, 3, m != NULL ? m->moved_to : NULL);
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
	store_bind_text(s, 2, reason);
	sqlite3_bind_int64(s, 3, m != NULL ? m->retry_after : 0);
	sqlite3_bind_int64(s, 4, (int64_t)time(NULL));
	store_bind_text(s, 5, m != NULL ? m->moved_to : NULL);
	return store_done(st, s, cause);
}

int
store_feeds(struct store *st, store_feed_cb cb, void *arg, char **cause)
{
	static const char sql[] =
	    "SELECT f.id, f.url, coalesce(f.name, f.title), f.link, "
	    "f.last_error, f.moved_to, f.last_fetch, f.retry_after, "
	    "coalesce((SELECT c.unread FROM article_counts c "
	    "WHERE c.feed_id = f.id), 0) "
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
	    store_index_missing(st, st->deferred != NULL ?
	    st->deferred->max_id : 0, cause) != 0) {
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
	/* only when given, so the hash of an article without them is the
	 * one a store before schema 6 computed */
	if (it->enclosure_type != NULL || it->enclosure_length > 0) {
		snprintf(num, sizeof num, "%lld",
		    (long long)it->enclosure_length);
		h = hash_add(h, it->enclosure_type);
		h = hash_add(h, num);
	}
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

	/* keep-days: it would be deleted at commit, then come back new */
	if (u->expire_before > 0 && date < u->expire_before)
		return 1;
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
	store_bind_text(s, 2, key);
	store_bind_text(s, 3, it->title);
	store_bind_text(s, 4, it->link);
	store_bind_text(s, 5, it->author);
	sqlite3_bind_int64(s, 6, date);
	sqlite3_bind_int64(s, 7, u->now);
	store_bind_text(s, 8, it->enclosure);
	store_bind_text(s, 9, it->categories);
	sqlite3_bind_int64(s, 10, chash);
	store_bind_text(s, 11, it->enclosure_type);
	sqlite3_bind_int64(s, 12, it->enclosure_length);
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
	store_bind_text(s, 2, it->title);
	store_bind_text(s, 3, it->link);
	store_bind_text(s, 4, it->author);
	sqlite3_bind_int64(s, 5, it->date);
	store_bind_text(s, 6, it->enclosure);
	store_bind_text(s, 7, it->categories);
	sqlite3_bind_int64(s, 8, chash);
	sqlite3_bind_int64(s, 9, u->now);
	store_bind_text(s, 10, it->enclosure_type);
	sqlite3_bind_int64(s, 11, it->enclosure_length);
	if (store_done(u->st, s, cause) != 0)
		return -1;
	store_ids_add(&u->st->updated, id);
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
	store_bind_text(s, 2, key);
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

void
store_update_expire(struct store_update *u, int64_t before)
{
	u->expire_before = before;
}

/* Delete what keep-days says is too old (not saved). */
static int
store_update_expire_run(struct store_update *u, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(u->st->db, "DELETE FROM articles WHERE "
	    "feed_id = ?1 AND date < ?2 AND saved = 0", -1, &s,
	    NULL) != SQLITE_OK) {
		*cause = store_error(u->st, "store: keep-days");
		return -1;
	}
	sqlite3_bind_int64(s, 1, u->feed_id);
	sqlite3_bind_int64(s, 2, u->expire_before);
	if ((rc = sqlite3_step(s)) != SQLITE_DONE)
		*cause = store_error(u->st, "store: keep-days");
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_update_commit(struct store_update *u, const struct store_fetch_meta *m,
    int64_t *added, char **cause)
{
	struct store		*st = u->st;
	sqlite3_stmt		*s;

	/* Rows may wait for later only when nothing of this update can be
	 * deleted at its end: a deleted article's id may come back. */
	if ((st->deferred == NULL || u->max_articles > 0 ||
	    u->expire_before > 0) && store_fts_pending_write(u, cause) != 0)
		goto fail;
	if (u->max_articles > 0) {
		if ((s = store_stmt(st, S_ART_TRIM, cause)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, u->feed_id);
		sqlite3_bind_int64(s, 2, u->max_articles);
		if (store_done(st, s, cause) != 0)
			goto fail;
	}
	if (u->expire_before > 0 && store_update_expire_run(u, cause) != 0)
		goto fail;
	if (store_fts_flush(st, cause) != 0)
		goto fail;
	if ((s = store_stmt(st, S_FEED_DONE, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, u->feed_id);
	store_bind_text(s, 2, m != NULL ? m->title : NULL);
	store_bind_text(s, 3, m != NULL ? m->link : NULL);
	store_bind_text(s, 4, m != NULL ? m->etag : NULL);
	store_bind_text(s, 5, m != NULL ? m->last_modified : NULL);
	store_bind_text(s, 6, m != NULL ? m->moved_to : NULL);
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
	store_fts_defer(u);	/* writes what waits once enough does */
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
	store_fts_abort(u);
	if (!sqlite3_get_autocommit(u->st->db))
		sqlite3_exec(u->st->db, "ROLLBACK", NULL, NULL, NULL);
	for (i = 0; i < u->npending; i++)
		free(u->pending[i].terms);
	free(u->pending);
	free(u);
}

/*
 * Prepare the header query for a filter. The SQL is assembled from
 * constant fragments only; every value is bound.
 */
sqlite3_stmt *
store_article_query(struct store *st, const struct store_filter *f,
    enum query_mode mode, const char *match, char **cause)
{
	struct buf	 b = { 0 };
	sqlite3_stmt	*s = NULL;
	const char	*and = " WHERE ";
	int		 paged;
	size_t		 i;

	if (mode == Q_COUNT)
		buf_puts(&b, "SELECT count(*) FROM articles a");
	else if (mode == Q_IDS)
		buf_puts(&b, "SELECT a.id FROM articles a");
	else
		buf_puts(&b, "SELECT a.id, a.feed_id, "
		    "coalesce(f.name, f.title, f.url), a.title, a.link, "
		    "a.author, a.date, a.unread & 1, a.saved");
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
	if (f->nfeed_ids > 0) {
		/* bound from ?10 on: the ids are values, not SQL */
		buf_printf(&b, "%sa.feed_id IN (", and);
		for (i = 0; i < f->nfeed_ids && i < STORE_MAX_FEED_IDS; i++)
			buf_printf(&b, "%s?%zu", i > 0 ? ", " : "", i + 10);
		buf_putc(&b, ')');
		and = " AND ";
	}
	if (f->unread_only) {
		buf_printf(&b, "%sa.unread = 1", and);
		and = " AND ";
	} else {
		/* ignore rules: hidden, or only those hidden */
		buf_printf(&b, "%sa.unread %s 2", and, f->ignored_only ?
		    ">=" : "<");
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
		*cause = store_error(st, mode == Q_SEARCH ||
		    mode == Q_CANDIDATES ? "store: search" :
		    "store: articles");
		buf_free(&b);
		return NULL;
	}
	buf_free(&b);
	if (f->feed_id != 0)
		sqlite3_bind_int64(s, 1, f->feed_id);
	for (i = 0; i < f->nfeed_ids && i < STORE_MAX_FEED_IDS; i++)
		sqlite3_bind_int64(s, (int)i + 10, f->feed_ids[i]);
	if (paged) {
		sqlite3_bind_int64(s, 2, f->limit > 0 ? f->limit : -1);
		sqlite3_bind_int64(s, 3, f->offset > 0 ? f->offset : 0);
	}
	if (match != NULL)
		sqlite3_bind_text(s, 4, match, -1, SQLITE_STATIC);
	return s;
}

/* The header of the current row of an article query. */
void
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
store_article_ids(struct store *st, const struct store_filter *filter,
    int64_t **ids, size_t *n, char **cause)
{
	static const struct store_filter all;
	sqlite3_stmt		*s;
	int			 rc;

	*ids = NULL;
	*n = 0;
	if ((s = store_article_query(st, filter != NULL ? filter : &all,
	    Q_IDS, NULL, cause)) == NULL)
		return -1;
	rc = store_ids_read(st, s, "store: articles", ids, n, cause);
	sqlite3_finalize(s);
	return rc;
}

int
store_articles_by_ids(struct store *st, const int64_t *ids, size_t n,
    store_article_cb cb, void *arg, char **cause)
{
	struct store_article	 a;
	sqlite3_stmt		*s;
	size_t			 i;
	int			 rc = SQLITE_DONE;

	if ((s = store_stmt(st, S_ART_HEADER, cause)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(s, 1, ids[i]);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW)
			store_article_row(s, &a);
		else if (rc == SQLITE_DONE) {
			/* deleted since the ids were read */
			memset(&a, 0, sizeof a);
			a.id = ids[i];
		} else
			break;
		rc = cb(&a, arg);	/* a's strings live until the reset */
		sqlite3_reset(s);
		if (rc != 0) {
			rc = SQLITE_DONE;
			break;
		}
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		*cause = store_error(st, "store: articles");
		return -1;
	}
	return 0;
}

void
store_ids_add(struct store_ids *a, int64_t id)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 256;
		a->v = xreallocarray(a->v, a->cap, sizeof *a->v);
	}
	a->v[a->n++] = id;
}

int
store_ids_read(struct store *st, sqlite3_stmt *s, const char *what,
    int64_t **ids, size_t *n, char **cause)
{
	struct store_ids	 a = { 0 };
	int			 rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		store_ids_add(&a, sqlite3_column_int64(s, 0));
	if (rc != SQLITE_DONE) {
		*cause = store_error(st, what);
		free(a.v);
		return -1;
	}
	*ids = a.v;
	*n = a.n;
	return 0;
}

/* akhbar_ids(id): an aggregate adding each id to st->ids, so a walk of
 * 100k ids is one sqlite3_step() rather than 100k rows handed out one
 * by one (a third faster). */
static void
store_ids_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store	*st = sqlite3_user_data(ctx);

	if (st->ids != NULL)
		store_ids_add(st->ids, sqlite3_value_int64(argv[0]));
}

static void
store_ids_final(sqlite3_context *ctx)
{
	sqlite3_result_null(ctx);
}

int
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
store_ids_count(struct store *st, const char *sql, const int64_t *ids,
    size_t n, int64_t *count, char **cause)
{
	sqlite3_stmt	*s;
	size_t		 i;
	int		 rc = SQLITE_DONE;

	*count = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
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

int
store_unread_among(struct store *st, const int64_t *ids, size_t n,
    int64_t *count, char **cause)
{
	return store_ids_count(st, "SELECT 1 FROM articles a JOIN feeds f "
	    "ON f.id = a.feed_id WHERE a.id = ?1 AND a.unread = 1", ids, n,
	    count, cause);
}

/*
 * The column of article_counts (schema 7) that counts the articles
 * filter f matches, or NULL when it takes a walk (an offset or a limit,
 * the hidden articles that are saved or of some feeds).
 */
static const char *
store_count_column(const struct store_filter *f)
{
	if (f->limit > 0 || f->offset > 0)
		return NULL;
	if (f->unread_only)	/* as store_article_query(): unread = 1 */
		return f->saved_only ? "saved_unread" : "unread";
	if (f->ignored_only)
		return f->saved_only ? NULL : "hidden";
	return f->saved_only ? "saved" : "total";
}

/*
 * A count from article_counts: a sum over the rows of every feed (or of
 * the filter's feeds), never a walk over articles: 100 feeds take a few
 * microseconds where count(*) over 1M articles took 60 ms.
 */
static int64_t
store_count_sum(struct store *st, const struct store_filter *f,
    const char *col, char **cause)
{
	struct buf	 b = { 0 };
	sqlite3_stmt	*s;
	int64_t		 n = -1;
	size_t		 i;

	/* col is one of store_count_column()'s constants */
	buf_printf(&b, "SELECT coalesce(sum(%s), 0) FROM article_counts",
	    col);
	if (f->feed_id != 0)
		buf_puts(&b, " WHERE feed_id = ?1");
	else if (f->nfeed_ids > 0) {
		buf_puts(&b, " WHERE feed_id IN (");
		for (i = 0; i < f->nfeed_ids && i < STORE_MAX_FEED_IDS; i++)
			buf_printf(&b, "%s?%zu", i > 0 ? ", " : "", i + 10);
		buf_putc(&b, ')');
	}
	if (sqlite3_prepare_v2(st->db, b.data, -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, "store: count");
		buf_free(&b);
		return -1;
	}
	buf_free(&b);
	if (f->feed_id != 0)
		sqlite3_bind_int64(s, 1, f->feed_id);
	else
		for (i = 0; i < f->nfeed_ids && i < STORE_MAX_FEED_IDS; i++)
			sqlite3_bind_int64(s, (int)i + 10, f->feed_ids[i]);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	else
		*cause = store_error(st, "store: count");
	sqlite3_finalize(s);
	return n;
}

int64_t
store_count(struct store *st, const struct store_filter *filter,
    char **cause)
{
	static const struct store_filter all;
	sqlite3_stmt	*s;
	const char	*col;
	int64_t		 n = -1;

	if (filter == NULL)
		filter = &all;
	if ((col = store_count_column(filter)) != NULL)
		return store_count_sum(st, filter, col, cause);
	if ((s = store_article_query(st, filter, Q_COUNT, NULL,
	    cause)) == NULL)
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
	body->content = store_column_dup(s, 0);
	body->content_html = sqlite3_column_int(s, 1);
	body->enclosure = store_column_dup(s, 2);
	body->categories = store_column_dup(s, 3);
	body->enclosure_type = store_column_dup(s, 4);
	body->enclosure_length = sqlite3_column_int64(s, 5);
	sqlite3_reset(s);
	return 0;
}

int
store_article_enclosure(struct store *st, int64_t article_id,
    struct store_body *body, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(body, 0, sizeof *body);
	if ((s = store_stmt(st, S_ENCLOSURE_GET, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		body->enclosure = store_column_dup(s, 0);
		body->enclosure_type = store_column_dup(s, 1);
		body->enclosure_length = sqlite3_column_int64(s, 2);
	} else if (rc == SQLITE_DONE)
		*cause = xasprintf("store: no article %lld",
		    (long long)article_id);
	else
		*cause = store_error(st, "store: enclosure");
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

void
store_body_clear(struct store_body *body)
{
	free(body->content);
	free(body->enclosure);
	free(body->enclosure_type);
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
