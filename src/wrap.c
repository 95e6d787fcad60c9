/*
 * wrap.c - line breaking in logical order. Widths are in terminal cells
 * and come from the caller (measured after shaping, so a lam-alef
 * ligature counts once); indices are code point offsets.
 */
#include <stdlib.h>

#include "util.h"
#include "utf8.h"
#include "doc.h"
#include "wrap.h"

struct lines {
	struct wrap_line	*v;
	size_t			 n;
	size_t			 cap;
};

static void
lines_add(struct lines *l, size_t start, size_t end, size_t width)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].start = start;
	l->v[l->n].end = end;
	l->v[l->n].width = width;
	l->n++;
}

/*
 * Split the word text[start..end) into lines of at most max cells at
 * grapheme boundaries (inside a cluster only when the cluster alone is
 * wider than a line); the last piece is left open: its start and width
 * are returned through *open_start and *open_width.
 */
static void
split_word(struct lines *l, const uint32_t *text, const uint8_t *width,
    size_t start, size_t end, size_t first, size_t rest,
    size_t *open_start, size_t *open_width)
{
	size_t	i, piece = start, w = 0, gw = 0, g = start, max;
	int32_t	state = 0;

	max = l->n == 0 ? first : rest;
	for (i = start; i < end; i++) {
		if (i > start && utf8_grapheme_break(text[i - 1], text[i],
		    &state)) {
			/* A cluster [g, i) of gw cells is complete. */
			if (w + gw > max && w > 0) {
				lines_add(l, piece, g, w);
				max = rest;
				piece = g;
				w = 0;
			}
			w += gw;
			g = i;
			gw = 0;
		}
		if (gw > 0 && gw + width[i] > max) {
			/* A cluster wider than a whole line (a long emoji ZWJ
			 * sequence in a narrow column) is cut between code
			 * points: no line may be wider than max. */
			if (w > 0) {
				lines_add(l, piece, g, w);
				max = rest;
				piece = g;
				w = 0;
			}
			if (gw + width[i] > max) {
				lines_add(l, g, i, gw);
				max = rest;
				piece = g = i;
				gw = 0;
			}
		}
		gw += width[i];
	}
	if (w + gw > max && w > 0) {
		lines_add(l, piece, g, w);
		piece = g;
		w = 0;
	}
	*open_start = piece;
	*open_width = w + gw;
}

size_t
wrap_para(const uint32_t *text, const uint8_t *width, size_t len,
    size_t first, size_t rest, struct wrap_line **out)
{
	struct lines	l = { 0 };
	size_t		i = 0, k, ww, max, start = 0, end = 0, w = 0;
	int		open = 0;	/* a line with words is being built */

	if (first == 0)
		first = 1;
	if (rest == 0)
		rest = 1;
	while (i < len) {
		if (text[i] == ' ') {
			i++;
			continue;
		}
		if (text[i] == DOC_BREAK) {
			if (open)
				lines_add(&l, start, end, w);
			else
				lines_add(&l, i, i, 0);
			open = 0;
			i++;
			continue;
		}
		/* A word: [i, k). */
		ww = 0;
		for (k = i; k < len && text[k] != ' ' && text[k] != DOC_BREAK;
		    k++)
			ww += width[k];
		max = l.n == 0 ? first : rest;
		if (open && w + (i - end) + ww <= max) {
			/* Fits after the space(s) that separate it. */
			w += ww + (i - end);
			end = k;
		} else {
			if (open)
				lines_add(&l, start, end, w);
			max = l.n == 0 ? first : rest;
			if (ww <= max) {
				start = i;
				w = ww;
			} else
				split_word(&l, text, width, i, k, first, rest,
				    &start, &w);
			end = k;
			open = 1;
		}
		i = k;
	}
	if (open)
		lines_add(&l, start, end, w);
	*out = l.v;
	return l.n;
}

size_t
wrap_pre(const uint32_t *text, const uint8_t *width, size_t len, size_t max,
    struct wrap_line **out)
{
	struct lines	l = { 0 };
	size_t		i = 0, k, ww, start, w;

	if (max == 0)
		max = 1;
	while (i <= len) {
		ww = 0;
		for (k = i; k < len && text[k] != DOC_BREAK; k++)
			ww += width[k];
		if (ww <= max)
			lines_add(&l, i, k, ww);
		else {
			split_word(&l, text, width, i, k, max, max, &start,
			    &w);
			lines_add(&l, start, k, w);
		}
		if (k >= len)
			break;
		i = k + 1;
	}
	*out = l.v;
	return l.n;
}
