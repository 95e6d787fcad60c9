/*
 * urls.h - the subscription list, in newsboat's urls file format: one
 * feed a line, the URL first, then tags; a quoted "~Name" tag names the
 * feed; '#' starts a comment; blank lines are ignored.
 */
#ifndef AKHBAR_URLS_H
#define AKHBAR_URLS_H

#include <stddef.h>

/* One subscription. */
struct urls_entry {
	char		*url;
	char		*name;		/* from "~Name", or NULL */
	char		**tags;
	size_t		 ntags;
	unsigned	 line;
};

/* A parsed urls file: its entries and the lines it skipped. */
struct urls {
	struct urls_entry	*v;
	size_t			 n;
	char			**warnings;	/* "FILE:LINE: reason" */
	size_t			 nwarnings;
};

/*
 * The default urls file: $XDG_CONFIG_HOME/akhbar/urls, else
 * ~/.config/akhbar/urls. Caller frees.
 */
char	*urls_default_path(void);
/*
 * Parse len bytes of urls file text into u (zero it first; entries are
 * appended). Malformed lines are skipped and described in u->warnings
 * as "fname:LINE: reason"; they are never fatal.
 */
void	 urls_parse(const char *text, size_t len, const char *fname,
	    struct urls *u);
/*
 * Read and parse the urls file at path into u. A missing file is an
 * error unless missing_ok is set (then u stays empty). Returns 0, or -1
 * and sets *cause (caller frees).
 */
int	 urls_load(const char *path, int missing_ok, struct urls *u,
	    char **cause);
/* Free everything u holds and zero it. */
void	 urls_free(struct urls *u);
/* Index of the entry with this URL in u, or -1. */
long	 urls_find(const struct urls *u, const char *url);
/*
 * Non-zero when url names a local file (an absolute or ./ ~/ path, or a
 * file: URL) rather than an http or https URL.
 */
int	 urls_is_local(const char *url);
/*
 * The local path of a local url (file: prefix stripped, ~/ expanded), or
 * NULL when url is not local. Caller frees.
 */
char	*urls_local_path(const char *url);
/*
 * Format one urls file line (no newline) for url, name (may be NULL) and
 * tags, quoting where needed. Caller frees.
 */
char	*urls_format(const char *url, const char *name, char *const *tags,
	    size_t ntags);
/*
 * Append entries (already formatted lines, without newlines) to the urls
 * file at path, creating it and its directory when needed and keeping
 * its existing content intact. Returns 0, or -1 and *cause.
 */
int	 urls_append(const char *path, char *const *lines, size_t n,
	    char **cause);

#endif
