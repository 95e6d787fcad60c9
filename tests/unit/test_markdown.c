/*
 * test_markdown.c - Markdown to blocks, table-driven: each case gives
 * the source and the blocks it must become, one per line as
 * "TYPE[level|indent][>quote]: text" with a forced break shown as '/'.
 * Then the inline attributes, links, and pathological input that must
 * stay fast.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "util.h"
#include "utf8.h"
#include "markdown.h"

static char *
describe(const struct doc *d)
{
	static const char	*types[] = { "P", "H", "I", "PRE", "RULE" };
	struct buf		 b = { 0 };
	const struct block	*k;
	size_t			 i, j;
	char			 enc[4];

	for (i = 0; i < d->nblocks; i++) {
		k = &d->blocks[i];
		buf_puts(&b, types[k->type]);
		if (k->type == BLOCK_HEADING)
			buf_printf(&b, "%d", k->level);
		else if (k->indent > 0)
			buf_printf(&b, "%d", k->indent);
		if (k->quote > 0)
			buf_printf(&b, ">%d", k->quote);
		if (k->type != BLOCK_RULE)
			buf_puts(&b, ": ");
		for (j = 0; j < k->len; j++)
			if (k->text[j] == DOC_BREAK)
				buf_putc(&b, '/');
			else
				buf_add(&b, enc, utf8_encode(k->text[j], enc));
		buf_putc(&b, '\n');
	}
	buf_grow(&b, 0);
	b.data[b.len] = '\0';
	return b.data;
}

static const struct {
	const char	*in;
	const char	*out;
} cases[] = {
	{ "# عنوان\n\nنص *مائل* و**عريض**.\n",
	    "H1: عنوان\nP: نص مائل وعريض.\n" },
	{ "Title\n=====\nSub\n---\n", "H1: Title\nH2: Sub\n" },
	{ "### closed ###\n#nospace\n", "H3: closed\nP: #nospace\n" },
	{ "one\ntwo\n\nthree\n", "P: one two\nP: three\n" },
	{ "hard  \nbreak\\\nagain\n", "P: hard/break/again\n" },
	{ "- a\n- b\n  - c\n  - d\n- e\n",
	    "I1: • a\nI1: • b\nI2: • c\nI2: • d\nI1: • e\n" },
	{ "* x\n+ y\n", "I1: • x\nI1: • y\n" },
	{ "1. one\n2. two\n10. ten\n", "I1: 1. one\nI1: 2. two\nI1: 3. ten\n" },
	{ "3) c\n4) d\n", "I1: 3. c\nI1: 4. d\n" },
	{ "- item\n  continued\nlazy\n", "I1: • item continued lazy\n" },
	{ "- a\n\n  second para\n- b\n",
	    "I1: • a\nP2: second para\nI1: • b\n" },
	{ "1. a\n   - nested\n2. b\n",
	    "I1: 1. a\nI2: • nested\nI1: 2. b\n" },
	{ "> quoted\n> more\n>\n> > deeper\n",
	    "P>1: quoted more\nP>2: deeper\n" },
	{ "> lazy\ncontinuation\n\nout\n", "P>1: lazy continuation\nP: out\n" },
	{ "> - a\n> - b\n", "I1>1: • a\nI1>1: • b\n" },
	{ "```c\nint x;\n\n  y();\n```\nafter\n",
	    "PRE: int x;//  y();\nP: after\n" },
	{ "~~~\nunclosed\n", "PRE: unclosed\n" },
	{ "    code\n\n    more\n\ntext\n", "PRE: code//more\nP: text\n" },
	{ "para\n    not code\n", "P: para not code\n" },
	{ "***\n- - -\n___\n", "RULE\nRULE\nRULE\n" },
	{ "text\n***\n", "P: text\nRULE\n" },
	{ "a `co*de*` b", "P: a co*de* b\n" },
	{ "``a ` b``", "P: a ` b\n" },
	{ "\\*not em\\* \\# x", "P: *not em* # x\n" },
	{ "snake_case_name and 2*3*4", "P: snake_case_name and 234\n" },
	{ "**unclosed and *em*", "P: **unclosed and em\n" },
	{ "[المزيد](https://example.com/x \"t\")",
	    "P: المزيد[1]\nP: [1] https://example.com/x\n" },
	{ "[a](<u v>) [b][r] [r] [c][]\n\n[r]: /ref\n[c]: /c",
	    "P: a[1] b[2] r[3] c[4]\nP: [1] u v\nP: [2] /ref\nP: [3] /ref\n"
	    "P: [4] /c\n" },
	{ "![خريطة](m.png) ![](x.png)", "P: [image: خريطة] [image]\n" },
	{ "<https://a.example/p> <me@x.org>",
	    "P: https://a.example/p[1] me@x.org[2]\n"
	    "P: [1] https://a.example/p\nP: [2] mailto:me@x.org\n" },
	{ "[anchor](#top) [no](", "P: anchor [no](\n" },
	{ "&amp; &lt;b&gt; &#1575; &#x41; &bogus; a<br>b",
	    "P: & <b> ا A &bogus; a/b\n" },
	{ "\xef\xbb\xbf# bom\r\n\r\ncrlf\r\n", "H1: bom\nP: crlf\n" },
	{ "", "" },
	{ "\n\n   \n", "" },
	{ "-\n- \n", "I1: • \nI1: • \n" },
	{ "\x1b[31mred\x1b[0m", "P: red\n" },
	/* What the hand-written parser before libcmark could not do. */
	{ "*a **b** c* _x __y__ z_", "P: a b c x y z\n" },
	{ "1. a\n\n   more\n\n   - n\n\n     deep\n2. b\n",
	    "I1: 1. a\nP2: more\nI2: • n\nP3: deep\nI1: 2. b\n" },
	{ "- ```\n  x\n  ```\n- # h\n", "I1: • \nPRE2: x\nI1: • h\n" },
	{ "| a | b |\n|---|---|\n| 1 | 2 |\n",
	    "P: | a | b | |---|---| | 1 | 2 |\n" },
	{ "[X]:\n  https://e.org/x\n  'title'\n\nsee [x] and [x][]\n",
	    "P: see x[1] and x[2]\nP: [1] https://e.org/x\n"
	    "P: [2] https://e.org/x\n" },
	{ "[a [b](c) d](e)", "P: [a b[1] d](e)\nP: [1] c\n" },
	{ "<https://a.example/?q=1&r=2>",
	    "P: https://a.example/?q=1&r=2[1]\n"
	    "P: [1] https://a.example/?q=1&r=2\n" },
	{ "&amp; &copy; &Auml; &frac12; &#0; &#x110000;",
	    "P: & © Ä ½ \xef\xbf\xbd \xef\xbf\xbd\n" },
	{ "\\[no\\](x) \\<b\\> \\\\ \\a", "P: [no](x) <b> \\ \\a\n" },
	{ "a\nb\n===\n", "H1: a b\n" },
	{ "`` `a` ``", "P: `a`\n" },
	{ "[js](javascript:alert(1)) [d](data:text/html,x) [ok](/y)",
	    "P: js d ok[1]\nP: [1] /y\n" },
	/* Raw HTML: blocks through the HTML converter, inline tags
	 * dropped with their text kept, never printed. */
	{ "[m](/1)\n\n<div>\n<p>Hi <a href=\"/u\">there</a></p>\n</div>\n\n"
	    "[n](/2)\n",
	    "P: m[1]\nP: Hi there[2]\nP: n[3]\nP: [1] /1\nP: [2] /u\n"
	    "P: [3] /2\n" },
	{ "[a](/1)\n\n<p><a href=\"/u\"><img alt=\"[1]\"></a> "
	    "<a href=\"/v\"><img alt=\"x\"></a></p>\n",
	    "P: a[1]\nP: [image: [1]][2] [image: x][3]\nP: [1] /1\n"
	    "P: [2] /u\nP: [3] /v\n" },
	{ "a <span class=\"x\">b</span> <!-- c --> d<br/>e",
	    "P: a b d/e\n" },
	{ "<!-- note -->\n\n<script>alert(1)</script>\n\nok\n", "P: ok\n" },
	{ "> <ul><li>one</li></ul>\n", "I1>1: • one\n" },
};

static void
test_cases(void **state)
{
	struct doc	*d;
	char		*got;
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		d = doc_create();
		markdown_to_doc(cases[i].in, strlen(cases[i].in), d);
		got = describe(d);
		if (strcmp(got, cases[i].out) != 0)
			print_error("case %zu: %s\n--- want\n%s--- got\n%s", i,
			    cases[i].in, cases[i].out, got);
		assert_string_equal(got, cases[i].out);
		free(got);
		doc_free(d);
	}
}

static void
test_attrs(void **state)
{
	const char	*s = "a *i* **b** ***bi*** `c` [l](u)";
	struct doc	*d = doc_create();
	struct block	*b;
	uint16_t	 want[] = { 0, 0, ATTR_ITALIC, 0, ATTR_BOLD, 0,
	    ATTR_BOLD | ATTR_ITALIC, ATTR_BOLD | ATTR_ITALIC, 0, ATTR_CODE, 0,
	    ATTR_LINK, ATTR_LINK | ATTR_MARKER };
	size_t		 i;

	markdown_to_doc(s, strlen(s), d);
	b = &d->blocks[0];
	/* "a i b bi c l[1]": check one cell of each run. */
	assert_int_equal(b->attr[0], want[0]);
	assert_int_equal(b->attr[2], ATTR_ITALIC);
	assert_int_equal(b->attr[4], ATTR_BOLD);
	assert_int_equal(b->attr[6], ATTR_BOLD | ATTR_ITALIC);
	assert_int_equal(b->attr[9], ATTR_CODE);
	assert_int_equal(b->attr[11], ATTR_LINK);
	assert_int_equal(b->attr[12], ATTR_LINK | ATTR_MARKER);
	(void)i;
	assert_string_equal(d->title == NULL ? "" : d->title, "");
	doc_free(d);
	/* Nested emphasis, as CommonMark nests it. */
	s = "*a **b** c* **x *y* z**";
	d = doc_create();
	markdown_to_doc(s, strlen(s), d);
	b = &d->blocks[0];
	/* "a b c x y z" */
	assert_int_equal(b->attr[0], ATTR_ITALIC);
	assert_int_equal(b->attr[2], ATTR_ITALIC | ATTR_BOLD);
	assert_int_equal(b->attr[4], ATTR_ITALIC);
	assert_int_equal(b->attr[5], 0);
	assert_int_equal(b->attr[6], ATTR_BOLD);
	assert_int_equal(b->attr[8], ATTR_BOLD | ATTR_ITALIC);
	assert_int_equal(b->attr[10], ATTR_BOLD);
	doc_free(d);
	d = doc_create();
	markdown_to_doc("intro\n\n## **Bold** title [x](y)\n# second\n", 39, d);
	assert_string_equal(d->title, "Bold title x");
	doc_free(d);
}

/* CPU seconds to lay out n bytes of repeated unit, the best of two runs
 * (the best is the least disturbed by other work on the machine). */
static double
layout_seconds(struct buf *b, const char *unit, size_t n)
{
	struct doc	*d;
	clock_t		 t0;
	double		 best = 0, t;
	size_t		 i;
	int		 run;

	buf_reset(b);
	for (i = 0; i < n / strlen(unit); i++)
		buf_puts(b, unit);
	for (run = 0; run < 2; run++) {
		t0 = clock();
		d = doc_create();
		markdown_to_doc(b->data, b->len, d);
		doc_free(d);
		t = (double)(clock() - t0) / CLOCKS_PER_SEC;
		if (run == 0 || t < best)
			best = t;
	}
	return best;
}

/*
 * Inputs that a naive parser takes quadratic (or worse) time on. The
 * check is on growth, not on a time limit, so that a loaded machine or a
 * sanitizer build cannot fail it: four times the input must cost well
 * under the sixteen times a quadratic parser would (8x, plus 0.1 s of
 * slack for inputs too fast to time).
 */
static void
test_pathological(void **state)
{
	static const char	*units[] = { "*a ", "_a ", "`", "[", "**a ",
	    "> ", "- ", "![", "[a](", "<", "&#", "1. ", "*_", "[![", "](",
	    "<p>\n\n", "<!--", "- a\n  ", "`a``", "[x]: y\n" };
	struct buf		 b = { 0 };
	double			 small, large;
	size_t			 u;

	for (u = 0; u < sizeof units / sizeof units[0]; u++) {
		small = layout_seconds(&b, units[u], 50000);
		large = layout_seconds(&b, units[u], 200000);
		if (large > 8 * small + 0.1)
			fail_msg("unit '%s': 4x the input took %.2f s, "
			    "%.1fx the %.3f s of 1x", units[u], large,
			    large / (small > 0 ? small : 1e-9), small);
	}
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_attrs),
		cmocka_unit_test(test_pathological),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
