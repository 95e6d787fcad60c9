/*
 * main.c - finds the mode option in the argument vector and hands the
 * whole vector to that command; with no mode, the interactive reader.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "cmds.h"
#include "util.h"
#include "i18n.h"

/* The --help text, one translatable paragraph each (usage, what akhbar
 * is, modes, options, the pointer to the manuals). */
static const char *const usage_text[] = {
N_("usage: akhbar [-r | -o] [-u URLS] [-c CACHE.db] [-C CONFIG] [--theme NAME]\n"
"              [PATH...]\n"
"       akhbar --dump [--width N] [--direction auto|ltr|rtl]\n"
"              [--shaping on|off] [--color auto|always|never]\n"
"              [--highlight WORD]... [--theme NAME] FILE|-\n"
"       akhbar --extract [--base-url URL] [--content-type TYPE]\n"
"              [--dump [--width N]] FILE|URL|-\n"
"       akhbar --feed-tsv [--base-url URL] FILE|-\n"
"       akhbar [-v] [-u URLS] [-c CACHE.db] [-C CONFIG] --refresh [--force]\n"
"              [--feed URL] | --list [--unread] [--feed URL] | --cleanup\n"
"       akhbar [-v] [-c CACHE.db] --unread-count\n"
"       akhbar [-u URLS] [-c CACHE.db] --import-opml FILE | --export-opml\n"
"       akhbar [-c CACHE.db] --export DIR | --search QUERY\n"
"       akhbar [-u URLS] [-c CACHE.db] [-C CONFIG] --fulltext ID...\n"),
N_("A terminal news reader that lays out right-to-left text itself.\n"),
N_("Modes:\n"
"  (none)              open the interactive reader on the urls file and\n"
"                      store, or on the saved-article files/folders PATH\n"
"  --dump FILE|-       print an article (text or HTML) as the reader pane\n"
"                      shows it, one screen line per output line\n"
"  --extract FILE|URL  print the article of a web page: title, blank\n"
"                      line, paragraphs (with --dump: laid out as the\n"
"                      reader pane shows it); exit 1 when there is none\n"
"  --feed-tsv FILE|-   parse one RSS/Atom/JSON feed, print sfeed TSV\n"
"  --refresh           fetch every feed of the urls file into the store\n"
"  --list              print stored articles, newest first (TSV)\n"
"  --cleanup           remove feeds no longer in the urls file (saved\n"
"                      articles stay) and articles past keep-days\n"
"  --unread-count      print the number of unread articles (-v: per\n"
"                      feed, COUNT<TAB>TITLE)\n"
"  --import-opml FILE  add the feeds of an OPML file to the urls file\n"
"  --export-opml       print the urls file as OPML 2.0 (feeds without a\n"
"                      ~Name titled from the store)\n"
"  --export DIR        write every saved article into DIR as files\n"
"  --search QUERY      search stored titles and texts (words ANDed,\n"
"                      \"a phrase\", =WORD exact), newest first\n"
"  --fulltext ID...    fetch the page of stored article ID, extract its\n"
"                      article and store it as its full text (the\n"
"                      reader's F); exit 1 with the reason on failure\n"),
N_("Options:\n"
"  -w, --width N       --dump: line width in cells (default: the\n"
"                      terminal's width, or 80 when not a terminal)\n"
"  --direction D       --dump: base direction auto, ltr or rtl\n"
"  --shaping on|off    --dump: Arabic shaping (default on)\n"
"  --color WHEN        --dump: auto, always or never (default auto)\n"
"  --highlight WORD    highlight WORD in --dump and the reader\n"
"                      (repeatable); =WORD exact word, /REGEX/ a\n"
"                      regular expression\n"
"  --base-url URL      --feed-tsv, --extract: resolve relative links\n"
"                      against URL\n"
"  --content-type TYPE --extract: the page's HTTP Content-Type (charset)\n"
"  --theme NAME        colour theme (default: default); a NAME found\n"
"                      nowhere is a usage error\n"
"  -u, --urls FILE     urls file (default $XDG_CONFIG_HOME/akhbar/urls)\n"
"  -c, --cache FILE    store (default $XDG_DATA_HOME/akhbar/cache.db)\n"
"  -C, --config FILE   config (default $XDG_CONFIG_HOME/akhbar/config)\n"
"  -r                  the reader: refresh every feed at start\n"
"  -o, --offline       the reader: never touch the network (not with -r)\n"
"  --force             --refresh: fetch feeds whose interval= has not\n"
"                      passed yet\n"
"  --feed URL          --refresh, --list: only this feed\n"
"  --unread            --list: only unread articles\n"
"  -v, --verbose       --refresh, --list, OPML: report bad config lines\n"
"                      too (the reader always shows them)\n"
"  -h, --help          show this help and exit\n"
"  -V, --version       show the version and exit\n"),
N_("See akhbar(1) and akhbar.conf(5).\n"),
};

static const struct mode {
	const char	*option;
	int		(*run)(int, char **);
} modes[] = {
	{ "--extract", cmd_extract },
	{ "--dump", cmd_dump },
	{ "--feed-tsv", cmd_feed_tsv },
	{ "--refresh", cmd_refresh },
	{ "--list", cmd_list },
	{ "--cleanup", cmd_cleanup },
	{ "--unread-count", cmd_unread_count },
	{ "--import-opml", cmd_import_opml },
	{ "--export-opml", cmd_export_opml },
	{ "--export", cmd_export },
	{ "--search", cmd_search },
	{ "--fulltext", cmd_fulltext },
};

/* Does argument a name option (as "--opt" or "--opt=value")? */
static int
is_option(const char *a, const char *option)
{
	size_t	n = strlen(option);

	return strncmp(a, option, n) == 0 && (a[n] == '\0' || a[n] == '=');
}

/* The reader: its options are checked (usage errors exit 2) before
 * the terminal is touched. */
static int
run_reader(int argc, char **argv)
{
	struct cmd_reader_args	a;
	int			rc;

	if ((rc = cmd_reader_parse(argc, argv, &a)) != 0)
		return rc;
	rc = cmd_tui(&a, argc, argv);
	cmd_reader_args_free(&a);
	return rc;
}

int
main(int argc, char **argv)
{
	size_t	i;
	int	a;

	util_set_argv0(argv[0]);
	setlocale(LC_ALL, "");
	i18n_init();
	for (a = 1; a < argc && strcmp(argv[a], "--") != 0; a++) {
		if (strcmp(argv[a], "-h") == 0 ||
		    strcmp(argv[a], "--help") == 0) {
			for (i = 0; i < sizeof usage_text /
			    sizeof usage_text[0]; i++)
				printf("%s%s", i ? "\n" : "",
				    _(usage_text[i]));
			return cmd_stdout_check();
		}
		if (strcmp(argv[a], "-V") == 0 ||
		    strcmp(argv[a], "--version") == 0) {
			puts("akhbar " VERSION);
			return cmd_stdout_check();
		}
	}
	for (a = 1; a < argc && strcmp(argv[a], "--") != 0; a++)
		for (i = 0; i < sizeof modes / sizeof modes[0]; i++)
			if (is_option(argv[a], modes[i].option))
				return modes[i].run(argc, argv);
	return run_reader(argc, argv);
}
