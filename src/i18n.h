/*
 * i18n.h - the interface language: gettext's _() for every user-facing
 * string, N_() to mark strings in tables (translated where shown), and
 * the direction of the interface language (Arabic, Persian, Hebrew...
 * read right to left). Messages come from po/locale next to the binary
 * when run from the build folder, else from LOCALEDIR.
 */
#ifndef AKHBAR_I18N_H
#define AKHBAR_I18N_H

#include <libintl.h>

#define I18N_DOMAIN	"akhbar"

#define _(s)		gettext(s)
#define N_(s)		(s)

/*
 * Bind the message catalogue: po/locale beside the running binary when
 * that folder holds one (an uninstalled build), else LOCALEDIR. Call
 * after setlocale(). Opens no file: gettext loads the catalogue at the
 * first translated string.
 */
void	i18n_init(void);
/* The folder i18n_init() bound the catalogue to (for tests). */
const char *i18n_dir(void);
/*
 * Is the interface language one written right to left? From the values
 * of LC_ALL, LC_MESSAGES, LANG (the first set one wins, as setlocale
 * does) and LANGUAGE (gettext's list, which wins when the locale is not
 * exactly C or POSIX: glibc reads it under C.UTF-8). Any may be NULL.
 */
int	i18n_rtl_env(const char *lc_all, const char *lc_messages,
	    const char *lang, const char *language);
/* i18n_rtl_env() over the locale in effect for messages (a locale that
 * is not installed is C: its messages are English) and LANGUAGE. */
int	i18n_rtl(void);
/*
 * The ICU locale name ("ar_SA", "fa_IR") of a POSIX locale name
 * ("ar_SA.UTF-8@x", as setlocale(LC_TIME, NULL) says), without codeset
 * or modifier, into out (size n). "C", "C.UTF-8", "POSIX" or NULL give
 * "en_US_POSIX".
 */
void	i18n_locale_name(const char *locale, char *out, size_t n);
/*
 * A message of a right-to-left interface with each path and URL in it
 * isolated left to right (LRI ... PDI), so that "/tmp/urls" inside an
 * Arabic sentence keeps its leading '/' and its order. A word is taken
 * for a path or URL when, less the brackets and quotes before it, it
 * starts with '/', "~/" or "./", holds "://", or ends in a file name's
 * extension (".txt": a dot and 1 to 5 ASCII letters or digits); the
 * brackets, quotes and sentence punctuation after it stay outside (a
 * file name "2026-12-28-ارتفاع.txt" would otherwise show its date as
 * "28-12-2026" after an Arabic word). Caller frees.
 */
char	*i18n_isolate(const char *msg);

#endif
