/*
 * cmds.h - the non-interactive commands. main() picks one by the mode
 * option it finds and hands it the whole argument vector; each parses its
 * own options with getopt_long and returns the exit status (0 ok, 1
 * failure, 2 usage error).
 */
#ifndef AKHBAR_CMDS_H
#define AKHBAR_CMDS_H

#include <stdint.h>
#include <stdio.h>

struct store_article;

/* --dump: lay out one article and print it (cmd_dump.c). */
int	cmd_dump(int argc, char **argv);
/* For --dump and --extract --dump (cmd_dump.c): "akhbar: [what: ]cause"
 * sanitized on stderr; a --width value (2 to 10000) into *w, -1 when
 * bad; the terminal's width, or 80. */
void	dump_error(const char *what, const char *cause);
int	dump_parse_width(const char *s, size_t *w);
size_t	dump_default_width(void);
/* --extract: the article of a web page as text (cmd_extract.c). */
int	cmd_extract(int argc, char **argv);
/* --feed-tsv: parse one feed document, print sfeed TSV (cmd_feed.c). */
int	cmd_feed_tsv(int argc, char **argv);
/* --refresh: fetch every feed of the urls file into the store. */
int	cmd_refresh(int argc, char **argv);
/* --list: print stored articles newest first. */
int	cmd_list(int argc, char **argv);
/* --import-opml FILE: add an OPML's feeds to the urls file. */
int	cmd_import_opml(int argc, char **argv);
/* --export-opml: print the urls file as OPML 2.0. */
int	cmd_export_opml(int argc, char **argv);
/* --export DIR: write every saved article of the store into DIR. */
int	cmd_export(int argc, char **argv);
/* --search QUERY: search stored articles' titles and bodies. */
int	cmd_search(int argc, char **argv);
/* The interactive reader (tui.c). */
int	cmd_tui(int argc, char **argv);

/* Where cmd_list_article() writes, and what happened. */
struct cmd_list {
	FILE	*out;
	int	 error;		/* a write failed; the walk was stopped */
	int64_t	 count;		/* lines written */
};
/*
 * A store_article_cb for --list and --search (cmd_store.c): one line of
 * sanitized TSV (date, feed title, title, link) to ((struct cmd_list *)
 * arg)->out.
 */
int	cmd_list_article(const struct store_article *a, void *arg);

/* Print a one-line usage error naming what was wrong; returns 2. */
int	cmd_usage_error(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
