/* test_rules.c - `ignore` rules: scopes, fields and the Arabic-aware
 * matcher over proclitic forms, with exact counts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "rules.h"
#include "util.h"

/* Titles of one news day: غزة bare, after each proclitic (و ف ب ك ل ال
 * and combinations), with a suffix, inside other words, and unrelated. */
static const char *const titles[] = {
	"غزة تستقبل قافلة مساعدات جديدة",		/* bare */
	"قصف وغزة تحت الحصار",				/* و */
	"فغزة لم تعد كما كانت",				/* ف */
	"اشتباكات بغزة ليلة أمس",			/* ب */
	"مدينة كغزة لا تنام",				/* ك */
	"مساعدات لغزة عبر معبر رفح",			/* ل */
	"وبغزة أعلن عن هدنة إنسانية",			/* و + ب */
	"أطفال غزةَ يعودون إلى المدارس",		/* with a haraka */
	"مغزى القرار الأممي الأخير",			/* inside a word */
	"الغزالي يفوز بجائزة الرواية",			/* ال + غزا... */
	"ارتفاع أسعار النفط في الأسواق",		/* unrelated */
	"Gaza ceasefire talks resume in Cairo",		/* English */
};
#define NTITLES	(sizeof titles / sizeof *titles)

/* How many titles the single rule made of words w hides. */
static int
count_hidden(char **w, int n)
{
	struct rules		 r = { 0 };
	struct rules_article	 a;
	char			*cause = NULL;
	size_t			 i;
	int			 hidden = 0;

	assert_int_equal(rules_add(&r, w, n, &cause), 0);
	for (i = 0; i < NTITLES; i++) {
		memset(&a, 0, sizeof a);
		a.title = titles[i];
		hidden += rules_match(&r, &a);
	}
	rules_free(&r);
	return hidden;
}

static void
test_proclitics(void **state)
{
	char	*word[] = { "غزة" };
	char	*exact[] = { "=غزة" };
	char	*title_only[] = { "field=title", "غزه" };	/* teh marbuta
							 * as heh */
	char	*regex[] = { "/^(gaza|غزة) /" };
	char	*phrase[] = { "قافلة مساعدات" };	/* as unquoted */

	/* bare, و ف ب ك ل وب and the haraka: 8; not مغزى nor الغزالي */
	assert_int_equal(count_hidden(word, 1), 8);
	/* the exact word: bare and with the haraka only */
	assert_int_equal(count_hidden(exact, 1), 2);
	assert_int_equal(count_hidden(title_only, 2), 8);
	/* the regex runs on normalised (case-folded) text */
	assert_int_equal(count_hidden(regex, 1), 2);
	assert_int_equal(count_hidden(phrase, 1), 1);
}

/* The article ال and its combinations: بال، وال، فال، كال، and لل
 * (ل + ال), each hiding exactly what it should. */
static void
test_article_forms(void **state)
{
	static const char *const t[] = {
		"المدينة القديمة تحت الحصار",		/* ال */
		"انقطاع الكهرباء بالمدينة",		/* ب + ال */
		"والمدينة تستعد للعيد",			/* و + ال */
		"فالمدينة لم تنم",			/* ف + ال */
		"كالمدينة المنورة",			/* ك + ال */
		"زيارة للمدينة الصناعية",		/* ل + ال = لل */
		"مدينة جديدة على الساحل",		/* bare */
		"مدينتان تتنافسان على الاستضافة",	/* ة -> ت: another word */
		"تمدين الريف",				/* inside a word */
	};
	struct rules		 r = { 0 };
	struct rules_article	 a;
	char			*w[] = { "field=title", "مدينة" };
	char			*cause = NULL;
	size_t			 i;
	int			 hidden = 0;

	assert_int_equal(rules_add(&r, w, 2, &cause), 0);
	for (i = 0; i < sizeof t / sizeof *t; i++) {
		memset(&a, 0, sizeof a);
		a.title = t[i];
		hidden += rules_match(&r, &a);
	}
	assert_int_equal(hidden, 7);
	rules_free(&r);
}

static void
test_scopes_and_fields(void **state)
{
	struct rules		 r = { 0 };
	struct rules_article	 a;
	char			*tags[] = { "news", "سياسة" };
	char			*w1[] = { "feed=https://a.example/rss",
				    "field=author", "=مراسلنا" };
	char			*w2[] = { "tag=سياسة", "field=body",
				    "انتخابات" };
	char			*cause = NULL;

	assert_int_equal(rules_add(&r, w1, 3, &cause), 0);
	assert_int_equal(rules_add(&r, w2, 3, &cause), 0);
	memset(&a, 0, sizeof a);
	a.feed_url = "https://a.example/rss";
	a.title = "مراسلنا في القدس";
	a.author = "مراسلنا";
	assert_true(rules_match(&r, &a));
	a.feed_url = "https://b.example/rss";	/* another feed */
	assert_false(rules_match(&r, &a));
	a.author = NULL;
	/* field=body: the HTML's text, not the title, not the markup */
	a.title = "الانتخابات البلدية";
	a.body = "<p class=\"انتخابات\">نتائج <b>الانتخابات</b></p>";
	a.body_html = 1;
	assert_false(rules_match(&r, &a));	/* no tag سياسة */
	a.tags = tags;
	a.ntags = 2;
	assert_true(rules_match(&r, &a));
	a.body = "<p class=\"انتخابات\">نتائج المباراة</p>";
	assert_false(rules_match(&r, &a));	/* only in an attribute */
	rules_free(&r);
}

static void
test_errors_and_fingerprint(void **state)
{
	struct rules	 r = { 0 };
	char		*cause = NULL, *f0, *f1, *f2, *line;
	char		*bad1[] = { "field=date", "غزة" };
	char		*bad2[] = { "/[unclosed/" };
	char		*bad3[] = { "غزة", "extra" };
	char		*ok[] = { "tag=رياضة", "الدوري" };

	assert_int_equal(rules_add(&r, bad1, 2, &cause), -1);
	assert_string_equal(cause, "bad field 'date' (want title, author, "
	    "body or any)");
	free(cause);
	cause = NULL;
	assert_int_equal(rules_add(&r, bad2, 1, &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	assert_int_equal(rules_add(&r, bad3, 2, &cause), -1);
	assert_non_null(strstr(cause, "expected: ignore"));
	free(cause);
	assert_int_equal(r.n, 0);
	f0 = rules_fingerprint(&r);
	assert_string_equal(f0, "");
	assert_int_equal(rules_add(&r, ok, 2, &cause), 0);
	f1 = rules_fingerprint(&r);
	rules_free(&r);
	ok[0] = "tag=سياسة";
	assert_int_equal(rules_add(&r, ok, 2, &cause), 0);
	f2 = rules_fingerprint(&r);
	assert_string_not_equal(f1, f2);
	rules_free(&r);
	free(f0);
	free(f1);
	free(f2);
	line = rules_line_for(RULES_TITLE, "مباراة \"القمة\"\tاليوم");
	assert_string_equal(line,
	    "ignore field=title \"مباراة \\\"القمة\\\" اليوم\"");
	free(line);
	assert_null(rules_line_for(RULES_AUTHOR, " ... "));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_proclitics),
		cmocka_unit_test(test_article_forms),
		cmocka_unit_test(test_scopes_and_fields),
		cmocka_unit_test(test_errors_and_fingerprint),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
