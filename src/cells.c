/*
 * cells.c - rows of cells in visual order (columns, left to right), and
 * writing them out as UTF-8 text with optional SGR styling.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "utf8.h"
#include "cells.h"

struct row *
rows_add(struct rows *r)
{
	struct row	*row;
	int		 keep = 1;

	rows_close(r);
	if (r->partial) {
		if (r->skip > 0) {
			r->skip--;
			keep = 0;
		} else if (r->room == 0)
			keep = 0;
		else
			r->room--;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	row = &r->v[r->n];
	if (r->n < r->alloc) {
		/* Reuse the cells of a row from before rows_reset(). */
		row->n = row->width = row->src = 0;
	} else {
		memset(row, 0, sizeof *row);
		r->alloc++;
	}
	if (keep)
		r->n++;
	else
		r->dropped++;	/* its slot is taken again by the next */
	r->open = row;
	return row;
}

void
rows_close(struct rows *r)
{
	if (r->open != NULL && r->done != NULL)
		r->done(r->open, r->done_arg);
	r->open = NULL;
}

void
rows_reset(struct rows *r)
{
	r->n = 0;
	r->dropped = 0;
	r->open = NULL;
}

void
row_reserve(struct row *row, size_t n)
{
	if (row->cap - row->n >= n)
		return;
	row->cap = row->n + n;
	row->cells = xreallocarray(row->cells, row->cap, sizeof *row->cells);
}

void
rows_clear(struct rows *r)
{
	size_t	i;

	for (i = 0; i < r->alloc; i++)
		free(r->v[i].cells);
	free(r->v);
	memset(r, 0, sizeof *r);
}

void
row_put(struct row *row, uint32_t cp, uint16_t attr, uint8_t width)
{
	if (row->n == row->cap) {
		row->cap = row->cap < 16 ? 16 : row->cap * 2;
		row->cells = xreallocarray(row->cells, row->cap,
		    sizeof *row->cells);
	}
	row->cells[row->n].cp = cp;
	row->cells[row->n].attr = attr;
	row->cells[row->n].width = width;
	row->cells[row->n].pos = CELL_NOPOS;
	row->n++;
	row->width += width;
}

void
row_pad(struct row *row, size_t n)
{
	while (n-- > 0)
		row_put(row, ' ', 0, 1);
}

void
row_trim(struct row *row)
{
	while (row->n > 0 && row->cells[row->n - 1].cp == ' ') {
		row->n--;
		row->width--;
	}
}

void
cells_to_text(const struct row *row, struct buf *b,
    const char *(*sgr)(uint16_t attr, void *arg), void *arg)
{
	const char	*seq;
	uint16_t	 cur = 0;
	size_t		 i;
	uint32_t	 cp;

	buf_grow(b, row->n * 4 + 16);
	for (i = 0; i < row->n; i++) {
		if (b->cap - b->len < 8)
			buf_grow(b, 8);
		if (sgr != NULL && row->cells[i].attr != cur) {
			if (cur != 0)
				buf_puts(b, "\033[0m");
			cur = row->cells[i].attr;
			if (cur != 0 && (seq = sgr(cur, arg)) != NULL)
				buf_puts(b, seq);
		}
		cp = row->cells[i].cp;
		if (cp < 0x80) {
			b->data[b->len++] = (char)cp;
			continue;
		}
		b->len += utf8_encode(cp, b->data + b->len);
	}
	if (cur != 0 && sgr != NULL)
		buf_puts(b, "\033[0m");
	buf_grow(b, 0);
	b->data[b->len] = '\0';
}
