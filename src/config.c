/*
 * config.c - reads the config file: a table of words, each with a
 * handler that takes the line's arguments. Times in the file are seconds
 * (mark-read-delay, may have a fraction) and minutes (refresh-interval).
 */
#include <errno.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "config.h"
#include "keymap.h"
#include "theme.h"
#include "store.h"
#include "ldate.h"
#include "i18n.h"

#define CONFIG_MAX_WORDS	64

/* A handler returns NULL, or an error message (caller frees). */
typedef char *(*config_fn)(struct config *, char **, int);

static char *
number(const char *s, long lo, long hi, long *out)
{
	long long	n = 0;
	int		bad = util_parse_number(s, lo, hi, &n) == -1;

	*out = (long)n;		/* 0 when bad: no caller reads it then */
	if (bad)
		return xasprintf(_("bad number '%s' (want %ld to %ld)"), s, lo,
		    hi);
	return NULL;
}

static char **
argv_dup(char **w, int n)
{
	char	**v = xreallocarray(NULL, (size_t)n + 1, sizeof *v);
	int	  i;

	for (i = 0; i < n; i++)
		v[i] = xstrdup(w[i]);
	v[n] = NULL;
	return v;
}

static void
argv_free(char **v)
{
	size_t	i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

static char *
set_bind(struct config *c, char **w, int n)
{
	enum app_action	a;
	int		key;

	if (n >= 2 && (key = app_key_parse(w[1])) != -1 && n >= 3 &&
	    strcmp(w[2], "exec") == 0) {
		if (n < 4)
			return xstrdup("expected: bind KEY exec PROGRAM "
			    "[ARGUMENT...]");
		c->execs = xreallocarray(c->execs, c->nexecs + 1,
		    sizeof *c->execs);
		c->execs[c->nexecs] = argv_dup(w + 3, n - 3);
		app_keys_bind_exec(&c->keys, key, c->nexecs++);
		return NULL;
	}
	if (n != 3)
		return xasprintf(_("expected: %s"), "bind KEY ACTION");
	if ((key = app_key_parse(w[1])) == -1)
		return xasprintf(_("unknown key '%s'"), w[1]);
	if (strcmp(w[2], "none") == 0 || strcmp(w[2], "unbind") == 0)
		a = ACT_NONE;
	else if ((a = app_action_find(w[2])) == ACT_NONE)
		return xasprintf(_("unknown action '%s'"), w[2]);
	app_keys_bind(&c->keys, key, a);
	return NULL;
}

static char *
set_theme(struct config *c, char **w, int n)
{
	if (n != 2)
		return xasprintf(_("expected: %s"), "theme NAME");
	free(c->theme);
	c->theme = xstrdup(w[1]);
	return NULL;
}

static char *
set_feed_sort(struct config *c, char **w, int n)
{
	if (n != 2)
		return xasprintf(_("expected: %s"),
		    "feed-sort-order none|title");
	if (strcmp(w[1], "none") == 0)
		c->feed_sort_title = 0;
	else if (strcmp(w[1], "title") == 0)
		c->feed_sort_title = 1;
	else
		return xasprintf(_("bad order '%s' (want none or title)"),
		    w[1]);
	return NULL;
}

static char *
set_layout_dir(struct config *c, char **w, int n)
{
	static const char	*names[] = { "auto", "ltr", "rtl" };
	int			 i;

	if (n != 2)
		return xasprintf(_("expected: %s"),
		    "layout-direction auto|ltr|rtl");
	for (i = 0; i < 3; i++)
		if (strcmp(w[1], names[i]) == 0) {
			c->layout_dir = i;
			return NULL;
		}
	return xasprintf(_("bad direction '%s' (want auto, ltr or rtl)"), w[1]);
}

static char *
set_split(struct config *c, char **w, int n)
{
	long	v;
	char	*err;

	if (n != 2)
		return xasprintf(_("expected: %s"), "split-threshold COLUMNS");
	if ((err = number(w[1], 0, 10000, &v)) == NULL)
		c->split_threshold = (int)v;
	return err;
}

static char *
set_mark_read(struct config *c, char **w, int n)
{
	char	*end;
	double	 d;

	if (n != 2)
		return xasprintf(_("expected: %s"),
		    "mark-read-delay SECONDS|never");
	if (strcmp(w[1], "never") == 0 || strcmp(w[1], "off") == 0) {
		c->mark_read_delay = -1;
		return NULL;
	}
	errno = 0;
	d = strtod(w[1], &end);
	if (*end != '\0' || end == w[1] || errno != 0 || !(d >= 0) ||
	    d > 3600)
		return xasprintf(_("bad delay '%s' (want seconds or never)"),
		    w[1]);
	c->mark_read_delay = (int)(d * 1000);
	return NULL;
}

static char *
set_bidi(struct config *c, char **w, int n)
{
	static const char	*names[] = { "app", "terminal", "off" };
	int			 i;

	if (n != 2)
		return xasprintf(_("expected: %s"), "bidi app|terminal|off");
	for (i = 0; i < 3; i++)
		if (strcmp(w[1], names[i]) == 0) {
			c->bidi = i;
			return NULL;
		}
	return xasprintf(_("bad bidi mode '%s' (want app, terminal or off)"),
	    w[1]);
}

static char *
set_refresh(struct config *c, char **w, int n)
{
	long	v;
	char	*err;

	if (n != 2)
		return xasprintf(_("expected: %s"), "refresh-interval MINUTES");
	if ((err = number(w[1], 0, 100000, &v)) == NULL)
		c->refresh_interval = (int)v;
	return err;
}

static void
add_words(char ***v, size_t *n, char **w, int from, int to)
{
	int	i;

	for (i = from; i < to; i++) {
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = xstrdup(w[i]);
	}
}

/* The style after "--": up to two colours (fg, bg) and attributes. */
static char *
hl_style(struct config_hlgroup *g, char **w, int n)
{
	static const struct {
		const char	*name;
		unsigned	 bit;
	} attrs[] = {
		{ "bold", THEME_BOLD }, { "underline", THEME_UNDERLINE },
		{ "reverse", THEME_REVERSE }, { "dim", THEME_DIM },
		{ "italic", THEME_ITALIC }, { "normal", 0 },
	};
	int	i, c, ncol = 0;
	size_t	k;

	g->fg = g->bg = -1;
	for (i = 0; i < n; i++) {
		if ((c = theme_color(w[i])) != -2 && ncol < 2) {
			*(ncol++ == 0 ? &g->fg : &g->bg) = c;
			continue;
		}
		for (k = 0; k < sizeof attrs / sizeof attrs[0]; k++)
			if (strcmp(w[i], attrs[k].name) == 0)
				break;
		if (k == sizeof attrs / sizeof attrs[0])
			return xasprintf(_("bad colour or attribute '%s'"),
			    w[i]);
		g->attrs |= attrs[k].bit;
	}
	return n > 0 ? NULL : xasprintf(_("expected: %s"),
	    "highlight WORD... -- FOREGROUND [BACKGROUND] [ATTRIBUTE...]");
}

static char *
set_highlight(struct config *c, char **w, int n)
{
	struct config_hlgroup	 g;
	char			*err;
	int			 dash;

	for (dash = 1; dash < n && strcmp(w[dash], "--") != 0; dash++)
		;
	if (dash < 2)
		return xasprintf(_("expected: %s"),
		    "highlight WORD... [-- STYLE]");
	if (dash == n) {
		add_words(&c->highlight, &c->nhighlight, w, 1, n);
		return NULL;
	}
	memset(&g, 0, sizeof g);
	if ((err = hl_style(&g, w + dash + 1, n - dash - 1)) != NULL)
		return err;
	add_words(&g.words, &g.nwords, w, 1, dash);
	c->hlgroups = xreallocarray(c->hlgroups, c->nhlgroups + 1,
	    sizeof *c->hlgroups);
	c->hlgroups[c->nhlgroups++] = g;
	return NULL;
}

static char *
set_max_conn(struct config *c, char **w, int n)
{
	long	v;
	char	*err;

	if (n != 2)
		return xasprintf(_("expected: %s"), "max-connections N");
	if ((err = number(w[1], 1, 100, &v)) == NULL)
		c->max_connections = (int)v;
	return err;
}

/* The numeric settings of the fetcher and the store. */
static const struct {
	const char	*word;
	long		 min;
	long		 max;
	size_t		 offset;
} limits[] = {
	{ "max-articles", 0, 1000000000L,
	    offsetof(struct config, max_articles) },
	{ "download-timeout", 1, 86400,
	    offsetof(struct config, download_timeout) },
	{ "connect-timeout", 1, 3600,
	    offsetof(struct config, connect_timeout) },
	{ "max-feed-size", 1024, 1L << 30,
	    offsetof(struct config, max_feed_size) },
};

static char *
set_limit(struct config *c, char **w, int n)
{
	size_t	i;
	long	v;
	char	*err;

	for (i = 0; i < sizeof limits / sizeof limits[0]; i++)
		if (strcmp(w[0], limits[i].word) == 0)
			break;
	if (i == sizeof limits / sizeof limits[0])
		return xasprintf(_("unknown setting '%s'"), w[0]);
	if (n != 2)
		return xasprintf(_("expected: %s N"), w[0]);
	if ((err = number(w[1], limits[i].min, limits[i].max, &v)) == NULL)
		*(long *)((char *)c + limits[i].offset) = v;
	return err;
}

static char *
set_save_dir(struct config *c, char **w, int n)
{
	if (n != 2)
		return xasprintf(_("expected: %s"), "save-dir DIRECTORY");
	free(c->save_dir);
	c->save_dir = xstrdup(w[1]);
	return NULL;
}

/* ---- i15: dates in the interface language (ldate.h) ---- */

static char *
set_date(struct config *c, char **w, int n)
{
	static const struct {
		const char	*word;
		const char	*values;
		int		(*parse)(const char *);
	} opts[] = {
		{ "date-format", "auto|iso|locale", ldate_format_parse },
		{ "date-calendar", "auto|gregorian|islamic-umalqura|persian",
		    ldate_calendar_parse },
		{ "digits", "auto|latin|arabic-indic|persian",
		    ldate_digits_parse },
	};
	int	i, v;

	for (i = 0; strcmp(w[0], opts[i].word) != 0; i++)
		;
	if (n != 2)
		return xasprintf(_("expected: %s %s"), w[0],
		    opts[i].values);
	if ((v = opts[i].parse(w[1])) == -1)
		return xasprintf(_("bad value '%s' (want %s)"), w[1],
		    opts[i].values);
	if (i == 0)
		c->date_format = v;
	else if (i == 1)
		c->date_calendar = v;
	else
		c->digits = v;
	return NULL;
}

/* ---- links, copying and programs ---- */

/* A word out of names (NULL-terminated) into *out, or an error. */
static char *
choice(char **w, int n, const char *const *names, int *out)
{
	struct buf	b = { 0 };
	char		*err;
	int		 i;

	for (i = 0; names[i] != NULL; i++)
		if (n == 2 && strcmp(w[1], names[i]) == 0) {
			*out = i;
			return NULL;
		}
	for (i = 0; names[i] != NULL; i++)
		buf_printf(&b, "%s%s", i ? "|" : "", names[i]);
	buf_putc(&b, '\0');
	if (n != 2)
		err = xasprintf("expected: %s %s", w[0], b.data);
	else
		err = xasprintf("bad value '%s' (want %s)", w[1], b.data);
	buf_free(&b);
	return err;
}

static char *
set_copy_method(struct config *c, char **w, int n)
{
	static const char *const names[] = { "osc52", "command", "off",
	    NULL };
	int	v = 0;
	char	*err = choice(w, n, names, &v);

	if (err == NULL)
		c->copy_method = v;
	return err;
}

static char *
set_command(struct config *c, char **w, int n)
{
	char	***v = strcmp(w[0], "copy-command") == 0 ? &c->copy_command :
		    &c->notify_command;

	if (n < 2)
		return xasprintf("expected: %s PROGRAM [ARGUMENT...]", w[0]);
	argv_free(*v);
	*v = argv_dup(w + 1, n - 1);
	return NULL;
}

static char *
set_date_relative(struct config *c, char **w, int n)
{
	if (n != 2)
		return xasprintf(_("expected: %s"), "date-relative yes|no");
	if (strcmp(w[1], "yes") == 0)
		c->date_relative = 1;
	else if (strcmp(w[1], "no") == 0)
		c->date_relative = 0;
	else
		return xasprintf(_("bad value '%s' (want yes or no)"), w[1]);
	return NULL;
}

int
config_layout_rtl(const struct config *c, int ui_rtl)
{
	if (c->layout_dir != LAYOUT_AUTO)
		return c->layout_dir == LAYOUT_RTL;
	return ui_rtl;
}

static char *
set_flag(struct config *c, char **w, int n)
{
	static const char *const names[] = { "off", "on", "no", "yes",
	    NULL };
	int	v = 0;
	char	*err = choice(w, n, names, &v);

	if (err == NULL)
		*(strcmp(w[0], "mouse") == 0 ? &c->mouse : &c->beep) = v & 1;
	return err;
}

static char *
set_mouse_link(struct config *c, char **w, int n)
{
	static const char *const names[] = { "open", "copy", NULL };

	return choice(w, n, names, &c->mouse_link_copy);
}

static char *
set_hyperlinks(struct config *c, char **w, int n)
{
	static const char *const names[] = { "auto", "on", "off", NULL };
	int	v = 0;
	char	*err = choice(w, n, names, &v);

	if (err == NULL)
		c->hyperlinks = v;
	return err;
}

static char *
set_keyboard_layout(struct config *c, char **w, int n)
{
	static const char *const names[] = { "auto", "arabic", "persian",
	    "hebrew", "off", NULL };

	/* The order of enum keymap_layout. */
	return choice(w, n, names, &c->keyboard_layout);
}

static char *
set_notify(struct config *c, char **w, int n)
{
	static const char *const names[] = { "off", "osc9", "osc777",
	    "command", NULL };
	int	v = 0;
	char	*err = choice(w, n, names, &v);

	if (err == NULL)
		c->notify = v;
	return err;
}

/* ---- HTTP identity (issue 13): user-agent, proxy, cookie-file ---- */

/* The string settings, by word. */
static const struct {
	const char	*word;
	size_t		 offset;
} strings[] = {
	{ "user-agent", offsetof(struct config, user_agent) },
	{ "proxy", offsetof(struct config, proxy) },
	{ "cookie-file", offsetof(struct config, cookie_file) },
};

static char *
set_string(struct config *c, char **w, int n)
{
	const char	*p;
	char		**dst;
	size_t		 i;

	for (i = 0; strcmp(w[0], strings[i].word) != 0; i++)
		;
	if (n != 2 || *w[1] == '\0')
		return xasprintf("expected: %s VALUE (quoted when it has "
		    "blanks)", w[0]);
	for (p = w[1]; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return xasprintf("control character in %s", w[0]);
	dst = (char **)((char *)c + strings[i].offset);
	free(*dst);
	*dst = xstrdup(w[1]);
	return NULL;
}

/* query NAME SEARCH...: a virtual list of the articles the search
 * finds (the words after NAME are the query, as --search takes it). */
static char *
set_query(struct config *c, char **w, int n)
{
	struct buf	 q = { 0 };
	char		*cause = NULL;
	int		 i;

	if (n < 3 || *w[1] == '\0')
		return xstrdup("expected: query NAME SEARCH");
	for (i = 2; i < n; i++) {
		if (i > 2)
			buf_putc(&q, ' ');
		/* a quoted phrase stays one: "a b" as the search sees it */
		if (strchr(w[i], ' ') != NULL)
			buf_printf(&q, "\"%s\"", w[i]);
		else
			buf_puts(&q, w[i]);
	}
	if (store_search_check(q.data, &cause) != 0) {
		buf_free(&q);
		return cause;
	}
	c->query_names = xreallocarray(c->query_names, c->nqueries + 1,
	    sizeof *c->query_names);
	c->query_searches = xreallocarray(c->query_searches, c->nqueries + 1,
	    sizeof *c->query_searches);
	c->query_names[c->nqueries] = xstrdup(w[1]);
	c->query_searches[c->nqueries++] = xstrndup(q.data, q.len);
	buf_free(&q);
	return NULL;
}

/* ignore [feed=URL] [tag=TAG] [field=F] PATTERN (see rules.h) */
static char *
set_ignore(struct config *c, char **w, int n)
{
	char	*cause = NULL;

	if (n < 2)
		return xstrdup("expected: ignore [feed=URL] [tag=TAG] "
		    "[field=title|author|body|any] PATTERN");
	if (rules_add(&c->rules, w + 1, n - 1, &cause) != 0)
		return cause;
	return NULL;
}

/* ---- full texts (issue 14) ---- */

/* fulltext yes|no: does --refresh fetch the full texts of new articles
 * (of the feeds whose urls line does not say fulltext=)? */
static char *
set_fulltext(struct config *c, char **w, int n)
{
	if (n == 2 && strcmp(w[1], "yes") == 0)
		c->fulltext = 1;
	else if (n == 2 && strcmp(w[1], "no") == 0)
		c->fulltext = 0;
	else
		return xstrdup("expected: fulltext yes|no");
	return NULL;
}

static const struct {
	const char	*word;
	config_fn	 fn;
} words[] = {
	/* query lists and ignore rules (issue 13) */
	{ "query", set_query },
	{ "ignore", set_ignore },
	/* HTTP identity (issue 13) */
	{ "user-agent", set_string },
	{ "proxy", set_string },
	{ "cookie-file", set_string },
	{ "bind", set_bind },
	{ "theme", set_theme },
	{ "layout-direction", set_layout_dir },
	{ "feed-sort-order", set_feed_sort },
	{ "split-threshold", set_split },
	{ "mark-read-delay", set_mark_read },
	{ "bidi", set_bidi },
	{ "refresh-interval", set_refresh },
	{ "highlight", set_highlight },
	{ "max-connections", set_max_conn },
	{ "save-dir", set_save_dir },
	{ "max-articles", set_limit },
	{ "download-timeout", set_limit },
	{ "connect-timeout", set_limit },
	{ "max-feed-size", set_limit },
	/* full texts (issue 14) */
	{ "fulltext", set_fulltext },
	/* Links, copying and programs. */
	{ "copy-method", set_copy_method },
	{ "copy-command", set_command },
	{ "mouse", set_flag },
	{ "mouse-link", set_mouse_link },
	{ "hyperlinks", set_hyperlinks },
	{ "keyboard-layout", set_keyboard_layout },
	{ "notify", set_notify },
	{ "notify-command", set_command },
	{ "beep", set_flag },
	/* i15: dates in the interface language */
	{ "date-format", set_date },
	{ "date-calendar", set_date },
	{ "digits", set_date },
	{ "date-relative", set_date_relative },
};

void
config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->layout_dir = LAYOUT_AUTO;
	c->split_threshold = 100;
	c->mark_read_delay = 1500;
	c->bidi = BIDI_MODE_APP;
	c->mouse = 1;
	c->keyboard_layout = KEYMAP_AUTO;
	app_keys_default(&c->keys);
}

void
config_free(struct config *c)
{
	size_t	i, k;

	free(c->theme);
	free(c->save_dir);
	free(c->user_agent);
	free(c->proxy);
	free(c->cookie_file);
	for (i = 0; i < c->nqueries; i++) {
		free(c->query_names[i]);
		free(c->query_searches[i]);
	}
	free(c->query_names);
	free(c->query_searches);
	rules_free(&c->rules);
	for (i = 0; i < c->nhighlight; i++)
		free(c->highlight[i]);
	free(c->highlight);
	for (i = 0; i < c->nhlgroups; i++) {
		for (k = 0; k < c->hlgroups[i].nwords; k++)
			free(c->hlgroups[i].words[k]);
		free(c->hlgroups[i].words);
	}
	free(c->hlgroups);
	argv_free(c->copy_command);
	argv_free(c->notify_command);
	for (i = 0; i < c->nexecs; i++)
		argv_free(c->execs[i]);
	free(c->execs);
	for (i = 0; i < c->nerrors; i++)
		free(c->errors[i]);
	free(c->errors);
	app_keys_free(&c->keys);
	memset(c, 0, sizeof *c);
}

static void
add_error(struct config *c, char *msg)
{
	c->errors = xreallocarray(c->errors, c->nerrors + 1,
	    sizeof *c->errors);
	c->errors[c->nerrors++] = msg;
}

/*
 * Split a line into words: blanks separate, "double quotes" group (a
 * backslash escapes the next character inside), # starts a comment.
 * Returns the number of words, or -1 for an unterminated quote.
 */
static int
split_words(char *p, char **w)
{
	int	n = 0;
	char	*o;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (*p == '\0' || *p == '#' || n == CONFIG_MAX_WORDS)
			return n;
		w[n++] = o = p;
		if (*p == '"') {
			w[n - 1] = o = ++p;
			while (*p != '"') {
				if (*p == '\0')
					return -1;
				if (*p == '\\' && p[1] != '\0')
					p++;
				*o++ = *p++;
			}
			p++;
		} else
			while (*p != '\0' && *p != ' ' && *p != '\t' &&
			    *p != '\r')
				*o++ = *p++;
		if (*p != '\0')
			p++;
		*o = '\0';
	}
}

static char *
parse_line(struct config *c, char *line)
{
	char	*w[CONFIG_MAX_WORDS];
	int	 n;
	size_t	 i;

	if ((n = split_words(line, w)) == -1)
		return xstrdup(_("unterminated quote"));
	if (n == 0)
		return NULL;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(w[0], words[i].word) == 0)
			return words[i].fn(c, w, n);
	return xasprintf(_("unknown word '%s'"), w[0]);
}

size_t
config_parse(struct config *c, const char *text, const char *file)
{
	const char	*p = text, *nl;
	char		*line, *err;
	size_t		 lineno = 0, len, bad = 0;

	while (*p != '\0') {
		lineno++;
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		line = xstrndup(p, len);
		if ((err = parse_line(c, line)) != NULL) {
			add_error(c, xasprintf("%s:%zu: %s", file, lineno,
			    err));
			free(err);
			bad++;
		}
		free(line);
		p += len + (nl != NULL);
	}
	return bad;
}

char *
config_default_path(void)
{
	return util_xdg_path("XDG_CONFIG_HOME", ".config", "akhbar/config");
}

size_t
config_load(struct config *c, const char *path)
{
	char	*text, *cause = NULL, *dflt = NULL;
	size_t	 len, bad;

	if (path == NULL) {
		path = dflt = config_default_path();
		if (access(path, F_OK) != 0) {
			free(dflt);
			return 0;
		}
	}
	if ((text = util_read_file(path, 1 << 20, &len, &cause)) == NULL) {
		add_error(c, cause);
		free(dflt);
		return 1;
	}
	bad = config_parse(c, text, path);
	free(text);
	free(dflt);
	return bad;
}
