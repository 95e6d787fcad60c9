/* test_child.c - child.c, the background program on a pipe that the
 * reader's refresh and full-text fetch share: its exit status, its last
 * output line, a program that cannot start, and stopping one. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "child.h"

/* Poll c until its program ends (10 s at most); its status. */
static int
wait_end(struct child *c)
{
	struct pollfd	p;
	int		status, i;

	for (i = 0; i < 1000; i++) {
		p.fd = child_fd(c);
		p.events = POLLIN;
		assert_true(p.fd >= 0);
		poll(&p, 1, 10);
		if (child_read(c, &status))
			return status;
	}
	fail_msg("the program did not end");
	return -1;
}

static void
test_last_line(void **state)
{
	struct child	 c;
	char		*cause = NULL;
	char		*argv[] = { "/bin/sh", "-c",
	    "printf 'first\\n'; printf 'خبر عاجل: last\\n' >&2; exit 3", NULL };
	int		 status;

	(void)state;
	child_init(&c);
	assert_int_equal(child_fd(&c), -1);
	assert_int_equal(child_start(&c, argv, &cause), 0);
	assert_int_equal(child_start(&c, argv, &cause), -1);	/* running */
	assert_string_equal(cause, "already running");
	free(cause);
	status = wait_end(&c);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 3);
	assert_string_equal(c.last, "خبر عاجل: last");
	assert_int_equal(c.pid, 0);
	assert_int_equal(child_fd(&c), -1);
}

static void
test_unfinished_and_long(void **state)
{
	struct child	 c;
	char		*cause = NULL;
	/* A last line without '\n', after one longer than the buffer. */
	char		*argv[] = { "/bin/sh", "-c",
	    "i=0; while [ $i -lt 700 ]; do printf x; i=$((i+1)); done; "
	    "printf '\\nno newline'", NULL };
	size_t		 n;

	(void)state;
	child_init(&c);
	assert_int_equal(child_start(&c, argv, &cause), 0);
	assert_int_equal(WEXITSTATUS(wait_end(&c)), 0);
	assert_string_equal(c.last, "no newline");
	/* Run it again with only the long line: it is cut, not split. */
	argv[2] = "i=0; while [ $i -lt 700 ]; do printf x; i=$((i+1)); done";
	assert_int_equal(child_start(&c, argv, &cause), 0);
	wait_end(&c);
	n = strlen(c.last);
	assert_int_equal(n, sizeof c.line - 1);
	assert_int_equal(strspn(c.last, "x"), n);
}

static void
test_cannot_start(void **state)
{
	struct child	 c;
	char		*cause = NULL;
	char		*argv[] = { "/nonexistent/akhbar", NULL };
	int		 status;

	(void)state;
	child_init(&c);
	assert_int_equal(child_start(&c, argv, &cause), 0);
	status = wait_end(&c);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 127);
}

static void
test_stop(void **state)
{
	struct child	 c;
	char		*cause = NULL;
	char		*argv[] = { "/bin/sleep", "30", NULL };

	(void)state;
	child_init(&c);
	assert_int_equal(child_start(&c, argv, &cause), 0);
	assert_true(child_fd(&c) >= 0);
	child_stop(&c);
	assert_int_equal(c.pid, 0);
	assert_int_equal(c.fd, -1);
	assert_int_equal(child_fd(&c), -1);
	child_stop(&c);				/* twice is harmless */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_last_line),
		cmocka_unit_test(test_unfinished_and_long),
		cmocka_unit_test(test_cannot_start),
		cmocka_unit_test(test_stop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
