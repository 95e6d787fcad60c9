#!/bin/sh
# Peak memory (RSS) of `akhbar --dump` (GNU time) and of the reader (its
# VmHWM after opening the article in tmux at 80x24 and paging to the end
# and back) on 1, 10 and 50 MB articles: HTML (paragraphs with links and
# bold words), HTML of tiny paragraphs (a word or two each) and plain
# text, Persian and English prose, with the ratio to the input's size.
# The bound the tests hold is 8x the input plus 32 MB. Prints; never
# fails.
cd "$TOP" || exit 0
B=$TOP/tests/tmp/bench/mem
mkdir -p "$B/home"
if [ ! -x /usr/bin/time ]; then
	echo "bench_mem: needs GNU time (/usr/bin/time)"
	exit 0
fi
AKHBAR=${AKHBAR:-$TOP/akhbar}
TM="tmux -L akhbar-bench-mem-$$"
command -v tmux >/dev/null 2>&1 && command -v pgrep >/dev/null 2>&1 ||
    TM=
[ -n "$TM" ] && trap '$TM kill-server 2>/dev/null' EXIT INT TERM

# reader_peak FILE: the reader's VmHWM in KB after paging through FILE.
reader_peak() {
	$TM kill-server 2>/dev/null
	sleep 0.2
	$TM new-session -d -x 80 -y 24 "env HOME=$B/home \
	    XDG_CONFIG_HOME=$B/home/c XDG_DATA_HOME=$B/home/d \
	    TERM=xterm-256color $AKHBAR $1; sleep 120"
	_i=0
	while [ $_i -lt 600 ]; do
		$TM capture-pane -p | grep -q '1/1' && break
		sleep 0.1
		_i=$((_i + 1))
	done
	_pid=$(pgrep -P "$($TM display -p '#{pane_pid}')" | head -1)
	# Focus and zoom the reader, go to the end, back to the top.
	for _k in Enter z G g; do
		$TM send-keys "$_k"
		sleep 0.5
	done
	awk '$1 == "VmHWM:" { print $2 }' "/proc/$_pid/status"
	$TM kill-server 2>/dev/null
}

report() {	# report WHAT KB SIZE KIND MB
	awk -v kb="$2" -v s="$3" -v k="$4" -v mb="$5" -v w="$1" \
	    'BEGIN { printf "%-10s %2d MB %-6s: peak %7.1f MB, %5.2fx the" \
	    " input (bound %5.1f MB)\n", k, mb, w, kb / 1024, kb * 1024 / s,
	    (8 * s + 32 * 1048576) / 1048576 }'
}

for kind in html html-small text; do
	ext=html
	[ "$kind" = text ] && ext=txt
	for mb in 1 10 50; do
		f=$B/$kind-$mb.$ext
		[ -f "$f" ] || python3 tests/gen_articles.py "$kind" "$mb" "$f"
		size=$(wc -c < "$f")
		/usr/bin/time -f '%M' -o "$B/t" "$AKHBAR" --dump -w 80 \
		    --color never "$f" > /dev/null 2>&1
		report --dump "$(tail -1 "$B/t")" "$size" "$kind" "$mb"
		[ -n "$TM" ] || continue
		kb=$(reader_peak "$f")
		report reader "${kb:-0}" "$size" "$kind" "$mb"
	done
done
