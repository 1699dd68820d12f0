"""eval/speaker_step_sample.tsv (issue 14, twenty-first session): its rows are well-formed and drawn as
its header says; and eval/survey_quotes.py's view, which the judged samples are scored on, reads the
text the pipeline reads (words spelt in both alphabets folded into one), on sentences written for the test."""
import sys

import pytest

from conftest import CORPORA, ROOT, needs_corpora

sys.path.insert(0, str(ROOT / "eval"))

from speaker_gold import KINDS, load_sample, overlaps, weak  # noqa: E402
from survey_quotes import view_of  # noqa: E402
from survey_speakers import survey  # noqa: E402

SAMPLE = ROOT / "eval" / "speaker_step_sample.tsv"
LABELS = ("quotation", "no quotation", "unclear")


def rows() -> list[dict]:
    return load_sample(SAMPLE)


def test_the_header_names_the_draw_and_the_rows_are_numbered():
    first = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# seed=21 draw: python eval/speaker_gold.py draw")
    assert [int(r["id"]) for r in rows()] == list(range(len(rows())))
    assert {r["stratum"] for r in rows()} == {"unsampled", "reused-weak", "reused-other"}


def test_every_row_is_annotated_with_a_label_and_a_kind():
    for r in rows():
        assert r["label"] in LABELS, r["id"]
        assert r["note"], r["id"]
        assert int(r["start"]) < int(r["end"]), r["id"]
        if r["label"] == "quotation":
            assert r["kind"] in KINDS, r["id"]
            # an empty speaker is an unnamed source ("Сообщается, что"): anonymous
            assert r["speaker"] or r["kind"] == "anonymous", r["id"]
        else:
            assert not r["speaker"] and not r["kind"], r["id"]


def test_the_strata_hold_what_their_names_say():
    for r in rows():
        survey_row = {"step": None if r["step"] == "no speaker" else r["step"]}
        if r["stratum"] == "reused-weak":
            assert weak(survey_row), r["id"]
        elif r["stratum"] == "reused-other":
            assert not weak(survey_row), r["id"]


def test_no_quotation_is_in_another_judged_sample_but_the_reused_strata_in_the_first():
    others = [p for p in sorted((ROOT / "eval").glob("speaker_*sample*.tsv")) if p != SAMPLE]
    first = ROOT / "eval" / "speaker_sample.tsv"
    for r in rows():
        span = (int(r["start"]), int(r["end"]))
        held = {p.name for p in others for s in load_sample(p)
                if s["file"] == r["file"] and overlaps(span, (int(s["start"]), int(s["end"])))}
        assert held <= ({first.name} if r["stratum"].startswith("reused") else set()), (r["id"], held)
        if r["stratum"].startswith("reused"):
            assert held == {first.name}, r["id"]


@needs_corpora
def test_every_row_lies_inside_its_article():
    lengths = {}
    for r in rows():
        if r["file"] not in lengths:
            lengths[r["file"]] = len(view_of(CORPORA, r["file"]).text)
        assert int(r["end"]) <= lengths[r["file"]], r["id"]


# --- the survey's view folds look-alike letters as the pipeline does -------------------------------

def surveyed(tmp_path, text: str) -> list[dict]:
    rel = "bsnlp-ru/test/raw/article.txt"
    path = tmp_path / rel
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return list(survey(tmp_path, [rel], None))


@pytest.mark.parametrize("text, speaker", [
    # a Latin o in a Cyrillic word (as brexit_ru.txt_file_1015 writes "пoлитических"): the speaker is
    # spelt in Cyrillic, as citata's pipeline names it
    ("Джонсон ушел в отставку.\n\nСогласно мнениям пoлитических аналитиков, такой поворот событий "
     "может привести к отставке премьера.", "политические аналитики"),
    # the neighbour: a Latin name stays Latin, a Cyrillic phrase Cyrillic
    ("Джонсон ушел в отставку.\n\nСогласно мнениям политических аналитиков Reuters, такой поворот "
     "событий может привести к отставке премьера.", "политические аналитики Reuters"),
])
def test_the_survey_names_a_speaker_spelt_in_one_alphabet(tmp_path, text, speaker):
    [q] = surveyed(tmp_path, text)
    assert q["speaker"] == speaker
