/*
 * cmd_store.c - the store commands: --refresh, --list, --import-opml,
 * --export-opml. (Placeholders until the store lands.)
 */
#include "cmds.h"

int
cmd_refresh(int argc, char **argv)
{
	return cmd_usage_error("--refresh is not implemented yet");
}

int
cmd_list(int argc, char **argv)
{
	return cmd_usage_error("--list is not implemented yet");
}

int
cmd_import_opml(int argc, char **argv)
{
	return cmd_usage_error("--import-opml is not implemented yet");
}

int
cmd_export_opml(int argc, char **argv)
{
	return cmd_usage_error("--export-opml is not implemented yet");
}
