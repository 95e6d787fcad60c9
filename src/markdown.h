/*
 * markdown.h - Markdown articles to the document model, through libcmark
 * (the CommonMark reference implementation): headings, paragraphs, block
 * quotes, bullet and ordered lists, code blocks, thematic breaks, link
 * reference definitions; emphasis, strong, code spans, links, images,
 * autolinks, hard breaks, backslash escapes, entities. Raw HTML blocks
 * go through the HTML converter; inline tags are dropped (their text is
 * kept) except <br>. Tables and other extensions stay text.
 */
#ifndef AKHBAR_MARKDOWN_H
#define AKHBAR_MARKDOWN_H

#include <stddef.h>

#include "doc.h"

/* Deepest block quote depth, and list depth, given to a block; deeper
 * content is shown at that depth. */
#define MARKDOWN_MAX_DEPTH	32

/*
 * Parse s[0..n) (UTF-8; invalid bytes become U+FFFD) and append its
 * blocks and links to d, then the link list. Sets d->title (when it is
 * NULL) to the text of the first heading, without adding a title block.
 * Never fails.
 */
void	markdown_to_doc(const char *s, size_t n, struct doc *d);

#endif
