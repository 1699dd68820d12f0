"""eval/survey_colons.py: a cue's colon or bare comma and what stands after it, classed by the words
between and by the predicate after, on sentences written for the test."""
import sys

from conftest import ROOT
from helpers import view_of

sys.path.insert(0, str(ROOT / "eval"))

from survey_colons import places  # noqa: E402


def found(text):
    view = view_of(text)
    return [(cls, gap, word, pred, view.toks[i].text) for cls, gap, word, pred, i, _, _ in places(view)]


def test_a_colon_right_after_the_cue_or_after_an_addressee():
    assert found("Министр Иван Петров заявил: вакцина безопасна.") == [("colon", "none", "-", "ADJS", "заявил")]
    assert found("Министр Иван Петров сказал журналистам: решение не принято.") == [
        ("colon", "addressee", "-", "PRTS", "сказал")]


def test_a_bare_comma_is_classed_by_the_word_after_it():
    assert found("Министр Иван Петров сообщил, выступая в Думе.") == [("comma", "none", "GRND", "none", "сообщил")]
    # "что" opens the complement citata reads: no place
    assert found("Министр Иван Петров сообщил, что решение принято.") == []


def test_a_colon_before_a_quotation_mark_is_the_direct_sieves():
    assert found("Министр Иван Петров заявил: «Решение принято».") == []
