/*
 * test_layout.c - the layout pipeline: wrapping in logical order,
 * widths after shaping, marks, wide characters, digits in RTL, title
 * truncation, and on the sample articles that every screen row holds
 * exactly the words of the logical line the wrapper chose, in the
 * paragraph's direction.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <utf8proc.h>

#include "util.h"
#include "utf8.h"
#include "article.h"
#include "render.h"
#include "wrap.h"

/* Lay out UTF-8 text as one paragraph at width w; rows joined by '|'. */
static char *
layout(const char *s, size_t w, enum dir dir, int shaping)
{
	struct doc		*d = doc_create();
	struct block		*b = doc_add_block(d, BLOCK_PARA);
	struct render_opts	 o = { 0 };
	struct rows		 rows = { 0 };
	struct buf		 out = { 0 };
	size_t			 i;

	block_add_utf8(b, s, strlen(s), 0, 1);
	o.width = w;
	o.dir = dir;
	o.shaping = shaping;
	render_block(b, 0, 1, &o, &rows);
	for (i = 0; i < rows.n; i++) {
		if (i > 0)
			buf_putc(&out, '|');
		cells_to_text(&rows.v[i], &out, NULL, NULL);
	}
	buf_grow(&out, 0);
	rows_clear(&rows);
	doc_free(d);
	return out.data;
}

static const struct {
	const char	*in;
	size_t		 width;
	enum dir	 dir;
	int		 shaping;
	const char	*out;
} cases[] = {
	/* Greedy wrap at spaces; runs of white space collapse. */
	{ "the quick  brown\tfox jumps", 10, DIR_AUTO, 1,
	    "the quick|brown fox|jumps" },
	/* A word longer than the line starts a new line and is split. */
	{ "ab abcdefghij", 4, DIR_AUTO, 1, "ab|abcd|efgh|ij" },
	/* A combining acute stays with its e when a word is split. */
	{ "abce\xcc\x81" "fg", 4, DIR_AUTO, 1, "abce\xcc\x81|fg" },
	/* A no-break space joins words. */
	{ "a\xc2\xa0" "b c", 3, DIR_AUTO, 1, "a b|c" },
	/* Wide CJK counts two cells. */
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5, DIR_AUTO, 1,
	    "\xe6\x97\xa5\xe6\x9c\xac|\xe8\xaa\x9e" },
	/* Digits and a Latin word inside Arabic keep their own order. */
	{ "\xd8\xb9\xd8\xaf\xd8\xaf 1,234 \xd8\xb4\xd8\xae\xd8\xb5", 20,
	    DIR_AUTO, 0, "       \xd8\xb5\xd8\xae\xd8\xb4 1,234 "
	    "\xd8\xaf\xd8\xaf\xd8\xb9" },
	/* Brackets are mirrored in RTL: (x) reads right to left. */
	{ "\xd9\x85\xd9\x86 (\xd9\x87\xd9\x86\xd8\xa7)", 8, DIR_AUTO, 0,
	    "(\xd8\xa7\xd9\x86\xd9\x87) \xd9\x86\xd9\x85" },
	/* Lam-alef is one cell: "\xd9\x84\xd8\xa7" shaped fits in 1. */
	{ "\xd9\x84\xd8\xa7", 2, DIR_AUTO, 1, " \xef\xbb\xbb" },
	/* The same without shaping takes two cells. */
	{ "\xd9\x84\xd8\xa7", 2, DIR_AUTO, 0, "\xd8\xa7\xd9\x84" },
	/* A right-joining letter that joins nothing is written as itself
	 * (its isolated form, 2 bytes not 3): dal, waw and reh of
	 * "dollar" around an isolated lam-alef ligature. */
	{ "\xd8\xaf\xd9\x88\xd9\x84\xd8\xa7\xd8\xb1", 4, DIR_AUTO, 1,
	    "\xd8\xb1\xef\xbb\xbb\xd9\x88\xd8\xaf" },
	/* A lone dual-joining letter keeps its isolated presentation
	 * form: beh after dal. */
	{ "\xd8\xaf\xd8\xa8", 2, DIR_AUTO, 1, "\xef\xba\x8f\xd8\xaf" },
	/* Joined letters take their joining forms: meem initial, alef
	 * final. */
	{ "\xd9\x85\xd8\xa7", 2, DIR_AUTO, 1, "\xef\xba\x8e\xef\xbb\xa3" },
	/* Harakat follow their letter: ba-fatha, ta. */
	{ "\xd8\xa8\xd9\x8e\xd8\xaa", 3, DIR_AUTO, 0,
	    " \xd8\xaa\xd8\xa8\xd9\x8e" },
	/* Forced LTR keeps an Arabic paragraph left-aligned. */
	{ "\xd8\xa8\xd8\xaa", 5, DIR_LTR, 0, "\xd8\xaa\xd8\xa8" },
	/* Forced RTL right-aligns Latin text. */
	{ "abc", 5, DIR_RTL, 0, "  abc" },
	/* Arabic wraps in logical order: first words on the first line,
	 * which is right-aligned. */
	{ "\xd9\x88\xd8\xa7\xd8\xad\xd8\xaf \xd8\xa7\xd8\xab\xd9\x86"
	  "\xd8\xa7\xd9\x86 \xd8\xab\xd9\x84\xd8\xa7\xd8\xab\xd8\xa9",
	  10, DIR_AUTO, 0,
	  "\xd9\x86\xd8\xa7\xd9\x86\xd8\xab\xd8\xa7 \xd8\xaf\xd8\xad\xd8\xa7"
	  "\xd9\x88|     \xd8\xa9\xd8\xab\xd8\xa7\xd9\x84\xd8\xab" },
	/* Bidi controls are never printed; a joiner is kept as a
	 * zero-width cell (Persian spelling needs ZWNJ). */
	{ "a\xe2\x80\xae" "b\xe2\x80\xac" "c\xe2\x80\x8d" "d", 10, DIR_LTR,
	  0, "abc\xe2\x80\x8d" "d" },
	{ "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4\xd9\x88\xd8\xaf", 6,
	  DIR_AUTO, 0,
	  " \xd8\xaf\xd9\x88\xd8\xb4\xe2\x80\x8c\xdb\x8c\xd9\x85" },
	/* Embeddings and isolates from a feed keep working: the run
	 * inside an RLE or RLI reads right to left ("b shin" shows as
	 * "shin b", which it would not without the RLE). */
	{ "a \xe2\x80\xab" "b \xd7\xa9\xe2\x80\xac c", 10, DIR_LTR, 0,
	  "a \xd7\xa9 b c" },
	{ "a b \xd7\xa9 c", 10, DIR_LTR, 0, "a b \xd7\xa9 c" },
	{ "a \xe2\x81\xa7" "b \xd7\xa9\xe2\x81\xa9 c", 10, DIR_LTR, 0,
	  "a \xd7\xa9 b c" },
	/* No strong character: LTR. */
	{ "123 456", 10, DIR_AUTO, 0, "123 456" },
};

static void
test_cases(void **state)
{
	size_t	i;
	char	*got;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = layout(cases[i].in, cases[i].width, cases[i].dir,
		    cases[i].shaping);
		if (strcmp(got, cases[i].out) != 0)
			printf("# case %zu: got '%s' want '%s'\n", i, got,
			    cases[i].out);
		assert_string_equal(got, cases[i].out);
		free(got);
	}
}

static void
test_render_line(void **state)
{
	struct row	row = { 0 };
	struct buf	b = { 0 };
	int		rtl;

	/* An Arabic title cut at its logical end: the ellipsis is on the
	 * left, the beginning (rightmost) stays. "one two three". */
	rtl = render_line("\xd9\x88\xd8\xa7\xd8\xad\xd8\xaf \xd8\xa7\xd8\xab"
	    "\xd9\x86\xd8\xa7\xd9\x86 \xd8\xab\xd9\x84\xd8\xa7\xd8\xab\xd8\xa9",
	    12, DIR_AUTO, 0, 0, NULL, &row);
	assert_true(rtl);
	cells_to_text(&row, &b, NULL, NULL);
	assert_string_equal(b.data, " \xe2\x80\xa6\xd9\x86\xd8\xa7\xd9\x86"
	    "\xd8\xab\xd8\xa7 \xd8\xaf\xd8\xad\xd8\xa7\xd9\x88");
	assert_int_equal(row.width, 12);
	free(row.cells);
	memset(&row, 0, sizeof row);
	buf_reset(&b);
	/* A Latin title: cut on the right, padded to the width. */
	rtl = render_line("Breaking news from Geneva", 12, DIR_AUTO, 0, 0,
	    NULL, &row);
	assert_false(rtl);
	cells_to_text(&row, &b, NULL, NULL);
	assert_string_equal(b.data, "Breaking ne\xe2\x80\xa6");
	free(row.cells);
	memset(&row, 0, sizeof row);
	buf_reset(&b);
	/* Escape sequences in a title never reach the cells. */
	render_line("a\033]0;x\007b\033[2Jc", 5, DIR_AUTO, 0, 0, NULL, &row);
	cells_to_text(&row, &b, NULL, NULL);
	assert_string_equal(b.data, "abc  ");
	free(row.cells);
	buf_free(&b);
}

/* Titles and link texts as feeds send them, each with a paired override
 * (RLO...PDF, LRO...PDF) around a span: the cells must be those of the
 * same text without the override. */
static const char *const override_cases[][2] = {
	/* A link text spoofing a file name: "gnp.exe" read as "exe.png". */
	{ "see \xe2\x80\xae" "gnp.exe\xe2\x80\xac now", "see gnp.exe now" },
	/* A Hebrew name in an English title, forced LTR. */
	{ "Interview: \xe2\x80\xad\xd7\xa9\xd7\xa8\xd7\x94 \xd7\x9c\xd7\x95\xd7"
	  "\x99\xe2\x80\xac says",
	  "Interview: \xd7\xa9\xd7\xa8\xd7\x94 \xd7\x9c\xd7\x95\xd7\x99 says" },
	/* An Arabic headline with a Latin word forced RTL. */
	{ "\xd9\x82\xd9\x85\xd8\xa9 \xe2\x80\xae" "Riyadh 2024\xe2\x80\xac "
	  "\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9",
	  "\xd9\x82\xd9\x85\xd8\xa9 Riyadh 2024 \xd8\xb9\xd8\xb1\xd8\xa8"
	  "\xd9\x8a\xd8\xa9" },
	/* An override inside an embedding: its PDF must not close the
	 * embedding. */
	{ "x \xe2\x80\xab" "a \xe2\x80\xae" "b c\xe2\x80\xac d\xe2\x80\xac y",
	  "x \xe2\x80\xab" "a b c d\xe2\x80\xac y" },
};

static void
test_overrides(void **state)
{
	struct row	row = { 0 };
	struct buf	a = { 0 }, b = { 0 };
	char		*pa, *pb;
	size_t		i;

	for (i = 0; i < sizeof override_cases / sizeof override_cases[0];
	    i++) {
		/* As a paragraph of the reader (a link's text is one)... */
		pa = layout(override_cases[i][0], 30, DIR_AUTO, 1);
		pb = layout(override_cases[i][1], 30, DIR_AUTO, 1);
		if (strcmp(pa, pb) != 0)
			printf("# case %zu: '%s' != '%s'\n", i, pa, pb);
		assert_string_equal(pa, pb);
		free(pa);
		free(pb);
		/* ...and as a title in the list. */
		render_line(override_cases[i][0], 30, DIR_AUTO, RENDER_SHAPE,
		    0, NULL, &row);
		cells_to_text(&row, &a, NULL, NULL);
		row.n = 0;
		render_line(override_cases[i][1], 30, DIR_AUTO, RENDER_SHAPE,
		    0, NULL, &row);
		cells_to_text(&row, &b, NULL, NULL);
		row.n = 0;
		assert_string_equal(a.data, b.data);
		buf_reset(&a);
		buf_reset(&b);
	}
	free(row.cells);
	buf_free(&a);
	buf_free(&b);
}

static void
test_wrap_break(void **state)
{
	uint32_t		 text[] = { 'a', ' ', 'b', DOC_BREAK, 'c' };
	uint8_t			 w[] = { 1, 1, 1, 0, 1 };
	struct wrap_line	*l;
	size_t			 n;

	n = wrap_para(text, w, 5, 10, 10, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].end, 3);
	assert_int_equal(l[1].start, 4);
	assert_int_equal(l[1].end, 5);
	free(l);
}

/* Letters, marks and digits (not punctuation, symbols, spaces). */
static int
is_alnum(uint32_t cp)
{
	utf8proc_category_t	c;

	c = utf8proc_category((utf8proc_int32_t)cp);
	return c <= UTF8PROC_CATEGORY_NO && c != UTF8PROC_CATEGORY_CN;
}

/* A lam that shaping merged into a lam-alef ligature has no cell. */
static int
is_ligature_lam(const struct block *b, size_t i)
{
	uint32_t	n;

	if (b->text[i] != 0x0644 || i + 1 >= b->len)
		return 0;
	n = b->text[i + 1];
	return n == 0x0622 || n == 0x0623 || n == 0x0625 || n == 0x0627;
}

/*
 * For every row of every block of a sample: the cells that carry text
 * positions must be exactly the positions of one logical line (a
 * contiguous range, following the previous row's), each visual word
 * must be one logical word, and RTL rows must end at the right edge.
 */
static void
check_rows(const struct block *b, const struct rows *rows, size_t width,
    const char *name)
{
	size_t		 r, c, min, max, count, next = 0;
	const struct row *row;
	char		*seen;

	seen = xcalloc(b->len + 1, 1);
	for (r = 0; r < rows->n; r++) {
		row = &rows->v[r];
		assert_true(row->width <= width);
		min = SIZE_MAX;
		max = count = 0;
		for (c = 0; c < row->n; c++) {
			uint32_t p = row->cells[c].pos;

			if (p == CELL_NOPOS)
				continue;
			assert_true(p < b->len);
			assert_false(seen[p]);
			seen[p] = 1;
			count++;
			if (p < min)
				min = p;
			if (p > max)
				max = p;
		}
		if (count == 0)
			continue;
		/* Contiguous, apart from characters the layout drops. */
		for (c = min; c <= max; c++)
			if (!seen[c] && utf8_is_printable(b->text[c]) &&
			    b->text[c] != ' ' && !is_ligature_lam(b, c)) {
				printf("# %s: row %zu misses position %zu\n",
				    name, r, c);
				fail();
			}
		assert_true(min >= next);
		next = max + 1;
		/* Words: the letters and digits of a run of non-space cells
		 * belong to one logical word (punctuation and brackets may
		 * move to the edge of a run, as the UBA wants). */
		for (c = 0; c < row->n; c++) {
			size_t	wmin = SIZE_MAX, wmax = 0, k;

			if (row->cells[c].cp == ' ' ||
			    row->cells[c].pos == CELL_NOPOS)
				continue;
			for (k = c; k < row->n && row->cells[k].cp != ' ' &&
			    row->cells[k].pos != CELL_NOPOS; k++) {
				if (!is_alnum(b->text[row->cells[k].pos]))
					continue;
				if (row->cells[k].pos < wmin)
					wmin = row->cells[k].pos;
				if (row->cells[k].pos > wmax)
					wmax = row->cells[k].pos;
			}
			c = k;
			for (k = wmin; wmin != SIZE_MAX && k <= wmax; k++)
				if (b->text[k] == ' ') {
					printf("# %s: row %zu: a visual word "
					    "spans logical %zu-%zu\n", name, r,
					    wmin, wmax);
					fail();
				}
		}
	}
	free(seen);
}

/* A paragraph that is only an image takes its direction from the alt
 * text, not from the word "image" of its marker: right-aligned in an
 * Arabic article, left-aligned in an English one. */
static void
test_image_direction(void **state)
{
	static const char	html[] =
	    "<html><body><p>أعلنت الوزارة عن خطة جديدة للنقل.</p>"
	    "<p><img src='map.png' alt='خريطة المدينة'></p>"
	    "<p><img src='chart.png' alt='A chart of prices'></p>"
	    "</body></html>";
	struct render_opts	 o = { 0 };
	struct rows		 rows = { 0 };
	struct doc		*d;
	struct buf		 text = { 0 };
	char			*cause = NULL;
	size_t			 i, seen = 0;

	d = article_parse("page.html", html, strlen(html), &cause);
	assert_non_null(d);
	o.width = 60;
	for (i = 0; i < d->nblocks; i++) {
		render_block(&d->blocks[i], i, 1, &o, &rows);
		assert_int_equal(rows.n, 1);
		buf_reset(&text);
		cells_to_text(&rows.v[0], &text, NULL, NULL);
		buf_putc(&text, '\0');
		if (strncmp(text.data, "[image: A chart", 15) == 0) {
			assert_true(rows.v[0].width < o.width);
			seen++;
		} else if (strstr(text.data, "image") != NULL) {
			/* the Arabic alt: its row ends at the right edge */
			assert_int_equal(rows.v[0].width, o.width);
			seen++;
		}
		rows_clear(&rows);
	}
	assert_int_equal(seen, 2);
	buf_free(&text);
	doc_free(d);
}

static void
test_samples(void **state)
{
	static const char	*files[] = {
		"01-arabic-news.txt", "02-persian-zwnj.txt", "03-hebrew.txt",
		"04-arabic-harakat.txt", "05-english.txt", "06-mixed.html",
	};
	static const size_t	 widths[] = { 40, 80, 120, 23 };
	struct render_opts	 o = { 0 };
	struct rows		 rows = { 0 };
	struct doc		*d;
	char			*data, *cause = NULL, *path;
	size_t			 f, wi, i, len, r;
	int			 rtl_rows = 0;

	for (f = 0; f < sizeof files / sizeof files[0]; f++) {
		path = xasprintf("%s/tests/in/articles/%s",
		    getenv("TOP") ? getenv("TOP") : ".", files[f]);
		data = util_read_file(path, 1 << 24, &len, &cause);
		assert_non_null(data);
		d = article_parse(path, data, len, &cause);
		assert_non_null(d);
		for (wi = 0; wi < sizeof widths / sizeof widths[0]; wi++) {
			o.width = widths[wi];
			o.shaping = 1;
			for (i = 0; i < d->nblocks; i++) {
				render_block(&d->blocks[i], i, 1, &o, &rows);
				check_rows(&d->blocks[i], &rows, o.width,
				    files[f]);
				/* Arabic/Persian/Hebrew files: every text row
				 * of a block in an RTL script ends at the
				 * right edge. */
				for (r = 0; r < rows.n && f < 4; r++)
					if (rows.v[r].n > 0) {
						assert_int_equal(
						    rows.v[r].width, o.width);
						rtl_rows++;
					}
				rows_clear(&rows);
			}
		}
		doc_free(d);
		free(data);
		free(path);
	}
	assert_true(rtl_rows > 100);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_render_line),
		cmocka_unit_test(test_overrides),
		cmocka_unit_test(test_wrap_break),
		cmocka_unit_test(test_image_direction),
		cmocka_unit_test(test_samples),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
