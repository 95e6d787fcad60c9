/*
 * saved.c - the saved-article file format (see saved.h): writing it
 * atomically under a safe name, and reading it back. Sizes and offsets
 * are bytes; dates are UTC seconds.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>

#include "util.h"
#include "utf8.h"
#include "date.h"
#include "saved.h"

/* Header names, in the order saved_format() writes them. */
enum field { F_TITLE, F_FEED, F_AUTHOR, F_DATE, F_LINK, F_TAGS,
	F_ENCLOSURE, F_TYPE, F_NONE };
static const char *field_names[] = {
	"Title", "Feed", "Author", "Date", "Link", "Tags", "Enclosure",
	"Content-Type"
};

void
saved_meta_clear(struct saved_meta *m)
{
	free(m->title);
	free(m->feed);
	free(m->author);
	free(m->link);
	free(m->tags);
	free(m->enclosure);
	memset(m, 0, sizeof *m);
}

char *
saved_enclosure_info(const char *type, int64_t length)
{
	static const char *const units[] = { "kB", "MB", "GB", "TB", "PB",
					    "EB" };
	uint64_t	 unit = 1000, tenths;
	size_t		 u = 0;
	char		 size[32] = "";

	if (length > 0 && length < 1000)
		snprintf(size, sizeof size, "%lld byte%s", (long long)length,
		    length == 1 ? "" : "s");
	else if (length > 0) {
		/* integer tenths, rounded; 999,960 bytes is "1.0 MB", not
		 * "1000.0 kB" */
		for (;;) {
			tenths = ((uint64_t)length * 10 + unit / 2) / unit;
			if (tenths < 10000 || u + 1 == sizeof units /
			    sizeof units[0])
				break;
			unit *= 1000;
			u++;
		}
		snprintf(size, sizeof size, "%llu.%llu %s",
		    (unsigned long long)(tenths / 10),
		    (unsigned long long)(tenths % 10), units[u]);
	}
	if (type != NULL && *type != '\0' && size[0] != '\0')
		return xasprintf("%s, %s", type, size);
	if (type != NULL && *type != '\0')
		return xstrdup(type);
	return size[0] != '\0' ? xstrdup(size) : NULL;
}

char *
saved_enclosure(const char *url, const char *type, int64_t length)
{
	char	*info, *s;

	if (url == NULL || *url == '\0')
		return NULL;
	if ((info = saved_enclosure_info(type, length)) == NULL)
		return xstrdup(url);
	s = xasprintf("%s (%s)", url, info);
	free(info);
	return s;
}

int
saved_sniff(const char *s, size_t n)
{
	size_t	k = sizeof SAVED_MAGIC - 1;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		n -= 3;
	}
	return n >= k && memcmp(s, SAVED_MAGIC, k) == 0 &&
	    (n == k || s[k] == '\n' || s[k] == '\r');
}

char *
saved_clean_value(const char *s, size_t n)
{
	return utf8_sanitize(s, n, UTF8_FOLD_SPACE |
	    UTF8_SQUEEZE);
}

static void
put_field(struct buf *b, enum field f, const char *v)
{
	char	*clean;

	if (v == NULL)
		return;
	clean = saved_clean_value(v, strlen(v));
	if (clean[0] != '\0')
		buf_printf(b, "%s: %s\n", field_names[f], clean);
	free(clean);
}

/* Append s[0..n) as valid UTF-8 without NUL bytes. */
static void
put_body(struct buf *b, const char *s, size_t n)
{
	uint32_t	cp;
	size_t		i = 0, k, start = 0;
	char		enc[4];

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = start = 3;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80 && s[i] != '\0') {
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (s[i] == '\0' || (cp == UTF8_REPLACEMENT && (k != 3 ||
		    memcmp(s + i, "\xef\xbf\xbd", 3) != 0))) {
			buf_add(b, s + start, i - start);
			if (s[i] != '\0')
				buf_add(b, enc, utf8_encode(cp, enc));
			start = i + k;
		}
		i += k;
	}
	buf_add(b, s + start, n - start);
}

char *
saved_format(const struct saved_meta *m, const char *body, size_t len,
    int body_is_html, size_t *out_len)
{
	struct buf	 b = { 0 };
	struct tm	 tm;
	time_t		 t;
	char		 date[32];

	buf_puts(&b, SAVED_MAGIC "\n");
	put_field(&b, F_TITLE, m->title);
	put_field(&b, F_FEED, m->feed);
	put_field(&b, F_AUTHOR, m->author);
	if (m->date != 0) {
		t = (time_t)m->date;
		if (gmtime_r(&t, &tm) != NULL && strftime(date, sizeof date,
		    "%Y-%m-%dT%H:%M:%SZ", &tm) > 0)
			put_field(&b, F_DATE, date);
	}
	put_field(&b, F_LINK, m->link);
	put_field(&b, F_TAGS, m->tags);
	put_field(&b, F_ENCLOSURE, m->enclosure);
	put_field(&b, F_TYPE, body_is_html ? "text/html; charset=utf-8" :
	    "text/plain; charset=utf-8");
	buf_putc(&b, '\n');
	if (body != NULL)
		put_body(&b, body, len);
	if (b.data[b.len - 1] != '\n')
		buf_putc(&b, '\n');
	if (out_len != NULL)
		*out_len = b.len;
	return b.data;
}

static enum field
field_of(const char *name, size_t n)
{
	size_t	f;

	for (f = 0; f < F_NONE; f++)
		if (strlen(field_names[f]) == n &&
		    strncasecmp(field_names[f], name, n) == 0)
			return (enum field)f;
	return F_NONE;
}

/* One "Name: value" line into m. */
static void
parse_line(const char *s, size_t n, struct saved_meta *m, int *html)
{
	const char	*colon;
	char		**slot = NULL, *v;
	enum field	 f;

	if ((colon = memchr(s, ':', n)) == NULL)
		return;
	f = field_of(s, (size_t)(colon - s));
	v = saved_clean_value(colon + 1, n - (size_t)(colon + 1 - s));
	switch (f) {
	case F_TITLE: slot = &m->title; break;
	case F_FEED: slot = &m->feed; break;
	case F_AUTHOR: slot = &m->author; break;
	case F_LINK: slot = &m->link; break;
	case F_TAGS: slot = &m->tags; break;
	case F_ENCLOSURE: slot = &m->enclosure; break;
	case F_DATE:
		m->date = date_parse(v);
		break;
	case F_TYPE:
		*html = strncasecmp(v, "text/html", 9) == 0;
		break;
	case F_NONE:
		break;
	}
	if (slot != NULL && v[0] != '\0') {
		free(*slot);
		*slot = v;
	} else
		free(v);
}

int
saved_parse(const char *s, size_t n, struct saved_meta *m,
    size_t *body_off, int *body_is_html, char **cause)
{
	const char	*nl;
	size_t		 i = 0, len;
	int		 html = 0;

	memset(m, 0, sizeof *m);
	if (!saved_sniff(s, n)) {
		*cause = xstrdup("not an akhbar saved article (no \""
		    SAVED_MAGIC "\" first line)");
		return -1;
	}
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (;;) {
		if (i >= n || i >= SAVED_HEADER_MAX) {
			i = n;
			break;
		}
		nl = memchr(s + i, '\n', n - i);
		len = nl != NULL ? (size_t)(nl - (s + i)) : n - i;
		if (len > 0 && s[i + len - 1] == '\r')
			len--;
		if (len == 0) {
			i = nl != NULL ? (size_t)(nl - s) + 1 : n;
			break;
		}
		parse_line(s + i, len, m, &html);
		i = nl != NULL ? (size_t)(nl - s) + 1 : n;
	}
	*body_off = i;
	*body_is_html = html;
	return 0;
}

/* Letters, marks and digits of any script make up a slug. */
static int
slug_keeps(uint32_t cp)
{
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

static int
is_mark(uint32_t cp)
{
	utf8proc_category_t	c = utf8proc_category((utf8proc_int32_t)cp);

	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	    c == UTF8PROC_CATEGORY_ME;
}

/* Dropped without a trace: format characters (joiners, bidi controls)
 * and controls. Everything else that is not kept is a separator. */
static int
slug_drops(uint32_t cp)
{
	utf8proc_category_t	c = utf8proc_category((utf8proc_int32_t)cp);

	return c == UTF8PROC_CATEGORY_CF || c == UTF8PROC_CATEGORY_CC ||
	    utf8_is_bidi_control(cp);
}

/* The slug of title into b, at most max bytes, cut before a character
 * (never between a letter and its marks). */
static void
slug(struct buf *b, const char *title, size_t max)
{
	utf8proc_uint8_t	*nfc = NULL;
	const char		*s;
	char			*clean;
	uint32_t		 cp;
	size_t			 i = 0, n, k, start = b->len, base = b->len;
	char			 enc[4];
	int			 dash = 0;

	/* Escape sequences go whole, not just their ESC. */
	clean = saved_clean_value(title, strlen(title));
	s = clean;
	if (utf8proc_map((const utf8proc_uint8_t *)clean, 0, &nfc,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE) >= 0)
		s = (const char *)nfc;
	n = strlen(s);
	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		if (slug_drops(cp))
			continue;
		if (!slug_keeps(cp) || cp == UTF8_REPLACEMENT) {
			dash = b->len > start;
			continue;
		}
		cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
		k = utf8_encode(cp, enc);
		if (b->len - start + dash + k > max) {
			/* Do not keep a letter without all its marks. */
			if (is_mark(cp) && !dash)
				b->len = base;
			break;
		}
		if (!is_mark(cp) || dash)
			base = b->len;
		if (dash)
			buf_putc(b, '-');
		dash = 0;
		buf_add(b, enc, k);
	}
	while (b->len > start && b->data[b->len - 1] == '-')
		b->len--;
	free(nfc);
	free(clean);
}

char *
saved_filename(const struct saved_meta *m)
{
	struct buf	 b = { 0 };
	struct tm	 tm;
	time_t		 t = (time_t)m->date;
	size_t		 mark;

	if (m->date != 0 && gmtime_r(&t, &tm) != NULL && tm.tm_year >= -1899
	    && tm.tm_year <= 8099)
		buf_printf(&b, "%04d-%02d-%02d-", tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday);
	else
		buf_puts(&b, "undated-");
	mark = b.len;
	/* Room for "-NNN" (a clash) and ".txt". */
	if (m->title != NULL)
		slug(&b, m->title, SAVED_NAME_MAX - mark - 4 - 4);
	if (b.len == mark)
		buf_puts(&b, "article");
	buf_puts(&b, ".txt");
	return b.data;
}

/* The name with a clash number: "x.txt" -> "x-2.txt". Caller frees. */
static char *
numbered(const char *name, unsigned n)
{
	size_t	k = strlen(name) - 4;

	if (n < 2)
		return xstrdup(name);
	return xasprintf("%.*s-%u.txt", (int)k, name, n);
}

/* Is the file at path exactly data[0..len)? */
static int
same_content(const char *path, const char *data, size_t len)
{
	char	*have, *cause = NULL;
	size_t	 n;
	int	 same;

	if ((have = util_read_file(path, len + 1, &n, &cause)) == NULL) {
		free(cause);
		return 0;
	}
	same = n == len && memcmp(have, data, len) == 0;
	free(have);
	return same;
}

static int
write_all(int fd, const char *s, size_t n)
{
	ssize_t	w;

	while (n > 0) {
		if ((w = write(fd, s, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Write data into a new temporary file in dir; *tmp gets its path. */
static int
write_temp(const char *dir, const char *data, size_t len, char **tmp,
    char **cause)
{
	static unsigned	 counter;
	int		 fd, tries;

	for (tries = 0; tries < 100; tries++) {
		*tmp = xasprintf("%s/.akhbar-save-%ld-%u.tmp", dir,
		    (long)getpid(), counter++);
		fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
		    O_NOFOLLOW, 0666);
		if (fd != -1 || errno != EEXIST)
			break;
		free(*tmp);
		*tmp = NULL;
	}
	if (*tmp == NULL || fd == -1) {
		*cause = xasprintf("%s: %s", dir, strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	if (write_all(fd, data, len) == -1 || fsync(fd) == -1) {
		*cause = xasprintf("%s: %s", *tmp, strerror(errno));
		close(fd);
		goto fail;
	}
	if (close(fd) == -1) {
		*cause = xasprintf("%s: %s", *tmp, strerror(errno));
		goto fail;
	}
	return 0;
fail:
	unlink(*tmp);
	free(*tmp);
	*tmp = NULL;
	return -1;
}

/* Give tmp the name path without replacing anything: 0, or -1 with
 * errno (EEXIST when the name is taken). */
static int
publish(const char *tmp, const char *path)
{
	struct stat	st;

	if (link(tmp, path) == 0)
		return 0;
	if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS)
		return -1;
	/* No hard links (vfat, some FUSE): a rename after a check, which
	 * can race with another writer but never with ourselves. */
	if (lstat(path, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(tmp, path);
}

static void
sync_dir(const char *dir)
{
	int	fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
}

int
saved_write(const char *dir, const struct saved_meta *m, const char *body,
    size_t len, int body_is_html, char **path_out, char **cause)
{
	char		*data, *name, *try = NULL, *path = NULL, *tmp = NULL;
	size_t		 n;
	unsigned	 k;
	int		 rc = -1;

	if (path_out != NULL)
		*path_out = NULL;
	data = saved_format(m, body, len, body_is_html, &n);
	name = saved_filename(m);
	for (k = 1; k < 1000; k++) {
		free(try);
		free(path);
		try = numbered(name, k);
		path = xasprintf("%s/%s", dir, try);
		if (same_content(path, data, n)) {
			rc = 1;
			break;
		}
		if (tmp == NULL && write_temp(dir, data, n, &tmp, cause) == -1)
			break;
		if (publish(tmp, path) == 0) {
			rc = 0;
			break;
		}
		if (errno != EEXIST) {
			*cause = xasprintf("%s: %s", path, strerror(errno));
			break;
		}
	}
	if (k == 1000)
		*cause = xasprintf("%s/%s: too many files with this name",
		    dir, name);
	if (tmp != NULL) {
		unlink(tmp);	/* after link(); gone already after rename() */
		sync_dir(dir);
	}
	if (rc != -1 && path_out != NULL) {
		*path_out = path;
		path = NULL;
	}
	free(tmp);
	free(try);
	free(path);
	free(name);
	free(data);
	return rc;
}
