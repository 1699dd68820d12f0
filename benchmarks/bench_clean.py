"""Cleaning + metadata throughput on one core over ../shared/corpora/bsnlp-ru.

    python benchmarks/bench_clean.py [--corpora ../shared/corpora] [--repeat 5] [--cpu]

Files are read into memory first, so disk speed does not enter. Reported in
one run, side by side: decoding alone (the floor any reader pays), razdel
sentence splitting (a light natasha-family pass, for scale), and citata's
clean + metadata. Ratios compare like with like on this machine; documents/s
is the best of --repeat passes. --cpu times each pass by the process's CPU time instead
of the wall clock: on a machine shared with other jobs, waiting for a core is not the
code's cost (cache contention still is, so compare revisions run back to back).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.pipeline import build_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402


def best_rate(fn, items, repeat: int, clock=time.perf_counter) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        for item in items:
            fn(item)
        best = min(best, clock() - t0)
    return len(items) / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cpu", action="store_true", help="time passes by process CPU time, not the wall clock")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    files = sorted((args.corpora / "bsnlp-ru").glob("*/raw/*.txt"))
    if not files:
        raise SystemExit(f"no BSNLP files under {args.corpora}")
    blobs = [(str(f), f.read_bytes()) for f in files]

    from razdel import sentenize

    clock = time.process_time if args.cpu else time.perf_counter
    decode_rate = best_rate(lambda b: decode(b[1]), blobs, args.repeat, clock)
    razdel_rate = best_rate(lambda b: list(sentenize(decode(b[1]))), blobs, args.repeat, clock)
    citata_rate = best_rate(lambda b: build_document(text_document(b[0], decode(b[1]))), blobs, args.repeat, clock)
    mb = sum(len(b) for _, b in blobs) / 2**20
    timed = "CPU time" if args.cpu else "wall clock"
    print(f"documents: {len(blobs)} ({mb:.1f} MB), one core, best of {args.repeat} ({timed})")
    print()
    print("| pass | documents/s | citata clean+metadata relative |")
    print("|---|---|---|")
    print(f"| decode only | {decode_rate:,.0f} | {citata_rate / decode_rate:.2f}x |")
    print(f"| razdel sentenize | {razdel_rate:,.0f} | {citata_rate / razdel_rate:.2f}x |")
    print(f"| citata clean + metadata | {citata_rate:,.0f} | 1.00x |")


if __name__ == "__main__":
    main()
