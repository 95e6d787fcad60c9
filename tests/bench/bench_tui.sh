#!/bin/sh
# Bytes the reader writes to the terminal (counted with tmux pipe-pane):
# the first screen, scrolling a long Arabic article one line and one page
# in the full-screen reader at 80x24 (targets: one line <= 155 bytes, a
# page <= what less writes for the same text), the same in the
# side-by-side layout at 120x40 for comparison, the same line with
# `bidi terminal` (logical, unshaped text, as newsboat and less write
# it), and the first screen of a store of 200 feeds (target <= 2.1 KB)
# beside newsboat's on the same feeds when it is installed.
cd "$TOP" || exit 2
B=$TOP/tests/tmp/bench/tui
rm -rf "$B"
mkdir -p "$B/home"
command -v tmux >/dev/null 2>&1 || { echo "bench_tui: no tmux"; exit 0; }
command -v less >/dev/null 2>&1 || echo "bench_tui: no less, page compared with nothing"
printf 'set -g status off\n' > "$B/tmux.conf"
TM="tmux -L akhbar-bench-$$ -f $B/tmux.conf"
trap '$TM kill-server 2>/dev/null' EXIT INT TERM

# A long Arabic article: the fixture's paragraphs 12 times, each
# numbered and rotated so that no two screen lines repeat (repeats would
# flatter the terminal optimizer).
python3 - "$B/long.html" <<'EOF'
import re, sys
src = open("tests/in/tui/arabic.html", encoding="utf-8").read()
paras = [re.sub(r"<[^>]*>", "", p) for p in re.findall(r"<p>(.*?)</p>", src)]
out = ['<html><head><meta charset="utf-8"><title>تقرير طويل عن خطة '
       'وزارة الصحة</title></head><body>']
for r in range(12):
    for n, p in enumerate(paras):
        w = p.split()
        k = (r * 3) % len(w)
        out.append("<p>(%d.%d) %s</p>" % (r + 1, n + 1, " ".join(w[k:] + w[:k])))
out.append("</body></html>")
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
EOF

settle() {	# settle FILE [POLLS]: wait until FILE stops growing for
		# POLLS (default 1) polls of 0.1 s
	prev=-1
	n=0
	same=0
	while [ $n -lt 50 ]; do
		sleep 0.1
		cur=$(wc -c < "$1" 2>/dev/null || echo 0)
		if [ "$cur" = "$prev" ]; then
			same=$((same + 1))
			[ "$cur" -gt 0 ] && [ $same -ge "${2:-1}" ] && return 0
			[ $n -gt 10 ] && return 0
		else
			same=0
		fi
		prev=$cur
		n=$((n + 1))
	done
}

# run W H CMD: start CMD in a pane whose output is piped to $B/out.N.
run() {
	$TM kill-server 2>/dev/null
	for try in 1 2 3 4 5; do
		sleep 0.1
		$TM new-session -d -x "$1" -y "$2" "sleep 0.5; exec env \
		    HOME=$B/home LANG=C.UTF-8 TERM=xterm-256color $3" \
		    2>/dev/null && break
	done
	RUN=$((RUN + 1))
	STEP=0
	$TM pipe-pane -o "cat > $B/out.$RUN.0"
	settle "$B/out.$RUN.0" 5
	FIRST=$(wc -c < "$B/out.$RUN.0" | tr -d ' ')
}
RUN=0

# step KEYS...: send keys; BYTES gets the bytes written for them, TEXT
# the bytes of printable text among them (the rest is cursor motion,
# scrolling, attributes: the overhead).
step() {
	STEP=$((STEP + 1))
	$TM pipe-pane
	$TM pipe-pane -o "cat > $B/out.$RUN.$STEP"
	sleep 0.1
	$TM send-keys "$@"
	settle "$B/out.$RUN.$STEP"
	BYTES=$(wc -c < "$B/out.$RUN.$STEP" | tr -d ' ')
	TEXT=$(python3 -c 'import re,sys; d=open(sys.argv[1],"rb").read();
d=re.sub(rb"\x1b(\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-B]|[=>M78])|[\r\n\x0e\x0f\x08]", b"", d)
print(len(d))' "$B/out.$RUN.$STEP")
}

# lines N KEY: N single-line scrolls; MEAN and MEAN_TEXT get the mean
# bytes and text bytes written for one.
lines() {
	k=0 sum=0 sumt=0
	while [ $k -lt "$1" ]; do
		step "$2"
		sum=$((sum + BYTES))
		sumt=$((sumt + TEXT))
		k=$((k + 1))
	done
	MEAN=$((sum / $1))
	MEAN_TEXT=$((sumt / $1))
}

run 80 24 "./akhbar $B/long.html"
first=$FIRST
step z >/dev/null
step j >/dev/null
step j; line=$BYTES; line_text=$TEXT
step j; line2=$BYTES; line2_text=$TEXT
step Space; page=$BYTES; page_text=$TEXT
step Space; page2=$BYTES; page2_text=$TEXT
step k; back=$BYTES; back_text=$TEXT
lines 10 j; mline=$MEAN; mline_text=$MEAN_TEXT

./akhbar --dump --width 80 --color never "$B/long.html" > "$B/long.txt"
run 80 24 "less $B/long.txt"
lfirst=$FIRST
step j >/dev/null
step j; lline=$BYTES; lline_text=$TEXT
step Space; lpage=$BYTES; lpage_text=$TEXT
step Space; lpage2=$BYTES; lpage2_text=$TEXT
lines 10 j; mlline=$MEAN; mlline_text=$MEAN_TEXT

run 120 40 "./akhbar $B/long.html"
sfirst=$FIRST
step Tab >/dev/null
step j >/dev/null
step j; sline=$BYTES; sline_text=$TEXT
step Space; spage=$BYTES; spage_text=$TEXT
$TM kill-server 2>/dev/null

printf 'bidi terminal\n' > "$B/terminal.conf"
run 80 24 "./akhbar -C $B/terminal.conf $B/long.html"
step z >/dev/null
step j >/dev/null
step j; tline=$BYTES; tline_text=$TEXT
step j; tline2=$BYTES; tline2_text=$TEXT
lines 10 j; mtline=$MEAN; mtline_text=$MEAN_TEXT

# newsboat on the same article as a one-item feed (its own wrapping,
# logical unshaped text).
mnline=- mnline_text=-
if command -v newsboat >/dev/null 2>&1; then
	python3 - "$B/long.html" "$B/long.xml" <<'EOF2'
import html, sys
src = open(sys.argv[1], encoding="utf-8").read()
body = src.split("<body>")[1].split("</body>")[0]
open(sys.argv[2], "w", encoding="utf-8").write(
    '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
    '<title>تقارير</title><link>https://x.example/</link><item><title>'
    'تقرير طويل عن خطة وزارة الصحة</title><link>https://x.example/1'
    '</link><description>%s</description></item></channel></rss>\n'
    % html.escape(body))
EOF2
	echo "file://$B/long.xml" > "$B/nblong"
	NBL="env HOME=$B/home XDG_CONFIG_HOME=$B/home/.config \
	    XDG_DATA_HOME=$B/home/.local/share newsboat -u $B/nblong \
	    -c $B/nblong.db"
	$NBL -x reload > /dev/null 2>&1
	run 80 24 "$NBL"
	step Enter > /dev/null
	step Enter > /dev/null
	step Down > /dev/null
	lines 10 Down; mnline=$MEAN; mnline_text=$MEAN_TEXT
fi

# 200 feeds, read from local files into a fresh store.
mkdir -p "$B/feeds"
python3 tests/bench/gen_feeds.py "$B/feeds" 200
./akhbar -u "$B/feeds/urls" -c "$B/feeds.db" --refresh > /dev/null 2>&1
run 80 24 "./akhbar -o -u $B/feeds/urls -c $B/feeds.db"
ffirst=$FIRST
run 120 40 "./akhbar -o -u $B/feeds/urls -c $B/feeds.db"
ffirst2=$FIRST
nfirst=- nfirst2=-
if command -v newsboat >/dev/null 2>&1; then
	sed 's|^|file://|' "$B/feeds/urls" > "$B/feeds/nburls"
	NB="env HOME=$B/home XDG_CONFIG_HOME=$B/home/.config \
	    XDG_DATA_HOME=$B/home/.local/share newsboat -u $B/feeds/nburls \
	    -c $B/nb.db"
	$NB -x reload > /dev/null 2>&1
	run 80 24 "$NB"
	nfirst=$FIRST
	run 120 40 "$NB"
	nfirst2=$FIRST
fi
$TM kill-server 2>/dev/null

echo "first screen 80x24:           akhbar $first bytes, less $lfirst bytes"
echo "scroll one line (full-screen reader 80x24): akhbar $line and $line2" \
    "bytes, of which text $line_text and $line2_text (overhead" \
    "$((line - line_text)), $((line2 - line2_text))); up one line $back" \
    "(text $back_text); less $lline (text $lline_text)"
echo "scroll one page (80x24):      akhbar $page, $page2 bytes; less" \
    "$lpage, $lpage2 bytes"
echo "side by side 120x40:          first $sfirst bytes, one line $sline," \
    "one page $spage (a short list lets ncurses scroll the full width;" \
    "beside a full list the pane is repainted)"
echo "scroll one line, bidi terminal (unshaped): akhbar $tline and" \
    "$tline2 bytes, of which text $tline_text and $tline2_text"
echo "mean of 10 one-line scrolls (80x24): akhbar $mline (text" \
    "$mline_text), bidi terminal $mtline (text $mtline_text), less" \
    "$mlline (text $mlline_text), newsboat $mnline (text $mnline_text)"
echo "first screen, 200 feeds:      akhbar $ffirst bytes at 80x24," \
    "$ffirst2 at 120x40; newsboat $nfirst, $nfirst2"
[ "$ffirst" -le 2150 ] && echo "first screen 200 feeds: within 2.1 KB" ||
    echo "first screen 200 feeds: OVER 2.1 KB"
[ "$line" -le 155 ] && echo "one line: within target" ||
    echo "one line: OVER target"
[ "$page" -le "$lpage" ] && echo "one page: within less" ||
    echo "one page: MORE than less"
exit 0
