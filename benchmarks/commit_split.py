"""Where an SQLite writer's wall-clock time goes around its commits, two trees in turn: the COMMIT
statements, the waits before its transactions (a checkpoint the writer finishes itself, where the
tree has `backend.Checkpointer`), and the close (the last checkpoint); and the WAL's and the
file's size at the end. CPU time (`time.process_time`, every thread of the process) beside it.

    python benchmarks/commit_split.py OLD NEW [--n 3000] [--batch 256] [--rounds 3] [--updates 0]
                                      [--cache FILE] [--db FILE]

OLD and NEW: checkouts whose `citata` is timed (e.g. `git archive e9fd769 citata` unpacked, and this
worktree); --cache: bench_writer.py's pickle of extracted documents. The articles are bench_writer's
copies. Each run is a child process (the tree's code on its PYTHONPATH) writing a fresh archive.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, os, pickle, sys, time
from citata.archive.store import Store
from citata.nlp import morph
items_path, db, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(items_path, "rb") as fh:
    items = pickle.load(fh)
store = Store(db)
morph()
spent = {"commit": 0.0, "before": 0.0}
writer = store.conn
class Timed:  # the writer's connection, its COMMIT statements timed
    def execute(self, sql, *args):
        t = time.perf_counter()
        try:
            return writer.execute(sql, *args)
        finally:
            if sql == "COMMIT":
                spent["commit"] += time.perf_counter() - t
    def __getattr__(self, name):
        return getattr(writer, name)
store.conn = Timed()
checkpoints = getattr(store, "_checkpoints", None)
if checkpoints is not None:
    before = checkpoints.before
    def timed_before():
        t = time.perf_counter()
        before()
        spent["before"] += time.perf_counter() - t
    checkpoints.before = timed_before
t0, c0 = time.perf_counter(), time.process_time()
for i in range(0, len(items), batch):
    store.write(items[i:i + batch])
t1 = time.perf_counter()
wal = os.path.getsize(db + "-wal") if os.path.exists(db + "-wal") else 0
store.conn = writer
store.close()
t2 = time.perf_counter()
print(json.dumps({"seconds": t2 - t0, "cpu": time.process_time() - c0, "close": t2 - t1, "wal_mib": wal / 2 ** 20,
                  "file_mib": os.path.getsize(db) / 2 ** 20, **spent}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--updates", type=int, default=0)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "citata-bench-writer-400.pkl")
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "citata-commit-split.db"))
    args = ap.parse_args()
    sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
    from _corpus import load_items
    from bench_writer import copies

    with open(args.cache, "rb") as fh:
        prepared = load_items(fh)
    runs: dict[str, list[dict]] = {"old": [], "new": []}
    with tempfile.TemporaryDirectory() as tmp:
        items = Path(tmp) / "items.pkl"
        with open(items, "wb") as fh:
            pickle.dump(copies(prepared, args.n, args.updates), fh)
        for r in range(args.rounds):
            for label in ("old", "new") if r % 2 == 0 else ("new", "old"):
                for suffix in ("", "-wal", "-shm"):
                    Path(args.db + suffix).unlink(missing_ok=True)
                env = dict(os.environ, PYTHONPATH=str(getattr(args, label).resolve()), OMP_NUM_THREADS="1")
                # Run from the temporary folder: `python -c` puts the working directory before PYTHONPATH.
                out = subprocess.run([sys.executable, "-c", CHILD, str(items), args.db, str(args.batch)],
                                     env=env, capture_output=True, text=True, cwd=tmp)
                if out.returncode != 0:
                    raise SystemExit(out.stderr[-3000:])
                run = json.loads(out.stdout.splitlines()[-1])
                runs[label].append(run)
                print(f"round {r + 1} {label}: {args.n / run['seconds']:.0f} articles/s, " + ", ".join(
                    f"{k} {v:.2f}" for k, v in run.items()), file=sys.stderr)
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    print(f"| tree ({args.n:,} articles, batches of {args.batch}) | articles/s, every round | wall s (median) |"
          " COMMIT s | before its transactions s | close s | CPU s | WAL MiB at the end | file MiB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, rs in runs.items():
        med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
        print(f"| {label} | " + ", ".join(f"{args.n / r['seconds']:.0f}" for r in rs)
              + f" | {med['seconds']:.2f} | {med['commit']:.2f} | {med['before']:.2f} | {med['close']:.2f} |"
                f" {med['cpu']:.2f} | {med['wal_mib']:.0f} | {med['file_mib']:.0f} |")


if __name__ == "__main__":
    main()
