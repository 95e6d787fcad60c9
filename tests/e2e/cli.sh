#!/bin/sh
# The command line's contract (akhbar(1), EXIT STATUS): a usage error is
# one line on stderr naming what was wrong, nothing on stdout, exit 2,
# before the terminal is touched; a write error on standard output is one
# line and exit 1; --export-opml names feeds by their stored titles.
. "$TOP/tests/lib.sh"
D=$TMP/e2e-cli
rm -rf "$D"
mkdir -p "$D"
printf 'أعلنت وزارة الصحة في مدينة غزة صباح الأحد.\n' > "$D/ar.txt"

# usage DESC WANT-LINE ARGS...: exit 2, stderr exactly WANT-LINE, no
# stdout. Standard input is not a terminal: a reader that got as far as
# starting would fail, or hang until the timeout.
usage() {
	desc=$1 want=$2
	shift 2
	timeout 20 "$AKHBAR" "$@" < /dev/null > "$D/out" 2> "$D/err"
	rc=$?
	printf '%s\n' "$want" > "$D/want"
	if [ $rc -eq 2 ] && [ ! -s "$D/out" ] && cmp -s "$D/want" "$D/err"
	then
		ok "$desc"
	else
		notok "$desc (exit $rc)"
		diff -u "$D/want" "$D/err" | sed 's/^/#   /'
	fi
}

usage "reader: --theme with an unknown name" \
    "akhbar: theme 'no-such-theme' not found (see akhbar --help)" \
    --theme no-such-theme
usage "reader: --theme with a missing file" \
    "akhbar: theme '$D/none.theme' not found (see akhbar --help)" \
    --theme "$D/none.theme"
usage "--dump: --theme with an unknown name, even without colour" \
    "akhbar: theme 'no-such-theme' not found (see akhbar --help)" \
    --dump --color never --theme no-such-theme "$D/ar.txt"
usage "reader: -r with -o" \
    "akhbar: -r (refresh at start) and -o (never touch the network) cannot be used together (see akhbar --help)" \
    -r -o
usage "reader: -ro in one word" \
    "akhbar: -r (refresh at start) and -o (never touch the network) cannot be used together (see akhbar --help)" \
    -ro "$D/ar.txt"
usage "reader: --offline with -r" \
    "akhbar: -r (refresh at start) and -o (never touch the network) cannot be used together (see akhbar --help)" \
    --offline -r
usage "reader: unknown option" \
    "akhbar: unknown option '--frobnicate' (see akhbar --help)" \
    --frobnicate
usage "reader: option without its value" \
    "akhbar: option --theme needs a value (see akhbar --help)" --theme
usage "--list: unknown option" \
    "akhbar: --list: unknown option '--frobnicate' (see akhbar --help)" \
    --list --frobnicate
usage "--search: option without its value" \
    "akhbar: --search: option -c needs a value (see akhbar --help)" \
    --search غزة -c
usage "--dump: option without its value" \
    "akhbar: --dump: option --width needs a value (see akhbar --help)" \
    --dump "$D/ar.txt" --width
usage "--dump: width out of range" \
    "akhbar: bad --width '1': want a number from 2 to 10000 (see akhbar --help)" \
    --dump -w 1 "$D/ar.txt"
usage "--refresh: a bad number" \
    "akhbar: bad --max-connections 'many': want a number from 1 to 9223372036854775807 (see akhbar --help)" \
    --refresh -u "$D/urls" -c "$D/x.db" --max-connections many

# Themes that exist still pass: built in, shipped, and a file.
"$AKHBAR" --dump --color always --theme mono "$D/ar.txt" > /dev/null 2>&1
check "--dump --theme mono (built in): exit 0" test $? -eq 0
"$AKHBAR" --dump --color always --theme dark "$D/ar.txt" > /dev/null 2>&1
check "--dump --theme dark (shipped): exit 0" test $? -eq 0
printf 'color highlight red default\n' > "$D/red.theme"
"$AKHBAR" --dump --color always --theme "$D/red.theme" --highlight غزة \
    "$D/ar.txt" > "$D/out" 2>&1
check "--dump --theme FILE: exit 0 and its colour used" \
    grep -q '\[0;31m' "$D/out"

# Write errors on standard output: one line, exit 1.
if [ -w /dev/full ]; then
	full() {
		desc=$1
		shift
		"$AKHBAR" "$@" > /dev/full 2> "$D/err"
		rc=$?
		if [ $rc -eq 1 ] && [ "$(cat "$D/err")" = "akhbar: write error on standard output: No space left on device" ]
		then
			ok "$desc: write error, exit 1"
		else
			notok "$desc: write error (exit $rc)"
			sed 's/^/#   /' "$D/err"
		fi
	}
	full "--help" --help
	full "--version" --version
	full "--dump" --dump -w 40 "$D/ar.txt"
fi

# --export-opml: a feed without a ~Name gets its title from the store;
# a ~Name wins; a feed never fetched keeps its URL.
FEED=$TOP/tests/in/feeds/rss2-arabic.xml
HEB=$TOP/tests/in/feeds/atom1-hebrew.xml
cat > "$D/urls" <<EOF
$FEED news
$HEB "~ישראל"
https://never.example/rss
EOF
"$AKHBAR" -u "$D/urls" -c "$D/opml.db" --export-opml > "$D/before.opml" \
    2> "$D/err"
check "--export-opml without a store: exit 0" test $? -eq 0
check "--export-opml without a store: none created" test ! -e "$D/opml.db"
check "--export-opml without a store: the URL as title" \
    grep -q "title=\"$FEED\"" "$D/before.opml"
"$AKHBAR" -u "$D/urls" -c "$D/opml.db" --refresh > /dev/null 2>&1
"$AKHBAR" -u "$D/urls" -c "$D/opml.db" --export-opml > "$D/after.opml"
check "--export-opml: exit 0" test $? -eq 0
check "--export-opml: the stored feed title for a feed without ~Name" \
    grep -q "text=\"الجزيرة نت - أخبار\" title=\"الجزيرة نت - أخبار\" xmlUrl=\"$FEED\" category=\"news\"" \
    "$D/after.opml"
check "--export-opml: a ~Name wins over the stored title" \
    grep -q "title=\"ישראל\" xmlUrl=\"$HEB\"" "$D/after.opml"
check "--export-opml: a feed never fetched keeps its URL" \
    grep -q 'title="https://never.example/rss" xmlUrl=' "$D/after.opml"
"$AKHBAR" -u "$D/re-urls" --import-opml "$D/after.opml" 2> /dev/null
check "--export-opml then --import-opml: the stored title as ~Name" \
    grep -q "\"~الجزيرة نت - أخبار\"" "$D/re-urls"

# --help and akhbar(1) name the same long options.
"$AKHBAR" --help | grep -o -- '--[a-z][a-z-]*' | sort -u > "$D/help.opts"
grep -o 'Fl \\-[a-z][a-z-]*' "$TOP/man/akhbar.1" | sed 's/Fl \\/-/' |
    sort -u > "$D/man.opts"
same "--help and akhbar(1) document the same long options" \
    "$D/man.opts" "$D/help.opts"

# The reader with no terminal at all (stdin /dev/null, no controlling
# tty, as from cron): one line naming /dev/tty and exit 1, not a loop
# polling /dev/null forever.
if command -v setsid >/dev/null 2>&1; then
	timeout 20 setsid "$AKHBAR" -u "$D/urls" -c "$D/opml.db" \
	    < /dev/null > "$D/notty.out" 2> "$D/notty.err"
	rc=$?
	check "reader without a terminal: exit 1 (not a timeout)" \
	    test "$rc" -eq 1
	check "reader without a terminal: one line naming /dev/tty" sh -c \
	    "test \$(wc -l < '$D/notty.err') -eq 1 && grep -q '^akhbar: /dev/tty: ' '$D/notty.err'"
else
	echo "# SKIP setsid is not installed"
fi
