/*
 * test_regress.c - inputs the fuzzers (fuzz/) found that cannot reach the
 * binary's command line, as unit tests of the function that failed.
 * Inputs that can go through the binary are in tests/e2e/regress.sh.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cells.h"
#include "doc.h"
#include "feed.h"
#include "html.h"
#include "match.h"
#include "render.h"
#include "urls.h"

/* fuzz_render: render_line() at width 0 computed the padding as
 * 0 - 0 - 1 and padded the row with SIZE_MAX spaces (a hang, then out
 * of memory). A list column squeezed to nothing must give no cells. */
static void
test_render_line_width0(void **state)
{
	static const char	*texts[] = { "news", "\330\247\331\204\330\256"
	    "\330\250\330\261", " ", "", "\xe4\xb8\xad\xe6\x96\x87" };
	struct row		 row = { 0 };
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		render_line(texts[i], 0, DIR_AUTO, RENDER_SHAPE, 0, NULL, &row);
		assert_int_equal(row.n, 0);
		assert_int_equal(row.width, 0);
	}
	/* Width 1 still holds exactly one cell: the ellipsis. */
	render_line("news", 1, DIR_AUTO, RENDER_SHAPE, 0, NULL, &row);
	assert_int_equal(row.n, 1);
	assert_int_equal(row.cells[0].cp, 0x2026);
	free(row.cells);
}

/* fuzz_html: an article whose bytes end just after "charset=" made
 * declares_charset() compare "utf-8" past the end of the buffer (ASan:
 * heap-buffer-overflow). The buffer here is exactly n bytes, no NUL. */
static void
test_html_charset_at_end(void **state)
{
	static const char	*tails[] = { "<p>x</p><meta charset=",
	    "<p>x</p><meta charset=\"", "<p>x</p><meta charset=utf",
	    "<p>x</p><meta charset=utf-" };
	struct doc		*d;
	char			*s, *cause = NULL;
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		n = strlen(tails[i]);
		s = malloc(n);
		assert_non_null(s);
		memcpy(s, tails[i], n);
		d = doc_create();
		assert_int_equal(html_to_doc(s, n, NULL, d, &cause), 0);
		assert_true(d->nblocks >= 1);
		doc_free(d);
		free(s);
	}
}

static int
title_cb(const struct feed_item *it, void *arg)
{
	char	**title = arg;

	free(*title);
	*title = strdup(it->title != NULL ? it->title : "");
	return 0;
}

/* Parse doc pushed in chunks of size chunk; the last item's title. */
static char *
push_title(const char *doc, size_t chunk, char **cause)
{
	struct feed_parser	*p;
	char			*title = NULL;
	size_t			 n = strlen(doc), off, k;
	int			 rc = 0;

	p = feed_parser_create(NULL, title_cb, &title);
	for (off = 0; off < n && rc == 0; off += k) {
		k = n - off < chunk ? n - off : chunk;
		rc = feed_parser_push(p, doc + off, k, cause);
	}
	if (rc == 0)
		rc = feed_parser_finish(p, NULL, cause);
	feed_parser_free(p);
	if (rc != 0) {
		free(title);
		return NULL;
	}
	return title;
}

/* Invalid UTF-8 in a UTF-8 feed becomes U+FFFD (libxml2 would stop at
 * it), however the bytes are cut into chunks; other encodings are left
 * to libxml2. */
static void
test_feed_invalid_utf8(void **state)
{
	static const char	doc[] = "<?xml version=\"1.0\" encoding="
	    "\"utf-8\"?><rss><channel><item><title>a\xff b\xc3 c\xe2\x82"
	    " \xd8\xb9\xd8\xb1\xd8\xa8\xed\xa0\x80z\xe2\x82</title>"
	    "</item></channel></rss>";
	static const char	want[] = "a\xef\xbf\xbd b\xef\xbf\xbd c"
	    "\xef\xbf\xbd \xd8\xb9\xd8\xb1\xd8\xa8\xef\xbf\xbd\xef"
	    "\xbf\xbd\xef\xbf\xbdz\xef\xbf\xbd";
	char			*t, *cause = NULL;
	size_t			 chunk;

	(void)state;
	for (chunk = 1; chunk <= sizeof doc; chunk++) {
		t = push_title(doc, chunk, &cause);
		assert_non_null(t);
		assert_string_equal(t, want);
		free(t);
	}
	/* Declared ISO-8859-1: every byte is a character, no U+FFFD. */
	t = push_title("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
	    "<rss><channel><item><title>\xff</title></item></channel>"
	    "</rss>", 4, &cause);
	assert_non_null(t);
	assert_string_equal(t, "\xc3\xbf");
	free(t);
}

/* fuzz_urls: a quoted tag holding a CR ("\rx" from `"<CR>x"` in a urls
 * file) was written back unquoted, CR and all, so the entry was no
 * longer one clean line. Control characters now force quoting, which
 * drops CR and LF. A name of only CRs is left out. */
static void
test_urls_format_controls(void **state)
{
	char	*tags[] = { "\rx", "a\nb", "t\x01u" };
	char	*line;

	(void)state;
	line = urls_format("http://a.example/", NULL, tags, 3);
	assert_string_equal(line, "http://a.example/ \"x\" \"ab\" "
	    "\"t\x01u\"");
	free(line);
	/* A name of only CRs was written "~", which reads back as a tag. */
	line = urls_format("http://a.example/", "\r\r", tags, 1);
	assert_string_equal(line, "http://a.example/ \"x\"");
	free(line);
}

/* fuzz_render: a highlight regex "/a++++.../" (25 '+') made glibc's
 * regcomp() take 24 GB; "a{1,32767}" 8 GB. Such regexes are refused. */
static void
test_match_costly_regex(void **state)
{
	static const char	*bad[] = { "/a+++++++++++++++++++++++++/",
	    "/a*?/", "/a{1,32767}/", "/((a{1,50}){1,50}){1,50}/" };
	static const char	*good[] = { "/a+/", "/x[+*]+y/", "/a\\++/",
	    "/a{2,}/", "/(((a{1,10}){1,10}){1,10})/", "/[0-9]+ news/" };
	struct matcher		*m = matcher_create();
	char			*cause = NULL;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(matcher_add(m, bad[i], &cause), -1);
		assert_non_null(cause);
		free(cause);
		cause = NULL;
	}
	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_int_equal(matcher_add(m, good[i], &cause), 0);
	matcher_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_line_width0),
		cmocka_unit_test(test_html_charset_at_end),
		cmocka_unit_test(test_feed_invalid_utf8),
		cmocka_unit_test(test_urls_format_controls),
		cmocka_unit_test(test_match_costly_regex),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
