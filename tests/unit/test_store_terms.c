/* test_store_terms.c - the worker thread that makes the index terms of
 * new articles during a refresh (store_terms.c): it gives back exactly
 * what search_terms(title, search_article_text(...)) makes on the
 * calling thread, every article once and in the order queued, whether
 * taken as they finish or all at once; a byte cap smaller than one
 * article still lets it through; stopping with articles queued frees
 * them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "search.h"
#include "store_terms.h"
#include "util.h"

#define NART	600

struct got {
	int64_t	 id[NART];
	char	*terms[NART];
	int	 n;
};

static void
got_one(int64_t id, char *terms, void *arg)
{
	struct got	*g = arg;

	assert_true(g->n < NART);
	g->id[g->n] = id;
	g->terms[g->n++] = terms;
}

/* Article i: Arabic or English, plain or HTML (with markup the fast
 * path leaves to libxml2 now and then), of a few hundred bytes. */
static void
article(int i, char **title, char **content, int *html)
{
	static const char *const words[] = {
		"\xd9\x88\xd8\xa7\xd9\x84\xd8\xa3\xd8\xae\xd8\xa8\xd8\xa7\xd8\xb1",
		"news", "market", "\xd8\xb3\xd9\x8a\xd8\xa7\xd8\xb3\xd8\xa9",
		"world", "Report", "&amp;", "<b>bold</b>", "<table>x</table>",
		"\xd8\xa8\xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9",
	};
	struct buf	 b = { 0 };
	int		 k;

	*title = xasprintf("Item %d %s", i, words[i % 10]);
	*html = i % 3 != 0;
	buf_puts(&b, *html ? "<p>" : "");
	for (k = 0; k < 40 + i % 50; k++)
		buf_printf(&b, "%s%d ", words[(i * 7 + k) % (*html ? 10 : 6)],
		    (i + k) % 13);
	buf_puts(&b, *html ? "</p>" : "");
	*content = b.data;
}

static char *
expected(int i)
{
	char	*title, *content, *text, *terms;
	int	 html;

	article(i, &title, &content, &html);
	text = search_article_text(content, html, NULL);
	terms = search_terms(title, text);
	free(text);
	free(title);
	free(content);
	return terms;
}

/* Queue NART articles (ids 1000 + i), taking what is finished every
 * 50; then take the rest. */
static void
run(size_t max_bytes, struct got *g)
{
	struct store_terms	*w = store_terms_start(max_bytes);
	char			*title, *content;
	int			 i, html;

	assert_non_null(w);
	memset(g, 0, sizeof *g);
	for (i = 0; i < NART; i++) {
		article(i, &title, &content, &html);
		store_terms_put(w, 1000 + i, title, content, html);
		free(title);
		free(content);
		if (i % 50 == 49)
			store_terms_take(w, 0, got_one, g);
	}
	store_terms_take(w, 1, got_one, g);
	store_terms_stop(w);
}

static void
check(struct got *g)
{
	char	*want;
	int	 i;

	assert_int_equal(g->n, NART);
	for (i = 0; i < NART; i++) {
		assert_int_equal(g->id[i], 1000 + i);
		want = expected(i);
		assert_string_equal(g->terms[i], want);
		free(want);
		free(g->terms[i]);
	}
}

/* As the calling thread makes them, in order, each once. */
static void
test_same_terms(void **state)
{
	static struct got	g;

	(void)state;
	run(8 * 1024 * 1024, &g);
	check(&g);
}

/* A cap below one article: each waits for the one before, none is
 * stuck. */
static void
test_small_cap(void **state)
{
	static struct got	g;

	(void)state;
	run(16, &g);
	check(&g);
}

/* Stopped with articles queued and finished: they are freed (the
 * sanitizer build checks), and a NULL worker is fine. */
static void
test_stop_queued(void **state)
{
	struct store_terms	*w = store_terms_start(1024 * 1024);
	char			*title, *content;
	int			 i, html;

	(void)state;
	assert_non_null(w);
	for (i = 0; i < 200; i++) {
		article(i, &title, &content, &html);
		store_terms_put(w, i, title, content, html);
		free(title);
		free(content);
	}
	store_terms_stop(w);
	store_terms_stop(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_terms),
		cmocka_unit_test(test_small_cap),
		cmocka_unit_test(test_stop_queued),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
