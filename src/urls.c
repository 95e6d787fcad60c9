/*
 * urls.c - reads and writes the newsboat-compatible urls file (see
 * urls.h). Lines are tokenized like newsboat's: words separated by
 * blanks, "double quotes" group a word (backslash escapes \" and \\),
 * an unquoted word starting with '#' ends the line. Line numbers are
 * 1-based.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "urls.h"
#include "util.h"

/* Largest urls file we read. */
#define URLS_MAX_SIZE	(16 * 1024 * 1024)

char *
urls_default_path(void)
{
	return util_xdg_path("XDG_CONFIG_HOME", ".config", "akhbar/urls");
}

static void
urls_warn(struct urls *u, const char *fname, unsigned line,
    const char *reason)
{
	u->warnings = xreallocarray(u->warnings, u->nwarnings + 1,
	    sizeof *u->warnings);
	u->warnings[u->nwarnings++] = xasprintf("%s:%u: %s", fname, line,
	    reason);
}

/*
 * Split one line into words. Returns the word count, or -1 with *reason
 * set on an unterminated quote. Words are freshly allocated.
 */
static int
urls_split(const char *s, const char *end, char ***words,
    const char **reason)
{
	struct buf	 w = { 0 };
	char		**v = NULL;
	int		 n = 0;

	for (;;) {
		while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		if (s == end || *s == '#')
			break;
		buf_reset(&w);
		buf_putc(&w, '\0');	/* so empty "" words exist */
		w.len = 0;
		if (*s == '"') {
			for (s++; s < end && *s != '"'; s++) {
				if (*s == '\\' && s + 1 < end)
					s++;
				buf_putc(&w, *s);
			}
			if (s == end) {
				*reason = "unterminated quote";
				buf_free(&w);
				while (n > 0)
					free(v[--n]);
				free(v);
				return -1;
			}
			s++;
		} else {
			for (; s < end && *s != ' ' && *s != '\t' &&
			    *s != '\r'; s++)
				buf_putc(&w, *s);
		}
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = xstrndup(w.data, w.len);
	}
	buf_free(&w);
	*words = v;
	return n;
}

int
urls_is_local(const char *url)
{
	return strncmp(url, "file:", 5) == 0 || url[0] == '/' ||
	    strncmp(url, "./", 2) == 0 || strncmp(url, "../", 3) == 0 ||
	    strncmp(url, "~/", 2) == 0;
}

char *
urls_local_path(const char *url)
{
	const char	*home = getenv("HOME");

	if (!urls_is_local(url))
		return NULL;
	if (strncmp(url, "file://", 7) == 0) {
		url += 7;
		if (strncmp(url, "localhost/", 10) == 0)
			url += 9;
	} else if (strncmp(url, "file:", 5) == 0)
		url += 5;
	if (strncmp(url, "~/", 2) == 0)
		return xasprintf("%s/%s", home != NULL ? home : ".", url + 2);
	return xstrdup(url);
}

/* NULL when url is usable, else why not. */
static const char *
urls_check(const char *url)
{
	const char	*p;

	for (p = url; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "control character in URL";
	if (urls_is_local(url)) {
		if (strcmp(url, "file:") == 0 || strcmp(url, "file://") == 0)
			return "file: URL without a path";
		if (strncmp(url, "file://", 7) == 0 && url[7] != '/' &&
		    strncmp(url + 7, "localhost/", 10) != 0)
			return "file: URL with a remote host";
		return NULL;
	}
	if (strncmp(url, "http://", 7) == 0)
		p = url + 7;
	else if (strncmp(url, "https://", 8) == 0)
		p = url + 8;
	else {
		for (p = url; isalnum((unsigned char)*p) || *p == '+' ||
		    *p == '-' || *p == '.'; p++)
			;
		if (*p == ':' && p != url)
			return "unsupported URL scheme (only http, https and "
			    "local files)";
		return "not a URL (want http://, https://, file: or a path)";
	}
	if (*p == '\0' || *p == '/' || *p == '?' || *p == '#')
		return "URL without a host";
	return NULL;
}

static void
urls_add_line(struct urls *u, char **w, int n, unsigned line)
{
	struct urls_entry	*e;
	int			 i;

	u->v = xreallocarray(u->v, u->n + 1, sizeof *u->v);
	e = &u->v[u->n++];
	memset(e, 0, sizeof *e);
	e->url = w[0];
	e->line = line;
	for (i = 1; i < n; i++) {
		if (w[i][0] == '~' && w[i][1] != '\0') {
			free(e->name);
			e->name = xstrdup(w[i] + 1);
			free(w[i]);
			continue;
		}
		if (w[i][0] == '\0') {
			free(w[i]);
			continue;
		}
		e->tags = xreallocarray(e->tags, e->ntags + 1,
		    sizeof *e->tags);
		e->tags[e->ntags++] = w[i];
	}
}

void
urls_parse(const char *text, size_t len, const char *fname, struct urls *u)
{
	const char	*s = text, *end = text + len, *eol, *reason;
	char		**w;
	unsigned	 line = 0;
	int		 n, i;

	while (s < end) {
		line++;
		if ((eol = memchr(s, '\n', end - s)) == NULL)
			eol = end;
		n = urls_split(s, eol, &w, &reason);
		s = eol < end ? eol + 1 : end;
		if (n < 0) {
			urls_warn(u, fname, line, reason);
			continue;
		}
		if (n == 0)
			continue;
		if ((reason = urls_check(w[0])) != NULL) {
			urls_warn(u, fname, line, reason);
			for (i = 0; i < n; i++)
				free(w[i]);
			free(w);
			continue;
		}
		urls_add_line(u, w, n, line);
		free(w);
	}
}

int
urls_load(const char *path, int missing_ok, struct urls *u, char **cause)
{
	char	*text;
	size_t	 len;
	FILE	*f;

	/* util_read_file's message does not tell a missing file apart */
	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT && missing_ok)
			return 0;
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	fclose(f);
	if ((text = util_read_file(path, URLS_MAX_SIZE, &len, cause)) == NULL)
		return -1;
	urls_parse(text, len, path, u);
	free(text);
	return 0;
}

void
urls_free(struct urls *u)
{
	size_t	i, j;

	for (i = 0; i < u->n; i++) {
		free(u->v[i].url);
		free(u->v[i].name);
		for (j = 0; j < u->v[i].ntags; j++)
			free(u->v[i].tags[j]);
		free(u->v[i].tags);
	}
	free(u->v);
	for (i = 0; i < u->nwarnings; i++)
		free(u->warnings[i]);
	free(u->warnings);
	memset(u, 0, sizeof *u);
}

long
urls_find(const struct urls *u, const char *url)
{
	size_t	i;

	for (i = 0; i < u->n; i++)
		if (strcmp(u->v[i].url, url) == 0)
			return (long)i;
	return -1;
}

/* Append word w, quoted when it has blanks, quotes, control characters,
 * '#' or is empty. Quoted words lose their CR and LF: one entry, one
 * line. */
static void
urls_put_word(struct buf *b, const char *prefix, const char *w)
{
	const char	*p, *first = w + strspn(w, "\r\n");
	int		 quote = *prefix != '\0' || *first == '\0' ||
			    *first == '#' || *first == '~';

	for (p = w; *p != '\0' && !quote; p++)
		if (*p == ' ' || *p == '"' || *p == '\\' ||
		    (unsigned char)*p < 0x20 || *p == 0x7f)
			quote = 1;
	if (b->len > 0)
		buf_putc(b, ' ');
	if (!quote) {
		buf_puts(b, w);
		return;
	}
	buf_putc(b, '"');
	buf_puts(b, prefix);
	for (p = w; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\r')
			continue;
		if (*p == '"' || *p == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

char *
urls_format(const char *url, const char *name, char *const *tags,
    size_t ntags)
{
	struct buf	b = { 0 };
	size_t		i;
	char		*s;

	urls_put_word(&b, "", url);
	for (i = 0; i < ntags; i++)
		urls_put_word(&b, "", tags[i]);
	/* A name of only CR and LF would be written "~" and read as a tag. */
	if (name != NULL && name[strspn(name, "\r\n")] != '\0')
		urls_put_word(&b, "~", name);
	s = xstrndup(b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* mkdir -p of the directory part of path. */
static int
urls_mkdirs(const char *path, char **cause)
{
	char	*dir = xstrdup(path), *p;

	for (p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			*cause = xasprintf("%s: %s", dir, strerror(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

int
urls_append(const char *path, char *const *lines, size_t n, char **cause)
{
	FILE	*f;
	size_t	 i;
	long	 size;
	int	 c = '\n', err;

	if (urls_mkdirs(path, cause) != 0)
		return -1;
	if ((f = fopen(path, "a+")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	/* finish a last line that has no newline */
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 &&
	    fseek(f, size - 1, SEEK_SET) == 0)
		c = getc(f);
	fseek(f, 0, SEEK_END);
	if (c != '\n' && c != EOF)
		putc('\n', f);
	for (i = 0; i < n; i++)
		fprintf(f, "%s\n", lines[i]);
	err = ferror(f);
	if (fclose(f) != 0 || err) {
		*cause = xasprintf("%s: write error", path);
		return -1;
	}
	return 0;
}
