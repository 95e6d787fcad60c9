#!/bin/sh
# bench_dump: layout throughput of `akhbar --dump --width 80` on generated
# 1 MB and 10 MB Arabic articles, side by side with `fribidi --width 80
# --nopad` on the same text (a floor: fribidi cuts the visual string every
# 80 cells and does no word wrap). Interleaved runs; prints the median
# CPU time of each, the ratio (target: akhbar <= 1.5x fribidi) and
# akhbar's peak memory (target: < 32 MB for 10 MB). Then the cost of one
# screen of a 10 MB article in the reader's lazy layout.
cd "$TOP" || exit 2
B=$TOP/tests/tmp/bench/dump
mkdir -p "$B"
RUNS=${RUNS:-5}
command -v fribidi > /dev/null || { echo "fribidi CLI missing (libfribidi-bin)"; exit 0; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing (package time)"; exit 0; }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for mb in 1 10; do
	f=$B/arabic-$mb.txt
	[ -f "$f" ] || python3 tests/bench/gen_arabic.py $mb > "$f"
	: > "$B/a"; : > "$B/f"; : > "$B/m"
	# Each sample runs the command REPEAT times, so the 1 MB runs
	# are not lost in the 10 ms resolution of the CPU clock.
	rep=$((10 / mb)); [ $rep -lt 1 ] && rep=1
	i=0
	while [ $i -lt "$RUNS" ]; do
		/usr/bin/time -f '%U %S %M' -o "$B/t" sh -c "for k in \
		    \$(seq $rep); do ./akhbar --dump -w 80 '$f'; done" > /dev/null
		awk -v r=$rep '{ print ($1 + $2) / r }' "$B/t" >> "$B/a"
		awk '{ print $3 }' "$B/t" >> "$B/m"
		/usr/bin/time -f '%U %S %M' -o "$B/t" sh -c "for k in \
		    \$(seq $rep); do fribidi --width 80 --nopad '$f'; done" \
		    > /dev/null
		awk -v r=$rep '{ print ($1 + $2) / r }' "$B/t" >> "$B/f"
		i=$((i + 1))
	done
	a=$(median < "$B/a"); fr=$(median < "$B/f"); m=$(median < "$B/m")
	bytes=$(wc -c < "$f")
	awk -v a="$a" -v f="$fr" -v m="$m" -v b="$bytes" -v mb="$mb" 'BEGIN {
	    printf "%2d MB Arabic: akhbar %.3f s (%.1f MB/s, peak %.1f MB), " \
	        "fribidi %.3f s (%.1f MB/s): ratio %.2fx (target <= 1.5x)\n",
	        mb, a, b / 1048576 / (a > 0 ? a : 0.01), m / 1024, f,
	        b / 1048576 / (f > 0 ? f : 0.01), a / (f > 0 ? f : 0.01) }'
done

# Reader pane: one screen of the 10 MB article.
# CC, CFLAGS, LDFLAGS and LIBS come from `make bench`.
${CC:-cc} $CFLAGS -Isrc -o "$B/layout_screen" tests/bench/layout_screen.c \
    libcore.a $LDFLAGS $LIBS 2> "$B/cc.err" || { cat "$B/cc.err"; exit 0; }
printf '10 MB article in the reader (width 80): '
"$B/layout_screen" "$B/arabic-10.txt" 80 | tr '\n' ' '
echo
