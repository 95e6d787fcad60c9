/*
 * app.h - the reader's view state and the key -> action table, with no
 * curses: which pane has the focus, the selection and scroll position of
 * each pane, the split of the screen into panes, the count prefix. The
 * TUI feeds it keys and screen sizes and paints what it says; the unit
 * tests drive it without a terminal. Coordinates are terminal cells,
 * (0, 0) top left; rows of a pane are numbered from its first row.
 */
#ifndef AKHBAR_APP_H
#define AKHBAR_APP_H

#include <stddef.h>
#include <stdint.h>

/* Every action a key can be bound to: id, config name, help text. */
#define APP_ACTIONS \
	X(QUIT, "quit", N_("go back to the feed list, or quit")) \
	X(QUIT_NOW, "hard-quit", N_("quit at once")) \
	X(DOWN, "down", N_("next item / scroll down one line")) \
	X(UP, "up", N_("previous item / scroll up one line")) \
	X(PAGE_DOWN, "page-down", N_("one page down")) \
	X(PAGE_UP, "page-up", N_("one page up")) \
	X(TOP, "top", N_("first item / top of the article")) \
	X(BOTTOM, "bottom", N_("last item / end of the article")) \
	X(OPEN, "open", N_("open the feed or article")) \
	X(FOCUS_NEXT, "focus-next", N_("move the focus to the other pane")) \
	X(LEFT, "left", N_("focus the pane on the left")) \
	X(RIGHT, "right", N_("focus the pane on the right")) \
	X(NEXT_UNREAD, "next-unread", N_("next unread (next hit while searching)")) \
	X(PREV_UNREAD, "prev-unread", N_("previous unread (previous hit)")) \
	X(TOGGLE_UNREAD, "toggle-unread", N_("mark the article unread / read")) \
	X(MARK_FEED_READ, "mark-feed-read", N_("mark every article of the list on screen read")) \
	X(UNDO_MARK, "undo-mark-read", N_("undo the last mark-read of several articles")) \
	X(SAVE, "save", N_("save the article as a file in the save folder")) \
	X(SEARCH, "search", N_("search in the focused pane")) \
	X(SEARCH_NEXT, "search-next", N_("next search hit")) \
	X(SEARCH_PREV, "search-prev", N_("previous search hit")) \
	X(HIGHLIGHT, "highlight", N_("add or remove a highlight keyword")) \
	X(SEARCH_STORE, "search-store", N_("search every stored article")) \
	X(REFRESH, "refresh", N_("refresh the selected feed")) \
	X(REFRESH_ALL, "refresh-all", N_("refresh every feed")) \
	X(TOGGLE_SPLIT, "toggle-split", N_("panes side by side / stacked")) \
	X(ZOOM, "zoom", N_("reader full screen / back")) \
	X(BROWSER, "open-in-browser", N_("open the article (or link N) in $BROWSER")) \
	X(COPY_LINK, "copy-link", N_("copy the article's link (or link N)")) \
	X(COPY_TEXT, "copy-text", N_("copy the article's text")) \
	X(LINKS, "links", N_("list the article's links (N o opens, N y copies)")) \
	X(PIPE, "pipe", N_("pipe the article's text to a command")) \
	X(EXEC, "exec", N_("run the program bound with `bind KEY exec`")) \
	X(FULLTEXT, "fulltext", N_("fetch and show the full article from its page / the feed's text")) \
	X(REDRAW, "redraw", N_("repaint the screen")) \
	X(SUSPEND, "suspend", N_("suspend akhbar (back with fg)")) \
	X(MESSAGES, "messages", N_("show the message log (warnings, errors)")) \
	X(TAG, "tag-view", N_("show only the feeds of a tag (empty: all)")) \
	X(IGNORE, "ignore-article", N_("hide articles titled like this one (N I: by its author)")) \
	X(HELP, "help", N_("show all keys"))

enum app_action {
	ACT_NONE = 0,
#define X(id, name, help) ACT_##id,
	APP_ACTIONS
#undef X
	ACT_COUNT
};

/* Keys: Unicode code points, control characters 1-31, and these. */
enum app_key {
	KEY_APP_BASE = 0x200000,
	KEY_APP_UP, KEY_APP_DOWN, KEY_APP_LEFT, KEY_APP_RIGHT,
	KEY_APP_PGUP, KEY_APP_PGDN, KEY_APP_HOME, KEY_APP_END,
	KEY_APP_BTAB, KEY_APP_DEL, KEY_APP_INS,
	KEY_APP_F1
};
#define APP_KEY_ENTER	'\r'
#define APP_KEY_TAB	'\t'
#define APP_KEY_ESC	0x1b
#define APP_KEY_BACKSPACE 0x7f

/* The name of an action ("page-down"), its help text, or by name. */
const char	*app_action_name(enum app_action a);
const char	*app_action_help(enum app_action a);
enum app_action	 app_action_find(const char *name);
/* Parse a key name: "j", "^L", "C-l", "TAB", "PGDN", "SPACE", "F1"...
 * Returns -1 when it is not one. */
int		 app_key_parse(const char *name);
/* Write the name of key into out (size n), as app_key_parse reads it. */
void		 app_key_name(int key, char *out, size_t n);

/* Key bindings: a small table, one action a key. */
struct app_binding {
	int		key;
	enum app_action	action;
	size_t		arg;		/* ACT_EXEC: which program */
};
struct app_keys {
	struct app_binding	*v;
	size_t			 n;
	size_t			 cap;
};

/* Fill k with the default bindings (less, vim, mutt, newsboat). */
void		 app_keys_default(struct app_keys *k);
/* Bind key to a (ACT_NONE unbinds). */
void		 app_keys_bind(struct app_keys *k, int key, enum app_action a);
/* Bind key to ACT_EXEC with program number arg. */
void		 app_keys_bind_exec(struct app_keys *k, int key, size_t arg);
/* The action bound to key, or ACT_NONE; *arg (may be NULL) gets the
 * binding's argument. */
enum app_action	 app_keys_lookup(const struct app_keys *k, int key);
enum app_action	 app_keys_lookup_arg(const struct app_keys *k, int key,
		    size_t *arg);
void		 app_keys_free(struct app_keys *k);

enum app_focus { FOCUS_LIST, FOCUS_READER };
enum app_split { SPLIT_AUTO, SPLIT_SIDE, SPLIT_STACK };

/* A rectangle of the screen; h == 0 when not shown. */
struct app_rect {
	int	y, x, h, w;
};

/* Where each part of the screen goes. */
struct app_geom {
	struct app_rect	list;
	struct app_rect	reader;
	struct app_rect	border;		/* one column or one row */
	struct app_rect	status;
	int		side;		/* panes side by side */
};

/* A scrolling list or text: n rows, top row shown, selected row. */
struct app_view {
	size_t	n;
	size_t	top;
	size_t	sel;		/* lists only */
};

struct app {
	int		 cols, lines;
	int		 split_threshold;	/* side by side from this width */
	enum app_split	 split;
	int		 zoom;			/* reader full screen */
	int		 mirror;		/* list on the right */
	enum app_focus	 focus;
	struct app_geom	 geom;
	struct app_view	 list;
	struct app_view	 reader;
	unsigned	 count;			/* count prefix, 0 none */
};

/* Start with an empty screen of cols x lines. */
void	app_init(struct app *a, int cols, int lines, int split_threshold,
	    int mirror);
/* A new screen size: recompute the geometry and keep the views valid. */
void	app_resize(struct app *a, int cols, int lines);
/* Recompute the geometry (after a change of split, zoom or mirror). */
void	app_layout(struct app *a);
/* Rows of the list and reader panes. */
size_t	app_list_height(const struct app *a);
size_t	app_reader_height(const struct app *a);

/* A new number of list items; the selection stays in range. */
void	app_list_set(struct app *a, size_t n, size_t sel);
/* Move the selection by delta (clamped); returns non-zero if it moved. */
int	app_list_move(struct app *a, long delta);
/* Select item i (clamped) and scroll it into view. */
void	app_list_select(struct app *a, size_t i);

/* A new article of n rows, scrolled to the top. */
void	app_reader_set(struct app *a, size_t n);
/* Scroll by delta rows (clamped); returns the rows actually moved. */
long	app_reader_scroll(struct app *a, long delta);
/* Scroll so that row i is at the top (clamped). */
void	app_reader_goto(struct app *a, size_t i);
/* Largest valid top row of the reader. */
size_t	app_reader_max_top(const struct app *a);

/* Focus pane f (the list when the reader is zoomed is refused). */
void	app_focus_set(struct app *a, enum app_focus f);
/* Which pane is left of the other on the screen. */
enum app_focus app_focus_left(const struct app *a);

/* Feed a digit to the count prefix; returns 0 when key is no digit. */
int	app_count_key(struct app *a, int key);
/* The count prefix (or dflt when none), clearing it. */
unsigned app_count_take(struct app *a, unsigned dflt);

#endif
