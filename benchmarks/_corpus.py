"""The corpus texts the benchmarks read: BSNLP raw articles and the FactRuEval devset."""
from __future__ import annotations

from pathlib import Path


def corpus_paths(corpora: Path) -> list[str]:
    paths = [str(p) for p in sorted((corpora / "bsnlp-ru").glob("*/raw"))]
    paths += [str(p) for p in sorted((corpora / "factrueval-2016" / "devset").glob("*.txt"))]
    if not paths:
        raise SystemExit(f"no corpus texts under {corpora}")
    return paths
