"""eval/miss_classes.py: how a missed gold quotation and a false prediction lie against each other
under eval/quotes.py's match rule (overlap of at least half of each span)."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from citata.nlp import analyse  # noqa: E402
from citata.quotes import document_view, find  # noqa: E402
from miss_classes import classify, kept_share, why_none  # noqa: E402


def gold(*spans):
    return [{"content": list(s)} for s in spans]


def pred(*spans):
    return [{"raw_content": list(s)} for s in spans]


def test_a_miss_no_prediction_touches_and_a_false_quotation_no_gold_touches():
    assert classify(gold((0, 50)), pred((100, 150))) == ([(0, "none")], [(0, "none")])


def test_a_prediction_that_runs_on_or_stops_short_is_a_boundary_pair():
    # the prediction holds the gold span and three times as much again: under half of it is gold
    assert classify(gold((0, 50)), pred((0, 200))) == ([(0, "boundary: too long")], [(0, "boundary")])
    assert classify(gold((0, 200)), pred((150, 200))) == ([(0, "boundary: too short")], [(0, "boundary")])
    assert classify(gold((0, 100)), pred((80, 300))) == ([(0, "boundary: shifted")], [(0, "boundary")])


def test_one_prediction_over_two_gold_quotations_and_two_over_one():
    # merged: the prediction matches neither of two short gold quotations it spans
    misses, false = classify(gold((0, 30), (300, 330)), pred((0, 330)))
    assert misses == [(0, "boundary: merged"), (1, "boundary: merged")] and false == [(0, "boundary")]
    # split: neither half of a gold quotation holds half of it
    misses, _ = classify(gold((0, 300)), pred((0, 100), (200, 300)))
    assert misses == [(0, "boundary: split")]


def test_a_gold_quotation_inside_a_prediction_matched_to_another_is_taken():
    # the prediction matches the long gold quotation; the short one inside it is left over
    misses, false = classify(gold((0, 200), (20, 40)), pred((0, 190)))
    assert misses == [(1, "taken")] and false == []


def test_a_gold_span_cleaning_dropped_is_told_from_one_no_sieve_found():
    # the clean text keeps raw 0-100 and 300-400: a span in the gap is not in it at all
    kept = [[0, 100], [300, 400]]
    assert kept_share([150, 250], kept) == 0
    assert kept_share([50, 150], kept) == 0.5
    assert kept_share([320, 380], kept) == 1


def test_find_names_the_step_that_removed_a_candidate_and_keeps_the_same_quotations():
    # factrueval book_61 and brexit_ru.txt_file_1123 (unannotated): a negated verdict and a negated
    # conviction inside someone's report are built by the constructions and removed by the filter
    text = ("Женщины с вниманием прислушивались к его советам. В Дюссельдорфе давно не считают вязание "
            "уделом только женщин. Также он отметил, что \"не убежден\", что тактика переговоров "
            "правительства \"не приведет лишь к новым требованиям уступок\" со стороны Брюсселя.")
    analysis = analyse([text])[0]
    plain = find(document_view(text, analysis))
    dropped = []
    traced = find(document_view(text, analysis), dropped)
    assert [(f.start, f.end) for f in traced] == [(f.start, f.end) for f in plain]
    gone = {(step, text[f.start:f.end]) for step, f in dropped}
    assert ("negated cue", "вязание уделом только женщин") in gone, gone
    assert all(step == "negated cue" for step, _ in gone), gone


def test_a_miss_no_prediction_touches_is_classed_by_what_citata_did_there():
    # raw text: a cue read by the lexicon at 0-7, a report at 10-40, a paragraph break at 45
    text = "заявил, что " + "x" * 30 + "\n\n" + "y" * 60
    d = {"text": text, "kept": [[0, len(text)]], "dropped": [], "cues": [[0, 6]]}
    g = {"content": [12, 42], "cue": [0, 6]}
    assert why_none(g, d) == "none: cue read, no construction"
    assert why_none(g, {**d, "cues": []}) == "none: no cue"
    assert why_none(g, {**d, "dropped": [["negated cue", [12, 40], "indirect"]]}) == "none: dropped by negated cue"
    assert why_none({"content": [50, 90], "cue": [0, 6]}, d) == "none: layout (cue in another paragraph)"
    assert why_none({"content": [50, 90], "cue": None}, d) == "none: layout (no cue)"
    assert why_none(g, {**d, "kept": [[50, 100]]}) == "none: not in the clean text"
