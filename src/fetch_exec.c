/*
 * fetch_exec.c - runs the program of an exec: or filter: source (see
 * fetch_exec.h). A child in its own process group, its stdin, stdout and
 * stderr on pipes, one poll() loop feeding the input and reading both
 * outputs until the child closes them or the time runs out; then the
 * whole group is killed so a script's own children cannot linger. Times
 * are milliseconds inside, seconds in the interface.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fetch_exec.h"
#include "util.h"

/* How much of stderr is kept for the error message. */
#define EXEC_ERR_MAX	1024

char **
fetch_exec_argv(const char *s, int *argc)
{
	return util_split_argv(s, strlen(s), argc);
}

void
fetch_exec_argv_free(char **argv)
{
	util_argv_free(argv);
}

int
fetch_exec_source(const char *source, char **cmd, char **url)
{
	const char	*p, *last = NULL;

	*cmd = *url = NULL;
	if (strncmp(source, "exec:", 5) == 0) {
		*cmd = xstrdup(source + 5);
		return 0;
	}
	if (strncmp(source, "filter:", 7) != 0)
		return -1;
	source += 7;
	for (p = source; (p = strstr(p, ":http")) != NULL; p++)
		if (strncmp(p, ":http://", 8) == 0 ||
		    strncmp(p, ":https://", 9) == 0)
			last = p;
	if (last == NULL)
		return -1;
	*cmd = xstrndup(source, last - source);
	*url = xstrdup(last + 1);
	return 0;
}

/* Milliseconds of a monotonic clock. */
static long long
exec_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* In the child: pipes onto 0, 1, 2, its own process group, then exec. */
static void
exec_child(int in, int out, int err, char **argv)
{
	setpgid(0, 0);
	dup2(in, STDIN_FILENO);
	dup2(out, STDOUT_FILENO);
	dup2(err, STDERR_FILENO);
	signal(SIGPIPE, SIG_DFL);
	execvp(argv[0], argv);
	dprintf(STDERR_FILENO, "%s\n", errno == ENOENT ? "not found" :
	    strerror(errno));
	_exit(127);
}

/* The running child and what it produced. */
struct exec_run {
	pid_t		 pid;
	int		 fd[3];		/* its stdin (ours to write), out, err */
	const char	*input;
	size_t		 inlen, inoff;
	struct buf	 out, err;
	size_t		 max_size;
	int		 too_big;
};

static int
exec_start(struct exec_run *x, char **argv, char **cause)
{
	int	in[2], out[2], err[2], i;

	if (pipe(in) == -1 || pipe(out) == -1 || pipe(err) == -1) {
		*cause = xasprintf("%s: %s", argv[0], strerror(errno));
		return -1;
	}
	if ((x->pid = fork()) == -1) {
		*cause = xasprintf("%s: %s", argv[0], strerror(errno));
		close(in[0]); close(in[1]); close(out[0]); close(out[1]);
		close(err[0]); close(err[1]);
		return -1;
	}
	if (x->pid == 0) {
		close(in[1]);
		close(out[0]);
		close(err[0]);
		exec_child(in[0], out[1], err[1], argv);
	}
	setpgid(x->pid, x->pid);	/* whichever of us runs first */
	close(in[0]);
	close(out[1]);
	close(err[1]);
	x->fd[0] = in[1];
	x->fd[1] = out[0];
	x->fd[2] = err[0];
	for (i = 0; i < 3; i++)
		fcntl(x->fd[i], F_SETFD, FD_CLOEXEC);
	fcntl(x->fd[0], F_SETFL, fcntl(x->fd[0], F_GETFL) | O_NONBLOCK);
	if (x->input == NULL || x->inlen == 0) {
		close(x->fd[0]);
		x->fd[0] = -1;
	}
	return 0;
}

/* Read what fd i has; closes it at end of file. */
static void
exec_read(struct exec_run *x, int i)
{
	char	 chunk[16384];
	ssize_t	 n = read(x->fd[i], chunk, sizeof chunk);

	if (n <= 0) {
		if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
			close(x->fd[i]);
			x->fd[i] = -1;
		}
		return;
	}
	if (i == 2) {
		if (x->err.len < EXEC_ERR_MAX)
			buf_add(&x->err, chunk, (size_t)n);
		return;
	}
	if (x->out.len + (size_t)n > x->max_size) {
		x->too_big = 1;
		return;
	}
	buf_add(&x->out, chunk, (size_t)n);
}

static void
exec_write(struct exec_run *x)
{
	ssize_t	n = write(x->fd[0], x->input + x->inoff, x->inlen - x->inoff);

	if (n > 0)
		x->inoff += (size_t)n;
	if ((n < 0 && errno != EAGAIN && errno != EINTR) ||
	    x->inoff == x->inlen) {
		close(x->fd[0]);	/* done, or the child closed its end */
		x->fd[0] = -1;
	}
}

/* Feed and drain the child until it closes its outputs or deadline.
 * Returns 1 when the time ran out. */
static int
exec_loop(struct exec_run *x, long long deadline)
{
	struct pollfd	p[3];
	int		i, n, left;

	while ((x->fd[1] != -1 || x->fd[2] != -1) && !x->too_big) {
		if ((left = (int)(deadline - exec_now())) <= 0)
			return 1;
		for (i = n = 0; i < 3; i++) {
			p[i].fd = x->fd[i];
			p[i].events = i == 0 ? POLLOUT : POLLIN;
			p[i].revents = 0;
		}
		if ((n = poll(p, 3, left)) < 0 && errno != EINTR)
			return 1;
		for (i = 0; n > 0 && i < 3; i++) {
			if (p[i].fd == -1 || p[i].revents == 0)
				continue;
			if (i == 0)
				exec_write(x);
			else
				exec_read(x, i);
		}
	}
	return 0;
}

/* The first line of what the child wrote on stderr, sanitized later by
 * whoever prints it; "" when none. Caller frees. */
static char *
exec_first_line(const struct buf *b)
{
	size_t	n = 0;

	while (n < b->len && b->data[n] != '\n' && b->data[n] != '\r')
		n++;
	return xstrndup(b->data != NULL ? b->data : "", n);
}

/* Why the child failed; NULL when it did not. */
static char *
exec_reason(struct exec_run *x, const char *prog, int timed_out,
    long timeout, int status)
{
	char	*line, *why;

	if (timed_out)
		return xasprintf("%s: timeout (%ld s)", prog, timeout);
	if (x->too_big)
		return xasprintf("%s: output over %zu bytes", prog,
		    x->max_size);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return NULL;
	line = exec_first_line(&x->err);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127 &&
	    strcmp(line, "not found") == 0)
		why = xasprintf("%s: not found", prog);
	else if (WIFEXITED(status))
		why = xasprintf("%s exited %d%s%s", prog,
		    WEXITSTATUS(status), *line != '\0' ? ": " : "", line);
	else
		why = xasprintf("%s killed by signal %d%s%s", prog,
		    WTERMSIG(status), *line != '\0' ? ": " : "", line);
	free(line);
	return why;
}

int
fetch_exec_run(const char *cmd, const char *input, size_t inlen,
    long timeout, size_t max_size, struct fetch_exec_out *out, char **cause)
{
	struct exec_run		 x;
	struct sigaction	 ign, old;
	char			**argv;
	int			 argc, i, status = 0, timed_out;

	memset(out, 0, sizeof *out);
	if ((argv = fetch_exec_argv(cmd, &argc)) == NULL) {
		*cause = xstrdup("unbalanced quote or no program");
		return -1;
	}
	memset(&x, 0, sizeof x);
	x.input = input;
	x.inlen = inlen;
	x.max_size = max_size;
	/* a child that stops reading must not kill us with SIGPIPE */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	if (exec_start(&x, argv, cause) != 0) {
		sigaction(SIGPIPE, &old, NULL);
		fetch_exec_argv_free(argv);
		return -1;
	}
	timed_out = exec_loop(&x, exec_now() + timeout * 1000);
	if (timed_out || x.too_big)
		kill(-x.pid, SIGKILL);
	for (i = 0; i < 3; i++)
		if (x.fd[i] != -1)
			close(x.fd[i]);
	while (waitpid(x.pid, &status, 0) == -1 && errno == EINTR)
		;
	sigaction(SIGPIPE, &old, NULL);
	if ((*cause = exec_reason(&x, argv[0], timed_out, timeout,
	    status)) != NULL) {
		buf_free(&x.out);
		buf_free(&x.err);
		fetch_exec_argv_free(argv);
		return -1;
	}
	buf_putc(&x.out, '\0');
	out->data = x.out.data;
	out->len = x.out.len - 1;
	buf_free(&x.err);
	fetch_exec_argv_free(argv);
	return 0;
}
