#!/bin/sh
# The config file's fetch and store settings reach --refresh: max-articles
# trims each feed, a bad line is skipped (and reported as FILE:LINE with
# -v only), and the command line wins over the file.
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
# From cron every half hour: the same config warning each time would be
# noise, so it is printed only with -v (the reader shows it).
check "without -v, config warnings are not printed" \
    test "$(cat "$D/err")" = "ok 2 new: Arabic"
"$AKHBAR" -u "$D/urls" -c "$D/a.db" -C "$D/config" -v --refresh \
    > /dev/null 2> "$D/err"
check "with -v, a bad config line is named with file and line" \
    grep -qx "akhbar: $D/config:2: bad number 'lots' (want 1 to 100)" \
    "$D/err"
"$AKHBAR" -u "$D/urls" -c "$D/a.db" -C "$D/config" --list > "$D/out" \
    2> "$D/err"
check "--list: config warnings not printed without -v" test ! -s "$D/err"
"$AKHBAR" -u "$D/urls" -c "$D/a.db" -C "$D/config" --verbose --list \
    > /dev/null 2> "$D/err"
check "--list --verbose: the config warning, once" \
    test "$(grep -c "config:2: bad number 'lots'" "$D/err")" -eq 1

"$AKHBAR" -u "$D/urls" -c "$D/b.db" -C "$D/config" --max-articles 3 \
    --refresh > /dev/null 2>&1
check "--max-articles on the command line wins over the config" \
    test "$("$AKHBAR" -c "$D/b.db" --list | wc -l)" -eq 3
