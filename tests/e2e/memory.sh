#!/bin/sh
# Memory stays bounded: --dump of a 4 MB article of each shape (HTML
# paragraphs, one huge paragraph, tiny inline elements; text paragraphs,
# one huge line), from a file and from standard input, peaks under
# 8 times the input plus 32 MB; an article over the 64 MB cap gets a
# one-line error and exit status 1. Peaks are not measurable under ASan.
. "$TOP/tests/lib.sh"

T=$TMP/e2e-memory
rm -rf "$T"
mkdir -p "$T"
GEN="python3 $TOP/tests/gen_articles.py"

if [ ! -x /usr/bin/time ] || ldd "$AKHBAR" 2>/dev/null | grep -q libasan; then
	ok "memory bound: needs GNU time and a build without ASan # SKIP"
else
	for k in html:html html-one:html html-tags:html text:txt \
	    text-line:txt; do
		kind=${k%%:*}
		f=$T/$kind.${k#*:}
		$GEN "$kind" 4 "$f"
		size=$(wc -c < "$f")
		bound=$(( (8 * size + 32 * 1048576) / 1024 ))
		/usr/bin/time -f '%M' -o "$T/$kind.kb" "$AKHBAR" --dump -w 80 \
		    --color never "$f" > "$T/$kind.out" 2>&1
		kb=$(tail -1 "$T/$kind.kb")
		check "$kind: --dump of $((size / 1024)) KB peaks at $kb KB, under $bound KB" \
		    [ "$kb" -lt "$bound" ]
		check "$kind: --dump printed the article" \
		    test "$(wc -l < "$T/$kind.out")" -gt 100
	done
	/usr/bin/time -f '%M' -o "$T/stdin.kb" sh -c \
	    'exec "$1" --dump -w 80 - < "$2" > /dev/null' sh "$AKHBAR" \
	    "$T/html.html"
	kb=$(tail -1 "$T/stdin.kb")
	size=$(wc -c < "$T/html.html")
	check "stdin: peak $kb KB under 8x + 32 MB" \
	    [ "$kb" -lt $(( (8 * size + 32 * 1048576) / 1024 )) ]
fi

# Over the cap: one line on stderr, exit 1, nothing on stdout.
yes 'the council voted on the budget' | head -c 70000000 > "$T/huge.txt"
"$AKHBAR" --dump -w 80 "$T/huge.txt" > "$T/huge.out" 2> "$T/huge.err"
check "over 64 MB: exit 1" test $? -eq 1
check "over 64 MB: one line of error" test "$(wc -l < "$T/huge.err")" -eq 1
check "over 64 MB: the error says why" grep -q 'larger than' "$T/huge.err"
check "over 64 MB: nothing printed" test ! -s "$T/huge.out"
rm -f "$T/huge.txt"
