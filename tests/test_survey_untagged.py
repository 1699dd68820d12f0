"""eval/survey_untagged.py: capitalised name-like words after a person noun and its complement that no
person of the NER covers, classed by what stands before them, on sentences written for the test."""
import sys
from dataclasses import replace

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from citata.nlp import analyse  # noqa: E402
from citata.quotes.view import DocView  # noqa: E402
from survey_untagged import places  # noqa: E402


def found(text):
    """(person noun, run, before, first, case, words) with the NER's entities left out: every run counts."""
    view = DocView(text, replace(analyse([text])[0], entities=[]))
    return [(view.toks[i].text, " ".join(t.text for t in view.toks[j:k + 1]), before, first, agree)
            for i, j, k, before, first, agree, _ in places(view)]


def test_a_name_after_imeni_and_a_holder_after_it():
    assert found("По словам директора центра имени Чумакова Айдара Ишмухаметова, испытания идут.") == [
        ("директора", "Чумакова Айдара Ишмухаметова", "imeni", "Surn", "agree")]


def test_a_name_right_after_the_role_and_after_an_inanimate_noun():
    assert found("Женщину обвинили в оскорблении пророка Мухаммеда.") == [
        ("пророка", "Мухаммеда", "role", "Name", "agree")]
    assert found("Лауреат премии Михаила Булгакова заявил, что книга выйдет.") == [
        ("Лауреат", "Михаила Булгакова", "inanimate", "Name", "other")]
