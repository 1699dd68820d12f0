"""eval/survey_clauses.py: the clauses natasha's parse shows reporting speech or a position, named
by construction and governing lemma, on sentences written for the test."""
import sys

from conftest import ROOT
from helpers import view_of

sys.path.insert(0, str(ROOT / "eval"))

from survey_clauses import places  # noqa: E402


def found(text):
    view = view_of(text)
    return {(cons, lemma, text[view.toks[lo].start:view.toks[hi].end]) for cons, lemma, lo, hi, _ in places(view)}


def test_a_clause_under_a_verb_and_under_o_tom():
    got = found("Она выделила, что визит состоится в июле. Министр говорил о том, что сделка близка.")
    assert ("mark:что", "выделить", ", что визит состоится в июле") in got
    assert any(c == "mark:что" and lemma == "говорить" for c, lemma, _ in got)  # past "том"


def test_a_source_phrase_and_an_infinitive_under_a_promise():
    got = {(c, lemma) for c, lemma, _ in found("По данным полиции, задержаны трое. Мэр пообещал построить мост.")}
    assert {("source:по", "данные"), ("inf", "пообещать")} <= got
