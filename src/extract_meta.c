/*
 * extract_meta.c - the article's metadata from what the page declares:
 * JSON-LD objects of an article type (headline, author, datePublished,
 * image, publisher, description; the body never: it is often a teaser
 * or stale), <meta> tags (Open Graph, Dublin Core, Twitter, Parsely,
 * plain name=), and <time datetime>. The first source that says a thing
 * wins, in the order Readability.js uses. Lengths are in characters.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <json.h>
#include <libxml/uri.h>

#include "util.h"
#include "utf8.h"
#include "date.h"
#include "extract_dom.h"
#include "extract_meta.h"

/* Deepest JSON-LD nesting parsed, and the most bytes of one script. */
#define META_JSON_DEPTH		32
#define META_JSON_MAX		(1 << 20)
/* Longest metadata value kept, in bytes. */
#define META_MAX		2048

enum meta_field { M_TITLE, M_BYLINE, M_DATE, M_IMAGE, M_SITE, M_EXCERPT,
	M_COUNT };

/* <meta> names and properties, by field, the most trusted first. */
static const struct {
	const char	*key;
	enum meta_field	 field;
} meta_keys[] = {
	{ "dc:title", M_TITLE }, { "dcterm:title", M_TITLE },
	{ "og:title", M_TITLE }, { "weibo:article:title", M_TITLE },
	{ "weibo:webpage:title", M_TITLE }, { "title", M_TITLE },
	{ "twitter:title", M_TITLE }, { "parsely-title", M_TITLE },
	{ "dc:creator", M_BYLINE }, { "dcterm:creator", M_BYLINE },
	{ "author", M_BYLINE }, { "parsely-author", M_BYLINE },
	{ "article:author", M_BYLINE },
	{ "article:published_time", M_DATE }, { "parsely-pub-date", M_DATE },
	{ "datepublished", M_DATE }, { "dc:date", M_DATE },
	{ "dcterm:created", M_DATE }, { "pubdate", M_DATE },
	{ "og:image", M_IMAGE }, { "og:image:url", M_IMAGE },
	{ "og:image:secure_url", M_IMAGE }, { "twitter:image", M_IMAGE },
	{ "twitter:image:src", M_IMAGE }, { "image", M_IMAGE },
	{ "og:site_name", M_SITE },
	{ "dc:description", M_EXCERPT }, { "dcterm:description", M_EXCERPT },
	{ "og:description", M_EXCERPT },
	{ "weibo:article:description", M_EXCERPT },
	{ "description", M_EXCERPT }, { "twitter:description", M_EXCERPT },
};
#define META_NKEYS	(sizeof meta_keys / sizeof meta_keys[0])

struct meta {
	char	*v[M_COUNT];		/* the winner so far */
	size_t	 rank[M_COUNT];		/* its index in meta_keys */
	char	*ld[M_COUNT];		/* from JSON-LD */
};

static int
is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0;
}

/* Decode the entities a page escaped twice (&amp;quot;) in place. */
static void
unescape(char *s)
{
	static const struct { const char *name; const char *to; } ents[] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&apos;", "'" },
	};
	char		*r = s, *w = s, *end;
	size_t		 i, k;
	unsigned long	 cp;

	while (*r != '\0') {
		if (*r == '&' && r[1] == '#') {
			cp = r[2] == 'x' || r[2] == 'X' ?
			    strtoul(r + 3, &end, 16) : strtoul(r + 2, &end, 10);
			if (*end == ';' && cp > 0 && cp < 0x110000 &&
			    end > r + 2) {
				w += utf8_encode((uint32_t)cp, w);
				r = end + 1;
				continue;
			}
		}
		for (i = 0; *r == '&' && i < sizeof ents / sizeof ents[0];
		    i++) {
			k = strlen(ents[i].name);
			if (strncmp(r, ents[i].name, k) == 0)
				break;
		}
		if (*r == '&' && i < sizeof ents / sizeof ents[0]) {
			*w++ = ents[i].to[0];
			r += strlen(ents[i].name);
		} else
			*w++ = *r++;
	}
	*w = '\0';
}

/* s, or NULL (s freed) when it is empty. */
static char *
nonempty(char *s)
{
	if (*s != '\0')
		return s;
	free(s);
	return NULL;
}

/* s made fit to keep: bounded, entities decoded, sanitized, or NULL when
 * empty. Caller frees. */
static char *
clean_value(const char *s)
{
	char	*t, *c;

	if (s == NULL)
		return NULL;
	t = xstrndup(s, strnlen(s, META_MAX));
	unescape(t);
	c = utf8_sanitize(t, strlen(t), UTF8_FOLD_SPACE | UTF8_SQUEEZE);
	free(t);
	return nonempty(c);
}

static void
meta_offer(struct meta *m, const char *key, const char *value)
{
	size_t	i;

	for (i = 0; i < META_NKEYS; i++)
		if (strcmp(meta_keys[i].key, key) == 0)
			break;
	if (i == META_NKEYS || value == NULL || *value == '\0')
		return;
	if (meta_keys[i].field == M_BYLINE && is_url(value))
		return;		/* article:author is often a profile page */
	if (m->v[meta_keys[i].field] != NULL &&
	    m->rank[meta_keys[i].field] <= i)
		return;
	free(m->v[meta_keys[i].field]);
	m->v[meta_keys[i].field] = clean_value(value);
	m->rank[meta_keys[i].field] = i;
}

/* Offer each of the space separated keys of attribute value list. */
static void
meta_offer_keys(struct meta *m, const char *list, const char *value)
{
	char	 key[64];
	size_t	 i, k;

	while (list != NULL && *list != '\0') {
		while (isspace((unsigned char)*list))
			list++;
		for (k = 0; list[k] != '\0' && !isspace((unsigned char)
		    list[k]); k++)
			;
		if (k > 0 && k < sizeof key) {
			for (i = 0; i < k; i++)
				key[i] = (char)tolower((unsigned char)list[i]);
			key[k] = '\0';
			meta_offer(m, key, value);
			/* name="dc.creator" means dc:creator. */
			if ((key[0] == 'd' && key[1] == 'c') &&
			    strchr(key, '.') != NULL) {
				*strchr(key, '.') = ':';
				meta_offer(m, key, value);
			}
		}
		list += k;
	}
}

static void
meta_tags(struct meta *m, xmlNode *root)
{
	xmlNode		*n;
	const char	*content;

	for (n = root; n != NULL; n = dom_next(n, root, 0)) {
		if (!dom_is(n, "meta") ||
		    (content = dom_attr(n, "content")) == NULL)
			continue;
		meta_offer_keys(m, dom_attr(n, "property"), content);
		meta_offer_keys(m, dom_attr(n, "name"), content);
		meta_offer_keys(m, dom_attr(n, "itemprop"), content);
	}
}

/* A string of a JSON-LD value: the string, an object's field, the
 * first of an array. */
static const char *
ld_string(struct json_object *o, const char *field)
{
	struct json_object	*v;

	if (o == NULL)
		return NULL;
	if (json_object_is_type(o, json_type_string))
		return json_object_get_string(o);
	if (json_object_is_type(o, json_type_array))
		return json_object_array_length(o) > 0 ? ld_string(
		    json_object_array_get_idx(o, 0), field) : NULL;
	if (json_object_is_type(o, json_type_object) &&
	    json_object_object_get_ex(o, field, &v) &&
	    json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	return NULL;
}

/* The authors of a JSON-LD article, names joined by ", ". Caller frees. */
static char *
ld_authors(struct json_object *a)
{
	struct buf	 b = { 0 };
	const char	*s;
	size_t		 i, n;

	if (a == NULL)
		return NULL;
	n = json_object_is_type(a, json_type_array) ?
	    json_object_array_length(a) : 1;
	for (i = 0; i < n && i < 16; i++) {
		s = ld_string(json_object_is_type(a, json_type_array) ?
		    json_object_array_get_idx(a, i) : a, "name");
		if (s == NULL || *s == '\0' || is_url(s))
			continue;
		if (b.len > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, s);
	}
	return b.data;
}

static int
ld_is_article(struct json_object *o)
{
	struct json_object	*t;
	const char		*s;
	size_t			 n;

	if (!json_object_object_get_ex(o, "@type", &t))
		return 0;
	if ((s = ld_string(t, "")) == NULL)
		return 0;
	n = strlen(s);
	return (n >= 7 && strcmp(s + n - 7, "Article") == 0) ||
	    (n >= 7 && strcmp(s + n - 7, "Posting") == 0) ||
	    strcmp(s, "Report") == 0 || strcmp(s, "APIReference") == 0;
}

/* The first object of an article type in o (an object, an array, or an
 * object with @graph), or NULL. */
static struct json_object *
ld_find(struct json_object *o, int depth)
{
	struct json_object	*g, *r;
	size_t			 i;

	if (o == NULL || depth > 3)
		return NULL;
	if (json_object_is_type(o, json_type_array)) {
		for (i = 0; i < json_object_array_length(o); i++)
			if ((r = ld_find(json_object_array_get_idx(o, i),
			    depth + 1)) != NULL)
				return r;
		return NULL;
	}
	if (!json_object_is_type(o, json_type_object))
		return NULL;
	if (ld_is_article(o))
		return o;
	if (json_object_object_get_ex(o, "@graph", &g))
		return ld_find(g, depth + 1);
	return NULL;
}

static void
ld_take(struct meta *m, struct json_object *a)
{
	struct json_object	*v;
	char			*s;

	if (json_object_object_get_ex(a, "headline", &v) ||
	    json_object_object_get_ex(a, "name", &v))
		m->ld[M_TITLE] = clean_value(ld_string(v, ""));
	if (json_object_object_get_ex(a, "author", &v) &&
	    (s = ld_authors(v)) != NULL) {
		m->ld[M_BYLINE] = clean_value(s);
		free(s);
	}
	if (json_object_object_get_ex(a, "datePublished", &v))
		m->ld[M_DATE] = clean_value(ld_string(v, ""));
	if (json_object_object_get_ex(a, "image", &v))
		m->ld[M_IMAGE] = clean_value(ld_string(v, "url"));
	if (json_object_object_get_ex(a, "publisher", &v))
		m->ld[M_SITE] = clean_value(ld_string(v, "name"));
	if (json_object_object_get_ex(a, "description", &v))
		m->ld[M_EXCERPT] = clean_value(ld_string(v, ""));
}

/* Read the first JSON-LD script that describes an article. */
static void
meta_json_ld(struct meta *m, xmlNode *root)
{
	struct json_tokener	*tok;
	struct json_object	*o, *a;
	xmlNode			*n;
	const char		*type;
	char			*s;
	size_t			 len;

	for (n = root; n != NULL; n = dom_next(n, root, 0)) {
		if (!dom_is(n, "script") || (type = dom_attr(n, "type")) ==
		    NULL || strcasecmp(type, "application/ld+json") != 0)
			continue;
		s = (char *)xmlNodeGetContent(n);
		if (s == NULL || (len = strlen(s)) > META_JSON_MAX) {
			xmlFree(s);
			continue;
		}
		tok = json_tokener_new_ex(META_JSON_DEPTH);
		o = json_tokener_parse_ex(tok, s, (int)len);
		json_tokener_free(tok);
		xmlFree(s);
		if ((a = ld_find(o, 0)) != NULL)
			ld_take(m, a);
		json_object_put(o);
		if (a != NULL)
			return;
	}
}

/* The datetime of the <time> that dates the article, or NULL. */
static const char *
meta_time(xmlNode *root)
{
	xmlNode		*n;
	const char	*v, *first = NULL, *p;

	for (n = root; n != NULL; n = dom_next(n, root, 0)) {
		if (!dom_is(n, "time") || (v = dom_attr(n, "datetime")) ==
		    NULL || *v == '\0')
			continue;
		p = dom_attr(n, "itemprop");
		if (dom_attr(n, "pubdate") != NULL || (p != NULL &&
		    strcasecmp(p, "datePublished") == 0))
			return v;
		if (first == NULL)
			first = v;
	}
	return first;
}

char *
extract_meta_base(xmlDoc *doc, const char *base)
{
	xmlNode		*n, *root = xmlDocGetRootElement(doc);
	const char	*href;
	xmlChar		*u;
	char		*s;

	for (n = root; n != NULL; n = dom_next(n, root, 0))
		if (dom_is(n, "base") && (href = dom_attr(n, "href")) != NULL &&
		    (u = xmlBuildURI((const xmlChar *)href,
		    (const xmlChar *)base)) != NULL) {
			s = xstrdup((const char *)u);
			xmlFree(u);
			return s;
		}
	return base != NULL ? xstrdup(base) : NULL;
}

static char *
absolute(const char *url, const char *base)
{
	xmlChar	*u;
	char	*s;

	if (url == NULL || base == NULL)
		return url != NULL ? xstrdup(url) : NULL;
	if ((u = xmlBuildURI((const xmlChar *)url, (const xmlChar *)base)) ==
	    NULL)
		return xstrdup(url);
	s = clean_value((const char *)u);
	xmlFree(u);
	return s;
}

/* JSON-LD first, then <meta>; the image <meta> first. */
static char *
pick(struct meta *m, enum meta_field f)
{
	char	**first = f == M_IMAGE ? m->v : m->ld;
	char	**second = f == M_IMAGE ? m->ld : m->v;
	char	 *s;

	s = first[f] != NULL ? first[f] : second[f];
	if (s == first[f])
		first[f] = NULL;
	else
		second[f] = NULL;
	return s;
}

void
extract_meta_read(xmlDoc *doc, const char *base, struct extract *x)
{
	struct meta	 m;
	xmlNode		*root = xmlDocGetRootElement(doc);
	char		*b, *img;
	int		 i;

	memset(&m, 0, sizeof m);
	if (root == NULL)
		return;
	meta_json_ld(&m, root);
	meta_tags(&m, root);
	x->title = pick(&m, M_TITLE);
	x->byline = pick(&m, M_BYLINE);
	x->date = pick(&m, M_DATE);
	if (x->date == NULL)
		x->date = clean_value(meta_time(root));
	x->published = date_parse(x->date);
	x->site_name = pick(&m, M_SITE);
	x->excerpt = pick(&m, M_EXCERPT);
	if ((img = pick(&m, M_IMAGE)) != NULL) {
		b = extract_meta_base(doc, base);
		x->image = absolute(img, b);
		free(b);
		free(img);
	}
	for (i = 0; i < M_COUNT; i++) {
		free(m.v[i]);
		free(m.ld[i]);
	}
}

static size_t	chars(const char *);

/* Words separated by white space, as JavaScript's split(/\s+/) counts. */
static size_t
word_count(const char *s)
{
	size_t		n = 1, k, len = strlen(s);
	uint32_t	c;
	int		space = 0;

	while (len > 0) {
		k = utf8_decode(s, len, &c);
		if (dom_is_space(c))
			space = 1;
		else if (space) {
			n++;
			space = 0;
		}
		s += k;
		len -= k;
	}
	return n + (space ? 1 : 0);
}

static int
is_separator(const char *s)
{
	return *s == '|' || *s == '-' || *s == '\\' || *s == '/' ||
	    *s == '>' || strncmp(s, "\xc2\xbb", 2) == 0 ||	/* » */
	    strncmp(s, "\xe2\x80\x93", 3) == 0 ||		/* – */
	    strncmp(s, "\xe2\x80\x94", 3) == 0;			/* — */
}

static size_t
separator_len(const char *s)
{
	return (unsigned char)*s < 0x80 ? 1 : (unsigned char)*s == 0xC2 ?
	    2 : 3;
}

/* Trimmed copy of s[0..n), white space runs as one space. */
static char *
squeeze(const char *s, size_t n)
{
	return utf8_sanitize(s, n, UTF8_FOLD_SPACE | UTF8_SQUEEZE);
}

/* The title cut at " | ", " - " and the like: before the last one, or
 * after the first when that leaves fewer than 3 words. */
static char *
title_cut(const char *t, int *hierarchical)
{
	const char	*p, *last = NULL, *first = NULL;
	char		*s;

	for (p = t; *p != '\0'; p++)
		if (p > t && p[-1] == ' ' && is_separator(p) &&
		    p[separator_len(p)] == ' ') {
			if (first == NULL)
				first = p;
			last = p;
			if (*p != '|' && *p != '-')
				*hierarchical = 1;
		}
	if (last == NULL)
		return NULL;
	s = squeeze(t, (size_t)(last - t));
	if (word_count(s) < 3) {
		free(s);
		s = squeeze(first + separator_len(first),
		    strlen(first + separator_len(first)));
	}
	return s;
}

/* The one <h1> of the page, or NULL when there is none or several. */
static xmlNode *
lone_h1(xmlNode *root)
{
	xmlNode	*n, *h = NULL;

	for (n = root; n != NULL; n = dom_next(n, root, 0))
		if (dom_is(n, "h1")) {
			if (h != NULL)
				return NULL;
			h = n;
		}
	return h;
}

/* Is there an h1 or h2 whose text is exactly t? */
static int
heading_is(xmlNode *root, const char *t)
{
	xmlNode	*n;
	char	*s;
	int	 same;

	for (n = root; n != NULL; n = dom_next(n, root, 0)) {
		if (!dom_is(n, "h1") && !dom_is(n, "h2"))
			continue;
		s = dom_text(n);
		same = strcmp(s, t) == 0;
		free(s);
		if (same)
			return 1;
	}
	return 0;
}

/* A title with a colon: the part after it, unless a heading is the
 * whole title. */
static char *
title_colon(xmlNode *root, const char *t)
{
	const char	*c;
	char		*s;

	if (heading_is(root, t))
		return NULL;
	s = squeeze(strrchr(t, ':') + 1, strlen(strrchr(t, ':') + 1));
	if (word_count(s) < 3) {
		free(s);
		c = strchr(t, ':') + 1;
		return squeeze(c, strlen(c));
	}
	free(s);
	s = xstrndup(t, (size_t)(strchr(t, ':') - t));
	if (word_count(s) > 5) {
		free(s);
		return NULL;
	}
	free(s);
	s = strrchr(t, ':') + 1;
	return squeeze(s, strlen(s));
}

/* Words of t once the separators are taken out. */
static size_t
word_count_unseparated(const char *t)
{
	struct buf	 b = { 0 };
	size_t		 n;

	for (; *t != '\0'; t++)
		if (is_separator(t))
			t += separator_len(t) - 1;
		else
			buf_putc(&b, *t);
	buf_putc(&b, '\0');
	n = word_count(b.data);
	buf_free(&b);
	return n;
}

char *
extract_meta_title(xmlDoc *doc)
{
	xmlNode	*root = xmlDocGetRootElement(doc), *n, *h;
	char	*orig = NULL, *cur = NULL, *t;
	int	 hier = 0;

	for (n = root; n != NULL && orig == NULL; n = dom_next(n, root, 0))
		if (dom_is(n, "title")) {
			t = dom_text(n);
			orig = squeeze(t, strlen(t));
			free(t);
		}
	if (orig == NULL)
		orig = xstrdup("");
	if ((cur = title_cut(orig, &hier)) == NULL && strstr(orig, ": "))
		cur = title_colon(root, orig);
	else if (cur == NULL && (chars(orig) > 150 || chars(orig) < 15) &&
	    (h = lone_h1(root)) != NULL)
		cur = dom_text(h);
	/* Too few words: the cut took the wrong part. */
	if (cur != NULL && word_count(cur) <= 4 && (!hier ||
	    word_count(cur) != word_count_unseparated(orig) - 1)) {
		free(cur);
		cur = NULL;
	}
	if (cur == NULL)
		cur = orig;
	else
		free(orig);
	t = squeeze(cur, strlen(cur));
	free(cur);
	return nonempty(t);
}

/* Characters (code points) in the UTF-8 string s. */
static size_t
chars(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int
is_word_char(uint32_t c)
{
	if (c < 0x80)
		return isalnum((int)c) || c == '_';
	if (dom_is_space(c) || (c >= 0x2000 && c <= 0x206F) ||
	    (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) ||
	    c == 0x060C || c == 0x061B || c == 0x061F || c == 0x06D4 ||
	    (c >= 0x066A && c <= 0x066D) || c == 0xAB || c == 0xBB)
		return 0;
	return 1;
}

/* The words of s, lower case for ASCII, each NUL terminated in one
 * buffer; *n gets the count. */
static char *
words(const char *s, size_t *n)
{
	struct buf	 b = { 0 };
	size_t		 k, len = strlen(s);
	uint32_t	 c;
	int		 in = 0;

	*n = 0;
	while (len > 0) {
		k = utf8_decode(s, len, &c);
		if (is_word_char(c)) {
			if (!in)
				(*n)++;
			if (c < 0x80)
				buf_putc(&b, tolower((int)c));
			else
				buf_add(&b, s, k);
			in = 1;
		} else if (in) {
			buf_putc(&b, '\0');
			in = 0;
		}
		s += k;
		len -= k;
	}
	buf_putc(&b, '\0');
	return b.data;
}

static int
has_word(const char *list, size_t n, const char *w)
{
	for (; n > 0; n--, list += strlen(list) + 1)
		if (strcmp(list, w) == 0)
			return 1;
	return 0;
}

double
extract_meta_similarity(const char *a, const char *b)
{
	char	*wa, *wb, *w;
	size_t	 na, nb, i, all = 0, uniq = 0, nu = 0, len;

	wa = words(a, &na);
	wb = words(b, &nb);
	for (i = 0, w = wb; i < nb; i++, w += strlen(w) + 1) {
		len = chars(w);
		all += len + (i > 0);
		if (!has_word(wa, na, w)) {
			uniq += len + (nu > 0);
			nu++;
		}
	}
	free(wa);
	free(wb);
	if (all == 0)
		return 0;
	return 1 - (double)uniq / (double)all;
}
