/*
 * markdown.c - Markdown to blocks through libcmark, the CommonMark
 * reference implementation: cmark builds the tree (blocks, inlines, link
 * reference definitions, entities, escapes) and a cmark_iter walk, which
 * is not recursive, turns it into the blocks html.c makes for the same
 * structure. Nesting is counted, not followed on the C stack, so any
 * depth cmark accepts is safe; quote and list depths written to blocks
 * are capped at MARKDOWN_MAX_DEPTH.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmark.h>

#include "util.h"
#include "utf8.h"
#include "html.h"
#include "markdown.h"

/* Raw HTML blocks up to this size go through the HTML converter; larger
 * ones lose their tags and keep their text. */
#define HTML_BLOCK_MAX	(64 * 1024)

struct md {
	struct doc	*doc;
	struct block	*cur;		/* open block, or NULL */
	size_t		 mlen;		/* marker length of an open item */
	int		 item_open;	/* cur is an item awaiting its text */
	int		 quote;
	int		 list;		/* list nesting depth */
	int		 em, strong, link;	/* open inline spans */
};

static int
cap(int depth)
{
	return depth > MARKDOWN_MAX_DEPTH ? MARKDOWN_MAX_DEPTH : depth;
}

/* Indentation of a block inside list items: past the item's marker. */
static int
inner_indent(const struct md *m)
{
	return m->list > 0 ? cap(m->list + 1) : 0;
}

static uint16_t
inline_attr(const struct md *m)
{
	return (m->em > 0 ? ATTR_ITALIC : 0) |
	    (m->strong > 0 ? ATTR_BOLD : 0) | (m->link > 0 ? ATTR_LINK : 0);
}

/* Close the open block: an item keeps its marker, any other block is
 * dropped when it holds no text. */
static void
end_block(struct md *m)
{
	struct block	*b = m->cur;

	if (b != NULL && b->type == BLOCK_ITEM) {
		while (b->len > m->mlen && b->text[b->len - 1] == ' ')
			b->len--;
	} else if (b != NULL)
		doc_drop_empty(m->doc);
	m->cur = NULL;
	m->item_open = 0;
}

static struct block *
open_block(struct md *m, enum block_type type)
{
	struct block	*b;

	end_block(m);
	b = doc_add_block(m->doc, type);
	b->quote = cap(m->quote);
	b->indent = inner_indent(m);
	b->dir = DIR_AUTO;
	m->cur = b;
	return b;
}

/* The block inline content goes to (cmark only puts inlines in
 * paragraphs and headings, so one is open; this is a safety net). */
static struct block *
current(struct md *m)
{
	if (m->cur == NULL)
		open_block(m, BLOCK_PARA);
	return m->cur;
}

/* The first heading's text, without markers, as the document's title. */
static void
take_title(struct md *m, const struct block *b)
{
	struct buf	t = { 0 };
	size_t		i;
	char		enc[4];

	if (m->doc->title != NULL)
		return;
	for (i = 0; i < b->len; i++)
		if (!(b->attr[i] & ATTR_MARKER))
			buf_add(&t, enc, utf8_encode(b->text[i] == DOC_BREAK ?
			    ' ' : b->text[i], enc));
	if (t.len == 0) {
		buf_free(&t);
		return;
	}
	m->doc->title = t.data;
}

/* A list item: its marker at the logical start, hanging continuation
 * lines; items follow each other closely as html.c's do. */
static void
open_item(struct md *m, cmark_node *n)
{
	cmark_node	*list = cmark_node_parent(n);
	struct block	*b;
	char		 marker[32];
	intptr_t	 number;

	b = open_block(m, BLOCK_ITEM);
	b->indent = cap(m->list);
	b->tight = cmark_node_previous(n) != NULL || m->list > 1;
	if (list != NULL && cmark_node_get_list_type(list) ==
	    CMARK_ORDERED_LIST) {
		/* The next number lives in the list node. */
		number = (intptr_t)cmark_node_get_user_data(list);
		cmark_node_set_user_data(list, (void *)(number + 1));
		snprintf(marker, sizeof marker, "%ld. ", (long)number);
		b->hang = strlen(marker);
	} else {
		snprintf(marker, sizeof marker, "\xe2\x80\xa2 ");
		b->hang = 2;
	}
	block_add_utf8(b, marker, strlen(marker), ATTR_MARKER, 0);
	m->mlen = b->len;
	m->item_open = 1;
}

/* A paragraph or heading: the first one of an item joins the item's
 * block, after its marker. */
static void
open_text(struct md *m, cmark_node *n, enum block_type type)
{
	struct block	*b;

	if (m->item_open && m->cur != NULL && cmark_node_previous(n) == NULL) {
		m->item_open = 0;
		return;
	}
	b = open_block(m, type);
	if (type == BLOCK_HEADING)
		b->level = cmark_node_get_heading_level(n);
}

static void
end_heading(struct md *m)
{
	if (m->cur == NULL)
		return;
	if (m->cur->type == BLOCK_ITEM) {
		while (m->cur->len > m->mlen &&
		    m->cur->text[m->cur->len - 1] == ' ')
			m->cur->len--;
	} else
		block_trim(m->cur);
	if (m->cur->len > 0)
		take_title(m, m->cur);
	if (m->cur->type != BLOCK_ITEM)
		end_block(m);
}

static void
code_block(struct md *m, cmark_node *n)
{
	const char	*s = cmark_node_get_literal(n);
	struct block	*b;
	size_t		 len = s != NULL ? strlen(s) : 0;

	b = open_block(m, BLOCK_PRE);
	/* Code takes its direction from its own lines, as <pre> does. */
	b->dir = DIR_AUTO;
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	block_add_utf8(b, s != NULL ? s : "", len, ATTR_CODE, 0);
	while (b->len > 0 && (b->text[b->len - 1] == DOC_BREAK ||
	    b->text[b->len - 1] == ' '))
		b->len--;
	end_block(m);
}

/* Inline code: line endings and tabs are spaces, other spaces kept. */
static void
code_span(struct md *m, const char *s, uint16_t attr)
{
	struct block	*b = current(m);
	size_t		 i, k;

	for (i = 0; s[i] != '\0'; i = k) {
		for (k = i; s[k] != '\0' && s[k] != '\n' && s[k] != '\r' &&
		    s[k] != '\t'; k++)
			;
		block_add_utf8(b, s + i, k - i, attr | ATTR_CODE, 0);
		if (s[k] != '\0') {
			if (s[k] != '\r' || s[k + 1] != '\n')
				block_add(b, ' ', attr | ATTR_CODE);
			k++;
		}
	}
}

/* A URL cmark's HTML renderer would not link in safe mode (the default):
 * javascript:, vbscript:, file:, and data: other than images. */
static int
is_dangerous(const char *u)
{
	static const char	*images[] = { "image/png", "image/gif",
	    "image/jpeg", "image/webp", NULL };
	const char		**i;

	if (strncasecmp(u, "javascript:", 11) == 0 ||
	    strncasecmp(u, "vbscript:", 9) == 0 ||
	    strncasecmp(u, "file:", 5) == 0)
		return 1;
	if (strncasecmp(u, "data:", 5) != 0)
		return 0;
	for (i = images; *i != NULL; i++)
		if (strncasecmp(u + 5, *i, strlen(*i)) == 0)
			return 0;
	return 1;
}

static void
end_link(struct md *m, cmark_node *n)
{
	const char	*url = cmark_node_get_url(n);
	char		 ref[32];

	if (url == NULL || url[0] == '\0' || url[0] == '#' ||
	    is_dangerous(url))
		return;
	snprintf(ref, sizeof ref, "[%zu]", doc_add_link(m->doc, url));
	block_add_utf8(current(m), ref, strlen(ref), ATTR_LINK | ATTR_MARKER,
	    1);
}

/* "[image: alt]", the alt being the plain text of the image's inlines,
 * which are skipped: the iterator is moved to the image's exit. */
static void
image(struct md *m, cmark_iter *it, cmark_node *n)
{
	struct buf		 alt = { 0 };
	cmark_iter		*sub;
	cmark_event_type	 ev;
	cmark_node		*c;
	const char		*s;
	uint16_t		 attr = inline_attr(m) | ATTR_MARKER;
	struct block		*b = current(m);

	sub = cmark_iter_new(n);
	while ((ev = cmark_iter_next(sub)) != CMARK_EVENT_DONE) {
		c = cmark_iter_get_node(sub);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if ((s = cmark_node_get_literal(c)) != NULL)
				buf_puts(&alt, s);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(&alt, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(sub);
	block_add_utf8(b, "[image", 6, attr, 1);
	if (alt.len > 0) {
		block_add_utf8(b, ": ", 2, attr, 1);
		block_add_utf8(b, alt.data, alt.len, attr, 1);
		block_trim(b);
	}
	block_add_utf8(b, "]", 1, attr, 1);
	buf_free(&alt);
	cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
}

/* Inline raw HTML: a line break for <br>, nothing for other tags (their
 * text, between them, is kept). */
static void
html_inline(struct md *m, const char *s)
{
	size_t	i;

	if (s == NULL || strncasecmp(s, "<br", 3) != 0)
		return;
	for (i = 3; s[i] == ' ' || s[i] == '\t' || s[i] == '\n'; i++)
		;
	if (s[i] == '/')
		i++;
	if (s[i] == '>' && s[i + 1] == '\0')
		block_add(current(m), DOC_BREAK, 0);
}

/* Rewrite the link references [1]..[last] html_to_doc() numbered within
 * its own document, in order, as [1 + off]... A reference has the same
 * attributes as an image's text inside a link ("[image: alt]"), so one
 * must not be inside such a run: before it the run starts or a "]" ends,
 * after it the run ends or a "[" starts. */
static void
renumber(struct block *b, size_t *next, size_t last, size_t off)
{
	const uint16_t	 ra = ATTR_LINK | ATTR_MARKER;
	struct block	 nb = *b;
	size_t		 i, k, v;
	char		 ref[32];

	nb.text = NULL;
	nb.attr = NULL;
	nb.len = nb.cap = 0;
	for (i = 0; i < b->len; ) {
		if (*next <= last && b->text[i] == '[' && b->attr[i] == ra &&
		    (i == 0 || b->attr[i - 1] != ra ||
		    b->text[i - 1] == ']')) {
			for (k = i + 1, v = 0; k < b->len && k < i + 12 &&
			    b->attr[k] == ra && b->text[k] >= '0' &&
			    b->text[k] <= '9'; k++)
				v = v * 10 + (b->text[k] - '0');
			if (k > i + 1 && k < b->len && b->text[k] == ']' &&
			    b->attr[k] == ra && v == *next &&
			    (k + 1 == b->len || b->attr[k + 1] != ra ||
			    b->text[k + 1] == '[')) {
				snprintf(ref, sizeof ref, "[%zu]", v + off);
				block_add_utf8(&nb, ref, strlen(ref), ra, 0);
				(*next)++;
				i = k + 1;
				continue;
			}
		}
		block_add(&nb, b->text[i], b->attr[i]);
		i++;
	}
	block_clear(b);
	*b = nb;
}

/* Raw HTML that is too large or not HTML libxml2 can read: the text
 * between the tags, as one paragraph. */
static void
strip_tags(struct md *m, const char *s, size_t n)
{
	struct block	*b;
	const char	*e;
	size_t		 i = 0, k;
	int		 comments = 1, tags = 1;	/* any closer left */

	b = open_block(m, BLOCK_PARA);
	while (i < n) {
		/* A search that fails once fails for the rest: linear. */
		if (s[i] == '<' && comments && n - i >= 4 &&
		    memcmp(s + i, "<!--", 4) == 0) {
			if ((e = strstr(s + i + 4, "-->")) != NULL) {
				i = (size_t)(e - s) + 3;
				continue;
			}
			comments = 0;
		}
		if (s[i] == '<' && tags) {
			if ((e = memchr(s + i, '>', n - i)) != NULL) {
				i = (size_t)(e - s) + 1;
				block_add_utf8(b, " ", 1, 0, 1);
				continue;
			}
			tags = 0;
		}
		for (k = i + 1; k < n && s[k] != '<'; k++)
			;
		block_add_utf8(b, s + i, k - i, 0, 1);
		i = k;
	}
	end_block(m);
}

/* A raw HTML block: through the HTML converter into a document of its
 * own, whose blocks (not its link list) and links are moved here. */
static void
html_block(struct md *m, const char *s)
{
	struct doc	*t;
	struct block	*b;
	char		*cause = NULL;
	size_t		 n = s != NULL ? strlen(s) : 0, i, keep, next = 1,
			 off = m->doc->nlinks;

	end_block(m);
	if (n == 0)
		return;
	if (n > HTML_BLOCK_MAX) {
		strip_tags(m, s, n);
		return;
	}
	t = doc_create();
	t->title = xstrdup("");		/* a <title> is not ours */
	if (html_to_doc(s, n, NULL, t, &cause) == -1) {
		free(cause);
		doc_free(t);
		strip_tags(m, s, n);
		return;
	}
	keep = t->nblocks - t->nlinks;
	for (i = 0; i < keep; i++) {
		if (off > 0 && t->nlinks > 0)
			renumber(&t->blocks[i], &next, t->nlinks, off);
		b = doc_add_block(m->doc, t->blocks[i].type);
		*b = t->blocks[i];
		memset(&t->blocks[i], 0, sizeof t->blocks[i]);
		b->quote = cap(b->quote + m->quote);
		b->indent = m->list > 0 && b->indent == 0 ? inner_indent(m) :
		    cap(b->indent + m->list);
		if (b->type == BLOCK_HEADING && b->len > 0)
			take_title(m, b);
	}
	for (i = 0; i < t->nlinks; i++)
		doc_add_link(m->doc, t->links[i]);
	doc_free(t);
}

static void
walk(struct md *m, cmark_node *root)
{
	cmark_iter		*it = cmark_iter_new(root);
	cmark_event_type	 ev;
	cmark_node		*n;
	const char		*s;
	int			 enter;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		enter = ev == CMARK_EVENT_ENTER;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_BLOCK_QUOTE:
			end_block(m);
			m->quote += enter ? 1 : -1;
			break;
		case CMARK_NODE_LIST:
			end_block(m);
			m->list += enter ? 1 : -1;
			if (enter)
				cmark_node_set_user_data(n, (void *)(intptr_t)
				    cmark_node_get_list_start(n));
			break;
		case CMARK_NODE_ITEM:
			if (enter)
				open_item(m, n);
			else
				end_block(m);
			break;
		case CMARK_NODE_PARAGRAPH:
			if (enter)
				open_text(m, n, BLOCK_PARA);
			else if (m->cur != NULL && m->cur->type != BLOCK_ITEM)
				end_block(m);
			break;
		case CMARK_NODE_HEADING:
			if (enter)
				open_text(m, n, BLOCK_HEADING);
			else
				end_heading(m);
			break;
		case CMARK_NODE_CODE_BLOCK:
			code_block(m, n);
			break;
		case CMARK_NODE_HTML_BLOCK:
			html_block(m, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			open_block(m, BLOCK_RULE);
			m->cur = NULL;
			break;
		case CMARK_NODE_TEXT:
			if ((s = cmark_node_get_literal(n)) != NULL)
				block_add_utf8(current(m), s, strlen(s),
				    inline_attr(m), 1);
			break;
		case CMARK_NODE_SOFTBREAK:
			block_add_utf8(current(m), " ", 1, inline_attr(m), 1);
			break;
		case CMARK_NODE_LINEBREAK:
			block_trim(current(m));
			block_add(current(m), DOC_BREAK, 0);
			break;
		case CMARK_NODE_CODE:
			if ((s = cmark_node_get_literal(n)) != NULL)
				code_span(m, s, inline_attr(m));
			break;
		case CMARK_NODE_HTML_INLINE:
			html_inline(m, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_EMPH:
			m->em += enter ? 1 : -1;
			break;
		case CMARK_NODE_STRONG:
			m->strong += enter ? 1 : -1;
			break;
		case CMARK_NODE_LINK:
			m->link += enter ? 1 : -1;
			if (!enter)
				end_link(m, n);
			break;
		case CMARK_NODE_IMAGE:
			image(m, it, n);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	end_block(m);
}

/* The length of the terminal escape sequence at s[i] == ESC: dropped
 * whole before parsing, so no piece of it ends up in a text node. */
static size_t
escape_length(const char *s, size_t i, size_t end)
{
	size_t	k = i + 1;

	if (k < end && s[k] == '[') {
		for (k++; k < end && (unsigned char)s[k] >= 0x20 &&
		    (unsigned char)s[k] < 0x40; k++)
			;
		return (k < end ? k + 1 : k) - i;
	}
	if (k < end && s[k] == ']') {
		while (k < end && s[k] != 0x07 && !(s[k] == 0x1B &&
		    k + 1 < end && s[k + 1] == '\\'))
			k++;
		return (k < end ? k + (s[k] == 0x07 ? 1 : 2) : k) - i;
	}
	return (k < end ? k + 1 : k) - i;
}

void
markdown_to_doc(const char *s, size_t n, struct doc *d)
{
	struct md	 m;
	struct buf	 clean = { 0 };
	cmark_parser	*p;
	cmark_node	*root;
	const char	*e;
	size_t		 i, k;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (memchr(s, 0x1B, n) != NULL) {
		for (i = 0; i < n; ) {
			if (s[i] == 0x1B) {
				i += escape_length(s, i, n);
				continue;
			}
			e = memchr(s + i, 0x1B, n - i);
			k = e != NULL ? (size_t)(e - s) : n;
			buf_add(&clean, s + i, k - i);
			i = k;
		}
		s = clean.data != NULL ? clean.data : "";
		n = clean.len;
	}
	memset(&m, 0, sizeof m);
	m.doc = d;
	p = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_SAFE |
	    CMARK_OPT_VALIDATE_UTF8);
	cmark_parser_feed(p, s, n);
	root = cmark_parser_finish(p);
	cmark_parser_free(p);
	buf_free(&clean);
	if (root != NULL) {
		cmark_consolidate_text_nodes(root);
		walk(&m, root);
		cmark_node_free(root);
	}
	doc_add_link_list(d);
}
