/*
 * fetch_pipe.c - fetch_run() without libcurl in this process: the
 * transfers run in akhbar-fetch (fetch_main.c, linked with fetch.c and
 * libcurl), and their results stream back through a pipe (the messages
 * are in fetch_pipe.h). Starting akhbar without libcurl's 29 shared
 * libraries saves every command that never fetches 12-16 ms and about
 * 6 MB here, and the download program keeps receiving while this process
 * parses what has arrived, on the other core.
 *
 * The program is found as $AKHBAR_FETCH, else next to akhbar's own binary
 * (a build tree), else in LIBEXECDIR (an installed akhbar).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>

#include "fetch.h"
#include "fetch_pipe.h"
#include "util.h"

#ifndef LIBEXECDIR
#define LIBEXECDIR	"/usr/local/libexec/akhbar"
#endif

extern char	**environ;

void
fetch_opts_default(struct fetch_opts *o)
{
	memset(o, 0, sizeof *o);
	o->max_connections = 8;
	o->max_per_host = 2;
	o->connect_timeout = 20;
	o->timeout = 120;
	o->low_speed_limit = 16;
	o->low_speed_time = 30;
	o->max_redirects = 5;
	o->max_size = 32 * 1024 * 1024;
	o->user_agent = FETCH_USER_AGENT;
}

static void
put_num(struct buf *b, int64_t v)
{
	buf_add(b, &v, sizeof v);
}

static void
put_blob(struct buf *b, const char *s, size_t n)
{
	if (s == NULL) {
		put_num(b, -1);
		return;
	}
	put_num(b, (int64_t)n);
	buf_add(b, s, n);
	buf_putc(b, '\0');
}

static void
put_str(struct buf *b, const char *s)
{
	put_blob(b, s, s != NULL ? strlen(s) : 0);
}

static int64_t
get_num(struct fetch_wire *w)
{
	int64_t	v;

	if (w->bad || w->left < sizeof v) {
		w->bad = 1;
		return 0;
	}
	memcpy(&v, w->p, sizeof v);
	w->p += sizeof v;
	w->left -= sizeof v;
	return v;
}

/* A string or blob pointing into the message; *len its length. */
static char *
get_blob(struct fetch_wire *w, size_t *len)
{
	int64_t	 n = get_num(w);
	char	*s;

	if (len != NULL)
		*len = 0;
	if (w->bad || n == -1)
		return NULL;
	if (n < 0 || (uint64_t)n >= w->left || w->p[n] != '\0') {
		w->bad = 1;
		return NULL;
	}
	s = w->p;
	w->p += n + 1;
	w->left -= (size_t)n + 1;
	if (len != NULL)
		*len = (size_t)n;
	return s;
}

static char *
get_str(struct fetch_wire *w)
{
	return get_blob(w, NULL);
}

void
fetch_pipe_put_requests(struct buf *b, const struct fetch_opts *o,
    const struct fetch_req *reqs, size_t n)
{
	const struct fetch_req	*r;
	size_t			 i, h;

	put_num(b, o->max_connections);
	put_num(b, o->max_per_host);
	put_num(b, o->connect_timeout);
	put_num(b, o->timeout);
	put_num(b, o->low_speed_limit);
	put_num(b, o->low_speed_time);
	put_num(b, o->max_redirects);
	put_num(b, (int64_t)o->max_size);
	put_str(b, o->user_agent);
	put_str(b, o->proxy);
	put_str(b, o->cookie_file);
	put_str(b, o->netrc_file);
	put_num(b, (int64_t)n);
	for (i = 0; i < n; i++) {
		r = &reqs[i];
		put_str(b, r->url);
		put_str(b, r->etag);
		put_str(b, r->last_modified);
		put_str(b, r->user_agent);
		put_num(b, (int64_t)r->nheaders);
		for (h = 0; h < r->nheaders; h++)
			put_str(b, r->headers[h]);
		put_str(b, r->user);
		put_str(b, r->password);
		put_num(b, r->netrc);
		put_str(b, r->cookie_file);
		put_str(b, r->proxy);
	}
}

int
fetch_pipe_get_requests(char *msg, size_t len, struct fetch_opts *o,
    struct fetch_req **reqs, size_t *n)
{
	struct fetch_wire	 w = { msg, len, 0 };
	struct fetch_req	*r;
	char			**hdr;
	int64_t			 count, nh, h;
	size_t			 i;

	memset(o, 0, sizeof *o);
	o->max_connections = (int)get_num(&w);
	o->max_per_host = (int)get_num(&w);
	o->connect_timeout = (long)get_num(&w);
	o->timeout = (long)get_num(&w);
	o->low_speed_limit = (long)get_num(&w);
	o->low_speed_time = (long)get_num(&w);
	o->max_redirects = (long)get_num(&w);
	o->max_size = (size_t)get_num(&w);
	o->user_agent = get_str(&w);
	o->proxy = get_str(&w);
	o->cookie_file = get_str(&w);
	o->netrc_file = get_str(&w);
	count = get_num(&w);
	/* each request takes at least 8 bytes a field */
	if (w.bad || count < 0 || (uint64_t)count > w.left / 8 ||
	    o->max_connections < 1 || o->max_per_host < 1)
		return -1;
	*n = (size_t)count;
	*reqs = r = xcalloc(*n + 1, sizeof *r);
	for (i = 0; i < *n && !w.bad; i++) {
		r[i].url = get_str(&w);
		r[i].etag = get_str(&w);
		r[i].last_modified = get_str(&w);
		r[i].user_agent = get_str(&w);
		nh = get_num(&w);
		if (w.bad || nh < 0 || (uint64_t)nh > w.left / 8) {
			w.bad = 1;
			break;
		}
		hdr = xcalloc((size_t)nh + 1, sizeof *hdr);
		for (h = 0; h < nh; h++)
			hdr[h] = get_str(&w);
		r[i].headers = hdr;
		r[i].nheaders = (size_t)nh;
		r[i].user = get_str(&w);
		r[i].password = get_str(&w);
		r[i].netrc = (int)get_num(&w);
		r[i].cookie_file = get_str(&w);
		r[i].proxy = get_str(&w);
		if (r[i].url == NULL)
			w.bad = 1;
	}
	if (w.bad || w.left != 0) {
		fetch_pipe_free_requests(r, *n);
		*reqs = NULL;
		return -1;
	}
	return 0;
}

void
fetch_pipe_free_requests(struct fetch_req *reqs, size_t n)
{
	size_t	i;

	if (reqs == NULL)
		return;
	for (i = 0; i < n; i++)
		free((void *)reqs[i].headers);
	free(reqs);
}

void
fetch_pipe_put_result(struct buf *b, int64_t i, const struct fetch_result *res)
{
	size_t	at = b->len;
	int64_t	len;

	put_num(b, 0);		/* the record's length, filled in below */
	put_num(b, i);
	put_str(b, res->error);
	put_num(b, res->status);
	put_num(b, res->not_modified);
	put_blob(b, res->body, res->len);
	put_str(b, res->etag);
	put_str(b, res->last_modified);
	put_str(b, res->effective_url);
	put_str(b, res->content_type);
	put_str(b, res->moved_to);
	put_num(b, res->retry_after);
	len = (int64_t)(b->len - at - sizeof len);
	memcpy(b->data + at, &len, sizeof len);
}

int
fetch_pipe_get_result(char *msg, size_t len, int64_t *i, struct fetch_result *res)
{
	struct fetch_wire	w = { msg, len, 0 };

	memset(res, 0, sizeof *res);
	*i = get_num(&w);
	res->error = get_str(&w);
	res->status = (long)get_num(&w);
	res->not_modified = (int)get_num(&w);
	res->body = get_blob(&w, &res->len);
	res->etag = get_str(&w);
	res->last_modified = get_str(&w);
	res->effective_url = get_str(&w);
	res->content_type = get_str(&w);
	res->moved_to = get_str(&w);
	res->retry_after = get_num(&w);
	return w.bad || w.left != 0 ? -1 : 0;
}

/* Where the download program is (see the top of this file). */
static char *
fetch_program(void)
{
	const char	*env = getenv("AKHBAR_FETCH");
	char		 exe[4096], *slash, *try;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (util_exe_path(exe, sizeof exe) > 0 &&
	    (slash = strrchr(exe, '/')) != NULL) {
		*slash = '\0';
		try = xasprintf("%s/%s", exe, FETCH_PROGRAM);
		if (access(try, X_OK) == 0)
			return try;
		free(try);
	}
	return xstrdup(LIBEXECDIR "/" FETCH_PROGRAM);
}

/* Read exactly n bytes; 0 at a clean end before any, -1 otherwise. */
static int
read_full(int fd, void *p, size_t n)
{
	size_t	got = 0;
	ssize_t	r;

	while (got < n) {
		r = read(fd, (char *)p + got, n - got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			return got == 0 && r == 0 ? 0 : -1;
		got += (size_t)r;
	}
	return 1;
}

/* Write all of b to fd, with SIGPIPE ignored so that a program that died
 * makes this an error, not the end of akhbar. */
static int
write_full(int fd, const char *p, size_t n)
{
	struct sigaction	ign, old;
	ssize_t			w;
	int			rc = 0;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	while (n > 0) {
		w = write(fd, p, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = -1;
			break;
		}
		p += w;
		n -= (size_t)w;
	}
	sigaction(SIGPIPE, &old, NULL);
	return rc;
}

/* Start the program with its stdin and stdout on pipes. */
static pid_t
fetch_spawn(const char *path, int *to, int *from, char **cause)
{
	posix_spawn_file_actions_t	 fa;
	char				*argv[] = { (char *)FETCH_PROGRAM,
					    NULL };
	int				 in[2], out[2], rc;
	pid_t				 pid;

	if (pipe(in) == -1) {
		*cause = xasprintf("pipe: %s", strerror(errno));
		return -1;
	}
	if (pipe(out) == -1) {
		*cause = xasprintf("pipe: %s", strerror(errno));
		close(in[0]);
		close(in[1]);
		return -1;
	}
	/* none of the four in the program but its stdin and stdout (dup2
	 * clears the flag on those), nor in any other child of akhbar's */
	for (rc = 0; rc < 2; rc++) {
		fcntl(in[rc], F_SETFD, FD_CLOEXEC);
		fcntl(out[rc], F_SETFD, FD_CLOEXEC);
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	rc = posix_spawn(&pid, path, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(in[0]);
	close(out[1]);
	if (rc != 0) {
		*cause = xasprintf("cannot run %s: %s", path, strerror(rc));
		close(in[1]);
		close(out[0]);
		return -1;
	}
	*to = in[1];
	*from = out[0];
	return pid;
}

/* How the program ended, for the requests it never answered. */
static char *
fetch_exit_reason(int status)
{
	if (WIFSIGNALED(status))
		return xasprintf("the download program %s was killed by "
		    "signal %d", FETCH_PROGRAM, WTERMSIG(status));
	return xasprintf("the download program %s stopped (exit %d)",
	    FETCH_PROGRAM, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/*
 * Read records until the program's end, calling cb for each transfer.
 * done[i] marks the requests answered. Returns the number answered, or
 * -1 with *cause when the program reported that the run failed.
 */
static ssize_t
fetch_read_results(int fd, const struct fetch_opts *o,
    struct fetch_req *reqs, size_t n, char *done, fetch_done_cb cb,
    void *arg, const struct fetch_idle *idle, char **cause)
{
	struct fetch_result	 res;
	struct pollfd		 pfd[2];
	int64_t			 len, i;
	size_t			 answered = 0;
	char			*msg, drain[64];

	for (;;) {
		/* between records: the idle fd's callback may run */
		while (idle != NULL && idle->fd >= 0) {
			pfd[0].fd = fd;
			pfd[0].events = POLLIN;
			pfd[1].fd = idle->fd;
			pfd[1].events = POLLIN;
			if (poll(pfd, 2, -1) == -1) {
				if (errno == EINTR)
					continue;
				break;
			}
			if (pfd[1].revents & (POLLIN | POLLHUP)) {
				if (read(idle->fd, drain, sizeof drain) <= 0)
					break;
				idle->cb(arg);
			}
			if (pfd[0].revents != 0)
				break;
		}
		if (read_full(fd, &len, sizeof len) != 1)
			break;
		/* a body is at most max_size; the rest is a few URLs */
		if (len < 0 || (uint64_t)len > o->max_size + (1 << 20))
			break;
		msg = xmalloc((size_t)len + 1);
		if (read_full(fd, msg, (size_t)len) != 1 ||
		    fetch_pipe_get_result(msg, (size_t)len, &i, &res) == -1 ||
		    i < -1 || i >= (int64_t)n || (i >= 0 && done[i])) {
			free(msg);
			break;
		}
		if (i == -1) {
			*cause = xstrdup(res.error != NULL ? res.error :
			    "the downloads could not start");
			free(msg);
			return -1;
		}
		done[i] = 1;
		answered++;
		cb(&reqs[i], &res, arg);
		free(msg);
	}
	return (ssize_t)answered;
}

int
fetch_run(const struct fetch_opts *o, struct fetch_req *reqs, size_t n,
    fetch_done_cb cb, void *arg, char **cause)
{
	return fetch_run_idle(o, reqs, n, cb, arg, NULL, cause);
}

int
fetch_run_idle(const struct fetch_opts *o, struct fetch_req *reqs, size_t n,
    fetch_done_cb cb, void *arg, const struct fetch_idle *idle,
    char **cause)
{
	struct fetch_result	 res;
	struct buf		 msg = { 0 };
	char			*path, *done, *why;
	int			 to, from, status = 0;
	ssize_t			 answered;
	size_t			 i;
	pid_t			 pid;

	if (n == 0)
		return 0;
	path = fetch_program();
	pid = fetch_spawn(path, &to, &from, cause);
	free(path);
	if (pid == -1)
		return -1;
	fetch_pipe_put_requests(&msg, o, reqs, n);
	/* the program reads it all before it answers: no deadlock */
	write_full(to, msg.data, msg.len);
	close(to);
	buf_free(&msg);
	done = xcalloc(n, 1);
	answered = fetch_read_results(from, o, reqs, n, done, cb, arg, idle,
	    cause);
	if (answered != -1 && (size_t)answered < n)
		kill(pid, SIGTERM);	/* a bad record: stop it */
	close(from);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (answered == -1) {
		free(done);
		return -1;
	}
	why = fetch_exit_reason(status);
	for (i = 0; i < n; i++) {
		if (done[i])
			continue;
		memset(&res, 0, sizeof res);
		res.error = why;
		cb(&reqs[i], &res, arg);
	}
	free(why);
	free(done);
	return 0;
}
