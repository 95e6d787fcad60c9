#!/bin/sh
# End-to-end tests of links, copying and programs in the reader: y, 2y
# and Y through OSC 52 into tmux's paste buffer (set-clipboard on), the
# copy-command, the link screen (u), `bind KEY exec` and `|` (exact argv
# and input, shell metacharacters literal), a failing program's status,
# keys typed on Arabic, Persian and Hebrew layouts, the mouse (SGR
# sequences sent to the pane) and the keyboard tables against xkb-data.
. "$TOP/tests/lib.sh"

SOCK=akhbar-links-$$
W=$TMP/tui-links
rm -rf "$W"
mkdir -p "$W/home" "$W/config/akhbar" "$W/data" "$W/tmp"
CFG=$W/config/akhbar/config
OUT=$W/out
ENVS="HOME=$W/home XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data LANG=C.UTF-8 LC_ALL= TERM=xterm-256color TMPDIR=$W/tmp ARGV_OUT=$OUT"
ARGV_DUMP=$TOP/tests/tools/argv_dump.sh
. "$TOP/tests/tmux.sh"
printf 'set -g set-clipboard on\n' >> "$W/tmux.conf"

# status_has TEXT: the status line shows TEXT (polled for 5 s).
status_has() {
	_sh=0
	while [ $_sh -lt 50 ]; do
		cap | tail -1 | grep -qF -- "$1" && return 0
		sleep 0.1
		_sh=$((_sh + 1))
	done
	return 1
}
# buffer_is FILE: tmux's newest paste buffer equals the file exactly
# (polled for 5 s: a loaded machine may be slow to pass it on).
buffer_is() {
	_bi=0
	while [ $_bi -lt 50 ]; do
		$TM show-buffer > "$W/buffer" 2>/dev/null &&
		    cmp -s "$1" "$W/buffer" && return 0
		sleep 0.1
		_bi=$((_bi + 1))
	done
	return 1
}

# An article with shell metacharacters in its title and link, and an
# Arabic link text and URL.
ART=$W/art.txt
cat > "$ART" <<'ART'
akhbar-article: 1
Title: وزير الاقتصاد: "الأسعار $(ستنخفض)" ; `قريبا`
Feed: أخبار الاختبار
Date: 2024-05-06T07:15:00Z
Link: https://news.example/a?q=$(touch pwned);x=`id`&y='z'
Content-Type: text/html; charset=utf-8

<p>قال الوزير إن <a href="https://news.example/تقرير">التقرير الكامل</a> سينشر غدا، وإن <a href="https://en.example/report?a=1&amp;b=2">the English summary</a> متاح.</p>
<p>الفقرة الثانية عن الأسعار.</p>
ART
LINK='https://news.example/a?q=$(touch pwned);x=`id`&y='"'z'"
printf '%s' "$LINK" > "$W/want-link"
printf '%s' 'https://news.example/تقرير' > "$W/want-link1"
cat > "$W/want-text" <<'TXT'
وزير الاقتصاد: "الأسعار $(ستنخفض)" ; `قريبا`
Feed: أخبار الاختبار
Date: 2024-05-06 07:15
Link: https://news.example/a?q=$(touch pwned);x=`id`&y='z'

قال الوزير إن التقرير الكامل[1] سينشر غدا، وإن the English summary[2] متاح.

الفقرة الثانية عن الأسعار.

[1] https://news.example/تقرير
[2] https://en.example/report?a=1&b=2
TXT

# ---- copying through OSC 52 ----
: > "$CFG"
start 100 30 "$ART"
wait_for "الفقرة" >/dev/null
keys y
check "y: says the link was copied" status_has "copied the link"
check "y: the article's link in tmux's buffer, metacharacters intact" \
    buffer_is "$W/want-link"
keys_nochange 1 y
check "1y: link 1, Arabic URL intact" buffer_is "$W/want-link1"
keys Y
check "Y: the article's text in logical order, Arabic intact" \
    buffer_is "$W/want-text"
check "nothing ran from the link" test ! -e "$W/home/pwned" -a ! -e pwned
keys 9 y
check "9y: no link 9" status_has "no link 9"

# ---- the link screen ----
keys u
cap > "$W/links.txt"
check "u: the link screen lists link 2 with its text" \
    grep -q '^\[2\] the English summary' "$W/links.txt"
check "u: and its URL" grep -q '^https://en.example/report?a=1&b=2' \
    "$W/links.txt"
# The Arabic link text is laid out right to left: the line ends at the
# right edge with [1] (the paragraph's start) there.
check "u: Arabic link text right-aligned, [1] at its right end" \
    grep -q '\[1\]$' "$W/links.txt"
python3 -c 'import sys
for l in open(sys.argv[1], encoding="utf-8"):
    if l.rstrip("\n").endswith("[1]"): print(len(l.rstrip("\n")))' \
    "$W/links.txt" > "$W/len"
check "u: that line reaches the last column" grep -qx 100 "$W/len"
keys_nochange 2 y
check "2y on the link screen copies link 2" status_has "copied the link"
printf '%s' 'https://en.example/report?a=1&b=2' > "$W/want-link2"
check "2y on the link screen: link 2 in the buffer" buffer_is "$W/want-link2"
keys u
check "u again closes the link screen" wait_gone "the English summary\$"
keys Q

# ---- copy-method command ----
printf 'copy-method command\ncopy-command sh %s --copy\n' "$ARGV_DUMP" > "$CFG"
start 100 30 "$ART"
wait_for "الفقرة" >/dev/null
rm -f "$OUT".*
keys y
check "copy-command: says so" status_has "copied the link (sh)"
printf '[--copy]\n' > "$W/want-copy-argv"
check "copy-command: its argv" cmp -s "$W/want-copy-argv" "$OUT.argv"
check "copy-command: the link on its standard input" \
    cmp -s "$W/want-link" "$OUT.stdin"
keys Q
printf 'copy-method command\ncopy-command akhbar-no-such-program\n' > "$CFG"
start 100 30 "$ART"
wait_for "الفقرة" >/dev/null
keys y
check "copy-command missing: says so, with the reason" \
    status_has "not copied: akhbar-no-such-program: exit status 127: No such file or directory"
keys Q

# ---- bind KEY exec, |, a failing program ----
cat > "$CFG" <<CONF
bind e exec sh $ARGV_DUMP --url=%u %t "two words" %f %d 100%%
bind F exec sh -c "echo 'خطأ: boom' >&2; exit 3"
CONF
start 100 30 "$ART"
wait_for "الفقرة" >/dev/null
rm -f "$OUT".*
keys e
check "exec: done" status_has "sh: done"
cat > "$W/want-argv" <<WANT
[--url=$LINK]
[وزير الاقتصاد: "الأسعار \$(ستنخفض)" ; \`قريبا\`]
[two words]
WANT
head -3 "$OUT.argv" > "$W/argv3"
same "exec: %u and %t one argument each, metacharacters literal" \
    "$W/want-argv" "$W/argv3"
check "exec: %f and %d are temporary files" \
    test "$(sed -n '4p;5p' "$OUT.argv" | grep -c "^\[$W/tmp/")" = 2
check "exec: %% is %" test "$(sed -n 6p "$OUT.argv")" = "[100%]"
check "exec: the article's text on standard input" \
    cmp -s "$W/want-text" "$OUT.stdin"
check "exec: %f holds the article in the saved format" \
    grep -q '^akhbar-article: 1$' "$OUT.file1"
check "exec: %f has its link" grep -qF "Link: $LINK" "$OUT.file1"
check "exec: %d holds the pane's rows (the Arabic paragraph)" \
    grep -q 'ﺔﻴﻧﺎﺜﻟا' "$OUT.file2"
check "exec: temporary files removed afterwards" \
    test -z "$(ls "$W/tmp")"
keys F
check "exec: a failing program's exit status and stderr" \
    status_has "sh: exit status 3: ﺄﻄﺧ: boom"
keys_nochange '|'
check "|: prompts" status_has "pipe the article to:"
$TM send-keys -l "sh $ARGV_DUMP 'a b' \$(id) ; \`w\`"
keys Enter
printf '[a b]\n[$(id)]\n[;]\n[`w`]\n' > "$W/want-pipe"
same "|: quotes honoured, no shell" "$W/want-pipe" "$OUT.argv"
keys_nochange '|'
$TM send-keys -l "sh 'open"
keys Enter
check "|: an unbalanced quote is an error" \
    status_has "|: unbalanced quote or no command"
check "|: the article's text on standard input" \
    cmp -s "$W/want-text" "$OUT.stdin"
rm -f "$OUT.argv"
keys_nochange 2 e
i=0
while [ ! -s "$OUT.argv" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check "2e: %u is link 2" grep -qxF '[--url=https://en.example/report?a=1&b=2]' "$OUT.argv"
# From the link screen: the link of that number, the article's title,
# file and text.
keys u
rm -f "$OUT".*
keys_nochange 2 e
i=0
while [ ! -s "$OUT.stdin" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check "link screen, 2e: %u is link 2" \
    grep -qxF '[--url=https://en.example/report?a=1&b=2]' "$OUT.argv"
check "link screen, 2e: %t is the article's title" \
    test "$(sed -n 2p "$OUT.argv")" = "$(sed -n 2p "$W/want-argv")"
check "link screen, 2e: %f is the article" \
    grep -qF "Link: $LINK" "$OUT.file1"
check "link screen, 2e: the article's text on standard input" \
    cmp -s "$W/want-text" "$OUT.stdin"
check "link screen stays open after a program" \
    wait_for "the English summary"
keys q
keys Q

# ---- keyboard layouts ----
: > "$CFG"
start 100 30 "$ART"
wait_for "الفقرة" >/dev/null
$TM send-keys -l '؟'
check "Arabic ؟ (the ? key) opens the help" wait_for "akhbar keys"
keys G
check "the help lists the Arabic layout (ت on j)" wait_for "j=ﺕ k=ﻥ"
check "the help lists the Hebrew layout (ח on j, ל on k)" wait_for "j=ח k=ל"
keys q
$TM send-keys -l 'ו'
check "Hebrew ו (the u key) opens the link screen" \
    wait_for "the English summary"
keys q
$TM send-keys -l '۱'
$TM send-keys -l 'غ'
check "Persian ۱ then Arabic غ (1 y) copies link 1" buffer_is "$W/want-link1"
keys Q
printf 'keyboard-layout off\n' > "$CFG"
start 100 30 "$ART"
wait_for "الفقرة" >/dev/null
$TM send-keys -l 'ו'
check "keyboard-layout off: ו does nothing" wait_for "U+05D5: no action"
keys Q

# ---- the tables against xkb-data ----
if [ -f /usr/share/X11/xkb/symbols/ara ] && [ -f /usr/include/X11/keysymdef.h ]; then
	python3 "$TOP/tests/tools/keymap_gen.py" > "$W/keymap_table.h"
	same "keyboard tables equal the xkb layouts (ara, ir pes, il)" \
	    "$TOP/src/keymap_table.h" "$W/keymap_table.h"
else
	ok "keyboard tables against xkb-data # SKIP xkb-data or x11proto-dev not installed"
fi

# ---- the mouse (SGR sequences, as xterm sends them once asked) ----
# click X Y [BUTTON]: a press at column X, row Y (1-based), and its
# release for button 1 (the wheel, 64 and 65, has none).
click() {
	_b=${3:-0}
	if [ "$_b" = 0 ]; then
		$TM send-keys -l "$(printf '\033[<0;%s;%sM\033[<0;%s;%sm' "$1" "$2" "$1" "$2")"
	else
		$TM send-keys -l "$(printf '\033[<%s;%s;%sM' "$_b" "$1" "$2")"
	fi
	sleep 0.2
	settle
}
# at TEXT: "X Y" of the first cell of TEXT on the screen (1-based; the
# fixtures' characters are one cell each).
at() {
	cap > "$W/at.txt"
	python3 -c 'import sys
t = sys.argv[2]
for y, l in enumerate(open(sys.argv[1], encoding="utf-8").read().split("\n")):
    if t in l:
        print(l.index(t) + 1, y + 1); break' "$W/at.txt" "$1"
}
: > "$CFG"
start 100 30 "$TOP/tests/in/tui"
wait_for "City council" >/dev/null
check "mouse on: the pane asked for mouse reports (SGR)" \
    test "$($TM display -p '#{mouse_any_flag}#{mouse_sgr_flag}')" = 11
set -- $(at "City council approves new bik")
click "$1" "$2"
check "click: selects the list row" wait_for "2/3"
check "click: the article shows" wait_for "The city council voted 7-2"
check "click: the row is still unread (only selected)" \
    sh -c "$TM capture-pane -p | grep -q '^N .*City council'"
click "$1" "$2"
check "click on the selected row: opens it (read)" \
    wait_gone "N   12-06 City council"
# The wheel over the reader scrolls it three rows; over the list it
# moves. rline N: row N (1-based) of the reader pane (columns 42-100; the
# fixtures' characters are one cell each).
rline() { cap | sed -n "$1p" | python3 -c 'import sys; print(sys.stdin.read().rstrip("\n")[41:].rstrip())'; }
r1=$(rline 1)
r4=$(rline 4)
click 60 10 65
check "wheel down over the reader scrolls it three rows" \
    test "$(rline 1)" = "$r4" -a -n "$r4"
click 60 10 64
check "wheel up over the reader scrolls back" test "$(rline 1)" = "$r1"
click 5 2 65
check "wheel down over the list moves the selection (the Hebrew article)" \
    wait_for "(IMS)"
# A click in the reader focuses it: j then scrolls the article one row,
# the selection stays.
click 5 2
r3=$(rline 3)
click 60 12
keys j
check "click in the reader focuses it: j scrolls the text one row" \
    test "$(rline 2)" = "$r3" -a -n "$r3"
check "click in the reader focuses it: the article stays" \
    wait_for "bike lanes across the downtown"
keys Q
# A click on a numbered link opens it ($BROWSER), or copies it.
EXTRA="BROWSER='sh $ARGV_DUMP'"
start 100 30 "$ART"
wait_for "الفقرة" >/dev/null
rm -f "$OUT".*
set -- $(at "summary[2]")
click "$1" "$2"
check "click on a link's text opens that link" \
    grep -qxF '[https://en.example/report?a=1&b=2]' "$OUT.argv"
keys Q
EXTRA=
printf 'mouse-link copy\n' > "$CFG"
start 100 30 "$ART"
wait_for "الفقرة" >/dev/null
set -- $(at "[1]ﻞﻣﺎﻜﻟا")
click "$1" "$2"
check "mouse-link copy: a click on an Arabic link's [1] copies it" \
    buffer_is "$W/want-link1"
keys Q
printf 'mouse off\n' > "$CFG"
start 100 30 "$TOP/tests/in/tui"
wait_for "City council" >/dev/null
check "mouse off: no mouse reports asked for (the terminal selects)" \
    test "$($TM display -p '#{mouse_any_flag}')" = 0
keys Q

# ---- OSC 8 hyperlinks: the bytes akhbar writes, taken with pipe-pane ----
# raw_after_redraw FILE: the pane's output from a ^L (a full repaint).
raw_after_redraw() {
	$TM pipe-pane -o "cat > $1"
	sleep 0.2
	keys_nochange C-l
	sleep 0.3
	$TM pipe-pane
}
# osc_check FILE: prints every OSC in the file, one a line, ESC as \e.
osc_list() {
	python3 -c 'import re, sys
d = open(sys.argv[1], "rb").read()
for m in re.finditer(rb"\x1b\][^\x07\x1b]*(\x1b\\|\x07)?", d):
    print(m.group().replace(b"\x1b", b"\\e").decode("utf-8", "replace"))' "$1"
}
: > "$CFG"
start 100 30 "$ART"
wait_for "الفقرة" >/dev/null
raw_after_redraw "$W/raw-on"
osc_list "$W/raw-on" > "$W/osc-on"
check "hyperlinks: link 2 as OSC 8, its exact URL" \
    grep -qxF '\e]8;id=akhbar-2;https://en.example/report?a=1&b=2\e\' "$W/osc-on"
check "hyperlinks: the Arabic URL percent-encoded" \
    grep -qxF '\e]8;id=akhbar-1;https://news.example/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1\e\' "$W/osc-on"
check "hyperlinks: each one closed" grep -qxF '\e]8;;\e\' "$W/osc-on"
check "hyperlinks: around the link's text" \
    grep -qF "$(printf '\033]8;id=akhbar-2;https://en.example/report?a=1&b=2\033\\\033[0;4;34mthe English')" "$W/raw-on"
check "hyperlinks: no other OSC written" \
    test -z "$(grep -v '^\\e\]8;' "$W/osc-on")"
keys Q
printf 'hyperlinks off\n' > "$CFG"
start 100 30 "$ART"
wait_for "الفقرة" >/dev/null
raw_after_redraw "$W/raw-off"
check "hyperlinks off: the article repainted" test -s "$W/raw-off"
check "hyperlinks off: no OSC 8" test -z "$(osc_list "$W/raw-off")"
keys Q
: > "$CFG"
EXTRA="TERM=vt220"
start 100 30 "$ART"
wait_for "Link:" >/dev/null
raw_after_redraw "$W/raw-vt"
check "hyperlinks auto, TERM=vt220: no OSC 8" test -z "$(osc_list "$W/raw-vt")"
keys Q
EXTRA=

# ---- notifications after a background refresh ----
mkdir -p "$W/www"
cat > "$W/www/a.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>الجزيرة نت</title><link>https://www.aljazeera.net/</link>
<item><title>قمة عربية في الرياض</title>
<link>https://www.aljazeera.net/news/summit</link><guid>aj-1</guid>
<enclosure url="https://media.example/summit.mp3" type="Audio/MPEG" length="12345678"/>
<pubDate>Mon, 06 May 2024 10:15:00 +0300</pubDate></item>
<item><title>ارتفاع أسعار النفط</title>
<link>https://www.aljazeera.net/news/oil</link><guid>aj-2</guid>
<pubDate>Mon, 06 May 2024 11:15:00 +0300</pubDate></item>
</channel></rss>
XML
cat > "$W/www/b.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Haaretz; "$(id)" `w`</title><link>https://www.haaretz.co.il/</link>
<item><title>מזג האוויר: גשם כבד</title>
<link>https://www.haaretz.co.il/1</link><guid>hz-1</guid></item>
</channel></rss>
XML
python3 "$TOP/tests/feedserver.py" --root "$W/www" --log "$W/server.log" \
    --timeout 60 > "$W/port" 2>"$W/server.err" &
SERVER=$!
i=0
while [ ! -s "$W/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
U=http://127.0.0.1:$(head -1 "$W/port")
printf '%s\n' "$U/file/a.xml" "$U/file/b.xml" > "$W/urls"
printf 'notify command\nnotify-command sh %s %%n "%%f"\n' "$ARGV_DUMP" > "$CFG"
rm -f "$OUT".*
start 100 30 -c "$W/cache.db" -u "$W/urls"
wait_for "$U/file/b.xml" >/dev/null
keys R
check "refresh ends" wait_for "refreshed 2 of 2 feeds"
i=0
while [ ! -s "$OUT.argv" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
# (the store lists the feeds by title)
printf '[3]\n[Haaretz; "$(id)" `w`, الجزيرة نت]\n' > "$W/want-notify"
same "notify-command: %n new articles, %f their feeds (sanitized, literal)" \
    "$W/want-notify" "$OUT.argv"
keys Q
# One more article, OSC 9 this time: the bytes written.
sed -i 's#</channel>#<item><title>خبر جديد</title><link>https://www.aljazeera.net/news/new</link><guid>aj-3</guid></item></channel>#' "$W/www/a.xml"
printf 'notify osc9\nbeep yes\n' > "$CFG"
start 100 30 -c "$W/cache.db" -u "$W/urls"
wait_for "$U/file/b.xml" >/dev/null
$TM pipe-pane -o "cat > $W/raw-notify"
sleep 0.2
keys R
check "refresh ends (2)" wait_for "refreshed 2 of 2 feeds"
sleep 0.3
$TM pipe-pane
osc_list "$W/raw-notify" > "$W/osc-notify"
check "notify osc9: OSC 9 with the count and the feed" \
    grep -qxF '\e]9;1 new article: الجزيرة نت\e\' "$W/osc-notify"
check "beep yes: the bell rang" grep -q "$(printf '\007')" "$W/raw-notify"
keys Q
# No new article: no notification.
start 100 30 -c "$W/cache.db" -u "$W/urls"
wait_for "$U/file/b.xml" >/dev/null
$TM pipe-pane -o "cat > $W/raw-notify2"
sleep 0.2
keys R
check "refresh ends (3)" wait_for "refreshed 2 of 2 feeds"
sleep 0.3
$TM pipe-pane
check "notify: nothing new, no OSC 9" \
    test -z "$(osc_list "$W/raw-notify2" | grep '^\\e\]9;')"
keys Q
# The link screen of a stored article: its enclosure (with its type and
# size), its own link; the reader's header has an Enclosure line.
ENCL='https://media.example/summit.mp3 (audio/mpeg, 12.3 MB)'
printf 'save-dir %s\n' "$W/saved" > "$CFG"
start 160 30 -o -c "$W/cache.db" -u "$W/urls"
wait_for "All articles" >/dev/null
keys Enter
keys_nochange /
$TM send-keys -l 'قمة'
keys Enter
check "header: an Enclosure line with URL, type and size" \
    wait_for "Enclosure: $ENCL"
check "header: the Enclosure line under the Link line" \
    sh -c "$TM capture-pane -p | grep -A1 \
    'Link: https://www.aljazeera.net/news/summit' | tail -1 |
    grep -qF '│Enclosure: $ENCL'"
keys s
check "s: the article is saved" test -n "$(ls "$W/saved" 2>/dev/null)"
keys u
check "u: the enclosure is a link of the link screen, type and size after" \
    wait_for "$ENCL"
check "u: then the article's own link" \
    wait_for "] the article's own link"
set -- $(cap | grep -o '^\[[0-9]*\] enclosure' | tr -d '[]')
keys_nochange "$1" y
printf '%s' 'https://media.example/summit.mp3' > "$W/want-encl"
check "N y on the enclosure copies its URL" buffer_is "$W/want-encl"
keys q
# An article without an enclosure: no Enclosure line.
keys_nochange /
$TM send-keys -l 'النفط'
keys Enter
check "header: the article without an enclosure shows its Link line" \
    wait_for "Link: https://www.aljazeera.net/news/oil"
check "header: and no Enclosure line" test -z "$(cap | grep Enclosure)"
keys Q
# s then reopening the saved file keeps the line.
SAVED=$(ls "$W/saved"/*.txt | head -1)
check "saved file: the Enclosure header line" \
    grep -qxF "Enclosure: $ENCL" "$SAVED"
start 160 30 "$SAVED"
check "saved file reopened: the Enclosure line in the header" \
    wait_for "Enclosure: $ENCL"
keys Q
# --export: the same line, and none for an article without enclosure.
"$AKHBAR" -c "$W/cache.db" --export "$W/exported" > /dev/null 2>&1
check "--export: the Enclosure line" \
    grep -qxF "Enclosure: $ENCL" "$W/exported"/*قمة*.txt
check "--export: no Enclosure line without an enclosure" \
    test "$(cat "$W/exported"/*.txt | grep -c '^Enclosure:')" -eq 1
kill $SERVER 2>/dev/null
