#!/bin/sh
# bench_search: akhbar --search over a store of 100k articles (Arabic and
# English titles, HTML bodies of a few hundred bytes), against a bare
# sqlite3 FTS5 query on the same index printing the same rows. The store
# is written as schema 2 by SQL; the first akhbar to open it migrates it
# and builds the index (timed, with the store's growth). Runs are
# interleaved; prints the median elapsed time per query and the
# akhbar/sqlite3 ratio (target: under 100 ms a query). With AKHBAR_BASE
# set to another akhbar binary, that one is timed too, interleaved, on
# its own copy of the store (migrated by it): before/after numbers.
cd "$TOP" || exit 2
B=${BENCH_DIR:-$TOP/tests/tmp/bench/search}
AKHBAR=${AKHBAR:-./akhbar}
rm -rf "$B"
mkdir -p "$B"
RUNS=${RUNS:-11}
N=${N:-100000}
DB=$B/100k.db

python3 - "$DB" "$N" <<'EOF'
import random, sqlite3, sys
db, n = sys.argv[1], int(sys.argv[2])
r = random.Random(7)
ar = ("الحكومة البرلمان الاقتصاد النفط الأسعار المدينة الرئيس الوزراء "
      "مدرسة المستشفى الطلاب الجامعة الانتخابات المعارضة السلام الحرب "
      "الأمن المياه الكهرباء الزراعة القمح التجارة السوق العملة البنك "
      "الشركة المصنع العمال الطقس الأمطار الثلوج الرياضة المنتخب الملعب "
      "الفريق المدرب الهدف الفنان الفيلم الكتاب المعرض الثقافة التعليم "
      "وزير قال أعلن أكد بحث اجتماع مؤتمر قرار تقرير مصدر مسؤول "
      "وبالمدينة للرئيس بالحكومة والاقتصاد فالسوق كتاب مكتبة").split()
en = ("the government said on Monday that markets oil prices rose report "
      "minister election results city hospital school students weather "
      "rain football team coach film book fair culture bank company "
      "workers trade wheat water power peace talks security").split()
h = sqlite3.connect(db)
h.executescript("""
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
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_feed_date ON articles(feed_id, date);
CREATE INDEX articles_feed_unread ON articles(feed_id, unread);
CREATE INDEX articles_unread ON articles(date) WHERE unread = 1;
CREATE INDEX articles_saved ON articles(date) WHERE saved = 1;
CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN
    DELETE FROM bodies WHERE article_id = old.id; END;
PRAGMA user_version = 2;
""")
h.executemany("INSERT INTO feeds(url, title) VALUES(?, ?)",
    [("https://news%d.example/rss" % i, "الأخبار %d - News %d" % (i, i))
     for i in range(1, 101)])
arts, bodies = [], []
for i in range(1, n + 1):
    arabic = i % 2 == 0
    words = ar if arabic else en
    title = " ".join(r.choice(words) for _ in range(7))
    body = " ".join(r.choice(words) for _ in range(45))
    if i % 10000 == 0:
        body += " زمرد"			# rare: 10 articles in 100k
    if i % 50 == 0:
        body += " سقطت قذيفة بإدلب"	# clitic: 2%
    arts.append((1 + i % 100, "guid-%d" % i, title,
        "https://news%d.example/%d" % (1 + i % 100, i),
        1600000000 + (i * 7919) % 100000000, 1700000000, i))
    bodies.append((i, '<div class="story"><p>%s</p><a href="https://x.'
        'example/%d">more</a></div>' % (body, i), 1))
h.executemany("INSERT INTO articles(feed_id, guid, title, link, date, "
    "first_seen, chash) VALUES(?, ?, ?, ?, ?, ?, ?)", arts)
h.executemany("INSERT INTO bodies VALUES(?, ?, ?)", bodies)
h.commit()
h.execute("VACUUM")
h.close()
EOF

before=$(du -k "$DB" | cut -f1)
if [ -n "$AKHBAR_BASE" ]; then
	cp "$DB" "$B/base.db"
	t0=$(date +%s%N)
	"$AKHBAR_BASE" -c "$B/base.db" --search zzzzqq > /dev/null 2>&1
	t1=$(date +%s%N)
	sqlite3 "$B/base.db" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
	echo "base: index build $(echo "$t0 $t1" |
	    awk '{ printf "%.1f s", ($2 - $1) / 1e9 }'), store $before KB -> \
$(du -k "$B/base.db" | cut -f1) KB"
fi
t0=$(date +%s%N)
"$AKHBAR" -c "$DB" --search zzzzqq > /dev/null 2>&1
t1=$(date +%s%N)
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
after=$(du -k "$DB" | cut -f1)
echo "index build (migration 2 -> 4, $N articles): $(echo "$t0 $t1" |
    awk '{ printf "%.1f s", ($2 - $1) / 1e9 }')"
echo "store: $before KB -> $after KB ($(echo "$before $after" |
    awk '{ printf "+%.0f%%", ($2 - $1) * 100 / $1 }'))"

# query label, akhbar query, FTS5 expression of the same candidates (for
# a phrase, of the articles with its words: akhbar looks a phrase up by
# its word pairs, far fewer candidates; sqlite3's line is then the cost
# of the query a phrase was before the pairs, without the confirming)
QUERIES='rare	زمرد	"زمرد"*
clitic	إدلب	"ادلب"*
arabic	الحكومة	"الحكومه"*
two	الحكومة الاقتصاد	"الحكومه"* AND "الاقتصاد"*
english	markets	"markets"*
common	the	"the"*
phrase	"oil prices"	"oil" AND "prices"*
phrasear	"الرئيس الوزراء"	"الرييس" AND "الوزراء"*'

SQL="SELECT strftime('%Y-%m-%d %H:%M', a.date, 'unixepoch'),
    coalesce(f.name, f.title, f.url), a.title, a.link
    FROM article_fts s JOIN articles a ON a.id = s.rowid
    JOIN feeds f ON f.id = a.feed_id WHERE article_fts MATCH ?1
    ORDER BY a.date DESC, a.id DESC"

ref() {	# ref FTS: the bare sqlite3 query
	printf '.param set ?1 %s\n%s;\n' "'$1'" "$SQL" |
	    sqlite3 -separator '	' "$DB"
}

echo "$QUERIES" | while IFS='	' read -r label q fts; do
	"$AKHBAR" -c "$DB" --search "$q" > "$B/$label.a" 2>/dev/null
	ref "$fts" > "$B/$label.s"
	if [ -n "$AKHBAR_BASE" ]; then
		"$AKHBAR_BASE" -c "$B/base.db" --search "$q" > "$B/$label.b" \
		    2>/dev/null
		cmp -s "$B/$label.a" "$B/$label.b" ||
		    echo "  $label: DIFFERS from AKHBAR_BASE"
	fi
	if case $label in phrase*) true ;; *) false ;; esac; then
		printf '  %-8s %6d matches (sqlite3: %d candidates)\n' \
		    "$label" "$(wc -l < "$B/$label.a")" \
		    "$(wc -l < "$B/$label.s")"
	elif cmp -s "$B/$label.a" "$B/$label.s"; then
		printf '  %-8s %6d matches, same as sqlite3\n' "$label" \
		    "$(wc -l < "$B/$label.a")"
	else
		printf '  %-8s akhbar %d lines, sqlite3 %d lines: DIFFER\n' \
		    "$label" "$(wc -l < "$B/$label.a")" \
		    "$(wc -l < "$B/$label.s")"
	fi
done

: > "$B/times"
ms() {	# ms LABEL COMMAND...: elapsed microseconds into times
	ms_label=$1; shift
	ms_t0=$(date +%s%N)
	"$@" > /dev/null 2>&1
	ms_t1=$(date +%s%N)
	echo "$ms_label $(( (ms_t1 - ms_t0) / 1000 ))" >> "$B/times"
}
r=1
while [ $r -le "$RUNS" ]; do
	echo "$QUERIES" | while IFS='	' read -r label q fts; do
		ms "akhbar-$label" "$AKHBAR" -c "$DB" --search "$q"
		ms "sqlite3-$label" ref "$fts"
		[ -z "$AKHBAR_BASE" ] ||
		    ms "base-$label" "$AKHBAR_BASE" -c "$B/base.db" --search "$q"
	done
	r=$((r + 1))
done

echo "median of $RUNS runs (ms), akhbar --search vs sqlite3 FTS5 query:"
echo "$QUERIES" | cut -f1 | while read -r label; do
	a=$(grep "^akhbar-$label " "$B/times" | cut -d' ' -f2 | sort -n |
	    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	s=$(grep "^sqlite3-$label " "$B/times" | cut -d' ' -f2 | sort -n |
	    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	echo "$label $a $s $(wc -l < "$B/$label.a")" | awk '{
	    printf "  %-8s %8.1f %8.1f  ratio %.2f  (%d rows)%s\n", $1,
	    $2 / 1000, $3 / 1000, $2 / $3, $4,
	    $2 / 1000 < 100 ? "" : "  OVER 100 ms" }'
	[ -z "$AKHBAR_BASE" ] || grep "^base-$label " "$B/times" |
	    cut -d' ' -f2 | sort -n | awk -v l="$label" '{ v[NR] = $1 } END {
	    printf "  %-8s %8.1f  (AKHBAR_BASE)\n", l, v[int((NR + 1) / 2)] / 1000 }'
done
