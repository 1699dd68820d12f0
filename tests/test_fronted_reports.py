"""Reports whose source comes first and whose cue citata did not read (issue 14, the tune half's
"none" misses; eval/survey_fronted.py counts each shape over the 676 raw texts). Built: a source
phrase that opens its sentence and names its source with no comma after it; a verdict whose verb's
object stands between the verb and the instrumental. Sentences written for the test, with the near
neighbours that must stay as they are."""
import pytest

from helpers import quote_rows as quotes


@pytest.mark.parametrize("text, content, speaker", [
    # the content's predicate right after the source, no comma anywhere
    ("По информации агентства Рейтер причиной отставки министра стали его высказывания о пенсиях.",
     "причиной отставки министра стали его высказывания о пенсиях", "Рейтер"),
    # the content opens with a preposition
    ("По подсчетам профсоюза пилотов в забастовке участвуют около двух тысяч сотрудников.",
     "в забастовке участвуют около двух тысяч сотрудников", "профсоюз пилотов"),
    # a comma later in the sentence is the content's own, not the phrase's
    ("По мнению экономиста Андрея Смирнова это опасно для рынка, хотя данных пока мало.",
     "это опасно для рынка, хотя данных пока мало", "Андрей Смирнов"),
])
def test_source_phrase_without_a_comma(text, content, speaker):
    found = quotes(text)
    assert len(found) == 1, found
    kind, got, name, _ = found[0]
    assert (kind, got) == ("indirect", content)
    assert name == speaker


def test_source_phrase_with_its_comma_is_unchanged():
    text = "По информации агентства Рейтер, причиной отставки министра стали его высказывания о пенсиях."
    assert [q[1:3] for q in quotes(text)] == [
        ("причиной отставки министра стали его высказывания о пенсиях", "Рейтер")]


@pytest.mark.parametrize("text", [
    # the source's own participle clause before the comma: the content follows the comma
    "По данным исследования проведенного в прошлом году, число безработных выросло вдвое.",
])
def test_source_clause_before_the_comma(text):
    assert [q[1] for q in quotes(text)] == ["число безработных выросло вдвое"]


@pytest.mark.parametrize("text", [
    "О том, что произошло, знают все.",  # a fronted "о том, что" with no speech verb: nobody's words
    "По дороге домой он зашел в магазин.",  # "по" with no source noun
])
def test_not_a_report(text):
    assert quotes(text) == []


@pytest.mark.parametrize("text, content, speaker", [
    # the instrumental's first reading is a dative plural: only among its first two is it instrumental;
    # the comma before "в свою очередь" does not make the cue an inverted one, nor the gerund part of it
    ("Руководство авиакомпании, в свою очередь, считает недовольство работников необоснованным, "
     "отмечая высокие зарплаты.",
     "недовольство работников необоснованным", "Руководство авиакомпании"),
    # an adjective that agrees with its noun, the verdict in quotation marks
    ("Правительство Китая объявило эти инструкции «государственной тайной».",
     "эти инструкции «государственной тайной»", "Правительство Китая"),
    ("Президент Ирана объявил свою страну ядерной державой.",
     "свою страну ядерной державой", "Президент Ирана"),
    # счесть, the perfective of считать, as a gerund
    ("Суд отменил приговор, сочтя дело бездоказательным.", "дело бездоказательным", "Суд"),
    # a gerund's phrase ends at its comma
    ("Хотя суд отменил приговор, сочтя дело бездоказательным, радикалы угрожают расправой.",
     "дело бездоказательным", "суд"),
])
def test_verdict_after_the_object(text, content, speaker):
    found = quotes(text)
    assert len(found) == 1, found
    assert found[0][1:3] == (content, speaker)


@pytest.mark.parametrize("text", [
    "Организаторы объявили результаты конкурса молодой поэзии.",  # a genitive adjective, no verdict
    "Министр объявил итоги года вечером.",  # a time noun: an adverbial
    "Компания объявила о закрытии завода под Москвой.",  # a topic after "о"
])
def test_object_without_a_verdict(text):
    assert quotes(text) == []


def test_inverted_cue_with_a_subject_that_reads_as_accusative():
    # "руководство" reads as an accusative too, but no instrumental follows: the cue stays inverted
    text = "Цены на билеты вырастут, считает руководство компании."
    assert [q[1:3] for q in quotes(text)] == [("Цены на билеты вырастут", "руководство компании")]
