"""eval/survey_speakerless.py: the classes it reads off the text around a speakerless quotation's cue,
and its diff of two runs, on texts written for the test."""
import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from survey_speakerless import classify, diff  # noqa: E402


def label(text, content, cue):
    s = text.index(content)
    return classify(text, s, s + len(content), cue)


def test_the_classes_read_off_the_text():
    text = "Рейсы отменены. Отмечается, что пассажирам вернут деньги."
    assert label(text, "пассажирам вернут деньги", "Отмечается") == "impersonal, no source"
    text = "Об этом говорится в заявлении компании. Отмечается, что пассажирам вернут деньги."
    assert label(text, "пассажирам вернут деньги", "Отмечается") == "impersonal, source before"
    # the relay's outlet went with a stripped link: nothing after the cue on its line
    text = "Авиакомпания отменила 600 рейсов, передает\n\nПассажирам предложили перенести вылет."
    assert label(text, "Авиакомпания отменила 600 рейсов", "передает") == "lost outlet"
    assert label("«Рейсы будут восстановлены».", "Рейсы будут восстановлены", None) == "no cue"


def row(start, speaker):
    return {"file": "a.txt", "set": "U", "start": start, "type": "indirect", "speaker": speaker, "cue": "заявил",
            "cue_kind": "personal", "sieve": "indirect:complement", "mention_words": None, "step": None,
            "parse_subject": None, "label": "other", "content": "…", "before": "", "sentence": "…"}


def test_diff_lists_a_speaker_that_came_and_a_quotation_that_went(tmp_path, capsys):
    old, new = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    old.write_text("\n".join(json.dumps(r) for r in (row(0, None), row(10, "ТАСС"), row(20, "Reuters"))))
    new.write_text("\n".join(json.dumps(r) for r in (row(0, "Ryanair"), row(10, "ТАСС"))))

    class Args:
        pass
    args = Args()
    args.old, args.new = old, new
    diff(args)
    out = capsys.readouterr().out
    assert out.startswith("2 quotations changed speaker or came or went")
    assert "None -> 'Ryanair'" in out and "'Reuters' -> '(absent)'" in out and "ТАСС" not in out
