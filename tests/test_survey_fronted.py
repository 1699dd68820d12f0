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


def test_an_indirect_question_after_any_verb_of_asking_and_not_a_request():
    assert found("Депутат задался вопросом, кто ответит за провал.") == [("ask + wh-word", "кто ответит ")]
    assert found("Министр уточнил, когда закончится ремонт.") == [("ask + wh-word", "когда законч")]
    assert found("Министр уточнил, что ремонт закончится в мае.") == []  # a report, not a question
    assert found("Журналист спросил разрешения войти.") == []


def test_fronted_content_after_a_connective_or_a_question_word_and_not_a_noun_s_topic():
    assert found("Однако о том, что сделка сорвалась, сообщил её участник.") == [("о том, что + cue", " сделка сорв")]
    assert found("О том, как готовиться к прививке, рассказал врач.") == [("о том, WH + cue", " готовиться ")]
    assert found("Эксперты обсуждали вопрос о том, что санкции не работают.") == []
    assert found('Он пишет "дорогой Терезе" о том, что всё пропало.') == []  # mid-sentence, after its verb


def test_a_hearsay_particle_set_off_and_not_the_noun():
    assert [s for s, _ in found("Ажиотаж - мол, нас всех заставят - выглядит странно.")] == ["дескать/мол"]
    assert found("Судно стояло у мола, мол длиной двести метров.") == []


def test_yakoby_after_a_cue_or_as_the_writer_s_hedge():
    assert found("Министр заявил, якобы сделка сорвалась.") == [("якобы after a cue", "сделка сорва")]
    assert found("Её осудили якобы за оскорбление ислама.") == [("якобы in a clause", "за оскорблен")]


def test_an_interview_line_interrupted_by_its_attribution_with_no_dash():
    assert found("– Сейчас все спокойно, говорит врач Иванова. – Но мы готовимся.") == [
        ("– A, cue X. – B", "Но мы готови")]
    # the dash before the cue: the dialogue layout citata reads; no cue: one speaker's two sentences
    assert found("– Сейчас все спокойно, – говорит врач Иванова. – Но мы готовимся.") == []
    assert found("– Сейчас все спокойно, хотя погода испортилась. – Но мы готовимся.") == []


def test_an_indirect_question_after_a_verb_of_telling():
    assert found("Врач рассказал, опасна ли вакцина для пожилых.") == [("tell + ли", "опасна ли ва")]
    assert found("Министр объяснил, почему отменили рейсы.") == [("tell + wh-word", "почему отмен")]
    assert found("Министр объяснил, что рейсы отменили.") == []
