/*
 * saved.h - akhbar's saved-article format: one UTF-8 file with a header
 * of "Name: value" lines and a body (HTML or plain text) after the first
 * blank line, readable in any pager and reopened by akhbar with the same
 * title, metadata and rendering:
 *
 *	akhbar-article: 1
 *	Title: قمة عربية في الرياض
 *	Feed: الجزيرة نت
 *	Author: مراسل
 *	Date: 2024-05-06T07:15:00Z
 *	Link: https://www.aljazeera.net/news/2024/5/6/summit
 *	Tags: news, arabic
 *	Enclosure: https://www.aljazeera.net/a.mp3 (audio/mpeg, 12.3 MB)
 *	Content-Type: text/html; charset=utf-8
 *
 *	<p>انطلقت اليوم أعمال القمة العربية في الرياض.</p>
 *
 * The first line is always exactly SAVED_MAGIC (that is how a saved file
 * is told apart from any other text). Header values are single lines:
 * saved_write() folds newlines and tabs into spaces and drops control
 * and bidi control characters. Unknown header names are ignored, so later
 * versions may add some. Dates are UTC, RFC 3339.
 *
 * Ownership: a struct saved_meta filled in by saved_parse()
 * owns its strings (free with saved_meta_clear()); one the caller fills
 * in for saved_write()/saved_format()/saved_filename() is only read.
 * Failures return -1 (or NULL) and set *cause, which the caller frees.
 * Nothing here prints.
 */
#ifndef AKHBAR_SAVED_H
#define AKHBAR_SAVED_H

#include <stddef.h>
#include <stdint.h>

/* The first line of every saved file (without its newline). */
#define SAVED_MAGIC		"akhbar-article: 1"
/* Longest file name saved_filename() makes, in bytes (with ".txt"). */
#define SAVED_NAME_MAX		120
/* Longest header saved_parse() reads, in bytes; the rest is body. */
#define SAVED_HEADER_MAX	65536

/* An article's metadata. Strings are UTF-8, or NULL when absent. */
struct saved_meta {
	char	*title;
	char	*feed;		/* the feed's title */
	char	*author;
	char	*link;
	char	*tags;		/* comma separated */
	char	*enclosure;	/* saved_enclosure()'s "URL (type, size)" */
	int64_t	 date;		/* UTC seconds; 0 when unknown */
};

/* Free the strings of m and zero it (for metas saved_*() filled in). */
void	 saved_meta_clear(struct saved_meta *m);

/*
 * A header value made safe: one line with no control characters, no
 * bidi controls and no escape sequences; tabs and newlines fold into
 * spaces, runs of spaces collapse, the ends are trimmed, invalid UTF-8
 * becomes U+FFFD; the joiners (ZWNJ, ZWJ) stay: Persian needs them.
 * (utf8_sanitize() with UTF8_FOLD_SPACE | UTF8_SQUEEZE.) Caller frees.
 */
char	*saved_clean_value(const char *s, size_t n);

/*
 * An enclosure's type and size for people: "audio/mpeg, 12.3 MB",
 * "audio/mpeg" or "12.3 MB" (unknown parts left out; sizes in decimal
 * units: bytes, kB, MB, GB, TB), or NULL when both are unknown (type NULL
 * or "", length 0 or less). Caller frees.
 */
char	*saved_enclosure_info(const char *type, int64_t length);

/*
 * The Enclosure header value (the reader shows the same line): "URL
 * (type, size)", or just "URL" when neither is known; NULL when url is
 * NULL or "". Caller frees.
 */
char	*saved_enclosure(const char *url, const char *type, int64_t length);

/* Non-zero when s[0..n) starts with the saved format's first line. */
int	 saved_sniff(const char *s, size_t n);

/*
 * The whole file for an article: header then body (len bytes; made
 * valid UTF-8, a byte order mark dropped). body_is_html picks the
 * Content-Type. Header values are sanitized and folded to one line.
 * *out_len (may be NULL) gets the length. Caller frees.
 */
char	*saved_format(const struct saved_meta *m, const char *body,
	    size_t len, int body_is_html, size_t *out_len);

/*
 * Parse the header of the saved file s[0..n) into *m (zeroed first;
 * free with saved_meta_clear()). *body_off gets the offset of the body
 * in s, *body_is_html whether it is HTML. Only the header is read, so a
 * prefix of the file (at least up to the blank line) is enough; a header
 * with no blank line within n bytes ends at n (the body is empty).
 * Returns 0, or -1 and *cause when s is not a saved file.
 */
int	 saved_parse(const char *s, size_t n, struct saved_meta *m,
	    size_t *body_off, int *body_is_html, char **cause);

/*
 * The file name for an article: "YYYY-MM-DD-slug.txt" ("undated-..."
 * without a date). The slug keeps the title's letters, marks and digits
 * in any script (Arabic stays Arabic, NFC normalized, lowercased);
 * every other run of characters becomes one '-', control characters,
 * bidi controls and other format characters are dropped. The name never
 * holds '/', "..", a leading '.' or '-', or a character that is not
 * printable, and is at most SAVED_NAME_MAX bytes, cut at a character
 * boundary. A title with no letters gives "...-article.txt". Caller
 * frees.
 */
char	*saved_filename(const struct saved_meta *m);

/*
 * Write an article into directory dir as a saved file named by
 * saved_filename(): into a temporary file in dir, fsync, then hard-link
 * it to its name (which never replaces an existing file) and fsync dir.
 * When the name is taken by a file with different content, "-2", "-3"...
 * is added before ".txt"; when a file with exactly this content already
 * exists under one of these names, nothing is written. *path_out (may be
 * NULL) gets the path of the file ("dir/name"; caller frees). Returns 0
 * when a file was written, 1 when an identical file was already there,
 * -1 and *cause on failure (nothing is left behind).
 */
int	 saved_write(const char *dir, const struct saved_meta *m,
	    const char *body, size_t len, int body_is_html, char **path_out,
	    char **cause);

#endif
