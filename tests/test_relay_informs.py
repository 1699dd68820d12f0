""""…, информирует X": rewritten news relays an outlet with информировать as others do with сообщать
(issue 14, twenty-sixth session: 19 places in 19 unannotated BSNLP pages). As a relay verb it keeps
the report when the outlet's name went with a stripped link (the gold writes no speaker then), and
it reports nothing when it only governs a topic. Sentences written after the pages named."""
import pytest

from helpers import said, speaker_by_content as speakers


@pytest.mark.parametrize("text, content", [
    # after ryanair/raw/ryan-ru_file_16.txt: the outlet's name and its link gone, a paragraph after
    ("Забастовка продлится сутки.\n\nАвиакомпания Ryanair отменила 150 рейсов из-за забастовки пилотов, "
     "запланированной на среду, информирует\n\nНакануне пилоты грозили новыми забастовками.",
     "Авиакомпания Ryanair отменила 150 рейсов из-за забастовки пилотов, запланированной на среду"),
    # after ryanair/raw/ryan-ru_file_34.txt: the next sentence glued on after a dangling quotation mark
    ("Авиакомпания Ryanair отменила 600 рейсов из-за угрозы забастовки бортпроводников в Бельгии и Испании, "
     "информирует « получили рекомендации об альтернативных маршрутах.",
     "Авиакомпания Ryanair отменила 600 рейсов из-за угрозы забастовки бортпроводников в Бельгии и Испании"),
])
def test_an_informs_relay_whose_outlet_was_stripped_keeps_the_report_with_no_speaker(text, content):
    found = speakers(text)
    assert content in found and found[content] is None, found


def test_an_informs_relay_with_its_outlet_names_the_outlet():
    # after ec/raw/file_241_ru.txt
    text = "Комиссар Корина Крецу посетила Софию на этой неделе, информирует Nova TV."
    assert speakers(text) == {"Комиссар Корина Крецу посетила Софию на этой неделе": "Nova TV"}


@pytest.mark.parametrize("text", [
    # after ryanair/raw/ryan-ru_file_87.txt and ryan-ru_file_65.txt: a topic, nothing reported
    "Компания ежедневно информирует об отменах и задержках рейсов по всей Европе.",
    "Кроме того, авиаперевозчик проинформировал о задержках сегодняшних рейсов.",
    "Пассажиров уже проинформировали об изменениях в расписании.",
])
def test_informing_about_a_topic_reports_nothing(text):
    assert said(text) == []
