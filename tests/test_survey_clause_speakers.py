"""eval/survey_clause_speakers.py: speakerless quotations classed by what the parse shows at the cue, and
reports attributed twice, on sentences written for the test."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from citata.nlp import analyse  # noqa: E402
from citata.quotes import document_view, find  # noqa: E402
from survey_clause_speakers import second_attributions, speakerless_class  # noqa: E402


def classes(text):
    view = document_view(text, analyse([text])[0])
    return [speakerless_class(view, f) for f in find(view) if f.cue is not None and f.ref is None
            or f.ref is not None and f.ref.kind in ("none", "lost")]


def test_an_impersonal_cue_and_a_relay_whose_outlet_was_stripped():
    assert classes("Отмечается, что забастовка затронет около 30 тысяч пассажиров.") == ["impersonal"]
    assert classes("Авиакомпания отменила 600 рейсов в Бельгии и Испании, передает\n\n"
                   "Пассажирам предложили перенести вылет.") == ["lost"]


def test_a_name_the_parse_hangs_on_the_oblique_before_the_cue():
    # after ryan-ru_file_137.txt: the parse reads the undeclined name as the genitive of the noun before it
    assert classes("В официальном оповещении Ryanair прибавила, что сожалеет о доставленных неудобствах.") == [
        "name under oblique"]


def test_a_report_attributed_twice_first_with_its_source_cut():
    text = ("Из-за забастовки пилотов авиакомпания вынуждена отменить в пятницу 120 рейсов, сообщается в\n\n"
            "Об этом передает Manchester Evening News. Пассажиров предупредили по электронной почте.")
    view = document_view(text, analyse([text])[0])
    pairs = [(f.ref.kind, g.ref.kind, view.text[g.ref.start:g.ref.end]) for f, g in second_attributions(view)]
    assert pairs == [("none", "entity", "Manchester Evening News")]
