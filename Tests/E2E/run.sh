#!/usr/bin/env bash
# End-to-end tests: the real authpi-console binary in tmux against a real authpi-emulator process.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product authpi-console >/dev/null && swift build --product authpi-emulator >/dev/null
bin=$(swift build --show-bin-path)
venv=.build/e2e-venv
if [ ! -x "$venv/bin/pytest" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check pytest wcwidth
fi
export AUTHPI_CONSOLE_BIN="$bin/authpi-console" AUTHPI_EMULATOR_BIN="$bin/authpi-emulator"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
exec "$venv/bin/pytest" -q -p no:cacheprovider Tests/E2E "$@"
