/*
 * extract_parse.c - the page into libxml2's HTML tree for extract.c.
 * Offsets are bytes of the page.
 *
 * libxml2 2.9 reads the content of <script> and <style> one character
 * at a time, and it is most of the bytes of a news page; the extractor
 * throws it away. A prescan finds those ranges, with as much of the
 * HTML tokenizer as it takes to agree with libxml2 on where they are
 * (comments, quoted attribute values, the end tag matched by its
 * prefix, case-insensitively, as libxml2's recovery does), and the
 * parser's read callback steps over them. Where the prescan is unsure
 * (an unterminated comment or quote, a self-closing script tag) it stops
 * skipping and libxml2 reads the rest as it is. Scripts of type
 * application/ld+json are kept: the metadata reads them.
 *
 * htmlReadMemory() copies the page into its input buffer and, told the
 * page is UTF-8, "converts" it into a second one; reading through a
 * callback keeps libxml2's buffer at a few KB, and HTML_PARSE_IGNORE_ENC
 * keeps a <meta charset> from switching encodings under text that is
 * UTF-8 already.
 *
 * An attribute costs the tree some 250 bytes (the attribute, a text node
 * and a copy of the value): those no part of the extractor or of the
 * article's HTML reader (html.c) reads are dropped on the way in.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/SAX2.h>

#include "util.h"
#include "extract_parse.h"

/* The most attributes of one element kept. */
#define PARSE_MAX_ATTRS	32

/* Attributes read by extract.c, extract_meta.c and html.c. */
static const char *kept_attrs[] = {
	"alt", "aria-hidden", "aria-modal", "charset", "class", "colspan",
	"content", "datatable", "datetime", "dir", "hidden", "href",
	"http-equiv", "id", "itemprop", "lang", "name", "property",
	"pubdate", "rel", "role", "rowspan", "src", "start", "style",
	"summary", "type", "xml:lang", NULL
};

struct skips {
	size_t	*v;		/* from, to pairs */
	size_t	 n, cap;	/* pairs */
};

/* The page as the parser reads it. */
struct reader {
	const char	*s;
	size_t		 n, pos;
	struct skips	 sk;
	size_t		 next;	/* the next skip */
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The first s[i..n) that starts with the ASCII string w in any case,
 * or n. w starts with something else than a letter. */
static size_t
find_case(const char *s, size_t n, size_t i, const char *w)
{
	size_t		 k = strlen(w);
	const char	*p;

	while (i + k <= n) {
		if ((p = memchr(s + i, w[0], n - i)) == NULL)
			return n;
		i = (size_t)(p - s);
		if (i + k <= n && strncasecmp(s + i, w, k) == 0)
			return i;
		i++;
	}
	return n;
}

/* Like find_case() for "</name", name in lower case. */
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

/* The '>' that ends the tag whose name ends before s[i], past quoted
 * attribute values; n when there is none. */
static size_t
tag_end(const char *s, size_t n, size_t i)
{
	const char	*q;

	while (i < n && s[i] != '>') {
		if (s[i++] != '=')
			continue;
		while (i < n && is_space(s[i]))
			i++;
		if (i < n && (s[i] == '"' || s[i] == '\'')) {
			if ((q = memchr(s + i + 1, s[i], n - i - 1)) == NULL)
				return n;
			i = (size_t)(q - s) + 1;
		}
	}
	return i;
}

static void
skips_add(struct skips *sk, size_t from, size_t to)
{
	if (from == to)
		return;
	if (sk->n == sk->cap) {
		sk->cap = sk->cap == 0 ? 32 : sk->cap * 2;
		sk->v = xreallocarray(sk->v, sk->cap, 2 * sizeof *sk->v);
	}
	sk->v[2 * sk->n] = from;
	sk->v[2 * sk->n + 1] = to;
	sk->n++;
}

/* Which raw text element the tag at s[i] ('<' and a letter) opens:
 * "script", "style" or NULL; *name_end gets the end of its name. */
static const char *
raw_tag(const char *s, size_t n, size_t i, size_t *name_end)
{
	static const char	*raw[] = { "script", "style" };
	size_t			 j, k;

	for (j = i + 1; j < n && !is_space(s[j]) && s[j] != '>' &&
	    s[j] != '/'; j++)
		;
	*name_end = j;
	for (k = 0; k < 2; k++)
		if (j - i - 1 == strlen(raw[k]) &&
		    strncasecmp(s + i + 1, raw[k], j - i - 1) == 0)
			return raw[k];
	return NULL;
}

/* Does the tag s[i..e) say ld+json (in any case)? */
static int
says_json_ld(const char *s, size_t i, size_t e)
{
	for (; (i = find_case(s, e, i, "+json")) < e; i++)
		if (i >= 2 && strncasecmp(s + i - 2, "ld", 2) == 0)
			return 1;
	return 0;
}

/* The ranges of script and style content in s[0..n). */
static void
prescan(const char *s, size_t n, struct skips *sk)
{
	const char	*p, *raw;
	size_t		 i = 0, e, close;

	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(p - s);
		if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
			if ((e = find_case(s, n, i + 4, "-->")) == n)
				return;		/* libxml2 may disagree */
			i = e + 3;
			continue;
		}
		if (i + 1 == n || !is_letter(s[i + 1])) {
			i++;
			continue;
		}
		raw = raw_tag(s, n, i, &e);
		if ((e = tag_end(s, n, e)) == n)
			return;
		if (raw == NULL) {
			i = e + 1;
			continue;
		}
		/* <script/>: empty to libxml2, or not, by its value. */
		if (s[e - 1] == '/')
			return;
		if (raw[1] == 'c' && says_json_ld(s, i, e)) {
			i = e + 1;	/* JSON-LD: read by extract_meta.c */
			continue;
		}
		close = find_end_tag(s, n, e + 1, raw);
		skips_add(sk, e + 1, close);
		i = close;
		if (close == n)
			return;
	}
}

size_t
extract_parse_skips(const char *s, size_t n, size_t **v)
{
	struct skips	sk = { NULL, 0, 0 };

	prescan(s, n, &sk);
	*v = sk.v;
	return sk.n;
}

/* libxml2's read callback: the page without the skipped ranges. */
static int
reader_read(void *ctx, char *buf, int len)
{
	struct reader	*r = ctx;
	size_t		 out = 0, want = len > 0 ? (size_t)len : 0, end, k;

	while (out < want && r->pos < r->n) {
		if (r->next < r->sk.n && r->pos >= r->sk.v[2 * r->next]) {
			r->pos = r->sk.v[2 * r->next + 1];
			r->next++;
			continue;
		}
		end = r->next < r->sk.n ? r->sk.v[2 * r->next] : r->n;
		k = end - r->pos < want - out ? end - r->pos : want - out;
		memcpy(buf + out, r->s + r->pos, k);
		out += k;
		r->pos += k;
	}
	return (int)out;
}

static int
attr_kept(const char *name)
{
	const char	**a;

	for (a = kept_attrs; *a != NULL; a++)
		if ((*a)[0] == name[0] && strcmp(*a, name) == 0)
			return 1;
	return 0;
}

/* xmlSAX2StartElement with the attributes nobody reads left out. */
static void
start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	const xmlChar	*keep[2 * PARSE_MAX_ATTRS + 2];
	size_t		 i, k = 0;

	if (atts == NULL) {
		xmlSAX2StartElement(ctx, name, NULL);
		return;
	}
	for (i = 0; atts[i] != NULL && k < 2 * PARSE_MAX_ATTRS; i += 2)
		if (attr_kept((const char *)atts[i])) {
			keep[k++] = atts[i];
			keep[k++] = atts[i + 1];
		}
	keep[k] = NULL;
	keep[k + 1] = NULL;
	xmlSAX2StartElement(ctx, name, keep);
}

htmlDocPtr
extract_parse(const char *s, size_t n, const char *base)
{
	htmlParserCtxtPtr	 ctxt;
	htmlDocPtr		 doc;
	struct reader		 r;

	memset(&r, 0, sizeof r);
	r.s = s;
	r.n = n;
	prescan(s, n, &r.sk);
	if ((ctxt = htmlNewParserCtxt()) == NULL) {
		free(r.sk.v);
		return NULL;
	}
	ctxt->sax->startElement = start_element;
	/* No HTML_PARSE_NOIMPLIED: the walk wants <html> and <body>. */
	doc = htmlCtxtReadIO(ctxt, reader_read, NULL, &r, base, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_RECOVER | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
	htmlFreeParserCtxt(ctxt);
	free(r.sk.v);
	return doc;
}
