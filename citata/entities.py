"""Entities within one document: NER mentions corrected, put in the nominative and
grouped into document-level entities (one per person, organisation or place).

A person's mentions ("Сергей Лавров", "Лаврова", "С. Лавров", "глава МИД РФ
Сергей Лавров") become one entity with the fullest nominative name and the
roles written next to it. Identities across documents are the registry's job
(`citata.registry`); here every entity has a document-local key.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicons as lex
from .names import (ANY, NAME_MARKS, NAME_TAGS, OPENING_MARKS, VOWELS, NameIndex, family_first, name_readings, Person, nominative_word, split_words, is_nominative_name, name_key, name_reading,
                    name_word_nominative, nominative_phrase, spells_latin, split_merged_names, vowel_variant)
from .nlp import Entity, parse
from .orgs import initials, is_abbreviation, is_known_body, is_seat, org_key


@dataclass
class DocEntity:
    key: str  # document-local: "PER:лавров", "ORG:мид россия"
    type: str  # PER | ORG | LOC
    name: str  # nominative, fullest form in the document
    first: str | None = None  # persons: first-name stem or initial, when written
    surname: str | None = None  # persons: surname lemma
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # normal forms of its mentions


BULLET = re.compile(r"[•▪●◦·]\s*")


Gloss = tuple[str, tuple[int, int], tuple[int, int]]  # `written_glosses`: kind, name span, gloss span


def correct(entities: list[Entity], text: str) -> list[Entity]:
    """The NER errors that matter for who-said-what: glued surnames, outlets tagged as
    persons ("Sputnik Молдова"), upper-case datelines tagged as organisations ("БИШКЕК"),
    a common noun capitalised only because it opens a sentence ("Сторону")."""
    return correct_with_glosses(entities, text)[0]


def correct_with_glosses(entities: list[Entity], text: str) -> tuple[list[Entity], list[Gloss]]:
    """`correct`'s entities and the text's `written_glosses`, which the correction reads (to tag a
    gloss's untagged side) and the document's participants read again (a name's Latin original):
    one pass over the text's parentheses serves both."""
    out = []
    for e in (part for whole in split_merged_names(entities) for part in _name_after_particle(whole)):
        bullet = BULLET.match(e.text)
        if bullet and bullet.end() < len(e.text):  # "• Горацио Элисондо": a list's bullet is no part of the name
            e = Entity(e.start + bullet.end(), e.end, e.type, e.text[bullet.end():])
        if _sentence_initial_common_noun(e, text, person=e.type == "PER") or _function_word(e):
            continue
        paren = e.text.find(" (")
        if paren > 0 and e.type != "PER":
            # "«Пфайзер» (Pfizer)", "Государственный экспертный центр (ГЭЦ)": a name and the gloss
            # the writer put after it are two mentions (the document links them: `gloss_pairs`)
            name = _retyped(_balance_marks(Entity(e.start, e.start + paren, e.type, e.text[:paren]), text), text)
            out.extend(name)
            out.extend(_glosses(e, paren, name[-1], text))
            continue
        if paren > 0:
            # "Ульрих Делиус (Ulrich Delius)": a person's original spelling is a gloss, not the name
            e = Entity(e.start, e.start + paren, e.type, e.text[:paren])
        out.extend(_retyped(_balance_marks(e, text), text))
    glosses = written_glosses(text, out)
    return _gloss_sides(out, text, glosses), glosses


def _retyped(e: Entity, text: str) -> list[Entity]:
    """The entity with its type corrected (and a place NER glued before a person split off)."""
    out = []
    if e.type == "PER":
        e = _trim_leading_person_noun(_trim_function_words(e), text)
        place = _leading_place(e)
        if place is not None:
            out.append(place)
            e = Entity(place.end + 1, e.end, e.type, e.text[place.end + 1 - e.start:])
    told = _trailing_outlet(e) if e.type == "PER" else None
    if told is not None:
        # "— заявила Этлева Кадилли Интерфаксу": the agency the words were said to, glued to the name
        out.append(Entity(e.start, e.start + len(e.text[:told - e.start].rstrip()), "PER", e.text[:told - e.start].rstrip()))
        e = Entity(told, e.end, "ORG", e.text[told - e.start:])
    words = split_words(e.text)
    if e.type == "PER" and (any(w in lex.media_names() for w in words) or is_seat(e.text)):
        # an outlet ("Sputnik Молдова") or a seat of government ("Даунинг-стрит") read as a person
        e = Entity(e.start, e.end, "ORG", e.text)
    elif e.type == "ORG" and len(words) == 1 and e.text.isupper() and len(e.text) > 3 and any(
            "Geox" in p.tag for p in parse(e.text)[:2]):
        e = Entity(e.start, e.end, "LOC", e.text)
    elif e.type == "LOC" and is_known_body(phrase_normal(e.text)):
        e = Entity(e.start, e.end, "ORG", e.text)  # "ЕС", "Евросоюза": a body, not a place
    out.append(e)
    return out


@lru_cache(maxsize=None)
def _lower_media_names() -> frozenset[str]:
    return frozenset(m.lower() for m in lex.media_names())


def _trailing_outlet(e: Entity) -> int | None:
    """Where a known outlet's name, in any case, that NER glued after a person's name starts
    ("Этлева Кадилли Интерфаксу", "Иван Петров РИА Новости"), if the entity ends in one."""
    words = split_words(e.text)
    media = _lower_media_names()
    for n in (2, 1):
        if len(words) <= n or words[-n - 1] in lex.media_names():
            continue
        tail = words[-n:]
        last = {p.normal_form for p in parse(tail[-1].lower())} | {tail[-1].lower()}
        if any(" ".join([*map(str.lower, tail[:-1]), w]) in media for w in last):
            return e.start + e.text.rindex(tail[0])
    return None


def _balance_marks(e: Entity, text: str) -> Entity:
    """NER's span cut inside a pair of quotation marks: "Пфайзер»" (the opening mark left out)
    loses its stray closing mark; "ГБУЗ «Городская поликлиника № 24" (the closing one left out)
    takes it when it follows the span at once."""
    t = e.text
    opens, closes, straight = t.count("«"), t.count("»"), t.count('"') % 2
    if t.endswith("»") and closes > opens or t.endswith('"') and straight:
        stripped = t[:-1].rstrip()
        return Entity(e.start, e.start + len(stripped), e.type, stripped) if stripped else e
    after = text[e.end:e.end + 1]
    if opens > closes and after == "»" or straight and after == '"':
        return Entity(e.start, e.end + 1, e.type, t + after)
    return e


GLOSS_REACH = 120  # characters after "(" in which a gloss's ")" is looked for
PAREN_AFTER_NAME = re.compile(r"[»”\"]?\s?\(")  # a name's closing quotation mark and a space before its gloss


def _parenthesis_after(text: str, end: int) -> tuple[int, int] | None:
    """The parenthesis a name ending at `end` is glossed by ("«Пфайзер» (Pfizer)", "Институт имени
    Роберта Коха (RKI)"): where its inside starts and where its ")" stands (-1 when none closes it
    within GLOSS_REACH characters); None when no parenthesis follows the name."""
    opening = PAREN_AFTER_NAME.match(text, end, end + 4)
    if not opening:
        return None
    return opening.end(), text.find(")", opening.end(), opening.end() + GLOSS_REACH)


def _glosses(e: Entity, paren: int, name: Entity, text: str) -> list[Entity]:
    """The names in the parenthesis NER's span swallowed after `name` ("Tehreek-i-Labaik, TLP":
    each its own). A place glossed by an organisation's abbreviation ("США (FDA)": NER cut
    "Управление … США" short) gives the gloss a place's type only for the place's own initials."""
    out = []
    inner_start, close = _parenthesis_after(text, e.start + paren)
    inner_end = min(close, e.end) if close >= 0 else e.end
    for m in re.finditer(r"[^,;]+", text[inner_start:inner_end]):
        part = m.group().strip()
        if not part or not part[0].isupper():
            continue
        start = inner_start + m.start() + (len(m.group()) - len(m.group().lstrip()))
        kind = name.type if name.type == "ORG" or initials(name.text.replace("-", " ")) == part else "ORG"
        out.append(Entity(start, start + len(part), kind, part))
    return out


def gloss_pairs(text: str, entities: list[Entity]) -> dict[int, int]:
    """The document's own declarations that two names are one ("«Пфайзер» (Pfizer)",
    "Институт имени Роберта Коха (RKI)"): the index of each glossing entity -> the index of the
    name it glosses. The parenthesis holds names only ("(Tehreek-i-Labaik, TLP)", not "(которого
    ООН считает …)"); a gloss counts when it is an abbreviation or a Latin spelling of the same
    type, and not another name of a body the alias table already knows by other names
    ("Европейский Союз (Brexit)" glosses the exit, not the union)."""
    pairs = {}
    for i, x in enumerate(entities):
        paren = _parenthesis_after(text, x.end) if x.type != "PER" else None
        if paren is None or paren[1] < 0:
            continue
        inner, close = paren
        inside = []
        for j in range(i + 1, len(entities)):  # in text order: the parenthesis's own, then stop
            if entities[j].start >= close:
                break
            inside.append(j)
        if sorted(p.strip() for p in text[inner:close].split(",")) != sorted(entities[j].text for j in inside):
            continue
        normal = phrase_normal(x.text)
        for j in inside:
            y = entities[j]
            if y.type == x.type and (is_abbreviation(y.text) or _latin(y.text) and not _latin(x.text)) and not (
                    is_known_body(normal) and org_key(normal) != org_key(y.text)):
                pairs[j] = i
    return pairs


GLOSS_PAREN = re.compile(r"\(([^()\n]{2,60})\)")
NAME_WORD = re.compile(r"[\w-]+$")
GLOSS_NAME_WORDS = 8  # words before a parenthesis a name glossed by its initials may have


def written_glosses(text: str, entities: list[Entity]) -> list[Gloss]:
    """Every "Name (Gloss)" the text writes where the gloss is the name's Latin spelling ("«Пфайзер»
    (Pfizer)": "latin"), its initials ("Государственный экспертный центр (ГЭЦ)": "initials") or,
    after a quoted name or an entity, another abbreviation ("… США (FDA)", the original's initials:
    "abbreviation"), whatever NER made of either: (kind, name span, gloss span). The name is the
    quoted one (marks included), the fewest words before the parenthesis, the first capitalised,
    that spell the gloss, or the entity ending there. NER tags some of these on neither side."""
    ends = {e.end: e for e in entities}
    out = []
    for m in GLOSS_PAREN.finditer(text):
        gloss = m.group(1).strip()
        latin = _latin(gloss)
        if not (latin or is_abbreviation(gloss)):
            continue
        g_start = m.start(1) + m.group(1).index(gloss)
        end = m.start()
        while end > max(1, m.start() - 2) and text[end - 1] == " ":  # "Name (Gloss)", one or two spaces
            end -= 1
        if end == m.start() or end < 2:
            continue
        quoted = None
        if text[end - 1] in NAME_MARKS:
            opening = max(text.rfind(o, max(0, end - 80), end - 1) for o in NAME_MARKS[text[end - 1]])
            quoted = (opening, end) if opening >= 0 and "\n" not in text[opening:end] else None
        name, kind = None, None
        if quoted and latin and spells_latin(text[quoted[0]:quoted[1]], gloss):
            name, kind = quoted, "latin"
        elif quoted and initials(text[quoted[0] + 1:quoted[1] - 1]) == gloss.upper():
            name, kind = quoted, "initials"
        at, k = end, 0
        while name is None and k < GLOSS_NAME_WORDS:
            w = NAME_WORD.search(text, max(0, at - 60), at)
            if not w or w.end() != at:
                break
            k += 1
            phrase = text[w.start():end]
            if w.group()[0].isupper():
                if k <= 4 and latin and not _latin(phrase) and spells_latin(phrase, gloss):
                    name, kind = (w.start(), end), "latin"
                elif k > 1 and initials(phrase) == gloss.upper():
                    name, kind = (w.start(), end), "initials"
            at = w.start() - 1
            if at < 0 or text[at] != " ":
                break
        if name is None and is_abbreviation(gloss):
            e = ends.get(end) or ends.get(end - 1)
            name, kind = (quoted or ((e.start, e.end) if e is not None else None)), "abbreviation"
        if name is not None:
            out.append((kind, name, (g_start, g_start + len(gloss))))
    return out


def _gloss_sides(entities: list[Entity], text: str, glosses: list[Gloss]) -> list[Entity]:
    """The side of a written gloss (`glosses`: `written_glosses` over `entities`) NER left untagged,
    made an entity, so that
    `gloss_pairs` joins the two: "американская «Пфайзер» (Pfizer)" tags only the name; the gloss
    takes its type. Where neither side is tagged ("«Пфайзер» (Pfizer) и «Байонтек» (BioNTech)
    сообщили"), both become an organisation only when the document tags that name as one elsewhere
    or an organisation noun stands before it ("газета «Кориера делла Сера» (Corriere della Sera)");
    a product's name ("вакцина … «Комирнати» (Comirnaty)") stays none. A person's Latin spelling
    is a gloss, not a mention ("Ульрих Делиус (Ulrich Delius)"); so is an abbreviation that is not
    the name's own initials or spelling."""
    added = []
    orgs = None
    starts = [e.start for e in entities]
    for kind, (a, b), (c, d) in glosses:
        if kind == "abbreviation":
            continue
        on_name, on_gloss = overlapping(entities, starts, a, b), overlapping(entities, starts, c, d)
        if text[a] in OPENING_MARKS:  # the quoted name, as NER's entities hold it: within the marks
            a, b = a + 1, b - 1
        if on_name and on_gloss:
            continue
        if on_name or on_gloss:
            # the tagged side must be that name or gloss as written, or `gloss_pairs` could not pair
            # the new one with it
            whole = [e for e in on_name if e.end in (b, b + 1)] or [e for e in on_gloss if (e.start, e.end) == (c, d)]
            if not whole or whole[0].type == "PER":
                continue
            type_ = whole[0].type
        else:
            if orgs is None:
                orgs = [e.text for e in entities if e.type == "ORG"]
            before = re.search(r"([А-ЯЁа-яё]+)\s*$", text[max(0, a - 30):a].rstrip(" «\""))
            noun = before is not None and any(p.normal_form in lex.org_nouns() for p in parse(before.group(1))[:2])
            if not noun and not _tagged_elsewhere(text[a:b], text[c:d], orgs):
                continue
            type_ = "ORG"
        if not on_name:
            added.append(Entity(a, b, type_, text[a:b]))
        if not on_gloss:
            added.append(Entity(c, d, type_, text[c:d]))
    return sorted(entities + added, key=lambda e: e.start) if added else entities


def overlapping(entities: list[Entity], starts: list[int], a: int, b: int) -> list[Entity]:
    """The entities (in text order, `starts` their starts) that overlap [a, b): NER's do not overlap
    one another, so only the last few starting before b are looked at."""
    i = bisect_left(starts, b)
    return [e for e in entities[max(0, i - 3):i] if e.end > a]


def _tagged_elsewhere(name: str, gloss: str, orgs: list[str]) -> bool:
    """Does the document tag this name, in either script or any case, as an organisation?"""
    key = org_key(name)
    return any(o == gloss or org_key(o) == key or _latin(gloss) and not _latin(o) and spells_latin(o, gloss) for o in orgs)


def _latin(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9&.' -]*", name))


def _leading_place(e: Entity) -> Entity | None:
    """"Чехословакию Гитлеру": NER glued a place to the name after it; the first word,
    a place to the dictionary and never a person's name, in a case the name's words
    cannot share, is a place of its own ("Азия Биби" stays a name)."""
    first, sep, rest = e.text.partition(" ")
    if not sep or not rest[:1].isupper() or not first.isalpha():
        return None
    ps = [p for p in parse(first) if p.is_known]
    if not ps or "Geox" not in ps[0].tag or any(NAME_TAGS & p.tag.grammemes for p in ps):
        return None
    cases = {p.tag.case for p in ps if "Geox" in p.tag}
    for w in split_words(rest):
        readings = {c for (_, c), weight in name_readings(w).items() if weight >= 0.9}
        if ANY not in readings:
            cases &= readings
    return Entity(e.start, e.start + len(first), "LOC", first) if not cases else None


def _sentence_initial_common_noun(e: Entity, text: str, person: bool) -> bool:
    """One dictionary word in an oblique case with no reading as a name, place or
    organisation, at a sentence's start, and nowhere else capitalised in the middle of
    a sentence: "Сторону обвинения …" is not a place; "Кремль ответил" stays. `person`:
    tagged as a person, where an adjective or a noun no person is (inanimate, plural,
    neuter) is a common word ("•Беременным", "Простейшее объяснение …",
    "Противопоказаниями являются …")."""
    if not e.text.isalpha() or e.text.isupper():
        return False
    before = text[max(0, e.start - 3):e.start].rstrip(" «\"„“(—–-")
    if before and before[-1] not in ".!?…\n•▪●◦":
        return False
    ps = parse(e.text)
    if person:
        common = bool(ps) and all(p.is_known and not (PROPER_TAGS & p.tag.grammemes) and (
            p.tag.POS in ("ADJF", "PRTF") or p.tag.POS == "NOUN" and (
                "inan" in p.tag or p.tag.number == "plur" or p.tag.gender == "neut")) for p in ps)
    else:
        common = bool(ps) and all(p.is_known and p.tag.POS == "NOUN" and "nomn" not in p.tag
                                  and not (PROPER_TAGS & p.tag.grammemes) for p in ps)
    if not common:
        return False
    stem = re.escape(e.text[:max(3, len(e.text) - 2)])
    return not re.search(r"[^\s.!?…«\"„“(—–-]\s+" + stem, text)


FUNCTION_POS = frozenset(("PRCL", "CONJ", "ADVB", "PREP", "INTJ", "NPRO"))


_PARTICLE_NAME = re.compile(r" ((?:[a-zа-яё]+ ){1,3})[A-ZА-ЯЁ][\w-]*(?: [A-ZА-ЯЁ][\w-]*)?$")


def _name_after_particle(e: Entity) -> list[Entity]:
    """A person's name that opens with lower-case particles ("де ла Фуэнте", "ван Хал") glued by
    NER to the word before it: to an outlet ("цитирует ИА Regnum де ла Фуэнте", one ORG) or to a
    sentence's opening adverb ("Одновременно ван Хал подчеркнул", one PER). The particles and the
    capitalised words after them, ending the span, are the person; an organisation's part before
    them stays its own mention, a person's is dropped where its last word is a dictionary word that is
    no name (a first name before the particles, "Луис де ла Фуэнте", stays one name)."""
    if e.type not in ("PER", "ORG"):
        return [e]
    m = _PARTICLE_NAME.search(e.text)
    if not m or not set(m.group(1).split()) <= lex.word_set("name_particles"):
        return [e]
    head = e.text[:m.start()]
    last = head.rsplit(" ", 1)[-1]
    if last in lex.word_set("name_particles"):  # "де ла Фуэнте" is already the name alone
        return [e]
    person = Entity(e.start + m.start() + 1, e.end, "PER", e.text[m.start() + 1:])
    if e.type == "ORG":
        return [Entity(e.start, e.start + len(head), "ORG", head), person]
    readings = parse(last)
    # a sure reading only: pymorphy's uncertain guess for a first name it lacks ("Эва": an
    # interjection or a particle, half and half) keeps the name whole
    if last.isalpha() and readings and readings[0].tag.POS in FUNCTION_POS and readings[0].score >= 0.9 and \
            not any(t in r.tag for r in readings for t in NAME_TAGS):
        return [person]
    return [e]


def _function_word(e: Entity) -> bool:
    """One capitalised conjunction, preposition or particle is no name: "…, сообщает Хотя Верховный
    суд отменил …" (a scrape glued the outlet's missing name to the next sentence's "Хотя")."""
    return e.text.isalpha() and all(p.tag.POS in ("CONJ", "PREP", "PRCL", "INTJ") for p in parse(e.text)[:2])


def _trim_function_words(e: Entity) -> Entity:
    """"Ольга Серябкина Просто захотели": a capitalised particle after a name (a missing
    full stop) is not part of the name."""
    words = e.text.split(" ")
    while len(words) > 1 and all(p.tag.POS in FUNCTION_POS for p in parse(words[-1].strip(".,"))[:2]):
        words.pop()
    text = " ".join(words)
    return e if text == e.text else Entity(e.start, e.start + len(text), e.type, text)


PROPER_TAGS = NAME_TAGS | {"Geox", "Orgn", "Trad"}  # a person's, a place's, an organisation's or a brand's


def _trim_leading_person_noun(e: Entity, text: str) -> Entity:
    """"Христианка Асия Биби", "Патриарх Кирилл": a capitalised noun for a person that opens
    the span (a title, a sentence's first word) is not part of the name; nor is any other
    common noun that opens a sentence ("Платье Мелании привлекло внимание"). Only dictionary
    words that cannot be names are dropped ("Лев", "Вера", "Королева" can), and only before
    a name ("Папа Римский" stays whole)."""
    first, sep, rest = e.text.partition(" ")
    if not rest or not first.isalpha():
        return e
    opens = text[max(0, e.start - 3):e.start].rstrip(" «\"„“(—–-")[-1:] in ("", ".", "!", "?", "…", "\n")
    if all(p.is_known and p.tag.POS == "NOUN" and ("anim" in p.tag or opens) and not (PROPER_TAGS & p.tag.grammemes)
           for p in parse(first)) and any(map(_may_be_name, rest.split())):
        start = e.start + len(first) + len(sep)
        return Entity(start, e.end, e.type, rest)
    return e


def _may_be_name(word: str) -> bool:
    """A name or a word the dictionary does not know (most foreign names); not "Римский"
    of "Папа Римский"."""
    best = parse(word.strip(",."))[0]
    return not best.is_known or bool({"Name", "Surn", "Patr"} & best.tag.grammemes)


INITIAL_GLUED = re.compile(r"^((?:[А-ЯЁA-Z][а-яёa-z]?\.)+)(?=[А-ЯЁA-Z][а-яёa-z])")


def person_normal(mention: str, person: Person) -> str:
    """A person mention in the nominative, word by word against the person's full
    name: "Сергея Лаврова" -> "Сергей Лавров", "С. Лаврова" -> "С. Лавров",
    "Дж.Байдена" -> "Дж.Байден"."""
    if person.family and len(split_words(mention)) == 1:
        return person.name  # "Скрипалей", "Скрипалям": the family, in the nominative plural
    name_words = split_words(person.name)
    keys = {name_key(w): w for w in name_words}
    tokens = re.findall(r"\S+", mention)
    cores = []
    for token in tokens:
        core = token.strip(",;:«»\"“”„()")
        glued = INITIAL_GLUED.match(core)
        cores.append(core[glued.end():] if glued else core)
    words = [c for c in cores if len(c.rstrip(".")) > 1 and c[0].isalpha()]
    reading = None
    out = []
    for token, core in zip(tokens, cores):
        if not core or len(core.rstrip(".")) <= 1 or not core[0].isalpha():
            out.append(token)  # initials stay as written
            continue
        hit = keys.get(name_key(core)) or vowel_variant(core, name_words)
        if hit is None:
            if reading is None:
                reading = name_reading(words, person.gender)
            g, case, _ = reading
            if case != "nomn":
                hit = name_word_nominative(core, g, case)
            elif len(words) > 1 or is_nominative_name(core, person.gender) or not any(
                    p.is_known for p in parse(core)) and name_readings(core).get((g or "m", "nomn"), 0) >= 0.5:
                hit = core  # (an unknown word the foreign declension reads as a nominative: "Рабб")
            else:
                hit = nominative_word(core, gender=person.gender)
        out.append(token.replace(core, hit, 1))
    return " ".join(out)


def person_surname(person: Person) -> str:
    """The surname key identities are looked up by: that of the nominative name, which
    does not depend on the case of the mention the document happened to write first
    ("Имрана Хана" is keyed as Хан, not as the dictionary's woman's name Хана)."""
    key = person.key.split("#")[0]
    words = split_words(person.name)
    if person.family or len(words) < 2 or family_first(words):
        return key
    return name_key(words[-1])


def phrase_normal(text: str, type_: str | None = None) -> str:
    """An organisation or place in the nominative: "Верховным судом" -> "Верховный суд";
    names in quotation marks and Latin words stay as written."""
    words = text.split()
    if len(words) == 1:
        return nominative_word(text, place=type_ == "LOC")
    return nominative_phrase(text)


def document_org_keys(names: list[str]) -> dict[str, str]:
    """Each organisation name of a document -> its key; an abbreviation the document
    spells out elsewhere ("Международные авиалинии Украины" ... "МАУ") takes the key of
    the spelled-out name."""
    keys = {n: org_key(n) for n in names}
    spelled = {}
    for n in keys:
        if len(n.split()) > 1:
            spelled.setdefault(initials(re.sub(r"\s*\([^)]*\)$", "", n)), keys[n])
    for n, k in keys.items():
        # (not a body the alias table knows: "ЕС" is the EU, whatever "Европейский совет" makes)
        if is_abbreviation(n) and k == n.lower() and n in spelled and not is_known_body(n):
            keys[n] = spelled[n]
    return keys


def link_document(text: str, entities: list[Entity], names: NameIndex) -> tuple[list[dict], list[DocEntity]]:
    """Mentions as output dicts (with "normal" and a document-local "key") and the
    document's entities."""
    org_keys = document_org_keys([phrase_normal(e.text) for e in entities if e.type == "ORG"])
    place_as: dict[str, str] = {}
    for j, i in gloss_pairs(text, entities).items():
        name, gloss = phrase_normal(entities[i].text, entities[i].type), phrase_normal(entities[j].text, entities[j].type)
        if entities[i].type == "ORG":
            org_keys[gloss] = org_keys[name]
        else:
            place_as[gloss] = name
    by_key: dict[str, DocEntity] = {}
    mentions = []
    # a place the document also writes bare: "Панджабе" beside "Панджаб" is its locative,
    # whatever the dictionary guesses for an unknown word
    bare_places = {e.text for e in entities if e.type == "LOC" and e.text.isalpha() and e.text[-1] not in VOWELS}
    for e in entities:
        if e.type == "PER":
            person = names.person(e)
            normal = person_normal(e.text, person)
            key = f"PER:{person.key}"
            ent = by_key.get(key)
            if ent is None:
                ent = by_key[key] = DocEntity(key, "PER", person.name, first=person.first,
                                              surname=person_surname(person), roles=list(dict.fromkeys(person.roles)))
        else:
            normal = phrase_normal(e.text, e.type)
            if e.type == "LOC" and e.text not in bare_places:
                normal = next((b for b in bare_places if e.text.startswith(b) and len(e.text) - len(b) <= 2), normal)
            key = f"ORG:{org_keys[normal]}" if e.type == "ORG" else \
                f"{e.type}:{place_as.get(normal, normal).lower().replace('ё', 'е')}"
            ent = by_key.get(key)
            if ent is None:
                ent = by_key[key] = DocEntity(key, e.type, normal)
        if normal not in ent.aliases:
            ent.aliases.append(normal)
        mentions.append({"text": e.text, "start": e.start, "end": e.end, "type": e.type,
                         "normal": normal, "key": key})
    return mentions, list(by_key.values())
