/*
 * test_bidi_conformance.c - runs the Unicode conformance file
 * BidiCharacterTest.txt (Debian package unicode-data) through the
 * engine's reorder step, without wrapping: every line must give the
 * expected paragraph level and visual order. Lines that use characters
 * whose bidi class in the installed UnicodeData.txt differs from what the
 * installed fribidi knows (characters newer than fribidi's data) may
 * fail; they are counted and listed, and every other line must pass.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <fribidi.h>

#include "bidi.h"

#define UCD	"/usr/share/unicode/"
#define MAXCP	0x110000

static char	*ucd_class[MAXCP];	/* bidi class names from the UCD */

static void
load_ucd(void)
{
	FILE		*f;
	char		 line[1024], *field[16], *p;
	unsigned long	 cp, first = 0;
	int		 n;

	f = fopen(UCD "UnicodeData.txt", "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		for (n = 0, p = line; n < 16 && p != NULL; n++)
			field[n] = strsep(&p, ";");
		if (n < 5)
			continue;
		cp = strtoul(field[0], NULL, 16);
		if (strstr(field[1], ", First>") != NULL) {
			first = cp;
			continue;
		}
		if (strstr(field[1], ", Last>") == NULL)
			first = cp;
		for (; first <= cp && cp < MAXCP; first++)
			ucd_class[first] = strdup(field[4]);
	}
	fclose(f);
}

/* Does fribidi disagree with the UCD about a code point's class? */
static int
newer_than_fribidi(const uint32_t *cps, size_t n)
{
	const char	*name;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (cps[i] >= MAXCP || ucd_class[cps[i]] == NULL)
			continue;
		name = fribidi_get_bidi_type_name(fribidi_get_bidi_type(
		    cps[i]));
		if (strcmp(name, ucd_class[cps[i]]) != 0)
			return 1;
	}
	return 0;
}

/* Parse space-separated numbers (hex or decimal, 'x' = -1). */
static size_t
parse_list(char *s, long *out, size_t max, int base)
{
	size_t	n = 0;
	char	*tok, *save = NULL;

	for (tok = strtok_r(s, " ", &save); tok != NULL && n < max;
	    tok = strtok_r(NULL, " ", &save))
		out[n++] = strcmp(tok, "x") == 0 ? -1 : strtol(tok, NULL,
		    base);
	return n;
}

/* Check one test line; returns 1 when it passes. */
static int
check_line(char *line, int *newer)
{
	char			*field[6], *p = line;
	long			 cps[256], levels[256], order[256], v;
	uint32_t		 text[256];
	size_t			 n, nl, no, i, k, map[256];
	int			 dir, level;
	struct bidi_para	*bp;
	enum dir		 d;

	for (i = 0; i < 5; i++)
		if ((field[i] = strsep(&p, ";")) == NULL)
			return 1;
	field[4][strcspn(field[4], "\r\n")] = '\0';
	n = parse_list(field[0], cps, 256, 16);
	nl = parse_list(field[3], levels, 256, 10);
	no = parse_list(field[4], order, 256, 10);
	dir = atoi(field[1]);
	level = atoi(field[2]);
	if (n != nl)
		return 0;
	for (i = 0; i < n; i++)
		text[i] = (uint32_t)cps[i];
	d = dir == 0 ? DIR_LTR : dir == 1 ? DIR_RTL : DIR_AUTO;
	bp = bidi_para_create(text, n, d, 0);
	bidi_para_reorder(bp, 0, n, map);
	*newer = newer_than_fribidi(text, n);
	if (bidi_para_rtl(bp) != level) {
		bidi_para_free(bp);
		return 0;
	}
	bidi_para_free(bp);
	for (i = 0, k = 0; i < n; i++) {
		v = (long)map[i];
		if (levels[v] == -1)
			continue;	/* removed by rule X9 */
		if (k >= no || order[k] != v)
			return 0;
		k++;
	}
	return k == no;
}

static void
test_conformance(void **state)
{
	FILE	*f;
	char	 line[4096], copy[4096];
	size_t	 lineno = 0, total = 0, passed = 0, excused = 0, failed = 0;
	int	 newer;

	load_ucd();
	f = fopen(UCD "BidiCharacterTest.txt", "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		total++;
		snprintf(copy, sizeof copy, "%s", line);
		newer = 0;
		if (check_line(line, &newer))
			passed++;
		else if (newer) {
			if (excused < 10)
				printf("# excused line %zu (characters newer "
				    "than fribidi's data): %.60s\n", lineno,
				    copy);
			excused++;
		} else {
			if (failed < 10)
				printf("# FAILED line %zu: %s", lineno, copy);
			failed++;
		}
	}
	fclose(f);
	printf("# BidiCharacterTest: %zu lines, %zu passed, %zu excused, "
	    "%zu failed\n", total, passed, excused, failed);
	assert_true(total > 90000);
	assert_int_equal(failed, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conformance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
