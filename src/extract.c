/*
 * extract.c - finds the article in a web page the way Readability.js
 * (Mozilla's port of Arc90's Readability) does, on libxml2's HTML tree.
 * All lengths are in characters (code points), never bytes; a run of
 * white space counts as one.
 *
 * 1. Read: the encoding (charset.h), then libxml2's HTML parser with the
 *    network off and no DTD; elements nested deeper than
 *    EXTRACT_MAX_DEPTH are dropped. Metadata is read (extract_meta.h);
 *    script, style, noscript and template go; runs of two or more <br>
 *    become paragraphs; <font> becomes <span>.
 * 2. Walk (element by element, in document order): remove hidden
 *    elements (hidden, aria-hidden, display:none, visibility:hidden),
 *    modal dialogs, the byline (rel=author, itemprop~author, class/id
 *    byline|author|dateline|writtenby; kept when under 100 characters),
 *    the first h1/h2 that repeats the title (similarity > 0.75).
 *    Unlikely candidates go: class/id matching unlikely_words and none
 *    of maybe_words, outside a table or code (3 levels), not body or a;
 *    so do role menu, menubar, complementary, navigation, alert,
 *    alertdialog and dialog. Empty div, section, header and h1-h6 go.
 *    In a div, runs of inline content become <p>; a div holding one <p>
 *    (link density < 0.25) becomes that <p>; a div without block
 *    children becomes a <p>.
 * 3. Score: each section, h2-h6, p, td and pre of 25 characters or more
 *    scores 1 + (commas + 1) + min(length / 100, 3), where commas are
 *    any of dom_is_comma() (ASCII, Arabic/Persian/Urdu ،, CJK 、,
 *    fullwidth ，...). Its parent gets the score, the grandparent half,
 *    the ancestors at levels 2 to 4 a third of it divided by the level.
 *    An ancestor starts at +5 (div), +3 (pre, td, blockquote), -3
 *    (address, lists, dd, dt, li, form) or -5 (h1-h6, th), plus its
 *    class weight: -25 for each of class and id matching negative_words,
 *    +25 matching positive_words. Each score is multiplied by
 *    1 - link density (links to "#..." count 0.3).
 * 4. Pick the best of the top 5; if at least 3 others score 0.75 of it,
 *    their common ancestor; climb to a parent scoring more than the
 *    candidate (stop when one scores under a third of it), then through
 *    parents with one child. Siblings join when they score at least
 *    max(10, 0.2 x the top score) (+0.2 x top score for the same class),
 *    or are paragraphs over 80 characters with link density < 0.25, or
 *    under 80 with no links and a sentence end (. ! ? ؟ ۔ 。 followed by
 *    a space or the end).
 * 5. Clean: data tables marked (summary, caption, th, thead, col, or
 *    over 10 rows, over 4 columns, over 10 cells); object, embed,
 *    footer, link, aside, iframe, input, textarea, select and button
 *    removed; share widgets (class/id "share" as a word) under 500
 *    characters removed; h1/h2 with a negative class weight removed;
 *    form, fieldset, table, ul and div removed conditionally: kept
 *    inside or around a data table or in code; removed with a negative
 *    class weight; with fewer than 10 commas removed when images
 *    outnumber paragraphs 2 to 1 (outside a figure), more list items
 *    than paragraphs (not a list), more inputs than a third of the
 *    paragraphs, under 25 characters with links and no heading text
 *    (outside a figure), link density over 0.2 (weight < 25) or 0.5,
 *    one embed with under 75 characters or several, or no text at all
 *    in p/div/span/li/td-like children and no image; a list of images
 *    stays. Empty paragraphs go.
 * 6. Retry when the text is under 500 characters: without removing
 *    unlikely candidates, then also without class weights, then also
 *    without conditional cleaning; the longest attempt wins. Under
 *    EXTRACT_MIN_TEXT characters, or link density over 0.5, is no
 *    article.
 * Direction: the dir attribute of the article or an ancestor, else the
 * language (lang of the article, an ancestor or <html>: ar, fa, he, ur
 * and other right-to-left languages), else the majority of its strong
 * letters.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/uri.h>

#include "util.h"
#include "utf8.h"
#include "charset.h"
#include "extract.h"
#include "extract_dom.h"
#include "extract_meta.h"
#include "extract_parse.h"

#define F_STRIP_UNLIKELY	0x1
#define F_WEIGHT_CLASSES	0x2
#define F_CLEAN_CONDITIONALLY	0x4

#define TOP_CANDIDATES		5
#define MIN_TOP_CANDIDATES	3
#define CHAR_THRESHOLD		500
#define MATCH_MAX		512

/* Words in class and id (lower case, as substrings). */
static const char *unlikely_words[] = {
	"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
	"community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
	"header", "legends", "menu", "related", "remark", "replies", "rss",
	"shoutbox", "sidebar", "skyscraper", "social", "sponsor",
	"supplemental", "ad-break", "agegate", "pagination", "pager",
	"popup", "yom-remote", "cookie", "consent", NULL
};
static const char *maybe_words[] = {
	"and", "article", "body", "column", "content", "main", "mathjax",
	"shadow", NULL
};
static const char *positive_words[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main",
	"page", "pagination", "post", "text", "blog", "story", NULL
};
static const char *negative_words[] = {
	"-ad-", "hidden", " hid ", "banner", "combx", "comment", "com-",
	"contact", "footer", "gdpr", "masthead", "media", "meta", "outbrain",
	"promo", "related", "scroll", "share", "shoutbox", "sidebar",
	"skyscraper", "sponsor", "shopping", "tags", "widget", NULL
};
static const char *byline_words[] = {
	"byline", "author", "dateline", "writtenby", "p-author", NULL
};
static const char *unlikely_roles[] = {
	"menu", "menubar", "complementary", "navigation", "alert",
	"alertdialog", "dialog", NULL
};
static const char *phrasing_tags[] = {
	"abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data",
	"datalist", "dfn", "em", "embed", "i", "img", "input", "kbd",
	"label", "mark", "math", "meter", "noscript", "object", "output",
	"progress", "q", "ruby", "samp", "script", "select", "small", "span",
	"strong", "sub", "sup", "textarea", "time", "var", "wbr", "bdi",
	"s", "u", "tt", NULL
};
static const char *block_tags[] = {	/* DIV_TO_P_ELEMS */
	"blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul",
	NULL
};
static const char *textish_tags[] = {
	"span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p",
	"pre", "table", "ul", NULL
};

/* The attributes html.c reads in the article's HTML. */
static const char *html_attrs[] = {
	"alt", "dir", "href", "src", "start", NULL
};

/* What the scoring keeps about a node (in its _private). */
struct node_info {
	double			score;
	double			links;		/* characters in links */
	struct dom_stats	st;		/* its text */
	unsigned char		scored;		/* score started */
	unsigned char		data_table;
	unsigned char		measured;	/* st and links are set */
};

#define INFO_CHUNK	256

/* One attempt at the article. */
struct grab {
	htmlDocPtr		 doc;
	xmlNode			*body;
	xmlNode			*trash;		/* removed <br>s */
	int			 flags;
	const char		*title;
	char			*byline;	/* found in the page */
	struct node_info	**chunks;
	size_t			 nchunks;
	size_t			 used;		/* in the last chunk */
	xmlNode			**score;	/* elements to score */
	size_t			 nscore, capscore;
	xmlNode			**cand;		/* candidates */
	size_t			 ncand, capcand;
	xmlNode			*article;	/* not in the tree */
	char			*dir;		/* nearest dir= of the top */
	char			*lang;		/* candidate, or NULL */
	size_t			 length;
};

static int
in_list(const char *s, const char **list)
{
	/* The first letter first: this runs for every element, often. */
	for (; *list != NULL; list++)
		if ((*list)[0] == s[0] && strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static int
has_word(const char *s, const char **list)
{
	for (; *list != NULL; list++)
		if (strstr(s, *list) != NULL)
			return 1;
	return 0;
}

/* Append " s" in lower case to m[0..*k), if it fits in MATCH_MAX - 2
 * bytes (a trailing space and NUL stay possible). */
static void
match_add(char *m, size_t *k, const char *s)
{
	if (*k < MATCH_MAX - 2)
		m[(*k)++] = ' ';
	for (; *s != '\0' && *k < MATCH_MAX - 2; s++)
		m[(*k)++] = (char)((unsigned char)*s >= 'A' &&
		    (unsigned char)*s <= 'Z' ? *s + 'a' - 'A' : *s);
}

/* " class id " in lower case into m (MATCH_MAX bytes). */
static void
match_string(const xmlNode *n, char *m)
{
	const char	*c = dom_attr(n, "class"), *id = dom_attr(n, "id");
	size_t		 k = 0;

	match_add(m, &k, c != NULL ? c : "");
	match_add(m, &k, id != NULL ? id : "");
	m[k++] = ' ';
	m[k] = '\0';
}

static void
push(xmlNode ***v, size_t *n, size_t *cap, xmlNode *x)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = x;
}

static struct node_info *
info(const xmlNode *n)
{
	return n->_private;
}

static int
class_weight(const struct grab *g, const xmlNode *n)
{
	const char	*c = dom_attr(n, "class"), *id = dom_attr(n, "id");
	char		 m[MATCH_MAX];
	int		 w = 0;
	size_t		 k;

	if (!(g->flags & F_WEIGHT_CLASSES))
		return 0;
	if (c != NULL && *c != '\0') {
		k = 0;
		match_add(m, &k, c);
		m[k++] = ' ';
		m[k] = '\0';
		w += has_word(m, negative_words) ? -25 : 0;
		w += has_word(m, positive_words) ? 25 : 0;
	}
	if (id != NULL && *id != '\0') {
		k = 0;
		match_add(m, &k, id);
		m[k++] = ' ';
		m[k] = '\0';
		w += has_word(m, negative_words) ? -25 : 0;
		w += has_word(m, positive_words) ? 25 : 0;
	}
	return w;
}

/* The node's score, starting it by its tag and class weight. */
static struct node_info *
node_alloc(struct grab *g, xmlNode *n)
{
	struct node_info	*i;

	if (n->_private != NULL)
		return n->_private;
	if (g->nchunks == 0 || g->used == INFO_CHUNK) {
		g->chunks = xreallocarray(g->chunks, g->nchunks + 1,
		    sizeof *g->chunks);
		g->chunks[g->nchunks++] = xcalloc(INFO_CHUNK,
		    sizeof **g->chunks);
		g->used = 0;
	}
	i = &g->chunks[g->nchunks - 1][g->used++];
	n->_private = i;
	return i;
}

static int
is_scored(const xmlNode *n)
{
	return n->_private != NULL && info(n)->scored;
}

static struct node_info *
node_init(struct grab *g, xmlNode *n)
{
	struct node_info	*i = node_alloc(g, n);
	const char		*t = (const char *)n->name;

	if (i->scored)
		return i;
	i->scored = 1;
	if (strcmp(t, "div") == 0)
		i->score = 5;
	else if (strcmp(t, "pre") == 0 || strcmp(t, "td") == 0 ||
	    strcmp(t, "blockquote") == 0)
		i->score = 3;
	else if (strcmp(t, "address") == 0 || strcmp(t, "ol") == 0 ||
	    strcmp(t, "ul") == 0 || strcmp(t, "dl") == 0 ||
	    strcmp(t, "dd") == 0 || strcmp(t, "dt") == 0 ||
	    strcmp(t, "li") == 0 || strcmp(t, "form") == 0)
		i->score = -3;
	else if (dom_is_heading(n) || strcmp(t, "th") == 0)
		i->score = -5;
	i->score += class_weight(g, n);
	return i;
}

/* Text and link lengths of every element of root's subtree, children
 * before parents, in one pass. */
static void
measure_tree(struct grab *g, xmlNode *root)
{
	struct node_info	*in;
	xmlNode			**v = NULL, *n, *c;
	size_t			 k = 0, cap = 0, len;
	const char		*href;

	for (n = root; n != NULL; n = dom_next(n, root, 0))
		push(&v, &k, &cap, n);
	while (k > 0) {
		n = v[--k];
		in = node_alloc(g, n);
		memset(&in->st, 0, sizeof in->st);
		in->links = 0;
		for (c = n->children; c != NULL; c = c->next)
			if ((c->type == XML_TEXT_NODE ||
			    c->type == XML_CDATA_SECTION_NODE) &&
			    c->content != NULL)
				dom_stats_text(&in->st,
				    (const char *)c->content);
			else if (c->type == XML_ELEMENT_NODE) {
				dom_stats_cat(&in->st, &info(c)->st);
				in->links += info(c)->links;
			}
		if (dom_is(n, "a")) {
			href = dom_attr(n, "href");
			len = dom_stats_len(&in->st);
			in->links += (double)len * (href != NULL &&
			    href[0] == '#' && href[1] != '\0' ? 0.3 : 1);
		}
		in->measured = 1;
	}
	free(v);
}

/* dom_text_len(), from the measure when there is one. */
static size_t
text_len(const xmlNode *n, size_t *commas)
{
	const struct node_info	*in = n->_private;

	if (in == NULL || !in->measured)
		return dom_text_len(n, commas);
	if (commas != NULL)
		*commas = in->st.commas;
	return dom_stats_len(&in->st);
}

/* dom_link_density(), from the measure when there is one. */
static double
link_density(xmlNode *n)
{
	const struct node_info	*in = n->_private;
	size_t			 len;

	if (in == NULL || !in->measured)
		return dom_link_density(n);
	len = dom_stats_len(&in->st);
	return len == 0 ? 0 : in->links / (double)len;
}

/* Remove n from the article, taking its text out of its ancestors'
 * measures (the white space where it joined stays counted: lengths
 * may grow by one a removal, never shrink too far). */
static xmlNode *
forget(xmlNode *n, const xmlNode *root)
{
	struct node_info	*in = n->_private, *a;
	xmlNode			*p;
	size_t			 len;

	len = in != NULL && in->measured ? dom_stats_len(&in->st) : 0;
	for (p = n->parent; in != NULL && in->measured && p != NULL;
	    p = p->parent) {
		if ((a = p->_private) == NULL || !a->measured)
			break;
		a->st.runs -= len < a->st.runs ? (uint32_t)len : a->st.runs;
		a->st.commas -= in->st.commas < a->st.commas ?
		    in->st.commas : a->st.commas;
		a->links = a->links > in->links ? a->links - in->links : 0;
	}
	return dom_remove_next(n, root);
}

static int
is_visible(const xmlNode *n)
{
	const char	*style = dom_attr(n, "style"), *aria, *c;
	char		 s[MATCH_MAX];
	size_t		 i, k = 0;

	if (dom_is(n, "html") || dom_is(n, "body"))
		return 1;	/* pages hide the body until a script ran */
	if (dom_attr(n, "hidden") != NULL)
		return 0;
	aria = dom_attr(n, "aria-hidden");
	c = dom_attr(n, "class");
	if (aria != NULL && strcmp(aria, "true") == 0 &&
	    (c == NULL || strstr(c, "fallback-image") == NULL))
		return 0;
	if (style == NULL)
		return 1;
	for (i = 0; style[i] != '\0' && k + 1 < sizeof s; i++)
		if (!isspace((unsigned char)style[i]))
			s[k++] = (char)tolower((unsigned char)style[i]);
	s[k] = '\0';
	return strstr(s, "display:none") == NULL &&
	    strstr(s, "visibility:hidden") == NULL;
}

static int
is_modal(const xmlNode *n)
{
	const char	*modal = dom_attr(n, "aria-modal");
	const char	*role = dom_attr(n, "role");

	return modal != NULL && role != NULL && strcmp(modal, "true") == 0 &&
	    strcmp(role, "dialog") == 0;
}

/* Take n's text as the byline if n is one. */
static int
check_byline(struct grab *g, const xmlNode *n, const char *match)
{
	const char	*rel = dom_attr(n, "rel");
	const char	*prop = dom_attr(n, "itemprop");
	size_t		 len;

	if (g->byline != NULL)
		return 0;
	if (!((rel != NULL && strcmp(rel, "author") == 0) ||
	    (prop != NULL && strstr(prop, "author") != NULL) ||
	    has_word(match, byline_words)))
		return 0;
	len = dom_text_len(n, NULL);
	if (len == 0 || len >= 100)
		return 0;
	g->byline = dom_text(n);
	return 1;
}

static int
duplicates_title(const struct grab *g, const xmlNode *n)
{
	char	*h;
	double	 sim;

	if (g->title == NULL || (!dom_is(n, "h1") && !dom_is(n, "h2")))
		return 0;
	h = dom_text(n);
	sim = extract_meta_similarity(g->title, h);
	free(h);
	return sim > 0.75;
}

static int
is_unlikely(const xmlNode *n, const char *match)
{
	const char	*role = dom_attr(n, "role");

	if (dom_is(n, "body") || dom_is(n, "a") || dom_is(n, "html"))
		return 0;
	if (role != NULL && in_list(role, unlikely_roles))
		return 1;
	return has_word(match, unlikely_words) &&
	    !has_word(match, maybe_words) &&
	    !dom_has_ancestor(n, "table", 3, NULL) &&
	    !dom_has_ancestor(n, "code", 3, NULL);
}

/* No text, and no children but <br> and <hr>. */
static int
is_without_content(const xmlNode *n)
{
	xmlNode	*c;

	for (c = dom_first_child(n); c != NULL; c = dom_next_sibling(c))
		if (!dom_is(c, "br") && !dom_is(c, "hr"))
			return 0;
	return !dom_has_text(n);
}

static int
is_phrasing(const xmlNode *n)
{
	xmlNode	*c;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return 1;
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (in_list((const char *)n->name, phrasing_tags))
		return 1;
	if (!dom_is(n, "a") && !dom_is(n, "del") && !dom_is(n, "ins"))
		return 0;
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !is_phrasing(c))
			return 0;
	return 1;
}

/* White space text, or a <br>. */
static int
is_blank(const xmlNode *n)
{
	if (n->type == XML_TEXT_NODE)
		return dom_text_len(n, NULL) == 0;
	return dom_is(n, "br");
}

static int
has_block_child(xmlNode *n)
{
	xmlNode	*c;

	for (c = dom_next(n, n, 0); c != NULL; c = dom_next(c, n, 0))
		if (in_list((const char *)c->name, block_tags))
			return 1;
	return 0;
}

/* Exactly one element child, named name, and no text beside it. */
static int
has_single_child(const xmlNode *n, const char *name)
{
	xmlNode	*c;
	int	 k = 0;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (++k > 1 || !dom_is(c, name))
				return 0;
		} else if (c->type == XML_TEXT_NODE && !is_blank(c))
			return 0;
	}
	return k == 1;
}

static void
move_child(xmlNode *parent, xmlNode *c)
{
	xmlUnlinkNode(c);
	xmlAddChild(parent, c);	/* may merge c into a text node and free it */
}

/* Remove a node that is not a <br> (those may still be on a list). */
static void
discard(struct grab *g, xmlNode *n)
{
	if (dom_is(n, "br"))
		move_child(g->trash, n);
	else
		dom_remove(n);
}

/* Wrap the div's runs of inline content in <p>. */
static void
wrap_phrasing(struct grab *g, xmlNode *div)
{
	xmlNode	*c, *next, *p = NULL;

	for (c = div->children; c != NULL; c = next) {
		next = c->next;
		if (is_phrasing(c)) {
			if (p != NULL)
				move_child(p, c);
			else if (!is_blank(c)) {
				p = xmlNewDocNode(g->doc, NULL,
				    (const xmlChar *)"p", NULL);
				xmlAddPrevSibling(c, p);
				move_child(p, c);
			}
		} else if (p != NULL) {
			while (p->last != NULL && is_blank(p->last))
				discard(g, p->last);
			p = NULL;
		}
	}
}

/* A div that is really a paragraph becomes one; returns the node the
 * walk goes on from. */
static xmlNode *
div_to_p(struct grab *g, xmlNode *div)
{
	xmlNode	*p;

	wrap_phrasing(g, div);
	if (has_single_child(div, "p") && dom_link_density(div) < 0.25) {
		p = dom_first_child(div);
		xmlReplaceNode(div, p);
		dom_remove(div);
		push(&g->score, &g->nscore, &g->capscore, p);
		return p;
	}
	if (!has_block_child(div)) {
		xmlNodeSetName(div, (const xmlChar *)"p");
		push(&g->score, &g->nscore, &g->capscore, div);
	}
	return div;
}

static int
is_scored_tag(const xmlNode *n)
{
	const char	*t = (const char *)n->name;

	return strcmp(t, "p") == 0 || strcmp(t, "td") == 0 ||
	    strcmp(t, "pre") == 0 || strcmp(t, "section") == 0 ||
	    (dom_is_heading(n) && t[1] != '1');
}

/* Step 2: remove what is not the article, find what to score. */
static void
walk(struct grab *g)
{
	xmlNode	*n = xmlDocGetRootElement(g->doc);
	char	 match[MATCH_MAX];
	int	 title_seen = 0;

	while (n != NULL) {
		match_string(n, match);
		if (!dom_is(n, "html") && !dom_is(n, "body") &&
		    (!is_visible(n) || is_modal(n) ||
		    check_byline(g, n, match) ||
		    (!title_seen && duplicates_title(g, n) &&
		    (title_seen = 1)) ||
		    ((g->flags & F_STRIP_UNLIKELY) && is_unlikely(n, match)) ||
		    ((dom_is(n, "div") || dom_is(n, "section") ||
		    dom_is(n, "header") || dom_is_heading(n)) &&
		    is_without_content(n)))) {
			n = dom_remove_next(n, NULL);
			continue;
		}
		if (is_scored_tag(n))
			push(&g->score, &g->nscore, &g->capscore, n);
		if (dom_is(n, "div"))
			n = div_to_p(g, n);
		n = dom_next(n, NULL, 0);
	}
}

/* Drop the children of elements at EXTRACT_MAX_DEPTH: later walks may
 * recurse, and nothing that deep is prose. */
static void
prune_deep(xmlNode *root)
{
	xmlNode	*n = root, *c;
	int	 depth = 0;

	while (n != NULL) {
		if (depth >= EXTRACT_MAX_DEPTH && n->children != NULL) {
			while ((c = n->children) != NULL)
				dom_remove(c);
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			depth++;
			continue;
		}
		while (n != NULL && n != root && n->next == NULL) {
			n = n->parent;
			depth--;
		}
		if (n == NULL || n == root)
			break;
		n = n->next;
	}
}

/* The next sibling that is not white space text. */
static xmlNode *
next_nonblank(xmlNode *n)
{
	while (n != NULL && n->type != XML_ELEMENT_NODE &&
	    dom_text_len(n, NULL) == 0)
		n = n->next;
	return n;
}

/* Two or more <br> in a row end a paragraph: what follows them, up to
 * the next such run or block, becomes a <p>. */
static void
replace_br(struct grab *g, xmlNode *br)
{
	xmlNode	*next, *p, *sib;
	int	 replaced = 0;

	next = br->next;
	while ((next = next_nonblank(next)) != NULL && dom_is(next, "br")) {
		replaced = 1;
		sib = next->next;
		move_child(g->trash, next);
		next = sib;
	}
	if (!replaced)
		return;
	p = xmlNewDocNode(g->doc, NULL, (const xmlChar *)"p", NULL);
	xmlReplaceNode(br, p);
	move_child(g->trash, br);
	for (next = p->next; next != NULL; next = sib) {
		if (dom_is(next, "br") && (sib = next_nonblank(next->next)) !=
		    NULL && dom_is(sib, "br"))
			break;
		if (!is_phrasing(next))
			break;
		sib = next->next;
		move_child(p, next);
	}
	while (p->last != NULL && is_blank(p->last))
		discard(g, p->last);
	if (dom_is(p->parent, "p"))
		xmlNodeSetName(p->parent, (const xmlChar *)"div");
}

/* Step 1's clean-up of the whole page. */
static void
prep_document(struct grab *g)
{
	xmlNode	*root = xmlDocGetRootElement(g->doc), *n, **brs;
	size_t	 i, count;

	prune_deep(root);
	for (n = root; n != NULL; ) {
		if (dom_is(n, "script") || dom_is(n, "style") ||
		    dom_is(n, "noscript") || dom_is(n, "template")) {
			n = dom_remove_next(n, root);
			continue;
		}
		if (dom_is(n, "font"))
			xmlNodeSetName(n, (const xmlChar *)"span");
		n = dom_next(n, root, 0);
	}
	if (g->body == NULL)
		return;
	brs = dom_all(g->body, "br", &count);
	for (i = 0; i < count; i++)
		if (brs[i]->parent != g->trash)
			replace_br(g, brs[i]);
	free(brs);
}

static int
is_element(const xmlNode *n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE;
}

/* Step 3: give each paragraph's score to its ancestors. */
static void
score_paragraphs(struct grab *g)
{
	struct node_info	*in;
	xmlNode			*e, *a;
	size_t			 i, len, commas;
	double			 score;
	int			 level;

	for (i = 0; i < g->nscore; i++) {
		e = g->score[i];
		if (!is_element(e->parent))
			continue;
		if ((len = text_len(e, &commas)) < 25)
			continue;
		score = 1 + (double)(commas + 1) + (double)(len / 100 < 3 ?
		    len / 100 : 3);
		for (a = e->parent, level = 0; is_element(a) && level < 5;
		    a = a->parent, level++) {
			if (!is_element(a->parent))
				continue;
			if (!is_scored(a)) {
				node_init(g, a);
				push(&g->cand, &g->ncand, &g->capcand, a);
			}
			in = info(a);
			in->score += score / (level == 0 ? 1 : level == 1 ? 2 :
			    level * 3);
		}
	}
}

/* The best candidates, best first, after the link density penalty. */
static size_t
top_candidates(struct grab *g, xmlNode **top)
{
	struct node_info	*in;
	size_t			 i, t, n = 0;

	for (i = 0; i < g->ncand; i++) {
		in = info(g->cand[i]);
		in->score *= 1 - link_density(g->cand[i]);
		for (t = 0; t < TOP_CANDIDATES; t++) {
			if (t < n && in->score <= info(top[t])->score)
				continue;
			if (n == TOP_CANDIDATES)
				n--;
			memmove(top + t + 1, top + t, (n - t) * sizeof *top);
			top[t] = g->cand[i];
			n++;
			break;
		}
	}
	return n;
}

/* Is a an ancestor of n? */
static int
is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (n = n->parent; n != NULL; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

/* When at least MIN_TOP_CANDIDATES others score close to the best, the
 * article is likely their common ancestor. */
static xmlNode *
common_ancestor(struct grab *g, xmlNode **top, size_t n)
{
	xmlNode	*alt[TOP_CANDIDATES], *p;
	size_t	 i, nalt = 0, k;

	for (i = 1; i < n; i++)
		if (info(top[i])->score >= 0.75 * info(top[0])->score)
			alt[nalt++] = top[i];
	if (nalt < MIN_TOP_CANDIDATES)
		return top[0];
	for (p = top[0]->parent; is_element(p) && !dom_is(p, "body");
	    p = p->parent) {
		for (i = 0, k = 0; i < nalt && k < MIN_TOP_CANDIDATES; i++)
			k += is_ancestor(p, alt[i]);
		if (k >= MIN_TOP_CANDIDATES)
			return p;
	}
	return top[0];
}

/* Climb to parents that score better; then through only children. */
static xmlNode *
climb(struct grab *g, xmlNode *top)
{
	xmlNode	*p;
	double	 last = node_init(g, top)->score, threshold = last / 3;

	for (p = top->parent; is_element(p) && !dom_is(p, "body");
	    p = p->parent) {
		if (!is_scored(p))
			continue;
		if (info(p)->score < threshold)
			break;
		if (info(p)->score > last) {
			top = p;
			break;
		}
		last = info(p)->score;
	}
	for (p = top->parent; is_element(p) && !dom_is(p, "body") &&
	    dom_child_count(p) == 1; p = top->parent)
		top = p;
	node_init(g, top);
	return top;
}

/* No candidate, or only the body: the whole body in a div. */
static xmlNode *
body_as_top(struct grab *g)
{
	xmlNode	*div, *c;

	div = xmlNewDocNode(g->doc, NULL, (const xmlChar *)"div", NULL);
	while ((c = g->body->children) != NULL)
		move_child(div, c);
	xmlAddChild(g->body, div);
	node_init(g, div);
	return div;
}

/* Does a sentence end in s: . ! ? ؟ ۔ 。 before a space or the end? */
static int
has_sentence_end(const char *s)
{
	static const char	*ends[] = {
		".", "!", "?", "\xd8\x9f", "\xdb\x94", "\xe3\x80\x82",
		"\xef\xbc\x81", "\xef\xbc\x9f", NULL
	};
	const char		**e;
	const char		 *p;
	size_t			  k;

	for (e = ends; *e != NULL; e++)
		for (p = s; (p = strstr(p, *e)) != NULL; p += k) {
			k = strlen(*e);
			if (p[k] == ' ' || p[k] == '\0')
				return 1;
		}
	return 0;
}

static int
sibling_joins(struct grab *g, xmlNode *s, xmlNode *top, double threshold)
{
	const char	*c = dom_attr(s, "class"), *tc = dom_attr(top, "class");
	double		 bonus = 0, density;
	size_t		 len;
	char		*text;
	int		 ok;

	if (s == top)
		return 1;
	if (c != NULL && tc != NULL && *tc != '\0' && strcmp(c, tc) == 0)
		bonus = info(top)->score * 0.2;
	if (is_scored(s) && info(s)->score + bonus >= threshold)
		return 1;
	if (!dom_is(s, "p"))
		return 0;
	density = link_density(s);
	len = text_len(s, NULL);
	if (len > 80)
		return density < 0.25;
	if (len == 0 || density > 0)
		return 0;
	text = dom_text(s);
	ok = has_sentence_end(text);
	free(text);
	return ok;
}

/* The value of attribute name on n or its nearest ancestor that has
 * one, or NULL. Caller frees. */
static char *
nearest_attr(const xmlNode *n, const char *name)
{
	const char	*v;

	for (; is_element(n); n = n->parent)
		if ((v = dom_attr(n, name)) != NULL && *v != '\0')
			return xstrndup(v, strnlen(v, 64));
	return NULL;
}

static xmlNode	*find_body(xmlDoc *);

/* Step 4: the top candidate and the siblings that belong with it, moved
 * into g->article. */
static void
gather(struct grab *g)
{
	xmlNode	*top[TOP_CANDIDATES], *t, *s, *next, *parent;
	size_t	 n;
	double	 threshold;

	n = top_candidates(g, top);
	/* The walk may have removed the <body> found before it: one inside
	 * an element that went (libxml2 recovers some markup that way). */
	if ((g->body = find_body(g->doc)) == NULL)
		g->body = xmlDocGetRootElement(g->doc);
	if (n == 0 || dom_is(top[0], "body"))
		t = body_as_top(g);
	else
		t = climb(g, common_ancestor(g, top, n));
	/* Before the cleaning, which may remove t. */
	g->dir = nearest_attr(t, "dir");
	if ((g->lang = nearest_attr(t, "lang")) == NULL)
		g->lang = nearest_attr(t, "xml:lang");
	parent = t->parent;
	g->article = xmlNewDocNode(g->doc, NULL, (const xmlChar *)"div",
	    NULL);
	threshold = info(t)->score * 0.2 > 10 ? info(t)->score * 0.2 : 10;
	for (s = dom_first_child(parent); s != NULL; s = next) {
		next = dom_next_sibling(s);
		if (!sibling_joins(g, s, t, threshold))
			continue;
		if (!dom_is(s, "div") && !dom_is(s, "article") &&
		    !dom_is(s, "section") && !dom_is(s, "p") &&
		    !dom_is(s, "ol") && !dom_is(s, "ul"))
			xmlNodeSetName(s, (const xmlChar *)"div");
		move_child(g->article, s);
	}
}

static int
is_data_table(const xmlNode *n)
{
	return n->_private != NULL && info(n)->data_table;
}

/* Rows and the widest row's columns, counting rowspan and colspan. */
static void
table_size(xmlNode *t, size_t *rows, size_t *cols)
{
	xmlNode		*r, *c;
	const char	*span;
	size_t		 w;

	*rows = *cols = 0;
	for (r = dom_next(t, t, 0); r != NULL; r = dom_next(r, t, 0)) {
		if (!dom_is(r, "tr"))
			continue;
		span = dom_attr(r, "rowspan");
		*rows += span != NULL && atoi(span) > 0 ? (size_t)atoi(span) :
		    1;
		w = 0;
		for (c = dom_first_child(r); c != NULL;
		    c = dom_next_sibling(c)) {
			if (!dom_is(c, "td"))
				continue;
			span = dom_attr(c, "colspan");
			w += span != NULL && atoi(span) > 0 && atoi(span) <
			    1000 ? (size_t)atoi(span) : 1;
		}
		if (w > *cols)
			*cols = w;
	}
}

static int
table_has_data(xmlNode *t)
{
	const char	*v;
	xmlNode		*c;
	size_t		 rows, cols;

	if ((v = dom_attr(t, "role")) != NULL && strcmp(v, "presentation") ==
	    0)
		return 0;
	if ((v = dom_attr(t, "datatable")) != NULL && strcmp(v, "0") == 0)
		return 0;
	if (dom_attr(t, "summary") != NULL)
		return 1;
	for (c = dom_first_child(t); c != NULL; c = dom_next_sibling(c))
		if (dom_is(c, "caption") && c->children != NULL)
			return 1;
	if (dom_count(t, "col") > 0 || dom_count(t, "colgroup") > 0 ||
	    dom_count(t, "tfoot") > 0 || dom_count(t, "thead") > 0 ||
	    dom_count(t, "th") > 0)
		return 1;
	if (dom_count(t, "table") > 0)
		return 0;
	table_size(t, &rows, &cols);
	return rows >= 10 || cols > 4 || rows * cols > 10;
}

static void
mark_data_tables(struct grab *g, xmlNode *root)
{
	xmlNode	*n;

	for (n = dom_next(root, root, 0); n != NULL; n = dom_next(n, root, 0))
		if (dom_is(n, "table"))
			node_alloc(g, n)->data_table = table_has_data(n);
}

/* Remove every element named name below root. */
static void
remove_all(xmlNode *root, const char *name)
{
	xmlNode	*n;

	for (n = dom_next(root, root, 0); n != NULL; )
		if (dom_is(n, name))
			n = forget(n, root);
		else
			n = dom_next(n, root, 0);
}

/* Share bars: class or id with "share" as a word, little text. */
static int
is_share(const char *m)
{
	const char	*p;
	size_t		 k;

	for (p = m; (p = strstr(p, "share")) != NULL; p++) {
		if (p > m && (isalnum((unsigned char)p[-1])))
			continue;
		k = strncmp(p, "sharedaddy", 10) == 0 ? 10 : 5;
		if (!isalnum((unsigned char)p[k]))
			return 1;
	}
	return 0;
}

static void
remove_shares(xmlNode *article)
{
	xmlNode	*top, *n;
	char	 m[MATCH_MAX];

	for (top = dom_first_child(article); top != NULL;
	    top = dom_next_sibling(top))
		for (n = dom_next(top, top, 0); n != NULL; ) {
			match_string(n, m);
			if (is_share(m) && text_len(n, NULL) < 500)
				n = forget(n, top);
			else
				n = dom_next(n, top, 0);
		}
}

static int
has_data_table(xmlNode *n)
{
	xmlNode	*c;

	for (c = dom_next(n, n, 0); c != NULL; c = dom_next(c, n, 0))
		if (dom_is(c, "table") && is_data_table(c))
			return 1;
	return 0;
}

/* What cleaning conditionally counts in an element. */
struct shape {
	size_t	p, img, li, input, embeds, len, commas;
	double	links, headings, textish;
	int	list, figure, weight;
};

/* One walk over n's subtree for the counts, and the text of headings,
 * of lists and of text-like elements over n's text. */
static void
measure_shape(struct grab *g, xmlNode *n, struct shape *s)
{
	xmlNode		*c;
	const char	*t;
	size_t		 lists = 0, headings = 0, textish = 0;

	s->weight = class_weight(g, n);
	s->len = text_len(n, &s->commas);
	s->links = link_density(n);
	for (c = dom_next(n, n, 0); c != NULL; c = dom_next(c, n, 0)) {
		t = (const char *)c->name;
		s->p += strcmp(t, "p") == 0;
		s->img += strcmp(t, "img") == 0;
		s->li += strcmp(t, "li") == 0;
		s->input += strcmp(t, "input") == 0;
		s->embeds += strcmp(t, "object") == 0 ||
		    strcmp(t, "embed") == 0 || strcmp(t, "iframe") == 0;
		if (strcmp(t, "ul") == 0 || strcmp(t, "ol") == 0)
			lists += text_len(c, NULL);
		if (dom_is_heading(c))
			headings += text_len(c, NULL);
		if (in_list(t, textish_tags))
			textish += text_len(c, NULL);
	}
	s->list = dom_is(n, "ul") || dom_is(n, "ol") || (s->len > 0 &&
	    (double)lists / (double)s->len > 0.9);
	s->headings = s->len > 0 ? (double)headings / (double)s->len : 0;
	s->textish = s->len > 0 ? (double)textish / (double)s->len : 0;
	s->figure = dom_has_ancestor(n, "figure", 3, NULL);
}

static int
is_shady(const struct shape *s)
{
	return (!s->figure && s->img > 1 && (double)s->p / (double)s->img <
	    0.5) ||
	    (!s->list && s->li > s->p + 100) ||
	    (s->input > s->p / 3) ||
	    (!s->list && !s->figure && s->headings < 0.9 && s->len < 25 &&
	    (s->img == 0 || s->img > 2) && s->links > 0) ||
	    (!s->list && s->weight < 25 && s->links > 0.2) ||
	    (s->weight >= 25 && s->links > 0.5) ||
	    (s->embeds == 1 && s->len < 75) || s->embeds > 1 ||
	    (s->img == 0 && s->textish == 0);
}

/* A list whose items each hold one image stays: a gallery. */
static int
is_gallery(xmlNode *n, const struct shape *s)
{
	xmlNode	*c;

	for (c = dom_first_child(n); c != NULL; c = dom_next_sibling(c))
		if (dom_child_count(c) > 1)
			return 0;
	return s->img == dom_count(n, "li");
}

static int
should_clean(struct grab *g, xmlNode *n)
{
	struct shape	s;

	if (dom_is(n, "table") && is_data_table(n))
		return 0;
	if (dom_has_ancestor(n, "table", -1, is_data_table) ||
	    dom_has_ancestor(n, "code", 3, NULL) || has_data_table(n))
		return 0;
	memset(&s, 0, sizeof s);
	if (class_weight(g, n) < 0)
		return 1;
	measure_shape(g, n, &s);
	if (s.commas >= 10)
		return 0;
	if (!is_shady(&s))
		return 0;
	return !(s.list && is_gallery(n, &s));
}

/* Remove the elements named name that look like furniture, innermost
 * first. */
static void
clean_conditionally(struct grab *g, xmlNode *root, const char *name)
{
	xmlNode	**v;
	size_t	  n, i;

	if (!(g->flags & F_CLEAN_CONDITIONALLY))
		return;
	v = dom_all(root, name, &n);
	for (i = n; i > 0; i--)
		if (should_clean(g, v[i - 1]))
			forget(v[i - 1], root);
	free(v);
}

/* Paragraphs with neither text nor media. */
static void
remove_empty_paragraphs(xmlNode *root)
{
	xmlNode	*n;

	for (n = dom_next(root, root, 0); n != NULL; ) {
		if (dom_is(n, "p") && dom_count(n, "img") == 0 &&
		    dom_count(n, "embed") == 0 && dom_count(n, "object") ==
		    0 && dom_count(n, "iframe") == 0 && !dom_has_text(n))
			n = forget(n, root);
		else
			n = dom_next(n, root, 0);
	}
}

/* Step 5. */
static void
prep_article(struct grab *g)
{
	static const char	*junk[] = {
		"object", "embed", "footer", "link", "aside", NULL
	};
	static const char	*controls[] = {
		"iframe", "input", "textarea", "select", "button", NULL
	};
	xmlNode			*a = g->article, *n;
	const char		**t;

	measure_tree(g, a);
	mark_data_tables(g, a);
	clean_conditionally(g, a, "form");
	clean_conditionally(g, a, "fieldset");
	for (t = junk; *t != NULL; t++)
		remove_all(a, *t);
	remove_shares(a);
	for (t = controls; *t != NULL; t++)
		remove_all(a, *t);
	for (n = dom_next(a, a, 0); n != NULL; )
		if ((dom_is(n, "h1") || dom_is(n, "h2")) &&
		    class_weight(g, n) < 0)
			n = forget(n, a);
		else
			n = dom_next(n, a, 0);
	clean_conditionally(g, a, "table");
	clean_conditionally(g, a, "ul");
	clean_conditionally(g, a, "div");
	for (n = dom_next(a, a, 0); n != NULL; n = dom_next(n, a, 0))
		if (dom_is(n, "h1"))
			xmlNodeSetName(n, (const xmlChar *)"h2");
	remove_empty_paragraphs(a);
}

static xmlNode *
find_body(xmlDoc *doc)
{
	xmlNode	*root = xmlDocGetRootElement(doc), *n;

	for (n = root; n != NULL; n = dom_next(n, root, 0))
		if (dom_is(n, "body"))
			return n;
	return NULL;
}

static void
grab_free(struct grab *g)
{
	size_t	i;

	for (i = 0; i < g->nchunks; i++)
		free(g->chunks[i]);
	free(g->chunks);
	free(g->score);
	free(g->cand);
	free(g->byline);
	free(g->dir);
	free(g->lang);
	if (g->article != NULL)
		xmlFreeNode(g->article);
	if (g->trash != NULL)
		xmlFreeNode(g->trash);
	if (g->doc != NULL)
		extract_parse_free(g->doc);
	memset(g, 0, sizeof *g);
}

/* The page to parse: as it is, or already filtered
 * (extract_parse_filter()) into buf. */
struct page {
	const char			*s;
	size_t				 n;
	char				*buf;		/* s, when filtered */
	int				 filtered;
	int				 reread;	/* buf goes in a parse */
	const char			*base;
	const char			*charset;
	const struct extract_opts	*o;
};

static void	page_read(const char *, size_t, char *, struct page *);

static htmlDocPtr
parse(struct page *p)
{
	htmlDocPtr	 doc;
	char		*s;
	size_t		 n;

	if (!p->filtered)
		return extract_parse(p->s, p->n, p->base);
	if (!p->reread)
		return extract_parse_filtered(p->s, p->n, p->base);
	/* A retry reads the page anew: its bytes were not kept. */
	if (p->buf == NULL) {
		if ((s = p->o->reread(p->o->reread_arg, &n)) == NULL)
			return NULL;
		page_read(s, n, s, p);
	}
	doc = extract_parse_filtered_free(p->buf, p->n, p->base);
	p->buf = NULL;
	p->s = NULL;
	return doc;
}

/* The page's tree but the article (which is not in it): of no use
 * after an attempt, and a retry parses the page again. */
static void
free_page(struct grab *g)
{
	xmlNode	*root;

	if ((root = xmlDocGetRootElement(g->doc)) != NULL) {
		xmlUnlinkNode(root);
		xmlFreeNode(root);
	}
	g->body = NULL;
}

/* One attempt with flags on a fresh parse (or on doc when not NULL). */
static int
attempt(struct grab *g, htmlDocPtr doc, struct page *p)
{
	g->doc = doc != NULL ? doc : parse(p);
	if (g->doc == NULL || xmlDocGetRootElement(g->doc) == NULL)
		return -1;
	g->trash = xmlNewDocNode(g->doc, NULL, (const xmlChar *)"trash",
	    NULL);
	g->body = find_body(g->doc);
	prep_document(g);
	if (g->body == NULL)
		return -1;
	walk(g);
	measure_tree(g, xmlDocGetRootElement(g->doc));
	score_paragraphs(g);
	gather(g);
	prep_article(g);
	g->length = text_len(g->article, NULL);
	free_page(g);
	return 0;
}

/* Steps 2-6: the longest of up to four attempts into best. */
static int
grab_article(htmlDocPtr doc, struct page *p, const char *title,
    struct grab *best)
{
	struct grab	g;
	int		flags = F_STRIP_UNLIKELY | F_WEIGHT_CLASSES |
			    F_CLEAN_CONDITIONALLY;

	memset(best, 0, sizeof *best);
	for (;;) {
		memset(&g, 0, sizeof g);
		g.flags = flags;
		g.title = title;
		if (attempt(&g, doc, p) == -1) {
			grab_free(&g);
			return best->doc != NULL ? 0 : -1;
		}
		doc = NULL;
		if (best->doc == NULL || g.length > best->length) {
			grab_free(best);
			*best = g;
		} else
			grab_free(&g);
		if (best->length >= CHAR_THRESHOLD || flags == 0)
			return 0;
		if (flags & F_STRIP_UNLIKELY)
			flags &= ~F_STRIP_UNLIKELY;
		else if (flags & F_WEIGHT_CLASSES)
			flags &= ~F_WEIGHT_CLASSES;
		else
			flags &= ~F_CLEAN_CONDITIONALLY;
	}
}

static int
lang_is_rtl(const char *lang)
{
	static const char	*rtl[] = {
		"ar", "fa", "he", "iw", "ur", "yi", "ps", "sd", "ckb", "ug",
		"dv", "syr", "arc", "ku-arab", "pa-arab", "az-arab", "prs",
		"ks", "bal", "glk", "mzn", "lrc", "bqi", "nqo", NULL
	};
	const char		**l;
	size_t			  k;

	for (l = rtl; *l != NULL; l++) {
		k = strlen(*l);
		if (strncasecmp(lang, *l, k) == 0 && (lang[k] == '\0' ||
		    lang[k] == '-' || lang[k] == '_'))
			return 1;
	}
	for (; *lang != '\0'; lang++)
		if (*lang == '-' && (strncasecmp(lang, "-arab", 5) == 0 ||
		    strncasecmp(lang, "-hebr", 5) == 0))
			return 1;
	return 0;
}

/* Strong letters of the text: > 0 more right-to-left ones. */
static long
text_direction(const char *s)
{
	uint32_t	c;
	size_t		k, n = strlen(s);
	long		balance = 0, total = 0;

	while (n > 0) {
		k = utf8_decode(s, n, &c);
		if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <=
		    0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC)) {
			balance++;
			total++;
		} else if ((c < 0x80 && isalpha((int)c)) || (c >= 0xC0 &&
		    c < 0x0590 && c != 0xD7 && c != 0xF7) || (c >= 0x0900 &&
		    c < 0x2000) || (c >= 0x3040 && c < 0xA000) || (c >= 0xAC00 &&
		    c < 0xD7B0)) {
			balance--;
			total++;
		}
		s += k;
		n -= k;
	}
	/* How far the text leans, in fifths: |5| when all one way. */
	return total == 0 ? 0 : balance * 5 / total;
}

/* Direction: dir, then the language unless nearly all the text's
 * letters say otherwise (templates say lang="en" over Arabic), then the
 * text. */
static void
set_direction(const struct grab *g, struct extract *x)
{
	const char	*d = g->dir, *lang = g->lang;
	long		 lean = text_direction(x->text);

	if (lang != NULL)
		x->lang = utf8_sanitize(lang, strlen(lang), UTF8_FOLD_SPACE |
		    UTF8_SQUEEZE);
	if (d != NULL && strcasecmp(d, "rtl") == 0)
		x->dir = DIR_RTL;
	else if (d != NULL && strcasecmp(d, "ltr") == 0)
		x->dir = DIR_LTR;
	else if (lang != NULL && lang_is_rtl(lang))
		x->dir = lean <= -4 ? DIR_LTR : DIR_RTL;
	else if (lang != NULL && *lang != '\0')
		x->dir = lean >= 4 ? DIR_RTL : DIR_LTR;
	else
		x->dir = lean > 0 ? DIR_RTL : DIR_LTR;
}

/* Links and images made absolute against base. */
static void
absolute_links(xmlNode *root, const char *base)
{
	xmlNode		*n;
	const char	*attr, *v;
	xmlChar		*u;

	if (base == NULL)
		return;
	for (n = dom_next(root, root, 0); n != NULL; n = dom_next(n, root, 0)) {
		attr = dom_is(n, "a") ? "href" : dom_is(n, "img") ? "src" :
		    NULL;
		if (attr == NULL || (v = dom_attr(n, attr)) == NULL ||
		    *v == '#')
			continue;
		if ((u = xmlBuildURI((const xmlChar *)v,
		    (const xmlChar *)base)) != NULL) {
			xmlSetProp(n, (const xmlChar *)attr, u);
			xmlFree(u);
		}
	}
}

/* The article of g into x: text, HTML (unless text_only), byline,
 * direction; base (may be NULL) makes its links absolute. */
static int
finish(struct grab *g, const char *base, int text_only, struct extract *x,
    char **cause)
{
	struct buf	 b = { 0 };

	x->length = dom_to_text(g->article, &b);
	buf_putc(&b, '\0');
	x->text = xreallocarray(b.data, b.len, 1);	/* not the doubling */
	if (x->length < EXTRACT_MIN_TEXT ||
	    dom_link_density(g->article) > 0.5) {
		*cause = xstrdup("no article found");
		return -1;
	}
	if (x->byline == NULL && g->byline != NULL)
		x->byline = utf8_sanitize(g->byline, strlen(g->byline),
		    UTF8_FOLD_SPACE | UTF8_SQUEEZE);
	set_direction(g, x);
	xmlSetProp(g->article, (const xmlChar *)"dir",
	    (const xmlChar *)(x->dir == DIR_RTL ? "rtl" : "ltr"));
	if (x->lang != NULL)
		xmlSetProp(g->article, (const xmlChar *)"lang",
		    (const xmlChar *)x->lang);
	if (text_only)
		return 0;
	dom_attrs_to_tree(g->article, html_attrs);
	absolute_links(g->article, base);
	x->html = dom_to_html(g->doc, g->article);
	return 0;
}

/* The page s[0..n) as UTF-8 into p (p->charset, p->o set): s itself
 * when it is valid UTF-8, else a copy. A copy, or the page when owned
 * (not NULL: s, the caller's, to free), is filtered
 * (extract_parse_filter()) into p->buf and freed: the attempts parse
 * the filtered bytes, a half to a sixth of a page, and the page is not
 * kept beside its tree; when the caller can read the page again
 * (o->reread), not those either (extract_parse_filtered_free()). */
static void
page_read(const char *s, size_t n, char *owned, struct page *p)
{
	const char	*charset = p->charset;
	const char	*u;
	char		*copy = NULL;
	size_t		 len;

	/* Most pages are valid UTF-8 already: read them where they are. */
	if (strcmp(charset, "UTF-8") == 0 && charset_is_utf8(s, n)) {
		u = s;
		len = n;
		if (len >= 3 && memcmp(u, "\xef\xbb\xbf", 3) == 0) {
			u += 3;
			len -= 3;
		}
	} else
		u = copy = charset_to_utf8(s, n, charset, &len);
	p->buf = NULL;
	if ((p->filtered = owned != NULL || copy != NULL)) {
		u = p->buf = extract_parse_filter(u, len, &len);
		free(copy);
		free(owned);
	}
	p->reread = p->filtered && owned != NULL && p->o != NULL &&
	    p->o->reread != NULL;
	p->s = u;
	p->n = len;
}

/* extract_page(), which frees owned (s, or NULL) as soon as it can. */
static int
extract_run(const char *s, size_t n, char *owned,
    const struct extract_opts *o, struct extract *x, char **cause)
{
	struct grab	 best;
	struct page	 p;
	htmlDocPtr	 doc;
	char		*title, *doc_base;
	int		 rc;

	memset(x, 0, sizeof *x);
	if (n > EXTRACT_MAX_SIZE) {
		free(owned);
		*cause = xasprintf("page too large (over %lu bytes)",
		    EXTRACT_MAX_SIZE);
		return -1;
	}
	if (n == 0) {
		free(owned);
		*cause = xstrdup("empty page");
		return -1;
	}
	x->charset = charset_detect(s, n, o != NULL ? o->content_type : NULL);
	if (strncmp(x->charset, "UTF-16", 6) != 0 &&
	    memchr(s, '\0', n < 1024 ? n : 1024) != NULL) {
		free(owned);
		extract_clear(x);
		*cause = xstrdup("not an HTML page (binary data)");
		return -1;
	}
	memset(&p, 0, sizeof p);
	p.base = o != NULL ? o->base_url : NULL;
	p.charset = x->charset;
	p.o = o;
	page_read(s, n, owned, &p);
	if ((doc = parse(&p)) == NULL || xmlDocGetRootElement(doc) == NULL) {
		if (doc != NULL)
			extract_parse_free(doc);
		free(p.buf);
		extract_clear(x);
		*cause = xstrdup("not an HTML page");
		return -1;
	}
	extract_meta_read(doc, p.base, x);
	/* Before the attempts, which free the page's tree. */
	doc_base = extract_meta_base(doc, p.base);
	if (x->title == NULL)
		x->title = extract_meta_title(doc);
	title = x->title;
	rc = grab_article(doc, &p, title, &best);
	free(p.buf);
	if (rc == -1) {
		grab_free(&best);
		free(doc_base);
		extract_clear(x);
		*cause = xstrdup("no article found");
		return -1;
	}
	rc = finish(&best, doc_base, o != NULL && o->text_only, x, cause);
	grab_free(&best);
	free(doc_base);
	if (rc == -1)
		extract_clear(x);
	return rc;
}

int
extract_page(const char *s, size_t n, const struct extract_opts *o,
    struct extract *x, char **cause)
{
	return extract_run(s, n, NULL, o, x, cause);
}

int
extract_page_take(char *s, size_t n, const struct extract_opts *o,
    struct extract *x, char **cause)
{
	return extract_run(s, n, s, o, x, cause);
}

void
extract_clear(struct extract *x)
{
	free(x->title);
	free(x->byline);
	free(x->date);
	free(x->image);
	free(x->site_name);
	free(x->excerpt);
	free(x->lang);
	free(x->charset);
	free(x->html);
	free(x->text);
	memset(x, 0, sizeof *x);
}
