"""Full extract throughput on one core, against natasha's own per-document pipeline.

    python benchmarks/bench_extract.py [--corpora ../shared/corpora] [--repeat 3]

Over every text in ../shared/corpora/bsnlp-ru (read into memory first), in
one run:
- baseline: natasha's per-document pipeline, `Doc(text)`, `segment`,
  `tag_ner` (the same NER weights citata uses), over the clean article
  bodies citata produces (shorter than the raw files: this favours the
  baseline);
- citata: the whole `citata extract` path from the raw file text: clean,
  metadata, batched NER, quotations and speakers, entities and their
  identities across the documents (`pipeline.process`, one registry).
BLAS is pinned to one thread so "per core" means one core. Documents/s is
the best of --repeat passes; the ratio is taken within the run.
"""
from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.pipeline import build_document, process  # noqa: E402
from citata.source import decode, text_document  # noqa: E402


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    paths = sorted((args.corpora / "bsnlp-ru").glob("*/raw/*.txt"))
    if not paths:
        raise SystemExit(f"no texts under {args.corpora / 'bsnlp-ru'}")
    raws = [text_document(str(p), decode(p.read_bytes())) for p in paths]
    bodies = [build_document(r).text for r in raws]

    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

    def natasha_per_document():
        for text in bodies:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_ner(tagger)

    quotes = 0

    def citata_extract():
        nonlocal quotes
        quotes = sum(len(doc.quotes) for doc in process(raws))

    citata_extract()  # load the models and warm the caches outside the timing
    natasha_per_document()
    t_base = timed(natasha_per_document, args.repeat)
    t_citata = timed(citata_extract, args.repeat)
    n = len(raws)
    print(f"{n} documents from {args.corpora / 'bsnlp-ru'}, one core, best of {args.repeat}")
    print("| pipeline | documents/s | ratio |")
    print("|---|---|---|")
    print(f"| natasha per document: segment + NER (baseline) | {n / t_base:,.1f} | 1.00x |")
    print(f"| citata full extract: clean + metadata + NER + quotations + entities | {n / t_citata:,.1f} | "
          f"{t_base / t_citata:.2f}x |")
    print(f"({quotes} quotations found)")


if __name__ == "__main__":
    main()
