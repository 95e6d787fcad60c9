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

#include "fetch_exec.h"
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
 * An unquoted word from *sp. A quote right after the first '=' of a word
 * groups the value (key="two words"). Returns -1 on an unterminated one.
 */
static int
urls_split_bare(struct buf *w, const char **sp, const char *end)
{
	const char	*s = *sp;
	int		 seen_eq = 0;

	for (; s < end && *s != ' ' && *s != '\t' && *s != '\r'; s++) {
		if (*s == '"' && seen_eq == 1 && w->data[w->len - 1] == '=') {
			for (s++; s < end && *s != '"'; s++) {
				if (*s == '\\' && s + 1 < end)
					s++;
				buf_putc(w, *s);
			}
			if (s == end)
				return -1;
			continue;
		}
		seen_eq += *s == '=';
		buf_putc(w, *s);
	}
	*sp = s;
	return 0;
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
		} else if (urls_split_bare(&w, &s, end) != 0) {
			*reason = "unterminated quote";
			buf_free(&w);
			while (n > 0)
				free(v[--n]);
			free(v);
			return -1;
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

	char		*cmd, *furl;
	int		 ok;

	for (p = url; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "control character in URL";
	if (fetch_exec_source(url, &cmd, &furl) == 0) {
		ok = cmd[strspn(cmd, " \t")] != '\0';
		free(cmd);
		free(furl);
		return ok ? NULL : "exec: or filter: without a program";
	}
	if (strncmp(url, "filter:", 7) == 0)
		return "filter: wants filter:PROGRAM:URL (an http or https "
		    "URL)";
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
			return "unsupported URL scheme (only http, https, "
			    "local files, exec: and filter:)";
		return "not a URL (want http://, https://, file: or a path)";
	}
	if (*p == '\0' || *p == '/' || *p == '?' || *p == '#')
		return "URL without a host";
	return NULL;
}

static int
urls_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The value of %XX escapes in s[0..n). Caller frees. */
static char *
urls_pct_decode(const char *s, size_t n)
{
	char	*d = xmalloc(n + 1), *p = d;
	size_t	 i;
	int	 hi, lo;

	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n &&
		    (hi = urls_hexval(s[i + 1])) >= 0 &&
		    (lo = urls_hexval(s[i + 2])) >= 0) {
			*p++ = (char)(hi << 4 | lo);
			i += 2;
		} else
			*p++ = s[i];
	}
	*p = '\0';
	return d;
}

char *
urls_strip_auth(const char *url, char **user, char **password)
{
	const char	*host, *end, *at, *colon;
	char		*out;

	if (user != NULL)
		*user = NULL;
	if (password != NULL)
		*password = NULL;
	/* an exec: command line is the user's business, not a URL */
	if ((host = strstr(url, "://")) == NULL || urls_is_local(url) ||
	    strncmp(url, "exec:", 5) == 0)
		return xstrdup(url);
	host += 3;
	end = host + strcspn(host, "/?#");
	for (at = NULL, colon = host; colon < end; colon++)
		if (*colon == '@')
			at = colon;	/* the last one: '@' may be in a password */
	if (at == NULL)
		return xstrdup(url);
	colon = memchr(host, ':', at - host);
	if (user != NULL)
		*user = urls_pct_decode(host, (colon != NULL ? colon : at) -
		    host);
	if (password != NULL && colon != NULL)
		*password = urls_pct_decode(colon + 1, at - colon - 1);
	out = xmalloc(strlen(url) + 1);
	memcpy(out, url, host - url);
	strcpy(out + (host - url), at + 1);
	return out;
}

/* A setting's parser: NULL, or why the value is refused (static). */
typedef const char *(*urls_opt_fn)(struct urls_entry *, const char *);

/* Non-zero when s has a control character (it would split a header). */
static int
urls_has_ctl(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

static const char *
urls_number(const char *v, long hi, long *out)
{
	long long	n;

	if (util_parse_number(v, 0, hi, &n) != 0)
		return "want a whole number";
	*out = (long)n;
	return NULL;
}

static const char *
opt_interval(struct urls_entry *e, const char *v)
{
	return urls_number(v, 525600, &e->opts.interval);  /* a year */
}

static const char *
opt_max_articles(struct urls_entry *e, const char *v)
{
	return urls_number(v, 100000000, &e->opts.max_articles);
}

static const char *
opt_keep_days(struct urls_entry *e, const char *v)
{
	return urls_number(v, 365000, &e->opts.keep_days);
}

/* Replace *dst with v after checking it for control characters. */
static const char *
urls_string(char **dst, const char *v)
{
	if (*v == '\0')
		return "empty value";
	if (urls_has_ctl(v))
		return "control character in value";
	free(*dst);
	*dst = xstrdup(v);
	return NULL;
}

static const char *
opt_user_agent(struct urls_entry *e, const char *v)
{
	return urls_string(&e->opts.user_agent, v);
}

static const char *
opt_header(struct urls_entry *e, const char *v)
{
	size_t	n = strcspn(v, ":");
	char	*h = NULL;

	if (n == 0 || v[n] != ':' || strcspn(v, " \t") < n)
		return "want \"Name: value\"";
	if (urls_string(&h, v) != NULL)
		return "control character in value";
	e->opts.headers = xreallocarray(e->opts.headers,
	    e->opts.nheaders + 1, sizeof *e->opts.headers);
	e->opts.headers[e->opts.nheaders++] = h;
	return NULL;
}

static const char *
opt_auth(struct urls_entry *e, const char *v)
{
	if (strcmp(v, "netrc") != 0)
		return "want netrc";
	e->opts.auth_netrc = 1;
	return NULL;
}

static const char *
opt_cookies(struct urls_entry *e, const char *v)
{
	const char	*home = getenv("HOME");
	char		*path;
	const char	*err;

	if (strncmp(v, "~/", 2) != 0)
		return urls_string(&e->opts.cookies, v);
	path = xasprintf("%s/%s", home != NULL ? home : ".", v + 2);
	err = urls_string(&e->opts.cookies, path);
	free(path);
	return err;
}

static const char *
opt_proxy(struct urls_entry *e, const char *v)
{
	return urls_string(&e->opts.proxy, v);
}

static const char *
opt_fulltext(struct urls_entry *e, const char *v)
{
	if (strcmp(v, "yes") == 0)
		e->opts.fulltext = 1;
	else if (strcmp(v, "no") == 0)
		e->opts.fulltext = 0;
	else
		return "want yes or no";
	return NULL;
}

static const char *
opt_direction(struct urls_entry *e, const char *v)
{
	if (strcmp(v, "rtl") == 0)
		e->opts.direction = URLS_DIR_RTL;
	else if (strcmp(v, "ltr") == 0)
		e->opts.direction = URLS_DIR_LTR;
	else if (strcmp(v, "auto") == 0)
		e->opts.direction = URLS_DIR_AUTO;
	else
		return "want rtl, ltr or auto";
	return NULL;
}

static const char *
opt_name(struct urls_entry *e, const char *v)
{
	return urls_string(&e->name, v);
}

/* The per-feed settings, by key. */
static const struct {
	const char	*key;
	urls_opt_fn	 fn;
} urls_opt_table[] = {
	{ "interval", opt_interval },
	{ "max-articles", opt_max_articles },
	{ "keep-days", opt_keep_days },
	{ "user-agent", opt_user_agent },
	{ "header", opt_header },
	{ "auth", opt_auth },
	{ "cookies", opt_cookies },
	{ "proxy", opt_proxy },
	{ "fulltext", opt_fulltext },
	{ "direction", opt_direction },
	{ "name", opt_name },
};

/* Length of the key of a key=value word, or 0 when w is not one. */
static size_t
urls_opt_key(const char *w)
{
	size_t	n = 0;

	if (!islower((unsigned char)w[0]))
		return 0;
	while (islower((unsigned char)w[n]) || w[n] == '-')
		n++;
	return w[n] == '=' ? n : 0;
}

/* Apply one key=value word; a bad one is warned about and dropped. */
static void
urls_add_opt(struct urls *u, struct urls_entry *e, const char *w,
    size_t klen, const char *fname)
{
	const char	*why;
	char		*msg;
	size_t		 i;

	for (i = 0; i < sizeof urls_opt_table / sizeof *urls_opt_table; i++)
		if (strlen(urls_opt_table[i].key) == klen &&
		    strncmp(urls_opt_table[i].key, w, klen) == 0)
			break;
	if (i == sizeof urls_opt_table / sizeof *urls_opt_table) {
		msg = xasprintf("unknown setting '%.*s' ignored", (int)klen,
		    w);
		urls_warn(u, fname, e->line, msg);
		free(msg);
		return;
	}
	if ((why = urls_opt_table[i].fn(e, w + klen + 1)) == NULL)
		return;
	msg = xasprintf("bad value for %s ignored (%s)",
	    urls_opt_table[i].key, why);
	urls_warn(u, fname, e->line, msg);
	free(msg);
}

static void
urls_add_line(struct urls *u, char **w, int n, unsigned line,
    const char *fname)
{
	struct urls_entry	*e;
	size_t			 klen;
	int			 i;

	u->v = xreallocarray(u->v, u->n + 1, sizeof *u->v);
	e = &u->v[u->n++];
	memset(e, 0, sizeof *e);
	e->opts.fulltext = -1;
	e->url = urls_strip_auth(w[0], &e->user, &e->password);
	free(w[0]);
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
		if ((klen = urls_opt_key(w[i])) > 0) {
			urls_add_opt(u, e, w[i], klen, fname);
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
		urls_add_line(u, w, n, line, fname);
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

static void
urls_opts_clear(struct urls_opts *o)
{
	size_t	i;

	free(o->user_agent);
	for (i = 0; i < o->nheaders; i++)
		free(o->headers[i]);
	free(o->headers);
	free(o->cookies);
	free(o->proxy);
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
		free(u->v[i].user);
		free(u->v[i].password);
		urls_opts_clear(&u->v[i].opts);
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

/* Append " key=value", the value quoted when it needs it. */
static void
urls_put_opt(struct buf *b, const char *key, const char *v)
{
	const char	*p;

	buf_printf(b, " %s=", key);
	if (*v != '\0' && strcspn(v, " \t\"\\#") == strlen(v)) {
		buf_puts(b, v);
		return;
	}
	buf_putc(b, '"');
	for (p = v; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

char *
urls_format_setting(const char *key, const char *value)
{
	struct buf	 b = { 0 };
	char		*s;

	urls_put_opt(&b, key, value);
	s = xstrndup(b.data, b.len);
	buf_free(&b);
	return s;
}

char *
urls_format_opts(const struct urls_opts *o)
{
	static const char *const dirs[] = {
		[URLS_DIR_AUTO] = "auto", [URLS_DIR_LTR] = "ltr",
		[URLS_DIR_RTL] = "rtl",
	};
	struct buf	 b = { 0 };
	char		 num[32];
	size_t		 i;
	char		*s;

	buf_puts(&b, "");
	if (o->interval > 0) {
		snprintf(num, sizeof num, "%ld", o->interval);
		urls_put_opt(&b, "interval", num);
	}
	if (o->max_articles > 0) {
		snprintf(num, sizeof num, "%ld", o->max_articles);
		urls_put_opt(&b, "max-articles", num);
	}
	if (o->keep_days > 0) {
		snprintf(num, sizeof num, "%ld", o->keep_days);
		urls_put_opt(&b, "keep-days", num);
	}
	if (o->user_agent != NULL)
		urls_put_opt(&b, "user-agent", o->user_agent);
	for (i = 0; i < o->nheaders; i++)
		urls_put_opt(&b, "header", o->headers[i]);
	if (o->auth_netrc)
		urls_put_opt(&b, "auth", "netrc");
	if (o->cookies != NULL)
		urls_put_opt(&b, "cookies", o->cookies);
	if (o->proxy != NULL)
		urls_put_opt(&b, "proxy", o->proxy);
	if (o->fulltext >= 0)
		urls_put_opt(&b, "fulltext", o->fulltext ? "yes" : "no");
	if (o->direction != URLS_DIR_UNSET)
		urls_put_opt(&b, "direction", dirs[o->direction]);
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
