/* test_ldate.c - ldate_format() against ICU's own output for fixed
 * timestamps in UTC (2024-03-11 is 1 Ramadan 1445 in the Umm al-Qura
 * calendar, 2024-03-20 is 1 Farvardin 1403, Nowruz): calendars, month
 * names, digits, the ISO format, relative times; and the config names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "ldate.h"

#define MAR11	1710115200LL	/* 2024-03-11 00:00 UTC */
#define MAR20	1710892800LL	/* 2024-03-20 00:00 UTC */
#define MAR20_0930 (MAR20 + 9 * 3600 + 30 * 60)

static const struct {
	const char		*locale;
	enum ldate_format	 format;
	enum ldate_calendar	 cal;
	enum ldate_digits	 digits;
	enum ldate_style	 style;
	long long		 t;
	const char		*want;	/* whole output, or its start when
					 * prefix */
	int			 prefix;
} cases[] = {
	/* The Hijri date Saudi readers expect: 1 Ramadan 1445 AH. */
	{ "ar_SA", LDATE_LOCALE, LDATE_CAL_ISLAMIC_UMALQURA, 0, LDATE_LONG,
	    MAR11, "١ رمضان ١٤٤٥ هـ", 1 },
	/* ar_SA's own calendar is already Umm al-Qura. */
	{ "ar_SA", LDATE_AUTO, LDATE_CAL_AUTO, 0, LDATE_SHORT, MAR20,
	    "١٠ رمضان", 0 },
	{ "ar_SA", LDATE_AUTO, LDATE_CAL_GREGORIAN, 0, LDATE_SHORT, MAR20,
	    "٢٠ مارس", 0 },
	{ "ar_SA", LDATE_AUTO, LDATE_CAL_GREGORIAN, LDATE_DIGITS_LATIN,
	    LDATE_SHORT, MAR20, "20 مارس", 0 },
	/* Nowruz in the Solar Hijri calendar, Persian digits. */
	{ "fa_IR", LDATE_LOCALE, LDATE_CAL_PERSIAN, 0, LDATE_LONG, MAR20,
	    "۱ فروردین ۱۴۰۳", 1 },
	{ "fa_IR", LDATE_AUTO, LDATE_CAL_PERSIAN, 0, LDATE_SHORT, MAR20,
	    "۱ فروردین", 0 },
	{ "fa_IR", LDATE_AUTO, LDATE_CAL_PERSIAN, LDATE_DIGITS_LATIN,
	    LDATE_SHORT, MAR20, "1 فروردین", 0 },
	/* Hebrew: Gregorian, Latin digits, the month's name. */
	{ "he_IL", LDATE_AUTO, LDATE_CAL_AUTO, 0, LDATE_LONG, MAR20_0930,
	    "20 במרץ 2024", 1 },
	{ "he_IL", LDATE_AUTO, LDATE_CAL_AUTO, 0, LDATE_SHORT, MAR20,
	    "20 במרץ", 0 },
	{ "he_IL", LDATE_AUTO, LDATE_CAL_AUTO, LDATE_DIGITS_ARABIC,
	    LDATE_SHORT, MAR20, "٢٠ במרץ", 0 },
	/* English and C keep today's ISO dates unless asked. */
	{ "en_US", LDATE_AUTO, LDATE_CAL_AUTO, 0, LDATE_SHORT, MAR20,
	    "2024-03-20", 0 },
	{ "en_US_POSIX", LDATE_AUTO, LDATE_CAL_AUTO, 0, LDATE_LONG,
	    MAR20_0930, "2024-03-20 09:30", 0 },
	{ "en_US", LDATE_AUTO, LDATE_CAL_AUTO, 0, LDATE_NARROW, MAR20,
	    "03-20", 0 },
	{ "ar_SA", LDATE_ISO, LDATE_CAL_AUTO, 0, LDATE_SHORT, MAR20,
	    "2024-03-20", 0 },
	/* ISO with other digits: each ASCII digit swapped. */
	{ "fa_IR", LDATE_ISO, LDATE_CAL_AUTO, LDATE_DIGITS_PERSIAN,
	    LDATE_SHORT, MAR20, "۲۰۲۴-۰۳-۲۰", 0 },
	{ "ar_EG", LDATE_ISO, LDATE_CAL_AUTO, LDATE_DIGITS_ARABIC,
	    LDATE_LONG, MAR20_0930, "٢٠٢٤-٠٣-٢٠ ٠٩:٣٠", 0 },
	/* English month names when asked for the locale format. */
	{ "en_US", LDATE_LOCALE, LDATE_CAL_AUTO, 0, LDATE_SHORT, MAR20,
	    "Mar 20", 0 },
	/* Nothing for no date. */
	{ "ar_SA", LDATE_LOCALE, LDATE_CAL_AUTO, 0, LDATE_SHORT, 0, "", 0 },
};

static int
setup_utc(void **state)
{
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

static void
test_formats(void **state)
{
	struct ldate_opts	 o;
	struct ldate		*ld;
	char			 out[128], *cause = NULL;
	size_t			 i, n;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&o, 0, sizeof o);
		o.locale = cases[i].locale;
		o.format = cases[i].format;
		o.calendar = cases[i].cal;
		o.digits = cases[i].digits;
		o.tz = "UTC";
		ld = ldate_create(&o, &cause);
		assert_non_null(ld);
		n = ldate_format(ld, cases[i].t, cases[i].t, cases[i].style,
		    out, sizeof out);
		assert_int_equal(n, strlen(out));
		if (cases[i].prefix ? strncmp(out, cases[i].want,
		    strlen(cases[i].want)) != 0 : strcmp(out, cases[i].want)
		    != 0)
			fail_msg("case %zu (%s): got \"%s\", want \"%s\"%s", i,
			    cases[i].locale, out, cases[i].want,
			    cases[i].prefix ? "..." : "");
		ldate_free(ld);
	}
}

/* "قبل ٥ دقائق" in a list row within the week, the date after it; in
 * the header the date with the relative time after it. */
static void
test_relative(void **state)
{
	static const struct {
		const char	*locale;
		long long	 age;
		const char	*want;
	} rel[] = {
		{ "ar_SA", 5 * 60, "قبل ٥ دقائق" },
		{ "ar_SA", 3 * 3600, "قبل ٣ ساعات" },
		{ "fa_IR", 5 * 60, "۵ دقیقه پیش" },
		{ "he_IL", 5 * 60, "לפני 5 דקות" },
		{ "en_US", 2 * 86400, "2 days ago" },
		/* A week or more: the date. */
		{ "en_US", 8 * 86400, "2024-03-20" },
		/* From the future (a clock ahead): the date. */
		{ "en_US", -60, "2024-03-20" },
	};
	struct ldate_opts	 o;
	struct ldate		*ld;
	char			 out[128], *cause = NULL;
	size_t			 i;

	for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
		memset(&o, 0, sizeof o);
		o.locale = rel[i].locale;
		o.relative = 1;
		o.tz = "UTC";
		ld = ldate_create(&o, &cause);
		assert_non_null(ld);
		ldate_format(ld, MAR20, MAR20 + rel[i].age, LDATE_SHORT, out,
		    sizeof out);
		if (strcmp(out, rel[i].want) != 0)
			fail_msg("rel %zu: got \"%s\", want \"%s\"", i, out,
			    rel[i].want);
		ldate_free(ld);
	}
	memset(&o, 0, sizeof o);
	o.locale = "he_IL";
	o.relative = 1;
	o.tz = "UTC";
	ld = ldate_create(&o, &cause);
	ldate_format(ld, MAR20_0930, MAR20_0930 + 300, LDATE_LONG, out,
	    sizeof out);
	assert_non_null(strstr(out, "20 במרץ 2024"));
	assert_non_null(strstr(out, "(לפני 5 דקות)"));
	ldate_free(ld);
}

/* A small buffer gets a terminated string, never an overflow. */
static void
test_small_buffer(void **state)
{
	struct ldate_opts	 o = { 0 };
	struct ldate		*ld;
	char			 out[6], *cause = NULL;

	o.locale = "ar_SA";
	o.format = LDATE_LOCALE;
	o.tz = "UTC";
	ld = ldate_create(&o, &cause);
	memset(out, 'x', sizeof out);
	ldate_format(ld, MAR20, MAR20, LDATE_LONG, out, sizeof out);
	assert_true(memchr(out, '\0', sizeof out) != NULL);
	o.format = LDATE_ISO;
	o.digits = LDATE_DIGITS_PERSIAN;
	ldate_free(ld);
	ld = ldate_create(&o, &cause);
	memset(out, 'x', sizeof out);
	ldate_format(ld, MAR20, MAR20, LDATE_SHORT, out, sizeof out);
	assert_true(memchr(out, '\0', sizeof out) != NULL);
	ldate_free(ld);
}

/* The digits in effect and the counts written in them. */
static void
test_digits(void **state)
{
	static const struct {
		const char		*locale;
		enum ldate_format	 format;
		enum ldate_digits	 digits;
		enum ldate_digits	 want;
		const char		*count;	/* "12/345" in them */
	} cases[] = {
		{ "ar_SA", LDATE_AUTO, 0, LDATE_DIGITS_ARABIC, "١٢/٣٤٥" },
		{ "fa_IR", LDATE_AUTO, 0, LDATE_DIGITS_PERSIAN, "۱۲/۳۴۵" },
		{ "he_IL", LDATE_AUTO, 0, LDATE_DIGITS_LATIN, "12/345" },
		{ "ar_MA", LDATE_AUTO, 0, LDATE_DIGITS_LATIN, "12/345" },
		{ "ar_SA", LDATE_AUTO, LDATE_DIGITS_LATIN, LDATE_DIGITS_LATIN,
		    "12/345" },
		{ "he_IL", LDATE_AUTO, LDATE_DIGITS_PERSIAN,
		    LDATE_DIGITS_PERSIAN, "۱۲/۳۴۵" },
		/* ISO dates (English, or asked for): Latin unless set. */
		{ "en_US", LDATE_AUTO, 0, LDATE_DIGITS_LATIN, "12/345" },
		{ "ar_SA", LDATE_ISO, 0, LDATE_DIGITS_LATIN, "12/345" },
	};
	struct ldate_opts	 o;
	struct ldate		*ld;
	char			 out[64], small[5], *cause = NULL;
	size_t			 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&o, 0, sizeof o);
		o.locale = cases[i].locale;
		o.format = cases[i].format;
		o.digits = cases[i].digits;
		ld = ldate_create(&o, &cause);
		assert_non_null(ld);
		if (ldate_digits_used(ld) != cases[i].want)
			fail_msg("case %zu: digits %d, want %d", i,
			    ldate_digits_used(ld), cases[i].want);
		ldate_digits_apply(ld, "12/345", out, sizeof out);
		assert_string_equal(out, cases[i].count);
		/* Cut short, never mid-character. */
		ldate_digits_apply(ld, "12/345", small, sizeof small);
		assert_true(strlen(small) < sizeof small);
		ldate_free(ld);
	}
	ldate_digits_apply(NULL, "7/9", out, sizeof out);
	assert_string_equal(out, "7/9");
}

static void
test_names(void **state)
{
	assert_int_equal(ldate_format_parse("locale"), LDATE_LOCALE);
	assert_int_equal(ldate_format_parse("iso"), LDATE_ISO);
	assert_int_equal(ldate_format_parse("hijri"), -1);
	assert_int_equal(ldate_calendar_parse("islamic-umalqura"),
	    LDATE_CAL_ISLAMIC_UMALQURA);
	assert_int_equal(ldate_calendar_parse("persian"), LDATE_CAL_PERSIAN);
	assert_int_equal(ldate_calendar_parse("julian"), -1);
	assert_int_equal(ldate_digits_parse("arabic-indic"),
	    LDATE_DIGITS_ARABIC);
	assert_int_equal(ldate_digits_parse("persian"), LDATE_DIGITS_PERSIAN);
	assert_int_equal(ldate_digits_parse("roman"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_small_buffer),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, setup_utc, NULL);
}
