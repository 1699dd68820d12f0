"""The LSH bucket lookups of one batch: the table asked (syndication.bucket_lists, one statement) against
the SQLite writer's copy in memory (syndication.Buckets), on an archive's LSH table of --articles
articles (32 rows each, random keys: singleton buckets, as unsyndicated news gives).

    python benchmarks/bench_buckets.py [--articles 100000] [--batch 256] [--db FILE]

A batch asks for its articles' 32 keys each (half of them in the table, half new), the fastest of
five; adding a batch's rows is the mean over 64 batches written one after another (the merges of
the recent rows into the rest included), the faster of two runs. CPU ms per batch. Also printed: reading the table into memory (once per
writer) and the memory it takes. --db: where the synthetic table is kept (made if missing).
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from citata.archive import syndication  # noqa: E402

BATCHES = 64


def fastest(call, rounds: int = 5) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        call()
        best = min(best, time.process_time() - t0)
    return 1000 * best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"citata-bench-buckets-{args.articles}.db"
    rows = syndication.BANDS * args.articles
    if not db.exists():
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE lsh (key INTEGER NOT NULL, article_id INTEGER NOT NULL,"
                     " PRIMARY KEY (key, article_id)) WITHOUT ROWID")
        rng = np.random.default_rng(1)
        keys = rng.integers(-2**63, 2**63 - 1, size=rows, dtype=np.int64)
        ids = np.repeat(np.arange(1, args.articles + 1), syndication.BANDS)
        order = np.lexsort((ids, keys))
        conn.executemany("INSERT INTO lsh VALUES (?, ?)", zip(keys[order].tolist(), ids[order].tolist()))
        conn.commit()
        conn.close()
    conn = sqlite3.connect(db)
    t0 = time.process_time()
    buckets = syndication.Buckets(conn)
    load = time.process_time() - t0
    rng = random.Random(1)
    asked = args.batch * syndication.BANDS
    known = buckets.keys[::max(1, len(buckets.keys) // (asked // 2))].tolist()[:asked // 2]
    keys = known + [rng.randrange(-2**63, 2**63) for _ in range(asked - len(known))]
    # The rows of BATCHES batches of new articles, added one batch after another (merges included).
    batches = [syndication.lsh_rows([(args.articles + 1 + b * args.batch + a,
                                      [rng.randrange(-2**63, 2**63) for _ in range(syndication.BANDS)])
                                     for a in range(args.batch)]) for b in range(BATCHES)]
    assert buckets.lists(conn, keys) == syndication.bucket_lists(conn, keys)
    table_keys, table_ids = buckets.keys, buckets.ids

    def add():  # into the table's rows each time
        buckets.keys, buckets.ids = table_keys, table_ids
        buckets.recent_keys, buckets.recent_ids = buckets.recent_keys[:0], buckets.recent_ids[:0]
        for keys, ids in batches:
            buckets.add(keys, ids)

    table = fastest(lambda: syndication.bucket_lists(conn, keys), 3)
    memory, adding = fastest(lambda: buckets.lists(conn, keys)), fastest(add, 2) / BATCHES
    print(f"{args.articles:,} articles ({len(table_keys):,} LSH rows), batches of {args.batch}: read into memory in {load:.2f} CPU s,"
          f" {(table_keys.nbytes + table_ids.nbytes) / 2**20:.0f} MiB")
    print(f"CPU ms per batch: the table asked {table:.1f}; in memory: lookups {memory:.1f} + the batch's rows added"
          f" {adding:.1f} (the mean of {BATCHES} batches in a row) = {memory + adding:.1f}")


if __name__ == "__main__":
    main()
