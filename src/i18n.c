/*
 * i18n.c - binds gettext's catalogue and reads the interface language
 * from the environment (the direction of the layout, ICU's locale).
 */
#include <ctype.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"
#include "i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR	"/usr/local/share/locale"
#endif

static char	i18n_bound[PATH_MAX];

/* po/locale beside the binary, when the binary is in the build folder. */
static int
build_dir(char *out, size_t n)
{
	char		exe[PATH_MAX], *slash;
	struct stat	st;

	if (util_exe_path(exe, sizeof exe) == -1 ||
	    (slash = strrchr(exe, '/')) == NULL)
		return -1;
	*slash = '\0';
	if ((size_t)snprintf(out, n, "%s/po/locale", exe) >= n)
		return -1;
	return stat(out, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

void
i18n_init(void)
{
	if (build_dir(i18n_bound, sizeof i18n_bound) == -1)
		snprintf(i18n_bound, sizeof i18n_bound, "%s", LOCALEDIR);
	bindtextdomain(I18N_DOMAIN, i18n_bound);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
}

const char *
i18n_dir(void)
{
	return i18n_bound;
}

/* Does the language tag s ("ar_SA.UTF-8", "fa", "he:en") start with a
 * right-to-left language? */
static int
rtl_tag(const char *s)
{
	static const char	*rtl[] = { "ar", "fa", "he", "iw", "ur", "yi",
				    "ps", "ckb", "sd", "dv", "ug" };
	size_t			 i, n;

	for (i = 0; i < sizeof rtl / sizeof rtl[0]; i++) {
		n = strlen(rtl[i]);
		if (strncmp(s, rtl[i], n) == 0 && (s[n] == '_' ||
		    s[n] == '.' || s[n] == '\0' || s[n] == '@' ||
		    s[n] == ':' || s[n] == '-'))
			return 1;
	}
	return 0;
}

static int
set(const char *s)
{
	return s != NULL && *s != '\0';
}

int
i18n_rtl_env(const char *lc_all, const char *lc_messages, const char *lang,
    const char *language)
{
	const char	*l;

	l = set(lc_all) ? lc_all : set(lc_messages) ? lc_messages : lang;
	if (!set(l))
		l = "C";
	/* gettext reads LANGUAGE only when the locale is not C (C.UTF-8
	 * is not C to glibc's gettext). */
	if (set(language) && strcmp(l, "C") != 0 && strcmp(l, "POSIX") != 0)
		return rtl_tag(language);
	return rtl_tag(l);
}

int
i18n_rtl(void)
{
	return i18n_rtl_env(setlocale(LC_MESSAGES, NULL), NULL, NULL,
	    getenv("LANGUAGE"));
}

void
i18n_locale_name(const char *l, char *out, size_t n)
{
	size_t	k;

	if (!set(l) || strcmp(l, "C") == 0 || strcmp(l, "POSIX") == 0 ||
	    strncmp(l, "C.", 2) == 0)
		l = "en_US_POSIX";
	k = strcspn(l, ".@");
	if (k >= n)
		k = n - 1;
	memcpy(out, l, k);
	out[k] = '\0';
}

/* Brackets and quotes that may open a path's word, and what may close
 * it (ASCII, and the Arabic comma, semicolon and question mark). */
static int
path_opener(const char *s)
{
	return *s != '\0' && strchr("([{<\"'", *s) != NULL ? 1 :
	    strncmp(s, "\xc2\xab", 2) == 0 ? 2 : 0;	/* « */
}

static size_t
path_closer(const char *s, size_t n)
{
	static const char *const	multi[] = {
		"\xc2\xbb", "\xd8\x8c", "\xd8\x9b", "\xd8\x9f"	/* » ، ؛ ؟ */
	};
	size_t				i;

	if (n >= 1 && strchr(")]}>\"'.,;:!?", s[n - 1]) != NULL)
		return 1;
	for (i = 0; i < sizeof multi / sizeof multi[0]; i++)
		if (n >= 2 && memcmp(s + n - 2, multi[i], 2) == 0)
			return 2;
	return 0;
}

static int
path_like(const char *w, size_t n)
{
	size_t	i;

	if (n >= 1 && w[0] == '/')
		return 1;
	if (n >= 2 && (memcmp(w, "~/", 2) == 0 || memcmp(w, "./", 2) == 0))
		return 1;
	for (i = 0; i + 3 <= n; i++)
		if (memcmp(w + i, "://", 3) == 0)
			return i > 0;
	/* a file name: "NAME.txt", an extension of 1 to 5 ASCII letters
	 * and digits */
	for (i = n; i > 0 && n - i < 6 && isalnum((unsigned char)w[i - 1]) &&
	    (unsigned char)w[i - 1] < 0x80; i--)
		;
	return i >= 2 && i < n && w[i - 1] == '.';
}

char *
i18n_isolate(const char *msg)
{
	struct buf	b = { 0 };
	const char	*w, *end;
	size_t		n, k, open, close;

	buf_puts(&b, "");
	while (*msg != '\0') {
		if (*msg == ' ') {
			buf_putc(&b, *msg++);
			continue;
		}
		w = msg;
		end = msg + strcspn(msg, " ");
		open = 0;
		while (w + open < end && (k = path_opener(w + open)) > 0)
			open += k;
		n = (size_t)(end - w) - open;
		close = 0;
		while (close < n && (k = path_closer(w + open, n - close)) > 0)
			close += k;
		if (path_like(w + open, n - close)) {
			buf_add(&b, w, open);
			buf_puts(&b, "\xe2\x81\xa6");		/* LRI */
			buf_add(&b, w + open, n - close);
			buf_puts(&b, "\xe2\x81\xa9");		/* PDI */
			buf_add(&b, w + open + n - close, close);
		} else
			buf_add(&b, w, (size_t)(end - w));
		msg = end;
	}
	buf_putc(&b, '\0');
	return b.data;
}
