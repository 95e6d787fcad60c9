/*
 * fetch_main.c - akhbar-fetch, the program that runs akhbar's downloads
 * (fetch_pipe.h has the messages): it reads the options and requests from
 * standard input to its end, runs them with fetch_curl_run(), and writes
 * each result to standard output as it finishes. The writing is done by
 * a second thread, so a reader that is busy parsing the last result
 * does not stall the transfers still running: finished results wait in
 * memory, up to OUTQ_MAX bytes (beyond that the transfers wait for akhbar,
 * so this program's memory stays bounded however fast the network).
 *
 * It is not meant to be run by hand; it prints nothing on a terminal.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <signal.h>

#include "fetch.h"
#include "fetch_pipe.h"
#include "util.h"

/* Finished records waiting for the writer, oldest first. */
struct outq {
	pthread_mutex_t	 lock;
	pthread_cond_t	 more;		/* for the writer */
	pthread_cond_t	 room;		/* for the transfers */
	struct buf	*recs;
	size_t		 head, len, cap;
	size_t		 bytes;		/* in recs[head..len) */
	int		 closed;	/* no more will come */
};

#define OUTQ_MAX	(8u << 20)

static void
outq_push(struct outq *q, struct buf *rec)
{
	pthread_mutex_lock(&q->lock);
	while (q->head < q->len && q->bytes + rec->len > OUTQ_MAX)
		pthread_cond_wait(&q->room, &q->lock);
	q->bytes += rec->len;
	if (q->len == q->cap) {
		/* compact, then grow */
		if (q->head > 0) {
			memmove(q->recs, q->recs + q->head, (q->len -
			    q->head) * sizeof *q->recs);
			q->len -= q->head;
			q->head = 0;
		}
		if (q->len == q->cap) {
			q->cap = q->cap ? q->cap * 2 : 16;
			q->recs = xreallocarray(q->recs, q->cap,
			    sizeof *q->recs);
		}
	}
	q->recs[q->len++] = *rec;
	pthread_cond_signal(&q->more);
	pthread_mutex_unlock(&q->lock);
}

static void
outq_close(struct outq *q)
{
	pthread_mutex_lock(&q->lock);
	q->closed = 1;
	pthread_cond_signal(&q->more);
	pthread_mutex_unlock(&q->lock);
}

/* One record to stdout; akhbar gone ends it all. */
static void
outq_write(const struct buf *rec)
{
	size_t	off;
	ssize_t	w;

	for (off = 0; off < rec->len; off += (size_t)w) {
		w = write(1, rec->data + off, rec->len - off);
		if (w == -1 && errno == EINTR) {
			w = 0;
			continue;
		}
		if (w <= 0)
			_exit(1);
	}
}

/* The writer thread: records in order, as akhbar takes them. */
static void *
outq_writer(void *arg)
{
	struct outq	*q = arg;
	struct buf	 rec;

	for (;;) {
		pthread_mutex_lock(&q->lock);
		while (q->head == q->len && !q->closed)
			pthread_cond_wait(&q->more, &q->lock);
		if (q->head == q->len) {
			pthread_mutex_unlock(&q->lock);
			return NULL;
		}
		rec = q->recs[q->head++];
		pthread_mutex_unlock(&q->lock);
		outq_write(&rec);
		pthread_mutex_lock(&q->lock);
		q->bytes -= rec.len;
		pthread_cond_signal(&q->room);
		pthread_mutex_unlock(&q->lock);
		buf_free(&rec);
	}
}
static void
fetch_main_done(struct fetch_req *req, const struct fetch_result *res,
    void *arg)
{
	struct outq	*q = arg;
	struct buf	 rec = { 0 };

	fetch_pipe_put_result(&rec, (int64_t)(intptr_t)req->data, res);
	outq_push(q, &rec);
}

/* All of standard input, or NULL when it is too big or unreadable. */
static char *
read_input(size_t *len)
{
	struct buf	b = { 0 };
	char		chunk[65536];
	ssize_t		r;

	for (;;) {
		r = read(0, chunk, sizeof chunk);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1 || b.len > (64u << 20)) {
			buf_free(&b);
			return NULL;
		}
		if (r == 0)
			break;
		buf_add(&b, chunk, (size_t)r);
	}
	buf_putc(&b, '\0');
	*len = b.len - 1;
	return b.data;
}

int
main(int argc, char *argv[])
{
	struct fetch_opts	 o;
	struct fetch_req	*reqs;
	struct fetch_result	 fail;
	struct outq		 q;
	struct buf		 rec = { 0 };
	pthread_t		 writer;
	char			*msg, *cause = NULL;
	size_t			 len, n, i;
	int			 rc;

	if (argc != 1 || isatty(0) || isatty(1)) {
		fprintf(stderr, "%s: run by akhbar, not by hand\n",
		    FETCH_PROGRAM);
		return 2;
	}
#ifdef __linux__
	/* akhbar stopped (the reader's refresh cancelled): stop too, rather
	 * than finish transfers nobody will read */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() == 1)
		return 1;
#endif
	if ((msg = read_input(&len)) == NULL ||
	    fetch_pipe_get_requests(msg, len, &o, &reqs, &n) == -1) {
		fprintf(stderr, "%s: malformed requests on standard input\n",
		    FETCH_PROGRAM);
		return 2;
	}
	for (i = 0; i < n; i++)
		reqs[i].data = (void *)(intptr_t)i;
	memset(&q, 0, sizeof q);
	pthread_mutex_init(&q.lock, NULL);
	pthread_cond_init(&q.more, NULL);
	pthread_cond_init(&q.room, NULL);
	if ((rc = pthread_create(&writer, NULL, outq_writer, &q)) != 0) {
		fprintf(stderr, "%s: %s\n", FETCH_PROGRAM, strerror(rc));
		return 1;
	}
	if (fetch_curl_run(&o, reqs, n, fetch_main_done, &q, &cause) == -1) {
		memset(&fail, 0, sizeof fail);
		fail.error = cause;
		fetch_pipe_put_result(&rec, -1, &fail);
		outq_push(&q, &rec);
		free(cause);
	}
	outq_close(&q);
	pthread_join(writer, NULL);
	fetch_pipe_free_requests(reqs, n);
	free(q.recs);
	free(msg);
	return 0;
}
