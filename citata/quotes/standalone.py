"""Sieve, last: a quotation standing alone as a sentence continues its neighbour's
speech, or the person the sentence before introduces."""
from __future__ import annotations

import re

from .. import lexicons as lex
from .cues import cue_at
from .direct import DIALOGUE_LINE, sentence_like
from .mentions import search_inverted, search_subject
from .spans import Intervals, RangeTable
from .view import DASHES, DocView, Found, Ref, TERMINAL


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
                before.strip()[-1] == ":" and not _cue_before(view, o) and _clause(view, o, c)):
            continue
        if after.strip() and after.strip()[0] not in TERMINAL:
            continue
        prev = last_ending.query(o - 399, o)  # the last of those ending less than 400 characters before
        nxt = first_direct.query(c, c + 199)  # the first direct one starting less than 200 after
        src = found[prev] if prev is not None else (found[nxt] if nxt is not None else None)
        ref = _intro_ref(view, o, since=src.end if src and src.end <= o else 0)
        if ref is None and src is None:
            continue
        out.append(Found("direct", o + 1, c, None, ref or src.ref, is_question=inner.rstrip().endswith("?"),
                         cue_cls="continuation",
                         sieve="standalone:introduced before" if ref else f"standalone:continues {src.sieve}"))
    out.extend(_interview(view, spans))
    return out


def _interview(view: DocView, spans: Intervals) -> list[Found]:
    """An interview laid out as dash lines, questions and answers with no attribution
    ("- Стоит ли делать ПЦР-тест? / - Официально это не требуется."): each answer after the
    first question is the interviewee's, with the paragraphs that go on from it up to the next
    dash line, question or heading; the interviewee is the person the lead names last with a
    surname ("Наболевшие вопросы мы задали … кандидату медицинских наук Евгению Тимакову")."""
    lines = []
    for m in DIALOGUE_LINE.finditer(view.text):
        end = view.text.find("\n", m.end())
        end = len(view.text) if end < 0 else end
        while end > m.end() and view.text[end - 1] in " \t":
            end -= 1
        line = view.text[m.end():end]
        nxt = view.text[end:end + 600].lstrip().split("\n", 1)[0].rstrip()
        # a question, or a lead-in whose question ends the line or stands in the next paragraph
        asks = _asks(line) or line.endswith("?") or nxt.endswith("?") and nxt[:1] not in DASHES and any(
            c.islower() for c in nxt)  # (a heading in capitals may end with "?" too)
        lines.append((m.end(), end, asks))
    questions = [s for s, _, q in lines if q]
    if len(questions) < 2 or len(lines) - len(questions) < 2:
        return []
    first_q = questions[0]
    before = [e for e in view.entities if e.type == "PER" and e.end <= first_q]
    person = next((e for e in reversed(before) if _has_surname(view, e)), before[-1] if before else None)
    if person is None:
        return []
    out = []
    for start, end, question in lines:
        line = view.text[start:end]
        if question or start < first_q or spans.covers(start) or not line[:1].isupper() or not sentence_like(line):
            continue
        stop = _answer_end(view.text, end)
        while stop > start and view.text[stop - 1] in ". \t":
            stop -= 1
        out.append(Found("direct", start, stop, None, Ref("entity", person.start, person.end, entity=person),
                         cue_cls="continuation", sieve="standalone:interview answer"))
    return out


def _answer_end(text: str, end: int) -> int:
    """Where an interview answer whose first paragraph ends at `end` ends: it goes on through
    the paragraphs that are statements (not a dash line, a question, a heading in capitals or a
    caption without a final stop)."""
    while True:
        nl = text.find("\n", end)
        if nl < 0:
            return end
        start = nl
        while start < len(text) and text[start].isspace():
            start += 1
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        para = text[start:stop].rstrip()
        if not para or para[0] in DASHES or para[-1] not in ".!…»\"" or not any(c.islower() for c in para):
            return end
        end = start + len(para)


def _has_surname(view: DocView, e) -> bool:
    """Does the name hold a surname (not only a first name and a patronymic: "Евгений Юрьевич",
    the polite address of the interviewee already named)?"""
    return any(not any(t in p.tag for t in ("Name", "Patr")) for j in view.tokens_in(e.start, e.end)
               if view.is_word(j) for p in view.parses(j)[:1])


def _cue_before(view: DocView, o: int) -> bool:
    """Does the sentence hold a cue or a quotation mark before offset o?"""
    k = view.tok_index(o)
    return any(cue_at(view, j) is not None or view.toks[j].text in "«»\"„“”"
               for j in range(view.sent_first[view.tok_sent[k]], k))


def _clause(view: DocView, o: int, c: int) -> bool:
    """Do the quoted words hold a finite verb (a statement, not a list of demands or names)?"""
    return any(view.parses(j)[0].tag.POS in ("VERB", "PRTS") for j in view.tokens_in(o + 1, c))


def _asks(line: str) -> bool:
    """A bare line that opens with a question is the interviewer's ("— Когда ждать вакцину?")."""
    first = re.match(r"[^.!?…]*[.!?…]", line)
    return (first.group() if first else line).rstrip().endswith("?")


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
