/*
 * search.h - what the store's full-text index holds and how a search
 * query becomes an FTS5 expression. No SQLite here: store.c runs the
 * statements, this module prepares their text.
 *
 * The index has one row per article: "terms", every word of the title
 * and the body text, normalised (match_normalize_utf8()), plus each word
 * without a leading Arabic proclitic (match_clitic_forms()), and a pair
 * term for every two words next to each other (a phrase is looked up by
 * its pairs), deduplicated and separated by spaces. The index keeps no copy of them (contentless):
 * a row is taken out by giving the same terms again, made by the same
 * functions from the same title and body. See doc/search.md.
 */
#ifndef AKHBAR_SEARCH_H
#define AKHBAR_SEARCH_H

#include <stddef.h>

struct search_query;

/*
 * The version of what search_terms() and search_body_text() make of an
 * article. The index can only take a row out when given the same terms
 * again (it keeps no copy), so the store rebuilds it when this changes:
 * bump it with any change to the terms, the normaliser (match.c), the
 * body text or html_element_kind() (html.c), which decides it.
 */
#define SEARCH_TERMS_VERSION	2

/* Longest body text indexed, in bytes; the rest of a body is ignored. */
#define SEARCH_MAX_TEXT	(1024 * 1024)

/*
 * The normalised text of an article body: for HTML (html != 0), the text
 * nodes without tags, attributes, scripts or styles. Caller frees.
 */
char	*search_body_text(const char *content, int html);
/*
 * search_body_text() of the body followed by that of the article's full
 * text (HTML, fetched from its link; NULL: none, and the text is the
 * body's alone, so articles without one keep their terms). Caller frees.
 */
char	*search_article_text(const char *content, int html,
	    const char *fulltext);
/*
 * search_body_text() of an HTML body always through libxml2's HTML
 * parser, without the shortcut for text that has no markup (for the
 * tests that prove both give the same). Caller frees.
 */
char	*search_html_text(const char *content);
/*
 * The index terms of an article from its title (raw, may be NULL) and
 * its normalised body text (from search_body_text(), may be NULL).
 * Caller frees.
 */
char	*search_terms(const char *title, const char *body_text);
/*
 * SEARCH_TERMS_VERSION and the versions of the libraries the terms
 * depend on (utf8proc's Unicode tables, libxml2's HTML parser), as one
 * string to keep beside the index. Caller frees.
 */
char	*search_terms_version(void);

/*
 * Parse a user query: words (ANDed), "a phrase", =WORD for the exact
 * word. Every word follows the matcher's rules (src/match.h). Returns
 * NULL and sets *cause (caller frees) for a malformed query: empty, an
 * unterminated quote, a term without letters or digits, a /REGEX/.
 * Free with search_query_free().
 */
struct search_query *search_query_parse(const char *query, char **cause);
/* Free q; NULL is fine. */
void	 search_query_free(struct search_query *q);
/*
 * The FTS5 MATCH expression that finds every candidate: only quoted
 * tokens made of letters, marks and digits, joined by AND, so it never
 * has a syntax error. Borrowed from q.
 */
const char *search_query_fts(const struct search_query *q);
/*
 * Non-zero when the FTS5 answer is already the exact answer (every term
 * is one plain word); zero when candidates must go through
 * search_query_test().
 */
int	 search_query_exact(const struct search_query *q);
/* Non-zero when every term matches the title or the body text. */
int	 search_query_test(const struct search_query *q, const char *title,
	    const char *body_text);
/*
 * search_query_test() on an article's stored body (content, HTML when
 * html != 0, may be NULL), whose text it makes only when the title alone
 * does not match every term.
 */
int	 search_query_test_body(const struct search_query *q,
	    const char *title, const char *content, int html);
/* As search_query_test_body(), the body followed by the full text
 * (may be NULL), as search_article_text() joins them. */
int	 search_query_test_full(const struct search_query *q,
	    const char *title, const char *content, int html,
	    const char *fulltext);

#endif
