#!/bin/sh
# End-to-end: text comes out exactly. Persian titles, feed names, tags
# and bodies keep their ZWNJ (U+200C) through every output (--feed-tsv,
# --list, --search, --export, --export-opml, --dump); an override
# (RLO...PDF) in link text lays out as the same text without it; `s` in
# the reader and --export write the same file for the same article.
. "$TOP/tests/lib.sh"

D=$TMP/e2e-fidelity
rm -rf "$D"
mkdir -p "$D"
IN=$TOP/tests/in/fidelity
ZWNJ=$(printf '\342\200\214')
# has FILE WORD...: every word (with its ZWNJ) is in FILE, byte for byte.
has() {
	f=$1; shift
	for w in "$@"; do
		grep -qF -- "$w" "$f" || { echo "# '$w' not in $f"; return 1; }
	done
}
# Persian words spelled with a ZWNJ: hafte-ye, mi-shavad, pish-bini,
# khabarname-ye, hafte-name, haml-o-naql.
HAFTEYE="هفته${ZWNJ}ی"
MISHAVAD="می${ZWNJ}شود"
PISHBINI="پیش${ZWNJ}بینی"
NAME="خبرنامه${ZWNJ}ی هفته"
TAG="هفته${ZWNJ}نامه"
check "the fixture holds ZWNJ" has "$IN/persian.xml" "$HAFTEYE" "$MISHAVAD"

"$AKHBAR" --feed-tsv "$IN/persian.xml" > "$D/tsv" 2>&1
check "--feed-tsv: titles, bodies and tags keep ZWNJ" \
    has "$D/tsv" "$HAFTEYE" "$MISHAVAD" "$PISHBINI" "$TAG"

printf '%s "~%s"\n' "$IN/persian.xml" "$NAME" > "$D/urls"
"$AKHBAR" -u "$D/urls" -c "$D/db" --refresh > /dev/null 2>&1
check "store built" test "$(sqlite3 "$D/db" \
    'SELECT count(*) FROM articles')" -eq 2
"$AKHBAR" -u "$D/urls" -c "$D/db" --list > "$D/list" 2>&1
check "--list: titles keep ZWNJ" has "$D/list" "گزارش $HAFTEYE اقتصاد" \
    "حمل${ZWNJ}ونقل اجرا $MISHAVAD"
"$AKHBAR" -c "$D/db" --search "اقتصاد" > "$D/search" 2>&1
check "--search: the title found keeps ZWNJ" has "$D/search" \
    "گزارش $HAFTEYE اقتصاد"
"$AKHBAR" -u "$D/urls" --export-opml > "$D/opml" 2>&1
check "--export-opml: the feed's name keeps ZWNJ" has "$D/opml" "$NAME"

sqlite3 "$D/db" 'UPDATE articles SET saved = 1'
"$AKHBAR" -c "$D/db" --export "$D/out" > "$D/export" 2>&1
check "--export: 2 written" grep -q '2 written, 0 unchanged' "$D/export"
F=$(grep -l "اقتصاد" "$D"/out/*.txt | head -1)
check "--export: title, tags and body keep ZWNJ" has "$F" \
    "Title: گزارش $HAFTEYE اقتصاد" "Tags: اقتصاد, $TAG" "$PISHBINI"
"$AKHBAR" --dump -w 80 --shaping off --color never "$F" > "$D/dump" 2>&1
# Without shaping the letters are themselves (visual order: reversed).
REV=$(printf '%s' "$HAFTEYE" | python3 -c \
    'import sys; print(sys.stdin.read()[::-1], end="")')
check "--dump --shaping off: the ZWNJ stays between its letters" \
    has "$D/dump" "$REV"
"$AKHBAR" --dump -w 80 --color never "$F" > "$D/dump-shaped" 2>&1
check "--dump (shaped): as many ZWNJ as the body and title hold" test \
    "$(grep -o "$ZWNJ" "$D/dump-shaped" | wc -l)" -eq \
    "$(sed '1,/^$/d' "$F" | grep -o "$ZWNJ" | wc -l | \
    awk '{ print $1 + 1 }')"

# An override around link text or a name: laid out as if it were not
# there (no "exe.png" for "gnp.exe").
"$AKHBAR" --dump -w 60 --color never "$IN/override.html" > "$D/ovr" 2>&1
"$AKHBAR" --dump -w 60 --color never "$IN/override-plain.html" \
    > "$D/ovr-plain" 2>&1
same "RLO/LRO...PDF in link text and a name: same cells as without" \
    "$D/ovr-plain" "$D/ovr"
check "RLO: the link text reads gnp.exe" grep -q 'gnp\.exe\[1\]' "$D/ovr"

# `s` in the reader, then --export into the same folder: nothing new.
SOCK=akhbar-fidelity-$$
W=$D/tui
mkdir -p "$W/home" "$W/config/akhbar" "$W/data"
ENVS="HOME=$W/home XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data LANG=C.UTF-8 LC_ALL= TERM=xterm-256color"
. "$TOP/tests/tmux.sh"
SAVED=$W/data/akhbar/saved
sqlite3 "$D/db" 'UPDATE articles SET saved = 0'
printf 'mark-read-delay never\n' > "$W/config/akhbar/config"
start 120 40 -o -u "$D/urls" -c "$D/db"
wait_for "All articles" >/dev/null
keys Enter
keys s
check "s: saved" wait_for "saved as "
keys j
keys s
check "s: the second article saved" wait_for "saved as "
keys Q
check "s: two files" test "$(ls "$SAVED" | wc -l)" -eq 2
"$AKHBAR" -c "$D/db" --export "$SAVED" > "$D/export-s" 2>&1
check "--export over the folder s wrote: every article unchanged" \
    grep -q '2 saved articles: 0 written, 2 unchanged' "$D/export-s"
check "--export over the folder s wrote: no -2 file" \
    test "$(ls "$SAVED" | wc -l)" -eq 2
same "s and --export write the same bytes" "$F" \
    "$SAVED/$(basename "$F")"
