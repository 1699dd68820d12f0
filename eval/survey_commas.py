"""Where the writer left out a comma the constructions rely on (issue 14): how often, over every raw
text of the shared corpora outside the blind half, a cue and its reported words are written with and
without the comma, how many of each citata reads, and how many the tune half annotates.

    python eval/survey_commas.py [--cache FILE] [--show SHAPE ...] [--examples 3] [--by-cue]

Reads every text `survey_quotes.corpus_texts` lists but the blind half's (its articles are neither
counted nor shown). Three families, each a pattern over the raw text with an anchor where the reported
words start:
- `cue + что` / `чтобы` / `будто` / `якобы` / `ли`, `comma` or `no comma`: a form of a speech verb of
  the lexicon (data/speech_verbs.tsv) right before the complementizer ("заявили что мечта … умирает"),
  or before a word and "ли" ("спросил готов ли он"); "что-то" is no complementizer;
- `по словам X` / `по мнению X` / `по данным X` / `по NOUN X` (the other source nouns) / `согласно X` /
  `как CUE X`, `comma` or `no comma`: an introductory source phrase opening a sentence (after "А", "И",
  "Но" too), by whether a comma closes it before the first word whose first reading is a predicate
  ("По словам министра вакцина безопасна", "Как сообщил глава ведомства Минздрав готовит …"); a phrase
  with no predicate after it before the sentence's end is not counted ("по версии Forbes."); with no
  comma the anchor is the source's start (the pattern cannot tell where the source ends);
- `» , — cue` / `» , cue` / `» — cue` / `» cue`: a closing quotation mark followed by a speech verb of
  the lexicon with the comma and the dash, the comma alone, the dash alone, or neither.
A place is read when a quotation citata finds holds its anchor or starts within 40 characters after
it (survey_fronted.covers); annotated when a tune-half gold quotation does. --cache keeps the
predictions (the format of survey_fronted's --cache: main's run of that survey can be reused).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.source import decode  # noqa: E402
from survey_fronted import CORPORA, SENT_START, W, covers, first_predicate, outside_blind, predictions, tune_contents  # noqa: E402

CUE_COMP = re.compile(r"(?i)\b(" + W + r")(\s*,)?\s+(что|чтобы|будто|якобы)\b(?!-)")
CUE_LI = re.compile(r"(?i)\b(" + W + r")(\s*,)?\s+(?:не\s+)?" + W + r"\s+(ли)\b")
NOUNS = "|".join(sorted(lex.source_nouns(), key=len, reverse=True))
INTRO = re.compile(SENT_START + r"(?:(?:А|И|Но)\s+)?((?:[Пп]о\s+(?:(?:его|ее|её|их)\s+)?(" + NOUNS + r"))|"
                   r"[Сс]огласно|[Кк]ак\s+(" + W + r"))\b([^.!?\n]{0,160})")
AFTER_CLOSE = re.compile(r"(?<=\S)[»”\"]((?:\s*,)?(?:\s*[—–-])?)\s*(" + W + r")")
NAMED_PHRASES = ("словам", "мнению", "данным")


def _cue(word: str) -> str | None:
    """The lemma of a speech-verb form of the lexicon (a say, think, ask or finding cue), or None."""
    hit = lex.speech_verbs().get(word.lower().replace("ё", "е"))
    return hit[0] if hit and hit[1] in ("say", "think", "ask", "finding") else None


def places(text: str):
    """(shape, anchor, context start, cue lemma) of every place of every shape in a raw text."""
    for rx in (CUE_COMP, CUE_LI):
        for m in rx.finditer(text):
            lemma = _cue(m.group(1))
            if lemma:
                comp = m.group(3) if rx is CUE_COMP else "ли"
                yield f"cue + {comp}, {'comma' if m.group(2) else 'no comma'}", m.end(), m.start(), lemma
    for m in INTRO.finditer(text):
        if m.group(3):
            lemma = _cue(m.group(3))
            if not lemma:
                continue
            phrase = "как CUE X"
        else:
            lemma = None
            noun = (m.group(2) or "").lower()
            phrase = f"по {noun} X" if noun in NAMED_PHRASES else "по NOUN X" if noun else "согласно X"
        tail = m.group(4)
        pred = first_predicate(tail)
        if pred is None:
            continue
        comma = tail.find(",", 0, pred)
        anchor = m.start(4) + (comma + 1 if comma >= 0 else 0)
        yield f"{phrase}, {'comma' if comma >= 0 else 'no comma'}", anchor, m.start(1), lemma
    for m in AFTER_CLOSE.finditer(text):
        lemma = _cue(m.group(2))
        if not lemma:
            continue
        between = m.group(1)
        shape = "» " + ("," if "," in between else "") + (" —" if re.search("[—–-]", between) else "") + " cue"
        # the anchor: the quotation's first character (its last may be punctuation the content leaves out)
        opening = max(text.rfind(c, max(0, m.start() - 2000), m.start()) for c in "«“\"")
        if opening >= 0:
            yield shape.replace("  ", " "), opening + 1, opening, lemma


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="a JSON file keeping the predictions between runs")
    ap.add_argument("--show", nargs="*", default=[], help="shapes whose every unread context to print")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--by-cue", action="store_true", help="the cue lemmas of each no-comma shape's places")
    args = ap.parse_args()
    rels, _, blind = outside_blind()
    gold = tune_contents()
    pred = predictions(rels, args.cache)
    rows: dict[str, Counter] = defaultdict(Counter)
    cues: dict[str, Counter] = defaultdict(Counter)
    shown: dict[str, list[str]] = defaultdict(list)
    for rel in rels:
        text = decode((CORPORA / rel).read_bytes())
        for shape, anchor, start, lemma in places(text):
            row = rows[shape]
            read = covers(pred.get(rel, []), anchor)
            side = "tune" if rel in gold else "unannotated"
            row[f"{side} places"] += 1
            row[f"{side} read"] += read
            if rel in gold:
                row["tune annotated"] += covers(gold[rel], anchor)
            if "no comma" in shape or shape in ("» cue", "» — cue", "» , cue"):
                cues[shape][lemma] += 1
            if not read and (shape in args.show or len(shown[shape]) < args.examples):
                shown[shape].append(f"{rel}: {text[start:anchor + 100]!r}".replace("\\n", " "))
    print(f"{len(rels)} texts (the blind half's {blind} left out)\n")
    print("| shape | unannotated places | read | tune places | read | tune annotated |\n|---|---:|---:|---:|---:|---:|")
    for name, row in sorted(rows.items()):
        print(f"| {name} | {row['unannotated places']} | {row['unannotated read']} | {row['tune places']} | "
              f"{row['tune read']} | {row['tune annotated']} |")
    if args.by_cue:
        for name, c in sorted(cues.items()):
            print(f"\n## {name}: cues  " + ", ".join(f"{k} {n}" for k, n in c.most_common()))
    for name, ctxs in sorted(shown.items()):
        print(f"\n## {name} (unread)")
        for c in ctxs:
            print("  " + c)


if __name__ == "__main__":
    main()
