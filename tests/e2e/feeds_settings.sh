#!/bin/sh
# End-to-end: per-feed settings of the urls file and the HTTP identity of
# the config file, against tests/feedserver.py on 127.0.0.1: the
# User-Agent, custom headers, HTTP auth (401 without, 200 with, from the
# URL or a netrc file, never sent to another host after a redirect, never
# printed), cookies sent, intervals respected, script feeds, --cleanup and
# --unread-count.
. "$TOP/tests/lib.sh"

D=$TMP/e2e-feeds-settings
rm -rf "$D"
mkdir -p "$D/www" "$D/home" "$D/config/akhbar" "$D/data"
export HOME="$D/home" XDG_CONFIG_HOME="$D/config" XDG_DATA_HOME="$D/data"
unset NETRC http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
DB=$D/cache.db
LOG=$D/server.log
: > "$LOG"

python3 "$TOP/tests/feedserver.py" --root "$D/www" --log "$LOG" \
    --timeout 60 > "$D/port" 2>"$D/server.err" &
SERVER=$!
i=0
while [ ! -s "$D/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
P=$(head -1 "$D/port")
U=http://127.0.0.1:$P
check "feed server started" test -n "$P"

# lines of the server log for requests to /echo or /auth, in order
echoes() { grep '^ECHO ' "$LOG"; }

# ---- identity: default User-Agent, config, per-feed wins ----
printf '%s/echo\n' "$U" > "$D/urls"
"$AKHBAR" -u "$D/urls" -c "$DB" --refresh > "$D/out" 2>&1
check "default: refresh ok" grep -q '^ok 1 new' "$D/out"
check "default User-Agent names akhbar and its version" \
    grep -q '^ECHO ua=akhbar/[0-9][0-9.]* (terminal news reader) ' "$LOG"

: > "$LOG"
cat > "$D/config/akhbar/config" <<EOF
# HTTP identity
user-agent "Mozilla/5.0 (X11; Linux x86_64) akhbar-test"
cookie-file $D/cookies.txt
EOF
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc123\n' > "$D/cookies.txt"
printf '%s/echo user-agent="Feed Agent/2" header="X-Token: سر-123"\n' \
    "$U" > "$D/urls2"
printf '%s/echo?plain\n' "$U" >> "$D/urls2"
"$AKHBAR" -u "$D/urls2" -c "$DB" --max-connections 1 --refresh \
    > "$D/out" 2>&1
check "per-feed User-Agent and header sent" \
    grep -q '^ECHO ua=Feed Agent/2 token=سر-123 cookie=session=abc123 ' "$LOG"
check "config User-Agent for a feed without its own, cookie sent" \
    grep -q '^ECHO ua=Mozilla/5.0 (X11; Linux x86_64) akhbar-test token=- cookie=session=abc123 ' "$LOG"
rm "$D/config/akhbar/config"

# ---- auth: 401 without, 200 with; never shown ----
: > "$LOG"
printf '%s/auth\nhttp://ali:p%%40ss@127.0.0.1:%s/auth?url\n' "$U" "$P" \
    > "$D/urls3"
"$AKHBAR" -u "$D/urls3" -c "$DB" --refresh > "$D/out" 2>&1
check "auth: without credentials 401" \
    grep -q "^failed: $U/auth: HTTP 401" "$D/out"
check "auth: user:pass@ in the URL gives 200" \
    grep -q '^ok 1 new' "$D/out"
check "auth: Basic credentials sent" \
    grep -q '^ECHO .* auth=Basic YWxpOnBAc3M=$' "$LOG"
"$AKHBAR" -c "$DB" --list > "$D/list" 2>&1
"$AKHBAR" -u "$D/urls3" --export-opml > "$D/opml" 2>&1
sqlite3 "$DB" 'SELECT url FROM feeds' > "$D/feeds" 2>/dev/null ||
    "$AKHBAR" -c "$DB" --list > "$D/feeds"
check "auth: password in no output, OPML or stored URL" \
    sh -c "! grep -q 'p%40ss\|p@ss\|ali:' '$D/out' '$D/list' '$D/opml' '$D/feeds'"
check "auth: the stored feed URL has no user" \
    grep -q "^http://127.0.0.1:$P/auth?url$" "$D/feeds"

: > "$LOG"
printf 'machine 127.0.0.1 login ali password p@ss\n' > "$D/netrc"
printf '%s/auth?netrc auth=netrc\n' "$U" > "$D/urls4"
NETRC="$D/netrc" "$AKHBAR" -u "$D/urls4" -c "$DB" --refresh \
    > "$D/out" 2>&1
check "auth=netrc: credentials from \$NETRC give 200" \
    grep -q '^ok 1 new' "$D/out"

: > "$LOG"
printf 'http://ali:p%%40ss@127.0.0.1:%s/auth-away\n' "$P" > "$D/urls5"
"$AKHBAR" -u "$D/urls5" -c "$DB" --refresh > "$D/out" 2>&1
check "auth: redirect to another host followed" \
    grep -q '^ECHO ' "$LOG"
check "auth: credentials not sent to the other host" \
    grep -q '^ECHO .* auth=-$' "$LOG"

# ---- proxy: per feed, and from the config ----
: > "$LOG"
printf 'http://news.invalid/echo?p1 proxy=http://127.0.0.1:%s\n' "$P" \
    > "$D/urls-proxy"
"$AKHBAR" -u "$D/urls-proxy" -c "$DB" --refresh > "$D/out" 2>&1
check "proxy=: the feed fetched through the proxy" \
    sh -c "grep -q '^ok 1 new' '$D/out' && grep -q '^PROXY news.invalid$' '$LOG'"
printf 'proxy http://127.0.0.1:%s\n' "$P" > "$D/proxy.conf"
printf 'http://other.invalid/echo?p2\n' > "$D/urls-proxy2"
"$AKHBAR" -C "$D/proxy.conf" -u "$D/urls-proxy2" -c "$DB" --refresh \
    > "$D/out" 2>&1
check "config proxy: used for a feed without its own" \
    sh -c "grep -q '^ok 1 new' '$D/out' && grep -q '^PROXY other.invalid$' '$LOG'"

# ---- interval, keep-days, max-articles ----
NOW=$(date -u -R)
OLD="Mon, 02 Mar 2020 08:00:00 +0000"
cat > "$D/www/ar.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار الصباح</title>
<item><title>وزير الخارجية يصل إلى عمّان في زيارة رسمية</title>
<guid>ar-1</guid><pubDate>$NOW</pubDate></item>
<item><title>ارتفاع أسعار الذهب في الأسواق المحلية</title>
<guid>ar-2</guid><pubDate>$NOW</pubDate></item>
<item><title>افتتاح معرض الكتاب الدولي بمشاركة واسعة</title>
<guid>ar-3</guid><pubDate>$NOW</pubDate></item>
<item><title>أرشيف: انتخابات بلدية في عام ٢٠٢٠</title>
<guid>ar-old</guid><pubDate>$OLD</pubDate></item>
</channel></rss>
EOF
cat > "$D/www/he.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>חדשות</title>
<item><title>הכנסת אישרה את התקציב בקריאה ראשונה</title>
<guid>he-1</guid><pubDate>$NOW</pubDate></item>
<item><title>גשם כבד צפוי בצפון הארץ מחר</title>
<guid>he-2</guid><pubDate>$NOW</pubDate></item>
<item><title>נבחרת ישראל ניצחה במשחק הפתיחה</title>
<guid>he-3</guid><pubDate>$NOW</pubDate></item>
</channel></rss>
EOF
DB2=$D/house.db
: > "$LOG"
printf '%s/file/ar.xml interval=60 keep-days=30\n' "$U" > "$D/urls6"
printf '%s/etag/he.xml max-articles=2 "~מבזקים"\n' "$U" >> "$D/urls6"
"$AKHBAR" -u "$D/urls6" -c "$DB2" --refresh > "$D/out" 2>&1
check "keep-days: the 2020 item is not kept" \
    test "$("$AKHBAR" -c "$DB2" --list --feed "$U/file/ar.xml" | wc -l)" -eq 3
check "max-articles=2: two kept" \
    test "$("$AKHBAR" -c "$DB2" --list --feed "$U/etag/he.xml" | wc -l)" -eq 2
"$AKHBAR" -u "$D/urls6" -c "$DB2" --refresh > "$D/out" 2>&1
check "interval: a feed fetched a minute ago is skipped" \
    grep -q "^skipped: $U/file/ar.xml: fetched 0 min ago, interval=60" "$D/out"
"$AKHBAR" -u "$D/urls6" -c "$DB2" --refresh > "$D/out" 2>&1
check "interval: skipping is not a failure" test $? -eq 0
check "interval: one request to the feed for three refreshes" \
    test "$(grep -c '^/file/ar.xml ' "$LOG")" -eq 1
check "interval: a feed without one is fetched each time" \
    test "$(grep -c '^/etag/he.xml ' "$LOG")" -eq 3
"$AKHBAR" -u "$D/urls6" -c "$DB2" --refresh --force > "$D/out" 2>&1
check "--force: fetched although not due" \
    test "$(grep -c '^/file/ar.xml ' "$LOG")" -eq 2
: > "$LOG"
"$AKHBAR" -u "$D/urls6" -c "$DB2" --refresh --feed "$U/file/ar.xml" \
    --force > "$D/out" 2>&1
check "--refresh --feed: only that feed" \
    sh -c "grep -q '^/file/ar.xml ' '$LOG' && ! grep -q '^/etag/' '$LOG'"

# ---- --unread-count, --list --unread / --feed ----
check "--unread-count: 5 unread" \
    test "$("$AKHBAR" -c "$DB2" --unread-count)" = 5
"$AKHBAR" -c "$DB2" --unread-count -v > "$D/uc" 2>&1
printf '3\tأخبار الصباح\n2\tמבזקים\n' | sort > "$D/uc.want"
sort "$D/uc" > "$D/uc.got"
same "--unread-count -v: per feed" "$D/uc.want" "$D/uc.got"
sqlite3 "$DB2" "UPDATE articles SET unread = 0 WHERE guid = 'ar-2'"
check "--unread-count after reading one: 4" \
    test "$("$AKHBAR" -c "$DB2" --unread-count)" = 4
check "--list --unread: 4 lines" \
    test "$("$AKHBAR" -c "$DB2" --list --unread | wc -l)" -eq 4
check "--list --unread leaves out the read one" \
    sh -c "! '$AKHBAR' -c '$DB2' --list --unread | grep -q 'الذهب'"
"$AKHBAR" -c "$DB2" --list --feed "$U/nope.xml" > "$D/out" 2>&1
check "--list --feed unknown: exit 1" test $? -eq 1
check "--list --feed unknown: says which" \
    grep -q "^akhbar: --feed: $U/nope.xml: no such feed in the store" "$D/out"
check "--unread-count without a store: exit 1" \
    sh -c "! '$AKHBAR' -c '$D/none.db' --unread-count 2>/dev/null"

# ---- --cleanup ----
sqlite3 "$DB2" "UPDATE articles SET saved = 1 WHERE guid = 'ar-1'"
printf '%s/etag/he.xml\n' "$U" > "$D/urls7"
"$AKHBAR" -u "$D/urls7" -c "$DB2" --cleanup > "$D/out" 2>&1
check "--cleanup: exit 0" test $? -eq 0
check "--cleanup: reports one feed and its 2 unsaved articles" \
    grep -q "^akhbar: cleanup: 1 feeds no longer in $D/urls7 removed (2 articles)" "$D/out"
check "--cleanup: the saved article stays" \
    test "$(sqlite3 "$DB2" "SELECT count(*) FROM articles WHERE guid = 'ar-1'")" -eq 1
check "--cleanup: the other feed's articles stay" \
    test "$("$AKHBAR" -c "$DB2" --list --feed "$U/etag/he.xml" | wc -l)" -eq 2
check "--cleanup: the search index follows" \
    test "$("$AKHBAR" -c "$DB2" --search 'معرض' 2>/dev/null | wc -l)" -eq 0
check "--cleanup: store intact" \
    test "$(sqlite3 "$DB2" 'PRAGMA integrity_check')" = ok
sqlite3 "$DB2" "UPDATE articles SET date = 1500000000 WHERE feed_id = \
    (SELECT id FROM feeds WHERE url = '$U/etag/he.xml')"
printf '%s/etag/he.xml keep-days=7\n' "$U" > "$D/urls7"
"$AKHBAR" -u "$D/urls7" -c "$DB2" --cleanup > "$D/out" 2>&1
check "--cleanup: keep-days applied" \
    grep -q "0 feeds no longer in .* removed (0 articles), 2 articles past keep-days removed" "$D/out"
# VACUUM only when a fifth of the file is free: a big feed, then gone
python3 - "$D/www/big.xml" <<'PYEOF2'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">'
            '<channel><title>كبير</title>')
    for i in range(400):
        f.write('<item><title>خبر %d</title><guid>big-%d</guid>'
                '<description>%s</description></item>'
                % (i, i, ("تقرير مطول عن الاقتصاد %d " % i) * 60))
    f.write('</channel></rss>')
PYEOF2
printf '%s/file/big.xml\n%s/etag/he.xml\n' "$U" "$U" > "$D/urls-big"
"$AKHBAR" -u "$D/urls-big" -c "$DB2" --refresh > /dev/null 2>&1
sqlite3 "$DB2" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
before=$(stat -c %s "$DB2")
printf '%s/etag/he.xml\n' "$U" > "$D/urls-big"
"$AKHBAR" -u "$D/urls-big" -c "$DB2" --cleanup > "$D/out" 2>&1
sqlite3 "$DB2" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
after=$(stat -c %s "$DB2")
check "--cleanup: 400 articles removed, store compacted" \
    grep -q "removed (400 articles), 0 articles past keep-days removed, store compacted" "$D/out"
check "--cleanup: the file shrank to under half" \
    test "$after" -lt $((before / 2))
"$AKHBAR" -u "$D/urls-big" -c "$DB2" --cleanup > "$D/out" 2>&1
check "--cleanup: nothing to free, no VACUUM" \
    sh -c "! grep -q 'compacted' '$D/out'"
"$AKHBAR" -u "$D/missing" -c "$DB2" --cleanup > "$D/out" 2>&1
rc=$?
check "--cleanup with no urls file: exit 1" test $rc -eq 1
check "--cleanup with no urls file: nothing removed" \
    test "$(sqlite3 "$DB2" 'SELECT count(*) FROM feeds')" -ge 1

# ---- OPML: settings out as attributes (no secrets), and back in ----
cat > "$D/urls8" <<EOF
https://www.aljazeera.net/rss news interval=30 keep-days=14 direction=rtl fulltext=yes "~الجزيرة"
https://ali:secret@private.example/rss header="X-Token: abc" cookies=$D/cookies.txt auth=netrc user-agent="Mozilla/5.0 (X11)"
EOF
"$AKHBAR" -u "$D/urls8" -c "$D/none.db" --export-opml > "$D/out.opml" 2>&1
check "export-opml: settings as attributes" \
    grep -q 'akhbar:interval="30" akhbar:keep-days="14" akhbar:fulltext="yes" akhbar:direction="rtl"' "$D/out.opml"
check "export-opml: user-agent and auth=netrc kept" \
    grep -q 'akhbar:user-agent="Mozilla/5.0 (X11)" akhbar:auth="netrc"' "$D/out.opml"
check "export-opml: no password, header or cookie file" \
    sh -c "! grep -q 'secret\|X-Token\|cookies' '$D/out.opml'"
check "export-opml: still well-formed XML" \
    python3 -c "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])" "$D/out.opml"
printf '<opml version="2.0"><body><outline text="x" xmlUrl="https://bad.example/rss" interval="soon" direction="rtl"/></body></opml>\n' \
    > "$D/bad.opml"
"$AKHBAR" -u "$D/urls9" --import-opml "$D/out.opml" > "$D/out" 2>&1
"$AKHBAR" -u "$D/urls9" --import-opml "$D/bad.opml" >> "$D/out" 2>&1
cat > "$D/urls9.want" <<EOF
https://www.aljazeera.net/rss news "~الجزيرة" interval=30 keep-days=14 fulltext=yes direction=rtl
https://private.example/rss "~https://private.example/rss" user-agent="Mozilla/5.0 (X11)" auth=netrc
https://bad.example/rss "~x" direction=rtl
EOF
same "import-opml: settings read back, a bad one left out" \
    "$D/urls9.want" "$D/urls9"
check "import-opml: the bad setting is named" \
    grep -q "^akhbar: https://bad.example/rss: bad value for interval ignored (want a whole number)" "$D/out"

# ---- script sources: exec: and filter: ----
X=$TOP/tests/exec
: > "$LOG"
cat > "$D/urls10" <<EOF
"exec:$X/feed.sh 'نشرة السكربت'" scripts
"exec:$X/fail.sh"
"exec:$X/slow.sh"
"exec:$X/big.sh"
"exec:$X/no-such-program"
"filter:$X/filter.sh '[مفلتر]':$U/file/ar.xml" filtered
"filter:$X/fail.sh:$U/file/ar.xml"
EOF
DB3=$D/exec.db
cat > "$D/exec.conf" <<EOF
download-timeout 2
max-feed-size 1048576
EOF
start=$(date +%s)
SLOW_PIDFILE=$D/slow.pid "$AKHBAR" -C "$D/exec.conf" -u "$D/urls10" \
    -c "$DB3" --refresh > "$D/out" 2>&1
rc=$?
took=$(($(date +%s) - start))
check "exec: exit 1 (some failed)" test $rc -eq 1
check "exec: the script's feed stored under its title" \
    grep -q '^ok 2 new: نشرة السكربت$' "$D/out"
check "exec: first stderr line is the error" \
    grep -q "^failed: exec:$X/fail.sh: exec: $X/fail.sh exited 3: انتهت صلاحية المفتاح: token expired$" "$D/out"
check "exec: timeout" \
    grep -q "^failed: exec:$X/slow.sh: exec: $X/slow.sh: timeout (2 s)$" "$D/out"
check "exec: the timeout holds (under 10 s in all)" test "$took" -lt 10
check "exec: output cap" \
    grep -q "^failed: exec:$X/big.sh: exec: $X/big.sh: output over 1048576 bytes$" "$D/out"
check "exec: a missing program" \
    grep -q "^failed: exec:$X/no-such-program: exec: $X/no-such-program: not found$" "$D/out"
check "filter: the body went through the program" \
    test "$("$AKHBAR" -c "$DB3" --list | grep -c '	\[مفلتر\] ')" -eq 4
check "filter: a failing filter fails the feed" \
    grep -q "^failed: filter:$X/fail.sh:$U/file/ar.xml: filter: $X/fail.sh exited 3: " "$D/out"
check "filter: the URL was fetched" grep -q '^/file/ar.xml 200' "$LOG"
check "exec: no shell: quotes kept the argument whole" \
    sh -c "'$AKHBAR' -c '$DB3' --list | grep -q 'نشرة السكربت'"
# slow_gone: the script's sleep is dead (a killed orphan may stay a
# zombie a moment, until init reaps it: that counts as dead)
slow_gone() {
	test -s "$D/slow.pid" || return 1
	! ps -o stat= -p "$(cat "$D/slow.pid")" 2>/dev/null | grep -qv Z
}
check "exec: a timed-out script's children are killed too" slow_gone
cat > "$D/urls11" <<EOF
https://example.com/ok
filter:$X/filter.sh
EOF
"$AKHBAR" -u "$D/urls11" --export-opml > /dev/null 2> "$D/out"
check "filter: without a URL is refused with file:line" \
    grep -q "urls11:2: filter: wants filter:PROGRAM:URL" "$D/out"

kill "$SERVER" 2>/dev/null
wait "$SERVER" 2>/dev/null
exit 0
