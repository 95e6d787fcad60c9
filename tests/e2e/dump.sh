#!/bin/sh
# akhbar --dump: golden outputs of the sample articles at three widths,
# colour on/off equivalence, option errors, hostile input, write errors.
. "$TOP/tests/lib.sh"
IN=$TOP/tests/in/articles
OUT=$TOP/tests/out/articles
T=$TMP/e2e-dump
rm -rf "$T"
mkdir -p "$T"

for f in "$IN"/*; do
	name=$(basename "$f")
	name=${name%.*}
	for w in 40 80 120; do
		"$AKHBAR" --dump --width $w "$f" > "$T/$name.w$w.txt" 2>&1
		same "$name at width $w matches the golden dump" \
		    "$OUT/$name.w$w.txt" "$T/$name.w$w.txt"
	done
	for w in 7 40 80 120; do
		"$AKHBAR" --dump -w $w "$f" > "$T/out" 2>&1
		check "$name at width $w: no line too wide, no trailing space" \
		    python3 "$TOP/tests/widths.py" $w < "$T/out"
	done
	# Colour: stripping the SGR sequences gives the plain output.
	"$AKHBAR" --dump -w 60 --color always --highlight COP28 \
	    --highlight "$(printf '\330\272\330\262\330\251')" "$f" > "$T/color"
	"$AKHBAR" --dump -w 60 --color never --highlight COP28 "$f" > "$T/plain"
	sed 's/\x1b\[[0-9;]*m//g' "$T/color" > "$T/stripped"
	same "$name: --color always minus SGR = --color never" \
	    "$T/plain" "$T/stripped"
	check "$name: --color never writes no escape or control byte" \
	    sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' '$T/plain' || \
	    [ \"\$(LC_ALL=C tr -d '\n' < '$T/plain' | LC_ALL=C grep -c \
	    '[[:cntrl:]]')\" -eq 0 ]"
done

# The highlight is applied: COP28 in the HTML sample is drawn with the
# default theme's highlight (black on yellow).
"$AKHBAR" --dump -w 60 --color always --highlight cop28 \
    "$IN/06-mixed.html" > "$T/hl"
check "highlight: matched cells carry the highlight SGR" \
    grep -q "$(printf '\033\\[0;30;43mCOP28')" "$T/hl"

# Standard input and the default width of 80 when not a terminal.
"$AKHBAR" --dump - < "$IN/01-arabic-news.txt" > "$T/stdin"
same "stdin (-) at the default width is the width-80 dump" \
    "$OUT/01-arabic-news.w80.txt" "$T/stdin"

# Forced directions.
printf 'plain English line\n' > "$T/en.txt"
"$AKHBAR" --dump -w 30 --direction rtl "$T/en.txt" > "$T/out"
check "--direction rtl right-aligns Latin text" \
    [ "$(cat "$T/out")" = "            plain English line" ]
printf '\330\263\331\204\330\247\331\205\n' > "$T/ar.txt"	# salam
"$AKHBAR" --dump -w 30 --direction ltr --shaping off "$T/ar.txt" > "$T/out"
check "--direction ltr left-aligns Arabic, still in visual order" \
    [ "$(cat "$T/out")" = "$(printf '\331\205\330\247\331\204\330\263')" ]
"$AKHBAR" --dump -w 30 "$T/ar.txt" > "$T/out"
check "shaping on: presentation forms with the lam-alef ligature" \
    [ "$(cat "$T/out")" = "$(printf '%27s' '')$(printf \
    '\357\273\241\357\273\274\357\272\263')" ]
"$AKHBAR" --dump -w 40 --shaping off "$IN/01-arabic-news.txt" > "$T/out"
check "--shaping off: no presentation forms in the output" \
    sh -c "! python3 -c 'import sys; s=open(sys.argv[1]).read(); \
    sys.exit(0 if any(0xFB50 <= ord(c) <= 0xFEFC for c in s) else 1)' \
    '$T/out'"

# Blank lines: runs of blank lines and white space give exactly one.
printf '\n\n first   para\n  continues\n\n\n\n \t \nsecond\n\n\n' > "$T/blank.txt"
"$AKHBAR" --dump -w 40 "$T/blank.txt" > "$T/out"
printf 'first para continues\n\nsecond\n' > "$T/want"
same "blank lines collapse to one, soft breaks become spaces" \
    "$T/want" "$T/out"

# Hostile text: escape sequences, C1 controls, bidi overrides, bad UTF-8.
printf 'title \033]0;owned\007 \033[2J\033[31mred\033[0m \302\233' > "$T/evil.txt"
printf '31m c1 \342\200\256reversed\342\200\254 bad\377byte \001\002\n' >> "$T/evil.txt"
"$AKHBAR" --dump -w 80 "$T/evil.txt" > "$T/out"
check "hostile text: no ESC, C0 or C1 control reaches the output" \
    sh -c "! LC_ALL=C grep -q \"\$(printf '[\033\001\002\007]')\" '$T/out' && \
    ! grep -q \"\$(printf '\302\233')\" '$T/out'"
check "hostile text: no bidi override reaches the output" \
    sh -c "! grep -q \"\$(printf '\342\200\256')\" '$T/out'"
check "invalid UTF-8 becomes U+FFFD" grep -q "bad$(printf '\357\277\275')byte" "$T/out"
check "hostile text: the words around the sequences survive" \
    grep -q "title red" "$T/out"

# HTML: head, script and style never printed; title once, as the title.
"$AKHBAR" --dump -w 80 "$IN/06-mixed.html" > "$T/out"
check "HTML: script text is not printed" sh -c "! grep -q 'must never' '$T/out'"
check "HTML: style text is not printed" sh -c "! grep -q 'font-family' '$T/out'"
check "HTML: nav and footer are dropped" sh -c "! grep -q \"\$(printf \
    '\357\272\224\357\273\264\357\272\251\357\272\254\357\273\237\357\272\215')\" '$T/out'"
check "HTML: links are listed at the end" \
    sh -c "tail -3 '$T/out' | head -1 | grep -q '^\[1\] https://unfccc.int/cop28$'"

# Usage errors: one line, exit status 2.
usage() {
	desc=$1; shift
	"$AKHBAR" "$@" > "$T/uout" 2> "$T/uerr"
	rc=$?
	if [ $rc -eq 2 ] && [ "$(wc -l < "$T/uerr")" -eq 1 ] &&
	    [ ! -s "$T/uout" ]; then
		ok "$desc (exit 2, one line)"
	else
		notok "$desc (exit $rc)"
		sed 's/^/#   /' "$T/uerr"
	fi
}
usage "unknown option" --dump --frobnicate "$T/en.txt"
usage "width 0" --dump --width 0 "$T/en.txt"
usage "width not a number" --dump --width abc "$T/en.txt"
usage "width 1" --dump -w 1 "$T/en.txt"
usage "bad direction" --dump --direction up "$T/en.txt"
usage "bad shaping" --dump --shaping maybe "$T/en.txt"
usage "bad color" --dump --color sometimes "$T/en.txt"
usage "no file" --dump
usage "two files" --dump "$T/en.txt" "$T/en.txt"
usage "missing option value" --dump "$T/en.txt" --width
usage "unknown option without a mode" --no-such-option
"$AKHBAR" --dump --width abc "$T/en.txt" 2> "$T/uerr"
check "bad value is named in the message" grep -q "'abc'" "$T/uerr"

# Runtime errors: exit 1 with the file named.
"$AKHBAR" --dump "$T/does-not-exist" > /dev/null 2> "$T/err"
check "missing file: exit 1" test $? -eq 1
check "missing file: the message names it" grep -q "does-not-exist" "$T/err"
if [ -w /dev/full ]; then
	"$AKHBAR" --dump "$IN/05-english.txt" > /dev/full 2> "$T/err"
	check "write error on stdout: exit 1" test $? -eq 1
	check "write error on stdout: reported" grep -q "write error" "$T/err"
fi

# --help and --version.
"$AKHBAR" --help > "$T/help"
check "--help lists --dump" grep -q -- "--dump" "$T/help"
check "--version prints the version" sh -c "'$AKHBAR' --version | grep -q '^akhbar [0-9]'"
