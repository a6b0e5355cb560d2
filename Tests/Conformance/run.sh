#!/usr/bin/env bash
# Conformance: drives the official Python SDK (authpi-admin 1.4.0 and 0.3.0, from PyPI) against running
# authpi-emulator processes: 1.4.0 against the default (real-API) emulator, 0.3.0 against `--compat 0.3`.
# Exits non-zero on any failure.
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

# Two emulators: the default one answers like the real API (1.4.0's contract); `--compat 0.3` also accepts the
# seed SDK's forms. 1.4.0 runs against the default one; 0.3.0 against the compat one, and its calls are also
# sent to the default one to show they fail there as on the real API.
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done' EXIT

start_emulator() {  # NAME ARGS... → sets STARTED_URL
    local name="$1"; shift
    local log="$WORK/emulator-$name.log"
    "$EMULATOR_BIN" --port 0 "$@" >"$log" 2>&1 &
    local pid=$!
    PIDS+=("$pid")
    STARTED_URL=""
    for _ in $(seq 1 300); do
        STARTED_URL="$(sed -n 's/^AuthPI emulator listening on \(http:[^ ]*\)$/\1/p' "$log" | head -1)"
        [ -n "$STARTED_URL" ] && break
        kill -0 "$pid" 2>/dev/null || { echo "conformance: emulator ($name) exited:" >&2; cat "$log" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "$STARTED_URL" ] || { echo "conformance: emulator ($name) did not report its address" >&2; cat "$log" >&2; exit 1; }
    echo "conformance: emulator ($name) at $STARTED_URL"
}

start_emulator default
DEFAULT_URL="$STARTED_URL"
start_emulator compat-0.3 --compat 0.3
COMPAT_URL="$STARTED_URL"

status=0
for version in "${VERSIONS[@]}"; do
    case "$version" in
        0.*) url="$COMPAT_URL" ;;
        *) url="$DEFAULT_URL" ;;
    esac
    echo "conformance: authpi-admin $version against $url"
    if ! AUTHPI_EMULATOR_URL="$url" AUTHPI_DEFAULT_EMULATOR_URL="$DEFAULT_URL" AUTHPI_SDK_VERSION="$version" \
        "$WORK/venv-$version/bin/python" -m pytest -q -rs -p no:cacheprovider "$ROOT/Tests/Conformance" "$@"; then
        status=1
    fi
done
exit $status
