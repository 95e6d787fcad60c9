/*
 * match.h - finding keywords in text. One matcher serves highlighting,
 * in-article search and the store search. Positions are code point
 * offsets into the LOGICAL text, so they survive shaping and reordering.
 */
#ifndef AKHBAR_MATCH_H
#define AKHBAR_MATCH_H

#include <stddef.h>
#include <stdint.h>

struct matcher;

/* A matcher with no keywords. Caller frees with matcher_free(). */
struct matcher	*matcher_create(void);
void		 matcher_free(struct matcher *m);
/* Add a keyword (UTF-8). Returns -1 and sets *cause for a bad one. */
int		 matcher_add(struct matcher *m, const char *word,
		    char **cause);
/* Number of keywords. */
size_t		 matcher_count(const struct matcher *m);
/* OR attr into attrs[i] for every code point of every match in
 * text[0..len). Returns the number of matches. */
size_t		 matcher_mark(const struct matcher *m, const uint32_t *text,
		    size_t len, uint16_t *attrs, uint16_t attr);

#endif
