/*
 * cmd.h - the glue every command-line mode shares, written once: the
 * usage error, the one-line warning, the check of standard output at the
 * end, the bounded number of an option, the --list line, and the reader's
 * own options. Only commands (cmd_*.c, main.c and the reader's start)
 * use it: it prints, so the core and the store never do.
 *
 * Exit statuses, as akhbar(1) documents them: 0 ok, 1 failure, 2 usage
 * error.
 */
#ifndef AKHBAR_CMD_H
#define AKHBAR_CMD_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct store_article;

/*
 * Print "akhbar: MESSAGE (see akhbar --help)" on stderr, one line, for a
 * command line that cannot be run; returns 2, the usage exit status.
 */
int	 cmd_usage_error(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
/*
 * Print "akhbar: MESSAGE" on stderr as one line with everything that is
 * not printable text removed and newlines folded: messages quote URLs,
 * titles and file contents, which are hostile.
 */
void	 cmd_warn(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
/* The message of fmt made one safe line, as cmd_warn() prints it (ap is
 * used up). Caller frees. */
char	*cmd_vclean(const char *fmt, va_list ap)
	    __attribute__((format(printf, 1, 0)));
/*
 * Flush standard output and check it for a write error (sfeed's
 * checkfileerror()). Returns 0, or 1 after printing "akhbar: write error
 * on standard output", with the reason when the flush itself failed
 * (errno of an earlier failed write is gone by now, so none is made up).
 */
int	 cmd_stdout_check(void);
/*
 * The usage error for what getopt_long() returned as c (':' a missing
 * value, else an unknown option) at argv[optind - 1], prefixed with
 * "MODE: " unless mode is NULL. Returns 2.
 */
int	 cmd_option_error(int c, const char *mode, char **argv);
/*
 * The value of option (named in the message, "--width") from s: a whole
 * number from lo to hi into *v. Returns 0, or the usage error's 2.
 */
int	 cmd_number(const char *option, const char *s, long long lo,
	    long long hi, long long *v);

/*
 * Open the store at path for a command that reads it: a store that does
 * not exist is not created ("PATH: no store yet (run akhbar --refresh)").
 * Returns NULL after the message when it cannot be opened.
 */
struct store *cmd_store_open(const char *path);

/* Where cmd_list_article() writes, and what happened. */
struct cmd_list {
	FILE	*out;
	int	 error;		/* a write failed; the walk was stopped */
	int64_t	 count;		/* lines written */
};
/*
 * A store_article_cb for --list and --search: one line of sanitized TSV
 * (date as YYYY-MM-DD HH:MM UTC, feed title, title, link) to
 * ((struct cmd_list *)arg)->out. Returns non-zero on a write error.
 */
int	 cmd_list_article(const struct store_article *a, void *arg);

/* The reader's command line (akhbar [-ro] [-u URLS] ... [PATH...]). */
struct cmd_reader_args {
	const char	 *config;	/* -C FILE; NULL: the default */
	const char	 *urls;		/* -u FILE; NULL: the default */
	const char	 *cache;	/* -c FILE; NULL: the default */
	const char	 *theme;	/* --theme NAME, or NULL */
	int		  refresh;	/* -r */
	int		  offline;	/* -o */
	const char	**highlight;	/* --highlight WORD, in order */
	size_t		  nhighlight;
	int		  first_path;	/* argv index of the first PATH */
};
/*
 * Parse the reader's options into a (strings borrowed from argv; free
 * with cmd_reader_args_free()). An unknown option, a missing value, -r
 * with -o, or a --theme that names no theme is a usage error: returns 2
 * after the one-line message (a freed), else 0.
 */
int	 cmd_reader_parse(int argc, char **argv, struct cmd_reader_args *a);
void	 cmd_reader_args_free(struct cmd_reader_args *a);
/* 0 when name is a theme (theme_exists()), else the usage error's 2. */
int	 cmd_theme_check(const char *name);

#endif
