#!/bin/sh
# Runs fuzz targets for SECONDS each, JOBS at a time, from the top
# directory after `make fuzz`:  sh fuzz/run.sh [SECONDS] [JOBS] [TARGET...]
# Each keeps its corpus in fuzz/corpus/TARGET (seeded from fuzz/seeds),
# writes crashes to fuzz/crashes/TARGET/ and its log to fuzz/logs/.
secs=${1:-600}
jobs=${2:-2}
shift 2 2>/dev/null
targets=${*:-feed html render theme urls opml config saved search extract}
mkdir -p fuzz/logs
run() {
	t=$1
	mkdir -p fuzz/corpus/$t fuzz/crashes/$t
	./fuzz/fuzz_$t -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -dict=fuzz/fuzz_$t.dict \
	    -artifact_prefix=fuzz/crashes/$t/ -print_final_stats=1 \
	    fuzz/corpus/$t fuzz/seeds/$t > fuzz/logs/$t.log 2>&1
	echo "$t: exit $? ($(ls fuzz/corpus/$t | wc -l) corpus files," \
	    "$(ls fuzz/crashes/$t | wc -l) crashes)"
}
set -- $targets
while [ $# -gt 0 ]; do
	i=0
	while [ $i -lt "$jobs" ] && [ $# -gt 0 ]; do
		run "$1" &
		shift
		i=$((i + 1))
	done
	wait
done
