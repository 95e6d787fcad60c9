/* test_terms.c - the words search_terms() gives the full-text index
 * (search.c) are exactly those of a plain reference written here from
 * the matcher's own pieces (match_normalize_utf8(), match_is_word(),
 * match_clitic_cuts()): every normalised word of 1 to 64 code points,
 * then its proclitic-less forms, each once, in the order first seen,
 * title first; before each word, the pair of it and the word before it
 * ("\xc2\xb7", five base-32 digits of a hash of the word before, cut at
 * 68 code points, and the first three code points of the word after its
 * ال; none across title and body). Checked on hand-picked Arabic, Persian, Hebrew and English
 * news text and on thousands of articles generated from it, large
 * enough to make the word set grow; and a checksum of the terms of the
 * generated articles as the code before the speed work made them (the
 * index must not change without SEARCH_TERMS_VERSION, or every store
 * would be rebuilt). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "match.h"
#include "search.h"
#include "utf8.h"
#include "util.h"

#define MAX_WORD	64
#define MAX_PAIR	68	/* a pair's first word is cut there */
#define MARK		"\xc2\xb7"	/* U+00B7 */

/* The pair term of words a[0..alen) and b[0..blen) into out. */
static void
ref_pair(struct buf *out, const char *a, size_t alen, const char *b,
    size_t blen)
{
	uint64_t	h = 0x9e3779b97f4a7c15ULL ^ alen, w;
	uint32_t	cp;
	size_t		i, n, k;

	for (i = 0; i < alen; i += 8) {
		w = 0;
		for (k = 0; k < 8 && i + k < alen; k++)
			w |= (uint64_t)(unsigned char)a[i + k] << (8 * k);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		if (i + 8 <= alen)
			h ^= h >> 29;
	}
	h ^= h >> 32;
	buf_puts(out, MARK);
	for (i = 0; i < 5; i++, h >>= 5)
		buf_putc(out, "0123456789abcdefghijklmnopqrstuv"[h & 31]);
	if (blen > 4 && memcmp(b, "ال", 4) == 0) {
		b += 4;
		blen -= 4;
	}
	for (i = 0, n = 0; i < blen && n < 3; n++)
		i += utf8_decode(b + i, blen - i, &cp);
	buf_add(out, b, i);
}

/* FNV-1a 64 of the generated articles' terms, as made before (with
 * SEARCH_TERMS_VERSION 2, the word pairs; 1 was 0x005b505177885809). */
#define TERMS_CHECKSUM	0x5ed29f2264ecdbfeULL

/* Append word w (UTF-8, n bytes) to out unless it is there already (a
 * linear search through the space-separated words: slow and plain). */
static void
ref_add(struct buf *out, const char *w, size_t n)
{
	const char	*p = out->data, *e;

	while (p != NULL && *p != '\0') {
		e = strchr(p, ' ');
		if (e == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) == n && memcmp(p, w, n) == 0)
			return;
		p = *e == ' ' ? e + 1 : e;
	}
	if (out->len > 0)
		buf_putc(out, ' ');
	buf_add(out, w, n);
}

/* The reference terms of normalised text s, added to out. */
static void
ref_text(struct buf *out, const char *s)
{
	uint32_t	cps[MAX_WORD + 1], cp;
	size_t		off[MAX_PAIR + 2], n = strlen(s), i = 0, k, start, nc,
			p, cut, prev = 0, plen = 0;
	unsigned	cuts;
	char		form[MAX_WORD * 4 + 8];
	struct buf	pair = { 0 };

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (!match_is_word(cp)) {
			i += k;
			continue;
		}
		start = i;
		nc = 0;
		while (i < n) {
			k = utf8_decode(s + i, n - i, &cp);
			if (!match_is_word(cp))
				break;
			if (nc <= MAX_PAIR)
				off[nc] = i - start;
			if (nc <= MAX_WORD)
				cps[nc] = cp;
			nc++;
			i += k;
		}
		cut = nc > MAX_PAIR ? off[MAX_PAIR] : i - start;
		if (plen > 0) {
			pair.len = 0;
			ref_pair(&pair, s + prev, plen, s + start, i - start);
			ref_add(out, pair.data, pair.len);
		}
		prev = start;
		plen = cut;
		if (nc > MAX_WORD)
			continue;
		ref_add(out, s + start, i - start);
		cuts = match_clitic_cuts(cps, nc);
		for (p = 1; cuts != 0; p++, cuts >>= 2) {
			if (cuts & 1)
				ref_add(out, s + start + off[p],
				    i - start - off[p]);
			if (cuts & 2) {
				memcpy(form, "\xd8\xa7\xd9\x84", 4);
				memcpy(form + 4, s + start + off[p],
				    i - start - off[p]);
				ref_add(out, form, i - start - off[p] + 4);
			}
		}
	}
	buf_free(&pair);
}

/* The reference of search_terms(title, body_text). Caller frees. */
static char *
ref_terms(const char *title, const char *body_text)
{
	struct buf	 out = { 0 };
	char		*norm;

	buf_puts(&out, "");
	if (title != NULL) {
		norm = match_normalize_utf8(title);
		ref_text(&out, norm);
		free(norm);
	}
	if (body_text != NULL)
		ref_text(&out, body_text);
	return out.data;
}

/* News prose in the four languages, with what the terms must handle:
 * proclitics (وبالمدينة، فللرئيس، كالعادة), harakat, tatweel, hamza
 * forms, Persian letters and ZWNJ, Hebrew prefixes, digits of three
 * scripts, capitals, punctuation, a word over 64 code points. */
static const char *const prose[] = {
	"أعلنت وزارة الصحة، صباح اليوم، عن إطلاق حملة تطعيم واسعة في "
	"المدن الكبرى وبالمناطق الريفية، وقال المتحدث باسمها إن الحملة "
	"ستستمر حتى نهاية الشهر.",
	"وللمرة الثالثة على التوالي ارتفعت أسعار الطحين في الأسواق "
	"المحلية، فللمواطنين مخاوف من موجة غلاء جديدة كالعادة.",
	"قالَ الرَّئِيسُ في كلمتِهِ: إنّ الاقتصادَ الوطنيَّ سيتعافى "
	"خلال عام ٢٠٢٧ بنسبة ٣٫٥ في المئة.",
	"المـــــدينة القديمة تستقبل الزوار؛ فالسياحة عادت بقوة "
	"وبالرغم من الأمطار.",
	"وزیر امور خارجه با همتای خود در تهران دیدار کرد و درباره‌ی "
	"همکاری‌های اقتصادی گفت‌وگو کردند؛ ۱۴۰۳ سال مهمی بود.",
	"می‌خواهیم گزارش کاملی از وضعیت بازار ارائه کنیم که "
	"خبرگزاری‌ها منتشر کردند.",
	"הממשלה אישרה את תקציב המדינה לשנת 2027, ושר האוצר אמר "
	"שהגירעון יירד; בירושלים ובתל אביב הפגינו אלפים.",
	"ynet: מבזקים – ראש הממשלה נפגש הבוקר עם שגריר ארצות הברית.",
	"The Central Bank kept interest rates unchanged on Tuesday, citing "
	"persistent inflation & a resilient labour market (3.5%).",
	"UN envoy calls for an immediate ceasefire; aid corridors OPEN in "
	"Gaza, Idlib and al-Hasakah, officials said.",
	"Linux 6.12 brings faster file systems, io_uring fixes and "
	"Rust drivers — see https://lwn.net/Articles/1000000/ for details.",
	"Averyveryveryveryveryveryveryveryveryveryveryveryveryverylongword"
	"thatgoesonandon is not indexed, but short ones are.",
	"بالإضافة إلى ذلك، أكّد البيان أنّ «الاجتماع» سيُعقد في "
	"القاهرة، ولن يُؤجَّل مرة أخرى.",
	"ﻻ تزال المفاوضات جارية بين الطرفين حول ملف الأسرى والمعتقلين.",
};

/* Deterministic words: the LCG of POSIX rand() examples. */
static unsigned long
next(unsigned long *seed)
{
	*seed = *seed * 1103515245UL + 12345UL;
	return (*seed / 65536UL) % 32768UL;
}

/* A generated article body of some of the prose, shuffled in sentence
 * pieces, with repeats; sometimes long (the set grows). Caller frees. */
static char *
gen_body(unsigned long *seed)
{
	struct buf	 b = { 0 };
	size_t		 n = 1 + next(seed) % 12, i, np = sizeof prose /
			    sizeof prose[0];
	const char	*s;

	if (next(seed) % 10 == 0)
		n += 200;	/* a long article */
	buf_puts(&b, "");
	for (i = 0; i < n; i++) {
		s = prose[next(seed) % np];
		buf_puts(&b, s);
		buf_putc(&b, i % 3 == 2 ? '\n' : ' ');
	}
	return b.data;
}

static uint64_t
fnv(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (h ^ 0xff) * 0x100000001b3ULL;
}

/* Each prose text alone, as title and as body, and no text at all. */
static void
test_prose(void **state)
{
	size_t	 i;
	char	*norm, *got, *want;

	(void)state;
	for (i = 0; i < sizeof prose / sizeof prose[0]; i++) {
		norm = match_normalize_utf8(prose[i]);
		got = search_terms(prose[i], NULL);
		want = ref_terms(prose[i], NULL);
		assert_string_equal(got, want);
		assert_true(*got != '\0');
		free(got);
		free(want);
		got = search_terms(NULL, norm);
		want = ref_terms(NULL, norm);
		assert_string_equal(got, want);
		free(got);
		free(want);
		free(norm);
	}
	got = search_terms(NULL, NULL);
	assert_string_equal(got, "");
	free(got);
	/* a known case: proclitic forms after the word, each once */
	got = search_terms("وبالمدينة بالمدينة", NULL);
	assert_string_equal(got, "وبالمدينه بالمدينه المدينه مدينه "
	    MARK "pesvdبال");
	free(got);
	/* the long word is not a term, only (cut) in its pair; its
	 * neighbours are */
	got = search_terms(prose[11], NULL);
	assert_null(strstr(got, "averyvery"));
	assert_true(strncmp(got, MARK "dhbv1is ", 10) == 0);
	assert_non_null(strstr(got, " indexed"));
	free(got);
	/* pairs: after their second word's first sight; none across
	 * the title and the body; a pair is never a word */
	got = search_terms("Oil prices, oil", "prices rose");
	assert_string_equal(got, "oil " MARK "teu8lpri prices " MARK
	    "7kd07oil " MARK "7kd07ros rose");
	free(got);
}

/* Five thousand distinct short words in little text (the set sized for
 * the text must grow many times), and the same in Arabic letters. */
static void
test_growth(void **state)
{
	static const char *const digit[] = {
		"ا", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر"
	};
	struct buf	 b = { 0 }, a = { 0 };
	char		*got, *want;
	int		 i;

	(void)state;
	buf_puts(&b, "");
	buf_puts(&a, "");
	for (i = 0; i < 5000; i++) {
		buf_printf(&b, "k%d ", i);
		buf_printf(&a, "%s%s%s%s ", digit[i / 1000],
		    digit[i / 100 % 10], digit[i / 10 % 10], digit[i % 10]);
	}
	got = search_terms(NULL, b.data);
	want = ref_terms(NULL, b.data);
	assert_string_equal(got, want);
	assert_non_null(strstr(got, " k4999"));
	free(got);
	free(want);
	got = search_terms("وبالمدينة", a.data);
	want = ref_terms("وبالمدينة", a.data);
	assert_string_equal(got, want);
	free(got);
	free(want);
	buf_free(&b);
	buf_free(&a);
}

/*
 * 3,000 generated articles (a tenth of them 200 pieces long): the terms
 * equal the reference's, and their checksum is the one the code made
 * before the speed work (FNV-1a 64 over every article's terms).
 */
static void
test_generated(void **state)
{
	unsigned long	 seed = 17;
	uint64_t	 h = 0xcbf29ce484222325ULL;
	size_t		 i, np = sizeof prose / sizeof prose[0];
	char		*body, *text, *got, *want;
	const char	*title;

	(void)state;
	for (i = 0; i < 3000; i++) {
		title = prose[next(&seed) % np];
		body = gen_body(&seed);
		text = search_body_text(body, 0);
		got = search_terms(title, text);
		want = ref_terms(title, text);
		assert_string_equal(got, want);
		h = fnv(h, got);
		free(got);
		free(want);
		free(text);
		free(body);
	}
	assert_int_equal(h, TERMS_CHECKSUM);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prose),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_generated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
