"""Persons within one document: mentions grouped by surname, the fullest name in
the nominative, gender and roles ("министр иностранных дел РФ Сергей Лавров")."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicons as lex
from .countries import countries_named, country_of
from .nlp import Entity, parse
from .orgs import is_known_body, org_key

APOSTROPHES = re.compile(r"['’`ʼ]")
WORD_RE = re.compile(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*|\d+|\S")
NAME_TAGS = frozenset(("Name", "Surn", "Patr"))  # pymorphy's grammemes of a person's name
# pymorphy's grammatical gender -> a person's sex as citata writes it, and back
SEX_OF_GENDER = {"masc": "m", "femn": "f"}
GENDER_OF_SEX = {"m": "masc", "f": "femn"}


# The usual Russian renderings of one foreign sound folded together: е/э/йе (Йенс,
# Енс), л/ль (Шольц, Шолц), doubled consonants (Гренелл, Гренел), Х/Г for H (Харри,
# Гарри), Ж/Х for J (Жозеп, Хосеп), -ей/-ай (Мэй, Май), and Latin look-alike letters
# typed into Cyrillic words. Looser than an exact spelling, so a name joins another by
# it only when its first name or role agrees too.
TRANSLIT = str.maketrans({"ё": "е", "э": "е", "й": "и", "ы": "и", "з": "с", "ж": "х", "г": "х", "ь": None,
                          "ъ": None, "'": None, "’": None, "`": None, "ʼ": None, "o": "о", "a": "а", "e": "е", "c": "с", "p": "р", "x": "х", "k": "к",
                          "y": "у"})


def translit_key(word: str | None) -> str | None:
    if not word:
        return word
    key = re.sub(r"(?:^|(?<=[аеиоуэ]))йе", "е", word.lower())
    key = re.sub(r"(.)\1+", r"\1", key.translate(TRANSLIT))
    return re.sub(r"аи$", "еи", key)


def vowel_skeleton(key: str) -> str:
    """A transliteration key with each run of vowels after the first letter folded (ризви,
    резви -> рaзва; кюнсберг, кунсберг); the last letter's kind is kept (Иванов / Иванова)."""
    return key[:1] + re.sub(r"[аеиоуыэюя]+", "а", key[1:])


def one_edit(a: str, b: str) -> bool:
    """Do two words differ by one letter typed in, left out or replaced, or two neighbours
    swapped (Ханат / Хант, Ривзи / Ризви, Донсон / Джонсон)?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or a[i + 1:i + 2] == b[i:i + 1] and a[i:i + 1] == b[i + 1:i + 2] \
        and a[i + 2:] == b[i + 2:]


# Latin letters and digraphs as Russian renders them, longest first: a foreign name's Latin spelling
# read as Russian letters ("Pfizer" -> "пфизер"), for `spells_latin`'s loose comparison
LATIN_TO_RUSSIAN = sorted({
    "sch": "ш", "tsch": "ч", "ch": "ч", "sh": "ш", "ph": "ф", "th": "т", "zh": "ж", "kh": "х", "ts": "ц",
    "tz": "ц", "ck": "к", "qu": "кв", "j": "дж", "x": "кс", "w": "в", "q": "к", "y": "и", "c": "к",
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "k": "к", "l": "л",
    "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "z": "з"}.items(),
    key=lambda kv: -len(kv[0]))


def latin_reading(latin: str) -> str:
    """"BioNTech" -> "бионтеч": Latin letters as Russian ones, digraphs first (other characters dropped)."""
    out, i, w = [], 0, latin.lower()
    while i < len(w):
        for a, b in LATIN_TO_RUSSIAN:
            if w.startswith(a, i):
                out.append(b)
                i += len(a)
                break
        else:
            i += 1
    return "".join(out)


def consonant_skeleton(word: str) -> str:
    """The consonants of a word's transliteration key, х (an h often left unwritten) dropped and the
    letters one Latin letter is rendered by folded (c, ch, s: к, с, ц, ч, ш; g, j: г, дж, ж; v, w: в, ф)."""
    key = re.sub(r"[аеиоуыэюяйх\W\d]", "", translit_key(word) or "")
    return re.sub(r"дж|ж", "г", re.sub(r"[сцчш]", "к", key)).replace("ф", "в")


def spells_latin(cyrillic: str, latin: str) -> bool:
    """Is a Cyrillic name, in any case ("Пфайзера", "Фольксвагеном"), the Latin one written in Russian
    letters ("Pfizer", "Volkswagen"; "Байонтек" / "BioNTech")? Loose (vowels and doubled letters
    forgiven), so three consonants at least; a translation ("Международная амнистия" / "Amnesty
    International") is not."""
    c, lat = consonant_skeleton(cyrillic.strip(MARK_CHARS)), consonant_skeleton(latin_reading(latin))
    return len(lat) >= 3 and c in (lat, lat + "м")  # (-ом, -ем: the one consonant a case ending adds)


# with fewer, unrelated names share a key: "Фраза" / "Forsa", an organisation "Райнер" / "Ryanair"
SCRIPT_KEY_CONSONANTS = 4
NAME_PARTS = re.compile(r"[^\W\d_]+")
CYRILLIC_LETTER = re.compile(r"[А-ЯЁа-яё]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=100_000)
def script_key(name: str) -> tuple[str, str] | None:
    """An organisation's name as one transliteration key per script: ("cyr" | "lat", the number of its
    words and the consonant skeleton `spells_latin` compares), so that "Пфайзер" and "Pfizer",
    "Франс Пресс" and "France-Presse" written in different articles key alike. None for a name in
    both scripts or none, one with an abbreviation ("НТВ" / "NTV" are letters, not sounds: two
    companies), or one of fewer than four consonants ("Райанэйр" / "Ryanair" are left to an article that
    writes both: an organisation "Райнер" has their three)."""
    name = name.strip(MARK_CHARS)
    cyr, lat = bool(CYRILLIC_LETTER.search(name)), bool(LATIN_LETTER.search(name))
    parts = NAME_PARTS.findall(name)
    if cyr == lat or not parts or any(len(w) > 1 and w.isupper() for w in parts):
        return None
    key = consonant_skeleton(name) if cyr else consonant_skeleton(latin_reading(name))
    if len(key) < SCRIPT_KEY_CONSONANTS:
        return None
    return ("cyr" if cyr else "lat", f"{len(parts)}:{key}")


def near_keys(key: str) -> set[str]:
    """A key and the key less each one of its letters: two keys one letter typed in, left out,
    replaced or swapped with its neighbour apart share one of these."""
    return {key, *(key[:i] + key[i + 1:] for i in range(len(key)))}


class SpellingVariants:
    """A document's surname keys, looked up by a bare surname written no other way in it:
    the one key it is another spelling of — a transliteration (Рабб / Рааб), other vowels
    (Кунссберг / Кюнсберг) or one letter typed wrong (Ханат / Хант, Ривзи / Ризви). Not for
    a word the dictionary knows as a name, nor for short ones (Хан / Хант). Indexed by each
    key with one letter left out, so a lookup compares only near keys."""

    def __init__(self, surnames):
        self._near: dict[str, set[str]] = {}
        for s in surnames:
            key = translit_key(s)
            if len(s) < 4 or not key:
                continue
            for k in near_keys(key) | {vowel_skeleton(key)}:
                self._near.setdefault(k, set()).add(s)

    def find(self, word: str) -> str | None:
        if len(word) < 4 or not word[:1].isupper() or _known_name_parses(word):
            return None
        key = translit_key(stem_key(word))
        near = set().union(*(self._near.get(k, ()) for k in near_keys(key) | {vowel_skeleton(key)}))
        hits = [s for s in near if (other := translit_key(s)) == key or vowel_skeleton(other) == vowel_skeleton(key)
                or min(len(other), len(key)) >= 4 and one_edit(other, key)]
        return hits[0] if len(hits) == 1 else None


def same_first_name(a: str, b: str) -> bool:
    """First names (or their stems, "йен" / "енс") that are renderings of one name;
    an initial agrees with a name it starts."""
    ta, tb = translit_key(a), translit_key(b)
    if len(ta) == 1 or len(tb) == 1:
        return ta[0] == tb[0]
    return len(ta) >= 2 and len(tb) >= 2 and (ta.startswith(tb) or tb.startswith(ta))


@dataclass
class Person:
    key: str
    mentions: list[Entity] = field(default_factory=list)
    first: str | None = None  # first-name stem, when a full name was seen
    name: str = ""
    gender: str | None = None  # m | f
    role: str | None = None
    roles: list[str] = field(default_factory=list)
    family: bool = False  # a family in the plural ("Скрипалей" beside "Сергей Скрипаль")


def family_plural(word: str, surnames, after_family_noun: bool) -> str | None:
    """The nominative plural of a bare surname written in the plural ("Скрипалей",
    "Трампам") when the document names a person by its singular (one of `surnames`,
    name keys of full names) or a family noun stands before it ("семьи Скрипалей"):
    "Скрипали", "Трампы"."""
    if not word[:1].isupper() or word.isupper() or "-" in word:
        return None
    for p in parse(word)[:1]:  # the likeliest reading only
        if p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case != "nomn" \
                and (after_family_noun or name_key(_recase(word, p.normal_form)) in surnames):
            inflected = p.inflect({"nomn", "plur"})
            if inflected is not None:
                return _recase(word, inflected.word)
    return None


# Memoised: the same names and words recur across an archive's documents.
@lru_cache(maxsize=200_000)
def _lemma_key(word: str) -> str:
    ps = parse(word)
    for p in ps:
        if any(t in p.tag for t in ("Surn", "Name")):
            return p.normal_form.replace("ё", "е")
    for p in ps:
        if p.tag.POS == "NOUN":
            return p.normal_form.replace("ё", "е")
    return word.lower().replace("ё", "е")


# --- a name's case, read jointly over its words -------------------------------
#
# pymorphy guesses unknown foreign names as Russian words ("Корбин" a genitive plural,
# "Шольца" the genitive of "Шолец"). A name's words share one case and gender, so each
# word gives the readings (gender, case) it allows, with a weight: dictionary names
# and surnames by their parses, other words by the endings of the declension a
# foreign name follows in Russian (a consonant-final man's name declines: Рааб,
# Рааба, Раабу, Раабом, Раабе; a woman's does not; -и/-о/-у/-э/-е names do not).

CASES = ("nomn", "gent", "accs", "datv", "ablt", "loct")
ANY = "*"  # an indeclinable word fits every reading
VOWELS = "аеёиоуыэюя"
SIBILANTS = "жшчщц"


def _known_name_parses(word: str) -> list:
    # singular only: "Май" is not the genitive plural of Майя
    return [p for p in parse(word) if p.is_known and p.tag.POS == "NOUN" and NAME_TAGS & p.tag.grammemes
            and p.tag.number != "plur"]


def _woman_name_dative(word: str) -> list:
    """The dative and locative readings of a woman's first name in -а whose -е form the dictionary
    also holds as an indeclinable name ("Анне" of Анна, "Ангеле" of Ангела: "врачу Анне Соколовой",
    "канцлеру Германии Ангеле Меркель"); empty for any other word."""
    if not word.endswith("е"):
        return []
    known = _known_name_parses(word)
    if not any("Fixd" in p.tag for p in known):
        return []
    return [p for p in known if "Fixd" not in p.tag and "Name" in p.tag and p.tag.gender == "femn"
            and p.tag.case in ("datv", "loct") and p.normal_form == word[:-1].lower() + "а"]


INITIAL_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,2}\.|(?<![^\W\d_])[^\W\d_](?![^\W\d_])")


def spelled_out(text: str) -> tuple[int, int]:
    """How fully a mention writes a name: its words that are no initial, then all its words.
    "Дэвида Дэвиса" (2, 2) is fuller than "Д.Дэвис" (1, 2), "Владимир Путин" than "В.В. Путин"."""
    words = split_words(text)
    return len(words) - len(INITIAL_RE.findall(text)), len(words)


def _first_and_patronymic(text: str) -> bool:
    """"Алла Николаевна", "Евгений Юрьевич": a first name and a patronymic, no surname."""
    words = split_words(text)
    return len(words) == 2 and any("Name" in p.tag for p in _known_name_parses(words[0])) \
        and any("Patr" in p.tag for p in _known_name_parses(words[1]))


ADJ_SURNAME = re.compile(r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)$")


def _adjectival_surname(word: str) -> list:
    """The adjective parses of a capitalised -ский/-цкий word the dictionary does not know
    as a name (Зеленского, Качиньской); known surnames (Жириновского) keep their own."""
    if not word[:1].isupper() or not ADJ_SURNAME.search(word.lower()) or _known_name_parses(word):
        return []
    # a person is animate: "Камский" is no accusative (that is "Камского")
    return [p for p in parse(word) if p.tag.POS == "ADJF" and p.tag.number == "sing"
            and p.tag.gender in ("masc", "femn") and p.tag.case and not ("inan" in p.tag and p.tag.case == "accs")]


@lru_cache(maxsize=200_000)
def name_readings(word: str) -> dict[tuple[str, str], float]:
    """(gender, case) -> weight for one capitalised word of a person's name;
    (ANY, ANY) for a word that fits any reading."""
    low = word.lower().replace("ё", "е")
    if "-" in low:
        head, tail = word.split("-", 1)[0], word.rsplit("-", 1)[1]
        if tail.islower() and head[:1].isupper():
            # "Трампа-младшего": the adjective after the name says its case
            cases = {p.tag.case for p in parse(tail) if p.tag.POS == "ADJF" and p.tag.number == "sing"}
            if cases:
                return {k: w for k, w in name_readings(word.rsplit("-", 1)[0]).items()
                        if k[1] in cases or k[1] == ANY} or {(ANY, ANY): 1.0}
        if tail[:1].isupper() and head[:1].isupper() and len(head) > 2 and \
                name_readings(tail) == {(ANY, ANY): 1.0}:
            # "Азию-Биби": a name joined to an indeclinable one; the first part carries the case
            return name_readings(head)
        low = low.rsplit("-", 1)[1]  # "Рис-Могга": the last part declines
    out: dict[tuple[str, str], float] = {}

    def add(g: str, c: str, w: float) -> None:
        out[g, c] = max(out.get((g, c), 0.0), w)

    if len(low) < 3 or not low.isalpha():
        return {(ANY, ANY): 1.0}  # Ху Цзиньтао, Ли Кэцян, Пан Ги Мун: no case ending
    if len(word) > 3 and FEMININE_IYA.search(low):
        for c in ("gent", "datv", "accs", "ablt", "loct"):
            add("f", c, 1.0)  # Асии, Марию: a name in -ия
        add("m", "gent", 0.5)  # Юрия: a man's name in -ий
        for p in _known_name_parses(word):
            if p.tag.gender == "masc" and p.tag.case in ("datv", "loct"):
                # Юрию, о Юрии: a man's name in -ий; just below a woman's reading, so the
                # surname decides (Юрию Мильнеру, but Асию Биби)
                add("m", p.tag.case, 0.9)
        return out
    adjectival = _adjectival_surname(word)
    if adjectival:
        for p in adjectival:  # Зеленского, Качиньской: a surname that declines as an adjective
            add(SEX_OF_GENDER[p.tag.gender], p.tag.case, 1.0)
        if low.endswith(("ском", "цком")):
            add("m", "ablt", 0.9)  # or a name in -ск, -цк: "с Илоном Маском"
        return out
    if len(word) > 3 and low.endswith("ия"):
        # Асия, Мария: a woman's name; Юрия, Дмитрия: a man's genitive, which the name's other
        # words decide; the dictionary's likelier reading weighs more
        known = _known_name_parses(word)
        if any(p.tag.gender == "femn" and p.tag.case == "nomn" and p.score < 0.1 for p in known) and \
                any(p.tag.gender == "masc" for p in known):
            # the dictionary knows the woman's name but rarely sees it: "Георгия", "Дмитрия"
            add("f", "nomn", 0.5)
            add("m", "gent", 1.0)
            add("m", "accs", 1.0)
            return out
        add("f", "nomn", 1.0)
        add("m", "gent", 0.6)
        add("m", "accs", 0.6)
        return out
    known = _known_name_parses(word)
    dative = _woman_name_dative(word)
    if dative:
        for p in dative:
            add("f", p.tag.case, 1.0)
        add(ANY, ANY, 0.5)  # the indeclinable name the dictionary also knows, rarely meant
        return out
    if known and not word.isupper():
        # a dictionary name may also be a foreign name's case form ("Хана" of Имран Хан)
        for k, w in _ending_readings(low).items():
            out[k] = w / 2
    for p in known:
        genders = ("m", "f") if "ms-f" in p.tag else {"masc": ("m",), "femn": ("f",)}.get(p.tag.gender, ("m", "f"))
        if "Fixd" in p.tag and p.tag.gender == "femn" and low[-1] not in VOWELS and low[-1] != "й" and any(
                q.tag.gender == "masc" and "Fixd" not in q.tag for q in known):
            # "Карлос": the dictionary's indeclinable reading is a woman's; a man's
            # consonant-final name declines, so as written it is his nominative
            add("f", ANY, 0.5)
            continue
        if "Fixd" in p.tag or p.tag.case is None:
            return {(ANY, ANY): 1.0}
        if p.tag.number == "plur":
            continue
        for g in genders:
            add(g, p.tag.case, 1.0)
    return out or _ending_readings(low)


def _ending_readings(low: str) -> dict[tuple[str, str], float]:
    out: dict[tuple[str, str], float] = {}

    def add(g: str, c: str, w: float) -> None:
        out[g, c] = max(out.get((g, c), 0.0), w)

    last, before = low[-1], low[-2]
    if last not in VOWELS and last != "й" or last == "ь":
        add("m", "nomn", 1.0)  # Корбин, Шольц, Скрипаль
        add("f", ANY, 1.0)  # a woman's consonant-final name does not decline: Ангела Меркель
    elif last == "й":
        add("m", "nomn", 0.5 if before == "о" else 1.0)  # -ей/-ай names: Мэй, Май
        if before == "о":
            # -ой: a woman's name in -а (Федерикой), or a man's (Дудой); few foreign names end so
            add("f", ANY, 0.3)
            for c in ("gent", "datv", "ablt", "loct"):
                add("f", c, 0.6)
            add("m", "ablt", 0.5)
        else:
            add("f", ANY, 0.8)  # a woman's -ей/-ай name does not decline: Терезы Мэй, Джоанны Стингрей
    elif last in "ая":
        if before in VOWELS and last == "а":
            add(ANY, ANY, 0.8)  # Андреа, Хоа
        else:
            add("m", "gent", 1.0)  # Рааба, Скрипаля
            add("m", "accs", 1.0)
            add("f", "nomn", 0.5)  # Хоса, Лидса? a woman's or a man's name in -а
            add("m", "nomn", 0.3)  # Раза, Хоса: men's names in -а decline as feminine nouns
    elif last in "ую":
        add("m", "datv", 1.0)  # Нисару, Хусейну
        add("f", "accs", 0.4)
        add(ANY, ANY, 0.5)  # Нетаньяху, Ху
    elif last == "е":
        add(ANY, ANY, 0.8)  # Маргрете, Андре
        add("m", "loct", 0.6)
        add("f", "datv", 0.4)
        add("f", "loct", 0.4)
    elif last == "ы":
        add("f", "gent", 1.0)  # Терезы
        add("m", "gent", 0.6)  # Обамы: a man's name in -а declines as a feminine noun
    else:  # -и, -о, -э: indeclinable (Биби, Ризви, Шидло)
        add(ANY, ANY, 1.0)
    if low.endswith(("ом", "ем", "ым")) and len(low) > 3:
        add("m", "ablt", 1.2)  # Меллоном, Курцем, Поваренкиным
    elif low.endswith("им") and len(low) > 3:
        add("m", "ablt", 0.5)  # Ибрагим, Карим are nominatives
    return out


def _weight(readings: dict, g: str, c: str) -> float:
    return max(readings.get((g, c), 0.0), readings.get((g, ANY), 0.0), readings.get((ANY, c), 0.0),
               readings.get((ANY, ANY), 0.0))


def name_cases(words: list[str]) -> set[str]:
    """The cases a name is likely in, read jointly over its words as `name_reading` reads them (one
    gender for all): those scoring at least half the best case's weight. "Сергея Лаврова" is a
    genitive or accusative (a woman's nominative "Сергея" scores a quarter), "Дмитрий Песков" a
    nominative; an indeclinable name or one pymorphy misreads as a common word ("Рут" a genitive
    plural of "рута") any case."""
    per_word = [name_readings(w) for w in words if w[:1].isupper() and len(w) > 1]
    if not per_word:
        return set()
    scores = {c: max(min(_weight(r, g, c) for r in per_word) for g in ("m", "f")) for c in CASES}
    best = max(scores.values())
    return {c for c, score in scores.items() if score > 0 and score >= best / 2}


def name_reading(words: list[str], gender: str | None = None, subject: bool = False, prior: float = 0.2,
                 cases: frozenset[str] | None = None) -> tuple[str | None, str, float]:
    """The (gender, case) all of a name's words allow with the highest total weight;
    a known gender adds to its readings, ties go to the nominative. `subject`: the
    sentence makes the name its subject ("Сэйдзи Маэхара отметил"), so a nominative
    reading, where there is one, wins. `cases`: those the title before the name allows
    (it agrees with the name: "посол Японии Синдзи Харада", "генерал-лейтенанта Аксары
    Кердпола"), where the name has a reading in one of them."""
    per_word = [name_readings(w) for w in words if w[:1].isupper() and len(w) > 1]
    if not per_word:
        return gender, "nomn", 0.0

    def possible(c: str) -> bool:
        return any(min(_weight(r, g2, c) for r in per_word) > 0 for g2 in ("m", "f"))

    allowed = CASES
    if subject and possible("nomn"):
        allowed = ("nomn",)
    elif cases and any(possible(c) for c in cases if c in CASES):
        allowed = tuple(c for c in CASES if c in cases)
    best = (gender, "nomn", -1.0)
    for g in ("m", "f"):
        for c in allowed:
            ws = [_weight(r, g, c) for r in per_word]
            if min(ws) <= 0:
                continue
            score = sum(ws) + (prior if g == gender else 0.0) + (0.01 if c == "nomn" else 0.0)
            if score > best[2]:
                best = (g, c, score)
    names = [w for w in words if w[:1].isupper() and len(w) > 1]
    if family_first(names):
        # "Ким Чен Ына", "Мун Чжэ Ина": in a Korean name only the last syllable declines, and
        # the family name with it where it shows a case ending ("Кима Чен Ира")
        if len(names[0]) > 3:  # its ending is a case's (family_first)
            return name_reading([names[0], names[-1]], gender, cases=frozenset(CASES) - {"nomn"})
        g, c, score = name_reading(names[-1:], gender)
        if score + len(names) - 1 > best[2]:
            return g, c, score + len(names) - 1
    return best


def family_first(words: list[str]) -> bool:
    """A Korean name of syllables (Ким Чен Ын, Мун Чжэ Ин, Ким Ё Чжон): the family name first."""
    if len(words) < 3 or not all(len(w) <= 4 and w[:1].isupper() for w in words) or \
            not all(len(w) <= 3 for w in words[1:-1]):
        return False
    # "Кима Чен Ира": the family name may take the same case ending as the last syllable
    return len(words[0]) <= 3 or words[0][-1] in "ау" and words[-1][-1] == words[0][-1]


def name_word_nominative(word: str, gender: str | None, case: str) -> str:
    """One word of a name in the nominative, given the name's reading."""
    if case == "nomn" or not word[:1].isupper() or len(word) < 2:
        return word
    head, sep, tail = word.rpartition("-")
    if sep and tail.islower() and head:
        # "Трампа-младшего": the name and the adjective after it
        adj = next((p for p in parse(tail) if p.tag.POS == "ADJF" and p.tag.case == case), None)
        new = adj.inflect({"nomn", "sing", "femn" if gender == "f" else "masc"}) if adj is not None else None
        return name_word_nominative(head, gender, case) + sep + (new.word if new is not None else tail)
    if sep:
        # "Франка-Вальтера": both parts of a first name decline; "Жан-Клода": Жан fits only
        # the nominative, so it stays
        head = "-".join(name_word_nominative(h, gender, case) for h in head.split("-"))
        return head + sep + name_word_nominative(tail, gender, case)
    g = GENDER_OF_SEX.get(gender or "")
    for p in _adjectival_surname(word):
        if p.tag.case == case and (g is None or g == p.tag.gender):
            inflected = p.inflect({"nomn", "sing", p.tag.gender})
            if inflected is not None:
                return _recase(word, inflected.word)  # Зеленского -> Зеленский
    for p in _woman_name_dative(word) or _known_name_parses(word):
        if p.tag.case == case and (g is None or g in p.tag or "ms-f" in p.tag):
            inflected = p.inflect({"nomn", "sing"})
            if inflected is not None:
                return _recase(word, inflected.word)
    if not name_readings(word).get((gender or "m", case)):
        return word  # it fits this reading only as an indeclinable word (Биби, Меркель)
    low = word.lower()
    if FEMININE_IYA.search(low) and len(word) > 3:
        return FEMININE_IYA.sub("ия", word)
    if gender == "f" or case == "gent" and low.endswith("ы"):
        for end in ("ой", "ей", "ы", "у", "е"):
            if low.endswith(end) and len(low) > len(end) + 2:
                return word[:-len(end)] + "а"
        return word
    if case == "ablt" and low.endswith("ой") and len(low) > 4:
        return word[:-2] + "а"  # Анджеем Дудой: a man's name in -а
    if case == "ablt" and low.endswith(("ом", "ем", "ым")):
        stem = word[:-2]
    elif case in ("gent", "accs", "datv", "loct") and low[-1] in "ауяюе":
        stem = word[:-1]
    elif case == "ablt" and low.endswith("им"):
        stem = word[:-2]
    else:
        return word
    if low[-1] in "яю" or low.endswith("ем") and stem[-1:].lower() not in SIBILANTS:
        # Скрипаля -> Скрипаль, Андрея -> Андрей
        return stem + ("й" if stem[-1:].lower() in VOWELS else "ь")
    return stem


def _recase(original: str, word: str) -> str:
    """`word` with the capitals of `original`, part by hyphenated part: Нью-Йорк; no ё
    where the writer wrote none (Объединенные)."""
    if "ё" not in original.lower():
        word = word.replace("ё", "е").replace("Ё", "Е")
    if original.isupper() and len(original) > 1:
        return word.upper()
    if not original[:1].isupper():
        return word
    src, dst = original.split("-"), word.split("-")
    if len(src) != len(dst):
        return word[:1].upper() + word[1:]
    return "-".join(d[:1].upper() + d[1:] if s[:1].isupper() else d for s, d in zip(src, dst))


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """A key shared by a name word's case forms: the dictionary lemma of a known
    name or surname (Сергея -> сергей, Лаврова -> лавров), otherwise the stem left
    when the foreign declension's endings are cut off (Рааба, Раабом -> рааб;
    Скрипаля, Скрипаль -> скрипал)."""
    known = _known_name_parses(word)
    if known:
        return known[0].normal_form.replace("ё", "е")
    adjectival = _adjectival_surname(word)
    if adjectival:
        return adjectival[0].normal_form.replace("ё", "е")  # Зеленского, Зеленскому -> зеленский
    return stem_key(word)


@lru_cache(maxsize=200_000)
def stem_key(word: str) -> str:
    """The stem a name word keeps when the foreign declension's endings are cut off,
    whatever the dictionary says: "Хана" (a woman's name to the dictionary, and the
    genitive of Имран Хан's surname) -> хан."""
    low = APOSTROPHES.sub("", word.lower().replace("ё", "е"))  # О'Лири, О’Лири, ОЛири
    if not low.isalpha() and "-" not in low:
        return low
    parts = word.split("-")
    if len(parts) == 2 and parts[0][:1].isupper() and parts[1].islower():
        adj = next((p for p in parse(parts[1]) if p.tag.POS == "ADJF"), None)
        if adj is not None:  # "Трампа-младшего", "Трамп-младший"
            return name_key(parts[0]) + "-" + adj.normal_form.replace("ё", "е")
    if len(parts) > 1 and all(parts) and sum(p[:1].isupper() for p in parts) > 1:
        # "Азию-Биби" / "Азия-Биби", "Саифа-ул-Мулука" / "Саиф-ул-Мулук": part by part
        return "-".join(name_key(p) if p[:1].isupper() else p.lower() for p in parts)
    if low[-1] == "и" and low[-2:-1] in "кгхжчшщ" and len(low) > 4:
        return low[:-1]  # Федерики / Федерика: -и for -ы after these letters
    for end in ("ом", "ем", "ым"):
        if low.endswith(end) and len(low) > len(end) + 2:
            stem = low[:-len(end)]
            return stem + "й" if end == "ем" and stem[-1] in VOWELS else stem.rstrip("ь")
    if low[-1:] in "яю" and len(low) > 2 and low[-2:-1] in VOWELS:
        return low[:-1] + "й"  # Мэя -> мэй
    if low[-1:] in "ауяюеы" and len(low) > 2 and low[-2:-1] not in VOWELS:
        low = low[:-1]
    return low.rstrip("ь") or low


def vowel_variant(word: str, name_words) -> str | None:
    """The word among `name_words` that `word` differs from only in its final vowel, where
    that one ends as a nominative does (-а, -я): "Асие" of Асия, an oblique form the
    dictionary reads as another, indeclinable name."""
    low = word.lower()
    if len(low) < 4 or low[-1] not in "еиоуыэю":
        return None
    return next((w for w in name_words if len(w) == len(word) and w[:-1].lower() == low[:-1]
                 and w[-1].lower() in "ая"), None)


# a name's quotation marks, the closing one -> its openings: «Пфайзер», "Пфайзер", “Пфайзер”,
# „Пфайзер“ (outlets write each)
NAME_MARKS = {"»": "«", '"': '"', "”": "“„", "“": "„"}
OPENING_MARKS = "«\"“„"
MARK_CHARS = "«»\"“”„"


def split_words(text: str) -> list[str]:
    return [w for w in WORD_RE.findall(text) if w[0].isalnum()]


def name_words(text: str) -> list[str]:
    """A person's name's words without the lower-case particles between them ("Луис де ла Фуэнте"
    -> Луис, Фуэнте): "де ла Фуэнте" alone is the surname alone, not a first name "де" and a
    surname, so it joins the full name as "Фуэнте" would."""
    particles = lex.word_set("name_particles")
    return [w for w in split_words(text) if w not in particles]


NUMBER_COMPOUND = re.compile(r"\d+-[а-яё]{4,}")  # "87-летнего": a compound adjective opening with digits (not an ordinal's ending, "2-х", "1-го")
INSTRUMENTAL_END = re.compile(r"(?:ом|ем|ой|ей|ым|им)$")


@lru_cache(maxsize=200_000)
def nominative_word(word: str, gender: str | None = None, case: str | None = None,
                    number: str | None = None, place: bool = False) -> str:
    """One word in the nominative. `place`: a place's name, whose readings as a place
    decide where it has one ("Рима" is Рим's genitive, not the name Рима)."""
    if word[:1].isupper() and len(word) > 3 and (FEMININE_IYA.search(word) or word.endswith("ия")) and gender != "m" \
            and number != "plur":  # (a group's plural opening a sentence: "Авиакомпании считают")
        return FEMININE_IYA.sub("ия", word)  # Асию -> Асия (the dictionary lacks many); a man's "Юрия" is "Юрий"
    if word.isupper() and len(word) > 1:
        return word  # an abbreviation: ЕСПЧ, США
    abbr = re.fullmatch(r"([A-ZА-ЯЁ]{2,})-?([а-яё]{1,3})", word)
    if abbr:
        return abbr.group(1)  # "МИДе" -> "МИД"
    ps = parse(word)
    if not ps or not word[0].isalpha():
        return word
    if case is None and not ps[0].is_known and word[-1].lower() not in VOWELS + "йь" and \
            not INSTRUMENTAL_END.search(word.lower()) and any("nomn" in p.tag and "sing" in p.tag for p in ps):
        # an unknown word ending in a consonant, not in an instrumental ending, is as written:
        # "Панджаб", not the genitive plural of a guessed "Панджаба"
        return word
    if place and any("Geox" in p.tag for p in ps):
        ps = [p for p in ps if "Geox" in p.tag]
    if gender == "f" and case is None and word[0].isupper() and word[-1] in "ая":
        return word  # a woman's name in -а is her nominative, not a man's genitive ("Бинковска")
    g = GENDER_OF_SEX.get(gender or "")
    if case is None and any("nomn" in p.tag and ("sing" in p.tag or "Sgtm" in p.tag or number == "plur"
                                                  or p.tag.number is None)
                            and (g is None or g in p.tag or "ms-f" in p.tag or p.tag.gender is None)
                            for p in ps[:3]):
        return word
    cands = [p for p in ps if (case is None or case in p.tag)] or ps
    if gender:
        g = "masc" if gender == "m" else "femn"
        cands = [p for p in cands if g in p.tag or "ms-f" in p.tag] or cands
    best = cands[0]
    if "Fixd" in best.tag or best.tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return word
    want = {"nomn"}
    if number or best.tag.number:
        want.add(number or best.tag.number)
    inflected = best.inflect(want) or best.inflect({"nomn"})
    if inflected is None:
        return word
    return _recase(word, inflected.word)


@lru_cache(maxsize=100_000)
def nominative_phrase(phrase: str, case: str | None = None, number: str | None = None) -> str:
    """Put the head of a noun phrase (leading adjectives and the first noun) in the
    nominative: "госсекретаря США" -> "госсекретарь США"; `number="plur"` keeps a
    group plural ("судьи постановили" -> "судьи"). The adjectives agree with the noun
    ("Европейского совета" -> "Европейский совет", not "Европейское")."""
    tokens = list(re.finditer(r"\S+", phrase))
    if not tokens:
        return phrase
    out = []
    head_done = False
    adjectives = []  # (index in out, core, parses) before the head noun
    for n, m in enumerate(tokens):
        w = m.group()
        core = w.strip(",.:;«»\"“”„()")
        if head_done or not core or not (core[0].isalpha() or NUMBER_COMPOUND.match(core)):
            out.append(w)
            continue
        ps = parse(core)
        pos = ps[0].tag.POS if ps else None
        if case is not None:
            same = [p for p in ps if case in p.tag]
            pos = same[0].tag.POS if same else pos
        if pos == "NOUN" and n + 1 < len(tokens) and _modifies_next(ps, tokens[n + 1].group()):
            pos = "ADJF"  # "Главного разведывательного управления": "главное" is no head here
        if pos in ("ADJF", "PRTF"):
            adjectives.append((len(out), core, ps))
            out.append(w)
        elif core == "и" and adjectives and n + 1 < len(tokens) and \
                any(p.tag.POS == "ADJF" for p in parse(tokens[n + 1].group().strip(",.:;«»\"“”„()"))[:1]):
            out.append(w)  # "Всемирной продовольственной и сельскохозяйственной организации": both modify the noun
        elif pos == "NOUN" and (own := _substantive_head(core, ps, adjectives, case)):
            # "уполномоченные бюджетной авиакомпании", "заведующая поликлиникой №2": modifiers that
            # cannot all agree with the noun; the first of them is the head, the rest its complement
            for i, a_core, _ in adjectives[:own]:
                out[i] = out[i].replace(a_core, nominative_word(a_core, case=case, number=number), 1)
            out.append(w)
            head_done = True
        elif pos == "NOUN":
            agreed = _agreeing_head(core, ps, adjectives, case, number)
            if agreed is None:
                for i, a_core, _ in adjectives:
                    out[i] = out[i].replace(a_core, nominative_word(a_core, case=case, number=number), 1)
                out.append(w.replace(core, nominative_word(core, case=case, number=number), 1))
            else:
                for (i, a_core, _), a_new in zip(adjectives, agreed[1]):
                    out[i] = out[i].replace(a_core, a_new, 1)
                out.append(w.replace(core, agreed[0], 1))
            head_done = True
        else:
            for i, a_core, _ in adjectives:
                out[i] = out[i].replace(a_core, nominative_word(a_core, case=case, number=number), 1)
            adjectives = []
            out.append(w)
            head_done = True
    if not head_done:
        for i, a_core, _ in adjectives:
            out[i] = out[i].replace(a_core, nominative_word(a_core, case=case, number=number), 1)
    return " ".join(out)


def _agree(a, b) -> bool:
    """Do two readings (a modifier's and a noun's or another modifier's) agree in case and number?
    (Not gender: a woman's masculine title takes her adjective, "избранной премьером".)"""
    return a.tag.case == b.tag.case and (a.tag.number or "sing") == (b.tag.number or "sing")


def _substantive_head(core: str, ps, adjectives, case: str | None) -> int:
    """How many of the modifiers before a common noun are a head of their own, the noun opening
    its complement ("уполномоченные профсоюзов", "уполномоченные бюджетной авиакомпании"): the
    longest run of them agreeing with each other in the phrase's case, where no reading of the
    noun agrees with them all (in the phrase's case, when it is known: "заведующей поликлиникой"
    read as a genitive). 0 when they can modify the noun (or the noun is a name or unknown)."""
    if not adjectives or not core.islower() or not ps or not ps[0].is_known:
        return 0
    mods = [[p for p in aps if p.tag.POS in ("ADJF", "PRTF")] for _, _, aps in adjectives]
    if any(all(any(_agree(a, noun) for a in m) for m in mods) for noun in ps
           if noun.tag.POS == "NOUN" and (case is None or noun.tag.case == case)):
        return 0
    run = 0
    for k in range(len(mods), 0, -1):
        if any((case or "nomn") == a.tag.case and all(any(_agree(b, a) for b in m) for m in mods[:k])
               for a in mods[0]):
            run = k
            break
    return run


def _modifies_next(ps, following: str) -> bool:
    """Can the word be an adjective agreeing with the next word (an adjective or noun in the
    same case, number and gender)?"""
    nxt = following.strip(",.:;«»\"“”„()")
    if not nxt or not nxt[0].isalpha() or nxt[0].isupper() and not ps[0].word[:1].isupper():
        return False  # "главное Украины": a lower-case word before a name modifies nothing in it
    shapes = {(p.tag.case, p.tag.number, p.tag.gender) for p in ps if p.tag.POS == "ADJF" and p.tag.case != "nomn"}
    return bool(shapes) and any(p.tag.POS in ("ADJF", "NOUN") and (p.tag.case, p.tag.number, p.tag.gender) in shapes
                                for p in parse(nxt))


def _agreeing_head(core: str, ps, adjectives, case: str | None, number: str | None):
    """(noun, [adjectives]) in the nominative, from the parses on which the noun and
    the adjectives before it agree in case, number and gender; None when they don't
    or nothing needs agreeing."""
    if not adjectives or core.isupper() or not re.fullmatch(r"[а-яёА-ЯЁ-]+", core):
        return None
    for noun in ps:
        if noun.tag.POS != "NOUN" or noun.tag.case is None or (case is not None and noun.tag.case != case):
            continue
        if "Fixd" in noun.tag:
            continue
        num = noun.tag.number or "sing"
        picks = []
        for _, _, aps in adjectives:
            if "ms-f" in noun.tag:  # "нового главы": a noun of common gender is a man's or a woman's, never neuter
                aps = sorted(aps, key=lambda p: p.tag.gender == "neut")
            a = next((p for p in aps if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == noun.tag.case
                      and (p.tag.number or "sing") == num
                      and (num == "plur" or p.tag.gender == noun.tag.gender or noun.tag.gender is None
                           or "ms-f" in noun.tag or noun.tag.case == "accs" and "anim" in p.tag)), None)
            if a is None:
                break
            picks.append(a)
        else:
            want_num = number or num
            n_new = noun.inflect({"nomn", want_num}) or noun.inflect({"nomn"})
            if n_new is None:
                return None
            new_adj = []
            for (_, a_core, _), a in zip(adjectives, picks):
                want = {"nomn", want_num} | ({noun.tag.gender} if want_num == "sing" and noun.tag.gender in
                                              ("masc", "femn", "neut") else set())
                a_new = a.inflect(want)
                if a_new is None:
                    return None
                new_adj.append(_recase(a_core, a_new.word))
            return _recase(core, n_new.word), new_adj
    return None


def _surname_gender(forms: list[str]) -> str | None:
    """Gender from a Russian-style surname whose likeliest reading is a nominative
    (Захарова, Лавров); "Путина" is likelier Путин's genitive than a woman's name."""
    for w in forms:
        surnames = [p for p in parse(w) if "Surn" in p.tag]
        if surnames:
            p = max(surnames, key=lambda p: p.score)
            if "nomn" in p.tag and p.tag.gender in ("masc", "femn"):
                return "m" if p.tag.gender == "masc" else "f"
    return None


# parts of speech a role cannot end in: "сама Биби" (an emphatic pronoun), "испуганная Биби" (an
# adjective), "советник … по" (a preposition cut from its noun), "… 44-летний" (the next name's age)
ROLE_END_NEVER = frozenset(("ADJF", "PRTF", "NPRO", "PREP", "CONJ", "PRCL", "ADVB"))


def _cannot_end_role(word: str, before: str | None) -> bool:
    """Can't `word` end a role, after the word `before` it (None: it is the first)?"""
    core = word.rstrip(",;:")
    if not core or core[0].isupper() or core.endswith(".") or not core[-1].isalpha():
        return False  # a name, an abbreviation ("к.м.н."), a number ("ГКБ 67"), a quoted name
    ps = parse(core)
    # (a substantivised one is a role noun: "уполномоченный", "заведующая")
    if not ps or ps[0].tag.POS not in ROLE_END_NEVER or "Subx" in ps[0].tag or ps[0].normal_form in lex.role_nouns():
        return False
    if ps[0].tag.POS in ("ADJF", "PRTF") and before and "Apro" not in ps[0].tag:
        # an adjective after the noun it agrees with is the title's ("папа римский"), after another
        # adjective a substantivised pair ("американский военный"); one after a noun it does not
        # agree with opens the next phrase ("… самоуправления 44-летний")
        prev = parse(before.strip(",;:«»\""))
        return bool(prev) and prev[0].tag.POS == "NOUN" and not any(
            _agree(a, n) and (a.tag.gender == n.tag.gender or a.tag.number == "plur")
            for a in ps if a.tag.POS in ("ADJF", "PRTF") for n in prev if n.tag.POS == "NOUN")
    return True


def tidy_role(phrase: str | None) -> str | None:
    """A role as a common noun phrase: "Генеральный директор" at a sentence start -> lower case;
    the words a role cannot end in dropped from its end (`ROLE_END_NEVER`), None when none is left."""
    if not phrase:
        return phrase
    first = (phrase.split() or [""])[0]
    if first[:1].isupper() and not first.isupper():
        phrase = phrase[:1].lower() + phrase[1:]  # (before the trim: "Сама Биби" opening a sentence)
    words = list(re.finditer(r"\S+", phrase))
    while words and _cannot_end_role(words[-1].group(), words[-2].group() if len(words) > 1 else None):
        words.pop()
    return phrase[:words[-1].end()] if words else None


def canonical_role(phrase: str) -> list[str]:
    """Role phrase as lemmas with synonyms folded: "главы МИД РФ" -> министр иностранный дело рф."""
    return list(_canonical_role(phrase))


@lru_cache(maxsize=None)
def _synonyms_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(lex.role_synonyms().items(), key=lambda kv: -len(kv[0])))


def _fold_synonym(text: str) -> str:
    """Lemmas with a synonym at their start folded; adjectives after the first word set aside (put
    last, after the complement a holder is told by) when the words as they stand match none:
    "глава российский министерство финансы" is "министр финансы российский"."""
    for candidate, aside in _without_adjectives(text):
        for phrase_, canon in _synonyms_longest_first():
            if candidate == phrase_ or candidate.startswith(phrase_ + " "):
                return " ".join([canon + candidate[len(phrase_):]] + aside)
    return text


def _without_adjectives(text: str):
    """`text`, then (when adjectives follow its first word) its words without them, with the set-aside ones."""
    words = text.split()
    yield text, []
    k = 1
    while k < len(words) and (ps := parse(words[k])) and ps[0].tag.POS in ("ADJF", "PRTF"):
        k += 1
    if 1 < k < len(words):
        yield " ".join(words[:1] + words[k:]), words[1:k]


# Memoised: every quotation with a title asks for the roles of every person named so far.
@lru_cache(maxsize=100_000)
def _canonical_role(phrase: str) -> tuple[str, ...]:
    relations = {relation for relation, _ in lex.role_relations()}
    lemmas = []
    for w in split_words(phrase):
        ps = parse(w)
        lemmas.append((ps[0].normal_form if ps else w.lower()).replace("ё", "е"))
    for k, lemma in enumerate(lemmas):
        if lemma in lex.role_nouns() or lemma in relations:
            lemmas = lemmas[k:]
            break
    if lemmas and lemmas[0] in relations:
        # "жены действующего американского лидера" is "первая леди": the relation's title when its
        # object is the holder's title (a leader noun only with a country named: "жена лидера партии" is
        # nobody's first lady); any other relation keeps its own noun ("супруга министра")
        k = next((k for k in range(1, len(lemmas)) if lemmas[k] in lex.role_nouns()), None)
        if k is not None:
            holder = _fold_synonym(" ".join(lemmas[k:])).split()[0]
            if holder in lex.leader_nouns() and countries_named(phrase):
                # a country's leader is its head of state: the holder's title of the relation's row
                holder = next((h for r, h in lex.role_relations() if r == lemmas[0]), holder)
            title = lex.role_relations().get((lemmas[0], holder))
            if title is not None:
                return (title,)
    return tuple(_fold_synonym(" ".join(lemmas)).split())


def split_merged_names(entities: list[Entity]) -> list[Entity]:
    """NER glues adjacent surnames into one name ("обращении к Мэй Джонсон предупредил"):
    split a two-word PER whose words are each another person's surname in the document
    and neither is anyone's first name."""
    # Counted, not compared pairwise: how many other full names have each surname and first name.
    texts = Counter(e.text for e in entities if e.type == "PER" and len(split_words(e.text)) > 1)
    surnames, firsts = Counter(), Counter()
    for text, n in texts.items():
        ws = split_words(text)
        surnames[_lemma_key(ws[-1])] += n
        firsts[_lemma_key(ws[0])] += n

    def among_others(counts: Counter, key: str, text: str, own: str | None) -> bool:
        return counts[key] - (texts[text] if key == own else 0) > 0

    out = []
    for e in entities:
        words = list(WORD_RE.finditer(e.text))
        if e.type == "PER" and len(words) == 2:
            ws = split_words(e.text)
            own_sur, own_first = (_lemma_key(ws[-1]), _lemma_key(ws[0])) if len(ws) > 1 else (None, None)
            a, b = (_lemma_key(m.group()) for m in words)
            if among_others(surnames, a, e.text, own_sur) and among_others(surnames, b, e.text, own_sur) \
                    and not among_others(firsts, a, e.text, own_first) and not among_others(firsts, b, e.text, own_first):
                for m in words:
                    out.append(Entity(e.start + m.start(), e.start + m.end(), "PER", m.group()))
                continue
        out.append(e)
    return out


class NameIndex:
    def __init__(self, text: str, entities: list[Entity], quoted: frozenset[int] = frozenset()):
        """`quoted`: the starts of the mentions that stand inside a quotation (a speaker's words,
        not the narrator's introduction of a participant)."""
        self.text = text
        self.persons: dict[str, Person] = {}
        self.per_mentions: list[tuple[int, Entity, Person]] = []
        pers = [e for e in entities if e.type == "PER"]
        self._pers = pers
        self._orgs = [e for e in entities if e.type == "ORG"]
        self._role_cases: dict[int, frozenset[str]] = {}  # mention start -> cases of the title before it
        # mention starts after a relational noun that names someone else ("Советник Ле Пен")
        self.relation_owners: set[int] = set()
        # Full names first: one person per (surname, first name); "Мишель Обама"
        # and "Барак Обама" stay two people.
        bare = []
        # a surname's declension stem -> the key of the first person with it: "Имрана Хана"
        # (the dictionary's woman's name Хана) and "Имран Хан" are one person
        self._stems: dict[str, str] = {}
        # "Ле Пен" beside "Марин Ле Пен", "Ди Майо" beside "Луиджи Ди Майо": a particle written with a
        # capital opening the tail of a longer name starts its surname, it is no first name "Ле"
        particles = lex.word_set("name_particles")
        tails = {keys[i:] for e in pers if len(keys := tuple(map(name_key, name_words(e.text)))) > 2
                 for i in range(1, len(keys) - 1)}
        for e in pers:
            words = name_words(e.text)
            if not words:
                continue
            if len(words) == 1 or words[0].lower() in particles and tuple(map(name_key, words)) in tails:
                bare.append(e)
                continue
            if family_first(words):
                # "Ким Чен Ын": the family name comes first, so a bare "Ким" is this person
                # and "Ким Чен Ир" another
                surname, first = name_key(words[0]), "".join(map(name_key, words[1:]))
            else:
                surname, first = name_key(words[-1]), name_key(words[0])[:3]
                if surname not in self.persons:
                    surname = self._stems.get(stem_key(words[-1]), surname)
                self._stems.setdefault(stem_key(words[-1]), surname)
            key = surname
            existing = self.persons.get(key)
            # "А. Кудрин" is "Алексей Кудрин": an initial agrees with the name it starts
            if existing is not None and existing.first not in (None, first) and not (
                    len(first) == 1 and existing.first.startswith(first)
                    or len(existing.first) == 1 and first.startswith(existing.first)
                    or same_first_name(first, existing.first)):
                key = f"{surname}#{first}"
            person = self.persons.get(key)
            if person is None:
                person = self.persons[key] = Person(key)
                person.first = first
            person.mentions.append(e)
        # A bare surname belongs to the latest full name with it (the first one if it comes earlier).
        # Full names came in text order, and so do bare ones: the latest mention before one is a
        # bisect among the full names' starts or the bare mention given to that person last.
        by_surname: dict[str, list[Person]] = {}
        for k, p in self.persons.items():
            by_surname.setdefault(k.split("#")[0], []).append(p)
        full_starts = {id(p): [m.start for m in p.mentions] for p in self.persons.values()}
        last_bare: dict[int, int] = {}

        def latest_before(p: Person, x: int) -> int:
            starts = full_starts[id(p)]
            k = bisect_left(starts, x)
            return max(starts[k - 1] if k else -1, last_bare.get(id(p), -1))

        self._full_surnames = frozenset(by_surname)
        variants = None  # made for the first bare surname no full name has
        for e in bare:
            word = name_words(e.text)[-1]
            surname = name_key(word)
            if surname not in by_surname:
                surname = self._stems.get(stem_key(word), surname)
            if surname not in by_surname:
                if variants is None:
                    variants = SpellingVariants(by_surname)
                surname = variants.find(word) or surname
            holders = by_surname.get(surname)
            if holders:
                earlier = [p for p in holders if p.mentions[0].start < e.start]
                pick = max(earlier, key=lambda p: latest_before(p, e.start)) if earlier else holders[0]
                pick.mentions.append(e)
                last_bare[id(pick)] = e.start
                continue
            person = self.persons.get(surname)
            if person is None:
                person = self.persons[surname] = Person(surname)
            person.mentions.append(e)
        # A lone first name joins the person whose full name starts with it; where several do
        # ("Ирина Роот" … "Санинструктор Ирина Самойлова" … "– отметила Ирина"), each of its mentions
        # joins the one named last before it outside a quotation, as a reader takes it (the first
        # named where none is before it). Namesakes share the first name, and with it its gender.
        for key, person in list(self.persons.items()):
            if person.first is not None or not all(len(split_words(m.text)) == 1 for m in person.mentions):
                continue
            holders = [other for other in self.persons.values() if other is not person
                       and key in {name_key(split_words(m.text)[0]) for m in other.mentions if len(split_words(m.text)) > 1}]
            if not holders:
                continue
            for m in person.mentions:
                named = [(max(starts), k) for k, other in enumerate(holders)
                         if (starts := [o.start for o in other.mentions if o.start < m.start and o.start not in quoted])]
                holders[max(named)[1] if named else 0].mentions.append(m)
            del self.persons[key]
        # A first name with a patronymic and no surname ("Алла Николаевна" after "Алла Николаевна
        # Дробинская" or "Алла Дробинская") is the one person with that first name and a surname:
        # the polite address of an interview, not a second person keyed by the patronymic.
        polite = [key for key, person in self.persons.items()
                  if all(_first_and_patronymic(m.text) for m in person.mentions)]
        named = [other for key, other in self.persons.items() if key not in polite
                 and other.first is not None and len(other.first) > 1] if polite else []
        for key in polite:
            person = self.persons[key]
            holders = [other for other in named if person.first is not None
                       and same_first_name(person.first, other.first)]
            if len(holders) == 1:
                holders[0].mentions.extend(person.mentions)
                del self.persons[key]
        for person in self.persons.values():
            person.mentions.sort(key=lambda m: m.start)
            self._finish(person)
            for m in person.mentions:
                self.per_mentions.append((m.start, m, person))
        self.per_mentions.sort(key=lambda x: x[0])
        self._by_start = {start: person for start, _, person in self.per_mentions}
        self._mention_starts = [start for start, _, _ in self.per_mentions]
        self._starts_of: dict[int, list[int]] = {}  # id(person) -> their mentions' starts, in order
        for start, _, person in self.per_mentions:
            self._starts_of.setdefault(id(person), []).append(start)
        self._documents: list[tuple[int, Person]] | None = None

    def _finish(self, person: Person) -> None:
        # roles first: a title's case is the name's (self._role_cases)
        for m in person.mentions:
            role = self._role_before(m)
            if role and self._relation_of_other(person, m, role):
                self.relation_owners.add(m.start)
                role = None
            role = role or self._role_after(m)
            if role:
                person.roles.append(role)
        person.role = person.roles[0] if person.roles else None
        settled = False
        # (the polite "Евгений Юрьевич" beside "Евгению Тимакову" is no form of the full name)
        named = [m for m in person.mentions if not _first_and_patronymic(m.text)] or person.mentions
        # the fullest form, its first name written out: "Д.Дэвис" in the nominative beside
        # "Дэвида Дэвиса" gives Дэвид Дэвис, restored from the oblique form
        fullest = max(spelled_out(m.text) for m in named)
        longest = fullest[1]
        full = [m for m in named if spelled_out(m.text) == fullest]
        first_words = [split_words(m.text)[0] for m in full]
        gender = None
        if longest > 1:
            for w in first_words:
                # (singular readings: "Сайфул" reads only as a plural of the woman's name "Сайфула")
                names = [p for p in parse(w) if "Name" in p.tag and p.tag.gender in ("masc", "femn") and p.tag.number != "plur"]
                # "Асия", "Асию" read only as oblique forms of a masculine "Асий": the
                # nominative readings decide, and a first name in -ия is a woman's.
                # (a rare reading does not count: "Дмитрия" as a woman's name, 2% of its parses)
                nominative = [p for p in names if "nomn" in p.tag and "sing" in p.tag and p.score >= 0.1]
                if not nominative and w.lower().endswith(("ия", "ию", "ии", "ией")):
                    # "Асия" or "Юрия": a woman's name or a man's in an oblique case; a Russian
                    # surname that can be a man's ("Мирошникова") settles it, otherwise unknown
                    surnames = [split_words(m.text)[-1] for m in full]
                    masculine = any("Surn" in q.tag and q.tag.gender == "masc" for x in surnames for q in parse(x)) \
                        or any(x.lower().endswith(("ова", "ева", "ёва", "ина", "ына", "ого")) for x in surnames)
                    gender = "m" if masculine else "?"
                    settled = masculine  # "Юрия Мирошникова": a man, whatever "Юрия" reads as
                elif names:
                    gender = "m" if names[0].tag.gender == "masc" else "f"
                    if len({p.tag.gender for p in names}) > 1:
                        # "Алена": Алёна, or Ален's genitive; the words agreeing with it decide
                        agreed = {self._agreement_gender(m) for m in full} - {None}
                        if len(agreed) == 1:
                            gender = agreed.pop()
                if gender:
                    break
        if gender is None:
            gender = _surname_gender([split_words(m.text)[-1] for m in person.mentions])
        person.gender = None if gender == "?" else gender
        if longest > 1:
            # the case read jointly over the name's words; a mention the document writes
            # in the nominative wins over a form restored from an oblique one
            readings = [(name_reading(split_words(m.text), person.gender, self._is_subject(m), 1.0 if settled else 0.2,
                                      self._role_cases.get(m.start)), m) for m in full]
            nominative = [(r, m) for r, m in readings if r[1] == "nomn"]
            # "Асие Биби" beside "Асия Биби": not the form that is another's oblique one
            written = {w for m in full for w in split_words(m.text)}
            nominative.sort(key=lambda rm: any(vowel_variant(w, written) for w in split_words(rm[1].text)))
            (g, case, _), m = nominative[0] if nominative else readings[0]
            if g in ("m", "f") and case != "nomn":
                person.gender = g  # "Карла Бильдта": the case settles what the first name left open
            name_words = [name_word_nominative(w, g, case) for w in split_words(m.text)]
        else:
            # one word: changed only where it cannot be a nominative (Гитлеру, Юлии);
            # a bare "Обама" or "Путина" stays as written
            forms = [split_words(m.text)[0] for m in full]
            nominative = [w for w in forms if is_nominative_name(w, person.gender)]
            word = (nominative or forms)[0]
            r = name_readings(word)
            # (a name in -ия keeps its own rule: "Юлию" is Юлия, not Юлий)
            tops = {w: max(_known_name_parses(w), key=lambda p: p.score) for w in forms
                    if _known_name_parses(w) and not (FEMININE_IYA.search(w.lower()) or w.lower().endswith("ия"))}
            plural = family_plural(forms[0], self._full_surnames, self._after_family_noun(full[0]))
            if plural:
                word, person.family = plural, True
            elif word.count("-") and (sum(part[:1].isupper() for part in word.split("-")) > 1
                                      or word[:1].isupper() and word.rsplit("-", 1)[1].islower()):
                # "Азию-Биби", "Саифа-ул-Мулука": a full name joined by hyphens, read as one;
                # "Трампа-младшего": a name and the adjective after it
                g, case, _ = name_reading([word], person.gender)
                word = name_word_nominative(word, g, case)
            elif person.gender is None and tops and all(p.tag.case != "nomn" for p in tops.values()):
                # a bare "Путина": the dictionary's likeliest reading (Путин's genitive) decides
                w, top = next(iter(tops.items()))
                inflected = top.inflect({"nomn", "sing"})
                word = _recase(w, inflected.word) if inflected is not None else w
            elif person.gender is None and tops:
                word = next(w for w, p in tops.items() if p.tag.case == "nomn")
            elif not nominative and (role_cases := next((self._title_cases(m) for m in full
                                                         if split_words(m.text)[0] == word), None)) \
                    and name_reading([word], person.gender, cases=role_cases)[1] in role_cases:
                # "к академику Гинцбургу": the title before the name shares its case
                g, case, _ = name_reading([word], person.gender, cases=role_cases)
                word = name_word_nominative(word, g, case)
            elif nominative:
                pass
            elif not _known_name_parses(word) and any(p.is_known for p in parse(word)):
                word = nominative_word(word, gender=person.gender)  # a common noun as a name: Пророка
            elif max(_weight(r, g, "nomn") for g in ("m", "f")) < 0.5:
                g, case, _ = name_reading([word], person.gender)
                word = name_word_nominative(word, g, case)
            name_words = [word]
        # the bare stem among a surname's forms is its nominative: Рааб / Рааба, Нисар / Нисару
        seen = [split_words(m.text)[-1] for m in person.mentions]
        stem = next((w for w in sorted(set(seen), key=len) if len(set(seen)) > 1 and all(
            o.startswith(w) and len(o) - len(w) <= 3 for o in seen) and w[-1:].lower() not in "аяеиоуыьй"), None)
        if stem:
            name_words[-1] = stem
        person.name = " ".join(name_words)

    def _is_subject(self, m: Entity) -> bool:
        """Does the sentence put the name in the nominative, with no preposition before it
        ("с Курцем …") and no dictionary word of it in another case? A finite verb in the
        singular right after it ("Маэхара отметил", also past a parenthesis: "Карлос
        Амарилья (Парагвай) судил"), a dash and a noun in the nominative ("Ннека Угбома -
        руководитель проекта"), or the name opening a list item ("• Тору Камикава")."""
        rest = re.sub(r"^\s*\([^()\n]{0,60}\)", "", self.text[m.end:m.end + 100])
        after = re.match(r"\s+([а-яё]+)(?:\s+([а-яё]+))?", rest)
        dash = re.match(r"\s+[-–—]\s+([а-яё]+)", rest)
        before = re.search(r"([а-яё]+)\s+$", self.text[max(0, m.start - 20):m.start])
        if before and any(p.tag.POS == "PREP" for p in parse(before.group(1))[:1]):
            return False
        opener = re.search(r"(?:^|[.!?…\n]\s*)([А-ЯЁ][а-яё]{0,2})\s+$", self.text[max(0, m.start - 20):m.start])
        if opener and any(p.tag.POS == "PREP" for p in parse(opener.group(1).lower())[:1]):
            return False  # "С Эмманюэлем Макроном встретился …": a preposition opening the sentence
        if before and (lambda ps: ps and ps[0].tag.POS in ("ADJF", "PRTF") and not any(
                "nomn" in p.tag for p in ps if p.tag.POS in ("ADJF", "PRTF")))(parse(before.group(1))):
            return False  # "тень 18-летнего Джесси Джелсингера будет": an oblique adjective agrees
        if any(_known_name_parses(w) and all(p.tag.case != "nomn" for p in _known_name_parses(w))
               for w in split_words(m.text)):
            return False  # "Сергея Лаврова": a word of the name that cannot be a nominative
        for e in self.other_persons(m):
            if e.end <= m.start and re.fullmatch(r"\s+(?:и|или)\s+", self.text[e.end:m.start]) and any(
                    _known_name_parses(w) and all(p.tag.case != "nomn" for p in _known_name_parses(w))
                    for w in split_words(e.text)):
                return False  # "Встреча Стива Мнучина и Уилбура Росса прошла": the conjuncts share a case
        if self._after_attribution_verb(m):
            return True
        if dash:
            ps = parse(dash.group(1))[:1]
            return bool(ps) and ps[0].tag.POS == "NOUN" and "nomn" in ps[0].tag
        if re.search(r"[•▪●◦]\s*$", self.text[max(0, m.start - 5):m.start]):
            return True
        if re.search(r"(?:^|\n)[ \t]*$", self.text[max(0, m.start - 80):m.start]) and \
                re.match(r"[ \t.]*(?:\n|$)", self.text[m.end:m.end + 80]):
            return True  # a name alone on its line: a byline or a caption ("Е.Малышева")
        if not after:
            return False
        ps = parse(after.group(1))
        if ps and ps[0].tag.POS in ("ADVB", "PRCL") and after.group(2):
            ps = parse(after.group(2))  # "Фелипе Масса также был вынужден"
        # a neuter verb has another subject: "Правительство Педро Санчеса ушло"
        if not (ps and ps[0].tag.POS == "VERB" and ps[0].tag.number == "sing" and (
                "past" in ps[0].tag and ps[0].tag.gender != "neut" or "3per" in ps[0].tag)):
            return False
        # nor has a verb of the other gender than the first name's: "Встреча … Педро Санчеса прошла"
        firsts = {p.tag.gender for p in _known_name_parses(split_words(m.text)[0]) if "Name" in p.tag}
        return not ("past" in ps[0].tag and len(split_words(m.text)) > 1 and firsts
                    and ps[0].tag.gender not in firsts and firsts <= {"masc", "femn"})

    def _after_attribution_verb(self, m: Entity) -> bool:
        """A quotation's attribution with the subject after its verb, the name closing the
        clause: "…, - соглашается его коллега Фабио Панетта.", "…, — заявил Наттавута Сайкыа."
        The verb is singular and agrees with no pronoun between ("— сказал он Ханту"), and no
        preposition stands between ("— сказал он в беседе с …")."""
        if not re.match(r"\s*(?:[.,;!?(]|$)", self.text[m.end:m.end + 3]):
            return False
        head = re.search(r"[,.!?…»\"”]\s*[-–—]\s*([а-яё]+)((?:[\s,]+[^\s,.!?;:()«»\"”]+){0,10}?)\s+$",
                         self.text[max(0, m.start - 160):m.start])
        if not head:
            return False
        ps = parse(head.group(1))[:1]
        if not ps or ps[0].tag.POS != "VERB" or ps[0].tag.number != "sing" or not (
                "past" in ps[0].tag and ps[0].tag.gender != "neut" or "3per" in ps[0].tag):
            return False
        between = re.findall(r"[^\s,]+", head.group(2))
        for i, w in enumerate(between):
            top = parse(w.strip("-–—"))[:1]
            if w == "из" and i and between[i - 1] in ("один", "одна", "одно"):
                continue  # "сказал один из руководителей центробанка Фабио Панетта"
            if not top or top[0].tag.POS in ("PREP", "CONJ", "VERB", "INFN") or \
                    top[0].tag.POS == "NPRO" and "nomn" in top[0].tag:
                return False
        return True

    def _title_cases(self, m: Entity) -> frozenset[str] | None:
        """The cases of a person noun right before a name, where none is the nominative
        ("академику Гинцбургу"): a title in apposition agrees with the name."""
        before = re.search(r"([а-яё]+)\s+$", self.text[max(0, m.start - 30):m.start])
        if not before:
            return None
        ps = [p for p in parse(before.group(1)) if p.tag.POS == "NOUN"]
        if not ps or "anim" not in ps[0].tag or ps[0].tag.number != "sing":
            return None
        cases = frozenset(p.tag.case for p in ps if p.normal_form == ps[0].normal_form and p.tag.case)
        return cases if cases and "nomn" not in cases else None

    def _after_family_noun(self, m: Entity) -> bool:
        before = re.search(r"([а-яё]+)\s+$", self.text[max(0, m.start - 20):m.start])
        return bool(before) and any(p.normal_form in lex.family_nouns() for p in parse(before.group(1))[:1])

    def _agreement_gender(self, m: Entity) -> str | None:
        """The gender the words agreeing with a name show: a relative pronoun after it
        (", которая прославилась") or a past-tense verb right after it ("Анча Баранова
        заявила"), where the name's words leave it open ("Алена": Алёна or Ален's genitive)."""
        after = re.match(r"\s*(,\s*)?([а-яё]+)", self.text[m.end:m.end + 30])
        if not after:
            return None
        word = after.group(2)
        if after.group(1):
            return {"которая": "f", "которой": "f", "которую": "f", "который": "m", "которого": "m",
                    "которому": "m"}.get(word)
        ps = parse(word)[:1]
        if ps and ps[0].tag.POS == "VERB" and "past" in ps[0].tag and ps[0].tag.gender in ("masc", "femn"):
            return "m" if ps[0].tag.gender == "masc" else "f"
        return None

    def _relation_of_other(self, person: Person, m: Entity, role: str) -> bool:
        """Does a relational noun before a name name someone else ("Советник Ле Пен заявил" after
        "Марин Ле Пен", "Адвокат Биби подчеркивает" after "Асию Биби": her adviser, her lawyer)? So
        when the name reads as a genitive as well as a nominative (an indeclinable one) and is a
        shorter form of the person's name the article gave earlier: a person introduced as "адвокат
        Сайфул Малук" keeps the title in "адвокат Малук"."""
        heads = {parse(w.lower())[0].normal_form for w in split_words(role)} & lex.relational_nouns()
        if not heads or any(heads & {parse(w.lower())[0].normal_form for w in split_words(r)} for r in person.roles):
            return False  # (the roles of the person's earlier mentions: this loop adds them in order)
        size = len(name_words(m.text))
        return {"nomn", "gent"} <= name_cases(split_words(m.text)) and any(
            x.start < m.start and len(name_words(x.text)) > size for x in person.mentions)

    def _role_before(self, m: Entity) -> str | None:
        """The role phrase right before a name: "главы МИД РФ Сергея Лаврова"."""
        before = self.text[max(0, m.start - 100):m.start]
        base = m.start - len(before)
        # "лидер партии "Техрик-э-Лабаик Пакистан" (ТЛП) Хадим Ризви": past the abbreviation's gloss
        gloss = TRAILING_GLOSS.search(before)
        if gloss:
            before = before[:gloss.start()] + " "
        words = list(ROLE_WORD.finditer(before))
        if not words or before[words[-1].end():].strip():
            return None
        cases = None  # the name's cases, read when a role noun is found (most names have none)
        others = self.other_persons(m)
        role_at = None
        for w in reversed(words[-8:]):
            if CLAUSE_STOP.search(before, w.end()):
                break
            if any(e.start <= base + w.start() < e.end for e in others):
                break
            core = w.group().strip("«»\"“”„")
            ps = parse(core) if core else []
            if not ps or core != w.group() or core[:1].isupper() and top_is_name_or_abbr(ps):
                continue  # names inside the role: "медиагруппы "Россия сегодня"", "МИД РФ"
            top = ps[0]
            if top.tag.POS == "NOUN" and top.normal_form in lex.role_nouns():
                if cases is None:
                    first_word = split_words(m.text)[0]
                    cases = name_cases(split_words(m.text))
                    if first_word[:1].isupper() and FEMININE_IYA.search(first_word):
                        cases.discard("nomn")  # "адвокат Асии": the name is the role's genitive object
                # The role head agrees with the name ("пресс-секретарь ... Дмитрий Песков");
                # "президента" in "пресс-секретарь президента" is a genitive modifier.
                if any(p.tag.case in cases and p.tag.number != "plur" for p in ps
                       if p.normal_form == top.normal_form) or not cases:
                    role_at = w  # keep going: the leftmost agreeing head is the role's head
            elif top.tag.POS in ("PREP", "CONJ", "VERB", "INFN", "PRTS", "ADVB", "NPRO") and core.lower() not in ("и", "по"):
                break
        if role_at is None:
            return None
        head_lemma = parse(role_at.group().strip("«»\"“”„"))[0].normal_form
        if head_lemma in lex.relational_nouns() and any(
                e.start > m.end and not self.text[m.end:e.start].strip() for e in self._pers):
            return None  # "адвокат Биби Сайфул Малук": the first name is the relation's object
        # adjectives before the head belong to the role ("генеральный директор")
        idx = words.index(role_at)
        start_word = role_at
        while idx > 0:
            prev = words[idx - 1]
            ps = parse(prev.group())
            if ps and ps[0].tag.POS in ("ADJF",) and not before[prev.end():start_word.start()].strip():
                start_word = prev
                idx -= 1
            else:
                break
        phrase = before[start_word.start():].strip()
        head_parses = parse(role_at.group().strip("«»\"“”„"))
        head = head_parses[0]
        self._role_cases[m.start] = frozenset(p.tag.case for p in head_parses if p.normal_form == head.normal_form
                                              and p.tag.POS == "NOUN" and p.tag.number != "plur" and p.tag.case)
        case = next((c for c in ("gent", "datv", "ablt", "accs", "loct") if c in head.tag), None)
        return tidy_role(nominative_phrase(phrase, case=case))

    def _role_after(self, m: Entity) -> str | None:
        """"Кенни Джейкобс, директор компании по маркетингу, заявил": a role in apposition."""
        after = re.match(r",\s+([^,.;:!?()]{3,80})[,.;:]", self.text[m.end:m.end + 90])
        if not after:
            return None
        phrase = after.group(1).strip()
        first = split_words(phrase)[:1]
        if not first:
            return None
        ps = parse(first[0])
        if ps and ps[0].tag.POS in ("NOUN", "ADJF") and any(
                parse(w)[0].normal_form in lex.role_nouns() and "nomn" in parse(w)[0].tag for w in split_words(phrase)[:3]):
            return tidy_role(" ".join(phrase.split()[:6]))
        return None

    def other_persons(self, m: Entity) -> list[Entity]:
        # names do not overlap, so their ends are in order: the window is a bisect
        lo = bisect_left(self._pers, m.start - 99, key=lambda e: e.end)
        hi = bisect_left(self._pers, m.start + 1, key=lambda e: e.end)
        return [e for e in self._pers[lo:hi] if e is not m]

    # --- lookups ---------------------------------------------------------------

    def person(self, e: Entity) -> Person:
        words = split_words(e.text)
        key = name_key(words[-1]) if words else e.text.lower()
        # "Алла Бут" beside "Виктор Бут": the person this very mention was given to
        given = self._by_start.get(e.start)
        if given is not None:
            return given
        if key in self.persons:
            return self.persons[key]
        return Person(key, [e], e.text)

    def by_key(self, key: str | None) -> Person | None:
        return self.persons.get(key) if key else None

    def nearest_person(self, offset: int, gender: str | None, exclude: str | None = None,
                       window: int = 1500, skip: tuple[int, int] | None = None,
                       subjects_only: bool = False, hidden: frozenset[int] = frozenset()) -> Person | None:
        """The most salient earlier person of that gender: recency, how often the article
        names them so far, and whether a mention opens a sentence or is in the nominative
        (a subject) all count. Mentions inside `skip` (the quotation itself) or starting at an
        offset in `hidden` (inside other quotations) are not candidates."""
        best, best_score = None, None
        lo = bisect_left(self._mention_starts, offset - window)
        hi = bisect_left(self._mention_starts, offset)
        for start, m, person in self.per_mentions[lo:hi]:
            if person.key == exclude:
                continue
            if skip is not None and skip[0] <= start < skip[1] or start in hidden:
                continue
            if gender not in (None, "p") and person.gender not in (gender, None):
                continue
            opens = self.text[max(0, start - 2):start].strip() in ("", ".")
            subject = is_nominative_name(m.text.split()[-1], person.gender)
            if subjects_only and not subject:
                continue
            seen = bisect_left(self._starts_of[id(person)], offset)  # mentions so far
            score = seen + (2 if opens else 0) + (1 if subject else 0) - (offset - start) / 300 \
                - (1 if person.gender is None and gender else 0)
            if best_score is None or score > best_score:
                best, best_score = person, score
        return best

    def by_role(self, phrase: str, offset: int) -> Person | None:
        """The person a role phrase designates: same head noun, the next word
        deciding between several holders, the nearest earlier mention winning."""
        query = canonical_role(phrase)
        if not query or query[0] not in lex.role_nouns():
            return None
        if query[0] in lex.honorifics() and len(query) > 1:
            return self.persons.get(query[1])
        # Holders are decided per person (a person's roles are the same at every mention);
        # then their nearest mention before the offset, or their first one, picks one.
        holders = []  # (exact, person)
        for person in self._persons_in_order():
            heads = [c for r, c in ((r, canonical_role(r)) for r in dict.fromkeys(person.roles))
                     if c and (c[0] == query[0] or _heads_of_one_body(phrase, query, r, c))]
            if heads:
                holders.append((any(len(query) < 2 or (len(r) > 1 and r[1] == query[1]) for r in heads), person))
        # "Премьер-министр Венгрии", "венгерский премьер": not a holder whose roles name another
        # country ("британский премьер Гордон Браун"), whatever the title's head noun shares
        named = countries_named(phrase)
        if named:
            holders = [h for h in holders if not _of_another_country(h[1], named)]
        if not holders:
            return None
        if any(h[0] for h in holders):
            holders = [h for h in holders if h[0]]
        else:
            # "Премьер-министр Израиля" is not the premier of Britain named before
            holders = [h for h in holders if not any(_names_differ(phrase, r) for r in dict.fromkeys(h[1].roles))]
            if not holders:
                return None
        # "избранный президент" is not the sitting one: a qualifier must be shared
        wanted = _qualifiers(phrase)
        if wanted:
            holders = [h for h in holders if any(wanted & _qualifiers(r) for r in dict.fromkeys(h[1].roles))]
            if not holders:
                return None
        elif len({id(h[1]) for h in holders}) > 1:
            return None
        latest, pick = -1, None
        for _, person in holders:
            starts = self._starts_of[id(person)]
            k = bisect_left(starts, offset)
            if k and starts[k - 1] > latest:
                latest, pick = starts[k - 1], person
        if pick is None:
            pick = min((h[1] for h in holders), key=lambda p: self._starts_of[id(p)][0])
        return pick

    def _persons_in_order(self) -> list[Person]:
        """Persons with a mention, in the order of their first one."""
        return sorted((p for p in self.persons.values() if id(p) in self._starts_of),
                      key=lambda p: self._starts_of[id(p)][0])

    def document_author(self, offset: int, noun: str | None = None) -> Person | None:
        """The person whose document ("послание Лаврова") the text last named, when a later bare
        document phrase ("В послании говорится") can be that one: the same document noun (or a
        generic one, "документ"), in the same paragraph or the one before. A different noun
        ("сказано в сообщении" after "письмо Джонсона") or a later paragraph is another document."""
        if self._documents is None:
            self._documents = []
            for start, _, person in self.per_mentions:
                words = split_words(self.text[max(0, start - 40):start])
                if words and _lemma_key(words[-1]) in lex.document_nouns():
                    self._documents.append((start, person, _lemma_key(words[-1])))
        k = bisect_left(self._documents, offset, key=lambda d: d[0])
        while k:
            start, person, lemma = self._documents[k - 1]
            if len(re.findall(r"\n\s*", self.text[start:offset])) > 1:
                return None
            if noun is None or noun == lemma or noun in lex.generic_document_nouns():
                return person
            k -= 1
        return None

    def org_name(self, e: Entity) -> str:
        """The organisation's name in the nominative; an abbreviation spelled out when the
        article spells it out ("ЕК" -> "Европейская комиссия")."""
        if re.fullmatch(r"[А-ЯЁA-Z]{2,5}", e.text):
            for other in self._orgs:
                full = re.sub(r"\s*\([^)]*\)$", "", other.text)  # "Международные авиалинии Украины (МАУ)"
                words = split_words(full)
                if len(words) == len(e.text) and "".join(w[0] for w in words).upper() == e.text and not (
                        is_known_body(e.text) and org_key(full) != org_key(e.text)):
                    return nominative_phrase(full)  # (not "ЕС" for a "Европейский совет" in the text)
        return nominative_phrase(e.text)


FEMININE_IYA = re.compile(r"(?:ии|ию|ией)$")
# `NameIndex._role_before`: an abbreviation's gloss right before the name, the words of the role
# phrase, a punctuation mark that ends it
TRAILING_GLOSS = re.compile(r"\s*\([^()]{1,20}\)\s*$")
ROLE_WORD = re.compile(r"[^\s,.;:!?()]+")
CLAUSE_STOP = re.compile(r"[,.;:!?]")


def is_nominative_name(word: str, gender: str | None = None) -> bool:
    """Can this word of a name be in the nominative (or is it indeclinable)?"""
    if word[:1].isupper() and FEMININE_IYA.search(word) and len(word) > 3:
        return False  # Асии, Марию: oblique forms of names in -ия
    if word[:1].isupper() and word.endswith("ия") and len(word) > 3 and gender != "m":
        return True  # Асия: the dictionary reads it as a genitive; a man's "Дмитрия" is one
    adjectival = _adjectival_surname(word)
    if adjectival:
        return any(p.tag.case == "nomn" for p in adjectival)
    ps = [p for p in parse(word) if p.tag.POS == "NOUN"]
    if not ps:
        return True  # foreign or unknown: "Файсал" reads as a verb to the dictionary
    if any("Fixd" in p.tag or "UNKN" in p.tag for p in ps):
        return True
    g = GENDER_OF_SEX.get(gender or "")
    last = word[-1:].lower()
    if g == "femn" and last.isalpha() and last not in "аяуюйыиье":
        return True  # a woman's surname in -о or a consonant does not decline: "Беата Шидло"
    return any("nomn" in p.tag and "sing" in p.tag and (g is None or g in p.tag or "ms-f" in p.tag)
               for p in ps)


def _of_another_country(person: Person, countries: frozenset[str]) -> bool:
    """Do the person's roles name a country, and none of these?"""
    theirs = {c for r in dict.fromkeys(person.roles) for c in countries_named(r)}
    return bool(theirs) and not theirs & countries


def _heads_of_one_body(a: str, ca: tuple[str, ...] | list[str], b: str, cb: tuple[str, ...] | list[str]) -> bool:
    """Do two titles with different heads name the head of one body, a leader noun ("глава",
    "руководитель") standing for the other's title: "глава Европейского совета" is its "председатель",
    "руководитель профсоюза Cockpit" its "председатель". Only a body with a name of its own (a
    capitalised word, not a country's), which has one head: "глава компании" may be anyone's title."""
    if ca[0] == cb[0] or not (ca[0] in lex.leader_nouns() or cb[0] in lex.leader_nouns()):
        return False
    if len(ca) < 2 or tuple(ca[1:]) != tuple(cb[1:]):
        return False
    return any(w[:1].isupper() and country_of(w) is None for w in split_words(a)[1:]) \
        and any(w[:1].isupper() and country_of(w) is None for w in split_words(b)[1:])


def _names_differ(a: str, b: str) -> bool:
    """Do two role phrases name different places or bodies ("Израиля" / "Великобритании")?
    Abbreviations ("ЕК") are left alone: they may stand for the other's words."""
    def proper(s: str) -> set[str]:
        return {w.lower()[:4] for w in re.findall(r"\w+", s)[1:] if w[:1].isupper() and not w.isupper()}
    pa, pb = proper(a), proper(b)
    return bool(pa) and bool(pb) and not pa & pb


def _qualifiers(phrase: str) -> set[str]:
    out = set()
    for w in split_words(phrase):
        low = w.lower()
        ps = parse(low)
        lemma = ps[0].normal_form if ps else low
        prefix = low.split("-")[0]  # "экс-министр"
        if lemma in lex.role_qualifiers():
            out.add("экс" if lemma == "бывший" else lemma)  # бывший = экс
        elif prefix in lex.role_qualifiers():
            out.add(prefix)
    return out


def top_is_name_or_abbr(ps) -> bool:
    top = ps[0]
    return top.tag.POS != "NOUN" or any(t in top.tag for t in ("Abbr", "Geox", "Orgn", "Name", "Surn")) \
        or top.normal_form not in lex.role_nouns()
