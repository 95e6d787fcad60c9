#!/bin/sh
# bench_refresh: akhbar --refresh of 200 feeds x 50 items (~29 MB) from the
# local threaded python server, cold (empty store) and warm (every feed
# answers 304), interleaved with `newsboat -x reload` on the same feeds,
# on two data sets:
#   gen    the server's generated feeds (/gen/I: RSS, CDATA bodies), at
#          2, 8 and 32 connections;
#   mixed  tests/bench/gen_mixed.py's independent shape (even feeds RSS
#          2.0, odd Atom 1.0, half Arabic, HTML bodies of 0.5-5 KB, half
#          CDATA, half entity-escaped), served as files, at 8.
# newsboat runs with reload-threads 8, akhbar's default parallelism.
# Prints medians of elapsed/user/sys seconds and peak RSS (KB), and the
# ratio lines: elapsed akhbar(c8)/newsboat cold and warm, and akhbar's
# CPU (user+sys) per 29 MB. The server runs on 127.0.0.1 only, so there
# is one host: akhbar's per-host cap (2) is raised with the hidden
# --max-per-host option to let --max-connections matter. AKHBAR=PATH
# runs another build of akhbar (a before/after comparison). CALLGRIND=1
# also counts the instructions of one cold refresh of each set at 8
# connections (repeatable on a loaded machine, unlike the times), in
# all and per thread: the main thread parses and stores, the worker
# makes the index terms (src/store_terms.c); akhbar-fetch is another
# program and not counted. Then the floor under the CPU: SQLite alone
# storing what the cold runs stored (tests/bench/store_floor.c) and the
# parse alone (--feed-tsv), per 29 MB.
cd "$TOP" || exit 2
AKHBAR=${AKHBAR:-./akhbar}	# another build to compare with
B=$TOP/tests/tmp/bench/refresh
rm -rf "$B"
mkdir -p "$B/home"
FEEDS=${FEEDS:-200}
RUNS=${RUNS:-5}
T="/usr/bin/time -f %e\t%U\t%S\t%M"
command -v newsboat > /dev/null || echo "bench_refresh: newsboat missing" \
    "(apt-get install newsboat): akhbar only"

M=$TOP/tests/tmp/bench/mixed/feeds
[ -s "$M/f$((FEEDS - 1)).xml" ] ||
	python3 tests/bench/gen_mixed.py feeds "$M" "$FEEDS" 50
python3 tests/feedserver.py --timeout 1800 --items 50 --item-size 2560 \
    --root "$M" > "$B/port" 2> "$B/server.err" &
SRV=$!
trap 'kill $SRV 2>/dev/null' EXIT
i=0
while [ ! -s "$B/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
P=$(head -1 "$B/port")
i=0
while [ $i -lt "$FEEDS" ]; do
	echo "http://127.0.0.1:$P/gen/$i" >> "$B/urls.gen"
	echo "http://127.0.0.1:$P/file/f$i.xml" >> "$B/urls.mixed"
	i=$((i + 1))
done
# warm the server's cache of generated feeds and measure the volumes
for set in gen mixed; do
	bytes=0
	for u in $(cat "$B/urls.$set"); do
		n=$(curl -s "$u" | wc -c)
		bytes=$((bytes + n))
	done
	echo "$bytes" > "$B/bytes.$set"
	echo "$set: $FEEDS feeds x 50 items, $((bytes / 1024 / 1024)) MB"
done

# newsboat with a private home and reload-threads 8
echo "reload-threads 8" > "$B/nbconfig"
NB="env HOME=$B/home XDG_CONFIG_HOME=$B/home/.config \
    XDG_DATA_HOME=$B/home/.local/share newsboat -C $B/nbconfig"

run() {	# run LABEL COMMAND...: one timed run, appended to $B/times
	label=$1; shift
	if $T -o "$B/t" "$@" > /dev/null 2> "$B/err"; then :; else
		echo "  $label: exit status $? ($(tail -1 "$B/err"))"
	fi
	printf '%s\t%s\n' "$label" "$(tail -1 "$B/t")" >> "$B/times"
}

akhbar_pair() {	# akhbar_pair SET CONNECTIONS: a cold and a warm run
	rm -f "$B/a-$1-c$2".db*
	run "akhbar-$1-cold-c$2" $AKHBAR -u "$B/urls.$1" \
	    -c "$B/a-$1-c$2.db" --refresh --max-connections "$2" \
	    --max-per-host "$2"
	run "akhbar-$1-warm-c$2" $AKHBAR -u "$B/urls.$1" \
	    -c "$B/a-$1-c$2.db" --refresh --max-connections "$2" \
	    --max-per-host "$2"
}

newsboat_pair() {	# newsboat_pair SET
	command -v newsboat > /dev/null || return 0
	rm -f "$B/nb-$1".db*
	run "newsboat-$1-cold" $NB -x reload -u "$B/urls.$1" -c "$B/nb-$1.db"
	run "newsboat-$1-warm" $NB -x reload -u "$B/urls.$1" -c "$B/nb-$1.db"
}

: > "$B/times"
r=1
while [ $r -le "$RUNS" ]; do
	for c in 2 8 32; do
		akhbar_pair gen $c
	done
	newsboat_pair gen
	akhbar_pair mixed 8
	newsboat_pair mixed
	r=$((r + 1))
done

if [ -n "$CALLGRIND" ] && command -v valgrind > /dev/null; then
	for set in gen mixed; do
		rm -f "$B/cg.db"* "$B/cg.out"*
		valgrind --tool=callgrind --separate-threads=yes \
		    --callgrind-out-file="$B/cg.out" \
		    $AKHBAR -u "$B/urls.$set" -c "$B/cg.db" --refresh \
		    --max-connections 8 --max-per-host 8 > /dev/null 2>&1
		cat "$B"/cg.out* | awk -v s="$set" '
		    /^summary:/ { t[++n] = $2; all += $2 } END {
			printf "callgrind %s cold c8: %.0f M instructions", s,
			    all / 1e6
			for (i = 1; i <= n; i++) {
				w = ", thread " i
				if (i == 1)
					w = "; main thread"
				else if (i == 2)
					w = ", terms worker"
				printf "%s %.0f M", w, t[i] / 1e6
			}
			printf "\n" }'
	done
fi

# The floor under the CPU target: what the SQLite library alone takes to
# store what the cold refresh stored (tests/bench/store_floor.c: the rows
# through akhbar's schema, a transaction a feed; the index rows with
# akhbar's terms, in one), and what parsing the same feeds takes
# (--feed-tsv over the files of the mixed set). Medians of 3.
if ${CC:-cc} $CFLAGS -Isrc -o "$B/store_floor" tests/bench/store_floor.c \
    libcore.a $LDFLAGS $LIBS 2> "$B/floor.err"; then
	for set in gen mixed; do
		for r in 1 2 3; do
			rm -f "$B/floor.db"*
			"$B/store_floor" "$B/a-$set-c8.db" "$B/floor.db"
		done > "$B/floor.$set"
		sort -n -k1 "$B/floor.$set" | sed -n 2p | awk -v s="$set" \
		    -v b="$(cat "$B/bytes.$set")" '{ mb = b / 1048576
			printf "floor %s: SQLite alone stores the rows in %.2f s CPU and the index rows (%d terms, %.0f MB) in %.2f s: %.2f s per 29 MB\n",
			    s, $1, $4, $3 / 1048576, $2, ($1 + $2) * 29 / mb }'
	done
	rm -f "$B/floor.db"*
	# less the CPU of 200 starts (--version), each median of 3
	for what in parse start; do
		for r in 1 2 3; do
			$T -o "$B/t" sh -c 'w=$1; a=$2; shift 2
			    for f in "$@"; do if [ "$w" = parse ]; then
				"$a" --feed-tsv "$f" > /dev/null || exit 1
			    else "$a" --version > /dev/null; fi; done' \
			    sh "$what" "$AKHBAR" "$M"/f*.xml && tail -1 "$B/t"
		done | awk '{ print $2 + $3 }' | sort -n | sed -n 2p
	done | tr '\n' ' ' | awk -v b="$(cat "$B/bytes.mixed")" '{
		printf "floor mixed: parsing the 200 files (--feed-tsv) takes %.2f s CPU less %.2f s for 200 starts: %.2f s per 29 MB\n",
		    $1, $2, ($1 - $2) * 29 * 1048576 / b }'
else
	echo "store_floor: does not build ($(head -1 "$B/floor.err"))"
fi

for set in gen mixed; do
	n=$(sqlite3 "$B/a-$set-c8.db" 'SELECT count(*) FROM articles')
	m=$(sqlite3 "$B/nb-$set.db" 'SELECT count(*) FROM rss_item' \
	    2>/dev/null)
	echo "$set: articles stored: akhbar $n, newsboat ${m:-?}"
done
echo "median of $RUNS runs: elapsed user sys (s), peak RSS (KB)"
awk -F '\t' -v gen="$(cat "$B/bytes.gen")" \
    -v mixed="$(cat "$B/bytes.mixed")" '
	{ k[$1]++; e[$1, k[$1]] = $2; u[$1, k[$1]] = $3; s[$1, k[$1]] = $4;
	  c[$1, k[$1]] = $3 + $4; m[$1, k[$1]] = $5
	  if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
	function med(a, key, cnt,   i, j, t, v) {
		for (i = 1; i <= cnt; i++) v[i] = a[key, i] + 0
		for (i = 1; i <= cnt; i++) for (j = i + 1; j <= cnt; j++)
			if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
		return v[int((cnt + 1) / 2)]
	}
	END {
		for (i = 1; i <= n; i++) {
			l = order[i]; cnt = k[l]
			E[l] = med(e, l, cnt); C[l] = med(c, l, cnt)
			printf "  %-22s %6.2f %6.2f %6.2f %8d\n", l, E[l],
			    med(u, l, cnt), med(s, l, cnt), med(m, l, cnt)
		}
		split("gen mixed", sets, " ")
		for (i = 1; i <= 2; i++) {
			t = sets[i]; mb = (t == "gen" ? gen : mixed) / 1048576
			if (E["newsboat-" t "-cold"] > 0)
				printf "ratio %s cold akhbar(c8)/newsboat(reload-threads 8): %.2f (target 0.25)\n",
				    t, E["akhbar-" t "-cold-c8"] / E["newsboat-" t "-cold"]
			if (C["newsboat-" t "-cold"] > 0)
				printf "ratio %s cold cpu (user+sys) akhbar(c8)/newsboat: %.2f\n",
				    t, C["akhbar-" t "-cold-c8"] / C["newsboat-" t "-cold"]
			if (E["newsboat-" t "-warm"] > 0)
				printf "ratio %s warm akhbar(c8)/newsboat(reload-threads 8): %.2f (target 0.1)\n",
				    t, E["akhbar-" t "-warm-c8"] / E["newsboat-" t "-warm"]
			if (mb > 0)
				printf "cpu %s cold akhbar(c8): %.2f s user+sys, %.2f s per 29 MB (target 0.4)\n",
				    t, C["akhbar-" t "-cold-c8"], C["akhbar-" t "-cold-c8"] * 29 / mb
		}
		if (E["akhbar-gen-cold-c8"] > 0)
			printf "ratio gen cold c32/c8: %.2f, c2/c8: %.2f\n",
			    E["akhbar-gen-cold-c32"] / E["akhbar-gen-cold-c8"],
			    E["akhbar-gen-cold-c2"] / E["akhbar-gen-cold-c8"]
	}' "$B/times"
