/*
 * fulltext.h - the full texts of stored articles: each article's link
 * fetched with the refresh's limits (fetch.h: http and https only,
 * timeouts, redirect limit, at most FULLTEXT_PER_HOST pages of one host
 * at once, no page over EXTRACT_MAX_SIZE), its article extracted
 * (extract.h, the Content-Type's charset first) and kept in the store
 * (store_fulltext_put()), or the failure kept there instead. Prints
 * nothing; reports counts and errors to the caller.
 */
#ifndef AKHBAR_FULLTEXT_H
#define AKHBAR_FULLTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "fetch.h"

struct store;
struct urls;

/* At most this many pages of one host are fetched at once. */
#define FULLTEXT_PER_HOST	2
/* At most this many full texts are fetched by one refresh: a feed that
 * suddenly lists thousands of articles costs its site no more. The
 * articles beyond are left for F (the next refresh only looks at the
 * articles new to it). */
#define FULLTEXT_PER_REFRESH	100

/* What fulltext_fetch() did. */
struct fulltext_stats {
	size_t		 ok;		/* stored */
	size_t		 failed;	/* failure stored */
	char		*last_error;	/* the last failure's reason, or
					 * NULL; caller frees */
};

/*
 * Fetch, extract and store the full texts of the articles ids[0..n),
 * in parallel as o allows (but never more than FULLTEXT_PER_HOST a
 * host). Every article gets a row: its text, or why there is none (no
 * link, not http(s), the HTTP status, not HTML, no article in the
 * page). A page is fetched with the identity its feed has in u (may be
 * NULL; a feed found nowhere there gets o's): the feed's user-agent,
 * proxy and cookie file always, its header= and auth (user:pass@,
 * auth=netrc) only for a page on the feed's own host (and over https
 * when the feed is https), never after a redirect to another host.
 * Returns 0 when every article was dealt with (even when some failed:
 * see stats), or -1 and *cause (caller frees) when the store or
 * libcurl failed.
 */
int	 fulltext_fetch(struct store *st, const struct fetch_opts *o,
	    const struct urls *u, const int64_t *ids, size_t n,
	    struct fulltext_stats *stats, char **cause);
/*
 * Non-zero when a page of this Content-Type (may be NULL: unknown) may
 * hold an article: HTML, XHTML, or a type the server did not say.
 */
int	 fulltext_type_ok(const char *content_type);

#endif
