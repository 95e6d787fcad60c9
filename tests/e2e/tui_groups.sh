#!/bin/sh
# Highlight groups (`highlight WORD... -- COLOURS` in the config): the
# layout engine records which group matched each cell, so --dump --color
# always and the reader give each group its own colours, in the article
# and in the list's titles alike.
. "$TOP/tests/lib.sh"

W=$TMP/groups
rm -rf "$W"
mkdir -p "$W/config/akhbar" "$W/home"
cat > "$W/config/akhbar/config" <<'EOF'
highlight Cairo القاهرة -- red
highlight budget -- blue
EOF
printf 'Talks in Cairo on the budget.\n\nمحادثات في القاهرة حول الموازنة.\n' \
    > "$W/story.txt"
ENV="env HOME=$W/home XDG_CONFIG_HOME=$W/config NO_COLOR="
$ENV "$AKHBAR" --dump --color always -w 60 "$W/story.txt" > "$W/out.txt"
esc=$(printf '\033')
check "--dump: the first group's word in its colour (red)" \
    grep -qF "${esc}[0;31mCairo" "$W/out.txt"
check "--dump: the second group's word in its colour (blue)" \
    grep -qF "${esc}[0;34mbudget" "$W/out.txt"
word=$(printf 'القاهرة\n' | "$AKHBAR" --dump --color never -w 20 - |
    sed 's/^ *//;s/ *$//')
check "--dump: an Arabic group word in the group's colour, shaped" \
    grep -qF "${esc}[0;31m$word" "$W/out.txt"
sed "s/$esc\[[0-9;]*m//g" "$W/out.txt" > "$W/plain.txt"
$ENV "$AKHBAR" --dump --color never -w 60 "$W/story.txt" > "$W/never.txt"
same "--dump: without the SGR sequences, the --color never output" \
    "$W/never.txt" "$W/plain.txt"
# Without the config the words are not highlighted at all.
env HOME="$W/home" XDG_CONFIG_HOME="$W/none" "$AKHBAR" --dump \
    --color always -w 60 "$W/story.txt" > "$W/nocfg.txt"
check "--dump: no config, no group colours" \
    sh -c "! grep -qF '${esc}[0;31m' '$W/nocfg.txt'"
