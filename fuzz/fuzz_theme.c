/*
 * fuzz_theme.c - libFuzzer driver for the theme parser. Every SGR sequence
 * it then produces must be a well-formed "ESC [ digits;... m" that fits
 * its cache slot; errors must name a cause.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "theme.h"
#include "util.h"

static void
check_sgr(const char *s)
{
	size_t	i, n = strlen(s);

	if (n < 4 || n >= 48 || s[0] != '\033' || s[1] != '[' ||
	    s[n - 1] != 'm')
		abort();
	for (i = 2; i < n - 1; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == ';'))
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct theme	 t;
	char			*text, *cause = NULL;
	unsigned		 a;

	text = xstrndup((const char *)data, size);
	theme_init(&t);
	if (theme_parse(&t, text, "fuzz", &cause) != 0) {
		if (cause == NULL)
			abort();
		free(cause);
	}
	for (a = 0; a < 1024; a += 1 + (a & 7))
		check_sgr(theme_sgr(&t, (uint16_t)a));
	(void)theme_color(text);
	free(text);
	return 0;
}
