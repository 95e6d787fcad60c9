/*
 * fuzz_urls.c - libFuzzer driver for the urls file parser. Warnings must
 * sanitize to printable text, and every entry must survive a round trip
 * through urls_format() (one line, CR and LF dropped) and urls_parse().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "urls.h"
#include "util.h"
#include "fuzz_common.h"

/* a and b are equal but for CR and LF, which urls_format() drops (a
 * quoted "word" may hold a CR; written out it must stay one line). */
static int
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	for (;; a++, b++) {
		while (*a == '\r' || *a == '\n')
			a++;
		while (*b == '\r' || *b == '\n')
			b++;
		if (*a != *b)
			return 0;
		if (*a == '\0')
			return 1;
	}
}

/* A tag that is "~..." once CR and LF are gone has no spelling in the
 * format: written quoted it reads back as the name. */
static int
tilde_tag(const struct urls_entry *e)
{
	size_t	i;

	for (i = 0; i < e->ntags; i++)
		if (e->tags[i][strspn(e->tags[i], "\r\n")] == '~')
			return 1;
	return 0;
}

static void
round_trip(const struct urls_entry *e)
{
	struct urls	 u = { 0 };
	char		*line;
	size_t		 i, j = 0;

	line = urls_format(e->url, e->name, e->tags, e->ntags);
	if (strpbrk(line, "\r\n") != NULL)
		abort();		/* one entry, one line */
	urls_parse(line, strlen(line), "rt", &u);
	if (u.n != 1 || u.nwarnings != 0 || !str_eq(u.v[0].url, e->url))
		abort();
	if (e->name != NULL && e->name[strspn(e->name, "\r\n")] != '\0' &&
	    !str_eq(u.v[0].name, e->name))
		abort();
	/* Tags in order; one of only CR and LF is written as "" and gone. */
	for (i = 0; i < e->ntags; i++) {
		if (e->tags[i][strspn(e->tags[i], "\r\n")] == '\0')
			continue;
		if (j >= u.v[0].ntags || !str_eq(u.v[0].tags[j++], e->tags[i]))
			abort();
	}
	if (j != u.v[0].ntags)
		abort();
	urls_free(&u);
	free(line);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct urls	 u = { 0 };
	char		*p;
	size_t		 i;

	urls_parse((const char *)data, size, "fuzz", &u);
	for (i = 0; i < u.nwarnings; i++)
		fuzz_check_sanitize(u.warnings[i]);
	for (i = 0; i < u.n; i++) {
		if (!tilde_tag(&u.v[i]))
			round_trip(&u.v[i]);
		if (urls_find(&u, u.v[i].url) < 0)
			abort();
		p = urls_local_path(u.v[i].url);
		if ((p != NULL) != (urls_is_local(u.v[i].url) != 0))
			abort();
		free(p);
	}
	urls_free(&u);
	return 0;
}
