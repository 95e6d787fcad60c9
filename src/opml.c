/*
 * opml.c - OPML import and export (see opml.h). Parsing uses libxml2 with
 * XML_PARSE_NONET and without XML_PARSE_NOENT / XML_PARSE_DTDLOAD, so an
 * OPML file can neither reach the network nor expand entities. Text
 * written out goes through the screen sanitizer first (valid UTF-8, no
 * control characters) and is then XML-escaped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "opml.h"
#include "urls.h"
#include "utf8.h"
#include "util.h"

/* The namespace of akhbar's own outline attributes. */
#define OPML_NS	"urn:x-akhbar:opml:1"

/* Folder depth we follow; deeper outlines are still read, untagged. */
#define OPML_MAX_DEPTH	32

struct opml_walk {
	struct opml_feed	*v;
	size_t			 n;
	char			*path[OPML_MAX_DEPTH];	/* folder titles */
	int			 depth;
};

static char *
opml_attr(xmlNode *node, const char *name)
{
	xmlChar	*v = xmlGetProp(node, (const xmlChar *)name);
	char	*s;

	if (v == NULL)
		return NULL;
	s = utf8_sanitize((const char *)v, strlen((const char *)v), 1);
	xmlFree(v);
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

static void
opml_add_tag(struct opml_feed *f, const char *tag)
{
	size_t	i;

	while (*tag == ' ' || *tag == '/')
		tag++;
	if (*tag == '\0')
		return;
	for (i = 0; i < f->ntags; i++)
		if (strcmp(f->tags[i], tag) == 0)
			return;
	f->tags = xreallocarray(f->tags, f->ntags + 1, sizeof *f->tags);
	f->tags[f->ntags++] = xstrdup(tag);
}

/* category="/a/b,c": OPML 2.0's comma-separated, slash-delimited list */
static void
opml_categories(struct opml_feed *f, const char *cat)
{
	char	*copy = xstrdup(cat), *p, *word, *save = NULL;

	for (p = copy; (word = strtok_r(p, ",/", &save)) != NULL; p = NULL)
		opml_add_tag(f, word);
	free(copy);
}

/* The per-feed settings read back from an outline (see opml_write()). */
static const char *const opml_settings[] = {
	"interval", "max-articles", "keep-days", "user-agent", "auth",
	"proxy", "fulltext", "direction",
};

/* The akhbar:KEY attributes of node as urls file words. Caller frees. */
static char *
opml_feed_settings(xmlNode *node)
{
	struct buf	 b = { 0 };
	char		*v, *w;
	size_t		 i;

	buf_puts(&b, "");
	for (i = 0; i < sizeof opml_settings / sizeof *opml_settings; i++) {
		if ((v = opml_attr(node, opml_settings[i])) == NULL)
			continue;
		w = urls_format_setting(opml_settings[i], v);
		buf_puts(&b, w);
		free(w);
		free(v);
	}
	v = xstrndup(b.data, b.len);
	buf_free(&b);
	return v;
}

static void
opml_feed(struct opml_walk *w, xmlNode *node, char *url)
{
	struct opml_feed	*f;
	char			*cat;
	int			 i;

	w->v = xreallocarray(w->v, w->n + 1, sizeof *w->v);
	f = &w->v[w->n++];
	memset(f, 0, sizeof *f);
	f->url = url;
	f->settings = opml_feed_settings(node);
	if ((f->title = opml_attr(node, "title")) == NULL)
		f->title = opml_attr(node, "text");
	for (i = 0; i < w->depth && i < OPML_MAX_DEPTH; i++)
		if (w->path[i] != NULL)	/* a folder without a title */
			opml_add_tag(f, w->path[i]);
	if ((cat = opml_attr(node, "category")) != NULL) {
		opml_categories(f, cat);
		free(cat);
	}
}

static void
opml_outlines(struct opml_walk *w, xmlNode *node)
{
	char	*url, *name;

	for (; node != NULL; node = node->next) {
		if (node->type != XML_ELEMENT_NODE ||
		    xmlStrcmp(node->name, (const xmlChar *)"outline") != 0)
			continue;
		if ((url = opml_attr(node, "xmlUrl")) != NULL ||
		    (url = opml_attr(node, "xmlurl")) != NULL) {
			opml_feed(w, node, url);
			continue;
		}
		if ((name = opml_attr(node, "title")) == NULL)
			name = opml_attr(node, "text");
		if (w->depth < OPML_MAX_DEPTH)
			w->path[w->depth] = name;
		else
			free(name);
		w->depth++;
		opml_outlines(w, node->children);
		w->depth--;
		if (w->depth < OPML_MAX_DEPTH) {
			free(w->path[w->depth]);
			w->path[w->depth] = NULL;
		}
	}
}

int
opml_parse(const char *data, size_t len, struct opml_feed **feeds,
    size_t *n, char **cause)
{
	struct opml_walk	 w;
	xmlDoc			*doc;
	xmlNode			*root, *body;
	const xmlError		*e;

	memset(&w, 0, sizeof w);
	doc = xmlReadMemory(data, (int)len, "opml", NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (doc == NULL) {
		e = xmlGetLastError();
		if (e != NULL)
			*cause = xasprintf("not OPML: XML error at %d:%d: %s",
			    e->line, e->int2, e->message != NULL ?
			    e->message : "?");
		else
			*cause = xstrdup("not OPML: XML error");
		if (*cause != NULL && (*cause)[strlen(*cause) - 1] == '\n')
			(*cause)[strlen(*cause) - 1] = '\0';
		return -1;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL ||
	    xmlStrcmp(root->name, (const xmlChar *)"opml") != 0) {
		*cause = xstrdup("not OPML: the root element is not <opml>");
		xmlFreeDoc(doc);
		return -1;
	}
	for (body = root->children; body != NULL; body = body->next)
		if (body->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(body->name, (const xmlChar *)"body") == 0)
			opml_outlines(&w, body->children);
	xmlFreeDoc(doc);
	*feeds = w.v;
	*n = w.n;
	return 0;
}

void
opml_feeds_free(struct opml_feed *feeds, size_t n)
{
	size_t	i, j;

	for (i = 0; i < n; i++) {
		free(feeds[i].url);
		free(feeds[i].title);
		free(feeds[i].settings);
		for (j = 0; j < feeds[i].ntags; j++)
			free(feeds[i].tags[j]);
		free(feeds[i].tags);
	}
	free(feeds);
}

/* Append s sanitized and escaped for an XML attribute value. */
static void
opml_escape(struct buf *b, const char *s)
{
	char	*clean = utf8_sanitize(s, strlen(s), 1), *p;

	for (p = clean; *p != '\0'; p++) {
		switch (*p) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		default:
			buf_putc(b, *p);
		}
	}
	free(clean);
}

/* Append one akhbar:KEY="value" attribute. */
static void
opml_attr_put(struct buf *b, const char *key, const char *v)
{
	buf_printf(b, " akhbar:%s=\"", key);
	opml_escape(b, v);
	buf_putc(b, '"');
}

/* The settings that hold no secret, as attributes. */
static void
opml_write_settings(struct buf *b, const struct urls_opts *o)
{
	static const char *const dirs[] = {
		[URLS_DIR_AUTO] = "auto", [URLS_DIR_LTR] = "ltr",
		[URLS_DIR_RTL] = "rtl",
	};
	const long	 nums[] = { o->interval, o->max_articles, o->keep_days };
	char		 n[32];
	int		 i;

	for (i = 0; i < 3; i++)
		if (nums[i] > 0) {
			snprintf(n, sizeof n, "%ld", nums[i]);
			opml_attr_put(b, opml_settings[i], n);
		}
	if (o->user_agent != NULL)
		opml_attr_put(b, "user-agent", o->user_agent);
	if (o->auth_netrc)
		opml_attr_put(b, "auth", "netrc");
	if (o->proxy != NULL && strchr(o->proxy, '@') == NULL)
		opml_attr_put(b, "proxy", o->proxy);
	if (o->fulltext >= 0)
		opml_attr_put(b, "fulltext", o->fulltext ? "yes" : "no");
	if (o->direction != URLS_DIR_UNSET)
		opml_attr_put(b, "direction", dirs[o->direction]);
}

/* Does some entry have a setting to write? Then the document declares
 * the namespace; an export without any stays as it always was. */
static int
opml_any_settings(const struct urls *u)
{
	struct buf	b = { 0 };
	size_t		i;
	int		any;

	for (i = 0; i < u->n && b.len == 0; i++)
		opml_write_settings(&b, &u->v[i].opts);
	any = b.len > 0;
	buf_free(&b);
	return any;
}

char *
opml_write(const struct urls *u, char *const *titles)
{
	struct buf	 b = { 0 };
	char		 date[64], *s;
	time_t		 now = time(NULL);
	struct tm	 tm;
	size_t		 i, j;


	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\"%s>\n"
	    "  <head>\n"
	    "    <title>akhbar subscriptions</title>\n"
	    "    <dateCreated>%s</dateCreated>\n"
	    "  </head>\n"
	    "  <body>\n", opml_any_settings(u) ?
	    " xmlns:akhbar=\"" OPML_NS "\"" : "", date);
	for (i = 0; i < u->n; i++) {
		const struct urls_entry *e = &u->v[i];
		const char *title = e->name != NULL ? e->name :
		    titles != NULL && titles[i] != NULL ? titles[i] : e->url;

		buf_puts(&b, "    <outline type=\"rss\" text=\"");
		opml_escape(&b, title);
		buf_puts(&b, "\" title=\"");
		opml_escape(&b, title);
		buf_puts(&b, "\" xmlUrl=\"");
		opml_escape(&b, e->url);
		buf_putc(&b, '"');
		if (e->ntags > 0) {
			buf_puts(&b, " category=\"");
			for (j = 0; j < e->ntags; j++) {
				if (j > 0)
					buf_putc(&b, ',');
				opml_escape(&b, e->tags[j]);
			}
			buf_putc(&b, '"');
		}
		opml_write_settings(&b, &e->opts);
		buf_puts(&b, "/>\n");
	}
	buf_puts(&b, "  </body>\n</opml>\n");
	s = xstrndup(b.data, b.len);
	buf_free(&b);
	return s;
}
