/*
 * feed_queue.c - feeds parsed on a thread of their own (feed_queue.h).
 *
 * One thread takes the documents in the order they were put and parses
 * each with feed_parse(). An item's strings are copied into one buffer
 * a document (as offsets while the buffer grows, made pointers once
 * the document is done), so a document of 50 items costs two
 * allocations that grow, not 350.
 */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "feed_queue.h"
#include "util.h"

struct doc_job {
	struct doc_job		*next;
	char			*body;
	size_t			 len;
	char			*base;
	int			 done;
	struct feed_parsed	*out;
	struct buf		 strings;
	size_t			 cap;
};

struct feed_queue {
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 work;	/* a job put, or stopping */
	pthread_cond_t		 done;	/* a job parsed */
	struct doc_job		*head, *tail;	/* oldest first */
	struct doc_job		*next;	/* the next to parse */
	size_t			 held, max;	/* documents */
	size_t			 bytes, max_bytes;	/* of their bodies */
	int			 stop;
	int			 wake[2];	/* a byte a document parsed */
};

/* A string of an item as an offset into the job's buffer, plus one;
 * 0 for NULL. */
static const char *
keep(struct doc_job *j, const char *s)
{
	size_t	off;

	if (s == NULL)
		return NULL;
	off = j->strings.len;
	buf_add(&j->strings, s, strlen(s) + 1);
	return (const char *)(uintptr_t)(off + 1);
}

static const char *
unkeep(const char *base, const char *s)
{
	return s == NULL ? NULL : base + ((uintptr_t)s - 1);
}

static int
item_cb(const struct feed_item *it, void *arg)
{
	struct doc_job		*j = arg;
	struct feed_parsed	*p = j->out;
	struct feed_item	*c;

	if (p->n == j->cap) {
		j->cap = j->cap == 0 ? 64 : j->cap * 2;
		p->items = xreallocarray(p->items, j->cap, sizeof *p->items);
	}
	c = &p->items[p->n++];
	*c = *it;
	c->id = keep(j, it->id);
	c->title = keep(j, it->title);
	c->link = keep(j, it->link);
	c->author = keep(j, it->author);
	c->content = keep(j, it->content);
	c->enclosure = keep(j, it->enclosure);
	c->enclosure_type = keep(j, it->enclosure_type);
	c->categories = keep(j, it->categories);
	return 0;
}

/* Parse j's body into j->out. */
static void
parse_into(struct doc_job *j, const char *body, size_t len,
    const char *base)
{
	struct feed_parsed	*p = j->out;
	struct feed_item	*c;
	size_t			 i;

	p->rc = feed_parse(body, len, base, item_cb, j, &p->info,
	    &p->cause);
	p->strings = j->strings.data;
	j->strings.data = NULL;
	for (i = 0; i < p->n; i++) {
		c = &p->items[i];
		c->id = unkeep(p->strings, c->id);
		c->title = unkeep(p->strings, c->title);
		c->link = unkeep(p->strings, c->link);
		c->author = unkeep(p->strings, c->author);
		c->content = unkeep(p->strings, c->content);
		c->enclosure = unkeep(p->strings, c->enclosure);
		c->enclosure_type = unkeep(p->strings, c->enclosure_type);
		c->categories = unkeep(p->strings, c->categories);
	}
}

static void
parse_job(struct doc_job *j)
{
	parse_into(j, j->body, j->len, j->base);
	free(j->body);
	j->body = NULL;
}

struct feed_parsed *
feed_parse_copy(const char *body, size_t len, const char *base, void *tag)
{
	struct doc_job	j;

	memset(&j, 0, sizeof j);
	j.out = xcalloc(1, sizeof *j.out);
	j.out->tag = tag;
	parse_into(&j, body, len, base);
	return j.out;
}

static void *
queue_main(void *arg)
{
	struct feed_queue	*q = arg;
	struct doc_job		*j;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (!q->stop && q->next == NULL)
			pthread_cond_wait(&q->work, &q->lock);
		if (q->stop)
			break;
		j = q->next;
		q->next = j->next;
		pthread_mutex_unlock(&q->lock);
		parse_job(j);
		pthread_mutex_lock(&q->lock);
		j->done = 1;
		pthread_cond_broadcast(&q->done);
		/* full pipe: bytes wait there already */
		(void)!write(q->wake[1], "", 1);
	}
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

struct feed_queue *
feed_queue_start(size_t max, size_t max_bytes)
{
	struct feed_queue	*q = xcalloc(1, sizeof *q);
	sigset_t		 all, old;
	int			 rc;

	q->max = max > 0 ? max : 1;
	q->max_bytes = max_bytes;
	if (pipe(q->wake) == -1) {
		free(q);
		return NULL;
	}
	fcntl(q->wake[0], F_SETFD, FD_CLOEXEC);
	fcntl(q->wake[1], F_SETFD, FD_CLOEXEC);
	fcntl(q->wake[1], F_SETFL, O_NONBLOCK);
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->done, NULL);
	/* Signals stay the main thread's (as store_terms.c's). */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&q->thread, NULL, queue_main, q);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		close(q->wake[0]);
		close(q->wake[1]);
		pthread_mutex_destroy(&q->lock);
		pthread_cond_destroy(&q->work);
		pthread_cond_destroy(&q->done);
		free(q);
		return NULL;
	}
	return q;
}

int
feed_queue_fd(struct feed_queue *q)
{
	return q->wake[0];
}

int
feed_queue_full(struct feed_queue *q)
{
	/* only the caller's thread changes them */
	return q->held >= q->max || (q->held > 0 && q->bytes >= q->max_bytes);
}

void
feed_queue_put(struct feed_queue *q, void *tag, const char *body,
    size_t len, const char *base)
{
	struct doc_job	*j = xcalloc(1, sizeof *j);

	j->out = xcalloc(1, sizeof *j->out);
	j->out->tag = tag;
	j->body = xmalloc(len + 1);
	memcpy(j->body, body, len);
	j->body[len] = '\0';
	j->len = len;
	j->base = base != NULL ? xstrdup(base) : NULL;
	pthread_mutex_lock(&q->lock);
	if (q->tail != NULL)
		q->tail->next = j;
	else
		q->head = j;
	q->tail = j;
	if (q->next == NULL)
		q->next = j;
	q->held++;
	q->bytes += len;
	j->out->bytes = len;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->lock);
}

struct feed_parsed *
feed_queue_take(struct feed_queue *q, int wait)
{
	struct doc_job		*j;
	struct feed_parsed	*p;

	pthread_mutex_lock(&q->lock);
	if ((j = q->head) == NULL || (!j->done && !wait)) {
		pthread_mutex_unlock(&q->lock);
		return NULL;
	}
	while (!j->done)
		pthread_cond_wait(&q->done, &q->lock);
	q->head = j->next;
	if (q->head == NULL)
		q->tail = NULL;
	q->held--;
	q->bytes -= j->out->bytes;
	pthread_mutex_unlock(&q->lock);
	p = j->out;
	free(j->base);
	free(j);
	return p;
}

void
feed_parsed_free(struct feed_parsed *p)
{
	if (p == NULL)
		return;
	free(p->items);
	free(p->strings);
	feed_info_clear(&p->info);
	free(p->cause);
	free(p);
}

void
feed_queue_stop(struct feed_queue *q)
{
	struct doc_job	*j, *next;

	if (q == NULL)
		return;
	pthread_mutex_lock(&q->lock);
	q->stop = 1;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->lock);
	pthread_join(q->thread, NULL);
	for (j = q->head; j != NULL; j = next) {
		next = j->next;
		free(j->body);
		free(j->base);
		free(j->strings.data);
		feed_parsed_free(j->out);
		free(j);
	}
	pthread_cond_destroy(&q->work);
	pthread_cond_destroy(&q->done);
	pthread_mutex_destroy(&q->lock);
	close(q->wake[0]);
	close(q->wake[1]);
	free(q);
}
