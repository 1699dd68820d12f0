"""Where an indirect report ends (issue 14): the structural end of `content.cue_clause_resumes` on
text nobody tuned on, and how the tune gold's annotators end a report before a relative clause.

    python eval/survey_report_ends.py ends [--cache DIR] [--limit N]   # unannotated articles
    python eval/survey_report_ends.py ends --tune                     # the tune half's articles
    python eval/survey_report_ends.py relative                         # the tune gold

`ends` runs citata over every unannotated article (the population of eval/recall_sample.py) and,
for each report in a что-clause after its cue, asks `cue_clause_resumes` for the comma where the
cue's clause resumes, reading the content up to the sentence's end (as if no other rule had cut
it): it prints each firing with the content as citata ends it, so that every one is read, and
counts them by where citata's content ends against that comma (`at`: there; `before`: another
rule ends it sooner; `past`: the content runs on, which the rule did not cut). --tune reads the
tune half's articles instead (each firing then read against the gold).

`relative` counts, over the tune half's indirect and mixed gold quotations, the relative clauses
(", где/куда/откуда/который …", ", что" before a finite verb) that follow a report's last word outside its span (the
annotator ended the report before them) and those inside a span that run to its end (the
annotator kept them), by word, with every case printed.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.quotes import find  # noqa: E402
from citata.quotes.content import cue_clause_resumes  # noqa: E402
from citata.quotes.view import COMPLEMENTIZERS, TERMINAL  # noqa: E402


def ends(args) -> None:
    from recall_sample import CORPORA, population
    from survey_quotes import tune_gold, view_of
    rels = sorted(tune_gold()) if args.tune else population([])
    if args.limit:
        rels = rels[:args.limit]
    n = Counter()
    for rel in rels:
        view = view_of(CORPORA, rel, args.cache)
        for f in find(view):
            if f.type == "direct" or f.cue is None:
                continue
            first = view.tok_index(f.start)
            cue = view.tok_index(f.cue[0])
            if not (first > 0 and view.lower[first - 1] in COMPLEMENTIZERS and cue < first - 1) \
                    or view.tok_sent[cue] != view.tok_sent[first]:
                continue
            last = view.sent_range(view.tok_sent[first]).stop - 1
            while last > first and view.toks[last].text in TERMINAL:
                last -= 1
            n["reports after a complementizer"] += 1
            m = cue_clause_resumes(view, cue, first, last)
            if m is None:
                continue
            comma = view.toks[m].start
            where = "past" if f.end > comma else "at" if f.end >= view.toks[m - 1].start else "before"
            n[where] += 1
            sent_end = view.toks[last].end
            print(f"{where.upper()} {rel} [{f.sieve}] {view.text[f.cue[0]:f.cue[1]]!r}: "
                  f"[[{view.text[f.start:f.end]!r}]] ‖ {view.text[f.end:comma]!r} ‖ {view.text[comma:sent_end]!r}")
    print(dict(n))


REL = re.compile(r",\s+(где|куда|откуда|котор[а-яё]+|что)\b(?:\s+([а-яё]+))?")


def _word(m: re.Match) -> str:
    """The relative word of a match; "что" is told by the word after it: a finite verb makes it the
    clause's subject ("…, что может перерасти …"), anything else is mostly the complementizer of a
    что-clause inside the report ("в том, что …"), read by hand."""
    from citata.nlp import parse
    if m.group(1).startswith("котор"):
        return "котор-"
    if m.group(1) == "что":
        return "что + verb" if m.group(2) and parse(m.group(2))[0].tag.POS == "VERB" else "что, other"
    return m.group(1)


def relative(args) -> None:
    from quotes import CORPUS_FILES, corpus_path, entries, normalise_gold
    from recall_sample import CORPORA
    from citata.source import decode, text_document
    after, inside = Counter(), Counter()
    rows = []
    for entry in entries(CORPUS_FILES, "tune"):
        text = text_document(entry["file"], decode(corpus_path(entry["file"], CORPORA).read_bytes())).text
        for q in entry["quotes"]:
            q = normalise_gold(q, text)
            if q["type"] == "direct":
                continue
            s, e = q["content"]
            m = REL.match(text, e)
            if m:
                word = _word(m)
                after[word] += 1
                rows.append(f"AFTER {word} {entry['file']}: {text[max(s, e - 70):e]!r} ‖ {text[e:e + 70]!r}")
            # the last relative clause inside the span, when no sentence or clause break follows it
            last = None
            for m in REL.finditer(text, s, e):
                last = m
            if last is not None and not re.search(r"[.;!?]", text[last.end():e]) \
                    and "," not in text[last.end():e].rstrip():
                word = _word(last)
                inside[word] += 1
                rows.append(f"INSIDE {word} {entry['file']}: {text[max(s, last.start() - 70):last.start()]!r} ‖ "
                            f"{text[last.start():e]!r}")
    print("\n".join(rows))
    print("ended before the relative clause:", dict(after))
    print("kept to the span's end:", dict(inside))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("ends")
    e.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    e.add_argument("--limit", type=int, default=0, help="first N articles only")
    e.add_argument("--tune", action="store_true", help="the tune half's articles instead")
    sub.add_parser("relative")
    args = ap.parse_args()
    {"ends": ends, "relative": relative}[args.cmd](args)


if __name__ == "__main__":
    main()
