/*
 * cells.h - rows of screen cells in VISUAL order, left to right: what the
 * TUI paints and --dump prints. A cell of width 0 is a combining mark
 * drawn on the cell before it.
 */
#ifndef AKHBAR_CELLS_H
#define AKHBAR_CELLS_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* A cell that is not text of the block (padding, bars, bullets drawn
 * by the layout) has no logical position. */
#define CELL_NOPOS	UINT32_MAX

struct cell {
	uint32_t	cp;
	uint32_t	pos;	/* logical index in the block's text */
	uint16_t	attr;	/* enum attr bits */
	uint8_t		width;	/* 0, 1 or 2 cells */
};

struct row {
	struct cell	*cells;
	size_t		 n;
	size_t		 cap;	/* cells allocated */
	size_t		 width;	/* cells taken, trailing spaces excluded */
	size_t		 src;	/* index of the block it came from */
};

struct rows {
	struct row	*v;
	size_t		 n;
	size_t		 cap;
	size_t		 alloc;	/* rows whose cells may be reused */
	/* Keeping part of the rows (the reader's window): with partial
	 * set, the next skip rows added are dropped, then room are kept
	 * and the rest dropped. A dropped row is built in the slot past
	 * the last kept one; dropped counts them. */
	int		 partial;
	size_t		 skip;
	size_t		 room;
	size_t		 dropped;
	/* Called with each row once it is complete, kept or dropped, in
	 * order (NULL: none): at the next rows_add() or rows_close(). */
	void		(*done)(const struct row *, void *);
	void		*done_arg;
	struct row	*open;	/* the row being filled */
};

/* Append an empty row and return it (valid until the next rows_add). */
struct row	*rows_add(struct rows *r);
/* The row being filled is complete: hand it to r->done. */
void		 rows_close(struct rows *r);
/* Free every row and empty r. */
void		 rows_clear(struct rows *r);
/* Empty r but keep its memory for the next rows. */
void		 rows_reset(struct rows *r);
/* Make room for at least n more cells in row. */
void		 row_reserve(struct row *row, size_t n);
/* Append a cell to a row. */
void		 row_put(struct row *row, uint32_t cp, uint16_t attr,
		    uint8_t width);
/* Append n spaces. */
void		 row_pad(struct row *row, size_t n);
/* Remove trailing spaces (and their marks). */
void		 row_trim(struct row *row);
/*
 * Write a row as UTF-8 into b (appended). With sgr non-NULL, sgr(attr,
 * arg) is asked for the escape sequence that starts cells of each
 * attribute; "\033[0m" ends a styled run.
 */
void		 cells_to_text(const struct row *row, struct buf *b,
		    const char *(*sgr)(uint16_t attr, void *arg), void *arg);

#endif
