/*
 * reader_rows.c - what the panes and the status line show, as cells and
 * text, with no curses: a list row is columns laid out by render_line()
 * (left to right, or right to left when the layout is mirrored) after a
 * mark column of fixed places; a reader row comes from the layout, with
 * the highlight group of each cell already recorded by the engine.
 * Widths are terminal cells.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util.h"
#include "utf8.h"
#include "reader.h"
#include "theme.h"

/* The mark column: unread (or ! for an error), saved, highlighted, each
 * in its own place, then a blank toward the title. */
#define MARK_WIDTH	4

struct col {
	const char	*text;
	size_t		 width;
	enum dir	 align;
};

/* The marks in their places, and the blank on the title's side. */
static void
mark_column(struct reader *r, const char marks[3])
{
	size_t	i;

	if (r->app.mirror)
		row_pad(&r->list_row, 1);
	for (i = 0; i < 3; i++)
		row_put(&r->list_row, marks[i] ? (uint32_t)marks[i] : ' ', 0,
		    1);
	if (!r->app.mirror)
		row_pad(&r->list_row, 1);
}

/* Put the columns left to right, or right to left when mirrored. */
static void
columns(struct reader *r, const char marks[3], const struct col *c,
    size_t n)
{
	const struct col	*k;
	enum dir		 al;
	size_t			 i;

	if (!r->app.mirror)
		mark_column(r, marks);
	for (i = 0; i < n; i++) {
		k = &c[r->app.mirror ? n - 1 - i : i];
		al = k->align;
		if (r->app.mirror && al != DIR_AUTO)
			al = al == DIR_LTR ? DIR_RTL : DIR_LTR;
		if (k->width > 0)
			render_title(k->text != NULL ? k->text : "", k->width,
			    al, r->line_flags, &r->opts, &r->list_row);
	}
	if (r->app.mirror)
		mark_column(r, marks);
}

static int
row_element(const struct reader *r, const struct item *it, size_t i)
{
	/* The selection is list-focus in the pane that has the focus,
	 * list-select while the reader has it. */
	if (i == r->app.list.sel)
		return r->app.focus == FOCUS_LIST ? THEME_LIST_FOCUS :
		    THEME_LIST_SELECT;
	if (it->error != NULL)
		return THEME_FEED_ERROR;
	if (it->unread || (it->type != ITEM_ARTICLE && it->type !=
	    ITEM_FILE && it->n_unread > 0))
		return THEME_LIST_UNREAD;
	return THEME_LIST;
}

/* Feeds and virtual lists: unread/total, title, tags. */
static void
feed_row(struct reader *r, const struct item *it, size_t w)
{
	struct col	c[4];
	char		count[48], marks[3] = { 0, 0, 0 };
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
	fixed = MARK_WIDTH + cw + (cw ? 1 : 0) + (tw ? tw + 1 : 0);
	marks[0] = it->error != NULL ? '!' : it->n_unread > 0 ? 'N' : 0;
	if (cw) {
		c[n++] = (struct col){ count, cw, DIR_RTL };
		c[n++] = (struct col){ "", 1, DIR_LTR };
	}
	c[n++] = (struct col){ it->title, w > fixed ? w - fixed : 0,
	    DIR_AUTO };
	if (tw)
		c[n++] = (struct col){ it->tags, tw + 1, DIR_RTL };
	columns(r, marks, c, n);
}

/* The width of the feed column of a list mixing feeds, or 0. */
static size_t
feed_width(const struct reader *r, const struct item *it, size_t w)
{
	if (it->feed == NULL || r->src.list_type == ITEM_FEED ||
	    r->src.kind != SOURCE_ARTICLES || w < 36)
		return 0;
	return w / 4 < 20 ? w / 4 : 20;
}

/* Articles: marks, date, feed (in lists of several feeds), title. */
static void
article_row(struct reader *r, const struct item *it, size_t i, size_t w)
{
	struct col	 c[5];
	char		 date[32] = "", marks[3];
	time_t		 tt = (time_t)it->date;
	struct tm	 tm;
	size_t		 n = 0, dw = 0, fw, fixed;

	if (it->date > 0 && w >= 30 && localtime_r(&tt, &tm) != NULL) {
		dw = w >= 60 ? 10 : 5;
		strftime(date, sizeof date, dw == 10 ? "%Y-%m-%d" : "%m-%d",
		    &tm);
	}
	fw = feed_width(r, it, w);
	fixed = MARK_WIDTH + (dw ? dw + 1 : 0) + (fw ? fw + 1 : 0);
	marks[0] = it->error != NULL ? '!' : it->unread ? 'N' : 0;
	marks[1] = it->saved ? 'S' : 0;
	marks[2] = source_highlighted(&r->src, i) ? '*' : 0;
	if (dw) {
		c[n++] = (struct col){ date, dw, DIR_LTR };
		c[n++] = (struct col){ "", 1, DIR_LTR };
	}
	if (fw) {
		c[n++] = (struct col){ it->feed, fw, DIR_AUTO };
		c[n++] = (struct col){ "", 1, DIR_LTR };
	}
	c[n++] = (struct col){ it->title, w > fixed ? w - fixed : 0,
	    DIR_AUTO };
	columns(r, marks, c, n);
}

const struct row *
reader_list_row(struct reader *r, size_t i, size_t width, int *elem)
{
	const struct item	*it;

	*elem = THEME_LIST;
	if (i >= r->src.n)
		return NULL;
	it = source_item(&r->src, i);
	*elem = row_element(r, it, i);
	r->list_row.n = r->list_row.width = 0;
	if (width < 8)
		render_title(it->title != NULL ? it->title : "", width,
		    DIR_AUTO, r->line_flags, &r->opts, &r->list_row);
	else if (it->type == ITEM_ARTICLE || it->type == ITEM_FILE)
		article_row(r, it, i, width);
	else
		feed_row(r, it, width);
	return &r->list_row;
}

const struct row *
reader_text_row(struct reader *r, size_t i)
{
	return r->layout != NULL ? layout_row(r->layout, i) : NULL;
}

/* "[#####-----] 3/10 Feed" while refreshing. */
static void
progress(const struct reader *r, struct buf *b)
{
	const struct reader_progress	*p = &r->progress;
	size_t				 i, fill = 0, n = 10;

	if (p->total > 0)
		fill = p->done * n / p->total;
	buf_puts(b, "refresh [");
	for (i = 0; i < n; i++)
		buf_putc(b, i < fill ? '#' : '-');
	buf_printf(b, "] %zu/%zu", p->done, p->total);
	if (p->current != NULL)
		buf_printf(b, " %s", p->current);
	buf_puts(b, "  ");
}

/* The right part: search hits, position and hints. */
static void
status_right(const struct reader *r, struct buf *b)
{
	const struct app		*a = &r->app;
	const struct reader_search	*s = &r->search;
	size_t				 h = app_reader_height(a);

	if (s->word != NULL && s->pane == FOCUS_READER &&
	    reader_text_focused(r))
		buf_printf(b, "hit %zu of %zu  ", s->nrows ? s->row + 1 : 0,
		    s->nrows);
	else if (s->word != NULL && s->pane == FOCUS_LIST &&
	    !reader_text_focused(r) && s->ntitles > 0)
		buf_printf(b, "hit %zu of %zu  ", s->title, s->ntitles);
	if (reader_text_focused(r)) {
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

void
reader_status(const struct reader *r, struct buf *left, struct buf *right,
    int *elem)
{
	*elem = THEME_STATUS;
	if (r->prompting) {
		buf_puts(left, reader_prompt_label(r));
		buf_add(left, r->prompt.data, r->prompt.len);
		return;
	}
	if (r->progress.running)
		progress(r, left);
	if (r->full.fetching != 0 && (r->msg == NULL ||
	    strstr(r->msg, "fetching the full text") == NULL))
		buf_puts(left, " [fetching the full text]");
	if (r->msg != NULL) {
		buf_puts(left, r->msg);
		if (r->msg_level != MSG_INFO)
			*elem = THEME_STATUS_ERROR;
	} else
		buf_printf(left, " %s", r->src.title != NULL ? r->src.title :
		    "");
	status_right(r, right);
}
