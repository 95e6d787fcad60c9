/*
 * extract_dom.h - what the extractor asks of libxml2's HTML trees:
 * attributes without copies, walks without recursion, and text measured
 * the way Readability measures innerText (characters, not bytes; each
 * run of white space one character; trimmed).
 */
#ifndef AKHBAR_EXTRACT_DOM_H
#define AKHBAR_EXTRACT_DOM_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

/* The value of attribute name of element n (borrowed), or NULL: one of
 * its properties, else of the attributes extract_parse.c packed into its
 * psvi. */
const char	*dom_attr(const xmlNode *n, const char *name);
/* Make the packed attributes of root's subtree (root included) named in
 * names (NULL-terminated) attributes of the tree, for its HTML; those
 * the tree has already stay. */
void		 dom_attrs_to_tree(xmlNode *root, const char **names);
/* Is n an element named name (lower case)? */
int		 dom_is(const xmlNode *n, const char *name);
/* Is n an element h1 to h6? */
int		 dom_is_heading(const xmlNode *n);
/*
 * The element after n in document order within root's subtree (n's
 * children first unless skip_kids), or NULL at the end of root.
 */
xmlNode		*dom_next(xmlNode *n, const xmlNode *root, int skip_kids);
/* The first element child of n, and the next element sibling. */
xmlNode		*dom_first_child(const xmlNode *n);
xmlNode		*dom_next_sibling(const xmlNode *n);
/* The number of element children of n. */
size_t		 dom_child_count(const xmlNode *n);
/* The number of elements named name below n (n itself not counted). */
size_t		 dom_count(xmlNode *n, const char *name);
/* Is c white space as JavaScript's \s sees it? */
int		 dom_is_space(uint32_t c);
/* Is c a comma (ASCII, Arabic, Persian/Urdu, CJK, fullwidth...)? */
int		 dom_is_comma(uint32_t c);
/* Characters of n's text, white space runs as one, trimmed; with
 * commas (may be NULL), the number of commas in it. */
size_t		 dom_text_len(const xmlNode *n, size_t *commas);
/*
 * Text measured in pieces and put together, for lengths of every element
 * in one pass: runs is the count of characters with each run of white
 * space as one, lead and trail whether it starts and ends with white
 * space, content whether there is anything else.
 */
struct dom_stats {
	/* Pages are under 4 G characters (EXTRACT_MAX_SIZE): 32 bits keep
	 * the extractor's note on every element at 32 bytes. */
	uint32_t	runs;
	uint32_t	commas;
	unsigned char	lead, trail, content;
};
/* Add the text s to st. */
void		 dom_stats_text(struct dom_stats *st, const char *s);
/* Append b's text to a's. */
void		 dom_stats_cat(struct dom_stats *a, const struct dom_stats *b);
/* The length dom_text_len() gives for the text measured. */
size_t		 dom_stats_len(const struct dom_stats *st);
/* n's text as dom_text_len() counts it. Caller frees. */
char		*dom_text(const xmlNode *n);
/* Does n hold any text that is not white space? */
int		 dom_has_text(const xmlNode *n);
/* Characters in links over characters of text (a link to "#..." counts
 * 0.3); 0 for an empty element. */
double		 dom_link_density(xmlNode *n);
/*
 * Is an ancestor of n named name (and accepted by filter, which may be
 * NULL)? Looks up to max_depth + 1 parents; max_depth 0 or less: all.
 */
int		 dom_has_ancestor(const xmlNode *n, const char *name,
		    int max_depth, int (*filter)(const xmlNode *));
/* Unlink n from its tree and free it. */
void		 dom_remove(xmlNode *n);
/* Remove n and return the element after it (dom_next(n, root, 1)). */
xmlNode		*dom_remove_next(xmlNode *n, const xmlNode *root);
/* Every element named name below root in document order, NULL
 * terminated; *count gets the number. Caller frees the array. */
xmlNode		**dom_all(xmlNode *root, const char *name, size_t *count);



/*
 * The text of root as extract.h describes extract's text: blocks
 * separated by blank lines, list items, rows and <br> on lines of their
 * own, every line sanitized. Appended to out; returns the characters
 * (code points) written.
 */
struct buf;
size_t		 dom_to_text(const xmlNode *root, struct buf *out);
/* root serialized as HTML (UTF-8), NUL-terminated. Caller frees. */
char		*dom_to_html(xmlDoc *doc, xmlNode *root);

#endif
