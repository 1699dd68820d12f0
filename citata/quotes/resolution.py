"""Speakers resolved across the document: names to their fullest form, pronouns and titles
("министр", "глава МИД") to the person they designate, bare nouns ("Компания", "Мужчина",
"В документе") to what the article named before, documents to their author."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from typing import Callable, Iterator

from .. import lexicons as lex
from ..countries import country_of
from ..model import Provenance, Quote, Speaker, TextSpan
from ..names import canonical_role, is_nominative_name, nominative_phrase, tidy_role
from ..nlp import Entity, morph, parse
from ..orgs import seat_name
from .mentions import can_be_subject, name_quote, noun_parse, np_bounds, ref_from_np, search_inverted, search_subject
from .participants import (Participants, class_noun, is_class_noun, kin_sex, may_designate, place_of, role_key,
                           sex_of, stands_for, unnamed_participant)
from .view import PREPOSITIONS, DocView, Found, Ref


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
    for person in view.names.persons.values():
        if person.key not in votes:
            person.gender = sex_of(view, person)  # "Мишель Обама имела в виду": the words that agree


def resolve(view: DocView, found: list[Found], observe: Callable | None = None) -> list[Quote]:
    """Each quotation's speaker; `observe(view, found, history, speaker_of)`, where given, sees each
    resolved quotation with the quotations before it and a way to resolve another of its mentions
    (eval/train_ranker.py lists the candidates a ranker would compare: `ranker.record_into`)."""
    _gender_votes(view, found)
    parts = Participants(view)
    quotes = []
    history: list[Found] = []
    for f in found:
        f.speaker = _resolve_ref(view, f, history, parts)
        if f.speaker is not None and f.speaker.kind == "organization" and f.speaker.name:
            # "«Пфайзер» (Pfizer)": a glossed foreign organisation goes by its original, however named here
            f.speaker = replace(f.speaker, name=parts.original_name(f.speaker.name))
        if observe is not None:
            observe(view, f, history, _speaker_of(view, f, history, parts))
        history.append(f)
        quotes.append(_to_quote(view, f))
    return quotes


def _speaker_of(view: DocView, f: Found, history: list[Found], parts: Participants):
    """The speaker another mention of the same quotation would resolve to."""
    def of(ref: Ref) -> Speaker | None:
        return _resolve_ref(view, replace(f, ref=ref, speaker=None), history, parts)
    return of


def _resolve_ref(view: DocView, f: Found, history: list[Found], parts: Participants) -> Speaker | None:
    ref = f.ref
    if ref is not None and ref.kind == "none" and f.cue_cls == "impersonal":
        # "В документе указано, что … . Сообщается, что …": the document goes on; so does a body's
        # or an outlet's report in the same paragraph ("Об этом сообщает пресс-служба … . Отмечается,
        # что …"), not a person's, and not "Ранее сообщалось" (earlier reports) or "как говорится"
        last = history[-1] if history else None
        if last is not None and last.speaker is not None and last.speaker.name and _source_goes_on(view, f, last):
            return _by("impersonal cue → the source just quoted", replace(last.speaker, mention=None),
                       last.speaker.name)
        relay = _relaying_outlet(view, f, history)
        if relay is not None:
            # "…, сообщает Би-би-си. Он отметил, что … . Также сообщается, что …": "также" adds to
            # the report the article relays, past the words of the people in it
            return _by("impersonal cue with также → the outlet the article relays",
                       replace(relay.speaker, mention=None), relay.speaker.name)
    if ref is None or ref.kind in ("none", "lost"):
        return None
    mention = TextSpan(view.text[ref.start:ref.end], ref.start, ref.end) if ref.end > ref.start else None
    names = view.names
    if ref.kind == "entity":
        e = ref.entity
        if e.type == "PER":
            person = names.person(e)
            # ("Сама Биби заявила": words before the name that name no role leave the person's own)
            role = (tidy_role(nominative_phrase(ref.role, case=ref.case)) if ref.role else None) or person.role
            return _by("name → the person's fullest name", Speaker(person.name, mention, role, "person", person.key),
                       person.name)
        if e.text in lex.media_at_large():
            # "британские СМИ сообщили": the press at large is no one organisation (the gold
            # and the archive's speaker kinds: anonymous)
            return _by("the media at large", Speaker(e.text, mention, None, "anonymous", None), e.text)
        org = parts.described_org(e)
        if org is not None:
            # "Минздрав России выпустил … Министерство заявило": a class noun opening its sentence is
            # capitalised and tagged as a name, but designates the organisation named before
            return _by("class noun as a name → the organisation introduced with it",
                       Speaker(_org_name(view, org), mention, None, "organization", None), org.name)
        return _by("organisation name", Speaker(names.org_name(e), mention, None, "organization", None), e.text)
    if ref.kind == "pronoun":
        document = _document_antecedent(view, ref)
        if document is not None:
            # "Правительство согласовало план выхода из ЕС. Он предполагает, что …": the plan
            phrase = nominative_phrase(view.text[document.start:document.end], case=document.case)
            return _by("pronoun → the document named just before", Speaker(phrase, mention, None, "document", None),
                       view.text[document.start:document.end])
        last = history[-1] if history else None
        if last is not None and last.speaker is not None and last.ref is not None and last.ref.kind == "np" \
                and last.speaker.kind == "anonymous" and last.ref.head in lex.role_nouns() \
                and 0 <= f.start - last.end < 300 and ref.gender in ("m", "f") and _cue_gender(view, last) == ref.gender:
            # "…первая леди заявила, что «…». «…», — сказала она": the title just quoted,
            # not a name mentioned in passing before it
            return _by("pronoun → the title just quoted", replace(last.speaker, mention=mention),
                       view.text[last.ref.start:last.ref.end])
        person = _subject_before(view, ref)
        asker = last.speaker.key if last and last.is_question and last.speaker else None
        if person is not None and person.key != asker and person.gender in (None, ref.gender):
            # "Но в воскресенье вечером ушел Дэвис … Он объяснил": a pronoun opening its sentence
            # continues the person the sentence before was about (its subject), however often
            # the article named someone else
            return _by("pronoun → the person the sentence before is about",
                       Speaker(person.name, mention, person.role, "person", person.key), person.name)
        person = _antecedent(view, f, history, ref, parts.quoted_person_starts)
        if person is not None:
            return _by("pronoun → the most salient person of that gender",
                       Speaker(person.name, mention, person.role, "person", person.key), person.name)
        if ref.gender == "p":
            # "она принесла мусульманкам воды, которая, по их мнению, стала нечистой": the people
            # named before the pronoun in its own sentence, before any group quoted earlier
            i = view.tok_index(ref.start)
            own = _plural_group(view, range(max(view.sent_range(view.tok_sent[i]).start, i - 40), i))
            if own is not None:
                own.via = None
                sp = _resolve_ref(view, Found(f.type, f.start, f.end, f.cue, own), history, parts)
                if sp is not None and sp.name:
                    return _then("pronoun → the group named before it in its sentence", replace(sp, mention=mention))
        if ref.gender == "p" and last is not None and last.speaker is not None and last.speaker.name \
                and last.speaker.kind in ("anonymous", "organization") and f.start - last.end < 600:
            # "Источники Reuters рассказали, что … Они отметили, что …": the group just quoted
            return _by("pronoun → the group just quoted", replace(last.speaker, mention=mention), last.speaker.name)
        group = _previous_subject(view, ref)
        if group is not None:
            sp = _resolve_ref(view, Found(f.type, f.start, f.end, f.cue, group), history, parts)
            if sp is not None and sp.name:
                step = "pronoun → the group named in the sentence before" if group.via == PLURAL_GROUP \
                    else "pronoun → the subject of the sentence before"
                return _then(step, replace(sp, mention=mention))
        topic = parts.topic_person(ref.gender, ref.start) if ref.gender in ("m", "f") else None
        if topic is not None:
            # "— заявил он" before anyone is named: the headline's person, the one the article names most
            return _by("pronoun → the person the article is about",
                       Speaker(topic.name, mention, topic.role, "person", topic.key), topic.name)
        body = _neuter_body_before(view, ref)
        if body is not None:
            sp = _resolve_ref(view, Found(f.type, f.start, f.end, f.cue, body), history, parts)
            if sp is not None and sp.name and sp.kind == "organization":
                return _then("pronoun → the neuter body named in the sentence before", replace(sp, mention=mention))
        return _by("pronoun, unresolved", Speaker(None, mention, None, "anonymous", None))
    if ref.kind == "relative":
        # "…с Папой Римским, который назвал": the phrase before the comma.
        j = view.tok_index(ref.start) - 1
        if j >= 1 and view.toks[j].text == ",":
            a, b = np_bounds(view, j - 1, max(0, j - 8), j - 1)
            inner = ref_from_np(view, a, b)
            named = view.ent_at.get(b)
            if named is not None and named.type == "PER":
                # "слова Мишель Обамы, которая посетовала": the relative word points at the name
                inner = Ref("entity", named.start, named.end, entity=named)
            if inner.kind in ("entity", "np"):
                sub = Found(f.type, f.start, f.end, f.cue, inner)
                sp = _resolve_ref(view, sub, history, parts)
                if sp is not None:
                    sp.mention = mention
                return _then("relative pronoun → the phrase before it", sp)
        return None
    if ref.kind == "document" and ref.head is None:
        # "Компания подала заявление … В нем указано, что": the document named before, with its owner
        name = _document_referred(view, ref, owned=False)
        step = "document pronoun → the document named before" if name else "document pronoun, unresolved"
        return _by(step, Speaker(name, mention, None, "document", None), name)
    if ref.kind == "document":
        owner = _document_owner(view, ref)
        if owner is not None:
            # "сообщение пресс-службы Минобороны", "заявление на сайте Кремля": whose words they are
            return _by("document → its publisher", Speaker(owner, mention, None, "organization", None), owner)
        published = _document_class_org(view, ref, parts)
        if published is not None:
            # "В оповещении компании сообщается" after "лоукостер Ryanair": the document as the
            # article calls it, with the organisation its class noun stands for (as "руководство
            # лоукостера Ryanair" below)
            phrase, org = published
            return _by("document with its publisher named", Speaker(f"{phrase} {org}", mention, None, "document",
                                                                   None), org)
        author = names.document_author(ref.start, ref.head)
        phrase = nominative_phrase(_without_demonstrative(view, ref), case=ref.case)
        if author is not None:
            return _by("document → its author", Speaker(author.name, mention, author.role, "person", author.key),
                       author.name)
        if ref.head in lex.generic_document_nouns():
            # "В документе указано" after "говорится в сообщении …": the document just quoted
            last = next((h for h in reversed(history[-3:]) if h.speaker is not None
                         and h.speaker.kind == "document" and f.start - h.end < 1500), None)
            if last is not None:
                return _by("document → the document just quoted", replace(last.speaker, mention=mention),
                           last.speaker.name)
        named = _document_named_before(view, ref, mention) if _owner_words(view, ref) is None else None
        if named is not None:
            return named
        phrase = _participle_after_head(view, ref) or phrase
        return _by("document as written", Speaker(_country_named(view, ref, phrase), mention, None, "document", None))
    if ref.kind == "np" and ref.head in lex.generic_person_nouns() and _one_person_noun(view, ref):
        antecedent = _introduced_person(view, ref)
        if antecedent is not None:
            sp = _resolve_ref(view, Found(f.type, f.start, f.end, f.cue, antecedent), history, parts)
            if sp is not None and sp.name:
                return _then("person noun → the person introduced before", replace(sp, mention=mention))
    if ref.kind == "np" and ref.head in lex.generic_document_nouns() and _bare_noun(view, ref):
        named = _document_named_before(view, ref, mention)
        if named is not None:
            return named
    if ref.kind == "np":
        # "заявили в пресс-службе": the plural is the impersonal cue's, not the body's
        number = (None if ref.case == "loct" else _cue_number(view, f)) or _head_number(view, ref)
        phrase = nominative_phrase(view.text[ref.start:ref.end], case=ref.case, number=number)
        phrase = _possessor_named(view, ref, phrase, number)
        group = number == "plur"  # "судьи постановили": not one holder of the title
        # "в канцелярии премьер-министра Терезы Мэй", "пресс-служба британского премьер-министра":
        # a phrase headed by a thing (a body, an office) speaks for itself, not for the holder of
        # the title in its genitive
        held = not group and not _names_thing(view, ref)
        person = names.by_role(phrase, ref.start) if held else None
        if person is not None and not _sex_fits(view, f, ref, person):
            person = None  # "Муж Биби" is not Асия Биби; "министр заявила" not a man
        if person is not None and any(e is not None and e.type == "PER" and e.end < ref.end
                                      and names.person(e).key == person.key
                                      and not is_nominative_name(e.text.split()[-1])
                                      for e in map(view.ent_at.get, view.tokens_in(ref.start, ref.end))):
            # "юрист Саифа-ул-Мулука, пакистанского адвоката" is the lawyer's lawyer, not the man his
            # title names in the genitive inside the phrase (a name ending the phrase is its holder:
            # "глава японского МИДа Сэйдзи Маэхара"; the dictionary reads "Корбин" as a genitive)
            person = None
        if person is not None and person.mentions[0].start > ref.start and ref.head not in lex.relational_nouns() \
                and view.tok_sent[view.tok_index(person.mentions[0].start)] != view.tok_sent[view.tok_index(ref.start)]:
            # a holder named only later: "Министр" after Хант's words is Хант, not Дэвис further on
            # and a qualified title named only later is someone else: "Премьер-министр Израиля" is
            # not "британский премьер Гордон Браун" at the end of the article
            exact = any(canonical_role(r) == canonical_role(phrase) for r in person.roles)
            person = _last_speaker(view, f, history, ref, parts) or (person if exact or len(phrase.split()) == 1 else None)
        if person is not None:
            return _as_holder("title → its holder named in the article", person, mention, phrase)
        if held:
            sp = _participant_by_role(view, f, history, parts, ref, mention, phrase)
            if sp is not None:
                return sp
        if not group and ref.head in lex.role_nouns() and ref.head not in lex.relational_nouns():
            # A bare title as a definite description ("— констатировал глава Евросовета")
            # designates the one who just spoke, or one named as a subject since
            # ("…», — сказал Дэвис. … Ги Верхофстадт настаивает … По словам бывшего премьер-министра Бельгии").
            person = _introduced_since(view, f, history, ref, parts)
            if person is not None:
                return _as_holder("title → the person introduced since the last quotation", person, mention, phrase)
            person = _last_speaker(view, f, history, ref, parts)
            if person is not None:
                return _as_holder("title → the one who just spoke", person, mention, phrase)
            person = _person_just_named(view, f, ref, parts)
            if person is not None:
                return _as_holder("bare title → the person named just before", person, mention, phrase)
        if not group and (_bare_person_noun(view, ref) or ref.head in lex.occupation_nouns()):
            # "Паулс считает, что … . …, считает маэстро": a bare noun for a person right after
            # someone's words in the paragraph (no other quotation between) is the one who spoke
            person = _speaker_just_before(view, f, history, ref, parts)
            if person is not None:
                return _as_holder("person noun → the one who just spoke", person, mention, phrase)
        unnamed = _unnamed_quoted_before(view, f, history, ref, parts)
        if unnamed is not None:
            # no named person fits, but an unnamed one was quoted just before: "Представитель
            # Министерства … сообщил … . Чиновник подчеркнул", "Врачи, прооперировавшие … , говорят
            # … . По сообщениям докторов"
            return _by("person noun → the unnamed participant quoted before", replace(unnamed, mention=mention),
                       unnamed.name)
        # "В самой авиакомпании подчеркивают": the emphatic "сам" adds no word to the class noun
        words = len([w for w in phrase.split() if parse(w.lower())[0].normal_form != "сам"])
        # "профсоюзы заявили": a plural class noun is several organisations, not the last one named;
        # "на официальном сайте перевозчика": a site with its owner after it is the owner's, not
        # the outlet the article last relayed ("сайт" is also a media noun)
        by_head = ref.head and not group and not _owned_site(view, ref)
        named = _name_in_apposition(view, ref) if by_head else None
        if named is not None:
            # "в партии «Новые горизонты» сообщили": the class noun's own name, not the party last named
            org = parts.org_named(named)
            name = _org_name(view, org) if org is not None else named
            return _by("class noun with its name in quotation marks", Speaker(name, mention, None, "organization", None),
                       named)
        org = parts.org_by_class(ref.head, ref.start, _countries_before_head(view, ref)) if by_head else None
        if org is None and by_head and words <= 3:
            org = parts.topic_org(ref.head, ref.start)
            if org is not None:
                return _by("class noun → the organisation the article is about",
                           Speaker(_org_name(view, org), mention, None, "organization", None), org.name)
        if org is not None:
            # "Перевозчик заявил" after "лоукостер Ryanair", "По данным телекомпании" after "сообщает НТВ"
            return _by("class noun → the organisation introduced with it",
                       Speaker(_org_name(view, org), mention, None, "organization", None), org.name)
        if ref.head in lex.org_nouns() and words == 1 and not group:
            # "Компания заявила": the organisation last named.
            org = _nearest_org(view, ref.start, ref.head, parts)
            if org is not None:
                return _by("organisation noun → the organisation the article names most",
                           Speaker(names.org_name(org), mention, None, "organization", None), org.text)
            # (a media noun is an outlet's: "сообщает телеканал" is no company of the story)
            body = parts.topic_body(ref.start) if not group and ref.head not in lex.media_nouns() else None
            if body is not None:
                return _by("organisation noun → the organisation the article is about",
                           Speaker(_org_name(view, body), mention, None, "organization", None), body.name)
        held = _untagged_holder(view, ref)
        if held is not None:
            # "юрист Сайфул Малук", "Супруг христианки Ашик Масих": a name the NER did not tag,
            # or that the phrase took for a genitive
            e = view.ent_at.get(view.tok_index(held))
            person = names.person(e) if e is not None and e.type == "PER" else None
            written = view.text[held:ref.end]
            name = person.name if person else written if ref.case in (None, "nomn") else \
                nominative_phrase(written, case=ref.case)
            role = tidy_role(nominative_phrase(view.text[ref.start:held].strip(" ,"), case=ref.case))
            return _by("role phrase → the name that ends it", Speaker(name, mention, role, "person",
                                                                       person.key if person else None), written)
        phrase = _country_named(view, ref, phrase)
        org = _genitive_org(view, ref, phrase, parts)
        if org is not None:
            # "Руководство лоукостера заявило" after "авиакомпания Ryanair": the phrase, with the
            # organisation its genitive class noun stands for ("руководство лоукостера Ryanair")
            return _by("phrase with its organisation named", Speaker(f"{phrase} {org}", mention, None, _np_kind(ref),
                                                                    None), org)
        return _by("phrase as written", Speaker(phrase, mention, None, _np_kind(ref), None))
    return None


def _source_goes_on(view: DocView, f: Found, last: Found) -> bool:
    """Does an impersonal cue with no mention ("Отмечается, что") continue the last quotation's
    source: a document quoted within 300 characters; an organisation or a body named by an
    inanimate noun ("пресс-служба") quoted so in the same paragraph, the cue in the present
    ("сообщалось": earlier reports) and not the saying "как говорится"?"""
    sp = last.speaker
    if not 0 <= f.start - last.end < 300:
        return False
    if sp.kind == "document":
        return True
    if "\n" in view.text[last.end:f.start]:
        return False
    cue = view.text[f.cue[0]:f.cue[1]].lower() if f.cue else ""
    if cue.endswith("лось") or cue == "говорится":
        return False
    if sp.kind == "organization":
        return True
    head = last.ref.head if last.ref is not None else None
    nouns = [p for p in parse(head) if p.tag.POS == "NOUN"] if head else []
    return sp.kind == "anonymous" and bool(nouns) and all("inan" in p.tag for p in nouns)


def _relaying_outlet(view: DocView, f: Found, history: list[Found]) -> Found | None:
    """The last report the article relayed from an organisation ("…, сообщает Би-би-си"), when an
    impersonal cue in the present says it adds to a report ("Также сообщается, что", "Сообщается
    также"): the outlet goes on reporting, not the person quoted in between (among the last 50
    quotations: bounded work per quotation)."""
    if not f.cue:
        return None
    cue = view.tok_index(f.cue[0])
    if view.text[f.cue[0]:f.cue[1]].lower().endswith("лось") or not any(
            0 <= k < len(view.toks) and view.lower[k] == "также" for k in (cue - 1, cue + 1)):
        return None
    return next((h for h in reversed(history[-50:]) if h.cue and h.cue[2] in lex.relay_verbs() and h.cue[0] >= h.end
                 and h.speaker is not None and h.speaker.kind == "organization" and h.speaker.name), None)


def _genitive_org(view: DocView, ref: Ref, phrase: str, parts: Participants) -> str | None:
    """The organisation that the genitive class noun ending a phrase stands for ("представители
    компании", "руководство ирландского авиаперевозчика"): the last one named with a class it fits,
    when the phrase does not name it already; None otherwise."""
    words = [j for j in view.tokens_in(ref.start, ref.end) if view.is_word(j)]
    if len(words) < 2 or words[-1] in view.ent_at:
        return None
    p = next((p for p in view.parses(words[-1]) if p.tag.POS == "NOUN" and "gent" in p.tag), None)
    if p is None or p.normal_form == ref.head:
        return None
    org = parts.org_by_class(p.normal_form, ref.start)
    if org is None or org.name.lower() in phrase.lower():
        return None
    return _org_name(view, org)


def _untagged_holder(view: DocView, ref: Ref) -> int | None:
    """Where the name starts in a role phrase that ends with two capitalised words the analyser
    reads as a personal name (a first name or surname, neither a place, a body nor an
    abbreviation), or the NER tagged as one, and the mention search left inside the phrase;
    None otherwise."""
    words = [j for j in view.tokens_in(ref.start, ref.end) if view.is_word(j)]
    if len(words) < 3 or role_key(view.toks[words[0]].text) is None:
        return None
    tail = words[-2:]
    if view.toks[tail[0]].start in view.names.relation_owners:
        return None  # "Советник Ле Пен" after "Марин Ле Пен": her adviser, unnamed
    texts = [view.toks[j].text for j in tail]
    # each word a name that can be nominative, or one the dictionary does not know ("Сайфул" is
    # only guessed to be a genitive plural); "адвокат Асии Биби" is Асия's lawyer, unnamed
    if any(not t[:1].isupper() or t.isupper() or not re.fullmatch(r"[А-ЯЁа-яё-]+", t)
           or not (is_nominative_name(t) or not morph().word_is_known(t.lower())) for t in texts):
        return None
    tags = [view.parses(j)[0].tag for j in tail]
    if any(any(g in tag for g in ("Geox", "Orgn", "Abbr")) for tag in tags) or not (
            any(any(g in tag for g in ("Name", "Surn")) for tag in tags)
            or view.ent_at.get(tail[0]) is not None and view.ent_at[tail[0]].type == "PER"):
        return None
    return view.toks[tail[0]].start


def _sex_fits(view: DocView, f: Found, ref: Ref, person) -> bool:
    """Can this person be the one the phrase designates: the sex a kinship head ("муж") or a
    past-tense cue ("заявила") tells is not the person's known gender."""
    kin = lex.kin_nouns().get(ref.head or "")
    if kin is not None:
        # "Супруга Трампа": the word's own gender, not the lemma's ("супруга" -> "супруг")
        kin = next((s for j in view.tokens_in(ref.start, ref.end) if view.is_word(j)
                    and any(p.normal_form == ref.head for p in view.parses(j)[:3])
                    and (s := kin_sex(view.toks[j].text))), kin)
    wanted = {kin, _cue_gender(view, f)} - {None}
    sex = sex_of(view, person)
    return sex is None or not wanted or wanted == {sex}


def _by(step: str, sp: Speaker, words: str | None = None) -> Speaker:
    """Record on the speaker the resolution step that produced it (provenance)."""
    sp.why = (step, words)
    return sp


def _as_holder(step: str, person, mention, phrase: str) -> Speaker:
    """A role phrase resolved to the person who holds it, by `step`: the person's name, the
    phrase as their role."""
    return _by(step, Speaker(person.name, mention, tidy_role(phrase), "person", person.key), person.name)


def _then(step: str, sp: Speaker | None) -> Speaker | None:
    """A step that resolved a stand-in and handed on: its name before the inner step's."""
    if sp is not None:
        inner, words = sp.why or (None, None)
        sp.why = (f"{step} → {inner}" if inner else step, words)
    return sp


def _one_person_noun(view: DocView, ref: Ref) -> bool:
    """The bare generic person noun of one person: "Женщина рассказала", or in an oblique case in
    the singular, "По мнению женщины" (not "женщины сказали": several)."""
    word = view.text[ref.start:ref.end]
    if word.lower() == ref.head:
        return True
    return ref.case not in (None, "nomn") and " " not in word and any(
        p.normal_form == ref.head and p.tag.number == "sing" and ref.case in p.tag for p in parse(word.lower()))


def _introduced_person(view: DocView, ref: Ref) -> Ref | None:
    """"…передал муж Асии Биби. Мужчина рассказал": the person of that gender the sentence
    before introduced, by name or by a title in the nominative."""
    si = view.tok_sent[view.tok_index(ref.start)]
    gender = next((p.tag.gender for p in parse(ref.head) if p.tag.POS == "NOUN"), None)
    if si == 0 or gender is None:
        return None
    rng = view.sent_range(si - 1)
    sex = {"masc": "m", "femn": "f"}.get(gender)
    named = {}  # the persons of that gender the sentence names in any case, by key
    for j in rng:
        e = view.ent_at.get(j)
        person = view.names.person(e) if e is not None and e.type == "PER" else None
        if person is not None and sex is not None and person.gender == sex:
            if can_be_subject(view, j):
                return Ref("entity", e.start, e.end, entity=e)
            named.setdefault(person.key, e)
        noun = noun_parse(view, j, "nomn")
        if e is None and noun is not None and noun.normal_form in lex.role_nouns() and noun.tag.gender == gender \
                and noun.tag.number == "sing":
            _, b = np_bounds(view, j, j, rng.stop - 1)
            return ref_from_np(view, j, b)
    # failing one in the nominative, the one person of that gender the sentence names in any case
    # ("В больницу доставили Марию Иванову. По словам женщины, …")
    if len(named) == 1:
        e = next(iter(named.values()))
        return Ref("entity", e.start, e.end, entity=e)
    return None


def _words_back(view: DocView, i: int, lo: int | None = None) -> Iterator[int]:
    """The words before token i, nearest first and outside quotations, back to token `lo` or, by
    default, to the start of the sentence before i's: where a pronoun's antecedent is looked for."""
    if lo is None:
        lo = view.sent_range(max(0, view.tok_sent[i] - 1)).start
    return (j for j in range(i - 1, lo - 1, -1) if j not in view.quoted and view.is_word(j))


def _document_reading(view: DocView, j: int):
    """Token j's first reading, of its three likeliest, that is a document noun ("план",
    "заявление"); the caller asks it for the number and gender its pronoun wants."""
    return next((p for p in view.parses(j)[:3] if p.tag.POS == "NOUN" and p.normal_form in lex.document_nouns()), None)


def _document_antecedent(view: DocView, ref: Ref) -> Ref | None:
    """A "он"/"она" whose nearest agreeing noun before it, in its sentence or the one before and
    outside quotations, is a document's ("план", "доклад"), with no person anywhere in that
    stretch (a person named there is the likelier antecedent)."""
    if ref.gender not in ("m", "f"):
        return None
    want = {"m": "masc", "f": "femn"}[ref.gender]
    found = None
    for j in _words_back(view, view.tok_index(ref.start)):
        e = view.ent_at.get(j)
        if e is not None:
            if e.type == "PER":
                return None  # a person there ("Петров подписал закон. Он заявил"): the person
            continue
        nouns = [p for p in view.parses(j)[:2] if p.tag.POS == "NOUN"]
        if any("anim" in p.tag and p.tag.number == "sing" or p.normal_form in lex.role_nouns() for p in nouns):
            return None
        doc = _document_reading(view, j) if found is None else None
        if doc is not None and doc.tag.number == "sing" and doc.tag.gender == want:
            found = Ref("document", view.toks[j].start, view.toks[j].end, head=doc.normal_form, case=doc.tag.case)
    return found


DOCUMENT_REACH = 1500  # characters back to a document a repeated noun ("В заявлении …") names again


def _document_named_before(view: DocView, ref: Ref, mention: TextSpan | None) -> Speaker | None:
    """A document phrase ("В заявлении уточняется" after "со ссылкой на заявление профсоюза Forsa")
    or a bare generic one ("Согласно документу, …" after "со ссылкой на письмо главы Евросовета")
    as the speaker: the document named before, with its owner (`_document_referred`); None when
    there is none with an owner."""
    name = _document_referred(view, ref, owned=True)
    if name is None:
        return None
    return _by("document → the document named before, with its owner",
               Speaker(name, mention, None, "document", None), name)


def _document_referred(view: DocView, ref: Ref, owned: bool) -> str | None:
    """The document a mention refers back to, as the article named it: the nearest document noun
    before the mention, outside quotations, in the nominative with its genitive owner ("письмо
    главы Евросовета Шарля Мишеля") or, when it has none, with the organisation or person that is
    its sentence's subject ("заявление Биолек" after "Компания «Биолек» подала заявление"). A
    pronoun ("В нем", gender in `ref.gender`) or a generic noun ("Согласно документу") reaches
    its own sentence and the one before; a repeated noun ("В заявлении уточняется") the same
    noun within DOCUMENT_REACH characters. None when there is none, or (`owned`) it has no owner:
    a noun repeated without one adds nothing to the noun as written."""
    near = ref.head is None or ref.head in lex.generic_document_nouns()
    lo = None if near else view.tok_index(max(0, ref.start - DOCUMENT_REACH))
    number = "plur" if ref.gender == "p" else "sing"
    genders = {"m": ("masc", "neut"), "f": ("femn",)}.get(ref.gender or "")
    for j in _words_back(view, view.tok_index(ref.start), lo):
        p = _document_reading(view, j)
        if p is None or p.tag.number != number or genders is not None and p.tag.gender not in genders:
            continue
        if ref.head is not None and ref.head not in lex.generic_document_nouns() and p.normal_form != ref.head:
            continue
        name, owner = _document_name(view, j, p)
        return name if owner or not owned else None
    return None


def _document_name(view: DocView, j: int, p) -> tuple[str, bool]:
    """The document noun at token j with its genitive owner, in the nominative; failing an owner,
    with its sentence's subject when that is a name ("Компания «Биолек» подала заявление"); and
    whether it has either."""
    _, b = np_bounds(view, j, j, min(len(view.toks) - 1, j + 8))
    name = nominative_phrase(view.text[view.toks[j].start:view.toks[b].end], case=p.tag.case)
    if b > j:
        return name, True
    rng = view.sent_range(view.tok_sent[j])
    verb = next((k for k in range(j - 1, rng.start - 1, -1) if k not in view.quoted
                 and view.parses(k)[0].tag.POS == "VERB"), None)
    subject = search_subject(view, verb, rng.start, relay=False) if verb is not None else None
    e = subject.entity if subject is not None and subject.kind == "entity" else None
    if e is None or e.type not in ("ORG", "PER"):
        return name, False
    if e.type == "PER":  # (a name's genitive is the name index's business: kept as it is)
        return f"{name} {view.names.person(e).name}", True
    owner = view.names.org_name(e)
    return f"{name} {_genitive(owner) or owner}", True


def _genitive(phrase: str) -> str | None:
    """A nominative noun phrase's head (leading adjectives and the first noun) in the genitive:
    "Харьковская компания «Биолек»" -> "Харьковской компании «Биолек»"; None when a word of the
    head has no nominative reading to inflect, or is a name the dictionary does not know
    ("Биолек": a brand keeps its form)."""
    words = phrase.split(" ")
    for n, w in enumerate(words):
        if not morph().word_is_known(w.lower()):
            return None
        p = next((p for p in morph().parse(w) if "nomn" in p.tag and p.tag.POS in ("ADJF", "NOUN")), None)
        g = p.inflect({"gent"}) if p is not None else None
        if g is None:
            return None
        words[n] = w[:1] + g.word[1:] if w[:1].isupper() else g.word
        if p.tag.POS == "NOUN":
            return " ".join(words)
    return None


# a possessive pronoun's gender (lexicons.possessive_pronouns) -> the genders and number of its possessor
POSSESSOR_OF = {"f": ({"femn"}, "sing"), "m": ({"masc", "neut"}, "sing"), "p": (None, "plur")}
POSSESSOR_COMPLEMENT = 4  # words after the possessor's noun that stay with it ("ученые в Бразилии")


def _possessor_named(view: DocView, ref: Ref, phrase: str, number: str | None) -> str:
    """A speaker's phrase with its opening possessive pronoun written as what it refers to, as the
    gold writes such speakers: "…, заявили ее разработчики" after "британская вакцина" ->
    "разработчики британской вакцины"; "По данным их последних исследований" after "ученые в
    Бразилии" -> "последних исследований ученых в Бразилии" (the noun alone where no possessor is
    found). "Асия Биби и ее семья" keeps it: the possessor stands in the phrase."""
    i = view.tok_index(ref.start)
    first = phrase.partition(" ")[0].lower()
    gender = lex.possessive_pronouns().get(first)
    if gender is None or view.lower[i] != first or i + 1 >= len(view.toks) \
            or view.toks[i + 1].start >= ref.end or i > 0 and view.lower[i - 1] in ("и", "или"):
        return phrase
    rest = nominative_phrase(view.text[view.toks[i + 1].start:ref.end], case=ref.case, number=number)
    owner = _possessor(view, i, *POSSESSOR_OF[gender])
    return f"{rest} {owner}" if owner else rest


def _possessor(view: DocView, i: int, genders: set[str] | None, number: str) -> str | None:
    """The noun phrase a possessive pronoun at token i refers to, in the genitive: the nearest noun
    before it in its sentence or the one before, nominative, of the pronoun's gender and number and
    not after a preposition ("ученые в Бразилии": not "Бразилии"), with its adjectives and the
    words that qualify it after; None where there is none, or it is a name (a name's genitive is
    the name index's, not this)."""
    si = view.tok_sent[i]
    lo = view.sent_range(si - 1).start if si > 0 else view.sent_range(si).start
    for j in range(i - 1, lo - 1, -1):
        if not view.is_word(j) or view.lower[j] in PREPOSITIONS or j > 0 and view.lower[j - 1] in PREPOSITIONS \
                or view.parses(j)[0].tag.POS not in ("NOUN", "ADJF"):
            continue  # ("По": a preposition, though "ПО" reads as a noun)
        if not any(p.tag.POS == "NOUN" and "nomn" in p.tag and p.tag.number == number
                   and (genders is None or p.tag.gender in genders) for p in view.parses(j)):
            continue
        if j in view.ent_at:
            return None
        a = j
        while a > lo and view.is_word(a - 1) and view.parses(a - 1)[0].tag.POS in ("ADJF", "PRTF"):
            a -= 1
        written = view.text[view.toks[a].start:view.toks[j].end]
        head = _genitive(written)
        if head is None:
            return None
        if "ё" not in written:
            head = head.replace("ё", "е")  # the article's spelling: "ученых", not "учёных"
        if a == view.sent_range(view.tok_sent[a]).start and a not in view.ent_at:
            head = head[:1].lower() + head[1:]  # "Компания …" opens its sentence: "представители компании"
        # what qualifies it: a name, genitives, or a preposition before a name ("в Бразилии", not
        # "в понедельник")
        b = j + 1 if j + 2 < i and view.lower[j + 1] in PREPOSITIONS and j + 2 in view.ent_at else j
        while b + 1 < i and b - j < POSSESSOR_COMPLEMENT and (b + 1 in view.ent_at or view.is_word(b + 1) and all(
                "gent" in p.tag and p.tag.POS in ("NOUN", "ADJF") for p in view.parses(b + 1))):
            b += 1
        if b > j and view.lower[b] in PREPOSITIONS:
            b -= 1
        return head + view.text[view.toks[j].end:view.toks[b].end]
    return None


def _bare_noun(view: DocView, ref: Ref) -> bool:
    """Is the phrase its head noun alone ("документу", not "документу Минздрава")?"""
    words = [j for j in view.tokens_in(ref.start, ref.end) if view.is_word(j)]
    return len(words) == 1 and (p := noun_parse(view, words[0])) is not None and p.normal_form == ref.head


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
    if subject is not None and subject.kind == "entity" and subject.entity.type == "PER" and ref.gender in ("m", "f") \
            and sex_of(view, view.names.person(subject.entity)) not in (None, ref.gender):
        return None  # "…Асию Биби, приговор которой отменил Верховный суд. По его данным": not her
    if subject is not None and subject.kind in ("np", "entity") and _noun_agrees(view, subject, ref.gender):
        return subject
    return _plural_group(view, rng) if ref.gender == "p" else None


def _neuter_body_before(view: DocView, ref: Ref) -> Ref | None:
    """"…, как передает агентство Associated Press. По его данным, …": "его" is neuter as well as
    masculine, so where no person fits it points back at the last neuter organisation noun of the
    sentence before ("агентство", "издание", "ведомство"), outside quotations."""
    i = view.tok_index(ref.start)
    si = view.tok_sent[i]
    if si == 0 or view.lower[i] != "его":
        return None
    rng = view.sent_range(si - 1)
    for j in _words_back(view, rng.stop, rng.start):
        p = noun_parse(view, j)
        if p is not None and p.tag.gender == "neut" and p.tag.number == "sing" and is_class_noun(class_noun(p.normal_form)):
            e = view.ent_at.get(j + 1)
            if e is not None and e.type == "ORG":
                return Ref("entity", e.start, e.end, entity=e)  # "агентство Associated Press": its name
            return Ref("np", view.toks[j].start, view.toks[j].end, head=class_noun(p.normal_form),
                       case=None if "nomn" in p.tag else p.tag.case)
    return None


def _noun_agrees(view: DocView, subject: Ref, gender: str) -> bool:
    """Does the subject's head noun agree with the pronoun ("Авиакомпания переживает …" is not
    "он")? A present-tense verb shows no gender; the noun does."""
    if subject.kind != "np" or subject.head is None or gender not in ("m", "f"):
        return True
    heads = [p for j in view.tokens_in(subject.start, subject.end) for p in view.parses(j)[:2]
             if p.tag.POS == "NOUN" and p.normal_form == subject.head]
    want = {"m": "masc", "f": "femn"}[gender]
    return not heads or any(p.tag.gender in (want, None) or "ms-f" in p.tag for p in heads) or \
        subject.head in lex.role_nouns()  # "министр" may be a woman


def _plural_group(view: DocView, rng: range) -> Ref | None:
    """"Однако сторонники жесткого Brexit недовольны. Они уверены, что …", "Программа не устроила
    сторонников жесткого подхода. По их мнению, …": the people a plural pronoun points back at,
    the plural animate noun of the sentence before (its nominative one first), outside quotations."""
    found = []
    for j in rng:
        if j in view.quoted or j in view.ent_at or not view.is_word(j) or view.toks[j].text[:1].isupper() and j > rng.start:
            continue
        nouns = [p for p in view.parses(j)[:3] if p.tag.POS == "NOUN"]
        if not nouns or any(p.tag.number != "plur" for p in nouns):
            continue  # "христианки": a plural only if no singular reading ("для христианки Асии Биби")
        p = nouns[0]
        if "anim" in p.tag and "Name" not in p.tag and "Surn" not in p.tag:
            found.append((0 if any("nomn" in q.tag for q in nouns) else 1, j, "nomn" if any("nomn" in q.tag for q in nouns) else p.tag.case))
    if not found:
        return None
    _, j, case = min(found)
    b = j
    # (the genitives of a subject or of a genitive: "мусульманкам воды" is the object's)
    while case in ("nomn", "gent") and b + 1 < rng.stop:
        if view.lower[b + 1] == "по" and b + 3 < rng.stop and view.parses(b)[0].tag.POS == "ADJF" \
                and any(p.tag.POS == "NOUN" and "datv" in p.tag for p in view.parses(b + 2)[:2]):
            b += 2  # an adjective's own measure: "Жители второго по величине ливанского города Триполи"
            continue
        if not (view.is_word(b + 1) and "\n" not in view.text[view.toks[b].end:view.toks[b + 1].start] and (
                b + 1 in view.ent_at or view.lower[b + 1] in ("более", "менее") or view.parses(b + 1)[0].tag.POS is None
                or any(p.tag.POS in ("NOUN", "ADJF", "PRTF") and "gent" in p.tag for p in view.parses(b + 1)[:2]))):
            break
        b += 1  # the group's genitives: "сторонников более жесткого подхода"
    ref = ref_from_np(view, j, b, case=None if case == "nomn" else case)
    if ref.kind != "np":
        return None
    ref.case = None if case == "nomn" else case
    ref.via = PLURAL_GROUP
    return ref


PLURAL_GROUP = "the plural animate noun of the sentence before"


def _head_number(view: DocView, ref: Ref) -> str | None:
    """"По утверждению представителей Роскосмоса": a head plural in its case is a group."""
    if ref.case is None:
        return None
    for j in view.tokens_in(ref.start, ref.end):
        ps = [p for p in view.parses(j) if p.tag.POS == "NOUN" and p.normal_form == ref.head and ref.case in p.tag]
        if ps:
            return "plur" if all(p.tag.number == "plur" for p in ps) else None
    return None


ORG_WINDOW = 1500  # characters before a bare "Компания" in which its organisation is looked for


def _nearest_org(view: DocView, offset: int, noun: str, parts: Participants) -> Entity | None:
    """The organisation a bare "Компания" designates: of those named in the ORG_WINDOW characters before it
    whose classes the noun may designate, the one the article names most often (its subject),
    the nearest among equals."""
    orgs = view.orgs_by_text
    near = view.orgs[bisect_left(view.org_starts, offset - ORG_WINDOW):bisect_left(view.org_starts, offset)]
    # an outlet relaying the news is not "Компания" (a media noun finds it through its class),
    # and "перевозчик" is not the union the article introduced as "профсоюз Verdi"
    near = [e for e in near if e.text not in lex.media_names()
            and ((org := parts.org_named(e.text)) is None or may_designate(noun, org.classes))]
    # how often the article has named each of them so far: a bisect in that name's starts
    return max(reversed(near), key=lambda e: bisect_left(orgs[e.text], offset), default=None)


def _owner_words(view: DocView, ref: Ref) -> tuple[int, int] | None:
    """The first and last token of what names a document's owner: the genitive after the document
    noun ("сообщении пресс-службы Минобороны"), or the site that published it ("заявлении на сайте
    Кремля"); None when nothing follows the noun."""
    toks = view.tokens_in(ref.start, ref.end)
    nouns = [j for j in toks if view.is_word(j) and (p := noun_parse(view, j)) is not None
             and p.normal_form in lex.document_nouns()]
    if not nouns:
        return None
    first, last = nouns[0] + 1, toks[-1] if toks else nouns[0]
    if first > last:  # nothing after the noun: a site may follow ("на сайте Кремля")
        j = last + 1
        # (not past a paragraph's end: "говорится в заявлении на сайте\n\nСообщение об …" lost its link)
        if j + 2 < len(view.toks) and view.lower[j] == "на" and (p := noun_parse(view, j + 1)) is not None \
                and p.normal_form in lex.site_nouns() and "\n" not in view.text[view.toks[j + 1].end:view.toks[j + 2].start]:
            first, last = np_bounds(view, j + 2, j + 2, min(len(view.toks) - 1, j + 8))
            if first != j + 2:
                return None
        else:
            return None
    return first, last


def _name_in_apposition(view: DocView, ref: Ref) -> str | None:
    """The name in quotation marks a phrase's class noun stands in apposition to ("партии «Новые
    горизонты»", "компании «Волжский терминал»"), written in the nominative as an apposition is; not a
    declined one, which is a genitive of its own ("пресс-службы «Аэрофлота»")."""
    if not is_class_noun(ref.head):
        return None
    for k in view.tokens_in(ref.start, ref.end):
        c = view.pair_by_open.get(view.toks[k].start)
        if c is None or c >= ref.end or k == 0 or not view.is_word(k - 1) or \
                parse(view.lower[k - 1])[0].normal_form != ref.head or not name_quote(view, view.toks[k].start, c):
            continue
        inner = view.text[view.toks[k].start + 1:c]
        first = inner.split()[0]
        if any(p.tag.case == "nomn" for p in parse(first.lower())) or not re.search("[а-яё]", first.lower()):
            return inner
    return None


def _owned_site(view: DocView, ref: Ref) -> bool:
    """Is the phrase a site, a portal or a page followed by its owner ("официальном сайте
    перевозчика", "странице министерства")?"""
    if ref.head not in lex.site_nouns():
        return False
    last = view.tok_index(ref.end - 1)
    p = noun_parse(view, last) if view.is_word(last) else None
    return p is not None and p.normal_form != ref.head


def _participle_after_head(view: DocView, ref: Ref) -> str | None:
    """A document whose participle clause stands before its noun, in the locative ("в
    полученном РИА Новости документе", "В размещенном на официальной странице авиакомпании
    оповещении"), named as one writes it in the nominative: the noun, then its clause ("документ,
    полученный РИА Новости"), so that the publisher it names reads as the document's own and no
    word is left in the locative."""
    a, b = view.tok_index(ref.start), view.tok_index(ref.end - 1)
    head = noun_parse(view, b, "loct")
    if head is None or head.normal_form not in lex.document_nouns() or b - a < 1:
        return None
    def participle(k: int):
        return next((q for q in view.parses(k)[:3] if q.tag.POS == "PRTF" and q.tag.case == "loct"
                     and q.tag.number == head.tag.number and (q.tag.number == "plur" or q.tag.gender == head.tag.gender)), None)
    # the participle right after the phrase's "в"/"на", the mention's first word or before it (the
    # mention starts at the clause's own locative: "размещенном на официальной странице …")
    first, p = None, None
    for k in range(a, max(0, a - 8) - 1, -1):
        if not view.is_word(k):
            break
        if k >= 1 and view.lower[k - 1] in ("в", "во", "на") and participle(k) is not None:
            first, p = k, participle(k)
            break
    if p is None or b - first < 2:
        return None  # "в опубликованном документе": a participle alone reads as an adjective
    grammemes = {"nomn", head.tag.number} | ({head.tag.gender} if head.tag.number == "sing" else set())
    noun, verb = head.inflect({"nomn", head.tag.number}), p.inflect(grammemes)
    if noun is None or verb is None:
        return None
    clause = view.text[view.toks[first + 1].start:view.toks[b - 1].end]
    spelt = (lambda w, k: w.replace("ё", "е") if "ё" not in view.lower[k] else w)  # the writer's е for ё
    return f"{spelt(noun.word, b)}, {spelt(verb.word, first)} {clause}"


def _document_owner(view: DocView, ref: Ref) -> str | None:
    """The organisation whose document a document phrase names, in the nominative: the genitive
    after the document noun ("сообщении пресс-службы Минобороны" -> пресс-служба Минобороны), or
    the site that published it ("заявлении на сайте Кремля" -> Кремль). None when the phrase names
    no one, or names them by a bare common noun ("на сайте ведомства": `_document_class_org`)."""
    span = _owner_words(view, ref)
    if span is None:
        return None
    first, last = span
    if not view.is_word(first) or first in view.ent_at and view.ent_at[first].type == "PER":
        return None
    p = noun_parse(view, first)
    named = first in view.ent_at or view.toks[first].text[:1].isupper()
    institution = p is not None and p.normal_form.rsplit("-", 1)[-1] in lex.org_nouns()
    if not named and not (institution and any(j in view.ent_at or view.toks[j].text[:1].isupper()
                                              for j in range(first + 1, last + 1))):
        return None
    written = view.text[view.toks[first].start:view.toks[last].end]
    # "в заявлении Даунинг-стрит": an indeclinable seat's name as the list writes it
    return seat_name(written) or nominative_phrase(written, case="gent")


def _document_class_org(view: DocView, ref: Ref, parts: Participants) -> tuple[str, str] | None:
    """A document named by its owner's bare class noun ("в оповещении компании", "в сообщении на
    сайте авиакомпании") after the article named the organisation with a class it fits
    ("лоукостер Ryanair"): the document's phrase as written, in the nominative, and the
    organisation's name; None otherwise."""
    span = _owner_words(view, ref)
    if span is None or span[0] != span[1]:
        return None
    first = span[0]
    p = noun_parse(view, first)
    if not view.is_word(first) or first in view.ent_at or view.toks[first].text[:1].isupper() or p is None:
        return None
    org = parts.org_by_class(p.normal_form, ref.start)
    if org is None:
        return None
    name = _org_name(view, org)
    written = view.text[ref.start:view.toks[first].end]
    return nominative_phrase(written, case=ref.case), name


def _without_demonstrative(view: DocView, ref: Ref) -> str:
    """The phrase without a pointing word before it: "этом контракте" names the contract."""
    toks = [j for j in view.tokens_in(ref.start, ref.end)]
    start = ref.start
    for j in toks[:-1]:
        if view.is_word(j) and any("Apro" in p.tag for p in view.parses(j)[:3]):
            start = view.toks[j + 1].start
        else:
            break
    return view.text[start:ref.end]


def _countries_before_head(view: DocView, ref: Ref) -> frozenset[str]:
    """The countries the adjectives of a phrase name before its head noun ("британское издание")."""
    out = set()
    for j in view.tokens_in(ref.start, ref.end):
        if not view.is_word(j) or view.parses(j)[0].tag.POS not in ("ADJF", "PRTF"):
            break
        c = country_of(view.toks[j].text)
        if c is not None:
            out.add(c)
    return frozenset(out)


def _org_name(view: DocView, org) -> str:
    """An organisation participant's name in the nominative, without the abbreviation glossed
    after it ("Институт имени Роберта Коха (RKI)")."""
    return re.sub(r"\s*\([^()]*\)$", "", view.names.org_name(org.mentions[0]))


def _country_named(view: DocView, ref: Ref, phrase: str) -> str:
    """"правительство страны" -> "правительство Пакистана": "страны" after the head stands for the
    country last named (or its adjective) before the mention (outside quotations, within 1500 characters), as the
    gold writes such speakers; the phrase unchanged when there is none."""
    words = phrase.split()
    if "страны" not in words[1:]:
        return phrase
    lo = view.tok_index(max(0, ref.start - 1500))
    for j in range(view.tok_index(ref.start) - 1, lo - 1, -1):
        e = view.ent_at.get(j)
        if j in view.quoted or e is not None and e.type != "LOC":
            continue
        # a place the NER tagged, or a country's adjective ("Канада обращалась к пакистанским
        # властям. В ответ правительство страны …": Pakistan's)
        word = view.toks[j].text
        country = country_of(e.text) if e is not None else country_of(word) if word.islower() else None
        if country is None:
            continue  # a city or a region: the country may be named before it
        if " " in country:
            return phrase  # "Соединенное Королевство": the last country, but no one-word genitive
        p = next((p for p in morph().parse(country) if "Geox" in p.tag), None)
        gent = p.inflect({"gent"}) if p is not None and not country.isupper() else None
        if gent is None and not country.isupper():
            return phrase
        name = country if gent is None else gent.word[:1].upper() + gent.word[1:]
        return " ".join(name if w == "страны" and k > 0 else w for k, w in enumerate(words))
    return phrase


def _names_thing(view: DocView, ref: Ref) -> bool:
    """The phrase's head, its first noun in the phrase's case, is an inanimate noun that is no
    title ("канцелярия", "офис", "пресс-служба"); not a genitive the mention search took in
    before the subject ("соглашения министр торговли Китая")."""
    if not ref.head or ref.head in lex.role_nouns():
        return False
    case = ref.case or "nomn"
    first = next((j for j in view.tokens_in(ref.start, ref.end) if view.is_word(j)), None)
    if first is None:
        return False
    ps = [p for p in view.parses(first) if p.normal_form == ref.head and p.tag.POS == "NOUN"]
    if not (any(case in p.tag for p in ps) and all("inan" in p.tag for p in ps)):
        return False
    # the title after it is its genitive ("премьер-министра"), not a subject of its own; an
    # animate title's accusative is its genitive too ("со ссылкой на канцелярию премьер-министра")
    title = next((j for j in view.tokens_in(ref.start, ref.end) if j > first and view.is_word(j)
                  and any(p.normal_form in lex.role_nouns() for p in view.parses(j)[:1])), None)
    if title is None:
        return True
    nouns = [p for p in view.parses(title) if p.tag.POS == "NOUN"]
    return not any(case in p.tag for p in nouns) or case == "accs" and any("gent" in p.tag for p in nouns)


def _np_kind(ref: Ref) -> str:
    # a study, a poll or their results speak as a document ("Опрос показал, что …": the gold's kind)
    if ref.head in lex.document_nouns() or ref.head in lex.finding_sources():
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


def _title_fits(view: DocView, ref: Ref, person, parts: Participants) -> bool:
    """Can a title phrase designate this person, as far as the article tells: a country it names
    ("бывшего премьер-министра Бельгии") is one of theirs, and a title with a complement of its
    own ("директора этого центра") has the head of one of the roles the article gave them. A
    bare title ("Министр", "ученый") or a head of state's noun ("глава", "лидер") fits anyone."""
    words = [j for j in view.tokens_in(ref.start, ref.end) if view.is_word(j)]
    countries = parts.countries(person)
    named = {c for c in (place_of(view, j) for j in words) if c}
    if named and countries and not named & countries:
        return False
    head = next((j for j in words if noun_parse(view, j) is not None and noun_parse(view, j).normal_form == ref.head), None)
    if head is None or ref.head in lex.leader_nouns():
        return True
    complement = [j for j in words if j > head and place_of(view, j) is None]
    key = role_key(view.toks[head].text)
    roles = parts.role_keys(person)
    return not complement or not roles or key is None or key[0] in roles


def _head_noun(view: DocView, ref: Ref, words=None):
    """The parse of the mention's head noun (None if none): its number tells a person from a
    group. Any parse with the head's lemma, not only a token's first ("По мнению политика",
    where the first parse is "политика", politics). `words`: the mention's tokens, if at hand."""
    return next((p for j in (view.tokens_in(ref.start, ref.end) if words is None else words)
                 for p in view.parses(j) if p.tag.POS == "NOUN" and p.normal_form == ref.head), None)


def _last_speaker(view: DocView, f: Found, history: list[Found], ref: Ref, parts: Participants):
    if ref.head in lex.occupation_nouns():
        # "медработник в Саратовской области" after someone's words in the paragraph before is as
        # likely someone new: an occupation is the one just quoted only as `_speaker_just_before` says
        return None
    words = view.tokens_in(ref.start, ref.end)
    if any(view.ent_at.get(j) is not None and view.ent_at[j].type == "PER" for j in words):
        return None
    head = _head_noun(view, ref, words)
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
        if person is not None and (gender is None or person.gender in (None, gender)) \
                and _title_fits(view, ref, person, parts) \
                and (not _bare_person_noun(view, ref) or _focus_reaches(view, h, min(f.start, ref.start), ref, parts)):
            # a title with its complement ("глава Минсвязи") names one holder however far back; a bare
            # profession ("Врач") past a line of narrative is as likely someone new
            return person
        return None
    return None


JUST_BEFORE = 400  # characters between the last quotation and a bare person noun's


def _bare_person_noun(view: DocView, ref: Ref) -> bool:
    """A singular animate noun with nothing but adjectives before it ("маэстро", "еврочиновник",
    "адвокат", "бывший дипломат"), not a kinship or generic person noun (those name someone of
    their own: "Соседка указала", "Мужчина рассказал")."""
    words = [j for j in view.tokens_in(ref.start, ref.end) if view.is_word(j)]
    if not words or ref.head is None or ref.head in lex.kin_nouns() or ref.head in lex.generic_person_nouns():
        return False
    # (the head's reading with the mention's lemma: "политика" reads first as politics)
    head = _head_noun(view, ref, words[-1:])
    return head is not None and "anim" in head.tag and head.tag.number == "sing" \
        and all(view.parses(j)[0].tag.POS in ("ADJF", "PRTF") for j in words[:-1])


def _speaker_just_before(view: DocView, f: Found, history: list[Found], ref: Ref, parts: Participants):
    """The person quoted last, if that quotation ended just before (in the paragraph at most
    JUST_BEFORE characters back, or as `_focus_reaches` says across a paragraph break) and the
    cue's gender and the noun fit them."""
    last = history[-1] if history else None
    at = min(f.start, ref.start)
    if last is None or last.speaker is None or last.speaker.kind != "person" or at < last.end:
        return None
    person = view.names.by_key(last.speaker.key)
    if person is None:
        return None
    if "\n" not in view.text[last.end:at]:
        if at - last.end > JUST_BEFORE:
            return None
    elif not parts.role_keys(person) or not _focus_reaches(view, last, at, ref, parts):
        # across a paragraph, a profession the article never gave the one just quoted is someone new:
        # a report of short interviews ("— признается Мария Волошина. ¶ — Достаю сразу три коробочки, –
        # говорит медработник"), not "— объясняет профессор Карпова. ¶ …, отмечает вирусолог"
        return None
    gender = _cue_gender(view, f)
    noun = role_key(view.toks[view.tok_index(ref.end - 1)].text)
    if gender is not None and person.gender not in (None, gender) \
            or noun is not None and noun[1] == "f" and person.gender == "m" \
            or not _sex_fits(view, f, ref, person) or not _title_fits(view, ref, person, parts):
        return None  # "собеседница" is no man
    return person


UNNAMED_REACH = 1500  # characters back from a bare person noun to the unnamed participant it stands for


def _unnamed_quoted_before(view: DocView, f: Found, history: list[Found], ref: Ref, parts: Participants):
    """The speaker of one of the last three quotations that is an unnamed participant a bare person
    noun (adjectives at most before it) may stand for (`participants.stands_for`), quoted within
    UNNAMED_REACH characters with no person named since; None where none fits. A kinship or
    generic noun of the same head is someone new ("Мужчина рассказал" after another man's words)."""
    words = [j for j in view.tokens_in(ref.start, ref.end) if view.is_word(j)]
    if not words or ref.head is None or ref.head in lex.kin_nouns() \
            or ref.head in lex.generic_person_nouns() and ref.head not in lex.unnamed_person_antecedents():
        return None
    head = _head_noun(view, ref, words[-1:])
    if head is None or "anim" not in head.tag \
            or not all(view.parses(j)[0].tag.POS in ("ADJF", "PRTF") for j in words[:-1]):
        return None
    at, gender = min(f.start, ref.start), _cue_gender(view, f)
    for h in reversed(history[-3:]):
        sp, end = h.speaker, _words_end(h)
        if end > at:
            continue
        if at - end > UNNAMED_REACH or parts.persons_named(end, ref.start):
            return None
        unnamed = unnamed_participant(sp.name, _cue_gender(view, h)) \
            if sp is not None and sp.kind == "anonymous" and sp.name else None
        if unnamed is not None and stands_for(ref.head, head.tag.number, gender, unnamed):
            return sp
    return None


def _words_end(f: Found) -> int:
    """Where a quotation's words end: its cue and mention may follow its content."""
    return max(f.end, f.cue[1] if f.cue else 0, f.ref.end if f.ref is not None else 0)


def _focus_reaches(view: DocView, last: Found, at: int, ref: Ref, parts: Participants) -> bool:
    """Does a role noun at `at` still designate the speaker of `last`, the quotation before it: in
    the same paragraph, or, across a paragraph break, in the sentence right after that quotation's
    words, nobody else named between ("…», — продолжила Захарова. ¶ «…», — резюмировала дипломат")?
    A line of narrative between makes a bare noun someone new ("…», – говорит Оксана Чигринева,
    медсестра … ¶ Теперь … выстраиваются солдаты … Врач на всякий случай спросит")."""
    if "\n" not in view.text[last.end:at]:
        return True
    end = _words_end(last)
    key = last.speaker.key if last.speaker is not None else None
    return end <= at and view.tok_sent[view.tok_index(at)] - view.tok_sent[view.tok_index(end - 1)] <= 1 \
        and view.text[end:at].count("\n\n") <= 1 \
        and all(p.key == key for p in parts.persons_named(last.end, ref.start))


def _introduced_since(view: DocView, f: Found, history: list[Found], ref: Ref, parts: Participants):
    """The person last named in the nominative between the last quotation and a bare title
    (outside quotations; "В интервью ведущей Опре Уинфри … первая леди заявила" is not Уинфри),
    of the cue's gender, whom the title fits: as for a pronoun, someone introduced since is more
    salient than the last speaker. Recency, not how often the article names them: "Д.Дэвис подал
    в отставку. «…», — написал министр" is Дэвис, however often Рааб was named before."""
    last = history[-1] if history else None
    if last is None or _words_end(last) >= ref.start or ref.start - last.end > 1500:
        return None
    words = view.tokens_in(ref.start, ref.end)
    head = _head_noun(view, ref, words)
    if head is None or head.tag.number != "sing" \
            or any(view.ent_at.get(j) is not None and view.ent_at[j].type == "PER" for j in words):
        return None
    # (the last quotation's own cue and mention are its speaker's, not someone introduced since)
    person = parts.nearest_person(_cue_gender(view, f), ref.start, window=ref.start - _words_end(last), subjects_only=True)
    if person is None or not _sex_fits(view, f, ref, person) or not _title_fits(view, ref, person, parts):
        return None
    return person


def _person_just_named(view: DocView, f: Found, ref: Ref, parts: Participants):
    """"Джонсон решил, что … . В частности, дипломат подчеркнул": a title that no holder in the
    article and no quoted person claims designates the most salient person of the gender a
    past-tense cue tells, named in its own sentence or the one before (outside the quotation), as
    a pronoun would (with no verb to tell the gender, a bare title the only person named there as
    a subject, in its paragraph, of the noun's own gender if it has one); further back a bare title
    is as likely someone new. A qualified title too, of someone named as a subject ("Беньямин
    Нетаньяху отказался … . Премьер-министр Израиля заявил"): a country it names must be the
    person's where the article gives them one (`_title_fits`)."""
    gender = _cue_gender(view, f)
    head = _head_noun(view, ref)
    if head is None or head.tag.number != "sing":
        return None
    si = view.tok_sent[view.tok_index(ref.start)]
    rng = view.sent_range(max(0, si - 1))
    if not rng:
        return None
    first = view.toks[rng.start].start
    before = min(f.start, ref.start)  # (not a name inside the quotation's own words)
    if gender is None and (not _bare_person_noun(view, ref) or "\n" in view.text[first:ref.start]
                           or len({p.key for p in parts.persons_named(first, before)}) != 1):
        # "По словам премьера" after Мэй and Джонсон: no verb tells which; a bare title after one
        # person alone in its paragraph ("Хван Чжан Еп рассказал … . По словам 87-летнего политика"),
        # that one; not a title with a complement ("в микроблоге премьер-министра Великобритании"
        # after Рааб's appointment is someone else's)
        return None
    told = gender is not None
    if not told:
        noun = role_key(view.toks[view.tok_index(ref.end - 1)].text)
        gender = noun[1] if noun is not None and noun[1] == "f" else None  # "медсестра" is no man
    person = view.names.nearest_person(ref.start, gender, window=ref.start - first + 1, skip=(f.start, f.end))
    if not told and person is not None \
            and parts.nearest_person(gender, before, window=before - first + 1, subjects_only=True) is not person:
        return None  # with no gender, only one named as a subject: "назначение Доминика Рааба" is not what speaks
    if person is not None and len([j for j in view.tokens_in(ref.start, ref.end) if view.is_word(j)]) > 1:
        # a qualified title is the last one named as a subject, every word of the name nominative
        # ("В интервью ведущей Опре Уинфри первая леди заявила" is not the one spoken to), and not
        # one whose own title of that head the qualifier left out ("Президент США Барак Обама
        # встретился с Трампом. Избранный президент …" is not Обама)
        title = canonical_role(view.text[ref.start:ref.end])[:1]
        if parts.nearest_person(gender, ref.start, window=ref.start - first + 1, subjects_only=True) is not person \
                or any(canonical_role(r)[:1] == title for r in person.roles):
            return None
    if person is None or not _sex_fits(view, f, ref, person) or not _title_fits(view, ref, person, parts):
        return None
    roles = parts.role_keys(person)
    if roles and ref.head not in roles and not any(r.rsplit("-", 1)[-1] in lex.role_nouns() for r in roles):
        # one introduced only as a passenger or a patient ("Пассажир Иван Петров") is no "пилот";
        # "экс-председатель" is a title
        return None
    return person


def _antecedent(view: DocView, f: Found, history: list[Found], ref: Ref, quoted: frozenset[int]):
    """The person a singular pronoun designates: someone named as a subject since the last
    quotation, else a recent quotation's speaker of that gender, else the most salient person —
    never one named only inside a quotation (`quoted`: those mentions' offsets)."""
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
                                      skip=(f.start, f.end), subjects_only=True, hidden=quoted)
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
    return names.nearest_person(ref.start, gender, exclude=asker, skip=(f.start, f.end), hidden=quoted)


def _subject_before(view: DocView, ref: Ref):
    """The person who is the subject of the sentence before a pronoun that opens its own
    ("Он объяснил"), or that owns the source phrase of a sentence with no verb or person before
    it ("А это, по его словам, будет …"), found before or after that sentence's first finite
    verb ("ушел Дэвис"); None when that subject is no named person."""
    i = view.tok_index(ref.start)
    si = view.tok_sent[i]
    if si == 0:
        return None
    case = lex.pronouns().get(view.lower[i], (None, None))[1]
    before = [k for k in range(view.sent_range(si).start, i) if view.is_word(k)]
    if case == "nomn":
        if any(view.lower[k] not in ("но", "а", "и", "однако", "затем", "также", "позже") for k in before):
            return None
    elif case != "gent" or not before or view.lower[before[-1]] != "по" or \
            any(k in view.ent_at or view.parses(k)[0].tag.POS in ("VERB", "NOUN") for k in before):
        return None  # a verb or a noun before "по его словам" is a clause with its own subject
    rng = view.sent_range(si - 1)
    # the author's own framing verb ("Отметим, что тот же Дэвис покинул свой пост"): the sentence
    # is about the subject of the clause it frames
    verb = next((k for k in rng if k not in view.quoted and view.parses(k)[0].tag.POS == "VERB"
                 and "1per" not in view.parses(k)[0].tag), None)
    if verb is None:
        return None
    subject = search_subject(view, verb, rng.start) or search_inverted(view, verb, rng.stop - 1)
    if subject is not None and subject.kind == "np":
        # a role phrase that ends in the name: "работник экспедиторской фирмы Давид Мирианашвали"
        last = max((k for k in view.tokens_in(subject.start, subject.end) if view.is_word(k)), default=None)
        named = view.ent_at.get(last) if last is not None else None
        return view.names.person(named) if named is not None and named.type == "PER" and named.end == subject.end \
            else None
    if subject is None or subject.kind != "entity" or subject.entity.type != "PER":
        return None
    return view.names.person(subject.entity)


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
        provenance=_provenance(view, f),
    )


def _provenance(view: DocView, f: Found) -> Provenance:
    text = view.text
    ref = f.ref
    sieve = f.sieve or "unknown"
    if ref is not None and ref.via:
        sieve += f" / {ref.via}"
    words = [text[f.cue[0]:f.cue[1]]] if f.cue else []
    if ref is not None and ref.end > ref.start:
        words.append(text[ref.start:ref.end])
    why = f.speaker.why if f.speaker is not None else None
    return Provenance(sieve, " … ".join(words) or None, why[0] if why else None, why[1] if why else None)


def _participant_by_role(view: DocView, f: Found, history: list[Found], parts: Participants, ref: Ref,
                         mention: TextSpan | None, phrase: str) -> Speaker | None:
    """A person noun with no named holder of that title: "собеседница" is the one just quoted
    or introduced; "заведующая поликлиникой" the participant the article introduced with that
    role noun, of that gender."""
    span = view.tokens_in(ref.start, ref.end)
    words = [j for j in span if view.is_word(j) and j not in view.ent_at]
    key = next((k for k in (role_key(view.toks[j].text) for j in words[:3]) if k is not None), None)
    if key is None:
        return None
    noun, gender = key
    country = next((c for c in (country_of(view.toks[j].text) for j in span) if c), None)
    if country is not None:
        # "китайский лидер": the participant whose role names China, not the American just named
        person = parts.person_by_country(country, noun, _cue_gender(view, f) or gender, ref.start)
        if person is not None:
            return _as_holder("title with a country → the participant of that country", person, mention, phrase)
    if noun in lex.role_nouns():
        return None  # a title of the lexicon: `NameIndex.by_role` and the last speaker decide (qualifiers and all)
    gender = _cue_gender(view, f) or gender
    if noun in lex.interlocutor_nouns():
        person = next((view.names.by_key(h.speaker.key) for h in reversed(history[-3:])
                       if h.speaker is not None and h.speaker.kind == "person" and f.start - h.end < 1500
                       and (p := view.names.by_key(h.speaker.key)) is not None
                       and (gender is None or p.gender in (None, gender))),
                      None) or parts.nearest_person(gender, ref.start)
        if person is not None:
            return _by("interlocutor noun → the person just quoted or introduced",
                       Speaker(person.name, mention, person.role, "person", person.key), person.name)
        return None
    person = parts.person_by_role(noun, gender, ref.start)
    if person is not None:
        return _as_holder("role noun → the participant introduced with it", person, mention, phrase)
    return None
