#!/bin/sh
# po.sh: the translations cover the source. Every string of src/ marked
# with _(), N_() or ngettext() (extracted again now, as `make pot` does)
# has a translation in po/ar.po, po/fa.po and po/he.po; each catalogue
# passes msgfmt -c, is 100% translated (no fuzzy, no untranslated), has
# the plural forms of its language, and keeps every key and placeholder.
. "$TOP/tests/lib.sh"
W=$TMP/po
rm -rf "$W"
mkdir -p "$W"
cd "$TOP" || exit 1

if ! command -v xgettext >/dev/null 2>&1; then
	echo "ok - po # SKIP no xgettext (package gettext)"
	exit 0
fi
xgettext --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 -o "$W/src.pot" \
    src/*.c src/*.h 2>"$W/xgettext.err"
check "xgettext reads src/" test -s "$W/src.pot"
n=$(grep -c '^msgid "' "$W/src.pot")
check "src/ has translatable strings ($n)" test "$n" -gt 100

for l in ar fa he; do
	po=po/$l.po
	check "$l: msgfmt -c is clean" msgfmt -c -o "$W/$l.mo" "$po"
	msgfmt --statistics -o /dev/null "$po" 2>"$W/$l.stat"
	if grep -q 'fuzzy\|untranslated' "$W/$l.stat"; then
		notok "$l: 100% translated"
		sed 's/^/#   /' "$W/$l.stat"
	else
		ok "$l: 100% translated ($(cat "$W/$l.stat"))"
	fi
	# msgcmp: every msgid of the source has a translation in the .po.
	if msgcmp "$po" "$W/src.pot" >"$W/$l.cmp" 2>&1; then
		ok "$l: every _() string of src/ is translated"
	else
		notok "$l: every _() string of src/ is translated"
		grep 'this message' "$W/$l.cmp" | head -10 | sed 's/^/#   /'
	fi
done
# header LL: the catalogue's header, its lines joined (msgmerge wraps).
header() { sed -n '/^msgid ""/,/^$/p' "po/$1.po" | tr -d '"\n'; }
header ar > "$W/ar.head"; header fa > "$W/fa.head"; header he > "$W/he.head"
check "ar: six plural forms" grep -qF \
    'nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;' \
    "$W/ar.head"
check "fa: two plural forms" grep -qF 'nplurals=2; plural=(n > 1);' \
    "$W/fa.head"
check "he: two plural forms" grep -qF 'nplurals=2; plural=(n != 1);' \
    "$W/he.head"

# A string added to src/ without a translation is caught.
sed 's/msgid "show all keys"/msgid "show every key"/' "$W/src.pot" \
    >"$W/new.pot"
if msgcmp po/ar.po "$W/new.pot" >/dev/null 2>&1; then
	notok "an untranslated new string fails the check"
else
	ok "an untranslated new string fails the check"
fi

# The built catalogue is where an uninstalled akhbar looks.
for l in ar fa he; do
	check "$l: po/locale/$l/LC_MESSAGES/akhbar.mo is built" \
	    test -s "po/locale/$l/LC_MESSAGES/akhbar.mo"
done
