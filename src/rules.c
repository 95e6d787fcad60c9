/*
 * rules.c - `ignore` rules (see rules.h). Each rule owns a matcher with
 * its one pattern, so a rule matches exactly as highlighting does: the
 * Arabic proclitics, the letter variants and /REGEX/ included. HTML
 * bodies are matched on their text: markup is skipped, not parsed
 * (a rule needs the words, not the layout).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "store.h"
#include "urls.h"
#include "rules.h"
#include "util.h"

static const char *const field_names[] = {
	[RULES_ANY] = "any", [RULES_TITLE] = "title",
	[RULES_AUTHOR] = "author", [RULES_BODY] = "body",
};

/* Apply one key=value scope word; -1 when w is not one. */
static int
rules_scope(struct rule *ru, const char *w, char **cause)
{
	size_t	i;

	if (strncmp(w, "feed=", 5) == 0 && w[5] != '\0') {
		free(ru->feed);
		ru->feed = xstrdup(w + 5);
		return 0;
	}
	if (strncmp(w, "tag=", 4) == 0 && w[4] != '\0') {
		free(ru->tag);
		ru->tag = xstrdup(w + 4);
		return 0;
	}
	if (strncmp(w, "field=", 6) != 0)
		return -1;
	for (i = 0; i < sizeof field_names / sizeof *field_names; i++)
		if (strcmp(w + 6, field_names[i]) == 0) {
			ru->field = (enum rules_field)i;
			return 0;
		}
	*cause = xasprintf("bad field '%s' (want title, author, body or "
	    "any)", w + 6);
	return 1;
}

static void
rule_clear(struct rule *ru)
{
	free(ru->feed);
	free(ru->tag);
	free(ru->pattern);
	matcher_free(ru->m);
}

int
rules_add(struct rules *r, char **w, int n, char **cause)
{
	struct rule	ru;
	int		i, rc;

	memset(&ru, 0, sizeof ru);
	for (i = 0; i < n - 1; i++) {
		if ((rc = rules_scope(&ru, w[i], cause)) == 1)
			goto fail;
		if (rc == -1)
			break;
	}
	if (i != n - 1) {
		*cause = xstrdup("expected: ignore [feed=URL] [tag=TAG] "
		    "[field=title|author|body|any] PATTERN (quote a phrase)");
		goto fail;
	}
	ru.pattern = xstrdup(w[n - 1]);
	ru.m = matcher_create();
	/* a phrase: its words side by side, as highlighting takes it */
	if (matcher_add(ru.m, ru.pattern, cause) != 0)
		goto fail;
	r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
	r->v[r->n++] = ru;
	return 0;
fail:
	rule_clear(&ru);
	return -1;
}

void
rules_free(struct rules *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++)
		rule_clear(&r->v[i]);
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* The text of HTML s: tags dropped (each one a space), so "<b>غزة</b>"
 * is matched as a word and attribute values are not. Caller frees. */
static char *
rules_text(const char *s)
{
	char	*t = xmalloc(strlen(s) + 1), *p = t;
	int	 in_tag = 0;

	for (; *s != '\0'; s++) {
		if (*s == '<')
			in_tag = 1;
		else if (*s == '>' && in_tag) {
			in_tag = 0;
			*p++ = ' ';
		} else if (!in_tag)
			*p++ = *s;
	}
	*p = '\0';
	return t;
}

static int
rule_scoped(const struct rule *ru, const struct rules_article *a)
{
	size_t	i;

	if (ru->feed != NULL && (a->feed_url == NULL ||
	    strcmp(ru->feed, a->feed_url) != 0))
		return 0;
	if (ru->tag == NULL)
		return 1;
	for (i = 0; i < a->ntags; i++)
		if (strcmp(a->tags[i], ru->tag) == 0)
			return 1;
	return 0;
}

/* Does rule ru match a? *text caches a's body text across rules. */
static int
rule_match(const struct rule *ru, const struct rules_article *a,
    char **text)
{
	enum rules_field	f = ru->field;

	if (!rule_scoped(ru, a))
		return 0;
	if ((f == RULES_ANY || f == RULES_TITLE) && a->title != NULL &&
	    matcher_test(ru->m, a->title))
		return 1;
	if ((f == RULES_ANY || f == RULES_AUTHOR) && a->author != NULL &&
	    matcher_test(ru->m, a->author))
		return 1;
	if ((f != RULES_ANY && f != RULES_BODY) || a->body == NULL)
		return 0;
	if (*text == NULL)
		*text = a->body_html ? rules_text(a->body) : xstrdup(a->body);
	return matcher_test(ru->m, *text);
}

int
rules_match(const struct rules *r, const struct rules_article *a)
{
	char	*text = NULL;
	size_t	 i;
	int	 hit = 0;

	for (i = 0; i < r->n && !hit; i++)
		hit = rule_match(&r->v[i], a, &text);
	free(text);
	return hit;
}

char *
rules_fingerprint(const struct rules *r)
{
	uint64_t	h = 1469598103934665603ULL;	/* FNV-1a */
	const char	*parts[4], *p;
	size_t		i, k;

	if (r->n == 0)
		return xstrdup("");
	for (i = 0; i < r->n; i++) {
		parts[0] = r->v[i].feed != NULL ? r->v[i].feed : "";
		parts[1] = r->v[i].tag != NULL ? r->v[i].tag : "";
		parts[2] = field_names[r->v[i].field];
		parts[3] = r->v[i].pattern;
		for (k = 0; k < 4; k++) {
			for (p = parts[k]; ; p++) {
				h = (h ^ (unsigned char)*p) *
				    1099511628211ULL;
				if (*p == '\0')
					break;
			}
		}
	}
	return xasprintf("%zu:%016llx", r->n, (unsigned long long)h);
}

char *
rules_line_for(enum rules_field field, const char *text)
{
	struct buf	 b = { 0 };
	char		*norm, *s;
	const char	*p;

	/* the phrase as the matcher sees it: one space between words */
	norm = match_normalize_utf8(text);
	for (p = norm; p != NULL && *p != '\0'; p++)
		if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0xc0)
			break;	/* a letter or digit (or a non-ASCII one) */
	if (p == NULL || *p == '\0') {
		free(norm);
		return NULL;
	}
	free(norm);
	buf_printf(&b, "ignore field=%s \"", field_names[field]);
	for (p = text; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			buf_putc(&b, ' ');
			continue;
		}
		if (*p == '"' || *p == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *p);
	}
	buf_putc(&b, '"');
	s = xstrndup(b.data, b.len);
	buf_free(&b);
	return s;
}

/* What the store's walk hands each article to. */
struct rules_walk {
	const struct rules	*r;
	const struct urls	*u;
};

static int
rules_store_cb(const char *feed_url, const char *title, const char *author,
    const char *body, int body_html, void *arg)
{
	struct rules_walk	*w = arg;
	struct rules_article	 a;
	long			 i;

	memset(&a, 0, sizeof a);
	a.feed_url = feed_url;
	a.title = title;
	a.author = author;
	a.body = body;
	a.body_html = body_html;
	if (w->u != NULL && feed_url != NULL &&
	    (i = urls_find(w->u, feed_url)) >= 0) {
		a.tags = w->u->v[i].tags;
		a.ntags = w->u->v[i].ntags;
	}
	return rules_match(w->r, &a);
}

/* Does some rule look at bodies (the costly part of a walk)? */
static int
rules_need_body(const struct rules *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++)
		if (r->v[i].field == RULES_ANY || r->v[i].field == RULES_BODY)
			return 1;
	return 0;
}

int
rules_hide_added(struct store *st, const struct rules *r, size_t first,
    const struct urls *u, int64_t *hidden, char **cause)
{
	struct rules		 added = { r->v + first, r->n - first };
	struct rules_walk	 w = { &added, u };
	char			*fp;
	int			 rc;

	*hidden = 0;
	if (first >= r->n)
		return 0;
	if (store_rules_apply(st, 0, STORE_RULES_HIDE_ONLY |
	    (rules_need_body(&added) ? STORE_RULES_BODY : 0), rules_store_cb,
	    &w, hidden, cause) != 0)
		return -1;
	fp = rules_fingerprint(r);
	rc = store_rules_set(st, fp, cause);
	free(fp);
	return rc;
}

int
rules_refilter(struct store *st, const struct rules *r, const struct urls *u,
    int64_t from_id, int64_t *changed, char **cause)
{
	struct rules_walk	 w = { r, u };
	char			*fp, *old = NULL;
	int64_t			 n = 0;
	int			 rc = -1;

	fp = rules_fingerprint(r);
	if (store_rules_get(st, &old, cause) != 0)
		goto out;
	if (strcmp(fp, old) != 0)
		from_id = 0;	/* other rules: look at everything again */
	else if (from_id < 0 || r->n == 0) {
		rc = 0;
		goto out;
	}
	/* and the articles updated meanwhile, whose title or body may
	 * match a rule now, or no longer */
	if (store_rules_apply(st, from_id, STORE_RULES_UPDATED |
	    (rules_need_body(r) ? STORE_RULES_BODY : 0), rules_store_cb, &w,
	    &n, cause) != 0 ||
	    store_rules_set(st, fp, cause) != 0)
		goto out;
	rc = 0;
out:
	if (changed != NULL)
		*changed = n;
	free(fp);
	free(old);
	return rc;
}
