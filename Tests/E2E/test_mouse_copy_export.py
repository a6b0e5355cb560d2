"""End-to-end: the mouse (SGR 1006 reports typed into tmux), OSC 52 copies reaching tmux's buffer, and :export
with its progress line, Esc and the partial file, in the real authpi-console against a real emulator."""
import json
import os
import time

import pytest

from emulator_process import Emulator
from tmux_driver import Tmux  # noqa: F401

USERS_LIST = "/v1/accounts/*/issuers/*/users"


def sgr(button, x, y, release=False):
    """An SGR mouse report at 0-based cell (x, y), as a terminal sends it."""
    return f"\x1b[<{button};{x + 1};{y + 1}{'m' if release else 'M'}"


def click(t, x, y):
    t.send(sgr(0, x, y) + sgr(0, x, y, release=True), literal=True)


def selected_line(t):
    lines = t.screen().splitlines()
    return next((i for i, line in enumerate(lines) if line.startswith("│▶")), None)


def wait_selected(t, line, timeout=5.0):
    """Waits until the selection marker is on screen line `line`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if selected_line(t) == line:
            return
        time.sleep(0.05)
    raise AssertionError(f"selection not on line {line}; screen was:\n{t.screen()}")


def flags(t, *names):
    return t._tmux("display-message", "-p", "-t", t.session, " ".join(f"#{{{n}}}" for n in names)).stdout.split()


def wait_flags(t, names, expected, timeout=5.0):
    """Waits (bounded) until tmux reports the pane's mouse modes as expected."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if flags(t, *names) == expected:
            return
        time.sleep(0.05)
    assert flags(t, *names) == expected


def test_mouse_wheel_click_double_click_and_breadcrumb(console_factory, emulator):
    t = console_factory(cols=110, rows=30)
    t.wait_for(emulator.first_issuer_id)
    # The console asked for button reports (1000) in SGR encoding (1006), not for motion.
    wait_flags(t, ["mouse_standard_flag", "mouse_sgr_flag", "mouse_all_flag"], ["1", "1", "0"])
    wait_selected(t, 4)
    t.send(sgr(65, 10, 6), literal=True)  # wheel down: three rows
    wait_selected(t, 4 + min(3, len(emulator.issuer_ids) - 1))
    t.send(sgr(64, 10, 6), literal=True)  # wheel up
    wait_selected(t, 4)
    click(t, 20, 5)  # the second row
    wait_selected(t, 5)
    # Two clicks on the same row at once: a double-click opens it.
    t.send(sgr(0, 20, 5) + sgr(0, 20, 5, release=True) + sgr(0, 20, 5) + sgr(0, 20, 5, release=True), literal=True)
    t.wait_for(r"Users \(\d")
    # A click on the first crumb ("Issuers") goes back, keeping the selection.
    click(t, 3, 1)
    t.wait_for(r"Issuers \(\d")
    wait_selected(t, 5)


def test_no_mouse_flag_leaves_the_mouse_to_the_terminal(console_factory, emulator):
    t = console_factory(args="--no-mouse")
    t.wait_for(emulator.first_issuer_id)
    assert flags(t, "mouse_standard_flag", "mouse_sgr_flag") == ["0", "0"]
    t.send("q")
    t.wait_for(r"CONSOLE-EXIT=0")


def test_mouse_mode_is_turned_off_on_exit(console_factory, emulator):
    t = console_factory()
    t.wait_for(emulator.first_issuer_id)
    wait_flags(t, ["mouse_standard_flag", "mouse_sgr_flag"], ["1", "1"])
    t.send("q")
    t.wait_for(r"CONSOLE-EXIT=0")
    wait_flags(t, ["mouse_standard_flag", "mouse_sgr_flag"], ["0", "0"])


def test_copy_id_and_row_json_reach_tmux_through_osc52(console_factory, emulator):
    t = console_factory(cols=110)
    t._tmux("set-option", "-s", "set-clipboard", "on")
    t.wait_for(emulator.first_issuer_id)
    t.send("y")
    t.wait_for(r"Copied — \S+ \(OSC 52; your terminal must allow it\)")
    assert t._tmux("show-buffer").stdout == emulator.first_issuer_id
    t.send("Y")
    t.wait_for(r"as JSON \(OSC 52")
    row = json.loads(t._tmux("show-buffer").stdout)
    assert row.get("id") == emulator.first_issuer_id
    assert not [k for k in row if k.endswith("_hash") or "secret" in k]


@pytest.fixture
def big_emulator():
    emu = Emulator(users=20000)
    yield emu
    emu.stop()


def test_export_progress_escape_leaves_a_named_partial_file(big_emulator, tmp_path):
    emu = big_emulator
    t = Tmux(f"{os.environ.get('AUTHPI_CONSOLE_BIN', '.build/debug/authpi-console')} --base-url {emu.base_url}; "
             "echo CONSOLE-EXIT=$?; sleep 30", cols=110, rows=30, cwd=str(tmp_path),
             env={"AUTHPI_API_KEY_ID": "key_demo", "AUTHPI_API_KEY_SECRET": "demo_secret"})
    try:
        t.wait_for(emu.first_issuer_id)
        t.send("Enter")
        t.wait_for(r"Users \(")
        emu.control("POST", "/_emulator/faults", {"method": "GET", "path": USERS_LIST, "delay_ms": 100, "count": 1000})
        t.send(":")
        t.send("export users.csv", literal=True)
        t.send("Enter")
        t.wait_for(r"Exporting to users\.csv — [1-9][\d,]* rows · \d+ pages · [\d,]+ rows/s · Esc cancels", timeout=20)
        t.send("Escape")
        t.wait_for(r"Export cancelled: [\d,]+ complete rows in users\.csv\.partial", timeout=20)
        assert not (tmp_path / "users.csv").exists()
        data = (tmp_path / "users.csv.partial").read_bytes()
        lines = data.split(b"\r\n")
        assert lines[-1] == b"", "the file ends with a whole row"
        assert lines[0] == b"ID,USERNAME,NAME,STATUS,CREATED"
        rows = len(lines) - 2
        assert 0 < rows < 20000 and rows % 100 == 0
        assert all(line.count(b",") >= 4 for line in lines[1:-1])
        # Without the delay, the export finishes: renamed from its partial name, every row there.
        emu.control("DELETE", "/_emulator/faults")
        t.send(":")
        t.send("export all.jsonl", literal=True)
        t.send("Enter")
        t.wait_for(r"Exported 20,000 rows to all\.jsonl", timeout=60)
        assert not (tmp_path / "all.jsonl.partial").exists()
        with open(tmp_path / "all.jsonl", encoding="utf-8") as f:
            assert sum(1 for _ in f) == 20000
        # An existing file is not replaced without asking.
        t.send(":")
        t.send("export all.jsonl", literal=True)
        t.send("Enter")
        t.wait_for(r"Replace all\.jsonl\?")
        t.send("n")
        t.wait_for(r"Replace all\.jsonl\?", absent=True)
    finally:
        t.kill()
