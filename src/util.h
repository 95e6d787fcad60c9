/*
 * util.h - allocation that never fails, a growable byte buffer and die().
 */
#ifndef AKHBAR_UTIL_H
#define AKHBAR_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Allocate or abort with a message on failure. Caller frees. */
void	*xmalloc(size_t size);
void	*xcalloc(size_t nmemb, size_t size);
void	*xreallocarray(void *ptr, size_t nmemb, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
/* printf into a fresh string. Caller frees. */
char	*xasprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

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

#endif
