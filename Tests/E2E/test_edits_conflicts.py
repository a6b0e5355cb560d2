"""End-to-end: conflict-safe edits and deletes, the account picker and the credential forms, with the real
authpi-console in tmux against a separately started authpi-emulator and a second client (the `emulator`
fixture's HTTP requests) changing the same user meanwhile. Ids come from the emulator, never hard-coded."""
from emulator_process import CONSOLE, Emulator  # noqa: F401
from tmux_driver import Tmux

MULTI_KEY = ("key_multi", "multi_secret")  # EmulatorDemo.multiAccountKeyID / multiAccountKeySecret


def account_id(emulator):
    status, body = emulator.request("GET", "/v1/me")
    assert status == 200, body
    return body["data"]["accounts"][0]["account_id"] if "data" in body else body["accounts"][0]["account_id"]


def first_issuer_and_user(emulator):
    """The first issuer the console lists, and the first user of it (id and username)."""
    acc = account_id(emulator)
    _, issuers = emulator.request("GET", f"/v1/accounts/{acc}/issuers?limit=1")
    issuer = issuers["data"][0]["id"]
    _, users = emulator.request("GET", f"/v1/accounts/{acc}/issuers/{issuer}/users?limit=1")
    user = users["data"][0].get("id") or users["data"][0]["user_id"]
    path = f"/v1/accounts/{acc}/issuers/{issuer}/users/{user}"
    _, detail = emulator.request("GET", path)
    detail = detail.get("data", detail)
    return issuer, user, detail["username"], path


def user_now(emulator, path):
    status, body = emulator.request("GET", path)
    return status, (body.get("data", body) if isinstance(body, dict) else body)


def open_edit_form(t, issuer, username):
    t.wait_for(issuer)
    t.send("Enter")
    t.wait_for(username.replace(".", r"\."), timeout=15)
    t.send("Enter")
    t.wait_for(r"first name")
    t.send("e")
    t.wait_for(r"Edit ")


def type_into(t, tabs, text):
    """From the username field: Tab `tabs` times, clear the field, type `text`."""
    for _ in range(tabs):
        t.send("Tab")
    t.send("C-u")
    t.send(text, literal=True)


def test_overwrite_keeps_what_only_they_changed(console_factory, emulator):
    issuer, _, username, path = first_issuer_and_user(emulator)
    t = console_factory()
    open_edit_form(t, issuer, username)
    type_into(t, 2, "MyFirst")  # username → display name → first name
    # The second writer changes the last name and the display name meanwhile.
    status, _ = emulator.request("PATCH", path, {"profile": {"last_name": "Theirs", "display_name": "Their Display"}})
    assert status == 200
    t.send("Enter")
    t.wait_for(r"Conflict: ")
    t.wait_for(r"theirs")
    t.send("o")
    t.wait_for(r"Saved ")
    _, now = user_now(emulator, path)
    assert now["profile"]["first_name"] == "MyFirst"
    # Fields only they changed were not sent: their values stay.
    assert now["profile"]["last_name"] == "Theirs"
    assert now["profile"]["display_name"] == "Their Display"
    patches = [r for r in emulator.control("GET", "/_emulator/requests?limit=500")["data"] if r["method"] == "PATCH"
               and r["path"] == path]
    assert patches[-1]["status"] == 200
    assert any(k.lower() == "if-match" for k in patches[-1]["headers"]), patches[-1]["headers"]


def test_merge_keeps_theirs_where_both_changed_and_highlights_it(console_factory, emulator):
    issuer, _, username, path = first_issuer_and_user(emulator)
    t = console_factory()
    open_edit_form(t, issuer, username)
    type_into(t, 1, "My Display")
    type_into(t, 1, "MyFirst")
    emulator.request("PATCH", path, {"profile": {"last_name": "Theirs", "display_name": "Their Display"}})
    t.send("Enter")
    t.wait_for(r"Conflict: ")
    assert "both" in t.screen()
    t.send("m")
    screen = t.wait_for(r"both changed: theirs kept; yours was")
    assert "My Display" in screen and "Their Display" in screen
    assert "Kept theirs on 1 field" in screen
    # Nothing was written by the merge itself.
    _, before_save = user_now(emulator, path)
    assert before_save["profile"].get("first_name") != "MyFirst"
    t.send("Enter")
    t.wait_for(r"Saved ")
    _, now = user_now(emulator, path)
    assert now["profile"]["first_name"] == "MyFirst"
    assert now["profile"]["last_name"] == "Theirs"
    assert now["profile"]["display_name"] == "Their Display"


def test_delete_of_a_user_changed_meanwhile_asks_first(console_factory, emulator):
    issuer, _, username, path = first_issuer_and_user(emulator)
    t = console_factory()
    t.wait_for(issuer)
    t.send("Enter")
    t.wait_for(username.replace(".", r"\."), timeout=15)  # the row shows its details: its ETag is known
    status, _ = emulator.request("PATCH", path, {"status": "blocked"})
    assert status == 200
    t.send("D")
    t.wait_for(r"Delete user")
    t.send("y")
    screen = t.wait_for(r"delete anyway")
    assert "STATUS active → blocked" in screen
    assert user_now(emulator, path)[0] == 200
    deletes = [r for r in emulator.control("GET", "/_emulator/requests?limit=500")["data"] if r["method"] == "DELETE"]
    assert deletes and deletes[-1]["status"] == 412
    assert any(k.lower() == "if-match" for k in deletes[-1]["headers"])
    t.send("n")
    t.wait_for(r"Cancelled: nothing deleted")
    assert user_now(emulator, path)[0] == 200
    # Changed again; this time "delete anyway", conditional on the version the dialog shows.
    emulator.request("PATCH", path, {"status": "active"})
    t.send("D")
    t.wait_for(r"Delete user")
    t.send("y")
    screen = t.wait_for(r"delete anyway")
    assert "STATUS blocked → active" in screen
    t.send("y")
    t.wait_for(r"Deleted 1 user")
    assert user_now(emulator, path)[0] == 404
    last = [r for r in emulator.control("GET", "/_emulator/requests?limit=500")["data"] if r["method"] == "DELETE"][-1]
    assert last["status"] == 204 and any(k.lower() == "if-match" for k in last["headers"])


def test_account_picker_for_a_key_of_several_accounts(emulator):
    env = {"AUTHPI_API_KEY": f"{MULTI_KEY[0]}:{MULTI_KEY[1]}"}
    t = Tmux(f"{CONSOLE} --base-url {emulator.base_url}; echo CONSOLE-EXIT=$?; sleep 30", env=env)
    try:
        screen = t.wait_for(r"Choose an account")
        t.wait_for(r"acc_\w+")
        rows = [line for line in t.screen().splitlines() if "acc_" in line and "›" not in line]
        assert len(rows) >= 2, screen
        t.send("j")
        t.send("Enter")
        t.wait_for(r"Issuers \(")
        chosen = rows[1].split("acc_", 1)[1].split()[0]
        assert f"acc_{chosen}" in t.screen().splitlines()[0], "the header shows the account in use"
        t.send("q")
        assert t.wait_exit_marker() == 0
    finally:
        t.kill()


def test_bare_key_is_refused_with_how_to_pass_the_pair(emulator):
    t = Tmux(f"{CONSOLE} --base-url {emulator.base_url}; echo CONSOLE-EXIT=$?; sleep 30",
             env={"AUTHPI_API_KEY": "key_demo", "HOME": "/nonexistent-home", "XDG_CONFIG_HOME": "/nonexistent-home"})
    try:
        screen = t.wait_for(r"CONSOLE-EXIT=\d+")
        assert "CONSOLE-EXIT=2" in screen
        assert "AUTHPI_API_KEY=key_id:secret" in screen.replace("\n", "")
        requests = emulator.control("GET", "/_emulator/requests?limit=500")["data"]
        assert not [r for r in requests if r["path"].startswith("/v1/")], "refused before any request"
    finally:
        t.kill()


def test_a_refused_credential_names_its_form_and_source(emulator):
    env = {"AUTHPI_API_KEY_ID": "key_demo", "AUTHPI_API_KEY_SECRET": "not-the-secret-xyz"}
    t = Tmux(f"{CONSOLE} --base-url {emulator.base_url} --account-id {account_id(emulator)} --log-file /dev/null; "
             "echo CONSOLE-EXIT=$?; sleep 30", cols=160, env=env)
    try:
        screen = t.wait_for(r"401")
        assert "Basic key pair key_demo" in screen
        assert "AUTHPI_API_KEY_ID" in screen
        assert "not-the-secret-xyz" not in screen
        t.send("q")
        t.wait_exit_marker()
    finally:
        t.kill()


def test_dumb_terminal_is_refused_naming_it(emulator):
    t = Tmux(f"TERM=dumb {CONSOLE} --base-url {emulator.base_url}; echo CONSOLE-EXIT=$?; sleep 30",
             env={"AUTHPI_API_KEY_ID": "key_demo", "AUTHPI_API_KEY_SECRET": "demo_secret"})
    try:
        screen = t.wait_for(r"CONSOLE-EXIT=\d+", timeout=15)
        assert "CONSOLE-EXIT=1" in screen
        assert "TERM=dumb" in screen
        assert not t.alternate_screen()
    finally:
        t.kill()


def test_too_small_with_an_unsaved_edit_does_not_promise_q(console_factory, emulator):
    issuer, _, username, _ = first_issuer_and_user(emulator)
    t = console_factory()
    open_edit_form(t, issuer, username)
    type_into(t, 2, "Unsaved")
    t.resize(20, 5)
    screen = t.wait_for(r"too small")
    assert "q quits" not in screen
    t.send("q")
    t.resize(100, 30)
    # q did nothing unseen: the form is still there with the typed text.
    t.wait_for(r"Unsaved")
    assert "Quit" not in t.screen()



def test_profile_switch_checks_the_credential_first(emulator, tmp_path):
    config_dir = tmp_path / "authpi"
    config_dir.mkdir()
    config = config_dir / "config.toml"
    config.write_text(
        f'[profiles.alpha]\nbase_url = "{emulator.base_url}"\napi_key = "key_demo:demo_secret"\n\n'
        f'[profiles.wrong]\nbase_url = "{emulator.base_url}"\napi_key_id = "key_demo"\n'
        'api_key_secret = "not-the-secret-xyz"\n')
    config.chmod(0o600)
    t = Tmux(f"{CONSOLE} --profile alpha; echo CONSOLE-EXIT=$?; sleep 30", cols=160,
             env={"XDG_CONFIG_HOME": str(tmp_path)})
    try:
        t.wait_for(r"· alpha")
        t.wait_for(r"Issuers \(")
        t.send(":")
        t.send("profile wrong", literal=True)
        t.send("Enter")
        screen = t.wait_for(r"Cannot switch to profile wrong")
        assert "401" in screen and "Basic key pair key_demo" in screen
        assert "not-the-secret-xyz" not in screen
        # Still the same session, on the same profile.
        assert "· alpha" in t.screen()
        t.send("q")
        assert t.wait_exit_marker() == 0
    finally:
        t.kill()
