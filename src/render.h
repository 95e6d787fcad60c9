/*
 * render.h - the layout pipeline: document -> logical wrap by display
 * width (after shaping) -> fribidi reorder per line -> rows of cells, and
 * a lazily filled per-width layout cache for scrolling.
 */
#ifndef AKHBAR_RENDER_H
#define AKHBAR_RENDER_H

#include <stddef.h>

#include "cells.h"
#include "doc.h"
#include "match.h"

struct render_opts {
	size_t			 width;		/* cells, at least 2 */
	enum dir		 dir;		/* DIR_AUTO: each block's */
	int			 shaping;	/* Arabic shaping on/off */
	int			 logical;	/* keep logical order: no
						 * reordering, mirroring or
						 * right alignment (for a
						 * terminal that does bidi) */
	const struct matcher	*highlight;	/* NULL: none */
	const struct matcher	*search;	/* NULL: none */
	/* Highlight groups: cells matched by groups[g] (g < ngroups <=
	 * ATTR_GROUP_MAX; NULL entries are skipped) get g + 1 in their
	 * ATTR_GROUP_MASK bits, the first group to match winning. Their
	 * keywords are in highlight too. */
	const struct matcher *const *groups;
	size_t			 ngroups;
};

/*
 * Lay out block b (the index-th of its document) and append its rows to
 * out. Unless first is set or the block is tight, a blank row comes
 * before it. A block with nothing printable adds no row. Returns the
 * number of rows added.
 */
size_t		 render_block(const struct block *b, size_t index, int first,
		    const struct render_opts *o, struct rows *out);

struct layout;

/* Rows the reader's layout keeps laid out around the last one asked. */
#define LAYOUT_WINDOW	2048

/*
 * A layout of d with options o (both borrowed; they must outlive it).
 * It keeps the first row of each block and a window of laid-out rows
 * around the last row asked for; rows out of it are laid out again, so
 * memory stays a few bytes per block whatever the document's length.
 * Caller frees with layout_free().
 */
struct layout	*layout_create(const struct doc *d,
		    const struct render_opts *o);
void		 layout_free(struct layout *l);
/* Row i, NULL past the end. The row is valid until the next call that
 * lays out another window (any layout_row() for a row out of it). */
const struct row *layout_row(struct layout *l, size_t i);
/* The total number of rows (scans the whole document once). */
size_t		 layout_count(struct layout *l);
/* The block row i comes from (binary search); the number of blocks
 * past the end. */
size_t		 layout_row_block(struct layout *l, size_t i);
/* The first row of block b, or of the first block after it that has
 * rows (the count when none has). */
size_t		 layout_block_row(struct layout *l, size_t b);
/* The rows where a hit of the options' search starts, in order, *n of
 * them (scans the whole document once, at no further cost: they are
 * noted as the blocks are first laid out). Borrowed from l. */
const size_t	*layout_search_rows(struct layout *l, size_t *n);
/* Keep windows of this many rows (tests use small ones to cross window
 * edges often); drops the rows laid out. */
void		 layout_set_window(struct layout *l, size_t rows);

#endif

/* render_line() flags (1 stays "shaping on" for older callers). */
#define RENDER_SHAPE	0x1	/* Arabic shaping */
#define RENDER_LOGICAL	0x2	/* logical order, left aligned */
#define RENDER_BASE_RTL	0x4	/* paragraph direction RTL, not the first
				 * strong letter's (an Arabic interface's
				 * status line starting with a Latin name) */

/*
 * Lay out one line of untrusted UTF-8 text (a list title) into row,
 * exactly width cells wide: bidi reordered and shaped like the reader,
 * truncated in LOGICAL order with an ellipsis when too long (the end of
 * the sentence is cut), padded with spaces, right-aligned when the text
 * is RTL (and align is DIR_AUTO) or align is DIR_RTL. attr is given to
 * every cell; hl (may be NULL) marks keyword matches with
 * ATTR_HIGHLIGHT. flags are RENDER_* bits; with RENDER_LOGICAL the text
 * stays in logical order and is not right-aligned for being RTL. Returns
 * non-zero when the text is RTL. A width of 0 gives no cells.
 */
int		 render_line(const char *s, size_t width, enum dir align,
		    int flags, uint16_t attr, const struct matcher *hl,
		    struct row *row);
/* render_line() for a list title: keywords from o->highlight and the
 * groups of o->groups (the rest of o is not used). */
int		 render_title(const char *s, size_t width, enum dir align,
		    int flags, const struct render_opts *o, struct row *row);
