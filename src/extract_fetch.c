/*
 * extract_fetch.c - one page fetched and its article extracted. The body
 * is copied out of fetch.h's callback (it is borrowed there) and handed
 * to extract_page() with the final URL as the base for links.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "extract_fetch.h"

struct page {
	char	*body;
	size_t	 len;
	char	*url;		/* after redirects */
	char	*type;		/* Content-Type, or NULL */
	char	*error;
};

static void
page_done(struct fetch_req *req, const struct fetch_result *res, void *arg)
{
	struct page	*p = arg;

	if (res->error != NULL || res->body == NULL) {
		p->error = xstrdup(res->error != NULL ? res->error :
		    "no content");
		return;
	}
	p->body = xmalloc(res->len + 1);
	memcpy(p->body, res->body, res->len);
	p->body[res->len] = '\0';
	p->len = res->len;
	p->url = xstrdup(res->effective_url != NULL ? res->effective_url :
	    req->url);
	p->type = res->content_type != NULL ? xstrdup(res->content_type) :
	    NULL;
}

int
extract_fetch(const struct fetch_opts *o, const char *url,
    struct extract *x, char **cause)
{
	struct fetch_opts	 opts = *o;
	struct fetch_req	 req;
	struct extract_opts	 eo = { NULL, NULL };
	struct page		 p;
	int			 rc = -1;

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
	if (fetch_run(&opts, &req, 1, page_done, &p, cause) == -1)
		goto out;
	if (p.error != NULL) {
		*cause = p.error;
		p.error = NULL;
		goto out;
	}
	eo.base_url = p.url;
	eo.content_type = p.type;	/* its charset comes first */
	rc = extract_page(p.body, p.len, &eo, x, cause);
out:
	free(p.body);
	free(p.url);
	free(p.type);
	free(p.error);
	return rc;
}
