/*
 * fuzz_config.c - libFuzzer driver for the configuration file parser.
 * Every error line must be "fuzz:LINE: ..." and sanitize to printable
 * text; the count returned must match the errors kept.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "util.h"
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config	 c;
	char		*text;
	size_t		 n, i;

	text = xstrndup((const char *)data, size);
	config_init(&c);
	n = config_parse(&c, text, "fuzz");
	if (n != c.nerrors)
		abort();
	for (i = 0; i < c.nerrors; i++) {
		if (strncmp(c.errors[i], "fuzz:", 5) != 0)
			abort();
		fuzz_check_sanitize(c.errors[i]);
	}
	for (i = 0; i < c.nhighlight; i++)
		fuzz_check_sanitize(c.highlight[i]);
	config_free(&c);
	free(text);
	return 0;
}
