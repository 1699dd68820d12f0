"""eval/agreement.py scores one annotation against another as eval/quotes.py scores citata: an
annotation agrees with itself wholly, and a quotation one annotator left out or gave another speaker
shows in the counts."""
import copy
import json
import sys

from conftest import BSNLP, ROOT, needs_corpora

sys.path.insert(0, str(ROOT / "eval"))
import agreement  # noqa: E402


def _second_annotation() -> dict[str, dict]:
    path = agreement.GOLD / "agreement" / "quotes_kl_second.jsonl"
    return {e["file"]: e for e in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@needs_corpora
def test_an_annotation_agrees_with_itself():
    second = _second_annotation()
    c = agreement.compare(second, second, BSNLP.parent)
    assert c["gold"] == c["pred"] == c["match"] == c["wsw"] == c["type"] > 0


@needs_corpora
def test_a_left_out_quotation_and_another_speaker_count():
    second = _second_annotation()
    other = copy.deepcopy(second)
    name = next(f for f, e in other.items() if len(e["quotes"]) >= 2)
    other[name]["quotes"].pop(0)
    other[name]["quotes"][0]["speaker"] = "Совсем Другой Человек"
    c = agreement.compare(second, other, BSNLP.parent)
    assert c["pred"] == c["gold"] - 1 and c["match"] == c["gold"] - 1 and c["wsw"] == c["match"] - 1
