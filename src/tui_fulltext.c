/*
 * tui_fulltext.c - the background fetch of one full text (see
 * tui_fulltext.h): akhbar's own binary (util_exe_path()) run with an
 * argument vector (no shell), /dev/null in, a non-blocking pipe out;
 * its last output line is kept for the message when it fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"
#include "tui_fulltext.h"

void
tui_fulltext_init(struct tui_fulltext *ft)
{
	memset(ft, 0, sizeof *ft);
	ft->fd = -1;
}

/* In the child: /dev/null in, the pipe out, then akhbar. */
static void
exec_child(const int fd[2], char *exe, char **argv)
{
	int	null;

	if ((null = open("/dev/null", O_RDONLY)) != -1)
		dup2(null, STDIN_FILENO);
	dup2(fd[1], STDOUT_FILENO);
	dup2(fd[1], STDERR_FILENO);
	close(fd[0]);
	close(fd[1]);
	execv(exe, argv);
	_exit(127);
}

int
tui_fulltext_start(struct tui_fulltext *ft, const char *store_path,
    const char *config_path, int64_t id, char **cause)
{
	char	 exe[PATH_MAX], num[32], *argv[10];
	int	 fd[2], i = 0;

	if (ft->pid != 0) {
		*cause = xstrdup("a full text is being fetched");
		return -1;
	}
	if (util_exe_path(exe, sizeof exe) <= 0) {
		*cause = xstrdup("cannot find the akhbar binary");
		return -1;
	}
	snprintf(num, sizeof num, "%" PRId64, id);
	argv[i++] = exe;
	argv[i++] = "-c";
	argv[i++] = (char *)store_path;
	if (config_path != NULL) {
		argv[i++] = "-C";
		argv[i++] = (char *)config_path;
	}
	argv[i++] = "--fulltext";
	argv[i++] = num;
	argv[i] = NULL;
	if (pipe(fd) == -1) {
		*cause = xasprintf("%s", strerror(errno));
		return -1;
	}
	if ((ft->pid = fork()) == -1) {
		ft->pid = 0;
		close(fd[0]);
		close(fd[1]);
		*cause = xasprintf("%s", strerror(errno));
		return -1;
	}
	if (ft->pid == 0)
		exec_child(fd, exe, argv);
	close(fd[1]);
	fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(fd[0], F_SETFL, fcntl(fd[0], F_GETFL) | O_NONBLOCK);
	ft->fd = fd[0];
	ft->id = id;
	ft->linelen = 0;
	ft->last[0] = '\0';
	return 0;
}

int
tui_fulltext_fd(const struct tui_fulltext *ft)
{
	return ft->pid != 0 ? ft->fd : -1;
}

/* Keep the last complete line of the child's output. */
static void
take_output(struct tui_fulltext *ft, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n') {
			if (ft->linelen > 0) {
				memcpy(ft->last, ft->line, ft->linelen);
				ft->last[ft->linelen] = '\0';
			}
			ft->linelen = 0;
		} else if (ft->linelen + 1 < sizeof ft->line)
			ft->line[ft->linelen++] = s[i];
	}
}

int
tui_fulltext_input(struct tui_fulltext *ft, int *ok)
{
	char	b[4096];
	ssize_t	n;
	int	status = 0;

	*ok = 0;
	if (ft->pid == 0 || ft->fd == -1)
		return 0;
	while ((n = read(ft->fd, b, sizeof b)) > 0)
		take_output(ft, b, (size_t)n);
	if (n == -1 && (errno == EAGAIN || errno == EINTR))
		return 0;
	close(ft->fd);
	ft->fd = -1;
	while (waitpid(ft->pid, &status, 0) == -1 && errno == EINTR)
		;
	ft->pid = 0;
	take_output(ft, "\n", 1);
	*ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	return 1;
}

void
tui_fulltext_stop(struct tui_fulltext *ft)
{
	int	status;

	if (ft->pid != 0) {
		kill(ft->pid, SIGTERM);
		while (waitpid(ft->pid, &status, 0) == -1 && errno == EINTR)
			;
		ft->pid = 0;
	}
	if (ft->fd != -1)
		close(ft->fd);
	ft->fd = -1;
}
