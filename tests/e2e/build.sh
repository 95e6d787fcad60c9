#!/bin/sh
# The build's own promises: a user's `make` does not turn warnings into
# errors (.ci/run does), `make check` installs only what the tests use,
# and tests/deps.sh without apt-get names the packages for the other
# package managers and fails only when something named is missing.
. "$TOP/tests/lib.sh"

T=$TMP/e2e-build
rm -rf "$T"
mkdir -p "$T"
cd "$TOP" || exit 1
# Not the variables of the make that runs the tests (.ci/run passes
# WERROR=-Werror to it): what a user's make does.
unset MAKEFLAGS MFLAGS MAKELEVEL WERROR

make -n -B src/utf8.o > "$T/plain" 2>&1
check "make: no -Werror in a user's flags" sh -c "! grep -q -- -Werror '$T/plain'"
make -n -B src/utf8.o WERROR=-Werror > "$T/ci" 2>&1
check "make WERROR=-Werror: warnings are errors" grep -q -- -Werror "$T/ci"
check ".ci/run builds with -Werror" grep -q 'WERROR=-Werror' .ci/run

make -n deps > "$T/deps" 2>&1
for p in hyperfine newsboat clang libclang-rt; do
	check "make deps: no $p (make deps-dev)" \
	    sh -c "! grep -qw -- '$p' '$T/deps'"
done
make -n deps-dev > "$T/deps-dev" 2>&1
check "make deps-dev: the fuzzing and benchmark tools" \
    sh -c "grep -q hyperfine '$T/deps-dev' && grep -q clang '$T/deps-dev'"
check "make bench and make fuzz use deps-dev" sh -c \
    "grep -q '^bench: deps-dev' Makefile && grep -q '^fuzz: deps-dev' Makefile"

# libcurl and its 29 libraries are akhbar-fetch's, never akhbar's own.
ldd ./akhbar > "$T/ldd" 2>&1
check "akhbar does not load libcurl" sh -c "! grep -q libcurl '$T/ldd' && grep -q libsqlite3 '$T/ldd'"
ldd ./akhbar-fetch > "$T/ldd-fetch" 2>&1
check "akhbar-fetch does" grep -q libcurl "$T/ldd-fetch"

DEPS_BY_HAND=1 sh tests/deps.sh tmux python3 > "$T/hand" 2>&1
check "deps without apt-get: exit 0 when everything is there" test $? -eq 0
for m in "dnf install tmux python3" "pacman -S --needed tmux python" \
    "apk add tmux python3" "pkg install tmux python3"; do
	check "deps without apt-get: prints '$m'" grep -qF "$m" "$T/hand"
done
DEPS_BY_HAND=1 sh tests/deps.sh tmux no-such-package > "$T/miss" 2>&1
check "deps without apt-get: exit 1 when something is missing" test $? -eq 1
check "deps without apt-get: names what is missing" \
    grep -q 'missing.*no-such-package' "$T/miss"
