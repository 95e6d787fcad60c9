#!/bin/sh
# locales.sh: generate the locales the interface tests run in
# (ar_SA.UTF-8, fa_IR.UTF-8, he_IL.UTF-8) with localedef when they are
# missing. Run by `make deps`. Without root or localedef it says which
# are missing and succeeds: tests/e2e/i18n.sh then skips those locales.
have() {
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/' |
	    grep -qx "$(echo "$1" | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')"
}
for l in ar_SA fa_IR he_IL; do
	have "$l.UTF-8" && continue
	if ! command -v localedef >/dev/null 2>&1; then
		echo "locales: no localedef; $l.UTF-8 missing" >&2
		continue
	fi
	if [ "$(id -u)" = 0 ]; then
		SUDO=
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		SUDO=sudo
	else
		echo "locales: run as root: localedef -i $l -f UTF-8 $l.UTF-8" >&2
		continue
	fi
	echo "locales: generating $l.UTF-8"
	$SUDO localedef -i "$l" -f UTF-8 "$l.UTF-8" ||
	    echo "locales: localedef -i $l failed" >&2
done
exit 0
