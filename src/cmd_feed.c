/*
 * cmd_feed.c - `akhbar --feed-tsv`: parse one feed, print sfeed TSV.
 * (Placeholder until the feed parser lands.)
 */
#include "cmds.h"

int
cmd_feed_tsv(int argc, char **argv)
{
	return cmd_usage_error("--feed-tsv is not implemented yet");
}
