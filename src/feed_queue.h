/*
 * feed_queue.h - feeds parsed on a thread of their own while the caller
 * stores the ones before: a refresh's main thread spent about 30% of
 * its instructions in the parser (libxml2 and feed.c), which now runs
 * beside the store's inserts. Documents go in with a tag; parsed
 * documents come out in the order they went in, each with its items
 * copied (the parser's own strings do not outlive its callback).
 * Knows nothing of the network or the store.
 */
#ifndef AKHBAR_FEED_QUEUE_H
#define AKHBAR_FEED_QUEUE_H

#include <stddef.h>

#include "feed.h"

/* A parsed document. The items' strings are owned by it. */
struct feed_parsed {
	void			*tag;	/* as given to feed_queue_put() */
	struct feed_item	*items;
	size_t			 n;
	struct feed_info	 info;
	int			 rc;	/* feed_parse()'s: 0, or -1 with
					 * cause */
	char			*cause;
	char			*strings;	/* where the items point */
	size_t			 bytes;		/* of the document */
};

/* Parse body[0..len) here and now into a feed_parsed, as the thread
 * does (tag as given). Free with feed_parsed_free(). */
struct feed_parsed	*feed_parse_copy(const char *body, size_t len,
			    const char *base, void *tag);

struct feed_queue;

/* Start the parsing thread; at most max documents are held at once,
 * waiting, being parsed or parsed and not yet taken, and no other once
 * their bodies reach max_bytes (one is always taken, whatever its
 * size). NULL when no thread can be made: the caller parses in place. */
struct feed_queue	*feed_queue_start(size_t max, size_t max_bytes);
/* A file descriptor that has bytes to read each time a document is
 * parsed (for poll(); reading them is the caller's). */
int			 feed_queue_fd(struct feed_queue *q);
/* No room for another document until one is taken. */
int			 feed_queue_full(struct feed_queue *q);
/* Queue body[0..len) (copied), with base (may be NULL, copied) for
 * relative links. Call only when not feed_queue_full(). */
void			 feed_queue_put(struct feed_queue *q, void *tag,
			    const char *body, size_t len, const char *base);
/* The oldest document put, once parsed: waiting for it when wait is
 * non-zero, else NULL when it is not parsed yet. NULL when nothing was
 * put. Free with feed_parsed_free(). */
struct feed_parsed	*feed_queue_take(struct feed_queue *q, int wait);
void			 feed_parsed_free(struct feed_parsed *p);
/* Stop the thread (what was put and not taken is dropped). */
void			 feed_queue_stop(struct feed_queue *q);

#endif
