#!/bin/sh
# `make bench`: runs every tests/bench/bench_*.sh. Each one generates its
# data under tests/tmp/bench, runs akhbar and a reference tool side by
# side (interleaved), and prints ratios. Benchmarks never fail the build.
cd "$(dirname "$0")/../.." || exit 2
TOP=$(pwd)
export TOP
mkdir -p tests/tmp/bench
for b in tests/bench/bench_*.sh; do
	[ -f "$b" ] || continue
	echo "== $(basename "$b" .sh)"
	sh "$b"
done
