/*
 * extract_fetch.h - the article of a web page on the network: the page
 * fetched through fetch.h (http and https only, its timeouts, redirect
 * limit and size cap, no more than EXTRACT_MAX_SIZE), then extract.h.
 * Reports errors to the caller; prints nothing.
 */
#ifndef AKHBAR_EXTRACT_FETCH_H
#define AKHBAR_EXTRACT_FETCH_H

#include "extract.h"
#include "fetch.h"

/*
 * Fetch url with the limits of o (as the refresh uses them) and extract
 * its article into *x, relative links resolved against the URL the
 * redirects ended at. Returns 0; or -1 with *cause set (caller frees)
 * naming what failed: the scheme, the transfer, the HTTP status, or the
 * extraction.
 */
int	extract_fetch(const struct fetch_opts *o, const char *url,
	    struct extract *x, char **cause);

#endif
