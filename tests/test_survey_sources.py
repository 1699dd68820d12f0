"""eval/survey_sources.py: each "согласно" / "По … ," phrase named by its head noun, on sentences written
for the test."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from survey_sources import places  # noqa: E402


def heads(text, prep="согласно"):
    return [lemma for _, lemma, _ in places(text, prep)]


def test_the_head_past_adjectives_a_participle_phrase_and_a_name():
    text = ("Согласно итоговому анализу данных, вакцина эффективна. Так, согласно проведенным Исследовательским "
            "центром Пью (Pew Research Center) опросам, половина американцев готова привиться. Согласно "
            "comScore, аудитория выросла. Согласно статье 50 договора, страна может выйти из союза.")
    assert heads(text) == ["анализ", "опрос", "<name>", "статья"]


def test_a_relative_under_its_antecedent():
    assert heads("Правительство заключило соглашение, согласно которому оно не препятствует выезду.") == [
        "который←соглашение"]


def test_po_only_before_the_sentences_comma():
    assert heads("По словам министра, сделка близка. По телефону он ничего не сказал.", "по") == ["слово"]
