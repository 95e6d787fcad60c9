/*
 * doc.c - building documents: blocks of code points (logical order) with
 * attributes, and the link list. Counts are in code points.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "utf8.h"
#include "doc.h"

struct doc *
doc_create(void)
{
	return xcalloc(1, sizeof(struct doc));
}

void
block_clear(struct block *b)
{
	free(b->text);		/* attr is in the same allocation */
	b->text = NULL;
	b->attr = NULL;
	b->len = b->cap = 0;
}

void
doc_free(struct doc *d)
{
	size_t	i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nblocks; i++)
		block_clear(&d->blocks[i]);
	for (i = 0; i < d->nlinks; i++)
		free(d->links[i]);
	free(d->blocks);
	free(d->links);
	free(d->title);
	free(d);
}

struct block *
doc_add_block(struct doc *d, enum block_type type)
{
	struct block	*b;

	if (d->nblocks == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->blocks = xreallocarray(d->blocks, d->cap, sizeof *b);
	}
	b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof *b);
	b->type = type;
	return b;
}

void
doc_drop_empty(struct doc *d)
{
	struct block	*b;

	if (d->nblocks == 0)
		return;
	b = &d->blocks[d->nblocks - 1];
	block_trim(b);
	if (b->type != BLOCK_RULE && b->len == 0) {
		block_clear(b);
		d->nblocks--;
	}
}

void
doc_move_blocks(struct doc *d, struct doc *from, size_t skip)
{
	size_t	i, n;

	if (skip > from->nblocks)
		skip = from->nblocks;
	for (i = 0; i < skip; i++)
		block_clear(&from->blocks[i]);
	n = from->nblocks - skip;
	if (n <= d->nblocks) {
		for (i = 0; i < n; i++)
			*doc_add_block(d, from->blocks[skip + i].type) =
			    from->blocks[skip + i];
		from->nblocks = 0;
		return;
	}
	if (d->nblocks + n > from->cap) {
		from->cap = d->nblocks + n;
		from->blocks = xreallocarray(from->blocks, from->cap,
		    sizeof *from->blocks);
	}
	memmove(from->blocks + d->nblocks, from->blocks + skip,
	    n * sizeof *from->blocks);
	if (d->nblocks > 0)
		memcpy(from->blocks, d->blocks, d->nblocks *
		    sizeof *d->blocks);
	free(d->blocks);
	d->blocks = from->blocks;
	d->nblocks += n;
	d->cap = from->cap;
	from->blocks = NULL;
	from->nblocks = from->cap = 0;
}

size_t
doc_add_link(struct doc *d, const char *url)
{
	d->links = xreallocarray(d->links, d->nlinks + 1, sizeof *d->links);
	d->links[d->nlinks++] = utf8_sanitize(url, strlen(url), 0);
	return d->nlinks;
}

void
doc_add_link_list(struct doc *d)
{
	struct block	*b;
	size_t		 i;
	char		*s;

	for (i = 0; i < d->nlinks; i++) {
		b = doc_add_block(d, BLOCK_PARA);
		b->dir = DIR_LTR;
		b->tight = i > 0;
		s = xasprintf("[%zu] ", i + 1);
		block_add_utf8(b, s, strlen(s), ATTR_MARKER, 0);
		b->hang = strlen(s);
		free(s);
		block_add_utf8(b, d->links[i], strlen(d->links[i]), ATTR_LINK,
		    0);
	}
}

/* Give b room for cap code points: text then attributes in one block
 * of memory (cap may be smaller than before, not than len). */
static void
block_resize(struct block *b, size_t cap)
{
	char	*m;

	if (cap < b->cap && b->len > 0)	/* attributes down first */
		memmove(b->text + cap, b->attr, b->len * sizeof *b->attr);
	m = xreallocarray(b->text, cap, sizeof *b->text + sizeof *b->attr);
	b->text = (uint32_t *)(void *)m;
	if (cap > b->cap && b->len > 0)	/* attributes up after */
		memmove(m + cap * sizeof *b->text, m + b->cap *
		    sizeof *b->text, b->len * sizeof *b->attr);
	b->attr = (uint16_t *)(void *)(m + cap * sizeof *b->text);
	b->cap = (uint32_t)cap;
}

void
block_add(struct block *b, uint32_t cp, uint16_t attr)
{
	/* Small first: most paragraphs of a page are a few words. */
	if (b->len == b->cap)
		block_resize(b, b->cap ? 2 * (size_t)b->cap : 16);
	b->text[b->len] = cp;
	b->attr[b->len] = attr;
	b->len++;
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v';
}

void
block_add_utf8(struct block *b, const char *s, size_t n, uint16_t attr,
    int collapse)
{
	uint32_t	cp, prev;
	size_t		i = 0, start;

	while (i < n) {
		start = i;
		i += utf8_decode(s + i, n - i, &cp);
		if (utf8_is_escape_start(cp)) {
			/* Drop the sequence the way the sanitizer does. */
			i = utf8_skip_escape(s, n, start);
			continue;
		}
		if (collapse && is_space(cp)) {
			prev = b->len ? b->text[b->len - 1] : DOC_BREAK;
			if (prev == ' ' || prev == DOC_BREAK)
				continue;
			cp = ' ';
		} else if (!collapse && cp == '\t') {
			/* Expand to the next multiple of 8 on this line. */
			size_t	col = 0, k = b->len;

			while (k > 0 && b->text[k - 1] != DOC_BREAK) {
				k--;
				col++;
			}
			do
				block_add(b, ' ', attr);
			while (++col % 8 != 0);
			continue;
		} else if (!collapse && cp == '\n')
			cp = DOC_BREAK;
		else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			continue;
		block_add(b, cp, attr);
	}
}

void
block_shrink(struct block *b)
{
	uint32_t	*m;

	if (b->len == 0 || b->len == b->cap)
		return;
	if (b->cap > 1024) {
		block_resize(b, b->len);
		return;
	}
	/* A small block moves to a new chunk of its exact size: shrinking
	 * in place would leave a hole after each one that the next, still
	 * growing, block does not fit in (tiny paragraphs cost twice their
	 * size). The old chunk is taken again by the next block. */
	m = xreallocarray(NULL, b->len, sizeof *b->text + sizeof *b->attr);
	memcpy(m, b->text, b->len * sizeof *b->text);
	memcpy(m + b->len, b->attr, b->len * sizeof *b->attr);
	free(b->text);
	b->text = m;
	b->attr = (uint16_t *)(void *)(m + b->len);
	b->cap = b->len;
}

void
block_trim(struct block *b)
{
	while (b->len > 0 && b->text[b->len - 1] == ' ')
		b->len--;
}
