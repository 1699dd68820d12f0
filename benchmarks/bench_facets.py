"""Facets, attention over time and sorts on a large archive, against the plain quotation list in
the same run (what the web UI's list, /attention and /compare pages and /api/quotations?facets= cost).

    python benchmarks/bench_facets.py [--n 20000] [--corpora ../shared/corpora] [--db FILE] [--queries 50]

The archive is bench_archive.py's (the corpus processed once, replicated with new sources and
dates spread over 2015-2024, written through the store layer); an existing --db is reused. For
each of `queries` speakers' surnames and quotation searches (one to three headline words): the
first page of the list (newest first, and most reprinted first), its four facets, and its
attention per month; then the same with no filter at all (the front page), five times each.
p50/p95 in milliseconds, warm cache, with each row's ratio to the plain list of the same filter.
"""
from __future__ import annotations

import argparse
import random
import statistics
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_archive import ROOT, build, latency, prepared_corpus, queries  # noqa: E402  (also pins BLAS to one thread)
from _corpus import corpus_paths  # noqa: E402

from citata import Archive  # noqa: E402


def timed(fn, times: int = 5) -> float:
    fn()
    runs = []
    for _ in range(times):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=20_000, help="articles in the archive")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--db", type=Path, default=None,
                    help="archive file [default: a temporary file]; reused if it exists")
    ap.add_argument("--queries", type=int, default=50)
    args = ap.parse_args()
    paths = corpus_paths(args.corpora)
    prepared = prepared_corpus(paths)
    db = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    if not db.exists():
        build(db, prepared, args.n, random.Random(7))
    archive = Archive(db)
    stats = archive.stats()
    print(f"archive of {stats['articles']:,} articles, {stats['quotations']:,} quotations; "
          f"{args.queries} queries each, warm cache")
    searches, speakers = queries(prepared, args.queries, random.Random(11))
    print("| query | p50 ms | p95 ms | ratio (p50) |")
    print("|---|---|---|---|")
    for label, key, values in (("speaker=NAME", "speaker", speakers), ("about=WORDS", "about", searches)):
        base = None
        for what, fn in (
                ("list (50 newest, with total)", lambda v: archive.quotes(**{key: v}, limit=50)
                 + [archive.count_quotes(**{key: v})]),
                ("list, most reprinted first", lambda v: archive.quotes(**{key: v}, limit=50, sort="reprinted")),
                ("facets (speaker, outlet, type, month)", lambda v: list(archive.facets(**{key: v}).values())),
                ("attention per month (with top speakers, outlets)", lambda v: archive.attention("month", **{key: v}))):
            p50, p95, _ = latency(fn, values)
            base = base or p50
            print(f"| {label}: {what} | {p50:.1f} | {p95:.1f} | {p50 / base:.2f}x |")
    base = timed(lambda: (archive.quotes(limit=20), archive.count_quotes()))
    print(f"| no filter: list (20 newest, with total) | {base:.1f} | | 1.00x |")
    for what, fn in (("list, most reprinted first", lambda: archive.quotes(limit=20, sort="reprinted")),
                     ("facets", archive.facets), ("attention per month", lambda: archive.attention("month"))):
        ms = timed(fn)
        print(f"| no filter: {what} | {ms:.1f} | | {ms / base:.2f}x |")
    archive.close()
    if args.db is None:
        shutil.rmtree(db.parent)  # the scratch folder made above, with the database's -wal/-shm files


if __name__ == "__main__":
    main()
