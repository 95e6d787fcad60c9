/* test_util.c - the plumbing of util.c every layer shares: bounded
 * numbers, XDG paths and the running binary's path off Linux. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "util.h"

static void
test_parse_number(void **state)
{
	static const struct {
		const char	*s;
		long long	 lo, hi;
		int		 rc;
		long long	 want;	/* when rc is 0 */
	} cases[] = {
		{ "42", 1, 100, 0, 42 },
		{ "1", 1, 100, 0, 1 },		/* bounds are inclusive */
		{ "100", 1, 100, 0, 100 },
		{ "0", 1, 100, -1, 0 },		/* below lo */
		{ "101", 1, 100, -1, 0 },	/* above hi */
		{ "-5", -10, 10, 0, -5 },
		{ "", 0, 10, -1, 0 },		/* empty */
		{ "12abc", 0, 100, -1, 0 },	/* trailing bytes */
		{ "abc", 0, 100, -1, 0 },
		{ "٣", 0, 100, -1, 0 },		/* Arabic-Indic digit: no */
		{ "99999999999999999999", 0, LLONG_MAX, -1, 0 }, /* overflow */
		{ "9223372036854775807", 0, LLONG_MAX, 0, LLONG_MAX },
	};
	long long	v;
	size_t		i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		v = -12345;
		assert_int_equal(util_parse_number(cases[i].s, cases[i].lo,
		    cases[i].hi, &v), cases[i].rc);
		/* A failure leaves *v alone. */
		assert_true(v == (cases[i].rc == 0 ? cases[i].want : -12345));
	}
}

/* Set name to value, or unset it when value is NULL. */
static void
set_env(const char *name, const char *value)
{
	if (value != NULL)
		setenv(name, value, 1);
	else
		unsetenv(name);
}

static void
test_xdg_path(void **state)
{
	static const struct {
		const char	*home, *xdg;	/* NULL: unset */
		const char	*var, *fallback, *name, *want;
	} cases[] = {
		/* An absolute XDG directory wins. */
		{ "/home/rania", "/xdg/config", "XDG_CONFIG_HOME", ".config",
		    "akhbar/urls", "/xdg/config/akhbar/urls" },
		/* A relative one is ignored, as the spec says. */
		{ "/home/rania", "relative/dir", "XDG_CONFIG_HOME", ".config",
		    "akhbar/config", "/home/rania/.config/akhbar/config" },
		/* Unset: under HOME. */
		{ "/home/rania", NULL, "XDG_DATA_HOME", ".local/share",
		    "akhbar/cache.db",
		    "/home/rania/.local/share/akhbar/cache.db" },
		/* An empty or unset HOME: the current directory. */
		{ "", NULL, "XDG_DATA_HOME", ".local/share", "akhbar/saved",
		    "./.local/share/akhbar/saved" },
		{ NULL, NULL, "XDG_DATA_HOME", ".local/share", "akhbar/saved",
		    "./.local/share/akhbar/saved" },
	};
	size_t	 i;
	char	*p;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		set_env("HOME", cases[i].home);
		set_env(cases[i].var, cases[i].xdg);
		p = util_xdg_path(cases[i].var, cases[i].fallback,
		    cases[i].name);
		assert_string_equal(p, cases[i].want);
		free(p);
	}
}

/* The $PATH search that stands in for /proc/self/exe elsewhere. */
static void
test_exe_search(void **state)
{
	char	 dir[] = "/tmp/akhbar-test-exe-XXXXXX", *exe, *plain, *p,
		*path;
	FILE	*f;

	assert_non_null(mkdtemp(dir));
	exe = xasprintf("%s/akhbar", dir);
	plain = xasprintf("%s/notes", dir);
	assert_non_null(f = fopen(exe, "w"));
	fclose(f);
	assert_int_equal(chmod(exe, 0755), 0);
	assert_non_null(f = fopen(plain, "w"));
	fclose(f);

	/* The first executable in PATH order; missing dirs are skipped. */
	path = xasprintf("/nonexistent-dir:%s:/bin", dir);
	p = util_exe_search("akhbar", path);
	assert_string_equal(p, exe);
	free(p);
	/* A file that is not executable is not the binary. */
	assert_null(util_exe_search("notes", path));
	assert_null(util_exe_search("no-such-program", path));
	free(path);
	/* With a '/', argv[0] is the path itself, when executable. */
	p = util_exe_search(exe, NULL);
	assert_string_equal(p, exe);
	free(p);
	assert_null(util_exe_search(plain, NULL));
	/* No PATH at all, or an empty name: nothing. */
	assert_null(util_exe_search("akhbar", NULL));
	assert_null(util_exe_search("", dir));
	/* An empty PATH entry is the current directory. */
	assert_int_equal(chdir(dir), 0);
	p = util_exe_search("akhbar", "/nonexistent-dir::");
	assert_string_equal(p, "./akhbar");
	free(p);
	assert_int_equal(chdir("/"), 0);

	unlink(exe);
	unlink(plain);
	rmdir(dir);
	free(exe);
	free(plain);
}

static void
test_exe_path(void **state)
{
	char	buf[PATH_MAX], small[4], *self;
	ssize_t	n;

	/* On Linux the answer is /proc/self/exe's. */
	self = realpath("/proc/self/exe", NULL);
	util_set_argv0("test_util.bin");
	n = util_exe_path(buf, sizeof buf);
	if (self != NULL) {
		assert_int_equal(n, (ssize_t)strlen(self));
		assert_string_equal(buf, self);
	}
	free(self);
	/* Too small a buffer is a failure, never a truncated path. */
	assert_int_equal(util_exe_path(small, sizeof small), -1);
	assert_int_equal(util_exe_path(buf, 0), -1);
}

/* The one word splitter behind $BROWSER, bind ... exec, | and exec:. */
static void
test_split_argv(void **state)
{
	static const struct {
		const char	*s;
		int		 argc;	/* -1: NULL */
		const char	*want[5];
	} cases[] = {
		{ "wl-copy", 1, { "wl-copy" } },
		{ "  xclip\t-selection   clipboard ", 3,
		    { "xclip", "-selection", "clipboard" } },
		{ "sh -c 'echo $(id); rm -rf /'", 3,
		    { "sh", "-c", "echo $(id); rm -rf /" } },
		{ "say \"a \\\"b\\\" \\\\\" end", 3,
		    { "say", "a \"b\" \\", "end" } },
		{ "a\\ b c\\'d", 2, { "a b", "c'd" } },
		{ "'' x", 2, { "", "x" } },
		{ "نشر \"خبر عاجل\"", 2, { "نشر", "خبر عاجل" } },
		{ "prog 'unbalanced", -1, { NULL } },
		{ "prog \"unbalanced", -1, { NULL } },
		{ "   ", -1, { NULL } },
		{ "", -1, { NULL } },
	};
	char	**argv;
	size_t	  i;
	int	  argc, j;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		argc = 99;
		argv = util_split_argv(cases[i].s, strlen(cases[i].s), &argc);
		if (cases[i].argc == -1) {
			assert_null(argv);
			continue;
		}
		assert_non_null(argv);
		assert_int_equal(argc, cases[i].argc);
		for (j = 0; j < argc; j++)
			assert_string_equal(argv[j], cases[i].want[j]);
		assert_null(argv[argc]);
		util_argv_free(argv);
	}
	/* Only len bytes are read: $BROWSER stops at its first ':'. */
	argv = util_split_argv("firefox %u:chromium", 10, &argc);
	assert_int_equal(argc, 2);
	assert_string_equal(argv[1], "%u");
	util_argv_free(argv);
	util_argv_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_number),
		cmocka_unit_test(test_xdg_path),
		cmocka_unit_test(test_exe_search),
		cmocka_unit_test(test_exe_path),
		cmocka_unit_test(test_split_argv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
