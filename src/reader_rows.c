/*
 * reader_rows.c - what the panes and the status line show, as cells and
 * text, with no curses: a list row is columns laid out by render_line()
 * (left to right, or right to left when the layout is mirrored) after a
 * mark column of fixed places; a reader row comes from the layout, with
 * the highlight group of each cell already recorded by the engine.
 * Widths are terminal cells.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"
#include "utf8.h"
#include "reader.h"
#include "theme.h"
#include "i18n.h"
#include "bidi.h"

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

/* The count column's width in a list of w cells: "unread/total" of the
 * largest counts known in a list of feeds (the first FEED_SCAN items,
 * read as they are: a virtual list such as "All articles" knows its
 * counts, a feed its total once drawn), at least 10 cells and at most a
 * third of the row, so that a million articles read "333333/1000000",
 * never a cut "333333/10…". */
#define FEED_SCAN	4096
static size_t
count_width(const struct reader *r, size_t w)
{
	const struct item	*it;
	long long		 u = 0, t = 0;
	size_t			 i, cw;
	char			 num[48];

	for (i = 0; r->src.kind == SOURCE_FEEDS && !r->src.paged &&
	    i < r->src.n && i < FEED_SCAN; i++) {
		it = &r->src.v[i];
		if (it->type == ITEM_ARTICLE || it->type == ITEM_FILE)
			continue;
		if (it->n_unread > u)
			u = it->n_unread;
		if (it->n_total > t)
			t = it->n_total;
	}
	cw = (size_t)snprintf(num, sizeof num, "%lld/%lld", u, t);
	if (cw < 10)
		cw = 10;
	return cw > w / 3 ? w / 3 : cw;
}

/* Feeds and virtual lists: unread/total, title, tags. */
static void
feed_row(struct reader *r, const struct item *it, size_t w)
{
	struct col	c[4];
	char		num[48], count[96], marks[3] = { 0, 0, 0 };
	size_t		n = 0, cw = count_width(r, w), tw = 0, fixed;

	snprintf(num, sizeof num, "%lld/%lld", (long long)it->n_unread,
	    (long long)it->n_total);
	ldate_digits_apply(r->dates, num, count, sizeof count);
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

/* The date column's width: ISO dates "2024-03-20" (10) or "03-20" (5),
 * a locale's month and day ("20 במרץ", "١٢ ذو القعدة") up to 12 cells,
 * relative times ("قبل ٥ دقائق") up to 14. */
static size_t
reader_date_width(const struct reader *r, size_t w)
{
	size_t	dw = w >= 60 ? 10 : 5;

	if (ldate_localized(r->dates) && w >= 60)
		dw = 12;
	if (r->cfg.date_relative && w >= 60)
		dw = 14;
	return dw;
}

/* Articles: marks, date, feed (in lists of several feeds), title. */
static void
article_row(struct reader *r, const struct item *it, size_t i, size_t w)
{
	struct col	 c[5];
	char		 date[64] = "", marks[3];
	size_t		 n = 0, dw = 0, fw, fixed;

	if (it->date > 0 && w >= 30 && r->dates != NULL) {
		dw = reader_date_width(r, w);
		ldate_format(r->dates, it->date, (int64_t)time(NULL),
		    w >= 60 ? LDATE_SHORT : LDATE_NARROW, date, sizeof date);
	}
	fw = feed_width(r, it, w);
	fixed = MARK_WIDTH + (dw ? dw + 1 : 0) + (fw ? fw + 1 : 0);
	marks[0] = it->error != NULL ? '!' : it->unread ? 'N' : 0;
	marks[1] = it->saved ? 'S' : 0;
	marks[2] = source_highlighted(&r->src, i) ? '*' : 0;
	if (dw) {
		c[n++] = (struct col){ date, dw, ldate_localized(r->dates) ?
		    DIR_AUTO : DIR_LTR };
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
	buf_printf(b, "%s [", _("refresh"));
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
		buf_printf(b, _("hit %zu of %zu"), s->nrows ? s->row + 1 : 0,
		    s->nrows);
	else if (s->word != NULL && s->pane == FOCUS_LIST &&
	    !reader_text_focused(r) && s->ntitles > 0)
		buf_printf(b, _("hit %zu of %zu"), s->title, s->ntitles);
	if (b->len > 0)
		buf_puts(b, "  ");
	if (reader_text_focused(r)) {
		/* TRANSLATORS: the whole article fits in the pane (as less
		 * and vim say "All"). */
		if (a->reader.n <= h)
			buf_puts(b, _("All"));
		/* TRANSLATORS: the pane shows the top of the article. */
		else if (a->reader.top == 0)
			buf_puts(b, _("Top"));
		/* TRANSLATORS: the pane shows the end of the article. */
		else if (a->reader.top >= app_reader_max_top(a))
			buf_puts(b, _("Bot"));
		else
			buf_printf(b, "%zu%%", (a->reader.top + h) * 100 /
			    a->reader.n);
	} else
		buf_printf(b, "%zu/%zu", a->list.n ? a->list.sel + 1 : 0,
		    a->list.n);
	buf_printf(b, "  %s ", _("?:help q:quit"));
}

/* The cursor after text (len code points, no blank at either end, t
 * blanks after it) laid out w cells wide, right-aligned in an RTL
 * paragraph when right, else left-aligned (see reader_prompt_cursor()).
 * May be out of 0..w-1. */
static long
cursor_after(const uint32_t *text, size_t len, size_t t, int right,
    int flags, size_t w)
{
	struct bidi_para	*p;
	const uint32_t		*shaped;
	const int8_t		*lv;
	size_t			*map, v, x = 0, used = 0, i;
	long			 off, cur = -1;
	int			 rtl;

	p = bidi_para_create(text, len, right ? DIR_RTL : DIR_AUTO,
	    BIDI_KEEP_NSM | BIDI_UNTRUSTED |
	    (flags & RENDER_SHAPE ? BIDI_SHAPE : 0));
	shaped = bidi_para_text(p);
	lv = bidi_para_levels(p);
	rtl = bidi_para_rtl(p);
	for (i = 0; i < len; i++)
		used += shaped[i] == 0xA0 ? 1 : utf8_is_printable(shaped[i]) ?
		    (size_t)utf8_width(shaped[i]) : 0;
	off = right ? (long)w - (long)used : 0;
	map = xreallocarray(NULL, len, sizeof *map);
	bidi_para_reorder(p, 0, len, map);
	for (v = 0; v < len; v++) {
		i = map[v];
		if (i == len - 1) {
			size_t	cw = utf8_is_printable(shaped[i]) ?
				    (size_t)utf8_width(shaped[i]) : 0;

			if (lv[i] & 1)
				cur = off + (long)x - (right ? 1 : 0);
			else
				cur = off + (long)x + (long)cw - (right ? 1 : 0);
		}
		x += shaped[map[v]] == 0xA0 ? 1 :
		    utf8_is_printable(shaped[map[v]]) ?
		    (size_t)utf8_width(shaped[map[v]]) : 0;
	}
	/* Trailing spaces take the paragraph's direction, at its end. */
	if (t > 0)
		cur = rtl ? off - (long)t - (right ? 1 : 0) :
		    off + (long)used + (long)t;
	free(map);
	bidi_para_free(p);
	return cur;
}

size_t
reader_prompt_cursor(const struct reader *r, const char *line, size_t w)
{
	uint32_t	*cps;
	size_t		 n, t = 0, s = 0;
	long		 cur;

	if (w == 0)
		return 0;
	cps = utf8_to_cps(line, strlen(line), &n);
	while (t < n && cps[n - 1 - t] == ' ')
		t++;
	while (s < n - t && cps[s] == ' ')
		s++;
	if (r->line_flags & RENDER_LOGICAL || n - t - s == 0) {
		/* Logical order, left-aligned (bidi terminal or off), or
		 * nothing but blanks. */
		cur = (long)utf8_str_width(line);
		if (r->ui_rtl)	/* right-aligned: the end is on the right */
			cur = n - t - s == 0 ? (long)w - 1 - (long)(t + s) :
			    (long)w - 1;
	} else
		cur = cursor_after(cps + s, n - t - s, t, r->ui_rtl,
		    r->line_flags, w);
	free(cps);
	if (cur < 0)
		return 0;
	return (size_t)cur >= w ? w - 1 : (size_t)cur;
}

/* status_right() in the digits of the dates (١/٤ in Arabic). */
static void
status_right_digits(const struct reader *r, struct buf *right)
{
	struct buf	 b = { 0 };
	char		*out;
	size_t		 n;

	if (r->dates == NULL || ldate_digits_used(r->dates) ==
	    LDATE_DIGITS_LATIN) {
		status_right(r, right);
		return;
	}
	status_right(r, &b);
	buf_putc(&b, '\0');
	n = b.len * 2 + 1;
	out = xmalloc(n);
	buf_add(right, out, ldate_digits_apply(r->dates, b.data, out, n));
	free(out);
	buf_free(&b);
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
	/* The message itself says it (translated: compared translated). */
	if (r->full.fetching != 0 && (r->msg == NULL ||
	    strcmp(r->msg, _("fetching the full text...")) != 0))
		buf_printf(left, " [%s]", _("fetching the full text"));
	if (r->msg != NULL) {
		buf_puts(left, r->msg);
		if (r->msg_level != MSG_INFO)
			*elem = THEME_STATUS_ERROR;
	} else
		buf_printf(left, " %s", r->src.title != NULL ? r->src.title :
		    "");
	status_right_digits(r, right);
}

char *
reader_status_fit(const char *s, size_t width)
{
	const char	*p, *end, *cut, *keep;
	char		*out;
	int		 slashes;

	if (utf8_str_width(s) <= width)
		return xstrdup(s);
	/* The first word that starts with '/'. */
	for (p = s; (p = strchr(p, '/')) != NULL && p != s && p[-1] != ' ';
	    p++)
		;
	if (p == NULL)
		return xstrdup(s);
	end = p + strcspn(p, ": ");
	/* Keep at least the last two components: stop at the second '/'
	 * from the end of the path. */
	for (keep = end, slashes = 0; keep > p; keep--)
		if (keep[-1] == '/' && ++slashes == 2)
			break;
	if (keep <= p + 1)
		return xstrdup(s);
	keep--;					/* on that '/' */
	for (cut = p + 1; ; cut++) {
		cut += strcspn(cut, "/");	/* the next '/' */
		if (cut > keep)
			cut = keep;
		out = xasprintf("%.*s\xe2\x80\xa6%s", (int)(p - s), s, cut);
		if (utf8_str_width(out) <= width || cut == keep)
			return out;
		free(out);
	}
}
