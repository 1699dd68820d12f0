"""Reports whose source is a study, a poll, a trial or their results (issue 14, twenty-sixth
session): a finding verb (показать, выявить, доказать, установить, …) reports only when its subject
is a finding source (lexicons.finding_sources), which speaks as a document; "по итогам / по
результатам" of such a source opens a report as "по данным" does. Sentences from ../shared/corpora
(the file named) or written for the test."""
import pytest

from helpers import quote_rows, said_with_kind as found


@pytest.mark.parametrize("text, content, speaker", [
    # coronavirus_ru_50 (tune)
    ("Однако другие испытания выявили, что прививка Novavax менее эффективна для защиты от нового варианта "
     "коронавируса.", "прививка Novavax менее эффективна для защиты от нового варианта коронавируса",
     "другие испытания"),
    ("Исследование продемонстрировало, что антитела сохраняются не менее полугода.",
     "антитела сохраняются не менее полугода", "Исследование"),
    ("Экспертиза установила, что подпись на документе поддельная.", "подпись на документе поддельная", "Экспертиза"),
    # asia_bibi_ru.txt_file_172 (unannotated), with the kind the gold writes for a poll
    ("Опрос общественного мнения показал, что каждый 20-й пакистанец готов был бы убить женщину.",
     "каждый 20-й пакистанец готов был бы убить женщину", "Опрос общественного мнения"),
    ("Результаты анализа свидетельствуют о том, что вирус мутировал.", "вирус мутировал", "Результаты анализа"),
])
def test_a_finding_source_speaks_as_a_document(text, content, speaker):
    assert found(text) == [(content, speaker, "document")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Исследование, проведенное учеными Оксфорда, показало, что вакцина эффективна на 70%.",
     "вакцина эффективна на 70%", "Исследование"),
    ("Опрос, проведенный Левада-центром в марте, показал, что половина россиян не доверяет вакцине.",
     "половина россиян не доверяет вакцине", "Опрос"),
])
def test_the_subject_past_its_participle_clause(text, content, speaker):
    assert found(text) == [(content, speaker, "document")]


def test_a_pronoun_subject_stands_for_the_results_before():
    # coronavirus_ru_67 (tune)
    text = ("В пользу этой гипотезы говорят опубликованные в конце марта результаты лабораторных опытов на "
            "мышах. Они показали, в частности, что в крови грызунов обнаруживалась меньшая концентрация вирусов.")
    [(content, speaker, kind)] = found(text)
    assert content == "в крови грызунов обнаруживалась меньшая концентрация вирусов"
    assert speaker.startswith("результаты лабораторных опытов") and kind == "document"


def test_a_pronoun_after_a_person_is_no_finding():
    assert quote_rows("Путин встретился с Макроном. Он показал, что готов к диалогу.") == []


@pytest.mark.parametrize("text, content, speaker", [
    # coronavirus_ru_50 (tune)
    ("По итогам международных испытаний, эта вакцина способна вызывать достаточно стабильный иммунный ответ.",
     "эта вакцина способна вызывать достаточно стабильный иммунный ответ", "международные испытания"),
    ("По результатам опроса, большинство россиян поддерживают поправки.",
     "большинство россиян поддерживают поправки", "опрос"),
])
def test_the_results_of_a_study_speak(text, content, speaker):
    assert found(text) == [(content, speaker, "document")]


@pytest.mark.parametrize("text", [
    # what a person, a practice or footage shows, or showing with a hand, is no report
    "Мой опыт показал, что те, кто заказывает музыку, не заинтересованы в качестве.",
    "Он показал рукой, что пора уходить.",
    "Команда показала хороший результат на чемпионате.",
    # file_217 (tune, not annotated)
    "Будь то служба, будь то бизнес, за свою жизнь Винсент доказал, что умеет добиваться своего.",
    # a meeting's or a year's results are no source
    "По итогам переговоров, британское правительство согласовало план.",
    "По итогам 2005 года, доходы бюджета Кипра выросли на 11,7 процента.",
    # a decision's basis, not the head of its sentence
    "Регулятор одобрил вакцину по результатам испытаний, проведенных в Британии.",
])
def test_no_finding(text):
    assert quote_rows(text) == []


def test_a_finding_inside_a_report_is_the_reporter_s():
    # coronavirus_ru_90 (tune): one quotation, Moderna's
    text = ("Американская компания Moderna объявила, что предварительный анализ показывает, что ее "
            "экспериментальная вакцина против COVID-19 почти на 95 процентов эффективна.")
    [(content, speaker, kind)] = found(text)
    assert content.startswith("предварительный анализ показывает") and speaker == "Moderna"


@pytest.mark.parametrize("text, content, speaker", [
    # coronavirus_ru_63 (tune)
    ("Российские вакцины эффективны и против британского штамма. Это подтверждено учеными.",
     "Российские вакцины эффективны и против британского штамма", "ученые"),
    ("Как сообщается пресс-службой МВД, задержаны трое подозреваемых.", "задержаны трое подозреваемых",
     "пресс-служба МВД"),
])
def test_the_agent_of_a_passive_cue_speaks(text, content, speaker):
    assert [row[1:3] for row in quote_rows(text)] == [(content, speaker)]


def test_no_agent_but_an_instrumental():
    # a passive cue with nothing after it names no agent (nor "в" read as a noun: ryan-ru_file_2)
    assert [row[2] for row in quote_rows("Как сообщается, пилоты добиваются улучшения условий труда.")] == [None]
