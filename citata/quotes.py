"""Quotations and their speakers.

Input: a document's clean text and its `nlp.Analysis` (sentences, tokens,
named entities). Output: `Quote` records with offsets into that text.

The stage works in three passes:
1. pair quotation marks («…», „…“, “…”, straight "…" by context; a quote that
   runs over several paragraphs reopens each one);
2. find attributions: a cue (speech verb, "по словам", "сообщается", …) in one
   of the constructions Russian news uses, which fixes the content span and
   where to look for the speaker (subject before the cue, inverted subject
   after it, genitive after "по словам", "в документе" after an impersonal
   verb);
3. resolve speakers across the document: names to their fullest form,
   pronouns and role nouns ("министр", "глава МИД") to the person they
   designate, documents to their author.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import lexicons as lex
from .model import Quote, Speaker, TextSpan
from .nlp import Analysis, Entity, Token, parse
from .entities import correct
from .names import NameIndex, canonical_role, is_nominative_name, nominative_phrase, tidy_role

PREPOSITIONS = frozenset("в во на по с со из для к ко от у о об обо при за под над перед между через без до после про".split())
COMPLEMENTIZERS = frozenset(("что", "чтобы", "будто", "якобы"))
CITED_WORDS = frozenset(("слова", "слов", "высказывание", "цитату", "цитирует"))
DASHES = "—–-"
# "10:21 REGNUM Гражданка Пакистана …": an agency's time stamp before a lead
DATELINE = re.compile(r"\d{1,2}:\d{2}\s+[A-ZА-ЯЁ][A-ZА-ЯЁ.\-]{2,}\s+(?=[«\"A-ZА-ЯЁ])")
RELATIVES_OBLIQUE = frozenset(("которых", "которого", "которой", "которому", "которым", "которыми", "котором"))
SITE_NAME = re.compile(r"[\w-]+\.(?:ru|ua|com|org|net|by|kz|su|info|рф)\b", re.IGNORECASE)
# "Как сообщал X, который подал в отставку": a relative clause is never reported content
RELATIVES = frozenset(("который", "которая", "которое", "которые"))
TERMINAL = ".!?…"
# Tokens allowed between an inverted cue and its subject, or before a cue after the comma.
FILLERS = frozenset("также уже ранее вчера сегодня позднее затем потом впоследствии тогда лишь "
                    "неоднократно официально публично прямо открыто недавно накануне".split())

OPEN_MARKS = "«„“\""
# After a closing mark: ", — сказал", ", - написала" (the attribution of a direct quotation).
ATTRIBUTION_AFTER = re.compile(r"[,!?…]?\s*[—–-]\s+[а-яё]")


# --- quotation marks ----------------------------------------------------------

def pair_quotes(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of every balanced pair of quotation marks.

    Guillemets and „…“ nest explicitly; a straight quote opens after a space,
    a bracket, a dash or a colon and closes after a letter or punctuation.
    A paragraph that ends inside a quotation continues it only when the next
    paragraph reopens with the same mark (the Russian convention for a long
    quotation); otherwise the unclosed marks are dropped.
    """
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (family, offset)
    skip = -1
    n = len(text)
    for i, c in enumerate(text):
        if c == "\n":
            if stack and pairs:
                # A paragraph that ends on a closing mark closes every quotation of
                # that kind still open: nested straight quotes share their end
                # (seed 000: a question quoting a treaty article, closed once).
                k = i - 1
                while k >= 0 and text[k] in " \t":
                    k -= 1
                last_open, last_close = max(pairs, key=lambda p: p[1])
                if k == last_close:
                    fam = _family_of(text[k], text[last_open])
                    for f, o in stack:
                        if f == fam:
                            pairs.append((o, k))
                    stack[:] = [(f, o) for f, o in stack if f != fam]
            if stack:
                j = i
                while j < n and text[j].isspace():
                    j += 1
                if j < n and _family_opener(stack[-1][0]) == text[j]:
                    skip = j
                elif j < n and text[j] != "\n":
                    stack.clear()
            continue
        if i == skip:
            continue
        if c == "«":
            stack.append(("g", i))
        elif c == "»":
            _close(stack, "g", i, pairs)
            _close_outer(text, stack, "g", i, pairs)
        elif c == "„":
            stack.append(("l", i))
        elif c == "“":
            if any(f == "l" for f, _ in stack):
                _close(stack, "l", i, pairs)
            else:
                stack.append(("c", i))
        elif c == "”":
            _close(stack, "c", i, pairs)
        elif c == '"':
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            # a stray space before a closer ("сомнениями ", — написал") does not make it an opener
            opening = (prev.isspace() or prev in "([{«„:—–-/") and not nxt.isspace() and nxt not in ",.;:!?)»"
            closing = (not prev.isspace() and (nxt.isspace() or not nxt.isalnum())) or nxt in ",.;:!?)»"
            if opening and not closing:
                stack.append(("s", i))
            elif closing and not opening:
                _close(stack, "s", i, pairs)
                _close_outer(text, stack, "s", i, pairs)
            elif stack and stack[-1][0] == "s":
                _close(stack, "s", i, pairs)
            else:
                stack.append(("s", i))
    pairs.sort()
    return pairs


def _close_outer(text: str, stack, family: str, i: int, pairs) -> None:
    """«Вспомнились строки «не вынесла душа поэта», … на слове «позора», - написала она:
    writers often close only the inner quotation; an attribution right after the mark
    shows that the outer one ends there too."""
    if ATTRIBUTION_AFTER.match(text, i + 1):
        for f, o in stack:
            if f == family:
                pairs.append((o, i))
        stack[:] = [(f, o) for f, o in stack if f != family]


def _family_of(close_mark: str, open_mark: str) -> str:
    return {"»": "g", '"': "s", "”": "c"}.get(close_mark, "l" if open_mark == "„" else "c")


def _family_opener(family: str) -> str:
    return {"g": "«", "l": "„", "c": "“", "s": '"'}[family]


def _close(stack, family, i, pairs):
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == family:
            pairs.append((stack[k][1], i))
            del stack[k:]
            return


# --- document view --------------------------------------------------------------

@dataclass
class Ref:
    """Where a speaker is designated before resolution."""

    kind: str  # entity | pronoun | np | relative | document | none | lost (a source whose name is missing)
    start: int = 0
    end: int = 0
    entity: Entity | None = None
    gender: str | None = None  # m | f | p for pronouns
    head: str | None = None  # lemma of the NP's head noun
    role: str | None = None
    case: str | None = None  # grammatical case the construction imposes (gent after "по словам")


@dataclass
class Found:
    type: str
    start: int
    end: int
    cue: tuple[int, int, str] | None
    ref: Ref | None
    addressee: tuple[int, int] | None = None
    channel: tuple[int, int] | None = None
    is_question: bool = False
    cue_cls: str = "say"
    speaker: Speaker | None = field(default=None)
    parts: list[tuple[int, int]] | None = None


class DocView:
    def __init__(self, text: str, analysis: Analysis):
        self.text = text
        self.sents = analysis.sentences
        self.toks: list[Token] = []
        self.tok_sent: list[int] = []
        for si, s in enumerate(self.sents):
            self.toks.extend(s.tokens)
            self.tok_sent.extend([si] * len(s.tokens))
        self.starts = [t.start for t in self.toks]
        self.sent_first: list[int] = []
        k = 0
        for s in self.sents:
            self.sent_first.append(k)
            k += len(s.tokens)
        self.sent_first.append(k)
        self.lower = [t.text.lower().replace("ё", "е") for t in self.toks]
        self.entities = sorted(analysis.entities, key=lambda e: e.start)
        self.ent_at: dict[int, Entity] = {}
        for e in self.entities:
            for ti in self.tokens_in(e.start, e.end):
                self.ent_at[ti] = e
        self.pairs = pair_quotes(text)
        self.pair_by_open = {o: c for o, c in self.pairs}
        self.pair_by_close = {c: o for o, c in self.pairs}
        # Token index -> innermost enclosing pair, for skipping quoted words.
        self.quoted: dict[int, tuple[int, int]] = {}
        for o, c in sorted(self.pairs, key=lambda p: p[0] - p[1]):
            for ti in self.tokens_in(o + 1, c):
                self.quoted[ti] = (o, c)
        self.names = NameIndex(text, self.entities)
        self.cue_cache: dict[int, tuple[int, str, str] | None] = {}

    def tokens_in(self, start: int, end: int) -> range:
        a = bisect_right(self.starts, start - 1)
        b = bisect_right(self.starts, end - 1)
        return range(a, b)

    def tok_index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def sent_range(self, si: int) -> range:
        return range(self.sent_first[si], self.sent_first[si + 1])

    def is_word(self, i: int) -> bool:
        return self.toks[i].text[0].isalnum()

    def parses(self, i: int):
        return parse(self.toks[i].text)


# --- cues -------------------------------------------------------------------------

def cue_at(view: DocView, i: int) -> tuple[int, str, str] | None:
    """(end token index, lemma, class) when token i starts a cue (memoised per document)."""
    if i in view.cue_cache:
        return view.cue_cache[i]
    hit = _cue_at(view, i)
    view.cue_cache[i] = hit
    return hit


def _lemmas(view: DocView, j: int) -> frozenset[str]:
    return _word_lemmas(view.toks[j].text)


@lru_cache(maxsize=300_000)
def _word_lemmas(word: str) -> frozenset[str]:
    return frozenset(p.normal_form.replace("ё", "е") for p in parse(word))


def _cue_at(view: DocView, i: int) -> tuple[int, str, str] | None:
    low = view.lower[i]
    if low in lex.impersonal_cues():
        return i, verb_lemma(view, i), "impersonal"
    hit = lex.speech_verbs().get(low)
    first_words = lex.speech_phrase_heads()
    if view.is_word(i) and (hit and hit[0] in first_words or first_words & _lemmas(view, i)):
        for phrase, cls in lex.speech_phrases():
            j, ok = i, True
            for n, word in enumerate(phrase):
                while j < len(view.toks) and (view.lower[j] in ("свою", "свое", "свой", "глубокую", "полную", "он", "она", "они") or (
                        # "принес "глубочайшие извинения"": quotation marks and adjectives inside the phrase
                        n > 0 and (view.toks[j].text in OPEN_MARKS or view.parses(j)[0].tag.POS == "ADJF"))):
                    j += 1
                if j >= len(view.toks) or word not in _lemmas(view, j):
                    ok = False
                    break
                j += 1
            if ok:
                return j - 1, " ".join(phrase), cls
    if hit and hit[1] == "cite":
        # only with the words quoted: "приводит «Интерфакс» слова Вестагер"
        for j in range(i + 1, min(i + 6, len(view.toks))):
            if view.lower[j] in CITED_WORDS:
                return j, hit[0], "cite"
        return None
    if hit:
        tag = view.parses(i)[0].tag
        if i not in view.quoted and (tag.POS == "INFN" or tag.person in ("1per", "2per") or tag.mood == "impr"):
            return None  # the narrator's "Отметим, что", "напомним": not a reported speech act
        if tag.POS == "INFN" and i > 0 and view.parses(i - 1)[0].tag.person in ("1per", "2per"):
            return None  # "мы хотим сказать, что": the speaker's own phrasing, not a report
        return i, hit[0], hit[1]
    if low in lex.speech_adjectives():
        return i, "уверенный" if low.startswith("увер") else "убежденный", "think"
    return None


def verb_lemma(view: DocView, i: int) -> str:
    return view.parses(i)[0].normal_form


# --- speaker search ------------------------------------------------------------------

def _is_prep(view: DocView, i: int) -> bool:
    return view.lower[i] in PREPOSITIONS


def _noun_parse(view: DocView, i: int, case: str | None = None):
    for p in view.parses(i):
        if p.tag.POS in ("NOUN",) and (case is None or case in p.tag or "Fixd" in p.tag):
            return p
    return None


def _np_bounds(view: DocView, i: int, lo: int, hi: int) -> tuple[int, int]:
    """The run of name-like and nominal words around token i (inclusive bounds)."""
    def nominal(j: int) -> bool:
        if not view.is_word(j) or view.lower[j] in PREPOSITIONS or view.lower[j] in COMPLEMENTIZERS:
            return False
        if j in view.ent_at:
            return True
        if view.lower[j] in lex.pronouns() or view.lower[j] in ("и", "а", "но", "или", "который", "которая", "которые", "которое"):
            return False
        if view.lower[j] in lex.QUANTIFIERS:
            return True
        pos = view.parses(j)[0].tag.POS
        return pos in ("NOUN", "ADJF", "NUMR", None) or view.toks[j].text[0].isupper()
    own = view.ent_at.get(i)

    def other_person(j: int, allowed) -> bool:
        e = view.ent_at.get(j)
        return e is not None and e is not allowed and e.type == "PER"
    a = i
    # Leftwards never into another name ("с Блинкеном глава МИД Лавров").
    while a - 1 >= lo and nominal(a - 1) and not other_person(a - 1, own):
        a -= 1
    # Rightwards a role phrase may run into the one name it introduces.
    b = i
    role_head = _noun_parse(view, a) is not None and _noun_parse(view, a).normal_form in lex.role_nouns()
    while b + 1 <= hi and (nominal(b + 1) or (
            # "директор компании по маркетингу Кенни Джейкобс": a role's own "по" phrase
            role_head and view.lower[b + 1] == "по" and b + 2 <= hi and nominal(b + 2))):
        e = view.ent_at.get(b + 1)
        if e is not None and e.type == "PER" and e is not own:
            if own is not None:
                break
            own = e
        b += 1
    return a, b


def _name_nominative(view: DocView, e: Entity) -> bool:
    """Could this name be in the nominative? (Every word nominative or indeclinable.)"""
    return all(is_nominative_name(view.toks[j].text) for j in view.tokens_in(e.start, e.end)
               if view.is_word(j))


def _ref_from_np(view: DocView, a: int, b: int, case: str | None = None) -> Ref:
    """A speaker reference from the noun phrase tokens a..b."""
    start, end = view.toks[a].start, view.toks[b].end
    ents = []
    seen = set()
    for j in range(a, b + 1):
        e = view.ent_at.get(j)
        if e is not None and id(e) not in seen:
            seen.add(id(e))
            ents.append(e)
    head, head_at, person_head = None, None, False
    for j in range(a, b + 1):
        p = _noun_parse(view, j)
        if p is not None and j not in view.ent_at:
            # "Критики наказаний говорят": of the readings, the animate one can speak
            p = next((q for q in view.parses(j) if q.tag.POS == "NOUN" and "anim" in q.tag
                      and (case or "nomn") in q.tag), p)
            head, head_at = p.normal_form, j
            prefix, _, title = head.partition("-")
            if head not in lex.role_nouns() and title in lex.role_nouns():
                head = title  # "Экс-глава МИД Борис Джонсон", "вице-губернатор": the title under its prefix
            person_head = head in lex.role_nouns() or (
                # "Командир корабля Юрий Маленченко", "бундестренер Юрген Клинсман": a person's title
                "anim" in p.tag and p.tag.number == "sing" and head not in lex.relational_nouns())
            break
    persons = [e for e in ents if e.type == "PER"]
    if case is None:
        # "Муж Асии Биби", "Семья Биби": a name after a non-role head is its genitive modifier.
        persons = [e for e in persons if _name_nominative(view, e)
                   and (head is None or head_at > view.tok_index(e.start) or person_head)]
    if persons:
        e = persons[-1]  # after a role phrase, the name it introduces
        role = view.text[start:e.start].strip(" ,") or None
        return Ref("entity", e.start, e.end, entity=e, role=role)
    orgs = [e for e in ents if e.type in ("ORG", "LOC")]
    if orgs and (head is None or head in lex.org_nouns()):
        e = orgs[0]
        return Ref("entity", e.start, e.end, entity=e)
    if head is None and not ents:
        return Ref("junk", start, end)
    if not ents and head in lex.org_nouns() and b + 1 < len(view.toks):
        # "телеканал "Россия 24"", "газета «Ведомости»": the name in quotation marks
        o = view.toks[b + 1].start
        c = view.pair_by_open.get(o)
        if c is not None and _name_quote(view, o, c):
            e = Entity(o + 1, c, "ORG", view.text[o + 1:c])
            return Ref("entity", start, c + 1, entity=e)
    first = view.toks[a].text
    if not ents and head_at == a and first[:1].isupper() and _proper_noun(view, a):
        # "Би-би-си сообщает": a name NER missed.
        e = Entity(view.toks[a].start, view.toks[b].end, "ORG", view.text[view.toks[a].start:view.toks[b].end])
        return Ref("entity", e.start, e.end, entity=e)
    if head is None and ents:
        e = ents[0]
        return Ref("entity", e.start, e.end, entity=e)
    if ents and head is not None and ents[0].start == start:
        e = ents[0]
        return Ref("entity", e.start, e.end, entity=e)
    return Ref("np", start, end, head=head)


def _name_quote(view: DocView, o: int, c: int) -> bool:
    """«Газпром», "Россия 24": a capitalised name in quotation marks, not quoted speech."""
    inner = view.text[o + 1:c]
    words = re.findall(r"\w+", inner)
    return 0 < len(words) <= 4 and inner[:1].isupper() and not re.search(r"[.!?…,:;]", inner)


def _agrees(view: DocView, cue: int, j: int) -> bool:
    """Does a nominal at j agree in number with the cue verb?"""
    verb = view.parses(cue)[0].tag
    noun = _noun_parse(view, j)
    if noun is None or verb.number is None:
        return True
    if "Fixd" in noun.tag or noun.tag.number is None:
        return True
    # "ряд экспертов заявили", "Группа женщин обвинила": collective heads take either.
    if noun.normal_form in ("ряд", "группа", "большинство", "часть", "несколько"):
        return True
    # "судьи постановили": any nominative reading of the word may be the one that agrees
    return noun.tag.number == verb.number or any(
        p.tag.POS == "NOUN" and "nomn" in p.tag and p.tag.number == verb.number for p in view.parses(j))


def search_subject(view: DocView, cue: int, lo: int) -> Ref | None:
    """The speaker before a cue: the nearest nominative phrase that can be its subject."""
    coordinated = _coordinated(view, cue, lo)
    if coordinated or view.parses(cue)[0].tag.POS == "GRND":
        # "Насир процитировал Коран в постановлении, заявив, что …", "…поблагодарила его
        # (29 марта 2019 года), а также заявила": the subject of the verb the gerund
        # hangs on or the first predicate's, not an object or a date in between.
        if coordinated:
            # the first of two speech predicates: "выразила сожаление …, а также заявила"
            for k in range(_skip_fillers_back(view, cue - 1, lo) - 1, lo - 1, -1):
                if k not in view.quoted and cue_at(view, k) is not None and view.parses(k)[0].tag.POS == "VERB" \
                        and not (k > lo and view.toks[k - 1].text == ","):  # not an inverted "…, пишет X"
                    return search_subject(view, k, lo)
        for k in range(cue - 1, lo - 1, -1):
            if k not in view.quoted and view.parses(k)[0].tag.POS == "VERB":
                before = _skip_fillers_back(view, k - 1, lo)
                if before >= lo and (view.toks[before].text == "," or view.toks[before].text in DASHES):
                    # "…, указал он, подчеркнув, что …": an inverted subject
                    return search_inverted(view, k, cue - 1) or search_subject(view, k, lo)
                return search_subject(view, k, lo)
    j = cue - 1
    while j >= lo:
        if j in view.quoted and not (cue in view.quoted and view.quoted[cue] == view.quoted[j]):
            o, _ = view.quoted[j]
            j = view.tok_index(o) - 1
            continue
        t = view.toks[j].text
        low = view.lower[j]
        if t == ")":
            # "«Джамаат уд-Дава» (…, которого ООН считает террористом) и … объявили": past the gloss
            depth, k = 0, j
            while k > lo:
                depth += {")": 1, "(": -1}.get(view.toks[k].text, 0)
                if depth == 0:
                    break
                k -= 1
            j = k - 1
            continue
        if t in (".", "!", "?", ";", ":") or t in DASHES and j < cue - 1:
            return None
        if t == ",":
            # "Документ, имеющийся в распоряжении агентства AFP, предусматривает",
            # "Захарова, комментируя решение Джонсона, процитировала": a participial
            # or adverbial phrase between commas holds no subject.
            k = j - 1
            while k > lo and view.toks[k].text not in ",.;:":
                k -= 1
            if view.toks[k].text == "," and k + 1 < j and (view.parses(k + 1)[0].tag.POS in ("PRTF", "GRND") or any(
                    # "Противники стратегии, среди которых и Борис Джонсон, считают"
                    view.lower[m] in RELATIVES_OBLIQUE for m in range(k + 1, min(k + 3, j)))):
                j = k - 1
                continue
        if low in COMPLEMENTIZERS:
            return None
        if low in ("который", "которая", "которые", "которое"):
            return Ref("relative", view.toks[j].start, view.toks[j].end)
        pron = lex.pronouns().get(low)
        if pron and pron[1] == "nomn":
            return Ref("pronoun", view.toks[j].start, view.toks[j].end, gender=pron[0])
        if view.is_word(j) and not _is_prep(view, j):
            e = view.ent_at.get(j)
            if e is not None or _nominative(view, j):
                run_start, b = _np_bounds(view, j, lo, cue - 1)
                a = run_start
                if a - 2 >= lo and view.lower[a - 1] == "из" and view.lower[a - 2] in lex.partitive_words():
                    return _partitive(view, a - 2, b)
                if a > lo and _is_prep(view, a - 1):
                    # "В своем заявлении об уходе Дэвис написал": the run starts with the
                    # preposition's object; the subject is what follows it.
                    a = _after_pp(view, a, j, cue)
                    # only right before the cue: "встали на сторону Биби и заявили" has its subject earlier
                    if a is None or any(view.lower[x] not in FILLERS for x in range(j + 1, cue)):
                        j = run_start - 1
                        continue
                else:
                    # "14 ноября агентство Reuters", "Летом 2014 года Facebook": the subject
                    # starts at a nominative word after any time phrase.
                    while a < j and (not _nominative(view, a) or _time_word(view, a) or
                                     (a not in view.ent_at and _mute_noun(view, a))):
                        a += 1
                if not (a > lo and _is_prep(view, a - 1)) and _nominative(view, a) and (e is not None or _agrees(view, cue, a)):
                    ref = _ref_from_np(view, a, b)
                    if _can_speak(ref):
                        # "Трамп, 70-летний строительный магнат, …": the apposition starts with the run
                        return _with_source_phrase(view, _apposition(view, ref, min(a, run_start), lo))
                j = a - 1
                continue
        j -= 1
    return None


def _partitive(view: DocView, a: int, b: int, hi: int | None = None) -> Ref:
    """"Один из адвокатов женщины", "Один из сторонников Брекзита Найджел Фарадж": the
    member the name introduces, else the whole phrase. After the cue (`hi` given) the name
    may follow the group's own phrases: "сообщил один из докладчиков по Brexit в парламенте X"."""
    for j in range(b + 1, min(hi, b + 12) + 1 if hi is not None else b + 1):
        e = view.ent_at.get(j)
        if e is not None and e.type == "PER":
            b = view.tok_index(e.end - 1)
            break
        if not view.is_word(j) or view.parses(j)[0].tag.POS in ("VERB", "CONJ", "GRND", "PRTF"):
            break
    named = view.ent_at.get(b)
    if named is not None and named.type == "PER" and _name_nominative(view, named):
        return Ref("entity", named.start, named.end, entity=named, role=view.text[view.toks[a].start:named.start].strip(" ,"))
    group = next((p for j in range(a + 2, b + 1) for p in [_noun_parse(view, j)] if p is not None), None)
    return Ref("np", view.toks[a].start, view.toks[b].end, head=group.normal_form if group else None)


def _after_pp(view: DocView, a: int, j: int, cue: int) -> int | None:
    """First token after the prepositional phrase opening at token a (its object, the
    object's genitives and non-person names), if a nominative word follows by token j."""
    k = a
    while k < j and k not in view.ent_at and view.parses(k)[0].tag.POS in ("ADJF", "PRTF", "NUMR", "ADJS"):
        k += 1
    k = view.tok_index(view.ent_at[k].end - 1) + 1 if k in view.ent_at else k + 1
    while k <= j:
        e = view.ent_at.get(k)
        if e is not None and e.type != "PER" and not (_declined_nominative(view, k) and _gender_agrees(view, cue, k)):
            k = view.tok_index(e.end - 1) + 1  # "в микроблоге Twitter"
            continue
        if e is None and not _nominative(view, k):
            k += 1  # "в заявлении министра"
            continue
        if e is None and k < j and _mute_noun(view, k):
            k += 1  # "во время ссоры женщины сказали": a genitive that reads as nominative
            continue
        break
    return k if k <= j and _nominative(view, k) else None


def _declined_nominative(view: DocView, j: int) -> bool:
    """A name whose form can only be the nominative ("Лондон", "Москва"), not a genitive
    that could hang on the noun before it ("Лондона") nor an undeclined one ("Twitter")."""
    ps = [p for p in view.parses(j) if p.tag.POS == "NOUN" and "Fixd" not in p.tag]
    return bool(ps) and any("nomn" in p.tag for p in ps) and not any("gent" in p.tag for p in ps)


def _gender_agrees(view: DocView, cue: int, j: int) -> bool:
    """"Лондон заявил", not "в штате Алабама высказал": a past singular cue agrees in gender."""
    verb = view.parses(cue)[0].tag
    if "past" not in verb or verb.number != "sing" or verb.gender is None:
        return True
    return any(p.tag.gender == verb.gender for p in view.parses(j) if p.tag.POS == "NOUN")


def search_locative(view: DocView, cue: int, cue_end: int, lo: int, hi: int) -> Ref | None:
    """"В Кремле заявили", "заявили в МИД Пакистана": a plural cue with no subject
    speaks for the body named in the locative next to it."""
    tag = view.parses(cue)[0].tag
    if tag.POS == "GRND":
        # "В Москве отвергли обвинения, заявив, что …": the locative of the verb the gerund hangs on
        verb = next((k for k in range(cue - 1, lo - 1, -1) if view.parses(k)[0].tag.POS == "VERB"), None)
        return search_locative(view, verb, verb, lo, hi) if verb is not None else None
    if tag.number != "plur" or tag.POS != "VERB":
        return None
    for j in list(range(cue_end + 1, min(hi, cue_end + 2) + 1)) + list(range(cue - 1, max(lo, cue - 6) - 1, -1)):
        if view.lower[j] not in ("в", "во") or j + 1 > hi:
            continue
        k = j + 1
        while k <= hi and k not in view.ent_at and view.parses(k)[0].tag.POS in ("ADJF", "PRTF"):
            k += 1  # "в российском МИДе"
        e = view.ent_at.get(k)
        if e is not None and e.type in ("ORG", "LOC"):
            return Ref("entity", view.toks[j + 1].start, e.end, entity=e)
        p = _noun_parse(view, k, "loct")
        if p is not None and p.normal_form in lex.org_nouns():
            _, b = _np_bounds(view, k, k, hi)
            return Ref("np", view.toks[j + 1].start, view.toks[b].end, head=p.normal_form, case="loct")
    return None


def _proper_noun(view: DocView, i: int) -> bool:
    text = view.toks[i].text
    if text in lex.media_names() or (text.isupper() and len(text) > 1):
        return True
    return any(t in p.tag for p in view.parses(i)[:2] for t in ("Orgn", "Abbr", "Fixd")) or "-" in text and text[0].isupper() and not any(
        p.tag.POS == "NOUN" and "Name" not in p.tag for p in view.parses(i)[:1]) or view.parses(i)[0].tag.POS is None


SOURCE_HEADS = frozenset(("источник", "собеседник", "представитель", "сотрудник", "эксперт", "участник"))


def _with_source_phrase(view: DocView, ref: Ref | None) -> Ref | None:
    """"источник в правительстве", "собеседник из окружения премьера": keep the phrase."""
    if ref is None or ref.kind != "np" or ref.head not in SOURCE_HEADS:
        return ref
    j = view.tok_index(ref.end - 1) + 1
    if j < len(view.toks) and view.lower[j] in ("в", "во", "из", "на", "при", "у") and j + 1 < len(view.toks):
        k = j + 1
        while k + 1 < len(view.toks) and view.is_word(k + 1) and _noun_parse(view, k + 1, "gent") is not None:
            k += 1
        if view.is_word(k):
            ref.end = view.toks[k].end
    return ref


def _can_speak(ref: Ref) -> bool:
    """People, organisations and documents speak; "приговор", "турне" do not."""
    if ref.kind == "junk":
        return False
    if ref.kind != "np" or ref.head is None:
        return True
    head = ref.head
    if head in lex.role_nouns() or head in lex.org_nouns() or head in lex.document_nouns() \
            or head in lex.speaking_nouns():
        return True
    return any(p.normal_form == head and "anim" in p.tag for p in parse(head))


def _apposition(view: DocView, ref: Ref, a: int, lo: int) -> Ref:
    """"Мухаммад Файсал, пресс-секретарь МИД, заявил": a role phrase after a name."""
    if ref.kind == "np" and a - 2 >= lo and view.toks[a - 1].text == ",":
        e = view.ent_at.get(a - 2)
        if e is not None and e.type == "PER":
            return Ref("entity", e.start, e.end, entity=e, role=view.text[ref.start:ref.end])
    return ref


def _mute_noun(view: DocView, j: int) -> bool:
    """A noun that cannot be a speaker ("ссоры", "решение"), read first as a noun."""
    noun = _noun_parse(view, j)
    return noun is not None and view.parses(j)[0].tag.POS == "NOUN" and not _can_speak(Ref("np", head=noun.normal_form))


def _time_word(view: DocView, j: int) -> bool:
    if view.toks[j].text[0].isdigit():
        return True
    p = _noun_parse(view, j)
    return p is not None and p.normal_form in lex.time_nouns() and j not in view.ent_at


def _nominative(view: DocView, j: int) -> bool:
    if view.lower[j] in lex.QUANTIFIERS:
        return True  # "Несколько судей заявили"
    ps = view.parses(j)
    if view.toks[j].text[0].isupper() and j in view.ent_at:
        # Names: accept unless every analysis is an oblique case of a known word ("Асия" is not).
        if view.ent_at[j].type == "PER" and is_nominative_name(view.toks[j].text):
            return True
        return any("nomn" in p.tag or "Fixd" in p.tag or p.tag.POS is None or "UNKN" in p.tag for p in ps) or \
            not any(p.tag.POS == "NOUN" for p in ps)
    if view.toks[j].text[0].isupper() and all(p.tag.POS is None for p in ps):
        return True  # Latin and unknown capitalised words: names ("Reuters", "The Guardian")
    return any(p.tag.POS in ("NOUN", "ADJF", "NUMR", "NPRO") and "nomn" in p.tag for p in ps[:3])


def search_inverted(view: DocView, cue_end: int, hi: int) -> Ref | None:
    """The speaker after a cue: "заявил министр ... Сергей Лавров", "пишет Би-би-си"."""
    j = cue_end + 1
    while j <= hi and (view.lower[j] in FILLERS or view.toks[j].text in ","):
        j += 1
    # "об этом" may follow as well: "сообщил об этом X"
    while j + 1 <= hi and view.lower[j] in ("об", "о") and view.lower[j + 1] in ("этом", "том"):
        j += 2
    source = _cited_source(view, j, hi)
    if source is not None:
        return source  # "сообщает со ссылкой на источник в ЕС Reuters"
    # "заявил в понедельник на пресс-конференции в Брюсселе представитель ЕК": past the
    # prepositional phrases, each a preposition, its object and the names or genitives after it
    for _ in range(4):
        if j > hi or not _is_prep(view, j) or view.lower[j] in ("об", "о"):
            break
        k = j + 1
        while k <= hi and k not in view.ent_at and view.parses(k)[0].tag.POS in ("ADJF", "PRTF", "NUMR"):
            k += 1
        if k > hi or not view.is_word(k):
            break
        k = view.tok_index(view.ent_at[k].end - 1) + 1 if k in view.ent_at else k + 1
        if k <= hi and view.parses(k)[0].tag.POS in ("PRCL", "CONJ") and not view.toks[k].text[:1].isupper():
            return None  # "призывают к казни не только женщины, но и судей": objects, not a subject
        while k <= hi and (view.is_word(k) and (k in view.ent_at or not _nominative(view, k)) and not _is_prep(view, k)
                           or view.toks[k].start in view.pair_by_open and _name_quote(
                               view, view.toks[k].start, view.pair_by_open[view.toks[k].start])):
            # "в интервью Русской службе «Голоса Америки»": the names the phrase governs
            k = view.tok_index(view.pair_by_open[view.toks[k].start]) + 1 if not view.is_word(k) else k + 1
        j = k
    if j > hi:
        return None
    low = view.lower[j]
    pron = lex.pronouns().get(low)
    if pron and pron[1] == "nomn":
        return Ref("pronoun", view.toks[j].start, view.toks[j].end, gender=pron[0])
    o = view.toks[j].start
    c = view.pair_by_open.get(o)
    if c is not None and _name_quote(view, o, c):
        # "Как сообщал «Би-би-си», …": an outlet's name in quotation marks
        return _cited_source(view, view.tok_index(c) + 1, hi) or \
            Ref("entity", o, c + 1, entity=Entity(o + 1, c, "ORG", view.text[o + 1:c]))
    site = SITE_NAME.match(view.text, view.toks[j].start)
    if site:
        # "сообщает sedmitza.ru": a site's name, which the tokenizer splits at the dot
        return Ref("entity", site.start(), site.end(), entity=Entity(site.start(), site.end(), "ORG", site.group()))
    if not view.is_word(j) or _is_prep(view, j):
        return None
    # Skip time phrases and dative addressees before the subject ("сказал журналистам Лавров").
    k = j
    while k <= hi and view.is_word(k) and not _is_prep(view, k):
        if view.parses(k)[0].tag.POS in ("PRCL", "CONJ") and not view.toks[k].text[:1].isupper():
            return None  # "призывают к казни не только женщины, но и судей": objects, not a subject
        if view.lower[k] in lex.partitive_words() and k + 2 <= hi and view.lower[k + 1] == "из":
            return _partitive(view, k, _np_bounds(view, k + 2, k + 2, hi)[1], hi)  # "сообщил один из докладчиков X"
        if k in view.ent_at or _nominative(view, k):
            a, b = _np_bounds(view, k, k, hi)
            ref = _role_holder_after(view, _ref_from_np(view, a, b), b, hi)
            if not _can_speak(ref):
                return None
            if _subject_of_next_clause(view, view.tok_index(ref.end - 1) + 1, hi):
                return Ref("lost")  # the source's name was lost (a stripped link): no speaker
            # "пишет «Интерфакс» со ссылкой на профсоюз пилотов Cockpit": the outlet's source speaks
            return _cited_source(view, view.tok_index(ref.end - 1) + 1, hi) or _with_source_phrase(view, ref)
        k += 1
    return None


def _subject_of_next_clause(view: DocView, j: int, hi: int) -> bool:
    """"Об этом пишет [ссылка] 46-летняя Азия Биби (Норин) жила …": a finite verb right after
    the phrase makes it the subject of the next sentence, not the cue's."""
    if j <= hi and view.toks[j].text == "(":
        while j <= hi and view.toks[j].text != ")":
            j += 1
        j += 1
    while j <= hi and view.lower[j] in FILLERS:
        j += 1  # "сообщает [ссылка] В Италии профсоюзы также призывали"
    return j <= hi and view.is_word(j) and view.parses(j)[0].tag.POS == "VERB"


def _cited_source(view: DocView, j: int, hi: int) -> Ref | None:
    """"со ссылкой на заявление президента МАУ Юрия Мирошникова": the source an outlet cites."""
    if j + 3 > hi or tuple(view.lower[j:j + 3]) != ("со", "ссылкой", "на") or not view.is_word(j + 3):
        return None
    a, b = _np_bounds(view, j + 3, j + 3, hi)
    ref = _ref_from_np(view, a, b, case="accs")
    ref.case = "accs"
    return _with_source_phrase(view, ref) if _can_speak(ref) else None


def _role_holder_after(view: DocView, ref: Ref, b: int, hi: int) -> Ref:
    """"считает директор Общества (GfbV) Ульрих Делиус", "пообещал лидер партии, радикальный
    проповедник Хадим Ризви": a role phrase whose holder is named after a gloss or a second role."""
    if ref.kind != "np" or ref.head not in lex.role_nouns():
        return ref
    j, depth = b + 1, 0
    while j <= min(hi, b + 15):
        t = view.toks[j].text
        e = view.ent_at.get(j)
        if e is not None and e.type == "PER" and depth == 0:
            return Ref("entity", e.start, e.end, entity=e, role=view.text[ref.start:e.start].strip(" ,"))
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
            if depth < 0:
                break
        elif t != "," and depth == 0 and not (
                view.is_word(j) and (view.lower[j] in ("по", "и") or
                                     view.parses(j)[0].tag.POS in ("NOUN", "ADJF", None))):
            break
        j += 1
    return ref


def search_genitive(view: DocView, noun: int, hi: int) -> Ref | None:
    """"по словам госсекретаря США Энтони Блинкена": the phrase after the noun."""
    j = noun + 1
    if j > hi or not view.is_word(j) or _is_prep(view, j):
        return None
    a, b = _np_bounds(view, j, j, hi)
    ref = _ref_from_np(view, a, b, case="gent")
    ref.case = "gent"
    return ref


def search_document(view: DocView, cue: int, lo: int, hi: int) -> Ref | None:
    """"говорится в документе", "В послании Лаврова говорится": the document phrase."""
    for j in list(range(cue + 1, min(hi, cue + 8) + 1)) + list(range(cue - 1, max(lo, cue - 8) - 1, -1)):
        if view.lower[j] in ("в", "во") and j + 1 <= hi:
            k = j + 1
            while k <= hi and view.is_word(k):
                p = _noun_parse(view, k)
                if p is not None and p.normal_form in lex.document_nouns():
                    _, b = _np_bounds(view, k, k, hi)
                    ref = _ref_from_np(view, j + 1, b, case="loct")
                    ref.role = None  # the words before the author's name describe the document
                    if ref.kind != "entity":
                        ref = Ref("document", view.toks[j + 1].start, view.toks[b].end, head=p.normal_form)
                    ref.case = "loct"
                    return ref
                k += 1
    return None


# --- constructions --------------------------------------------------------------------

def _content_end(view: DocView, first: int, last: int) -> int:
    """End offset of content running from token `first` to the sentence's token `last`,
    cut before a trailing attribution (", пишет X") and closing punctuation."""
    end_tok = last
    depth = 0
    for j in range(first, last + 1):
        # "(…, которого ООН считает террористом) и …": the parenthesis the cue stands in closes
        depth += {"(": 1, ")": -1}.get(view.toks[j].text, 0)
        if depth < 0 and j not in view.quoted:
            last = end_tok = j - 1
            break
    for j in range(first + 1, last + 1):
        if view.toks[j - 1].text == "," or (view.toks[j - 1].text in DASHES and j - 2 >= first and view.toks[j - 2].text == ","):
            k = j
            while k <= last and view.lower[k] in FILLERS:
                k += 1
            c = cue_at(view, k) if k <= last and j not in view.quoted else None
            if (c and c[2] in ("say", "think", "impersonal") and _inverted_here(view, k)) or \
                    (j not in view.quoted and j - first > 2 and _narrator_resumes(view, j, last)):
                end_tok = j - 2 if view.toks[j - 1].text == "," else j - 3
                break
    end = view.toks[end_tok].end
    while end_tok > first and view.toks[end_tok].text in TERMINAL + ";:":
        end_tok -= 1
    # A closing parenthesis is the writer's gloss ("явка составила 32% (этого хватает …)").
    if view.toks[end_tok].text == ")" and end_tok not in view.quoted:
        depth = 0
        for j in range(end_tok, first, -1):
            depth += {")": 1, "(": -1}.get(view.toks[j].text, 0)
            if depth == 0:
                if j - first > 2:
                    end_tok = j - 1
                break
    end = view.toks[end_tok].end
    text = view.text
    while end > view.toks[first].start and text[end - 1] in ".,;:—–- \n":
        end -= 1
    return end


def _narrator_resumes(view: DocView, j: int, last: int) -> bool:
    """After a comma at token j, the writer takes over from the reported content:
    a time link ("…, ранее …"), a second predicate of the speaker
    ("…, и настаивала на …", "…, а также назвал …") or another speaker's cue
    ("…, и Песков добавил, что …")."""
    for words in lex.content_breaks():
        n = len(words)
        if tuple(view.lower[j:j + n]) == words and j + n <= last:
            return True
    if view.lower[j] not in ("и", "а"):
        return False
    k = j + 1
    while k <= last and view.lower[k] in FILLERS:
        k += 1  # ", а также назвал"
    if k > last or not view.is_word(k):
        return False
    tag = view.parses(k)[0].tag
    if tag.POS == "VERB" and "past" in tag:
        return True
    if tag.POS == "GRND" and cue_at(view, k) is not None:
        return True  # "заявив, что …, и отметив, что …": the speaker's second statement
    # ", и Песков добавил, что …": another speaker's attribution
    for m in range(k, min(last, k + 4) + 1):
        if not view.is_word(m):
            return False
        if cue_at(view, m) is not None and view.parses(m)[0].tag.POS == "VERB":
            return m > k
    return False


def _inverted_here(view: DocView, cue: int) -> bool:
    """A cue right after a comma whose subject follows it."""
    tag = view.parses(cue)[0].tag
    return (tag.POS == "VERB" and ("past" in tag or "pres" in tag)) or view.lower[cue] in lex.impersonal_cues()


def _content_start(view: DocView, first: int) -> int:
    """Skip narrator connectives at the start of content: "Между тем ...", "Однако о том, что ..."."""
    while first + 1 < len(view.toks) and view.toks[first].text in ",;:":
        first += 1  # a paragraph cut before its first words starts with the comma
    skipped, passes = True, 0
    while skipped and passes < 2:  # "Однако о том, что": a connective and one more
        skipped, passes = False, passes + 1
        for opener in lex.discourse_openers():
            n = len(opener)
            if tuple(view.lower[first:first + n]) == opener and first + n < len(view.toks):
                if view.toks[first + n].text == "," and first + n + 1 < len(view.toks) and view.is_word(first + n + 1):
                    n += 1  # "Тем не менее, этот инцидент …"
                if view.is_word(first + n):
                    first += n
                    skipped = True
                    break
    dateline = DATELINE.match(view.text, view.toks[first].start)
    if dateline and view.tok_index(dateline.end()) + 1 < len(view.toks):
        return view.toks[view.tok_index(dateline.end() - 1) + 1].start
    return view.toks[first].start


def find(view: DocView) -> list[Found]:
    found: list[Found] = []
    used_pairs: set[tuple[int, int]] = set()
    found.extend(_direct(view, used_pairs))
    found.extend(_dialogue(view))
    found.extend(_indirect(view, found))
    found.sort(key=lambda f: (f.start, -f.end))
    found = _dedupe(view, found)
    _mark_mixed(view, found, used_pairs)
    found.extend(_standalone(view, found, used_pairs))
    found.sort(key=lambda f: (f.start, -f.end))
    return found


def _after_close(view: DocView, close: int) -> tuple[int, int] | None:
    """After a closing mark: `, — cue ...` / ` - cue ...`: (first token after the dash, cue token)."""
    m = re.compile(r"[,!?….]?\s*[—–-]\s+").match(view.text, close + 1)
    if not m:
        # '"…", заявила Тиссен журналистам.': no dash, but the quotation opens the sentence
        o = view.pair_by_close.get(close, 0)
        before = view.text[max(0, o - 3):o].strip()
        m = re.compile(r",\s+").match(view.text, close + 1)
        if not m or (before and before[-1] not in TERMINAL + "»\"") or _name_quote(view, o, close):
            return None
    first = view.tok_index(m.end())
    if view.toks[first].start < m.end():
        first += 1
    if first >= len(view.toks):
        return None
    si = view.tok_sent[first]
    last = view.sent_first[si + 1] - 1
    for k in range(first, min(first + 6, last + 1)):
        if view.toks[k].text in TERMINAL or view.toks[k].text in "«\"„“":
            break
        c = cue_at(view, k)
        if c:
            return first, k
    return None


def _attribution_end(view: DocView, first: int) -> int:
    """Last token of an attribution clause: up to the sentence end or the next ". —"."""
    si = view.tok_sent[first]
    last = view.sent_first[si + 1] - 1
    while last > first and view.toks[last].text in ".,:;":
        last -= 1
    for k in range(first, last + 1):
        if view.toks[k].text in DASHES and k > first and view.toks[k - 1].text in ".,:":
            return k - 2
        # "— заявила тогда Бруни — Меня …": a bare dash before a capital resumes the quotation
        if view.toks[k].text in "—–" and k > first and k + 1 <= last and view.toks[k + 1].text[:1].isupper():
            return k - 1
        if view.toks[k].text in "«\"„“" and k > first:
            return k - 1
    return last


def _attributed(view: DocView, first: int, cue: int, content: tuple[int, int]) -> Found:
    c = cue_at(view, cue)
    cue_end, lemma, cls = c
    hi = _attribution_end(view, first)
    ref = None
    if cls == "impersonal":
        ref = search_document(view, cue, first, hi)
        if ref is None:
            ref = Ref("none")
    if cls == "cite":
        k = cue_end - 1
        pron = lex.pronouns().get(view.lower[k]) if view.lower[k] in ("его", "ее", "её", "их") else None
        ref = Ref("pronoun", view.toks[k].start, view.toks[k].end, gender=pron[0]) if pron else \
            search_genitive(view, cue_end, view.sent_first[view.tok_sent[cue_end] + 1] - 1)
    if ref is None:
        ref = search_inverted(view, cue_end, hi)
    if ref is None:
        ref = search_subject(view, cue, first)
    if ref is None:
        ref = search_locative(view, cue, cue_end, first, hi)
    if ref is None:
        # "задала она вопрос": a pronoun inside the cue phrase
        pron = next((j for j in range(cue + 1, cue_end) if view.lower[j] in ("он", "она", "они")), None)
        if pron is not None:
            ref = Ref("pronoun", view.toks[pron].start, view.toks[pron].end, gender=lex.pronouns()[view.lower[pron]][0])
    text = view.text[content[0]:content[1]]
    addressee = _addressee(view, cue_end, hi)
    if addressee is None and ref is not None and ref.end > view.toks[cue_end].end:
        addressee = _addressee(view, view.tok_index(ref.end - 1), hi)  # "сказал он журналистам"
    return Found("direct", content[0], content[1],
                 (view.toks[cue].start, view.toks[cue_end].end, lemma), ref, addressee=addressee,
                 channel=_channel(view, cue_end, hi),
                 is_question=text.rstrip().endswith("?"), cue_cls=cls)


def _direct(view: DocView, used: set) -> list[Found]:
    out: list[Found] = []
    covered: list[tuple[int, int]] = []
    for o, c in view.pairs:
        if any(a < o and c <= b for a, b in covered):
            continue  # nested inside a quotation already taken
        inner = (o + 1, c)
        if not re.search(r"\w", view.text[o + 1:c]):
            continue
        att = _after_close(view, c)
        if att:
            f = _attributed(view, att[0], att[1], inner)
            out.append(f)
            used.add((o, c))
            covered.append((o, c))
            continue
        before = _before_colon(view, o)
        if before and (before.cue_cls != "verb" or _sentence_like(view.text[o + 1:c])):
            out.append(before)
            before.start, before.end = inner
            before.is_question = view.text[o + 1:c].rstrip().endswith("?") or before.cue_cls == "ask"
            used.add((o, c))
            covered.append((o, c))
            continue
        # «A, — сказал он. — B»: the attribution sits inside the marks.
        if not _sentence_like(view.text[o + 1:c]):
            continue
        parts = _interrupted(view, o, c)
        if parts:
            out.extend(parts)
            used.add((o, c))
            covered.append((o, c))
    return out


def _sentence_like(s: str) -> bool:
    words = re.findall(r"\w+", s)
    return len(words) >= 3 and not (len(words) < 6 and not re.search(r"[.!?…,:]", s) and s[:1].isupper() and s.istitle())


def _before_colon(view: DocView, o: int) -> Found | None:
    """`X заявил: «…»` (the colon may end the previous paragraph)."""
    j = o - 1
    while j >= 0 and view.text[j].isspace():
        j -= 1
    saw_dash = j >= 0 and view.text[j] in DASHES and j > 0 and view.text[j - 1].isspace()
    if saw_dash:
        # "написала она, напомнив также: - «…»", "процитировала стихи - «…»"
        j -= 1
        while j >= 0 and view.text[j].isspace():
            j -= 1
    if j < 0 or (view.text[j] != ":" and not (saw_dash and view.text[j].isalnum())):
        return None
    colon = view.tok_index(j)
    si = view.tok_sent[colon]
    lo = view.sent_first[si]
    for k in range(colon - 1, lo - 1, -1):
        if k in view.quoted:
            continue
        c = cue_at(view, k)
        noun_cue = view.lower[k] in ("слова", "словами", "заявление", "ответ", "вопрос", "комментарий", "так")
        if c or noun_cue:
            if c:
                cue_end, lemma, cls = c
            else:
                cue_end, lemma, cls = k, view.parses(k)[0].normal_form, "say"
            ref = None
            if cls == "impersonal":
                ref = search_document(view, k, lo, colon - 1) or Ref("none")
            if ref is None:
                ref = search_subject(view, k, lo)
            if ref is None:
                ref = search_inverted(view, cue_end, colon - 1)
            if ref is None and c is None:
                continue
            # "задал министру следующий вопрос:": the addressee follows the verb, not the noun.
            verb = next((v for v in range(k - 1, max(lo, k - 4) - 1, -1)
                         if view.parses(v)[0].tag.POS == "VERB"), k)
            return Found("direct", o, o, (view.toks[k].start, view.toks[cue_end].end, lemma), ref,
                         addressee=_addressee(view, verb, colon - 1), channel=_channel(view, cue_end, colon - 1),
                         cue_cls="ask" if lemma == "вопрос" else cls)
    if view.text[j] != ":":
        return None
    # No speech verb: "он отправил Мэй следующее письмо: «…»". The clause's verb and its
    # named or pronominal subject introduce the quotation.
    for k in range(colon - 1, lo - 1, -1):
        if k in view.quoted:
            continue
        tag = view.parses(k)[0].tag
        if tag.POS == "VERB" and "indc" in tag:
            ref = search_subject(view, k, lo)
            if ref is not None and ref.kind in ("entity", "pronoun"):
                return Found("direct", o, o, (view.toks[k].start, view.toks[k].end, view.parses(k)[0].normal_form),
                             ref, cue_cls="verb")
            break
    return None


INNER_ATTRIBUTION = re.compile(r"([,!?…])\s*[—–]\s*|(,)\s+(?=[^\W\d_])")


def _interrupted(view: DocView, o: int, c: int) -> list[Found]:
    m = INNER_ATTRIBUTION.search(view.text, o + 1, c)
    while m:
        first = view.tok_index(m.end())
        if view.toks[first].start < m.end():
            first += 1
        dashed = m.group(1) is not None
        for k in range(first, min(first + (4 if dashed else 1), len(view.toks))):
            cue = cue_at(view, k)
            if not cue or cue[2] not in ("say", "think"):
                continue
            if not dashed:
                # without a dash only an inverted "…, говорит Ольга, …" counts
                ref = search_inverted(view, cue[0], min(cue[0] + 6, len(view.toks) - 1))
                if ref is None or ref.kind not in ("entity", "pronoun"):
                    break
            end = _attribution_end(view, first)
            tail = re.compile(r"[.,:]?\s*[—–]\s*|[.,:]\s*").match(view.text, view.toks[end].end) if end >= first else None
            if tail is None or tail.end() >= c:
                # the attribution closes the quotation: «A, — сказал он»
                if end >= first and view.toks[end].end >= c - 1:
                    return [_attributed(view, first, k, (o + 1, m.start() + (1 if (m.group(1) or ",") in "!?…" else 0)))]
                break
            head_end = m.start() + (1 if (m.group(1) or ",") in "!?…" else 0)
            # One quotation interrupted by its attribution: the content runs from the
            # first word to the last, `parts` holds the quoted words alone.
            f = _attributed(view, first, k, (o + 1, c))
            f.parts = [(o + 1, head_end), (tail.end(), c)]
            return [f]
        m = INNER_ATTRIBUTION.search(view.text, m.end(), c)
    return []


def _dialogue(view: DocView) -> list[Found]:
    """Dash-led lines ("— Мы решим это сами, — сказал он.")."""
    out = []
    for m in re.finditer(r"(?m)^[—–-]\s+(?=\S)", view.text):
        para_end = view.text.find("\n", m.end())
        para_end = len(view.text) if para_end < 0 else para_end
        inner = re.compile(r"([,!?…])\s+[—–]\s+").search(view.text, m.end(), para_end)
        if inner:
            first = view.tok_index(inner.end())
            for k in range(first, min(first + 4, len(view.toks))):
                if cue_at(view, k):
                    f = _attributed(view, first, k, (m.end(), inner.start() + (1 if inner.group(1) in "!?…" else 0)))
                    out.append(f)
                    break
    return out


def _indirect(view: DocView, direct: list[Found]) -> list[Found]:
    out: list[Found] = []
    taken = [(f.start, f.end) for f in direct]
    # a cue that attributes a direct quotation does not also attribute the words before it
    direct_cues = {f.cue[0] for f in direct if f.cue}

    def inside_direct(i: int) -> bool:
        off = view.toks[i].start
        return any(a <= off < b for a, b in taken)

    def repeats_direct(f: Found) -> bool:
        return any(min(b, f.end) - max(a, f.start) > 0.5 * (f.end - f.start) for a, b in taken)

    for si, sent in enumerate(view.sents):
        rng = view.sent_range(si)
        if not rng:
            continue
        lo, hi = rng.start, rng.stop - 1
        i = lo
        while i <= hi:
            if inside_direct(i):
                i += 1
                continue
            # по словам X, ... / по его словам
            if view.lower[i] == "по" and i + 1 <= hi:
                f = _source_phrase(view, i, lo, hi)
                if f and not _crosses_quote(view, f.start, f.end):
                    out.append(f)
                    i += 1
                    continue
            c = cue_at(view, i)
            if not c:
                i += 1
                continue
            cue_end, lemma, cls = c
            if view.toks[i].start in direct_cues:
                # "заявила, что …: «…»": the cue of a direct quotation may also have a что-clause
                f = _complement(view, i, cue_end, lemma, cls, lo, hi)
            else:
                f = (_as_cue(view, i, cue_end, lemma, cls, lo, hi)
                     or _quoted_phrase(view, i, cue_end, lemma, cls, lo, hi)
                     or _complement(view, i, cue_end, lemma, cls, lo, hi)
                     or _inverted(view, i, cue_end, lemma, cls, lo, hi)
                     or _infinitive(view, i, cue_end, lemma, cls, lo, hi)
                     or _named(view, i, cue_end, lemma, cls, lo, hi))
            if f and not _crosses_quote(view, f.start, f.end) and not repeats_direct(f) \
                    and len(re.findall(r"\w+", view.text[f.start:f.end])) >= 2 \
                    and view.lower[view.tok_index(f.start)] not in RELATIVES:
                prev = out[-1] if out and view.tok_index(out[-1].cue[0]) >= lo else None
                if prev is not None and prev.end <= view.toks[i].start and _coordinated(view, i, lo) \
                        and prev.ref is not None and prev.ref.kind != "lost":
                    # "X сообщил, что A, а также назвал B": the second predicate shares X
                    f.ref = prev.ref
                out.append(f)
            i = cue_end + 1
    return out


def _coordinated(view: DocView, cue: int, lo: int) -> bool:
    """A cue that is a second predicate: ", а также назвал", "и добавил"."""
    k = _skip_fillers_back(view, cue - 1, lo)
    return k >= lo and view.lower[k] in ("и", "а") and view.parses(cue)[0].tag.POS == "VERB"


def _crosses_quote(view: DocView, start: int, end: int) -> bool:
    """Content that starts or ends inside someone's quotation is not indirect speech."""
    for o, c in view.pairs:
        if (start <= o < end) != (start <= c < end + 1):
            # a mark just outside a wholly quoted clause is fine
            if o == start - 1 and c >= end - 1:
                continue
            return True
    return False


def _complement(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """X заявил, что …  /  X заявил о том, что …  /  Сообщается, что …"""
    k = _skip_fillers_back(view, i - 1, lo)
    if k >= lo and (view.lower[k] in ("это", "что") or _nominative(view, k) and k not in view.ent_at
                    and _mute_noun(view, k) and not _proper_noun(view, k) and _agrees(view, i, k)
                    and (k == lo or not view.is_word(k - 1))):
        return None  # "Это говорит о том, что …", "Факты говорят о том, что …": not speech
    j = cue_end + 1
    limit = min(hi, cue_end + 10)
    if j + 1 <= hi and view.toks[j].text == ":" and view.is_word(j + 1) and j + 1 not in view.quoted and any(
            view.parses(k)[0].tag.POS == "VERB" for k in range(j + 1, hi + 1)):  # a clause, not a list of names
        j -= 1  # "Serebro уверено: трек был обязан войти в историю": the content follows the colon
        limit = -1
    while j <= limit:
        t = view.lower[j]
        if t == "," and j + 1 <= hi and view.lower[j + 1] in COMPLEMENTIZERS:
            if _conjunction_before(view, j, cue_end) or (j + 2 <= hi and view.lower[j + 2] == "касается"):
                # "допускали высказывания в связи с тем, что …": a reason; "…, что касается X": a topic
                return None
            break
        if t in TERMINAL or t in (";", ":") or t in DASHES:
            return None
        if j in view.quoted and view.tok_index(view.quoted[j][0]) < j:
            return None
        if t in ("о", "об", "обо") and j + 1 <= hi and view.lower[j + 1] not in ("том", "то"):
            # "заявили о сложении полномочий, что …": the topic is named, "что" is relative
            return None
        if view.parses(j)[0].tag.POS == "INFN" and view.lower[j] not in lex.speech_verbs():
            # "призвали граждан сидеть дома, чтобы …": the clause is the infinitive's
            return None
        if view.parses(j)[0].tag.POS == "VERB" and (cue_at(view, j) is None or view.lower[j - 1] != "и"):
            # "…слова Обамы, которая посетовала, что …": the clause is the nearer verb's
            return None
        if t == "," and j + 1 <= hi and cue_at(view, j + 1) is not None:
            return None  # "…, указал он, подчеркнув, что …": the clause is the second cue's
        j += 1
    else:
        if limit >= 0:
            return None
    first = j + 2
    if first > hi:
        return None
    start = _content_start(view, first)
    colon = next((k for k in range(first + 1, hi) if view.toks[k].text == ":" and k not in view.quoted
                  and view.toks[k + 1].text in OPEN_MARKS), None)
    # "заявила, что …: «…»": the quotation after the colon is direct
    end = _content_end(view, first, colon - 1 if colon else hi)
    main = _main_clause(view, i, first, hi)
    if main is not None:
        # "Отметив, что A, в МИД заявили …": A ends where the clause the gerund opens resumes
        comma, verb = main
        end = _content_end(view, first, comma - 1)
    if end <= start:
        return None
    if main is not None:
        ref = search_subject(view, main[1], main[0] + 1) or search_locative(view, main[1], main[1], main[0] + 1, hi)
        return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                     cue_cls=cls) if ref is not None else None
    if cls == "impersonal":
        ref = search_document(view, i, lo, j) or Ref("none")
    else:
        ref = search_subject(view, i, lo) or search_inverted(view, cue_end, j - 1) or \
            search_locative(view, i, cue_end, lo, j - 1)
    return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                 addressee=_addressee(view, cue_end, j - 1), channel=_channel(view, cue_end, j - 1),
                 is_question=cls == "ask", cue_cls=cls)


def _main_clause(view: DocView, cue: int, first: int, hi: int) -> tuple[int, int] | None:
    """For a gerund that opens its sentence, (the comma before the main clause, its verb)."""
    if view.parses(cue)[0].tag.POS != "GRND" or any(
            view.is_word(k) and view.lower[k] not in FILLERS for k in range(view.sent_first[view.tok_sent[cue]], cue)):
        return None
    verb = next((k for k in range(hi, first, -1) if k not in view.quoted and view.parses(k)[0].tag.POS == "VERB"), None)
    comma = next((k for k in range(verb - 1, first, -1) if view.toks[k].text == "," and k not in view.quoted), None) \
        if verb is not None else None
    return (comma, verb) if comma is not None else None


def _conjunction_before(view: DocView, comma: int, lo: int) -> bool:
    """Do the words before the comma end a compound conjunction ("в связи с тем", "из-за того")?"""
    for words in lex.clause_conjunctions():
        n = len(words)
        if comma - n > lo and tuple(view.lower[comma - n:comma]) == words:
            return True
    return False


def _quoted_phrase(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Он принес "глубочайшие извинения пассажирам", которые …: a speech phrase whose
    noun the writer quotes; the quoted words and what they govern are the content."""
    pair = view.quoted.get(cue_end)
    if pair is None or cue_end == i or pair[0] < view.toks[i].end or _name_quote(view, *pair):
        return None
    first = view.tok_index(pair[0])
    end = max(_content_end(view, first, hi), pair[1] + 1)
    ref = search_subject(view, i, lo)
    if ref is None:
        return None
    return Found("mixed", pair[0], end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls)


def _skip_fillers_back(view: DocView, k: int, lo: int) -> int:
    """The first token at or before k that is not a filler ("также", "ранее")."""
    while k >= lo and view.lower[k] in FILLERS:
        k -= 1
    return k


def _as_cue(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Как отметил X, …  /  …, как сообщает X.  /  A, как пишет X, B."""
    if cls not in ("say", "think", "impersonal"):
        return None
    k = _skip_fillers_back(view, i - 1, lo)
    if k < lo or view.lower[k] != "как":
        return None
    ref = _inverted_ref(view, i, cue_end, cls, lo, hi)
    if ref is None or (ref.kind == "none" and cls != "impersonal"):
        return None
    # the comma that closes the attribution
    after = view.tok_index(ref.end - 1) + 1 if ref.kind not in ("none", "lost") else cue_end + 1
    while after <= hi and view.toks[after].text not in ",;" and view.toks[after].text not in TERMINAL:
        after += 1
    opens_sentence = all(not view.is_word(x) or view.lower[x] in ("а", "и", "но", "однако", "напомним")
                         for x in range(lo, k))
    if opens_sentence:
        if after > hi or view.toks[after].text != "," or after + 1 > hi:
            return None
        start, end = _content_start(view, after + 1), _content_end(view, after + 1, hi)
    else:
        if view.toks[k - 1].text != ",":
            return None
        start, end = _content_start(view, lo), view.toks[k - 1].start
        if after + 1 <= hi and view.toks[after].text == ",":
            end = _content_end(view, after + 1, hi)
    if end <= start:
        return None
    return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                 channel=_channel(view, cue_end, hi), cue_cls=cls)


def _inverted(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """… , заявил X.  /  …, об этом сообщает X.  /  Об этом заявил X. (content: previous sentence)"""
    if cls not in ("say", "think", "impersonal"):
        return None
    k = _skip_fillers_back(view, i - 1, lo)
    # "Об этом он заявил", "Об этом Хант написал": the subject between "об этом" and the cue
    subject = None
    if k >= lo and (view.lower[k] in ("он", "она", "они") or (
            # a person; an outlet there is the addressee: "Об этом РИА Новости сказали в офисе"
            view.ent_at.get(k) is not None and view.ent_at[k].type == "PER")):
        first_word = view.tok_index(view.ent_at[k].start) if k in view.ent_at else k
        b = _skip_fillers_back(view, first_word - 1, lo)
        if b - 1 >= lo and view.lower[b] == "этом" and view.lower[b - 1] in ("об", "о") and b - 1 == lo:
            subject = (first_word, k)
            k = b
    if subject is None and lo + 2 < k:
        # "Об этом в телефонном интервью Reuters сообщил X": a prepositional phrase in between
        pp = next((m for m in range(lo + 2, min(k, lo + 8) + 1) if _is_prep(view, m)), None)
        if pp == lo + 2 and view.lower[lo + 1] == "этом" and view.lower[lo] in ("об", "о") and \
                all(view.is_word(m) for m in range(pp, k + 1)):
            k = lo + 1
    # "об этом" before the cue
    about = False
    if k - 1 >= lo and view.lower[k] in ("этом",) and view.lower[k - 1] in ("об", "о"):
        about = True
        k -= 2
        while k >= lo and view.is_word(k) and not (k in view.ent_at) and view.parses(k)[0].tag.POS in ("NUMR", "NOUN", "ADVB", None) and view.lower[k] not in PREPOSITIONS and k > lo:
            # time phrases: "Об этом 31 октября сообщает"
            if view.parses(k)[0].tag.POS == "NOUN" and not re.match(r"\d", view.toks[k - 1].text):
                break
            k -= 1
    dash = k >= lo and view.toks[k].text in DASHES
    if dash:
        k -= 1
    if about and k >= lo and view.toks[k].text == "," and view.lower[lo] == "как" and cue_at(view, lo + 1):
        k = lo - 1  # "Как передает X со ссылкой на Y, об этом заявил Z": the relay opens the sentence
    if about and (k < lo):
        # Sentence opens with "Об этом …": the content is the previous sentence.
        si = view.tok_sent[i]
        if si == 0:
            return None
        prev = view.sent_range(si - 1)
        if not prev:
            return None
        first = prev.start
        start = _content_start(view, first)
        end = _content_end(view, first, prev.stop - 1)
        if subject is None:
            ref = _inverted_ref(view, i, cue_end, cls, lo, hi)
        elif view.lower[subject[0]] in ("он", "она", "они"):
            t = view.toks[subject[0]]
            ref = Ref("pronoun", t.start, t.end, gender=lex.pronouns()[view.lower[subject[0]]][0])
            # "Хант считает … . Об этом он заявил": the pronoun is the reported sentence's subject
            named = search_subject(view, _first_verb(view, prev), first) if _first_verb(view, prev) else None
            if named is not None and named.kind == "entity" and named.entity.type == "PER":
                ref = replace(named, start=t.start, end=t.end, role=None)
        else:
            ref = _ref_from_np(view, *subject)
        if end <= start:
            return None
        return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                     channel=_channel(view, cue_end, hi), cue_cls=cls)
    if k < lo or view.toks[k].text != ",":
        return None
    if not _inverted_here(view, i) and cls != "think":
        return None
    ref = _inverted_ref(view, i, cue_end, cls, lo, hi)
    if ref is None or (ref.kind == "none" and cls != "impersonal"):
        return None
    first = lo
    # The content is the sentence before the comma, unless it is itself a
    # complement clause of another cue ("X заявил, что ..., сообщает Y").
    start = _content_start(view, first)
    end = view.toks[k].start
    while end > start and view.text[end - 1] in " ,":
        end -= 1
    if end <= start:
        return None
    found = Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                  channel=_channel(view, cue_end, hi), cue_cls=cls)
    resume = _resumes_after(view, ref, first, k, hi)
    if resume is not None:
        # "В субботу, отмечает BBC, адвокат … покинул страну": the attribution sits
        # inside the reported sentence; `parts` holds the reported words alone.
        found.end = _content_end(view, resume, hi)
        found.parts = [(start, end), (view.toks[resume].start, found.end)]
    return found


def _first_verb(view: DocView, rng: range) -> int | None:
    return next((k for k in rng if view.parses(k)[0].tag.POS == "VERB"), None)


def _resumes_after(view: DocView, ref: Ref, first: int, comma: int, hi: int) -> int | None:
    """The token where reported words resume after a parenthetical attribution,
    when the words before it have no verb of their own and so cannot be the whole content."""
    if ref.kind in ("none",) or not ref.end:
        return None
    if any(view.parses(j)[0].tag.POS in ("VERB", "INFN", "PRTS") for j in range(first, comma)):
        return None
    j = view.tok_index(ref.end - 1) + 1
    if j > hi or view.toks[j].text != "," or j + 1 > hi or \
            not (view.is_word(j + 1) or view.toks[j + 1].text in OPEN_MARKS):
        return None
    return j + 1


def _inverted_ref(view, i, cue_end, cls, lo, hi) -> Ref | None:
    if cls == "impersonal":
        return search_document(view, i, lo, hi) or Ref("none")
    return search_inverted(view, cue_end, hi) or search_locative(view, i, cue_end, lo, hi)


def _infinitive(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Пообещал / призвал (кого-то) сделать …"""
    if cls != "promise" and lemma not in lex.directive_verbs():
        return None
    for j in range(cue_end + 1, min(hi, cue_end + 5) + 1):
        if view.toks[j].text in TERMINAL or view.toks[j].text in ",;:":
            return None
        if view.parses(j)[0].tag.POS == "INFN":
            start = view.toks[j].start
            end = _content_end(view, j, hi)
            pair = view.quoted.get(j)
            if pair is not None and pair[0] > view.toks[cue_end].start:
                start, end = pair[0], max(end, pair[1] + 1)  # просила их "не терять мужество"
            if cls != "promise" and not any(start <= o and c < end and not _name_quote(view, o, c)
                                            for o, c in view.pairs):
                return None  # a call reports speech only with the words quoted: призвал "защитить честь пророка"
            ref = search_subject(view, i, lo)
            if ref is None:
                return None
            return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                         addressee=None, cue_cls=cls)
    return None


def _named(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Назвал "показательным", что …: a quoted verdict after назвать."""
    if cls != "name" and lemma not in lex.verdict_verbs():
        return None
    noun = _noun_parse(view, cue_end + 1) if cue_end + 1 <= hi and view.is_word(cue_end + 1) else None
    if noun is not None and noun.normal_form in lex.named_objects():
        return None  # "назвал имена арбитров": names a thing, no verdict
    if cue_end + 2 <= hi and view.lower[cue_end + 1] == "как" and view.is_word(cue_end + 2):
        # "уход Джонсона расценили как нежелание оставаться в шлюпке": the verdict after "как"
        ref = search_subject(view, i, lo) or search_locative(view, i, cue_end, lo, hi)
        end = _content_end(view, cue_end + 2, hi)
        if ref is None or end <= view.toks[cue_end + 2].start:
            return None
        return Found("indirect", view.toks[cue_end + 2].start, end,
                     (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls)
    if cls != "name" and (cue_end + 1 > hi or _is_prep(view, cue_end + 1) or not any(
            view.is_word(k) and k not in view.ent_at and "ablt" in view.parses(k)[0].tag
            for k in range(cue_end + 1, min(hi, cue_end + 3) + 1))):
        # ("объявил о своей добровольной отставке": a topic, not a verdict)
        return None  # "объявили этот план предательством", "считает важной роль": the verdict comes first
    j = cue_end + 1
    if j <= hi and view.toks[j].start in view.pair_by_open and \
            not _name_quote(view, view.toks[j].start, view.pair_by_open[view.toks[j].start]):
        o = view.toks[j].start
        start = o
        end = _content_end(view, j, hi)
        ref = search_subject(view, i, lo)
        if ref is None:
            return None
        return Found("mixed", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls)
    # "назвал Биби мученицей за веру", "назвал его «одной из выдающихся сил»": a verdict in
    # the instrumental, with or without quoted words.
    end = _content_end(view, j, hi) if j <= hi else 0
    last = view.tok_index(end - 1) if end else j - 1
    quoted = any(k in view.quoted and not _name_quote(view, *view.quoted[k]) for k in range(j, last + 1))
    # Inside quotation marks any reading counts ("«одной из сил»"), and so it does after a
    # named object ("назвал его одной из сил"); otherwise the first one must be instrumental,
    # or every ambiguous word would pass ("называли имена").
    named_object = j <= hi and view.lower[j] in ("его", "ее", "её", "их")
    if last < j or not any(view.is_word(k) and k not in view.ent_at and any(
            "ablt" in p.tag for p in view.parses(k)[:3 if k in view.quoted or named_object else 1])
            for k in range(j + named_object, last + 1)):
        return None
    ref = search_subject(view, i, lo)
    if ref is None:
        return None
    return Found("mixed" if quoted else "indirect", view.toks[j].start, end,
                 (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls)


def _source_phrase(view: DocView, i: int, lo: int, hi: int) -> Found | None:
    """по словам X, …  /  по его словам, …  /  …, по данным X."""
    j = i + 1
    pron = None
    if view.lower[j] in lex.pronouns() or view.lower[j] in ("их", "ее", "его"):
        pron = j
        j += 1
    lemma = lex.source_nouns().get(view.lower[j]) if j <= hi else None
    if lemma is None:
        return None
    if pron is not None:
        g = lex.pronouns().get(view.lower[pron], ("p", ""))[0]
        ref = Ref("pronoun", view.toks[pron].start, view.toks[pron].end, gender=g)
        phrase_end = j
    else:
        ref = search_genitive(view, j, hi)
        if ref is None:
            return None
        phrase_end = view.tok_index(ref.end - 1)
    # Phrase at the start of the sentence (after openers): content follows the comma.
    k = phrase_end + 1
    while k <= hi and view.toks[k].text != ",":
        if view.toks[k].text in TERMINAL:
            break
        k += 1
    cue = (view.toks[i].start, view.toks[j].end, lemma)
    if view.toks[i].start <= _content_start(view, lo) or all(not view.is_word(x) or view.lower[x] in ("а", "и", "но", "как", "однако") for x in range(lo, i)):
        if k > hi or view.toks[k].text != ",":
            return None
        first = k + 1
        if first > hi:
            return None
        start, end = _content_start(view, first), _content_end(view, first, hi)
        close = view.pair_by_open.get(view.toks[first].start)
        if close is not None and close >= end:
            end = close + 1  # «…» over several sentences: the content runs to the closing mark
        # "По словам обвинительницы, Биби ответила так: «…»": the quotation is part of the report
        colon = next((o for o, c in view.pairs if start < o < end and c >= end and
                      view.text[start:o].rstrip().endswith(":")), None)
        if colon is not None:
            end = view.pair_by_open[colon] + 1
    else:
        # …, по словам X.  The content is what precedes the phrase.
        prev = i - 1
        if view.toks[prev].text != ",":
            return None
        start = _content_start(view, lo)
        end = view.toks[prev].start
        # and what follows, if the phrase sits mid-sentence: "A, по словам X, B".
        if k <= hi and view.toks[k].text == "," and k + 1 <= hi:
            end = _content_end(view, k + 1, hi)
    if end <= start:
        return None
    return Found("indirect", start, end, cue, ref, cue_cls="source")


def _addressee(view: DocView, cue_end: int, hi: int) -> tuple[int, int] | None:
    """A dative phrase right after the cue: "задал министру вопрос", "сказал журналистам"."""
    j = cue_end + 1
    if j > hi or not view.is_word(j):
        return None
    ps = view.parses(j)
    if any("datv" in p.tag and p.tag.POS == "NOUN" for p in ps[:2]) and view.lower[j] not in lex.pronouns():
        b = j
        # the dative phrase: the noun and what agrees with or names it ("журналистам CNN")
        while b + 1 <= hi and view.is_word(b + 1) and (
                b + 1 in view.ent_at or any("datv" in p.tag for p in view.parses(b + 1)[:2])):
            b += 1
        return view.toks[j].start, view.toks[b].end
    return None


def _channel(view: DocView, cue_end: int, hi: int) -> tuple[int, int] | None:
    """"в интервью телеканалу "Россия 24" и РИА Новости", "в своем Twitter"."""
    for j in range(max(0, cue_end - 12), min(hi, cue_end + 12) + 1):
        if view.lower[j] in ("в", "во", "на") and j + 1 < len(view.toks):
            k = j + 1
            if view.lower[k] in ("своем", "своём", "своей", "своих", "совместном", "эксклюзивном", "ходе"):
                k += 1
            if k < len(view.toks) and view.parses(k)[0].normal_form in lex.channel_nouns() or (
                    k < len(view.toks) and view.lower[k] in lex.channel_nouns()):
                end = k
                last = min(len(view.toks) - 1, k + 10)
                m = k + 1
                while m <= last:
                    t = view.toks[m].text
                    if t in ",.;:!?" or (t in DASHES):
                        break
                    if m in view.quoted:
                        o, c = view.quoted[m]
                        m = view.tok_index(c) + 1
                        end = m - 1
                        continue
                    if view.lower[m] in PREPOSITIONS - {"с", "со"} or (cue_at(view, m) is not None):
                        break
                    end = m
                    m += 1
                s, e = view.toks[j].start, view.toks[end].end
                if end + 1 < len(view.toks) and view.text[e:e + 1] in '»"“':
                    e += 1
                return s, e
    return None


RELAY_LEMMAS = frozenset(("передавать", "сообщать", "писать", "сообщить", "передать"))


def _dedupe(view: DocView, found: list[Found]) -> list[Found]:
    # "Как передает X со ссылкой на Y, об этом заявил Z": the outlet relays an attribution,
    # not a statement. (A relay of reported words, "X заявил, что …, передает Y", stays: both speak.)
    # "По его оценке, …, в ответе подчеркнуто, что …": an impersonal report inside someone's
    # reported words is part of them.
    found = [f for f in found if not (f.cue_cls == "impersonal" and f.cue and any(
        g is not f and g.cue and g.cue[0] < g.start <= f.cue[0] < g.end and g.ref is not None
        and g.ref.kind not in ("none", "lost") for g in found))]
    found = [f for f in found if not _attribution_only(view, f) and not any(
        # "X, об этом заявил Y, передает Z": the whole attribution is what Z relays
        g is not f and g.cue and f.cue and f.cue[2] in RELAY_LEMMAS and f.cue[0] >= f.end
        and f.start <= g.start and g.cue[0] >= g.end and g.cue[1] <= f.end and _about_this(view, g) for g in found)]
    out: list[Found] = []
    for f in found:
        dup = False
        for g in out:
            if g.start == f.start and (g.end == f.end or f.ref is None or f.ref.kind in ("none", "lost")):
                dup = True  # the same words, or a second attribution of them that names no one
                break
            # The same content reached from a second cue: keep the first.
            overlap = min(f.end, g.end) - max(f.start, g.start)
            if overlap > 0 and f.type == g.type == "indirect" and overlap >= 0.9 * (f.end - f.start) and overlap >= 0.9 * (g.end - g.start):
                dup = True
                break
        if not dup:
            out.append(f)
    return out


def _about_this(view: DocView, f: Found) -> bool:
    """Is the cue introduced by "об этом" ("…, об этом заявил Y")?"""
    k = view.tok_index(f.cue[0])
    return k >= 2 and view.lower[k - 1] == "этом" and view.lower[k - 2] in ("об", "о")


def _attribution_only(view: DocView, f: Found) -> bool:
    """Content that is itself an attribution: "об этом заявил Z"."""
    first = view.tokens_in(f.start, f.end)
    if len(first) < 3:
        return False
    a = first.start
    if view.lower[a] not in ("об", "о") or view.lower[a + 1] not in ("этом", "том"):
        return False
    for k in range(a + 2, min(a + 10, first.stop)):  # "об этом в среду, 7 ноября, сообщил X"
        if view.toks[k].text in TERMINAL:
            return False
        if cue_at(view, k) is not None:
            return True
    return False


def _mark_mixed(view: DocView, found: list[Found], used: set) -> None:
    """Indirect content that quotes words verbatim is mixed; so is a что-clause in quotation marks."""
    for f in found:
        if f.type != "indirect":
            continue
        inside = [(o, c) for o, c in view.pairs if f.start <= o and c < f.end + 1 and not _name_quote(view, o, c)]
        # content wholly quoted: the marks are part of it
        if f.start > 0 and view.text[f.start - 1] in OPEN_MARKS and (f.start - 1) in view.pair_by_open:
            c = view.pair_by_open[f.start - 1]
            if c >= f.end - 1:
                f.start -= 1
                f.end = max(f.end, c + 1)
                f.type = "mixed"
                used.add((f.start, c))
                continue
        if inside:
            f.type = "mixed"
            for p in inside:
                used.add(p)
            last_close = max(c for _, c in inside)
            if last_close >= f.end:
                f.end = last_close + 1


def _standalone(view: DocView, found: list[Found], used: set) -> list[Found]:
    """A quotation that is a whole sentence with no cue continues its neighbour's speech."""
    out = []
    for o, c in view.pairs:
        if (o, c) in used or any(f.start <= o < f.end for f in found):
            continue
        inner = view.text[o + 1:c]
        if not _sentence_like(inner) or not inner[:1].isupper() and inner[:1] not in "…[":
            continue
        # starts a sentence and ends one
        before = view.text[max(0, o - 3):o]
        after = view.text[c + 1:c + 3]
        if before.strip() and before.strip()[-1] not in TERMINAL + "»\"":
            continue
        if after.strip() and after.strip()[0] not in TERMINAL:
            continue
        prev = [f for f in found if f.end <= o and o - f.end < 400]
        nxt = [f for f in found if f.start >= c and f.start - c < 200 and f.type == "direct"]
        src = prev[-1] if prev else (nxt[0] if nxt else None)
        ref = _intro_ref(view, o, since=src.end if src and src.end <= o else 0)
        if ref is None and src is None:
            continue
        out.append(Found("direct", o + 1, c, None, ref or src.ref, is_question=inner.rstrip().endswith("?"),
                         cue_cls="continuation"))
    return out


def _intro_ref(view: DocView, o: int, since: int) -> Ref | None:
    """The sentence before a bare quotation introduces its speaker: "Большой материал
    написал об этом обозреватель New York Times Николас Кристоф. "…""."""
    si = view.tok_sent[view.tok_index(o)]
    if si == 0 or view.toks[view.tok_index(o)].start < o:
        return None
    rng = view.sent_range(si - 1)
    if not rng or view.toks[rng.start].start < since:
        return None
    lo, hi = rng.start, rng.stop - 1
    for i in rng:
        if i in view.quoted:
            continue
        c = cue_at(view, i)
        if c and c[2] in ("say", "think") and c[1] not in RELAY_LEMMAS:
            ref = search_inverted(view, c[0], hi) or search_subject(view, i, lo)
            if ref is not None and ref.kind in ("entity", "pronoun", "np"):
                return ref
    return None


# --- resolution ---------------------------------------------------------------------------

def _gender_votes(view: DocView, found: list[Found]) -> None:
    """"заявила Мишель Обама": a past-tense cue tells a named speaker's gender."""
    votes: dict[str, list[str]] = {}
    for f in found:
        ref = f.ref
        if ref is None or ref.kind != "entity" or ref.entity.type != "PER":
            continue
        gender = _cue_gender(view, f)
        if gender is not None:
            votes.setdefault(view.names.person(ref.entity).key, []).append(gender)
    for key, vs in votes.items():
        person = view.names.by_key(key)
        if person is not None:
            person.gender = max(set(vs), key=vs.count)


def resolve(view: DocView, found: list[Found]) -> list[Quote]:
    _gender_votes(view, found)
    quotes = []
    history: list[Found] = []
    for f in found:
        f.speaker = _resolve_ref(view, f, history)
        history.append(f)
        quotes.append(_to_quote(view, f))
    return quotes


def _resolve_ref(view: DocView, f: Found, history: list[Found]) -> Speaker | None:
    ref = f.ref
    if ref is not None and ref.kind == "none" and f.cue_cls == "impersonal":
        # "В документе указано, что … . Сообщается, что …": the document goes on
        last = history[-1] if history else None
        if last is not None and last.speaker is not None and last.speaker.kind == "document" \
                and 0 <= f.start - last.end < 300:
            return replace(last.speaker, mention=None)
    if ref is None or ref.kind in ("none", "lost"):
        return None
    mention = TextSpan(view.text[ref.start:ref.end], ref.start, ref.end) if ref.end > ref.start else None
    names = view.names
    if ref.kind == "entity":
        e = ref.entity
        if e.type == "PER":
            person = names.person(e)
            role = tidy_role(nominative_phrase(ref.role, case=ref.case)) if ref.role else person.role
            return Speaker(person.name, mention, role, "person", person.key)
        return Speaker(names.org_name(e), mention, None, "organization", None)
    if ref.kind == "pronoun":
        last = history[-1] if history else None
        if last is not None and last.speaker is not None and last.ref is not None and last.ref.kind == "np" \
                and last.speaker.kind == "anonymous" and last.ref.head in lex.role_nouns() \
                and 0 <= f.start - last.end < 300 and ref.gender in ("m", "f") and _cue_gender(view, last) == ref.gender:
            # "…первая леди заявила, что «…». «…», — сказала она": the title just quoted,
            # not a name mentioned in passing before it
            return replace(last.speaker, mention=mention)
        person = _antecedent(view, f, history, ref)
        if person is not None:
            return Speaker(person.name, mention, person.role, "person", person.key)
        if ref.gender == "p" and last is not None and last.speaker is not None and last.speaker.name \
                and last.speaker.kind in ("anonymous", "organization") and f.start - last.end < 600:
            # "Источники Reuters рассказали, что … Они отметили, что …": the group just quoted
            return replace(last.speaker, mention=mention)
        group = _previous_subject(view, ref)
        if group is not None:
            sp = _resolve_ref(view, Found(f.type, f.start, f.end, f.cue, group), history)
            if sp is not None and sp.name:
                return replace(sp, mention=mention)
        return Speaker(None, mention, None, "anonymous", None)
    if ref.kind == "relative":
        # "…с Папой Римским, который назвал": the phrase before the comma.
        j = view.tok_index(ref.start) - 1
        if j >= 1 and view.toks[j].text == ",":
            a, b = _np_bounds(view, j - 1, max(0, j - 8), j - 1)
            inner = _ref_from_np(view, a, b)
            named = view.ent_at.get(b)
            if named is not None and named.type == "PER":
                # "слова Мишель Обамы, которая посетовала": the relative word points at the name
                inner = Ref("entity", named.start, named.end, entity=named)
            if inner.kind in ("entity", "np"):
                sub = Found(f.type, f.start, f.end, f.cue, inner)
                sp = _resolve_ref(view, sub, history)
                if sp is not None:
                    sp.mention = mention
                return sp
        return None
    if ref.kind == "document":
        author = names.document_author(ref.start)
        phrase = nominative_phrase(view.text[ref.start:ref.end], case=ref.case)
        if author is not None:
            return Speaker(author.name, mention, author.role, "person", author.key)
        if ref.head in lex.generic_document_nouns():
            # "В документе указано" after "говорится в сообщении …": the document just quoted
            last = next((h for h in reversed(history[-3:]) if h.speaker is not None
                         and h.speaker.kind == "document" and f.start - h.end < 1500), None)
            if last is not None:
                return replace(last.speaker, mention=mention)
        return Speaker(phrase, mention, None, "document", None)
    if ref.kind == "np" and ref.head in lex.generic_person_nouns() and view.text[ref.start:ref.end].lower() == ref.head:
        antecedent = _introduced_person(view, ref)
        if antecedent is not None:
            sp = _resolve_ref(view, Found(f.type, f.start, f.end, f.cue, antecedent), history)
            if sp is not None and sp.name:
                return replace(sp, mention=mention)
    if ref.kind == "np":
        number = _cue_number(view, f) or _head_number(view, ref)
        phrase = nominative_phrase(view.text[ref.start:ref.end], case=ref.case, number=number)
        group = number == "plur"  # "судьи постановили": not one holder of the title
        person = None if group else names.by_role(phrase, ref.start)
        if person is not None and person.mentions[0].start > ref.start and ref.head not in lex.relational_nouns() \
                and view.tok_sent[view.tok_index(person.mentions[0].start)] != view.tok_sent[view.tok_index(ref.start)]:
            # a holder named only later: "Министр" after Хант's words is Хант, not Дэвис further on
            # and a qualified title named only later is someone else: "Премьер-министр Израиля" is
            # not "британский премьер Гордон Браун" at the end of the article
            exact = any(canonical_role(r) == canonical_role(phrase) for r in person.roles)
            person = _last_speaker(view, f, history, ref) or (person if exact or len(phrase.split()) == 1 else None)
        if person is not None:
            return Speaker(person.name, mention, tidy_role(phrase), "person", person.key)
        if not group and ref.head in lex.role_nouns() and ref.head not in lex.relational_nouns():
            # A bare title as a definite description ("— констатировал глава Евросовета")
            # designates the one who just spoke.
            person = _last_speaker(view, f, history, ref)
            if person is not None:
                return Speaker(person.name, mention, tidy_role(phrase), "person", person.key)
        if ref.head in lex.org_nouns() and len(phrase.split()) == 1:
            # "Компания заявила": the organisation last named.
            org = _nearest_org(view, ref.start)
            if org is not None:
                return Speaker(names.org_name(org), mention, None, "organization", None)
        return Speaker(phrase, mention, None, _np_kind(ref), None)
    return None


def _introduced_person(view: DocView, ref: Ref) -> Ref | None:
    """"…передал муж Асии Биби. Мужчина рассказал": the person of that gender the sentence
    before introduced, by name or by a title in the nominative."""
    si = view.tok_sent[view.tok_index(ref.start)]
    gender = next((p.tag.gender for p in parse(ref.head) if p.tag.POS == "NOUN"), None)
    if si == 0 or gender is None:
        return None
    rng = view.sent_range(si - 1)
    for j in rng:
        e = view.ent_at.get(j)
        if e is not None and e.type == "PER" and _nominative(view, j):
            person = view.names.person(e)
            if person.gender == {"masc": "m", "femn": "f"}[gender]:
                return Ref("entity", e.start, e.end, entity=e)
        noun = _noun_parse(view, j, "nomn")
        if e is None and noun is not None and noun.normal_form in lex.role_nouns() and noun.tag.gender == gender \
                and noun.tag.number == "sing":
            _, b = _np_bounds(view, j, j, rng.stop - 1)
            return _ref_from_np(view, j, b)
    return None


def _previous_subject(view: DocView, ref: Ref) -> Ref | None:
    """"Женщины-мусульманки начали высказывать обвинения. По их мнению, …", "Представитель
    министерства сообщил … . Он заявил, что …": the subject of the sentence before the
    pronoun's, when its verb agrees with the pronoun and no named person did."""
    si = view.tok_sent[view.tok_index(ref.start)]
    if si == 0 or ref.gender not in ("m", "f", "p"):
        return None
    rng = view.sent_range(si - 1)

    def agrees(tag) -> bool:
        if ref.gender == "p":
            return tag.number == "plur"
        return tag.number == "sing" and tag.gender in (None, {"m": "masc", "f": "femn"}[ref.gender])
    verb = next((k for k in rng if k not in view.quoted and view.parses(k)[0].tag.POS == "VERB"
                 and agrees(view.parses(k)[0].tag)), None)
    subject = search_subject(view, verb, rng.start) if verb is not None else None
    return subject if subject is not None and subject.kind in ("np", "entity") else None


def _head_number(view: DocView, ref: Ref) -> str | None:
    """"По утверждению представителей Роскосмоса": a head plural in its case is a group."""
    if ref.case is None:
        return None
    for j in view.tokens_in(ref.start, ref.end):
        ps = [p for p in view.parses(j) if p.tag.POS == "NOUN" and p.normal_form == ref.head and ref.case in p.tag]
        if ps:
            return "plur" if all(p.tag.number == "plur" for p in ps) else None
    return None


def _nearest_org(view: DocView, offset: int, window: int = 1500) -> Entity | None:
    """The organisation a bare "Компания" designates: of those named in the window before it,
    the one the article names most often (its subject), the nearest among equals."""
    counts: dict[str, int] = {}
    for e in view.entities:
        if e.type == "ORG" and e.start < offset:
            counts[e.text] = counts.get(e.text, 0) + 1
    near = [e for e in view.entities if e.type == "ORG" and 0 < offset - e.start <= window]
    return max(reversed(near), key=lambda e: counts[e.text], default=None)


def _np_kind(ref: Ref) -> str:
    if ref.head in lex.document_nouns():
        return "document"
    return "anonymous"


def _cue_tag(view: DocView, f: Found):
    """The grammatical tag of the cue's first word (its verb), if there is a cue."""
    return parse(view.text[f.cue[0]:f.cue[1]].split()[0])[0].tag if f.cue else None


def _cue_number(view: DocView, f: Found) -> str | None:
    """"постановили" → plur: a group speaks."""
    tag = _cue_tag(view, f)
    return "plur" if tag is not None and tag.POS == "VERB" and tag.number == "plur" else None


def _cue_gender(view: DocView, f: Found) -> str | None:
    """"указала" → f: the speaker's gender a past-tense cue reveals."""
    tag = _cue_tag(view, f)
    if tag is None:
        return None
    if "past" in tag and tag.number == "sing" and tag.gender in ("masc", "femn"):
        return "m" if tag.gender == "masc" else "f"
    return None


def _last_speaker(view: DocView, f: Found, history: list[Found], ref: Ref):
    words = view.tokens_in(ref.start, ref.end)
    if any(view.ent_at.get(j) is not None and view.ent_at[j].type == "PER" for j in words):
        return None
    head = next((p for j in words for p in view.parses(j)[:1]
                 if p.tag.POS == "NOUN" and p.normal_form == ref.head), None)
    if head is None or head.tag.number != "sing":
        return None  # "прокуроры", "авторы инициативы": a group
    gender = _cue_gender(view, f)
    for h in reversed(history[-3:]):
        sp = h.speaker
        if sp is None or f.start - h.end > 1500:
            continue
        if sp.kind != "person":
            continue  # "как отмечает Франс Пресс" between the title and its holder
        person = view.names.by_key(sp.key)
        if person is not None and (gender is None or person.gender in (None, gender)):
            return person
        return None
    return None


def _antecedent(view: DocView, f: Found, history: list[Found], ref: Ref):
    names = view.names
    gender = ref.gender
    if gender == "p":
        return None  # "они": a group, not one of the persons named
    # Interview turn-taking: the line after X's question is not X's.
    last = history[-1] if history else None
    asker = last.speaker.key if last and last.is_question and last.speaker else None
    if last is not None and last.end < ref.start:
        # Someone named since the last quotation is more salient than its speaker
        # ("…», пообещал Ризви. Премьер Имран Хан осудил протесты. …, указал он").
        person = names.nearest_person(ref.start, gender, exclude=asker, window=ref.start - last.end,
                                      skip=(f.start, f.end), subjects_only=True)
        if person is not None:
            return person
    for h in reversed(history[-6:]):
        sp = h.speaker
        if sp is None or sp.kind != "person" or f.start - h.end > 1500:
            continue
        if sp.key == asker:
            continue
        person = names.by_key(sp.key)
        if person and (gender in (None, "p") or person.gender in (None, gender)):
            return person
    return names.nearest_person(ref.start, gender, exclude=asker, skip=(f.start, f.end))


def _to_quote(view: DocView, f: Found) -> Quote:
    text = view.text
    cue = TextSpan(text[f.cue[0]:f.cue[1]], f.cue[0], f.cue[1]) if f.cue else None
    addressee = None
    if f.addressee:
        a, b = f.addressee
        person = view.names.by_role(text[a:b], a)
        addressee = {"text": text[a:b], "start": a, "end": b,
                     "name": person.name if person else nominative_phrase(text[a:b])}
    channel = text[f.channel[0]:f.channel[1]] if f.channel else None
    return Quote(
        type=f.type,
        content=TextSpan(text[f.start:f.end], f.start, f.end),
        cue=cue,
        cue_lemma=f.cue[2] if f.cue else None,
        speaker=f.speaker,
        channel=channel,
        addressee=addressee,
        is_question=f.is_question,
        parts=[TextSpan(text[a:b], a, b) for a, b in f.parts] if f.parts else None,
    )


def extract_quotes(text: str, analysis: Analysis) -> list[Quote]:
    view = DocView(text, replace(analysis, entities=correct(analysis.entities)))
    return resolve(view, find(view))
