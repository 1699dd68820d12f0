"""One key per organisation, whatever name a text gives it: "МИД РФ", "МИД России",
"Министерство иностранных дел России" and "российский МИД" share one, as do
"ЕК", "Еврокомиссия" and "Европейская комиссия", «Газпром» and ПАО «Газпром».

The key is the name's lemmas with a country's abbreviation, genitive or adjective
folded to the country (countries.tsv) and a body's long or short names folded to
one (org_aliases.tsv). Abbreviations the document itself spells out are the
entities stage's job (`abbreviation_of`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import countries
from . import lexicons as lex
from .lemmas import lemma

WORD_RE = re.compile(r"[^\W_]+(?:[-‐.][^\W_]+)*")
# words that an abbreviation leaves out: "Европейский суд по правам человека" -> ЕСПЧ
SKIPPED_IN_ABBREVIATIONS = frozenset(("и", "по", "в", "во", "на", "для", "о", "об", "при", "за"))


def _words(name: str) -> list[str]:
    name = re.sub(r"\s*\([^()]*\)\s*$", "", name) or name  # "Еврокомиссия (ЕК)": the gloss repeats it
    words = WORD_RE.findall(name.replace("ё", "е").replace("Ё", "Е"))
    while len(words) > 1 and lemma(words[0].lower()) in lex.legal_forms():
        words = words[1:]  # ПАО «Газпром» is Газпром
    return words


def _lemmas(name: str) -> tuple[str, ...]:
    return tuple(lemma(w.lower()) for w in _words(name))


@lru_cache(maxsize=None)
def _country_keys() -> dict[str, str]:
    """A country's name -> its part of a key (its name's lemmas: "сша", "южный корея")."""
    return {row[0]: " ".join(_lemmas(row[0])) for row in countries.rows()}


def _fold_countries(name: str) -> tuple[str, ...]:
    """The name's lemmas, each country's name, abbreviation or adjective folded to the country."""
    words, keys = _words(name), _country_keys()
    out, i = [], 0
    while i < len(words):
        hit = countries.country_at(words, i)
        if hit is not None and hit[1] is not None:
            out.append(keys[hit[1]])
            i += hit[0]
        else:  # a word, or a place that only looks like a country ("Северной Ирландии"), as its lemmas
            n = hit[0] if hit is not None else 1
            out.extend(lemma(w.lower()) for w in words[i:i + n])
            i += n
    return tuple(out)


@lru_cache(maxsize=None)
def _aliases() -> dict[tuple[str, ...], tuple[str, ...]]:
    table = {}
    for names in lex.org_aliases():
        canon = _fold_countries(names[0])
        for name in names:
            table[_fold_countries(name)] = canon
    return table


@lru_cache(maxsize=100_000)
def org_key(name: str) -> str:
    """The organisation's key: its name's lemmas, countries and known bodies folded.
    The longest known name at the start of the name is replaced ("Министерство
    финансов США" -> "минфин сша")."""
    lemmas = _fold_countries(name)
    if not lemmas:
        return " ".join(name.lower().split())
    # "российский МИД": a country adjective before the body goes after it
    known = set(_country_keys().values())
    if len(lemmas) > 1 and lemmas[0] in known and lemmas[1] not in known:
        lemmas = lemmas[1:] + lemmas[:1]
    aliases = _aliases()
    for n in range(len(lemmas), 0, -1):
        hit = aliases.get(lemmas[:n])
        if hit is not None:
            lemmas = hit + lemmas[n:]
            break
    return " ".join(lemmas)


@lru_cache(maxsize=None)
def _bodies() -> frozenset[str]:
    return frozenset(" ".join(v) for v in _aliases().values())


def is_known_body(name: str) -> bool:
    """Is this one of the bodies the alias table lists (ЕС, Евросоюз, Европейский союз,
    СНГ, Еврокомиссия …), in any of its names? NER tags some of them as places."""
    return org_key(name) in _bodies()


def initials(name: str) -> str:
    """The abbreviation a name's words make: "Европейский суд по правам человека" -> ЕСПЧ."""
    return "".join(w[0] for w in WORD_RE.findall(name) if w.lower() not in SKIPPED_IN_ABBREVIATIONS).upper()


def is_abbreviation(text: str) -> bool:
    return bool(re.fullmatch(r"[А-ЯЁA-Z]{2,6}", text))


def seat_name(name: str) -> str | None:
    """A seat of government that speaks for it (seats.txt), in any case or capitalisation
    ("Даунинг-Стрит", "Белого дома"), as the list writes it; None for any other name."""
    return _seats().get(org_key(name))


def is_seat(name: str) -> bool:
    return seat_name(name) is not None


@lru_cache(maxsize=None)
def _seats() -> dict[str, str]:
    return {org_key(s): s for s in lex.seats()}
