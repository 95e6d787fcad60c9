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
#include "html.h"
#include "render.h"

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
		render_line(texts[i], 0, DIR_AUTO, 1, 0, NULL, &row);
		assert_int_equal(row.n, 0);
		assert_int_equal(row.width, 0);
	}
	/* Width 1 still holds exactly one cell: the ellipsis. */
	render_line("news", 1, DIR_AUTO, 1, 0, NULL, &row);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_line_width0),
		cmocka_unit_test(test_html_charset_at_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
