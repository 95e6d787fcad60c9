/*
 * tui_refresh.c - refreshing feeds without freezing the screen: the
 * reader runs `akhbar -u URLS -c STORE --refresh` (its own binary; for
 * one feed, URLS is a temporary file naming only that feed) as a child
 * with its output on a pipe, polls that pipe in the event
 * loop with the keyboard, and watches the store (which two processes may
 * share) for progress: a feed whose last fetch is newer than the start
 * is done, and its new articles are shown as they arrive. Times are
 * seconds (store) and milliseconds (the loop's clock).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util.h"
#include "store.h"
#include "tui.h"

static void
drop_tmp(struct tui_refresh *r)
{
	if (r->tmp_urls != NULL)
		unlink(r->tmp_urls);
	free(r->tmp_urls);
	r->tmp_urls = NULL;
}

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

static const char *
feed_url(const struct tui *t, int64_t feed_id)
{
	size_t	i;

	for (i = 0; i < t->src.n; i++)
		if (t->src.v[i].type == ITEM_FEED && t->src.v[i].id == feed_id)
			return t->src.v[i].path;
	return NULL;
}

/* A temporary urls file naming only url; its path is kept in r. */
static const char *
one_feed_urls(struct tui_refresh *r, const char *url)
{
	const char	*dir = getenv("TMPDIR");
	char		*line;
	int		 fd;
	size_t		 len;

	free(r->tmp_urls);
	r->tmp_urls = xasprintf("%s/akhbar-urls.XXXXXX", dir != NULL &&
	    *dir == '/' ? dir : "/tmp");
	if ((fd = mkstemp(r->tmp_urls)) == -1) {
		free(r->tmp_urls);
		r->tmp_urls = NULL;
		return NULL;
	}
	line = urls_format(url, NULL, NULL, 0);
	len = strlen(line);
	if (write(fd, line, len) != (ssize_t)len || write(fd, "\n", 1) != 1) {
		free(line);
		close(fd);
		drop_tmp(r);
		return NULL;
	}
	free(line);
	close(fd);
	return r->tmp_urls;
}

void
tui_refresh_start(struct tui *t, int64_t feed_id)
{
	struct tui_refresh	*r = &t->refresh;
	char			 exe[PATH_MAX], *argv[10], conn[16];
	const char		*url = NULL, *urls = t->urls_path;
	ssize_t			 n;
	int			 fd[2], null, i = 0;

	if (r->pid != 0) {
		tui_message(t, 0, "a refresh is already running");
		return;
	}
	if ((n = util_exe_path(exe, sizeof exe)) <= 0) {
		tui_message(t, 1, "refresh: cannot find the akhbar binary");
		return;
	}
	exe[n] = '\0';
	if (feed_id != 0 && (url = feed_url(t, feed_id)) == NULL)
		feed_id = 0;
	if (url != NULL && (urls = one_feed_urls(r, url)) == NULL) {
		tui_message(t, 1, "refresh: cannot write a temporary file");
		return;
	}
	argv[i++] = exe;
	argv[i++] = "-u";
	argv[i++] = (char *)urls;
	argv[i++] = "-c";
	argv[i++] = t->store_path;
	if (t->cfg.max_connections > 0) {
		snprintf(conn, sizeof conn, "%d", t->cfg.max_connections);
		argv[i++] = "--max-connections";
		argv[i++] = conn;
	}
	argv[i++] = "--refresh";
	argv[i] = NULL;
	if (pipe(fd) == -1) {
		drop_tmp(r);
		tui_message(t, 1, "refresh: %s", strerror(errno));
		return;
	}
	if ((r->pid = fork()) == -1) {
		r->pid = 0;
		close(fd[0]);
		close(fd[1]);
		drop_tmp(r);
		tui_message(t, 1, "refresh: %s", strerror(errno));
		return;
	}
	if (r->pid == 0) {
		if ((null = open("/dev/null", O_RDONLY)) != -1)
			dup2(null, STDIN_FILENO);
		dup2(fd[1], STDOUT_FILENO);
		dup2(fd[1], STDERR_FILENO);
		close(fd[0]);
		close(fd[1]);
		execv(exe, argv);
		_exit(127);
	}
	close(fd[1]);
	fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(fd[0], F_SETFL, fcntl(fd[0], F_GETFL) | O_NONBLOCK);
	r->fd = fd[0];
	r->started = (int64_t)time(NULL);
	r->feed_id = feed_id;
	r->done = 0;
	r->total = 0;
	r->linelen = 0;
	r->last[0] = '\0';
	free(r->current);
	r->current = NULL;
	r->next_poll = 0;
	tui_refresh_poll(t, tui_now());
	tui_message(t, 0, NULL);
}

int
tui_refresh_fd(const struct tui *t)
{
	return t->refresh.pid != 0 ? t->refresh.fd : -1;
}

/* Keep the last complete line of the child's output. */
static void
take_output(struct tui_refresh *r, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n') {
			if (r->linelen > 0) {
				memcpy(r->last, r->line, r->linelen);
				r->last[r->linelen] = '\0';
			}
			r->linelen = 0;
		} else if (r->linelen + 1 < sizeof r->line)
			r->line[r->linelen++] = s[i];
	}
}

static void
finished(struct tui *t, int status)
{
	struct tui_refresh	*r = &t->refresh;

	take_output(r, "\n", 1);
	r->pid = 0;
	drop_tmp(r);
	tui_reload_list(t);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		tui_message(t, 0, "refreshed %zu of %zu feeds", r->done,
		    r->total);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 1)
		tui_message(t, 1, "refresh: some feeds failed (%s)", r->last);
	else if (strstr(r->last, "not implemented") != NULL ||
	    (WIFEXITED(status) && WEXITSTATUS(status) == 127))
		tui_message(t, 1, "refresh not available in this build: %s",
		    r->last);
	else
		tui_message(t, 1, "refresh failed: %s", r->last[0] ? r->last :
		    "the fetcher ended badly");
}

void
tui_refresh_input(struct tui *t)
{
	struct tui_refresh	*r = &t->refresh;
	char			 b[4096];
	ssize_t			 n;
	int			 status = 0;

	if (r->pid == 0 || r->fd == -1)
		return;
	while ((n = read(r->fd, b, sizeof b)) > 0)
		take_output(r, b, (size_t)n);
	if (n == -1 && (errno == EAGAIN || errno == EINTR))
		return;
	close(r->fd);
	r->fd = -1;
	while (waitpid(r->pid, &status, 0) == -1 && errno == EINTR)
		;
	r->next_poll = 0;
	tui_refresh_poll(t, tui_now());
	finished(t, status);
}

void
tui_refresh_poll(struct tui *t, int64_t now)
{
	struct tui_refresh	*r = &t->refresh;
	struct progress		 p;
	size_t			 before = r->done;

	if (r->pid == 0 || t->st == NULL || now < r->next_poll)
		return;
	r->next_poll = now + 250;
	memset(&p, 0, sizeof p);
	p.since = r->started;
	p.feed_id = r->feed_id;
	if (store_feeds(t->st, progress_cb, &p, NULL) == -1) {
		free(p.current);
		return;
	}
	r->total = p.total;
	r->done = p.done;
	if (p.current != NULL) {
		free(r->current);
		r->current = p.current;
	}
	if (r->done != before)
		tui_reload_list(t);
	t->status_dirty = 1;
}

void
tui_refresh_stop(struct tui *t)
{
	struct tui_refresh	*r = &t->refresh;
	int			 status;

	if (r->pid != 0) {
		kill(r->pid, SIGTERM);
		while (waitpid(r->pid, &status, 0) == -1 && errno == EINTR)
			;
		r->pid = 0;
	}
	if (r->fd != -1)
		close(r->fd);
	r->fd = -1;
	drop_tmp(r);
}
