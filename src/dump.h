/*
 * dump.h - writes rows of cells to a stream as text, one screen line per
 * output line, with SGR colours from a theme or with none at all.
 */
#ifndef AKHBAR_DUMP_H
#define AKHBAR_DUMP_H

#include <stdio.h>

#include "cells.h"
#include "doc.h"
#include "theme.h"

struct dump {
	FILE		*out;
	struct theme	*theme;		/* NULL: no escape sequences */
	/* Styles of highlight groups 1..ngroups (cells with ATTR_GROUP
	 * bits), borrowed; used with a theme only. */
	const struct theme_style *groups;
	size_t		 ngroups;
	char		 group_sgr[ATTR_GROUP_MAX][4][48];
	uint8_t		 group_done[ATTR_GROUP_MAX][4];
	struct buf	 line;
};

/* Write one row; returns -1 when the stream reports an error. */
int	dump_row(struct dump *d, const struct row *row);
/* Write every row of r; returns -1 when the stream reports an error. */
int	dump_rows(struct dump *d, const struct rows *r);

#endif
