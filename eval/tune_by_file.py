"""The tune half of the quotation gold, one row per gold file (and the seeds): to see whether a
change helps the newest gold (which nobody tuned on before) as much as the older files. Only the
tune half is scored; the blind half's rows come from eval/quotes.py's default run alone.

    python eval/tune_by_file.py [--corpora ../shared/corpora]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

from quotes import CORPUS_FILES, HEADER, SEED_FILES, entries, evaluate, row  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    if not args.corpora.is_dir():
        sys.exit(f"no corpora at {args.corpora}")
    old = tuple(f for f in CORPUS_FILES if f < "quotes_e.jsonl")
    sets = [("tune", entries(CORPUS_FILES, "tune")), ("tune, " + " ".join(f[7:8] for f in old), entries(old, "tune"))]
    sets += [(f"tune, {f[:-6]}", entries((f,), "tune")) for f in CORPUS_FILES if f not in old]
    sets.append(("seeds", entries(SEED_FILES)))
    print(HEADER)
    for name, es in sets:
        print(row(name, evaluate(es, args.corpora)))


if __name__ == "__main__":
    main()
