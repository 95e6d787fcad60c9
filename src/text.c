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

/*
 * Add a line to the paragraph b, in pieces when it would make b longer
 * than TEXT_MAX_PARA code points (a 20 MB file of one line is laid out
 * as paragraphs of bounded size, not as one). A piece ends at a space
 * near the limit when there is one, else at a character boundary.
 */
static void
add_line(struct block *b, const char *s, size_t n, text_emit_cb emit,
    void *arg)
{
	size_t	k, room, j;

	while (n > 0) {
		if (b->len >= TEXT_MAX_PARA)
			flush(b, emit, arg);
		room = TEXT_MAX_PARA - b->len;	/* bytes >= code points */
		k = n;
		if (k > room) {
			k = room;
			for (j = k; j > 0 && k - j < 4096 && s[j - 1] != ' ';
			    j--)
				;
			if (j > 0 && s[j - 1] == ' ')
				k = j;
			while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
				k--;
			if (k == 0)
				k = room;	/* no boundary: cut anyway */
		}
		block_add_utf8(b, s, k, 0, 1);
		s += k;
		n -= k;
		if (n > 0)
			flush(b, emit, arg);
	}
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
			add_line(&b, s + i, len, emit, arg);
		}
		i += len + 1;
	}
	flush(&b, emit, arg);
}

static void
to_doc(struct block *b, void *arg)
{
	struct doc	*d = arg;

	block_shrink(b);	/* kept: no room past its text */
	*doc_add_block(d, b->type) = *b;
}

void
text_to_doc(const char *s, size_t n, struct doc *d)
{
	text_parse(s, n, to_doc, d);
}
