"""Full extract of two checkouts compared round by round, for a machine whose load swings.

    python benchmarks/bench_extract_pair.py OTHER_TREE [--tree .] [--rounds 3] [--corpora ../shared/corpora]

bench_extract.py measures one checkout against natasha in wall-clock time; run in each checkout in
turn, its passes lie a minute or more apart, and on a shared machine the load moves between them by
more than a code change does. Here each round runs the pass of bench_extract.py (a fresh process
that loads the models, processes factrueval-2016's devset so the caches hold a news vocabulary, then
`pipeline.process` over the 554 BSNLP texts it has not seen) once for each checkout, the two back to
back, which goes first alternating; each pass runs pinned to one core with BLAS on one thread and is
timed by its process's CPU time (wall time printed beside it). Reported: each pass, the best and the
median of each checkout, and their quotients (the other tree's seconds over this tree's: above 1,
this tree is faster); the quotations each found, which must agree when the output is unchanged.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# One pass of one checkout's code: "CPU seconds, wall seconds, quotations" on stdout.
WORKER = """
import os, sys, time
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"
sys.path.insert(0, sys.argv[1])
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from pathlib import Path
from citata.pipeline import process
from citata.source import decode, text_document
corpora = Path(sys.argv[2])
def raws(paths):
    return [text_document(str(p), decode(p.read_bytes())) for p in paths]
list(process(raws(sorted((corpora / "factrueval-2016" / "devset").glob("*.txt")))))
timed = raws(sorted((corpora / "bsnlp-ru").glob("*/raw/*.txt")))
cpu, wall = time.process_time(), time.perf_counter()
quotes = sum(len(doc.quotes) for doc in process(timed))
print(time.process_time() - cpu, time.perf_counter() - wall, quotes, len(timed))
"""


def one_pass(tree: Path, corpora: Path) -> tuple[float, float, int, int]:
    out = subprocess.run([sys.executable, "-c", WORKER, str(tree), str(corpora)], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("other", type=Path, help="the checkout to compare with (its citata/ is imported)")
    ap.add_argument("--tree", type=Path, default=ROOT)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    if not any((args.corpora / "bsnlp-ru").glob("*/raw/*.txt")):
        raise SystemExit(f"no BSNLP texts under {args.corpora}")
    trees = [args.other.resolve(), args.tree.resolve()]
    cpu: list[list[float]] = [[], []]
    print("| round | checkout | CPU s | wall s | quotations |")
    print("|---|---|---|---|---|")
    quotes: list[set[int]] = [set(), set()]
    count = 0
    for r in range(args.rounds):
        for i in ((0, 1) if r % 2 == 0 else (1, 0)):
            seconds, wall, found, count = one_pass(trees[i], args.corpora.resolve())
            cpu[i].append(seconds)
            quotes[i].add(found)
            print(f"| {r + 1} | {trees[i]} | {seconds:.2f} | {wall:.2f} | {found:,} |", flush=True)
    print()
    print(f"{count} documents, texts new to each process, one core, CPU time")
    print(f"other / this tree (seconds): best {min(cpu[0]) / min(cpu[1]):.3f}, median "
          f"{statistics.median(cpu[0]) / statistics.median(cpu[1]):.3f}; per round: "
          + ", ".join(f"{a / b:.3f}" for a, b in zip(*cpu)))
    if quotes[0] != quotes[1] or len(quotes[0]) > 1:
        print(f"quotations differ: other {sorted(quotes[0])}, this tree {sorted(quotes[1])}")


if __name__ == "__main__":
    main()
