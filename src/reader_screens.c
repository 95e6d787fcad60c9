/*
 * reader_screens.c - the screens the reader pane shows instead of an
 * article, as documents: the keys (`?`), the message log (`M`: every
 * warning and error since the start) and, on a first run with nothing
 * to read, how to start. A screen remembers where the view was and puts
 * it back exactly when it closes (as ncdu's help.c, a screen of its own
 * over the model).
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "article.h"
#include "keymap.h"
#include "utf8.h"
#include "reader.h"
#include "i18n.h"

/* RIGHT-TO-LEFT MARK: a strong R between the help screen's columns, so
 * that in a right-to-left interface each column is a run of its own and
 * the columns read from the right (keys, name, description). */
#define RLM	"\xe2\x80\x8f"
/* LEFT-TO-RIGHT MARK: before the keys, so that "^L" at the start of a
 * right-to-left line keeps its caret on the left. */
#define LRM	"\xe2\x80\x8e"

/* A line of the document d, kept as it is (no wrapping), in direction
 * dir. */
static void
add_line(struct doc *d, const char *s, int tight, enum dir dir)
{
	struct block	*b = doc_add_block(d, BLOCK_PRE);

	b->tight = tight;
	b->dir = dir;
	block_add_utf8(b, s, strlen(s), 0, 0);
}

/* A paragraph of d (wrapped), in direction dir. */
static void
add_para_dir(struct doc *d, const char *s, uint16_t attr, enum dir dir)
{
	struct block	*b = doc_add_block(d, BLOCK_PARA);

	b->dir = dir;
	block_add_utf8(b, s, strlen(s), attr, 1);
}

/* A sentence of the interface: in the interface language's direction
 * (an Arabic sentence that starts with "Esc" is still right to left). */
static void
add_ui_para(const struct reader *r, struct doc *d, const char *s,
    uint16_t attr)
{
	char	*iso;

	if (!r->ui_rtl) {
		add_para_dir(d, s, attr, DIR_AUTO);
		return;
	}
	iso = i18n_isolate(s);	/* paths and URLs keep their order */
	add_para_dir(d, iso, attr, DIR_RTL);
	free(iso);
}

/* The programs of `bind KEY exec`, a line each. */
static void
help_programs(const struct reader *r, struct doc *d, struct buf *line)
{
	char	 name[32];
	size_t	 k, i;

	for (k = 0; k < r->cfg.keys.n; k++) {
		if (r->cfg.keys.v[k].action != ACT_EXEC ||
		    r->cfg.keys.v[k].arg >= r->cfg.nexecs)
			continue;
		buf_reset(line);
		app_key_name(r->cfg.keys.v[k].key, name, sizeof name);
		buf_printf(line, "%-16s exec", name);
		for (i = 0; r->cfg.execs[r->cfg.keys.v[k].arg][i] != NULL; i++)
			buf_printf(line, " %s",
			    r->cfg.execs[r->cfg.keys.v[k].arg][i]);
		buf_putc(line, '\0');
		add_line(d, line->data, 1, DIR_LTR);
	}
}

/* The keyboard layouts: which letter acts as which Latin key. */
static void
help_layouts(const struct reader *r, struct doc *d, struct buf *line)
{
	static const char *const names[] = { N_("Arabic"), N_("Persian"),
	    N_("Hebrew") };
	const struct keymap_row	*t;
	size_t			 n, i;
	int			 l, c;
	char			 enc[4];

	if (r->cfg.keyboard_layout == KEYMAP_OFF)
		return;
	add_ui_para(r, d, _("On an Arabic (101), Persian (ISIRI 9147) or "
	    "Hebrew (SI-1452) keyboard layout, a key that is not bound acts "
	    "as the Latin key on the same physical key (keyboard-layout in "
	    "the config):"), 0);
	for (l = KEYMAP_ARABIC; l <= KEYMAP_HEBREW; l++) {
		buf_reset(line);
		buf_printf(line, "%s ", _(names[l - KEYMAP_ARABIC]));
		t = keymap_table(l, &n);
		for (c = 'a'; c <= 'z'; c++)
			for (i = 0; i < n; i++)
				if (t[i].latin == c) {
					buf_printf(line, " %c=", c);
					buf_add(line, enc, utf8_encode(t[i].cp,
					    enc));
					break;
				}
		buf_putc(line, '\0');
		add_para_dir(d, line->data, 0, DIR_AUTO);
	}
}

/* The key help: one line per action, its keys, name and help text. */
static struct doc *
help_doc(const struct reader *r)
{
	struct doc	*d = doc_create();
	struct buf	 line = { 0 };
	char		 name[32], *dir;
	int		 a;
	size_t		 k, col, lrm;

	d->title = xstrdup(_("akhbar keys"));
	article_add_title(d);
	for (a = 1; a < ACT_COUNT; a++) {
		buf_reset(&line);
		if (r->ui_rtl)
			buf_puts(&line, LRM);
		for (k = 0; k < r->cfg.keys.n; k++) {
			if (r->cfg.keys.v[k].action != (enum app_action)a)
				continue;
			app_key_name(r->cfg.keys.v[k].key, name, sizeof name);
			buf_printf(&line, "%s%s", line.len ? " " : "", name);
		}
		/* Key names are ASCII: bytes are cells (the mark has none). */
		lrm = r->ui_rtl ? strlen(LRM) : 0;
		if (line.len == lrm)
			buf_puts(&line, "-");
		for (col = line.len - lrm; col < 16; col++)
			buf_putc(&line, ' ');
		buf_printf(&line, " %s%-16s %s%s", r->ui_rtl ? RLM : "",
		    app_action_name(a), r->ui_rtl ? RLM : "",
		    _(app_action_help(a)));
		buf_putc(&line, '\0');
		add_line(d, line.data, 1, r->ui_rtl ? DIR_RTL : DIR_LTR);
	}
	dir = reader_save_dir(r);
	buf_reset(&line);
	/* add_ui_para() isolates the path */
	buf_printf(&line, _("s writes the article as a file into %s "
	    "(save-dir in the config); s again only unmarks it."), dir);
	buf_putc(&line, '\0');
	add_ui_para(r, d, line.data, 0);
	free(dir);
	help_programs(r, d, &line);
	help_layouts(r, d, &line);
	add_ui_para(r, d, _("Esc clears a / search. q or ? closes this "
	    "screen."), 0);
	buf_free(&line);
	return d;
}

/* The message log. */
static struct doc *
messages_doc(const struct reader *r)
{
	struct doc	*d = doc_create();
	char		*s;
	size_t		 i;

	d->title = xstrdup(_("Messages"));
	article_add_title(d);
	if (r->log.dropped > 0) {
		s = xasprintf(ngettext("(%zu older message not kept)",
		    "(%zu older messages not kept)", r->log.dropped),
		    r->log.dropped);
		add_ui_para(r, d, s, 0);
		free(s);
	}
	if (r->log.n == 0)
		add_ui_para(r, d, _("No warnings or errors since akhbar started."),
		    0);
	for (i = 0; i < r->log.n; i++)
		add_para_dir(d, r->log.v[i], 0, DIR_AUTO);
	add_ui_para(r, d, _("q or M closes this screen."), 0);
	return d;
}

/* Remember where the view is, zoom the reader pane on screen s. */
void
reader_screen_open(struct reader *r, enum reader_screen s, struct doc *d)
{
	if (r->screen == SCREEN_NONE) {
		r->before_screen.focus = r->app.focus;
		r->before_screen.zoom = r->app.zoom;
		r->before_screen.list = r->app.list;
		r->before_screen.text = r->app.reader;
		r->before_screen.doc_item = r->doc_item;
	}
	r->screen = s;
	r->app.zoom = 1;
	r->app.focus = FOCUS_READER;
	app_resize(&r->app, r->app.cols, r->app.lines);
	r->dirty |= READER_DIRTY_ALL;
	reader_set_doc(r, d, -1);
}

void
reader_screen_close(struct reader *r)
{
	const struct reader_place	*p = &r->before_screen;

	if (r->screen == SCREEN_NONE)
		return;
	r->screen = SCREEN_NONE;
	r->app.zoom = p->zoom;
	r->app.focus = p->focus;
	app_resize(&r->app, r->app.cols, r->app.lines);
	r->app.list.top = p->list.top;
	app_list_set(&r->app, r->src.n, p->list.sel);
	r->app.list.top = p->list.top < r->app.list.n ? p->list.top : 0;
	r->doc_item = -2;
	reader_show(r, p->doc_item);
	app_reader_goto(&r->app, p->text.top);
	r->dirty |= READER_DIRTY_ALL;
}

void
reader_act_help(struct reader *r, unsigned n)
{
	if (r->screen == SCREEN_HELP)
		reader_screen_close(r);
	else
		reader_screen_open(r, SCREEN_HELP, help_doc(r));
}

void
reader_act_messages(struct reader *r, unsigned n)
{
	if (r->screen == SCREEN_MESSAGES)
		reader_screen_close(r);
	else
		reader_screen_open(r, SCREEN_MESSAGES, messages_doc(r));
}

int
reader_first_run(const struct reader *r)
{
	if (r->st == NULL || r->src.kind != SOURCE_FEEDS)
		return 0;
	return r->src.n == 0 || r->urls.n == 0 ||
	    (source_at(&r->src, 0)->type == ITEM_ALL &&
	    source_at(&r->src, 0)->n_total == 0);
}

struct doc *
reader_first_run_doc(const struct reader *r)
{
	struct doc	*d = doc_create();
	char		*s;

	d->title = xstrdup(_("Welcome to akhbar"));
	article_add_title(d);
	if (r->urls.n == 0 && r->urls_missing)
		s = xasprintf(_("No feeds yet. The urls file, %s, does not "
		    "exist yet."), r->urls_path);
	else if (r->urls.n == 0)
		s = xasprintf(_("No feeds yet. The urls file, %s, names no "
		    "feed."), r->urls_path);
	else
		s = xasprintf(_("No articles yet: the feeds of %s have not "
		    "been fetched."), r->urls_path);
	add_ui_para(r, d, s, 0);
	free(s);
	add_ui_para(r, d, _("To add a feed, write its address on a line of its "
	    "own in the urls file, or bring the subscriptions of another "
	    "reader with akhbar --import-opml FILE."), 0);
	add_ui_para(r, d, _("Then press R to refresh every feed (r refreshes the "
	    "selected one). ? shows every key, q quits."), ATTR_BOLD);
	add_ui_para(r, d, _("A line of the urls file, for example:"), 0);
	add_line(d, "https://feeds.bbci.co.uk/arabic/rss.xml", 1, DIR_LTR);
	return d;
}
