/*
 * fuzz_common.h - checks shared by the libFuzzer drivers: what the screen
 * sanitizer promises about its output. Only for the drivers.
 */
#ifndef AKHBAR_FUZZ_COMMON_H
#define AKHBAR_FUZZ_COMMON_H

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Abort unless s is valid UTF-8 with only printable code points (and
 * spaces): no C0/C1/DEL, no ESC, no bidi controls. */
static void
fuzz_assert_printable(const char *s)
{
	size_t		n = strlen(s), i = 0, k;
	uint32_t	cp;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp != ' ' && !utf8_is_printable(cp) && !utf8_is_joiner(cp))
			abort();
		if (cp == UTF8_REPLACEMENT && !(k == 3 &&
		    memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			abort();	/* invalid UTF-8 left in */
		i += k;
	}
}

/* Sanitize s both ways and check the result. */
static void
fuzz_check_sanitize(const char *s)
{
	char	*t;

	if (s == NULL)
		return;
	t = utf8_sanitize(s, strlen(s), UTF8_FOLD_SPACE);
	fuzz_assert_printable(t);
	free(t);
	t = utf8_sanitize(s, strlen(s), 0);
	fuzz_assert_printable(t);
	free(t);
	t = utf8_sanitize(s, strlen(s), UTF8_FOLD_SPACE | UTF8_SQUEEZE);
	fuzz_assert_printable(t);
	if (strstr(t, "  ") != NULL || (*t != '\0' && (t[0] == ' ' ||
	    t[strlen(t) - 1] == ' ')))
		abort();
	free(t);
}

#endif
