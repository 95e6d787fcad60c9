/*
 * markdown.h - Markdown articles to the document model: the CommonMark
 * block structure most notes and exported articles use (ATX and setext
 * headings, paragraphs, block quotes, bullet and ordered lists nested by
 * indentation, fenced and indented code, thematic breaks, link reference
 * definitions) and its inlines (emphasis, strong, code spans, links,
 * images, autolinks, hard breaks, backslash escapes, entities). Raw HTML
 * is kept as text, except <br>. Not a full CommonMark implementation:
 * see doc/saved.md for what differs.
 */
#ifndef AKHBAR_MARKDOWN_H
#define AKHBAR_MARKDOWN_H

#include <stddef.h>

#include "doc.h"

/* Deepest nesting of block quotes plus lists that is followed; deeper
 * markers are kept as text. Also bounds inline nesting. */
#define MARKDOWN_MAX_DEPTH	32

/*
 * Parse s[0..n) (UTF-8; invalid bytes become U+FFFD) and append its
 * blocks and links to d, then the link list. Sets d->title (when it is
 * NULL) to the text of the first heading, without adding a title block.
 * Never fails.
 */
void	markdown_to_doc(const char *s, size_t n, struct doc *d);

#endif
