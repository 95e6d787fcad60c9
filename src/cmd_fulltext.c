/*
 * cmd_fulltext.c - `akhbar [-c CACHE.db] [-C CONFIG] [-u URLS] --fulltext
 * ID [ID...]`: the full texts of stored articles (their links fetched
 * with the refresh's limits and their feed's identity from the urls
 * file, extracted and stored next to the feed's text; see fulltext.h),
 * which the reader's F runs in the background; and the full texts a
 * --refresh fetches for the new articles of feeds with fulltext=yes.
 * Every reason printed goes through cmd_warn() (utf8_sanitize()).
 */
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "cmds.h"
#include "config.h"
#include "fetch.h"
#include "fulltext.h"
#include "store.h"
#include "urls.h"
#include "util.h"

/* The strings of the config that the fetch options borrow. */
struct fulltext_identity {
	char	*user_agent;
	char	*proxy;
	char	*cookie_file;
};

/* The fetch limits and HTTP identity of the config file (as --refresh
 * reads them); id keeps the strings o borrows. */
static void
fulltext_config(struct fetch_opts *o, const char *path,
    struct fulltext_identity *id)
{
	struct config	cfg;

	config_init(&cfg);
	config_load(&cfg, path);
	if (cfg.download_timeout > 0)
		o->timeout = cfg.download_timeout;
	if (cfg.connect_timeout > 0)
		o->connect_timeout = cfg.connect_timeout;
	if ((id->user_agent = cfg.user_agent) != NULL)
		o->user_agent = id->user_agent;
	o->proxy = id->proxy = cfg.proxy;
	o->cookie_file = id->cookie_file = cfg.cookie_file;
	cfg.user_agent = cfg.proxy = cfg.cookie_file = NULL;
	o->netrc_file = getenv("NETRC");
	config_free(&cfg);
}

/* Parse argv: the ids (--fulltext ID, then more IDs) into *ids (caller
 * frees) and *n, and the paths. Returns 0 or the usage error's 2. */
static int
fulltext_args(int argc, char **argv, int64_t **ids, size_t *n,
    const char **cache, const char **config, const char **urls)
{
	static const struct option longopts[] = {
		{ "fulltext", required_argument, NULL, 'F' },
		{ "cache", required_argument, NULL, 'c' },
		{ "config", required_argument, NULL, 'C' },
		{ "urls", required_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 }
	};
	long long	v;
	int		c;

	*ids = xcalloc((size_t)argc + 1, sizeof **ids);
	*n = 0;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":c:C:u:", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'F':
			if (cmd_number("--fulltext", optarg, 1, INT64_MAX,
			    &v) != 0)
				return 2;
			(*ids)[(*n)++] = (int64_t)v;
			break;
		case 'c':
			*cache = optarg;
			break;
		case 'C':
			*config = optarg;
			break;
		case 'u':
			*urls = optarg;
			break;
		default:
			return cmd_option_error(c, "--fulltext", argv);
		}
	}
	/* more articles: fetched together, politely */
	for (; optind < argc; optind++) {
		if (cmd_number("--fulltext", argv[optind], 1, INT64_MAX,
		    &v) != 0)
			return 2;
		(*ids)[(*n)++] = (int64_t)v;
	}
	return 0;
}

/* One line for each article whose last fetch failed. */
static int
fulltext_report(struct store *st, const int64_t *ids, size_t n)
{
	struct store_fulltext	 f;
	char			*cause = NULL;
	size_t			 i;
	int			 rc = 0;

	for (i = 0; i < n; i++) {
		if (store_fulltext_get(st, ids[i], &f, &cause) == -1) {
			cmd_warn(_("article %lld: %s"), (long long)ids[i], cause);
			free(cause);
			cause = NULL;
			rc = 1;
		} else if (f.error != NULL) {
			cmd_warn(_("article %lld: %s"), (long long)ids[i],
			    f.error);
			rc = 1;
		}
		store_fulltext_clear(&f);
	}
	return rc;
}

/* The feeds' identities (urls.h): the urls file at path (NULL: the
 * default one); a missing one has none (the reader passes its path
 * whether the file exists or not). Warns and returns -1 when it cannot
 * be read. */
static int
fulltext_urls(const char *path, struct urls *u)
{
	char	*p = path != NULL ? xstrdup(path) : urls_default_path();
	char	*cause = NULL;
	int	 rc;

	if ((rc = urls_load(p, 1, u, &cause)) == -1) {
		cmd_warn("%s", cause);
		free(cause);
	}
	free(p);
	return rc;
}

int
cmd_fulltext(int argc, char **argv)
{
	struct fulltext_stats	 stats;
	struct fulltext_identity id = { NULL, NULL, NULL };
	struct fetch_opts	 o;
	struct store		*st;
	struct urls		 u = { 0 };
	const char		*cache = NULL, *config = NULL, *urls = NULL;
	char			*path, *cause = NULL;
	int64_t			*ids;
	size_t			 n;
	int			 rc;

	if ((rc = fulltext_args(argc, argv, &ids, &n, &cache, &config,
	    &urls)) != 0) {
		free(ids);
		return rc;
	}
	if (fulltext_urls(urls, &u) == -1) {
		free(ids);
		return 1;
	}
	fetch_opts_default(&o);
	fulltext_config(&o, config, &id);
	path = cache != NULL ? xstrdup(cache) : store_default_path();
	st = cmd_store_open(path);
	free(path);
	if (st == NULL) {
		free(ids);
		rc = 1;
		goto out;
	}
	if (fulltext_fetch(st, &o, &u, ids, n, &stats, &cause) == -1) {
		cmd_warn("%s", cause);	/* names the article */
		free(cause);
		rc = 1;
	} else if (stats.failed > 0)
		rc = fulltext_report(st, ids, n);
	free(stats.last_error);
	free(ids);
	store_close(st);
out:
	urls_free(&u);
	free(id.user_agent);
	free(id.proxy);
	free(id.cookie_file);
	return rc;
}

int
cmd_fulltext_refresh(struct store *st, const struct fetch_opts *o,
    const struct urls *u, const int64_t *feed_ids, size_t nfeeds,
    int64_t above_id)
{
	struct fulltext_stats	 stats;
	int64_t			*all = NULL, *ids;
	size_t			 n = 0, k, i, j;
	char			*cause = NULL;
	int			 rc = 0;

	for (i = 0; i < nfeeds; i++) {
		if (store_fulltext_pending(st, feed_ids[i], above_id, &ids,
		    &k, &cause) == -1) {
			cmd_warn(_("full texts: %s"), cause);
			free(cause);
			free(all);
			return 1;
		}
		/* politely: a capped number a refresh, the rest left to F */
		for (j = 0; j < k && n < FULLTEXT_PER_REFRESH; j++) {
			all = xreallocarray(all, n + 1, sizeof *all);
			all[n++] = ids[j];
		}
		free(ids);
	}
	if (n == 0)
		return 0;
	if (fulltext_fetch(st, o, u, all, n, &stats, &cause) == -1) {
		cmd_warn(_("full texts: %s"), cause);
		free(cause);
		rc = 1;
	} else if (stats.failed > 0)
		cmd_warn(_("full texts: %zu of %zu failed (last: %s)"),
		    stats.failed, n, stats.last_error);
	free(stats.last_error);
	free(all);
	return rc;
}
