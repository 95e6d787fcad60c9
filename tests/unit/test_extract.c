/* test_extract.c - the article extractor (extract.h) and what it stands
 * on: the page's encoding (charset.h), lengths and commas in characters
 * (extract_dom.h), metadata, direction, and the "no article" answer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "charset.h"
#include "extract.h"
#include "extract_dom.h"
#include "extract_meta.h"
#include <libxml/HTMLparser.h>

/* Arabic prose long enough to be an article, with Arabic commas. */
#define AR_P1	"<p>أعلنت وزارة الزراعة، صباح الأحد، بدء موسم الحصاد في " \
	"السهول الشمالية، وتوقعت أن يتجاوز إنتاج القمح مليون طن هذا العام " \
	"بفضل الأمطار الغزيرة.</p>"
#define AR_P2	"<p>وقال وزير الزراعة إن الحكومة ستشتري المحصول من " \
	"المزارعين بسعر أعلى من العام الماضي، وإن الصوامع جاهزة لتخزينه " \
	"حتى الربيع المقبل.</p>"
#define AR_P3	"<p>ويخشى المزارعون من ارتفاع كلفة الوقود والأسمدة، " \
	"ويطالبون بدعم إضافي يغطي جزءاً من نفقات النقل إلى مراكز الاستلام.</p>"
#define EN_P	"<p>The harbour authority said the new cranes would arrive " \
	"in spring, weather permitting, and that the quay would reopen to " \
	"container ships before the summer season, when traffic peaks.</p>"

static const struct {
	const char	*name;		/* what the case checks */
	const char	*bytes;
	const char	*content_type;
	const char	*want;
} charset_cases[] = {
	{ "BOM first", "\xef\xbb\xbf<meta charset=windows-1256>x",
	    "text/html; charset=iso-8859-1", "UTF-8" },
	{ "UTF-16LE BOM", "\xff\xfe<\0h\0", NULL, "UTF-16LE" },
	{ "header over meta", "<meta charset=\"windows-1255\">\xe0\xe1\xe2",
	    "text/html; charset=windows-1256", "WINDOWS-1256" },
	{ "meta charset", "<html><meta charset='windows-1256'>\xc7\xe1",
	    NULL, "WINDOWS-1256" },
	{ "meta http-equiv", "<meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=cp1256\">\xc7\xe1", NULL,
	    "WINDOWS-1256" },
	{ "meta that lies about UTF-8 loses",
	    "<meta charset=windows-1256><p>مرحبا</p>", NULL, "UTF-8" },
	{ "header that lies about UTF-8 loses", "<p>שלום</p>",
	    "text/html; charset=iso-8859-1", "UTF-8" },
	{ "UTF-8 with one stray byte is UTF-8",
	    "<p>مرحبا بكم في موقعنا الجديد\xff</p>", NULL, "UTF-8" },
	{ "latin1 means windows-1252", "<meta charset=latin1>caf\xe9",
	    NULL, "WINDOWS-1252" },
	{ "undeclared Arabic bytes", "<p>\xc7\xe1\xda\xd1\xc8\xed\xc9 "
	    "\xe6\xc7\xe1\xe3\xcf\xed\xe4\xc9</p>", NULL, "WINDOWS-1256" },
	{ "undeclared Hebrew bytes", "<p>\xf9\xec\xe5\xed \xf2\xe5\xec\xed"
	    "</p>", NULL, "WINDOWS-1255" },
	{ "lang decides", "<html lang=\"fa\"><p>\xe0\xe1</p>", NULL,
	    "WINDOWS-1256" },
	{ "Latin text", "<p>Le caf\xe9 de la gare ferme \xe0 minuit</p>",
	    NULL, "WINDOWS-1252" },
	{ "ASCII", "<p>plain</p>", NULL, "UTF-8" },
};

static void
test_charset_detect(void **state)
{
	size_t	i, n;
	char	*enc;

	for (i = 0; i < sizeof charset_cases / sizeof charset_cases[0];
	    i++) {
		n = strlen(charset_cases[i].bytes);
		if (strncmp(charset_cases[i].name, "UTF-16", 6) == 0)
			n = 6;
		enc = charset_detect(charset_cases[i].bytes, n,
		    charset_cases[i].content_type);
		if (strcmp(enc, charset_cases[i].want) != 0)
			fail_msg("%s: got %s", charset_cases[i].name, enc);
		free(enc);
	}
}

static void
test_charset_convert(void **state)
{
	char	*u;
	size_t	 n;

	/* windows-1256 to UTF-8. */
	u = charset_to_utf8("\xc7\xe1\xda\xd1\xc8\xed\xc9", 7, "WINDOWS-1256",
	    &n);
	assert_string_equal(u, "العربية");
	assert_int_equal(n, strlen("العربية"));
	free(u);
	/* Bad UTF-8 and NUL become U+FFFD; the BOM goes. */
	u = charset_to_utf8("\xef\xbb\xbf" "a\xff" "b\0c", 8, "UTF-8", &n);
	assert_int_equal(n, 9);
	assert_memory_equal(u, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c", 9);
	free(u);
	/* UTF-16LE without its BOM. */
	u = charset_to_utf8("\xff\xfe\x27\x06\x44\x06", 6, "UTF-16LE", &n);
	assert_string_equal(u, "ال");
	free(u);
	/* A sequence cut by the end of a download is repaired. */
	u = charset_to_utf8("ab\xd8", 3, "UTF-8", &n);
	assert_string_equal(u, "ab\xef\xbf\xbd");
	free(u);
}

static void
test_commas_and_lengths(void **state)
{
	static const uint32_t	commas[] = {
		',', 0x060C, 0x3001, 0xFF0C, 0xFE50, 0x2E41
	};
	size_t			i, k;
	xmlDoc			*d;
	xmlNode			*p;

	for (i = 0; i < sizeof commas / sizeof commas[0]; i++)
		assert_true(dom_is_comma(commas[i]));
	assert_false(dom_is_comma(0x061B));	/* Arabic semicolon */
	assert_false(dom_is_comma('a'));
	/* Characters, not bytes; white space runs count one; trimmed. */
	d = xmlNewDoc((const xmlChar *)"1.0");
	p = xmlNewDocNode(d, NULL, (const xmlChar *)"p",
	    (const xmlChar *)"  سلام،   دنیا، 世界、x  ");
	xmlDocSetRootElement(d, p);
	assert_int_equal(dom_text_len(p, &k), 16);
	assert_int_equal(k, 3);
	xmlFreeDoc(d);
}

/* Extract the page s with no options; fails the test on an error. */
static void
extract_ok(const char *s, struct extract *x)
{
	char	*cause = NULL;

	if (extract_page(s, strlen(s), NULL, x, &cause) != 0)
		fail_msg("extract_page: %s", cause);
}

static void
test_article_and_furniture(void **state)
{
	struct extract	x;

	extract_ok("<html lang=ar><head><title>الحصاد | موقع</title></head>"
	    "<body><nav class=menu><a href=/>الرئيسية</a></nav>"
	    "<div class=article-body>" AR_P1 AR_P2 AR_P3 AR_P1 AR_P2 AR_P3
	    "</div>"
	    "<div class=sidebar><ul><li><a href=/1>خبر آخر عن الطقس</a></li>"
	    "</ul></div><div style='display: none'>نص مخفي</div>"
	    "<div class=comments><p>تعليق القارئ على الخبر هنا.</p></div>"
	    "</body></html>", &x);
	assert_non_null(strstr(x.text, "بدء موسم الحصاد"));
	assert_non_null(strstr(x.text, "مراكز الاستلام."));
	assert_null(strstr(x.text, "الرئيسية"));
	assert_null(strstr(x.text, "خبر آخر"));
	assert_null(strstr(x.text, "تعليق"));
	assert_null(strstr(x.text, "مخفي"));
	/* Paragraphs apart by a blank line. */
	assert_non_null(strstr(x.text, "الغزيرة.\n\nوقال"));
	assert_int_equal(x.dir, DIR_RTL);
	assert_string_equal(x.lang, "ar");
	assert_string_equal(x.charset, "UTF-8");
	assert_non_null(strstr(x.html, "dir=\"rtl\""));
	extract_clear(&x);
}

/* A short last paragraph joins the article when it ends a sentence,
 * with ؟ as well as with a full stop. */
static void
test_sentence_end(void **state)
{
	struct extract	x;

	extract_ok("<html dir=rtl><body><div><div class=story>" AR_P1 AR_P2
	    AR_P3 "</div><p>هل تنخفض أسعار الخبز؟</p>"
	    "<p>اقرأ المزيد</p></div></body></html>", &x);
	assert_non_null(strstr(x.text, "هل تنخفض أسعار الخبز؟"));
	assert_null(strstr(x.text, "اقرأ المزيد"));
	extract_clear(&x);
}

static const struct {
	const char	*name;
	const char	*html;
	enum dir	 dir;
} dir_cases[] = {
	{ "dir attribute", "<html dir=ltr><body><div>" AR_P1 AR_P2 AR_P3
	    "</div></body></html>", DIR_LTR },
	/* The text leans a little left; its language is Arabic. */
	{ "lang", "<html lang=ar><body><div>" EN_P EN_P AR_P1 AR_P2
	    "</div></body></html>", DIR_RTL },
	{ "no lang, same text", "<html><body><div>" EN_P EN_P AR_P1 AR_P2
	    "</div></body></html>", DIR_LTR },
	{ "text, no lang", "<html><body><div>" AR_P1 AR_P2 AR_P3
	    "</div></body></html>", DIR_RTL },
	{ "lang=en over Arabic text", "<html lang=en><body><div>" AR_P1
	    AR_P2 AR_P3 "</div></body></html>", DIR_RTL },
	{ "English", "<html><body><div>" EN_P EN_P EN_P
	    "</div></body></html>", DIR_LTR },
};

static void
test_direction(void **state)
{
	struct extract	x;
	size_t		i;

	for (i = 0; i < sizeof dir_cases / sizeof dir_cases[0]; i++) {
		extract_ok(dir_cases[i].html, &x);
		if (x.dir != dir_cases[i].dir)
			fail_msg("%s: dir %d", dir_cases[i].name, x.dir);
		extract_clear(&x);
	}
}

static void
test_metadata(void **state)
{
	struct extract		 x;
	struct extract_opts	 o = { "https://news.example/ar/2026/a.html",
				    NULL, 0, NULL, NULL };
	char			*cause = NULL;
	const char		*page = "<html><head><title>t - موقع</title>"
	    "<meta property=og:image content=../img/a.jpg>"
	    "<meta property=og:title content='من أوبن غراف'>"
	    "<script type=application/ld+json>{\"@type\": \"NewsArticle\","
	    "\"headline\": \"عنوان &amp; الخبر\", \"author\": [{\"name\":"
	    " \"كريم\"}, {\"name\": \"ليلى\"}], \"datePublished\":"
	    " \"2026-12-02T10:15:00+02:00\", \"publisher\": {\"name\":"
	    " \"الناشر\"}, \"articleBody\": \"JSONLDBODY\"}</script>"
	    "</head><body><div>" AR_P1 AR_P2 AR_P3 "</div></body></html>";

	if (extract_page(page, strlen(page), &o, &x, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(x.title, "عنوان & الخبر");
	assert_string_equal(x.byline, "كريم, ليلى");
	assert_string_equal(x.date, "2026-12-02T10:15:00+02:00");
	assert_int_equal(x.published, 1796199300LL);
	assert_string_equal(x.image, "https://news.example/ar/img/a.jpg");
	assert_string_equal(x.site_name, "الناشر");
	assert_null(strstr(x.text, "JSONLDBODY"));
	assert_null(strstr(x.html, "JSONLDBODY"));
	extract_clear(&x);
}

static void
test_byline_and_time(void **state)
{
	struct extract	x;

	extract_ok("<html><body><div class=post><span class=byline>"
	    "By Jane Roe</span><time datetime=2026-01-05T07:00:00Z>5 Jan"
	    "</time>" EN_P EN_P EN_P "</div></body></html>", &x);
	assert_string_equal(x.byline, "By Jane Roe");
	assert_string_equal(x.date, "2026-01-05T07:00:00Z");
	assert_null(strstr(x.text, "Jane Roe"));
	extract_clear(&x);
}

static void
test_title(void **state)
{
	static const struct {
		const char	*html;
		const char	*want;
	} cases[] = {
		/* The site's name after the last separator goes. */
		{ "<title>فيضانات في الشمال تغمر القرى | شبكة الأنباء</title>",
		    "فيضانات في الشمال تغمر القرى" },
		/* An en dash is a separator too. */
		{ "<title>Council approves new cycling lanes – Courier</title>",
		    "Council approves new cycling lanes" },
		/* Too few words left: the whole title. */
		{ "<title>Home | Site</title>", "Home | Site" },
	};
	xmlDoc	*d;
	char	*t;
	size_t	 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		d = htmlReadMemory(cases[i].html, (int)strlen(cases[i].html),
		    NULL, "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
		t = extract_meta_title(d);
		assert_string_equal(t, cases[i].want);
		free(t);
		xmlFreeDoc(d);
	}
	assert_true(extract_meta_similarity("عنوان الخبر الكبير",
	    "عنوان الخبر الكبير") > 0.99);
	assert_true(extract_meta_similarity("a b", "c d") < 0.01);
}

static void
test_no_article(void **state)
{
	struct extract	 x;
	char		*cause = NULL;
	/* 100 Arabic letters: 200 bytes but under EXTRACT_MIN_TEXT. */
	const char	*short_page = "<html><body><p>"
	    "الخبر قصير جداً ولا يكفي ليكون مقالاً كاملاً في هذه الصفحة "
	    "الصغيرة أبداً</p></body></html>";
	const char	*links = "<html><body><ul>"
	    "<li><a href=/1>أخبار السياسة والاقتصاد والرياضة اليوم</a></li>"
	    "<li><a href=/2>أخبار الثقافة والفنون والمجتمع والصحة</a></li>"
	    "<li><a href=/3>أخبار العالم والمنطقة والطقس والسفر</a></li>"
	    "<li><a href=/4>أخبار التكنولوجيا والعلوم والفضاء</a></li>"
	    "</ul></body></html>";

	assert_true(strlen(short_page) > EXTRACT_MIN_TEXT);
	assert_int_equal(extract_page(short_page, strlen(short_page), NULL,
	    &x, &cause), -1);
	assert_string_equal(cause, "no article found");
	free(cause);
	assert_null(x.text);
	assert_int_equal(extract_page(links, strlen(links), NULL, &x,
	    &cause), -1);
	free(cause);
	assert_int_equal(extract_page("", 0, NULL, &x, &cause), -1);
	free(cause);
}

static int	rereads;

/* extract_opts' reread: a copy of the page arg. */
static char *
reread_page(const void *arg, size_t *n)
{
	rereads++;
	*n = strlen(arg);
	return strdup(arg);
}

/* A page handed over (extract_page_take(), which frees it before the
 * parse and retries on its filtered bytes, or on the page read again)
 * gives what the same page lent gives: here the article is in a
 * "sidebar", so only the retry without the unlikely candidates' removal
 * finds it. Also in windows-1256. */
static void
test_take_retries(void **state)
{
	static const char	*pages[] = {
		"<html><body><div class=\"sidebar\">" AR_P1 AR_P2 AR_P3
		    "</div><div class=menu><a href=/x>x</a></div>"
		    "</body></html>",
		"<html><head><meta charset=windows-1256></head><body>"
		    "<div class=\"sidebar\"><p>\xc7\xe1\xce\xc8\xd1 "
		    "\xc7\xe1\xed\xe6\xe3, " "</p>" AR_P1 AR_P2 AR_P3
		    "</div></body></html>",
	};
	struct extract		 lent, taken;
	struct extract_opts	 o;
	char			*cause = NULL, *copy;
	size_t			 i;

	memset(&o, 0, sizeof o);
	for (i = 0; i < 2 * sizeof pages / sizeof pages[0]; i++) {
		if (i == sizeof pages / sizeof pages[0]) {
			o.reread = reread_page;
			rereads = 0;
		}
		o.reread_arg = pages[i % 2];
		if (extract_page(pages[i % 2], strlen(pages[i % 2]), &o,
		    &lent, &cause) != 0)
			fail_msg("extract_page: %s", cause);
		copy = strdup(pages[i % 2]);
		assert_non_null(copy);
		if (extract_page_take(copy, strlen(pages[i % 2]), &o, &taken,
		    &cause) != 0)
			fail_msg("extract_page_take: %s", cause);
		assert_non_null(strstr(lent.text, "السهول الشمالية"));
		assert_string_equal(taken.text, lent.text);
		assert_string_equal(taken.html, lent.html);
		assert_string_equal(taken.charset, lent.charset);
		extract_clear(&lent);
		extract_clear(&taken);
	}
	assert_true(rereads >= 2);	/* each page retried, read again */
}

/* The length is in characters: the text of an article counted. */
static void
test_length_in_characters(void **state)
{
	struct extract	x;
	size_t		n = 0;
	const char	*p;

	extract_ok("<html><body><div>" AR_P1 AR_P2 AR_P3
	    "</div></body></html>", &x);
	for (p = x.text; *p != '\0'; p++)
		n += ((unsigned char)*p & 0xC0) != 0x80;
	assert_int_equal(x.length, n);
	assert_true(x.length < strlen(x.text));
	extract_clear(&x);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_charset_detect),
		cmocka_unit_test(test_charset_convert),
		cmocka_unit_test(test_commas_and_lengths),
		cmocka_unit_test(test_article_and_furniture),
		cmocka_unit_test(test_sentence_end),
		cmocka_unit_test(test_direction),
		cmocka_unit_test(test_metadata),
		cmocka_unit_test(test_byline_and_time),
		cmocka_unit_test(test_title),
		cmocka_unit_test(test_no_article),
		cmocka_unit_test(test_take_retries),
		cmocka_unit_test(test_length_in_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
