#!/usr/bin/env bash
# End-to-end tests: the real authpi-console binary in tmux against a real authpi-emulator process.
# The binaries are the release build (what users install): scripts/test builds them once and passes them in
# AUTHPI_CONSOLE_BIN / AUTHPI_EMULATOR_BIN; run alone, this builds them (E2E_CONFIG=debug for a quicker loop).
set -euo pipefail
cd "$(dirname "$0")/../.."
config=${E2E_CONFIG:-release}
if [ -x "${AUTHPI_CONSOLE_BIN:-}" ] && [ -x "${AUTHPI_EMULATOR_BIN:-}" ]; then
    console_bin=$AUTHPI_CONSOLE_BIN emulator_bin=$AUTHPI_EMULATOR_BIN
else
    swift build -c "$config" --product authpi-console >/dev/null && swift build -c "$config" --product authpi-emulator >/dev/null
    bin=$(swift build -c "$config" --show-bin-path)
    console_bin=$bin/authpi-console emulator_bin=$bin/authpi-emulator
fi
venv=.build/e2e-venv
if [ ! -x "$venv/bin/pytest" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check pytest wcwidth
fi
echo "e2e: $console_bin"
export AUTHPI_CONSOLE_BIN="$console_bin" AUTHPI_EMULATOR_BIN="$emulator_bin"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
exec "$venv/bin/pytest" -q -p no:cacheprovider Tests/E2E "$@"
