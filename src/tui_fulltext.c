/*
 * tui_fulltext.c - the background fetch of one full text (see
 * tui_fulltext.h): akhbar's own binary (util_exe_path()) run as a child
 * (child.c: an argument vector, no shell; its last output line is kept
 * for the message when it fails).
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
#include "child.h"
#include "tui_fulltext.h"

void
tui_fulltext_init(struct tui_fulltext *ft)
{
	memset(ft, 0, sizeof *ft);
	child_init(&ft->ch);
}

int
tui_fulltext_start(struct tui_fulltext *ft, const char *store_path,
    const char *config_path, const char *urls_path, int64_t id,
    char **cause)
{
	char	 exe[PATH_MAX], num[32], *argv[12];
	int	 i = 0;

	if (ft->ch.pid != 0) {
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
	if (urls_path != NULL) {
		argv[i++] = "-u";
		argv[i++] = (char *)urls_path;
	}
	argv[i++] = "--fulltext";
	argv[i++] = num;
	argv[i] = NULL;
	if (child_start(&ft->ch, argv, cause) == -1)
		return -1;
	ft->id = id;
	return 0;
}

int
tui_fulltext_fd(const struct tui_fulltext *ft)
{
	return child_fd(&ft->ch);
}

int
tui_fulltext_input(struct tui_fulltext *ft, int *ok)
{
	int	status;

	*ok = 0;
	if (!child_read(&ft->ch, &status))
		return 0;
	*ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	return 1;
}

void
tui_fulltext_stop(struct tui_fulltext *ft)
{
	child_stop(&ft->ch);
}
