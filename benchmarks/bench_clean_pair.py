"""Clean + metadata of two checkouts compared pass by pass, for a machine whose load swings.

    python benchmarks/bench_clean_pair.py OTHER_TREE [--tree .] [--rounds 30] [--corpora ../shared/corpora]

bench_clean.py run in each checkout in turn compares passes seconds apart, and on a shared machine
the load moves between them by more than a code change does. Here each checkout's code is loaded
once, in a process of its own pinned to the same core, and a pass over the 554 BSNLP texts is run
in slices of about 28 texts (a few tens of milliseconds), the two checkouts taking each slice in
turn (which goes first alternates), so that both see the same load; each slice is timed by its
process's CPU time. Reported: documents/s per pass (its slices' times summed), the median and the
best of each checkout, and their ratios (this tree over the other).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The worker: one checkout's code; for each slice number read from stdin, the CPU seconds that slice
# of the texts took on stdout.
WORKER = """
import os, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from citata.pipeline import build_document
from citata.source import decode, text_document
blobs = [(str(f), f.read_bytes()) for f in sorted(Path(sys.argv[2]).glob("bsnlp-ru/*/raw/*.txt"))]
slices = int(sys.argv[3])
def one_slice(k):
    t0 = time.process_time()
    for source, data in blobs[k::slices]:
        build_document(text_document(source, decode(data)))
    return time.process_time() - t0
for k in range(slices):
    one_slice(k)
print(len(blobs), flush=True)
for line in sys.stdin:
    print(one_slice(int(line)), flush=True)
"""
SLICES = 20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("other", type=Path, help="the checkout to compare with (its citata/ is imported)")
    ap.add_argument("--tree", type=Path, default=ROOT)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    trees = [args.other.resolve(), args.tree.resolve()]
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(t), str(args.corpora.resolve()), str(SLICES)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for t in trees]
    counts = {int(w.stdout.readline()) for w in workers}
    if counts == {0}:
        raise SystemExit(f"no BSNLP files under {args.corpora}")
    count = counts.pop() if len(counts) == 1 else None
    if count is None:
        raise SystemExit("the two checkouts read different numbers of texts")
    rates: list[list[float]] = [[], []]
    turn = 0
    for _ in range(args.rounds):
        seconds = [0.0, 0.0]
        for k in range(SLICES):
            for i in ((0, 1) if turn % 2 == 0 else (1, 0)):
                workers[i].stdin.write(f"{k}\n")
                workers[i].stdin.flush()
                seconds[i] += float(workers[i].stdout.readline())
            turn += 1
        for i in (0, 1):
            rates[i].append(count / seconds[i])
    for w in workers:
        w.stdin.close()
        w.wait()
    print(f"documents: {count}, {args.rounds} rounds, one pass each per round in {SLICES} slices taken in turn, CPU time, one core")
    print()
    print("| checkout | median documents/s | best documents/s |")
    print("|---|---|---|")
    for tree, got in zip(trees, rates):
        print(f"| {tree} | {statistics.median(got):,.0f} | {max(got):,.0f} |")
    print()
    print(f"this tree / other: median {statistics.median(rates[1]) / statistics.median(rates[0]):.2f}x, "
          f"best {max(rates[1]) / max(rates[0]):.2f}x; per round: "
          + ", ".join(f"{b / a:.2f}" for a, b in zip(*rates)))


if __name__ == "__main__":
    main()
