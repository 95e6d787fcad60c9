/* test_urls.c - the newsboat-compatible urls file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "urls.h"
#include "util.h"

static void
test_parse(void **state)
{
	static const char text[] =
	    "# my feeds\n"
	    "\n"
	    "https://www.aljazeera.net/aljazeerarss news arabic "
	    "\"~\xd8\xa7\xd9\x84\xd8\xac\xd8\xb2\xd9\x8a\xd8\xb1\xd8\xa9\"\n"
	    "   http://feeds.bbci.co.uk/news/rss.xml \"world news\" uk # bbc\n"
	    "ftp://example.com/feed.xml\n"
	    "https://example.com/a \"unterminated\n"
	    "example.com/nofeed\n"
	    "file:///tmp/local.xml local\n"
	    "/srv/feeds/x.atom\n"
	    "\"https://quoted.example/rss\" \"tag \\\"q\\\"\"\n"
	    "query:unread:unread = \"yes\"\n"
	    "https:///nohost\r\n"
	    "https://crlf.example/rss tag\r\n";
	struct urls	u = { 0 };

	urls_parse(text, strlen(text), "urls", &u);
	assert_int_equal(u.n, 6);
	assert_string_equal(u.v[5].url, "https://crlf.example/rss");
	assert_string_equal(u.v[0].url,
	    "https://www.aljazeera.net/aljazeerarss");
	assert_int_equal(u.v[0].line, 3);
	assert_int_equal(u.v[0].ntags, 2);
	assert_string_equal(u.v[0].tags[0], "news");
	assert_string_equal(u.v[0].tags[1], "arabic");
	assert_string_equal(u.v[0].name,
	    "\xd8\xa7\xd9\x84\xd8\xac\xd8\xb2\xd9\x8a\xd8\xb1\xd8\xa9");
	assert_string_equal(u.v[1].url,
	    "http://feeds.bbci.co.uk/news/rss.xml");
	assert_int_equal(u.v[1].ntags, 2);
	assert_string_equal(u.v[1].tags[0], "world news");
	assert_null(u.v[1].name);
	assert_string_equal(u.v[2].url, "file:///tmp/local.xml");
	assert_string_equal(u.v[3].url, "/srv/feeds/x.atom");
	assert_string_equal(u.v[4].url, "https://quoted.example/rss");
	assert_string_equal(u.v[4].tags[0], "tag \"q\"");

	assert_int_equal(u.nwarnings, 5);
	assert_non_null(strstr(u.warnings[0], "urls:5: unsupported URL"));
	assert_string_equal(u.warnings[1], "urls:6: unterminated quote");
	assert_non_null(strstr(u.warnings[2], "urls:7: not a URL"));
	assert_non_null(strstr(u.warnings[3], "urls:11: unsupported"));
	assert_string_equal(u.warnings[4], "urls:12: URL without a host");
	urls_free(&u);
	/* the last line had \r\n */
	urls_parse("https://crlf.example/rss tag\r\n", 30, "u", &u);
	assert_int_equal(u.n, 1);
	assert_string_equal(u.v[0].url, "https://crlf.example/rss");
	assert_string_equal(u.v[0].tags[0], "tag");
	assert_int_equal(urls_find(&u, "https://crlf.example/rss"), 0);
	assert_int_equal(urls_find(&u, "https://other/"), -1);
	urls_free(&u);
}

static void
test_local(void **state)
{
	char	*p;

	assert_true(urls_is_local("file:///tmp/x"));
	assert_true(urls_is_local("/tmp/x"));
	assert_true(urls_is_local("./x.xml"));
	assert_false(urls_is_local("https://x/"));
	p = urls_local_path("file:///tmp/x.xml");
	assert_string_equal(p, "/tmp/x.xml");
	free(p);
	p = urls_local_path("file://localhost/tmp/x.xml");
	assert_string_equal(p, "/tmp/x.xml");
	free(p);
	assert_null(urls_local_path("http://x/"));
}

static void
test_format_roundtrip(void **state)
{
	char		*tags[] = { "news", "two words", "q\"uote" };
	char		*line;
	struct urls	 u = { 0 };

	line = urls_format("https://e.example/rss?a=1#x", "BBC \xd8\xb9", tags,
	    3);
	assert_string_equal(line, "https://e.example/rss?a=1#x news "
	    "\"two words\" \"q\\\"uote\" \"~BBC \xd8\xb9\"");
	urls_parse(line, strlen(line), "u", &u);
	assert_int_equal(u.n, 1);
	assert_string_equal(u.v[0].url, "https://e.example/rss?a=1#x");
	assert_string_equal(u.v[0].name, "BBC \xd8\xb9");
	assert_int_equal(u.v[0].ntags, 3);
	assert_string_equal(u.v[0].tags[2], "q\"uote");
	urls_free(&u);
	free(line);
}

static void
test_append_keeps_content(void **state)
{
	char		 dir[] = "/tmp/akhbar-urls-XXXXXX";
	char		*path, *text, *cause = NULL;
	char		*lines[] = { "https://a.example/rss tag" };
	size_t		 len;
	FILE		*f;

	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/sub/urls", dir);
	assert_int_equal(urls_append(path, lines, 1, &cause), 0);
	f = fopen(path, "w");
	fputs("# mine\nhttps://old.example/rss", f);	/* no newline */
	fclose(f);
	assert_int_equal(urls_append(path, lines, 1, &cause), 0);
	text = util_read_file(path, 4096, &len, &cause);
	assert_string_equal(text, "# mine\nhttps://old.example/rss\n"
	    "https://a.example/rss tag\n");
	free(text);
	unlink(path);
	free(path);
	path = xasprintf("%s/sub", dir);
	rmdir(path);
	free(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_local),
		cmocka_unit_test(test_format_roundtrip),
		cmocka_unit_test(test_append_keeps_content),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
