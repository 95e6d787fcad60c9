#!/bin/sh
# bench_folder_tui: `akhbar FOLDER` on 10,000 saved articles (~1.5 KB
# each, Arabic titles, 100 subfolders; the generator of bench_folder.sh),
# timed from the start of the process to the first complete screen: the
# binary runs in tmux (120x40) and capture-pane is polled every few ms
# until the status line shows "1/10000" (the status line is painted last,
# in the same doupdate as the list). The reference is the same loop
# around `ls -R FOLDER | head -30` (a process start and a screen in
# tmux). Prints the medians of RUNS runs in ms; the polling adds a few
# ms to both.
cd "$TOP" || exit 2
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed"; exit 0; }
B=$TOP/tests/tmp/bench/folder_tui
RUNS=${RUNS:-7}
N=${N:-10000}
rm -rf "$B"
mkdir -p "$B"
python3 tests/bench/gen_saved.py "$B/articles" "$N"
echo "folder: $N files, $(du -sk "$B/articles" | cut -f1) KB"
TM="tmux -L akhbar-bench-$$ -f /dev/null"
trap '$TM kill-server 2>/dev/null; exit' EXIT INT TERM

# timed LABEL TEXT COMMAND: ms from starting COMMAND in tmux until TEXT
# shows on the screen.
timed() {
	label=$1 text=$2 cmd=$3
	$TM kill-server 2>/dev/null
	sleep 0.2
	t0=$(date +%s%N)
	$TM new-session -d -x 120 -y 40 "env LANG=C.UTF-8 TERM=xterm-256color HOME=$B $cmd; sleep 30"
	i=0
	while [ $i -lt 5000 ]; do
		if $TM capture-pane -p 2>/dev/null | grep -qF -- "$text"; then
			t1=$(date +%s%N)
			echo "$label $(( (t1 - t0) / 1000 ))" >> "$B/times"
			return 0
		fi
		i=$((i + 1))
	done
	echo "$label: timed out" >&2
}
: > "$B/times"
r=1
while [ "$r" -le "$RUNS" ]; do
	timed akhbar "1/$N" "$TOP/akhbar $B/articles"
	timed reference "25" "ls -R $B/articles | head -30"
	r=$((r + 1))
done
$TM kill-server 2>/dev/null
awk '
	{ v[$1, ++k[$1]] = $2 }
	function med(l,   i, j, t, a, c) {
		c = k[l]
		for (i = 1; i <= c; i++) a[i] = v[l, i]
		for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++)
			if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
		return a[int((c + 1) / 2)]
	}
	END {
		a = med("akhbar"); r = med("reference")
		printf "median of %d runs, start to first complete screen in " \
		    "tmux: akhbar FOLDER %.0f ms, ls -R | head -30 %.0f ms " \
		    "(ratio %.2f)\n", k["akhbar"], a / 1000, r / 1000, a / r
	}' "$B/times"
