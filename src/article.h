/*
 * article.h - reading an article file (plain text, HTML, Markdown or
 * akhbar's saved format, chosen by the file name or by sniffing the
 * content) into the document model.
 */
#ifndef AKHBAR_ARTICLE_H
#define AKHBAR_ARTICLE_H

#include <stddef.h>

#include "doc.h"

/* Largest article file read, in bytes: larger ones are refused with an
 * error, which keeps the memory a document takes bounded (about 8 bytes
 * a byte of input, see doc/security.md). */
#define ARTICLE_MAX_SIZE	(64UL << 20)

/* The formats an article file can be in. */
enum article_format {
	ARTICLE_TEXT,
	ARTICLE_HTML,
	ARTICLE_MARKDOWN,
	ARTICLE_SAVED,		/* saved.h: header, then HTML or text */
};

/*
 * The format of the article named path (may be NULL) holding s[0..n):
 * a saved file by its first line whatever its name, else HTML for .html,
 * .htm and .xhtml, Markdown for .md and .markdown, text for .txt, else
 * HTML when the content looks like it, else text.
 */
enum article_format article_format(const char *path, const char *s,
	    size_t n);
/* Non-zero when path (may be NULL) and content say HTML (not a saved
 * file, even one with an HTML body). */
int	article_is_html(const char *path, const char *s, size_t n);
/*
 * Parse s[0..n) as a body in format f (not ARTICLE_SAVED) into a new
 * document whose title is title (may be NULL: then the HTML <title> or
 * the first Markdown heading), with a title block first when title is
 * not NULL or the body is HTML with a title. Caller frees with
 * doc_free(). Returns NULL and sets *cause on error.
 */
struct doc *article_parse_body(const char *title, enum article_format f,
	    const char *s, size_t n, char **cause);
/*
 * Parse s[0..n) as the article named path into a new document (HTML or
 * plain text), with a title block first when the document has a title.
 * Caller frees with doc_free(). Returns NULL and sets *cause on error.
 */
struct doc *article_parse(const char *path, const char *s, size_t n,
	    char **cause);
struct saved_meta;
/*
 * Parse the saved file s[0..n) (saved.h) into a new document: the title
 * block (from the Title header), then the body laid out as an HTML or
 * plain text article (a first heading that repeats the title is
 * dropped, as for HTML articles). The metadata goes to *m when m is not
 * NULL (free with saved_meta_clear()). Caller frees the document with
 * doc_free(). Returns NULL and sets *cause on failure.
 */
struct doc *article_parse_saved(const char *s, size_t n,
	    struct saved_meta *m, char **cause);
/* Add d's title (if any) as a title block; call before other blocks. */
void	article_add_title(struct doc *d);

#endif
