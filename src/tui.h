/*
 * tui.h - shared between the tui*.c files only (the only files that
 * include curses): the terminal's side of the reader: the windows, the
 * pane widget, colours and the background refresh around the model of
 * reader.h. Coordinates are terminal cells.
 */
#ifndef AKHBAR_TUI_H
#define AKHBAR_TUI_H

#include <stdint.h>
#include <curses.h>

#include "reader.h"
#include "theme.h"
#include "tui_refresh.h"
#include "tui_fulltext.h"

struct tui;

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

struct tui {
	struct reader	 r;		/* the model */
	struct theme	 theme;
	int		 ncolors;	/* 0 mono, 8, 16 or 256 */
	struct tui_pane	 list_pane;
	struct tui_pane	 reader_pane;
	WINDOW		*border;
	WINDOW		*status;
	int		 status_dirty;
	int		 border_dirty;
	struct tui_refresh refresh;
	struct tui_fulltext fulltext;	/* F's fetch */
	int64_t		 next_refresh;	/* ms clock; 0 none */
	const char	*config_path;	/* -C FILE, or NULL: the default */
};

/* tui_draw.c */
/* Set up colours for t->theme (pairs, fit to the terminal's colours). */
void	tui_draw_colors(struct tui *t);
/* (Re)create the windows for the current geometry. */
void	tui_draw_windows(struct tui *t);
/* Take the model's dirty flags, paint what is dirty and update the
 * terminal once. */
void	tui_draw(struct tui *t);
/* Mark everything dirty. */
void	tui_draw_all(struct tui *t);

#endif
