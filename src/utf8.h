/*
 * utf8.h - UTF-8 decoding, display widths, grapheme boundaries and the
 * screen sanitizer. The only module that asks how wide a character is.
 */
#ifndef AKHBAR_UTF8_H
#define AKHBAR_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT	0xFFFD

/*
 * Decode one code point from s (n > 0 bytes available). Invalid or
 * truncated sequences, surrogates and overlongs give U+FFFD and consume
 * the maximal invalid prefix (at least one byte). Returns bytes consumed.
 */
size_t	 utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (4 bytes room). Returns the number of bytes. */
size_t	 utf8_encode(uint32_t cp, char *out);
/*
 * Decode a whole string into a fresh array of code points; *out_len gets
 * the count. Caller frees.
 */
uint32_t *utf8_to_cps(const char *s, size_t n, size_t *out_len);

/* Append s[0..n) to b with every invalid sequence and NUL replaced by
 * U+FFFD; everything else is copied as it is. */
struct buf;
void	 utf8_repair(const char *s, size_t n, struct buf *b);

/* Terminal cells taken by cp: 0 (marks, format), 1 or 2 (wide). */
int	 utf8_width(uint32_t cp);
/* Cells taken by a UTF-8 string, after sanitizing. */
size_t	 utf8_str_width(const char *s);
/* Non-zero when there is a grapheme cluster boundary between a and b;
 * *state starts at 0 for each text. */
int	 utf8_grapheme_break(uint32_t a, uint32_t b, int32_t *state);

/* Non-zero for a bidi control (LRE..RLO, LRI..PDI, LRM, RLM, ALM). */
int	 utf8_is_bidi_control(uint32_t cp);
/*
 * Non-zero when cp may be written to a terminal: not C0/C1/DEL, not a bidi
 * control, not a zero-width format character (ZWJ, ZWNJ, U+FEFF, U+2028/9,
 * soft hyphen...), not a noncharacter.
 */
int	 utf8_is_printable_slow(uint32_t cp);
static inline int
utf8_is_printable(uint32_t cp)
{
	/* The common cases first: ASCII, and Latin to Arabic (minus the
	 * soft hyphen and the Arabic letter mark) and Arabic presentation
	 * forms. */
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp >= 0xA0 && cp < 0x0700)
		return cp != 0xAD && cp != 0x061C;
	if (cp >= 0xFE70 && cp <= 0xFEFC)
		return 1;
	return utf8_is_printable_slow(cp);
}
/* Non-zero for ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER: not printable
 * on their own (zero width), but text that every output keeps. */
static inline int
utf8_is_joiner(uint32_t cp)
{
	return cp == 0x200C || cp == 0x200D;
}
/* Non-zero when cp starts an escape sequence: ESC, or the 8-bit CSI,
 * OSC, DCS, SOS, PM or APC. */
int	 utf8_is_escape_start(uint32_t cp);
/*
 * Index just past the escape sequence that starts at s[i] (ESC or an
 * 8-bit introducer, see utf8_is_escape_start()), its parameters and its
 * string up to BEL or ST. Only ASCII bytes belong to a sequence: it ends
 * before the first byte >= 0x80 (or any byte that cannot continue it),
 * which is left for the caller as text. The one parser of escape
 * sequences: the sanitizer and the document model both use it.
 */
size_t	 utf8_skip_escape(const char *s, size_t n, size_t i);
/* Flags of utf8_sanitize(). */
#define UTF8_FOLD_SPACE		0x1	/* tabs, newlines -> spaces */
#define UTF8_SQUEEZE		0x4	/* runs of spaces -> one, trimmed */

/*
 * The screen sanitizer for untrusted text that does not go through the
 * layout engine: decodes s (n bytes), replaces invalid UTF-8 with U+FFFD,
 * drops escape sequences (ESC and 8-bit CSI/OSC/DCS with their parameters
 * and strings, see utf8_skip_escape()) and every character that
 * utf8_is_printable() rejects except the joiners ZWNJ and ZWJ, which are
 * spelling (Persian "mi-shavad" is not "mishavad") and harmless to a
 * terminal; turns tabs, newlines and line/paragraph separators into spaces
 * with UTF8_FOLD_SPACE (else drops them). Caller frees.
 */
char	*utf8_sanitize(const char *s, size_t n, int flags);

#endif
