/*
 * fulltext.c - full texts of stored articles (see fulltext.h): the links
 * are read from the store, fetched together through fetch.h's multi
 * interface, and each page is extracted and stored as its transfer
 * ends, from fetch.h's callback. A store failure stops nothing else but
 * is reported at the end. Times are UTC seconds.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util.h"
#include "extract.h"
#include "fulltext.h"
#include "store.h"
#include "urls.h"
#include "utf8.h"

/* One article to fetch. */
struct job {
	int64_t		 id;
	char		*link;
};

/* What the callback needs. */
struct run {
	struct store		*st;
	struct fulltext_stats	*stats;
	char			*store_error;	/* the first one */
};

int
fulltext_type_ok(const char *type)
{
	static const char *const ok[] = {
		"text/html", "application/xhtml+xml", "application/xml",
		"text/xml"
	};
	size_t	i, n;

	if (type == NULL || *type == '\0')
		return 1;
	while (*type == ' ')
		type++;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		n = strlen(ok[i]);
		if (strncasecmp(type, ok[i], n) == 0 && (type[n] == '\0' ||
		    type[n] == ';' || type[n] == ' '))
			return 1;
	}
	return 0;
}

/* Store the outcome for one article: f->content set, or error. */
static void
record(struct run *r, int64_t id, struct store_fulltext *f,
    const char *error)
{
	char	*cause = NULL;

	f->fetched = (int64_t)time(NULL);
	if (f->content == NULL) {
		f->error = (char *)error;
		r->stats->failed++;
		free(r->stats->last_error);
		r->stats->last_error = xstrdup(error);
	} else
		r->stats->ok++;
	if (store_fulltext_put(r->st, id, f, &cause) == -1) {
		if (r->store_error == NULL)
			r->store_error = cause;
		else
			free(cause);
	}
}

static void
page_done(struct fetch_req *req, const struct fetch_result *res, void *arg)
{
	struct run		*r = arg;
	struct job		*j = req->data;
	struct store_fulltext	 f;
	struct extract		 x;
	struct extract_opts	 eo;
	char			*why = NULL, *error = NULL;

	memset(&f, 0, sizeof f);
	memset(&eo, 0, sizeof eo);
	f.url = (char *)(res->effective_url != NULL ? res->effective_url :
	    req->url);
	f.content_type = (char *)res->content_type;
	if (res->error != NULL || res->body == NULL)
		error = xstrdup(res->error != NULL ? res->error : "no content");
	else if (!fulltext_type_ok(res->content_type))
		error = xasprintf("not an HTML page (%s)", res->content_type);
	else {
		eo.base_url = f.url;
		eo.content_type = res->content_type;
		if (extract_page(res->body, res->len, &eo, &x, &why) == 0) {
			f.content = x.html;
			record(r, j->id, &f, NULL);
			extract_clear(&x);
			return;
		}
		error = why;
		why = NULL;
	}
	/* the reasons come from the network and the page: one clean line */
	why = utf8_sanitize(error, strlen(error), UTF8_FOLD_SPACE |
	    UTF8_SQUEEZE);
	record(r, j->id, &f, why);
	free(why);
	free(error);
}

/*
 * The host of an http or https URL in lower case, and whether it is
 * https, into host (FULLTEXT_HOST_MAX bytes); 0, or -1 when url is not
 * one this reads for sure (another scheme, a backslash, odd characters
 * in the authority: then no credentials go). A user:pass@ is skipped.
 */
#define FULLTEXT_HOST_MAX	256
static int
url_host(const char *url, char *host, int *https)
{
	const char	*a, *end, *at, *h, *he;
	size_t		 k;

	if (strncasecmp(url, "http://", 7) == 0)
		*https = 0;
	else if (strncasecmp(url, "https://", 8) == 0)
		*https = 1;
	else
		return -1;
	a = url + (*https ? 8 : 7);
	end = a + strcspn(a, "/?#");
	if (memchr(a, '\\', (size_t)(end - a)) != NULL)
		return -1;
	for (at = NULL, h = a; h < end; h++)
		if (*h == '@')
			at = h;
	h = at != NULL ? at + 1 : a;
	if (*h == '[')
		he = memchr(h, ']', (size_t)(end - h));
	else
		for (he = h; he < end && *he != ':'; he++)
			;
	if (he == NULL || he == h || (k = (size_t)(he - h) + (*h == '[')) >=
	    FULLTEXT_HOST_MAX)
		return -1;
	for (a = h; a < h + k; a++) {
		if (!isalnum((unsigned char)*a) && strchr(".-_[]:%", *a) ==
		    NULL)
			return -1;
		host[a - h] = (char)tolower((unsigned char)*a);
	}
	host[k] = '\0';
	return 0;
}

/* May the page at link carry the credentials and headers of the feed
 * at feed_url? Same host, and no https feed's secrets over plain http. */
static int
same_host(const char *link, const char *feed_url)
{
	char	a[FULLTEXT_HOST_MAX], b[FULLTEXT_HOST_MAX];
	int	sa, sb;

	if (url_host(link, a, &sa) == -1 || url_host(feed_url, b, &sb) == -1)
		return 0;
	return strcmp(a, b) == 0 && sa >= sb;
}

/* The page request of an article of the feed e (may be NULL): the
 * feed's user-agent, proxy and cookies always, its headers and
 * credentials on its own host only (fetch.c keeps them from following
 * a redirect to another one). */
static void
page_identity(struct fetch_req *req, const struct urls_entry *e)
{
	if (e == NULL)
		return;
	req->user_agent = e->opts.user_agent;
	req->cookie_file = e->opts.cookies;
	req->proxy = e->opts.proxy;
	if (!same_host(req->url, e->url))
		return;
	req->headers = e->opts.headers;
	req->nheaders = e->opts.nheaders;
	req->user = e->user;
	req->password = e->password;
	req->netrc = e->opts.auth_netrc;
}

/* The urls entry of article id's feed, or NULL. */
static const struct urls_entry *
article_feed(struct store *st, const struct urls *u, int64_t id,
    char **cause)
{
	char	*url;
	long	 i = -1;

	if (u == NULL || u->n == 0)
		return NULL;
	if (store_article_feed_url(st, id, &url, cause) == -1)
		return NULL;
	if (url != NULL)
		i = urls_find(u, url);
	free(url);
	return i >= 0 ? &u->v[i] : NULL;
}

/* A link that may be fetched: http or https. */
static int
fetchable(const char *link)
{
	return link != NULL && (strncasecmp(link, "http://", 7) == 0 ||
	    strncasecmp(link, "https://", 8) == 0);
}

int
fulltext_fetch(struct store *st, const struct fetch_opts *o,
    const struct urls *u, const int64_t *ids, size_t n,
    struct fulltext_stats *stats, char **cause)
{
	const struct urls_entry	*e;
	struct fetch_opts	 opts = *o;
	struct fetch_req	*reqs;
	struct store_fulltext	 f;
	struct job		*jobs;
	struct run		 r;
	size_t			 i, nreq = 0;
	int			 rc = 0;

	memset(stats, 0, sizeof *stats);
	memset(&r, 0, sizeof r);
	r.st = st;
	r.stats = stats;
	if (opts.max_per_host <= 0 || opts.max_per_host > FULLTEXT_PER_HOST)
		opts.max_per_host = FULLTEXT_PER_HOST;
	if (opts.max_size == 0 || opts.max_size > EXTRACT_MAX_SIZE)
		opts.max_size = EXTRACT_MAX_SIZE;
	jobs = xcalloc(n > 0 ? n : 1, sizeof *jobs);
	reqs = xcalloc(n > 0 ? n : 1, sizeof *reqs);
	for (i = 0; i < n; i++) {
		jobs[i].id = ids[i];
		if (store_article_link(st, ids[i], &jobs[i].link,
		    cause) == -1) {
			rc = -1;
			goto out;
		}
		if (!fetchable(jobs[i].link)) {
			memset(&f, 0, sizeof f);
			record(&r, ids[i], &f, jobs[i].link == NULL ?
			    "the article has no link" :
			    "only http:// and https:// pages are fetched");
			continue;
		}
		*cause = NULL;
		e = article_feed(st, u, ids[i], cause);
		if (*cause != NULL) {
			rc = -1;
			goto out;
		}
		reqs[nreq].url = jobs[i].link;
		page_identity(&reqs[nreq], e);
		reqs[nreq++].data = &jobs[i];
	}
	if (nreq > 0 && fetch_run(&opts, reqs, nreq, page_done, &r,
	    cause) == -1)
		rc = -1;
out:
	if (rc == 0 && r.store_error != NULL) {
		*cause = r.store_error;
		r.store_error = NULL;
		rc = -1;
	}
	free(r.store_error);
	for (i = 0; i < n; i++)
		free(jobs[i].link);
	free(jobs);
	free(reqs);
	return rc;
}
