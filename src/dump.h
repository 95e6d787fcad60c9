/*
 * dump.h - writes rows of cells to a stream as text, one screen line per
 * output line, with SGR colours from a theme or with none at all.
 */
#ifndef AKHBAR_DUMP_H
#define AKHBAR_DUMP_H

#include <stdio.h>

#include "cells.h"
#include "theme.h"

struct dump {
	FILE		*out;
	struct theme	*theme;		/* NULL: no escape sequences */
	struct buf	 line;
};

/* Write every row of r; returns -1 when the stream reports an error. */
int	dump_rows(struct dump *d, const struct rows *r);

#endif
