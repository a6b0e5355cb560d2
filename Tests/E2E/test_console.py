"""End-to-end: the real authpi-console in tmux against a real authpi-emulator process."""
import os
import subprocess

from emulator_process import CONSOLE, Emulator  # noqa: F401
from tmux_driver import Tmux

USER = "usr_a5bd1e995"


def user_path(emulator):
    return f"/v1/accounts/acc_demo/issuers/{emulator.first_issuer_id}/users/{USER}"


def open_first_users_sessions(t, emulator):
    t.wait_for(r"Issuers \(\d+\)")
    t.wait_for(emulator.first_issuer_id)
    t.send("Enter")
    t.wait_for(r"Users \(\d+\+?\)")
    t.wait_for(r"minjun\.choi0")
    t.send("Enter")
    t.wait_for(r"sessions\s+\d+")
    t.send("Tab")
    t.wait_for(r"Sessions \(\d+\)")
    t.wait_for(r"ses_")


def test_browse_and_revoke_a_session_with_confirmation(console_factory, emulator):
    t = console_factory()
    open_first_users_sessions(t, emulator)
    screen = t.screen()
    assert "▶ ses_" in screen and "active" in screen
    t.send("x")
    t.wait_for(r"Revoke session ses_")
    t.send("y")
    t.wait_for(r"Revoked 1 session")
    t.wait_for(r"▶ ses_\S+\s+revoked")
    status, body = emulator.request("GET", f"{user_path(emulator)}/sessions")
    assert status == 200
    assert sum(1 for s in body["data"] if s["status"] == "revoked") >= 1
    # Back goes up one pane and keeps its position.
    t.send("Escape")
    t.wait_for(r"› minjun\.choi0\S*\s*$|sessions\s+\d+")


def test_mark_and_bulk_revoke(console_factory, emulator):
    t = console_factory()
    open_first_users_sessions(t, emulator)
    _, before = emulator.request("GET", f"{user_path(emulator)}/sessions")
    active = [s["id"] for s in before["data"] if s["status"] == "active"]
    # Mark the first and the last row.
    t.send("Space")
    t.send("G")
    t.send("Space")
    t.wait_for(r"(?s)●.*●")
    t.send("x")
    t.wait_for(r"Revoke 2 marked sessions")
    t.send("y")
    t.wait_for(r"Revoked 2 sessions|Revoked 1 session|failed")
    _, after = emulator.request("GET", f"{user_path(emulator)}/sessions")
    revoked = {s["id"] for s in after["data"] if s["status"] == "revoked"}
    first, last = before["data"][0]["id"], before["data"][-1]["id"]
    for sid in (first, last):
        if sid in active:
            assert sid in revoked


def test_edit_user_then_resolve_a_real_etag_conflict(console_factory, emulator):
    t = console_factory()
    t.wait_for(emulator.first_issuer_id)
    t.send("Enter")
    t.wait_for(r"minjun\.choi0")
    t.send("e")
    t.wait_for(r"Edit minjun\.choi0")
    t.send("Tab")  # display name
    t.send(" (console)", literal=True)
    # A second client changes the same user meanwhile: the form's ETag is now stale.
    status, _ = emulator.request("PATCH", user_path(emulator), {"profile": {"display_name": "Changed Elsewhere"}})
    assert status == 200
    t.send("Enter")
    t.wait_for(r"Conflict: minjun\.choi0")
    screen = t.screen()
    assert "Changed Elsewhere" in screen and "(console)" in screen
    assert "412" in screen
    # Cancel keeps the form with my input; then overwrite from the conflict.
    t.send("c")
    t.wait_for(r"Edit minjun\.choi0")
    assert "(console)" in t.screen()
    t.send("Enter")
    t.wait_for(r"Conflict: minjun\.choi0")
    t.send("o")
    t.wait_for(r"Saved minjun\.choi0")
    _, body = emulator.request("GET", user_path(emulator))
    assert body["data"]["profile"]["display_name"].endswith("(console)")
    t.wait_for(r"\(console\)")


def test_filter_help_and_palette(console_factory, emulator):
    t = console_factory()
    t.wait_for(emulator.first_issuer_id)
    t.send("Enter")
    t.wait_for(r"zofia\.wojcik1")
    t.send("/")
    t.send("Zofia", literal=True)
    t.send("Enter")
    t.wait_for(r"/filter: Zofia")
    # Users: text scans the whole list (issue 11, item 1: the loaded rows held 1 of the 5 matches).
    t.wait_for(r"matches · all [\d,]+ users scanned", timeout=30)
    t.wait_for(r"Users \([2-9]\)")
    assert "minjun.choi0" not in t.screen()
    # Esc clears an applied filter first, and stays on the pane.
    t.send("Escape")
    t.wait_for(r"/filter: Zofia", absent=True)
    t.wait_for(r"minjun\.choi0")
    assert "Users (" in t.screen()
    t.send("?")
    t.wait_for(r"Help — Users")
    t.send("revoke", literal=True)  # help is searchable
    t.wait_for(r"search: revoke")
    t.send("Escape")
    t.wait_for(r"Help — Users", absent=True)
    t.send(":")
    t.send("web", literal=True)
    t.send("Tab")
    t.wait_for(r":webhooks")
    t.send("Enter")
    t.wait_for(r"Webhooks \(\d+\)")
    t.wait_for(r"wh_demo_primary")


def test_resize_to_20x5_and_back(console_factory, emulator):
    t = console_factory()
    t.wait_for(emulator.first_issuer_id)
    t.resize(20, 5)
    t.wait_for(r"(?i)too small")
    t.resize(100, 30)
    t.wait_for(emulator.first_issuer_id)
    t.wait_for(r"Issuers \(\d+\)")
    t.send("q")
    assert t.wait_exit_marker() == 0


def test_quit_restores_the_terminal(console_factory, emulator):
    t = console_factory()
    t.wait_for(emulator.first_issuer_id)
    # Started without --account-id: the header names the account GET /v1/me reports, not "me".
    t.wait_for(r"AuthPI · acc_demo · ")
    assert t.alternate_screen()
    t.send("q")
    assert t.wait_exit_marker() == 0
    assert not t.alternate_screen()


def test_ctrl_c_and_sigterm_restore_the_terminal(console_factory, emulator):
    t = console_factory()
    t.wait_for(emulator.first_issuer_id)
    t.send("C-c")  # raw mode: Ctrl-C is a key that quits like q (nothing unsaved here)
    assert t.wait_exit_marker() == 0
    assert not t.alternate_screen()
    t2 = console_factory()
    t2.wait_for(emulator.first_issuer_id)
    t2.signal_program("TERM")
    t2.wait_for(r"CONSOLE-EXIT=\d+")
    assert not t2.alternate_screen()


def test_dead_server_opens_at_once_with_a_banner():
    # The account is named: the console opens on Issuers at once (without one it would ask GET /v1/me first).
    t = Tmux(f"{CONSOLE} --base-url http://127.0.0.1:9 --account-id acc_demo; echo CONSOLE-EXIT=$?; sleep 30",
             env={"AUTHPI_API_KEY": "key_demo:demo_secret"})
    try:
        t.wait_for(r"Issuers", timeout=3)
        t.wait_for(r"127\.0\.0\.1", timeout=10)
        t.wait_for(r"✖|⚠", timeout=20)
        t.send("q")
        assert t.wait_exit_marker() == 0
    finally:
        t.kill()


def test_missing_credentials_exit_2_before_the_screen():
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTHPI_")}
    env["HOME"] = "/nonexistent-home"
    t = Tmux(f"env -u AUTHPI_API_KEY {CONSOLE} --base-url http://127.0.0.1:9; echo CONSOLE-EXIT=$?; sleep 30",
             env={"HOME": "/nonexistent-home", "XDG_CONFIG_HOME": "/nonexistent-home"})
    try:
        screen = t.wait_for(r"CONSOLE-EXIT=\d+")
        assert "CONSOLE-EXIT=2" in screen
        assert "AUTHPI_API_KEY" in screen
    finally:
        t.kill()


def test_not_a_terminal_is_a_clear_error():
    proc = subprocess.run([CONSOLE, "--demo"], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert "not a terminal" in proc.stderr


def test_secrets_never_reach_the_screen(console_factory, emulator):
    t = console_factory()
    t.wait_for(emulator.first_issuer_id)
    t.send("d")
    t.wait_for(r"\"id\"")
    assert "demo_secret" not in t.screen()


def test_palette_switches_profile_in_place(emulator, tmp_path):
    config_dir = tmp_path / "authpi"
    config_dir.mkdir()
    config = config_dir / "config.toml"
    config.write_text(
        f'[profiles.alpha]\nbase_url = "{emulator.base_url}"\napi_key_id = "key_demo"\napi_key_secret = "demo_secret"\n\n'
        f'[profiles.beta]\nbase_url = "{emulator.base_url}"\napi_key = "key_demo:demo_secret"\nread_only = true\n')
    config.chmod(0o600)
    t = Tmux(f"{CONSOLE} --profile alpha; echo CONSOLE-EXIT=$?; sleep 30",
             env={"XDG_CONFIG_HOME": str(tmp_path)})
    try:
        t.wait_for(r"· alpha")
        t.wait_for(emulator.first_issuer_id)
        # A profile that does not exist costs a banner, not the session.
        t.send(":")
        t.send("profile nope", literal=True)
        t.send("Enter")
        t.wait_for(r"Cannot switch to profile nope")
        t.wait_for(r"no profile 'nope'")
        t.send(":")
        t.send("profile beta", literal=True)
        t.send("Enter")
        t.wait_for(r"· beta · read-only")
        t.wait_for(emulator.first_issuer_id)
        t.send("q")
        assert t.wait_exit_marker() == 0
        assert not t.alternate_screen()
    finally:
        t.kill()
