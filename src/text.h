/*
 * text.h - plain text articles: paragraphs are separated by blank lines,
 * a single newline inside a paragraph is a soft break (a space).
 */
#ifndef AKHBAR_TEXT_H
#define AKHBAR_TEXT_H

#include <stddef.h>

#include "doc.h"

/* Longest paragraph in code points; a longer one is cut into several
 * (in text and HTML). Laying a paragraph out takes about 60 bytes a
 * code point, so this keeps a huge one-line article within its memory
 * bound (doc/security.md). */
#define TEXT_MAX_PARA	(1 << 16)

/* Receives each paragraph as it is found; it owns b's arrays afterwards
 * (it must move them or block_clear() them). */
typedef void (*text_emit_cb)(struct block *b, void *arg);

/* Split s[0..n) into paragraphs and emit them in order. */
void	text_parse(const char *s, size_t n, text_emit_cb emit, void *arg);
/* Append the paragraphs of s[0..n) to d. */
void	text_to_doc(const char *s, size_t n, struct doc *d);

#endif
