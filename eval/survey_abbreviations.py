"""Abbreviations with a full stop inside a name or title phrase (issue 14, nineteenth session,
wt-abbrev14): every one over the 676 raw texts of ../shared/corpora (`survey_quotes.corpus_texts`),
cleaned as the pipeline does it, with what the sentence splitter and the quotation stage make of it.

    python eval/survey_abbreviations.py [--show] [--limit N]

An abbreviation is found by the patterns of CLASSES below (written for this survey, not citata's
lexicon): a word of a name ("Центра им. Гамалеи", "храм св. Николая", "ул. Ломоносова"), a title
("проф.", "акад."), "г."/"гг.", a lowercase abbreviation of several parts (an academic degree
"к.м.н.", "т. н.", "т.е."), an initial ("А. Сидоров"). For each class it counts the places, those
followed by a capitalised word (where a splitter may end a sentence), those where citata's sentences
(`citata.nlp.sentences`) do end there, and those at an attribution: inside the speaker's mention
of a quotation with a cue, or between its cue and its mention; of these, the mentions that end
inside the abbreviation ("директор Центра им": the phrase cut at its full stop). Only citata's output
is read (of the gold, nothing). --show prints each place at an attribution (text, cue, mention,
speaker) and each sentence end after an abbreviation before a capitalised word.
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

from citata.nlp import sentences  # noqa: E402
from quotes import extract  # noqa: E402
from survey_quotes import corpus_texts  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"

# Each class's pattern, the full stop included; tried in this order at each place.
CLASSES = {
    "degree or several parts (к.м.н., т. н., т.е.)": r"[а-яё]{1,2}\.(?: ?-?[а-яё]{1,6}\.)* ?-?[а-яё]{1,2}\.",
    "name word (им., св., ул., наб., пер., просп.)": r"(?:им|св|ул|наб|пер|просп|пл|пос)\.",
    "title (проф., акад., доц., ген., зам.)": r"(?:проф|акад|доц|ген|зам|канд|чл)\.",
    "г., гг.": r"гг?\.",
    "initial (А.)": r"[А-ЯЁ]\.",
}
PLACE = re.compile(r"(?<![\w.])(?:" + "|".join(f"(?P<c{i}>{p})" for i, p in enumerate(CLASSES.values())) + ")")
CAPITAL_AFTER = re.compile(r"[ \t]+[«\"„“(—–-]*\s*[A-ZА-ЯЁ]")


def places(text: str):
    """(class, start, end) of each abbreviation in the text."""
    names = list(CLASSES)
    for m in PLACE.finditer(text):
        cls = next(names[i] for i in range(len(names)) if m.group(f"c{i}"))
        yield cls, m.start(), m.end()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print each place at an attribution and each sentence end")
    ap.add_argument("--limit", type=int, default=0, help="first N texts only")
    args = ap.parse_args()
    files = corpus_texts(CORPORA)
    files = files[:args.limit] if args.limit else files
    n = Counter()
    by_word = Counter()
    texts = Counter()
    for rel in files:
        _, doc = extract(CORPORA / rel, rel)
        text = doc.text
        found = list(places(text))
        if not found:
            continue
        ends = {s.end for s in sentences(text)}
        for cls, a, b in found:
            n[cls, "places"] += 1
            texts[cls, rel] += 1
            capital = CAPITAL_AFTER.match(text, b) is not None
            if capital:
                n[cls, "before a capital"] += 1
                if b in ends:
                    n[cls, "sentence ends there"] += 1
                    by_word[cls, text[a:b]] += 1
                    if args.show:
                        print(f"END  {rel} [{cls}] …{text[max(0, a - 70):a]!r} [[{text[a:b]}]] {text[b:b + 50]!r}")
            for q in doc.quotes:
                if q.cue is None or q.speaker is None or q.speaker.mention is None:
                    continue
                ment = q.speaker.mention
                if not min(q.cue.start, ment.start) <= a <= max(q.cue.end, ment.end):
                    continue  # not inside the mention, nor between the cue and the mention
                n[cls, "at an attribution"] += 1
                cut = a < ment.end < b  # "директор Центра им": the phrase cut at the full stop
                if cut:
                    n[cls, "mention cut at it"] += 1
                if args.show:
                    print(f"ATTR {rel} [{cls}] {text[max(0, a - 60):b + 40]!r}\n     cue={q.cue.text!r} "
                          f"mention={ment.text!r} speaker={q.speaker.name!r}{' CUT' if cut else ''}")
                break
    cols = ("places", "before a capital", "sentence ends there", "at an attribution", "mention cut at it")
    print(f"{len(files)} texts")
    print("| class | texts | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 2) + "|")
    for cls in CLASSES:
        ntexts = sum(1 for (c, _), v in texts.items() if c == cls)
        print(f"| {cls} | {ntexts} | " + " | ".join(str(n[cls, c]) for c in cols) + " |")
    print("\nSentence ends after an abbreviation before a capital, by abbreviation:")
    for (cls, word), v in by_word.most_common():
        print(f"  {v:4d}  {word!r}  [{cls}]")


if __name__ == "__main__":
    main()
