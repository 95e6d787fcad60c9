/*
 * fuzz_extract.c - libFuzzer driver for the article extractor: the
 * encoding guess, libxml2's HTML parser, the Readability walk, metadata
 * from JSON-LD and <meta>, the text and HTML written out. The first byte
 * picks an HTTP Content-Type. Every string must be valid UTF-8 with
 * nothing a terminal would act on (newlines in the text, ZWNJ/ZWJ kept
 * for Persian), the length must count the text's characters, and the
 * HTML must read back through html_to_doc().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "extract.h"
#include "html.h"
#include "fuzz_common.h"

/* Abort unless s is clean; returns its code points. */
static size_t
check_clean(const char *s, int newlines)
{
	size_t		n, i = 0, k, count = 0;
	uint32_t	cp;

	if (s == NULL)
		return 0;
	n = strlen(s);
	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_REPLACEMENT && !(k == 3 &&
		    memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			abort();
		if (!(cp == ' ' || (newlines && cp == '\n') ||
		    cp == 0x200C || cp == 0x200D || utf8_is_printable(cp)))
			abort();
		i += k;
		count++;
	}
	return count;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char	*types[] = {
		NULL, "text/html; charset=windows-1256",
		"text/html; charset=utf-8", "text/html; charset=iso-8859-1",
	};
	struct extract_opts	 o = { "http://example.com/a/b.html", NULL, 0,
				    NULL, NULL };
	struct extract		 x;
	struct doc		*d;
	char			*cause = NULL;

	if (size < 1)
		return 0;
	o.content_type = types[data[0] % 4];
	if (extract_page((const char *)data + 1, size - 1, &o, &x,
	    &cause) != 0) {
		if (cause == NULL || x.text != NULL || x.html != NULL)
			abort();
		free(cause);
		return 0;
	}
	if (x.text == NULL || x.html == NULL || x.charset == NULL ||
	    (x.dir != DIR_LTR && x.dir != DIR_RTL))
		abort();
	if (check_clean(x.text, 1) != x.length || x.length <
	    EXTRACT_MIN_TEXT)
		abort();
	check_clean(x.title, 0);
	check_clean(x.byline, 0);
	check_clean(x.date, 0);
	check_clean(x.image, 0);
	check_clean(x.site_name, 0);
	check_clean(x.excerpt, 0);
	check_clean(x.lang, 0);
	d = doc_create();
	if (html_to_doc(x.html, strlen(x.html), o.base_url, d, &cause) != 0)
		abort();
	doc_free(d);
	extract_clear(&x);
	return 0;
}
