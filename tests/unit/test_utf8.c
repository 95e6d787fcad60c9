/* test_utf8.c - decoding, widths and the screen sanitizer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "utf8.h"

static const struct {
	const char	*in;
	uint32_t	 cp;
	size_t		 used;
} decode_cases[] = {
	{ "A", 'A', 1 },
	{ "\xd8\xb3", 0x0633, 2 },		/* Arabic seen */
	{ "\xe2\x80\x8f", 0x200F, 3 },		/* RLM */
	{ "\xf0\x9f\x98\x80", 0x1F600, 4 },	/* emoji */
	{ "\xc0\xaf", 0xFFFD, 1 },		/* overlong slash */
	{ "\xed\xa0\x80", 0xFFFD, 1 },		/* surrogate */
	{ "\xe2\x80", 0xFFFD, 2 },		/* truncated */
	{ "\xff", 0xFFFD, 1 },
	{ "\xf4\x90\x80\x80", 0xFFFD, 1 },	/* above U+10FFFF */
};

static void
test_decode(void **state)
{
	size_t		i, used;
	uint32_t	cp;

	for (i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		used = utf8_decode(decode_cases[i].in,
		    strlen(decode_cases[i].in), &cp);
		assert_int_equal(cp, decode_cases[i].cp);
		assert_int_equal(used, decode_cases[i].used);
	}
}

static void
test_width(void **state)
{
	assert_int_equal(utf8_width('a'), 1);
	assert_int_equal(utf8_width(0x0628), 1);	/* beh */
	assert_int_equal(utf8_width(0x064E), 0);	/* fatha */
	assert_int_equal(utf8_width(0x0651), 0);	/* shadda */
	assert_int_equal(utf8_width(0x4E2D), 2);	/* CJK */
	assert_int_equal(utf8_width(0x1F600), 2);	/* emoji */
	assert_int_equal(utf8_width(0xFEFB), 1);	/* lam-alef */
	assert_int_equal(utf8_width(0x200C), 0);	/* ZWNJ */
}

static void
test_sanitize(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "plain", "plain" },
		{ "a\x1b[2Jb", "ab" },
		{ "t\x1b]0;pwned\x07x", "tx" },
		{ "t\x1b]52;c;ZXZpbA==\x1b\\x", "tx" },
		{ "c\xc2\x9b" "31mred", "cred" },	/* 8-bit CSI */
		{ "o\xc2\x9d" "0;x\xc2\x9cy", "oy" },	/* 8-bit OSC */
		{ "bell\x07!", "bell!" },
		{ "tab\there", "tab here" },
		{ "rlo\xe2\x80\xae" "evil", "rloevil" },
		{ "bad\xff!", "bad\xef\xbf\xbd!" },
		{ "del\x7f!", "del!" },
	};
	size_t	i;
	char	*s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = utf8_sanitize(cases[i].in, strlen(cases[i].in), 1);
		assert_string_equal(s, cases[i].out);
		free(s);
	}
}

static void
test_sanitize_flags(void **state)
{
	static const struct { const char *in; int flags; const char *out; }
	    cases[] = {
		/* Persian "mi-shavad" keeps its ZWNJ only when asked. */
		{ "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4\xd9\x88\xd8\xaf",
		  UTF8_KEEP_JOINERS,
		  "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4\xd9\x88\xd8\xaf" },
		{ "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4", 0,
		  "\xd9\x85\xdb\x8c\xd8\xb4" },
		/* Squeeze: runs of white space become one space, trimmed. */
		{ "  a \t\n b\xe2\x80\xa8" "c  ", UTF8_FOLD_SPACE | UTF8_SQUEEZE,
		  "a b c" },
		/* Without folding, tabs and newlines are dropped. */
		{ "a\tb\nc", 0, "abc" },
		/* A BOM and a line separator never pass. */
		{ "\xef\xbb\xbfx\xe2\x80\xa8" "y", 0, "xy" },
	};
	size_t	i;
	char	*s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = utf8_sanitize(cases[i].in, strlen(cases[i].in),
		    cases[i].flags);
		assert_string_equal(s, cases[i].out);
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_sanitize_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
