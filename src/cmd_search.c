/*
 * cmd_search.c - `akhbar [-c CACHE.db] --search QUERY`: the stored
 * articles whose title or body matches QUERY (see doc/search.md), newest
 * first, in --list's TSV format. Exit 0 with results, 1 when nothing
 * matched or on an error, 2 for a usage error (a malformed query too).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "cmds.h"
#include "store.h"
#include "util.h"

static const struct option search_options[] = {
	{ "search", required_argument, NULL, 's' },
	{ "cache", required_argument, NULL, 'c' },
	{ "urls", required_argument, NULL, 'u' },
	{ "config", required_argument, NULL, 'C' },
	{ NULL, 0, NULL, 0 }
};

/* Parse argv: *query and *cache (caller frees cache). 0, or 2. */
static int
search_args(int argc, char **argv, const char **query, char **cache)
{
	int	c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:u:C:", search_options,
	    NULL)) != -1) {
		switch (c) {
		case 's':
			*query = optarg;
			break;
		case 'c':
			free(*cache);
			*cache = xstrdup(optarg);
			break;
		case 'u':
		case 'C':
			break;	/* not needed to search */
		default:
			return cmd_option_error(c, "--search", argv);
		}
	}
	if (optind < argc)
		return cmd_usage_error(_("--search: unexpected argument '%s' "
		    "(quote a query of several words)"), argv[optind]);
	if (*query == NULL)
		return cmd_usage_error(_("--search needs a QUERY"));
	if (*cache == NULL)
		*cache = store_default_path();
	return 0;
}

/* Run the search on an open store. Returns the exit status. */
static int
search_run(struct store *st, const char *query)
{
	static char	 obuf[65536];
	struct cmd_list	 l = { stdout, 0, 0 };
	char		*cause = NULL;
	int		 rc = 0;

	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	if (store_search(st, query, NULL, cmd_list_article, &l,
	    &cause) != 0) {
		cmd_warn("%s", cause);
		free(cause);
		rc = 1;
	}
	if (cmd_stdout_check() != 0)
		rc = 1;
	else if (rc == 0 && l.count == 0) {
		cmd_warn(_("no articles match: %s"), query);
		rc = 1;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	return rc;
}

int
cmd_search(int argc, char **argv)
{
	struct store	*st;
	const char	*query = NULL;
	char		*cache = NULL, *cause = NULL;
	int		 rc;

	if ((rc = search_args(argc, argv, &query, &cache)) != 0) {
		free(cache);
		return rc;
	}
	if (store_search_check(query, &cause) != 0) {
		cmd_warn("--search: %s", cause);
		free(cause);
		free(cache);
		return 2;
	}
	if ((st = cmd_store_open(cache)) == NULL) {
		free(cache);
		return 1;
	}
	rc = search_run(st, query);
	store_close(st);
	free(cache);
	return rc;
}
