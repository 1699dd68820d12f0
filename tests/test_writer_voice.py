"""False quotations in the writer's own voice (issue 14, precision): a set phrase with a cue word
("Как говорится, …"), the article's reference to itself ("Как сказано выше, …") and the outlet's own
reporting ("когда мы писали о том, что …") quote nobody; beside each, its near neighbour with a real
speaker still gives a quotation. Sentences written for the test after the tune half's false
quotations; and the shapes as eval/survey_false.py --shapes reads them."""
import sys

import pytest
from conftest import ROOT
from helpers import quote_rows as quotes, view_of

sys.path.insert(0, str(ROOT / "eval"))

from survey_false import shape_of  # noqa: E402


@pytest.mark.parametrize("text", [
    # an idiom: "как говорится" with nothing after it but a comma
    "Надежды на то, что режим падёт, тщетны. Как говорится, за ним придут другие.",
    # the article refers to itself
    "Как сказано выше, «Спутник V» устроен так же, как и многие зарубежные вакцины.",
    "Как уже говорилось, вакцину нужно хранить при низкой температуре.",
    # the outlet's own reporting: "мы" the subject of a verb the press reports with
    "О вакцине известно немногим больше, чем когда мы в прошлый раз писали о том, что её испытания затянутся.",
])
def test_the_writers_own_voice_quotes_nobody(text):
    assert quotes(text) == []


@pytest.mark.parametrize("text, content, speaker", [
    # the same words with a speaker or a source after them
    ("Как говорят специалисты, вакцина безопасна для пожилых.", "вакцина безопасна для пожилых", "специалисты"),
    ("Как говорится в заявлении МИД, переговоры продолжатся в понедельник.", "переговоры продолжатся в понедельник",
     "МИД"),
    ("Как сообщил Песков, встреча пройдёт в Кремле.", "встреча пройдёт в Кремле", "Песков"),
    ("Эксперты считают, что позиции губернатора пошатнулись.", "позиции губернатора пошатнулись", "Эксперты"),
])
def test_a_phrase_with_its_speaker_or_source_stays(text, content, speaker):
    [(_, found, who, _)] = quotes(text)
    assert (found, who) == (content, speaker)


def test_we_inside_the_quoted_words_is_the_speakers():
    # "мы" in the quotation is the minister's; the cue stands outside it, after the dash
    [(kind, content, speaker, cue)] = quotes("«Мы не допустим повышения цен», — сказал министр.")
    assert (kind, content, speaker, cue) == ("direct", "Мы не допустим повышения цен", "министр", "сказал")


def test_we_reported_by_a_speaker_is_one_quotation_his():
    # the minister's "мы писали" is his ministry's earlier words inside his own report: his quotation
    # stays, and the "мы писали, что" inside it is no second one with nobody for its speaker
    found = quotes("Мы писали, что это опасно, — сказал министр Иван Петров.")
    assert [(c, s) for _, c, s, _ in found] == [("Мы писали, что это опасно", "Иван Петров")]


# --- eval/survey_false.py --shapes: the shape read at a cue -------------------------------------

@pytest.mark.parametrize("text, cue, shape", [
    ("Как сказано выше, вакцина устроена иначе.", "сказано", "as said above / before"),
    ("Как говорится, за ним придут другие.", "говорится", "set phrase: как говорится / как говорят"),
    ("Как сообщалось ранее, суд оправдал женщину.", "сообщалось", "earlier report, no source"),
    ("Сейчас известно больше, чем когда мы писали о том, что вакцины нет.", "писали", "we: the outlet's own reporting"),
    ("Любой иммунолог вам расскажет, что кролику нужны инъекции.", "расскажет", "generic quantified subject"),
    ("Однако если подтвердится предположение учёных, что она помогает, прививку начнут.", "предположение",
     "under если / когда бы"),
    ("Кто-то спросит, а как же остальные?", "спросит", "future or imperative cue"),
    # a source or a speaker after the phrase, a speaker in the present: no shape
    ("Как сообщалось в заявлении МИД, встреча отменена.", "сообщалось", None),
    ("Как говорят специалисты, вакцина безопасна.", "говорят", None),
    ("Эксперты считают, что позиции губернатора пошатнулись.", "считают", None),
])
def test_the_survey_reads_each_shape_at_its_cue(text, cue, shape):
    view = view_of(text)
    assert shape_of(view, next(k for k, t in enumerate(view.toks) if t.text == cue)) == shape
