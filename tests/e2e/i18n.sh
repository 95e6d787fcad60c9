#!/bin/sh
# i18n.sh: the interface in Arabic, Persian, Hebrew and English, the
# real binary in tmux at 100x24 (list 40 columns, reader 59). For each
# LANG: the list names, status line, header labels and help translated;
# in the right-to-left languages the list on the right (layout-direction
# auto), the status line's message on the right and its hints on the
# left, the help's keys on the right; dates in the locale's calendar
# with its digits (ICU's output for the fixed dates below, in UTC), and
# as the config sets them. Expected right-to-left text is made visual by
# fribidi(1), not by akhbar. A locale that is not installed (make deps
# generates them) is skipped.
. "$TOP/tests/lib.sh"

SOCK=akhbar-i18n-$$
W=$TMP/i18n
rm -rf "$W"
mkdir -p "$W/home" "$W/config/akhbar" "$W/data"
. "$TOP/tests/tmux.sh"

# Two articles of a Gulf news site: 1 Ramadan 1445 (2024-03-11) and
# Nowruz, 1 Farvardin 1403 (2024-03-20).
cat > "$W/feed.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>أخبار الخليج</title>
    <link>https://news.example.net/</link>
    <description>آخر الأخبار</description>
    <item>
      <title>هلال رمضان يُرى في مكة والصيام يبدأ الاثنين</title>
      <link>https://news.example.net/ramadan</link>
      <author>سارة العتيبي</author>
      <pubDate>Mon, 11 Mar 2024 09:00:00 GMT</pubDate>
      <description>أعلنت المحكمة العليا أن هلال شهر رمضان رُئي مساء الأحد، وأن الاثنين أول أيام الصيام.</description>
    </item>
    <item>
      <title>Nowruz: markets busy before the new year</title>
      <link>https://news.example.net/nowruz</link>
      <author>Leila Ahmadi</author>
      <pubDate>Wed, 20 Mar 2024 08:00:00 GMT</pubDate>
      <description>Shoppers filled the bazaars of Tehran on the eve of the Persian new year.</description>
    </item>
  </channel>
</rss>
XML
echo "$W/feed.xml" > "$W/urls"
"$AKHBAR" -u "$W/urls" -c "$W/db" --refresh >/dev/null 2>&1
check "store built from the local feed" \
    test "$(sqlite3 "$W/db" 'SELECT count(*) FROM articles')" -eq 2
printf 'mark-read-delay never\n' > "$W/config/akhbar/config"

# vis TEXT: TEXT as a right-to-left line shows it (reordered by
# fribidi; the comparisons below undo shaping on both sides, NFKC).
vis() { printf '%s\n' "$1" | fribidi --nopad --rtl; }
cat > "$W/find.py" <<'PY'
# find.py SCREEN TEXT col|row: where TEXT starts on the screen, letters
# compared without their shaped (presentation) forms; -1 when absent.
import sys, unicodedata
def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
def norm(s):
    out, cols, c = [], [], 0
    for ch in s:
        # fribidi keeps a ligature's length with U+FEFF: no letter.
        for n in unicodedata.normalize("NFKC", ch):
            if unicodedata.category(n) == "Cf":
                continue
            out.append(n)
            cols.append(c)
        c += width(ch)
    return "".join(out), cols
want = norm(sys.argv[2])[0]
for y, l in enumerate(open(sys.argv[1], encoding="utf-8").read().split("\n")):
    t, cols = norm(l)
    i = t.find(want)
    if i >= 0:
        print(cols[i] if sys.argv[3] == "col" else y)
        break
else:
    print(-1)
PY
colrow() { cap > "$W/screen.txt"; python3 "$W/find.py" "$W/screen.txt" "$1" "$2"; }
col() { colrow "$1" col; }
row() { colrow "$1" row; }
# seen TEXT: poll until TEXT shows (5 s at most).
seen() {
	_n=0
	while [ $_n -lt 25 ]; do
		[ "$(col "$1")" -ge 0 ] && return 0
		sleep 0.2
		_n=$((_n + 1))
	done
	return 1
}
# at_least N TEXT / below N TEXT: TEXT shows from column N on / before N.
at_least() { c=$(col "$2"); [ "$c" -ge "$1" ]; }
below() { c=$(col "$2"); [ "$c" -ge 0 ] && [ "$c" -lt "$1" ]; }
# left_of A B: A starts left of B.
left_of() { a=$(col "$1"); b=$(col "$2"); [ "$a" -ge 0 ] && [ "$a" -lt "$b" ]; }
# on_status TEXT: TEXT is on the last line (the status line).
on_status() { [ "$(row "$1")" -eq 23 ]; }

no_indic() { ! cap | grep -qE '٠|١|٢|٣|٤|٥|٦|٧|٨|٩'; }

has_locale() {
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/' |
	    grep -qx "$(echo "$1" | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')"
}

ENV0="HOME=$W/home XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data TZ=UTC LC_ALL= LANGUAGE= TERM=xterm-256color"
ST="-o -u $W/urls -c $W/db"

# run_rtl LANG ALL STATUS FEEDLABEL DATEWORD DATENUM HELPTEXT UNREAD
# POSITION: the checks of one right-to-left language.
run_rtl() {
	l=$1
	if ! has_locale "$l"; then
		echo "ok - $l # SKIP locale not installed (make deps)"
		return
	fi
	ENVS="$ENV0 LANG=$l"
	start 100 24 $ST
	check "$l: the list names translated" seen "$(vis "$2")"
	check "$l: the list on the right (layout-direction auto)" \
	    at_least 60 "$(vis "$8")"
	check "$l: status hints translated, on the left of the status line" \
	    below 20 "$(vis "$3")"
	check "$l: the hints are on the status line" on_status "$(vis "$3")"
	check "$l: the position in the locale's digits ($9)" on_status "$9"
	keys Enter
	keys Enter
	check "$l: header label translated" seen "$(vis "$4")"
	check "$l: header label right-aligned in the reader pane" \
	    at_least 45 "$(vis "$4")"
	check "$l: the date's month in the locale's calendar" \
	    seen "$(vis "$5")"
	check "$l: the date's year in the locale's digits" wait_for "$6"
	keys '?'
	check "$l: help descriptions translated" seen "$(vis "$7")"
	check "$l: help keys on the right" at_least 90 "Q ^C"
	check "$l: help description left of the action's name" \
	    left_of "$(vis "$7")" "hard-quit"
	check "$l: the action's name left of its keys" \
	    left_of "hard-quit" "Q ^C"
	keys q
	keys Q
}

# Arabic (Saudi Arabia): Umm al-Qura calendar, Arabic-Indic digits;
# the newest article is of 10 Ramadan 1445.
run_rtl ar_SA.UTF-8 "كل المقالات" "?:مساعدة q:خروج" "المصدر:" "رمضان" \
    "١٤٤٥" "الخروج فورًا" "غير المقروءة" "١/٤"
# Persian (Iran): the Solar Hijri calendar, Persian digits; Nowruz.
run_rtl fa_IR.UTF-8 "همهٔ مقاله‌ها" "?:راهنما q:خروج" "خوراک:" "فروردین" \
    "۱۴۰۳" "خروج فوری" "خوانده‌نشده‌ها" "۱/۴"
# Hebrew: Gregorian, Latin digits, Hebrew month names.
run_rtl he_IL.UTF-8 "כל הכתבות" "?:עזרה q:יציאה" "ערוץ:" "במרץ" "2024" \
    "יציאה מיידית" "לא נקראו" "1/4"

# ---- Arabic with the config's calendar and digits ----
if has_locale ar_SA.UTF-8; then
	ENVS="$ENV0 LANG=ar_SA.UTF-8"
	printf 'mark-read-delay never\ndate-calendar gregorian\ndigits latin\n' \
	    > "$W/config/akhbar/config"
	start 100 24 $ST
	seen "$(vis "كل المقالات")"
	check "ar: digits latin: the position in Latin digits" on_status "1/4"
	keys Enter
	keys Enter
	check "ar: date-calendar gregorian: the month is March" \
	    seen "$(vis "مارس")"
	check "ar: digits latin: 20 March 2024 at 08:00" \
	    wait_for "08:00"
	check "ar: digits latin: the year 2024" wait_for "2024"
	check "ar: no Arabic-Indic digit on the screen" no_indic
	keys Q
	# layout-direction ltr wins over the language.
	printf 'mark-read-delay never\nlayout-direction ltr\n' \
	    > "$W/config/akhbar/config"
	start 100 24 $ST
	seen "$(vis "كل المقالات")"
	check "ar: layout-direction ltr: the list on the left" \
	    below 40 "$(vis "غير المقروءة")"
	keys Q
	# A prompt: the label on the right, the cursor after the typed text
	# (on its left in a right-to-left line).
	printf 'mark-read-delay never\n' > "$W/config/akhbar/config"
	start 100 24 $ST
	seen "$(vis "كل المقالات")"
	keys H
	$TM send-keys 'abc'
	sleep 0.3
	check "ar: the highlight prompt translated, on the right" \
	    at_least 85 "$(vis "تمييز: abc")"
	# "abc :ﺰﻴﻴﻤﺗ" on columns 90-99: the next Latin letter takes c's
	# cell (the line grows to the left).
	cx=$($TM display -p '#{cursor_x}')
	check "ar: the prompt's cursor where the next letter goes ($cx)" \
	    test "$cx" -eq 92
	keys Escape
	# A message with a Latin word: a right-to-left line, the word in
	# its own order on the left of the Arabic, the whole on the right.
	keys H
	$TM send-keys 'BBC' Enter
	sleep 0.3
	check "ar: status message with a Latin word, in bidi order" \
	    seen "$(vis "يجري تمييز BBC")"
	check "ar: the message right-aligned on the status line" \
	    at_least 80 "$(vis "يجري تمييز BBC")"
	check "ar: the message is on the status line" \
	    on_status "$(vis "يجري تمييز BBC")"
	keys Q
fi

# ---- C.UTF-8: English, left to right, ISO dates as before ----
printf 'mark-read-delay never\n' > "$W/config/akhbar/config"
ENVS="$ENV0 LANG=C.UTF-8"
start 100 24 $ST
check "C: the list names in English" wait_for "All articles"
check "C: the list on the left" below 20 "Unread"
check "C: status hints on the right" at_least 80 "?:help q:quit"
keys Enter
keys Enter
check "C: header labels in English" wait_for "Feed: "
check "C: ISO date in the header" wait_for "Date: 2024-03-20 08:00"
keys '?'
check "C: help in English, keys on the left" below 5 "Q ^C"
keys q
keys Q

# ---- LANGUAGE under C.UTF-8 (gettext reads it): Hebrew, mirrored ----
ENVS="$ENV0 LANG=C.UTF-8 LANGUAGE=he"
start 100 24 $ST
check "LANGUAGE=he: Hebrew list names" seen "$(vis "לא נקראו")"
check "LANGUAGE=he: the list on the right" at_least 60 "$(vis "לא נקראו")"
keys Q

# ---- an Arabic locale that is not installed: English, not mirrored ----
if ! has_locale ar_YE.UTF-8; then
	ENVS="$ENV0 LANG=ar_YE.UTF-8"
	start 100 24 $ST
	check "ar_YE not installed: English, as the messages are" \
	    wait_for "Unread"
	check "ar_YE not installed: the list on the left" below 20 "Unread"
	keys Q
fi

# ---- the first run and --help in Arabic ----
if has_locale ar_SA.UTF-8; then
	ENVS="$ENV0 LANG=ar_SA.UTF-8"
	start 100 24 -o -u "$W/none/urls" -c "$W/new.db"
	check "ar: the first-run page translated" \
	    seen "$(vis "لا مصادر أخبار بعد")"
	check "ar: the first-run page right-aligned" \
	    at_least 30 "$(vis "لا مصادر أخبار بعد")"
	keys Q
	# a path inside an Arabic sentence keeps its leading '/' (isolated
	# left to right: without, it read "tmp/ak.x/urls/"); a short one,
	# so that it fits a line whatever the checkout's path
	S=$(mktemp -d /tmp/ak.XXXXXX)
	start 100 24 -o -u "$S/urls" -c "$W/new.db"
	check "ar: the urls file's path reads left to right" seen "$S/urls"
	keys Q
	rm -rf "$S"
	env $ENV0 LANG=ar_SA.UTF-8 "$AKHBAR" --help > "$W/help.ar"
	check "ar: --help translated" grep -q '^الاستخدام: akhbar' "$W/help.ar"
	check "ar: --help keeps the options Latin" \
	    grep -q '^  -o, --offline       القارئ' "$W/help.ar"
fi

# ---- command-line errors and reports in the interface language ----
# Exit status and stream as in English; the sentence translated, its
# option names and the user's words kept as typed. C.UTF-8 (no LANGUAGE)
# stays the English msgid, byte for byte.
# cli VAR=VALUE... -- ARGS: akhbar's stdout, stderr and status in $W/cli.*
cli() {
	e=""
	while [ "$1" != "--" ]; do e="$e $1"; shift; done
	shift
	env $ENV0 $e "$AKHBAR" "$@" >"$W/cli.out" 2>"$W/cli.err"
	echo $? >"$W/cli.rc"
}
cli LANG=C.UTF-8 -- --theme nosuch
check "C: --theme nosuch in English, exit 2" test "$(cat "$W/cli.rc")" = 2 -a \
    "$(cat "$W/cli.err")" = \
    "akhbar: theme 'nosuch' not found (see akhbar --help)"
cli LANG=C.UTF-8 -- --bogus-option
check "C: a bad option in English" test \
    "$(cat "$W/cli.err")" = \
    "akhbar: unknown option '--bogus-option' (see akhbar --help)"
cli LANG=C.UTF-8 LANGUAGE=fa -- --theme nosuch
check "fa: --theme nosuch in Persian, exit 2" test "$(cat "$W/cli.rc")" = 2 -a \
    "$(cat "$W/cli.err")" = \
    "akhbar: پوستهٔ 'nosuch' پیدا نشد (راهنما: akhbar --help)"
cli LANG=C.UTF-8 LANGUAGE=he -- --search
check "he: --search without its value in Hebrew, exit 2" \
    test "$(cat "$W/cli.rc")" = 2 -a "$(cat "$W/cli.err")" = \
    "akhbar: --search: האפשרות --search דורשת ערך (ראו akhbar --help)"
if has_locale ar_SA.UTF-8; then
	cli LANG=ar_SA.UTF-8 -- --theme nosuch
	check "ar: --theme nosuch in Arabic, exit 2" \
	    test "$(cat "$W/cli.rc")" = 2 -a "$(cat "$W/cli.err")" = \
	    "akhbar: لم يُعثر على السمة 'nosuch' (انظر akhbar --help)"
	cli LANG=ar_SA.UTF-8 -- --bogus-option
	check "ar: a bad option in Arabic" test "$(cat "$W/cli.err")" = \
	    "akhbar: خيار غير معروف '--bogus-option' (انظر akhbar --help)"
	cli LANG=ar_SA.UTF-8 -- -r -o
	check "ar: -r with -o in Arabic" grep -qF \
	    "لا يمكن الجمع بين الخيار -r (التحديث عند البدء) والخيار -o" \
	    "$W/cli.err"
	cli LANG=ar_SA.UTF-8 -- --unread-count -c "$W/nosuch.db"
	check "ar: a missing store in Arabic, exit 1" \
	    test "$(cat "$W/cli.rc")" = 1 -a "$(cat "$W/cli.err")" = \
	    "akhbar: $W/nosuch.db: لا يوجد مخزن بعد (شغّل akhbar --refresh)"
	# ngettext: Arabic's own form for zero
	cli LANG=ar_SA.UTF-8 -- --export "$W/export" -c "$W/db"
	check "ar: --export's count in Arabic (the zero form)" \
	    test "$(cat "$W/cli.out")" = \
	    "0 مقالة محفوظة: كُتب منها 0، و0 بلا تغيير"
fi
cli LANG=C.UTF-8 -- --export "$W/export" -c "$W/db"
check "C: --export's count in English" test "$(cat "$W/cli.out")" = \
    "0 saved articles: 0 written, 0 unchanged"
# --refresh's report lines (stderr not a terminal: one line a feed)
cli LANG=C.UTF-8 LANGUAGE=he -- -u "$W/urls" -c "$W/he.db" --refresh
check "he: --refresh's line in Hebrew" test "$(cat "$W/cli.err")" = \
    "הצליח 2 חדשות: أخبار الخليج"
cli LANG=C.UTF-8 -- -u "$W/urls" -c "$W/en.db" --refresh
check "C: --refresh's line in English" test "$(cat "$W/cli.err")" = \
    "ok 2 new: أخبار الخليج"
