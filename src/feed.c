/*
 * feed.c - a streaming feed parser. XML feeds (RSS 0.9x/2.0, RSS 1.0 RDF,
 * Atom 0.3/1.0) go through libxml2's SAX2 push parser: no tree is built,
 * each item is collected into a few bounded buffers and handed to the
 * callback when its element closes, so memory does not grow with the
 * size of the document. JSON Feed 1.0/1.1 (sniffed by a leading '{') goes
 * through json-c's incremental tokener, which does build the document, so
 * it is capped at FEED_JSON_MAX bytes.
 *
 * Units: sizes are bytes; depth counts open elements (the root is 1);
 * error positions are libxml2's 1-based line and column.
 *
 * Security: no DTD is loaded, no external entity is resolved, entities
 * declared in an internal subset are not expanded (a reference to one is
 * a fatal "not defined" error, which stops billion-laughs and XXE alike),
 * XML_PARSE_HUGE is never set, the network is off, nesting is limited to
 * FEED_MAX_DEPTH and every field is truncated at a fixed size. HTML named
 * entities (&nbsp; &eacute;...) that feeds use without declaring them are
 * resolved from libxml2's HTML table.
 */
#include <stdlib.h>
#include <string.h>

#include <json.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/uri.h>

#include "date.h"
#include "feed.h"
#include "utf8.h"
#include "util.h"

#define FEED_MAX_DEPTH		255
#define FEED_CONTENT_MAX	(4 * 1024 * 1024)
#define FEED_FIELD_MAX		(64 * 1024)
#define FEED_JSON_MAX		(32 * 1024 * 1024)
#define FEED_JSON_DEPTH		64
#define FEED_HTML_ENTITIES	300
#define FEED_NS_CACHE		16
#define FEED_TYPE_MAX		127	/* an enclosure's MIME type */

enum feed_mode { MODE_SNIFF, MODE_XML, MODE_JSON, MODE_DONE };
enum feed_format { FMT_NONE, FMT_RSS, FMT_RDF, FMT_ATOM, FMT_JSON };

/* Namespaces we know, by URI (or, when undeclared, by usual prefix). */
enum feed_ns {
	NS_NONE, NS_RSS10, NS_RSS09, NS_ATOM10, NS_ATOM03, NS_CONTENT, NS_DC,
	NS_MEDIA, NS_XHTML, NS_RDF, NS_OTHER
};

/* Item fields; the last two belong to the feed and outlive items. */
enum feed_field {
	F_TITLE, F_LINK, F_CONTENT, F_ID, F_AUTHOR, F_ENCLOSURE,
	F_CATEGORIES, F_DATE, F_ITEM_LAST = F_DATE,
	F_FEED_TITLE, F_FEED_LINK, F_LAST
};

/* What an element of an item means. */
enum feed_kind {
	K_TEXT,		/* text content */
	K_URI,		/* text content, a link to resolve */
	K_TITLE,	/* Atom text construct reduced to plain text */
	K_CONTENT,	/* body: html, xhtml or text */
	K_GUID,		/* RSS guid: an id, and a link unless isPermaLink=false */
	K_CATEGORY,	/* RSS category text, appended with '|' */
	K_ATOM_CATEGORY,/* Atom category term (or label) attribute */
	K_ATOM_LINK,	/* Atom link: rel alternate or enclosure */
	K_ENCLOSURE,	/* RSS enclosure url attribute */
	K_MEDIA,	/* media:content / media:thumbnail url attribute */
	K_ATOM_AUTHOR	/* Atom author: its name child is the author */
};

/* How the text of a field being captured is kept. */
enum feed_text {
	T_PLAIN,	/* text only; nested elements are ignored */
	T_HTML,		/* text is HTML; nested elements are serialized */
	T_XHTML		/* nested XHTML: serialize, escaping text */
};

struct feed_tag {
	enum feed_ns		 ns;	/* NS_RSS10 matches every RSS one */
	const char		*name;
	enum feed_field		 field;
	int			 prio;	/* higher replaces lower; equal keeps */
	enum feed_kind		 kind;
};

/* Element tables; a lower priority never replaces a higher one. */
static const struct feed_tag feed_rss_tags[] = {
	{ NS_RSS10, "title", F_TITLE, 1, K_TEXT },
	{ NS_RSS10, "link", F_LINK, 2, K_URI },
	{ NS_MEDIA, "description", F_CONTENT, 1, K_CONTENT },
	{ NS_RSS10, "description", F_CONTENT, 2, K_CONTENT },
	{ NS_CONTENT, "encoded", F_CONTENT, 3, K_CONTENT },
	{ NS_RSS10, "guid", F_ID, 1, K_GUID },
	{ NS_RSS10, "author", F_AUTHOR, 1, K_TEXT },
	{ NS_DC, "creator", F_AUTHOR, 2, K_TEXT },
	{ NS_DC, "date", F_DATE, 1, K_TEXT },
	{ NS_RSS10, "pubDate", F_DATE, 2, K_TEXT },
	{ NS_RSS10, "enclosure", F_ENCLOSURE, 3, K_ENCLOSURE },
	{ NS_MEDIA, "content", F_ENCLOSURE, 2, K_MEDIA },
	{ NS_MEDIA, "thumbnail", F_ENCLOSURE, 1, K_MEDIA },
	{ NS_RSS10, "category", F_CATEGORIES, 1, K_CATEGORY },
};
static const struct feed_tag feed_atom_tags[] = {
	{ NS_ATOM10, "title", F_TITLE, 1, K_TITLE },
	{ NS_ATOM10, "link", F_LINK, 1, K_ATOM_LINK },
	{ NS_MEDIA, "description", F_CONTENT, 1, K_CONTENT },
	{ NS_ATOM10, "summary", F_CONTENT, 2, K_CONTENT },
	{ NS_ATOM10, "content", F_CONTENT, 3, K_CONTENT },
	{ NS_ATOM10, "id", F_ID, 1, K_TEXT },
	{ NS_DC, "creator", F_AUTHOR, 1, K_TEXT },
	{ NS_ATOM10, "author", F_AUTHOR, 2, K_ATOM_AUTHOR },
	{ NS_DC, "date", F_DATE, 1, K_TEXT },
	{ NS_ATOM10, "modified", F_DATE, 2, K_TEXT },	/* Atom 0.3 */
	{ NS_ATOM10, "updated", F_DATE, 3, K_TEXT },
	{ NS_ATOM10, "created", F_DATE, 4, K_TEXT },	/* Atom 0.3 */
	{ NS_ATOM10, "issued", F_DATE, 5, K_TEXT },	/* Atom 0.3 */
	{ NS_ATOM10, "published", F_DATE, 6, K_TEXT },
	{ NS_MEDIA, "content", F_ENCLOSURE, 2, K_MEDIA },
	{ NS_MEDIA, "thumbnail", F_ENCLOSURE, 1, K_MEDIA },
	{ NS_ATOM10, "category", F_CATEGORIES, 1, K_ATOM_CATEGORY },
};

static const struct {
	const char	*uri;
	const char	*prefix;	/* when a feed forgets to declare it */
	enum feed_ns	 ns;
} feed_namespaces[] = {
	{ "http://purl.org/rss/1.0/", NULL, NS_RSS10 },
	{ "http://my.netscape.com/rdf/simple/0.9/", NULL, NS_RSS09 },
	{ "http://www.w3.org/2005/Atom", "atom", NS_ATOM10 },
	{ "http://purl.org/atom/ns#", NULL, NS_ATOM03 },
	{ "http://purl.org/rss/1.0/modules/content/", "content", NS_CONTENT },
	{ "http://purl.org/dc/elements/1.1/", "dc", NS_DC },
	{ "http://search.yahoo.com/mrss/", "media", NS_MEDIA },
	{ "http://search.yahoo.com/mrss", NULL, NS_MEDIA },
	{ "http://www.w3.org/1999/xhtml", NULL, NS_XHTML },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf", NS_RDF },
};

struct feed_value {
	struct buf	 b;
	int		 prio;		/* 0: not set */
	int		 full;		/* truncated: take no more */
};

/* An xml:base in force from element depth on. */
struct feed_base {
	int		 depth;
	char		*uri;
};

/* An HTML entity handed to libxml2 as if it were predefined. */
struct feed_entity {
	xmlEntity	 ent;
	xmlChar		 name[32];
	xmlChar		 content[8];
};

struct feed_parser {
	char			*base_url;
	feed_item_cb		 cb;
	void			*arg;
	enum feed_mode		 mode;
	enum feed_format	 format;
	char			*cause;		/* first fatal error */
	int			 stopped;	/* callback said stop */
	int			 root_closed;	/* garbage after is ignored */
	unsigned char		 pending[3];	/* a UTF-8 BOM being sniffed */
	/* Invalid UTF-8 in a UTF-8 document becomes U+FFFD before libxml2
	 * sees it: -1 while the XML declaration is read, then 0 or 1. */
	int			 repair;
	struct buf		 head;		/* bytes held until then */
	unsigned char		 carry[4];	/* a sequence cut by a chunk */
	size_t			 ncarry;
	size_t			 npending;

	xmlParserCtxtPtr	 xml;
	int			 depth;
	int			 chan_depth;	/* <channel> or <feed> */
	int			 item_depth;	/* 0 outside an item */
	int			 author_depth;	/* inside Atom <author> */

	/* The field being captured. */
	int			 cap_field;	/* -1 when none */
	int			 cap_depth;
	int			 cap_prio;
	enum feed_kind		 cap_kind;
	enum feed_text		 cap_text;
	int			 cap_html_title;
	int			 skip_div;	/* drop the xhtml wrapper div */
	int			 guid_link;	/* guid is a permalink */
	int			 content_html;
	int			 dtd_entities;	/* the DTD declares some */

	struct feed_value	 fields[F_LAST];
	struct feed_base	 bases[FEED_MAX_DEPTH + 1];
	int			 nbases;
	struct buf		 tmp;
	struct buf		 guid;		/* permalink guid, resolved */
	/* The type and length of the enclosure in fields[F_ENCLOSURE]. */
	char			 encl_type[FEED_TYPE_MAX + 1];
	int64_t			 encl_length;

	struct feed_entity	*entities;
	int			 nentities;

	struct {
		const xmlChar	*uri;
		enum feed_ns	 ns;
	}			 ns_cache[FEED_NS_CACHE];
	int			 nns_cache;

	struct json_tokener	*tok;
	struct json_object	*json;
	size_t			 json_len;
	size_t			 json_line, json_col;
};

static int
feed_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *
feed_base(struct feed_parser *p)
{
	return p->nbases > 0 ? p->bases[p->nbases - 1].uri : p->base_url;
}

/* Resolve uri against the base in force. Returns a fresh string. */
static char *
feed_resolve(struct feed_parser *p, const char *uri)
{
	const char	*base = feed_base(p);
	xmlChar		*r;
	char		*s;

	if (base == NULL || *uri == '\0')
		return xstrdup(uri);
	r = xmlBuildURI((const xmlChar *)uri, (const xmlChar *)base);
	if (r == NULL)
		return xstrdup(uri);
	s = xstrdup((const char *)r);
	xmlFree(r);
	return s;
}

static size_t
feed_field_max(int f)
{
	return f == F_CONTENT ? FEED_CONTENT_MAX : FEED_FIELD_MAX;
}

/* Append to a field, truncating at its cap on a character boundary. */
static void
feed_value_add(struct feed_parser *p, int f, const char *s, size_t len)
{
	struct feed_value	*v = &p->fields[f];
	size_t			 max = feed_field_max(f);

	if (v->full)
		return;
	if (v->b.len + len > max) {
		len = max - v->b.len;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
		v->full = 1;
	}
	buf_add(&p->fields[f].b, s, len);
}

static void
feed_value_set(struct feed_parser *p, int f, const char *s, int prio)
{
	buf_reset(&p->fields[f].b);
	p->fields[f].full = 0;
	p->fields[f].prio = prio;
	feed_value_add(p, f, s, strlen(s));
}

/* Add one '|' separated value, trimmed. */
static void
feed_value_add_multi(struct feed_parser *p, int f, const char *s,
    size_t len)
{
	while (len > 0 && feed_is_space(*s)) {
		s++;
		len--;
	}
	while (len > 0 && feed_is_space(s[len - 1]))
		len--;
	if (len == 0)
		return;
	if (p->fields[f].prio != 0)
		feed_value_add(p, f, "|", 1);
	p->fields[f].prio = 1;
	feed_value_add(p, f, s, len);
}

/* Append with XML escaping, for serialized XHTML. */
static void
feed_value_add_escaped(struct feed_parser *p, int f, const char *s,
    size_t len, int attr)
{
	size_t		i, start = 0;
	const char	*rep;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = attr ? "&quot;" : NULL; break;
		default: rep = NULL; break;
		}
		if (rep == NULL)
			continue;
		feed_value_add(p, f, s + start, i - start);
		feed_value_add(p, f, rep, strlen(rep));
		start = i + 1;
	}
	feed_value_add(p, f, s + start, len - start);
}

static void
feed_fail(struct feed_parser *p, const char *fmt, const char *arg)
{
	int	line = 0, col = 0;
	char	*msg;

	if (p->cause != NULL)
		return;
	if (p->xml != NULL) {
		line = xmlSAX2GetLineNumber(p->xml);
		col = xmlSAX2GetColumnNumber(p->xml);
	}
	msg = xasprintf(fmt, arg);
	p->cause = xasprintf("line %d, column %d: %s", line, col, msg);
	free(msg);
	if (p->xml != NULL)
		xmlStopParser(p->xml);
}

static enum feed_ns
feed_ns_lookup(const xmlChar *uri, const xmlChar *prefix)
{
	size_t	i;

	for (i = 0; i < sizeof feed_namespaces / sizeof feed_namespaces[0];
	    i++) {
		if (uri != NULL &&
		    strcmp((const char *)uri, feed_namespaces[i].uri) == 0)
			return feed_namespaces[i].ns;
		if (uri == NULL && feed_namespaces[i].prefix != NULL &&
		    strcmp((const char *)prefix,
		    feed_namespaces[i].prefix) == 0)
			return feed_namespaces[i].ns;
	}
	return NS_OTHER;
}

/* Namespace URIs come from the parser's dictionary, so a pointer seen
 * once stands for the same URI until the parser is freed. */
static enum feed_ns
feed_ns(struct feed_parser *p, const xmlChar *uri, const xmlChar *prefix)
{
	int	i;

	if (uri == NULL && prefix == NULL)
		return NS_NONE;
	if (uri == NULL)
		return feed_ns_lookup(uri, prefix);
	for (i = 0; i < p->nns_cache; i++)
		if (p->ns_cache[i].uri == uri)
			return p->ns_cache[i].ns;
	i = p->nns_cache < FEED_NS_CACHE ? p->nns_cache++ :
	    FEED_NS_CACHE - 1;
	p->ns_cache[i].uri = uri;
	p->ns_cache[i].ns = feed_ns_lookup(uri, prefix);
	return p->ns_cache[i].ns;
}

/* Does an element of namespace ns match a table entry's namespace? */
static int
feed_ns_match(enum feed_ns want, enum feed_ns ns)
{
	if (want == NS_RSS10)
		return ns == NS_NONE || ns == NS_RSS10 || ns == NS_RSS09;
	if (want == NS_ATOM10)
		return ns == NS_ATOM10 || ns == NS_ATOM03;
	return want == ns;
}

static const struct feed_tag *
feed_lookup(struct feed_parser *p, enum feed_ns ns, const char *name)
{
	const struct feed_tag	*t;
	size_t			 i, n;

	if (p->format == FMT_ATOM) {
		t = feed_atom_tags;
		n = sizeof feed_atom_tags / sizeof feed_atom_tags[0];
	} else {
		t = feed_rss_tags;
		n = sizeof feed_rss_tags / sizeof feed_rss_tags[0];
	}
	for (i = 0; i < n; i++)
		if (feed_ns_match(t[i].ns, ns) && strcmp(t[i].name, name) == 0)
			return &t[i];
	return NULL;
}

/* The value of attribute name (no namespace, or xml: when xml is set),
 * decoded into p->tmp; NULL when absent. */
static const char *
feed_attr(struct feed_parser *p, int nattrs, const xmlChar **attrs,
    const char *name, int xml)
{
	const char	*v, *end, *amp;
	int		 i;

	for (i = 0; i < nattrs; i++, attrs += 5) {
		if (strcmp((const char *)attrs[0], name) != 0)
			continue;
		if (xml != (attrs[1] != NULL &&
		    strcmp((const char *)attrs[1], "xml") == 0))
			continue;
		buf_reset(&p->tmp);
		v = (const char *)attrs[3];
		end = (const char *)attrs[4];
		/* Without entity substitution libxml2 hands on '&' as
		 * "&#38;" for a later pass that we do here. */
		while ((amp = memchr(v, '&', (size_t)(end - v))) != NULL) {
			buf_add(&p->tmp, v, (size_t)(amp - v));
			buf_putc(&p->tmp, '&');
			v = amp + 1;
			if (end - v >= 4 && memcmp(v, "#38;", 4) == 0)
				v += 4;
		}
		buf_add(&p->tmp, v, (size_t)(end - v));
		buf_grow(&p->tmp, 0);
		p->tmp.data[p->tmp.len] = '\0';
		return p->tmp.data;
	}
	return NULL;
}

static int
feed_is_html_type(const char *type, int *xhtml)
{
	*xhtml = 0;
	if (type == NULL)
		return 0;
	if (strcmp(type, "xhtml") == 0 ||
	    strcmp(type, "application/xhtml+xml") == 0) {
		*xhtml = 1;
		return 1;
	}
	return strcmp(type, "html") == 0 || strcmp(type, "text/html") == 0;
}

static void
feed_begin_capture(struct feed_parser *p, const struct feed_tag *t,
    int field, int prio, enum feed_text text)
{
	p->cap_field = field;
	p->cap_depth = p->depth;
	p->cap_prio = prio;
	p->cap_kind = t->kind;
	p->cap_text = text;
	if (t->kind != K_CATEGORY) {
		buf_reset(&p->fields[field].b);
		p->fields[field].full = 0;
		p->fields[field].prio = prio;
	} else {
		buf_reset(&p->tmp);
	}
}

/* A body element: choose html or text from type (and Atom 0.3 mode). */
static void
feed_begin_content(struct feed_parser *p, const struct feed_tag *t,
    enum feed_ns ns, int nattrs, const xmlChar **attrs)
{
	const char	*type, *mode;
	int		 html, xhtml;
	enum feed_text	 text;

	type = feed_attr(p, nattrs, attrs, "type", 0);
	html = feed_is_html_type(type, &xhtml);
	if (type == NULL && (ns == NS_RSS10 || ns == NS_NONE ||
	    ns == NS_RSS09 || ns == NS_CONTENT))
		html = 1;	/* RSS description, content:encoded */
	mode = feed_attr(p, nattrs, attrs, "mode", 0);
	if (mode != NULL && strcmp(mode, "xml") == 0)
		xhtml = 1;
	if (xhtml)
		text = T_XHTML;
	else
		text = html ? T_HTML : T_PLAIN;
	feed_begin_capture(p, t, F_CONTENT, t->prio, text);
	p->content_html = html || xhtml;
	p->skip_div = xhtml;
}

static void
feed_attr_value(struct feed_parser *p, int field, int prio,
    const char *value)
{
	char	*uri;

	if (value == NULL || prio <= p->fields[field].prio)
		return;
	uri = feed_resolve(p, value);
	feed_value_set(p, field, uri, prio);
	free(uri);
}

/*
 * A MIME type as the feed gives it, kept only when it is a plain
 * "type/subtype" of token characters (RFC 2045; parameters after ';' are
 * dropped), at most FEED_TYPE_MAX bytes, lowercased: anything else is
 * unknown (""), so no control character or escape reaches a screen.
 */
static void
feed_enclosure_type(char *out, const char *type)
{
	static const char	 tspecials[] = "()<>@,;:\\\"/[]?=";
	size_t			 n = 0, slash = 0;
	unsigned char		 c;

	out[0] = '\0';
	if (type == NULL)
		return;
	while (feed_is_space(*type))
		type++;
	for (; (c = (unsigned char)*type) != '\0' && c != ';' &&
	    !feed_is_space((char)c); type++) {
		if (n == FEED_TYPE_MAX)
			goto bad;
		if (c == '/' && slash == 0 && n > 0)
			slash = n + 1;
		else if (c <= ' ' || c >= 127 || strchr(tspecials, c) != NULL)
			goto bad;
		out[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	if (slash == 0 || slash == n)
		goto bad;
	out[n] = '\0';
	return;
bad:
	out[0] = '\0';
}

/*
 * An enclosure's length: decimal digits only (spaces around are fine), at
 * most 18 of them, so it fits an int64_t. Anything else ("", "-1",
 * "12MB", "0x10") is unknown: 0.
 */
static int64_t
feed_enclosure_length(const char *s)
{
	int64_t	 v = 0;
	int	 n = 0;

	if (s == NULL)
		return 0;
	while (feed_is_space(*s))
		s++;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++n > 18)
			return 0;
		v = v * 10 + (*s - '0');
	}
	while (feed_is_space(*s))
		s++;
	return *s == '\0' ? v : 0;
}

/* An enclosure (a JSON attachment): its URL, type and length go
 * together, so a later one of higher priority replaces all three. */
static void
feed_enclosure(struct feed_parser *p, int prio, const char *url,
    const char *type, const char *length)
{
	if (url == NULL || prio <= p->fields[F_ENCLOSURE].prio)
		return;
	feed_attr_value(p, F_ENCLOSURE, prio, url);
	feed_enclosure_type(p->encl_type, type);
	p->encl_length = feed_enclosure_length(length);
}

/* The same from an element's attributes (RSS enclosure, Atom link
 * rel=enclosure, media:content); feed_attr() reuses one buffer, so each
 * value is taken before the next is read. */
static void
feed_enclosure_attrs(struct feed_parser *p, int prio, int nattrs,
    const xmlChar **attrs, const char *url_name, const char *length_name)
{
	const char	*url;

	if (prio <= p->fields[F_ENCLOSURE].prio ||
	    feed_attr(p, nattrs, attrs, url_name, 0) == NULL)
		return;
	feed_enclosure_type(p->encl_type, feed_attr(p, nattrs, attrs, "type",
	    0));
	p->encl_length = feed_enclosure_length(feed_attr(p, nattrs, attrs,
	    length_name, 0));
	if ((url = feed_attr(p, nattrs, attrs, url_name, 0)) != NULL)
		feed_attr_value(p, F_ENCLOSURE, prio, url);
}

/* An element directly inside an item (or anywhere for media:*). */
static void
feed_item_element(struct feed_parser *p, const xmlChar *name,
    enum feed_ns ns, int nattrs, const xmlChar **attrs)
{
	const struct feed_tag	*t;
	const char		*v, *type;
	int			 xhtml;

	if (p->author_depth != 0 && p->depth == p->author_depth + 1) {
		if (feed_ns_match(NS_ATOM10, ns) &&
		    strcmp((const char *)name, "name") == 0)
			feed_begin_capture(p, &feed_atom_tags[7], F_AUTHOR,
			    2, T_PLAIN);
		return;
	}
	if ((t = feed_lookup(p, ns, (const char *)name)) == NULL)
		return;
	if (p->depth != p->item_depth + 1 && ns != NS_MEDIA)
		return;
	switch (t->kind) {
	case K_ATOM_LINK:
		v = feed_attr(p, nattrs, attrs, "rel", 0);
		if (v == NULL || strcmp(v, "alternate") == 0)
			feed_attr_value(p, F_LINK, 1, feed_attr(p, nattrs,
			    attrs, "href", 0));
		else if (strcmp(v, "enclosure") == 0)
			feed_enclosure_attrs(p, 3, nattrs, attrs, "href",
			    "length");
		return;
	case K_ENCLOSURE:
		feed_enclosure_attrs(p, t->prio, nattrs, attrs, "url",
		    "length");
		return;
	case K_MEDIA:
		feed_enclosure_attrs(p, t->prio, nattrs, attrs, "url",
		    "fileSize");
		return;
	case K_ATOM_CATEGORY:
		if ((v = feed_attr(p, nattrs, attrs, "term", 0)) == NULL)
			v = feed_attr(p, nattrs, attrs, "label", 0);
		if (v != NULL)
			feed_value_add_multi(p, F_CATEGORIES, v, strlen(v));
		return;
	case K_ATOM_AUTHOR:
		if (p->fields[F_AUTHOR].prio < t->prio)
			p->author_depth = p->depth;
		return;
	default:
		break;
	}
	if (t->kind != K_CATEGORY && t->prio <= p->fields[t->field].prio)
		return;
	if (t->kind == K_CONTENT) {
		feed_begin_content(p, t, ns, nattrs, attrs);
		return;
	}
	feed_begin_capture(p, t, t->field, t->prio, T_PLAIN);
	if (t->kind == K_GUID) {
		v = feed_attr(p, nattrs, attrs, "isPermaLink", 0);
		p->guid_link = v == NULL || strcmp(v, "false") != 0;
	} else if (t->kind == K_TITLE) {
		type = feed_attr(p, nattrs, attrs, "type", 0);
		p->cap_html_title = feed_is_html_type(type, &xhtml) && !xhtml;
	}
}

/* Elements of the channel or feed itself: its title and link. */
static void
feed_channel_element(struct feed_parser *p, const xmlChar *name,
    enum feed_ns ns, int nattrs, const xmlChar **attrs)
{
	static const struct feed_tag	 title = { NS_NONE, "title",
					    F_FEED_TITLE, 1, K_TEXT };
	static const struct feed_tag	 link = { NS_NONE, "link",
					    F_FEED_LINK, 1, K_URI };
	const char			*rel;
	int				 atom = p->format == FMT_ATOM;

	if (!feed_ns_match(atom ? NS_ATOM10 : NS_RSS10, ns))
		return;
	if (strcmp((const char *)name, "title") == 0 &&
	    p->fields[F_FEED_TITLE].prio == 0) {
		feed_begin_capture(p, &title, F_FEED_TITLE, 1, T_PLAIN);
		p->cap_html_title = 0;
	} else if (strcmp((const char *)name, "link") == 0 && !atom &&
	    p->fields[F_FEED_LINK].prio == 0) {
		feed_begin_capture(p, &link, F_FEED_LINK, 1, T_PLAIN);
	} else if (strcmp((const char *)name, "link") == 0 && atom) {
		rel = feed_attr(p, nattrs, attrs, "rel", 0);
		if (rel == NULL || strcmp(rel, "alternate") == 0)
			feed_attr_value(p, F_FEED_LINK, 1, feed_attr(p,
			    nattrs, attrs, "href", 0));
	}
}

static void
feed_root_element(struct feed_parser *p, const char *name, enum feed_ns ns)
{
	if (strcmp(name, "rss") == 0 && ns == NS_NONE)
		p->format = FMT_RSS;
	else if (strcmp(name, "RDF") == 0 && ns == NS_RDF)
		p->format = FMT_RDF;
	else if (strcmp(name, "feed") == 0 &&
	    (ns == NS_ATOM10 || ns == NS_ATOM03)) {
		p->format = FMT_ATOM;
		p->chan_depth = 1;
	} else
		feed_fail(p, "not an RSS or Atom feed (root element <%s>)",
		    name);
}

/* Serialize a start tag inside HTML content. */
static void
feed_serialize_start(struct feed_parser *p, const xmlChar *prefix,
    const xmlChar *name, int nattrs, const xmlChar **attrs)
{
	int	 i, f = p->cap_field;
	char	*uri;

	feed_value_add(p, f, "<", 1);
	if (prefix != NULL && p->cap_text != T_XHTML) {
		feed_value_add(p, f, (const char *)prefix,
		    strlen((const char *)prefix));
		feed_value_add(p, f, ":", 1);
	}
	feed_value_add(p, f, (const char *)name, strlen((const char *)name));
	for (i = 0; i < nattrs; i++) {
		feed_value_add(p, f, " ", 1);
		if (attrs[i * 5 + 1] != NULL) {
			feed_value_add(p, f, (const char *)attrs[i * 5 + 1],
			    strlen((const char *)attrs[i * 5 + 1]));
			feed_value_add(p, f, ":", 1);
		}
		feed_value_add(p, f, (const char *)attrs[i * 5],
		    strlen((const char *)attrs[i * 5]));
		feed_value_add(p, f, "=\"", 2);
		feed_attr(p, 1, attrs + i * 5, (const char *)attrs[i * 5],
		    attrs[i * 5 + 1] != NULL &&
		    strcmp((const char *)attrs[i * 5 + 1], "xml") == 0);
		if (p->cap_text == T_XHTML && attrs[i * 5 + 1] == NULL &&
		    (strcmp((const char *)attrs[i * 5], "href") == 0 ||
		    strcmp((const char *)attrs[i * 5], "src") == 0)) {
			uri = feed_resolve(p, p->tmp.data);
			feed_value_add_escaped(p, f, uri, strlen(uri), 1);
			free(uri);
		} else
			feed_value_add_escaped(p, f, p->tmp.data, p->tmp.len,
			    1);
		feed_value_add(p, f, "\"", 1);
	}
	feed_value_add(p, f, ">", 1);
}

static int
feed_is_void_element(const char *name)
{
	static const char	*names[] = { "area", "base", "br", "col",
				    "embed", "hr", "img", "input", "link",
				    "meta", "param", "source", "track", "wbr" };
	size_t			 i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

static void
feed_push_base(struct feed_parser *p, int nattrs, const xmlChar **attrs)
{
	const char	*v;

	if ((v = feed_attr(p, nattrs, attrs, "base", 1)) == NULL)
		return;
	p->bases[p->nbases].uri = feed_resolve(p, v);
	p->bases[p->nbases].depth = p->depth;
	p->nbases++;
}

static void
feed_sax_start(void *ctx, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **nss, int nattrs,
    int ndefaulted, const xmlChar **attrs)
{
	struct feed_parser	*p = ctx;
	enum feed_ns		 ns;

	if (++p->depth > FEED_MAX_DEPTH) {
		feed_fail(p, "elements nested deeper than %s", "255");
		return;
	}
	feed_push_base(p, nattrs, attrs);
	if (p->cap_field != -1) {
		if (p->skip_div && p->depth == p->cap_depth + 1 &&
		    strcmp((const char *)name, "div") == 0) {
			p->skip_div = -p->depth;	/* remember where */
			return;
		}
		p->skip_div = p->skip_div < 0 ? p->skip_div : 0;
		if (p->cap_text != T_PLAIN)
			feed_serialize_start(p, prefix, name, nattrs, attrs);
		return;
	}
	ns = feed_ns(p, uri, prefix);
	if (p->depth == 1) {
		feed_root_element(p, (const char *)name, ns);
		return;
	}
	if (p->item_depth != 0) {
		feed_item_element(p, name, ns, nattrs, attrs);
		return;
	}
	if ((strcmp((const char *)name, "item") == 0 &&
	    feed_ns_match(NS_RSS10, ns) && p->format != FMT_ATOM) ||
	    (strcmp((const char *)name, "entry") == 0 &&
	    feed_ns_match(NS_ATOM10, ns) && p->format == FMT_ATOM)) {
		p->item_depth = p->depth;
		return;
	}
	if (p->chan_depth == 0 && strcmp((const char *)name, "channel") == 0
	    && feed_ns_match(NS_RSS10, ns))
		p->chan_depth = p->depth;
	else if (p->chan_depth != 0 && p->depth == p->chan_depth + 1)
		feed_channel_element(p, name, ns, nattrs, attrs);
}

static void
feed_trim(struct buf *b)
{
	size_t	start = 0;

	if (b->len == 0)
		return;
	while (start < b->len && feed_is_space(b->data[start]))
		start++;
	while (b->len > start && feed_is_space(b->data[b->len - 1]))
		b->len--;
	if (start > 0) {
		memmove(b->data, b->data + start, b->len - start);
		b->len -= start;
	}
	b->data[b->len] = '\0';
}

/* Reduce an HTML title to text: drop tags, decode entities. */
static void
feed_html_to_text(struct buf *b)
{
	struct buf		 out = { 0 };
	const htmlEntityDesc	*e;
	const char		*s = b->data, *end, *q;
	char			 name[32], enc[4];
	unsigned long		 cp;
	size_t			 n;

	if (b->len == 0)
		return;		/* b->data may be NULL: no pointer arithmetic */
	end = b->data + b->len;
	while (s < end) {
		if (*s == '<' && (q = memchr(s, '>', (size_t)(end - s)))) {
			s = q + 1;
			continue;
		}
		if (*s == '&' && (q = memchr(s, ';', (size_t)(end - s))) &&
		    (n = (size_t)(q - s - 1)) > 0 && n < sizeof name) {
			memcpy(name, s + 1, n);
			name[n] = '\0';
			cp = 0;
			if (name[0] == '#')
				cp = strtoul(name + 1 + (name[1] == 'x' ||
				    name[1] == 'X'), NULL, name[1] == 'x' ||
				    name[1] == 'X' ? 16 : 10);
			else if ((e = htmlEntityLookup((xmlChar *)name)))
				cp = e->value;
			if (cp != 0 && cp <= 0x10FFFF) {
				buf_add(&out, enc, utf8_encode((uint32_t)cp,
				    enc));
				s = q + 1;
				continue;
			}
		}
		buf_putc(&out, *s++);
	}
	buf_reset(b);
	if (out.len > 0)
		buf_add(b, out.data, out.len);
	buf_free(&out);
}

static void
feed_end_capture(struct feed_parser *p)
{
	struct feed_value	*v = &p->fields[p->cap_field];
	char			*uri;

	switch (p->cap_kind) {
	case K_URI:
	case K_GUID:
		feed_trim(&v->b);
		if (p->cap_kind == K_GUID && !p->guid_link)
			break;
		if (p->cap_kind == K_GUID && v->b.len > 0)
			p->guid_link = 2;	/* resolved link in guid */
		uri = feed_resolve(p, v->b.len > 0 ? v->b.data : "");
		if (p->cap_kind == K_URI)
			feed_value_set(p, p->cap_field, uri, v->prio);
		else {
			buf_reset(&p->guid);
			buf_puts(&p->guid, uri);
		}
		free(uri);
		break;
	case K_TITLE:
		if (p->cap_html_title)
			feed_html_to_text(&v->b);
		break;
	case K_CATEGORY:
		feed_value_add_multi(p, F_CATEGORIES, p->tmp.data,
		    p->tmp.len);
		break;
	default:
		break;
	}
	p->cap_field = -1;
	p->skip_div = 0;
}

static const char *
feed_value_str(struct feed_parser *p, int f)
{
	struct feed_value	*v = &p->fields[f];

	if (v->prio == 0)
		return NULL;
	feed_trim(&v->b);
	return v->b.len > 0 ? v->b.data : "";
}

static void
feed_emit(struct feed_parser *p)
{
	struct feed_item	 item;
	int			 i;

	memset(&item, 0, sizeof item);
	if (p->fields[F_LINK].prio == 0 && p->guid_link == 2)
		feed_value_set(p, F_LINK, p->guid.data, 1);
	item.id = feed_value_str(p, F_ID);
	item.title = feed_value_str(p, F_TITLE);
	item.link = feed_value_str(p, F_LINK);
	item.author = feed_value_str(p, F_AUTHOR);
	item.content = feed_value_str(p, F_CONTENT);
	item.content_html = item.content != NULL && p->content_html;
	item.enclosure = feed_value_str(p, F_ENCLOSURE);
	if (item.enclosure != NULL && p->encl_type[0] != '\0')
		item.enclosure_type = p->encl_type;
	if (item.enclosure != NULL)
		item.enclosure_length = p->encl_length;
	item.categories = feed_value_str(p, F_CATEGORIES);
	if (p->fields[F_DATE].prio != 0)
		item.date = date_parse(p->fields[F_DATE].b.data);
	if (!p->stopped && p->cb(&item, p->arg) != 0) {
		p->stopped = 1;
		if (p->xml != NULL)
			xmlStopParser(p->xml);
	}
	for (i = 0; i <= F_ITEM_LAST; i++) {
		buf_reset(&p->fields[i].b);
		p->fields[i].prio = 0;
		p->fields[i].full = 0;
	}
	p->content_html = 0;
	p->guid_link = 0;
	p->encl_type[0] = '\0';
	p->encl_length = 0;
}

static void
feed_sax_end(void *ctx, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct feed_parser	*p = ctx;
	int			 f = p->cap_field;

	if (p->cap_field != -1 && p->depth == p->cap_depth)
		feed_end_capture(p);
	else if (p->cap_field != -1) {
		if (p->skip_div == -p->depth)
			p->skip_div = 0;
		else if (p->cap_text != T_PLAIN &&
		    !feed_is_void_element((const char *)name)) {
			feed_value_add(p, f, "</", 2);
			if (prefix != NULL && p->cap_text != T_XHTML) {
				feed_value_add(p, f, (const char *)prefix,
				    strlen((const char *)prefix));
				feed_value_add(p, f, ":", 1);
			}
			feed_value_add(p, f, (const char *)name,
			    strlen((const char *)name));
			feed_value_add(p, f, ">", 1);
		}
	} else if (p->author_depth == p->depth)
		p->author_depth = 0;
	else if (p->item_depth == p->depth) {
		feed_emit(p);
		p->item_depth = 0;
	} else if (p->chan_depth == p->depth)
		p->chan_depth = 0;
	if (p->nbases > 0 && p->bases[p->nbases - 1].depth == p->depth)
		free(p->bases[--p->nbases].uri);
	if (--p->depth == 0)
		p->root_closed = 1;
}

static void
feed_sax_text(void *ctx, const xmlChar *s, int len)
{
	struct feed_parser	*p = ctx;

	if (p->cap_field == -1)
		return;
	if (p->cap_kind == K_CATEGORY) {
		if (p->tmp.len < FEED_FIELD_MAX)
			buf_add(&p->tmp, s, (size_t)len);
	} else if (p->cap_text == T_XHTML)
		feed_value_add_escaped(p, p->cap_field, (const char *)s,
		    (size_t)len, 0);
	else
		feed_value_add(p, p->cap_field, (const char *)s, (size_t)len);
}

/* Undeclared entities: HTML's named ones, inlined like &amp; is. */
static xmlEntityPtr
feed_sax_entity(void *ctx, const xmlChar *name)
{
	struct feed_parser	*p = ctx;
	struct feed_entity	*e;
	const htmlEntityDesc	*d;
	int			 i;

	for (i = 0; i < p->nentities; i++)
		if (strcmp((char *)p->entities[i].name, (char *)name) == 0)
			return &p->entities[i].ent;
	if ((d = htmlEntityLookup(name)) == NULL ||
	    p->nentities == FEED_HTML_ENTITIES ||
	    strlen((const char *)name) >= sizeof e->name)
		return NULL;
	if (p->entities == NULL)
		p->entities = xcalloc(FEED_HTML_ENTITIES, sizeof *e);
	e = &p->entities[p->nentities++];
	strcpy((char *)e->name, (const char *)name);
	e->ent.type = XML_ENTITY_DECL;
	e->ent.name = e->name;
	e->ent.etype = XML_INTERNAL_PREDEFINED_ENTITY;
	e->ent.length = (int)utf8_encode(d->value, (char *)e->content);
	e->ent.content = e->content;
	e->ent.orig = e->content;
	return &e->ent;
}

/* Entities declared in the DTD are not kept, so they stay undefined. */
static void
feed_sax_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *public_id, const xmlChar *system_id, xmlChar *content)
{
	struct feed_parser	*p = ctx;

	p->dtd_entities = 1;
}

static void
feed_sax_error(void *ctx, xmlErrorPtr error)
{
	/* Errors are read from the context; layer 2 never prints. */
}

static int
feed_xml_start(struct feed_parser *p, const char *data, size_t len)
{
	xmlSAXHandler	sax;

	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = feed_sax_start;
	sax.endElementNs = feed_sax_end;
	sax.characters = feed_sax_text;
	sax.cdataBlock = feed_sax_text;
	sax.getEntity = feed_sax_entity;
	sax.entityDecl = feed_sax_entity_decl;
	sax.serror = feed_sax_error;
	p->xml = xmlCreatePushParserCtxt(&sax, p, data, (int)len, NULL);
	if (p->xml == NULL)
		return -1;
	/* Never XML_PARSE_NOENT, DTDLOAD or HUGE: see the top. */
	xmlCtxtUseOptions(p->xml, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	p->mode = MODE_XML;
	return 0;
}

struct feed_parser *
feed_parser_create(const char *base_url, feed_item_cb cb, void *arg)
{
	struct feed_parser	*p;

	p = xcalloc(1, sizeof *p);
	p->repair = -1;
	p->base_url = base_url != NULL ? xstrdup(base_url) : NULL;
	p->cb = cb;
	p->arg = arg;
	p->cap_field = -1;
	return p;
}

/* After a chunk: a fatal libxml2 error becomes *cause. */
static int
feed_xml_check(struct feed_parser *p, char **cause)
{
	xmlErrorPtr	e;
	char		*msg;
	size_t		 n;

	if (p->cause == NULL && !p->stopped && !p->root_closed &&
	    p->xml->disableSAX && (e = xmlCtxtGetLastError(p->xml)) != NULL
	    && e->level >= XML_ERR_ERROR) {
		msg = xstrdup(e->message != NULL ? e->message : "error");
		n = strlen(msg);
		while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
			msg[--n] = '\0';
		for (n = 0; msg[n] != '\0'; n++)	/* one line */
			if (msg[n] == '\n')
				msg[n] = ' ';
		p->cause = xasprintf("line %d, column %d: %s%s", e->line,
		    e->int2, msg, e->code == XML_ERR_UNDECLARED_ENTITY &&
		    p->dtd_entities ? " (entities declared in a DTD are "
		    "not expanded)" : "");
		free(msg);
	}
	if (p->cause != NULL) {
		*cause = xstrdup(p->cause);
		return -1;
	}
	if (p->stopped || p->root_closed)
		p->mode = MODE_DONE;
	return 0;
}

/* Count lines and columns of JSON input for error messages. */
static void
feed_json_position(struct feed_parser *p, const char *data, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (data[i] == '\n') {
			p->json_line++;
			p->json_col = 1;
		} else if (((unsigned char)data[i] & 0xC0) != 0x80)
			p->json_col++;
	}
}

static int
feed_json_push(struct feed_parser *p, const char *data, size_t len,
    char **cause)
{
	enum json_tokener_error	err;
	size_t			end;

	if (p->json != NULL)
		return 0;	/* trailing bytes after the document */
	if (p->tok == NULL) {
		p->tok = json_tokener_new_ex(FEED_JSON_DEPTH);
		p->json_line = p->json_col = 1;
	}
	if (len > FEED_JSON_MAX - p->json_len) {
		*cause = xasprintf("line %zu, column %zu: JSON feed larger "
		    "than %d bytes", p->json_line, p->json_col, FEED_JSON_MAX);
		return -1;
	}
	p->json_len += len;
	p->json = json_tokener_parse_ex(p->tok, data, (int)len);
	err = json_tokener_get_error(p->tok);
	if (p->json == NULL && err != json_tokener_continue) {
		end = json_tokener_get_parse_end(p->tok);
		feed_json_position(p, data, end < len ? end : len);
		*cause = xasprintf("line %zu, column %zu: %s", p->json_line,
		    p->json_col, json_tokener_error_desc(err));
		return -1;
	}
	if (p->json == NULL)
		feed_json_position(p, data, len);
	return 0;
}

/* Give libxml2 len bytes, in pieces it can take. */
static int
feed_xml_feed(struct feed_parser *p, const char *data, size_t len,
    char **cause)
{
	while (len > 0 && p->mode == MODE_XML) {
		/* libxml2 takes an int; feed large buffers in pieces. */
		size_t	n = len > (1 << 30) ? (1 << 30) : len;

		xmlParseChunk(p->xml, data, (int)n, 0);
		if (feed_xml_check(p, cause) == -1)
			return -1;
		data += n;
		len -= n;
	}
	return 0;
}

/* Is the document in head UTF-8: no UTF-16/32 byte pattern, and an XML
 * declaration without an encoding or with utf-8? */
static int
feed_xml_is_utf8(const char *s, size_t n)
{
	const char	*end, *e;
	size_t		 k;

	if (n >= 2 && (s[0] == '\0' || s[1] == '\0' ||
	    ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF) ||
	    ((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE)))
		return 0;
	if (n < 5 || strncmp(s, "<?xml", 5) != 0)
		return 1;
	if ((end = memchr(s, '>', n)) == NULL)
		end = s + n;
	for (e = s; e + 8 <= end && strncmp(e, "encoding", 8) != 0; e++)
		;
	if (e + 8 > end)
		return 1;
	for (e += 8; e < end && strchr(" \t\r\n=\"'", *e) != NULL; e++)
		;
	k = (size_t)(end - e);
	return (k >= 6 && strncasecmp(e, "utf-8", 5) == 0 &&
	    (e[5] == '"' || e[5] == '\'')) ||
	    (k >= 5 && strncasecmp(e, "utf8", 4) == 0 &&
	    (e[4] == '"' || e[4] == '\''));
}

/* Bytes a sequence with this lead byte takes, 0 when it is no lead. */
static size_t
feed_utf8_need(unsigned char c)
{
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/*
 * Feed s[0..n) with invalid UTF-8 replaced by U+FFFD. A sequence cut by
 * the end of the chunk waits in p->carry for the next one, unless last.
 */
static int
feed_xml_repair(struct feed_parser *p, const char *s, size_t n, int last,
    char **cause)
{
	struct buf	 b = { 0 };
	const char	*in = s;
	size_t		 i = 0, k, need, r;
	uint32_t	 cp;
	int		 rc;

	if (p->ncarry > 0) {
		buf_add(&b, p->carry, p->ncarry);
		buf_add(&b, s, n);
		in = b.data;
		n = b.len;
		p->ncarry = 0;
	}
	/* The common case: all valid, fed without a copy. ASCII is
	 * checked eight bytes at a time and two-byte sequences (Arabic,
	 * Hebrew, Persian) inline. */
	for (i = 0; i < n; i += k) {
		unsigned char	c = (unsigned char)in[i];
		uint64_t	w;

		if (c < 0x80) {
			k = 1;
			if (i + 8 <= n) {
				memcpy(&w, in + i, 8);
				if ((w & 0x8080808080808080ULL) == 0)
					k = 8;
			}
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF && i + 1 < n &&
		    ((unsigned char)in[i + 1] & 0xC0) == 0x80) {
			k = 2;
			continue;
		}
		k = utf8_decode(in + i, n - i, &cp);
		if (cp == UTF8_REPLACEMENT)
			break;
	}
	if (i == n) {
		rc = feed_xml_feed(p, in, n, cause);
		buf_free(&b);
		return rc;
	}
	{
		struct buf	out = { 0 };

		buf_add(&out, in, i);
		while (i < n) {
			need = feed_utf8_need((unsigned char)in[i]);
			r = n - i;
			if (!last && need > r) {
				for (k = 1; k < r && ((unsigned char)in[i + k] &
				    0xC0) == 0x80; k++)
					;
				if (k == r) {	/* cut, not invalid */
					memcpy(p->carry, in + i, r);
					p->ncarry = r;
					break;
				}
			}
			k = utf8_decode(in + i, n - i, &cp);
			if (cp == UTF8_REPLACEMENT)
				buf_add(&out, "\xEF\xBF\xBD", 3);
			else
				buf_add(&out, in + i, k);
			i += k;
		}
		rc = feed_xml_feed(p, out.data, out.len, cause);
		buf_free(&out);
	}
	buf_free(&b);
	return rc;
}

/* XML input: hold the start until the encoding is known, then feed. */
static int
feed_xml_input(struct feed_parser *p, const char *data, size_t len,
    int last, char **cause)
{
	int	rc;

	if (p->repair == -1) {
		buf_add(&p->head, data, len);
		if (!last && p->head.len < 1024 &&
		    memchr(p->head.data, '>', p->head.len) == NULL)
			return 0;
		p->repair = feed_xml_is_utf8(p->head.data, p->head.len);
		rc = feed_xml_input(p, p->head.data, p->head.len, last, cause);
		buf_free(&p->head);
		return rc;
	}
	if (p->repair)
		return feed_xml_repair(p, data, len, last, cause);
	return feed_xml_feed(p, data, len, cause);
}

int
feed_parser_push(struct feed_parser *p, const char *data, size_t len,
    char **cause)
{
	unsigned char	c;

	while (p->mode == MODE_SNIFF && len > 0) {
		c = (unsigned char)*data;
		if (p->npending == 0 && strchr(" \t\r\n", c) != NULL && c) {
			data++;
			len--;
		} else if ((p->npending == 0 && c == 0xEF) ||
		    (p->npending == 1 && c == 0xBB)) {
			p->pending[p->npending++] = c;
			data++;
			len--;
		} else if (p->npending == 2 && c == 0xBF) {
			p->npending = 0;	/* UTF-8 BOM: drop it */
			data++;
			len--;
		} else if (p->npending == 0 && c == '{') {
			p->mode = MODE_JSON;
			p->format = FMT_JSON;
		} else if (feed_xml_start(p, (const char *)p->pending,
		    p->npending) == -1) {
			*cause = xstrdup("line 1, column 1: cannot create "
			    "the XML parser");
			return -1;
		}
	}
	if (p->mode == MODE_JSON)
		return feed_json_push(p, data, len, cause);
	if (p->mode != MODE_XML || len == 0)
		return 0;
	return feed_xml_input(p, data, len, 0, cause);
}

static const char *
feed_json_str(struct json_object *o, const char *key)
{
	struct json_object	*v;

	if (!json_object_object_get_ex(o, key, &v) || v == NULL)
		return NULL;
	if (!json_object_is_type(v, json_type_string) &&
	    !json_object_is_type(v, json_type_int) &&
	    !json_object_is_type(v, json_type_double))
		return NULL;
	return json_object_get_string(v);
}

/* Names of a JSON Feed authors array (1.1) or author object (1.0). */
static void
feed_json_authors(struct feed_parser *p, struct json_object *o)
{
	struct json_object	*a, *one;
	const char		*name;
	size_t			 i, n;

	if (json_object_object_get_ex(o, "authors", &a) &&
	    json_object_is_type(a, json_type_array)) {
		n = json_object_array_length(a);
		for (i = 0; i < n; i++) {
			one = json_object_array_get_idx(a, i);
			if ((name = feed_json_str(one, "name")) == NULL)
				continue;
			if (p->fields[F_AUTHOR].prio != 0)
				feed_value_add(p, F_AUTHOR, ", ", 2);
			else
				p->fields[F_AUTHOR].prio = 1;
			feed_value_add(p, F_AUTHOR, name, strlen(name));
		}
	} else if (json_object_object_get_ex(o, "author", &a) &&
	    (name = feed_json_str(a, "name")) != NULL)
		feed_value_set(p, F_AUTHOR, name, 1);
}

static void
feed_json_item(struct feed_parser *p, struct json_object *o,
    struct json_object *feed)
{
	struct json_object	*a;
	const char		*v;
	size_t			 i, n;

	if (!json_object_is_type(o, json_type_object))
		return;
	if ((v = feed_json_str(o, "id")) != NULL)
		feed_value_set(p, F_ID, v, 1);
	if ((v = feed_json_str(o, "title")) != NULL)
		feed_value_set(p, F_TITLE, v, 1);
	if ((v = feed_json_str(o, "url")) != NULL ||
	    (v = feed_json_str(o, "external_url")) != NULL)
		feed_attr_value(p, F_LINK, 1, v);
	if ((v = feed_json_str(o, "content_html")) != NULL)
		p->content_html = 1;
	else if ((v = feed_json_str(o, "content_text")) == NULL)
		v = feed_json_str(o, "summary");
	if (v != NULL)
		feed_value_set(p, F_CONTENT, v, 1);
	if ((v = feed_json_str(o, "date_published")) != NULL ||
	    (v = feed_json_str(o, "date_modified")) != NULL)
		feed_value_set(p, F_DATE, v, 1);
	feed_json_authors(p, o);
	if (p->fields[F_AUTHOR].prio == 0)
		feed_json_authors(p, feed);
	if (json_object_object_get_ex(o, "attachments", &a) &&
	    json_object_is_type(a, json_type_array) &&
	    json_object_array_length(a) > 0) {
		a = json_object_array_get_idx(a, 0);
		feed_enclosure(p, 1, feed_json_str(a, "url"),
		    feed_json_str(a, "mime_type"),
		    feed_json_str(a, "size_in_bytes"));
	}
	if (json_object_object_get_ex(o, "tags", &a) &&
	    json_object_is_type(a, json_type_array)) {
		n = json_object_array_length(a);
		for (i = 0; i < n; i++)
			if ((v = json_object_get_string(
			    json_object_array_get_idx(a, i))) != NULL)
				feed_value_add_multi(p, F_CATEGORIES, v,
				    strlen(v));
	}
	feed_emit(p);
}

static int
feed_json_finish(struct feed_parser *p, char **cause)
{
	struct json_object	*items;
	const char		*v;
	size_t			 i, n;

	if (p->json == NULL) {
		*cause = xasprintf("line %zu, column %zu: unexpected end of "
		    "JSON", p->json_line, p->json_col);
		return -1;
	}
	v = feed_json_str(p->json, "version");
	if (!json_object_is_type(p->json, json_type_object) || v == NULL ||
	    strncmp(v, "https://jsonfeed.org/version/", 29) != 0 ||
	    !json_object_object_get_ex(p->json, "items", &items) ||
	    !json_object_is_type(items, json_type_array)) {
		*cause = xstrdup("line 1, column 1: not a JSON Feed "
		    "(no version or items)");
		return -1;
	}
	if ((v = feed_json_str(p->json, "title")) != NULL)
		feed_value_set(p, F_FEED_TITLE, v, 1);
	if ((v = feed_json_str(p->json, "home_page_url")) != NULL)
		feed_value_set(p, F_FEED_LINK, v, 1);
	n = json_object_array_length(items);
	for (i = 0; i < n && !p->stopped; i++)
		feed_json_item(p, json_object_array_get_idx(items, i),
		    p->json);
	return 0;
}

int
feed_parser_finish(struct feed_parser *p, struct feed_info *info,
    char **cause)
{
	static const char	*formats[] = { NULL, "rss", "rdf", "atom",
				    "json" };
	int			 r = 0;

	if (info != NULL)
		memset(info, 0, sizeof *info);
	if (p->mode == MODE_SNIFF && p->npending > 0 &&
	    feed_xml_start(p, (const char *)p->pending, p->npending) == -1)
		p->mode = MODE_SNIFF;
	if (p->mode == MODE_SNIFF) {
		*cause = xstrdup("line 1, column 1: document is empty");
		return -1;
	}
	if (p->mode == MODE_JSON)
		r = feed_json_finish(p, cause);
	else if (p->mode == MODE_XML) {
		/* The held start or a cut sequence at the very end. */
		if (p->repair == -1 || p->ncarry > 0)
			r = feed_xml_input(p, "", 0, 1, cause);
		if (r == 0 && p->mode == MODE_XML) {
			xmlParseChunk(p->xml, NULL, 0, 1);
			r = feed_xml_check(p, cause);
		}
	} else if (p->cause != NULL) {
		*cause = xstrdup(p->cause);
		r = -1;
	}
	p->mode = MODE_DONE;
	if (r == 0 && info != NULL) {
		if ((info->title = (char *)feed_value_str(p, F_FEED_TITLE)))
			info->title = xstrdup(info->title);
		if ((info->link = (char *)feed_value_str(p, F_FEED_LINK)))
			info->link = xstrdup(info->link);
		if (formats[p->format] != NULL)
			info->format = xstrdup(formats[p->format]);
	}
	return r;
}

void
feed_parser_free(struct feed_parser *p)
{
	int	i;

	if (p == NULL)
		return;
	if (p->xml != NULL) {
		/* libxml2 makes a document to hold a DTD it saw. */
		if (p->xml->myDoc != NULL)
			xmlFreeDoc(p->xml->myDoc);
		xmlFreeParserCtxt(p->xml);
	}
	if (p->tok != NULL)
		json_tokener_free(p->tok);
	if (p->json != NULL)
		json_object_put(p->json);
	for (i = 0; i < F_LAST; i++)
		buf_free(&p->fields[i].b);
	while (p->nbases > 0)
		free(p->bases[--p->nbases].uri);
	buf_free(&p->tmp);
	buf_free(&p->head);
	buf_free(&p->guid);
	free(p->entities);
	free(p->cause);
	free(p->base_url);
	free(p);
}

void
feed_info_clear(struct feed_info *info)
{
	free(info->title);
	free(info->link);
	free(info->format);
	memset(info, 0, sizeof *info);
}

int
feed_parse(const char *data, size_t len, const char *base_url,
    feed_item_cb cb, void *arg, struct feed_info *info, char **cause)
{
	struct feed_parser	*p;
	int			 r;

	p = feed_parser_create(base_url, cb, arg);
	r = feed_parser_push(p, data, len, cause);
	if (r == 0)
		r = feed_parser_finish(p, info, cause);
	else if (info != NULL)
		memset(info, 0, sizeof *info);
	feed_parser_free(p);
	return r;
}
