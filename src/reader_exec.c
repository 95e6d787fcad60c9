/*
 * reader_exec.c - programs and notifications in the reader's model, no
 * curses: the argument vectors of `bind KEY exec` (%u %t %f %d) and of
 * notify-command (%n %f), each word one argument whatever a feed put in
 * it (never a shell), and the count of new articles a background refresh
 * brought with their feeds' titles, sanitized. tui_exec.c runs them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "utf8.h"
#include "reader.h"
#include "store.h"

/* ---- programs ---- */

/* Append word w to argv with %u %t %f %d %% replaced. */
static void
expand_word(char ***argv, size_t *n, const char *w,
    const struct reader_exec_vars *v)
{
	struct buf	 out = { 0 };
	const char	*val;

	for (; *w != '\0'; w++) {
		if (*w != '%' || w[1] == '\0') {
			buf_putc(&out, *w);
			continue;
		}
		switch (*++w) {
		case 'u': val = v->url; break;
		case 't': val = v->title; break;
		case 'f': val = v->file; break;
		case 'd': val = v->dump; break;
		case '%': val = "%"; break;
		default:
			buf_putc(&out, '%');
			val = NULL;
			w--;
			break;
		}
		if (val != NULL)
			buf_puts(&out, val);
	}
	buf_putc(&out, '\0');
	*argv = xreallocarray(*argv, *n + 2, sizeof **argv);
	(*argv)[(*n)++] = out.data;
	(*argv)[*n] = NULL;
}

char **
reader_exec_argv(char *const *tmpl, const struct reader_exec_vars *v)
{
	char	**argv = NULL;
	size_t	  n = 0, i;

	for (i = 0; tmpl[i] != NULL; i++)
		expand_word(&argv, &n, tmpl[i], v);
	return argv;
}

int
reader_exec_uses(char *const *tmpl, char c)
{
	const char	*p;
	size_t		 i;

	for (i = 0; tmpl[i] != NULL; i++)
		for (p = tmpl[i]; (p = strchr(p, '%')) != NULL; p += 2) {
			if (p[1] == c)
				return 1;
			if (p[1] == '\0')
				break;
		}
	return 0;
}

/* ---- notifications ---- */

struct notify_scan {
	struct reader_notify	*nt;
	int			 after;
	size_t			 count;
	struct buf		 feeds;
	int			 cut;		/* ", ..." added */
};

static int
notify_cb(const struct store_feed *f, void *arg)
{
	struct notify_scan	*s = arg;
	struct reader_notify	*nt = s->nt;
	const char		*title = f->title != NULL ? f->title : f->url;
	size_t			 i;
	char			*t;

	if (!s->after) {
		nt->v = xreallocarray(nt->v, nt->n + 1, sizeof *nt->v);
		nt->v[nt->n].id = f->id;
		nt->v[nt->n++].unread = f->unread;
		return 0;
	}
	for (i = 0; i < nt->n && nt->v[i].id != f->id; i++)
		;
	if (f->unread <= (i < nt->n ? nt->v[i].unread : 0))
		return 0;
	s->count += (size_t)(f->unread - (i < nt->n ? nt->v[i].unread : 0));
	/* Feed titles, sanitized, a few hundred bytes at most. */
	if (s->feeds.len < 200 && title != NULL) {
		t = utf8_sanitize(title, strlen(title), UTF8_FOLD_SPACE |
		    UTF8_SQUEEZE);
		buf_printf(&s->feeds, "%s%s", s->feeds.len ? ", " : "", t);
		free(t);
	} else if (!s->cut) {
		buf_puts(&s->feeds, ", ...");
		s->cut = 1;
	}
	return 0;
}

void
reader_notify_start(struct reader *r)
{
	struct notify_scan	 s;
	char			*cause = NULL;

	free(r->notify.v);
	memset(&r->notify, 0, sizeof r->notify);
	if (r->st == NULL || (r->cfg.notify == NOTIFY_OFF && !r->cfg.beep))
		return;
	memset(&s, 0, sizeof s);
	s.nt = &r->notify;
	if (store_feeds(r->st, notify_cb, &s, &cause) == -1)
		free(cause);
	r->notify.active = 1;
}

size_t
reader_notify_news(struct reader *r, char **feeds)
{
	struct notify_scan	 s;
	char			*cause = NULL;

	*feeds = NULL;
	if (!r->notify.active || r->st == NULL)
		return 0;
	memset(&s, 0, sizeof s);
	s.nt = &r->notify;
	s.after = 1;
	if (store_feeds(r->st, notify_cb, &s, &cause) == -1)
		free(cause);
	free(r->notify.v);
	memset(&r->notify, 0, sizeof r->notify);
	buf_putc(&s.feeds, '\0');
	if (s.count == 0) {
		buf_free(&s.feeds);
		return 0;
	}
	*feeds = s.feeds.data;
	return s.count;
}

char *
reader_notify_text(size_t n, const char *feeds)
{
	return xasprintf("%zu new article%s%s%s", n, n == 1 ? "" : "s",
	    feeds != NULL && *feeds != '\0' ? ": " : "",
	    feeds != NULL ? feeds : "");
}

char **
reader_notify_argv(char *const *tmpl, size_t n, const char *feeds)
{
	struct buf	  out = { 0 };
	const char	 *w;
	char		**argv = NULL, num[32];
	size_t		  k = 0, i;

	snprintf(num, sizeof num, "%zu", n);
	for (i = 0; tmpl[i] != NULL; i++) {
		buf_reset(&out);
		for (w = tmpl[i]; *w != '\0'; w++) {
			if (w[0] != '%' || (w[1] != 'n' && w[1] != 'f' &&
			    w[1] != '%')) {
				buf_putc(&out, *w);
				continue;
			}
			w++;
			if (*w == 'n')
				buf_puts(&out, num);
			else if (*w == 'f')
				buf_puts(&out, feeds);
			else
				buf_putc(&out, '%');
		}
		buf_putc(&out, '\0');
		argv = xreallocarray(argv, k + 2, sizeof *argv);
		argv[k++] = xstrdup(out.data);
		argv[k] = NULL;
	}
	buf_free(&out);
	return argv;
}
