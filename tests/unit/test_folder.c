/*
 * test_folder.c - folder listings: a temporary folder holding a saved
 * article, HTML, Markdown and text files, a subfolder, and every bad
 * case (binary, FIFO, dangling symlink, symlink loop, hidden file, a
 * missing path). Checks the order, that titles are read lazily and
 * cached, and that errors are listed instead of failing the listing.
 *
 * As root a file without read permission is still readable, so the
 * permission case is tested only when not running as root (and skipped
 * with a message otherwise); the open() error path it would take is
 * tested by the dangling symlink and the file removed after listing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <cmocka.h>

#include "util.h"
#include "folder.h"

static char	dir[] = "/tmp/akhbar-test-folder-XXXXXX";

static void
put(const char *name, const char *data, size_t len, time_t mtime)
{
	char		*p = xasprintf("%s/%s", dir, name);
	FILE		*f = fopen(p, "wb");
	struct timeval	 tv[2];

	if (len == (size_t)-1)
		len = strlen(data);
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	tv[0].tv_sec = tv[1].tv_sec = mtime;
	tv[0].tv_usec = tv[1].tv_usec = 0;
	assert_int_equal(utimes(p, tv), 0);
	free(p);
}

static void
set_mtime(const char *name, time_t mtime)
{
	char		*p = xasprintf("%s/%s", dir, name);
	struct timeval	 tv[2];

	tv[0].tv_sec = tv[1].tv_sec = mtime;
	tv[0].tv_usec = tv[1].tv_usec = 0;
	assert_int_equal(utimes(p, tv), 0);
	free(p);
}

static const struct folder_entry *
find(struct folder *f, const char *suffix, size_t *index)
{
	size_t	i, n = strlen(suffix), k;

	for (i = 0; i < folder_count(f); i++) {
		k = strlen(folder_entry(f, i)->path);
		if (k >= n && strcmp(folder_entry(f, i)->path + k - n,
		    suffix) == 0) {
			if (index != NULL)
				*index = i;
			return folder_entry(f, i);
		}
	}
	fail_msg("no entry %s", suffix);
	return NULL;
}

static int
setup(void **state)
{
	const char	*saved = "akhbar-article: 1\nTitle: قمة عربية\n"
	    "Date: 2024-05-06T07:00:00Z\nContent-Type: text/html\n\n<p>x</p>\n";
	char		*p, *q;

	assert_non_null(mkdtemp(dir));
	put("2024-05-06-qimma.txt", saved, strlen(saved), 1000);
	put("page.html", "<html><head><title>Hello &amp; \xd9\x85\xd8\xb1"
	    "</title></head><body><p>b</p></body></html>", (size_t)-1, 3000);
	put("notes.md", "\n\nSome intro\n\n# \xd8\xb9\xd9\x86\xd9\x88\xd8\xa7"
	    "\xd9\x86 ##\n", (size_t)-1, 2000);
	put("plain", "\n  first line\x1b[2J here \nsecond\n", (size_t)-1, 5000);
	put("binary.txt", "abc\0def", 7, 4000);
	put("empty.txt", "", 0, 4500);
	put(".hidden.txt", "x", 1, 9000);
	p = xasprintf("%s/sub", dir);
	assert_int_equal(mkdir(p, 0755), 0);
	free(p);
	put("sub/2023-01-01-old.md", "Old\n===\n", 8, 9999);
	p = xasprintf("%s/fifo", dir);
	assert_int_equal(mkfifo(p, 0644), 0);
	free(p);
	p = xasprintf("%s/dangling", dir);
	assert_int_equal(symlink("/nonexistent/akhbar", p), 0);
	free(p);
	p = xasprintf("%s/sub/loop", dir);
	q = xasprintf("%s", dir);
	assert_int_equal(symlink(q, p), 0);
	free(p);
	free(q);
	put("gone.txt", "x", 1, 100);
	/* The FIFO and the folder (listed again through the loop) sort by
	 * their mtimes too: make them old. */
	set_mtime("fifo", 500);
	set_mtime("", 500);
	return 0;
}

static int
teardown(void **state)
{
	char	*cmd = xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	return 0;
}

static void
test_listing(void **state)
{
	const char			*paths[3];
	struct folder			*f;
	struct saved_meta		 m;
	struct doc			*d;
	char				*missing, *gone, *cause = NULL;
	size_t				 i, n = 0;

	missing = xasprintf("%s/missing", dir);
	paths[0] = dir;
	paths[1] = missing;
	f = folder_open(paths, 2);
	/* qimma, page, notes, plain, binary, empty, old, fifo, dangling,
	 * loop, gone, missing; not .hidden. */
	assert_int_equal(folder_count(f), 12);
	/* Nothing was peeked by the listing. */
	for (i = 0; i < folder_count(f); i++)
		assert_false(folder_entry(f, i)->peeked);
	/* Listing errors. */
	assert_string_equal(find(f, "/fifo", NULL)->error,
	    "not a regular file");
	assert_string_equal(find(f, "/dangling", NULL)->error,
	    "dangling symbolic link");
	assert_non_null(strstr(find(f, "/sub/loop", NULL)->error, "loop"));
	assert_non_null(find(f, "/missing", NULL)->error);
	assert_null(find(f, "/binary.txt", NULL)->error);

	/* Order: named days first (2024-05-06 > mtimes in 1970 > 2023?). */
	assert_non_null(strstr(folder_entry(f, 0)->path, "2024-05-06-qimma"));
	find(f, "2023-01-01-old.md", &i);
	assert_int_equal(i, 1);

	/* Titles, read on demand and cached. */
	assert_string_equal(folder_title(f, 0), "قمة عربية");
	assert_int_equal(folder_info(f, 0)->meta.date, 1714978800);
	assert_int_equal(folder_info(f, 0)->format, ARTICLE_SAVED);
	assert_string_equal(folder_title(f, 1), "Old");
	find(f, "/page.html", &i);
	assert_string_equal(folder_title(f, i), "Hello & \xd9\x85\xd8\xb1");
	find(f, "/notes.md", &i);
	assert_string_equal(folder_title(f, i),
	    "\xd8\xb9\xd9\x86\xd9\x88\xd8\xa7\xd9\x86");
	find(f, "/plain", &i);
	assert_string_equal(folder_title(f, i), "first line here");
	find(f, "/empty.txt", &i);
	assert_string_equal(folder_title(f, i), "empty.txt");
	find(f, "/binary.txt", &i);
	assert_non_null(folder_title(f, i));
	assert_string_equal(folder_info(f, i)->error,
	    "binary file (NUL bytes)");
	assert_null(folder_doc(f, i, NULL, &cause));
	assert_non_null(strstr(cause, "binary"));
	free(cause);
	cause = NULL;
	find(f, "/fifo", &i);
	assert_string_equal(folder_title(f, i), "fifo");
	assert_null(folder_doc(f, i, NULL, &cause));
	free(cause);
	cause = NULL;
	/* A file removed after the listing: the open() error path. */
	gone = xasprintf("%s/gone.txt", dir);
	assert_int_equal(unlink(gone), 0);
	find(f, "/gone.txt", &i);
	assert_string_equal(folder_title(f, i), "gone.txt");
	assert_non_null(folder_info(f, i)->error);
	free(gone);

	for (i = 0; i < folder_count(f); i++)
		if (folder_entry(f, i)->peeked)
			n++;
	assert_int_equal(n, 9);

	/* Opening entries. */
	d = folder_doc(f, 0, &m, &cause);
	assert_non_null(d);
	assert_string_equal(m.title, "قمة عربية");
	assert_string_equal(d->title, "قمة عربية");
	saved_meta_clear(&m);
	doc_free(d);
	find(f, "/notes.md", &i);
	d = folder_doc(f, i, &m, &cause);
	assert_non_null(d);
	assert_null(m.title);
	assert_int_equal(d->blocks[0].type, BLOCK_PARA);
	assert_int_equal(d->blocks[1].type, BLOCK_HEADING);
	doc_free(d);
	folder_free(f);
	free(missing);
}

static void
test_unreadable(void **state)
{
	const char	*paths[1];
	struct folder	*f;
	char		*p;

	if (geteuid() == 0) {
		/* As root a mode 000 file is still readable (the open()
		 * error path is tested with a file removed after listing):
		 * tests/run.sh counts this as skipped. */
		print_message("# test_unreadable: running as root\n");
		skip();
	}
	put("secret.txt", "x", 1, 100);
	p = xasprintf("%s/secret.txt", dir);
	assert_int_equal(chmod(p, 0), 0);
	paths[0] = p;
	f = folder_open(paths, 1);
	assert_int_equal(folder_count(f), 1);
	assert_string_equal(folder_title(f, 0), "secret.txt");
	assert_non_null(folder_info(f, 0)->error);
	folder_free(f);
	free(p);
}

static void
test_empty_and_lazy(void **state)
{
	struct folder	*f = folder_open(NULL, 0);

	assert_int_equal(folder_count(f), 0);
	assert_null(folder_info(f, 0));
	assert_null(folder_title(f, 3));
	folder_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_listing),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_empty_and_lazy),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
