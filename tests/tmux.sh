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

keys() { $TM send-keys "$@"; sleep 0.15; }
