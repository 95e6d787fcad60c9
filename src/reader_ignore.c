/*
 * reader_ignore.c - the reader's side of ignore rules (rules.h): the
 * store is filtered again at start when the config's rules changed, and
 * `I` turns the selected article's title (with a count, its author) into
 * a rule, asks, appends it to the config file and hides what it matches.
 * Also the tag view (`t`), the other way the list is narrowed. No
 * curses.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "reader.h"
#include "rules.h"
#include "store.h"
#include "urls.h"
#include "utf8.h"
#include "util.h"
#include "i18n.h"

void
reader_ignore_refilter(struct reader *r)
{
	char	*cause = NULL;
	int64_t	 n = 0;

	if (r->st == NULL)
		return;
	if (rules_refilter(r->st, &r->cfg.rules, &r->urls, -1, &n,
	    &cause) != 0) {
		reader_log(r, _("ignore rules: %s"), cause);
		free(cause);
	} else if (n > 0)
		reader_log(r, ngettext("ignore rules changed: %lld article "
		    "hidden or shown again", "ignore rules changed: %lld "
		    "articles hidden or shown again", (unsigned long)n),
		    (long long)n);
}

void
reader_act_ignore(struct reader *r, unsigned n)
{
	const struct item	*it;
	enum rules_field	 field = n >= 2 ? RULES_AUTHOR : RULES_TITLE;
	const char		*text;
	char			*line, *clean;

	if (r->st == NULL || r->src.kind != SOURCE_ARTICLES ||
	    r->app.list.sel >= r->src.n ||
	    source_at(&r->src, r->app.list.sel)->type != ITEM_ARTICLE) {
		reader_message(r, MSG_INFO, _("select an article: I hides "
		    "articles titled like it (2 I: by its author)"));
		return;
	}
	it = source_at(&r->src, r->app.list.sel);
	text = field == RULES_AUTHOR ? it->author : it->title;
	if (text == NULL || (line = rules_line_for(field, text)) == NULL) {
		reader_message(r, MSG_INFO, "%s", field == RULES_AUTHOR ?
		    _("this article has no author to match") :
		    _("this article has no title to match"));
		return;
	}
	free(r->ignore_line);
	r->ignore_line = line;
	clean = utf8_sanitize(line, strlen(line), UTF8_FOLD_SPACE);
	free(r->ignore_prompt);
	r->ignore_prompt = xasprintf(_("%s -- add to the config? (y/n) "),
	    clean);
	free(clean);
	reader_prompt_start(r, PROMPT_IGNORE);
}

void
reader_ignore_confirm(struct reader *r, int yes)
{
	char	*cause = NULL, *path;
	int64_t	 n = 0;
	size_t	 first;

	if (!yes || r->ignore_line == NULL) {
		reader_message(r, MSG_INFO, _("no rule added"));
		return;
	}
	path = r->config_path != NULL ? xstrdup(r->config_path) :
	    config_default_path();
	/* urls_append(): append lines, keep the rest, mkdir -p */
	if (urls_append(path, &r->ignore_line, 1, &cause) != 0) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
		free(path);
		return;
	}
	first = r->cfg.rules.n;
	config_parse(&r->cfg, r->ignore_line, path);
	free(path);
	/* only the new rule: a title rule reads no body */
	if (rules_hide_added(r->st, &r->cfg.rules, first, &r->urls, &n,
	    &cause) != 0) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
		return;
	}
	reader_reload(r);
	reader_selection_changed(r);
	reader_message(r, MSG_INFO, ngettext("rule added to the config: "
	    "%lld article hidden (see Ignored)", "rule added to the config: "
	    "%lld articles hidden (see Ignored)", (unsigned long)n),
	    (long long)n);
}

/* ---- the tag view ---- */

void
reader_act_tag(struct reader *r, unsigned n)
{
	char	*tags, *clean;

	if (r->st == NULL) {
		reader_message(r, MSG_INFO, _("no feeds: tags are the urls "
		    "file's"));
		return;
	}
	if ((tags = source_tags(&r->src, 60)) == NULL) {
		reader_message(r, MSG_INFO, _("no feed in %s has a tag"),
		    r->urls_path);
		return;
	}
	clean = utf8_sanitize(tags, strlen(tags), UTF8_FOLD_SPACE);
	free(r->tag_prompt);
	r->tag_prompt = xasprintf(_("tag (%s; empty: all): "), clean);
	free(clean);
	free(tags);
	reader_prompt_start(r, PROMPT_TAG);
}

void
reader_tag_apply(struct reader *r, const char *tag)
{
	char	*cause = NULL;

	if (*tag == '\0')
		source_set_tag(&r->src, NULL);
	else if (source_set_tag(&r->src, tag) == 0) {
		reader_message(r, MSG_INFO, _("no feed has the tag %s"),
		    tag);
		return;
	}
	if (source_load_feeds(&r->src, &cause) == -1) {
		reader_message(r, MSG_ERROR, "%s", cause);
		free(cause);
	}
	reader_search_clear(r);
	r->doc_item = -1;
	r->feeds_sel = 0;
	app_list_set(&r->app, r->src.n, 0);
	r->app.list.top = 0;
	reader_selection_changed(r);
}
