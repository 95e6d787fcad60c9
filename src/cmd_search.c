/* cmd_search.c - `akhbar --search QUERY` (placeholder). */
#include "cmds.h"

int
cmd_search(int argc, char **argv)
{
	return cmd_usage_error("--search is not implemented yet");
}
