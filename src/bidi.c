/*
 * bidi.c - the only file that includes fribidi. A paragraph is analysed
 * once (bidi types, embedding levels, joining, shaping, mirroring), then
 * each line is reordered from a copy of its slice of the levels, so the
 * same analysis serves any number of layouts at different widths.
 */
#include <stdlib.h>
#include <string.h>
#include <fribidi.h>

#include "util.h"
#include "bidi.h"

struct bidi_para {
	size_t			 len;
	int			 flags;
	FriBidiParType		 base;
	FriBidiChar		*text;		/* shaped, mirrored */
	FriBidiCharType		*types;
	FriBidiLevel		*levels;
	/* Scratch for reordering one line. */
	FriBidiLevel		*line_levels;
	FriBidiStrIndex		*line_map;
};

static int
is_override(FriBidiCharType t)
{
	return t == FRIBIDI_TYPE_LRO || t == FRIBIDI_TYPE_RLO;
}

/*
 * Make explicit formatting characters boundary neutrals (ignored by the
 * algorithm). With BIDI_PAIRED_ONLY: openers left on the stack at the end
 * of the paragraph. A PDI closes its isolate and everything opened in it;
 * a PDF closes the innermost embedding or override, not an isolate. With
 * BIDI_NO_OVERRIDE: every LRO and RLO, and each PDF that closes one, so
 * the text is laid out as if the override were not there.
 */
static void
bidi_drop_explicit(FriBidiCharType *types, size_t len, int flags)
{
	size_t	*stack, n = 0, i;

	stack = xreallocarray(NULL, len + 1, sizeof *stack);
	for (i = 0; i < len; i++) {
		switch (types[i]) {
		case FRIBIDI_TYPE_LRE: case FRIBIDI_TYPE_RLE:
		case FRIBIDI_TYPE_LRO: case FRIBIDI_TYPE_RLO:
		case FRIBIDI_TYPE_LRI: case FRIBIDI_TYPE_RLI:
		case FRIBIDI_TYPE_FSI:
			stack[n++] = i;
			break;
		case FRIBIDI_TYPE_PDF:
			if (n == 0 || FRIBIDI_IS_ISOLATE(types[stack[n - 1]]))
				break;
			if ((flags & BIDI_NO_OVERRIDE) &&
			    is_override(types[stack[n - 1]]))
				types[i] = FRIBIDI_TYPE_BN;
			n--;
			break;
		case FRIBIDI_TYPE_PDI:
			while (n > 0 && !FRIBIDI_IS_ISOLATE(types[stack[n - 1]]))
				n--;
			if (n > 0)
				n--;
			break;
		default:
			break;
		}
	}
	while ((flags & BIDI_PAIRED_ONLY) && n > 0)
		types[stack[--n]] = FRIBIDI_TYPE_BN;
	for (i = 0; (flags & BIDI_NO_OVERRIDE) && i < len; i++)
		if (is_override(types[i]))
			types[i] = FRIBIDI_TYPE_BN;
	free(stack);
}

/*
 * A right-joining letter (alef, dal, reh, waw, teh marbuta...) that joins
 * nothing is drawn in its isolated form, which is exactly how a terminal
 * draws the letter itself: keep the letter (2 bytes of UTF-8) instead of
 * its presentation form (3 bytes). Its neighbours on screen are then
 * presentation forms, spaces or other such letters, none of which join
 * it, so a terminal that shapes on its own cannot join it wrongly either.
 * Dual-joining letters keep their isolated forms: beside a lone letter
 * of the same kind such a terminal could join them.
 */
static void
unshape_isolated(const uint32_t *orig, FriBidiChar *shaped,
    const FriBidiArabicProp *joining, size_t len)
{
	const FriBidiArabicProp	 mask = FRIBIDI_MASK_ARAB_SHAPES |
				    FRIBIDI_MASK_JOINS_RIGHT |
				    FRIBIDI_MASK_JOINS_LEFT;
	static unsigned char	 right[256];	/* U+06xx: 1 right-joining */
	static int		 init;
	size_t			 i;
	uint32_t		 c;

	if (!init) {	/* presentation forms exist for U+06xx only */
		for (i = 0; i < 256; i++)
			right[i] = fribidi_get_joining_type(0x600 + i) ==
			    FRIBIDI_JOINING_TYPE_R;
		init = 1;
	}
	/* One test a character: shaped but joined on neither side. */
	for (i = 0; i < len; i++)
		if ((joining[i] & mask) == FRIBIDI_MASK_ARAB_SHAPES &&
		    (c = orig[i] - 0x600) < 256 && right[c])
			shaped[i] = orig[i];
}

struct bidi_para *
bidi_para_create(const uint32_t *text, size_t len, enum dir dir, int flags)
{
	struct bidi_para	*p;
	FriBidiBracketType	*brackets;
	FriBidiArabicProp	*joining;
	FriBidiFlags		 shape_flags;

	p = xcalloc(1, sizeof *p);
	p->len = len;
	p->flags = flags;
	p->text = xreallocarray(NULL, len + 1, sizeof *p->text);
	memcpy(p->text, text, len * sizeof *p->text);
	p->types = xreallocarray(NULL, len + 1, sizeof *p->types);
	p->levels = xreallocarray(NULL, len + 1, sizeof *p->levels);
	p->line_levels = xreallocarray(NULL, len + 1, sizeof *p->levels);
	p->line_map = xreallocarray(NULL, len + 1, sizeof *p->line_map);
	brackets = xreallocarray(NULL, len + 1, sizeof *brackets);
	joining = xreallocarray(NULL, len + 1, sizeof *joining);

	switch (dir) {
	case DIR_LTR:
		p->base = FRIBIDI_PAR_LTR;
		break;
	case DIR_RTL:
		p->base = FRIBIDI_PAR_RTL;
		break;
	default:
		p->base = FRIBIDI_PAR_ON;
		break;
	}
	fribidi_get_bidi_types(p->text, (FriBidiStrIndex)len, p->types);
	if (flags & (BIDI_PAIRED_ONLY | BIDI_NO_OVERRIDE))
		bidi_drop_explicit(p->types, len, flags);
	fribidi_get_bracket_types(p->text, (FriBidiStrIndex)len, p->types,
	    brackets);
	if (fribidi_get_par_embedding_levels_ex(p->types, brackets,
	    (FriBidiStrIndex)len, &p->base, p->levels) == 0)
		memset(p->levels, 0, len * sizeof *p->levels);
	if (p->base != FRIBIDI_PAR_RTL)
		p->base = FRIBIDI_PAR_LTR;

	shape_flags = FRIBIDI_FLAG_SHAPE_MIRRORING;
	if (flags & BIDI_SHAPE)
		shape_flags |= FRIBIDI_FLAGS_ARABIC;
	fribidi_get_joining_types(p->text, (FriBidiStrIndex)len, joining);
	fribidi_join_arabic(p->types, (FriBidiStrIndex)len, p->levels,
	    joining);
	fribidi_shape(shape_flags, p->levels, (FriBidiStrIndex)len, joining,
	    p->text);
	if (flags & BIDI_SHAPE)
		unshape_isolated(text, p->text, joining, len);
	free(brackets);
	free(joining);
	return p;
}

void
bidi_para_free(struct bidi_para *p)
{
	if (p == NULL)
		return;
	free(p->text);
	free(p->types);
	free(p->levels);
	free(p->line_levels);
	free(p->line_map);
	free(p);
}

const uint32_t *
bidi_para_text(const struct bidi_para *p)
{
	return p->text;
}

const int8_t *
bidi_para_levels(const struct bidi_para *p)
{
	return (const int8_t *)p->levels;
}

int
bidi_para_rtl(const struct bidi_para *p)
{
	return p->base == FRIBIDI_PAR_RTL;
}

void
bidi_para_reorder(struct bidi_para *p, size_t start, size_t end,
    size_t *map)
{
	FriBidiFlags	flags = 0;
	size_t		i, n = end - start;

	if (p->flags & BIDI_KEEP_NSM)
		flags |= FRIBIDI_FLAG_REORDER_NSM;
	memcpy(p->line_levels, p->levels + start, n * sizeof *p->levels);
	for (i = 0; i < n; i++) {
		p->line_map[i] = (FriBidiStrIndex)i;
		map[i] = start + i;
	}
	if (fribidi_reorder_line(flags, p->types + start, (FriBidiStrIndex)n,
	    0, p->base, p->line_levels, NULL, p->line_map) == 0)
		return;		/* fribidi failed: keep logical order */
	for (i = 0; i < n; i++)
		map[i] = start + (size_t)p->line_map[i];
}

enum dir
bidi_first_strong_except(const uint32_t *text, const uint16_t *attr,
    uint16_t skip, size_t len)
{
	FriBidiCharType	t;
	size_t		i;
	int		isolate = 0;

	for (i = 0; i < len; i++) {
		if (attr != NULL && (attr[i] & skip))
			continue;
		t = fribidi_get_bidi_type(text[i]);
		if (t == FRIBIDI_TYPE_LRI || t == FRIBIDI_TYPE_RLI ||
		    t == FRIBIDI_TYPE_FSI)
			isolate++;
		else if (t == FRIBIDI_TYPE_PDI && isolate > 0)
			isolate--;
		else if (isolate == 0 && FRIBIDI_IS_LETTER(t))
			return FRIBIDI_IS_RTL(t) ? DIR_RTL : DIR_LTR;
	}
	return DIR_AUTO;
}
