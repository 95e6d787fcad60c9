/*
 * search.c - the text of the store's full-text index and the translation
 * of a user's query into an FTS5 expression (see search.h).
 *
 * FTS5 knows whole tokens only, and the matcher (match.c) matches a
 * keyword at the start of a word, after Arabic proclitics, with any
 * ending. So the index holds, per article, every normalised word AND
 * every word without a leading proclitic ("بادلب" also as "ادلب"), and a
 * query word becomes the prefix query "ادلب"*: a term starts with the
 * keyword exactly when the matcher would find it. Terms are written by
 * this file with single spaces between words made only of letters, marks
 * and digits, and the index uses FTS5's "ascii" tokenizer, which splits
 * at ASCII non-alphanumerics only; so SQLite's own Unicode tables never
 * decide where a word ends, the matcher's do. Strings are UTF-8; lengths
 * of words are in code points.
 */
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
 * back as it is: markup, references and the C0 controls it drops. */
static const unsigned char text_special[128] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1,
	[0x05] = 1, [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x0B] = 1,
	[0x0C] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1,
	[0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1,
	[0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1,
	[0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
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
 * U+FFFD, for libxml2 and the matcher (its length in *len). Sets *plain
 * to 0 when libxml2's HTML parser might make s into anything but its
 * own text: it has a '<', a '&', a C0 control other than tab, LF and CR,
 * U+FFFE or U+FFFF (which the parser drops); else to 1.
 */
static char *
text_scan(const char *s, size_t n, size_t *len, int *plain)
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
			special = 1;
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
	*plain = !special;
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

char *
search_body_text(const char *content, int html)
{
	const char	*s = content;
	char		*clean, *out;
	size_t		 n, len;
	int		 plain;

	if (content == NULL)
		return xstrdup("");
	n = strlen(content);
	if (n > SEARCH_MAX_TEXT)
		n = SEARCH_MAX_TEXT;
	len = n;
	if ((clean = text_scan(content, n, &len, &plain)) == NULL &&
	    content[n] != '\0')
		clean = xstrndup(content, n);	/* cut at SEARCH_MAX_TEXT */
	if (clean != NULL)
		s = clean;
	/* Text without markup or references is its own HTML text (the
	 * normaliser folds the spaces that blocks add): the parser is
	 * spared for most summaries. */
	if (!html || plain)
		out = match_normalize_utf8(s);
	else
		out = text_html(s, len);
	free(clean);
	return out;
}

char *
search_html_text(const char *content)
{
	char	*clean, *out;
	size_t	 n = strlen(content), len = n;
	int	 plain;

	if (n > SEARCH_MAX_TEXT)
		len = n = SEARCH_MAX_TEXT;
	clean = text_scan(content, n, &len, &plain);
	out = text_html(clean != NULL ? clean : content, len);
	free(clean);
	return out;
}

/* ---- terms ---- */

/* The distinct words of one article: a hash set over offsets into out. */
struct terms {
	struct buf	 out;	/* "w1 w2 w3" */
	size_t		*slot;	/* 1 + offset of a word in out; 0 free */
	uint32_t	*hash;
	uint32_t	*len;	/* bytes of the word at slot */
	size_t		 cap;
	size_t		 n;
};

static uint32_t
terms_hash(const char *s, size_t n)
{
	uint32_t	h = 2166136261u;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void
terms_grow(struct terms *t)
{
	size_t		 ocap = t->cap, i, j;
	size_t		*oslot = t->slot;
	uint32_t	*ohash = t->hash, *olen = t->len;

	t->cap = ocap == 0 ? 256 : ocap * 2;
	t->slot = xcalloc(t->cap, sizeof *t->slot);
	t->hash = xcalloc(t->cap, sizeof *t->hash);
	t->len = xcalloc(t->cap, sizeof *t->len);
	for (i = 0; i < ocap; i++) {
		if (oslot[i] == 0)
			continue;
		for (j = ohash[i] & (t->cap - 1); t->slot[j] != 0;
		    j = (j + 1) & (t->cap - 1))
			;
		t->slot[j] = oslot[i];
		t->hash[j] = ohash[i];
		t->len[j] = olen[i];
	}
	free(oslot);
	free(ohash);
	free(olen);
}

/* Add the word enc[0..len) (UTF-8, 1 to SEARCH_MAX_WORD code points)
 * unless it is there already. */
static void
terms_add_utf8(struct terms *t, const char *enc, size_t len)
{
	size_t		 i, off;
	uint32_t	 h;

	h = terms_hash(enc, len);
	if (2 * (t->n + 1) > t->cap)
		terms_grow(t);
	for (i = h & (t->cap - 1); t->slot[i] != 0; i = (i + 1) &
	    (t->cap - 1)) {
		off = t->slot[i] - 1;
		if (t->hash[i] == h && t->len[i] == len &&
		    memcmp(t->out.data + off, enc, len) == 0)
			return;
	}
	if (t->out.len > 0)
		buf_putc(&t->out, ' ');
	t->slot[i] = t->out.len + 1;
	t->hash[i] = h;
	t->len[i] = (uint32_t)len;
	t->n++;
	buf_add(&t->out, enc, len);
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

/*
 * Add every word of the normalised text s and its proclitic-less forms.
 * Works on the UTF-8 of s: a word is made of letters, marks and digits,
 * never of U+FFFD, so its bytes are exactly utf8_encode() of its
 * decoded code points, and a form is a tail of them (or ال and a tail).
 */
static void
terms_text(struct terms *t, const char *str)
{
	const unsigned char	*s = (const unsigned char *)str;
	uint32_t		 cps[SEARCH_MAX_WORD + 1], cp;
	size_t			 off[SEARCH_MAX_WORD + 1];
	char			 form[SEARCH_MAX_WORD * 4 + 8];
	size_t			 n, i, k, start, nc, p, rest;
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
			if (nc <= SEARCH_MAX_WORD) {
				off[nc] = i - start;
				cps[nc] = cp;
			}
			nc++;
			i += k;
			if (i >= n)
				break;
			k = terms_decode(s + i, n - i, &cp);
		} while (terms_is_word(cp));
		if (nc > SEARCH_MAX_WORD)
			continue;	/* i is at a non-word or the end */
		terms_add_utf8(t, str + start, i - start);
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
	char		*norm;

	memset(&t, 0, sizeof t);
	buf_puts(&t.out, "");
	if (title != NULL) {
		norm = match_normalize_utf8(title);
		terms_text(&t, norm);
		free(norm);
	}
	terms_text(&t, body_text);
	free(t.slot);
	free(t.hash);
	free(t.len);
	return t.out.data;
}

char *
search_terms_version(void)
{
	return xasprintf("%d utf8proc %s libxml2 %s", SEARCH_TERMS_VERSION,
	    utf8proc_version(), xmlParserVersion);
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

/*
 * Append the FTS5 expression of one term (normalised text s) to fts:
 * each word as a quoted token, a prefix query for the last word when the
 * term ends with it (the matcher allows any ending there). Sets *words
 * to the number of words and *plain when s is one word and nothing else.
 */
static int
query_term_fts(struct buf *fts, const char *s, enum term_kind kind,
    size_t *words, int *plain, char **cause)
{
	uint32_t	*cps;
	size_t		 n, i, j, start;
	char		 enc[4];

	cps = utf8_to_cps(s, strlen(s), &n);
	*words = 0;
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
			free(cps);
			return -1;
		}
		buf_puts(fts, fts->len > 0 ? " AND \"" : "\"");
		for (j = start; j < i; j++)
			buf_add(fts, enc, utf8_encode(cps[j], enc));
		buf_puts(fts, i == n && kind != TERM_EXACT ? "\"*" : "\"");
		(*words)++;
	}
	*plain = *words == 1 && n > 0 && match_is_word(cps[0]) &&
	    match_is_word(cps[n - 1]);
	free(cps);
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
	char	*ntitle = title != NULL ? match_normalize_utf8(title) : NULL;
	char	*text = NULL;
	size_t	 i;

	for (i = 0; i < q->n; i++)
		if (!query_term_test(q, i, title, ntitle, NULL))
			break;
	/* The title alone does not do: make the body text (the costly
	 * part) and test again the terms it did not match. */
	if (i < q->n)
		text = search_body_text(content, html);
	for (; i < q->n; i++)
		if (!query_term_test(q, i, title, ntitle, text))
			break;
	free(ntitle);
	free(text);
	return i == q->n;
}
