"""Part 20-emulator: the release emulator under wrk against the loopback ceiling measured in the same run, and the
emulator with a million users: start time, resident memory, page latency. See docs/benchmarks.md."""
import http.client
import json
import time
from urllib.parse import urlencode, urlsplit

import benchlib as b

QUICK = b.QUICK
WRK_SECONDS = 2 if QUICK else 10
ROUNDS = 1 if QUICK else 3
CONNECTIONS = 16
USERS = 1_000 if QUICK else 1_000_000
STARTS = 2 if QUICK else 5
PAGES = 10 if QUICK else 1_000  # limit=100 pages, following cursors
ACCOUNT = "acc_demo"  # the demo account; there is no `me` alias on the real API, nor in the emulator
COMMAND = "scripts/bench-parts/20-emulator"
WRK_SECTION = "Emulator under wrk vs the loopback ceiling"
SCALE_SECTION = f"Emulator with --users {USERS:,}"


class Client:
    """One keep-alive HTTP/1.1 connection (stdlib, so the client costs the same against every server)."""

    def __init__(self, url):
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)

    def get(self, path, params=None):
        target = path + ("?" + urlencode(params) if params else "")
        started = time.perf_counter()
        self.connection.request("GET", target, headers={"Authorization": b.DEMO_BASIC})
        response = self.connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise SystemExit(f"bench: GET {target} → {response.status}: {body[:200]!r}")
        return elapsed, body

    def close(self):
        self.connection.close()


def users_path(url):
    """The users of the demo seed's first issuer (the one `--users N` fills); its id is read from the emulator."""
    client = Client(url)
    try:
        _, body = client.get(f"/v1/accounts/{ACCOUNT}/issuers", {"limit": 1})
        return f"/v1/accounts/{ACCOUNT}/issuers/{json.loads(body)['data'][0]['id']}/users"
    finally:
        client.close()


def first_user_id_and_page_bytes(url, path):
    client = Client(url)
    try:
        _, body = client.get(path, {"limit": 1})
        _, page = client.get(path, {"limit": 100})
        return json.loads(body)["data"][0]["user_id"], len(page)
    finally:
        client.close()


def wrk_against_ceiling(emulator_bin, ceiling_bin):
    """Interleaved rounds (ceilings, GET, list) so drift on the shared machine hits every target alike."""
    header = [f"Authorization: {b.DEMO_BASIC}"]
    with b.Server([emulator_bin, "--port", "0"]) as emulator:
        path = users_path(emulator.url)
        user_id, page_bytes = first_user_id_and_page_bytes(emulator.url, path)
        with b.Server([ceiling_bin, "--port", "0"]) as ceiling, \
                b.Server([ceiling_bin, "--port", "0", "--body-bytes", str(page_bytes)]) as sized:
            user_path = f"{path}/{user_id}"
            list_path = f"{path}?limit=100"
            targets = {
                "ceiling": (ceiling.url + user_path, ceiling.pid),
                "sized": (sized.url + list_path, sized.pid),
                "get": (emulator.url + user_path, emulator.pid),
                "list": (emulator.url + list_path, emulator.pid),
            }
            results = run_rounds(targets, header)
    return rows_from(results, page_bytes), results


def run_rounds(targets, header):
    for url, _ in targets.values():  # warm-up: connections, allocator, caches
        b.wrk(url, 1, CONNECTIONS, headers=header)
    results = {name: [] for name in targets}
    for round_index in range(ROUNDS):
        for name, (url, pid) in targets.items():
            rps, p50, p99, errors, cpu = b.wrk(url, WRK_SECONDS, CONNECTIONS, headers=header, server_pid=pid)
            if errors:
                raise SystemExit(f"bench: wrk saw {errors} errors on {url}")
            results[name].append((rps, p50, p99, cpu))
            b.log(f"round {round_index + 1} {name}: {rps:,.0f} req/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms, "
                  f"server CPU {cpu * 1000:.0f} µs/request")
    return results


def rows_from(results, page_bytes):
    pick = lambda name, i: b.median([r[i] for r in results[name]])  # noqa: E731
    ceiling_rps, ceiling_p99 = pick("ceiling", 0), pick("ceiling", 2)
    wrk_cmd = f"taskset -c 0 wrk -t1 -c{CONNECTIONS} -d{WRK_SECONDS}s --latency (server on CPU 1)"
    rows = []
    for name, label in (("get", "GET one user"), ("list", "list users, limit=100")):
        rps, p99 = pick(name, 0), pick(name, 2)
        # Issue 15's goals: one user at 0.6× the constant route; the list is judged against a ceiling of its size.
        goal = ("≥ 0.6× the ceiling (issue 15)", rps >= 0.6 * ceiling_rps) if name == "get" else (None, None)
        rows.append(b.row(WRK_SECTION, f"{label}: requests per second", rps, "req/s", wrk_cmd,
                          "ceiling (constant route)", ceiling_rps, "higher", *goal))
        rows.append(b.row(WRK_SECTION, f"{label}: latency p99", p99, "ms", wrk_cmd,
                          "ceiling (constant route)", ceiling_p99, "lower", "≤ 2 × the ceiling's p99",
                          p99 <= 2 * ceiling_p99))
    for name, label in (("get", "GET one user"), ("list", "list users, limit=100")):
        cpu = pick(name, 3) * 1000
        goal = ("≤ 300 µs (issue 15)", cpu <= 300) if name == "list" else (None, None)
        rows.append(b.row(WRK_SECTION, f"{label}: server CPU per request", cpu, "µs", wrk_cmd,
                          "ceiling (constant route)", pick("ceiling", 3) * 1000, "lower", *goal,
                          "user + system CPU of the server process over the wrk run, divided by its requests: "
                          "hardly affected by other load on the machine, unlike requests per second"))
    sized_rps = pick("sized", 0)
    list_rps = pick("list", 0)
    rows.append(b.row(WRK_SECTION, "list users, limit=100: requests per second, against a ceiling of the same size",
                      list_rps, "req/s", wrk_cmd, f"ceiling serving a constant {page_bytes:,}-byte body", sized_rps,
                      "higher", "≥ 0.5× (issue 15)", list_rps >= 0.5 * sized_rps,
                      f"the page's bytes served as a constant: what is left is building the page; server CPU per "
                      f"request {pick('list', 3) * 1000:.0f} µs vs {pick('sized', 3) * 1000:.0f} µs"))
    rows.append(b.row(WRK_SECTION, "ceiling: requests per second", ceiling_rps, "req/s", wrk_cmd,
                      notes="authpi-bench-ceiling: Hummingbird 2, one route returning a constant 20-byte JSON"))
    return rows


def start_times(emulator_bin, argv_tail):
    """Spawn → ready line, and the resident memory right then, over STARTS starts."""
    seconds, rss = [], []
    for _ in range(STARTS):
        with b.Server([emulator_bin, "--port", "0", *argv_tail]) as server:
            seconds.append(server.ready_seconds)
            rss.append(b.rss_mib(server.pid))
    return b.median(seconds), b.median(rss)


def walk_pages(url, path, pages, follow=True):
    """`pages` requests of limit=100, following cursors (or, with follow=False, the same request again)."""
    client = Client(url)
    try:
        client.get(path, {"limit": 100})  # warm-up
        timings, cursor, rows = [], None, 0
        for _ in range(pages):
            params = {"limit": 100}
            if cursor:
                params["cursor"] = cursor
            elapsed, body = client.get(path, params)
            timings.append(elapsed)
            page = json.loads(body)
            if not follow:
                continue
            rows += len(page["data"])
            cursor = page.get("next_cursor")
            if not cursor:
                break
        return timings, rows
    finally:
        client.close()


def at_scale(emulator_bin, ceiling_bin):
    start_big, rss_start_big = start_times(emulator_bin, ["--users", str(USERS)])
    start_demo, rss_demo = start_times(emulator_bin, [])
    b.log(f"start: {start_big * 1000:.0f} ms ({USERS:,} users) vs {start_demo * 1000:.0f} ms (demo seed)")
    with b.Server([emulator_bin, "--port", "0", "--users", str(USERS)]) as emulator:
        path = users_path(emulator.url)
        timings, rows_seen = walk_pages(emulator.url, path, PAGES)
        rss_after = b.rss_mib(emulator.pid)
        _, page_bytes = first_user_id_and_page_bytes(emulator.url, path)
    # The floor: the same client fetching a constant body as large as a page from the ceiling, as often.
    with b.Server([ceiling_bin, "--port", "0", "--body-bytes", str(page_bytes)]) as ceiling:
        floor, _ = walk_pages(ceiling.url, path, len(timings), follow=False)
    if rows_seen == 0:
        raise SystemExit("bench: the users list returned no rows")
    p50, p99 = b.median(timings), b.percentile(timings, 99)
    b.log(f"pages: {len(timings)} ({rows_seen:,} rows), p50 {p50:.2f} ms, p99 {p99:.2f} ms; rss {rss_after:.1f} MiB")
    cmd = f"{COMMAND} (emulator on CPU 1, Python http.client on CPU 0)"
    walk = f"{len(timings)} pages of limit=100 by cursor ({rows_seen:,} rows), one keep-alive connection"
    return [
        b.row(SCALE_SECTION, "start time (spawn → ready line)", start_big * 1000, "ms", cmd,
              "demo seed (300 users)", start_demo * 1000, "lower", "< 15 s", start_big < 15,
              f"median of {STARTS} starts"),
        b.row(SCALE_SECTION, "resident memory at start", rss_start_big, "MiB", cmd, "demo seed (300 users)",
              rss_demo, "lower", "< 2 GiB", rss_start_big < 2048),
        b.row(SCALE_SECTION, "resident memory after the page walk", rss_after, "MiB", cmd, "demo seed at start",
              rss_demo, "lower", "< 2 GiB", rss_after < 2048),
        b.row(SCALE_SECTION, "users page latency p50", p50, "ms", cmd, "ceiling, same client and bytes", b.median(floor),
              "lower", "< 5 ms", p50 < 5, walk),
        b.row(SCALE_SECTION, "users page latency p99", p99, "ms", cmd, "ceiling, same client and bytes",
              b.percentile(floor, 99), "lower", None, None, walk),
    ]


def main():
    b.pin_self_to_client_cpu()
    emulator_bin, ceiling_bin = b.binary("authpi-emulator"), b.binary("authpi-bench-ceiling")
    rows, results = wrk_against_ceiling(emulator_bin, ceiling_bin)
    rows += at_scale(emulator_bin, ceiling_bin)
    notes = [
        "wrk and the Python client run on CPU 0, the servers on CPU 1 (`taskset`); the ceiling is "
        "`authpi-bench-ceiling` (Benchmarks/Ceiling), a Hummingbird 2 server with one route returning a "
        "constant, built in release like the emulator and hit on the same paths with the same headers. "
        f"Requests per second and p99 are medians of {ROUNDS} interleaved rounds of {WRK_SECONDS} s each.",
    ]
    list_rps = b.median([r[0] for r in results["list"]])
    ceiling_rps = b.median([r[0] for r in results["ceiling"]])
    sized_rps = b.median([r[0] for r in results["sized"]])
    get_rps = b.median([r[0] for r in results["get"]])
    notes.append(REQUEST_PATH_NOTE)
    if list_rps < 0.5 * sized_rps or get_rps < 0.6 * ceiling_rps:
        notes.append(PROFILE_NOTE)
    b.write_results("emulator", rows, notes)


REQUEST_PATH_NOTE = (
    "**The emulator's request path (issue 15, 2026-11-30).** A profile of GET one user showed the store's own "
    "work was a small part of what the emulator paid beyond the ceiling. Measured side by side with the previous "
    "build under the same wrk load, server CPU per request went from ~94 to ~75 µs for one user and from ~114 to "
    "~85 µs for a page: the store is a lock around a struct instead of an actor (three store calls per request "
    "each risked a thread hop), routes are found in a tree of segments instead of a scan of every pattern of the "
    "path's length, paths are split and checked on bytes, the request log keeps headers as they came and redacts "
    "when read, request references come from a scrambled counter instead of a `getrandom` call, and cursors are "
    "decoded by hand. Responses are byte-identical (`Tests/AuthPIEmulatorTests/Golden`)."
)


PROFILE_NOTE = (
    "**What bounds the users list.** Profiled with `perf record -F 999 -g` on the release emulator under the same "
    "wrk load (2026-11-30, issue 15). Generated users' list items are written once and copied after from a bounded "
    "cache (16,384 slots, ~6 MiB), the cursor is base64url written by hand and the Authorization header is trimmed "
    "without Foundation; responses stay byte-identical (`Tests/AuthPIEmulatorTests/Golden`). Server CPU per page "
    "fell from ~263 µs to ~114 µs (main and this branch measured side by side). Of the server's samples the users "
    "route is now 6 %, the socket write of the ~28 KB page 13 %, and the rest is Hummingbird/NIO request handling, "
    "which the ceiling pays too. On a quiet machine the ceilings run at the speed of their CPU (19–22k req/s), so "
    "the ratios are CPU ratios: two full runs on 2026-11-30 at load 1.6–1.8 gave 0.43× and 0.49× for a page "
    "(114–123 µs against 53–56 µs) and 0.56× and 0.51× for one user (86–91 µs against 44–51 µs); at load 8–11 "
    "the same CPU costs read 0.80× and 0.62×, the ceilings being held back more than the emulator. A profile of "
    "GET one user (perf, 2026-11-30) is flat: the store's handling (route match, lookup, writing the user) is "
    "about 11 % of the server's samples, the rest spread over NIO/Hummingbird's request path, HTTP parsing and "
    "allocation, most of which the ceiling pays too; no single cost stands out."
)


if __name__ == "__main__":
    main()
