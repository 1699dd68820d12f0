"""Mine the nouns that name a kind of organisation, from the shared corpora, for review by hand
(issue 14, twenty-sixth session, wt-org26).

    python eval/mine_org_classes.py [--cache DIR] [--min 2] [--limit N]

Two places where an article says what kind of body an organisation is:
  before   the noun standing right before an ORG entity, past adjectives and quotation marks
           ("министерство Минздрав", "регулятор Ofcom", "госкорпорация «Ростех»", "партия
           «Единая Россия»");
  later    the noun that opens a sentence as its subject (adjectives before it, a verb after it:
           "Министерство заявило", "Британское издание сообщает", "Госагентство считает")
           within three sentences after an ORG entity: the nouns articles later use for the
           organisation they named; counted with the class nouns of that organisation.
Each lemma comes with what citata's tables already say of it (`is_class_noun`, the compound
whose tail is a class noun: `class_noun`), its counts by article kind (U unannotated, T tune,
B blind) and an example from an unannotated or tune article (never a blind one's). What review
keeps goes into citata/data/org_classes.tsv (a class and its broader classes) or
org_class_prefixes.tsv (a compound's prefix).
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.quotes.participants import class_noun, is_class_noun  # noqa: E402
from survey_colons import kinds  # noqa: E402
from survey_quotes import corpus_survey, surveyed_texts, view_of  # noqa: E402

MARKS = ("«", '"', "„", "“", "(", ")")


def noun_before(view, i: int) -> int | None:
    """The token of the noun right before token i, past up to three adjectives and marks."""
    j = i - 1
    for _ in range(5):
        if j < 0 or view.tok_sent[j] != view.tok_sent[i]:
            return None
        if view.toks[j].text in MARKS:
            j -= 1
            continue
        if not view.is_word(j) or j in view.ent_at:
            return None
        tag = view.parses(j)[0].tag
        if tag.POS == "NOUN":
            return j
        if tag.POS not in ("ADJF", "PRTF"):
            return None
        j -= 1
    return None


def opening_subject(view, si: int) -> int | None:
    """The noun opening sentence si, past adjectives, when a finite verb follows it right away and
    no name: "Министерство заявило", "Британское издание сообщает"."""
    rng = view.sent_range(si)
    j = rng.start
    while j < rng.stop and view.is_word(j) and view.parses(j)[0].tag.POS in ("ADJF", "PRTF"):
        j += 1
    if j + 1 >= rng.stop or not view.is_word(j) or not view.is_word(j + 1):
        return None
    e = view.ent_at.get(j)
    if e is not None and (e.type != "ORG" or len(e.text.split()) > j - rng.start + 1):
        return None  # a name, not a bare noun ("Министерство иностранных дел")
    noun, verb = view.parses(j)[0], view.parses(j + 1)[0]
    if noun.tag.POS != "NOUN" or "anim" in noun.tag or noun.tag.case != "nomn" or verb.tag.POS != "VERB":
        return None
    return j


def mine(view, k: int, rel: str, before: dict, later: dict, examples: dict) -> None:
    orgs = [e for e in view.entities if e.type == "ORG" and view.tok_index(e.start) not in view.quoted]
    org_sents: dict[int, list] = defaultdict(list)
    for e in orgs:
        i = view.tok_index(e.start)
        org_sents[view.tok_sent[i]].append(e)
        j = noun_before(view, i)
        if j is not None:
            lemma = view.parses(j)[0].normal_form
            before[lemma][k] += 1
            if k != "B" and lemma not in examples:
                examples[lemma] = f"{rel}: {view.text[view.toks[j].start:e.end]}"
    for si in range(len(view.sents)):
        prior = [e for s in range(max(0, si - 3), si + 1) for e in org_sents.get(s, ())
                 if view.tok_index(e.start) < view.sent_range(si).start]
        if not prior:
            continue
        j = opening_subject(view, si)
        if j is None:
            continue
        lemma = view.parses(j)[0].normal_form
        later[lemma][k] += 1
        if k != "B" and ("later", lemma) not in examples:
            rng = view.sent_range(si)
            examples[("later", lemma)] = f"{rel}: after {prior[-1].text!r}: " \
                f"{view.text[view.toks[rng.start].start:view.toks[min(rng.stop, rng.start + 8) - 1].end]}"


def known(lemma: str) -> str:
    if is_class_noun(lemma):
        return "class"
    tail = class_noun(lemma)
    return f"compound of {tail}" if tail != lemma else ""


def main() -> None:
    ap = corpus_survey(__doc__.split("\n")[0], "unused")
    ap.add_argument("--min", type=int, default=2, help="print lemmas seen at least this often")
    args = ap.parse_args()
    corpora = ROOT.parent / "shared" / "corpora"
    kind_of = kinds()
    before: dict[str, Counter] = defaultdict(Counter)
    later: dict[str, Counter] = defaultdict(Counter)
    examples: dict = {}
    for rel in surveyed_texts(args, corpora):
        mine(view_of(corpora, rel, args.cache), kind_of.get(rel, "U"), rel, before, later, examples)
    for title, table, key in (("before an ORG entity", before, lambda lemma: lemma),
                              ("opening a sentence after an ORG entity", later, lambda lemma: ("later", lemma))):
        print(f"## {title}\n\n| lemma | U | T | B | citata | example |\n|---|---:|---:|---:|---|---|")
        for lemma, c in sorted(table.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            if sum(c.values()) >= args.min:
                print(f"| {lemma} | {c['U']} | {c['T']} | {c['B']} | {known(lemma)} | {examples.get(key(lemma), '')} |")
        print()


if __name__ == "__main__":
    main()
