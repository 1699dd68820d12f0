"""A judged random sample of the speakers citata gives on unannotated articles (issue 14): the
estimate of speaker accuracy on new text, read by a reader rather than against gold.

    python eval/survey_speakers.py --sample 5000 --cache DIR --out all.jsonl      # every quotation
    python eval/speaker_sample.py draw all.jsonl [--size 200] [--seed 14] > eval/speaker_sample.tsv
    (eval/speaker_sample.tsv: 200 drawn from the BSNLP/FactRuEval articles in no gold file, then 50
    from the covid-19 pages in no quotation gold, `--pages --only covid-19`, each with seed 14)
    python eval/speaker_sample.py show eval/speaker_sample.tsv all.jsonl          # the rows to judge
    python eval/speaker_sample.py score eval/speaker_sample.tsv                   # accuracy, 95% interval, classes
    python eval/speaker_sample.py moves eval/speaker_sample.tsv new.jsonl         # judged rows the new code moved

eval/speaker_sample.tsv holds one judged quotation a line: the article, the content's offsets,
citata's speaker when judged, the judgement and the error's class. Judgements: `right` (the speaker
a reader names, or none where the text names none), `wrong` (`should` says whom a reader names),
`none` (citata names nobody and the text names someone), `unclear` (a reader cannot tell, or the
quotation is no quotation). Accuracy counts right over right + wrong + none.
"""
from __future__ import annotations

import csv
import json
import math
import random
import sys
from pathlib import Path

FIELDS = ["file", "start", "end", "speaker", "judgement", "should", "error_class"]


def load_survey(p: Path) -> dict:
    rows = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]
    return {(r["file"], r["start"]): r for r in rows}


def load_sample(p: Path) -> list[dict]:
    with p.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if not n:
        return 0.0, 0.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def draw(survey: Path, size: int, seed: int) -> None:
    rows = sorted(load_survey(survey).values(), key=lambda r: (r["file"], r["start"]))
    picked = sorted(random.Random(seed).sample(rows, min(size, len(rows))), key=lambda r: (r["file"], r["start"]))
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(FIELDS)
    for r in picked:
        w.writerow([r["file"], r["start"], r["end"], r["speaker"] or "", "", "", ""])


def show(sample: Path, survey: Path) -> None:
    rows = load_survey(survey)
    for i, s in enumerate(load_sample(sample)):
        r = rows.get((s["file"], int(s["start"])))
        if r is None:
            print(f"## {i} {s['file']} @{s['start']}: not found by this code")
            continue
        print(f"## {i} {s['file']} @{s['start']} [{r['speaker']}] mention={r['mention']!r} {r['sieve']}/{r['step']}")
        print(f"   content: {r['content'][:300]!r}")
        print(f"   sentence: {r['sentence'][-450:]}")


def score(sample: Path) -> None:
    rows = load_sample(sample)
    count: dict = {}
    classes: dict = {}
    for s in rows:
        count[s["judgement"]] = count.get(s["judgement"], 0) + 1
        if s["judgement"] in ("wrong", "none"):
            key = s["error_class"] or "(no class)"
            classes.setdefault(key, set()).add(s["file"])
            classes[key + "#n"] = classes.get(key + "#n", 0) + 1
    strata = {"articles (BSNLP topics, FactRuEval)": [s for s in rows if "covid-19" not in s["file"]],
              "whole pages (covid-19)": [s for s in rows if "covid-19" in s["file"]], "all": rows}
    for name, part in strata.items():
        right = sum(s["judgement"] == "right" for s in part)
        judged = sum(s["judgement"] in ("right", "wrong", "none") for s in part)
        lo, hi = wilson(right, judged)
        print(f"{name}: {len(part)} drawn, {len(part) - judged} unclear; speaker accuracy {right}/{judged} = "
              f"{right / max(judged, 1):.3f} (95% Wilson {lo:.3f}-{hi:.3f})")
    print("judgements: " + ", ".join(f"{k} {v}" for k, v in sorted(count.items())))
    print("| error class | quotations | articles |\n|---|---:|---:|")
    for k in sorted((k for k in classes if not k.endswith("#n")), key=lambda k: -classes[k + "#n"]):
        print(f"| {k} | {classes[k + '#n']} | {len(classes[k])} |")


def moves(sample: Path, survey: Path) -> None:
    rows = load_survey(survey)
    moved = 0
    for s in load_sample(sample):
        r = rows.get((s["file"], int(s["start"])))
        new = (r["speaker"] or "") if r else "(not found)"
        if new == s["speaker"]:
            continue
        moved += 1
        print(f"{s['file']} @{s['start']}: [{s['speaker']}] -> [{new}]  judged {s['judgement']}"
              f"{' (should: ' + s['should'] + ')' if s['should'] else ''} {s['error_class']}")
    print(f"{moved} judged quotations moved")


def main() -> None:
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "draw":
        size = int(args[args.index("--size") + 1]) if "--size" in args else 200
        seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 14
        draw(Path(args[0]), size, seed)
    elif cmd == "show":
        show(Path(args[0]), Path(args[1]))
    elif cmd == "score":
        score(Path(args[0]))
    elif cmd == "moves":
        moves(Path(args[0]), Path(args[1]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
