#!/bin/sh
# End-to-end: --import-opml (folders become tags, titles "~Name", no
# duplicates, existing urls content kept, no entity expansion) and
# --export-opml (valid, escaped OPML 2.0 that imports back the same).
. "$TOP/tests/lib.sh"

D=$TMP/e2e-opml
rm -rf "$D"
mkdir -p "$D"

cat > "$D/in.opml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
<head><title>My feeds &amp; more</title></head>
<body>
  <outline text="أخبار" title="أخبار">
    <outline text="عربي">
      <outline type="rss" text="الجزيرة نت" xmlUrl="https://www.aljazeera.net/aljazeerarss/a7c186be-1baa-4bd4-9d80-a84db769f779/73d0e1b4-532f-45ef-b135-bfdff8b8cab9"/>
      <outline type="rss" text="BBC عربي" title="BBC عربي" xmlUrl="https://feeds.bbci.co.uk/arabic/rss.xml"/>
    </outline>
    <outline type="rss" text="Reuters &quot;World&quot; &amp; Co" xmlUrl="https://example.com/reuters?a=1&amp;b=2"/>
  </outline>
  <outline type="rss" text="Top level" xmlUrl="http://example.org/feed" category="/tech,/linux"/>
  <outline type="rss" text="Duplicate of existing" xmlUrl="https://existing.example/rss"/>
  <outline type="rss" text="Bad scheme" xmlUrl="javascript:alert(1)"/>
  <outline type="rss" text="الجزيرة again" xmlUrl="https://feeds.bbci.co.uk/arabic/rss.xml"/>
</body>
</opml>
EOF

printf '# my own comment\nhttps://existing.example/rss mine "~Mine"' \
    > "$D/urls"
cp "$D/urls" "$D/urls.before"

"$AKHBAR" -u "$D/urls" --import-opml "$D/in.opml" 2> "$D/err"
check "import exits 0" test $? -eq 0
check "existing content kept intact" \
    sh -c "head -c $(wc -c < "$D/urls.before") '$D/urls' | cmp -s - '$D/urls.before'"
check "imported 4 feeds" test "$(grep -c "^http" "$D/urls")" -eq 5
check "nested folders become tags, title becomes ~Name" grep -qx \
    'https://feeds.bbci.co.uk/arabic/rss.xml أخبار عربي "~BBC عربي"' \
    "$D/urls"
check "quotes in names escaped" grep -qF \
    'https://example.com/reuters?a=1&b=2 أخبار "~Reuters \"World\" & Co"' \
    "$D/urls"
check "category attribute becomes tags" grep -qx \
    'http://example.org/feed tech linux "~Top level"' "$D/urls"
cat > "$D/xxe.opml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE opml [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<opml version="2.0"><body>
<outline type="rss" text="&xxe;" xmlUrl="https://example.net/xxe"/>
</body></opml>
EOF
"$AKHBAR" -u "$D/urls" --import-opml "$D/xxe.opml" 2> "$D/err.xxe"
check "external entity refused, not expanded" \
    sh -c "! grep -q 'root:' '$D/urls' && grep -q external.entity $D/err.xxe"
check "duplicate skipped" test "$(grep -c 'existing.example' "$D/urls")" -eq 1
check "bad scheme skipped and reported" grep -q "javascript" "$D/err"

"$AKHBAR" -u "$D/urls" --import-opml "$D/in.opml" 2> /dev/null
check "re-import adds nothing" test "$(grep -c '^http' "$D/urls")" -eq 5

"$AKHBAR" -u "$D/urls" --export-opml > "$D/out.opml"
check "export exits 0" test $? -eq 0
check "export is well-formed XML" xmllint --noout --nonet "$D/out.opml"
check "export escapes &" grep -q 'reuters?a=1&amp;b=2' "$D/out.opml"
check "export escapes quotes" grep -q 'Reuters &quot;World&quot; &amp; Co' \
    "$D/out.opml"

: > "$D/urls2"
"$AKHBAR" -u "$D/urls2" --import-opml "$D/out.opml" 2> /dev/null
grep '^http' "$D/urls" > "$D/a"
grep '^http' "$D/urls2" > "$D/b"
same "export then import gives the same urls" "$D/a" "$D/b"

printf 'not xml at all <' > "$D/bad.opml"
"$AKHBAR" -u "$D/urls" --import-opml "$D/bad.opml" 2> "$D/err"
check "bad OPML fails with exit 1" test $? -eq 1
check "bad OPML: reason given" grep -q "not OPML" "$D/err"
"$AKHBAR" -u "$D/urls" --import-opml 2> /dev/null
check "--import-opml without FILE exits 2" test $? -eq 2
"$AKHBAR" -u "$D/urls" --export-opml > /dev/full 2> /dev/null
check "--export-opml reports write errors" test $? -eq 1
"$AKHBAR" -u "$D/nested/dir/urls" --import-opml "$D/in.opml" 2> /dev/null
check "import creates the urls file and its directory" \
    test "$(grep -c '^http' "$D/nested/dir/urls")" -eq 5
