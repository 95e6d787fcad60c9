/*
 * cmd_store.c - the store commands: --refresh (fetch every feed of the
 * urls file into the store), --list (print stored article headers),
 * --import-opml and --export-opml. They glue urls, fetch, feed and store
 * together and are the only part of that chain that prints. Everything
 * untrusted (titles, URLs, reasons) goes through utf8_sanitize().
 */
#include <limits.h>
#include <stdarg.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "cmds.h"
#include "feed.h"
#include "feed_queue.h"
#include "fetch.h"
#include "fetch_exec.h"
#include "opml.h"
#include "rules.h"
#include "store.h"
#include "urls.h"
#include "utf8.h"
#include "config.h"
#include "util.h"

/* Options shared by the store commands, with their defaults. */
struct store_args {
	char		*urls;		/* urls file path */
	char		*cache;		/* store path */
	const char	*opml;		/* --import-opml FILE */
	struct fetch_opts fetch;
	int64_t		 max_articles;	/* 0: unlimited */
	int		 fulltext;	/* the config's fulltext yes|no */
	int		 verbose;	/* -v: config warnings too */
	int		 force;		/* --force: ignore interval= */
	int		 unread;	/* --list --unread */
	const char	*feed;		/* --feed URL: only this feed */
	struct rules	 rules;		/* ignore lines of the config */
	char		*user_agent;	/* from the config, or NULL */
	char		*proxy;
	char		*cookie_file;
};

enum {
	OPT_MODE = 256,
	OPT_MAX_CONNECTIONS,
	OPT_MAX_ARTICLES,
	OPT_TIMEOUT,
	OPT_CONNECT_TIMEOUT,
	OPT_MAX_SIZE,
	OPT_MAX_PER_HOST,
	OPT_LOW_SPEED_TIME,
	OPT_FORCE,
	OPT_FEED,
	OPT_UNREAD,
};

/* Every option the store commands know; each command takes a subset. */
static const struct option store_options[] = {
	{ "urls", required_argument, NULL, 'u' },
	{ "cache", required_argument, NULL, 'c' },
	{ "config", required_argument, NULL, 'C' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "refresh", no_argument, NULL, OPT_MODE },
	{ "list", no_argument, NULL, OPT_MODE },
	{ "export-opml", no_argument, NULL, OPT_MODE },
	{ "import-opml", required_argument, NULL, OPT_MODE },
	{ "cleanup", no_argument, NULL, OPT_MODE },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "feed", required_argument, NULL, OPT_FEED },
	{ "unread", no_argument, NULL, OPT_UNREAD },
	/* until the config file lands (and for tests and benchmarks) */
	{ "max-connections", required_argument, NULL, OPT_MAX_CONNECTIONS },
	{ "max-articles", required_argument, NULL, OPT_MAX_ARTICLES },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT },
	{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "max-per-host", required_argument, NULL, OPT_MAX_PER_HOST },
	{ "low-speed-time", required_argument, NULL, OPT_LOW_SPEED_TIME },
	{ NULL, 0, NULL, 0 }
};

/* One feed of a --refresh run. */
struct job {
	const struct urls_entry	*entry;
	char			*filter;	/* filter:'s program, or NULL */
	char			*url;		/* and its URL */
	struct store_feed_state	 state;
	int			 done;
	int			 failed;
	/* the response's, kept while the document waits for the parser
	 * (refresh_queue()) */
	char			*etag, *last_modified, *moved_to;
	int64_t			 retry_after;
};

/* The state of a --refresh run, passed to the fetch callback. */
struct refresh {
	struct store		*st;
	const struct store_args	*args;
	size_t			 total;
	size_t			 done;
	size_t			 failed;
	size_t			 skipped;
	int			 tty;
	struct buf		 later;	/* lines printed after the bar */
	struct feed_queue	*fq;	/* the parser's thread, or NULL */
};

/* Documents held by the parser's thread at once (waiting, parsed or
 * being parsed): the thread keeps ahead of the store by a few feeds,
 * and holds a copy of each body, so not more than 8 MB of them (a
 * bigger feed goes alone). */
#define REFRESH_QUEUE		4
#define REFRESH_QUEUE_BYTES	(8 << 20)

/* The getopt_long() letters of the store commands. */
#define STORE_OPTSTRING	":u:c:C:v"

/* One option of a store command. Returns 0, or 2 for a usage error. */
static int
store_option(struct store_args *a, int c, const char *mode)
{
	long long	v;

	switch (c) {
	case 'u':
		free(a->urls);
		a->urls = xstrdup(optarg);
		return 0;
	case 'c':
		free(a->cache);
		a->cache = xstrdup(optarg);
		return 0;
	case 'C':
		return 0;	/* read by the config module */
	case 'v':
		a->verbose = 1;
		return 0;
	case OPT_MODE:
		if (optarg != NULL)
			a->opml = optarg;
		return 0;
	case OPT_FORCE:
		a->force = 1;
		return 0;
	case OPT_FEED:
		a->feed = optarg;
		return 0;
	case OPT_UNREAD:
		a->unread = 1;
		return 0;
	case OPT_MAX_CONNECTIONS:
		if (cmd_number("--max-connections", optarg, 1, LLONG_MAX,
		    &v) != 0)
			return 2;
		a->fetch.max_connections = v > 256 ? 256 : (int)v;
		return 0;
	case OPT_MAX_ARTICLES:
		if (cmd_number("--max-articles", optarg, 0, INT64_MAX,
		    &v) != 0)
			return 2;
		a->max_articles = v;
		return 0;
	case OPT_TIMEOUT:
		if (cmd_number("--timeout", optarg, 1, LONG_MAX, &v) != 0)
			return 2;
		a->fetch.timeout = (long)v;
		return 0;
	case OPT_CONNECT_TIMEOUT:
		if (cmd_number("--connect-timeout", optarg, 1, LONG_MAX,
		    &v) != 0)
			return 2;
		a->fetch.connect_timeout = (long)v;
		return 0;
	case OPT_MAX_PER_HOST:	/* benchmarks against one local server */
		if (cmd_number("--max-per-host", optarg, 1, LLONG_MAX,
		    &v) != 0)
			return 2;
		a->fetch.max_per_host = v > 256 ? 256 : (int)v;
		return 0;
	case OPT_LOW_SPEED_TIME:	/* a server dripping bytes: give up */
		if (cmd_number("--low-speed-time", optarg, 1, LONG_MAX,
		    &v) != 0)
			return 2;
		a->fetch.low_speed_time = (long)v;
		return 0;
	case OPT_MAX_SIZE:
		if (cmd_number("--max-size", optarg, 1, SIZE_MAX > LLONG_MAX ?
		    LLONG_MAX : (long long)SIZE_MAX, &v) != 0)
			return 2;
		a->fetch.max_size = (size_t)v;
		return 0;
	default:
		return cmd_usage_error(_("%s: unknown option"), mode);
	}
}

/*
 * Apply the fetch and store settings of the config file (-C FILE, else
 * the default one) to a. Bad lines are skipped, and reported on stderr
 * only with -v: run from cron every half hour, --refresh would repeat
 * them each time (the reader shows them).
 */
static void
store_args_config(struct store_args *a, int argc, char **argv,
    const char *mode)
{
	struct config	 cfg;
	const char	*path = NULL;
	size_t		 i;
	int		 c, verbose = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, STORE_OPTSTRING, store_options,
	    NULL)) != -1) {
		if (c == 'C')
			path = optarg;
		verbose |= c == 'v';
	}
	config_init(&cfg);
	config_load(&cfg, path);
	for (i = 0; verbose && i < cfg.nerrors; i++)
		cmd_warn("%s", cfg.errors[i]);
	if (cfg.max_connections > 0)
		a->fetch.max_connections = cfg.max_connections;
	if (cfg.max_articles > 0)
		a->max_articles = cfg.max_articles;
	if (cfg.download_timeout > 0)
		a->fetch.timeout = cfg.download_timeout;
	if (cfg.connect_timeout > 0)
		a->fetch.connect_timeout = cfg.connect_timeout;
	if (cfg.max_feed_size > 0)
		a->fetch.max_size = (size_t)cfg.max_feed_size;
	/* kept past config_free(): the fetch options borrow them */
	if ((a->user_agent = cfg.user_agent) != NULL)
		a->fetch.user_agent = a->user_agent;
	a->fetch.proxy = a->proxy = cfg.proxy;
	a->fetch.cookie_file = a->cookie_file = cfg.cookie_file;
	cfg.user_agent = cfg.proxy = cfg.cookie_file = NULL;
	a->rules = cfg.rules;
	memset(&cfg.rules, 0, sizeof cfg.rules);
	a->fetch.netrc_file = getenv("NETRC");
	a->fulltext = cfg.fulltext;
	config_free(&cfg);
}

/* Parse argv for a store command. Returns 0, or 2 for a usage error. */
static int
store_args_parse(struct store_args *a, int argc, char **argv,
    const char *mode)
{
	int	c, rc;

	memset(a, 0, sizeof *a);
	fetch_opts_default(&a->fetch);
	/* The config file first, so the command line can override it. */
	store_args_config(a, argc, argv, mode);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, STORE_OPTSTRING, store_options,
	    NULL)) != -1) {
		if (c == '?' || c == ':')
			return cmd_option_error(c, mode, argv);
		if ((rc = store_option(a, c, mode)) != 0)
			return rc;
	}
	if (optind < argc)
		return cmd_usage_error(_("%s: unexpected argument '%s'"), mode,
		    argv[optind]);
	if (a->urls == NULL)
		a->urls = urls_default_path();
	if (a->cache == NULL)
		a->cache = store_default_path();
	return 0;
}

static void
store_args_free(struct store_args *a)
{
	free(a->urls);
	free(a->cache);
	free(a->user_agent);
	free(a->proxy);
	free(a->cookie_file);
	rules_free(&a->rules);
}

/* ---- --refresh ---- */

/* Draw the progress bar (stderr is a terminal). */
static void
refresh_bar(struct refresh *r)
{
	char	bar[31];
	size_t	fill = r->total > 0 ? r->done * 30 / r->total : 30, i;

	for (i = 0; i < 30; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[30] = '\0';
	fputs("\r\033[K", stderr);
	fprintf(stderr, _("[%s] %zu/%zu feeds, %zu failed"), bar, r->done,
	    r->total, r->failed);
	fflush(stderr);
}

/* What a --refresh line says of a feed; its first word comes from
 * report_words[]. */
enum refresh_outcome { REPORT_OK, REPORT_FAILED, REPORT_SKIPPED,
    REPORT_MOVED };
static const char *const report_words[] = {
	[REPORT_OK] = N_("ok "), [REPORT_FAILED] = N_("failed: "),
	[REPORT_SKIPPED] = N_("skipped: "), [REPORT_MOVED] = N_("moved: "),
};

/* Why a feed's parse into the store failed: a store failure (a full
 * disk) is not the feed's fault and is reported as it is. */
enum refresh_error { REFRESH_ERR_STORE, REFRESH_ERR_PARSE };

/* Report one feed: a line now, or after the bar when on a terminal
 * (where only what went wrong is kept). */
static void
refresh_report(struct refresh *r, struct job *j, enum refresh_outcome what,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
refresh_report(struct refresh *r, struct job *j, enum refresh_outcome what,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*clean;

	va_start(ap, fmt);
	clean = cmd_vclean(fmt, ap);
	va_end(ap);
	if (!r->tty)
		fprintf(stderr, "%s%s\n", _(report_words[what]), clean);
	else if (what != REPORT_OK)
		buf_printf(&r->later, "%s%s\n", _(report_words[what]),
		    clean);
	free(clean);
	if (j != NULL && !j->done) {
		j->done = 1;
		r->done++;
	}
	if (r->tty)
		refresh_bar(r);
}

static void
refresh_fail(struct refresh *r, struct job *j, const char *reason,
    const struct store_fetch_meta *m)
{
	char	*cause = NULL;

	if (store_feed_failed(r->st, j->state.id, reason, m, &cause) != 0) {
		cmd_warn("%s", cause);
		free(cause);
	}
	j->failed = 1;
	r->failed++;
	refresh_report(r, j, REPORT_FAILED, "%s: %s", j->entry->url, reason);
}

static const char *
job_title(const struct job *j, const struct feed_info *info)
{
	if (j->entry->name != NULL)
		return j->entry->name;
	if (info != NULL && info->title != NULL && *info->title != '\0')
		return info->title;
	if (j->state.title != NULL)
		return j->state.title;
	return j->entry->url;
}

/* Store a parsed document, in one transaction. */
static void
refresh_parsed(struct refresh *r, struct job *j, struct feed_parsed *p,
    struct store_fetch_meta *m)
{
	struct store_update	*u;
	enum refresh_error	 kind = REFRESH_ERR_STORE;
	char			*cause = NULL, *reason;
	int64_t			 added = 0;
	size_t			 i;

	u = store_update_begin(r->st, j->state.id,
	    j->entry->opts.max_articles > 0 ? j->entry->opts.max_articles :
	    r->args->max_articles, &cause);
	if (u == NULL)
		goto fail;
	if (j->entry->opts.keep_days > 0)
		store_update_expire(u, (int64_t)time(NULL) -
		    (int64_t)j->entry->opts.keep_days * 86400);
	if (p->rc != 0) {
		store_update_abort(u);
		cause = p->cause;
		p->cause = NULL;
		kind = REFRESH_ERR_PARSE;
		goto fail;
	}
	for (i = 0; i < p->n; i++)
		if (store_update_item(u, &p->items[i], &cause) != 0) {
			store_update_abort(u);
			goto fail;
		}
	m->title = p->info.title;
	m->link = p->info.link;
	if (store_update_commit(u, m, &added, &cause) != 0)
		goto fail;
	refresh_report(r, j, REPORT_OK, _("%lld new: %s"), (long long)added,
	    job_title(j, &p->info));
	if (m->moved_to != NULL)
		refresh_report(r, NULL, REPORT_MOVED, _("%s: permanently "
		    "redirected to %s (update the urls file)"), j->entry->url,
		    m->moved_to);
	return;
fail:
	if (kind == REFRESH_ERR_STORE)
		reason = xstrdup(cause != NULL ? cause : "store: ?");
	else
		reason = xasprintf("parse error: %s", cause != NULL ? cause :
		    "?");
	m->title = m->link = NULL;
	m->etag = m->last_modified = NULL;
	refresh_fail(r, j, reason, m);
	free(reason);
	free(cause);
}

/* Parse a whole document here and store it. */
static void
refresh_parse(struct refresh *r, struct job *j, const char *body,
    size_t len, const char *base, struct store_fetch_meta *m)
{
	struct feed_parsed	*p = feed_parse_copy(body, len, base, j);

	refresh_parsed(r, j, p, m);
	feed_parsed_free(p);
}

/* Store the oldest document of the parser's thread, waiting for it
 * when wait is non-zero; 0 when there was none to store. */
static int
refresh_take(struct refresh *r, int wait)
{
	struct feed_parsed	*p;
	struct store_fetch_meta	 m = { 0 };
	struct job		*j;

	if ((p = feed_queue_take(r->fq, wait)) == NULL)
		return 0;
	j = p->tag;
	m.etag = j->etag;
	m.last_modified = j->last_modified;
	m.moved_to = j->moved_to;
	m.retry_after = j->retry_after;
	refresh_parsed(r, j, p, &m);
	feed_parsed_free(p);
	free(j->etag);
	free(j->last_modified);
	free(j->moved_to);
	j->etag = j->last_modified = j->moved_to = NULL;
	return 1;
}

/* fetch_run_idle()'s callback: a document is parsed, store those
 * ready while the downloads go on. */
static void
refresh_idle(void *arg)
{
	struct refresh	*r = arg;

	while (refresh_take(r, 0))
		;
}

/* Hand a document to the parser's thread and store what it parsed
 * meanwhile. The response's strings are kept in j until stored. */
static void
refresh_queue(struct refresh *r, struct job *j, const struct fetch_result *res)
{
	while (feed_queue_full(r->fq))
		refresh_take(r, 1);
	j->etag = res->etag != NULL ? xstrdup(res->etag) : NULL;
	j->last_modified = res->last_modified != NULL ?
	    xstrdup(res->last_modified) : NULL;
	j->moved_to = res->moved_to != NULL ? xstrdup(res->moved_to) : NULL;
	j->retry_after = res->retry_after;
	feed_queue_put(r->fq, j, res->body, res->len, res->effective_url);
	while (refresh_take(r, 0))
		;
}

/* filter:PROGRAM:URL: the body through the program, then the parser. */
static void
refresh_filter(struct refresh *r, struct job *j,
    const struct fetch_result *res, struct store_fetch_meta *m)
{
	struct fetch_exec_out	 out;
	char			*cause = NULL, *why;

	if (fetch_exec_run(j->filter, res->body, res->len,
	    r->args->fetch.timeout, r->args->fetch.max_size, &out,
	    &cause) != 0) {
		why = xasprintf("filter: %s", cause);
		m->etag = m->last_modified = NULL;	/* try again next time */
		refresh_fail(r, j, why, m);
		free(why);
		free(cause);
		return;
	}
	refresh_parse(r, j, out.data, out.len, res->effective_url, m);
	free(out.data);
}

/* exec:PROGRAM: its output is the feed. */
static void
refresh_exec(struct refresh *r, struct job *j, const char *cmd)
{
	struct store_fetch_meta	 m = { 0 };
	struct fetch_exec_out	 out;
	char			*cause = NULL, *why;

	if (fetch_exec_run(cmd, NULL, 0, r->args->fetch.timeout,
	    r->args->fetch.max_size, &out, &cause) != 0) {
		why = xasprintf("exec: %s", cause);
		refresh_fail(r, j, why, NULL);
		free(why);
		free(cause);
		return;
	}
	refresh_parse(r, j, out.data, out.len, NULL, &m);
	free(out.data);
}

static void
refresh_done(struct fetch_req *req, const struct fetch_result *res,
    void *arg)
{
	struct refresh		*r = arg;
	struct job		*j = req->data;
	struct store_fetch_meta	 m = { 0 };
	char			*cause = NULL;

	m.etag = res->etag;
	m.last_modified = res->last_modified;
	m.moved_to = res->moved_to;
	m.retry_after = res->retry_after;
	if (res->error != NULL) {
		refresh_fail(r, j, res->error, &m);
		return;
	}
	if (j->filter != NULL && !res->not_modified) {
		refresh_filter(r, j, res, &m);
		return;
	}
	if (res->not_modified) {
		if (store_feed_unchanged(r->st, j->state.id, &m,
		    &cause) != 0) {
			refresh_fail(r, j, cause, NULL);
			free(cause);
			return;
		}
		refresh_report(r, j, REPORT_OK, _("0 new: %s (not modified)"),
		    job_title(j, NULL));
		return;
	}
	if (r->fq != NULL)
		refresh_queue(r, j, res);
	else
		refresh_parse(r, j, res->body, res->len, res->effective_url,
		    &m);
}

/* A local feed file: read and parse it directly. */
static void
refresh_local(struct refresh *r, struct job *j)
{
	struct store_fetch_meta	 m = { 0 };
	char			*path, *body, *cause = NULL;
	size_t			 len;

	path = urls_local_path(j->entry->url);
	body = util_read_file(path, r->args->fetch.max_size, &len, &cause);
	if (body == NULL) {
		refresh_fail(r, j, cause, NULL);
		free(cause);
	} else
		refresh_parse(r, j, body, len, NULL, &m);
	free(body);
	free(path);
}

/* Skip a feed fetched less than its interval= ago (not with --force). */
static int
refresh_not_due(struct refresh *r, struct job *j)
{
	int64_t	now = (int64_t)time(NULL), ago = now - j->state.last_fetch;
	long	interval = j->entry->opts.interval;

	if (r->args->force || interval <= 0 || j->state.last_fetch <= 0 ||
	    ago < 0 || ago >= (int64_t)interval * 60)
		return 0;
	r->skipped++;
	refresh_report(r, j, REPORT_SKIPPED, _("%s: fetched %lld min ago, "
	    "interval=%ld (--force fetches it)"), j->entry->url,
	    (long long)(ago / 60), interval);
	return 1;
}

/* Skip a feed whose server asked us to come back later. */
static int
refresh_skip(struct refresh *r, struct job *j)
{
	char		when[32];
	time_t		t = (time_t)j->state.retry_after;
	struct tm	tm;

	if (refresh_not_due(r, j))
		return 1;
	if (j->state.retry_after <= (int64_t)time(NULL))
		return 0;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
	r->skipped++;
	refresh_report(r, j, REPORT_SKIPPED, _("%s: the server asked to wait "
	    "until %s"), j->entry->url, when);
	return 1;
}

/* The URL and the per-feed identity of e's request. */
static void
refresh_identity(struct fetch_req *req, const struct urls_entry *e)
{
	req->url = e->url;
	req->user_agent = e->opts.user_agent;
	req->headers = e->opts.headers;
	req->nheaders = e->opts.nheaders;
	req->user = e->user;
	req->password = e->password;
	req->netrc = e->opts.auth_netrc;
	req->cookie_file = e->opts.cookies;
	req->proxy = e->opts.proxy;
}

/* Prepare every job; returns the network requests in *reqs. */
static size_t
refresh_prepare(struct refresh *r, const struct urls *u, struct job *jobs,
    struct fetch_req *reqs)
{
	size_t	 i, n = 0;
	char	*cause = NULL, *cmd = NULL, *url = NULL;

	for (i = 0; i < u->n; i++) {
		jobs[i].entry = &u->v[i];
		if (store_feed_state(r->st, u->v[i].url, u->v[i].name,
		    &jobs[i].state, &cause) != 0) {
			cmd_warn("%s", cause);
			free(cause);
			cause = NULL;
			jobs[i].failed = 1;
			r->failed++;
			refresh_report(r, &jobs[i], REPORT_FAILED, _("%s: store "
			    "error"), u->v[i].url);
			continue;
		}
		if (refresh_skip(r, &jobs[i]))
			continue;
		if (urls_is_local(u->v[i].url)) {
			refresh_local(r, &jobs[i]);
			continue;
		}
		if (fetch_exec_source(u->v[i].url, &cmd, &url) == 0 &&
		    url == NULL) {
			refresh_exec(r, &jobs[i], cmd);
			free(cmd);
			continue;
		}
		refresh_identity(&reqs[n], &u->v[i]);
		if (cmd != NULL) {	/* filter: fetch its URL */
			jobs[i].filter = cmd;
			reqs[n].url = jobs[i].url = url;
			cmd = url = NULL;
		}
		reqs[n].etag = jobs[i].state.etag;
		reqs[n].last_modified = jobs[i].state.last_modified;
		reqs[n].data = &jobs[i];
		n++;
	}
	return n;
}

static int
refresh_run(struct refresh *r, const struct urls *u)
{
	struct job		*jobs = xcalloc(u->n + 1, sizeof *jobs);
	struct fetch_req	*reqs = xcalloc(u->n + 1, sizeof *reqs);
	struct fetch_idle	 idle;
	size_t			 i, n;
	char			*cause = NULL;
	int			 rc = 0;

	r->total = u->n;
	if (r->tty)
		refresh_bar(r);
	n = refresh_prepare(r, u, jobs, reqs);
	/* the index rows of many feeds written together: a fifth of the
	 * instructions of a cold refresh went to FTS5 segments per feed */
	store_index_defer(r->st, 1);
	/* feeds parsed on a thread while the ones before are stored; a
	 * few documents at a time */
	if (n > 1 && (r->fq = feed_queue_start(REFRESH_QUEUE,
	    REFRESH_QUEUE_BYTES)) != NULL) {
		idle.fd = feed_queue_fd(r->fq);
		idle.cb = refresh_idle;
	}
	if (n > 0 && fetch_run_idle(&r->args->fetch, reqs, n, refresh_done,
	    r, r->fq != NULL ? &idle : NULL, &cause) != 0) {
		cmd_warn("%s", cause);
		free(cause);
		cause = NULL;
		rc = 1;
	}
	if (r->fq != NULL) {
		while (refresh_take(r, 1))
			;
		feed_queue_stop(r->fq);
		r->fq = NULL;
	}
	if (store_index_write(r->st, &cause) != 0) {
		cmd_warn(_("%s (the next refresh indexes them)"), cause);
		free(cause);
		rc = 1;
	}
	store_index_defer(r->st, 0);
	if (r->tty) {
		fputc('\n', stderr);
		fputs(r->later.data != NULL ? r->later.data : "", stderr);
	}
	for (i = 0; i < u->n; i++) {
		store_state_clear(&jobs[i].state);
		free(jobs[i].filter);
		free(jobs[i].url);
		free(jobs[i].etag);
		free(jobs[i].last_modified);
		free(jobs[i].moved_to);
	}
	free(jobs);
	free(reqs);
	return rc != 0 || r->failed > 0 ? 1 : 0;
}

/*
 * --feed URL: only that feed, with its settings when the urls file has
 * it, else as a bare URL (a feed the store knows from elsewhere).
 */
static int
refresh_one(struct refresh *r, const struct urls *u, const char *url)
{
	struct urls	 one = { 0 }, view = { 0 };
	char		*line, *bare;
	long		 i;
	int		 rc;

	bare = urls_strip_auth(url, NULL, NULL);
	if ((i = urls_find(u, bare)) >= 0) {
		free(bare);
		view.v = &u->v[i];
		view.n = 1;
		return refresh_run(r, &view);
	}
	free(bare);
	line = urls_format(url, NULL, NULL, 0);
	urls_parse(line, strlen(line), "--feed", &one);
	free(line);
	if (one.n != 1) {
		cmd_warn("%s", one.nwarnings > 0 ? one.warnings[0] :
		    _("--feed: not a URL"));
		urls_free(&one);
		return 1;
	}
	rc = refresh_run(r, &one);
	urls_free(&one);
	return rc;
}

/* Does urls entry e want the full texts of its new articles? Its
 * fulltext=yes|no, else the config's `fulltext yes|no` (a: the
 * command's settings). */
#define REFRESH_WANTS_FULLTEXT(a, e)	((e)->opts.fulltext == 1 || \
	((e)->opts.fulltext == -1 && (a)->fulltext))

/* Fetch the full texts of the articles new since above_id (the highest
 * id before the refresh) of the feeds that want them. 0, or 1. */
static int
refresh_fulltexts(struct refresh *r, const struct urls *u,
    int64_t above_id)
{
	int64_t	*ids = xcalloc(u->n + 1, sizeof *ids), id;
	size_t	 i, n = 0;
	char	*cause = NULL;
	int	 rc;

	for (i = 0; i < u->n; i++) {
		if (!REFRESH_WANTS_FULLTEXT(r->args, &u->v[i]))
			continue;
		if (store_feed_id(r->st, u->v[i].url, &id, &cause) != 0) {
			cmd_warn("%s", cause);
			free(cause);
			cause = NULL;
		} else if (id != 0)
			ids[n++] = id;
	}
	rc = n > 0 && above_id >= 0 ? cmd_fulltext_refresh(r->st,
	    &r->args->fetch, u, ids, n, above_id) : 0;
	free(ids);
	return rc;
}

int
cmd_refresh(int argc, char **argv)
{
	struct store_args	 a;
	struct urls		 u = { 0 };
	struct refresh		 r;
	char			*cause = NULL;
	size_t			 i;
	int64_t			 max_id;
	int			 rc;

	if ((rc = store_args_parse(&a, argc, argv, "--refresh")) != 0) {
		store_args_free(&a);
		return rc;
	}
	memset(&r, 0, sizeof r);
	r.args = &a;
	r.tty = isatty(STDERR_FILENO);
	if (urls_load(a.urls, 0, &u, &cause) != 0 ||
	    (r.st = store_open(a.cache, &cause)) == NULL) {
		cmd_warn("%s", cause);
		free(cause);
		urls_free(&u);
		store_args_free(&a);
		return 1;
	}
	for (i = 0; i < u.nwarnings; i++)
		cmd_warn("%s", u.warnings[i]);
	if ((max_id = store_max_id(r.st, &cause)) < 0) {
		cmd_warn("%s", cause);
		free(cause);
		cause = NULL;
		max_id = 0;
	}
	rc = a.feed != NULL ? refresh_one(&r, &u, a.feed) :
	    refresh_run(&r, &u);
	/* the ignore rules over what came in (everything if they changed) */
	if (rules_refilter(r.st, &a.rules, &u, max_id, NULL, &cause) != 0) {
		cmd_warn("%s", cause);
		free(cause);
		rc = 1;
	}
	if (refresh_fulltexts(&r, &u, max_id) != 0)
		rc = 1;
	buf_free(&r.later);
	store_close(r.st);
	urls_free(&u);
	store_args_free(&a);
	return rc;
}

/* ---- --list ---- */

int
cmd_list(int argc, char **argv)
{
	static char		 obuf[65536];
	struct store_args	 a;
	struct store		*st;
	struct cmd_list		 l = { stdout, 0, 0 };
	struct store_filter	 f = { 0 };
	char			*cause = NULL, *url;
	int			 rc;

	if ((rc = store_args_parse(&a, argc, argv, "--list")) != 0) {
		store_args_free(&a);
		return rc;
	}
	if ((st = cmd_store_open(a.cache)) == NULL) {
		store_args_free(&a);
		return 1;
	}
	f.unread_only = a.unread;
	if (a.feed != NULL) {
		url = urls_strip_auth(a.feed, NULL, NULL);
		rc = store_feed_id(st, url, &f.feed_id, &cause);
		if (rc == 0 && f.feed_id == 0)
			cause = xasprintf(_("--feed: %s: no such feed in the "
			    "store"), url);
		free(url);
		if (cause != NULL) {
			cmd_warn("%s", cause);
			free(cause);
			store_close(st);
			store_args_free(&a);
			return 1;
		}
	}
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	if (store_articles(st, &f, cmd_list_article, &l, &cause) != 0) {
		cmd_warn("%s", cause);
		free(cause);
		rc = 1;
	}
	store_close(st);
	store_args_free(&a);
	if (cmd_stdout_check() != 0)
		rc = 1;
	setvbuf(stdout, NULL, _IOLBF, 0);
	return rc;
}

/* ---- --cleanup ---- */

/* The feeds of the store, for --cleanup. */
struct cleanup_feeds {
	int64_t		*ids;
	char		**urls;
	size_t		 n;
};

static int
cleanup_feed(const struct store_feed *f, void *arg)
{
	struct cleanup_feeds	*c = arg;

	c->ids = xreallocarray(c->ids, c->n + 1, sizeof *c->ids);
	c->urls = xreallocarray(c->urls, c->n + 1, sizeof *c->urls);
	c->ids[c->n] = f->id;
	c->urls[c->n++] = xstrdup(f->url);
	return 0;
}

/* Remove or expire each stored feed; counts into the arguments. */
static int
cleanup_run(struct store *st, const struct urls *u,
    const struct cleanup_feeds *c, int64_t counts[3])
{
	int64_t	 n;
	long	 k;
	size_t	 i;
	int	 gone;
	char	*cause = NULL;

	for (i = 0; i < c->n; i++) {
		if ((k = urls_find(u, c->urls[i])) < 0) {
			if (store_feed_remove(st, c->ids[i], &n, &gone,
			    &cause) != 0)
				goto fail;
			/* a feed kept for its saved articles is not news */
			counts[0] += gone || n > 0;
			counts[1] += n;
		} else if (u->v[k].opts.keep_days > 0) {
			if (store_expire(st, c->ids[i], (int64_t)time(NULL) -
			    (int64_t)u->v[k].opts.keep_days * 86400, &n,
			    &cause) != 0)
				goto fail;
			counts[2] += n;
		}
	}
	return 0;
fail:
	cmd_warn("%s", cause);
	free(cause);
	return 1;
}

int
cmd_cleanup(int argc, char **argv)
{
	struct store_args	 a;
	struct urls		 u = { 0 };
	struct cleanup_feeds	 c = { 0 };
	struct store		*st = NULL;
	int64_t			 counts[3] = { 0, 0, 0 }, freed = 0;
	char			*cause = NULL;
	size_t			 i;
	int			 rc;

	if ((rc = store_args_parse(&a, argc, argv, "--cleanup")) != 0) {
		store_args_free(&a);
		return rc;
	}
	/* a missing urls file is an error, never "every feed is gone" */
	if (urls_load(a.urls, 0, &u, &cause) != 0 ||
	    (st = cmd_store_open(a.cache)) == NULL ||
	    store_feeds(st, cleanup_feed, &c, &cause) != 0) {
		if (cause != NULL)
			cmd_warn("%s", cause);
		free(cause);
		rc = 1;
		goto out;
	}
	rc = cleanup_run(st, &u, &c, counts);
	/* VACUUM rewrites the whole file: only when it frees a fifth */
	if (rc == 0 && store_vacuum_if(st, 20, &freed, &cause) != 0) {
		cmd_warn("%s", cause);
		free(cause);
		rc = 1;
	}
	/* Two whole sentences (compacted or not) for translators. */
	fputs("akhbar: ", stderr);
	fprintf(stderr, freed > 0 ? _("cleanup: %lld feeds no longer in %s "
	    "removed (%lld articles), %lld articles past keep-days removed, "
	    "store compacted") : _("cleanup: %lld feeds no longer in %s "
	    "removed (%lld articles), %lld articles past keep-days removed"),
	    (long long)counts[0], a.urls, (long long)counts[1],
	    (long long)counts[2]);
	fputc('\n', stderr);
out:
	for (i = 0; i < c.n; i++)
		free(c.urls[i]);
	free(c.urls);
	free(c.ids);
	store_close(st);
	urls_free(&u);
	store_args_free(&a);
	return rc;
}

/* ---- --unread-count ---- */

/* -v: one line a feed with unread articles, "COUNT<TAB>TITLE". */
static int
unread_feed(const struct store_feed *f, void *arg)
{
	const char	*t = f->title != NULL ? f->title : f->url;
	char		*title;

	if (f->unread == 0)
		return 0;
	title = utf8_sanitize(t, strlen(t), UTF8_FOLD_SPACE);
	printf("%lld\t%s\n", (long long)f->unread, title);
	free(title);
	return 0;
}

/*
 * For status bars, run every few seconds: only -c and -v are read, not
 * the config nor the urls file, and one count over the unread index.
 */
int
cmd_unread_count(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "cache", required_argument, NULL, 'c' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "unread-count", no_argument, NULL, 'U' },
		{ NULL, 0, NULL, 0 }
	};
	struct store	*st;
	char		*cache = NULL, *cause = NULL;
	int64_t		 n;
	int		 c, verbose = 0, rc = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:v", opts, NULL)) != -1) {
		if (c == '?' || c == ':')
			return cmd_option_error(c, "--unread-count", argv);
		if (c == 'c')
			cache = optarg;
		verbose |= c == 'v';
	}
	if (optind < argc)
		return cmd_usage_error(_("--unread-count: unexpected argument "
		    "'%s'"), argv[optind]);
	cache = cache != NULL ? xstrdup(cache) : store_default_path();
	if ((st = cmd_store_open(cache)) == NULL) {
		free(cache);
		return 1;
	}
	if ((n = store_unread_total(st, &cause)) < 0 || (verbose &&
	    store_feeds(st, unread_feed, NULL, &cause) != 0)) {
		cmd_warn("%s", cause);
		free(cause);
		rc = 1;
	} else if (!verbose)
		printf("%lld\n", (long long)n);
	store_close(st);
	free(cache);
	return cmd_stdout_check() != 0 ? 1 : rc;
}

/* ---- OPML ---- */

/* The urls file line for f, or NULL (with a warning) when unusable. Its
 * settings are written back as parsed: a bad one is warned about and
 * left out. */
static char *
import_line(const struct opml_feed *f, const struct urls *have,
    struct urls *added, const char *opml)
{
	struct urls	 one = { 0 };
	char		*line, *opts, *full;
	size_t		 i;

	line = urls_format(f->url, f->title, f->tags, f->ntags);
	full = xasprintf("%s%s", line, f->settings != NULL ? f->settings :
	    "");
	free(line);
	urls_parse(full, strlen(full), opml, &one);
	free(full);
	if (one.n != 1) {
		const char *why = one.nwarnings > 0 ?
		    strstr(one.warnings[0], ":1: ") : NULL;

		cmd_warn(_("skipped: %s: %s"), f->url, why != NULL ? why + 4 :
		    _("unusable URL"));
		urls_free(&one);
		return NULL;
	}
	for (i = 0; i < one.nwarnings; i++)
		cmd_warn("%s: %s", f->url, strstr(one.warnings[i], ":1: ") !=
		    NULL ? strstr(one.warnings[i], ":1: ") + 4 :
		    one.warnings[i]);
	if (urls_find(have, f->url) >= 0 || urls_find(added, f->url) >= 0) {
		urls_free(&one);
		return NULL;
	}
	line = urls_format(f->url, f->title, f->tags, f->ntags);
	opts = urls_format_opts(&one.v[0].opts);
	full = xasprintf("%s%s", line, opts);
	free(line);
	free(opts);
	urls_free(&one);
	urls_parse(full, strlen(full), opml, added);
	return full;
}

int
cmd_import_opml(int argc, char **argv)
{
	struct store_args	 a;
	struct urls		 have = { 0 }, added = { 0 };
	struct opml_feed	*feeds = NULL;
	char			*data, *cause = NULL, **lines;
	size_t			 len, n = 0, i, nl = 0;
	int			 rc;

	if ((rc = store_args_parse(&a, argc, argv, "--import-opml")) != 0) {
		store_args_free(&a);
		return rc;
	}
	if ((data = util_read_file(a.opml, 64 * 1024 * 1024, &len,
	    &cause)) == NULL || opml_parse(data, len, &feeds, &n,
	    &cause) != 0 || urls_load(a.urls, 1, &have, &cause) != 0) {
		cmd_warn("--import-opml: %s", cause);
		free(cause);
		free(data);
		opml_feeds_free(feeds, n);
		store_args_free(&a);
		return 1;
	}
	lines = xcalloc(n + 1, sizeof *lines);
	for (i = 0; i < n; i++)
		if ((lines[nl] = import_line(&feeds[i], &have, &added,
		    a.opml)) != NULL)
			nl++;
	if (nl > 0 && urls_append(a.urls, lines, nl, &cause) != 0) {
		cmd_warn("%s", cause);
		free(cause);
		rc = 1;
	} else {
		fputs("akhbar: ", stderr);
		fprintf(stderr, _("imported %zu of %zu feeds (%zu already "
		    "present or unusable)"), nl, n, n - nl);
		fputc('\n', stderr);
	}
	for (i = 0; i < nl; i++)
		free(lines[i]);
	free(lines);
	urls_free(&have);
	urls_free(&added);
	opml_feeds_free(feeds, n);
	free(data);
	store_args_free(&a);
	return rc;
}

/* The store's feed titles for the urls file's entries, by index. */
struct opml_titles {
	const struct urls	 *u;
	char			**v;
};

/* A store_feed_cb: the title of a subscribed feed that has no ~Name. */
static int
opml_title(const struct store_feed *f, void *arg)
{
	struct opml_titles	*t = arg;
	long			 i;

	if (f->title == NULL || *f->title == '\0' ||
	    (i = urls_find(t->u, f->url)) < 0 || t->u->v[i].name != NULL)
		return 0;
	free(t->v[i]);
	t->v[i] = xstrdup(f->title);
	return 0;
}

/*
 * The feed titles the store knows for u's entries (NULL where it knows
 * none). A store that is not there is not created: no titles then.
 * Caller frees each and the array.
 */
static char **
opml_titles(const char *cache, const struct urls *u)
{
	struct opml_titles	 t = { u, xcalloc(u->n + 1, sizeof *t.v) };
	struct store		*st;
	char			*cause = NULL;

	if (access(cache, F_OK) != 0)
		return t.v;
	if ((st = store_open(cache, &cause)) == NULL ||
	    store_feeds(st, opml_title, &t, &cause) != 0) {
		cmd_warn(_("%s (feed titles left out)"), cause);
		free(cause);
	}
	store_close(st);
	return t.v;
}

int
cmd_export_opml(int argc, char **argv)
{
	struct store_args	 a;
	struct urls		 u = { 0 };
	char			*cause = NULL, *doc, **titles;
	size_t			 i;
	int			 rc;

	if ((rc = store_args_parse(&a, argc, argv, "--export-opml")) != 0) {
		store_args_free(&a);
		return rc;
	}
	if (urls_load(a.urls, 0, &u, &cause) != 0) {
		cmd_warn("%s", cause);
		free(cause);
		store_args_free(&a);
		return 1;
	}
	for (i = 0; i < u.nwarnings; i++)
		cmd_warn("%s", u.warnings[i]);
	titles = opml_titles(a.cache, &u);
	doc = opml_write(&u, titles);
	fputs(doc, stdout);
	free(doc);
	for (i = 0; i < u.n; i++)
		free(titles[i]);
	free(titles);
	urls_free(&u);
	store_args_free(&a);
	return cmd_stdout_check();
}
