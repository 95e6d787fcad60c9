#!/bin/sh
# End-to-end tests of the reader's offline reading, saving, keyword
# highlighting and searching: the real binary in tmux (120x40: list 48
# columns, reader 71 from column 49), checked with capture-pane -p and
# -e (colours, through tests/tools/sgr_cells.py).
. "$TOP/tests/lib.sh"

SOCK=akhbar-test2-$$
W=$TMP/tui-offline
rm -rf "$W"
mkdir -p "$W/home" "$W/config/akhbar" "$W/data"
ENVS="HOME=$W/home XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data LANG=C.UTF-8 LC_ALL= TERM=xterm-256color"
ARTS=$TOP/tests/in/tui
SGRC="python3 $TOP/tests/tools/sgr_cells.py"
. "$TOP/tests/tmux.sh"
# pane FILE: the reader pane (columns 49-119) of a capture.
pane() {
	python3 - "$1" <<'PY'
import sys, unicodedata
def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
for l in open(sys.argv[1], encoding="utf-8").read().split("\n")[:39]:
    out, col = [], 0
    for ch in l:
        cw = width(ch)
        if cw == 0:
            if out and 49 < col <= 120:
                out.append(ch)
            continue
        if 49 <= col and col + cw <= 120:
            out.append(ch)
        col += cw
    print("".join(out).rstrip())
PY
}

# ---- saving: store -> s -> file -> akhbar FILE shows the same rows ----
cp "$TOP/tests/in/feeds/rss2-arabic.xml" "$W/feed.xml"
echo "$W/feed.xml" > "$W/urls"
"$AKHBAR" -u "$W/urls" -c "$W/db" --refresh > /dev/null 2>&1
check "store built from the local fixture feed" \
    test "$(sqlite3 "$W/db" 'SELECT count(*) FROM articles')" -eq 3
printf 'mark-read-delay never\n' > "$W/config/akhbar/config"
ST="-o -u $W/urls -c $W/db"
SAVED=$W/data/akhbar/saved
start 120 40 $ST
wait_for "All articles" >/dev/null
keys Enter
check "store: the Arabic article is listed" wait_for "ﺲﻠﺠﻣ"
sleep 0.3
cap > "$W/orig.txt"
pane "$W/orig.txt" > "$W/orig.pane"
keys s
check "s: status says saved as NAME (the date it starts with)" \
    wait_for "saved as 20"
check "s: one file in save-dir (XDG_DATA_HOME/akhbar/saved)" \
    test "$(ls "$SAVED" | wc -l)" -eq 1
F=$(ls "$SAVED"/*.txt | head -1)
check "s: the file is in the saved format" \
    sh -c "head -1 '$F' | grep -qx 'akhbar-article: 1'"
check "s: the store marks it saved" \
    test "$(sqlite3 "$W/db" 'SELECT count(*) FROM articles WHERE saved')" -eq 1
keys s
check "s again: unmarked, the file stays" wait_for "no longer marked saved"
check "s again: the file is still there" test -f "$F"
check "s again: the store no longer marks it saved" \
    test "$(sqlite3 "$W/db" 'SELECT count(*) FROM articles WHERE saved')" -eq 0
keys Q
start 120 40 "$F"
check "akhbar FILE: the saved article is listed" wait_for "ﺲﻠﺠﻣ"
sleep 0.3
cap > "$W/file.txt"
pane "$W/file.txt" > "$W/file.pane"
same "akhbar FILE: reader rows equal the stored article's rows" \
    "$W/orig.pane" "$W/file.pane"
"$AKHBAR" --dump --color never --width 71 "$F" | sed 's/ *$//' > "$W/dump.txt"
grep -Ev '^(Feed|Author|Date|Link|Enclosure): ' "$W/file.pane" |
    head -n "$(wc -l < "$W/dump.txt")" > "$W/file-body.pane"
same "akhbar FILE: title and body rows equal --dump --width 71 FILE" \
    "$W/dump.txt" "$W/file-body.pane"
keys s
check "files mode: s saves the file into the save folder" \
    wait_for "saved as "
keys Q

# ---- files and folders: recursive, errors listed, stdin ----
mkdir -p "$W/dir/sub"
cp "$ARTS/arabic.html" "$W/dir/"
cp "$TOP/tests/in/saved/summit.txt" "$W/dir/sub/"
printf '# Notes in Markdown\n\nSome text.\n' > "$W/dir/sub/notes.md"
printf 'abc\000def\n' > "$W/dir/bin.txt"
ln -s .. "$W/dir/sub/loop"
start 120 40 "$W/dir"
check "folder: a file in a subfolder is listed" wait_for "Notes in Markdown"
check "folder: a binary file is listed with the reason" \
    wait_for "⚠ bin.txt — binary file"
check "folder: a symlink loop is listed with the reason" \
    wait_for "directory loop"
# polled: under load the reader pane is painted after the list moves
reader_says() {	# reader_says TEXT [TRIES of 0.1 s]
	i=0
	while [ $i -lt "${2:-50}" ]; do
		cap | cut -c49- | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# j until the reader shows the binary file (the rows' order among files
# of the same day is not the test's business), at most once per row.
# 'binary' alone: the message names the file's whole path, and in a
# long checkout path "binary file" wraps between its two words.
to_binary() {
	n=0
	while [ $n -lt 8 ]; do
		reader_says 'binary' 10 && return 0
		keys j
		n=$((n + 1))
	done
	reader_says 'binary'
}
check "folder: opening the binary file shows the reason in the reader" \
    to_binary
check "folder: the selected row is the binary file" \
    sh -c "$TM capture-pane -p -e | grep -F 'bin.txt' | grep -q '\\[7m\\|\\[4[0-7]m\\|\\[48;'"
check "folder: the loop's row is not selected" \
    sh -c "! $TM capture-pane -p -e | grep -F 'directory loop' | grep -q '\\[7m\\|\\[4[0-7]m\\|\\[48;'"
keys Q
check "folder: quits cleanly" wait_for "AKHBAR-EXITED 0"
$TM kill-server 2>/dev/null
sleep 0.1
$TM new-session -d -x 120 -y 40 "cat $ARTS/english.txt | env $ENVS \
    $AKHBAR -; echo AKHBAR-EXITED \$?; sleep 30"
check "stdin: akhbar - shows the article" \
    wait_for "City council approves new bike lanes"
keys Tab
keys G
check "stdin: keys come from the terminal (G: Bot/All)" \
    sh -c "$TM capture-pane -p | tail -1 | grep -Eq 'Bot|All'"
keys Q
check "stdin: Q quits (exit status 0)" wait_for "AKHBAR-EXITED 0"

# ---- highlighting: the theme's style and a keyword's own colour ----
# vis WORD: an Arabic word as the screen shows it (shaped, reordered).
vis() { printf '%s\n' "$1" | "$AKHBAR" --dump --color never -w 20 - |
    sed 's/^ *//;s/ *$//'; }
# Default theme highlight: black on yellow (30, 43); the group: white on
# blue (37, 44).
printf 'highlight الصحة\nhighlight مليون -- white blue bold\n' \
    > "$W/hl.conf"
start 120 40 -C "$W/hl.conf" "$ARTS/arabic.html"
wait_for "ةرازو" >/dev/null
sleep 0.3
cap -e > "$W/h1.txt"
"$AKHBAR" --dump --color always --width 71 --highlight 'الصحة' \
    "$ARTS/arabic.html" > "$W/h1-dump.txt"
"$AKHBAR" --dump --color always --width 71 --highlight 'مليون' \
    "$ARTS/arabic.html" > "$W/h2-dump.txt"
n=$(wc -l < "$W/h1-dump.txt")
[ "$n" -gt 38 ] && n=38
$SGRC "$W/h1.txt" 49 71 0 "$n" 30 43 > "$W/h1-cells"
$SGRC "$W/h1-dump.txt" 0 71 0 "$n" 30 43 > "$W/h1-want"
same "reader: the theme's highlight on exactly the cells of الصحة" \
    "$W/h1-want" "$W/h1-cells"
check "reader: الصحة is highlighted somewhere" grep -q '[0-9] [0-9]' "$W/h1-cells"
$SGRC "$W/h1.txt" 49 71 0 "$n" 37 44 > "$W/h2-cells"
$SGRC "$W/h2-dump.txt" 0 71 0 "$n" 30 43 > "$W/h2-want"
same "reader: highlight WORD -- white blue: its own colour on exactly the cells of مليون" \
    "$W/h2-want" "$W/h2-cells"
check "reader: مليون is highlighted somewhere" grep -q '[0-9] [0-9]' "$W/h2-cells"
word=$(printf 'الصحة\n' | "$AKHBAR" --dump --color never -w 20 - |
    sed 's/^ *//;s/ *$//')
$SGRC "$W/h1.txt" 0 48 0 1 30 43 chars > "$W/l1"
check "list: the title's matched word (only) in the highlight style" \
    grep -qx "$word" "$W/l1"
check "list: the title is marked with *" \
    sh -c "head -1 '$W/h1.txt' | sed 's/\x1b\[[0-9;]*m//g' | grep -q '^N \*'"
# H adds a keyword, H again removes it.
keys H 'الوزير' Enter
check "H: status says highlighting" wait_for "highlighting $(vis الوزير)"
sleep 0.2
cap -e > "$W/h3.txt"
"$AKHBAR" --dump --color always --width 71 --highlight 'الوزير' \
    "$ARTS/arabic.html" > "$W/h3-dump.txt"
$SGRC "$W/h3.txt" 49 71 0 "$n" 30 43 > "$W/h3-cells"
$SGRC "$W/h3-dump.txt" 0 71 0 "$n" 30 43 > "$W/h3-a"
$SGRC "$W/h1-dump.txt" 0 71 0 "$n" 30 43 > "$W/h3-b"
python3 - "$W/h3-a" "$W/h3-b" > "$W/h3-want" <<'PY'
import sys
a = open(sys.argv[1]).read().split("\n")
b = open(sys.argv[2]).read().split("\n")
for x, y in zip(a, b):
    if not x:
        continue
    r = x.split(":")[0]
    s = sorted({int(c) for c in (x.split(":")[1] + y.split(":")[1]).split()})
    print("%s: %s" % (r, " ".join(map(str, s))))
PY
same "H: the new keyword is painted too (with الصحة)" "$W/h3-want" "$W/h3-cells"
keys H 'الوزير' Enter
check "H again: removed" wait_for "no longer highlighting $(vis الوزير)"
sleep 0.2
cap -e > "$W/h4.txt"
$SGRC "$W/h4.txt" 49 71 0 "$n" 30 43 > "$W/h4-cells"
same "H again: back to الصحة only" "$W/h1-want" "$W/h4-cells"
keys Q

# --highlight on the command line
start 120 40 --highlight 'الوزير' "$ARTS/arabic.html"
wait_for "ةرازو" >/dev/null
sleep 0.3
cap -e > "$W/h5.txt"
$SGRC "$W/h5.txt" 49 71 0 "$n" 30 43 > "$W/h5-cells"
same "--highlight WORD: painted in the reader" "$W/h3-a" "$W/h5-cells"
keys Q

# ---- / search in the reader: hit i of n, n scrolls to the next hit ----
{
	echo "البحث عن كلمة في النص"
	echo
	i=0
	while [ $i -lt 60 ]; do
		echo "فقرة رقم $i من النص الطويل بلا شيء."
		echo
		i=$((i + 1))
	done
	echo "END marker: كلمة أخرى"
} > "$W/long.txt"
start 120 40 "$W/long.txt"
wait_for "ﺺﻨﻟا" >/dev/null
keys Tab
keys / 'كلمة' Enter
check "/: 'hit 1 of 2' in the status line" wait_for "hit 1 of 2"
check "/: the end of the text is not on screen yet" \
    sh -c "! $TM capture-pane -p | grep -q 'END marker'"
keys n
check "n: 'hit 2 of 2'" wait_for "hit 2 of 2"
check "n: the reader scrolled to the second hit" wait_for "END marker"
cap -e > "$W/s1.txt"
check "n: the hit is painted with the search-match style (SGR 46)" \
    grep -q '46m' "$W/s1.txt"
keys Q

# ---- the store: * marks, the Highlighted list, S searches ----
printf 'mark-read-delay never\nhighlight النفط\n' > "$W/config/akhbar/config"
start 120 40 $ST
check "store: the Highlighted list is there" wait_for "Highlighted"
check "store: Highlighted counts one article" wait_for "1/1 Highlighted"
row=$(cap | grep -n 'Highlighted' | cut -d: -f1)
i=1
while [ "$i" -lt "$row" ]; do keys j; i=$((i + 1)); done
keys Enter
check "Highlighted: the oil article" wait_for "ﻂﻔﻨﻟا"
cap > "$W/v1.txt"
check "Highlighted: only that article" \
    test "$(cut -c1-48 "$W/v1.txt" | grep -c '[0-9][0-9]-[0-9][0-9]')" -eq 1
check "Highlighted: its row is marked *" grep -q '^N \*' "$W/v1.txt"
keys q
keys S 'غزة' Enter
check "S: status says how many match" wait_for "1 article matches $(vis غزة)"
check "S: the article about غزة is listed" wait_for "ةﺰﻏ ﻥﺄﺸﺑ"
cap > "$W/v2.txt"
check "S: one result" \
    test "$(cut -c1-48 "$W/v2.txt" | grep -c '[0-9][0-9]-[0-9][0-9]')" -eq 1
keys q
check "q: back to the feed list" wait_for "All articles"
keys S 'Tech' Enter
check "S: a Latin word finds the English article" \
    wait_for "Tech giants report record earnings"
keys Q
start 120 40 "$ARTS"
wait_for "City council" >/dev/null
keys S
check "S in files mode: says it needs the store" \
    wait_for "search across the store needs the store"
keys Q

$TM kill-server 2>/dev/null
exit 0
