/*
 * article.h - reading an article file (plain text or HTML, chosen by the
 * file name or by sniffing the content) into the document model.
 */
#ifndef AKHBAR_ARTICLE_H
#define AKHBAR_ARTICLE_H

#include <stddef.h>

#include "doc.h"

/* Largest article file read, in bytes. */
#define ARTICLE_MAX_SIZE	(256UL << 20)

/* Non-zero when path (may be NULL) and content say HTML. */
int	article_is_html(const char *path, const char *s, size_t n);
/*
 * Parse s[0..n) as the article named path into a new document (HTML or
 * plain text), with a title block first when the document has a title.
 * Caller frees with doc_free(). Returns NULL and sets *cause on error.
 */
struct doc *article_parse(const char *path, const char *s, size_t n,
	    char **cause);
/* Add d's title (if any) as a title block; call before other blocks. */
void	article_add_title(struct doc *d);

#endif
