#!/bin/sh
# Builds the seed corpora fuzz/seeds/TARGET/ from the test fixtures
# (tests/in/**). The fuzzers read them and write what they find to
# fuzz/corpus/TARGET/ (not in git). Run from the top directory.
set -e
rm -rf fuzz/seeds
for t in feed html render theme urls opml config saved search extract; do
	mkdir -p fuzz/seeds/$t
done
n=0
for f in $(find tests/in -type f | sort); do
	n=$((n + 1))
	case "$f" in
	*.xml|*.json|*.rss|*.atom)
		# First byte: the chunk size of the push parser (0: whole).
		{ printf '\000'; cat "$f"; } > fuzz/seeds/feed/$n
		{ printf '\007'; cat "$f"; } > fuzz/seeds/feed/$n-7 ;;
	esac
	case "$f" in
	*.html|*.xml|*.htm)
		{ printf '\050'; cat "$f"; } > fuzz/seeds/html/$n ;;
	esac
	case "$f" in
	*.html|*.htm)
		# First byte: the Content-Type (0: none).
		{ printf '\000'; cat "$f"; } > fuzz/seeds/extract/$n ;;
	esac
	case "$f" in
	*.opml) cp "$f" fuzz/seeds/opml/$n ;;
	esac
	case "$f" in
	*.txt|*.html)
		# Width, flags, keywords, NUL, paragraph.
		{ printf '\036\000'; head -c 2000 "$f"; } > fuzz/seeds/render/$n
		{ printf '\012\021%s\000' 'ال'; head -c 2000 "$f"; } \
		    > fuzz/seeds/render/$n-n ;;
	esac
	case "$f" in
	*.txt|*/urls*)
		cp "$f" fuzz/seeds/urls/$n ;;
	esac
	case "$f" in
	*/config*) cp "$f" fuzz/seeds/config/$n ;;
	esac
	case "$f" in
	*/saved/*|*.txt|*.html) cp "$f" fuzz/seeds/saved/$n ;;
	esac
	case "$f" in
	*.txt|*.html|*.md) head -c 4000 "$f" > fuzz/seeds/search/$n ;;
	esac
done
# The highlight fixtures: keyword files and texts.
for f in tests/in/highlight/*.txt; do
	n=$((n + 1))
	{ printf '\024\005%s\000' "$(head -n 1 "$f")"; cat "$f"; } \
	    > fuzz/seeds/render/$n
done
cp tests/in/hostile/*.theme themes/* fuzz/seeds/theme/ 2>/dev/null || true

for t in feed html render theme urls opml config saved search extract; do
	echo "fuzz/seeds/$t: $(ls fuzz/seeds/$t | wc -l) files"
done
