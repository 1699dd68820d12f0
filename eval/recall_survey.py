"""Quotations citata finds on every unannotated article (the population of eval/recall_sample.py),
saved as JSON, and the difference between two such files: what a change adds, drops or moves.

    python eval/recall_survey.py run OUT.json              # citata's quotations, raw offsets
    python eval/recall_survey.py diff BEFORE.json AFTER.json  # each quotation added / dropped / re-spanned
    python eval/recall_survey.py count OUT.json            # the classes of eval/recall_sample.py's misses, by article
    python eval/recall_survey.py dropped [--show STEP ...]  # the candidates each filter of `find` removes

`count` looks for each class's words over the clean text of every unannotated article and says
in how many articles (and places) it occurs, and how many of them a quotation of OUT.json covers.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from recall_sample import CORPORA, PICKED, population, raw_text  # noqa: E402


def run(args) -> None:
    from quotes import predict
    out = {}
    for rel in population([PICKED] if PICKED.exists() else []):
        _, pred = predict(CORPORA / rel, rel)
        out[rel] = [{"type": p["type"], "content": p["raw_content"],
                     "speaker": p["speaker"] and p["speaker"]["name"],
                     "cue": p["cue"] and p["cue"]["text"]} for p in pred]
    args.out.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    print(f"{len(out)} articles, {sum(map(len, out.values()))} quotations → {args.out}")


def diff(args) -> None:
    a = json.loads(args.before.read_text(encoding="utf-8"))
    b = json.loads(args.after.read_text(encoding="utf-8"))
    n = defaultdict(int)
    for rel in sorted(set(a) | set(b)):
        qa = {tuple(q["content"]): q for q in a.get(rel, [])}
        qb = {tuple(q["content"]): q for q in b.get(rel, [])}
        if qa == qb:
            continue
        t = raw_text(rel)
        for span in sorted(set(qa) | set(qb)):
            if span in qa and span in qb:
                if qa[span] != qb[span]:
                    n["changed"] += 1
                    print(f"CHANGED {rel} {span}: {qa[span]['speaker']!r} → {qb[span]['speaker']!r} "
                          f"[{qa[span]['type']} → {qb[span]['type']}] {t[span[0]:span[1]][:100]!r}")
                continue
            kind = "ADDED" if span in qb else "DROPPED"
            q = qb.get(span) or qa[span]
            n[kind.lower()] += 1
            print(f"{kind} {rel} {span} {q['type']} [{q['speaker']}] cue={q['cue']!r}: "
                  f"...{t[max(0, span[0] - 90):span[0]]!r} [[{t[span[0]:span[1]][:160]!r}]]")
    print(dict(n))


def dropped(args) -> None:
    """How many candidates each step of `citata.quotes.find` removes on the unannotated articles
    (eval/miss_classes.py's `none: dropped by …` on new text), and the rows of the steps named."""
    from miss_classes import predict as with_dropped
    n, rows = defaultdict(int), []
    for rel in population([PICKED] if PICKED.exists() else []):
        d = with_dropped(CORPORA / rel, rel)
        t = d["text"]
        for step, (a, b), kind in d["dropped"]:
            # a kept quotation over at least half of the removed one's words: nothing was lost
            held = any(min(b, e) - max(a, s) >= (b - a) / 2 for s, e in (p["raw_content"] for p in d["pred"]))
            n[(step, held)] += 1
            if step in args.show:
                rows.append(f"DROPPED by {step}{' (a kept quotation holds it)' if held else ''} {rel} {a}-{b} "
                            f"{kind}: ...{t[max(0, a - 120):a]!r} [[{t[a:b][:200]!r}]] {t[b:b + 90]!r}")
    print("| step | removed | of which a kept quotation holds |\n|---|---:|---:|")
    for step in sorted({s for s, _ in n}, key=lambda s: -n[(s, True)] - n[(s, False)]):
        print(f"| {step} | {n[(step, True)] + n[(step, False)]} | {n[(step, True)]} |")
    print("\n".join(rows))


# The classes of the sample's misses, as tool-independent patterns over the clean text.
CLASSES = {
    "document says (прописано/предусмотрено …, что)":
        r"\b(?:прописано|предусмотрено|закреплено|оговорено|изложено|значится)\s*,?\s*(?:что|:)",
    "как следует из X": r"\bследует из\b",
    "согласно + noun": r"\b[Сс]огласно\s+(?:[а-яё]+(?:ому|ему|ой|ей|ым|им)\s+)?([а-яё]+)",
    ", согласно которому/которой": r",\s*согласно\s+котор(?:ому|ой|ым)\b",
    "по данным, (no owner)": r"\b[Пп]о\s+(?:[а-яё]+(?:им|ым)\s+)?данным\s*,",
    "report noun, что (опасения/информация/мнение …, что)":
        r"\b(?:опасени[яей]|информаци[яи]|мнение|слух[иа]?|уверенность|сведения|версия|заявлени[ея])\s*,?\s+что\b",
    "узнал(и) as a report cue": r"(?:,\s*|\bкак\s+)узнал[аои]?\b",
}


def count(args) -> None:
    from citata.pipeline import build_document
    from citata.source import decode, text_document
    pred = json.loads(args.pred.read_text(encoding="utf-8"))
    for name, pattern in CLASSES.items():
        rx = re.compile(pattern)
        arts, hits, covered, words = set(), 0, 0, defaultdict(int)
        examples = []
        for rel in pred:
            doc = build_document(text_document(rel, decode((CORPORA / rel).read_bytes())))
            for m in rx.finditer(doc.text):
                arts.add(rel)
                hits += 1
                if m.groups():
                    words[m.group(1)] += 1
                s = doc.raw_offset(m.start())
                e = doc.raw_offset(m.end())
                cov = any(a <= e + 200 and b >= s for a, b in (q["content"] for q in pred[rel])
                          if a <= e + 200 and b >= s - 5)
                covered += cov
                if len(examples) < args.examples:
                    examples.append(f"    {'+' if cov else '-'} {rel}: {doc.text[max(0, m.start() - 70):m.end() + 70]!r}")
        print(f"{name}: {hits} places in {len(arts)} articles, {covered} with a quotation next to it")
        if words:
            print("    words:", dict(sorted(words.items(), key=lambda x: -x[1])))
        print("\n".join(examples))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("out", type=Path)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    c = sub.add_parser("count")
    c.add_argument("pred", type=Path)
    c.add_argument("--examples", type=int, default=12)
    x = sub.add_parser("dropped")
    x.add_argument("--show", nargs="*", default=[], help="print every candidate these steps remove")
    args = ap.parse_args()
    {"run": run, "diff": diff, "count": count, "dropped": dropped}[args.cmd](args)


if __name__ == "__main__":
    main()
