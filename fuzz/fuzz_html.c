/*
 * fuzz_html.c - libFuzzer driver for HTML articles: libxml2's HTML parser
 * to the document model, then the whole layout at a width taken from the
 * first byte. Every cell must be printable and no row wider than the
 * width; the title and links must sanitize to printable text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "doc.h"
#include "html.h"
#include "render.h"
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc		*d;
	struct layout		*l;
	struct render_opts	 o = { 0 };
	const struct row	*r;
	char			*cause = NULL;
	size_t			 i, j, n;

	if (size < 1)
		return 0;
	o.width = 2 + data[0] % 120;
	o.shaping = data[0] & 0x80;
	data++;
	size--;
	(void)html_sniff((const char *)data, size);
	d = doc_create();
	if (html_to_doc((const char *)data, size, "http://example.com/a/",
	    d, &cause) != 0) {
		if (cause == NULL)
			abort();
		free(cause);
		doc_free(d);
		return 0;
	}
	fuzz_check_sanitize(d->title);
	for (i = 0; i < d->nlinks; i++)
		fuzz_check_sanitize(d->links[i]);
	l = layout_create(d, &o);
	n = layout_count(l);
	for (i = 0; i < n; i++) {
		r = layout_row(l, i);
		if (r == NULL || r->width > o.width)
			abort();
		for (j = 0; j < r->n; j++)
			if (r->cells[j].cp != ' ' &&
			    !utf8_is_printable(r->cells[j].cp) &&
			    !utf8_is_joiner(r->cells[j].cp))
				abort();
	}
	if (layout_row(l, n) != NULL)
		abort();
	layout_free(l);
	doc_free(d);
	return 0;
}
