/*
 * reader_fulltext.c - F in the reader: the article's full text (its page
 * fetched and extracted, kept in the store; see fulltext.h) in place of
 * the feed's text, and back. The model only decides: the terminal runs
 * the fetch in the background (`akhbar --fulltext ID`), takes the
 * request with reader_fulltext_take() and says when it started and
 * ended; the text itself is read from the store. Times are the
 * caller's clock, in milliseconds.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "i18n.h"
#include "reader.h"
#include "store.h"

/* Lay item i out again (after the choice of text changed). */
static void
reshow(struct reader *r, long i)
{
	r->doc_item = -1;
	reader_show(r, i);
}

/* The list item showing article id in the pane, or -1. */
static long
shown_item(const struct reader *r, int64_t id)
{
	long	i = r->doc_item;

	if (i < 0 || (size_t)i >= r->src.n || r->screen != SCREEN_NONE ||
	    source_at(&r->src, (size_t)i)->type != ITEM_ARTICLE ||
	    source_at(&r->src, (size_t)i)->id != id)
		return -1;
	return i;
}

static int
http_link(const char *link)
{
	return link != NULL && (strncasecmp(link, "http://", 7) == 0 ||
	    strncasecmp(link, "https://", 8) == 0);
}

/* Ask the terminal to fetch item i's full text. */
static void
request(struct reader *r, long i)
{
	const struct item	*it = source_at(&r->src, i);

	if (r->full.fetching != 0 || r->full.request != 0) {
		reader_message(r, MSG_INFO, _("a full text is being fetched: "
		    "wait for it"));
		return;
	}
	if (r->offline) {
		reader_message(r, MSG_ERROR, _("offline (-o): not fetching "
		    "the full text"));
		return;
	}
	if (!http_link(it->link)) {
		reader_message(r, MSG_ERROR, _("full text: the article has no "
		    "http(s) link"));
		return;
	}
	r->full.request = it->id;
	r->full.feed_only = 0;
}

void
reader_act_fulltext(struct reader *r, unsigned n)
{
	struct store_fulltext	 f;
	long			 i = reader_current(r);
	char			*cause = NULL;
	int64_t			 id;

	(void)n;
	if (i < 0 || r->st == NULL ||
	    source_at(&r->src, (size_t)i)->type != ITEM_ARTICLE) {
		reader_message(r, MSG_INFO, _("full text: only for the "
		    "articles of feeds"));
		return;
	}
	id = source_at(&r->src, i)->id;
	if (r->full.shown == id && r->doc_item == i) {
		r->full.feed_only = id;
		reshow(r, i);
		reader_message(r, MSG_INFO, _("the feed's text (F: the full "
		    "text)"));
		return;
	}
	if (store_fulltext_get(r->st, id, &f, &cause) == -1) {
		reader_message(r, MSG_ERROR, _("full text: %s"), cause);
		free(cause);
		return;
	}
	if (f.content != NULL) {
		r->full.feed_only = 0;
		reshow(r, i);
		reader_message(r, MSG_INFO, _("the full text (F: the feed's "
		    "text)"));
	} else
		request(r, i);
	store_fulltext_clear(&f);
}

int64_t
reader_fulltext_take(struct reader *r)
{
	int64_t	id = r->full.request;

	r->full.request = 0;
	return id;
}

void
reader_fulltext_started(struct reader *r, int64_t id, const char *error)
{
	if (error != NULL) {
		reader_message(r, MSG_ERROR, _("full text: %s"), error);
		return;
	}
	r->full.fetching = id;
	r->full.started = r->clock != NULL ? r->clock() : 0;
	reader_message(r, MSG_INFO, _("fetching the full text..."));
}

void
reader_fulltext_done(struct reader *r, int64_t id, int ok,
    const char *output)
{
	struct store_fulltext	 f;
	char			*cause = NULL;
	int64_t			 ms;
	long			 i;

	ms = r->clock != NULL ? r->clock() - r->full.started : 0;
	r->full.fetching = 0;
	r->dirty |= READER_DIRTY_STATUS;
	if (store_fulltext_get(r->st, id, &f, &cause) == -1) {
		reader_message(r, MSG_ERROR, _("full text: %s"), cause);
		free(cause);
		return;
	}
	i = shown_item(r, id);
	if (f.content != NULL) {
		if (i >= 0 && r->full.feed_only != id)
			reshow(r, i);
		reader_message(r, MSG_INFO, _("full text fetched in %.1f s "
		    "(F: the feed's text)"), (double)ms / 1000);
	} else {
		if (i >= 0)
			reshow(r, i);	/* the article says why too */
		reader_message(r, MSG_ERROR, _("full text not fetched: %s"),
		    f.error != NULL ? f.error : !ok && output != NULL &&
		    *output != '\0' ? output : _("the fetcher failed"));
	}
	store_fulltext_clear(&f);
}
