#!/bin/sh
# bench_folder: opening a folder of 10,000 saved articles (~1.5 KB each,
# Arabic titles, in 100 subfolders) as the TUI does: list it and read the
# titles of the first screen (50). Runs tests/bench/bench_folder.c (built
# here against libcore.a) interleaved with a reference, `ls -R` of the
# folder plus `head -1` of 50 files, and prints the medians, the ratio
# and the target (under 300 ms). Page cache warm; COLD=1 drops it first
# (needs root) for a cold-cache run.
cd "$TOP" || exit 2
B=$TOP/tests/tmp/bench/folder
RUNS=${RUNS:-11}
N=${N:-10000}
rm -rf "$B"
mkdir -p "$B"
# CC, CFLAGS, LDFLAGS and LIBS come from `make bench`.
${CC:-cc} $CFLAGS -Isrc -o "$B/bench_folder" tests/bench/bench_folder.c \
    libcore.a $LDFLAGS $LIBS || exit 1

python3 tests/bench/gen_saved.py "$B/articles" "$N"
echo "folder: $N files, $(du -sk "$B/articles" | cut -f1) KB"
"$B/bench_folder" "$B/articles" > "$B/first-screen" 2> "$B/count"
echo "first screen: $(wc -l < "$B/first-screen") titles of $(cat "$B/count")"
head -3 "$B/first-screen" | sed 's/^/  /'

ref() {	# the reference: list the tree, read the first line of 50 files
	ls -R "$B/articles" > /dev/null
	find "$B/articles" -type f | head -50 | while read -r f; do
		head -1 "$f"
	done > /dev/null
}
: > "$B/times"
timed() {	# timed LABEL COMMAND...
	label=$1; shift
	[ -n "$COLD" ] && sync && echo 3 > /proc/sys/vm/drop_caches
	t0=$(date +%s%N)
	"$@" > /dev/null 2>&1
	t1=$(date +%s%N)
	echo "$label $(( (t1 - t0) / 1000 ))" >> "$B/times"
}
r=1
while [ $r -le "$RUNS" ]; do
	timed akhbar "$B/bench_folder" "$B/articles"
	timed reference ref
	timed ls-R ls -R "$B/articles"
	r=$((r + 1))
done
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
		a = med("akhbar"); r = med("reference"); l = med("ls-R")
		printf "median of %d runs: akhbar folder_open + 50 titles " \
		    "%.1f ms, ls -R + head -1 x50 %.1f ms, ls -R alone " \
		    "%.1f ms\n", k["akhbar"], a / 1000, r / 1000, l / 1000
		printf "ratio akhbar/reference: %.2f, akhbar/ls -R: %.2f; " \
		    "target < 300 ms: %s\n", a / r, a / l,
		    a < 300000 ? "met" : "NOT met"
	}' "$B/times"
