/*
 * keys_man.c - prints the KEYS list of akhbar(1) in mdoc from the action
 * table (app.h) and the default bindings, the same ones the help screen
 * (`?`) shows, so that the manual and the screen never drift apart.
 * `make man` puts its output between the KEYS markers of man/akhbar.1;
 * tests/e2e/man_keys.sh fails when the committed page differs.
 */
#include <stdio.h>
#include <string.h>
#include <ctype.h>

#include "app.h"

int
main(void)
{
	struct app_keys	 k = { 0 };
	char		 name[32], help[256];
	size_t		 i, nk;
	int		 a;

	app_keys_default(&k);
	puts(".Bl -tag -width Ds");
	for (a = 1; a < ACT_COUNT; a++) {
		printf(".It");
		for (i = nk = 0; i < k.n; i++) {
			if (k.v[i].action != (enum app_action)a)
				continue;
			app_key_name(k.v[i].key, name, sizeof name);
			printf(" %s%s", nk++ == 0 ? "Sy " : "", name);
		}
		printf(" Pq Cm %s\n", app_action_name(a));
		snprintf(help, sizeof help, "%s", app_action_help(a));
		help[0] = (char)toupper((unsigned char)help[0]);
		printf("%s%s.\n", help, nk == 0 ? "; no default key" : "");
	}
	puts(".El");
	app_keys_free(&k);
	return ferror(stdout) || fflush(stdout) != 0;
}
