/* test_reader.c - the reader's model without a terminal: a store of two
 * news feeds (Arabic and English) in a temporary file, driven through
 * reader_key() and reader_act() as the TUI drives it, checked on the
 * model's state, the documents it shows and the rows it lays out. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "feed.h"
#include "match.h"
#include "reader.h"
#include "render.h"
#include "saved.h"
#include "store.h"
#include "utf8.h"
#include "util.h"

static char	dir[] = "/tmp/akhbar-test-reader.XXXXXX";
static int64_t	fake_now = 1000;

static int64_t
fake_clock(void)
{
	return fake_now;
}

static void
write_file(const char *path, const char *text)
{
	FILE	*f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Three feeds: Arabic news (3 articles), English news (2), an empty
 * one; one English article is about Gaza, as is an Arabic one. */
static const struct {
	int		 feed;
	const char	*id, *title;
} articles[] = {
	{ 0, "ar1", "قمة عربية في الرياض تبحث الوضع في غزة" },
	{ 0, "ar2", "ارتفاع أسعار النفط في الأسواق العالمية" },
	{ 0, "ar3", "وزير الصحة يفتتح مستشفى جديدا" },
	{ 1, "en1", "Ceasefire talks on Gaza resume in Cairo" },
	{ 1, "en2", "City council approves the new budget" },
};
static const char *const feed_urls[] = {
	"https://ar.example/rss", "https://en.example/rss",
	"https://empty.example/rss"
};
static const char *const feed_titles[] = {
	"الجزيرة نت", "World News", "Empty"
};

static void
fill_store(const char *db)
{
	struct store		*st;
	struct store_update	*u;
	struct store_fetch_meta	 m;
	struct feed_item	 it;
	char			*cause = NULL;
	int64_t			 feed[3];
	size_t			 f, k;

	st = store_open(db, &cause);
	assert_non_null(st);
	for (f = 0; f < 3; f++)
		assert_int_equal(store_feed_add(st, feed_urls[f],
		    feed_titles[f], &feed[f], &cause), 0);
	for (f = 0; f < 2; f++) {
		u = store_update_begin(st, feed[f], 0, &cause);
		assert_non_null(u);
		for (k = 0; k < sizeof articles / sizeof articles[0]; k++) {
			if (articles[k].feed != (int)f)
				continue;
			memset(&it, 0, sizeof it);
			it.id = articles[k].id;
			it.title = articles[k].title;
			it.link = "https://news.example/a";
			it.content = articles[k].title;
			it.date = 1700000000 + (int64_t)k * 3600;
			assert_int_equal(store_update_item(u, &it, &cause),
			    0);
		}
		memset(&m, 0, sizeof m);
		m.title = feed_titles[f];
		assert_int_equal(store_update_commit(u, &m, NULL, &cause), 0);
	}
	store_close(st);
}

static int
setup(void **state)
{
	char	path[256];

	strcpy(dir, "/tmp/akhbar-test-reader.XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/cache.db", dir);
	fill_store(path);
	snprintf(path, sizeof path, "%s/urls", dir);
	write_file(path, "https://ar.example/rss \"~الجزيرة نت\"\n"
	    "https://en.example/rss \"~World News\"\n"
	    "https://empty.example/rss \"~Empty\"\n");
	setenv("HOME", dir, 1);
	setenv("XDG_DATA_HOME", dir, 1);
	return 0;
}

static int
teardown(void **state)
{
	char	cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A reader on the store at 120x40 (config text applied first). */
static void
open_reader(struct reader *r, const char *config)
{
	char	*cause = NULL;

	reader_init(r);
	r->clock = fake_clock;
	if (config != NULL)
		config_parse(&r->cfg, config, "config");
	r->urls_path = xasprintf("%s/urls", dir);
	r->store_path = xasprintf("%s/cache.db", dir);
	assert_int_equal(reader_open_store(r, &cause), 0);
	assert_int_equal(reader_start(r, 120, 40, 0, &cause), 0);
}

/* Keys as typed: each character of s. */
static void
type(struct reader *r, const char *s)
{
	uint32_t	*cps;
	size_t		 n, i;

	cps = utf8_to_cps(s, strlen(s), &n);
	for (i = 0; i < n; i++)
		assert_int_equal(reader_key(r, (int)cps[i]), ACT_NONE);
	free(cps);
}

/* Select the list item titled title (a prefix) and return its index. */
static size_t
select_title(struct reader *r, const char *title)
{
	size_t	i;

	for (i = 0; i < r->src.n; i++)
		if (source_at(&r->src, i)->title != NULL &&
		    strncmp(source_at(&r->src, i)->title, title,
		    strlen(title)) == 0) {
			app_list_select(&r->app, i);
			reader_selection_changed(r);
			return i;
		}
	fail_msg("no item %s", title);
	return 0;
}

static int64_t
unread_in_store(struct reader *r)
{
	struct store_filter	f;

	memset(&f, 0, sizeof f);
	f.unread_only = 1;
	return store_count(r->st, &f, NULL);
}

/* The text of a document, blocks joined by newlines. Caller frees. */
static char *
doc_text(const struct doc *d)
{
	struct buf	 b = { 0 };
	char		 u[4];
	size_t		 i, j;

	for (i = 0; d != NULL && i < d->nblocks; i++) {
		for (j = 0; j < d->blocks[i].len; j++)
			buf_add(&b, u, utf8_encode(d->blocks[i].text[j], u));
		buf_putc(&b, '\n');
	}
	buf_putc(&b, '\0');
	return b.data;
}

/* The characters of a row, visual order. Caller frees. */
static char *
row_text(const struct row *row)
{
	struct buf	b = { 0 };

	cells_to_text(row, &b, NULL, NULL);
	buf_putc(&b, '\0');
	return b.data;
}

/* A in search results marks exactly the results; U undoes it. */
static void
test_mark_search_results(void **state)
{
	struct reader	r;

	open_reader(&r, NULL);
	assert_int_equal(unread_in_store(&r), 5);
	type(&r, "S");
	assert_true(r.prompting);
	type(&r, "Gaza\r");
	assert_int_equal(r.src.list_type, ITEM_SEARCH);
	assert_int_equal(r.src.n, 1);
	reader_act(&r, ACT_MARK_FEED_READ, 0);
	assert_false(r.prompting);
	assert_int_equal(unread_in_store(&r), 4);
	/* A list of two: both, and U brings them back. */
	type(&r, "q");
	type(&r, "S");
	type(&r, "في\r");
	assert_true(r.src.n >= 2 && r.src.n < 5);
	assert_int_equal(unread_in_store(&r), 4);
	reader_act(&r, ACT_MARK_FEED_READ, 0);
	assert_int_equal(unread_in_store(&r), 4 - (int64_t)r.src.n);
	assert_non_null(strstr(r.msg, "U: undo"));
	/* U: those again, not the article of the first A. */
	reader_act(&r, ACT_UNDO_MARK, 0);
	assert_int_equal(unread_in_store(&r), 4);
	assert_int_equal(r.undo.n, 0);
	reader_free(&r);
}

/* A on All asks first: n keeps everything unread, y marks it all. */
static void
test_mark_all_confirms(void **state)
{
	struct reader	r;

	open_reader(&r, NULL);
	select_title(&r, "All articles");
	type(&r, "\r");
	assert_int_equal(r.src.list_type, ITEM_ALL);
	type(&r, "A");
	assert_true(r.prompting);
	assert_int_equal(r.prompt_kind, PROMPT_CONFIRM);
	type(&r, "n");
	assert_false(r.prompting);
	assert_int_equal(unread_in_store(&r), 5);
	type(&r, "A");
	type(&r, "y");
	assert_int_equal(unread_in_store(&r), 0);
	/* From the feed list: one feed's articles only. */
	reader_act(&r, ACT_UNDO_MARK, 0);
	assert_int_equal(unread_in_store(&r), 5);
	type(&r, "q");
	assert_int_equal(r.src.kind, SOURCE_FEEDS);
	select_title(&r, "World News");
	type(&r, "A");
	assert_false(r.prompting);
	assert_int_equal(unread_in_store(&r), 3);
	reader_free(&r);
}

/* n goes on into the next feed with unread articles and wraps; the
 * article left with n is read, the ones passed over are not. */
static void
test_next_unread_feeds(void **state)
{
	struct reader	r;

	open_reader(&r, "mark-read-delay 5\n");
	select_title(&r, "الجزيرة");
	type(&r, "\r");
	assert_int_equal(r.src.kind, SOURCE_ARTICLES);
	assert_int_equal(r.src.n, 3);
	assert_int_equal(r.app.list.sel, 0);
	type(&r, "nn");
	assert_int_equal(r.app.list.sel, 2);
	type(&r, "n");
	/* Into World News, its first unread article. */
	assert_string_equal(r.src.title, "World News");
	assert_int_equal(r.app.list.sel, 0);
	/* The three Arabic articles were shown and left with n. */
	assert_int_equal(unread_in_store(&r), 2);
	type(&r, "n");
	assert_int_equal(r.app.list.sel, 1);
	reader_free(&r);
}

/* With mark-read-delay never, n leaves every article unread; p wraps
 * backwards. */
static void
test_next_unread_never_marks(void **state)
{
	struct reader	r;

	open_reader(&r, "mark-read-delay never\n");
	select_title(&r, "World News");
	type(&r, "\r");
	type(&r, "nn");
	assert_string_equal(r.src.title, "الجزيرة نت");
	assert_int_equal(unread_in_store(&r), 5);
	/* p wraps backwards into World News, at its last unread. */
	app_list_select(&r.app, 0);
	reader_selection_changed(&r);
	type(&r, "p");
	assert_string_equal(r.src.title, "World News");
	assert_int_equal(r.app.list.sel, 1);
	reader_free(&r);
}

/* Closing the help puts focus, selection and scroll back exactly. */
static void
test_help_restores(void **state)
{
	struct reader	r;
	struct app_view	list, text;

	open_reader(&r, NULL);
	select_title(&r, "All articles");
	type(&r, "\r");
	type(&r, "jj");
	reader_act(&r, ACT_FOCUS_NEXT, 0);
	app_reader_goto(&r.app, 2);
	list = r.app.list;
	text = r.app.reader;
	assert_int_equal(r.app.focus, FOCUS_READER);
	type(&r, "?");
	assert_int_equal(r.screen, SCREEN_HELP);
	assert_true(r.app.zoom);
	type(&r, "jjj");
	type(&r, "q");
	assert_int_equal(r.screen, SCREEN_NONE);
	assert_int_equal(r.app.focus, FOCUS_READER);
	assert_false(r.app.zoom);
	assert_int_equal(r.app.list.sel, list.sel);
	assert_int_equal(r.app.list.top, list.top);
	assert_int_equal(r.app.reader.top, text.top);
	assert_int_equal(r.doc_item, (long)list.sel);
	/* ? closes it too; from the list with the focus there. */
	reader_act(&r, ACT_FOCUS_NEXT, 0);
	type(&r, "??");
	assert_int_equal(r.app.focus, FOCUS_LIST);
	assert_int_equal(r.app.list.sel, list.sel);
	reader_free(&r);
}

/* The help says that s writes a file, and where. */
static void
test_help_text(void **state)
{
	struct reader	 r;
	char		*s;

	open_reader(&r, NULL);
	type(&r, "?");
	s = doc_text(r.doc);
	assert_non_null(strstr(s, "writes the article as a file"));
	assert_non_null(strstr(s, dir));
	assert_non_null(strstr(s, "undo-mark-read"));
	assert_non_null(strstr(s, "messages"));
	free(s);
	reader_free(&r);
}

/* No urls file and no store: the reader pane says how to start. */
static void
test_first_run(void **state)
{
	struct reader	 r;
	char		*cause = NULL, *s;

	reader_init(&r);
	r.urls_path = xasprintf("%s/nothing/urls", dir);
	r.store_path = xasprintf("%s/new.db", dir);
	assert_int_equal(reader_open_store(&r, &cause), 0);
	assert_int_equal(reader_start(&r, 80, 24, 0, &cause), 0);
	assert_true(reader_first_run(&r));
	s = doc_text(r.doc);
	assert_non_null(strstr(s, "Welcome to akhbar"));
	assert_non_null(strstr(s, r.urls_path));
	assert_non_null(strstr(s, "does not exist yet"));
	assert_non_null(strstr(s, "--import-opml"));
	assert_non_null(strstr(s, "press R"));
	free(s);
	/* A refresh (another connection) brings the first articles: the
	 * reload shows the selection's page instead. */
	reader_free(&r);
	reader_init(&r);
	r.urls_path = xasprintf("%s/urls", dir);
	r.store_path = xasprintf("%s/later.db", dir);
	assert_int_equal(reader_open_store(&r, &cause), 0);
	assert_int_equal(reader_start(&r, 80, 24, 0, &cause), 0);
	assert_true(r.welcome);
	store_close(r.st);
	r.src.st = NULL;
	fill_store(r.store_path);
	r.st = store_open(r.store_path, &cause);
	assert_non_null(r.st);
	r.src.st = r.st;
	reader_reload(&r);
	assert_false(r.welcome);
	s = doc_text(r.doc);
	assert_null(strstr(s, "Welcome to akhbar"));
	free(s);
	reader_free(&r);
	/* With feeds and articles it is not shown. */
	open_reader(&r, NULL);
	assert_false(reader_first_run(&r));
	reader_free(&r);
}

/* Every warning is in the log: refused urls lines, every config error,
 * bad keywords; M shows it. */
static void
test_message_log(void **state)
{
	struct reader	 r;
	char		*cause = NULL, *s;

	reader_init(&r);
	config_parse(&r.cfg, "bogus-option 1\ntheme\nhighlight /[/ -- red\n",
	    "cfg");
	r.urls_path = xasprintf("%s/bad-urls", dir);
	write_file(r.urls_path, "gopher://old.example/feed\n"
	    "https://ok.example/rss \"unterminated\n"
	    "https://en.example/rss\n");
	r.store_path = xasprintf("%s/cache.db", dir);
	assert_int_equal(reader_open_store(&r, &cause), 0);
	assert_int_equal(reader_start(&r, 120, 40, 0, &cause), 0);
	/* Two config errors, two urls lines, one bad keyword. */
	assert_true(r.log.n >= 5);
	assert_non_null(strstr(r.msg, "M shows them"));
	type(&r, "M");
	assert_int_equal(r.screen, SCREEN_MESSAGES);
	s = doc_text(r.doc);
	assert_non_null(strstr(s, "cfg:1"));
	assert_non_null(strstr(s, "cfg:2"));
	assert_non_null(strstr(s, "bad-urls:1"));
	assert_non_null(strstr(s, "bad-urls:2"));
	assert_non_null(strstr(s, "highlight"));
	free(s);
	type(&r, "M");
	assert_int_equal(r.screen, SCREEN_NONE);
	reader_free(&r);
}

/* Mixed lists show the feed column side by side too; a feed's own list
 * does not. */
static void
test_feed_column(void **state)
{
	struct reader	 r;
	const struct row *row;
	char		*s;
	int		 elem;

	open_reader(&r, NULL);
	assert_true(r.app.geom.side);
	select_title(&r, "All articles");
	type(&r, "\r");
	row = reader_list_row(&r, 0, (size_t)r.app.geom.list.w, &elem);
	s = row_text(row);
	assert_non_null(strstr(s, "World News"));
	free(s);
	type(&r, "q");
	select_title(&r, "World News");
	type(&r, "\r");
	row = reader_list_row(&r, 0, (size_t)r.app.geom.list.w, &elem);
	s = row_text(row);
	assert_null(strstr(s, "World News"));
	free(s);
	reader_free(&r);
}

/* The mark column: unread, saved, highlighted in fixed places, the same
 * order in the mirrored (RTL) layout. */
static void
test_mark_column(void **state)
{
	struct reader	 r;
	const struct row *row;
	char		*s;
	size_t		 n;
	int		 elem;

	/* Row 0 is the newest: the budget. */
	open_reader(&r, "highlight budget\n");
	select_title(&r, "World News");
	type(&r, "\r");
	reader_act(&r, ACT_SAVE, 0);	/* saved and still unread */
	assert_true(source_at(&r.src, 0)->saved);
	assert_true(source_at(&r.src, 0)->unread);
	row = reader_list_row(&r, 0, 48, &elem);
	s = row_text(row);
	assert_memory_equal(s, "NS* ", 4);
	free(s);
	row = reader_list_row(&r, 1, 48, &elem);
	s = row_text(row);
	assert_memory_equal(s, "N   ", 4);
	free(s);
	source_item(&r.src, 1)->unread = 0;
	source_item(&r.src, 1)->saved = 1;
	row = reader_list_row(&r, 1, 48, &elem);
	s = row_text(row);
	assert_memory_equal(s, " S  ", 4);
	free(s);
	r.app.mirror = 1;
	row = reader_list_row(&r, 0, 48, &elem);
	s = row_text(row);
	n = strlen(s);
	assert_true(n >= 4);
	assert_memory_equal(s + n - 4, " NS*", 4);
	free(s);
	row = reader_list_row(&r, 1, 48, &elem);
	s = row_text(row);
	n = strlen(s);
	assert_memory_equal(s + n - 4, "  S ", 4);
	free(s);
	reader_free(&r);
}

/* The count column of the feed list widens to the largest count, so a
 * million articles is never cut, and every row's count ends at the same
 * cell; it never takes more than a third of the row. */
static void
test_count_column(void **state)
{
	struct reader	 r;
	struct item	*all;
	char		*s, *end0, *end3;
	int		 elem;

	open_reader(&r, NULL);
	assert_int_equal(r.src.kind, SOURCE_FEEDS);
	all = source_item(&r.src, 0);
	assert_true(all->type != ITEM_FEED);
	/* as small stores have it: ten cells */
	s = row_text(reader_list_row(&r, 0, 60, &elem));
	assert_memory_equal(s + 4, "       5/5 ", 11);
	free(s);
	all->n_unread = 333333;
	all->n_total = 1000000;
	s = row_text(reader_list_row(&r, 0, 60, &elem));
	assert_non_null(end0 = strstr(s, "333333/1000000 "));
	assert_int_equal(end0 - s, 4);
	free(s);
	/* a feed's count ends in the same cell */
	s = row_text(reader_list_row(&r, 3, 60, &elem));
	assert_non_null(end3 = strstr(s, "/"));
	assert_memory_equal(end3 - 1, "3/3 ", 4);
	assert_int_equal(end3 - s, 4 + 14 - 2);
	free(s);
	/* 24 cells: the column stops at a third (8) and is cut */
	s = row_text(reader_list_row(&r, 0, 24, &elem));
	assert_null(strstr(s, "1000000"));
	free(s);
	reader_free(&r);
}

/* The highlight group of each cell comes from the core: reader rows and
 * list titles carry it. */
static void
test_groups_in_cells(void **state)
{
	struct reader	 r;
	const struct row *row;
	size_t		 i, j, g1 = 0, g2 = 0;
	int		 elem;

	/* Row 0 is the budget, row 1 the talks in Cairo. */
	open_reader(&r, "highlight budget -- red\nhighlight Cairo -- blue\n");
	select_title(&r, "World News");
	type(&r, "\r");
	row = reader_list_row(&r, 0, 60, &elem);
	for (j = 0; j < row->n; j++)
		if (ATTR_GROUP(row->cells[j].attr) == 1)
			g1++;
	assert_int_equal(g1, 6);
	row = reader_list_row(&r, 1, 60, &elem);
	for (j = 0; j < row->n; j++)
		if (ATTR_GROUP(row->cells[j].attr) == 2)
			g2++;
	assert_int_equal(g2, 5);
	/* The article's title row in the reader. */
	g1 = 0;
	for (i = 0; (row = reader_text_row(&r, i)) != NULL && i < 3; i++)
		for (j = 0; j < row->n; j++)
			if (ATTR_GROUP(row->cells[j].attr) == 1 &&
			    (row->cells[j].attr & ATTR_HIGHLIGHT))
				g1++;
	assert_int_equal(g1, 6);
	reader_free(&r);
}

/* s on an article read from a file copies it into the save folder in
 * the saved format; the message keeps the name before the folder. */
static void
test_save_file(void **state)
{
	struct reader	 r;
	char		*path, *paths[1], *saved, *data, *cause = NULL;
	size_t		 len;

	path = xasprintf("%s/budget.html", dir);
	write_file(path, "<html><head><title>City budget approved</title>"
	    "</head><body><p>The council voted on Tuesday.</p></body>"
	    "</html>\n");
	paths[0] = path;
	reader_init(&r);
	reader_open_files(&r, paths, 1);
	assert_int_equal(reader_start(&r, 120, 40, 0, &cause), 0);
	reader_act(&r, ACT_SAVE, 0);
	assert_non_null(r.msg);
	assert_memory_equal(r.msg, "saved as ", 9);
	assert_non_null(strstr(r.msg, "city-budget-approved.txt (in "));
	saved = xasprintf("%s/akhbar/saved/%s", dir, r.msg + 9);
	*strstr(saved, " (in ") = '\0';
	data = util_read_file(saved, 1 << 20, &len, &cause);
	assert_non_null(data);
	assert_memory_equal(data, SAVED_MAGIC "\n", strlen(SAVED_MAGIC) + 1);
	assert_non_null(strstr(data, "Title: City budget approved"));
	assert_non_null(strstr(data, "The council voted on Tuesday."));
	free(data);
	free(saved);
	free(path);
	reader_free(&r);
}

/* The status line's left part. Caller frees. */
static char *
status_left(struct reader *r)
{
	struct buf	 left = { 0 }, right = { 0 };
	int		 elem;

	reader_status(r, &left, &right, &elem);
	buf_putc(&left, '\0');
	buf_free(&right);
	return left.data;
}

/* The saved file named by the "saved as NAME (in DIR)" message. Caller
 * frees. */
static char *
saved_text(struct reader *r)
{
	char	*saved, *data, *cause = NULL;
	size_t	 len;

	assert_non_null(r->msg);
	assert_memory_equal(r->msg, "saved as ", 9);
	saved = xasprintf("%s/akhbar/saved/%s", dir, r->msg + 9);
	*strstr(saved, " (in ") = '\0';
	data = util_read_file(saved, 1 << 20, &len, &cause);
	assert_non_null(data);
	unlink(saved);
	free(saved);
	return data;
}

/* F: no full text stored, so the terminal is asked to fetch it; the
 * status says so meanwhile; when it ends the full text replaces the
 * feed's text, F goes back and forth without fetching again, s saves
 * the text shown; a failure is said on the status line and on the
 * article; F only for articles, never offline. */
static void
test_fulltext(void **state)
{
	struct reader		 r;
	struct store_fulltext	 f = { 0 };
	char			*cause = NULL, *t;
	int64_t			 id, id2;
	long			 i;

	open_reader(&r, NULL);
	select_title(&r, "World News");
	reader_act(&r, ACT_FULLTEXT, 0);	/* a feed: nothing to do */
	assert_int_equal(reader_fulltext_take(&r), 0);
	assert_non_null(strstr(r.msg, "only for the articles"));
	type(&r, "\r");
	i = (long)select_title(&r, "Ceasefire");
	id = source_at(&r.src, i)->id;
	assert_int_equal(reader_key(&r, 'F'), ACT_NONE);
	assert_int_equal(reader_fulltext_take(&r), id);
	assert_int_equal(reader_fulltext_take(&r), 0);
	reader_fulltext_started(&r, id, NULL);
	assert_int_equal(r.full.fetching, id);
	reader_message(&r, MSG_INFO, NULL);
	t = status_left(&r);
	assert_non_null(strstr(t, "fetching the full text"));
	free(t);
	/* one at a time */
	reader_act(&r, ACT_FULLTEXT, 0);
	assert_int_equal(reader_fulltext_take(&r), 0);
	assert_non_null(strstr(r.msg, "being fetched"));

	/* what `akhbar --fulltext ID` stores */
	f.content = "<div><p>Negotiators from both sides met at the "
	    "Nile barrage on Sunday evening.</p></div>";
	f.url = "https://news.example/a";
	f.fetched = 1700000000;
	assert_int_equal(store_fulltext_put(r.st, id, &f, &cause), 0);
	fake_now += 300;
	reader_fulltext_done(&r, id, 1, NULL);
	assert_int_equal(r.full.fetching, 0);
	assert_int_equal(r.full.shown, id);
	assert_non_null(strstr(r.msg, "full text fetched in 0.3 s"));
	t = doc_text(r.doc);
	assert_non_null(strstr(t, "Nile barrage on Sunday evening"));
	assert_non_null(strstr(t, "Text: the full article"));
	assert_null(strstr(t, "\nCeasefire talks on Gaza resume in Cairo\n"
	    "Ceasefire"));
	free(t);
	t = status_left(&r);
	assert_null(strstr(t, "[fetching the full text]"));
	free(t);
	/* s saves the full text */
	reader_act(&r, ACT_SAVE, 0);
	t = saved_text(&r);
	assert_non_null(strstr(t, "Nile barrage on Sunday evening"));
	free(t);
	reader_act(&r, ACT_SAVE, 0);	/* unmark saved */

	/* F: the feed's text; s saves it */
	reader_act(&r, ACT_FULLTEXT, 0);
	assert_int_equal(reader_fulltext_take(&r), 0);
	assert_int_equal(r.full.shown, 0);
	t = doc_text(r.doc);
	assert_null(strstr(t, "Nile barrage"));
	assert_non_null(strstr(t, "Ceasefire talks on Gaza"));
	free(t);
	reader_act(&r, ACT_SAVE, 0);
	t = saved_text(&r);
	assert_null(strstr(t, "Nile barrage"));
	free(t);
	reader_act(&r, ACT_SAVE, 0);
	/* F: the full text again, from the store */
	reader_act(&r, ACT_FULLTEXT, 0);
	assert_int_equal(reader_fulltext_take(&r), 0);
	assert_int_equal(r.full.shown, id);
	t = doc_text(r.doc);
	assert_non_null(strstr(t, "Nile barrage"));
	free(t);

	/* a failure: said, and shown on the article */
	i = (long)select_title(&r, "City council");
	id2 = source_at(&r.src, i)->id;
	t = doc_text(r.doc);
	assert_null(strstr(t, "Nile barrage"));
	free(t);
	reader_act(&r, ACT_FULLTEXT, 0);
	assert_int_equal(reader_fulltext_take(&r), id2);
	reader_fulltext_started(&r, id2, NULL);
	memset(&f, 0, sizeof f);
	f.error = "HTTP 404 Not Found";
	f.fetched = 1700000000;
	assert_int_equal(store_fulltext_put(r.st, id2, &f, &cause), 0);
	reader_fulltext_done(&r, id2, 0, "akhbar: article 5: HTTP 404");
	assert_int_equal(r.msg_level, MSG_ERROR);
	assert_non_null(strstr(r.msg, "HTTP 404 Not Found"));
	assert_int_equal(r.full.shown, 0);
	t = doc_text(r.doc);
	assert_non_null(strstr(t, "Full text: not fetched: HTTP 404 Not "
	    "Found (F tries again)"));
	free(t);
	/* the child died without storing anything: its last line */
	reader_act(&r, ACT_FULLTEXT, 0);
	assert_int_equal(reader_fulltext_take(&r), id2);
	reader_fulltext_started(&r, id2, "cannot find the akhbar binary");
	assert_int_equal(r.full.fetching, 0);
	assert_non_null(strstr(r.msg, "cannot find the akhbar binary"));
	/* offline: never */
	r.offline = 1;
	reader_act(&r, ACT_FULLTEXT, 0);
	assert_int_equal(reader_fulltext_take(&r), 0);
	assert_non_null(strstr(r.msg, "offline"));
	/* the help screen names it */
	reader_act(&r, ACT_HELP, 0);
	t = doc_text(r.doc);
	assert_non_null(strstr(t, "F                fulltext         fetch "
	    "and show the full article"));
	free(t);
	reader_free(&r);
}

/* $BROWSER: words split without a shell, quotes kept, %u placed. */
static void
test_browser_argv(void **state)
{
	static const struct {
		const char	*browser;
		const char	*want[5];
	} cases[] = {
		{ NULL, { "xdg-open", "U" } },
		{ "firefox", { "firefox", "U" } },
		{ "firefox --new-tab", { "firefox", "--new-tab", "U" } },
		{ "chromium --app=%u", { "chromium", "--app=U" } },
		{ "'/opt/My Browser/run' -x", { "/opt/My Browser/run", "-x",
		    "U" } },
		{ "sh -c \"echo \\\"hi\\\"\"", { "sh", "-c", "echo \"hi\"",
		    "U" } },
		{ "w3m:lynx", { "w3m", "U" } },
		{ "echo 100%% %u", { "echo", "100%", "U" } },
		{ "a\\ b c", { "a b", "c", "U" } },
	};
	char	**argv;
	size_t	  i, k;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		argv = reader_browser_argv(cases[i].browser, "U");
		assert_non_null(argv);
		for (k = 0; cases[i].want[k] != NULL; k++)
			assert_string_equal(argv[k], cases[i].want[k]);
		assert_null(argv[k]);
		reader_argv_free(argv);
	}
	/* Unbalanced quotes, or nothing to run. */
	assert_null(reader_browser_argv("firefox 'x", "U"));
	assert_null(reader_browser_argv("   ", "U"));
}

/* S gives the results the focus; Esc clears a / search. */
static void
test_search_focus_and_escape(void **state)
{
	struct reader	r;

	open_reader(&r, NULL);
	select_title(&r, "World News");
	type(&r, "\r\r");
	assert_int_equal(r.app.focus, FOCUS_READER);
	type(&r, "z");
	assert_true(r.app.zoom);
	type(&r, "S");
	type(&r, "budget\r");
	assert_int_equal(r.app.focus, FOCUS_LIST);
	assert_false(r.app.zoom);
	assert_int_equal(r.src.n, 1);
	type(&r, "\r");
	type(&r, "/budget\r");
	assert_non_null(r.search.m);
	assert_non_null(r.opts.search);
	assert_true(r.search.nrows > 0);
	type(&r, "\x1b");
	assert_null(r.search.m);
	assert_null(r.opts.search);
	assert_int_equal(r.search.nrows, 0);
	reader_free(&r);
}

/* / in the list: the hits are the titles that match, in the list's
 * order; n and N step through them around the ends, "hit i of n"
 * follows. "All articles" (a paged list): en2, en1, ar3, ar2, ar1, of
 * which ar2 and ar1 have the word. */
static void
test_search_titles(void **state)
{
	struct reader	r;

	(void)state;
	open_reader(&r, NULL);
	select_title(&r, "All articles");
	type(&r, "\r");
	assert_true(r.src.paged);
	assert_int_equal(r.src.n, 5);
	assert_int_equal(r.app.list.sel, 0);
	type(&r, "/\xd9\x81\xd9\x8a\r");	/* "في" */
	assert_int_equal(r.search.ntitles, 2);
	assert_int_equal(r.app.list.sel, 3);
	assert_int_equal(r.search.title, 1);
	type(&r, "n");
	assert_int_equal(r.app.list.sel, 4);
	assert_int_equal(r.search.title, 2);
	type(&r, "n");				/* around the end */
	assert_int_equal(r.app.list.sel, 3);
	assert_int_equal(r.search.title, 1);
	type(&r, "N");				/* around the start */
	assert_int_equal(r.app.list.sel, 4);
	assert_int_equal(r.search.title, 2);
	type(&r, "N");
	assert_int_equal(r.app.list.sel, 3);
	/* from a row between hits: the next one, or the one before */
	app_list_select(&r.app, 1);
	type(&r, "N");
	assert_int_equal(r.app.list.sel, 4);
	app_list_select(&r.app, 1);
	type(&r, "n");
	assert_int_equal(r.app.list.sel, 3);
	reader_free(&r);
}

/* The bad-keyword path of matcher_add() with no cause wanted. */
static void
test_matcher_add_null_cause(void **state)
{
	struct matcher	*m = matcher_create();

	assert_int_equal(matcher_add(m, "/[/", NULL), -1);
	assert_int_equal(matcher_add(m, "", NULL), -1);
	assert_int_equal(matcher_add(m, "غزة", NULL), 0);
	assert_int_equal(matcher_count(m), 1);
	matcher_free(m);
}

/* A long path in a status message loses directories, not the reason. */
static void
test_status_fit(void **state)
{
	static const struct {
		const char	*s;
		size_t		 w;
		const char	*want;
	} cases[] = {
		/* Fits: unchanged. */
		{ "/home/u/.config/akhbar/config:4: bad", 40,
		    "/home/u/.config/akhbar/config:4: bad" },
		/* Directories go from the left, one at a time. */
		{ "/home/u/.config/akhbar/config:4: unknown action 'x'", 45,
		    "\u2026/.config/akhbar/config:4: unknown action 'x'" },
		{ "/home/u/.config/akhbar/config:4: unknown action 'x'", 40,
		    "\u2026/akhbar/config:4: unknown action 'x'" },
		/* At most down to the last two components. */
		{ "/a/very/long/checkout/akhbar/config:4: reason", 10,
		    "\u2026/akhbar/config:4: reason" },
		/* After progress text, the path is found after a blank. */
		{ "[2/9] /srv/x/y/z/urls:3: bad scheme", 30,
		    "[2/9] \u2026/y/z/urls:3: bad scheme" },
		/* No path: nothing to cut (the painter cuts the end). */
		{ "refreshed 3 of 9 feeds, 2 failed", 10,
		    "refreshed 3 of 9 feeds, 2 failed" },
		/* Too short a path to cut. */
		{ "/urls:1: x", 3, "/urls:1: x" },
	};
	size_t	 i;
	char	*got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = reader_status_fit(cases[i].s, cases[i].w);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_mark_search_results,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_mark_all_confirms,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_unread_feeds,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_unread_never_marks,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_help_restores,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_help_text,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_first_run,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_message_log,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_feed_column,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_count_column,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_mark_column,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_groups_in_cells,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_fulltext, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_save_file,
		    setup, teardown),
		cmocka_unit_test(test_browser_argv),
		cmocka_unit_test_setup_teardown(test_search_focus_and_escape,
		    setup, teardown),
		cmocka_unit_test(test_matcher_add_null_cause),
		cmocka_unit_test_setup_teardown(test_search_titles, setup,
		    teardown),
		cmocka_unit_test(test_status_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
