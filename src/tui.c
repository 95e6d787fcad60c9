/* tui.c - placeholder. */
#include "cmds.h"

int
cmd_tui(int argc, char **argv)
{
	return cmd_usage_error("the interactive reader is not implemented yet");
}
