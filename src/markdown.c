/*
 * markdown.c - Markdown to blocks, by hand (see the commit that added it
 * for why not libcmark). Two passes over the lines: the first collects
 * link reference definitions, the second builds blocks. Each line loses
 * its block quote markers, then the list items it continues (by
 * indentation, in columns with tabs to multiples of 4), and what is left
 * opens or continues a block. Paragraph text is kept raw until the block
 * ends and then parsed for inlines. Offsets are bytes; columns are
 * source columns, not display cells.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "utf8.h"
#include "markdown.h"

struct linkdef {
	char	*label;		/* lower-cased */
	char	*url;
};

struct item {
	int	 col;		/* content column */
	int	 ordered;
};

/* Longest link text or destination looked for, in bytes. */
#define LINK_SCAN_MAX	1024

/* The closer searches that failed up to the end of the paragraph. */
#define MEMO_RUNS	8

struct md {
	struct doc	*doc;
	struct linkdef	*defs;
	size_t		 ndefs;

	struct item	 items[MARKDOWN_MAX_DEPTH];
	int		 nitems;
	int		 next_number[MARKDOWN_MAX_DEPTH + 1];
	int		 list_kind[MARKDOWN_MAX_DEPTH + 1];	/* 0 none,
						 * 1 bullet, 2 ordered */

	/* The open leaf block: a paragraph, heading or list item whose raw
	 * text is in para, or a code block being filled. */
	struct buf	 para;
	int		 open;		/* 0 none, 1 text, 2 fence, 3 indented */
	enum block_type	 type;
	int		 level;
	int		 quote;
	int		 depth;		/* list items it is inside */
	char		 marker[32];
	int		 tight;
	int		 blanks;	/* blank lines in indented code */
	char		 fence_ch;
	size_t		 fence_len;
	int		 fence_indent;	/* absolute column of the fence */
	int		 fence_base;	/* content column of its item */
	int		 base;		/* content column of the line's item */
	int		 last_quote;	/* quote depth of the last block */

	/* inline parsing */
	const char	*text;
	size_t		 text_len;
	size_t		 memo[3][MEMO_RUNS];	/* '*', '_', '`': failed
						 * searches from here on */
};

/* ---- small helpers ---- */

static int
is_blank_line(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* Leading white space of s in columns (tabs to multiples of 4). */
static int
indent_of(const char *s, size_t n, size_t *bytes)
{
	size_t	i;
	int	col = 0;

	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		col = s[i] == '\t' ? (col / 4 + 1) * 4 : col + 1;
	if (bytes != NULL)
		*bytes = i;
	return col;
}

/* Drop up to cols columns of leading white space from *s. */
static void
strip_cols(const char **s, size_t *n, int cols)
{
	int	col = 0;

	while (*n > 0 && col < cols && (**s == ' ' || **s == '\t')) {
		col = **s == '\t' ? (col / 4 + 1) * 4 : col + 1;
		(*s)++;
		(*n)--;
	}
}

static char *
lower_label(const char *s, size_t n)
{
	struct buf	b = { 0 };
	size_t		i;
	int		space = 0;

	for (i = 0; i < n; i++) {
		if (isspace((unsigned char)s[i])) {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, tolower((unsigned char)s[i]));
	}
	buf_grow(&b, 0);
	b.data[b.len] = '\0';
	return b.data;
}

static const char *
find_def(struct md *m, const char *label, size_t n)
{
	char	*l = lower_label(label, n);
	size_t	 i;

	for (i = 0; i < m->ndefs; i++)
		if (strcmp(m->defs[i].label, l) == 0) {
			free(l);
			return m->defs[i].url;
		}
	free(l);
	return NULL;
}

/* "[label]: url" (after quote markers and up to 3 spaces)? */
static int
parse_def(const char *s, size_t n, char **label, char **url)
{
	size_t	i = 0, a, b;

	while (i < n && i < 3 && s[i] == ' ')
		i++;
	if (i >= n || s[i] != '[')
		return 0;
	a = ++i;
	while (i < n && s[i] != ']' && s[i] != '[')
		i += s[i] == '\\' && i + 1 < n ? 2 : 1;
	if (i >= n || s[i] != ']' || i == a || i + 1 >= n || s[i + 1] != ':')
		return 0;
	b = i;
	for (i += 2; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	if (i >= n)
		return 0;
	if (s[i] == '<') {
		size_t	u = ++i;

		while (i < n && s[i] != '>')
			i++;
		if (i >= n)
			return 0;
		*url = xstrndup(s + u, i - u);
	} else {
		size_t	u = i;

		while (i < n && !isspace((unsigned char)s[i]))
			i++;
		*url = xstrndup(s + u, i - u);
	}
	*label = lower_label(s + a, b - a);
	return 1;
}

/* Strip block quote markers; returns the depth. */
static int
strip_quotes(const char **s, size_t *n)
{
	int	q = 0;
	size_t	i;

	for (;;) {
		for (i = 0; i < *n && i < 3 && (*s)[i] == ' '; i++)
			;
		if (i >= *n || (*s)[i] != '>' || q >= MARKDOWN_MAX_DEPTH)
			return q;
		i++;
		if (i < *n && ((*s)[i] == ' ' || (*s)[i] == '\t'))
			i++;
		*s += i;
		*n -= i;
		q++;
	}
}

/* ---- inlines ---- */

static void inlines(struct md *, struct block *, size_t, size_t, uint16_t,
    int);

static int
is_punct(int c)
{
	return c > 0x20 && c < 0x7F && ispunct(c);
}

static void
add_cp(struct block *b, uint32_t cp, uint16_t attr)
{
	char	enc[4];

	block_add_utf8(b, enc, utf8_encode(cp, enc), attr, 1);
}

static size_t
run_length(const char *s, size_t i, size_t end, char c)
{
	size_t	k = i;

	while (k < end && s[k] == c)
		k++;
	return k - i;
}

static int
memo_slot(char c)
{
	return c == '*' ? 0 : c == '_' ? 1 : 2;
}

/* The start of a run of exactly len c's (len >= 1) after i and before
 * end that can close (for '*'/'_': not after white space; '_' not
 * before a letter or digit). Returns end when there is none. */
static size_t
find_closer(struct md *m, size_t i, size_t end, char c, size_t len)
{
	const char	*s = m->text;
	size_t		 k = i, r, *memo = NULL;

	if (len <= MEMO_RUNS) {
		memo = &m->memo[memo_slot(c)][len - 1];
		if (*memo <= i)
			return end;
	}
	while (k < end) {
		if (s[k] == '\\' && c != '`') {
			k += 2;
			continue;
		}
		if (s[k] != c) {
			k++;
			continue;
		}
		r = run_length(s, k, end, c);
		if (c == '`' ? r == len : r >= len && !isspace((unsigned
		    char)s[k - 1]) && (c != '_' || k + r >= end ||
		    !isalnum((unsigned char)s[k + r])))
			return k;
		k += r;
	}
	if (memo != NULL && end == m->text_len)
		*memo = i;
	return end;
}

/* A code span at i (a run of backticks); returns the bytes used, 0 when
 * the run has no closer (then it is text). */
static size_t
code_span(struct md *m, struct block *b, size_t i, size_t end,
    uint16_t attr)
{
	const char	*s = m->text;
	size_t		 r = run_length(s, i, end, '`'), c, a, z, k;
	uint32_t	 cp;

	c = find_closer(m, i + r, end, '`', r);
	if (c >= end)
		return 0;
	a = i + r;
	z = c;
	if (z - a >= 2 && (s[a] == ' ' || s[a] == '\n') &&
	    (s[z - 1] == ' ' || s[z - 1] == '\n') &&
	    !is_blank_line(s + a, z - a)) {
		a++;
		z--;
	}
	for (k = a; k < z; ) {
		k += utf8_decode(s + k, z - k, &cp);
		block_add(b, cp == '\n' || cp == '\t' ? ' ' : cp,
		    attr | ATTR_CODE);
	}
	return c + r - i;
}

/* Emphasis at i: returns the bytes used, 0 when it is text. */
static size_t
emphasis(struct md *m, struct block *b, size_t i, size_t end,
    uint16_t attr, int depth)
{
	const char	*s = m->text;
	char		 c = s[i];
	size_t		 r = run_length(s, i, end, c), close;
	uint16_t	 a;

	if (r > 3)
		return 0;
	if (i + r >= end || isspace((unsigned char)s[i + r]))
		return 0;	/* not left-flanking */
	if (c == '_' && i > 0 && isalnum((unsigned char)s[i - 1]))
		return 0;	/* intraword underscore */
	close = find_closer(m, i + r, end, c, r);
	if (close >= end)
		return 0;
	a = r == 1 ? ATTR_ITALIC : r == 2 ? ATTR_BOLD :
	    ATTR_BOLD | ATTR_ITALIC;
	inlines(m, b, i + r, close, attr | a, depth + 1);
	return close + r - i;
}

/* The end of a bracketed text starting at s[i] == '[': the index of its
 * ']', or end. Bounded to keep "[[[[..." linear enough. */
static size_t
bracket_end(const char *s, size_t i, size_t end)
{
	size_t	k, nest = 0, lim = end - i > LINK_SCAN_MAX ?
		    i + LINK_SCAN_MAX : end;

	for (k = i; k < lim; k++) {
		if (s[k] == '\\') {
			k++;
			continue;
		}
		if (s[k] == '[')
			nest++;
		else if (s[k] == ']' && --nest == 0)
			return k;
	}
	return end;
}

/* "(dest "title")" at i: dest into *u (caller frees); returns the index
 * after ')' or 0. */
static size_t
link_dest(const char *s, size_t i, size_t end, char **u)
{
	size_t	a, z, depth = 0;

	/* Bounded, as bracket_end(): "[a]([a](..." stays linear. */
	if (end - i > LINK_SCAN_MAX)
		end = i + LINK_SCAN_MAX;
	if (i >= end || s[i] != '(')
		return 0;
	for (i++; i < end && isspace((unsigned char)s[i]); i++)
		;
	if (i < end && s[i] == '<') {
		a = ++i;
		while (i < end && s[i] != '>' && s[i] != '\n')
			i++;
		if (i >= end || s[i] != '>')
			return 0;
		z = i++;
	} else {
		a = i;
		while (i < end && !isspace((unsigned char)s[i]) &&
		    (s[i] != ')' || depth > 0)) {
			if (s[i] == '(')
				depth++;
			else if (s[i] == ')')
				depth--;
			i += s[i] == '\\' && i + 1 < end ? 2 : 1;
		}
		z = i;
	}
	while (i < end && isspace((unsigned char)s[i]))
		i++;
	if (i < end && (s[i] == '"' || s[i] == '\'' || s[i] == '(')) {
		char	q = s[i] == '(' ? ')' : s[i];

		for (i++; i < end && s[i] != q; i++)
			if (s[i] == '\\')
				i++;
		if (i >= end)
			return 0;
		for (i++; i < end && isspace((unsigned char)s[i]); i++)
			;
	}
	if (i >= end || s[i] != ')')
		return 0;
	*u = xstrndup(s + a, z - a);
	return i + 1;
}

/* A link or image at i ('[' or "!["); returns the bytes used or 0. */
static size_t
link(struct md *m, struct block *b, size_t i, size_t end, uint16_t attr,
    int depth)
{
	const char	*s = m->text, *def;
	size_t		 t = s[i] == '!' ? i + 1 : i, close, after, k;
	char		*url = NULL, ref[32];
	int		 image = s[i] == '!';

	close = bracket_end(s, t, end);
	if (close >= end)
		return 0;
	after = link_dest(s, close + 1, end, &url);
	if (after == 0 && close + 1 < end && s[close + 1] == '[') {
		k = bracket_end(s, close + 1, end);
		if (k < end) {
			def = k == close + 2 ? find_def(m, s + t + 1,
			    close - t - 1) : find_def(m, s + close + 2,
			    k - close - 2);
			if (def != NULL) {
				url = xstrdup(def);
				after = k + 1;
			}
		}
	}
	if (after == 0 && (def = find_def(m, s + t + 1, close - t - 1)) !=
	    NULL) {
		url = xstrdup(def);
		after = close + 1;
	}
	if (after == 0)
		return 0;
	if (image) {
		size_t	start = b->len;

		block_add_utf8(b, "[image", 6, attr | ATTR_MARKER, 1);
		if (close > t + 1) {
			block_add_utf8(b, ": ", 2, attr | ATTR_MARKER, 1);
			inlines(m, b, t + 1, close, attr | ATTR_MARKER,
			    depth + 1);
		}
		block_add_utf8(b, "]", 1, attr | ATTR_MARKER, 1);
		for (k = start; k < b->len; k++)
			b->attr[k] = attr | ATTR_MARKER;
		free(url);
		return after - i;
	}
	inlines(m, b, t + 1, close, attr | ATTR_LINK, depth + 1);
	if (url[0] != '\0' && url[0] != '#') {
		snprintf(ref, sizeof ref, "[%zu]", doc_add_link(m->doc, url));
		block_add_utf8(b, ref, strlen(ref), ATTR_LINK | ATTR_MARKER,
		    1);
	}
	free(url);
	return after - i;
}

/* "<scheme:...>" or "<user@host>": returns the bytes used or 0. */
static size_t
autolink(struct md *m, struct block *b, size_t i, size_t end,
    uint16_t attr)
{
	const char	*s = m->text;
	size_t		 k, colon = 0, at = 0;
	char		*url, ref[32];

	for (k = i + 1; k < end && s[k] != '>'; k++) {
		if (isspace((unsigned char)s[k]) || s[k] == '<')
			return 0;
		if (s[k] == ':' && colon == 0)
			colon = k;
		if (s[k] == '@')
			at = k;
	}
	if (k >= end || (colon < i + 3 && at == 0))
		return 0;
	if (colon == 0 && at == 0)
		return 0;
	url = colon != 0 ? xstrndup(s + i + 1, k - i - 1) :
	    xasprintf("mailto:%.*s", (int)(k - i - 1), s + i + 1);
	block_add_utf8(b, s + i + 1, k - i - 1, attr | ATTR_LINK, 1);
	snprintf(ref, sizeof ref, "[%zu]", doc_add_link(m->doc, url));
	block_add_utf8(b, ref, strlen(ref), ATTR_LINK | ATTR_MARKER, 1);
	free(url);
	return k + 1 - i;
}

/* "&name;" or "&#n;": returns the bytes used or 0. */
static size_t
entity(const char *s, size_t i, size_t end, uint32_t *cp)
{
	static const struct { const char *name; uint32_t cp; } names[] = {
		{ "amp", '&' }, { "lt", '<' }, { "gt", '>' },
		{ "quot", '"' }, { "apos", '\'' }, { "nbsp", 0xA0 },
		{ "zwnj", 0x200C }, { "zwj", 0x200D }, { "mdash", 0x2014 },
		{ "ndash", 0x2013 }, { "hellip", 0x2026 },
	};
	size_t	k, j;
	char	*e;
	long	 v;

	for (k = i + 1; k < end && k < i + 12 && s[k] != ';'; k++)
		;
	if (k >= end || s[k] != ';' || k == i + 1)
		return 0;
	if (s[i + 1] == '#') {
		int	hex = k > i + 2 && (s[i + 2] == 'x' || s[i + 2] == 'X');
		char	num[12];

		if (k - i - 2 - hex == 0 || k - i - 2 - hex >= sizeof num)
			return 0;
		memcpy(num, s + i + 2 + hex, k - i - 2 - hex);
		num[k - i - 2 - hex] = '\0';
		v = strtol(num, &e, hex ? 16 : 10);
		if (*e != '\0' || v <= 0 || v > 0x10FFFF ||
		    (v >= 0xD800 && v < 0xE000))
			v = UTF8_REPLACEMENT;
		*cp = (uint32_t)v;
		return k + 1 - i;
	}
	for (j = 0; j < sizeof names / sizeof names[0]; j++)
		if (strlen(names[j].name) == k - i - 1 &&
		    strncmp(names[j].name, s + i + 1, k - i - 1) == 0) {
			*cp = names[j].cp;
			return k + 1 - i;
		}
	return 0;
}

/* A line break at s[i] == '\n': hard after two spaces or a backslash. */
static void
line_break(struct block *b, const char *s, size_t i, size_t start)
{
	if ((i >= start + 2 && s[i - 1] == ' ' && s[i - 2] == ' ') ||
	    (i > start && s[i - 1] == '\\')) {
		if (i > start && s[i - 1] == '\\' && b->len > 0 &&
		    b->text[b->len - 1] == '\\')
			b->len--;
		block_trim(b);
		block_add(b, DOC_BREAK, 0);
	} else
		block_add_utf8(b, " ", 1, 0, 1);
}

/* The length of the escape sequence at s[i] == ESC, dropped whole
 * (block_add_utf8() would only see its pieces). */
static size_t
escape_length(const char *s, size_t i, size_t end)
{
	size_t	k = i + 1;

	if (k < end && s[k] == '[') {
		for (k++; k < end && (unsigned char)s[k] >= 0x20 &&
		    (unsigned char)s[k] < 0x40; k++)
			;
		return (k < end ? k + 1 : k) - i;
	}
	if (k < end && s[k] == ']') {
		while (k < end && s[k] != 0x07 && !(s[k] == 0x1B &&
		    k + 1 < end && s[k + 1] == '\\'))
			k++;
		return (k < end ? k + (s[k] == 0x07 ? 1 : 2) : k) - i;
	}
	return (k < end ? k + 1 : k) - i;
}

static void
inlines(struct md *m, struct block *b, size_t i, size_t end, uint16_t attr,
    int depth)
{
	const char	*s = m->text;
	size_t		 used, start = i, k;
	uint32_t	 cp;

	while (i < end) {
		used = 0;
		switch (s[i]) {
		case '\\':
			if (i + 1 < end && is_punct((unsigned char)s[i + 1])) {
				add_cp(b, (unsigned char)s[i + 1], attr);
				used = 2;
			}
			break;
		case '`':
			used = code_span(m, b, i, end, attr);
			if (used == 0) {
				k = run_length(s, i, end, '`');
				block_add_utf8(b, s + i, k, attr, 1);
				used = k;
			}
			break;
		case '*':
		case '_':
			if (depth < MARKDOWN_MAX_DEPTH)
				used = emphasis(m, b, i, end, attr, depth);
			if (used == 0) {
				/* An unmatched run is text, whole. */
				used = run_length(s, i, end, s[i]);
				block_add_utf8(b, s + i, used, attr, 1);
			}
			break;
		case '!':
			if (i + 1 < end && s[i + 1] == '[' &&
			    depth < MARKDOWN_MAX_DEPTH)
				used = link(m, b, i, end, attr, depth);
			break;
		case '[':
			if (depth < MARKDOWN_MAX_DEPTH)
				used = link(m, b, i, end, attr, depth);
			break;
		case '<':
			if (i + 4 <= end && (strncasecmp(s + i, "<br>", 4) == 0
			    || (i + 5 <= end && strncasecmp(s + i, "<br/>",
			    5) == 0) || (i + 6 <= end && strncasecmp(s + i,
			    "<br />", 6) == 0))) {
				block_add(b, DOC_BREAK, 0);
				used = s[i + 3] == '>' ? 4 : s[i + 3] == '/' ?
				    5 : 6;
			} else
				used = autolink(m, b, i, end, attr);
			break;
		case '&':
			if ((used = entity(s, i, end, &cp)) > 0)
				block_add(b, cp, attr);
			break;
		case '\n':
			line_break(b, s, i, start);
			used = 1;
			break;
		case 0x1B:
			used = escape_length(s, i, end);
			break;
		}
		if (used == 0) {
			/* Plain text up to the next special byte. */
			for (k = i + 1; k < end && !strchr("\\`*_![<&\n\x1b",
			    s[k]); k++)
				;
			block_add_utf8(b, s + i, k - i, attr, 1);
			used = k - i;
		}
		i += used;
	}
}

/* ---- blocks ---- */

static struct block *
new_block(struct md *m, enum block_type type, int quote, int indent)
{
	struct block	*b = doc_add_block(m->doc, type);

	b->quote = quote;
	b->indent = indent;
	b->dir = DIR_AUTO;
	m->last_quote = quote;
	return b;
}

/* The first heading's text as the document's title. */
static void
take_title(struct md *m, const struct block *b)
{
	struct buf	t = { 0 };
	size_t		i;
	char		enc[4];

	if (m->doc->title != NULL)
		return;
	for (i = 0; i < b->len; i++)
		if (!(b->attr[i] & ATTR_MARKER))
			buf_add(&t, enc, utf8_encode(b->text[i] == DOC_BREAK ?
			    ' ' : b->text[i], enc));
	buf_grow(&t, 0);
	t.data[t.len] = '\0';
	m->doc->title = t.data;
}

/* End the open leaf block. */
static void
close_leaf(struct md *m)
{
	struct block	*b;
	size_t		 i;

	if (m->open == 1) {
		i = m->para.len;
		while (i > 0 && (m->para.data[i - 1] == ' ' ||
		    m->para.data[i - 1] == '\t' || m->para.data[i - 1] == '\n'))
			i--;
		b = new_block(m, m->type, m->quote, m->type == BLOCK_ITEM ?
		    m->depth : m->depth > 0 ? m->depth + 1 : 0);
		b->level = m->level;
		b->tight = m->tight;
		if (m->type == BLOCK_ITEM) {
			block_add_utf8(b, m->marker, strlen(m->marker),
			    ATTR_MARKER, 0);
			b->hang = utf8_str_width(m->marker);
		}
		m->text = m->para.data != NULL ? m->para.data : "";
		m->text_len = i;
		memset(m->memo, 0xff, sizeof m->memo);
		inlines(m, b, 0, i, 0, 0);
		if (m->type == BLOCK_HEADING) {
			block_trim(b);
			if (b->len > 0)
				take_title(m, b);
		}
		if (m->type != BLOCK_ITEM)
			doc_drop_empty(m->doc);
	} else if (m->open == 2 || m->open == 3) {
		b = &m->doc->blocks[m->doc->nblocks - 1];
		while (b->len > 0 && b->text[b->len - 1] == DOC_BREAK)
			b->len--;
	}
	buf_reset(&m->para);
	m->open = 0;
	m->tight = 0;
}

static void
open_text(struct md *m, enum block_type type, int level, int quote)
{
	close_leaf(m);
	m->open = 1;
	m->type = type;
	m->level = level;
	m->quote = quote;
	m->depth = m->nitems;
	m->tight = 0;
}

static void
add_para_line(struct md *m, const char *s, size_t n)
{
	size_t	k;

	indent_of(s, n, &k);
	if (m->para.len > 0)
		buf_putc(&m->para, '\n');
	buf_add(&m->para, s + k, n - k);
}

static void
pre_line(struct md *m, const char *s, size_t n)
{
	struct block	*b = &m->doc->blocks[m->doc->nblocks - 1];

	if (b->len > 0 || m->blanks > 0)
		block_add(b, DOC_BREAK, 0);
	for (; m->blanks > 0; m->blanks--)
		block_add(b, DOC_BREAK, 0);
	if (n > 0 && s[n - 1] == '\r')
		n--;
	block_add_utf8(b, s, n, ATTR_CODE, 0);
}

static void
open_pre(struct md *m, int quote, int kind)
{
	close_leaf(m);
	new_block(m, BLOCK_PRE, quote, m->nitems > 0 ? m->nitems + 1 : 0);
	m->open = kind;
	m->quote = quote;
	m->blanks = 0;
}

/* A thematic break: three or more of one of -*_ with spaces. */
static int
is_rule(const char *s, size_t n)
{
	size_t	i, count = 0;
	char	c = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')
			continue;
		if (s[i] != '-' && s[i] != '*' && s[i] != '_')
			return 0;
		if (c != 0 && s[i] != c)
			return 0;
		c = s[i];
		count++;
	}
	return count >= 3;
}

/* A setext underline: = or - only (trailing spaces allowed). */
static int
setext_level(const char *s, size_t n)
{
	size_t	i = 0;
	char	c;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' ||
	    s[n - 1] == '\t'))
		n--;
	if (n == 0 || (s[0] != '=' && s[0] != '-'))
		return 0;
	c = s[0];
	for (i = 0; i < n; i++)
		if (s[i] != c)
			return 0;
	return c == '=' ? 1 : 2;
}

/* An ATX heading: its level and text, or 0. */
static int
atx(const char *s, size_t n, const char **text, size_t *len)
{
	size_t	i = 0, z;

	while (i < n && s[i] == '#')
		i++;
	if (i == 0 || i > 6 || (i < n && s[i] != ' ' && s[i] != '\t' &&
	    s[i] != '\r'))
		return 0;
	z = n;
	while (z > i && isspace((unsigned char)s[z - 1]))
		z--;
	/* A closing run of #s after a space goes. */
	{
		size_t	h = z;

		while (h > i && s[h - 1] == '#')
			h--;
		if (h == i || s[h - 1] == ' ' || s[h - 1] == '\t')
			z = h;
	}
	while (i < z && isspace((unsigned char)s[i]))
		i++;
	while (z > i && isspace((unsigned char)s[z - 1]))
		z--;
	*text = s + i;
	*len = z - i;
	return (int)(s[0] == '#' ? (size_t)strspn(s, "#") : 0);
}

/* A list marker: its length (marker plus spaces up to the content) or
 * 0; *number gets the start of an ordered list, -1 for bullets. */
static size_t
list_marker(const char *s, size_t n, long *number)
{
	size_t	i = 0, k;
	int	sp;

	if (n > 0 && (s[0] == '-' || s[0] == '*' || s[0] == '+')) {
		*number = -1;
		i = 1;
	} else {
		while (i < n && i < 9 && isdigit((unsigned char)s[i]))
			i++;
		if (i == 0 || i >= n || (s[i] != '.' && s[i] != ')'))
			return 0;
		*number = strtol(s, NULL, 10);
		i++;
	}
	if (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
		return 0;
	if (is_blank_line(s + i, n - i))
		return i + 1;	/* an empty item */
	sp = indent_of(s + i, n - i, &k);
	return sp > 4 ? i + 1 : i + k;
}

/* Start a list item; s[0..n) is the line from its marker. */
static void
start_item(struct md *m, int quote, int col, const char *s, size_t n,
    size_t mlen, long number)
{
	int	depth, ordered = number >= 0, first;

	if (m->nitems >= MARKDOWN_MAX_DEPTH - 1) {
		open_text(m, BLOCK_PARA, 0, quote);
		add_para_line(m, s, n);
		return;
	}
	depth = m->nitems + 1;
	first = m->list_kind[depth] != (ordered ? 2 : 1);
	if (first)
		m->next_number[depth] = ordered ? (int)(number % 1000000000) :
		    0;
	m->list_kind[depth] = ordered ? 2 : 1;
	m->items[m->nitems].col = m->base + col + (int)mlen;
	m->items[m->nitems].ordered = ordered;
	m->nitems++;
	open_text(m, BLOCK_ITEM, 0, quote);
	m->tight = !first || depth > 1;
	if (ordered)
		snprintf(m->marker, sizeof m->marker, "%d. ",
		    m->next_number[depth]++);
	else
		snprintf(m->marker, sizeof m->marker, "\xe2\x80\xa2 ");
	if (mlen < n)
		add_para_line(m, s + mlen, n - mlen);
}

/* Forget list numbering deeper than depth. */
static void
end_lists(struct md *m, int depth)
{
	int	i;

	for (i = depth + 1; i <= MARKDOWN_MAX_DEPTH; i++)
		m->list_kind[i] = 0;
}

/* A line that is not blank and not in a code block. */
static void
text_line(struct md *m, int quote, const char *s, size_t n, int col)
{
	const char	*t;
	size_t		 tl, mlen;
	long		 number;
	int		 level, para = m->open == 1 && m->type == BLOCK_PARA;

	if (col >= 4 && m->open != 1) {
		open_pre(m, quote, 3);
		strip_cols(&s, &n, 4);
		pre_line(m, s, n);
		return;
	}
	strip_cols(&s, &n, 3);
	if ((n >= 3 && (strncmp(s, "```", 3) == 0 || strncmp(s, "~~~",
	    3) == 0))) {
		open_pre(m, quote, 2);
		m->fence_ch = s[0];
		m->fence_len = run_length(s, 0, n, s[0]);
		m->fence_indent = m->base + col;
		m->fence_base = m->base;
		return;
	}
	if ((level = atx(s, n, &t, &tl)) > 0) {
		open_text(m, BLOCK_HEADING, level, quote);
		buf_add(&m->para, t, tl);
		close_leaf(m);
		end_lists(m, m->nitems);
		return;
	}
	if (para && m->quote == quote && m->depth == m->nitems &&
	    (level = setext_level(s, n)) > 0) {
		m->type = BLOCK_HEADING;
		m->level = level;
		close_leaf(m);
		return;
	}
	if (is_rule(s, n)) {
		close_leaf(m);
		new_block(m, BLOCK_RULE, quote, 0);
		end_lists(m, m->nitems);
		return;
	}
	if ((mlen = list_marker(s, n, &number)) > 0 && (!para ||
	    (number <= 1 && !is_blank_line(s + mlen, n - mlen)))) {
		start_item(m, quote, col, s, n, mlen, number);
		return;
	}
	if (m->open == 1 && m->quote == quote && m->depth == m->nitems) {
		add_para_line(m, s, n);
		return;
	}
	open_text(m, BLOCK_PARA, 0, quote);
	end_lists(m, m->nitems);
	add_para_line(m, s, n);
}

/* Does the line (after quotes) start a block, so it cannot be a lazy
 * paragraph continuation? */
static int
starts_block(const char *s, size_t n)
{
	const char	*t;
	size_t		 tl;
	long		 number;

	strip_cols(&s, &n, 3);
	return is_rule(s, n) || atx(s, n, &t, &tl) > 0 ||
	    list_marker(s, n, &number) > 0 || (n >= 3 &&
	    (strncmp(s, "```", 3) == 0 || strncmp(s, "~~~", 3) == 0));
}

/* A line inside a fenced code block; returns 1 when it was one. */
static int
fence_line(struct md *m, int quote, const char *s, size_t n)
{
	size_t	k;
	int	col;

	if (m->open != 2)
		return 0;
	if (quote < m->quote) {
		close_leaf(m);
		return 0;
	}
	col = indent_of(s, n, &k);
	if (col < m->fence_base + 4 &&
	    run_length(s, k, n, m->fence_ch) >= m->fence_len &&
	    is_blank_line(s + k + run_length(s, k, n, m->fence_ch),
	    n - k - run_length(s, k, n, m->fence_ch))) {
		close_leaf(m);
		return 1;
	}
	strip_cols(&s, &n, m->fence_indent);
	pre_line(m, s, n);
	return 1;
}

static void
one_line(struct md *m, const char *s, size_t n)
{
	int	quote, col, k;
	size_t	skip;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	quote = strip_quotes(&s, &n);
	if (fence_line(m, quote, s, n))
		return;
	if (is_blank_line(s, n)) {
		if (m->open == 3) {
			m->blanks++;
			return;
		}
		if (m->open == 1)
			close_leaf(m);
		return;
	}
	col = indent_of(s, n, &skip);
	/* Lazy continuation of a paragraph. */
	if (m->open == 1 && m->type != BLOCK_HEADING && quote <= m->quote &&
	    !starts_block(s, n) && (quote < m->quote ||
	    (m->nitems > 0 && col < m->items[m->nitems - 1].col))) {
		add_para_line(m, s, n);
		return;
	}
	/* Which list items does the line continue? */
	for (k = 0; k < m->nitems && col >= m->items[k].col; k++)
		;
	if (quote != m->last_quote && m->open != 1)
		k = 0;
	if (k < m->nitems) {
		close_leaf(m);
		m->nitems = k;
	}
	if (m->open == 3 && (col - (k > 0 ? m->items[k - 1].col : 0) < 4 ||
	    quote != m->quote))
		close_leaf(m);
	if (m->open == 3) {
		strip_cols(&s, &n, (k > 0 ? m->items[k - 1].col : 0) + 4);
		pre_line(m, s, n);
		return;
	}
	m->base = k > 0 ? m->items[k - 1].col : 0;
	if (k > 0) {
		strip_cols(&s, &n, m->base);
		col -= m->base;
	}
	text_line(m, quote, s, n, col);
}

/* First pass: collect the link reference definitions. */
static void
collect_defs(struct md *m, const char *s, size_t n)
{
	const char	*line = s, *nl, *t;
	size_t		 len, tl;
	char		*label, *url;

	while (line < s + n) {
		nl = memchr(line, '\n', (size_t)(s + n - line));
		len = nl != NULL ? (size_t)(nl - line) : (size_t)(s + n - line);
		t = line;
		tl = len;
		strip_quotes(&t, &tl);
		if (parse_def(t, tl, &label, &url)) {
			m->defs = xreallocarray(m->defs, m->ndefs + 1,
			    sizeof *m->defs);
			m->defs[m->ndefs].label = label;
			m->defs[m->ndefs++].url = url;
		}
		line += len + 1;
	}
}

void
markdown_to_doc(const char *s, size_t n, struct doc *d)
{
	struct md	 m;
	const char	*line, *nl, *t;
	size_t		 len, tl, i;
	char		*label, *url;

	memset(&m, 0, sizeof m);
	m.doc = d;
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		n -= 3;
	}
	collect_defs(&m, s, n);
	for (line = s; line < s + n; line += len + 1) {
		nl = memchr(line, '\n', (size_t)(s + n - line));
		len = nl != NULL ? (size_t)(nl - line) : (size_t)(s + n - line);
		if (m.open == 0 || m.open == 3) {
			t = line;
			tl = len;
			strip_quotes(&t, &tl);
			if (parse_def(t, tl, &label, &url)) {
				free(label);
				free(url);
				continue;
			}
		}
		one_line(&m, line, len);
	}
	close_leaf(&m);
	doc_add_link_list(d);
	for (i = 0; i < m.ndefs; i++) {
		free(m.defs[i].label);
		free(m.defs[i].url);
	}
	free(m.defs);
	buf_free(&m.para);
}
