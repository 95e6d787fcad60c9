/*
 * dump.c - rows of cells to a stdio stream. Rows are already in visual
 * order and hold only printable characters; without a theme not a single
 * escape or control character is written.
 */
#include "util.h"
#include "dump.h"

static const char *
sgr(uint16_t attr, void *arg)
{
	return theme_sgr(arg, attr);
}

int
dump_rows(struct dump *d, const struct rows *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		buf_reset(&d->line);
		cells_to_text(&r->v[i], &d->line, d->theme ? sgr : NULL,
		    d->theme);
		buf_putc(&d->line, '\n');
		if (fwrite(d->line.data, 1, d->line.len, d->out) !=
		    d->line.len)
			return -1;
	}
	return ferror(d->out) ? -1 : 0;
}
