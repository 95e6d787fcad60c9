/*
 * store_terms.h - a worker thread that makes the search index terms of
 * new articles while the caller parses and stores the next ones.
 */
#ifndef STORE_TERMS_H
#define STORE_TERMS_H

#include <stddef.h>
#include <stdint.h>

struct store_terms;

/* Called with the terms of one article (the callee frees terms). */
typedef void (*store_terms_cb)(int64_t id, char *terms, void *arg);

/*
 * Start the thread. At most max_bytes of title and body wait for it
 * (store_terms_put() blocks beyond). NULL when no thread can be made:
 * the caller makes the terms itself.
 */
struct store_terms *store_terms_start(size_t max_bytes);
/* Queue article id: its terms as search_terms(title,
 * search_article_text(content, html, NULL)) makes them (copied). */
void	 store_terms_put(struct store_terms *w, int64_t id, const char *title,
	    const char *content, int html);
/* Hand every finished article to cb, in the order they were queued;
 * wait: first wait until every queued one is finished. */
void	 store_terms_take(struct store_terms *w, int wait, store_terms_cb cb,
	    void *arg);
/* Stop the thread and free w; what is queued or finished is dropped.
 * NULL is fine. */
void	 store_terms_stop(struct store_terms *w);

#endif
