/*
 * opml.h - reads the feeds out of an OPML subscription list and writes
 * the urls file as OPML 2.0. No network, no DTDs, no entity expansion.
 */
#ifndef AKHBAR_OPML_H
#define AKHBAR_OPML_H

#include <stddef.h>

struct urls;

/* One feed found in an OPML document. */
struct opml_feed {
	char	*url;		/* the outline's xmlUrl */
	char	*title;		/* its title or text attribute, or NULL */
	char	**tags;		/* enclosing folders, then category words */
	size_t	 ntags;
	char	*settings;	/* urls file words " key=value" from the
				   outline's akhbar:KEY attributes, or "" */
};

/*
 * Parse an OPML document of len bytes. Every outline with an xmlUrl is a
 * feed; outlines without one are folders whose title becomes a tag of
 * every feed inside them (nested folders give several tags). *feeds (caller
 * frees with opml_feeds_free()) gets *n feeds in document order. Returns
 * 0, or -1 and sets *cause (caller frees) when the document is not OPML.
 */
int	 opml_parse(const char *data, size_t len, struct opml_feed **feeds,
	    size_t *n, char **cause);
/* Free what opml_parse() returned. */
void	 opml_feeds_free(struct opml_feed *feeds, size_t n);
/*
 * Write the entries of u as an OPML 2.0 document (UTF-8, XML-escaped,
 * tags in the category attribute, per-feed settings as akhbar:KEY
 * attributes except those that may hold secrets: header, cookies and a
 * proxy with a user). An entry's title is its "~Name", else
 * titles[i] (titles may be NULL, and so may each of its u->n strings:
 * the feed's own title, from the store), else its URL. Caller frees.
 */
char	*opml_write(const struct urls *u, char *const *titles);

#endif
