#!/bin/sh
# bench_list: akhbar --list over stores of 10k and 100k articles (each
# with a ~1.5 KB body, which --list must not read), against a bare sqlite3
# query printing the same header rows. Runs are interleaved; prints the
# median elapsed time, peak RSS, the akhbar/sqlite3 ratio (target <= 1.5),
# and the growth from 10k to 100k (target <= 12x; memory < 52 MB).
cd "$TOP" || exit 2
B=$TOP/tests/tmp/bench/list
rm -rf "$B"
mkdir -p "$B"
RUNS=${RUNS:-11}
T="/usr/bin/time -f %e\t%U\t%S\t%M"

make_store() {	# make_store DB N: a store of N articles in 100 feeds
	: > "$B/empty-urls"
	./akhbar -u "$B/empty-urls" -c "$1" --refresh > /dev/null 2>&1
	sqlite3 "$1" <<EOF
BEGIN;
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 100)
INSERT INTO feeds(url, title)
    SELECT 'https://news' || n || '.example/rss',
        'الأخبار ' || n || ' - News ' || n FROM i;
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < $2)
INSERT INTO articles(feed_id, guid, title, link, author, date, first_seen,
    unread, chash)
    SELECT 1 + n % 100, 'guid-' || n,
        'عنوان الخبر رقم ' || n || ': Markets react to the latest report',
        'https://news' || (1 + n % 100) || '.example/2024/' || n,
        'مراسل', 1600000000 + ((n * 7919) % 100000000), 1700000000,
        n % 3 = 0, n FROM i;
INSERT INTO bodies(article_id, content, content_html)
    SELECT id, '<p>' || hex(randomblob(700)) || '</p>', 1 FROM articles;
COMMIT;
EOF
}

make_store "$B/10k.db" 10000
make_store "$B/100k.db" 100000
echo "stores: $(du -k "$B/10k.db" | cut -f1) KB (10k), $(du -k "$B/100k.db" | cut -f1) KB (100k)"

Q="SELECT strftime('%Y-%m-%d %H:%M', a.date, 'unixepoch'),
    coalesce(f.name, f.title, f.url), a.title, a.link
    FROM articles a JOIN feeds f ON f.id = a.feed_id
    ORDER BY a.date DESC, a.id DESC"

# same output?
./akhbar -c "$B/10k.db" --list > "$B/a.out"
sqlite3 -separator '	' "$B/10k.db" "$Q" > "$B/s.out"
if cmp -s "$B/a.out" "$B/s.out"; then
	echo "output: akhbar --list = sqlite3 query (10k rows, byte for byte)"
else
	echo "output: akhbar --list differs from the sqlite3 query:"
	diff "$B/a.out" "$B/s.out" | head -5
fi

: > "$B/times"
timed() {	# timed LABEL COMMAND...: elapsed (ns clock) + /usr/bin/time
	label=$1; shift
	t0=$(date +%s%N)
	$T -o "$B/t" "$@" > /dev/null
	t1=$(date +%s%N)
	printf '%s\t%s\t%s\n' "$label" \
	    "$(echo "$t0 $t1" | awk '{ printf "%.4f", ($2 - $1) / 1e9 }')" \
	    "$(tail -1 "$B/t" | cut -f2-)" >> "$B/times"
}
r=1
while [ $r -le "$RUNS" ]; do
	for n in 10k 100k; do
		timed akhbar-$n ./akhbar -c "$B/$n.db" --list
		timed sqlite3-$n sqlite3 -separator '	' "$B/$n.db" "$Q"
	done
	r=$((r + 1))
done

echo "median of $RUNS runs: elapsed user sys (s), peak RSS (KB)"
awk -F '\t' '
	{ k[$1]++; e[$1, k[$1]] = $2; u[$1, k[$1]] = $3; s[$1, k[$1]] = $4;
	  m[$1, k[$1]] = $5; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
	function med(a, key, c,   i, j, t, v) {
		for (i = 1; i <= c; i++) v[i] = a[key, i] + 0
		for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++)
			if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
		return v[int((c + 1) / 2)]
	}
	END {
		for (i = 1; i <= n; i++) {
			l = order[i]; c = k[l]
			E[l] = med(e, l, c); M[l] = med(m, l, c)
			printf "  %-14s %7.4f %6.2f %6.2f %8d\n", l, E[l],
			    med(u, l, c), med(s, l, c), M[l]
		}
		printf "ratio akhbar/sqlite3: 10k %.2f, 100k %.2f (target <= 1.5)\n",
		    E["akhbar-10k"] / E["sqlite3-10k"],
		    E["akhbar-100k"] / E["sqlite3-100k"]
		printf "growth 10k -> 100k: time %.1fx, memory %.2fx (target <= 12x)\n",
		    E["akhbar-100k"] / E["akhbar-10k"],
		    M["akhbar-100k"] / M["akhbar-10k"]
		printf "peak memory at 100k: %.1f MB (target < 52 MB)\n",
		    M["akhbar-100k"] / 1024
	}' "$B/times"
