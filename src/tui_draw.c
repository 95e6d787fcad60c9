/*
 * tui_draw.c - paints the panes, the border and the status line with the
 * ncursesw wide API. Rows of cells come from the layout engine in visual
 * order; each cell is written at the column the engine gave it, with its
 * combining marks in the same cchar_t, so a disagreement about widths
 * can never shift the rest of a line. Columns are terminal cells of a
 * window. Only what is dirty is painted, and the terminal is updated
 * once per loop (wnoutrefresh + doupdate); scrolling the reader by a few
 * rows moves the window (wscrl) and paints only the rows that came in.
 * What the rows and the status line hold is the model's (reader_rows.c);
 * this file maps their attributes to colours and nothing more.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "utf8.h"
#include "tui.h"
#include "i18n.h"

/* xterm's RGB for the 16 system colours. */
static const int sys_rgb[16][3] = {
	{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
	{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
	{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
	{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
};

static void
index_rgb(int c, int rgb[3])
{
	static const int	level[] = { 0, 95, 135, 175, 215, 255 };

	if (c < 16)
		memcpy(rgb, sys_rgb[c], sizeof sys_rgb[c]);
	else if (c < 232) {
		c -= 16;
		rgb[0] = level[c / 36];
		rgb[1] = level[c / 6 % 6];
		rgb[2] = level[c % 6];
	} else
		rgb[0] = rgb[1] = rgb[2] = 8 + (c - 232) * 10;
}

/* Palette index c on a terminal of n colours: the nearest it has. */
static int
fit_color(int c, int n)
{
	int	rgb[3], i, best = 0;
	long	d, bestd = -1;

	if (c < 0 || c < n)
		return c;
	if (n > 16)
		n = 16;
	index_rgb(c, rgb);
	for (i = 0; i < n; i++) {
		d = (long)(rgb[0] - sys_rgb[i][0]) * (rgb[0] - sys_rgb[i][0]) +
		    (long)(rgb[1] - sys_rgb[i][1]) * (rgb[1] - sys_rgb[i][1]) +
		    (long)(rgb[2] - sys_rgb[i][2]) * (rgb[2] - sys_rgb[i][2]);
		if (bestd < 0 || d < bestd) {
			bestd = d;
			best = i;
		}
	}
	return best;
}

void
tui_draw_colors(struct tui *t)
{
	const struct theme_style	*s;
	int				 e;
	size_t				 g;

	if (t->ncolors == 0)
		return;
	for (e = 0; e < THEME_COUNT; e++) {
		s = &t->theme.style[e];
		init_pair((short)(e + 1), (short)fit_color(s->fg, t->ncolors),
		    (short)fit_color(s->bg, t->ncolors));
	}
	for (g = 0; g < t->r.cfg.nhlgroups && g < ATTR_GROUP_MAX; g++)
		init_pair((short)(THEME_COUNT + 1 + g),
		    (short)fit_color(t->r.cfg.hlgroups[g].fg, t->ncolors),
		    (short)fit_color(t->r.cfg.hlgroups[g].bg, t->ncolors));
}

/* The curses attributes and colour pair of element e with attr bits. */
static attr_t
style(const struct tui *t, int e, uint16_t attr, short *pair)
{
	const struct config_hlgroup *hg = t->r.cfg.hlgroups;
	unsigned	a = t->theme.style[e].attrs;
	attr_t		r = A_NORMAL;
	size_t		g = ATTR_GROUP(attr);

	if (e == THEME_HIGHLIGHT && g > 0 && g <= t->r.cfg.nhlgroups)
		a = hg[g - 1].attrs;
	else
		g = 0;

	if (attr & ATTR_BOLD)
		a |= THEME_BOLD;
	if (attr & ATTR_ITALIC)
		a |= THEME_ITALIC;
	if (a & THEME_BOLD)
		r |= A_BOLD;
	if (a & THEME_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & THEME_REVERSE)
		r |= A_REVERSE;
	if (a & THEME_DIM)
		r |= A_DIM;
	if (a & THEME_ITALIC)
		r |= A_ITALIC;
	*pair = t->ncolors == 0 ? 0 : g > 0 ? (short)(THEME_COUNT + g) :
	    (short)(e + 1);
	/* The terminal's own colours are pair 0: then ncurses has no
	 * colour to set before the text nor to reset after it. */
	if (g > 0 ? hg[g - 1].fg < 0 && hg[g - 1].bg < 0 :
	    t->theme.style[e].fg < 0 && t->theme.style[e].bg < 0)
		*pair = 0;
	return r;
}

/* The element of a cell: the reader maps its attributes, a list row
 * keeps its own element except for matches. */
static int
cell_element(int base, uint16_t attr)
{
	if (base == THEME_READER)
		return theme_element_for(attr);
	if (attr & ATTR_SEARCH)
		return THEME_SEARCH_MATCH;
	if (attr & ATTR_HIGHLIGHT)
		return THEME_HIGHLIGHT;
	return base;
}

static void
put_blanks(const struct tui *t, WINDOW *w, int y, int x, int width,
    int elem)
{
	cchar_t		 cc;
	wchar_t		 sp[2] = { L' ', 0 };
	short		 pair;
	attr_t		 a;

	a = style(t, elem, 0, &pair);
	setcchar(&cc, sp, a & ~(attr_t)A_UNDERLINE, pair, NULL);
	for (; x < width; x++)
		mvwadd_wch(w, y, x, &cc);
}

/* Paint one row of cells at line y of w, blanks to the width. */
static void
put_row(const struct tui *t, WINDOW *w, int y, int width,
    const struct row *row, int base)
{
	cchar_t		 cc;
	wchar_t		 wc[CCHARW_MAX + 1];
	const struct cell *c;
	size_t		 j, k, m;
	short		 pair;
	attr_t		 a;
	int		 x = 0;

	for (j = 0; row != NULL && j < row->n; j = k) {
		c = &row->cells[j];
		k = j + 1;
		if (c->width == 0)
			continue;	/* a mark with no letter before it */
		if (x + c->width > width)
			break;
		m = 0;
		wc[m++] = (wchar_t)c->cp;
		for (; k < row->n && row->cells[k].width == 0; k++)
			if (m < CCHARW_MAX - 1)
				wc[m++] = (wchar_t)row->cells[k].cp;
		wc[m] = 0;
		a = style(t, cell_element(base, c->attr), c->attr, &pair);
		setcchar(&cc, wc, a, pair, NULL);
		mvwadd_wch(w, y, x, &cc);
		x += c->width;
	}
	put_blanks(t, w, y, x, width, base);
}

/* The pane row callbacks: list item i, reader row i. */
static const struct row *
tui_list_row(struct tui *t, size_t i, int *elem)
{
	return reader_list_row(&t->r, i, (size_t)t->list_pane.r.w, elem);
}

static const struct row *
tui_reader_row(struct tui *t, size_t i, int *elem)
{
	*elem = THEME_READER;
	return reader_text_row(&t->r, i);
}

/* Paint the rows of a pane that need it. */
static void
pane_paint(struct tui *t, struct tui_pane *p, size_t top)
{
	const struct row	*row;
	long			 d;
	int			 y, from = 0, to = p->r.h, elem;

	if (p->win == NULL)
		return;
	d = (long)top - (long)p->shown_top;
	if (!p->dirty && p->shown && d == 0)
		return;
	if (!p->dirty && p->shown && d != 0 && labs(d) < p->r.h) {
		scrollok(p->win, TRUE);
		wscrl(p->win, (int)d);
		scrollok(p->win, FALSE);
		if (d > 0)
			from = p->r.h - (int)d;
		else
			to = (int)-d;
	}
	for (y = from; y < to; y++) {
		elem = THEME_READER;
		row = p->row(t, top + (size_t)y, &elem);
		put_row(t, p->win, y, p->r.w, row, elem);
	}
	p->shown_top = top;
	p->shown = 1;
	p->dirty = 0;
	wnoutrefresh(p->win);
}

static void
border_paint(struct tui *t)
{
	const struct app_rect	*r = &t->r.app.geom.border;
	cchar_t			 cc;
	wchar_t			 line[2] = { 0, 0 };
	short			 pair;
	attr_t			 a;
	int			 i;

	if (t->border == NULL || !t->border_dirty)
		return;
	/* Box drawing characters themselves, not the ACS alternate set,
	 * which some terminals (and tmux with some TERMs) show as letters
	 * under UTF-8. */
	line[0] = r->h > 1 ? 0x2502 : 0x2500;
	a = style(t, THEME_BORDER, 0, &pair);
	setcchar(&cc, line, a, pair, NULL);
	for (i = 0; i < (r->h > 1 ? r->h : r->w); i++)
		mvwadd_wch(t->border, r->h > 1 ? i : 0, r->h > 1 ? 0 : i, &cc);
	t->border_dirty = 0;
	wnoutrefresh(t->border);
}

static void
status_paint(struct tui *t)
{
	struct buf	 left = { 0 }, right = { 0 };
	struct row	 row;
	size_t		 w, rw;
	int		 elem;

	if (t->status == NULL || !t->status_dirty)
		return;
	w = (size_t)t->r.app.geom.status.w;
	memset(&row, 0, sizeof row);
	reader_status(&t->r, &left, &right, &elem);
	buf_putc(&left, '\0');
	buf_putc(&right, '\0');
	rw = utf8_str_width(right.data);
	if (rw + 10 > w)
		rw = 0;
	if (!t->r.ui_rtl) {
		render_line(left.data, w - rw, DIR_LTR, t->r.line_flags, 0,
		    NULL, &row);
		if (rw > 0)
			render_line(right.data, rw, DIR_RTL, 0, 0, NULL, &row);
	} else {
		/* A right-to-left interface: the message on the right, in a
		 * right-to-left paragraph, the position on the left. */
		if (rw > 0)
			render_line(right.data, rw, DIR_RTL, t->r.line_flags |
			    RENDER_BASE_RTL, 0, NULL, &row);
		render_line(left.data, w - rw, DIR_RTL, t->r.line_flags |
		    RENDER_BASE_RTL, 0, NULL, &row);
	}
	put_row(t, t->status, 0, (int)w, &row, elem);
	if (t->r.prompting) {
		/* No right part while prompting: the line is the prompt. */
		wmove(t->status, 0, (int)reader_prompt_cursor(&t->r,
		    left.data, w));
		curs_set(1);
	} else
		curs_set(0);
	/* The cursor is hidden unless prompting: leave it where the last
	 * write left it instead of moving it after every update. */
	leaveok(t->status, !t->r.prompting);
	free(row.cells);
	buf_free(&left);
	buf_free(&right);
	t->status_dirty = 0;
	wnoutrefresh(t->status);
}

/* Take what the model says changed. */
static void
take_dirty(struct tui *t)
{
	unsigned	d = t->r.dirty;

	t->r.dirty = 0;
	if (d & READER_DIRTY_GEOMETRY)
		tui_draw_windows(t);
	if (d & READER_DIRTY_LIST)
		t->list_pane.dirty = 1;
	if (d & READER_DIRTY_TEXT)
		t->reader_pane.dirty = 1;
	if (d & READER_DIRTY_STATUS)
		t->status_dirty = 1;
}

/*
 * The reader rows [from, to) whose links are written again as OSC 8
 * hyperlinks after this update; 0 when none. A pane as wide as the
 * terminal scrolls by the terminal's own scrolling, which moves the
 * hyperlinks with their cells: then only the rows that come into view.
 * A narrower pane is repainted by curses, which drops them: every row.
 */
static int
hyperlink_rows(const struct tui *t, int *from, int *to)
{
	const struct tui_pane	*p = &t->reader_pane;
	long			 d = (long)t->r.app.reader.top -
				    (long)p->shown_top;

	*from = 0;
	*to = p->r.h;
	if (p->dirty || !p->shown)
		return 1;
	if (d == 0)
		return 0;
	if (labs(d) < p->r.h && p->r.x == 0 && p->r.w == t->r.app.cols) {
		if (d > 0)
			*from = p->r.h - (int)d;
		else
			*to = (int)-d;
	}
	return 1;
}

void
tui_draw(struct tui *t)
{
	int	links, from, to;

	take_dirty(t);
	if (t->r.app.lines < 2 || t->r.app.cols < 4) {
		erase();
		mvaddstr(0, 0, _("too small"));
		wnoutrefresh(stdscr);
		doupdate();
		untouchwin(stdscr);
		return;
	}
	links = hyperlink_rows(t, &from, &to);
	pane_paint(t, &t->list_pane, t->r.app.list.top);
	pane_paint(t, &t->reader_pane, t->r.app.reader.top);
	border_paint(t);
	status_paint(t);
	if (t->r.prompting && t->status != NULL)
		wnoutrefresh(t->status);
	doupdate();
	if (links)
		tui_hyperlinks(t, from, to);
}

void
tui_draw_all(struct tui *t)
{
	t->list_pane.dirty = t->reader_pane.dirty = 1;
	t->status_dirty = t->border_dirty = 1;
}

static WINDOW *
make_window(const struct app_rect *r)
{
	WINDOW	*w;

	if (r->h <= 0 || r->w <= 0)
		return NULL;
	if ((w = newwin(r->h, r->w, r->y, r->x)) == NULL)
		return NULL;
	idlok(w, TRUE);
	idcok(w, FALSE);
	leaveok(w, TRUE);
	return w;
}

void
tui_draw_windows(struct tui *t)
{
	const struct app_geom	*g = &t->r.app.geom;

	if (t->list_pane.win != NULL)
		delwin(t->list_pane.win);
	if (t->reader_pane.win != NULL)
		delwin(t->reader_pane.win);
	if (t->border != NULL)
		delwin(t->border);
	if (t->status != NULL)
		delwin(t->status);
	t->list_pane.row = tui_list_row;
	t->reader_pane.row = tui_reader_row;
	t->list_pane.r = g->list;
	t->reader_pane.r = g->reader;
	t->list_pane.win = make_window(&g->list);
	t->reader_pane.win = make_window(&g->reader);
	t->border = make_window(&g->border);
	t->status = make_window(&g->status);
	t->list_pane.shown = t->reader_pane.shown = 0;
	tui_draw_all(t);
}

