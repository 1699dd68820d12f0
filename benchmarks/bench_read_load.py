"""Read load on `citata serve`: requests/s and latency of every read endpoint, on loopback.

    python benchmarks/bench_read_load.py [--db FILE] [--requests 2000] [--concurrency 20]
                                         [--corpora ../shared/corpora] [--ingest-while]
                                         [--code DIR --code DIR ...]

In one run, against a server process started here as `citata serve` runs it (one per --code
checkout, default this one, e.g. `--code ../../main --code .` to compare a change with its base):
each endpoint in turn gets `--requests` GET requests from `--concurrency` client threads, each
thread on its own keep-alive connection, from each server in turn. Reported per endpoint and
server: requests/s, p50 and p95 in ms, and the rate as a share of /api/stats's on the same server
in the same run (the baseline: the cheapest endpoint, so the share says what the endpoint's own
work costs, whatever the machine).

Without --db, an archive of the corpus texts is ingested first (one worker). --ingest-while adds a
second round of /api/stats while the server ingests a maximal document (8 MB of reported speech)
over POST /api/ingest, for issue 17's "reads never wait on an ingest".
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _corpus import corpus_paths  # noqa: E402

ENDPOINTS = [
    "/api/stats",
    "/api/quotations?limit=50",
    "/",
    "/api/articles?limit=50",
    "/api/speakers?limit=50",
    "/api/search?q=%D0%B7%D0%B0%D1%8F%D0%B2%D0%B8%D0%BB",  # заявил
    "/api/outlets",
    "/outlets",
    "/speakers",
    "/articles",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load(port: int, path: str, requests: int, concurrency: int) -> dict:
    """`requests` GETs of `path` from `concurrency` threads; latencies in ms."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_thread = [requests // concurrency + (1 if i < requests % concurrency else 0) for i in range(concurrency)]
    errors = []

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine = []
        for _ in range(n):
            t0 = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - t0) * 1000)
            if response.status != 200:
                errors.append(response.status)
        conn.close()
        with lock:
            latencies.extend(mine)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(client, per_thread))
    elapsed = time.perf_counter() - t0
    latencies.sort()
    return {"path": path, "requests": requests, "rate": requests / elapsed,
            "p50": statistics.median(latencies), "p95": latencies[int(0.95 * (len(latencies) - 1))],
            "errors": len(errors)}


def wait_up(port: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/stats")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=None, help="an archive to serve [default: the corpus, ingested here]")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--ingest-while", action="store_true")
    ap.add_argument("--code", action="append", help="a checkout whose citata serves (repeatable) [default: this one]")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="citata-bench-")
    db = args.db
    if db is None:
        db = Path(tmp.name) / "bench.db"
        subprocess.run([sys.executable, "-m", "citata", "ingest", "--workers", "1", "--db", str(db),
                        *corpus_paths(args.corpora)], check=False, stdout=subprocess.DEVNULL)
    codes = [Path(c).resolve() for c in (args.code or [ROOT])]
    servers = []
    try:
        for code in codes:
            port = free_port()
            env = {**os.environ, "PYTHONPATH": str(code)}
            servers.append((code, port, subprocess.Popen(
                [sys.executable, "-m", "citata", "serve", "--db", str(db), "--port", str(port),
                 *(["--allow-ingest", "--token", "bench"] if args.ingest_while else [])],
                env=env, stdout=subprocess.DEVNULL, cwd=str(code))))
        for _, port, _ in servers:
            wait_up(port)
            for path in ENDPOINTS:  # warm-up: caches, templates, the first connection per thread
                load(port, path, args.concurrency, args.concurrency)
        results = {code: [] for code in codes}
        for path in ENDPOINTS:
            for code, port, _ in servers:
                results[code].append(load(port, path, args.requests, args.concurrency))
        if args.ingest_while:
            for code, port, _ in servers:
                results[code].append(_during_ingest(port, args))
    finally:
        for _, _, server in servers:
            server.terminate()
            server.wait(30)
        tmp.cleanup()
    print(f"{args.requests} requests per endpoint, concurrency {args.concurrency}, loopback; "
          f"{os.cpu_count()} CPUs; archive {db}")
    for code in codes:
        base = results[code][0]["rate"]
        print(f"\ncode: {code}\n\n| endpoint | requests/s | p50 ms | p95 ms | share of /api/stats | errors |\n"
              "|---|---|---|---|---|---|")
        for r in results[code]:
            print(f"| `{r['path']}` | {r['rate']:.0f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['rate'] / base:.0%} "
                  f"| {r['errors']} |")


def _during_ingest(port: int, args) -> dict:
    """/api/stats again while POST /api/ingest carries a maximal document of reported speech."""
    line = "Президент заявил, что всё хорошо. " * 10 + "\n"
    text = line * (7 * 2**20 // len(line.encode()))
    body = (json.dumps({"id": "maximal", "text": text}, ensure_ascii=False) + "\n").encode()

    def post() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
        try:
            conn.request("POST", "/api/ingest", body=body, headers={"Authorization": "Bearer bench"})
            conn.getresponse().read()
        except OSError:  # the server stopped at the end of the run, the ingest still going
            pass

    threading.Thread(target=post, daemon=True).start()
    time.sleep(5)  # the worker is reading and processing by now
    result = load(port, "/api/stats", args.requests, args.concurrency)
    result["path"] = "/api/stats (during an 8 MB ingest)"
    return result


if __name__ == "__main__":
    main()
