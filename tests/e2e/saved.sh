#!/bin/sh
# End-to-end: offline reading. --dump of a saved file and of Markdown
# against golden files; --export of a store built by --refresh from a
# local feed (idempotent: mtimes unchanged on a second run, a clash gets
# a new name); saved articles surviving --max-articles; and the round
# trip: --dump of each exported file equals --dump of the stored body
# with the same title.
. "$TOP/tests/lib.sh"

D=$TMP/e2e-saved
rm -rf "$D"
mkdir -p "$D"

for f in summit.txt:summit.txt notes.md:notes.txt; do
	in=${f%%:*}
	out=${f#*:}
	"$AKHBAR" --dump -w 40 "$TOP/tests/in/saved/$in" > "$D/$out" 2>&1
	same "--dump -w 40 $in" "$TOP/tests/out/saved/$out" "$D/$out"
done
# The saved format is found by its first line, whatever the name.
cp "$TOP/tests/in/saved/summit.txt" "$D/renamed.html"
"$AKHBAR" --dump -w 40 "$D/renamed.html" > "$D/renamed.out" 2>&1
same "saved file sniffed under another name" \
    "$TOP/tests/out/saved/summit.txt" "$D/renamed.out"
"$AKHBAR" --dump -w 40 - < "$TOP/tests/in/saved/summit.txt" > "$D/stdin.out" 2>&1
same "saved file on standard input" "$TOP/tests/out/saved/summit.txt" \
    "$D/stdin.out"

# A store from a local feed, every article saved.
DB=$D/cache.db
cp "$TOP/tests/in/feeds/rss2-arabic.xml" "$D/feed.xml"
echo "$D/feed.xml" > "$D/urls"
"$AKHBAR" -u "$D/urls" -c "$DB" --refresh > /dev/null 2>&1
check "store built" test "$(sqlite3 "$DB" 'SELECT count(*) FROM articles')" -eq 3
sqlite3 "$DB" 'UPDATE articles SET saved = 1'

"$AKHBAR" -c "$DB" --export "$D/out/nested" > "$D/export1" 2>&1
check "--export exits 0" test $? -eq 0
check "--export writes 3 files" test "$(ls "$D/out/nested" | wc -l)" -eq 3
check "--export reports 3 written" grep -q '3 written, 0 unchanged' "$D/export1"
check "every file starts with the magic line" sh -c \
    "for f in '$D'/out/nested/*; do head -1 \"\$f\" | grep -qx 'akhbar-article: 1' || exit 1; done"
check "Arabic file name kept" test -f \
    "$D/out/nested/2024-03-05-مجلس-الأمن-يعقد-جلسة-طارئة-بشأن-غزة.txt"
stat -c '%n %Y %i' "$D"/out/nested/* > "$D/stat1"
sleep 1
"$AKHBAR" -c "$DB" --export "$D/out/nested" > "$D/export2" 2>&1
stat -c '%n %Y %i' "$D"/out/nested/* > "$D/stat2"
check "second --export writes nothing" grep -q '0 written, 3 unchanged' \
    "$D/export2"
same "second --export leaves mtimes and inodes alone" "$D/stat1" "$D/stat2"

# A clash: a different file under an exported name is never replaced.
f=$(ls "$D"/out/nested/2024-03-04-*)
printf 'my own notes\n' > "$f"
"$AKHBAR" -c "$DB" --export "$D/out/nested" > "$D/export3" 2>&1
check "clash: the other file is kept" grep -qx 'my own notes' "$f"
check "clash: the article gets a -2 name" test -f "${f%.txt}-2.txt"
check "clash: 1 written" grep -q '1 written, 2 unchanged' "$D/export3"

# Round trip: the exported file reads as the stored article.
n=0
for id in $(sqlite3 "$DB" 'SELECT id FROM articles ORDER BY id'); do
	sqlite3 "$DB" "SELECT title FROM articles WHERE id = $id" > "$D/title"
	sqlite3 "$DB" "SELECT content FROM bodies WHERE article_id = $id" \
	    > "$D/body"
	python3 -c 'import html, sys
t = open(sys.argv[1], encoding="utf-8").read().strip()
b = open(sys.argv[2], encoding="utf-8").read()
sys.stdout.write("<html><head><title>%s</title></head><body>%s</body></html>"
    % (html.escape(t), b))' "$D/title" "$D/body" > "$D/orig.html"
	"$AKHBAR" --dump -w 50 "$D/orig.html" > "$D/orig.out" 2>&1
	date=$(sqlite3 "$DB" "SELECT strftime('%Y-%m-%d', date, 'unixepoch') FROM articles WHERE id = $id")
	for s in "$D"/out/nested/"$date"-*; do
		grep -qx 'my own notes' "$s" && continue
		"$AKHBAR" --dump -w 50 "$s" > "$D/saved.out" 2>&1
		same "round trip: article $id dumps the same" "$D/orig.out" \
		    "$D/saved.out"
		n=$((n + 1))
	done
done
check "round trip covered 3 articles" test "$n" -eq 3

# Saved articles never expire: a refresh with a limit keeps them.
sqlite3 "$DB" 'UPDATE articles SET saved = 0 WHERE id = (SELECT max(id) FROM articles)'
saved_before=$(sqlite3 "$DB" 'SELECT group_concat(id) FROM articles WHERE saved = 1')
"$AKHBAR" -u "$D/urls" -c "$DB" --max-articles 1 --refresh > /dev/null 2>&1
saved_after=$(sqlite3 "$DB" 'SELECT group_concat(id) FROM articles WHERE saved = 1')
check "refresh --max-articles 1 keeps both saved articles" \
    test "$saved_before" = "$saved_after" -a -n "$saved_after"
check "refresh --max-articles 1 trims the unsaved one" \
    test "$(sqlite3 "$DB" 'SELECT count(*) FROM articles WHERE saved = 0')" -le 1

# Usage and errors.
"$AKHBAR" -c "$DB" --export > /dev/null 2>&1
check "--export without DIR is a usage error" test $? -eq 2
"$AKHBAR" -c "$D/none.db" --export "$D/x" > /dev/null 2>&1
check "--export from a missing store fails" test $? -eq 1
check "--export from a missing store creates nothing" test ! -e "$D/none.db"
