/*
 * store_terms.c - the search index terms of new articles, made by a
 * worker thread (see store_terms.h): during a refresh the main thread
 * parses and stores the next articles while this one runs
 * search_article_text() and search_terms() over the last ones, which
 * took two fifths of the main thread's instructions of a cold refresh.
 * The thread knows nothing of SQLite: the store writes the terms it
 * hands back (store_fts.c).
 *
 * The articles wait in one list, oldest first: the jobs up to todo are
 * finished, todo and those after it wait for the thread, which works on
 * todo without the lock (nobody else touches a job before it is
 * finished). Sizes are bytes of title and body. The thread is faster
 * than the parser, so it would sleep and be woken for every article (a
 * futex call each way, 10,000 a cold refresh): an idle thread is woken
 * once STORE_TERMS_KICK bytes wait, or when the caller takes or must
 * wait for it.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "search.h"
#include "store_terms.h"
#include "util.h"

#define STORE_TERMS_KICK	(256 * 1024)

struct terms_job {
	struct terms_job	*next;
	int64_t			 id;
	char			*title;
	char			*content;
	int			 html;
	char			*terms;		/* once finished */
	size_t			 bytes;
};

struct store_terms {
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 work;		/* a job came, or stop */
	pthread_cond_t		 done;		/* a job finished */
	struct terms_job	*head;		/* oldest */
	struct terms_job	*tail;
	struct terms_job	*todo;		/* first unfinished; NULL none */
	size_t			 waiting;	/* bytes of the unfinished */
	size_t			 max_bytes;
	int			 idle;		/* the thread waits for work */
	int			 stop;
};

static void
terms_job_make(struct terms_job *j)
{
	char	*text;

	text = search_article_text(j->content, j->html, NULL);
	j->terms = search_terms(j->title, text);
	free(text);
	free(j->title);
	free(j->content);
	j->title = j->content = NULL;
}

/* Wake the thread if it sleeps. With the lock held. */
static void
terms_kick(struct store_terms *w)
{
	if (w->idle) {
		w->idle = 0;
		pthread_cond_signal(&w->work);
	}
}

static void *
terms_main(void *arg)
{
	struct store_terms	*w = arg;
	struct terms_job	*j;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		while ((w->todo == NULL || w->idle) && !w->stop) {
			w->idle = 1;
			pthread_cond_wait(&w->work, &w->lock);
		}
		if (w->stop)
			break;
		j = w->todo;
		pthread_mutex_unlock(&w->lock);
		terms_job_make(j);
		pthread_mutex_lock(&w->lock);
		w->waiting -= j->bytes;
		w->todo = j->next;
		pthread_cond_broadcast(&w->done);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

struct store_terms *
store_terms_start(size_t max_bytes)
{
	struct store_terms	*w = xcalloc(1, sizeof *w);
	sigset_t		 all, old;
	int			 rc;

	/* libxml2's globals are set up here, before a second thread parses
	 * (match.c makes its Arabic table under pthread_once()). */
	xmlInitParser();
	w->max_bytes = max_bytes;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->work, NULL);
	pthread_cond_init(&w->done, NULL);
	/* Signals stay the main thread's. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&w->thread, NULL, terms_main, w);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		pthread_cond_destroy(&w->done);
		pthread_cond_destroy(&w->work);
		pthread_mutex_destroy(&w->lock);
		free(w);
		return NULL;
	}
	return w;
}

void
store_terms_put(struct store_terms *w, int64_t id, const char *title,
    const char *content, int html)
{
	struct terms_job	*j = xcalloc(1, sizeof *j);

	j->id = id;
	j->title = title != NULL ? xstrdup(title) : NULL;
	j->content = content != NULL ? xstrdup(content) : NULL;
	j->html = html;
	j->bytes = (title != NULL ? strlen(title) : 0) +
	    (content != NULL ? strlen(content) : 0) + sizeof *j;
	pthread_mutex_lock(&w->lock);
	while (w->todo != NULL && w->waiting + j->bytes > w->max_bytes) {
		terms_kick(w);
		pthread_cond_wait(&w->done, &w->lock);
	}
	if (w->tail != NULL)
		w->tail->next = j;
	else
		w->head = j;
	w->tail = j;
	if (w->todo == NULL)
		w->todo = j;
	w->waiting += j->bytes;
	if (w->waiting >= STORE_TERMS_KICK)
		terms_kick(w);
	pthread_mutex_unlock(&w->lock);
}

void
store_terms_take(struct store_terms *w, int wait, store_terms_cb cb,
    void *arg)
{
	struct terms_job	*j, *end, *next;

	pthread_mutex_lock(&w->lock);
	if (w->todo != NULL)
		terms_kick(w);
	while (wait && w->todo != NULL)
		pthread_cond_wait(&w->done, &w->lock);
	j = w->head;
	end = w->todo;
	w->head = end;
	if (end == NULL)
		w->tail = NULL;
	pthread_mutex_unlock(&w->lock);
	/* the finished jobs, from j up to end, are ours now: only the tail's
	 * next changes under another thread, and the tail is not among
	 * them unless the list was taken whole */
	for (; j != end; j = next) {
		next = j->next;
		cb(j->id, j->terms, arg);
		free(j);
	}
}

void
store_terms_stop(struct store_terms *w)
{
	struct terms_job	*j, *next;

	if (w == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = 1;
	pthread_cond_signal(&w->work);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	for (j = w->head; j != NULL; j = next) {
		next = j->next;
		free(j->title);
		free(j->content);
		free(j->terms);
		free(j);
	}
	pthread_cond_destroy(&w->done);
	pthread_cond_destroy(&w->work);
	pthread_mutex_destroy(&w->lock);
	free(w);
}
