/*
 * wrap.h - greedy line breaking of one paragraph in LOGICAL order. Widths
 * are terminal cells, indices code points.
 */
#ifndef AKHBAR_WRAP_H
#define AKHBAR_WRAP_H

#include <stddef.h>
#include <stdint.h>

struct wrap_line {
	size_t	start;		/* first code point */
	size_t	end;		/* one past the last, trailing space cut */
	size_t	width;		/* cells */
};

/*
 * Break text[0..len) (cell widths in width[]) into lines of at most first
 * cells for the first line and rest cells after it, at spaces (U+0020)
 * only; DOC_BREAK forces a break. A word longer than the line starts a new
 * line and is split at grapheme cluster boundaries. Returns the number of
 * lines, stored in a fresh array at *lines (caller frees). An empty
 * paragraph gives no lines.
 */
size_t	wrap_para(const uint32_t *text, const uint8_t *width, size_t len,
	    size_t first, size_t rest, struct wrap_line **lines);

/*
 * Split text[0..len) into lines at DOC_BREAK only, then split each line
 * that is wider than max cells at grapheme boundaries (for preformatted
 * text). Same result convention as wrap_para(); empty lines are kept.
 */
size_t	wrap_pre(const uint32_t *text, const uint8_t *width, size_t len,
	    size_t max, struct wrap_line **lines);

#endif
