"""Quotations whose speaker may stand in the cue's own clause while citata names nobody (issue 14,
twenty-fourth session, wt-subject24), counted over every raw text of the shared corpora by what the
parse shows at the cue:

    python eval/survey_clause_speakers.py [--cache DIR] [--show CLASS ...] [--limit N]

Three tables, every place counted by the kind of its article (U unannotated, T tune, B blind); the
places of unannotated and tune articles of the classes asked (--show, or "all") are printed, never a
blind one's:

1. **speakerless**: every quotation with a cue that citata leaves with no speaker or resolves with no
   mention, in a class read off natasha's parse of the cue's sentence:
     impersonal        an impersonal cue ("Отмечается, что", "сообщалось"): no subject to find
     lost              a relay whose outlet went with a stripped link ("…, сообщает\\n\\n")
     subject: KIND, STATE  the cue word has a subject (nsubj) outside the quoted words: a name
                       (NER), a pronoun or a common noun; the constructions found no mention, or
                       decided nobody speaks (ref "none": a subject that cannot speak, a relay's
                       outlet glued to the next sentence)
     name under oblique  no subject, but a name (NER PER/ORG) right before the cue (fillers, "не"
                       aside) that the parse hangs, through nmod / appos / flat, on an oblique of
                       the cue: "В официальном оповещении Ryanair прибавила"
     oblique document  no subject, an oblique of the cue is a document or site noun ("В официальном
                       заявлении напоминают")
     none              nothing the parse shows
   Column "speaker": how many of them citata gives a speaker anyway (a continuation, an impersonal
   cue carried to the source just quoted).
2. **hidden names**: every speech cue (not impersonal, not a relay of cited words) outside quotation
   marks whose cue word has no subject in the parse while a name right before it is hung on an
   oblique of the cue, by the name's NER type and the verb's number (a plural cue is "В Ryanair
   заявили", the body's locative; a singular one may be the parse's error) — whatever quotation
   citata makes there.
3. **second attributions**: a report the constructions attribute twice (the same words, or 90% of
   each), where the first attribution names nobody and a later one names a source — what
   `dedupe` settles ("…, сообщается в\\n\\nОб этом передает Derbyshire Live").
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.quotes import find, resolve  # noqa: E402
from citata.quotes.cues import cue_at  # noqa: E402
from citata.quotes.direct import dialogue, direct_quotations  # noqa: E402
from citata.quotes.indirect import indirect_reports  # noqa: E402
from citata.quotes.mentions import noun_parse  # noqa: E402
from citata.quotes.view import DocView, Found  # noqa: E402
from recall_sample import CORPORA  # noqa: E402
from survey_colons import kinds  # noqa: E402
from survey_quotes import corpus_survey, surveyed_texts, view_of  # noqa: E402

SUBJECTS = ("nsubj", "nsubj:pass")
NAME_PARTS = ("nmod", "appos", "flat", "flat:name", "flat:foreign")


def cue_tree(view: DocView, cue: int) -> tuple[list[tuple[int, str]], int]:
    si = view.tok_sent[cue]
    return view.trees([si])[si], view.sent_range(si).start


def subject_of(view: DocView, cue: int, start: int, end: int) -> int | None:
    """The cue word's subject in the parse (its token) outside the quoted words start..end."""
    tree, first = cue_tree(view, cue)
    return next((first + k for k, (h, r) in enumerate(tree)
                 if h == cue and r in SUBJECTS and not start <= view.toks[first + k].start < end), None)


def word_kind(view: DocView, j: int) -> str:
    """A subject word as a name (NER), a pronoun or a common noun."""
    if view.ent_at.get(j) is not None:
        return "name"
    return "pronoun" if view.lower[j] in lex.pronouns() or view.parses(j)[0].tag.POS == "NPRO" else "noun"


def name_under_oblique(view: DocView, cue: int) -> tuple[str, str] | None:
    """(the name, its NER type) when the word right before the cue (fillers and "не" aside) ends a
    name the parse hangs, through nmod / appos / flat, on an oblique of the cue."""
    tree, first = cue_tree(view, cue)
    j = cue - 1
    while j >= first and (view.lower[j] in lex.fillers() or view.lower[j] == "не"):
        j -= 1
    e = view.ent_at.get(j) if j >= first else None
    if e is None or e.type not in ("PER", "ORG") or view.tok_index(e.end - 1) != j:
        return None
    span = range(view.tok_index(e.start), j + 1)
    k = next((x for x in span if tree[x - first][0] not in span), span.start)  # the name's head
    head, rel = tree[k - first]
    for _ in range(6):
        if rel not in NAME_PARTS or head < 0:
            break
        head, rel = tree[head - first]
    return (e.text, e.type) if head == cue and rel == "obl" else None


def oblique_document(view: DocView, cue: int) -> bool:
    tree, first = cue_tree(view, cue)
    return any(h == cue and r == "obl" and (p := noun_parse(view, first + k)) is not None
               and (p.normal_form in lex.document_nouns() or p.normal_form in lex.channel_nouns())
               for k, (h, r) in enumerate(tree))


def speakerless_class(view: DocView, f: Found) -> str:
    if f.cue_cls == "impersonal":
        return "impersonal"
    if f.ref is not None and f.ref.kind == "lost":
        return "lost"
    cue = view.tok_index(f.cue[0])
    subj = subject_of(view, cue, f.start, f.end)
    if subj is not None:
        # the constructions found nothing (no mention) or decided nobody speaks (a subject that
        # cannot, a relay glued to the next sentence)
        return f"subject: {word_kind(view, subj)}, {'no mention' if f.ref is None else 'none'}"
    if name_under_oblique(view, cue) is not None:
        return "name under oblique"
    return "oblique document" if oblique_document(view, cue) else "none"


def hidden_names(view: DocView):
    """(cue token, name, NER type, the verb's number) of each speech cue with no subject in the parse
    and a name hung on its oblique right before it."""
    cues = [i for i in range(len(view.toks)) if i not in view.quoted
            for hit in [cue_at(view, i)] if hit is not None and hit[2] not in ("impersonal", "cite")]
    view.trees(sorted({view.tok_sent[i] for i in cues}))  # one batch
    for i in cues:
        if subject_of(view, i, 0, 0) is not None:
            continue
        name = name_under_oblique(view, i)
        if name is not None:
            yield i, name[0], name[1], view.parses(i)[0].tag.number or "-"


def named(f: Found) -> bool:
    return f.ref is not None and f.ref.kind not in ("none", "lost")


def second_attributions(view: DocView):
    """(first, later) pairs of candidates with the same content where the first names nobody and the
    later one names a source, over the constructions' candidates before `dedupe`."""
    used: set = set()
    found = direct_quotations(view, used) + dialogue(view)
    found += indirect_reports(view, found)
    found.sort(key=lambda f: (f.start, -f.end))
    for a, f in enumerate(found):
        if f.cue is None or named(f) or f.ref is None:
            continue
        for g in found[a + 1:]:
            if g.start > f.end:
                break
            overlap = min(f.end, g.end) - max(f.start, g.start)
            if g.cue and named(g) and overlap >= 0.9 * max(f.end - f.start, g.end - g.start):
                yield f, g
                break


def sentence(view: DocView, offset: int) -> str:
    rng = view.sent_range(view.tok_sent[view.tok_index(offset)])
    return view.text[view.toks[rng.start].start:view.toks[rng.stop - 1].end][:300].replace("\n", " / ")


def main() -> None:
    args = corpus_survey(__doc__, 'classes whose places are printed ("all" for every one)').parse_args()
    gold = kinds()
    files = surveyed_texts(args, CORPORA)
    tables: dict[str, dict[str, Counter]] = {"speakerless": {}, "hidden names": {}, "second attributions": {}}
    shown = []

    def count(table: str, cls: str, kind: str, line: str, spoken: bool = False) -> None:
        c = tables[table].setdefault(cls, Counter())
        c[kind] += 1
        c["speaker"] += spoken
        if kind != "B" and (cls in args.show or "all" in args.show):
            shown.append(f"[{table}: {cls}] {kind} {line}")

    for rel in files:
        kind = gold.get(rel, "U")
        view = view_of(CORPORA, rel, args.cache)
        found = find(view)
        for f, q in zip(found, resolve(view, found)):
            if f.cue is None or q.speaker is not None and f.ref is not None:
                continue
            cls = speakerless_class(view, f)
            count("speakerless", cls, kind, f"{rel} cue={f.cue[2]!r} speaker={q.speaker and q.speaker.name!r}: "
                  f"{sentence(view, f.cue[0])}", q.speaker is not None)
        for i, name, ner, number in hidden_names(view):
            count("hidden names", f"{ner}, {number}", kind, f"{rel} {name!r}: {sentence(view, view.toks[i].start)}")
        for f, g in second_attributions(view):
            count("second attributions", f"{f.ref.kind} → {g.ref.kind}", kind,
                  f"{rel} {f.cue[2]!r} then {g.cue[2]!r} {view.text[g.ref.start:g.ref.end]!r}: "
                  f"{sentence(view, f.start)}")
    print(f"{len(files)} texts ({sum(1 for r in files if gold.get(r, 'U') == 'U')} unannotated)\n")
    for table, rows in tables.items():
        print(f"| {table} | places | unannotated | tune | blind |" + (" speaker |" if table == "speakerless" else ""))
        print("|---|---:|---:|---:|---:|" + ("---:|" if table == "speakerless" else ""))
        for cls, c in sorted(rows.items(), key=lambda kv: -sum(kv[1][x] for x in "UTB")):
            print(f"| {cls} | {sum(c[x] for x in 'UTB')} | {c['U']} | {c['T']} | {c['B']} |"
                  + (f" {c['speaker']} |" if table == "speakerless" else ""))
        print()
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
