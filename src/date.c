/*
 * date.c - parses the dates of feeds into UTC seconds since the epoch.
 * Accepts RFC 822/2822 ("Tue, 10 Jun 2003 04:00:00 GMT"), RFC 3339 and
 * ISO 8601 ("2003-06-10T04:00:00.5+02:00", date only) and what feeds get
 * wrong: no weekday, 2-digit years, single-digit days, extra spaces,
 * lowercase or long month names ("Sept"), no zone (taken as UTC). The
 * arithmetic is our own (days_from_civil), so neither TZ nor the C
 * library's time zone tables change a result.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "date.h"

/* Parsed fields, before the zone offset is applied. */
struct date_parts {
	int	year, mon, day, hour, min, sec;
	long	offset;		/* seconds east of UTC */
};

static const char *date_months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

/* Named zones of RFC 822 and a few that feeds use; hours east of UTC. */
static const struct {
	const char	*name;
	int		 hours;
} date_zones[] = {
	{ "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
	{ "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
	{ "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
};

int64_t
date_days_from_civil(int64_t y, int m, int d)
{
	int64_t		era, yoe, doy, doe;

	/* H. Hinnant's algorithm: shift the year to start in March. */
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
date_days_in_month(int y, int m)
{
	static const int	days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

static const char *
date_skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/* Read at most max digits (at least one) into *v; NULL when none. */
static const char *
date_number(const char *s, int max, int *v, int *ndigits)
{
	int	n = 0;

	*v = 0;
	while (n < max && isdigit((unsigned char)s[n])) {
		*v = *v * 10 + (s[n] - '0');
		n++;
	}
	if (ndigits != NULL)
		*ndigits = n;
	return n == 0 ? NULL : s + n;
}

/* Month from a word of len letters: a prefix of at least 3 letters of
 * the English name ("Jun", "June", "Sept", "september"). 0 if none. */
static int
date_month(const char *s, size_t len)
{
	size_t	i;

	if (len < 3)
		return 0;
	for (i = 0; i < 12; i++)
		if (len <= strlen(date_months[i]) &&
		    strncasecmp(s, date_months[i], len) == 0)
			return (int)i + 1;
	return 0;
}

/* Zone: Z, +hh, +hhmm, +hh:mm, a name, a military letter or nothing. */
static int
date_zone(const char *s, long *offset)
{
	size_t	len, i;
	int	h = 0, m = 0, sign, n;

	*offset = 0;
	s = date_skip_space(s);
	if (*s == '+' || *s == '-') {
		sign = *s == '-' ? -1 : 1;
		if ((s = date_number(s + 1, 2, &h, &n)) == NULL)
			return -1;
		if (n == 2 && *s == ':')
			s++;
		if (isdigit((unsigned char)*s) &&
		    (s = date_number(s, 2, &m, &n)) != NULL && n != 2)
			return -1;
		if (h > 23 || m > 59)
			return -1;
		*offset = sign * (h * 3600L + m * 60L);
		return 0;
	}
	for (len = 0; isalpha((unsigned char)s[len]); len++)
		;
	if (len == 0)
		return 0;	/* no zone: UTC */
	for (i = 0; i < sizeof date_zones / sizeof date_zones[0]; i++)
		if (strlen(date_zones[i].name) == len &&
		    strncasecmp(s, date_zones[i].name, len) == 0) {
			*offset = date_zones[i].hours * 3600L;
			return 0;
		}
	/* Military zones are wrong in RFC 822; RFC 2822 says treat them
	 * as -0000. Unknown names are ambiguous: take them as UTC too. */
	return 0;
}

/* HH:MM[:SS[.fraction]] or ISO basic HHMM[SS]; single-digit hours are
 * accepted with colons. */
static const char *
date_time(const char *s, struct date_parts *dp)
{
	int	n, colon;

	if ((s = date_number(s, 2, &dp->hour, &n)) == NULL)
		return NULL;
	colon = *s == ':';
	if (colon)
		s++;
	else if (n != 2)
		return NULL;
	if ((s = date_number(s, 2, &dp->min, &n)) == NULL || n != 2)
		return NULL;
	if ((colon && *s == ':') || (!colon && isdigit((unsigned char)*s))) {
		if ((s = date_number(s + colon, 2, &dp->sec, &n)) == NULL ||
		    n != 2)
			return NULL;
		if (*s == '.' || *s == ',') {
			s++;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	return s;
}

/* RFC 3339 / ISO 8601: YYYY-MM-DD[(T| )HH:MM[:SS[.f]]][zone]. */
static int
date_iso(const char *s, struct date_parts *dp)
{
	int	n;

	if ((s = date_number(s, 4, &dp->year, &n)) == NULL || n != 4)
		return -1;
	if (*s == '-')
		s++;
	if ((s = date_number(s, 2, &dp->mon, &n)) == NULL || n != 2)
		return -1;
	if (*s == '-')
		s++;
	if ((s = date_number(s, 2, &dp->day, &n)) == NULL || n != 2)
		return -1;
	if (*s == 'T' || *s == 't' || *s == ' ') {
		s = date_skip_space(s + 1);
		if (isdigit((unsigned char)*s) &&
		    (s = date_time(s, dp)) == NULL)
			return -1;
	}
	return date_zone(s, &dp->offset);
}

/* A word of letters; returns its length. */
static size_t
date_word(const char *s)
{
	size_t	len = 0;

	while (isalpha((unsigned char)s[len]))
		len++;
	return len;
}

/* Year of 2 to 4 digits; RFC 2822 4.3 for short years. */
static const char *
date_year(const char *s, int *year)
{
	int	n;

	if ((s = date_number(s, 4, year, &n)) == NULL || n < 2)
		return NULL;
	if (n == 2)
		*year += *year < 50 ? 2000 : 1900;
	else if (n == 3)
		*year += 1900;
	return s;
}

/* RFC 822/2822: [Wday,] D Mon YY[YY] [HH:MM[:SS]] [zone], or asctime
 * order: [Wday] Mon D HH:MM:SS YYYY. */
static int
date_rfc822(const char *s, struct date_parts *dp)
{
	size_t	len;

	len = date_word(s);
	if (len > 0 && (dp->mon = date_month(s, len)) == 0) {
		s = date_skip_space(s + len);	/* weekday */
		if (*s == ',')
			s = date_skip_space(s + 1);
		len = date_word(s);
	}
	if (len > 0) {
		/* asctime: Mon D HH:MM:SS YYYY */
		if ((dp->mon = date_month(s, len)) == 0)
			return -1;
		s = date_skip_space(s + len);
		if ((s = date_number(s, 2, &dp->day, NULL)) == NULL)
			return -1;
		s = date_skip_space(s);
		if ((s = date_time(s, dp)) == NULL)
			return -1;
		s = date_skip_space(s);
		if ((s = date_year(s, &dp->year)) == NULL)
			return -1;
		return date_zone(s, &dp->offset);
	}
	if ((s = date_number(s, 2, &dp->day, NULL)) == NULL)
		return -1;
	s = date_skip_space(s);
	if (*s == '-')
		s++;
	len = date_word(s);
	if ((dp->mon = date_month(s, len)) == 0)
		return -1;
	s = date_skip_space(s + len);
	if (*s == '-' || *s == ',')
		s = date_skip_space(s + 1);
	if ((s = date_year(s, &dp->year)) == NULL)
		return -1;
	s = date_skip_space(s);
	if (isdigit((unsigned char)*s) && (s = date_time(s, dp)) == NULL)
		return -1;
	return date_zone(s, &dp->offset);
}

int64_t
date_parse(const char *s)
{
	struct date_parts	dp;
	int			r;

	if (s == NULL)
		return 0;
	memset(&dp, 0, sizeof dp);
	s = date_skip_space(s);
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]))
		r = date_iso(s, &dp);
	else if (isalnum((unsigned char)*s))
		r = date_rfc822(s, &dp);
	else
		r = -1;
	if (r == -1 || dp.year < 1 || dp.year > 9999 || dp.mon < 1 ||
	    dp.mon > 12 || dp.day < 1 ||
	    dp.day > date_days_in_month(dp.year, dp.mon) || dp.hour > 24 ||
	    dp.min > 59 || dp.sec > 60 ||
	    (dp.hour == 24 && (dp.min != 0 || dp.sec != 0)))
		return 0;
	return date_days_from_civil(dp.year, dp.mon, dp.day) * 86400 +
	    dp.hour * 3600L + dp.min * 60L + dp.sec - dp.offset;
}
