"""Part 30-console: the release console in a real terminal (tmux): time to first frame, key-to-frame latency,
bytes written per cursor move, what an idle console costs, resident memory after scrolling a million users end to
end.

tmux's own cost is measured in the same run with the same loop (a trivial program instead of the console) and
shown as the reference. The console runs pinned to CPU 1; the harness (this script, the tmux server) on CPU 0.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import benchlib as b

sys.path.insert(0, os.path.join(b.ROOT, "Tests", "E2E"))
from tmux_driver import Tmux  # noqa: E402

QUICK = b.QUICK
STARTS = 3 if QUICK else 20
PRESSES = 30 if QUICK else 300
LIST_USERS = 2_000 if QUICK else 100_000
MOVES = 10 if QUICK else 60
SCROLL_USERS = 2_000 if QUICK else 1_000_000
SCROLL_TIMEOUT = 180 if QUICK else 1_800
IDLE_SECONDS = 3 if QUICK else 10
COLS, ROWS = 120, 40
COMMAND = "scripts/bench-parts/30-console"
SECTION = "Console in a real terminal (tmux 120×40, release)"
ENV_KEYS = {"AUTHPI_API_KEY_ID": "key_demo", "AUTHPI_API_KEY_SECRET": "demo_secret"}
# G's progress line: `⋯ loading every page: 120,000 rows so far · …`.
LOADED = re.compile(r"loading every page: ([\d,]+) rows")
# An issuer row: demo issuer ids have the real shape, `i_` + 14 lowercase letters and digits.
ISSUER_ROW = re.compile(r"\bi_[a-z0-9]{14}\b")


class BenchTmux(Tmux):
    """The E2E driver on a socket of its own, so the benchmark never shares a tmux server with a test run."""

    def _tmux(self, *args, env=None, check=True):
        return subprocess.run(["tmux", "-L", "authpi-bench", *args], capture_output=True, text=True, env=env,
                              check=check, timeout=10)


def poll(t, predicate, timeout=20.0, interval=0.002):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = t.screen()
        if predicate(screen):
            return screen
        time.sleep(interval)
    raise SystemExit("bench console: timed out; screen was:\n" + t.screen())


def console_command(console, args):
    return " ".join(b.pinned(b.SERVER_CPU, [console, *args])) + "; sleep 60"


def selected_line(screen):
    return next((line for line in screen.splitlines() if "▶" in line), None)


def program_pid(t, name="authpi-console"):
    """The console's pid: a child of the pane's shell (taskset execs it, keeping its pid)."""
    shell = t._tmux("display-message", "-p", "-t", t.session, "#{pane_pid}").stdout.strip()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                with open(f"/proc/{entry}/comm") as comm:
                    command = comm.read().strip()
            except OSError:
                continue
            if fields[1] == shell and command == name[:15]:
                return int(entry)
        time.sleep(0.05)
    raise SystemExit("bench console: cannot find the console process")


def first_frames(console):
    ours, floor = [], []
    for _ in range(STARTS):
        started = time.monotonic()
        t = BenchTmux(console_command(console, ["--demo"]), cols=COLS, rows=ROWS)
        try:
            poll(t, lambda s: ISSUER_ROW.search(s) is not None and "Issuers (" in s)
            ours.append((time.monotonic() - started) * 1000)
        finally:
            t.kill()
        # tmux's own start → screen for a program that prints at once: the floor of this measurement.
        started = time.monotonic()
        t = BenchTmux("printf 'FIRST-FRAME\\n'; sleep 60", cols=COLS, rows=ROWS)
        try:
            poll(t, lambda s: "FIRST-FRAME" in s)
            floor.append((time.monotonic() - started) * 1000)
        finally:
            t.kill()
    return ours, floor


def open_users(t):
    poll(t, lambda s: ISSUER_ROW.search(s) is not None)
    t.send("Enter")
    poll(t, lambda s: re.search(r"Users \([\d,]+\+?\)", s) is not None and selected_line(s) is not None)


def key_to_frame(console):
    t = BenchTmux(console_command(console, ["--demo", "--demo-users", str(LIST_USERS)]), cols=COLS, rows=ROWS)
    try:
        open_users(t)
        times = []
        for i in range(PRESSES):
            key = "j" if (i // 50) % 2 == 0 else "k"
            before = selected_line(t.screen())
            started = time.monotonic()
            t.send(key, pause=0)
            poll(t, lambda s: selected_line(s) not in (None, before), timeout=5, interval=0.001)
            times.append((time.monotonic() - started) * 1000)
        return times
    finally:
        t.kill()


def tmux_round_trip():
    """The same send-and-poll loop against `cat` (the tty echoes each key at once): tmux's own round trip."""
    t = BenchTmux("cat; sleep 60", cols=COLS, rows=ROWS)
    try:
        time.sleep(0.3)
        times = []
        for i in range(PRESSES):
            before = t.screen()
            started = time.monotonic()
            t.send("j", pause=0)
            poll(t, lambda s: s != before, timeout=5, interval=0.001)
            times.append((time.monotonic() - started) * 1000)
            if i % 100 == 99:
                t.send("C-u", pause=0.05)
        return times
    finally:
        t.kill()


def settle(path, quiet=0.15, timeout=3.0):
    """Waits until the recorded output stops growing; returns its size."""
    size, changed = os.path.getsize(path), time.monotonic()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.02)
        now = os.path.getsize(path)
        if now != size:
            size, changed = now, time.monotonic()
        elif time.monotonic() - changed >= quiet:
            break
    return size


def bytes_per_move(console):
    """Records every byte the console writes to its terminal (tmux pipe-pane) while moving the cursor."""
    t = BenchTmux(console_command(console, ["--demo", "--demo-users", str(LIST_USERS)]), cols=COLS, rows=ROWS)
    record = tempfile.NamedTemporaryFile(prefix="authpi-bench-pty-", delete=False)
    record.close()
    try:
        open_users(t)
        time.sleep(1.0)  # hydration of the visible rows finishes
        t._tmux("pipe-pane", "-o", "-t", t.session, f"cat >> {record.name}")
        time.sleep(0.3)
        size = settle(record.name)
        moves = []
        for i in range(MOVES):
            before = selected_line(t.screen())
            t.send("j" if i < MOVES // 2 else "k", pause=0)
            poll(t, lambda s: selected_line(s) not in (None, before), timeout=5, interval=0.002)
            now = settle(record.name)
            moves.append(now - size)
            size = now
        t.send("C-l", pause=0)
        repaint = settle(record.name, quiet=0.3) - size
        t._tmux("pipe-pane", "-t", t.session)
        return moves, repaint
    finally:
        t.kill()
        os.unlink(record.name)


def thread_switches(pid):
    """Voluntary + non-voluntary context switches so far, by thread id."""
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as status:
                counts[task] = sum(int(line.split()[1]) for line in status
                                   if line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:")))
        except OSError:
            continue  # a thread that ended meanwhile
    return counts


def context_switches_during(pid, seconds, sample=0.5):
    """Context switches of all the process's threads over `seconds`. Sampled every `sample` s: a thread that ends
    takes its counts with it, so each thread counts from its first sample (0 if it started meanwhile) to its
    last. Reading /proc does not wake the process."""
    first, last = thread_switches(pid), {}
    last.update(first)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(min(sample, max(0.0, deadline - time.monotonic())))
        last.update(thread_switches(pid))
    return sum(count - first.get(tid, 0) for tid, count in last.items())


def idle_cost(console, emulator, seconds=IDLE_SECONDS):
    """An idle console (users pane open, no refresh interval, nothing typed): its CPU share of one core and its
    wake-ups (context switches of all its threads) per second over `seconds`. The emulator is a process of its
    own (with `--demo` its server's timers would be counted as the console's). Nothing is sent to the pane
    meanwhile."""
    t = BenchTmux(" ".join(b.pinned(b.CLIENT_CPU, [console, "--base-url", emulator.url])) + "; sleep 60",
                  cols=COLS, rows=ROWS, env=ENV_KEYS)
    try:
        open_users(t)
        time.sleep(2.0)  # hydration of the visible rows and the last frame are done
        pid = program_pid(t)
        cpu_before, started = b.cpu_seconds(pid), time.monotonic()
        switches = context_switches_during(pid, seconds)
        cpu_after, elapsed = b.cpu_seconds(pid), time.monotonic() - started
        return (cpu_after - cpu_before) / elapsed * 100, switches / elapsed
    finally:
        t.kill()


def scroll_memory(console, emulator):
    t = BenchTmux(" ".join(b.pinned(b.CLIENT_CPU, [console, "--base-url", emulator.url])) + "; sleep 60",
                  cols=COLS, rows=ROWS, env=ENV_KEYS)
    try:
        open_users(t)
        time.sleep(1.0)
        pid = program_pid(t)
        baseline = b.rss_mib(pid)
        peak = baseline
        # Every page loaded: the count has no "+" and the progress line is gone; the last row is selected.
        total = f"Users ({SCROLL_USERS:,})"
        started = time.monotonic()
        t.send("G", pause=0)
        deadline = started + SCROLL_TIMEOUT
        while True:
            screen = t.screen()
            peak = max(peak, b.rss_mib(pid))
            if total in screen and "loading" not in screen and selected_line(screen) is not None:
                break
            if time.monotonic() > deadline:
                raise SystemExit(f"bench console: G did not reach the end in {SCROLL_TIMEOUT}s; screen:\n{screen}")
            # Every 0.5 s (a capture costs CPU 0, which the console shares), every 50 ms once 90 % is loaded, so
            # the end is seen within 50 ms instead of up to half a second late.
            loaded = LOADED.search(screen)
            near_end = loaded is not None and int(loaded.group(1).replace(",", "")) >= 0.9 * SCROLL_USERS
            time.sleep(0.05 if near_end else 0.5)
        seconds = time.monotonic() - started
        time.sleep(1.0)
        after = b.rss_mib(pid)
        return baseline, max(peak, after), after, seconds
    finally:
        t.kill()


def client_walk(emulator):
    """The client core's own listAll over the same emulator, on the console's CPU: the rate G is measured against."""
    argv = b.pinned(b.CLIENT_CPU, [b.binary("authpi-bench-client"), "--base-url", emulator.url,
                                   "--scenario", "list-all", "--page-limit", "100"])
    done = subprocess.run(argv, capture_output=True, text=True, timeout=SCROLL_TIMEOUT)
    if done.returncode != 0:
        raise SystemExit(f"bench console: the client's walk failed: {done.stderr.strip()[-400:]}")
    result = json.loads(done.stdout)
    if result.get("items") != SCROLL_USERS:
        raise SystemExit(f"bench console: the client's walk read {result.get('items')} users, not {SCROLL_USERS}")
    return result["items_per_second"]


def main():
    b.pin_self_to_client_cpu()
    console, emulator_bin = b.binary("authpi-console"), b.binary("authpi-emulator")
    os.environ.setdefault("LANG", "C.UTF-8")
    os.environ.setdefault("LC_ALL", "C.UTF-8")
    rows = []

    ours, floor = first_frames(console)
    b.log(f"first frame: p50 {b.median(ours):.0f} ms (tmux floor {b.median(floor):.0f} ms)")
    for p in (50, 99):
        value, reference = b.percentile(ours, p), b.percentile(floor, p)
        rows.append(b.row(SECTION, f"first frame of `--demo` p{p} (start → issuers on screen)", value, "ms",
                          COMMAND, "tmux start → a printf on screen", reference, "lower", "< 300 ms", value < 300,
                          f"{STARTS} starts; includes the in-process emulator's start"))

    keys, base = key_to_frame(console), tmux_round_trip()
    b.log(f"key-to-frame: p50 {b.median(keys):.1f} ms, p99 {b.percentile(keys, 99):.1f} ms "
          f"(tmux round trip p99 {b.percentile(base, 99):.1f} ms)")
    for p in (50, 99):
        value, reference = b.percentile(keys, p), b.percentile(base, p)
        share = value - reference
        rows.append(b.row(SECTION, f"key-to-frame p{p}, j/k on {LIST_USERS:,} users", value, "ms", COMMAND,
                          "tmux's own round trip (the same loop against `cat`)", reference, "lower",
                          "console's share (value − reference) < 16 ms" if p == 99 else None,
                          share < 16 if p == 99 else None,
                          f"{PRESSES} presses; console's share ≈ {share:.1f} ms"))

    moves, repaint = bytes_per_move(console)
    per_move = b.median(moves)
    b.log(f"bytes per move: median {per_move:.0f}, max {max(moves)}, full repaint {repaint}")
    if repaint <= 0:
        raise SystemExit("bench console: Ctrl-L wrote nothing; cannot measure a full repaint")
    rows.append(b.row(SECTION, "bytes written to the terminal per cursor move (median)", per_move, "bytes",
                      COMMAND, "a full repaint (Ctrl-L)", repaint, "lower", "≤ 10 % of a full repaint",
                      per_move <= 0.1 * repaint,
                      f"{MOVES} moves recorded with tmux pipe-pane; mean {sum(moves) / len(moves):.0f}, "
                      f"max {max(moves)} bytes"))

    with b.Server([emulator_bin, "--port", "0", "--users", str(LIST_USERS)]) as emulator:
        cpu_share, switches = idle_cost(console, emulator)
    b.log(f"idle console: {cpu_share:.2f} % of a core, {switches:.1f} context switches per second")
    rows.append(b.row(SECTION, "idle console: CPU share", cpu_share, "% of a core", COMMAND, better="lower",
                      goal="< 0.5 % of a core", goal_met=cpu_share < 0.5,
                      notes=f"users pane open, no refresh interval, external emulator, {IDLE_SECONDS} s; "
                            "utime + stime from /proc"))
    rows.append(b.row(SECTION, "idle console: context switches per second", switches, "per second", COMMAND,
                      better="lower", goal="< 5 per second", goal_met=switches < 5,
                      notes=f"voluntary + non-voluntary, summed over /proc/PID/task/*/status, {IDLE_SECONDS} s"))

    with b.Server([emulator_bin, "--port", "0", "--users", str(SCROLL_USERS)]) as emulator:
        baseline, peak, after, seconds = scroll_memory(console, emulator)
        walk_rate = client_walk(emulator)
    b.log(f"scroll {SCROLL_USERS:,}: {seconds:.0f} s, rss {baseline:.1f} → {after:.1f} MiB (peak {peak:.1f}); "
          f"client listAll {walk_rate:,.0f} items/s")
    rows.append(b.row(SECTION, f"resident memory after scrolling {SCROLL_USERS:,} users end to end (G)", after,
                      "MiB", COMMAND, "after the users list's first frame", baseline, "lower",
                      "≤ 16 MiB over the reference", after - baseline <= 16,
                      f"growth {after - baseline:.1f} MiB, peak {peak:.1f} MiB; external emulator on CPU 1, "
                      f"console on CPU 0"))
    g_rate = SCROLL_USERS / seconds
    rows.append(b.row(SECTION, f"G through {SCROLL_USERS:,} users: rows per second", g_rate, "rows/s", COMMAND,
                      "the client's listAll over the same emulator, same CPU", walk_rate, "higher",
                      "≥ 0.8× the client's walk", g_rate >= 0.8 * walk_rate,
                      f"{seconds:.1f} s from G to the last row on screen (polled every 0.5 s, every 50 ms from 90 % loaded); "
                      "limit=100 pages for both"))
    b.write_results("console", rows, [
        "The console runs in tmux (120×40, TERM=tmux-256color) pinned to CPU 1 (the million-user scroll: console "
        "on CPU 0, emulator on CPU 1); the harness polls `capture-pane`, so every latency includes tmux's own "
        "round trip, shown as the reference and measured with the same loop in the same run.",
        "What bounds G (issue 15): during the walk the console, tmux and this harness share CPU 0, so G runs at "
        "the console's CPU per page, which is the client walk's plus the console's own (request log and rate-limit "
        "middlewares, handing pages over, four frames a second) plus tmux. Two costs were removed this round: the "
        "rate-limit observer published the state, and the console drew a frame, for every answer (about a "
        "thousand frames a second, most writing nothing: console CPU during G 8.9 s -> 5.4 s), and the header "
        "spinner now steps with the progress line instead of drawing ten frames a second of its own. G also uses "
        "the client's read-ahead (next page requested when the body arrives), which made the client's own walk, "
        "the reference here, about a quarter faster as well. G's end is seen by polling the screen (every 50 ms "
        "once 90 % is loaded).",
    ])


if __name__ == "__main__":
    main()
