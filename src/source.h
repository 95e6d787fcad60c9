/*
 * source.h - where the list pane's rows and the reader's documents come
 * from: the store (feeds with counts, the virtual lists "all articles",
 * "unread", "saved", "highlighted", the config's query lists, "ignored"
 * and "search: QUERY", the articles of a feed) or, without a store,
 * article files and folders named on the command line (folder.h: listed
 * recursively, newest first, titles read lazily). No curses: the TUI
 * asks for item i (source_item()) and for the document of an item. The
 * store's article lists but search results and "Highlighted" are paged:
 * their ids are read at load, their headers SOURCE_PAGE at a time.
 */
#ifndef AKHBAR_SOURCE_H
#define AKHBAR_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

struct ldate;

struct folder;
struct matcher;
struct store;
struct urls;

enum source_kind { SOURCE_FEEDS, SOURCE_ARTICLES, SOURCE_FILES };

enum item_type {
	ITEM_FEED,
	ITEM_ALL,		/* virtual: every article */
	ITEM_UNREAD,		/* virtual: unread articles */
	ITEM_SAVED,		/* virtual: saved articles */
	ITEM_HIGHLIGHTED,	/* virtual: articles matching a keyword */
	ITEM_SEARCH,		/* virtual: store_search() results */
	ITEM_IGNORED,		/* virtual: articles an ignore rule hides */
	ITEM_TAG,		/* virtual: the articles of a tag's feeds */
	ITEM_ARTICLE,
	ITEM_FILE,		/* id: the index in the folder */
};

/* One row of the list. Strings are raw UTF-8 (may be NULL): draw them
 * through render_line() or utf8_sanitize(). */
struct item {
	enum item_type	 type;
	int64_t		 id;		/* feed or article id */
	int64_t		 feed_id;
	char		*title;
	char		*feed;		/* article: its feed's title */
	char		*author;
	char		*link;
	char		*tags;		/* feed: tags from the urls file */
	char		*error;		/* feed: last fetch error */
	char		*path;		/* file; a feed's URL */
	int64_t		 date;
	int		 unread;
	int		 saved;
	int64_t		 n_unread;	/* feeds and virtual lists */
	int64_t		 n_total;	/* feeds: once source_item()
					 * counted it */
	int		 peeked;	/* file: title and metadata read */
	int		 counted;	/* feed: n_total known */
	size_t		 rank;		/* feed: its line in the urls file,
					 * after them when not there */
	int		 hl;		/* -1 unknown, 0, 1: matches a
					 * highlight keyword */
};

/* A paged article list holds the headers of SOURCE_PAGE items a page,
 * at most SOURCE_PAGES pages at a time. */
#define SOURCE_PAGE	512
#define SOURCE_PAGES	4
/* source_next_unread(): the items looked at before the store's unread
 * ids are, and the largest id for a bitmap of them (8 MB) rather than a
 * sorted array. */
#define UNREAD_NEAR	(2 * SOURCE_PAGE)
#define UNREAD_BITS_MAX	((int64_t)1 << 26)

struct source_page {
	size_t		 first;		/* index of its first item */
	size_t		 n;		/* 0: the slot is free */
	struct item	*v;
	uint64_t	 used;		/* s->clock at its last use */
};

struct source {
	struct store		*st;		/* NULL: files */
	const struct urls	*urls;		/* for tags and order; may be
						 * NULL */
	int			 feed_sort_title; /* else urls file order */
	struct ldate		*dates;		/* borrowed; NULL: ISO */
	enum source_kind	 kind;
	enum item_type		 list_type;	/* articles: which list */
	int64_t			 feed_id;	/* articles of this feed */
	char			*title;		/* of the current list */
	char			*query;		/* ITEM_SEARCH's query */
	struct folder		*fo;		/* files */
	struct item		*v;		/* not paged: the items */
	size_t			 n;		/* items in the list */
	size_t			 cap;

	/* A paged list (the store's article lists but search results
	 * and "Highlighted"): the ids of its n articles in order, read
	 * at load, and the pages of headers source_item() loads. */
	int			 paged;
	uint64_t		 gen;		/* loads so far */
	int64_t			*ids;
	struct source_page	 pages[SOURCE_PAGES];
	uint64_t		 clock;

	/* Highlight keywords (borrowed) and the ids of the articles that
	 * match one, sorted; computed when first needed. When they are
	 * dense, also a bitmap of ids hl_lo.. (hl_nbits bits). */
	/* The tag view (`t`): only the feeds with this tag, after a
	 * virtual list of their articles; NULL: every feed. */
	char			*tag;
	int64_t			*tag_ids;	/* its feeds */
	int64_t			 hidden;	/* articles rules hide, as of
						 * the last feed list */
	size_t			 ntag_ids;

	/* query NAME SEARCH lists of the config (borrowed) */
	char *const		*query_names;
	char *const		*query_searches;
	size_t			 nqueries;

	const struct matcher	*hl;
	char *const		*hl_words;
	size_t			 hl_nwords;
	int64_t			*hl_ids;
	size_t			 hl_n;
	size_t			 hl_cap;
	uint64_t		*hl_bits;
	int64_t			 hl_lo;
	uint64_t		 hl_nbits;
	int			 hl_done;
	int64_t			 hl_total;	/* articles when computed */
	int64_t			 hl_version;	/* store_data_version() then */
	int			 hl_fresh;	/* checked since the last load */
};

/* A source over an open store (borrowed) and urls (borrowed, may be
 * NULL). Free with source_free(). */
void	 source_init_store(struct source *s, struct store *st,
	    const struct urls *u);
/*
 * A source over article files and folders (folder_open(): recursively,
 * newest first; "-" is one article read from standard input, read here
 * at once so the caller may then take the keyboard from /dev/tty).
 * Entries that cannot be read are listed with the reason. Returns the
 * number of entries.
 */
size_t	 source_init_files(struct source *s, char **paths, size_t n);
/* Item i (< s->n) with its title, date and error filled in: for files
 * this reads the beginning of the file the first time (folder_info()),
 * for feeds it counts the feed's articles (store_feed_total()), for a
 * paged list it loads the page of headers holding it (dropping the page
 * used least recently when SOURCE_PAGES are held), so call it only for
 * rows being drawn or looked at. The pointer is good until the next
 * call (another page may take its place) or load. */
struct item *source_item(struct source *s, size_t i);
/* source_item() through a const source (the page cache is not what the
 * list is). */
const struct item *source_at(const struct source *s, size_t i);
void	 source_free(struct source *s);

/*
 * Show only the feeds tagged tag (NULL: every feed) from the next
 * source_load_feeds() on. Returns the number of subscribed feeds with
 * that tag (0: the view is left as it was).
 */
size_t	 source_set_tag(struct source *s, const char *tag);
/* The distinct tags of the urls file, in order of first use, joined
 * with ", " (at most max bytes, then "..."), or NULL. Caller frees. */
char	*source_tags(const struct source *s, size_t max);
/* (Re)load the feed list: virtual lists then feeds. Returns 0 or -1. */
int	 source_load_feeds(struct source *s, char **cause);
/* Load the articles of item it (a feed or a virtual list; for
 * ITEM_SEARCH, it->path is the query). */
int	 source_load_articles(struct source *s, const struct item *it,
	    char **cause);
/* A paged list: drop the pages held, so that rows are read again from
 * the store (after marking many of them). */
void	 source_refetch(struct source *s);
/* Reload the current list (after a refresh or a change). */
int	 source_reload(struct source *s, char **cause);
/* Index of the item with this type and id, or -1. */
long	 source_find(const struct source *s, enum item_type type,
	    int64_t id);

/*
 * The document the reader shows for item i: a header (title, feed,
 * author, date, link) and the article body. Caller frees with doc_free().
 * Returns NULL and sets *cause on failure.
 */
struct doc *source_doc(struct source *s, size_t i, char **cause);
/*
 * As source_doc(), with the article's full text (store.h) in place of
 * its body when full is set and one is stored (*shown, which may be
 * NULL, says whether it was); the body otherwise, with a line saying
 * why the last fetch of the full text failed, if it did.
 */
struct doc *source_doc_text(struct source *s, size_t i, int full,
	    int *shown, char **cause);
/* The URL `o` opens for item i (borrowed), or NULL. */
const char *source_link(const struct source *s, size_t i);

/* Mark article i unread/read, saved/not; mark feed (or all) read. */
/* The first unread article from i on in direction dir (1 or -1), or
 * -1. In a paged list, past the next UNREAD_NEAR items the store's
 * unread ids answer, not the pages. */
long	 source_next_unread(struct source *s, long i, int dir);
int	 source_set_unread(struct source *s, size_t i, int unread,
	    char **cause);
int	 source_set_saved(struct source *s, size_t i, int saved,
	    char **cause);
int	 source_mark_read(struct source *s, int64_t feed_id, char **cause);
/*
 * Write article i (store mode) into directory dir (created when needed)
 * with export_article() (the file --export writes) and mark it saved.
 * *path gets the file's path (caller frees). Returns 0 when written, 1
 * when an identical file was there already, -1 and *cause.
 */
int	 source_save(struct source *s, size_t i, const char *dir,
	    char **path, char **cause);
/* As source_save(), the full text as the body when full is set. */
int	 source_save_text(struct source *s, size_t i, int full,
	    const char *dir, char **path, char **cause);

/*
 * Write article file i (files mode; standard input too) into dir in the
 * saved format: a saved file keeps its header, another gets its title
 * and its body as it is (HTML or text; Markdown is kept as text). As
 * source_save() otherwise.
 */
int	 source_save_file(struct source *s, size_t i, const char *dir,
	    char **path, char **cause);

/*
 * Write item i (an article or a file) into dir in the saved format, as
 * source_save() or source_save_file() do, without marking it saved (for
 * a program's temporary file).
 */
int	 source_export(struct source *s, size_t i, const char *dir,
	    char **path, char **cause);

/*
 * The highlight keywords: m (borrowed, may be NULL) holding words[0..n)
 * (borrowed). What was computed for the old keywords is forgotten.
 */
void	 source_set_highlight(struct source *s, const struct matcher *m,
	    char *const *words, size_t n);
/* Non-zero when item i's title or body (files: its title) matches a
 * highlight keyword. The store is searched once (store_search_ids() per
 * keyword; every title and body only for /regex/ keywords) and cached. */
int	 source_highlighted(struct source *s, size_t i);

#endif
