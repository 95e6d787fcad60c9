/*
 * tui.c - the interactive reader's terminal: options, terminal set-up
 * and restore, the event loop (keys, the background refresh and timers
 * polled together, so the screen never freezes) and the few actions that
 * need the terminal itself (the browser, suspend, redraw, refresh).
 * Everything else is the model's (reader.h), painting is tui_draw.c's.
 * Times are milliseconds of a monotonic clock; coordinates are terminal
 * cells.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util.h"
#include "i18n.h"
#include "cmd.h"
#include "cmds.h"
#include "store.h"
#include "tui.h"

/* Set by signal handlers; read by the loop in this file only. */
static volatile sig_atomic_t	got_quit_signal;
/* Whether the terminal was asked for explicit bidi mode (for die()). */
static int			bdsm_sent;

/* The terminal working group's BiDi recommendation: BDSM. */
#define BDSM_EXPLICIT	"\033[8l"
#define BDSM_IMPLICIT	"\033[8h"

static int64_t
tui_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Raw write to the terminal, past curses' buffer. */
void
tui_write(const char *s)
{
	ssize_t	n;
	size_t	len = strlen(s);

	while (len > 0) {
		n = write(STDOUT_FILENO, s, len);
		if (n <= 0 && errno != EINTR)
			return;
		if (n > 0) {
			s += n;
			len -= (size_t)n;
		}
	}
}

static void
bdsm_explicit(void)
{
	if (bdsm_sent)
		tui_write(BDSM_EXPLICIT);
}

static void
bdsm_restore(void)
{
	if (bdsm_sent)
		tui_write(BDSM_IMPLICIT);
}

static void
cleanup_terminal(void)
{
	if (!isendwin())
		endwin();
	bdsm_restore();
	bdsm_sent = 0;
}

static void
on_quit_signal(int sig)
{
	got_quit_signal = sig;
}

/* Shut the terminal down for a child or a stop; back with resume. */
void
tui_suspend(void)
{
	def_prog_mode();
	endwin();
	bdsm_restore();
}

void
tui_resume(struct tui *t)
{
	bdsm_explicit();
	reset_prog_mode();
	clearok(curscr, TRUE);
	tui_draw_all(t);
}

/* Run $BROWSER (its first ':' entry, split into words, %u the url) or
 * xdg-open on url: fork and exec with an argument vector, never a
 * shell; wait for it. */
static void
run_browser(struct tui *t, const char *url)
{
	char	**argv;
	pid_t	  pid;
	int	  status = 0;

	if ((argv = reader_browser_argv(getenv("BROWSER"), url)) == NULL) {
		reader_message(&t->r, MSG_ERROR, _("$BROWSER: unbalanced "
		    "quotes"));
		return;
	}
	tui_suspend();
	if ((pid = fork()) == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	tui_resume(t);
	if (pid == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		reader_message(&t->r, MSG_ERROR, _("%s failed on %s"),
		    argv[0], url);
	else
		reader_message(&t->r, MSG_INFO, _("opened %s"), url);
	reader_argv_free(argv);
}

static void
refresh_start(struct tui *t, int64_t feed_id)
{
	struct reader	*r = &t->r;
	const char	*url = NULL;
	char		*cause = NULL;
	long		 i;

	if (feed_id != 0 && (i = source_find(&r->src, ITEM_FEED,
	    feed_id)) >= 0)
		url = source_at(&r->src, i)->path;
	if (tui_refresh_start(&t->refresh, r->urls_path, t->config_path,
	    r->store_path, r->cfg.max_connections, url, feed_id,
	    &cause) == -1) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
		return;
	}
	r->progress.running = 1;
	reader_notify_start(r);
	tui_refresh_poll(&t->refresh, r->st, tui_now());
	reader_message(r, MSG_INFO, NULL);
}

/* What the refresh said: progress, new articles, its end. */
static void
refresh_news(struct tui *t, int what, int status)
{
	struct reader	*r = &t->r;
	char		 msg[1024];
	int		 error;

	r->progress.done = t->refresh.done;
	r->progress.total = t->refresh.total;
	free(r->progress.current);
	r->progress.current = t->refresh.current != NULL ?
	    xstrdup(t->refresh.current) : NULL;
	r->dirty |= READER_DIRTY_STATUS;
	if (what & TUI_REFRESH_RELOAD)
		reader_reload(r);
	if (what & TUI_REFRESH_ENDED) {
		r->progress.running = 0;
		error = tui_refresh_result(&t->refresh, status, msg,
		    sizeof msg);
		reader_log_feed_errors(r, t->refresh.started);
		reader_message(r, error ? MSG_ERROR : MSG_INFO, "%s", msg);
		tui_notify(t);
	}
}

/* The actions the model hands back: they need the terminal. */
static void
terminal_action(struct tui *t, enum app_action a)
{
	const char	*url;
	int64_t		 feed;

	switch (a) {
	case ACT_BROWSER:
		if ((url = reader_link(&t->r, reader_last_count(&t->r))) !=
		    NULL)
			run_browser(t, url);
		break;
	case ACT_REFRESH:
	case ACT_REFRESH_ALL:
		if (reader_refresh_target(&t->r, a == ACT_REFRESH_ALL,
		    &feed) == 0)
			refresh_start(t, feed);
		break;
	case ACT_COPY_LINK:
		tui_copy_link(t, reader_last_count(&t->r));
		break;
	case ACT_COPY_TEXT:
		tui_copy_text(t);
		break;
	case ACT_EXEC:
		tui_exec(t);
		break;
	case ACT_PIPE:
		tui_pipe(t);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		tui_draw_all(t);
		break;
	case ACT_SUSPEND:
		tui_suspend();
		kill(getpid(), SIGSTOP);
		tui_resume(t);
		break;
	default:
		break;
	}
}

/* ---- keys and the loop ---- */

static int
curses_key(wint_t wc, int rc)
{
	static const struct {
		int	curses;
		int	app;
	} map[] = {
		{ KEY_UP, KEY_APP_UP }, { KEY_DOWN, KEY_APP_DOWN },
		{ KEY_LEFT, KEY_APP_LEFT }, { KEY_RIGHT, KEY_APP_RIGHT },
		{ KEY_PPAGE, KEY_APP_PGUP }, { KEY_NPAGE, KEY_APP_PGDN },
		{ KEY_HOME, KEY_APP_HOME }, { KEY_END, KEY_APP_END },
		{ KEY_BTAB, KEY_APP_BTAB }, { KEY_DC, KEY_APP_DEL },
		{ KEY_IC, KEY_APP_INS }, { KEY_F(1), KEY_APP_F1 },
		{ KEY_ENTER, APP_KEY_ENTER },
		{ KEY_BACKSPACE, APP_KEY_BACKSPACE },
	};
	size_t	i;

	if (rc == OK)
		return wc == 8 ? APP_KEY_BACKSPACE : (int)wc;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if ((int)wc == map[i].curses)
			return map[i].app;
	return -1;
}

/* Start F's fetch when the model asks for one. */
static void
fulltext_start(struct tui *t)
{
	int64_t	 id = reader_fulltext_take(&t->r);
	char	*cause = NULL;

	if (id == 0)
		return;
	if (tui_fulltext_start(&t->fulltext, t->r.store_path,
	    t->config_path, t->r.urls_path, id, &cause) == -1) {
		reader_fulltext_started(&t->r, id, cause);
		free(cause);
	} else
		reader_fulltext_started(&t->r, id, NULL);
}

static void
read_key(struct tui *t, int key)
{
	enum app_action	a;

	if ((a = reader_key(&t->r, key)) != ACT_NONE)
		terminal_action(t, a);
	fulltext_start(t);
}

/* A mouse event: presses only (a second press on a selected row opens
 * it, so a double click needs no timing of ours or of curses). */
static void
read_mouse(struct tui *t)
{
	MEVENT			ev;
	enum reader_mouse	m;
	enum app_action		a;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED)
		m = MOUSE_WHEEL_UP;
	else if (ev.bstate & BUTTON5_PRESSED)
		m = MOUSE_WHEEL_DOWN;
	else if (ev.bstate & BUTTON1_PRESSED)
		m = MOUSE_CLICK;
	else
		return;
	if ((a = reader_mouse(&t->r, m, ev.y, ev.x)) != ACT_NONE)
		terminal_action(t, a);
}

static void
read_keys(struct tui *t)
{
	wint_t	wc;
	int	rc, key;

	while ((rc = wget_wch(stdscr, &wc)) != ERR) {
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
			untouchwin(stdscr);
			reader_resize(&t->r, COLS, LINES);
			continue;
		}
		if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
			read_mouse(t);
			continue;
		}
		if ((key = curses_key(wc, rc)) != -1)
			read_key(t, key);
		if (t->r.quit)
			return;
	}
}

static int
next_timeout(const struct tui *t, int64_t now)
{
	int64_t	when = reader_next_timer(&t->r), d;

	if (t->refresh.ch.pid != 0 && (when < 0 || t->refresh.next_poll < when))
		when = t->refresh.next_poll;
	if (t->next_refresh != 0 && (when < 0 || t->next_refresh < when))
		when = t->next_refresh;
	if (when < 0)
		return -1;
	d = when - now;
	return d < 0 ? 0 : d > 60000 ? 60000 : (int)d;
}

static void
timers(struct tui *t)
{
	int64_t	now = tui_now();
	int	what;

	reader_timers(&t->r, now);
	if (t->refresh.ch.pid != 0 &&
	    (what = tui_refresh_poll(&t->refresh, t->r.st, now)) >= 0)
		refresh_news(t, what, 0);
	if (t->next_refresh != 0 && now >= t->next_refresh) {
		t->next_refresh = now + (int64_t)t->r.cfg.refresh_interval *
		    60000;
		if (t->refresh.ch.pid == 0)
			refresh_start(t, 0);
	}
}

static void
loop(struct tui *t)
{
	struct pollfd	pfd[3];
	nfds_t		n;
	int		what, status, rf, ft, ok;

	while (!t->r.quit && !got_quit_signal) {
		tui_draw(t);
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		n = 1;
		rf = ft = -1;
		if (tui_refresh_fd(&t->refresh) != -1) {
			pfd[n].fd = tui_refresh_fd(&t->refresh);
			pfd[n].events = POLLIN;
			rf = (int)n++;
		}
		if (tui_fulltext_fd(&t->fulltext) != -1) {
			pfd[n].fd = tui_fulltext_fd(&t->fulltext);
			pfd[n].events = POLLIN;
			ft = (int)n++;
		}
		if (poll(pfd, n, next_timeout(t, tui_now())) == -1 &&
		    errno != EINTR)
			break;
		read_keys(t);
		if (rf != -1 && pfd[rf].revents != 0 && (what =
		    tui_refresh_input(&t->refresh, t->r.st, tui_now(),
		    &status)) != 0)
			refresh_news(t, what, status);
		if (ft != -1 && pfd[ft].revents != 0 &&
		    tui_fulltext_input(&t->fulltext, &ok))
			reader_fulltext_done(&t->r, t->fulltext.id, ok,
			    t->fulltext.ch.last);
		timers(t);
	}
}

/* ---- start and end ---- */

/* Make sure the locale is UTF-8: switch to C.UTF-8, else give up. */
static int
check_locale(void)
{
	const char	*lang;

	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	lang = getenv("LANG");
	fprintf(stderr, _("akhbar: the locale (LANG=%s) is not UTF-8 and "
	    "C.UTF-8 is not installed;\nakhbar: set a UTF-8 locale, e.g. "
	    "LANG=en_US.UTF-8 (see `locale -a`)\n"), lang != NULL ? lang :
	    "");
	return -1;
}

static void
setup_theme(struct tui *t, const char *name)
{
	const char	*nc = getenv("NO_COLOR");
	char		*cause = NULL;

	t->ncolors = 0;
	/* COLORS is known only after start_color(). */
	if (has_colors() && (nc == NULL || *nc == '\0') &&
	    start_color() == OK) {
		use_default_colors();
		t->ncolors = COLORS >= 256 ? 256 : COLORS >= 16 ? 16 :
		    COLORS >= 8 ? 8 : 0;
	}
	if (name == NULL)
		name = t->r.cfg.theme != NULL ? t->r.cfg.theme : "default";
	if (t->ncolors == 0)
		theme_init_mono(&t->theme);
	else if (theme_load(&t->theme, name, &cause) == -1) {
		reader_message(&t->r, MSG_ERROR, "%s", cause);
		free(cause);
		theme_init(&t->theme);
	}
	tui_draw_colors(t);
}

/* With an article on standard input (or any pipe), the keys come from
 * the terminal: /dev/tty becomes standard input. */
static int
keyboard_from_tty(void)
{
	int	fd;

	if (isatty(STDIN_FILENO))
		return 0;
	if ((fd = open("/dev/tty", O_RDWR | O_CLOEXEC)) == -1) {
		cmd_warn(_("/dev/tty: %s (the keys are read from the "
		    "terminal)"),
		    strerror(errno));
		return -1;
	}
	if (dup2(fd, STDIN_FILENO) == -1) {
		cmd_warn("dup2: %s", strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static void
start_screen(struct tui *t, const struct cmd_reader_args *o)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	set_escdelay(25);
	if (initscr() == NULL)
		die("%s", _("cannot initialise the terminal"));
	die_cleanup = cleanup_terminal;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	leaveok(stdscr, TRUE);
	curs_set(0);
	/* Keys are read through stdscr, which is never drawn on: make it
	 * clean now so wget_wch() has no reason to repaint it. */
	refresh();
	if (t->r.cfg.bidi != BIDI_MODE_TERMINAL) {
		bdsm_sent = 1;
		bdsm_explicit();
	}
	/* mouse off: no mouse reporting at all, so the terminal's own
	 * selection works. */
	t->hyperlinks = tui_hyperlinks_wanted(&t->r.cfg, getenv("TERM"),
	    getenv("TMUX") != NULL && *getenv("TMUX") != '\0');
	mouseinterval(0);
	mousemask(t->r.cfg.mouse ? BUTTON1_PRESSED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED : 0, NULL);
	setup_theme(t, o->theme);
}

static void
tui_free(struct tui *t)
{
	tui_refresh_stop(&t->refresh);
	tui_fulltext_stop(&t->fulltext);
	reader_free(&t->r);
}

/* Open the files named, or the store; -1 when that failed (said). */
static int
open_source(struct tui *t, int first, int argc, char **argv)
{
	char	*cause = NULL;

	if (first < argc) {
		reader_open_files(&t->r, argv + first, (size_t)(argc - first));
		return keyboard_from_tty();
	}
	if (reader_open_store(&t->r, &cause) == -1) {
		cmd_warn("%s", cause);
		free(cause);
		return -1;
	}
	/* Keys come from the terminal even when stdin is not one: polling
	 * /dev/null would report input forever and spin. */
	return keyboard_from_tty();
}

/* The screen, the theme, the model's view (the feed list is loaded once
 * the highlight keywords are set: its "Highlighted" list needs them). */
static int
start(struct tui *t, const struct cmd_reader_args *o)
{
	char	*cause = NULL;
	size_t	 i;

	start_screen(t, o);
	for (i = 0; i < o->nhighlight; i++)
		reader_keyword_add(&t->r, o->highlight[i]);
	t->r.ui_rtl = i18n_rtl();
	if (reader_start(&t->r, COLS, LINES,
	    config_layout_rtl(&t->r.cfg, t->r.ui_rtl), &cause) == -1) {
		cleanup_terminal();
		die_cleanup = NULL;
		cmd_warn("%s", cause);
		free(cause);
		return -1;
	}
	tui_draw_windows(t);
	return 0;
}

int
cmd_tui(const struct cmd_reader_args *o, int argc, char **argv)
{
	struct tui	 t;

	memset(&t, 0, sizeof t);
	tui_refresh_init(&t.refresh);
	tui_fulltext_init(&t.fulltext);
	reader_init(&t.r);
	t.r.clock = tui_now;
	t.r.urls_path = o->urls != NULL ? xstrdup(o->urls) :
	    urls_default_path();
	t.r.store_path = o->cache != NULL ? xstrdup(o->cache) :
	    store_default_path();
	t.config_path = o->config;
	t.r.config_path = o->config != NULL ? xstrdup(o->config) : NULL;
	t.r.offline = o->offline;
	if (check_locale() == -1) {
		tui_free(&t);
		return 1;
	}
	config_load(&t.r.cfg, o->config);
	if (open_source(&t, o->first_path, argc, argv) == -1 ||
	    start(&t, o) == -1) {
		tui_free(&t);
		return 1;
	}
	if (o->refresh && t.r.st != NULL && !t.r.offline)
		refresh_start(&t, 0);
	if (t.r.cfg.refresh_interval > 0 && t.r.st != NULL && !t.r.offline)
		t.next_refresh = tui_now() +
		    (int64_t)t.r.cfg.refresh_interval * 60000;
	loop(&t);
	cleanup_terminal();
	die_cleanup = NULL;
	tui_free(&t);
	return 0;
}
