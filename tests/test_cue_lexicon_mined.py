"""Cues mined over the texts a session may read (eval/mine_cues.py --min 1, --nouns, --sources and
eval/survey_cue_forms.py, twentieth session) and kept after review: each read with its speaker and
its reported words, and a near neighbour where the same word reports nothing. Sentences written for
the test."""
import pytest

from helpers import plain_quotes as quotes


@pytest.mark.parametrize("text, cue, speaker, content", [
    # негодовать: a manner of speaking after the reported words, the speaker after the verb
    ("Потребовалось два года, чтобы договориться, и два дня, чтобы все развалилось, негодовал лидер "
     "оппозиции Иван Петров.", "негодовать", "Иван Петров",
     "Потребовалось два года, чтобы договориться, и два дня, чтобы все развалилось"),
    # восклицать / воскликнуть after a quotation and its dash, also past a manner phrase
    ("«Мы сумели превратить реформу в фарс», — с присущим ему пафосом восклицает Сергей Смирнов, "
     "обращаясь к депутатам.", "восклицать", "Сергей Смирнов", "Мы сумели превратить реформу в фарс"),
    ("«Это настоящая победа», — воскликнул тренер команды Олег Кузнецов.", "воскликнуть", "Олег Кузнецов",
     "Это настоящая победа"),
    # посчитать: the perfective of считать, here as a gerund before its что-clause
    ("Верховный суд отменил приговор, посчитав, что обвинение основано на недостоверных показаниях.",
     "посчитать", "Верховный суд", "обвинение основано на недостоверных показаниях"),
])
def test_a_mined_cue_is_read_with_its_speaker(text, cue, speaker, content):
    [q] = quotes(text)
    assert q.cue_lemma == cue and q.content.text == content
    assert speaker.lower() in q.speaker.name.lower()


def test_a_finding_of_data_is_read_from_its_report_noun():
    """свидетельствовать is a finding, like показать: a report when data or a study is its subject."""
    [q] = quotes("Данные опроса свидетельствуют, что большинство жителей поддерживают реформу.")
    assert q.cue_lemma == "свидетельствовать" and q.content.text == "большинство жителей поддерживают реформу"
    assert q.speaker.mention.text.startswith("Данные опроса")


@pytest.mark.parametrize("text", [
    "Жители деревни негодовали весь вечер, пока не отключили свет.",   # no reported words
    "Он воскликнул от боли и упал на землю.",
    "Кассиры посчитали деньги и закрыли магазин.",                    # counting, not an opinion
    "Эти факты свидетельствуют о глубоком кризисе в отрасли.",        # a sign, no clause
    "Это свидетельствует о том, что рынок перегрет.",                 # the writer's inference
])
def test_the_same_word_reporting_nothing_gives_no_quotation(text):
    assert quotes(text) == []
