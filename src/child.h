/*
 * child.h - a program run in the background with its standard output and
 * error on a non-blocking pipe that an event loop polls: the reader's
 * refresh and its full-text fetch. Standard input is /dev/null. The last
 * complete line the program printed is kept, for the message when it
 * fails.
 */
#ifndef AKHBAR_CHILD_H
#define AKHBAR_CHILD_H

#include <sys/types.h>
#include <stddef.h>

struct child {
	pid_t		 pid;		/* 0: none running */
	int		 fd;		/* its stdout and stderr, or -1 */
	char		 line[512];	/* output line being read */
	size_t		 linelen;
	char		 last[512];	/* last complete output line */
};

/* None running. */
void	child_init(struct child *c);
/*
 * Run argv[0] (a path, no PATH search, no shell) with argv. Returns -1
 * and *cause (caller frees) when it cannot start or one is running.
 */
int	child_start(struct child *c, char *const argv[], char **cause);
/* The fd to poll, or -1. */
int	child_fd(const struct child *c);
/*
 * Read what the program printed. When it has ended, reap it, set *status
 * (as waitpid() does) and return 1; else return 0.
 */
int	child_read(struct child *c, int *status);
/* Stop a running program (SIGTERM) and reap it. */
void	child_stop(struct child *c);

#endif
