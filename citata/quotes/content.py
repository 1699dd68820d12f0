"""Where reported content starts and ends in a sentence: before a trailing attribution,
the narrator's comment, a gloss in parentheses, an agency's time stamp."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons as lex
from .cues import cue_at
from .view import COMPLEMENTIZERS, DASHES, DocView, TERMINAL, head_chain


# A news agency's dateline opening a lead, which a sentence split leaves in front of the first
# sentence's words: a place and/or a date, then the agency in capitals (in slashes, or after a time
# stamp) and a dash ("Москва. 12 марта. INTERFAX.RU - ", "БРЮССЕЛЬ. КАЗИНФОРМ - ", "МОСКВА, 12
# марта. /ТАСС/. "), or a time stamp and the agency alone (", 10:21 REGNUM Гражданка …"). An agency
# word with a dash and nothing before it ("НАТО - …", "США — …") is no dateline.
_PLACE = r"[А-ЯЁA-Z][\w.\-]*(?:[ \-][А-ЯЁA-Z][\w.\-]*){0,2}"
_DATE = r"\d{1,2}\s+(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)[а-яё]*\.?(?:\s+\d{4}(?:\s*г\.)?)?"
_AGENCY = r"[A-ZА-ЯЁ][A-ZА-ЯЁ.\-]{2,}(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁ.\-]{2,})?"
DATELINE = re.compile(
    rf"[,\s]*(?:(?:{_PLACE}[.,]\s*(?:{_DATE}[.,]?\s*)?|{_DATE}[.,]?\s*)?\d{{1,2}}:\d{{2}}\s+{_AGENCY}\s+(?=[«\"\w])"
    rf"|(?:{_PLACE}[.,]\s*(?:{_DATE}[.,]?\s*)?|{_DATE}[.,]?\s*)(?:/\s*{_AGENCY}\s*/\.?|{_AGENCY}\s*[-–—])\s+)")
DATELINE_REACH = 60  # a dateline is short: a content starting further into its line has none


def dateline_end(text: str, start: int) -> int | None:
    """Where a dateline around offset `start` (a content's first word) ends, if the content starts
    inside one: it is matched from the start of the line (a split left "Москва. 12 марта." as
    sentences of their own) or from `start`."""
    line = text.rfind("\n", 0, start) + 1
    for at in ((line, start) if start - line <= DATELINE_REACH else (start,)):
        m = DATELINE.match(text, at)
        if m and m.end() > start:
            return m.end()
    return None


def content_end(view: DocView, first: int, last: int) -> int:
    """End offset of content running from token `first` to the sentence's token `last`,
    cut before a trailing attribution (", пишет X") and closing punctuation."""
    for j in range(first + 1, last):
        if view.toks[j].text == ";" and j not in view.quoted and \
                view.parses(j + 1)[0].tag.POS != view.parses(first)[0].tag.POS:
            # "…, улицы украшены флагами; всё в точности так, как …": unquoted reported words end
            # at a semicolon (none of the tune half's 179 indirect quotations runs past one),
            # unless a list goes on ("пообещал создать …; выделить …; снизить …")
            last = j - 1
            break
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
            while k <= last and view.lower[k] in lex.fillers():
                k += 1
            c = cue_at(view, k) if k <= last and j not in view.quoted else None
            if (c and c[2] in ("say", "think", "impersonal") and inverted_here(view, k)
                    and not predicate_after_modifier(view, first, j - 1, k)) or \
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
    while end > view.toks[first].start and text[end - 1] in ".,;:—–‑‒―- \n":
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
            # "…назначен Доминик Рааб, ранее занимавший должность …": a participle after it, and the
            # adverb qualifies a noun of the report (all 7 such places in the unannotated and tune texts)
            return view.parses(j + n)[0].tag.POS != "PRTF"
    if view.lower[j] not in ("и", "а"):
        return False
    k = j + 1
    while k <= last and view.lower[k] in lex.fillers():
        k += 1  # ", а также назвал"
    if k > last or not view.is_word(k):
        return False
    tag = view.parses(k)[0].tag
    if tag.POS == "VERB" and "past" in tag:
        return True
    if tag.POS == "GRND" and cue_at(view, k) is not None:
        return True  # "заявив, что …, и отметив, что …": the speaker's second statement
    # ", и Песков добавил, что …": another speaker's attribution; a longer subject when the cue
    # opens a clause of its own (", а глава японского МИДа Сэйдзи Маэхара отметил, что …",
    # ", а The Wall Street Journal со ссылкой на источники заявляет, что …")
    for m in range(k, min(last, k + 12) + 1):
        if not view.is_word(m):
            return False
        c = cue_at(view, m)
        if c is not None and view.parses(m)[0].tag.POS == "VERB":
            if m + 1 <= last and view.parses(m + 1)[0].tag.POS == "INFN":
                # "…, а кроме этого рассчитывает заключить сделку", "…, а многие ведомства
                # продолжают покупать …": with an infinitive the verb is an intention or a phase, no cue
                return False
            return m > k and (m <= k + 4 or opens_statement(view, m, last))
    return False


def _sentence_tree(view: DocView, i: int, j: int) -> tuple[list[tuple[int, str]], int] | None:
    """The parse of the sentence holding tokens i and j, and its first token; None when they stand
    in two sentences."""
    si = view.tok_sent[i]
    if view.tok_sent[j] != si:
        return None
    return view.trees([si])[si], view.sent_first[si]


def predicate_after_modifier(view: DocView, first: int, comma: int, verb: int) -> bool:
    """Is the cue verb after this comma the content's own predicate, the comma closing a
    participle, relative clause or inserted phrase inside the content ("Ранее сообщалось, что
    профсоюзы, представляющие кабинные экипажи Ryanair, призвали к …", "Как передает «РГ»,
    политик, который относится к евроскептикам, выразил несогласие …") rather than opening an
    attribution ("…, заявил X")? Only a segment before the comma that opens with a participle, a
    relative word or "а также" sends the sentence to the parse, which decides: the verb's
    subordinator stands in the content before the comma, or its subject does and none follows it."""
    seg = next((m + 1 for m in range(comma - 1, first - 1, -1) if view.toks[m].text == "," and m not in view.quoted),
               first)
    if seg >= comma or seg == first:
        return False
    p = view.parses(seg)[0]
    # a participle, a relative word or an inserted "а также …" ("поскольку ей, а также судье и
    # адвокату, угрожают …") opens a phrase modifying a noun of the content
    if not (p.tag.POS == "PRTF" or p.normal_form in lex.relative_words()
            or tuple(view.lower[seg:seg + 2]) == ("а", "также")):
        return False
    parsed = _sentence_tree(view, verb, first)
    if parsed is None:
        return False
    tree, base = parsed
    deps = [(base + k, rel) for k, (head, rel) in enumerate(tree) if head == verb]
    subject_before = any(rel in ("nsubj", "nsubj:pass") and first <= j < comma for j, rel in deps)
    subject_after = any(rel in ("nsubj", "nsubj:pass") and j > verb for j, rel in deps)
    # a subject on both sides is the parser's doubt, and the inverted reading has its subject
    return any(rel == "mark" and first <= j < comma for j, rel in deps) or (subject_before and not subject_after)


def _subordinate_cue(view: DocView, cue: int) -> bool:
    """Does the cue stand in a clause that is not the sentence's main one, by its words alone: a
    gerund, a relative word before it in its clause, a subordinator opening its clause?"""
    if view.parses(cue)[0].tag.POS == "GRND":
        return True
    lo = view.sent_first[view.tok_sent[cue]]
    k = cue - 1
    while k >= lo and view.toks[k].text != ",":
        if view.parses(k)[0].normal_form == "который":
            return True
        k -= 1
    return view.lower[k + 1] in lex.subordinators() or tuple(view.lower[k + 1:k + 3]) == ("так", "как")


MAX_HEAD_CHAIN = 40  # heads climbed from a verb toward the root (a parse's cycle stops there)


def main_clause_resumes(view: DocView, cue: int, first: int, last: int) -> int | None:
    """The comma where the sentence's main clause resumes after a report made in a subordinate
    clause ("Поскольку ведомство уже заявило, что не выявило противоречий, Видениус обращается к
    ФАС", "Вместо Джонсона, который обвинил Мэй в том, что она ведет страну к статусу колонии, МИД
    возглавит Хант"); None if it does not. The words pick the candidates (a cue in a relative,
    adverbial or gerund clause; a comma, in the content, after a clause with a finite verb, followed
    by a finite verb); natasha's parse decides: that verb is not inside the cue's complement but the
    cue's clause hangs on it, or it is a root of its own."""
    if not _subordinate_cue(view, cue):
        return None
    finite = [j for j in range(first, last + 1) if j not in view.quoted and view.parses(j)[0].tag.POS == "VERB"]
    commas = [m for m in range(first + 1, last) if view.toks[m].text == "," and m not in view.quoted
              and any(j < m for j in finite) and any(m < j <= m + 10 for j in finite)]
    if not commas:
        return None
    parsed = _sentence_tree(view, cue, last)
    if parsed is None:
        return None
    tree, base = parsed

    governors = set(head_chain(tree, base, cue, MAX_HEAD_CHAIN))
    for m in commas:
        v = next(j for j in finite if j > m)
        up = head_chain(tree, base, v, MAX_HEAD_CHAIN)
        if cue not in up and (v in governors or tree[v - base][1] == "root"):
            return m
    return None


# The conjunctions that join a second predicate or clause to the cue's ("…, и винят в этом
# власти", "…, а рынок …"); a constituent with a subordinator of its own ("…, так как …",
# "…, поскольку …", "…, и что …") is the speaker's reason or second report, and stays in the content
CUE_CLAUSE_CONJUNCTIONS = frozenset(("и", "а", "но"))
PREDICATE_REACH = 10  # tokens after a comma in which its constituent's verb is looked for


def cue_clause_resumes(view: DocView, cue: int, first: int, last: int) -> int | None:
    """The first comma of a report's content (tokens `first`…`last`, after the cue and a
    complementizer) where the cue's own clause resumes; None if there is none. natasha's parse
    hangs the constituent after the comma on the cue or a word governing it, with no subordinator
    of its own, as
    - a conj the comma's "и"/"а"/"но" opens: a second predicate of the speaker in the cue's tense
      ("говорят, что им нечего есть, и винят в этом власти"), a clause with its own subject
      ("…, и рынок начал рассчитывать …");
    - a gerund right after the comma ("заявило, что …, обосновав это …");
    or it hangs on the report's predicate a second predicate without a subject that agrees with
    the cue in tense and number and not with that predicate ("сообщает, что рейсы отменены, и
    просит …"). A constituent hung inside the content goes on ("заявил, что цены выросли, а
    зарплаты упали", "сообщил, что желает …, но требует …"; a relative clause, which the
    annotators keep in the report). A content after a colon is the cue's parataxis, its clauses
    the speaker's: it is not cut. Only a sentence with a comma followed by a finite verb or a
    gerund in the content is parsed; the speaker's next predicate that the words show
    (`speaker_predicate_resumes`) ends the content where no comma the parse reads does sooner."""
    if view.lower[first - 1] not in COMPLEMENTIZERS:
        return None
    second = speaker_predicate_resumes(view, cue, first, last)
    if second is not None:
        last = second - 1  # the parse's comma, if any, stands before the speaker's second predicate
    verbs = {}
    for m in range(first + 1, last):
        if view.toks[m].text != "," or m in view.quoted:
            continue
        for j in range(m + 1, min(last, m + PREDICATE_REACH) + 1):
            if view.toks[j].text == "," or j in view.quoted:
                break
            if view.parses(j)[0].tag.POS in ("VERB", "GRND"):
                verbs[m] = j
                break
    parsed = _sentence_tree(view, cue, last) if verbs else None
    if parsed is None:
        return second
    tree, base = parsed
    cue_clause = set(head_chain(tree, base, cue, MAX_HEAD_CHAIN))
    for m, v in verbs.items():
        up = head_chain(tree, base, v, MAX_HEAD_CHAIN)
        # the constituent's head: the last of the verb's heads after the comma; none when they
        # climb past the content (a trailing "…, сообщает ТАСС") or to a root (the parse takes the
        # cue's clause for a subordinate one, which `main_clause_resumes` decides) or in a cycle
        k = next((n for n, h in enumerate(up) if h <= m), None)
        if k is None or any(h > last for h in up[:k]):
            continue
        top, head = up[k - 1], up[k]
        rel = tree[top - base][1]
        deps = {base + n: r for n, (h, r) in enumerate(tree) if h == top}
        if "mark" in deps.values():
            continue
        opened = rel == "conj" and view.lower[m + 1] in CUE_CLAUSE_CONJUNCTIONS and deps.get(m + 1) == "cc"
        own_subject = any(r.startswith("nsubj") for r in deps.values())
        if head < first and head in cue_clause:
            if opened and (own_subject or _same_tense(view, cue, top)) or \
                    rel == "advcl" and top == v == m + 1 and view.parses(v)[0].tag.POS == "GRND":
                return m
        elif opened and not own_subject and first <= head and tree[head - base][0] in cue_clause \
                and _same_tense(view, cue, top) and _other_number(view, cue, top, head):
            # the parse hangs the speaker's second predicate on the report's own, whose subject
            # it cannot share: "сообщает, что рейсы отменены, и просит пассажиров …"
            return m
    return second


SECOND_PREDICATE_GAP = 6  # words of an adverbial between ", а"/", и" and the speaker's next verb
# What cannot stand in that gap: a predicate of its own, a new clause, a list going on
_GAP_STOPS = frozenset(("VERB", "GRND", "INFN", "PRTS", "ADJS", "PRED", "CONJ"))


def coordinated_cue(view: DocView, j: int, last: int) -> tuple[int, tuple[int, str, str] | None]:
    """After "и"/"а" at token j: the first token past fillers ("а также") and the cue (`cue_at`)
    a verb opens there, None when it opens none."""
    k = j + 1
    while k < last and view.lower[k] in lex.fillers():
        k += 1
    return k, (cue_at(view, k) if view.parses(k)[0].tag.POS == "VERB" else None)


def opens_statement(view: DocView, cue_end: int, last: int) -> bool:
    """Does a cue ending at token `cue_end` open a statement of its own within `last`: a colon, or a
    complementizer after a comma or right after the cue ("подчеркнул, что …", "добавил: …", "заявил что
    …" with the comma left out)?"""
    return cue_end + 1 <= last and (view.toks[cue_end + 1].text == ":" or view.lower[cue_end + 1] in COMPLEMENTIZERS
                                    or view.toks[cue_end + 1].text == "," and cue_end + 2 <= last
                                    and view.lower[cue_end + 2] in COMPLEMENTIZERS)


def speaker_predicate_resumes(view: DocView, cue: int, first: int, last: int) -> int | None:
    """The token ("и"/"а") of a report's content (tokens `first`…`last`, after a finite cue verb and
    its complementizer) where the speaker's own next predicate begins, read from the words where the
    parse cannot be trusted (it hangs such a verb on the report's nearest predicate, or in a cycle):
    - "и"/"а", with or without a comma, and a speech verb of the cue lexicon with its own
      complementizer or colon: the speaker's second statement ("напомнил, что уже внёс законопроект
      и подчеркнул, что …"), found as a quotation of its own;
    - ", а"/", и", an adverbial of at most SECOND_PREDICATE_GAP words holding no nominative, and a
      finite verb ("подчеркнул, что у страны много друзей, а в качестве примера привёл …");
    each only when the verb agrees with the cue (tense, number, gender or person) and the report
    holds no subject that verb could share: no nominative agreeing with it before the report's first
    predicate ("заявил, что рост ускорился, а в 2019 году замедлился" is the report's), nor after
    the verb ("…, и от её работы зависят её успехи"). None when there is no such place."""
    if not _finite(view, cue):
        return None
    for j in range(first + 1, last):
        if view.lower[j] not in ("и", "а") or j in view.quoted:
            continue
        comma = view.toks[j - 1].text == ","
        k, c = coordinated_cue(view, j, last)
        if c is not None:
            if not opens_statement(view, c[0], last):
                continue  # "…и проинформировали о забастовке": no statement of its own
            verb, after = k, c[0] + 1
        elif comma:
            verb = next((m for m in range(k, min(last, k + SECOND_PREDICATE_GAP) + 1)
                         if not view.is_word(m) or m in view.quoted or view.parses(m)[0].tag.POS in _GAP_STOPS
                         or _nominative(view, m)), None)
            if verb is None or verb == k or not _finite(view, verb):
                continue  # no gap (`_narrator_resumes`' past verb), or the gap opens a clause of its own
            after = verb + 1
        else:
            continue
        if not _agree(view, cue, verb):
            continue
        predicate = next((m for m in range(first, j) if m not in view.quoted
                          and view.parses(m)[0].tag.POS in ("VERB", "PRTS", "ADJS", "PRED")), j)
        stop = next((m for m in range(after, last + 1) if not view.is_word(m)), last + 1)
        if not any(_nominative(view, m, verb) for m in (*range(first, predicate), *range(after, stop))):
            return j
    return None


def _finite(view: DocView, k: int) -> bool:
    tag = view.parses(k)[0].tag
    return tag.POS == "VERB" and tag.mood == "indc"


def _agree(view: DocView, cue: int, verb: int) -> bool:
    """Do two finite verbs agree as predicates of one subject: tense, number, and gender in the
    past singular or person in the present?"""
    a, b = view.parses(cue)[0].tag, view.parses(verb)[0].tag
    if a.tense != b.tense or a.number != b.number:
        return False
    return a.gender == b.gender if a.tense == "past" and a.number == "sing" else a.person == b.person


NOMINALS = frozenset(("NOUN", "NPRO", "ADJF", "NUMR"))


def _nominative(view: DocView, k: int, verb: int | None = None) -> bool:
    """Can token k be a nominative noun phrase's word (any of its analyses) — agreeing with `verb`
    in number (and gender in the past singular) when it is given?"""
    parses = view.parses(k)
    if parses[0].tag.POS not in NOMINALS:
        return False  # "в", "много": a preposition's or adverb's rare noun reading is none
    m = k - 1
    while m >= 0 and view.parses(m)[0].tag.POS in ("ADJF", "PRTF", "NUMR"):
        m -= 1
    if m >= 0 and view.parses(m)[0].tag.POS == "PREP":
        return False  # "в подтверждение", "на новый срок": a preposition governs it
    v = view.parses(verb)[0].tag if verb is not None else None
    for p in parses:
        t = p.tag
        if t.POS not in NOMINALS or "nomn" not in t:
            continue
        if v is None:
            return True
        if v.tense == "past" and v.number == "sing":
            # "много", "пять" take no masculine or feminine verb; "я", "ты" any
            if t.number != "plur" and (t.gender == v.gender or t.POS == "NPRO" and t.gender is None):
                return True
        elif t.number in (None, v.number):
            return True
    return False


def _same_tense(view: DocView, cue: int, verb: int) -> bool:
    """Do a cue verb and a second predicate without a subject of its own share their tense? The
    speaker's second predicate does ("говорят, что …, и винят …"); one in the report's tense is
    the report's own, whatever the parse hangs it on ("сообщил, что желает …, но требует …")."""
    a, b = view.parses(cue)[0].tag, view.parses(verb)[0].tag
    return a.POS == b.POS == "VERB" and a.tense is not None and a.tense == b.tense


def _other_number(view: DocView, cue: int, verb: int, predicate: int) -> bool:
    """Does a verb share the cue's number and not that of the report's predicate (a verb, a short
    participle or adjective: a noun's number tells nothing of a subject)?"""
    a, b, c = (view.parses(k)[0].tag for k in (cue, verb, predicate))
    return c.POS in ("VERB", "PRTS", "ADJS") and a.number is not None and a.number == b.number != c.number


def inverted_here(view: DocView, cue: int) -> bool:
    """A cue right after a comma whose subject follows it."""
    tag = view.parses(cue)[0].tag
    return (tag.POS == "VERB" and ("past" in tag or "pres" in tag)) or view.lower[cue] in lex.impersonal_cues()


@lru_cache(maxsize=1)
def _openers_by_first() -> dict[str, list[tuple[str, ...]]]:
    """The discourse openers by their first word, longest first (the lexicon's order)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for opener in lex.discourse_openers():
        out.setdefault(opener[0], []).append(opener)
    return out


def content_start(view: DocView, first: int) -> int:
    """Skip narrator connectives at the start of content: "Между тем ...", "Однако о том, что ..."."""
    while first + 1 < len(view.toks) and view.toks[first].text in ",;:":
        first += 1  # a paragraph cut before its first words starts with the comma
    skipped, passes = True, 0
    while skipped and passes < 2:  # "Однако о том, что": a connective and one more
        skipped, passes = False, passes + 1
        for opener in _openers_by_first().get(view.lower[first], ()):
            n = len(opener)
            if tuple(view.lower[first:first + n]) == opener and first + n < len(view.toks):
                if view.toks[first + n].text == "," and first + n + 1 < len(view.toks) and view.is_word(first + n + 1):
                    n += 1  # "Тем не менее, этот инцидент …"
                if view.is_word(first + n):
                    first += n
                    skipped = True
                    break
    end = dateline_end(view.text, view.toks[first].start) or next(
        (b for a, b in view.datelines if a <= view.toks[first].start < b), None)  # "ЛОНДОН, 6 мая (Reuters) - "
    if end is not None and view.tok_index(end - 1) + 1 < len(view.toks):
        return view.toks[view.tok_index(end - 1) + 1].start
    return view.toks[first].start


def after_glued_stop(view: DocView, first: int, last: int) -> int:
    """The first token of the last sentence that a scrape glued to the one before it
    ("…традиционной добычи.Это хороший день …, сказала Соня ван Тихелен"): a period between a
    lower-case word and a capital with no space around it; `first` when there is none."""
    for j in range(last - 1, first, -1):
        if view.toks[j].text == "." and view.toks[j + 1].start == view.toks[j].end == view.toks[j + 1].start and \
                view.toks[j - 1].end == view.toks[j].start and view.toks[j + 1].text[:1].isupper() and \
                view.toks[j - 1].text.islower() and len(view.toks[j - 1].text) > 2:
            return j + 1
    return first
