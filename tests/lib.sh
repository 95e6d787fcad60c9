# Sourced by the end-to-end scripts: assertions that print TAP-like lines.
AKHBAR=${AKHBAR:-$TOP/akhbar}
TMP=$TOP/tests/tmp
mkdir -p "$TMP"

ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; }

# check DESC COMMAND...: passes when the command succeeds.
check() {
	desc=$1; shift
	if "$@"; then ok "$desc"; else notok "$desc"; fi
}

# same DESC EXPECTED-FILE ACTUAL-FILE: passes when the files are equal;
# shows the diff otherwise.
same() {
	if cmp -s "$2" "$3"; then
		ok "$1"
	else
		notok "$1"
		diff -u "$2" "$3" | head -30 | sed 's/^/#   /'
	fi
}
