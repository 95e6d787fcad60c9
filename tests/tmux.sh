# Sourced by the end-to-end tests of the reader, after tests/lib.sh: a
# private tmux server to run akhbar in, and polling helpers. The caller
# sets SOCK (socket name), W (work folder) and ENVS (environment for
# akhbar); EXTRA may add more at each start.
command -v tmux >/dev/null 2>&1 || { notok "tmux is not installed"; exit 1; }
mkdir -p "$W"
# No status line: the window is exactly the size asked for.
printf 'set -g status off\n' > "$W/tmux.conf"
TM="tmux -L $SOCK -f $W/tmux.conf"
trap '$TM kill-server 2>/dev/null; exit' EXIT INT TERM

# start W H COMMAND-ARGS...: a fresh tmux server running akhbar.
start() {
	sw=$1; sh=$2; shift 2
	$TM kill-server 2>/dev/null
	# A server that is still going away can refuse the new session.
	for try in 1 2 3 4 5; do
		sleep 0.1
		$TM new-session -d -x "$sw" -y "$sh" "env $ENVS $EXTRA \
		    $AKHBAR $*; echo AKHBAR-EXITED \$?; sleep 30" \
		    2>/dev/null && break
	done
}

cap() { $TM capture-pane -p "$@"; }

# wait_for TEXT: poll the screen until TEXT shows (5 s at most).
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		cap | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# wait_gone TEXT: poll until TEXT is no longer on the screen.
wait_gone() {
	i=0
	while [ $i -lt 50 ]; do
		cap | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# snap: the screen with its colours, and the cursor position.
snap() { $TM capture-pane -p -e; $TM display -p '#{cursor_x},#{cursor_y}'; }

# The helpers below keep their variables under _tm_: a test's own
# variables (n, prev...) must survive a key press.

# settle: wait until two snapshots 0.05 s apart are the same (2 s at
# most: a screen that keeps moving, a refresh in progress, goes on).
settle() {
	_tm_prev=$(snap)
	_tm_n=0
	while [ $_tm_n -lt 40 ]; do
		sleep 0.05
		_tm_now=$(snap)
		[ "$_tm_now" = "$_tm_prev" ] && return 0
		_tm_prev=$_tm_now
		_tm_n=$((_tm_n + 1))
	done
}

# keys KEY...: send the keys, wait until the screen changes (5 s at
# most), then until it settles. A screen that does not change within
# the deadline is a missing redraw: a "not ok" line. Keys that may well
# change nothing (at the end of a list, a second press) use
# keys_nochange.
keys() {
	_tm_before=$(snap)
	$TM send-keys "$@"
	_tm_n=0
	while [ $_tm_n -lt 250 ]; do
		if [ "$(snap)" != "$_tm_before" ]; then
			settle
			return 0
		fi
		sleep 0.02
		_tm_n=$((_tm_n + 1))
	done
	notok "keys $*: the screen changed"
	return 1
}

# keys_nochange KEY...: send keys that may leave the screen as it is,
# and give the reader the time to act on them.
keys_nochange() { $TM send-keys "$@"; sleep 0.1; settle; }
