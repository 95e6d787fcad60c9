#!/bin/sh
# hostile: untrusted input through every output of the binary. Escape
# sequences (7-bit and 8-bit CSI, OSC, DCS) and bidi overrides in every
# feed field, in HTTP status lines and redirects, in urls file entries,
# OPML titles, theme files and articles; shell metacharacters in links;
# XXE and entity bombs in HTML; invalid UTF-8 and bogus encodings; 100k
# nested divs; a slow drip, a connection reset, a huge body; kill -9
# during --refresh; a full disk. Each case asserts the exact safe output.
# Fixtures: tests/in/hostile/. Not duplicated here: the cases of
# feed_tsv.sh (entity bomb, XXE in feeds, deep XML) and refresh.sh (gzip
# bomb, redirects to file:// and ftp://, big bodies, dropped connection).
. "$TOP/tests/lib.sh"
H=$TOP/tests/in/hostile
T=$TMP/hostile
rm -rf "$T"
mkdir -p "$T/www"
cp "$H"/*.xml "$H"/*.json "$T/www/"

# nobad DESC FILE: no ESC, C1 control (as UTF-8), BEL or bidi control.
nobad() {
	if LC_ALL=C grep -q "$(printf '\033\\|\302[\200-\237]\\|\007\\|\342\200[\252-\256]\\|\342\201[\246-\251]')" "$2"; then
		notok "$1"; od -c "$2" | head -10 | sed 's/^/#   /'
	else ok "$1"; fi
}

# --feed-tsv: every field of an RSS (8-bit C1 forms as character
# references) and a JSON Feed (ESC as \u001b) document.
"$AKHBAR" --feed-tsv "$H/escapes-all.xml" > "$T/xml.tsv" 2> "$T/xml.err"
check "feed-tsv rss: exit 0" test $? -eq 0
printf '1714989600\tTitle end dcs cod.exe\thttps://example.org/x\t<p>HTML &#27;[31mred&#27;[0m &#x9b;2J </p>\thtml\tg\tAuthor\t\tcat|second\n' \
    > "$T/xml.want"
same "feed-tsv rss: escapes and RLO gone from every field" "$T/xml.want" \
    "$T/xml.tsv"
"$AKHBAR" --feed-tsv "$H/escapes-all.json" > "$T/json.tsv" 2> "$T/json.err"
check "feed-tsv json: exit 0" test $? -eq 0
printf '1714989600\tTitle red heregnp.exe\thttps://example.org/a?q=1\t<p>Body bold &#27;[2J and &#x9b;5n end</p>\thtml\tj1\tAu name\t\tt1|tag2\n' \
    > "$T/json.want"
same "feed-tsv json: escapes and RLO gone from every field" \
    "$T/json.want" "$T/json.tsv"
nobad "feed-tsv: no escape or bidi control bytes" "$T/json.tsv"

# Shell metacharacters in links: printed as they are, nothing runs.
rm -f /tmp/akhbar-pwned
"$AKHBAR" --feed-tsv "$H/shell.xml" | cut -f2,3 > "$T/shell.tsv"
cat > "$T/shell.want" <<'WANT'
dollar	https://example.org/$(touch /tmp/akhbar-pwned)
backtick `touch /tmp/akhbar-pwned`	https://example.org/`touch /tmp/akhbar-pwned`
semicolon	https://example.org/a;touch /tmp/akhbar-pwned;b|touch /tmp/akhbar-pwned&&x
quote	https://example.org/'"$HOME"'
WANT
same "feed-tsv: shell metacharacters printed inert" "$T/shell.want" \
    "$T/shell.tsv"

# Bad encodings: exact one-line messages.
"$AKHBAR" --feed-tsv "$H/bad-utf8.xml" > "$T/bad.out" 2> "$T/bad.err"
check "invalid UTF-8 in XML: exit 0" test $? -eq 0
check "invalid UTF-8 in XML: nothing on stderr" test ! -s "$T/bad.err"
printf '\tbad \357\277\275\357\277\275 bytes \357\277\275\t\t\t\t\t\t\t\n' \
    > "$T/bad.want"
same "invalid UTF-8 in XML: each bad sequence becomes U+FFFD" \
    "$T/bad.want" "$T/bad.out"
"$AKHBAR" --feed-tsv "$H/bogus-enc.xml" > "$T/enc.out" 2> "$T/enc.err"
check "bogus encoding: exit 1" test $? -eq 1
printf 'akhbar: %s: line 1, column 42: Unsupported encoding x-bogus-42\n' \
    "$H/bogus-enc.xml" > "$T/enc.want"
same "bogus encoding: clear message" "$T/enc.want" "$T/enc.err"

# --dump: a text and an HTML article.
dump() { "$AKHBAR" --dump -w 60 --color never "$@"; }
dump "$H/article-esc.txt" > "$T/txt.out" 2>&1
printf 'Text clear link red evil\n' > "$T/txt.want"
same "dump text: 7-bit and 8-bit sequences dropped, RLO inert" \
    "$T/txt.want" "$T/txt.out"
dump "$H/article-esc.html" > "$T/html.out" 2>&1
cat > "$T/html.want" <<'WANT'
T]0;pwnitle
═══════════

Raw [31mred[0m and [2J and and ok.

Spoof gnp.exe and iso kept? link[1]

[1] https://e.org/
WANT
same "dump html: raw ESC made visible, RLO does not reverse (no exe.png)" \
    "$T/html.want" "$T/html.out"
nobad "dump: no escape or bidi control bytes" "$T/html.out"
dump "$H/bad-utf8.txt" > "$T/utf8.out" 2>&1
printf 'bad \357\277\275\357\277\275 bytes \357\277\275( end \357\277\275\357\277\275\357\277\275 surrogate\n' \
    > "$T/utf8.want"
same "dump: invalid UTF-8 becomes U+FFFD" "$T/utf8.want" "$T/utf8.out"
dump "$H/xxe.html" > "$T/xxe.out" 2>&1
check "dump html: exit 0 on a DOCTYPE with entities" test $? -eq 0
check "dump html: no external entity (/etc/passwd) read" \
    sh -c "! grep -q 'root:' '$T/xxe.out'"
check "dump html: entities not expanded" grep -qx 'x&xxe;y &b; z' "$T/xxe.out"
awk 'BEGIN { printf "<p>before</p>";
    for (i = 0; i < 100000; i++) printf "<div>"; printf "deep";
    for (i = 0; i < 100000; i++) printf "</div>"; print "<p>after</p>" }' \
    > "$T/deep.html"
dump "$T/deep.html" > "$T/deep.out" 2>&1
check "dump html: 100k nested divs: exit 0" test $? -eq 0
# Content deeper than HTML_MAX_DEPTH (256) is dropped; the parse goes on
# (no tree is built), so what comes after the deep part is kept too.
printf 'before\n\nafter\n' > "$T/deep.want"
same "dump html: 100k nested divs: deeper than 256 dropped, the rest kept" \
    "$T/deep.want" "$T/deep.out"
dump --color always --theme "$H/evil.theme" "$H/article-esc.txt" \
    > "$T/theme.out" 2> "$T/theme.err"
check "evil theme: exit 1" test $? -eq 1
printf "akhbar: %s:1: unknown element 'list'\n" "$H/evil.theme" \
    > "$T/theme.want"
same "evil theme: OSC in the error message dropped" "$T/theme.want" \
    "$T/theme.err"

# OPML titles and categories with escapes and RLO.
rm -f "$T/urls.opml"
"$AKHBAR" -u "$T/urls.opml" --import-opml "$H/clean.opml" > /dev/null 2>&1
"$AKHBAR" -u "$T/urls.opml" --import-opml "$H/subs.opml" > "$T/opml.out" \
    2> "$T/opml.err"
cat > "$T/opml.want" <<'WANT'
https://example.org/rss?a=1&b=2 News tech linux "~spoof"
http://example.com/feed "~Top"
WANT
same "opml: U+202E dropped from titles" "$T/opml.want" "$T/urls.opml"
nobad "opml: error output clean" "$T/opml.err"

# A urls file with escapes and RLO in names, a bad scheme and an
# unterminated quote: --export-opml writes clean OPML, warns exactly.
"$AKHBAR" -u "$H/urls" --export-opml > "$T/export.xml" 2> "$T/export.err"
check "export-opml: exit 0" test $? -eq 0
grep -v dateCreated "$T/export.xml" > "$T/export.out"
cat > "$T/export.want" <<'WANT'
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>akhbar subscriptions</title>
  </head>
  <body>
    <outline type="rss" text="Namecleared" title="Namecleared" xmlUrl="http://127.0.0.1:1/feed" category="tag1,tag two"/>
    <outline type="rss" text="evil" title="evil" xmlUrl="https://example.org/rss" category="news"/>
    <outline type="rss" text="./local/feed.xml" title="./local/feed.xml" xmlUrl="./local/feed.xml" category="local"/>
  </body>
</opml>
WANT
same "export-opml: escapes and RLO gone from names" "$T/export.want" \
    "$T/export.out"
cat > "$T/export.ewant" <<WANT
akhbar: $H/urls:4: unsupported URL scheme (only http, https, local files, exec: and filter:)
akhbar: $H/urls:5: unterminated quote
WANT
same "export-opml: urls warnings exact" "$T/export.ewant" "$T/export.err"

# The network: a server on 127.0.0.1.
LOG=$T/server.log
python3 "$TOP/tests/feedserver.py" --root "$T/www" --log "$LOG" \
    --timeout 60 > "$T/port" 2> "$T/server.err" &
i=0
while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
P=$(head -1 "$T/port")
U=http://127.0.0.1:$P
check "feed server started" test -n "$P"
printf '%s\n' "$U/evil-status" "$U/evil-moved" "$U/reset" "$U/slow" \
    "$U/big" "$U/file/escapes-all.xml" "$U/file/escapes-all.json" \
    "$U/file/shell.xml" "$U/file/bad-utf8.xml" "$U/file/bogus-enc.xml" \
    > "$T/urls"
printf 'http://127.0.0.1:1/\302\2333x "~N\302\2332J\342\200\256me"\n' >> "$T/urls"
printf 'ftp://x/\033]0;pwned\007 "~a"\n' >> "$T/urls"
start=$(date +%s)
"$AKHBAR" -u "$T/urls" -c "$T/h.db" --refresh --timeout 20 \
    --low-speed-time 2 --max-size 100000 --max-connections 16 \
    > "$T/refresh.out" 2> "$T/refresh.err"
rc=$?
took=$(( $(date +%s) - start ))
check "refresh: exit 1 (some feeds failed)" test $rc -eq 1
LC_ALL=C sort "$T/refresh.err" > "$T/refresh.sorted"
cat > "$T/refresh.want" <<WANT
akhbar: $T/urls:12: control character in URL
failed: http://127.0.0.1:1/: connection refused by 127.0.0.1
failed: $U/big: too large (over 100000 bytes)
failed: $U/evil-moved: The redirect target URL could not be parsed: Bad query
failed: $U/evil-status: HTTP 500 Bad thing
failed: $U/file/bogus-enc.xml: parse error: line 1, column 42: Unsupported encoding x-bogus-42
failed: $U/reset: connection dropped (Recv failure: Connection reset by peer)
failed: $U/slow: timeout (Operation too slow. Less than 16 bytes/sec transferred the last 2 seconds)
ok 1 new: Channel
ok 1 new: Feed title
ok 1 new: ok
ok 4 new: Shell
WANT
same "refresh: every message exact and sanitized" "$T/refresh.want" \
    "$T/refresh.sorted"
nobad "refresh: no escape or bidi control bytes on stderr" "$T/refresh.err"
check "refresh: the 1 byte/s drip gave up within 10 s (took ${took}s)" \
    test "$took" -le 10
"$AKHBAR" -c "$T/h.db" --list | cut -f2- | LC_ALL=C sort > "$T/list.out"
cat > "$T/list.want" <<'WANT'
Channel	Title end dcs cod.exe	https://example.org/x
Feed title	Title red heregnp.exe	https://example.org/a?q=1
Shell	backtick `touch /tmp/akhbar-pwned`	https://example.org/`touch /tmp/akhbar-pwned`
Shell	dollar	https://example.org/$(touch /tmp/akhbar-pwned)
Shell	quote	https://example.org/'"$HOME"'
Shell	semicolon	https://example.org/a;touch /tmp/akhbar-pwned;b|touch /tmp/akhbar-pwned&&x
ok	bad �� bytes �	
WANT
same "list: titles, feed titles and links exact and inert" "$T/list.want" \
    "$T/list.out"
# An ETag with a CR is not sent back (it would split the request header).
printf '%s\n' "$U/evil-etag" > "$T/urls.etag"
"$AKHBAR" -u "$T/urls.etag" -c "$T/e.db" --refresh > /dev/null 2>&1
"$AKHBAR" -u "$T/urls.etag" -c "$T/e.db" --refresh > /dev/null 2>&1
check "refresh: ETag with a CR not stored nor sent back" \
    test "$(grep -c '^/evil-etag 200 inm=- ' "$LOG")" -eq 2
check "no shell ran: /tmp/akhbar-pwned does not exist" \
    test ! -e /tmp/akhbar-pwned
check "no shell in the code: no system(), popen() or sh -c" sh -c \
    "! grep -n 'system(\|popen(\|\"/bin/sh\"\|\"sh\", \"-c\"' '$TOP'/src/*.c"

# Saved-article file names from hostile titles ("../../..", "/etc/passwd",
# "..", ".hidden", "-rf", RLO, C1 CSI, 400 bytes) stay inside the folder.
rm -rf "$T/export" /tmp/akhbar-escape.txt
mkdir -p "$T/export/out"
printf 'file://%s\n' "$H/paths.xml" > "$T/export/urls"
"$AKHBAR" -u "$T/export/urls" -c "$T/export/db" --refresh > /dev/null 2>&1
sqlite3 "$T/export/db" 'UPDATE articles SET saved = 1'
"$AKHBAR" -c "$T/export/db" --export "$T/export/out" > "$T/export/err" \
    2>&1
check "export: exit 0" test $? -eq 0
printf '13 saved articles: 13 written, 0 unchanged\n' > "$T/export/ewant"
same "export: 13 written" "$T/export/ewant" "$T/export/err"
(cd "$T/export/out" && ls -A) | LC_ALL=C sort > "$T/export/names"
cat > "$T/export/want" <<'WANT'
2024-05-06-a-b-c-d-e-f.txt
2024-05-06-article-2.txt
2024-05-06-article.txt
2024-05-06-con.txt
2024-05-06-csi.txt
2024-05-06-etc-passwd.txt
2024-05-06-gnp-exe.txt
2024-05-06-hidden.txt
2024-05-06-rf-no-preserve-root.txt
2024-05-06-tmp-akhbar-escape.txt
2024-05-06-x.txt
2024-05-06-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.txt
2024-05-06-قمة-عربية.txt
WANT
same "export: file names exact, all inside the folder" "$T/export/want" \
    "$T/export/names"
check "export: 13 plain files in the folder, nothing outside it" test \
    "$(find "$T/export/out" -mindepth 1 | wc -l)" -eq 13 -a \
    "$(find "$T/export/out" -type f | wc -l)" -eq 13 -a \
    ! -e /tmp/akhbar-escape.txt -a ! -e "$T/akhbar-escape.txt"

# kill -9 during --refresh at varied points: the store stays intact and
# what an earlier refresh committed stays.
printf '%s\n' "$U/file/escapes-all.xml" "$U/file/shell.xml" > "$T/urls.base"
"$AKHBAR" -u "$T/urls.base" -c "$T/k.db" --refresh > /dev/null 2>&1
base=$(sqlite3 "$T/k.db" 'SELECT count(*) FROM articles')
check "kill -9: base refresh stored 5 articles" test "$base" -eq 5
i=1
while [ $i -le 40 ]; do echo "$U/gen/$i"; i=$((i + 1)); done > "$T/urls.gen"
cat "$T/urls.base" >> "$T/urls.gen"
bad=0
for delay in 0.05 0.1 0.2 0.3 0.5 0.7 1.0 1.3; do
	"$AKHBAR" -u "$T/urls.gen" -c "$T/k.db" --refresh \
	    --max-connections 4 > /dev/null 2>&1 &
	pk=$!
	sleep "$delay"
	kill -9 $pk 2>/dev/null
	wait $pk 2>/dev/null
	ic=$(sqlite3 "$T/k.db" 'PRAGMA integrity_check')
	n=$(sqlite3 "$T/k.db" "SELECT count(*) FROM articles a JOIN feeds \
	    f ON f.id = a.feed_id WHERE f.url IN ('$U/file/shell.xml', \
	    '$U/file/escapes-all.xml')")
	if [ "$ic" != ok ] || [ "$n" -ne 5 ]; then
		bad=1
		echo "# killed after ${delay}s: integrity '$ic', base articles $n"
	fi
done
check "kill -9 at 8 points: integrity ok, committed articles kept" \
    test $bad -eq 0
"$AKHBAR" -u "$T/urls.gen" -c "$T/k.db" --refresh > /dev/null 2>&1
check "kill -9: the next refresh completes" test $? -eq 0
check "kill -9: then all 2005 articles are there" \
    test "$(sqlite3 "$T/k.db" 'SELECT count(*) FROM articles')" -eq 2005

# Three processes on one store: two refreshes and a --list loop, one
# refresh killed -9 half-way. Intact, no duplicate, nothing lost.
rm -f "$T"/c.db*
"$AKHBAR" -u "$T/urls.gen" -c "$T/c.db" --refresh --max-connections 2 \
    > /dev/null 2>&1 &
pa=$!
"$AKHBAR" -u "$T/urls.gen" -c "$T/c.db" --refresh --max-connections 2 \
    > /dev/null 2>&1 &
pb=$!
( i=0; while [ $i -lt 20 ]; do "$AKHBAR" -c "$T/c.db" --list \
    > /dev/null 2>&1; i=$((i + 1)); done ) &
pl=$!
sleep 0.4
kill -9 $pb 2>/dev/null
wait $pa; ra=$?
wait $pb 2>/dev/null
wait $pl
check "concurrent: the surviving refresh exits 0" test $ra -eq 0
check "concurrent: store intact" \
    test "$(sqlite3 "$T/c.db" 'PRAGMA integrity_check')" = ok
check "concurrent: all 2005 articles, no duplicates" test "$(sqlite3 \
    "$T/c.db" "SELECT count(*), count(DISTINCT feed_id || ' ' || guid) \
    FROM articles")" = "2005|2005"

# A full disk: the store on a 1 MB tmpfs (root only).
M=$T/full
mkdir -p "$M"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1M tmpfs "$M" 2>/dev/null
then
	head -n 1 "$T/urls.gen" > "$T/urls.one"
	"$AKHBAR" -u "$T/urls.one" -c "$M/s.db" --refresh > /dev/null 2>&1
	one=$(sqlite3 "$M/s.db" 'SELECT count(*) FROM articles')
	"$AKHBAR" -u "$T/urls.gen" -c "$M/s.db" --refresh > /dev/null \
	    2> "$T/full.err"
	rc=$?
	check "full disk: refresh exits 1" test $rc -eq 1
	check "full disk: the error names it" grep -q \
	    "^failed: $U/gen/[0-9]*: store: database or disk is full$" \
	    "$T/full.err"
	check "full disk: store intact" \
	    test "$(sqlite3 "$M/s.db" 'PRAGMA integrity_check')" = ok
	check "full disk: earlier articles kept" test "$(sqlite3 "$M/s.db" \
	    "SELECT count(*) FROM articles WHERE guid LIKE 'gen-1-%'")" \
	    -eq "$one"
	umount "$M"
else
	ok "full disk: skipped (needs root and tmpfs) # SKIP"
fi
