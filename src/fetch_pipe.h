/*
 * fetch_pipe.h - the messages between akhbar and akhbar-fetch, the small
 * program that holds libcurl (fetch.c) so that akhbar itself never loads
 * it. akhbar writes the options and every request on the program's
 * standard input and closes it; the program answers with one record per
 * finished transfer, in completion order, on its standard output, while
 * the other transfers go on. fetch_run() (fetch_pipe.c) is the akhbar
 * side; fetch_main.c the program.
 *
 * Numbers are 8 bytes in the machine's order (both ends are the same
 * build); a string is its length, its bytes and a NUL, or the length -1
 * for none, so a decoder can point into the message without copying.
 */
#ifndef AKHBAR_FETCH_PIPE_H
#define AKHBAR_FETCH_PIPE_H

#include <stddef.h>
#include <stdint.h>

#include "fetch.h"
#include "util.h"

/* A message being decoded; bad is set by the first short or malformed
 * field, after which every getter returns 0 or NULL. */
struct fetch_wire {
	char	*p;
	size_t	 left;
	int	 bad;
};

/* Encode o and the n requests (everything but their data pointers). */
void	 fetch_pipe_put_requests(struct buf *b, const struct fetch_opts *o,
	    const struct fetch_req *reqs, size_t n);
/*
 * Decode what fetch_pipe_put_requests() wrote, pointing into msg (which
 * must outlive them). *reqs and each request's headers array are
 * allocated (fetch_pipe_free_requests()). Returns -1 when msg is
 * malformed.
 */
int	 fetch_pipe_get_requests(char *msg, size_t len, struct fetch_opts *o,
	    struct fetch_req **reqs, size_t *n);
void	 fetch_pipe_free_requests(struct fetch_req *reqs, size_t n);

/*
 * Append one result record: its length, then request index i and res.
 * i == -1 carries no transfer: res->error is why the whole run failed.
 */
void	 fetch_pipe_put_result(struct buf *b, int64_t i,
	    const struct fetch_result *res);
/*
 * Decode one record's payload (after its length) into *i and *res, which
 * point into msg. Returns -1 when it is malformed.
 */
int	 fetch_pipe_get_result(char *msg, size_t len, int64_t *i,
	    struct fetch_result *res);

/* The program's name; fetch_run() looks for it (see fetch_pipe.c). */
#define FETCH_PROGRAM	"akhbar-fetch"

#endif
