"""Compare, on unannotated articles, the speaker's mention the constructions take with the subject
of the speech verb in natasha's dependency parse (issue 14: which of the two to trust where they
differ, by construction).

    python eval/compare_parse.py [--corpora ../shared/corpora] [--sample 150] [--seed 7]
                                 [--exclude LIST ...] [--cache DIR] [--show KIND] [--limit N]

For every quotation whose cue is a speech verb (not an impersonal cue, a source phrase "по словам",
a relay of cited words or a continuation), the cue's sentence is parsed and the verb's subject taken
as `citata.quotes.syntax.cue_subjects` takes it (nsubj with its flat:name / appos / nmod parts,
climbing advcl / conj / xcomp). The two mentions agree when their spans overlap. Printed: counts
by outcome (agree, the parse has no subject, the constructions have none, they differ) and by how
the constructions took the mention; --show KIND prints the quotations of one outcome ("differ",
"parse none", …) with the sentence, both mentions and the speaker each resolves to, to be judged
by reading. Both speakers come from one `resolve` each, the second with the parse's mention put in
place of the constructions' wherever they differ.
"""
from __future__ import annotations

import sys
from collections import Counter
from copy import copy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.quotes import find  # noqa: E402
from citata.quotes.resolution import resolve  # noqa: E402
from citata.quotes.syntax import cue_subjects  # noqa: E402
from survey_quotes import sample_arguments, sampled_articles, view_of  # noqa: E402

SKIP_CLASSES = ("impersonal", "continuation", "cite", "source")
VERBAL = ("VERB", "INFN", "PRTS", "PRTF", "GRND")


def outcome(ref, parsed) -> str:
    mine = ref is not None and ref.kind not in ("none", "lost")
    if parsed is None:
        return "parse none" if mine else "both none"
    pref, start, end = parsed
    if pref.kind == "none":
        return "parse: cannot speak" if mine else "both none"
    if not mine:
        return "constructions none"
    return "agree" if ref.start < end and start < ref.end else "differ"


def compare(corpora: Path, files: list[str], cache: Path | None):
    for rel in files:
        view = view_of(corpora, rel, cache)
        text = view.text
        found = find(view)
        verbal = [f for f in found if f.cue is not None and f.cue_cls not in SKIP_CLASSES
                  and view.parses(view.tok_index(f.cue[0]))[0].tag.POS in VERBAL]
        if not verbal:
            continue
        refs = {id(f): copy(f.ref) for f in found}
        parsed = dict(zip(map(id, verbal), cue_subjects(view, verbal)))
        kinds = {id(f): outcome(f.ref, parsed[id(f)]) for f in verbal}
        base = resolve(view, found)
        other = [copy(f) for f in found]
        for f, g in zip(found, other):
            g.ref = copy(refs[id(f)])
            if kinds.get(id(f)) in ("agree", "differ", "constructions none", "parse: cannot speak"):
                g.ref = parsed[id(f)][0]
        alt = resolve(view, other)
        for f, q, r in zip(found, base, alt):
            if id(f) not in kinds:
                continue
            ref, p = refs[id(f)], parsed[id(f)]
            si = view.tok_sent[view.tok_index(f.cue[0])]
            rng = view.sent_range(si)
            s, e = view.toks[rng.start].start, view.toks[rng.stop - 1].end
            sent = text[s:f.cue[0]] + "[[" + text[f.cue[0]:f.cue[1]] + "]]" + text[f.cue[1]:e]
            kind = kinds[id(f)]
            if kind == "agree" and (q.speaker and q.speaker.name) != (r.speaker and r.speaker.name):
                kind = "agree, other speaker"  # the spans overlap, the phrases differ (a title, a conjunct)
            yield {"file": rel, "outcome": kind, "sieve": f.sieve, "via": ref.via if ref else None,
                   "kind": ref.kind if ref else None,
                   "mine": text[ref.start:ref.end] if ref is not None and ref.end > ref.start else None,
                   "parse": text[p[1]:p[2]] if p else None, "parse_kind": _kind(p[0]) if p else None,
                   "speaker": q.speaker.name if q.speaker else None,
                   "parse_speaker": r.speaker.name if r.speaker else None,
                   "sentence": sent.replace("\n", " / ")[-700:]}


def _kind(ref) -> str:
    return f"entity {ref.entity.type}" if ref.kind == "entity" else ref.kind


def main() -> None:
    ap = sample_arguments(__doc__.split("\n")[0], sample=150, seed=7)
    ap.add_argument("--cache", type=Path, default=None, help="a folder to keep the articles' analyses in")
    ap.add_argument("--show", default=None, help="print the quotations of this outcome")
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args()
    files = sampled_articles(args)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    rows = list(compare(args.corpora, files, args.cache))
    shown = 0
    for r in rows:
        if args.show and r["outcome"] == args.show and shown < args.limit:
            shown += 1
            print(f"#### {r['file']} [{r['sieve']} / {r['via']}]\n  {r['sentence']}\n"
                  f"  citata: {r['mine']!r} ({r['kind']}) → {r['speaker']!r}\n"
                  f"  parse:  {r['parse']!r} ({r['parse_kind']}) → {r['parse_speaker']!r}")
    docs = len({r["file"] for r in rows})
    print(f"\n{len(rows)} quotations with a speech verb in {docs} articles (of {len(files)})\n")
    by = Counter(r["outcome"] for r in rows)
    print("| outcome | quotations |\n|---|---:|")
    for k, n in by.most_common():
        print(f"| {k} | {n} |")
    print("\n| constructions took the mention as | agree | agree, other speaker | differ | parse none |"
          " parse: cannot speak | constructions none |\n|---|---:|---:|---:|---:|---:|---:|")
    table = Counter((r["via"] or r["kind"] or "none", r["outcome"]) for r in rows)
    for via in sorted({v for v, _ in table}, key=lambda v: (-sum(n for (w, _), n in table.items() if w == v), v)):
        print(f"| {via} | " + " | ".join(str(table[via, k]) for k in
                                        ("agree", "agree, other speaker", "differ", "parse none", "parse: cannot speak",
                                         "constructions none")) + " |")


if __name__ == "__main__":
    main()
