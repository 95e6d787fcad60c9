#!/bin/sh
# bench_tui_start: time from start to the first complete screen of the
# reader with a store of 10k and 100k articles (the stores bench_list.sh
# builds, or built here the same way), through a real terminal (tmux:
# poll capture-pane until the status line shows), side by side with
# sfeed_curses on the same 100 feeds of articles as sfeed TSV files.
# Prints medians, the ratio (target <= 1) and the growth 10k -> 100k
# (target <= 12x). Also with a highlight keyword in the config that
# matches every article (الخبر, in each title) and one that matches few
# (1234: 11 titles in 100k), beside the start without one (target: within
# 1.5x of it).
cd "$TOP" || exit 2
command -v tmux > /dev/null || { echo "tmux missing"; exit 0; }
B=$TOP/tests/tmp/bench/list
S=$TOP/tests/tmp/bench/tui-start
mkdir -p "$S"
RUNS=${RUNS:-5}
if [ ! -f "$B/100k.db" ] || [ ! -f "$B/10k.db" ]; then
	echo "stores missing: run bench_list.sh first (make bench does)"
	exit 0
fi
SOCK=akhbar-bench-start-$$
TM="tmux -L $SOCK -f /dev/null"
trap '$TM kill-server 2>/dev/null' EXIT

# sfeed TSV files, one per feed, from the same store.
for n in 10k 100k; do
	rm -rf "$S/sfeed-$n"
	mkdir -p "$S/sfeed-$n"
	sqlite3 -separator '	' "$B/$n.db" "SELECT a.feed_id, a.date, \
	    a.title, a.link FROM articles a ORDER BY a.feed_id, a.date DESC" |
	    awk -F '\t' -v d="$S/sfeed-$n" '{ printf "%s\t%s\t%s\t\t\t\t\t\t\n", \
	    $2, $3, $4 > (d "/feed" $1) }'
done

# timed_start LABEL MARKER COMMAND: ms until MARKER is on the screen.
timed_start() {
	label=$1; marker=$2; shift 2
	$TM kill-server 2>/dev/null
	sleep 0.2
	t0=$(date +%s%N)
	$TM new-session -d -x 120 -y 40 -e LANG=C.UTF-8 \
	    -e TERM=xterm-256color "$*; sleep 30"
	while ! $TM capture-pane -p 2>/dev/null | grep -qF -- "$marker"; do
		:
	done
	t1=$(date +%s%N)
	echo "$label $(( (t1 - t0) / 1000000 ))" >> "$S/times"
}

: > "$S/times"
: > "$S/empty-urls"
: > "$S/no-config"
echo 'highlight الخبر' > "$S/common.conf"
echo 'highlight 1234' > "$S/rare.conf"
# The stores are filled by SQL, so the first search indexes them (seconds,
# once): do it here, not in a timed start.
for n in 10k 100k; do
	./akhbar -c "$B/$n.db" --search 1234 > /dev/null
done
i=0
while [ $i -lt "$RUNS" ]; do
	for n in 10k 100k; do
		timed_start "akhbar-$n" "?:help" ./akhbar -o -u "$S/empty-urls" \
		    -C "$S/no-config" -c "$B/$n.db"
		for k in common rare; do
			timed_start "akhbar-$n-$k" "?:help" ./akhbar -o \
			    -u "$S/empty-urls" -C "$S/$k.conf" -c "$B/$n.db"
		done
		timed_start "sfeed_curses-$n" "https://news1.example" \
		    "cd $S/sfeed-$n && sfeed_curses feed*"
	done
	i=$((i + 1))
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for l in akhbar-10k akhbar-10k-common akhbar-10k-rare sfeed_curses-10k \
    akhbar-100k akhbar-100k-common akhbar-100k-rare sfeed_curses-100k; do
	printf '%-18s %s ms\n' "$l" "$(grep "^$l " "$S/times" | cut -d' ' -f2 | median)"
done
a10=$(grep "^akhbar-10k " "$S/times" | cut -d' ' -f2 | median)
a100=$(grep "^akhbar-100k " "$S/times" | cut -d' ' -f2 | median)
s100=$(grep "^sfeed_curses-100k " "$S/times" | cut -d' ' -f2 | median)
c100=$(grep "^akhbar-100k-common " "$S/times" | cut -d' ' -f2 | median)
r100=$(grep "^akhbar-100k-rare " "$S/times" | cut -d' ' -f2 | median)
awk -v a="$a100" -v s="$s100" -v a10="$a10" -v c="$c100" -v r="$r100" 'BEGIN {
    printf "ratio akhbar/sfeed_curses at 100k: %.2f (target <= 1); " \
        "growth 10k -> 100k: %.1fx (target <= 12x)\n", a / s, a / a10
    printf "highlight at 100k / none: common %.2fx, rare %.2fx " \
        "(target <= 1.5x)\n", c / a, r / a }'
