"""A capital's own authorities against the capital for its state, on raw text (issue 14, twenty-second
session): how often each reading of a capital's name occurs, so that the archive's fold of a capital
into its country (citata/registry.py through citata.countries.government_of) is checked against the
city speaking for itself ("мэр Москвы", "власти Москвы", "в Оперштабе Москвы").

    python eval/survey_cities.py [--pages] [--tune] [--show READING ...] [--examples 10]

Population: every unannotated article (and with --pages every whole page) survey_quotes.py reads;
with --tune the tune half's gold articles too (their raw text only: the covid-19 pages are all
annotated). Each capitalised word that is a form of a capital of capitals.tsv
(`citata.countries.capital_country`) is counted once, by the first reading that fits:
- city government: the capital in the genitive governed by a noun of government_nouns.txt ("власти
  Москвы", "мэрии Москвы": `citata.countries.city_government_of`), which the archive gives the
  city's identity;
- city office: the capital in the genitive after one to three words that hold a city's official or
  office (OFFICES: "мэр Москвы", "департамента здравоохранения Москвы", "в Оперштабе Москвы"),
  each a person or a body of its own;
- seat speaks: the capital in the locative after "в" with a plural finite speech verb within two
  words ("В Москве заявили", "заявили в Лондоне") — the capital for its state, which the archive folds;
- capital speaks: the capital in the nominative with a singular finite speech verb within two words
  ("Москва считает", "Пекин заявил");
- other: any other mention (a place: "в Москве прошел митинг", "рейс из Лондона").
Apart, the city's adjective before a noun of government or office (CITY_ADJECTIVE: "московские
власти", "столичного правительства", "московского здравоохранения"), which no capital's name shows.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata import countries  # noqa: E402
from citata import lexicons as lex  # noqa: E402
from citata.nlp import parse  # noqa: E402
from quotes import CORPUS_FILES, corpus_path, entries  # noqa: E402
from survey_quotes import sample_arguments, sampled_articles  # noqa: E402

CITY_ADJECTIVE = re.compile(r"\b(?:[Мм]осковск|[Сс]толичн)[а-яё]+ (?:власт|правительств|мэри|департамент|оперштаб"
                            r"|здравоохранени|чиновник|администраци|дум)[а-яё]*")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
READINGS = ("city government", "city office", "seat speaks", "capital speaks", "other")
# A city's officials and offices, read before a capital in the genitive (lemmas).
OFFICES = frozenset(["мэр", "вице-мэр", "оперштаб", "штаб", "департамент", "администрация", "префектура",
                     "управа", "дума", "глава", "губернатор"])


def _cases(word: str) -> set[str]:
    return {c for p in parse(word.lower()) for c in ("nomn", "gent", "loct") if c in p.tag or c == "loct" and "loc2" in p.tag}


def reading(words: list[re.Match], i: int, text: str, verbs: dict) -> str:
    word = words[i].group()
    cases = _cases(word)
    near = [w.group().lower().replace("ё", "е") for w in words[max(0, i - 2):i] + words[i + 1:i + 3]]

    def speech(number: str) -> bool:  # a finite speech verb of that number within two words
        return any(w in verbs and any(p.tag.POS == "VERB" and number in p.tag for p in parse(w)) for w in near)
    if "gent" in cases and i > 0:
        for k in range(i - 1, max(-1, i - 4), -1):
            if countries.city_government_of(text[words[k].start():words[i].end()]) is not None:
                return "city government"
        if any(p.normal_form in OFFICES for w in words[max(0, i - 3):i] for p in parse(w.group().lower())[:2]):
            return "city office"
    if "loct" in cases and i > 0 and words[i - 1].group().lower() in ("в", "во") and speech("plur"):
        return "seat speaks"
    if "nomn" in cases and speech("sing"):
        return "capital speaks"
    return "other"


def main() -> None:
    ap = sample_arguments(__doc__.split("\n")[0], sample=100_000, seed=1)
    ap.add_argument("--tune", action="store_true", help="the tune half's gold articles too")
    ap.add_argument("--show", nargs="*", default=[], help=f"print examples of these readings: {', '.join(READINGS)}")
    ap.add_argument("--examples", type=int, default=10)
    args = ap.parse_args()
    paths = [args.corpora / rel for rel in sampled_articles(args)]
    if args.tune:
        paths += [corpus_path(e["file"], args.corpora) for e in entries(CORPUS_FILES, "tune")]
    verbs = lex.speech_verbs()
    tally: dict[str, Counter] = defaultdict(Counter)
    texts: Counter = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    adjectives: Counter = Counter()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        kind = "covid-19 pages" if "/covid-19/" in str(path) else "other texts"
        adjectives[kind] += len(CITY_ADJECTIVE.findall(text))
        words = list(WORD.finditer(text))
        seen = set()
        for i, m in enumerate(words):
            if not m.group()[:1].isupper():
                continue
            capital = countries.capital_country(m.group())
            if capital is None:
                continue
            r = reading(words, i, text, verbs)
            tally[kind][r] += 1
            seen.add(r)
            if r in args.show and len(shown[r]) < args.examples:
                shown[r].append(f"{path.name}: …{text[max(0, m.start() - 70):m.end() + 50]}…".replace("\n", " "))
        for r in seen:
            texts[(kind, r)] += 1
    print(f"{len(paths)} texts; each capital's mention by its first fitting reading (texts holding one)")
    print("| texts | " + " | ".join(READINGS) + " |")
    print("|---|" + "---|" * len(READINGS))
    for kind in sorted(tally):
        print(f"| {kind} | " + " | ".join(f"{tally[kind][r]} ({texts[(kind, r)]})" for r in READINGS) + " |")
    print("the city's adjective with a noun of government or office: "
          + ", ".join(f"{kind} {n}" for kind, n in sorted(adjectives.items())))
    for r in args.show:
        print(f"\n{r}:")
        for line in shown[r]:
            print("  " + line)


if __name__ == "__main__":
    main()
