/*
 * test_match.c - the keyword matcher. Each case gives keywords and a
 * text in which ⟦ and ⟧ (U+27E6, U+27E7) bracket every expected match;
 * the brackets are taken out and the matcher must report exactly those
 * code point ranges, in logical order.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "utf8.h"
#include "match.h"

#define OPEN	0x27E6
#define CLOSE	0x27E7
#define MAXHITS	16

struct match_case {
	const char	*name;
	const char	*kw;
	const char	*kw2;	/* a second keyword, or NULL */
	const char	*text;	/* with ⟦expected⟧ matches */
};

static const struct match_case cases[] = {
	/* Arabic: proclitics, article, suffixes. */
	{ "idlib after bi", "إدلب", NULL, "قصف على ب⟦إدلب⟧ أمس" },
	{ "idlib after wa", "إدلب", NULL, "و⟦إدلب⟧ تحت القصف" },
	{ "idlib alone", "إدلب", NULL, "⟦إدلب⟧" },
	{ "hamza-less text", "إدلب", NULL, "في ⟦ادلب⟧" },
	{ "hamza-less keyword", "ادلب", NULL, "في ⟦إدلب⟧" },
	{ "turki after al", "تركي", NULL, "الجيش ال⟦تركي⟧ يتقدم" },
	{ "turki al + suffix", "تركي", NULL, "الحكومة ال⟦تركي⟧ة" },
	{ "turki suffix", "تركي", NULL, "⟦تركي⟧ة" },
	{ "damma after", "الرئيس", NULL, "قال ⟦الرئيسُ⟧ أمس" },
	{ "harakat inside text", "الرئيس", NULL, "⟦الرَّئِيس⟧" },
	{ "harakat in keyword", "الرَّئيس", NULL, "⟦الرئيس⟧" },
	{ "wa + article keyword", "الرئيس", NULL, "و⟦الرئيس⟧" },
	{ "lil contraction", "الرئيس", NULL, "لل⟦رئيس⟧ الجديد" },
	{ "lil + bare keyword", "رئيس", NULL, "لل⟦رئيس⟧" },
	{ "wal-lil contraction", "الرئيس", NULL, "ولل⟦رئيس⟧" },
	{ "bi + article keyword", "الرئيس", NULL, "ب⟦الرئيس⟧" },
	{ "wa-bi-al", "رئيس", NULL, "وبال⟦رئيس⟧" },
	{ "fa-al", "رئيس", NULL, "فال⟦رئيس⟧" },
	{ "ka-al", "رئيس", NULL, "كال⟦رئيس⟧" },
	{ "li + word starting with lam", "لبنان", NULL, "ل⟦لبنان⟧ و⟦لبنان⟧" },
	{ "suffix ya", "الرئيس", NULL, "⟦الرئيس⟧ي" },
	{ "harakat on proclitic", "إدلب", NULL, "وَ⟦إِدْلِبُ⟧" },
	{ "three hits", "غزة", NULL, "⟦غزة⟧ ثم ⟦غزة⟧ و⟦غزة⟧" },
	{ "tatweel inside", "غزة", NULL, "⟦غـــزة⟧" },
	{ "alef wasla and shadda", "الله", NULL, "⟦ٱللَّهِ⟧" },
	{ "no: sa is no proclitic", "سلام", NULL, "دين الإسلام" },
	{ "no: kitab in maktaba", "كتاب", NULL, "في مكتبة المدينة" },
	{ "no: mim is no proclitic", "ترك", NULL, "مترك" },
	{ "no: wal-b is no proclitic", "ترك", NULL, "والبترك" },
	{ "no: lam in salam", "لام", NULL, "سلام" },
	{ "no: salm in islam", "سلم", NULL, "إسلام" },
	{ "no: article needs lil", "الرئيس", NULL, "رئيس" },
	/* Letter variants. */
	{ "ta marbuta in text", "غزه", NULL, "⟦غزة⟧" },
	{ "ha in text", "غزة", NULL, "في ⟦غزه⟧ اليوم" },
	{ "alef maksura in keyword", "مستشفى", NULL, "⟦مستشفي⟧" },
	{ "alef maksura in text", "مستشفي", NULL, "ال⟦مستشفى⟧" },
	{ "waw hamza", "مسؤول", NULL, "قال ⟦مسوول⟧" },
	{ "no: waw hamza vs yeh hamza", "مسؤول", NULL, "مسئول" },
	{ "yeh hamza", "رئيس", NULL, "⟦رييس⟧" },
	{ "madda", "آمن", NULL, "⟦امن⟧" },
	/* Persian. */
	{ "persian keheh keyword", "کتاب", NULL, "⟦كتاب⟧ جديد" },
	{ "persian yeh keyword", "ایران", NULL, "⟦إيران⟧" },
	{ "persian yeh text", "إيران", NULL, "⟦ایران⟧" },
	{ "persian kaf yeh text", "كيف", NULL, "⟦کیف⟧" },
	{ "zwnj in text", "میشود", NULL, "⟦می‌شود⟧" },
	{ "zwnj in keyword", "می‌شود", NULL, "⟦میشود⟧" },
	/* Digits. */
	{ "arabic-indic digits", "2024", NULL, "عام ⟦٢٠٢٤⟧ م" },
	{ "ascii digits", "٢٠٢٤", NULL, "in ⟦2024⟧" },
	{ "persian digits", "2024", NULL, "سال ⟦۲۰۲۴⟧" },
	{ "no: exact number", "=2024", NULL, "20245" },
	{ "no: digit before", "2024", NULL, "١٢٠٢٤" },
	/* Presentation forms. */
	{ "lam-alef form in text", "لا", NULL, "⟦ﻻ⟧ للحرب" },
	{ "lam-alef form in keyword", "ﻻ", NULL, "⟦لا⟧ شيء" },
	{ "shaped word", "سلام", NULL, "⟦ﺳﻼﻡ⟧" },
	{ "keyword ends in ligature", "سلا", NULL, "⟦ﺳﻼ⟧ﻡ" },
	{ "keyword ends inside ligature", "سل", NULL, "⟦ﺳﻼ⟧ﻡ" },
	{ "allah ligature", "الله", NULL, "⟦ﷲ⟧" },
	/* Latin and other scripts. */
	{ "prefix reuter", "Reuter", NULL, "⟦Reuter⟧s reported" },
	{ "case", "reuters", NULL, "(⟦REUTERS⟧)" },
	{ "no: =RT in ARTICLE", "=RT", NULL, "ARTICLE" },
	{ "no: =RT in RTs", "=RT", NULL, "RTs" },
	{ "=RT alone", "=RT", NULL, "watch ⟦RT⟧, not RTs" },
	{ "RT prefix", "RT", NULL, "⟦RT⟧s" },
	{ "no: rt inside a word", "rt", NULL, "ARTICLE" },
	{ "full case folding", "STRASSE", NULL, "die ⟦Straße⟧" },
	{ "greek", "Αθήνα", NULL, "⟦ΑΘΉΝΑ⟧" },
	{ "cyrillic prefix", "москв", NULL, "в ⟦Москв⟧е" },
	{ "fullwidth", "abc", NULL, "⟦ＡＢＣ⟧" },
	{ "precomposed keyword", "café", NULL, "⟦cafe\xcc\x81⟧ noir" },
	{ "decomposed keyword", "cafe\xcc\x81", NULL, "le ⟦café⟧" },
	{ "no: exact without accent", "=cafe", NULL, "café" },
	{ "no: accent needed", "café", NULL, "cafe" },
	/* Exact words. */
	{ "exact arabic", "=إدلب", NULL, "⟦إدلب⟧، ثم" },
	{ "no: exact after proclitic", "=إدلب", NULL, "بإدلب" },
	{ "no: exact with suffix", "=تركي", NULL, "التركية" },
	{ "exact with haraka", "=الرئيس", NULL, "⟦الرئيسُ⟧ قال" },
	/* Several words. */
	{ "two words", "بشار الأسد", NULL, "الرئيس ⟦بشار   الأسد⟧ قال" },
	{ "tab between", "new york", NULL, "⟦New\tYork⟧" },
	{ "nbsp between", "new york", NULL, "⟦new\xc2\xa0york⟧" },
	{ "no: words run together", "new york", NULL, "newyork" },
	/* Mixed direction. */
	{ "latin in arabic", "Reuters", NULL, "قالت ⟦Reuters⟧ إن" },
	{ "arabic in latin", "رويترز", NULL, "according to ⟦رويترز⟧ today" },
	/* Regular expressions. */
	{ "regex ta marbuta", "/غز(ة|ه)/", NULL, "في ⟦غزة⟧ و⟦غزه⟧" },
	{ "regex digits", "/[0-9]+ قتل/", NULL, "سقط ⟦١٢ قتل⟧ى" },
	{ "regex icase", "/reuters?/", NULL, "⟦Reuters⟧ and ⟦REUTER⟧" },
	{ "regex anchor", "/^قال/", NULL, "⟦قال⟧ إنه قال" },
	{ "regex end", "/ة$/", NULL, "مدين⟦ة⟧" },
	{ "regex multibyte class", "/ال[^ ]+ية/", NULL,
	    "⟦التركية⟧ و⟦العربية⟧" },
	{ "regex empty matches", "/x*/", NULL, "⟦xx⟧a⟦x⟧" },
	{ "regex over harakat", "/الرئيس/", NULL, "⟦الرَّئِيسُ⟧" },
	/* Two keywords. */
	{ "overlap merged", "تركي", "التركية", "⟦التركية⟧" },
	{ "two keywords", "غزة", "=RT", "⟦RT⟧ في ⟦غزة⟧" },
};

/* Parse the marked text into code points and expected hits. */
static uint32_t *
parse_case(const char *marked, size_t *len, struct match_hit *want,
    size_t *nwant)
{
	uint32_t	*in, *out;
	size_t		 n, i, k = 0;

	in = utf8_to_cps(marked, strlen(marked), &n);
	out = calloc(n + 1, sizeof *out);
	*nwant = 0;
	for (i = 0; i < n; i++) {
		if (in[i] == OPEN)
			want[*nwant].start = k;
		else if (in[i] == CLOSE)
			want[(*nwant)++].end = k;
		else
			out[k++] = in[i];
	}
	free(in);
	*len = k;
	return out;
}

static void
test_case(void **state)
{
	const struct match_case	*c = *state;
	struct matcher		*m;
	struct match_hit	 want[MAXHITS], got[MAXHITS];
	uint16_t		 attrs[256];
	uint32_t		*text;
	size_t			 len, nwant, n, i;
	char			*cause = NULL;

	m = matcher_create();
	assert_int_equal(matcher_add(m, c->kw, &cause), 0);
	if (c->kw2 != NULL)
		assert_int_equal(matcher_add(m, c->kw2, &cause), 0);
	text = parse_case(c->text, &len, want, &nwant);
	n = matcher_find(m, text, len, got, MAXHITS);
	for (i = 0; i < n && i < MAXHITS; i++)
		if (n != nwant || got[i].start != want[i].start ||
		    got[i].end != want[i].end)
			print_message("# got hit %zu-%zu\n", got[i].start,
			    got[i].end);
	assert_int_equal(n, nwant);
	for (i = 0; i < n; i++) {
		assert_int_equal(got[i].start, want[i].start);
		assert_int_equal(got[i].end, want[i].end);
	}
	/* matcher_mark marks exactly the same code points. */
	assert_true(len <= 256);
	memset(attrs, 0, sizeof attrs);
	assert_int_equal(matcher_mark(m, text, len, attrs, 4), nwant);
	for (i = 0, n = 0; i < len; i++) {
		while (n < nwant && want[n].end <= i)
			n++;
		assert_int_equal(attrs[i], n < nwant && want[n].start <= i ?
		    4 : 0);
	}
	free(text);
	matcher_free(m);
}

static void
test_bad_keywords(void **state)
{
	struct matcher	*m = matcher_create();
	char		*cause = NULL;

	assert_int_equal(matcher_add(m, "/(abc/", &cause), -1);
	assert_non_null(cause);
	assert_true(strlen(cause) > 0);
	free(cause);
	cause = NULL;
	assert_int_equal(matcher_add(m, "   ", &cause), -1);
	assert_string_equal(cause, "empty keyword");
	free(cause);
	cause = NULL;
	assert_int_equal(matcher_add(m, "\xd9\x8e\xd9\x91", &cause), -1);
	free(cause);
	assert_int_equal(matcher_count(m), 0);
	assert_int_equal(matcher_add(m, "/a/", &cause), 0);
	assert_int_equal(matcher_add(m, "=b", &cause), 0);
	assert_int_equal(matcher_count(m), 2);
	matcher_free(m);
	matcher_free(NULL);
	assert_int_equal(matcher_count(NULL), 0);
}

static void
test_find_max(void **state)
{
	struct matcher		*m = matcher_create();
	struct match_hit	 h[1];
	uint32_t		*text;
	size_t			 len;
	char			*cause = NULL;
	const char		*s = "غزة غزة غزة";

	assert_int_equal(matcher_add(m, "غزه", &cause), 0);
	text = utf8_to_cps(s, strlen(s), &len);
	assert_int_equal(matcher_find(m, text, len, NULL, 0), 3);
	assert_int_equal(matcher_find(m, text, len, h, 1), 3);
	assert_int_equal(h[0].start, 0);
	assert_int_equal(h[0].end, 3);
	assert_int_equal(matcher_find(NULL, text, len, h, 1), 0);
	assert_int_equal(matcher_mark(NULL, text, len, NULL, 1), 0);
	free(text);
	matcher_free(m);
}

static void
test_test(void **state)
{
	struct matcher	*m = matcher_create();
	char		*cause = NULL;

	assert_false(matcher_test(m, "anything"));
	assert_false(matcher_test(NULL, "anything"));
	assert_int_equal(matcher_add(m, "إدلب", &cause), 0);
	assert_int_equal(matcher_add(m, "/[0-9]{4}/", &cause), 0);
	assert_true(matcher_test(m, "قصف على بإدلب"));
	assert_true(matcher_test(m, "عام ٢٠٢٤"));
	assert_false(matcher_test(m, "عام ٢٠٢"));
	assert_false(matcher_test(m, "مدلب"));
	assert_false(matcher_test(m, ""));
	matcher_free(m);
}

static void
test_normalize(void **state)
{
	static const struct { const char *in, *out; } n[] = {
		{ "الرَّئِيسُ  في   غزة", "الرييس في غزه" },
		{ "ﻻ ﷲ", "لا الله" },
		{ "  Straße ٢٠٢٤ ۱ ", "strasse 2024 1" },
		{ "أإآٱ ى ؤ ک ی", "اااا ي و ك ي" },
		{ "می‌شود ـــ", "ميشود" },
		{ "", "" },
	};
	char	*s;
	size_t	 i;

	for (i = 0; i < sizeof n / sizeof n[0]; i++) {
		s = match_normalize_utf8(n[i].in);
		assert_string_equal(s, n[i].out);
		free(s);
	}
}

/* The UTF-8 fast paths agree with the code point normaliser on every
 * character of the Arabic block, alone, between letters and doubled. */
static void
test_normalize_arabic_block(void **state)
{
	uint32_t	 out[MATCH_NORM_MAX], cp;
	char		 in[32], want[256], e[8];
	char		*got;
	size_t		 k, j, n, w;
	int		 space, ctx;

	for (cp = 0x0600; cp <= 0x06FF; cp++) {
		n = utf8_encode(cp, e);
		e[n] = '\0';
		k = match_normalize_cp(cp, out);
		for (ctx = 0; ctx < 3; ctx++) {
			snprintf(in, sizeof in, ctx == 0 ? "a%sb" : ctx == 1 ?
			    "%s%s" : "%s", e, e);
			w = 0;
			space = 0;
			if (ctx == 0)
				want[w++] = 'a';
			for (n = 0; n < (ctx == 1 ? 2u : 1u); n++)
				for (j = 0; j < k; j++) {
					if (out[j] == ' ') {
						space = 1;
						continue;
					}
					if (space && w > 0)
						want[w++] = ' ';
					space = 0;
					w += utf8_encode(out[j], want + w);
				}
			if (ctx == 0) {
				if (space)
					want[w++] = ' ';
				want[w++] = 'b';
			}
			want[w] = '\0';
			got = match_normalize_utf8(in);
			if (strcmp(got, want) != 0)
				printf("# U+%04X context %d: got '%s' want '%s'\n",
				    (unsigned)cp, ctx, got, want);
			assert_string_equal(got, want);
			free(got);
		}
	}
}

/* Random texts and keywords over a small alphabet full of traps:
 * hits are in order, disjoint, inside the text, and every entry point
 * agrees on them. */
static void
test_invariants(void **state)
{
	static const uint32_t	 alpha[] = {
		0x0627, 0x0623, 0x0644, 0x0628, 0x0648, 0x0629, 0x0647, 0x064A,
		0x0649, 0x064E, 0x0651, 0x0640, 0x200C, 0xFEFB, 0xFEF7, 0xFDF2,
		0xFE70, ' ', ' ', 'a', 'A', 0x00DF, 0x0661, '1', '.',
	};
	static const char	*modes[] = { "", "=", "/" };
	struct match_hit	 h[64];
	struct matcher		*m;
	uint32_t		 text[40], kw[4];
	uint16_t		 attrs[40];
	char			 buf[64], utf8[200], *cause, *p;
	size_t			 i, j, n, len, klen, marked, nmarked;
	unsigned		 seed = 1;
	int			 mode;

	for (i = 0; i < 3000; i++) {
		seed = seed * 1103515245 + 12345;
		len = seed % 40;
		for (j = 0; j < len; j++) {
			seed = seed * 1103515245 + 12345;
			text[j] = alpha[(seed >> 8) % (sizeof alpha /
			    sizeof *alpha)];
		}
		klen = 1 + (seed >> 4) % 4;
		mode = (int)((seed >> 12) % 3);
		for (j = 0; j < klen; j++) {
			seed = seed * 1103515245 + 12345;
			kw[j] = alpha[(seed >> 8) % (sizeof alpha /
			    sizeof *alpha)];
		}
		p = buf + sprintf(buf, "%s", modes[mode]);
		for (j = 0; j < klen; j++)
			p += utf8_encode(kw[j] == '.' && mode == 2 ? 'x' :
			    kw[j], p);
		sprintf(p, "%s", mode == 2 ? "/" : "");
		m = matcher_create();
		cause = NULL;
		if (matcher_add(m, buf, &cause) == -1) {
			free(cause);
			matcher_free(m);
			continue;
		}
		n = matcher_find(m, text, len, h, 64);
		assert_true(n <= 64);
		for (j = 0, marked = 0; j < n; j++) {
			assert_true(h[j].start < h[j].end);
			assert_true(h[j].end <= len);
			if (j > 0)
				assert_true(h[j - 1].end <= h[j].start);
			marked += h[j].end - h[j].start;
		}
		memset(attrs, 0, sizeof attrs);
		assert_int_equal(matcher_mark(m, text, len, attrs, 1), n);
		for (j = 0, nmarked = 0; j < len; j++)
			nmarked += attrs[j];
		assert_int_equal(nmarked, marked);
		for (j = 0, p = utf8; j < len; j++)
			p += utf8_encode(text[j], p);
		*p = '\0';
		assert_int_equal(matcher_test(m, utf8), n > 0);
		matcher_free(m);
	}
}

int
main(void)
{
	size_t			 ncases = sizeof cases / sizeof cases[0], i;
	struct CMUnitTest	*t;
	int			 rc;

	t = calloc(ncases + 6, sizeof *t);
	for (i = 0; i < ncases; i++) {
		t[i].name = cases[i].name;
		t[i].test_func = test_case;
		t[i].initial_state = (void *)&cases[i];
	}
	t[i++] = (struct CMUnitTest)cmocka_unit_test(test_bad_keywords);
	t[i++] = (struct CMUnitTest)cmocka_unit_test(test_find_max);
	t[i++] = (struct CMUnitTest)cmocka_unit_test(test_test);
	t[i++] = (struct CMUnitTest)cmocka_unit_test(test_normalize);
	t[i++] = (struct CMUnitTest)
	    cmocka_unit_test(test_normalize_arabic_block);
	t[i++] = (struct CMUnitTest)cmocka_unit_test(test_invariants);
	rc = _cmocka_run_group_tests("match", t, i, NULL, NULL);
	free(t);
	return rc;
}
