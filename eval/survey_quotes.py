"""Survey quotation finding on unannotated articles: where would a reader expect a quotation
and citata found none? (issue 14: the blind half's misses are of kinds the tune half lacks, so
they are looked for in text nobody annotated.)

    python eval/survey_quotes.py [--corpora ../shared/corpora] [--sample 60] [--seed 1]
                                 [--exclude LIST ...] [--only covid]

Reads BSNLP raw pages and FactRuEval devset texts, leaving out every file of eval/gold/*.jsonl and
of the --exclude lists (articles being annotated). For each article of the sample it prints the
quotations found (FOUND) and the sentences that hold a speech signal (a cue the lexicons know, a
quotation mark, "по словам", a colon before a quotation, a dash line) and overlap no quotation
(NONE); at the end, how often each cue lemma stood in such a sentence. Sort the NONE lines into
classes by hand and fix the largest by mechanism; the FOUND lines are read for false quotations.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.entities import correct  # noqa: E402
from citata.nlp import analyse  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.quotes import find  # noqa: E402
from citata.quotes.cues import cue_at  # noqa: E402
from citata.quotes.resolution import resolve  # noqa: E402
from citata.quotes.view import DocView  # noqa: E402
from citata.source import decode, text_document  # noqa: E402

SIGNAL = re.compile(r'[«»"„“]|по словам|по мнению|по данным|согласно|:\s*[«"„“—–-]|^\s*[—–-]\s', re.I | re.M)


def articles(corpora: Path, exclude: list[Path]) -> list[str]:
    skip = set()
    for gold in (ROOT / "eval" / "gold").glob("*.jsonl"):
        skip |= {json.loads(line)["file"] for line in gold.read_text(encoding="utf-8").splitlines()}
    for f in exclude:
        skip |= {line.strip() for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    paths = sorted(corpora.glob("bsnlp-ru/*/raw/*")) + sorted(corpora.glob("factrueval-2016/devset/*.txt"))
    return [str(p.relative_to(corpora)) for p in paths if str(p.relative_to(corpora)) not in skip]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", default="", help="keep paths containing this string")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="files listing corpus paths not to read")
    args = ap.parse_args()
    files = [f for f in articles(args.corpora, args.exclude) if args.only in f]
    random.Random(args.seed).shuffle(files)
    silent_cues: Counter = Counter()
    for rel in files[:args.sample]:
        doc = build_document(text_document(rel, decode((args.corpora / rel).read_bytes())))
        text = doc.text
        analysis = analyse([text])[0]
        view = DocView(text, replace(analysis, entities=correct(analysis.entities, text)))
        found = find(view)
        quotes = resolve(view, list(found))
        print(f"#### {rel}  quotations={len(quotes)}")
        for q in quotes:
            who = q.speaker.name if q.speaker else None
            cue = q.cue.text if q.cue else None
            print(f"  FOUND {q.type} [{who}] cue={cue!r} :: {text[q.content.start:q.content.end][:160]!r}")
        spans = [(f.start, f.end) for f in found] + [(f.cue[0], f.cue[1]) for f in found if f.cue]
        for si, sent in enumerate(view.sents):
            rng = view.sent_range(si)
            if not rng:
                continue
            s, e = view.toks[rng.start].start, view.toks[rng.stop - 1].end
            if any(a < e and b > s for a, b in spans):
                continue
            cues = [cue_at(view, k) for k in rng if k not in view.quoted]
            lemmas = [c[1] for c in cues if c]
            if lemmas or SIGNAL.search(text[s:e]):
                silent_cues.update(lemmas)
                print(f"  NONE {lemmas} :: {text[s:e][:300]!r}")
    print("\ncue lemmas in sentences with no quotation:", silent_cues.most_common(40))


if __name__ == "__main__":
    main()
