/*
 * doc.h - the document model shared by every input format and by the
 * layout engine: a title, a sequence of blocks whose text is an array of
 * Unicode code points in LOGICAL order with one attribute word per code
 * point, and the list of link targets.
 */
#ifndef AKHBAR_DOC_H
#define AKHBAR_DOC_H

#include <stddef.h>
#include <stdint.h>

/* Abstract attributes; the theme maps them to colours. Bit flags. */
enum attr {
	ATTR_NONE	= 0,
	ATTR_BOLD	= 1 << 0,
	ATTR_ITALIC	= 1 << 1,
	ATTR_LINK	= 1 << 2,
	ATTR_CODE	= 1 << 3,
	ATTR_HEADING	= 1 << 4,
	ATTR_QUOTE	= 1 << 5,
	ATTR_TITLE	= 1 << 6,
	ATTR_HIGHLIGHT	= 1 << 7,
	ATTR_SEARCH	= 1 << 8,
	ATTR_MARKER	= 1 << 9,	/* list bullets, quote bars, rules */
};

/* A highlighted cell whose keyword belongs to a colour group (the
 * config's `highlight WORD... -- COLOURS`) carries the group's number,
 * 1-15, in these bits: the layout engine records which group matched,
 * the TUI and --dump give the cell that group's style. 0: none. */
#define ATTR_GROUP_SHIFT	12
#define ATTR_GROUP_MASK		0xf000
#define ATTR_GROUP_MAX		15
#define ATTR_GROUP(a)		(((a) & ATTR_GROUP_MASK) >> ATTR_GROUP_SHIFT)

enum dir {
	DIR_AUTO,	/* first strong character (UBA P2/P3), else LTR */
	DIR_LTR,
	DIR_RTL,
};

enum block_type {
	BLOCK_PARA,	/* wrapped text */
	BLOCK_HEADING,	/* wrapped, underlined for levels 0-2 */
	BLOCK_ITEM,	/* list item: marker at the logical start */
	BLOCK_PRE,	/* lines kept, split (not wrapped) past the width */
	BLOCK_RULE,	/* a horizontal line */
};

/* U+2028 LINE SEPARATOR in block text is a forced line break. */
#define DOC_BREAK	0x2028

/* A document of many tiny paragraphs holds one of these a paragraph:
 * small fields, and text and attributes in one allocation (attr points
 * just past text's cap code points), so 40 bytes and one malloc each. */
struct block {
	uint32_t	*text;
	uint16_t	*attr;		/* in text's allocation */
	uint32_t	 len;		/* code points (the 64 MB input cap
					 * keeps them under 2^32) */
	uint32_t	 cap;
	uint32_t	 hang;		/* cells continuation lines indent */
	uint16_t	 quote;		/* blockquote depth */
	uint16_t	 indent;	/* list nesting depth */
	uint8_t		 type;		/* enum block_type */
	uint8_t		 level;		/* heading level: 0 title, 1-6 */
	uint8_t		 tight;		/* no blank line before this block */
	uint8_t		 dir;		/* enum dir */
};

struct doc {
	char		*title;		/* UTF-8 or NULL */
	struct block	*blocks;
	size_t		 nblocks;
	size_t		 cap;
	char		**links;	/* link [i+1] targets, UTF-8 */
	size_t		 nlinks;
};

/* A new empty document. Caller frees with doc_free(). */
struct doc	*doc_create(void);
void		 doc_free(struct doc *d);
/* Append a new empty block of the given type and return it (owned by d;
 * the pointer is valid until the next doc_add_block()). */
struct block	*doc_add_block(struct doc *d, enum block_type type);
/* Drop the last block if it holds no text (not for rules). */
void		 doc_drop_empty(struct doc *d);
/* Add a link target and return its number (1-based). */
size_t		 doc_add_link(struct doc *d, const char *url);
/* Move the blocks of from, but its first skip ones (freed), to the end
 * of d; from keeps its links and title and is left without blocks. When
 * d has fewer blocks, they go in front of from's in from's array, so a
 * large array is never copied. */
void		 doc_move_blocks(struct doc *d, struct doc *from,
		    size_t skip);
/* Append the links list ("[n] url" lines) as blocks at the end. */
void		 doc_add_link_list(struct doc *d);

/* Append one code point with an attribute to a block. */
void		 block_add(struct block *b, uint32_t cp, uint16_t attr);
/* Append UTF-8 text, collapsing white space when collapse is set: runs
 * of space, tab, CR, LF, FF become one space and a space is never added
 * at the start of the block or after another space or a break. Invalid
 * UTF-8 becomes U+FFFD; escape sequences and control characters are
 * dropped. */
void		 block_add_utf8(struct block *b, const char *s, size_t n,
		    uint16_t attr, int collapse);
/* Remove trailing spaces. */
void		 block_trim(struct block *b);
/* Shrink a block's arrays to its length (a finished block). */
void		 block_shrink(struct block *b);
/* Free a block's arrays (not the block itself). */
void		 block_clear(struct block *b);

#endif
