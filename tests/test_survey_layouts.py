"""eval/survey_layouts.py --resumed: words interrupted by their attribution and resumed after it, found
by layout and form on paragraphs written for the test."""
import sys

from conftest import ROOT
from helpers import view_of

sys.path.insert(0, str(ROOT / "eval"))

from survey_layouts import interrupted_speech  # noqa: E402


def found(text):
    view = view_of(text)
    return [(form, text[a[0]:a[1]], text[b[0]:b[1]]) for form, a, b, _ in interrupted_speech(view)]


def test_dash_lines_with_a_dash_or_a_bare_comma_before_the_cue():
    text = ("Врач ответила на вопросы.\n\n"
            "– Вакцина формирует память, – объясняет Ксения Бочарова. – То есть организм помнит инфекцию.\n\n"
            "– Антител пока мало, говорит Ксения Бочарова. – Но данных становится больше.")
    assert found(text) == [
        ("dash line: dash", "Вакцина формирует память", "То есть организм помнит инфекцию."),
        ("dash line: bare comma", "Антител пока мало", "Но данных становится больше.")]


def test_resumed_words_with_an_attribution_of_their_own_are_told_apart():
    text = "Депутаты спорили.\n\n— Денег нет, — сказал Иван Иванов. — Ищите другие источники, — возразил Петр Петров."
    assert [form for form, _, _ in found(text)] == ["dash line: dash, the resumed words attributed again"]


def test_inside_one_pair_of_marks_and_no_resumption():
    text = ("«Мы обсуждаем это с правительством, — приводит его слова газета. — Ситуация деликатная». "
            "— Денег нет, — сказал Иван Иванов.")
    assert found(text) == [("« » inside one pair: dash, cite cue", "Мы обсуждаем это с правительством",
                            "Ситуация деликатная")]


def test_a_dash_line_inside_a_paragraph_that_lost_its_line_breaks():
    text = ("Врач ответила на вопросы. – Вакцина формирует память, – объясняет Ксения Бочарова. – То есть "
            "организм помнит инфекцию. Запись открыта.")
    assert [(form, a) for form, a, _ in found(text)] == [
        ("dash after a sentence end inside a paragraph: dash", "Вакцина формирует память")]
