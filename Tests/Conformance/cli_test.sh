#!/usr/bin/env bash
# The executable's contract: --help / -h (exit 0), the ready line, exit codes 2 (bad flags) and 1 (port in use),
# graceful SIGTERM.
set -uo pipefail
BIN="$1"
fail() { echo "cli_test: $*" >&2; exit 1; }

for flag in --help -h; do
    "$BIN" $flag >/tmp/cli_help.$$ 2>/tmp/cli_err.$$; code=$?
    [ $code -eq 0 ] || fail "$flag exit code $code, want 0 ($(head -c 300 /tmp/cli_err.$$))"
    grep -q "USAGE: authpi-emulator" /tmp/cli_help.$$ || fail "$flag: no usage on stdout"
    grep -q -- "--compat" /tmp/cli_help.$$ || fail "$flag: --compat is not described"
    grep -q "Can't read a value" /tmp/cli_help.$$ /tmp/cli_err.$$ && fail "$flag: argument parser error"
done
rm -f /tmp/cli_help.$$
"$BIN" --compat 0.4 >/dev/null 2>/tmp/cli_err.$$; code=$?
[ $code -eq 2 ] || fail "--compat 0.4 exit code $code, want 2"
grep -q -- "--compat must be 0.3" /tmp/cli_err.$$ || fail "--compat 0.4: unclear message"

"$BIN" --port nope >/dev/null 2>/tmp/cli_err.$$; code=$?
[ $code -eq 2 ] || fail "bad flag exit code $code, want 2"
grep -q "Usage" /tmp/cli_err.$$ || fail "bad flag: no usage on stderr"
"$BIN" --seed bogus >/dev/null 2>&1; [ $? -eq 2 ] || fail "--seed bogus must exit 2"
"$BIN" --users 2000000 >/dev/null 2>&1; [ $? -eq 2 ] || fail "--users 2000000 must exit 2"
"$BIN" --fault 'GET /x notastatus' >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad --fault must exit 2"

out=/tmp/cli_out.$$
"$BIN" --port 0 --seed empty >"$out" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 200); do
    url="$(sed -n 's/^AuthPI emulator listening on \(http:[^ ]*\)$/\1/p' "$out")"
    [ -n "$url" ] && break
    sleep 0.05
done
[ -n "$url" ] || { kill $pid; fail "no ready line"; }
[ "$(wc -l <"$out")" -eq 1 ] || { kill $pid; fail "more than one line on stdout"; }
port="${url##*:}"

"$BIN" --port "$port" >/dev/null 2>/tmp/cli_err.$$; code=$?
[ $code -eq 1 ] || { kill $pid; fail "port in use exit code $code, want 1"; }
grep -q "address already in use" /tmp/cli_err.$$ || { kill $pid; fail "port in use: unclear message"; }

kill -TERM $pid
for _ in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.05; done
kill -0 $pid 2>/dev/null && { kill -9 $pid; fail "did not stop on SIGTERM"; }
wait $pid; code=$?
[ $code -eq 0 ] || fail "SIGTERM exit code $code, want 0"
rm -f /tmp/cli_err.$$ "$out"
echo "cli_test: ok"
