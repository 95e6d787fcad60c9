/*
 * fuzz_search.c - libFuzzer driver for the search index's text: a
 * differential check of the two shortcuts that must not change a term.
 * search_body_text() of an HTML body with no markup skips libxml2's
 * parser: it must equal search_html_text(), which always parses; and
 * match_normalize_utf8()'s fast paths must equal the code point
 * normaliser (match_normalize_cp()) applied to each decoded character.
 * The terms of the text must also be printable words.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "search.h"
#include "util.h"
#include "utf8.h"

/* match_normalize_utf8() the slow way: decode, normalise each code
 * point, one space for each run of white space, none at the ends. */
static char *
normalize_slow(const char *s)
{
	struct buf	 b = { 0 };
	uint32_t	 out[MATCH_NORM_MAX], cp;
	size_t		 n = strlen(s), i = 0, j, k;
	char		 e[8];
	int		 space = 0;

	buf_grow(&b, 1);
	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		k = match_normalize_cp(cp, out);
		for (j = 0; j < k; j++) {
			if (out[j] == ' ') {
				space = 1;
				continue;
			}
			if (space && b.len > 0)
				buf_putc(&b, ' ');
			space = 0;
			buf_add(&b, e, utf8_encode(out[j], e));
		}
	}
	buf_putc(&b, '\0');
	return b.data;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s, *a, *b;

	s = xstrndup((const char *)data, size);	/* up to a NUL */
	a = search_body_text(s, 1);
	b = search_html_text(s);
	if (strcmp(a, b) != 0)
		abort();
	free(a);
	free(b);
	a = match_normalize_utf8(s);
	b = normalize_slow(s);
	if (strcmp(a, b) != 0)
		abort();
	free(a);
	free(b);
	free(s);
	return 0;
}
