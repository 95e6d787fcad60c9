/*
 * fuzz_feed.c - libFuzzer driver for the feed parser (RSS, Atom, JSON
 * Feed). The first byte picks a chunk size, so the push parser also sees
 * documents cut at every kind of place; the items must be the same as
 * when the document comes in one piece. Every item string then goes
 * through the screen sanitizer, whose output must be printable.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "util.h"
#include "fuzz_common.h"

static void
add_field(struct buf *b, const char *s)
{
	buf_puts(b, s != NULL ? s : "(null)");
	buf_putc(b, '\0');
}

static int
item_cb(const struct feed_item *it, void *arg)
{
	struct buf	*b = arg;

	fuzz_check_sanitize(it->id);
	fuzz_check_sanitize(it->title);
	fuzz_check_sanitize(it->link);
	fuzz_check_sanitize(it->author);
	fuzz_check_sanitize(it->content);
	fuzz_check_sanitize(it->enclosure);
	fuzz_check_sanitize(it->categories);
	add_field(b, it->id);
	add_field(b, it->title);
	add_field(b, it->link);
	add_field(b, it->author);
	add_field(b, it->content);
	add_field(b, it->categories);
	buf_printf(b, "%lld\n", (long long)it->date);
	return 0;
}

/* Parse data in chunks of chunk bytes; items serialised into out. */
static int
parse(const uint8_t *data, size_t size, size_t chunk, struct buf *out)
{
	struct feed_parser	*p;
	struct feed_info	 info = { 0 };
	char			*cause = NULL;
	size_t			 off;
	int			 rc = 0;

	p = feed_parser_create("http://example.com/feed/", item_cb, out);
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
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf	whole = { 0 }, cut = { 0 };
	size_t		chunk;
	int		r1, r2;

	if (size < 1)
		return 0;
	chunk = data[0] == 0 ? size : data[0];
	data++;
	size--;
	r1 = parse(data, size, size > 0 ? size : 1, &whole);
	if (chunk < size) {
		r2 = parse(data, size, chunk, &cut);
		/* The same items up to where either stopped. */
		if (r1 == 0 && r2 == 0 && (whole.len != cut.len ||
		    (whole.len > 0 && memcmp(whole.data, cut.data,
		    whole.len) != 0)))
			abort();
	}
	buf_free(&whole);
	buf_free(&cut);
	return 0;
}
