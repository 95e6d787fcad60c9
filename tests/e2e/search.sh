#!/bin/sh
# End-to-end: akhbar --refresh of local fixture feeds into a temporary
# store, then akhbar --search: Arabic normalisation and proclitics,
# phrases, markup not indexed, --list's TSV format, exit statuses,
# malformed and hostile queries, updates and the article limit, and a
# store of the previous schema version.
. "$TOP/tests/lib.sh"

D=$TMP/e2e-search
rm -rf "$D"
mkdir -p "$D"
DB=$D/cache.db
OUT=$D/out
ERR=$D/err

feed_a() {	# feed_a TITLE2: the Arabic feed, with its second title
cat > "$D/a.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>الجزيرة نت</title><link>https://www.aljazeera.net/</link>
<item><title>قصف مدفعي على ريف المدينة</title>
<link>https://a.example/1</link><guid>a1</guid>
<pubDate>Mon, 06 May 2024 10:00:00 +0000</pubDate>
<description>&lt;p&gt;سقطت قذائف بإدلب &lt;a href="https://idlib.example/x"&gt;التفاصيل&lt;/a&gt;&lt;/p&gt;</description></item>
<item><title>$1</title>
<link>https://a.example/2</link><guid>a2</guid>
<pubDate>Tue, 07 May 2024 10:00:00 +0000</pubDate>
<description>&lt;div class="lead"&gt;افتتاح مكتبة في المدرسة الجديدة عام ٢٠٢٤&lt;/div&gt;</description></item>
<item><title>وصول الرَّئِيسُ إلى القاهرة</title>
<link>https://a.example/3</link><guid>a3</guid>
<pubDate>Wed, 08 May 2024 10:00:00 +0000</pubDate>
<description>قال للرئيس إن المفاوضات مستمرة</description></item>
</channel></rss>
EOF
}
feed_a "معرض الكتاب"
cat > "$D/b.xml" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>World News</title><id>urn:w</id><updated>2024-05-09T00:00:00Z</updated>
<entry><title>Gaza talks resume in Cairo</title><id>urn:w:1</id>
<link href="https://b.example/1"/><updated>2024-05-09T09:00:00Z</updated>
<content type="html">&lt;p&gt;A &lt;b&gt;new&lt;/b&gt; proposal is on the table.&lt;/p&gt;</content></entry>
<entry><title>Evil&#x202e; title&#x9;tab&#xa;line</title><id>urn:w:2</id>
<link href="https://b.example/2"/><updated>2024-05-01T09:00:00Z</updated>
<summary>The proposal was new to everyone in 2024.</summary></entry>
</feed>
EOF
printf '%s\n%s\n' "$D/a.xml" "$D/b.xml" > "$D/urls"

s() {	# s QUERY...: run --search; status in $rc, stdout in OUT, stderr ERR
	"$AKHBAR" -c "$DB" --search "$@" > "$OUT" 2> "$ERR"
	rc=$?
}
links() { cut -f4 "$OUT" | tr '\n' ' '; }
is() {	# is DESC EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1"; echo "#   want '$2'"; echo "#   got  '$3'"; fi
}

s إدلب
is "no store yet: exit 1" 1 "$rc"
check "no store yet: says so" grep -q "no store yet" "$ERR"

"$AKHBAR" -u "$D/urls" -c "$DB" --refresh > /dev/null 2>&1
is "refresh of the fixture feeds" 0 "$?"

s إدلب
is "إدلب finds بإدلب: exit 0" 0 "$rc"
is "إدلب finds بإدلب" "https://a.example/1 " "$(links)"
s "أَسْعار" ; is "nothing found: exit 1" 1 "$rc"
check "nothing found: says so on stderr" grep -q "no articles match" "$ERR"
check "nothing found: no output" test ! -s "$OUT"
s كتاب
is "كتاب finds الكتاب, not مكتبة" "https://a.example/2 " "$(links)"
s مدرسه
is "مدرسه finds المدرسة" "https://a.example/2 " "$(links)"
s 2024
is "2024 finds ٢٠٢٤ and 2024, newest first" \
    "https://a.example/2 https://b.example/2 " "$(links)"
s الرئيس
is "الرئيس finds الرَّئِيسُ and للرئيس once" "https://a.example/3 " "$(links)"
s "PROPOSAL NEW"
is "words are ANDed, any case" "https://b.example/1 https://b.example/2 " \
    "$(links)"
s '"new proposal"'
is "a phrase keeps its order" "https://b.example/1 " "$(links)"
s '=propos'
is "=WORD is the exact word" 1 "$rc"
for w in href class lead idlib https div; do
	s "$w"
	is "markup is not indexed: $w" 1 "$rc"
done

# the same lines as --list, sanitized
"$AKHBAR" -c "$DB" --list > "$D/list"
s new
grep -F -f "$OUT" "$D/list" > "$D/common"
same "--search prints --list's lines" "$OUT" "$D/common"
s evil
check "sanitized: no bidi override" sh -c "! grep -q \"$(printf '\342\200\256')\" '$OUT'"
is "sanitized: one line" 1 "$(wc -l < "$OUT")"
is "sanitized: four fields" 4 "$(awk -F '\t' '{ print NF }' "$OUT")"

# usage errors and hostile queries
"$AKHBAR" -c "$DB" --search > "$OUT" 2> "$ERR"
is "no query: exit 2" 2 "$?"
s a b
is "two arguments: exit 2" 2 "$rc"
s '"unterminated'
is "unterminated quote: exit 2" 2 "$rc"
check "unterminated quote: says so" grep -q 'unterminated' "$ERR"
s '/regex/'
is "a regex: exit 2" 2 "$rc"
s '...'
is "no letters: exit 2" 2 "$rc"
for q in 'NEAR(new proposal)' 'new OR zzz' 'NOT new' 'terms:new' '*' \
    'new*' '^new' '{body}: new' 'new"' "new'" 'a AND'; do
	s "$q"
	if [ "$rc" -le 2 ] && ! grep -qi 'fts5\|syntax' "$ERR"; then
		ok "hostile query: $q (exit $rc)"
	else
		notok "hostile query: $q (exit $rc)"; sed 's/^/#   /' "$ERR"
	fi
done
s 'new OR zzz'
is "OR is a word, not an operator" 1 "$rc"
"$AKHBAR" -c "$DB" --search new > /dev/full 2> "$ERR"
is "write error: exit 1" 1 "$?"

# an update replaces the indexed title; the article limit trims the index
feed_a "افتتاح معرض الطوابع"
touch "$D/a.xml"
"$AKHBAR" -u "$D/urls" -c "$DB" --refresh > /dev/null 2>&1
s كتاب
is "an updated title is no longer found" 1 "$rc"
s الطوابع
is "the new title is found" "https://a.example/2 " "$(links)"
"$AKHBAR" -u "$D/urls" -c "$DB" --refresh --max-articles 1 > /dev/null 2>&1
s قذائف
is "a trimmed article is not found" 1 "$rc"
s القاهرة
is "the kept article is found" "https://a.example/3 " "$(links)"
is "index rows = articles" \
    "$(sqlite3 "$DB" 'SELECT count(*) FROM articles')" \
    "$(sqlite3 "$DB" 'SELECT count(*) FROM article_fts')"

# a store of schema version 2 becomes searchable when opened
OLD=$D/old.db
sqlite3 "$OLD" <<'EOF'
CREATE TABLE feeds(id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE,
    title TEXT, link TEXT, etag TEXT, last_modified TEXT, last_error TEXT,
    last_fetch INTEGER NOT NULL DEFAULT 0, name TEXT,
    retry_after INTEGER NOT NULL DEFAULT 0, moved_to TEXT);
CREATE TABLE articles(id INTEGER PRIMARY KEY, feed_id INTEGER NOT NULL
    REFERENCES feeds(id), guid TEXT NOT NULL, title TEXT, link TEXT,
    author TEXT, date INTEGER NOT NULL, first_seen INTEGER NOT NULL,
    enclosure TEXT, categories TEXT, unread INTEGER NOT NULL DEFAULT 1,
    saved INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,
    chash INTEGER, UNIQUE(feed_id, guid));
CREATE TABLE bodies(article_id INTEGER PRIMARY KEY, content TEXT,
    content_html INTEGER NOT NULL DEFAULT 0);
INSERT INTO feeds(url, title) VALUES('https://old.example/', 'Old');
INSERT INTO articles(feed_id, guid, title, link, date, first_seen)
    VALUES(1, 'o1', 'مقال قديم', 'https://old.example/1', 1600000000, 1);
INSERT INTO bodies VALUES(1, '<p>عاد الوفد من بإدلب</p>', 1);
PRAGMA user_version = 2;
EOF
"$AKHBAR" -c "$OLD" --search ادلب > "$OUT" 2> "$ERR"
is "schema 2 store: found after the migration" "https://old.example/1 " \
    "$(links)"
is "schema 2 store: migrated to 7" 7 "$(sqlite3 "$OLD" 'PRAGMA user_version')"
