"""Tokens, sentences, named entities and morphology for many documents at once.

natasha's models (slovnet NER over navec embeddings) are loaded once per
process. Instead of natasha's per-document `Doc` we tokenise once, cut the
text into sentences, and run the NER network over all sentences of a batch of
documents together, bucketed by length, with a Viterbi decode vectorised over
the whole batch: the same weights, several times the throughput (see
benchmarks/bench_extract.py).
"""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from . import lexicons as lex

# A word keeps inner hyphens and apostrophes ("Северо-Запад", "д'Артаньян");
# numbers keep their decimal separators; everything else is one character.
TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*(?:-[^\W\d_]+)?|\.\.\.|\S")
# Sentence ends: terminal punctuation (and closing quotes/brackets after it) followed by a space and
# something that may start a sentence. A stop glued to the next sentence's capital is `GLUED_STOP`'s.
SENT_END_RE = re.compile(r"[.!?…]+[»\"“”)]*(?=\s+[«\"„“(—–‑‒―-]*\s*[A-ZА-ЯЁ0-9])")
# A stop glued to a capital, as a scraper that drops the break between two paragraphs or a writer
# who types no space writes it ("— отмечает профессор.Ученые намерены …", "сказал он.Он добавил",
# "в Facebook.По мнению …", '"Роснефть".Он был', "95%.Действенность", "области.‑ Достаю"); a straight
# quote there opens the next sentence ('испытаний."Хорошая вакцина …'). Whether it ends one is
# `_glued_stop`'s test of the words each side: not inside a domain or a brand ("Лента.Ру",
# "Емиас.Инфо", "Яндекс.Такси", "Газета.Ru"), after an abbreviation or an initial ("г.Москва",
# "ул.Ленина", "А.С.Пушкин", "Дж.Хант").
# (The pattern opens with the punctuation: a leading look-behind would cost the search its fast scan.)
GLUED_STOP = re.compile(r"[.!?…]+[»”)]*(?=[«\"„“]?[А-ЯЁA-Z]|[—–‑-]\s+[А-ЯЁ])")
_RUN_BEFORE = re.compile(r"[^\W_]+(?:-[^\W_]+)*$")
_WORD_AFTER = re.compile(r"[«\"„“]?([А-ЯЁA-Z][^\W\d_]*)")
_TOP_DOMAINS = frozenset(("ru", "рф", "su", "com", "org", "net", "info", "ua", "by", "kz", "uk", "tv", "fm"))
_LIST_NUMBER = re.compile(r"\s*\b\d{1,2}$")
SHORT_UNKNOWN = 5  # an unknown Title-case word this short after a glued stop is a domain's or brand's part
# Abbreviations after which a full stop does not end the sentence: an initial, a common one, one that
# stands inside a name or title phrase (name_abbreviations.tsv: "Центра им. Гамалеи"), and any
# lowercase abbreviation of several parts — "т.е.", "т. н.", an academic degree before a name
# ("к.м.н. Ксения Бочарова", "д.ф.-м.н.": candidate or doctor of … sciences).
_NAME_ABBREVIATIONS = "|".join(map(re.escape, sorted(lex.name_abbreviations(), key=len, reverse=True)))
_MULTI_PART = r"[а-яё]{1,2}\.(?: ?-?[а-яё]{1,6}\.)* ?-?[а-яё]{1,2}"
NO_BREAK_BEFORE = re.compile(
    rf"\b(?:[А-ЯЁA-Z]|т|г|гг|{_NAME_ABBREVIATIONS}|д|др|пр|прим|см|ст|руб|млн|млрд|тыс|о|вв|в|{_MULTI_PART})\.$"
)
# An initial the writer spaced from its stop ("Как сообщил А . Кудрин ,"): no sentence ends after it.
SPACED_INITIAL = re.compile(r"[А-ЯЁ] ")
# The abbreviations of those that stand inside a person's or a body's phrase, with their full stop:
# a title or a name's word ("проф.", "им."), a degree, an initial.
_IN_NAME = rf"\b(?:{_NAME_ABBREVIATIONS}|{_MULTI_PART}|[А-ЯЁA-Z])\."
NAME_ABBREVIATION_AT = re.compile(_IN_NAME)
NAME_ABBREVIATION_BEFORE = re.compile(_IN_NAME + "$")
# An editor's note closing a gloss in the middle of a sentence ("премьер-министр (Тереза Мэй. - Прим.
# ред.) приняла …", "(отставка Дэвиса. Ред.)", glued: "(Тереза Мэй.- Прим. ред.)"): the full stop before it
# ends no sentence.
EDITOR_NOTE = re.compile(r"\s*[-–—]?\s*(?:[Пп]рим\.|[Оо]т\s+ред\.|Ред\.\s*\))")
# A page's notice or teaser label (notice_labels.txt) inside a line of text, before a headline that
# runs on into the next sentence with no full stop ("Читайте также: <headline> Представители
# авиакомпании отметили …", "… выделите её мышкой и нажмите Ctrl+Enter <headline> …"): the sentence
# ends after the notice and where the headline ends (`_headline_end`).
_NOTICE_LABELS = "|".join(r"\s+".join(map(re.escape, label.split())) for label in sorted(lex.word_set("notice_labels")))
NOTICE_RE = re.compile(rf"(?:{_NOTICE_LABELS})\s*:[ \t]*|Ctrl\s*\+\s*Enter(?=[ \t])")
HEADLINE_CHARS = 200  # a headline is short: no end looked for further on
_HEADLINE_WORD = re.compile(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*|[.!?…]|\S")
_TITLE_CASE = re.compile(r"[А-ЯЁ][а-яё]*")
_PROPER = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init")

PARAGRAPH_RE = re.compile(r"[^\n]+")
# A line a scrape broke inside a sentence: the line before ends in a letter, a comma or an opening
# mark; the next opens with a comma or a word (group 1) that must be all lower case.
LINE_ENDS_OPEN = re.compile(r"[^\W\d_]|[,«„“(]")
LINE_OPENS_LOW = re.compile(r"[ \t]*(?:,|([^\W\d_]+))")
MAX_JOINS = 3  # lines joined into one sentence in a row, at most
ABBREVIATION_WIDTH = 14  # longer than the abbreviations NO_BREAK_BEFORE is for (a degree: "к.филол.н.")
MAX_SEQ = 96  # longer sentences are tagged in windows of this many tokens


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token]


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    type: str  # PER | ORG | LOC
    text: str


@dataclass
class Analysis:
    """What the NLP stage knows about one document's text."""

    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)


# Letters that look alike in the Latin and Cyrillic alphabets. A word spelt with both ("Cергей" with
# a Latin C, "AstraZeneсa" with a Cyrillic с: typing slips, or text made to dodge filters) is
# neither a known word nor a name to the analyser, the NER or a search.
_LATIN_TWINS = "ABCEHKMOPTXaceopxy"
_CYRILLIC_TWINS = "АВСЕНКМОРТХасеорху"
_TO_CYRILLIC = str.maketrans(_LATIN_TWINS, _CYRILLIC_TWINS)
_TO_LATIN = str.maketrans(_CYRILLIC_TWINS, _LATIN_TWINS)
_MIXED_WORD = re.compile(r"(?=[^\W\d_]*[A-Za-z])(?=[^\W\d_]*[А-Яа-яЁё])[^\W\d_]+")
# no such pair: no mixed word (written to start at a Latin letter, which the engine skips to fast)
_SCRIPTS_MEET = re.compile(r"[A-Za-z](?:(?<=[А-Яа-яЁё][A-Za-z])|(?=[А-Яа-яЁё]))")


def _one_script(m: re.Match) -> str:
    """A word of both alphabets in the one its other letters belong to, where each letter of the
    other alphabet has a twin there (by count where every letter has one: "ОМC"); else, as two
    words run together ("Pfizerили"), as it is."""
    word = m.group()
    latin = [c for c in word if c.isascii()]
    cyrillic = [c for c in word if not c.isascii()]
    latin_own = any(c not in _LATIN_TWINS for c in latin)
    cyrillic_own = any(c not in _CYRILLIC_TWINS for c in cyrillic)
    if latin_own == cyrillic_own:
        if latin_own:
            return word
        if len(latin) == len(cyrillic):
            # twins only, as many of each ("eе", "Нa"): the alphabet of the words around it
            around = m.string[max(0, m.start() - CONTEXT):m.end() + CONTEXT]
            cyr, lat = len(_CYRILLIC_LETTER.findall(around)), len(_LATIN_LETTER.findall(around))
            if cyr == lat:
                return word
            cyrillic_own = cyr > lat
        else:
            cyrillic_own = len(cyrillic) > len(latin)
    return word.translate(_TO_CYRILLIC if cyrillic_own else _TO_LATIN)


CONTEXT = 40  # characters each side of a word whose letters could be either alphabet's
_CYRILLIC_LETTER = re.compile(r"[А-Яа-яЁё]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def fold_mixed_scripts(text: str) -> str:
    """Each word spelt with look-alike letters of both alphabets in one of them ("Моcква" →
    "Москва", "СOVID" → "COVID"), letter for letter, so that every offset stays."""
    return _MIXED_WORD.sub(_one_script, text) if _SCRIPTS_MEET.search(text) else text


# A one-letter Russian word typed with its Latin twin ("вакцина, a та", "пишут o том", "c COVID"):
# lower case, right after a Cyrillic word (a comma between) and before a word, where English has no
# business; "витамин C", "группа A" are upper case and stay.
# (written to start at the Latin letter, which the engine skips to fast)
_LONE_TWIN = re.compile(r"[aocy](?:(?<=[а-яё] [aocy])|(?<=[а-яё], [aocy]))(?= [а-яё])")
# Every space character but the plain one and the line breaks: no-break (U+00A0, U+202F), thin, hair,
# figure, ideographic. Pages put them after a dash and between a name's parts ("А.\u00a0Сидоров").
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def normalise_typography(text: str) -> str:
    """The text as the analysis reads it (the cleaner reads the page as it is): words spelt in both
    alphabets in one (`fold_mixed_scripts`), a lone Latin twin of a Russian one-letter word in
    Cyrillic, and every space a plain one; letter for letter, so that every offset stays."""
    if _ODD_SPACES.search(text):
        text = _ODD_SPACES.sub(" ", text)
    text = fold_mixed_scripts(text)
    return _LONE_TWIN.sub(lambda m: m.group().translate(_TO_CYRILLIC), text) if _LONE_TWIN.search(text) else text


def name_abbreviation(text: str, start: int = -1, end: int = -1) -> tuple[int, int] | None:
    """The span of an abbreviation that stands inside a name or title phrase (NAME_ABBREVIATION_AT),
    full stop included, that starts at offset `start` or ends at offset `end`."""
    if start >= 0:
        m = NAME_ABBREVIATION_AT.match(text, start)
    else:
        m = NAME_ABBREVIATION_BEFORE.search(text, max(0, end - ABBREVIATION_WIDTH), end)
    return m.span() if m else None


def _continues(text: str, prev_end: int, next_start: int) -> bool:
    """Does the line ending at `prev_end` go on in the line from `next_start`? A scraper that saves
    a page's visible text breaks the line where a link, bold words or an ad stood ("… пишет⏎со
    ссылкой на Reuters", "- сказал⏎ксендз …"): the line before ends in a letter, a comma or an
    opening mark and the next opens with a word in lower case or a comma. A heading before its
    lead ("…: конкурентная среда⏎мРНК-вакцина …", "… в ЕС⏎6 января …") or a phone number before the
    next line does not."""
    m = LINE_OPENS_LOW.match(text, next_start)
    return m is not None and prev_end > 0 and LINE_ENDS_OPEN.match(text, prev_end - 1) is not None \
        and (m.group(1) is None or m.group(1).islower())


def _headline_end(text: str, start: int, stop: int) -> int | None:
    """Where a headline glued in front of the next sentence ends: after the word before the first one,
    with nothing but a space between them, that is capitalised and no proper name (pymorphy knows
    it, and none of its readings is a name, a place or an organisation): Russian capitalises a
    common word only at a sentence's start. None at a full stop (the splitter's own end)."""
    prev, prev_end = None, start
    for m in _HEADLINE_WORD.finditer(text, start, min(stop, start + HEADLINE_CHARS)):
        w = m.group()
        if w in ".!?…" and text[m.end():m.end() + 1].isspace():
            return None  # (a dot inside a web address is none: "Фото: aksam.com.tr")
        if prev is not None and prev[:1].isalpha() and _TITLE_CASE.fullmatch(w) and text[m.end():m.end() + 1] != "." \
                and text[prev_end:m.start()].isspace():
            readings = parse(w)
            if len(w) == 1:  # a preposition or conjunction ("… Фото: vk.me В Пакистане …"), not an initial
                if readings and readings[0].tag.POS in ("PREP", "CONJ"):
                    return prev_end
            elif all(r.is_known for r in readings) and not any(g in r.tag for r in readings for g in _PROPER):
                return prev_end
        prev, prev_end = w, m.end()
    return None


def _notice_ends(text: str, first: int, last: int) -> list[int]:
    """Offsets in the paragraph [first, last) where a sentence ends after a page's notice or
    teaser label and after the headline that follows it."""
    out = []
    for m in NOTICE_RE.finditer(text, first, last):
        if m.group().startswith("Ctrl") and text[m.end():last].lstrip()[:1].isupper():
            out.append(m.end())  # "… нажмите Ctrl+Enter Власти Пакистана заявили …"
        end = _headline_end(text, m.end(), last)
        if end is not None:
            out.append(end)
    return out


# A word that Russian capitalises only where a sentence starts — a preposition, a conjunction, an
# adverb, a pronoun or a particle ("Согласно", "По", "Как", "Вместо", "Ранее", "Он", "Это") — right after
# a lower-case word with one space or nothing between: a heading with no stop whose break a scraper
# dropped ("…после прививки Согласно данным …", "…прививкиСогласно данным …") or a link's words it lost
# ("…, сообщает При этом …"). Glued with nothing between, any capitalised word after a lower-case one
# starts the next sentence ("подал в отставкуДэвид Дэвис, …"; not "мРНК", "ЭпиВакКорона", "ВымпелКом").
# Not a word with a hyphen, a full stop or an apostrophe after it ("Ла-Манша", "Б.Джонсон", "О'Лири").
GLUED_START = re.compile(r"[А-ЯЁ](?:(?<=[а-яё] [А-ЯЁ])|(?<=[а-яё][А-ЯЁ]))[а-яё]+(?![-.'’\w])")
_OPENER_POS = frozenset(("PREP", "CONJ", "ADVB", "NPRO", "PRCL"))
_PERSON_NAME = ("Name", "Surn", "Patr")
NAME_SHARE = 0.05  # of pymorphy's score, the readings as a name that make a word a name


@lru_cache(maxsize=4096)
def _opener(word: str) -> str | None:
    """The part of speech of a capitalised word that opens a sentence only (`GLUED_START`), or None: not
    one that is a person's name as often ("Ли", "Ким"; Эдгар "По" is too rare to count), nor the polite
    "Вы", "Вам" (capitalised anywhere). (The word as written: its analyses are the ones the quotation
    finders read later, so the cache holds them already.)"""
    readings = parse(word)
    if not readings or readings[0].tag.POS not in _OPENER_POS or \
            sum(r.score for r in readings if any(g in r.tag for g in _PERSON_NAME)) >= NAME_SHARE:
        return None
    tag = readings[0].tag
    return None if tag.POS == "NPRO" and "2per" in tag else tag.POS


def _glued_starts(text: str, first: int, last: int) -> list[int]:
    """Offsets in the paragraph [first, last) where a sentence ends before a `GLUED_START` word."""
    out = []
    for m in GLUED_START.finditer(text, first, last):
        s = m.start()
        if text[s - 1] != " ":
            k = s
            while k > first and text[k - 1].isalpha():
                k -= 1
            if s - k > 1 and text[k:s].islower():  # glued to a lower-case word
                out.append(s)
            elif _opener(m.group()) in ("PREP", "CONJ", "ADVB"):  # not "ВымпелКом"
                out.append(s)
            continue
        pos = _opener(m.group())
        if pos is None or pos in ("NPRO", "PRCL") and _TITLE_CASE.match(text, m.end() + 1):
            continue  # a name's particle ("художник Ван Гог", "Франк Де Блекере"), "подданные Ее Величества"
        out.append(s - 1)
    return out


def _glued_stop(text: str, at: int, end: int, first: int) -> bool:
    """Does the stop text[at:end] (`GLUED_STOP`, no space after it) end a sentence? The words each side
    say: after a word of three letters or more, a known word of two ("он.Он"), an acronym ("ЕС.Дэвид",
    "США.ВОЗ"), a number ("95%.", "60+.") or a closing mark, before a word that opens a sentence. Not
    after an initial or an abbreviation ("В.Путин", "г.Москва", "Дж.Хант", "им.Чумакова"), not inside
    a domain name or a brand: an unknown short word after it ("Лента.Ру", "Емиас.Инфо"), a top-level
    domain ("Газета.Ru"), a common noun after an organisation's name ("Яндекс.Такси"), a domain's part
    before it ("baltinfo.ru.Пока" ends: a Russian sentence after a Latin domain)."""
    k = at
    if text[k - 1] in "»\"”)":
        k -= 1
        if k > first and text[k - 1] in "»\"”)":
            k -= 1
        return k > first and text[k - 1].isalnum()  # '"Роснефть".Он', 'лет»».В то же время'
    if text[k - 1] == " " and k - 1 > first:
        k -= 1  # the writer's space before the stop ("продолжает Ольга .Но это свобода")
    if text[k - 1] in "%+" or text[k - 1].isdigit():
        # "95%.Действенность", "60+.На"; not a list's item number ("1.Пункт первый")
        number = _LIST_NUMBER.search(text, max(first, k - 4), k)
        return k == at and not (number and (number.start() == first or text[number.start() - 1] in ".:;!?"))
    run = _RUN_BEFORE.search(text, max(first, k - 40), k)
    if run is None or text[at] == "." and NO_BREAK_BEFORE.search(text[max(first, k - ABBREVIATION_WIDTH):k] + "."):
        return False
    word = run.group()
    next_word = _WORD_AFTER.match(text, end)
    dash = next_word is None
    after = "" if dash else next_word.group(1)
    if run.start() > first and text[run.start() - 1] in ".@/\\_":
        # a domain's or an abbreviation's last part: ends a sentence only as a domain before Russian
        return word.isascii() and word.islower() and not after.isascii()
    if len(word) < 2 or len(word) == 2 and not word.isupper() and (not word.islower() or k != at):
        return False  # an initial, "Дж.", a word of two letters after a space
    if len(word) == 2 and word.islower() and any("Abbr" in r.tag or not r.is_known for r in parse(word)):
        return False  # "ул.", "св."
    if dash:
        return True  # "области.‑ Достаю"
    if after.lower() in _TOP_DOMAINS or k != at and after.isupper():
        return False  # a domain's zone: "в зоне .РФ", "Газета.Ru"
    if after.isascii():
        return len(after) > 2 and not word.isascii()
    if len(after) == 1:
        return text[end + 1:end + 2].isspace() or text[end:end + 1] in "«\"„“"  # "неделю.В июне"
    if after.isupper():
        return True  # an acronym: "пандемией.ВОЗ полагает"
    readings = parse(after)
    if not readings[0].is_known and len(after) <= SHORT_UNKNOWN and word.istitle():
        return False  # "Лента.Ру", "Емиас.Инфо" (a name after a common word ends: "по закону.Масих обратился")
    if word.istitle() and readings[0].tag.POS in ("NOUN", "ADJF") and "inan" in readings[0].tag \
            and "Orgn" in parse(word)[0].tag:
        return False  # "Яндекс.Такси"; not "ЕС.Дэвид"
    return True


def _glued_stops(text: str, first: int, last: int) -> list[int]:
    """Offsets in the paragraph [first, last) where a sentence ends after a `GLUED_STOP`: the stop glued
    to the word before it, or one space between (a word's, not the spaced branch's "сказал . Мы")."""
    out = []
    for m in GLUED_STOP.finditer(text, first, last):
        s = m.start()
        if s > first and (not text[s - 1].isspace() or text[s - 1] == " " and s - 1 > first and text[s - 2].isalpha()) \
                and _glued_stop(text, s, m.end(), first) and not EDITOR_NOTE.match(text, m.end(), last):
            out.append(m.end())
    return out


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs are hard breaks unless a scrape broke a sentence between them (`_continues`, at
    most MAX_JOINS in a row); inside one, break after terminal punctuation."""
    spans = []
    prev_end, joins = -1, 0
    for para in PARAGRAPH_RE.finditer(text):
        start, first, last = para.start(), para.start(), para.end()
        if spans and joins < MAX_JOINS and _continues(text, prev_end, first):
            start = spans.pop()[0]  # the sentence left open goes on in this line
            joins += 1
        else:
            joins = 0
        # Searched in place (pos, endpos): the lookahead stops at the paragraph's end as in a copy.
        ends = []
        for m in SENT_END_RE.finditer(text, first, last):
            # Only the last few characters can hold an abbreviation; the search still
            # sees the character before its window for the word boundary.
            if text[m.start()] == "." and (
                    NO_BREAK_BEFORE.search(text, max(first, m.start() - ABBREVIATION_WIDTH), m.start() + 1)
                    or SPACED_INITIAL.match(text, m.start() - 2, m.start()) and not text[m.start() - 3:m.start() - 2].isalnum()
                    or EDITOR_NOTE.match(text, m.end(), last)):
                continue
            ends.append(m.end())
        glued = _glued_stops(text, first, last) + _glued_starts(text, first, last)
        for end in sorted(set(ends).union(_notice_ends(text, first, last), glued)):
            if end > start:
                spans.append((start, end))
                start = end
                joins = 0
        spans.append((start, last))
        prev_end = last
        while prev_end > first and text[prev_end - 1].isspace():
            prev_end -= 1
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            out.append((s, e))
    return out


def sentences(text: str) -> list[Sentence]:
    # Each sentence's tokens matched in place: a token never crosses a sentence's bounds (both
    # stand next to white space), and TOKEN_RE looks at no character outside its match.
    return [Sentence(s, e, [Token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, s, e)])
            for s, e in _sentence_spans(text)]


BATCH_TOKENS = 8192  # sequences grouped by length, their padded words per batch at most this


class NerTagger:
    """slovnet's news NER network driven over many sentences per call."""

    def __init__(self):
        from natasha import NewsNERTagger

        tagger = NewsNERTagger(news_embedding())
        infer = tagger.infer
        self.model = infer.model
        self.words = infer.encoder.words_vocab
        self.shapes = infer.encoder.shapes_vocab
        self.tags = list(infer.decoder.tags_vocab.items)
        self._tag_names = np.array(self.tags, dtype=object)
        self.transitions = self.model.head.crf.transitions.array
        self.layers = [ConvLayer(layer) for layer in self.model.encoder.layers]
        taps = self.layers[0].kernel  # in x (taps * filters)
        word_dim = self.model.emb.word.dim
        self._word_taps = np.ascontiguousarray(taps[:word_dim])
        self._shape_taps = self.model.emb.shape.weight.array @ taps[word_dim:]
        self._n_shapes = len(self._shape_taps)
        from slovnet.shape import word_shape

        self._shape = lru_cache(maxsize=100_000)(word_shape)
        self._word_cache: dict[str, int] = {}

    def _key(self, word: str) -> int:
        """The word's (vocabulary id, shape id) as one number."""
        key = self._word_cache.get(word)
        if key is None:
            key = self.words.encode(word.lower()) * self._n_shapes + self.shapes.encode(self._shape(word))
            if len(self._word_cache) < 500_000:
                self._word_cache[word] = key
        return key

    def tag(self, sequences: list[list[str]]) -> list[list[str]]:
        """BIO tags for each sequence of words, in batches of at most BATCH_TOKENS padded words."""
        out: list[list[str] | None] = [None] * len(sequences)
        order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))
        pos = 0
        while pos < len(order):
            longest = max(1, len(sequences[order[pos]]))
            end = pos
            # Group sequences of similar length so padding stays small.
            while end < len(order) and (end - pos + 1) * max(longest, len(sequences[order[end]])) <= BATCH_TOKENS:
                longest = max(longest, len(sequences[order[end]]))
                end += 1
            end = max(end, pos + 1)
            group = order[pos:end]
            for i, tags in zip(group, self._tag_group([sequences[i] for i in group])):
                out[i] = tags
            pos = end
        return out  # type: ignore[return-value]

    def _tag_group(self, seqs: list[list[str]]) -> list[list[str]]:
        emissions = self._emissions(seqs)
        lengths = np.array([len(s) for s in seqs])
        paths = viterbi(emissions, lengths, self.transitions)
        return [row[:n] for row, n in zip(self._tag_names[paths].tolist(), lengths.tolist())]

    def _emissions(self, seqs: list[list[str]]) -> np.ndarray:
        """The network's forward pass with every sequence laid end to end, each layer's output
        computed once per distinct input it sees.

        A convolution's output row depends only on the rows its taps read: the first layer's on
        the (word, shape) pairs of a token and its neighbours, the second's on five tokens, the
        third's on seven (ending at a sequence's edges, where slovnet's zero padding reads a zero
        row). So each layer projects its distinct input rows through all its taps at once,
        finds the distinct combinations of rows its outputs read (np.unique over their ids), and
        sums and normalises only those: in a batch of news about a fifth of the tokens share their
        three-token context with an earlier one ("по словам", ", что он"), and a document that
        repeats itself costs what its distinct contexts cost. The arithmetic of each output row is
        the one the whole batch's would be (the same products summed in the same order).
        """
        lengths = np.fromiter(map(len, seqs), dtype=np.int64, count=len(seqs))
        n_tokens = int(lengths.sum())
        seq_of = np.repeat(np.arange(len(seqs)), lengths)
        at = np.arange(n_tokens) - np.repeat(np.cumsum(lengths) - lengths, lengths)  # position in its sequence
        length_of = lengths[seq_of]
        # The row each token's tap at offset `shift` reads, -1 where that lies outside its sequence.
        neighbour = {}
        for shift in {shift for layer in self.layers for shift in layer.shifts}:
            rows = np.arange(shift, n_tokens + shift)
            rows[(at + shift < 0) | (at + shift >= length_of)] = -1
            neighbour[shift] = rows
        known = self._word_cache.get
        keys = [known(word) for seq in seqs for word in seq]  # a method call only for words not seen before
        if None in keys:
            keys = [self._key(word) for seq in seqs for word in seq]
        keys = np.array(keys, dtype=np.int64)
        pairs, ids = np.unique(keys, return_inverse=True)
        words, shapes = np.divmod(pairs, self._n_shapes)
        projected = np.empty((len(pairs) + 1, self._word_taps.shape[1]), np.float32)
        np.matmul(self.model.emb.word(words), self._word_taps, out=projected[:-1])
        projected[:-1] += self._shape_taps[shapes]
        projected[-1] = 0  # what a tap reads outside the sequence
        for n, layer in enumerate(self.layers):
            reads, ids = _contexts(ids, len(projected) - 1, [neighbour[shift] for shift in layer.shifts])
            x = layer.over(projected, reads)
            if n + 1 < len(self.layers):
                projected = self.layers[n + 1].project(x)
        scores = self.model.head.proj(x)[ids]
        # Back to a padded batch for the CRF.
        out = np.zeros((len(seqs), max(1, int(lengths.max(initial=0))), scores.shape[-1]), dtype=scores.dtype)
        out[seq_of, at] = scores
        return out


def _contexts(ids: np.ndarray, zero: int, neighbours: list[np.ndarray]) -> tuple[list[np.ndarray], np.ndarray]:
    """What each distinct output row of a convolution reads, and which of them each token's is.
    `ids[t]`: the input row of token t; `zero`: the zero row's index; `neighbours[k][t]`: the token
    tap k reads for token t (-1: outside its sequence). Returns per tap the input rows of each
    distinct combination (in the order of np.unique) and each token's combination."""
    reads = [np.where(rows >= 0, ids[rows], zero) for rows in neighbours]
    base = zero + 1
    key = reads[0]
    for r in reads[1:]:
        if (int(key.max(initial=0)) + 1) * base >= 2**62:  # renumber before the product overflows
            key = np.unique(key, return_inverse=True)[1]
        key = key * base + r
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    return [r[first] for r in reads], inverse


class ConvLayer:
    """slovnet's Conv1d + ReLU + BatchNorm, with its kernel taps side by side in one matrix (each
    input row projected through every tap in one product) and the norm folded into one scale
    and shift: several times faster than applying the shipped layer as it is."""

    def __init__(self, layer):
        weight = layer.conv.weight.array  # filters x in x kernel
        self.pad = layer.conv.padding
        self.taps = [np.ascontiguousarray(weight[:, :, k].T) for k in range(weight.shape[2])]
        self.kernel = np.ascontiguousarray(np.concatenate(self.taps, axis=1))  # in x (taps * filters)
        self.shifts = [k - self.pad for k in range(len(self.taps))]  # tap k reads row t + shift
        self.bias = layer.conv.bias.array
        norm = layer.norm
        self.scale = (norm.weight.array / norm.std.array).astype(weight.dtype)
        self.shift = (norm.bias.array - norm.mean.array * self.scale).astype(weight.dtype)

    def project(self, x: np.ndarray) -> np.ndarray:
        """Each row of `x` through every tap (rows x taps*filters), and a last row of zeros."""
        out = np.empty((len(x) + 1, self.kernel.shape[1]), x.dtype)
        np.matmul(x, self.kernel, out=out[:-1])
        out[-1] = 0
        return out

    def over(self, projected: np.ndarray, reads: list[np.ndarray]) -> np.ndarray:
        """Output rows from projected input rows (`project`'s): row i sums tap k of row
        `reads[k][i]`, taps in order, then the activation and the norm."""
        width = self.bias.shape[0]
        out = projected[reads[0], :width]
        for k in range(1, len(reads)):
            out += projected[reads[k], k * width:(k + 1) * width]
        out += self.bias
        np.maximum(out, 0, out=out)
        out *= self.scale
        out += self.shift
        return out


def viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best tag path for every row of a padded batch at once."""
    batch, width, ntags = emissions.shape
    score = emissions[:, 0]
    identity = np.broadcast_to(np.arange(ntags), (batch, ntags))
    history = np.empty((max(width - 1, 0), batch, ntags), dtype=np.int64)
    # Candidates laid out (batch, next tag, previous tag): the reductions run over the last,
    # contiguous axis (no transposed copy), and the best score is read at the argmax.
    into = np.ascontiguousarray(transitions.T)
    for t in range(1, width):
        cand = score[:, None, :] + into + emissions[:, t, :, None]
        best_prev = cand.argmax(2)
        best = np.take_along_axis(cand, best_prev[:, :, None], 2)[:, :, 0]
        active = (t < lengths)[:, None]
        score = np.where(active, best, score)
        # Past a row's end the pointer is the identity, so backtracking passes through.
        history[t - 1] = np.where(active, best_prev, identity)
    paths = np.empty((batch, width), dtype=np.int64)
    last = score.argmax(1)
    paths[:, width - 1] = last
    rows = np.arange(batch)
    for t in range(width - 1, 0, -1):
        last = history[t - 1][rows, last]
        paths[:, t - 1] = last
    return paths


@lru_cache(maxsize=1)
def news_embedding():
    """navec's news embedding, shared by the NER tagger and the syntax parser: what they take
    from it (its id and its quantised vectors) without the rest `NewsEmbedding()` loads, a
    250,000-word index and the vectors' norms and inner products for similarity queries,
    which nothing here makes (about a third of the start-up's CPU time)."""
    from natasha.data import NEWS_EMBEDDING
    from navec import Navec
    from navec.meta import Meta
    from navec.pq import PQ
    from navec.tar import Tar

    class QuantisedVectors(PQ):
        def precompute(self):
            pass  # the norms and inner products serve `Navec.sim` only

    with Tar(NEWS_EMBEDDING) as tar:
        meta = Meta.from_file(tar.load("meta.json"))
        Meta.check_protocol(meta.protocol)
        return Navec(meta, None, QuantisedVectors.from_file(tar.load("pq.bin")))


@lru_cache(maxsize=1)
def syntax_parser():
    """natasha's NewsSyntaxParser, loaded only when a sentence needs parsing."""
    from natasha import NewsSyntaxParser

    return _frozen(NewsSyntaxParser(news_embedding()))


class DependencyParser:
    """natasha's syntax network (`syntax_parser`) driven without its wrappers: the same batches
    (`batch_size` sentences in input order), the same id arrays through the same layers, so the
    same heads and relations; but each word's (vocabulary id, shape id) is looked up once per form,
    the heads are decoded once (slovnet decodes them twice), and no markup objects are built. The
    quotation finder parses a sentence or two per call, so that wrapping cost about a third of the
    parse."""

    def __init__(self, parser):
        from slovnet.shape import word_shape

        infer = parser.infer
        self.model = infer.model
        self.batch_size = parser.batch_size
        self.words, self.shapes = infer.encoder.words_vocab, infer.encoder.shapes_vocab
        self.rels = infer.decoder.rels_vocab.items
        self._shape = word_shape
        self._ids: dict[str, tuple[int, int]] = {}

    def _word_ids(self, word: str) -> tuple[int, int]:
        ids = self._ids.get(word)
        if ids is None:
            ids = (self.words.encode(word.lower()), self.shapes.encode(self._shape(word)))
            if len(self._ids) < 500_000:
                self._ids[word] = ids
        return ids

    def parse(self, sentences: list[list[str]]) -> list[list[tuple[int, str]]]:
        """Per sentence, per token: (its head's 1-based index in the sentence, 0 for the root;
        its relation)."""
        out = []
        model = self.model
        for b in range(0, len(sentences), self.batch_size):
            batch = [[self._word_ids(w) for w in words] for words in sentences[b:b + self.batch_size]]
            width = max(len(ids) for ids in batch)
            if not width:  # nothing to parse (the network takes no empty sequence)
                out.extend([] for _ in batch)
                continue
            # as slovnet's pad_sequence: default integer arrays filled with the pad ids
            word_id = np.full((len(batch), width), self.words.pad_id)
            shape_id = np.full((len(batch), width), self.shapes.pad_id)
            for k, ids in enumerate(batch):
                if ids:
                    word_id[k, :len(ids)], shape_id[k, :len(ids)] = zip(*ids)
            pad_mask = word_id == self.words.pad_id
            x = model.encoder(model.emb(word_id, shape_id), pad_mask)
            heads = model.head.decode(model.head(x), ~pad_mask)
            rels = model.rel.decode(model.rel(x, heads), ~pad_mask)
            for k, n in enumerate((~pad_mask).sum(-1).tolist()):
                out.append([(h, self.rels[r]) for h, r in zip(heads[k, :n].tolist(), rels[k, :n].tolist())])
        return out


@lru_cache(maxsize=1)
def dependency_parser() -> DependencyParser:
    return DependencyParser(syntax_parser())


@lru_cache(maxsize=1)
def ner_tagger() -> NerTagger:
    return _frozen(NerTagger())


@lru_cache(maxsize=1)
def morph():
    # pymorphy3: pymorphy2 (natasha's own pin) fails on Python 3.11.
    import pymorphy3

    return _frozen(pymorphy3.MorphAnalyzer())


def _frozen(model):
    """Exempt everything alive now, the model included, from garbage collection:
    the models' large object graphs never become garbage, and traversing them on
    every full collection cost about 15% of the extraction time."""
    gc.freeze()
    return model


_ATTRS = ("POS", "animacy", "aspect", "case", "gender", "involvement", "mood", "number", "person",
          "tense", "transitivity", "voice")


class Tag:
    """A pymorphy3 tag with its grammemes read out once. pymorphy computes `tag.POS`,
    `tag.case`, … on every access (a set intersection), and the quotation finder reads
    them hundreds of times per sentence; tags are shared by every word form that has them."""

    __slots__ = _ATTRS + ("grammemes", "_tag")

    def __init__(self, tag):
        for a in _ATTRS:
            value = getattr(tag, a)
            setattr(self, a, None if value is None else str(value))
        self.grammemes = tag.grammemes
        self._tag = tag

    def __contains__(self, grammeme) -> bool:
        if isinstance(grammeme, (set, frozenset)):
            return grammeme <= self.grammemes
        return grammeme in self.grammemes

    def __eq__(self, other) -> bool:
        return self._tag == (other._tag if isinstance(other, Tag) else other)

    def __hash__(self) -> int:
        return hash(self._tag)

    def __str__(self) -> str:
        return str(self._tag)

    def __repr__(self) -> str:
        return repr(self._tag)

    def __getattr__(self, name):  # the rarely used rest (cyr_repr, …)
        return getattr(self._tag, name)


class Reading:
    """One pymorphy3 analysis of a word form, with a `Tag` whose grammemes are plain attributes."""

    __slots__ = ("word", "tag", "normal_form", "score", "methods_stack", "is_known", "_parse")

    def __init__(self, p, tags: dict):
        self.word, self.normal_form, self.score, self.methods_stack = p.word, p.normal_form, p.score, p.methods_stack
        tag = tags.get(p.tag)
        if tag is None:
            tag = tags[p.tag] = Tag(p.tag)
        self.tag = tag
        self.is_known = p.is_known
        self._parse = p

    def inflect(self, grammemes):
        return self._parse.inflect(grammemes)

    @property
    def lexeme(self):
        return self._parse.lexeme

    @property
    def normalized(self):
        return self._parse.normalized

    def __repr__(self) -> str:
        return repr(self._parse)


_TAGS: dict = {}


@lru_cache(maxsize=300_000)
def parse(word: str) -> list[Reading]:
    """pymorphy3 analyses of one word form (cached: news reuses its vocabulary)."""
    return [Reading(p, _TAGS) for p in morph().parse(word)]


def _windows(sent: Sentence) -> list[list[Token]]:
    toks = sent.tokens
    if len(toks) <= MAX_SEQ:
        return [toks]
    return [toks[i:i + MAX_SEQ] for i in range(0, len(toks), MAX_SEQ)]


def analyse(texts: list[str]) -> list[Analysis]:
    """Sentences and entities for a batch of texts, NER run once over all of them."""
    analyses = [Analysis(sentences=sentences(t)) for t in texts]
    windows: list[tuple[int, list[Token]]] = []
    for doc_index, analysis in enumerate(analyses):
        for sent in analysis.sentences:
            for window in _windows(sent):
                windows.append((doc_index, window))
    if windows:
        tags = ner_tagger().tag([[t.text for t in w] for _, w in windows])
        for (doc_index, window), seq_tags in zip(windows, tags):
            if seq_tags.count("O") < len(seq_tags):  # most windows name nothing
                analyses[doc_index].entities.extend(_bio_entities(texts[doc_index], window, seq_tags))
    return analyses


def _bio_entities(text: str, tokens: list[Token], tags: list[str]) -> list[Entity]:
    ents: list[Entity] = []
    start = end = None
    kind = None
    for tok, tag in zip(tokens, tags):
        part, _, label = tag.partition("-")
        if part == "I" and kind == label and start is not None:
            end = tok.end
            continue
        if start is not None:
            ents.append(Entity(start, end, kind, text[start:end]))
            start = None
        if part in ("B", "I"):
            start, end, kind = tok.start, tok.end, label
    if start is not None:
        ents.append(Entity(start, end, kind, text[start:end]))
    return ents
