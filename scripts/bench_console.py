"""Measures the release console through tmux. Every wait is bounded; numbers include tmux's own latency
(send-keys and capture-pane, a few ms), so they are upper bounds of what the console itself costs."""
import os
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "E2E"))
from tmux_driver import Tmux  # noqa: E402

CONSOLE = os.environ["AUTHPI_CONSOLE_BIN"]


def poll(t, predicate, timeout=20.0, interval=0.002):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = t.screen()
        if predicate(screen):
            return screen
        time.sleep(interval)
    raise SystemExit("bench-console: timed out; screen was:\n" + t.screen())


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def first_frame(runs):
    times = []
    for _ in range(runs):
        start = time.monotonic()
        t = Tmux(f"{CONSOLE} --demo; sleep 30", cols=120, rows=40)
        try:
            poll(t, lambda s: "iss_acme_prod" in s and "Issuers (" in s)
            times.append((time.monotonic() - start) * 1000)
        finally:
            t.kill()
    return times


def selected_line(screen):
    for line in screen.splitlines():
        if "▶" in line:
            return line
    return None


def key_to_frame(presses):
    t = Tmux(f"{CONSOLE} --demo --demo-users 100000; sleep 30", cols=120, rows=40)
    try:
        poll(t, lambda s: "iss_acme_prod" in s)
        t.send("Enter")
        poll(t, lambda s: re.search(r"Users \([\d,]+\+\)", s) is not None)
        times = []
        for i in range(presses):
            key = "j" if (i // 50) % 2 == 0 else "k"
            before = selected_line(t.screen())
            start = time.monotonic()
            t.send(key, pause=0)
            poll(t, lambda s: selected_line(s) not in (None, before), timeout=5, interval=0.001)
            times.append((time.monotonic() - start) * 1000)
        t.send("q")
        return times
    finally:
        t.kill()


def harness_baseline(presses):
    """The same send-and-poll loop against `cat` (the tty echoes each key at once): tmux's own round trip."""
    t = Tmux("cat; sleep 30", cols=120, rows=40)
    try:
        time.sleep(0.3)
        times = []
        for i in range(presses):
            before = t.screen()
            start = time.monotonic()
            t.send("j", pause=0)
            poll(t, lambda s: s != before, timeout=5, interval=0.001)
            times.append((time.monotonic() - start) * 1000)
            if i % 100 == 99:
                t.send("C-u", pause=0.05)
        return times
    finally:
        t.kill()


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    ff = first_frame(runs)
    kf = key_to_frame(200)
    base = harness_baseline(200)
    print("| figure | p50 | p99 | max | runs |")
    print("|---|---|---|---|---|")
    print(f"| first frame of `--demo` (start → issuers on screen) | {statistics.median(ff):.0f} ms | "
          f"{percentile(ff, 99):.0f} ms | {max(ff):.0f} ms | {len(ff)} |")
    print(f"| key-to-frame, j/k on 100,000 users | {statistics.median(kf):.1f} ms | {percentile(kf, 99):.1f} ms | "
          f"{max(kf):.1f} ms | {len(kf)} |")
    print(f"| the same loop against `cat` (tmux's own round trip, to subtract) | {statistics.median(base):.1f} ms | "
          f"{percentile(base, 99):.1f} ms | {max(base):.1f} ms | {len(base)} |")


if __name__ == "__main__":
    main()
