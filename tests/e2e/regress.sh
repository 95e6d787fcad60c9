#!/bin/sh
# Regression inputs found by the fuzzers (tests/in/regress/), run through
# the real binary: each must give the exact expected output and status.
. "$TOP/tests/lib.sh"
R=$TOP/tests/in/regress
T=$TMP/regress
mkdir -p "$T"

# fuzz_html: a <tr> directly under the document (after a stray <?xml ...)
# made is_follower() pass the document's NULL name to strcasecmp().
"$AKHBAR" --dump -w 20 --color never "$R/html-tr-under-document.html" \
    > "$T/tr.out" 2>&1
check "html: <tr> under the document: exit 0" test $? -eq 0
printf 'x\n' > "$T/tr.want"
same "html: <tr> under the document: output" "$T/tr.want" "$T/tr.out"

# fuzz_feed: an empty HTML title (<title type="html"></title>) made
# feed_html_to_text() compute NULL + 0 (undefined behaviour, caught by
# UBSan in `make check SAN=address,undefined`).
"$AKHBAR" --feed-tsv "$R/feed-empty-html-title.xml" > "$T/title.out" \
    2> "$T/title.err"
check "feed: empty HTML title: exit 0" test $? -eq 0
check "feed: empty HTML title: nothing on stderr" test ! -s "$T/title.err"
printf '\t\t\t\t\t\t\t\t\n' > "$T/title.want"
same "feed: empty HTML title: one empty item" "$T/title.want" "$T/title.out"

# fuzz_render: a grapheme cluster wider than the line (an emoji ZWJ
# family, 6 cells) was kept whole, so a row was wider than the width.
# Each ZWJ stays (zero width) after the emoji it follows.
"$AKHBAR" --dump -w 3 --color never "$R/wrap-wide-cluster.txt" \
    > "$T/wide.out" 2>&1
check "wrap: cluster wider than the line: exit 0" test $? -eq 0
printf 'a\n\360\237\221\250\342\200\215\n\360\237\221\251\342\200\215\n'\
'\360\237\221\247\nb\n' > "$T/wide.want"
same "wrap: cluster wider than the line is cut, no row over 3 cells" \
    "$T/wide.want" "$T/wide.out"

# fuzz_opml: a folder <outline> with neither title nor text left a NULL
# folder name that opml_add_tag() read: --import-opml segfaulted.
rm -f "$T/urls"
"$AKHBAR" -u "$T/urls" --import-opml "$R/opml-untitled-folder.opml" \
    > "$T/opml.out" 2> "$T/opml.err"
check "opml: untitled folder: exit 0" test $? -eq 0
printf 'https://example.org/rss "~Inside"\n' > "$T/opml.want"
same "opml: untitled folder: feed imported without a tag" "$T/opml.want" \
    "$T/urls"
