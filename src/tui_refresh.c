/*
 * tui_refresh.c - refreshing feeds without freezing the screen: the
 * reader runs `akhbar -u URLS -c STORE --refresh` (its own binary; for
 * one feed, with `--feed URL --force`, so that feed's settings in the
 * urls file apply and its interval does not hold back a refresh the
 * user asked for) as a child
 * with its output on a pipe, polls that pipe in the event
 * loop with the keyboard, and watches the store (which two processes may
 * share) for progress: a feed whose last fetch is newer than the start
 * is done, and its new articles are shown as they arrive. Times are
 * seconds (store) and milliseconds (the loop's clock). It knows nothing
 * of the screen nor of the reader: its functions say what happened and
 * the loop in tui.c tells the reader.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "util.h"
#include "store.h"
#include "child.h"
#include "tui_refresh.h"
#include "urls.h"
#include "i18n.h"

/* Progress as read from the store. */
struct progress {
	int64_t		 since;
	int64_t		 feed_id;
	size_t		 done, total;
	int64_t		 newest;
	char		*current;
};

static int
progress_cb(const struct store_feed *f, void *arg)
{
	struct progress	*p = arg;

	if (p->feed_id != 0 && f->id != p->feed_id)
		return 0;
	p->total++;
	if (f->last_fetch >= p->since) {
		p->done++;
		if (f->last_fetch >= p->newest) {
			p->newest = f->last_fetch;
			free(p->current);
			p->current = xstrdup(f->title != NULL ? f->title :
			    f->url);
		}
	}
	return 0;
}

void
tui_refresh_init(struct tui_refresh *rf)
{
	memset(rf, 0, sizeof *rf);
	child_init(&rf->ch);
}

int
tui_refresh_start(struct tui_refresh *rf, const char *urls_path,
    const char *config_path, const char *store_path, int max_connections, const char *feed_url,
    int64_t feed_id, char **cause)
{
	char		 exe[PATH_MAX], *argv[16], conn[16];
	const char	*urls = urls_path;
	char		*err;
	int		 i = 0;

	if (rf->ch.pid != 0) {
		*cause = xstrdup("a refresh is already running");
		return -1;
	}
	if (util_exe_path(exe, sizeof exe) <= 0) {
		*cause = xstrdup("refresh: cannot find the akhbar binary");
		return -1;
	}
	if (feed_url == NULL)
		feed_id = 0;
	argv[i++] = exe;
	argv[i++] = "-u";
	argv[i++] = (char *)urls;
	argv[i++] = "-c";
	argv[i++] = (char *)store_path;
	if (config_path != NULL) {
		argv[i++] = "-C";
		argv[i++] = (char *)config_path;
	}
	if (max_connections > 0) {
		snprintf(conn, sizeof conn, "%d", max_connections);
		argv[i++] = "--max-connections";
		argv[i++] = conn;
	}
	if (feed_url != NULL) {
		argv[i++] = "--feed";
		argv[i++] = (char *)feed_url;
		argv[i++] = "--force";
	}
	argv[i++] = "--refresh";
	argv[i] = NULL;
	if (child_start(&rf->ch, argv, &err) == -1) {
		*cause = xasprintf("refresh: %s", err);
		free(err);
		return -1;
	}
	rf->started = (int64_t)time(NULL);
	rf->feed_id = feed_id;
	rf->done = 0;
	rf->total = 0;
	free(rf->current);
	rf->current = NULL;
	rf->next_poll = 0;
	return 0;
}

int
tui_refresh_fd(const struct tui_refresh *rf)
{
	return child_fd(&rf->ch);
}

int
tui_refresh_result(struct tui_refresh *rf, int status, char *msg, size_t n)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		snprintf(msg, n, ngettext("refreshed %zu of %zu feed",
		    "refreshed %zu of %zu feeds", rf->total), rf->done,
		    rf->total);
		return 0;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 1)
		snprintf(msg, n, _("refresh: some feeds failed (%s)"),
		    rf->ch.last);
	else if (strstr(rf->ch.last, "not implemented") != NULL ||
	    (WIFEXITED(status) && WEXITSTATUS(status) == 127))
		snprintf(msg, n, _("refresh not available in this build: %s"),
		    rf->ch.last);
	else
		snprintf(msg, n, _("refresh failed: %s"), rf->ch.last[0] ?
		    rf->ch.last : _("the fetcher ended badly"));
	return 1;
}

/* Read the feeds' last fetch times from the store. TUI_REFRESH_* bits. */
static int
poll_store(struct tui_refresh *rf, struct store *st)
{
	struct progress	p;
	size_t		before = rf->done;

	memset(&p, 0, sizeof p);
	p.since = rf->started;
	p.feed_id = rf->feed_id;
	if (store_feeds(st, progress_cb, &p, NULL) == -1) {
		free(p.current);
		return 0;
	}
	rf->total = p.total;
	rf->done = p.done;
	if (p.current != NULL) {
		free(rf->current);
		rf->current = p.current;
	}
	return rf->done != before ? TUI_REFRESH_RELOAD : 0;
}

int
tui_refresh_poll(struct tui_refresh *rf, struct store *st, int64_t now)
{
	if (rf->ch.pid == 0 || st == NULL || now < rf->next_poll)
		return 0;
	rf->next_poll = now + 250;
	return poll_store(rf, st);
}

int
tui_refresh_input(struct tui_refresh *rf, struct store *st, int64_t now,
    int *status)
{
	if (!child_read(&rf->ch, status))
		return 0;
	rf->next_poll = now + 250;
	if (st != NULL)
		poll_store(rf, st);
	return TUI_REFRESH_RELOAD | TUI_REFRESH_ENDED;
}

void
tui_refresh_stop(struct tui_refresh *rf)
{
	child_stop(&rf->ch);
	free(rf->current);
	rf->current = NULL;
}
