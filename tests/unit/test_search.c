/* test_search.c - the store's full-text search: normalisation (harakat,
 * hamza, ة/ه, Persian letters, digits, case), proclitics, phrases, exact
 * words, HTML markup not indexed, the index kept in sync on update and
 * trim and on changes made by SQL, the migrations from schemas 2 and 3,
 * the rebuild for new terms, filters, malformed and hostile
 * queries. Runs against :memory: and temporary store files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "feed.h"
#include "html.h"
#include "match.h"
#include "search.h"
#include "store.h"
#include "utf8.h"
#include "util.h"

struct found {
	int64_t	 id[64];
	char	*title[64];
	int64_t	 date[64];
	int	 n;
	int	 stop_after;	/* 0: never stop */
};

static int
collect(const struct store_article *a, void *arg)
{
	struct found	*f = arg;

	if (f->n < 64) {
		f->id[f->n] = a->id;
		f->title[f->n] = xstrdup(a->title != NULL ? a->title : "");
		f->date[f->n] = a->date;
		f->n++;
	}
	return f->stop_after > 0 && f->n >= f->stop_after;
}

static void
found_free(struct found *f)
{
	int	i;

	for (i = 0; i < f->n; i++)
		free(f->title[i]);
	f->n = 0;
}

/* The articles every test searches: title, HTML or text body. */
static const struct feed_item corpus[] = {
	{ .id = "harakat", .title = "تصريح الرَّئِيسُ الجديد",
	    .content = "<p>قال الرئيـــس إن الوضع هادئ.</p>", .content_html = 1,
	    .date = 1700000001 },
	{ .id = "hamza", .title = "Profile",
	    .content = "زار احمد مدينة ادلب أمس ودرس في مدرسه قديمة",
	    .date = 1700000002 },
	{ .id = "clitic", .title = "قصف",
	    .content = "<p>سقطت قذائف بإدلب وقال للرئيس</p>", .content_html = 1,
	    .date = 1700000003 },
	{ .id = "maktaba", .title = "افتتاح مكتبة عامة",
	    .content = "<p>مكتبة جديدة</p>", .content_html = 1,
	    .date = 1700000004 },
	{ .id = "persian", .title = "سفر به ایران",
	    .content = "کتاب تازه در سال ۲۰۲۳ منتشر شد", .date = 1700000005 },
	{ .id = "digits", .title = "انتخابات ٢٠٢٤",
	    .content = "<p>results of the vote</p>", .content_html = 1,
	    .date = 1700000006 },
	{ .id = "english", .title = "REUTERS: Gaza talks",
	    .content = "<div class=\"story\"><p>A <b>new</b> proposal was "
	    "made.</p><a href=\"https://zebra.example/x\">read more</a>"
	    "<script>var secretword = 1;</script><style>.q{}</style></div>",
	    .content_html = 1, .date = 1700000007 },
	{ .id = "reverse", .title = "Proposal new",
	    .content = "the proposal, new and old", .date = 1700000008 },
};
#define NCORPUS	(sizeof corpus / sizeof *corpus)

static struct store *
open_corpus(int64_t *feed)
{
	struct store_update	*u;
	struct store		*st;
	char			*cause = NULL;
	size_t			 i;

	st = store_open(":memory:", &cause);
	assert_non_null(st);
	assert_int_equal(store_feed_add(st, "https://a.example/feed", NULL,
	    feed, &cause), 0);
	u = store_update_begin(st, *feed, 0, &cause);
	assert_non_null(u);
	for (i = 0; i < NCORPUS; i++)
		assert_int_equal(store_update_item(u, &corpus[i], &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
	return st;
}

/* The number of matches of query; *first gets the newest one's title. */
static int
hits(struct store *st, const char *query, char **first)
{
	struct found	 f = { 0 };
	char		*cause = NULL;
	int		 n;

	if (store_search(st, query, NULL, collect, &f, &cause) != 0) {
		print_error("query '%s': %s\n", query, cause);
		free(cause);
		return -1;
	}
	n = f.n;
	if (first != NULL)
		*first = n > 0 ? xstrdup(f.title[0]) : NULL;
	found_free(&f);
	return n;
}

/* Does query find exactly one article, the one whose title is title? */
static void
finds(struct store *st, const char *query, const char *title)
{
	char	*first = NULL;
	int	 n = hits(st, query, &first);

	if (n != 1 || strcmp(first, title) != 0)
		fail_msg("'%s': %d hits, first '%s', want '%s'", query, n,
		    first != NULL ? first : "(none)", title);
	free(first);
}

static void
misses(struct store *st, const char *query)
{
	char	*first = NULL;
	int	 n = hits(st, query, &first);

	if (n != 0)
		fail_msg("'%s': %d hits (first '%s'), want none", query, n,
		    first);
	free(first);
}

static void
test_normalisation(void **state)
{
	int64_t		 feed;
	struct store	*st = open_corpus(&feed);

	/* harakat and tatweel, both ways */
	finds(st, "الرئيس هادئ", "تصريح الرَّئِيسُ الجديد");
	finds(st, "الرَّئيس الجديد", "تصريح الرَّئِيسُ الجديد");
	/* hamza forms: أحمد finds احمد, إدلب finds ادلب */
	finds(st, "أحمد", "Profile");
	finds(st, "آحمد", "Profile");
	/* ة and ه: مدرسة finds مدرسه */
	finds(st, "مدرسة", "Profile");
	finds(st, "قديمه", "Profile");
	/* Persian ی ک and Arabic ي ك, either way */
	finds(st, "إيران", "سفر به ایران");
	finds(st, "كتاب", "سفر به ایران");
	finds(st, "ایران", "سفر به ایران");
	/* digits: Arabic-Indic, Persian, ASCII */
	finds(st, "2024", "انتخابات ٢٠٢٤");
	finds(st, "٢٠٢٤", "انتخابات ٢٠٢٤");
	finds(st, "۲۰۲۳", "سفر به ایران");
	finds(st, "2023", "سفر به ایران");
	/* English case, any ending */
	finds(st, "reuters", "REUTERS: Gaza talks");
	finds(st, "GAZA", "REUTERS: Gaza talks");
	finds(st, "Reuter", "REUTERS: Gaza talks");
	store_close(st);
}

static void
test_clitics(void **state)
{
	int64_t		 feed;
	struct store	*st = open_corpus(&feed);

	/* إدلب finds an article with only بإدلب, and one with ادلب */
	assert_int_equal(hits(st, "إدلب", NULL), 2);
	finds(st, "قذائف إدلب", "قصف");
	/* the article after لل: الرئيس finds للرئيس */
	assert_int_equal(hits(st, "الرئيس", NULL), 2);
	finds(st, "للرئيس", "قصف");
	/* no match inside a word: كتاب does not find مكتبة */
	finds(st, "مكتبة", "افتتاح مكتبة عامة");
	assert_int_equal(hits(st, "كتاب", NULL), 1);
	misses(st, "تبة");
	/* =WORD: the exact word, no proclitic, no ending */
	finds(st, "=ادلب", "Profile");
	finds(st, "=بإدلب", "قصف");
	misses(st, "=دلب");
	finds(st, "بإدلب", "قصف");
	misses(st, "=reuter");
	finds(st, "=reuters", "REUTERS: Gaza talks");
	store_close(st);
}

static void
test_phrases_and(void **state)
{
	int64_t		 feed;
	struct store	*st = open_corpus(&feed);

	/* words are ANDed, in any order, title or body */
	assert_int_equal(hits(st, "proposal new", NULL), 2);
	finds(st, "reuters proposal", "REUTERS: Gaza talks");
	misses(st, "reuters zzz");
	/* a phrase keeps its order and needs the words side by side */
	finds(st, "\"new proposal\"", "REUTERS: Gaza talks");
	finds(st, "\"proposal new\"", "Proposal new");
	finds(st, "\"proposal, new\"", "Proposal new");
	misses(st, "\"talks proposal\"");
	/* a phrase with a proclitic on its first word */
	finds(st, "\"إدلب وقال\"", "قصف");
	store_close(st);
}

static void
test_html_not_indexed(void **state)
{
	int64_t		 feed;
	struct store	*st = open_corpus(&feed);
	char		*text;

	misses(st, "div");
	misses(st, "href");
	misses(st, "class");
	misses(st, "story");
	misses(st, "zebra");
	misses(st, "https");
	misses(st, "secretword");
	misses(st, "var");
	finds(st, "read more", "REUTERS: Gaza talks");
	/* <b>new</b> is a word of the text */
	finds(st, "\"a new proposal\"", "REUTERS: Gaza talks");
	/* text bodies are text: tags in them are words */
	text = search_body_text("<p>x</p>", 0);
	assert_string_equal(text, "<p>x</p>");
	free(text);
	text = search_body_text("<p>A<b>b</b>c</p><p>D&amp;e</p>", 1);
	assert_string_equal(text, "abc d&e");
	free(text);
	/* invalid UTF-8 becomes U+FFFD, which separates words */
	text = search_body_text("<p>ab\xff\xfe cd\xd8</p>", 1);
	assert_string_equal(text, "ab\xef\xbf\xbd\xef\xbf\xbd cd"
	    "\xef\xbf\xbd");
	free(text);
	text = search_body_text("x\xc3", 0);
	assert_string_equal(text, "x\xef\xbf\xbd");
	free(text);
	store_close(st);
}

/*
 * An HTML body without markup or references skips libxml2: the text
 * (hence the terms) must be what the parser makes of it. Random bodies
 * of pieces that libxml2 treats specially or not: spaces of every kind,
 * controls, U+FFFE, byte order marks, invalid UTF-8, Arabic with
 * harakat and proclitics, decomposed letters; and a few with entities
 * and tags, which take the parser's path either way.
 */
static void
test_plain_body_text(void **state)
{
	static const char *const piece[] = {
		"a", "Z", "9", "word", " ", "  ", "\t", "\n", "\r\n", "\r",
		"\xd8\xa8\xd8\xa5\xd8\xaf\xd9\x84\xd8\xa8",	/* بإدلب */
		"\xd9\x84\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3", /* للرئيس */
		"\xd8\xa7\xd9\x84", "\xd9\x8e", "\xd9\x80", "\xd9\xa2",
		"\xc3\xa9", "e\xcc\x81", "\xc2\xa0", "\xc2\x85", "\x7f",
		"\xe2\x80\x8f", "\xe2\x80\x8b", "\xef\xbb\xbf", "\xef\xbf\xbd",
		"\xef\xbf\xbe", "\xef\xbf\xbf", "\xef\xb7\x90", "\xff",
		"\xd8", "\xed\xa0\x80", "\xc0\xaf", "\xf0\x9f\x98\x80",
		"\xe4\xb8\xad", ">", "]]>", "\"", "'", "=", ";", "#", "-",
		"\x01", "\x0b", "\x0c", "\x1b", "&amp;", "&#1575;", "&lt;",
		"&nbsp;", "&", "&x", "<b>", "</b>", "<p>", "<br>", "<",
		"<!-- c -->", "<script>x</script>",
	};
	char		 body[512], *fast, *slow, *ft, *st, *big;
	uint32_t	 seed = 12345;
	size_t		 np = sizeof piece / sizeof *piece, len, k, i;
	int		 t, plain = 0;

	for (t = 0; t < 20000; t++) {
		len = 0;
		body[0] = '\0';
		seed = seed * 1103515245u + 12345u;
		k = (seed >> 16) % 10;
		for (i = 0; i < k; i++) {
			seed = seed * 1103515245u + 12345u;
			/* the markup pieces (the last 13) one time in 8 */
			if (((seed >> 8) & 7) != 0)
				strcat(body, piece[(seed >> 16) % (np - 13)]);
			else
				strcat(body, piece[np - 13 +
				    (seed >> 16) % 13]);
		}
		len = strlen(body);
		if (strpbrk(body, "<&") == NULL)
			plain++;
		fast = search_body_text(body, 1);
		slow = search_html_text(body);
		if (strcmp(fast, slow) != 0)
			fail_msg("body '%s' (%zu bytes): '%s', parser '%s'",
			    body, len, fast, slow);
		ft = search_terms("t", fast);
		st = search_terms("t", slow);
		assert_string_equal(ft, st);
		free(ft);
		free(st);
		free(fast);
		free(slow);
	}
	assert_true(plain > 5000);
	/* ASCII is looked at eight bytes at a time: a special byte at
	 * every position of a word of them */
	for (k = 0; k < 24; k++) {
		for (i = 0; i < 9; i++) {
			memset(body, 'x', 24);
			body[24] = '\0';
			body[k] = "<&\x01\x1f\x1b\t>=\x7f"[i];
			fast = search_body_text(body, 1);
			slow = search_html_text(body);
			if (strcmp(fast, slow) != 0)
				fail_msg("byte %zu at %zu: '%s', parser '%s'",
				    i, k, fast, slow);
			free(fast);
			free(slow);
		}
	}
	/* long bodies, and one cut at SEARCH_MAX_TEXT in a letter */
	big = xmalloc(SEARCH_MAX_TEXT + 64);
	/* after "abc ", byte SEARCH_MAX_TEXT is the second one of an é */
	memcpy(big, "abc ", 4);
	for (len = 4; len < SEARCH_MAX_TEXT + 8; len += 8)
		memcpy(big + len, ((len - 4) / 8) % 3 == 0 ? "\xd9\x84\xd9\x84\xd8"
		    "\xa8 \r\n" : ((len - 4) / 8) % 3 == 1 ? "\xc3\xa9t\xc3\xa9\t"
		    "ab" : "\xe2\x80\x8f\xd9\xa2 x\xc2\xa0", 8);
	assert_true((unsigned char)big[SEARCH_MAX_TEXT] == 0xa9);
	for (k = 0; k < 3; k++) {
		big[k == 0 ? 300000 : k == 1 ? SEARCH_MAX_TEXT + 8 :
		    SEARCH_MAX_TEXT + 16] = '\0';
		fast = search_body_text(big, 1);
		slow = search_html_text(big);
		assert_true(strlen(fast) > 200000);
		assert_true(strcmp(fast, slow) == 0);
		free(fast);
		free(slow);
	}
	free(big);
	/* entities and tags: the parser's text */
	fast = search_body_text("D&amp;e &#1575;&#1604;\xd8\xaf <b>x</b>y", 1);
	assert_string_equal(fast, "d&e \xd8\xa7\xd9\x84\xd8\xaf xy");
	free(fast);
	fast = search_body_text("\xd9\x88\xd9\x82\xd8\xa7\xd9\x84 "
	    "\xd9\x84\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3\xd9\x8f", 1);
	slow = search_html_text("<p>\xd9\x88\xd9\x82\xd8\xa7\xd9\x84 "
	    "\xd9\x84\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3\xd9\x8f</p>");
	assert_string_equal(fast, slow);
	ft = search_terms(NULL, fast);
	/* وقال قال ·v2igeللر للرييس لرييس رييس الرييس: ئ is folded to
	 * ي; the pair of the two words (·, a hash of the first, three
	 * letters of the second) before the second */
	assert_string_equal(ft, "\xd9\x88\xd9\x82\xd8\xa7\xd9\x84 "
	    "\xd9\x82\xd8\xa7\xd9\x84 "
	    "\xc2\xb7" "v2ige\xd9\x84\xd9\x84\xd8\xb1 "
	    "\xd9\x84\xd9\x84\xd8\xb1\xd9\x8a\xd9\x8a\xd8\xb3 "
	    "\xd9\x84\xd8\xb1\xd9\x8a\xd9\x8a\xd8\xb3 "
	    "\xd8\xb1\xd9\x8a\xd9\x8a\xd8\xb3 "
	    "\xd8\xa7\xd9\x84\xd8\xb1\xd9\x8a\xd9\x8a\xd8\xb3");
	free(ft);
	free(fast);
	free(slow);
}

static void
test_terms(void **state)
{
	char	*t;

	/* every word once, and without a leading proclitic */
	t = search_terms("بإدلب وبإدلب", NULL);
	assert_string_equal(t, "بادلب ادلب \xc2\xb7" "fua7jوبا وبادلب");
	free(t);
	/* and each pair of words next to each other, as written */
	t = search_terms("Hello, hello WORLD", "للرئيس");
	assert_string_equal(t, "hello \xc2\xb7" "gna97hel \xc2\xb7" "gna97wor "
	    "world للرئيس لرئيس رئيس الرئيس");
	free(t);
	t = search_terms(NULL, NULL);
	assert_string_equal(t, "");
	free(t);
}

static void
test_query_parse(void **state)
{
	static const char *bad[] = {
		"", "   ", "\"unterminated", "word \"", "---", "\"...\"",
		"/regex/", "\"/x y/\"", "ًٌٍ",
	};
	static const char *hostile[] = {
		"AND", "OR", "NOT", "a OR b", "NEAR(a b)", "terms:x", "body:x",
		"^x", "x*", "*", "(x", "x)", "{terms}: x", "a + b", "'x'",
		"\"a\" \"b\"", "= x", "=", "x\"y\"", "a-b", "c++", "e-mail",
		"rowid", "\\", "%", "_x_",
	};
	struct search_query	*q;
	struct store		*st;
	const char		*fts, *p, *want;
	char			*cause = NULL;
	int64_t			 feed;
	size_t			 i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		q = search_query_parse(bad[i], &cause);
		if (q != NULL)
			fail_msg("'%s' parsed", bad[i]);
		assert_non_null(cause);
		free(cause);
		cause = NULL;
		assert_int_equal(store_search_check(bad[i], &cause), -1);
		free(cause);
		cause = NULL;
	}
	q = search_query_parse("إدلب \"New York\" =rt", &cause);
	assert_non_null(q);
	/* a phrase is its pairs of words (U+00B7 "·" before and between
	 * them); its first word also after every proclitic, as the
	 * matcher finds it */
	fts = search_query_fts(q);
	want = "\"ادلب\"* AND (\"\xc2\xb7" "tu82ayor\" OR "
	    "\"\xc2\xb7" "sfkd9yor\" OR ";
	assert_true(strncmp(fts, want, strlen(want)) == 0);
	assert_non_null(strstr(fts, " OR \"\xc2\xb7" "d1otkyor\") "
	    "AND \"rt\""));
	for (i = 0, p = fts; (p = strstr(p, " OR ")) != NULL; p++)
		i++;
	assert_int_equal(i, 23);	/* 23 proclitics, not ال-initial */
	assert_false(search_query_exact(q));
	search_query_free(q);
	q = search_query_parse("One two", &cause);
	assert_true(search_query_exact(q));
	search_query_free(q);
	/* ال alone is confirmed: the index has ال + x for every للx */
	q = search_query_parse("ال", &cause);
	assert_false(search_query_exact(q));
	search_query_free(q);
	/* nothing a user types reaches FTS5 as syntax */
	st = open_corpus(&feed);
	for (i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		struct found	f = { 0 };

		if ((q = search_query_parse(hostile[i], &cause)) == NULL) {
			free(cause);	/* a usage error, not an SQL one */
			cause = NULL;
			continue;
		}
		search_query_free(q);
		if (store_search(st, hostile[i], NULL, collect, &f,
		    &cause) != 0)
			fail_msg("'%s': %s", hostile[i], cause);
		found_free(&f);
	}
	/* a malformed query through the store says "search:" */
	assert_int_equal(store_search(st, "\"x", NULL, collect, NULL,
	    &cause), -1);
	assert_non_null(strstr(cause, "search: "));
	free(cause);
	store_close(st);
}

static void
test_filter_order(void **state)
{
	struct store_filter	 f = { 0 };
	struct found		 r = { 0 };
	struct store		*st;
	char			*cause = NULL;
	int64_t			 feed, other;
	struct store_update	*u;
	struct feed_item	 it = { .id = "o", .title = "Other proposal",
				    .date = 1600000000 };

	st = open_corpus(&feed);
	assert_int_equal(store_feed_add(st, "https://b.example/", NULL,
	    &other, &cause), 0);
	u = store_update_begin(st, other, 0, &cause);
	assert_int_equal(store_update_item(u, &it, &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
	/* newest first, on both paths (plain word, phrase) */
	assert_int_equal(store_search(st, "proposal", NULL, collect, &r,
	    &cause), 0);
	assert_int_equal(r.n, 3);
	assert_true(r.date[0] > r.date[1] && r.date[1] > r.date[2]);
	assert_string_equal(r.title[2], "Other proposal");
	found_free(&r);
	/* limit and offset count matches */
	f.limit = 1;
	f.offset = 1;
	assert_int_equal(store_search(st, "proposal", &f, collect, &r,
	    &cause), 0);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.title[0], "REUTERS: Gaza talks");
	found_free(&r);
	assert_int_equal(store_search(st, "=proposal", &f, collect, &r,
	    &cause), 0);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.title[0], "REUTERS: Gaza talks");
	found_free(&r);
	/* a feed */
	memset(&f, 0, sizeof f);
	f.feed_id = other;
	assert_int_equal(store_search(st, "proposal", &f, collect, &r,
	    &cause), 0);
	assert_int_equal(r.n, 1);
	found_free(&r);
	/* saved only, unread only */
	memset(&f, 0, sizeof f);
	f.saved_only = 1;
	assert_int_equal(store_search(st, "proposal", &f, collect, &r,
	    &cause), 0);
	assert_int_equal(r.n, 0);
	/* the callback stops the walk */
	r.stop_after = 1;
	assert_int_equal(store_search(st, "\"proposal\"", NULL, collect, &r,
	    &cause), 0);
	assert_int_equal(r.n, 1);
	found_free(&r);
	store_close(st);
}

/* Number of rows of the index. */
static int64_t
fts_rows(const char *db)
{
	sqlite3		*h;
	sqlite3_stmt	*s;
	int64_t		 n = -1;

	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM "
	    "article_fts", -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(h);
	return n;
}

static char *
temp_db(void)
{
	char	path[] = "/tmp/akhbar-search-XXXXXX";
	int	fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	return xasprintf("%s.db", path);
}

static void
test_sync_update_trim(void **state)
{
	struct store_update	*u;
	struct store		*st;
	char			*db = temp_db(), *cause = NULL;
	int64_t			 feed;
	struct feed_item	 a = { .id = "a", .title = "Alpha walrus",
				    .content = "first", .date = 1700000000 };
	struct feed_item	 b = { .id = "b", .title = "Beta",
				    .content = "walrus too", .date = 1700000100 };
	struct feed_item	 c = { .id = "c", .title = "Gamma",
				    .content = "<p>narwhal</p>",
				    .content_html = 1, .date = 1700000200 };

	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_feed_add(st, "https://x.example/", NULL,
	    &feed, &cause), 0);
	u = store_update_begin(st, feed, 0, &cause);
	assert_int_equal(store_update_item(u, &a, &cause), 0);
	assert_int_equal(store_update_item(u, &b, &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
	assert_int_equal(hits(st, "walrus", NULL), 2);
	/* an update changes the title and the body: old words go */
	a.title = "Alpha seal";
	a.content = "second";
	u = store_update_begin(st, feed, 0, &cause);
	assert_int_equal(store_update_item(u, &a, &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
	assert_int_equal(hits(st, "walrus", NULL), 1);
	misses(st, "first");
	finds(st, "seal second", "Alpha seal");
	assert_int_equal(fts_rows(db), 2);
	/* the article limit trims the oldest: it leaves the index too */
	u = store_update_begin(st, feed, 2, &cause);
	assert_int_equal(store_update_item(u, &c, &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
	assert_int_equal(store_count(st, NULL, &cause), 2);
	misses(st, "seal");
	finds(st, "narwhal", "Gamma");
	assert_int_equal(fts_rows(db), 2);
	store_close(st);
	unlink(db);
	free(db);
}

static void	fts_intact(const char *);

/* The index rows of new articles are written at commit, together: an
 * item twice in one document, changed, and new articles trimmed by the
 * limit in the same update leave the index as a row at a time did. */
static void
test_sync_same_update(void **state)
{
	struct store_update	*u;
	struct store		*st;
	char			*db = temp_db(), *cause = NULL;
	int64_t			 feed;
	struct feed_item	 d = { .id = "d", .title = "Okapi",
				    .content = "<p>tapir</p>", .content_html = 1,
				    .date = 1700000000 };
	struct feed_item	 d2 = { .id = "d", .title = "Ibex",
				    .content = "kudu", .date = 1700000000 };
	struct feed_item	 e = { .id = "e", .title = "Eland",
				    .content = "gnu", .date = 1700000100 };
	struct feed_item	 f = { .id = "f", .title = "Oryx",
				    .content = "dikdik", .date = 1700000050 };
	struct feed_item	 g = { .id = "g", .title = "Zorilla",
				    .content = "quagga", .date = 1700000300 };

	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_feed_add(st, "https://x.example/", NULL,
	    &feed, &cause), 0);
	u = store_update_begin(st, feed, 0, &cause);
	assert_int_equal(store_update_item(u, &d, &cause), 0);
	assert_int_equal(store_update_item(u, &e, &cause), 0);
	assert_int_equal(store_update_item(u, &d2, &cause), 0);
	assert_int_equal(store_update_item(u, &f, &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
	misses(st, "okapi");
	misses(st, "tapir");
	finds(st, "ibex kudu", "Ibex");
	finds(st, "gnu", "Eland");
	finds(st, "dikdik", "Oryx");
	assert_int_equal(fts_rows(db), 3);
	/* a limit of 2: the newest new article pushes out two old ones */
	u = store_update_begin(st, feed, 2, &cause);
	assert_int_equal(store_update_item(u, &g, &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
	misses(st, "ibex");
	misses(st, "dikdik");
	finds(st, "gnu", "Eland");
	finds(st, "quagga", "Zorilla");
	assert_int_equal(fts_rows(db), 2);
	/* an aborted update leaves nothing in the index */
	u = store_update_begin(st, feed, 0, &cause);
	d.id = "h";
	assert_int_equal(store_update_item(u, &d, &cause), 0);
	store_update_abort(u);
	misses(st, "okapi");
	assert_int_equal(fts_rows(db), 2);
	store_close(st);
	fts_intact(db);
	unlink(db);
	free(db);
}

/* FTS5's own count of the rows inserted less those deleted: the first
 * varint of its averages record (row 1 of article_fts_data). Unlike
 * count(*), it counts a row inserted twice twice. */
static int64_t
fts_total(const char *db)
{
	sqlite3			*h;
	sqlite3_stmt		*s;
	const unsigned char	*p;
	int64_t			 n = -1;
	int			 i, len;

	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT block FROM "
	    "article_fts_data WHERE id = 1", -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW) {
		p = sqlite3_column_blob(s, 0);
		len = sqlite3_column_bytes(s, 0);
		for (n = 0, i = 0; i < len && i < 9; i++) {
			n = (n << 7) | (p[i] & 0x7f);
			if (!(p[i] & 0x80))
				break;
		}
	}
	sqlite3_finalize(s);
	sqlite3_close(h);
	return n;
}

/* One update of feed with the items it[0..n) and the article limit. */
static void
update(struct store *st, int64_t feed, int64_t limit,
    const struct feed_item *it, size_t n)
{
	struct store_update	*u;
	char			*cause = NULL;
	size_t			 i;

	u = store_update_begin(st, feed, limit, &cause);
	assert_non_null(u);
	for (i = 0; i < n; i++)
		assert_int_equal(store_update_item(u, &it[i], &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
}

/*
 * The index rows a refresh lets wait (store_index_defer()): written when
 * asked, by an update that must write its own rows in its transaction
 * (a limit), kept when that update is rolled back, not written twice
 * when another akhbar's catch-up indexed them first, written at close,
 * and after the process is killed the next update indexes them: the
 * articles were committed, and the index catches up.
 */
static void
test_deferred(void **state)
{
	struct store_update	*u;
	struct store		*st, *st2;
	char			*db = temp_db(), *cause = NULL;
	int64_t			 a, b, c;
	int			 status;
	pid_t			 pid;
	struct feed_item	 it[] = {
		{ .id = "1", .title = "Walrus", .content = "tusk",
		    .date = 1700000000 },
		{ .id = "2", .title = "Narwhal", .content = "<p>horn</p>",
		    .content_html = 1, .date = 1700000100 },
		{ .id = "3", .title = "Okapi", .content = "stripes",
		    .date = 1700000200 },
		{ .id = "4", .title = "Ibex", .content = "cliff",
		    .date = 1700000300 },
		{ .id = "5", .title = "Eland", .content = "savanna",
		    .date = 1700000400 },
		{ .id = "6", .title = "Oryx", .content = "desert",
		    .date = 1700000500 },
		{ .id = "6", .title = "Oryx", .content = "dune",
		    .date = 1700000500 },
		{ .id = "7", .title = "Zorilla", .content = "musk",
		    .date = 1700000600 },
		{ .id = "8", .title = "Quagga", .content = "gone",
		    .date = 1700000700 },
		{ .id = "9", .title = "Kudu", .content = "horns",
		    .date = 1700000800 },
		{ .id = "10", .title = "وبالغزال", .content = "غزلان",
		    .date = 1700000900 },
	};

	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_feed_add(st, "https://a.example/", NULL, &a,
	    &cause), 0);
	assert_int_equal(store_feed_add(st, "https://b.example/", NULL, &b,
	    &cause), 0);
	assert_int_equal(store_feed_add(st, "https://c.example/", NULL, &c,
	    &cause), 0);
	store_index_defer(st, 1);
	update(st, a, 0, it, 2);
	assert_int_equal(fts_rows(db), 0);	/* they wait */
	assert_int_equal(store_index_write(st, &cause), 0);
	assert_int_equal(fts_rows(db), 2);
	finds(st, "walrus tusk", "Walrus");
	finds(st, "horn", "Narwhal");
	/* a changed article is indexed at once, a new one waits */
	it[0].title = "Walrus seal";
	update(st, a, 0, (struct feed_item[]){ it[0], it[2] }, 2);
	assert_int_equal(fts_rows(db), 2);
	/* an update with a limit writes what waits in its transaction */
	update(st, b, 5, &it[3], 1);
	assert_int_equal(fts_rows(db), 4);
	finds(st, "seal tusk", "Walrus seal");
	finds(st, "okapi stripes", "Okapi");
	finds(st, "cliff", "Ibex");
	/* rolled back after writing what waits: it still waits */
	update(st, a, 0, &it[4], 1);
	u = store_update_begin(st, b, 5, &cause);
	assert_int_equal(store_update_item(u, &it[5], &cause), 0);
	assert_int_equal(store_update_item(u, &it[6], &cause), 0);
	store_update_abort(u);
	assert_int_equal(fts_rows(db), 4);
	assert_int_equal(store_index_write(st, &cause), 0);
	assert_int_equal(fts_rows(db), 5);
	finds(st, "savanna", "Eland");
	misses(st, "oryx");
	/* another akhbar's catch-up indexes a waiting row first; it is not
	 * written twice */
	update(st, a, 0, &it[7], 1);
	st2 = store_open(db, &cause);
	assert_non_null(st2);
	update(st2, c, 0, &it[8], 1);
	store_close(st2);
	assert_int_equal(fts_rows(db), 7);
	assert_int_equal(store_index_write(st, &cause), 0);
	fts_intact(db);
	assert_int_equal(fts_rows(db), 7);
	assert_int_equal(fts_total(db), 7);
	finds(st, "zorilla musk", "Zorilla");
	finds(st, "quagga", "Quagga");
	/* closing writes what waits */
	update(st, a, 0, &it[9], 1);
	assert_int_equal(fts_rows(db), 7);
	store_close(st);
	assert_int_equal(fts_rows(db), 8);
	/* killed with a row waiting: the article is kept, and the next
	 * update (here of another feed) indexes it */
	if ((pid = fork()) == 0) {
		st = store_open(db, &cause);
		if (st == NULL)
			_exit(2);
		store_index_defer(st, 1);
		update(st, a, 0, &it[10], 1);
		raise(SIGKILL);
		_exit(3);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_count(st, NULL, &cause), 9);
	assert_int_equal(fts_rows(db), 8);
	update(st, b, 0, NULL, 0);
	assert_int_equal(fts_rows(db), 9);
	assert_int_equal(fts_total(db), 9);
	finds(st, "غزال", "وبالغزال");
	finds(st, "غزلان", "وبالغزال");
	store_close(st);
	fts_intact(db);
	unlink(db);
	free(db);
}

/* A schema 2 store with two articles, as the previous akhbar left it. */
static void
make_v2(const char *db)
{
	sqlite3	*h;

	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
	    "CREATE TABLE feeds(id INTEGER PRIMARY KEY, url TEXT NOT NULL "
	    "UNIQUE, title TEXT, link TEXT, etag TEXT, last_modified TEXT, "
	    "last_error TEXT, last_fetch INTEGER NOT NULL DEFAULT 0, name "
	    "TEXT, retry_after INTEGER NOT NULL DEFAULT 0, moved_to TEXT);"
	    "CREATE TABLE articles(id INTEGER PRIMARY KEY, feed_id INTEGER "
	    "NOT NULL REFERENCES feeds(id), guid TEXT NOT NULL, title TEXT, "
	    "link TEXT, author TEXT, date INTEGER NOT NULL, first_seen "
	    "INTEGER NOT NULL, enclosure TEXT, categories TEXT, unread "
	    "INTEGER NOT NULL DEFAULT 1, saved INTEGER NOT NULL DEFAULT 0, "
	    "updated INTEGER NOT NULL DEFAULT 0, chash INTEGER, "
	    "UNIQUE(feed_id, guid));"
	    "CREATE TABLE bodies(article_id INTEGER PRIMARY KEY, content "
	    "TEXT, content_html INTEGER NOT NULL DEFAULT 0);"
	    "CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN "
	    "DELETE FROM bodies WHERE article_id = old.id; END;"
	    "INSERT INTO feeds(url, title) VALUES('https://old.example/', "
	    "'Old');"
	    "INSERT INTO articles(feed_id, guid, title, date, first_seen) "
	    "VALUES(1, 'g1', 'خبر قديم', 1600000000, 1600000000),"
	    "(1, 'g2', 'Another', 1600000100, 1600000100);"
	    "INSERT INTO bodies VALUES(1, '<p>وصل الوفد إلى بإدلب</p>', 1),"
	    "(2, 'plain <b>text</b> body', 0);"
	    "PRAGMA user_version = 2;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

static void
test_migrate_v2(void **state)
{
	struct store	*st;
	sqlite3		*h;
	sqlite3_stmt	*s;
	char		*db = temp_db(), *cause = NULL, *text, *terms;

	make_v2(db);
	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	finds(st, "ادلب", "خبر قديم");
	finds(st, "الوفد", "خبر قديم");
	finds(st, "قديم", "خبر قديم");
	finds(st, "\"<b>text</b>\"", "Another");
	assert_int_equal(fts_rows(db), 2);
	store_close(st);

	/* rows added behind the store's back are indexed by the search */
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
	    "INSERT INTO articles(feed_id, guid, title, date, first_seen) "
	    "VALUES(1, 'g3', 'Late arrival', 1600000200, 1600000200);"
	    "INSERT INTO bodies VALUES(3, 'okapi', 0);",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	st = store_open(db, &cause);
	assert_non_null(st);
	finds(st, "okapi", "Late arrival");
	assert_int_equal(fts_rows(db), 3);
	/* and a full re-check finds gaps below the highest id (the index
	 * keeps no copy of the terms: it takes a row out given them) */
	text = search_body_text("<p>وصل الوفد إلى بإدلب</p>", 1);
	terms = search_terms("خبر قديم", text);
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "INSERT INTO article_fts("
	    "article_fts, rowid, terms) VALUES('delete', 1, ?1)", -1, &s,
	    NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, terms, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(h);
	free(terms);
	free(text);
	misses(st, "ادلب");
	assert_int_equal(store_search_index(st, &cause), 0);
	finds(st, "ادلب", "خبر قديم");
	/* deleting an article (as a trim does) removes its index row */
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "DELETE FROM articles WHERE id = 2;",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	misses(st, "plain");
	assert_int_equal(fts_rows(db), 2);
	store_close(st);
	unlink(db);
	free(db);
}

/* Run SQL on the store file with the sqlite3 library alone, as the
 * sqlite3 tool would (no akhbar function registered). */
static void
sql(const char *db, const char *text)
{
	sqlite3	*h;
	char	*msg = NULL;

	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	if (sqlite3_exec(h, text, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", text, msg);
	sqlite3_close(h);
}

/* The index's own structure check, on a store file. */
static void
fts_intact(const char *db)
{
	sql(db, "INSERT INTO article_fts(article_fts) "
	    "VALUES('integrity-check');");
}

/* A schema 3 store, as the previous akhbar left it: the index keeps its
 * terms and the normalised body text. */
static void
make_v3(const char *db)
{
	sqlite3		*h;
	sqlite3_stmt	*s;
	char		*text, *terms;
	static const struct { const char *title, *body; int html; } row[] = {
		{ "خبر قديم", "<p>وصل الوفد إلى بإدلب</p>", 1 },
		{ "Another", "plain <b>text</b> body", 0 },
	};
	size_t		 i;

	make_v2(db);
	sql(db, "CREATE VIRTUAL TABLE article_fts USING fts5(terms, "
	    "body UNINDEXED, tokenize = 'ascii', detail = none);"
	    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles "
	    "BEGIN DELETE FROM article_fts WHERE rowid = old.id; END;"
	    "PRAGMA user_version = 3;");
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "INSERT INTO article_fts("
	    "rowid, terms, body) VALUES(?1, ?2, ?3)", -1, &s, NULL),
	    SQLITE_OK);
	for (i = 0; i < 2; i++) {
		text = search_body_text(row[i].body, row[i].html);
		terms = search_terms(row[i].title, text);
		sqlite3_bind_int64(s, 1, (int64_t)i + 1);
		sqlite3_bind_text(s, 2, terms, -1, free);
		sqlite3_bind_text(s, 3, text, -1, free);
		assert_int_equal(sqlite3_step(s), SQLITE_DONE);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	sqlite3_close(h);
}

/* Schema 3 -> 4: the same answers from an index without its copies. */
static void
test_migrate_v3(void **state)
{
	struct store	*st;
	char		*db = temp_db(), *cause = NULL;

	make_v3(db);
	st = store_open(db, &cause);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	finds(st, "ادلب", "خبر قديم");
	finds(st, "=بإدلب", "خبر قديم");
	finds(st, "\"الوفد الى\"", "خبر قديم");
	finds(st, "\"<b>text</b>\"", "Another");
	misses(st, "\"text plain\"");
	assert_int_equal(fts_rows(db), 2);
	store_close(st);
	fts_intact(db);
	unlink(db);
	free(db);
}

/* Titles and bodies changed or deleted by SQL behind akhbar's back (the
 * sqlite3 tool): the triggers keep what the index held, the next search
 * takes it out and indexes the new text. */
static void
test_sql_changes(void **state)
{
	struct store	*st;
	char		*db = temp_db(), *cause = NULL;

	make_v2(db);
	st = store_open(db, &cause);
	assert_non_null(st);
	finds(st, "قديم", "خبر قديم");
	sql(db, "UPDATE articles SET title = 'Walrus news' WHERE id = 1;");
	misses(st, "قديم");
	finds(st, "walrus", "Walrus news");
	finds(st, "الوفد", "Walrus news");
	sql(db, "UPDATE bodies SET content = 'okapi' WHERE article_id = 1;");
	misses(st, "الوفد");
	finds(st, "okapi", "Walrus news");
	/* both changed before the next search: the first copy counts */
	sql(db, "UPDATE articles SET title = 'Seal' WHERE id = 1;"
	    "UPDATE bodies SET content = 'narwhal' WHERE article_id = 1;"
	    "UPDATE articles SET title = 'Seal two' WHERE id = 1;");
	misses(st, "walrus");
	misses(st, "okapi");
	finds(st, "narwhal", "Seal two");
	sql(db, "INSERT OR REPLACE INTO bodies VALUES(2, '<p>lynx</p>', 1);");
	misses(st, "plain");
	finds(st, "lynx", "Another");
	sql(db, "DELETE FROM bodies WHERE article_id = 2;");
	misses(st, "lynx");
	finds(st, "another", "Another");
	/* REPLACE deletes the old row without a DELETE trigger */
	sql(db, "INSERT OR REPLACE INTO articles(id, feed_id, guid, title, "
	    "date, first_seen) VALUES(2, 1, 'g2', 'Zebra', 1600000100, 1);");
	misses(st, "another");
	finds(st, "zebra", "Zebra");
	sql(db, "DELETE FROM articles WHERE id = 1;");
	misses(st, "narwhal");
	assert_int_equal(fts_rows(db), 1);
	store_close(st);
	fts_intact(db);
	unlink(db);
	free(db);
}

/* The newest article deleted by SQL, then a feed update: the new article
 * gets the same id, and must not inherit the old one's terms. */
static void
test_id_reuse(void **state)
{
	struct store_update	*u;
	struct store		*st;
	struct feed_item	 it = { .id = "new", .title = "Fresh",
				    .content = "<p>lemur</p>", .content_html = 1,
				    .date = 1600000300 };
	char			*db = temp_db(), *cause = NULL;

	make_v2(db);
	st = store_open(db, &cause);
	assert_non_null(st);
	finds(st, "plain", "Another");
	sql(db, "DELETE FROM articles WHERE id = 2;");
	u = store_update_begin(st, 1, 0, &cause);
	assert_non_null(u);
	assert_int_equal(store_update_item(u, &it, &cause), 0);
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
	misses(st, "plain");
	finds(st, "lemur", "Fresh");
	finds(st, "fresh", "Fresh");
	assert_int_equal(fts_rows(db), 2);
	store_close(st);
	fts_intact(db);
	unlink(db);
	free(db);
}

/* Terms made by another version are rebuilt when the store opens: the
 * index could not take them out with the new ones. */
static void
test_terms_version(void **state)
{
	struct store	*st;
	char		*db = temp_db(), *cause = NULL;

	make_v2(db);
	st = store_open(db, &cause);
	assert_non_null(st);
	store_close(st);
	/* as if an older normaliser had written "qqq" for article 1 */
	sql(db, "INSERT INTO article_fts(article_fts) VALUES('delete-all');"
	    "INSERT INTO article_fts(rowid, terms) VALUES(1, 'qqq'), "
	    "(2, 'another');"
	    "UPDATE store_meta SET value = 'old' WHERE name = 'search_terms';");
	st = store_open(db, &cause);
	assert_non_null(st);
	misses(st, "qqq");
	finds(st, "ادلب", "خبر قديم");
	finds(st, "plain", "Another");
	assert_int_equal(fts_rows(db), 2);
	store_close(st);
	fts_intact(db);
	unlink(db);
	free(db);
}

/* How many corpus articles the matcher itself finds word in. */
static int
brute_force(const char *word)
{
	struct matcher	*m = matcher_create();
	char		*cause = NULL, *text;
	size_t		 i;
	int		 n = 0;

	assert_int_equal(matcher_add(m, word, &cause), 0);
	for (i = 0; i < NCORPUS; i++) {
		text = search_body_text(corpus[i].content,
		    corpus[i].content_html);
		n += matcher_test(m, corpus[i].title) || matcher_test(m, text);
		free(text);
	}
	matcher_free(m);
	return n;
}

/* The index answers plain words alone (no matcher): it must agree with
 * the matcher on every word of the corpus and on their beginnings. */
static void
test_index_agrees_with_matcher(void **state)
{
	int64_t		 feed;
	struct store	*st = open_corpus(&feed);
	char		*terms, *w, *save = NULL, *text, pre[16];
	size_t		 i, k;
	int		 checked = 0;

	for (i = 0; i < NCORPUS; i++) {
		text = search_body_text(corpus[i].content,
		    corpus[i].content_html);
		terms = search_terms(corpus[i].title, text);
		free(text);
		for (w = strtok_r(terms, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save)) {
			if (hits(st, w, NULL) != brute_force(w))
				fail_msg("'%s': index %d, matcher %d", w,
				    hits(st, w, NULL), brute_force(w));
			/* the first two code points */
			for (k = 0; w[k] != '\0' && k < sizeof pre - 1; k++)
				if (((unsigned char)w[k] & 0xC0) != 0x80 &&
				    k > 0 && (k >= 4 || ((unsigned char)w[0] <
				    0x80 && k >= 2)))
					break;
			memcpy(pre, w, k);
			pre[k] = '\0';
			if (hits(st, pre, NULL) != brute_force(pre))
				fail_msg("'%s': index %d, matcher %d", pre,
				    hits(st, pre, NULL), brute_force(pre));
			checked++;
		}
		free(terms);
	}
	assert_true(checked > 50);
	store_close(st);
}

/* ---- phrases by word pairs ---- */

/* Words of the generated corpus: common ones (every article has some,
 * so words alone give many candidates), Arabic with ال, hamza forms and
 * harakat, and Latin. */
static const char *const phrase_words[] = {
	"النفط", "أسعار", "الرئيس", "وقف", "إطلاق", "النار", "غزة",
	"مدينة", "الأمن", "قال", "إدلب", "السوق", "الحكومة", "الرَّئِيسُ",
	"oil", "prices", "rose", "the", "U.S.", "market", "talks", "peace",
	"peaceful", "prices2024", "ال",
};
/* What may come before a word: Arabic proclitics (لل before an ال word
 * is the contracted ل + ال), or nothing. */
static const char *const phrase_clitics[] = {
	"", "", "", "", "و", "ب", "ف", "ل", "ك", "وب", "وال", "بال", "فبال",
	"لل", "ولل",
};
/* What may come between two words: white space, punctuation, markup. */
static const char *const phrase_seps[] = {
	" ", " ", " ", " ", "  ", "\n", ", ", "، ", ". ", " - ", ": ", "«",
	"» ", " (", ") ", "<b>", "</b> ", "<p>", "</p>", "<br>", "-", "/",
};

#define PHRASE_ARTICLES	300
#define PHRASE_LEN	40	/* words an article */

static uint32_t
phrase_rand(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 16;
}

/* Word w with clitic c in front: ل + ال... is written لل... */
static void
phrase_word(struct buf *b, const char *c, const char *w)
{
	if ((strcmp(c, "لل") == 0 || strcmp(c, "ولل") == 0) &&
	    strncmp(w, "ال", strlen("ال")) == 0 && w[strlen("ال")] != '\0')
		buf_printf(b, "%s%s", c, w + strlen("ال"));
	else if (strcmp(c, "لل") == 0 || strcmp(c, "ولل") == 0)
		buf_printf(b, "%s%s", c + strlen(c) - strlen("ل"), w);
	else
		buf_printf(b, "%s%s", c, w);
}

/* Does the article of index terms t (search_terms()) have the word
 * w[0..n) as a term, or as the start of one when prefix? */
static int
phrase_has(const char *t, const char *w, size_t n, int prefix)
{
	const char	*p, *e;

	for (p = t; *p != '\0'; p = *e == ' ' ? e + 1 : e) {
		if ((e = strchr(p, ' ')) == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) >= n && memcmp(p, w, n) == 0 &&
		    ((size_t)(e - p) == n || prefix))
			return 1;
	}
	return 0;
}

/*
 * The answer before the pairs: the articles whose terms hold every word
 * of the phrase (query, quoted; the last word as a prefix unless =exact
 * or punctuation ends it), confirmed by search_query_test_body().
 */
static size_t
phrase_before(const char *query, char **title, char **body, int *html,
    char **terms, int64_t *want)
{
	struct search_query	*q;
	char			*raw, *norm, *cause = NULL;
	const char		*p, *e;
	size_t			 i, n = 0;
	int			 ok, exact = query[1] == '=';

	q = search_query_parse(query, &cause);
	assert_non_null(q);
	raw = xstrndup(query + 1 + exact, strlen(query) - 2 - exact);
	norm = match_normalize_utf8(raw);
	for (i = 0; i < PHRASE_ARTICLES; i++) {
		ok = 1;
		for (p = norm; ok && *p != '\0'; p = e) {
			uint32_t	cp;

			e = p + utf8_decode(p, strlen(p), &cp);
			if (!match_is_word(cp))
				continue;
			while (*e != '\0' && (utf8_decode(e, strlen(e), &cp),
			    match_is_word(cp)))
				e += utf8_decode(e, strlen(e), &cp);
			ok = phrase_has(terms[i], p, (size_t)(e - p),
			    *e == '\0' && !exact);
		}
		if (ok && search_query_test_body(q, title[i], body[i],
		    html[i]))
			want[n++] = (int64_t)i + 1;
	}
	free(norm);
	free(raw);
	search_query_free(q);
	return n;
}

static int
count_cb(const struct store_article *a, void *arg)
{
	(*(size_t *)arg)++;
	return 0;
}

/* query's answers from the store (both ways) are phrase_before()'s;
 * how many there are. */
static size_t
phrase_check(struct store *st, const char *query, char **title, char **body,
    int *html, char **terms)
{
	int64_t	 want[PHRASE_ARTICLES], *got;
	char	*cause = NULL;
	size_t	 len, ngot, counted = 0;

	len = phrase_before(query, title, body, html, terms, want);
	assert_int_equal(store_search_ids(st, query, &got, &ngot, &cause), 0);
	if (ngot != len || (len > 0 && memcmp(got, want, len *
	    sizeof *want) != 0))
		fail_msg("%s: index %zu, every article %zu", query, ngot, len);
	free(got);
	assert_int_equal(store_search(st, query, NULL, count_cb, &counted,
	    &cause), 0);
	assert_int_equal(counted, len);
	return len;
}

/*
 * Phrases are looked up by their pairs of words (the first one also after
 * every proclitic), then confirmed: the answer must be the one of
 * confirming every article, as before the pairs. A generated corpus
 * of common words with Arabic proclitics (and the contracted لل), hamza
 * forms, harakat, punctuation and markup between words; queries taken
 * from its texts: two to four words, the first without its proclitic or
 * with it, the last cut short (a prefix), with the punctuation kept or
 * as a space, =exact phrases, and random word sequences.
 */
static void
test_phrase_pairs(void **state)
{
	struct store_update	*u;
	struct store		*st;
	struct search_query	*q;
	struct feed_item	 it;
	struct buf		 qb = { 0 }, gb = { 0 };
	char			*title[PHRASE_ARTICLES], *body[PHRASE_ARTICLES];
	char			*terms[PHRASE_ARTICLES], *text;
	char			*cause = NULL, guid[32];
	int			 html[PHRASE_ARTICLES];
	int64_t			 feed;
	size_t			 nw = sizeof phrase_words / sizeof *phrase_words;
	size_t			 nc = sizeof phrase_clitics /
				    sizeof *phrase_clitics;
	size_t			 ns = sizeof phrase_seps / sizeof *phrase_seps;
	unsigned char		(*w)[PHRASE_LEN], (*c)[PHRASE_LEN];
	unsigned char		(*sp)[PHRASE_LEN];
	static const char	*fixed[] = {
		"\"قال ا\"", "\"قال ال\"", "\"قال الن\"", "\"وقف النار\"",
		"\"=وقف النار\"", "\"ال النار\"", "\"ال ال\"", "\"oil p\"",
		"\"oil pr\"", "\"U.S. oil\"", "\"the oil\"", "\"إطلاق ال\"", "\"U.S.\"",
		"\"ال\"", "\"لل النار\"",
	};
	size_t			 i, j, k, len, n, found = 0;
	size_t			 r, at;
	uint32_t		 seed = 42;

	(void)state;
	/* the words of each article (and a last row for random queries) */
	w = xcalloc(PHRASE_ARTICLES + 1, sizeof *w);
	c = xcalloc(PHRASE_ARTICLES + 1, sizeof *c);
	sp = xcalloc(PHRASE_ARTICLES + 1, sizeof *sp);
	st = store_open(":memory:", &cause);
	assert_non_null(st);
	assert_int_equal(store_feed_add(st, "https://p.example/feed", NULL,
	    &feed, &cause), 0);
	u = store_update_begin(st, feed, 0, &cause);
	assert_non_null(u);
	for (i = 0; i < PHRASE_ARTICLES; i++) {
		gb.len = 0;
		buf_puts(&gb, "");
		for (j = 0; j < PHRASE_LEN; j++) {
			w[i][j] = phrase_rand(&seed) % nw;
			c[i][j] = phrase_rand(&seed) % nc;
			sp[i][j] = phrase_rand(&seed) % ns;
			phrase_word(&gb, phrase_clitics[c[i][j]],
			    phrase_words[w[i][j]]);
			buf_puts(&gb, phrase_seps[sp[i][j]]);
		}
		memset(&it, 0, sizeof it);
		snprintf(guid, sizeof guid, "p%zu", i);
		it.id = guid;
		html[i] = i % 3 != 0;
		body[i] = xstrdup(gb.data);
		/* a title of a few of the words, some with no title */
		title[i] = i % 5 == 0 ? NULL : xstrndup(gb.data, 40 +
		    phrase_rand(&seed) % 40);
		/* cut in a character: make it whole again */
		len = title[i] != NULL ? strlen(title[i]) : 0;
		while (len > 0 && ((unsigned char)title[i][len - 1] & 0xC0) ==
		    0x80)
			len--;
		if (len > 0 && (unsigned char)title[i][len - 1] >= 0xC0)
			len--;
		if (title[i] != NULL)
			title[i][len] = '\0';
		it.title = title[i];
		it.content = body[i];
		it.content_html = html[i];
		it.date = 1700000000 + (int64_t)i;
		assert_int_equal(store_update_item(u, &it, &cause), 0);
	}
	assert_int_equal(store_update_commit(u, NULL, NULL, &cause), 0);
	/* the index terms, for the answer before the pairs; ids are
	 * 1, 2, ... as inserted */
	for (i = 0; i < PHRASE_ARTICLES; i++) {
		text = search_body_text(body[i], html[i]);
		terms[i] = search_terms(title[i], text);
		free(text);
	}
	for (k = 0; k < 400; k++) {
		/* n words of an article from word at on, as a query (the
		 * first without its proclitic every other time, what is
		 * between them, or a space); or a third of the time n
		 * random words */
		n = 2 + phrase_rand(&seed) % 3;
		r = phrase_rand(&seed) % PHRASE_ARTICLES;
		at = phrase_rand(&seed) % (PHRASE_LEN - n);
		if (k % 3 == 0) {
			r = PHRASE_ARTICLES;
			at = 0;
			for (j = 0; j < n; j++) {
				w[r][j] = phrase_rand(&seed) % nw;
				c[r][j] = phrase_rand(&seed) % nc;
				sp[r][j] = phrase_rand(&seed) % ns;
			}
		}
		qb.len = 0;
		buf_puts(&qb, k % 7 == 3 ? "\"=" : "\"");
		for (j = 0; j < n; j++) {
			gb.len = 0;
			buf_puts(&gb, "");
			phrase_word(&gb, j > 0 || k % 2 == 0 ?
			    phrase_clitics[c[r][at + j]] : "",
			    phrase_words[w[r][at + j]]);
			/* the last word cut short: a prefix */
			if (j == n - 1 && k % 4 == 1 && gb.len > 4)
				gb.data[gb.len - 2 -
				    ((unsigned char)gb.data[gb.len - 2] >=
				    0x80)] = '\0';
			buf_puts(&qb, gb.data);
			if (j < n - 1)
				buf_puts(&qb, k % 5 != 2 && strchr(
				    phrase_seps[sp[r][at + j]], '<') == NULL ?
				    phrase_seps[sp[r][at + j]] : " ");
		}
		buf_puts(&qb, "\"");
		if ((q = search_query_parse(qb.data, &cause)) == NULL) {
			free(cause);	/* "-" alone, say */
			cause = NULL;
			continue;
		}
		search_query_free(q);
		found += phrase_check(st, qb.data, title, body, html, terms) >
		    0;
	}
	/* a last word that may be the start of an ال a pair leaves out;
	 * an ال a pair leaves out; ال first; short words */
	for (i = 0; i < sizeof fixed / sizeof *fixed; i++)
		phrase_check(st, fixed[i], title, body, html, terms);
	/* most queries come from the texts: many find something */
	assert_true(found > 120);
	for (i = 0; i < PHRASE_ARTICLES; i++) {
		free(title[i]);
		free(body[i]);
		free(terms[i]);
	}
	free(w);
	free(c);
	free(sp);
	buf_free(&qb);
	buf_free(&gb);
	store_close(st);
}

/* search_body_text() of an HTML body is the parser's text. */
static void
assert_parser_text(const char *body)
{
	char	*fast = search_body_text(body, 1);
	char	*slow = search_html_text(body);

	if (strcmp(fast, slow) != 0)
		fail_msg("body '%s': '%s', parser '%s'", body, fast, slow);
	free(fast);
	free(slow);
}

/* A random well-nested body into b (at most n bytes): text, white
 * space, references, inline elements anywhere, blocks outside inline
 * elements, depth levels deep. */
static void
random_html(char *b, size_t n, uint32_t *seed, int depth, int in_inline)
{
	static const char *leaf[] = {
		" ", "\n", "  \t", "word", "\xd8\xba\xd8\xb2\xd8\xa9", "x.",
		"&amp;", "&#1575;", "&nbsp;", "&quot;", " &lt;", "<br>",
		"<img src=\"i.jpg\" alt=\"\">", "<img src='a'/>", "\r\n",
	};
	static const char *tag[] = { "strong", "a", "em", "span", "b",
	    "p", "div" };
	size_t	k, i, t;

	*seed = *seed * 1103515245u + 12345u;
	k = (*seed >> 16) % 5;
	for (i = 0; i < k && strlen(b) + 200 < n; i++) {
		*seed = *seed * 1103515245u + 12345u;
		if (depth == 0 || ((*seed >> 8) & 3) != 0) {
			strcat(b, leaf[(*seed >> 16) % (sizeof leaf /
			    sizeof *leaf)]);
			continue;
		}
		t = (*seed >> 16) % (in_inline ? 5 : 7);
		if (t == 1 && strstr(b, "<a ") != NULL)
			t = 0;	/* no <a> in an <a> (nor after one) */
		if (t == 1)
			strcat(b, "<a href=\"https://a.example/\">");
		else {
			strcat(b, "<");
			strcat(b, tag[t]);
			strcat(b, ">");
		}
		random_html(b, n, seed, depth - 1, in_inline || t < 5);
		strcat(b, "</");
		strcat(b, tag[t]);
		strcat(b, ">");
	}
}

/*
 * The body text of common feed HTML (paragraphs, links, emphasis,
 * images, references, white space everywhere), which search_body_text()
 * makes without libxml2's parser: the same as the parser's, body by
 * body, for bodies made of random pieces. The elements it knows must
 * also be what html_element_kind() says they are.
 */
static void
test_html_fast_path(void **state)
{
	static const char *piece[] = {
		"<p>", "</p>", "<div>", "</div>", "<P class=\"x\">", "</P >",
		"<a href=\"https://a.example/1?x=1\">", "</a>", "<strong>",
		"</strong>", "<b>", "</b>", "<em>", "</em>", "<i>", "</i>",
		"<u>", "</u>", "<span dir='rtl'>", "</span>", "<small>",
		"</small>", "<img src=\"https://a.example/i.jpg\" alt=\"\">",
		"<img src='i.png'/>", "<br>", "<br/>", "<BR >", " ", "  ",
		"\n", "\t", "\r\n", " \n ", "word", "Gaza", "x.", "(3)",
		"\xd8\xba\xd8\xb2\xd8\xa9", "\xd8\xa8\xd8\xa5\xd8\xaf\xd9\x84"
		"\xd8\xa8", "&amp;", "&lt;", "&gt;", "&quot;", "&#1575;",
		"&#x41;", "&nbsp;", "&eacute;", "&#0;", "&#xD800;", "&bogus;",
		"&amp", "<!-- c -->", "<table>", "<li>", "<a>", "</br>",
		"<p/>", "<img src=x>", "\x01", "\x1f", "\xef\xbf\xbe",
		"\xef\xbf\xbf",
	};
	static const char *inline_tags[] = { "a", "b", "em", "i", "small",
	    "span", "strong", "u", "br", "img" };
	char		 body[1024];
	uint32_t	 seed = 777;
	size_t		 np = sizeof piece / sizeof *piece, i, k;
	int		 t, common;

	(void)state;
	assert_int_equal(html_element_kind("p"), 1);
	assert_int_equal(html_element_kind("div"), 1);
	for (i = 0; i < sizeof inline_tags / sizeof *inline_tags; i++)
		assert_int_equal(html_element_kind(inline_tags[i]), 0);
	for (t = 0; t < 40000; t++) {
		body[0] = '\0';
		seed = seed * 1103515245u + 12345u;
		k = 1 + (seed >> 16) % 24;
		for (i = 0; i < k; i++) {
			seed = seed * 1103515245u + 12345u;
			/* the last 16 pieces (what the parser must do, or
			 * characters it drops) one time in 16 */
			common = ((seed >> 8) & 15) != 0;
			strcat(body, piece[common ? (seed >> 16) % (np - 16) :
			    np - 16 + (seed >> 16) % 16]);
		}
		assert_parser_text(body);
	}
	for (t = 0; t < 20000; t++) {
		body[0] = '\0';
		random_html(body, sizeof body, &seed, 4, 0);
		assert_parser_text(body);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalisation),
		cmocka_unit_test(test_clitics),
		cmocka_unit_test(test_phrases_and),
		cmocka_unit_test(test_html_not_indexed),
		cmocka_unit_test(test_plain_body_text),
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_query_parse),
		cmocka_unit_test(test_filter_order),
		cmocka_unit_test(test_sync_update_trim),
		cmocka_unit_test(test_sync_same_update),
		cmocka_unit_test(test_migrate_v2),
		cmocka_unit_test(test_migrate_v3),
		cmocka_unit_test(test_sql_changes),
		cmocka_unit_test(test_id_reuse),
		cmocka_unit_test(test_terms_version),
		cmocka_unit_test(test_index_agrees_with_matcher),
		cmocka_unit_test(test_phrase_pairs),
		cmocka_unit_test(test_html_fast_path),
		cmocka_unit_test(test_deferred),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
