/*
 * utf8.c - decoding and encoding UTF-8, display widths (in terminal
 * cells) and grapheme boundaries through utf8proc, and the sanitizer that
 * stands between untrusted text and the terminal.
 */
#include <string.h>
#include <utf8proc.h>

#include "util.h"
#include "utf8.h"

size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char	*s = (const unsigned char *)str;
	uint32_t		 c, min;
	size_t			 len, i;

	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if (i >= n || (s[i] & 0xC0) != 0x80) {
			*cp = UTF8_REPLACEMENT;
			return i;
		}
		c = (c << 6) | (s[i] & 0x3F);
		/* Reject overlongs and surrogates as early as possible. */
		if (i == 1 && ((len == 3 && c < (min >> 6)) ||
		    (len == 4 && c < (min >> 12)) ||
		    (len == 3 && c >= 0x360 && c <= 0x37F) ||
		    (len == 4 && c > 0x10F))) {
			*cp = UTF8_REPLACEMENT;
			return 1;
		}
	}
	*cp = c;
	return len;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

uint32_t *
utf8_to_cps(const char *s, size_t n, size_t *out_len)
{
	uint32_t	*cps;
	size_t		 i = 0, k = 0;

	cps = xreallocarray(NULL, n + 1, sizeof *cps);
	while (i < n)
		i += utf8_decode(s + i, n - i, &cps[k++]);
	*out_len = k;
	return cps;
}

void
utf8_repair(const char *s, size_t n, struct buf *b)
{
	uint32_t	cp;
	size_t		i = 0, k;
	char		enc[4];

	buf_grow(b, n);
	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_REPLACEMENT || cp == 0)
			buf_add(b, enc, utf8_encode(UTF8_REPLACEMENT, enc));
		else
			buf_add(b, s + i, k);
		i += k;
	}
}

int
utf8_width(uint32_t cp)
{
	int	w;

	if (cp < 0x7F)
		return cp >= 0x20;
	/* Arabic letters and presentation forms: the common case, one cell. */
	if ((cp >= 0x0621 && cp <= 0x064A) || (cp >= 0xFE70 && cp <= 0xFEFC &&
	    cp != 0xFEFF))
		return 1;
	w = utf8proc_charwidth((utf8proc_int32_t)cp);
	if (w < 0)
		return 0;
	if (w == 0)
		return 0;
	return w > 2 ? 2 : w;
}

size_t
utf8_str_width(const char *s)
{
	size_t		n = strlen(s), i = 0, w = 0;
	uint32_t	cp;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		if (utf8_is_printable(cp))
			w += (size_t)utf8_width(cp);
	}
	return w;
}

int
utf8_grapheme_break(uint32_t a, uint32_t b, int32_t *state)
{
	return utf8proc_grapheme_break_stateful((utf8proc_int32_t)a,
	    (utf8proc_int32_t)b, state);
}

int
utf8_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

int
utf8_is_printable_slow(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x300)
		return cp != 0xAD;
	if (utf8_is_bidi_control(cp))
		return 0;
	switch (cp) {
	case 0x200B: case 0x200C: case 0x200D: case 0x2028: case 0x2029:
	case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064:
	case 0xFEFF: case 0xFFF9: case 0xFFFA: case 0xFFFB:
		return 0;
	}
	if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
		return 0;
	if (cp >= 0xE0000 && cp <= 0xE007F)	/* tag characters */
		return 0;
	return cp <= 0x10FFFF;
}

int
utf8_is_escape_start(uint32_t cp)
{
	return cp == 0x1B || cp == 0x9B || cp == 0x9D || cp == 0x90 ||
	    cp == 0x98 || cp == 0x9E || cp == 0x9F;
}

/* Is the byte at s[i] (i < n) in [lo, hi]? Bytes >= 0x80 never are:
 * they belong to the text that follows. */
static int
byte_in(const char *s, size_t n, size_t i, int lo, int hi)
{
	return i < n && (unsigned char)s[i] >= lo && (unsigned char)s[i] <= hi;
}

/*
 * The body of a control string (OSC, DCS, SOS, PM, APC) from s[i]: its
 * ASCII bytes up to and with BEL or ESC \. A byte >= 0x80 or another C0
 * control ends it unconsumed; so does an ESC that starts something else.
 */
static size_t
skip_string(const char *s, size_t n, size_t i)
{
	while (byte_in(s, n, i, 0x20, 0x7E) || byte_in(s, n, i, 0x08, 0x0D))
		i++;
	if (byte_in(s, n, i, 0x07, 0x07))
		return i + 1;
	if (byte_in(s, n, i, 0x1B, 0x1B) && byte_in(s, n, i + 1, '\\', '\\'))
		return i + 2;
	return i;
}

/* Parameters, intermediates and the final byte of a CSI from s[i]. */
static size_t
skip_csi(const char *s, size_t n, size_t i)
{
	while (byte_in(s, n, i, 0x30, 0x3F))
		i++;
	while (byte_in(s, n, i, 0x20, 0x2F))
		i++;
	return byte_in(s, n, i, 0x40, 0x7E) ? i + 1 : i;
}

/*
 * Escape sequences are made of ASCII bytes only (ECMA-48): whatever the
 * introducer, parsing stops at the first byte that cannot continue the
 * sequence and leaves it alone, so a stray ESC before a letter never eats
 * the letter's lead byte.
 */
size_t
utf8_skip_escape(const char *s, size_t n, size_t i)
{
	uint32_t	cp;

	i += utf8_decode(s + i, n - i, &cp);
	if (cp == 0x9B)
		return skip_csi(s, n, i);
	if (cp != 0x1B)		/* 8-bit OSC, DCS, SOS, PM, APC */
		return skip_string(s, n, i);
	if (byte_in(s, n, i, '[', '['))
		return skip_csi(s, n, i + 1);
	if (i < n && strchr("]PX^_", s[i]) != NULL && s[i] != '\0')
		return skip_string(s, n, i + 1);
	/* ESC, intermediates (SP to /), a final byte (0 to ~). */
	while (byte_in(s, n, i, 0x20, 0x2F))
		i++;
	return byte_in(s, n, i, 0x30, 0x7E) ? i + 1 : i;
}

char *
utf8_sanitize(const char *s, size_t n, int flags)
{
	struct buf	b = { 0 };
	uint32_t	cp;
	size_t		i = 0, k;
	char		enc[4];

	buf_grow(&b, n);
	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (utf8_is_escape_start(cp)) {
			i = utf8_skip_escape(s, n, i);
			continue;
		}
		i += k;
		if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 ||
		    cp == 0x2029 || cp == 0x85) {
			if (!(flags & UTF8_FOLD_SPACE))
				continue;
			cp = ' ';
		}
		if (cp == ' ') {
			if ((flags & UTF8_SQUEEZE) && (b.len == 0 ||
			    b.data[b.len - 1] == ' '))
				continue;
			buf_putc(&b, ' ');
			continue;
		}
		if (!utf8_is_printable(cp) && !utf8_is_joiner(cp))
			continue;
		buf_add(&b, enc, utf8_encode(cp, enc));
	}
	if (flags & UTF8_SQUEEZE)
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.len--;
	buf_grow(&b, 0);
	b.data[b.len] = '\0';
	return b.data;
}
