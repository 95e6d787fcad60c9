/* test_fetch_pipe.c - fetch_pipe.c: the messages between akhbar and
 * akhbar-fetch (every field survives, a cut or padded message is
 * refused), and fetch_run() against programs that are missing, die
 * without answering, answer garbage, and against the real akhbar-fetch
 * on a port where nothing listens. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "fetch.h"
#include "fetch_pipe.h"
#include "util.h"

static char *hdr1[] = { "Authorization: Bearer x", "X-لغة: عربي" };

static struct fetch_req reqs[] = {
	{ .url = "https://news.example/rss", .etag = "\"abc\"",
	  .last_modified = "Sat, 05 Dec 2026 10:00:00 GMT" },
	{ .url = "https://أخبار.example/خلاصة", .user_agent = "UA/1",
	  .headers = hdr1, .nheaders = 2, .user = "u", .password = "p:w",
	  .netrc = 1, .cookie_file = "/tmp/c.txt", .proxy = "http://p:3128" },
	{ .url = "http://127.0.0.1:1/feed" },
};
#define NREQ	(sizeof reqs / sizeof reqs[0])

static void
opts(struct fetch_opts *o)
{
	fetch_opts_default(o);
	o->max_per_host = 3;
	o->timeout = 7;
	o->proxy = "socks5h://127.0.0.1:9050";
	o->netrc_file = "/home/x/.netrc";
}

static void
assert_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void
test_requests_round_trip(void **state)
{
	struct fetch_opts	 o, got;
	struct fetch_req	*r;
	struct buf		 b = { 0 };
	size_t			 n, i, h;

	opts(&o);
	fetch_pipe_put_requests(&b, &o, reqs, NREQ);
	assert_int_equal(fetch_pipe_get_requests(b.data, b.len, &got, &r,
	    &n), 0);
	assert_int_equal(n, NREQ);
	assert_int_equal(got.max_connections, o.max_connections);
	assert_int_equal(got.max_per_host, 3);
	assert_int_equal(got.connect_timeout, o.connect_timeout);
	assert_int_equal(got.timeout, 7);
	assert_int_equal(got.low_speed_limit, o.low_speed_limit);
	assert_int_equal(got.low_speed_time, o.low_speed_time);
	assert_int_equal(got.max_redirects, o.max_redirects);
	assert_int_equal(got.max_size, o.max_size);
	assert_str(got.user_agent, FETCH_USER_AGENT);
	assert_str(got.proxy, o.proxy);
	assert_str(got.cookie_file, NULL);
	assert_str(got.netrc_file, o.netrc_file);
	for (i = 0; i < n; i++) {
		assert_str(r[i].url, reqs[i].url);
		assert_str(r[i].etag, reqs[i].etag);
		assert_str(r[i].last_modified, reqs[i].last_modified);
		assert_str(r[i].user_agent, reqs[i].user_agent);
		assert_int_equal(r[i].nheaders, reqs[i].nheaders);
		for (h = 0; h < r[i].nheaders; h++)
			assert_str(r[i].headers[h], reqs[i].headers[h]);
		assert_str(r[i].user, reqs[i].user);
		assert_str(r[i].password, reqs[i].password);
		assert_int_equal(r[i].netrc, reqs[i].netrc);
		assert_str(r[i].cookie_file, reqs[i].cookie_file);
		assert_str(r[i].proxy, reqs[i].proxy);
	}
	fetch_pipe_free_requests(r, n);
	buf_free(&b);
}

/* Every cut of the message, and one byte too many, is refused. */
static void
test_requests_malformed(void **state)
{
	struct fetch_opts	 o, got;
	struct fetch_req	*r;
	struct buf		 b = { 0 };
	char			*copy;
	size_t			 n, len;

	opts(&o);
	fetch_pipe_put_requests(&b, &o, reqs, NREQ);
	for (len = 0; len < b.len; len++) {
		copy = xmalloc(len + 1);
		memcpy(copy, b.data, len);
		assert_int_equal(fetch_pipe_get_requests(copy, len, &got, &r,
		    &n), -1);
		free(copy);
	}
	buf_putc(&b, 'x');
	assert_int_equal(fetch_pipe_get_requests(b.data, b.len, &got, &r,
	    &n), -1);
	/* a string whose NUL was overwritten */
	b.len--;
	b.data[8 * 8 + 8 + strlen(FETCH_USER_AGENT)] = 'x';
	assert_int_equal(fetch_pipe_get_requests(b.data, b.len, &got, &r,
	    &n), -1);
	buf_free(&b);
}

static void
test_result_round_trip(void **state)
{
	static const char	 body[] = "<rss>\0binary\xff خبر</rss>";
	struct fetch_result	 res, got;
	struct buf		 b = { 0 };
	int64_t			 len, i;

	memset(&res, 0, sizeof res);
	res.status = 200;
	res.body = body;
	res.len = sizeof body - 1;
	res.etag = "W/\"1\"";
	res.effective_url = "https://news.example/rss?x=1";
	res.content_type = "application/rss+xml; charset=windows-1256";
	res.moved_to = "https://new.example/rss";
	res.retry_after = 1800000000;
	fetch_pipe_put_result(&b, 2, &res);
	memcpy(&len, b.data, sizeof len);
	assert_int_equal((size_t)len, b.len - sizeof len);
	assert_int_equal(fetch_pipe_get_result(b.data + sizeof len,
	    (size_t)len, &i, &got), 0);
	assert_int_equal(i, 2);
	assert_null(got.error);
	assert_int_equal(got.status, 200);
	assert_int_equal(got.not_modified, 0);
	assert_int_equal(got.len, sizeof body - 1);
	assert_memory_equal(got.body, body, sizeof body - 1);
	assert_int_equal(got.body[got.len], '\0');
	assert_str(got.etag, res.etag);
	assert_null(got.last_modified);
	assert_str(got.effective_url, res.effective_url);
	assert_str(got.content_type, res.content_type);
	assert_str(got.moved_to, res.moved_to);
	assert_int_equal(got.retry_after, 1800000000);
	for (len = 0; len < (int64_t)(b.len - sizeof len); len++)
		assert_int_equal(fetch_pipe_get_result(b.data + sizeof len,
		    (size_t)len, &i, &got), -1);
	buf_free(&b);
}

/* What fetch_run() reported, request by request. */
struct seen {
	int	 calls[NREQ];
	char	*error[NREQ];
};

static void
seen_cb(struct fetch_req *req, const struct fetch_result *res, void *arg)
{
	struct seen	*s = arg;
	size_t		 i = (size_t)(req - reqs);

	assert_true(i < NREQ);
	s->calls[i]++;
	free(s->error[i]);
	s->error[i] = res->error != NULL ? xstrdup(res->error) : NULL;
}

static void
seen_free(struct seen *s)
{
	size_t	i;

	for (i = 0; i < NREQ; i++)
		free(s->error[i]);
}

/* A shell script standing in for akhbar-fetch. */
static char *
fake(const char *name, const char *body)
{
	char	*path;
	FILE	*f;

	mkdir("tests/tmp", 0755);
	path = xasprintf("tests/tmp/%s", name);
	assert_non_null(f = fopen(path, "w"));
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	chmod(path, 0755);
	return path;
}

static void
test_run_missing(void **state)
{
	struct fetch_opts	 o;
	struct seen		 s;
	char			*cause = NULL;

	memset(&s, 0, sizeof s);
	fetch_opts_default(&o);
	setenv("AKHBAR_FETCH", "tests/tmp/no-such-fetch", 1);
	assert_int_equal(fetch_run(&o, reqs, NREQ, seen_cb, &s, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "tests/tmp/no-such-fetch"));
	assert_int_equal(s.calls[0] + s.calls[1] + s.calls[2], 0);
	free(cause);
	/* nothing to fetch: nothing is started, so nothing can fail */
	assert_int_equal(fetch_run(&o, reqs, 0, seen_cb, &s, &cause), 0);
}

/* A program that dies or talks nonsense: every request still gets one
 * callback, with an error that names the program. */
static void
test_run_broken(void **state)
{
	const char		*bodies[] = {
		"cat > /dev/null; exit 3",
		"cat > /dev/null; printf 'garbage that is no record'",
		"cat > /dev/null; kill -9 $$",
	};
	const char		*want[] = { "exit 3", "akhbar-fetch",
		"signal 9" };
	struct fetch_opts	 o;
	struct seen		 s;
	char			*cause = NULL, *path;
	size_t			 k, i;

	fetch_opts_default(&o);
	for (k = 0; k < 3; k++) {
		memset(&s, 0, sizeof s);
		path = fake("fake-fetch", bodies[k]);
		setenv("AKHBAR_FETCH", path, 1);
		assert_int_equal(fetch_run(&o, reqs, NREQ, seen_cb, &s,
		    &cause), 0);
		for (i = 0; i < NREQ; i++) {
			assert_int_equal(s.calls[i], 1);
			assert_non_null(s.error[i]);
			assert_non_null(strstr(s.error[i], want[k]));
		}
		seen_free(&s);
		free(path);
	}
}

/* The real program: nothing listens on port 1, so every request fails
 * with curl's reason, carried back through the pipe. */
static void
test_run_real(void **state)
{
	struct fetch_opts	 o;
	struct seen		 s;
	char			*cause = NULL, *path;
	const char		*top = getenv("TOP");

	path = xasprintf("%s/akhbar-fetch", top != NULL ? top : ".");
	setenv("AKHBAR_FETCH", path, 1);
	memset(&s, 0, sizeof s);
	fetch_opts_default(&o);
	o.connect_timeout = 5;
	assert_int_equal(fetch_run(&o, &reqs[2], 1, seen_cb, &s, &cause), 0);
	assert_int_equal(s.calls[2], 1);
	assert_non_null(s.error[2]);
	assert_non_null(strstr(s.error[2], "onnect"));
	seen_free(&s);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_requests_round_trip),
		cmocka_unit_test(test_requests_malformed),
		cmocka_unit_test(test_result_round_trip),
		cmocka_unit_test(test_run_missing),
		cmocka_unit_test(test_run_broken),
		cmocka_unit_test(test_run_real),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
