/*
 * util.h - allocation that never fails, a growable byte buffer, die(),
 * and the small pieces of plumbing every layer shares: reading a file,
 * a bounded number, an XDG path, the running binary's path.
 */
#ifndef AKHBAR_UTIL_H
#define AKHBAR_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

/* Allocate or abort with a message on failure. Caller frees. */
void	*xmalloc(size_t size);
void	*xcalloc(size_t nmemb, size_t size);
void	*xreallocarray(void *ptr, size_t nmemb, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
/* printf into a fresh string. Caller frees. */
char	*xasprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
/* The same with a va_list (which it uses up). Caller frees. */
char	*xvasprintf(const char *fmt, va_list ap)
	    __attribute__((format(printf, 1, 0)));

/* A growable byte buffer; data is always NUL-terminated when len > 0. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

/* Make room for at least extra more bytes. */
void	 buf_grow(struct buf *b, size_t extra);
/* Append n bytes. */
void	 buf_add(struct buf *b, const void *data, size_t n);
/* Append a NUL-terminated string. */
void	 buf_puts(struct buf *b, const char *s);
/* Append one byte. */
void	 buf_putc(struct buf *b, int c);
/* Append printf output. */
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Forget the contents, keep the memory. */
void	 buf_reset(struct buf *b);
/* Free the memory. */
void	 buf_free(struct buf *b);

/*
 * Called by die() before it exits, so the TUI can put the terminal back.
 * NULL when nothing needs restoring.
 */
extern void (*die_cleanup)(void);
/* Print "akhbar: message" on stderr and exit with status 1. */
void	 die(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

/*
 * Read a whole file (or stdin for "-") of at most max bytes. Returns NULL
 * and sets *cause (caller frees) on failure. Caller frees the result; its
 * length goes to *len and it is NUL-terminated.
 */
char	*util_read_file(const char *path, size_t max, size_t *len,
	    char **cause);

/*
 * Parse s as a whole decimal number from lo to hi into *v. Returns 0, or
 * -1 (and *v untouched) when s is empty, has trailing bytes, overflows
 * or is out of range.
 */
int	 util_parse_number(const char *s, long long lo, long long hi,
	    long long *v);

/*
 * The XDG path of name: "$VAR/name" when the environment variable var
 * (XDG_CONFIG_HOME, XDG_DATA_HOME) holds an absolute path, else
 * "$HOME/fallback/name" (fallback is ".config" or ".local/share"), with
 * "." for an unset or empty HOME. Caller frees.
 */
char	*util_xdg_path(const char *var, const char *fallback,
	    const char *name);

/* Remember argv[0] for util_exe_path(); main() calls it first. */
void	 util_set_argv0(const char *argv0);
/*
 * The running binary's path into buf (size bytes, NUL-terminated when it
 * fits), as readlink(2) would: returns its length, or -1. Linux's
 * /proc/self/exe when there is one, else argv[0] made absolute, else
 * argv[0] searched in $PATH.
 */
ssize_t	 util_exe_path(char *buf, size_t size);
/*
 * The executable argv0 names: itself when it holds a '/', else the first
 * dir/argv0 of the ':'-separated path (an empty entry is ".") that is an
 * executable regular file. NULL when there is none. Caller frees.
 */
char	*util_exe_search(const char *argv0, const char *path);

/*
 * Split s[0..len) into words as a shell would, without running one:
 * blanks separate, '...' is literal, "..." keeps blanks and takes \" and
 * \\, a backslash outside quotes takes the next character. NULL for an
 * unbalanced quote or no word; else a NULL-terminated array, *argc (when
 * not NULL) its length. Caller frees with util_argv_free().
 */
char	**util_split_argv(const char *s, size_t len, int *argc);
/* Free what util_split_argv() returned. NULL is fine. */
void	  util_argv_free(char **argv);

#endif
