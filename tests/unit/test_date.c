/* test_date.c - date_parse() over RFC 822/2822, RFC 3339 and the broken
 * dates real feeds carry; expected values computed with Python's
 * calendar.timegm. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"

static const struct {
	const char	*in;
	long long	 out;
} date_cases[] = {
	{ "Tue, 10 Jun 2003 04:00:00 GMT", 1055217600LL },
	{ "Tue, 10 Jun 2003 04:00:00 UT", 1055217600LL },
	{ "Tue, 10 Jun 2003 04:00:00 UTC", 1055217600LL },
	{ "Tue, 10 Jun 2003 04:00:00 Z", 1055217600LL },
	{ "Tue, 10 Jun 2003 04:00:00 EST", 1055235600LL },
	{ "Tue, 10 Jun 2003 04:00:00 EDT", 1055232000LL },
	{ "Tue, 10 Jun 2003 04:00:00 CST", 1055239200LL },
	{ "Tue, 10 Jun 2003 04:00:00 CDT", 1055235600LL },
	{ "Tue, 10 Jun 2003 04:00:00 MST", 1055242800LL },
	{ "Tue, 10 Jun 2003 04:00:00 MDT", 1055239200LL },
	{ "Tue, 10 Jun 2003 04:00:00 PST", 1055246400LL },
	{ "Tue, 10 Jun 2003 04:00:00 PDT", 1055242800LL },
	{ "Tue, 10 Jun 2003 04:00:00 A", 1055217600LL },
	{ "Tue, 10 Jun 2003 04:00:00 M", 1055217600LL },
	{ "Tue, 05 Mar 2024 14:30:00 +0300", 1709638200LL },
	{ "Tue, 05 Mar 2024 14:30:00 -0430", 1709665200LL },
	{ "Tue, 05 Mar 2024 14:30:00 +03:30", 1709636400LL },
	{ "05 Mar 2024 14:30:00 +0000", 1709649000LL },
	{ "Mon, 4 Mar 2024 09:05:00 GMT", 1709543100LL },
	{ "Mon,  4   Mar  2024   09:05:00   GMT", 1709543100LL },
	{ "  Mon, 04 mar 2024 09:05 GMT ", 1709543100LL },
	{ "Mon, 04 MAR 24 09:05:00 GMT", 1709543100LL },
	{ "Fri, 01 Jan 99 00:00:00 GMT", 915148800LL },
	{ "Thu, 14 Sept 2023 10:00:00 GMT", 1694685600LL },
	{ "Thu, 14 September 2023 10:00:00 +0100", 1694682000LL },
	{ "14 Feb 2024", 1707868800LL },
	{ "Wed, 14 Feb 2024 11:20:00", 1707909600LL },
	{ "Sun Nov  6 08:49:37 1994", 784111777LL },
	{ "Sun, 7 Jan 2024 23:59:59 EST", 1704689999LL },
	{ "Thu, 29 Feb 2024 12:00:00 GMT", 1709208000LL },
	{ "2024-03-03T18:45:10Z", 1709491510LL },
	{ "2024-03-03t18:45:10z", 1709491510LL },
	{ "2024-03-03T18:45:10.123456Z", 1709491510LL },
	{ "2024-03-03T18:45Z", 1709491500LL },
	{ "2024-03-03T18:45:10+02:00", 1709484310LL },
	{ "2024-03-03T18:45:10-0500", 1709509510LL },
	{ "2024-01-20T07:15:00+03:30", 1705722300LL },
	{ "2024-03-03 18:45:10", 1709491510LL },
	{ "2024-03-03", 1709424000LL },
	{ "20240303T184510Z", 1709491510LL },
	{ "1970-01-01T00:00:01Z", 1LL },
	{ "1969-12-31T23:59:59Z", -1LL },
	{ "2038-01-19T03:14:08Z", 2147483648LL },
	{ "2100-03-01T00:00:00Z", 4107542400LL },
	{ "1900-03-01T00:00:00Z", -2203891200LL },
	{ "2024-06-12T20:15:00+02:00", 1718216100LL },
	{ "", 0LL },
	{ "garbage", 0LL },
	{ "Tue, 31 Feb 2024 10:00:00 GMT", 0LL },
	{ "2023-02-29", 0LL },
	{ "2024-13-01", 0LL },
	{ "2024-03-03T25:00:00Z", 0LL },
	{ "Tue, 10 Foo 2003 04:00:00 GMT", 0LL },
	{ "yesterday", 0LL },
	{ "12:00", 0LL },
	{ "2024-03-03T18:61:00Z", 0LL },
};

static void
test_date_table(void **state)
{
	size_t	i;
	int	bad = 0;

	for (i = 0; i < sizeof date_cases / sizeof date_cases[0]; i++) {
		long long	got = date_parse(date_cases[i].in);

		if (got != date_cases[i].out) {
			print_error("\"%s\": got %lld, want %lld\n",
			    date_cases[i].in, got, date_cases[i].out);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
	assert_true(i >= 40);
}

static void
test_date_null(void **state)
{
	assert_int_equal(date_parse(NULL), 0);
}

static void
test_days_from_civil(void **state)
{
	assert_int_equal(date_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(date_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(date_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(date_days_from_civil(1600, 1, 1), -135140);
}

/* The result must not depend on the process time zone. */
static void
test_date_tz_independent(void **state)
{
	long long	a, b;

	setenv("TZ", "Asia/Tehran", 1);
	a = date_parse("Tue, 10 Jun 2003 04:00:00");
	setenv("TZ", "America/Los_Angeles", 1);
	b = date_parse("Tue, 10 Jun 2003 04:00:00");
	assert_int_equal(a, b);
	assert_int_equal(a, 1055217600LL);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_date_table),
		cmocka_unit_test(test_date_null),
		cmocka_unit_test(test_days_from_civil),
		cmocka_unit_test(test_date_tz_independent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
