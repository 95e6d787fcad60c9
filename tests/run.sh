#!/bin/sh
# Runs every test: the C unit tests (tests/unit/test_*.c, cmocka, linked
# against libcore.a) and the end-to-end scripts (tests/e2e/*.sh, which
# print "ok - ..." / "not ok - ..." lines). A line with "# SKIP" (TAP's
# directive: a test that could not run here) is counted as skipped,
# neither passed nor failed. Ends with "N passed, N failed, N skipped".
# Environment from the Makefile: CC, CFLAGS, LDFLAGS, LIBS.
# With arguments (`make check T="test_reader tui_daily"`), runs only the
# tests of those names.
cd "$(dirname "$0")/.." || exit 2
TOP=$(pwd)
export TOP
mkdir -p tests/tmp
passed=0
failed=0
skipped=0
log=tests/tmp/run.log
: > "$log"

# count OUTPUTFILE: add its results to the totals; sets $summary and $f.
count() {
	s=$(grep -Ec '^(not )?ok .*# *SKIP' "$1")
	p=$(grep -Ev '# *SKIP' "$1" | grep -c '^ok ')
	f=$(grep -Ev '# *SKIP' "$1" | grep -c '^not ok ')
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
	summary="$p passed"
	[ "$s" -gt 0 ] && summary="$p passed, $s skipped"
}

# wanted NAME: true when NAME was asked for, or nothing was.
wanted() {
	[ $# -eq 1 ] && [ -z "$ONLY" ] && return 0
	case " $ONLY " in *" $1 "*) return 0 ;; esac
	return 1
}
ONLY="$*"

for src in tests/unit/test_*.c; do
	[ -f "$src" ] || continue
	wanted "$(basename "$src" .c)" || continue
	bin=${src%.c}.bin
	name=$(basename "$src" .c)
	if ! $CC $CFLAGS -Isrc -o "$bin" "$src" libcore.a $LDFLAGS $LIBS \
	    -lcmocka >tests/tmp/$name.build 2>&1; then
		cat tests/tmp/$name.build
		echo "not ok - $name: does not build"
		failed=$((failed + 1))
		continue
	fi
	# cmocka's TAP output: one "ok N - name" or "not ok N - name" a test.
	CMOCKA_MESSAGE_OUTPUT=TAP "./$bin" > tests/tmp/$name.out 2>&1
	rc=$?
	grep '^not ok' tests/tmp/$name.out | grep -v '# *SKIP' |
	    sed "s/^/$name: /"
	sed -n '/^# /p' tests/tmp/$name.out | head -20
	count tests/tmp/$name.out
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $name exited $rc"; failed=$((failed + 1))
	fi
	echo "$name: $summary"
done

for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	wanted "$(basename "$t" .sh)" || continue
	name=$(basename "$t" .sh)
	sh "$t" > tests/tmp/$name.out 2>&1
	rc=$?
	grep -v '^ok ' tests/tmp/$name.out | head -40
	count tests/tmp/$name.out
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $name exited $rc"; failed=$((failed + 1))
	fi
	echo "$name: $summary"
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
