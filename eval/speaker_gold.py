"""Speakers on new text annotated independently (issue 14, twelfth session): a fixed random sample of
the quotations citata finds on unannotated text, each speaker annotated by the gold's conventions
**before** citata's speaker was looked at, then scored with eval/quotes.py's `speaker_right` (the rule
the blind half is scored with).

    python eval/survey_speakers.py --sample 5000 --exclude /work/plan/s12/picked.txt --cache DIR --out all.jsonl
    python eval/survey_speakers.py --sample 5000 --pages --only covid-19 --exclude /work/plan/s12/picked.txt \
        --cache DIR --out covid.jsonl
    python eval/speaker_gold.py draw all.jsonl covid.jsonl [--sizes 240 60] [--seed 15] \
        [--not-in eval/speaker_sample.tsv] > eval/speaker_gold_sample.tsv
    python eval/speaker_gold.py blind eval/speaker_gold_sample.tsv [--ids 0-19] [--before 700]
        # the article text around each quotation, its content marked ⟦…⟧: no speaker shown
    python eval/speaker_gold.py score eval/speaker_gold_sample.tsv all.jsonl covid.jsonl
        # citata's speakers (any code's survey) against the annotations
    python eval/speaker_gold.py errors eval/speaker_gold_sample.tsv all.jsonl covid.jsonl
    python eval/speaker_gold.py roles all.jsonl > eval/speaker_role_sample.tsv   # every bare role noun, to annotate
    python eval/speaker_gold.py focus eval/speaker_role_sample.tsv all.jsonl
        # whom each annotated role noun designates: the focus (the last quotation's speaker), another, nobody

eval/speaker_gold_sample.tsv, one drawn quotation a line: `id`, `stratum` (articles = BSNLP topics and
FactRuEval devset files in no gold file; pages = covid-19 whole pages in no quotation gold), `file`,
`start`, `end` (the content's character offsets in the cleaned text, as citata found it when drawn),
`seed`, then the annotation: `label` (`quotation`; `no quotation`: no report by the gold's conventions;
`unclear`: a reader cannot tell who speaks or the page is garbled), `speaker` (the gold's convention:
the fullest nominative name the article gives a person; an organisation, an unnamed source's phrase
or a document's phrase as the article writes it, in the nominative; empty for an unnamed source with
no phrase, e.g. "сообщается"), `kind` (person / organization / anonymous / document) and `note`.
eval/speaker_dev_sample.tsv (thirteenth session) is a second sample drawn and annotated the same way
(`draw … --sizes 160 40 --seed 17 --not-in eval/speaker_sample.tsv eval/speaker_gold_sample.tsv`), to
work from, so that this one stays a test nobody reads the errors of. eval/speaker_dev_sample2.tsv
(fourteenth session) is a third, drawn from what the three others leave of the articles' survey
(`draw all.jsonl --per --sizes 160 60 --seed 23 --not-in` the three), most of it quotations whose cue
sentence holds no person natasha tagged — organisations, unnamed sources and documents, chosen
without reading citata's speaker; strata `articles-noper` and `articles-per`.
eval/speaker_pronoun_sample.tsv (fourteenth session, wt-pron9) holds every quotation of that survey
(wt-spk9's, 791 quotations) whose speaker citata reached through a personal pronoun (its step starts
"pronoun"; seed `all`, stratum `pronoun`), each antecedent annotated from the article text before
citata's speaker was printed.
eval/speaker_role_sample.tsv (eighteenth session, wt-focus14) holds every quotation of the survey of all
unannotated articles and pages (`survey_speakers.py --pages --sample 1000`, main 9fccb2f) whose speaker rests on
a bare role noun (`bare_role`: one person's role or profession with no name in the mention, left as written
or taken for its holder; seed `all`, stratum `role`), each speaker annotated from `blind` before the tally.
eval/speaker_step_sample.tsv (twenty-first session, wt-samples21) is drawn by the step that resolved each
speaker (`draw all.jsonl --steps eval/speaker_sample.tsv --sizes 80 30 8 --seed 21 --not-in` every judged
sample; `draw_steps`): every quotation of the survey in no judged sample (`unsampled`), then quotations only
the first sample held, weak steps oversampled (`reused-weak`, `reused-other`); its `step` column is citata's
step when drawn, and `score` prints a table by it.
A quotation of the sample is matched in a survey by its file and an overlap of at least half of both
contents (eval/quotes.py's rule), so that later code, whose bounds may move, can be re-scored.
`errors` skips the rows on articles annotated since the draw that fell into issue 14's blind half
(eval/quotes.py's split): they count in `score` only.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from quotes import speaker_right  # noqa: E402  (the blind half's rule)
from speaker_sample import wilson  # noqa: E402

FIELDS = ["id", "stratum", "file", "start", "end", "seed", "label", "speaker", "kind", "note"]
KINDS = ("person", "organization", "anonymous", "document")


def load_jsonl(p: Path) -> list[dict]:
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_sample(p: Path) -> list[dict]:
    with p.open(encoding="utf-8") as f:  # a header line starting "#" (speaker_org_sample.tsv's draw) skipped
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    ov = min(a[1], b[1]) - max(a[0], b[0])
    return ov > 0 and ov >= 0.5 * (a[1] - a[0]) and ov >= 0.5 * (b[1] - b[0])


def draw(articles: Path, pages: Path | None, sizes: list[int], seed: int, not_in: list[Path],
         per: bool = False) -> None:
    """`per`: both strata from the articles' survey, split by whether natasha tagged a person in the
    cue's sentence (survey_speakers.py's `per_in_sentence`; citata's speaker is not read) — a sample
    weighted towards organisations, unnamed sources and documents without choosing by the answer."""
    taken: defaultdict = defaultdict(list)
    for p in not_in:
        for s in load_sample(p):
            taken[s["file"]].append((int(s["start"]), int(s["end"])))
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(FIELDS)
    n = 0
    if per:
        rows = load_jsonl(articles)
        strata = (("articles-noper", [r for r in rows if not r["per_in_sentence"]], sizes[0]),
                  ("articles-per", [r for r in rows if r["per_in_sentence"]], sizes[1]))
    else:
        strata = (("articles", load_jsonl(articles), sizes[0]), ("pages", load_jsonl(pages), sizes[1]))
    for stratum, rows, size in strata:
        rows = sorted(rows, key=lambda r: (r["file"], r["start"]))
        rows = [r for r in rows if not any(overlaps((r["start"], r["end"]), t) for t in taken[r["file"]])]
        picked = sorted(random.Random(seed).sample(rows, min(size, len(rows))), key=lambda r: (r["file"], r["start"]))
        print(f"{stratum}: {len(picked)} drawn of {len(rows)} quotations "
              f"({len({r['file'] for r in rows})} files)", file=sys.stderr)
        for r in picked:
            w.writerow([n, stratum, r["file"], r["start"], r["end"], seed, "", "", "", ""])
            n += 1


# the steps a step-stratified draw oversamples (twenty-first session): the lowest who-said-what precision on
# the tune half (`eval/quotes.py --set tune --sieves`, main b5df6e3: no speaker 0.529, phrase as written 0.801,
# impersonal cue 0.833, title → holder 0.862, relative and group pronouns ≤ 0.5) and the steps that take what
# nothing resolves (salience, a bare title → the person just named, the article's topic organisation)
WEAK_STEPS = ("phrase as written", "most salient", "bare title", "the organisation the article",
              "impersonal cue", "title → its holder", "relative pronoun", "pronoun → the group", "unresolved")


def weak(r: dict) -> bool:
    return r["step"] is None or any(w in r["step"] for w in WEAK_STEPS)


def draw_steps(survey: Path, sizes: list[int], seed: int, not_in: list[Path], reuse: Path) -> None:
    """A sample stratified by the resolution step: `unsampled` — the quotations no --not-in sample and not
    --reuse holds (sizes[0] of them); `reused-weak` / `reused-other` — those only --reuse holds (a sample that
    judged citata's answer of its day instead of annotating the speaker), by `weak` (sizes[1], sizes[2])."""
    def spans(paths: list[Path]) -> defaultdict:
        out: defaultdict = defaultdict(list)
        for p in paths:
            for s in load_sample(p):
                out[s["file"]].append((int(s["start"]), int(s["end"])))
        return out
    others, old = spans([p for p in not_in if p != reuse]), spans([reuse])
    rows = sorted(load_jsonl(survey), key=lambda r: (r["file"], r["start"]))
    rows = [r for r in rows if not any(overlaps((r["start"], r["end"]), t) for t in others[r["file"]])]
    fresh = [r for r in rows if not any(overlaps((r["start"], r["end"]), t) for t in old[r["file"]])]
    reused = [r for r in rows if r not in fresh]
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(FIELDS + ["step"])
    n = 0
    for stratum, part, size in (("unsampled", fresh, sizes[0]), ("reused-weak", [r for r in reused if weak(r)], sizes[1]),
                                ("reused-other", [r for r in reused if not weak(r)], sizes[2])):
        picked = sorted(random.Random(seed).sample(part, min(size, len(part))), key=lambda r: (r["file"], r["start"]))
        print(f"{stratum}: {len(picked)} drawn of {len(part)} quotations", file=sys.stderr)
        for r in picked:
            w.writerow([n, stratum, r["file"], r["start"], r["end"], seed, "", "", "", "", r["step"] or "no speaker"])
            n += 1


# the resolution steps that take a role or person noun for its holder (their first words)
ROLE_STEPS = ("title", "person noun", "bare title", "role noun", "interlocutor noun")


def bare_role(r: dict) -> bool:
    """Does a survey row's speaker rest on one person's role or profession with no name in it ("вирусолог",
    "представитель МИД Пакистана", "министр" taken for its holder): the mention's first noun a person
    noun, singular where the speaker is the phrase itself, no word of it a personal name?"""
    from citata.nlp import parse
    from citata.quotes.participants import role_key
    step = (r["step"] or "").split(" → ")[0]
    if not r["mention"] or r["kind"] not in ("person", "anonymous") or r["kind"] == "person" and step not in ROLE_STEPS:
        return False
    if r["kind"] == "anonymous" and step != "phrase as written":
        return False
    words = r["mention"].replace("«", " ").replace("»", " ").split()
    if any(w[:1].isupper() and any(g in parse(w)[0].tag for g in ("Name", "Surn", "Patr")) for w in words):
        return False
    phrase = (r["speaker"] if r["kind"] == "anonymous" else r["mention"]).split()
    head = next((w for w in phrase if parse(w.lower())[0].tag.POS == "NOUN" or "Subx" in parse(w.lower())[0].tag), None)
    if head is None or role_key(head.lower()) is None:
        return False
    # the phrase written in the nominative: its head singular ("Критики …", "судьи" are several)
    return r["kind"] == "person" or any(p.tag.number == "sing" and "nomn" in p.tag for p in parse(head.lower())[:3])


def roles(survey: Path) -> None:
    """Every quotation of a survey whose speaker rests on a bare role noun (`bare_role`), as sample rows
    (stratum `role`, seed `all`) to annotate."""
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(FIELDS)
    rows = sorted((r for r in load_jsonl(survey) if bare_role(r)), key=lambda r: (r["file"], r["start"]))
    for n, r in enumerate(rows):
        w.writerow([n, "role", r["file"], r["start"], r["end"], "all", "", "", "", ""])
    print(f"{len(rows)} quotations in {len({r['file'] for r in rows})} articles", file=sys.stderr)


def focus(sample: Path, survey: Path, corpora: Path) -> None:
    """Whom each annotated role-noun quotation designates, against the article's focus: the speaker of the
    nearest quotation before it (in the survey) if it ends in the same or the previous paragraph — the
    focus, another named participant, or nobody named (the role noun is the speaker)."""
    preds = predictions([survey])
    texts: dict = {}
    tally: Counter = Counter()
    for s in load_sample(sample):
        if s["label"] != "quotation":
            tally["unclear or no quotation"] += 1
            continue
        a = int(s["start"])
        if s["file"] not in texts:
            texts[s["file"]] = text_of(s["file"], corpora)
        t = texts[s["file"]]
        last = max((q for q in preds[s["file"]] if q["end"] <= a), key=lambda q: q["end"], default=None)
        near = last is not None and t[last["end"]:a].count("\n\n") <= 1
        focus_name = last["speaker"] if near and last["kind"] == "person" else None
        if s["kind"] != "person":
            what = "nobody named" if s["kind"] == "anonymous" else "an organisation or a document"
        elif focus_name and speaker_right({"speaker": s["speaker"], "speaker_kind": "person"},
                                          {"name": focus_name, "kind": "person"}):
            what = "the focus"
        else:
            what = "another named participant"
        tally[(what, "focus is a person" if focus_name else "no person in focus")] += 1
        print(f"{s['id']}\t{what}\tfocus [{focus_name}]\tgold [{s['speaker']}]\t{s['file']} @{a}")
    for k, v in sorted(tally.items(), key=str):
        print(f"{k}: {v}")


def text_of(rel: str, corpora: Path) -> str:
    from citata.pipeline import build_document
    from citata.source import decode, text_document
    return build_document(text_document(rel, decode((corpora / rel).read_bytes()))).text


def blind(sample: Path, ids: range | None, before: int, corpora: Path) -> None:
    """The text around each quotation with its content marked — nothing of citata's speaker."""
    texts: dict = {}
    for s in load_sample(sample):
        if ids is not None and int(s["id"]) not in ids:
            continue
        if s["file"] not in texts:
            texts[s["file"]] = text_of(s["file"], corpora)
        t = texts[s["file"]]
        a, b = int(s["start"]), int(s["end"])
        content = t[a:b] if b - a <= 320 else t[a:a + 180] + " … " + t[b - 120:b]
        left = t[max(0, a - before):a]
        right = t[b:b + 160]
        print(f"## {s['id']} {s['file']} @{a}")
        print(("…" + left + "⟦" + content + "⟧" + right + "…").replace("\n", " / "))
        print()


def predictions(surveys: list[Path]) -> defaultdict:
    out: defaultdict = defaultdict(list)
    for p in surveys:
        for r in load_jsonl(p):
            out[r["file"]].append(r)
    return out


def predicted(s: dict, preds: defaultdict) -> dict | None:
    """The survey's quotation that matches the sample's (largest overlap over union), or None: not found."""
    a, b = int(s["start"]), int(s["end"])
    best = [((min(b, r["end"]) - max(a, r["start"])) / (max(b, r["end"]) - min(a, r["start"])), r)
            for r in preds[s["file"]] if overlaps((a, b), (r["start"], r["end"]))]  # overlap over union
    return max(best, key=lambda x: x[0])[1] if best else None


def judged(s: dict, preds: defaultdict) -> tuple[str, dict | None]:
    """right / wrong / lost (the quotation is no longer found) for a quotation annotated as one."""
    r = predicted(s, preds)
    if r is None:
        return "lost", None
    ok = speaker_right({"speaker": s["speaker"] or None, "speaker_kind": s["kind"]},
                       {"name": r["speaker"], "kind": r["kind"]} if r["speaker"] else None)
    return ("right" if ok else "wrong"), r


def score(sample: Path, surveys: list[Path]) -> None:
    rows = load_sample(sample)
    preds = predictions(surveys)
    sizes = Counter(r["file"].startswith("bsnlp-ru/covid-19") for p in surveys for r in load_jsonl(p))
    strata = {name: [s for s in rows if s["stratum"] == name] for name in dict.fromkeys(s["stratum"] for s in rows)}
    acc = {}
    print("| stratum | drawn | no quotation | unclear | lost | speaker right | accuracy | 95% Wilson |")
    print("|---|---:|---:|---:|---:|---:|---|---|")
    for name, part in list(strata.items()) + [("both (unweighted)", rows)]:
        labels = Counter(s["label"] for s in part)
        quoted = [s for s in part if s["label"] == "quotation"]
        res = Counter(judged(s, preds)[0] for s in quoted)
        n = res["right"] + res["wrong"]
        lo, hi = wilson(res["right"], n)
        acc[name] = res["right"] / max(n, 1)
        print(f"| {name} | {len(part)} | {labels['no quotation']} | {labels['unclear']} | {res['lost']} | "
              f"{res['right']}/{n} | **{acc[name]:.3f}** | {lo:.3f}–{hi:.3f} |")
    if "articles" in acc and "pages" in acc:
        w = sizes[False] / max(sizes[False] + sizes[True], 1)
        print(f"weighted by the surveys' quotations (articles {sizes[False]} : pages {sizes[True]}): "
              f"{w * acc['articles'] + (1 - w) * acc['pages']:.3f}")
    nq = sum(s["label"] == "no quotation" for s in rows)
    lo, hi = wilson(nq, len(rows))
    print(f"no quotation: {nq}/{len(rows)} = {nq / max(len(rows), 1):.3f} (95% Wilson {lo:.3f}–{hi:.3f}): "
          f"a precision estimate of {1 - nq / max(len(rows), 1):.3f}")
    if rows and "step" in rows[0]:  # a step-stratified sample (draw --steps): the step that decided it when drawn
        print("| step when drawn | right | accuracy |\n|---|---:|---|")
        by_step: defaultdict = defaultdict(Counter)
        for s in rows:
            if s["label"] == "quotation":
                by_step[s["step"]][judged(s, preds)[0]] += 1
        for step, res in sorted(by_step.items(), key=lambda x: -sum(x[1].values())):
            n = res["right"] + res["wrong"]
            print(f"| {step} | {res['right']}/{n} | {res['right'] / max(n, 1):.3f} |")
    print("| kind | right | accuracy | 95% Wilson |\n|---|---:|---|---|")
    for kind in KINDS:
        part = [judged(s, preds)[0] for s in rows if s["label"] == "quotation" and s["kind"] == kind]
        k, n = part.count("right"), part.count("right") + part.count("wrong")
        lo, hi = wilson(k, n)
        print(f"| {kind} | {k}/{n} | {k / max(n, 1):.3f} | {lo:.3f}–{hi:.3f} |")


def errors(sample: Path, surveys: list[Path]) -> None:
    from quotes import blind_files
    preds = predictions(surveys)
    blind, hidden = blind_files(), 0
    for s in load_sample(sample):
        if s["label"] != "quotation":
            continue
        verdict, r = judged(s, preds)
        if verdict == "right":
            continue
        if s["file"] in blind:
            hidden += 1
            continue
        print(f"## {s['id']} {s['file']} @{s['start']} gold [{s['speaker']}] ({s['kind']}) {s['note']}")
        if r:
            print(f"   citata [{r['speaker']}] ({r['kind']}) mention={r['mention']!r} {r['sieve']} / {r['step']} "
                  f"({r['step_words']!r})")
            print(f"   sentence: {r['sentence'][-400:]}")
        else:
            print("   no longer found")
    if hidden:
        print(f"({hidden} wrong or lost rows are on blind-half articles: counted in `score`, not printed)")


def id_range(spec: str) -> range:
    a, _, b = spec.partition("-")
    return range(int(a), int(b or a) + 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cmd", choices=("draw", "blind", "score", "errors", "roles", "focus"))
    ap.add_argument("paths", type=Path, nargs="+")
    ap.add_argument("--sizes", type=int, nargs="+", default=[240, 60])
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--not-in", type=Path, nargs="*", default=[ROOT / "eval" / "speaker_sample.tsv"])
    ap.add_argument("--steps", type=Path, default=None, metavar="REUSE",
                    help="draw: one survey stratified by resolution step (draw_steps); REUSE: the sample whose "
                         "quotations may be drawn again; --sizes takes three numbers")
    ap.add_argument("--ids", default=None)
    ap.add_argument("--before", type=int, default=700)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--per", action="store_true",
                    help="draw: --sizes from the articles survey's quotations without / with a PER tag in the "
                         "cue's sentence (one survey only)")
    args = ap.parse_args()
    if args.cmd == "draw" and args.steps:
        draw_steps(args.paths[0], args.sizes, args.seed, args.not_in, args.steps)
    elif args.cmd == "draw":
        draw(args.paths[0], None if args.per else args.paths[1], args.sizes, args.seed, args.not_in, args.per)
    elif args.cmd == "blind":
        blind(args.paths[0], id_range(args.ids) if args.ids else None, args.before, args.corpora)
    elif args.cmd == "roles":
        roles(args.paths[0])
    elif args.cmd == "focus":
        focus(args.paths[0], args.paths[1], args.corpora)
    elif args.cmd == "score":
        score(args.paths[0], args.paths[1:])
    else:
        errors(args.paths[0], args.paths[1:])


if __name__ == "__main__":
    main()
