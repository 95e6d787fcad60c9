#!/bin/sh
# Ignore rules (`ignore [feed=URL] [tag=TAG] [field=F] PATTERN` in the
# config): applied by --refresh and at the reader's start, over Arabic
# proclitic forms with exact counts; hidden articles leave every list and
# count but "Ignored", and come back when the rule goes; `I` in the
# reader adds a rule from the selected title after a y/n question.
. "$TOP/tests/lib.sh"

W=$TMP/rules
rm -rf "$W"
mkdir -p "$W/home" "$W/config/akhbar"
SOCK=akhbar-rules-$$
ENVS="HOME=$W/home XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data TZ=UTC"
. "$TOP/tests/tmux.sh"
export HOME="$W/home" XDG_CONFIG_HOME="$W/config" XDG_DATA_HOME="$W/data"

item() {	# item GUID HOUR TITLE
	printf '<item><title>%s</title><guid>%s</guid><author>%s</author>' \
	    "$3" "$1" "${4:-مراسل}"
	printf '<pubDate>Tue, 07 May 2024 %02d:00:00 GMT</pubDate></item>\n' "$2"
}
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
	printf '<channel><title>Wire</title>\n'
	item g1 1 'غزة تستقبل قافلة مساعدات'
	item g2 2 'قصف وغزة تحت الحصار'
	item g3 3 'فغزة لم تعد كما كانت'
	item g4 4 'اشتباكات بغزة ليلة أمس'
	item g5 5 'مدينة كغزة لا تنام'
	item g6 6 'مساعدات لغزة عبر معبر رفح'
	item g7 7 'مغزى القرار الأممي الأخير'
	item g8 8 'ارتفاع أسعار النفط' 'وكالة الأنباء'
	item g9 9 'Oil prices climb again' 'وكالة الأنباء'
	item g10 10 'الدوري: فوز الأهلي على الزمالك'
	printf '</channel></rss>\n'
} > "$W/wire.xml"
printf '%s news\n' "$W/wire.xml" > "$W/urls"
CONF=$W/config/akhbar/config
printf 'ignore غزة\n' > "$CONF"
"$AKHBAR" -u "$W/urls" -c "$W/db" --refresh > "$W/out" 2>&1
check "rules: refresh ok" grep -q '^ok 10 new' "$W/out"
check "rules: غزة hides its 6 proclitic forms, not مغزى: 4 listed" \
    test "$("$AKHBAR" -c "$W/db" --list | wc -l)" -eq 4
check "rules: the unread count leaves them out" \
    test "$("$AKHBAR" -c "$W/db" --unread-count)" -eq 4
check "rules: nothing deleted" \
    test "$(sqlite3 "$W/db" 'SELECT count(*) FROM articles')" -eq 10
check "rules: search leaves them out too" \
    test "$("$AKHBAR" -c "$W/db" --search مساعدات 2>/dev/null | wc -l)" -eq 0

printf 'ignore =غزة\nignore field=author "وكالة الأنباء"\n' > "$CONF"
"$AKHBAR" -u "$W/urls" -c "$W/db" --refresh > "$W/out" 2>&1
check "rules: =غزة (exact) and an author: 7 listed" \
    test "$("$AKHBAR" -c "$W/db" --list | wc -l)" -eq 7
check "rules: the bare غزة title hidden" \
    sh -c "! '$AKHBAR' -c '$W/db' --list | grep -q 'قافلة'"
check "rules: the agency's two hidden, the English one too" \
    sh -c "! '$AKHBAR' -c '$W/db' --list | grep -q 'Oil prices'"
: > "$CONF"
"$AKHBAR" -u "$W/urls" -c "$W/db" --refresh > "$W/out" 2>&1
check "rules: removing the rules shows all 10 again" \
    test "$("$AKHBAR" -c "$W/db" --list | wc -l)" -eq 10
printf 'ignore field=date غزة\nignore tag=news /^الدوري/\n' > "$CONF"
"$AKHBAR" -v -u "$W/urls" -c "$W/db" --refresh > "$W/out" 2>&1
check "rules: a bad rule names file:line" \
    grep -q "config:1: bad field 'date' (want title, author, body or any)" "$W/out"
check "rules: tag= and a regex: 9 listed" \
    test "$("$AKHBAR" -c "$W/db" --list | wc -l)" -eq 9

# The reader: rules changed since the last refresh apply at its start;
# "Ignored" lists what they hide; I adds a rule after y.
printf 'ignore غزة\nquery Gaza غزة\nquery Prices أسعار\n' > "$CONF"
start 100 20 -o -u "$W/urls" -c "$W/db"
wait_for "Ignored"
settle
cap > "$W/feeds.txt"
check "reader: a query list counts no hidden article" \
    grep -q '^ *0/0 Gaza' "$W/feeds.txt"
check "reader: a query list with a visible one: 1/1" \
    grep -q '^N *1/1 Prices' "$W/feeds.txt"
check "reader: rules applied at start, Ignored holds 6" \
    grep -q '^ *0/6 Ignored' "$W/feeds.txt"
check "reader: All articles counts 4" grep -q '^N *4/4 All articles' "$W/feeds.txt"
check "reader: the feed counts 4 unread" grep -q '^N *4/4 Wire' "$W/feeds.txt"
# open "All articles", select the first (newest: الدوري), press I
keys Enter
settle
keys I
wait_for "add to the config? (y/n)"
check "I: asks before adding the rule" \
    sh -c "$TM capture-pane -p | grep -q 'ignore field=title'"
keys y
wait_for "rule added to the config: 1 article hidden"
check "I: the rule is in the config file" \
    grep -q '^ignore field=title "الدوري: فوز الأهلي على الزمالك"$' "$CONF"
check "I: the article left the list (3 rows)" \
    test "$(cap | grep -c '05-07 Wire')" -eq 3
# 2 I: by the author of the selected article (the agency's two)
keys_nochange g
keys 2 I
wait_for "add to the config? (y/n)"
keys n
wait_for "no rule added"
check "2 I then n: nothing written" \
    test "$(grep -c '^ignore' "$CONF")" -eq 2
$TM kill-server 2>/dev/null
check "I: --list agrees: 3" \
    test "$("$AKHBAR" -c "$W/db" --list | wc -l)" -eq 3
start 100 20 -o -u "$W/urls" -c "$W/db"
wait_for "Ignored"
settle
keys Enter
settle
# the list (newest first): Oil prices (agency), النفط (agency), مغزى
keys 2 I
wait_for "add to the config? (y/n)"
keys y
wait_for "rule added to the config: 2 articles hidden"
check "2 I: an author rule in the config" \
    grep -q '^ignore field=author "وكالة الأنباء"$' "$CONF"
check "2 I: one article left" \
    test "$(cap | grep -c '05-07 Wire')" -eq 1
$TM kill-server 2>/dev/null

# A refresh that updates an article checks it again: a title changed to
# match a rule is hidden, one changed away from it is shown again (the
# feed from tests/feedserver.py, its ETag following the file).
mkdir -p "$W/www"
upd() {	# upd TITLE1 TITLE2: the feed's two items
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<rss version="2.0"><channel><title>Upd</title>\n'
		item u1 1 "$1"
		item u2 2 "$2"
		printf '</channel></rss>\n'
	} > "$W/www/upd.xml"
}
upd 'Markets calm after the storm' 'زلزال يضرب المدينة فجرا'
python3 "$TOP/tests/feedserver.py" --root "$W/www" --timeout 60 \
    > "$W/port" 2> "$W/server.err" &
SERVER=$!
i=0
while [ ! -s "$W/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
printf 'http://127.0.0.1:%s/file/upd.xml upd\n' "$(head -1 "$W/port")" \
    > "$W/urls2"
printf 'ignore field=title زلزال\n' > "$CONF"
"$AKHBAR" -u "$W/urls2" -c "$W/db2" --refresh > "$W/out" 2>&1
check "rules, updated: the first refresh hides the earthquake" \
    test "$("$AKHBAR" -c "$W/db2" --list | cut -f3)" = \
    'Markets calm after the storm'
upd 'زلزال بقوة ست درجات يضرب الساحل' 'المدينة تتعافى بعد أسبوع'
"$AKHBAR" -u "$W/urls2" -c "$W/db2" --refresh > "$W/out" 2>&1
check "rules, updated: the second refresh updated both" \
    test "$(sqlite3 "$W/db2" 'SELECT count(*) FROM articles
    WHERE updated > 0')" -eq 2
check "rules, updated: the title changed to match is hidden, the other shown" \
    test "$("$AKHBAR" -c "$W/db2" --list | cut -f3)" = \
    'المدينة تتعافى بعد أسبوع'
check "rules, updated: search leaves the newly hidden one out" \
    test -z "$("$AKHBAR" -c "$W/db2" --search زلزال 2>/dev/null)"
kill "$SERVER" 2>/dev/null
