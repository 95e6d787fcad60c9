/*
 * ldate.h - dates as readers of the interface language expect them,
 * through ICU: month names, the Gregorian, Umm al-Qura (Hijri) or Solar
 * Hijri calendar, Latin, Arabic-Indic or Persian digits, and "5 minutes
 * ago" when asked. ICU's formatters are opened once in ldate_create()
 * and reused for every date; the ISO format opens none.
 * Times are seconds since the epoch; the time zone is the process's
 * (TZ) unless one is given.
 */
#ifndef AKHBAR_LDATE_H
#define AKHBAR_LDATE_H

#include <stddef.h>
#include <stdint.h>

enum ldate_format { LDATE_AUTO, LDATE_ISO, LDATE_LOCALE };
enum ldate_calendar {
	LDATE_CAL_AUTO,		/* the locale's own */
	LDATE_CAL_GREGORIAN,
	LDATE_CAL_ISLAMIC_UMALQURA,
	LDATE_CAL_PERSIAN
};
enum ldate_digits {
	LDATE_DIGITS_AUTO,	/* the locale's own */
	LDATE_DIGITS_LATIN,
	LDATE_DIGITS_ARABIC,	/* Arabic-Indic: ٠١٢ */
	LDATE_DIGITS_PERSIAN	/* Extended Arabic-Indic: ۰۱۲ */
};
/* How long a date: a list row's (month and day), a narrow list row's
 * (digits only), an article header's (the year and the time too). */
enum ldate_style { LDATE_SHORT, LDATE_NARROW, LDATE_LONG };

struct ldate_opts {
	enum ldate_format	 format;
	enum ldate_calendar	 calendar;
	enum ldate_digits	 digits;
	int			 relative;	/* "5 minutes ago" for a week */
	const char		*locale;	/* ICU's; NULL: LC_TIME's in
						 * effect */
	const char		*tz;		/* NULL: the process's */
};

struct ldate;

/* Open the formatters opts asks for. Returns NULL with *cause set (caller
 * frees) when ICU cannot. Free with ldate_free(). */
struct ldate	*ldate_create(const struct ldate_opts *opts, char **cause);
void		 ldate_free(struct ldate *ld);
/*
 * Format time t into out (size n, always terminated; "" for t <= 0);
 * now is the present, for relative times. A list row's date (SHORT) is
 * at most about 12 cells. Returns the length in bytes.
 */
size_t		 ldate_format(struct ldate *ld, int64_t t, int64_t now,
		    enum ldate_style style, char *out, size_t n);
/* Does ld use the locale's format (not ISO)? */
int		 ldate_localized(const struct ldate *ld);
/* The digits in effect: the config's, or with auto the locale's own
 * (Arabic-Indic for ar_SA, Persian for fa_IR) when dates are localized,
 * else Latin. Never LDATE_DIGITS_AUTO. */
enum ldate_digits ldate_digits_used(const struct ldate *ld);
/*
 * Copy s into out (size n, always terminated) with its ASCII digits
 * written in the digits in effect: the counts and positions the reader
 * shows, in the digits of its dates. Returns the length in bytes.
 */
size_t		 ldate_digits_apply(const struct ldate *ld, const char *s,
		    char *out, size_t n);

/* Names of the values, for the config: -1 when name is none of them. */
int		 ldate_format_parse(const char *name);
int		 ldate_calendar_parse(const char *name);
int		 ldate_digits_parse(const char *name);

#endif
