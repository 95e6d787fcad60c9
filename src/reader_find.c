/*
 * reader_find.c - finding things in the reader: highlight keywords (the
 * theme's style, and the config's groups, each with its own: the layout
 * engine records which group matched each cell), `/` in the focused
 * pane, `S` across the store, and the status line prompt that asks for
 * them. Positions are rows of the reader pane and indices of the list.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "utf8.h"
#include "match.h"
#include "reader.h"
#include "store.h"
#include "i18n.h"

/* ---- highlight keywords ---- */

void
reader_keywords_free(struct reader *r)
{
	size_t	g;

	matcher_free(r->kw.all);
	r->kw.all = NULL;
	r->opts.highlight = NULL;
	for (g = 0; g < r->kw.ngroups; g++)
		matcher_free(r->kw.group[g]);
	free(r->kw.group);
	r->kw.group = NULL;
	r->kw.ngroups = 0;
	r->opts.groups = NULL;
	r->opts.ngroups = 0;
	free(r->kw.words);
	r->kw.words = NULL;
	r->kw.nwords = 0;
}

/* Add word to all (and to group, when not NULL); a bad one is said and
 * logged. */
static void
keyword_add(struct reader *r, struct matcher *all, struct matcher *group,
    char *word)
{
	char	*cause = NULL;

	if (matcher_add(all, word, &cause) == -1 ||
	    (group != NULL && matcher_add(group, word, &cause) == -1)) {
		reader_message(r, MSG_ERROR, _("highlight: %s"), cause);
		free(cause);
		return;
	}
	r->kw.words = xreallocarray(r->kw.words, r->kw.nwords + 1,
	    sizeof *r->kw.words);
	r->kw.words[r->kw.nwords++] = word;
}

/* One matcher for every keyword (cells ATTR_HIGHLIGHT) and one per
 * group (cells get the group's number). */
void
reader_keywords_build(struct reader *r)
{
	struct config_hlgroup	*cg;
	struct matcher		*m = matcher_create();
	size_t			 i, g, n = r->cfg.nhlgroups;

	reader_keywords_free(r);
	for (i = 0; i < r->kw.nown; i++)
		keyword_add(r, m, NULL, r->kw.own[i]);
	if (n > ATTR_GROUP_MAX)
		n = ATTR_GROUP_MAX;
	r->kw.group = xcalloc(n + 1, sizeof *r->kw.group);
	r->kw.ngroups = n;
	for (g = 0; g < n; g++) {
		cg = &r->cfg.hlgroups[g];
		r->kw.group[g] = matcher_create();
		for (i = 0; i < cg->nwords; i++)
			keyword_add(r, m, r->kw.group[g], cg->words[i]);
		if (matcher_count(r->kw.group[g]) == 0) {
			matcher_free(r->kw.group[g]);
			r->kw.group[g] = NULL;
		}
	}
	if (matcher_count(m) == 0) {
		matcher_free(m);
		m = NULL;
	}
	r->kw.all = m;
	r->opts.highlight = m;
	r->opts.groups = (const struct matcher *const *)r->kw.group;
	r->opts.ngroups = m != NULL ? n : 0;
	source_set_highlight(&r->src, r->kw.all, r->kw.words, r->kw.nwords);
}

void
reader_keyword_add(struct reader *r, const char *word)
{
	r->kw.own = xreallocarray(r->kw.own, r->kw.nown + 1,
	    sizeof *r->kw.own);
	r->kw.own[r->kw.nown++] = xstrdup(word);
}

/* Remove word from v[0..*n); returns non-zero when it was there. */
static int
words_remove(char **v, size_t *n, const char *word)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if (strcmp(v[i], word) == 0) {
			free(v[i]);
			memmove(v + i, v + i + 1, (*n - i - 1) * sizeof *v);
			(*n)--;
			return 1;
		}
	return 0;
}

void
reader_keyword_toggle(struct reader *r, const char *word)
{
	struct matcher	*m;
	char		*cause = NULL;
	size_t		 g;
	int		 removed;

	if (*word == '\0')
		return;
	removed = words_remove(r->kw.own, &r->kw.nown, word);
	for (g = 0; g < r->cfg.nhlgroups && !removed; g++)
		removed = words_remove(r->cfg.hlgroups[g].words,
		    &r->cfg.hlgroups[g].nwords, word);
	if (!removed) {
		m = matcher_create();
		if (matcher_add(m, word, &cause) == -1) {
			reader_message(r, MSG_ERROR, _("highlight: %s"), cause);
			free(cause);
			matcher_free(m);
			return;
		}
		matcher_free(m);
		reader_keyword_add(r, word);
	}
	reader_keywords_build(r);
	reader_relayout(r);
	if (r->st != NULL)
		reader_reload(r);
	r->dirty |= READER_DIRTY_LIST;
	if (removed)
		reader_message(r, MSG_INFO, _("no longer highlighting %s"),
		    word);
	else
		reader_message(r, MSG_INFO, _("highlighting %s"), word);
}

/* ---- / ---- */

void
reader_search_rows(struct reader *r)
{
	struct reader_search	*s = &r->search;
	const size_t		*rows;

	free(s->rows);
	s->rows = NULL;
	s->nrows = s->row = 0;
	if (r->layout == NULL || r->opts.search == NULL)
		return;
	/* Noted by the layout's scan: walking the rows again would lay
	 * the whole article out a second time. */
	rows = layout_search_rows(r->layout, &s->nrows);
	if (s->nrows > 0) {
		s->rows = xreallocarray(NULL, s->nrows, sizeof *s->rows);
		memcpy(s->rows, rows, s->nrows * sizeof *s->rows);
	}
}

/* The indices of the list's titles that match the search (for the
 * steps and "hit i of n"): one walk over the list a search and a load,
 * as a paged list reads its headers again for it (a second at 1M). */
static void
title_hits(struct reader *r)
{
	struct reader_search	*s = &r->search;
	size_t			 i, cap = 0;

	if (s->hits_done && s->hits_gen == r->src.gen)
		return;
	free(s->hits);
	s->hits = NULL;
	s->ntitles = 0;
	for (i = 0; i < r->src.n; i++)
		if (matcher_test(s->m, source_item(&r->src, i)->title)) {
			if (s->ntitles == cap) {
				cap = cap ? cap * 2 : 64;
				s->hits = xreallocarray(s->hits, cap,
				    sizeof *s->hits);
			}
			s->hits[s->ntitles++] = i;
		}
	s->hits_done = 1;
	s->hits_gen = r->src.gen;
}

void
reader_search_step(struct reader *r, int dir)
{
	struct reader_search	*s = &r->search;
	size_t			 i, n = r->src.n, k;

	if (s->m == NULL) {
		reader_message(r, MSG_INFO, _("no search (/ to search)"));
		return;
	}
	if (s->pane == FOCUS_READER) {
		if (s->nrows == 0) {
			reader_message(r, MSG_ERROR, _("not found: %s"),
			    s->word);
			return;
		}
		s->row = (s->row + s->nrows + (size_t)(long)dir) % s->nrows;
		app_reader_goto(&r->app, s->rows[s->row]);
		r->dirty |= READER_DIRTY_STATUS;
		return;
	}
	title_hits(r);
	if (s->ntitles > 0 && n > 0) {
		/* the first hit after the selection (dir > 0), else the
		 * last before it; around the end */
		for (k = 0; k < s->ntitles && s->hits[k] <= r->app.list.sel;
		    k++)
			;
		if (dir < 0)
			k = k > 0 && s->hits[k - 1] == r->app.list.sel ?
			    k - 1 : k;
		k = dir > 0 ? k % s->ntitles : (k + s->ntitles - 1) %
		    s->ntitles;
		i = s->hits[k];
		s->title = k + 1;
		app_list_select(&r->app, i);
		reader_selection_changed(r);
		r->dirty |= READER_DIRTY_STATUS;
		return;
	}
	s->ntitles = 0;
	reader_message(r, MSG_ERROR, _("not found: %s"), s->word);
}

void
reader_search_clear(struct reader *r)
{
	matcher_free(r->search.m);
	r->search.m = NULL;
	r->opts.search = NULL;
	free(r->search.word);
	r->search.word = NULL;
	r->search.ntitles = r->search.title = 0;
	r->search.hits_done = 0;
	r->dirty |= READER_DIRTY_STATUS;
}

void
reader_search_apply(struct reader *r, const char *word)
{
	struct reader_search	*s = &r->search;
	char			*cause = NULL;
	size_t			 i;

	reader_search_clear(r);
	if (*word != '\0') {
		s->m = matcher_create();
		if (matcher_add(s->m, word, &cause) == -1) {
			reader_message(r, MSG_ERROR, _("bad search: %s"),
			    cause);
			free(cause);
			reader_search_clear(r);
		} else {
			s->word = xstrdup(word);
			s->pane = reader_text_focused(r) ? FOCUS_READER :
			    FOCUS_LIST;
		}
	}
	if (s->m != NULL && s->pane == FOCUS_LIST) {
		reader_search_step(r, 1);
		return;
	}
	r->opts.search = s->m;
	reader_relayout(r);
	if (s->m == NULL)
		return;
	if (s->nrows == 0) {
		reader_message(r, MSG_ERROR, _("not found: %s"), word);
		return;
	}
	for (i = 0; i < s->nrows && s->rows[i] < r->app.reader.top; i++)
		;
	s->row = i < s->nrows ? i : 0;
	app_reader_goto(&r->app, s->rows[s->row]);
}

/* ---- S ---- */

void
reader_search_store(struct reader *r, const char *query)
{
	struct item	 it;
	char		*title, *cause = NULL;

	if (*query == '\0')
		return;
	if (store_search_check(query, &cause) == -1) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
		return;
	}
	memset(&it, 0, sizeof it);
	it.type = ITEM_SEARCH;
	it.title = title = xasprintf(_("Search: %s"), query);
	it.path = (char *)query;
	reader_open_list(r, &it);
	free(title);
	/* The results have the focus, whatever had it before. */
	if (r->app.zoom) {
		r->app.zoom = 0;
		app_layout(&r->app);
		r->dirty |= READER_DIRTY_ALL;
		reader_relayout(r);
	}
	app_focus_set(&r->app, FOCUS_LIST);
	if (r->src.n == 0)
		reader_message(r, MSG_INFO, _("no article matches %s"),
		    query);
	else
		reader_message(r, MSG_INFO, ngettext("%zu article matches %s",
		    "%zu articles match %s", r->src.n), r->src.n, query);
}

/* ---- the prompt ---- */

void
reader_prompt_start(struct reader *r, enum reader_prompt_kind k)
{
	r->prompt_kind = k;
	r->prompting = 1;
	buf_reset(&r->prompt);
	buf_putc(&r->prompt, '\0');
	r->prompt.len = 0;
	reader_message(r, MSG_INFO, NULL);
}

const char *
reader_prompt_label(const struct reader *r)
{
	static const char *const labels[] = { "/", N_("highlight: "),
	    N_("search store: "), N_("mark every article of every feed "
	    "read? (y/n) "), NULL, NULL, N_("pipe the article to: ") };

	if (r->prompt_kind == PROMPT_IGNORE)
		return r->ignore_prompt != NULL ? r->ignore_prompt : "? ";
	if (r->prompt_kind == PROMPT_TAG)
		return r->tag_prompt != NULL ? r->tag_prompt : _("tag: ");
	return r->prompt_kind == PROMPT_SEARCH ? labels[0] :
	    _(labels[r->prompt_kind]);
}

/* Enter: do what the prompt asked for. */
static void
prompt_done(struct reader *r)
{
	r->prompting = 0;
	buf_putc(&r->prompt, '\0');
	if (r->prompt_kind == PROMPT_HIGHLIGHT)
		reader_keyword_toggle(r, r->prompt.data);
	else if (r->prompt_kind == PROMPT_SEARCH_STORE)
		reader_search_store(r, r->prompt.data);
	else if (r->prompt_kind == PROMPT_TAG)
		reader_tag_apply(r, r->prompt.data);
	else if (r->prompt_kind == PROMPT_PIPE) {
		free(r->pipe_line);
		r->pipe_line = r->prompt.len > 0 ? xstrdup(r->prompt.data) :
		    NULL;
	} else
		reader_search_apply(r, r->prompt.data);
}

void
reader_prompt_key(struct reader *r, int key)
{
	char	out[4];
	size_t	n;

	r->dirty |= READER_DIRTY_STATUS;
	if (r->prompt_kind == PROMPT_CONFIRM) {
		r->prompting = 0;
		reader_confirm(r, key == 'y' || key == 'Y');
		return;
	}
	if (r->prompt_kind == PROMPT_IGNORE) {
		r->prompting = 0;
		reader_ignore_confirm(r, key == 'y' || key == 'Y');
		return;
	}
	if (key == APP_KEY_ENTER || key == '\n')
		prompt_done(r);
	else if (key == APP_KEY_ESC || key == ('g' & 0x1f) ||
	    ((key == APP_KEY_BACKSPACE || key == 8) && r->prompt.len == 0))
		r->prompting = 0;
	else if (key == APP_KEY_BACKSPACE || key == 8) {
		while (r->prompt.len > 0 &&
		    ((unsigned char)r->prompt.data[--r->prompt.len] & 0xc0) ==
		    0x80)
			;
	} else if (key == ('u' & 0x1f))
		r->prompt.len = 0;
	else if (key >= ' ' && key < KEY_APP_BASE && key != 0x7f &&
	    r->prompt.len < 200) {
		n = utf8_encode((uint32_t)key, out);
		buf_add(&r->prompt, out, n);
	}
	if (r->prompt.data != NULL)
		r->prompt.data[r->prompt.len] = '\0';
}
