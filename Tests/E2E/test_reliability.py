"""Reliability end to end: the real authpi-console in tmux (or as a plain process for start-up errors) against a
real authpi-emulator process: the server killed and restarted on the same port, a seeded random-key monkey,
secrets in every output, and bad input at start-up. Every wait is bounded."""
import base64
import os
import random
import subprocess
import time

import pytest

from emulator_process import CONSOLE, Emulator
from tmux_driver import Tmux

DEMO_SECRET = "demo_secret"
DEMO_BASIC = base64.b64encode(b"key_demo:demo_secret").decode()


def key_to_frame(t, key, pattern, timeout=5.0):
    """Seconds from sending a key to its effect on the tmux screen (includes tmux's own latency)."""
    start = time.monotonic()
    t.send(key, pause=0)
    t.wait_for(pattern, timeout=timeout)
    return time.monotonic() - start


def test_server_killed_and_restarted_on_the_same_port(tmp_path):
    emulator = Emulator()
    port = emulator.port
    log = tmp_path / "console.log"
    t = Tmux(f"{CONSOLE} --base-url {emulator.base_url} --log-file {log}; echo CONSOLE-EXIT=$?; sleep 30",
             env={"AUTHPI_API_KEY_ID": "key_demo", "AUTHPI_API_KEY_SECRET": DEMO_SECRET})
    restarted = None
    try:
        t.wait_for(emulator.first_issuer_id)
        t.send("Enter")
        t.wait_for(r"minjun\.choi0")
        emulator.kill()
        # Refresh against a dead server: the rows stay, a banner names the host, keys are answered meanwhile.
        t.send("r")
        gaps = []
        for _ in range(5):
            gaps.append(key_to_frame(t, "?", r"Help — Users"))
            start = time.monotonic()
            t.send("Escape", pause=0)
            t.wait_for(r"Help — Users", absent=True)
            gaps.append(time.monotonic() - start)
        # The refresh's own failure (a user's details may fail first, at once: their connection was cut) puts
        # the rows back on screen.
        t.wait_for(r"Cannot reach 127\.0\.0\.1 while refreshing Users", timeout=90)
        assert "minjun.choi0" in t.screen(), "the loaded rows are back on screen"
        restarted = Emulator(port=port)
        assert restarted.port == port
        t.send("r")
        t.wait_for(r"Cannot reach", absent=True, timeout=30)
        t.wait_for(r"minjun\.choi0")
        t.wait_for(r"Users \(\d+\+?\)")
        print(f"e2e key-to-frame while the server is dead: longest {max(gaps) * 1000:.0f} ms (tmux round trip included)")
        t.send("q")
        assert t.wait_exit_marker() == 0
        assert not t.alternate_screen()
        assert DEMO_SECRET not in log.read_text()
    finally:
        t.kill()
        if restarted:
            restarted.stop()
        elif emulator.proc.poll() is None:
            emulator.stop()


# Keys of the key map and more, as tmux names them. Never q or C-c (they end the run instead of exercising it);
# ':' only through PALETTE below, so that ↓ in the palette cannot pick :quit.
MONKEY_KEYS = ["j", "k", "g", "G", "Enter", "Escape", "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home",
               "End", "Tab", "BTab", "BSpace", "DC", "Space", "/", "?", "d", "e", "r", "x", "s", "a", "R", "D", "X",
               "y", "n", "o", "t", "m", "c", "C-a", "C-e", "C-u", "C-l", "C-k", "C-w"]
PRINTABLE = "abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.@#%&*()[]{}<>,;'\"\\|~`éüß中文😀"
PALETTE = ["issuers", "users", "webhooks", "events", "errors", "zzz", "profile nope", "issuers extra", ""]
SIZES = [(20, 5), (40, 8), (60, 16), (200, 60), (1, 1), (120, 40), (100, 30)]


def wait_until_quiet(t, quiet=1.0, timeout=30.0):
    """Waits (bounded) until the screen has not changed for `quiet` seconds: the console caught up with its input."""
    deadline = time.monotonic() + timeout
    last, since = t.screen(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = t.screen()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
    raise AssertionError("the screen never settled:\n" + last)


def test_monkey_in_tmux_then_quit_restores_the_terminal(console_factory, emulator):
    seed = int(os.environ.get("MONKEY_SEED", random.randrange(1, 2**31)))
    count = int(os.environ.get("MONKEY_KEYS_TMUX", "2500"))
    print(f"tmux monkey: seed {seed}, {count} keys (re-run: MONKEY_SEED={seed} Tests/E2E/run.sh -k monkey)")
    rng = random.Random(seed)
    t = console_factory()
    t.wait_for(emulator.first_issuer_id)
    sent = 0
    started = time.monotonic()
    while sent < count:
        batch = []
        for _ in range(25):
            roll = rng.random()
            if roll < 0.04:
                batch += [":"] + ([PALETTE[rng.randrange(len(PALETTE))]] if rng.random() < 0.9 else []) + ["Enter"]
            elif roll < 0.2:
                batch.append(PRINTABLE[rng.randrange(len(PRINTABLE))])
            else:
                batch.append(MONKEY_KEYS[rng.randrange(len(MONKEY_KEYS))])
        # One literal-safe call per batch: single characters go as key names (tmux sends them as typed).
        keys = ["\\;" if k == ";" else "Space" if k == " " else k for k in batch if k]
        t.send_batch(keys)
        sent += len(batch)
        if rng.random() < 0.08:
            cols, rows = SIZES[rng.randrange(len(SIZES))]
            # tmux may refuse the tiniest sizes; the console must cope with whatever it gets.
            t._tmux("resize-window", "-t", t.session, "-x", str(cols), "-y", str(rows), check=False)
        time.sleep(0.01)
        dead, _ = t.pane_dead()
        assert not dead, f"seed {seed}: the console ended after {sent} keys:\n{t.history()}"
        assert "CONSOLE-EXIT=" not in t.screen(), f"seed {seed}: the console exited after {sent} keys:\n{t.screen()}"
    elapsed = time.monotonic() - started
    # No stuck state: a normal size, then Esc (and y for a "discard changes?" question) until nothing is open,
    # then :issuers must show the Issuers pane.
    t.resize(100, 30)
    wait_until_quiet(t)
    for _ in range(12):
        t.send("Escape", pause=0.15)
        screen = t.screen()
        if "Discard" in screen or "Quit anyway" in screen:
            t.send("y" if "Discard" in screen else "n", pause=0.15)
    # Through the Errors pane first: the start screen is Issuers, so reaching Errors proves every key was read.
    t.send(":", pause=0.05)
    t.send("errors", literal=True)
    t.send("Enter")
    t.wait_for(r"Errors \(\d+\)", timeout=15)
    t.send(":", pause=0.05)
    t.send("issuers", literal=True)
    t.send("Enter")
    t.wait_for(r"Issuers \(\d+\)", timeout=15)
    t.send("q")
    screen = t.screen()
    if "Quit anyway" in screen:
        t.send("y")
    assert t.wait_exit_marker(timeout=20) == 0, f"seed {seed}"
    assert not t.alternate_screen(), f"seed {seed}: the alternate screen was not left"
    assert t.cursor_visible(), f"seed {seed}: the cursor was left hidden"
    print(f"tmux monkey: seed {seed}: {sent} keys in {elapsed:.1f} s, then :issuers and q; exit 0, terminal restored")


def test_secrets_never_in_screen_log_or_stderr(emulator, tmp_path):
    """Key pair, then an access token: screens with error banners (5xx, 429, 401, dropped connection), describe,
    the Errors pane, the debug log file and everything printed after exit, grepped for the secret values."""
    token = emulator.control("POST", "/_emulator/access-tokens", {"account_id": "acc_demo", "ttl_seconds": 600})["access_token"]
    runs = [
        ({"AUTHPI_API_KEY_ID": "key_demo", "AUTHPI_API_KEY_SECRET": DEMO_SECRET}, "", [DEMO_SECRET, DEMO_BASIC]),
        ({"AUTHPI_ACCESS_TOKEN": token}, "--account-id acc_demo", [token]),
    ]
    for env, extra, secrets in runs:
        log = tmp_path / f"console-{len(secrets)}.log"
        t = Tmux(f"{CONSOLE} --base-url {emulator.base_url} --log-file {log} {extra}; echo CONSOLE-EXIT=$?; sleep 30",
                 cols=160, rows=40, env=env)
        captures = []
        try:
            t.wait_for(emulator.first_issuer_id)
            t.send("d")
            t.wait_for(r"\"id\"")
            captures.append(t.screen())
            t.send("Escape")
            for status in (500, 429, 401, 0):
                emulator.control("POST", "/_emulator/faults",
                                 {"method": "GET", "path": "/v1/accounts/*/issuers", "status": status, "count": 8,
                                  "retry_after": 1})
                t.send("r")
                t.wait_for(r"✖|⚠", timeout=30)
                captures.append(t.screen())
                emulator.control("DELETE", "/_emulator/faults")
            if "AUTHPI_ACCESS_TOKEN" in env:
                emulator.control("POST", f"/_emulator/access-tokens/{token}/expire")
                t.send("r")
                t.wait_for(r"Authentication failed", timeout=30)
                captures.append(t.screen())
            t.send(":")
            t.send("errors", literal=True)
            t.send("Enter")
            t.wait_for(r"Errors \(\d+\)")
            captures.append(t.screen())
            t.send("q")
            assert t.wait_exit_marker() == 0
            captures.append(t.history())
        finally:
            t.kill()
        text = log.read_text()
        assert "GET" in text, "the debug log has the requests (so the grep below means something)"
        for secret in secrets:
            for index, capture in enumerate(captures):
                assert secret not in capture, f"capture {index} shows a secret"
            assert secret not in text, "the log file holds a secret"
        _, requests = emulator.request("GET", "/_emulator/requests?limit=500")
        for secret in secrets:
            assert secret not in str(requests), "the emulator's request log holds a secret"


def run_console(args, env=None, stdin=subprocess.DEVNULL):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("AUTHPI_")}
    full_env.update({"HOME": "/nonexistent-home", "XDG_CONFIG_HOME": "/nonexistent-home"})
    full_env.update(env or {})
    return subprocess.run([CONSOLE, *args], stdin=stdin, capture_output=True, text=True, timeout=30, env=full_env)


KEY = {"AUTHPI_API_KEY_ID": "key_demo", "AUTHPI_API_KEY_SECRET": "sekret-value-42"}


@pytest.mark.parametrize("args, env, message", [
    (["--base-url", "not a url"], KEY, "bad base URL 'not a url'"),
    (["--base-url", "ftp://files.example.test"], KEY, "scheme must be https or http, not ftp"),
    (["--base-url", "http://exa mple"], KEY, "bad base URL 'http://exa mple'"),
    (["--base-url", "https://"], KEY, "it has no host"),
    (["--base-url", "http://api.example.test"], KEY, "--allow-insecure-http"),
    (["--base-url", "https://key_demo:sekret-value-42@x.test"], KEY, "credentials in the URL are not allowed"),
    (["--log-file", "/proc/x/y"], KEY, "cannot write the log file /proc/x/y"),
    (["--log-file", "/tmp"], KEY, "cannot write the log file /tmp: Is a directory"),
    (["--refresh-interval", "soon"], KEY, "--refresh-interval"),
    (["--refresh-interval", "0"], KEY, "--refresh-interval must be at least 1 second"),
    (["--refresh-interval", "99999999999999999999"], KEY, "--refresh-interval"),
    (["--no-such-flag"], KEY, "Unknown option '--no-such-flag'"),
    (["--profile", "nope"], KEY, "does not exist (needed for --profile nope)"),
    ([], {"AUTHPI_API_KEY_ID": "key_demo"}, "AUTHPI_API_KEY_ID and AUTHPI_API_KEY_SECRET go together"),
    ([], {"AUTHPI_API_KEY": "key_demo"}, "AUTHPI_API_KEY=key_id:secret"),
    ([], {}, "no credentials"),
])
def test_bad_start_up_input_is_a_clear_error_with_exit_2(args, env, message):
    proc = run_console(args, env)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr, proc.stderr
    assert "sekret-value-42" not in proc.stderr + proc.stdout
    assert proc.stdout == "" or "Usage" in proc.stdout


def write_config(tmp_path, text, mode=0o600):
    directory = tmp_path / "authpi"
    directory.mkdir(exist_ok=True)
    config = directory / "config.toml"
    config.write_text(text)
    config.chmod(mode)
    return config


@pytest.mark.parametrize("text, mode, message", [
    ("[profiles.p\napi_key = 1\n", 0o600, "is not valid TOML"),
    ('[profiles.p]\napi_key = "key_x"\n', 0o644, "chmod 600"),
    ('[profiles.p]\napi_kee = "key_x"\n', 0o600, "unknown key 'api_kee'"),
    ('[profiles.other]\napi_key = "key_x"\n', 0o600, "no profile 'p'"),
    ('[profiles.p]\napi_key = "key_x:s"\nbase_url = "gopher://x"\n', 0o600, "scheme must be https or http"),
    ('[profiles.p]\napi_key = "key_x"\n', 0o600, "api_key=key_id:secret"),
])
def test_bad_config_file_is_a_clear_error_with_exit_2(tmp_path, text, mode, message):
    config = write_config(tmp_path, text, mode)
    proc = run_console(["--profile", "p"], {"XDG_CONFIG_HOME": str(tmp_path)})
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr, proc.stderr
    assert str(config) in proc.stderr or "profile 'p'" in proc.stderr or "base URL" in proc.stderr


def test_config_that_is_a_directory_or_not_utf8(tmp_path):
    directory = tmp_path / "authpi" / "config.toml"
    directory.mkdir(parents=True)
    proc = run_console(["--profile", "p"], {"XDG_CONFIG_HOME": str(tmp_path)})
    assert proc.returncode == 2 and "not a regular file" in proc.stderr, proc.stderr
    directory.rmdir()
    directory.write_bytes(b"\xff\xfe[profiles.p]\n")
    directory.chmod(0o600)
    proc = run_console(["--profile", "p"], {"XDG_CONFIG_HOME": str(tmp_path)})
    assert proc.returncode == 2 and "not UTF-8" in proc.stderr, proc.stderr


def test_hostile_names_from_the_server_are_not_interpreted_by_the_terminal(console_factory, emulator):
    """A display name with a clear-screen sequence, a title change and a bidi override: the real terminal shows
    it replaced, the rest of the screen stays."""
    status, _ = emulator.request("POST", f"/v1/accounts/acc_demo/issuers/{emulator.first_issuer_id}/users", {
        "username_type": "email", "username": "eve.hostile@evil.test",
        "profile": {"display_name": "\x1b[2J\x1b]0;pwned\x07Eve \u202egnp.exe"}})
    assert status in (200, 201)
    t = console_factory(cols=140, rows=40)
    t.wait_for(emulator.first_issuer_id)
    t.send("Enter")
    t.wait_for(r"minjun\.choi0")
    t.send("G")  # the new user is the last one
    screen = t.wait_for(r"eve\.hostile@evil\.test", timeout=30)
    t.wait_for(r"\?\[2J")
    screen = t.screen()
    assert "AuthPI · " in screen, "the header was not cleared"
    assert "\u202e" not in screen and "\x1b" not in screen
    title = t._tmux("display-message", "-p", "-t", t.session, "#{pane_title}").stdout
    assert "pwned" not in title
    t.send("q")
    assert t.wait_exit_marker() == 0
