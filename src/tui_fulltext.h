/*
 * tui_fulltext.h - F's fetch in the background: a child `akhbar -c STORE
 * [-C CONFIG] --fulltext ID` whose output comes through a pipe that the
 * event loop polls with the keyboard, so keys keep working meanwhile.
 * Knows nothing of the screen or the reader: the loop tells the reader
 * (reader_fulltext_started(), reader_fulltext_done()).
 */
#ifndef AKHBAR_TUI_FULLTEXT_H
#define AKHBAR_TUI_FULLTEXT_H

#include <sys/types.h>
#include <stddef.h>
#include <stdint.h>

#include "child.h"

struct tui_fulltext {
	struct child	 ch;		/* the fetch, when running */
	int64_t		 id;		/* the article */
};

/* None running. */
void	tui_fulltext_init(struct tui_fulltext *ft);
/*
 * Start fetching article id's full text into the store at store_path
 * (config_path NULL: the default config), with its feed's identity from
 * the urls file at urls_path (NULL: the default one). Returns -1 and
 * *cause (caller frees) when it cannot start or one is running.
 */
int	tui_fulltext_start(struct tui_fulltext *ft, const char *store_path,
	    const char *config_path, const char *urls_path, int64_t id,
	    char **cause);
/* The fd to poll, or -1. */
int	tui_fulltext_fd(const struct tui_fulltext *ft);
/* Read the child's output; when it ended, reap it, set *ok (exit 0) and
 * return 1; else 0. */
int	tui_fulltext_input(struct tui_fulltext *ft, int *ok);
/* Stop a running fetch (on exit). */
void	tui_fulltext_stop(struct tui_fulltext *ft);

#endif
