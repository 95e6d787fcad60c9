/*
 * match.h - finding keywords in text. One matcher serves highlighting,
 * in-article search and the store search. Positions are code point
 * offsets into the LOGICAL text, so they survive shaping and reordering.
 *
 * Both keyword and text are normalised (case folding, Arabic harakat and
 * tatweel ignored, letter variants unified, digits and presentation
 * forms mapped; see doc/match.md). A keyword is one of:
 *   WORD      matches at the start of a word, also after Arabic
 *             proclitics (و ف ب ك ل ال and their combinations), with any
 *             suffix; only the keyword letters are reported, not the
 *             proclitic.
 *   =WORD     the exact word: a boundary on both sides, no clitics.
 *   /REGEX/   a POSIX extended, case-insensitive regular expression over
 *             the normalised text.
 * White space inside a keyword matches any run of white space.
 */
#ifndef AKHBAR_MATCH_H
#define AKHBAR_MATCH_H

#include <stddef.h>
#include <stdint.h>

struct matcher;

/* One match: code points [start, end) of the logical text. A match
 * covers harakat inside and right after its last letter. */
struct match_hit {
	size_t	start;
	size_t	end;
};

/* A matcher with no keywords. Caller frees with matcher_free(). */
struct matcher	*matcher_create(void);
/* Free m and its keywords; NULL is fine. */
void		 matcher_free(struct matcher *m);
/* Add a keyword (UTF-8): WORD, =WORD or /REGEX/. Returns -1 and sets
 * *cause (caller frees; cause may be NULL) for an empty keyword or a bad
 * regex. */
int		 matcher_add(struct matcher *m, const char *word,
		    char **cause);
/* Number of keywords. */
size_t		 matcher_count(const struct matcher *m);
/* OR attr into attrs[i] for every code point of every match in
 * text[0..len). Returns the number of matches (overlaps merged). */
size_t		 matcher_mark(const struct matcher *m, const uint32_t *text,
		    size_t len, uint16_t *attrs, uint16_t attr);
/*
 * Find the matches of every keyword in text[0..len), in logical order,
 * overlapping matches merged into one. Stores the first max of them in
 * hits (which may be NULL when max is 0) and returns how many there are
 * in all, which may be more than max.
 */
size_t		 matcher_find(const struct matcher *m, const uint32_t *text,
		    size_t len, struct match_hit *hits, size_t max);
/* Non-zero when some keyword matches somewhere in the UTF-8 string s;
 * zero for a NULL or empty matcher. */
int		 matcher_test(const struct matcher *m, const char *s);
/*
 * The UTF-8 string s normalised the way the matcher sees text: folded,
 * without harakat, with runs of white space made one space. For a
 * full-text index; normalise the query the same way. Caller frees.
 */
char		*match_normalize_utf8(const char *s);
/* The code points cp normalises to (none when it is dropped; at most
 * MATCH_NORM_MAX): what match_normalize_utf8()'s fast paths must agree
 * with. */
#define MATCH_NORM_MAX	32
size_t		 match_normalize_cp(uint32_t cp, uint32_t *out);
/* Non-zero when the normalised code point cp belongs to a word (a
 * letter, a combining mark or a digit): the matcher's word boundaries. */
int		 match_is_word(uint32_t cp);
/*
 * For a full-text index: the forms under which a WORD keyword may find
 * the normalised word w[0..n) besides the word itself. For each leading
 * proclitic (see above) the rest of the word, and for a word that begins
 * with لل, ولل or فلل, ال plus the rest. Calls cb once per form (the
 * same form may come twice); form is only valid during the call.
 */
/*
 * The same forms as cut points, for callers that keep the word's UTF-8:
 * bit 2(p-1) set when w[p..n) is a form, bit 2(p-1)+1 when ال + w[p..n)
 * is one (p = 1...4); match_clitic_forms() gives them in that order.
 */
unsigned	 match_clitic_cuts(const uint32_t *w, size_t n);
void		 match_clitic_forms(const uint32_t *w, size_t n,
		    void (*cb)(const uint32_t *form, size_t len, void *arg),
		    void *arg);

#endif
