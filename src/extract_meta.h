/*
 * extract_meta.h - what a page says about its article, for extract.c:
 * JSON-LD (never its articleBody), Open Graph and other <meta> tags,
 * <time>, and the title Readability's way.
 */
#ifndef AKHBAR_EXTRACT_META_H
#define AKHBAR_EXTRACT_META_H

#include <libxml/tree.h>

#include "extract.h"

/*
 * Fill x's title, byline, date, published, image, site_name and excerpt
 * from the page doc as parsed (before scripts are removed). base (may be
 * NULL) makes the image URL absolute. Strings are sanitized.
 */
void	extract_meta_read(xmlDoc *doc, const char *base, struct extract *x);
/*
 * The article's title from the document's <title> (site names after a
 * separator cut, a lone <h1> when the title is too short or too long).
 * Caller frees; NULL when the page has none.
 */
char	*extract_meta_title(xmlDoc *doc);
/*
 * How alike a and b are, 0 to 1: the share of b's words (and the
 * spaces between them) that are also in a, case-folded for ASCII.
 */
double	extract_meta_similarity(const char *a, const char *b);

/*
 * The base of the page's relative URLs: its <base href> resolved against
 * base (may be NULL), else base. Caller frees; NULL when neither.
 */
char	*extract_meta_base(xmlDoc *doc, const char *base);

#endif
