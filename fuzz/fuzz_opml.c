/*
 * fuzz_opml.c - libFuzzer driver for OPML import (libxml2, no network, no
 * entities). Every title, URL and tag must be printable; the feeds read
 * must survive export with opml_write() and import again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "opml.h"
#include "urls.h"
#include "util.h"
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct opml_feed	*f = NULL, *g = NULL;
	struct urls		 u = { 0 };
	size_t			 n = 0, m = 0, i, j;
	char			*cause = NULL, *out;

	if (opml_parse((const char *)data, size, &f, &n, &cause) != 0) {
		if (cause == NULL)
			abort();
		fuzz_check_sanitize(cause);
		free(cause);
		return 0;
	}
	u.v = xcalloc(n + 1, sizeof *u.v);
	for (i = 0; i < n; i++) {
		fuzz_assert_printable(f[i].url);
		if (f[i].title != NULL)
			fuzz_assert_printable(f[i].title);
		for (j = 0; j < f[i].ntags; j++)
			fuzz_assert_printable(f[i].tags[j]);
		u.v[i].url = f[i].url;
		u.v[i].name = f[i].title;
		u.v[i].tags = f[i].tags;
		u.v[i].ntags = f[i].ntags;
	}
	u.n = n;
	out = opml_write(&u, NULL);
	if (opml_parse(out, strlen(out), &g, &m, &cause) != 0 || m != n)
		abort();
	for (i = 0; i < n; i++)
		if (strcmp(f[i].url, g[i].url) != 0)
			abort();
	opml_feeds_free(g, m);
	free(out);
	free(u.v);
	opml_feeds_free(f, n);
	return 0;
}
