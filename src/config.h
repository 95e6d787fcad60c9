/*
 * config.h - the reader's configuration file: one word and its arguments
 * a line (`bind KEY ACTION`, `theme NAME`...), '#' comments. A bad line
 * is reported as "FILE:LINE: reason 'word'" and skipped; the rest still
 * applies, so akhbar always starts.
 */
#ifndef AKHBAR_CONFIG_H
#define AKHBAR_CONFIG_H

#include <stddef.h>

#include "app.h"
#include "rules.h"

enum config_bidi {
	BIDI_MODE_APP,		/* akhbar reorders and shapes */
	BIDI_MODE_TERMINAL,	/* logical text for a bidi terminal */
	BIDI_MODE_OFF,		/* logical order, nothing reordered */
};

enum config_dir { LAYOUT_AUTO, LAYOUT_LTR, LAYOUT_RTL };

/* Links, copying and programs: how y copies, hyperlinks, notices. */
enum config_copy { COPY_OSC52, COPY_COMMAND, COPY_OFF };
enum config_hyperlinks { HYPERLINKS_AUTO, HYPERLINKS_ON, HYPERLINKS_OFF };
enum config_notify { NOTIFY_OFF, NOTIFY_OSC9, NOTIFY_OSC777,
	NOTIFY_COMMAND };

/* Keywords with a style of their own: `highlight WORD... -- FG [BG]
 * [ATTRIBUTE...]` (colours and attributes as in themes). */
struct config_hlgroup {
	char		**words;
	size_t		  nwords;
	int		  fg;		/* -1 the terminal's default */
	int		  bg;
	unsigned	  attrs;	/* THEME_* bits */
};

struct config {
	char		*theme;			/* NULL: default */
	enum config_dir	 layout_dir;
	int		 split_threshold;	/* columns */
	int		 mark_read_delay;	/* ms; -1 never */
	enum config_bidi bidi;
	int		 refresh_interval;	/* minutes; 0 never */
	int		 feed_sort_title;	/* 0: urls file order */
	char		**highlight;		/* keywords (theme style) */
	size_t		 nhighlight;
	struct config_hlgroup *hlgroups;	/* keywords with a style */
	size_t		 nhlgroups;
	int		 max_connections;	/* 0: the fetcher's default */
	long		 max_articles;		/* per feed; 0 unlimited */
	long		 download_timeout;	/* seconds; 0 default */
	long		 connect_timeout;	/* seconds; 0 default */
	long		 max_feed_size;		/* bytes; 0 default */
	char		*save_dir;		/* NULL: the default */
	/* i15: dates (ldate.h's enums; 0 is auto) */
	int		 date_format;
	int		 date_calendar;
	int		 digits;
	int		 date_relative;
	/* HTTP identity (issue 13); NULL: the fetcher's default */
	char		*user_agent;
	char		*proxy;
	char		*cookie_file;		/* Netscape format */
	/* query NAME SEARCH lines (issue 13): virtual lists */
	char		**query_names;
	char		**query_searches;
	size_t		 nqueries;
	struct rules	 rules;			/* ignore lines (issue 13) */
	int		 fulltext;	/* --refresh fetches full texts
					 * (of feeds that do not say) */
	struct app_keys	 keys;
	/* Links, copying and programs. Argument vectors are
	 * NULL-terminated; execs[i] is the program of `bind KEY exec`. */
	enum config_copy copy_method;
	char		**copy_command;		/* NULL: none */
	char		***execs;
	size_t		 nexecs;
	int		 mouse;			/* default on */
	int		 mouse_link_copy;	/* click on [N]: copy, not
						 * open */
	enum config_hyperlinks hyperlinks;
	int		 keyboard_layout;	/* enum keymap_layout */
	enum config_notify notify;
	char		**notify_command;	/* NULL: none */
	int		 beep;
	char		**errors;		/* "FILE:LINE: ..." */
	size_t		 nerrors;
};

/* Defaults and the default key bindings. Free with config_free(). */
void	 config_init(struct config *c);
void	 config_free(struct config *c);
/* Apply the lines of text (named file in messages) over c; bad lines go
 * to c->errors. Returns the number of bad lines. */
size_t	 config_parse(struct config *c, const char *text, const char *file);
/*
 * Load the file at path, or when path is NULL the default
 * $XDG_CONFIG_HOME/akhbar/config (a missing default is fine). Errors go
 * to c->errors. Returns the number of errors.
 */
size_t	 config_load(struct config *c, const char *path);
/* Mirror the layout (list on the right)? layout-direction, and when it
 * is auto, whether the interface language is right to left (ui_rtl,
 * i18n_rtl()'s answer). */
int	 config_layout_rtl(const struct config *c, int ui_rtl);
/* The default config path. Caller frees. */
char	*config_default_path(void);

#endif
