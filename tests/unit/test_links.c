/* test_links.c - links, copying and programs without a terminal: the OSC
 * sequences (exact bytes, and nothing hostile in them), the keyboard
 * layout tables, argument vectors of programs (shell metacharacters stay
 * literal), the link screen, what y and Y copy, notifications and the
 * config options. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "util.h"
#include "config.h"
#include "keymap.h"
#include "osc.h"
#include "reader.h"

/* No byte of s is ESC, BEL, a C0 control other than \n, or a C1 control
 * (U+0080-U+009F, 0xc2 0x80-0x9f in UTF-8) between its first OSC
 * introducer and its ST. */
static void
assert_clean_payload(const char *s)
{
	size_t	i, n = strlen(s);

	assert_true(n >= 4);
	assert_memory_equal(s, "\033]", 2);
	assert_memory_equal(s + n - 2, "\033\\", 2);
	for (i = 2; i < n - 2; i++) {
		assert_true((unsigned char)s[i] >= 0x20 || s[i] == '\n');
		assert_true(s[i] != 0x7f);
		if ((unsigned char)s[i] == 0xc2)
			assert_false((unsigned char)s[i + 1] >= 0x80 &&
			    (unsigned char)s[i + 1] <= 0x9f);
	}
}

/* A tiny base64 decoder to look inside OSC 52. Caller frees. */
static char *
unbase64(const char *s, size_t *len)
{
	static const char	 tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	char			*out = xmalloc(strlen(s) + 1);
	unsigned		 v = 0;
	int			 bits = 0;
	size_t			 n = 0;
	const char		*p;

	for (; *s != '\0' && *s != '='; s++) {
		p = strchr(tab, *s);
		assert_non_null(p);
		v = v << 6 | (unsigned)(p - tab);
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[n++] = (char)(v >> bits & 0xff);
		}
	}
	out[n] = '\0';
	*len = n;
	return out;
}

static void
test_osc52(void **state)
{
	char	*s, *payload, *big;
	size_t	 len;
	int	 cut = -1;

	s = osc_52("ab c", &cut);
	assert_string_equal(s, "\033]52;c;YWIgYw==\033\\");
	assert_int_equal(cut, 0);
	free(s);
	/* Arabic and a newline survive, byte for byte. */
	s = osc_52("سلام عليكم\nسطر", NULL);
	assert_string_equal(s, "\033]52;c;2LPZhNin2YUg2LnZhNmK2YPZhQrYs9i32LE="
	    "\033\\");
	free(s);
	/* Hostile text: escapes, BEL, C1 ST (U+009C), a raw ESC \ (ST)
	 * are dropped before encoding, and of course never in clear. */
	s = osc_52("a\033]0;pwn\007b\xc2\x9c" "c\033\\d\x1b[2Je", NULL);
	assert_clean_payload(s);
	payload = xstrndup(s + 7, strlen(s) - 9);
	free(s);
	s = unbase64(payload, &len);
	assert_string_equal(s, "abcde");
	free(s);
	free(payload);
	/* Over the cap: cut on a character boundary and said. */
	big = xmalloc(OSC_52_MAX + 1001);
	memset(big, 'x', OSC_52_MAX - 1);
	memcpy(big + OSC_52_MAX - 1, "\xd8\xb3", 2);	/* across the cap */
	memset(big + OSC_52_MAX + 1, 'y', 999);
	big[OSC_52_MAX + 1000] = '\0';
	s = osc_52(big, &cut);
	assert_int_equal(cut, 1);
	payload = xstrndup(s + 7, strlen(s) - 9);
	free(s);
	s = unbase64(payload, &len);
	assert_int_equal(len, OSC_52_MAX - 1);
	assert_int_equal(s[len - 1], 'x');
	free(s);
	free(payload);
	free(big);
}

static void
test_osc8(void **state)
{
	char	*s;

	s = osc_8_open("https://ex.example/a?b=1&c=2", "akhbar-3");
	assert_string_equal(s, "\033]8;id=akhbar-3;https://ex.example/a?b=1&c="
	    "2\033\\");
	free(s);
	/* A space, ESC, BEL, Arabic and C1 are percent-encoded; the id
	 * keeps only safe characters. */
	s = osc_8_open("https://ex.example/س x\033\\\007\xc2\x9c", "a;b\033c");
	assert_string_equal(s, "\033]8;id=abc;https://ex.example/%D8%B3%20x"
	    "%1B\\%07%C2%9C\033\\");
	assert_clean_payload(s);
	free(s);
	s = osc_8_open("https://ex.example/", NULL);
	assert_string_equal(s, "\033]8;;https://ex.example/\033\\");
	free(s);
	assert_string_equal(osc_8_close(), "\033]8;;\033\\");
	/* hyperlinks auto: which terminals get them. */
	assert_true(osc_term_hyperlinks("xterm-256color", 0));
	assert_true(osc_term_hyperlinks("foot", 0));
	assert_true(osc_term_hyperlinks("tmux-256color", 1));
	assert_true(osc_term_hyperlinks("screen-256color", 1));
	assert_false(osc_term_hyperlinks("screen-256color", 0));
	assert_false(osc_term_hyperlinks("screen", 0));
	assert_false(osc_term_hyperlinks("linux", 0));
	assert_false(osc_term_hyperlinks("linux-16color", 1));
	assert_false(osc_term_hyperlinks("vt100", 0));
	assert_false(osc_term_hyperlinks("vt220", 0));
	assert_false(osc_term_hyperlinks("dumb", 0));
	assert_false(osc_term_hyperlinks(NULL, 0));
	assert_true(osc_term_hyperlinks("vt100x", 0));	/* not vt100 */
}

static void
test_osc_notify(void **state)
{
	char	*s;

	s = osc_9("3 new articles: الجزيرة, BBC");
	assert_string_equal(s, "\033]9;3 new articles: الجزيرة, BBC\033\\");
	free(s);
	/* A feed title trying to end the sequence and start its own. */
	s = osc_9("x\033\\\033]52;c;cm0gLXJmIH4=\007\n\xc2\x9dy");
	assert_clean_payload(s);
	assert_null(memchr(s + 1, '\033', strlen(s) - 3));
	assert_null(strchr(s, '\007'));
	free(s);
	s = osc_777("akh;bar\033]0;t\007", "2 new: هآرتس; ynet");
	assert_string_equal(s, "\033]777;notify;akh,bar;2 new: هآرتس; ynet"
	    "\033\\");
	assert_clean_payload(s);
	free(s);
}

/* The tables against the standard layouts (spot checks; the e2e test
 * regenerates the whole table from xkb-data and compares). */
static void
test_keymap(void **state)
{
	static const struct {
		enum keymap_layout	l;
		int			fa;
		uint32_t		cp;
		int			latin;
	} cases[] = {
		{ KEYMAP_ARABIC, 0, 0x062A, 'j' },	/* ت */
		{ KEYMAP_ARABIC, 0, 0x0646, 'k' },	/* ن */
		{ KEYMAP_ARABIC, 0, 0x0645, 'l' },	/* م */
		{ KEYMAP_ARABIC, 0, 0x0627, 'h' },	/* ا */
		{ KEYMAP_ARABIC, 0, 0x0642, 'r' },	/* ق */
		{ KEYMAP_ARABIC, 0, 0x061F, '?' },	/* ؟ */
		{ KEYMAP_ARABIC, 0, 0x0623, 'H' },	/* أ: Shift+h */
		{ KEYMAP_ARABIC, 0, 0x0638, '/' },	/* ظ */
		{ KEYMAP_PERSIAN, 0, 0x0638, 'z' },	/* ظ on Persian */
		{ KEYMAP_PERSIAN, 0, 0x06CC, 'd' },	/* ی */
		{ KEYMAP_PERSIAN, 0, 0x06A9, ';' },	/* ک */
		{ KEYMAP_PERSIAN, 0, 0x06AF, '\'' },	/* گ */
		{ KEYMAP_PERSIAN, 0, 0x067E, 'm' },	/* پ */
		{ KEYMAP_PERSIAN, 0, 0x06F3, '3' },	/* ۳ */
		{ KEYMAP_PERSIAN, 0, 0x0647, 'i' },	/* ه (Arabic_heh, an alias) */
		{ KEYMAP_HEBREW, 0, 0x05D9, 'h' },	/* י */
		{ KEYMAP_HEBREW, 0, 0x05D7, 'j' },	/* ח */
		{ KEYMAP_HEBREW, 0, 0x05DC, 'k' },	/* ל */
		{ KEYMAP_HEBREW, 0, 0x05DA, 'l' },	/* ך */
		{ KEYMAP_HEBREW, 0, 0x05E7, 'e' },	/* ק */
		{ KEYMAP_HEBREW, 0, 0x05D5, 'u' },	/* ו */
		/* auto: Arabic unless the locale is Persian; the other
		 * tables after the first. */
		{ KEYMAP_AUTO, 0, 0x0638, '/' },
		{ KEYMAP_AUTO, 1, 0x0638, 'z' },
		{ KEYMAP_AUTO, 0, 0x06CC, 'd' },	/* Persian-only */
		{ KEYMAP_AUTO, 0, 0x05DC, 'k' },	/* Hebrew */
		{ KEYMAP_ARABIC, 0, 0x05DC, 'k' },
		{ KEYMAP_AUTO, 0, 0x0663, '3' },	/* ٣ */
		{ KEYMAP_HEBREW, 0, 0x0660, '0' },	/* ٠ */
		{ KEYMAP_OFF, 0, 0x0663, 0 },
		{ KEYMAP_OFF, 0, 0x062A, 0 },
		{ KEYMAP_AUTO, 0, 'j', 0 },		/* ASCII: itself */
		{ KEYMAP_AUTO, 0, 0x4E2D, 0 },		/* 中: none */
	};
	const struct keymap_row	*t;
	size_t			 i, n;
	int			 l;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(keymap_latin(cases[i].l, cases[i].fa,
		    cases[i].cp), cases[i].latin);
	/* Bisection needs every table sorted, no duplicates. */
	for (l = KEYMAP_ARABIC; l <= KEYMAP_HEBREW; l++) {
		t = keymap_table(l, &n);
		assert_true(n > 25);
		for (i = 1; i < n; i++)
			assert_true(t[i - 1].cp < t[i].cp);
	}
	assert_int_equal(keymap_layout_find("persian"), KEYMAP_PERSIAN);
	assert_int_equal(keymap_layout_find("off"), KEYMAP_OFF);
	assert_int_equal(keymap_layout_find("azerty"), -1);
}

/* Each word stays one argument; metacharacters are only text. */
static void
test_exec_argv(void **state)
{
	char *tmpl[] = { "prog", "--url=%u", "%t", "%f", "%d", "100%%",
	    "%x", "tail%", NULL };
	const char *want[] = { "prog",
	    "--url=https://ex.example/?q=$(id)&a=`w`", "عنوان \"x\"; rm -rf ~",
	    "/tmp/a b.txt", "/tmp/d", "100%", "%x", "tail%", NULL };
	struct reader_exec_vars	 v;
	char			**argv;
	size_t			 i;

	v.url = "https://ex.example/?q=$(id)&a=`w`";
	v.title = "عنوان \"x\"; rm -rf ~";
	v.file = "/tmp/a b.txt";
	v.dump = "/tmp/d";
	argv = reader_exec_argv(tmpl, &v);
	for (i = 0; want[i] != NULL; i++)
		assert_string_equal(argv[i], want[i]);
	assert_null(argv[i]);
	reader_argv_free(argv);
	assert_true(reader_exec_uses(tmpl, 'f'));
	assert_true(reader_exec_uses(tmpl, 'd'));
	assert_false(reader_exec_uses(tmpl, 'q'));
}

/* The | prompt's line: quotes honoured, no shell. */
static void
test_split_argv(void **state)
{
	const char	*want[] = { "tee", "a b", "c \"d\"", "$(id)", ";", "`x`",
			    "it's", NULL };
	char		**argv;
	size_t		 i;

	argv = reader_split_argv("tee 'a b' \"c \\\"d\\\"\" $(id) ; `x` "
	    "it\\'s");
	assert_non_null(argv);
	for (i = 0; want[i] != NULL; i++)
		assert_string_equal(argv[i], want[i]);
	assert_null(argv[i]);
	reader_argv_free(argv);
	assert_null(reader_split_argv("less 'open"));
	assert_null(reader_split_argv("   "));
}

static char *
write_tmp(const char *name, const char *text)
{
	char	*path = xasprintf("%s/tests/tmp/%s", getenv("TOP") != NULL ?
		    getenv("TOP") : ".", name);
	FILE	*f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static const char article[] =
    "akhbar-article: 1\n"
    "Title: وزير: \"الأسعار $(ستنخفض)\" ; `قريبا`\n"
    "Date: 2024-05-06T07:15:00Z\n"
    "Link: https://news.example/a?q=$(touch x);y=`id`\n"
    "Content-Type: text/html; charset=utf-8\n"
    "\n"
    "<p>قال الوزير إن <a href=\"https://news.example/r\">التقرير "
    "الكامل</a> سينشر، وإن <a href=\"https://en.example/s?a=1&amp;b=2\">"
    "the <b>English</b> summary</a> متاح.</p>\n"
    "<p>الفقرة\x1b]0;x\x07 الثانية.</p>\n"
    "<p><img src=\"https://news.example/map.png\" alt=\"خريطة\"></p>\n";

static void
test_reader_links(void **state)
{
	struct reader	 r;
	char		*path, *paths[1], *s, *cause = NULL, *line, *end;

	path = write_tmp("test_links.txt", article);
	paths[0] = path;
	reader_init(&r);
	reader_open_files(&r, paths, 1);
	assert_int_equal(reader_start(&r, 120, 40, 0, &cause), 0);
	assert_non_null(r.doc);
	assert_int_equal(r.doc->nlinks, 3);
	s = reader_link_text(r.doc, 1);
	assert_string_equal(s, "التقرير الكامل");
	free(s);
	s = reader_link_text(r.doc, 2);
	assert_string_equal(s, "the English summary");
	free(s);
	/* An image's source is a link; its text is its [image: alt]. */
	s = reader_link_text(r.doc, 3);
	assert_string_equal(s, "[image: خريطة]");
	free(s);
	assert_string_equal(r.doc->links[2], "https://news.example/map.png");
	assert_null(reader_link_text(r.doc, 4));
	/* y, 2y, 3y. */
	s = reader_copy_link(&r, 0);
	assert_string_equal(s, "https://news.example/a?q=$(touch x);y=`id`");
	free(s);
	s = reader_copy_link(&r, 2);
	assert_string_equal(s, "https://en.example/s?a=1&b=2");
	free(s);
	assert_null(reader_copy_link(&r, 4));
	assert_string_equal(r.msg, "no link 4");
	/* Y: logical order, paragraphs, no escape of the feed. */
	s = reader_article_text(&r);
	assert_non_null(strstr(s, "وزير: \"الأسعار $(ستنخفض)\" ; `قريبا`\n"));
	assert_non_null(strstr(s, "\n\nقال الوزير إن التقرير الكامل[1] "
	    "سينشر، وإن the English summary[2] متاح.\n\nالفقرة"));
	assert_non_null(strstr(s, "\n\n[1] https://news.example/r\n[2] "
	    "https://en.example/s?a=1&b=2\n[3] https://news.example/map.png\n"));
	assert_null(strchr(s, '\033'));
	assert_null(strchr(s, '\007'));
	free(s);
	/* u: the link screen keeps the links; y works on them there. */
	assert_int_equal(reader_key(&r, 'u'), ACT_NONE);
	assert_int_equal(r.screen, SCREEN_LINKS);
	s = reader_pane_text(&r);
	assert_non_null(strstr(s, "https://news.example/r\n"));
	assert_non_null(strstr(s, "[2] the English summary\n"));
	assert_non_null(strstr(s, "https://news.example/map.png\n"));
	/* the image's entry is right to left for its Arabic alt: its
	 * number on the right, "image" inside */
	assert_non_null(line = strstr(s, "image]"));
	assert_non_null(end = strchr(line, '\n'));
	assert_memory_equal(end - 4, " [3]", 4);
	free(s);
	assert_int_equal(reader_key(&r, '2'), ACT_NONE);
	assert_int_equal(reader_key(&r, 'y'), ACT_COPY_LINK);
	assert_int_equal(reader_last_count(&r), 2);
	assert_int_equal(r.screen, SCREEN_LINKS);
	/* Enter without a number says how; with one, it opens. */
	assert_int_equal(reader_key(&r, APP_KEY_ENTER), ACT_NONE);
	assert_int_equal(r.screen, SCREEN_LINKS);
	assert_int_equal(reader_key(&r, '1'), ACT_NONE);
	assert_int_equal(reader_key(&r, APP_KEY_ENTER), ACT_BROWSER);
	assert_int_equal(reader_last_count(&r), 1);
	assert_int_equal(r.screen, SCREEN_LINKS);
	assert_string_equal(reader_link(&r, 1), "https://news.example/r");
	/* After the article's links, its own link. */
	s = reader_copy_link(&r, 4);
	assert_string_equal(s, "https://news.example/a?q=$(touch x);y=`id`");
	free(s);
	s = reader_pane_text(&r);
	assert_non_null(strstr(s, "[4] the article's own link\n"));
	free(s);
	reader_key(&r, 'q');
	assert_int_equal(r.screen, SCREEN_NONE);
	assert_int_equal(r.doc->nlinks, 3);
	/* Keys of other layouts: ؟ is ?, ו is u; a bound key wins. The
	 * help lists the programs bound and the layouts. */
	config_parse(&r.cfg, "bind e exec mpv --no-video %u\n", "cfg");
	assert_int_equal(reader_key(&r, 0x061F), ACT_NONE);
	assert_int_equal(r.screen, SCREEN_HELP);
	s = reader_pane_text(&r);
	assert_non_null(strstr(s, "\ne                exec mpv --no-video "
	    "%u\n"));
	assert_non_null(strstr(s, " j=\xef\xba\x95 k=\xef\xbb\xa5 "));
	assert_non_null(strstr(s, " j=ח k=ל "));
	free(s);
	reader_key(&r, 'q');
	assert_int_equal(reader_key(&r, 0x05D5), ACT_NONE);
	assert_int_equal(r.screen, SCREEN_LINKS);
	reader_key(&r, 'q');
	assert_int_equal(reader_key(&r, 0x06F2), ACT_NONE);	/* ۲ */
	assert_int_equal(reader_key(&r, 0x063A), ACT_COPY_LINK); /* غ: y */
	assert_int_equal(reader_last_count(&r), 2);
	app_keys_bind(&r.cfg.keys, 0x063A, ACT_HELP);
	assert_int_equal(reader_key(&r, 0x063A), ACT_NONE);
	assert_int_equal(r.screen, SCREEN_HELP);
	reader_key(&r, 'q');
	r.cfg.keyboard_layout = KEYMAP_OFF;
	assert_int_equal(reader_key(&r, 0x05D5), ACT_NONE);
	assert_int_equal(r.screen, SCREEN_NONE);
	assert_non_null(strstr(r.msg, "no action"));
	/* |: a prompt, its line handed to the terminal. */
	assert_int_equal(reader_key(&r, '|'), ACT_NONE);
	assert_true(r.prompting);
	reader_key(&r, 'w');
	reader_key(&r, 'c');
	assert_int_equal(reader_key(&r, APP_KEY_ENTER), ACT_PIPE);
	assert_string_equal(r.pipe_line, "wc");
	reader_free(&r);
	unlink(path);
	free(path);
}

/* A saved file's Enclosure line is part of the reader's header, under
 * the Link line; an escape sequence in it is dropped whole. */
static void
test_saved_enclosure(void **state)
{
	struct reader	 r;
	char		*path, *paths[1], *s, *cause = NULL;

	path = write_tmp("test_links_encl.txt",
	    "akhbar-article: 1\n"
	    "Title: \xd9\xbe\xd8\xa7\xd8\xaf\xda\xa9\xd8\xb3\xd8\xaa \xd8\xb4\xd9\x85\xd8\xa7\xd8\xb1\xd9\x87 \xdb\xb1\xdb\xb2\n"
	    "Date: 2024-05-06T07:15:00Z\n"
	    "Link: https://radio.example/ep12\n"
	    "Enclosure: https://radio.example/ep12.mp3 (audio/mpeg, "
	    "12.3 MB)\x1b[31m\n"
	    "Content-Type: text/plain; charset=utf-8\n"
	    "\n"
	    "\xd8\xa7\xdb\x8c\xd9\x86 \xd9\x82\xd8\xb3\xd9\x85\xd8\xaa \xd8\xaf\xd8\xb1\xd8\xa8\xd8\xa7\xd8\xb1\xd9\x87 \xd8\xa7\xd9\x82\xd8\xaa\xd8\xb5\xd8\xa7\xd8\xaf \xd8\xa7\xd8\xb3\xd8\xaa.\n");
	paths[0] = path;
	reader_init(&r);
	reader_open_files(&r, paths, 1);
	assert_int_equal(reader_start(&r, 120, 40, 0, &cause), 0);
	s = reader_pane_text(&r);
	assert_non_null(strstr(s, "\nLink: https://radio.example/ep12\n"
	    "Enclosure: https://radio.example/ep12.mp3 (audio/mpeg, "
	    "12.3 MB)\n"));
	assert_null(strchr(s, '\033'));
	free(s);
	reader_free(&r);
	unlink(path);
	free(path);
}

static void
test_notify_text(void **state)
{
	char *tmpl[] = { "notify-send", "akhbar", "%n new in %f", "%%n",
	    NULL };
	char	**argv, *s;

	s = reader_notify_text(3, "الجزيرة, BBC");
	assert_string_equal(s, "3 new articles: الجزيرة, BBC");
	free(s);
	s = reader_notify_text(1, "");
	assert_string_equal(s, "1 new article");
	free(s);
	argv = reader_notify_argv(tmpl, 12, "هآرتس; $(id)");
	assert_string_equal(argv[0], "notify-send");
	assert_string_equal(argv[1], "akhbar");
	assert_string_equal(argv[2], "12 new in هآرتس; $(id)");
	assert_string_equal(argv[3], "%n");
	assert_null(argv[4]);
	reader_argv_free(argv);
}

static void
test_config_links(void **state)
{
	struct config	 c;
	size_t		 arg = 99;

	config_init(&c);
	assert_int_equal(c.copy_method, COPY_OSC52);
	assert_int_equal(c.mouse, 1);
	assert_int_equal(c.notify, NOTIFY_OFF);
	assert_int_equal(config_parse(&c,
	    "copy-method command\n"
	    "copy-command xclip -selection clipboard\n"
	    "bind e exec \"/usr/bin/my tool\" --url %u %t\n"
	    "bind ^E exec mpv %u\n"
	    "mouse off\n"
	    "mouse-link copy\n"
	    "hyperlinks off\n"
	    "keyboard-layout persian\n"
	    "notify osc777\n"
	    "notify-command notify-send akhbar \"%n new\"\n"
	    "beep yes\n", "cfg"), 0);
	assert_int_equal(c.copy_method, COPY_COMMAND);
	assert_string_equal(c.copy_command[0], "xclip");
	assert_string_equal(c.copy_command[2], "clipboard");
	assert_null(c.copy_command[3]);
	assert_int_equal(c.nexecs, 2);
	assert_string_equal(c.execs[0][0], "/usr/bin/my tool");
	assert_string_equal(c.execs[0][3], "%t");
	assert_null(c.execs[0][4]);
	assert_int_equal(app_keys_lookup_arg(&c.keys, 'e', &arg), ACT_EXEC);
	assert_int_equal(arg, 0);
	assert_int_equal(app_keys_lookup_arg(&c.keys, 'E' & 0x1f, &arg),
	    ACT_EXEC);
	assert_int_equal(arg, 1);
	assert_int_equal(c.mouse, 0);
	assert_int_equal(c.mouse_link_copy, 1);
	assert_int_equal(c.hyperlinks, HYPERLINKS_OFF);
	assert_int_equal(c.keyboard_layout, KEYMAP_PERSIAN);
	assert_int_equal(c.notify, NOTIFY_OSC777);
	assert_string_equal(c.notify_command[2], "%n new");
	assert_int_equal(c.beep, 1);
	/* The defaults of the keys: y, Y, u links, m toggles unread. */
	assert_int_equal(app_keys_lookup(&c.keys, 'y'), ACT_COPY_LINK);
	assert_int_equal(app_keys_lookup(&c.keys, 'Y'), ACT_COPY_TEXT);
	assert_int_equal(app_keys_lookup(&c.keys, 'u'), ACT_LINKS);
	assert_int_equal(app_keys_lookup(&c.keys, 'm'), ACT_TOGGLE_UNREAD);
	assert_int_equal(app_keys_lookup(&c.keys, '|'), ACT_PIPE);
	/* Bad lines: file:line and what was wrong; the value is kept. */
	assert_int_equal(config_parse(&c,
	    "copy-method clipboard\n"
	    "bind x exec\n"
	    "mouse maybe\n"
	    "notify\n"
	    "keyboard-layout dvorak\n"
	    "copy-command\n", "cfg"), 6);
	assert_string_equal(c.errors[0], "cfg:1: bad value 'clipboard' (want "
	    "osc52|command|off)");
	assert_string_equal(c.errors[1], "cfg:2: expected: bind KEY exec "
	    "PROGRAM [ARGUMENT...]");
	assert_string_equal(c.errors[2], "cfg:3: bad value 'maybe' (want "
	    "off|on|no|yes)");
	assert_string_equal(c.errors[3], "cfg:4: expected: notify "
	    "off|osc9|osc777|command");
	assert_string_equal(c.errors[4], "cfg:5: bad value 'dvorak' (want "
	    "auto|arabic|persian|hebrew|off)");
	assert_string_equal(c.errors[5], "cfg:6: expected: copy-command "
	    "PROGRAM [ARGUMENT...]");
	assert_int_equal(c.copy_method, COPY_COMMAND);
	assert_int_equal(c.keyboard_layout, KEYMAP_PERSIAN);
	assert_int_equal(c.notify, NOTIFY_OSC777);
	config_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_osc52),
		cmocka_unit_test(test_osc8),
		cmocka_unit_test(test_osc_notify),
		cmocka_unit_test(test_keymap),
		cmocka_unit_test(test_exec_argv),
		cmocka_unit_test(test_split_argv),
		cmocka_unit_test(test_reader_links),
		cmocka_unit_test(test_saved_enclosure),
		cmocka_unit_test(test_notify_text),
		cmocka_unit_test(test_config_links),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
