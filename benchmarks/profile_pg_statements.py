"""The PostgreSQL writer statement by statement: the server's CPU (from /proc), the wall time and the
number of calls of each statement shape, over bench_writer.py's articles written in batches into a
fresh database, and the statements (round trips) a batch takes. The articles' full-text statement is
sent first rather than beside linking (store.BESIDE_SEGMENT), so that each statement's server time is
its own. Run with PYTHONPATH naming another checkout to profile its code.

    python benchmarks/profile_pg_statements.py [--pg URL] [--pg-template template0] [--n 3000] [--batch 256]
                                               [--cache FILE]

--cache: bench_writer.py's pickle of extracted documents; the articles (with the workers' tsvectors)
are made from it in a child process, as profile_writer.py makes them.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after PYTHONPATH: another checkout may be profiled
sys.path.append(str(ROOT / "benchmarks"))

import bench_writer  # noqa: E402
from _pg import create_database, database_url  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pg", default=os.environ.get("CITATA_TEST_PG"), help="a PostgreSQL server URL")
    ap.add_argument("--pg-template", help="the template of the database made (template0: GIN)")
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "citata-bench-writer-400.pkl")
    args = ap.parse_args()
    if not args.pg:
        raise SystemExit("--pg URL (or $CITATA_TEST_PG)")
    import psycopg

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "items.pkl"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "profile_writer.py"), "--items", str(path),
                        "--cache", str(args.cache), "--n", str(args.n)], check=True)
        with open(path, "rb") as fh:
            items = bench_writer.load_items(fh)
    from citata.archive import store as store_module
    from citata.archive.store import Store
    from citata.nlp import morph

    store_module.BESIDE_SEGMENT = 10 ** 9  # no second thread: each statement's server time is its own
    morph()
    server = [0]
    served, wall, calls = Counter(), Counter(), Counter()

    @contextlib.contextmanager
    def timed(query, prefix=""):
        key = prefix + re.sub(r"\s+", " ", str(query))[:70]
        s, w = bench_writer.process_cpu(server[0]) if server[0] else 0.0, time.perf_counter()
        try:
            yield
        finally:
            if server[0]:
                served[key] += bench_writer.process_cpu(server[0]) - s
                wall[key] += time.perf_counter() - w
                calls[key] += 1

    execute, executemany, copy = psycopg.Cursor.execute, psycopg.Cursor.executemany, psycopg.Cursor.copy

    def timed_execute(self, query, params=None, **kw):
        with timed(query):
            return execute(self, query, params, **kw)

    def timed_executemany(self, query, params, **kw):
        with timed(query, "MANY "):
            return executemany(self, query, params, **kw)

    @contextlib.contextmanager
    def timed_copy(self, statement, *a, **kw):
        with timed(statement), copy(self, statement, *a, **kw) as c:
            yield c
    psycopg.Cursor.execute, psycopg.Cursor.executemany, psycopg.Cursor.copy = timed_execute, timed_executemany, timed_copy
    psycopg.RawCursor.execute = timed_execute

    admin = psycopg.connect(args.pg, autocommit=True)
    name = f"citata_profile_statements_{os.getpid()}"
    create_database(admin, name, args.pg_template)
    try:
        store = Store(database_url(args.pg, name))
        server[0] = store.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        served.clear(), wall.clear(), calls.clear()
        s0, c0, t0 = bench_writer.process_cpu(server[0]), time.process_time(), time.perf_counter()
        for i in range(0, len(items), args.batch):
            store.write(items[i:i + args.batch])
        total_s = bench_writer.process_cpu(server[0]) - s0
        total_c, total_w = time.process_time() - c0, time.perf_counter() - t0
        server[0] = 0
        store.close()
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()
    n, batches = len(items), -(-len(items) // args.batch)
    print(f"{n:,} articles in batches of {args.batch}: writer {1000 * total_c / n:.3f}, server {1000 * total_s / n:.3f}"
          f" CPU ms per article, wall {1000 * total_w / n:.3f} ms; {sum(calls.values())} statements"
          f" ({sum(calls.values()) / batches:.1f} a batch)\n")
    print("| statement | server CPU ms per article | wall ms per article | calls |")
    print("|---|---|---|---|")
    for key in sorted(served, key=lambda k: -served[k]):
        print(f"| `{key}` | {1000 * served[key] / n:.3f} | {1000 * wall[key] / n:.3f} | {calls[key]} |")


if __name__ == "__main__":
    main()
