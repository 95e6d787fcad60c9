/*
 * tui_refresh.h - the background refresh: a child `akhbar --refresh`
 * whose output comes through a pipe the event loop polls, and its
 * progress read from the store. Knows nothing of the screen or the
 * reader: the loop asks it and tells the reader what it says.
 */
#ifndef AKHBAR_TUI_REFRESH_H
#define AKHBAR_TUI_REFRESH_H

#include <sys/types.h>
#include <stddef.h>
#include <stdint.h>

#include "child.h"

struct store;

struct tui_refresh {
	struct child	 ch;		/* the fetcher, when running */
	int64_t		 started;	/* time() when it started */
	int64_t		 feed_id;	/* 0: all feeds */
	size_t		 done, total;
	char		*current;	/* last feed done */
	int64_t		 next_poll;	/* ms clock */
};

/* What the refresh wants from the caller after a poll or some input. */
#define TUI_REFRESH_RELOAD	0x1	/* new articles: reload the list */
#define TUI_REFRESH_ENDED	0x2	/* the child ended: see the result */

/* An idle refresh. */
void	tui_refresh_init(struct tui_refresh *rf);
/*
 * Start `exe -u urls_path -c store_path [-C config_path]
 * [--max-connections N] --refresh` for every feed, or for feed_url only
 * (with feed_id) when not NULL; config_path NULL: the default config.
 * Returns -1 and *cause (caller frees) when it cannot start.
 */
int	tui_refresh_start(struct tui_refresh *rf, const char *urls_path,
	    const char *config_path,
	    const char *store_path, int max_connections, const char *feed_url,
	    int64_t feed_id, char **cause);
/* The fd to poll, or -1. */
int	tui_refresh_fd(const struct tui_refresh *rf);
/* Read the child's output; reap it when it ends. TUI_REFRESH_* bits. */
int	tui_refresh_input(struct tui_refresh *rf, struct store *st,
	    int64_t now, int *status);
/* Look at the store for progress (every few hundred ms). TUI_REFRESH_*
 * bits. */
int	tui_refresh_poll(struct tui_refresh *rf, struct store *st,
	    int64_t now);
/* The message for the child's exit status into msg (n bytes); returns
 * non-zero when it is an error. */
int	tui_refresh_result(struct tui_refresh *rf, int status, char *msg,
	    size_t n);
/* Stop a running refresh (on exit). */
void	tui_refresh_stop(struct tui_refresh *rf);

#endif
