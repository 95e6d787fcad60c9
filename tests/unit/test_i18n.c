/* test_i18n.c - the interface language: which locales read right to left
 * (and so mirror the layout by default), the ICU locale name, the
 * catalogue found and its plural forms, the help screen's columns
 * mirrored in a right-to-left interface. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <cmocka.h>

#include "util.h"
#include "i18n.h"
#include "config.h"
#include "reader.h"

/* i18n_isolate(): paths, URLs and file names of a message, isolated
 * left to right; the punctuation around them and other words as they
 * were. */
static void
test_isolate(void **state)
{
#define LRI "\xe2\x81\xa6"
#define PDI "\xe2\x81\xa9"
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "لا مصادر في /tmp/u/urls بعد.",
		  "لا مصادر في " LRI "/tmp/u/urls" PDI " بعد." },
		/* brackets and the sentence's end stay outside */
		{ "حُفظت (في /root/saved).", "حُفظت (في " LRI "/root/saved" PDI
		  ")." },
		{ "«~/news/a.txt»،", "«" LRI "~/news/a.txt" PDI "»،" },
		{ "فتح https://example.com/a?b=1 الآن",
		  "فتح " LRI "https://example.com/a?b=1" PDI " الآن" },
		{ "باسم 2026-12-28-ارتفاع.txt هنا",
		  "باسم " LRI "2026-12-28-ارتفاع.txt" PDI " هنا" },
		{ "./a", LRI "./a" PDI },
		/* not paths: a word with a slash inside, "://" first, a
		 * dot without an extension, a number, a lone bracket */
		{ "و/أو :// نهاية. 3. ( )", "و/أو :// نهاية. 3. ( )" },
		{ "a.verylongext", "a.verylongext" },
		{ "", "" },
		{ "  two  spaces ", "  two  spaces " },
	};
	size_t	i;
	char	*got;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = i18n_isolate(cases[i].in);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
#undef LRI
#undef PDI
}

static void
test_rtl_env(void **state)
{
	static const struct {
		const char	*lc_all, *lc_messages, *lang, *language;
		int		 want;
	} cases[] = {
		{ NULL, NULL, "ar_SA.UTF-8", NULL, 1 },
		{ NULL, NULL, "fa_IR.UTF-8", NULL, 1 },
		{ NULL, NULL, "he_IL.UTF-8", NULL, 1 },
		{ NULL, NULL, "he", NULL, 1 },
		{ NULL, NULL, "ar_EG.utf8@euro", NULL, 1 },
		{ NULL, NULL, "en_US.UTF-8", NULL, 0 },
		{ NULL, NULL, "C.UTF-8", NULL, 0 },
		{ NULL, NULL, NULL, NULL, 0 },
		/* "arn" (Mapudungun) and "hem" are not Arabic or Hebrew. */
		{ NULL, NULL, "arn_CL.UTF-8", NULL, 0 },
		{ NULL, NULL, "hem", NULL, 0 },
		/* LC_ALL wins over LC_MESSAGES, which wins over LANG. */
		{ "en_US.UTF-8", "ar_SA.UTF-8", "ar_SA.UTF-8", NULL, 0 },
		{ "", "fa_IR.UTF-8", "en_US.UTF-8", NULL, 1 },
		{ NULL, "en_GB.UTF-8", "he_IL.UTF-8", NULL, 0 },
		/* LANGUAGE wins when the locale is not C, as in gettext. */
		{ NULL, NULL, "en_US.UTF-8", "ar:en", 1 },
		{ NULL, NULL, "ar_SA.UTF-8", "en_US:ar", 0 },
		{ NULL, NULL, "C", "he", 0 },
		{ NULL, NULL, "POSIX", "ar", 0 },
		/* glibc's gettext reads LANGUAGE under C.UTF-8. */
		{ NULL, NULL, "C.UTF-8", "he", 1 },
		{ NULL, NULL, "en_US.UTF-8", "", 0 },
	};
	size_t	i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (i18n_rtl_env(cases[i].lc_all, cases[i].lc_messages,
		    cases[i].lang, cases[i].language) != cases[i].want)
			fail_msg("case %zu: want %d", i, cases[i].want);
}

/* layout-direction auto follows the interface; ltr and rtl win. */
static void
test_layout_default(void **state)
{
	struct config	c;

	config_init(&c);
	assert_int_equal(config_layout_rtl(&c, 1), 1);
	assert_int_equal(config_layout_rtl(&c, 0), 0);
	config_parse(&c, "layout-direction ltr\n", "config");
	assert_int_equal(config_layout_rtl(&c, 1), 0);
	config_parse(&c, "layout-direction rtl\n", "config");
	assert_int_equal(config_layout_rtl(&c, 0), 1);
	config_free(&c);
}

/* The date options: good values set, bad ones reported by line. */
static void
test_date_options(void **state)
{
	struct config	c;

	config_init(&c);
	assert_int_equal(config_parse(&c, "date-format locale\n"
	    "date-calendar persian\ndigits arabic-indic\ndate-relative yes\n",
	    "config"), 0);
	assert_int_equal(c.date_format, 2);
	assert_int_equal(c.date_calendar, 3);
	assert_int_equal(c.digits, 2);
	assert_int_equal(c.date_relative, 1);
	assert_int_equal(config_parse(&c, "date-calendar julian\n"
	    "digits\ndate-relative maybe\n", "config"), 3);
	assert_non_null(strstr(c.errors[0], "config:1:"));
	assert_non_null(strstr(c.errors[0], "julian"));
	assert_non_null(strstr(c.errors[1], "config:2:"));
	assert_non_null(strstr(c.errors[2], "maybe"));
	config_free(&c);
}

static void
test_locale_name(void **state)
{
	char	n[32];

	i18n_locale_name("ar_SA.UTF-8@x", n, sizeof n);
	assert_string_equal(n, "ar_SA");
	i18n_locale_name("fa_IR", n, sizeof n);
	assert_string_equal(n, "fa_IR");
	i18n_locale_name("C.UTF-8", n, sizeof n);
	assert_string_equal(n, "en_US_POSIX");
	i18n_locale_name(NULL, n, sizeof n);
	assert_string_equal(n, "en_US_POSIX");
	i18n_locale_name("POSIX", n, 3);
	assert_string_equal(n, "en");
}

/* Not beside po/locale (this test's binary): the installed folder. */
static void
test_init_dir(void **state)
{
	i18n_init();
	assert_string_equal(i18n_dir(), LOCALEDIR);
}

/* The built catalogue: Arabic words and its six plural forms. */
static void
test_catalogue(void **state)
{
	const char	*top = getenv("TOP");
	char		*dir;

	if (top == NULL || setlocale(LC_ALL, "ar_SA.UTF-8") == NULL) {
		setlocale(LC_ALL, "C");
		skip();
	}
	unsetenv("LANGUAGE");
	dir = xasprintf("%s/po/locale", top);
	bindtextdomain(I18N_DOMAIN, dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
	assert_string_equal(_("Feed:"), "المصدر:");
	assert_string_equal(_("Unread"), "غير المقروءة");
#define ART(n) ngettext("%zu article matches %s", \
    "%zu articles match %s", n)
	assert_string_equal(ART(0), "%zu مقالة تطابق %s");
	assert_string_equal(ART(2), "%zu مقالتان تطابقان %s");
	assert_string_equal(ART(5), "%zu مقالات تطابق %s");
	assert_string_equal(ART(103), "%zu مقالات تطابق %s");
	assert_string_equal(ART(11), "%zu مقالة تطابق %s");
	/* Persian: one form for 0 and 1, another from 2. */
	setlocale(LC_ALL, "C.UTF-8");
	setenv("LANGUAGE", "fa", 1);
	if (setlocale(LC_ALL, "fa_IR.UTF-8") != NULL) {
		textdomain(I18N_DOMAIN);
		assert_string_equal(_("Date:"), "تاریخ:");
	}
	unsetenv("LANGUAGE");
	setlocale(LC_ALL, "C");
	textdomain(I18N_DOMAIN);
	assert_string_equal(_("Feed:"), "Feed:");
	free(dir);
}

/* The text of the first row of the reader pane holding s. */
static char *
row_with(struct reader *r, const char *s)
{
	const struct row	*row;
	struct buf		 b = { 0 };
	size_t			 i;

	for (i = 0; (row = reader_text_row(r, i)) != NULL; i++) {
		buf_reset(&b);
		cells_to_text(row, &b, NULL, NULL);
		buf_putc(&b, '\0');
		if (strstr(b.data, s) != NULL)
			return b.data;
	}
	buf_free(&b);
	return NULL;
}

/* The help screen reads from the right in a right-to-left interface:
 * the keys on the right, the description on the left. */
static void
test_help_mirrored(void **state)
{
	struct reader	 r;
	char		*cause = NULL, *text, *s, *end;
	int		 rtl;

	for (rtl = 0; rtl < 2; rtl++) {
		reader_init(&r);
		reader_open_files(&r, NULL, 0);
		r.ui_rtl = rtl;
		assert_int_equal(reader_start(&r, 100, 30, rtl, &cause), 0);
		reader_act(&r, ACT_HELP, 0);
		s = text = row_with(&r, "hard-quit");
		assert_non_null(s);
		for (end = s + strlen(s); end > s && end[-1] == ' '; end--)
			;
		*end = '\0';
		while (*s == ' ')
			s++;
		if (rtl) {
			assert_true(strncmp(s, "quit at once", 12) == 0);
			assert_string_equal(end - 4, "Q ^C");
		} else {
			assert_true(strncmp(s, "Q ^C", 4) == 0);
			assert_non_null(strstr(s, "hard-quit        quit at once"));
		}
		free(text);
		reader_free(&r);
	}
}

/* The prompt's cursor: where the next character of the direction of the
 * last one typed shows, as the status line is laid out (100 cells). */
static void
test_prompt_cursor(void **state)
{
	static const struct {
		int		 rtl;
		const char	*line;
		size_t		 want;
	} cases[] = {
		/* Right-aligned: "ﺰﻴﻴﻤﺗ:" on 94-99, a blank, then typing
		 * starts at 92. */
		{ 1, "تمييز: ", 92 },
		/* "abc :ﺰﻴﻴﻤﺗ" on 90-99: a Latin letter typed next pushes
		 * "abc" left and takes c's cell, 92. */
		{ 1, "تمييز: abc", 92 },
		/* "ﺓﺰﻏ :ﺰﻴﻴﻤﺗ" on 90-99: the next Arabic letter goes left
		 * of the last one, 89. */
		{ 1, "تمييز: غزة", 89 },
		/* Left-aligned (an English interface). */
		{ 0, "highlight: ", 11 },
		{ 0, "/abc", 4 },
		/* "/" then Arabic: a right-to-left paragraph "ﻡﻼﺳ/", the
		 * next letter at its left end, column 0. */
		{ 0, "/سلام", 0 },
		/* Too long: kept on the screen. */
		{ 0, "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		    99 },
	};
	struct reader	 r;
	size_t		 i, got;

	reader_init(&r);
	r.line_flags = RENDER_SHAPE;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		r.ui_rtl = cases[i].rtl;
		got = reader_prompt_cursor(&r, cases[i].line, 100);
		if (got != cases[i].want)
			fail_msg("case %zu \"%s\": got %zu, want %zu", i,
			    cases[i].line, got, cases[i].want);
	}
	/* bidi terminal: logical order, after the text. */
	r.line_flags = RENDER_LOGICAL;
	r.ui_rtl = 0;
	assert_int_equal(reader_prompt_cursor(&r, "/سلام", 100), 5);
	reader_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_isolate),
		cmocka_unit_test(test_rtl_env),
		cmocka_unit_test(test_layout_default),
		cmocka_unit_test(test_date_options),
		cmocka_unit_test(test_locale_name),
		cmocka_unit_test(test_init_dir),
		cmocka_unit_test(test_catalogue),
		cmocka_unit_test(test_help_mirrored),
		cmocka_unit_test(test_prompt_cursor),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
