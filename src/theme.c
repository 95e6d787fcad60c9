/*
 * theme.c - parses theme files and maps the document's abstract
 * attributes to styles. Colours are xterm palette indices (0-255) or -1
 * for the terminal's default colour.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "doc.h"
#include "theme.h"

static const char *element_names[] = {
#define X(id, name) name,
	THEME_ELEMENTS
#undef X
};

static const char *color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

static const struct {
	const char	*name;
	unsigned	 bit;
} attr_names[] = {
	{ "bold", THEME_BOLD }, { "underline", THEME_UNDERLINE },
	{ "reverse", THEME_REVERSE }, { "dim", THEME_DIM },
	{ "italic", THEME_ITALIC }, { "normal", 0 },
};

static void
set(struct theme *t, enum theme_element e, int fg, int bg, unsigned attrs)
{
	t->style[e].fg = fg;
	t->style[e].bg = bg;
	t->style[e].attrs = attrs;
	t->style[e].set = 1;
}

void
theme_init(struct theme *t)
{
	int	i;

	memset(t, 0, sizeof *t);
	for (i = 0; i < THEME_COUNT; i++)
		set(t, i, -1, -1, 0);
	set(t, THEME_LIST_FOCUS, -1, -1, THEME_REVERSE);
	set(t, THEME_LIST_SELECT, -1, -1, THEME_UNDERLINE);
	set(t, THEME_LIST_UNREAD, -1, -1, THEME_BOLD);
	set(t, THEME_FEED_ERROR, 1, -1, 0);
	set(t, THEME_TITLE, -1, -1, THEME_BOLD);
	set(t, THEME_HEADING, -1, -1, THEME_BOLD);
	set(t, THEME_LINK, 4, -1, THEME_UNDERLINE);
	set(t, THEME_QUOTE, 6, -1, 0);
	set(t, THEME_CODE, 2, -1, 0);
	set(t, THEME_HIGHLIGHT, 0, 3, 0);
	set(t, THEME_SEARCH_MATCH, 0, 6, 0);
	set(t, THEME_STATUS, -1, -1, THEME_REVERSE);
	set(t, THEME_STATUS_ERROR, 1, -1, THEME_REVERSE | THEME_BOLD);
	set(t, THEME_BORDER, -1, -1, THEME_DIM);
}

void
theme_init_mono(struct theme *t)
{
	int	i;

	theme_init(t);
	for (i = 0; i < THEME_COUNT; i++)
		t->style[i].fg = t->style[i].bg = -1;
	t->style[THEME_HIGHLIGHT].attrs = THEME_REVERSE;
	t->style[THEME_SEARCH_MATCH].attrs = THEME_REVERSE | THEME_UNDERLINE;
	t->style[THEME_LINK].attrs = THEME_UNDERLINE;
	t->style[THEME_FEED_ERROR].attrs = THEME_BOLD;
	t->style[THEME_STATUS_ERROR].attrs = THEME_REVERSE | THEME_BOLD;
}

/* Nearest xterm-256 index to an RGB colour (cube or grey ramp). */
static int
nearest(int r, int g, int b)
{
	static const int	level[] = { 0, 95, 135, 175, 215, 255 };
	int			ci[3], v[3] = { r, g, b }, i, k, best;
	int			cd, gd, grey, gi;

	for (i = 0; i < 3; i++) {
		best = 0;
		for (k = 1; k < 6; k++)
			if (abs(level[k] - v[i]) < abs(level[best] - v[i]))
				best = k;
		ci[i] = best;
	}
	cd = 0;
	for (i = 0; i < 3; i++)
		cd += (level[ci[i]] - v[i]) * (level[ci[i]] - v[i]);
	grey = (r + g + b) / 3;
	gi = grey < 8 ? 0 : grey > 238 ? 23 : (grey - 8) / 10;
	gd = 0;
	for (i = 0; i < 3; i++)
		gd += (8 + gi * 10 - v[i]) * (8 + gi * 10 - v[i]);
	if (gd < cd)
		return 232 + gi;
	return 16 + 36 * ci[0] + 6 * ci[1] + ci[2];
}

int
theme_color(const char *w)
{
	long long	 n;
	unsigned	 rgb;
	int		 i;

	if (strcmp(w, "default") == 0)
		return -1;
	for (i = 0; i < 8; i++) {
		if (strcmp(w, color_names[i]) == 0)
			return i;
		if (strncmp(w, "bright", 6) == 0 && strcmp(w + 6 +
		    (w[6] == '-'), color_names[i]) == 0)
			return i + 8;
	}
	if (strncmp(w, "color", 5) == 0)
		return util_parse_number(w + 5, 0, 255, &n) == 0 ? (int)n : -2;
	if (w[0] == '#' && strlen(w) == 7 &&
	    strspn(w + 1, "0123456789abcdefABCDEF") == 6) {
		rgb = (unsigned)strtoul(w + 1, NULL, 16);
		return nearest((int)(rgb >> 16), (int)((rgb >> 8) & 0xFF),
		    (int)(rgb & 0xFF));
	}
	return -2;
}

/* Apply one "color ..." line; returns an error message or NULL. */
static char *
parse_line(struct theme *t, char *line)
{
	char		*word[16], *p, *save = NULL;
	int		 n = 0, i, e, fg, bg;
	size_t		 k;
	unsigned	 attrs = 0;

	for (p = strtok_r(line, " \t\r", &save); p != NULL && n < 16;
	    p = strtok_r(NULL, " \t\r", &save))
		word[n++] = p;
	if (n == 0 || word[0][0] == '#')
		return NULL;
	if (strcmp(word[0], "color") != 0)
		return xasprintf("unknown command '%s'", word[0]);
	if (n < 4)
		return xstrdup("expected: color ELEMENT FOREGROUND BACKGROUND "
		    "[ATTRIBUTE...]");
	for (e = 0; e < THEME_COUNT; e++)
		if (strcmp(word[1], element_names[e]) == 0)
			break;
	if (e == THEME_COUNT)
		return xasprintf("unknown element '%s'", word[1]);
	if ((fg = theme_color(word[2])) == -2)
		return xasprintf("unknown colour '%s'", word[2]);
	if ((bg = theme_color(word[3])) == -2)
		return xasprintf("unknown colour '%s'", word[3]);
	for (i = 4; i < n; i++) {
		for (k = 0; k < sizeof attr_names / sizeof attr_names[0]; k++)
			if (strcmp(word[i], attr_names[k].name) == 0)
				break;
		if (k == sizeof attr_names / sizeof attr_names[0])
			return xasprintf("unknown attribute '%s'", word[i]);
		attrs |= attr_names[k].bit;
	}
	set(t, e, fg, bg, attrs);
	return NULL;
}

int
theme_parse(struct theme *t, const char *text, const char *file,
    char **cause)
{
	const char	*p = text, *nl;
	char		*line, *err;
	size_t		 lineno = 0, len;

	while (*p != '\0') {
		lineno++;
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		line = xstrndup(p, len);
		err = parse_line(t, line);
		free(line);
		if (err != NULL) {
			*cause = xasprintf("%s:%zu: %s", file, lineno, err);
			free(err);
			return -1;
		}
		p += len + (nl != NULL);
	}
	memset(t->sgr_done, 0, sizeof t->sgr_done);
	return 0;
}

/* Built in, so found even without a file of that name. */
static int
theme_builtin(const char *name)
{
	return strcmp(name, "default") == 0 || strcmp(name, "mono") == 0;
}

/* The directories a theme name is looked up in, in order, into dirs
 * (THEME_MAX_DIRS); returns how many. Caller frees each. */
#define THEME_MAX_DIRS	4
static size_t
theme_dirs(char **dirs)
{
	char	exe[PATH_MAX], *slash;
	size_t	nd = 0;

	dirs[nd++] = util_xdg_path("XDG_CONFIG_HOME", ".config",
	    "akhbar/themes");
	dirs[nd++] = xstrdup(DATADIR "/themes");
	if (util_exe_path(exe, sizeof exe) > 0) {
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		dirs[nd++] = xasprintf("%s/themes", exe);
	}
	dirs[nd++] = xstrdup("themes");
	return nd;
}

/* The readable file of theme name, or NULL. Caller frees. */
static char *
theme_path(const char *name)
{
	char	*dirs[THEME_MAX_DIRS], *path = NULL, *try;
	size_t	 nd, i;

	if (strchr(name, '/') != NULL)
		return access(name, R_OK) == 0 ? xstrdup(name) : NULL;
	nd = theme_dirs(dirs);
	for (i = 0; i < nd; i++) {
		try = xasprintf("%s/%s", dirs[i], name);
		if (path == NULL && access(try, R_OK) == 0)
			path = try;
		else
			free(try);
		free(dirs[i]);
	}
	return path;
}

int
theme_exists(const char *name)
{
	char	*path = theme_path(name);
	int	 found = path != NULL || theme_builtin(name);

	free(path);
	return found;
}

int
theme_load(struct theme *t, const char *name, char **cause)
{
	char	*path, *text;
	size_t	 len;
	int	 rc;

	theme_init(t);
	if (strcmp(name, "mono") == 0)
		theme_init_mono(t);
	if ((path = theme_path(name)) == NULL) {
		if (theme_builtin(name))
			return 0;
		*cause = strchr(name, '/') != NULL ?
		    xasprintf("theme file %s not found", name) :
		    xasprintf("theme '%s' not found", name);
		return -1;
	}
	if ((text = util_read_file(path, 1 << 20, &len, cause)) == NULL) {
		free(path);
		return -1;
	}
	rc = theme_parse(t, text, path, cause);
	free(text);
	free(path);
	return rc;
}

enum theme_element
theme_element_for(uint16_t attr)
{
	if (attr & ATTR_SEARCH)
		return THEME_SEARCH_MATCH;
	if (attr & ATTR_HIGHLIGHT)
		return THEME_HIGHLIGHT;
	if (attr & ATTR_TITLE)
		return THEME_TITLE;
	if (attr & ATTR_HEADING)
		return THEME_HEADING;
	if (attr & ATTR_LINK)
		return THEME_LINK;
	if (attr & ATTR_CODE)
		return THEME_CODE;
	if (attr & ATTR_QUOTE)
		return THEME_QUOTE;
	return THEME_READER;
}

const char *
theme_element_name(enum theme_element e)
{
	return e < THEME_COUNT ? element_names[e] : "?";
}

static void
sgr_color(struct buf *b, int c, int base, int bright)
{
	if (c < 0)
		return;
	if (c < 8)
		buf_printf(b, ";%d", base + c);
	else if (c < 16)
		buf_printf(b, ";%d", bright + c - 8);
	else
		buf_printf(b, ";%d;5;%d", base + 8, c);
}

void
theme_style_sgr(const struct theme_style *s, uint16_t attr, char *out,
    size_t n)
{
	struct buf	b = { 0 };
	unsigned	a = s->attrs;

	if (attr & ATTR_BOLD)
		a |= THEME_BOLD;
	if (attr & ATTR_ITALIC)
		a |= THEME_ITALIC;
	buf_puts(&b, "\033[0");
	if (a & THEME_BOLD)
		buf_puts(&b, ";1");
	if (a & THEME_DIM)
		buf_puts(&b, ";2");
	if (a & THEME_ITALIC)
		buf_puts(&b, ";3");
	if (a & THEME_UNDERLINE)
		buf_puts(&b, ";4");
	if (a & THEME_REVERSE)
		buf_puts(&b, ";7");
	sgr_color(&b, s->fg, 30, 90);
	sgr_color(&b, s->bg, 40, 100);
	buf_putc(&b, 'm');
	snprintf(out, n, "%s", b.data);
	buf_free(&b);
}

const char *
theme_sgr(struct theme *t, uint16_t attr)
{
	size_t	i = attr & 1023;

	if (!t->sgr_done[i]) {
		theme_style_sgr(&t->style[theme_element_for(attr)], attr,
		    t->sgr[i], sizeof t->sgr[i]);
		t->sgr_done[i] = 1;
	}
	return t->sgr[i];
}
