/*
 * tui.c - the interactive reader: options, terminal set-up and restore,
 * the event loop (keys, the background refresh and timers polled
 * together, so the screen never freezes) and one handler per action.
 * View state lives in app.c, rows come from source.c and the layout
 * engine, painting is in tui_draw.c. Times are milliseconds of a
 * monotonic clock; coordinates are terminal cells.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util.h"
#include "utf8.h"
#include "article.h"
#include "cmds.h"
#include "match.h"
#include "store.h"
#include "tui.h"

typedef void (*tui_handler)(struct tui *, unsigned count);

/* Set by signal handlers; read by the loop in this file only. */
static volatile sig_atomic_t	got_quit_signal;
/* Whether the terminal was asked for explicit bidi mode (for die()). */
static int			bdsm_sent;

/* The terminal working group's BiDi recommendation: BDSM. */
#define BDSM_EXPLICIT	"\033[8l"
#define BDSM_IMPLICIT	"\033[8h"

int64_t
tui_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Raw write to the terminal, past curses' buffer. */
static void
tty_write(const char *s)
{
	ssize_t	n;
	size_t	len = strlen(s);

	while (len > 0) {
		n = write(STDOUT_FILENO, s, len);
		if (n <= 0 && errno != EINTR)
			return;
		if (n > 0) {
			s += n;
			len -= (size_t)n;
		}
	}
}

static void
bdsm_explicit(void)
{
	if (bdsm_sent)
		tty_write(BDSM_EXPLICIT);
}

static void
bdsm_restore(void)
{
	if (bdsm_sent)
		tty_write(BDSM_IMPLICIT);
}

static void
cleanup_terminal(void)
{
	if (!isendwin())
		endwin();
	bdsm_restore();
	bdsm_sent = 0;
}

static void
on_quit_signal(int sig)
{
	got_quit_signal = sig;
}

/* Shut the terminal down for a child or a stop; back with resume. */
static void
suspend_screen(void)
{
	def_prog_mode();
	endwin();
	bdsm_restore();
}

static void
resume_screen(struct tui *t)
{
	bdsm_explicit();
	reset_prog_mode();
	clearok(curscr, TRUE);
	tui_draw_all(t);
}

/* ---- the reader document ---- */

static void
search_hits(struct tui *t)
{
	const struct row	*r;
	size_t			 i, j;
	int			 in;

	free(t->hits);
	t->hits = NULL;
	t->nhits = t->hit = 0;
	if (t->layout == NULL || t->ropts.search == NULL)
		return;
	for (i = 0; (r = layout_row(t->layout, i)) != NULL; i++)
		for (j = 0, in = 0; j < r->n; j++) {
			if ((r->cells[j].attr & ATTR_SEARCH) && !in) {
				t->hits = xreallocarray(t->hits, t->nhits + 1,
				    sizeof *t->hits);
				t->hits[t->nhits++] = i;
			}
			in = (r->cells[j].attr & ATTR_SEARCH) != 0 ||
			    (in && r->cells[j].width == 0);
		}
}

/* Lay the document out again at the reader's width, keeping the block
 * at the top of the pane in view. */
static void
relayout(struct tui *t, int keep)
{
	const struct row	*r;
	size_t			 src = 0, i, n = 0;
	int			 have = 0;

	if (keep && t->layout != NULL &&
	    (r = layout_row(t->layout, t->app.reader.top)) != NULL) {
		src = r->src;
		have = t->app.reader.top > 0;
	}
	layout_free(t->layout);
	t->layout = NULL;
	t->ropts.width = t->app.geom.reader.w > 2 ?
	    (size_t)t->app.geom.reader.w : 2;
	if (t->doc != NULL) {
		t->layout = layout_create(t->doc, &t->ropts);
		n = layout_count(t->layout);
	}
	app_reader_set(&t->app, n);
	if (have) {
		for (i = 0; (r = layout_row(t->layout, i)) != NULL &&
		    r->src < src; i++)
			;
		app_reader_goto(&t->app, i);
	}
	search_hits(t);
	t->reader_pane.dirty = 1;
	t->status_dirty = 1;
}

static void
set_doc(struct tui *t, struct doc *d, long item)
{
	layout_free(t->layout);
	t->layout = NULL;
	doc_free(t->doc);
	t->doc = d;
	t->doc_item = item;
	relayout(t, 0);
}

static int
is_unread_article(const struct tui *t, long i)
{
	return i >= 0 && (size_t)i < t->src.n && t->src.v[i].unread &&
	    (t->src.v[i].type == ITEM_ARTICLE ||
	    t->src.v[i].type == ITEM_FILE);
}

static void
mark_read(struct tui *t, long i)
{
	char	*cause = NULL;

	t->mark_at = 0;
	if (!is_unread_article(t, i))
		return;
	if (source_set_unread(&t->src, (size_t)i, 0, &cause) == -1) {
		tui_message(t, 1, "%s", cause);
		free(cause);
	}
	t->list_pane.dirty = 1;
}

/* Show list item i in the reader (at once; read after a moment). */
static void
show_item(struct tui *t, long i)
{
	struct doc	*d = NULL;
	char		*cause = NULL;

	t->help = 0;
	if (i == t->doc_item && t->doc != NULL)
		return;
	if (i >= 0 && (size_t)i < t->src.n &&
	    (d = source_doc(&t->src, (size_t)i, &cause)) == NULL) {
		tui_message(t, 1, "%s", cause);
		free(cause);
	}
	set_doc(t, d, i);
	t->mark_at = 0;
	if (is_unread_article(t, i) && t->cfg.mark_read_delay >= 0) {
		t->mark_item = i;
		t->mark_at = tui_now() + t->cfg.mark_read_delay;
		if (t->mark_at == 0)
			t->mark_at = 1;
	}
}

static void
selection_changed(struct tui *t)
{
	t->list_pane.dirty = 1;
	t->status_dirty = 1;
	show_item(t, t->app.list.n ? (long)t->app.list.sel : -1);
}

void
tui_reload_list(struct tui *t)
{
	enum item_type	 st = ITEM_FEED, dt = ITEM_FEED;
	int64_t		 sid = -1, did = -1;
	char		*cause = NULL;
	long		 i;

	if (t->app.list.sel < t->src.n) {
		st = t->src.v[t->app.list.sel].type;
		sid = t->src.v[t->app.list.sel].id;
	}
	if (t->doc_item >= 0 && (size_t)t->doc_item < t->src.n) {
		dt = t->src.v[t->doc_item].type;
		did = t->src.v[t->doc_item].id;
	}
	if (source_reload(&t->src, &cause) == -1) {
		tui_message(t, 1, "%s", cause);
		free(cause);
	}
	i = source_find(&t->src, st, sid);
	app_list_set(&t->app, t->src.n, i >= 0 ? (size_t)i :
	    t->app.list.sel);
	t->doc_item = source_find(&t->src, dt, did);
	if (t->mark_at != 0)
		t->mark_item = t->doc_item;
	t->list_pane.dirty = 1;
	t->status_dirty = 1;
}

/* ---- highlight keywords ---- */

static void
hl_free(struct tui *t)
{
	size_t	g;

	matcher_free(t->hl);
	t->hl = NULL;
	t->ropts.highlight = NULL;
	for (g = 0; t->gm != NULL && g < t->cfg.nhlgroups; g++) {
		matcher_free(t->gm[g]);
		t->gm[g] = NULL;
	}
	free(t->all_words);
	t->all_words = NULL;
	t->nall = 0;
}

/* Add word to m (and the list of every keyword); bad ones are said. */
static void
hl_add(struct tui *t, struct matcher *m, struct matcher *group, char *word)
{
	char	*cause = NULL;

	if (matcher_add(m, word, &cause) == -1) {
		tui_message(t, 1, "highlight: %s", cause);
		free(cause);
		return;
	}
	if (group != NULL)
		matcher_add(group, word, NULL);
	t->all_words = xreallocarray(t->all_words, t->nall + 1,
	    sizeof *t->all_words);
	t->all_words[t->nall++] = word;
}

/* The matchers for the keywords: one for all (the engine marks their
 * cells ATTR_HIGHLIGHT), one per colour group (painting picks the
 * group's style for those cells). */
static void
hl_rebuild(struct tui *t)
{
	struct config_hlgroup	*cg;
	struct matcher		*m = matcher_create();
	size_t			 i, g;

	hl_free(t);
	for (i = 0; i < t->nkw; i++)
		hl_add(t, m, NULL, t->kw[i]);
	for (g = 0; g < t->cfg.nhlgroups; g++) {
		cg = &t->cfg.hlgroups[g];
		t->gm[g] = matcher_create();
		for (i = 0; i < cg->nwords; i++)
			hl_add(t, m, t->gm[g], cg->words[i]);
		if (matcher_count(t->gm[g]) == 0) {
			matcher_free(t->gm[g]);
			t->gm[g] = NULL;
		}
	}
	if (matcher_count(m) == 0) {
		matcher_free(m);
		m = NULL;
	}
	t->hl = m;
	t->ropts.highlight = m;
	t->gvalid = 0;
	source_set_highlight(&t->src, t->hl, t->all_words, t->nall);
}

static void
kw_add(struct tui *t, const char *word)
{
	t->kw = xreallocarray(t->kw, t->nkw + 1, sizeof *t->kw);
	t->kw[t->nkw++] = xstrdup(word);
}

/* Remove word from v[0..*n); returns non-zero when it was there. */
static int
kw_remove(char **v, size_t *n, const char *word)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if (strcmp(v[i], word) == 0) {
			free(v[i]);
			memmove(v + i, v + i + 1, (*n - i - 1) * sizeof *v);
			(*n)--;
			return 1;
		}
	return 0;
}

/* H: a keyword highlighted is no longer, another one is added. */
static void
hl_toggle(struct tui *t, const char *word)
{
	struct matcher	*m;
	char		*cause = NULL;
	size_t		 g;
	int		 removed;

	if (*word == '\0')
		return;
	removed = kw_remove(t->kw, &t->nkw, word);
	for (g = 0; g < t->cfg.nhlgroups && !removed; g++)
		removed = kw_remove(t->cfg.hlgroups[g].words,
		    &t->cfg.hlgroups[g].nwords, word);
	if (!removed) {
		m = matcher_create();
		if (matcher_add(m, word, &cause) == -1) {
			tui_message(t, 1, "highlight: %s", cause);
			free(cause);
			matcher_free(m);
			return;
		}
		matcher_free(m);
		kw_add(t, word);
	}
	hl_rebuild(t);
	relayout(t, 1);
	if (t->st != NULL)
		tui_reload_list(t);
	t->list_pane.dirty = 1;
	tui_message(t, 0, "%s %s", removed ? "no longer highlighting" :
	    "highlighting", word);
}

/* ---- searching ---- */

static int
title_matches(const struct matcher *m, const char *s)
{
	uint32_t	*cps;
	uint16_t	*attr;
	size_t		 n, hits;

	if (s == NULL)
		return 0;
	cps = utf8_to_cps(s, strlen(s), &n);
	attr = xcalloc(n + 1, sizeof *attr);
	hits = matcher_mark(m, cps, n, attr, ATTR_SEARCH);
	free(attr);
	free(cps);
	return hits > 0;
}

/* The list's titles that match the search: how many, and which one of
 * them is selected (for "hit i of n"). */
static void
list_hits(struct tui *t)
{
	size_t	i;

	t->nlhits = t->lhit = 0;
	for (i = 0; i < t->src.n; i++)
		if (title_matches(t->search, source_item(&t->src, i)->title)) {
			t->nlhits++;
			if (i == t->app.list.sel)
				t->lhit = t->nlhits;
		}
	t->status_dirty = 1;
}

static void
search_step(struct tui *t, int dir)
{
	size_t	i, n = t->src.n, k;

	if (t->search == NULL) {
		tui_message(t, 0, "no search (/ to search)");
		return;
	}
	if (t->search_pane == FOCUS_READER) {
		if (t->nhits == 0) {
			tui_message(t, 1, "not found: %s", t->search_word);
			return;
		}
		t->hit = (t->hit + t->nhits + (size_t)(long)dir) % t->nhits;
		app_reader_goto(&t->app, t->hits[t->hit]);
		t->status_dirty = 1;
		return;
	}
	for (k = 1; k <= n; k++) {
		i = (t->app.list.sel + n + (dir > 0 ? k : n - k)) % n;
		if (title_matches(t->search, source_item(&t->src,
		    i)->title)) {
			app_list_select(&t->app, i);
			selection_changed(t);
			list_hits(t);
			return;
		}
	}
	t->nlhits = 0;
	tui_message(t, 1, "not found: %s", t->search_word);
}

static void
search_clear(struct tui *t)
{
	matcher_free(t->search);
	t->search = NULL;
	t->ropts.search = NULL;
	free(t->search_word);
	t->search_word = NULL;
}

static void
search_apply(struct tui *t, const char *word)
{
	char	*cause = NULL;
	size_t	 i;

	search_clear(t);
	if (*word != '\0') {
		t->search = matcher_create();
		if (matcher_add(t->search, word, &cause) == -1) {
			tui_message(t, 1, "bad search: %s", cause);
			free(cause);
			search_clear(t);
		} else {
			t->search_word = xstrdup(word);
			t->search_pane = t->app.focus;
		}
	}
	if (t->search != NULL && t->search_pane == FOCUS_LIST) {
		search_step(t, 1);
		return;
	}
	t->ropts.search = t->search;
	relayout(t, 1);
	if (t->search == NULL)
		return;
	if (t->nhits == 0) {
		tui_message(t, 1, "not found: %s", word);
		return;
	}
	for (i = 0; i < t->nhits && t->hits[i] < t->app.reader.top; i++)
		;
	t->hit = i < t->nhits ? i : 0;
	app_reader_goto(&t->app, t->hits[t->hit]);
}

static void	open_list(struct tui *, const struct item *);

/* S: the articles of the store matching query, as a list. */
static void
search_store(struct tui *t, const char *query)
{
	struct item	 it;
	char		*title, *cause = NULL;

	if (*query == '\0')
		return;
	if (store_search_check(query, &cause) == -1) {
		tui_message(t, 1, "%s", cause);
		free(cause);
		return;
	}
	memset(&it, 0, sizeof it);
	it.type = ITEM_SEARCH;
	it.title = title = xasprintf("Search: %s", query);
	it.path = (char *)query;
	open_list(t, &it);
	free(title);
	if (t->src.n == 0)
		tui_message(t, 0, "no article matches %s", query);
	else
		tui_message(t, 0, "%zu article%s %s %s", t->src.n,
		    t->src.n == 1 ? "" : "s", t->src.n == 1 ? "matches" :
		    "match", query);
}

static void
prompt_key(struct tui *t, int key)
{
	char	out[4];
	size_t	n;

	t->status_dirty = 1;
	if (key == APP_KEY_ENTER || key == '\n') {
		t->prompting = 0;
		buf_putc(&t->prompt, '\0');
		if (t->prompt_kind == PROMPT_HIGHLIGHT)
			hl_toggle(t, t->prompt.data);
		else if (t->prompt_kind == PROMPT_SEARCH_STORE)
			search_store(t, t->prompt.data);
		else
			search_apply(t, t->prompt.data);
	} else if (key == APP_KEY_ESC || key == ('g' & 0x1f) ||
	    ((key == APP_KEY_BACKSPACE || key == 8) && t->prompt.len == 0))
		t->prompting = 0;
	else if (key == APP_KEY_BACKSPACE || key == 8) {
		while (t->prompt.len > 0 &&
		    ((unsigned char)t->prompt.data[--t->prompt.len] & 0xc0) ==
		    0x80)
			;
	} else if (key == ('u' & 0x1f))
		t->prompt.len = 0;
	else if (key >= ' ' && key < KEY_APP_BASE && key != 0x7f &&
	    t->prompt.len < 200) {
		n = utf8_encode((uint32_t)key, out);
		buf_add(&t->prompt, out, n);
	}
	if (t->prompt.data != NULL)
		t->prompt.data[t->prompt.len] = '\0';
}

/* ---- actions ---- */

static size_t
page(const struct tui *t, int reader)
{
	size_t	h = reader ? app_reader_height(&t->app) :
	    app_list_height(&t->app);

	return h > 1 ? h : 1;
}

static void
move_list(struct tui *t, long delta)
{
	if (app_list_move(&t->app, delta))
		selection_changed(t);
}

static void
scroll_reader(struct tui *t, long delta)
{
	if (app_reader_scroll(&t->app, delta) != 0)
		t->status_dirty = 1;
}

static int
reader_focused(const struct tui *t)
{
	return t->app.focus == FOCUS_READER || t->app.zoom;
}

static void
act_down(struct tui *t, unsigned n)
{
	if (reader_focused(t))
		scroll_reader(t, n ? (long)n : 1);
	else
		move_list(t, n ? (long)n : 1);
}

static void
act_up(struct tui *t, unsigned n)
{
	if (reader_focused(t))
		scroll_reader(t, -(n ? (long)n : 1));
	else
		move_list(t, -(n ? (long)n : 1));
}

static void
act_page_down(struct tui *t, unsigned n)
{
	long	d = (long)page(t, reader_focused(t)) * (n ? (long)n : 1);

	if (reader_focused(t))
		scroll_reader(t, d);
	else
		move_list(t, d);
}

static void
act_page_up(struct tui *t, unsigned n)
{
	long	d = (long)page(t, reader_focused(t)) * (n ? (long)n : 1);

	if (reader_focused(t))
		scroll_reader(t, -d);
	else
		move_list(t, -d);
}

static void
act_top(struct tui *t, unsigned n)
{
	if (reader_focused(t)) {
		app_reader_goto(&t->app, n ? n - 1 : 0);
		t->status_dirty = 1;
	} else
		move_list(t, (n ? (long)n - 1 : 0) - (long)t->app.list.sel);
}

static void
act_bottom(struct tui *t, unsigned n)
{
	if (reader_focused(t)) {
		app_reader_goto(&t->app, n ? n - 1 : (size_t)-1);
		t->status_dirty = 1;
	} else
		move_list(t, n ? (long)n - 1 - (long)t->app.list.sel :
		    (long)t->app.list.n);
}

static void
open_list(struct tui *t, const struct item *it)
{
	struct item	 copy = *it;
	char		*cause = NULL;

	if (t->src.kind == SOURCE_FEEDS)
		t->feeds_sel = t->app.list.sel;
	if (source_load_articles(&t->src, &copy, &cause) == -1) {
		tui_message(t, 1, "%s", cause);
		free(cause);
	}
	search_clear(t);
	t->doc_item = -1;
	app_list_set(&t->app, t->src.n, 0);
	t->app.list.top = 0;
	selection_changed(t);
}

static void
act_open(struct tui *t, unsigned n)
{
	const struct item	*it;

	if (t->app.focus == FOCUS_READER || t->app.list.sel >= t->src.n)
		return;
	it = &t->src.v[t->app.list.sel];
	if (it->type == ITEM_ARTICLE || it->type == ITEM_FILE) {
		show_item(t, (long)t->app.list.sel);
		mark_read(t, (long)t->app.list.sel);
		app_focus_set(&t->app, FOCUS_READER);
		t->status_dirty = t->list_pane.dirty = 1;
	} else
		open_list(t, it);
}

static void
focus(struct tui *t, enum app_focus f)
{
	if (t->app.focus == f)
		return;
	app_focus_set(&t->app, f);
	if (f == FOCUS_READER && t->doc_item >= 0 &&
	    (size_t)t->doc_item == t->app.list.sel)
		mark_read(t, t->doc_item);
	t->status_dirty = t->list_pane.dirty = 1;
}

static void
act_quit(struct tui *t, unsigned n)
{
	char	*cause = NULL;

	if (t->help) {
		t->help = 0;
		t->app.zoom = 0;
		app_layout(&t->app);
		tui_draw_windows(t);
		t->doc_item = -2;
		show_item(t, t->app.list.n ? (long)t->app.list.sel : -1);
	} else if (t->app.zoom) {
		t->app.zoom = 0;
		app_layout(&t->app);
		tui_draw_windows(t);
		relayout(t, 1);
	} else if (t->app.focus == FOCUS_READER)
		focus(t, FOCUS_LIST);
	else if (t->src.kind == SOURCE_ARTICLES) {
		if (source_load_feeds(&t->src, &cause) == -1) {
			tui_message(t, 1, "%s", cause);
			free(cause);
		}
		search_clear(t);
		t->doc_item = -1;
		app_list_set(&t->app, t->src.n, t->feeds_sel);
		selection_changed(t);
	} else
		t->quit = 1;
}

static void
act_quit_now(struct tui *t, unsigned n)
{
	t->quit = 1;
}

static void
act_focus_next(struct tui *t, unsigned n)
{
	if (!t->app.zoom)
		focus(t, t->app.focus == FOCUS_LIST ? FOCUS_READER :
		    FOCUS_LIST);
}

static void
act_left(struct tui *t, unsigned n)
{
	if (t->app.zoom)
		return;
	focus(t, t->app.geom.side ? app_focus_left(&t->app) : FOCUS_LIST);
}

static void
act_right(struct tui *t, unsigned n)
{
	if (t->app.zoom)
		return;
	focus(t, t->app.geom.side ? (app_focus_left(&t->app) ==
	    FOCUS_LIST ? FOCUS_READER : FOCUS_LIST) : FOCUS_READER);
}

static int
item_has_unread(const struct item *it)
{
	if (it->type == ITEM_ARTICLE || it->type == ITEM_FILE)
		return it->unread;
	return it->type == ITEM_FEED && it->n_unread > 0;
}

static void
step_unread(struct tui *t, int dir)
{
	size_t	i = t->app.list.sel;

	if (t->search != NULL && t->search_pane == (reader_focused(t) ?
	    FOCUS_READER : FOCUS_LIST)) {
		search_step(t, dir);
		return;
	}
	while (dir > 0 ? i + 1 < t->src.n : i > 0) {
		i = dir > 0 ? i + 1 : i - 1;
		if (item_has_unread(&t->src.v[i])) {
			app_list_select(&t->app, i);
			selection_changed(t);
			return;
		}
	}
	tui_message(t, 0, "no more unread items");
}

static void
act_next_unread(struct tui *t, unsigned n)
{
	step_unread(t, 1);
}

static void
act_prev_unread(struct tui *t, unsigned n)
{
	step_unread(t, -1);
}

/* The article the keys act on: the one read, else the selection. */
static long
current_article(const struct tui *t)
{
	long	i = t->app.focus == FOCUS_READER ? t->doc_item :
	    (long)t->app.list.sel;

	if (i < 0 || (size_t)i >= t->src.n || (t->src.v[i].type !=
	    ITEM_ARTICLE && t->src.v[i].type != ITEM_FILE))
		return -1;
	return i;
}

static void
act_toggle_unread(struct tui *t, unsigned n)
{
	long	 i = current_article(t);
	char	*cause = NULL;

	if (i < 0) {
		tui_message(t, 0, "no article selected");
		return;
	}
	if (source_set_unread(&t->src, (size_t)i, !t->src.v[i].unread,
	    &cause) == -1) {
		tui_message(t, 1, "%s", cause);
		free(cause);
	} else
		tui_message(t, 0, "marked %s", t->src.v[i].unread ? "unread" :
		    "read");
	t->mark_at = 0;
	t->list_pane.dirty = 1;
}

static void
act_mark_feed_read(struct tui *t, unsigned n)
{
	const struct item	*it;
	int64_t			 feed = 0;
	char			*cause = NULL;

	if (t->src.kind == SOURCE_FILES) {
		source_mark_read(&t->src, 0, &cause);
		tui_message(t, 0, "marked all read");
		t->list_pane.dirty = 1;
		return;
	}
	if (t->src.kind == SOURCE_ARTICLES)
		feed = t->src.feed_id;
	else if (t->app.list.sel < t->src.n) {
		it = &t->src.v[t->app.list.sel];
		feed = it->type == ITEM_FEED ? it->id : 0;
	}
	if (source_mark_read(&t->src, feed, &cause) == -1) {
		tui_message(t, 1, "%s", cause);
		free(cause);
		return;
	}
	tui_reload_list(t);
	tui_message(t, 0, "marked %s read", feed ? "the feed" : "everything");
}

/* The folder `s` saves into: save-dir (a leading ~/ is $HOME), else
 * $XDG_DATA_HOME/akhbar/saved, else ~/.local/share/akhbar/saved. */
static char *
save_dir(const struct tui *t)
{
	const char	*home = getenv("HOME"), *xdg = getenv("XDG_DATA_HOME");
	const char	*d = t->cfg.save_dir;

	if (home == NULL || *home == '\0')
		home = ".";
	if (d != NULL && (strcmp(d, "~") == 0 || strncmp(d, "~/", 2) == 0))
		return xasprintf("%s%s", home, d + 1);
	if (d != NULL)
		return xstrdup(d);
	if (xdg != NULL && *xdg == '/')
		return xasprintf("%s/akhbar/saved", xdg);
	return xasprintf("%s/.local/share/akhbar/saved", home);
}

static void
act_save(struct tui *t, unsigned n)
{
	long	 i = current_article(t);
	char	*cause = NULL, *dir, *path = NULL;
	int	 rc;

	if (i < 0) {
		tui_message(t, 0, "no article selected");
		return;
	}
	if (t->src.v[i].type == ITEM_FILE) {
		tui_message(t, 0, "saving needs the store: this article is "
		    "a file already (%s)", source_item(&t->src, i)->path);
		return;
	}
	t->list_pane.dirty = 1;
	if (t->src.v[i].saved) {
		if (source_set_saved(&t->src, (size_t)i, 0, &cause) == -1) {
			tui_message(t, 1, "%s", cause);
			free(cause);
		} else
			tui_message(t, 0, "no longer marked saved (a saved "
			    "file stays where it is)");
		return;
	}
	dir = save_dir(t);
	rc = source_save(&t->src, (size_t)i, dir, &path, &cause);
	if (rc == -1)
		tui_message(t, 1, "not saved: %s", cause);
	else
		tui_message(t, 0, "%s %s", rc == 1 ? "already saved in" :
		    "saved to", path);
	free(cause);
	free(path);
	free(dir);
}

static void
start_prompt(struct tui *t, enum tui_prompt kind)
{
	t->prompt_kind = kind;
	t->prompting = 1;
	buf_reset(&t->prompt);
	buf_putc(&t->prompt, '\0');
	t->prompt.len = 0;
	tui_message(t, 0, NULL);
}

static void
act_highlight(struct tui *t, unsigned n)
{
	start_prompt(t, PROMPT_HIGHLIGHT);
}

static void
act_search_store(struct tui *t, unsigned n)
{
	if (t->st == NULL) {
		tui_message(t, 1, "search across the store needs the store "
		    "(reading files: / searches this list)");
		return;
	}
	start_prompt(t, PROMPT_SEARCH_STORE);
}

static void
act_search(struct tui *t, unsigned n)
{
	t->prompt_kind = PROMPT_SEARCH;
	t->prompting = 1;
	buf_reset(&t->prompt);
	buf_putc(&t->prompt, '\0');
	t->prompt.len = 0;
	tui_message(t, 0, NULL);
	if (t->app.zoom)
		t->app.focus = FOCUS_READER;
}

static void
act_search_next(struct tui *t, unsigned n)
{
	search_step(t, 1);
}

static void
act_search_prev(struct tui *t, unsigned n)
{
	search_step(t, -1);
}

static int
can_refresh(struct tui *t)
{
	if (t->offline) {
		tui_message(t, 1, "offline (-o): not refreshing");
		return 0;
	}
	if (t->st == NULL) {
		tui_message(t, 1, "refresh not available: reading files, "
		    "not feeds");
		return 0;
	}
	return 1;
}

static void
act_refresh(struct tui *t, unsigned n)
{
	const struct item	*it;
	int64_t			 feed = 0;

	if (!can_refresh(t))
		return;
	if (t->src.kind == SOURCE_ARTICLES)
		feed = t->src.feed_id;
	else if (t->app.list.sel < t->src.n) {
		it = &t->src.v[t->app.list.sel];
		feed = it->type == ITEM_FEED ? it->id : 0;
	}
	tui_refresh_start(t, feed);
}

static void
act_refresh_all(struct tui *t, unsigned n)
{
	if (can_refresh(t))
		tui_refresh_start(t, 0);
}

static void
act_toggle_split(struct tui *t, unsigned n)
{
	t->app.split = t->app.geom.side ? SPLIT_STACK : SPLIT_SIDE;
	t->app.zoom = 0;
	app_resize(&t->app, t->app.cols, t->app.lines);
	tui_draw_windows(t);
	relayout(t, 1);
}

static void
act_zoom(struct tui *t, unsigned n)
{
	t->app.zoom = !t->app.zoom;
	if (t->app.zoom)
		t->app.focus = FOCUS_READER;
	app_resize(&t->app, t->app.cols, t->app.lines);
	tui_draw_windows(t);
	relayout(t, 1);
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

/* Run $BROWSER (its first ':' entry) or xdg-open on url: fork and exec
 * with an argument vector, never a shell; wait for it. */
static void
run_browser(struct tui *t, const char *url)
{
	const char	*env = getenv("BROWSER");
	char		*prog, *argv[3];
	pid_t		 pid;
	int		 status = 0;

	prog = env != NULL && *env != '\0' ? xstrndup(env, strcspn(env,
	    ":")) : xstrdup("xdg-open");
	argv[0] = prog;
	argv[1] = (char *)url;
	argv[2] = NULL;
	suspend_screen();
	if ((pid = fork()) == 0) {
		execvp(prog, argv);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	resume_screen(t);
	if (pid == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		tui_message(t, 1, "%s failed on %s", prog, url);
	else
		tui_message(t, 0, "opened %s", url);
	free(prog);
}

static void
act_browser(struct tui *t, unsigned n)
{
	const char	*url = NULL;
	long		 i = t->app.focus == FOCUS_READER ? t->doc_item :
			    (long)t->app.list.sel;

	if (n > 0) {
		if (t->doc == NULL || n > t->doc->nlinks) {
			tui_message(t, 1, "no link %u", n);
			return;
		}
		url = t->doc->links[n - 1];
	} else if (i >= 0)
		url = source_link(&t->src, (size_t)i);
	if (url == NULL) {
		tui_message(t, 1, "no link to open");
		return;
	}
	if (!is_web_url(url)) {
		tui_message(t, 1, "not an http(s) link: %s", url);
		return;
	}
	run_browser(t, url);
}

static void
act_redraw(struct tui *t, unsigned n)
{
	clearok(curscr, TRUE);
	tui_draw_all(t);
}

static void
act_suspend(struct tui *t, unsigned n)
{
	suspend_screen();
	kill(getpid(), SIGSTOP);
	resume_screen(t);
}

/* The key help as a document. */
static struct doc *
help_doc(const struct tui *t)
{
	struct doc	*d = doc_create();
	struct block	*b;
	struct buf	 line = { 0 };
	char		 name[32];
	int		 a;
	size_t		 k, col;

	d->title = xstrdup("akhbar keys");
	article_add_title(d);
	for (a = 1; a < ACT_COUNT; a++) {
		buf_reset(&line);
		for (k = 0; k < t->cfg.keys.n; k++) {
			if (t->cfg.keys.v[k].action != (enum app_action)a)
				continue;
			app_key_name(t->cfg.keys.v[k].key, name, sizeof name);
			buf_printf(&line, "%s%s", line.len ? " " : "", name);
		}
		if (line.len == 0)
			buf_puts(&line, "-");
		for (col = line.len; col < 16; col++)
			buf_putc(&line, ' ');
		buf_printf(&line, " %-16s %s", app_action_name(a),
		    app_action_help(a));
		b = doc_add_block(d, BLOCK_PRE);
		b->tight = 1;
		b->dir = DIR_LTR;
		block_add_utf8(b, line.data, line.len, 0, 0);
	}
	buf_free(&line);
	return d;
}

static void
act_help(struct tui *t, unsigned n)
{
	if (t->help) {
		act_quit(t, 0);
		return;
	}
	t->app.zoom = 1;
	t->app.focus = FOCUS_READER;
	app_resize(&t->app, t->app.cols, t->app.lines);
	tui_draw_windows(t);
	set_doc(t, help_doc(t), -1);
	t->help = 1;
	t->mark_at = 0;
}

static const tui_handler handlers[ACT_COUNT] = {
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
	[ACT_TOGGLE_UNREAD] = act_toggle_unread,
	[ACT_MARK_FEED_READ] = act_mark_feed_read,
	[ACT_SAVE] = act_save,
	[ACT_SEARCH] = act_search,
	[ACT_SEARCH_NEXT] = act_search_next,
	[ACT_SEARCH_PREV] = act_search_prev,
	[ACT_HIGHLIGHT] = act_highlight,
	[ACT_SEARCH_STORE] = act_search_store,
	[ACT_REFRESH] = act_refresh,
	[ACT_REFRESH_ALL] = act_refresh_all,
	[ACT_TOGGLE_SPLIT] = act_toggle_split,
	[ACT_ZOOM] = act_zoom,
	[ACT_BROWSER] = act_browser,
	[ACT_REDRAW] = act_redraw,
	[ACT_SUSPEND] = act_suspend,
	[ACT_HELP] = act_help,
};

/* ---- keys and the loop ---- */

static int
curses_key(wint_t wc, int rc)
{
	static const struct {
		int	curses;
		int	app;
	} map[] = {
		{ KEY_UP, KEY_APP_UP }, { KEY_DOWN, KEY_APP_DOWN },
		{ KEY_LEFT, KEY_APP_LEFT }, { KEY_RIGHT, KEY_APP_RIGHT },
		{ KEY_PPAGE, KEY_APP_PGUP }, { KEY_NPAGE, KEY_APP_PGDN },
		{ KEY_HOME, KEY_APP_HOME }, { KEY_END, KEY_APP_END },
		{ KEY_BTAB, KEY_APP_BTAB }, { KEY_DC, KEY_APP_DEL },
		{ KEY_IC, KEY_APP_INS }, { KEY_F(1), KEY_APP_F1 },
		{ KEY_ENTER, APP_KEY_ENTER },
		{ KEY_BACKSPACE, APP_KEY_BACKSPACE },
	};
	size_t	i;

	if (rc == OK)
		return wc == 8 ? APP_KEY_BACKSPACE : (int)wc;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if ((int)wc == map[i].curses)
			return map[i].app;
	return -1;
}

static void
on_resize(struct tui *t)
{
	app_resize(&t->app, COLS, LINES);
	untouchwin(stdscr);
	tui_draw_windows(t);
	relayout(t, 1);
}

static void
handle_key(struct tui *t, int key)
{
	enum app_action	a;
	unsigned	count;
	char		name[32];

	if (t->prompting) {
		prompt_key(t, key);
		return;
	}
	if (app_count_key(&t->app, key))
		return;
	count = app_count_take(&t->app, 0);
	if (t->msg != NULL)
		tui_message(t, 0, NULL);
	a = app_keys_lookup(&t->cfg.keys, key);
	if (a == ACT_NONE || handlers[a] == NULL) {
		app_key_name(key, name, sizeof name);
		tui_message(t, 0, "%s: no action (? shows the keys)", name);
		return;
	}
	handlers[a](t, count);
}

static void
read_keys(struct tui *t)
{
	wint_t	wc;
	int	rc, key;

	while ((rc = wget_wch(stdscr, &wc)) != ERR) {
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
			on_resize(t);
			continue;
		}
		if ((key = curses_key(wc, rc)) != -1)
			handle_key(t, key);
		if (t->quit)
			return;
	}
}

static int
next_timeout(const struct tui *t, int64_t now)
{
	int64_t	when = -1, d;

	if (t->mark_at != 0)
		when = t->mark_at;
	if (t->refresh.pid != 0 && (when < 0 || t->refresh.next_poll < when))
		when = t->refresh.next_poll;
	if (t->next_refresh != 0 && (when < 0 || t->next_refresh < when))
		when = t->next_refresh;
	if (when < 0)
		return -1;
	d = when - now;
	return d < 0 ? 0 : d > 60000 ? 60000 : (int)d;
}

static void
timers(struct tui *t)
{
	int64_t	now = tui_now();

	if (t->mark_at != 0 && now >= t->mark_at)
		mark_read(t, t->mark_item);
	if (t->refresh.pid != 0)
		tui_refresh_poll(t, now);
	if (t->next_refresh != 0 && now >= t->next_refresh) {
		t->next_refresh = now + (int64_t)t->cfg.refresh_interval *
		    60000;
		if (t->refresh.pid == 0)
			tui_refresh_start(t, 0);
	}
}

static void
loop(struct tui *t)
{
	struct pollfd	pfd[2];
	nfds_t		n;

	while (!t->quit && !got_quit_signal) {
		tui_draw(t);
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		n = 1;
		if (tui_refresh_fd(t) != -1) {
			pfd[1].fd = tui_refresh_fd(t);
			pfd[1].events = POLLIN;
			n = 2;
		}
		if (poll(pfd, n, next_timeout(t, tui_now())) == -1 &&
		    errno != EINTR)
			break;
		read_keys(t);
		if (n == 2 && pfd[1].revents != 0)
			tui_refresh_input(t);
		timers(t);
	}
}

/* ---- start and end ---- */

/* Make sure the locale is UTF-8: switch to C.UTF-8, else give up. */
static int
check_locale(void)
{
	const char	*lang;

	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	lang = getenv("LANG");
	fprintf(stderr, "akhbar: the locale (LANG=%s) is not UTF-8 and "
	    "C.UTF-8 is not installed;\nakhbar: set a UTF-8 locale, e.g. "
	    "LANG=en_US.UTF-8 (see `locale -a`)\n", lang != NULL ? lang : "");
	return -1;
}

/* RTL layout for right-to-left readers: the config, else the locale. */
static int
want_mirror(const struct config *c)
{
	static const char	*rtl[] = { "ar", "fa", "he", "iw", "ur", "yi",
				    "ps", "ckb", "sd", "dv", "ug" };
	const char		*l = getenv("LC_ALL");
	size_t			 i, n;

	if (c->layout_dir != LAYOUT_AUTO)
		return c->layout_dir == LAYOUT_RTL;
	if (l == NULL || *l == '\0')
		l = getenv("LC_MESSAGES");
	if (l == NULL || *l == '\0')
		l = getenv("LANG");
	if (l == NULL)
		return 0;
	for (i = 0; i < sizeof rtl / sizeof rtl[0]; i++) {
		n = strlen(rtl[i]);
		if (strncmp(l, rtl[i], n) == 0 && (l[n] == '_' ||
		    l[n] == '.' || l[n] == '\0' || l[n] == '@'))
			return 1;
	}
	return 0;
}

static void
setup_theme(struct tui *t, const char *name)
{
	const char	*nc = getenv("NO_COLOR");
	char		*cause = NULL;

	t->ncolors = 0;
	/* COLORS is known only after start_color(). */
	if (has_colors() && (nc == NULL || *nc == '\0') &&
	    start_color() == OK) {
		use_default_colors();
		t->ncolors = COLORS >= 256 ? 256 : COLORS >= 16 ? 16 :
		    COLORS >= 8 ? 8 : 0;
	}
	if (name == NULL)
		name = t->cfg.theme != NULL ? t->cfg.theme : "default";
	if (t->ncolors == 0)
		theme_init_mono(&t->theme);
	else if (theme_load(&t->theme, name, &cause) == -1) {
		tui_message(t, 1, "%s", cause);
		free(cause);
		theme_init(&t->theme);
	}
	tui_draw_colors(t);
}

static int
open_store(struct tui *t)
{
	char	*cause = NULL;
	size_t	 i;
	int64_t	 id;

	if (urls_load(t->urls_path, 1, &t->urls, &cause) == -1) {
		fprintf(stderr, "akhbar: %s\n", cause);
		free(cause);
		return -1;
	}
	if ((t->st = store_open(t->store_path, &cause)) == NULL) {
		fprintf(stderr, "akhbar: %s\n", cause);
		free(cause);
		return -1;
	}
	store_map_reads(t->st);
	/* Subscribed feeds show before their first fetch. */
	for (i = 0; i < t->urls.n; i++)
		if (!store_feed_known(t->st, t->urls.v[i].url,
		    t->urls.v[i].name, &id) &&
		    store_feed_add(t->st, t->urls.v[i].url, t->urls.v[i].name,
		    &id, &cause) == -1) {
			free(cause);
			cause = NULL;
		}
	source_init_store(&t->src, t->st, &t->urls);
	t->src.feed_sort_title = t->cfg.feed_sort_title;
	return 0;
}

/* The feed list, loaded once the highlight keywords are set (its
 * "Highlighted" list needs them). */
static int
load_feeds(struct tui *t)
{
	char	*cause = NULL;

	if (source_load_feeds(&t->src, &cause) == -1) {
		cleanup_terminal();
		die_cleanup = NULL;
		fprintf(stderr, "akhbar: %s\n", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* With an article on standard input (or any pipe), the keys come from
 * the terminal: /dev/tty becomes standard input. */
static int
keyboard_from_tty(void)
{
	int	fd;

	if (isatty(STDIN_FILENO))
		return 0;
	if ((fd = open("/dev/tty", O_RDWR | O_CLOEXEC)) == -1) {
		fprintf(stderr, "akhbar: /dev/tty: %s (the keys are read from "
		    "the terminal)\n", strerror(errno));
		return -1;
	}
	if (dup2(fd, STDIN_FILENO) == -1) {
		fprintf(stderr, "akhbar: dup2: %s\n", strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

struct tui_opts {
	const char	*config;
	const char	*theme;
	int		 refresh;
	char		**highlight;	/* --highlight WORD (argv) */
	size_t		 nhighlight;
};

static int
parse_options(struct tui *t, struct tui_opts *o, int argc, char **argv)
{
	enum { O_THEME = 256, O_HIGHLIGHT };
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'C' },
		{ "cache", required_argument, NULL, 'c' },
		{ "urls", required_argument, NULL, 'u' },
		{ "offline", no_argument, NULL, 'o' },
		{ "theme", required_argument, NULL, O_THEME },
		{ "highlight", required_argument, NULL, O_HIGHLIGHT },
		{ NULL, 0, NULL, 0 }
	};
	int	c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":C:c:u:ro", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'C':
			o->config = optarg;
			break;
		case 'c':
			free(t->store_path);
			t->store_path = xstrdup(optarg);
			break;
		case 'u':
			free(t->urls_path);
			t->urls_path = xstrdup(optarg);
			break;
		case 'r':
			o->refresh = 1;
			break;
		case 'o':
			t->offline = 1;
			break;
		case O_THEME:
			o->theme = optarg;
			break;
		case O_HIGHLIGHT:
			o->highlight = xreallocarray(o->highlight,
			    o->nhighlight + 1, sizeof *o->highlight);
			o->highlight[o->nhighlight++] = optarg;
			break;
		case ':':
			return cmd_usage_error("%s needs an argument",
			    argv[optind - 1]);
		default:
			return cmd_usage_error("unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	return 0;
}

/* The highlight keywords of the config and the command line. */
static void
setup_highlight(struct tui *t, const struct tui_opts *o)
{
	size_t	i;

	for (i = 0; i < t->cfg.nhighlight; i++)
		kw_add(t, t->cfg.highlight[i]);
	for (i = 0; i < o->nhighlight; i++)
		kw_add(t, o->highlight[i]);
	t->gm = xcalloc(t->cfg.nhlgroups + 1, sizeof *t->gm);
	hl_rebuild(t);
}

static void
init_view(struct tui *t)
{
	int	flags = 0;

	t->doc_item = -1;
	t->list_pane.row = tui_list_row;
	t->reader_pane.row = tui_reader_row;
	if (t->cfg.bidi == BIDI_MODE_APP)
		flags = RENDER_SHAPE;
	else
		flags = RENDER_LOGICAL;
	t->line_flags = flags;
	t->ropts.shaping = t->cfg.bidi == BIDI_MODE_APP;
	t->ropts.logical = t->cfg.bidi != BIDI_MODE_APP;
	t->ropts.dir = DIR_AUTO;
	app_init(&t->app, COLS, LINES, t->cfg.split_threshold,
	    want_mirror(&t->cfg));
	app_list_set(&t->app, t->src.n, 0);
	tui_draw_windows(t);
	selection_changed(t);
}

static void
start_screen(struct tui *t, const struct tui_opts *o)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	set_escdelay(25);
	if (initscr() == NULL)
		die("cannot initialise the terminal");
	die_cleanup = cleanup_terminal;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	leaveok(stdscr, TRUE);
	curs_set(0);
	/* Keys are read through stdscr, which is never drawn on: make it
	 * clean now so wget_wch() has no reason to repaint it. */
	refresh();
	if (t->cfg.bidi != BIDI_MODE_TERMINAL) {
		bdsm_sent = 1;
		bdsm_explicit();
	}
	setup_theme(t, o->theme);
}

static void
tui_free(struct tui *t)
{
	size_t	i;

	tui_refresh_stop(t);
	layout_free(t->layout);
	doc_free(t->doc);
	search_clear(t);
	free(t->hits);
	hl_free(t);
	for (i = 0; i < t->nkw; i++)
		free(t->kw[i]);
	free(t->kw);
	free(t->gm);
	free(t->gh);
	free(t->rtmp.cells);
	free(t->gtmp.cells);
	source_free(&t->src);
	store_close(t->st);
	urls_free(&t->urls);
	config_free(&t->cfg);
	free(t->urls_path);
	free(t->store_path);
	free(t->msg);
	free(t->tmp.cells);
	free(t->refresh.current);
	buf_free(&t->prompt);
}

int
cmd_tui(int argc, char **argv)
{
	struct tui	 t;
	struct tui_opts	 o;
	char		*cause = NULL;
	int		 rc;

	memset(&t, 0, sizeof t);
	memset(&o, 0, sizeof o);
	t.refresh.fd = -1;
	config_init(&t.cfg);
	t.urls_path = urls_default_path();
	t.store_path = store_default_path();
	if ((rc = parse_options(&t, &o, argc, argv)) != 0 ||
	    check_locale() == -1) {
		tui_free(&t);
		free(o.highlight);
		return rc ? rc : 1;
	}
	config_load(&t.cfg, o.config);
	if (optind < argc) {
		source_init_files(&t.src, argv + optind,
		    (size_t)(argc - optind));
		if (keyboard_from_tty() == -1) {
			tui_free(&t);
			free(o.highlight);
			return 1;
		}
	} else if (open_store(&t) == -1) {
		tui_free(&t);
		free(o.highlight);
		return 1;
	}
	start_screen(&t, &o);
	/* After the theme, whose error a bad keyword's replaces. */
	setup_highlight(&t, &o);
	if (t.st != NULL && load_feeds(&t) == -1) {
		tui_free(&t);
		free(o.highlight);
		return 1;
	}
	init_view(&t);
	if (cause != NULL)
		tui_message(&t, 1, "%s", cause);
	else if (t.cfg.nerrors > 0)
		tui_message(&t, 1, "%s%s", t.cfg.errors[0], t.cfg.nerrors > 1 ?
		    " (and more)" : "");
	else if (t.src.n == 0)
		tui_message(&t, 0, "nothing to read: add feeds to %s, or "
		    "name article files", t.urls_path);
	free(cause);
	if (o.refresh && t.st != NULL && !t.offline)
		tui_refresh_start(&t, 0);
	if (t.cfg.refresh_interval > 0 && t.st != NULL && !t.offline)
		t.next_refresh = tui_now() + (int64_t)t.cfg.refresh_interval *
		    60000;
	loop(&t);
	cleanup_terminal();
	die_cleanup = NULL;
	tui_free(&t);
	free(o.highlight);
	return 0;
}
