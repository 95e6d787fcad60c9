/*
 * cmd_feed.c - `akhbar --feed-tsv FILE|-`: parse one feed document in
 * 64 KB chunks and print its items in sfeed(5)'s TSV format, one item a
 * line: timestamp, title, link, content, content-type, id, author,
 * enclosure, categories. As sfeed does, the content field has '\\', TAB
 * and newline escaped as \\, \t and \n, the other fields have whitespace
 * turned into spaces, and control characters are removed. On top of that
 * every field goes through utf8_sanitize(), so no escape sequence from a
 * feed reaches a terminal that shows the output.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "cmds.h"
#include "feed.h"
#include "utf8.h"
#include "util.h"

#define FEED_TSV_CHUNK	(64 * 1024)

struct feed_tsv {
	FILE	*out;
	int	 write_error;
};

/*
 * Non-zero when s (n bytes) is valid UTF-8 that utf8_sanitize() would
 * leave unchanged. A byte-level check that errs on the side of "no": C0
 * and C1 controls, DEL, soft hyphen, ALM, the U+200B-U+200F, U+2028-U+202E
 * and U+2060-U+206F format and bidi characters, U+FEFF, U+FDD0-U+FDEF,
 * U+FFF9-U+FFFF, plane 14 and anything malformed send the text to the
 * sanitizer. This keeps the common case (Arabic, Latin) free of copying.
 */
static int
feed_tsv_clean(const unsigned char *s, size_t n)
{
	size_t		i = 0;
	uint64_t	w;
	unsigned char	c, c1, c2;

	while (i < n) {
		/* Eight ASCII bytes at a time: no high bit, none < 0x20,
		 * no DEL. */
		while (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) != 0 ||
			    ((w - 0x2020202020202020ULL) & ~w &
			    0x8080808080808080ULL) != 0 ||
			    (((w ^ 0x7F7F7F7F7F7F7F7FULL) -
			    0x0101010101010101ULL) & ~(w ^
			    0x7F7F7F7F7F7F7F7FULL) & 0x8080808080808080ULL) != 0)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		c = s[i];
		if (c < 0x80) {
			if (c < 0x20 || c == 0x7F)
				return 0;
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
				return 0;
			c1 = s[i + 1];
			if ((c == 0xC2 && (c1 < 0xA0 || c1 == 0xAD)) ||
			    (c == 0xD8 && c1 == 0x9C))
				return 0;
			i += 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			if (i + 2 >= n || (s[i + 1] & 0xC0) != 0x80 ||
			    (s[i + 2] & 0xC0) != 0x80)
				return 0;
			c1 = s[i + 1];
			c2 = s[i + 2];
			if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F))
				return 0;	/* overlong, surrogate */
			if (c == 0xE2 && ((c1 == 0x80 && ((c2 >= 0x8B &&
			    c2 <= 0x8F) || (c2 >= 0xA8 && c2 <= 0xAE))) ||
			    (c1 == 0x81 && c2 >= 0xA0)))
				return 0;
			if (c == 0xEF && ((c1 == 0xBB && c2 == 0xBF) ||
			    (c1 == 0xBF && c2 >= 0xB9) ||
			    (c1 == 0xB7 && c2 >= 0x90 && c2 <= 0xAF)))
				return 0;
			i += 3;
		} else if (c >= 0xF0 && c <= 0xF4) {
			if (i + 3 >= n || (s[i + 1] & 0xC0) != 0x80 ||
			    (s[i + 2] & 0xC0) != 0x80 ||
			    (s[i + 3] & 0xC0) != 0x80)
				return 0;
			c1 = s[i + 1];
			if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F) ||
			    (c == 0xF3 && c1 == 0xA0) ||
			    (s[i + 2] == 0xBF && s[i + 3] >= 0xBE))
				return 0;
			i += 4;
		} else
			return 0;
	}
	return 1;
}

/* Write s (n bytes), through the sanitizer unless it is clean. */
static void
feed_tsv_segment(FILE *out, const char *s, size_t n)
{
	char	*clean;

	if (n == 0)
		return;
	if (feed_tsv_clean((const unsigned char *)s, n)) {
		fwrite(s, 1, n, out);
		return;
	}
	clean = utf8_sanitize(s, n, 0);
	fputs(clean, out);
	free(clean);
}

/*
 * One field. encoded: the content field (escape \\, \t, \n; drop other
 * controls); else whitespace becomes ' '. ZWNJ and ZWJ are kept: Persian
 * and Arabic spelling needs them, and the sanitizer would drop them.
 */
static void
feed_tsv_field(FILE *out, const char *s, int encoded)
{
	static const char	space[] = " \t\n\v\f\r";
	size_t			 n, i, start;
	const char		*rep;
	unsigned char		 c;

	if (s == NULL)
		return;
	while (*s != '\0' && strchr(space, *s) != NULL)
		s++;
	n = strlen(s);
	while (n > 0 && strchr(space, s[n - 1]) != NULL)
		n--;
	for (i = start = 0; i < n; i++) {
		i += strcspn(s + i, encoded ? "\\\n\t\xE2" : "\t\n\v\f\r\xE2");
		if (i >= n)
			break;
		c = (unsigned char)s[i];
		rep = NULL;
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80
		    && ((unsigned char)s[i + 2] == 0x8C ||
		    (unsigned char)s[i + 2] == 0x8D)) {
			feed_tsv_segment(out, s + start, i - start);
			fwrite(s + i, 1, 3, out);
			i += 2;
			start = i + 1;
			continue;
		}
		if (encoded) {
			if (c == '\\')
				rep = "\\\\";
			else if (c == '\n')
				rep = "\\n";
			else if (c == '\t')
				rep = "\\t";
		} else if (c == ' ')
			continue;
		else if (c < 0x20 && strchr(space, c) != NULL)
			rep = " ";
		if (rep == NULL)
			continue;
		feed_tsv_segment(out, s + start, i - start);
		fputs(rep, out);
		start = i + 1;
	}
	feed_tsv_segment(out, s + start, n - start);
}

static int
feed_tsv_item(const struct feed_item *item, void *arg)
{
	struct feed_tsv	*t = arg;
	FILE		*out = t->out;

	if (item->date != 0)
		fprintf(out, "%" PRId64, item->date);
	putc('\t', out);
	feed_tsv_field(out, item->title, 0);
	putc('\t', out);
	feed_tsv_field(out, item->link, 0);
	putc('\t', out);
	feed_tsv_field(out, item->content, 1);
	putc('\t', out);
	if (item->content != NULL)
		fputs(item->content_html ? "html" : "plain", out);
	putc('\t', out);
	feed_tsv_field(out, item->id, 0);
	putc('\t', out);
	feed_tsv_field(out, item->author, 0);
	putc('\t', out);
	feed_tsv_field(out, item->enclosure, 0);
	putc('\t', out);
	feed_tsv_field(out, item->categories, 0);
	putc('\n', out);
	if (ferror(out)) {
		t->write_error = 1;
		return 1;
	}
	return 0;
}

/* Feed the file to the parser in chunks. Returns -1 with *cause. */
static int
feed_tsv_read(int fd, struct feed_parser *p, char **cause)
{
	char	*chunk;
	ssize_t	 n;
	int	 r = 0;

	chunk = xmalloc(FEED_TSV_CHUNK);
	for (;;) {
		n = read(fd, chunk, FEED_TSV_CHUNK);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*cause = xstrdup(strerror(errno));
			r = -1;
			break;
		}
		if (n == 0)
			break;
		if ((r = feed_parser_push(p, chunk, (size_t)n, cause)) == -1)
			break;
	}
	free(chunk);
	if (r == 0)
		r = feed_parser_finish(p, NULL, cause);
	return r;
}

int
cmd_feed_tsv(int argc, char **argv)
{
	static const struct option	 opts[] = {
		{ "feed-tsv", optional_argument, NULL, 'F' },
		{ "base-url", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct feed_tsv			 t = { stdout, 0 };
	struct feed_parser		*p;
	const char			*path = NULL, *base = NULL;
	char				*cause = NULL;
	int				 c, fd, r;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":b:", opts, NULL)) != -1) {
		switch (c) {
		case 'F':
			path = optarg;
			break;
		case 'b':
			base = optarg;
			break;
		default:
			return cmd_option_error(c, "--feed-tsv", argv);
		}
	}
	if (path == NULL && optind < argc)
		path = argv[optind++];
	if (path == NULL)
		return cmd_usage_error(_("--feed-tsv needs a FILE or -"));
	if (optind < argc)
		return cmd_usage_error(_("--feed-tsv: unexpected argument %s"),
		    argv[optind]);

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) == -1) {
		cmd_warn("%s: %s", path, strerror(errno));
		return 1;
	}
	setvbuf(stdout, NULL, _IOFBF, FEED_TSV_CHUNK);
	p = feed_parser_create(base, feed_tsv_item, &t);
	r = feed_tsv_read(fd, p, &cause);
	feed_parser_free(p);
	if (fd != STDIN_FILENO)
		close(fd);
	if (cmd_stdout_check() != 0) {
		free(cause);
		return 1;
	}
	if (r == -1) {
		cmd_warn("%s: %s", path, cause);
		free(cause);
		return 1;
	}
	return 0;
}
