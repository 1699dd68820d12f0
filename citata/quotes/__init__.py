"""Quotations and their speakers.

Input: a document's clean text and its `nlp.Analysis` (sentences, tokens, named
entities). Output: `Quote` records with offsets into that text. Two stages, in the
manner of a sieve (one module per class of construction, run in order):

1. quotation -> mention. `marks` pairs quotation marks; `view` is the document as the
   sieves see it; `cues` finds the words that introduce reported speech; the sieves
   `direct` (quotation marks with an attribution), `indirect` (reports without marks:
   "по словам X", что-clauses, inverted cues, calls, verdicts, impersonal reports) and
   `standalone` (a quoted sentence continuing its neighbour's speech) fix the content
   (`content`) and where the speaker is designated (`mentions`: subject before the cue,
   inverted subject after it, genitive, locative, document); `dedupe` keeps one record
   per statement; `filters` drops candidates that are no statement of their own (a report
   inside quoted words, a relative clause or a purpose clause read as a что-clause, the
   writer's own voice, a press relay wrapping a report already attributed); `syntax` gives
   the cues still without a mention the subject of the speech verb in natasha's dependency
   parse of that sentence.
2. mention -> speaker (`resolution`): names to their fullest form, pronouns and role
   nouns to the person they designate, class nouns to the organisation, documents to
   their author or publisher, through the document's participants (`participants`: each
   person with every form of the name, the role nouns and countries the article gives
   them, each organisation with its class nouns; over `citata.names.NameIndex`).
"""
from __future__ import annotations

from ..model import Quote
from ..nlp import Analysis
from .dedupe import dedupe, mark_mixed
from .direct import dialogue, direct_quotations
from .filters import negated_cues, nested_findings, nested_in, purpose_clauses, relative_clauses, relayed_reports, writer_voice
from .indirect import indirect_reports
from .resolution import resolve
from .standalone import standalone
from .syntax import fill_document_locatives, fill_mentions
from .view import DocView, Found, document_view


def find(view: DocView, dropped: list[tuple[str, Found]] | None = None) -> list[Found]:
    """The document's quotations, each with its mention, before resolution. With `dropped`, every
    candidate a construction built and a later step removed is added to it with the step's name
    (eval/miss_classes.py: a miss the constructions found and a filter took out)."""
    def kept(step: str, before: list[Found], after: list[Found]) -> list[Found]:
        if dropped is not None:
            ids = {id(f) for f in after}
            dropped.extend((step, f) for f in before if id(f) not in ids)
        return after

    found: list[Found] = []
    used_pairs: set[tuple[int, int]] = set()
    found.extend(direct_quotations(view, used_pairs))
    found.extend(dialogue(view))
    found.extend(indirect_reports(view, found))
    found.sort(key=lambda f: (f.start, -f.end))
    found = kept("dedupe", found, dedupe(view, found))
    fill_mentions(view, found)  # the parse, for the cues the constructions left without a mention
    fill_document_locatives(view, found)  # and for an impersonal cue's document wherever it stands
    # a construction kept only on the parse's word needs a subject that speaks: "Об этом
    # красноречиво говорит рост их рядов" is evidence, not a report
    found = kept("no mention", found,
                 [f for f in found if not (f.needs_mention and (f.ref is None or f.ref.kind == "none"))])
    found = kept("relative clause", found, relative_clauses(view, found))
    found = kept("purpose clause", found, purpose_clauses(view, found))
    # a negated cue reports nothing ("ещё не уверен, что …")
    found = kept("negated cue", found, negated_cues(view, found))
    # "Как говорится, …", "как сказано выше", "мы писали, что": the writer speaks, nobody is quoted
    found = kept("writer's voice", found, writer_voice(view, found))
    found = kept("relay", found, relayed_reports(view, found))
    found = kept("finding nested in a report", found, nested_findings(found))
    mark_mixed(view, found, used_pairs)
    alone = standalone(view, found, used_pairs)
    found = kept("nested in a quotation", found, nested_in(found, alone))
    found.extend(alone)
    found.sort(key=lambda f: (f.start, -f.end))
    return found


def extract_quotes(text: str, analysis: Analysis) -> list[Quote]:
    view = document_view(text, analysis)
    return resolve(view, find(view))
