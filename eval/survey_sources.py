"""Every "согласно" + noun phrase (or "По" + noun phrase + comma at a sentence's start) over the raw
texts of ../shared/corpora, counted by the phrase's head noun: which heads are sources that state,
report, show or estimate ("согласно опросу", "согласно итоговому анализу данных", "Согласно comScore")
and which are norms the clause obeys ("согласно закону", "согласно статье 50", "согласно графику")
— the survey behind citata/data/norm_nouns.txt (issue 14).

    python eval/survey_sources.py [--corpora ../shared/corpora] [--prep согласно|по] [--examples 3]
                                  [--show LEMMA ...]

Reads every BSNLP raw page (all topics, the covid-19 whole pages included) and FactRuEval devset
text, gold or not, as plain text (no cleaning: a phrase in boilerplate still shows how the noun is
used). The head is the first dative noun after the preposition, past a possessive pronoun, adjectives,
numbers and a participle's own phrase ("согласно проведенным Исследовательским центром Пью опросам" →
опрос); a name right after it ("Согласно comScore", "согласно «Байонтек»") is counted as <name>;
"согласно которому" as "который←<the noun before the comma>". Each row gives the places, the pages
and the distinct contexts (syndicated copies count once), how citata's lexicons class the head
(norm: norm_nouns.txt; source: source_nouns.tsv or report_documents.txt; new: neither, a source for
the source phrase since the seventeenth session) and a few contexts to read. --show prints every
context of the lemmas named.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.nlp import parse  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from survey_quotes import corpus_texts  # noqa: E402

TOKEN = re.compile(r"[A-Za-zА-Яа-яЁё0-9]+(?:[-'’][A-Za-zА-Яа-яЁё0-9]+)*|\S")
OPEN_QUOTES = "«„“\""
RELATIVES = frozenset(("которому", "которой", "которым"))
POSSESSIVES = frozenset(("его", "ее", "её", "их", "своему", "своей", "своим", "нашему", "нашей", "нашим"))
OPENERS = frozenset(("а", "и", "но", "однако", "также", "кроме", "того"))


def texts(corpora: Path):
    for rel in corpus_texts(corpora):
        yield rel, text_document(str(corpora / rel), decode((corpora / rel).read_bytes())).text


def _dative_noun(word: str):
    readings = parse(word.lower())
    if readings[0].tag.POS in ("ADJF", "PRTF"):
        return None  # "новому исследованию": the adjective, not the noun "новое"
    return next((r for r in readings if r.tag.POS == "NOUN" and r.tag.case == "datv"), None)


def _modifier(word: str) -> str | None:
    """"adj" for an adjective or number before the head, "prt" for a participle (its own phrase
    may stand between it and the head), None for anything else."""
    if word.isdigit() or word.lower() in POSSESSIVES:
        return "adj"
    readings = parse(word.lower())
    if readings[0].tag.POS not in ("PRTF", "ADJF", "NUMR"):
        return None
    if not any(r.tag.case in ("datv", "ablt") for r in readings if r.tag.POS == readings[0].tag.POS):
        return None
    return "prt" if readings[0].tag.POS == "PRTF" else "adj"


def head(tokens: list[str]) -> tuple[str, int]:
    """The head lemma of the phrase that `tokens` (the words after the preposition) open, and how
    many tokens the phrase up to the head takes."""
    if not tokens:
        return "<none>", 0
    first = tokens[0]
    if first[0] in OPEN_QUOTES:
        return "<name>", 1
    if re.fullmatch(r"[A-Za-z][\w'’-]*", first):
        return "<name>", 1
    in_participle = False
    for k, t in enumerate(tokens[:12]):
        if t in ",.;:!?":
            break
        noun = _dative_noun(t) if t[0].isalpha() else None
        if noun is not None and not (k == 0 and t[0].isupper() and not noun.is_known):
            if in_participle or not t[0].isupper() or "Name" not in noun.tag and "Surn" not in noun.tag:
                return noun.normal_form.replace("ё", "е"), k + 1
        m = _modifier(t)
        if m == "prt":
            in_participle = True
            continue
        if m == "adj" or in_participle:
            continue
        if k == 0 and t[0].isupper():
            return "<name>", 1
        break
    return "<other:" + first.lower() + ">", 1


def antecedent(text: str, at: int) -> str:
    """"…соглашение, согласно которому …": the last noun before the comma."""
    before = TOKEN.findall(text[max(0, at - 120):at])
    if not before or before[-1] != ",":
        return "?"
    for t in reversed(before[-7:-1]):
        r = parse(t.lower())[0]
        if r.tag.POS == "NOUN":
            return r.normal_form.replace("ё", "е")
    return "?"


def places(text: str, prep: str):
    """(offset, head lemma, context) of each phrase of `prep` in one text."""
    if prep == "согласно":
        rx = re.compile(r"(?<![\w-])[Сс]огласно(?![\w-])")
    else:  # "По X, …" opening a sentence (or a line)
        rx = re.compile(r"(?:^|(?<=[.!?»]\s)|(?<=\n))\s*По(?![\w-])", re.M)
    for m in rx.finditer(text):
        tokens = TOKEN.findall(text[m.end():m.end() + 200])
        if prep == "согласно" and tokens and tokens[0].lower() in RELATIVES:
            lemma = "который←" + antecedent(text, m.start())
        else:
            lemma, n = head(tokens)
            if prep == "по" and "," not in tokens[n:n + 6]:
                continue  # not a phrase before the sentence's comma ("По телефону он …")
        start = max(0, text.rfind("\n", 0, m.start()) + 1, m.start() - 80)
        yield m.start(), lemma, re.sub(r"\s+", " ", text[start:m.end() + 110])


def classify(lemma: str) -> str:
    base = lemma.split("←")[-1]
    sources = frozenset(x.replace("ё", "е") for x in lex.source_lemmas()) | lex.report_documents()
    if base in lex.norm_nouns():
        return "norm"
    if base in sources:
        return "source"
    return "new" if not base.startswith(("<", "?")) else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--prep", choices=("согласно", "по"), default="согласно")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--show", nargs="*", default=[])
    args = ap.parse_args()
    rows = defaultdict(list)
    for rel, text in texts(args.corpora):
        for at, lemma, context in places(text, args.prep):
            rows[lemma].append((rel, at, context))
    print(f"{sum(map(len, rows.values()))} places of '{args.prep}' + a noun phrase, {len(rows)} heads\n")
    print("| head | class | places | pages | distinct contexts | examples |")
    print("|---|---|---:|---:|---:|---|")
    for lemma, found in sorted(rows.items(), key=lambda kv: (-len({r for r, _, _ in kv[1]}), kv[0])):
        distinct = {c[c.lower().index(args.prep.lower()):][:60] for _, _, c in found}
        examples = "; ".join(f"{r.split('/')[-1]}: …{c}…" for r, _, c in found[:args.examples])
        print(f"| {lemma} | {classify(lemma)} | {len(found)} | {len({r for r, _, _ in found})} | "
              f"{len(distinct)} | {examples} |")
    for lemma in args.show:
        print(f"\n## {lemma}")
        for rel, at, context in rows.get(lemma, []):
            print(f"{rel}:{at}: …{context}…")


if __name__ == "__main__":
    main()
