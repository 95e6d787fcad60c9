/*
 * fuzz_saved.c - libFuzzer driver for saved articles. The input is read
 * as a saved file (header and body to a document), and used as the title
 * and feed of an article whose file name must stay inside its folder: no
 * '/', no "..", no leading '.' or '-', no control or bidi character, at
 * most SAVED_NAME_MAX bytes, ending in ".txt". The article written with
 * saved_format() must parse back with the same (clean) title.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "article.h"
#include "saved.h"
#include "util.h"
#include "fuzz_common.h"

static void
check_name(const char *name)
{
	size_t	n = strlen(name);

	if (n == 0 || n > SAVED_NAME_MAX || name[0] == '.' ||
	    name[0] == '-' || strchr(name, '/') != NULL ||
	    strstr(name, "..") != NULL || n < 4 ||
	    strcmp(name + n - 4, ".txt") != 0)
		abort();
	fuzz_assert_printable(name);
	if (strchr(name, ' ') != NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct saved_meta	 m = { 0 }, back = { 0 };
	struct doc		*d;
	char			*s, *name, *file, *cause = NULL, *clean;
	size_t			 off, len;
	int			 html;

	d = article_parse_saved((const char *)data, size, &m, &cause);
	if (d == NULL) {
		if (cause == NULL)
			abort();
		free(cause);
		cause = NULL;
	} else
		doc_free(d);
	saved_meta_clear(&m);

	s = xstrndup((const char *)data, size);
	m.title = s;
	m.feed = s;
	m.link = s;
	m.date = size > 8 ? (int64_t)(data[0] | data[1] << 8) * 86400 : 0;
	name = saved_filename(&m);
	check_name(name);
	file = saved_format(&m, s, strlen(s), size & 1, &len);
	if (saved_parse(file, len, &back, &off, &html, &cause) != 0)
		abort();
	clean = saved_clean_value(s, strlen(s));
	if ((back.title == NULL) != (*clean == '\0') ||
	    (back.title != NULL && strcmp(back.title, clean) != 0))
		abort();
	if (html != (int)(size & 1) || off > len)
		abort();
	free(clean);
	saved_meta_clear(&back);
	free(file);
	free(name);
	free(s);
	return 0;
}
