#!/bin/sh
# feed_tsv: `akhbar --feed-tsv` on the fixtures of tests/in/feeds against
# the golden TSV of tests/out/feeds, plus the hostile inputs (entity bomb,
# XXE, deep nesting, escape sequences), error messages, exit statuses,
# write errors, peak memory, and agreement with sfeed(1) where we expect it.
. "$TOP/tests/lib.sh"
IN=$TOP/tests/in/feeds
OUT=$TOP/tests/out/feeds
T=$TMP/feed_tsv
mkdir -p "$T"

# Golden outputs; the RSS 2.0 feed has relative links, so give a base.
for f in "$IN"/*.xml "$IN"/*.json; do
	name=$(basename "$f"); name=${name%.*}
	[ -f "$OUT/$name.tsv" ] || continue
	base=
	[ "$name" = rss2-arabic ] && base=--base-url=https://www.example-news.net/
	"$AKHBAR" --feed-tsv "$f" $base > "$T/$name.tsv" 2> "$T/$name.err"
	rc=$?
	check "$name: exit 0" [ "$rc" -eq 0 ]
	check "$name: nothing on stderr" [ ! -s "$T/$name.err" ]
	same "$name: golden TSV" "$OUT/$name.tsv" "$T/$name.tsv"
done

# Every line has exactly 9 fields.
check "every golden line has 9 fields" sh -c \
    "cat '$OUT'/*.tsv | awk -F '\t' 'NF != 9 { bad = 1 } END { exit bad }'"

# stdin
"$AKHBAR" --feed-tsv - < "$IN/atom03-english.xml" > "$T/stdin.tsv"
same "reads stdin with -" "$OUT/atom03-english.tsv" "$T/stdin.tsv"
"$AKHBAR" --feed-tsv="$IN/atom03-english.xml" > "$T/eq.tsv"
same "--feed-tsv=FILE form" "$OUT/atom03-english.tsv" "$T/eq.tsv"

# The same document in UTF-8, windows-1256, ISO-8859-6 and UTF-16LE.
check "windows-1256 and UTF-16LE give the same TSV" \
    cmp -s "$OUT/rss-windows-1256.tsv" "$OUT/rss-utf16le-bom.tsv"
check "ISO-8859-6 decoded to Arabic" \
    grep -q 'وزير الخارجية' "$OUT/rss-iso-8859-6.tsv"

# fails NAME FILE PATTERN: exit 1, empty stdout, one stderr line matching.
fails() {
	"$AKHBAR" --feed-tsv "$2" > "$T/$1.out" 2> "$T/$1.err"
	rc=$?
	check "$1: exit 1" [ "$rc" -eq 1 ]
	check "$1: nothing on stdout" [ ! -s "$T/$1.out" ]
	check "$1: exactly one stderr line" [ "$(wc -l < "$T/$1.err")" -eq 1 ]
	if grep -q "$3" "$T/$1.err"; then ok "$1: message"
	else notok "$1: message"; sed 's/^/#   /' "$T/$1.err"; fi
}

fails billion-laughs "$IN/billion-laughs.xml" \
    "^akhbar: .*billion-laughs.xml: line 15, column 20: Entity 'lol9' not defined (entities declared in a DTD are not expanded)\$"
check "billion-laughs: no expansion" sh -c "! grep -q lol '$T/billion-laughs.out'"
fails xxe "$IN/xxe.xml" "^akhbar: .*xxe.xml: line 6, column 27: Entity 'xxe' not defined"
check "xxe: /etc/passwd not in output" sh -c \
    "! grep -q 'root:' '$T/xxe.out' '$T/xxe.err'"
"$AKHBAR" --feed-tsv "$IN/xxe-dtd.xml" > "$T/xxe-dtd.out" 2>&1
check "external DTD not loaded" sh -c "! grep -q 'root:' '$T/xxe-dtd.out'"

awk 'BEGIN { printf "<rss><channel>"; for (i = 0; i < 10000; i++) printf "<x>";
    for (i = 0; i < 10000; i++) printf "</x>"; print "</channel></rss>" }' \
    > "$T/deep.xml"
fails deep "$T/deep.xml" "^akhbar: .*deep.xml: line 1, column [0-9]*: elements nested deeper than 255\$"

fails broken "$IN/broken.xml" \
    "^akhbar: .*broken.xml: line 6, column 29: Opening and ending tag mismatch: title line 6 and titl\$"
fails raw-escape "$IN/escape-raw.xml" "line 2, column 46: PCDATA invalid Char value 27"
fails not-a-feed "$IN/not-a-feed.html" "not an RSS or Atom feed (root element <html>)"
: > "$T/empty.xml"
fails empty "$T/empty.xml" "line 1, column 1: document is empty"
printf '{"version": "https://jsonfeed.org/version/1.1", "items": [\n  {"id": @}\n' \
    > "$T/bad.json"
fails bad-json "$T/bad.json" "^akhbar: .*bad.json: line 2, column 10: unexpected character$"
check "missing file: exit 1" sh -c "! '$AKHBAR' --feed-tsv '$T/nonexistent' 2>/dev/null"

# Escape sequences: no ESC, CSI or OSC byte reaches the output.
for f in escapes.xml escapes-json.json; do
	"$AKHBAR" --feed-tsv "$IN/$f" > "$T/$f.out"
	check "$f: no ESC/CSI/OSC/BEL bytes" sh -c \
	    "! LC_ALL=C grep -q \"\$(printf '\\033\\\\|\\302\\233\\\\|\\302\\235\\\\|\\007')\" '$T/$f.out'"
	check "$f: text around the sequences kept" grep -q 'Clearscreen and clipboard' "$T/$f.out"
	check "$f: OSC 52 payload dropped" sh -c "! grep -q 'cm0gLXJmIH4K' '$T/$f.out'"
done
check "ZWNJ kept" grep -q "$(printf '\342\200\214')zwnj" "$T/escapes.xml.out"
check "bidi override dropped" sh -c \
    "! grep -q \"\$(printf '\\342\\200\\256')\" '$T/escapes.xml.out'"

# Usage errors exit 2.
"$AKHBAR" --feed-tsv > /dev/null 2>&1; rc=$?
check "no FILE: exit 2" [ "$rc" -eq 2 ]
"$AKHBAR" --feed-tsv a b > /dev/null 2>&1; rc=$?
check "two FILEs: exit 2" [ "$rc" -eq 2 ]
"$AKHBAR" --feed-tsv --frobnicate a > /dev/null 2>&1; rc=$?
check "unknown option: exit 2" [ "$rc" -eq 2 ]
"$AKHBAR" --feed-tsv a --base-url > /dev/null 2>&1; rc=$?
check "--base-url without URL: exit 2" [ "$rc" -eq 2 ]

# Write errors.
if [ -w /dev/full ]; then
	"$AKHBAR" --feed-tsv "$IN/rss2-arabic.xml" > /dev/full 2> "$T/full.err"
	rc=$?
	check "write error: exit 1" [ "$rc" -eq 1 ]
	check "write error: reported" grep -qx \
	    'akhbar: write error on standard output: No space left on device' \
	    "$T/full.err"
fi

# Agreement with sfeed where no deliberate difference applies.
if command -v sfeed > /dev/null 2>&1; then
	for name in rss1-rdf-persian atom03-english bom-utf8 trailing-garbage; do
		sfeed < "$IN/$name.xml" > "$T/$name.sfeed"
		same "$name: same as sfeed" "$T/$name.sfeed" "$OUT/$name.tsv"
	done
	sfeed https://www.example-news.net/ < "$IN/rss2-arabic.xml" | cut -f1-7,9 \
	    > "$T/rss2.sfeed"
	cut -f1-7,9 "$OUT/rss2-arabic.tsv" > "$T/rss2.ak"
	same "rss2-arabic: same as sfeed but media:content" "$T/rss2.sfeed" "$T/rss2.ak"
else
	ok "agreement with sfeed: sfeed is not installed (make deps-dev) # SKIP"
fi

# Parsing streams: peak memory on a 20 MB feed is no more than 2 MB above
# the peak for a one-item feed (the start-up cost of the shared libraries
# is the same for both). Not measurable under ASan.
if [ -x /usr/bin/time ] && ! ldd "$AKHBAR" 2>/dev/null | grep -q libasan; then
	awk 'BEGIN { print "<rss><channel>"; for (i = 0; i < 40000; i++)
	    printf "<item><title>خبر %d</title><description>%0500d</description></item>\n", i, i;
	    print "</channel></rss>" }' > "$T/big.xml"
	/usr/bin/time -f '%M' -o "$T/big.mem" "$AKHBAR" --feed-tsv "$T/big.xml" > "$T/big.out"
	check "20 MB feed: 40000 items" [ "$(wc -l < "$T/big.out")" -eq 40000 ]
	printf '<rss><channel><item><title>t</title></item></channel></rss>\n' \
	    > "$T/tiny.xml"
	/usr/bin/time -f '%M' -o "$T/tiny.mem" "$AKHBAR" --feed-tsv "$T/tiny.xml" > /dev/null
	big=$(tail -1 "$T/big.mem")
	tiny=$(tail -1 "$T/tiny.mem")
	check "20 MB feed: peak RSS $big KB, at most 2 MB above a tiny feed's $tiny KB" \
	    [ $((big - tiny)) -lt 2048 ]
fi
