/*
 * extract_parse.h - a web page into libxml2's HTML tree for the
 * extractor, at less cost than htmlReadMemory(): the content of <script>
 * and <style> never reaches the parser (JSON-LD scripts excepted), nor do
 * attributes the extractor and the article's reader never look at, nor
 * runs of white space outside <pre>; the page streams into it without a
 * copy.
 */
#ifndef AKHBAR_EXTRACT_PARSE_H
#define AKHBAR_EXTRACT_PARSE_H

#include <stddef.h>
#include <libxml/HTMLparser.h>

/*
 * The tree of the page s[0..n), which must be valid UTF-8 without NUL
 * bytes (its <meta charset> is not obeyed); base (may be NULL) is the
 * document's URL. Returns NULL when libxml2 gives no document. Caller
 * frees with extract_parse_free(). The attributes the extractor reads
 * are packed in the elements' psvi, not in the tree (see dom_attr()).
 */
htmlDocPtr	extract_parse(const char *s, size_t n, const char *base);
/* Free a document of extract_parse() or extract_parse_filtered(). */
void		extract_parse_free(xmlDoc *doc);
/*
 * The bytes extract_parse() hands libxml2 for s[0..n), *len of them
 * (NUL-terminated, in a block of their own size). Caller frees.
 */
char		*extract_parse_filter(const char *s, size_t n, size_t *len);
/*
 * extract_parse() of a page from the bytes extract_parse_filter() made
 * of it, s[0..n): the same tree, without the page. Caller frees with
 * extract_parse_free().
 */
htmlDocPtr	extract_parse_filtered(const char *s, size_t n,
	    const char *base);
/*
 * extract_parse_filtered() of s (from malloc), which it frees, and whose
 * bytes go as the parser reads them. Caller frees the document with
 * extract_parse_free().
 */
htmlDocPtr	extract_parse_filtered_free(char *s, size_t n,
	    const char *base);

#endif
