"""Full extract throughput on one core, against natasha's own per-document pipeline.

    python benchmarks/bench_extract.py [--corpora ../shared/corpora] [--repeat 3]

Over every text in ../shared/corpora/bsnlp-ru, in one run:
- baseline: natasha's per-document pipeline, `Doc(text)`, `segment`,
  `tag_ner` (the same NER weights citata uses), over the clean article
  bodies citata produces (shorter than the raw files: this favours the
  baseline);
- citata: the whole `citata extract` path from the raw file text: clean,
  metadata, batched NER, quotations and speakers, entities and their
  identities across the documents (`pipeline.process`, one registry).

Each timed pass runs in a fresh process that loads the models and first
processes other news (factrueval-2016's devset), so citata's caches of word
analyses hold a news vocabulary but not these texts: the pass sees the
corpus for the first time, as an ingest sees new articles. citata's second
pass over the same texts (every word already analysed) is reported too.
BLAS is pinned to one thread so "per core" means one core. Documents/s is
the best of --repeat passes; the ratios are taken within the run.
"""
from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import multiprocessing  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _raws(paths: list[Path]):
    from citata.source import decode, text_document

    return [text_document(str(p), decode(p.read_bytes())) for p in paths]


def natasha_pass(timed_paths: list[Path], warm_paths: list[Path]) -> tuple[float, int]:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    from citata.pipeline import build_document

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

    def run(texts):
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_ner(tagger)

    run([build_document(r).text for r in _raws(warm_paths)])
    bodies = [build_document(r).text for r in _raws(timed_paths)]
    t0 = time.perf_counter()
    run(bodies)
    return time.perf_counter() - t0, 0


def citata_pass(timed_paths: list[Path], warm_paths: list[Path]) -> tuple[float, float, int]:
    from citata.pipeline import process

    list(process(_raws(warm_paths)))
    raws = _raws(timed_paths)
    t0 = time.perf_counter()
    quotes = sum(len(doc.quotes) for doc in process(raws))
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    list(process(raws))
    return first, time.perf_counter() - t0, quotes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    timed = sorted((args.corpora / "bsnlp-ru").glob("*/raw/*.txt"))
    warm = sorted((args.corpora / "factrueval-2016" / "devset").glob("*.txt"))
    if not timed or not warm:
        raise SystemExit(f"need bsnlp-ru/*/raw/*.txt and factrueval-2016/devset/*.txt under {args.corpora}")
    # One pass per fresh process, one process at a time (max_tasks_per_child=1).
    spawn = multiprocessing.get_context("spawn")
    base, first, again, quotes = [], [], [], 0
    with ProcessPoolExecutor(1, mp_context=spawn, max_tasks_per_child=1) as pool:
        for _ in range(args.repeat):
            base.append(pool.submit(natasha_pass, timed, warm).result()[0])
            t_first, t_again, quotes = pool.submit(citata_pass, timed, warm).result()
            first.append(t_first)
            again.append(t_again)
    n, t_base = len(timed), min(base)
    print(f"{n} documents from {args.corpora / 'bsnlp-ru'}, one core, best of {args.repeat} fresh processes "
          f"(each warmed on {len(warm)} other articles)")
    print("| pipeline | documents/s | ratio |")
    print("|---|---|---|")
    print(f"| natasha per document: segment + NER (baseline) | {n / t_base:,.1f} | 1.00x |")
    print(f"| citata full extract: clean + metadata + NER + quotations + entities, texts new to the process "
          f"| {n / min(first):,.1f} | {t_base / min(first):.2f}x |")
    print(f"| citata full extract, the same texts again | {n / min(again):,.1f} | {t_base / min(again):.2f}x |")
    print(f"({quotes} quotations found)")


if __name__ == "__main__":
    main()
