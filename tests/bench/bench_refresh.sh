#!/bin/sh
# bench_refresh: akhbar --refresh of 200 feeds x 50 items (~29 MB) from the
# local threaded python server, cold (empty store) and warm (every feed
# answers 304), at several connection limits, interleaved with newsboat
# -x reload on the same feeds. Prints elapsed/user/sys seconds, peak RSS
# (KB) and ratios. The server runs on 127.0.0.1 only, so there is one
# host: akhbar's per-host cap (2) is raised with the hidden
# --max-per-host option to let --max-connections matter.
cd "$TOP" || exit 2
B=$TOP/tests/tmp/bench/refresh
rm -rf "$B"
mkdir -p "$B/home"
FEEDS=${FEEDS:-200}
RUNS=${RUNS:-5}
T="/usr/bin/time -f %e\t%U\t%S\t%M"

python3 tests/feedserver.py --timeout 900 --items 50 --item-size 2560 \
    > "$B/port" 2> "$B/server.err" &
SRV=$!
i=0
while [ ! -s "$B/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
P=$(head -1 "$B/port")
i=0
while [ $i -lt "$FEEDS" ]; do
	echo "http://127.0.0.1:$P/gen/$i"
	i=$((i + 1))
done > "$B/urls"
# warm the server's cache of generated feeds and measure the volume
bytes=0
for u in $(cat "$B/urls"); do
	n=$(curl -s "$u" | wc -c)
	bytes=$((bytes + n))
done
echo "feeds: $FEEDS x 50 items, $((bytes / 1024 / 1024)) MB"

# newsboat with a private home
NB="env HOME=$B/home XDG_CONFIG_HOME=$B/home/.config \
    XDG_DATA_HOME=$B/home/.local/share newsboat"

run() {	# run LABEL COMMAND...: one timed run, appended to $B/times
	label=$1; shift
	if $T -o "$B/t" "$@" > /dev/null 2> "$B/err"; then :; else
		echo "  $label: exit status $? ($(tail -1 "$B/err"))"
	fi
	printf '%s\t%s\n' "$label" "$(tail -1 "$B/t")" >> "$B/times"
}

: > "$B/times"
r=1
while [ $r -le "$RUNS" ]; do
	for c in 2 8 32; do
		rm -f "$B"/a$c.db*
		run "akhbar-cold-c$c" ./akhbar -u "$B/urls" -c "$B/a$c.db" \
		    --refresh --max-connections $c --max-per-host $c
		run "akhbar-warm-c$c" ./akhbar -u "$B/urls" -c "$B/a$c.db" \
		    --refresh --max-connections $c --max-per-host $c
	done
	rm -f "$B"/nb.db*
	run "newsboat-cold" $NB -x reload -u "$B/urls" -c "$B/nb.db"
	run "newsboat-warm" $NB -x reload -u "$B/urls" -c "$B/nb.db"
	r=$((r + 1))
done

n=$(sqlite3 "$B/a8.db" 'SELECT count(*) FROM articles')
m=$(sqlite3 "$B/nb.db" 'SELECT count(*) FROM rss_item')
echo "articles stored: akhbar $n, newsboat $m"
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
			E[l] = med(e, l, c)
			printf "  %-18s %6.2f %6.2f %6.2f %8d\n", l, E[l],
			    med(u, l, c), med(s, l, c), med(m, l, c)
		}
		if (E["newsboat-cold"] > 0)
			printf "ratio cold akhbar(c8)/newsboat: %.2f\n",
			    E["akhbar-cold-c8"] / E["newsboat-cold"]
		if (E["newsboat-warm"] > 0)
			printf "ratio warm akhbar(c8)/newsboat: %.2f\n",
			    E["akhbar-warm-c8"] / E["newsboat-warm"]
		printf "ratio cold c32/c8: %.2f, c2/c8: %.2f\n",
		    E["akhbar-cold-c32"] / E["akhbar-cold-c8"],
		    E["akhbar-cold-c2"] / E["akhbar-cold-c8"]
	}' "$B/times"
kill $SRV 2>/dev/null
