/*
 * cmd.c - the glue of the command-line modes, written once (see cmd.h):
 * messages on stderr, the stdout check, option numbers, the TSV line of
 * --list and --search, and the reader's options. Everything it prints
 * from outside the program goes through utf8_sanitize().
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "store.h"
#include "theme.h"
#include "utf8.h"
#include "util.h"

int
cmd_usage_error(const char *fmt, ...)
{
	va_list	 ap;
	char	*line;

	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	/* One sentence to translate: the hint's place is the language's. */
	fputs("akhbar: ", stderr);
	fprintf(stderr, _("%s (see akhbar --help)"), line);
	fputc('\n', stderr);
	free(line);
	return 2;
}

char *
cmd_vclean(const char *fmt, va_list ap)
{
	char	*line, *clean;

	line = xvasprintf(fmt, ap);
	clean = utf8_sanitize(line, strlen(line), UTF8_FOLD_SPACE);
	free(line);
	return clean;
}

void
cmd_warn(const char *fmt, ...)
{
	va_list	 ap;
	char	*clean;

	va_start(ap, fmt);
	clean = cmd_vclean(fmt, ap);
	va_end(ap);
	fprintf(stderr, "akhbar: %s\n", clean);
	free(clean);
}

int
cmd_stdout_check(void)
{
	int	err = 0;

	if (fflush(stdout) == EOF)
		err = errno;
	else if (!ferror(stdout))
		return 0;
	if (err != 0)
		fprintf(stderr, "akhbar: %s: %s\n",
		    _("write error on standard output"), strerror(err));
	else
		fprintf(stderr, "akhbar: %s\n",
		    _("write error on standard output"));
	return 1;
}

int
cmd_option_error(int c, const char *mode, char **argv)
{
	const char	*opt = argv[optind - 1];

	/* Whole sentences, with and without the mode, for translators. */
	if (c == ':' && mode != NULL)
		return cmd_usage_error(_("%s: option %s needs a value"), mode,
		    opt);
	if (c == ':')
		return cmd_usage_error(_("option %s needs a value"), opt);
	if (mode != NULL)
		return cmd_usage_error(_("%s: unknown option '%s'"), mode,
		    opt);
	return cmd_usage_error(_("unknown option '%s'"), opt);
}

int
cmd_number(const char *option, const char *s, long long lo, long long hi,
    long long *v)
{
	if (util_parse_number(s, lo, hi, v) == 0)
		return 0;
	return cmd_usage_error(_("bad %s '%s': want a number from %lld "
	    "to %lld"),
	    option, s, lo, hi);
}

struct store *
cmd_store_open(const char *path)
{
	struct store	*st;
	char		*cause = NULL;

	if (access(path, F_OK) != 0) {
		cmd_warn(_("%s: no store yet (run akhbar --refresh)"), path);
		return NULL;
	}
	if ((st = store_open(path, &cause)) == NULL) {
		cmd_warn("%s", cause);
		free(cause);
	}
	return st;
}

/* ---- the TSV line of --list and --search ---- */

/*
 * Non-zero when s is already what utf8_sanitize() would make of it (valid
 * UTF-8, every character printable): then it is written as it is, which
 * spares a copy per field on long lists.
 */
static int
list_clean(const char *s, size_t n)
{
	uint32_t	cp;
	size_t		i = 0, k;

	while (i < n) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (!utf8_is_printable(cp) || (cp == UTF8_REPLACEMENT &&
		    (k != 3 || memcmp(s + i, "\xef\xbf\xbd", 3) != 0)))
			return 0;
		i += k;
	}
	return 1;
}

static void
list_field(FILE *out, const char *s, int last)
{
	char	*clean;
	size_t	 n;

	if (s != NULL) {
		n = strlen(s);
		if (list_clean(s, n))
			fwrite_unlocked(s, 1, n, out);
		else {
			clean = utf8_sanitize(s, n, 1);
			fputs(clean, out);
			free(clean);
		}
	}
	putc_unlocked(last ? '\n' : '\t', out);
}

/* Write v (0 <= v < 10^width) as width decimal digits. */
static void
put_digits(char *out, int v, int width)
{
	while (width-- > 0) {
		out[width] = '0' + v % 10;
		v /= 10;
	}
}

/* "YYYY-MM-DD HH:MM" in UTC; 17 bytes with the NUL. */
static void
list_date(int64_t when, char *out)
{
	time_t		t = (time_t)when;
	struct tm	tm;

	if (gmtime_r(&t, &tm) == NULL || tm.tm_year + 1900 > 9999 ||
	    tm.tm_year + 1900 < 0) {
		memcpy(out, "0000-00-00 00:00", 17);
		return;
	}
	put_digits(out, tm.tm_year + 1900, 4);
	out[4] = '-';
	put_digits(out + 5, tm.tm_mon + 1, 2);
	out[7] = '-';
	put_digits(out + 8, tm.tm_mday, 2);
	out[10] = ' ';
	put_digits(out + 11, tm.tm_hour, 2);
	out[13] = ':';
	put_digits(out + 14, tm.tm_min, 2);
	out[16] = '\0';
}

int
cmd_list_article(const struct store_article *a, void *arg)
{
	struct cmd_list	*l = arg;
	char		 date[32];

	list_date(a->date, date);
	date[16] = '\t';
	fwrite_unlocked(date, 1, 17, l->out);
	list_field(l->out, a->feed_title, 0);
	list_field(l->out, a->title, 0);
	list_field(l->out, a->link, 1);
	if (ferror(l->out)) {
		l->error = 1;
		return 1;
	}
	l->count++;
	return 0;
}

/* ---- the reader's options ---- */

int
cmd_theme_check(const char *name)
{
	if (theme_exists(name))
		return 0;
	return cmd_usage_error(_("theme '%s' not found"), name);
}

/* One option of the reader. Returns 0, or 2 for a usage error. */
static int
reader_option(struct cmd_reader_args *a, int c, char **argv)
{
	switch (c) {
	case 'C':
		a->config = optarg;
		return 0;
	case 'c':
		a->cache = optarg;
		return 0;
	case 'u':
		a->urls = optarg;
		return 0;
	case 'r':
		a->refresh = 1;
		return 0;
	case 'o':
		a->offline = 1;
		return 0;
	case 'T':
		a->theme = optarg;
		return cmd_theme_check(optarg);
	case 'H':
		a->highlight = xreallocarray(a->highlight, a->nhighlight + 1,
		    sizeof *a->highlight);
		a->highlight[a->nhighlight++] = optarg;
		return 0;
	default:
		return cmd_option_error(c, NULL, argv);
	}
}

int
cmd_reader_parse(int argc, char **argv, struct cmd_reader_args *a)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'C' },
		{ "cache", required_argument, NULL, 'c' },
		{ "urls", required_argument, NULL, 'u' },
		{ "offline", no_argument, NULL, 'o' },
		{ "theme", required_argument, NULL, 'T' },
		{ "highlight", required_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 }
	};
	int	c, rc = 0;

	memset(a, 0, sizeof *a);
	opterr = 0;
	optind = 1;
	while (rc == 0 && (c = getopt_long(argc, argv, ":C:c:u:ro", longopts,
	    NULL)) != -1)
		rc = reader_option(a, c, argv);
	if (rc == 0 && a->refresh && a->offline)
		rc = cmd_usage_error(_("-r (refresh at start) and -o (never "
		    "touch the network) cannot be used together"));
	if (rc != 0) {
		cmd_reader_args_free(a);
		return rc;
	}
	a->first_path = optind;
	return 0;
}

void
cmd_reader_args_free(struct cmd_reader_args *a)
{
	free(a->highlight);
	a->highlight = NULL;
	a->nhighlight = 0;
}
