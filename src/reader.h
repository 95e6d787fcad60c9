/*
 * reader.h - the interactive reader's model, with no curses: the list
 * and its selection (app.h's view state over source.h's items), the
 * article shown and its layout, read state and its timer, highlight
 * keywords, searching, the status-line prompt, the message log and one
 * handler per action. The terminal (tui*.c) feeds it keys, screen sizes
 * and the time, performs the few actions that need the terminal itself
 * (reader_key() hands those back), paints the rows reader_list_row()
 * and reader_text_row() give and repaints what r->dirty says. The unit
 * tests drive it the same way without a terminal.
 *
 * Files: reader.c (state, documents, lists, moving, the action table),
 * reader_mark.c (read and saved state, mark-all, undo, the read timer),
 * reader_find.c (highlight keywords, searching, the prompt), reader_rows.c
 * (list rows, the mark column, the status line), reader_screens.c (help,
 * message log, first-run screen), reader_links.c (links, what y and Y
 * copy, the link screen, keyboard layouts, the mouse), reader_exec.c
 * (programs' argument vectors, notifications). Times are milliseconds of the clock the
 * caller gives; coordinates are terminal cells.
 */
#ifndef AKHBAR_READER_H
#define AKHBAR_READER_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "cells.h"
#include "config.h"
#include "ldate.h"
#include "render.h"
#include "source.h"
#include "urls.h"

/* What changed since the terminal last painted (neomutt's window flags:
 * GEOMETRY asks it to recompute where the panes are, the others only to
 * repaint). The reader sets them; the terminal clears them. */
#define READER_DIRTY_LIST	0x1
#define READER_DIRTY_TEXT	0x2
#define READER_DIRTY_STATUS	0x4
#define READER_DIRTY_GEOMETRY	0x8
#define READER_DIRTY_ALL	0xf

/* What the status line prompt asks for. */
enum reader_prompt_kind {
	PROMPT_SEARCH,
	PROMPT_HIGHLIGHT,
	PROMPT_SEARCH_STORE,
	PROMPT_CONFIRM,		/* y/n before marking everything read */
	PROMPT_IGNORE,		/* y/n before adding an ignore rule */
	PROMPT_TAG,		/* the tag to view (`t`) */
	PROMPT_PIPE		/* | : a command line */
};

/* A screen shown in the reader pane over the article: the keys, the
 * message log. */
enum reader_screen { SCREEN_NONE, SCREEN_HELP, SCREEN_MESSAGES,
	SCREEN_LINKS };

/* Where the view was when a screen opened, to return there exactly. */
struct reader_place {
	enum app_focus	 focus;
	int		 zoom;
	struct app_view	 list;
	struct app_view	 text;
	long		 doc_item;
};

/* Message levels: the log keeps warnings and errors. */
enum reader_level { MSG_INFO, MSG_WARNING, MSG_ERROR };

/* The message log: every warning and error, oldest first, capped. */
#define READER_LOG_MAX	500
struct reader_log {
	char	**v;
	size_t	  n;
	size_t	  dropped;	/* older lines let go past the cap */
};

/* Highlight keywords: those in the theme's style (own), the config's
 * groups with a style each, one matcher for all of them (cells get
 * ATTR_HIGHLIGHT) and one per group (cells get the group's number in
 * ATTR_GROUP_MASK). */
struct reader_keywords {
	char		**own;
	size_t		  nown;
	struct matcher	 *all;
	struct matcher	**group;	/* cfg.nhlgroups of them, NULL when
					 * empty */
	size_t		  ngroups;
	char		**words;	/* every keyword (borrowed) */
	size_t		  nwords;
};

/* The / search: its matcher, which pane it searches, the rows of the
 * article where a hit starts, the titles that match. */
struct reader_search {
	struct matcher	*m;
	char		*word;
	enum app_focus	 pane;
	size_t		*rows;
	size_t		 nrows, row;		/* hit `row` of nrows */
	size_t		 ntitles, title;	/* title hits; 1-based */
	/* the indices of the list's titles that match, ascending, for
	 * the list of load src.gen (a paged list is walked once a
	 * search, not once a step) */
	size_t		*hits;
	uint64_t	 hits_gen;
	int		 hits_done;
};

/* The last mark-read of more than one article, for `U`. */
struct reader_undo {
	int64_t		*ids;
	size_t		 n;
};

/* The background refresh's progress, as the terminal reports it. */
struct reader_progress {
	int		 running;
	size_t		 done, total;
	char		*current;	/* feed done last */
};

/* Unread articles of each feed when a refresh started, to tell how many
 * new ones it brought. */
struct reader_notify {
	struct {
		int64_t	id, unread;
	}		*v;
	size_t		 n;
	int		 active;
};

/* The full text (F, reader_fulltext.c): article ids, 0 for none. */
struct reader_fulltext {
	int64_t		 feed_only;	/* F: its feed's text wanted */
	int64_t		 shown;		/* its full text in the pane */
	int64_t		 fetching;	/* the terminal fetches it */
	int64_t		 request;	/* for the terminal to fetch */
	int64_t		 started;	/* clock at the fetch's start */
};

struct reader {
	struct config	 cfg;
	struct app	 app;
	struct source	 src;
	struct store	*st;		/* NULL: reading files */
	struct urls	 urls;
	char		*urls_path;
	char		*config_path;	/* where `I` adds ignore rules */
	char		*ignore_line;	/* the rule `I` asks about */
	char		*ignore_prompt;	/* and its question */
	char		*tag_prompt;	/* "tag (news, ...): " */
	char		*store_path;
	int		 urls_missing;	/* no urls file at start */
	int		 offline;
	int		 quit;
	unsigned	 dirty;		/* READER_DIRTY_* */
	int64_t		(*clock)(void);	/* milliseconds */

	/* The document in the reader pane and its layout. */
	struct doc	*doc;
	struct layout	*layout;
	struct render_opts opts;
	long		 doc_item;	/* list index shown, -1 none */
	int		 line_flags;	/* render_line() flags */
	int		 welcome;	/* the first-run document shown */
	enum reader_screen screen;
	struct reader_place before_screen;

	struct reader_keywords kw;
	struct reader_search search;

	/* Going back from an article list to the feed list. */
	size_t		 feeds_sel;

	/* Marking read after a moment. */
	int64_t		 read_at;	/* clock; 0 none */
	long		 read_item;
	struct reader_undo undo;

	/* The prompt in the status line. */
	int		 prompting;
	enum reader_prompt_kind prompt_kind;
	struct buf	 prompt;

	/* The status line message and the log. */
	char		*msg;
	enum reader_level msg_level;
	struct reader_log log;
	struct reader_progress progress;
	struct reader_fulltext full;

	/* The interface language: read right to left (the status line's
	 * direction; set before reader_start()), and its dates. */
	int		 ui_rtl;
	struct ldate	*dates;

	struct row	 list_row;	/* list row being built */
	unsigned	 last_count;	/* count of the last action */

	/* Programs: the `bind KEY exec` program of the last key, the
	 * command line the | prompt read (the terminal takes it). */
	size_t		 exec_idx;
	char		*pipe_line;
	struct reader_notify notify;
};

/* What the words of a `bind KEY exec` program may name (all borrowed,
 * "" when there is none). */
struct reader_exec_vars {
	const char	*url;		/* %u */
	const char	*title;		/* %t */
	const char	*file;		/* %f: the article, saved format */
	const char	*dump;		/* %d: the pane's text, a file */
};

/* reader.c */
/* An empty reader with the default config; free with reader_free(). */
void	 reader_init(struct reader *r);
void	 reader_free(struct reader *r);
/*
 * Open the store at r->store_path with the feeds of r->urls_path (both
 * set by the caller). Failures are returned (-1, *cause; caller frees),
 * problems with single feeds go to the message log.
 */
int	 reader_open_store(struct reader *r, char **cause);
/* Read article files and folders (source_init_files()) instead. */
void	 reader_open_files(struct reader *r, char **paths, size_t n);
/*
 * Set up the view for a screen of cols x lines with mirror (list on the
 * right) and load the feed list (store mode). Returns -1 and *cause when
 * the store cannot be read.
 */
int	 reader_start(struct reader *r, int cols, int lines, int mirror,
	    char **cause);
/* A new screen size. */
void	 reader_resize(struct reader *r, int cols, int lines);
/*
 * Handle one key (app.h's codes): the prompt, the count prefix, the
 * bound action. Returns the action when the terminal must perform it
 * (ACT_BROWSER, ACT_REFRESH, ACT_REFRESH_ALL, ACT_REDRAW, ACT_SUSPEND,
 * ACT_COPY_LINK, ACT_COPY_TEXT, ACT_EXEC with r->exec_idx, ACT_PIPE with
 * r->pipe_line once the prompt is done), else ACT_NONE.
 */
enum app_action reader_key(struct reader *r, int key);
/* Perform action a with a count (0: none); as reader_key(). */
enum app_action reader_act(struct reader *r, enum app_action a,
	    unsigned count);
/* The count given with the last key handed back by reader_key(). */
unsigned reader_last_count(const struct reader *r);
/* Reload the list from the source (after a refresh), keeping the
 * selected item and the article shown. */
void	 reader_reload(struct reader *r);
/* Lay the article out again at the reader pane's width, keeping the
 * block at the top of the pane in view (after a change of geometry). */
void	 reader_relayout(struct reader *r);
/* A message in the status line (printf format; NULL clears it).
 * Warnings and errors also go to the log. */
void	 reader_message(struct reader *r, enum reader_level level,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Add a line to the log without showing it. */
void	 reader_log(struct reader *r, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Log the feeds whose last fetch failed, fetched at or after since (UTC
 * seconds; 0: all). */
void	 reader_log_feed_errors(struct reader *r, int64_t since);
/* When the next timer is due (clock), or -1. */
int64_t	 reader_next_timer(const struct reader *r);
/* Run the timers that are due at now. */
void	 reader_timers(struct reader *r, int64_t now);
/* The list item the keys act on: the article read when the reader has
 * the focus, else the selection; -1 none. */
long	 reader_current(const struct reader *r);
/*
 * The URL `o` opens: link n (1-based) of the article, or with n == 0
 * the current item's link. NULL (and a message) when there is none or
 * it is not http(s).
 */
const char *reader_link(struct reader *r, unsigned n);
/*
 * The feed `r` refreshes (0: all of them) in *feed_id; -1 (and a
 * message) when refreshing is not possible (offline, files).
 */
int	 reader_refresh_target(struct reader *r, int all, int64_t *feed_id);

/*
 * The argument vector for $BROWSER (browser; NULL or empty: xdg-open)
 * on url: its first ':'-separated entry split into words (quotes and
 * backslashes as in a shell, nothing else of one), each %u replaced by
 * url (%% by %), url appended when no %u is there. NULL-terminated;
 * free with reader_argv_free(). NULL for an unbalanced quote or no
 * command.
 */
char	**reader_browser_argv(const char *browser, const char *url);
void	 reader_argv_free(char **argv);

/* Split a command line into words as reader_browser_argv() does (%u
 * stays). NULL for an unbalanced quote or no word. */
char	**reader_split_argv(const char *line);

/* reader_links.c */
/* The article's text in logical order: a line a paragraph, a blank line
 * between paragraphs (what Y copies and | pipes); over the link screen,
 * the article's under it. NULL when no article is shown. Caller frees. */
char	*reader_article_text(struct reader *r);
/* The list item of the article shown, also under the link screen; -1
 * none. */
long	 reader_article_item(const struct reader *r);
/* The reader pane's rows as text, one a line (--dump's text at the
 * pane's width). Caller frees. */
char	*reader_pane_text(struct reader *r);
/* The text of link n (1-based) of d: the link's text before its [n]
 * marker; NULL when there is no such marker. Caller frees. */
char	*reader_link_text(const struct doc *d, size_t n);
/* What y copies: link n of the article, or with n == 0 the current
 * item's link, sanitized. NULL (and a message) when there is none.
 * Caller frees. */
char	*reader_copy_link(struct reader *r, unsigned n);
/* u: the link screen (every link, numbered), or close it. */
void	 reader_act_links(struct reader *r, unsigned n);
/* reader_exec.c */
/* The argument vector of program tmpl (NULL-terminated words) with %u,
 * %t, %f, %d and %% replaced from v; each word stays one argument
 * whatever it holds. Free with reader_argv_free(). */
char	**reader_exec_argv(char *const *tmpl,
	    const struct reader_exec_vars *v);
/* Non-zero when a word of tmpl has %c (c: 'f', 'd'...). */
int	 reader_exec_uses(char *const *tmpl, char c);
/* reader_links.c (keys) */
/* The Latin key on the same physical key as key on the keyboard layout
 * of the config (keymap.h; the locale picks Persian or Arabic for
 * auto), or 0. */
int	 reader_key_latin(const struct reader *r, int key);

/* reader_exec.c (notifications) */
/* A background refresh starts: remember each feed's unread count (when
 * notify or beep is set). */
void	 reader_notify_start(struct reader *r);
/* It ended: the number of new unread articles since
 * reader_notify_start() and in *feeds their feeds' titles, sanitized,
 * ", "-separated, cut after a few hundred bytes (caller frees; NULL when
 * 0 is returned). */
size_t	 reader_notify_news(struct reader *r, char **feeds);
/* "3 new articles: FEEDS". Caller frees. */
char	*reader_notify_text(size_t n, const char *feeds);
/* notify-command's argv with %n (n), %f (feeds) and %% replaced. Free
 * with reader_argv_free(). */
char	**reader_notify_argv(char *const *tmpl, size_t n, const char *feeds);

/* reader_links.c (the mouse) */
/* The number of the link cell i of row (a reader pane row) belongs to:
 * the link's text or its [N] marker, by the cell's logical place in its
 * block (so right-to-left lines too); 0 none. */
unsigned reader_cell_link(const struct reader *r, const struct row *row,
	    size_t i);
/* Mouse events, in screen cells. */
enum reader_mouse { MOUSE_CLICK, MOUSE_DOUBLE, MOUSE_WHEEL_UP,
	MOUSE_WHEEL_DOWN };
/*
 * A mouse event at (y, x): the wheel scrolls the pane under the pointer
 * (the list moves its selection), a click selects a row or focuses the
 * reader, a double click or a click on the selected row opens it, a
 * click on a numbered link (its text or its [N]) opens or copies it
 * (mouse-link). Returns the action for the terminal as reader_key().
 */
enum app_action reader_mouse(struct reader *r, enum reader_mouse ev, int y,
	    int x);

/* reader_mark.c */
/* Mark list item i read now (when it is an unread article). */
void	 reader_mark_read(struct reader *r, long i);
/* Start the mark-read-delay timer for item i, shown now. */
void	 reader_read_timer(struct reader *r, long i);
/* The handlers of the marking actions (see the table in reader.c). */
void	 reader_act_toggle_unread(struct reader *r, unsigned n);
void	 reader_act_mark_all_read(struct reader *r, unsigned n);
void	 reader_act_undo(struct reader *r, unsigned n);
void	 reader_act_save(struct reader *r, unsigned n);
/* The answer to the "mark everything read?" question. */
void	 reader_confirm(struct reader *r, int yes);
/*
 * The answer to `I`'s question: on yes, append r->ignore_line to the
 * config file (r->config_path), hide what it matches and reload the
 * list. Layer-1 glue in reader_ignore.c.
 */
void	 reader_ignore_confirm(struct reader *r, int yes);
/* `I` (ignore-article): ask about a rule from the selected article. */
void	 reader_act_ignore(struct reader *r, unsigned n);
/* `t` (tag-view): ask for a tag; reader_tag_apply() shows its feeds
 * ("" or an unknown tag: every feed again). */
void	 reader_act_tag(struct reader *r, unsigned n);
void	 reader_tag_apply(struct reader *r, const char *tag);
/* Filter the store again when the config's ignore rules changed. */
void	 reader_ignore_refilter(struct reader *r);
/* The folder `s` saves into. Caller frees. */
char	*reader_save_dir(const struct reader *r);

/* reader_find.c */
/* Build the keyword matchers from r->kw.own and the config's groups. */
void	 reader_keywords_build(struct reader *r);
void	 reader_keywords_free(struct reader *r);
/* Add a keyword in the theme's style (--highlight, the config). */
void	 reader_keyword_add(struct reader *r, const char *word);
/* H: highlight word, or stop highlighting it. */
void	 reader_keyword_toggle(struct reader *r, const char *word);
/* The article rows where a search hit starts (after a layout). */
void	 reader_search_rows(struct reader *r);
void	 reader_search_clear(struct reader *r);
/* Search word in the focused pane (empty: clear the search). */
void	 reader_search_apply(struct reader *r, const char *word);
/* The next (dir 1) or previous (-1) hit. */
void	 reader_search_step(struct reader *r, int dir);
/* S: the articles of the store matching query, as a list. */
void	 reader_search_store(struct reader *r, const char *query);
/* Open the prompt. */
void	 reader_prompt_start(struct reader *r, enum reader_prompt_kind k);
/* A key while the prompt is open. */
void	 reader_prompt_key(struct reader *r, int key);
/* The prompt's text before the cursor ("/", "highlight: "...). */
const char *reader_prompt_label(const struct reader *r);

/* reader_rows.c */
/* List row i laid out in width cells and the theme element of its
 * blanks (enum theme_element); NULL past the end. The row is r's,
 * valid until the next call. */
const struct row *reader_list_row(struct reader *r, size_t i, size_t width,
	    int *elem);
/* Reader pane row i; NULL past the end. */
const struct row *reader_text_row(struct reader *r, size_t i);
/*
 * The status line: left (list title, message or prompt; progress when
 * refreshing first) and right (position, hints) parts, appended to the
 * buffers without a terminating NUL. *elem gets the theme element.
 */
void	 reader_status(const struct reader *r, struct buf *left,
	    struct buf *right, int *elem);
/*
 * Make the status text s (a C string) fit width columns by cutting the
 * directories of its first absolute path from the left ("…/" in their
 * place; the last two components and what follows, such as ":4: the
 * reason", are kept), so a long checkout or home path never hides the
 * reason. Caller frees the result.
 */
char	*reader_status_fit(const char *s, size_t width);
/*
 * The column (0 .. w-1) of the prompt's cursor when the status line's
 * text line (the prompt and what was typed) is laid out w cells wide as
 * the terminal paints it: right-aligned in a right-to-left interface,
 * reordered by the bidi engine. The cursor is where the next character
 * of the direction of the last one typed will show: left of an Arabic
 * one, right of a Latin one (in a right-aligned line the text moves
 * left as it grows, so on that character's own cell).
 */
size_t	 reader_prompt_cursor(const struct reader *r, const char *line,
	    size_t w);

/* reader_fulltext.c */
/*
 * F: show the full text of the article (when stored), or its feed's
 * text when the full text is shown, or ask the terminal to fetch it
 * (r->full.request; see reader_fulltext_take()).
 */
void	 reader_act_fulltext(struct reader *r, unsigned n);
/* The article whose full text the terminal should fetch now (0: none);
 * the request is cleared. */
int64_t	 reader_fulltext_take(struct reader *r);
/* The terminal started fetching article id (error NULL) or could not
 * (error says why). */
void	 reader_fulltext_started(struct reader *r, int64_t id,
	    const char *error);
/*
 * The fetch of article id ended (ok: the child exited 0; output: its
 * last line, may be NULL): show the full text when the article is still
 * in the pane, else say why there is none.
 */
void	 reader_fulltext_done(struct reader *r, int64_t id, int ok,
	    const char *output);

/* reader_screens.c */
/* ? and M: open a screen over the article, or close it. */
void	 reader_act_help(struct reader *r, unsigned n);
void	 reader_act_messages(struct reader *r, unsigned n);
/* Open screen s showing d (owned by r from now), remembering the view. */
void	 reader_screen_open(struct reader *r, enum reader_screen s,
	    struct doc *d);
/* Close the screen shown, putting the view back as it was. */
void	 reader_screen_close(struct reader *r);
/* Non-zero when there is nothing to read yet (no feeds or no
 * articles): the reader pane shows how to start. */
int	 reader_first_run(const struct reader *r);
/* The first-run document. Caller frees. */
struct doc *reader_first_run_doc(const struct reader *r);

/* Shared between the reader*.c files. */
/* Show list item i in the reader pane (at once). */
void	 reader_show(struct reader *r, long i);
/* Replace the document (owned by r from now) and lay it out. */
void	 reader_set_doc(struct reader *r, struct doc *d, long item);
/* The selection moved: repaint and show the selected item. */
void	 reader_selection_changed(struct reader *r);
/* Open item it (a feed or virtual list) as the list. */
void	 reader_open_list(struct reader *r, const struct item *it);
/* Non-zero when item i is an unread article. */
int	 reader_is_unread_article(const struct reader *r, long i);
/* Non-zero when the keys move in the reader pane. */
int	 reader_text_focused(const struct reader *r);

#endif
