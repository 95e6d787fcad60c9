/*
 * fulltext.c - full texts of stored articles (see fulltext.h): the links
 * are read from the store, fetched together through fetch.h's multi
 * interface, and each page is extracted and stored as its transfer
 * ends, from fetch.h's callback. A store failure stops nothing else but
 * is reported at the end. Times are UTC seconds.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util.h"
#include "extract.h"
#include "fulltext.h"
#include "store.h"
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

/* A link that may be fetched: http or https. */
static int
fetchable(const char *link)
{
	return link != NULL && (strncasecmp(link, "http://", 7) == 0 ||
	    strncasecmp(link, "https://", 8) == 0);
}

int
fulltext_fetch(struct store *st, const struct fetch_opts *o,
    const int64_t *ids, size_t n, struct fulltext_stats *stats,
    char **cause)
{
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
		reqs[nreq].url = jobs[i].link;
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
