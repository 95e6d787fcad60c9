/*
 * charset.c - the encoding of a web page and its conversion to UTF-8
 * with iconv. Everything here counts bytes: the prescan window, the
 * ranges of the guess. See charset.h for the order of the sources.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "utf8.h"
#include "charset.h"

/* WHATWG labels that mean another encoding than iconv's of that name,
 * and common aliases iconv does not know. */
static const struct {
	const char	*label;
	const char	*name;
} charset_labels[] = {
	{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
	{ "unicode-1-1-utf-8", "UTF-8" },
	/* A page that says UTF-16 in its own bytes is not UTF-16. */
	{ "utf-16", "UTF-8" }, { "utf-16le", "UTF-8" },
	{ "utf-16be", "UTF-8" },
	{ "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
	{ "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
	{ "latin1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
	{ "x-cp1252", "WINDOWS-1252" },
	{ "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
	{ "x-cp1256", "WINDOWS-1256" }, { "cp1256", "WINDOWS-1256" },
	{ "x-cp1255", "WINDOWS-1255" },
	{ "iso-8859-8-i", "ISO-8859-8" }, { "logical", "ISO-8859-8" },
	{ "visual", "ISO-8859-8" },
	{ "gb2312", "GBK" }, { "x-gbk", "GBK" },
	{ "ks_c_5601-1987", "EUC-KR" }, { "x-sjis", "SHIFT_JIS" },
};

/* The UTF-8 sequences of s[0..n): good and bad ones. ASCII goes eight
 * bytes at a time: it is most of any page. */
static void
utf8_count(const unsigned char *s, size_t n, size_t *good, size_t *bad)
{
	size_t		i = 0, k;
	uint32_t	cp;
	uint64_t	w;

	*good = *bad = 0;
	while (i < n) {
		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_decode((const char *)s + i, n - i, &cp);
		if (cp == UTF8_REPLACEMENT && !(k == 3 && s[i] == 0xEF &&
		    s[i + 1] == 0xBF && s[i + 2] == 0xBD))
			(*bad)++;
		else
			(*good)++;
		i += k;
	}
}

/*
 * 0: not UTF-8, 1: ASCII only, 2: UTF-8 with non-ASCII characters. Text
 * with a few bad bytes among many good sequences (one in 20 or fewer: a
 * page pasted together, a cut download) is UTF-8 too; its bad bytes get
 * repaired. Single-byte Arabic or Hebrew text makes valid sequences only
 * by chance, far fewer than invalid ones.
 */
static int
utf8_kind(const unsigned char *s, size_t n)
{
	size_t	good, bad;

	utf8_count(s, n, &good, &bad);
	if (good == 0 && bad == 0)
		return 1;
	if (bad == 0 || (good >= 8 && bad * 20 <= good))
		return 2;
	return 0;
}

int
charset_is_utf8(const char *s, size_t n)
{
	size_t	good, bad;

	if (memchr(s, '\0', n) != NULL)
		return 0;
	utf8_count((const unsigned char *)s, n, &good, &bad);
	return bad == 0;
}

char *
charset_param(const char *s, size_t n)
{
	size_t	i, j;

	for (i = 0; i + 7 <= n; i++) {
		if (strncasecmp(s + i, "charset", 7) != 0)
			continue;
		for (j = i + 7; j < n && isspace((unsigned char)s[j]); j++)
			;
		if (j == n || s[j] != '=')
			continue;
		for (j++; j < n && (isspace((unsigned char)s[j]) ||
		    s[j] == '"' || s[j] == '\''); j++)
			;
		for (i = j; j < n && j - i < 40 && (isalnum((unsigned char)
		    s[j]) || strchr("-_.:", s[j]) != NULL); j++)
			;
		return j > i ? xstrndup(s + i, j - i) : NULL;
	}
	return NULL;
}

/* The iconv name for label (caller frees), or NULL when iconv has no
 * such encoding. */
static char *
charset_name(const char *label)
{
	iconv_t	cd;
	char	*up;
	size_t	 i;

	for (i = 0; i < sizeof charset_labels / sizeof charset_labels[0]; i++)
		if (strcasecmp(label, charset_labels[i].label) == 0)
			return xstrdup(charset_labels[i].name);
	up = xstrdup(label);
	for (i = 0; up[i] != '\0'; i++)
		up[i] = (char)toupper((unsigned char)up[i]);
	if ((cd = iconv_open("UTF-8", up)) == (iconv_t)-1) {
		free(up);
		return NULL;
	}
	iconv_close(cd);
	return up;
}

/* The value of attribute attr in the tag that starts at s (up to '>'),
 * or NULL. Caller frees. */
static char *
tag_attr(const char *s, size_t n, const char *attr)
{
	size_t	i, j, len = strlen(attr);

	for (i = 1; i + len < n && s[i] != '>'; i++) {
		if (!isspace((unsigned char)s[i - 1]) ||
		    strncasecmp(s + i, attr, len) != 0 || s[i + len] != '=')
			continue;
		i += len + 1;
		if (i < n && (s[i] == '"' || s[i] == '\''))
			i++;
		for (j = i; j < n && j - i < 64 && (isalnum((unsigned char)
		    s[j]) || s[j] == '-' || s[j] == '_'); j++)
			;
		return j > i ? xstrndup(s + i, j - i) : NULL;
	}
	return NULL;
}

/* The charset a <meta> in the prescan window declares, or NULL.
 * Caller frees. */
static char *
meta_charset(const char *s, size_t n)
{
	size_t	i, j;
	char	*v;

	if (n > CHARSET_PRESCAN)
		n = CHARSET_PRESCAN;
	for (i = 0; i + 5 < n; i++) {
		if (s[i] != '<' || strncasecmp(s + i + 1, "meta", 4) != 0)
			continue;
		for (j = i; j < n && s[j] != '>'; j++)
			;
		if ((v = charset_param(s + i, j - i)) != NULL)
			return v;
	}
	return NULL;
}

/* The lang attribute of <html> in the prescan window, or NULL. */
static char *
html_lang(const char *s, size_t n)
{
	size_t	i;

	if (n > CHARSET_PRESCAN)
		n = CHARSET_PRESCAN;
	for (i = 0; i + 5 < n; i++)
		if (s[i] == '<' && strncasecmp(s + i + 1, "html", 4) == 0 &&
		    (isspace((unsigned char)s[i + 5]) || s[i + 5] == '>'))
			return tag_attr(s + i, n - i, "lang");
	return NULL;
}

/*
 * A single-byte guess. Arabic letters in windows-1256 fill 0xC1-0xDF and
 * a few above 0xE0 (lam, mim, nun, ha, waw, ya); Hebrew letters in
 * windows-1255 are all 0xE0-0xFA. Latin text has few non-ASCII bytes
 * among many ASCII letters. The page's lang settles what it names.
 */
static const char *
guess_single_byte(const unsigned char *s, size_t n, const char *lang)
{
	size_t	i, ascii = 0, high = 0, low = 0, hebrew = 0;

	if (lang != NULL && (strncasecmp(lang, "ar", 2) == 0 ||
	    strncasecmp(lang, "fa", 2) == 0 || strncasecmp(lang, "ur", 2) == 0))
		return "WINDOWS-1256";
	if (lang != NULL && (strncasecmp(lang, "he", 2) == 0 ||
	    strncasecmp(lang, "iw", 2) == 0 || strncasecmp(lang, "yi", 2) == 0))
		return "WINDOWS-1255";
	for (i = 0; i < n; i++) {
		if (isalpha(s[i]))
			ascii++;
		else if (s[i] >= 0x80) {
			high++;
			if (s[i] >= 0xC1 && s[i] <= 0xDF)
				low++;
			else if (s[i] >= 0xE0 && s[i] <= 0xFA)
				hebrew++;
		}
	}
	if (high * 4 < ascii)
		return "WINDOWS-1252";
	if (hebrew * 10 >= high * 9 && low * 20 < high)
		return "WINDOWS-1255";
	return "WINDOWS-1256";
}

char *
charset_detect(const char *s, size_t n, const char *content_type)
{
	const unsigned char	*u = (const unsigned char *)s;
	char			*label, *name = NULL, *lang;
	int			 kind;

	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return xstrdup("UTF-8");
	if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return xstrdup("UTF-16LE");
	if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return xstrdup("UTF-16BE");
	kind = utf8_kind(u, n);
	if (kind == 2)
		return xstrdup("UTF-8");
	label = content_type != NULL ? charset_param(content_type,
	    strlen(content_type)) : NULL;
	if (label == NULL)
		label = meta_charset(s, n);
	if (label != NULL) {
		name = charset_name(label);
		free(label);
		if (name != NULL)
			return name;
	}
	if (kind == 1)
		return xstrdup("UTF-8");
	lang = html_lang(s, n);
	name = xstrdup(guess_single_byte(u, n, lang));
	free(lang);
	return name;
}

/* Convert with iconv into b; undecodable bytes become U+FFFD. */
static void
convert(iconv_t cd, const char *s, size_t n, struct buf *b)
{
	char	*in = (char *)s, *out;
	size_t	 inleft = n, outleft, r;

	while (inleft > 0) {
		buf_grow(b, inleft * 2 + 16);
		out = b->data + b->len;
		outleft = b->cap - b->len - 1;
		r = iconv(cd, &in, &inleft, &out, &outleft);
		b->len = (size_t)(out - b->data);
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		buf_add(b, "\xef\xbf\xbd", 3);
		if (errno != EILSEQ)
			break;		/* cut at the end */
		in++;
		inleft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
}

/* Valid UTF-8 without NUL is copied as it is; anything else goes
 * through utf8_repair(). (UTF-8 with a few bad bytes, which
 * charset_detect() calls UTF-8, was copied as it was too: libxml2 read
 * the rest of the page after the first bad byte as ISO-8859-1.) */
static void
utf8_copy(const char *s, size_t n, struct buf *b)
{
	if (charset_is_utf8(s, n))
		buf_add(b, s, n);
	else
		utf8_repair(s, n, b);
}

char *
charset_to_utf8(const char *s, size_t n, const char *enc, size_t *out_len)
{
	struct buf	 tmp = { 0 }, b = { 0 };
	iconv_t		 cd = (iconv_t)-1;

	if (strcasecmp(enc, "UTF-8") != 0) {
		cd = iconv_open("UTF-8", enc);
		if (cd == (iconv_t)-1)
			cd = iconv_open("UTF-8", "WINDOWS-1252");
	}
	if (cd == (iconv_t)-1) {
		if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
			s += 3;
			n -= 3;
		}
		utf8_copy(s, n, &b);
	} else {
		if (n >= 2 && strncasecmp(enc, "UTF-16", 6) == 0) {
			s += 2;		/* the byte order mark */
			n -= 2;
		}
		convert(cd, s, n, &tmp);
		iconv_close(cd);
		utf8_repair(tmp.data != NULL ? tmp.data : "", tmp.len, &b);
		buf_free(&tmp);
	}
	buf_grow(&b, 1);
	b.data[b.len] = '\0';
	*out_len = b.len;
	return b.data;
}
