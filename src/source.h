/*
 * source.h - where the list pane's rows and the reader's documents come
 * from: the store (feeds with counts, the virtual lists "all articles",
 * "unread" and "saved", the articles of a feed) or, without a store,
 * article files and folders named on the command line. No curses: the
 * TUI asks for item i and for the document of an item.
 */
#ifndef AKHBAR_SOURCE_H
#define AKHBAR_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

struct store;
struct urls;

enum source_kind { SOURCE_FEEDS, SOURCE_ARTICLES, SOURCE_FILES };

enum item_type {
	ITEM_FEED,
	ITEM_ALL,		/* virtual: every article */
	ITEM_UNREAD,		/* virtual: unread articles */
	ITEM_SAVED,		/* virtual: saved articles */
	ITEM_ARTICLE,
	ITEM_FILE,
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
	int64_t		 n_total;
};

struct source {
	struct store		*st;		/* NULL: files */
	const struct urls	*urls;		/* for tags; may be NULL */
	enum source_kind	 kind;
	enum item_type		 list_type;	/* articles: which list */
	int64_t			 feed_id;	/* articles of this feed */
	char			*title;		/* of the current list */
	struct item		*v;
	size_t			 n;
	size_t			 cap;
};

/* A source over an open store (borrowed) and urls (borrowed, may be
 * NULL). Free with source_free(). */
void	 source_init_store(struct source *s, struct store *st,
	    const struct urls *u);
/*
 * A source over article files: every .txt/.html/.htm file named or found
 * (not recursively) in a named folder, sorted by path. Unreadable paths
 * are skipped; *cause (may be NULL) names the first. Returns the number
 * of files.
 */
size_t	 source_init_files(struct source *s, char **paths, size_t n,
	    char **cause);
void	 source_free(struct source *s);

/* (Re)load the feed list: virtual lists then feeds. Returns 0 or -1. */
int	 source_load_feeds(struct source *s, char **cause);
/* Load the articles of item it (a feed or a virtual list). */
int	 source_load_articles(struct source *s, const struct item *it,
	    char **cause);
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
/* The URL `o` opens for item i (borrowed), or NULL. */
const char *source_link(const struct source *s, size_t i);

/* Mark article i unread/read, saved/not; mark feed (or all) read. */
int	 source_set_unread(struct source *s, size_t i, int unread,
	    char **cause);
int	 source_set_saved(struct source *s, size_t i, int saved,
	    char **cause);
int	 source_mark_read(struct source *s, int64_t feed_id, char **cause);

#endif
