"""End-to-end: `n` create forms and `R` rotation in the real authpi-console in tmux against a separately started
authpi-emulator. A secret the API returns once is on screen in its dialog only: after Esc it is on no later
screen, not in describe, not in `:errors`, and not in the console's --log-file. Ids come from the emulator."""
import re

from emulator_process import CONSOLE  # noqa: F401
from test_edits_conflicts import account_id, first_issuer_and_user

SECRET_DIALOG = r"Shown once — copy it now"


def start(console_factory, tmp_path, args=""):
    log = tmp_path / "console.log"
    t = console_factory(f"--log-file {log} {args}", cols=110, rows=32)
    return t, log


def palette(t, command):
    t.send(":")
    t.send(command, literal=True)
    t.send("Enter")


def read_secret(t, pattern):
    """The secret shown in the dialog (it may wrap over lines of the dialog: the pieces are joined)."""
    t.wait_for(SECRET_DIALOG, timeout=15)
    screen = t.screen()
    lines = [line.strip(" │") for line in screen.splitlines()]
    for index, line in enumerate(lines):
        found = re.search(pattern, line)
        if found:
            secret = found.group(0)
            # A long secret continues on the next line of the dialog.
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            if re.fullmatch(r"[0-9a-f]+", following):
                secret += following
            return secret
    raise AssertionError(f"no secret matching {pattern} on screen:\n{screen}")


def assert_nowhere_after(t, log, secret, describe=True):
    """Closes the dialog, then checks the next screens, describe, :errors and the log file."""
    t.send("Escape")
    t.wait_for(SECRET_DIALOG, absent=True)
    assert secret not in t.screen()
    if describe:
        t.send("d")
        t.wait_for(r'"id"')
        assert secret not in t.screen()
        t.send("Escape")
    palette(t, "errors")
    t.wait_for(r"Errors")
    assert secret not in t.screen()
    t.send("q")
    t.wait_exit_marker()
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    assert "authpi request" in text or text == "", "the log file holds the request lines"
    assert secret not in text, "a one-time secret reached the log file"


def test_create_webhook_shows_its_secret_once(console_factory, emulator, tmp_path):
    t, log = start(console_factory, tmp_path)
    t.wait_for(emulator.first_issuer_id)
    palette(t, "webhooks")
    t.wait_for(r"Webhooks \(")
    t.wait_for(r"n new")
    t.send("n")
    t.wait_for(r"New webhook")
    t.send("E2E hook", literal=True)
    t.send("Tab")
    t.send("https://hooks.example.test/e2e", literal=True)
    t.send("Tab")
    t.send("Right", "Space")  # events: browse to the second type and pick it
    t.wait_for(r"\[x\] picked")
    t.send("Enter")
    secret = read_secret(t, r"whsec_[0-9a-f]+")
    t.send("c")
    t.wait_for(r"Copied")
    t.wait_for(r"E2E hook")
    assert_nowhere_after(t, log, secret)
    status, body = emulator.request("GET", f"/v1/accounts/{account_id(emulator)}/webhooks?limit=100")
    assert status == 200 and any(w.get("name") == "E2E hook" for w in body["data"])


def test_create_and_rotate_a_client_secret(console_factory, emulator, tmp_path):
    t, log = start(console_factory, tmp_path)
    t.wait_for(emulator.first_issuer_id)
    t.send("Tab")  # the issuer's clients
    t.wait_for(r"Clients \(")
    t.send("n")
    t.wait_for(r"New client")
    t.send("E2E client", literal=True)
    t.send("Enter")
    created = read_secret(t, r"cs_[0-9a-f]+")
    t.send("Escape")
    t.wait_for(SECRET_DIALOG, absent=True)
    t.wait_for(r"E2E client")
    t.send("R")
    t.wait_for(r"\[y\]")
    t.send("y")
    rotated = read_secret(t, r"cs_[0-9a-f]+")
    assert rotated != created
    assert_nowhere_after(t, log, rotated)
    assert created not in log.read_text(encoding="utf-8")


def test_create_user_token_agent_organization_and_trusted_device(console_factory, emulator, tmp_path):
    issuer, _, username, _ = first_issuer_and_user(emulator)
    t, log = start(console_factory, tmp_path)
    t.wait_for(issuer)
    # A user, from the issuer's users.
    t.send("Enter")
    t.wait_for(username.replace(".", r"\."), timeout=15)
    t.send("n")
    t.wait_for(r"New user")
    t.send("Tab")
    t.send("e2e.user@example.test", literal=True)
    t.send("Tab")
    t.send("E2E User", literal=True)
    t.send("Enter")
    t.wait_for(r"Created user")
    # A token of the first user: its value is shown once.
    t.send("g")
    t.send("Enter")
    t.wait_for(r"first name")
    t.send("Tab", "Tab")
    t.wait_for(r"Tokens \(")
    t.send("n")
    t.wait_for(r"New token")
    t.send("e2e token", literal=True)
    t.send("Enter")
    token = read_secret(t, r"pat_[0-9a-f]+")
    t.send("Escape")
    t.wait_for(SECRET_DIALOG, absent=True)
    assert token not in t.screen()
    # A trusted device (no secret).
    t.send("Tab")
    t.wait_for(r"Trusted devices \(")
    t.send("n")
    t.wait_for(r"New trusted device")
    t.send("fp-e2e-1", literal=True)
    t.send("Enter")
    t.wait_for(r"Created trusted device")
    # An agent and an organization of the issuer.
    t.send("Escape", "Escape")
    t.wait_for(r"Users \(")
    t.send("Tab")
    t.wait_for(r"Clients \(")
    for pane, noun in (("Agents", "agent"), ("Organizations", "organization")):
        t.send("Tab")
        t.wait_for(rf"{pane} \(")
        t.send("n")
        t.wait_for(rf"New {noun}")
        t.send(f"E2E {noun}", literal=True)
        t.send("Enter")
        t.wait_for(rf"Created {noun} E2E {noun}")
    t.send("q")
    t.wait_exit_marker()
    assert token not in log.read_text(encoding="utf-8")


def test_read_only_refuses_new_before_any_request(console_factory, emulator, tmp_path):
    t, _ = start(console_factory, tmp_path, "--read-only")
    t.wait_for(emulator.first_issuer_id)
    t.send("Tab")
    t.wait_for(r"Clients \(")
    assert "n new" not in t.screen()
    def api_requests():
        log = emulator.control("GET", "/_emulator/requests?limit=500")["data"]
        return [r for r in log if not r["path"].startswith("/_emulator")]

    before = api_requests()
    t.send("n")
    t.wait_for(r"Read-only mode: creating a client refused")
    t.send("R")
    t.wait_for(r"Read-only mode: rotate refused")
    t.send("e")
    t.wait_for(r"Read-only mode: editing refused")
    after = api_requests()
    assert not [r for r in after if r["method"] != "GET"]
    assert len(after) == len(before), "not even the read of an edit form was sent"


def test_create_and_rotate_an_api_key(console_factory, emulator, tmp_path):
    t, log = start(console_factory, tmp_path)
    t.wait_for(emulator.first_issuer_id)
    palette(t, "apikeys")
    t.wait_for(r"API keys \(")
    t.send("n")
    t.wait_for(r"New API key")
    t.send("e2e key", literal=True)
    t.send("Enter")
    created = read_secret(t, r"sk_[0-9a-f]+")
    t.send("Escape")
    t.wait_for(SECRET_DIALOG, absent=True)
    t.wait_for(r"▶.*e2e key")
    t.send("R")
    t.wait_for(r"\[y\]")
    t.send("y")
    rotated = read_secret(t, r"sk_[0-9a-f]+")
    assert rotated != created
    assert_nowhere_after(t, log, rotated)
    assert created not in log.read_text(encoding="utf-8")
