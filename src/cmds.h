/*
 * cmds.h - the non-interactive commands. main() picks one by the mode
 * option it finds and hands it the whole argument vector; each parses its
 * own options with getopt_long and returns the exit status (0 ok, 1
 * failure, 2 usage error).
 */
#ifndef AKHBAR_CMDS_H
#define AKHBAR_CMDS_H

#include <stddef.h>
#include <stdint.h>

struct cmd_reader_args;

/* --dump: lay out one article and print it (cmd_dump.c). */
int	cmd_dump(int argc, char **argv);
/* The widest --width that --dump and --extract --dump take. */
#define DUMP_MAX_WIDTH	10000
/* For --dump and --extract --dump (cmd_dump.c): the terminal's width,
 * or 80. */
size_t	dump_default_width(void);
/* --extract: the article of a web page as text (cmd_extract.c). */
int	cmd_extract(int argc, char **argv);
/* --fulltext ID: fetch, extract and store an article's full text
 * (cmd_fulltext.c). */
int	cmd_fulltext(int argc, char **argv);
struct store;
struct fetch_opts;
struct urls;
/*
 * For --refresh: fetch the full texts of the articles above above_id of
 * the feeds feed_ids[0..n) that have none yet (at most
 * FULLTEXT_PER_REFRESH), each page with its feed's identity in u, a
 * failure a warning. Returns 0, or 1 when the store or libcurl failed.
 */
int	cmd_fulltext_refresh(struct store *st, const struct fetch_opts *o,
	    const struct urls *u, const int64_t *feed_ids, size_t n,
	    int64_t above_id);
/* --feed-tsv: parse one feed document, print sfeed TSV (cmd_feed.c). */
int	cmd_feed_tsv(int argc, char **argv);
/* --refresh: fetch every feed of the urls file into the store. */
int	cmd_refresh(int argc, char **argv);
/* --list: print stored articles newest first. */
int	cmd_list(int argc, char **argv);
/* --cleanup: drop feeds no longer in the urls file, apply keep-days. */
int	cmd_cleanup(int argc, char **argv);
/* --unread-count: the number of unread articles (-v: per feed). */
int	cmd_unread_count(int argc, char **argv);
/* --import-opml FILE: add an OPML's feeds to the urls file. */
int	cmd_import_opml(int argc, char **argv);
/* --export-opml: print the urls file as OPML 2.0. */
int	cmd_export_opml(int argc, char **argv);
/* --export DIR: write every saved article of the store into DIR. */
int	cmd_export(int argc, char **argv);
/* --search QUERY: search stored articles' titles and bodies. */
int	cmd_search(int argc, char **argv);
/* The interactive reader (tui.c), with its options parsed by
 * cmd_reader_parse(); the files to open start at argv[a->first_path]. */
int	cmd_tui(const struct cmd_reader_args *a, int argc, char **argv);

#endif
