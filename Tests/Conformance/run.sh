#!/usr/bin/env bash
# Conformance: drives the official Python SDK (authpi-admin 1.4.0 and 0.3.0, from PyPI) against a
# running authpi-emulator. Exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/.build/conformance"
PYTHON="${PYTHON:-python3}"
VERSIONS=("1.4.0" "0.3.0")
mkdir -p "$WORK"

for version in "${VERSIONS[@]}"; do
    venv="$WORK/venv-$version"
    if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import authpi_admin, pytest" 2>/dev/null; then
        echo "conformance: creating $venv"
        "$PYTHON" -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check "authpi-admin==$version" pytest
    fi
done

if [ -z "${EMULATOR_BIN:-}" ]; then
    (cd "$ROOT" && swift build --product authpi-emulator 2>&1 | grep -E "error|warning: " || true)
    EMULATOR_BIN="$(cd "$ROOT" && swift build --product authpi-emulator --show-bin-path)/authpi-emulator"
fi
[ -x "$EMULATOR_BIN" ] || { echo "conformance: emulator binary not found at $EMULATOR_BIN" >&2; exit 1; }

bash "$ROOT/Tests/Conformance/cli_test.sh" "$EMULATOR_BIN"

LOG="$WORK/emulator.log"
"$EMULATOR_BIN" --port 0 >"$LOG" 2>&1 &
EMULATOR_PID=$!
trap 'kill "$EMULATOR_PID" 2>/dev/null || true; wait "$EMULATOR_PID" 2>/dev/null || true' EXIT

URL=""
for _ in $(seq 1 300); do
    URL="$(sed -n 's/^AuthPI emulator listening on \(http:[^ ]*\)$/\1/p' "$LOG" | head -1)"
    [ -n "$URL" ] && break
    kill -0 "$EMULATOR_PID" 2>/dev/null || { echo "conformance: emulator exited:" >&2; cat "$LOG" >&2; exit 1; }
    sleep 0.1
done
[ -n "$URL" ] || { echo "conformance: emulator did not report its address" >&2; cat "$LOG" >&2; exit 1; }
echo "conformance: emulator at $URL"

status=0
for version in "${VERSIONS[@]}"; do
    echo "conformance: authpi-admin $version"
    curl -fsS -X POST "$URL/_emulator/reset" >/dev/null
    if ! AUTHPI_EMULATOR_URL="$URL" AUTHPI_SDK_VERSION="$version" \
        "$WORK/venv-$version/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/Tests/Conformance" "$@"; then
        status=1
    fi
done
exit $status
