#!/bin/sh
# make install / uninstall into a DESTDIR: the binary, both man pages
# (mode 644), the themes and the translations; uninstall leaves nothing
# behind.
. "$TOP/tests/lib.sh"
D=$TMP/e2e-install
rm -rf "$D"
mkdir -p "$D"
cd "$TOP" || exit 1
make -s install DESTDIR="$D" PREFIX=/usr > "$D/log" 2>&1
check "make install succeeds" test $? -eq 0
check "binary installed and executable" test -x "$D/usr/bin/akhbar"
check "akhbar-fetch installed in libexec, mode 755" test "$(stat -c %a \
    "$D/usr/libexec/akhbar/akhbar-fetch" 2>/dev/null)" = 755
check "akhbar(1) installed" test -f "$D/usr/share/man/man1/akhbar.1"
check "akhbar.conf(5) installed" test -f "$D/usr/share/man/man5/akhbar.conf.5"
check "man pages are mode 644" test "$(stat -c %a \
    "$D/usr/share/man/man1/akhbar.1")" = 644
n=$(ls themes 2>/dev/null | wc -l)
check "every theme installed ($n)" test "$(ls "$D/usr/share/akhbar/themes" \
    2>/dev/null | wc -l)" -eq "$n"
for l in ar fa he; do
	mo=$D/usr/share/locale/$l/LC_MESSAGES/akhbar.mo
	check "$l catalogue installed, mode 644" \
	    test "$(stat -c %a "$mo" 2>/dev/null)" = 644
done
check "the installed binary runs" sh -c "'$D/usr/bin/akhbar' --version | grep -q akhbar"
# Away from the build tree and with no akhbar-fetch where it looks, a
# refresh says which program it could not run.
H=$D/home
mkdir -p "$H"
printf 'http://127.0.0.1:1/feed\n' > "$D/urls"
HOME=$H XDG_CONFIG_HOME=$H/.config XDG_DATA_HOME=$H/.local/share \
    AKHBAR_FETCH=$D/usr/libexec/akhbar/none "$D/usr/bin/akhbar" --refresh \
    -u "$D/urls" > "$D/out" 2>&1
check "refresh without akhbar-fetch fails" test $? -ne 0
check "... naming the program it could not run" \
    grep -q "cannot run $D/usr/libexec/akhbar/none" "$D/out"
HOME=$H XDG_CONFIG_HOME=$H/.config XDG_DATA_HOME=$H/.local/share \
    AKHBAR_FETCH=$D/usr/libexec/akhbar/akhbar-fetch "$D/usr/bin/akhbar" \
    --refresh -u "$D/urls" > "$D/out" 2>&1
check "the installed akhbar-fetch runs the downloads" \
    grep -qi "connect" "$D/out"
make -s uninstall DESTDIR="$D" PREFIX=/usr > "$D/log" 2>&1
check "make uninstall leaves no file" test -z "$(find "$D/usr" -type f)"
