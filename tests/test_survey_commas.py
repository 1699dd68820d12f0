"""eval/survey_commas.py: cues, introductory source phrases and closing quotation marks with and without
their comma, each place with the offset where its reported words start, on sentences written for the test."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from survey_commas import places  # noqa: E402


def found(text):
    """(shape, the first word at or after the anchor) of each place."""
    return [(shape, text[anchor:].split()[0].strip("«»,")) for shape, anchor, _, _ in places(text)]


def test_a_cue_and_its_complementizer():
    assert found("Они заявили что мечта умирает.") == [("cue + что, no comma", "мечта")]
    assert found("Они заявили, что мечта умирает.") == [("cue + что, comma", "мечта")]
    assert found("Он сказал что-то невнятное.") == []  # a pronoun, no complementizer
    assert found("Он купил то что хотел.") == []  # no cue


def test_an_introductory_phrase_by_its_comma():
    assert found("По словам министра вакцина безопасна.") == [("по словам X, no comma", "министра")]
    assert found("Как сообщил глава ведомства, Минздрав готовит правила.") == [("как CUE X, comma", "Минздрав")]
    assert found("По версии Forbes.") == []  # no reported words after it


def test_a_closing_mark_and_its_cue():
    assert found("«Мы готовы», — сказал он.") == [("» , — cue", "Мы")]
    assert found("«Мы готовы» сказал он.") == [("» cue", "Мы")]
    assert found("«Мы готовы» — сказал он.") == [("» — cue", "Мы")]
