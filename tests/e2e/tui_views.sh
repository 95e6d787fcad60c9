#!/bin/sh
# Query lists (`query NAME SEARCH` in the config): virtual lists after
# "Highlighted" with total and unread counts from the search index, which
# open on the articles the search finds; a bad query is a config error
# naming its line. Driven in tmux at 100x20.
. "$TOP/tests/lib.sh"

W=$TMP/views
rm -rf "$W"
mkdir -p "$W/home" "$W/config/akhbar"
SOCK=akhbar-views-$$
ENVS="HOME=$W/home XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data TZ=UTC"
. "$TOP/tests/tmux.sh"

cat > "$W/feed.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Arab News Wire</title>
<item><title>قصف على غزة الليلة الماضية</title><guid>q1</guid><pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate></item>
<item><title>وفد مصري يزور غزة لبحث التهدئة</title><guid>q2</guid><pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate></item>
<item><title>ارتفاع أسعار القمح في الأسواق</title><guid>q3</guid><pubDate>Tue, 07 May 2024 11:00:00 GMT</pubDate></item>
<item><title>مساعدات تصل إلى قطاع غزة عبر رفح</title><guid>q4</guid><pubDate>Wed, 08 May 2024 12:00:00 GMT</pubDate></item>
<item><title>Wheat prices fall in Chicago</title><guid>q5</guid><pubDate>Wed, 08 May 2024 13:00:00 GMT</pubDate></item>
</channel></rss>
EOF
printf '%s news\n' "$W/feed.xml" > "$W/urls"
cat > "$W/config/akhbar/config" <<'EOF'
# query lists: "Gaza today" finds غزة in its proclitic-free form
query "Gaza today" غزة
query Wheat "أسعار القمح"
query Symbols "!!!"
EOF
"$AKHBAR" -u "$W/urls" -c "$W/db" --refresh > /dev/null 2>&1
sqlite3 "$W/db" "UPDATE articles SET unread = 0 WHERE guid = 'q1'"

start 100 20 -o -u "$W/urls" -c "$W/db"
wait_for "Gaza today"
settle
cap > "$W/list.txt"
check "query list: Gaza today with 2 unread of 3" \
    grep -q '^N *2/3 Gaza today ' "$W/list.txt"
check "query list: a phrase query, 1 of 1" \
    grep -q '^N *1/1 Wheat ' "$W/list.txt"
check "query list: between the virtual lists and the feeds" \
    sh -c "grep -n 'Saved\|Gaza today\|Wheat\|Arab News Wire' '$W/list.txt' | cut -d: -f1 | tr '\n' ' ' | grep -q '^3 4 5 6 \$'"
# The status line cuts a long message (the checkout's path is in it): the
# message log (M) has it whole, its wrapped lines read joined.
keys M
wait_for "no letters" >/dev/null
settle
cap | tr '\n' ' ' | tr -s ' ' > "$W/log.txt"
check "query list: a query without words is an error naming its line" \
    grep -q "config/akhbar/config:4: '!!!': no letters or digits" "$W/log.txt"
keys q
wait_for "Gaza today" >/dev/null
settle
keys j j j Enter
wait_for "Feed: Arab News Wire"
settle
cap > "$W/open.txt"
check "query list: opens on its 3 articles" \
    test "$(grep -c '^.\{4\}05-0[78] Arab News' "$W/open.txt")" -eq 3
check "query list: not the wheat article" \
    sh -c "! grep -q 'Chicago' '$W/open.txt'"
$TM kill-server 2>/dev/null

# ---- tag views: t asks for a tag; only its feeds, after "tag: TAG" ----
mkfeed() {	# mkfeed FILE TITLE GUID...
	f=$1; t=$2; shift 2
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<rss version="2.0"><channel><title>%s</title>\n' "$t"
		for g in "$@"; do
			printf '<item><title>%s %s</title><guid>%s</guid>' "$t" "$g" "$g"
			printf '<pubDate>Thu, 09 May 2024 08:00:00 GMT</pubDate></item>\n'
		done
		printf '</channel></rss>\n'
	} > "$f"
}
mkfeed "$W/pol1.xml" "Politics One" p1 p2 p3
mkfeed "$W/pol2.xml" "Politics Two" p4 p5
mkfeed "$W/sport.xml" "Sport Daily" s1 s2 s3 s4
cat > "$W/urls2" <<EOF
$W/pol1.xml news سياسة
$W/sport.xml sport
$W/pol2.xml "سياسة"
EOF
"$AKHBAR" -u "$W/urls2" -c "$W/db2" --refresh > /dev/null 2>&1
sqlite3 "$W/db2" "UPDATE articles SET unread = 0 WHERE guid = 'p1'"
start 100 20 -o -u "$W/urls2" -c "$W/db2"
wait_for "Sport Daily"
settle
keys t
wait_for "tag (news"
check "t: the prompt names the tags" \
    sh -c "$TM capture-pane -p | grep -q 'tag (news, .*, sport; empty: all):'"
$TM send-keys -l "سياسة"
keys Enter
wait_for "Politics Two"
settle
cap > "$W/tag.txt"
check "tag view: only the two tagged feeds" \
    sh -c "grep -q 'Politics One' '$W/tag.txt' && grep -q 'Politics Two' '$W/tag.txt' && ! grep -q 'Sport Daily' '$W/tag.txt'"
check "tag view: the virtual list first, 4 unread of 5" \
    sh -c "head -1 '$W/tag.txt' | grep -q '^N *4/5 tag: '"
check "tag view: no All articles" sh -c "! grep -q 'All articles' '$W/tag.txt'"
keys Enter
wait_for "Feed: Politics"
settle
check "tag view: the list holds the tagged feeds' 5 articles" \
    test "$(cap | grep -c 'Politics \(One\|Two\) p[1-5]')" -eq 5
keys q
settle
keys t
wait_for "tag ("
keys Enter
wait_for "All articles"
settle
check "t + Enter on an empty tag: every feed again" \
    sh -c "$TM capture-pane -p | grep -q 'Sport Daily'"
keys t
wait_for "tag ("
$TM send-keys -l "nosuchtag"
keys Enter
check "an unknown tag: said so, view unchanged" wait_for "no feed has the tag nosuchtag"
$TM kill-server 2>/dev/null

# ---- direction= in the urls file: the body's base direction ----
for d in ltr rtl; do
	cat > "$W/dir-$d.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Dir $d</title>
<item><title>Item $d</title><guid>dir-$d</guid>
<pubDate>Fri, 10 May 2024 08:00:00 GMT</pubDate>
<description>Reuters: BODYMARK</description></item>
</channel></rss>
EOF
done
printf '%s\n%s direction=rtl\n' "$W/dir-ltr.xml" "$W/dir-rtl.xml" > "$W/urls3"
"$AKHBAR" -u "$W/urls3" -c "$W/db3" --refresh > /dev/null 2>&1
: > "$W/empty.conf"
start 100 20 -o -C "$W/empty.conf" -u "$W/urls3" -c "$W/db3"
wait_for "Dir rtl"
settle
# the feeds after the 3 virtual lists: Dir ltr, then Dir rtl
keys j j j Enter
wait_for "BODYMARK"
settle
check "direction: an English body starts at the pane's left edge" \
    sh -c "$TM capture-pane -p | grep -q '│Reuters: BODYMARK'"
keys q
settle
keys j Enter
wait_for "BODYMARK"
settle
check "direction=rtl: the same body right-aligned (base RTL)" \
    sh -c "$TM capture-pane -p | grep -q '│  *BODYMARK :Reuters *$\|│  *:Reuters BODYMARK *$\|│  *Reuters: BODYMARK$'"
$TM capture-pane -p | grep BODYMARK > "$W/dir.txt"
$TM kill-server 2>/dev/null
