#!/bin/sh
# bench_parse: CPU time and peak RSS of `akhbar --feed-tsv` against
# sfeed(1) and `xmllint --stream` on generated 10 MB and 100 MB RSS feeds
# (Arabic and English items), 5 interleaved runs each. Prints the medians
# and the ratios akhbar/sfeed and akhbar/xmllint. Needs GNU time.
cd "${TOP:-.}" || exit 2
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

# run NAME FILE -> appends "user+sys maxrss" for one run of NAME
run() {
	case $1 in
	akhbar) $TIME -f '%U %S %M' -o "$B/t" ./akhbar --feed-tsv "$2" > /dev/null ;;
	sfeed) $TIME -f '%U %S %M' -o "$B/t" sh -c 'exec sfeed < "$1" > /dev/null' sh "$2" ;;
	xmllint) $TIME -f '%U %S %M' -o "$B/t" xmllint --stream --noout "$2" ;;
	esac
	awk '{ printf "%.2f %d\n", $1 + $2, $3 }' "$B/t" >> "$B/$1.runs"
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
