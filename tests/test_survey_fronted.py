"""eval/survey_fronted.py: the shapes of reports whose source comes first, each place with the offset
where its reported words start, on sentences written for the test."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from survey_fronted import places  # noqa: E402


def found(text):
    return [(shape, text[anchor:anchor + 12]) for shape, anchor, _ in places(text)]


def test_a_source_phrase_by_its_comma_and_its_source():
    # with no comma the pattern cannot tell where the source ends: the anchor is the source's start
    assert found("По информации агентства Рейтер причиной отставки стали его слова.") == [
        ("по информации X (no comma)", " агентства Р")]
    assert found("По данным Росстата, безработица выросла.") == [("по данным X,", " безработица")]
    assert found("По предварительным данным, безработица выросла.") == [("по данным, (no source)", " безработица")]


def test_a_verdict_after_the_object_or_right_after_the_verb():
    assert found("Министр считает недовольство работников необоснованным.") == [
        ("verdict: object, then instrumental", "недовольство")]
    assert found("Министр назвал реформу ошибкой.") == [("verdict: object, then instrumental", "реформу ошиб")]
    assert found("Министр объявил о своей отставке.") == []  # a topic after "о"


def test_fronted_content_with_and_without_a_speech_verb():
    assert found("О том, что решение принято, министр заявил вчера.") == [("о том, что + cue", " решение при")]
    assert found("О том, что произошло, знают все.") == [("о том, что + other", " произошло, ")]


def test_an_indirect_question_and_a_reported_aside():
    assert found("Депутат поинтересовался, не боится ли премьер отставки.") == [("ask + ли", "не боится ли")]
    assert [s for s, _ in found("Он не возражал, дескать, это вопрос заботы.")] == ["дескать/мол"]
