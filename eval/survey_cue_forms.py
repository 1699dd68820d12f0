"""A known cue in a form no sieve may read (issue 14, the tune half's "none" misses): every place
where a verb of citata/data/speech_verbs.tsv (say, think, ask, finding) stands right before its
что-clause (", что" or "о том, что"), by the verb's form, and how many citata reads.

    python eval/survey_cue_forms.py [--cache FILE] [--show FORM ...] [--examples 3]

The forms: a noun of the cue lexicon (report_nouns.txt, a speech phrase's noun: "выразил надежду,
что"), a noun outside it that `mine_cues.py --nouns` found there, finite, infinitive ("вынуждены были
заявить, что"), gerund ("Напомнив, что …, Дэвис отметил"), passive participle ("были
проинформированы о том, что"), active participle, and a verb the lexicon lacks but whose prefixless
partner it holds ("заговорить о том, что": говорить). Reads the texts `survey_quotes.corpus_texts`
lists less the blind half's articles, which are neither extracted nor counted (494 of 676), as
eval/quotes.py extracts them; a place is read when a quotation citata finds holds the word after
"что" or starts within 40 characters of it (`survey_fronted.covers`), annotated when a tune-half gold
quotation does.
--cache FILE keeps the predictions (JSON) between runs (`survey_fronted.predictions`).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.nlp import parse  # noqa: E402
from citata.source import decode  # noqa: E402
from quotes import CORPUS_FILES, NEW_FILES, entries, half  # noqa: E402
from survey_fronted import CORPORA, count_place, predictions, print_places, tune_contents  # noqa: E402
from survey_quotes import corpus_texts  # noqa: E402

CLAUSE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]+)(?:\s+(?:о|об)\s+том)?\s*,\s+что\s")
# a prefixed verb the lexicon lacks beside the verb it holds ("заговорить": "говорить")
PREFIXES = ("по", "за", "вы")


@lru_cache(maxsize=None)
def _lemmas() -> dict[str, str]:
    return {lemma.replace("ё", "е"): cls for lemma, cls in lex.data_table("speech_verbs.tsv")}


@lru_cache(maxsize=None)
def _phrase_nouns() -> frozenset[str]:
    """The nouns of speech_phrases.tsv ("выразить надежда": надежда)."""
    return frozenset(phrase.split()[-1] for phrase, _ in lex.data_table("speech_phrases.tsv"))


# nouns `mine_cues.py --nouns` found before a что-clause that neither list holds (reviewed by hand)
_CANDIDATE_NOUNS = frozenset(("опасение", "известие", "новость", "вывод", "договор", "гарантия", "ощущение"))


@lru_cache(maxsize=None)
def form(word: str) -> tuple[str, str] | None:
    """(form, lemma) when `word` is a speech verb's form by its first reading."""
    p = parse(word.lower())[0]
    pos = p.tag.POS
    if pos == "NOUN":
        noun = p.normal_form
        if noun in lex.report_nouns() or noun in _phrase_nouns():
            return "noun of the cue lexicon", noun
        return ("noun outside it", noun) if noun in _CANDIDATE_NOUNS else None
    if pos not in ("VERB", "INFN", "GRND", "PRTF", "PRTS"):
        return None
    lemma = p.normal_form.replace("ё", "е")
    verbs = _lemmas()
    cls = verbs.get(lemma)
    pair = False
    if cls is None:
        base = next((lemma[len(x):] for x in PREFIXES if lemma.startswith(x) and lemma[len(x):] in verbs), None)
        if base is None:
            return None
        cls, pair = verbs[base], True
    if cls not in ("say", "think", "ask", "finding"):
        return None
    name = {"VERB": "finite", "INFN": "infinitive", "GRND": "gerund"}.get(pos)
    if name is None:
        name = "passive participle" if "pssv" in p.tag else "active participle"
    return (name + (" (prefixed pair not in the lexicon)" if pair else ""), p.normal_form)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="a JSON file keeping the predictions between runs")
    ap.add_argument("--show", nargs="*", default=[], help="forms whose every unread context to print")
    ap.add_argument("--examples", type=int, default=3)
    args = ap.parse_args()
    blind = {e["file"] for e in entries(CORPUS_FILES + NEW_FILES) if half(e) == "blind"}
    rels = [rel for rel in corpus_texts(CORPORA) if rel not in blind]
    pred = predictions(rels, args.cache)
    gold = tune_contents()
    rows: dict[str, Counter] = defaultdict(Counter)
    lemmas: dict[str, Counter] = defaultdict(Counter)
    shown: dict[str, list[str]] = defaultdict(list)
    for rel in rels:
        text = decode((CORPORA / rel).read_bytes())
        for m in CLAUSE.finditer(text):
            got = form(m.group(1))
            if got is None:
                continue
            name, lemma = got
            anchor = m.end()
            if not count_place(rows[name], rel, anchor, pred, gold):
                lemmas[name][lemma] += 1
                if name in args.show or len(shown[name]) < args.examples:
                    ctx = " ".join(text[max(0, m.start() - 80):anchor + 80].split())
                    shown[name].append(f"{rel}: {ctx}")
    top = {name: ", ".join(f"{lemma} {n}" for lemma, n in lemmas[name].most_common(8)) for name in rows}
    print_places(len(rels), "form", rows, shown, order=lambda row: -row["places"], extra=("unread lemmas", top))


if __name__ == "__main__":
    main()
