#!/usr/bin/env bash
# Fuzzes the real authpi-emulator process with schemathesis against its own /openapi.json, then checks
# that no secret used during the run shows up in anything the emulator printed or logged.
#
#   Tests/Schemathesis/run.sh                 # what `scripts/test schemathesis` runs (about 2-3 min)
#   EXAMPLES=100 SEED=1 Tests/Schemathesis/run.sh   # heavier / another seed
#
# Per phase (examples, coverage, fuzzing) the emulator is reset to its seed first, so one phase's
# deletes do not starve the next. Checks: not_a_server_error, status_code_conformance,
# content_type_conformance, response_headers_conformance, response_schema_conformance,
# unsupported_method (405 for undocumented methods), allow_header_conformance, ignored_auth (401
# without credentials), plus max_response_time. Exit 0 only when every phase and the secrets check pass and the emulator is
# still alive at the end and exits 0 on SIGTERM.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$root/.build/schemathesis
venv=$work/venv
version=4.32.5
examples=${EXAMPLES:-8}
seed=${SEED:-20261129}
mkdir -p "$work"

if [ ! -x "$venv/bin/schemathesis" ] || ! "$venv/bin/pip" show schemathesis 2>/dev/null | grep -qx "Version: $version"; then
    echo "installing schemathesis $version into $venv"
    python3 -m venv "$venv" || exit 1
    "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$version" || exit 1
fi

stage_start=$(date +%s)
if [ -x "${EMULATOR_BIN:-}" ]; then
    bin=$EMULATOR_BIN   # scripts/test passes the release build it made once
else
    swift build --product authpi-emulator >"$work/build.log" 2>&1 || { tail -n 50 "$work/build.log"; exit 1; }
    bin="$(swift build --show-bin-path)/authpi-emulator"
fi

log=$work/emulator.log
"$bin" --port 0 --seed demo --idle-timeout 30 >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null; }
trap cleanup EXIT
url=""
for _ in $(seq 1 100); do
    url=$(sed -n 's/^AuthPI emulator listening on //p' "$log")
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
[ -n "$url" ] || { echo "the emulator did not start:"; cat "$log"; exit 1; }
echo "emulator $url (pid $pid); schemathesis $version, $examples examples per operation, seed $seed"

failed=0
start=$(date +%s)
for phase in examples coverage fuzzing; do
    "$venv/bin/python" -c "import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1] + '/_emulator/reset', method='POST'), timeout=10)" "$url" \
        || { echo "reset failed"; failed=1; break; }
    echo "--- phase: $phase"
    # One worker: the coverage phase of this schemathesis release is not thread-safe (a hypothesis
    # "AST constructor recursion depth mismatch" runtime error with two workers).
    "$venv/bin/schemathesis" run "$url/openapi.json" --url "$url" \
        --auth key_demo:demo_secret \
        --phases "$phase" --max-examples "$examples" --seed "$seed" --workers 1 --no-shrink \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,unsupported_method,allow_header_conformance,ignored_auth \
        --max-response-time 5 --request-timeout 10 \
        --report junit --report-junit-path "$work/junit-$phase.xml" \
        >"$work/schemathesis-$phase.log" 2>&1
    rc=$?
    sed -n '/SUMMARY/,$p' "$work/schemathesis-$phase.log" | grep -E "Tested|generated|passed|failed|Error|error|in [0-9.]+s" | sed 's/^/  /'
    if [ $rc -ne 0 ]; then
        failed=1
        echo "phase $phase FAILED (exit $rc); details: $work/schemathesis-$phase.log"
        sed -n '/FAILURES/,/SUMMARY/p' "$work/schemathesis-$phase.log" | head -n 120
    fi
done
echo "schemathesis phases took $(( $(date +%s) - start )) s"

if ! kill -0 "$pid" 2>/dev/null; then
    echo "the emulator died during the run:"; tail -n 40 "$log"; exit 1
fi
# Uses the demo secret, a new API key's secret and an access token, greps the request log and error
# bodies, then stops the emulator (SIGTERM) and greps its whole stdout/stderr.
"$venv/bin/python" Tests/Schemathesis/secrets_check.py "$url" "$log" "$pid" || failed=1
kill -TERM "$pid" 2>/dev/null   # already stopped by the check, unless it failed early
wait "$pid"; status=$?
trap - EXIT
[ $status -eq 0 ] || { echo "the emulator exited $status on SIGTERM"; failed=1; }

if [ $failed -ne 0 ]; then echo "schemathesis stage: FAILED"; exit 1; fi
echo "schemathesis stage: passed in $(( $(date +%s) - stage_start )) s"
