/*
 * bench_folder.c - what the TUI does when it opens a folder of saved
 * articles: folder_open() on the paths given, then the titles of the
 * first screen (50 entries, or -n N), printed one a line. Built and run
 * by bench_folder.sh; not part of `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folder.h"

int
main(int argc, char **argv)
{
	struct folder	*f;
	size_t		 i, n = 50;
	int		 a = 1;

	if (argc > 2 && strcmp(argv[1], "-n") == 0) {
		n = (size_t)strtoul(argv[2], NULL, 10);
		a = 3;
	}
	f = folder_open((const char *const *)argv + a, (size_t)(argc - a));
	for (i = 0; i < n && i < folder_count(f); i++)
		printf("%s\t%s\n", folder_entry(f, i)->path,
		    folder_title(f, i));
	fprintf(stderr, "%zu entries\n", folder_count(f));
	folder_free(f);
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
