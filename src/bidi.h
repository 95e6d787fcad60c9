/*
 * bidi.h - the Unicode Bidirectional Algorithm and Arabic shaping for one
 * paragraph, through fribidi. Levels are resolved once for the whole
 * paragraph; each wrapped line is then reordered on its own (L1-L4).
 * Indices are code point offsets into the paragraph, logical order.
 */
#ifndef AKHBAR_BIDI_H
#define AKHBAR_BIDI_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

struct bidi_para;

/* Shaping: presentation forms and lam-alef ligatures (mirroring is always
 * done). The filler left by a ligature is U+FEFF, which is not printable. */
#define BIDI_SHAPE	0x1
/* Keep combining marks after their base letter in RTL runs. */
#define BIDI_KEEP_NSM	0x2
/* Ignore explicit embeddings, overrides and isolates (U+202A-202E,
 * U+2066-2068) that are not closed (PDF, PDI) in the paragraph, so an
 * RLO in untrusted text cannot reverse the rest of it ("gnp.exe"). */
#define BIDI_PAIRED_ONLY 0x4
/* Ignore the explicit overrides LRO and RLO (U+202D, U+202E) and the PDF
 * that closes each, even paired: in a title or a link from a feed, an
 * override could make "evil.com" read as another name. Embeddings and
 * isolates keep working. */
#define BIDI_NO_OVERRIDE 0x8
/* What text from feeds and files is laid out with. */
#define BIDI_UNTRUSTED	(BIDI_PAIRED_ONLY | BIDI_NO_OVERRIDE)

/*
 * Analyse text[0..len) as one paragraph with base direction dir: resolve
 * the embedding levels, mirror brackets at RTL levels and, with
 * BIDI_SHAPE, shape Arabic. Caller frees with bidi_para_free().
 */
struct bidi_para *bidi_para_create(const uint32_t *text, size_t len,
		    enum dir dir, int flags);
void		 bidi_para_free(struct bidi_para *p);
/* The shaped and mirrored text, same length and indices as the input. */
const uint32_t	*bidi_para_text(const struct bidi_para *p);
/* The resolved embedding levels, one per code point. */
const int8_t	*bidi_para_levels(const struct bidi_para *p);
/* Non-zero when the paragraph's resolved base direction is RTL. */
int		 bidi_para_rtl(const struct bidi_para *p);
/*
 * Reorder the line text[start..end) for display: map[v] gets the logical
 * index of the character shown at visual position v (end - start entries;
 * caller provides map).
 */
void		 bidi_para_reorder(struct bidi_para *p, size_t start,
		    size_t end, size_t *map);
/* Strong direction of the first strong character of text (outside
 * isolates), passing over the characters whose attr[] (may be NULL) has
 * a bit of skip (the markers akhbar adds, such as "[image: " and link
 * numbers): DIR_LTR, DIR_RTL or DIR_AUTO when there is none. */
enum dir	 bidi_first_strong_except(const uint32_t *text,
		    const uint16_t *attr, uint16_t skip, size_t len);

#endif
