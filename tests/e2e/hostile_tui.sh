#!/bin/sh
# hostile_tui: the interactive reader on a store filled from hostile
# feeds (tests/in/hostile), in tmux at 120x30. No escape sequence gets
# through: the pane title (OSC 0/2) stays, no CSI or OSC text shows, and
# an RLO does not reverse a title ("gnp.exe" shows, "exe.png" does not).
. "$TOP/tests/lib.sh"

command -v tmux >/dev/null 2>&1 || { notok "tmux is not installed"; exit 1; }

H=$TOP/tests/in/hostile
W=$TMP/hostile_tui
SOCK=akhbar-hostile-$$
rm -rf "$W"
mkdir -p "$W/home" "$W/config/akhbar" "$W/data"
printf 'set -g status off\n' > "$W/tmux.conf"
TM="tmux -L $SOCK -f $W/tmux.conf"
trap '$TM kill-server 2>/dev/null; exit' EXIT INT TERM
ENVS="HOME=$W/home XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data LANG=C.UTF-8 LC_ALL="

printf 'file://%s\n' "$H/escapes-all.xml" "$H/escapes-all.json" \
    "$H/paths.xml" > "$W/urls"
"$AKHBAR" -u "$W/urls" -c "$W/cache.db" --refresh > /dev/null 2>&1
check "store filled" test "$(sqlite3 "$W/cache.db" \
    'SELECT count(*) FROM articles')" -eq 15

$TM new-session -d -x 120 -y 30 "env $ENVS $AKHBAR -u $W/urls \
    -c $W/cache.db; sleep 30"
# A pane title of our own; an OSC 0 or 2 that reached tmux would change it.
$TM select-pane -T SAFE
cap() { $TM capture-pane -p; }
i=0
while [ $i -lt 50 ] && ! cap | grep -q 'Paths'; do sleep 0.1; i=$((i + 1)); done
check "TUI shows the feeds" sh -c "$TM capture-pane -p | grep -q Paths"

# Open every feed and every article once: j/Enter through the list.
for k in Enter j Enter j Enter Tab j Enter j Enter j Enter j Enter; do
	$TM send-keys "$k"
	sleep 0.15
done
cap > "$W/screen"
$TM capture-pane -p -e > "$W/screen-e"
title=$($TM display-message -p '#{pane_title}')
check "pane title not changed by OSC 0 in a feed (is '$title')" \
    test "$title" = SAFE
check "no CSI/OSC parameters on the screen" sh -c \
    "! grep -q '\[2J\|\]0;\|52;c;\|8;;http' '$W/screen'"
check "no 'exe.png': an RLO does not reverse a title" sh -c \
    "! grep -q 'exe\.png' '$W/screen'"
check "capture -e holds only SGR sequences" sh -c \
    "! LC_ALL=C grep -q \"\$(printf '\\033')[^[]\" '$W/screen-e' && \
    ! LC_ALL=C grep -q \"\$(printf '\\033')\\[[0-9;]*[^0-9;m]\" '$W/screen-e'"
$TM send-keys q
sleep 0.3
