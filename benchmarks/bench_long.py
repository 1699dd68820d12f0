"""Time per document as one document grows: 1,000 to 64,000 sentences of reported speech.

    python benchmarks/bench_long.py [--max 64000] [--repeat 1]

Issue 17's repro, `('Президент заявил, что всё хорошо. ' * 10 + '\\n') * n/10`, a variant
with quotation marks (direct quotations and mixed что-clauses exercise the quotation-mark
pairing, the mixed marking and the stand-alone quotations) and one with names, an
organisation, pronouns and titles (the speaker resolution over the document), each run
through the whole `citata extract` path (`pipeline.extract_text`) in this process, the
models loaded beforehand. Printed per size: seconds, seconds per 1,000 sentences and
that figure over log2(n) relative to the smallest size: for growth at most n·log n the
per-sentence time may rise at most as fast as log n, so the last column stays ≤ ~1.
BLAS is pinned to one thread.
"""
from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.pipeline import extract_text  # noqa: E402

KINDS = {
    "reported (issue 17)": "Президент заявил, что всё хорошо. ",
    "quoted": "«Всё хорошо», — заявил президент. Министр сказал, что «всё идёт по плану». ",
    "named": "Иван Петров заявил, что всё хорошо. «Мы готовы», — сказал он. Компания «Ромашка» сообщила об этом. "
             "Глава компании Анна Смирнова отметила, что план выполнен. Министр подчеркнул: «Сроки не сорваны». ",
}


def document(kind: str, sentences: int) -> str:
    unit = KINDS[kind]
    line = unit * (10 // unit.count(". "))
    return (line + "\n") * (sentences // 10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max", type=int, default=64000, help="largest document, in sentences")
    ap.add_argument("--repeat", type=int, default=1, help="best of this many passes per size")
    args = ap.parse_args()
    extract_text(document("quoted", 100))  # load the models, warm the caches
    sizes = []
    n = 1000
    while n <= args.max:
        sizes.append(n)
        n *= 2
    print("| document | sentences | KB | quotations | seconds | s per 1,000 sentences | growth over n·log n |")
    print("|---|---|---|---|---|---|---|")
    for kind in KINDS:
        base = None
        for n in sizes:
            text = document(kind, n)
            best = math.inf
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                doc = extract_text(text)
                best = min(best, time.perf_counter() - t0)
            per = best / n * 1000
            rel = per / math.log2(n)
            base = base or rel
            print(f"| {kind} | {n:,} | {len(text.encode()) // 1024:,} | {len(doc.quotes):,} | {best:.2f} | "
                  f"{per:.3f} | {rel / base:.2f} |", flush=True)


if __name__ == "__main__":
    main()
