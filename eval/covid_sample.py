"""Score citata on eval/covid_sample.jsonl: covid-19 whole pages annotated independently
(twelfth session, wt-qcovid) before citata was run on them; not a gold file of eval/quotes.py.

    python eval/covid_sample.py [--corpora ../shared/corpora] [--errors]

Prints quotation P/R, who-said-what and recall by type with eval/quotes.py's `match` and
`speaker_right`; --errors lists every miss, false quotation and wrong speaker (these pages are
in neither half of the gold, so reading them is allowed).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes import ROOT, evaluate, report  # noqa: E402

SAMPLE = ROOT / "eval" / "covid_sample.jsonl"
# A page of the sample that turned out to copy a tune gold page (coronavirus_ru_77): scored apart.
COPIES = {"bsnlp-ru/covid-19/raw/coronavirus_ru_12.txt"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    entries = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    independent = [e for e in entries if e["file"] not in COPIES]
    print(report("covid-19 sample, independent pages", evaluate(independent, args.corpora, errors=args.errors)))
    print(report("covid-19 sample, all pages (with the copy of a tune page)",
                 evaluate(entries, args.corpora)))


if __name__ == "__main__":
    main()
