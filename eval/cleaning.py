"""Evaluate boilerplate removal, titles and dates against the hand-labelled
gold set eval/gold/cleaning.jsonl (every line of 48+ corpus documents
labelled title / body / boilerplate / header / empty).

    python eval/cleaning.py [--corpora ../shared/corpora] [--details]

Body scores count characters of non-blank lines (surrounding whitespace
stripped). A line the gold calls body and citata keeps counts fully as a
true positive; part-kept lines (a caption cut off the front of a paragraph)
count the kept characters. Container header lines (BSNLP's id/lang/date/URL)
are not page content and are left out of every score. Baseline: keep
every line (title and boilerplate included) as body.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.pipeline import build_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402

GOLD = ROOT / "eval" / "gold" / "cleaning.jsonl"


def _resolve(entry_file: str, corpora: Path) -> Path:
    path = Path(entry_file)
    return ROOT / path if path.parts[0] == "examples" else corpora / path


def _kept_chars(line_text: str, kept: tuple[int, int] | None) -> int:
    if kept is None:
        return 0
    return len(line_text[kept[0]:kept[1]].strip())


def evaluate(corpora: Path, details: bool = False) -> dict:
    totals = {"tp": 0, "pred": 0, "gold": 0, "leak": 0, "base_pred": 0, "base_leak": 0}
    titles = {"n": 0, "right": 0}
    dates = {"n": 0, "right": 0, "spurious": 0, "null_gold": 0}
    docs = 0
    for entry in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines()):
        path = _resolve(entry["file"], corpora)
        data = path.read_bytes()
        if hashlib.sha1(data).hexdigest() != entry["sha1"]:
            raise SystemExit(f"{path}: file changed since it was annotated (sha1 mismatch)")
        raw = text_document(entry["file"], decode(data))
        doc = build_document(raw)
        lines = raw.text.split("\n")
        if len(lines) != len(entry["labels"]):
            raise SystemExit(f"{path}: {len(lines)} lines, gold has {len(entry['labels'])}")
        # Map each raw line to the part of it that ended up in doc.text.
        kept: dict[int, tuple[int, int]] = {}
        starts = [0]
        for ln in lines:
            starts.append(starts[-1] + len(ln) + 1)
        for seg in doc.segments:
            idx = max(i for i in range(len(lines)) if starts[i] <= seg.raw_start)
            kept[idx] = (seg.raw_start - starts[idx], seg.raw_start - starts[idx] + seg.length)
        docs += 1
        doc_tp = doc_pred = doc_gold = 0
        for i, (text, label) in enumerate(zip(lines, entry["labels"])):
            size = len(text.strip())
            if label in ("header", "empty") or not size:
                continue
            k = _kept_chars(text, kept.get(i))
            totals["base_pred"] += size
            doc_pred += k
            if label == "body":
                doc_gold += size
                doc_tp += k
            else:
                totals["base_leak"] += size
                totals["leak"] += k
        totals["tp"] += doc_tp
        totals["pred"] += doc_pred
        totals["gold"] += doc_gold
        if details and (doc_tp != doc_gold or doc_tp != doc_pred):
            print(f"  {entry['file']}: gold body {doc_gold}, kept {doc_pred}, of them body {doc_tp}")
        gold_title = None
        if entry["title"]:
            li, a, b = entry["title"]
            gold_title = " ".join(lines[li][a:b].split())
        if gold_title is not None:
            titles["n"] += 1
            ok = (doc.title or "") == gold_title
            titles["right"] += ok
            if details and not ok:
                print(f"  title {entry['file']}: got {doc.title!r}, gold {gold_title!r}")
        if entry["published"]:
            dates["n"] += 1
            dates["right"] += doc.published == entry["published"]
            if details and doc.published != entry["published"]:
                print(f"  date {entry['file']}: got {doc.published}, gold {entry['published']}")
        else:
            dates["null_gold"] += 1
            dates["spurious"] += doc.published is not None
    return {"docs": docs, **totals, "titles": titles, "dates": dates}


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(res: dict) -> str:
    p, r, f = _prf(res["tp"], res["pred"], res["gold"])
    bp, br, bf = _prf(res["gold"], res["base_pred"], res["gold"])
    t, d = res["titles"], res["dates"]
    rows = [
        f"documents: {res['docs']}   gold body chars: {res['gold']}",
        "",
        "| system | body P | body R | body F1 | boilerplate leakage |",
        "|---|---|---|---|---|",
        f"| citata | {p:.4f} | {r:.4f} | {f:.4f} | {res['leak'] / res['pred']:.2%} |",
        f"| keep everything (baseline) | {bp:.4f} | {br:.4f} | {bf:.4f} | "
        f"{res['base_leak'] / res['base_pred']:.2%} |",
        "",
        f"title exact match: {t['right']}/{t['n']} = {t['right'] / max(t['n'], 1):.2%}",
        f"published date right: {d['right']}/{d['n']} = {d['right'] / max(d['n'], 1):.2%}"
        f"   (dates given where the gold has none: {d['spurious']}/{d['null_gold']})",
    ]
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--details", action="store_true", help="list every document that is not perfect")
    args = ap.parse_args()
    if not args.corpora.is_dir():
        raise SystemExit(f"corpora not found at {args.corpora} (pass --corpora)")
    print(report(evaluate(args.corpora, args.details)))


if __name__ == "__main__":
    main()
