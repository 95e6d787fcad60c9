#!/bin/sh
# End-to-end tests of daily reading in the interactive reader: the first
# run, the message log, A and U on the list on screen, n across feeds,
# the help closing back where it was, the mark and feed columns, saving
# an article read from a file or standard input, $BROWSER with
# arguments, S and Esc, the status line cut. The real binary in tmux,
# driven with send-keys, checked with capture-pane (polling, no sleeps).
. "$TOP/tests/lib.sh"

SOCK=akhbar-daily-$$
W=$TMP/daily
rm -rf "$W"
mkdir -p "$W/home" "$W/config/akhbar" "$W/data"
ENVS="HOME=$W/home XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data LANG=C.UTF-8 LC_ALL="
. "$TOP/tests/tmux.sh"
EXTRA="TERM=xterm-256color"

# status_has TEXT: the status line (last line) shows TEXT, polled.
status_has() {
	i=0
	while [ $i -lt 50 ]; do
		cap | tail -1 | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# ---- first run: no urls file, an empty store (stacked panes) ----
start 80 24
check "first run: a welcome screen" wait_for "Welcome to akhbar"
# The page may still be painting when its first line shows: wait for its
# last line (the example feed) before reading it. Its sentences wrap where
# the urls file's path (as long as the checkout's) ends: read them joined.
wait_for "arabic/rss.xml" >/dev/null
cap > "$W/first.raw"
tr '\n' ' ' < "$W/first.raw" | tr -s ' ' > "$W/first.txt"
# A path longer than the screen is broken inside: read it without blanks.
check "first run: says where the urls file is" \
    sh -c "tr -d ' \n' < '$W/first.raw' | grep -qF '$W/config/akhbar/urls'"
check "first run: says it does not exist yet" \
    grep -qF "does not exist yet" "$W/first.txt"
check "first run: names --import-opml" \
    grep -qF -- "--import-opml" "$W/first.txt"
check "first run: says R refreshes" grep -qF "press R" "$W/first.txt"
keys q
check "first run: q quits" wait_for "AKHBAR-EXITED 0"

# ---- the store of tests/e2e/mkstore.c ----
cc_ok=0
if $CC $CFLAGS -Isrc -o "$W/mkstore" "$TOP/tests/e2e/mkstore.c" \
    "$TOP/libcore.a" $LDFLAGS $LIBS 2>"$W/mkstore.err" &&
    "$W/mkstore" "$W/cache.db" "$W/urls"; then
	cc_ok=1
fi
check "store fixture builds" [ $cc_ok = 1 ]
cp "$W/cache.db" "$W/clean.db"
ST="-c $W/cache.db -u $W/urls"

# ---- every warning in the message log ----
printf 'bogus-option 1\nsplit-threshold many\n' > "$W/daily.conf"
cp "$W/urls" "$W/bad-urls"
printf 'gopher://old.example/feed\nhttps://ok.example/rss "~unterminated\n' \
    >> "$W/bad-urls"
start 120 40 -o -C "$W/daily.conf" -c "$W/cache.db" -u "$W/bad-urls"
check "messages: the status says there are more (M)" \
    status_has "M shows them"
keys M
check "messages: M shows the log" wait_for "Messages"
cap > "$W/log.txt"
check "messages: the first config error" grep -qF "daily.conf:1:" "$W/log.txt"
check "messages: the second config error too" \
    grep -qF "daily.conf:2:" "$W/log.txt"
check "messages: the refused scheme in the urls file" \
    grep -qF "bad-urls:4:" "$W/log.txt"
check "messages: the bad quoting in the urls file" \
    grep -qF "bad-urls:5:" "$W/log.txt"
check "messages: the feed whose last fetch failed, and why" \
    grep -qF "HTTP 404 Not Found" "$W/log.txt"
keys q
check "messages: q closes the log" wait_for "All articles"
keys Q

# ---- the feed and mark columns, saving, A, U ----
# (Nothing is read by being shown here: the counts stay put.)
printf 'mark-read-delay never\n' > "$W/never.conf"
start 120 40 -o -C "$W/never.conf" --highlight council $ST
check "store: feed list" wait_for "Daily News"
keys j j j j j
keys Enter
check "Daily News: its articles" wait_for "Rain expected"
keys s
check "s: the status keeps the saved file's name" status_has "saved as 20"
cap > "$W/marks.txt"
check "marks: a saved unread highlighted article shows N, S and *" \
    grep -q '^NS\* .*City council' "$W/marks.txt"
check "marks: an unread article shows N in the same place" \
    grep -q '^N   .*Rain expected' "$W/marks.txt"
keys q
keys g
keys Enter
check "All articles: opened" wait_for "City council"
cap > "$W/all.txt"
check "All articles side by side: the feed column" \
    sh -c "cut -c1-48 '$W/all.txt' | grep -q 'Daily News'"
keys A
check "A on All asks first" status_has "(y/n)"
keys n
check "A on All: n marks nothing" status_has "nothing marked"
keys q
check "All still counts 4 unread" wait_for "4/4 All articles"
keys S council Enter
check "S: the results" status_has "1 article matches council"
keys A
check "A in search results: marks that one" status_has "marked this list read"
keys q
check "A in search results: 3 unread left" wait_for "3/4 All articles"
keys j j j j
keys A
check "A on a feed: marked, U offered" status_has "(U: undo)"
check "A on a feed: nothing of it unread" wait_for "1/4 All articles"
keys U
check "U: unread again" status_has "2 articles unread again"
check "U: the counts are back" wait_for "3/4 All articles"
keys Q

# ---- n into the next feed; help closes back where it was ----
cp "$W/clean.db" "$W/cache.db"
start 120 40 -o $ST
wait_for "Daily News" >/dev/null
keys j j j
keys Enter
check "the Arabic feed: opened" status_has "1/2"
keys n
keys n
check "n: on into the next feed with unread articles" \
    status_has "Daily News"
keys j
keys '?'
check "?: the help" wait_for "page-down"
keys G
check "?: the help says s writes a file" wait_for "writes the article as a file"
keys q
check "help closed: the list has the focus again, same selection" \
    status_has "2/2"
keys Tab
keys /
keys umbrella Enter
check "/: a hit in the reader" status_has "hit 1 of 1"
keys Escape
check "Esc: the search is cleared" status_has "search cleared"
keys S rain Enter
check "S: the results have the focus" status_has "1/1"
keys Q

# ---- $BROWSER with arguments, %u ----
cat > "$W/browser" <<'EOF'
#!/bin/sh
for a in "$@"; do printf '%s\n' "$a"; done > "$BROWSER_OUT"
EOF
chmod +x "$W/browser"
EXTRA="TERM=xterm-256color BROWSER_OUT=$W/opened BROWSER='$W/browser --new-tab'"
start 120 40 -o $ST
wait_for "Daily News" >/dev/null
keys j j j j Enter
wait_for "City council" >/dev/null
keys o
check "\$BROWSER with an argument: opened" status_has "opened https://"
check "\$BROWSER with an argument: split into words" \
    sh -c "sed -n 1p '$W/opened' | grep -qx -- --new-tab &&
    sed -n 2p '$W/opened' | grep -qx https://example.org/en1"
keys Q
EXTRA="TERM=xterm-256color BROWSER_OUT=$W/opened2"
EXTRA="$EXTRA BROWSER='$W/browser --url=%u -x'"
start 120 40 -o $ST
wait_for "Daily News" >/dev/null
keys j j j j Enter
wait_for "City council" >/dev/null
keys o
check "\$BROWSER %u: the url in its place" \
    sh -c "sed -n 1p '$W/opened2' | grep -qx -- --url=https://example.org/en1 &&
    sed -n 2p '$W/opened2' | grep -qx -- -x"
keys Q

# ---- saving an article read from standard input; cut status ----
EXTRA="TERM=xterm-256color"
cat > "$W/story.html" <<'EOF'
<html><head><title>Flood warning for the river valley</title></head>
<body><p>Residents were told to move to higher ground.</p></body></html>
EOF
rm -rf "$W/data/akhbar"
start 40 20 "- < $W/story.html"
check "stdin: the article" wait_for "Flood warning"
keys s
check "stdin: s saves it, the name shown first" status_has "saved as undated-fl"
F=$(ls "$W/data/akhbar/saved/"*.txt 2>/dev/null | head -1)
check "stdin: one file in the save folder" test -n "$F"
check "stdin: in the saved format" \
    sh -c "head -1 '$F' | grep -qx 'akhbar-article: 1'"
check "stdin: with its title" \
    grep -qx 'Title: Flood warning for the river valley' "$F"
check "stdin: and its body" grep -q 'higher ground' "$F"
keys Q
check "stdin: quits" wait_for "AKHBAR-EXITED 0"
