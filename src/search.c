/*
 * search.c - the text of the store's full-text index and the translation
 * of a user's query into an FTS5 expression (see search.h).
 *
 * FTS5 knows whole tokens only, and the matcher (match.c) matches a
 * keyword at the start of a word, after Arabic proclitics, with any
 * ending. So the index holds, per article, every normalised word AND
 * every word without a leading proclitic ("بادلب" also as "ادلب"), and a
 * query word becomes the prefix query "ادلب"*: a term starts with the
 * keyword exactly when the matcher would find it. Each two words next to
 * each other also make a short pair term, by which a phrase is looked
 * up (then confirmed by the matcher). Terms are written by
 * this file with single spaces between words made only of letters, marks
 * and digits (a pair: U+00B7, digits, letters and letters), and the
 * index uses FTS5's "ascii" tokenizer, which splits
 * at ASCII non-alphanumerics only; so SQLite's own Unicode tables never
 * decide where a word ends, the matcher's do. Strings are UTF-8; lengths
 * of words are in code points.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/xmlversion.h>
#include <utf8proc.h>

#include "html.h"
#include "match.h"
#include "search.h"
#include "utf8.h"
#include "util.h"

/* Longer words (base64, long URLs) are not indexed. */
#define SEARCH_MAX_WORD	64
/*
 * A pair term, for two words a b next to each other: PAIR_MARK, then a
 * as PAIR_HASH_LEN digits and lowercase letters (pair_hash() of its
 * first SEARCH_PAIR_MAX code points: the longest proclitic, 4, and a
 * query word), then the first PAIR_NEXT code points of b, after its ال
 * if it starts with one (most Arabic nouns do). Short (at most 13 bytes,
 * where a b would take 4 more bytes than both words), since FTS5 and the
 * term set pay per byte; a phrase's last word, a prefix, is then looked
 * up by its first letters too. Two words with the same hash only make
 * candidates that the matcher rules out. PAIR_MARK, U+00B7 MIDDLE DOT,
 * is no word character (match_is_word()): a pair is never a word, nor
 * does a word's prefix query ever find one.
 */
#define SEARCH_PAIR_MAX	(SEARCH_MAX_WORD + 4)
#define PAIR_MARK	"\xc2\xb7"
#define PAIR_MARK_LEN	2
#define PAIR_HASH_LEN	5	/* 32^5: 33 million */
#define PAIR_NEXT	3
#define PAIR_AL		"\xd8\xa7\xd9\x84"	/* ال */

enum term_kind {
	TERM_WORD,	/* WORD: word start, proclitics, any ending */
	TERM_EXACT,	/* =WORD */
	TERM_PHRASE	/* "several words" */
};

struct search_query {
	struct matcher	**m;	/* one per term: all must match */
	char		**needle; /* what normalised text must contain */
	size_t		  n;
	char		 *fts;
	int		  exact;
};

/* ---- body text ---- */

static void
text_walk(xmlNode *n, struct buf *b, int depth)
{
	int	kind;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				buf_puts(b, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || depth > HTML_MAX_DEPTH)
			continue;
		kind = html_element_kind((const char *)n->name);
		if (kind < 0)
			continue;
		/* A block, a line break or a table cell separates words;
		 * <b>x</b>y stays one word, as the reader shows it. */
		if (kind > 0 || strcasecmp((const char *)n->name, "br") == 0 ||
		    strcasecmp((const char *)n->name, "td") == 0 ||
		    strcasecmp((const char *)n->name, "th") == 0)
			buf_putc(b, ' ');
		text_walk(n->children, b, depth + 1);
		if (kind > 0)
			buf_putc(b, ' ');
	}
}

/* The ASCII bytes for which libxml2's HTML parser may not give a text
 * back as it is: markup and references (TEXT_MARKUP), and the C0
 * controls it drops (TEXT_DROPPED, as are U+FFFE and U+FFFF). */
#define TEXT_MARKUP	1
#define TEXT_DROPPED	2
static const unsigned char text_special[128] = {
	[0x00] = 2, [0x01] = 2, [0x02] = 2, [0x03] = 2, [0x04] = 2,
	[0x05] = 2, [0x06] = 2, [0x07] = 2, [0x08] = 2, [0x0B] = 2,
	[0x0C] = 2, [0x0E] = 2, [0x0F] = 2, [0x10] = 2, [0x11] = 2,
	[0x12] = 2, [0x13] = 2, [0x14] = 2, [0x15] = 2, [0x16] = 2,
	[0x17] = 2, [0x18] = 2, [0x19] = 2, [0x1A] = 2, [0x1B] = 2,
	[0x1C] = 2, [0x1D] = 2, [0x1E] = 2, [0x1F] = 2,
	['<'] = 1, ['&'] = 1,
};

#define TEXT_ONES	0x0101010101010101ULL
#define TEXT_HIGHS	0x8080808080808080ULL

/* Non-zero when the 8 bytes at s are ASCII and none of them is in
 * text_special[] (or a tab, LF or CR: those take the byte loop). */
static inline int
text_plain8(const char *s)
{
	uint64_t	w, low, lt, amp;

	memcpy(&w, s, 8);
	if ((w & TEXT_HIGHS) != 0)
		return 0;
	/* ASCII only: each has a high bit set exactly when some byte is
	 * below 0x20, is '<', is '&' (the carries only reach bytes above
	 * one that is) */
	low = (w - TEXT_ONES * 0x20) & ~w;
	lt = ((w ^ (TEXT_ONES * '<')) - TEXT_ONES) & ~(w ^ (TEXT_ONES * '<'));
	amp = ((w ^ (TEXT_ONES * '&')) - TEXT_ONES) &
	    ~(w ^ (TEXT_ONES * '&'));
	return ((low | lt | amp) & TEXT_HIGHS) == 0;
}

/*
 * Look at s[0..n) (no NUL inside) once. Returns NULL when it is valid
 * UTF-8, else a NUL-terminated copy with each invalid sequence made
 * U+FFFD, for libxml2 and the matcher (its length in *len). Sets
 * *special to what libxml2's HTML parser might make differently from its
 * own text (0 for nothing): TEXT_MARKUP for a '<' or a '&', TEXT_DROPPED
 * for a C0 control other than tab, LF and CR, U+FFFE or U+FFFF.
 */
static char *
text_scan(const char *s, size_t n, size_t *len, int *special_out)
{
	const unsigned char	*u = (const unsigned char *)s;
	struct buf		 b = { 0 };
	uint32_t		 cp;
	size_t			 i = 0, run = 0, k;
	int			 special = 0;
	char			 enc[4];

	while (i < n) {
		if (u[i] < 0x80) {
			if (i + 8 <= n && text_plain8(s + i)) {
				i += 8;
				continue;
			}
			special |= text_special[u[i]];
			i++;
			continue;
		}
		/* Two-byte sequences (Arabic, Hebrew, Persian) inline. */
		if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < n &&
		    (u[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFE || cp == 0xFFFF)
			special |= TEXT_DROPPED;
		else if (cp == UTF8_REPLACEMENT && (k != 3 ||
		    memcmp(s + i, "\xef\xbf\xbd", 3) != 0)) {
			if (b.data == NULL)
				buf_grow(&b, n + 1);
			buf_add(&b, s + run, i - run);
			buf_add(&b, enc, utf8_encode(UTF8_REPLACEMENT, enc));
			run = i + k;
		}
		i += k;
	}
	*special_out = special;
	if (b.data == NULL)
		return NULL;
	buf_add(&b, s + run, n - run);
	buf_putc(&b, '\0');
	*len = b.len - 1;
	return b.data;
}

/* The text of an HTML body: libxml2's HTML parser, then text_walk(). */
static char *
text_html(const char *s, size_t n)
{
	struct buf	 b = { 0 };
	htmlDocPtr	 hd;
	char		*out;
	int		 opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR |
			    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
			    HTML_PARSE_NOIMPLIED;

	hd = htmlReadMemory(s, (int)n, NULL, "UTF-8", opts);
	buf_puts(&b, "");
	if (hd != NULL) {
		text_walk(hd->children, &b, 0);
		xmlFreeDoc(hd);
	}
	out = match_normalize_utf8(b.data);
	buf_free(&b);
	return out;
}

/*
 * ---- body text without libxml2 ----
 *
 * Most feed HTML is a few paragraphs of text with links, emphasis and
 * images. For that, text_fast() makes exactly the text text_html() makes
 * (the same characters, and white space at the same places, which the
 * normaliser then folds), without building a tree: a fifth of the
 * instructions. It follows what libxml2's HTML parser does with such
 * markup (HTML_PARSE_NOIMPLIED): text or a reference outside every
 * element opens an implied <p>; white space outside every element is
 * dropped; what follows the first top-level element goes inside it;
 * elements close at the end of the input. Anything else (another
 * element, a comment, an end tag that is not the innermost element's, a
 * block inside a paragraph or an inline element, a nested <a>, a
 * reference libxml2 would keep as text, a control character) returns
 * NULL and the parser does it. tests/unit/test_search.c checks both agree
 * on many generated bodies.
 */

enum fast_kind { FK_INLINE, FK_BLOCK, FK_BR, FK_IMG };

/* The elements text_fast() knows, sorted by name. */
enum fast_tag {
	FT_A, FT_B, FT_BR, FT_DIV, FT_EM, FT_I, FT_IMG, FT_P, FT_SMALL,
	FT_SPAN, FT_STRONG, FT_U, FT_COUNT
};

/* What html_element_kind() makes of them (test_search.c checks they
 * agree). */
static const struct {
	const char	*name;
	enum fast_kind	 kind;
} fast_tags[FT_COUNT] = {
	[FT_A] = { "a", FK_INLINE }, [FT_B] = { "b", FK_INLINE },
	[FT_BR] = { "br", FK_BR }, [FT_DIV] = { "div", FK_BLOCK },
	[FT_EM] = { "em", FK_INLINE }, [FT_I] = { "i", FK_INLINE },
	[FT_IMG] = { "img", FK_IMG }, [FT_P] = { "p", FK_BLOCK },
	[FT_SMALL] = { "small", FK_INLINE }, [FT_SPAN] = { "span", FK_INLINE },
	[FT_STRONG] = { "strong", FK_INLINE }, [FT_U] = { "u", FK_INLINE },
};

#define FAST_DEPTH	32

struct fast {
	struct buf	 out;
	int		 stack[FAST_DEPTH];	/* fast_tags[] indexes */
	int		 depth;
	int		 anchors;		/* <a> open */
	int		 root;	/* first top-level element: 0 none yet,
				 * 1 open, 2 closed */
	int		 kept;	/* no character the parser drops */
};

/* The fast_tags[] index of the tag name at s (letters and digits, ending
 * at *end), or -1. */
static int
fast_tag(const char *s, const char **end)
{
	char	name[8];
	size_t	n = 0, i;

	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
	    (s[n] >= '0' && s[n] <= '9')) {
		if (n == sizeof name - 1)
			return -1;
		name[n] = s[n] | 0x20;
		n++;
	}
	name[n] = '\0';
	*end = s + n;
	for (i = 0; i < FT_COUNT; i++)
		if (strcmp(fast_tags[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int
fast_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Skip the attributes of a start tag at s up to its '>'; *empty when it
 * ends with "/>". NULL when they are not plain name="value" pairs. */
static const char *
fast_attrs(const char *s, int *empty)
{
	char	q;

	*empty = 0;
	for (;;) {
		while (fast_blank(*s))
			s++;
		if (*s == '>')
			return s + 1;
		if (s[0] == '/' && s[1] == '>') {
			*empty = 1;
			return s + 2;
		}
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
			return NULL;
		while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_')
			s++;
		while (fast_blank(*s))
			s++;
		if (*s != '=')
			continue;
		for (s++; fast_blank(*s); s++)
			;
		if ((q = *s) != '"' && q != '\'')
			return NULL;
		for (s++; *s != q; s++)
			if (*s == '\0' || *s == '<' || *s == '&')
				return NULL;
		s++;
	}
}

/* A start tag at s (after '<'). Returns the end, NULL to give up. */
static const char *
fast_start(struct fast *f, const char *s)
{
	const char	*e;
	int		 t, empty, i;

	if ((t = fast_tag(s, &e)) < 0 || (e = fast_attrs(e, &empty)) == NULL)
		return NULL;
	if (f->depth == 0 && f->root == 0)
		f->root = fast_tags[t].kind >= FK_BR ? 2 : 1;
	switch (fast_tags[t].kind) {
	case FK_BR:
		buf_putc(&f->out, ' ');
		/* FALLTHROUGH */
	case FK_IMG:
		return e;
	case FK_BLOCK:
		/* a block closes an open <p>: only inside <div>s */
		for (i = 0; i < f->depth; i++)
			if (f->stack[i] != FT_DIV)
				return NULL;
		buf_putc(&f->out, ' ');
		break;
	case FK_INLINE:
		if (t == FT_A && f->anchors++ > 0)
			return NULL;
		break;
	}
	if (empty || f->depth == FAST_DEPTH)
		return NULL;
	f->stack[f->depth++] = t;
	return e;
}

/* An end tag at s (after "</"): the innermost element's only. */
static const char *
fast_end(struct fast *f, const char *s)
{
	const char	*e;
	int		 t;

	if ((t = fast_tag(s, &e)) < 0 || f->depth == 0 ||
	    f->stack[f->depth - 1] != t)
		return NULL;
	while (fast_blank(*e))
		e++;
	if (*e != '>')
		return NULL;
	f->depth--;
	/* libxml2 puts what follows the first top-level element inside
	 * it: its end adds no space there, but at the end of the text,
	 * which the normaliser drops */
	if (f->depth == 0 && f->root == 1)
		f->root = 2;
	else if (fast_tags[t].kind == FK_BLOCK)
		buf_putc(&f->out, ' ');
	else if (t == FT_A)
		f->anchors--;
	return e + 1;
}

/* Text (or a reference) outside every element opens an implied <p>. */
static void
fast_text(struct fast *f)
{
	if (f->depth > 0)
		return;
	buf_putc(&f->out, ' ');
	if (f->root == 0)
		f->root = 1;
	f->stack[f->depth++] = FT_P;
}

/* A reference at s (after '&') that libxml2 replaces; NULL otherwise. */
static const char *
fast_ref(struct fast *f, const char *s)
{
	const htmlEntityDesc	*d;
	char			 name[32], enc[4];
	unsigned long		 cp = 0;
	size_t			 n = 0;

	if (*s == '#') {
		int hex = s[1] == 'x' || s[1] == 'X';

		for (s += 1 + hex; n < 7 && (hex ? isxdigit((unsigned char)*s)
		    : isdigit((unsigned char)*s)); s++, n++)
			cp = cp * (hex ? 16 : 10) + (unsigned long)(*s <= '9' ?
			    *s - '0' : (*s | 0x20) - 'a' + 10);
		/* what libxml2 takes: XML characters but for the C0 */
		if (n == 0 || n == 7 || *s != ';' || cp < 0x20 ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE ||
		    cp == 0xFFFF || cp > 0x10FFFF)
			return NULL;
	} else {
		while (n < sizeof name - 1 && isalnum((unsigned char)s[n])) {
			name[n] = s[n];
			n++;
		}
		name[n] = '\0';
		if (n == 0 || s[n] != ';' ||
		    (d = htmlEntityLookup((const xmlChar *)name)) == NULL)
			return NULL;
		cp = d->value;
		s += n;
	}
	fast_text(f);
	buf_add(&f->out, enc, utf8_encode((uint32_t)cp, enc));
	return s + 1;
}

/* A run of text at s, up to a '<', a '&' or the end. */
static const char *
fast_run(struct fast *f, const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n = 0, i;
	int			 blank = 1;

	if (f->kept) {	/* text_scan() found nothing the parser drops */
		n = strcspn(s, "<&");
		for (i = 0; i < n && fast_blank(s[i]); i++)
			;
		blank = i == n;
	} else
		for (; u[n] != '\0' && u[n] != '<' && u[n] != '&'; n++) {
			if (u[n] < 0x20 && u[n] != '\t' && u[n] != '\n' &&
			    u[n] != '\r')
				return NULL;
			if (u[n] == 0xEF && u[n + 1] == 0xBF &&
			    (u[n + 2] == 0xBE || u[n + 2] == 0xBF))
				return NULL;	/* U+FFFE, U+FFFF: dropped */
			blank = blank && fast_blank(s[n]);
		}
	/* libxml2 keeps white space only inside an element, and white
	 * space before a reference counts as text */
	if (!blank || u[n] == '&')
		fast_text(f);
	if (f->depth > 0)
		buf_add(&f->out, s, n);
	return s + n;
}

/*
 * The text_html() of s (NUL-terminated, valid UTF-8), or NULL when it
 * holds markup text_fast() does not know. kept: text_scan() found no
 * character the parser drops in s (then runs of text are not checked).
 */
static char *
text_fast(const char *s, int kept)
{
	struct fast	 f;
	char		*out;

	if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB)
		return NULL;	/* a byte order mark */
	memset(&f, 0, sizeof f);
	f.kept = kept;
	buf_puts(&f.out, "");
	while (s != NULL && *s != '\0') {
		if (s[0] == '<' && s[1] == '/')
			s = fast_end(&f, s + 2);
		else if (s[0] == '<')
			s = fast_start(&f, s + 1);
		else if (s[0] == '&')
			s = fast_ref(&f, s + 1);
		else
			s = fast_run(&f, s);
	}
	if (s == NULL) {
		buf_free(&f.out);
		return NULL;
	}
	out = match_normalize_utf8(f.out.data);
	buf_free(&f.out);
	return out;
}

char *
search_body_text(const char *content, int html)
{
	const char	*s = content;
	char		*clean, *out;
	size_t		 n, len;
	int		 special;

	if (content == NULL)
		return xstrdup("");
	n = strlen(content);
	if (n > SEARCH_MAX_TEXT)
		n = SEARCH_MAX_TEXT;
	len = n;
	if ((clean = text_scan(content, n, &len, &special)) == NULL &&
	    content[n] != '\0')
		clean = xstrndup(content, n);	/* cut at SEARCH_MAX_TEXT */
	if (clean != NULL)
		s = clean;
	/* Text without markup or references is its own HTML text (the
	 * normaliser folds the spaces that blocks add): the parser is
	 * spared for most summaries. */
	if (!html || special == 0)
		out = match_normalize_utf8(s);
	else if ((out = text_fast(s, !(special & TEXT_DROPPED))) == NULL)
		out = text_html(s, len);
	free(clean);
	return out;
}

char *
search_article_text(const char *content, int html, const char *fulltext)
{
	char	*body = search_body_text(content, html), *full, *out;

	if (fulltext == NULL)
		return body;
	full = search_body_text(fulltext, 1);
	out = xasprintf("%s %s", body, full);
	free(body);
	free(full);
	return out;
}

char *
search_html_text(const char *content)
{
	char	*clean, *out;
	size_t	 n = strlen(content), len = n;
	int	 special;

	if (n > SEARCH_MAX_TEXT)
		len = n = SEARCH_MAX_TEXT;
	clean = text_scan(content, n, &len, &special);
	out = text_html(clean != NULL ? clean : content, len);
	free(clean);
	return out;
}

/* ---- terms ---- */

/* The most search_terms() sizes for at once: larger texts grow. */
#define TERMS_CAP_MAX	16384
#define TERMS_OUT_MAX	(256 * 1024)

/* A word of the set: where it is in out, its hash and length. */
struct term_slot {
	size_t		 off;	/* 1 + offset of the word in out; 0 free */
	uint32_t	 hash;
	uint32_t	 len;	/* bytes */
};

/* The distinct words of one article: a hash set over offsets into out. */
struct terms {
	struct buf		 out;	/* "w1 w2 w3" */
	struct term_slot	*slot;
	size_t			 cap;	/* a power of two */
	size_t			 n;
};

/* It places words in the set, and makes the first word of a pair term
 * (pair_hash()): part of the index, so changing it needs a new
 * SEARCH_TERMS_VERSION (and search_terms_version() says the byte order
 * it reads words in). Eight bytes a step, since words are mostly 8 to 20
 * bytes of UTF-8. */
static uint32_t
terms_hash(const char *s, size_t n)
{
	uint64_t	h = 0x9e3779b97f4a7c15ULL ^ n, w;
	size_t		k;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 29;
	}
	if (n > 0) {
		/* what memcpy(&w, s, n) into a zeroed w gives, without a
		 * call for each word's last bytes (5% of the worker's
		 * instructions) */
		w = 0;
		for (k = 0; k < n; k++)
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			w |= (uint64_t)(unsigned char)s[k] << (8 * (7 - k));
#else
			w |= (uint64_t)(unsigned char)s[k] << (8 * k);
#endif
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
	}
	h ^= h >> 32;
	return (uint32_t)h;
}

/* Double the set (or make its first cap slots). */
static void
terms_grow(struct terms *t, size_t cap)
{
	struct term_slot	*old = t->slot;
	size_t			 ocap = t->cap, i, j;

	t->cap = ocap == 0 ? cap : ocap * 2;
	t->slot = xcalloc(t->cap, sizeof *t->slot);
	for (i = 0; i < ocap; i++) {
		if (old[i].off == 0)
			continue;
		for (j = old[i].hash & (t->cap - 1); t->slot[j].off != 0;
		    j = (j + 1) & (t->cap - 1))
			;
		t->slot[j] = old[i];
	}
	free(old);
}

/* Add the term enc[0..len) (UTF-8: a word of 1 to SEARCH_MAX_WORD code
 * points, or a pair), whose terms_hash() is h, unless it is there
 * already. */
static void
terms_add_hashed(struct terms *t, const char *enc, size_t len, uint32_t h)
{
	size_t		 i, off;

	if (2 * (t->n + 1) > t->cap)
		terms_grow(t, 256);
	for (i = h & (t->cap - 1); t->slot[i].off != 0; i = (i + 1) &
	    (t->cap - 1)) {
		off = t->slot[i].off - 1;
		if (t->slot[i].hash == h && t->slot[i].len == len &&
		    memcmp(t->out.data + off, enc, len) == 0)
			return;
	}
	/* one check for the space and the word, no calls per word */
	if (t->out.len + len + 2 > t->out.cap)
		buf_grow(&t->out, len + 1);
	if (t->out.len > 0)
		t->out.data[t->out.len++] = ' ';
	t->slot[i].off = t->out.len + 1;
	t->slot[i].hash = h;
	t->slot[i].len = (uint32_t)len;
	t->n++;
	memcpy(t->out.data + t->out.len, enc, len);
	t->out.len += len;
	t->out.data[t->out.len] = '\0';
}

/* terms_add_hashed() of a term whose hash is to make. */
static void
terms_add_utf8(struct terms *t, const char *enc, size_t len)
{
	terms_add_hashed(t, enc, len, terms_hash(enc, len));
}

/* The code point at s (NUL-terminated, n bytes left); its length. */
static inline size_t
terms_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF && (s[1] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	return utf8_decode((const char *)s, n, cp);
}

/* match_is_word(), with the common cases first. */
static inline int
terms_is_word(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	if ((cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A))
		return 1;	/* Arabic letters (Lo) */
	return match_is_word(cp);
}

/* The PAIR_HASH_LEN characters of a pair term's first word, whose
 * terms_hash() is h, into out: base 32. */
static void
pair_digits(uint32_t h, char *out)
{
	static const char	digits[] = "0123456789abcdefghijklmnopqrstuv";
	size_t			i;

	for (i = 0; i < PAIR_HASH_LEN; i++, h >>= 5)
		out[i] = digits[h & 31];
}

/* Where a pair term starts to keep the word b[0..n): after ال. */
static size_t
pair_skip(const char *b, size_t n)
{
	return n > 4 && memcmp(b, PAIR_AL, 4) == 0 ? 4 : 0;
}

/* Add the pair term of the first word (its pair_digits() ha) and the
 * word b[0..blen) (UTF-8, after pair_skip(), at most PAIR_NEXT code points
 * of it), once: FTS5 pays more for a repeated term than the set does. */
static void
terms_add_pair(struct terms *t, const char *ha, const char *b, size_t blen)
{
	char	pair[PAIR_MARK_LEN + PAIR_HASH_LEN + PAIR_NEXT * 4];

	memcpy(pair, PAIR_MARK, PAIR_MARK_LEN);
	memcpy(pair + PAIR_MARK_LEN, ha, PAIR_HASH_LEN);
	memcpy(pair + PAIR_MARK_LEN + PAIR_HASH_LEN, b, blen);
	terms_add_utf8(t, pair, PAIR_MARK_LEN + PAIR_HASH_LEN + blen);
}

/*
 * Add every word of the normalised text s, its proclitic-less forms, and
 * the pair of every two words next to each other (whatever is between
 * them): a phrase is looked up by its pairs (query_term_fts()). Works on
 * the UTF-8 of s: a word is made of letters, marks and digits, never of
 * U+FFFD, so its bytes are exactly utf8_encode() of its decoded code
 * points, and a form is a tail of them (or ال and a tail).
 */
static void
terms_text(struct terms *t, const char *str)
{
	const unsigned char	*s = (const unsigned char *)str;
	uint32_t		 cps[SEARCH_MAX_WORD + 1], cp;
	size_t			 off[SEARCH_PAIR_MAX + 1];
	char			 form[SEARCH_MAX_WORD * 4 + 8];
	char			 hash[PAIR_HASH_LEN];	/* the word before */
	size_t			 n, i, k, start, nc, p, rest, skip;
	uint32_t		 h;
	int			 prev = 0;
	unsigned		 cuts;

	if (str == NULL)
		return;
	n = strlen(str);
	for (i = 0; i < n; ) {
		k = terms_decode(s + i, n - i, &cp);
		if (!terms_is_word(cp)) {
			i += k;
			continue;
		}
		start = i;
		nc = 0;
		do {
			if (nc <= SEARCH_PAIR_MAX)
				off[nc] = i - start;
			if (nc <= SEARCH_MAX_WORD)
				cps[nc] = cp;
			nc++;
			i += k;
			if (i >= n)
				break;
			k = terms_decode(s + i, n - i, &cp);
		} while (terms_is_word(cp));
		/* A long word takes part in pairs, cut: a phrase's first
		 * word is at most a proclitic and a query word. */
		if (prev) {
			skip = pair_skip(str + start, i - start);
			/* ال is two code points */
			terms_add_pair(t, hash, str + start + skip,
			    (nc > PAIR_NEXT + skip / 2 ? off[PAIR_NEXT +
			    skip / 2] : i - start) - skip);
		}
		prev = 1;
		h = terms_hash(str + start, nc > SEARCH_PAIR_MAX ?
		    off[SEARCH_PAIR_MAX] : i - start);
		pair_digits(h, hash);
		if (nc > SEARCH_MAX_WORD)
			continue;	/* i is at a non-word or the end */
		terms_add_hashed(t, str + start, i - start, h);
		cuts = match_clitic_cuts(cps, nc);
		for (p = 1; cuts != 0; p++, cuts >>= 2) {
			rest = i - start - off[p];
			if (cuts & 1)
				terms_add_utf8(t, str + start + off[p], rest);
			if (cuts & 2) {
				memcpy(form, "\xd8\xa7\xd9\x84", 4);
				memcpy(form + 4, str + start + off[p], rest);
				terms_add_utf8(t, form, rest + 4);
			}
		}
	}
}

char *
search_terms(const char *title, const char *body_text)
{
	struct terms	 t;
	char		*norm = NULL;
	size_t		 n, cap;

	memset(&t, 0, sizeof t);
	if (title != NULL)
		norm = match_normalize_utf8(title);
	/* Size the set from the text (a slot per four bytes: the distinct
	 * words, forms and pairs of news prose are about one per seven
	 * bytes, 310 in an article of 2.2 KB, and a set stays at most half
	 * full; a slot per eight bytes made most articles grow their set
	 * once, 8% of the worker's time) and the output once (words, forms
	 * and pairs: twice the text), rather than by doubling. Repetitive
	 * text would pay to clear more slots than it fills. */
	n = (norm != NULL ? strlen(norm) : 0) +
	    (body_text != NULL ? strlen(body_text) : 0);
	for (cap = 256; cap < n / 4 && cap < TERMS_CAP_MAX; cap *= 2)
		;
	terms_grow(&t, cap);
	buf_grow(&t.out, 2 * n < TERMS_OUT_MAX ? 2 * n : TERMS_OUT_MAX);
	buf_puts(&t.out, "");
	terms_text(&t, norm);
	free(norm);
	terms_text(&t, body_text);
	free(t.slot);
	return t.out.data;
}

char *
search_terms_version(void)
{
	static const uint16_t	one = 1;

	/* terms_hash() reads words eight bytes at a time, in the host's
	 * order: a store moved to a host of the other order is indexed
	 * again */
	return xasprintf("%d utf8proc %s libxml2 %s %s", SEARCH_TERMS_VERSION,
	    utf8proc_version(), xmlParserVersion,
	    *(const unsigned char *)&one ? "le" : "be");
}

/* ---- queries ---- */

void
search_query_free(struct search_query *q)
{
	size_t	i;

	if (q == NULL)
		return;
	for (i = 0; i < q->n; i++) {
		matcher_free(q->m[i]);
		free(q->needle[i]);
	}
	free(q->m);
	free(q->needle);
	free(q->fts);
	free(q);
}

/* The proclitics the matcher lets come before a keyword inside a word
 * (match.c's norm_proclitics), as normalised UTF-8. */
static const char *const query_proclitics[] = {
	"\xd9\x88", "\xd9\x81", "\xd8\xa8", "\xd9\x83",	/* و ف ب ك */
	"\xd9\x84", "\xd8\xa7\xd9\x84", "\xd9\x84\xd9\x84",	/* ل ال لل */
	"\xd9\x88\xd8\xa8", "\xd9\x88\xd9\x83",		/* وب وك */
	"\xd9\x88\xd9\x84", "\xd9\x81\xd8\xa8",		/* ول فب */
	"\xd9\x81\xd9\x83", "\xd9\x81\xd9\x84",		/* فك فل */
	"\xd9\x88\xd8\xa7\xd9\x84", "\xd9\x81\xd8\xa7\xd9\x84",	/* وال فال */
	"\xd8\xa8\xd8\xa7\xd9\x84", "\xd9\x83\xd8\xa7\xd9\x84",	/* بال كال */
	"\xd9\x88\xd9\x84\xd9\x84", "\xd9\x81\xd9\x84\xd9\x84",	/* ولل فلل */
	"\xd9\x88\xd8\xa8\xd8\xa7\xd9\x84",			/* وبال */
	"\xd9\x81\xd8\xa8\xd8\xa7\xd9\x84",			/* فبال */
	"\xd9\x88\xd9\x83\xd8\xa7\xd9\x84",			/* وكال */
	"\xd9\x81\xd9\x83\xd8\xa7\xd9\x84",			/* فكال */
};
/* What ل, ول, فل + ال contract to (ال's alef is gone): لل ولل فلل. */
static const char *const query_contracted[] = {
	"\xd9\x84\xd9\x84", "\xd9\x88\xd9\x84\xd9\x84",
	"\xd9\x81\xd9\x84\xd9\x84",
};

/* Append the pair term of the words a and b (UTF-8) as a quoted FTS5
 * string, the proclitic pre (may be "") before a; a prefix query when
 * star (b is the phrase's last word, any ending) and b is shorter than
 * the PAIR_NEXT code points a pair keeps of it. */
static void
query_pair(struct buf *fts, const char *pre, const char *a, size_t alen,
    const char *b, size_t blen, int star)
{
	char		ha[PAIR_HASH_LEN], word[SEARCH_PAIR_MAX * 4];
	uint32_t	cp;
	size_t		n = strlen(pre), i, cps;

	memcpy(word, pre, n);
	memcpy(word + n, a, alen);
	pair_digits(terms_hash(word, n + alen), ha);
	/* a last word ا or ال may be the start of an ال the pair left
	 * out: any next word then */
	if (star && (blen == 2 || blen == 4) && memcmp(b, PAIR_AL, blen) == 0)
		blen = 0;
	n = pair_skip(b, blen);
	for (i = n, cps = 0; i < blen && cps < PAIR_NEXT; cps++)
		i += utf8_decode(b + i, blen - i, &cp);
	buf_printf(fts, "\"" PAIR_MARK "%.*s%.*s\"%s", PAIR_HASH_LEN, ha,
	    (int)(i - n), b + n, star && cps < PAIR_NEXT ? "*" : "");
}

/*
 * Append the pair of a phrase's first word a and the next word b, where
 * the matcher may find a after a proclitic (first: the phrase starts with
 * a word character, which is not the exact word): the OR of the pair with
 * every proclitic in front of a, and for a word that starts with ال, of
 * لل, ولل, فلل and the rest of it. This is every word the index may hold
 * where the matcher finds a (match_start_ok()), so no match is lost.
 */
static void
query_first_pair(struct buf *fts, const char *a, size_t alen, const char *b,
    size_t blen, int star)
{
	size_t	i;

	buf_puts(fts, "(");
	query_pair(fts, "", a, alen, b, blen, star);
	for (i = 0; i < sizeof query_proclitics / sizeof *query_proclitics;
	    i++) {
		buf_puts(fts, " OR ");
		query_pair(fts, query_proclitics[i], a, alen, b, blen, star);
	}
	if (alen >= 4 && memcmp(a, "\xd8\xa7\xd9\x84", 4) == 0)
		for (i = 0; i < sizeof query_contracted /
		    sizeof *query_contracted; i++) {
			buf_puts(fts, " OR ");
			query_pair(fts, query_contracted[i], a + 4, alen - 4,
			    b, blen, star);
		}
	buf_puts(fts, ")");
}

/*
 * Append the FTS5 expression of one term (normalised text s) to fts. One
 * word is a quoted token, a prefix query when the term ends with it (the
 * matcher allows any ending there). Several words (a phrase, or a word
 * with punctuation inside) are the pairs of words next to each other that
 * terms_text() indexes, ANDed, the last one a prefix query when the term
 * ends with its word: far fewer candidates than the words alone when
 * they are common ("oil prices"). Sets *words to the number of words and
 * *plain when s is one word and nothing else.
 */
static int
query_term_fts(struct buf *fts, const char *s, enum term_kind kind,
    size_t *words, int *plain, char **cause)
{
	uint32_t	*cps;
	size_t		*ws, n, i, j, start, w;
	struct buf	 enc = { 0 };
	char		 e[4];
	int		 star;

	cps = utf8_to_cps(s, strlen(s), &n);
	ws = xcalloc(n + 1, sizeof *ws);	/* byte offsets in enc */
	*words = 0;
	buf_puts(&enc, "");
	for (i = 0; i < n; ) {
		if (!match_is_word(cps[i])) {
			i++;
			continue;
		}
		for (start = i; i < n && match_is_word(cps[i]); i++)
			;
		if (i - start > SEARCH_MAX_WORD) {
			*cause = xasprintf("a word longer than %d letters",
			    SEARCH_MAX_WORD);
			free(ws);
			free(cps);
			buf_free(&enc);
			return -1;
		}
		/* the words one after another in enc, ws[w] where word w
		 * starts and ws[w + 1] where it ends */
		for (j = start; j < i; j++)
			buf_add(&enc, e, utf8_encode(cps[j], e));
		ws[++*words] = enc.len;
	}
	star = n > 0 && match_is_word(cps[n - 1]) && kind != TERM_EXACT;
	if (*words > 0)
		buf_puts(fts, fts->len > 0 ? " AND " : "");
	if (*words == 1)
		buf_printf(fts, "\"%s\"%s", enc.data, star ? "*" : "");
	for (w = 0; w + 1 < *words; w++) {
		if (w > 0)
			buf_puts(fts, " AND ");
		if (w == 0 && kind != TERM_EXACT && match_is_word(cps[0]) &&
		    ws[1] == 4 && memcmp(enc.data, "\xd8\xa7\xd9\x84",
		    4) == 0)
			/* ال alone: the matcher also finds the rest of the
			 * phrase after لل, so after any word when the rest
			 * starts with punctuation ("ال/x" in "y/x"): the
			 * words, as before the pairs */
			buf_printf(fts, "\"%s\" AND \"%.*s\"%s", "\xd8\xa7"
			    "\xd9\x84", (int)(ws[2] - ws[1]), enc.data + ws[1],
			    star && *words == 2 ? "*" : "");
		else if (w == 0 && kind != TERM_EXACT && match_is_word(cps[0]))
			query_first_pair(fts, enc.data, ws[1],
			    enc.data + ws[1], ws[2] - ws[1],
			    star && *words == 2);
		else
			query_pair(fts, "", enc.data + ws[w],
			    ws[w + 1] - ws[w], enc.data + ws[w + 1],
			    ws[w + 2] - ws[w + 1], star && w + 2 == *words);
	}
	*plain = *words == 1 && n > 0 && match_is_word(cps[0]) &&
	    match_is_word(cps[n - 1]);
	free(ws);
	free(cps);
	buf_free(&enc);
	return 0;
}

/* Add one term (text[0..len), without the = of =WORD) to q. */
static int
query_add(struct search_query *q, struct buf *fts, const char *text,
    size_t len, enum term_kind kind, char **cause)
{
	struct matcher	*m;
	char		*raw, *norm, *kw, *why = NULL;
	size_t		 words;
	int		 plain = 0, rc;

	raw = xstrndup(text, len);
	if (len >= 3 && raw[0] == '/' && raw[len - 1] == '/') {
		*cause = xasprintf("'%s': regular expressions are not "
		    "supported by search; use words or \"a phrase\"", raw);
		free(raw);
		return -1;
	}
	norm = match_normalize_utf8(raw);
	rc = query_term_fts(fts, norm, kind, &words, &plain, &why);
	if (rc == 0 && words == 0)
		why = xstrdup("no letters or digits to search for");
	if (why != NULL) {
		*cause = xasprintf("'%s': %s", raw, why);
		free(why);
		free(norm);
		free(raw);
		return -1;
	}
	kw = xasprintf("%s%s", kind == TERM_EXACT ? "=" : "", raw);
	m = matcher_create();
	if (matcher_add(m, kw, &why) != 0) {
		*cause = xasprintf("'%s': %s", raw, why);
		free(why);
		matcher_free(m);
		free(norm);
		free(kw);
		free(raw);
		return -1;
	}
	free(kw);
	free(raw);
	/* After لل the matcher finds الرئيس as رئيس: look for that. */
	if (kind != TERM_EXACT && strncmp(norm, "\xd8\xa7\xd9\x84", 4) == 0 &&
	    norm[4] != '\0' && norm[4] != ' ')
		memmove(norm, norm + 4, strlen(norm + 4) + 1);
	q->m = xreallocarray(q->m, q->n + 1, sizeof *q->m);
	q->needle = xreallocarray(q->needle, q->n + 1, sizeof *q->needle);
	q->needle[q->n] = norm;
	q->m[q->n++] = m;
	/* The index holds ال + the rest for a word after لل, which only a
	 * keyword longer than ال itself may find. */
	if (kind != TERM_WORD || !plain ||
	    strcmp(norm, "\xd8\xa7\xd9\x84") == 0)
		q->exact = 0;
	return 0;
}

/* The next term of the query at *p: a "phrase" or a word. */
static int
query_next(struct search_query *q, struct buf *fts, const char **p,
    char **cause)
{
	const char	*s = *p, *e;

	if (*s == '"') {
		if ((e = strchr(s + 1, '"')) == NULL) {
			*cause = xstrdup("unterminated \" in the query");
			return -1;
		}
		*p = e + 1;
		/* "=a b" is the matcher's =WORD */
		if (e - s >= 3 && s[1] == '=')
			return query_add(q, fts, s + 2, (size_t)(e - s - 2),
			    TERM_EXACT, cause);
		return query_add(q, fts, s + 1, (size_t)(e - s - 1),
		    TERM_PHRASE, cause);
	}
	for (e = s; *e != '\0' && *e != '"' && *e != ' ' && *e != '\t' &&
	    *e != '\n' && *e != '\r'; e++)
		;
	*p = e;
	if (e - s >= 2 && *s == '=')
		return query_add(q, fts, s + 1, (size_t)(e - s - 1),
		    TERM_EXACT, cause);
	return query_add(q, fts, s, (size_t)(e - s), TERM_WORD, cause);
}

struct search_query *
search_query_parse(const char *query, char **cause)
{
	struct search_query	*q = xcalloc(1, sizeof *q);
	struct buf		 fts = { 0 };
	const char		*p = query;

	q->exact = 1;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		if (query_next(q, &fts, &p, cause) != 0) {
			buf_free(&fts);
			search_query_free(q);
			return NULL;
		}
	}
	if (q->n == 0) {
		*cause = xstrdup("empty query");
		buf_free(&fts);
		search_query_free(q);
		return NULL;
	}
	q->fts = fts.data;
	return q;
}

const char *
search_query_fts(const struct search_query *q)
{
	return q->fts;
}

int
search_query_exact(const struct search_query *q)
{
	return q->exact;
}

int
search_query_test(const struct search_query *q, const char *title,
    const char *body_text)
{
	size_t	i;

	/* body_text is normalised already, so a match in it contains the
	 * normalised keyword: strstr() rules most candidates out without
	 * the matcher. */
	for (i = 0; i < q->n; i++)
		if (!(title != NULL && matcher_test(q->m[i], title)) &&
		    !(body_text != NULL && strstr(body_text, q->needle[i]) !=
		    NULL && matcher_test(q->m[i], body_text)))
			return 0;
	return 1;
}

/* Non-zero when term i is in the title (ntitle: normalised) or in the
 * normalised body text. A match contains the normalised keyword, so
 * strstr() rules most texts out before the matcher runs. */
static int
query_term_test(const struct search_query *q, size_t i, const char *title,
    const char *ntitle, const char *body_text)
{
	return (ntitle != NULL && strstr(ntitle, q->needle[i]) != NULL &&
	    matcher_test(q->m[i], title)) || (body_text != NULL &&
	    strstr(body_text, q->needle[i]) != NULL &&
	    matcher_test(q->m[i], body_text));
}

int
search_query_test_body(const struct search_query *q, const char *title,
    const char *content, int html)
{
	return search_query_test_full(q, title, content, html, NULL);
}

int
search_query_test_full(const struct search_query *q, const char *title,
    const char *content, int html, const char *fulltext)
{
	char	*ntitle = title != NULL ? match_normalize_utf8(title) : NULL;
	char	*text = NULL;
	size_t	 i;

	for (i = 0; i < q->n; i++)
		if (!query_term_test(q, i, title, ntitle, NULL))
			break;
	/* The title alone does not do: make the body text (the costly
	 * part) and test again the terms it did not match. */
	if (i < q->n)
		text = search_article_text(content, html, fulltext);
	for (; i < q->n; i++)
		if (!query_term_test(q, i, title, ntitle, text))
			break;
	free(ntitle);
	free(text);
	return i == q->n;
}
