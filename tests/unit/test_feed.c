/* test_feed.c - the streaming feed parser: fields, priorities, links,
 * encodings pushed a byte at a time, JSON Feed, limits and errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "feed.h"
#include "util.h"

#define MAX_ITEMS 8

struct got {
	int	 n;
	int	 stop_after;
	char	*title[MAX_ITEMS], *link[MAX_ITEMS], *content[MAX_ITEMS];
	char	*author[MAX_ITEMS], *enclosure[MAX_ITEMS], *cats[MAX_ITEMS];
	char	*id[MAX_ITEMS], *etype[MAX_ITEMS];
	int64_t	 elen[MAX_ITEMS];
	int	 html[MAX_ITEMS];
	int64_t	 date[MAX_ITEMS];
	size_t	 title_len[MAX_ITEMS], content_len[MAX_ITEMS];
};

static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

static int
collect(const struct feed_item *it, void *arg)
{
	struct got	*g = arg;
	int		 i = g->n++;

	if (i >= MAX_ITEMS)
		return 1;
	g->title[i] = dup_or_null(it->title);
	g->link[i] = dup_or_null(it->link);
	g->content[i] = dup_or_null(it->content);
	g->author[i] = dup_or_null(it->author);
	g->enclosure[i] = dup_or_null(it->enclosure);
	g->etype[i] = dup_or_null(it->enclosure_type);
	g->elen[i] = it->enclosure_length;
	g->cats[i] = dup_or_null(it->categories);
	g->id[i] = dup_or_null(it->id);
	g->html[i] = it->content_html;
	g->date[i] = it->date;
	g->title_len[i] = it->title ? strlen(it->title) : 0;
	g->content_len[i] = it->content ? strlen(it->content) : 0;
	return g->stop_after != 0 && g->n >= g->stop_after;
}

static void
got_free(struct got *g)
{
	int	i;

	for (i = 0; i < g->n && i < MAX_ITEMS; i++) {
		free(g->title[i]); free(g->link[i]); free(g->content[i]);
		free(g->author[i]); free(g->enclosure[i]); free(g->cats[i]);
		free(g->id[i]); free(g->etype[i]);
	}
}

static const char rss[] =
"<?xml version='1.0'?>\n"
"<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'"
" xmlns:dc='http://purl.org/dc/elements/1.1/'"
" xmlns:media='http://search.yahoo.com/mrss/'><channel>"
"<title>Feed T</title><link>https://ex.com/</link>"
"<item><title> A &amp; B </title><link>/a/1</link>"
"<description>short</description>"
"<content:encoded><![CDATA[<p>long</p>]]></content:encoded>"
"<author>a@ex.com</author><dc:creator>Ali</dc:creator>"
"<media:content url='m.jpg'/><enclosure url='/e.mp3'/>"
"<category>x</category><category>y</category>"
"<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>"
"<dc:date>2020-01-01</dc:date>"
"<guid isPermaLink='false'>g1</guid></item>"
"<item><title>two</title><guid>https://ex.com/p/2</guid>"
"<media:group><media:content url='https://cdn.ex.com/2.jpg'/>"
"</media:group></item>"
"</channel></rss>";

static void
test_rss_fields(void **state)
{
	struct got		 g = { 0 };
	struct feed_info	 info;
	char			*cause = NULL;

	assert_int_equal(feed_parse(rss, sizeof rss - 1,
	    "https://ex.com/feed.xml", collect, &g, &info, &cause), 0);
	assert_null(cause);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.title[0], "A & B");
	assert_string_equal(g.link[0], "https://ex.com/a/1");
	assert_string_equal(g.content[0], "<p>long</p>");
	assert_int_equal(g.html[0], 1);
	assert_string_equal(g.author[0], "Ali");
	assert_string_equal(g.enclosure[0], "https://ex.com/e.mp3");
	assert_string_equal(g.cats[0], "x|y");
	assert_string_equal(g.id[0], "g1");
	assert_int_equal(g.date[0], 1055217600);
	/* guid permalink becomes the link; media:content inside a group */
	assert_string_equal(g.link[1], "https://ex.com/p/2");
	assert_string_equal(g.enclosure[1], "https://cdn.ex.com/2.jpg");
	assert_null(g.content[1]);
	assert_int_equal(g.date[1], 0);
	assert_string_equal(info.title, "Feed T");
	assert_string_equal(info.link, "https://ex.com/");
	assert_string_equal(info.format, "rss");
	feed_info_clear(&info);
	got_free(&g);
}

/* Parse a fixture pushed one byte at a time and whole; same items. */
static void
push_bytewise(const char *path, struct got *g, struct feed_info *info)
{
	struct feed_parser	*p;
	char			*data, *cause = NULL;
	size_t			 len, i;

	data = util_read_file(path, 1 << 20, &len, &cause);
	assert_non_null(data);
	p = feed_parser_create(NULL, collect, g);
	for (i = 0; i < len; i++)
		assert_int_equal(feed_parser_push(p, data + i, 1, &cause), 0);
	assert_int_equal(feed_parser_finish(p, info, &cause), 0);
	feed_parser_free(p);
	free(data);
}

static void
test_encodings_bytewise(void **state)
{
	static const char	*files[] = {
		"tests/in/feeds/rss-windows-1256.xml",
		"tests/in/feeds/rss-iso-8859-6.xml",
		"tests/in/feeds/rss-utf16le-bom.xml",
	};
	struct got		 g;
	struct feed_info	 info;
	size_t			 i;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		memset(&g, 0, sizeof g);
		push_bytewise(files[i], &g, &info);
		assert_int_equal(g.n, 2);
		assert_string_equal(info.title, "صحيفة المثال");
		assert_string_equal(g.title[1],
		    "افتتاح معرض الكتاب الدولي بمشاركة 500 دار نشر");
		assert_string_equal(g.cats[0], "سياسة");
		assert_int_equal(g.date[0], 1707902400);
		feed_info_clear(&info);
		got_free(&g);
	}
}

static void
test_atom_xhtml_base(void **state)
{
	struct got		 g = { 0 };
	struct feed_info	 info;

	push_bytewise("tests/in/feeds/atom1-hebrew.xml", &g, &info);
	assert_int_equal(g.n, 3);
	assert_string_equal(info.format, "atom");
	assert_string_equal(info.link, "https://he.example.co.il/");
	assert_string_equal(g.link[0],
	    "https://he.example.co.il/politics/2024/04/budget");
	assert_string_equal(g.enclosure[0],
	    "https://he.example.co.il/audio/budget.mp3");
	assert_string_equal(g.author[0], "דנה כהן");
	assert_string_equal(g.cats[0], "politics|economy");
	/* type=html title reduced to text */
	assert_string_equal(g.title[0],
	    "הכנסת אישרה את התקציב בקריאה שנייה & שלישית");
	/* xhtml: wrapper div dropped, text re-escaped, links resolved */
	assert_int_equal(strncmp(g.content[0], "<p>", 3), 0);
	assert_non_null(strstr(g.content[0], "&amp; <img src=\""
	    "https://he.example.co.il/img/knesset.jpg\" alt=\"הכנסת\"> 3 &lt; 4"));
	assert_null(strstr(g.content[0], "div"));
	assert_int_equal(g.html[0], 1);
	assert_string_equal(g.title[2], "Weather: heavy rain in the north");
	assert_string_equal(g.content[2], "Rain & wind expected until Thursday.");
	assert_int_equal(g.html[2], 0);
	feed_info_clear(&info);
	got_free(&g);
}

static void
test_json_feed(void **state)
{
	struct got		 g = { 0 };
	struct feed_info	 info;

	push_bytewise("tests/in/feeds/jsonfeed11.json", &g, &info);
	assert_int_equal(g.n, 2);
	assert_string_equal(info.format, "json");
	assert_string_equal(g.author[0], "ليلى حسن, Omar Saleh");
	assert_string_equal(g.author[1], "فريق التحرير");
	assert_string_equal(g.id[1], "43");
	assert_string_equal(g.cats[0], "انتخابات|محليات");
	assert_int_equal(g.html[0], 1);
	assert_int_equal(g.html[1], 0);
	assert_int_equal(g.date[0], 1718216100);
	feed_info_clear(&info);
	got_free(&g);
}

static void
expect_error(const char *doc, const char *prefix, const char *part)
{
	struct got	 g = { 0 };
	char		*cause = NULL;

	assert_int_equal(feed_parse(doc, strlen(doc), NULL, collect, &g,
	    NULL, &cause), -1);
	assert_non_null(cause);
	if (strncmp(cause, prefix, strlen(prefix)) != 0 ||
	    strstr(cause, part) == NULL)
		fail_msg("cause \"%s\"", cause);
	free(cause);
	got_free(&g);
}

static void
test_errors(void **state)
{
	struct buf	deep = { 0 };
	int		i;

	expect_error("<rss><channel><item><title>x</titl></item>"
	    "</channel></rss>", "line 1, column ", "mismatch");
	expect_error("", "line 1, column 1: ", "empty");
	expect_error("  \n ", "line 1, column 1: ", "empty");
	expect_error("<html><body/></html>", "line 1, column ",
	    "not an RSS or Atom feed");
	expect_error("<!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;\">]>"
	    "<rss><channel><item><title>&b;</title></item></channel></rss>",
	    "line 1, column ", "not expanded");
	expect_error("{\"version\": \"https://jsonfeed.org/version/1.1\",\n"
	    "  \"items\": [ oops ] }", "line 2, column ", "");
	expect_error("{\"title\": \"no version\", \"items\": []}",
	    "line 1, column 1: ", "not a JSON Feed");
	buf_puts(&deep, "<rss>");
	for (i = 0; i < 10000; i++)
		buf_puts(&deep, "<x>");
	expect_error(deep.data, "line 1, column ", "nested deeper than 255");
	buf_free(&deep);
}

static void
test_limits(void **state)
{
	struct buf	 doc = { 0 };
	struct got	 g = { 0 };
	char		*cause = NULL;
	size_t		 i;

	buf_puts(&doc, "<rss><channel><item><title>");
	for (i = 0; i < 100000; i++)
		buf_puts(&doc, "\xd8\xb3");	/* 2-byte Arabic letter */
	buf_puts(&doc, "</title><description>");
	for (i = 0; i < 5 * 1024 * 1024 / 8; i++)
		buf_puts(&doc, "abcdefgh");
	buf_puts(&doc, "</description></item></channel></rss>");
	assert_int_equal(feed_parse(doc.data, doc.len, NULL, collect, &g,
	    NULL, &cause), 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.title_len[0], 64 * 1024);
	assert_int_equal(g.content_len[0], 4 * 1024 * 1024);
	buf_free(&doc);
	got_free(&g);
}

static void
test_stop(void **state)
{
	struct got	 g = { 0 };
	char		*cause = NULL;

	g.stop_after = 1;
	assert_int_equal(feed_parse(rss, sizeof rss - 1, NULL, collect, &g,
	    NULL, &cause), 0);
	assert_int_equal(g.n, 1);
	got_free(&g);
}

static void
test_trailing_garbage(void **state)
{
	static const char	 doc[] = "<rss><channel><item><title>t</title>"
				    "</item></channel></rss><junk>&bad</junk>";
	struct got		 g = { 0 };
	char			*cause = NULL;

	assert_int_equal(feed_parse(doc, sizeof doc - 1, NULL, collect, &g,
	    NULL, &cause), 0);
	assert_int_equal(g.n, 1);
	got_free(&g);
}

/* Enclosures keep their type and length in all three formats; a hostile
 * type or a length that is not a plain number becomes unknown. */
static const char encl_rss[] =
"<rss version='2.0' xmlns:media='http://search.yahoo.com/mrss/'>"
"<channel><title>\xd8\xa8\xd9\x88\xd8\xaf\xda\xa9\xd8\xb3\xd8\xaa</title>"
"<item><title>\xd9\x82\xd8\xb3\xd9\x85\xd8\xaa \xdb\xb1</title><guid>p1</guid>"
"<media:content url='https://cdn.ex.ir/t.jpg' type='image/jpeg' "
"fileSize='2048'/>"
"<enclosure url='https://cdn.ex.ir/e1.mp3' type=' Audio/MPEG ' "
"length='12345678'/></item>"
"<item><title>two</title><guid>p2</guid>"
"<enclosure url='https://cdn.ex.ir/e2.mp3' "
"type='audio/mpeg&#x202e;' length='12MB'/></item>"
"<item><title>three</title><guid>p3</guid>"
"<enclosure url='https://cdn.ex.ir/e3.ogg' "
"type='audio/ogg; codecs=opus' length='-5'/></item>"
"<item><title>four</title><guid>p4</guid>"
"<enclosure url='https://cdn.ex.ir/e4.mp4' type='video' "
"length='99999999999999999999'/></item>"
"<item><title>five</title><guid>p5</guid>"
"<media:content url='https://cdn.ex.ir/v.mp4' type='video/mp4' "
"fileSize=' 734003200 '/></item>"
"<item><title>six</title><guid>p6</guid></item>"
"</channel></rss>";

static const char encl_atom[] =
"<feed xmlns='http://www.w3.org/2005/Atom'><title>Kan</title>"
"<entry><id>a1</id><title>\xd7\x97\xd7\x93\xd7\xa9\xd7\x95\xd7\xaa</title>"
"<link href='https://kan.example/a1'/>"
"<link rel='enclosure' href='/pod/a1.m4a' type='audio/mp4' "
"length='48000000'/></entry>"
"<entry><id>a2</id><title>two</title>"
"<link rel='enclosure' href='/pod/a2.m4a' "
"type='audio/mp4/x' length='0x10'/></entry>"
"</feed>";

static const char encl_json[] =
"{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Pod\","
" \"items\": [{\"id\": \"j1\", \"title\": \"Episode one\","
" \"content_text\": \"Talk about the summit.\","
" \"attachments\": [{\"url\": \"https://pod.example/1.mp3\","
" \"mime_type\": \"audio/mpeg\", \"size_in_bytes\": 89478485}]},"
" {\"id\": \"j2\", \"title\": \"Episode two\","
" \"content_text\": \"More.\","
" \"attachments\": [{\"url\": \"https://pod.example/2.mp3\","
" \"mime_type\": \"audio/mpeg\\u001b[31m\", \"size_in_bytes\": -1}]},"
" {\"id\": \"j3\", \"title\": \"Episode three\","
" \"content_text\": \"Last.\","
" \"attachments\": [{\"url\": \"https://pod.example/3.mp3\","
" \"size_in_bytes\": \"1e9\"}]}]}";

static void
test_enclosure_type_length(void **state)
{
	struct got		 g = { 0 };
	char			*cause = NULL;

	assert_int_equal(feed_parse(encl_rss, sizeof encl_rss - 1,
	    "https://ex.ir/feed", collect, &g, NULL, &cause), 0);
	assert_int_equal(g.n, 6);
	/* the enclosure replaces media:content, and its type and length
	 * come with it (trimmed, lowercased) */
	assert_string_equal(g.enclosure[0], "https://cdn.ex.ir/e1.mp3");
	assert_string_equal(g.etype[0], "audio/mpeg");
	assert_int_equal(g.elen[0], 12345678);
	/* a bidi override in the type, a length with a unit: unknown */
	assert_string_equal(g.enclosure[1], "https://cdn.ex.ir/e2.mp3");
	assert_null(g.etype[1]);
	assert_int_equal(g.elen[1], 0);
	/* parameters dropped; a negative length is unknown */
	assert_string_equal(g.etype[2], "audio/ogg");
	assert_int_equal(g.elen[2], 0);
	/* no subtype; a length that overflows */
	assert_string_equal(g.enclosure[3], "https://cdn.ex.ir/e4.mp4");
	assert_null(g.etype[3]);
	assert_int_equal(g.elen[3], 0);
	/* media:content's fileSize */
	assert_string_equal(g.etype[4], "video/mp4");
	assert_int_equal(g.elen[4], 734003200);
	/* nothing carried over to an item without an enclosure */
	assert_null(g.enclosure[5]);
	assert_null(g.etype[5]);
	assert_int_equal(g.elen[5], 0);
	got_free(&g);

	memset(&g, 0, sizeof g);
	assert_int_equal(feed_parse(encl_atom, sizeof encl_atom - 1,
	    "https://kan.example/feed", collect, &g, NULL, &cause), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.enclosure[0], "https://kan.example/pod/a1.m4a");
	assert_string_equal(g.link[0], "https://kan.example/a1");
	assert_string_equal(g.etype[0], "audio/mp4");
	assert_int_equal(g.elen[0], 48000000);
	assert_string_equal(g.enclosure[1], "https://kan.example/pod/a2.m4a");
	assert_null(g.etype[1]);
	assert_int_equal(g.elen[1], 0);
	got_free(&g);

	memset(&g, 0, sizeof g);
	assert_int_equal(feed_parse(encl_json, sizeof encl_json - 1, NULL,
	    collect, &g, NULL, &cause), 0);
	assert_null(cause);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.enclosure[0], "https://pod.example/1.mp3");
	assert_string_equal(g.etype[0], "audio/mpeg");
	assert_int_equal(g.elen[0], 89478485);
	/* an escape sequence in the type, a negative size */
	assert_string_equal(g.enclosure[1], "https://pod.example/2.mp3");
	assert_null(g.etype[1]);
	assert_int_equal(g.elen[1], 0);
	assert_null(g.etype[2]);
	assert_int_equal(g.elen[2], 0);
	got_free(&g);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_rss_fields),
		cmocka_unit_test(test_encodings_bytewise),
		cmocka_unit_test(test_atom_xhtml_base),
		cmocka_unit_test(test_json_feed),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_trailing_garbage),
		cmocka_unit_test(test_enclosure_type_length),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
