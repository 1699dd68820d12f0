"""Documents and data as sources (issue 14, twenty-seventh session, wt-docsrc27): a finding cue
(свидетельствовать, показывать, …) in the positions a say cue has — inverted after the report and
after "Об этом" — when a finding source follows it; a document whose participle clause stands before
its noun named noun first, in the nominative. Sentences written for the test, after the tune
articles named."""
import pytest

from helpers import said_with_kind as found


@pytest.mark.parametrize("text, content, speaker", [
    # after brexit_ru.txt_file_1031 (tune) and _1174 (unannotated), a wire's market report
    ("Курс фунта к доллару в понедельник растет после отставки министра, что усилило ожидания более мягкого "
     "плана, свидетельствуют данные торгов. По состоянию на 14.04 курс поднимался до 1,33 доллара.",
     "Курс фунта к доллару в понедельник растет после отставки министра, что усилило ожидания более мягкого "
     "плана", "данные торгов"),
    ("Цены на бензин выросли на пять процентов, свидетельствуют последние данные Росстата.",
     "Цены на бензин выросли на пять процентов", "последние данные Росстата"),
    ("Большинство жителей города поддерживают строительство метро, показывают результаты опроса.",
     "Большинство жителей города поддерживают строительство метро", "результаты опроса"),
])
def test_an_inverted_finding_cue_with_its_source_after_it(text, content, speaker):
    assert found(text) == [(content, speaker, "document")]


def test_about_this_a_finding_source_attests_the_sentence_before_only():
    # after coronavirus_ru_82 (tune): the report is the claim just made, not the paragraph's narration
    text = ("Между тем в мире продолжаются разработки новых вакцин. Новые технологии делают возможным серьезное "
            "ускорение. Об этом свидетельствуют отчеты компаний о ходе реализации проекта. Две компании уже "
            "подали заявки.")
    [(content, speaker, kind)] = found(text)
    assert content == "Новые технологии делают возможным серьезное ускорение"
    assert speaker.startswith("отчеты компаний") and kind == "document"


@pytest.mark.parametrize("text", [
    "Он ушел в отставку через неделю, свидетельствует о многом.",  # no source after the cue
    "Цены выросли на пять процентов, показывает опыт прошлых лет.",  # experience is no finding source
    "Цены выросли на пять процентов, показал Иванов на графике.",  # a person showing is no report
    "Рубль подешевел. Об этом свидетельствует многое.",
])
def test_a_finding_cue_without_a_finding_source_reports_nothing(text):
    assert found(text) == []


@pytest.mark.parametrize("text, speaker", [
    # after brexit_ru.txt_file_1111 (tune) and _1050, _1117 (unannotated)
    ("Глава МИД ушел в отставку. О его преемнике будет объявлено в ближайшее время, говорится в полученном "
     "РИА Новости документе.", "документ, полученный РИА Новости"),
    # after ryan-ru_file_12 and _2 (tune): the participle before the mention's own locative
    ("В размещенном на официальной странице авиакомпании оповещении сообщается, что были предупреждены 3500 "
     "пассажиров.", "оповещение, размещенное на официальной странице авиакомпании"),
    ("В опубликованном в понедельник на сайте правительства заявлении говорится, что вакцина безопасна.",
     "заявление, опубликованное в понедельник на сайте правительства"),
])
def test_a_participle_clause_before_the_document_follows_its_noun(text, speaker):
    [(_, name, kind)] = found(text)
    assert (name, kind) == (speaker, "document")


@pytest.mark.parametrize("text, speaker", [
    ("В указанном документе говорится, что вакцина безопасна.", "указанный документ"),
    ("В опубликованных документах говорится, что вакцина безопасна.", "опубликованные документы"),
])
def test_a_lone_participle_stays_before_its_noun(text, speaker):
    [(_, name, kind)] = found(text)
    assert (name, kind) == (speaker, "document")
