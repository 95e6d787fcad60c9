/*
 * reader_mark.c - read and saved state from the reader's keys: marking
 * an article read when it is opened or after mark-read-delay, `u` to
 * toggle, `A` on the list on screen (exactly its articles; the whole
 * store only after a yes), `U` to undo the last mark-read of several
 * articles, `s` to save an article (from the store or a file) as a file
 * in the save folder. Times are milliseconds of the reader's clock.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "reader.h"
#include "store.h"
#include "i18n.h"

void
reader_mark_read(struct reader *r, long i)
{
	char	*cause = NULL;

	r->read_at = 0;
	if (!reader_is_unread_article(r, i))
		return;
	if (source_set_unread(&r->src, (size_t)i, 0, &cause) == -1) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
	}
	r->dirty |= READER_DIRTY_LIST;
}

void
reader_read_timer(struct reader *r, long i)
{
	r->read_at = 0;
	if (!reader_is_unread_article(r, i) || r->cfg.mark_read_delay < 0)
		return;
	r->read_item = i;
	r->read_at = r->clock() + r->cfg.mark_read_delay;
	if (r->read_at == 0)
		r->read_at = 1;
}

void
reader_act_toggle_unread(struct reader *r, unsigned n)
{
	long	 i = reader_current(r);
	char	*cause = NULL;

	if (i < 0) {
		reader_message(r, MSG_INFO, _("no article selected"));
		return;
	}
	if (source_set_unread(&r->src, (size_t)i,
	    !source_at(&r->src, (size_t)i)->unread, &cause) == -1) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
	} else
		reader_message(r, MSG_INFO, "%s",
		    source_at(&r->src, (size_t)i)->unread ?
		    _("marked unread") : _("marked read"));
	r->read_at = 0;
	r->dirty |= READER_DIRTY_LIST;
}

/* ---- A and U ---- */

static void
undo_forget(struct reader *r)
{
	free(r->undo.ids);
	r->undo.ids = NULL;
	r->undo.n = 0;
}

static void
undo_add(struct reader *r, int64_t id)
{
	r->undo.ids = xreallocarray(r->undo.ids, r->undo.n + 1,
	    sizeof *r->undo.ids);
	r->undo.ids[r->undo.n++] = id;
}

static int
collect_unread(const struct store_article *a, void *arg)
{
	struct reader	*r = arg;

	undo_add(r, a->id);
	return 0;
}

/* Mark the unread articles of feed (0: every feed) read, keeping their
 * ids for U. */
static int
mark_feed(struct reader *r, int64_t feed, char **cause)
{
	struct store_filter	f;

	memset(&f, 0, sizeof f);
	f.feed_id = feed;
	f.unread_only = 1;
	undo_forget(r);
	if (r->st != NULL && store_articles(r->st, &f, collect_unread, r,
	    cause) == -1)
		return -1;
	return source_mark_read(&r->src, feed, cause);
}

/* Mark exactly the unread articles of the list read: the store's in one
 * transaction, then the items. */
static int
mark_list(struct reader *r, char **cause)
{
	size_t	i;

	undo_forget(r);
	for (i = 0; i < r->src.n; i++)
		if (reader_is_unread_article(r, (long)i) &&
		    source_at(&r->src, i)->type == ITEM_ARTICLE)
			undo_add(r, source_at(&r->src, i)->id);
	if (r->st != NULL && r->undo.n > 0 && store_set_unread_ids(r->st,
	    r->undo.ids, r->undo.n, 0, cause) == -1) {
		undo_forget(r);
		return -1;
	}
	if (r->src.paged)	/* its rows are read again from the store */
		source_refetch(&r->src);
	for (i = 0; !r->src.paged && i < r->src.n; i++)
		if (reader_is_unread_article(r, (long)i))
			r->src.v[i].unread = 0;
	return 0;
}

/* After marking: the list again, a message, U offered for more than
 * one article. */
enum marked_what { MARKED_ALL, MARKED_FEED, MARKED_FILES, MARKED_LIST };

static void
marked(struct reader *r, enum marked_what what)
{
	/* Whole sentences, one for each list and number (translations put
	 * the words in their own order). */
	static const char *const one[] = {
		N_("marked every feed read"), N_("marked the feed read"),
		N_("marked the files read"), N_("marked this list read")
	};
	size_t	n = r->undo.n;

	if (r->st != NULL)
		reader_reload(r);
	r->dirty |= READER_DIRTY_LIST;
	if (n > 1 && what == MARKED_ALL)
		reader_message(r, MSG_INFO, ngettext("marked %zu article of "
		    "every feed read (U: undo)", "marked %zu articles of every "
		    "feed read (U: undo)", n), n);
	else if (n > 1 && what == MARKED_FEED)
		reader_message(r, MSG_INFO, ngettext("marked %zu article of "
		    "the feed read (U: undo)", "marked %zu articles of the "
		    "feed read (U: undo)", n), n);
	else if (n > 1 && what == MARKED_FILES)
		reader_message(r, MSG_INFO, ngettext("marked %zu file read "
		    "(U: undo)", "marked %zu files read (U: undo)", n), n);
	else if (n > 1)
		reader_message(r, MSG_INFO, ngettext("marked %zu article of "
		    "this list read (U: undo)", "marked %zu articles of this "
		    "list read (U: undo)", n), n);
	else
		reader_message(r, MSG_INFO, "%s", _(one[what]));
	if (n <= 1)
		undo_forget(r);
}

/* The virtual lists that hold every article of the store. */
static int
is_whole_store(enum item_type t)
{
	return t == ITEM_ALL || t == ITEM_UNREAD;
}

void
reader_confirm(struct reader *r, int yes)
{
	char	*cause = NULL;

	if (!yes) {
		reader_message(r, MSG_INFO, _("nothing marked"));
		return;
	}
	if (mark_feed(r, 0, &cause) == -1) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
		return;
	}
	marked(r, MARKED_ALL);
}

void
reader_act_mark_all_read(struct reader *r, unsigned n)
{
	const struct item	*it = NULL;
	char			*cause = NULL;
	int			 rc;

	if (r->src.kind != SOURCE_ARTICLES && r->app.list.sel < r->src.n)
		it = source_at(&r->src, r->app.list.sel);
	if ((r->src.kind == SOURCE_ARTICLES &&
	    is_whole_store(r->src.list_type)) ||
	    (it != NULL && is_whole_store(it->type))) {
		reader_prompt_start(r, PROMPT_CONFIRM);
		return;
	}
	if (r->src.kind == SOURCE_FEEDS && (it == NULL ||
	    it->type != ITEM_FEED)) {
		reader_message(r, MSG_INFO, _("open the list (Enter), then A "
		    "marks its articles read"));
		return;
	}
	if (r->src.kind == SOURCE_FEEDS)
		rc = mark_feed(r, it->id, &cause);
	else
		rc = mark_list(r, &cause);
	if (rc == -1) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
		if (r->st != NULL)
			reader_reload(r);
		return;
	}
	marked(r, r->src.kind == SOURCE_FEEDS ? MARKED_FEED :
	    r->src.kind == SOURCE_FILES ? MARKED_FILES : MARKED_LIST);
}

void
reader_act_undo(struct reader *r, unsigned n)
{
	char	*cause = NULL;
	size_t	 done = r->undo.n;

	if (r->undo.n == 0) {
		reader_message(r, MSG_INFO, _("nothing to undo"));
		return;
	}
	if (store_set_unread_ids(r->st, r->undo.ids, r->undo.n, 1,
	    &cause) == -1) {
		reader_message(r, MSG_ERROR, _("undo: %s"), cause);
		free(cause);
		return;
	}
	undo_forget(r);
	reader_reload(r);
	r->dirty |= READER_DIRTY_LIST;
	reader_message(r, MSG_INFO, ngettext("%zu article unread again",
	    "%zu articles unread again", done), done);
}

/* ---- s ---- */

char *
reader_save_dir(const struct reader *r)
{
	const char	*home = getenv("HOME");
	const char	*d = r->cfg.save_dir;

	if (home == NULL || *home == '\0')
		home = ".";
	if (d != NULL && (strcmp(d, "~") == 0 || strncmp(d, "~/", 2) == 0))
		return xasprintf("%s%s", home, d + 1);
	if (d != NULL)
		return xstrdup(d);
	return util_xdg_path("XDG_DATA_HOME", ".local/share", "akhbar/saved");
}

/* The last part of a path: a status line cut short keeps the name. */
static const char *
file_name(const char *path)
{
	const char	*b = strrchr(path, '/');

	return b != NULL && b[1] != '\0' ? b + 1 : path;
}

void
reader_act_save(struct reader *r, unsigned n)
{
	const struct item	*it;
	long			 i = reader_current(r);
	char			*cause = NULL, *dir, *path = NULL;
	int			 rc;

	if (i < 0) {
		reader_message(r, MSG_INFO, _("no article selected"));
		return;
	}
	r->dirty |= READER_DIRTY_LIST;
	it = source_at(&r->src, (size_t)i);
	if (it->type == ITEM_ARTICLE && it->saved) {
		if (source_set_saved(&r->src, (size_t)i, 0, &cause) == -1) {
			reader_message(r, MSG_ERROR, "%s", cause);
			free(cause);
		} else
			reader_message(r, MSG_INFO, _("no longer marked saved "
			    "(a saved file stays where it is)"));
		return;
	}
	dir = reader_save_dir(r);
	it = source_at(&r->src, (size_t)i);
	if (it->type == ITEM_FILE)
		rc = source_save_file(&r->src, (size_t)i, dir, &path, &cause);
	else	/* the text shown: the full one after F */
		rc = source_save_text(&r->src, (size_t)i, r->full.shown ==
		    it->id && r->doc_item == i, dir, &path, &cause);
	if (rc == -1)
		reader_message(r, MSG_ERROR, _("not saved: %s"), cause);
	else if (rc == 1)
		reader_message(r, MSG_INFO, _("already saved as %s (in %s)"),
		    file_name(path), dir);
	else
		reader_message(r, MSG_INFO, _("saved as %s (in %s)"),
		    file_name(path), dir);
	free(cause);
	free(path);
	free(dir);
}
