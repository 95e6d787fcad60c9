/*
 * rules.h - `ignore` rules: which articles every list hides. A rule is
 * the words after `ignore` on a config line:
 *
 *	ignore [feed=URL] [tag=TAG] [field=title|author|body|any] PATTERN
 *
 * PATTERN is one keyword of the highlighting matcher (match.h: WORD, also
 * after Arabic proclitics; =WORD exact; "a phrase"; /REGEX/). feed= and
 * tag= scope the rule (both given: both must hold); field= says where
 * to look (default any: title, author or body). No curses; only
 * rules_refilter() touches the store.
 */
#ifndef AKHBAR_RULES_H
#define AKHBAR_RULES_H

#include <stddef.h>

enum rules_field { RULES_ANY, RULES_TITLE, RULES_AUTHOR, RULES_BODY };

struct matcher;

struct rule {
	char		*feed;		/* URL, or NULL: every feed */
	char		*tag;		/* or NULL: any */
	enum rules_field field;
	char		*pattern;
	struct matcher	*m;
};

struct rules {
	struct rule	*v;
	size_t		 n;
};

/* What a rule looks at; strings may be NULL. body_html: body is HTML,
 * whose markup is not matched. */
struct rules_article {
	const char	*feed_url;
	char *const	*tags;
	size_t		 ntags;
	const char	*title;
	const char	*author;
	const char	*body;
	int		 body_html;
};

/*
 * Add the rule of words w[0..n) (the words after `ignore`). Returns 0,
 * or -1 and *cause (caller frees) naming what is wrong.
 */
int	 rules_add(struct rules *r, char **w, int n, char **cause);
/* Free every rule and zero r. */
void	 rules_free(struct rules *r);
/* Non-zero when some rule hides article a. */
int	 rules_match(const struct rules *r, const struct rules_article *a);
/*
 * A short text that changes when the rules do (for the store to know
 * when to look at every article again); "" for no rules. Caller frees.
 */
char	*rules_fingerprint(const struct rules *r);
/*
 * The config line (without newline) for a rule hiding articles whose
 * field (RULES_TITLE or RULES_AUTHOR) is exactly text: `ignore
 * field=title "=..."`-style, quoted and escaped. NULL when text has no
 * letters or digits to match. Caller frees.
 */
char	*rules_line_for(enum rules_field field, const char *text);

struct store;
struct urls;
/*
 * Bring the store's hidden articles up to date with r (tags from u, which
 * may be NULL): every article when the rules changed since the store was
 * last filtered, else those with an id above from_id (-1: none) and
 * those that updates through st changed (a title may match now, or no
 * longer). *changed
 * (may be NULL) gets how many articles were hidden or shown again.
 * Returns 0, or -1 and *cause.
 */
int	 rules_refilter(struct store *st, const struct rules *r,
	    const struct urls *u, int64_t from_id, int64_t *changed,
	    char **cause);
/*
 * Rules r->v[first..] were just added to r: hide what they match (what
 * the others hide stays hidden), without looking at every rule again,
 * and record r's fingerprint. *hidden gets how many. Returns 0, or -1
 * and *cause.
 */
int	 rules_hide_added(struct store *st, const struct rules *r,
	    size_t first, const struct urls *u, int64_t *hidden,
	    char **cause);

#endif
