/*
 * mkstore.c - builds the store the TUI end-to-end tests read: three
 * feeds (Arabic, English, one failing) with a few articles, through the
 * store API (no network, no feed parser). Usage: mkstore STORE URLS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "store.h"

static const char *ar_body =
    "<p>أعلنت وزارة الصحة اليوم عن خطة جديدة بقيمة 250 مليون دولار "
    "(نحو 940 مليون ريال) لمكافحة الأمراض المعدية، بالتعاون مع منظمة "
    "الصحة العالمية WHO.</p><p>التفاصيل في <a href=\"https://example.org/"
    "plan\">موقع الوزارة</a>.</p>";

struct art {
	const char	*id, *title, *link, *body;
	int64_t		 date;
};

static void
add_feed(struct store *st, const char *url, const char *title,
    const struct art *a, size_t n)
{
	struct store_update	*u;
	struct store_fetch_meta	 m;
	struct feed_item	 it;
	int64_t			 id, added;
	char			*cause = NULL;
	size_t			 i;

	if (store_feed_add(st, url, NULL, &id, &cause) == -1 ||
	    (u = store_update_begin(st, id, 0, &cause)) == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		memset(&it, 0, sizeof it);
		it.id = a[i].id;
		it.title = a[i].title;
		it.link = a[i].link;
		it.author = "Desk";
		it.content = a[i].body;
		it.content_html = 1;
		it.date = a[i].date;
		if (store_update_item(u, &it, &cause) == -1)
			goto fail;
	}
	memset(&m, 0, sizeof m);
	m.title = title;
	m.link = "https://example.org/";
	if (store_update_commit(u, &m, &added, &cause) == -1)
		goto fail;
	return;
fail:
	fprintf(stderr, "mkstore: %s\n", cause);
	exit(1);
}

int
main(int argc, char **argv)
{
	static const struct art ar[] = {
		{ "ar1", "وزارة الصحة تعلن خطة جديدة لمكافحة الأمراض المعدية "
		    "في المدن الكبرى", "https://example.org/ar1", NULL,
		    1714550400 },
		{ "ar2", "ارتفاع أسعار النفط (برنت) إلى 90 دولاراً",
		    "https://example.org/ar2", "<p>ارتفعت أسعار النفط اليوم."
		    "</p>", 1714464000 },
	};
	static const struct art en[] = {
		{ "en1", "City council approves new bike lanes downtown",
		    "https://example.org/en1", "<p>The city council voted 7-2 "
		    "on Tuesday.</p>", 1714500000 },
		{ "en2", "Rain expected all weekend",
		    "javascript:alert(1)", "<p>Bring an umbrella.</p>",
		    1714400000 },
	};
	struct art	 a0[2];
	struct store	*st;
	char		*cause = NULL;
	int64_t		 id;
	FILE		*f;

	if (argc != 3)
		return 2;
	memcpy(a0, ar, sizeof ar);
	a0[0].body = ar_body;
	if ((st = store_open(argv[1], &cause)) == NULL) {
		fprintf(stderr, "mkstore: %s\n", cause);
		return 1;
	}
	add_feed(st, "http://127.0.0.1:9/ar.xml", "أخبار اليوم", a0, 2);
	add_feed(st, "http://127.0.0.1:9/en.xml", "Daily News", en, 2);
	if (store_feed_add(st, "http://127.0.0.1:9/broken.xml", "Broken Feed",
	    &id, &cause) == -1 || store_feed_failed(st, id,
	    "HTTP 404 Not Found", NULL, &cause) == -1) {
		fprintf(stderr, "mkstore: %s\n", cause);
		return 1;
	}
	store_close(st);
	if ((f = fopen(argv[2], "w")) == NULL)
		return 1;
	fputs("http://127.0.0.1:9/ar.xml arabic news\n"
	    "http://127.0.0.1:9/en.xml english\n"
	    "http://127.0.0.1:9/broken.xml \"~Broken Feed\"\n", f);
	return fclose(f) == 0 ? 0 : 1;
}
