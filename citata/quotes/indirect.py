"""Sieve: reported speech without marks of its own, one construction per cue: "по словам X",
"как сообщил X", a что-clause, a quoted phrase, an inverted cue, a call with an infinitive,
a verdict ("назвал его …"), an impersonal report, with the cue's addressee and channel."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .. import lexicons as lex
from .content import (after_glued_stop, content_end, content_start, cue_clause_resumes, inverted_here,
                      main_clause_resumes, predicate_after_modifier)
from .cues import FRAME_OPENERS, cue_at, frame_at, frame_cue_frame, may_start_cue
from .mentions import (SITE_DOT, agreeing_noun, agrees_in_number, can_be_subject, is_prep, mute_noun, name_quote, noun_parse, np_bounds, proper_noun,
                       ref_from_np, search_document, search_genitive, search_inverted, search_locative,
                       search_subject, second_predicate, skip_fillers_back)
from ..nlp import Entity, parse
from .spans import Intervals
from .view import (COMPLEMENTIZERS, DASHES, SHARED_SUBJECT, DocView, Found, OPEN_MARKS, PREPOSITIONS, Ref, TERMINAL,
                   head_chain)


WORD = re.compile(r"\w+")


def indirect_reports(view: DocView, direct: list[Found]) -> list[Found]:
    out: list[Found] = []
    taken = Intervals((f.start, f.end, None) for f in direct)
    # a cue that attributes a direct quotation does not also attribute the words before it
    direct_cues = {f.cue[0] for f in direct if f.cue}

    def inside_direct(i: int) -> bool:
        return taken.covers(view.toks[i].start)

    def repeats_direct(f: Found) -> bool:
        # more than half of f lies in a direct quotation only if that quotation holds f's middle
        return any(min(b, f.end) - max(a, f.start) > 0.5 * (f.end - f.start)
                   for a, b, _ in taken.containing((f.start + f.end) // 2))

    for si in range(len(view.sents)):
        rng = view.sent_range(si)
        if not rng:
            continue
        lo, hi = rng.start, rng.stop - 1
        i = lo
        while i <= hi:
            if not _may_open_report(view.toks[i].text) or inside_direct(i):
                i += 1
                continue
            # по словам X, ... / по его словам
            width = view.lower[i] in SOURCE_FIRST_WORDS and (
                SOURCE_PREPOSITIONS.get(tuple(view.lower[i:i + 2])) or SOURCE_PREPOSITIONS.get((view.lower[i],)))
            if width and i + width <= hi:
                f = _source_phrase(view, i, lo, hi, width)
                if f and not view.crosses_quote(f.start, f.end):
                    f.sieve = "indirect:source phrase"
                    out.append(f)
                    # past the phrase's own noun: "по мнению Джонсона, что …" is one report, not a
                    # second one of the report noun "мнению"
                    i = max(i + 1, view.tok_index(f.cue[1] - 1) + 1) if f.cue else i + 1
                    continue
            cue = _speech_participle(view.toks[i].text)
            first = None
            if cue and i + 2 <= hi and view.toks[i + 1].text == "," and view.lower[i + 2] in ("что", "будто"):
                first = i + 3
            elif cue and i + 1 <= hi and view.lower[i + 1] in ("что", "будто") and _bare_complementizer(view, i, i, i + 1):
                first = i + 2  # "меньшинству, считающему что …": the comma left out
            if first is not None:
                f = _participle(view, i, lo, hi, cue, first)
                if f and not view.crosses_quote(f.start, f.end) and not repeats_direct(f):
                    out.append(f)
                    i += 1
                    continue
            if _report_noun(view.toks[i].text) or _frame_noun(view.toks[i].text):
                f = _nominal_report(view, i, hi)
                if f and not view.crosses_quote(f.start, f.end) and not repeats_direct(f):
                    out.append(f)
                    i += 1
                    continue
            c = cue_at(view, i)
            if not c:
                i += 1
                continue
            cue_end, lemma, cls = c
            if view.toks[i].start in direct_cues:
                # "заявила, что …: «…»", "называет вмешательство злом: «…»": the cue of a direct
                # quotation may also have a что-clause or a verdict of its own before the colon
                f = None
                for name, construction in (("complement", _complement), ("verdict", _named)):
                    f = construction(view, i, cue_end, lemma, cls, lo, hi)
                    if f:
                        f.sieve = f"indirect:{name}"
                        break
            else:
                f = None
                for name, construction in CONSTRUCTIONS:  # in order; the first that fits decides
                    f = construction(view, i, cue_end, lemma, cls, lo, hi)
                    if f:
                        f.sieve = f"indirect:{name}"
                        break
            # (a relative clause is never reported content: "Как сообщал X, который подал в отставку")
            if f and not view.crosses_quote(f.start, f.end) and not repeats_direct(f) \
                    and (len(WORD.findall(view.text, f.start, f.end)) >= 2 or _bare_verdict(view, f)) \
                    and view.lower[view.tok_index(f.start)] not in lex.relative_pronouns("nomn"):
                prev = out[-1] if out and view.tok_index(out[-1].cue[0]) >= lo else None
                if prev is not None and prev.end <= view.toks[i].start and second_predicate(view, i, lo) \
                        and prev.ref is not None and prev.ref.kind != "lost":
                    # "X сообщил, что A, а также назвал B": the second predicate shares X
                    f.ref = prev.ref
                    f.sieve += SHARED_SUBJECT
                out.append(f)
            i = cue_end + 1
    return out


@lru_cache(maxsize=300_000)
def _may_open_report(word: str) -> bool:
    """False for a word none of the tests below starts a report at (most words), asked once per
    distinct word: the loop over a document's tokens then passes them by at the cost of one look-up."""
    low = word.lower().replace("ё", "е")
    return low in SOURCE_FIRST_WORDS or _speech_participle(word) is not None or _report_noun(word) \
        or _frame_noun(word) is not None or may_start_cue(word)


@lru_cache(maxsize=100_000)
def _report_noun(word: str) -> bool:
    """Is this word form a report noun's ("заявление", "по данным")? Asked of every token, so
    memoised per form."""
    return word[:1].isalnum() and word.lower().replace("ё", "е") in lex.lexeme_forms(lex.report_nouns()) \
        and parse(word)[0].normal_form in lex.report_nouns()


@lru_cache(maxsize=100_000)
def _frame_noun(word: str) -> str | None:
    """The frame of a noun known by it ("о том" of "известие"), for this word form; memoised per form."""
    if not word[:1].isalnum():
        return None
    p = parse(word)[0]
    got = frame_cue_frame(p.normal_form.replace("ё", "е")) if p.tag.POS == "NOUN" else None
    return got[0] if got is not None else None


@lru_cache(maxsize=100_000)
def _speech_participle(word: str) -> tuple[str, str] | None:
    """(verb lemma, cue class) when this word form is an active participle of a say or think cue
    ("считающие", "утверждавшей"). The cue lexicon leaves participles out (a passive "заявленный"
    reports nothing); memoised per form."""
    if not word[:1].isalpha() or word.lower().replace("ё", "е") not in _say_think_participles():
        return None
    p = parse(word)[0]
    lemma = p.normal_form.replace("ё", "е")
    hit = lex.speech_verbs().get(lemma)
    if p.tag.POS == "PRTF" and "actv" in p.tag and hit is not None and hit[1] in ("say", "think"):
        return lemma, hit[1]
    return None


@lru_cache(maxsize=None)
def _say_think_participles() -> frozenset[str]:
    """The forms `_speech_participle` can accept (and more: every participle of those verbs), so
    that it analyses only these words, not every word of a text."""
    return lex.lexeme_forms(frozenset(form for form, (lemma, cls) in lex.speech_verbs().items()
                                      if cls in ("say", "think") and form == lemma.replace("ё", "е")), "PRTF")


def _participle(view: DocView, i: int, lo: int, hi: int, cue: tuple[str, str], first: int) -> Found | None:
    """"представители ХДС, считавшие, что …", "меньшинству, считающему, что …", "толпы,
    утверждавшей, что …": a participle of a cue (`cue`: its lemma and class) with its что-clause
    states the position of the noun it modifies, which natasha's parse names (4 sentences in all of
    ../shared/corpora: one in an unannotated article, one in the tune half, two in other gold articles).
    `first`: the clause's first token, past "что" (and the comma before it, if the writer put one)."""
    if i - 2 < lo or view.toks[i - 1].text != "," or first > hi:
        return None
    si = view.tok_sent[i]
    first_tok = view.sent_range(si).start
    tree = view.trees([si])[si]
    head = tree[i - first_tok][0]
    if not lo <= head < i - 1 or noun_parse(view, head) is None and head not in view.ent_at:
        return None
    # the noun's phrase: the words before the comma that the parse hangs on it ("представители
    # ХДС", "разъяренной толпы", not the "со стороны" it stands in)
    a = head
    while a - 1 >= lo and tree[a - 1 - first_tok][1] not in ("case", "fixed", "punct") \
            and head in head_chain(tree, first_tok, a - 1, len(tree) + 1)[1:]:
        a -= 1
    # no speaking-noun test: the participle of a say or think verb makes a crowd or a minority the
    # holder of a position ("толпы, утверждавшей"); a finding's "показывающие" is no such cue
    ref = ref_from_np(view, a, max(head, np_bounds(view, head, head, i - 2)[1]))
    ref.via = "syntax: the noun the participle modifies"
    start = content_start(view, first)
    end = _clauses_resume_end(view, i, first, hi, start, content_end(view, first, hi))
    if end <= start:
        return None
    lemma, cls = cue
    return Found("indirect", start, end, (view.toks[i].start, view.toks[i].end, lemma), ref,
                 cue_cls=cls, sieve="indirect:participle")


def _nominal_report(view: DocView, i: int, hi: int) -> Found | None:
    """"утверждение авиакомпании о том, что забастовка — это чрезвычайные обстоятельства",
    "услышал информацию от некой клиники, что …": a report noun, its source (a genitive or
    "от" and a name) and a что-clause; the clause ends before the comma that resumes the
    sentence's own predicate ("…, противоречат решению суда")."""
    j = i + 1
    if j > hi:
        return None
    ref = search_genitive(view, j, hi) if view.lower[j] == "от" else search_genitive(view, i, hi)
    appeared = ref is None or ref.kind not in ("entity", "np") or ref.kind == "np" and ref.head is None
    frame = _frame_noun(view.toks[i].text)
    if appeared and frame is not None:
        # "Белый дом получил известие о том, что …": a noun known by its frame is a report with no
        # source named (the receiver is not the source)
        ref, k = Ref("none"), j
    elif appeared:
        if i == 0 or view.parses(i - 1)[0].normal_form != "появиться":
            return None
        # "в прессе появились предположения, что …", "появилась информация о том, что …": a report
        # with no source but the medium where it appeared, if any (3 sentences in 3 unannotated articles)
        ref = search_locative(view, i - 1, i - 1, view.sent_first[view.tok_sent[i]], hi) or Ref("none")
        k = i + 1
    else:
        ref.via = "genitive"
        k = view.tok_index(ref.end - 1) + 1
    if frame is not None and (frame_at(view, k) or ())[:2] != (frame, "что"):
        return None  # a noun known by its frame reports only with it ("уведомление о том, что")
    if k + 1 <= hi and view.toks[k].text == "," and view.lower[k + 1] == "что":
        first = k + 2
    elif k + 1 <= hi and view.lower[k] == "что" and _bare_complementizer(view, i, k - 1, k, verb=False):
        first = k + 1  # "появились слухи что …": the comma left out
    elif k + 3 <= hi and view.lower[k] in ("о", "об") and view.lower[k + 1] == "том" and \
            view.toks[k + 2].text == "," and view.lower[k + 3] == "что":
        first = k + 4
    else:
        return None
    if first > hi:
        return None
    last = next((m - 1 for m in range(first + 1, hi) if view.toks[m].text == "," and m not in view.quoted
                 and view.parses(m + 1)[0].tag.POS == "VERB"), hi)
    start, end = content_start(view, first), content_end(view, first, last)
    # "появилась информация, что …, но она была опровергнута …": the noun's clause resumes
    end = _cue_clause_end(view, i, first, start, end)
    if end <= start:
        return None
    return Found("indirect", start, end, (view.toks[i].start, view.toks[i].end, view.parses(i)[0].normal_form), ref,
                 cue_cls="say", sieve="indirect:report noun")


# What makes the words after a cue's colon a clause rather than a list of names: a predicate, finite
# or not ("заявил: решение не принимают / решение не принято", "подчеркнул: вакцина безопасна",
# "уверяют: сомнений в безопасности нет"); a list ("отвечали: командир экспедиции …, бортинженер …")
# holds none
CLAUSE_PREDICATES = frozenset(("VERB", "PRTS", "ADJS", "PRED"))


def _complement(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """X заявил, что …  /  X заявил о том, что …  /  Сообщается, что …"""
    k = skip_fillers_back(view, i - 1, lo)
    if k >= lo and (view.lower[k] in ("это", "что") or cls != "finding" and can_be_subject(view, k) and k not in view.ent_at
                    and mute_noun(view, k) and not proper_noun(view, k) and agrees_in_number(view, i, k)
                    and (k == lo or not view.is_word(k - 1))):
        return None  # "Это говорит о том, что …", "Факты говорят о том, что …": not speech
    j = cue_end + 1
    limit = min(hi, cue_end + 10)
    if j + 1 <= hi and view.toks[j].text == ":" and view.is_word(j + 1) and j + 1 not in view.quoted and any(
            view.parses(k)[0].tag.POS in CLAUSE_PREDICATES for k in range(j + 1, hi + 1)):  # a clause, not a list of names
        j -= 1  # "Serebro уверено: трек был обязан войти в историю": the content follows the colon
        limit = -1
    bare = False  # the complementizer with no comma before it
    while j <= limit:
        t = view.lower[j]
        if t in COMPLEMENTIZERS and _bare_complementizer(view, i, cue_end, j):
            if _conjunction_before(view, j, cue_end) and not _own_frame(view, j, lemma):
                return None  # "заявил в связи с тем что …": a reason, as with the comma
            j, bare = j - 1, True  # "заявили что мечта … умирает": the comma left out
            break
        if t == "," and j + 1 <= hi and view.lower[j + 1] in COMPLEMENTIZERS:
            if _conjunction_before(view, j, cue_end) and not _own_frame(view, j + 1, lemma) \
                    or (j + 2 <= hi and view.lower[j + 2] == "касается"):
                # "допускали высказывания в связи с тем, что …": a reason; "…, что касается X": a topic
                return None
            break
        if t == "." and SITE_DOT.match(view.text, view.toks[j].start):
            j += 1  # "заявил NEWS.ru, что": a site's name keeps its dot
            continue
        if t in TERMINAL or t in (";", ":") or t in DASHES:
            return None
        after = _quoted_before_frame(view, j, limit)
        if after is not None:
            j = after  # "пишет "дорогой Терезе" о том, что": an addressee in quotation marks
            continue
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
    between = j if bare else j - 1  # the last token between the cue and the comma or complementizer
    start = content_start(view, first)
    colon = next((k for k in range(first + 1, hi) if view.toks[k].text == ":" and k not in view.quoted
                  and view.toks[k + 1].text in OPEN_MARKS), None)
    # "заявила, что …: «…»": the quotation after the colon is direct
    end = content_end(view, first, colon - 1 if colon else hi)
    main = _main_clause(view, i, first, hi)
    if main is not None:
        # "Отметив, что A, в МИД заявили …": A ends where the clause the gerund opens resumes
        end = content_end(view, first, main[0] - 1)
    else:
        end = _clauses_resume_end(view, i, first, hi, start, end)
    if end <= start:
        return None
    if main is not None:
        ref = search_subject(view, main[1], main[0] + 1) or search_locative(view, main[1], main[1], main[0] + 1, hi)
        return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                     cue_cls=cls) if ref is not None else None
    if cls == "impersonal":
        ref = search_document(view, i, lo, between + 1) or Ref("none")
    else:
        ref = search_subject(view, i, lo) or search_inverted(view, cue_end, between) or \
            search_locative(view, i, cue_end, lo, between)
        if ref is None and lemma == "говорить" and view.lower[cue_end + 1] in ("о", "об"):
            return None  # "Вызывающая манера поведения … говорят о том, что": a sign, nobody speaking
        if cls == "finding":
            # "Опрос общественного мнения показал, что …": the subject search takes no thing for a
            # speaker, so a poll's or a study's result is found here; "Кадры показывают, что …" is none
            ref = _report_subject(view, i, lo)
            if ref is None:
                return None
    return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                 addressee=find_addressee(view, cue_end, between), channel=find_channel(view, cue_end, between),
                 is_question=cls == "ask", cue_cls=cls)


def _clauses_resume_end(view: DocView, cue: int, first: int, hi: int, start: int, end: int) -> int:
    """The end of a report's content (offsets `start`…`end`, tokens `first`…`hi`) cut where the main
    clause resumes inside it (`main_clause_resumes`) and then where the cue's own clause does."""
    resumes = main_clause_resumes(view, cue, first, hi)
    if resumes is not None:
        end = min(end, content_end(view, first, resumes - 1))
    return _cue_clause_end(view, cue, first, start, end)


def _bare_complementizer(view: DocView, cue: int, cue_end: int, c: int, verb: bool = True) -> bool:
    """Is "что" / "чтобы" / "будто" / "якобы" at token `c`, with no comma before it, the cue's own
    complementizer ("заявили что мечта … умирает", "сказал журналистам что …", "сообщил о том что
    …")? Right after the cue, or after the cue's frame ("о том", "в том", "тем"), it is: a speech
    verb governs its clause, as with the comma. After other words (an addressee, "также", "на
    пресс-конференции") only when the word before it is no correlative ("сказал так что все поняли",
    "сказал то что думал", "только что") and natasha's parse (run on such a sentence alone) reads
    it as a conjunction (mark) of a clause after it or of the cue, not as a relative pronoun
    ("документ что вызвало …"); where that clause hangs the parse decides unreliably without the
    comma ("раскритиковали … и заявили что мечта умирает": conj of the first verb). A report noun's
    (`verb` False: "появились слухи что …") only by the parse, as a relative "что" follows nouns."""
    if c <= cue_end or c + 1 >= len(view.toks) or view.toks[c - 1].text == "," or \
            not (view.is_word(c + 1) or view.opens_quote(c + 1)):
        return False
    if verb and c == cue_end + 1 or any(tuple(view.lower[c - len(w):c]) == w and c - len(w) > cue_end for w in FRAME_OPENERS) \
            or view.lower[c - 1] in ("то", "том") and c - 2 > cue_end and is_prep(view, c - 2):
        # (the frame the verb's preposition governs: "указал на то что", "настаивает на том что")
        return True
    if c - cue_end > 8 or any(not view.is_word(k) or view.parses(k)[0].tag.POS in ("VERB", "INFN")
                              for k in range(cue_end + 1, c)):
        return False
    if any("Apro" in p.tag or "Dmns" in p.tag or p.tag.POS == "CONJ" or p.tag.POS == "NPRO" and "neut" in p.tag
           for p in view.parses(c - 1)[:3]):
        return False
    si = view.tok_sent[c]
    tree = view.trees([si])[si]
    head, rel = tree[c - view.sent_first[si]]
    return rel == "mark" and (head > c or cue <= head <= cue_end)


def _cue_clause_end(view: DocView, cue: int, first: int, start: int, end: int) -> int:
    """The end of a report's content (offsets `start`…`end`, from token `first`) cut where the
    cue's own clause resumes inside it (`cue_clause_resumes`)."""
    if end <= start:
        return end
    comma = cue_clause_resumes(view, cue, first, view.tok_index(end - 1))
    return content_end(view, first, comma - 1) if comma is not None else end


def _report_subject(view: DocView, cue: int, lo: int) -> Ref | None:
    """The report noun in the nominative that is the subject of a finding cue, in its clause
    ("Другой опрос показал", "Результаты исследования показали"), as a phrase; past a comma, the
    subject natasha's parse names ("Исследование, проведенное учеными Оксфорда, показало"); a
    pronoun subject, the report noun it stands for ("…результаты опытов на мышах. Они показали")."""
    for k in range(cue - 1, lo - 1, -1):
        if view.toks[k].text == "," and k not in view.quoted:
            return _parsed_report_subject(view, cue, lo)
        if view.toks[k].text in TERMINAL or view.toks[k].text in (";", ":") or \
                k in view.quoted and not name_quote(view, *view.quoted[k]):
            return None  # a name in quotation marks is a word of the phrase: "исследования «Газпрома» показали"
        if k == cue - 1 and view.lower[k] in ("он", "она", "оно", "они"):
            return _report_antecedent(view, k)
        p = noun_parse(view, k, "nomn")
        if p is not None and p.normal_form in lex.finding_sources():
            a, b = np_bounds(view, k, lo, cue - 1)
            ref = ref_from_np(view, min(a, k), b)
            ref.head = p.normal_form
            return ref
    return None


def _parsed_report_subject(view: DocView, cue: int, lo: int) -> Ref | None:
    """The subject of a finding cue in the parse of its sentence, if a report noun in the
    nominative heads it (its phrase up to the comma that opens its participle or relative clause)."""
    si = view.tok_sent[cue]
    first = view.sent_range(si).start
    tree = view.trees([si])[si]
    k = next((first + n for n, (head, rel) in enumerate(tree) if head == cue and rel == "nsubj"), None)
    if k is None or not lo <= k < cue:
        return None
    p = noun_parse(view, k, "nomn")
    if p is None or p.normal_form not in lex.finding_sources():
        return None
    comma = next((j for j in range(k + 1, cue) if view.toks[j].text == ","), cue)
    a, b = np_bounds(view, k, lo, comma - 1)
    ref = ref_from_np(view, min(a, k), max(b, k))
    ref.head = p.normal_form
    ref.via = "syntax: the report noun the finding cue has for its subject"
    return ref


def _report_antecedent(view: DocView, pron: int) -> Ref | None:
    """The report noun a finding cue's pronoun subject stands for: the last noun in the nominative
    of the sentence before that agrees with the pronoun, if it is a report noun ("опубликованные …
    результаты лабораторных опытов на мышах. Они показали, что …"); a person there is no report."""
    si = view.tok_sent[pron]
    if si == 0 or view.sent_first[si] != pron:
        return None
    rng = view.sent_range(si - 1)
    gender = {"он": "masc", "она": "femn", "оно": "neut"}.get(view.lower[pron])
    found = agreeing_noun(view, rng.stop - 1, rng.start, "plur" if gender is None else "sing",
                          gender and {gender}, past_quoted=True)
    if found is None or found[1].normal_form not in lex.finding_sources():
        return None
    k, p = found
    # the noun with its adjectives and genitives, not the words before it the run of nominal
    # words would take in ("в конце марта результаты опытов")
    a = k
    while a - 1 >= rng.start and any(q.tag.POS in ("ADJF", "PRTF") and "nomn" in q.tag for q in view.parses(a - 1)[:1]):
        a -= 1
    b = np_bounds(view, k, k, rng.stop - 1)[1]
    ref = ref_from_np(view, a, max(b, k))
    ref.head = p.normal_form
    ref.via = "the report noun of the sentence before, for the pronoun"
    return ref


def _main_clause(view: DocView, cue: int, first: int, hi: int) -> tuple[int, int] | None:
    """For a gerund that opens its sentence, (the comma before the main clause, its verb)."""
    if view.parses(cue)[0].tag.POS != "GRND" or any(
            view.is_word(k) and view.lower[k] not in lex.fillers() for k in range(view.sent_first[view.tok_sent[cue]], cue)):
        return None
    verb = next((k for k in range(hi, first, -1) if k not in view.quoted and view.parses(k)[0].tag.POS == "VERB"), None)
    comma = next((k for k in range(verb - 1, first, -1) if view.toks[k].text == "," and k not in view.quoted), None) \
        if verb is not None else None
    return (comma, verb) if comma is not None else None


@lru_cache(maxsize=1)
def _conjunctions_by_last() -> dict[str, list[tuple[str, ...]]]:
    """The compound conjunctions by their last word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in lex.clause_conjunctions():
        out.setdefault(words[-1], []).append(words)
    return out


def _quoted_before_frame(view: DocView, j: int, limit: int) -> int | None:
    """The token after a few words in quotation marks that open at token j and close right before a
    frame ("он пишет "дорогой Терезе" о том, что …"), or a name in them right before the clause's
    comma (the outlet told: "заявил «Известиям», что …"), within `limit`; None otherwise (quoted
    words elsewhere between a cue and its clause are someone's words, and the clause is not the cue's)."""
    if not view.opens_quote(j):
        return None
    close = view.pair_by_open.get(view.toks[j].start)
    if close is None:
        return None
    c = view.tok_index(close)
    if c > min(j + 4, limit) or c + 2 >= len(view.toks):
        return None
    if frame_at(view, c + 1) is not None or (
            view.toks[c + 1].text == "," and view.lower[c + 2] in COMPLEMENTIZERS and name_quote(view, view.toks[j].start, close)):
        return c + 1
    return None


def _own_frame(view: DocView, comp: int, lemma: str) -> bool:
    """Do the words before the complementizer at `comp` (and its comma, if any) end the frame the cue
    is known by ("поздравил коллег с тем, что …": "с тем" is here the cue's frame, not the conjunction
    of a purpose)?"""
    got = frame_cue_frame(lemma)
    return got is not None and got[0] in ("с тем", "тем") and any(
        (hit := frame_at(view, k)) is not None and hit[0] == got[0] and hit[2] == comp - 1 for k in range(comp - 3, comp))


def _conjunction_before(view: DocView, comma: int, lo: int) -> bool:
    """Do the words before the comma end a compound conjunction ("в связи с тем", "из-за того")?"""
    for words in _conjunctions_by_last().get(view.lower[comma - 1], ()):
        n = len(words)
        if comma - n > lo and tuple(view.lower[comma - n:comma]) == words:
            return True
    return False


def _quoted_phrase(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Он принес "глубочайшие извинения пассажирам", которые …: a speech phrase whose
    noun the writer quotes; the quoted words and what they govern are the content."""
    pair = view.quoted.get(cue_end)
    if pair is None or cue_end == i or pair[0] < view.toks[i].end or name_quote(view, *pair):
        return None
    first = view.tok_index(pair[0])
    end = max(content_end(view, first, hi), pair[1] + 1)
    ref = search_subject(view, i, lo)
    if ref is None:
        return None
    return Found("mixed", pair[0], end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls)


def _as_cue(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Как отметил X, …  /  …, как сообщает X.  /  A, как пишет X, B."""
    if cls not in ("say", "think", "impersonal"):
        return None
    k = skip_fillers_back(view, i - 1, lo)
    if k < lo or view.lower[k] != "как":
        return None
    ref = _inverted_ref(view, i, cue_end, cls, lo, hi)
    # "Как рассказал на презентации Марк Цукерберг, …", "Как заявил и. о. главы … Игорь Кузин, …":
    # a subject the searches could not reach; the parse decides whether there is one
    needs_mention = ref is None and cls != "impersonal" and cue_end + 1 <= hi and view.is_word(cue_end + 1)
    if not needs_mention and (ref is None or (ref.kind == "none" and cls != "impersonal")):
        return None
    # the comma that closes the attribution
    after = view.tok_index(ref.end - 1) + 1 if ref is not None and ref.kind not in ("none", "lost") else cue_end + 1
    while after <= hi and view.toks[after].text not in ",;" and view.toks[after].text not in TERMINAL:
        after += 1
    # "В то же время, как неоднократно заявлял X, …": only connectives before "как"
    opens_sentence = content_start(view, lo) >= view.toks[k].start or glued_opening(view, k) or all(
        not view.is_word(x) or view.lower[x] in ("а", "и", "но", "однако", "напомним") for x in range(lo, k))
    if opens_sentence:
        phrase_end = view.tok_index(ref.end - 1) if ref is not None and ref.kind not in ("none", "lost") else cue_end
        unclosed = unclosed_phrase_end(view, i, phrase_end, after, hi, subjectless=cls == "impersonal")
        if unclosed is not None:
            # "Как сообщает Минздрав РФ вакцина позволяет …": the comma left out; the mention
            # searched again within the phrase the parse bounds
            ref = _inverted_ref(view, i, cue_end, cls, lo, unclosed) if unclosed > cue_end else ref
            needs_mention = ref is None and cls != "impersonal" and unclosed > cue_end
            if not needs_mention and (ref is None or (ref.kind == "none" and cls != "impersonal")):
                return None
            after = unclosed
        elif after > hi or view.toks[after].text != "," or after + 1 > hi:
            return None
        start, end = content_start(view, after + 1), content_end(view, after + 1, hi)
    elif _after_contrast(view, k, lo):
        # "A, но как отметил X, B": the contrast opens the speaker's words, which are B alone
        if after > hi or view.toks[after].text != "," or after + 1 > hi:
            return None
        start, end = content_start(view, after + 1), content_end(view, after + 1, hi)
    else:
        if view.toks[k - 1].text != ",":
            return None
        start, end = content_start(view, lo), view.toks[k - 1].start
        if after + 1 <= hi and view.toks[after].text == ",":
            end = content_end(view, after + 1, hi)
    if end <= start:
        return None
    return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                 channel=find_channel(view, cue_end, hi), cue_cls=cls, needs_mention=needs_mention)


CONTRASTS = frozenset(("но", "а", "однако"))


def _after_contrast(view: DocView, k: int, lo: int) -> bool:
    """Does "как" at k follow ", но", ", но," or a dash ("…старшего поколения - как рассказали
    в Минздраве, нужно …"): a clause of its own that the attribution opens?"""
    j = k - 1
    if j > lo and view.toks[j].text in DASHES and view.toks[j].start > 0 and view.text[view.toks[j].start - 1] == " ":
        return True
    if j > lo and view.toks[j].text == ",":
        j -= 1
    return j > lo and view.lower[j] in CONTRASTS and view.toks[j - 1].text == ","


def _inverted(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """… , заявил X.  /  …, об этом сообщает X.  /  Об этом заявил X. (content: previous sentence);
    a finding cue the same, when a finding source follows it ("…, свидетельствуют данные торгов",
    "Об этом свидетельствуют отчеты компаний")."""
    if cls not in ("say", "think", "impersonal", "finding"):
        return None
    k = skip_fillers_back(view, i - 1, lo)
    if k - 1 > lo and view.toks[k - 1].text.isdigit() and _month(view.lower[k]):
        k = skip_fillers_back(view, k - 2, lo)  # "…, 3 июля передает агентство Reuters": a date before the cue
    # "Об этом он заявил", "Об этом Хант написал": the subject between "об этом" and the cue
    subject = None
    if k >= lo and (view.lower[k] in lex.pronouns_in("nomn") or (
            # a person; an outlet there is the addressee: "Об этом РИА Новости сказали в офисе"
            view.ent_at.get(k) is not None and view.ent_at[k].type == "PER")):
        first_word = view.tok_index(view.ent_at[k].start) if k in view.ent_at else k
        b = skip_fillers_back(view, first_word - 1, lo)
        if b - 1 >= lo and view.lower[b] == "этом" and view.lower[b - 1] in ("об", "о") and b - 1 == lo:
            subject = (first_word, k)
            k = b
    if subject is None and lo + 2 < k:
        # "Об этом в телефонном интервью Reuters сообщил X": a prepositional phrase in between
        pp = next((m for m in range(lo + 2, min(k, lo + 8) + 1) if is_prep(view, m)), None)
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
    if not about and subject is None and k == lo and view.lower[k] in ("это", "так") and not (
            cue_end + 1 <= hi and view.lower[cue_end + 1] in ("о", "об", "что", ",")):
        about, k = True, lo - 1  # "Это сказала еще первая жена Трампа": the sentence before is what was said
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
        end = content_end(view, first, prev.stop - 1)
        if view.lower[lo] != "это" and cls != "finding":
            # (evidence attests the claim just made, not a wire lead's paragraph)
            first = _paragraph_report_start(view, si - 1)
        start = content_start(view, first)
        if subject is None:
            ref = _inverted_ref(view, i, cue_end, cls, lo, hi)
            if ref is None and cls == "finding":
                return None
        elif view.lower[subject[0]] in lex.pronouns_in("nomn"):
            t = view.toks[subject[0]]
            ref = Ref("pronoun", t.start, t.end, gender=lex.pronouns()[view.lower[subject[0]]][0])
            # "Хант считает … . Об этом он заявил": the pronoun is the reported sentence's subject
            named = search_subject(view, _first_verb(view, prev), first) if _first_verb(view, prev) else None
            if named is not None and named.kind == "entity" and named.entity.type == "PER":
                ref = replace(named, start=t.start, end=t.end, role=None)
        else:
            ref = ref_from_np(view, *subject)
        if end <= start:
            return None
        return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                     channel=find_channel(view, cue_end, hi), cue_cls=cls)
    if view.lower[lo] in ("об", "о") and view.lower[lo + 1] == "этом":
        return None  # "Об этом в среду, 7 ноября, сообщил X": no words before the comma, the report is the sentence before
    if dash and k > lo and view.is_word(k) and view.toks[k + 1].start > view.toks[k].end:
        k += 1  # "… в Италии — информирует в Твиттер Департамент …": a spaced dash alone ends the content
    elif k < lo or view.toks[k].text != ",":
        return None
    if not inverted_here(view, i) and (cls != "think" or view.parses(i)[0].tag.POS in ("GRND", "INFN")):
        return None  # ("Долгие годы, ожидая казни, …": a gerund reports nothing after the comma)
    if cls == "think" and _verdict_after_object(view, cue_end, hi) is not None:
        return None  # "Руководство Ryanair, в свою очередь, считает недовольство … необоснованным": a verdict follows
    if predicate_after_modifier(view, lo, k, i):
        return None  # "…, поскольку ей, а также судье и адвокату, угрожают исламисты": no attribution
    ref = _inverted_ref(view, i, cue_end, cls, lo, hi)
    if (ref is None or ref.kind not in ("none", "lost")) and lemma in lex.relay_verbs() and (
            _clause_after(view, cue_end, hi) or _dangling_mark(view, cue_end + 1, hi) or
            glued_opening(view, cue_end + 1)):
        # "…, сообщает Проблема «богохульства» является очень чувствительной": the outlet's
        # name went with a stripped link and the next sentence was glued on
        ref = Ref("lost")
    needs_mention = False
    if ref is None and cls == "finding":
        return None  # "…, свидетельствует о многом": evidence the writer reads, no report
    if ref is None and cls != "impersonal" and (any(
            view.ent_at.get(m) is not None and view.ent_at[m].type == "PER" for m in range(cue_end + 1, hi + 1))
            or lemma not in lex.directive_verbs() and _nominal_after(view, cue_end, hi)):
        # "…, заявил во вторник, 29 января, председатель суда Асиф Саид Хоса", "…, сообщила
        # канцелярия британского правительства": a subject the constructions could not reach;
        # the parse decides whether it is the cue's
        needs_mention = True
    elif ref is None or (ref.kind == "none" and cls != "impersonal"):
        return None
    first = after_glued_stop(view, lo, k)
    # The content is the sentence before the comma, unless it is itself a
    # complement clause of another cue ("X заявил, что ..., сообщает Y").
    start = content_start(view, first)
    end = view.toks[k].start
    while end > start and view.text[end - 1] in " ,":
        end -= 1
    resume = _resumes_after(view, ref, first, k, hi)
    if end <= start:
        if resume is None:
            return None
        # "Между тем, сообщает «Лента.ру», число …": only a connective before the attribution
        start = end = content_start(view, resume)
    found = Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                  channel=find_channel(view, cue_end, hi), cue_cls=cls, needs_mention=needs_mention)
    if resume is not None and end == start:
        found.end = content_end(view, resume, hi)
    elif resume is not None:
        # "В субботу, отмечает BBC, адвокат … покинул страну": the attribution sits
        # inside the reported sentence; `parts` holds the reported words alone.
        found.end = content_end(view, resume, hi)
        found.parts = [(start, end), (view.toks[resume].start, found.end)]
    return found


def displaced_cue(view: DocView, i: int) -> int | None:
    """The last token of the cue at token i if a scrape moved it behind its speaker's name and
    that name's period ("…, профсоюз пилотов Cockpit. сообщил По мнению …", "Об этом Ansa.
    сообщает Это открытая петиция …": a stripped link; 6 sentences in 6 BSNLP articles of three
    topics): a lower-case finite speech verb right after "Name." and before a capital."""
    # (a word of four letters or more: "ФСБ и др. сообщили Интерфаксу, что …" is an abbreviation's
    # period; a cue that governs a что-clause is no glued attribution)
    if i < 2 or view.toks[i - 1].text != "." or view.toks[i - 2].end != view.toks[i - 1].start or \
            not view.toks[i].text[:1].islower() or not (
                view.is_word(i - 2) and len(view.toks[i - 2].text) >= 4 or view.toks[i - 2].text in "»\""):
        return None
    c = cue_at(view, i)
    if c is None or c[2] != "say" or c[0] + 1 >= len(view.toks) or \
            not view.toks[c[0] + 1].text[:1].isupper() or \
            any(view.lower[k] in COMPLEMENTIZERS for k in range(c[0] + 1, min(c[0] + 5, len(view.toks)))):
        return None
    tag = view.parses(i)[0].tag
    return c[0] if tag.POS == "VERB" and "indc" in tag and (tag.person == "3per" or "past" in tag) else None


# Words that open a clause and never a name: a capitalised one right after a relay verb is the
# start of the next sentence ("…, сообщает По словам представителя МИД, …").
GLUED_OPENERS = frozenset(("по", "согласно", "судя", "как"))


def glued_opening(view: DocView, k: int) -> bool:
    """Does token k open a sentence that a stripped link glued to an inverted relay ("…, отпущена на
    свободу, сообщает По словам представителя МИД Пакистана, Биби освобождена …", "…, пишет Как
    констатируют британские СМИ, …": the outlet's name and the period went with the link; 4
    sentences in 4 BSNLP articles of three topics)? A capitalised source-phrase or "как" word right
    after a lower-case relay verb that follows a comma."""
    if k < 2 or k >= len(view.toks) or view.lower[k] not in GLUED_OPENERS or not view.toks[k].text[:1].isupper():
        return False
    v = k - 1
    if not view.toks[v].text[:1].islower() or view.toks[v - 1].text != "," or \
            view.parses(v)[0].normal_form not in lex.relay_verbs():
        return False
    tag = view.parses(v)[0].tag
    return tag.POS == "VERB" and "indc" in tag


def _displaced(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """"A, профсоюз пилотов Cockpit. сообщил …" (read: "A, сообщил профсоюз пилотов Cockpit"),
    "A, в Европейской комиссии. сообщили …", "A. Об этом Ansa. сообщает …": the attribution whose
    verb a scrape moved (`displaced_cue`); the speaker is the phrase before the period, the
    content the clause before its comma or, after "Об этом", the sentence before."""
    if displaced_cue(view, i) != cue_end:
        return None
    last = i - 2  # the name's last token
    si = view.tok_sent[last]
    first = max(lo, view.sent_first[si])
    a, about = None, False
    for k in range(last - 1, max(first, last - 9) - 1, -1):
        if view.toks[k].text == ",":
            a = k + 1
            break
        if view.lower[k] == "этом" and k - 1 == first and view.lower[k - 1] in ("об", "о"):
            a, about = k + 1, True
            break
    if a is None or a > last or any(k in view.quoted and view.quoted[k][0] < view.toks[a].start or
                                    view.parses(k)[0].tag.POS in ("VERB", "INFN") for k in range(a, last + 1)):
        return None  # the phrase before the period is a name or a body, nothing with a verb of its own
    if view.lower[a] in ("в", "во"):
        # "в Европейской комиссии. сообщили": the body in the locative speaks
        ref = search_locative(view, i, cue_end, a, last) or ref_from_np(view, a + 1, last)
    else:
        e = view.ent_at.get(a)
        ref = Ref("entity", e.start, e.end, entity=e) if e is not None and view.tok_index(e.end - 1) == last \
            else ref_from_np(view, a, last)
    ref.via = "displaced"
    if about:
        if si == 0 or not view.sent_range(si - 1):
            return None
        prev = view.sent_range(si - 1)
        start = content_start(view, _paragraph_report_start(view, si - 1))
        end = content_end(view, prev.start, prev.stop - 1)
    else:
        start = content_start(view, after_glued_stop(view, first, a - 1))
        end = view.toks[a - 1].start
        while end > start and view.text[end - 1] in " ,":
            end -= 1
    if end <= start:
        return None
    return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls)


def _dangling_mark(view: DocView, k: int, hi: int) -> bool:
    """Is token k an opening quotation mark that opens nothing (`marks` found no pair for it):
    what a stripped link leaves after "передает «"?"""
    return k <= hi and view.toks[k].text in "«„\"" and view.toks[k].start not in view.pair_by_open


def _clause_after(view: DocView, cue_end: int, hi: int) -> bool:
    """Does a finite verb of a main clause follow the cue in its sentence (no relative or
    complementizer before it)? An inverted attribution ends its sentence."""
    for m in range(cue_end + 1, hi + 1):
        if view.lower[m] in lex.relative_pronouns("nomn") or view.lower[m] in COMPLEMENTIZERS or view.lower[m] in (",", "и", "а", "но"):
            return False  # ("сообщает ТАСС, который …", "пишет газета и добавляет")
        if m not in view.quoted and view.parses(m)[0].tag.POS == "VERB":
            return True
    return False


def _month(word: str) -> bool:
    """A month's name in the genitive ("июля", "сентября")."""
    return len(word) >= 3 and word.endswith(("я", "а")) and any(word.startswith(p) for p, _ in lex.months())


def _nominal_after(view: DocView, cue_end: int, hi: int) -> bool:
    """Is there a person, an organisation or a nominative noun after the cue (up to the next
    comma that does not end a date or a time phrase)?"""
    return any(view.ent_at.get(m) is not None and view.ent_at[m].type in ("PER", "ORG")
               or m not in view.quoted and (can_be_subject(view, m) or view.lower[m] in lex.pronouns_in("nomn"))
               for m in range(cue_end + 1, hi + 1))


def _about_this_between(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """"Об этом правительство Великобритании сообщило в понедельник", "Об этом сегодня, 9 июля,
    сообщили в канцелярии премьера": a sentence that opens with "об этом" and holds its subject
    or a time phrase before the cue reports the sentence before it (the cases
    `_inverted` leaves: a subject other than a pronoun or a person's name)."""
    if cls not in ("say", "think", "impersonal") or hi - lo < 3 or view.lower[lo] not in ("об", "о") or \
            view.lower[lo + 1] != "этом" or not lo + 2 < i <= lo + 14 or view.tok_sent[i] == 0:
        return None
    if not is_prep(view, lo + 2) and noun_parse(view, lo + 2, "loct") is not None:
        return None  # "Об этом человеке говорят разное": "этом" qualifies a noun, the topic
    for m in range(lo + 2, i):
        if m in view.quoted or not (view.is_word(m) or view.toks[m].text in ",-") or \
                view.parses(m)[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS") or cue_at(view, m) is not None:
            return None  # another clause, a quotation: not the attribution alone
    if cls == "impersonal":
        ref = search_document(view, i, lo, hi) or Ref("none")
    else:
        ref = _inverted_ref(view, i, cue_end, cls, lo, hi)
        if ref is None:
            ref = search_subject(view, i, lo + 2)
            if ref is not None and ref.kind == "entity" and ref.entity.text in lex.media_names():
                ref = None  # "Об этом РИА Новости сказали в офисе": the outlet is the addressee
    needs_mention = ref is None
    if needs_mention and not _nominal_after(view, lo + 1, hi):
        return None
    si = view.tok_sent[i]
    prev = view.sent_range(si - 1)
    if not prev:
        return None
    start = content_start(view, _paragraph_report_start(view, si - 1))
    end = content_end(view, prev.start, prev.stop - 1)
    if end <= start:
        return None
    return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                 channel=find_channel(view, cue_end, hi), cue_cls=cls, needs_mention=needs_mention)


def _paragraph_report_start(view: DocView, si: int) -> int:
    """First token of the report that "Об этом сообщает X" closes: the sentence before it and
    those before that in its paragraph, up to three more, when they narrate from the paragraph's
    start (or a dateline) on. Where another report (a cue, a source noun, a quotation mark) stands
    earlier in the paragraph, or the paragraph is longer, the paragraph is no single report and
    "об этом" points at its last sentence ("…, который накануне объявил о своем уходе … . Назначение
    … одобрено … . На этом посту Рааб сменил Дэвиса. Об этом … уведомила": the tune gold takes the
    last sentence alone in both such places, the whole paragraph in both that narrate from its start)."""
    last = view.sent_range(si).start
    if _reports(view, view.sent_range(si)):
        return last  # "Как передала X, … . Об этом сообщил Y": the report just before
    first = last
    for sj in range(si - 1, si - 5, -1):
        rng = view.sent_range(sj) if sj >= 0 else range(0)
        if not rng or "\n" in view.text[view.toks[rng.stop - 1].end:view.toks[first].start]:
            return first  # the paragraph's start
        if _first_verb(view, rng) is None:
            return first  # a dateline
        if _reports(view, rng):
            return last  # another report in the paragraph
        first = rng.start
    return last  # a long paragraph


def _reports(view: DocView, rng: range) -> bool:
    """Does the sentence hold a report of its own (a cue, a source phrase, quotation marks)?"""
    return any(view.toks[k].text in OPEN_MARKS or view.toks[k].text in "»“”" or cue_at(view, k) is not None
               or view.lower[k] in lex.source_nouns() for k in rng)


def _first_verb(view: DocView, rng: range) -> int | None:
    return next((k for k in rng if view.parses(k)[0].tag.POS == "VERB"), None)


def _resumes_after(view: DocView, ref: Ref, first: int, comma: int, hi: int) -> int | None:
    """The token where reported words resume after a parenthetical attribution,
    when the words before it have no verb of their own and so cannot be the whole content."""
    if ref is None or ref.kind in ("none",) or not ref.end:
        return None
    j = view.tok_index(ref.end - 1) + 1
    if j <= hi and view.toks[j].text in "»\"“”" and view.text[ref.end - 1:ref.end] not in "»\"“”":
        j += 1  # "сообщает «Лента.ру», …": past the outlet's closing mark
    if j > hi or view.toks[j].text != "," or j + 1 > hi or \
            not (view.is_word(j + 1) or view.toks[j + 1].text in OPEN_MARKS):
        return None
    if not any(view.parses(k)[0].tag.POS in ("VERB", "INFN", "PRTS", "PRED") for k in range(j + 1, hi + 1)):
        return None  # "…, сказала Соня ван Тихелен, региональный директор IFAW": an apposition, not more words
    if any(view.parses(k)[0].tag.POS in ("VERB", "INFN", "PRTS") for k in range(first, comma)):
        # "Музыка стала бонусом, добавил он, но она имеет и медицинскую пользу": the words before
        # are a clause; the speaker's argument goes on through a contrast or a reason, or through
        # a clause of its own that names its subject before its verb ("…, говорится в публикации,
        # его уход может послужить поводом …"), not through the speaker's own second predicate
        n = next((len(w) for w in lex.verdict_breaks()[:9] if tuple(view.lower[j + 1:j + 1 + len(w)]) == w), 0)
        if not (n and _own_subject(view, j + 1 + n, hi) or not n and _subject_clause(view, j + 1, hi)):
            return None
    return j + 1


def _own_subject(view: DocView, k: int, hi: int) -> bool:
    """Does the clause from token k name its own subject before its verb ("но она имеет …"),
    rather than go on with the speaker's ("но подробностей не привел")?"""
    for m in range(k, min(hi, k + 8) + 1):
        tag = view.parses(m)[0].tag
        if tag.POS in ("VERB", "GRND", "INFN") or not view.is_word(m):
            return False
        if tag.POS in ("NOUN", "NPRO") and "nomn" in tag:
            return True
    return False


def _subject_clause(view: DocView, k: int, hi: int) -> bool:
    """Do the words from token k make a main clause that names its subject before its finite verb,
    with no punctuation between (an apposition with a relative clause after it, "…, директор
    компании, которая …", has a comma first; a gerund or a relative word opens no such clause)?"""
    subject = False
    for m in range(k, min(hi, k + 8) + 1):
        if not view.is_word(m) or view.lower[m] in COMPLEMENTIZERS:
            return False
        p = view.parses(m)[0]
        if p.normal_form in lex.relative_words():
            return False
        if p.tag.POS in ("GRND", "INFN", "PRTF"):
            return False
        if p.tag.POS in ("VERB", "PRTS", "ADJS"):  # "…, говорится в сообщении, решение принято"
            return subject
        subject = subject or can_be_subject(view, m) or view.lower[m] in lex.pronouns_in("nomn")
    return False


def _inverted_ref(view, i, cue_end, cls, lo, hi) -> Ref | None:
    if cls == "impersonal":
        return search_document(view, i, lo, hi) or _passive_agent(view, cue_end, hi) or Ref("none")
    if cls == "finding":
        return _report_after(view, cue_end, hi)
    ref = search_inverted(view, cue_end, hi) or search_locative(view, i, cue_end, lo, hi)
    if ref is None and view.parses(i)[0].normal_form in lex.relay_verbs() and (
            cue_end == hi or view.toks[cue_end + 1].text in TERMINAL or _dangling_mark(view, cue_end + 1, hi)):
        return Ref("lost")  # "…, пишет\n\n": the outlet's name went with a stripped link
    if ref is None and cue_end == hi and view.is_word(cue_end) and cue_end + 1 < len(view.toks) and \
            "\n" not in view.text[view.toks[cue_end].end:view.toks[cue_end + 1].start]:
        # the sentence ends on the verb with no stop, the next one glued on (`nlp.GLUED_START`):
        # "…, напоминает Он покинул свой пост …", whoever reminds went with a stripped link
        return Ref("lost")
    return ref


def _comma_or_stop(view: DocView, k: int, hi: int) -> int:
    """The first comma or sentence stop from token k on; hi + 1 where there is none."""
    return next((j for j in range(k, hi + 1) if view.toks[j].text == "," or view.toks[j].text in TERMINAL), hi + 1)


def _report_after(view: DocView, cue_end: int, hi: int) -> Ref | None:
    """The finding source in the nominative right after an inverted finding cue, with its
    adjectives and genitives ("свидетельствуют последние данные торгов", "показывают результаты
    опроса"); a person or anything else there is no report ("…, показывает опыт")."""
    k = cue_end + 1
    while k <= hi and view.lower[k] in lex.fillers():
        k += 1  # "свидетельствуют также данные"
    head = k
    while head <= hi and head - k < 3 and head not in view.quoted and noun_parse(view, head, "nomn") is None and any(
            q.tag.POS in ("ADJF", "PRTF") and "nomn" in q.tag for q in view.parses(head)[:2]):
        head += 1  # "последние данные" (its first reading the accusative)
    p = noun_parse(view, head, "nomn") if head <= hi and head not in view.quoted else None
    if p is None or p.normal_form not in lex.finding_sources():
        return None
    stop = _comma_or_stop(view, head, hi)
    b = np_bounds(view, head, head, stop - 1)[1]
    ref = ref_from_np(view, k, max(b, head))
    ref.head = p.normal_form
    ref.via = "the finding source after the inverted finding cue"
    return ref


def _passive_agent(view: DocView, cue_end: int, hi: int) -> Ref | None:
    """The agent in the instrumental right after a passive cue, up to the comma: "как заявлено
    производителями", "как сообщается пресс-службой МВД" (the agent speaks)."""
    k = cue_end + 1
    # the noun's first reading, not a rarer one ("сообщается в": the preposition, not a letter's name)
    if k > hi or view.lower[k] in PREPOSITIONS or not any(
            "ablt" in p.tag and (p.tag.POS == "NOUN" or k in view.ent_at) for p in view.parses(k)[:1]):
        return None
    stop = _comma_or_stop(view, k, hi)
    b = np_bounds(view, k, k, stop - 1)[1]
    ref = ref_from_np(view, k, max(b, k), case="ablt")
    ref.via = "the agent of the passive cue"
    return ref if ref.kind in ("entity", "np") else None


def _infinitive(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Пообещал / призвал (кого-то) сделать …"""
    if cls != "promise" and lemma not in lex.directive_verbs():
        return None
    j, words = cue_end + 1, 0
    while j <= hi and words < 5:
        if view.toks[j].text in TERMINAL or view.toks[j].text in ",;:":
            return None
        o = view.toks[j].start
        c = view.pair_by_open.get(o)
        if c is not None and view.tok_index(c) < hi and name_quote(view, o, c) and \
                view.parses(j + 1)[0].tag.POS != "INFN":
            # the one called on, a name in quotation marks, is one word of the five: призвал
            # «Газпром» «ответить …» as призвал ООН «ответить …»
            j, words = view.tok_index(c) + 1, words + 1
            continue
        words += 1
        if view.parses(j)[0].tag.POS == "INFN":
            start = view.toks[j].start
            end = content_end(view, j, hi)
            pair = view.quoted.get(j)
            if pair is not None and pair[0] > view.toks[cue_end].start:
                start, end = pair[0], max(end, pair[1] + 1)  # просила их "не терять мужество"
            # A call or a promise reports speech only with the words quoted: призвал "защитить
            # честь пророка"; "пообещала уволить министров" reports an intention, nothing said.
            if not any(c < end and not name_quote(view, o, c) for o, c in view.pairs_opening_in(start, end)):
                return None
            ref = search_subject(view, i, lo)
            if ref is None:
                return None
            return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                         addressee=None, cue_cls=cls)
        j += 1
    return None


def _named(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Назвал "показательным", что …: a quoted verdict after назвать."""
    if cls != "name" and lemma not in lex.verdict_verbs():
        return None
    for k in range(i - 2, max(lo, i - 10) - 1, -1):
        if view.toks[k].text in TERMINAL + ";:" or view.parses(k)[0].tag.POS == "VERB":
            break  # ("Министр, который приехал вчера, назвал …": the relative clause has its own verb)
        if view.parses(k)[0].normal_form == "который":
            # "острова, которые и Япония, и Россия считают своими": a subject stands between the
            # relative and the verb, so the relative is the object ("…, который назвал" is the subject)
            return None
    noun = noun_parse(view, cue_end + 1) if cue_end + 1 <= hi and view.is_word(cue_end + 1) else None
    if noun is not None and noun.normal_form in lex.named_objects():
        return None  # "назвал имена арбитров": names a thing, no verdict
    kak = _verdict_as(view, cue_end, hi)
    if kak is not None:
        # "уход Джонсона расценили как нежелание оставаться в шлюпке": the verdict after "как";
        # "назвала предстоящую забастовку как «ненужную»": with its object, the verdict about it
        ref = search_subject(view, i, lo) or _before_object(view, search_locative(view, i, cue_end, lo, hi))
        first = kak + 1 if kak == cue_end + 1 else cue_end + 1
        end = content_end(view, kak + 1, hi)
        if ref is None or end <= view.toks[kak + 1].start:
            return None
        quoted = any(k in view.quoted and not name_quote(view, *view.quoted[k]) for k in view.tokens_in(
            view.toks[first].start, end))
        return Found("mixed" if quoted else "indirect", view.toks[first].start, end,
                     (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls)
    verdict = _verdict_after_object(view, cue_end, hi)
    if cls != "name" and verdict is None and (cue_end + 1 > hi or is_prep(view, cue_end + 1) or not any(
            view.is_word(k) and k not in view.ent_at and "ablt" in view.parses(k)[0].tag
            for k in range(cue_end + 1, min(hi, cue_end + 3) + 1))):
        # ("объявил о своей добровольной отставке": a topic, not a verdict)
        return None  # "объявили этот план предательством", "считает важной роль": the verdict comes first
    j = cue_end + 1
    if j <= hi and view.toks[j].start in view.pair_by_open and \
            not name_quote(view, view.toks[j].start, view.pair_by_open[view.toks[j].start]):
        o = view.toks[j].start
        start = o
        end = _verdict_end(view, j, content_end(view, j, hi))
        ref = search_subject(view, i, lo)
        return Found("mixed", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls,
                     needs_mention=ref is None)
    # "назвал Биби мученицей за веру", "назвал его «одной из выдающихся сил»": a verdict in
    # the instrumental, with or without quoted words.
    end = _verdict_end(view, j, content_end(view, j, hi)) if j <= hi else 0
    comma = next((k for k in view.tokens_in(view.toks[j].start, end) if view.toks[k].text == "," and k not in view.quoted),
                 None) if end and view.parses(i)[0].tag.POS == "GRND" else None
    if comma is not None:
        end = view.toks[comma - 1].end  # "…, сочтя дело бездоказательным, исламисты …": a gerund's phrase ends at its comma
    last = view.tok_index(end - 1) if end else j - 1
    quoted = any(k in view.quoted and not name_quote(view, *view.quoted[k]) for k in range(j, last + 1))
    # Inside quotation marks any reading counts ("«одной из сил»"), and so it does after a
    # named object ("назвал его одной из сил"); otherwise the first one must be instrumental,
    # or every ambiguous word would pass ("называли имена").
    named_object = j <= hi and view.lower[j] in lex.possessive_pronouns()
    if last < j or not j <= (verdict or -1) <= last and not any(view.is_word(k) and k not in view.ent_at and any(
            "ablt" in p.tag for p in view.parses(k)[:3 if k in view.quoted or named_object else 1])
            for k in range(j + named_object, last + 1)):
        return None
    # or, failing those, the parse's subject ("Клуб «Бавария» (Мюнхен) считает")
    ref = search_subject(view, i, lo) or search_locative(view, i, cue_end, lo, hi)
    return Found("mixed" if quoted else "indirect", view.toks[j].start, end,
                 (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls, needs_mention=ref is None)


def _verdict_after_object(view: DocView, cue_end: int, hi: int) -> int | None:
    """The verdict's word when the verb's object stands between it and the verb ("считает недовольство
    работников необоснованным", "объявило эти инструкции «государственной тайной»", "объявил свою
    страну ядерной державой"): the object (a word that reads as accusative, or a name) and at most
    four words more, with no punctuation but quotation marks, no preposition, verb or "что"; then a
    word that reads as instrumental among its first two readings (any, inside quotation marks). An
    adjective must agree with the noun after it, if one follows ("объявили результаты конкурса
    молодой поэзии": a genitive, no verdict); a time noun is an adverbial ("объявил итоги вечером")."""
    j = cue_end + 1
    if j > hi or not view.is_word(j) or is_prep(view, j) or not (
            j in view.ent_at or any("accs" in p.tag for p in view.parses(j)[:3])):
        return None
    for k in range(j + 1, min(hi, j + 5) + 1):
        if view.toks[k].text in OPEN_MARKS or view.toks[k].text in "»\"“”" and k in view.quoted:
            continue
        if not view.is_word(k) or is_prep(view, k) or view.lower[k] in COMPLEMENTIZERS or \
                view.parses(k)[0].tag.POS in ("VERB", "INFN", "GRND"):
            return None
        readings = [p for p in view.parses(k)[:3 if k in view.quoted else 2]
                    if "ablt" in p.tag and p.tag.POS in ("NOUN", "ADJF", "PRTF")]
        if not readings or k in view.ent_at or readings[0].normal_form in lex.time_nouns():
            continue
        n = k + 1 + (k + 1 <= hi and view.toks[k + 1].text in "»\"“”")
        if readings[0].tag.POS != "NOUN" and n <= hi and noun_parse(view, n) is not None and \
                noun_parse(view, n, "ablt") is None:
            return None
        return k
    return None


def _before_object(view: DocView, ref: Ref | None) -> Ref | None:
    """A body named in the locative ends before the verdict's object fronted after it ("В самой
    авиакомпании предстоящую забастовку охарактеризовали как …": the company, not the strike): at
    the first word after its noun that cannot be genitive (what follows a body's noun and belongs to
    it is a genitive or a name: "в пресс-службе мэрии")."""
    if ref is None or ref.kind != "np" or ref.case != "loct":
        return ref
    ks = list(view.tokens_in(ref.start, ref.end))
    head = next((k for k in ks if noun_parse(view, k, "loct") is not None), None)
    for k in ks:
        if head is not None and k > head and view.is_word(k) and k not in view.ent_at and \
                not view.toks[k].text[:1].isupper() and not any("gent" in p.tag for p in view.parses(k)[:3]):
            return replace(ref, end=view.toks[k - 1].end)
    return ref


def _verdict_as(view: DocView, cue_end: int, hi: int) -> int | None:
    """The "как" of a verdict: right after the verb, or after its object in the accusative
    ("охарактеризовал происходящее как «полный хаос»"; at most three words, no punctuation)."""
    for k in range(cue_end + 1, min(hi - 1, cue_end + 4) + 1):
        if view.lower[k] == "как":
            return k if view.is_word(k + 1) or view.toks[k + 1].text in OPEN_MARKS else None
        if not view.is_word(k) or k in view.quoted or not any("accs" in p.tag for p in view.parses(k)[:3]):
            return None
    return None


def _bare_verdict(view: DocView, f: Found) -> bool:
    """A one-word verdict, its object before the verb: "забастовку назвали бесполезной",
    "забастовку охарактеризовали как «ненужную»" (an adjective, not a pronoun: "считают своими")."""
    k, last = view.tok_index(f.start), view.tok_index(f.end - 1)
    if view.toks[k].text in OPEN_MARKS and view.toks[last].text in "»\"“”" and last - k == 2:
        k, last = k + 1, last - 1
    return f.sieve == "indirect:verdict" and view.is_word(k) and last == k and \
        any(p.tag.POS == "ADJF" and "Apro" not in p.tag for p in view.parses(k)[:2])


def _verdict_end(view: DocView, first: int, end: int) -> int:
    """A verdict's predicate ends before a comma that opens a clause of its own (", поскольку …", a
    gerund's), before a colon that opens the speaker's own words ("называет вмешательство злом: «Я
    убежден …»"), and before a second predicate of the speaker ("назвал ее «хорошим премьером» и выразил
    надежду, что …"): a verdict is a noun or adjective phrase, never a finite verb's clause."""
    for k in view.tokens_in(view.toks[first].start, end):
        if k in view.quoted:
            continue
        if view.toks[k].text == "," and (any(
                tuple(view.lower[k + 1:k + 1 + len(w)]) == w for w in lex.verdict_breaks())
                or k + 1 < len(view.toks) and view.parses(k + 1)[0].tag.POS == "GRND"):
            # (", отмечая высокие зарплаты": the speaker's next act, not the verdict)
            return view.toks[k].start
        if view.toks[k].text == ":" and k > first:
            return view.toks[k].start
        if view.lower[k] in ("и", "а") and k > first and k + 1 < len(view.toks) and \
                view.toks[k + 1].start < end and view.parses(k + 1)[0].tag.POS == "VERB":
            return view.toks[k - 1].end
    return end


# The prepositions of a source phrase, with how many words they take: "по словам X",
# "согласно данным X", "судя по оценкам экспертов" (each with a source noun in the dative).
SOURCE_PREPOSITIONS = {("по",): 1, ("согласно",): 1, ("судя", "по"): 2, ("с", "точки"): 2}
SOURCE_FIRST_WORDS = frozenset(k[0] for k in SOURCE_PREPOSITIONS)


def _source_phrase(view: DocView, i: int, lo: int, hi: int, width: int) -> Found | None:
    """по словам X, …  /  по его словам, …  /  …, по данным X  /  согласно данным X, …"""
    if view.lower[i] == "согласно" and view.lower[i + 1] in lex.relative_pronouns("datv"):
        return _by_which(view, i, lo, hi)
    j = i + width
    pron = None
    if view.lower[j] in lex.pronouns():
        pron = j
        j += 1
    agent = None
    if view.lower[i] == "согласно":
        head, agent = _dative_head(view, j, hi)
        j = head or j
    # "по последним данным учёных", "согласно недавнему опросу YouGov": adjectives before the noun
    while pron is None and j < hi and j < i + width + 2 and j not in view.ent_at and \
            view.lower[j] not in lex.source_nouns() and view.parses(j)[0].tag.POS in ("ADJF", "PRTF"):
        j += 1
    lemma = lex.source_nouns().get(view.lower[j]) if j <= hi else None
    if lemma is None and view.lower[i] == "по" and j == i + 1 and view.lower[j] in RESULT_WORDS:
        return _result_phrase(view, i, lo, hi)
    doc = None
    if lemma is None and view.lower[i] == "согласно" and j <= hi and view.is_word(j):
        doc = noun_parse(view, j, "datv")
        if doc is not None and doc.normal_form in lex.norm_nouns():
            return None  # "согласно закону / статье 50 / графику": a norm the clause obeys, not a source
        if doc is not None and (doc.normal_form in lex.source_lemmas() or pron is not None):
            # "согласно мнениям аналитиков" (a form source_nouns.tsv lacks), "Согласно ее показаниям"
            lemma = doc.normal_form if doc.normal_form in lex.source_lemmas() else "согласно"
    if lemma is None:
        if view.lower[i] != "согласно":
            return None
        if doc is not None and not proper_noun(view, j):
            # "Согласно документу, …", "согласно итоговому анализу данных", "согласно рекомендациям
            # Министерства": whatever states, reports, shows or estimates speaks, with its genitive
            gen = search_genitive(view, j, hi)
            b = view.tok_index(gen.end - 1) if gen is not None else j
            ref = ref_from_np(view, j, b) if gen is not None or agent is None else agent
            phrase_end, lemma = b, "согласно"
        else:
            # "Согласно «Байонтек», …", "согласно Bloomberg, …", "Согласно comScore, …": the source
            # named right after
            j = i + width
            ref = _named_source(view, j, hi) or _latin_name(view, j, hi)
            if ref is None:
                return None
            phrase_end, lemma, j = view.tok_index(ref.end - 1), "согласно", i
    elif pron is not None:
        g = lex.pronouns().get(view.lower[pron], ("p", ""))[0]
        ref = Ref("pronoun", view.toks[pron].start, view.toks[pron].end, gender=g)
        phrase_end = j
    else:
        # "по оценкам «Байонтек»": a name in quotation marks, else the genitive phrase
        ref = _named_source(view, j + 1, hi) if j + 1 <= hi and not view.is_word(j + 1) else None
        ref = ref or search_genitive(view, j, hi) or _site_source(view, j, hi) or agent
        if ref is None and view.lower[i] == "согласно" and lemma in lex.report_documents():
            ref = ref_from_np(view, j, j)  # "Согласно официальному заявлению, …": the statement speaks
        if ref is None or lemma == "зрение" and not _can_hold_a_view(view, ref):
            return None  # "с точки зрения закона": a topic, not a source
        phrase_end = view.tok_index(ref.end - 1)
    # Phrase at the start of the sentence (after openers): content follows the comma.
    k = phrase_end + 1
    while k <= hi and view.toks[k].text != ",":
        if view.toks[k].text in TERMINAL:
            break
        k += 1
    cue = (view.toks[i].start, view.toks[j].end, lemma)
    # (a displaced cue before it ends the sentence before: "… Cockpit. сообщил По мнению X, …")
    if view.toks[i].start <= content_start(view, lo) or displaced_cue(view, i - 1) == i - 1 or glued_opening(view, i) or \
            all(not view.is_word(x) or view.lower[x] in ("а", "и", "но", "как", "однако") for x in range(lo, i)):
        unclosed = unclosed_phrase_end(view, j, phrase_end, k, hi) if pron is None else None
        if pron is not None and phrase_end + 1 <= hi and view.is_word(phrase_end + 1) and \
                view.lower[phrase_end + 1] not in ("и", "или", "а", "но") and not is_prep(view, phrase_end + 1):
            first = phrase_end + 1  # "По ее словам руководитель Белого дома планирует …": the comma left out
        elif unclosed is not None:
            # "Согласно отчету логистов DHL две трети населения …", "По мнению ряда экспертов две
            # другие вакцины - …, - будут одобрены": the comma left out, the parse bounds the phrase
            if unclosed < phrase_end:
                ref = search_genitive(view, j, unclosed)
                if ref is None:
                    return None
            first = unclosed + 1
        elif pron is None and lemma != "согласно" and _content_without_comma(view, j, phrase_end, k, hi):
            # "По информации агентства AP причиной отставки стали …", "По подсчетам издания в
            # забастовке участвуют …": the comma left out after a named source; the content's
            # predicate comes before any comma, so the comma later in the sentence is not the phrase's
            first = phrase_end + 1
        elif k > hi or view.toks[k].text != ",":
            return None
        else:
            first = k + 1
        if first <= hi and (view.parses(first)[0].normal_form == "который" or view.parses(first)[0].tag.POS == "PRTF"
                            and not any("nomn" in p.tag for p in view.parses(first) if p.tag.POS == "PRTF")):
            # "Согласно предварительному анализу, который сравнил …, уровень …", "По данным исследования,
            # проведенного по поручению Сената, …": the source's own clause, then the content (a
            # nominative participle is the content's subject: "генерируемые иммунной системой антитела")
            first = next((x + 1 for x in range(first + 1, hi) if view.toks[x].text == "," and x not in view.quoted), hi + 1)
        if first > hi:
            return None
        start, end = content_start(view, first), content_end(view, first, hi)
        close = view.pair_by_open.get(view.toks[first].start)
        if close is not None and close >= end:
            end = close + 1  # «…» over several sentences: the content runs to the closing mark
        colon = next((o for o, c in view.pairs_opening_in(start + 1, end) if c >= end - 1 and
                      view.text[start:o].rstrip().endswith(":")), None)
        if colon is not None and _cue_before_colon(view, first, view.tok_index(colon) - 1):
            # "По словам обвинительницы, Биби ответила так: «…»": the quotation is the words of a
            # cue inside the report, part of it
            end = view.pair_by_open[colon] + 1
        elif colon is not None:
            # "По словам X, Крым не единственный объект …: «Турция …»": the source's own words after
            # the colon are a direct quotation, as after "заявила, что …:"
            end = content_end(view, first, view.tok_index(colon) - 2)
    else:
        # …, по словам X.  The content is what precedes the phrase.
        prev = i - 1
        if view.toks[prev].text != ",":
            return None
        start = content_start(view, lo)
        end = view.toks[prev].start
        # and what follows, if the phrase sits mid-sentence: "A, по словам X, B".
        if k <= hi and view.toks[k].text == "," and k + 1 <= hi:
            end = content_end(view, k + 1, hi)
            if prev - 2 >= lo and view.lower[prev - 1] in lex.relative_pronouns("nomn") and view.toks[prev - 2].text == ",":
                # "…воды, которая, по их мнению, стала нечистой …": the source speaks of the
                # relative clause alone, whose words are B
                start = content_start(view, k + 1)
    if end <= start:
        return None
    return Found("indirect", start, end, cue, ref, cue_cls="source")


# "по итогам X", "по результатам X": a source phrase only when X is a finding source
RESULT_WORDS = frozenset(("итогам", "результатам"))


def _result_phrase(view: DocView, i: int, lo: int, hi: int) -> Found | None:
    """"По итогам международных испытаний, вакцина способна …", "По результатам опроса, …": at the
    head of its sentence, the study or poll whose result the clause after the comma is speaks, in
    the genitive; not "По итогам переговоров Мэй объявила" (a meeting is no report), nor the
    basis of a decision mid-sentence ("одобрило по результатам испытаний")."""
    if not all(not view.is_word(x) or view.lower[x] in ("а", "и", "но", "однако") for x in range(lo, i)):
        return None
    comma = _comma_or_stop(view, i + 2, hi)
    if comma + 1 > hi or view.toks[comma].text != ",":
        return None
    noun = next((k for k in range(i + 2, min(i + 5, comma)) if noun_parse(view, k, "gent") is not None), None)
    if noun is None or noun_parse(view, noun, "gent").normal_form not in lex.finding_sources():
        return None
    ref = ref_from_np(view, i + 2, comma - 1, case="gent")
    ref.head = noun_parse(view, noun, "gent").normal_form
    start, end = content_start(view, comma + 1), content_end(view, comma + 1, hi)
    if end <= start:
        return None
    cue = (view.toks[i].start, view.toks[i + 1].end, view.parses(i + 1)[0].normal_form)
    return Found("indirect", start, end, cue, ref, cue_cls="source")


def _content_without_comma(view: DocView, noun: int, phrase_end: int, k: int, hi: int) -> bool:
    """Does the content start right after a source phrase (its noun at `noun`, its source ending at
    `phrase_end`) with no comma (`k`: the first comma or stop after it)? Only if the source is a
    genitive or a name right after the noun (not the content's subject: "По разным данным иммунитет
    уже успели заработать …" names no source), a predicate stands before that comma, in lower case
    and outside names (a surname the analyser reads as a short adjective is part of the source), and
    the word after the phrase opens a clause, not the source's own participle or relative clause
    ("По данным исследования проведенного …") or a second conjunct."""
    src, first = noun + 1, phrase_end + 1
    if src > phrase_end or not (src in view.ent_at or not view.toks[src].text[:1].islower() or
                                any("gent" in p.tag for p in view.parses(src)[:3])):
        return False
    if first > hi or not view.is_word(first) or first in view.quoted or \
            view.lower[first] in ("и", "или", "а", "но") or view.parses(first)[0].normal_form == "который" or \
            view.parses(first)[0].tag.POS in ("PRTF", "GRND"):
        return False
    # (a predicate among a word's first two readings: "это опасно" reads as an adverb first)
    return _predicate_before(view, first, min(k, hi + 1))


def _predicate_before(view: DocView, a: int, b: int) -> bool:
    """A word among tokens a…b-1 whose first two readings hold a predicate, in lower case, outside
    names and quotations (a surname the analyser reads as a short adjective is no predicate)."""
    return any(view.is_word(m) and m not in view.ent_at and m not in view.quoted and view.toks[m].text.islower()
               and any(p.tag.POS in CLAUSE_PREDICATES for p in view.parses(m)[:2]) for m in range(a, b))


def unclosed_phrase_end(view: DocView, head: int, phrase_end: int, k: int, hi: int, subjectless: bool = False) -> int | None:
    """The last token of an introductory phrase that opens its sentence ("Как сообщает Минздрав РФ",
    "Согласно отчету логистов DHL", "По мнению ряда экспертов", `head` its cue or noun, `phrase_end`
    where the mention searches end its source) when the comma that should close it is left out: a
    predicate stands between the phrase and the first comma or stop (`k`), so that comma, if any, is
    the content's own. natasha's parse of the sentence (run only then) bounds the phrase: the
    subtree of its head, which must hang on a word after it (the content's predicate) — the source
    searches cannot tell where "Минздрав РФ" ends and "вакцина позволяет …" begins. A second
    subject the parse hangs on the cue ("Как отмечают британские СМИ решение, принятое …, стало
    ударом") is the content's, and so is any subject of a `subjectless` (impersonal) cue ("Как
    сообщалось Верховный суд оправдал …")."""
    if not _predicate_before(view, phrase_end + 1, min(k, hi + 1)):
        return None
    si = view.tok_sent[head]
    tree = view.trees([si])[si]
    first = view.sent_first[si]
    if tree[head - first][0] <= head:
        return None  # the phrase is the sentence's root, or hangs on a word before it
    children: dict[int, list[int]] = {}
    for x, (h, rel) in enumerate(tree, first):
        children.setdefault(h, []).append(x)
    subjects = [x for x in children.get(head, ()) if tree[x - first][1] in ("nsubj", "nsubj:pass") and x > head]
    theirs = subjects[0 if subjectless else 1:]  # the subjects that are the content's
    stack, inside = [x for x in children.get(head, ()) if x not in theirs], {head}
    while stack:
        x = stack.pop()
        inside.add(x)
        stack.extend(children.get(x, ()))
    end = max((x for x in inside if view.is_word(x) or view.toks[x].start in view.pair_by_close), default=head)
    if theirs:
        end = min(end, theirs[0] - 1)
    if end + 1 > hi or not (view.is_word(end + 1) or view.opens_quote(end + 1)) \
            or tree[head - first][0] <= end or not _predicate_before(view, end + 1, hi + 1):
        return None
    return end


def _latin_name(view: DocView, j: int, hi: int) -> Ref | None:
    """"Согласно comScore, …": a name in Latin letters the NER did not tag, up to the comma."""
    k = j
    while k <= hi and re.fullmatch(r"[A-Za-z][\w&.'’-]*", view.toks[k].text):
        k += 1
    if k == j:
        return None
    o, e = view.toks[j].start, view.toks[k - 1].end
    return Ref("entity", o, e, entity=Entity(o, e, "ORG", view.text[o:e]), case="datv")


def _dative_head(view: DocView, j: int, hi: int) -> tuple[int | None, Ref | None]:
    """The head noun of the dative phrase "согласно" opens at token j: past adjectives, numbers and a
    participle with its own phrase ("согласно проведенным Исследовательским центром Пью (Pew Research
    Center) опросам", "согласно установленным Минздравом РФ приоритетам"); None when no dative noun
    heads it. With it, the participle's agent, a name in the instrumental, who owns the source."""
    participle, agent = False, []
    for k in range(j, min(hi, j + 12) + 1):
        if not view.is_word(k):
            if participle and view.toks[k].text in "()":
                continue  # a gloss inside the participle's phrase
            return None, None
        p = view.parses(k)[0]
        if p.tag.POS in ("ADJF", "PRTF", "NUMR") or view.toks[k].text.isdigit():
            participle = participle or p.tag.POS == "PRTF"
            continue
        if participle and (k in view.ent_at or view.toks[k].text[0].isupper()):
            agent.append(k)  # the participle's agent: "Исследовательским центром Пью"
            continue
        if noun_parse(view, k, "datv") is not None and "Fixd" not in p.tag:
            e = view.ent_at.get(agent[0]) if agent else None
            if e is None or e.type not in ("ORG", "PER"):
                return k, None
            # the name without its gloss: "Исследовательским центром Пью (Pew Research Center)"
            end = min([view.toks[x].start for x in range(agent[0], k) if view.toks[x].text == "("
                       and view.toks[x].start > e.start] + [e.end])
            end = len(view.text[:end].rstrip())
            return k, Ref("entity", e.start, end, entity=replace(e, end=end, text=view.text[e.start:end]), case="ablt")
        if not participle:
            return None, None
    return None, None


def _cue_before_colon(view: DocView, first: int, colon: int) -> bool:
    """Does the clause before a colon (back to a comma) hold a cue of its own ("Биби ответила на
    эту фразу так:", "заявил следующее:")? Then the quotation after the colon is that cue's."""
    for k in range(colon - 1, first - 1, -1):
        if view.toks[k].text in (",", ";") or k in view.quoted:
            return False
        if cue_at(view, k) is not None:
            return True
    return False


def _can_hold_a_view(view: DocView, ref: Ref) -> bool:
    """"С точки зрения правительства / Брюсселя / Джонсона": a name, a person or a body; not
    "с точки зрения закона, экономики"."""
    if ref.kind in ("entity", "pronoun"):
        return True
    for k in range(view.tok_index(ref.start), view.tok_index(ref.end - 1) + 1):
        p = noun_parse(view, k)
        if k in view.ent_at or p is not None and ("anim" in p.tag or p.normal_form in lex.speaking_nouns()):
            return True
    return False


def _by_which(view: DocView, i: int, lo: int, hi: int) -> Found | None:
    """"…опубликовала результаты опроса британцев, согласно которым Ryanair оказалась на последнем
    месте", "резолюция «…», согласно которой допускается …": the relative clause is what the
    document before the comma says, when it is one that speaks (a report document or a source noun,
    or one act or agreement: "вступил в силу закон, согласно которому …")."""
    if i - 2 < lo or view.toks[i - 1].text != ",":
        return None
    b = i - 2
    speaks = lex.report_documents() | lex.source_lemmas()
    k, floor = b, b - 6
    while k >= max(lo, floor):
        if k in view.quoted:  # a document's title in quotation marks: "резолюция «Значение космоса …»"
            opening = view.tok_index(view.quoted[k][0])
            floor -= k + 1 - opening  # the title's words do not count against the six
            k = opening - 1
            continue
        p = noun_parse(view, k)
        if p is not None and (p.normal_form in speaks or _one_act(p)):
            break
        if not view.is_word(k) and view.toks[k].start not in view.pair_by_close:
            return None  # a comma or a dash: the noun before it is not the antecedent
        k -= 1
    else:
        return None
    if k < lo or i + 2 > hi:
        return None
    start, end = content_start(view, i + 2), content_end(view, i + 2, hi)
    if end <= start:
        return None
    ref = ref_from_np(view, k, b)
    return Found("indirect", start, end, (view.toks[i].start, view.toks[i + 1].end, "согласно"), ref,
                 cue_cls="source")


def _one_act(p) -> bool:
    """One document that says things (document_nouns.txt: a law, a resolution, an agreement, a plan):
    unlike after "согласно закону" (a norm the clause obeys), a relative "согласно которому" after it
    gives the document's own terms. Not a plural ("законы, согласно которым богохульство —
    преступление"): a kind of law, no one text that speaks."""
    return p.normal_form in lex.document_nouns() and p.tag.number == "sing"


def _site_source(view: DocView, j: int, hi: int) -> Ref | None:
    """"по данным на официальном сайте перевозчика", "согласно сведениям на сайте аэропорта
    «Борисполь»": the source noun's data stand on a site or portal, which speaks for them."""
    if j + 2 > hi or view.lower[j + 1] not in ("на", "в"):
        return None
    k = j + 2
    while k < hi and view.parses(k)[0].tag.POS in ("ADJF", "PRTF"):
        k += 1
    site = noun_parse(view, k, "loct") if view.is_word(k) else None
    if site is None or site.normal_form not in lex.media_nouns():
        return None
    owner = search_genitive(view, k, hi)
    return ref_from_np(view, j + 2, view.tok_index(owner.end - 1) if owner is not None else k)


def _named_source(view: DocView, j: int, hi: int) -> Ref | None:
    """A source named at token j: an organisation or person the NER tagged from there, or a
    name in quotation marks («Байонтек»)."""
    if j > hi:
        return None
    o = view.toks[j].start
    c = view.pair_by_open.get(o)
    if c is not None and name_quote(view, o, c):
        return Ref("entity", o, c + 1, entity=Entity(o + 1, c, "ORG", view.text[o + 1:c]), case="datv")
    e = view.ent_at.get(j)
    if e is not None and e.start == o and e.type in ("ORG", "PER"):
        return Ref("entity", e.start, e.end, entity=e, case="datv")
    return None


def find_addressee(view: DocView, cue_end: int, hi: int) -> tuple[int, int] | None:
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


def find_channel(view: DocView, cue_end: int, hi: int) -> tuple[int, int] | None:
    """"в интервью телеканалу "Россия 24" и РИА Новости", "в своем Twitter"."""
    for j in range(max(0, cue_end - 12), min(hi, cue_end + 12) + 1):
        if view.lower[j] in ("в", "во", "на") and j + 1 < len(view.toks):
            k = j + 1
            if view.lower[k] in lex.channel_modifiers():
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
                        c = view.quoted[m][1]
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


# The constructions a cue is tried in, in order (a cue a scrape moved, "как сообщил X",
# «…»-phrase, что-clause, inverted cue, infinitive, verdict): the first that fits decides.
CONSTRUCTIONS = (("displaced cue", _displaced), ("as-clause", _as_cue), ("quoted phrase", _quoted_phrase),
                 ("complement", _complement), ("inverted cue", _inverted), ("about this, subject between", _about_this_between),
                 ("infinitive", _infinitive), ("verdict", _named))
