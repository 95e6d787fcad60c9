#!/bin/sh
# Memory stays bounded: --dump of a 4 MB article of each shape (HTML
# paragraphs, one huge paragraph, tiny inline elements, tiny paragraphs,
# one <pre> of 100,000 short lines; text paragraphs, one huge line), from
# a file and from standard input, peaks under 8 times the input plus
# 32 MB; an article over the 64 MB cap gets a
# one-line error and exit status 1. Peaks are not measurable under ASan.
. "$TOP/tests/lib.sh"

T=$TMP/e2e-memory
rm -rf "$T"
mkdir -p "$T"
GEN="python3 $TOP/tests/gen_articles.py"

if [ ! -x /usr/bin/time ] || ldd "$AKHBAR" 2>/dev/null | grep -q libasan; then
	ok "memory bound: needs GNU time and a build without ASan # SKIP"
else
	for k in html:html html-one:html html-tags:html html-small:html \
	    html-pre:html text:txt text-line:txt; do
		kind=${k%%:*}
		f=$T/$kind.${k#*:}
		$GEN "$kind" 4 "$f"
		size=$(wc -c < "$f")
		bound=$(( (8 * size + 32 * 1048576) / 1024 ))
		/usr/bin/time -f '%M' -o "$T/$kind.kb" "$AKHBAR" --dump -w 80 \
		    --color never "$f" > "$T/$kind.out" 2>&1
		kb=$(tail -1 "$T/$kind.kb")
		check "$kind: --dump of $((size / 1024)) KB peaks at $kb KB, under $bound KB" \
		    [ "$kb" -lt "$bound" ]
		check "$kind: --dump printed the article" \
		    test "$(wc -l < "$T/$kind.out")" -gt 100
	done
	/usr/bin/time -f '%M' -o "$T/stdin.kb" sh -c \
	    'exec "$1" --dump -w 80 - < "$2" > /dev/null' sh "$AKHBAR" \
	    "$T/html.html"
	kb=$(tail -1 "$T/stdin.kb")
	size=$(wc -c < "$T/html.html")
	check "stdin: peak $kb KB under 8x + 32 MB" \
	    [ "$kb" -lt $(( (8 * size + 32 * 1048576) / 1024 )) ]
fi

# Over the cap: one line on stderr, exit 1, nothing on stdout.
yes 'the council voted on the budget' | head -c 70000000 > "$T/huge.txt"
"$AKHBAR" --dump -w 80 "$T/huge.txt" > "$T/huge.out" 2> "$T/huge.err"
check "over 64 MB: exit 1" test $? -eq 1
check "over 64 MB: one line of error" test "$(wc -l < "$T/huge.err")" -eq 1
check "over 64 MB: the error says why" grep -q 'larger than' "$T/huge.err"
check "over 64 MB: nothing printed" test ! -s "$T/huge.out"
rm -f "$T/huge.txt"

# ---- the reader: the same bound, paging through 4 MB articles ----
# In tmux at 80x24 under a hard limit on its address space (the reader's
# own on a tiny article plus 8x the input plus 32 MB: the old reader,
# which laid out every row of the article as cells, ran out of it), the
# reader opens each article, and every screen it shows while paging
# (g, G, pages, a count of rows, back up) is a slice of --dump -w 80 at
# the row it should be; its peak RSS (VmHWM) stays under the bound. The
# same for an article of the store and for a saved folder.
if ldd "$AKHBAR" 2>/dev/null | grep -q libasan; then
	ok "reader memory bound: not measurable under ASan # SKIP"
	exit 0
fi
command -v prlimit >/dev/null 2>&1 || {
	ok "reader memory bound: needs prlimit # SKIP"; exit 0; }
command -v pgrep >/dev/null 2>&1 || {
	ok "reader memory bound: needs pgrep # SKIP"; exit 0; }
W=$T/tmux
SOCK=akhbar-memory-$$
mkdir -p "$W/home"
ENVS="HOME=$W/home XDG_CONFIG_HOME=$W/home/config \
XDG_DATA_HOME=$W/home/data TERM=xterm-256color LANG=C.UTF-8 LC_ALL="
. "$TOP/tests/tmux.sh"

# The reader's pid: the child of the tmux pane's shell.
reader_pid() {
	_sp=$($TM display -p '#{pane_pid}')
	pgrep -P "$_sp" | head -1
}
# status_kb FIELD: VmHWM or VmPeak of the reader, in KB.
status_kb() {
	awk -v f="$1:" '$1 == f { print $2 }' "/proc/$(reader_pid)/status"
}

# slice SCREEN DUMP ROW: the screen's 23 reader rows equal the dump's
# rows ROW..ROW+22 (short at the end); prints where they differ.
slice() {
	python3 - "$@" <<'PY'
import sys
scr = [l.rstrip() for l in open(sys.argv[1], encoding="utf-8").read().split("\n")][:23]
dump = [l.rstrip() for l in open(sys.argv[2], encoding="utf-8").read().split("\n")]
k = int(sys.argv[3])
want = dump[k:k + 23]
want += [""] * (23 - len(want))
for i in range(23):
    if scr[i] != want[i]:
        print("row %d: screen %r, --dump row %d %r" % (i, scr[i][:60], k + i, want[i][:60]))
        sys.exit(1)
PY
}

# at DESC ROW: the reader pane shows --dump from ROW (kept between 0 and
# the last screen, as the reader keeps its top).
at() {
	_row=$2
	[ "$_row" -gt $((n - 23)) ] && _row=$((n - 23))
	[ "$_row" -lt 0 ] && _row=0
	cap > "$W/screen.txt"
	if slice "$W/screen.txt" "$W/dump.txt" "$_row" > "$W/why.txt"; then
		ok "$1"
	else
		notok "$1"
		sed 's/^/#   /' "$W/why.txt"
	fi
}

# move DESC DELTA: the top moved by DELTA rows (kept in the article).
move() {
	top=$((top + $2))
	[ "$top" -gt $((n - 23)) ] && top=$((n - 23))
	[ "$top" -lt 0 ] && top=0
	at "$1" "$top"
}

# The reader's own size: a tiny article, zoomed.
printf '<p>خبر کوتاه: the council met.</p>\n' > "$T/tiny.html"
start 80 24 "$T/tiny.html"
wait_for "council" >/dev/null
base=$(status_kb VmPeak)
check "the reader's address space on a tiny article: $base KB" \
    [ "${base:-0}" -gt 0 ]

# A store holding one article of 3.5 MB of HTML (the feed parser keeps
# up to 4 MB of content), and the saved file --export writes of it: the
# reader shows the stored article exactly as that file (needs sqlite3).
S=$T/store
mkdir -p "$S"
python3 "$TOP/tests/gen_articles.py" html 3.5 "$S/body.html"
python3 - "$S/body.html" "$S/feed.xml" <<'PY'
import sys
body = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
    '<title>اقتصاد</title><link>https://example.org/</link><item>'
    '<title>گزارش بلند بانک مرکزی</title><link>https://example.org/long'
    '</link><guid>long-1</guid><pubDate>Sun, 06 Dec 2026 01:00:00 GMT'
    '</pubDate><description><![CDATA[' + body + ']]></description>'
    '</item></channel></rss>\n')
PY
echo "$S/feed.xml" > "$S/urls"
env $ENVS "$AKHBAR" -u "$S/urls" -c "$S/db" --refresh > /dev/null 2>&1
sqlite3 "$S/db" 'UPDATE articles SET saved = 1'	# --export writes these
env $ENVS "$AKHBAR" -c "$S/db" --export "$S/saved" > /dev/null 2>&1
check "store: one article exported" test "$(ls "$S/saved" | wc -l)" -eq 1

for k in html:html html-small:html html-tags:html html-pre:html text:txt \
    stdin:html store: saved:; do
	kind=${k%%:*}
	f=$T/$kind.${k#*:}
	src=$f
	case $kind in
	stdin)	src=$T/html.html ;;
	store|saved)
		src=$(ls "$S/saved"/* | head -1) ;;
	esac
	[ -f "$src" ] || python3 "$TOP/tests/gen_articles.py" "$kind" 4 "$src"
	size=$(wc -c < "$src")
	bound=$(( (8 * size + 32 * 1048576) / 1024 ))
	"$AKHBAR" --dump --color never -w 80 "$src" | sed 's/ *$//' \
	    > "$W/dump.txt"
	n=$(wc -l < "$W/dump.txt")
	EXTRA="prlimit --as=$(( (base + bound) * 1024 ))"
	case $kind in
	stdin)	start 80 24 - "<" "$src" ;;
	saved)	start 80 24 "$S/saved" ;;
	store)	start 80 24 -o -u "$S/urls" -c "$S/db"
		wait_for "All articles" >/dev/null && keys Enter ;;
	*)	start 80 24 "$src" ;;
	esac
	if ! wait_for "1/1"; then
		notok "$kind: the reader opens $((size / 1024)) KB under a limit"
		cap | grep -v '^ *$' | head -3 | sed 's/^/#   /'
		EXTRA=
		continue
	fi
	ok "$kind: the reader opens $((size / 1024)) KB under a limit"
	keys Enter
	keys z
	case $kind in store|saved)
		# The reader puts the header lines (Feed, Date, Link) of a
		# stored or saved article after its title, where --dump of
		# the saved file has none: take them from the first screen
		# into the --dump rows, when the rest of it follows them.
		cap > "$W/screen.txt"
		python3 - "$W/screen.txt" "$W/dump.txt" <<'PY' || notok "$kind: the first screen is the title, the header lines, then --dump's rows"
import sys
scr = [l.rstrip() for l in open(sys.argv[1], encoding="utf-8").read().split("\n")][:23]
dump = open(sys.argv[2], encoding="utf-8").read().split("\n")
for h in range(1, 8):
    if all(l.startswith(("Feed:", "Date:", "Link:", "Author:")) or l == ""
           for l in scr[2:2 + h]) and scr[2 + h:] == dump[2:23 - h]:
        open(sys.argv[2], "w", encoding="utf-8").write(
            "\n".join(dump[:2] + scr[2:2 + h] + dump[2:]))
        sys.exit(0)
sys.exit(1)
PY
		n=$(wc -l < "$W/dump.txt") ;;
	esac
	top=0
	at "$kind: the first screen is --dump's first rows" 0
	keys Space
	keys Space
	move "$kind: two pages down" 46
	keys G
	at "$kind: G shows --dump's last rows" $((n - 23))
	top=$((n - 23))
	keys k
	move "$kind: k from the end" -1
	keys g
	top=0
	at "$kind: g back to the top" 0
	keys 3 0 0 0 0 j
	move "$kind: 30000j, far past the rows laid out" 30000
	keys b
	move "$kind: a page back up" -23
	keys 2 5 0 0 k
	move "$kind: 2500k, back before them" -2500
	cap > "$W/end.txt"
	check "$kind: the reader is still running" \
	    eval '! grep -q AKHBAR-EXITED "$W/end.txt"'
	kb=$(status_kb VmHWM)
	check "$kind: the reader peaks at ${kb:-?} KB, under $bound KB" \
	    [ "${kb:-999999999}" -lt "$bound" ]
	EXTRA=
done
