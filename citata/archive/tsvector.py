"""The text of the tsvector PostgreSQL's `to_tsvector('russian', lemmas)` makes of an index
lemma string (`citata.lemmas.lemma_string`), built by the ingest worker instead of the server.

Stemming every lemma was the largest part of the PostgreSQL writer's transaction (0.55–0.7 ms
of the server's ~1.3 ms an article, docs/performance.md); the server now only reads the text
(`'lexeme':1,4 …`::tsvector). What is reproduced, from PostgreSQL's default parser and the
`russian` configuration, for the word shapes lemma strings hold:

- a word of Latin letters goes to the English Snowball stemmer, one with Cyrillic letters to the
  Russian one, each after its stop-word list (citata/data/pg_*.stop, PostgreSQL's own files); a
  stop word is dropped but takes its position;
- numbers and words with digits go to `simple` (kept as written);
- a hyphenated word of parts that each start with a letter is the compound (English if all Latin,
  else Russian; `simple` if a part holds a digit) at one position and each part at the next ones;
- digits after a hyphen are a signed number (`covid-19` is `covid` and `-19`), a hyphen after a
  number starts a word of its own (`50-летний` is `50` and `летний`).

Anything else (other letters, other digits, hyphen shapes not listed, very long words or texts,
a stemmer of another Snowball version) returns None: the writer sends that row's lemmas for the
server to stem, as before. tests/test_postgres.py and eval/pg_tsvector.py compare this text
with the server's, string for string, over the shared corpora.
"""
from __future__ import annotations

import re

import Stemmer

from ..lexicons import data_lines

# PostgreSQL's limits (tsearch/ts_type.h): positions stop at 16,383 and a lexeme keeps at most 255
# of them in to_tsvector (MAXNUMPOS - 1); words of 1,000 bytes or more are not stemmed. Texts
# and words near those limits are left to the server.
MAX_POSITION = 16383
MAX_POSITIONS = 255
MAX_WORD = 200

_ASCII = re.compile(r"[a-z]+")
_LETTERS = re.compile(r"[a-zа-яё]+")
_DIGITS = re.compile(r"[0-9]+")
_ALNUM = re.compile(r"[a-zа-яё0-9]+")
_LETTER = re.compile(r"[a-zа-яё]")
_EXPONENT = re.compile(r"[0-9]+e[0-9]*")


def _stop(name: str) -> frozenset[str]:
    return frozenset(w for line in data_lines(name) for w in line.split())


_RUSSIAN_STOP = _stop("pg_russian.stop")
_ENGLISH_STOP = _stop("pg_english.stop")
_russian = Stemmer.Stemmer("russian").stemWord
_english = Stemmer.Stemmer("english").stemWord
# word -> its lexemes in order (None: a stop word, which takes a position), or False: not reproduced.
_cache: dict[str, tuple | bool] = {}
_CACHE_SIZE = 200_000


def _stem(word: str) -> str | None:
    """A letters-only word (or a compound of them) through its dictionary; None for a stop word."""
    if _ASCII.fullmatch(word.replace("-", "")):
        return None if word in _ENGLISH_STOP else _english(word)
    return None if word in _RUSSIAN_STOP else _russian(word)


def _part(part: str) -> str | None:
    """A part of a hyphenated word: letters to their stemmer, one with digits to `simple`."""
    return _stem(part) if _LETTERS.fullmatch(part) else part


def _lexemes(word: str) -> tuple | bool:
    """The lexemes (None for a stop word) one space-separated word gives, a position each, or
    False where the parser's handling of the shape is not reproduced."""
    if not word or len(word) > MAX_WORD:
        return False
    if _LETTERS.fullmatch(word):
        return (_stem(word),)
    if _ALNUM.fullmatch(word):  # a number or a word with digits (uint, numword, sfloat): `simple`
        return (word,)
    parts = word.split("-")
    if not all(_ALNUM.fullmatch(p) for p in parts) or any(_EXPONENT.fullmatch(p) for p in parts):
        return False  # other letters or digits, an empty part, or a number with an exponent (1e-5)
    lettered = [bool(_LETTER.search(p)) for p in parts]
    if all(lettered):  # hword, asciihword, numhword: the compound, then each part
        return (_compound(parts), *map(_part, parts))
    if not any(lettered[1:]):  # then signed numbers: covid-19, 35-39, boeing-737-800
        return (_part(parts[0]), *("-" + p for p in parts[1:]))
    if len(parts) == 2 and _DIGITS.fullmatch(parts[0]) and _LETTERS.fullmatch(parts[1]):
        return (parts[0], _stem(parts[1]))  # 50-летний: the number, then the word
    if not lettered[-1] and all(lettered[:-1]) and len(parts) > 2:
        return (_compound(parts[:-1]), *map(_part, parts[:-1]), parts[-1])  # sars-cov-2
    return False


def _compound(parts: list[str]) -> str | None:
    word = "-".join(parts)
    return _stem(word) if all(_LETTERS.fullmatch(p) for p in parts) else word


def tsvector(lemmas: str) -> str | None:
    """The text of `to_tsvector('russian', lemmas)` for a lemma string (words separated by single
    spaces), lexemes in the server's order; None where it is not reproduced here."""
    positions: dict[str, list[int]] = {}
    pos = 0
    for word in lemmas.split(" ") if lemmas else ():
        found = _cache.get(word)
        if found is None:
            found = _lexemes(word)
            if len(_cache) >= _CACHE_SIZE:
                _cache.clear()
            _cache[word] = found
        if found is False:
            return None
        for lexeme in found:
            pos += 1
            if lexeme is not None:
                held = positions.get(lexeme)
                if held is None:
                    positions[lexeme] = [pos]
                elif len(held) < MAX_POSITIONS:
                    held.append(pos)
    if pos >= MAX_POSITION:
        return None
    # Sorted as the server sorts lexemes (bytewise, which code-point order is for UTF-8); none holds
    # a quote or a backslash (letters, digits, hyphens only).
    return " ".join(f"'{lexeme}':{','.join(map(str, held))}" for lexeme, held in sorted(positions.items()))


# Compared with the server's to_tsvector once per writer (`Postgres.takes_tsvectors`): stems of
# every Russian and English suffix class the Snowball stemmers treat (nouns, adjectives,
# participles, reflexive verbs, superlatives, -ость, -нн-), stop words of both lists, and each
# word shape reproduced above. A server with other stemmers or stop words fails it.
PROBE = (
    "и в не на я он что быть с а по это она этот к но они мы как из у который то за свой весь год от"
    " так о для ты же все тот мочь вы человек такой его сказать только или ещё бы себя один как уже до"
    " время если сам когда другой вот говорить наш мой знать стать при чтобы дело жизнь кто первый"
    " очень два день её новый рука даже во со раз где там под можно ну какой после их работа без"
    " самый потом надо хотеть ли слово идти большой должен место иметь ничто заявить сообщить"
    " президент правительство российский федерация безопасность переговоры вакцинация заболевание"
    " прививаться смеяться прекраснейший известнейшая организованный подписавшийся читавший"
    " начинающийся государственный ответственность объявление сообщение вооружённый генерал-лейтенант"
    " северо-запад из-за пресс-секретарь техрик-э-лабаик telegram-канал спутник-v мрнк-bnt162b2"
    " скайп-консультации-dok1711 coca-cola tehreek-e-labaik covid-19 чм-2018 фс77-74141 35-39"
    " 8-800-100-24-47 boeing-737-800 50-летний 20-й sars-cov-2 bnt162b2 13фото 5g 1e5 2021 007"
    " the and of to in is was for that with as on by at from it be are this have which or an not"
    " government vaccines running happily generously organization presidential relational conditional"
    " agreed agreement news reuters associated press moscow pfizer biontech astrazeneca"
    " моcква oбщий и-a a-и в-и and-the"
)


def clear_cache() -> None:
    """Forget the words seen (a benchmark timing a worker that meets every word for the first time)."""
    _cache.clear()
