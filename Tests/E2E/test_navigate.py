"""End-to-end (issue 14 items 1, 2, 7): sort with the header arrow and the honest caveat, jumps by id and by
issuer name with Back returning where you were, marks that move down and survive Tab, the filter applied as you
type, Ctrl-Z to the shell and `fg` back. The real console in tmux against a separately started emulator; ids are
read from the emulator, never hard-coded.
"""
import re
import shlex
import time

from emulator_process import CONSOLE, DEMO_ACCOUNT
from tmux_driver import Tmux

ACCOUNT = f"/v1/accounts/{DEMO_ACCOUNT}"


def first_page(emulator, path):
    status, body = emulator.request("GET", f"{ACCOUNT}/{path}")
    assert status == 200, body
    return body["data"]


def test_sort_shows_the_arrow_and_says_what_it_sorted(console_factory, emulator):
    t = console_factory()
    t.wait_for(re.escape(emulator.first_issuer_id))
    # Issuers are all loaded: sorted with no caveat.
    t.send("o")
    t.wait_for(r"ID ▲")
    assert "sorted:" not in t.screen()
    t.send("O")
    t.wait_for(r"ID ▼")
    t.send("o")
    t.wait_for(r"NAME ▲")
    # A lazily paged list: the loaded rows are sorted, and the line under them says so.
    t.send("o", "o", "o", "o")  # STATUS, READINESS, CREATED, then unsorted
    t.wait_for(r"▲|▼", absent=True)
    t.send("g")
    t.wait_for(r"▶\s*" + re.escape(emulator.first_issuer_id))
    t.send("Enter")
    t.wait_for(r"Users \([\d,]+\+\)")
    t.send("o")
    t.wait_for(r"ID ▲")
    # Above the rows, in sight wherever the list is scrolled (the line under the loaded rows adds "G loads all").
    t.wait_for(r"sorted: [\d,]+ loaded rows of [\d,]+\+")
    # G loads every page, then the whole list is sorted: the caveat goes.
    t.send("G")
    t.wait_for(r"Users \([\d,]+\)\s", timeout=30)
    t.wait_for(r"sorted:", absent=True, timeout=10)


def test_jump_by_id_and_by_issuer_name_then_back(console_factory, emulator):
    issuers = first_page(emulator, "issuers?limit=100")
    # The user of the last issuer that has users: the lookup tries the issuers before it first.
    owner, user = None, None
    for issuer in reversed(issuers):
        found = first_page(emulator, f"issuers/{issuer['id']}/users?limit=1")
        if found:
            owner, user = issuer, found[0].get("user_id") or found[0]["id"]
            break
    assert user, "the demo data has users"
    other = next(i for i in issuers if i["id"] != owner["id"])
    t = console_factory()
    t.wait_for(re.escape(emulator.first_issuer_id))
    t.send(":")
    t.send("webhooks", literal=True)
    t.send("Enter")
    t.wait_for(r"Webhooks \(\d+\)")
    t.send("j")
    t.wait_for(r"▶\s*wh_\S+\s+Audit")
    t.send(":")
    t.send(user, literal=True)
    t.send("Enter")
    # Opened with its parents, wherever it lives (the lookup tried the issuers).
    t.wait_for(r"Issuers › " + re.escape(owner["name"]) + r" › Users › ", timeout=15)
    t.wait_for(re.escape(user))
    # Back right after the jump: Webhooks, with the same row selected.
    t.send("Escape")
    t.wait_for(r"Webhooks \(\d+\)")
    t.wait_for(r"▶\s*wh_\S+\s+Audit")
    # :users with a name completed by Tab (the issuers listed at the start are known), Back returns to Webhooks.
    t.send(":")
    t.send("users " + other["name"][:-1].lower(), literal=True)
    t.send("Tab")
    t.wait_for(r":users " + re.escape(other["name"]))
    t.send("Enter")
    t.wait_for(re.escape(other["name"]) + r" › Users")
    t.send("Escape")
    t.wait_for(r"Webhooks \(\d+\)")
    # An id found nowhere says how many issuers were searched.
    t.send(":")
    t.send("usr_nobody_here", literal=True)
    t.send("Enter")
    t.wait_for(rf"usr_nobody_here not found — not found in {len(issuers)} issuers", timeout=15)
    # History: ↑ on an empty palette line recalls the last command.
    t.send(":")
    t.send("Up")
    t.wait_for(r":usr_nobody_here")
    t.send("Escape")


def test_marks_move_down_and_survive_tab_and_the_filter_applies_as_typed(console_factory, emulator):
    issuer = emulator.first_issuer_id
    user = first_page(emulator, f"issuers/{issuer}/users?limit=20")
    session = None
    for item in user:
        uid = item.get("user_id") or item["id"]
        sessions = first_page(emulator, f"issuers/{issuer}/users/{uid}/sessions")
        if len(sessions) >= 3:
            session = sessions[0]["id"]
            break
    assert session, "the demo data has a user with three sessions"
    t = console_factory()
    t.wait_for(re.escape(issuer))
    t.send(":")
    t.send(session, literal=True)
    t.send("Enter")
    t.wait_for(r"Sessions \(\d+\)", timeout=15)
    t.wait_for(r"▶\s*" + re.escape(session[:8]))
    t.send("Space")
    # Marked, and the selection moved down to the next row.
    screen = t.wait_for(r"●")
    lines = [line for line in screen.splitlines() if "ses_" in line]
    assert "●" in lines[0] and "▶" in lines[1], screen
    t.send("*")
    t.wait_for(r"Marked \d+ rows shown")
    t.send("Tab")
    t.wait_for(r"marked on Sessions kept")
    t.send("BTab")
    t.wait_for(r"marks on Sessions restored")
    t.send("u")
    t.wait_for(r"Cleared \d+ marks")
    # Webhooks: the filter applies while typing, without Enter.
    t.send(":")
    t.send("webhooks", literal=True)
    t.send("Enter")
    t.wait_for(r"Webhooks \((\d+)\)")
    t.send("/")
    t.send("Audit", literal=True)
    t.wait_for(r"Webhooks \(1\)")
    t.wait_for(r"/filter: Audit")
    # `/` again reopens with the text selected: typing replaces it.
    t.send("Enter")
    t.send("/")
    t.send("Paused", literal=True)
    t.wait_for(r"/filter: Paused")
    t.wait_for(r"Webhooks \(1\)")


def _mouse_sgr(t):
    """tmux's view of the pane: whether SGR mouse reports are asked for."""
    return t._tmux("display-message", "-p", "-t", t.session, "#{mouse_sgr_flag}").stdout.strip()


def test_ctrl_z_suspends_to_the_shell_and_fg_restores_the_screen(emulator):
    env = {"AUTHPI_API_KEY_ID": "key_demo", "AUTHPI_API_KEY_SECRET": "demo_secret"}
    # An interactive shell with job control, as a user has: Ctrl-Z stops the console, `fg` resumes it.
    t = Tmux("bash --norc --noprofile -i", env=env)
    try:
        t.wait_for(r"bash\S*[#$]")
        t.send("PS1='SHELL$ '", literal=True)
        t.send("Enter")
        t.wait_for(r"(?m)^SHELL\$\s*$")
        t.send(f"{shlex.quote(CONSOLE)} --base-url {emulator.base_url}", literal=True)
        t.send("Enter")
        t.wait_for(re.escape(emulator.first_issuer_id))
        assert t.alternate_screen()
        t.send("C-z")
        t.wait_for(r"Stopped")
        deadline = time.monotonic() + 5
        while t.alternate_screen() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not t.alternate_screen(), "Ctrl-Z must give the shell its screen back"
        assert _mouse_sgr(t) == "0", "a stopped console must not leave mouse reports on for the shell"
        t.send("fg", "Enter")
        t.wait_for(re.escape(emulator.first_issuer_id))
        t.wait_for(r"Issuers \(\d+\)")
        assert t.alternate_screen()
        deadline = time.monotonic() + 5
        while _mouse_sgr(t) != "1" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _mouse_sgr(t) == "1", "fg must ask for mouse reports again"
        # The console takes keys again after fg.
        t.send("q")
        t.wait_for(r"(?m)^SHELL\$\s*$", timeout=10)
    finally:
        t.kill()
