#!/bin/sh
# End-to-end tests of the interactive reader: the real binary in tmux at
# 120x40, 80x24 and 40x20, driven with send-keys, checked with
# capture-pane (-p text, -e colours). Reader-pane lines are compared with
# `akhbar --dump --width PANEWIDTH` of the same article.
. "$TOP/tests/lib.sh"

SOCK=akhbar-test-$$
W=$TMP/tui
rm -rf "$W"
mkdir -p "$W/home" "$W/config/akhbar" "$W/data"
ENVS="HOME=$W/home XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data LANG=C.UTF-8 LC_ALL="
ARTS=$TOP/tests/in/tui
. "$TOP/tests/tmux.sh"

# status_has REGEX: the last line of the screen matches.
status_has() { cap | tail -1 | grep -Eq -- "$1"; }

# cols FILE FROM WIDTH [ROW0 NROWS]: columns of a capture (characters
# are one cell each in these fixtures), trailing blanks removed.
cols() {
	python3 - "$@" <<'EOF'
import sys, unicodedata
f, c0, w = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
r0 = int(sys.argv[4]) if len(sys.argv) > 4 else 0
n = int(sys.argv[5]) if len(sys.argv) > 5 else 10**6
def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
lines = open(f, encoding="utf-8").read().split("\n")
for l in lines[r0:r0 + n]:
    out, col = [], 0
    for ch in l:
        cw = width(ch)
        if cw == 0:
            if out and c0 < col <= c0 + w:
                out.append(ch)
            continue
        if c0 <= col and col + cw <= c0 + w:
            out.append(ch)
        col += cw
    print("".join(out).rstrip())
EOF
}

# reader_matches DESC CAPCOL WIDTH ROW0 NROWS FILE: the reader pane's
# rows equal the first rows of --dump at the pane's width. An empty
# --dump (a crash, an error on stderr) fails: there is nothing to match.
reader_matches() {
	desc=$1; c0=$2; pw=$3; r0=$4; n=$5; f=$6
	cap > "$W/screen.txt"
	cols "$W/screen.txt" "$c0" "$pw" "$r0" "$n" > "$W/pane.txt"
	"$AKHBAR" --dump --color never --width "$pw" "$f" 2>/dev/null |
	    sed 's/ *$//' | head -n "$n" > "$W/dump.txt"
	lines=$(wc -l < "$W/dump.txt")
	if [ "$lines" -eq 0 ]; then
		notok "$desc (--dump printed nothing)"
		return
	fi
	head -n "$lines" "$W/pane.txt" > "$W/pane2.txt"
	same "$desc" "$W/dump.txt" "$W/pane2.txt"
}

# ---- article files, 120x40: side by side (list 48, reader 71) ----
EXTRA="TERM=xterm-256color"
start 120 40 "$ARTS"
check "files: list shows the three articles" wait_for "City council"
cap > "$W/s1.txt"
check "files: Hebrew title listed" grep -qF "ריוואה" "$W/s1.txt"
reader_matches "120x40: Arabic article in the reader equals --dump -w 71" \
    49 71 0 38 "$ARTS/arabic.html"
# The list title: Arabic, cut at its logical END, ellipsis on the LEFT,
# right-aligned so the logical start (first word) ends the column.
cols "$W/s1.txt" 0 48 0 1 > "$W/row.txt"
check "list: truncated Arabic title starts with the ellipsis (left)" \
    grep -q '^N   [0-9-]* …' "$W/row.txt"
first=$(printf 'وزارة\n' | "$AKHBAR" --dump --color never -w 20 - |
    sed 's/^ *//;s/ *$//')
check "list: Arabic title's first word is at the right edge" \
    grep -q "$first\$" "$W/row.txt"
check "status: position 1/3" grep -q '1/3' "$W/s1.txt"

keys j
check "navigation: j shows the English article at once" \
    wait_for "The city council voted 7-2"
check "navigation: status 2/3" wait_for "2/3"
keys Enter
keys j
cap > "$W/s2.txt"
cols "$W/s2.txt" 49 71 0 1 > "$W/r2.txt"
check "reader: Enter focuses the reader, j scrolls it" \
    grep -qv 'City council' "$W/r2.txt"
keys G
check "reader: G goes to the end (All/Bot)" status_has 'Bot|All'

keys g
check "reader: g back to the top" wait_for "City council approves new bike lanes downtown"
keys Tab
keys k
check "Tab: back to the list, k selects the Arabic article" wait_for "1/3"
reader_matches "reader shows the Arabic article again" 49 71 0 38 \
    "$ARTS/arabic.html"

# search in the reader: hits counted, n moves
keys Tab
keys / 'الصحة' Enter
check "search: 'hit 1 of N' in the status line" wait_for "hit 1 of"
keys n
check "search: n goes to hit 2" wait_for "hit 2 of"
cap -e > "$W/s3e.txt"
check "search: hits painted with the search-match colours (SGR)" \
    grep -q '46m' "$W/s3e.txt"

# resize: stacked at 80x24 (list 8 rows, border, reader from row 9)
keys Escape
keys g
$TM resize-window -x 80 -y 24
sleep 0.5
check "resize: stacked border row at 80x24" \
    sh -c "$TM capture-pane -p | sed -n 9p | grep -q '^────'"
reader_matches "80x24: reader re-laid out at width 80 equals --dump -w 80" \
    0 80 9 14 "$ARTS/arabic.html"
$TM resize-window -x 40 -y 20
sleep 0.5
# 19 body rows: list 7, border, reader 11 rows from row 8
reader_matches "40x20: reader re-laid out at width 40 equals --dump -w 40" \
    0 40 8 11 "$ARTS/arabic.html"
keys v
sleep 0.2
check "v: side by side even at 40 columns" \
    sh -c "$TM capture-pane -p | head -1 | grep -q '│'"
keys v
keys z
reader_matches "z: reader full screen at 40x20" 0 40 0 19 "$ARTS/arabic.html"
keys z
keys '?'
check "?: the key help lists the actions" wait_for "page-down"
keys q
keys Q
check "Q quits (exit status 0)" wait_for "AKHBAR-EXITED 0"

# ---- the store: feeds, counts, error mark, virtual lists, saving ----
cc_ok=0
if $CC $CFLAGS -Isrc -o "$W/mkstore" "$TOP/tests/e2e/mkstore.c" \
    "$TOP/libcore.a" $LDFLAGS $LIBS 2>"$W/mkstore.err" &&
    "$W/mkstore" "$W/cache.db" "$W/urls"; then
	cc_ok=1
fi
check "store fixture builds" [ $cc_ok = 1 ]
ST="-c $W/cache.db -u $W/urls"
start 120 40 -o $ST
check "store: feed list with virtual lists" wait_for "All articles"
cap > "$W/f1.txt"
check "store: unread/total counts" grep -q '4/4 All articles' "$W/f1.txt"
check "store: failing feed marked with !" grep -q '^!.*Broken Feed' "$W/f1.txt"
check "store: tags from the urls file" grep -q 'english' "$W/f1.txt"
sed -n '4,6p' "$W/f1.txt" | sed 's/ *│.*//' > "$W/order.txt"
check "store: feeds in the urls file's order (Arabic, English, broken)" \
    sh -c "grep -n 'arabic news' '$W/order.txt' | grep -q '^1:' &&
    grep -n 'Daily News' '$W/order.txt' | grep -q '^2:' &&
    grep -n 'Broken Feed' '$W/order.txt' | grep -q '^3:'"
keys j j j j j
check "store: the error shows in the reader pane" wait_for "HTTP 404 Not Found"
keys k
keys Enter
check "store: Enter opens the feed's articles" wait_for "Rain expected all weekend"
keys s
check "save: status says saved" wait_for "saved"
keys q
check "q: back to the feed list" wait_for "All articles"
keys g j j
check "save: the Saved list counts it" wait_for "/1 Saved"
keys Enter
check "save: the article is in the Saved list" wait_for "City council approves"
keys q
keys R
check "R with -o: offline, not refreshing" wait_for "offline"
keys q
check "q on the feed list quits" wait_for "AKHBAR-EXITED 0"
printf 'feed-sort-order title\nfeed-sort-order newest\n' > "$W/sort.conf"
start 120 40 -o -C "$W/sort.conf" $ST
wait_for "All articles" >/dev/null
cap > "$W/f2.txt"
check "feed-sort-order title: Broken Feed first" \
    sh -c "sed -n 4p '$W/f2.txt' | grep -q 'Broken Feed'"
check "feed-sort-order: a bad value is named with file:line" \
    wait_for "sort.conf:2: bad order 'newest'"
keys q

# ---- live refresh against the local feed server (tests/feedserver.py) ----
mkdir -p "$W/www"
cat > "$W/www/a.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>الجزيرة نت</title><link>https://www.aljazeera.net/</link>
<item><title>قمة عربية في الرياض تبحث الأزمة الاقتصادية</title>
<link>https://www.aljazeera.net/news/summit</link><guid>aj-1</guid>
<pubDate>Mon, 06 May 2024 10:15:00 +0300</pubDate>
<description>&lt;p&gt;انطلقت اليوم أعمال القمة العربية في الرياض.&lt;/p&gt;</description></item>
</channel></rss>
EOF
cat > "$W/www/b.xml" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>BBC World</title>
<id>urn:bbc</id><updated>2024-05-07T12:00:00Z</updated>
<entry><title>Floods hit southern Brazil</title><id>urn:bbc:2</id>
<link href="https://www.bbc.co.uk/news/2"/><updated>2024-05-06T18:20:00Z</updated>
<summary>Rescue efforts.</summary></entry></feed>
EOF
python3 "$TOP/tests/feedserver.py" --root "$W/www" --log "$W/server.log" \
    --timeout 60 > "$W/port" 2>"$W/server.err" &
SERVER=$!
i=0
while [ ! -s "$W/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
P=$(head -1 "$W/port")
check "feed server started" test -n "$P"
U=http://127.0.0.1:$P
printf '%s\n' "$U/file/a.xml arabic" "$U/file/b.xml" "$U/slow" > "$W/urls2"
ST2="-c $W/cache2.db -u $W/urls2"
EXTRA="TERM=xterm-256color"
start 120 40 $ST2
check "refresh: subscribed feeds listed before their first fetch" \
    wait_for "$U/file/b.xml"
keys R
check "refresh: progress bar while the slow feed is still loading" \
    wait_for "refresh [######----] 2/3"
check "refresh: new articles appear as they arrive" wait_for "BBC World"
keys g Enter
check "refresh: UI answers keys during the refresh" \
    wait_for "Floods hit southern Brazil"
keys Q
check "refresh: Q quits at once during a refresh" wait_for "AKHBAR-EXITED 0"
# r refreshes only the selected feed.
printf '%s\n' "$U/file/a.xml arabic" "$U/file/b.xml" > "$W/urls3"
start 120 40 -c "$W/cache3.db" -u "$W/urls3"
wait_for "$U/file/b.xml" >/dev/null
keys j j j j
keys r
check "r: refreshes the selected feed only" wait_for "refreshed 1 of 1 feed"
check "r: its articles are there" wait_for "1/1 All articles"
keys Q
kill $SERVER 2>/dev/null

# marking read after a moment, m toggles
printf 'mark-read-delay 0.3\n' > "$W/config/akhbar/config"
start 120 40 -o $ST
wait_for "All articles" >/dev/null
keys Enter
check "all articles list" wait_for "City council"
sleep 1
cap > "$W/m1.txt"
cols "$W/m1.txt" 0 2 0 1 > "$W/m2.txt"
check "mark-read-delay: selected article read after a moment" \
    grep -qv N "$W/m2.txt"
keys m
check "m: marked unread again" wait_for "marked unread"
keys Q

# ---- themes, NO_COLOR, vt100 ----
EXTRA="TERM=xterm-256color"
start 120 40 --theme dark "$ARTS"
wait_for "City council" >/dev/null
cap -e > "$W/t1.txt"
check "theme dark: 256-colour background 234 in the reader (SGR)" \
    grep -q '48;5;234' "$W/t1.txt"
keys Q
start 120 40 --theme high-contrast "$ARTS"
wait_for "City council" >/dev/null
cap -e > "$W/t2.txt"
check "theme high-contrast: bright white text (SGR 97)" grep -q '97' "$W/t2.txt"
keys Q
start 120 40 "$ARTS"
wait_for "City council" >/dev/null
cap -e | head -1 > "$W/f1.txt"
keys Tab
wait_for_status() { n=0; while [ $n -lt 50 ]; do status_has "$1" && return 0;
	sleep 0.1; n=$((n + 1)); done; return 1; }
wait_for_status "(All|Top|Bot|%)  \?:help"
cap -e | head -1 > "$W/f2.txt"
check "selection while the list has the focus: list-focus (reverse)" \
    grep -Eq '\[([0-9;]*;)?7(;[0-9;]*)?m' "$W/f1.txt"
check "selection while the reader has the focus: list-select (underline)" \
    grep -Eq '\[([0-9;]*;)?4(;[0-9;]*)?m' "$W/f2.txt"
check "selection while the reader has the focus: not reverse" \
    sh -c "! grep -Eq '\[([0-9;]*;)?7(;[0-9;]*)?m' '$W/f2.txt'"
keys Q
EXTRA="TERM=xterm-256color NO_COLOR=1"
start 120 40 --theme dark "$ARTS"
wait_for "City council" >/dev/null
cap -e > "$W/t3.txt"
check "NO_COLOR: no colour SGR at all" \
    sh -c "! grep -Eq '\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)' '$W/t3.txt'"
check "NO_COLOR: reverse video still marks the selection" grep -q '7m' "$W/t3.txt"
keys Q
EXTRA="TERM=vt100"
start 80 24 "$ARTS"
wait_for "City council" >/dev/null
cap -e > "$W/t4.txt"
check "vt100: no colours" \
    sh -c "! grep -Eq '\[([0-9;]*;)?(3[0-8]|4[0-8])(;|m)' '$W/t4.txt'"
reader_matches "vt100: Arabic reader still equals --dump -w 80" 0 80 9 14 \
    "$ARTS/arabic.html"
keys Q
EXTRA="TERM=linux"
start 80 24 "$ARTS"
check "TERM=linux: starts and shows the list" wait_for "City council"
keys Q
EXTRA="TERM=screen"
start 80 24 "$ARTS"
check "TERM=screen: starts and shows the list" wait_for "City council"
keys Q

# ---- config: errors named, bindings, mirrored layout ----
printf 'bind x frobnicate\nbind J down\nlayout-direction rtl\n' \
    > "$W/bad.conf"
EXTRA="TERM=xterm-256color"
start 120 40 -C "$W/bad.conf" "$ARTS"
check "config error names file:line and the bad word" \
    wait_for "bad.conf:1: unknown action 'frobnicate'"
cap > "$W/c1.txt"
cols "$W/c1.txt" 71 1 0 1 > "$W/c2.txt"
check "layout-direction rtl: list on the right, border at column 71" \
    grep -q '│' "$W/c2.txt"
cols "$W/c1.txt" 0 71 0 38 > "$W/c3.txt"
check "layout-direction rtl: reader on the left" grep -q 'ةرازو' "$W/c3.txt"
keys J
check "bind J down works" wait_for "2/3"
keys Q

# ---- bidi terminal: logical order, unshaped, for terminals doing bidi ----
printf 'bidi terminal\n' > "$W/bidi.conf"
start 120 40 -C "$W/bidi.conf" "$ARTS"
wait_for "City council" >/dev/null
cap > "$W/b1.txt"
check "bidi terminal: the Arabic title in logical order, unshaped" \
    grep -qF "وزارة الصحة تعلن" "$W/b1.txt"
keys Q

# ---- locale: not UTF-8 -> C.UTF-8 ----
EXTRA="LC_ALL=C LANG=C"
start 80 24 "$ARTS"
check "LC_ALL=C: switches to C.UTF-8 and shows Arabic" wait_for "City council"
keys Q

# ---- open in browser: argv, never a shell; only http(s) ----
cat > "$W/browser" <<EOF
#!/bin/sh
printf '%s\n' "\$@" > "$W/opened"
EOF
chmod +x "$W/browser"
EXTRA="TERM=xterm-256color BROWSER=$W/browser"
start 120 40 -o $ST
wait_for "All articles" >/dev/null
keys Enter
wait_for "City council" >/dev/null
keys o
sleep 0.5
check "o: \$BROWSER got the article URL as one argument" \
    grep -qx 'https://example.org/ar1' "$W/opened"
keys 1 o
sleep 0.5
check "1o: link 1 of the article opened" \
    grep -qx 'https://example.org/plan' "$W/opened"
keys G
keys o
check "o: a javascript: link is refused" wait_for "not an http(s) link"
keys Q

$TM kill-server 2>/dev/null
exit 0
