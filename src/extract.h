/*
 * extract.h - the article of a web page, Readability's way: the main
 * text without the site's menus, related links, comments and share
 * bars, with what the page says about it (title, byline, date, lead
 * image, language and direction). No network and no printing: bytes go
 * in, the article comes out. The algorithm and its constants are
 * described at the top of extract.c.
 */
#ifndef AKHBAR_EXTRACT_H
#define AKHBAR_EXTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

/* Largest page read, in bytes; a larger one is refused. */
#define EXTRACT_MAX_SIZE	(16UL << 20)
/* Deepest element nesting kept; deeper content is dropped first. */
#define EXTRACT_MAX_DEPTH	200
/* Fewer characters of text than this is no article. */
#define EXTRACT_MIN_TEXT	140

/* How to read the page. */
struct extract_opts {
	const char	*base_url;	/* resolves links; may be NULL */
	const char	*content_type;	/* HTTP Content-Type; may be NULL */
	int		 text_only;	/* no html: the caller wants text */
	/*
	 * For extract_page_take(), may be NULL: the page again (from
	 * malloc; the extractor frees it), or NULL. With it a retry reads
	 * the page anew and no copy of it is kept beside its tree.
	 */
	char		*(*reread)(const void *arg, size_t *n);
	const void	*reread_arg;
};

/* The article. Every string is UTF-8 sanitized for the terminal (no
 * control characters or escapes), NULL when the page does not say it;
 * free them all with extract_clear(). */
struct extract {
	char		*title;
	char		*byline;
	char		*date;		/* as the page writes it */
	int64_t		 published;	/* date as UTC seconds, 0 unknown */
	char		*image;		/* lead image URL, absolute */
	char		*site_name;
	char		*excerpt;	/* the page's own description */
	char		*lang;		/* BCP 47 tag as the page says it */
	char		*charset;	/* encoding the page was read in */
	enum dir	 dir;		/* DIR_LTR or DIR_RTL */
	/*
	 * The article as HTML (one <div>, UTF-8, links absolute), for the
	 * layout engine and the store; NULL with text_only.
	 */
	char		*html;
	/*
	 * The article as plain text in logical order: paragraphs and
	 * headings separated by blank lines, list items, table rows and
	 * line breaks on lines of their own. No title.
	 */
	char		*text;
	size_t		 length;	/* characters in text */
};

/*
 * Extract the article of the page s[0..n) into *x (which need not be
 * initialised). Returns 0; or -1 with *cause set (caller frees) when the
 * page cannot be read or holds no article (less than EXTRACT_MIN_TEXT
 * characters, or mostly links), and *x is left empty.
 */
int	extract_page(const char *s, size_t n, const struct extract_opts *o,
	    struct extract *x, char **cause);
/*
 * extract_page() of a page the caller hands over: s (from malloc) is
 * freed, before the page is parsed, so that it is not held beside its
 * tree (a copy of the page, filtered to the half to sixth the parser
 * reads, is kept for the retries instead, unless o->reread is set).
 */
int	extract_page_take(char *s, size_t n, const struct extract_opts *o,
	    struct extract *x, char **cause);
/* Free the strings of x and zero it. */
void	extract_clear(struct extract *x);

#endif
