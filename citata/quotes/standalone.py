"""Sieve, last: a quotation standing alone as a sentence continues its neighbour's
speech, or the person the sentence before introduces."""
from __future__ import annotations

import re
from collections import Counter

from .. import lexicons as lex
from ..names import name_key
from .cues import cue_at
from .direct import DIALOGUE_LINE, asks, dash_lines, sentence_like
from .mentions import search_inverted, search_subject
from .spans import Intervals, RangeTable
from .view import DASHES, DocView, Found, Ref, TERMINAL, line_end, next_paragraph, trim_end


def standalone(view: DocView, found: list[Found], used: set) -> list[Found]:
    """A quotation that is a whole sentence with no cue continues its neighbour's speech."""
    out = []
    spans = Intervals((f.start, f.end, None) for f in found)
    last_ending = RangeTable(((f.end, k) for k, f in enumerate(found)), max)  # latest in order, by end
    first_direct = RangeTable(((f.start, k) for k, f in enumerate(found) if f.type == "direct"), min)
    for o, c in view.pairs:
        if (o, c) in used or spans.covers(o):
            continue
        inner = view.text[o + 1:c]
        if not sentence_like(inner) or not inner[:1].isupper() and inner[:1] not in "…[":
            continue
        # starts a sentence and ends one, or closes one after a colon whose clause has no cue
        # ("… — это иллюзия: «На самом деле …»": the writer's summary, then the speaker's words)
        before = view.text[max(0, o - 3):o]
        after = view.text[c + 1:c + 3]
        if before.strip() and before.strip()[-1] not in TERMINAL + "»\"" and not (
                before.strip()[-1] == ":" and not _cue_before(view, o) and _clause(view, o, c)) \
                and not any(b <= o and not view.text[b:o].strip() for _, b in view.datelines):
            continue  # ("Москва. 17 мая. INTERFAX.RU - «…»": a wire's dateline opens the sentence)
        if after.strip() and after.strip()[0] not in TERMINAL:
            continue
        prev = last_ending.query(o - 399, o)  # the last of those ending less than 400 characters before
        nxt = first_direct.query(c, c + 199)  # the first direct one starting less than 200 after
        src = found[prev] if prev is not None else (found[nxt] if nxt is not None else None)
        ref = _intro_ref(view, o, since=src.end if src and src.end <= o else 0)
        if ref is None and src is None:
            continue
        if ref is None and prev is not None and _narration_between(view, src.end, o):
            # "Мэй уже заявила, что … . Подробности – в материале портала iz.ru. Письменный отказ.
            # «Дорогая Тереза! …»": the writer's own sentences stand between, and the words are
            # someone's whom the text has not named yet; the quotation stays, with no speaker
            out.append(Found("direct", o + 1, c, None, None, is_question=inner.rstrip().endswith("?"),
                             cue_cls="continuation", sieve="standalone:after narration"))
            continue
        out.append(Found("direct", o + 1, c, None, ref or src.ref, is_question=inner.rstrip().endswith("?"),
                         cue_cls="continuation",
                         sieve="standalone:introduced before" if ref else f"standalone:continues {src.sieve}"))
    out.extend(_interview(view, spans))
    out.extend(_labelled(view, spans))
    return out


# After a person's name at a paragraph's start: an apposition with no verb of its own ("Светлана
# Леонтьева, министр здравоохранения Амурской области:") and the colon of a transcript's label.
LABEL_TAIL = re.compile(r"(?:,[^:\n.!?«»\"]{1,90})?[ \t]*:[ \t]*")


def _labelled(view: DocView, spans: Intervals) -> list[Found]:
    """A transcript's label: a paragraph that opens with a participant's name and a colon gives that
    person the words after it, to the paragraph's end, or, where the label is a paragraph of its own,
    the next paragraph ("Мустафа Джемилев: Да, всё верно. …", "Фридрих фон Болен: Для начала …";
    "Светлана Леонтьева, министр …:⏎⏎— Мы не первый год …"). The interviewer's label is an outlet's
    ("Голос Америки:", "Deutsche Welle:"), and a topic's ("О Владимире Путине:") is no name in the
    nominative: neither is taken. The name must be a participant the document names elsewhere too."""
    out = []
    text = view.text
    people = [e for e in view.entities if e.type == "PER"]
    surnames = Counter(_surname_key(text, e) for e in people)  # one pass: no look-up per pair of names
    for e in people:
        b = e.start
        while b > 0 and text[b - 1] in " \t":
            b -= 1
        if b > 0 and text[b - 1] != "\n" or not _nominative(view, e):
            continue
        m = LABEL_TAIL.match(text, e.end)
        if not m or any(view.parses(j)[0].tag.POS == "VERB" for j in view.tokens_in(e.end, m.end())):
            continue
        start = m.end()
        if text.startswith("\n", start) or start >= len(text):
            while start < len(text) and text[start].isspace():
                start += 1
            dash = DIALOGUE_LINE.match(text, start)  # a label of its own heads a dash line, not narration
            if not dash:
                continue
            start = dash.end()
        end = trim_end(text, start, line_end(text, start))
        words = text[start:end]
        if spans.covers(start) or not words[:1].isupper() or not sentence_like(words) or words.rstrip().endswith("?"):
            continue
        if surnames[_surname_key(text, e)] < 2:  # the name stands elsewhere in the text too
            continue
        ref = Ref("entity", e.start, e.end, entity=e)
        out.append(Found("direct", start, end, None, ref,
                         is_question=False, cue_cls="continuation", sieve="standalone:label line"))
        out.extend(_resumed(view, end, ref, spans))
    return out


def _nominative(view: DocView, e) -> bool:
    """Is the name's first word in the nominative (a label, not "О Владимире Путине")?"""
    first = next((j for j in view.tokens_in(e.start, e.end) if view.is_word(j)), None)
    return first is not None and any("nomn" in p.tag for p in view.parses(first)[:3])


def _surname_key(text: str, e) -> str:
    """The key a name's last word shares with its case forms ("Джемилев", "Джемилевым")."""
    words = text[e.start:e.end].split()
    return name_key(words[-1]) if words else ""


def _interview(view: DocView, spans: Intervals) -> list[Found]:
    """An interview laid out as dash lines, questions and answers with no attribution
    ("- Стоит ли делать ПЦР-тест? / - Официально это не требуется."): each answer after the
    first question is the interviewee's, with the paragraphs that go on from it up to the next
    dash line, question or heading; the interviewee is the person the lead names last with a
    surname ("Наболевшие вопросы мы задали … кандидату медицинских наук Евгению Тимакову")."""
    text = view.text
    lines = []
    for start, end, bounded in _lines(view):
        line = text[start:end]
        nxt = "" if bounded else text[end:end + 600].lstrip().split("\n", 1)[0].rstrip()
        # a question, or a lead-in whose question ends the line or stands in the next paragraph
        q = asks(line) or line.endswith("?") or nxt.endswith("?") and nxt[:1] not in DASHES and any(
            c.islower() for c in nxt) or _addresses(line)  # (a heading in capitals may end with "?" too)
        lines.append((start, end, q, bounded))
    questions = [s for s, _, q, _ in lines if q]
    if len(questions) < 2 or len(lines) - len(questions) < 2:
        return []
    first_q = questions[0]
    before = [e for e in view.entities if e.type == "PER" and e.end <= first_q]
    person = next((e for e in reversed(before) if _has_surname(view, e)), before[-1] if before else None)
    if person is None:
        return []
    out = []
    for start, end, question, bounded in lines:
        line = text[start:end]
        if question or start < first_q or spans.covers(start) or not line[:1].isupper() or not sentence_like(line):
            continue
        # a line the next one bounds (a page that lost its breaks) ends there; one that ends its
        # paragraph goes on through the paragraphs after it
        stop = trim_end(text, start, end if bounded else _answer_end(text, end))
        ref = Ref("entity", person.start, person.end, entity=person)
        out.append(Found("direct", start, stop, None, ref, cue_cls="continuation", sieve="standalone:interview answer"))
        if not bounded:
            out.extend(_resumed(view, stop, ref, spans))
    return out


# A paragraph a page inserts into an answer: a photo's caption or credit ("Коронавирус под
# микроскопом", "Фото: REUTERS"), a line with no final stop.
CREDIT = re.compile(r"(?:Фото|Фотография|Иллюстрация|Видео)\s*:", re.I)
# The interviewee's own voice: a first-person word ("мы знаем", "я могу", "У меня самого").
FIRST_PERSON = re.compile(r"\b(?:я|меня|мне|мной|мы|нас|нам|нами|мой|моя|моё|мое|мои|моих|моему|наш|наша|наше|наши|"
                          r"наших|нашей|нашего|думаю|считаю|полагаю)\b", re.I)
LABEL_START = re.compile(r"[^.!?:\n]{1,60}:")
SECOND_PERSON = re.compile(r"\b(?:вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашей|вашего|вашим|ваших|вашу)\b", re.I)


def _resumed(view: DocView, end: int, ref: Ref, spans: Intervals) -> list[Found]:
    """An answer that a caption or a photo credit interrupts goes on after it as a quotation of its
    own, the caption left out (gold convention, coronavirus_ru_68): the paragraphs after at most two
    caption lines are the interviewee's when they are statements in the first person, not a dash
    line, a question or the journalist's narration."""
    text = view.text
    k = end
    for _ in range(2):
        paragraph = next_paragraph(text, k)
        if paragraph is None:
            return []
        start, stop, para = paragraph
        if not para or para[0] in DASHES or para.endswith("?") or not any(c.islower() for c in para):
            return []  # a dash line, a question, a heading in capitals: the answer is over
        if para[-1] in ".!…»\"" and not CREDIT.match(para):
            break  # a statement: the answer goes on here if it is the interviewee's voice
        k = stop
    else:
        return []
    if k == end or spans.covers(start) or not para[:1].isupper() or LABEL_START.match(para):
        return []  # (a transcript's next label line is its own speaker's)
    stop = trim_end(text, start, _answer_end(text, start + len(para)))
    if not FIRST_PERSON.search(text, start, stop):
        return []
    return [Found("direct", start, stop, None, ref, cue_cls="continuation", sieve="standalone:answer after a caption")]


def _lines(view: DocView) -> list[tuple[int, int, bool]]:
    """Each dialogue line's words (`dash_lines`) without the spaces that end them: (start, end, whether
    the next line bounds it inside its paragraph rather than the paragraph's end)."""
    out = []
    for lines, _ in dash_lines(view):
        for k, (_, start, end) in enumerate(lines):
            stop = end
            while stop > start and view.text[stop - 1] in " \t":
                stop -= 1
            out.append((start, stop, k + 1 < len(lines)))
    return out


def _addresses(line: str) -> bool:
    """A dash line that asks the interviewee in a later sentence ("Область … не слишком развита.
    Считаете ли вы, что …? Кроме прочего, …"): a question in the second person is the interviewer's."""
    return any(q.rstrip().endswith("?") and SECOND_PERSON.search(q) for q in re.findall(r"[^.!?…]*[.!?…]+", line))


def _answer_end(text: str, end: int) -> int:
    """Where an interview answer whose first paragraph ends at `end` ends: it goes on through
    the paragraphs that are statements (not a dash line, a question, a heading in capitals or a
    caption without a final stop)."""
    while True:
        paragraph = next_paragraph(text, end)
        if paragraph is None:
            return end
        start, _, para = paragraph
        if not para or para[0] in DASHES or para[-1] not in ".!…»\"" or not any(c.islower() for c in para):
            return end
        end = start + len(para)


def _has_surname(view: DocView, e) -> bool:
    """Does the name hold a surname (not only a first name and a patronymic: "Евгений Юрьевич",
    the polite address of the interviewee already named)?"""
    return any(not any(t in p.tag for t in ("Name", "Patr")) for j in view.tokens_in(e.start, e.end)
               if view.is_word(j) for p in view.parses(j)[:1])


def _narration_between(view: DocView, end: int, o: int) -> bool:
    """Do two whole sentences or more, with no cue, stand between the end of a quotation and a bare
    one that might continue it? (No quotation stands there: the first is the last before the bare one.)"""
    first = view.tok_sent[view.tok_index(max(0, end - 1))] + 1
    last = view.tok_sent[view.tok_index(o)]
    between = range(first, last)
    return len(between) >= 2 and not any(cue_at(view, j) is not None for si in between for j in view.sent_range(si))


def _cue_before(view: DocView, o: int) -> bool:
    """Does the sentence hold a cue or a quotation mark before offset o?"""
    k = view.tok_index(o)
    return any(cue_at(view, j) is not None or view.toks[j].text in "«»\"„“”"
               for j in range(view.sent_first[view.tok_sent[k]], k))


def _clause(view: DocView, o: int, c: int) -> bool:
    """Do the quoted words hold a finite verb (a statement, not a list of demands or names)?"""
    return any(view.parses(j)[0].tag.POS in ("VERB", "PRTS") for j in view.tokens_in(o + 1, c))


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
        if c and c[2] in ("say", "think") and c[1] not in lex.relay_verbs():
            ref = search_inverted(view, c[0], hi) or search_subject(view, i, lo)
            if ref is not None and ref.kind in ("entity", "pronoun", "np"):
                return ref
    return None
