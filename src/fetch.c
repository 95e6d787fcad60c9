/*
 * fetch.c - parallel downloads with libcurl's multi interface (see
 * fetch.h). The only file that includes curl.
 *
 * Scheduling is ours, not curl's queue: a request is only handed to curl
 * when fewer than max_connections transfers run and fewer than
 * max_per_host run against its host, so timeouts count from the moment a
 * transfer really starts. Sizes are bytes, times seconds.
 *
 * Only akhbar-fetch (fetch_main.c) links this file and libcurl, so that
 * libcurl's own dependencies (TLS, GSSAPI, LDAP, SSH, IDN...) are never
 * loaded by akhbar itself; akhbar's fetch_run() runs that program
 * (fetch_pipe.c).
 */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#include "fetch.h"
#include "util.h"

/* One running transfer. */
struct xfer {
	struct fetch_req	*req;
	CURL			*easy;
	struct curl_slist	*headers;
	char			*host;
	struct buf		 body;
	size_t			 max_size;
	int			 too_large;
	/* from the header callback, for the current response */
	long			 status;
	char			*reason;	/* HTTP reason phrase */
	char			*etag;
	char			*last_modified;
	int			 hops;		/* responses seen */
	int			 permanent;	/* all 301/308 so far */
	char			*moved_to;
	/* redirects followed here, not by libcurl (see xfer_redirect()) */
	int			 manual;
	char			*origin;	/* of the requested URL */
	long			 redirects;
	int			 away;		/* left the origin */
	int			 too_many;
	char			 errbuf[CURL_ERROR_SIZE];
};

static size_t
fetch_write(char *data, size_t size, size_t n, void *arg)
{
	struct xfer	*x = arg;

	n *= size;
	/* decoded bytes: this also stops gzip bombs and lying lengths */
	if (x->body.len + n > x->max_size) {
		x->too_large = 1;
		return 0;
	}
	buf_add(&x->body, data, n);
	return n;
}

/* The value of header line h if it is "name: value", trimmed. */
static char *
header_value(const char *h, size_t len, const char *name)
{
	size_t	nl = strlen(name);
	const char *v, *end = h + len;

	if (len <= nl || strncasecmp(h, name, nl) != 0 || h[nl] != ':')
		return NULL;
	for (v = h + nl + 1; v < end && (*v == ' ' || *v == '\t'); v++)
		;
	while (end > v && isspace((unsigned char)end[-1]))
		end--;
	/* The value is sent back in a request header: a lone CR or another
	 * control character would split that header. Drop such values. */
	for (h = v; h < end; h++)
		if ((unsigned char)*h < 0x20 || *h == 0x7f)
			return NULL;
	return xstrndup(v, end - v);
}

/* A new response's status line: track redirect hops. */
static void
fetch_status_line(struct xfer *x, const char *h, size_t len)
{
	const char	*p = memchr(h, ' ', len), *end = h + len;
	long		 status;
	char		*url = NULL;

	if (p == NULL)
		return;
	status = strtol(p + 1, NULL, 10);
	if (status >= 100 && status < 200)
		return;		/* 100 Continue and friends */
	if (x->hops > 0 && x->permanent) {
		/* the previous response was a 301/308 that curl followed:
		 * the URL now being fetched is where the feed lives */
		curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &url);
		free(x->moved_to);
		x->moved_to = url != NULL ? xstrdup(url) : NULL;
	}
	x->hops++;
	x->permanent = x->permanent && (status == 301 || status == 308);
	x->status = status;
	free(x->reason);
	free(x->etag);
	free(x->last_modified);
	x->etag = x->last_modified = NULL;
	for (p++; p < end && isdigit((unsigned char)*p); p++)
		;
	while (p < end && *p == ' ')
		p++;
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	x->reason = xstrndup(p, end - p);
}

static size_t
fetch_header(char *h, size_t size, size_t n, void *arg)
{
	struct xfer	*x = arg;
	char		*v;

	n *= size;
	if (n >= 5 && strncmp(h, "HTTP/", 5) == 0)
		fetch_status_line(x, h, n);
	else if ((v = header_value(h, n, "ETag")) != NULL) {
		free(x->etag);
		x->etag = v;
	} else if ((v = header_value(h, n, "Last-Modified")) != NULL) {
		free(x->last_modified);
		x->last_modified = v;
	}
	return n;
}

static char *
fetch_host(const char *url)
{
	CURLU	*u = curl_url();
	char	*host = NULL, *h;

	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
		h = xstrdup(host);
		curl_free(host);
	} else
		h = xstrdup("");
	curl_url_cleanup(u);
	return h;
}

/* "scheme://host:port" of url, the host in lower case, or NULL. Caller
 * frees. */
static char *
fetch_origin(const char *url)
{
	CURLU	*u = curl_url();
	char	*scheme = NULL, *host = NULL, *port = NULL, *o = NULL, *p;

	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) ==
	    CURLUE_OK) {
		o = xasprintf("%s://%s:%s", scheme, host, port);
		for (p = o; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return o;
}

/*
 * Who we say we are: user-agent, proxy, cookies and credentials, the
 * request's own winning over the options'. Credentials and custom
 * headers are never sent to another host after a redirect. libcurl
 * drops credentials and (since 7.83) Authorization and Cookie headers
 * on its own unless CURLOPT_UNRESTRICTED_AUTH, which stays off (set here
 * so a libcurl default cannot change it), but it sends other custom
 * headers (header="X-Token: ...") wherever a redirect goes: requests
 * with credentials or custom headers follow their redirects here
 * instead (xfer_redirect()).
 */
static void
fetch_identity(CURL *e, const struct fetch_opts *o,
    const struct fetch_req *req)
{
	const char	*cookies, *proxy;

	curl_easy_setopt(e, CURLOPT_USERAGENT, req->user_agent != NULL ?
	    req->user_agent : o->user_agent);
	curl_easy_setopt(e, CURLOPT_UNRESTRICTED_AUTH, 0L);
	if ((proxy = req->proxy != NULL ? req->proxy : o->proxy) != NULL)
		curl_easy_setopt(e, CURLOPT_PROXY, proxy);
	cookies = req->cookie_file != NULL ? req->cookie_file :
	    o->cookie_file;
	if (cookies != NULL)
		curl_easy_setopt(e, CURLOPT_COOKIEFILE, cookies);
	if (req->user != NULL) {
		curl_easy_setopt(e, CURLOPT_USERNAME, req->user);
		curl_easy_setopt(e, CURLOPT_PASSWORD, req->password != NULL ?
		    req->password : "");
	} else if (req->netrc) {
		curl_easy_setopt(e, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
		if (o->netrc_file != NULL)
			curl_easy_setopt(e, CURLOPT_NETRC_FILE, o->netrc_file);
	}
}

/* The request's header list: conditional GET, and its custom headers
 * unless the transfer left the origin. */
static void
xfer_headers(struct xfer *x, int custom)
{
	const struct fetch_req	*req = x->req;
	char			*h;
	size_t			 i;

	curl_slist_free_all(x->headers);
	x->headers = NULL;
	if (req->etag != NULL) {
		h = xasprintf("If-None-Match: %s", req->etag);
		x->headers = curl_slist_append(x->headers, h);
		free(h);
	}
	if (req->last_modified != NULL) {
		h = xasprintf("If-Modified-Since: %s", req->last_modified);
		x->headers = curl_slist_append(x->headers, h);
		free(h);
	}
	for (i = 0; custom && i < req->nheaders; i++)
		x->headers = curl_slist_append(x->headers, req->headers[i]);
	curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, x->headers);
}

static struct xfer *
xfer_create(const struct fetch_opts *o, struct fetch_req *req)
{
	struct xfer	*x = xcalloc(1, sizeof *x);
	CURL		*e;

	x->req = req;
	x->max_size = o->max_size;
	x->permanent = 1;
	x->host = fetch_host(req->url);
	if ((e = x->easy = curl_easy_init()) == NULL)
		die("curl_easy_init failed");
	curl_easy_setopt(e, CURLOPT_URL, req->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, fetch_write);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, fetch_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	fetch_identity(e, o, req);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	x->manual = req->nheaders > 0 || req->user != NULL || req->netrc;
	x->origin = x->manual ? fetch_origin(req->url) : NULL;
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, x->manual ? 0L : 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, o->max_redirects);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, o->connect_timeout);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, o->timeout);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, o->low_speed_limit);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, o->low_speed_time);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)o->max_size);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_FILETIME, 0L);
	xfer_headers(x, 1);
	return x;
}

static void
xfer_free(struct xfer *x)
{
	curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->headers);
	buf_free(&x->body);
	free(x->host);
	free(x->reason);
	free(x->etag);
	free(x->last_modified);
	free(x->moved_to);
	free(x->origin);
	free(x);
}

/*
 * A redirect of a transfer that follows them itself (x->manual): the
 * same handle goes on to the Location, without the credentials and the
 * custom headers once it leaves the requested URL's scheme, host and
 * port (for good: not even when a later hop comes back). Returns 1 when
 * the transfer goes on, 0 when it ended (x->too_many: one redirect over
 * the limit).
 */
static int
xfer_redirect(struct xfer *x, const struct fetch_opts *o, CURLcode rc)
{
	long	 status = 0;
	char	*to = NULL, *origin;

	if (!x->manual || rc != CURLE_OK)
		return 0;
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status);
	if (status < 300 || status > 399 || status == 304 ||
	    curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &to) !=
	    CURLE_OK || to == NULL)
		return 0;
	if (x->redirects >= o->max_redirects) {
		x->too_many = 1;
		return 0;
	}
	x->redirects++;
	to = xstrdup(to);
	origin = fetch_origin(to);
	if (!x->away && (origin == NULL || x->origin == NULL ||
	    strcmp(origin, x->origin) != 0)) {
		x->away = 1;
		curl_easy_setopt(x->easy, CURLOPT_USERNAME, NULL);
		curl_easy_setopt(x->easy, CURLOPT_PASSWORD, NULL);
		curl_easy_setopt(x->easy, CURLOPT_NETRC,
		    (long)CURL_NETRC_IGNORED);
		xfer_headers(x, 0);
	}
	free(origin);
	curl_easy_setopt(x->easy, CURLOPT_URL, to);
	free(to);
	buf_reset(&x->body);
	x->too_large = 0;
	return 1;
}

/* A human reason for a failed transfer. Caller frees. */
static char *
fetch_reason(struct xfer *x, CURLcode rc, const struct fetch_opts *o)
{
	long	 oserr = 0;
	char	*host = x->host;

	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
		return xasprintf("DNS failure: cannot resolve host %s", host);
	case CURLE_COULDNT_RESOLVE_PROXY:
		return xstrdup("DNS failure: cannot resolve the proxy");
	case CURLE_COULDNT_CONNECT:
		curl_easy_getinfo(x->easy, CURLINFO_OS_ERRNO, &oserr);
		if (oserr == ECONNREFUSED)
			return xasprintf("connection refused by %s", host);
		if (oserr == ENETUNREACH || oserr == EHOSTUNREACH)
			return xasprintf("%s is unreachable", host);
		return xasprintf("cannot connect to %s", host);
	case CURLE_OPERATION_TIMEDOUT:
		return xasprintf("timeout (%s)", x->errbuf);
	case CURLE_TOO_MANY_REDIRECTS:
		return xasprintf("too many redirects (more than %ld)",
		    o->max_redirects);
	case CURLE_UNSUPPORTED_PROTOCOL:
		return xstrdup("redirect to a refused protocol (only http "
		    "and https are fetched)");
	case CURLE_FILESIZE_EXCEEDED:
		return xasprintf("too large (over %zu bytes)", o->max_size);
	case CURLE_WRITE_ERROR:
		if (x->too_large)
			return xasprintf("too large (over %zu bytes)",
			    o->max_size);
		break;
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
		return xasprintf("connection dropped (%s)", x->errbuf);
	case CURLE_BAD_CONTENT_ENCODING:
		return xasprintf("bad compressed body (%s)", x->errbuf);
	default:
		break;
	}
	return xstrdup(*x->errbuf != '\0' ? x->errbuf :
	    curl_easy_strerror(rc));
}

/* Report one finished transfer to the caller. */
static void
fetch_finish(struct xfer *x, CURLcode rc, const struct fetch_opts *o,
    fetch_done_cb cb, void *arg)
{
	struct fetch_result	 r;
	char			*error = NULL, *url = NULL, *type = NULL;
	curl_off_t		 retry = 0;

	memset(&r, 0, sizeof r);
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &r.status);
	curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &url);
	r.effective_url = url;
	/* for a page's charset (extract_fetch.c, fulltext.c) */
	curl_easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &type);
	r.content_type = type;
	r.moved_to = x->moved_to;
	r.etag = x->etag;
	r.last_modified = x->last_modified;
	if (rc != CURLE_OK)
		error = fetch_reason(x, rc, o);
	else if (r.status == 304)
		r.not_modified = 1;
	else if (r.status == 429 || r.status == 503) {
		curl_easy_getinfo(x->easy, CURLINFO_RETRY_AFTER, &retry);
		if (retry > 0) {
			r.retry_after = (int64_t)time(NULL) + retry;
			error = xasprintf("HTTP %ld %s (server asks to retry "
			    "in %lld s)", r.status, x->reason,
			    (long long)retry);
		} else
			error = xasprintf("HTTP %ld %s", r.status, x->reason);
	} else if (r.status < 200 || r.status >= 300)
		error = xasprintf("HTTP %ld%s%s", r.status,
		    *x->reason != '\0' ? " " : "", x->reason);
	else {
		buf_putc(&x->body, '\0');
		x->body.len--;
		r.body = x->body.data;
		r.len = x->body.len;
	}
	r.error = error;
	cb(x->req, &r, arg);
	free(error);
}

/*
 * Scheduling state: hid[i] is the index of the first request with the
 * same host as request i, and busy[hid] counts its running transfers.
 */
struct sched {
	size_t	*hid;
	int	*busy;
	char	*started;
	size_t	 first;		/* no request before this one is waiting */
};

static void
sched_init(struct sched *s, struct fetch_req *reqs, size_t n)
{
	char	**hosts = xcalloc(n + 1, sizeof *hosts);
	size_t	  i, j;

	s->hid = xcalloc(n + 1, sizeof *s->hid);
	s->busy = xcalloc(n + 1, sizeof *s->busy);
	s->started = xcalloc(n + 1, 1);
	s->first = 0;
	for (i = 0; i < n; i++) {
		hosts[i] = fetch_host(reqs[i].url);
		for (j = 0; j < i && strcmp(hosts[i], hosts[j]) != 0; j++)
			;
		s->hid[i] = j;
	}
	for (i = 0; i < n; i++)
		free(hosts[i]);
	free(hosts);
}

static void
sched_free(struct sched *s)
{
	free(s->hid);
	free(s->busy);
	free(s->started);
}

/* Index of the next request that may start, or n when none may. */
static size_t
sched_next(struct sched *s, size_t n, int max_per_host)
{
	size_t	i;

	while (s->first < n && s->started[s->first])
		s->first++;
	for (i = s->first; i < n; i++)
		if (!s->started[i] && s->busy[s->hid[i]] < max_per_host)
			return i;
	return n;
}

int
fetch_curl_run(const struct fetch_opts *o, struct fetch_req *reqs, size_t n,
    fetch_done_cb cb, void *arg, char **cause)
{
	CURLM		*m;
	CURLMsg		*msg;
	struct xfer	*x;
	struct sched	 s;
	CURLcode	 rc;
	int		 active = 0, still, left;
	size_t		 i, done = 0;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
	    (m = curl_multi_init()) == NULL) {
		*cause = xstrdup("cannot initialise libcurl");
		return -1;
	}
	curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)o->max_connections);
	curl_multi_setopt(m, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)o->max_per_host);
	sched_init(&s, reqs, n);
	while (done < n) {
		/* start what the limits allow */
		while (active < o->max_connections &&
		    (i = sched_next(&s, n, o->max_per_host)) < n) {
			x = xfer_create(o, &reqs[i]);
			s.started[i] = 1;
			s.busy[s.hid[i]]++;
			curl_multi_add_handle(m, x->easy);
			active++;
		}
		curl_multi_perform(m, &still);
		while ((msg = curl_multi_info_read(m, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			/* msg is not to be read after the removal */
			rc = msg->data.result;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			    (char **)&x);
			curl_multi_remove_handle(m, x->easy);
			if (xfer_redirect(x, o, rc)) {
				curl_multi_add_handle(m, x->easy);
				continue;
			}
			if (x->too_many)
				rc = CURLE_TOO_MANY_REDIRECTS;
			s.busy[s.hid[x->req - reqs]]--;
			active--;
			done++;
			fetch_finish(x, rc, o, cb, arg);
			xfer_free(x);
		}
		if (done < n && active > 0)
			curl_multi_poll(m, NULL, 0, 1000, NULL);
	}
	sched_free(&s);
	curl_multi_cleanup(m);
	curl_global_cleanup();
	return 0;
}
