"""End-to-end ingest benchmark: `citata ingest --workers 2` of N articles into a fresh SQLite file
and into a fresh PostgreSQL database, in one run.

    python benchmarks/bench_ingest.py [--n 100000] [--pg URL] [--workers 2] [--corpora ../shared/corpora]

The input: every corpus text (bsnlp-ru raw and factrueval-2016 devset) replicated to N articles,
each copy with its own id and a published date spread over 2015-2024, as JSON-lines files of
10,000 records in a temporary directory (so every copy is new to the archive, and each text's
copies form one large syndication group). Each backend gets the real command line, run as a
subprocess, and reports:

- wall time and documents/s;
- peak RSS of the ingest's parent process (reader, writer) and of its largest worker, from the
  VmHWM of each process in /proc, sampled every half second (the PostgreSQL server's own
  processes are not counted);
- archive size per 1,000 articles: the SQLite file with its -wal and -shm files; for
  PostgreSQL pg_database_size, less the size of the freshly created empty database;

and the SQLite/PostgreSQL ratio of each. --pg is a libpq URL of a role that may create
databases (default $CITATA_TEST_PG; `eval "$(.ci/pg-server start)"` starts a local server);
without one only SQLite runs.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.model import RawDocument  # noqa: E402
from citata.source import read  # noqa: E402

FILE_RECORDS = 10_000
CITATA = [sys.executable, "-m", "citata"]


def corpus(corpora: Path) -> list[RawDocument]:
    paths = [str(p) for p in sorted((corpora / "bsnlp-ru").glob("*/raw"))]
    paths += [str(p) for p in sorted((corpora / "factrueval-2016" / "devset").glob("*.txt"))]
    docs = [r for r in read(paths) if isinstance(r, RawDocument)]
    if not docs:
        raise SystemExit(f"no corpus texts under {corpora}")
    return docs


def write_input(docs: list[RawDocument], n: int, folder: Path) -> None:
    rng = random.Random(7)
    out = None
    for i in range(n):
        if i % FILE_RECORDS == 0:
            if out:
                out.close()
            out = open(folder / f"part{i // FILE_RECORDS:03d}.jsonl", "w", encoding="utf-8")
        doc = docs[i % len(docs)]
        day = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.write(json.dumps({"id": f"bench/{i}/{doc.source}", "text": doc.text, "published": day},
                             ensure_ascii=False) + "\n")
    out.close()


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    kids = []
    for task in tasks:
        try:
            kids += [int(k) for k in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            pass
    return kids


def _peak_rss(pid: int) -> int:
    """VmHWM (peak resident set) of a live process, in bytes; 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_ingest(db: str, inputs: Path, workers: int) -> dict:
    cmd = CITATA + ["ingest", "--workers", str(workers), "--db", db, str(inputs)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parent, workers_peak = 0, {}
    while proc.poll() is None:
        parent = max(parent, _peak_rss(proc.pid))
        for kid in _children(proc.pid):
            workers_peak[kid] = max(workers_peak.get(kid, 0), _peak_rss(kid))
        time.sleep(0.5)
    seconds = time.perf_counter() - t0
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"ingest into {db} failed ({proc.returncode}):\n{err[-2000:]}")
    return {"seconds": seconds, "output": out, "parent_rss": parent,
            "worker_rss": max(workers_peak.values(), default=0)}


def sqlite_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


def database_url(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def bench_postgres(admin_url: str, inputs: Path, workers: int) -> dict:
    import psycopg

    name = f"citata_bench_{os.getpid()}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        url = database_url(admin_url, name)
        try:
            with psycopg.connect(url) as conn:
                empty = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
            result = run_ingest(url, inputs, workers)
            with psycopg.connect(url) as conn:
                result["size"] = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] - empty
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles to ingest")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pg", default=os.environ.get("CITATA_TEST_PG"),
                    help="PostgreSQL server (libpq URL of a role that may create databases)")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "input"
        inputs.mkdir()
        docs = corpus(args.corpora)
        write_input(docs, args.n, inputs)
        print(f"{args.n} articles ({len(docs)} corpus texts replicated), citata ingest --workers {args.workers}",
              file=sys.stderr)
        db = Path(tmp) / "bench.db"
        results["SQLite"] = run_ingest(str(db), inputs, args.workers)
        results["SQLite"]["size"] = sqlite_size(db)
        db.unlink()
        if args.pg:
            results["PostgreSQL"] = bench_postgres(args.pg, inputs, args.workers)
        else:
            print("no PostgreSQL server (--pg or $CITATA_TEST_PG): SQLite only", file=sys.stderr)

    mib = 1024 * 1024
    print(f"| backend ({args.n:,} articles, --workers {args.workers}) | seconds | documents/s"
          " | peak RSS parent MiB | peak RSS largest worker MiB | archive MiB per 1,000 articles |")
    print("|---|---|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['seconds']:.0f} | {args.n / r['seconds']:.1f} | {r['parent_rss'] / mib:.0f}"
              f" | {r['worker_rss'] / mib:.0f} | {r['size'] / mib / args.n * 1000:.1f} |")
    if len(results) == 2:
        s, p = results["SQLite"], results["PostgreSQL"]
        print(f"| SQLite / PostgreSQL | {s['seconds'] / p['seconds']:.2f}x | {p['seconds'] / s['seconds']:.2f}x"
              f" | {s['parent_rss'] / p['parent_rss']:.2f}x | {s['worker_rss'] / p['worker_rss']:.2f}x"
              f" | {s['size'] / p['size']:.2f}x |")
    for name, r in results.items():
        print(f"\n{name}: {r['output'].strip()}", file=sys.stderr)


if __name__ == "__main__":
    main()
