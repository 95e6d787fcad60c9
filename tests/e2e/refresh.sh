#!/bin/sh
# End-to-end: akhbar --refresh and --list against tests/feedserver.py on
# 127.0.0.1, with a temporary store. Checks each feed's outcome, what the
# server saw (304s, no request while Retry-After holds), the store's
# integrity, article counts and read state kept across updates, two
# concurrent refreshes and a refresh killed half-way.
. "$TOP/tests/lib.sh"

D=$TMP/e2e-refresh
rm -rf "$D"
mkdir -p "$D/www"
DB=$D/cache.db
OUT=$D/out
LOG=$D/server.log
: > "$LOG"

# Fixture feeds: realistic Arabic and English news items.
cat > "$D/www/a.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>الجزيرة نت - أخبار</title><link>https://www.aljazeera.net/</link>
<item><title>قمة عربية في الرياض تبحث الأزمة الاقتصادية</title>
<link>https://www.aljazeera.net/news/2024/5/6/summit</link>
<guid>aj-1001</guid><pubDate>Mon, 06 May 2024 10:15:00 +0300</pubDate>
<description>&lt;p&gt;انطلقت اليوم أعمال القمة العربية في الرياض.&lt;/p&gt;</description></item>
<item><title>ارتفاع أسعار النفط بعد قرار أوبك+</title>
<link>https://www.aljazeera.net/ebusiness/2024/5/7/oil</link>
<guid>aj-1002</guid><pubDate>Tue, 07 May 2024 06:30:00 +0000</pubDate>
<description>أسعار خام برنت ترتفع 2%</description></item>
<item><title>Gaza talks resume in Cairo	with "new" proposal</title>
<link>https://www.aljazeera.com/news/2024/5/7/talks</link>
<guid>aj-1003</guid><pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate></item>
</channel></rss>
EOF
cat > "$D/www/b.xml" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>BBC News - World</title><id>urn:bbc:world</id>
<updated>2024-05-07T12:00:00Z</updated>
<entry><title>Election results: what we know so far</title>
<id>urn:bbc:68950001</id><link href="https://www.bbc.co.uk/news/world-68950001"/>
<updated>2024-05-07T12:00:00Z</updated><summary>Counting continues.</summary></entry>
<entry><title>Floods hit southern Brazil</title>
<id>urn:bbc:68950002</id><link href="https://www.bbc.co.uk/news/world-68950002"/>
<updated>2024-05-06T18:20:00Z</updated><summary>Rescue efforts.</summary></entry>
</feed>
EOF
cp "$D/www/a.xml" "$D/www/moved.xml"
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<title>x</title>\n<item><title>a</b></item></channel></rss>\n' \
    > "$D/www/broken.xml"

python3 "$TOP/tests/feedserver.py" --root "$D/www" --log "$LOG" \
    --timeout 90 > "$D/port" 2>"$D/server.err" &
i=0
while [ ! -s "$D/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
P=$(head -1 "$D/port")
U=http://127.0.0.1:$P
check "feed server started" test -n "$P"

cat > "$D/urls" <<EOF
# test feeds
$U/file/a.xml news "~الجزيرة"
$U/etag/b.xml world
$U/lastmod/a.xml
$U/gzip/b.xml
$U/redirect/3
$U/moved
$U/loop
$U/status/404
$U/status/500
$U/429
$U/slow
$U/big
$U/big-nolen
$U/bomb
$U/drop
$U/tofile
$U/toftp
$U/file/broken.xml
http://127.0.0.1:1/refused.xml
ftp://example.com/feed.xml
$U/unterminated "quote
file://$D/www/b.xml local
EOF

refresh() {	# refresh OUTFILE [options]: runs --refresh, keeps stderr
	o=$1; shift
	"$AKHBAR" -u "$D/urls" -c "$DB" --refresh --timeout 2 "$@" \
	    > "$o.stdout" 2> "$o"
}

has() {		# has DESC FILE PATTERN: a line of FILE matches PATTERN
	if grep -q -- "$3" "$2"; then ok "$1"; else
		notok "$1"; sed 's/^/#   /' "$2" | head -30; fi
}

refresh "$OUT.1"
rc=$?
check "first refresh exits 1 (some feeds failed)" test $rc -eq 1
has "urls: bad scheme reported as FILE:LINE" "$OUT.1" \
    "urls:21: unsupported URL scheme"
has "urls: unterminated quote reported" "$OUT.1" "urls:22: unterminated quote"
has "ok: named feed, 3 new" "$OUT.1" "^ok 3 new: الجزيرة$"
has "ok: etag feed (Atom)" "$OUT.1" "^ok 2 new: BBC News - World$"
has "ok: gzip body" "$OUT.1" "^ok 2 new: BBC News - World$"
has "ok: redirect chain" "$OUT.1" "^ok 3 new: الجزيرة نت - أخبار$"
has "ok: local file: URL" "$OUT.1" "^ok 2 new: BBC"
has "301 recorded and reported" "$OUT.1" \
    "^moved: $U/moved: permanently redirected to $U/file/moved.xml"
has "redirect loop fails" "$OUT.1" "^failed: $U/loop: too many redirects"
has "404 fails" "$OUT.1" "^failed: $U/status/404: HTTP 404 Not Found"
has "500 fails" "$OUT.1" "^failed: $U/status/500: HTTP 500"
has "429 fails with Retry-After" "$OUT.1" \
    "^failed: $U/429: HTTP 429 .*retry in 3600 s"
has "slow server times out" "$OUT.1" "^failed: $U/slow: timeout"
has "body over the cap (Content-Length)" "$OUT.1" "^failed: $U/big: too large"
has "body over the cap (no length)" "$OUT.1" \
    "^failed: $U/big-nolen: too large"
has "gzip bomb stopped" "$OUT.1" "^failed: $U/bomb: too large"
has "dropped connection" "$OUT.1" "^failed: $U/drop: connection dropped"
has "redirect to file:// refused" "$OUT.1" \
    "^failed: $U/tofile: redirect to a refused protocol"
has "redirect to ftp:// refused" "$OUT.1" \
    "^failed: $U/toftp: redirect to a refused protocol"
has "parse error names line:col" "$OUT.1" \
    "^failed: $U/file/broken.xml: parse error: .*line 4"
has "connection refused" "$OUT.1" \
    "^failed: http://127.0.0.1:1/refused.xml: connection refused"
check "gzip was sent compressed" grep -q "^/gzip/b.xml 200 .*ae=.*gzip" "$LOG"
check "nothing on stdout" test ! -s "$OUT.1.stdout"

q() { sqlite3 "$DB" "$1"; }
check "store integrity after first refresh" \
    test "$(q 'PRAGMA integrity_check')" = ok
check "store is in WAL mode" test "$(q 'PRAGMA journal_mode')" = wal
check "article count after first refresh is 18" \
    test "$(q 'SELECT count(*) FROM articles')" -eq 18
check "failures recorded per feed" \
    test "$(q "SELECT last_error FROM feeds WHERE url = '$U/status/404'")" \
    = "HTTP 404 Not Found"
check "moved_to stored" test "$(q "SELECT moved_to FROM feeds \
    WHERE url = '$U/moved'")" = "$U/file/moved.xml"
check "etag stored" test -n "$(q "SELECT etag FROM feeds \
    WHERE url = '$U/file/a.xml'")"

# Mark one article read and save another, then update the feed.
q "UPDATE articles SET unread = 0 WHERE guid = 'aj-1001';
   UPDATE articles SET saved = 1 WHERE guid = 'aj-1002'"
: > "$LOG"
refresh "$OUT.2"
check "second refresh still exits 1" test $? -eq 1
has "304: not modified, nothing new" "$OUT.2" \
    "^ok 0 new: الجزيرة (not modified)$"
check "If-None-Match answered 304" grep -q "^/file/a.xml 304 inm=\"" "$LOG"
check "If-Modified-Since answered 304" \
    grep -q "^/lastmod/a.xml 304 inm=- ims=[A-Z]" "$LOG"
has "Retry-After honoured: skipped" "$OUT.2" "^skipped: $U/429: .*wait until"
check "no request to the 429 feed while Retry-After holds" \
    sh -c "! grep -q '^/429 ' '$LOG'"
check "no articles added by 304s" \
    test "$(q 'SELECT count(*) FROM articles')" -eq 18

# The feed changes: a title is corrected and one item is added.
sed -e 's/قمة عربية في الرياض/القمة العربية في الرياض/' \
    -e 's|</channel>|<item><title>عاجل: زلزال بقوة 5 درجات</title><link>https://www.aljazeera.net/news/quake</link><guid>aj-1004</guid><pubDate>Wed, 08 May 2024 03:00:00 GMT</pubDate></item></channel>|' \
    "$D/www/a.xml" > "$D/www/a.new" && mv "$D/www/a.new" "$D/www/a.xml"
refresh "$OUT.3"
has "changed feed: 1 new" "$OUT.3" "^ok 1 new: الجزيرة$"
check "updated title stored" test "$(q "SELECT count(*) FROM articles \
    WHERE guid = 'aj-1001' AND title LIKE 'القمة%'")" -ge 1
check "read state kept after update" test "$(q "SELECT unread FROM \
    articles a JOIN feeds f ON f.id = a.feed_id WHERE guid = 'aj-1001' \
    AND f.url = '$U/file/a.xml'")" = 0
check "saved state kept after update" test "$(q "SELECT saved FROM \
    articles a JOIN feeds f ON f.id = a.feed_id WHERE guid = 'aj-1002' \
    AND f.url = '$U/file/a.xml'")" = 1
check "no duplicates after update" test "$(q "SELECT count(*) FROM \
    (SELECT feed_id, guid FROM articles GROUP BY 1, 2 HAVING count(*) > 1)")" \
    -eq 0
check "store integrity after updates" test "$(q 'PRAGMA integrity_check')" = ok

# --list: TSV, 4 fields, newest first, sanitized.
"$AKHBAR" -c "$DB" --list > "$D/list"
check "--list exits 0" test $? -eq 0
check "--list prints one line per article" \
    test "$(wc -l < "$D/list")" -eq "$(q 'SELECT count(*) FROM articles')"
check "--list lines have 4 TAB-separated fields" \
    test "$(awk -F '\t' 'NF != 4' "$D/list" | wc -l)" -eq 0
check "--list has no control characters" \
    sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' '$D/list' || \
    ! LC_ALL=C tr -d '\t\n' < '$D/list' | LC_ALL=C grep -q '[[:cntrl:]]'"
check "--list newest first" sh -c "cut -f1 '$D/list' | sort -rc"
has "--list date and fields" "$D/list" \
    "^2024-05-08 03:00	الجزيرة	عاجل: زلزال بقوة 5 درجات	https://www.aljazeera.net/news/quake$"
has "--list folds the tab inside a title" "$D/list" \
    "	Gaza talks resume in Cairo with \"new\" proposal	"
"$AKHBAR" -c "$DB" --list > /dev/full 2>/dev/null
check "--list reports write errors" test $? -ne 0
"$AKHBAR" -c "$D/none.db" --list > /dev/null 2>&1
check "--list without a store fails" test $? -eq 1
"$AKHBAR" -c "$DB" --list extra > /dev/null 2>&1
check "usage error exits 2" test $? -eq 2
"$AKHBAR" -u "$D/urls" -c "$DB" --refresh --max-connections x \
    > /dev/null 2>&1
check "bad number exits 2" test $? -eq 2

# Only good feeds: exit 0. --max-articles keeps saved ones.
printf '%s "~Al Jazeera"\n%s\n' "$U/file/a.xml" "$U/etag/b.xml" \
    > "$D/urls.good"
"$AKHBAR" -u "$D/urls.good" -c "$D/good.db" --refresh > /dev/null 2>&1
check "all feeds fine: exit 0" test $? -eq 0
sqlite3 "$D/good.db" "UPDATE articles SET saved = 1 WHERE guid = 'aj-1001'"
sed -i 's/aj-1004/aj-1005/' "$D/www/a.xml"
"$AKHBAR" -u "$D/urls.good" -c "$D/good.db" --refresh --max-articles 1 \
    > /dev/null 2>&1
check "--max-articles trims but keeps saved" test "$(sqlite3 "$D/good.db" \
    "SELECT group_concat(guid) FROM (SELECT guid FROM articles a JOIN \
    feeds f ON f.id = a.feed_id WHERE f.url = '$U/file/a.xml' \
    ORDER BY guid)")" = "aj-1001,aj-1005"

# Two concurrent refreshes of the same store.
rm -f "$D"/conc.db*
"$AKHBAR" -u "$D/urls.good" -c "$D/conc.db" --refresh > "$D/c1" 2>&1 &
p1=$!
"$AKHBAR" -u "$D/urls.good" -c "$D/conc.db" --refresh > "$D/c2" 2>&1 &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
check "concurrent refreshes both succeed" test $r1 -eq 0 -a $r2 -eq 0
check "concurrent refreshes: store intact" \
    test "$(sqlite3 "$D/conc.db" 'PRAGMA integrity_check')" = ok
check "concurrent refreshes: no duplicates" \
    test "$(sqlite3 "$D/conc.db" 'SELECT count(*) FROM articles')" -eq 6

# Kill a refresh half-way: what was committed stays, the store is intact.
printf '%s\n%s\n%s\n' "$U/file/a.xml" "$U/slow" "$U/etag/b.xml" \
    > "$D/urls.kill"
rm -f "$D"/kill.db*
"$AKHBAR" -u "$D/urls.kill" -c "$D/kill.db" --refresh --timeout 30 \
    --max-connections 1 > /dev/null 2>&1 &
pk=$!
i=0
while [ $i -lt 50 ] && ! grep -q "^/slow " "$LOG"; do sleep 0.1; i=$((i + 1)); done
# the download program is already on /slow while akhbar may still be
# storing a.xml: kill once that is committed (10 s at most)
i=0
while [ $i -lt 100 ] && [ "$(sqlite3 "$D/kill.db" \
    'SELECT count(*) FROM articles' 2>/dev/null)" != 4 ]; do
	sleep 0.1; i=$((i + 1))
done
kill -9 $pk 2>/dev/null
wait $pk 2>/dev/null
check "killed refresh: store intact" \
    test "$(sqlite3 "$D/kill.db" 'PRAGMA integrity_check')" = ok
check "killed refresh: committed feed kept" \
    test "$(sqlite3 "$D/kill.db" 'SELECT count(*) FROM articles')" -eq 4
# its index rows were waiting to be written with other feeds' ...
check "killed refresh: index rows were waiting" \
    test "$(sqlite3 "$D/kill.db" \
    'SELECT count(*) FROM article_fts_docsize')" -eq 0
# ... and a search indexes what is missing before it runs
check "killed refresh: a search finds the committed articles" \
    test "$("$AKHBAR" -c "$D/kill.db" --search Cairo | grep -c Gaza)" -eq 1
"$AKHBAR" -u "$D/urls.good" -c "$D/kill.db" --refresh > /dev/null 2>&1
check "killed refresh: next refresh works" test $? -eq 0
check "killed refresh: every article indexed" test "$(sqlite3 \
    "$D/kill.db" 'SELECT count(*) FROM article_fts_docsize')" -eq \
    "$(sqlite3 "$D/kill.db" 'SELECT count(*) FROM articles')"

# The index a refresh builds (its terms made by the worker thread,
# src/store_terms.c) is the one the store builds from the articles
# alone: same terms, each in as many articles. Six mixed feeds of 60
# items (RSS and Atom, Arabic and English, HTML as CDATA and escaped),
# read as local files, so 360 rows wait for the worker; then
# the terms' version is made stale, so the next search rebuilds the
# index through SQL (akhbar_fts_terms()).
python3 tests/bench/gen_mixed.py feeds "$D/mixed" 6 60
: > "$D/urls.mixed"
for i in 0 1 2 3 4 5; do echo "$D/mixed/f$i.xml" >> "$D/urls.mixed"; done
rm -f "$D"/mixed.db*
"$AKHBAR" -u "$D/urls.mixed" -c "$D/mixed.db" --refresh > /dev/null 2>&1
check "worker index: refresh ok" test $? -eq 0
vocab() {
	sqlite3 "$D/mixed.db" "CREATE VIRTUAL TABLE temp.v USING \
	    fts5vocab(main, article_fts, row); SELECT term, doc FROM v"
}
vocab > "$D/vocab.refresh"
check "worker index: every article indexed" test "$(sqlite3 "$D/mixed.db" \
    'SELECT count(*) FROM article_fts_docsize')" -eq 360
sqlite3 "$D/mixed.db" "UPDATE store_meta SET value = 'stale' \
    WHERE name = 'search_terms'"
"$AKHBAR" -c "$D/mixed.db" --search zzzz > /dev/null 2>&1
check "worker index: rebuilt" test "$(sqlite3 "$D/mixed.db" \
    "SELECT value != 'stale' FROM store_meta WHERE name = 'search_terms'")" \
    = 1
vocab > "$D/vocab.rebuilt"
check "worker index: terms as many" test "$(wc -l < "$D/vocab.refresh")" \
    -gt 500
same "worker index: the same terms in as many articles as a rebuild" \
    "$D/vocab.rebuilt" "$D/vocab.refresh"
