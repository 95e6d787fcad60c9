#!/bin/sh
# The config file's fetch and store settings reach --refresh: max-articles
# trims each feed, a bad line is reported as FILE:LINE and skipped, and
# the command line wins over the file.
. "$TOP/tests/lib.sh"
D=$TMP/e2e-config-store
rm -rf "$D"
mkdir -p "$D"
FEED=$TOP/tests/in/feeds/rss2-arabic.xml
printf '%s "~Arabic"\n' "$FEED" > "$D/urls"
n_items=$("$AKHBAR" --feed-tsv "$FEED" | wc -l)

printf 'max-articles 2\nmax-connections lots\n' > "$D/config"
"$AKHBAR" -u "$D/urls" -c "$D/a.db" -C "$D/config" --refresh > "$D/out" 2> "$D/err"
check "refresh with a config: exit 0" test $? -eq 0
check "config max-articles 2 keeps 2 of $n_items articles" \
    test "$("$AKHBAR" -c "$D/a.db" --list | wc -l)" -eq 2
check "a bad config line is named with file and line" \
    grep -q "config:2: .*lots" "$D/err"

"$AKHBAR" -u "$D/urls" -c "$D/b.db" -C "$D/config" --max-articles 3 \
    --refresh > /dev/null 2>&1
check "--max-articles on the command line wins over the config" \
    test "$("$AKHBAR" -c "$D/b.db" --list | wc -l)" -eq 3
