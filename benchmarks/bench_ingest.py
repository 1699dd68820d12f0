"""End-to-end ingest benchmark: `citata ingest --workers 2` of N articles into a fresh SQLite file
and into a fresh PostgreSQL database, in one run.

    python benchmarks/bench_ingest.py [--n 100000] [--pg URL] [--workers 2] [--corpora ../shared/corpora]
                                      [--no-extract | --extract-only] [--extract-n 20000] [--pg-template template0]

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

and the SQLite/PostgreSQL ratio of each. First, in the same run, the same input is extracted by
the same number of worker processes with nothing written (the parent reads and hashes, the
workers run `citata.archive.ingest.prepare_packed`, what an ingest's workers run, and the parent
unpacks the results as an ingest's writer does, then drops them):
the extract rate, which each ingest's rate is given as a share of (the writer's cost on top of
the workers'). That pass runs before the ingests and again after them, and the shares are taken
against the mean of its two rates: the passes are minutes apart, and a shared machine's speed
moves between them (a warning is printed when the two rates differ by more than a tenth, and the
shares then mean little). --no-extract skips it; --extract-only runs only it. --extract-n runs it
over the input's first N articles only: nothing accumulates in it (no archive, no index), so its
rate over the first 20,000 is the whole input's, for a fifth of the time at 100,000.

--pg is a libpq URL of a role that may create databases (default $CITATA_TEST_PG; `eval
"$(.ci/pg-server start)"` starts a local server); without one only SQLite runs. --pg-template
template0 makes the database without the extensions a test server's template1 has (rum), so the
archive gets GIN, as a database whose owner chose nothing.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.model import RawDocument  # noqa: E402
from citata.source import read  # noqa: E402
from _pg import create_database, database_url  # noqa: E402

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


def extract_child(inputs: Path, workers: int, limit: int | None) -> None:
    """The workers' side of an ingest alone: `prepare` over the input (its first `limit` articles
    when given) on `workers` processes, at most two batches each in flight, its results handed back
    as an ingest's are (`prepare_packed`, `unpack`) and dropped. Prints the seconds taken."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from itertools import islice

    from citata.archive.ingest import BATCH_SIZE, content_hash, prepare_packed, unpack
    from citata.pipeline import DOC_TIMEOUT

    def batches():
        batch = []
        for raw in islice(read([str(inputs)]), limit):
            if isinstance(raw, RawDocument):
                batch.append((raw, content_hash(raw)))
                if len(batch) == BATCH_SIZE:
                    yield batch
                    batch = []
        if batch:
            yield batch

    t0 = time.perf_counter()
    n = 0
    # As `citata ingest` runs its pool: spawned workers, its batch size and CPU-time budget.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_load_models) as pool:
        pending = set()
        for batch in batches():
            if len(pending) >= 2 * workers:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                n += sum(len(unpack(f.result())) for f in finished)
            pending.add(pool.submit(prepare_packed, batch, BATCH_SIZE, None, DOC_TIMEOUT))
        n += sum(len(unpack(f.result())) for f in pending)
    print(json.dumps({"seconds": time.perf_counter() - t0, "documents": n}))


def _load_models() -> None:
    from citata.nlp import morph, ner_tagger

    ner_tagger(), morph()


def run_extract(inputs: Path, workers: int, limit: int | None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, __file__, "--extract-child", str(inputs), "--workers", str(workers)]
                         + (["--extract-n", str(limit)] if limit else []),
                         env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"extract failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.splitlines()[-1])


def sqlite_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


def bench_postgres(admin_url: str, inputs: Path, workers: int, template: str | None) -> dict:
    import psycopg

    name = f"citata_bench_{os.getpid()}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        create_database(admin, name, template)
        url = database_url(admin_url, name)
        try:
            with psycopg.connect(url) as conn:
                empty = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
            result = run_ingest(url, inputs, workers)
            with psycopg.connect(url) as conn:
                result["size"] = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] - empty
        finally:
            drop(admin, name)
    return result


def drop(admin, name: str) -> None:
    """Drop a database once an autovacuum worker has left it (only a superuser may end one: not
    WITH (FORCE)); a database that stays busy is left, named on stderr."""
    import psycopg

    for _ in range(30):
        try:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            return
        except psycopg.errors.ObjectInUse:
            time.sleep(2)
    print(f"could not drop database {name}: still in use", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles to ingest")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pg", default=os.environ.get("CITATA_TEST_PG"),
                    help="PostgreSQL server (libpq URL of a role that may create databases)")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    passes = ap.add_mutually_exclusive_group()
    passes.add_argument("--no-extract", action="store_true", help="skip the extract-only pass")
    passes.add_argument("--extract-only", action="store_true", help="only the extract-only pass, no ingest")
    ap.add_argument("--extract-n", type=int, help="the extract-only pass over the input's first N articles only")
    ap.add_argument("--pg-template", help="the PostgreSQL database's template (template0: GIN, no rum)")
    ap.add_argument("--extract-child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.extract_child:
        extract_child(args.extract_child, args.workers, args.extract_n)
        return

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "input"
        inputs.mkdir()
        docs = corpus(args.corpora)
        write_input(docs, args.n, inputs)
        print(f"{args.n} articles ({len(docs)} corpus texts replicated), citata ingest --workers {args.workers}",
              file=sys.stderr)
        extracts = []

        def extract_pass() -> None:
            extracts.append(run_extract(inputs, args.workers, args.extract_n))
            print(f"extract only: {extracts[-1]['documents']} documents in {extracts[-1]['seconds']:.0f} s",
                  file=sys.stderr)

        if not args.no_extract:
            extract_pass()
        if args.extract_only:
            report_extracts(extracts, {}, args)
            return
        db = Path(tmp) / "bench.db"
        results["SQLite"] = run_ingest(str(db), inputs, args.workers)
        print(f"SQLite ingest: {results['SQLite']['seconds']:.0f} s", file=sys.stderr)
        results["SQLite"]["size"] = sqlite_size(db)
        db.unlink()
        if args.pg:
            results["PostgreSQL"] = bench_postgres(args.pg, inputs, args.workers, args.pg_template)
        else:
            print("no PostgreSQL server (--pg or $CITATA_TEST_PG): SQLite only", file=sys.stderr)
        if extracts:
            extract_pass()

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
    report_extracts(extracts, results, args)
    for name, r in results.items():
        print(f"\n{name}: {r['output'].strip()}", file=sys.stderr)


def report_extracts(extracts: list[dict], results: dict, args) -> None:
    """The extract passes' rates, and each ingest's rate as a share of their mean."""
    if not extracts:
        return
    rates = [e["documents"] / e["seconds"] for e in extracts]
    rate = sum(rates) / len(rates)
    print(f"\n| the same input, --workers {args.workers} | documents/s | share of the extract rate |")
    print("|---|---|---|")
    whens = (", before the ingests", ", after the ingests") if len(rates) == 2 else ("",)
    for when, r in zip(whens, rates):
        print(f"| extract only (workers run prepare, nothing written){when} | {r:.1f} | {r / rate:.2f} |")
    for name, r in results.items():
        print(f"| ingest into {name} | {args.n / r['seconds']:.1f} | {args.n / r['seconds'] / rate:.2f} |")
    if max(rates) > 1.1 * min(rates):
        print(f"warning: the extract passes' rates differ by more than a tenth ({min(rates):.1f} and"
              f" {max(rates):.1f} documents/s): the machine's speed moved, and the shares mean little",
              file=sys.stderr)


if __name__ == "__main__":
    main()
