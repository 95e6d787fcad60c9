/*
 * fuzz_feed.c - libFuzzer driver for the feed parser (RSS, Atom, JSON
 * Feed). The first byte picks a chunk size, so the push parser also sees
 * documents cut at every kind of place; every item string then goes
 * through the screen sanitizer, whose output must be printable.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "fuzz_common.h"

static int
item_cb(const struct feed_item *it, void *arg)
{
	size_t	*count = arg;

	fuzz_check_sanitize(it->id);
	fuzz_check_sanitize(it->title);
	fuzz_check_sanitize(it->link);
	fuzz_check_sanitize(it->author);
	fuzz_check_sanitize(it->content);
	fuzz_check_sanitize(it->enclosure);
	fuzz_check_sanitize(it->categories);
	(*count)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed_parser	*p;
	struct feed_info	 info = { 0 };
	char			*cause = NULL;
	size_t			 count = 0, chunk, off;
	int			 rc = 0;

	if (size < 1)
		return 0;
	chunk = data[0] == 0 ? size : data[0];
	data++;
	size--;
	p = feed_parser_create("http://example.com/feed/", item_cb, &count);
	for (off = 0; off < size && rc == 0; off += chunk)
		rc = feed_parser_push(p, (const char *)data + off,
		    size - off < chunk ? size - off : chunk, &cause);
	if (rc == 0)
		rc = feed_parser_finish(p, &info, &cause);
	if (rc != 0 && cause == NULL)
		abort();		/* an error must say why */
	fuzz_check_sanitize(cause);
	fuzz_check_sanitize(info.title);
	fuzz_check_sanitize(info.link);
	free(cause);
	feed_info_clear(&info);
	feed_parser_free(p);
	return 0;
}
