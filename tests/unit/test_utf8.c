/* test_utf8.c - decoding, widths and the screen sanitizer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc.h"
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
		/* Persian "mi-shavad" keeps its ZWNJ whatever the flags. */
		{ "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4\xd9\x88\xd8\xaf",
		  UTF8_FOLD_SPACE | UTF8_SQUEEZE,
		  "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4\xd9\x88\xd8\xaf" },
		/* "hafte-ye" (ZWNJ) and a ZWJ between two letters. */
		{ "\xd9\x87\xd9\x81\xd8\xaa\xd9\x87\xe2\x80\x8c\xdb\x8c "
		  "\xd9\x84\xe2\x80\x8d\xd8\xa7", 0,
		  "\xd9\x87\xd9\x81\xd8\xaa\xd9\x87\xe2\x80\x8c\xdb\x8c "
		  "\xd9\x84\xe2\x80\x8d\xd8\xa7" },
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

/* The letters every control is put before: Arabic noon, Hebrew shin,
 * CJK "middle", an emoji (2, 2, 3 and 4 bytes of UTF-8). */
static const char *const letters[] = {
	"\xd9\x86\xd8\xb5", "\xd7\xa9\xd7\x9c", "\xe4\xb8\xad\xe6\x96\x87",
	"\xf0\x9f\x98\x80\xf0\x9f\x8c\x8d",
};

/* Every prefix of an escape or a control: C0 (but NUL, which ends a C
 * string), DEL, C1 (in UTF-8), ESC alone and with every byte that may
 * follow it (intermediates, finals of each class, the CSI and string
 * introducers), CSI with parameters and intermediates but no final,
 * and strings left open. */
static size_t
make_prefixes(char out[][8], size_t max)
{
	size_t	n = 0;
	int	c;

	for (c = 1; c < 0x20 && n < max; c++)
		out[n][0] = (char)c, out[n++][1] = '\0';
	strcpy(out[n++], "\x7f");
	for (c = 0x80; c < 0xA0 && n < max; c++) {
		out[n][0] = (char)0xC2;
		out[n][1] = (char)c;
		out[n++][2] = '\0';
	}
	for (c = 0x20; c < 0x7F && n < max; c++) {
		out[n][0] = '\033';
		out[n][1] = (char)c;
		out[n++][2] = '\0';
	}
	strcpy(out[n++], "\033");
	strcpy(out[n++], "\033 ");		/* intermediate, no final */
	strcpy(out[n++], "\033(");
	strcpy(out[n++], "\033[1;3");	/* CSI, parameters */
	strcpy(out[n++], "\033[1 ");	/* CSI, intermediate */
	strcpy(out[n++], "\xc2\x9b" "2");	/* C1 CSI */
	strcpy(out[n++], "\xc2\x9b");
	strcpy(out[n++], "\033]0;t");	/* OSC left open */
	strcpy(out[n++], "\xc2\x9d" "0;");	/* C1 OSC left open */
	strcpy(out[n++], "\033P1$");	/* DCS */
	return n;
}

/* Before a letter, a control or an unfinished escape sequence may be
 * dropped, never the letter: a sequence is ASCII bytes only. */
static void
test_escape_before_letters(void **state)
{
	char	prefixes[200][8], in[64], *s;
	size_t	np, i, k, n, len;

	np = make_prefixes(prefixes, 200);
	assert_int_equal(np, 169);
	for (i = 0; i < np; i++)
		for (k = 0; k < sizeof letters / sizeof letters[0]; k++) {
			snprintf(in, sizeof in, "%s%s", prefixes[i],
			    letters[k]);
			s = utf8_sanitize(in, strlen(in), 0);
			len = strlen(s);
			n = strlen(letters[k]);
			if (len < n || strcmp(s + len - n, letters[k]) != 0)
				printf("# prefix %zu letter %zu: '%s'\n", i,
				    k, s);
			assert_true(len >= n);
			assert_string_equal(s + len - n, letters[k]);
			/* What comes before is printable ASCII. */
			while (len > n)
				assert_true(s[--len - n] >= 0x20 &&
				    s[len - n] < 0x7f);
			free(s);
		}
}

/* The document model parses escapes with the same code: the letters
 * reach the block as code points, whole. */
static void
test_escape_before_letters_doc(void **state)
{
	char		prefixes[200][8], in[64];
	struct block	b;
	uint32_t	*want;
	size_t		np, i, k, n;

	np = make_prefixes(prefixes, 200);
	for (i = 0; i < np; i++)
		for (k = 0; k < sizeof letters / sizeof letters[0]; k++) {
			snprintf(in, sizeof in, "%s%s", prefixes[i],
			    letters[k]);
			memset(&b, 0, sizeof b);
			block_add_utf8(&b, in, strlen(in), 0, 1);
			want = utf8_to_cps(letters[k], strlen(letters[k]), &n);
			assert_true(b.len >= n);
			assert_memory_equal(b.text + b.len - n, want,
			    n * sizeof *want);
			free(want);
			block_clear(&b);
		}
}

/* The example from the bug report: "nas ESC SP molavvan" kept its noon. */
static void
test_escape_example(void **state)
{
	const char	*in = "\xd9\x86\xd8\xb5 \033 \xd9\x85\xd9\x84\xd9\x88"
			    "\xd9\x86";
	char		*s = utf8_sanitize(in, strlen(in), 0);

	assert_string_equal(s, "\xd9\x86\xd8\xb5 \xd9\x85\xd9\x84\xd9\x88"
	    "\xd9\x86");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_sanitize_flags),
		cmocka_unit_test(test_escape_before_letters),
		cmocka_unit_test(test_escape_before_letters_doc),
		cmocka_unit_test(test_escape_example),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
