/* test_feed_queue.c - feeds parsed on the parser's thread: every field
 * of every item as feed_parse() gives it in place, the documents in the
 * order they were put with their tags, a bad document's error, the
 * bound on documents held, and a stop with documents not taken. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <poll.h>
#include <unistd.h>

#include "feed.h"
#include "feed_queue.h"
#include "util.h"

/* An RSS feed of n items (Arabic and English), every field given. */
static char *
rss(int feed, int n)
{
	struct buf	b = { 0 };
	int		i;

	buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<rss version=\"2.0\"><channel><title>وكالة %d</title>"
	    "<link>https://agency%d.example/</link>", feed, feed);
	for (i = 0; i < n; i++)
		buf_printf(&b, "<item><title>%s %d-%d</title>"
		    "<link>/news/%d</link><guid>g-%d-%d</guid>"
		    "<author>مراسلنا</author><category>سياسة</category>"
		    "<category>world</category>"
		    "<pubDate>Mon, 0%d Dec 2026 10:00:00 GMT</pubDate>"
		    "<enclosure url=\"https://cdn.example/%d.mp3\" "
		    "type=\"audio/mpeg\" length=\"%d\"/>"
		    "<description>&lt;p&gt;%s &lt;b&gt;%d&lt;/b&gt;"
		    "&lt;/p&gt;</description></item>",
		    i % 2 ? "Talks resume in Cairo" : "استئناف المحادثات",
		    feed, i, i, feed, i, 1 + i % 9, i, 1000 + i,
		    i % 2 ? "The envoy said" : "قال المبعوث", i);
	buf_puts(&b, "</channel></rss>");
	return b.data;
}

static void
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

/* p and q hold the same items and feed. */
static void
same_parsed(const struct feed_parsed *p, const struct feed_parsed *q)
{
	size_t	i;

	assert_int_equal(p->rc, q->rc);
	assert_int_equal(p->n, q->n);
	same_str(p->info.title, q->info.title);
	same_str(p->info.link, q->info.link);
	same_str(p->cause, q->cause);
	for (i = 0; i < p->n; i++) {
		same_str(p->items[i].id, q->items[i].id);
		same_str(p->items[i].title, q->items[i].title);
		same_str(p->items[i].link, q->items[i].link);
		same_str(p->items[i].author, q->items[i].author);
		same_str(p->items[i].content, q->items[i].content);
		same_str(p->items[i].enclosure, q->items[i].enclosure);
		same_str(p->items[i].enclosure_type,
		    q->items[i].enclosure_type);
		same_str(p->items[i].categories, q->items[i].categories);
		assert_int_equal(p->items[i].content_html,
		    q->items[i].content_html);
		assert_int_equal(p->items[i].enclosure_length,
		    q->items[i].enclosure_length);
		assert_int_equal(p->items[i].date, q->items[i].date);
	}
}

/* feed_parse_copy() keeps what feed_parse() gave its callback. */
static void
test_copy(void **state)
{
	char			*doc = rss(1, 3);
	struct feed_parsed	*p;

	p = feed_parse_copy(doc, strlen(doc), "https://agency1.example/rss",
	    &p);
	assert_ptr_equal(p->tag, &p);
	assert_int_equal(p->rc, 0);
	assert_int_equal(p->n, 3);
	assert_string_equal(p->info.title, "وكالة 1");
	assert_string_equal(p->items[0].title, "استئناف المحادثات 1-0");
	assert_string_equal(p->items[1].title, "Talks resume in Cairo 1-1");
	assert_string_equal(p->items[2].link,
	    "https://agency1.example/news/2");
	assert_string_equal(p->items[0].id, "g-1-0");
	assert_string_equal(p->items[0].author, "مراسلنا");
	assert_string_equal(p->items[0].categories, "سياسة|world");
	assert_string_equal(p->items[1].enclosure,
	    "https://cdn.example/1.mp3");
	assert_string_equal(p->items[1].enclosure_type, "audio/mpeg");
	assert_int_equal(p->items[1].enclosure_length, 1001);
	assert_string_equal(p->items[0].content, "<p>قال المبعوث <b>0</b></p>");
	assert_int_equal(p->items[0].content_html, 1);
	assert_true(p->items[0].date > 0);
	feed_parsed_free(p);
	free(doc);
}

/* Through the thread: 30 documents, one of them broken, taken in the
 * order they were put, each the same as parsed in place; never more
 * than max held. */
static void
test_queue(void **state)
{
	enum { DOCS = 30, MAX = 3 };
	struct feed_queue	*q = feed_queue_start(MAX, 1 << 20);
	struct feed_parsed	*p, *want;
	char			*docs[DOCS];
	int			 tags[DOCS], put = 0, taken = 0, i;

	assert_non_null(q);
	assert_null(feed_queue_take(q, 1));	/* nothing put */
	for (i = 0; i < DOCS; i++) {
		tags[i] = i;
		docs[i] = i == 7 ? xstrdup("<rss><channel><item><title>cut") :
		    rss(i, 1 + i % 6);
	}
	while (taken < DOCS) {
		if (put < DOCS && !feed_queue_full(q)) {
			feed_queue_put(q, &tags[put], docs[put],
			    strlen(docs[put]), "https://agency.example/");
			put++;
			assert_true(put - taken <= MAX);
			continue;
		}
		/* full, or all put: wait for the oldest */
		p = feed_queue_take(q, 1);
		assert_non_null(p);
		assert_ptr_equal(p->tag, &tags[taken]);
		want = feed_parse_copy(docs[taken], strlen(docs[taken]),
		    "https://agency.example/", NULL);
		same_parsed(p, want);
		if (taken == 7) {
			assert_int_equal(p->rc, -1);
			assert_non_null(p->cause);
		} else
			assert_int_equal(p->n, 1 + taken % 6);
		feed_parsed_free(want);
		feed_parsed_free(p);
		taken++;
	}
	assert_null(feed_queue_take(q, 1));	/* all taken */
	feed_queue_stop(q);
	for (i = 0; i < DOCS; i++)
		free(docs[i]);
}

/* The wake fd has bytes once a document is parsed, and then take()
 * without waiting gives it: how a refresh stores a feed while it waits
 * for a slow one (fetch_run_idle()). */
static void
test_wake_fd(void **state)
{
	struct feed_queue	*q = feed_queue_start(2, 1 << 20);
	struct feed_parsed	*p;
	struct pollfd		 pfd;
	char			*doc = rss(3, 2), c;

	assert_non_null(q);
	pfd.fd = feed_queue_fd(q);
	pfd.events = POLLIN;
	assert_int_equal(poll(&pfd, 1, 0), 0);	/* nothing yet */
	feed_queue_put(q, doc, doc, strlen(doc), NULL);
	assert_int_equal(poll(&pfd, 1, 10000), 1);
	assert_int_equal(read(pfd.fd, &c, 1), 1);
	assert_non_null(p = feed_queue_take(q, 0));
	assert_ptr_equal(p->tag, doc);
	assert_int_equal(p->n, 2);
	feed_parsed_free(p);
	assert_int_equal(poll(&pfd, 1, 0), 0);
	feed_queue_stop(q);
	free(doc);
}

/* The bytes bound: no second document once the first's body reaches
 * it, but the first always goes in. */
static void
test_bytes_bound(void **state)
{
	struct feed_queue	*q;
	struct feed_parsed	*p;
	char			*big = rss(4, 40), *small = rss(5, 1);

	assert_non_null(q = feed_queue_start(8, strlen(big)));
	assert_false(feed_queue_full(q));
	feed_queue_put(q, big, big, strlen(big), NULL);
	assert_true(feed_queue_full(q));
	assert_non_null(p = feed_queue_take(q, 1));
	assert_int_equal(p->n, 40);
	feed_parsed_free(p);
	assert_false(feed_queue_full(q));
	feed_queue_put(q, small, small, strlen(small), NULL);
	assert_false(feed_queue_full(q));
	feed_queue_stop(q);
	free(big);
	free(small);
}

/* Stopping with documents put and not taken frees them (the sanitizer
 * build would see a leak). */
static void
test_stop_pending(void **state)
{
	struct feed_queue	*q = feed_queue_start(4, 1 << 20);
	char			*doc = rss(2, 5);
	int			 i;

	assert_non_null(q);
	for (i = 0; i < 4; i++)
		feed_queue_put(q, NULL, doc, strlen(doc), NULL);
	assert_true(feed_queue_full(q));
	feed_queue_stop(q);
	free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_queue),
		cmocka_unit_test(test_wake_fd),
		cmocka_unit_test(test_bytes_bound),
		cmocka_unit_test(test_stop_pending),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
