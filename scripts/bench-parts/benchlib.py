"""Shared helpers of the benchmark parts (scripts/bench-parts/*): environment, pinning, servers, wrk, results.

Every wait is bounded; every process a part starts is stopped by its pid when the part ends.
"""
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.environ.get("BENCH_ROOT") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("BENCH_BIN") or os.path.join(ROOT, ".build-release", "release")
QUICK = os.environ.get("BENCH_QUICK", "0") == "1"
OUT = os.environ.get("BENCH_OUT") or os.path.join(ROOT, ".build", "bench", "results")

# On 2 cores: servers on CPU 1, the measured client / load generator on CPU 0 — the same for every contender.
SERVER_CPU = "1"
CLIENT_CPU = "0"
DEMO_BASIC = "Basic a2V5X2RlbW86ZGVtb19zZWNyZXQ="  # base64("key_demo:demo_secret"), the emulator's demo key


def log(text):
    print(f"  {text}", flush=True)


def pin_self_to_client_cpu():
    """The harness itself (Python, the tmux client, wrk, curl) runs on the client CPU."""
    if hasattr(os, "sched_setaffinity") and os.cpu_count() and os.cpu_count() > 1:
        os.sched_setaffinity(0, {int(CLIENT_CPU)})


def pinned(cpu, argv):
    return ["taskset", "-c", cpu, *argv] if (os.cpu_count() or 1) > 1 else list(argv)


def binary(name):
    path = os.path.join(BIN, name)
    if not os.access(path, os.X_OK):
        raise SystemExit(f"bench: {path} is missing; scripts/bench builds it")
    return path


def percentile(values, p):
    """Nearest-rank percentile (p in 0…100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[min(len(ordered), int(rank)) - 1]


def median(values):
    return percentile(values, 50)


def rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class Server:
    """A server process started pinned to the server CPU; ready when it prints its `... http://HOST:PORT` line."""

    def __init__(self, argv, ready_timeout=60.0):
        self.started = time.monotonic()
        self.proc = subprocess.Popen(pinned(SERVER_CPU, argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        line = _read_line(self.proc, ready_timeout)
        self.ready_seconds = time.monotonic() - self.started
        match = re.search(r"(http://\S+)", line or "")
        if not match:
            self.stop()
            raise SystemExit(f"bench: {argv[0]} did not print its ready line (got {line!r})")
        self.url = match.group(1)
        self.pid = self.proc.pid

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def _read_line(proc, timeout):
    """Reads the first stdout line, bounded in time (the server may never print it)."""
    import selectors
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if selector.select(timeout=max(0.0, deadline - time.monotonic())):
            return proc.stdout.readline().strip()
        if proc.poll() is not None:
            return None
    return None


WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def cpu_seconds(pid):
    """User + system CPU time a process has used so far (from /proc/PID/stat)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(url, seconds, connections=16, threads=1, headers=(), server_pid=None):
    """Runs wrk pinned to the client CPU; returns (requests per second, p50 ms, p99 ms, errors, server CPU ms per
    request). The last one (None without `server_pid`) hardly depends on what else the machine is doing."""
    cpu_before = cpu_seconds(server_pid) if server_pid else None
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for header in headers:
        argv += ["-H", header]
    argv.append(url)
    result = subprocess.run(pinned(CLIENT_CPU, argv), capture_output=True, text=True, timeout=seconds + 60)
    text = result.stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    p50 = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s|m)\b", text, re.M)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\b", text, re.M)
    if result.returncode != 0 or not (rps and p50 and p99):
        raise SystemExit(f"bench: wrk failed on {url}:\n{text}\n{result.stderr}")
    errors = 0
    for match in re.finditer(r"Non-2xx or 3xx responses:\s+(\d+)", text):
        errors += int(match.group(1))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    to_ms = lambda m: float(m.group(1)) * WRK_UNITS[m.group(2)]  # noqa: E731
    cpu_per_request = None
    total = re.search(r"(\d+) requests in", text)
    if server_pid and total and int(total.group(1)) > 0:
        cpu_per_request = (cpu_seconds(server_pid) - cpu_before) * 1000 / int(total.group(1))
    return float(rps.group(1)), to_ms(p50), to_ms(p99), errors, cpu_per_request


def tool_version(argv, pattern=r"([\d][\w.\-]*)"):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=20)
        match = re.search(pattern, out.stdout + out.stderr)
        return match.group(1) if match else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def row(section, metric, value, unit, command, reference=None, reference_value=None, better="higher", goal=None,
        goal_met=None, notes=None):
    """A result row (see docs/benchmarks.md): `ratio` > 1 means ours is better than the reference."""
    ratio = None
    if reference_value not in (None, 0) and value not in (None, 0):
        ratio = value / reference_value if better == "higher" else reference_value / value
    return {"section": section, "metric": metric, "value": value, "unit": unit, "reference": reference,
            "reference_value": reference_value, "ratio": ratio, "better": better, "goal": goal,
            "goal_met": goal_met, "command": command, "notes": notes}


def write_results(part, rows, notes=()):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, f"{part}.json")
    with open(path, "w") as out:
        json.dump({"part": part, "quick": QUICK, "rows": rows, "notes": list(notes)}, out, indent=1)
    log(f"wrote {len(rows)} rows to {path}")
    if not rows:
        sys.exit(1)
