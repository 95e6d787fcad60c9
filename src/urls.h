/*
 * urls.h - the subscription list, in newsboat's urls file format: one
 * feed a line, the URL first, then tags; a quoted "~Name" tag names the
 * feed; '#' starts a comment; blank lines are ignored. Words of the form
 * key=value (key in lower case, value quoted when it has blanks:
 * header="X-Token: abc") are per-feed settings, not tags.
 */
#ifndef AKHBAR_URLS_H
#define AKHBAR_URLS_H

#include <stddef.h>

/* direction= of a feed. */
enum urls_dir { URLS_DIR_UNSET, URLS_DIR_AUTO, URLS_DIR_LTR, URLS_DIR_RTL };

/* The per-feed settings of a urls line; zero (NULL, -1 for fulltext)
 * means "not set": the config file's value applies. */
struct urls_opts {
	long		 interval;	/* minutes between fetches */
	long		 max_articles;	/* kept per feed */
	long		 keep_days;	/* older unsaved articles removed */
	char		*user_agent;
	char		**headers;	/* "Name: value", sent as they are */
	size_t		 nheaders;
	int		 auth_netrc;	/* auth=netrc: user from ~/.netrc */
	char		*cookies;	/* Netscape cookie file */
	char		*proxy;
	int		 fulltext;	/* -1 unset, 0 no, 1 yes (see F) */
	enum urls_dir	 direction;
};

/* One subscription. */
struct urls_entry {
	char		*url;		/* without user:pass@ */
	char		*name;		/* from "~Name" or name=, or NULL */
	char		**tags;
	size_t		 ntags;
	unsigned	 line;
	char		*user;		/* from user:pass@ in the URL, */
	char		*password;	/* percent-decoded; else NULL */
	struct urls_opts opts;
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
 * The settings of o as urls file words (" interval=30 header=\"A: b\""),
 * each with a leading blank, "" when none is set. Caller frees.
 */
char	*urls_format_opts(const struct urls_opts *o);
/* One setting as a urls file word, " key=value" (value quoted when it
 * needs it), unchecked. Caller frees. */
char	*urls_format_setting(const char *key, const char *value);
/*
 * Copy url without its user:pass@ part, if any, into a new string (caller
 * frees); the user and password, percent-decoded, go to *user and
 * *password (caller frees; NULL when absent; either pointer may be NULL).
 */
char	*urls_strip_auth(const char *url, char **user, char **password);
/*
 * Append entries (already formatted lines, without newlines) to the urls
 * file at path, creating it and its directory when needed and keeping
 * its existing content intact. Returns 0, or -1 and *cause.
 */
int	 urls_append(const char *path, char *const *lines, size_t n,
	    char **cause);

#endif
