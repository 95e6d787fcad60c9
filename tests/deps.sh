#!/bin/sh
# deps.sh PACKAGE...: make sure the Debian packages named as arguments
# are there. Used by `make deps` and `make deps-dev`; never by plain
# `make`. With apt-get (Debian, Ubuntu) the missing ones are installed.
# Elsewhere each package is checked by what it provides (a command, a
# pkg-config module, a file), the install line is printed for dnf
# (Fedora), pacman (Arch), apk (Alpine) and pkg (FreeBSD), and the exit
# status is 1 only when something named is missing.

# One row a Debian package: the check (cmd:NAME, pc:MODULE, file:PATH),
# then its names for dnf, pacman, apk and pkg ("-": part of the base
# system or not packaged there; names joined by commas).
table() {
	cat <<'EOF'
build-essential      cmd:cc          gcc,make             base-devel          build-base          -
pkg-config           cmd:pkg-config  pkgconf-pkg-config   pkgconf             pkgconf             pkgconf
libncurses-dev       pc:ncursesw     ncurses-devel        ncurses             ncurses-dev         ncurses
libfribidi-dev       pc:fribidi      fribidi-devel        fribidi             fribidi-dev         fribidi
libcurl4-openssl-dev pc:libcurl      libcurl-devel        curl                curl-dev            curl
libsqlite3-dev       pc:sqlite3      sqlite-devel         sqlite              sqlite-dev          sqlite3
libxml2-dev          pc:libxml-2.0   libxml2-devel        libxml2             libxml2-dev         libxml2
libutf8proc-dev      pc:libutf8proc  utf8proc-devel       libutf8proc         utf8proc-dev        utf8proc
libjson-c-dev        pc:json-c       json-c-devel         json-c              json-c-dev          json-c
libcmark-dev         pc:libcmark     cmark-devel          cmark               cmark-dev           cmark
libcmocka-dev        pc:cmocka       libcmocka-devel      cmocka              cmocka-dev          cmocka
tmux                 cmd:tmux        tmux                 tmux                tmux                tmux
python3              cmd:python3     python3              python              python3             python3
unicode-data         file:/usr/share/unicode/BidiCharacterTest.txt unicode-ucd unicode-character-database unicode-character-database UCD
libfribidi-bin       cmd:fribidi     fribidi              fribidi             fribidi             fribidi
libxml2-utils        cmd:xmllint     libxml2              libxml2             libxml2-utils       libxml2
sqlite3              cmd:sqlite3     sqlite               sqlite              sqlite              sqlite3
time                 file:/usr/bin/time time              time                -                   gtime
libicu-dev           pc:icu-i18n     libicu-devel         icu                 icu-dev             icu
gettext              cmd:msgfmt      gettext              gettext             gettext             gettext
locales              cmd:localedef   glibc-locale-source  glibc               musl-locales        -
clang                cmd:clang       clang                clang               clang               llvm
libclang-rt-14-dev   cmd:clang       compiler-rt          compiler-rt         compiler-rt         llvm
hyperfine            cmd:hyperfine   hyperfine            hyperfine           hyperfine           hyperfine
sfeed                cmd:sfeed       sfeed                sfeed               sfeed               sfeed
newsboat             cmd:newsboat    newsboat             newsboat            newsboat            newsboat
EOF
}

# present CHECK: is what the package provides here?
present() {
	case "$1" in
	cmd:*) command -v "${1#cmd:}" >/dev/null 2>&1 ;;
	pc:*) pkg-config --exists "${1#pc:}" 2>/dev/null ;;
	file:*) [ -e "${1#file:}" ] ;;
	*) return 1 ;;
	esac
}

# Without apt-get: check each package, print the names everywhere.
by_hand() {
	missing=
	dnf= pacman= apk= pkg=
	for p in "$@"; do
		row=$(table | awk -v p="$p" '$1 == p')
		if [ -z "$row" ]; then
			echo "deps: $p: not in tests/deps.sh's table" >&2
			missing="$missing $p"
			continue
		fi
		set -- $row
		present "$2" || missing="$missing $p"
		for v in "dnf:$3" "pacman:$4" "apk:$5" "pkg:$6"; do
			n=$(echo "${v#*:}" | tr ',' ' ')
			[ "$n" = - ] && continue
			case "$v" in
			dnf:*) dnf="$dnf $n" ;;
			pacman:*) pacman="$pacman $n" ;;
			apk:*) apk="$apk $n" ;;
			pkg:*) pkg="$pkg $n" ;;
			esac
		done
	done
	echo "deps: no apt-get here; the same packages elsewhere (names" \
	    "can differ between releases):"
	echo "  Fedora:  dnf install$(echo "$dnf" | tr ' ' '\n' | awk 'NF && !s[$0]++ { printf " %s", $0 }')"
	echo "  Arch:    pacman -S --needed$(echo "$pacman" | tr ' ' '\n' | awk 'NF && !s[$0]++ { printf " %s", $0 }')"
	echo "  Alpine:  apk add$(echo "$apk" | tr ' ' '\n' | awk 'NF && !s[$0]++ { printf " %s", $0 }')"
	echo "  FreeBSD: pkg install$(echo "$pkg" | tr ' ' '\n' | awk 'NF && !s[$0]++ { printf " %s", $0 }')"
	if [ -n "$missing" ]; then
		echo "deps: missing (Debian names):$missing" >&2
		exit 1
	fi
	echo "deps: everything needed is there"
	exit 0
}

# DEPS_BY_HAND=1 takes the path of a system without apt-get (tests).
if [ -n "$DEPS_BY_HAND" ] || ! command -v apt-get >/dev/null 2>&1 ||
    ! command -v dpkg-query >/dev/null 2>&1; then
	by_hand "$@"
fi
missing=
for p in "$@"; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case "$st" in
	*"ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	SUDO=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO=sudo
else
	echo "deps: run as root: apt-get install -y$missing" >&2
	exit 1
fi
echo "deps: installing$missing"
$SUDO apt-get update -qq || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null || {
	echo "deps: apt-get install -y$missing failed" >&2
	exit 1
}
