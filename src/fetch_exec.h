/*
 * fetch_exec.h - script sources, newsboat's meaning: `exec:COMMAND` runs
 * COMMAND and its standard output is the feed; `filter:COMMAND:URL`
 * fetches URL and pipes the body through COMMAND. COMMAND is split into
 * words (quotes and backslashes as in a shell) and run with execvp(),
 * never by a shell, with a time limit and an output cap.
 */
#ifndef AKHBAR_FETCH_EXEC_H
#define AKHBAR_FETCH_EXEC_H

#include <stddef.h>

/* What fetch_exec_run() produced. */
struct fetch_exec_out {
	char	*data;		/* stdout, NUL-terminated; caller frees */
	size_t	 len;
};

/*
 * Split cmd into an argv (words separated by blanks; '...' literal;
 * "..." keeps blanks and takes \" and \\; a backslash outside quotes
 * takes the next character). NULL-terminated, *argc words; NULL for an
 * unbalanced quote or no word. Free with fetch_exec_argv_free().
 */
char	**fetch_exec_argv(const char *cmd, int *argc);
/* Free what fetch_exec_argv() returned. NULL is fine. */
void	 fetch_exec_argv_free(char **argv);
/*
 * Run cmd with input[0..inlen) on its standard input (input may be NULL:
 * /dev/null), for at most timeout seconds and max_size bytes of output.
 * Returns 0 with the output in *out when it exited 0, else -1 and *cause
 * (caller frees): "PROGRAM: not found", "PROGRAM exited 3: FIRST STDERR
 * LINE", "PROGRAM: timeout (N s)", "PROGRAM: output over N bytes".
 */
int	 fetch_exec_run(const char *cmd, const char *input, size_t inlen,
	    long timeout, size_t max_size, struct fetch_exec_out *out,
	    char **cause);
/*
 * Split a script source: for "exec:CMD", *cmd = CMD and *url = NULL; for
 * "filter:CMD:URL" (URL the http(s) URL after the last ":http"), *cmd =
 * CMD and *url = URL. Returns 0 (strings for the caller to free), or -1
 * when source is neither.
 */
int	 fetch_exec_source(const char *source, char **cmd, char **url);

#endif
