/* test_extract_parse.c - the extractor's parser (extract_parse.h): which
 * bytes it skips (script and style content, never JSON-LD, nothing where
 * the prescan could disagree with libxml2), the tree it builds from
 * UTF-8 (a <meta charset> does not switch it), the attributes it keeps;
 * and charset_to_utf8() repairing the stray bytes of a page it calls
 * UTF-8. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util.h"
#include "charset.h"
#include "extract_dom.h"
#include "extract_parse.h"

static const struct {
	const char	*name;		/* what the case checks */
	const char	*page;
	const char	*skipped;	/* the skipped bytes, "|" between
					 * ranges */
} skip_cases[] = {
	{ "script content goes, the tags stay",
	    "<p>a</p><script>var x = '<p>b</p>';</script><p>c</p>",
	    "var x = '<p>b</p>';" },
	{ "style content goes", "<style>p { color: red }</style><p>x</p>",
	    "p { color: red }" },
	{ "two scripts and a style",
	    "<script src=a.js></script><script>1</script><STYLE>2</STYLE>"
	    "<p>x</p><script type=\"text/javascript\">3</script>",
	    "1|2|3" },
	{ "end tags in any case, matched as a prefix as libxml2 does",
	    "<SCRIPT>a</ScRiPt><script>b</scripty>c</script>", "a|b" },
	{ "a </script> inside a string ends the script (as in browsers)",
	    "<script>s = '</script>'; t = 1;</script>", "s = '" },
	{ "JSON-LD stays: the metadata reads it",
	    "<script type=\"application/ld+json\">{\"a\": 1}</script>"
	    "<script type='APPLICATION/LD+JSON'>{}</script><script>x</script>",
	    "x" },
	{ "json elsewhere in the tag is not JSON-LD",
	    "<script data-k=\"a+json\" type=application/json>{}</script>",
	    "{}" },
	{ "<script> in a comment is no script",
	    "<!-- <script>x</script> --><p>y</p><script>z</script>", "z" },
	{ "<script> in a quoted attribute value is no script",
	    "<a title=\"<script>x\" href='>'>y</a><script>z</script>", "z" },
	{ "<scripts> and <script2> are other elements",
	    "<scripts>a</scripts><script2>b</script2><p>c</p>", "" },
	{ "a self-closing script: skipping stops, libxml2 decides",
	    "<script src=a.js/><p>x</p><script>y</script>", "" },
	{ "an unterminated comment: skipping stops",
	    "<script>a</script><!-- <p>b<script>c</script>", "a" },
	{ "an unterminated quote: skipping stops",
	    "<script>a</script><a href=\"x>b</a><script>c</script>", "a" },
	{ "a script to the end of the page", "<p>x</p><script>if (a < b)",
	    "if (a < b)" },
	{ "no markup at all", "just text", "" },
};

static void
test_skips(void **state)
{
	struct buf	 b = { 0 };
	size_t		 i, k, n, *v;
	const char	*s;

	for (i = 0; i < sizeof skip_cases / sizeof skip_cases[0]; i++) {
		s = skip_cases[i].page;
		n = extract_parse_skips(s, strlen(s), &v);
		buf_reset(&b);
		for (k = 0; k < n; k++) {
			if (k > 0)
				buf_putc(&b, '|');
			assert_true(v[2 * k] < v[2 * k + 1]);
			buf_add(&b, s + v[2 * k], v[2 * k + 1] - v[2 * k]);
		}
		buf_putc(&b, '\0');
		if (strcmp(b.data, skip_cases[i].skipped) != 0)
			fail_msg("%s: skipped \"%s\", want \"%s\"",
			    skip_cases[i].name, b.data, skip_cases[i].skipped);
		free(v);
	}
	buf_free(&b);
}

/* The first element named name in doc. */
static xmlNode *
find(xmlDoc *doc, const char *name)
{
	xmlNode	*root = xmlDocGetRootElement(doc), *n;

	for (n = root; n != NULL; n = dom_next(n, root, 0))
		if (dom_is(n, name))
			return n;
	return NULL;
}

static void
test_tree(void **state)
{
	static const char	page[] = "<html><head>"
	    "<meta charset=windows-1256><title>سلام</title>"
	    "<script type=application/ld+json>{\"headline\": \"عنوان\"}"
	    "</script><script>document.write('<p>fake</p>')</script>"
	    "</head><body><div class=\"article body\" id=main "
	    "onclick=\"go()\" data-track=\"x\" style=\"color: red\" "
	    "dir=rtl lang=fa hidden><p>مرحبا دنیا</p>"
	    "<a href=\"/x\" rel=author target=_blank>نویسنده</a>"
	    "<img src=a.png alt=\"تصویر\" srcset=\"a2.png 2x\"></div>"
	    "</body></html>";
	xmlDoc			*doc;
	xmlNode			*div, *a, *img;
	char			*t;

	doc = extract_parse(page, sizeof page - 1, "http://example.com/");
	assert_non_null(doc);
	/* UTF-8 read as UTF-8 whatever the <meta> says. */
	t = dom_text(find(doc, "p"));
	assert_string_equal(t, "مرحبا دنیا");
	free(t);
	t = dom_text(find(doc, "title"));
	assert_string_equal(t, "سلام");
	free(t);
	/* JSON-LD whole; the other script empty. */
	t = (char *)xmlNodeGetContent(find(doc, "script"));
	assert_string_equal(t, "{\"headline\": \"عنوان\"}");
	xmlFree(t);
	assert_null(dom_next_sibling(find(doc, "script"))->children);
	/* The attributes read are kept, the others are not. */
	div = find(doc, "div");
	assert_string_equal(dom_attr(div, "class"), "article body");
	assert_string_equal(dom_attr(div, "id"), "main");
	assert_string_equal(dom_attr(div, "style"), "color: red");
	assert_string_equal(dom_attr(div, "dir"), "rtl");
	assert_string_equal(dom_attr(div, "lang"), "fa");
	assert_non_null(dom_attr(div, "hidden"));
	assert_null(dom_attr(div, "onclick"));
	assert_null(dom_attr(div, "data-track"));
	a = find(doc, "a");
	assert_string_equal(dom_attr(a, "href"), "/x");
	assert_string_equal(dom_attr(a, "rel"), "author");
	assert_null(dom_attr(a, "target"));
	img = find(doc, "img");
	assert_string_equal(dom_attr(img, "src"), "a.png");
	assert_string_equal(dom_attr(img, "alt"), "تصویر");
	assert_null(dom_attr(img, "srcset"));
	xmlFreeDoc(doc);
}

/* A page cut into more than the parser's 4 KB reads, scripts across
 * the cuts: the text is whole and in order. */
static void
test_long_page(void **state)
{
	struct buf	 b = { 0 };
	xmlDoc		*doc;
	xmlNode		*body;
	char		*t, want[64];
	size_t		 i, len;

	buf_puts(&b, "<html><body>");
	for (i = 0; i < 3000; i++)
		buf_printf(&b, "<script>var a%zu = '<p>no</p>';</script>"
		    "<p>%zu </p><style>p{}</style>", i, i);
	buf_puts(&b, "</body></html>");
	doc = extract_parse(b.data, b.len, NULL);
	assert_non_null(doc);
	body = find(doc, "body");
	assert_int_equal(dom_count(body, "p"), 3000);
	t = dom_text(body);
	assert_null(strstr(t, "no"));
	len = strlen(t);
	snprintf(want, sizeof want, "2998 2999");
	assert_string_equal(t + len - strlen(want), want);
	assert_int_equal(strncmp(t, "0 1 2 3", 7), 0);
	free(t);
	xmlFreeDoc(doc);
	buf_free(&b);
}

static void
test_stray_bytes_repaired(void **state)
{
	/* UTF-8 by the count of good sequences, with one bad byte. */
	static const char	s[] = "<p>مرحبا بكم في موقعنا الجديد\xff</p>";
	char			*u;
	size_t			 n;

	u = charset_detect(s, sizeof s - 1, NULL);
	assert_string_equal(u, "UTF-8");
	free(u);
	assert_false(charset_is_utf8(s, sizeof s - 1));
	assert_true(charset_is_utf8("<p>مرحبا</p>", strlen("<p>مرحبا</p>")));
	assert_false(charset_is_utf8("a\0b", 3));
	u = charset_to_utf8(s, sizeof s - 1, "UTF-8", &n);
	assert_true(charset_is_utf8(u, n));
	assert_non_null(strstr(u, "الجديد\xef\xbf\xbd</p>"));
	free(u);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_skips),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_long_page),
		cmocka_unit_test(test_stray_bytes_repaired),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
