"""Mine candidate cue verbs from the shared corpora, for review by hand (issue 14).

    python eval/mine_cues.py [--corpora ../shared/corpora] [--min 2] [--exclude LIST ...]
    python eval/mine_cues.py --impersonal [--exclude LIST ...]
    python eval/mine_cues.py --nouns|--sources [--min 1] [--exclude LIST ...]

Two constructions that only speech takes: a verb right after a closing quotation mark
and a dash («…», — съязвил он) and a finite verb right before ", что" whose subject is a
person or body (X возмутился, что …). Prints the verb lemmas that
citata/data/speech_verbs.tsv lacks, with how often each construction has them and an
example; what is kept after review goes into the data file with its class.

--impersonal: the speakerless reports instead ("Сообщается, что …", "Как заявлялось, …",
"В документе сказано, что …"): a passive or reflexive form of a verb that the speech-verb
lexicon holds (or its aspect pair), right before ", что" or after "как", that
citata/data/impersonal_cues.txt lacks.

--nouns: nouns that govern a reported clause: the noun right before "о том, что" or ", что", or
the head noun of a genitive chain there ("заявление акционера компании о том, что"), with its lemma,
that citata/data/report_nouns.txt lacks; a relative "что" after a noun ("дом, что стоит") is as
frequent, so every candidate is read by hand.

--sources: source phrases "по X-у Y-а, …" whose dative noun citata/data/source_nouns.tsv lacks
("по итогам испытаний, …"): the noun after "по" and a genitive or a name right after it, in a
sentence with a comma after the phrase.

--exclude: files listing corpus paths (one a line, relative to --corpora) not to read, such
as articles being annotated as new gold.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata import lexicons as lex  # noqa: E402
from citata.nlp import morph  # noqa: E402

AFTER_QUOTE = re.compile(r"[»\"“”][,!?…]?\s*[—–‑-]\s+([а-яё]+)")
BEFORE_CHTO = re.compile(r"([А-ЯЁа-яё]+)\s*,\s+что\s")
# "Сообщается, что", "Как заявлялось ранее,", "сказано, что": -ся and short passive forms
IMPERSONAL = re.compile(r"(?:(?<=[Кк]ак )([а-яё]+(?:ся|лось|но))\b|\b([А-ЯЁа-яё]+(?:ся|лось|но))\s*,\s+что\s)")


def verb_lemma(word: str) -> str | None:
    for p in morph().parse(word):
        if p.tag.POS == "VERB":
            return p.normal_form
        if p.score > 0.5:
            break
    return None


def impersonal_stem(word: str) -> str | None:
    """The speech verb a speakerless form reports with ("заявлялось" -> "заявлять"), if the
    lexicon holds it; None for "ожидается", "считается" (no one is reported speaking)."""
    verbs = lex.speech_verbs()
    for p in morph().parse(word):
        if p.tag.POS in ("VERB", "PRTS") and ("3per" in p.tag or "neut" in p.tag):
            lemma = p.normal_form.replace("ё", "е")
            base = lemma[:-2] if lemma.endswith("ся") else lemma
            if base in verbs or lemma in verbs:
                return lemma
    return None


def mine_impersonal(paths: list[Path], min_count: int) -> None:
    known = lex.impersonal_cues()
    counts: Counter = Counter()
    example: dict[str, str] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in IMPERSONAL.finditer(text):
            word = (m.group(1) or m.group(2)).lower().replace("ё", "е")
            if word in known or impersonal_stem(word) is None:
                continue
            counts[word] += 1
            example.setdefault(word, " ".join(text[max(0, m.start() - 60):m.end() + 40].split()))
    for word, n in counts.most_common():
        if n >= min_count:
            print(f"{word}\t{n}\t{example[word]}")


WORD = re.compile(r"[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яё]+)?|[^\sА-ЯЁа-яёA-Za-z]")
ABOUT_THAT = re.compile(r"\b(?:о|об)\s+том\s*,\s+что\s|,\s+что\s")
SOURCE = re.compile(r"\b[Пп]о\s+([а-яё]+)\s+([А-ЯЁа-яё]+)([^.!?\n]{0,120})")


def _first(word: str):
    return morph().parse(word)[0]


def clause_head_noun(text: str, end: int) -> tuple[str, bool] | None:
    """The noun whose clause starts at `end` ("заявление акционера компании | о том, что"): walking
    back over at most six words of one clause, the first noun not in the genitive, past the
    genitive chain and names that are its source. (lemma, whether a genitive stood between)."""
    words = WORD.findall(text[max(0, end - 160):end])
    chain = False
    for w in reversed(words[-7:]):
        if not w[:1].isalpha():
            return None
        p = _first(w.lower())
        if p.tag.POS != "NOUN" and "Name" not in p.tag and "Surn" not in p.tag and not w[:1].isupper():
            return None
        if p.tag.POS == "NOUN" and "gent" not in p.tag and not w[:1].isupper():
            return p.normal_form, chain
        chain = True
    return None


def noun_places(text: str):
    """(lemma, construction, context) for each noun before a что-clause that report_nouns.txt lacks."""
    known = lex.report_nouns()
    for m in ABOUT_THAT.finditer(text):
        got = clause_head_noun(text, m.start())
        if got is None or got[0] in known or got[0].replace("ё", "е") in known:
            continue
        lemma, chain = got
        kind = ("о том, что" if m.group(0)[0] != "," else ", что") + (" +source" if chain else "")
        yield lemma, kind, " ".join(text[max(0, m.start() - 80):m.end() + 40].split())


NOUN_KINDS = ("о том, что", "о том, что +source", ", что", ", что +source")


def mine_nouns(paths: list[Path], min_count: int) -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    example: dict[str, str] = {}
    for path in paths:
        for lemma, kind, ctx in noun_places(path.read_text(encoding="utf-8", errors="replace")):
            counts[lemma][kind] += 1
            example.setdefault(lemma, ctx)
    print("lemma\t" + "\t".join(NOUN_KINDS) + "\texample")
    for lemma, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        if sum(c.values()) >= min_count:
            print(f"{lemma}\t" + "\t".join(str(c[k]) for k in NOUN_KINDS) + f"\t{example[lemma]}")


def source_places(text: str):
    """(lemma, context) for each "по X-у Y-а, …" whose dative noun source_nouns.tsv lacks."""
    known = lex.source_lemmas()
    for m in SOURCE.finditer(text):
        noun = _first(m.group(1))
        if noun.tag.POS != "NOUN" or "datv" not in noun.tag or noun.normal_form in known \
                or noun.normal_form.replace("ё", "е") in known or "," not in m.group(3):
            continue
        after = _first(m.group(2).lower())
        if "gent" in after.tag or m.group(2)[:1].isupper() or m.group(2) in ("его", "ее", "её", "их"):
            yield noun.normal_form, " ".join(text[max(0, m.start() - 60):m.end()].split())


def mine_sources(paths: list[Path], min_count: int) -> None:
    counts: Counter = Counter()
    example: dict[str, str] = {}
    for path in paths:
        for lemma, ctx in source_places(path.read_text(encoding="utf-8", errors="replace")):
            counts[lemma] += 1
            example.setdefault(lemma, ctx)
    for lemma, n in counts.most_common():
        if n >= min_count:
            print(f"{lemma}\t{n}\t{example[lemma]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--min", type=int, default=2)
    ap.add_argument("--impersonal", action="store_true", help="mine speakerless report forms instead")
    ap.add_argument("--nouns", action="store_true", help="mine nouns that govern a reported clause instead")
    ap.add_argument("--sources", action="store_true", help="mine source phrases' nouns (по X-у Y-а) instead")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="files listing corpus paths not to read")
    args = ap.parse_args()
    skip = {line.strip() for f in args.exclude for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    paths = [p for p in sorted(args.corpora.rglob("*.txt")) if str(p.relative_to(args.corpora)) not in skip]
    if args.impersonal:
        mine_impersonal(paths, args.min)
        return
    if args.nouns:
        mine_nouns(paths, args.min)
        return
    if args.sources:
        mine_sources(paths, args.min)
        return
    known = {lemma.replace("ё", "е") for lemma, _ in lex.data_table("speech_verbs.tsv")}
    counts: dict[str, Counter] = defaultdict(Counter)
    example: dict[str, str] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for kind, rx in (("after «…», —", AFTER_QUOTE), ("before , что", BEFORE_CHTO)):
            for m in rx.finditer(text):
                lemma = verb_lemma(m.group(1).lower())
                if lemma is None or lemma.replace("ё", "е") in known:
                    continue
                counts[lemma][kind] += 1
                example.setdefault(lemma, " ".join(text[max(0, m.start() - 60):m.end() + 40].split()))
    rows = sorted(counts.items(), key=lambda kv: -sum(kv[1].values()))
    for lemma, c in rows:
        if sum(c.values()) >= args.min:
            print(f"{lemma}\t{c['after «…», —']}\t{c['before , что']}\t{example[lemma]}")


if __name__ == "__main__":
    main()
