#!/bin/sh
# akhbar --fulltext ID: an article's page fetched from tests/feedserver.py
# on 127.0.0.1, its article extracted and stored next to the feed's text
# (Arabic with site furniture, Persian, English, windows-1256 with the
# charset only in the Content-Type header); failures (404, not HTML, no
# article, not http) exit 1 with one line and are stored; search finds a
# word that only the page has; a refresh fetches at most
# FULLTEXT_PER_REFRESH pages.
. "$TOP/tests/lib.sh"

D=$TMP/e2e-fulltext
rm -rf "$D"
mkdir -p "$D/www" "$D/home"
export HOME=$D/home XDG_CONFIG_HOME=$D/home/.config \
    XDG_DATA_HOME=$D/home/.local/share
DB=$D/cache.db
IN=$TOP/tests/in/extract

# The pages: news articles with menus, banners, share bars and comments.
cp "$IN/ar-news.html" "$D/www/ar.html"
cp "$IN/fa-news.html" "$D/www/fa.html"
cp "$IN/en-news.html" "$D/www/en.html"
cp "$IN/no-article.html" "$D/www/empty.html"
# windows-1256 bytes with a <meta> that says Latin-1: only the HTTP
# header's charset reads it right.
sed 's|<head>|<head><meta charset="iso-8859-1">|' \
    "$IN/ar-1256-undeclared.html" > "$D/www/olives.1256.html"
printf '%%PDF-1.4\n%s\n' "binary, not a page" > "$D/www/report.pdf"

python3 "$TOP/tests/feedserver.py" --root "$D/www" --timeout 60 \
    --log "$D/server.log" > "$D/port" 2> "$D/server.err" &
SERVER=$!
i=0
while [ ! -s "$D/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
P=$(head -1 "$D/port")
U=http://127.0.0.1:$P
check "feed server started" test -n "$P"

# A summary-only feed: one line of each article, the rest on the page.
cat > "$D/www/feed.xml" <<FEED
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار الساحل</title>
<link>$U/</link>
<item><title>محطة تحلية جديدة</title><link>$U/page/ar.html</link>
<guid>ar</guid><pubDate>Sat, 05 Dec 2026 09:00:00 GMT</pubDate>
<description>افتتحت الحكومة محطة لتحلية مياه البحر.</description></item>
<item><title>بازگشایی کتابخانه‌ی ملی</title><link>$U/page/fa.html</link>
<guid>fa</guid><pubDate>Sat, 05 Dec 2026 08:00:00 GMT</pubDate>
<description>کتابخانه‌ی ملی دوباره باز شد.</description></item>
<item><title>Cycling lanes approved</title><link>$U/page/en.html</link>
<guid>en</guid><pubDate>Sat, 05 Dec 2026 07:00:00 GMT</pubDate>
<description>The council voted on Monday.</description></item>
<item><title>موسم الزيتون</title><link>$U/page/olives.1256.html</link>
<guid>olives</guid><pubDate>Sat, 05 Dec 2026 06:00:00 GMT</pubDate>
<description>بدأ قطف الزيتون.</description></item>
<item><title>Gone</title><link>$U/page/missing.html</link>
<guid>gone</guid><pubDate>Sat, 05 Dec 2026 05:00:00 GMT</pubDate>
<description>A page that is no more.</description></item>
<item><title>Report</title><link>$U/page/report.pdf</link>
<guid>pdf</guid><pubDate>Sat, 05 Dec 2026 04:00:00 GMT</pubDate>
<description>The annual report.</description></item>
<item><title>Empty</title><link>$U/page/empty.html</link>
<guid>empty</guid><pubDate>Sat, 05 Dec 2026 03:00:00 GMT</pubDate>
<description>A page with no article.</description></item>
<item><title>Huge</title><link>$U/big</link>
<guid>big</guid><pubDate>Sat, 05 Dec 2026 01:00:00 GMT</pubDate>
<description>33 MB of markup.</description></item>
<item><title>Local</title><link>file:///etc/passwd</link>
<guid>local</guid><pubDate>Sat, 05 Dec 2026 02:00:00 GMT</pubDate>
<description>Not fetched.</description></item>
</channel></rss>
FEED
echo "$U/file/feed.xml" > "$D/urls"
"$AKHBAR" -u "$D/urls" -c "$DB" --refresh > /dev/null 2>&1
check "refresh stored the feed" \
    test "$(sqlite3 "$DB" 'SELECT count(*) FROM articles')" -eq 9
id() { sqlite3 "$DB" "SELECT id FROM articles WHERE guid = '$1'"; }
col() {	# col GUID EXPR: an expression over the article's full text row
	sqlite3 "$DB" "SELECT $2 FROM fulltexts WHERE article_id = $(id "$1")"
}
has() {	# has GUID TEXT: the stored full text holds TEXT
	col "$1" content | grep -qF "$2"
}

# Before: a sentence only on the page is nowhere in the store.
"$AKHBAR" -c "$DB" --search "استغرق" > "$D/s0" 2> /dev/null
check "before: the page's words are not found" test ! -s "$D/s0"

for g in ar fa en olives; do
	"$AKHBAR" -c "$DB" --fulltext "$(id $g)" > "$D/$g.out" 2> "$D/$g.err"
	check "$g: exit 0" test $? -eq 0
	check "$g: nothing printed" test ! -s "$D/$g.out" -a ! -s "$D/$g.err"
done
check "ar: the page's text stored" has ar "استغرق أربع سنوات من العمل"
check "ar: site furniture left out" sh -c \
    "! sqlite3 '$DB' 'SELECT content FROM fulltexts' | grep -qF 'شارك على فيسبوك'"
check "ar: the feed's summary kept as it was" test "$(sqlite3 "$DB" \
    "SELECT content FROM bodies WHERE article_id = $(id ar)")" = \
    "افتتحت الحكومة محطة لتحلية مياه البحر."
check "ar: final URL and Content-Type kept" \
    test "$(col ar "url || ' ' || content_type")" = \
    "$U/page/ar.html text/html; charset=utf-8"
check "ar: fetched time set, no error" \
    test "$(col ar "fetched > 1700000000 AND error IS NULL")" = 1
check "fa: ZWNJ kept" has fa "کتابخانه‌ی ملی روز یکشنبه"
check "en: the page's text stored" has en \
    "twenty kilometres of protected cycling lanes"
check "olives: windows-1256 read by the Content-Type's charset" \
    has olives "بدأ المزارعون في القرى الجبلية"

# Search: words only on the pages are found, in their articles.
"$AKHBAR" -c "$DB" --search "استغرق" > "$D/s1" 2>&1
check "search finds an Arabic word only in the full text" \
    test "$(cut -f4 "$D/s1")" = "$U/page/ar.html"
"$AKHBAR" -c "$DB" --search "kilometres shopkeepers" > "$D/s2" 2>&1
check "search finds English words only in the full text" \
    test "$(cut -f4 "$D/s2")" = "$U/page/en.html"
"$AKHBAR" -c "$DB" --search "=المزارعون" > "$D/s3" 2>&1
check "exact search finds the windows-1256 page's word" \
    test "$(cut -f4 "$D/s3")" = "$U/page/olives.1256.html"

# Failures: one line on stderr naming the article, exit 1, kept.
fails() {	# fails GUID WHAT EXPECTED-IN-MESSAGE
	n=$(id "$1")
	"$AKHBAR" -c "$DB" --fulltext "$n" > "$D/$1.out" 2> "$D/$1.err"
	check "$1: exit 1" test $? -eq 1
	check "$1: one line naming the article and $2" sh -c \
	    "test \$(wc -l < '$D/$1.err') -eq 1 && grep -qF 'article $n: ' '$D/$1.err' && grep -qF '$3' '$D/$1.err'"
	check "$1: the failure is stored" sh -c \
	    "sqlite3 '$DB' 'SELECT error FROM fulltexts WHERE article_id = $n AND content IS NULL' | grep -qF '$3'"
}
fails gone "the status" "HTTP 404"
fails pdf "the type" "not an HTML page (application/octet-stream)"
fails empty "no article" "article"
fails local "the scheme" "only http:// and https://"
fails big "the size cap" "too large (over 16777216 bytes)"
"$AKHBAR" -c "$DB" --fulltext 9999 > "$D/none.out" 2> "$D/none.err"
check "no such article: exit 1" test $? -eq 1
check "no such article: said" grep -q "no article 9999" "$D/none.err"
"$AKHBAR" -c "$DB" --fulltext abc > /dev/null 2> "$D/bad.err"
check "--fulltext abc: usage error (exit 2)" test $? -eq 2

check "store intact" test "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok
check "9 full text rows: 4 texts, 5 failures" test \
    "$(sqlite3 "$DB" 'SELECT count(*), count(content) FROM fulltexts')" = "9|4"
# A refresh keeps them (the feed did not change).
"$AKHBAR" -u "$D/urls" -c "$DB" --refresh > /dev/null 2>&1
check "a refresh keeps the full texts" \
    test "$(sqlite3 "$DB" 'SELECT count(content) FROM fulltexts')" = 4
"$AKHBAR" -c "$DB" --search "استغرق" > "$D/s4" 2>&1
check "after the refresh, still found" \
    test "$(cut -f4 "$D/s4")" = "$U/page/ar.html"

# Several at once, politely: four pages of one host that each take a
# second are fetched two at a time (2 s, not 1 s nor 4 s).
for k in 1 2 3 4; do cp "$IN/en-news.html" "$D/www/slow$k.html"; done
{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel>'
	printf '<title>Slow</title>\n'
	for k in 1 2 3 4; do
		printf '<item><title>Slow %s</title>' $k
		printf '<link>%s/page/slow%s.html?slow=1</link>' "$U" $k
		printf '<guid>slow%s</guid><description>Summary %s.' $k $k
		printf '</description></item>\n'
	done
	printf '</channel></rss>\n'
} > "$D/www/slow.xml"
echo "$U/file/slow.xml" >> "$D/urls"
"$AKHBAR" -u "$D/urls" -c "$DB" --refresh > /dev/null 2>&1
t0=$(date +%s%N)
"$AKHBAR" -c "$DB" --fulltext "$(id slow1)" "$(id slow2)" "$(id slow3)" \
    "$(id slow4)" > "$D/slow.out" 2>&1
rc=$?
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
echo "# four 1 s pages of one host: $ms ms"
check "four IDs at once: exit 0" test $rc -eq 0
check "four IDs at once: all stored" test "$(sqlite3 "$DB" \
    "SELECT count(content) FROM fulltexts f JOIN articles a ON a.id = f.article_id WHERE a.guid LIKE 'slow%'")" = 4
check "at most 2 pages of one host at once (took $ms ms, >= 1900)" \
    test "$ms" -ge 1900
check "but 2 at once, not one by one (took $ms ms, < 3800)" \
    test "$ms" -lt 3800
"$AKHBAR" -c "$DB" --fulltext "$(id ar)" "$(id gone)" "$(id pdf)" \
    > "$D/mixed.out" 2> "$D/mixed.err"
check "mixed IDs: exit 1" test $? -eq 1
check "mixed IDs: one line for each failure" \
    test "$(wc -l < "$D/mixed.err")" -eq 2
check "mixed IDs: the 404 named" grep -qF "article $(id gone): HTTP 404" \
    "$D/mixed.err"

# Hostile pages and servers: no control character of theirs reaches the
# store or the terminal, from the text or from a reason.
cp "$TOP/tests/in/extract/hostile-controls.html" "$D/www/evil.html"
{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel>'
	printf '<title>Evil</title>\n'
	printf '<item><title>Evil page</title><link>%s/page/evil.html</link>' "$U"
	printf '<guid>evilpage</guid><description>x</description></item>\n'
	printf '<item><title>Evil status</title><link>%s/evil-status</link>' "$U"
	printf '<guid>evilstatus</guid><description>x</description></item>\n'
	printf '</channel></rss>\n'
} > "$D/www/evil.xml"
echo "$U/file/evil.xml" >> "$D/urls"
"$AKHBAR" -u "$D/urls" -c "$DB" --refresh > /dev/null 2>&1
"$AKHBAR" -c "$DB" --fulltext "$(id evilpage)" "$(id evilstatus)" \
    > "$D/evil.out" 2> "$D/evil.err"
check "hostile: the page's text stored" has evilpage "Third paragraph"
# (tabs, newlines and CRs are white space in the stored HTML)
check "hostile: no control character stored" test "$(sqlite3 "$DB" \
    "SELECT count(*) FROM fulltexts WHERE content GLOB '*[$(printf '\001-\010\013\014\016-\037\177')]*' OR error GLOB '*[$(printf '\001-\037\177')]*'")" -eq 0
check "hostile: no ESC stored (the escape sequences went)" test "$(sqlite3 \
    "$DB" "SELECT count(*) FROM fulltexts WHERE instr(content, char(27))")" -eq 0
check "hostile: the status's reason stored, cleaned" sh -c \
    "sqlite3 '$DB' \"SELECT error FROM fulltexts WHERE article_id = $(id evilstatus)\" | grep -q '^HTTP 500'"
check "hostile: one line on stderr, no escape in it" sh -c \
    "test \$(wc -l < '$D/evil.err') -eq 1 && ! grep -q \"\$(printf '\033')\" '$D/evil.err'"

# The config's `fulltext yes`: a refresh fetches the full texts of the
# new articles, once: a second refresh asks for no page again.
printf 'fulltext yes\n' > "$D/config"
echo "$U/file/feed.xml" > "$D/urls1"
DB2=$D/auto.db
"$AKHBAR" -u "$D/urls1" -c "$DB2" --refresh > "$D/r0.out" 2>&1
check "without fulltext yes: no full texts" \
    test "$(sqlite3 "$DB2" 'SELECT count(*) FROM fulltexts')" -eq 0
rm -f "$DB2"*
: > "$D/server.log"
"$AKHBAR" -C "$D/config" -u "$D/urls1" -c "$DB2" --refresh \
    > "$D/r1.out" 2>&1
check "fulltext yes: the refresh succeeds" test $? -eq 0
check "fulltext yes: every new article tried, 4 texts stored" test \
    "$(sqlite3 "$DB2" 'SELECT count(*), count(content) FROM fulltexts')" = "9|4"
check "fulltext yes: the page's words are found" sh -c \
    "'$AKHBAR' -c '$DB2' --search استغرق | grep -qF '$U/page/ar.html'"
check "fulltext yes: failures are one warning line" \
    grep -q "full texts: 5 of 9 failed" "$D/r1.out"
n1=$(grep -c '^/page/' "$D/server.log")
check "fulltext yes: each of the 7 pages asked for once ($n1)" test "$n1" -eq 7
touch "$D/www/feed.xml"
"$AKHBAR" -C "$D/config" -u "$D/urls1" -c "$DB2" --refresh \
    > "$D/r2.out" 2>&1
check "fulltext yes: a second refresh fetches no page again" \
    test "$(grep -c '^/page/' "$D/server.log")" -eq "$n1"

# Per feed: fulltext=yes without the config, fulltext=no over it.
DB3=$D/feed.db
echo "$U/file/feed.xml fulltext=yes" > "$D/urls3"
"$AKHBAR" -u "$D/urls3" -c "$DB3" --refresh > "$D/r3.out" 2>&1
check "fulltext=yes: the feed's full texts fetched" test \
    "$(sqlite3 "$DB3" 'SELECT count(*), count(content) FROM fulltexts')" = "9|4"
rm -f "$DB3"*
echo "$U/file/feed.xml fulltext=no" > "$D/urls3"
"$AKHBAR" -C "$D/config" -u "$D/urls3" -c "$DB3" --refresh \
    > "$D/r4.out" 2>&1
check "fulltext=no wins over the config's fulltext yes" \
    test "$(sqlite3 "$DB3" 'SELECT count(*) FROM fulltexts')" -eq 0
check "fulltext=no: the refresh is fine" test ! -s "$D/r4.out" -o \
    "$(grep -c 'full texts' "$D/r4.out")" -eq 0

# The cap: a feed that suddenly lists 105 new articles costs its site
# FULLTEXT_PER_REFRESH (100) page fetches in a refresh, not 105; the
# rest are left for F, and the next refresh does not take them up.
{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel>'
	printf '<title>Flood</title>\n'
	k=1
	while [ $k -le 105 ]; do
		printf '<item><title>Flood %s</title>' $k
		printf '<link>%s/page/en.html?n=%s</link>' "$U" $k
		printf '<guid>flood%s</guid><description>Summary %s.' $k $k
		printf '</description></item>\n'
		k=$((k + 1))
	done
	printf '</channel></rss>\n'
} > "$D/www/flood.xml"
echo "$U/file/flood.xml fulltext=yes" > "$D/urls4"
DB4=$D/flood.db
: > "$D/server.log"
"$AKHBAR" -u "$D/urls4" -c "$DB4" --refresh > "$D/r5.out" 2>&1
check "flood: 105 articles stored" \
    test "$(sqlite3 "$DB4" 'SELECT count(*) FROM articles')" -eq 105
check "flood: 100 full texts fetched, no more" test \
    "$(sqlite3 "$DB4" 'SELECT count(*), count(content) FROM fulltexts')" = "100|100"
check "flood: 100 pages asked for" \
    test "$(grep -c '^/page/en.html?n=' "$D/server.log")" -eq 100
touch "$D/www/flood.xml"
"$AKHBAR" -u "$D/urls4" -c "$DB4" --refresh > "$D/r6.out" 2>&1
check "flood: the next refresh leaves the other 5 to F" \
    test "$(grep -c '^/page/en.html?n=' "$D/server.log")" -eq 100

kill "$SERVER" 2>/dev/null
wait "$SERVER" 2>/dev/null || :
