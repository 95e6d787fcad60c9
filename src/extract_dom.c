/*
 * extract_dom.c - small tools over libxml2 HTML trees for the extractor.
 * Walks are iterative (pages are hostile and may nest deeply); lengths
 * are in Unicode code points; the tree's text is valid UTF-8 because the
 * extractor hands libxml2 repaired UTF-8 only.
 */
#include <string.h>
#include <libxml/HTMLtree.h>

#include "util.h"
#include "utf8.h"
#include "extract_dom.h"

const char *
dom_attr(const xmlNode *n, const char *name)
{
	const xmlAttr	*a;
	const char	*p, *v;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next)
		if (strcmp((const char *)a->name, name) == 0)
			return a->children != NULL && a->children->content !=
			    NULL ? (const char *)a->children->content : "";
	/* Those only the extractor reads: "name\0value\0...\0" (see
	 * extract_parse.c). */
	for (p = n->psvi; p != NULL && *p != '\0'; p = v + strlen(v) + 1) {
		v = p + strlen(p) + 1;
		if (strcmp(p, name) == 0)
			return v;
	}
	return NULL;
}

void
dom_attrs_to_tree(xmlNode *root, const char **names)
{
	xmlNode		*n;
	const char	*v;
	size_t		 i;

	for (n = root; n != NULL; n = dom_next(n, root, 0)) {
		if (n->psvi == NULL)
			continue;
		for (i = 0; names[i] != NULL; i++)
			if (xmlHasProp(n, (const xmlChar *)names[i]) == NULL &&
			    (v = dom_attr(n, names[i])) != NULL)
				xmlSetProp(n, (const xmlChar *)names[i],
				    (const xmlChar *)v);
	}
}

int
dom_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

int
dom_is_heading(const xmlNode *n)
{
	const char	*s;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return 0;
	s = (const char *)n->name;
	return s[0] == 'h' && s[1] >= '1' && s[1] <= '6' && s[2] == '\0';
}

xmlNode *
dom_next(xmlNode *n, const xmlNode *root, int skip_kids)
{
	xmlNode	*c;

	if (!skip_kids && (c = dom_first_child(n)) != NULL)
		return c;
	while (n != NULL && n != root) {
		if ((c = dom_next_sibling(n)) != NULL)
			return c;
		n = n->parent;
	}
	return NULL;
}

/* The first element from c on among its siblings, or NULL. */
static xmlNode *
element_from(xmlNode *c)
{
	for (; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

xmlNode *
dom_first_child(const xmlNode *n)
{
	return element_from(n->children);
}

xmlNode *
dom_next_sibling(const xmlNode *n)
{
	return element_from(n->next);
}

size_t
dom_child_count(const xmlNode *n)
{
	xmlNode	*c;
	size_t	 k = 0;

	for (c = n->children; c != NULL; c = c->next)
		k += c->type == XML_ELEMENT_NODE;
	return k;
}

size_t
dom_count(xmlNode *n, const char *name)
{
	xmlNode	*c;
	size_t	 k = 0;

	for (c = dom_next(n, n, 0); c != NULL; c = dom_next(c, n, 0))
		k += strcmp((const char *)c->name, name) == 0;
	return k;
}

int
dom_is_space(uint32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
	    c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
	    c == 0x3000 || c == 0xFEFF;
}

int
dom_is_comma(uint32_t c)
{
	switch (c) {
	case 0x002C:	/* , */
	case 0x055D:	/* Armenian */
	case 0x060C:	/* Arabic, also Persian and Urdu */
	case 0x07F8:	/* N'Ko */
	case 0x1363:	/* Ethiopic */
	case 0x1802:	/* Mongolian */
	case 0x1808:
	case 0x2E32:	/* turned comma */
	case 0x2E34:	/* raised comma */
	case 0x2E41:	/* reversed comma (Sindhi, Arabic script) */
	case 0x3001:	/* ideographic comma */
	case 0xA4FE:	/* Lisu */
	case 0xA60D:	/* Vai */
	case 0xA6F5:	/* Bamum */
	case 0xFE10:	/* vertical forms */
	case 0xFE11:
	case 0xFE50:	/* small */
	case 0xFE51:
	case 0xFF0C:	/* fullwidth */
	case 0xFF64:	/* halfwidth ideographic */
		return 1;
	}
	return 0;
}

/* Decode one character of s (n > 0 bytes), ASCII first. */
static size_t
next_char(const char *s, size_t n, uint32_t *c)
{
	if ((unsigned char)*s < 0x80) {
		*c = (unsigned char)*s;
		return 1;
	}
	return utf8_decode(s, n, c);
}

/* The state of a measure of text across text nodes. */
struct measure {
	size_t		 len;
	size_t		 commas;
	int		 started;	/* a non-space character was seen */
	int		 space;		/* white space since the last one */
	struct buf	*out;		/* NULL: count only */
};

static void
measure_text(struct measure *m, const char *s)
{
	uint32_t	c;
	size_t		k, n = strlen(s);

	while (n > 0) {
		k = next_char(s, n, &c);
		if (dom_is_space(c))
			m->space = 1;
		else {
			if (m->space && m->started) {
				m->len++;
				if (m->out != NULL)
					buf_putc(m->out, ' ');
			}
			m->len++;
			m->commas += dom_is_comma(c);
			if (m->out != NULL)
				buf_add(m->out, s, k);
			m->started = 1;
			m->space = 0;
		}
		s += k;
		n -= k;
	}
}

/* Measure the text nodes of n's subtree in document order. */
static void
measure_node(struct measure *m, const xmlNode *n)
{
	const xmlNode	*c = n;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			measure_text(m, (const char *)n->content);
		return;
	}
	c = n->children;
	while (c != NULL) {
		if ((c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
			measure_text(m, (const char *)c->content);
		if (c->type == XML_ELEMENT_NODE && c->children != NULL) {
			c = c->children;
			continue;
		}
		while (c != NULL && c->next == NULL && c != n)
			c = c->parent;
		if (c == NULL || c == n)
			break;
		c = c->next;
	}
}

size_t
dom_text_len(const xmlNode *n, size_t *commas)
{
	struct measure	m = { 0 };

	measure_node(&m, n);
	if (commas != NULL)
		*commas = m.commas;
	return m.len;
}

void
dom_stats_text(struct dom_stats *st, const char *s)
{
	struct dom_stats	b = { 0 };
	uint32_t		c;
	size_t			k, n = strlen(s);
	int			space = 0;

	while (n > 0) {
		k = next_char(s, n, &c);
		if (dom_is_space(c)) {
			if (!space)
				b.runs++;
			if (b.runs == 1 && !b.content)
				b.lead = 1;
			space = 1;
		} else {
			b.runs++;
			b.content = 1;
			b.commas += dom_is_comma(c);
			space = 0;
		}
		s += k;
		n -= k;
	}
	b.trail = space;
	dom_stats_cat(st, &b);
}

void
dom_stats_cat(struct dom_stats *a, const struct dom_stats *b)
{
	if (b->runs == 0)
		return;
	if (a->runs == 0) {
		*a = *b;
		return;
	}
	a->runs += b->runs - (a->trail && b->lead ? 1 : 0);
	a->commas += b->commas;
	a->trail = b->trail;
	a->content |= b->content;
}

size_t
dom_stats_len(const struct dom_stats *st)
{
	size_t	ends = (size_t)st->lead + (size_t)st->trail;

	if (!st->content || st->runs <= ends)
		return 0;
	return st->runs - ends;
}

char *
dom_text(const xmlNode *n)
{
	struct buf	b = { 0 };
	struct measure	m = { 0 };

	m.out = &b;
	measure_node(&m, n);
	buf_grow(&b, 1);
	b.data[b.len] = '\0';
	return b.data;
}

int
dom_has_text(const xmlNode *n)
{
	/* Cheap enough: the callers ask about small or empty elements. */
	return dom_text_len(n, NULL) > 0;
}

double
dom_link_density(xmlNode *n)
{
	xmlNode		*c;
	const char	*href;
	double		 links = 0;
	size_t		 total = dom_text_len(n, NULL);

	if (total == 0)
		return 0;
	for (c = dom_next(n, n, 0); c != NULL; c = dom_next(c, n, 0)) {
		if (strcmp((const char *)c->name, "a") != 0)
			continue;
		href = dom_attr(c, "href");
		links += (double)dom_text_len(c, NULL) * (href != NULL &&
		    href[0] == '#' && href[1] != '\0' ? 0.3 : 1);
	}
	return links / (double)total;
}

int
dom_has_ancestor(const xmlNode *n, const char *name, int max_depth,
    int (*filter)(const xmlNode *))
{
	int	depth = 0;

	for (; n->parent != NULL; n = n->parent, depth++) {
		if (max_depth > 0 && depth > max_depth)
			return 0;
		if (dom_is(n->parent, name) && (filter == NULL ||
		    filter(n->parent)))
			return 1;
	}
	return 0;
}

void
dom_remove(xmlNode *n)
{
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

xmlNode *
dom_remove_next(xmlNode *n, const xmlNode *root)
{
	xmlNode	*next = dom_next(n, root, 1);

	dom_remove(n);
	return next;
}

xmlNode **
dom_all(xmlNode *root, const char *name, size_t *count)
{
	xmlNode	**v = NULL, *c;
	size_t	 n = 0, cap = 0;

	for (c = dom_next(root, root, 0); c != NULL; c = dom_next(c, root, 0)) {
		if (strcmp((const char *)c->name, name) != 0)
			continue;
		if (n + 1 >= cap) {
			cap = cap == 0 ? 16 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = c;
	}
	if (v == NULL)
		v = xcalloc(1, sizeof *v);
	v[n] = NULL;
	*count = n;
	return v;
}

/* The text being written: lines are gathered, then sanitized. */
struct text_out {
	struct buf	*out;
	struct buf	 line;
	int		 pending;	/* 1: newline, 2: blank line due */
	int		 pre;		/* inside <pre> */
	size_t		 chars;
};

static void
text_flush(struct text_out *t)
{
	char	*s, *p;
	int	 flags = UTF8_FOLD_SPACE;

	if (t->line.len == 0)
		return;
	if (!t->pre)
		flags |= UTF8_SQUEEZE;
	s = utf8_sanitize(t->line.data, t->line.len, flags);
	buf_reset(&t->line);
	if (*s != '\0' && (t->pre || *s != ' ' || s[1] != '\0')) {
		if (t->out->len > 0) {
			buf_puts(t->out, t->pending >= 2 ? "\n\n" : "\n");
			t->chars += t->pending >= 2 ? 2 : 1;
		}
		buf_puts(t->out, s);
		for (p = s; *p != '\0'; p++)
			t->chars += ((unsigned char)*p & 0xC0) != 0x80;
		t->pending = 0;
	}
	free(s);
}

static void
text_break(struct text_out *t, int level)
{
	if (level == 0)
		return;
	text_flush(t);
	if (level > t->pending)
		t->pending = level;
}

/* What an element is to the text. */
#define TX_LINE		1	/* a line break around it */
#define TX_BLOCK	2	/* a blank line around it */
#define TX_PRE		4	/* its text as it is */
#define TX_CELL		8	/* apart from the cell before it */
#define TX_SKIP		16	/* its content is no text to read */

static int
text_kind(const xmlNode *n)
{
	static const struct {
		const char	*name;
		int		 kind;
	} kinds[] = {
		{ "p", TX_BLOCK }, { "div", TX_BLOCK }, { "section", TX_BLOCK },
		{ "article", TX_BLOCK }, { "main", TX_BLOCK },
		{ "header", TX_BLOCK }, { "figure", TX_BLOCK },
		{ "figcaption", TX_BLOCK }, { "blockquote", TX_BLOCK },
		{ "pre", TX_BLOCK | TX_PRE }, { "table", TX_BLOCK },
		{ "ul", TX_BLOCK }, { "ol", TX_BLOCK }, { "dl", TX_BLOCK },
		{ "address", TX_BLOCK }, { "aside", TX_BLOCK },
		{ "footer", TX_BLOCK }, { "details", TX_BLOCK },
		{ "summary", TX_BLOCK }, { "hr", TX_BLOCK },
		{ "form", TX_BLOCK }, { "fieldset", TX_BLOCK },
		{ "center", TX_BLOCK }, { "hgroup", TX_BLOCK },
		{ "caption", TX_BLOCK }, { "h1", TX_BLOCK }, { "h2", TX_BLOCK },
		{ "h3", TX_BLOCK }, { "h4", TX_BLOCK }, { "h5", TX_BLOCK },
		{ "h6", TX_BLOCK }, { "nav", TX_BLOCK }, { "menu", TX_BLOCK },
		{ "li", TX_LINE }, { "tr", TX_LINE }, { "dt", TX_LINE },
		{ "dd", TX_LINE }, { "br", TX_LINE }, { "option", TX_LINE },
		{ "td", TX_CELL }, { "th", TX_CELL },
		{ "img", TX_SKIP }, { "svg", TX_SKIP }, { "video", TX_SKIP },
		{ "audio", TX_SKIP }, { "picture", TX_SKIP },
		{ "source", TX_SKIP }, { "script", TX_SKIP },
		{ "style", TX_SKIP },
	};
	const char	*name = (const char *)n->name;
	size_t		 i;

	/* The first letter first: this runs twice for every element. */
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kinds[i].name[0] == name[0] &&
		    strcmp(kinds[i].name, name) == 0)
			return kinds[i].kind;
	return 0;
}

static int
text_level(int kind)
{
	return kind & TX_BLOCK ? 2 : kind & TX_LINE ? 1 : 0;
}

static void
text_node(struct text_out *t, const char *s)
{
	const char	*nl;

	if (!t->pre) {
		buf_puts(&t->line, s);
		return;
	}
	while ((nl = strchr(s, '\n')) != NULL) {
		buf_add(&t->line, s, (size_t)(nl - s));
		text_break(t, 1);
		s = nl + 1;
	}
	buf_puts(&t->line, s);
}

static void
text_enter(struct text_out *t, int kind)
{
	if (kind & TX_CELL)
		buf_puts(&t->line, "  ");
	/* The text before a <pre> is not in it: a line of indentation
	 * before it was kept as one. */
	text_break(t, text_level(kind));
	if (kind & TX_PRE)
		t->pre++;
}

static void
text_leave(struct text_out *t, const xmlNode *n)
{
	int	kind = text_kind(n);

	text_break(t, text_level(kind));
	if (kind & TX_PRE)
		t->pre--;
}

size_t
dom_to_text(const xmlNode *root, struct buf *out)
{
	struct text_out	 t;
	const xmlNode	*n = root->children;
	int		 kind;

	memset(&t, 0, sizeof t);
	t.out = out;
	while (n != NULL) {
		if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
			text_node(&t, (const char *)n->content);
		if (n->type == XML_ELEMENT_NODE &&
		    !((kind = text_kind(n)) & TX_SKIP)) {
			text_enter(&t, kind);
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
			text_leave(&t, n);
		}
		while (n != NULL && n->next == NULL && n != root) {
			n = n->parent;
			if (n != root)
				text_leave(&t, n);
		}
		if (n == NULL || n == root)
			break;
		n = n->next;
	}
	text_flush(&t);
	buf_free(&t.line);
	return t.chars;
}

char *
dom_to_html(xmlDoc *doc, xmlNode *root)
{
	xmlBufferPtr		b = xmlBufferCreate();
	xmlOutputBufferPtr	o;
	char			*s;
	size_t			 n;

	o = xmlOutputBufferCreateBuffer(b, xmlFindCharEncodingHandler(
	    "UTF-8"));
	htmlNodeDumpFormatOutput(o, doc, root, "UTF-8", 0);
	xmlOutputBufferClose(o);
	/* Its own size, not a doubling buffer's. */
	n = (size_t)xmlBufferLength(b);
	s = xmalloc(n + 1);
	memcpy(s, xmlBufferContent(b), n);
	s[n] = '\0';
	xmlBufferFree(b);
	return s;
}
