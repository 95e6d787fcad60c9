/*
 * tui.h - shared between the tui*.c files only (the only files that
 * include curses): the reader's context, the pane widget, painting and
 * the background refresh. Coordinates are terminal cells.
 */
#ifndef AKHBAR_TUI_H
#define AKHBAR_TUI_H

#include <sys/types.h>
#include <stdint.h>
#include <curses.h>

#include "app.h"
#include "cells.h"
#include "config.h"
#include "render.h"
#include "source.h"
#include "theme.h"
#include "urls.h"

struct tui;

/* Cells of a highlight keyword with a style of its own carry the number
 * of its group (1-15) in these attribute bits, which the core does not
 * use; painting picks the group's style. */
#define TUI_GROUP_SHIFT	12
#define TUI_GROUP_MASK	0xf000
#define TUI_GROUP_MAX	15

/* What the status line prompt asks for. */
enum tui_prompt { PROMPT_SEARCH, PROMPT_HIGHLIGHT, PROMPT_SEARCH_STORE };

/* A keyword match of one colour group in the block text. */
struct tui_ghit {
	size_t	start, end;
	int	group;		/* 1-based */
};

/* A pane: a curses window whose rows come from a callback. It keeps a
 * dirty flag and the top row it shows, so scrolling paints only the rows
 * that came into view. */
struct tui_pane {
	WINDOW		*win;
	struct app_rect	 r;
	int		 dirty;
	size_t		 shown_top;
	int		 shown;
	/* Row i (NULL past the end) and the theme element of its blanks. */
	const struct row *(*row)(struct tui *, size_t i, int *elem);
};

/* The background refresh: a child `akhbar --refresh` and its output. */
struct tui_refresh {
	pid_t		 pid;		/* 0: none running */
	int		 fd;		/* child's stdout+stderr, or -1 */
	int64_t		 started;	/* time() when it started */
	int64_t		 feed_id;	/* 0: all feeds */
	size_t		 done, total;
	char		*current;	/* last feed done */
	char		 line[512];	/* last output line */
	size_t		 linelen;
	char		 last[512];
	int64_t		 next_poll;	/* ms clock */
	char		*tmp_urls;	/* one-feed urls file, or NULL */
};

struct tui {
	struct config	 cfg;
	struct app	 app;
	struct source	 src;
	struct theme	 theme;
	struct store	*st;
	struct urls	 urls;
	char		*urls_path;
	char		*store_path;
	int		 offline;
	int		 quit;

	/* The reader: document, its layout and the options it uses. */
	struct doc	*doc;
	struct layout	*layout;
	struct render_opts ropts;
	long		 doc_item;	/* list index shown, -1 none */
	int		 help;		/* the reader shows the key help */
	struct matcher	*hl;		/* every highlight keyword */
	char		**kw;		/* keywords in the theme's style */
	size_t		 nkw;
	struct matcher	**gm;		/* one per cfg.hlgroups */
	char		**all_words;	/* kw and the groups' (borrowed) */
	size_t		 nall;
	struct tui_ghit	*gh;		/* group hits of block gsrc */
	size_t		 ngh;
	size_t		 gsrc;
	int		 gvalid;
	struct row	 rtmp;		/* reader row with group bits */
	struct row	 gtmp;		/* list title for one group */
	struct matcher	*search;
	char		*search_word;
	enum app_focus	 search_pane;
	size_t		*hits;		/* reader rows of the hits */
	size_t		 nhits, hit;
	int		 line_flags;	/* render_line flags */

	/* Going back from an article list to the feed list. */
	size_t		 feeds_sel;

	/* Marking read after a moment. */
	int64_t		 mark_at;	/* ms clock; 0 none */
	long		 mark_item;
	int64_t		 next_refresh;	/* ms clock; 0 none */

	/* The prompt (search) in the status line. */
	int		 prompting;
	enum tui_prompt	 prompt_kind;
	struct buf	 prompt;
	size_t		 nlhits, lhit;	/* list search: titles matching */

	/* Screen. */
	int		 ncolors;	/* 0 mono, 8, 16 or 256 */
	int		 tty_fd;
	struct tui_pane	 list_pane;
	struct tui_pane	 reader_pane;
	WINDOW		*border;
	WINDOW		*status;
	int		 status_dirty;
	int		 border_dirty;
	char		*msg;
	int		 msg_error;
	struct row	 tmp;		/* list row being built */
	struct tui_refresh refresh;
};

/* tui_draw.c */
/* Set up colours for t->theme (pairs, fit to the terminal's colours). */
void	tui_draw_colors(struct tui *t);
/* (Re)create the windows for the current geometry. */
void	tui_draw_windows(struct tui *t);
/* Paint what is dirty and update the terminal once. */
void	tui_draw(struct tui *t);
/* The pane row callbacks: list item i, reader row i. */
const struct row *tui_list_row(struct tui *t, size_t i, int *elem);
const struct row *tui_reader_row(struct tui *t, size_t i, int *elem);
/* Mark everything dirty. */
void	tui_draw_all(struct tui *t);
/* A message in the status line (printf format); error in error colours. */
void	tui_message(struct tui *t, int error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* tui_refresh.c */
/* Start refreshing feed_id (0: all) in the background. */
void	tui_refresh_start(struct tui *t, int64_t feed_id);
/* The fd to poll, or -1. */
int	tui_refresh_fd(const struct tui *t);
/* Read the child's output; reap it when it ends. */
void	tui_refresh_input(struct tui *t);
/* Look at the store for progress (every few hundred ms). */
void	tui_refresh_poll(struct tui *t, int64_t now);
/* Stop a running refresh (on exit). */
void	tui_refresh_stop(struct tui *t);

/* tui.c */
/* Milliseconds on a monotonic clock. */
int64_t	tui_now(void);
/* Reload the list from the source, keeping the selected item. */
void	tui_reload_list(struct tui *t);

#endif
