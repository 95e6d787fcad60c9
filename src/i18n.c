/*
 * i18n.c - binds gettext's catalogue and reads the interface language
 * from the environment (the direction of the layout, ICU's locale).
 */
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
