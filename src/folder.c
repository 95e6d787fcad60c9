/*
 * folder.c - lists article files and folders for offline reading (see
 * folder.h). The listing walks directories with readdir and stat only;
 * titles are read later, a few KB of one file at a time. Times are UTC
 * seconds, sizes bytes.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"
#include "utf8.h"
#include "date.h"
#include "article.h"
#include "folder.h"

/* Deepest folder nesting walked (a guard besides the loop check). */
#define FOLDER_MAX_DEPTH	64

struct dir_id {
	dev_t	dev;
	ino_t	ino;
};

struct folder {
	struct folder_entry	*v;
	size_t			 n;
	size_t			 cap;
	struct dir_id		*dirs;	/* directories walked */
	size_t			 ndirs;
	char			*stdin_data;	/* all of "-", once read */
	size_t			 stdin_len;
};

static struct folder_entry *
add_entry(struct folder *f, const char *path, const struct stat *st,
    const char *error)
{
	struct folder_entry	*e;

	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 256;
		f->v = xreallocarray(f->v, f->cap, sizeof *f->v);
	}
	e = &f->v[f->n++];
	memset(e, 0, sizeof *e);
	e->path = xstrdup(path);
	e->size = st != NULL ? (int64_t)st->st_size : -1;
	e->mtime = st != NULL ? (int64_t)st->st_mtime : 0;
	e->error = error != NULL ? xstrdup(error) : NULL;
	return e;
}

static int
seen_dir(struct folder *f, const struct stat *st)
{
	size_t	i;

	for (i = 0; i < f->ndirs; i++)
		if (f->dirs[i].dev == st->st_dev &&
		    f->dirs[i].ino == st->st_ino)
			return 1;
	f->dirs = xreallocarray(f->dirs, f->ndirs + 1, sizeof *f->dirs);
	f->dirs[f->ndirs].dev = st->st_dev;
	f->dirs[f->ndirs++].ino = st->st_ino;
	return 0;
}

static void walk_dir(struct folder *, const char *, int);

/* One path: a file, a folder (walked), or an entry with an error. */
static void
add_path(struct folder *f, const char *path, int depth)
{
	struct stat	st;

	if (stat(path, &st) == -1) {
		struct stat	lst;

		if (errno == ENOENT && lstat(path, &lst) == 0 &&
		    S_ISLNK(lst.st_mode))
			add_entry(f, path, NULL, "dangling symbolic link");
		else
			add_entry(f, path, NULL, strerror(errno));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		if (seen_dir(f, &st))
			add_entry(f, path, &st, "directory loop (already "
			    "listed through another path)");
		else if (depth >= FOLDER_MAX_DEPTH)
			add_entry(f, path, &st, "folders nested too deep");
		else
			walk_dir(f, path, depth + 1);
		return;
	}
	if (!S_ISREG(st.st_mode))
		add_entry(f, path, &st, "not a regular file");
	else if ((uintmax_t)st.st_size > ARTICLE_MAX_SIZE)
		add_entry(f, path, &st, "file too large");
	else
		add_entry(f, path, &st, NULL);
}

static void
walk_dir(struct folder *f, const char *path, int depth)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		*child;
	size_t		 n = strlen(path);

	if ((d = opendir(path)) == NULL) {
		add_entry(f, path, stat(path, &st) == 0 ? &st : NULL,
		    strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;	/* hidden, ".", "..", temp files */
		child = n > 0 && path[n - 1] == '/' ?
		    xasprintf("%s%s", path, de->d_name) :
		    xasprintf("%s/%s", path, de->d_name);
		add_path(f, child, depth);
		free(child);
	}
	closedir(d);
}

/* The day of a name starting "YYYY-MM-DD", as seconds, or -1. */
static int64_t
name_day(const char *path)
{
	const char	*b = strrchr(path, '/');
	int		 y, mo, d;

	b = b != NULL ? b + 1 : path;
	if (strlen(b) < 10 || !isdigit((unsigned char)b[0]) || b[4] != '-' ||
	    b[7] != '-')
		return -1;
	if (sscanf(b, "%4d-%2d-%2d", &y, &mo, &d) != 3 || mo < 1 || mo > 12 ||
	    d < 1 || d > 31)
		return -1;
	return date_days_from_civil(y, mo, d) * 86400;
}

static int64_t
floor_day(int64_t t)
{
	return (t >= 0 ? t / 86400 : (t - 86399) / 86400) * 86400;
}

/* Sorting by index keeps the comparison free of globals. */
struct sort_item {
	int64_t		 day;
	int64_t		 mtime;
	const char	*path;
	size_t		 index;
};

static int
compare(const void *pa, const void *pb)
{
	const struct sort_item	*a = pa, *b = pb;

	if (a->day != b->day)
		return a->day < b->day ? 1 : -1;
	if (a->mtime != b->mtime)
		return a->mtime < b->mtime ? 1 : -1;
	return strcmp(a->path, b->path);
}

static void
sort_entries(struct folder *f)
{
	struct sort_item	*s;
	struct folder_entry	*v;
	size_t			 i;
	int64_t			 day;

	if (f->n < 2)
		return;
	s = xreallocarray(NULL, f->n, sizeof *s);
	for (i = 0; i < f->n; i++) {
		day = name_day(f->v[i].path);
		s[i].day = day != -1 ? day : floor_day(f->v[i].mtime);
		s[i].mtime = f->v[i].mtime;
		s[i].path = f->v[i].path;
		s[i].index = i;
	}
	qsort(s, f->n, sizeof *s, compare);
	v = xreallocarray(NULL, f->cap, sizeof *v);
	for (i = 0; i < f->n; i++)
		v[i] = f->v[s[i].index];
	free(f->v);
	f->v = v;
	free(s);
}

struct folder *
folder_open(const char *const *paths, size_t n)
{
	struct folder	*f = xcalloc(1, sizeof *f);
	size_t		 i;
	int		 have_stdin = 0;

	for (i = 0; i < n; i++) {
		if (strcmp(paths[i], "-") == 0) {
			if (!have_stdin)
				add_entry(f, "-", NULL, NULL);
			have_stdin = 1;
		} else
			add_path(f, paths[i], 0);
	}
	sort_entries(f);
	return f;
}

void
folder_free(struct folder *f)
{
	size_t	i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++) {
		free(f->v[i].path);
		free(f->v[i].error);
		free(f->v[i].title);
		saved_meta_clear(&f->v[i].meta);
	}
	free(f->v);
	free(f->dirs);
	free(f->stdin_data);
	free(f);
}

size_t
folder_count(const struct folder *f)
{
	return f->n;
}

const struct folder_entry *
folder_entry(const struct folder *f, size_t i)
{
	return i < f->n ? &f->v[i] : NULL;
}

/* Read at most max bytes of path into buf; returns the count or -1. */
static ssize_t
peek_file(const char *path, char *buf, size_t max, char **error)
{
	struct stat	st;
	ssize_t		n;
	size_t		got = 0;
	int		fd;

	/* O_NONBLOCK: a FIFO put there after the listing must not hang
	 * the reader. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		*error = xstrdup(strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*error = xstrdup("not a regular file");
		close(fd);
		return -1;
	}
	while (got < max) {
		n = read(fd, buf + got, max - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*error = xstrdup(strerror(errno));
			close(fd);
			return -1;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	return (ssize_t)got;
}

/* The text of the first line of s[0..n) that is not blank. */
static char *
first_line(const char *s, size_t n)
{
	const char	*nl;
	size_t		 i = 0, len;
	char		*v;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n) {
		nl = memchr(s + i, '\n', n - i);
		len = nl != NULL ? (size_t)(nl - (s + i)) : n - i;
		v = saved_clean_value(s + i, len);
		if (v[0] != '\0')
			return v;
		free(v);
		i += len + 1;
	}
	return NULL;
}

/* Is s[0..n) a setext underline (=== or ---)? */
static int
is_underline(const char *s, size_t n)
{
	size_t	i;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	if (n == 0 || (s[0] != '=' && s[0] != '-'))
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] != s[0])
			return 0;
	return 1;
}

/* The first Markdown heading (ATX or setext, not in a fenced code
 * block) within s[0..n), else the first line. */
static char *
markdown_title(const char *s, size_t n)
{
	const char	*nl, *line, *prev = NULL;
	size_t		 i = 0, len, k, prev_len = 0;
	int		 fence = 0;

	while (i < n) {
		line = s + i;
		nl = memchr(line, '\n', n - i);
		len = nl != NULL ? (size_t)(nl - line) : n - i;
		i += len + 1;
		for (k = 0; k < len && k < 3 && line[k] == ' '; k++)
			;
		if (len - k >= 3 && (strncmp(line + k, "```", 3) == 0 ||
		    strncmp(line + k, "~~~", 3) == 0)) {
			fence = !fence;
			prev = NULL;
			continue;
		}
		if (fence)
			continue;
		if (k < len && line[k] == '#') {
			while (k < len && line[k] == '#')
				k++;
			while (len > k && (line[len - 1] == '#' ||
			    isspace((unsigned char)line[len - 1])))
				len--;
			return saved_clean_value(line + k, len - k);
		}
		if (prev != NULL && is_underline(line, len))
			return saved_clean_value(prev, prev_len);
		prev = k < len && !isspace((unsigned char)line[k]) ? line :
		    NULL;
		prev_len = len;
	}
	return first_line(s, n);
}

/* Decode the few entities a title uses; drop tags. In place. */
static void
html_text(char *s)
{
	static const struct { const char *e; const char *r; } ents[] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&#39;", "'" }, { "&apos;", "'" },
		{ "&nbsp;", " " },
	};
	char	*r = s, *w = s;
	size_t	 j;
	int	 tag = 0;

	while (*r != '\0') {
		if (*r == '<')
			tag = 1;
		if (tag) {
			tag = *r++ != '>';
			continue;
		}
		for (j = 0; j < sizeof ents / sizeof ents[0]; j++)
			if (strncmp(r, ents[j].e, strlen(ents[j].e)) == 0)
				break;
		if (j < sizeof ents / sizeof ents[0]) {
			memcpy(w, ents[j].r, strlen(ents[j].r));
			w += strlen(ents[j].r);
			r += strlen(ents[j].e);
		} else
			*w++ = *r++;
	}
	*w = '\0';
}

/* The text between <tag...> and </tag> in s[0..n), or NULL. */
static char *
html_element(const char *s, size_t n, const char *tag)
{
	size_t	i, k, tl = strlen(tag), a;
	char	*raw, *v;

	for (i = 0; i + tl + 1 < n; i++) {
		if (s[i] != '<' || strncasecmp(s + i + 1, tag, tl) != 0 ||
		    (s[i + 1 + tl] != '>' && !isspace((unsigned char)
		    s[i + 1 + tl])))
			continue;
		for (a = i; a < n && s[a] != '>'; a++)
			;
		if (a >= n)
			return NULL;
		for (k = ++a; k + tl + 2 < n; k++)
			if (s[k] == '<' && s[k + 1] == '/' &&
			    strncasecmp(s + k + 2, tag, tl) == 0)
				break;
		raw = xstrndup(s + a, (k + tl + 2 < n ? k : n) - a);
		html_text(raw);
		v = saved_clean_value(raw, strlen(raw));
		free(raw);
		if (v[0] != '\0')
			return v;
		free(v);
		return NULL;
	}
	return NULL;
}

static char *
title_of(struct folder_entry *e, const char *s, size_t n)
{
	size_t	 off;
	int	 html;
	char	*t = NULL, *cause = NULL;

	switch (e->format) {
	case ARTICLE_SAVED:
		if (saved_parse(s, n, &e->meta, &off, &html, &cause) == 0) {
			if (e->meta.title != NULL)
				t = xstrdup(e->meta.title);
			else
				t = first_line(s + off, n - off);
		}
		free(cause);
		break;
	case ARTICLE_HTML:
		if ((t = html_element(s, n, "title")) == NULL)
			t = html_element(s, n, "h1");
		break;
	case ARTICLE_MARKDOWN:
		t = markdown_title(s, n);
		break;
	case ARTICLE_TEXT:
		t = first_line(s, n);
		break;
	}
	return t;
}

/* Cut s to at most max bytes at a character boundary. */
static void
cut_title(char *s, size_t max)
{
	size_t	n = strlen(s);

	if (n <= max)
		return;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	s[max] = '\0';
}

static void
peek(struct folder *f, struct folder_entry *e)
{
	char		 buf[FOLDER_PEEK], *data, *cause = NULL;
	const char	*base;
	ssize_t		 got;
	size_t		 len;

	e->peeked = 1;
	if (e->error == NULL && strcmp(e->path, "-") == 0) {
		if ((f->stdin_data = util_read_file("-", ARTICLE_MAX_SIZE,
		    &f->stdin_len, &cause)) == NULL) {
			e->error = cause;
			cause = NULL;
		}
		data = f->stdin_data;
		len = f->stdin_len;
	} else if (e->error == NULL) {
		got = peek_file(e->path, buf, sizeof buf, &e->error);
		data = buf;
		len = got > 0 ? (size_t)got : 0;
	} else {
		data = NULL;
		len = 0;
	}
	if (e->error == NULL && memchr(data, '\0', len < FOLDER_PEEK ? len :
	    FOLDER_PEEK) != NULL)
		e->error = xstrdup("binary file (NUL bytes)");
	if (e->error == NULL) {
		e->format = article_format(strcmp(e->path, "-") == 0 ? NULL :
		    e->path, data, len);
		e->title = title_of(e, data, len);
	}
	if (e->title == NULL || e->title[0] == '\0') {
		free(e->title);
		base = strrchr(e->path, '/');
		base = base != NULL && base[1] != '\0' ? base + 1 : e->path;
		e->title = saved_clean_value(base, strlen(base));
	}
	cut_title(e->title, FOLDER_TITLE_MAX);
}

const struct folder_entry *
folder_info(struct folder *f, size_t i)
{
	if (i >= f->n)
		return NULL;
	if (!f->v[i].peeked)
		peek(f, &f->v[i]);
	return &f->v[i];
}

const char *
folder_title(struct folder *f, size_t i)
{
	const struct folder_entry	*e = folder_info(f, i);

	return e != NULL ? e->title : NULL;
}

struct doc *
folder_doc(struct folder *f, size_t i, struct saved_meta *m, char **cause)
{
	const struct folder_entry	*e;
	struct doc			*d;
	char				*data;
	size_t				 len;
	int				 is_stdin;

	if (m != NULL)
		memset(m, 0, sizeof *m);
	if ((e = folder_info(f, i)) == NULL) {
		*cause = xstrdup("no such entry");
		return NULL;
	}
	if (e->error != NULL) {
		*cause = xasprintf("%s: %s", e->path, e->error);
		return NULL;
	}
	is_stdin = strcmp(e->path, "-") == 0;
	if (is_stdin) {
		data = f->stdin_data;
		len = f->stdin_len;
	} else if ((data = util_read_file(e->path, ARTICLE_MAX_SIZE, &len,
	    cause)) == NULL)
		return NULL;
	if (memchr(data, '\0', len) != NULL) {
		*cause = xasprintf("%s: binary file (NUL bytes)", e->path);
		d = NULL;
	} else if (article_format(is_stdin ? NULL : e->path, data, len) ==
	    ARTICLE_SAVED)
		d = article_parse_saved(data, len, m, cause);
	else
		d = article_parse(is_stdin ? NULL : e->path, data, len, cause);
	if (!is_stdin)
		free(data);
	return d;
}

char *
folder_read(struct folder *f, size_t i, size_t *len, char **cause)
{
	const struct folder_entry	*e;

	if ((e = folder_info(f, i)) == NULL) {
		*cause = xstrdup("no such entry");
		return NULL;
	}
	if (e->error != NULL) {
		*cause = xasprintf("%s: %s", e->path, e->error);
		return NULL;
	}
	if (strcmp(e->path, "-") != 0)
		return util_read_file(e->path, ARTICLE_MAX_SIZE, len, cause);
	*len = f->stdin_len;
	return xstrndup(f->stdin_data != NULL ? f->stdin_data : "",
	    f->stdin_len);
}
