/*
 * charset.h - web pages to UTF-8: which encoding the bytes are in (byte
 * order mark, HTTP header, <meta>, then a guess from the bytes), and the
 * conversion. No network, no printing.
 */
#ifndef AKHBAR_CHARSET_H
#define AKHBAR_CHARSET_H

#include <stddef.h>

/* Bytes of the start of a page searched for <meta charset> and lang. */
#define CHARSET_PRESCAN		4096

/*
 * The encoding of the page s[0..n), as a name iconv knows (a string
 * literal, or from content_type or the page: caller frees). In order:
 * a byte order mark; the charset parameter of content_type (the HTTP
 * Content-Type header, may be NULL); a <meta charset> or <meta
 * http-equiv=content-type> in the first CHARSET_PRESCAN bytes; else a
 * guess. A declared encoding loses to bytes that are UTF-8 with
 * non-ASCII characters in them (all valid, or at most one bad byte for
 * 20 good sequences): servers and templates that say ISO-8859-1 or
 * windows-1256 over UTF-8 text are common, the reverse is almost
 * impossible by chance. The guess: UTF-8 as above; else
 * windows-1256 (Arabic, Persian, Urdu), windows-1255 (Hebrew) or
 * windows-1252 by the ranges the non-ASCII bytes fall in and the
 * page's lang attribute.
 */
char	*charset_detect(const char *s, size_t n, const char *content_type);
/*
 * s[0..n) in encoding enc (from charset_detect()) converted to UTF-8,
 * without a byte order mark, with every undecodable byte and NUL as
 * U+FFFD; *out_len gets the length. An encoding iconv does not know
 * reads as windows-1252. Caller frees.
 */
char	*charset_to_utf8(const char *s, size_t n, const char *enc,
	    size_t *out_len);
/* Is s[0..n) valid UTF-8 without NUL bytes? */
int	 charset_is_utf8(const char *s, size_t n);
/*
 * The value of the charset parameter in s (a Content-Type value or the
 * inside of a <meta> tag, n bytes), or NULL. Caller frees.
 */
char	*charset_param(const char *s, size_t n);

#endif
