"""Train and cross-validate the speaker ranker (citata/quotes/ranker.py) on the TUNE half only.

    python eval/train_ranker.py [--corpora ../shared/corpora] [--folds 5] [--cache FILE] [--show]
                                [--survey [--exclude LIST ...] [--survey-cache DIR]]

For every matched quotation of the tune half's articles, the candidate mentions
`ranker.candidates` lists (the rules' choice first), each labelled by eval/quotes.py's
`speaker_right` against the gold speaker. Prints
- the headroom: of the matched quotations whose rules' speaker is wrong, how many have a right
  speaker among the candidates (the oracle);
- grouped cross-validation over tune ARTICLES (folds by a hash of the article's path; the rules
  and the ranker judged on the same quotations): accuracy of the rules, of the ranker choosing
  among all candidates, and of the ranker allowed to overturn only a weak rule step
  (ranker.WEAK_STEPS), by the gold speaker's kind, at three strengths of the L2 penalty;
- the weights fitted on the whole tune half;
- with --survey, every quotation of the unannotated articles (eval/survey_quotes.py's) that the
  ranker allowed to overturn a weak step would move, to be read.
No weights are written: the ranker did not beat the rules, and the pipeline does not use one.
The model: a conditional logit (softmax over one quotation's candidates) with an L2 penalty,
fitted by gradient descent with numpy. The blind half is never read.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import quotes as qe  # noqa: E402  (eval/quotes.py: the split, matching and speaker_right)

from citata.nlp import analyse  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.quotes import document_view, find, ranker, resolve  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from survey_quotes import json_cache  # noqa: E402

KINDS = ("person", "organization", "anonymous", "document")


def collect(corpora: Path) -> list[dict]:
    """One row per matched tune quotation: its article, gold kind, and candidates (features, right)."""
    rows = []
    for entry in qe.entries(qe.CORPUS_FILES, "tune"):
        assert qe.half(entry) == "tune"
        path = qe.corpus_path(entry["file"], corpora)
        raw = text_document(entry["file"], decode(path.read_bytes()))
        doc = build_document(raw)
        analysis = analyse([doc.text])[0]
        view = document_view(doc.text, analysis)
        record: list = []
        quotes = resolve(view, find(view), observe=ranker.record_into(record))
        pred = [{"raw_content": [doc.raw_offset(q.content.start), doc.raw_offset(q.content.end)]} for q in quotes]
        gold = [qe.normalise_gold(g, raw.text) for g in entry["quotes"]]
        for gi, pi in qe.match(gold, pred):
            g = gold[gi]
            cands = [{"x": ranker.vector(c.features),
                      "right": qe.speaker_right(g, c.speaker.to_dict() if c.speaker else None),
                      "name": c.speaker.name if c.speaker else None, "sources": sorted(c.sources)}
                     for c in record[pi]]
            rows.append({"file": entry["file"], "kind": g["speaker_kind"], "gold": g["speaker"], "cands": cands,
                         "step": ranker.rules_step(quotes[pi].speaker), "weak": ranker.is_weak(ranker.rules_step(quotes[pi].speaker)),
                         "text": quotes[pi].content.text[:60]})
    return rows


def fit(rows: list[dict], l2: float = 1.0, steps: int = 600, lr: float = 0.5) -> np.ndarray:
    """Conditional logit over each quotation's candidates, trained where at least one is right."""
    groups = [(np.array([c["x"] for c in r["cands"]], dtype=float), np.array([c["right"] for c in r["cands"]], float))
              for r in rows if any(c["right"] for c in r["cands"])]
    w = np.zeros(len(ranker.FEATURES))
    n = len(groups)
    for _ in range(steps):
        grad = l2 * w / n
        for X, y in groups:
            s = X @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            target = y / y.sum()  # any right candidate will do
            grad += X.T @ (p - target) / n
        w -= lr * grad
    return w


def choose(row: dict, w: np.ndarray, gate: bool) -> int:
    """The index of the ranker's candidate (0: the rules'; they win a tie). With gate, it may
    overturn only a weak rule step."""
    cands = row["cands"]
    if gate and not row["weak"]:
        return 0
    scores = [float(np.dot(c["x"], w)) for c in cands]
    return max(range(len(cands)), key=lambda i: (scores[i], -i))


def fold_of(file: str, k: int) -> int:
    return int(hashlib.sha1(file.encode()).hexdigest(), 16) // 2 % k  # //2: the split's own bit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--cache", type=Path, help="read/write the candidate rows here (a JSON file)")
    ap.add_argument("--show", action="store_true", help="print the tune quotations the oracle could fix")
    ap.add_argument("--survey", action="store_true",
                    help="apply the ranker (weak rule steps only, L2 1.0, fitted on the whole tune half) to the "
                         "unannotated articles and print every quotation it would move")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="with --survey: files listing corpus "
                    "paths not to read (articles being annotated, gold not merged yet)")
    ap.add_argument("--survey-cache", type=Path, default=None, help="with --survey: a folder for the analyses")
    args = ap.parse_args()
    rows = json_cache(args.cache, lambda: collect(args.corpora))
    wrong = [r for r in rows if not r["cands"][0]["right"]]
    fixable = [r for r in wrong if any(c["right"] for c in r["cands"])]
    ncand = Counter(len(r["cands"]) for r in rows)
    print(f"tune: {len(rows)} matched quotations in {len({r['file'] for r in rows})} articles; "
          f"candidates per quotation: mean {sum(k * v for k, v in ncand.items()) / len(rows):.2f}, max {max(ncand)}")
    print(f"rules right {len(rows) - len(wrong)}/{len(rows)}; of the {len(wrong)} wrong, a right speaker among "
          f"the candidates (oracle headroom): {len(fixable)}")
    print("oracle headroom by kind: " + ", ".join(
        f"{k} {sum(r['kind'] == k for r in fixable)}/{sum(r['kind'] == k for r in wrong)}" for k in KINDS))
    steps = Counter(r["step"] or "no speaker" for r in rows)
    right = Counter(r["step"] or "no speaker" for r in rows if r["cands"][0]["right"])
    fix = Counter(r["step"] or "no speaker" for r in fixable)
    print("oracle headroom by the rules' step (fixable / quotations, rules right): " + "; ".join(
        f"{step} {fix[step]}/{n}, {right[step]}" for step, n in sorted(steps.items(), key=lambda kv: -fix[kv[0]])
        if fix[step]))
    if args.show:
        for r in fixable:
            right = [c for c in r["cands"] if c["right"]][0]
            print(f"  [{r['step']}] {r['file']}: gold {r['gold']!r}, rules {r['cands'][0]['name']!r}, right candidate "
                  f"{right['name']!r} from {right['sources']} | {r['text']!r}")
    total = Counter(r["kind"] for r in rows)
    print(f"\n{args.folds}-fold cross-validation by article (tune half only; the same folds for every chooser); "
          "moves: quotations where the ranker's choice is not the rules', wrong → right / right → wrong:\n")
    print("| chooser | L2 | all | " + " | ".join(KINDS) + " | moves | wrong → right | right → wrong |")
    print("|---|---|---|" + "---|" * len(KINDS) + "---|---|---|")
    c = Counter(r["kind"] for r in rows if r["cands"][0]["right"])
    print(f"| rules | – | {sum(c.values())}/{len(rows)} = {sum(c.values()) / len(rows):.3f} | "
          + " | ".join(f"{c[k]}/{total[k]}" for k in KINDS) + " | – | – | – |")
    for gate in (False, True):
        for l2 in (0.3, 1.0, 3.0):
            c, moves = Counter(), Counter()
            for k in range(args.folds):
                w = fit([r for r in rows if fold_of(r["file"], args.folds) != k], l2=l2)
                for r in rows:
                    if fold_of(r["file"], args.folds) != k:
                        continue
                    best = choose(r, w, gate)
                    right = r["cands"][best]["right"]
                    c[r["kind"]] += right
                    if best:
                        moves["all"] += 1
                        moves["up"] += right and not r["cands"][0]["right"]
                        moves["down"] += r["cands"][0]["right"] and not right
            name = "ranker, weak rule steps only" if gate else "ranker, every quotation"
            print(f"| {name} | {l2} | {sum(c.values())}/{len(rows)} = {sum(c.values()) / len(rows):.3f} | "
                  + " | ".join(f"{c[k]}/{total[k]}" for k in KINDS)
                  + f" | {moves['all']} | {moves['up']} | {moves['down']} |")
    w = fit(rows)
    print("\nweights fitted on the whole tune half (L2 1.0), largest first: "
          + ", ".join(f"{n} {v:+.2f}" for n, v in sorted(zip(ranker.FEATURES, w), key=lambda t: -abs(t[1]))[:12]))
    if args.survey:
        survey(args.corpora, args.exclude, args.survey_cache, w)


def survey(corpora: Path, exclude: list[Path], cache: Path | None, w: np.ndarray) -> None:
    """Every quotation of the unannotated articles whose weak rule step the ranker would overturn."""
    from survey_quotes import articles, view_of  # the unannotated articles: one definition

    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    files = articles(corpora, exclude)
    n = weak = moved = 0
    for rel in files:
        view = view_of(corpora, rel, cache)
        record: list = []
        for q, cands in zip(resolve(view, find(view), observe=ranker.record_into(record)), record):
            n += 1
            if not ranker.is_weak(ranker.rules_step(q.speaker)):
                continue
            weak += 1
            scores = [float(np.dot(ranker.vector(c.features), w)) for c in cands]
            best = max(range(len(cands)), key=lambda i: (scores[i], -i))
            if best:
                moved += 1
                a = q.cue.start if q.cue else q.content.start
                print(f"#### {rel} @{q.content.start}\n  text: {view.text[max(0, a - 300):a + 120]!r}\n"
                      f"  rules: {q.speaker and q.speaker.name!r} [{ranker.rules_step(q.speaker)}]\n"
                      f"  ranker: {cands[best].speaker and cands[best].speaker.name!r} from {sorted(cands[best].sources)}")
    print(f"\nunannotated: {len(files)} articles, {n} quotations, {weak} at a weak rule step, the ranker moves {moved}")

if __name__ == "__main__":
    main()
