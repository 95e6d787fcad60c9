/*
 * keymap.c - reads keys typed on an Arabic, Persian or Hebrew layout as
 * the Latin key on the same physical key (keymap.h). The tables are
 * sorted by code point and searched by bisection.
 */
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "keymap_table.h"

#define NROWS(t)	(sizeof t / sizeof t[0])

const struct keymap_row *
keymap_table(enum keymap_layout l, size_t *n)
{
	switch (l) {
	case KEYMAP_ARABIC:
		*n = NROWS(keymap_arabic);
		return keymap_arabic;
	case KEYMAP_PERSIAN:
		*n = NROWS(keymap_persian);
		return keymap_persian;
	case KEYMAP_HEBREW:
		*n = NROWS(keymap_hebrew);
		return keymap_hebrew;
	default:
		*n = 0;
		return NULL;
	}
}

static int
lookup(enum keymap_layout l, uint32_t cp)
{
	const struct keymap_row	*t;
	size_t			 lo = 0, hi, mid;

	t = keymap_table(l, &hi);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (t[mid].cp == cp)
			return (unsigned char)t[mid].latin;
		if (t[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
keymap_latin(enum keymap_layout l, int persian_locale, uint32_t cp)
{
	enum keymap_layout	order[3];
	int			i, k;

	if (l == KEYMAP_OFF || cp < 0x80)
		return 0;
	/* Arabic-Indic digits (the Arabic layout's third level, and other
	 * Arabic keyboards' first) count as digits too. */
	if (cp >= 0x0660 && cp <= 0x0669)
		return '0' + (int)(cp - 0x0660);
	if (l == KEYMAP_AUTO)
		l = persian_locale ? KEYMAP_PERSIAN : KEYMAP_ARABIC;
	order[0] = l;
	order[1] = l == KEYMAP_PERSIAN ? KEYMAP_ARABIC : KEYMAP_PERSIAN;
	order[2] = l == KEYMAP_HEBREW ? KEYMAP_ARABIC : KEYMAP_HEBREW;
	for (i = 0; i < 3; i++)
		if ((k = lookup(order[i], cp)) != 0)
			return k;
	return 0;
}

int
keymap_layout_find(const char *name)
{
	static const char	*names[] = { "auto", "arabic", "persian",
				    "hebrew", "off" };
	int			 i;

	for (i = 0; i < 5; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -1;
}
