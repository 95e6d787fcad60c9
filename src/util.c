/*
 * util.c - allocation wrappers that abort on failure (as in tmux's
 * xmalloc.c), the growable byte buffer, die(), and the plumbing shared by
 * every layer: whole-file reads, bounded numbers, XDG paths and the path
 * of the running binary. Sizes are in bytes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

void (*die_cleanup)(void);

/* Set once by main() before anything else runs; read by util_exe_path(). */
static const char *util_argv0;

static void
oom(size_t size)
{
	fprintf(stderr, "akhbar: out of memory allocating %zu bytes\n", size);
	abort();
}

void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		oom(size);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	if ((p = calloc(nmemb, size)) == NULL)
		oom(nmemb * size);
	return p;
}

void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	void	*p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	if (SIZE_MAX / nmemb < size)
		oom(SIZE_MAX);
	if ((p = realloc(ptr, nmemb * size)) == NULL)
		oom(nmemb * size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	struct buf	 b = { 0 };
	va_list		 again;
	int		 n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0)
		oom(0);
	buf_grow(&b, (size_t)n + 1);
	vsnprintf(b.data, (size_t)n + 1, fmt, again);
	va_end(again);
	return b.data;
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t	need;

	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->data = xreallocarray(b->data, b->cap, 1);
}

void
buf_add(struct buf *b, const void *data, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char	ch = (char)c;

	buf_add(b, &ch, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
die(const char *fmt, ...)
{
	va_list	ap;

	if (die_cleanup != NULL)
		die_cleanup();
	fputs("akhbar: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

char *
util_read_file(const char *path, size_t max, size_t *len, char **cause)
{
	struct buf	b = { 0 };
	struct stat	st;
	ssize_t		n;
	int		fd;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1)
		st.st_mode = 0;
	else if (S_ISDIR(st.st_mode)) {
		*cause = xasprintf("%s: is a directory", path);
		close(fd);
		return NULL;
	}
	/* A file of known size is read into its size (and the byte that
	 * finds the end), not into a doubling buffer. */
	if (S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uintmax_t)st.st_size <= max) {
		b.cap = (size_t)st.st_size + 2;
		b.data = xmalloc(b.cap);
	}
	for (;;) {
		if (b.cap - b.len <= 1)
			buf_grow(&b, 65536);
		n = read(fd, b.data + b.len, b.cap - b.len - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*cause = xasprintf("%s: %s", path, strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		b.len += (size_t)n;
		if (b.len > max) {
			*cause = xasprintf("%s: larger than %zu bytes", path,
			    max);
			goto fail;
		}
	}
	if (fd != STDIN_FILENO)
		close(fd);
	buf_grow(&b, 0);
	b.data[b.len] = '\0';
	*len = b.len;
	return b.data;
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	buf_free(&b);
	return NULL;
}

int
util_parse_number(const char *s, long long lo, long long hi, long long *v)
{
	char		*end;
	long long	 n;

	errno = 0;
	n = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || n < lo || n > hi)
		return -1;
	*v = n;
	return 0;
}

char *
util_xdg_path(const char *var, const char *fallback, const char *name)
{
	const char	*dir = getenv(var), *home = getenv("HOME");

	if (dir != NULL && *dir == '/')
		return xasprintf("%s/%s", dir, name);
	if (home == NULL || *home == '\0')
		home = ".";
	return xasprintf("%s/%s/%s", home, fallback, name);
}

void
util_set_argv0(const char *argv0)
{
	util_argv0 = argv0;
}

/* Non-zero when path is a regular file we may execute. */
static int
is_executable(const char *path)
{
	struct stat	st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path, X_OK) == 0;
}

char *
util_exe_search(const char *argv0, const char *path)
{
	const char	*p, *colon;
	char		*try;
	size_t		 n;

	if (strchr(argv0, '/') != NULL)
		return is_executable(argv0) ? xstrdup(argv0) : NULL;
	for (p = path; p != NULL && *argv0 != '\0'; p = colon != NULL ?
	    colon + 1 : NULL) {
		colon = strchr(p, ':');
		n = colon != NULL ? (size_t)(colon - p) : strlen(p);
		try = n == 0 ? xasprintf("./%s", argv0) :
		    xasprintf("%.*s/%s", (int)n, p, argv0);
		if (is_executable(try))
			return try;
		free(try);
	}
	return NULL;
}

ssize_t
util_exe_path(char *buf, size_t size)
{
	char	*found, *abs;
	size_t	 n;
	ssize_t	 r;

	if (size == 0)
		return -1;
	/* Linux: exact even when argv[0] lies or the binary was moved. */
	if ((r = readlink("/proc/self/exe", buf, size)) > 0 &&
	    (size_t)r < size) {
		buf[r] = '\0';
		return r;
	}
	if (util_argv0 == NULL ||
	    (found = util_exe_search(util_argv0, getenv("PATH"))) == NULL)
		return -1;
	if ((abs = realpath(found, NULL)) != NULL) {
		free(found);
		found = abs;
	}
	n = strlen(found);
	if (n >= size) {
		free(found);
		return -1;
	}
	memcpy(buf, found, n + 1);
	free(found);
	return (ssize_t)n;
}

static void
argv_push(char ***argv, int *n, struct buf *w)
{
	*argv = xreallocarray(*argv, *n + 2, sizeof **argv);
	(*argv)[(*n)++] = xstrndup(w->data != NULL ? w->data : "", w->len);
	(*argv)[*n] = NULL;
	buf_reset(w);
}

char **
util_split_argv(const char *s, size_t len, int *argc)
{
	struct buf	 w = { 0 };
	char		**argv = NULL, q;
	size_t		 i = 0;
	int		 n = 0, in_word = 0;

	while (i < len) {
		if (s[i] == ' ' || s[i] == '\t') {
			if (in_word)
				argv_push(&argv, &n, &w);
			in_word = 0;
			i++;
			continue;
		}
		in_word = 1;
		if (s[i] == '\'' || s[i] == '"') {
			for (q = s[i++]; i < len && s[i] != q; i++) {
				if (q == '"' && s[i] == '\\' && i + 1 < len &&
				    (s[i + 1] == '"' || s[i + 1] == '\\'))
					i++;
				buf_putc(&w, s[i]);
			}
			if (i++ == len) {
				buf_free(&w);
				util_argv_free(argv);
				return NULL;
			}
		} else if (s[i] == '\\' && i + 1 < len) {
			buf_putc(&w, s[i + 1]);
			i += 2;
		} else
			buf_putc(&w, s[i++]);
	}
	if (in_word)
		argv_push(&argv, &n, &w);
	buf_free(&w);
	if (argc != NULL)
		*argc = n;
	return argv;
}

void
util_argv_free(char **argv)
{
	size_t	i;

	for (i = 0; argv != NULL && argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}
