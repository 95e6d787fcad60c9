/*
 * extract_parse.c - the page into libxml2's HTML tree for extract.c.
 * Offsets are bytes of the page.
 *
 * libxml2 2.9 reads a page one character at a time, and what it reads
 * it copies into the tree; most bytes of a news page are of no use to
 * the extractor. The page is handed to the parser through a read
 * callback that leaves out, as it goes:
 * - the content of <script> and <style> (the element stays, empty),
 *   except scripts of type application/ld+json: the metadata reads them;
 * - attributes that neither the extractor nor html.c (which lays out
 *   the stored article) reads, when their value is quoted or absent: an
 *   attribute costs the tree some 250 bytes (the attribute, a text node,
 *   a copy of the value) and libxml2 copies its value character by
 *   character through an entity decoder;
 * - all but the first of a run of white space in text outside <pre>,
 *   <textarea>, <listing>, <xmp> and <plaintext> (templates indent with
 *   it: a page's text can be mostly white space), which the extractor
 *   and the layout count as one.
 * For that it tokenizes as much HTML as it takes to agree with libxml2's
 * recovering parser about what is a tag, an attribute, a comment and
 * the end of a script (its end tag matched by prefix in any case, as
 * libxml2 does); where it is unsure (an unterminated comment, quote or
 * tag) it passes the rest of the page through as it is. The callback
 * reads the page where it lies, so the parser's input buffer stays at a
 * few KB instead of htmlReadMemory()'s copy of the page and its UTF-8 to
 * UTF-8 "conversion" of it. Attributes that still arrive (unquoted
 * values) are filtered at the SAX start-element callback, which also
 * leaves out those whose value or element makes them of no use to their
 * readers (value_kept()): a style that hides nothing, a role, rel or
 * aria-hidden the extractor does not look for, the name and content of
 * anything but a <meta>: on a news page, most of the attributes left.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>
#include <libxml/SAX2.h>

#include "util.h"
#include "extract_parse.h"

/* The most attributes of one element kept by the SAX filter. */
#define PARSE_MAX_ATTRS	32
/* Bytes of a mapped page unmapped at a time once read. */
#define PARSE_UNMAP_STEP	16384
/* libxml2 reads names up to this long (HTML_PARSER_BUFFER_SIZE). */
#define PARSE_NAME_MAX	100

/* Attributes read by extract.c, extract_meta.c and html.c. */
static const char *kept_attrs[] = {
	"alt", "aria-hidden", "aria-modal", "charset", "class", "colspan",
	"content", "datatable", "datetime", "dir", "hidden", "href",
	"http-equiv", "id", "itemprop", "lang", "name", "property",
	"pubdate", "rel", "role", "rowspan", "src", "start", "style",
	"summary", "type", "xml:lang", NULL
};

/* Elements whose content libxml2 reads as text to their end tag. */
static const char *raw_tags[] = { "script", "style", NULL };

/* Elements whose white space is kept as it is. */
static const char *pre_tags[] = {
	"pre", "textarea", "listing", "xmp", "plaintext", NULL
};

enum state {
	S_TEXT,		/* between tags */
	S_TAG,		/* in a start tag, after its name */
	S_RAW,		/* in the content of a script or style */
	S_REST		/* unsure: the rest as it is */
};

/* The page as the parser reads it. */
struct reader {
	const char	*s;
	size_t		 n;
	size_t		 pos;		/* what the tokenizer looks at next */
	/* When s is a mapping of its own: unmapped as it is read. */
	size_t		 page, mapped, gone;	/* page size, length, unmapped */
	size_t		 from, to;	/* bytes to hand on */
	enum state	 state;
	int		 pre;		/* depth of pre_tags elements */
	/* The start tag being read. */
	const char	*raw;		/* "script", "style" or NULL */
	int		 json_ld;	/* type="application/ld+json" */
	int		 is_pre;	/* one of pre_tags */
};

static int
is_blank(char c)
{
	/* libxml2's IS_BLANK_CH: no form feed. */
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A character of a tag or attribute name after the first. */
static int
is_name_char(char c)
{
	return is_letter(c) || (c >= '0' && c <= '9') || c == ':' ||
	    c == '-' || c == '_' || c == '.';
}

/* The first s[i..n) that starts with w, or n. */
static size_t
find(const char *s, size_t n, size_t i, const char *w)
{
	size_t		 k = strlen(w);
	const char	*p;

	while (i + k <= n) {
		if ((p = memchr(s + i, w[0], n - i)) == NULL)
			return n;
		i = (size_t)(p - s);
		if (i + k <= n && memcmp(s + i, w, k) == 0)
			return i;
		i++;
	}
	return n;
}

/* The first "</name" (in any case) in s[i..n), or n. */
static size_t
find_end_tag(const char *s, size_t n, size_t i, const char *name)
{
	size_t		 k = strlen(name);
	const char	*p;

	for (; i + 2 + k <= n; i++) {
		if ((p = memchr(s + i, '<', n - i)) == NULL)
			return n;
		i = (size_t)(p - s);
		if (i + 2 + k <= n && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, k) == 0)
			return i;
	}
	return n;
}

/* Is s[0..k) one of list, in any case? Returns it, or NULL. */
static const char *
name_in(const char *s, size_t k, const char **list)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == k && strncasecmp(s, *list, k) == 0)
			return *list;
	return NULL;
}

static void
emit(struct reader *r, size_t from, size_t to)
{
	r->from = from;
	r->to = to;
}

/* Text from r->pos, up to a '<' or a run of white space to squeeze. */
static void
read_text(struct reader *r)
{
	const char	*s = r->s, *p;
	size_t		 i = r->pos, end;

	end = (p = memchr(s + i, '<', r->n - i)) != NULL ?
	    (size_t)(p - s) : r->n;
	if (r->pre > 0) {
		emit(r, i, end);
		r->pos = end;
		return;
	}
	for (; i + 1 < end; i++)
		if (is_blank(s[i]) && is_blank(s[i + 1]))
			break;
	if (i + 1 >= end) {
		emit(r, r->pos, end);
		r->pos = end;
		return;
	}
	emit(r, r->pos, i + 1);
	for (i++; i < end && is_blank(s[i]); i++)
		;
	r->pos = i;
}

/* The markup at r->pos (a '<'). */
static void
read_markup(struct reader *r)
{
	const char	*s = r->s, *p;
	size_t		 i = r->pos, n = r->n, e, k;

	if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
		if ((e = find(s, n, i + 4, "-->")) == n) {
			r->state = S_REST;
			return;
		}
		emit(r, i, e + 3);
		r->pos = e + 3;
		return;
	}
	if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?' ||
	    s[i + 1] == '/')) {
		if ((p = memchr(s + i, '>', n - i)) == NULL) {
			r->state = S_REST;
			return;
		}
		e = (size_t)(p - s);
		for (k = i + 2; s[i + 1] == '/' && k < e &&
		    is_name_char(s[k]); k++)
			;
		if (s[i + 1] == '/' && r->pre > 0 &&
		    name_in(s + i + 2, k - i - 2, pre_tags) != NULL)
			r->pre--;
		emit(r, i, e + 1);
		r->pos = e + 1;
		return;
	}
	if (i + 1 == n || !is_letter(s[i + 1])) {
		emit(r, i, i + 1);	/* a '<' of the text */
		r->pos = i + 1;
		return;
	}
	for (e = i + 1; e < n && is_name_char(s[e]); e++)
		;
	r->raw = name_in(s + i + 1, e - i - 1, raw_tags);
	r->is_pre = name_in(s + i + 1, e - i - 1, pre_tags) != NULL;
	r->json_ld = 0;
	r->state = S_TAG;
	emit(r, i, e);
	r->pos = e;
}

static int
attr_kept(const char *name, size_t k)
{
	const char	**a;
	char		  c = name[0] >= 'A' && name[0] <= 'Z' ?
			      (char)(name[0] + 'a' - 'A') : name[0];

	for (a = kept_attrs; *a != NULL; a++)
		if ((*a)[0] == c && strncasecmp(*a, name, k) == 0 &&
		    (*a)[k] == '\0')
			return 1;
	return 0;
}

/* Does the value s[i..e) say ld+json (in any case)? */
static int
says_json_ld(const char *s, size_t i, size_t e)
{
	for (; i + 7 <= e; i++)
		if (strncasecmp(s + i, "ld+json", 7) == 0)
			return 1;
	return 0;
}

/* The end of the start tag at s[i] ('>' or "/>"). */
static void
end_tag(struct reader *r, size_t i)
{
	int	closed = r->s[i] == '/';

	emit(r, r->pos, i + (closed ? 2 : 1));
	r->pos = i + (closed ? 2 : 1);
	r->state = r->raw != NULL && !closed ? S_RAW : S_TEXT;
	if (r->is_pre && !closed)
		r->pre++;
}

/* One attribute of a start tag, as libxml2's htmlParseStartTag() reads
 * it; dropped when nothing reads it. */
static void
read_attr(struct reader *r)
{
	const char	*s = r->s, *q;
	size_t		 i = r->pos, n = r->n, name, name_end, end;
	int		 quoted = 0;

	while (i < n && is_blank(s[i]))
		i++;
	if (i == n) {
		r->state = S_REST;
		return;
	}
	if (s[i] == '>' || (s[i] == '/' && i + 1 < n && s[i + 1] == '>')) {
		end_tag(r, i);
		return;
	}
	name = i;
	if (is_letter(s[i]) || s[i] == '_' || s[i] == ':' || s[i] == '.')
		while (i < n && is_name_char(s[i]))
			i++;
	if ((name_end = i) == name) {
		/* No name: libxml2 skips to a blank or the end. */
		while (i < n && !is_blank(s[i]) && s[i] != '>' &&
		    !(s[i] == '/' && i + 1 < n && s[i + 1] == '>'))
			i++;
		emit(r, r->pos, i);
		r->pos = i;
		return;
	}
	end = i;
	while (i < n && is_blank(s[i]))
		i++;
	if (i < n && s[i] == '=') {
		for (i++; i < n && is_blank(s[i]); i++)
			;
		if (i < n && (s[i] == '"' || s[i] == '\'')) {
			if ((q = memchr(s + i + 1, s[i], n - i - 1)) == NULL) {
				r->state = S_REST;
				return;
			}
			quoted = 1;
			end = (size_t)(q - s) + 1;
		} else {
			while (i < n && !is_blank(s[i]) && s[i] != '>')
				i++;
			end = i;
		}
		if (r->raw != NULL && name_end - name == 4 &&
		    strncasecmp(s + name, "type", 4) == 0)
			r->json_ld = says_json_ld(s, name, end);
	} else
		quoted = 1;	/* no value */
	if (attr_kept(s + name, name_end - name) || !quoted ||
	    name_end - name > PARSE_NAME_MAX)
		emit(r, r->pos, end);
	else
		emit(r, r->pos, name);	/* the blanks before it */
	r->pos = end;
}

/* The content of a script or style: skipped but for JSON-LD. */
static void
read_raw(struct reader *r)
{
	size_t	e = find_end_tag(r->s, r->n, r->pos, r->raw);

	if (r->json_ld)
		emit(r, r->pos, e);
	r->pos = e;
	r->state = S_TEXT;
}

/* The next bytes to hand on into r->from, r->to; 0 at the end. */
static int
reader_next(struct reader *r)
{
	r->from = r->to = 0;
	while (r->from == r->to) {
		if (r->pos >= r->n)
			return 0;
		switch (r->state) {
		case S_TEXT:
			if (r->s[r->pos] == '<')
				read_markup(r);
			else
				read_text(r);
			break;
		case S_TAG:
			read_attr(r);
			break;
		case S_RAW:
			read_raw(r);
			break;
		case S_REST:
			emit(r, r->pos, r->n);
			r->pos = r->n;
			break;
		}
	}
	return 1;
}

/* libxml2's read callback. */
static int
reader_read(void *ctx, char *buf, int len)
{
	struct reader	*r = ctx;
	size_t		 out = 0, want = len > 0 ? (size_t)len : 0, k;

	while (out < want) {
		if (r->from == r->to && !reader_next(r))
			break;
		k = r->to - r->from < want - out ? r->to - r->from :
		    want - out;
		memcpy(buf + out, r->s + r->from, k);
		out += k;
		r->from += k;
	}
	/* The pages read go (the tokenizer never looks back), 16 KB at a
	 * time rather than a system call a read. */
	if (r->mapped > 0 && (k = r->from / r->page * r->page) >= r->gone +
	    PARSE_UNMAP_STEP) {
		munmap((char *)r->s + r->gone, k - r->gone);
		r->gone = k;
	}
	return (int)out;
}

static void
reader_init(struct reader *r, const char *s, size_t n)
{
	memset(r, 0, sizeof *r);
	r->s = s;
	r->n = n;
	r->state = S_TEXT;
}

char *
extract_parse_filter(const char *s, size_t n, size_t *len)
{
	struct reader	r;
	struct buf	b = { 0 };

	reader_init(&r, s, n);
	while (reader_next(&r))
		buf_add(&b, s + r.from, r.to - r.from);
	/* Its own size, not the doubling's: it may outlive a parse. */
	b.data = xreallocarray(b.data, b.len + 1, 1);
	b.data[b.len] = '\0';
	*len = b.len;
	return b.data;
}

/* Does the style hide its element to extract.c's is_visible()? The
 * same test on the whole value (a match past the part is_visible()
 * reads keeps a style that changes nothing). */
static int
style_hides(const char *v)
{
	char	*s = xmalloc(strlen(v) + 1);
	size_t	 k = 0;
	int	 hides;

	for (; *v != '\0'; v++)
		if (!isspace((unsigned char)*v))
			s[k++] = (char)tolower((unsigned char)*v);
	s[k] = '\0';
	hides = strstr(s, "display:none") != NULL ||
	    strstr(s, "visibility:hidden") != NULL;
	free(s);
	return hides;
}

/* Attributes of use only with some values or on some elements, as
 * extract.c, extract_meta.c and html.c read them. */
static const struct {
	const char	*name;
	const char	*element;	/* only there; NULL: anywhere */
	const char	*values[9];	/* only these; none: any */
} value_rules[] = {
	/* is_modal(), is_unlikely(), table_has_data() */
	{ "role", NULL, { "menu", "menubar", "complementary", "navigation",
	    "alert", "alertdialog", "dialog", "presentation", NULL } },
	{ "rel", NULL, { "author", NULL } },		/* check_byline() */
	{ "aria-hidden", NULL, { "true", NULL } },	/* is_visible() */
	{ "aria-modal", NULL, { "true", NULL } },	/* is_modal() */
	{ "name", "meta", { NULL } },			/* meta_tags() */
	{ "content", "meta", { NULL } },
	{ "property", "meta", { NULL } },
	{ "charset", "meta", { NULL } },		/* (none) */
	{ "http-equiv", "meta", { NULL } },
	{ "type", "script", { NULL } },			/* meta_json_ld() */
	{ "datetime", "time", { NULL } },		/* meta_time() */
	{ "pubdate", "time", { NULL } },
	{ "summary", "table", { NULL } },		/* table_has_data() */
	{ "datatable", "table", { NULL } },
};

/* Is name="v" (a kept attribute) of element of use to its readers? */
static int
value_kept(const char *element, const char *name, const char *v)
{
	size_t	i, k;

	if (strcmp(name, "style") == 0)
		return style_hides(v);
	if (strcmp(name, "itemprop") == 0)	/* check_byline(), meta */
		return strcmp(element, "meta") == 0 ||
		    strcmp(element, "time") == 0 || strstr(v, "author") != NULL;
	for (i = 0; i < sizeof value_rules / sizeof value_rules[0]; i++) {
		if (strcmp(value_rules[i].name, name) != 0)
			continue;
		if (value_rules[i].element != NULL &&
		    strcmp(value_rules[i].element, element) != 0)
			return 0;
		if (value_rules[i].values[0] == NULL)
			return 1;
		for (k = 0; value_rules[i].values[k] != NULL; k++)
			if (strcmp(value_rules[i].values[k], v) == 0)
				return 1;
		return 0;
	}
	return 1;
}

/*
 * The packed attributes of a document's elements, each string once, in
 * blocks that live as long as the document (in its psvi, freed by
 * extract_parse_free()). libxml2's dictionary would take four times
 * their size: its pools grow fourfold, its table sixfold.
 */
struct attr_store {
	char		**blocks;
	size_t		  nblocks;
	size_t		  used, cap;	/* of the last block */
	const char	**set;		/* open addressing, NULL: free */
	size_t		  nset, capset;	/* capset a power of two */
};

#define STORE_BLOCK	16384

/* The length of a packed string, its final NUL included. */
static size_t
packed_len(const char *p)
{
	const char	*q = p;

	while (*q != '\0') {
		q += strlen(q) + 1;	/* name */
		q += strlen(q) + 1;	/* value */
	}
	return (size_t)(q - p) + 1;
}

static size_t
packed_hash(const char *p, size_t n)
{
	size_t	h = 2166136261u, i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

/* The slot of p[0..n) in st's set: where it is, or a free one. */
static size_t
store_slot(const struct attr_store *st, const char *p, size_t n)
{
	size_t	i = packed_hash(p, n) & (st->capset - 1);

	while (st->set[i] != NULL && (packed_len(st->set[i]) != n ||
	    memcmp(st->set[i], p, n) != 0))
		i = (i + 1) & (st->capset - 1);
	return i;
}

static void
store_grow_set(struct attr_store *st)
{
	const char	**old = st->set;
	size_t		  oldcap = st->capset, i;

	st->capset = oldcap == 0 ? 256 : oldcap * 2;
	st->set = xcalloc(st->capset, sizeof *st->set);
	for (i = 0; i < oldcap; i++)
		if (old[i] != NULL)
			st->set[store_slot(st, old[i], packed_len(old[i]))] =
			    old[i];
	free(old);
}

/* p[0..n) in st, once. */
static const char *
store_add(struct attr_store *st, const char *p, size_t n)
{
	size_t	i;
	char	*s;

	if (2 * (st->nset + 1) > st->capset)
		store_grow_set(st);
	if (st->set[i = store_slot(st, p, n)] != NULL)
		return st->set[i];
	if (st->nblocks == 0 || st->cap - st->used < n) {
		st->blocks = xreallocarray(st->blocks, st->nblocks + 1,
		    sizeof *st->blocks);
		st->cap = n > STORE_BLOCK ? n : STORE_BLOCK;
		st->blocks[st->nblocks++] = xmalloc(st->cap);
		st->used = 0;
	}
	s = st->blocks[st->nblocks - 1] + st->used;
	memcpy(s, p, n);
	st->used += n;
	st->nset++;
	return st->set[i] = s;
}

/* The attributes atts[idx[0..n)] packed as "name\0value\0...\0" into the
 * document's store. */
static const char *
pack_attrs(htmlParserCtxtPtr ctxt, const xmlChar **atts, const size_t *idx,
    size_t n)
{
	struct attr_store	*st = ctxt->myDoc->psvi;
	struct buf		 b = { 0 };
	const char		*a, *v, *p;
	size_t			 i;

	if (st == NULL)
		st = ctxt->myDoc->psvi = xcalloc(1, sizeof *st);
	for (i = 0; i < n; i++) {
		a = (const char *)atts[idx[i]];
		v = atts[idx[i] + 1] != NULL ? (const char *)atts[idx[i] + 1] :
		    "";
		buf_add(&b, a, strlen(a) + 1);
		buf_add(&b, v, strlen(v) + 1);
	}
	buf_putc(&b, '\0');
	p = store_add(st, b.data, b.len);
	buf_free(&b);
	return p;
}

void
extract_parse_free(xmlDoc *doc)
{
	struct attr_store	*st;
	size_t			 i;

	if (doc == NULL)
		return;
	if ((st = doc->psvi) != NULL) {
		for (i = 0; i < st->nblocks; i++)
			free(st->blocks[i]);
		free(st->blocks);
		free(st->set);
		free(st);
		doc->psvi = NULL;
	}
	xmlFreeDoc(doc);
}

/* xmlSAX2StartElement without the attributes nobody reads; the others
 * go packed into the element's psvi (see dom_attr(); extract.c makes
 * those html.c reads attributes of the article's tree again before it
 * writes its HTML): an attribute of the tree costs some 270 bytes in
 * three blocks (the attribute, a text node, its value), a packed one its
 * bytes, once for all the elements that have the same. */
static void
start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	htmlParserCtxtPtr	 ctxt = ctx;
	xmlNode			*parent = ctxt->node;
	const xmlChar		*keep[2 * PARSE_MAX_ATTRS + 2];
	const char		*a, *packed = NULL;	/* or in the tree */
	size_t			 idx[PARSE_MAX_ATTRS], i, k = 0, n = 0;

	for (i = 0; atts != NULL && atts[i] != NULL && n < PARSE_MAX_ATTRS;
	    i += 2) {
		a = (const char *)atts[i];
		if (attr_kept(a, strlen(a)) && value_kept((const char *)name,
		    a, atts[i + 1] != NULL ? (const char *)atts[i + 1] : ""))
			idx[n++] = i;
	}
	if (n > 0 && ctxt->myDoc != NULL)
		packed = pack_attrs(ctxt, atts, idx, n);
	for (i = 0; packed == NULL && i < n; i++) {
		keep[k++] = atts[idx[i]];
		keep[k++] = atts[idx[i] + 1];
	}
	keep[k] = NULL;
	keep[k + 1] = NULL;
	xmlSAX2StartElement(ctx, name, atts != NULL ? keep : NULL);
	/* The element made (nothing else moves ctxt->node down). */
	if (packed != NULL && ctxt->node != NULL && ctxt->node != parent &&
	    ctxt->node->type == XML_ELEMENT_NODE && ctxt->node->psvi == NULL)
		ctxt->node->psvi = (void *)packed;
}

/* xmlSAX2StartDocument with the parser's dictionary in the document:
 * htmlCtxtUseOptions() turns dictNames off for HTML, and each element
 * then has its name in a block of its own, each text its content (with
 * HTML_PARSE_COMPACT, a text under 16 bytes is kept in its node). */
static void
start_document(void *ctx)
{
	htmlParserCtxtPtr	ctxt = ctx;

	ctxt->dictNames = 1;
	xmlSAX2StartDocument(ctx);
	/* As xmlSAX2StartDocument() does for XML: the tree frees no string
	 * of the dictionary, which lives as long as the document. */
	if (ctxt->myDoc != NULL && ctxt->myDoc->dict == NULL &&
	    ctxt->dict != NULL) {
		ctxt->myDoc->dict = ctxt->dict;
		xmlDictReference(ctxt->dict);
	}
}

/* The tree r reads. */
static htmlDocPtr
parse_reader(struct reader *r, const char *base)
{
	htmlParserCtxtPtr	 ctxt;
	htmlDocPtr		 doc;

	if ((ctxt = htmlNewParserCtxt()) == NULL)
		return NULL;
	ctxt->sax->startElement = start_element;
	ctxt->sax->startDocument = start_document;
	/* No HTML_PARSE_NOIMPLIED: the walk wants <html> and <body>.
	 * UTF-8 (in 4 KB steps, not a copy of the page) and no switching
	 * on a <meta charset>. */
	doc = htmlCtxtReadIO(ctxt, reader_read, NULL, r, base, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_RECOVER | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
	htmlFreeParserCtxt(ctxt);
	return doc;
}

/* The tree of s[0..n), read through the filter unless filtered. */
static htmlDocPtr
parse(const char *s, size_t n, const char *base, int filtered)
{
	struct reader	r;

	reader_init(&r, s, n);
	if (filtered)
		r.state = S_REST;	/* the bytes as they are */
	return parse_reader(&r, base);
}

htmlDocPtr
extract_parse(const char *s, size_t n, const char *base)
{
	return parse(s, n, base, 0);
}

htmlDocPtr
extract_parse_filtered(const char *s, size_t n, const char *base)
{
	/* The same bytes in the same 4 KB reads: the same tree. */
	return parse(s, n, base, 1);
}

htmlDocPtr
extract_parse_filtered_free(char *s, size_t n, const char *base)
{
	struct reader	 r;
	htmlDocPtr	 doc;
	long		 page = sysconf(_SC_PAGESIZE);
	size_t		 len;
	char		*m;

	/* In pages of its own, which go as the parser reads them: the
	 * bytes are not kept beside the tree. */
	len = page > 0 && n > 0 ? (n + (size_t)page - 1) / (size_t)page *
	    (size_t)page : 0;
	m = len > 0 ? mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE |
	    MAP_ANONYMOUS, -1, 0) : MAP_FAILED;
	if (m == MAP_FAILED) {
		doc = parse(s, n, base, 1);
		free(s);
		return doc;
	}
	memcpy(m, s, n);
	free(s);
	reader_init(&r, m, n);
	r.state = S_REST;
	r.page = (size_t)page;
	r.mapped = len;
	doc = parse_reader(&r, base);
	munmap(m + r.gone, len - r.gone);
	return doc;
}
