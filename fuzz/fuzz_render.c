/*
 * fuzz_render.c - libFuzzer driver for the layout pipeline: wrap, bidi,
 * shaping and keyword highlighting. Input: a width byte, a flags byte,
 * keywords one a line up to a NUL, then the paragraph (UTF-8). The
 * paragraph is laid out as one block with a matcher, and as a list line
 * with render_line(). Invariants: no row wider than the width, every cell
 * printable, every text cell's logical position inside the block, a list
 * line exactly the width, and cells_to_text() output printable.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "doc.h"
#include "match.h"
#include "render.h"
#include "util.h"
#include "fuzz_common.h"

static void
check_row(const struct row *r, size_t width, size_t len, int exact)
{
	struct buf	b = { 0 };
	size_t		j, w = 0;

	for (j = 0; j < r->n; j++) {
		if (r->cells[j].cp != ' ' && !utf8_is_printable(r->cells[j].cp) &&
		    !utf8_is_joiner(r->cells[j].cp))
			abort();
		if (r->cells[j].width > 2)
			abort();
		if (r->cells[j].pos != CELL_NOPOS && r->cells[j].pos >= len)
			abort();
		w += r->cells[j].width;
	}
	if (w > width || (exact && w != width))
		abort();
	cells_to_text(r, &b, NULL, NULL);
	if (b.len > 0)
		fuzz_assert_printable(b.data);
	buf_free(&b);
}

static struct matcher *
make_matcher(const char *kw, size_t n)
{
	struct matcher	*m = matcher_create();
	char		*copy, *line, *save = NULL, *cause = NULL;

	copy = xstrndup(kw, n);
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (matcher_add(m, line, &cause) != 0) {
			if (cause == NULL)
				abort();
			free(cause);
			cause = NULL;
		}
	}
	free(copy);
	return m;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum block_type types[] = { BLOCK_PARA, BLOCK_HEADING,
	    BLOCK_ITEM, BLOCK_PRE };
	struct render_opts	 o = { 0 };
	struct doc		*d;
	struct block		*b;
	struct matcher		*m;
	struct layout		*l;
	struct row		 line = { 0 };
	const char		*kw, *text, *nul;
	char			*s;
	size_t			 i, n, nkw, ntext;
	uint8_t			 flags;

	if (size < 2 || size > 8192)
		return 0;
	o.width = 2 + data[0] % 100;
	flags = data[1];
	o.dir = flags % 3;
	o.shaping = (flags >> 2) & 1;
	kw = (const char *)data + 2;
	nul = memchr(kw, '\0', size - 2);
	nkw = nul != NULL ? (size_t)(nul - kw) : 0;
	text = nul != NULL ? nul + 1 : kw;
	ntext = size - 2 - (nul != NULL ? nkw + 1 : 0);

	m = make_matcher(kw, nkw);
	o.highlight = m;
	o.search = (flags & 0x80) ? m : NULL;
	d = doc_create();
	b = doc_add_block(d, types[(flags >> 3) & 3]);
	b->level = (flags >> 5) & 3;
	b->quote = data[0] >> 5;
	b->indent = (data[0] >> 3) & 3;
	b->hang = (flags >> 6) & 1 ? 2 : 0;
	block_add_utf8(b, text, ntext, ATTR_NONE, b->type != BLOCK_PRE);
	l = layout_create(d, &o);
	n = layout_count(l);
	for (i = 0; i < n; i++)
		check_row(layout_row(l, i), o.width, b->len, 0);
	layout_free(l);
	doc_free(d);

	/* The list line: a NUL-terminated copy of the paragraph. */
	s = xstrndup(text, ntext);
	render_line(s, o.width - 2 + (flags & 3), (enum dir)((flags >> 4) % 3),
	    (o.shaping ? RENDER_SHAPE : 0) | (flags & 0x40 ? RENDER_LOGICAL :
	    0), ATTR_NONE, m, &line);
	check_row(&line, o.width - 2 + (flags & 3), strlen(s) + 1, 1);
	free(line.cells);
	free(s);
	matcher_free(m);
	return 0;
}
