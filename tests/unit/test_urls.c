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

#include "fetch_exec.h"
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

/* Per-feed key=value settings after the URL, among tags. */
static void
test_settings(void **state)
{
	static const char text[] =
	    "https://www.aljazeera.net/rss news interval=30 max-articles=200 "
	    "keep-days=7 user-agent=\"Mozilla/5.0 (X11; Linux)\" "
	    "header=\"X-Token: abc\" header=\"Accept-Language: ar\" "
	    "auth=netrc cookies=/tmp/c.txt proxy=http://127.0.0.1:3128 "
	    "fulltext=yes direction=rtl "
	    "name=\"\xd8\xa7\xd9\x84\xd8\xac\xd8\xb2\xd9\x8a\xd8\xb1\xd8\xa9 "
	    "\xd9\x86\xd8\xaa\" arabic\n"
	    "https://b.example/rss colour=red interval=soon header=nocolon "
	    "direction=up fulltext=maybe Tag=x \"two words\"\n"
	    "https://c.example/rss header=\"X-A: 1\r\"\n"
	    "https://d.example/rss user-agent=\"unterminated\n";
	struct urls		 u = { 0 };
	const struct urls_entry	*e;

	urls_parse(text, strlen(text), "urls", &u);
	assert_int_equal(u.n, 3);
	e = &u.v[0];
	assert_string_equal(e->url, "https://www.aljazeera.net/rss");
	assert_int_equal(e->ntags, 2);
	assert_string_equal(e->tags[0], "news");
	assert_string_equal(e->tags[1], "arabic");
	assert_int_equal(e->opts.interval, 30);
	assert_int_equal(e->opts.max_articles, 200);
	assert_int_equal(e->opts.keep_days, 7);
	assert_string_equal(e->opts.user_agent, "Mozilla/5.0 (X11; Linux)");
	assert_int_equal(e->opts.nheaders, 2);
	assert_string_equal(e->opts.headers[0], "X-Token: abc");
	assert_string_equal(e->opts.headers[1], "Accept-Language: ar");
	assert_int_equal(e->opts.auth_netrc, 1);
	assert_string_equal(e->opts.cookies, "/tmp/c.txt");
	assert_string_equal(e->opts.proxy, "http://127.0.0.1:3128");
	assert_int_equal(e->opts.fulltext, 1);
	assert_int_equal(e->opts.direction, URLS_DIR_RTL);
	assert_string_equal(e->name, "\xd8\xa7\xd9\x84\xd8\xac\xd8\xb2"
	    "\xd9\x8a\xd8\xb1\xd8\xa9 \xd9\x86\xd8\xaa");
	/* bad settings are warned about, the line and its tags kept */
	e = &u.v[1];
	assert_string_equal(e->url, "https://b.example/rss");
	assert_int_equal(e->ntags, 2);
	assert_string_equal(e->tags[0], "Tag=x");	/* not a key */
	assert_string_equal(e->tags[1], "two words");
	assert_int_equal(e->opts.interval, 0);
	assert_int_equal(e->opts.nheaders, 0);
	assert_int_equal(e->opts.fulltext, -1);
	assert_int_equal(e->opts.direction, URLS_DIR_UNSET);
	/* a CR in a header would split the request */
	assert_int_equal(u.v[2].opts.nheaders, 0);
	assert_int_equal(u.nwarnings, 7);
	assert_string_equal(u.warnings[0],
	    "urls:2: unknown setting 'colour' ignored");
	assert_string_equal(u.warnings[1],
	    "urls:2: bad value for interval ignored (want a whole number)");
	assert_string_equal(u.warnings[2],
	    "urls:2: bad value for header ignored (want \"Name: value\")");
	assert_string_equal(u.warnings[3], "urls:2: bad value for direction "
	    "ignored (want rtl, ltr or auto)");
	assert_string_equal(u.warnings[4],
	    "urls:2: bad value for fulltext ignored (want yes or no)");
	assert_string_equal(u.warnings[5], "urls:3: bad value for header "
	    "ignored (control character in value)");
	assert_string_equal(u.warnings[6], "urls:4: unterminated quote");
	urls_free(&u);
}

/* user:pass@ is taken out of the URL and decoded. */
static void
test_credentials(void **state)
{
	static const char text[] =
	    "https://ali:p%40ss%3Aw@feeds.example/rss?k=a@b news\n"
	    "http://only@feeds.example:8080/a\n"
	    "https://plain.example/x@y\n";
	struct urls	 u = { 0 };
	char		*user, *pw, *s;

	urls_parse(text, strlen(text), "urls", &u);
	assert_int_equal(u.n, 3);
	assert_string_equal(u.v[0].url, "https://feeds.example/rss?k=a@b");
	assert_string_equal(u.v[0].user, "ali");
	assert_string_equal(u.v[0].password, "p@ss:w");
	assert_string_equal(u.v[1].url, "http://feeds.example:8080/a");
	assert_string_equal(u.v[1].user, "only");
	assert_null(u.v[1].password);
	assert_string_equal(u.v[2].url, "https://plain.example/x@y");
	assert_null(u.v[2].user);
	urls_free(&u);
	s = urls_strip_auth("/srv/a@b.xml", &user, &pw);
	assert_string_equal(s, "/srv/a@b.xml");
	assert_null(user);
	free(s);
}

/* urls_format_opts() writes what urls_parse() reads back. */
static void
test_opts_roundtrip(void **state)
{
	static const char text[] = "https://a.example/rss interval=15 "
	    "keep-days=30 header=\"X-Q: \\\"quoted\\\" #x\" auth=netrc "
	    "fulltext=no direction=auto user-agent=\"a b\"\n";
	struct urls	 u = { 0 }, v = { 0 };
	char		*opts, *line;

	urls_parse(text, strlen(text), "urls", &u);
	assert_int_equal(u.nwarnings, 0);
	assert_string_equal(u.v[0].opts.headers[0], "X-Q: \"quoted\" #x");
	opts = urls_format_opts(&u.v[0].opts);
	assert_string_equal(opts, " interval=15 keep-days=30 "
	    "user-agent=\"a b\" header=\"X-Q: \\\"quoted\\\" #x\" "
	    "auth=netrc fulltext=no direction=auto");
	line = xasprintf("%s%s", u.v[0].url, opts);
	urls_parse(line, strlen(line), "urls", &v);
	assert_int_equal(v.nwarnings, 0);
	assert_int_equal(v.v[0].opts.interval, 15);
	assert_int_equal(v.v[0].opts.keep_days, 30);
	assert_string_equal(v.v[0].opts.headers[0], "X-Q: \"quoted\" #x");
	assert_string_equal(v.v[0].opts.user_agent, "a b");
	assert_int_equal(v.v[0].opts.fulltext, 0);
	assert_int_equal(v.v[0].opts.direction, URLS_DIR_AUTO);
	free(opts);
	free(line);
	urls_free(&u);
	urls_free(&v);
}

/* exec:/filter: sources: split into argv like a shell, without one. */
static void
test_script_sources(void **state)
{
	static const char text[] =
	    "\"exec:/bin/feed --name 'نشرة الأخبار' \\\"a b\\\"\" scripts\n"
	    "\"filter:tr a-z A-Z:https://u:p@x.example/rss?a=1\"\n"
	    "filter:/bin/f\n"
	    "exec:\n";
	struct urls	 u = { 0 };
	char		**argv, *cmd, *url;
	int		 argc;

	urls_parse(text, strlen(text), "urls", &u);
	assert_int_equal(u.n, 2);
	assert_string_equal(u.v[0].url,
	    "exec:/bin/feed --name 'نشرة الأخبار' \"a b\"");
	assert_string_equal(u.v[0].tags[0], "scripts");
	/* the filter's URL loses its credentials like any URL */
	assert_string_equal(u.v[1].url,
	    "filter:tr a-z A-Z:https://x.example/rss?a=1");
	assert_string_equal(u.v[1].user, "u");
	assert_int_equal(u.nwarnings, 2);
	assert_string_equal(u.warnings[0], "urls:3: filter: wants "
	    "filter:PROGRAM:URL (an http or https URL)");
	assert_string_equal(u.warnings[1],
	    "urls:4: exec: or filter: without a program");
	assert_int_equal(fetch_exec_source(u.v[0].url, &cmd, &url), 0);
	assert_null(url);
	argv = fetch_exec_argv(cmd, &argc);
	assert_int_equal(argc, 4);
	assert_string_equal(argv[0], "/bin/feed");
	assert_string_equal(argv[2], "نشرة الأخبار");
	assert_string_equal(argv[3], "a b");
	assert_null(argv[4]);
	fetch_exec_argv_free(argv);
	free(cmd);
	assert_int_equal(fetch_exec_source(u.v[1].url, &cmd, &url), 0);
	assert_string_equal(cmd, "tr a-z A-Z");
	assert_string_equal(url, "https://x.example/rss?a=1");
	free(cmd);
	free(url);
	assert_null(fetch_exec_argv("prog 'unbalanced", &argc));
	assert_int_equal(fetch_exec_source("https://x/", &cmd, &url), -1);
	urls_free(&u);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_local),
		cmocka_unit_test(test_format_roundtrip),
		cmocka_unit_test(test_append_keeps_content),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_credentials),
		cmocka_unit_test(test_opts_roundtrip),
		cmocka_unit_test(test_script_sources),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
