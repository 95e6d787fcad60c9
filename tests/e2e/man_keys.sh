#!/bin/sh
# man_keys.sh: the KEYS list of akhbar(1) is the one `make man` makes
# from the action table (man/keys_man.c over libcore.a), the table the
# help screen shows: an action or default key added without `make man`
# fails here.
. "$TOP/tests/lib.sh"
W=$TMP/man_keys
rm -rf "$W"
mkdir -p "$W"
cd "$TOP" || exit 1

if ! $CC $CFLAGS -Isrc -o "$W/keys_man" man/keys_man.c libcore.a \
    $LDFLAGS $LIBS >"$W/build.log" 2>&1; then
	notok "man/keys_man.c builds"
	sed 's/^/#   /' "$W/build.log" | head -20
	exit 1
fi
ok "man/keys_man.c builds"
"$W/keys_man" > "$W/generated"
check "the generator lists every action" \
    test "$(grep -c '^\.It.* Pq Cm ' "$W/generated")" -ge 30
sed -n '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/p' man/akhbar.1 |
    sed '1d;$d' > "$W/committed"
check "man/akhbar.1 has the KEYS markers" test -s "$W/committed"
same "man/akhbar.1's KEYS list is the action table's (make man)" \
    "$W/generated" "$W/committed"
# Each help text of the table is in the page (as the help screen shows
# it, first letter capitalised).
check "hard-quit's help text is in the page" \
    grep -qx 'Quit at once\.' man/akhbar.1
check "the help screen's key names are in the page" \
    grep -q '^\.It Sy SPACE PGDN ^F Pq Cm page-down$' man/akhbar.1
