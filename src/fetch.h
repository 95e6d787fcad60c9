/*
 * fetch.h - parallel HTTP(S) downloads of feed documents with libcurl's
 * multi interface: conditional GET, redirects, size and time limits,
 * Retry-After and permanent redirects. It knows nothing of feeds, the
 * store or the screen; it reports each transfer through a callback.
 * fetch_run() runs the transfers in the program akhbar-fetch
 * (fetch_pipe.c), the only one linked with libcurl (fetch.c).
 */
#ifndef AKHBAR_FETCH_H
#define AKHBAR_FETCH_H

#include <stddef.h>
#include <stdint.h>

#ifndef VERSION
#define VERSION "0"
#endif

/* Limits; fetch_opts_default() fills in the defaults. */
struct fetch_opts {
	int		 max_connections;	/* parallel transfers (8) */
	int		 max_per_host;		/* per host name (2) */
	long		 connect_timeout;	/* seconds (20) */
	long		 timeout;		/* seconds a transfer (120) */
	long		 low_speed_limit;	/* bytes/s ... (16) */
	long		 low_speed_time;	/* ... for this long (30 s) */
	long		 max_redirects;		/* (5) */
	size_t		 max_size;		/* body bytes (32 MB) */
	const char	*user_agent;		/* FETCH_USER_AGENT */
	const char	*proxy;			/* NULL: libcurl's (env) */
	const char	*cookie_file;		/* Netscape format, or NULL */
	const char	*netrc_file;		/* NULL: ~/.netrc */
};

/* The default User-Agent: names akhbar and its version (the project has
 * no public home page to add as "+URL" yet). */
#define FETCH_USER_AGENT	"akhbar/" VERSION " (terminal news reader)"

/* One document to fetch. The strings are borrowed until fetch_run()
 * returns. */
struct fetch_req {
	const char	*url;		/* http:// or https:// */
	const char	*etag;		/* sent as If-None-Match, or NULL */
	const char	*last_modified;	/* sent as If-Modified-Since */
	void		*data;		/* the caller's */
	/* per-feed identity; NULL or 0: the fetch_opts' one */
	const char	*user_agent;
	char *const	*headers;	/* "Name: value" lines */
	size_t		 nheaders;
	const char	*user;		/* HTTP auth, never sent to another */
	const char	*password;	/* host on a redirect */
	int		 netrc;		/* user and password from netrc */
	const char	*cookie_file;
	const char	*proxy;
};

/* How one transfer ended. Everything is borrowed for the callback only. */
struct fetch_result {
	const char	*error;		/* NULL on success, else a reason */
	long		 status;	/* last HTTP status, 0 when none */
	int		 not_modified;	/* 304: nothing to parse */
	const char	*body;		/* NUL-terminated; NULL on error */
	size_t		 len;
	const char	*etag;		/* of the final response, or NULL */
	const char	*last_modified;
	const char	*effective_url;	/* after redirects */
	const char	*content_type;	/* of the last response, or NULL */
	const char	*moved_to;	/* 301/308 from the requested URL */
	int64_t		 retry_after;	/* 429/503: not before this time */
};

/* Called once per request, in completion order. */
typedef void (*fetch_done_cb)(struct fetch_req *req,
	    const struct fetch_result *res, void *arg);

/* Fill o with the defaults named in struct fetch_opts. */
void	 fetch_opts_default(struct fetch_opts *o);
/*
 * Fetch the n requests, at most o->max_connections at once and
 * o->max_per_host per host, calling cb as each one ends (whatever the
 * outcome: one failure never stops the others). Returns 0, or -1 and
 * sets *cause (caller frees) when libcurl itself cannot be set up,
 * or when akhbar-fetch cannot be started. A request the program never
 * answered (it was killed) still gets its callback, with an error.
 */
int	 fetch_run(const struct fetch_opts *o, struct fetch_req *reqs,
	    size_t n, fetch_done_cb cb, void *arg, char **cause);
/* While fetch_run_idle() waits for the downloads, cb(arg) runs each
 * time fd (a pipe's end) has bytes, which it reads first: work done on
 * another thread comes back to the caller's. */
struct fetch_idle {
	int	 fd;
	void	(*cb)(void *arg);
};
/* fetch_run(), running idle's callback between results (idle may be
 * NULL). */
int	 fetch_run_idle(const struct fetch_opts *o, struct fetch_req *reqs,
	    size_t n, fetch_done_cb cb, void *arg,
	    const struct fetch_idle *idle, char **cause);
/*
 * The same, in this process, with libcurl: what akhbar-fetch runs
 * (fetch.c). Only programs linked with fetch.o and libcurl have it.
 */
int	 fetch_curl_run(const struct fetch_opts *o, struct fetch_req *reqs,
	    size_t n, fetch_done_cb cb, void *arg, char **cause);

#endif
