/*
 * text.c - plain text to blocks. Works line by line over bytes, so a
 * large article is laid out paragraph by paragraph without ever holding
 * more than one paragraph as code points.
 */
#include <string.h>

#include "util.h"
#include "doc.h"
#include "text.h"

static int
is_blank(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

static void
flush(struct block *b, text_emit_cb emit, void *arg)
{
	block_trim(b);
	if (b->len > 0)
		emit(b, arg);
	else
		block_clear(b);
	memset(b, 0, sizeof *b);
	b->type = BLOCK_PARA;
}

void
text_parse(const char *s, size_t n, text_emit_cb emit, void *arg)
{
	struct block	 b;
	const char	*nl;
	size_t		 i = 0, len;

	memset(&b, 0, sizeof b);
	b.type = BLOCK_PARA;
	/* A byte order mark at the start is not text. */
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n) {
		nl = memchr(s + i, '\n', n - i);
		len = nl != NULL ? (size_t)(nl - (s + i)) : n - i;
		if (is_blank(s + i, len))
			flush(&b, emit, arg);
		else {
			if (b.len > 0)
				block_add_utf8(&b, " ", 1, 0, 1);
			block_add_utf8(&b, s + i, len, 0, 1);
			if (b.len >= TEXT_MAX_PARA)
				flush(&b, emit, arg);
		}
		i += len + 1;
	}
	flush(&b, emit, arg);
}

static void
to_doc(struct block *b, void *arg)
{
	struct doc	*d = arg;

	*doc_add_block(d, b->type) = *b;
}

void
text_to_doc(const char *s, size_t n, struct doc *d)
{
	text_parse(s, n, to_doc, d);
}
