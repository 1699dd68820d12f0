"""Count a relational noun followed by a name whose case the word does not show ("Адвокат Биби
подчеркивает", "По словам членов семьи Биби"): the name may be the noun's genitive owner, not the
speaker (issue 14). Two counts over text no gold file holds, to read by hand:

    python eval/survey_owner.py text [--corpora ../shared/corpora]    # sentences with a cue
    python eval/survey_owner.py quotes FILE.jsonl                       # quotations' mentions

`text`: sentences of the unannotated articles and covid-19 pages (`survey_quotes.articles`, pages
included) that hold a speech verb or "по словам / по мнению" and a relational, family or kinship
noun (citata/data) right before a capitalised name that is indeclinable, reads as both nominative
and genitive, or is no noun pymorphy knows. `quotes`: quotations of `eval/survey_speakers.py --out`
whose speaker is a person and whose mention, a name, stands right after such a noun.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata import lexicons as lex  # noqa: E402
from citata.nlp import morph  # noqa: E402
from survey_quotes import articles  # noqa: E402

WORD = re.compile(r"[А-ЯЁа-яё-]+")
NOUN_NAME = r"([А-ЯЁа-яё-]+)\s+({name})"
NAME = r"[А-ЯЁ][а-яё-]+(?:[\s-][А-ЯЁ][а-яё-]+)*"


def owner_nouns() -> frozenset[str]:
    return lex.relational_nouns() | lex.family_nouns() | frozenset(lex.kin_nouns())


def relational(word: str) -> bool:
    return any(p.tag.POS == "NOUN" and p.normal_form in owner_nouns() for p in morph().parse(word.lower())[:2])


def caseless(name: str) -> bool:
    """The word does not show whether it is the subject or a genitive owner."""
    parses = morph().parse(name)
    cases = {p.tag.case for p in parses}
    return any("Fixd" in p.tag for p in parses) or {"nomn", "gent"} <= cases \
        or not any(p.tag.POS == "NOUN" for p in parses)


def text_count(corpora: Path) -> None:
    verb_forms = lex.speech_verbs()
    hits, files = 0, set()
    for rel in articles(corpora, [], pages=True):
        text = (corpora / rel).read_text(encoding="utf-8", errors="replace")
        for sent in re.split(r"(?<=[.!?])\s+|\n+", text):
            if not (any(w.lower() in verb_forms for w in WORD.findall(sent)) or re.search(r"[Пп]о (?:словам|мнению)", sent)):
                continue
            for m in re.finditer(NOUN_NAME.format(name=NAME), sent):
                if relational(m.group(1)) and caseless(m.group(2).split()[0]):
                    hits += 1
                    files.add(rel)
                    print(rel, "|", m.group(0), "|", sent[:160])
    print(f"{hits} in {len(files)} articles")


def quotes_count(path: Path) -> None:
    hits, files = 0, set()
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["kind"] != "person" or not r["mention"]:
            continue
        for m in re.finditer(r"([А-ЯЁа-яё-]+)\s+" + re.escape(r["mention"]) + r"(?![а-яё])", r["sentence"]):
            if relational(m.group(1)) and caseless(r["mention"].split()[0]):
                hits += 1
                files.add(r["file"])
                print(r["file"], r["start"], "|", m.group(0), "→", r["speaker"], "|", r["mention_words"])
                break
    print(f"{hits} quotations in {len(files)} articles")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("text", "quotes"))
    ap.add_argument("file", nargs="?", type=Path, help="quotes: a survey_speakers.py --out file")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    if args.mode == "text":
        text_count(args.corpora)
    else:
        quotes_count(args.file)


if __name__ == "__main__":
    main()
