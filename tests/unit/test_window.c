/*
 * test_window.c - the reader's windowed layout (render.c's struct
 * layout) gives exactly the rows of the full layout (every block laid
 * out in turn with render_block()), for many documents, widths, window
 * sizes and ways of moving: down and up a row at a time, by pages, g/G
 * jumps and random rows, so that rows are asked on both sides of every
 * window edge. Also the block of a row, the first row of a block, the
 * count, search and highlight marks, and the rows of search hits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util.h"
#include "article.h"
#include "match.h"
#include "render.h"

/* The full layout, as the reader had it before windows. */
static void
full_layout(const struct doc *d, const struct render_opts *o,
    struct rows *out)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++)
		render_block(&d->blocks[i], i, out->n == 0, o, out);
}

static void
same_row(const struct row *a, const struct row *b, size_t i)
{
	size_t	k;

	if (b == NULL)
		fail_msg("row %zu: NULL from the window", i);
	if (a->n != b->n || a->width != b->width || a->src != b->src)
		fail_msg("row %zu: %zu cells, width %zu, block %zu in the full "
		    "layout; %zu, %zu, %zu in the window", i, a->n, a->width,
		    a->src, b->n, b->width, b->src);
	for (k = 0; k < a->n; k++)
		if (a->cells[k].cp != b->cells[k].cp ||
		    a->cells[k].pos != b->cells[k].pos ||
		    a->cells[k].attr != b->cells[k].attr ||
		    a->cells[k].width != b->cells[k].width)
			fail_msg("row %zu cell %zu: U+%04X != U+%04X", i, k,
			    (unsigned)a->cells[k].cp,
			    (unsigned)b->cells[k].cp);
}

/* Ask the rows of a fresh windowed layout in the order of steps[] and
 * compare each with the full layout's. */
static size_t
walk(const struct doc *d, const struct render_opts *o,
    const struct rows *full, size_t window, const size_t *steps,
    size_t nsteps)
{
	struct layout	*l;
	size_t		 s, i;

	l = layout_create(d, o);
	layout_set_window(l, window);
	for (s = 0; s < nsteps; s++) {
		i = steps[s];
		if (i >= full->n) {
			assert_null(layout_row(l, i));
			continue;
		}
		same_row(&full->v[i], layout_row(l, i), i);
	}
	layout_free(l);
	return nsteps;
}

/* The orders rows are asked in, for a document of n rows: down one by
 * one, up one by one, pages of 23 down then up, g/G/g, pseudo-random.
 * Returns the number of steps (steps holds 6n + 200). */
static size_t
orders(size_t n, size_t *steps)
{
	size_t		 k = 0, i, p;
	uint32_t	 x = 16;

	for (i = 0; i <= n; i++)
		steps[k++] = i;			/* past the end too */
	for (i = n; i-- > 0;)
		steps[k++] = i;
	for (p = 0; p < n; p += 23)
		for (i = p; i < p + 23 && i < n; i++)
			steps[k++] = i;
	for (p = n; p > 0; p = p > 23 ? p - 23 : 0)
		for (i = p > 23 ? p - 23 : 0; i < p; i++)
			steps[k++] = i;
	if (n > 0) {
		steps[k++] = n - 1;		/* G */
		steps[k++] = 0;			/* g */
		steps[k++] = n - 1;
	}
	for (i = 0; i < 2 * n + 100; i++) {
		x = x * 1103515245 + 12345;
		steps[k++] = n ? (x >> 8) % (n + 2) : 0;
	}
	return k;
}

/* Search hits checked by check_doc(), over all calls. */
static size_t	searched;

static const size_t	all_windows[] = { 1, 2, 3, 7, 64, LAYOUT_WINDOW, 0 };

static size_t
check_doc_windows(const struct doc *d, const struct render_opts *o,
    const char *name, const size_t *windows)
{
	struct rows		 full = { 0 };
	struct layout		*l;
	size_t			*steps, nsteps, w, i, b, checked = 0;

	full_layout(d, o, &full);
	steps = xreallocarray(NULL, 6 * full.n + 210, sizeof *steps);
	nsteps = orders(full.n, steps);
	if (windows != all_windows && nsteps > 4 * full.n + 53)
		nsteps = 4 * full.n + 53;	/* 50 random rows only */
	for (w = 0; windows[w] != 0; w++)
		checked += walk(d, o, &full, windows[w], steps, nsteps);

	/* Count, the block of each row, the first row of each block. */
	l = layout_create(d, o);
	layout_set_window(l, 5);
	if (layout_count(l) != full.n)
		fail_msg("%s width %zu: %zu rows, %zu in the full layout",
		    name, o->width, layout_count(l), full.n);
	for (i = 0; i < full.n; i++)
		assert_int_equal(layout_row_block(l, i), full.v[i].src);
	assert_int_equal(layout_row_block(l, full.n), d->nblocks);
	for (b = 0, i = 0; b <= d->nblocks; b++) {
		while (i < full.n && full.v[i].src < b)
			i++;
		assert_int_equal(layout_block_row(l, b), i);
	}
	layout_free(l);

	/* Asked for a block's row first, before any row (the reader's
	 * relayout keeps the block at the top). */
	if (d->nblocks > 0) {
		l = layout_create(d, o);
		layout_set_window(l, 3);
		b = layout_block_row(l, d->nblocks / 2);
		if (b < full.n)
			same_row(&full.v[b], layout_row(l, b), b);
		layout_free(l);
	}
	/* The search's hit rows, noted while scanning, whichever way the
	 * blocks were first laid out (a row in the middle asked first). */
	if (o->search != NULL) {
		const size_t	*hits;
		size_t		 nhits, want = 0, j;
		int		 in;

		l = layout_create(d, o);
		layout_set_window(l, 3);
		layout_row(l, full.n / 2);
		hits = layout_search_rows(l, &nhits);
		for (i = 0; i < full.n; i++)
			for (j = 0, in = 0; j < full.v[i].n; j++) {
				if ((full.v[i].cells[j].attr & ATTR_SEARCH) &&
				    !in) {
					assert_true(want < nhits);
					assert_int_equal(hits[want], i);
					want++;
				}
				in = (full.v[i].cells[j].attr & ATTR_SEARCH) ||
				    (in && full.v[i].cells[j].width == 0);
			}
		assert_int_equal(nhits, want);
		searched += want;
		layout_free(l);
	}
	free(steps);
	rows_clear(&full);
	return checked;
}

static size_t
check_doc(const struct doc *d, const struct render_opts *o,
    const char *name)
{
	return check_doc_windows(d, o, name, all_windows);
}

/* Documents with every kind of block, empty ones among them. */
static struct doc *
mixed_doc(unsigned variant)
{
	static const char *const text[] = {
		"خبرگزاری ایرنا گزارش داد که بانک مرکزی هفته‌ی گذشته اعلام "
		    "کرد نرخ تورم کاهش یافت و پیش‌بینی می‌شود",
		"The city council voted 7-2 on Tuesday to approve the budget",
		"ראש העיר אמר כי התקציב החדש יאושר בשבוע הבא 2026",
		"  ",
		"قال وزير الصحة إن الخطة الجديدة ستبدأ في يناير 2027",
		"",
	};
	struct doc	*d = doc_create();
	struct block	*b;
	unsigned	 i, k, n = 6 + variant * 5;

	for (i = 0; i < n; i++) {
		k = (i * 7 + variant) % 9;
		if (k == 8) {
			b = doc_add_block(d, BLOCK_RULE);
			b->tight = (int)(i & 1);
			continue;
		}
		b = doc_add_block(d, k == 5 ? BLOCK_HEADING : k == 6 ?
		    BLOCK_PRE : k == 7 ? BLOCK_ITEM : BLOCK_PARA);
		b->level = (int)(i % 4);
		b->quote = (int)(i % 3 == 1);
		b->indent = k == 7 ? 1 + (int)(i % 2) : 0;
		b->tight = k == 7 && (i & 2);
		b->hang = k == 7 ? 2 : 0;
		if (k == 6) {
			/* Lines, an empty one, a long one. */
			block_add_utf8(b, text[1], strlen(text[1]), 0, 0);
			block_add(b, DOC_BREAK, 0);
			block_add(b, DOC_BREAK, 0);
			block_add_utf8(b, text[0], strlen(text[0]), 0, 0);
			continue;
		}
		block_add_utf8(b, text[(i + variant) % 6],
		    strlen(text[(i + variant) % 6]), ATTR_BOLD * (i & 1), 1);
		if (i % 5 == 2)
			block_add_utf8(b, text[(i + 1) % 6],
			    strlen(text[(i + 1) % 6]), ATTR_LINK, 1);
	}
	return d;
}

static void
test_mixed_docs(void **state)
{
	static const size_t	 widths[] = { 2, 7, 20, 41, 80 };
	struct render_opts	 o;
	struct doc		*d;
	unsigned		 v;
	size_t			 w, checked = 0;

	(void)state;
	for (v = 0; v < 8; v++) {
		d = mixed_doc(v);
		for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
			memset(&o, 0, sizeof o);
			o.width = widths[w];
			o.shaping = (int)(v & 1);
			o.logical = v == 3;
			checked += check_doc(d, &o, "mixed");
		}
		doc_free(d);
	}
	assert_true(checked > 10000);
}

/* Empty documents and documents whose blocks print nothing. */
static void
test_empty_docs(void **state)
{
	struct render_opts	 o = { 0 };
	struct doc		*d = doc_create();
	struct layout		*l;

	(void)state;
	o.width = 40;
	l = layout_create(d, &o);
	assert_null(layout_row(l, 0));
	assert_int_equal(layout_count(l), 0);
	assert_int_equal(layout_block_row(l, 0), 0);
	layout_free(l);
	doc_add_block(d, BLOCK_PARA);
	block_add_utf8(doc_add_block(d, BLOCK_PARA), "  ", 2, 0, 1);
	check_doc(d, &o, "blank");
	block_add_utf8(doc_add_block(d, BLOCK_PARA), "news", 4, 0, 1);
	doc_add_block(d, BLOCK_PARA);
	check_doc(d, &o, "blank then text");
	doc_free(d);
}

/* The sample articles, with a search and a highlight keyword. */
static void
test_articles(void **state)
{
	static const char *const files[] = {
		"01-arabic-news.txt", "02-persian-zwnj.txt", "03-hebrew.txt",
		"04-arabic-harakat.txt", "05-english.txt", "06-mixed.html",
	};
	static const size_t	 widths[] = { 9, 33, 71 };
	struct render_opts	 o;
	struct matcher		*search = matcher_create();
	struct matcher		*hl = matcher_create();
	struct doc		*d;
	char			*data, *cause = NULL, *path;
	size_t			 f, w, len, checked = 0;

	(void)state;
	matcher_add(search, "the", &cause);
	matcher_add(search, "الصحة", &cause);
	matcher_add(search, "بانک", &cause);
	matcher_add(search, "הגירעון", &cause);
	matcher_add(search, "البطالة", &cause);	/* harakat ignored */
	matcher_add(hl, "می‌شود", &cause);
	for (f = 0; f < sizeof files / sizeof files[0]; f++) {
		path = xasprintf("%s/tests/in/articles/%s",
		    getenv("TOP") ? getenv("TOP") : ".", files[f]);
		data = util_read_file(path, 1 << 24, &len, &cause);
		assert_non_null(data);
		d = article_parse(path, data, len, &cause);
		assert_non_null(d);
		for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
			memset(&o, 0, sizeof o);
			o.width = widths[w];
			o.shaping = 1;
			o.search = f != 0 ? search : NULL;
			o.highlight = hl;
			checked += check_doc(d, &o, files[f]);
		}
		doc_free(d);
		free(data);
		free(path);
	}
	matcher_free(search);
	matcher_free(hl);
	assert_true(checked > 10000);
	assert_true(searched > 20);
}

/* A long document: windows of the default size are crossed both ways. */
static void
test_long_doc(void **state)
{
	struct render_opts	 o = { 0 };
	struct doc		*d = doc_create();
	struct layout		*l;
	struct rows		 full = { 0 };
	const struct row	*row;
	size_t			 i, n;

	(void)state;
	for (i = 0; i < 3000; i++) {
		char	*s = xasprintf("(%zu) خبرگزاری ایرنا گزارش داد the "
		    "council voted on the budget", i);

		block_add_utf8(doc_add_block(d, BLOCK_PARA), s, strlen(s), 0,
		    1);
		free(s);
	}
	o.width = 30;
	o.shaping = 1;
	full_layout(d, &o, &full);
	n = full.n;
	assert_true(n > 3 * LAYOUT_WINDOW);
	l = layout_create(d, &o);
	assert_int_equal(layout_count(l), n);
	for (i = n; i-- > 0;)
		same_row(&full.v[i], layout_row(l, i), i);
	for (i = 0; i < n; i += 997)
		same_row(&full.v[i], layout_row(l, i), i);
	row = layout_row(l, n - 1);
	same_row(&full.v[n - 1], row, n - 1);
	assert_null(layout_row(l, n));
	layout_free(l);
	rows_clear(&full);
	doc_free(d);
}

/* Rows of block b. */
static size_t
block_rows(const struct doc *d, const struct render_opts *o, size_t b)
{
	struct layout	*l = layout_create(d, o);
	size_t		 n = layout_block_row(l, b + 1) - layout_block_row(l, b);

	layout_free(l);
	return n;
}

/* One block of more rows than a window (a long <pre>, a paragraph of
 * line breaks): windows are cut out of it, and scanning keeps none of
 * its rows. */
static void
test_huge_block(void **state)
{
	static const size_t	 windows[] = { 500, LAYOUT_WINDOW, 0 };
	struct render_opts	 o = { 0 };
	struct matcher		*search = matcher_create();
	struct doc		*d = doc_create();
	struct block		*b;
	size_t			 i;
	char			*s, *cause = NULL;

	(void)state;
	block_add_utf8(doc_add_block(d, BLOCK_HEADING), "گزارش", 10, 0, 1);
	b = doc_add_block(d, BLOCK_PRE);
	for (i = 0; i < 1800; i++) {
		s = xasprintf("%zu خبرگزاری ایرنا the council%s\n", i,
		    i % 7 ? "" : " voted on the budget at last");
		block_add_utf8(b, s, strlen(s), 0, 0);
		free(s);
	}
	b = doc_add_block(d, BLOCK_PARA);
	for (i = 0; i < 600; i++) {
		block_add_utf8(b, "בשבוע הבא", strlen("בשבוע הבא"), 0, 1);
		block_add(b, DOC_BREAK, 0);
	}
	block_add_utf8(doc_add_block(d, BLOCK_PARA), "the end", 7, 0, 1);
	matcher_add(search, "council", &cause);
	o.width = 24;
	o.shaping = 1;
	assert_true(block_rows(d, &o, 1) > LAYOUT_WINDOW);
	assert_true(block_rows(d, &o, 2) > 500);
	/* Each window cuts the whole block out again: larger windows
	 * only, or the test takes minutes. */
	check_doc_windows(d, &o, "huge pre", windows);
	o.search = search;
	check_doc_windows(d, &o, "huge pre, searched", windows);
	matcher_free(search);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_mixed_docs),
		cmocka_unit_test(test_empty_docs),
		cmocka_unit_test(test_articles),
		cmocka_unit_test(test_long_doc),
		cmocka_unit_test(test_huge_block),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
