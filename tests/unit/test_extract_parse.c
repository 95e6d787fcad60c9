/* test_extract_parse.c - the extractor's parser (extract_parse.h): what
 * it hands libxml2 (no script and style content but JSON-LD, no unread
 * attributes, no runs of white space outside <pre>; the page as it is
 * where the tokenizer could disagree with libxml2), the tree it builds from
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
	const char	*want;		/* what libxml2 is handed */
} filter_cases[] = {
	{ "script content goes, the tags stay",
	    "<p>a</p><script>var x = '<p>b</p>';</script><p>c</p>",
	    "<p>a</p><script></script><p>c</p>" },
	{ "style content goes", "<style>p { color: red }</style><p>x</p>",
	    "<style></style><p>x</p>" },
	{ "end tags in any case, matched as a prefix as libxml2 does",
	    "<SCRIPT>a</ScRiPt><script>b</scripty>c</script>",
	    "<SCRIPT></ScRiPt><script></scripty>c</script>" },
	{ "a </script> inside a string ends the script (as in browsers)",
	    "<script>s = '</script>'; t = 1;</script>",
	    "<script></script>'; t = 1;</script>" },
	{ "JSON-LD stays: the metadata reads it",
	    "<script type=\"application/ld+json\">{\"a\":  1}</script>"
	    "<script type='APPLICATION/LD+JSON'>{}</script><script>x</script>",
	    "<script type=\"application/ld+json\">{\"a\":  1}</script>"
	    "<script type='APPLICATION/LD+JSON'>{}</script><script></script>" },
	{ "ld+json outside the type is no JSON-LD",
	    "<script data-k=\"ld+json\" type=application/json>{}</script>",
	    "<script  type=application/json></script>" },
	{ "<script> in a comment is no script",
	    "<!-- <script>x</script> --><p>y</p><script>z</script>",
	    "<!-- <script>x</script> --><p>y</p><script></script>" },
	{ "<script> in a quoted attribute value is no script",
	    "<a title=\"<script>x\" href='>'>y</a><script>z</script>",
	    "<a  href='>'>y</a><script></script>" },
	{ "<scripts> and <script2> are other elements",
	    "<scripts>a</scripts><script2>b</script2>",
	    "<scripts>a</scripts><script2>b</script2>" },
	{ "a script closed by />", "<script src=\"a.js\"/><p>x</p>",
	    "<script src=\"a.js\"/><p>x</p>" },
	{ "an unquoted value takes the / (as libxml2 reads it)",
	    "<script src=a.js/><p>x</p></script><p>y</p>",
	    "<script src=a.js/></script><p>y</p>" },
	{ "an unterminated comment: the rest as it is",
	    "<script>a</script><!-- <p>b  c<script>d</script>",
	    "<script></script><!-- <p>b  c<script>d</script>" },
	{ "an unterminated quote: the rest as it is",
	    "<script>a</script><a href=\"x>b  c</a><script>d</script>",
	    "<script></script><a href=\"x>b  c</a><script>d</script>" },
	{ "a script to the end of the page", "<p>x</p><script>if (a < b)",
	    "<p>x</p><script>" },
	{ "white space runs squeezed to their first character",
	    "<p>a  \n\t b</p>\n\n  <p> c </p>",
	    "<p>a b</p>\n<p> c </p>" },
	{ "but not in pre, textarea, and what they hold",
	    "<pre>  x\n\n  <b>y  z</b></pre>  <textarea>a  b</textarea>  x",
	    "<pre>  x\n\n  <b>y  z</b></pre> <textarea>a  b</textarea> x" },
	{ "attributes nobody reads go, the blank before them stays",
	    "<div class=\"x\" onclick=\"go()\" data-a='1' hidden "
	    "style=\"a\">",
	    "<div class=\"x\"   hidden style=\"a\">" },
	{ "valueless ones too; names in any case",
	    "<SCRIPT async SRC=\"a.js\"></SCRIPT><DIV ID=b CLASS='c'>",
	    "<SCRIPT  SRC=\"a.js\"></SCRIPT><DIV ID=b CLASS='c'>" },
	{ "unquoted values stay (the SAX filter drops them)",
	    "<img width=10 src=\"a.png\">", "<img width=10 src=\"a.png\">" },
	{ "no markup at all", "just  text", "just text" },
	{ "a lone <", "a < b <3", "a < b <3" },
};

static void
test_filter(void **state)
{
	size_t		 i, n;
	const char	*s;
	char		*f;

	for (i = 0; i < sizeof filter_cases / sizeof filter_cases[0];
	    i++) {
		s = filter_cases[i].page;
		f = extract_parse_filter(s, strlen(s), &n);
		assert_int_equal(n, strlen(f));
		if (strcmp(f, filter_cases[i].want) != 0)
			fail_msg("%s: \"%s\", want \"%s\"",
			    filter_cases[i].name, f, filter_cases[i].want);
		free(f);
	}
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
	    "<meta name=author content=\"ن\">"
	    "<script type=application/ld+json>{\"headline\": \"عنوان\"}"
	    "</script><script>document.write('<p>fake</p>')</script>"
	    "</head><body><div class=\"article body\" id=main "
	    "onclick=\"go()\" data-track=\"x\" style=\"color: red; DISPLAY "
	    ": none\" dir=rtl lang=fa hidden><p>مرحبا دنیا</p>"
	    "<span style=\"color: red\" role=main aria-hidden=false "
	    "name=n content=c itemprop=headline>ن</span>"
	    "<section role=navigation aria-hidden=true itemprop=author>"
	    "</section>"
	    "<a href=\"/x\" rel=author target=_blank>نویسنده</a>"
	    "<img src=a.png alt=\"تصویر\" srcset=\"a2.png 2x\"></div>"
	    "</body></html>";
	xmlDoc			*doc;
	static const char	*names[] = { "href", "src", NULL };
	xmlNode			*div, *a, *img, *n;
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
	assert_string_equal(dom_attr(div, "style"),
	    "color: red; DISPLAY : none");
	assert_string_equal(dom_attr(div, "dir"), "rtl");
	assert_string_equal(dom_attr(div, "lang"), "fa");
	assert_non_null(dom_attr(div, "hidden"));
	assert_null(dom_attr(div, "onclick"));
	assert_null(dom_attr(div, "data-track"));
	a = find(doc, "a");
	assert_string_equal(dom_attr(a, "href"), "/x");
	/* Until they are made attributes of the tree for the HTML. */
	dom_attrs_to_tree(a, names);
	assert_non_null(xmlHasProp(a, (const xmlChar *)"href"));
	assert_null(xmlHasProp(a, (const xmlChar *)"rel"));
	assert_string_equal(dom_attr(a, "href"), "/x");
	assert_string_equal(dom_attr(a, "rel"), "author");
	assert_string_equal(dom_attr(a, "rel"), "author");
	assert_null(dom_attr(a, "target"));
	/* None is an attribute of the tree: dom_attr() reads them packed
	 * in the node. */
	assert_null(div->properties);
	/* Those whose value or element changes nothing are not kept. */
	n = find(doc, "span");
	assert_null(n->properties);
	assert_null(n->psvi);
	n = find(doc, "section");
	assert_string_equal(dom_attr(n, "role"), "navigation");
	assert_string_equal(dom_attr(n, "aria-hidden"), "true");
	assert_string_equal(dom_attr(n, "itemprop"), "author");
	n = dom_next_sibling(find(doc, "title"));
	assert_string_equal(dom_attr(n, "name"), "author");
	assert_string_equal(dom_attr(n, "content"), "ن");
	img = find(doc, "img");
	assert_string_equal(dom_attr(img, "src"), "a.png");
	assert_string_equal(dom_attr(img, "alt"), "تصویر");
	assert_null(dom_attr(img, "srcset"));
	extract_parse_free(doc);
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
	extract_parse_free(doc);
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
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_long_page),
		cmocka_unit_test(test_stray_bytes_repaired),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
