#!/bin/sh
# F in the reader, end to end: the real binary in tmux (120x40: list 48
# columns, reader 71 from column 49) with tests/feedserver.py serving the
# articles' pages on 127.0.0.1. F fetches in the background and shows the
# full text (a phrase only on the page appears, right-aligned for
# Arabic), F again shows the feed's text and a third F the full text
# without fetching again; s saves the text shown; a 404 is said on the
# status line and on the article; keys work while a slow page loads; the
# page goes out with the feed's user-agent from the reader's urls file.
. "$TOP/tests/lib.sh"

SOCK=akhbar-fulltext-$$
W=$TMP/tui-fulltext
rm -rf "$W"
mkdir -p "$W/home" "$W/config/akhbar" "$W/data" "$W/www"
ENVS="HOME=$W/home XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data LANG=C.UTF-8 LC_ALL= TERM=xterm-256color"
. "$TOP/tests/tmux.sh"
IN=$TOP/tests/in/extract
cp "$IN/ar-news.html" "$W/www/ar.html"
cp "$IN/en-news.html" "$W/www/en.html"
cp "$IN/fa-news.html" "$W/www/fa.html"

python3 "$TOP/tests/feedserver.py" --root "$W/www" --log "$W/server.log" \
    --timeout 120 > "$W/port" 2> "$W/server.err" &
SERVER=$!
i=0
while [ ! -s "$W/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
P=$(head -1 "$W/port")
U=http://127.0.0.1:$P
check "feed server started" test -n "$P"

cat > "$W/www/feed.xml" <<FEED
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Coast News</title><link>$U/</link>
<item><title>محطة تحلية جديدة</title><link>$U/page/ar.html</link>
<guid>ar</guid><pubDate>Sat, 05 Dec 2026 09:00:00 GMT</pubDate>
<description>افتتحت الحكومة محطة لتحلية مياه البحر.</description></item>
<item><title>Cycling lanes approved</title><link>$U/echo-page/en.html</link>
<guid>en</guid><pubDate>Sat, 05 Dec 2026 08:00:00 GMT</pubDate>
<description>Summary: the council voted on Monday.</description></item>
<item><title>Gone page</title><link>$U/page/missing.html</link>
<guid>gone</guid><pubDate>Sat, 05 Dec 2026 07:00:00 GMT</pubDate>
<description>Summary: a page that is no more.</description></item>
<item><title>Slow page</title><link>$U/page/fa.html?slow=2</link>
<guid>slow</guid><pubDate>Sat, 05 Dec 2026 06:00:00 GMT</pubDate>
<description>Summary: a slow server.</description></item>
</channel></rss>
FEED
echo "$U/file/feed.xml user-agent=\"Reader F/1\"" > "$W/urls"
"$AKHBAR" -u "$W/urls" -c "$W/db" --refresh > /dev/null 2>&1
check "store built" \
    test "$(sqlite3 "$W/db" 'SELECT count(*) FROM articles')" -eq 4
printf 'mark-read-delay never\n' > "$W/config/akhbar/config"

# pane FILE: the reader pane (columns 49-119) of a capture.
pane() {
	python3 - "$1" <<'PY'
import sys, unicodedata
def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
for l in open(sys.argv[1], encoding="utf-8").read().split("\n")[:39]:
    out, col = [], 0
    for ch in l:
        cw = width(ch)
        if cw == 0:
            if out and 49 < col <= 120:
                out.append(ch)
            continue
        if 49 <= col and col + cw <= 120:
            out.append(ch)
        col += cw
    print("".join(out).rstrip())
PY
}
# shaped TEXT: TEXT as the screen shows it (shaped, in visual order).
shaped() {
	printf '%s\n' "$1" > "$W/phrase.txt"
	"$AKHBAR" --dump -w 71 "$W/phrase.txt" | sed 's/^ *//'
}
AR_PAGE=$(shaped "بطاقة إنتاجية")
AR_SUMMARY=$(shaped "لتحلية مياه")
ms() { date +%s%3N; }

start 120 40 -u "$W/urls" -c "$W/db"
wait_for "All articles" > /dev/null
keys Enter
check "the Arabic article's summary is shown" wait_for "$AR_SUMMARY"
check "before F: the page's phrase is not on screen" \
    sh -c "! $TM capture-pane -p | grep -qF '$AR_PAGE'"

t0=$(ms)
$TM send-keys F
check "F: the full text's phrase appears" wait_for "$AR_PAGE"
t1=$(ms)
echo "# F on a local page: $((t1 - t0)) ms from the key to the text on screen"
check "F: the status line says it was fetched" wait_for "full text fetched in"
check "F: the article says it is the full text" \
    wait_for "Text: the full article"
cap > "$W/full.txt"
pane "$W/full.txt" > "$W/full.pane"
check "F: the site's furniture is not shown" \
    sh -c "! grep -qF '$(shaped "شارك على فيسبوك")' '$W/full.txt'"
# Right-aligned: the Arabic lines end at the pane's right edge, and the
# short last line of a paragraph starts with blanks.
python3 - "$W/full.pane" > "$W/align" <<'PY'
import sys, unicodedata
def width(l):
    return sum(1 for c in l if unicodedata.category(c) not in ("Mn", "Cf"))
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n")
         if any(0xfe70 <= ord(c) <= 0xfeff for c in l)]
ends = set(width(l) for l in lines)
short = [l for l in lines if l.startswith("   ")]
print(len(lines), len(ends), len(short))
PY
read nlines nends nshort < "$W/align"
check "F: several Arabic lines of the full text ($nlines)" test "$nlines" -ge 5
check "F: every Arabic line ends at the same column (right-aligned)" \
    test "$nends" -eq 1
check "F: short lines start with blanks (right-aligned)" test "$nshort" -ge 1

keys F
check "F again: the feed's text" wait_for "$AR_SUMMARY"
check "F again: the page's phrase is gone" wait_gone "$AR_PAGE"
check "F again: the status says so" wait_for "the feed's text (F: the full"
keys F
check "third F: the full text again" wait_for "$AR_PAGE"
check "third F: not fetched again (one request for the page)" \
    test "$(grep -c '^/page/ar.html ' "$W/server.log")" -eq 1

keys s
check "s: saved" wait_for "saved as "
F=$(ls "$W/data/akhbar/saved/"* 2>/dev/null | head -1)
check "s: the saved file holds the full text" grep -qF \
    "بطاقة إنتاجية تبلغ مئتي ألف متر مكعب" "$F"
check "s: and not the site's furniture" sh -c "! grep -qF 'شارك على فيسبوك' '$F'"

# English: j moves to the next article, F fetches its page.
keys j
check "English summary shown" wait_for "Summary: the council voted"
keys F
check "F: the English page's words appear" wait_for "kilometres"
check "F: the page fetched with its feed's user-agent (the urls file)" \
    grep -q "^PAGE /echo-page/en.html host=127.0.0.1:$P ua=Reader F/1 " \
    "$W/server.log"
check "F: the summary is replaced" wait_gone "Summary: the council voted"

# A 404: said on the status line and on the article, no crash.
keys j
check "the gone article shown" wait_for "Summary: a page that is no more"
keys F
check "404: the status line says why" \
    wait_for "full text not fetched: HTTP 404"
check "404: the article says it too" \
    wait_for "Full text: not fetched: HTTP 404"
check "404: the feed's text is still there" \
    wait_for "Summary: a page that is no more"

# A slow page: keys keep working while it loads.
keys j
check "the slow article shown" wait_for "Summary: a slow server"
$TM send-keys F
check "slow: the status says it is fetching" \
    wait_for "fetching the full text"
keys k
check "slow: keys work meanwhile (k moved up)" \
    wait_for "Summary: a page that is no more"
check "slow: still fetching" wait_for "fetching the full text"
i=0
while [ $i -lt 50 ] && ! cap | grep -qF "full text fetched in"; do
	sleep 0.1; i=$((i + 1))
done
check "slow: then fetched" wait_for "full text fetched in"
check "slow: the article in the pane stays the one shown" \
    wait_for "Summary: a page that is no more"
keys j
check "slow: its full text when it is selected again" \
    wait_for "$(shaped "کتابخانه‌ی ملی روز یکشنبه")"

keys q
keys_nochange q
check "the reader quit cleanly" wait_for "AKHBAR-EXITED 0"
$TM kill-server 2>/dev/null
kill "$SERVER" 2>/dev/null
wait "$SERVER" 2>/dev/null || :
