/*
 * theme.h - colour themes: a style (foreground, background, attributes)
 * for every screen element, read from `color ELEMENT FG BG [ATTR...]`
 * lines. Colours are palette indices 0-255 or -1 for the terminal's
 * default; #rrggbb is mapped to the nearest of the 256.
 */
#ifndef AKHBAR_THEME_H
#define AKHBAR_THEME_H

#include <stddef.h>
#include <stdint.h>

/* The elements, in the order of the theme file documentation. */
#define THEME_ELEMENTS \
	X(LIST, "list") \
	X(LIST_FOCUS, "list-focus") \
	X(LIST_SELECT, "list-select") \
	X(LIST_UNREAD, "list-unread") \
	X(FEED_ERROR, "feed-error") \
	X(READER, "reader") \
	X(TITLE, "title") \
	X(HEADING, "heading") \
	X(LINK, "link") \
	X(QUOTE, "quote") \
	X(CODE, "code") \
	X(HIGHLIGHT, "highlight") \
	X(SEARCH_MATCH, "search-match") \
	X(STATUS, "status") \
	X(STATUS_ERROR, "status-error") \
	X(BORDER, "border")

enum theme_element {
#define X(id, name) THEME_##id,
	THEME_ELEMENTS
#undef X
	THEME_COUNT
};

#define THEME_BOLD	0x01
#define THEME_UNDERLINE	0x02
#define THEME_REVERSE	0x04
#define THEME_DIM	0x08
#define THEME_ITALIC	0x10

struct theme_style {
	int		fg;	/* -1 default, else 0-255 */
	int		bg;
	unsigned	attrs;	/* THEME_* bits */
	int		set;	/* given by the theme file */
};

struct theme {
	struct theme_style	style[THEME_COUNT];
	/* SGR sequences for --dump, one per attribute combination cached. */
	char			 sgr[1024][48];
	uint8_t			 sgr_done[1024];
};

/* The built-in theme: terminal colours, bold titles, a yellow
 * highlight. */
void		 theme_init(struct theme *t);
/* The monochrome theme (attributes only), for NO_COLOR and vt100. */
void		 theme_init_mono(struct theme *t);
/*
 * Apply the lines of a theme file (text, named file in messages) over t.
 * Returns -1 and sets *cause ("FILE:LINE: unknown element 'x'", caller
 * frees) at the first bad line; the lines before it stay applied.
 */
int		 theme_parse(struct theme *t, const char *text,
		    const char *file, char **cause);
/*
 * Load theme name: a path when it holds a '/', else NAME looked up in
 * $XDG_CONFIG_HOME/akhbar/themes, the installed share directory, the
 * directory of the running binary's themes/ and ./themes. Returns -1 and
 * sets *cause when it is not found or is bad.
 */
int		 theme_load(struct theme *t, const char *name, char **cause);
/* Non-zero when theme_load() would find name: a built-in theme (default,
 * mono) or a readable file where it looks. */
int		 theme_exists(const char *name);
/* The element that draws text with the given enum attr bits. */
enum theme_element theme_element_for(uint16_t attr);
/* The name of an element ("list-focus"). */
const char	*theme_element_name(enum theme_element e);
/* The SGR sequence that starts text of style s with attr bits (bold,
 * italic) into out (n bytes). */
void		 theme_style_sgr(const struct theme_style *s, uint16_t attr,
		    char *out, size_t n);
/* The SGR sequence that starts text with attr bits (for --dump). */
const char	*theme_sgr(struct theme *t, uint16_t attr);
/* Parse a colour word; returns -2 when it is not one. */
int		 theme_color(const char *word);

#endif
