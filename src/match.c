/*
 * match.c - keyword matching over code points in logical order. This
 * first matcher folds case (utf8proc's simple case folding) and finds
 * every occurrence of each keyword; positions are code point offsets.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"
#include "utf8.h"
#include "match.h"

struct keyword {
	uint32_t	*cps;	/* folded */
	size_t		 len;
};

struct matcher {
	struct keyword	*v;
	size_t		 n;
};

static uint32_t
fold(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

struct matcher *
matcher_create(void)
{
	return xcalloc(1, sizeof(struct matcher));
}

void
matcher_free(struct matcher *m)
{
	size_t	i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		free(m->v[i].cps);
	free(m->v);
	free(m);
}

int
matcher_add(struct matcher *m, const char *word, char **cause)
{
	struct keyword	k;
	size_t		i, j;

	k.cps = utf8_to_cps(word, strlen(word), &k.len);
	/* Trim surrounding white space; keep inner spaces. */
	for (i = 0; i < k.len && (k.cps[i] == ' ' || k.cps[i] == '\t'); i++)
		;
	for (j = 0; i < k.len; i++, j++)
		k.cps[j] = fold(k.cps[i]);
	k.len = j;
	while (k.len > 0 && k.cps[k.len - 1] == ' ')
		k.len--;
	if (k.len == 0) {
		free(k.cps);
		*cause = xstrdup("empty keyword");
		return -1;
	}
	m->v = xreallocarray(m->v, m->n + 1, sizeof *m->v);
	m->v[m->n++] = k;
	return 0;
}

size_t
matcher_count(const struct matcher *m)
{
	return m == NULL ? 0 : m->n;
}

size_t
matcher_mark(const struct matcher *m, const uint32_t *text, size_t len,
    uint16_t *attrs, uint16_t attr)
{
	const struct keyword	*k;
	size_t			 i, j, w, found = 0;

	if (m == NULL)
		return 0;
	for (w = 0; w < m->n; w++) {
		k = &m->v[w];
		for (i = 0; i + k->len <= len; i++) {
			for (j = 0; j < k->len; j++)
				if (fold(text[i + j]) != k->cps[j])
					break;
			if (j < k->len)
				continue;
			for (j = 0; j < k->len; j++)
				attrs[i + j] |= attr;
			found++;
			i += k->len - 1;
		}
	}
	return found;
}
