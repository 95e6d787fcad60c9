#!/bin/sh
# bench_parse: CPU time and peak RSS of `akhbar --feed-tsv` against
# sfeed(1) and `xmllint --stream` on generated 10 MB and 100 MB RSS feeds
# (Arabic and English items), 5 interleaved runs each; then against sfeed
# on the independent "mixed" shape of tests/bench/gen_mixed.py (a 15 MB
# RSS 2.0 and a 15 MB Atom 1.0 feed, half Arabic, HTML bodies of 0.5-5
# KB, half CDATA, half entity-escaped), both files a run. Prints the
# medians and the ratio lines akhbar/sfeed (target 1.2, peak < 8 MB) and
# akhbar/xmllint. CALLGRIND=1 also prints callgrind instruction counts
# of akhbar and sfeed on the mixed pair (load-independent). Needs GNU
# time. AKHBAR=PATH runs another build of akhbar.
cd "${TOP:-.}" || exit 2
AKHBAR=${AKHBAR:-./akhbar}	# another build to compare with
B=tests/tmp/bench
mkdir -p "$B"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench_parse: /usr/bin/time missing (apt-get install time)"; exit 0; }

gen() {	# gen FILE MEGABYTES
	[ -s "$1" ] && return
	awk -v mb="$2" 'BEGIN {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		print "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
		print "<channel><title>bench</title><link>https://bench.example.com/</link>"
		ar = "عقد مجلس الأمن الدولي جلسة طارئة لمناقشة الأوضاع الإنسانية في المنطقة، وطالب الأعضاء بوقف فوري لإطلاق النار وفتح الممرات الإنسانية."
		en = "The central bank kept interest rates unchanged on Tuesday, citing persistent inflation &amp; a resilient labour market."
		for (i = 0; bytes < mb * 1048576; i++) {
			if (i % 2) {
				t = "خبر عاجل رقم " i ": " substr(ar, 1, 60); c = ar " " ar
			} else {
				t = "Breaking news item " i ": rates unchanged"; c = en " " en
			}
			s = "<item><title>" t "</title><link>https://bench.example.com/news/" i "</link>" \
			    "<guid isPermaLink=\"false\">bench-" i "</guid><pubDate>Tue, 05 Mar 2024 14:30:00 +0300</pubDate>" \
			    "<dc:creator>Reporter " i % 50 "</dc:creator><category>politics</category><category>world</category>" \
			    "<description>" en "</description><content:encoded><![CDATA[<p>" c "</p>\n<p>" c "</p>]]></content:encoded>" \
			    "<enclosure url=\"https://bench.example.com/img/" i ".jpg\" type=\"image/jpeg\" length=\"1000\"/></item>"
			print s
			bytes += length(s) + 1
		}
		print "</channel></rss>"
	}' > "$1"
}

# measure NAME FILE -> prints "user+sys maxrss" of one run of NAME
measure() {
	case $1 in
	akhbar) $TIME -f '%U %S %M' -o "$B/t" $AKHBAR --feed-tsv "$2" > /dev/null ;;
	sfeed) $TIME -f '%U %S %M' -o "$B/t" sh -c 'exec sfeed < "$1" > /dev/null' sh "$2" ;;
	xmllint) $TIME -f '%U %S %M' -o "$B/t" xmllint --stream --noout "$2" ;;
	esac
	awk '{ printf "%.2f %d\n", $1 + $2, $3 }' "$B/t"
}

# run NAME FILE... -> appends to $B/NAME.runs the CPU time of NAME over
# each FILE (one process each), summed, and the largest peak RSS
run() {
	name=$1; shift
	for f in "$@"; do
		measure "$name" "$f"
	done | awk '{ c += $1; if ($2 > m) m = $2 }
	    END { printf "%.2f %d\n", c, m }' >> "$B/$name.runs"
}

median() {	# median FILE COLUMN
	sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}

for mb in 10 100; do
	f=$B/feed-$mb.xml
	gen "$f" "$mb"
	rm -f "$B"/*.runs
	for i in 1 2 3 4 5; do
		for tool in akhbar sfeed xmllint; do
			run $tool "$f"
		done
	done
	a=$(median "$B/akhbar.runs" 1); am=$(median "$B/akhbar.runs" 2)
	s=$(median "$B/sfeed.runs" 1); sm=$(median "$B/sfeed.runs" 2)
	x=$(median "$B/xmllint.runs" 1); xm=$(median "$B/xmllint.runs" 2)
	echo "$mb MB: cpu s akhbar $a sfeed $s xmllint $x; peak KB akhbar $am sfeed $sm xmllint $xm"
	awk -v a="$a" -v s="$s" -v x="$x" -v am="$am" 'BEGIN {
		printf "  ratio akhbar/sfeed %.2fx, akhbar/xmllint %.2fx, akhbar peak %.1f MB\n",
		    (s > 0 ? a / s : 0), (x > 0 ? a / x : 0), am / 1024 }'
done

M=tests/tmp/bench/mixed
mkdir -p "$M"
[ -s "$M/one.rss" ] || python3 tests/bench/gen_mixed.py one "$M/one.rss" rss 15
[ -s "$M/one.atom" ] || python3 tests/bench/gen_mixed.py one "$M/one.atom" atom 15
rm -f "$B"/*.runs
for i in 1 2 3 4 5 6 7; do
	for tool in akhbar sfeed; do
		run $tool "$M/one.rss" "$M/one.atom"
	done
done
a=$(median "$B/akhbar.runs" 1); am=$(median "$B/akhbar.runs" 2)
s=$(median "$B/sfeed.runs" 1); sm=$(median "$B/sfeed.runs" 2)
mb=$(cat "$M/one.rss" "$M/one.atom" | wc -c | awk '{ printf "%.0f", $1 / 1048576 }')
echo "mixed $mb MB (RSS + Atom): cpu s akhbar $a sfeed $s (median of 7); peak KB akhbar $am sfeed $sm"
awk -v a="$a" -v s="$s" -v am="$am" 'BEGIN {
	printf "  ratio mixed akhbar/sfeed %.2fx (target 1.2), akhbar peak %.1f MB (target 8)\n",
	    (s > 0 ? a / s : 0), am / 1024 }'
if [ -n "$CALLGRIND" ] && command -v valgrind > /dev/null; then
	ir() {	# ir COMMAND...: instructions of the command under callgrind
		valgrind --tool=callgrind --trace-children=yes \
		    --callgrind-out-file=/dev/null "$@" \
		    2>&1 >/dev/null | awk '/Collected/ { n = $NF } END { print n }'
	}
	ai=0; si=0
	for f in "$M/one.rss" "$M/one.atom"; do
		ai=$((ai + $(ir $AKHBAR --feed-tsv "$f")))
		si=$((si + $(ir sh -c 'exec sfeed < "$1"' sh "$f")))
	done
	awk -v a="$ai" -v s="$si" 'BEGIN {
		printf "  callgrind mixed: akhbar %.0f M, sfeed %.0f M instructions: ratio %.2fx\n",
		    a / 1e6, s / 1e6, a / s }'
fi
