#!/bin/sh
# Peak memory (RSS, GNU time) of `akhbar --dump` on 1, 10 and 50 MB
# articles, HTML (paragraphs with links) and plain text, Persian and
# English prose, and the ratio to the input's size. The bound the tests
# hold is 8x the input plus 32 MB. Prints; never fails.
cd "$TOP" || exit 0
B=tests/tmp/bench/mem
mkdir -p "$B"
if [ ! -x /usr/bin/time ]; then
	echo "bench_mem: needs GNU time (/usr/bin/time)"
	exit 0
fi
for kind in html text; do
	ext=$kind
	[ "$kind" = text ] && ext=txt
	for mb in 1 10 50; do
		f=$B/$kind-$mb.$ext
		[ -f "$f" ] || python3 tests/gen_articles.py "$kind" "$mb" "$f"
		size=$(wc -c < "$f")
		/usr/bin/time -f '%M %e' -o "$B/t" ./akhbar --dump -w 80 \
		    --color never "$f" > /dev/null 2>&1
		set -- $(tail -1 "$B/t")
		awk -v kb="$1" -v s="$size" -v t="$2" -v k="$kind" -v mb="$mb" \
		    'BEGIN { printf "%-4s %2d MB: peak %7.1f MB, %5.2fx the input" \
		    " (bound %5.1f MB), %.2f s\n", k, mb, kb / 1024,
		    kb * 1024 / s, (8 * s + 32 * 1048576) / 1048576, t }'
	done
done
