#!/bin/sh
# akhbar --extract: the article of Arabic, Persian, Hebrew and English news
# pages with their site furniture (golden text: the furniture is out to the
# last word), encodings (windows-1256 declared and not, a meta charset that
# lies), JSON-LD and Open Graph metadata, no article, bad input, hostile
# pages (controls, entities, deep nesting, size), --dump and --base-url.
. "$TOP/tests/lib.sh"
IN=$TOP/tests/in/extract
OUT=$TOP/tests/out/extract
T=$TMP/e2e-extract
rm -rf "$T"
mkdir -p "$T"

for name in ar-news fa-news he-news en-news jsonld; do
	"$AKHBAR" --extract "$IN/$name.html" > "$T/$name.txt" 2> "$T/err"
	same "$name: title, blank line, the article's paragraphs only" \
	    "$OUT/$name.txt" "$T/$name.txt"
	check "$name: nothing on standard error" test ! -s "$T/err"
done

# The furniture of each page, spelled out: menus, cookie banners, share
# bars, related links, comments, footers.
absent() {	# absent NAME PHRASE...
	n=$1; shift
	for p in "$@"; do
		check "$n: no '$p'" sh -c "! grep -qF '$p' '$T/$n.txt'"
	done
}
absent ar-news "الرئيسية" "ملفات تعريف الارتباط" "شارك على فيسبوك" \
    "الأكثر قراءة" "ارتفاع أسعار الذهب" "التعليقات" "نتمنى أن تصل" \
    "جميع الحقوق محفوظة" "بقلم" "مياه طاقة"
absent fa-news "صفحه‌ی اصلی" "کوکی" "تلگرام" "خبرهای مرتبط" \
    "منتظر نسخه‌های دیجیتال" "پربیننده‌ترین‌ها" "همه‌ی حقوق محفوظ"
absent he-news "ספורט" "עוגיות" "שתפו" "עוד בחדשות" "מחכים לזה שנים" \
    "כל הזכויות שמורות"
absent en-news "Home" "cookies" "Share on" "Most read" "death trap" \
    "Copyright"
# And what belongs: headings and list items on lines of their own, the
# question that ends with ؟ and the Persian ZWNJ kept.
check "ar-news: heading on a line of its own" \
    grep -qx "الطاقة الشمسية" "$T/ar-news.txt"
check "ar-news: list items on consecutive lines" sh -c "grep -A1 -x \
    'الطاقة الإنتاجية: مئتا ألف متر مكعب يومياً' '$T/ar-news.txt' | \
    grep -qx 'عدد المستفيدين: نحو نصف مليون شخص'"
check "fa-news: ZWNJ kept in کتابخانه‌ی" \
    grep -q "$(printf 'کتابخانه\342\200\214ی')" "$T/fa-news.txt"

# Encodings: declared windows-1256, undeclared (detected), a meta that
# says windows-1256 over UTF-8, the charset of the HTTP header.
for f in ar-1256 ar-1256-undeclared ar-meta-lies; do
	"$AKHBAR" --extract "$IN/$f.html" > "$T/$f.txt" 2>&1
	same "$f: read in the right encoding" "$OUT/ar-olives.txt" "$T/$f.txt"
done
"$AKHBAR" --extract --content-type 'text/html; charset=windows-1256' \
    "$IN/ar-1256-undeclared.html" > "$T/ct.txt" 2>&1
same "--content-type charset is used" "$OUT/ar-olives.txt" "$T/ct.txt"
"$AKHBAR" --extract - < "$IN/ar-1256.html" > "$T/stdin.txt" 2>&1
same "- reads standard input" "$OUT/ar-olives.txt" "$T/stdin.txt"

# Metadata: the JSON-LD headline is the title, its body is never used;
# --dump shows the authors and the date under the title.
check "jsonld: the JSON-LD articleBody is not used" \
    sh -c "! grep -q JSONLDBODY '$T/jsonld.txt'"
"$AKHBAR" --extract --dump -w 70 "$IN/jsonld.html" > "$T/jsonld.dump" 2>&1
check "jsonld: --dump shows the date of datePublished" \
    grep -q "2026-12-02" "$T/jsonld.dump"
"$AKHBAR" --extract --dump -w 70 --direction ltr "$IN/jsonld.html" \
    > /dev/null 2>&1
check "--direction is not an --extract option (exit 2)" test $? -eq 2

# --dump lays the article out as the reader does.
"$AKHBAR" --extract --dump -w 60 "$IN/ar-news.html" > "$T/ar.w60" 2>&1
same "ar-news --dump -w 60 matches the golden layout" \
    "$OUT/ar-news.w60.txt" "$T/ar.w60"
check "ar-news --dump: no line wider than 60" \
    python3 "$TOP/tests/widths.py" 60 < "$T/ar.w60"

# --base-url makes the article's links absolute.
{
	printf '<html><body><div class="story">'
	for i in 1 2 3; do
		printf '<p>The port authority said on Monday that the new '
		printf 'cranes had arrived, and that <a href="../docs/r%s.pdf">' "$i"
		printf 'the report</a> would be published after the summer.</p>'
	done
	printf '</div></body></html>\n'
} > "$T/links.html"
"$AKHBAR" --extract --dump -w 80 --base-url https://port.example/news/a/ \
    "$T/links.html" > "$T/links.out" 2>&1
check "--base-url resolves relative links" \
    grep -q "https://port.example/news/docs/r2.pdf" "$T/links.out"

# No article: exit 1 and exactly one line.
"$AKHBAR" --extract "$IN/no-article.html" > "$T/none.out" 2> "$T/none.err"
check "no-article: exit 1" test $? -eq 1
check "no-article: one line on standard error" \
    test "$(wc -l < "$T/none.err")" -eq 1
check "no-article: the line says so" grep -q "no article found" "$T/none.err"
check "no-article: nothing on standard output" test ! -s "$T/none.out"

# Bad input: one clear line each.
bad() {	# bad DESC STATUS ARGS...
	d=$1; st=$2; shift 2
	"$AKHBAR" "$@" > "$T/bad.out" 2> "$T/bad.err"
	rc=$?
	check "$d: exit $st" test $rc -eq "$st"
	check "$d: one line on standard error" \
	    test "$(wc -l < "$T/bad.err")" -eq 1
}
bad "missing file" 1 --extract "$T/does-not-exist.html"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000' > "$T/img.png"
bad "binary data" 1 --extract "$T/img.png"
: > "$T/empty.html"
bad "empty file" 1 --extract "$T/empty.html"
bad "no FILE" 2 --extract
bad "two FILEs" 2 --extract "$IN/ar-news.html" "$IN/fa-news.html"
bad "unknown option" 2 --extract --bogus "$IN/ar-news.html"
bad "--width without --dump" 2 --extract -w 40 "$IN/ar-news.html"
bad "bad --width" 2 --extract --dump -w 1 "$IN/ar-news.html"
grep -q "binary" "$T/bad.err" 2>/dev/null
"$AKHBAR" --extract "$T/img.png" 2>&1 | grep -q "not an HTML page"
check "binary data: says it is not an HTML page" test $? -eq 0
if [ -w /dev/full ]; then
	"$AKHBAR" --extract "$IN/ar-news.html" > /dev/full 2> "$T/full.err"
	check "write error: exit 1" test $? -eq 1
	check "write error: reported" grep -q "write error" "$T/full.err"
fi

# Hostile pages.
"$AKHBAR" --extract "$IN/hostile-controls.html" > "$T/ctl.out" 2>&1
check "controls: exit 0" test $? -eq 0
check "controls: no control byte but newlines in the output" \
    sh -c "[ \"\$(LC_ALL=C tr -d '\n' < '$T/ctl.out' | \
    LC_ALL=C grep -c '[[:cntrl:]]')\" -eq 0 ]"
check "controls: no C1 control (U+0080-U+009F) in the output" \
    sh -c "! LC_ALL=C grep -q \"\$(printf '\302[\200-\237]')\" '$T/ctl.out'"
check "controls: the prose is kept" grep -q "Third paragraph is plain prose" \
    "$T/ctl.out"
"$AKHBAR" --extract "$IN/hostile-entities.html" > "$T/ent.out" 2>&1
check "entities: exit 0" test $? -eq 0
check "entities: no external entity read" \
    sh -c "! grep -q 'root:' '$T/ent.out'"
check "entities: no entity expanded from the DTD" \
    sh -c "! grep -q 'lollol' '$T/ent.out'"
check "entities: undeclared references stay literal" \
    grep -qF "The reporter wrote &lol3; and &xxe;" "$T/ent.out"
check "entities: numeric references decode" grep -q "العربية" "$T/ent.out"

# 100000 nested elements after the article: bounded, no crash.
python3 - "$T/deep.html" <<'PY'
import sys
p = ('<p>The water authority opened the new plant on Saturday, and said '
     'it would supply half a million people along the coast.</p>') * 6
with open(sys.argv[1], 'w') as f:
    f.write('<html><body><div class="story">' + p + '</div>'
            + '<div><span>' * 100000 + 'deep' + '</span></div>' * 100000
            + '</body></html>')
PY
timeout 20 "$AKHBAR" --extract "$T/deep.html" > "$T/deep.out" 2>&1
rc=$?
check "deep nesting: exit 0 within 20 s (got $rc)" test $rc -eq 0
check "deep nesting: the article is found" \
    grep -q "half a million people" "$T/deep.out"
check "deep nesting: nothing below the depth limit" \
    sh -c "! grep -q deep '$T/deep.out'"

# A 4 MB page is read (in seconds; minutes under ASan); one over the
# 16 MB limit is refused.
python3 - "$T/huge.html" 4 <<'PY'
import sys
p = '<p>' + 'قالت الهيئة إن المحطة الجديدة ستوفر المياه لنصف مليون شخص، ' * 4 + '</p>'
n = int(sys.argv[2]) << 20
with open(sys.argv[1], 'w') as f:
    f.write('<html lang="ar"><body><div class="article">')
    size = 0
    while size < n:
        f.write(p)
        size += len(p.encode())
    f.write('</div></body></html>')
PY
timeout 150 "$AKHBAR" --extract "$T/huge.html" > "$T/huge.out" 2>&1
check "4 MB page: exit 0" test $? -eq 0
check "4 MB page: its text comes out" \
    test "$(grep -c 'المحطة الجديدة' "$T/huge.out")" -gt 1000
head -c 17000000 /dev/zero | tr '\0' 'x' > "$T/toobig.html"
"$AKHBAR" --extract "$T/toobig.html" > /dev/null 2> "$T/big.err"
check "17 MB page: exit 1" test $? -eq 1
check "17 MB page: one line saying it is too large" \
    sh -c "[ \$(wc -l < '$T/big.err') -eq 1 ] && grep -q 'larger than' \
    '$T/big.err'"

# Found by fuzz_extract: the <body> the walk started from was removed with
# an element around it (use after free before the fix).
"$AKHBAR" --extract "$IN/regress-lost-body.html" > /dev/null 2> "$T/lost.err"
check "regress-lost-body: exit 1" test $? -eq 1
check "regress-lost-body: one line, no article found" sh -c \
    "[ \$(wc -l < '$T/lost.err') -eq 1 ] && grep -q 'no article' '$T/lost.err'"

# Found by fuzz_extract: cleaning removed the top candidate itself, whose
# dir and lang were read afterwards (use after free before the fix).
"$AKHBAR" --extract "$IN/regress-top-removed.html" > "$T/top.out" 2>&1
check "regress-top-removed: exit 0" test $? -eq 0
check "regress-top-removed: the English paragraph is kept" \
    grep -q "Supporters said the lanes would make cycling safer" "$T/top.out"

# A page whose article only a retry finds (it sits in a "sidebar"): a
# retry reads a regular file again, but a pipe is read once (it waited
# for ever on a named pipe before the fix), and both give the same text.
P1='<p>أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة، وقال الوزير إن المستشفى يضم مئتي سرير وسيخدم أكثر من نصف مليون نسمة في المنطقة الشمالية.</p>'
printf '<html><body><div class="sidebar">%s%s%s%s</div><div class=menu><a href=/x>x</a></div></body></html>' \
    "$P1" "$P1" "$P1" "$P1" > "$T/side.html"
"$AKHBAR" --extract "$T/side.html" > "$T/side.file" 2>&1
check "sidebar page from a file: the article" grep -q "مئتي سرير" "$T/side.file"
rm -f "$T/fifo"
mkfifo "$T/fifo"
cat "$T/side.html" > "$T/fifo" 2> /dev/null &
writer=$!
timeout 20 "$AKHBAR" --extract "$T/fifo" > "$T/side.fifo" 2>&1
check "sidebar page from a named pipe: done, not waiting" test $? -eq 0
kill $writer 2> /dev/null	# in case akhbar never opened it
same "sidebar page: a named pipe gives what the file gives" \
    "$T/side.file" "$T/side.fifo"
"$AKHBAR" --extract - < "$T/side.html" > "$T/side.stdin" 2>&1
same "sidebar page: standard input gives what the file gives" \
    "$T/side.file" "$T/side.stdin"

# A URL is fetched with the refresh's limits (tests/feedserver.py on
# 127.0.0.1): the page, its relative links against the final URL, and one
# line for each failure.
mkdir -p "$T/www"
cp "$IN/ar-news.html" "$T/links.html" "$T/www/"
python3 "$TOP/tests/feedserver.py" --root "$T/www" --log "$T/server.log" \
    --timeout 60 > "$T/port" 2> "$T/server.err" &
i=0
while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
P=$(head -1 "$T/port")
U=http://127.0.0.1:$P
check "page server started" test -n "$P"
"$AKHBAR" --extract "$U/file/ar-news.html" > "$T/url.txt" 2>&1
same "URL: the page's article, as from the file" "$OUT/ar-news.txt" \
    "$T/url.txt"
"$AKHBAR" --extract --dump -w 80 "$U/file/links.html" > "$T/url.dump" 2>&1
check "URL: links resolved against the page's URL" \
    grep -q "$U/docs/r1.pdf" "$T/url.dump"
urlbad() {	# urlbad DESC WORD URL: exit 1, one line holding WORD
	"$AKHBAR" --extract "$3" > /dev/null 2> "$T/u.err"
	check "$1: exit 1" test $? -eq 1
	check "$1: one line saying '$2'" sh -c \
	    "[ \$(wc -l < '$T/u.err') -eq 1 ] && grep -q '$2' '$T/u.err'"
}
urlbad "URL: HTTP 404" "404" "$U/status/404"
urlbad "URL: redirect to file://" "" "$U/tofile"
urlbad "URL: over the size cap" "" "$U/big"
urlbad "URL: not http or https" "only http" "ftp://127.0.0.1/page.html"
