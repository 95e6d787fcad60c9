/*
 * tui_draw.c - paints the panes, the border and the status line with the
 * ncursesw wide API. Rows of cells come from the layout engine in visual
 * order; each cell is written at the column the engine gave it, with its
 * combining marks in the same cchar_t, so a disagreement about widths
 * can never shift the rest of a line. Columns are terminal cells of a
 * window. Only what is dirty is painted, and the terminal is updated
 * once per loop (wnoutrefresh + doupdate); scrolling the reader by a few
 * rows moves the window (wscrl) and paints only the rows that came in.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"
#include "utf8.h"
#include "tui.h"

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
	for (g = 0; g < t->cfg.nhlgroups && g < TUI_GROUP_MAX; g++)
		init_pair((short)(THEME_COUNT + 1 + g),
		    (short)fit_color(t->cfg.hlgroups[g].fg, t->ncolors),
		    (short)fit_color(t->cfg.hlgroups[g].bg, t->ncolors));
}

/* The curses attributes and colour pair of element e with attr bits. */
static attr_t
style(const struct tui *t, int e, uint16_t attr, short *pair)
{
	unsigned	a = t->theme.style[e].attrs;
	attr_t		r = A_NORMAL;
	size_t		g = (attr & TUI_GROUP_MASK) >> TUI_GROUP_SHIFT;

	if (e == THEME_HIGHLIGHT && g > 0 && g <= t->cfg.nhlgroups)
		a = t->cfg.hlgroups[g - 1].attrs;
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
	if (g > 0 ? t->cfg.hlgroups[g - 1].fg < 0 &&
	    t->cfg.hlgroups[g - 1].bg < 0 : t->theme.style[e].fg < 0 &&
	    t->theme.style[e].bg < 0)
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
	const struct app_rect	*r = &t->app.geom.border;
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

/* "[#####-----] 3/10 Feed" while refreshing, into b. */
static void
progress(const struct tui *t, struct buf *b)
{
	const struct tui_refresh	*r = &t->refresh;
	size_t				 i, fill = 0, n = 10;

	if (r->total > 0)
		fill = r->done * n / r->total;
	buf_puts(b, "refresh [");
	for (i = 0; i < n; i++)
		buf_putc(b, i < fill ? '#' : '-');
	buf_printf(b, "] %zu/%zu", r->done, r->total);
	if (r->current != NULL)
		buf_printf(b, " %s", r->current);
	buf_puts(b, "  ");
}

/* The right part of the status line: position and hints. */
static void
status_right(const struct tui *t, struct buf *b)
{
	const struct app	*a = &t->app;
	size_t			 h = app_reader_height(a);

	if (t->search_word != NULL && t->search_pane == FOCUS_READER &&
	    a->focus == FOCUS_READER)
		buf_printf(b, "hit %zu of %zu  ", t->nhits ? t->hit + 1 : 0,
		    t->nhits);
	else if (t->search_word != NULL && t->search_pane == FOCUS_LIST &&
	    a->focus == FOCUS_LIST && t->nlhits > 0)
		buf_printf(b, "hit %zu of %zu  ", t->lhit, t->nlhits);
	if (a->focus == FOCUS_READER || a->zoom) {
		if (a->reader.n <= h)
			buf_puts(b, "All");
		else if (a->reader.top == 0)
			buf_puts(b, "Top");
		else if (a->reader.top >= app_reader_max_top(a))
			buf_puts(b, "Bot");
		else
			buf_printf(b, "%zu%%", (a->reader.top + h) * 100 /
			    a->reader.n);
	} else
		buf_printf(b, "%zu/%zu", a->list.n ? a->list.sel + 1 : 0,
		    a->list.n);
	buf_puts(b, "  ?:help q:quit ");
}

static void
status_paint(struct tui *t)
{
	static const char *const prefixes[] = { "/", "highlight: ",
				    "search store: " };
	const char	*prefix = prefixes[t->prompt_kind];
	struct buf	 left = { 0 }, right = { 0 };
	struct row	 row;
	size_t		 w, rw;
	int		 elem = THEME_STATUS;

	if (t->status == NULL || !t->status_dirty)
		return;
	w = (size_t)t->app.geom.status.w;
	memset(&row, 0, sizeof row);
	if (t->prompting) {
		buf_puts(&left, prefix);
		buf_add(&left, t->prompt.data, t->prompt.len);
	} else {
		if (t->refresh.pid != 0)
			progress(t, &left);
		if (t->msg != NULL) {
			buf_puts(&left, t->msg);
			if (t->msg_error)
				elem = THEME_STATUS_ERROR;
		} else
			buf_printf(&left, " %s", t->src.title != NULL ?
			    t->src.title : "");
		status_right(t, &right);
	}
	buf_putc(&left, '\0');
	buf_putc(&right, '\0');
	rw = strlen(right.data);
	if (rw + 10 > w)
		rw = 0;
	render_line(left.data, w - rw, DIR_LTR, t->line_flags, 0, NULL, &row);
	if (rw > 0)
		render_line(right.data, rw, DIR_RTL, 0, 0, NULL, &row);
	put_row(t, t->status, 0, (int)w, &row, elem);
	if (t->prompting) {
		rw = utf8_str_width(left.data);
		wmove(t->status, 0, (int)(rw < w ? rw : w - 1));
		curs_set(1);
	} else
		curs_set(0);
	/* The cursor is hidden unless prompting: leave it where the last
	 * write left it instead of moving it after every update. */
	leaveok(t->status, !t->prompting);
	free(row.cells);
	buf_free(&left);
	buf_free(&right);
	t->status_dirty = 0;
	wnoutrefresh(t->status);
}

void
tui_draw(struct tui *t)
{
	if (t->app.lines < 2 || t->app.cols < 4) {
		erase();
		mvaddstr(0, 0, "too small");
		wnoutrefresh(stdscr);
		doupdate();
		untouchwin(stdscr);
		return;
	}
	pane_paint(t, &t->list_pane, t->app.list.top);
	pane_paint(t, &t->reader_pane, t->app.reader.top);
	border_paint(t);
	status_paint(t);
	if (t->prompting && t->status != NULL)
		wnoutrefresh(t->status);
	doupdate();
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
	const struct app_geom	*g = &t->app.geom;

	if (t->list_pane.win != NULL)
		delwin(t->list_pane.win);
	if (t->reader_pane.win != NULL)
		delwin(t->reader_pane.win);
	if (t->border != NULL)
		delwin(t->border);
	if (t->status != NULL)
		delwin(t->status);
	t->list_pane.r = g->list;
	t->reader_pane.r = g->reader;
	t->list_pane.win = make_window(&g->list);
	t->reader_pane.win = make_window(&g->reader);
	t->border = make_window(&g->border);
	t->status = make_window(&g->status);
	t->list_pane.shown = t->reader_pane.shown = 0;
	tui_draw_all(t);
}

void
tui_message(struct tui *t, int error, const char *fmt, ...)
{
	va_list	 ap;
	char	 s[1024];

	free(t->msg);
	t->msg = NULL;
	if (fmt != NULL) {
		va_start(ap, fmt);
		vsnprintf(s, sizeof s, fmt, ap);
		va_end(ap);
		t->msg = utf8_sanitize(s, strlen(s), 1);
	}
	t->msg_error = error;
	t->status_dirty = 1;
}

/* One column of a list row: text laid out in width cells. */
static void
column(struct tui *t, const char *s, size_t width, enum dir align)
{
	if (width > 0)
		render_line(s != NULL ? s : "", width, align, t->line_flags, 0,
		    t->hl, &t->tmp);
}

struct col {
	const char	*text;
	size_t		 width;
	enum dir	 align;
	int		 title;		/* keyword groups get their colours */
};

/* Give the highlighted cells tmp[from...] of a title the bits of their
 * colour group: the title laid out again with each group's matcher
 * gives the same cells, highlighted where that group matches. */
static void
tag_groups(struct tui *t, const char *s, size_t width, enum dir al,
    size_t from)
{
	struct cell	*c;
	size_t		 g, j;

	if (s == NULL || t->hl == NULL)
		return;
	for (g = 0; g < t->cfg.nhlgroups && g < TUI_GROUP_MAX; g++) {
		if (t->gm[g] == NULL)
			continue;
		t->gtmp.n = t->gtmp.width = 0;
		render_line(s, width, al, t->line_flags, 0, t->gm[g],
		    &t->gtmp);
		for (j = 0; j < t->gtmp.n && from + j < t->tmp.n; j++) {
			c = &t->tmp.cells[from + j];
			if ((t->gtmp.cells[j].attr & ATTR_HIGHLIGHT) &&
			    (c->attr & ATTR_HIGHLIGHT) &&
			    !(c->attr & TUI_GROUP_MASK))
				c->attr |= (uint16_t)((g + 1) <<
				    TUI_GROUP_SHIFT);
		}
	}
}

/* Put the columns left to right, or right to left when mirrored. */
static void
columns(struct tui *t, struct col *c, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		const struct col *k = &c[t->app.mirror ? n - 1 - i : i];
		enum dir	 al = k->align;
		size_t		 from = t->tmp.n;

		if (t->app.mirror && al != DIR_AUTO)
			al = al == DIR_LTR ? DIR_RTL : DIR_LTR;
		column(t, k->text, k->width, al);
		if (k->title && k->width > 0 && t->cfg.nhlgroups > 0)
			tag_groups(t, k->text, k->width, al, from);
	}
}

static int
row_element(const struct tui *t, const struct item *it, size_t i)
{
	/* The selection is list-focus in the pane that has the focus,
	 * list-select while the reader has it. */
	if (i == t->app.list.sel)
		return t->app.focus == FOCUS_LIST ? THEME_LIST_FOCUS :
		    THEME_LIST_SELECT;
	if (it->error != NULL)
		return THEME_FEED_ERROR;
	if (it->unread || (it->type != ITEM_ARTICLE && it->type !=
	    ITEM_FILE && it->n_unread > 0))
		return THEME_LIST_UNREAD;
	return THEME_LIST;
}

/* Feeds and virtual lists: mark, unread/total, title, tags. */
static void
feed_row(struct tui *t, const struct item *it, size_t w)
{
	struct col	c[5];
	char		count[48];
	size_t		n = 0, cw = 10, tw = 0, fixed;

	snprintf(count, sizeof count, "%lld/%lld", (long long)it->n_unread,
	    (long long)it->n_total);
	if (it->tags != NULL && w >= 40) {
		tw = utf8_str_width(it->tags);
		if (tw > w / 4)
			tw = w / 4;
	}
	if (w < 24)
		cw = 0;
	fixed = 2 + cw + (cw ? 1 : 0) + (tw ? tw + 1 : 0);
	c[n++] = (struct col){ it->error != NULL ? "!" : it->n_unread > 0 ?
	    "N" : "", 2, DIR_LTR, 0 };
	if (cw) {
		c[n++] = (struct col){ count, cw, DIR_RTL, 0 };
		c[n++] = (struct col){ "", 1, DIR_LTR, 0 };
	}
	c[n++] = (struct col){ it->title, w > fixed ? w - fixed : 0,
	    DIR_AUTO, 1 };
	if (tw) {
		c[n++] = (struct col){ it->tags, tw + 1, DIR_RTL, 0 };
	}
	columns(t, c, n);
}

/* Articles: mark, date, feed (in lists of several feeds), title. The
 * mark is N (unread), S (saved) or ! (a file that cannot be read), then
 * * when the title or body matches a highlight keyword. */
static void
article_row(struct tui *t, const struct item *it, size_t i, size_t w)
{
	struct col	 c[7];
	char		 date[32] = "", mark[3];
	time_t		 tt = (time_t)it->date;
	struct tm	 tm;
	size_t		 n = 0, dw = 0, fw = 0, fixed;

	if (it->date > 0 && w >= 30 &&
	    localtime_r(&tt, &tm) != NULL) {
		dw = w >= 60 ? 10 : 5;
		strftime(date, sizeof date, dw == 10 ? "%Y-%m-%d" : "%m-%d",
		    &tm);
	}
	if (it->feed != NULL && t->src.list_type != ITEM_FEED && w >= 60)
		fw = w / 5 < 20 ? w / 5 : 20;
	fixed = 2 + (dw ? dw + 1 : 0) + (fw ? fw + 1 : 0);
	mark[0] = it->error != NULL ? '!' : it->unread ? 'N' : it->saved ?
	    'S' : ' ';
	mark[1] = source_highlighted(&t->src, i) ? '*' : '\0';
	mark[2] = '\0';
	c[n++] = (struct col){ mark, 2, DIR_LTR, 0 };
	if (dw) {
		c[n++] = (struct col){ date, dw, DIR_LTR, 0 };
		c[n++] = (struct col){ "", 1, DIR_LTR, 0 };
	}
	if (fw) {
		c[n++] = (struct col){ it->feed, fw, DIR_AUTO, 0 };
		c[n++] = (struct col){ "", 1, DIR_LTR, 0 };
	}
	c[n++] = (struct col){ it->title, w > fixed ? w - fixed : 0,
	    DIR_AUTO, 1 };
	columns(t, c, n);
}

const struct row *
tui_list_row(struct tui *t, size_t i, int *elem)
{
	const struct item	*it;
	size_t			 w = (size_t)t->list_pane.r.w;

	*elem = THEME_LIST;
	if (i >= t->src.n)
		return NULL;
	it = source_item(&t->src, i);
	*elem = row_element(t, it, i);
	free(t->tmp.cells);
	memset(&t->tmp, 0, sizeof t->tmp);
	if (w < 4)
		column(t, it->title, w, DIR_AUTO);
	else if (it->type == ITEM_ARTICLE || it->type == ITEM_FILE)
		article_row(t, it, i, w);
	else
		feed_row(t, it, w);
	return &t->tmp;
}

/* The hits of every colour group in block src of the document. */
static void
group_hits(struct tui *t, size_t src)
{
	const struct block	*b = &t->doc->blocks[src];
	struct match_hit	*h;
	size_t			 g, n, k;

	if (t->gvalid && t->gsrc == src)
		return;
	t->ngh = 0;
	for (g = 0; g < t->cfg.nhlgroups && g < TUI_GROUP_MAX; g++) {
		if (t->gm[g] == NULL || (n = matcher_find(t->gm[g], b->text,
		    b->len, NULL, 0)) == 0)
			continue;
		h = xreallocarray(NULL, n, sizeof *h);
		matcher_find(t->gm[g], b->text, b->len, h, n);
		t->gh = xreallocarray(t->gh, t->ngh + n, sizeof *t->gh);
		for (k = 0; k < n; k++)
			t->gh[t->ngh++] = (struct tui_ghit){ h[k].start,
			    h[k].end, (int)g + 1 };
		free(h);
	}
	t->gsrc = src;
	t->gvalid = 1;
}

const struct row *
tui_reader_row(struct tui *t, size_t i, int *elem)
{
	const struct row	*r;
	struct cell		*c;
	size_t			 j, k;

	*elem = THEME_READER;
	if (t->layout == NULL || (r = layout_row(t->layout, i)) == NULL)
		return NULL;
	if (t->cfg.nhlgroups == 0 || t->hl == NULL || t->doc == NULL ||
	    r->src >= t->doc->nblocks)
		return r;
	for (j = 0; j < r->n && !(r->cells[j].attr & ATTR_HIGHLIGHT); j++)
		;
	if (j == r->n)
		return r;
	group_hits(t, r->src);
	t->rtmp.n = 0;
	row_reserve(&t->rtmp, r->n);
	memcpy(t->rtmp.cells, r->cells, r->n * sizeof *r->cells);
	t->rtmp.n = r->n;
	t->rtmp.width = r->width;
	t->rtmp.src = r->src;
	for (j = 0; j < r->n; j++) {
		c = &t->rtmp.cells[j];
		if (!(c->attr & ATTR_HIGHLIGHT) || c->pos == CELL_NOPOS)
			continue;
		for (k = 0; k < t->ngh; k++)
			if (c->pos >= t->gh[k].start && c->pos < t->gh[k].end) {
				c->attr |= (uint16_t)(t->gh[k].group <<
				    TUI_GROUP_SHIFT);
				break;
			}
	}
	return &t->rtmp;
}
