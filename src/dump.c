/*
 * dump.c - rows of cells to a stdio stream. Rows are already in visual
 * order and hold only printable characters; without a theme not a single
 * escape or control character is written.
 */
#include "util.h"
#include "dump.h"

/* The theme's sequence, or a highlight group's when the cell is one's
 * (and not a search match, which wins as in the reader). */
static const char *
sgr(uint16_t attr, void *arg)
{
	struct dump	*d = arg;
	size_t		 g = ATTR_GROUP(attr), k = attr & 3;

	if (g == 0 || g > d->ngroups ||
	    theme_element_for(attr) != THEME_HIGHLIGHT)
		return theme_sgr(d->theme, attr);
	if (!d->group_done[g - 1][k]) {
		theme_style_sgr(&d->groups[g - 1], attr,
		    d->group_sgr[g - 1][k], sizeof d->group_sgr[g - 1][k]);
		d->group_done[g - 1][k] = 1;
	}
	return d->group_sgr[g - 1][k];
}

int
dump_row(struct dump *d, const struct row *row)
{
	buf_reset(&d->line);
	cells_to_text(row, &d->line, d->theme ? sgr : NULL, d);
	buf_putc(&d->line, '\n');
	if (fwrite(d->line.data, 1, d->line.len, d->out) != d->line.len)
		return -1;
	return 0;
}

int
dump_rows(struct dump *d, const struct rows *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++)
		if (dump_row(d, &r->v[i]) == -1)
			return -1;
	return ferror(d->out) ? -1 : 0;
}
