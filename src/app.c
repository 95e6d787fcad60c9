/*
 * app.c - view state of the reader without curses: the action and key
 * tables, the split of the screen into panes (cells; the status line is
 * the last row), list selection and reader scrolling with their bounds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "app.h"
#include "i18n.h"

static const struct {
	const char	*name;
	const char	*help;
} actions[] = {
	{ "none", "" },
#define X(id, name, help) { name, help },
	APP_ACTIONS
#undef X
};

static const struct {
	const char	*name;
	int		 key;
} key_names[] = {
	{ "UP", KEY_APP_UP }, { "DOWN", KEY_APP_DOWN },
	{ "LEFT", KEY_APP_LEFT }, { "RIGHT", KEY_APP_RIGHT },
	{ "PGUP", KEY_APP_PGUP }, { "PGDN", KEY_APP_PGDN },
	{ "PAGEUP", KEY_APP_PGUP }, { "PAGEDOWN", KEY_APP_PGDN },
	{ "HOME", KEY_APP_HOME }, { "END", KEY_APP_END },
	{ "BTAB", KEY_APP_BTAB }, { "DEL", KEY_APP_DEL },
	{ "INS", KEY_APP_INS }, { "F1", KEY_APP_F1 },
	{ "ENTER", APP_KEY_ENTER }, { "TAB", APP_KEY_TAB },
	{ "ESC", APP_KEY_ESC }, { "SPACE", ' ' },
	{ "BACKSPACE", APP_KEY_BACKSPACE },
};

static const struct {
	int		key;
	enum app_action	action;
} default_keys[] = {
	{ 'q', ACT_QUIT }, { 'Q', ACT_QUIT_NOW },
	{ 'j', ACT_DOWN }, { KEY_APP_DOWN, ACT_DOWN },
	{ 'k', ACT_UP }, { KEY_APP_UP, ACT_UP },
	{ ' ', ACT_PAGE_DOWN }, { KEY_APP_PGDN, ACT_PAGE_DOWN },
	{ 'f' & 0x1f, ACT_PAGE_DOWN },
	{ 'b', ACT_PAGE_UP }, { KEY_APP_PGUP, ACT_PAGE_UP },
	{ 'b' & 0x1f, ACT_PAGE_UP },
	{ 'g', ACT_TOP }, { KEY_APP_HOME, ACT_TOP },
	{ 'G', ACT_BOTTOM }, { KEY_APP_END, ACT_BOTTOM },
	{ APP_KEY_ENTER, ACT_OPEN }, { '\n', ACT_OPEN },
	{ APP_KEY_TAB, ACT_FOCUS_NEXT }, { KEY_APP_BTAB, ACT_FOCUS_NEXT },
	{ KEY_APP_LEFT, ACT_LEFT }, { 'h', ACT_LEFT },
	{ KEY_APP_RIGHT, ACT_RIGHT }, { 'l', ACT_RIGHT },
	{ 'n', ACT_NEXT_UNREAD }, { 'N', ACT_PREV_UNREAD },
	{ 'p', ACT_PREV_UNREAD }, { 'U', ACT_UNDO_MARK },
	{ 'M', ACT_MESSAGES }, { 'I', ACT_IGNORE }, { 't', ACT_TAG },
	{ 'm', ACT_TOGGLE_UNREAD }, { 'u', ACT_LINKS },
	{ 'y', ACT_COPY_LINK }, { 'Y', ACT_COPY_TEXT }, { '|', ACT_PIPE },
	{ 'A', ACT_MARK_FEED_READ },
	{ 's', ACT_SAVE }, { '/', ACT_SEARCH },
	{ 'H', ACT_HIGHLIGHT }, { 'S', ACT_SEARCH_STORE },
	{ 'r', ACT_REFRESH }, { 'R', ACT_REFRESH_ALL },
	{ 'v', ACT_TOGGLE_SPLIT }, { 'z', ACT_ZOOM },
	{ 'o', ACT_BROWSER }, { 'l' & 0x1f, ACT_REDRAW },
	{ 'F', ACT_FULLTEXT },
	{ '?', ACT_HELP }, { KEY_APP_F1, ACT_HELP },
	{ 'z' & 0x1f, ACT_SUSPEND }, { 'c' & 0x1f, ACT_QUIT_NOW },
};

const char *
app_action_name(enum app_action a)
{
	return a < ACT_COUNT ? actions[a].name : "?";
}

const char *
app_action_help(enum app_action a)
{
	return a < ACT_COUNT ? actions[a].help : "";
}

enum app_action
app_action_find(const char *name)
{
	int	i;

	for (i = 1; i < ACT_COUNT; i++)
		if (strcmp(name, actions[i].name) == 0)
			return i;
	return ACT_NONE;
}

int
app_key_parse(const char *s)
{
	size_t		 i, n = strlen(s);
	unsigned char	 c;
	uint32_t	 cp;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (strcasecmp(s, key_names[i].name) == 0)
			return key_names[i].key;
	if (n == 2 && s[0] == '^' && s[1] >= '?' && s[1] <= 'z')
		return s[1] == '?' ? APP_KEY_BACKSPACE : (s[1] & 0x1f);
	if (n == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-' &&
	    ((s[2] >= 'a' && s[2] <= 'z') || (s[2] >= 'A' && s[2] <= 'Z')))
		return s[2] & 0x1f;
	c = (unsigned char)s[0];
	if (n == 1 && c > ' ' && c < 0x7f)
		return c;
	/* One non-ASCII character, as UTF-8. */
	if (c >= 0xc2 && c < 0xf5) {
		int len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4, k;

		if ((int)n != len)
			return -1;
		cp = c & (0x3f >> (len - 1));
		for (k = 1; k < len; k++) {
			if (((unsigned char)s[k] & 0xc0) != 0x80)
				return -1;
			cp = cp << 6 | ((unsigned char)s[k] & 0x3f);
		}
		return (int)cp;
	}
	return -1;
}

void
app_key_name(int key, char *out, size_t n)
{
	size_t	i;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key == key_names[i].key) {
			snprintf(out, n, "%s", key_names[i].name);
			return;
		}
	if (key > 0 && key < 0x20)
		snprintf(out, n, "^%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(out, n, "%c", key);
	else
		snprintf(out, n, "U+%04X", (unsigned)key);
}

void
app_keys_bind(struct app_keys *k, int key, enum app_action a)
{
	size_t	i;

	for (i = 0; i < k->n; i++)
		if (k->v[i].key == key) {
			k->v[i].action = a;
			k->v[i].arg = 0;
			return;
		}
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 64;
		k->v = xreallocarray(k->v, k->cap, sizeof *k->v);
	}
	k->v[k->n].key = key;
	k->v[k->n].action = a;
	k->v[k->n].arg = 0;
	k->n++;
}

void
app_keys_bind_exec(struct app_keys *k, int key, size_t arg)
{
	size_t	i;

	app_keys_bind(k, key, ACT_EXEC);
	for (i = 0; i < k->n; i++)
		if (k->v[i].key == key)
			k->v[i].arg = arg;
}

void
app_keys_default(struct app_keys *k)
{
	size_t	i;

	for (i = 0; i < sizeof default_keys / sizeof default_keys[0]; i++)
		app_keys_bind(k, default_keys[i].key, default_keys[i].action);
}

enum app_action
app_keys_lookup_arg(const struct app_keys *k, int key, size_t *arg)
{
	size_t	i;

	for (i = 0; i < k->n; i++)
		if (k->v[i].key == key) {
			if (arg != NULL)
				*arg = k->v[i].arg;
			return k->v[i].action;
		}
	return ACT_NONE;
}

enum app_action
app_keys_lookup(const struct app_keys *k, int key)
{
	return app_keys_lookup_arg(k, key, NULL);
}

void
app_keys_free(struct app_keys *k)
{
	free(k->v);
	memset(k, 0, sizeof *k);
}

void
app_init(struct app *a, int cols, int lines, int split_threshold,
    int mirror)
{
	memset(a, 0, sizeof *a);
	a->split_threshold = split_threshold;
	a->mirror = mirror;
	a->focus = FOCUS_LIST;
	app_resize(a, cols, lines);
}

static struct app_rect
rect(int y, int x, int h, int w)
{
	struct app_rect	r;

	r.y = y;
	r.x = x;
	r.h = h > 0 && w > 0 ? h : 0;
	r.w = h > 0 && w > 0 ? w : 0;
	return r;
}

void
app_layout(struct app *a)
{
	struct app_geom	*g = &a->geom;
	int		 body = a->lines - 1, lw;

	memset(g, 0, sizeof *g);
	g->status = rect(a->lines - 1, 0, a->lines > 0 ? 1 : 0, a->cols);
	if (body < 1)
		return;
	if (a->zoom) {
		g->reader = rect(0, 0, body, a->cols);
		return;
	}
	g->side = a->split == SPLIT_SIDE || (a->split == SPLIT_AUTO &&
	    a->cols >= a->split_threshold);
	if (g->side) {
		lw = a->cols * 2 / 5;
		if (lw < 12)
			lw = a->cols / 2;
		if (a->mirror) {
			g->reader = rect(0, 0, body, a->cols - lw - 1);
			g->border = rect(0, a->cols - lw - 1, body, 1);
			g->list = rect(0, a->cols - lw, body, lw);
		} else {
			g->list = rect(0, 0, body, lw);
			g->border = rect(0, lw, body, 1);
			g->reader = rect(0, lw + 1, body, a->cols - lw - 1);
		}
	} else {
		lw = (body - 1) * 2 / 5;
		if (lw < 1)
			lw = 1;
		g->list = rect(0, 0, lw, a->cols);
		g->border = rect(lw, 0, 1, a->cols);
		g->reader = rect(lw + 1, 0, body - lw - 1, a->cols);
	}
}

size_t
app_list_height(const struct app *a)
{
	return (size_t)a->geom.list.h;
}

size_t
app_reader_height(const struct app *a)
{
	return (size_t)a->geom.reader.h;
}

/* Keep the selection inside the window of the list. */
static void
list_follow(struct app *a)
{
	size_t	h = app_list_height(a);

	if (h == 0)
		h = 1;
	if (a->list.sel < a->list.top)
		a->list.top = a->list.sel;
	else if (a->list.sel >= a->list.top + h)
		a->list.top = a->list.sel - h + 1;
	if (a->list.n <= h)
		a->list.top = 0;
	else if (a->list.top > a->list.n - h)
		a->list.top = a->list.n - h;
}

void
app_resize(struct app *a, int cols, int lines)
{
	a->cols = cols > 0 ? cols : 1;
	a->lines = lines > 0 ? lines : 1;
	app_layout(a);
	if (a->zoom || a->geom.list.h > 0)
		list_follow(a);
	if (a->reader.top > app_reader_max_top(a))
		a->reader.top = app_reader_max_top(a);
}

void
app_list_set(struct app *a, size_t n, size_t sel)
{
	a->list.n = n;
	a->list.sel = n == 0 ? 0 : sel < n ? sel : n - 1;
	list_follow(a);
}

int
app_list_move(struct app *a, long delta)
{
	size_t	old = a->list.sel;

	if (a->list.n == 0)
		return 0;
	if (delta < 0)
		a->list.sel = (size_t)-delta > a->list.sel ? 0 :
		    a->list.sel - (size_t)-delta;
	else
		a->list.sel = (size_t)delta >= a->list.n - a->list.sel ?
		    a->list.n - 1 : a->list.sel + (size_t)delta;
	list_follow(a);
	return a->list.sel != old;
}

void
app_list_select(struct app *a, size_t i)
{
	app_list_set(a, a->list.n, i);
}

void
app_reader_set(struct app *a, size_t n)
{
	a->reader.n = n;
	a->reader.top = 0;
}

size_t
app_reader_max_top(const struct app *a)
{
	size_t	h = app_reader_height(a);

	return a->reader.n > h ? a->reader.n - h : 0;
}

long
app_reader_scroll(struct app *a, long delta)
{
	size_t	old = a->reader.top, max = app_reader_max_top(a);

	if (delta < 0)
		a->reader.top = (size_t)-delta > old ? 0 : old -
		    (size_t)-delta;
	else
		a->reader.top = old + (size_t)delta;
	if (a->reader.top > max)
		a->reader.top = max;
	return (long)a->reader.top - (long)old;
}

void
app_reader_goto(struct app *a, size_t i)
{
	size_t	max = app_reader_max_top(a);

	a->reader.top = i > max ? max : i;
}

void
app_focus_set(struct app *a, enum app_focus f)
{
	if (a->zoom && f == FOCUS_LIST)
		return;
	a->focus = f;
}

enum app_focus
app_focus_left(const struct app *a)
{
	return a->mirror ? FOCUS_READER : FOCUS_LIST;
}

int
app_count_key(struct app *a, int key)
{
	if (key < '0' || key > '9' || (key == '0' && a->count == 0))
		return 0;
	if (a->count < 100000)
		a->count = a->count * 10 + (unsigned)(key - '0');
	return 1;
}

unsigned
app_count_take(struct app *a, unsigned dflt)
{
	unsigned	c = a->count;

	a->count = 0;
	return c ? c : dflt;
}
