/*
 * search.h - what the store's full-text index holds and how a search
 * query becomes an FTS5 expression. No SQLite here: store.c runs the
 * statements, this module prepares their text.
 *
 * The index has one row per article: "terms", every word of the title
 * and the body text, normalised (match_normalize_utf8()), plus each word
 * without a leading Arabic proclitic (match_clitic_forms()), deduplicated
 * and separated by spaces; and "body", the normalised body text, kept to
 * confirm phrases and exact words. See doc/search.md.
 */
#ifndef AKHBAR_SEARCH_H
#define AKHBAR_SEARCH_H

#include <stddef.h>

struct search_query;

/* Longest body text indexed, in bytes; the rest of a body is ignored. */
#define SEARCH_MAX_TEXT	(1024 * 1024)

/*
 * The normalised text of an article body: for HTML (html != 0), the text
 * nodes without tags, attributes, scripts or styles. Caller frees.
 */
char	*search_body_text(const char *content, int html);
/*
 * The index terms of an article from its title (raw, may be NULL) and
 * its normalised body text (from search_body_text(), may be NULL).
 * Caller frees.
 */
char	*search_terms(const char *title, const char *body_text);

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

#endif
