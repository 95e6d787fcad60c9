/*
 * html.c - turns the events of libxml2's HTML parser (SAX: no tree is
 * built, so memory follows the document model, not the markup) into
 * blocks: block elements start paragraphs, inline elements add text with
 * attributes, links become numbered references, images their alt text.
 * Each open element has a frame on a stack that says what to undo at its
 * end. Depth is counted in elements and bounded by HTML_MAX_DEPTH.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>

#include "util.h"
#include "utf8.h"
#include "text.h"
#include "html.h"

/* What an open element does at its end. */
enum frame_kind {
	F_PLAIN,	/* nothing (inline without effect, transparent) */
	F_BLOCK,	/* end the block */
	F_LIST,		/* ul, ol */
	F_ITEM,		/* li in a list */
	F_QUOTE,	/* blockquote */
	F_PRE,
	F_LINK,		/* a: add the reference */
	F_INLINE,	/* restore the attributes, close a q */
};

struct frame {
	enum frame_kind	 kind;
	enum dir	 dir;		/* w->dir to restore */
	uint16_t	 attr;		/* w->attr to restore */
	int		 isolate;	/* add a PDI at the end */
	int		 q;		/* a <q>: closing quote */
	int		 number;	/* lists: next item number, 0 ul */
	int		 first;		/* lists: no item yet */
	char		*href;		/* links */
	char		 name[12];	/* lower case, cut */
	char		 before[12];	/* the previous element sibling */
	char		 last[12];	/* its last element child so far */
};

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
	struct frame	*stack;
	size_t		 depth;		/* open elements with a frame */
	size_t		 skip;		/* open elements inside a skipped one */
	size_t		 body;		/* open <body> elements */
	size_t		 elements;	/* elements seen */
	int		 in_title;	/* collecting the first <title> */
	int		 have_title;
	struct buf	 title;
	struct buf	 text;		/* character data not added yet */
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

/* The value of attribute name in a SAX attribute list, or NULL. */
static const char *
att(const xmlChar **atts, const char *name)
{
	for (; atts != NULL && atts[0] != NULL; atts += 2)
		if (strcasecmp((const char *)atts[0], name) == 0)
			return atts[1] != NULL ? (const char *)atts[1] : "";
	return NULL;
}

static enum dir
dir_attr(const xmlChar **atts, enum dir inherited)
{
	const char	*v = att(atts, "dir");

	if (v == NULL)
		return inherited;
	if (strcasecmp(v, "rtl") == 0)
		return DIR_RTL;
	if (strcasecmp(v, "ltr") == 0)
		return DIR_LTR;
	if (strcasecmp(v, "auto") == 0)
		return DIR_AUTO;
	return inherited;
}

/* Close the open block, dropping it if it is empty, else giving back
 * the room its arrays grew past its text. */
static void
end_block(struct walk *w)
{
	if (w->cur != NULL) {
		doc_drop_empty(w->doc);
		if (w->doc->nblocks > 0)
			block_shrink(&w->doc->blocks[w->doc->nblocks - 1]);
	}
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
	if (b->len >= TEXT_MAX_PARA) {
		/* A paragraph of bounded size: the rest goes on in the
		 * next block, as for plain text. */
		open_block(w, b->type);
		w->cur->tight = 1;
	}
}

/* Add the character data collected since the last tag. */
static void
flush_text(struct walk *w)
{
	if (w->text.len == 0)
		return;
	buf_grow(&w->text, 0);
	w->text.data[w->text.len] = '\0';
	/* Text right inside a list, between its items, is not shown. */
	if (w->skip == 0 && (w->depth == 0 ||
	    w->stack[w->depth - 1].kind != F_LIST))
		add_text(w, w->text.data, w->attr);
	w->text.len = 0;
}

static void
copy_name(char *dst, const char *src)
{
	size_t	i;

	for (i = 0; i < 11 && src[i] != '\0'; i++)
		dst[i] = (char)tolower((unsigned char)src[i]);
	dst[i] = '\0';
}

/* Rows of a table and terms of a list follow each other without a blank
 * line: a tr after a tr, a dd after a dd or dt, the first tr of a tbody
 * or tfoot that comes after a thead or tbody. */
static int
is_follower(const struct walk *w, const char *name, const char *before)
{
	const struct frame	*parent;

	if (before[0] != '\0')
		return strcmp(before, name) == 0 || (strcmp(name, "dd") == 0 &&
		    strcmp(before, "dt") == 0);
	if (strcmp(name, "tr") != 0 || w->depth < 2)
		return 0;
	parent = &w->stack[w->depth - 2];
	return (strcmp(parent->name, "tbody") == 0 ||
	    strcmp(parent->name, "tfoot") == 0) &&
	    (strcmp(parent->before, "thead") == 0 ||
	    strcmp(parent->before, "tbody") == 0);
}

/* The start of a block element (its frame f is on the stack). */
static void
start_block(struct walk *w, struct frame *f, const xmlChar **atts,
    struct frame *parent)
{
	const char	*name = f->name, *v;
	struct block	*b;
	char		 marker[32];

	f->dir = w->dir;
	w->dir = dir_attr(atts, w->dir);
	if (parent != NULL && parent->kind == F_LIST &&
	    strcmp(name, "li") == 0) {
		f->kind = F_ITEM;
		b = open_block(w, BLOCK_ITEM);
		/* Items follow each other closely; a nested list hangs on
		 * the item it belongs to. */
		b->tight = !parent->first || w->list > 1;
		parent->first = 0;
		if (parent->number > 0)
			snprintf(marker, sizeof marker, "%d. ",
			    parent->number++);
		else
			snprintf(marker, sizeof marker, "\xe2\x80\xa2 ");
		block_add_utf8(b, marker, strlen(marker), ATTR_MARKER, 0);
		b->hang = parent->number > 0 ? strlen(marker) : 2;
	} else if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0) {
		f->kind = F_LIST;
		f->first = 1;
		f->number = name[0] == 'o' ? 1 : 0;
		if (name[0] == 'o' && (v = att(atts, "start")) != NULL)
			f->number = atoi(v);
		end_block(w);
		w->list++;
	} else if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
	    name[2] == '\0') {
		b = open_block(w, BLOCK_HEADING);
		b->level = name[1] - '0';
	} else if (strcmp(name, "hr") == 0) {
		f->kind = F_PLAIN;
		end_block(w);
		open_block(w, BLOCK_RULE);
		w->cur = NULL;
	} else if (strcmp(name, "blockquote") == 0) {
		f->kind = F_QUOTE;
		end_block(w);
		w->quote++;
	} else if (strcmp(name, "pre") == 0) {
		f->kind = F_PRE;
		b = open_block(w, BLOCK_PRE);
		/* Preformatted lines take their own direction unless the
		 * element says otherwise: code is not turned around by the
		 * page's direction. */
		b->dir = dir_attr(atts, DIR_AUTO);
		w->pre++;
	} else {
		end_block(w);
		if ((strcmp(name, "tr") == 0 || strcmp(name, "dd") == 0) &&
		    is_follower(w, name, f->before))
			w->tight = 1;
	}
}

/* The newlines just inside <pre> and </pre> are markup. */
static void
end_pre(struct walk *w)
{
	struct block	*b = w->cur;

	w->pre--;
	if (b != NULL && b->len > 0 && b->text[0] == DOC_BREAK) {
		memmove(b->text, b->text + 1, (b->len - 1) * sizeof *b->text);
		memmove(b->attr, b->attr + 1, (b->len - 1) * sizeof *b->attr);
		b->len--;
	}
	while (b != NULL && b->len > 0 && (b->text[b->len - 1] ==
	    DOC_BREAK || b->text[b->len - 1] == ' '))
		b->len--;
	end_block(w);
}

/* An image: its alt text, and its source as a numbered link (the link
 * screen and `N o` reach it), unless that is inline data. */
static void
add_image(struct walk *w, const xmlChar **atts)
{
	const char	*alt = att(atts, "alt"), *src = att(atts, "src");
	xmlChar		*abs = NULL;
	char		 ref[32];
	size_t		 num;

	/* the alt text is the page's: not a marker, it gives a paragraph
	 * of only an image its direction (render.c) */
	if (alt != NULL && alt[0] != '\0') {
		add_text(w, "[image: ", w->attr | ATTR_MARKER);
		add_text(w, alt, w->attr);
		add_text(w, "]", w->attr | ATTR_MARKER);
	} else
		add_text(w, "[image]", w->attr | ATTR_MARKER);
	if (src == NULL || src[0] == '\0' || strncasecmp(src, "data:", 5) == 0)
		return;
	if (w->base != NULL)
		abs = xmlBuildURI((const xmlChar *)src,
		    (const xmlChar *)w->base);
	num = doc_add_link(w->doc, abs != NULL ? (char *)abs : src);
	snprintf(ref, sizeof ref, "[%zu]", num);
	add_text(w, ref, ATTR_LINK | ATTR_MARKER);
	xmlFree(abs);
}

/* The start of an inline element; returns 0 for one without content
 * (br, img), whose children are skipped. */
static int
start_inline(struct walk *w, struct frame *f, const xmlChar **atts)
{
	static const uint32_t	 iso[] = { 0x2068, 0x2066, 0x2067 };
	const char		*name = f->name, *href;

	if (att(atts, "dir") != NULL || strcmp(name, "bdi") == 0) {
		block_add(current(w), iso[dir_attr(atts, DIR_AUTO)], 0);
		f->isolate = 1;
	}
	if (strcmp(name, "br") == 0 || strcmp(name, "img") == 0) {
		if (name[0] == 'b')
			block_add(current(w), DOC_BREAK, 0);
		else
			add_image(w, atts);
		if (f->isolate)
			block_add(current(w), 0x2069, 0);
		return 0;
	}
	f->kind = F_INLINE;
	if (strcmp(name, "a") == 0) {
		f->kind = F_LINK;
		if ((href = att(atts, "href")) != NULL)
			f->href = xstrdup(href);
		w->attr |= ATTR_LINK;
		return 1;
	}
	if ((strcmp(name, "td") == 0 || strcmp(name, "th") == 0) &&
	    w->cur != NULL && w->cur->len > 0)
		add_text(w, "  ", w->attr);
	if (strcmp(name, "b") == 0 || strcmp(name, "strong") == 0 ||
	    strcmp(name, "th") == 0)
		w->attr |= ATTR_BOLD;
	else if (strcmp(name, "i") == 0 || strcmp(name, "em") == 0 ||
	    strcmp(name, "cite") == 0)
		w->attr |= ATTR_ITALIC;
	else if (strcmp(name, "code") == 0 || strcmp(name, "kbd") == 0 ||
	    strcmp(name, "tt") == 0 || strcmp(name, "samp") == 0)
		w->attr |= ATTR_CODE;
	if (strcmp(name, "q") == 0) {
		f->q = 1;
		add_text(w, "\xe2\x80\x9c", w->attr);
	}
	return 1;
}

/* The end of a link: its reference number after its text. */
static void
end_link(struct walk *w, struct frame *f)
{
	char		*href = f->href;
	xmlChar		*abs = NULL;
	char		 ref[32];
	size_t		 num;

	if (href == NULL || href[0] == '\0' || href[0] == '#' ||
	    strncasecmp(href, "javascript:", 11) == 0)
		return;
	if (w->base != NULL)
		abs = xmlBuildURI((const xmlChar *)href,
		    (const xmlChar *)w->base);
	num = doc_add_link(w->doc, abs != NULL ? (char *)abs : href);
	snprintf(ref, sizeof ref, "[%zu]", num);
	add_text(w, ref, ATTR_LINK | ATTR_MARKER);
	xmlFree(abs);
}

static void
sax_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct walk	*w = ctx;
	struct frame	*f, *parent;
	const char	*name = (const char *)xname;
	enum kind	 k = kind_of(name);

	flush_text(w);
	w->elements++;
	/* The first <title> outside <body> names the document, even in
	 * the <head> that is not shown. */
	if (strcasecmp(name, "body") == 0)
		w->body++;
	if (strcasecmp(name, "title") == 0 && w->body == 0 &&
	    !w->have_title && w->depth + w->skip < 8)
		w->in_title = 1;
	if (w->skip > 0) {
		w->skip++;
		return;
	}
	parent = w->depth > 0 ? &w->stack[w->depth - 1] : NULL;
	if (w->depth >= HTML_MAX_DEPTH || k == K_SKIP) {
		if (parent != NULL)
			copy_name(parent->last, name);
		w->skip = 1;
		return;
	}
	w->stack = xreallocarray(w->stack, w->depth + 1, sizeof *w->stack);
	f = &w->stack[w->depth++];
	parent = w->depth > 1 ? &w->stack[w->depth - 2] : NULL;
	memset(f, 0, sizeof *f);
	copy_name(f->name, name);
	if (parent != NULL) {
		memcpy(f->before, parent->last, sizeof f->before);
		copy_name(parent->last, name);
	}
	f->kind = F_PLAIN;
	f->dir = w->dir;
	f->attr = w->attr;
	if (parent != NULL && parent->kind == F_LIST &&
	    strcmp(f->name, "li") != 0)
		return;		/* other elements in a list: their content */
	if (k == K_BLOCK) {
		f->kind = F_BLOCK;
		start_block(w, f, atts, parent);
	} else if (!start_inline(w, f, atts)) {
		w->depth--;	/* br, img: nothing inside */
		w->skip = 1;
	}
}

static void
sax_end(void *ctx, const xmlChar *xname)
{
	struct walk	*w = ctx;
	struct frame	*f;

	flush_text(w);
	if (w->in_title && strcasecmp((const char *)xname, "title") == 0) {
		w->in_title = 0;
		w->have_title = 1;
		buf_grow(&w->title, 0);
		w->title.data[w->title.len] = '\0';
	}
	if (strcasecmp((const char *)xname, "body") == 0 && w->body > 0)
		w->body--;
	if (w->skip > 0) {
		w->skip--;
		return;
	}
	if (w->depth == 0)
		return;
	f = &w->stack[--w->depth];
	switch (f->kind) {
	case F_BLOCK:
		end_block(w);
		break;
	case F_LIST:
		end_block(w);
		w->list--;
		w->tight = 0;
		break;
	case F_ITEM:
		end_block(w);
		w->tight = 1;
		break;
	case F_QUOTE:
		end_block(w);
		w->quote--;
		break;
	case F_PRE:
		end_pre(w);
		break;
	case F_LINK:
		w->attr = f->attr;
		end_link(w, f);
		break;
	case F_INLINE:
		if (f->q)
			add_text(w, "\xe2\x80\x9d", w->attr);
		break;
	default:
		break;
	}
	w->attr = f->attr;
	w->dir = f->dir;
	if (f->isolate)
		block_add(current(w), 0x2069, 0);
	free(f->href);
}

static void
sax_text(void *ctx, const xmlChar *s, int n)
{
	struct walk	*w = ctx;

	if (w->in_title)
		buf_add(&w->title, (const char *)s, (size_t)n);
	if (w->skip == 0)
		buf_add(&w->text, (const char *)s, (size_t)n);
	/* libxml2 hands over whole characters: a long text is added in
	 * pieces, so no more than a piece is held twice. */
	if (w->text.len >= 65536)
		flush_text(w);
}

static void
sax_ignore(void *ctx, const xmlChar *s, int n)
{
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
	htmlSAXHandler		 sax;
	htmlParserCtxtPtr	 ctxt;
	struct walk		 w;
	char			*clean = NULL;
	int			 opts, ok;

	opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_RECOVER | HTML_PARSE_NOIMPLIED;
	if (!declares_charset(s, n)) {
		/* Replace invalid UTF-8 with U+FFFD before libxml2 sees it. */
		struct buf	b = { 0 };

		utf8_repair(s, n, &b);
		clean = b.data;
		s = clean != NULL ? clean : "";
		n = b.len;
	}
	if ((ctxt = htmlCreateMemoryParserCtxt(s, (int)(n > INT32_MAX ?
	    INT32_MAX : n))) == NULL) {
		free(clean);
		*cause = xstrdup("not an HTML document");
		return -1;
	}
	if (clean != NULL)	/* repaired above: UTF-8 whatever it says */
		xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	free(clean);	/* libxml2 has its own copy */
	memset(&sax, 0, sizeof sax);
	sax.startElement = sax_start;
	sax.endElement = sax_end;
	sax.characters = sax_text;
	sax.cdataBlock = sax_text;
	sax.ignorableWhitespace = sax_ignore;
	memcpy(ctxt->sax, &sax, sizeof sax);
	ctxt->userData = &w;
	htmlCtxtUseOptions(ctxt, opts);
	memset(&w, 0, sizeof w);
	w.doc = d;
	w.base = base;
	htmlParseDocument(ctxt);
	flush_text(&w);
	while (w.depth > 0)
		free(w.stack[--w.depth].href);
	end_block(&w);
	ok = w.elements > 0;
	if (w.have_title && d->title == NULL && w.title.len > 0) {
		d->title = utf8_sanitize(w.title.data, w.title.len,
		    UTF8_FOLD_SPACE);
		squeeze(d->title);
	}
	free(w.stack);
	buf_free(&w.title);
	buf_free(&w.text);
	htmlFreeParserCtxt(ctxt);
	if (!ok) {
		*cause = xstrdup("not an HTML document");
		return -1;
	}
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
