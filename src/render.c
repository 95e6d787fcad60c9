/*
 * render.c - runs the layout pipeline for one block: resolve bidi levels
 * and shape once for the paragraph, measure each shaped code point in
 * cells, wrap in logical order, then reorder each line on its own and
 * write it as cells, right-aligned for RTL paragraphs. Widths and columns
 * are terminal cells; indices into block text are code points.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "utf8.h"
#include "bidi.h"
#include "wrap.h"
#include "render.h"

/* Decoration around the text of one row: quote bars and indentation. */
struct frame {
	int	quote;		/* quote depth: one bar each */
	size_t	indent;		/* cells before the text (start side) */
};

static size_t
frame_width(const struct frame *f)
{
	return (size_t)f->quote * 2 + f->indent;
}

/* Put the left part of a row: LTR rows carry bars then the indent. */
static void
frame_left(struct row *row, const struct frame *f, int rtl, size_t pad)
{
	int	i;

	if (rtl) {
		row_pad(row, pad);
		return;
	}
	for (i = 0; i < f->quote; i++) {
		row_put(row, 0x2502, ATTR_QUOTE | ATTR_MARKER, 1);
		row_put(row, ' ', 0, 1);
	}
	row_pad(row, f->indent);
}

/* Put the right part of a row: RTL rows end with indent then bars. */
static void
frame_right(struct row *row, const struct frame *f, int rtl)
{
	int	i;

	if (!rtl)
		return;
	row_pad(row, f->indent);
	for (i = 0; i < f->quote; i++) {
		row_put(row, ' ', 0, 1);
		row_put(row, 0x2502, ATTR_QUOTE | ATTR_MARKER, 1);
	}
}

/* Write the visual cells of line [start, end) of paragraph p; base is
 * the paragraph's offset in its block, for the cells' positions. With
 * logical non-NULL, the cells of that text in logical order instead. */
static void
put_line(struct row *row, struct bidi_para *p, const uint8_t *width,
    const uint16_t *attr, uint16_t extra, size_t start, size_t end,
    size_t *map, size_t base, const uint32_t *logical)
{
	const uint32_t	*text = logical != NULL ? logical : bidi_para_text(p);
	size_t		 v, li, n = end - start;
	uint32_t	 cp;
	uint16_t	 a;

	if (logical == NULL)
		bidi_para_reorder(p, start, end, map);
	for (v = 0; v < n; v++) {
		li = logical != NULL ? start + v : map[v];
		cp = text[li];
		if (cp == 0xA0)
			cp = ' ';
		else if (!utf8_is_printable(cp) && !utf8_is_joiner(cp))
			continue;	/* joiners: zero-width cells, kept */
		a = attr[li] | extra;
		/* Shaping puts a lam-alef ligature where the alef was and a
		 * filler where the lam was: the cell shows both letters, so
		 * it is a match when either is. */
		if (cp >= 0xFEF5 && cp <= 0xFEFC && li > start &&
		    text[li - 1] == 0xFEFF) {
			a |= attr[li - 1] & (ATTR_HIGHLIGHT | ATTR_SEARCH);
			if (ATTR_GROUP(a) == 0)
				a |= attr[li - 1] & ATTR_GROUP_MASK;
		}
		row_put(row, cp, a, width[li]);
		row->cells[row->n - 1].pos = (uint32_t)(li + base);
	}
}

/* The underline under a title or a level 1-2 heading. */
static void
put_underline(struct rows *out, size_t index, const struct block *b,
    const struct frame *f, size_t w, size_t avail, int rtl)
{
	struct row	*row;
	uint32_t	 ch = b->level <= 1 ? 0x2550 : 0x2500;
	size_t		 i;

	row = rows_add(out);
	row->src = index;
	frame_left(row, f, rtl, rtl && avail > w ? avail - w : 0);
	for (i = 0; i < w; i++)
		row_put(row, ch, ATTR_MARKER | (b->level == 0 ? ATTR_TITLE :
		    ATTR_HEADING), 1);
	frame_right(row, f, rtl);
	row_trim(row);
}

/* Record in attr[] which highlight group matches each code point of
 * text[0..len): the first group that does. */
static void
mark_groups(const struct render_opts *o, const uint32_t *text, size_t len,
    uint16_t *attr)
{
	struct match_hit	*h;
	size_t			 g, n, k, i;

	for (g = 0; g < o->ngroups && g < ATTR_GROUP_MAX; g++) {
		if (o->groups[g] == NULL || (n = matcher_find(o->groups[g],
		    text, len, NULL, 0)) == 0)
			continue;
		h = xreallocarray(NULL, n, sizeof *h);
		matcher_find(o->groups[g], text, len, h, n);
		for (k = 0; k < n; k++)
			for (i = h[k].start; i < h[k].end && i < len; i++)
				if (ATTR_GROUP(attr[i]) == 0)
					attr[i] |= ATTR_HIGHLIGHT | (uint16_t)
					    ((g + 1) << ATTR_GROUP_SHIFT);
		free(h);
	}
}

/* Is there anything printable in text[0..len)? */
static int
has_content(const uint32_t *text, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (text[i] != ' ' && text[i] != DOC_BREAK &&
		    (text[i] == 0xA0 || utf8_is_printable(text[i])))
			return 1;
	return 0;
}

static enum dir
block_dir(const struct block *b, const struct render_opts *o)
{
	return o->dir != DIR_AUTO ? o->dir : b->dir;
}

static uint16_t
block_extra(const struct block *b)
{
	uint16_t	extra = 0;

	if (b->type == BLOCK_HEADING)
		extra |= b->level == 0 ? ATTR_TITLE : ATTR_HEADING;
	if (b->quote > 0)
		extra |= ATTR_QUOTE;
	if (b->type == BLOCK_PRE)
		extra |= ATTR_CODE;
	return extra;
}

/* Lay out b's text[base..base+len) (attributes attr[0..len)) as one
 * bidi paragraph, wrapped (or split, for pre), into rows. */
static size_t
render_para(const struct block *b, size_t index, size_t base,
    const struct render_opts *o, struct rows *out, const uint16_t *attr,
    size_t len)
{
	struct bidi_para	*p;
	struct wrap_line	*lines;
	struct frame		 f;
	struct row		*row;
	const uint32_t		*shaped;
	uint8_t			*width;
	size_t			*map, nlines, i, avail, first, rest, maxw = 0;
	size_t			 total = o->width < 2 ? 2 : o->width;
	int			 rtl, flags = BIDI_KEEP_NSM | BIDI_UNTRUSTED;
	uint32_t		 cp;
	enum dir		 dir;

	if (o->shaping)
		flags |= BIDI_SHAPE;
	/* A paragraph's own direction: from its first strong letter that
	 * is not a marker of ours, so that "[image: صورة]" in an Arabic
	 * article is right to left, not left to right for "image". */
	dir = block_dir(b, o);
	if (dir == DIR_AUTO)
		dir = bidi_first_strong_except(b->text + base, attr,
		    ATTR_MARKER, len);
	p = bidi_para_create(b->text + base, len, dir, flags);
	rtl = o->logical ? 0 : bidi_para_rtl(p);
	shaped = bidi_para_text(p);
	width = xmalloc(len + 1);
	for (i = 0; i < len; i++) {
		cp = shaped[i];
		width[i] = cp == 0xA0 ? 1 : utf8_is_printable(cp) ?
		    (uint8_t)utf8_width(cp) : 0;
	}
	f.quote = b->quote;
	f.indent = b->indent > 1 ? 2 * (size_t)(b->indent - 1) : 0;
	while (frame_width(&f) + 2 > total && f.quote > 0)
		f.quote--;
	if (frame_width(&f) + 2 > total)
		f.indent = 0;
	avail = total - frame_width(&f);
	first = avail;
	rest = avail > b->hang + 2 ? avail - b->hang : avail;
	if (b->type == BLOCK_PRE)
		nlines = wrap_pre(shaped, width, len, avail, &lines);
	else
		nlines = wrap_para(shaped, width, len, first, rest, &lines);
	map = xreallocarray(NULL, len + 1, sizeof *map);
	for (i = 0; i < nlines; i++) {
		struct frame	 lf = f;
		size_t		 room;

		if (i > 0 && b->type != BLOCK_PRE && rest < avail)
			lf.indent += b->hang;
		room = total - frame_width(&lf);
		row = rows_add(out);
		row->src = index;
		row_reserve(row, total + (lines[i].end - lines[i].start));
		frame_left(row, &lf, rtl, room > lines[i].width ?
		    room - lines[i].width : 0);
		put_line(row, p, width, attr, block_extra(b), lines[i].start,
		    lines[i].end, map, base, o->logical ? b->text + base : NULL);
		frame_right(row, &lf, rtl);
		row_trim(row);
		if (lines[i].width > maxw)
			maxw = lines[i].width;
	}
	if (b->type == BLOCK_HEADING && b->level <= 2 && nlines > 0)
		put_underline(out, index, b, &f, maxw, avail, rtl);
	free(map);
	free(lines);
	free(width);
	bidi_para_free(p);
	return nlines;
}

size_t
render_block(const struct block *b, size_t index, int first,
    const struct render_opts *o, struct rows *out)
{
	uint16_t	*attr;
	size_t		 before = out->n + out->dropped, s = 0, e = b->len;
	size_t		 i, k;
	struct row	*row;

	if (b->type == BLOCK_RULE) {
		if (!first && !b->tight)
			rows_add(out)->src = index;
		row = rows_add(out);
		row->src = index;
		for (i = 0; i < (o->width < 2 ? 2 : o->width); i++)
			row_put(row, 0x2500, ATTR_MARKER, 1);
		return out->n + out->dropped - before;
	}
	if (!has_content(b->text, b->len))
		return 0;
	if (b->type != BLOCK_PRE) {
		while (s < e && (b->text[s] == ' ' || b->text[s] == DOC_BREAK))
			s++;
		while (e > s && (b->text[e - 1] == ' ' ||
		    b->text[e - 1] == DOC_BREAK))
			e--;
	}
	if (!first && !b->tight)
		rows_add(out)->src = index;
	attr = xreallocarray(NULL, b->len + 1, sizeof *attr);
	memcpy(attr, b->attr, b->len * sizeof *attr);
	matcher_mark(o->highlight, b->text, b->len, attr, ATTR_HIGHLIGHT);
	mark_groups(o, b->text, b->len, attr);
	matcher_mark(o->search, b->text, b->len, attr, ATTR_SEARCH);
	if (b->type == BLOCK_PRE) {
		/* Each line of preformatted text is a paragraph of its own. */
		for (i = 0; i <= b->len; i = k + 1) {
			for (k = i; k < b->len && b->text[k] != DOC_BREAK; k++)
				;
			if (k == i) {
				rows_add(out)->src = index;
				continue;
			}
			render_para(b, index, i, o, out, attr + i, k - i);
		}
	} else
		render_para(b, index, s, o, out, attr + s, e - s);
	free(attr);
	return out->n + out->dropped - before;
}

static int	line_layout(const char *, size_t, enum dir, int, uint16_t,
		    const struct render_opts *, struct row *);

/*
 * The reader's layout of a whole document keeps no cells for most of it:
 * one scanning pass (layout_scan) lays each block out once, keeps only
 * the number of its first row in start[] and drops the rows as they are
 * made; rows are then laid out again on demand, a window of l->window
 * rows around the one asked for, cut out of the blocks it overlaps (so a
 * block of 100,000 rows, a long <pre>, costs a window too). Memory is a
 * few bytes per block plus the window, whatever the document's size (a
 * 20 MB article held 450 MB of cells before). Row numbers are visual
 * rows of the whole document.
 */
struct layout {
	const struct doc		*doc;
	const struct render_opts	*opts;
	size_t				*start;	/* first row of each block;
						 * start[nblocks]: the
						 * count */
	size_t				 scanned; /* start[0..scanned] known */
	struct rows			 win;	/* rows [win_first, +win.n) */
	size_t				 win_first;
	size_t				 window;   /* rows to lay out */
	struct rows			 scratch;  /* scanning: keeps none */
	size_t				 row;	/* of the row done next */
	size_t				*hits;	/* rows where a search hit
						 * starts, found scanning */
	size_t				 nhits, caphits;
};

struct layout *
layout_create(const struct doc *d, const struct render_opts *o)
{
	struct layout	*l;

	l = xcalloc(1, sizeof *l);
	l->doc = d;
	l->opts = o;
	l->start = xreallocarray(NULL, d->nblocks + 1, sizeof *l->start);
	l->start[0] = 0;
	l->window = LAYOUT_WINDOW;
	l->win.partial = 1;
	l->scratch.partial = 1;		/* room 0: every row dropped */
	return l;
}

void
layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	rows_clear(&l->win);
	rows_clear(&l->scratch);
	free(l->hits);
	free(l->start);
	free(l);
}

void
layout_set_window(struct layout *l, size_t rows)
{
	l->window = rows > 0 ? rows : 1;
	rows_clear(&l->win);
	l->win.partial = 1;
	l->win_first = 0;
}

/* Note row i when a search hit starts in it: a cell of the search
 * after one that is not (or the row's first), marks riding along. */
static void
note_hits(struct layout *l, const struct row *row, size_t i)
{
	size_t	j;
	int	in = 0;

	for (j = 0; j < row->n; j++) {
		if ((row->cells[j].attr & ATTR_SEARCH) && !in) {
			if (l->nhits == l->caphits) {
				l->caphits = l->caphits ? 2 * l->caphits : 64;
				l->hits = xreallocarray(l->hits, l->caphits,
				    sizeof *l->hits);
			}
			l->hits[l->nhits++] = i;
		}
		in = (row->cells[j].attr & ATTR_SEARCH) != 0 ||
		    (in && row->cells[j].width == 0);
	}
}

/* Each row of a block scanned for the first time, kept or dropped. */
static void
scan_row(const struct row *row, void *arg)
{
	struct layout	*l = arg;

	note_hits(l, row, l->row++);
}

/* Lay block b out into out, keeping its rows from skip on while out
 * has room; the first block with rows gets no blank row before it. A
 * block laid out for the first time is scanned: its row count noted,
 * and the rows of search hits. */
static size_t
lay_block(struct layout *l, size_t b, struct rows *out, size_t skip)
{
	size_t	n;

	out->skip = skip;
	if (b == l->scanned && l->opts->search != NULL) {
		out->done = scan_row;
		out->done_arg = l;
		l->row = l->start[b];
	}
	n = render_block(&l->doc->blocks[b], b, l->start[b] == 0, l->opts,
	    out);
	rows_close(out);
	out->done = NULL;
	if (b == l->scanned)
		l->start[++l->scanned] = l->start[b] + n;
	return n;
}

/* Scan blocks until row i (or the end) is known. While the window is
 * the document's first rows and not full, scanned rows are kept in it:
 * the first screen is laid out once, not twice. */
static void
layout_scan(struct layout *l, size_t i)
{
	size_t	b;

	while (l->scanned < l->doc->nblocks && l->start[l->scanned] <= i) {
		b = l->scanned;
		if (l->win_first == 0 && l->win.n == l->start[b] &&
		    l->win.n < l->window) {
			l->win.room = l->window - l->win.n;
			lay_block(l, b, &l->win, 0);
		} else {
			lay_block(l, b, &l->scratch, 0);
			rows_reset(&l->scratch);
		}
	}
}

size_t
layout_row_block(struct layout *l, size_t i)
{
	size_t	lo = 0, hi, mid;

	layout_scan(l, i);
	if (i >= l->start[l->scanned])
		return l->doc->nblocks;
	/* The last block starting at or before i: it has row i (a block
	 * without rows starts where the next one does). */
	hi = l->scanned;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (l->start[mid] <= i)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t
layout_block_row(struct layout *l, size_t b)
{
	if (b > l->doc->nblocks)
		b = l->doc->nblocks;
	while (l->scanned < b)
		layout_scan(l, l->start[l->scanned]);
	return l->start[b];
}

const struct row *
layout_row(struct layout *l, size_t i)
{
	size_t	b, from;

	if (i >= l->win_first && i - l->win_first < l->win.n)
		return &l->win.v[i - l->win_first];
	if (layout_row_block(l, i) >= l->doc->nblocks)
		return NULL;
	if (i >= l->win_first && i - l->win_first < l->win.n)
		return &l->win.v[i - l->win_first];	/* scanned into it */
	/* A new window, rows [from, from + window), from a quarter of it
	 * before i: scrolling on goes three quarters of a window before
	 * the next layout, scrolling back a quarter. */
	from = i > l->window / 4 ? i - l->window / 4 : 0;
	b = layout_row_block(l, from);
	rows_reset(&l->win);
	l->win_first = from;
	l->win.room = l->window;
	for (; b < l->doc->nblocks && l->win.room > 0; b++)
		lay_block(l, b, &l->win, from > l->start[b] ?
		    from - l->start[b] : 0);
	return &l->win.v[i - l->win_first];
}

size_t
layout_count(struct layout *l)
{
	layout_scan(l, (size_t)-1);
	return l->start[l->doc->nblocks];
}

const size_t *
layout_search_rows(struct layout *l, size_t *n)
{
	layout_scan(l, (size_t)-1);
	*n = l->nhits;
	return l->hits;
}

int
render_line(const char *s, size_t width, enum dir align, int flags,
    uint16_t attr, const struct matcher *hl, struct row *row)
{
	struct render_opts	o;

	memset(&o, 0, sizeof o);
	o.highlight = hl;
	return line_layout(s, width, align, flags, attr, &o, row);
}

int
render_title(const char *s, size_t width, enum dir align, int flags,
    const struct render_opts *o, struct row *row)
{
	return line_layout(s, width, align, flags, 0, o, row);
}

/* One line of text in width cells (render_line()), keywords from o. */
static int
line_layout(const char *s, size_t width, enum dir align, int flags,
    uint16_t attr, const struct render_opts *o, struct row *row)
{
	struct block		 b;
	struct bidi_para	*p;
	const uint32_t		*shaped;
	uint8_t			*w;
	size_t			*map, i, end, used = 0, room;
	int			 rtl, cut = 0;

	/* No room at all (a column squeezed to nothing): no cells. */
	if (width == 0)
		return 0;
	memset(&b, 0, sizeof b);
	block_add_utf8(&b, s, strlen(s), attr, 1);
	block_trim(&b);
	if (b.len == 0) {
		row_pad(row, width);
		block_clear(&b);
		return 0;
	}
	matcher_mark(o->highlight, b.text, b.len, b.attr, ATTR_HIGHLIGHT);
	mark_groups(o, b.text, b.len, b.attr);
	p = bidi_para_create(b.text, b.len, flags & RENDER_BASE_RTL ? DIR_RTL :
	    DIR_AUTO, BIDI_KEEP_NSM |
	    BIDI_UNTRUSTED | (flags & RENDER_SHAPE ? BIDI_SHAPE : 0));
	rtl = flags & RENDER_LOGICAL ? 0 : bidi_para_rtl(p);
	shaped = bidi_para_text(p);
	w = xmalloc(b.len + 1);
	for (i = 0; i < b.len; i++)
		w[i] = shaped[i] == 0xA0 ? 1 : utf8_is_printable(shaped[i]) ?
		    (uint8_t)utf8_width(shaped[i]) : 0;
	for (i = 0; i < b.len; i++)
		used += w[i];
	end = b.len;
	if (used > width) {
		/* Keep the logical start; leave a cell for the ellipsis. */
		cut = 1;
		used = 0;
		for (end = 0; end < b.len && used + w[end] + 1 <= width; end++)
			used += w[end];
		while (end < b.len && w[end] == 0)
			end++;		/* marks stay with their letter */
		while (end > 0 && shaped[end - 1] == ' ') {
			end--;
			used--;
		}
	}
	room = width - used - (size_t)cut;
	if (align == DIR_RTL || (align == DIR_AUTO && rtl))
		row_pad(row, room);
	if (cut && rtl)
		row_put(row, 0x2026, attr, 1);
	map = xreallocarray(NULL, end + 1, sizeof *map);
	if (end > 0)
		put_line(row, p, w, b.attr, 0, 0, end, map, 0,
		    flags & RENDER_LOGICAL ? b.text : NULL);
	if (cut && !rtl)
		row_put(row, 0x2026, attr, 1);
	if (!(align == DIR_RTL || (align == DIR_AUTO && rtl)))
		row_pad(row, room);
	free(map);
	free(w);
	bidi_para_free(p);
	block_clear(&b);
	return rtl;
}
