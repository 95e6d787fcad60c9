/*
 * article.c - chooses the reader for an article file and adds the title
 * block. Sizes are bytes.
 */
#include <string.h>
#include <strings.h>

#include "util.h"
#include "html.h"
#include "text.h"
#include "article.h"

static int
has_suffix(const char *path, const char *suffix)
{
	size_t	n = strlen(path), k = strlen(suffix);

	return n >= k && strcasecmp(path + n - k, suffix) == 0;
}

int
article_is_html(const char *path, const char *s, size_t n)
{
	if (path != NULL && (has_suffix(path, ".html") ||
	    has_suffix(path, ".htm") || has_suffix(path, ".xhtml")))
		return 1;
	if (path != NULL && has_suffix(path, ".txt"))
		return 0;
	return html_sniff(s, n);
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

struct doc *
article_parse(const char *path, const char *s, size_t n, char **cause)
{
	struct doc	*d;
	struct doc	*body;
	size_t		 i;

	d = doc_create();
	if (!article_is_html(path, s, n)) {
		text_to_doc(s, n, d);
		return d;
	}
	body = doc_create();
	if (html_to_doc(s, n, NULL, body, cause) == -1) {
		doc_free(body);
		doc_free(d);
		return NULL;
	}
	d->title = body->title;
	body->title = NULL;
	article_add_title(d);
	for (i = 0; i < body->nblocks; i++)
		*doc_add_block(d, body->blocks[i].type) = body->blocks[i];
	body->nblocks = 0;
	d->links = body->links;
	d->nlinks = body->nlinks;
	body->links = NULL;
	body->nlinks = 0;
	doc_free(body);
	drop_repeated_title(d);
	return d;
}
