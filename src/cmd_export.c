/* cmd_export.c - `akhbar --export DIR` (placeholder). */
#include "cmds.h"

int
cmd_export(int argc, char **argv)
{
	return cmd_usage_error("--export is not implemented yet");
}
