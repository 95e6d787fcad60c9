/*
 * store.h - the article store: one SQLite database holding feeds, article
 * headers and (in a separate table) article bodies. The only module that
 * includes sqlite3. Times are UTC seconds since the epoch (int64_t).
 *
 * Strings handed to callbacks are borrowed: they are valid only during
 * the callback. Failures return -1 (or NULL) and set *cause, which the
 * caller frees.
 *
 * Two processes may open the same store: it is in WAL mode with a busy
 * timeout and every change is one short transaction, so a second akhbar
 * waits instead of failing, and a killed akhbar loses nothing committed.
 */
#ifndef AKHBAR_STORE_H
#define AKHBAR_STORE_H

#include <stddef.h>
#include <stdint.h>

struct store;
struct feed_item;

/* How much of the file store_map_reads() maps (address space, not
 * memory: only the pages read are touched). */
#define STORE_MAP_BYTES		((int64_t)1 << 30)

/* The schema version store_open() migrates every store to. */
#define STORE_SCHEMA_VERSION	7

/* A feed row as store_feeds() reports it, with its number of unread
 * articles (store_feed_total() counts them all). */
struct store_feed {
	int64_t		 id;
	const char	*url;
	const char	*title;		/* NULL until the first good fetch */
	const char	*link;
	const char	*last_error;	/* NULL when the last fetch was fine */
	const char	*moved_to;	/* permanent redirect target, or NULL */
	int64_t		 last_fetch;	/* 0 when never fetched */
	int64_t		 retry_after;	/* 0, or do not fetch before this */
	int64_t		 unread;
};

/* What a conditional GET needs; store_feed_state() fills it in. */
struct store_feed_state {
	int64_t		 id;
	char		*title;		/* the name or title, or NULL */
	char		*etag;		/* caller frees (store_state_clear) */
	char		*last_modified;
	int64_t		 retry_after;
	int64_t		 last_fetch;	/* 0 when never fetched */
};

/* One article header (no body), as store_articles() reports it. */
struct store_article {
	int64_t		 id;
	int64_t		 feed_id;
	const char	*feed_title;	/* the feed's title, else its URL */
	const char	*title;
	const char	*link;
	const char	*author;
	int64_t		 date;		/* the item's date, else first seen */
	int		 unread;
	int		 saved;
};

/* Which articles store_articles() walks. Zero-fill for "all". Articles
 * an ignore rule hides (see store_rules_apply()) are left out of every
 * list and count but with ignored_only, which lists only them. */
struct store_filter {
	int64_t		 feed_id;	/* 0: every feed */
	const int64_t	*feed_ids;	/* with nfeed_ids > 0: only these */
	size_t		 nfeed_ids;	/* feeds (a tag's; at most 900) */
	int		 unread_only;
	int		 ignored_only;
	int		 saved_only;
	int64_t		 limit;		/* 0: no limit */
	int64_t		 offset;
};

/* An article body, from store_article_body(). */
struct store_body {
	char		*content;	/* caller frees (store_body_clear) */
	int		 content_html;
	char		*enclosure;
	char		*enclosure_type;	/* MIME type, or NULL */
	int64_t		 enclosure_length;	/* bytes; 0: unknown */
	char		*categories;	/* '|' separated */
};

/* The outcome of a fetch, for store_feed_fetched()/store_feed_failed(). */
struct store_fetch_meta {
	const char	*title;		/* the feed's own title, or NULL */
	const char	*link;
	const char	*etag;		/* from the response, or NULL */
	const char	*last_modified;
	const char	*moved_to;	/* 301/308 target, or NULL */
	int64_t		 retry_after;	/* 0, or do not fetch before this */
};

/* An open feed update: one transaction (see store_update_begin()). */
struct store_update;

/* Called once per feed by store_feeds(); non-zero stops the walk. */
typedef int (*store_feed_cb)(const struct store_feed *f, void *arg);
/* Called once per article by store_articles(); non-zero stops the walk. */
typedef int (*store_article_cb)(const struct store_article *a, void *arg);

/*
 * The default store path: $XDG_DATA_HOME/akhbar/cache.db, else
 * ~/.local/share/akhbar/cache.db. Caller frees.
 */
char	*store_default_path(void);
/*
 * Open (creating it and its parent directories when needed) the store at
 * path, or ":memory:", read-write in WAL mode with a busy timeout, and
 * migrate its schema to STORE_SCHEMA_VERSION. Returns NULL and sets
 * *cause on failure. Close with store_close().
 */
struct store *store_open(const char *path, char **cause);
/* Close the store and free it. NULL is fine. */
void	 store_close(struct store *st);
/* The schema version of an open store (PRAGMA user_version). */
int	 store_schema_version(struct store *st);
/*
 * Read the store's file through a memory map (SQLite's mmap_size, up to
 * STORE_MAP_BYTES) instead of copying every page with read(): for the
 * reader, which walks index pages at start and writes little. Writes
 * still go through the WAL. A failure only leaves reads as they were.
 */
void	 store_map_reads(struct store *st);

/*
 * Find the feed with this URL, adding it when absent. When name is not
 * NULL it becomes the title (the urls file's "~Name" wins over the feed's
 * own title). Sets *id. Returns 0, or -1 and *cause.
 */
int	 store_feed_add(struct store *st, const char *url, const char *name,
	    int64_t *id, char **cause);
/*
 * Non-zero when the feed with this URL is stored under this name (NULL:
 * none), so store_feed_add() would change nothing; sets *id then. A
 * read: the reader checks every subscribed feed at start, and a write,
 * even one changing nothing, would wait for a refresh's transaction.
 */
int	 store_feed_known(struct store *st, const char *url,
	    const char *name, int64_t *id);
/*
 * The conditional-GET state of the feed with this URL (adding the feed
 * when absent, as store_feed_add()). Returns 0, or -1 and *cause.
 */
int	 store_feed_state(struct store *st, const char *url,
	    const char *name, struct store_feed_state *state, char **cause);
/* Free the strings of a store_feed_state. */
void	 store_state_clear(struct store_feed_state *state);
/*
 * Record a fetch that changed nothing (304, or a server asking to retry
 * later is recorded with store_feed_failed()): clears the error, sets
 * last_fetch and moved_to. Returns 0, or -1 and *cause.
 */
int	 store_feed_unchanged(struct store *st, int64_t feed_id,
	    const struct store_fetch_meta *m, char **cause);
/*
 * Record a failed fetch: sets last_error to reason, retry_after and
 * moved_to from m (which may be NULL). Articles are untouched. Returns 0,
 * or -1 and *cause.
 */
int	 store_feed_failed(struct store *st, int64_t feed_id,
	    const char *reason, const struct store_fetch_meta *m, char **cause);
/*
 * Walk every feed, by title, with its unread count (article_counts: no
 * article is read). Returns 0 or -1.
 */
int	 store_feeds(struct store *st, store_feed_cb cb, void *arg,
	    char **cause);
/*
 * The number of articles of one feed (not hidden by a rule), one row of
 * article_counts. Returns 0, or -1 and *cause (*total is then 0).
 */
int	 store_feed_total(struct store *st, int64_t feed_id, int64_t *total,
	    char **cause);

/*
 * Start updating a feed: opens one write transaction (BEGIN IMMEDIATE,
 * waiting up to the busy timeout for another akhbar). max_articles > 0
 * keeps only that many articles of the feed (saved articles are never
 * deleted); 0 keeps everything. Returns NULL and sets *cause on failure.
 * End with store_update_commit() or store_update_abort().
 */
struct store_update *store_update_begin(struct store *st, int64_t feed_id,
	    int64_t max_articles, char **cause);
/*
 * Add or refresh one parsed item. Deduplicated by item->id, else its
 * link, else a hash of its title and content. A known article that
 * changed is updated and keeps its unread/saved state; an item without a
 * date gets the time it was first seen, and keeps it. Returns 0, or -1
 * and *cause (the update should then be aborted).
 */
int	 store_update_item(struct store_update *u,
	    const struct feed_item *item, char **cause);
/*
 * Apply the article limit, record m (title, link, etag, last_modified,
 * moved_to; clears last_error and retry_after) and commit. *added (may
 * be NULL) gets the number of new articles. Frees u, even on failure.
 * Returns 0, or -1 and *cause (then nothing of the update is kept).
 */
int	 store_update_commit(struct store_update *u,
	    const struct store_fetch_meta *m, int64_t *added, char **cause);
/* Roll the update back and free u. NULL is fine. */
void	 store_update_abort(struct store_update *u);
/*
 * on: from now on the search index rows of new articles wait after their
 * update commits, and are written together in their own transaction
 * once 5,000 rows (or 8 MB) wait and by store_index_write() (FTS5
 * writes a segment per transaction: a segment per feed made it a
 * quarter of a cold refresh); their terms are made meanwhile by a
 * worker thread (store_terms.c), or by the caller when none can be
 * started. A search meanwhile indexes them itself (its catch-up),
 * and so does the next update if the program dies first: the articles
 * are committed either way. An update with an article limit or
 * keep-days writes what waits in its own transaction. Off: write what
 * waits (a failure is left to those catch-ups) and stop; store_close()
 * turns it off. For a refresh: nothing else of this process may delete
 * articles while rows wait.
 */
void	 store_index_defer(struct store *st, int on);
/* Write the waiting index rows (store_index_defer()) in one transaction,
 * once the worker finished them. Returns 0, or -1 and *cause (then they
 * still wait). */
int	 store_index_write(struct store *st, char **cause);

/*
 * Walk article headers matching filter (NULL: all), newest first (by
 * date, then id). Bodies are not read. Returns 0, or -1 and *cause.
 */
int	 store_articles(struct store *st, const struct store_filter *filter,
	    store_article_cb cb, void *arg, char **cause);
/*
 * The ids of the articles matching filter (NULL: all), in the order
 * store_articles() walks them, into *ids (caller frees) and *n: read
 * from the date indexes alone (schema 7), for a paged list (source.c).
 * Returns 0, or -1 and *cause.
 */
int	 store_article_ids(struct store *st, const struct store_filter *filter,
	    int64_t **ids, size_t *n, char **cause);
/*
 * Call cb with the header of each article ids[0..n), in that order, one
 * lookup each; an id no longer stored gets a header with only its id.
 * Returns 0, or -1 and *cause.
 */
int	 store_articles_by_ids(struct store *st, const int64_t *ids,
	    size_t n, store_article_cb cb, void *arg, char **cause);
/*
 * Search the titles and bodies of every stored article for query (see
 * doc/search.md: words, ANDed, each matched as the matcher does; "a
 * phrase"; =WORD for the exact word) and walk the matching article
 * headers that also match filter (NULL: all; limit and offset count
 * matches), newest first (by date, then id). Articles added, changed or
 * deleted behind the store's back (by SQL) are indexed first. Returns 0
 * (also when nothing matches), or -1 and *cause, which starts with
 * "search: " for a malformed query (see store_search_check()).
 */
int	 store_search(struct store *st, const char *query,
	    const struct store_filter *filter, store_article_cb cb, void *arg,
	    char **cause);
/*
 * The ids of the articles store_search() finds for query, ascending,
 * into *ids (caller frees) and *n: for the highlight keywords, which
 * need the set, not the headers. An exact query (search_query_exact())
 * reads only the index, not the articles nor their feeds (every indexed
 * id is an article once the index caught up, and feeds are never
 * deleted); any other has its candidates confirmed as store_search()
 * does, reading a body only when the title alone does not match.
 * Returns 0, or -1 and *cause as store_search().
 */
int	 store_search_ids(struct store *st, const char *query, int64_t **ids,
	    size_t *n, char **cause);
/*
 * The ids of the unread articles (of feeds that exist), in no given
 * order, into *ids (caller frees) and *n: a walk over the index entries
 * of the unread articles. Returns 0, or -1 and *cause.
 */
int	 store_unread_ids(struct store *st, int64_t **ids, size_t *n,
	    char **cause);
/*
 * How many of the articles ids[0..n) are unread (of feeds that exist),
 * into *count: one lookup each (about 1 us), for a few ids, where
 * store_unread_ids() would walk every unread one. Returns 0, or -1 and
 * *cause.
 */
int	 store_unread_among(struct store *st, const int64_t *ids, size_t n,
	    int64_t *count, char **cause);
/*
 * Check a query without a store: returns 0, or -1 and *cause (caller
 * frees) saying what is wrong with it, for a usage error.
 */
int	 store_search_check(const char *query, char **cause);
/*
 * Build the search index again from every article's title and body: a
 * repair, for instance for rows added with the sqlite3 tool below the
 * highest indexed id (store_search() only checks, cheaply, for articles
 * above it and for titles and bodies changed or deleted by SQL). Takes
 * seconds for 100k articles. Returns 0 or -1.
 */
int	 store_search_index(struct store *st, char **cause);
/* A number that changes when another connection (a refresh) commits to
 * the store, SQLite's data_version; -1 on failure. */
int64_t	 store_data_version(struct store *st);
/* Count the articles matching filter (NULL: all); -1 on failure. Sums
 * of article_counts (a row a feed) unless the filter has a limit or an
 * offset, or asks for saved articles among the hidden ones. */
int64_t	 store_count(struct store *st, const struct store_filter *filter,
	    char **cause);
/*
 * Read one article's body into *body. Returns 0, or -1 and *cause (also
 * when there is no such article).
 */
int	 store_article_body(struct store *st, int64_t article_id,
	    struct store_body *body, char **cause);
/*
 * Only the enclosure fields of one article's body (content and
 * categories stay NULL), for the reader's header without reading the
 * body twice. Returns 0, or -1 and *cause. Free with store_body_clear().
 */
int	 store_article_enclosure(struct store *st, int64_t article_id,
	    struct store_body *body, char **cause);
/* Free the strings of a store_body. */
void	 store_body_clear(struct store_body *body);
/* Mark one article read (unread = 0) or unread (1). Returns 0 or -1. */
int	 store_set_unread(struct store *st, int64_t article_id, int unread,
	    char **cause);
/* Mark one article saved (1) or not (0). Returns 0 or -1. */
int	 store_set_saved(struct store *st, int64_t article_id, int saved,
	    char **cause);
/* Mark every article of a feed (0: of every feed) read. Returns 0 or -1. */
int	 store_feed_mark_read(struct store *st, int64_t feed_id,
	    char **cause);
/* Mark the articles ids[0..n) unread (or read) in one transaction: all
 * of them or, on failure (-1 and *cause), none. */
int	 store_set_unread_ids(struct store *st, const int64_t *ids,
	    size_t n, int unread, char **cause);

/* ---- housekeeping (store_house.c) ---- */

/*
 * Delete the unsaved articles of a feed dated before `before`, into
 * *removed (their count). Returns 0, or -1 and *cause (nothing deleted).
 */
int	 store_expire(struct store *st, int64_t feed_id, int64_t before,
	    int64_t *removed, char **cause);
/*
 * Delete a feed's unsaved articles (*removed: how many), then the feed
 * itself unless saved articles remain (*gone: 1 when it was deleted).
 * Returns 0, or -1 and *cause.
 */
int	 store_feed_remove(struct store *st, int64_t feed_id,
	    int64_t *removed, int *gone, char **cause);
/*
 * VACUUM the store when at least percent % of its pages are free;
 * *freed_pages gets how many were (0 when it did not run). Returns 0, or
 * -1 and *cause.
 */
int	 store_vacuum_if(struct store *st, int percent, int64_t *freed_pages,
	    char **cause);
/* The id of the feed with this URL into *id, 0 when there is none (the
 * feed is not added). Returns 0, or -1 and *cause. */
int	 store_feed_id(struct store *st, const char *url, int64_t *id,
	    char **cause);
/* The number of unread articles (of feeds that exist), from
 * article_counts; -1 and *cause on failure. */
int64_t	 store_unread_total(struct store *st, char **cause);
/*
 * Ignore rules. An article a rule hides keeps its row: bit 1 of its
 * unread column is set (unread is then 2 read or 3 unread), so every
 * "unread = 1" index and count leaves it out by itself and the lists
 * add "unread < 2". store_rules_apply() calls cb for each article with
 * an id above from_id (0: all, when the rules changed): cb returns
 * non-zero to hide it; the bit follows, in one transaction. *changed
 * gets how many articles changed state. Returns 0, or -1 and *cause.
 */
typedef int (*store_rules_cb)(const char *feed_url, const char *title,
	    const char *author, const char *body, int body_html, void *arg);
int	 store_rules_apply(struct store *st, int64_t from_id,
	    unsigned flags, store_rules_cb cb, void *arg, int64_t *changed,
	    char **cause);
/* store_rules_apply() flags: read the bodies (a rule looks at them; the
 * costly part), only hide (a rule was added: nothing to show), and also
 * the articles at or below from_id that updates through this handle
 * changed (store_update_item(): a title may match a rule now, or no
 * longer). */
#define STORE_RULES_BODY	0x1
#define STORE_RULES_HIDE_ONLY	0x2
#define STORE_RULES_UPDATED	0x4
/* The rules fingerprint the store was last filtered with into *fp
 * (caller frees; "" when never). Returns 0, or -1 and *cause. */
int	 store_rules_get(struct store *st, char **fp, char **cause);
/* Record the fingerprint fp. Returns 0, or -1 and *cause. */
int	 store_rules_set(struct store *st, const char *fp, char **cause);
/* How many of the articles ids[0..n) a rule hides, into *count: one
 * lookup each. Returns 0, or -1 and *cause. */
int	 store_hidden_among(struct store *st, const int64_t *ids, size_t n,
	    int64_t *count, char **cause);
/* The URL of feed feed_id, or NULL (none, or a failure). Caller frees. */
char	*store_feed_url(struct store *st, int64_t feed_id);
/* The highest article id (0 when none); -1 and *cause on failure. */
int64_t	 store_max_id(struct store *st, char **cause);
/*
 * Also delete, when u commits, the feed's unsaved articles dated before
 * `before` (keep-days); 0 keeps them.
 */
void	 store_update_expire(struct store_update *u, int64_t before);
/* A full text: the article's page fetched from its link and extracted
 * (fulltext.h), kept next to the feed's content, never over it. */
struct store_fulltext {
	char		*content;	/* the article as HTML; NULL
					 * when the fetch failed */
	char		*error;		/* why the last fetch failed */
	char		*url;		/* page URL after redirects */
	char		*content_type;	/* as the server said it */
	int64_t		 fetched;	/* UTC seconds, the last try */
};

/*
 * Read article_id's full text into *f. Returns 1, 0 when the article
 * has none (nothing tried yet; *f is zeroed), or -1 and *cause.
 */
int	 store_fulltext_get(struct store *st, int64_t article_id,
	    struct store_fulltext *f, char **cause);
/*
 * Store article_id's full text (f->content not NULL) and index it with
 * the article, in one transaction; or record a failed fetch (content
 * NULL, f->error set), which keeps a full text stored before. Returns
 * 0, or -1 and *cause.
 */
int	 store_fulltext_put(struct store *st, int64_t article_id,
	    const struct store_fulltext *f, char **cause);
/* Free the strings of a store_fulltext and zero it. */
void	 store_fulltext_clear(struct store_fulltext *f);
/*
 * The ids, ascending, of the articles of feed_id above above_id that
 * have no full text row (never tried), into *ids (caller frees) and *n.
 * Returns 0, or -1 and *cause.
 */
int	 store_fulltext_pending(struct store *st, int64_t feed_id,
	    int64_t above_id, int64_t **ids, size_t *n, char **cause);
/* The link of article_id into *link (caller frees; NULL when it has
 * none). Returns 0, or -1 and *cause (also for no such article). */
int	 store_article_link(struct store *st, int64_t article_id,
	    char **link, char **cause);
/* The URL of article_id's feed into *url (caller frees; NULL when there
 * is no such article). Returns 0, or -1 and *cause. */
int	 store_article_feed_url(struct store *st, int64_t article_id,
	    char **url, char **cause);

#endif
