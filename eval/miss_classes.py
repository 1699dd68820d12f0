"""Every tune miss and every tune false quotation, classified mechanically by how the predictions
lie against the gold (issue 14: which kind of recall loss is the largest, before any is read).

    python eval/miss_classes.py [--corpora ../shared/corpora] [--cache FILE] [--show CLASS ...]
                                [--exclude covid-19 ...]

Tune half only: the articles are eval/quotes.py's `entries(CORPUS_FILES, "tune")`; there is no
option to read the blind half, whose errors are never shown. The match rule is eval/quotes.py's
(`match`: content overlap of at least half of each span, one-to-one, best overlap first).

A gold quotation left unmatched (a miss) is
  (a) **none**: no predicted quotation overlaps its content at all, and then, by what citata did
      there (`why_none`, in this order): `not in the clean text` (cleaning kept less than half of
      it, so that no sieve could find it); `dropped by STEP` (a construction built a candidate over
      it and a step of `citata.quotes.find` — dedupe, a filter — removed it); `layout (no cue)` /
      `layout (cue in another paragraph)` (the gold has no cue, or a paragraph break stands between
      its cue and its content); `cue read, no construction` (the cue lexicon reads a cue at the
      gold's cue words, and no construction took the content); `no cue` (it reads none there);
  (b) **boundary**: an unmatched prediction overlaps it, and the match rule rejects the pair —
      `merged` (that prediction also overlaps another gold quotation), `split` (two or more
      unmatched predictions overlap it), `too long` (the prediction holds the gold span and runs
      past it by more than its length), `too short` (the prediction lies inside the gold span and
      holds less than half of it), `shifted` (otherwise);
  (c) **taken**: only predictions matched to other gold quotations overlap it (one prediction
      holding several gold quotations).
A false quotation (a prediction left unmatched) is
  (a) **none**: no gold quotation overlaps it;
  (b) **boundary**: it overlaps an unmatched gold quotation (the same pairs as the misses' (b));
  (c) **taken**: it overlaps only gold quotations matched to other predictions (a second piece).
Each row also says whether a prediction's cue stands where the gold's cue does (`cue found`): a
miss whose cue citata read is a span or attribution error, one whose cue it did not read is a
construction it lacks.

--cache FILE keeps the predictions (JSON), so that a second run classifies without extracting;
--show prints the rows of the classes named (e.g. `--show miss:none miss:boundary`); --exclude leaves
out the articles whose path holds any of the strings given. (`eval/recall_survey.py dropped` counts
the same removals on the unannotated articles.)
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.nlp import analyse  # noqa: E402
from citata.quotes import find  # noqa: E402
from citata.quotes.cues import cue_at  # noqa: E402
from citata.quotes.view import document_view  # noqa: E402
from quotes import CORPUS_FILES, corpus_path, entries, extract, match, normalise_gold, predicted  # noqa: E402


def _overlaps(a: list[int], b: list[int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def boundary_kind(g: list[int], p: list[int]) -> str:
    """How one overlapping pair fails the match rule."""
    if p[0] <= g[0] and p[1] >= g[1]:
        return "too long"
    if p[0] >= g[0] and p[1] <= g[1]:
        return "too short"
    return "shifted"


def classify(gold: list[dict], pred: list[dict]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(gold index, class) for every miss and (prediction index, class) for every false quotation."""
    pairs = match(gold, pred)
    mg, mp = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    over_g = {gi: [pi for pi, p in enumerate(pred) if _overlaps(g["content"], p["raw_content"])]
              for gi, g in enumerate(gold)}
    over_p = {pi: [gi for gi, g in enumerate(gold) if _overlaps(g["content"], p["raw_content"])]
              for pi, p in enumerate(pred)}
    misses = []
    for gi, g in enumerate(gold):
        if gi in mg:
            continue
        free = [pi for pi in over_g[gi] if pi not in mp]
        if not over_g[gi]:
            misses.append((gi, "none"))
        elif not free:
            misses.append((gi, "taken"))
        elif len(free) > 1:
            misses.append((gi, "boundary: split"))
        elif len(over_p[free[0]]) > 1:
            misses.append((gi, "boundary: merged"))
        else:
            misses.append((gi, "boundary: " + boundary_kind(g["content"], pred[free[0]]["raw_content"])))
    false = []
    for pi, p in enumerate(pred):
        if pi in mp:
            continue
        if not over_p[pi]:
            false.append((pi, "none"))
        elif any(gi not in mg for gi in over_p[pi]):
            false.append((pi, "boundary"))
        else:
            false.append((pi, "taken"))
    return misses, false


def cue_found(g: dict, pred: list[dict]) -> bool:
    """A prediction's cue overlaps the gold quotation's cue."""
    if not g.get("cue"):
        return False
    return any(p["cue"] and _overlaps(g["cue"], p["raw_cue"]) for p in pred)


def predict(path: Path, source: str) -> dict:
    """eval/quotes.py's predictions, with the cue's raw offsets too; the raw ranges the clean text
    keeps; the candidates a step of `find` removed (step, raw content, type); the raw spans of the
    words the cue lexicon reads as a cue's start; the raw offsets where a paragraph starts."""
    raw, doc = extract(path, source)
    out = []
    for q in doc.quotes:
        d = predicted(doc, q)
        d["raw_cue"] = [doc.raw_offset(q.cue.start), doc.raw_offset(q.cue.end)] if q.cue else None
        out.append(d)
    # the constructions again, on the same text, to see what the filters took out
    view = document_view(doc.text, analyse([doc.text])[0])
    dropped: list = []
    find(view, dropped)
    return {
        "text": raw.text, "pred": out,
        "kept": [[seg.raw_start, seg.raw_start + seg.length] for seg in doc.segments],
        "dropped": [[step, [doc.raw_offset(f.start), doc.raw_offset(f.end)], f.type] for step, f in dropped],
        "cues": [[doc.raw_offset(t.start), doc.raw_offset(t.end)]
                 for i, t in enumerate(view.toks) if cue_at(view, i) is not None],
    }


def why_none(g: dict, d: dict) -> str:
    """The class of a miss that no prediction overlaps: cleaning dropped it, a step of `find` removed
    the candidate a construction built, its cue stands in another paragraph (or it has none), the
    lexicon reads its cue but no construction takes the words, or the lexicon reads no cue there."""
    if kept_share(g["content"], d["kept"]) < 0.5:
        return "none: not in the clean text"  # no sieve could find it
    steps = [step for step, span, _ in d["dropped"] if _overlaps(g["content"], span)]
    if steps:
        return f"none: dropped by {steps[0]}"
    cue = g.get("cue")
    if not cue:
        return "none: layout (no cue)"
    a, b = (cue[1], g["content"][0]) if cue[1] <= g["content"][0] else (g["content"][1], cue[0])
    if "\n" in d["text"][a:b]:
        return "none: layout (cue in another paragraph)"
    if any(_overlaps(cue, c) for c in d["cues"]):
        return "none: cue read, no construction"
    return "none: no cue"


def kept_share(span: list[int], kept: list[list[int]]) -> float:
    """How much of a raw span the clean text keeps (0 when cleaning dropped it all)."""
    inside = sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in kept)
    return inside / max(1, span[1] - span[0])


def predictions(es: list[dict], corpora: Path, cache: Path | None) -> dict[str, list]:
    stored = json.loads(cache.read_text(encoding="utf-8")) if cache and cache.exists() else {}
    out = {}
    for entry in es:
        if not isinstance(stored.get(entry["file"]), dict):  # absent, or a cache of an older layout
            stored[entry["file"]] = predict(corpus_path(entry["file"], corpora), entry["file"])
        out[entry["file"]] = stored[entry["file"]]
    if cache:
        cache.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--cache", type=Path, help="predictions kept here (JSON) and read back on the next run")
    ap.add_argument("--show", nargs="*", default=[],
                    help="print the rows of these classes: miss:none, miss:boundary, miss:taken, false:none, …"
                         " (a prefix is enough)")
    ap.add_argument("--exclude", nargs="*", default=[],
                    help="leave out the articles whose path holds any of these (e.g. covid-19)")
    args = ap.parse_args()
    es = entries(CORPUS_FILES, "tune")  # the tune half only: this script has no way to the blind half
    es = [e for e in es if not any(x in e["file"] for x in args.exclude)]
    preds = predictions(es, args.corpora, args.cache)
    counts, cues, rows = Counter(), Counter(), []
    for entry in es:
        d = preds[entry["file"]]
        text, pred = d["text"], d["pred"]
        gold = [normalise_gold(q, text) for q in entry["quotes"]]
        misses, false = classify(gold, pred)
        for gi, cls in misses:
            g = gold[gi]
            if cls == "none":
                cls = why_none(g, d)
            found = cue_found(g, pred)
            counts[("miss", cls, g["type"])] += 1
            cues[("miss", cls, found)] += 1
            s, e = g["content"]
            near = [p for p in pred if _overlaps(g["content"], p["raw_content"])]
            gone = [(step, span, t) for step, span, t in d["dropped"] if _overlaps(g["content"], span)]
            rows.append((f"miss:{cls}", f"MISS {cls} {g['type']} cue {'found' if found else 'not found'} "
                         f"{entry['file']} [{g['speaker']}]\n    gold {s}-{e}: ...{text[max(0, s - 80):s]!r} "
                         f"[[{text[s:e][:300]!r}]] {text[e:e + 60]!r}" +
                         "".join(f"\n    pred {p['raw_content'][0]}-{p['raw_content'][1]} {p['type']}: "
                                 f"[[{text[p['raw_content'][0]:p['raw_content'][1]][:300]!r}]]" for p in near) +
                         "".join(f"\n    dropped by {step} {a}-{b} {t}: [[{text[a:b][:300]!r}]]"
                                 for step, (a, b), t in gone)))
        for pi, cls in false:
            p = pred[pi]
            counts[("false", cls, p["type"])] += 1
            s, e = p["raw_content"]
            rows.append((f"false:{cls}", f"FALSE {cls} {p['type']} {entry['file']} "
                         f"[{p['speaker'] and p['speaker']['name']}] cue={p['cue'] and p['cue']['text']!r}\n"
                         f"    ...{text[max(0, s - 80):s]!r} [[{text[s:e][:300]!r}]]"))
    print(f"tune half: {len(es)} articles\n")
    print("| error | class | direct | indirect | mixed | all | gold cue found by a prediction |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for side in ("miss", "false"):
        classes = sorted({cls for s, cls, _ in counts if s == side})
        for cls in classes:
            by_type = [counts[(side, cls, t)] for t in ("direct", "indirect", "mixed")]
            cue = f"{cues[(side, cls, True)]}" if side == "miss" else ""
            print(f"| {side} | {cls} | " + " | ".join(map(str, by_type)) + f" | {sum(by_type)} | {cue} |")
    for label, text in rows:
        if any(label.startswith(want) for want in args.show):
            print(text)


if __name__ == "__main__":
    main()
