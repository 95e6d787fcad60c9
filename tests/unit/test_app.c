/* test_app.c - the reader's view state without a terminal: geometry,
 * selection, scrolling bounds, focus, keys and the config file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "app.h"
#include "config.h"
#include "theme.h"

static void
test_geometry(void **state)
{
	struct app	a;

	app_init(&a, 120, 40, 100, 0);
	assert_true(a.geom.side);
	assert_int_equal(a.geom.list.x, 0);
	assert_int_equal(a.geom.list.w, 48);
	assert_int_equal(a.geom.border.x, 48);
	assert_int_equal(a.geom.reader.x, 49);
	assert_int_equal(a.geom.reader.w, 71);
	assert_int_equal(a.geom.reader.h, 39);
	assert_int_equal(a.geom.status.y, 39);
	/* Narrow: stacked, the reader under the list, full width. */
	app_resize(&a, 80, 24);
	assert_false(a.geom.side);
	assert_int_equal(a.geom.list.h, 8);
	assert_int_equal(a.geom.border.y, 8);
	assert_int_equal(a.geom.reader.y, 9);
	assert_int_equal(a.geom.reader.h, 14);
	assert_int_equal(a.geom.reader.w, 80);
	/* Forced side by side, then zoom. */
	a.split = SPLIT_SIDE;
	app_layout(&a);
	assert_true(a.geom.side);
	a.zoom = 1;
	app_layout(&a);
	assert_int_equal(a.geom.list.h, 0);
	assert_int_equal(a.geom.reader.w, 80);
	assert_int_equal(a.geom.reader.h, 23);
}

static void
test_mirror(void **state)
{
	struct app	a;

	app_init(&a, 120, 40, 100, 1);
	assert_int_equal(a.geom.reader.x, 0);
	assert_int_equal(a.geom.reader.w, 71);
	assert_int_equal(a.geom.border.x, 71);
	assert_int_equal(a.geom.list.x, 72);
	assert_int_equal(a.geom.list.w, 48);
	assert_int_equal(app_focus_left(&a), FOCUS_READER);
}

static void
test_tiny(void **state)
{
	struct app	a;

	app_init(&a, 1, 1, 100, 0);
	assert_int_equal(a.geom.reader.h, 0);
	assert_int_equal(a.geom.status.h, 1);
	app_list_set(&a, 10, 3);
	assert_true(app_list_move(&a, 1));
	app_resize(&a, 0, 0);
	assert_int_equal(a.cols, 1);
}

static void
test_selection(void **state)
{
	struct app	a;

	app_init(&a, 80, 24, 100, 0);	/* list of 8 rows */
	app_list_set(&a, 0, 5);
	assert_int_equal(a.list.sel, 0);
	assert_false(app_list_move(&a, 1));
	app_list_set(&a, 20, 0);
	assert_false(app_list_move(&a, -1));
	assert_true(app_list_move(&a, 1));
	assert_int_equal(a.list.sel, 1);
	assert_int_equal(a.list.top, 0);
	app_list_move(&a, 8);
	assert_int_equal(a.list.sel, 9);
	assert_int_equal(a.list.top, 2);	/* selection on the last row */
	app_list_move(&a, 1000);
	assert_int_equal(a.list.sel, 19);
	assert_int_equal(a.list.top, 12);
	app_list_move(&a, -1000);
	assert_int_equal(a.list.sel, 0);
	assert_int_equal(a.list.top, 0);
	/* A shorter list keeps the selection in range. */
	app_list_select(&a, 19);
	app_list_set(&a, 5, a.list.sel);
	assert_int_equal(a.list.sel, 4);
	assert_int_equal(a.list.top, 0);
	/* A taller screen pulls the window back. */
	app_list_set(&a, 20, 19);
	app_resize(&a, 80, 60);
	assert_int_equal(a.list.top, 0);
}

static void
test_scroll(void **state)
{
	struct app	a;

	app_init(&a, 80, 24, 100, 0);	/* reader of 14 rows */
	app_reader_set(&a, 10);
	assert_int_equal(app_reader_max_top(&a), 0);
	assert_int_equal(app_reader_scroll(&a, 1), 0);
	app_reader_set(&a, 100);
	assert_int_equal(app_reader_max_top(&a), 86);
	assert_int_equal(app_reader_scroll(&a, 1), 1);
	assert_int_equal(app_reader_scroll(&a, -5), -1);
	assert_int_equal(app_reader_scroll(&a, 14), 14);
	assert_int_equal(app_reader_scroll(&a, 1000), 72);
	assert_int_equal(a.reader.top, 86);
	app_reader_goto(&a, (size_t)-1);
	assert_int_equal(a.reader.top, 86);
	/* A taller screen clamps the top. */
	app_resize(&a, 80, 60);
	assert_int_equal(a.reader.top, app_reader_max_top(&a));
	app_reader_goto(&a, 0);
	assert_int_equal(a.reader.top, 0);
}

static void
test_focus_count(void **state)
{
	struct app	a;

	app_init(&a, 120, 40, 100, 0);
	assert_int_equal(a.focus, FOCUS_LIST);
	app_focus_set(&a, FOCUS_READER);
	assert_int_equal(a.focus, FOCUS_READER);
	a.zoom = 1;
	app_focus_set(&a, FOCUS_LIST);
	assert_int_equal(a.focus, FOCUS_READER);
	assert_int_equal(app_count_take(&a, 7), 7);
	assert_false(app_count_key(&a, '0'));	/* 0 alone is a key */
	assert_true(app_count_key(&a, '1'));
	assert_true(app_count_key(&a, '0'));
	assert_false(app_count_key(&a, 'j'));
	assert_int_equal(app_count_take(&a, 1), 10);
	assert_int_equal(app_count_take(&a, 1), 1);
}

static void
test_keys(void **state)
{
	struct app_keys	k = { 0 };
	char		name[32];
	static const struct {
		const char	*name;
		int		 key;
	} names[] = {
		{ "j", 'j' }, { "^L", 12 }, { "C-l", 12 }, { "TAB", '\t' },
		{ "ENTER", '\r' }, { "SPACE", ' ' }, { "PGDN", KEY_APP_PGDN },
		{ "pageup", KEY_APP_PGUP }, { "F1", KEY_APP_F1 },
		{ "ق", 0x0642 }, { "^?", 0x7f }, { "", -1 }, { "jj", -1 },
		{ "^", '^' }, { "\xff", -1 }, { "C-1", -1 },
	};
	size_t		i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		assert_int_equal(app_key_parse(names[i].name), names[i].key);
	app_key_name(12, name, sizeof name);
	assert_string_equal(name, "^L");
	app_key_name(KEY_APP_PGDN, name, sizeof name);
	assert_string_equal(name, "PGDN");
	app_keys_default(&k);
	assert_int_equal(app_keys_lookup(&k, 'j'), ACT_DOWN);
	assert_int_equal(app_keys_lookup(&k, 'q'), ACT_QUIT);
	assert_int_equal(app_keys_lookup(&k, ' '), ACT_PAGE_DOWN);
	assert_int_equal(app_keys_lookup(&k, 'G'), ACT_BOTTOM);
	assert_int_equal(app_keys_lookup(&k, '/'), ACT_SEARCH);
	assert_int_equal(app_keys_lookup(&k, 12), ACT_REDRAW);
	assert_int_equal(app_keys_lookup(&k, '\t'), ACT_FOCUS_NEXT);
	assert_int_equal(app_keys_lookup(&k, 'X'), ACT_NONE);
	/* newsboat's p, U after A, M for the message log. */
	assert_int_equal(app_keys_lookup(&k, 'p'), ACT_PREV_UNREAD);
	assert_int_equal(app_keys_lookup(&k, 'U'), ACT_UNDO_MARK);
	assert_int_equal(app_keys_lookup(&k, 'M'), ACT_MESSAGES);
	assert_int_equal(app_action_find("undo-mark-read"), ACT_UNDO_MARK);
	assert_int_equal(app_action_find("messages"), ACT_MESSAGES);
	app_keys_bind(&k, 'j', ACT_UP);
	assert_int_equal(app_keys_lookup(&k, 'j'), ACT_UP);
	app_keys_bind(&k, 'j', ACT_NONE);
	assert_int_equal(app_keys_lookup(&k, 'j'), ACT_NONE);
	assert_int_equal(app_action_find("open-in-browser"), ACT_BROWSER);
	assert_int_equal(app_action_find("nope"), ACT_NONE);
	assert_string_equal(app_action_name(ACT_PAGE_DOWN), "page-down");
	app_keys_free(&k);
}

static void
test_config(void **state)
{
	struct config	c;
	size_t		bad;

	config_init(&c);
	assert_int_equal(c.bidi, BIDI_MODE_APP);
	assert_int_equal(c.mark_read_delay, 1500);
	bad = config_parse(&c,
	    "# comment\n"
	    "bind J down\n"
	    "bind x frobnicate\n"
	    "theme solarized-dark\n"
	    "layout-direction rtl\n"
	    "split-threshold 90\n"
	    "mark-read-delay 0.5\n"
	    "bidi terminal\n"
	    "refresh-interval 30\n"
	    "highlight \"بيروت\" gaza  # two words\n"
	    "max-connections 4\n"
	    "save-dir ~/saved\n"
	    "colour list red\n"
	    "split-threshold wide\n"
	    "bidi sometimes\n"
	    "highlight \"open\n"
	    "bind\n", "cfg");
	assert_int_equal(bad, 6);
	assert_int_equal(c.nerrors, 6);
	assert_string_equal(c.errors[0], "cfg:3: unknown action 'frobnicate'");
	assert_string_equal(c.errors[1], "cfg:13: unknown word 'colour'");
	assert_non_null(strstr(c.errors[2], "cfg:14: bad number 'wide'"));
	assert_non_null(strstr(c.errors[3], "cfg:15: bad bidi mode 'sometimes'"));
	assert_string_equal(c.errors[4], "cfg:16: unterminated quote");
	assert_non_null(strstr(c.errors[5], "cfg:17: expected: bind"));
	assert_int_equal(app_keys_lookup(&c.keys, 'J'), ACT_DOWN);
	assert_int_equal(app_keys_lookup(&c.keys, 'x'), ACT_NONE);
	assert_string_equal(c.theme, "solarized-dark");
	assert_int_equal(c.layout_dir, LAYOUT_RTL);
	assert_int_equal(c.split_threshold, 90);
	assert_int_equal(c.mark_read_delay, 500);
	assert_int_equal(c.bidi, BIDI_MODE_TERMINAL);
	assert_int_equal(c.refresh_interval, 30);
	assert_int_equal(c.nhighlight, 2);
	assert_string_equal(c.highlight[0], "بيروت");
	assert_string_equal(c.highlight[1], "gaza");
	assert_int_equal(c.max_connections, 4);
	assert_string_equal(c.save_dir, "~/saved");
	config_parse(&c, "mark-read-delay never\n", "cfg2");
	assert_int_equal(c.mark_read_delay, -1);
	config_free(&c);
}

/* highlight WORD... -- FG [BG] [ATTR...]: a group with its own style;
 * without "--" the words take the theme's style. */
static void
test_config_highlight_groups(void **state)
{
	struct config	c;

	config_init(&c);
	assert_int_equal(config_parse(&c,
	    "highlight غزة \"بشار الأسد\" -- black yellow bold\n"
	    "highlight Reuters -- red\n"
	    "highlight plain\n"
	    "highlight x -- chartreuse\n"
	    "highlight -- red\n"
	    "highlight y --\n", "cfg"), 3);
	assert_int_equal(c.nhighlight, 1);
	assert_string_equal(c.highlight[0], "plain");
	assert_int_equal(c.nhlgroups, 2);
	assert_int_equal(c.hlgroups[0].nwords, 2);
	assert_string_equal(c.hlgroups[0].words[0], "غزة");
	assert_string_equal(c.hlgroups[0].words[1], "بشار الأسد");
	assert_int_equal(c.hlgroups[0].fg, 0);
	assert_int_equal(c.hlgroups[0].bg, 3);
	assert_int_equal(c.hlgroups[0].attrs, THEME_BOLD);
	assert_int_equal(c.hlgroups[1].fg, 1);
	assert_int_equal(c.hlgroups[1].bg, -1);
	assert_non_null(strstr(c.errors[0], "cfg:4: bad colour or attribute "
	    "'chartreuse'"));
	assert_non_null(strstr(c.errors[1], "cfg:5: expected: highlight"));
	assert_non_null(strstr(c.errors[2], "cfg:6: expected: highlight"));
	config_free(&c);
}

static void
test_config_file(void **state)
{
	struct config	c;

	config_init(&c);
	assert_int_equal(config_load(&c, "/nonexistent/akhbar.conf"), 1);
	assert_non_null(strstr(c.errors[0], "/nonexistent/akhbar.conf"));
	config_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry),
		cmocka_unit_test(test_mirror),
		cmocka_unit_test(test_tiny),
		cmocka_unit_test(test_selection),
		cmocka_unit_test(test_scroll),
		cmocka_unit_test(test_focus_count),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_config_file),
		cmocka_unit_test(test_config_highlight_groups),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
