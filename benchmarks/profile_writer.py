"""Where the archive writer spends its CPU: ms per article of each part of `Store.write` (the
writer's process, and on PostgreSQL its server process, read from /proc), over bench_writer.py's
articles written in batches into a fresh archive. No profiler: `time.process_time` around each
part, each part's time without the parts it calls. Run with PYTHONPATH naming another checkout to
profile its code (parts it lacks are left out).

    python benchmarks/profile_writer.py [--db FILE | --pg URL [--pg-template template0]] [--n 3000] [--batch 256]
                                        [--cache FILE]

--cache: bench_writer.py's pickle of extracted documents (made, by extracting --docs corpus texts,
when missing). --pg: a server URL whose role may create databases (default $CITATA_TEST_PG when
--db is not given); a database is made for the run and dropped after it.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import os
import pickle
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


class Parts:
    """CPU seconds per part, each without the parts timed inside it; `server`: a PostgreSQL server
    process whose CPU is counted alike."""

    def __init__(self, server: int | None = None):
        self.server = server
        self.writer: Counter[str] = Counter()
        self.served: Counter[str] = Counter()
        self._stack: list[list[float]] = []

    def server_cpu(self) -> float:
        return bench_writer.process_cpu(self.server) if self.server else 0.0

    @contextlib.contextmanager
    def part(self, name: str):
        t, s = time.process_time(), self.server_cpu()
        self._stack.append([0.0, 0.0])
        try:
            yield
        finally:
            d, ds = time.process_time() - t, self.server_cpu() - s
            inner = self._stack.pop()
            self.writer[name] += d - inner[0]
            self.served[name] += ds - inner[1]
            if self._stack:
                self._stack[-1][0] += d
                self._stack[-1][1] += ds

    def wrap(self, owner, attr: str, name: str, static: bool = False) -> None:
        f = owner.__dict__.get(attr) if isinstance(owner, type) else getattr(owner, attr, None)
        if f is None:
            return
        f = f.__func__ if isinstance(f, staticmethod) else f

        @functools.wraps(f)
        def timed(*args, **kwargs):
            with self.part(name):
                return f(*args, **kwargs)
        setattr(owner, attr, staticmethod(timed) if static else timed)


def instrument(parts: Parts, backend_class) -> None:
    try:
        import citata.archive.store as store
        import citata.archive.syndication as syndication
    except ModuleNotFoundError:  # revisions before the archive package
        import citata.store as store
        import citata.syndication as syndication

    parts.wrap(store, "assign", "identity linking (registry.assign)")
    parts.wrap(syndication, "group_batch", "syndication placement (Python)")
    parts.wrap(syndication, "cluster_batch", "quotation clusters (Python, quote_keys insert)")
    parts.wrap(syndication, "write_groups", "syndication groups' relabels and origins")
    parts.wrap(syndication, "stored_clusters", "quotation keys lookup")
    parts.wrap(syndication, "_archived_quotations", "syndication groups' quotations lookup")
    parts.wrap(store.Store, "_ids", "outlet and speaker ids, new speakers")
    parts.wrap(store.Store, "_learn_sites", "site templates")
    parts.wrap(store.Store, "_delete", "replaced articles deleted")
    static = isinstance(backend_class.__dict__.get("bucket_lists"), staticmethod)
    parts.wrap(backend_class, "bucket_lists", "LSH bucket query", static=static)
    parts.wrap(backend_class, "index_articles", "article full-text rows")
    parts.wrap(backend_class, "index_quotes", "quotation full-text rows")
    parts.wrap(backend_class, "upsert", "identities and site templates upserted")
    insert = backend_class.insert

    def timed_insert(self, conn, table, columns, rows):
        with parts.part(f"insert {table}"):
            return insert(self, conn, table, columns, rows)
    backend_class.insert = timed_insert
    transaction = backend_class.transaction

    @contextlib.contextmanager
    def timed_transaction(self, conn):
        cm = transaction(self, conn)
        cm.__enter__()
        try:
            yield conn
        except BaseException:
            cm.__exit__(*sys.exc_info())
            raise
        with parts.part("COMMIT"):
            cm.__exit__(None, None, None)
    backend_class.transaction = timed_transaction


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="an SQLite file (made afresh)")
    ap.add_argument("--pg", default=os.environ.get("CITATA_TEST_PG"), help="a PostgreSQL server URL")
    ap.add_argument("--n", type=int, default=3000, help="articles to write")
    ap.add_argument("--batch", type=int, default=256, help="documents per Store.write")
    ap.add_argument("--docs", type=int, default=400, help="corpus texts to extract when --cache is missing")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--cache", type=Path, help="bench_writer.py's pickle of extracted documents")
    ap.add_argument("--pg-template", help="the template of the database made (template0: GIN on a server whose"
                                          " template1 has rum)")
    ap.add_argument("--items", help=argparse.SUPPRESS)
    args = ap.parse_args()
    cache = args.cache or Path(tempfile.gettempdir()) / f"citata-bench-writer-{args.docs}.pkl"
    if args.items:  # a child making the articles: what a worker computes for them stays out of the writer
        if cache.exists():
            with open(cache, "rb") as fh:
                prepared = bench_writer.load_items(fh)
        else:
            prepared, _ = bench_writer.extract(args.corpora, args.docs, cache)
        if hasattr(prepared[0], "with_tsvectors"):  # what a PostgreSQL archive's workers add
            for p in prepared:
                p.with_tsvectors()
        with open(args.items, "wb") as fh:
            pickle.dump(bench_writer.copies(prepared, args.n), fh)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "items.pkl"
        subprocess.run([sys.executable, __file__, "--items", str(path), "--cache", str(cache), "--n", str(args.n),
                        "--docs", str(args.docs), "--corpora", str(args.corpora)], check=True)
        with open(path, "rb") as fh:
            items = bench_writer.load_items(fh)

    try:
        from citata.archive.backend import SQLite
        from citata.archive.store import Store
    except ModuleNotFoundError:  # revisions before the archive package
        from citata.backend import SQLite
        from citata.store import Store
    try:
        from citata.nlp import morph

        morph()  # linking loads the morphology model on first use: once per ingest
    except ImportError:
        pass
    admin = name = None
    if args.db:
        db, backend_class = args.db, SQLite
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
    elif args.pg:
        import psycopg

        try:
            from citata.archive.pg import Postgres
        except ModuleNotFoundError:  # revisions before the archive package
            from citata.pg import Postgres
        backend_class = Postgres
        name = f"citata_profile_writer_{os.getpid()}"
        admin = psycopg.connect(args.pg, autocommit=True)
        create_database(admin, name, args.pg_template)
        db = database_url(args.pg, name)
    else:
        raise SystemExit("--db FILE or --pg URL (or $CITATA_TEST_PG)")
    try:
        store = Store(db)
        server = store.conn.execute("SELECT pg_backend_pid()").fetchone()[0] if admin else None
        parts = Parts(server)
        instrument(parts, backend_class)
        collecting = {"start": 0.0, "total": 0.0, "runs": 0}

        def gc_timer(phase, info):  # Python's cycle collector: which part it lands in is chance
            if phase == "start":
                collecting["start"] = time.process_time()
            else:
                collecting["total"] += time.process_time() - collecting["start"]
                collecting["runs"] += info["generation"] == 2
        gc.callbacks.append(gc_timer)
        gc.collect()  # the collector's pass over the articles made above is not the writer's work
        cpu0, server0 = time.process_time(), parts.server_cpu()
        for i in range(0, len(items), args.batch):
            store.write(items[i:i + args.batch])
        with parts.part("close"):
            store.close()
        cpu, served = time.process_time() - cpu0, parts.server_cpu() - server0
        gc.callbacks.remove(gc_timer)
    finally:
        if admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.close()
    rest = "the rest: building rows, small statements"
    parts.writer[rest] = cpu - sum(parts.writer.values())
    parts.served[rest] = served - sum(parts.served.values())
    n = args.n
    print(f"{n:,} articles in batches of {args.batch}, {'PostgreSQL' if admin else 'SQLite'}: writer "
          f"{1000 * cpu / n:.3f} CPU ms per article" + (f", server {1000 * served / n:.3f}" if admin else "")
          + f"; of the writer's, {1000 * collecting['total'] / n:.3f} in Python's garbage collector"
          f" ({collecting['runs']} full collections), counted in whichever part it interrupted")
    print("\n| part | writer CPU ms per article | share |" + (" server CPU ms per article | share |" if admin else ""))
    print("|---|---|---|" + ("---|---|" if admin else ""))
    for part in sorted(parts.writer, key=lambda p: -(parts.writer[p] + parts.served[p])):
        print(f"| {part} | {1000 * parts.writer[part] / n:.3f} | {100 * parts.writer[part] / cpu:.0f}% |"
              + (f" {1000 * parts.served[part] / n:.3f} | {100 * parts.served[part] / served:.0f}% |" if admin else ""))


if __name__ == "__main__":
    main()
