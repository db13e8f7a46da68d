"""A small load run against the web app: latency of an actor's events and an article page.

Starts the app (read-only) on 127.0.0.1 on a free port in this process (uvicorn in a
thread; `--in-process` skips HTTP and calls the app through Starlette's test client),
sends at most N requests per endpoint from C client threads, stops after T seconds
whichever comes first, and prints p50/p95 latency in milliseconds.

    python benchmarks/web_load.py --db communique.duckdb
    python benchmarks/web_load.py --db news.duckdb --requests 500 --concurrency 4 --seconds 60

Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

MAX_REQUESTS = 20_000
MAX_SECONDS = 600


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def pick_targets(db: str) -> tuple[str, str]:
    """The most active actor (as its events key) and the newest article of the database."""
    from communique.store import open_store
    from communique.store._explore import actor_events_key, top_actors

    with open_store(db, read_only=True) as store:
        actors = top_actors(store, limit=1)
        articles = store.articles(limit=1)
        if not actors or not articles:
            raise SystemExit(f"{db}: needs at least one article and one event to measure")
        return actor_events_key(actors[0]), articles[0]["id"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class HttpServer:
    """uvicorn serving the app in a background thread."""

    def __init__(self, app: object) -> None:
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> HttpServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start within 30 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def http_getter(port: int) -> Callable[[str], int]:
    local = threading.local()

    def get(path: str) -> int:
        if not hasattr(local, "con"):
            local.con = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        local.con.request("GET", path)
        response = local.con.getresponse()
        response.read()
        return response.status

    return get


def run(get: Callable[[str], int], paths: dict[str, str], requests: int, seconds: float,
        concurrency: int) -> dict[str, list[float]]:
    """Send `requests` GETs per path (alternating paths), stop at `seconds`."""
    timings: dict[str, list[float]] = {name: [] for name in paths}
    failures: list[str] = []
    deadline = time.monotonic() + seconds
    jobs = [name for _ in range(requests) for name in paths]
    lock = threading.Lock()

    def one(name: str) -> None:
        if time.monotonic() > deadline:
            return
        started = time.perf_counter()
        status = get(paths[name])
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            if status == 200:
                timings[name].append(elapsed)
            else:
                failures.append(f"{paths[name]}: HTTP {status}")

    for name in paths:  # warm up: first plotly/template/connection costs are not the steady state
        get(paths[name])
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, jobs))
    if failures:
        print(f"{len(failures)} failed requests, e.g. {failures[0]}", file=sys.stderr)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="communique.duckdb", help="database to serve")
    parser.add_argument("--requests", type=int, default=200,
                        help=f"requests per endpoint (at most {MAX_REQUESTS})")
    parser.add_argument("--seconds", type=float, default=60, help=f"stop after this long (at most {MAX_SECONDS})")
    parser.add_argument("--concurrency", type=int, default=1, help="client threads (1 to 32)")
    parser.add_argument("--in-process", action="store_true", help="call the app without HTTP")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    requests = max(1, min(args.requests, MAX_REQUESTS))
    seconds = max(1.0, min(args.seconds, MAX_SECONDS))
    concurrency = max(1, min(args.concurrency, 32))

    from communique.api import create_app

    actor, article = pick_targets(args.db)
    paths = {"actor events (API)": f"/api/events?actor={quote(actor, safe=':')}&limit=100",
             "article page (HTML)": f"/articles/{quote(article, safe='')}"}
    app = create_app(args.db)
    started = time.perf_counter()
    if args.in_process:
        from fastapi.testclient import TestClient

        with TestClient(app) as client:
            timings = run(lambda p: client.get(p).status_code, paths, requests, seconds, concurrency)
    else:
        with HttpServer(app) as server:
            timings = run(http_getter(server.port), paths, requests, seconds, concurrency)
    wall = time.perf_counter() - started
    report = {"db": args.db, "mode": "in-process" if args.in_process else "http 127.0.0.1",
              "concurrency": concurrency, "seconds": round(wall, 2), "endpoints": {}}
    for name, values in timings.items():
        if values:
            report["endpoints"][name] = {
                "path": paths[name], "requests": len(values),
                "p50_ms": round(percentile(values, 50), 2), "p95_ms": round(percentile(values, 95), 2),
                "mean_ms": round(statistics.fmean(values), 2), "max_ms": round(max(values), 2)}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{report['mode']}, {concurrency} client thread(s), {wall:.1f}s, db {args.db}")
        for name, figures in report["endpoints"].items():
            print(f"  {name:<20} {figures['requests']:>6} requests  p50 {figures['p50_ms']:>7.2f} ms"
                  f"  p95 {figures['p95_ms']:>7.2f} ms  max {figures['max_ms']:>7.2f} ms  {figures['path']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
