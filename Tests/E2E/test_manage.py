"""End-to-end: managing what was listed but dead-ended (issue 13 item 2) — an organization's panes, the account's
API keys and their block action, and --read-only refusing it — the real console in tmux, a real emulator process."""
from emulator_process import DEMO_ACCOUNT

KEYS_PATH = f"/v1/accounts/{DEMO_ACCOUNT}/api-keys"


def writes(emulator):
    """Requests the emulator received that were not reads."""
    log = emulator.control("GET", "/_emulator/requests?limit=500")["data"]
    return [e for e in log if e["method"] != "GET" and not e["path"].startswith("/_emulator")]


def an_active_key(emulator):
    """An active account key other than the one the console signs in with (the emulator protects that one)."""
    status, body = emulator.request("GET", f"{KEYS_PATH}?limit=100")
    assert status == 200, (status, body)
    key = next(k for k in body["data"] if k["status"] == "active" and k["id"] != "key_demo")
    return key["id"], key["name"]


def open_account_keys_on(t, name):
    t.wait_for(r"Issuers \(\d+\)")
    t.send(":")
    t.send("apikeys", literal=True)
    t.send("Enter")
    t.wait_for(r"API keys \(\d+\)")
    t.send("/")
    t.send(name, literal=True)
    t.send("Enter")
    t.wait_for(r"▶ key_\S+\s+" + name.split()[0])


def test_an_organization_opens_its_members_and_tab_cycles_its_panes(console_factory, emulator):
    status, body = emulator.request(
        "GET", f"/v1/accounts/{DEMO_ACCOUNT}/issuers/{emulator.first_issuer_id}/organizations?limit=100")
    assert status == 200
    org = body["data"][0]
    t = console_factory(cols=120)
    t.wait_for(emulator.first_issuer_id)
    t.send("BTab")
    t.wait_for(r"Organizations \(\d+\)")
    t.wait_for(r"▶ " + org["id"])
    t.send("Enter")
    t.wait_for(r"Organizations › " + org["name"] + r" › Members \(\d+\)")
    t.wait_for(r"▶ usr_")
    t.send("Tab")
    t.wait_for(r"› Groups \(\d+\)")
    t.wait_for(r"▶ grp_")
    t.send("Tab")
    t.wait_for(r"› Invitations \(\d+\)")
    t.wait_for(r"@")
    t.send("Tab")
    t.wait_for(r"› Organization API keys \(\d+\)")
    t.wait_for(r"▶ key_")
    screen = t.screen()
    assert "sk_" not in screen and "secret" not in screen.lower()
    t.send("Tab")
    t.wait_for(r"› Members \(\d+\)")
    t.send("Escape")
    t.wait_for(r"Organizations \(\d+\)")
    t.wait_for(r"▶ " + org["id"])


def test_block_an_api_key_with_confirmation_and_if_match(console_factory, emulator):
    key_id, name = an_active_key(emulator)
    t = console_factory(cols=120)
    open_account_keys_on(t, name)
    t.send("b")
    t.wait_for(r"Block API key " + name)
    t.send("y")
    t.wait_for(r"Blocked 1 API key")
    t.wait_for(r"▶ " + key_id + r"\s+\S.*blocked")
    status, body = emulator.request("GET", f"{KEYS_PATH}/{key_id}")
    assert status == 200 and body["data"]["status"] == "blocked"
    block = [e for e in writes(emulator) if e["path"].endswith(f"/{key_id}/block")]
    assert len(block) == 1 and block[0]["status"] == 200
    assert any(k.lower() == "if-match" and v for k, v in block[0]["headers"].items())


def test_read_only_refuses_blocking_a_key_before_any_request(console_factory, emulator):
    key_id, name = an_active_key(emulator)
    t = console_factory("--read-only", cols=120)
    open_account_keys_on(t, name)
    t.send("b")
    t.wait_for(r"Read-only mode: block refused")
    assert writes(emulator) == []
    status, body = emulator.request("GET", f"{KEYS_PATH}/{key_id}")
    assert status == 200 and body["data"]["status"] == "active"
