"""Benchmark: authpi-emulator with --users 1000000 — start time, memory, list page latency.

Usage: python benchmark.py PATH/TO/authpi-emulator   (prints numbers; asserts nothing)
"""
import statistics
import subprocess
import sys
import time

import httpx

BIN = sys.argv[1]
USERS = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


started = time.monotonic()
proc = subprocess.Popen([BIN, "--port", "0", "--users", str(USERS)], stdout=subprocess.PIPE, text=True)
try:
    line = proc.stdout.readline().strip()
    ready = time.monotonic() - started
    url = line.rsplit(" ", 1)[-1]
    print(f"users={USERS} start={ready:.3f}s rss_at_start={rss_mib(proc.pid):.1f}MiB ({line})")
    path = "/v1/accounts/me/issuers/iss_acme_prod/users"
    with httpx.Client(base_url=url, auth=("key_demo", "demo_secret"), timeout=30) as client:
        client.get(path)  # warm up
        timings = []
        cursor = None
        for _ in range(300):
            params = {"limit": 25}
            if cursor:
                params["cursor"] = cursor
            t0 = time.perf_counter()
            response = client.get(path, params=params)
            timings.append((time.perf_counter() - t0) * 1000)
            body = response.json()
            cursor = body["next_cursor"]
        filtered = []
        for _ in range(50):
            t0 = time.perf_counter()
            client.get(path, params={"limit": 25, "status": "blocked"})
            filtered.append((time.perf_counter() - t0) * 1000)
        one = []
        ids = [item["user_id"] for item in client.get(path, params={"limit": 100}).json()["data"]]
        for user_id in ids:
            t0 = time.perf_counter()
            client.get(f"{path}/{user_id}")
            one.append((time.perf_counter() - t0) * 1000)
    q = lambda xs, p: sorted(xs)[int(len(xs) * p) - 1]
    print(f"list limit=25 (300 pages, following cursors): p50={statistics.median(timings):.2f}ms p95={q(timings, 0.95):.2f}ms")
    print(f"list status=blocked: p50={statistics.median(filtered):.2f}ms; get user: p50={statistics.median(one):.2f}ms")
    print(f"rss_after={rss_mib(proc.pid):.1f}MiB")
finally:
    proc.terminate()
    proc.wait(timeout=10)
