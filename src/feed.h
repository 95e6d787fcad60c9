/*
 * feed.h - a streaming parser for RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON
 * Feed 1.0/1.1 documents. It knows nothing of the network, the store or
 * the screen: bytes go in, items come out through a callback.
 */
#ifndef AKHBAR_FEED_H
#define AKHBAR_FEED_H

#include <stddef.h>
#include <stdint.h>

/* One article of a feed. Strings are UTF-8 (converted from the declared
 * encoding), may be NULL, and are owned by the parser: copy what you keep. */
struct feed_item {
	const char	*id;		/* guid / atom:id / JSON id */
	const char	*title;		/* plain text, entities decoded */
	const char	*link;		/* absolute (xml:base, base URL) */
	const char	*author;
	const char	*content;	/* body: HTML or plain text */
	int		 content_html;	/* 1 when content is HTML */
	const char	*enclosure;	/* first enclosure / media URL */
	const char	*enclosure_type;	/* its MIME type ("audio/mpeg",
					 * token characters only), or NULL */
	int64_t		 enclosure_length;	/* its size in bytes; 0 when
						 * unknown or not a number */
	const char	*categories;	/* '|' separated */
	int64_t		 date;		/* UTC seconds; 0 when absent/bad */
};

/* What the feed says about itself; filled in by feed_parser_finish(). */
struct feed_info {
	char	*title;		/* caller frees (feed_info_clear) */
	char	*link;
	char	*format;	/* "rss", "rdf", "atom" or "json" */
};

/* Called once per item; return non-zero to stop parsing. */
typedef int (*feed_item_cb)(const struct feed_item *item, void *arg);

struct feed_parser;

/*
 * Create a parser. base_url (may be NULL) resolves relative links. Caller
 * frees with feed_parser_free().
 */
struct feed_parser *feed_parser_create(const char *base_url,
	    feed_item_cb cb, void *arg);
/* Feed the next len bytes. Returns -1 and sets *cause (caller frees,
 * names line:col) on a fatal parse error. */
int	 feed_parser_push(struct feed_parser *p, const char *data,
	    size_t len, char **cause);
/* End of input: flush, fill *info. Returns -1 and sets *cause on error. */
int	 feed_parser_finish(struct feed_parser *p, struct feed_info *info,
	    char **cause);
void	 feed_parser_free(struct feed_parser *p);
/* Free the strings in info. */
void	 feed_info_clear(struct feed_info *info);

/* Convenience: parse a whole document in memory. */
int	 feed_parse(const char *data, size_t len, const char *base_url,
	    feed_item_cb cb, void *arg, struct feed_info *info, char **cause);

#endif
