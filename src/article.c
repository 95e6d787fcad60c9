/*
 * article.c - chooses the reader for an article file (text, HTML,
 * Markdown, saved) and adds the title block. Sizes are bytes.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "html.h"
#include "markdown.h"
#include "saved.h"
#include "text.h"
#include "article.h"

static int
has_suffix(const char *path, const char *suffix)
{
	size_t	n = strlen(path), k = strlen(suffix);

	return n >= k && strcasecmp(path + n - k, suffix) == 0;
}

enum article_format
article_format(const char *path, const char *s, size_t n)
{
	if (saved_sniff(s, n))
		return ARTICLE_SAVED;
	if (path != NULL && (has_suffix(path, ".html") ||
	    has_suffix(path, ".htm") || has_suffix(path, ".xhtml")))
		return ARTICLE_HTML;
	if (path != NULL && (has_suffix(path, ".md") ||
	    has_suffix(path, ".markdown")))
		return ARTICLE_MARKDOWN;
	if (path != NULL && has_suffix(path, ".txt"))
		return ARTICLE_TEXT;
	return html_sniff(s, n) ? ARTICLE_HTML : ARTICLE_TEXT;
}

int
article_is_html(const char *path, const char *s, size_t n)
{
	return article_format(path, s, n) == ARTICLE_HTML;
}

void
article_add_title(struct doc *d)
{
	struct block	*b;

	if (d->title == NULL || d->title[0] == '\0')
		return;
	b = doc_add_block(d, BLOCK_HEADING);
	b->level = 0;
	block_add_utf8(b, d->title, strlen(d->title), 0, 1);
	doc_drop_empty(d);
}

/* Drop a first heading that only repeats the title. */
static void
drop_repeated_title(struct doc *d)
{
	struct block	*t, *h;
	size_t		 i;

	if (d->nblocks < 2 || d->blocks[0].type != BLOCK_HEADING ||
	    d->blocks[0].level != 0)
		return;
	t = &d->blocks[0];
	h = &d->blocks[1];
	if (h->type != BLOCK_HEADING || h->len != t->len ||
	    memcmp(h->text, t->text, t->len * sizeof *t->text) != 0)
		return;
	block_clear(h);
	for (i = 2; i < d->nblocks; i++)
		d->blocks[i - 1] = d->blocks[i];
	d->nblocks--;
}

/* Move body's blocks and links to the end of d and free body. */
static void
append_doc(struct doc *d, struct doc *body)
{
	doc_move_blocks(d, body, 0);
	d->links = body->links;
	d->nlinks = body->nlinks;
	body->links = NULL;
	body->nlinks = 0;
	doc_free(body);
}

struct doc *
article_parse_body(const char *title, enum article_format f,
    const char *s, size_t n, char **cause)
{
	struct doc	*d, *body;

	d = doc_create();
	body = doc_create();
	switch (f) {
	case ARTICLE_HTML:
		if (html_to_doc(s, n, NULL, body, cause) == -1) {
			doc_free(body);
			doc_free(d);
			return NULL;
		}
		break;
	case ARTICLE_MARKDOWN:
		markdown_to_doc(s, n, body);
		break;
	default:
		text_to_doc(s, n, body);
		break;
	}
	if (title != NULL && title[0] != '\0') {
		free(body->title);
		d->title = xstrdup(title);
	} else {
		d->title = body->title;
		body->title = NULL;
		if (f == ARTICLE_MARKDOWN) {
			/* The heading is already there: name the article
			 * without adding a title block. */
			append_doc(d, body);
			return d;
		}
	}
	body->title = NULL;
	article_add_title(d);
	append_doc(d, body);
	drop_repeated_title(d);
	return d;
}

struct doc *
article_parse_saved(const char *s, size_t n, struct saved_meta *m,
    char **cause)
{
	struct saved_meta	 meta;
	struct doc		*d;
	size_t			 off;
	int			 html;

	if (saved_parse(s, n, &meta, &off, &html, cause) == -1)
		return NULL;
	d = article_parse_body(meta.title, html ? ARTICLE_HTML : ARTICLE_TEXT,
	    s + off, n - off, cause);
	if (d != NULL && m != NULL)
		*m = meta;
	else
		saved_meta_clear(&meta);
	return d;
}

struct doc *
article_parse(const char *path, const char *s, size_t n, char **cause)
{
	enum article_format	f = article_format(path, s, n);

	if (f == ARTICLE_SAVED)
		return article_parse_saved(s, n, NULL, cause);
	return article_parse_body(NULL, f, s, n, cause);
}
