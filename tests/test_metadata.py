"""Metadata on real Russian news phrasing: datelines, relays, dates, titles, outlets."""
import pytest

from citata import extract_text
from citata.metadata import clean_title, date_from_url, outlet_from_url, parse_date, relays


@pytest.mark.parametrize("lead, place, agency, date", [
    ("БИШКЕК, 2 фев — Sputnik. Россия не обращалась к странам ОДКБ.", "Бишкек", "Sputnik", "2023-02-02"),
    ("МОСКВА, 1 февраля. /ТАСС/. Лавров провел переговоры с Блинкеном.", "Москва", "ТАСС", "2023-02-01"),
    ("НЬЮ-ЙОРК, 3 фев — РИА Новости. Генсек ООН выступил с заявлением.", "Нью-Йорк", "РИА Новости", "2023-02-03"),
    ("РОСТОВ-НА-ДОНУ, 2 февраля. /ТАСС/. В городе открылся форум.", "Ростов-на-Дону", "ТАСС", "2023-02-02"),
    ("Москва. 31 октября. INTERFAX.RU - Женщину оправдали в Пакистане.", "Москва", "INTERFAX.RU", "2023-10-31"),
])
def test_datelines(lead, place, agency, date):
    doc = extract_text(f"https://example.ru/20230202/x.html\n\n{lead}", plain=False)
    assert doc.dateline is not None
    assert (doc.dateline.place, doc.dateline.agency) == (place, agency)


def test_dateline_date_takes_the_year_of_the_page():
    doc = extract_text("Источник: https://ria.ru/20221231/x.html\n\nЗаголовок новости про итоги года\n\n"
                       "МОСКВА, 31 дек — РИА Новости. Президент подвел итоги года.")
    assert doc.published == "2022-12-31"
    assert doc.dateline.date == "2022-12-31"


@pytest.mark.parametrize("sentence, expected", [
    ("Об этом заявил министр, передает РИА Новости.", ["РИА Новости"]),
    ("Глава МИД ушел в отставку, сообщает ТАСС со ссылкой на канцелярию премьер-министра.", ["ТАСС"]),
    ("Премьер поблагодарил его за работу, сообщает Sky News.", ["Sky News"]),
    ("Об этом пишет газета The Wall Street Journal со ссылкой на источники.", ["The Wall Street Journal"]),
    ("Как сообщает «Коммерсантъ», сделка закрыта.", ["Коммерсантъ"]),
    ("Об этом пишет Трамп в своем Twitter.", []),
    ("Об этом сообщает пресс-служба ведомства.", []),
])
def test_relayed_sources(sentence, expected):
    assert relays(sentence) == expected


@pytest.mark.parametrize("url, date", [
    ("https://ru.sputnik.kg/20230202/rossiya-ne-obrashch...", "2023-02-02"),
    ("https://rg.ru/2018/09/20/tereza-mej.html", "2018-09-20"),
    ("https://www.vedomosti.ru/business/news/2018/08/08/777681-rosneft", "2018-08-08"),
    ("https://www.interfax.ru/world/635841", None),
    ("https://example.ru/news/20231399/x", None),  # not a date
])
def test_date_from_url(url, date):
    assert date_from_url(url) == date


@pytest.mark.parametrize("value, date", [
    ("2016-10-25T23:01:07+03:00", "2016-10-25"),
    ("01.02.2022", "2022-02-01"),
    ("1 февраля 2022 года", "2022-02-01"),
    ("31 июня 2022", None),
])
def test_parse_date(value, date):
    assert parse_date(value) == date


@pytest.mark.parametrize("url, outlet", [
    ("https://ru.sputnik.kg/20230202/x", "Sputnik Кыргызстан"),
    ("https://sputnik.md/20220201/x", "Sputnik Молдова"),
    ("https://www.interfax.ru/world/635841", "Интерфакс"),
    ("http://nsn.fm/hots/x.html", "Национальная служба новостей"),
    ("https://www.unknown-regional-site.ru/x", "unknown-regional-site.ru"),
])
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize("raw, title", [
    ("Клинтон считает, что Дональд Трамп не годится в президенты / Украинский бизнес ресурс",
     "Клинтон считает, что Дональд Трамп не годится в президенты"),
    ("09.07.2018 18:30 : Курс фунта стерлингов перешел к снижению",
     "Курс фунта стерлингов перешел к снижению"),
    ("ЛОНГРИД Конфетка от миссис Мэй", "Конфетка от миссис Мэй"),
    ("Трамп разошелся во мнении с Мишель Обамой о судьбе США: Политика: Мир: Lenta.ru",
     "Трамп разошелся во мнении с Мишель Обамой о судьбе США"),
    ("МАУ грозит судом из-за Ryanair, а Lufthansa отменяет 800 рейсов (видео)",
     "МАУ грозит судом из-за Ryanair, а Lufthansa отменяет 800 рейсов"),
    ("Россия не обращалась к партнерам по ОДКБ за содействием в спецоперации — Лавров",
     "Россия не обращалась к партнерам по ОДКБ за содействием в спецоперации — Лавров"),
    ("Итоги 2018", "Итоги 2018"),
])
def test_clean_title(raw, title):
    assert clean_title(raw) == title


def test_no_title_when_the_dump_starts_with_the_body():
    doc = extract_text("Крупнейший лоукостер Европы ирландская Ryanair сообщила об отмене 250 рейсов в Германию "
                       "и из Германии в пятницу из-за забастовки пилотов. Отмены коснутся примерно 10% рейсов.")
    assert doc.title is None
    assert doc.text.startswith("Крупнейший лоукостер")
