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
	int		 hyperlinks;	/* OSC 8 around links (hyperlinks) */
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

/* tui.c */
/* Write s to the terminal as it is, past curses (an OSC from osc.c). */
void	tui_write(const char *s);
/* Shut curses down for a program that may use the terminal; back with
 * tui_resume(), which repaints. */
void	tui_suspend(void);
void	tui_resume(struct tui *t);

/* tui_exec.c */
/*
 * Run argv (fork, execvp; no shell) with input (may be NULL) on its
 * standard input, from a temporary file. interactive: curses is shut
 * down while it runs and the screen repainted; else its output goes to
 * /dev/null. Returns 0, or -1 with "PROGRAM: exit status N: first line
 * of its standard error" in msg (msglen bytes).
 */
int	tui_run(struct tui *t, char **argv, const char *input,
	    int interactive, char *msg, size_t msglen);
/* y (link n, or the article's with 0) and Y, by copy-method. */
void	tui_copy_link(struct tui *t, unsigned n);
void	tui_copy_text(struct tui *t);
/* The program of `bind KEY exec` for the last key; the | command. */
void	tui_exec(struct tui *t);
void	tui_pipe(struct tui *t);
/* A background refresh ended: beep and notify about new articles as
 * the config says. */
void	tui_notify(struct tui *t);
/* Whether to write OSC 8 hyperlinks: the config's hyperlinks, and for
 * auto the terminal (TERM; in_tmux: $TMUX is set). */
int	tui_hyperlinks_wanted(const struct config *c, const char *term,
	    int in_tmux);
/* Write the links on rows [from, to) of the reader pane again as OSC 8
 * hyperlinks (after curses has painted them). */
void	tui_hyperlinks(struct tui *t, int from, int to);

#endif
