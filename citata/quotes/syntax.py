"""Sieve: the speaker's mention from the dependency parse, for the quotations whose cue the
constructions left without one. natasha's NewsSyntaxParser runs only on those sentences,
all of a document's at once: the subject (nsubj) of the speech verb with its flat:name and
appos parts, climbing advcl / conj / xcomp to the governing verb's subject; never an
object, a dative or an oblique (where outlets and addressees stand), never a word inside
the quotation."""
from __future__ import annotations

import re
from bisect import bisect_left

from .. import lexicons as lex
from ..nlp import Entity
from .mentions import can_speak, cited_source, noun_parse, ref_from_np, words_owner
from .view import SHARED_SUBJECT, DocView, Found, Ref

SUBJECTS = ("nsubj", "nsubj:pass")
CLIMB = ("advcl", "conj", "xcomp")  # a cue hanging on another verb shares that verb's subject
NOUN_PHRASE = ("flat:name", "flat", "flat:foreign", "appos", "amod", "nmod", "det", "nummod", "nummod:entity", "case", "punct")


def fill_mentions(view: DocView, found: list[Found]) -> None:
    """Give a mention to every quotation whose cue has none, from the parse of the cue's sentence;
    and a name to one whose mention is a bare title that the parse shows in apposition to a name
    ("— комментирует украинский инфекционист, бывший эксперт ГЭЦ Федор Лапий")."""
    todo = [f for f in found if f.cue is not None and f.cue_cls not in ("impersonal", "continuation", "cite")
            and (f.ref is None or f.ref.kind == "np" and _comma_after(view, f.ref) or _clause_before(view, f)
                 or _complement_name(view, f))]
    if not todo:
        return
    for f, found_ref in zip(todo, cue_subjects(view, todo)):
        if found_ref is None:
            continue
        ref, start, end = found_ref
        if f.ref is not None and f.ref.via == "subject" and not (f.ref.start < end and start < f.ref.end):
            # "Болтон, уточняет газета, сказал", "Туск отреагировал на отставки, которые произошли …
            # и выразил сожаление", "Малук сообщил AFP, что его клиентка …, добавив": the phrase
            # the search took before the cue belongs to a clause of its own; the parse's subject
            # speaks, if it is a name
            si = view.tok_sent[view.tok_index(f.cue[0])]
            if f.sieve.endswith(SHARED_SUBJECT):
                # "Sky News проинформировал, что дипломат назвал план … и сказал, что …": the second
                # predicate of a report inside the что-clause shares that report's subject, which
                # the constructions took; the parse's conj to the outer verb would hand it the outlet
                continue
            if ref.kind == "entity" and ref.entity.type in ("PER", "ORG") and not _person(f.ref) \
                    and _clause_between(view, f.ref.end, f.cue[0]) \
                    and _subordinate(view, view.trees([si])[si], view.sent_range(si).start, f.ref):
                ref.via = "syntax: the subject of the cue past another clause"
                f.ref = ref
        elif f.ref is not None and _complement_name(view, f) and start < f.ref.start and f.ref.end <= end \
                and not (ref.kind == "entity" and ref.entity.start == f.ref.entity.start):
            # "Руководитель по маркетингу компании Ryanair Кенни Якобс назвал", "офис премьер-министра
            # Соединенного Королевства … объявил": the name the search took is a complement inside
            # the subject's phrase; the phrase (or the person it names) speaks
            ref.via = "syntax: the subject phrase around the name"
            f.ref = ref
        elif f.ref is None:
            # "Об этом сообщает в понедельник Reuters, ссылаясь на офис главы кабмина": the
            # outlet's source speaks
            last = view.sent_range(view.tok_sent[view.tok_index(f.cue[0])]).stop - 1
            ref = cited_source(view, view.tok_index(ref.end - 1) + 1, last) or ref
            ref.via = ref.via or "syntax: subject of the cue"
            f.ref = ref
        elif f.ref.kind == "np" and _comma_after(view, f.ref) and _person(ref) and start <= f.ref.start < end \
                and not _predicate_between(view, f.ref.end, ref.start):
            ref.via = "syntax: the name in apposition to the subject"
            f.ref = ref


LOCATIVE_PREPS = ("в", "во", "на")


def fill_document_locatives(view: DocView, found: list[Found]) -> None:
    """Give a document for its mention to a quotation whose impersonal or subjectless plural cue
    governs, in the parse, a locative headed by a document or site noun, or by a noun with such a
    noun for its genitive: "В части документа, касающейся Южного Кавказа и Центральной Азии,
    подчеркивается", "На официальном портале московского правительства mos.ru также отмечается",
    "В официальном заявлении напоминают". The constructions look for the locative in a window of
    words next to the cue (`mentions.search_document`); the parse finds it wherever it stands in the
    clause. A cue with a subject in the parse is left to it."""
    todo = [f for f in found if f.cue is not None and (
        f.cue_cls == "impersonal" and (f.ref is None or f.ref.kind == "none" and f.ref.via is None)
        or f.ref is None and view.parses(view.tok_index(f.cue[0]))[0].tag.number == "plur")]
    if not todo:
        return
    parsed = view.trees(sorted({view.tok_sent[view.tok_index(f.cue[0])] for f in todo}))
    for f in todo:
        cue = view.tok_index(f.cue[0])
        si = view.tok_sent[cue]
        tree, first = parsed[si], view.sent_range(si).start
        if any(head == cue and rel in SUBJECTS for head, rel in tree):
            continue
        for k, (head, rel) in enumerate(tree):
            if head != cue or rel != "obl":
                continue
            obl = first + k
            if not any(h == obl and r == "case" and view.lower[first + m] in LOCATIVE_PREPS
                       for m, (h, r) in enumerate(tree)):
                continue
            doc = _document_noun(view, tree, first, obl)
            if doc is None:
                continue
            j, noun = doc
            found_ref = _mention(view, tree, first, j, f)
            if found_ref is None:
                continue
            _, start, end = found_ref
            if view.text[start:end].split(" ", 1)[0].lower() in LOCATIVE_PREPS:
                start = view.toks[view.tok_index(start) + 1].start
            f.ref = Ref("document", start, end, head=noun, case="loct" if j == obl else "gent",
                        via="syntax: the document the cue's locative names")
            break


def _document_noun(view: DocView, tree: list[tuple[int, str]], first: int, obl: int) -> tuple[int, str] | None:
    """The document or site noun heading the locative, or the locative's genitive that is one ("в
    части документа": the document), with its token."""
    # (the locative in its case: "В ответ на запрос … отмечается" opens with a compound preposition)
    if noun_parse(view, obl, "loct") is None:
        return None
    for j in [obl] + [first + k for k, (h, rel) in enumerate(tree) if h == obl and rel == "nmod"][:1]:
        p = noun_parse(view, j)
        if p is not None and (p.normal_form in lex.document_nouns() or p.normal_form in lex.site_nouns()):
            return j, p.normal_form
    return None


def _clause_between(view: DocView, a: int, b: int) -> bool:
    """Punctuation or another verb between a phrase and the cue. A phrase right before its verb
    ("…, а глава японского МИДа Сэйдзи Маэхара отметил") is its subject whatever the parse
    attached it to."""
    return any(not view.is_word(j) or view.parses(j)[0].tag.POS in ("VERB", "PRTS") for j in view.tokens_in(a, b))


def _person(ref: Ref) -> bool:
    return ref.kind == "entity" and ref.entity.type == "PER"


SUBORDINATE = ("acl:relcl", "acl", "parataxis", "ccomp", "advcl", "csubj")


def _clause_before(view: DocView, f: Found) -> bool:
    """Is the subject the search took before the cue preceded, in its sentence, by a name and a
    comma? Only then may it stand in a clause of its own (a relative clause, a parenthesis, an
    earlier report) with the cue's subject before it, and only then is the sentence parsed."""
    ref = f.ref
    if ref is None or ref.via != "subject" or ref.kind not in ("np", "entity", "relative", "pronoun"):
        return False
    rng = view.sent_range(view.tok_sent[view.tok_index(f.cue[0])])
    a = view.tok_index(ref.start)
    return any(view.toks[k].text == "," for k in range(rng.start, a)) \
        and any(view.ent_at.get(k) is not None and view.ent_at[k].type in ("PER", "ORG") for k in range(rng.start, a))


def _complement_name(view: DocView, f: Found) -> bool:
    """Is the subject the search took a body's or place's name right after a common noun (so
    perhaps that noun's complement: "компании Ryanair", "премьер-министра Соединенного
    Королевства")? Only then is the sentence parsed for the phrase around it."""
    ref = f.ref
    if ref is None or ref.via != "subject" or ref.kind != "entity" or ref.entity.type == "PER":
        return False
    j = view.tok_index(ref.start) - 1
    if j < 0 or not view.is_word(j) or view.toks[j].text[:1].isupper() or view.tok_sent[j] != view.tok_sent[j + 1]:
        return False
    p = view.parses(j)[0]
    return p.tag.POS == "NOUN" and "PREP" not in p.tag


def _subordinate(view: DocView, tree: list[tuple[int, str]], first: int, ref: Ref) -> bool:
    """Does the mention stand in a subordinate clause (a relative clause, a parenthesis, a
    complement, an adverbial clause) in the parse?"""
    span = set(view.tokens_in(ref.start, ref.end))
    if not span or min(span) < first or max(span) >= first + len(tree):
        return False
    head = next((j for j in span if tree[j - first][0] not in span), None)
    for _ in range(12):
        if head is None or head < 0:
            return False
        up, rel = tree[head - first]
        if rel in SUBORDINATE:
            return True
        head = up
    return False


def cue_subjects(view: DocView, found: list[Found]) -> list[tuple[Ref, int, int] | None]:
    """For each quotation (all with a cue), the subject of its cue's first word in the parse of the
    cue's sentence, with the subject phrase's bounds (None where the parse gives none that can be a
    mention). A phrase cue's first word is not always its verb: the parse hangs no subject on the
    "не" of "не исключает" (speech_phrases.tsv), so such a cue keeps the constructions' mention
    (stepping to the verb moves one tune quotation's provenance and no speaker: docs/evaluation.md,
    nineteenth session, wt-nospeaker14)."""
    parsed = view.trees(sorted({view.tok_sent[view.tok_index(f.cue[0])] for f in found}))
    out = []
    for f in found:
        cue_word = view.tok_index(f.cue[0])
        si = view.tok_sent[cue_word]
        out.append(_subject(view, parsed[si], view.sent_range(si).start, cue_word, f))
    return out


def _predicate_between(view: DocView, a: int, b: int) -> bool:
    """A participle or verb between a title and a name: "Врачи, прооперировавшие и лечащие
    40-летнюю Гиффордс" — the name is its object, not in apposition to the title."""
    return any(view.parses(j)[0].tag.POS in ("PRTF", "PRTS", "VERB", "GRND") for j in view.tokens_in(a, b))


def _comma_after(view: DocView, ref: Ref) -> bool:
    """Does a comma follow the title phrase (an apposition the constructions stop at)? Only then
    is the sentence worth parsing for a name."""
    return view.text[ref.end:ref.end + 2].lstrip()[:1] == ","


def _subject(view: DocView, tree: list[tuple[int, str]], first: int, cue: int,
             f: Found) -> tuple[Ref, int, int] | None:
    verb = cue
    for _ in range(4):
        subjs = [first + k for k, (head, rel) in enumerate(tree) if head == verb and rel in SUBJECTS]
        if subjs:
            found = [m for m in (_mention(view, tree, first, subj, f) for subj in subjs[:3]) if m is not None]
            # "рассказала заведующая поликлиникой №2 Светлана Андреева", parsed as two subjects:
            # the name, with the title before it as its role
            named = [m for m in found if m[0].kind == "entity" and m[0].entity.type == "PER"]
            if named and found[0] is not named[0]:
                ref, start, end = named[0]
                title = found[0]
                if title[0].kind == "np" and title[2] <= start:
                    ref.role = view.text[title[1]:start].strip(" ,")
                    return ref, title[1], end
                return named[0]
            return found[0] if found else None
        head, rel = tree[verb - first]
        if rel == "parataxis" and verb == cue:
            # "«…», – сказал в беседе с X лидер движения Y": the parser hangs the cue on the quoted
            # clause and the subject after the cue on that clause's verb; it is the cue's
            late = [first + k for k, (h, r) in enumerate(tree) if r in SUBJECTS and first + k > cue and h < cue]
            found = [m for m in (_mention(view, tree, first, subj, f) for subj in late[:1]) if m is not None]
            if found:
                return found[0]
        if rel == "root" and head < 0:
            # "Керри сделал остановку в Кабуле, где … отметил, что …": the parser left the cue a
            # second root of the sentence; it shares the subject of the root before it
            head = next((first + k for k in range(verb - first - 1, -1, -1) if tree[k][1] == "root"), -1)
            if head < 0:
                return None
        elif rel not in CLIMB or head < 0:
            return None
        verb = head
    return None


DATELINE = re.compile(r"\d{1,2}:\d{2}\b")  # a time stamp opening a phrase: a dateline's


def _mention(view: DocView, tree: list[tuple[int, str]], first: int, head: int,
             f: Found) -> tuple[Ref, int, int] | None:
    """The subject's noun phrase (the head with its name parts, appositions and modifiers) as a
    mention, with the phrase's bounds."""
    span = {head}
    grew = True
    while grew:
        grew = False
        for k, (h, rel) in enumerate(tree):
            j = first + k
            if h in span and j not in span and rel in NOUN_PHRASE:
                span.add(j)
                grew = True
    a, b = min(span), max(span)
    while a < b and not view.is_word(a):
        a += 1
    while b > a and not view.is_word(b):
        b -= 1
    start, end = view.toks[a].start, view.toks[b].end
    if any(start < e and s < end for s, e in (f.parts or [(f.start, f.end)])):
        return None  # a name inside the quotation is not its speaker (an interrupted one's attribution is)
    if DATELINE.match(view.text, start):
        return None  # ", 13:54 REGNUM 3 февраля юрист … сообщил": the page's time and outlet, no subject
    low = view.lower[head]
    if a == b == head and low in lex.pronouns():
        gender, _ = lex.pronouns()[low]
        return Ref("pronoun", start, end, gender=gender), start, end
    owner = words_owner(view, head, b)
    if owner is not None:
        owner.via = "syntax: the owner of the words the subject names"
        return owner, start, end  # "приводятся слова Трампа": Трамп
    ref = ref_from_np(view, a, b)
    if ref.kind == "junk" and _untagged_name(view, a, b):
        # "— сказал А. Сидоров": a name the NER did not tag
        e = Entity(start, end, "PER", view.text[start:end])
        return Ref("entity", start, end, entity=e), start, end
    if ref.kind == "entity" or ref.kind == "np" and ref.head is not None:
        if ref.kind == "np" and not can_speak(ref) and not _named_inside(view, a, b) \
                and not _names_a_body(view, ref.head, start) and not _counted_people(view, head, b):
            # "Причиной для приговора стали слова", "иммунитет": the cue has its subject, and
            # it is no one who speaks (the report stands, with no speaker)
            return Ref("none", start, end, via="syntax: the subject cannot speak"), start, end
        return ref, start, end
    return None  # "Это", "Все": no subject the parse can name


def _names_a_body(view: DocView, head: str, offset: int) -> bool:
    """Is the noun the head of an organisation the document named before ("Федеральное авиационное
    управление пояснило … Авиационное управление сообщило")? Then it speaks, whatever the lexicon.
    (The last 50 organisations named: bounded work per subject.)"""
    k = bisect_left(view.org_starts, offset)
    return any(p is not None and p.normal_form == head for e in view.orgs[max(0, k - 50):k]
               for j in view.tokens_in(e.start, e.end) for p in [noun_parse(view, j)])


def _counted_people(view: DocView, head: int, b: int) -> bool:
    """"Тысячи опрошенных заявили": a number noun counting people (its genitive animate or a
    participle used as a noun) speaks for them."""
    p = noun_parse(view, head)
    if p is None or p.normal_form not in lex.number_nouns() or head + 1 > b:
        return False
    return any("gent" in q.tag and q.tag.number == "plur" and ("anim" in q.tag or q.tag.POS == "PRTF")
               for q in view.parses(head + 1)[:3])


def _named_inside(view: DocView, a: int, b: int) -> bool:
    """A name in the phrase past its first word ("Клуб «Бавария»"): a body, whatever its noun."""
    return any(view.toks[j].text[:1].isupper() or view.toks[j].text in "«\"" for j in range(a + 1, b + 1))


def _untagged_name(view: DocView, a: int, b: int) -> bool:
    """Capitalised words of which one at least the analyser knows as a first name, surname or
    patronymic (not a capitalised word that merely opens the sentence)."""
    words = [j for j in range(a, b + 1) if view.is_word(j)]
    return bool(words) and all(view.toks[j].text[:1].isupper() for j in words) and any(
        any(t in p.tag for t in ("Name", "Surn", "Patr")) for j in words for p in view.parses(j)[:2])
