#!/bin/sh
# A program for the reader's `bind KEY exec` and `|` tests: writes its
# arguments, one a line in brackets, to $ARGV_OUT.argv, its standard
# input to $ARGV_OUT.stdin, and copies each argument that names a file
# under $TMPDIR (the reader's %f and %d, removed once this exits) to
# $ARGV_OUT.fileN, N counting from 1.
: "${ARGV_OUT:?}"
: > "$ARGV_OUT.argv"
n=0
for a in "$@"; do
	printf '[%s]\n' "$a" >> "$ARGV_OUT.argv"
	case $a in
	"$TMPDIR"/*)
		n=$((n + 1))
		[ -f "$a" ] && cp "$a" "$ARGV_OUT.file$n" ;;
	esac
done
cat > "$ARGV_OUT.stdin"
