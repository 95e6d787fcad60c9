/*
 * reader_links.c - links, copying and programs in the reader's model, no
 * curses: the article's links with their text (the `u` screen), what `y`
 * and `Y` copy, the text handed to a program (logical order) and shown
 * in the pane (visual rows), keys typed on an Arabic, Persian or Hebrew
 * layout, and the mouse. Programs and notifications are reader_exec.c's;
 * the terminal (tui_exec.c) writes and runs what these build.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "utf8.h"
#include "keymap.h"
#include "reader.h"
#include "i18n.h"
#include "saved.h"
#include "store.h"

/* ---- text ---- */

static void
put_cp(struct buf *b, uint32_t cp)
{
	char	enc[4];

	buf_add(b, enc, utf8_encode(cp, enc));
}

/* The text of d in logical order (see reader_article_text()). */
static char *
doc_text(const struct doc *d)
{
	const struct block	*bl;
	struct buf		 b = { 0 };
	size_t			 i, k;

	for (i = 0; i < d->nblocks; i++) {
		bl = &d->blocks[i];
		if (bl->type == BLOCK_RULE || bl->len == 0)
			continue;
		if (b.len > 0)
			buf_puts(&b, bl->tight ? "\n" : "\n\n");
		for (k = 0; k < bl->len; k++) {
			if (bl->text[k] == DOC_BREAK)
				buf_putc(&b, '\n');
			else if (!utf8_is_bidi_control(bl->text[k]))
				put_cp(&b, bl->text[k]);
		}
	}
	buf_putc(&b, '\n');
	buf_putc(&b, '\0');
	return b.data;
}

long
reader_article_item(const struct reader *r)
{
	if (r->screen == SCREEN_LINKS)
		return r->before_screen.doc_item;
	return r->screen == SCREEN_NONE ? r->doc_item : -1;
}

char *
reader_article_text(struct reader *r)
{
	struct doc	*d;
	char		*s, *cause = NULL;
	long		 i;

	if (r->screen == SCREEN_NONE)
		return r->doc != NULL ? doc_text(r->doc) : NULL;
	/* Over the link screen: the article under it. */
	if ((i = reader_article_item(r)) < 0 || (size_t)i >= r->src.n)
		return NULL;
	if ((d = source_doc(&r->src, (size_t)i, &cause)) == NULL) {
		free(cause);
		return NULL;
	}
	s = doc_text(d);
	doc_free(d);
	return s;
}

char *
reader_pane_text(struct reader *r)
{
	const struct row	*row;
	struct buf		 b = { 0 };
	size_t			 i;

	for (i = 0; (row = reader_text_row(r, i)) != NULL; i++) {
		cells_to_text(row, &b, NULL, NULL);
		buf_putc(&b, '\n');
	}
	buf_putc(&b, '\0');
	return b.data;
}

/* ---- links ---- */

/* The number in a "[N]" marker at text[k..), or 0; *end after it. */
static size_t
marker_number(const struct block *bl, size_t k, size_t *end)
{
	size_t	n = 0;

	if (bl->text[k] != '[' || !(bl->attr[k] & ATTR_MARKER) ||
	    !(bl->attr[k] & ATTR_LINK))
		return 0;
	for (k++; k < bl->len && bl->text[k] >= '0' && bl->text[k] <= '9' &&
	    n < 1000000; k++)
		n = n * 10 + (bl->text[k] - '0');
	if (k == bl->len || bl->text[k] != ']')
		return 0;
	*end = k + 1;
	return n;
}

/* Where the "[image...]" marker that ends at text[k) starts, else k.
 * Its brackets and "image: " are markers, its alt text is not. */
static size_t
image_start(const struct block *bl, size_t k)
{
	size_t	i = k;

	if (k == 0 || bl->text[k - 1] != ']' || !(bl->attr[k - 1] &
	    ATTR_MARKER))
		return k;
	i--;
	while (i > 0 && !(bl->text[i - 1] == '[' && (bl->attr[i - 1] &
	    ATTR_MARKER)))
		i--;
	if (i == 0 || bl->text[i - 1] != '[' || k - i < 6 ||
	    bl->text[i] != 'i')
		return k;
	return i - 1;
}

char *
reader_link_text(const struct doc *d, size_t n)
{
	const struct block	*bl;
	struct buf		 b = { 0 };
	size_t			 i, k, start, end, num;

	for (i = 0; d != NULL && i < d->nblocks; i++) {
		bl = &d->blocks[i];
		start = 0;
		for (k = 0; k < bl->len; k++) {
			if (!(bl->attr[k] & ATTR_LINK))
				start = k + 1;
			else if ((num = marker_number(bl, k, &end)) != 0) {
				if (num == n) {
					/* An image's link: its [image: alt]. */
					if (start == k)
						start = image_start(bl, k);
					for (; start < k; start++)
						put_cp(&b, bl->text[start]);
					buf_putc(&b, '\0');
					return b.data;
				}
				start = end;
				k = end - 1;
			}
		}
	}
	return NULL;
}

char *
reader_copy_link(struct reader *r, unsigned n)
{
	const char	*url = NULL;
	long		 i = reader_current(r);

	if (n > 0) {
		if (r->doc == NULL || n > r->doc->nlinks) {
			reader_message(r, MSG_ERROR, _("no link %u"), n);
			return NULL;
		}
		url = r->doc->links[n - 1];
	} else if (r->screen == SCREEN_NONE && i >= 0)
		url = source_link(&r->src, (size_t)i);
	if (url == NULL || *url == '\0') {
		reader_message(r, MSG_ERROR, _("no link to copy"));
		return NULL;
	}
	return utf8_sanitize(url, strlen(url), 0);
}

/* One entry of the link screen: "[n] text" (a paragraph of its own
 * direction, so RTL text is laid out RTL), the URL under it, then info
 * (may be NULL) after the URL in parentheses. */
#define IMAGE_OPEN	"[image: "
#define IMAGE_LEN	(sizeof IMAGE_OPEN - 1)
static void
links_entry(struct doc *d, const char *text, uint16_t attr, const char *url,
    const char *info)
{
	struct block	*b;
	char		*s;
	size_t		 n;

	b = doc_add_block(d, BLOCK_PARA);
	b->dir = DIR_AUTO;
	s = xasprintf("[%zu] ", doc_add_link(d, url));
	block_add_utf8(b, s, strlen(s), ATTR_MARKER, 0);
	free(s);
	n = strlen(text);
	/* an image's "[image: ALT]": its alt gives the direction */
	if (n > IMAGE_LEN + 1 && strncmp(text, IMAGE_OPEN, IMAGE_LEN) == 0 &&
	    text[n - 1] == ']') {
		block_add_utf8(b, text, IMAGE_LEN, attr | ATTR_MARKER, 1);
		block_add_utf8(b, text + IMAGE_LEN, n - IMAGE_LEN - 1, attr, 1);
		block_add_utf8(b, "]", 1, attr | ATTR_MARKER, 1);
	} else
		block_add_utf8(b, text, n, attr, 1);
	b = doc_add_block(d, BLOCK_PARA);
	b->dir = DIR_LTR;
	b->tight = 1;
	block_add_utf8(b, url, strlen(url), ATTR_LINK, 0);
	if (info != NULL) {
		s = xasprintf(" (%s)", info);
		block_add_utf8(b, s, strlen(s), 0, 1);
		free(s);
	}
}

/* The enclosure of the article shown (audio, video), or NULL; *info
 * gets its type and size ("audio/mpeg, 12.3 MB") or NULL. Caller frees
 * both. */
static char *
enclosure(struct reader *r, char **info)
{
	struct store_body	 body;
	char			*cause = NULL, *e = NULL;
	long			 i = r->doc_item;

	*info = NULL;
	if (r->st == NULL || i < 0 || (size_t)i >= r->src.n ||
	    source_at(&r->src, i)->type != ITEM_ARTICLE)
		return NULL;
	memset(&body, 0, sizeof body);
	if (store_article_enclosure(r->st, source_at(&r->src, i)->id, &body,
	    &cause) == -1) {
		free(cause);
		return NULL;
	}
	if (body.enclosure != NULL && *body.enclosure != '\0') {
		e = utf8_sanitize(body.enclosure, strlen(body.enclosure), 0);
		*info = saved_enclosure_info(body.enclosure_type,
		    body.enclosure_length);
	}
	store_body_clear(&body);
	return e;
}

/* The link screen: the article's links in order (text links, image
 * sources), then its enclosure and its own link. */
static struct doc *
links_doc(struct reader *r)
{
	const struct doc	*article = r->doc;
	struct doc		*d = doc_create();
	struct block		*b;
	const char		*own = NULL;
	char			*text, *encl, *info;
	size_t			 i;

	d->title = xstrdup(_("Links"));
	b = doc_add_block(d, BLOCK_HEADING);
	block_add_utf8(b, d->title, strlen(d->title), ATTR_TITLE, 1);
	for (i = 0; i < article->nlinks; i++) {
		text = reader_link_text(article, i + 1);
		if (text != NULL && *text != '\0')
			links_entry(d, text, ATTR_BOLD, article->links[i],
			    NULL);
		else
			links_entry(d, _("(no text)"), ATTR_ITALIC,
			    article->links[i], NULL);
		free(text);
	}
	if ((encl = enclosure(r, &info)) != NULL)
		links_entry(d, _("enclosure (audio, video...)"), ATTR_ITALIC,
		    encl, info);
	free(encl);
	free(info);
	if (r->doc_item >= 0)
		own = source_link(&r->src, (size_t)r->doc_item);
	if (own != NULL && *own != '\0') {
		text = utf8_sanitize(own, strlen(own), 0);
		links_entry(d, _("the article's own link"), ATTR_ITALIC, text,
		    NULL);
		free(text);
	}
	b = doc_add_block(d, BLOCK_PARA);
	b->dir = r->ui_rtl ? DIR_RTL : DIR_LTR;
	text = xstrdup(d->nlinks > 0 ? _("A number then Enter or o opens "
	    "that link, a number then y copies it, and a number then a key "
	    "bound to exec runs its program on it. q or u closes this "
	    "screen.") : _("This article has no links. q or u closes this "
	    "screen."));
	block_add_utf8(b, text, strlen(text), 0, 1);
	free(text);
	return d;
}

void
reader_act_links(struct reader *r, unsigned n)
{
	if (r->screen == SCREEN_LINKS) {
		reader_screen_close(r);
		return;
	}
	if (r->screen != SCREEN_NONE || r->doc == NULL || r->welcome) {
		reader_message(r, MSG_INFO, _("no article shown"));
		return;
	}
	reader_screen_open(r, SCREEN_LINKS, links_doc(r));
}

/* ---- keyboard layouts ---- */

int
reader_key_latin(const struct reader *r, int key)
{
	const char	*l = getenv("LC_ALL");
	int		 fa;

	if (key < 0x80 || key >= KEY_APP_BASE)
		return 0;
	if (l == NULL || *l == '\0')
		l = getenv("LC_CTYPE");
	if (l == NULL || *l == '\0')
		l = getenv("LANG");
	fa = l != NULL && strncmp(l, "fa", 2) == 0 && (l[2] == '_' ||
	    l[2] == '.' || l[2] == '\0');
	return keymap_latin(r->cfg.keyboard_layout, fa, (uint32_t)key);
}

/* ---- the mouse ---- */

static int
in_rect(const struct app_rect *rc, int y, int x)
{
	return rc->h > 0 && y >= rc->y && y < rc->y + rc->h && x >= rc->x &&
	    x < rc->x + rc->w;
}

unsigned
reader_cell_link(const struct reader *r, const struct row *row, size_t i)
{
	const struct block	*bl;
	size_t			 k, end, n;

	if (r->doc == NULL || i >= row->n || row->src >= r->doc->nblocks ||
	    row->cells[i].pos == CELL_NOPOS ||
	    !(row->cells[i].attr & ATTR_LINK))
		return 0;
	bl = &r->doc->blocks[row->src];
	if ((k = row->cells[i].pos) >= bl->len || !(bl->attr[k] & ATTR_LINK))
		return 0;
	if (bl->attr[k] & ATTR_MARKER)
		while (k > 0 && bl->text[k] != '[' && (bl->attr[k - 1] &
		    ATTR_MARKER))
			k--;
	else
		while (k < bl->len && (bl->attr[k] & ATTR_LINK) &&
		    !(bl->attr[k] & ATTR_MARKER))
			k++;
	if (k >= bl->len || (n = marker_number(bl, k, &end)) == 0 ||
	    n > r->doc->nlinks)
		return 0;
	return (unsigned)n;
}

/* The number of the link at (y, x) of the reader pane, or 0. */
static unsigned
link_at(struct reader *r, int y, int x)
{
	const struct row	*row;
	size_t			 i, col = 0;

	if ((row = reader_text_row(r, r->app.reader.top +
	    (size_t)(y - r->app.geom.reader.y))) == NULL)
		return 0;
	for (i = 0; i < row->n; i++) {
		if (col + row->cells[i].width > (size_t)(x -
		    r->app.geom.reader.x))
			break;
		col += row->cells[i].width;
	}
	return reader_cell_link(r, row, i);
}

enum app_action
reader_mouse(struct reader *r, enum reader_mouse ev, int y, int x)
{
	const struct app_geom	*g = &r->app.geom;
	size_t			 row;
	unsigned		 n;
	int			 was;

	if (r->prompting)
		return ACT_NONE;
	if (in_rect(&g->list, y, x)) {
		if (ev == MOUSE_WHEEL_UP || ev == MOUSE_WHEEL_DOWN) {
			if (app_list_move(&r->app, ev == MOUSE_WHEEL_UP ?
			    -3 : 3))
				reader_selection_changed(r);
			return ACT_NONE;
		}
		row = r->app.list.top + (size_t)(y - g->list.y);
		if (row >= r->app.list.n)
			return ACT_NONE;
		was = r->app.focus == FOCUS_LIST && row == r->app.list.sel;
		app_focus_set(&r->app, FOCUS_LIST);
		r->dirty |= READER_DIRTY_LIST | READER_DIRTY_STATUS;
		if (row != r->app.list.sel) {
			app_list_select(&r->app, row);
			reader_selection_changed(r);
		}
		if (ev == MOUSE_DOUBLE || was)
			return reader_act(r, ACT_OPEN, 0);
		return ACT_NONE;
	}
	if (!in_rect(&g->reader, y, x))
		return ACT_NONE;
	if (ev == MOUSE_WHEEL_UP || ev == MOUSE_WHEEL_DOWN) {
		if (app_reader_scroll(&r->app, ev == MOUSE_WHEEL_UP ? -3 : 3))
			r->dirty |= READER_DIRTY_TEXT | READER_DIRTY_STATUS;
		return ACT_NONE;
	}
	if (r->app.focus != FOCUS_READER)
		reader_act(r, ACT_FOCUS_NEXT, 0);
	if ((n = link_at(r, y, x)) == 0)
		return ACT_NONE;
	return reader_act(r, r->cfg.mouse_link_copy ? ACT_COPY_LINK :
	    ACT_BROWSER, n);
}
