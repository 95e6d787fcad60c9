/*
 * test_saved.c - the saved-article format: file names from hostile
 * titles, header sanitizing and folding, write/parse round trips,
 * saved_write() never overwriting and being idempotent, sniffing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "util.h"
#include "utf8.h"
#include "article.h"
#include "saved.h"

#define DAY	1714982400	/* 2024-05-06T08:00:00Z */

static char	long_title[1101];
static char	long_arabic[2001];

static const struct {
	const char	*title;
	int64_t		 date;
	const char	*name;		/* NULL: only the safety checks */
} names[] = {
	{ "Gaza talks resume in Cairo", DAY,
	    "2024-05-06-gaza-talks-resume-in-cairo.txt" },
	{ "قمة عربية في الرياض", DAY,
	    "2024-05-06-قمة-عربية-في-الرياض.txt" },
	/* Persian: the ZWNJ is dropped, not turned into a dash. */
	{ "می\xe2\x80\x8cخواهم", DAY, "2024-05-06-میخواهم.txt" },
	{ "../../etc/passwd", DAY, "2024-05-06-etc-passwd.txt" },
	{ "..", DAY, "2024-05-06-article.txt" },
	{ ".hidden", 0, "undated-hidden.txt" },
	{ "-rf --no-preserve-root", DAY, "2024-05-06-rf-no-preserve-root.txt" },
	{ "\x1b[2J\x1b]0;pwned\x07title", DAY, "2024-05-06-title.txt" },
	/* RLO makes "txt.exe" look like "exe.txt": it goes. */
	{ "invoice\xe2\x80\xaetxt.exe", DAY, "2024-05-06-invoicetxt-exe.txt" },
	{ "a\tb\nc\rd\x7f" "e", DAY, "2024-05-06-a-b-c-de.txt" },
	{ "C:\\Windows\\System32", DAY, "2024-05-06-c-windows-system32.txt" },
	{ "", DAY, "2024-05-06-article.txt" },
	{ NULL, 0, "undated-article.txt" },
	{ "!!!???", DAY, "2024-05-06-article.txt" },
	{ "Ünïcödé NFD: e\xcc\x81", DAY, "2024-05-06-ünïcödé-nfd-é.txt" },
	{ "bad \xff\xfe utf8", DAY, "2024-05-06-bad-utf8.txt" },
	{ long_title, DAY, NULL },
	{ long_arabic, DAY, NULL },
};

static void
check_safe(const char *name)
{
	uint32_t	cp;
	size_t		i = 0, n = strlen(name);

	assert_true(n > 4 && n <= SAVED_NAME_MAX);
	assert_null(strchr(name, '/'));
	assert_null(strstr(name, ".."));
	assert_true(name[0] != '.' && name[0] != '-');
	assert_string_equal(name + n - 4, ".txt");
	while (i < n) {
		i += utf8_decode(name + i, n - i, &cp);
		assert_int_not_equal(cp, UTF8_REPLACEMENT);
		assert_true(utf8_is_printable(cp) || cp == 0x200C);
		assert_false(utf8_is_bidi_control(cp));
	}
}

static void
test_filenames(void **state)
{
	struct saved_meta	m;
	size_t			i;
	char			*name;

	memset(long_title, 'x', sizeof long_title - 1);
	for (i = 0; i + 2 < sizeof long_arabic; i += 2)
		memcpy(long_arabic + i, i % 10 == 8 ? "\xd9\x8e" : "\xd8\xb9",
		    2);	/* ع with a fatha now and then */
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		memset(&m, 0, sizeof m);
		m.title = (char *)names[i].title;
		m.date = names[i].date;
		name = saved_filename(&m);
		check_safe(name);
		if (names[i].name != NULL)
			assert_string_equal(name, names[i].name);
		free(name);
	}
	/* Long titles are cut at a character, leaving room for "-999". */
	m.title = long_arabic;
	name = saved_filename(&m);
	assert_true(strlen(name) <= SAVED_NAME_MAX - 4);
	/* The cut never leaves a letter without its mark. */
	assert_true(strlen(name) > 80);
	free(name);
}

static void
test_format_parse(void **state)
{
	struct saved_meta	 m = { 0 }, r;
	struct doc		*d;
	char			*s, *cause = NULL;
	size_t			 n, off;
	int			 html;

	m.title = "Line one\nline\ttwo \x1b[31mred\xe2\x80\xae";
	m.feed = "الجزيرة";
	m.author = "";
	m.link = "https://example.com/a";
	m.tags = "news, عربي";
	m.date = DAY;
	s = saved_format(&m, "<p>body \0x</p>", 14, 1, &n);
	assert_true(saved_sniff(s, n));
	assert_non_null(strstr(s, "\nTitle: Line one line two red\n"));
	assert_null(strstr(s, "Author:"));
	assert_non_null(strstr(s, "\nDate: 2024-05-06T08:00:00Z\n"));
	assert_non_null(strstr(s, "\nContent-Type: text/html; charset=utf-8"
	    "\n\n<p>body x</p>\n"));
	assert_int_equal(saved_parse(s, n, &r, &off, &html, &cause), 0);
	assert_string_equal(r.title, "Line one line two red");
	assert_string_equal(r.feed, "الجزيرة");
	assert_null(r.author);
	assert_string_equal(r.tags, "news, عربي");
	assert_int_equal(r.date, DAY);
	assert_true(html);
	assert_string_equal(s + off, "<p>body x</p>\n");
	saved_meta_clear(&r);
	d = article_parse_saved(s, n, &r, &cause);
	assert_non_null(d);
	assert_string_equal(d->title, "Line one line two red");
	assert_int_equal(d->nblocks, 2);
	assert_int_equal(d->blocks[0].level, 0);
	doc_free(d);
	saved_meta_clear(&r);
	free(s);

	/* Not a saved file; CRLF headers; unknown headers ignored. */
	assert_int_equal(saved_parse("hello", 5, &r, &off, &html, &cause),
	    -1);
	free(cause);
	cause = NULL;
	assert_false(saved_sniff("akhbar-article: 10\n", 19));
	s = "akhbar-article: 1\r\nTitle: T\r\nX-Future: y\r\n\r\nbody";
	assert_int_equal(saved_parse(s, strlen(s), &r, &off, &html, &cause),
	    0);
	assert_string_equal(r.title, "T");
	assert_false(html);
	assert_string_equal(s + off, "body");
	saved_meta_clear(&r);
	/* The format is chosen by the first line whatever the name. */
	assert_int_equal(article_format("x.html", s, strlen(s)),
	    ARTICLE_SAVED);
	assert_int_equal(article_format("x.md", "# a", 3), ARTICLE_MARKDOWN);
	assert_int_equal(article_format("x.txt", "<p>a</p>", 8), ARTICLE_TEXT);
}

static void
check_info(const char *type, int64_t length, const char *want)
{
	char	*got = saved_enclosure_info(type, length);

	if (want == NULL)
		assert_null(got);
	else
		assert_string_equal(got, want);
	free(got);
}

/* The enclosure's size in people's units, and the Enclosure header line
 * round-tripped; a file without it parses as before. */
static void
test_enclosure(void **state)
{
	struct saved_meta	 m = { 0 }, r;
	char			*s, *e, *cause = NULL;
	size_t			 n, off;
	int			 html;

	check_info("audio/mpeg", 12345678, "audio/mpeg, 12.3 MB");
	check_info("audio/mpeg", 0, "audio/mpeg");
	check_info(NULL, 1, "1 byte");
	check_info("", 999, "999 bytes");
	check_info(NULL, 1000, "1.0 kB");
	check_info(NULL, 999960, "1.0 MB");	/* not "1000.0 kB" */
	check_info("video/mp4", 734003200, "video/mp4, 734.0 MB");
	check_info(NULL, 4700000000LL, "4.7 GB");
	check_info(NULL, 999999999999999999LL, "1.0 EB");
	check_info(NULL, -5, NULL);
	check_info(NULL, 0, NULL);
	e = saved_enclosure("https://pod.example/1.mp3", "audio/mpeg",
	    12345678);
	assert_string_equal(e, "https://pod.example/1.mp3 (audio/mpeg, "
	    "12.3 MB)");
	free(e);
	e = saved_enclosure("https://pod.example/1.mp3", NULL, 0);
	assert_string_equal(e, "https://pod.example/1.mp3");
	free(e);
	assert_null(saved_enclosure("", "audio/mpeg", 5));
	assert_null(saved_enclosure(NULL, "audio/mpeg", 5));

	m.title = "\xd9\xbe\xd8\xa7\xd8\xaf\xda\xa9\xd8\xb3\xd8\xaa \xd8\xae\xd8\xa8\xd8\xb1";
	m.link = "https://example.ir/p/1";
	m.tags = "podcast";
	m.enclosure = "https://example.ir/p/1.mp3 (audio/mpeg, 12.3 MB)";
	s = saved_format(&m, "text", 4, 0, &n);
	assert_non_null(strstr(s, "\nTags: podcast\nEnclosure: "
	    "https://example.ir/p/1.mp3 (audio/mpeg, 12.3 MB)\n"
	    "Content-Type: text/plain"));
	assert_int_equal(saved_parse(s, n, &r, &off, &html, &cause), 0);
	assert_string_equal(r.enclosure, m.enclosure);
	assert_string_equal(r.title, m.title);
	assert_string_equal(s + off, "text\n");
	saved_meta_clear(&r);
	free(s);
	/* without an enclosure: no line, and parsing gives NULL */
	m.enclosure = NULL;
	s = saved_format(&m, "text", 4, 0, &n);
	assert_null(strstr(s, "Enclosure"));
	assert_int_equal(saved_parse(s, n, &r, &off, &html, &cause), 0);
	assert_null(r.enclosure);
	saved_meta_clear(&r);
	free(s);
}

static size_t
count_files(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	size_t		 n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
test_write(void **state)
{
	struct saved_meta	 m = { 0 };
	struct stat		 st1, st2;
	char			 dir[] = "/tmp/akhbar-test-saved-XXXXXX";
	char			*p1, *p2, *p3, *cause = NULL, *data;
	size_t			 len;

	assert_non_null(mkdtemp(dir));
	m.title = "قمة عربية";
	m.date = DAY;
	assert_int_equal(saved_write(dir, &m, "one", 3, 0, &p1, &cause), 0);
	assert_non_null(strstr(p1, "/2024-05-06-قمة-عربية.txt"));
	assert_int_equal(stat(p1, &st1), 0);
	/* Same content: nothing written, same path. */
	sleep(1);
	assert_int_equal(saved_write(dir, &m, "one", 3, 0, &p2, &cause), 1);
	assert_string_equal(p1, p2);
	assert_int_equal(stat(p1, &st2), 0);
	assert_int_equal(st1.st_mtime, st2.st_mtime);
	assert_int_equal(st1.st_ino, st2.st_ino);
	free(p2);
	/* Different content, same name: a new file, the old one kept. */
	assert_int_equal(saved_write(dir, &m, "two", 3, 0, &p2, &cause), 0);
	assert_non_null(strstr(p2, "/2024-05-06-قمة-عربية-2.txt"));
	assert_int_equal(saved_write(dir, &m, "two", 3, 0, &p3, &cause), 1);
	assert_string_equal(p2, p3);
	free(p3);
	assert_int_equal(saved_write(dir, &m, "three", 5, 0, &p3, &cause), 0);
	assert_non_null(strstr(p3, "-3.txt"));
	data = util_read_file(p1, 1 << 20, &len, &cause);
	assert_non_null(data);
	assert_non_null(strstr(data, "\n\none\n"));
	free(data);
	/* No temporary file is left behind. */
	assert_int_equal(count_files(dir), 3);
	/* A directory that is not there fails with a cause. */
	assert_int_equal(saved_write("/nonexistent/dir", &m, "x", 1, 0, NULL,
	    &cause), -1);
	assert_non_null(cause);
	free(cause);
	unlink(p1);
	unlink(p2);
	unlink(p3);
	free(p1);
	free(p2);
	free(p3);
	assert_int_equal(rmdir(dir), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filenames),
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_enclosure),
		cmocka_unit_test(test_write),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
