/*
 * folder.h - a list of article files for offline reading: the files and
 * folders named on the command line (folders recursively, "-" for
 * standard input as one article), newest first, each with a title read
 * LAZILY: folder_open() only walks directories and stats files; the
 * title of entry i is read (from at most FOLDER_PEEK bytes of the file)
 * the first time folder_title()/folder_info() asks for it, and cached.
 *
 * Files that cannot be read (missing, dangling symlinks, FIFOs and other
 * non-regular files, larger than ARTICLE_MAX_SIZE, binary with NUL
 * bytes, permission denied, a directory reached again through a symlink
 * loop) are listed with the reason in their error field instead of
 * failing the listing. Names starting with '.' are skipped (hidden files
 * and saved_write()'s temporary files).
 *
 * Order: by the day in the file name when it starts with "YYYY-MM-DD"
 * (as saved_filename() makes them), else the day of the modification
 * time; then by modification time, newest first; then by path. The order
 * is fixed by folder_open() and does not change as titles are read.
 *
 * Ownership: the folder owns its entries and every string in them; the
 * pointers folder_*() return are borrowed and valid until folder_free().
 * Nothing here prints.
 *
 * For the TUI: open the list with folder_open(argv paths), show rows
 * with folder_count()/folder_info(i) (only for rows on screen), and open
 * an entry with folder_doc(i) (caller frees the document).
 */
#ifndef AKHBAR_FOLDER_H
#define AKHBAR_FOLDER_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "doc.h"
#include "saved.h"

/* Bytes of a file read to find its title. */
#define FOLDER_PEEK		8192
/* Longest title kept, in bytes (cut at a character boundary). */
#define FOLDER_TITLE_MAX	512

/* One listed file. Every pointer is owned by the folder. */
struct folder_entry {
	char			*path;	/* as found: "dir/sub/name", or "-" */
	int64_t			 mtime;	/* UTC seconds; 0 for "-" */
	int64_t			 size;	/* bytes; -1 when unknown */
	/* NULL, or why the file cannot be shown ("binary file (NUL
	 * bytes)", "directory loop", strerror text...). Set by the
	 * listing or by the first peek. */
	char			*error;
	/* The rest is filled in by the first peek (folder_info()). */
	int			 peeked;
	enum article_format	 format;
	char			*title;	/* never NULL after a peek */
	struct saved_meta	 meta;	/* the saved header; zeroed for
					 * other formats */
};

struct folder;

/*
 * List paths[0..n) (files, folders, "-"), recursively and sorted as
 * above. Never fails: problems become entries with an error. Caller
 * frees with folder_free().
 */
struct folder	*folder_open(const char *const *paths, size_t n);
void		 folder_free(struct folder *f);
/* The number of entries. */
size_t		 folder_count(const struct folder *f);
/*
 * Entry i (< folder_count()), peeked: on the first call the beginning of
 * the file is read for its format, title and saved header, and cached.
 * Reads at most FOLDER_PEEK bytes (all of standard input for "-", kept
 * for folder_doc()).
 */
const struct folder_entry *folder_info(struct folder *f, size_t i);
/* Entry i's title (folder_info(f, i)->title): the saved Title header,
 * the HTML <title> or first <h1>, the first Markdown heading, else the
 * first line of text, else the file's name. Sanitized to one line. */
const char	*folder_title(struct folder *f, size_t i);
/* Entry i without peeking (no I/O): path, mtime, size, listing error. */
const struct folder_entry *folder_entry(const struct folder *f, size_t i);
/*
 * Read and parse entry i as an article (see article_parse()). When m is
 * not NULL it gets the saved header (zeroed for other formats; caller
 * frees with saved_meta_clear()). Caller frees the document with
 * doc_free(). Returns NULL and sets *cause when the entry has an error
 * or cannot be read or parsed.
 */
struct doc	*folder_doc(struct folder *f, size_t i, struct saved_meta *m,
		    char **cause);
/*
 * The whole content of entry i (standard input as it was read), *len
 * bytes, NUL-terminated. Caller frees. Returns NULL and sets *cause when
 * the entry has an error or cannot be read.
 */
char		*folder_read(struct folder *f, size_t i, size_t *len,
		    char **cause);

#endif
