"""End-to-end, on the binaries scripts/test builds in release: confirmed actions (issue 11, item 0), the Users
filter that scans the whole list (item 1) and --refresh-interval keeping keys, names and the API's load (item 2).
A second client (this test, over HTTP) changes data while the console runs against a separately started emulator.
"""
import os
import random
import re
import time

from emulator_process import CONSOLE  # noqa: F401

ACCOUNT = "/v1/accounts/acc_demo"


def first_issuer(emulator):
    status, body = emulator.request("GET", f"{ACCOUNT}/issuers?limit=10")
    assert status == 200, body
    return body["data"][0]["id"]


def users(emulator, issuer, limit=100):
    status, body = emulator.request("GET", f"{ACCOUNT}/issuers/{issuer}/users?limit={limit}")
    assert status == 200, body
    return body["data"]


def user_requests(emulator, since):
    """GETs of single users made since the time `since` (the emulator logs its last 500 requests)."""
    entries = emulator.control("GET", "/_emulator/requests?limit=500")["data"]
    return [e for e in entries
            if e["timestamp"] >= since and e["method"] == "GET" and re.search(r"/users/[^/]+$", e["path"])]


def open_users(t, issuer):
    t.wait_for(re.escape(issuer))
    t.send("Enter")
    t.wait_for(r"Users \(\d+\+?\)")


def selected_line(screen):
    return next((line for line in screen.splitlines() if "▶" in line), "")


def test_release_binary_confirms_delete_and_revoke(console_factory, emulator):
    issuer = first_issuer(emulator)
    victim = users(emulator, issuer)[0]["user_id"]
    t = console_factory()
    open_users(t, issuer)
    t.wait_for(r"▶ " + re.escape(victim))
    t.send("D")
    t.wait_for(r"Delete user")
    t.send("y")
    t.wait_for(r"Deleted 1 user", timeout=15)
    status, _ = emulator.request("GET", f"{ACCOUNT}/issuers/{issuer}/users/{victim}")
    assert status == 404
    dead, code = t.pane_dead()
    assert not dead, f"the console died after a confirmed delete (status {code}):\n{t.history()}"
    # Revoke: the first user with an active session, through its detail.
    target, session = None, None
    for user in users(emulator, issuer, limit=20):
        _, body = emulator.request("GET", f"{ACCOUNT}/issuers/{issuer}/users/{user['user_id']}/sessions")
        active = [s["id"] for s in (body or {}).get("data", []) if s["status"] == "active"]
        if active:
            target, session = user["user_id"], active[0]
            break
    assert target, "the demo data has an active session"
    t.send("/")
    t.send(target, literal=True)
    t.send("Enter")
    t.wait_for(r"1 match", timeout=30)
    t.send("Enter")
    t.wait_for(r"sessions\s+\d+")
    t.send("Tab")
    t.wait_for(r"Sessions \(\d+\)")
    t.wait_for(r"▶ ses_")
    # Down to an active session (bounded), then read its id from the screen.
    for _ in range(30):
        line = selected_line(t.screen())
        if re.search(r"▶ ses_\S+\s+active", line):
            break
        t.send("j", pause=0.1)
    session = re.search(r"▶ (ses_\S+)\s+active", selected_line(t.screen())).group(1)
    t.send("x")
    t.wait_for(r"Revoke session")
    t.send("y")
    t.wait_for(r"Revoked 1 session", timeout=15)
    _, body = emulator.request("GET", f"{ACCOUNT}/issuers/{issuer}/users/{target}/sessions")
    # The id may be drawn cut in the middle ("ses_aab9d…a0ad7dac").
    head, _, tail = session.partition("…")
    statuses = [s["status"] for s in body["data"] if s["id"].startswith(head) and s["id"].endswith(tail)]
    assert statuses == ["revoked"], (session, body["data"])
    dead, code = t.pane_dead()
    assert not dead, f"the console died after a confirmed revoke (status {code}):\n{t.history()}"
    t.send("q")
    assert t.wait_exit_marker(timeout=20) == 0


MONKEY_KEYS = ["j", "k", "j", "j", "g", "G", "Enter", "Enter", "Escape", "Up", "Down", "PageDown", "Tab", "BTab",
               "Space", "Space", "d", "Escape", "r", "x", "y", "D", "y", "X", "y", "a", "y", "R", "y", "s", "y", "n"]


def test_monkey_10000_keys_with_confirmations_on_the_release_binary(console_factory):
    """Seeded; action keys are mostly followed by `y`, so confirmed actions run all along (deletes, revokes,
    bulk actions). Bounded in time: the run stops at the deadline and says how far it got."""
    seed = int(os.environ.get("MONKEY_SEED", random.randrange(1, 2**31)))
    count = int(os.environ.get("MONKEY_KEYS_CONFIRM", "10000"))
    budget = float(os.environ.get("MONKEY_SECONDS", "240"))
    print(f"confirming monkey: seed {seed}, {count} keys, {CONSOLE} "
          f"(re-run: MONKEY_SEED={seed} Tests/E2E/run.sh -k confirmations)")
    rng = random.Random(seed)
    t = console_factory()
    t.wait_for(r"Issuers \(\d+\)")
    sent = 0
    started = time.monotonic()
    while sent < count and time.monotonic() - started < budget:
        batch = []
        for _ in range(20):
            key = MONKEY_KEYS[rng.randrange(len(MONKEY_KEYS))]
            batch.append(key)
            if key in ("x", "D", "X", "a", "R", "s") and rng.random() < 0.8:
                batch.append("y")
        t.send_batch(batch)
        sent += len(batch)
        time.sleep(0.02)
        dead, status = t.pane_dead()
        assert not dead, f"seed {seed}: the console died (status {status}) after {sent} keys:\n{t.history()}"
        assert "CONSOLE-EXIT=" not in t.screen(), f"seed {seed}: the console exited after {sent} keys"
    elapsed = time.monotonic() - started
    assert sent >= min(count, 2000), f"seed {seed}: only {sent} keys in {elapsed:.0f}s"
    for _ in range(10):
        t.send("Escape", pause=0.1)
        if "Discard" in t.screen():
            t.send("y", pause=0.1)
    t.send(":", pause=0.05)
    t.send("issuers", literal=True)
    t.send("Enter")
    t.wait_for(r"Issuers \(\d+\)", timeout=20)
    t.send("q")
    if "Quit anyway" in t.screen():
        t.send("y")
    assert t.wait_exit_marker(timeout=20) == 0, f"seed {seed}"
    print(f"confirming monkey: seed {seed}: {sent} keys in {elapsed:.1f} s; exit 0")


def test_users_text_filter_scans_the_whole_list(console_factory, emulator):
    issuer = first_issuer(emulator)
    # Another administrator adds users after the demo ones: far past the first page, which is all a filter of
    # the loaded rows would see.
    for i in range(5):
        status, body = emulator.request("POST", f"{ACCOUNT}/issuers/{issuer}/users",
                                        {"username": f"needle.scan{i}@example.test", "username_type": "email"})
        assert status in (200, 201), body
    total = sum(1 for _ in iterate_users(emulator, issuer))
    t = console_factory(rows=40)
    open_users(t, issuer)
    # Esc stops a running scan (slowed down: each user read takes 150 ms) and keeps what it found; it never
    # claims the end.
    emulator.control("POST", "/_emulator/faults", {"method": "GET", "path": f"{ACCOUNT}/issuers/{issuer}/users/*",
                                                   "delay_ms": 150, "count": 100000})
    t.send("/")
    t.send("example", literal=True)
    t.send("Enter")
    t.wait_for(r" [1-9][\d,]* users scanned so far \(Esc stops\)", timeout=60)
    t.send("Escape")
    screen = t.wait_for(r"after [\d,]+ users \(more not scanned", timeout=10)
    emulator.control("DELETE", "/_emulator/faults")
    assert "— end —" not in screen
    assert not re.search(r"all [\d,]+ users scanned", screen)
    assert re.search(r"Users \(\d+\+\)", screen), screen
    # The second Esc clears the filter; the whole list is scanned for the needles.
    t.send("Escape")
    t.wait_for(r"Users \(\d+\+?\)")
    t.send("/")
    t.send("needle.scan", literal=True)
    t.send("Enter")
    screen = t.wait_for(rf"5 matches · all {total:,} users scanned", timeout=60)
    assert len(re.findall(r"needle\.scan\d@example\.test", screen)) == 5, screen
    assert "— end —" not in screen
    assert "Users (5)" in screen


def iterate_users(emulator, issuer):
    cursor = None
    for _ in range(1000):
        path = f"{ACCOUNT}/issuers/{issuer}/users?limit=100" + (f"&cursor={cursor}" if cursor else "")
        status, body = emulator.request("GET", path)
        assert status == 200, body
        yield from body["data"]
        if not body.get("has_more"):
            return
        cursor = body.get("next_cursor")


def test_refresh_interval_keeps_keys_names_and_spares_the_api(console_factory, emulator):
    issuer = first_issuer(emulator)
    listed = [u["user_id"] for u in users(emulator, issuer, limit=100)]
    t = console_factory(args="--refresh-interval 1", rows=30)
    open_users(t, issuer)
    t.wait_for(r"▶ " + re.escape(listed[0]))
    time.sleep(1.5)  # the visible users are fetched once
    # 60 presses across several refreshes: every one lands.
    for _ in range(60):
        t.send("j", pause=0.05)
    screen = t.wait_for(r"▶ " + re.escape(listed[60]), timeout=10)
    time.sleep(1.5)  # the users that scrolled into view are fetched once
    # Names stay on screen through the ticks: no visible row goes back to "…".
    since = time.time()
    blanked = 0
    deadline = time.monotonic() + 3.5
    while time.monotonic() < deadline:
        screen = t.screen()
        blanked += sum(1 for line in screen.splitlines() if re.match(r"^[▶ ]\s*\S+\s+…\s", line))
        time.sleep(0.1)
    assert blanked == 0, screen
    # Three ticks passed; no user changed, so no user was fetched again.
    assert user_requests(emulator, since) == [], user_requests(emulator, since)
    assert selected_line(t.screen()).split()[1] == listed[60]
    # A user changed by another client is fetched again on the next tick, and only that one.
    changed = listed[58]  # on screen (the selection is on row 60)
    since = time.time()
    status, _ = emulator.request("PATCH", f"{ACCOUNT}/issuers/{issuer}/users/{changed}",
                                 {"profile": {"display_name": "Changed Elsewhere"}})
    assert status == 200
    t.wait_for(r"Changed Elsewhere", timeout=10)
    fetched = {e["path"].rsplit("/", 1)[1] for e in user_requests(emulator, since)}
    assert fetched == {changed}, fetched
    t.send("q")
    assert t.wait_exit_marker(timeout=20) == 0
