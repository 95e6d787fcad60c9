/*
 * keymap.h - keys typed on an Arabic (101), Persian (ISIRI 9147) or
 * Hebrew (SI-1452) keyboard layout, read as the Latin key on the same
 * physical key of a US keyboard, so a reader switching layouts need not
 * switch back to move (ت is j on the Arabic layout, ל is k on the Hebrew
 * one). The tables come from xkb-data (tests/tools/keymap_gen.py).
 */
#ifndef AKHBAR_KEYMAP_H
#define AKHBAR_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

enum keymap_layout {
	KEYMAP_AUTO,		/* Arabic-script letters: Persian when the
				 * locale is Persian, else Arabic; Hebrew */
	KEYMAP_ARABIC,
	KEYMAP_PERSIAN,
	KEYMAP_HEBREW,
	KEYMAP_OFF
};

/* One row of a table: a character and its Latin key. */
struct keymap_row {
	uint32_t	cp;
	char		latin;
};

/*
 * The Latin key on the same physical key as cp, or 0 (ASCII, unknown).
 * The chosen layout is looked up first, then the others (Persian-only
 * letters still work on the Arabic choice); persian_locale picks Persian
 * over Arabic for KEYMAP_AUTO. KEYMAP_OFF maps nothing.
 */
int	 keymap_latin(enum keymap_layout l, int persian_locale, uint32_t cp);
/* A layout by name ("arabic", "auto", "off"...), or -1. */
int	 keymap_layout_find(const char *name);
/* The rows of layout l (not AUTO or OFF) in *n. */
const struct keymap_row *keymap_table(enum keymap_layout l, size_t *n);

#endif
