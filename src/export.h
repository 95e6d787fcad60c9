/*
 * export.h - writing an article of the store as a saved file (saved.h):
 * the one writer behind `akhbar --export` and the reader's `s`, so both
 * write byte for byte the same file for the same article.
 */
#ifndef AKHBAR_EXPORT_H
#define AKHBAR_EXPORT_H

#include "store.h"

/* mkdir -p dir (new directories 0700: saved articles are private).
 * Returns 0, or -1 and *cause ("dir: reason"). */
int	 export_make_dir(const char *dir, char **cause);

/*
 * Write the stored article a (its header as store_articles() gives it;
 * empty strings count as absent) into directory dir, which must exist:
 * its body and categories (as the Tags header) are read from st, the
 * file is written by saved_write(). *path (may be NULL) gets the file's
 * path (caller frees). Returns 0 when a file was written, 1 when an
 * identical file was there already, -1 and *cause.
 */
int	 export_article(struct store *st, const struct store_article *a,
	    const char *dir, char **path, char **cause);
/* As export_article(), with the article's full text (store.h) as the
 * body when full is set: -1 and *cause when it has none. */
int	 export_article_text(struct store *st, const struct store_article *a,
	    int full, const char *dir, char **path, char **cause);

#endif
