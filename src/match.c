/*
 * match.c - keyword matching over code points in logical order.
 *
 * Text and keywords are normalised one code point at a time into a
 * "normalised stream": each text code point gives zero (harakat, tatweel,
 * joiners, the second space of a run), one or several (lam-alef and other
 * presentation forms, full case folding such as ß -> ss) normalised code
 * points, and each normalised code point remembers the index of the text
 * code point it came from. Matching runs on the stream; a match [a, b) of
 * the stream maps back to text code points [src[a], src[b - 1] + 1),
 * widened over the combining marks that follow. Positions in the API are
 * code point indices of the logical text; regex matching also builds the
 * stream as UTF-8 with the byte offset of each normalised code point.
 */
#include <ctype.h>
#include <locale.h>
#include <pthread.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"
#include "utf8.h"
#include "match.h"

/* Room for what one code point can normalise to (U+FDFA gives 18). */
#define NORM_MAX	MATCH_NORM_MAX

enum match_kind {
	MATCH_PREFIX,	/* WORD: word start or after proclitics, any suffix */
	MATCH_EXACT,	/* =WORD: whole word */
	MATCH_REGEX	/* /REGEX/ */
};

struct keyword {
	enum match_kind	 kind;
	uint32_t	*cps;	/* normalised */
	size_t		 len;
	int		 article; /* starts with ال: may follow a ل as لل */
	regex_t		 re;
};

struct matcher {
	struct keyword	*v;
	size_t		 n;
	locale_t	 loc;	/* UTF-8 LC_CTYPE for regex, or 0 */
};

/* The normalised stream of a text. */
struct norm {
	uint32_t	*cp;
	size_t		*src;	/* text index each cp came from */
	size_t		 n;
	size_t		 cap;
	char		*utf8;	/* the stream as UTF-8, for regexes */
	size_t		*off;	/* byte offset of cp[i] in utf8; n + 1 */
};

struct hits {
	struct match_hit	*v;
	size_t			 n;
	size_t			 cap;
	int			 first;	/* stop at the first hit */
};

/* Arabic and Persian letters that match another one; digits. */
static const struct {
	uint32_t	from;
	uint32_t	to;
} norm_letters[] = {
	{ 0x0622, 0x0627 },	/* alef with madda -> alef */
	{ 0x0623, 0x0627 },	/* alef with hamza above */
	{ 0x0624, 0x0648 },	/* waw with hamza -> waw */
	{ 0x0625, 0x0627 },	/* alef with hamza below */
	{ 0x0626, 0x064A },	/* yeh with hamza -> yeh */
	{ 0x0629, 0x0647 },	/* teh marbuta -> heh */
	{ 0x0649, 0x064A },	/* alef maksura -> yeh */
	{ 0x0671, 0x0627 },	/* alef wasla */
	{ 0x0672, 0x0627 },	/* alef with wavy hamza above */
	{ 0x0673, 0x0627 },	/* alef with wavy hamza below */
	{ 0x06A9, 0x0643 },	/* Persian keheh -> kaf */
	{ 0x06C0, 0x0647 },	/* Persian heh with yeh -> heh */
	{ 0x06CC, 0x064A },	/* Persian yeh -> yeh */
};

/* Proclitics that may come before a keyword inside a word. */
#define WAW	0x0648
#define FEH	0x0641
#define BEH	0x0628
#define KAF	0x0643
#define LAM	0x0644
#define ALEF	0x0627
static const uint32_t norm_proclitics[][5] __attribute__((unused)) = {
	{ WAW }, { FEH }, { BEH }, { KAF }, { LAM },
	{ ALEF, LAM }, { LAM, LAM },
	{ WAW, BEH }, { WAW, KAF }, { WAW, LAM },
	{ FEH, BEH }, { FEH, KAF }, { FEH, LAM },
	{ WAW, ALEF, LAM }, { FEH, ALEF, LAM }, { BEH, ALEF, LAM },
	{ KAF, ALEF, LAM }, { WAW, LAM, LAM }, { FEH, LAM, LAM },
	{ WAW, BEH, ALEF, LAM }, { FEH, BEH, ALEF, LAM },
	{ WAW, KAF, ALEF, LAM }, { FEH, KAF, ALEF, LAM },
};

/* Harakat, Quranic marks, tatweel, joiners and invisible format
 * characters: skipped in text, removed from keywords. */
static int
norm_ignored(uint32_t cp)
{
	return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
	    (cp >= 0x06D6 && cp <= 0x06ED) || cp == 0x0640 ||
	    cp == 0x00AD || cp == 0x061C || cp == 0xFEFF ||
	    (cp >= 0x200B && cp <= 0x200F) ||
	    (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069);
}

static int
norm_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0;
	return cp == 0x85 || cp == 0x2028 || cp == 0x2029 ||
	    utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
}

/* Letters, digits and marks make words. cp is normalised. */
static int
norm_is_word(uint32_t cp)
{
	utf8proc_category_t	c;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	c = utf8proc_category((utf8proc_int32_t)cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

/* A combining mark: stays with the letter before it. */
static int
norm_is_mark(uint32_t cp)
{
	utf8proc_category_t	c;

	if (cp < 0x300)
		return 0;
	c = utf8proc_category((utf8proc_int32_t)cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME;
}

/* Normalise one code point that needs no compatibility decomposition.
 * Returns how many code points went to out (NORM_MAX room). */
static size_t
norm_simple(uint32_t cp, uint32_t *out)
{
	utf8proc_ssize_t	n;
	size_t			i;
	int			bc = 0;

	if (cp < 0x80) {
		if (norm_is_space(cp))
			cp = ' ';
		out[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
		return 1;
	}
	if (cp >= 0x0600 && cp <= 0x06FF) {
		/* The common case first: most letters map to themselves. */
		if (cp >= 0x062A && cp <= 0x064A && cp != 0x0640 &&
		    cp != 0x0649) {
			out[0] = cp;
			return 1;
		}
		if (norm_ignored(cp))
			return 0;
		if (cp >= 0x0660 && cp <= 0x0669)
			cp = '0' + (cp - 0x0660);
		else if (cp >= 0x06F0 && cp <= 0x06F9)
			cp = '0' + (cp - 0x06F0);
		for (i = 0; i < sizeof norm_letters / sizeof *norm_letters; i++)
			if (norm_letters[i].from == cp)
				cp = norm_letters[i].to;
		out[0] = cp;
		return 1;
	}
	if (norm_ignored(cp))
		return 0;
	if (norm_is_space(cp)) {
		out[0] = ' ';
		return 1;
	}
	/* Canonical decomposition: é and e + U+0301 are the same. */
	n = utf8proc_decompose_char((utf8proc_int32_t)cp,
	    (utf8proc_int32_t *)out, NORM_MAX, UTF8PROC_CASEFOLD |
	    UTF8PROC_DECOMPOSE, &bc);
	if (n <= 0 || n > NORM_MAX) {
		out[0] = cp;
		return 1;
	}
	return (size_t)n;
}

/* Presentation forms, ligatures and full-width forms: NFKC. */
static int
norm_compat(uint32_t cp)
{
	return (cp >= 0xFB00 && cp <= 0xFDFF) ||
	    (cp >= 0xFE70 && cp <= 0xFEFE) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* Normalise one code point. Returns how many code points went to out
 * (NORM_MAX room): 0 for one to skip. */
static size_t
norm_cp(uint32_t cp, uint32_t *out)
{
	uint32_t		 d[NORM_MAX], tmp[NORM_MAX];
	utf8proc_ssize_t	 nd;
	size_t			 i, j, k, n = 0, spaces = 0;
	int			 bc = 0;

	if (!norm_compat(cp))
		return norm_simple(cp, out);
	nd = utf8proc_decompose_char((utf8proc_int32_t)cp,
	    (utf8proc_int32_t *)d, NORM_MAX, UTF8PROC_COMPAT |
	    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &bc);
	if (nd <= 0 || nd > NORM_MAX)
		return norm_simple(cp, out);
	for (i = 0; i < (size_t)nd; i++) {
		k = norm_simple(d[i], tmp);
		for (j = 0; j < k && n < NORM_MAX; j++) {
			spaces += tmp[j] == ' ';
			out[n++] = tmp[j];
		}
	}
	/* A spacing haraka form (U+FE70...) is a space and a mark. */
	return spaces == n ? 0 : n;
}

static void
norm_push(struct norm *nt, uint32_t cp, size_t src)
{
	if (cp == ' ' && nt->n > 0 && nt->cp[nt->n - 1] == ' ')
		return;		/* runs of white space are one space */
	if (nt->n == nt->cap) {
		nt->cap = nt->cap < 16 ? 16 : nt->cap * 2;
		nt->cp = xreallocarray(nt->cp, nt->cap, sizeof *nt->cp);
		nt->src = xreallocarray(nt->src, nt->cap, sizeof *nt->src);
	}
	nt->cp[nt->n] = cp;
	nt->src[nt->n++] = src;
}

/* Normalise text[0..len) into nt (zeroed by the caller). */
static void
norm_text(const uint32_t *text, size_t len, struct norm *nt)
{
	uint32_t	out[NORM_MAX];
	size_t		i, j, k;

	nt->cap = len + 1;
	nt->cp = xreallocarray(NULL, nt->cap, sizeof *nt->cp);
	nt->src = xreallocarray(NULL, nt->cap, sizeof *nt->src);
	for (i = 0; i < len; i++) {
		k = norm_cp(text[i], out);
		for (j = 0; j < k; j++)
			norm_push(nt, out[j], i);
	}
}

/* Build nt->utf8 and nt->off from the normalised code points. */
static void
norm_utf8(struct norm *nt)
{
	size_t	i, len = 0;

	nt->utf8 = xmalloc(nt->n * 4 + 1);
	nt->off = xreallocarray(NULL, nt->n + 1, sizeof *nt->off);
	for (i = 0; i < nt->n; i++) {
		nt->off[i] = len;
		len += utf8_encode(nt->cp[i], nt->utf8 + len);
	}
	nt->off[nt->n] = len;
	nt->utf8[len] = '\0';
}

static void
norm_free(struct norm *nt)
{
	free(nt->cp);
	free(nt->src);
	free(nt->utf8);
	free(nt->off);
}

/*
 * The same as norm_text() and norm_utf8() on s, then without leading
 * and trailing white space, but in one pass with no offsets: the search
 * index normalises every article body with it.
 */
size_t
match_normalize_cp(uint32_t cp, uint32_t *out)
{
	return norm_cp(cp, out);
}

#define NORM_SLOW	0xFFFF

/*
 * norm_cp() of U+0600..U+06FF as a table, made from norm_cp() itself on
 * first use (once, whichever thread comes first: the refresh's index
 * worker normalizes too): the one code point a character becomes, 0
 * when it is dropped, NORM_SLOW when it becomes more than one or white
 * space.
 */
static uint16_t		 arabic_map[256];
static pthread_once_t	 arabic_once = PTHREAD_ONCE_INIT;

static void
arabic_norm_make(void)
{
	uint32_t	 out[NORM_MAX];
	size_t		 i, k;

	for (i = 0; i < 256; i++) {
		k = norm_cp((uint32_t)(0x600 + i), out);
		arabic_map[i] = k == 0 ? 0 : k == 1 && out[0] != ' ' &&
		    out[0] < NORM_SLOW && out[0] != 0 ? (uint16_t)out[0] :
		    NORM_SLOW;
	}
}

static const uint16_t *
arabic_norm(void)
{
	pthread_once(&arabic_once, arabic_norm_make);
	return arabic_map;
}

/* Room for one more character (at most 4 bytes) and the NUL, after the
 * space a run of white space left pending, if any text came before. */
static inline void
norm_put_space(struct buf *b, int *space)
{
	if (b->len + 6 > b->cap)
		buf_grow(b, 5);
	if (*space && b->len > 0)
		b->data[b->len++] = ' ';
	*space = 0;
}

char *
match_normalize_utf8(const char *str)
{
	const unsigned char	*s = (const unsigned char *)str;
	struct buf		 b = { 0 };
	uint32_t		 out[NORM_MAX], cp;
	size_t			 n = strlen(str), i = 0, j, k;
	int			 space = 0;
	unsigned char		 c;
	const uint16_t		*arabic = arabic_norm();

	buf_grow(&b, n + 1);
	while (i < n) {
		c = s[i];
		/* Fast paths: ASCII, and the two-byte letters of the Arabic
		 * block through arabic_norm(); neither grows the text. */
		if (c < 0x80) {
			i++;
			if (c == ' ' || (c >= '\t' && c <= '\r')) {
				space = 1;
				continue;
			}
			norm_put_space(&b, &space);
			b.data[b.len++] = (char)(c >= 'A' && c <= 'Z' ?
			    c + 32 : c);
			continue;
		}
		if ((c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) &&
		    (s[i + 1] & 0xC0) == 0x80) {
			cp = ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
			j = arabic[cp - 0x600];
			if (j != NORM_SLOW) {
				i += 2;
				if (j == 0)	/* harakat, tatweel: dropped */
					continue;
				norm_put_space(&b, &space);
				if (j == cp) {
					b.data[b.len++] = (char)c;
					b.data[b.len++] = (char)s[i - 1];
				} else
					b.len += utf8_encode((uint32_t)j,
					    b.data + b.len);
				continue;
			}
		}
		i += utf8_decode(str + i, n - i, &cp);
		k = norm_cp(cp, out);
		for (j = 0; j < k; j++) {
			if (out[j] == ' ') {
				space = 1;
				continue;
			}
			norm_put_space(&b, &space);
			b.len += utf8_encode(out[j], b.data + b.len);
		}
	}
	b.data[b.len] = '\0';
	return b.data;
}

struct matcher *
matcher_create(void)
{
	return xcalloc(1, sizeof(struct matcher));
}

void
matcher_free(struct matcher *m)
{
	size_t	i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++) {
		if (m->v[i].kind == MATCH_REGEX)
			regfree(&m->v[i].re);
		free(m->v[i].cps);
	}
	free(m->v);
	if (m->loc != (locale_t)0)
		freelocale(m->loc);
	free(m);
}

size_t
matcher_count(const struct matcher *m)
{
	return m == NULL ? 0 : m->n;
}

/*
 * Regexes work on UTF-8 whatever the program's locale is: LC_CTYPE is
 * switched for this thread around regcomp() and regexec().
 */
static locale_t
match_locale_enter(const struct matcher *m)
{
	if (m->loc == (locale_t)0)
		return (locale_t)0;
	return uselocale(m->loc);
}

static void
match_locale_leave(const struct matcher *m, locale_t old)
{
	if (m->loc != (locale_t)0)
		uselocale(old);
}

/* Compile the regex between the slashes; ASCII is kept as written (so
 * escapes and classes work), everything else is normalised. */
/*
 * glibc's regcomp() copies the automaton for every repetition: "a+++..."
 * (25 '+') or "a{1,32767}" take gigabytes. Refuse a repetition operator
 * right after another, and bounds whose maxima multiply to more than
 * REGEX_MAX_COPIES. Returns NULL, or why not.
 */
#define REGEX_MAX_COPIES	1024
static const char *
match_regex_costly(const char *re)
{
	unsigned long	 product = 1, v;
	const char	*p = re;
	int		 rep = 0;
	char		*end;

	while (*p != '\0') {
		if (*p == '\\' && p[1] != '\0') {
			p += 2;
			rep = 0;
		} else if (*p == '[') {
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p != '\0' && *p != ']')
				p++;
			if (*p == ']')
				p++;
			rep = 0;
		} else if (*p == '*' || *p == '+' || *p == '?' || *p == '{') {
			if (rep)
				return "a repetition right after another";
			rep = 1;
			if (*p++ != '{')
				continue;
			/* {m}, {m,n}: n copies; {m,}: m copies and a star */
			v = strtoul(p, &end, 10);
			if (*end == ',' && isdigit((unsigned char)end[1]))
				v = strtoul(end + 1, &end, 10);
			if (v > 255 || (product *= v > 0 ? v : 1) >
			    REGEX_MAX_COPIES)
				return "repetition bounds too large";
			p = end;
		} else {
			p++;
			rep = 0;
		}
	}
	return NULL;
}

static int
match_add_regex(struct matcher *m, struct keyword *k, const char *s,
    size_t n, char **cause)
{
	struct buf	 b = { 0 };
	uint32_t	 cp, out[NORM_MAX];
	size_t		 used, i, j, len;
	char		 enc[4], msg[256];
	const char	*why;
	locale_t	 old;
	int		 rc;

	if (m->loc == (locale_t)0 &&
	    (m->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0)) ==
	    (locale_t)0)
		m->loc = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
	buf_puts(&b, "");
	for (i = 0; i < n; i += used) {
		used = utf8_decode(s + i, n - i, &cp);
		if (cp < 0x80) {
			buf_putc(&b, (int)cp);
			continue;
		}
		len = norm_cp(cp, out);
		for (j = 0; j < len; j++)
			buf_add(&b, enc, utf8_encode(out[j], enc));
	}
	if ((why = match_regex_costly(b.data)) != NULL) {
		*cause = xstrdup(why);
		buf_free(&b);
		return -1;
	}
	old = match_locale_enter(m);
	rc = regcomp(&k->re, b.data, REG_EXTENDED | REG_ICASE);
	if (rc != 0) {
		regerror(rc, &k->re, msg, sizeof msg);
		*cause = xstrdup(msg);
	}
	match_locale_leave(m, old);
	buf_free(&b);
	return rc == 0 ? 0 : -1;
}

/* Normalise a WORD keyword: trimmed, one space between words. */
static int
match_add_word(struct keyword *k, const char *s, size_t n, char **cause)
{
	struct norm	nt;

	memset(&nt, 0, sizeof nt);
	k->cps = utf8_to_cps(s, n, &k->len);
	norm_text(k->cps, k->len, &nt);
	free(k->cps);
	free(nt.src);
	k->cps = nt.cp;
	k->len = nt.n;
	while (k->len > 0 && k->cps[k->len - 1] == ' ')
		k->len--;
	if (k->len > 0 && k->cps[0] == ' ')
		memmove(k->cps, k->cps + 1, --k->len * sizeof *k->cps);
	if (k->len == 0) {
		free(k->cps);
		*cause = xstrdup("empty keyword");
		return -1;
	}
	k->article = k->len > 2 && k->cps[0] == ALEF && k->cps[1] == LAM;
	return 0;
}

int
matcher_add(struct matcher *m, const char *word, char **cause)
{
	struct keyword	k;
	size_t		n = strlen(word);
	int		rc;
	char		*ignored = NULL;

	/* A caller that does not want the reason may pass NULL. */
	if (cause == NULL)
		cause = &ignored;
	memset(&k, 0, sizeof k);
	while (n > 0 && (*word == ' ' || *word == '\t')) {
		word++;
		n--;
	}
	while (n > 0 && (word[n - 1] == ' ' || word[n - 1] == '\t'))
		n--;
	if (n >= 3 && word[0] == '/' && word[n - 1] == '/') {
		k.kind = MATCH_REGEX;
		rc = match_add_regex(m, &k, word + 1, n - 2, cause);
	} else {
		if (n >= 2 && word[0] == '=') {
			k.kind = MATCH_EXACT;
			word++;
			n--;
		}
		rc = match_add_word(&k, word, n, cause);
	}
	free(ignored);
	if (rc == -1)
		return -1;
	m->v = xreallocarray(m->v, m->n + 1, sizeof *m->v);
	m->v[m->n++] = k;
	return 0;
}

/* Add stream range [a, b) of nt as a hit on text[0..len). */
static void
hits_add(struct hits *h, const struct norm *nt, size_t a, size_t b,
    const uint32_t *text, size_t len)
{
	size_t	end = nt->src[b - 1] + 1;

	while (end < len && norm_is_mark(text[end]))
		end++;		/* harakat after the last letter */
	if (h->n == h->cap) {
		h->cap = h->cap < 16 ? 16 : h->cap * 2;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	h->v[h->n].start = nt->src[a];
	h->v[h->n++].end = end;
}

/* Is c[0..n) (1 <= n) one of norm_proclitics? They are: an optional
 * و or ف, then nothing (after و, ف), ب, ك, ل, ال, لل, بال or كال. */
static int
proclitic_plain(const uint32_t *c, size_t n)
{
	if (c[0] == WAW || c[0] == FEH) {
		if (n == 1)
			return 1;
		c++;
		n--;
	}
	switch (n) {
	case 1:
		return c[0] == BEH || c[0] == KAF || c[0] == LAM;
	case 2:
		return (c[0] == ALEF || c[0] == LAM) && c[1] == LAM;
	case 3:
		return (c[0] == BEH || c[0] == KAF) && c[1] == ALEF &&
		    c[2] == LAM;
	default:
		return 0;
	}
}

/* Is stream cp[ws..p) a proclitic? With contracted, only لل, ولل, فلل
 * (a ل before the article, whose alef is gone). */
static int
match_proclitic(const uint32_t *cp, size_t ws, size_t p, int contracted)
{
	size_t	n = p - ws;

	if (n == 0 || n > 4)
		return 0;
	if (contracted)
		return n >= 2 && cp[p - 1] == LAM && cp[p - 2] == LAM &&
		    (n == 2 || (n == 3 && (cp[ws] == WAW || cp[ws] == FEH)));
	return proclitic_plain(cp + ws, n);
}

/* May a keyword (whose first cp is first) start at stream position p?
 * With bare, it is an article keyword without its ال after لل. */
static int
match_start_ok(const struct norm *nt, size_t p, uint32_t first,
    enum match_kind kind, int bare)
{
	size_t	ws;

	if (!norm_is_word(first))
		return 1;
	if (p == 0 || !norm_is_word(nt->cp[p - 1]))
		return !bare;
	if (kind == MATCH_EXACT)
		return 0;
	for (ws = p; ws > 0 && p - ws <= 4 && norm_is_word(nt->cp[ws - 1]);
	    ws--)
		;
	if (ws > 0 && norm_is_word(nt->cp[ws - 1]))
		return 0;
	return match_proclitic(nt->cp, ws, p, bare);
}

/* Does kw[0..n) match the stream at p, with its word rules? */
static int
match_at(const struct norm *nt, size_t p, const uint32_t *kw, size_t n,
    enum match_kind kind, int bare)
{
	if (p + n > nt->n || nt->cp[p] != kw[0] ||
	    memcmp(nt->cp + p, kw, n * sizeof *kw) != 0)
		return 0;
	if (!match_start_ok(nt, p, kw[0], kind, bare))
		return 0;
	if (kind == MATCH_EXACT && p + n < nt->n && norm_is_word(kw[n - 1]) &&
	    norm_is_word(nt->cp[p + n]))
		return 0;
	return 1;
}

static void
match_words(const struct keyword *k, const struct norm *nt,
    const uint32_t *text, size_t len, struct hits *h)
{
	size_t	p;

	for (p = 0; p < nt->n; p++) {
		if (nt->cp[p] != k->cps[0] &&
		    (!k->article || nt->cp[p] != k->cps[2]))
			continue;
		if (match_at(nt, p, k->cps, k->len, k->kind, 0)) {
			hits_add(h, nt, p, p + k->len, text, len);
			p += k->len - 1;
		} else if (k->article && k->kind == MATCH_PREFIX &&
		    match_at(nt, p, k->cps + 2, k->len - 2, k->kind, 1)) {
			hits_add(h, nt, p, p + k->len - 2, text, len);
			p += k->len - 3;
		} else
			continue;
		if (h->first)
			return;
	}
}

/* The normalised code point that starts at byte off of nt->utf8, or the
 * first one after it. */
static size_t
match_cp_at(const struct norm *nt, size_t off)
{
	size_t	lo = 0, hi = nt->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (nt->off[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
match_regex(const struct matcher *m, const struct keyword *k,
    const struct norm *nt, const uint32_t *text, size_t len,
    struct hits *h)
{
	regmatch_t	pm;
	size_t		base = 0, a, b, total = nt->off[nt->n];
	int		flags = 0;
	locale_t	old;

	old = match_locale_enter(m);
	while (base <= total && regexec(&k->re, nt->utf8 + base, 1, &pm,
	    flags) == 0) {
		a = match_cp_at(nt, base + (size_t)pm.rm_so);
		b = match_cp_at(nt, base + (size_t)pm.rm_eo);
		flags = REG_NOTBOL;
		if (b <= a) {
			/* Empty match: go on from the next code point. */
			if (a >= nt->n)
				break;
			base = nt->off[a + 1];
			continue;
		}
		hits_add(h, nt, a, b, text, len);
		base = nt->off[b];
		if (h->first)
			break;
	}
	match_locale_leave(m, old);
}

static int
hit_cmp(const void *a, const void *b)
{
	const struct match_hit	*x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return 0;
}

/* Every hit of every keyword, sorted, overlaps merged. Caller frees
 * h->v. */
static void
match_collect(const struct matcher *m, const uint32_t *text, size_t len,
    struct hits *h)
{
	struct norm	nt;
	size_t		i, j;
	int		regex = 0;

	if (m == NULL || m->n == 0 || len == 0)
		return;
	memset(&nt, 0, sizeof nt);
	norm_text(text, len, &nt);
	for (i = 0; i < m->n && !(h->first && h->n > 0); i++) {
		if (m->v[i].kind != MATCH_REGEX) {
			match_words(&m->v[i], &nt, text, len, h);
			continue;
		}
		if (!regex++)
			norm_utf8(&nt);
		match_regex(m, &m->v[i], &nt, text, len, h);
	}
	norm_free(&nt);
	if (h->n < 2)
		return;
	qsort(h->v, h->n, sizeof *h->v, hit_cmp);
	for (i = 1, j = 0; i < h->n; i++) {
		if (h->v[i].start < h->v[j].end) {
			if (h->v[i].end > h->v[j].end)
				h->v[j].end = h->v[i].end;
		} else
			h->v[++j] = h->v[i];
	}
	h->n = j + 1;
}

size_t
matcher_mark(const struct matcher *m, const uint32_t *text, size_t len,
    uint16_t *attrs, uint16_t attr)
{
	struct hits	h;
	size_t		i, j;

	memset(&h, 0, sizeof h);
	match_collect(m, text, len, &h);
	for (i = 0; i < h.n; i++)
		for (j = h.v[i].start; j < h.v[i].end; j++)
			attrs[j] |= attr;
	free(h.v);
	return h.n;
}

size_t
matcher_find(const struct matcher *m, const uint32_t *text, size_t len,
    struct match_hit *hits, size_t max)
{
	struct hits	h;

	memset(&h, 0, sizeof h);
	match_collect(m, text, len, &h);
	if (max > h.n)
		max = h.n;
	if (max > 0)
		memcpy(hits, h.v, max * sizeof *hits);
	free(h.v);
	return h.n;
}

int
matcher_test(const struct matcher *m, const char *s)
{
	struct hits	 h;
	uint32_t	*text;
	size_t		 len;

	if (m == NULL || m->n == 0)
		return 0;
	memset(&h, 0, sizeof h);
	h.first = 1;
	text = utf8_to_cps(s, strlen(s), &len);
	match_collect(m, text, len, &h);
	free(text);
	free(h.v);
	return h.n > 0;
}

int
match_is_word(uint32_t cp)
{
	return norm_is_word(cp);
}

unsigned
match_clitic_cuts(const uint32_t *w, size_t n)
{
	unsigned	cuts = 0;
	size_t		p;

	/* Most words start with no proclitic letter at all. */
	if (n < 2 || (w[0] != WAW && w[0] != FEH && w[0] != BEH &&
	    w[0] != KAF && w[0] != LAM && w[0] != ALEF))
		return 0;
	for (p = 1; p <= 4 && p < n; p++) {
		if (match_proclitic(w, 0, p, 0))
			cuts |= 1u << (2 * (p - 1));
		if (match_proclitic(w, 0, p, 1) && n - p + 2 <= 64)
			cuts |= 2u << (2 * (p - 1));
	}
	return cuts;
}

void
match_clitic_forms(const uint32_t *w, size_t n,
    void (*cb)(const uint32_t *form, size_t len, void *arg), void *arg)
{
	uint32_t	form[64];
	size_t		p;
	unsigned	cuts = match_clitic_cuts(w, n);

	for (p = 1; cuts != 0; p++, cuts >>= 2) {
		if (cuts & 1)
			cb(w + p, n - p, arg);
		/* ل + الرئيس is written للرئيس: the keyword الرئيس is
		 * found there as ال + the rest. */
		if (cuts & 2) {
			form[0] = ALEF;
			form[1] = LAM;
			memcpy(form + 2, w + p, (n - p) * sizeof *w);
			cb(form, n - p + 2, arg);
		}
	}
}
