/*
 * tui_exec.c - the terminal's side of links, copying and programs: OSC
 * sequences written to the terminal (built by osc.c only), programs run
 * with an argument vector (fork + execvp, never a shell) with their
 * input from a temporary file and their standard error kept in another,
 * so a failing program's first line of it reaches the status line. A
 * program that may use the terminal (exec, |) runs with curses shut
 * down and the screen is repainted after it.
 */
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"
#include "i18n.h"
#include "osc.h"
#include "utf8.h"
#include "tui.h"

/* Temporary files live here: $TMPDIR when absolute, else /tmp. */
static const char *
tmp_dir(void)
{
	const char	*d = getenv("TMPDIR");

	return d != NULL && *d == '/' ? d : "/tmp";
}

/* A new temporary file holding data (may be NULL: empty); its path
 * (caller frees and unlinks), or NULL and errno. */
static char *
tmp_file(const char *data)
{
	char	*path = xasprintf("%s/akhbar-XXXXXX", tmp_dir());
	size_t	 len = data != NULL ? strlen(data) : 0, off = 0;
	ssize_t	 n;
	int	 fd;

	if ((fd = mkstemp(path)) == -1) {
		free(path);
		return NULL;
	}
	while (off < len) {
		if ((n = write(fd, data + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			close(fd);
			unlink(path);
			free(path);
			return NULL;
		}
		off += (size_t)n;
	}
	close(fd);
	return path;
}

/* The first line of the file at path into out (n bytes), sanitized. */
static void
first_line(const char *path, char *out, size_t n)
{
	char	 s[1024], *clean;
	ssize_t	 len = -1;
	int	 fd;

	out[0] = '\0';
	if ((fd = open(path, O_RDONLY)) != -1) {
		len = read(fd, s, sizeof s - 1);
		close(fd);
	}
	if (len <= 0)
		return;
	s[len] = '\0';
	s[strcspn(s, "\n")] = '\0';
	clean = utf8_sanitize(s, strlen(s), UTF8_FOLD_SPACE);
	snprintf(out, n, "%s", clean);
	free(clean);
}

int
tui_run(struct tui *t, char **argv, const char *input, int interactive,
    char *msg, size_t msglen)
{
	char	*in = NULL, *err = NULL, line[256];
	pid_t	 pid;
	int	 status = 0, fd;

	msg[0] = '\0';
	if ((in = tmp_file(input)) == NULL || (err = tmp_file(NULL)) ==
	    NULL) {
		snprintf(msg, msglen, "%s: temporary file: %s", argv[0],
		    strerror(errno));
		goto out;
	}
	if (interactive)
		tui_suspend();
	if ((pid = fork()) == 0) {
		/* akhbar ignores SIGPIPE; the program must not inherit that. */
		signal(SIGPIPE, SIG_DFL);
		if ((fd = open(in, O_RDONLY)) != -1)
			dup2(fd, STDIN_FILENO);
		if ((fd = open(err, O_WRONLY)) != -1)
			dup2(fd, STDERR_FILENO);
		if (!interactive && (fd = open("/dev/null", O_WRONLY)) != -1)
			dup2(fd, STDOUT_FILENO);
		execvp(argv[0], argv);
		fprintf(stderr, "%s\n", strerror(errno));
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	if (interactive)
		tui_resume(t);
	if (pid == -1) {
		snprintf(msg, msglen, "%s: fork: %s", argv[0],
		    strerror(errno));
		goto out;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		goto out;
	first_line(err, line, sizeof line);
	if (WIFSIGNALED(status))
		snprintf(msg, msglen, "%s: killed by signal %d%s%s", argv[0],
		    WTERMSIG(status), line[0] ? ": " : "", line);
	else
		snprintf(msg, msglen, "%s: exit status %d%s%s", argv[0],
		    WEXITSTATUS(status), line[0] ? ": " : "", line);
out:
	if (in != NULL)
		unlink(in);
	if (err != NULL)
		unlink(err);
	free(in);
	free(err);
	return msg[0] == '\0' ? 0 : -1;
}

/* Copy text (is_text: the article's text, else a link). */
static void
copy(struct tui *t, const char *text, int is_text)
{
	struct reader	*r = &t->r;
	char		*seq, msg[512];
	int		 cut = 0;

	switch (r->cfg.copy_method) {
	case COPY_OFF:
		reader_message(r, MSG_ERROR, _("copying is off (copy-method)"));
		return;
	case COPY_COMMAND:
		if (r->cfg.copy_command == NULL) {
			reader_message(r, MSG_ERROR, _("copy-method command: "
			    "no copy-command in the config"));
			return;
		}
		if (tui_run(t, r->cfg.copy_command, text, 0, msg,
		    sizeof msg) == -1)
			reader_message(r, MSG_ERROR, _("not copied: %s"), msg);
		else
			reader_message(r, MSG_INFO, is_text ?
			    _("copied the text (%s)") :
			    _("copied the link (%s)"), r->cfg.copy_command[0]);
		return;
	case COPY_OSC52:
		seq = osc_52(text, &cut);
		tui_write(seq);
		free(seq);
		if (cut)
			reader_message(r, MSG_WARNING, is_text ?
			    _("copied the first %d KB of the text only "
			    "(OSC 52 limit)") : _("copied the first %d KB of "
			    "the link only (OSC 52 limit)"), OSC_52_MAX / 1024);
		else
			reader_message(r, MSG_INFO, is_text ?
			    _("copied the text") : _("copied the link"));
		return;
	}
}

void
tui_copy_link(struct tui *t, unsigned n)
{
	char	*s;

	if ((s = reader_copy_link(&t->r, n)) == NULL)
		return;
	copy(t, s, 0);
	free(s);
}

void
tui_copy_text(struct tui *t)
{
	char	*s;

	if ((s = reader_article_text(&t->r)) == NULL) {
		reader_message(&t->r, MSG_ERROR, _("no article to copy"));
		return;
	}
	copy(t, s, 1);
	free(s);
}

/* The article in the saved format in a new temporary folder: *dir and
 * the file's path (caller frees both, removes both). */
static char *
saved_tmp(struct tui *t, char **dir, char *msg, size_t msglen)
{
	struct reader	*r = &t->r;
	char		*path = NULL, *cause = NULL;
	long		 i = reader_article_item(r);

	*dir = xasprintf("%s/akhbar-XXXXXX", tmp_dir());
	if (mkdtemp(*dir) == NULL) {
		snprintf(msg, msglen, _("temporary folder: %s"),
		    strerror(errno));
		free(*dir);
		*dir = NULL;
		return NULL;
	}
	if (i < 0 || source_export(&r->src, (size_t)i, *dir, &path,
	    &cause) == -1) {
		snprintf(msg, msglen, "%%f: %s", cause != NULL ? cause :
		    "no article");
		free(cause);
		rmdir(*dir);
		free(*dir);
		*dir = NULL;
		return NULL;
	}
	return path;
}

/* Run program argv (template) of `bind KEY exec`, or the | line. */
static void
run_program(struct tui *t, char **tmpl, const char *input)
{
	struct reader		*r = &t->r;
	struct reader_exec_vars	 v;
	char			**argv, *file = NULL, *dir = NULL, *dump = NULL;
	char			*dtext, msg[512];
	const char		*url;
	unsigned		 n = reader_last_count(r);
	long			 i = reader_article_item(r);

	memset(&v, 0, sizeof v);
	v.url = v.title = v.file = v.dump = "";
	msg[0] = '\0';
	if (n > 0 && (r->doc == NULL || n > r->doc->nlinks)) {
		reader_message(r, MSG_ERROR, _("no link %u"), n);
		return;
	}
	url = n > 0 ? r->doc->links[n - 1] : i >= 0 ?
	    source_link(&r->src, (size_t)i) : NULL;
	if (url != NULL)
		v.url = url;
	if (i >= 0 && (size_t)i < r->src.n &&
	    source_at(&r->src, (size_t)i)->title != NULL)
		v.title = source_at(&r->src, (size_t)i)->title;
	if (reader_exec_uses(tmpl, 'f') && (file = saved_tmp(t, &dir, msg,
	    sizeof msg)) == NULL) {
		reader_message(r, MSG_ERROR, "%s: %s", tmpl[0], msg);
		return;
	}
	if (file != NULL)
		v.file = file;
	if (reader_exec_uses(tmpl, 'd')) {
		dtext = reader_pane_text(r);
		dump = tmp_file(dtext);
		free(dtext);
		if (dump != NULL)
			v.dump = dump;
	}
	argv = reader_exec_argv(tmpl, &v);
	if (tui_run(t, argv, input, 1, msg, sizeof msg) == -1)
		reader_message(r, MSG_ERROR, "%s", msg);
	else
		reader_message(r, MSG_INFO, "%s: done", argv[0]);
	reader_argv_free(argv);
	if (file != NULL)
		unlink(file);
	if (dir != NULL)
		rmdir(dir);
	if (dump != NULL)
		unlink(dump);
	free(file);
	free(dir);
	free(dump);
}

void
tui_exec(struct tui *t)
{
	struct reader	*r = &t->r;
	char		*text;

	if (r->exec_idx >= r->cfg.nexecs)
		return;
	text = reader_article_text(r);
	run_program(t, r->cfg.execs[r->exec_idx], text);
	free(text);
}

void
tui_pipe(struct tui *t)
{
	struct reader	*r = &t->r;
	char		**argv, *text;

	argv = reader_split_argv(r->pipe_line);
	free(r->pipe_line);
	r->pipe_line = NULL;
	if (argv == NULL) {
		reader_message(r, MSG_ERROR, "|: unbalanced quote or no "
		    "command");
		return;
	}
	text = reader_article_text(r);
	run_program(t, argv, text != NULL ? text : "");
	free(text);
	reader_argv_free(argv);
}

void
tui_notify(struct tui *t)
{
	struct reader	*r = &t->r;
	char		*feeds = NULL, *s, **argv, msg[512];
	size_t		 n;

	if ((n = reader_notify_news(r, &feeds)) == 0)
		return;
	if (r->cfg.beep)
		beep();
	switch (r->cfg.notify) {
	case NOTIFY_OFF:
		break;
	case NOTIFY_OSC9:
		s = reader_notify_text(n, feeds);
		free(feeds);
		feeds = osc_9(s);
		free(s);
		tui_write(feeds);
		break;
	case NOTIFY_OSC777:
		s = reader_notify_text(n, feeds);
		free(feeds);
		feeds = osc_777("akhbar", s);
		free(s);
		tui_write(feeds);
		break;
	case NOTIFY_COMMAND:
		if (r->cfg.notify_command == NULL) {
			reader_log(r, _("notify command: no notify-command "
			    "in the config"));
			break;
		}
		argv = reader_notify_argv(r->cfg.notify_command, n, feeds);
		if (tui_run(t, argv, NULL, 0, msg, sizeof msg) == -1)
			reader_log(r, "notify-command: %s", msg);
		reader_argv_free(argv);
		break;
	}
	free(feeds);
}

/* ---- OSC 8 hyperlinks ---- */

int
tui_hyperlinks_wanted(const struct config *c, const char *term,
    int in_tmux)
{
	if (c->hyperlinks != HYPERLINKS_AUTO)
		return c->hyperlinks == HYPERLINKS_ON;
	return osc_term_hyperlinks(term, in_tmux);
}

/* One run of cells [from, to) of row at screen line y, column x, as a
 * hyperlink to link n: written again between OSC 8 open and close, in
 * their theme colours, the cursor and attributes saved and restored
 * around (DECSC/DECRC) so curses' idea of the terminal stays true. */
static void
link_run(struct tui *t, struct buf *b, const struct row *row, size_t from,
    size_t to, int y, int x, unsigned n)
{
	const char	*sgr, *last = NULL;
	char		*open, id[32], enc[4];
	size_t		 i;

	snprintf(id, sizeof id, "akhbar-%u", n);
	open = osc_8_open(t->r.doc->links[n - 1], id);
	buf_printf(b, "\0337\033[%d;%dH%s", y + 1, x + 1, open);
	free(open);
	for (i = from; i < to; i++) {
		if (row->cells[i].width > 0 && t->ncolors > 0 &&
		    (sgr = theme_sgr(&t->theme, row->cells[i].attr)) != last)
			buf_puts(b, last = sgr);
		buf_add(b, enc, utf8_encode(row->cells[i].cp, enc));
	}
	buf_printf(b, "\033[0m%s\0338", osc_8_close());
}

void
tui_hyperlinks(struct tui *t, int from, int to)
{
	const struct app_rect	*g = &t->r.app.geom.reader;
	const struct row	*row;
	struct buf		 b = { 0 };
	size_t			 i, start;
	unsigned		 n;
	int			 y, x, x0;

	if (!t->hyperlinks || t->r.doc == NULL || t->r.doc->nlinks == 0)
		return;
	for (y = from; y < to && y < g->h; y++) {
		if ((row = reader_text_row(&t->r, t->r.app.reader.top +
		    (size_t)y)) == NULL)
			break;
		x = 0;
		for (i = 0; i < row->n; ) {
			if ((n = reader_cell_link(&t->r, row, i)) == 0 ||
			    row->cells[i].width == 0) {
				x += row->cells[i++].width;
				continue;
			}
			start = i;
			x0 = x;
			while (i < row->n && x + row->cells[i].width <= g->w &&
			    (reader_cell_link(&t->r, row, i) == n ||
			    row->cells[i].width == 0))
				x += row->cells[i++].width;
			link_run(t, &b, row, start, i, g->y + y, g->x + x0, n);
			if (i == start)
				i++;
		}
	}
	if (b.len > 0) {
		buf_putc(&b, '\0');
		tui_write(b.data);
	}
	buf_free(&b);
}
