#!/usr/bin/env python3
"""One scenario of the client-vs-Python-SDK benchmark, with the official SDK authpi-admin 1.4.0.

The twin of the Swift `authpi-bench-client` (Benchmarks/ClientVsPython): same URLs, credential, counts and
output keys. The SDK is async only (httpx.AsyncClient underneath), so every scenario runs on asyncio; the
concurrent one runs N asyncio tasks on one SDK client. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import resource
import sys
import time

import httpx
from authpi_admin import AuthPIAdmin


def percentiles(latencies_s: list[float]) -> dict[str, float]:
    ordered = sorted(x * 1000.0 for x in latencies_s)
    if not ordered:
        return {}

    def at(p: float) -> float:
        # Nearest rank, as the Swift side.
        return ordered[min(len(ordered) - 1, math.ceil(p / 100.0 * len(ordered)) - 1)]

    return {
        "latency_p50_ms": at(50),
        "latency_p99_ms": at(99),
        "latency_max_ms": ordered[-1],
        "latency_mean_ms": sum(ordered) / len(ordered),
    }


def peak_memory() -> dict[str, int]:
    out = {"ru_maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    out["vmhwm_kib"] = int(line.split()[1])
    except OSError:
        pass
    return out


async def spread(total: int, workers: int, call) -> list[float]:
    """Runs `total` calls on `workers` tasks (each takes its share); returns every latency in seconds."""

    async def worker(share: int) -> list[float]:
        latencies = []
        for _ in range(share):
            sent = time.perf_counter()
            await call()
            latencies.append(time.perf_counter() - sent)
        return latencies

    shares = [total // workers + (1 if w < total % workers else 0) for w in range(workers)]
    parts = await asyncio.gather(*(worker(s) for s in shares))
    return [x for part in parts for x in part]


async def measure(args: argparse.Namespace) -> dict:
    http_client = None
    if args.scenario == "concurrent" and not args.httpx_default_limits:
        # httpx keeps only 20 idle connections by default: with 64 tasks the other connections would be
        # closed and reopened on every request. A pool sized to the workers is the SDK's documented way
        # (http_client=) and the faster one.
        http_client = httpx.AsyncClient(
            timeout=30.0,
            limits=httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency),
        )
    admin = AuthPIAdmin(
        api_key=("key_demo", "demo_secret"),
        account_id=args.account_id,
        base_url=args.base_url,
        retries=False,
        http_client=http_client,
    )
    report: dict = {"contender": "python", "scenario": args.scenario}
    try:
        if not args.issuer:
            issuers = await admin.issuers.list(limit=1)
            if not issuers.data:
                raise SystemExit(f"account {args.account_id} has no issuers")
            args.issuer = issuers.data[0].id
        users = admin.issuer(args.issuer).users
        first = await users.list(limit=1)
        if not first.data:
            raise SystemExit(f"issuer {args.issuer} has no users")
        user_id = first.data[0].user_id

        async def get_user() -> None:
            await users.get(user_id)

        if args.scenario == "get":
            for _ in range(args.warmup):
                await get_user()
            latencies = []
            started = time.perf_counter()
            for _ in range(args.count):
                sent = time.perf_counter()
                await get_user()
                latencies.append(time.perf_counter() - sent)
            elapsed = time.perf_counter() - started
            report.update(count=args.count, seconds=elapsed, requests_per_second=args.count / elapsed)
            report.update(percentiles(latencies))
        elif args.scenario == "concurrent":
            await spread(max(args.warmup, args.concurrency), args.concurrency, get_user)
            started = time.perf_counter()
            latencies = await spread(args.count, args.concurrency, get_user)
            elapsed = time.perf_counter() - started
            report.update(
                count=args.count, concurrency=args.concurrency, seconds=elapsed,
                requests_per_second=args.count / elapsed,
                pool="httpx default limits" if args.httpx_default_limits else f"httpx pool of {args.concurrency}",
            )
            report.update(percentiles(latencies))
        else:
            await users.list(limit=args.page_limit)
            started = time.perf_counter()
            items = 0
            last_id = ""
            async for user in users.list_all(limit=args.page_limit):
                items += 1
                last_id = user.user_id
            elapsed = time.perf_counter() - started
            if items == 0 or not last_id:
                raise SystemExit("list_all returned no users")
            report.update(
                items=items, pages=(items + args.page_limit - 1) // args.page_limit, seconds=elapsed,
                items_per_second=items / elapsed,
            )
    finally:
        await admin.close()
        if http_client is not None:
            await http_client.aclose()
    report.update(peak_memory())
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--scenario", required=True, choices=["get", "concurrent", "list-all"])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--page-limit", type=int, default=100)
    parser.add_argument("--issuer", help="default: the first issuer the account lists (the demo seed's user-filled one)")
    parser.add_argument("--account-id", default="acc_demo")
    parser.add_argument("--httpx-default-limits", action="store_true",
                        help="concurrent: keep httpx's default pool (20 keep-alive connections)")
    args = parser.parse_args()
    if args.count <= 0 or args.warmup < 0 or args.concurrency <= 0 or args.page_limit <= 0:
        parser.error("count, concurrency and page-limit must be positive, warmup not negative")
    print(json.dumps(asyncio.run(measure(args)), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
