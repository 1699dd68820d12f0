"""eval/miss_classes.py: how a missed gold quotation and a false prediction lie against each other
under eval/quotes.py's match rule (overlap of at least half of each span)."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from miss_classes import classify, kept_share  # noqa: E402


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
