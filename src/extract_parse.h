/*
 * extract_parse.h - a web page into libxml2's HTML tree for the
 * extractor, at less cost than htmlReadMemory(): the content of <script>
 * and <style> never reaches the parser (JSON-LD scripts excepted), the
 * page streams into it without a copy, and attributes the extractor and
 * the article's reader never look at are not kept.
 */
#ifndef AKHBAR_EXTRACT_PARSE_H
#define AKHBAR_EXTRACT_PARSE_H

#include <stddef.h>
#include <libxml/HTMLparser.h>

/*
 * The tree of the page s[0..n), which must be valid UTF-8 without NUL
 * bytes (its <meta charset> is not obeyed); base (may be NULL) is the
 * document's URL. Returns NULL when libxml2 gives no document. Caller
 * frees with xmlFreeDoc().
 */
htmlDocPtr	extract_parse(const char *s, size_t n, const char *base);
/*
 * The byte ranges of s[0..n) that extract_parse() leaves out, as pairs
 * from, to (to excluded) in v[0..2 * count), in order. For tests.
 * Caller frees v.
 */
size_t		extract_parse_skips(const char *s, size_t n, size_t **v);

#endif
