"""End-to-end: following events, the events chart and the request log, in tmux against the emulator process."""
import re

from emulator_process import Emulator  # noqa: F401

USER = "usr_a5bd1e995"


def test_follow_shows_new_events_at_the_top_and_keeps_the_selection(console_factory, emulator):
    t = console_factory()
    t.wait_for(r"Issuers \(\d+\)")
    t.send(":")
    t.send("events", literal=True)
    t.send("Enter")
    t.wait_for(r"Events \(\d+\+?\)")
    t.send("Down", "Down")
    selected = next(line for line in t.screen().splitlines() if "▶" in line)
    t.send("f")
    t.wait_for(r"following · 0 new")
    emulator.control("POST", "/_emulator/events", {"events": [
        {"type": "e2e.followed", "user_id": USER, "issuer_id": emulator.first_issuer_id},
        {"type": "e2e.followed", "user_id": USER, "issuer_id": emulator.first_issuer_id},
    ]})
    # The console polls every 5 s: the two events come in at the top, the selection stays on its event.
    t.wait_for(r"following · 2 new", timeout=20)
    screen = t.screen()
    assert screen.count("e2e.followed") == 2
    now_selected = next(line for line in screen.splitlines() if "▶" in line)
    assert "e2e.followed" not in now_selected
    assert now_selected.split("│")[1:3] == selected.split("│")[1:3] or now_selected[:40] == selected[:40]
    # ⏎ on a new event opens its subject, the user; Esc comes back to the followed list.
    t.send("g", "Enter")
    t.wait_for(r"sessions\s+\d+")
    t.send("Escape")
    t.wait_for(r"following · 2 new")


def test_events_chart_counts_per_type_and_its_windows(console_factory, emulator):
    emulator.control("POST", "/_emulator/events", {"events": [
        {"type": "e2e.charted", "ago_seconds": 60}, {"type": "e2e.charted", "ago_seconds": 120},
        {"type": "e2e.charted", "ago_seconds": 3 * 3600}, {"type": "e2e.weekly", "ago_seconds": 3 * 86400},
    ]})
    t = console_factory()
    t.wait_for(r"Issuers \(\d+\)")
    t.send(":")
    t.send("events chart", literal=True)
    t.send("Enter")
    t.wait_for(r"24 h window · hourly buckets")
    t.wait_for(r"e2e\.charted\s+3\s+[·▁▂▃▄▅▆▇█]{24}")
    assert "e2e.weekly" not in t.screen()
    t.send("3")
    t.wait_for(r"7 d window · daily buckets")
    t.wait_for(r"e2e\.weekly\s+1\s+[·▁▂▃▄▅▆▇█]{7}")
    t.send("1")
    t.wait_for(r"1 h window · 5-minute buckets")
    t.wait_for(r"e2e\.charted\s+2\s")
    # Esc right after a jump returns where the user was.
    t.send("Escape")
    t.wait_for(r"Issuers \(\d+\)")


def test_request_log_opens_at_the_banners_reference(console_factory, emulator):
    t = console_factory()
    t.wait_for(r"Issuers \(\d+\)")
    emulator.control("POST", "/_emulator/faults", {"method": "GET", "path": "/v1/accounts/*/webhooks", "status": 500, "count": 1})
    t.send(":")
    t.send("webhooks", literal=True)
    t.send("Enter")
    t.wait_for(r"✖")
    t.wait_for(r"\[L\] request")
    # The reference the server gave that request (the banner's line may be too narrow to show it whole).
    logged = emulator.control("GET", "/_emulator/requests?limit=50")["data"]
    reference = next(entry["reference"] for entry in reversed(logged)
                     if entry["status"] == 500 and entry["path"].endswith("/webhooks"))
    assert re.fullmatch(r"req_\d{16}", reference)
    t.send("L")
    t.wait_for(r"Requests \(\d+\)")
    selected = next(line for line in t.screen().splitlines() if "▶" in line)
    # A narrow PATH column cuts the middle: the end, naming the resource, stays.
    assert "500" in selected and "GET" in selected and "hooks?limit=" in selected
    t.send("d")
    t.wait_for(reference)
    screen = t.screen()
    assert "/webhooks" in screen and '"status" : 500' in screen.replace('": 500', '" : 500')
    assert "demo_secret" not in screen and "Authorization" not in screen
