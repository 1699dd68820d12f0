"""Survey speakers on unannotated articles: every quotation with its speaker, the mention it rests
on and the provenance of both stages, to read wrong speakers on text nobody annotated (issue 14:
the blind half's wrong speakers are of kinds the tune half lacks).

    python eval/survey_speakers.py [--corpora ../shared/corpora] [--sample 150] [--seed 7]
                                   [--exclude LIST ...] [--cache DIR] [--out FILE] [--counts]

Reads BSNLP raw pages and FactRuEval devset texts, leaving out every file of eval/gold/*.jsonl and
of the --exclude lists (articles being annotated). Writes one JSON line per quotation (--out, or
stdout): the article, the content's offsets, the speaker, the mention, the sieve and resolution
step, and the sentence the cue stands in. --counts prints instead how many quotations each mention
sieve and resolution step decides over the sample, and in how many articles (an audit: a rule that
fires on no unannotated article fits the gold). --cache keeps each article's analysis (natasha's
sentences and entities, which the quotation stage does not change) so that runs comparing two
versions of the quotation stage cost only that stage.

    python eval/survey_speakers.py --out /tmp/a.jsonl   # then change the code, --out /tmp/b.jsonl
    python eval/survey_speakers.py --diff /tmp/a.jsonl /tmp/b.jsonl   # quotations whose speaker moved
    python eval/survey_speakers.py --diff /tmp/a.jsonl /tmp/b.jsonl --spans   # quotations whose content moved
"""
from __future__ import annotations

import json
import sys
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.quotes import find  # noqa: E402
from citata.quotes.resolution import resolve  # noqa: E402
from survey_quotes import sample_arguments, sampled_articles, view_of  # noqa: E402  (the unannotated articles: one definition)


def survey(corpora: Path, files: list[str], cache: Path | None):
    for rel in files:
        view = view_of(corpora, rel, cache)
        text = view.text
        # natasha's person tags, by start (view.entities is sorted): those overlapping a sentence are
        # found by bisection, starting no earlier than the longest tag's length before it
        people = [ent for ent in view.entities if ent.type == "PER"]
        people_starts = [ent.start for ent in people]
        longest = max((ent.end - ent.start for ent in people), default=0)
        for q in resolve(view, list(find(view))):
            anchor = q.cue.start if q.cue else q.content.start
            si = view.tok_sent[view.tok_index(anchor)] if view.toks else 0
            rng = view.sent_range(si)
            s = view.toks[rng.start].start if rng else anchor
            e = view.toks[rng.stop - 1].end if rng else anchor
            sp, pv = q.speaker, q.provenance
            # natasha's PER tags in the cue's sentence outside the content: a criterion for drawing
            # samples that does not use citata's speaker (speaker_gold.py draw --per)
            near = people[bisect_right(people_starts, s - longest):bisect_left(people_starts, e)]
            per = any(ent.end > s and not (ent.start >= q.content.start and ent.end <= q.content.end)
                      for ent in near)
            yield {"file": rel, "start": q.content.start, "end": q.content.end, "type": q.type,
                   "speaker": sp.name if sp else None, "kind": sp.kind if sp else None,
                   "mention": sp.mention.text if sp and sp.mention else None,
                   "sieve": pv.mention_sieve if pv else None, "mention_words": pv.mention_words if pv else None,
                   "step": pv.resolution if pv else None, "step_words": pv.resolution_words if pv else None,
                   "content": text[q.content.start:q.content.end], "per_in_sentence": per,
                   "sentence": text[max(0, s - 200):e][-600:].replace("\n", " / ")}


def diff(a: Path, b: Path) -> None:
    def load(p: Path) -> dict:
        rows = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]
        return {(r["file"], r["start"]): r for r in rows}
    old, new = load(a), load(b)
    moved = 0
    for key in sorted(set(old) | set(new)):
        o, n = old.get(key), new.get(key)
        if o and n and (o["speaker"], o["step"], o["sieve"]) == (n["speaker"], n["step"], n["sieve"]):
            continue
        moved += 1
        print(f"#### {key[0]} @{key[1]}")
        print(f"  sentence: {(n or o)['sentence']}")
        for tag, r in (("-", o), ("+", n)):
            if r:
                print(f"  {tag} [{r['speaker']}] ({r['kind']}) mention={r['mention']!r} sieve={r['sieve']} "
                      f"step={r['step']} ({r['step_words']!r})")
    print(f"{moved} of {len(set(old) | set(new))} quotations differ")


def diff_spans(a: Path, b: Path) -> None:
    """Every quotation whose content starts or ends elsewhere, appears or goes: the old and the
    new content of each article's quotations that are not in both runs with the same bounds."""
    def load(p: Path) -> dict:
        out: defaultdict = defaultdict(dict)
        for line in p.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out[r["file"]][(r["start"], r["end"])] = r
        return out
    old, new = load(a), load(b)
    moved = 0
    for f in sorted(set(old) | set(new)):
        gone = [old[f][k] for k in sorted(set(old[f]) - set(new[f]))]
        came = [new[f][k] for k in sorted(set(new[f]) - set(old[f]))]
        if not gone and not came:
            continue
        moved += max(len(gone), len(came))
        print(f"#### {f}")
        for tag, rows in (("-", gone), ("+", came)):
            for r in rows:
                print(f"  {tag} @{r['start']}-{r['end']} [{r['speaker']}] {r['sieve']}: {r.get('content', '')!r}")
    print(f"{moved} quotations moved")


def main() -> None:
    ap = sample_arguments(__doc__.split("\n")[0], sample=150, seed=7)
    ap.add_argument("--cache", type=Path, default=None, help="a folder to keep the articles' analyses in")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--counts", action="store_true")
    ap.add_argument("--diff", type=Path, nargs=2, default=None)
    ap.add_argument("--spans", action="store_true", help="with --diff: compare the quotations' content bounds")
    args = ap.parse_args()
    if args.diff:
        (diff_spans if args.spans else diff)(*args.diff)
        return
    files = sampled_articles(args)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    rows = survey(args.corpora, files, args.cache)
    if args.counts:
        count: Counter = Counter()
        docs: defaultdict = defaultdict(set)
        for r in rows:
            for what in (f"mention: {r['sieve']}", f"step: {r['step']}"):
                count[what] += 1
                docs[what].add(r["file"])
        print("| sieve or step | quotations | articles |\n|---|---:|---:|")
        for what, n in count.most_common():
            print(f"| {what} | {n} | {len(docs[what])} |")
        return
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
