"""Count the constructions that make a document, data or a publication the source of a report
(issue 14, twenty-seventh session, wt-docsrc27; docs/evaluation.md), over every raw text of the
shared corpora (`survey_quotes.corpus_texts`), by article kind: U unannotated, T tune, B blind.

    python eval/survey_document_sources.py [--corpora ../shared/corpora] [--show NAME ...] [--examples]

Each construction is a regular expression over the text (whitespace folded), its noun checked
against the lexicons through pymorphy (a document noun: document_nouns.txt and site_nouns.txt; a
finding source: lexicons.finding_sources). --examples prints each unannotated and tune place with
its words around it, to read against what citata gives; a blind article's places are counted, never
printed.
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

from citata import lexicons as lex  # noqa: E402
from citata.nlp import morph  # noqa: E402
from survey_colons import kinds  # noqa: E402
from survey_quotes import corpus_texts  # noqa: E402

W = r"[А-ЯЁа-яёA-Za-z-]+"
WINDOW = r"(?:[А-ЯЁа-яёA-Za-z-]+\s+){0,2}[А-ЯЁа-яёA-Za-z-]+"  # the noun is the first of these words that is one
IMPERSONAL = r"(?:говорится|указывается|сказано|указано|отмечается|сообщается|уточняется|подчеркивается|утверждается)"
FINDING_VERB = r"(?:свидетельству(?:ют|ет)|показыва(?:ют|ет)|говор(?:ят|ит))"
PASSIVE = r"(?:подтверждено|заявлено|указано|установлено|объявлено|сообщено|отмечено|доказано|выявлено|сказано)"

# name -> (pattern, the group holding the noun to class, what the noun must be: doc, finding, any)
CONSTRUCTIONS = {
    "согласно + document": (r"\b[Сс]огласно\s+(?:[а-яё]+(?:ому|ему|ой|ей|ым|им)\s+){0,2}(" + W + ")", 1, "doc"),
    "согласно + finding source": (r"\b[Сс]огласно\s+(?:[а-яё]+(?:ому|ему|ой|ей|ым|им)\s+){0,2}(" + W + ")", 1, "finding"),
    "согласно + document, no comma, before a quotation": (
        r"[-–—,]\s+[Сс]огласно\s+(" + W + r")\s+[^,.]{0,40}?\s[«\"]", 1, "doc"),
    "по + source noun (по данным, по опросам, по оценкам …)": (
        r"\b[Пп]о\s+(?:[а-яё]+(?:ым|им)\s+){0,2}(данным|опросам|оценкам|подсчетам|расчетам|исследованиям|сведениям"
        r"|информации)\b", 1, "any"),
    "по + source noun after a dash, no comma": (
        r"[-–—]\s+по\s+(данным|опросам|оценкам|подсчетам|расчетам|сведениям|информации)\s+" + W + r"\s+(?!,)", 1, "any"),
    "…, finding verb + finding source (inverted)": (r",\s+" + FINDING_VERB + r"\s+(" + WINDOW + ")", 1, "finding"),
    "Об этом + finding verb + finding source": (r"\b[Оо]б этом\s+(?:же\s+|также\s+)?" + FINDING_VERB
                                               + r"\s+(" + WINDOW + ")", 1, "finding"),
    "document or data + свидетельствует/говорит о том, что": (
        r"\b(" + W + r")\s+(?:[а-яё]+\s+){0,3}" + FINDING_VERB + r"\s+о\s+том,\s+что", 1, "doc or finding"),
    "в/на + document + impersonal cue": (
        r"\b[ВвНн]а?\s+(?:[а-яё]+(?:ом|ем|ой|ей|ых|их)\s+){0,2}(" + W + r")\s+(?:[^.]{0,60}?\s)?" + IMPERSONAL + r"\b", 1,
        "doc"),
    "как + passive cue + instrumental agent": (r"\b[Кк]ак\s+(?:и\s+)?" + PASSIVE + r"\s+(" + W + r"(?:ами|ями|ом|ем))\b", 1,
                                               "ablt"),
    "instrumental agent + passive cue, что": (r"\b(" + W + r"(?:ами|ями|ом|ем|ой|ей))\s+(?:[а-яё]+\s+){0,2}?" + PASSIVE
                                             + r"\s*,\s*что", 1, "ablt"),
    "на сайте / портале + passive participle (названы, указаны …)": (
        r"\b[Нн]а\s+(?:[а-яё]+(?:ом|ем|ой|ей)\s+){0,2}(сайте|портале|странице)\s+(?:[^.]{0,80}?\s)?(?:названы|указаны"
        r"|перечислены|приведены|опубликованы|приводятся|перечисляются)\b", 1, "any"),
    "появилось сообщение / дополнение / информация": (
        r"\b(?:появил(?:ось|ась|ся|ись))\s+(?:[а-яё]+\s+){0,2}(сообщени\w+|заявлени\w+|информаци\w+|дополнени\w+"
        r"|объявлени\w+)\b", 1, "any"),
    "приводит X выдержку / цитату из + document": (
        r"\b(?:привод(?:ит|ят)|цитиру(?:ет|ют))\s+(?:\S+\s+){0,4}?(?:выдержк\w*|цитат\w*|фрагмент\w*|отрыв\w*)\s+из\s+("
        + W + ")", 1, "doc"),
    "в/на + participle clause + document (в полученном РИА Новости документе)": (
        r"\b[ВвНн]а?\s+([а-яё]+(?:ом|ем|ой|ей|ых|их))\s+([^,.;:«»\"]{0,80})", 0, "participle+doc"),
    "по данным / согласно + его/её/их + document or finding": (
        r"\b(?:[Пп]о данным|[Пп]о результатам|[Сс]огласно)\s+(?:его|ее|её|их)\s+(" + WINDOW + ")", 1, "doc or finding"),
}


def _normal_forms(word: str, pos: str | None = "NOUN", case: str | None = None) -> set[str]:
    return {p.normal_form.replace("ё", "е") for p in morph().parse(word.lower())[:3]
            if (pos is None or p.tag.POS == pos) and (case is None or case in p.tag)}


def _first_noun(words: str, case: str | None = None) -> str:
    """The first word of `words` that reads as a noun (in `case`) and not first as an adjective
    ("данные" first reads as a participle, "последние" as an adjective), or the first word."""
    split = words.split()
    return next((w for w in split if morph().parse(w.lower())[0].tag.POS != "ADJF" and any(
        p.tag.POS == "NOUN" and (case is None or case in p.tag) for p in morph().parse(w.lower())[:3])),
        split[0] if split else "")


def fits(m: re.Match, group: int, want: str, docs: set[str], findings: set[str]) -> bool:
    """Does the place's noun fit what the construction asks for?"""
    if want == "any":
        return True
    if want == "participle+doc":
        return any(p.tag.POS == "PRTF" and "loct" in p.tag for p in morph().parse(m.group(1))[:2]) and \
            bool(_normal_forms(_first_noun(m.group(2), "loct"), case="loct") & docs)
    forms = _normal_forms(_first_noun(m.group(group)), case="ablt" if want == "ablt" else None)
    if want == "ablt":
        return bool(forms)
    if want == "doc":
        return bool(forms & docs)
    if want == "finding":
        return bool(forms & findings)
    return bool(forms & (docs | findings))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--show", nargs="*", default=None, help="print the places of these constructions only")
    ap.add_argument("--examples", action="store_true", help="print each unannotated and tune place")
    args = ap.parse_args()
    docs = {w.replace("ё", "е") for w in lex.document_nouns() | lex.site_nouns()}
    findings = {w.replace("ё", "е") for w in lex.finding_sources()}
    article_kind = kinds()
    tally: Counter = Counter()
    compiled = {name: (re.compile(rx), g, want) for name, (rx, g, want) in CONSTRUCTIONS.items()}
    for rel in corpus_texts(args.corpora):
        kind = article_kind.get(rel, "U")
        text = re.sub(r"\s+", " ", (args.corpora / rel).read_text(encoding="utf-8", errors="replace"))
        for name, (rx, group, want) in compiled.items():
            for m in rx.finditer(text):
                if not fits(m, group, want, docs, findings):
                    continue
                tally[name, kind] += 1
                if args.examples and kind != "B" and (args.show is None or name in args.show):
                    print(f"{name} [{kind}] {rel}: …{text[max(0, m.start() - 120):m.end() + 100]}…")
    print("| construction | unannotated | tune | blind |\n|---|---:|---:|---:|")
    for name in CONSTRUCTIONS:
        print(f"| {name} | {tally[name, 'U']} | {tally[name, 'T']} | {tally[name, 'B']} |")


if __name__ == "__main__":
    main()
