"""Count paragraph breaks a scrape put inside a sentence (issue 14: "- сказал⏎⏎ксендз …").

    python eval/scrape_breaks.py [--corpora ../shared/corpora] [--show N] [--seed 1] [--exclude LIST ...]

Over every BSNLP raw page and FactRuEval devset text, cleaned as the pipeline cleans it, counts the
line breaks where the line before ends without terminal punctuation and the next line opens in lower
case (or with a digit or a closing mark), by what the line before ends in; prints N of them at random,
drawn only from articles in no gold file and in none of the --exclude lists (unannotated text) or in
the tune half of the gold (never the blind half), to be read by hand; and how many of them the
sentence splitter joins.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.nlp import sentences  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from quotes import half  # noqa: E402  (the gold's fixed tune/blind split)

LINE = re.compile(r"[^\n]+")
TERMINAL = re.compile(r"[.!?…:;»\"“”)\]]\s*$")
OPENS_LOW = re.compile(r"\s*[a-zа-яё0-9»”)\],]")


def ending(line: str) -> str:
    s = line.rstrip()
    if TERMINAL.search(s):
        return "terminal"
    if s.endswith(","):
        return "comma"
    if s[-1:] in "—–-":
        return "dash"
    if re.search(r"\w$", s):
        return "word"
    return "other"


def breaks(text: str):
    lines = list(LINE.finditer(text))
    for a, b in zip(lines, lines[1:]):
        if OPENS_LOW.match(b.group()) and not TERMINAL.search(a.group()):
            yield a, b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--exclude", type=Path, nargs="*", default=[])
    args = ap.parse_args()
    gold = set()
    for g in (ROOT / "eval" / "gold").glob("*.jsonl"):
        gold |= {json.loads(line)["file"] for line in g.read_text(encoding="utf-8").splitlines()}
    unread = set()
    for f in args.exclude:  # being annotated: never printed
        unread |= {line.strip() for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    paths = sorted(args.corpora.glob("bsnlp-ru/*/raw/*")) + sorted(args.corpora.glob("factrueval-2016/devset/*.txt"))
    by_end, files, joined, n_breaks = Counter(), Counter(), 0, 0
    readable = []
    for p in paths:
        rel = str(p.relative_to(args.corpora))
        text = build_document(text_document(rel, decode(p.read_bytes()))).text
        n_breaks += text.count("\n")
        spans = [(s.start, s.end) for s in sentences(text)]
        for a, b in breaks(text):
            kind = ending(a.group())
            by_end[kind] += 1
            files[rel.split("/")[1]] += 1
            joined += any(s < a.end() and e > b.start() for s, e in spans)
            if rel not in unread and (rel not in gold or half({"file": rel}) == "tune"):
                readable.append((rel, kind, a.group()[-120:], b.group()[:120]))
    total = sum(by_end.values())
    print(f"{len(paths)} articles, {n_breaks} line breaks in their clean text; {total} end without terminal "
          f"punctuation before a line opening in lower case / a digit / a closing mark")
    print("by the line before's end:", dict(by_end.most_common()))
    print("by corpus:", dict(files.most_common()))
    print(f"joined into one sentence by the splitter: {joined}")
    random.Random(args.seed).shuffle(readable)
    for rel, kind, a, b in readable[:args.show]:
        print(f"--- {rel} [{kind}]\n  {a!r}\n  {b!r}")


if __name__ == "__main__":
    main()
