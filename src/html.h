/*
 * html.h - HTML articles to the document model, through libxml2's HTML
 * parser (no network, recovering from broken markup).
 */
#ifndef AKHBAR_HTML_H
#define AKHBAR_HTML_H

#include <stddef.h>

#include "doc.h"

/* Deepest element nesting that is followed; deeper content is dropped. */
#define HTML_MAX_DEPTH	256

/*
 * Parse s[0..n) and append its blocks, title and links to d, then the
 * link list. base (may be NULL) resolves relative link targets. Returns
 * -1 and sets *cause (caller frees) when nothing could be parsed.
 */
int	html_to_doc(const char *s, size_t n, const char *base, struct doc *d,
	    char **cause);
/*
 * How the reader treats an element named name: -1 not shown (script,
 * style, navigation...), 1 a block, 0 inline. For other walkers of
 * libxml2 trees, such as the search index.
 */
int	html_element_kind(const char *name);
/* Does s[0..n) look like HTML (a tag such as <html>, <p>, <!doctype)? */
int	html_sniff(const char *s, size_t n);

#endif
