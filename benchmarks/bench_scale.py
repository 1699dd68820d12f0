"""Scaling benchmark: ingest on one and two workers through Dask, the local process pool as a reference.

    python benchmarks/bench_scale.py [--corpora ../shared/corpora] [--copies 2] [--rounds 2]

In one run, the corpus texts (bsnlp-ru raw and factrueval-2016 devset) are
written `--copies` times under distinct ids into a JSON-lines file, which is
then ingested into a fresh archive by
  - `citata ingest --dask local --workers N`, N = 1 and 2 (a LocalCluster of
    N worker processes with one thread each), and
  - `citata ingest --workers N`, the process pool (N = 1 runs in the parent),
each through `citata.archive.ingest.ingest` in a process of its own (no pass finds
caches warmed by another), in rounds that alternate the passes; the best
round of each pass counts.

- documents/s: steady state, the documents written between 10% and 90% of
  the total (counted in the archive as it fills), so starting and stopping
  workers or a cluster is left out;
- efficiency: rate(2 workers) / (2 x rate(1 worker)); for Dask also per core, against one
  worker with the whole ingest confined to one core (the pool's one-worker pass is that already:
  everything runs in the parent), and the ceiling the parent's share sets on the first figure;
- peak RSS (the kernel's high-water mark) of each worker process and of the parent;
- CPU seconds per 1,000 documents, in the same steady state, of the parent
  (reader, writer and, for a LocalCluster, its scheduler; this script's
  sampling too) and of all workers together: on a machine with as many cores
  as workers, the parent's share is what keeps efficiency below 100%.
"""
from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sqlite3  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

import psutil  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.archive.ingest import ingest  # noqa: E402
from citata.model import RawDocument  # noqa: E402
from citata.source import read  # noqa: E402
from _corpus import corpus_paths  # noqa: E402

# "dask-1core": one Dask worker with the whole ingest (parent, scheduler, worker) confined to one
# core, the baseline for efficiency per core; the pool's one-worker pass is one core already.
PASSES = [("dask", 1), ("dask", 2), ("pool", 1), ("pool", 2), ("dask-1core", 1)]


@dataclass
class Sample:
    """What a sampler thread sees while one ingest runs."""

    db: Path
    total: int
    # fraction written -> (when first seen, parent CPU seconds, workers' CPU seconds) at that moment
    marks: dict[float, tuple[float, float, float]] = field(default_factory=dict)
    peak_rss: dict[int, int] = field(default_factory=dict)   # worker pid -> peak bytes so far
    cpu: dict[int, float] = field(default_factory=dict)      # worker pid -> user + system seconds
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        me = psutil.Process()
        conn, workers, listed = None, [], 0.0
        while not self.stop.is_set():
            now = time.perf_counter()
            if now - listed > 1:  # listing every process is the costly part; workers do not change
                workers = _workers(me)
                listed = now
            for worker in workers:
                try:
                    t = worker.cpu_times()
                    self.cpu[worker.pid] = t.user + t.system
                    # max: an exited, unreaped worker's status has no memory lines (reads 0)
                    self.peak_rss[worker.pid] = max(self.peak_rss.get(worker.pid, 0), _peak_rss(worker.pid))
                except (psutil.Error, OSError):  # it has ended
                    pass
            try:
                conn = conn or sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
                written = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:  # not created yet
                conn, written = None, 0
            mine = me.cpu_times()
            for fraction in (0.1, 0.9):
                if written >= fraction * self.total and fraction not in self.marks:
                    self.marks[fraction] = (now, mine.user + mine.system, sum(self.cpu.values()))
            time.sleep(0.2)
        if conn:
            conn.close()


def _workers(me: psutil.Process) -> list[psutil.Process]:
    """Child processes but multiprocessing's resource tracker."""
    out = []
    for child in me.children(recursive=True):
        try:
            if "resource_tracker" not in " ".join(child.cmdline()):
                out.append(child)
        except psutil.Error:  # it has ended
            pass
    return out


def _peak_rss(pid: int) -> int:
    """The kernel's high-water mark of the process's resident memory (VmHWM), in bytes."""
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def one_pass(kind: str, workers: int, src: Path, total: int, tmp: Path) -> dict:
    if kind == "dask-1core":
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # the workers inherit it
        kind = "dask"
    db = tmp / f"{kind}{workers}-{time.monotonic_ns()}.db"
    sample = Sample(db, total)
    sampler = threading.Thread(target=sample.run, daemon=True)
    sampler.start()
    kw = {"dask": "local", "workers": workers} if kind == "dask" else {"workers": workers}
    report = ingest([str(src)], db, **kw)
    sample.stop.set()
    sampler.join()
    if report.new != total or report.errors:
        raise SystemExit(f"{kind} {workers}: {report.new} of {total} written, {len(report.errors)} errors")
    (t0, parent0, workers0), (t1, parent1, workers1) = sample.marks[0.1], sample.marks[0.9]
    per_k = 1000 / (0.8 * total)
    return {
        "rate": 0.8 * total / (t1 - t0),
        "worker_rss": max(sample.peak_rss.values(), default=0),
        "parent_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "parent_cpu": (parent1 - parent0) * per_k,
        "worker_cpu": (workers1 - workers0) * per_k,
    }


def fresh_pass(kind: str, workers: int, src: Path, total: int, tmp: Path) -> dict:
    """One pass in a new process: no pass finds caches (word analyses, NER vocabulary) warmed by another."""
    out = subprocess.run([sys.executable, __file__, "--one-pass", kind, str(workers), str(src), str(total), str(tmp)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{kind} x{workers} failed:\n{out.stderr}")
    return json.loads(out.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--copies", type=int, default=2, help="each text ingested this many times, distinct ids")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--one-pass", nargs=5, metavar=("KIND", "WORKERS", "SRC", "TOTAL", "TMP"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_pass:
        kind, workers, src, total, tmp = args.one_pass
        print(json.dumps(one_pass(kind, int(workers), Path(src), int(total), Path(tmp))))
        return

    raws = [r for r in read(corpus_paths(args.corpora)) if isinstance(r, RawDocument)]
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"{len(raws)} texts x {args.copies} copies; {len(os.sched_getaffinity(0))} cores; {load}", flush=True)
    results: dict[tuple[str, int], list[dict]] = {p: [] for p in PASSES}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "corpus.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for copy in range(args.copies):
                for r in raws:
                    fh.write(json.dumps({"id": f"{copy}/{r.source}", "text": r.text}, ensure_ascii=False) + "\n")
        total = args.copies * len(raws)
        for round_ in range(args.rounds):
            for kind, workers in PASSES:
                res = fresh_pass(kind, workers, src, total, tmp)
                results[kind, workers].append(res)
                line = f"  round {round_ + 1}: {kind} x{workers}: {res['rate']:.1f} documents/s"
                if workers == 2 and kind != "dask-1core":  # the same ratio within this round alone: the noise
                    line += f" (efficiency in this round {res['rate'] / (2 * results[kind, 1][-1]['rate']):.0%})"
                print(line, flush=True)

    best = {p: max(rs, key=lambda r: r["rate"]) for p, rs in results.items()}
    print(f"\nafter: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    print("\n| pass | documents/s | efficiency | peak RSS per worker | peak RSS, parent |"
          " parent CPU s / 1,000 docs | workers' CPU s / 1,000 docs |")
    print("|---|---|---|---|---|---|---|")
    names = {"dask": "citata ingest --dask local --workers {}", "pool": "citata ingest --workers {}",
             "dask-1core": "citata ingest --dask local --workers {}, all on one core"}
    for kind, workers in PASSES:
        r = best[kind, workers]
        eff = f"{r['rate'] / (2 * best[kind, 1]['rate']):.0%}" if workers == 2 else "-"
        rss = f"{r['worker_rss'] / 2**20:,.0f} MiB" if r["worker_rss"] else "- (in the parent)"
        print(f"| {names[kind].format(workers)} | {r['rate']:.1f} | {eff} | {rss} | {r['parent_rss'] / 2**20:,.0f} MiB |"
              f" {r['parent_cpu']:.1f} | {r['worker_cpu']:.1f} |")
    two = best["dask", 2]
    print(f"\nDask, efficiency per core: rate(2 workers) / (2 x rate(1 worker, all on one core)) ="
          f" {two['rate'] / (2 * best['dask-1core', 1]['rate']):.0%}")
    print(f"Dask, ceiling of efficiency per worker on {len(os.sched_getaffinity(0))} cores: workers' CPU /"
          f" (workers' + parent's CPU) = {two['worker_cpu'] / (two['worker_cpu'] + two['parent_cpu']):.0%}")


if __name__ == "__main__":
    main()
