"""The world's countries as Russian news names them (countries.tsv) and their capitals
(capitals.tsv): which country a word or phrase names, in any case ("Венгрии", "венгерского",
"Южной Кореи", "США"), for the organisations' keys (orgs.py), a role's country ("премьер-министр
Венгрии", names.py and quotes/participants.py) and a capital that speaks for its government.

A country's or capital's name counts only when written with a capital letter: "того", "чад",
"перу", "вена", "рига" are common words. An adjective counts in either case ("Британский премьер").
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicons as lex
from .nlp import parse

WORD_RE = re.compile(r"[^\W_]+(?:[-‐'’][^\W_]+)*")


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=None)
def rows() -> tuple[tuple[str, ...], ...]:
    """countries.tsv's rows: the country's name, then its other names and adjectives."""
    return tuple(tuple(ln.split("\t")) for ln in lex.data_lines("countries.tsv"))


@lru_cache(maxsize=None)
def capitals() -> dict[str, str]:
    """capitals.tsv: a capital as written -> its country's name."""
    return {capital: country for capital, country in lex.data_table("capitals.tsv")}


def _forms(word: str) -> frozenset[str]:
    """A word as written and every analysis' normal form, folded ("Ливана" reads first as a
    woman's name, "Южной" is "южный")."""
    low = _fold(word)
    return frozenset([low, *(_fold(p.normal_form) for p in parse(low))])


@lru_cache(maxsize=None)
def _tables() -> tuple[dict[tuple[str, ...], str], dict[str, str], dict[str, frozenset[str]]]:
    """(a name's folded words -> country, a folded adjective -> country, a form of a word of a
    country's or capital's name -> the folded words it may be)."""
    names, adjectives, words = {}, {}, {}
    for row in rows():
        for alias in row:
            if alias.islower():
                adjectives[_fold(alias)] = row[0]
            else:
                names[tuple(map(_fold, WORD_RE.findall(alias)))] = row[0]
    for place in lex.data_lines("country_lookalikes.txt"):
        names[tuple(map(_fold, WORD_RE.findall(place)))] = None  # read as a whole, naming no country
    for w in {w for key in names for w in key} | {_fold(w) for c in capitals() for w in WORD_RE.findall(c)}:
        # its forms as a place too: "Банжуле" reads back to another normal form; a word the analyser
        # knows as a place is one in no other reading ("Ханой" is no form of the name "Хана", whose
        # normal form "Хан" shares)
        geox = [p for p in parse(w) if "Geox" in p.tag]
        places = {_fold(f.word) for p in geox for f in p.lexeme}
        for form in (places or _forms(w)) | {w}:
            words.setdefault(form, set()).add(w)
    return names, adjectives, {form: frozenset(ws) for form, ws in words.items()}


@lru_cache(maxsize=20_000)
def _name_words(word: str) -> frozenset[str]:
    """The words of a country's or capital's name this word may be a form of ("Венгрии" ->
    {"венгрия"}, "Южной" -> {"южная"})."""
    table = _tables()[2]
    return frozenset(w for form in _forms(word) for w in table.get(form, ()))


@lru_cache(maxsize=100_000)
def _adjective(word: str) -> str | None:
    adjectives = _tables()[1]
    low = _fold(word)
    if low in adjectives:
        return adjectives[low]
    return next((adjectives[nf] for nf in (_fold(p.normal_form) for p in parse(low)[:2]) if nf in adjectives), None)


def _longest(words: list[str], i: int, names: dict[tuple[str, ...], str | None]) -> tuple[int, str | None] | None:
    """The longest key of `names` the words from i on may spell (the first one capitalised), as
    (how many words, its value: None for a look-alike place)."""
    if not words[i][:1].isupper():
        return None
    longest = max(map(len, names))
    prefixes = {()}
    best = None
    for k, w in enumerate(words[i:i + longest]):
        prefixes = {p + (c,) for p in prefixes for c in _name_words(w)}
        if not prefixes:
            break
        hit = next((p for p in prefixes if p in names), None)
        if hit is not None:
            best = (k + 1, names[hit])
    return best


def country_at(words: list[str], i: int) -> tuple[int, str | None] | None:
    """The country that the words from i on start naming, as (how many words, the country's
    name): the longest of its names (the first word capitalised: "Южной Кореи", "Боснии и
    Герцеговины"), or one adjective ("британского"); (how many words, None) for a place that
    only looks like one ("Северной Ирландии")."""
    best = _longest(words, i, _tables()[0])
    if best is not None:
        return best
    country = _adjective(words[i])
    return (1, country) if country is not None else None


@lru_cache(maxsize=100_000)
def countries_named(text: str) -> frozenset[str]:
    """Every country a phrase names ("бывший премьер-министр Венгрии" -> {"Венгрия"})."""
    words = WORD_RE.findall(text)
    out, i = set(), 0
    while i < len(words):
        hit = country_at(words, i)
        if hit is None:
            i += 1
            continue
        if hit[1] is not None:
            out.add(hit[1])
        i += hit[0]
    return frozenset(out)


@lru_cache(maxsize=100_000)  # a function of the text alone, asked of every word of a mention
def country_of(text: str) -> str | None:
    """The country a word or a whole name stands for ("КНР", "китайский", "России", "Южной
    Кореи" -> Китай, Китай, Россия, Южная Корея); None for anything else."""
    words = WORD_RE.findall(text)
    if not words:
        return None
    hit = country_at(words, 0)
    return hit[1] if hit is not None and hit[0] == len(words) else None


def capital_country(text: str) -> str | None:
    """The country whose capital this capitalised name is, in any case ("Париже" -> Франция)."""
    words = WORD_RE.findall(text)
    hit = _longest(words, 0, _capital_keys()) if words else None
    return hit[1] if hit is not None and hit[0] == len(words) else None


@lru_cache(maxsize=None)
def _capital_keys() -> dict[tuple[str, ...], str]:
    return {tuple(map(_fold, WORD_RE.findall(c))): country for c, country in capitals().items()}


def government_of(name: str) -> str | None:
    """The country whose government a speaker's name stands for: its capital ("Париж"), the
    country itself ("Франция"), or its government named by a noun of government_nouns.txt
    ("власти Франции", "французское правительство"); None for any other name."""
    words = WORD_RE.findall(name)
    if not words:
        return None
    country = capital_country(name) or country_of(name)
    if country is not None:
        return country
    if len(words) < 2:
        return None
    nouns = lex.government_nouns()
    if any(p.normal_form in nouns for p in parse(words[0].lower())):
        return country_of(" ".join(words[1:]))
    if any(p.normal_form in nouns for p in parse(words[-1].lower())):
        return country_of(" ".join(words[:-1]))
    return None


def city_government_of(name: str) -> str | None:
    """The capital (as capitals.tsv writes it) whose own government a speaker's name is: a noun of
    government_nouns.txt governing the capital in the genitive ("власти Москвы", "мэрия Москвы",
    "правительство Москвы"). That is the city, not the country the capital alone stands for ("В
    Москве заявили", `government_of`); None for anything else (a city's department or office is a
    body of its own: "Оперштаб Москвы")."""
    words = WORD_RE.findall(name)
    if len(words) < 2 or not any(p.normal_form in lex.government_nouns() for p in parse(words[0].lower())):
        return None
    capital = _capital_at(words, len(words) - 1)
    if capital is None or len(_fold(capital).split()) != len(words) - 1:
        return None
    return capital if any("gent" in p.tag for p in parse(words[-1].lower())) else None


def _capital_at(words: list[str], i: int) -> str | None:
    """The capital the word at i (or the name ending there) is a form of, as capitals.tsv writes it."""
    names = _capital_names()
    for n in range(min(3, i + 1), 0, -1):
        hit = _longest(words, i - n + 1, names)
        if hit is not None and hit[0] == n:
            return hit[1]
    return None


@lru_cache(maxsize=None)
def _capital_names() -> dict[tuple[str, ...], str]:
    return {tuple(map(_fold, WORD_RE.findall(c))): c for c in capitals()}
