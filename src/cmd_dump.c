/* cmd_dump.c - placeholder. */
#include "cmds.h"

int
cmd_dump(int argc, char **argv)
{
	return cmd_usage_error("--dump is not implemented yet");
}
