/*
 * reader.c - the reader's state and its actions, with no curses: opening
 * the store or the files, the list and its selection, the document in
 * the reader pane and its layout, moving, focus, the message log and the
 * table of handlers, one per action (as tmux's cmd-*.c: a table, not a
 * switch). The terminal hands keys in through reader_key() and gets back
 * the actions only it can perform. Times are milliseconds of r->clock;
 * coordinates are terminal cells.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util.h"
#include "utf8.h"
#include "match.h"
#include "reader.h"
#include "store.h"
#include "theme.h"
#include "i18n.h"

typedef void (*reader_handler)(struct reader *, unsigned count);

static int64_t
no_clock(void)
{
	return 0;
}

void
reader_init(struct reader *r)
{
	memset(r, 0, sizeof *r);
	config_init(&r->cfg);
	r->doc_item = -1;
	r->clock = no_clock;
	r->dirty = READER_DIRTY_ALL;
}

/* ---- messages ---- */

static void
log_add(struct reader *r, const char *line)
{
	struct reader_log	*l = &r->log;

	if (l->n == READER_LOG_MAX) {
		free(l->v[0]);
		memmove(l->v, l->v + 1, (l->n - 1) * sizeof *l->v);
		l->n--;
		l->dropped++;
	}
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = utf8_sanitize(line, strlen(line), UTF8_FOLD_SPACE);
}

void
reader_log(struct reader *r, const char *fmt, ...)
{
	va_list	 ap;
	char	 s[1024];

	va_start(ap, fmt);
	vsnprintf(s, sizeof s, fmt, ap);
	va_end(ap);
	log_add(r, s);
}

void
reader_message(struct reader *r, enum reader_level level, const char *fmt,
    ...)
{
	va_list	 ap;
	char	 s[1024], *iso;

	free(r->msg);
	r->msg = NULL;
	if (fmt != NULL) {
		va_start(ap, fmt);
		vsnprintf(s, sizeof s, fmt, ap);
		va_end(ap);
		r->msg = utf8_sanitize(s, strlen(s), UTF8_FOLD_SPACE);
		if (r->ui_rtl) {	/* paths and URLs keep their order */
			iso = i18n_isolate(r->msg);
			free(r->msg);
			r->msg = iso;
		}
		if (level != MSG_INFO)
			log_add(r, s);
	}
	r->msg_level = level;
	r->dirty |= READER_DIRTY_STATUS;
}

/* ---- the document ---- */

void
reader_relayout(struct reader *r)
{
	const struct row	*row;
	size_t			 src = 0, n = 0;
	int			 have = 0;

	if (r->layout != NULL &&
	    (row = layout_row(r->layout, r->app.reader.top)) != NULL) {
		src = row->src;
		have = r->app.reader.top > 0;
	}
	layout_free(r->layout);
	r->layout = NULL;
	r->opts.width = r->app.geom.reader.w > 2 ?
	    (size_t)r->app.geom.reader.w : 2;
	if (r->doc != NULL) {
		r->layout = layout_create(r->doc, &r->opts);
		n = layout_count(r->layout);
	}
	app_reader_set(&r->app, n);
	if (have)
		app_reader_goto(&r->app, layout_block_row(r->layout, src));
	reader_search_rows(r);
	r->dirty |= READER_DIRTY_TEXT | READER_DIRTY_STATUS;
}

void
reader_set_doc(struct reader *r, struct doc *d, long item)
{
	layout_free(r->layout);
	r->layout = NULL;
	doc_free(r->doc);
	r->doc = d;
	r->doc_item = item;
	reader_relayout(r);
}

int
reader_is_unread_article(const struct reader *r, long i)
{
	const struct item	*it;

	if (i < 0 || (size_t)i >= r->src.n)
		return 0;
	it = source_at(&r->src, (size_t)i);
	return it->unread && (it->type == ITEM_ARTICLE ||
	    it->type == ITEM_FILE);
}

void
reader_show(struct reader *r, long i)
{
	const struct item	*it = NULL;
	struct doc		*d = NULL;
	char			*cause = NULL;
	int64_t			 id = 0;
	int			 full = 0, article = 0;

	if (i == r->doc_item && r->doc != NULL)
		return;
	if (i >= 0 && (size_t)i < r->src.n) {
		it = source_at(&r->src, (size_t)i);
		article = it->type == ITEM_ARTICLE;
		id = it->id;
	}
	r->welcome = reader_first_run(r) && (it == NULL || (!article &&
	    it->type != ITEM_FILE));
	r->full.shown = 0;
	if (r->welcome)
		d = reader_first_run_doc(r);
	else if (it != NULL && (d = source_doc_text(&r->src, (size_t)i,
	    article && id != r->full.feed_only, &full, &cause)) == NULL) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
	}
	if (d != NULL && full)
		r->full.shown = id;
	reader_set_doc(r, d, i);
}

void
reader_selection_changed(struct reader *r)
{
	long	i = r->app.list.n ? (long)r->app.list.sel : -1;

	r->dirty |= READER_DIRTY_LIST | READER_DIRTY_STATUS;
	if (r->screen != SCREEN_NONE)
		return;
	reader_show(r, i);
	reader_read_timer(r, i);
}

void
reader_reload(struct reader *r)
{
	enum item_type	 st = ITEM_FEED, dt = ITEM_FEED;
	int64_t		 sid = -1, did = -1;
	char		*cause = NULL;
	long		 i;

	if (r->app.list.sel < r->src.n) {
		st = source_at(&r->src, r->app.list.sel)->type;
		sid = source_at(&r->src, r->app.list.sel)->id;
	}
	if (r->doc_item >= 0 && (size_t)r->doc_item < r->src.n) {
		dt = source_at(&r->src, r->doc_item)->type;
		did = source_at(&r->src, r->doc_item)->id;
	}
	if (source_reload(&r->src, &cause) == -1) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
	}
	i = source_find(&r->src, st, sid);
	app_list_set(&r->app, r->src.n, i >= 0 ? (size_t)i :
	    r->app.list.sel);
	r->doc_item = source_find(&r->src, dt, did);
	if (r->read_at != 0)
		r->read_item = r->doc_item;
	r->dirty |= READER_DIRTY_LIST | READER_DIRTY_STATUS;
	/* The first articles have come: the selection's own page. */
	if (r->welcome && r->screen == SCREEN_NONE && !reader_first_run(r)) {
		r->doc_item = -2;
		reader_show(r, r->app.list.n ? (long)r->app.list.sel : -1);
	}
}

void
reader_open_list(struct reader *r, const struct item *it)
{
	struct item	 copy = *it;
	char		*cause = NULL;

	if (r->src.kind == SOURCE_FEEDS)
		r->feeds_sel = r->app.list.sel;
	if (source_load_articles(&r->src, &copy, &cause) == -1) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
	}
	reader_search_clear(r);
	r->doc_item = -1;
	app_list_set(&r->app, r->src.n, 0);
	r->app.list.top = 0;
	reader_selection_changed(r);
}

/* Back from an article list to the feed list. */
static void
open_feeds(struct reader *r, size_t sel)
{
	char	*cause = NULL;

	if (source_load_feeds(&r->src, &cause) == -1) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
	}
	reader_search_clear(r);
	r->doc_item = -1;
	app_list_set(&r->app, r->src.n, sel);
	reader_selection_changed(r);
}

/* ---- opening ---- */

int
reader_open_store(struct reader *r, char **cause)
{
	size_t	 i;
	int64_t	 id;
	char	*why = NULL;

	r->urls_missing = access(r->urls_path, F_OK) != 0;
	if (urls_load(r->urls_path, 1, &r->urls, cause) == -1)
		return -1;
	for (i = 0; i < r->urls.nwarnings; i++)
		reader_log(r, "%s", r->urls.warnings[i]);
	if ((r->st = store_open(r->store_path, cause)) == NULL)
		return -1;
	/* No store_map_reads(): with the counts kept (schema 7) the start
	 * walks no index, and every page read through the map stayed in
	 * the reader's RSS (fault-around maps 64 KB a fault): a 10k-article
	 * feed of a 1M store took it from 9 to 227 MB, 12 MB without. */
	/* Subscribed feeds show before their first fetch. */
	for (i = 0; i < r->urls.n; i++)
		if (!store_feed_known(r->st, r->urls.v[i].url,
		    r->urls.v[i].name, &id) &&
		    store_feed_add(r->st, r->urls.v[i].url, r->urls.v[i].name,
		    &id, &why) == -1) {
			reader_log(r, "%s: %s", r->urls.v[i].url, why);
			free(why);
			why = NULL;
		}
	source_init_store(&r->src, r->st, &r->urls);
	r->src.feed_sort_title = r->cfg.feed_sort_title;
	r->src.query_names = r->cfg.query_names;
	r->src.query_searches = r->cfg.query_searches;
	r->src.nqueries = r->cfg.nqueries;
	reader_ignore_refilter(r);
	return 0;
}

void
reader_open_files(struct reader *r, char **paths, size_t n)
{
	source_init_files(&r->src, paths, n);
}

/* Open the date formatters the config asks for; when ICU cannot, ISO
 * dates and a line in the log. */
static void
reader_dates_open(struct reader *r)
{
	struct ldate_opts	 o = { 0 };
	char			*cause = NULL;

	o.format = r->cfg.date_format;
	o.calendar = r->cfg.date_calendar;
	o.digits = r->cfg.digits;
	o.relative = r->cfg.date_relative;
	if ((r->dates = ldate_create(&o, &cause)) == NULL) {
		reader_log(r, "%s", cause);
		free(cause);
		o.format = LDATE_ISO;
		o.relative = 0;
		r->dates = ldate_create(&o, &cause);
	}
	r->src.dates = r->dates;
}

int
reader_start(struct reader *r, int cols, int lines, int mirror,
    char **cause)
{
	size_t	i;

	for (i = 0; i < r->cfg.nerrors; i++)
		reader_log(r, "%s", r->cfg.errors[i]);
	reader_dates_open(r);
	for (i = 0; i < r->cfg.nhighlight; i++)
		reader_keyword_add(r, r->cfg.highlight[i]);
	reader_keywords_build(r);
	if (r->st != NULL && source_load_feeds(&r->src, cause) == -1)
		return -1;
	r->line_flags = r->cfg.bidi == BIDI_MODE_APP ? RENDER_SHAPE :
	    RENDER_LOGICAL;
	r->opts.shaping = r->cfg.bidi == BIDI_MODE_APP;
	r->opts.logical = r->cfg.bidi != BIDI_MODE_APP;
	r->opts.dir = DIR_AUTO;
	app_init(&r->app, cols, lines, r->cfg.split_threshold, mirror);
	app_list_set(&r->app, r->src.n, 0);
	reader_selection_changed(r);
	if (r->cfg.nerrors > 1 || (r->cfg.nerrors == 0 && r->log.n > 1))
		reader_message(r, MSG_WARNING, _("%s (and more: M shows "
		    "them)"), r->cfg.nerrors ? r->cfg.errors[0] :
		    r->log.v[0]);
	else if (r->cfg.nerrors > 0 || r->log.n > 0)
		reader_message(r, MSG_WARNING, "%s", r->cfg.nerrors ?
		    r->cfg.errors[0] : r->log.v[0]);
	else if (r->src.n == 0)
		reader_message(r, MSG_INFO, _("nothing to read: add feeds to "
		    "%s, or name article files"), r->urls_path);
	/* The list marks them with !; the log says why. */
	reader_log_feed_errors(r, 0);
	return 0;
}

struct feed_errors {
	struct reader	*r;
	int64_t		 since;
};

static int
feed_error_cb(const struct store_feed *f, void *arg)
{
	struct feed_errors	*fe = arg;

	if (f->last_error != NULL && f->last_fetch >= fe->since)
		reader_log(fe->r, _("%s (%s): %s"), f->title != NULL ?
		    f->title : _("feed"), f->url, f->last_error);
	return 0;
}

void
reader_log_feed_errors(struct reader *r, int64_t since)
{
	struct feed_errors	 fe = { r, since };
	char			*cause = NULL;

	if (r->st != NULL && store_feeds(r->st, feed_error_cb, &fe,
	    &cause) == -1) {
		reader_log(r, "%s", cause);
		free(cause);
	}
}

void
reader_resize(struct reader *r, int cols, int lines)
{
	app_resize(&r->app, cols, lines);
	r->dirty |= READER_DIRTY_ALL;
	reader_relayout(r);
}

void
reader_free(struct reader *r)
{
	size_t	i;

	layout_free(r->layout);
	doc_free(r->doc);
	ldate_free(r->dates);
	reader_search_clear(r);
	free(r->search.rows);
	free(r->search.hits);
	reader_keywords_free(r);
	for (i = 0; i < r->kw.nown; i++)
		free(r->kw.own[i]);
	free(r->kw.own);
	source_free(&r->src);
	store_close(r->st);
	urls_free(&r->urls);
	config_free(&r->cfg);
	free(r->urls_path);
	free(r->config_path);
	free(r->ignore_line);
	free(r->ignore_prompt);
	free(r->tag_prompt);
	free(r->store_path);
	free(r->msg);
	free(r->pipe_line);
	free(r->notify.v);
	for (i = 0; i < r->log.n; i++)
		free(r->log.v[i]);
	free(r->log.v);
	free(r->undo.ids);
	free(r->progress.current);
	free(r->list_row.cells);
	buf_free(&r->prompt);
	memset(r, 0, sizeof *r);
}

/* ---- moving ---- */

int
reader_text_focused(const struct reader *r)
{
	return r->app.focus == FOCUS_READER || r->app.zoom;
}

static size_t
page(const struct reader *r, int text)
{
	size_t	h = text ? app_reader_height(&r->app) :
	    app_list_height(&r->app);

	return h > 1 ? h : 1;
}

static void
move_list(struct reader *r, long delta)
{
	if (app_list_move(&r->app, delta))
		reader_selection_changed(r);
}

static void
scroll_text(struct reader *r, long delta)
{
	if (app_reader_scroll(&r->app, delta) != 0)
		r->dirty |= READER_DIRTY_STATUS;
}

/* Move by delta rows in the focused pane. */
static void
move(struct reader *r, long delta)
{
	if (reader_text_focused(r))
		scroll_text(r, delta);
	else
		move_list(r, delta);
}

static void
act_down(struct reader *r, unsigned n)
{
	move(r, n ? (long)n : 1);
}

static void
act_up(struct reader *r, unsigned n)
{
	move(r, -(n ? (long)n : 1));
}

static void
act_page_down(struct reader *r, unsigned n)
{
	move(r, (long)page(r, reader_text_focused(r)) * (n ? (long)n : 1));
}

static void
act_page_up(struct reader *r, unsigned n)
{
	move(r, -(long)page(r, reader_text_focused(r)) * (n ? (long)n : 1));
}

static void
act_top(struct reader *r, unsigned n)
{
	if (reader_text_focused(r)) {
		app_reader_goto(&r->app, n ? n - 1 : 0);
		r->dirty |= READER_DIRTY_STATUS;
	} else
		move_list(r, (n ? (long)n - 1 : 0) - (long)r->app.list.sel);
}

static void
act_bottom(struct reader *r, unsigned n)
{
	if (reader_text_focused(r)) {
		app_reader_goto(&r->app, n ? n - 1 : (size_t)-1);
		r->dirty |= READER_DIRTY_STATUS;
	} else
		move_list(r, n ? (long)n - 1 - (long)r->app.list.sel :
		    (long)r->app.list.n);
}

static void
focus(struct reader *r, enum app_focus f)
{
	if (r->app.focus == f)
		return;
	app_focus_set(&r->app, f);
	if (f == FOCUS_READER && r->doc_item >= 0 &&
	    (size_t)r->doc_item == r->app.list.sel)
		reader_mark_read(r, r->doc_item);
	r->dirty |= READER_DIRTY_STATUS | READER_DIRTY_LIST;
}

static void
act_open(struct reader *r, unsigned n)
{
	const struct item	*it;

	if (r->app.focus == FOCUS_READER || r->app.list.sel >= r->src.n)
		return;
	it = source_at(&r->src, r->app.list.sel);
	if (it->type == ITEM_ARTICLE || it->type == ITEM_FILE) {
		reader_show(r, (long)r->app.list.sel);
		reader_mark_read(r, (long)r->app.list.sel);
		app_focus_set(&r->app, FOCUS_READER);
		r->dirty |= READER_DIRTY_STATUS | READER_DIRTY_LIST;
	} else
		reader_open_list(r, it);
}

/* Zoom on or off, for the geometry to follow. */
static void
set_zoom(struct reader *r, int zoom)
{
	r->app.zoom = zoom;
	if (zoom)
		r->app.focus = FOCUS_READER;
	app_resize(&r->app, r->app.cols, r->app.lines);
	r->dirty |= READER_DIRTY_ALL;
	reader_relayout(r);
}

static void
act_quit(struct reader *r, unsigned n)
{
	if (r->screen != SCREEN_NONE)
		reader_screen_close(r);
	else if (r->app.zoom)
		set_zoom(r, 0);
	else if (r->app.focus == FOCUS_READER)
		focus(r, FOCUS_LIST);
	else if (r->src.kind == SOURCE_ARTICLES)
		open_feeds(r, r->feeds_sel);
	else
		r->quit = 1;
}

static void
act_quit_now(struct reader *r, unsigned n)
{
	r->quit = 1;
}

static void
act_focus_next(struct reader *r, unsigned n)
{
	if (!r->app.zoom)
		focus(r, r->app.focus == FOCUS_LIST ? FOCUS_READER :
		    FOCUS_LIST);
}

static void
act_left(struct reader *r, unsigned n)
{
	if (!r->app.zoom)
		focus(r, r->app.geom.side ? app_focus_left(&r->app) :
		    FOCUS_LIST);
}

static void
act_right(struct reader *r, unsigned n)
{
	if (!r->app.zoom)
		focus(r, r->app.geom.side ? (app_focus_left(&r->app) ==
		    FOCUS_LIST ? FOCUS_READER : FOCUS_LIST) : FOCUS_READER);
}

static int
item_has_unread(const struct item *it)
{
	if (it->type == ITEM_ARTICLE || it->type == ITEM_FILE)
		return it->unread;
	return it->type == ITEM_FEED && it->n_unread > 0;
}

/* In a feed's articles with none left that way: the next (dir 1) or
 * previous feed with unread articles, wrapping, as newsboat's n and p
 * do. Returns 0 when there is none. */
static int
step_feed(struct reader *r, int dir)
{
	struct item	*feeds = NULL, it;
	int64_t		 from = r->src.feed_id;
	char		*cause = NULL;
	size_t		 nf = 0, i, k, at = 0;
	int		 found = 0;

	if (r->src.kind != SOURCE_ARTICLES || r->src.list_type != ITEM_FEED)
		return 0;
	if (source_load_feeds(&r->src, &cause) == -1) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
		return 0;
	}
	for (i = 0; i < r->src.n; i++)
		if (source_at(&r->src, i)->type == ITEM_FEED) {
			feeds = xreallocarray(feeds, nf + 1, sizeof *feeds);
			feeds[nf] = *source_at(&r->src, i);
			if (feeds[nf].id == from)
				at = nf;
			nf++;
		}
	for (k = 1; k < nf && !found; k++) {
		i = (at + (dir > 0 ? k : nf - k)) % nf;
		if (feeds[i].n_unread > 0) {
			found = 1;
			r->feeds_sel = (size_t)source_find(&r->src, ITEM_FEED,
			    feeds[i].id);
			it = feeds[i];
		}
	}
	if (found) {
		it.title = xstrdup(it.title != NULL ? it.title : "");
		app_list_set(&r->app, r->src.n, r->feeds_sel);
		reader_open_list(r, &it);
		free(it.title);
	} else {
		/* Back into the feed's list where it was. */
		it = feeds != NULL ? feeds[at] : (struct item){ 0 };
		it.title = xstrdup(it.title != NULL ? it.title : "");
		reader_open_list(r, &it);
		free(it.title);
	}
	free(feeds);
	return found;
}

/* The first unread item from i on, in direction dir; -1 none. */
static long
find_unread(struct reader *r, long i, int dir)
{
	if (r->src.paged)	/* articles only, maybe a million */
		return source_next_unread(&r->src, i, dir);
	for (; i >= 0 && (size_t)i < r->src.n; i += dir)
		if (item_has_unread(source_at(&r->src, i)))
			return i;
	return -1;
}

static void
step_unread(struct reader *r, int dir)
{
	long	i;

	if (r->search.m != NULL && r->search.pane == (reader_text_focused(r) ?
	    FOCUS_READER : FOCUS_LIST)) {
		reader_search_step(r, dir);
		return;
	}
	/* Moving on with n or p is done with the article shown: it is
	 * read, as in newsboat, unless the config never marks articles
	 * read by showing them (mark-read-delay -1). The articles passed
	 * over were never shown and stay unread. */
	if (r->cfg.mark_read_delay >= 0 && r->doc_item >= 0 &&
	    (size_t)r->doc_item == r->app.list.sel)
		reader_mark_read(r, r->doc_item);
	i = find_unread(r, (long)r->app.list.sel + dir, dir);
	if (i < 0 && step_feed(r, dir))
		i = find_unread(r, dir > 0 ? 0 : (long)r->src.n - 1, dir);
	else if (i < 0 && r->src.kind != SOURCE_ARTICLES)
		/* The feed list and files wrap too. */
		i = find_unread(r, dir > 0 ? 0 : (long)r->src.n - 1, dir);
	if (i < 0) {
		reader_message(r, MSG_INFO, _("no more unread items"));
		return;
	}
	app_list_select(&r->app, (size_t)i);
	reader_selection_changed(r);
}

static void
act_next_unread(struct reader *r, unsigned n)
{
	step_unread(r, 1);
}

static void
act_prev_unread(struct reader *r, unsigned n)
{
	step_unread(r, -1);
}

long
reader_current(const struct reader *r)
{
	long	i = r->app.focus == FOCUS_READER ? r->doc_item :
	    (long)r->app.list.sel;

	if (i < 0 || (size_t)i >= r->src.n || (source_at(&r->src, i)->type !=
	    ITEM_ARTICLE && source_at(&r->src, i)->type != ITEM_FILE))
		return -1;
	return i;
}

static void
act_search(struct reader *r, unsigned n)
{
	reader_prompt_start(r, PROMPT_SEARCH);
	if (r->app.zoom)
		r->app.focus = FOCUS_READER;
}

static void
act_search_next(struct reader *r, unsigned n)
{
	reader_search_step(r, 1);
}

static void
act_search_prev(struct reader *r, unsigned n)
{
	reader_search_step(r, -1);
}

static void
act_highlight(struct reader *r, unsigned n)
{
	reader_prompt_start(r, PROMPT_HIGHLIGHT);
}

static void
act_search_store(struct reader *r, unsigned n)
{
	if (r->st == NULL) {
		reader_message(r, MSG_ERROR, _("search across the store needs "
		    "the store (reading files: / searches this list)"));
		return;
	}
	reader_prompt_start(r, PROMPT_SEARCH_STORE);
}

static void
act_toggle_split(struct reader *r, unsigned n)
{
	r->app.split = r->app.geom.side ? SPLIT_STACK : SPLIT_SIDE;
	set_zoom(r, 0);
}

static void
act_pipe(struct reader *r, unsigned n)
{
	if (r->doc == NULL || r->welcome) {
		reader_message(r, MSG_INFO, _("no article shown"));
		return;
	}
	reader_prompt_start(r, PROMPT_PIPE);
}

static void
act_zoom(struct reader *r, unsigned n)
{
	set_zoom(r, !r->app.zoom);
}

static int
is_web_url(const char *u)
{
	const char	*p;

	if (strncasecmp(u, "http://", 7) != 0 &&
	    strncasecmp(u, "https://", 8) != 0)
		return 0;
	for (p = u; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return 0;
	return 1;
}

const char *
reader_link(struct reader *r, unsigned n)
{
	const char	*url = NULL;
	long		 i = r->app.focus == FOCUS_READER ? r->doc_item :
			    (long)r->app.list.sel;

	if (n > 0) {
		if (r->doc == NULL || (r->screen != SCREEN_NONE &&
		    r->screen != SCREEN_LINKS) || n > r->doc->nlinks) {
			reader_message(r, MSG_ERROR, _("no link %u"), n);
			return NULL;
		}
		url = r->doc->links[n - 1];
	} else if (i >= 0)
		url = source_link(&r->src, (size_t)i);
	if (url == NULL) {
		reader_message(r, MSG_ERROR, _("no link to open"));
		return NULL;
	}
	if (!is_web_url(url)) {
		reader_message(r, MSG_ERROR, _("not an http(s) link: %s"),
		    url);
		return NULL;
	}
	return url;
}

int
reader_refresh_target(struct reader *r, int all, int64_t *feed_id)
{
	const struct item	*it;

	*feed_id = 0;
	if (r->offline) {
		reader_message(r, MSG_ERROR, _("offline (-o): not refreshing"));
		return -1;
	}
	if (r->st == NULL) {
		reader_message(r, MSG_ERROR, _("refresh not available: "
		    "reading files, not feeds"));
		return -1;
	}
	if (all)
		return 0;
	if (r->src.kind == SOURCE_ARTICLES)
		*feed_id = r->src.feed_id;
	else if (r->app.list.sel < r->src.n) {
		it = source_at(&r->src, r->app.list.sel);
		*feed_id = it->type == ITEM_FEED ? it->id : 0;
	}
	return 0;
}

/* ---- timers ---- */

int64_t
reader_next_timer(const struct reader *r)
{
	return r->read_at != 0 ? r->read_at : -1;
}

void
reader_timers(struct reader *r, int64_t now)
{
	if (r->read_at != 0 && now >= r->read_at)
		reader_mark_read(r, r->read_item);
}

/* ---- keys ---- */

/* Actions of the model; a NULL entry is the terminal's to perform. */
static const reader_handler handlers[ACT_COUNT] = {
	[ACT_QUIT] = act_quit,
	[ACT_QUIT_NOW] = act_quit_now,
	[ACT_DOWN] = act_down,
	[ACT_UP] = act_up,
	[ACT_PAGE_DOWN] = act_page_down,
	[ACT_PAGE_UP] = act_page_up,
	[ACT_TOP] = act_top,
	[ACT_BOTTOM] = act_bottom,
	[ACT_OPEN] = act_open,
	[ACT_FOCUS_NEXT] = act_focus_next,
	[ACT_LEFT] = act_left,
	[ACT_RIGHT] = act_right,
	[ACT_NEXT_UNREAD] = act_next_unread,
	[ACT_PREV_UNREAD] = act_prev_unread,
	[ACT_TOGGLE_UNREAD] = reader_act_toggle_unread,
	[ACT_MARK_FEED_READ] = reader_act_mark_all_read,
	[ACT_UNDO_MARK] = reader_act_undo,
	[ACT_SAVE] = reader_act_save,
	[ACT_SEARCH] = act_search,
	[ACT_SEARCH_NEXT] = act_search_next,
	[ACT_SEARCH_PREV] = act_search_prev,
	[ACT_HIGHLIGHT] = act_highlight,
	[ACT_SEARCH_STORE] = act_search_store,
	[ACT_TOGGLE_SPLIT] = act_toggle_split,
	[ACT_ZOOM] = act_zoom,
	[ACT_MESSAGES] = reader_act_messages,
	[ACT_IGNORE] = reader_act_ignore,
	[ACT_TAG] = reader_act_tag,
	[ACT_HELP] = reader_act_help,
	[ACT_FULLTEXT] = reader_act_fulltext,
	[ACT_LINKS] = reader_act_links,
	[ACT_PIPE] = act_pipe,
};

/* The actions that keep a screen (help, messages) open: they move in
 * it, or leave the view alone. */
static int
keeps_screen(const struct reader *r, enum app_action a)
{
	/* The link screen has the article's links: y and programs work on
	 * them there. */
	if (r->screen == SCREEN_LINKS && (a == ACT_COPY_LINK ||
	    a == ACT_EXEC || a == ACT_LINKS || a == ACT_BROWSER))
		return 1;
	switch (a) {
	case ACT_QUIT: case ACT_QUIT_NOW: case ACT_DOWN: case ACT_UP:
	case ACT_PAGE_DOWN: case ACT_PAGE_UP: case ACT_TOP: case ACT_BOTTOM:
	case ACT_SEARCH: case ACT_SEARCH_NEXT: case ACT_SEARCH_PREV:
	case ACT_REDRAW: case ACT_SUSPEND: case ACT_HELP: case ACT_MESSAGES:
		return 1;
	default:
		return 0;
	}
}

enum app_action
reader_act(struct reader *r, enum app_action a, unsigned count)
{
	if (a <= ACT_NONE || a >= ACT_COUNT)
		return ACT_NONE;
	if (r->screen == SCREEN_LINKS && a == ACT_OPEN) {
		if (count == 0) {
			reader_message(r, MSG_INFO, _("type the link's "
			    "number, then Enter"));
			return ACT_NONE;
		}
		a = ACT_BROWSER;
	}
	r->last_count = count;
	if (r->screen != SCREEN_NONE && !keeps_screen(r, a))
		reader_screen_close(r);
	if (handlers[a] == NULL)
		return a;
	handlers[a](r, count);
	return ACT_NONE;
}

unsigned
reader_last_count(const struct reader *r)
{
	return r->last_count;
}

/* Esc: a / search and its highlights go away. */
static int
escape(struct reader *r, int key)
{
	if (key != APP_KEY_ESC || r->search.m == NULL)
		return 0;
	reader_search_apply(r, "");
	reader_message(r, MSG_INFO, _("search cleared"));
	return 1;
}

enum app_action
reader_key(struct reader *r, int key)
{
	enum app_action	a;
	unsigned	count;
	char		name[32];
	int		latin;

	if (r->prompting) {
		reader_prompt_key(r, key);
		/* Enter on the | prompt: the terminal runs the line. */
		return !r->prompting && r->prompt_kind == PROMPT_PIPE &&
		    r->pipe_line != NULL ? ACT_PIPE : ACT_NONE;
	}
	/* A letter of an Arabic, Persian or Hebrew layout that is not bound
	 * acts as the Latin key on the same key (digits too). */
	if (app_keys_lookup(&r->cfg.keys, key) == ACT_NONE &&
	    (latin = reader_key_latin(r, key)) != 0)
		key = latin;
	if (app_count_key(&r->app, key))
		return ACT_NONE;
	count = app_count_take(&r->app, 0);
	if (r->msg != NULL)
		reader_message(r, MSG_INFO, NULL);
	if (escape(r, key))
		return ACT_NONE;
	a = app_keys_lookup_arg(&r->cfg.keys, key, &r->exec_idx);
	if (a == ACT_NONE) {
		app_key_name(key, name, sizeof name);
		reader_message(r, MSG_INFO, _("%s: no action (? shows the "
		    "keys)"), name);
		return ACT_NONE;
	}
	return reader_act(r, a, count);
}

/* ---- $BROWSER ---- */

/* Word w with the url in place of each %u (% for %%); caller frees. */
static char *
subst_url(const char *w, const char *url, int *used)
{
	struct buf	 out = { 0 };
	size_t		 i;

	for (i = 0; w[i] != '\0'; i++) {
		if (w[i] == '%' && (w[i + 1] == 'u' || w[i + 1] == '%')) {
			if (w[++i] == 'u') {
				buf_puts(&out, url);
				*used = 1;
			} else
				buf_putc(&out, '%');
		} else
			buf_putc(&out, w[i]);
	}
	buf_putc(&out, '\0');
	return out.data;
}

char **
reader_browser_argv(const char *browser, const char *url)
{
	char	**argv, *w;
	int	  n, i, used = 0;

	if (browser == NULL || *browser == '\0')
		browser = "xdg-open";
	if ((argv = util_split_argv(browser, strcspn(browser, ":"), &n)) ==
	    NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		w = subst_url(argv[i], url, &used);
		free(argv[i]);
		argv[i] = w;
	}
	if (!used) {
		argv = xreallocarray(argv, n + 2, sizeof *argv);
		argv[n++] = xstrdup(url);
		argv[n] = NULL;
	}
	return argv;
}

char **
reader_split_argv(const char *line)
{
	char	**argv, *w;
	int	  n, i, used = 0;

	/* %% becomes % as in $BROWSER; %u stays for the caller. */
	if ((argv = util_split_argv(line, strlen(line), &n)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		w = subst_url(argv[i], "%u", &used);
		free(argv[i]);
		argv[i] = w;
	}
	return argv;
}

void
reader_argv_free(char **argv)
{
	util_argv_free(argv);
}
