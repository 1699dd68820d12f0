"""Quotation -> mention: the phrase that designates a cue's speaker (subject before the
cue, inverted subject after it, genitive after "по словам", locative "в МИД", document
"в заявлении"), with noun-phrase bounds, agreement and apposition."""
from __future__ import annotations

import re
from functools import lru_cache, wraps

from .. import lexicons as lex
from ..names import is_nominative_name
from ..nlp import Entity, name_abbreviation, parse
from .cues import cue_at
from .participants import class_noun, is_class_noun, kin_sex, role_key, sex_of
from .view import COMPLEMENTIZERS, DASHES, QUOTE_MARKS, DocView, PREPOSITIONS, Ref, SITE_NAME, unpadded


def _records(label: str):
    """Mark the Ref a mention search returns with the search's name (provenance)."""
    def wrap(search):
        @wraps(search)
        def run(*args, **kwargs):
            ref = search(*args, **kwargs)
            if ref is not None and ref.via is None:
                ref.via = label
            return ref
        return run
    return wrap


def is_prep(view: DocView, i: int) -> bool:
    # "к." with its full stop is no preposition but an abbreviation's part: "к.м.н. Иван Петров"
    return view.lower[i] in PREPOSITIONS and not (
        i + 1 < len(view.toks) and view.toks[i + 1].text == "." and view.toks[i + 1].start == view.toks[i].end)


def noun_parse(view: DocView, i: int, case: str | None = None):
    for p in view.parses(i):
        if p.tag.POS in ("NOUN",) and (case is None or case in p.tag or "Fixd" in p.tag):
            return p
    return None


def agreeing_noun(view: DocView, last: int, first: int, number: str, genders: set[str] | None = None, *,
                  past_quoted: bool = False, past_prepositions: bool = False):
    """A pronoun's antecedent: the nearest noun from token `last` back to `first` that pymorphy reads
    first as a noun or adjective ("были" is a verb, not "быль") with a reading in the nominative of
    `number` ("sing", "plur") and one of `genders` (None: any). Returns (its token, that reading), or
    None. `past_quoted`: words inside quotation marks are someone's words, passed over;
    `past_prepositions`: a preposition and the word after it are passed over ("ученые в Бразилии":
    not "Бразилии")."""
    for k in range(last, first - 1, -1):
        if not view.is_word(k) or past_quoted and k in view.quoted or past_prepositions and (
                view.lower[k] in PREPOSITIONS or k > 0 and view.lower[k - 1] in PREPOSITIONS):
            continue  # (a preposition by its lower case: "По", though "ПО" reads as a noun)
        parses = view.parses(k)
        if parses[0].tag.POS not in ("NOUN", "ADJF"):
            continue
        p = next((p for p in parses if p.tag.POS == "NOUN" and "nomn" in p.tag and p.tag.number == number
                  and (genders is None or p.tag.gender in genders)), None)
        if p is not None:
            return k, p
    return None


def _oblique_demonstrative(view: DocView, j: int) -> bool:
    """"этого центра", "этой компании": a demonstrative in an oblique case agreeing with the
    noun after it, part of a role's complement."""
    if j + 1 >= len(view.toks):
        return False
    cases = {p.tag.case for p in view.parses(j)[:4] if "Apro" in p.tag and p.normal_form in ("этот", "тот")
             and p.tag.case not in ("nomn", "accs")}
    nouns = [p for p in view.parses(j + 1)[:3] if p.tag.POS == "NOUN" and p.tag.case in cases]
    # not an adverbial phrase: "тем временем", "таким образом", "в этом году"
    return bool(nouns) and not any(p.normal_form in lex.time_nouns() or p.normal_form in ("время", "образ", "раз")
                                   for p in nouns)


# The longest noun phrase searched for, in tokens each side of its word: a role, its complement
# and a name ("заместитель генерального директора компании по маркетингу Кенни Джейкобс") fit;
# without a bound a run of 20,000 nouns costs every one of its words a walk over the rest.
NP_REACH = 24
# Parts of speech that never stand in a noun phrase: a connective, particle or adverb opening a
# sentence is capitalised there, and that alone must not make it a name.
FUNCTION_POS = frozenset(("CONJ", "PRCL", "ADVB", "INTJ", "PRED", "COMP"))


def np_bounds(view: DocView, i: int, lo: int, hi: int) -> tuple[int, int]:
    """The run of name-like and nominal words around token i (inclusive bounds)."""
    lo, hi = max(lo, i - NP_REACH), min(hi, i + NP_REACH)
    def nominal(j: int) -> bool:
        if view.toks[j].text == "№" and j + 1 < len(view.toks) and view.toks[j + 1].text[:1].isdigit():
            return True  # "заведующая поликлиникой №2 Светлана Андреева"
        if not view.is_word(j) or view.lower[j] in PREPOSITIONS or view.lower[j] in COMPLEMENTIZERS:
            return False
        if j in view.ent_at:
            return True
        if _oblique_demonstrative(view, j):
            return True  # "директора этого центра"
        if view.lower[j] in lex.pronouns() or view.lower[j] in ("и", "а", "но", "или") or view.lower[j] in lex.relative_pronouns("nomn"):
            return False
        if view.lower[j] in lex.QUANTIFIERS:
            return True
        pos = view.parses(j)[0].tag.POS
        if pos in FUNCTION_POS and not proper_noun(view, j):
            return False  # "Однако исследования Pfizer показали": a connective capitalised at a sentence's start
        return pos in ("NOUN", "ADJF", "NUMR", None) or view.toks[j].text[0].isupper()
    own = view.ent_at.get(i)

    def other_person(j: int, allowed) -> bool:
        e = view.ent_at.get(j)
        return e is not None and e is not allowed and e.type == "PER"
    a = i
    def joined(j: int) -> bool:
        """No line break between tokens j and j + 1: a phrase never crosses one (a page's
        "Ctrl+Enter" before the next line's "Власти Пакистана")."""
        return "\n" not in view.text[view.toks[j].end:view.toks[j + 1].start]
    def abbreviation_from(j: int) -> int | None:
        """The token after an abbreviation of a name or title phrase that starts at token j ("им.",
        "проф.", "к.м.н."), where the phrase goes on there: its full stop ends no phrase."""
        span = name_abbreviation(view.text, start=view.toks[j].start)
        if span is None:
            return None
        k = view.tok_index(span[1] - 1) + 1
        if k > hi or not joined(k - 1) or not nominal(k):
            return None
        # an initial goes with the name after it, or the next initial ("…, особенно G. Имеющиеся
        # публикации": a letter ending a sentence)
        initial = span[1] - span[0] == 2 and view.text[span[0]].isupper()
        return k if not initial or k in view.ent_at or name_abbreviation(view.text, start=view.toks[k].start) else None
    # Leftwards never into another name ("с Блинкеном глава МИД Лавров").
    while a - 1 >= lo and joined(a - 1):
        if view.toks[a - 1].text == ".":
            span = name_abbreviation(view.text, end=view.toks[a - 1].end)
            k = view.tok_index(span[0]) if span else -1
            # (not past an initial inside a name the NER tagged whole: "центр … имени Н. Ф. Гамалеи" is the phrase)
            if k < lo or abbreviation_from(k) != a or span[1] - span[0] == 2 and a in view.ent_at and \
                    view.ent_at.get(a - 1) is view.ent_at[a]:
                break
            a = k  # "директора Центра им. Гамалеи"
        elif nominal(a - 1) and not other_person(a - 1, own):
            a -= 1
        else:
            break
    # Rightwards a role phrase may run into the one name it introduces.
    b = i
    role_head = noun_parse(view, a) is not None and noun_parse(view, a).normal_form in lex.role_nouns()
    while b + 1 <= hi and joined(b):
        after = abbreviation_from(b + 1)
        if after is None and view.toks[b + 1].text == ".":  # the phrase's own last word abbreviated: "проф."
            span = name_abbreviation(view.text, end=view.toks[b + 1].end)
            if span is not None and span[0] >= view.toks[a].start:
                after = abbreviation_from(view.tok_index(span[0]))
        if after is not None:
            b = after - 1  # past "им." in "Центра им. Гамалеи", "к.м.н." before a name
            continue
        if not (nominal(b + 1) or (
                # "директор компании по маркетингу Кенни Джейкобс": a role's own "по" phrase
                role_head and view.lower[b + 1] == "по" and b + 2 <= hi and nominal(b + 2))):
            break
        e = view.ent_at.get(b + 1)
        # (a name after "имени" is the body's: "пациентка ГКБ №15 имени О.М. Филатова Ирина Маршутина")
        if e is not None and e.type == "PER" and e is not own and not _after_imeni(view, b + 1):
            if own is not None:
                break
            own = e
        b += 1
    return a, b


def _name_nominative(view: DocView, e: Entity) -> bool:
    """Could this name be in the nominative? (Every word nominative or indeclinable; or a first
    name that can only be a nominative: "Виктор Меринов", whose surname reads as "меринов".)"""
    words = [j for j in view.tokens_in(e.start, e.end) if view.is_word(j)]
    for j in words[:-1]:
        names = [p for p in view.parses(j) if "Name" in p.tag]
        if names and all("nomn" in p.tag for p in names):
            return True
    return all(is_nominative_name(view.toks[j].text) for j in words)


def ref_from_np(view: DocView, a: int, b: int, case: str | None = None) -> Ref:
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
        p = noun_parse(view, j)
        sub = substantive(view, j) if p is None and j not in view.ent_at else None
        if sub is not None:
            head, head_at, person_head = sub.word, j, True  # "заведующая": a person
            break
        if p is not None and j not in view.ent_at:
            # "Критики наказаний говорят": of the readings, the animate one can speak
            p = next((q for q in view.parses(j) if q.tag.POS == "NOUN" and "anim" in q.tag
                      and (case or "nomn") in q.tag), p)
            head, head_at = p.normal_form, j
            title = head.partition("-")[2]
            if head not in lex.role_nouns() and title in lex.role_nouns():
                head = title  # "Экс-глава МИД Борис Джонсон", "вице-губернатор": the title under its prefix
            person_head = head in lex.role_nouns() or (
                # "Командир корабля Юрий Маленченко", "бундестренер Юрген Клинсман": a person's title
                "anim" in p.tag and p.tag.number == "sing" and head not in lex.relational_nouns())
            break
    persons = [e for e in ents if e.type == "PER" and not _after_imeni(view, view.tok_index(e.start))]
    if case is None:
        # "Муж Асии Биби", "Семья Биби": a name after a non-role head is its genitive modifier.
        persons = [e for e in persons if _name_nominative(view, e)
                   and (head is None or head_at > view.tok_index(e.start) or person_head)]
    elif persons and head_at is not None and _office_owns(view, head, a, head_at, view.tok_index(persons[-1].start)):
        # "в заявлении канцелярии премьер-министра Терезы Мэй", "со ссылкой на канцелярию
        # премьер-министра Терезы Мэй": the name is the office's genitive; the office speaks
        persons = []
    if len(persons) == 1 and head_at is not None and head_at < view.tok_index(persons[0].start) \
            and _plural_head(view, head_at, case or "nomn"):
        # "Адвокаты Биби заявили", "по словам членов семьи Биби", "по словам сторонников Трампа":
        # one person's name cannot stand in apposition to a plural noun; it is the noun's genitive
        # (an indeclinable name, or one in the genitive like the phrase, reads either way by case)
        persons = []
    if head is not None and head in lex.kin_nouns():
        # "Муж Биби признался": a kinship noun of the other sex than the name is that person's
        # relative, the name its genitive (an indeclinable one reads as a nominative too)
        persons = [e for e in persons if sex_of(view, view.names.person(e)) in (
            None, kin_sex(view.toks[head_at].text) or lex.kin_nouns()[head])]
    if head is not None and head in lex.relational_nouns():
        # "Советник Ле Пен заявил" after "Марин Ле Пен": her adviser speaks (the name index reads it)
        persons = [e for e in persons if e.start not in view.names.relation_owners]
    if persons:
        e = persons[-1]  # after a role phrase, the name it introduces
        role = view.text[start:e.start].strip(" ,") or None
        return Ref("entity", e.start, e.end, entity=e, role=role)
    orgs = [e for e in ents if e.type in ("ORG", "LOC")]
    if orgs and head is not None and any((q := noun_parse(view, k)) is not None and (
            q.normal_form in lex.role_nouns() or q.normal_form in lex.speaking_nouns())
            for k in range(head_at + 1, view.tok_index(orgs[0].start))):
        # "канцелярия премьер-министра Британии", "канцелярия правительства Израиля": the country
        # is the title's or the body's, the office speaks
        orgs = []
    if orgs and (head is None or head in lex.org_nouns()
                 or is_class_noun(class_noun(head)) and _apposed(view, head_at, orgs[0])):
        # "газета The Dawn", "профсоюза Vereinigung Cockpit", "медиакомпания ARD": the name the
        # class noun introduces speaks
        e = _with_genitive_names(view, orgs)
        return Ref("entity", e.start, e.end, entity=e)
    if head is None and not ents:
        if a == b and view.lower[a] in lex.group_words():
            return Ref("np", start, end, head=view.lower[a])  # "Многие считают": an unnamed group speaks
        return Ref("junk", start, end)
    close = quoted_name_after(view, b)
    if not ents and head is not None and close is not None:
        if head in lex.org_nouns() or is_class_noun(class_noun(head)):
            # "телеканал "Россия 24"", "газета «Ведомости»", "Клуб «Бавария»": the name in quotation marks
            o, c = unpadded(view.text, view.toks[b + 1].start + 1, close)
            e = Entity(o, c, "ORG", view.text[o:c])
            return Ref("entity", start, close + 1, entity=e)
        # "администрация «Райанэйр»", "Представитель «Аэрофлота»", "Руководство движения «Талибан»":
        # the body named in quotation marks is the phrase's genitive; the phrase speaks with it
        return Ref("np", start, close + 1, head=head)
    first = view.toks[a].text
    if not ents and head_at == a and first[:1].isupper() and proper_noun(view, a):
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


def _with_genitive_names(view: DocView, ents: list[Entity]) -> Entity:
    """The phrase's first name, with the names that follow it word for word when it is a body's:
    "Министерство внутренних дел Пакистана", "Пакистанская служба Радио Свобода", "Департамент
    консульской службы МИД Украины" — NER tags the body and its country or parent apart, and the
    body alone ("Министерство внутренних дел") names no one."""
    e = ents[0]
    if e.type != "ORG":
        return e
    end = e.end
    for nxt in ents[1:]:
        if nxt.type not in ("ORG", "LOC") or view.tok_index(nxt.start) != view.tok_index(end - 1) + 1:
            break
        end = nxt.end
    return e if end == e.end else Entity(e.start, end, "ORG", view.text[e.start:end])


def _plural_head(view: DocView, j: int, case: str) -> bool:
    """Is the noun at j plural in every noun reading of the phrase's case ("адвокаты", "членов";
    not "семьи", which is also a genitive singular)?"""
    nouns = [p for p in view.parses(j) if p.tag.POS == "NOUN" and case in p.tag]
    return bool(nouns) and all(p.tag.number == "plur" for p in nouns)


def _office_owns(view: DocView, head: str | None, a: int, head_at: int, name_at: int) -> bool:
    """In an oblique phrase, is the owner a body ("канцелярии", "пресс-службы") that stands before
    the name — the phrase's head itself, or the first noun after a document noun ("заявлении
    канцелярии премьер-министра Терезы Мэй")? A role noun there ("заявление президента МАУ Юрия
    Мирошникова", "слова главы пресс-службы Кремля Дмитрия Пескова") makes the name its holder,
    and a noun inside a modifier is no head ("в размещенном на сайте МИД тексте послания Лаврова")."""
    if head_at >= name_at or any(is_prep(view, k) for k in range(a, head_at)):
        return False
    owner = head
    if head in lex.document_nouns():
        owner = None
        for j in range(head_at + 1, name_at):
            if j in view.ent_at or not view.is_word(j):
                return False
            p = noun_parse(view, j)
            if p is not None and p.tag.POS == "NOUN":
                owner = p.normal_form
                break
    return owner is not None and owner not in lex.role_nouns() and owner.rsplit("-", 1)[-1] in lex.org_nouns()


def _apposed(view: DocView, head: int, e: Entity) -> bool:
    """Is a name right after a class noun its apposition ("профсоюза Vereinigung Cockpit",
    "комиссия «Север»"), not its genitive ("комиссия Европейского союза")? A name in another
    script or in quotation marks is; a Russian word only in the class noun's case."""
    j = head + 1
    while j < len(view.toks) and view.toks[j].text in ("«", '"', "„", "“"):
        j += 1
    if j >= len(view.toks) or view.toks[j].start != e.start and view.tok_index(e.start) != j:
        return False
    if j > head + 1 or not re.search("[а-яё]", view.lower[j]):
        return True
    cases = {p.tag.case for p in view.parses(head)[:3] if p.tag.POS == "NOUN"}
    return any(p.tag.case in cases for p in view.parses(j)[:3])


def substantive(view: DocView, j: int):
    """A participle standing for a person ("заведующая", "управляющий"), as its masculine
    nominative, when no noun reading exists."""
    for p in view.parses(j)[:2]:
        if p.tag.POS == "PRTF" and "Subx" in p.tag:
            masc = p.inflect({"masc", "sing", "nomn"})
            return masc if masc is not None else p
    return None


def quoted_label(view: DocView, k: int, hi: int) -> int | None:
    """The token after a short phrase in quotation marks opening at k and closing by hi, when it
    is a label inside a noun phrase ("координатор движения «Архнадзор»", "оператор «горячей
    линии» оперативного штаба"): up to four words and no sentence punctuation, whatever its case."""
    o = view.toks[k].start
    c = view.pair_by_open.get(o)
    if c is None or view.tok_index(c) > hi:
        return None
    inner = view.text[o + 1:c]
    if not 0 < len(re.findall(r"\w+", inner)) <= 4 or re.search(r"[.!?…,:;]", SITE_DOT.sub("", inner)):
        return None
    return view.tok_index(c) + 1


def name_quote(view: DocView, o: int, c: int) -> bool:
    """«Газпром», "Россия 24", « Би-би-си »: a capitalised name in quotation marks, not quoted speech."""
    inner = view.text[o + 1:c].strip()
    words = re.findall(r"\w+", inner)
    # a site's name keeps its dot («Лента.ру», "Газета.Ru")
    return 0 < len(words) <= 4 and inner[:1].isupper() and not re.search(r"[.!?…,:;]", SITE_DOT.sub("", inner))


def quoted_name_after(view: DocView, b: int) -> int | None:
    """The closing mark's offset of a name in quotation marks right after token b, on the same
    line («Газпром», "Россия 24", and a name of figures, телеканал "360"), else None."""
    if b + 1 >= len(view.toks) or "\n" in view.text[view.toks[b].end:view.toks[b + 1].start]:
        return None
    o = view.toks[b + 1].start
    c = view.pair_by_open.get(o)
    if c is None:
        return None
    if re.fullmatch(r"\d[\d\s-]*", view.text[o + 1:c]):
        return c
    # not an outlet in the dative ("заявил глава компании «Известиям»": the one spoken to)
    last = view.tok_index(c - 1)
    dative = view.is_word(last) and all("datv" in p.tag for p in view.parses(last)[:3])
    return c if name_quote(view, o, c) and not dative else None


SITE_DOT = re.compile(r"(?<=\w)\.(?=(?:ru|ua|com|org|net|by|kz|su|info|рф|ру)\b)", re.IGNORECASE)


def agrees_in_number(view: DocView, cue: int, j: int) -> bool:
    """Does a nominal at j agree in number with the cue verb?"""
    verb = view.parses(cue)[0].tag
    noun = noun_parse(view, j)
    if noun is None or verb.number is None:
        return True
    if "Fixd" in noun.tag or noun.tag.number is None:
        return True
    # "ряд экспертов заявили", "Группа женщин обвинила": collective heads take either.
    if noun.normal_form in lex.collective_nouns():
        return True
    # "судьи постановили": any nominative reading of the word may be the one that agrees
    return noun.tag.number == verb.number or any(
        p.tag.POS == "NOUN" and "nomn" in p.tag and p.tag.number == verb.number for p in view.parses(j))


def words_owner(view: DocView, j: int, hi: int) -> Ref | None:
    """"слова Трампа", "его слова", "цитату министра": whose words a phrase at token j names
    (the owner speaks, not the one who relays them)."""
    pron = None
    if j <= hi and view.lower[j] in lex.possessive_pronouns():
        pron, j = j, j + 1
    if j > hi or not view.is_word(j):
        return None
    p = noun_parse(view, j)
    if p is None or p.normal_form not in lex.quotation_nouns():
        return None
    if pron is not None:
        return Ref("pronoun", view.toks[pron].start, view.toks[pron].end, gender=lex.possessive_pronouns()[view.lower[pron]])
    ref = genitive_after(view, j, hi)
    return ref if ref is not None and can_speak(ref) else None


def _words_noun(view: DocView, k: int) -> bool:
    """"приводятся в пресс-релизе компании слова ее директора": the words relayed end the
    prepositional phrase (their owner speaks), however genitive "слова" reads."""
    p = noun_parse(view, k)
    return p is not None and p.normal_form in lex.quotation_nouns()


def _relayed(view: DocView, cue: int) -> Ref | None:
    """"Газета Die Welt приводит слова представителя Missio: «…»", "Агентство цитирует министра":
    after a verb of relaying, the one whose words are relayed speaks, not the subject."""
    hi = min(view.sent_range(view.tok_sent[cue]).stop - 1, cue + 12)
    noun = noun_parse(view, cue) if view.parses(cue)[0].tag.POS == "NOUN" else None
    if noun is not None and noun.normal_form in lex.quotation_nouns():
        # the noun itself introduces the quotation: "…приводит слова представителя Missio: «…»"
        owner = words_owner(view, cue - 1 if cue > 0 and view.lower[cue - 1] in lex.possessive_pronouns() else cue, hi)
        if owner is not None:
            owner.via = "relayed words"
        return owner
    if view.parses(cue)[0].normal_form not in lex.citing_verbs():
        return None
    j = cue + 1
    while j <= hi and view.lower[j] in lex.fillers():
        j += 1
    return _relayed_owner(view, cue, j, hi)


def _relayed_owner(view: DocView, cue: int, j: int, hi: int) -> Ref | None:
    """Whose words a relaying verb at `cue` relays, named from token j: the owner of the words
    ("слова министра") or the person quoted ("цитирует министра")."""
    owner = words_owner(view, j, hi) or _quoted_person(view, cue, j, hi)
    if owner is not None:
        owner.via = "relayed words"
    return owner


def _quoted_person(view: DocView, cue: int, j: int, hi: int) -> Ref | None:
    """"цитирует министра", "цитирует РИА Новости Собянина": the person a verb of quoting takes as
    its object, at token j (not a text: "процитировал Коран"); "цитирует его Financial Times": a
    personal pronoun as that object."""
    if j > hi or not view.parses(cue)[0].normal_form.endswith("цитировать") or not view.is_word(j) \
            or is_prep(view, j):
        return None
    if view.lower[j] in lex.possessive_pronouns():
        return _object_pronoun(view, j, hi)
    if not (j in view.ent_at or noun_parse(view, j, "accs") is not None):
        return None
    a, b = np_bounds(view, j, j, hi)
    ref = ref_from_np(view, a, b, case="accs")
    ref.case = "accs"
    person = ref.kind == "entity" and ref.entity.type == "PER" or ref.kind == "np" and ref.head in lex.role_nouns()
    return _role_holder_after(view, ref, b, hi, case="accs") if person else None


def _object_pronoun(view: DocView, j: int, hi: int) -> Ref | None:
    """"его" at token j as a verb's object, not the possessive of the noun after it ("цитирует его
    коллегу", "цитирует их издание": the word after it could be its accusative noun)."""
    k = j + 1
    if k <= hi and view.is_word(k) and not view.toks[k].text[:1].isupper() and any(
            p.tag.POS in ("NOUN", "ADJF", "PRTF") and "accs" in p.tag for p in view.parses(k)[:3]):
        return None
    return Ref("pronoun", view.toks[j].start, view.toks[j].end, gender=lex.possessive_pronouns()[view.lower[j]])


@lru_cache(maxsize=None)
def _adverbial_openers() -> frozenset[str]:
    """Words opening an adverbial clause that follows its main clause: subordinators.txt less "после"
    and "раз" (also a preposition and a noun) and "потому" (its "что" ends the walk first)."""
    return lex.subordinators() - {"после", "раз", "потому"}


@_records("subject")
def search_subject(view: DocView, cue: int, lo: int, relay: bool = True) -> Ref | None:
    """The speaker before a cue: the nearest nominative phrase that can be its subject. `relay`:
    the cue introduces the quotation itself, so a relaying verb's object may speak (not so for
    the verb a gerund hangs on: "процитировал Коран …, заявив, что …")."""
    relayed = _relayed(view, cue) if relay else None
    if relayed is not None:
        return relayed
    coordinated = second_predicate(view, cue, lo)
    if coordinated or view.parses(cue)[0].tag.POS == "GRND":
        # "Насир процитировал Коран в постановлении, заявив, что …", "…поблагодарила его
        # (29 марта 2019 года), а также заявила": the subject of the verb the gerund
        # hangs on or the first predicate's, not an object or a date in between.
        if coordinated:
            # the first of two speech predicates: "выразила сожаление …, а также заявила"
            for k in range(skip_fillers_back(view, cue - 1, lo) - 1, lo - 1, -1):
                if k not in view.quoted and cue_at(view, k) is not None and view.parses(k)[0].tag.POS == "VERB" \
                        and not (k > lo and view.toks[k - 1].text == ","):  # not an inverted "…, пишет X"
                    return search_subject(view, k, lo, relay=False)
        for k in range(cue - 1, lo - 1, -1):
            if k not in view.quoted and view.parses(k)[0].tag.POS == "VERB":
                before = skip_fillers_back(view, k - 1, lo)
                if before >= lo and (view.toks[before].text == "," or view.toks[before].text in DASHES):
                    # "…, указал он, подчеркнув, что …": an inverted subject
                    return search_inverted(view, k, cue - 1) or search_subject(view, k, lo, relay=False)
                return search_subject(view, k, lo, relay=False)
    j = cue - 1
    clause_end = cue  # the cue, or the first gloss between commas right before it
    while j >= lo:
        if j in view.quoted and not (cue in view.quoted and view.quoted[cue] == view.quoted[j]):
            o, c = view.quoted[j]
            j = view.tok_index(o) - 1
            if name_quote(view, o, c) and (j < lo or not view.is_word(j) or view.lower[j] in ("и", "а")) \
                    and c < view.toks[cue].start:
                # "«Пфайзер» отметила, что …": a name in quotation marks opening the clause (after a
                # noun, "газета «Ведомости»", the noun phrase is taken whole further on)
                ref = Ref("entity", o, c + 1, entity=Entity(o + 1, c, "ORG", view.text[o + 1:c]))
                return _coordinated(view, ref, view.tok_index(o), lo, cue)
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
        if t == "," and _oblique_relative_opens(view, j, cue):
            # "Хан сделал заявление, в котором говорит, что …", "написал письмо, в котором
            # раскритиковал …": a relative word in an oblique case is not its clause's subject, nor
            # is the noun it stands for; a clause with no subject of its own shares the main
            # clause's ("в котором говорится" is the document's own words: not reached here)
            main = next((k for k in range(j - 1, lo - 1, -1)
                         if k not in view.quoted and view.parses(k)[0].tag.POS == "VERB"), None)
            return search_subject(view, main, lo, relay=False) if main is not None else None
        if t == ",":
            # "Документ, имеющийся в распоряжении агентства AFP, предусматривает",
            # "Захарова, комментируя решение Джонсона, процитировала": a participial
            # or adverbial phrase between commas holds no subject.
            k = j - 1
            while k > lo and view.toks[k].text not in ",.;:":
                k -= 1
            if view.toks[k].text == "," and k + 1 < j and (view.parses(k + 1)[0].tag.POS in ("PRTF", "GRND")
                                                          or _oblique_modifier(view, k + 1) or any(
                    # "Противники стратегии, среди которых и Борис Джонсон, считают"
                    view.lower[m] in lex.oblique_relative_pronouns() for m in range(k + 1, min(k + 3, j)))):
                if all(view.lower[x] in lex.fillers() for x in range(j + 1, clause_end)):
                    clause_end = k
                j = k - 1
                continue
        opener = 2 if low == "как" and j - 1 > lo and view.lower[j - 1] == "так" else 1 if low in _adverbial_openers() else 0
        if opener and j - opener >= lo and view.toks[j - opener].text == ",":
            # "попросил убежища в Канаде и США, поскольку считает, что …": a clause after the main one
            # with no subject of its own shares the main clause's, never the main clause's object
            main = next((k for k in range(j - opener - 1, lo - 1, -1)
                         if k not in view.quoted and view.parses(k)[0].tag.POS == "VERB"), None)
            return search_subject(view, main, lo, relay=False) if main is not None else None
        if low in COMPLEMENTIZERS:
            return None
        if low in lex.relative_pronouns("nomn"):
            return Ref("relative", view.toks[j].start, view.toks[j].end)
        pron = lex.pronouns().get(low)
        if pron and pron[1] == "nomn":
            return Ref("pronoun", view.toks[j].start, view.toks[j].end, gender=pron[0])
        if view.is_word(j) and not is_prep(view, j):
            e = view.ent_at.get(j)
            if e is not None and e.type == "PER" and _genitive_of_thing(view, view.tok_index(e.start), lo):
                j = view.tok_index(e.start) - 1
                continue
            if e is not None or can_be_subject(view, j):
                run_start, b = np_bounds(view, j, lo, cue - 1)
                a = run_start
                if e is not None and e.type != "PER" and _complement_of_channel(view, a, lo):
                    j = a - 1  # "Захарова в комментарии ‘’Ъ FM’’ назвала": the outlet is the comment's
                    continue
                if a - 2 >= lo and view.lower[a - 1] == "из" and view.lower[a - 2] in lex.partitive_words():
                    return _partitive(view, a - 2, b)
                if a > lo and is_prep(view, a - 1):
                    # "В своем заявлении об уходе Дэвис написал": the run starts with the
                    # preposition's object; the subject is what follows it.
                    a = _after_pp(view, a, j, cue)
                    # only right before the cue: "встали на сторону Биби и заявили" has its subject earlier
                    # (past a gloss: "…канала Перепёлкин, которому принадлежит треть акций, оповестил")
                    if a is None or any(view.lower[x] not in lex.fillers() for x in range(j + 1, clause_end)):
                        j = run_start - 1
                        continue
                else:
                    # "14 ноября агентство Reuters", "Летом 2014 года Facebook": the subject
                    # starts at a nominative word after any time phrase.
                    a = _past_own_thing(view, a, j)
                    while a < j and (not can_be_subject(view, a) or _time_word(view, a) or
                                     (a not in view.ent_at and mute_noun(view, a))):
                        a += 1
                if not (a > lo and is_prep(view, a - 1)) and can_be_subject(view, a) and (e is not None or agrees_in_number(view, cue, a)):
                    ref = ref_from_np(view, a, b)
                    if can_speak(ref):
                        # "The Wall Street Journal со ссылкой на источники в компании заявляет":
                        # the outlet's source speaks, as after an inverted cue
                        cited = next((c for k in range(b + 1, min(cue, b + 3)) if view.lower[k] == "со"
                                      for c in [cited_source(view, k, cue - 1)] if c is not None), None)
                        if cited is not None:
                            return cited
                        # "Трамп, 70-летний строительный магнат, …": the apposition starts with the run
                        # "Государственный секретарь по вопросам прав человека … Барри Лоуенкрон
                        # (Barry Lowenkron) подчеркнул": the title runs to its holder's name
                        ref = _role_holder_after(view, ref, b, cue - 1)
                        ref = _coordinated(view, ref, min(a, run_start), lo, cue)
                        return _with_source_phrase(view, _apposition(view, ref, min(a, run_start), lo))
                j = a - 1
                continue
        j -= 1
    return None


def _past_own_thing(view: DocView, a: int, j: int) -> int:
    """The token after the subject's own thing fronted before it, if the run a..j opens with one
    ("Свой отказ Нетаньяху мотивировал", "Свое решение Олег Иванов объяснил": "свой", its adjectives
    and its noun, whatever the noun is); `a` otherwise."""
    if view.lower[a] not in lex.reflexive_possessives():
        return a
    k = a + 1
    while k < j and view.parses(k)[0].tag.POS in ("ADJF", "PRTF") and k not in view.ent_at:
        k += 1
    return k + 1 if k < j and k not in view.ent_at and view.parses(k)[0].tag.POS == "NOUN" else a


def _genitive_of_thing(view: DocView, k: int, lo: int) -> bool:
    """Does the person's name at token k hang on the thing named right before it ("В МИДе уход Тоцци
    расценили как …", "прокомментировал отставку Тоцци")? A lower-case inanimate noun in the
    nominative or accusative is no title in apposition to a name, so the name is its genitive
    modifier, whatever the name's form shows (an indeclinable "Тоцци" shows no case), and not the
    verb's subject. A noun in an oblique case closes a phrase the subject follows ("На заседании
    кабинета Нетаньяху заявил", "В рамках следствия Биби заявила"), and so does a preposition's
    object ("В интервью Тоцци заявил", "В этой связи Барак Обама призвал"). A thing that is the
    subject's own is fronted before it ("Свой отказ Нетаньяху мотивировал тем, что …": "свой" refers
    to the subject, so the name is not the thing's owner)."""
    n = k - 1
    if n < lo or not view.is_word(n) or not view.toks[n].text.islower():
        return False
    ps = view.parses(n)[:3]
    if ps[0].tag.POS != "NOUN" or not all("inan" in p.tag for p in ps if p.tag.POS == "NOUN") \
            or not ({"nomn", "accs"} & set(str(ps[0].tag).replace(" ", ",").split(","))):
        return False
    m = n - 1  # past the noun's adjectives
    while m >= lo and view.is_word(m) and view.parses(m)[0].tag.POS in ("ADJF", "PRTF"):
        m -= 1
    if any(view.lower[x] in lex.reflexive_possessives() for x in range(m + 1, n)):
        return False
    return not (m >= lo and is_prep(view, m))


def _oblique_relative_opens(view: DocView, comma: int, verb: int) -> bool:
    """Does the clause after this comma open with "который" in an oblique case, past a
    preposition ("в котором", "которым"), and is its verb in the active voice (not "говорится",
    "указывается": those take the document as their source)?"""
    k = comma + 1
    if k < verb and is_prep(view, k):
        k += 1
    return k < verb and view.lower[k] in lex.oblique_relative_pronouns() \
        and not view.lower[verb].endswith(("ся", "сь"))


def _coordinated(view: DocView, ref: Ref, a: int, lo: int, cue: int) -> Ref:
    """"Израиль и США отвергают", "«Пфайзер» (Pfizer) и «Байонтек» (BioNTech) сообщили",
    "IAG, easyJet, Ryanair и Wizz Air пожаловались": a plural cue whose subject is the last of
    coordinated organisations or places speaks for all of them (one speaker, the names joined)."""
    if ref.kind != "entity" or ref.entity.type not in ("ORG", "LOC") or view.parses(cue)[0].tag.number != "plur":
        return ref
    names, start = [ref.entity.text], ref.start
    k = _before_gloss(view, a - 1, lo)
    while k > lo and (view.lower[k] == "и" and len(names) == 1 or view.toks[k].text == "," and len(names) > 1):
        conj = _name_ending_at(view, _before_gloss(view, k - 1, lo), lo)
        if conj is None:
            break
        e, first = conj
        names.insert(0, e.text)
        start = view.toks[first].start
        k = _before_gloss(view, first - 1, lo)
    if len(names) == 1:
        return ref
    joined = ", ".join(names[:-1]) + " и " + names[-1]
    return Ref("entity", start, ref.end, entity=Entity(start, ref.end, "ORG", joined), via=ref.via)


def _before_gloss(view: DocView, k: int, lo: int) -> int:
    """The token before a parenthesis ending at k ("«Пфайзер» (Pfizer)"), else k."""
    if k < lo or view.toks[k].text != ")":
        return k
    m = k
    while m > lo and view.toks[m].text != "(" and k - m < 12:
        m -= 1
    return m - 1 if view.toks[m].text == "(" else k


def _name_ending_at(view: DocView, k: int, lo: int) -> tuple[Entity, int] | None:
    """An organisation's or place's name ending at token k (tagged, or in quotation marks),
    with its first token."""
    if k < lo:
        return None
    o = view.pair_by_close.get(view.toks[k].start)
    if o is not None and o >= view.toks[lo].start and name_quote(view, o, view.toks[k].start):
        return Entity(o + 1, view.toks[k].start, "ORG", view.text[o + 1:view.toks[k].start]), view.tok_index(o)
    e = view.ent_at.get(k)
    if e is not None and e.type in ("ORG", "LOC") and can_be_subject(view, view.tok_index(e.start)):
        return e, view.tok_index(e.start)
    return None


def _oblique_modifier(view: DocView, j: int) -> bool:
    """An adjective with no nominative reading opening a phrase after a comma: it agrees with the
    oblique noun before ("Азии Биби, оправданной Верховным судом, …"), a participial phrase."""
    ps = view.parses(j)[:3]
    return bool(ps) and ps[0].tag.POS in ("ADJF", "PRTF") and not any("nomn" in p.tag for p in ps)


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
    group = next((p for j in range(a + 2, b + 1) for p in [noun_parse(view, j)] if p is not None), None)
    return Ref("np", view.toks[a].start, view.toks[b].end, head=group.normal_form if group else None)


def _complement_of_channel(view: DocView, a: int, lo: int) -> bool:
    """Does a name at token a follow a channel or document noun (past quotation marks): "в
    комментарии «Ъ FM»", "в интервью Reuters"? Then it is that noun's complement."""
    k = a - 1
    while k > lo and not view.is_word(k) and view.toks[k].text not in ",.;:!?()":
        k -= 1
    p = noun_parse(view, k) if k >= lo and view.is_word(k) else None
    return p is not None and (p.normal_form in lex.channel_nouns() or p.normal_form in lex.document_nouns())


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
        if e is None and not can_be_subject(view, k):
            k += 1  # "в заявлении министра"
            continue
        if e is None and k < j and mute_noun(view, k):
            k += 1  # "во время ссоры женщины сказали": a genitive that reads as nominative
            continue
        break
    return k if k <= j and can_be_subject(view, k) else None


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


@_records("locative")
def search_locative(view: DocView, cue: int, cue_end: int, lo: int, hi: int) -> Ref | None:
    """"В Кремле заявили", "заявили в МИД Пакистана": a plural cue with no subject
    speaks for the body named in the locative next to it."""
    tag = view.parses(cue)[0].tag
    if tag.POS == "GRND":
        # "В Москве отвергли обвинения, заявив, что …": the locative of the verb the gerund hangs on
        verb = next((k for k in range(cue - 1, lo - 1, -1) if view.parses(k)[0].tag.POS == "VERB"), None)
        return search_locative(view, verb, verb, lo, hi) if verb is not None else None
    # a plural predicate, a verb or a short adjective ("В компании уверены, что …")
    if tag.number != "plur" or tag.POS not in ("VERB", "ADJS", "PRTS"):
        return None
    # six tokens before the cue, a name's quotation marks not counted ("В российском «Газпроме» уход
    # министра расценили как …" reaches as far as "В российском МИДе уход министра расценили как …")
    marks = sum(1 for m in range(max(lo, cue - 10), cue) if view.toks[m].text in QUOTE_MARKS and m not in view.quoted)
    for j in list(range(cue_end + 1, min(hi, cue_end + 2) + 1)) + list(range(cue - 1, max(lo, cue - 6 - marks) - 1, -1)):
        if view.lower[j] not in ("в", "во") or j + 1 > hi:
            continue
        k = j + 1
        while k <= hi and k not in view.ent_at and view.parses(k)[0].tag.POS in ("ADJF", "PRTF"):
            k += 1  # "в российском МИДе"
        e = view.ent_at.get(k)
        if e is not None and e.type in ("ORG", "LOC"):
            e = _with_place_after(view, e)
            return Ref("entity", view.toks[j + 1].start, e.end, entity=e)
        o = view.toks[k].start
        c = view.pair_by_open.get(o)
        if c is not None and name_quote(view, o, c):
            # "прокомментировали в «Роснефти»": a body's name in quotation marks
            return Ref("entity", o, c + 1, entity=Entity(o + 1, c, "ORG", view.text[o + 1:c]))
        p = noun_parse(view, k, "loct")
        # "в пресс-службе мэрии", "в правительстве": a body that speaks, named by a common noun
        if p is not None and (p.normal_form in lex.org_nouns() or p.normal_form in lex.speaking_nouns()):
            _, b = np_bounds(view, k, k, hi)
            close = quoted_name_after(view, b)  # "в пресс-службе «Аэрофлота»": the body's name with it
            end = close + 1 if close is not None and close < view.toks[hi].end else view.toks[b].end
            return Ref("np", view.toks[j + 1].start, end, head=p.normal_form, case="loct")
    return None


def _with_place_after(view: DocView, e: Entity) -> Entity:
    """A body's name with the place in the genitive right after it, which says whose body it is
    ("в МИД Пакистана", "в Минздраве России", "в Оперштабе Москвы": the NER tags the place apart);
    the name alone otherwise."""
    k = view.tok_index(e.end - 1) + 1
    place = view.ent_at.get(k)
    if e.type != "ORG" or place is None or place.type != "LOC" or view.toks[k].start != place.start \
            or noun_parse(view, k, "gent") is None or view.text[e.end:place.start].strip():
        return e
    return Entity(e.start, place.end, "ORG", view.text[e.start:place.end])


def proper_noun(view: DocView, i: int) -> bool:
    text = view.toks[i].text
    if text in lex.media_names() or (text.isupper() and len(text) > 1):
        return True
    return any(t in p.tag for p in view.parses(i)[:2] for t in ("Orgn", "Abbr", "Fixd")) or "-" in text and text[0].isupper() and not any(
        p.tag.POS == "NOUN" and "Name" not in p.tag for p in view.parses(i)[:1]) or view.parses(i)[0].tag.POS is None


# The case a source's place takes after its preposition: "источник в правительстве" (locative),
# "собеседник из окружения" (genitive); "в свою очередь", "в пятницу" (accusative) are no place.
SOURCE_PLACE_CASE = {"в": "loct", "во": "loct", "на": "loct", "при": "loct", "из": "gent", "у": "gent"}


def _place_object(view: DocView, k: int, case: str) -> int | None:
    """The noun (or name) of the noun phrase at k if the phrase stands in `case`, past its adjectives."""
    def in_case(m: int) -> bool:
        return any(case in p.tag or case == "loct" and "loc2" in p.tag for p in view.parses(m))
    while k < len(view.toks) and view.is_word(k) and k not in view.ent_at \
            and view.parses(k)[0].tag.POS in ("ADJF", "PRTF", "NPRO") and in_case(k):
        k += 1  # "в российском правительстве"
    if k >= len(view.toks) or not view.is_word(k):
        return None
    noun = noun_parse(view, k, case)
    if view.lower[k] in lex.word_set("social_platforms") or noun is not None and noun.normal_form in lex.account_nouns():
        return None  # "представители фирмы в официальном Твиттер": where they spoke, not where they work
    if k in view.ent_at or view.parses(k)[0].tag.POS is None or (
            not _time_word(view, k) and any(p.tag.POS == "NOUN" and in_case(k) for p in view.parses(k))):
        return k
    return None


def _with_source_phrase(view: DocView, ref: Ref | None) -> Ref | None:
    """"источник в правительстве", "собеседник из окружения премьера": keep the phrase."""
    if ref is None or ref.kind != "np" or ref.head not in lex.source_heads():
        return ref
    j = view.tok_index(ref.end - 1) + 1
    k = _place_object(view, j + 1, SOURCE_PLACE_CASE[view.lower[j]]) \
        if j + 1 < len(view.toks) and view.lower[j] in SOURCE_PLACE_CASE else None
    if k is not None:
        while k + 1 < len(view.toks) and view.is_word(k + 1) and noun_parse(view, k + 1, "gent") is not None:
            k += 1
        if view.is_word(k):
            ref.end = view.toks[k].end
    return ref


def can_speak(ref: Ref) -> bool:
    """People, organisations and documents speak; "приговор", "турне" do not."""
    if ref.kind == "junk":
        return False
    if ref.kind != "np" or ref.head is None:
        return True
    head = ref.head
    if head in lex.role_nouns() or head in lex.org_nouns() or head in lex.document_nouns() \
            or head in lex.speaking_nouns() or head in lex.group_words():
        return True
    # a compound of an organisation noun: "госагентство", "госкорпорация"
    if any(head.endswith(n) and len(head) > len(n) for n in lex.org_nouns() if len(n) >= 6):
        return True
    if is_class_noun(class_noun(head)):
        return True  # a class of organisation (org_classes.tsv): "регулятор", "госагентство"
    return any(p.normal_form == head and "anim" in p.tag or p.tag.POS == "PRTF" and "Subx" in p.tag
               for p in parse(head))


def _apposition(view: DocView, ref: Ref, a: int, lo: int) -> Ref:
    """"Мухаммад Файсал, пресс-секретарь МИД, заявил": a role phrase after a name; also
    coordinated roles ("Адриано Челентано, известный певец, актёр и общественный деятель,
    написал"): nouns, adjectives, prepositions and "и" only, no other name, a dozen words at most."""
    if ref.kind != "np":
        return ref
    for k in range(a - 1, max(lo, a - 12), -1):
        if view.toks[k].text == ",":
            e = view.ent_at.get(k - 1)
            if e is not None and e.type == "PER":
                start = view.toks[k + 1].start
                return Ref("entity", e.start, e.end, entity=e, role=view.text[start:ref.end])
            continue
        if not view.is_word(k) or k in view.ent_at or k in view.quoted or not (
                view.lower[k] == "и" or view.parses(k)[0].tag.POS in ("NOUN", "ADJF", "PRTF", "PREP", None)):
            break  # "Путин, а также министр заявили": two subjects, not a role
    return ref


def mute_noun(view: DocView, j: int) -> bool:
    """A noun that cannot be a speaker ("ссоры", "решение"), read first as a noun."""
    noun = noun_parse(view, j)
    return noun is not None and view.parses(j)[0].tag.POS == "NOUN" and not can_speak(Ref("np", head=noun.normal_form))


def _time_word(view: DocView, j: int) -> bool:
    if view.toks[j].text[0].isdigit():
        return True
    p = noun_parse(view, j)
    return p is not None and p.normal_form in lex.time_nouns() and j not in view.ent_at


def can_be_subject(view: DocView, j: int) -> bool:
    e = view.ent_at.get(j)
    return _can_be_subject(view.toks[j].text, e is not None, e is not None and e.type == "PER")


@lru_cache(maxsize=300_000)
def _can_be_subject(word: str, in_entity: bool, in_person: bool) -> bool:
    """`can_be_subject` of a word, given whether it lies in an entity and in a person's name
    (all it depends on; memoised: asked of every word before every cue)."""
    if word.lower().replace("ё", "е") in lex.QUANTIFIERS:
        return True  # "Несколько судей заявили"
    ps = parse(word)
    if word[0].isupper() and in_entity:
        # Names: accept unless every analysis is an oblique case of a known word ("Асия" is not).
        if in_person and is_nominative_name(word):
            return True
        return any("nomn" in p.tag or "Fixd" in p.tag or p.tag.POS is None or "UNKN" in p.tag for p in ps) or \
            not any(p.tag.POS == "NOUN" for p in ps)
    if word[0].isupper() and all(p.tag.POS is None for p in ps):
        return True  # Latin and unknown capitalised words: names ("Reuters", "The Guardian")
    return any((p.tag.POS in ("NOUN", "ADJF", "NUMR", "NPRO") or p.tag.POS == "PRTF" and "Subx" in p.tag)
               and "nomn" in p.tag for p in ps[:3])  # "отметила заведующая": a participle as a noun


@_records("inverted subject")
def search_inverted(view: DocView, cue_end: int, hi: int) -> Ref | None:
    """The speaker after a cue: "заявил министр ... Сергей Лавров", "пишет Би-би-си"."""
    j = cue_end + 1
    while j <= hi and (view.lower[j] in lex.fillers() or view.toks[j].text in ","):
        j += 1
    # "об этом" may follow as well: "сообщил об этом X"
    while j + 1 <= hi and view.lower[j] in ("об", "о") and view.lower[j + 1] in ("этом", "том"):
        j += 2
    source = cited_source(view, j, hi)
    if source is not None:
        return source  # "сообщает со ссылкой на источник в ЕС Reuters"
    body = _body_after_outlet(view, cue_end, j, hi)
    if body is not None:
        return body  # "сообщили РИА Новости в компании": the outlet was told; the company speaks
    # "заявил в понедельник на пресс-конференции в Брюсселе представитель ЕК": past the
    # prepositional phrases, each a preposition, its object and the names or genitives after it
    for _ in range(4):
        if j > hi or not is_prep(view, j) or view.lower[j] in ("об", "о"):
            break
        k = j + 1
        while k <= hi and k not in view.ent_at and view.parses(k)[0].tag.POS in ("ADJF", "PRTF", "NUMR"):
            k += 1
        if k > hi or not view.is_word(k):
            break
        k = view.tok_index(view.ent_at[k].end - 1) + 1 if k in view.ent_at else k + 1
        if k <= hi and _also(view, k, hi):
            k += 1  # "подчеркнул на пресс-конференции и президент Владимир Путин": "и" as "also"
        if k <= hi and view.parses(k)[0].tag.POS in ("PRCL", "CONJ") and not view.toks[k].text[:1].isupper():
            return None  # "призывают к казни не только женщины, но и судей": objects, not a subject
        while k <= hi and (view.is_word(k) and (k in view.ent_at or not can_be_subject(view, k)
                                                 or _genitive_of(view, k, k - 1)) and not is_prep(view, k)
                           and not _words_noun(view, k)
                           or view.toks[k].start in view.pair_by_open and name_quote(
                               view, view.toks[k].start, view.pair_by_open[view.toks[k].start])):
            # "в интервью Русской службе «Голоса Америки»": the names the phrase governs
            k = view.tok_index(view.pair_by_open[view.toks[k].start]) + 1 if not view.is_word(k) else k + 1
        j = k
    if j > hi:
        return None
    owner = words_owner(view, j, hi) if view.parses(cue_end)[0].normal_form in lex.citing_verbs() else None
    if owner is None and view.lower[j] in lex.possessive_pronouns() and view.parses(cue_end)[0].normal_form.endswith("цитировать"):
        owner = _object_pronoun(view, j, hi)  # "— цитирует его Financial Times": him, relayed by the paper
    if owner is not None:
        owner.via = "relayed words"
        return owner  # "— приводятся слова Трампа на сайте", "— приводит его слова газета"
    low = view.lower[j]
    pron = lex.pronouns().get(low)
    if pron and pron[1] == "nomn":
        if view.toks[j].text[:1].isupper():
            # "…, напоминает Он покинул свой пост": a pronoun has a capital only where a sentence
            # opens; the source's name and the period went with a stripped link
            return Ref("lost")
        return Ref("pronoun", view.toks[j].start, view.toks[j].end, gender=pron[0])
    o = view.toks[j].start
    c = view.pair_by_open.get(o)
    if c is not None and name_quote(view, o, c):
        after = view.tok_index(c) + 1
        if dative_name(view, j + 1):
            # "В AESA заявили «Коммерсанту», что …": the paper was told; a subject may follow it
            return search_inverted(view, after - 1, hi)
        if _person_phrase_at(view, after, hi):
            # "Как рассказал «Интерфаксу» источник в правительстве": the name in quotation marks is
            # the one spoken to, and the person after it speaks
            return search_inverted(view, after - 1, hi)
        # "Как сообщал «Би-би-си», …": an outlet's name in quotation marks
        a, b = unpadded(view.text, o + 1, c)  # « Коммерсант »
        return cited_source(view, after, hi) or Ref("entity", o, c + 1, entity=Entity(a, b, "ORG", view.text[a:b]))
    site = SITE_NAME.match(view.text, view.toks[j].start)
    if site:
        # "сообщает sedmitza.ru": a site's name, which the tokenizer splits at the dot
        ref = Ref("entity", site.start(), site.end(), entity=Entity(site.start(), site.end(), "ORG", site.group()))
        # "сообщает ONLINE.UA со ссылкой на ВВС": the site's source speaks; "цитирует infox.ru
        # директора …": the one it quotes
        after = view.tok_index(site.end() - 1) + 1
        if _person_phrase_at(view, after, hi) and _past_cue(view, cue_end) \
                and view.parses(cue_end)[0].normal_form not in lex.citing_verbs():
            # "— сказал NEWS.ru Трамп": the site was told ("пишет Cosmo.ru Ольга Серябкина": its
            # author; "цитирует infox.ru директора …": it quotes)
            return search_inverted(view, after - 1, hi)
        return cited_source(view, after, hi) or _relayed_after(view, cue_end, after, hi) or ref
    if not view.is_word(j) or is_prep(view, j):
        return None
    # Skip time phrases and dative addressees before the subject ("сказал журналистам Лавров").
    k = j
    while k <= hi and view.is_word(k) and not is_prep(view, k):
        if _also(view, k, hi):
            k += 1
            continue
        span = name_abbreviation(view.text, start=view.toks[k].start)
        if span is not None and view.tok_index(span[1] - 1) < hi:
            k = view.tok_index(span[1] - 1) + 1  # "рассказал к.м.н. Иван Петров": the name after the degree
            continue
        if view.parses(k)[0].tag.POS in ("PRCL", "CONJ") and not view.toks[k].text[:1].isupper():
            return None  # "призывают к казни не только женщины, но и судей": objects, not a subject
        if view.lower[k] in lex.partitive_words() and k + 2 <= hi and view.lower[k + 1] == "из":
            return _partitive(view, k, np_bounds(view, k + 2, k + 2, hi)[1], hi)  # "сообщил один из докладчиков X"
        if _outlet_before_subject(view, k, hi) or k in view.ent_at and view.ent_at[k].start == view.toks[k].start \
                and dative_name(view, k):
            # "сказал ТАСС профессор Смит": the outlet is the dative; "в МИД ответили Интерфаксу": a
            # name that cannot be a nominative is whom the words were said to
            k = view.tok_index(view.ent_at[k].end - 1) + 1
            continue
        if _told_outlet(view, cue_end, k, hi):
            return None  # "Один из протестующих заявил Reuters, что …": the subject stands before the cue
        if view.lower[k] in lex.reflexive_possessives() or k > j and _genitive_of(view, k, k - 1):
            k += 1  # "рассказывает свою историю болезни пациентка X": the object and its genitives
            continue
        if k in view.ent_at or can_be_subject(view, k):
            if k > j and k in view.ent_at and _object_noun(view, k - 1):
                return None  # "оповестил всех партнёров World Fashion Channel": the object's genitive
            a, b = np_bounds(view, k, k, hi)
            own = view.ent_at.get(k)
            if own is not None and own.type == "PER" and b > (last := view.tok_index(own.end - 1)) and (
                    (told := view.ent_at.get(last + 1)) is not None and told.type == "ORG"
                    and (told.text in lex.media_names() or dative_name(view, last + 1))):
                b = last  # "— заявил Наттавута Сайкыа ТАСС": the agency after a name was told, it owns nobody
            if view.parses(cue_end)[0].normal_form in lex.citing_verbs() and not (
                    k in view.ent_at and view.ent_at[k].type == "PER"):  # "цитирует Хвана Lenta.ru": the object first
                # "— цитирует газета документ", "цитирует агентство Рейтер стратега Nomura X": the
                # subject's phrase ends where what it relays begins
                b = next((m - 1 for m in range(k + 1, b + 1) if _relayed_after(view, cue_end, m, hi)), b)
            ref = _role_holder_after(view, ref_from_np(view, a, b), b, hi)
            if not can_speak(ref):
                return None
            if _subject_of_next_clause(view, view.tok_index(ref.end - 1) + 1, hi):
                return Ref("lost")  # the source's name was lost (a stripped link): no speaker
            # "пишет «Интерфакс» со ссылкой на профсоюз пилотов Cockpit": the outlet's source speaks
            after = view.tok_index(ref.end - 1) + 1
            person = ref.kind == "entity" and ref.entity.type == "PER"  # "цитирует Хвана Чжан Епа Lenta.ru"
            return cited_source(view, after, hi) or (None if person else _relayed_after(view, cue_end, after, hi)) \
                or _with_source_phrase(view, ref)
        k += 1
    return None


def _body_after_outlet(view: DocView, cue: int, j: int, hi: int) -> Ref | None:
    """"сообщили РИА Новости в компании", "Как сообщили «КП» в Минздраве": a name right after a
    plural cue with a body in the locative after it is the one spoken to (a dative); the body
    in the locative speaks."""
    if j > hi:
        return None
    o = view.toks[j].start
    c = view.pair_by_open.get(o)
    e = view.ent_at.get(j)
    if c is not None and name_quote(view, o, c):
        last = view.tok_index(c)
    elif e is not None and e.type == "ORG":
        last = view.tok_index(e.end - 1)
    else:
        return None
    if last + 1 > hi or view.lower[last + 1] not in ("в", "во"):
        return None
    return search_locative(view, cue, last, j, hi)


def _genitive_of(view: DocView, k: int, prev: int) -> bool:
    """A common noun that can be a genitive right after an object or a prepositional phrase's
    noun ("свою историю болезни", "в ожидании прививки"), with a nominal after it: the genitive
    hangs on the noun before, and the subject follows."""
    if k in view.ent_at or prev < 0 or not view.is_word(prev) or k + 1 >= len(view.toks) or not view.is_word(k + 1):
        return False
    if not any(p.tag.POS == "NOUN" and "gent" in p.tag for p in view.parses(k)[:3]):
        return False
    before = view.lower[prev] in lex.reflexive_possessives() or _object_noun(view, prev) or any(
        p.tag.POS == "NOUN" and p.tag.case in ("loct", "ablt", "gent") for p in view.parses(prev)[:1])
    return before and (k + 1 in view.ent_at or can_be_subject(view, k + 1))


def _also(view: DocView, k: int, hi: int) -> bool:
    """"и" meaning "also" before a nominative person phrase after the cue ("Это подчеркнул и
    президент Владимир Путин"), not a conjunction of objects ("но и судей")."""
    if view.lower[k] != "и" or k + 1 > hi or view.lower[k - 1] == "но":
        return False
    e = view.ent_at.get(k + 1)
    if e is not None:
        return e.type == "PER" and _name_nominative(view, e)
    p = noun_parse(view, k + 1, "nomn")
    return p is not None and (p.normal_form in lex.role_nouns() or "anim" in p.tag) and not any(
        "gent" in q.tag or "accs" in q.tag for q in view.parses(k + 1)[:3] if q.tag.POS == "NOUN")


def _object_noun(view: DocView, k: int) -> bool:
    """A noun after the cue that can be neither its subject nor a dative addressee nor a time
    ("всех партнёров", not "журналистам", "14 ноября"): a name right after it is its genitive."""
    ps = [p for p in view.parses(k)[:3] if p.tag.POS == "NOUN"]
    return bool(ps) and not any(p.tag.case in ("nomn", "datv") for p in ps) and not _time_word(view, k) \
        and view.lower[k] not in lex.fillers()


def _after_imeni(view: DocView, i: int) -> bool:
    """Does the name at token i follow "имени" or "им." (past initials): "больница имени О.М.
    Филатова", "Центра им. Гамалеи"?"""
    def im(k: int) -> bool:  # the full stop of "им."
        return view.toks[k].text == "." and k > 0 and view.lower[k - 1] == "им"
    k = i - 1
    while k >= 0 and (view.toks[k].text == "." and not im(k)
                      or len(view.toks[k].text) == 1 and view.toks[k].text.isupper()):
        k -= 1
    return k >= 0 and (view.lower[k] == "имени" or im(k))


def _relayed_after(view: DocView, cue: int, j: int, hi: int) -> Ref | None:
    """"«…», цитирует Bloomberg заявление", "— приводит газета слова министра": what a relaying
    verb's subject relays, right after it, is the speaker: a document or someone's words."""
    if j > hi or view.parses(cue)[0].normal_form not in lex.citing_verbs():
        return None
    owner = _relayed_owner(view, cue, j, hi)
    if owner is not None:
        return owner
    p = noun_parse(view, j, "accs")
    if p is not None and p.normal_form in lex.document_nouns():
        _, b = np_bounds(view, j, j, hi)
        return Ref("document", view.toks[j].start, view.toks[b].end, head=p.normal_form, case="accs",
                   via="relayed document")
    return None


def _outlet_before_subject(view: DocView, k: int, hi: int) -> bool:
    """An outlet's name right after the cue with a person's phrase right after it: the outlet is
    the one spoken to ("— сказал ТАСС профессор Смит", "заявил РИА Новости глава ведомства")."""
    e = view.ent_at.get(k)
    if e is None or e.type != "ORG" or not (e.text in lex.media_names() or dative_name(view, k)):
        return False  # (a declined name is the dative whatever it is: "— сказал «Известиям» …")
    return _person_phrase_at(view, view.tok_index(e.end - 1) + 1, hi)


def dative_name(view: DocView, k: int) -> bool:
    """Does the name starting at token k read as a dative and never as a nominative ("Интерфаксу",
    «Российской газете», «Ленте.ру»)? Then it is whom words were said to, never who said them
    (an indeclinable "ТАСС", "Reuters" reads either way)."""
    if not view.is_word(k):
        return False
    ps = view.parses(k)
    return any("datv" in p.tag for p in ps) and not any("nomn" in p.tag for p in ps)


def _told_outlet(view: DocView, cue_end: int, k: int, hi: int) -> bool:
    """An outlet's name between a cue in the past tense and the comma of its что-clause, with a
    noun phrase before the cue: whom the subject spoke to ("Один из протестующих заявил Reuters,
    что …", "Малук сообщил AFP, что …"). An outlet reporting comes in the present ("сообщает
    Reuters, что …") or with no phrase before ("Ранее сообщил Bloomberg")."""
    e = view.ent_at.get(k)
    if e is None or e.type != "ORG" or e.text not in lex.media_names() or view.tok_index(e.end - 1) != hi:
        return False
    if hi + 2 >= len(view.toks) or view.toks[hi + 1].text != "," or view.lower[hi + 2] not in COMPLEMENTIZERS:
        return False
    cue = _cue_verb(view, cue_end)
    if view.parses(cue)[0].tag.tense != "past":
        return False
    before = skip_fillers_back(view, cue - 1, 0)
    return before >= 0 and view.is_word(before) and (
        before in view.ent_at or view.parses(before)[0].tag.POS in ("NOUN", "NPRO", "NUMR", "ADJF", "PRTF"))


def _cue_verb(view: DocView, cue_end: int) -> int:
    """The verb of the cue ending at token cue_end (of a cue phrase: "принес извинения")."""
    cue = cue_end
    while cue > 0 and view.parses(cue)[0].tag.POS not in ("VERB", "INFN"):
        cue -= 1
    return cue


def _past_cue(view: DocView, cue_end: int) -> bool:
    """Is the cue ending at token cue_end in the past tense? An outlet named after a past "сказал",
    "заявил" was told; one after a present "пишет", "сообщает" reports."""
    return view.parses(_cue_verb(view, cue_end))[0].tag.tense == "past"


def _person_phrase_at(view: DocView, j: int, hi: int) -> bool:
    """Does a person's phrase start at token j, on the same line: a person's name, or an animate
    noun, a role or an unnamed source's noun in the nominative ("профессор Смит", "источник в
    правительстве")?"""
    if j > hi or not view.is_word(j) or "\n" in view.text[view.toks[j - 1].end:view.toks[j].start]:
        return False
    other = view.ent_at.get(j)
    if other is not None:
        return other.type == "PER"
    p = noun_parse(view, j, "nomn") or substantive(view, j)
    while p is None and j < hi and view.parses(j)[0].tag.POS == "ADJF" and "nomn" in view.parses(j)[0].tag:
        j += 1  # "бывший глава ведомства"
        p = noun_parse(view, j, "nomn")
    return p is not None and ("anim" in p.tag or p.normal_form in lex.role_nouns() or p.normal_form in lex.source_heads())


def _subject_of_next_clause(view: DocView, j: int, hi: int) -> bool:
    """"Об этом пишет [ссылка] 46-летняя Азия Биби (Норин) жила …": a finite verb right after
    the phrase makes it the subject of the next sentence, not the cue's."""
    if j <= hi and view.toks[j].text == "(":
        while j <= hi and view.toks[j].text != ")":
            j += 1
        j += 1
    while j <= hi and view.lower[j] in lex.fillers():
        j += 1  # "сообщает [ссылка] В Италии профсоюзы также призывали"
    return j <= hi and view.is_word(j) and view.parses(j)[0].tag.POS == "VERB"


def cited_source(view: DocView, j: int, hi: int) -> Ref | None:
    """"со ссылкой на заявление президента МАУ Юрия Мирошникова", "сообщает Reuters, ссылаясь на
    Группу по правам христиан": the source an outlet cites. The outlet's own sources ("ссылаясь
    на свои источники") and a reason ("ссылаясь на то, что …") name no one else."""
    if j <= hi and view.toks[j].text == "," and j + 1 <= hi and view.lower[j + 1] == "ссылаясь":
        j += 1
    if tuple(view.lower[j:j + 3]) == ("со", "ссылкой", "на"):
        k = j + 3
    elif tuple(view.lower[j:j + 2]) == ("ссылаясь", "на"):
        k = j + 2
    else:
        return None
    if k > hi or not view.is_word(k) or view.lower[k] in lex.reflexive_possessives() or view.lower[k] in ("то", "это"):
        return None
    a, b = np_bounds(view, k, k, hi)
    ref = ref_from_np(view, a, b, case="accs")
    ref.case = "accs"
    return _with_source_phrase(view, ref) if can_speak(ref) else None


def _role_holder_after(view: DocView, ref: Ref, b: int, hi: int, case: str = "nomn") -> Ref:
    """"считает директор Общества (GfbV) Ульрих Делиус", "пообещал лидер партии, радикальный
    проповедник Хадим Ризви": a role phrase whose holder is named after a gloss or a second role
    (in the phrase's case: "цитирует директора … Елену Сябренко")."""
    if ref.kind != "np" or ref.head not in lex.role_nouns() and role_key(ref.head) is None:
        return ref  # (any person noun: "пациентка ГКБ №15 имени О.М. Филатова Ирина Маршутина")
    j, depth, limit = b + 1, 0, b + 15
    while j <= min(hi, limit):
        t = view.toks[j].text
        e = view.ent_at.get(j)
        if e is not None and e.type != "PER" and view.toks[j].start == e.start:
            # another name in the phrase is one word of the fifteen however many it is written in:
            # "директора … бизнеса Meridian Rail в России … Елену Сябренко" as "… Philips …"
            limit += view.tok_index(e.end - 1) - j
        if e is not None and e.type == "PER" and depth == 0 and _after_imeni(view, view.tok_index(e.start)):
            j = view.tok_index(e.end - 1) + 1  # "ГКБ №15 имени О.М. Филатова": a namesake
            continue
        if e is not None and e.type == "PER" and depth == 0:
            if any(view.toks[k].text == "," for k in range(b + 1, j)) and \
                    _subject_of_next_clause(view, view.tok_index(e.end - 1) + 1, hi):
                break  # "как считает эксперт, на решение о … Громова может повлиять": the next clause's
            if case == "nomn" and not _name_nominative(view, e) or view.toks[j - 1].text == ",":
                # "глава МИД на встрече с Лавровым": a name in an oblique case is not the holder;
                # "Как утверждали мусульманки, Биби …": nor one opening the next clause
                break
            return Ref("entity", e.start, e.end, entity=e, role=view.text[ref.start:e.start].strip(" ,"))
        if depth == 0 and t in "«\"„“" and (after := quoted_label(view, j, hi)) is not None:
            j = after  # "координатор движения «Архнадзор» Константин Михайлов"
            continue
        span = name_abbreviation(view.text, start=view.toks[j].start)
        if span is not None:
            # an initial ("имени О.М. Филатова Ирина Маршутина"), a degree ("врач высшей категории,
            # к.м.н. Ксения Бочарова"), "им.": the phrase goes on past its full stop
            j = view.tok_index(span[1] - 1) + 1
            continue
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
            if depth < 0:
                break
        elif view.lower[j] in lex.relative_pronouns():
            break  # "ее соседка, с которой у семьи Биби были …": a relative clause, not the name
        elif t != "," and depth == 0 and not (
                # "лидер Движения против нелегальной иммиграции Александр Белов"
                view.is_word(j) and (view.lower[j] == "и" or is_prep(view, j) or
                                     view.parses(j)[0].tag.POS in ("NOUN", "ADJF", "PREP", None))):
            break
        j += 1
    return ref


def genitive_after(view: DocView, noun: int, hi: int) -> Ref | None:
    """"по словам госсекретаря США Энтони Блинкена": the phrase after the noun, in the genitive."""
    j = noun + 1
    if j > hi or not view.is_word(j) or is_prep(view, j):
        return None
    a, b = np_bounds(view, j, j, hi)
    ref = ref_from_np(view, a, b, case="gent")
    ref.case = "gent"
    # "По мнению полпреда президента РФ в округе Виктора Ишаева": the title runs to its holder
    held = _role_holder_after(view, ref, b, hi, case="gent")
    if held is not ref:
        held.case = "gent"
    # "По сообщению агентства Dawn со ссылкой на министра информации Фавада Чаудхри": the
    # outlet's source speaks, as after an inverted cue
    return cited_source(view, view.tok_index(held.end - 1) + 1, hi) or held


# the same search, marked with its own provenance
search_genitive = _records("genitive")(genitive_after)


@_records("document")
def search_document(view: DocView, cue: int, lo: int, hi: int) -> Ref | None:
    """"говорится в документе", "В послании Лаврова говорится": the document phrase; "В издании
    отмечается": the outlet a media noun designates."""
    back = cue
    for _ in range(8):  # eight words back, past a gloss ("В инструкции к вакцине («Спутник V») сказано")
        back = _before_gloss(view, back - 1, lo)
        while back > lo and not view.is_word(back) and view.toks[back].text not in ".!?;:":
            back -= 1
    for j in list(range(cue + 1, min(hi, cue + 8) + 1)) + list(range(cue - 1, max(lo, back) - 1, -1)):
        s_at = j + 1
        while s_at < hi and view.lower[j] == "на" and view.parses(s_at)[0].tag.POS == "ADJF":
            s_at += 1  # "на официальном портале"
        site = noun_parse(view, s_at, "loct") if view.lower[j] == "на" and s_at + 1 <= hi else None
        if site is not None and site.normal_form in lex.site_nouns() and view.is_word(s_at + 1) and not is_prep(view, s_at + 1):
            # "сообщается на сайте государственного реестра": the site's owner publishes it
            _, b = np_bounds(view, s_at + 1, s_at + 1, hi)
            ref = ref_from_np(view, s_at + 1, b, case="gent")
            if ref.kind != "entity":
                ref = Ref("document", view.toks[j + 1].start, view.toks[b].end, head=site.normal_form)
            ref.case = "gent" if ref.kind == "entity" else "loct"
            return ref
        if view.lower[j] == "в" and j + 1 <= hi and view.lower[j + 1] in lex.document_pronouns():
            # "В нем указано, что": an impersonal cue's locative pronoun stands for a document
            # (resolution finds which), no person
            return Ref("document", view.toks[j + 1].start, view.toks[j + 1].end,
                       gender=lex.document_pronouns()[view.lower[j + 1]], case="loct")
        if view.lower[j] in ("в", "во") and j + 1 <= hi:
            k = j + 1
            while k <= hi and view.is_word(k):
                p = noun_parse(view, k)
                if k == j + 1 and p is not None and p.normal_form in lex.media_nouns() and "loct" in p.tag:
                    return Ref("np", view.toks[k].start, view.toks[k].end, head=p.normal_form, case="loct")
                if p is not None and k == j + 1 and noun_parse(view, k, "loct") is None:
                    break  # no locative: "В ответ на запрос … отмечается" opens with a compound preposition
                if p is not None and p.normal_form in lex.document_nouns():
                    _, b = np_bounds(view, k, k, hi)
                    ref = ref_from_np(view, j + 1, b, case="loct")
                    ref.role = None  # the words before the author's name describe the document
                    if ref.kind != "entity":
                        ref = Ref("document", view.toks[j + 1].start, view.toks[b].end, head=p.normal_form)
                    ref.case = "loct"
                    return ref
                k += 1
    return _channel(view, cue, lo, hi)


def _channel(view: DocView, cue: int, lo: int, hi: int) -> Ref | None:
    """The owner of the account an impersonal cue's words were published in, named in the
    genitive right after it: "сообщается в микроблоге Twitter премьер-министра Великобритании",
    "Об этом сообщается в Twitter канцелярии премьер-министра" (the account's owner speaks; an
    account with no owner named is no one's)."""
    platforms = lex.word_set("social_platforms")
    for j in list(range(cue + 1, min(hi, cue + 4) + 1)) + list(range(cue - 1, max(lo, cue - 6) - 1, -1)):
        if view.lower[j] not in ("в", "во", "на") or j + 2 > hi:
            continue
        k = j + 1
        while k < hi and view.parses(k)[0].tag.POS in ("ADJF", "PRTF") and view.lower[k] not in platforms:
            k += 1  # "в своем официальном микроблоге"
        channel = noun_parse(view, k, "loct")
        if not (view.lower[k] in platforms or channel is not None and channel.normal_form in lex.account_nouns()):
            continue
        k += 1
        while k < hi and view.lower[k] in platforms:
            k += 1  # "в микроблоге Twitter"
        if k > hi or not view.is_word(k) or is_prep(view, k) or not (
                k in view.ent_at or noun_parse(view, k, "gent") is not None):
            continue  # "в аккаунте посольства в Instagram": the platform alone names no owner
        _, b = np_bounds(view, k, k, hi)
        ref = ref_from_np(view, k, b, case="gent")
        return ref if ref.kind in ("entity", "np") and can_speak(ref) else None
    return None


def second_predicate(view: DocView, cue: int, lo: int) -> bool:
    """A cue that is a second predicate: ", а также назвал", "и добавил"."""
    k = skip_fillers_back(view, cue - 1, lo)
    return k >= lo and view.lower[k] in ("и", "а") and view.parses(cue)[0].tag.POS == "VERB"


def skip_fillers_back(view: DocView, k: int, lo: int) -> int:
    """The first token at or before k that is not a filler ("также", "ранее")."""
    while k >= lo and view.lower[k] in lex.fillers():
        k -= 1
    return k
