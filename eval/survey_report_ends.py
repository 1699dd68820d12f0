"""Where an indirect report ends (issue 14): the structural end of `content.cue_clause_resumes` on
text nobody tuned on, and how the tune gold's annotators end a report before a relative clause.

    python eval/survey_report_ends.py ends [--cache DIR] [--limit N]   # unannotated articles
    python eval/survey_report_ends.py ends --tune                     # the tune half's articles
    python eval/survey_report_ends.py relative                         # the tune gold
    python eval/survey_report_ends.py shapes [--tune] [--cache DIR]    # the speaker's next predicate
    python eval/survey_report_ends.py subtree [--tune] [--cache DIR]   # the parse's own end of each report

`ends` runs citata over every unannotated article (the population of eval/recall_sample.py) and,
for each report in a что-clause after its cue, asks `cue_clause_resumes` for the comma where the
cue's clause resumes, reading the content up to the sentence's end (as if no other rule had cut
it): it prints each firing with the content as citata ends it, so that every one is read, and
counts them by where citata's content ends against that comma (`at`: there; `before`: another
rule ends it sooner; `past`: the content runs on, which the rule did not cut). --tune reads the
tune half's articles instead (each firing then read against the gold).

`shapes` counts, in the same reports (content read to the sentence's end), the shapes where the
speaker's own next predicate may begin inside a content, by words alone, so that each is read and
judged the speaker's (the report ends there) or the report's own: "и"/"а" (with or without a comma)
and a cue verb with its own complementizer or colon (`second statement`); ", а"/", и", an
adverbial of up to six words and a finite verb (`adverbial gap`); a gerund right after a comma
(`gerund`, marked `verbless` when the content before it holds no predicate); "и" with no comma and
a finite verb of the cue's tense, number and gender (`second predicate, no comma`: "объявил, что
достиг соглашения … и пригласил …", the speaker's act or the report's second predicate). Each row says whether
`content.speaker_predicate_resumes` ends the content there (`rule`) and whether citata's quotation
runs past it (`runs`) or ends at or before it (`ends`).

`subtree` ends each of those reports where natasha's parse ends it — the last token of the subtree
of the cue's dependent that holds the content's first word — and prints every report where that end
differs from citata's, with what the parse hangs the first word after its end on: the cue's clause
(by which relation: a second ccomp is a second reported clause, a conj / advcl / parataxis the
cue's own constituent), a word outside the cue's clause, or a word inside the content (the parse's
subtree has a hole); `content not under the cue` when the parse hangs the content elsewhere.

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
from citata.quotes.content import (SECOND_PREDICATE_GAP, coordinated_cue, cue_clause_resumes, opens_statement,  # noqa: E402
                                   speaker_predicate_resumes)
from citata.quotes.view import COMPLEMENTIZERS, TERMINAL  # noqa: E402


def reports(args):
    """(article, view, quotation, cue token, first and last token of its content read to the
    sentence's end) for each report after its cue and a complementizer in the articles surveyed."""
    from recall_sample import CORPORA, population
    from survey_quotes import tune_gold, view_of
    rels = sorted(tune_gold()) if args.tune else population([])
    if args.limit:
        rels = rels[:args.limit]
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
            yield rel, view, f, cue, first, last


def ends(args) -> None:
    n = Counter()
    for rel, view, f, cue, first, last in reports(args):
        n["reports after a complementizer"] += 1
        m = cue_clause_resumes(view, cue, first, last)
        if m is None:
            continue
        rule = "words" if m == speaker_predicate_resumes(view, cue, first, last) else "parse"
        comma = view.toks[m].start
        where = "past" if f.end > comma else "at" if f.end >= view.toks[m - 1].start else "before"
        n[where] += 1
        n[f"by {rule}"] += 1
        sent_end = view.toks[last].end
        print(f"{where.upper()} {rel} [{f.sieve}] ({rule}) {view.text[f.cue[0]:f.cue[1]]!r}: "
              f"[[{view.text[f.start:f.end]!r}]] ‖ {view.text[f.end:comma]!r} ‖ {view.text[comma:sent_end]!r}")
    print(dict(n))


PREDICATES = ("VERB", "INFN", "PRTS", "ADJS", "PRED")


def shapes(args) -> None:
    n = Counter()
    for rel, view, f, cue, first, last in reports(args):
        n["reports after a complementizer"] += 1
        rule = speaker_predicate_resumes(view, cue, first, last)
        found_end = view.tok_index(f.end - 1)

        def row(shape: str, at: int) -> None:
            key = f"{shape}, {'rule' if rule == at else 'no rule'}, {'runs' if found_end >= at else 'ends'}"
            n[key] += 1
            print(f"{key.upper()} {rel} {view.text[view.toks[cue].start:view.toks[at].start][-160:]!r} ‖ "
                  f"{view.text[view.toks[at].start:view.toks[min(last, at + 14)].end]!r}")

        for j in range(first + 1, last):
            if j in view.quoted:
                continue
            if view.toks[j].text == "," and view.parses(j + 1)[0].tag.POS == "GRND":
                verbless = not any(view.parses(m)[0].tag.POS in PREDICATES for m in range(first, j) if m not in view.quoted)
                row(f"gerund{', verbless' if verbless else ''}", j)
            if view.lower[j] not in ("и", "а"):
                continue
            comma = view.toks[j - 1].text == ","
            k, c = coordinated_cue(view, j, last)
            if c is not None:
                if opens_statement(view, c[0], last):
                    row(f"second statement, {'comma' if comma else 'no comma'}", j)
                continue
            if not comma:
                t, ct = view.parses(k)[0].tag, view.parses(cue)[0].tag
                if t.POS == "VERB" and t.mood == "indc" and (t.tense, t.number, t.gender) == (ct.tense, ct.number, ct.gender):
                    row("second predicate, no comma", j)
                continue
            if view.parses(k)[0].tag.POS in ("VERB", "GRND", "INFN"):
                continue
            for m in range(k + 1, min(last, k + SECOND_PREDICATE_GAP) + 1):
                if not view.is_word(m) or m in view.quoted or view.parses(m)[0].tag.POS in ("GRND", "INFN", "CONJ"):
                    break
                if view.parses(m)[0].tag.POS == "VERB":
                    row("adverbial gap", j)
                    break
    for key, v in sorted(n.items()):
        print(v, key)


def subtree(args) -> None:
    """Where the parse ends each report: the last token of the subtree of the cue's dependent that
    holds the content's first word (its ccomp), against the token where citata's content ends;
    every report where they differ is printed (`shorter`: the parse would cut the content there;
    `longer`: citata ends it sooner), punctuation at the ends ignored."""
    from citata.quotes.view import head_chain
    n = Counter()
    for rel, view, f, cue, first, last in reports(args):
        n["reports after a complementizer"] += 1
        found_end = view.tok_index(f.end - 1)
        si = view.tok_sent[cue]
        tree, base = view.trees([si])[si], view.sent_first[si]
        chains = {j: head_chain(tree, base, j, 40) for j in range(first, last + 1)}
        top = next((c[c.index(cue) - 1] for j, c in chains.items() if cue in c[1:]), None)
        if top is None:
            n["content not under the cue"] += 1
            print(f"NOT UNDER {rel} {view.text[view.toks[cue].start:view.toks[last].end]!r}")
            continue
        inside = [j for j, c in chains.items() if top in c]
        end = max(inside)
        while end > first and not view.is_word(end):
            end -= 1
        gap = [j for j in range(first, end + 1) if j not in inside and view.is_word(j)]
        key = "same" if end == found_end else "shorter" if end < found_end else "longer"
        if key == "shorter":
            # what the parse hangs the next word on: a constituent of the cue's clause (its relation
            # to the cue or a word above it), or a word inside the content (a hole in the subtree)
            nxt = next((j for j in range(end + 1, found_end + 1) if view.is_word(j)), None)
            up = chains.get(nxt, []) if nxt is not None else []
            below = next((up[n - 1] for n, h in enumerate(up)
                          if n and h not in inside and h not in range(first, last + 1)), None)
            key += f", next hung on the cue's clause as {tree[below - base][1]}" if below is not None and cue in up \
                else ", next hung outside the cue's clause" if below is not None else ", next hung inside the content"
        n[key] += 1
        if key != "same":
            sent_end = view.toks[last].end
            print(f"{key.upper()} {rel} {view.text[f.cue[0]:f.cue[1]]!r}: [[{view.text[f.start:view.toks[min(end, found_end)].end]!r}]]"
                  f" ‖ {view.text[view.toks[min(end, found_end)].end:view.toks[max(end, found_end)].end]!r}"
                  f" ‖ {view.text[view.toks[max(end, found_end)].end:sent_end]!r}"
                  f"{' (holes: ' + ' '.join(view.lower[j] for j in gap[:6]) + ')' if gap else ''}")
    for key, v in sorted(n.items()):
        print(v, key)


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
    sh = sub.add_parser("shapes")
    sh.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    sh.add_argument("--limit", type=int, default=0, help="first N articles only")
    sh.add_argument("--tune", action="store_true", help="the tune half's articles instead")
    st = sub.add_parser("subtree")
    st.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    st.add_argument("--limit", type=int, default=0, help="first N articles only")
    st.add_argument("--tune", action="store_true", help="the tune half's articles instead")
    sub.add_parser("relative")
    args = ap.parse_args()
    {"ends": ends, "shapes": shapes, "subtree": subtree, "relative": relative}[args.cmd](args)


if __name__ == "__main__":
    main()
