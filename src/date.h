/*
 * date.h - feed dates (RFC 822/2822, RFC 3339/ISO 8601 and the broken
 * variants found in real feeds) to UTC seconds since the epoch.
 */
#ifndef AKHBAR_DATE_H
#define AKHBAR_DATE_H

#include <stdint.h>

/*
 * Parse s (may be NULL). Returns UTC seconds since 1970-01-01T00:00:00Z,
 * or 0 when s is empty or cannot be parsed. A missing zone means UTC.
 */
int64_t	 date_parse(const char *s);
/*
 * Days from 1970-01-01 to the proleptic Gregorian date y-m-d (m 1-12,
 * d 1-31); negative before the epoch. Does not depend on the time zone.
 */
int64_t	 date_days_from_civil(int64_t y, int m, int d);

#endif
