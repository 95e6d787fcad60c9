/*
 * layout_screen.c - for the TUI's reader pane: time to lay out the first
 * screen (24 rows) of a large article, and then each further screen, with
 * the lazy layout cache, against laying out the whole article; then,
 * after that, scrolling: every row in turn (j held down), and 200 jumps
 * to screens far apart (G, search hits), each screen's rows asked for
 * as the TUI paints them. Usage: layout_screen FILE WIDTH. Prints
 * milliseconds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "util.h"
#include "article.h"
#include "render.h"

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
main(int argc, char **argv)
{
	struct render_opts	 o = { 0 };
	struct layout		*l;
	struct doc		*d;
	char			*data, *cause = NULL;
	size_t			 len, i, k, total, top;
	unsigned		 x;
	double			 t0, t1, t2, t3;

	if (argc != 3)
		return 2;
	if ((data = util_read_file(argv[1], 1UL << 30, &len, &cause)) == NULL)
		die("%s", cause);
	t0 = now_ms();
	d = article_parse(argv[1], data, len, &cause);
	o.width = (size_t)atoi(argv[2]);
	o.shaping = 1;
	l = layout_create(d, &o);
	t1 = now_ms();
	for (i = 0; i < 24; i++)
		layout_row(l, i);
	t2 = now_ms();
	for (i = 24; i < 48; i++)
		layout_row(l, i);
	t3 = now_ms();
	printf("parse to blocks: %.1f ms; first screen: %.2f ms; "
	    "next screen: %.2f ms\n", t1 - t0, t2 - t1, t3 - t2);
	layout_free(l);
	l = layout_create(d, &o);
	t0 = now_ms();
	total = layout_count(l);
	t1 = now_ms();
	printf("whole article: %zu rows in %.1f ms (a screen is %.4f%% of "
	    "it)\n", total, t1 - t0, 2400.0 / (double)total);
	t0 = now_ms();
	for (i = 0; i < total; i++)
		layout_row(l, i);
	t1 = now_ms();
	for (i = 0, x = 16; i < 200; i++) {
		x = x * 1103515245 + 12345;
		top = total > 24 ? (x >> 8) % (total - 24) : 0;
		for (k = 0; k < 24; k++)
			layout_row(l, top + k);
	}
	t2 = now_ms();
	printf("scrolling: every row in turn %.1f ms (%.2f us a row); a jump "
	    "to a far screen %.2f ms\n", t1 - t0, (t1 - t0) * 1e3 /
	    (double)(total ? total : 1), (t2 - t1) / 200);
	layout_free(l);
	doc_free(d);
	free(data);
	return 0;
}
