#!/bin/sh
# bench_extract: `akhbar --extract` on a generated 340 KB Arabic news page
# (tests/bench/gen_page.py) against Mozilla's Readability.js on jsdom
# (tests/bench/readability.js; found through NODE_PATH, skipped when node
# or the modules are missing), 5 interleaved runs each: median wall time
# of a whole run (process start included) and peak RSS. EXTRACT_PAGES=DIR
# adds the mean time over DIR/*/source.html (for instance Readability's
# test pages; they are not part of the repository) and, over those above
# 100 KB, the mean and the largest peak RSS added (over --version's)
# divided by the page size, naming the page. Also CPU time and peak RSS
# against --version and a 2 KB page (see below). Needs GNU time.
cd "${TOP:-.}" || exit 2
B=tests/tmp/bench
mkdir -p "$B"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench_extract: /usr/bin/time missing"; exit 0; }
page=$B/extract_page.html
[ -s "$page" ] || python3 tests/bench/gen_page.py 340000 > "$page"
ref=0
if command -v node > /dev/null && node -e 'require("jsdom");
    require("@mozilla/readability")' 2> /dev/null; then
	ref=1
fi

run() {	# run NAME FILE: appends "seconds maxrss-KB"
	case $1 in
	akhbar) $TIME -f '%e %M' -o "$B/t" ./akhbar --extract "$2" \
	    > /dev/null 2>&1 ;;
	start) $TIME -f '%e %M' -o "$B/t" ./akhbar --version > /dev/null ;;
	readability) $TIME -f '%e %M' -o "$B/t" node \
	    tests/bench/readability.js "$2" > /dev/null 2>&1 ;;
	esac
	cat "$B/t" >> "$B/$1.runs"
}

mean20() {	# mean20 COMMAND...: mean wall ms of 20 runs (GNU time counts
		# in 10 ms steps)
	t0=$(date +%s%N)
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		"$@" > /dev/null 2>&1
	done
	t1=$(date +%s%N)
	echo "$t0 $t1" | awk '{ printf "%.1f", ($2 - $1) / 20e6 }'
}

median() {	# median FILE COLUMN
	sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c }
	    END { print v[int((NR + 1) / 2)] }'
}

rm -f "$B/akhbar.runs" "$B/readability.runs" "$B/start.runs"
for i in 1 2 3 4 5; do
	run start
	run akhbar "$page"
	[ $ref -eq 1 ] && run readability "$page"
done
size=$(wc -c < "$page")
a=$(median "$B/akhbar.runs" 1)	# GNU time: 10 ms steps
am=$(median "$B/akhbar.runs" 2)
echo "page $size bytes: akhbar --extract $(mean20 ./akhbar --extract "$page") ms (mean of 20), peak RSS $am KB ($(echo "$am $size" | awk '{ printf "%.1f", $1 * 1024 / $2 }') x the page)"
sm=$(median "$B/start.runs" 2)
echo "of which starting akhbar (--version) $(mean20 ./akhbar --version) ms, $sm KB: the extraction adds $(echo "$am $sm $size" | awk '{ printf "%d KB, %.1f", $1 - $2, ($1 - $2) * 1024 / $3 }') x the page"
if [ $ref -eq 1 ]; then
	r=$(median "$B/readability.runs" 1)
	rm=$(median "$B/readability.runs" 2)
	echo "Readability.js (node, jsdom) $(echo "$r" | awk '{ printf "%.1f", $1 * 1000 }') ms, peak RSS $rm KB; ratio akhbar/readability time $(echo "$a $r" | awk '{ printf "%.3f", $1 / $2 }')"
else
	echo "Readability.js: not found (npm install @mozilla/readability jsdom; NODE_PATH)"
fi
# CPU time (user + system, from wait4) is steadier than wall time on a
# loaded machine: medians of 15 interleaved runs, --version for the cost
# of starting. Peak RSS over a 2 KB page's extraction leaves out what
# any extraction maps once (libxml2's parser code, locale tables).
small=$B/extract_small.html
[ -s "$small" ] || python3 tests/bench/gen_page.py 2000 > "$small"
python3 - "$page" "$small" <<'PY'
import os, statistics, sys
page, small = sys.argv[1], sys.argv[2]
runs = {"version": ["--version"], "small": ["--extract", small],
        "page": ["--extract", page]}
cpu = {k: [] for k in runs}
null = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
for _ in range(15):
    for k, args in runs.items():
        pid = os.posix_spawn("./akhbar", ["./akhbar"] + args, os.environ,
                             file_actions=null)
        _, _, ru = os.wait4(pid, 0)
        cpu[k].append((ru.ru_utime + ru.ru_stime) * 1000)
m = {k: statistics.median(cpu[k]) for k in runs}
print("CPU ms (median of 15): --version %.1f, --extract of a 2 KB page "
      "%.1f, of the page %.1f: the page's extraction %.1f ms" % (
          m["version"], m["small"], m["page"], m["page"] - m["version"]))
PY
rm -f "$B/small.runs"
for i in 1 2 3 4 5; do
	$TIME -f '%e %M' -o "$B/t" ./akhbar --extract "$small" > /dev/null 2>&1
	cat "$B/t" >> "$B/small.runs"
done
ss=$(median "$B/small.runs" 2)
echo "peak RSS of a 2 KB page's extraction $ss KB: the page adds $(echo "$am $ss $size" | awk '{ printf "%d KB, %.1f", $1 - $2, ($1 - $2) * 1024 / $3 }') x its size over it"
if [ -n "$EXTRACT_PAGES" ] && [ -d "$EXTRACT_PAGES" ]; then
	n=0
	start=$(date +%s.%N)
	for f in "$EXTRACT_PAGES"/*/source.html; do
		./akhbar --extract "$f" > /dev/null 2>&1
		n=$((n + 1))
	done
	end=$(date +%s.%N)
	echo "$EXTRACT_PAGES: $n pages, $(echo "$start $end $n" | awk '{ printf "%.1f", ($2 - $1) * 1000 / $3 }') ms a page"
	# Issue 14: peak RSS (median of 3 runs) less --version's ($sm KB,
	# what any run maps), over the page's size, for the pages above
	# 100 KB (100000 bytes).
	: > "$B/pages.rss"
	for f in "$EXTRACT_PAGES"/*/source.html; do
		size=$(wc -c < "$f")
		[ "$size" -gt 100000 ] || continue
		for i in 1 2 3; do
			$TIME -f '%M' -o "$B/t" ./akhbar --extract "$f" \
			    > /dev/null 2>&1
			cat "$B/t"
		done | sort -n | sed -n 2p | awk -v s="$size" -v v="$sm" \
		    -v p="$(basename "$(dirname "$f")")" \
		    '{ printf "%s %d %.2f\n", p, s, ($1 - v) * 1024 / s }' \
		    >> "$B/pages.rss"
	done
	awk '{ t += $3; if ($3 > m) { m = $3; w = $1; ws = $2 } }
	    END { if (NR > 0) printf "pages above 100 KB: %d, RSS added " \
	    "over the page size mean %.1f, max %.1f (%s, %d bytes)\n",
	    NR, t / NR, m, w, ws }' "$B/pages.rss"
fi
