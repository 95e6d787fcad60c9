/*
 * child.c - a background program on a pipe (see child.h). Lines are
 * bytes up to '\n'; a line longer than the buffer is cut, not split.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child.h"
#include "util.h"

void
child_init(struct child *c)
{
	memset(c, 0, sizeof *c);
	c->fd = -1;
}

/* In the child: /dev/null in, the pipe out, then the program. */
static void
exec_child(const int fd[2], char *const argv[])
{
	int	null;

	if ((null = open("/dev/null", O_RDONLY)) != -1)
		dup2(null, STDIN_FILENO);
	dup2(fd[1], STDOUT_FILENO);
	dup2(fd[1], STDERR_FILENO);
	close(fd[0]);
	close(fd[1]);
	execv(argv[0], argv);
	_exit(127);
}

int
child_start(struct child *c, char *const argv[], char **cause)
{
	int	fd[2];

	if (c->pid != 0) {
		*cause = xstrdup("already running");
		return -1;
	}
	if (pipe(fd) == -1) {
		*cause = xstrdup(strerror(errno));
		return -1;
	}
	if ((c->pid = fork()) == -1) {
		c->pid = 0;
		close(fd[0]);
		close(fd[1]);
		*cause = xstrdup(strerror(errno));
		return -1;
	}
	if (c->pid == 0)
		exec_child(fd, argv);
	close(fd[1]);
	fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(fd[0], F_SETFL, fcntl(fd[0], F_GETFL) | O_NONBLOCK);
	c->fd = fd[0];
	c->linelen = 0;
	c->last[0] = '\0';
	return 0;
}

int
child_fd(const struct child *c)
{
	return c->pid != 0 ? c->fd : -1;
}

/* Keep the last complete line of the output. */
static void
take_output(struct child *c, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n') {
			if (c->linelen > 0) {
				memcpy(c->last, c->line, c->linelen);
				c->last[c->linelen] = '\0';
			}
			c->linelen = 0;
		} else if (c->linelen + 1 < sizeof c->line)
			c->line[c->linelen++] = s[i];
	}
}

int
child_read(struct child *c, int *status)
{
	char	b[4096];
	ssize_t	n;

	*status = 0;
	if (c->pid == 0 || c->fd == -1)
		return 0;
	while ((n = read(c->fd, b, sizeof b)) > 0)
		take_output(c, b, (size_t)n);
	if (n == -1 && (errno == EAGAIN || errno == EINTR))
		return 0;
	close(c->fd);
	c->fd = -1;
	while (waitpid(c->pid, status, 0) == -1 && errno == EINTR)
		;
	c->pid = 0;
	take_output(c, "\n", 1);
	return 1;
}

void
child_stop(struct child *c)
{
	int	status;

	if (c->pid != 0) {
		kill(c->pid, SIGTERM);
		while (waitpid(c->pid, &status, 0) == -1 && errno == EINTR)
			;
		c->pid = 0;
	}
	if (c->fd != -1)
		close(c->fd);
	c->fd = -1;
}
