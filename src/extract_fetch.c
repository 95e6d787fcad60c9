/*
 * extract_fetch.c - one page fetched and its article extracted: the body
 * is handed to extract_page() inside fetch.h's callback (it is borrowed
 * there), with the final URL as the base for links.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "extract_fetch.h"

/* What the callback hands back. */
struct page {
	struct extract			*x;
	char				*cause;
	int				 rc;
};

/* The page is extracted where fetch.h's callback lends it: no copy of
 * the body is kept (EXTRACT_MAX_SIZE of them, for a large page). */
static void
page_done(struct fetch_req *req, const struct fetch_result *res, void *arg)
{
	struct page		*p = arg;
	struct extract_opts	 eo;

	memset(&eo, 0, sizeof eo);
	if (res->error != NULL || res->body == NULL) {
		p->cause = xstrdup(res->error != NULL ? res->error :
		    "no content");
		return;
	}
	eo.base_url = res->effective_url != NULL ? res->effective_url :
	    req->url;
	eo.content_type = res->content_type;	/* its charset comes first */
	p->rc = extract_page(res->body, res->len, &eo, p->x, &p->cause);
}

int
extract_fetch(const struct fetch_opts *o, const char *url,
    struct extract *x, char **cause)
{
	struct fetch_opts	 opts = *o;
	struct fetch_req	 req;
	struct page		 p;

	memset(x, 0, sizeof *x);
	if (strncasecmp(url, "http://", 7) != 0 &&
	    strncasecmp(url, "https://", 8) != 0) {
		*cause = xstrdup("only http:// and https:// pages are fetched");
		return -1;
	}
	if (opts.max_size == 0 || opts.max_size > EXTRACT_MAX_SIZE)
		opts.max_size = EXTRACT_MAX_SIZE;
	memset(&req, 0, sizeof req);
	req.url = url;
	memset(&p, 0, sizeof p);
	p.x = x;
	p.rc = -1;
	if (fetch_run(&opts, &req, 1, page_done, &p, cause) == -1) {
		free(p.cause);
		extract_clear(x);
		return -1;
	}
	if (p.rc == -1) {
		*cause = p.cause != NULL ? p.cause : xstrdup("no content");
		return -1;
	}
	return 0;
}
