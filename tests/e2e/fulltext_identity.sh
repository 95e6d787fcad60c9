#!/bin/sh
# A page fetched for a full text (--fulltext -u URLS, and a --refresh of
# a fulltext=yes feed) goes out with its feed's identity from the urls
# file: user-agent, cookies (their own domains) and proxy always; the
# feed's header= and user:pass@ credentials only to the feed's host, not
# to another (127.0.0.1 and localhost are two hosts here), and not after
# a redirect to another. Feeds too: a custom header does not follow a
# redirect to another host (libcurl keeps only Authorization and Cookie
# to themselves).
. "$TOP/tests/lib.sh"

D=$TMP/e2e-fulltext-identity
rm -rf "$D"
mkdir -p "$D/www" "$D/home"
export HOME=$D/home XDG_CONFIG_HOME=$D/home/.config \
    XDG_DATA_HOME=$D/home/.local/share
cp "$TOP/tests/in/extract/en-news.html" "$D/www/en.html"
LOG=$D/server.log
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>A</title><item><title>One</title><guid>a1</guid></item></channel></rss>\n' > "$D/www/a.xml"

python3 "$TOP/tests/feedserver.py" --root "$D/www" --timeout 60 \
    --log "$LOG" > "$D/port" 2> "$D/server.err" &
SERVER=$!
i=0
while [ ! -s "$D/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
P=$(head -1 "$D/port")
U=http://127.0.0.1:$P
OTHER=http://localhost:$P
check "feed server started" test -n "$P"

item() {	# item GUID LINK
	printf '<item><title>%s</title><link>%s</link><guid>%s</guid>' \
	    "$1" "$2" "$1"
	printf '<description>Summary of %s.</description></item>\n' "$1"
}
{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel>'
	printf '<title>Identity</title>\n'
	item same "$U/echo-page/en.html?same"
	item other "$OTHER/echo-page/en.html?other"
	item away "$U/page-away/en.html"
	printf '</channel></rss>\n'
} > "$D/www/feed.xml"
# Cookies for both host names: each goes to its own only.
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc123\n' > "$D/cookies.txt"
printf 'localhost\tFALSE\t/\tFALSE\t0\tlocal\tzzz\n' >> "$D/cookies.txt"
printf 'http://ali:p%%40ss@127.0.0.1:%s/file/feed.xml user-agent="Feed Agent/2" header="X-Token: سر-123" cookies=%s\n' \
    "$P" "$D/cookies.txt" > "$D/urls"
"$AKHBAR" -u "$D/urls" -c "$D/db" --refresh > "$D/r.out" 2>&1
check "refresh stored the feed" \
    test "$(sqlite3 "$D/db" 'SELECT count(*) FROM articles')" -eq 3
id() { sqlite3 "$D/db" "SELECT id FROM articles WHERE guid = '$1'"; }
AUTH="Basic $(printf 'ali:p@ss' | base64)"

: > "$LOG"
"$AKHBAR" -u "$D/urls" -c "$D/db" --fulltext "$(id same)" "$(id other)" \
    "$(id away)" > "$D/f.out" 2> "$D/f.err"
check "--fulltext -u: exit 0" test $? -eq 0
check "all three stored" test "$(sqlite3 "$D/db" \
    'SELECT count(content) FROM fulltexts')" -eq 3
line() { grep "^PAGE /echo-page/en.html?$1 " "$LOG"; }
check "same host: the feed's user-agent, header, cookie and auth" \
    test "$(line same)" = "PAGE /echo-page/en.html?same host=127.0.0.1:$P ua=Feed Agent/2 token=سر-123 cookie=session=abc123 auth=$AUTH"
check "another host: the user-agent and that host's cookie only" \
    test "$(line other)" = "PAGE /echo-page/en.html?other host=localhost:$P ua=Feed Agent/2 token=- cookie=local=zzz auth=-"
check "redirected to another host: neither header nor auth follows" \
    test "$(line away)" = "PAGE /echo-page/en.html?away host=localhost:$P ua=Feed Agent/2 token=- cookie=local=zzz auth=-"

# Without the urls file: akhbar's own identity (a missing file is none).
: > "$LOG"
sqlite3 "$D/db" 'DELETE FROM fulltexts'
"$AKHBAR" -u "$D/nothere" -c "$D/db" --fulltext "$(id same)" \
    > "$D/g.out" 2>&1
check "a missing urls file: exit 0" test $? -eq 0
check "a missing urls file: akhbar's user-agent, no header, no auth" \
    sh -c "grep '^PAGE /echo-page/en.html?same ' '$LOG' | grep -q 'ua=akhbar/.* token=- cookie=- auth=-\$'"

# A refresh of a fulltext=yes feed: its pages get the feed's identity.
: > "$LOG"
sed 's/$/ fulltext=yes/' "$D/urls" > "$D/urls2"
"$AKHBAR" -u "$D/urls2" -c "$D/db2" --refresh > "$D/r2.out" 2>&1
check "fulltext=yes: three full texts" test "$(sqlite3 "$D/db2" \
    'SELECT count(content) FROM fulltexts')" -eq 3
check "fulltext=yes: the page on the feed's host with header and auth" \
    test "$(line same)" = "PAGE /echo-page/en.html?same host=127.0.0.1:$P ua=Feed Agent/2 token=سر-123 cookie=session=abc123 auth=$AUTH"
check "fulltext=yes: none of them to the other host" sh -c \
    "test \$(grep -c 'host=localhost.*token=-.*auth=-\$' '$LOG') -eq 2"

# Feeds: a custom header stays on the feed's host when a redirect leaves
# it (credentials did already), and follows one on the same host.
: > "$LOG"
printf 'http://127.0.0.1:%s/auth-away header="X-Token: t1"\n' "$P" > "$D/urls3"
printf 'http://127.0.0.1:%s/redirect/1 header="X-Token: t2"\n' "$P" >> "$D/urls3"
"$AKHBAR" -u "$D/urls3" -c "$D/db3" --refresh > "$D/r3.out" 2>&1
check "a feed redirected to another host: no header there" \
    grep -q '^ECHO ua=akhbar/.* token=- cookie=- auth=-$' "$LOG"
check "a feed redirected on its host: stored" test "$(sqlite3 "$D/db3" \
    "SELECT count(*) FROM feeds f JOIN articles a ON a.feed_id = f.id WHERE f.url LIKE '%/redirect/1'")" -gt 0
check "redirects followed to the end (2 hops)" \
    grep -q '^/file/a.xml 200' "$LOG"

kill "$SERVER" 2>/dev/null
wait "$SERVER" 2>/dev/null || :
