#!/bin/sh
# exec: source that never finishes in time: it and its child must be
# killed. The child's pid goes to $SLOW_PIDFILE for the test to check.
echo '<rss version="2.0"><channel><title>slow</title>'
sleep 30 &
[ -n "$SLOW_PIDFILE" ] && echo $! > "$SLOW_PIDFILE"
wait
