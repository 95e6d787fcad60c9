/*
 * ldate.c - locale dates through ICU (see ldate.h). ICU works in UTF-16
 * and milliseconds: each date is formatted into a UChar buffer and
 * converted to UTF-8 once. The ISO format is strftime()'s and opens no
 * ICU formatter, so the C locale costs what it did before.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/ureldatefmt.h>
#include <unicode/unumsys.h>
#include <unicode/ustring.h>

#include "util.h"
#include "i18n.h"
#include "ldate.h"

#define LDATE_NSTYLES	3
#define LDATE_WEEK	(7 * 24 * 3600)

struct ldate {
	int				 localized;
	enum ldate_digits		 digits;	/* for the ISO format */
	enum ldate_digits		 used;		/* in effect */
	int				 relative;
	UDateFormat			*fmt[LDATE_NSTYLES];
	URelativeDateTimeFormatter	*rel;		/* "قبل ٥ دقائق" */
};

/* ICU skeletons of each style: list rows, narrow list rows, headers. */
static const char *const skeletons[LDATE_NSTYLES] = {
	"MMMd", "Md", "yMMMMdHHmm"
};
static const char *const iso_formats[LDATE_NSTYLES] = {
	"%Y-%m-%d", "%m-%d", "%Y-%m-%d %H:%M"
};

static const char *const format_names[] = { "auto", "iso", "locale" };
static const char *const calendar_names[] = { "auto", "gregorian",
    "islamic-umalqura", "persian" };
static const char *const digits_names[] = { "auto", "latin",
    "arabic-indic", "persian" };
/* ICU's numbering system of each digits value. */
static const char *const digits_icu[] = { NULL, "latn", "arab", "arabext" };

static int
find(const char *const *names, int n, const char *name)
{
	int	i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

int
ldate_format_parse(const char *name)
{
	return find(format_names, 3, name);
}

int
ldate_calendar_parse(const char *name)
{
	return find(calendar_names, 4, name);
}

int
ldate_digits_parse(const char *name)
{
	return find(digits_names, 4, name);
}

/* Does the locale name a language other than English (or C)? */
static int
foreign(const char *loc)
{
	return strncmp(loc, "en", 2) != 0 || (loc[2] != '\0' &&
	    loc[2] != '_' && loc[2] != '-' && loc[2] != '@');
}

/* Open the date formatter of one style; -1 with *cause on failure. */
static int
open_style(struct ldate *ld, int i, UDateTimePatternGenerator *g,
    const char *loc, const UChar *tz, char **cause)
{
	UErrorCode			 e = U_ZERO_ERROR;
	UChar				 skel[32], pat[128];
	int32_t				 n;

	u_uastrcpy(skel, skeletons[i]);
	n = udatpg_getBestPattern(g, skel, -1, pat, 128, &e);
	if (U_SUCCESS(e))
		ld->fmt[i] = udat_open(UDAT_PATTERN, UDAT_PATTERN, loc, tz,
		    tz != NULL ? -1 : 0, pat, n, &e);
	/* Whole words ("5 minutes ago"): a list row has 14 cells for it. */
	if (U_SUCCESS(e) && ld->relative && i == LDATE_SHORT)
		ld->rel = ureldatefmt_open(loc, NULL, UDAT_STYLE_LONG,
		    UDISPCTX_CAPITALIZATION_FOR_BEGINNING_OF_SENTENCE, &e);
	if (U_FAILURE(e)) {
		*cause = xasprintf("dates in locale %s: %s", loc,
		    u_errorName(e));
		return -1;
	}
	return 0;
}

/* The locale's own digits, from its default numbering system. */
static enum ldate_digits
locale_digits(const char *loc)
{
	UErrorCode		 e = U_ZERO_ERROR;
	UNumberingSystem	*ns = unumsys_open(loc, &e);
	const char		*name = U_SUCCESS(e) ? unumsys_getName(ns) : NULL;
	enum ldate_digits	 d = LDATE_DIGITS_LATIN;

	if (name != NULL && strcmp(name, "arab") == 0)
		d = LDATE_DIGITS_ARABIC;
	else if (name != NULL && strcmp(name, "arabext") == 0)
		d = LDATE_DIGITS_PERSIAN;
	if (ns != NULL)
		unumsys_close(ns);
	return d;
}

struct ldate *
ldate_create(const struct ldate_opts *o, char **cause)
{
	struct ldate	*ld = xcalloc(1, sizeof *ld);
	char		 base[64], loc[160];
	UChar		 tz[64], *tzp = NULL;
	UErrorCode	 e = U_ZERO_ERROR;
	UDateTimePatternGenerator *g;
	int		 i;

	if (o->locale != NULL)
		snprintf(base, sizeof base, "%s", o->locale);
	else
		i18n_locale_name(setlocale(LC_TIME, NULL), base, sizeof base);
	ld->digits = o->digits;
	ld->relative = o->relative;
	ld->localized = o->format == LDATE_LOCALE ||
	    (o->format == LDATE_AUTO && foreign(base));
	ld->used = o->digits != LDATE_DIGITS_AUTO ? o->digits :
	    ld->localized ? locale_digits(base) : LDATE_DIGITS_LATIN;
	if (!ld->localized && !ld->relative)
		return ld;
	/* "fa_IR@calendar=persian;numbers=latn" */
	snprintf(loc, sizeof loc, "%s%s%s%s%s%s", base,
	    o->calendar || o->digits ? "@" : "",
	    o->calendar ? "calendar=" : "",
	    o->calendar ? calendar_names[o->calendar] : "",
	    o->calendar && o->digits ? ";" : "",
	    o->digits ? "numbers=" : "");
	if (o->digits) {
		size_t k = strlen(loc);

		snprintf(loc + k, sizeof loc - k, "%s",
		    digits_icu[o->digits]);
	}
	if (o->tz != NULL) {
		u_uastrncpy(tz, o->tz, 63);
		tz[63] = 0;
		tzp = tz;
	}
	/* One pattern generator (the costly part: the locale's data) for
	 * the three styles. */
	g = udatpg_open(loc, &e);
	if (U_FAILURE(e)) {
		*cause = xasprintf("dates in locale %s: %s", loc,
		    u_errorName(e));
		ldate_free(ld);
		return NULL;
	}
	for (i = 0; i < LDATE_NSTYLES; i++)
		if (open_style(ld, i, g, loc, tzp, cause) == -1) {
			udatpg_close(g);
			ldate_free(ld);
			return NULL;
		}
	udatpg_close(g);
	return ld;
}

void
ldate_free(struct ldate *ld)
{
	int	i;

	if (ld == NULL)
		return;
	for (i = 0; i < LDATE_NSTYLES; i++)
		if (ld->fmt[i] != NULL)
			udat_close(ld->fmt[i]);
	if (ld->rel != NULL)
		ureldatefmt_close(ld->rel);
	free(ld);
}

int
ldate_localized(const struct ldate *ld)
{
	return ld->localized;
}

enum ldate_digits
ldate_digits_used(const struct ldate *ld)
{
	return ld->used;
}

/* s with ASCII digits as digits d (ARABIC or PERSIAN: 2 bytes each, d9
 * a0+n or db b0+n), into out. */
static size_t
swap_digits(const char *s, enum ldate_digits d, char *out, size_t n)
{
	size_t	i, k = 0;

	for (i = 0; s[i] != '\0' && k + 3 < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			out[k++] = d == LDATE_DIGITS_ARABIC ? '\xd9' : '\xdb';
			out[k++] = (char)((d == LDATE_DIGITS_ARABIC ? 0xa0 :
			    0xb0) + s[i] - '0');
		} else
			out[k++] = s[i];
	}
	out[k] = '\0';
	return k;
}

size_t
ldate_digits_apply(const struct ldate *ld, const char *s, char *out,
    size_t n)
{
	if (n == 0)
		return 0;
	if (ld == NULL || (ld->used != LDATE_DIGITS_ARABIC &&
	    ld->used != LDATE_DIGITS_PERSIAN)) {
		snprintf(out, n, "%s", s);
		return strlen(out);
	}
	return swap_digits(s, ld->used, out, n);
}

/* UTF-16 to UTF-8 into out; "" when it does not fit. */
static size_t
to_utf8(const UChar *u, int32_t un, char *out, size_t n)
{
	UErrorCode	e = U_ZERO_ERROR;
	int32_t		len = 0;

	u_strToUTF8(out, (int32_t)n, &len, u, un, &e);
	if (U_FAILURE(e) || e == U_STRING_NOT_TERMINATED_WARNING ||
	    (size_t)len >= n) {
		out[0] = '\0';
		return 0;
	}
	return (size_t)len;
}

/* The ISO date, its ASCII digits swapped for the digits asked for. */
static size_t
iso(const struct ldate *ld, int64_t t, int style, char *out, size_t n)
{
	char		 tmp[64];
	time_t		 tt = (time_t)t;
	struct tm	 tm;

	out[0] = '\0';
	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(tmp, sizeof tmp, iso_formats[style], &tm) == 0)
		return 0;
	/* Only the digits asked for: an ISO date keeps Latin ones under
	 * auto. */
	if (ld->digits != LDATE_DIGITS_ARABIC &&
	    ld->digits != LDATE_DIGITS_PERSIAN)
		return (size_t)snprintf(out, n, "%s", tmp);
	return swap_digits(tmp, ld->digits, out, n);
}

/* "5 minutes ago" for a time within the last week; 0 when older. */
static size_t
relative(const struct ldate *ld, int64_t age, char *out, size_t n)
{
	UErrorCode		e = U_ZERO_ERROR;
	URelativeDateTimeUnit	unit;
	UChar			u[128];
	int32_t			un;
	double			v;

	if (ld->rel == NULL || age < 0 || age >= LDATE_WEEK)
		return 0;
	if (age < 3600) {
		unit = UDAT_REL_UNIT_MINUTE;
		v = (double)(age / 60);
	} else if (age < 24 * 3600) {
		unit = UDAT_REL_UNIT_HOUR;
		v = (double)(age / 3600);
	} else {
		unit = UDAT_REL_UNIT_DAY;
		v = (double)(age / (24 * 3600));
	}
	un = ureldatefmt_formatNumeric(ld->rel, -v, unit, u, 128, &e);
	if (U_FAILURE(e))
		return 0;
	return to_utf8(u, un, out, n);
}

size_t
ldate_format(struct ldate *ld, int64_t t, int64_t now,
    enum ldate_style style, char *out, size_t n)
{
	UErrorCode	e = U_ZERO_ERROR;
	UChar		u[128];
	int32_t		un;
	size_t		k;

	if (n == 0)
		return 0;
	out[0] = '\0';
	if (t <= 0)
		return 0;
	if (style == LDATE_SHORT && (k = relative(ld, now - t, out, n)) > 0)
		return k;
	if (!ld->localized)
		return iso(ld, t, style, out, n);
	un = udat_format(ld->fmt[style], (UDate)t * 1000.0, u, 128, NULL,
	    &e);
	if (U_FAILURE(e))
		return iso(ld, t, style, out, n);
	k = to_utf8(u, un, out, n);
	if (ld->relative && style == LDATE_LONG && k + 4 < n) {
		size_t	r;

		out[k] = ' ';
		out[k + 1] = '(';
		if ((r = relative(ld, now - t, out + k + 2, n - k - 3)) > 0) {
			k += r + 2;
			out[k++] = ')';
			out[k] = '\0';
		} else
			out[k] = '\0';
	}
	return k;
}
