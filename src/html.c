/*
 * html.c - walks the tree libxml2's HTML parser builds and turns it into
 * blocks: block elements start paragraphs, inline elements add text with
 * attributes, links become numbered references, images their alt text.
 * Depth is counted in elements and bounded by HTML_MAX_DEPTH.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "util.h"
#include "utf8.h"
#include "html.h"

struct walk {
	struct doc	*doc;
	struct block	*cur;		/* open block, or NULL */
	const char	*base;
	int		 quote;
	int		 list;		/* list nesting depth */
	int		 pre;
	int		 tight;		/* next block joins the previous */
	enum dir	 dir;
	uint16_t	 attr;
};

enum kind { K_INLINE, K_BLOCK, K_SKIP };

static const char *skip_tags[] = {
	"head", "script", "style", "noscript", "template", "nav", "aside",
	"footer", "form", "button", "iframe", "svg", "select", "textarea",
	"input", "object", "embed", "canvas", "audio", "video", "math",
	"title", "menu", "dialog", NULL
};
static const char *block_tags[] = {
	"p", "div", "section", "article", "main", "header", "figure",
	"figcaption", "address", "dl", "dt", "dd", "table", "tr", "center",
	"details", "summary", "body", "html", "ul", "ol", "li", "blockquote",
	"pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "caption", "thead",
	"tbody", "tfoot", "hgroup", "fieldset", "legend", "picture", NULL
};

static int
in_list(const char *name, const char **list)
{
	for (; *list != NULL; list++)
		if (strcasecmp(name, *list) == 0)
			return 1;
	return 0;
}

static enum kind
kind_of(const char *name)
{
	if (in_list(name, skip_tags))
		return K_SKIP;
	if (in_list(name, block_tags))
		return K_BLOCK;
	return K_INLINE;
}

int
html_element_kind(const char *name)
{
	switch (kind_of(name)) {
	case K_SKIP:
		return -1;
	case K_BLOCK:
		return 1;
	default:
		return 0;
	}
}

static enum dir
dir_attr(xmlNode *n, enum dir inherited)
{
	xmlChar		*v;
	enum dir	 d = inherited;

	if ((v = xmlGetProp(n, (const xmlChar *)"dir")) == NULL)
		return d;
	if (strcasecmp((char *)v, "rtl") == 0)
		d = DIR_RTL;
	else if (strcasecmp((char *)v, "ltr") == 0)
		d = DIR_LTR;
	else if (strcasecmp((char *)v, "auto") == 0)
		d = DIR_AUTO;
	xmlFree(v);
	return d;
}

/* Close the open block, dropping it if it is empty. */
static void
end_block(struct walk *w)
{
	if (w->cur != NULL)
		doc_drop_empty(w->doc);
	w->cur = NULL;
}

static struct block *
open_block(struct walk *w, enum block_type type)
{
	struct block	*b;

	end_block(w);
	b = doc_add_block(w->doc, type);
	b->quote = w->quote;
	b->indent = w->list;
	b->dir = w->dir;
	b->tight = w->tight;
	w->tight = 0;
	w->cur = b;
	return b;
}

/* The block inline content goes to, opened on demand. */
static struct block *
current(struct walk *w)
{
	if (w->cur == NULL)
		open_block(w, w->pre ? BLOCK_PRE : BLOCK_PARA);
	return w->cur;
}

static void
add_text(struct walk *w, const char *s, uint16_t attr)
{
	struct block	*b;
	size_t		 n = strlen(s);

	if (!w->pre && n > 0) {
		size_t	i;

		for (i = 0; i < n && isspace((unsigned char)s[i]); i++)
			;
		if (i == n && w->cur == NULL)
			return;		/* white space between blocks */
	}
	b = current(w);
	block_add_utf8(b, s, n, attr, !w->pre);
}

static void walk_children(struct walk *, xmlNode *, int);

static void
walk_link(struct walk *w, xmlNode *n, int depth)
{
	xmlChar		*href, *abs = NULL;
	uint16_t	 saved = w->attr;
	size_t		 num;
	char		 ref[32];

	href = xmlGetProp(n, (const xmlChar *)"href");
	w->attr |= ATTR_LINK;
	walk_children(w, n, depth + 1);
	w->attr = saved;
	if (href == NULL || href[0] == '\0' || href[0] == '#' ||
	    strncasecmp((char *)href, "javascript:", 11) == 0) {
		xmlFree(href);
		return;
	}
	if (w->base != NULL)
		abs = xmlBuildURI(href, (const xmlChar *)w->base);
	num = doc_add_link(w->doc, (char *)(abs != NULL ? abs : href));
	snprintf(ref, sizeof ref, "[%zu]", num);
	add_text(w, ref, ATTR_LINK | ATTR_MARKER);
	xmlFree(abs);
	xmlFree(href);
}

static void
walk_image(struct walk *w, xmlNode *n)
{
	xmlChar	*alt;
	char	*s;

	alt = xmlGetProp(n, (const xmlChar *)"alt");
	if (alt != NULL && alt[0] != '\0')
		s = xasprintf("[image: %s]", (char *)alt);
	else
		s = xstrdup("[image]");
	add_text(w, s, w->attr | ATTR_MARKER);
	free(s);
	xmlFree(alt);
}

static void
walk_item(struct walk *w, xmlNode *n, int depth, int number, int first)
{
	struct block	*b;
	char		 marker[32];

	b = open_block(w, BLOCK_ITEM);
	/* Items follow each other closely; a nested list hangs on the
	 * item it belongs to. */
	b->tight = !first || w->list > 1;
	if (number > 0)
		snprintf(marker, sizeof marker, "%d. ", number);
	else
		snprintf(marker, sizeof marker, "\xe2\x80\xa2 ");
	block_add_utf8(b, marker, strlen(marker), ATTR_MARKER, 0);
	b->hang = number > 0 ? strlen(marker) : 2;
	walk_children(w, n, depth + 1);
	end_block(w);
	w->tight = 1;
}

static void
walk_list(struct walk *w, xmlNode *n, int depth, int ordered)
{
	xmlNode	*c;
	xmlChar	*start;
	int	 number = 1, first = 1;

	if (ordered && (start = xmlGetProp(n, (const xmlChar *)"start"))) {
		number = atoi((char *)start);
		xmlFree(start);
	}
	end_block(w);
	w->list++;
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE &&
		    strcasecmp((char *)c->name, "li") == 0) {
			enum dir	saved = w->dir;

			w->dir = dir_attr(c, w->dir);
			walk_item(w, c, depth + 1, ordered ? number++ : 0,
			    first);
			first = 0;
			w->dir = saved;
		} else if (c->type == XML_ELEMENT_NODE)
			walk_children(w, c, depth + 1);
	}
	end_block(w);
	w->list--;
	w->tight = 0;
}

static void
walk_heading(struct walk *w, xmlNode *n, int depth, int level)
{
	struct block	*b;

	b = open_block(w, BLOCK_HEADING);
	b->level = level;
	walk_children(w, n, depth + 1);
	end_block(w);
}

/* Is the element preceded by an element sibling of the same kind (a
 * table row after a row)? */
static int	is_follower(xmlNode *);

/* Is a thead/tbody preceded by another row group with rows? */
static int
is_row_group_follower(xmlNode *g)
{
	xmlNode	*p;

	if (strcasecmp((const char *)g->name, "tbody") != 0 &&
	    strcasecmp((const char *)g->name, "tfoot") != 0)
		return 0;
	for (p = g->prev; p != NULL; p = p->prev)
		if (p->type == XML_ELEMENT_NODE)
			return strcasecmp((const char *)p->name, "thead") == 0
			    || strcasecmp((const char *)p->name, "tbody") == 0;
	return 0;
}

static int
is_follower(xmlNode *n)
{
	xmlNode	*p;

	for (p = n->prev; p != NULL; p = p->prev)
		if (p->type == XML_ELEMENT_NODE)
			return strcasecmp((const char *)p->name,
			    (const char *)n->name) == 0 ||
			    (strcasecmp((const char *)n->name, "dd") == 0 &&
			    strcasecmp((const char *)p->name, "dt") == 0);
	/* The first row of a tbody after a thead. A row whose parent is
	 * the document itself (no name) follows nothing. */
	return n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
	    strcasecmp((const char *)n->name, "tr") == 0 &&
	    is_row_group_follower(n->parent);
}

/* An element that starts and ends a block of its own. */
static void
walk_block(struct walk *w, xmlNode *n, const char *name, int depth)
{
	if (strcasecmp(name, "ul") == 0 || strcasecmp(name, "ol") == 0) {
		walk_list(w, n, depth, tolower((unsigned char)name[0]) == 'o');
		return;
	}
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
	    name[2] == '\0') {
		walk_heading(w, n, depth, name[1] - '0');
		return;
	}
	if (strcasecmp(name, "hr") == 0) {
		end_block(w);
		open_block(w, BLOCK_RULE);
		w->cur = NULL;
		return;
	}
	if (strcasecmp(name, "blockquote") == 0) {
		end_block(w);
		w->quote++;
		walk_children(w, n, depth + 1);
		end_block(w);
		w->quote--;
		return;
	}
	if (strcasecmp(name, "pre") == 0) {
		struct block	*b = open_block(w, BLOCK_PRE);

		/* Preformatted lines take their own direction unless the
		 * element says otherwise: code is not turned around by the
		 * page's direction. */
		b->dir = dir_attr(n, DIR_AUTO);
		w->pre++;
		walk_children(w, n, depth + 1);
		w->pre--;
		/* The newlines just inside <pre> and </pre> are markup. */
		b = w->cur;
		if (b != NULL && b->len > 0 && b->text[0] == DOC_BREAK) {
			memmove(b->text, b->text + 1, (b->len - 1) *
			    sizeof *b->text);
			memmove(b->attr, b->attr + 1, (b->len - 1) *
			    sizeof *b->attr);
			b->len--;
		}
		while (b != NULL && b->len > 0 && (b->text[b->len - 1] ==
		    DOC_BREAK || b->text[b->len - 1] == ' '))
			b->len--;
		end_block(w);
		return;
	}
	end_block(w);
	/* Rows of a table and terms of a list follow each other without a
	 * blank line; the first one is set apart from what came before. */
	if ((strcasecmp(name, "tr") == 0 || strcasecmp(name, "dd") == 0) &&
	    is_follower(n))
		w->tight = 1;
	walk_children(w, n, depth + 1);
	end_block(w);
}

static void
walk_inline(struct walk *w, xmlNode *n, const char *name, int depth)
{
	uint16_t	saved = w->attr;

	if (strcasecmp(name, "br") == 0) {
		block_add(current(w), DOC_BREAK, 0);
		return;
	}
	if (strcasecmp(name, "img") == 0) {
		walk_image(w, n);
		return;
	}
	if (strcasecmp(name, "a") == 0) {
		walk_link(w, n, depth);
		return;
	}
	if (strcasecmp(name, "td") == 0 || strcasecmp(name, "th") == 0) {
		if (w->cur != NULL && w->cur->len > 0)
			add_text(w, "  ", w->attr);
	}
	if (strcasecmp(name, "b") == 0 || strcasecmp(name, "strong") == 0 ||
	    strcasecmp(name, "th") == 0)
		w->attr |= ATTR_BOLD;
	else if (strcasecmp(name, "i") == 0 || strcasecmp(name, "em") == 0 ||
	    strcasecmp(name, "cite") == 0)
		w->attr |= ATTR_ITALIC;
	else if (strcasecmp(name, "code") == 0 ||
	    strcasecmp(name, "kbd") == 0 || strcasecmp(name, "tt") == 0 ||
	    strcasecmp(name, "samp") == 0)
		w->attr |= ATTR_CODE;
	if (strcasecmp(name, "q") == 0)
		add_text(w, "\xe2\x80\x9c", w->attr);
	walk_children(w, n, depth + 1);
	if (strcasecmp(name, "q") == 0)
		add_text(w, "\xe2\x80\x9d", w->attr);
	w->attr = saved;
}

/* Inline direction: wrap the element's text in an isolate. */
static void
walk_isolated(struct walk *w, xmlNode *n, const char *name, int depth,
    enum dir d)
{
	static const uint32_t	iso[] = { 0x2068, 0x2066, 0x2067 };

	block_add(current(w), iso[d], 0);
	walk_inline(w, n, name, depth);
	block_add(current(w), 0x2069, 0);
}

static void
walk_node(struct walk *w, xmlNode *n, int depth)
{
	const char	*name;
	enum dir	 saved = w->dir, d;
	enum kind	 k;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			add_text(w, (const char *)n->content, w->attr);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || depth > HTML_MAX_DEPTH)
		return;
	name = (const char *)n->name;
	if ((k = kind_of(name)) == K_SKIP)
		return;
	d = dir_attr(n, DIR_AUTO);
	if (k == K_BLOCK) {
		w->dir = dir_attr(n, w->dir);
		walk_block(w, n, name, depth);
		w->dir = saved;
	} else if (xmlHasProp(n, (const xmlChar *)"dir") ||
	    strcasecmp(name, "bdi") == 0)
		walk_isolated(w, n, name, depth, d);
	else
		walk_inline(w, n, name, depth);
}

static void
walk_children(struct walk *w, xmlNode *n, int depth)
{
	xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next)
		walk_node(w, c, depth);
}

/* The text of the document's <title>, or NULL. Caller frees. */
static char *
find_title(xmlNode *n, int depth)
{
	xmlChar	*s;
	char	*t;

	for (; n != NULL && depth < 8; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcasecmp((char *)n->name, "title") == 0) {
			s = xmlNodeGetContent(n);
			t = s != NULL ? utf8_sanitize((char *)s,
			    strlen((char *)s), 1) : NULL;
			xmlFree(s);
			return t;
		}
		if (strcasecmp((char *)n->name, "body") != 0 &&
		    (t = find_title(n->children, depth + 1)) != NULL)
			return t;
	}
	return NULL;
}

/* Strip and collapse white space in place. */
static void
squeeze(char *s)
{
	char	*p = s, *q = s;

	while (*p == ' ')
		p++;
	for (; *p != '\0'; p++)
		if (*p != ' ' || (p[1] != ' ' && p[1] != '\0'))
			*q++ = *p;
	*q = '\0';
}

/* Does the document declare a charset of its own near the start? */
static int
declares_charset(const char *s, size_t n)
{
	size_t	i, max = n < 2048 ? n : 2048;

	for (i = 0; i + 8 <= max; i++)
		if (strncasecmp(s + i, "charset=", 8) == 0) {
			i += 8;
			while (i < max && (s[i] == '"' || s[i] == '\''))
				i++;
			/* s is not NUL-terminated: compare within n only. */
			return !(n - i >= 5 && strncasecmp(s + i, "utf-8",
			    5) == 0) && !(n - i >= 4 && strncasecmp(s + i,
			    "utf8", 4) == 0);
		}
	return 0;
}

int
html_to_doc(const char *s, size_t n, const char *base, struct doc *d,
    char **cause)
{
	struct walk	 w;
	htmlDocPtr	 hd;
	xmlNode		*root;
	char		*clean = NULL;
	const char	*enc = NULL;
	int		 opts;

	opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_RECOVER | HTML_PARSE_NOIMPLIED;
	if (!declares_charset(s, n)) {
		/* Replace invalid UTF-8 with U+FFFD before libxml2 sees it. */
		struct buf	b = { 0 };

		utf8_repair(s, n, &b);
		clean = b.data;
		s = clean != NULL ? clean : "";
		n = b.len;
		enc = "UTF-8";
	}
	hd = htmlReadMemory(s, (int)(n > INT32_MAX ? INT32_MAX : n), base, enc,
	    opts);
	free(clean);
	if (hd == NULL || (root = xmlDocGetRootElement(hd)) == NULL) {
		if (hd != NULL)
			xmlFreeDoc(hd);
		*cause = xstrdup("not an HTML document");
		return -1;
	}
	memset(&w, 0, sizeof w);
	w.doc = d;
	w.base = base;
	if (d->title == NULL && (d->title = find_title(root, 0)) != NULL)
		squeeze(d->title);
	for (; root != NULL; root = root->next)
		walk_node(&w, root, 0);
	end_block(&w);
	xmlFreeDoc(hd);
	doc_add_link_list(d);
	return 0;
}

int
html_sniff(const char *s, size_t n)
{
	static const char	*tags[] = {
		"<!doctype html", "<html", "<head", "<body", "<p>", "<p ",
		"<div", "<article", "<h1", "<h2", "<br", "<meta", "<title",
		"<ul", "<table", "<section", "<span", "<a ", NULL
	};
	size_t			 i, max = n < 1024 ? n : 1024;
	const char		**t;

	for (i = 0; i < max; i++) {
		if (s[i] != '<')
			continue;
		for (t = tags; *t != NULL; t++)
			if (n - i >= strlen(*t) &&
			    strncasecmp(s + i, *t, strlen(*t)) == 0)
				return 1;
	}
	return 0;
}
