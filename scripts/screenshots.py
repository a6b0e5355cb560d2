"""Drives the console through its main screens in tmux and saves each as screenshots/NAME.png."""
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Tests", "E2E"))
from emulator_process import CONSOLE, Emulator  # noqa: E402
from tmux_driver import Tmux  # noqa: E402

OUT = os.path.join(HERE, "..", "screenshots")
USER = "usr_a5bd1e995"


def shot(t, name):
    time.sleep(0.4)  # let the spinner settle so the picture shows a finished frame
    capture = os.path.join(OUT, f".{name}.ansi")
    with open(capture, "w", encoding="utf-8") as f:
        f.write(t.screen(colors=True))
    subprocess.run([sys.executable, os.path.join(HERE, "ansi2png.py"), capture, os.path.join(OUT, f"{name}.png"),
                    "--cols", str(t.cols), "--rows", str(t.rows)], check=True)
    if not os.environ.get("KEEP_ANSI"):
        os.remove(capture)
    print(f"screenshots/{name}.png")


def main():
    os.makedirs(OUT, exist_ok=True)
    emu = Emulator()
    t = Tmux(f"{CONSOLE} --base-url {emu.base_url}; sleep 30",
             cols=110, rows=32, env={"AUTHPI_API_KEY_ID": "key_demo", "AUTHPI_API_KEY_SECRET": "demo_secret"})
    try:
        t.wait_for(emu.first_issuer_id)
        shot(t, "issuers")
        t.send("Enter")
        t.wait_for(r"minjun\.choi0")
        t.wait_for(r"최 민준")
        shot(t, "users")
        t.send("Enter")
        t.wait_for(r"sessions\s+\d+")
        shot(t, "user-detail")
        t.send("Tab")
        t.wait_for(r"Sessions \(\d+\)")
        t.send("Space", "Down", "Down", "Down", "Space")
        t.wait_for(r"(?s)●.*●")
        shot(t, "sessions-marked")
        t.send("Escape", "Escape")
        t.wait_for(r"Users \(")
        t.send("e")
        t.wait_for(r"Edit minjun\.choi0")
        t.send("Tab")
        t.send(" (on-call)", literal=True)
        shot(t, "edit-form")
        emu.request("PATCH", f"/v1/accounts/acc_demo/issuers/{emu.first_issuer_id}/users/{USER}", {"profile": {"display_name": "Min-jun Choi"}})
        t.send("Enter")
        t.wait_for(r"Conflict: minjun\.choi0")
        shot(t, "conflict")
        t.send("c", "Escape")
        t.wait_for(r"(?i)discard|Users \(")
        t.send("y")
        t.wait_for(r"Edit minjun", absent=True)
        emu.request("POST", "/_emulator/faults", {"method": "GET", "path": "/v1/accounts/*/webhooks", "status": 500, "count": 5})
        t.send(":")
        t.send("webhooks", literal=True)
        t.send("Enter")
        t.wait_for(r"✖", timeout=20)
        shot(t, "error-banner")
        # L: the request the banner names, in the console's own request log.
        t.send("L")
        t.wait_for(r"Requests \(\d+\)")
        t.wait_for(r"▶.*500")
        shot(t, "request-log")
        emu.request("DELETE", "/_emulator/faults")
        # Events over the last day, recorded through the emulator's control API, charted per type.
        kinds = [("user.updated", 14), ("session.created", 22), ("session.terminated", 9), ("user.created", 5), ("user.blocked", 2)]
        events = [{"type": kind, "ago_seconds": (index * 7919 + n * 3571) % 86_000}
                  for n, (kind, count) in enumerate(kinds) for index in range(count)]
        emu.request("POST", "/_emulator/events", {"events": events})
        t.send(":")
        t.send("events chart", literal=True)
        t.send("Enter")
        t.wait_for(r"hourly buckets")
        shot(t, "events-chart")
        t.send(":")
        t.send("issuers", literal=True)
        t.send("Enter")
        t.wait_for(emu.first_issuer_id)
        t.send("?")
        t.wait_for(r"Help — Issuers")
        shot(t, "help")
        t.send("Escape")
        t.send(":")
        t.send("webhooks", literal=True)
        t.send("Enter")
        t.wait_for(r"Webhooks \(")
        t.send("n")
        t.wait_for(r"New webhook")
        t.send("Staging alerts", literal=True)
        t.send("Tab")
        t.send("https://hooks.example.test/staging", literal=True)
        t.send("Tab")
        t.send("Right", "Space")
        t.wait_for(r"\[x\] picked")
        shot(t, "create-form")
        t.send("Enter")
        # The emulator's webhook secret is a throwaway made for this run: the picture shows no real secret.
        t.wait_for(r"Shown once — copy it now")
        shot(t, "secret-dialog")
        t.send("Escape")
    finally:
        t.kill()
        emu.stop()
    export_in_progress()


def export_in_progress():
    """`:export` of 20,000 users, each page slowed so the progress line is caught mid-way; Esc then cancels."""
    emu = Emulator(users=20000)
    out_dir = tempfile.mkdtemp(prefix="authpi-export-")
    t = Tmux(f"{CONSOLE} --base-url {emu.base_url}; sleep 30", cols=110, rows=32, cwd=out_dir,
             env={"AUTHPI_API_KEY_ID": "key_demo", "AUTHPI_API_KEY_SECRET": "demo_secret"})
    try:
        t.wait_for(emu.first_issuer_id)
        t.send("Enter")
        t.wait_for(r"Users \(")
        emu.control("POST", "/_emulator/faults",
                    {"method": "GET", "path": "/v1/accounts/*/issuers/*/users", "delay_ms": 150, "count": 1000})
        t.send(":")
        t.send("export users.csv", literal=True)
        t.send("Enter")
        t.wait_for(r"Exporting .*[1-9][\d,]* rows .*rows/s", timeout=20)
        shot(t, "export-progress")
        t.send("Escape")
        t.wait_for(r"Export cancelled", timeout=20)
    finally:
        t.kill()
        emu.stop()
        shutil.rmtree(out_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
