"""Where a whole page shows its outlet or its date in places no older signal reads (issue 15,
ninth session): a menu or footer item built on the site's name ("Реклама на RTVI"), an app's or a
platform's line, a title's brand tail after a separator headlines do not use, an agency's signature
in slashes or brackets, the outlet the text's people speak to before an impersonal plural verb,
the name the furniture repeats (the fallback where nothing else fires); and date forms and a lone
stamp in the page's header. Each positive case stands beside one that must name nothing: a rubric,
a partners' list, another outlet's sources, a relay in the article, the day the page shows as
today.

Pages are written for the test in the shape of the covid-19 BSNLP dumps (tests/test_outlet_table.py
builds them): a header whose URL is a placeholder, a menu, the headline, a stamp, the article,
comments, a related list, the footer."""
import pytest

from citata.clean import clean
from citata.metadata import best_candidate, brand_line, find_date, opening_agency, outlet_told, title_brand
from citata.source import text_document

from test_outlet_table import ARTICLE, HEADLINE, doc_of, whole_page

RIGHTS = "Все права защищены."


# ------------------------------------------------------------------ brand lines

@pytest.mark.parametrize("footer, outlet", [
    ("О проекте | Реклама на RTVI | Вакансии", "RTVI"),
    ("Скачайте приложение «Вечерний Бишкек» для iOS и Android", "Вечерний Бишкек"),
    ("Newsler в соцсетях", "Newsler"),  # (an outlet the table lacks: a Latin name beside a platform)
    ("Редакция Newsler", "Newsler"),
    ("Реклама на «Фонтанке»", "Фонтанка"),
    ("Подписывайтесь на наш Telegram-канал «Newsler»", "Newsler"),
    # © lines in the shapes sites write them, glued, with "(c)", a quoted name and the year
    ("©Newsler.ru, 2021", "Newsler.ru"),
    ("(c) Newsler 2021 г.", "Newsler"),
    ("© «Вечерний Бишкек», 2021", "Вечерний Бишкек"),
    ("Copyright © 2021 Newsler. All rights reserved.", "Newsler"),
])
def test_a_footer_line_built_on_the_sites_name(footer, outlet):
    # under the comments, where the cleaner files the footer as more comments: no reader writes these
    assert doc_of(whole_page([footer, RIGHTS])).outlet == outlet


@pytest.mark.parametrize("footer", ["Партнеры: РИА Новости | ТАСС | Интерфакс", "Мы в соцсетях",
                                    "Подписывайтесь на нас в Telegram", "COVID-19 в Telegram",
                                    # an app's or a channel's quoted name is often its topic's
                                    "Наш канал «Коронавирус: главное» в Telegram", "Приложение «Здоровье» для iOS"])
def test_a_footer_line_without_the_sites_name_names_nothing(footer):
    assert doc_of(whole_page([footer, RIGHTS])).outlet is None


def test_a_rubric_label_names_the_site_only_by_a_known_name_or_a_sites():
    assert doc_of(whole_page([RIGHTS], top=["Все новости Тайга.инфо"])).outlet == "Тайга.инфо"
    assert doc_of(whole_page([RIGHTS], top=["Новости Фонтанки"])).outlet == "Фонтанка"  # (declined)
    # a rubric names its topic as often: a company, a city
    assert doc_of(whole_page([RIGHTS], top=["Новости Pfizer"])).outlet is None
    assert doc_of(whole_page([RIGHTS], top=["Новости Москвы"])).outlet is None


def test_brand_line_shapes():
    assert brand_line("Приложение РБК для iOS") == "РБК"
    assert brand_line("Реклама на сайте tayga.info") == "Тайга.инфо"
    assert brand_line("Главная | Контакты | Реклама на RTVI") == "RTVI"
    assert brand_line("Подписка на рассылку") is None
    # a long line is a sentence, not an item of furniture
    assert brand_line("Редакция RTVI не несет ответственности за содержание материалов, присланных читателями "
                      "и опубликованных в разделе блогов") is None


# ------------------------------------------------------------------ the title's brand tail

@pytest.mark.parametrize("tail, outlet", [(" :: Вечерний Бишкек", "Вечерний Бишкек"), (" | RTVI", "RTVI"),
                                          (" | Newsler", "Newsler"), (" // Тайга.инфо", "Тайга.инфо"),
                                          (" — Новости Тайга.инфо", "Тайга.инфо"), (" - Новости Москвы", None),
                                          (" | Общество", None), (" | Новости Москвы", None), (" | Коронавирус", None)])
def test_the_titles_brand_tail(tail, outlet):
    doc = doc_of(whole_page([RIGHTS]).replace(HEADLINE, HEADLINE + tail))
    assert doc.outlet == outlet
    assert doc.title == HEADLINE or outlet is None


def test_title_brand_needs_a_headline_before_the_separator():
    assert title_brand("Главная | RTVI") is None
    assert title_brand("Вакцинация в Москве: как записаться | RTVI") == "RTVI"


# ------------------------------------------------------------------ the name the furniture repeats

def test_the_name_the_furniture_repeats_where_nothing_else_names_the_outlet():
    top = ["Фонтанка.ру рекомендует: лучшие рестораны недели"]
    assert doc_of(whole_page([RIGHTS], top=top)).outlet == "Фонтанка"
    cleaned = clean(text_document("page.txt", whole_page([RIGHTS], top=top)))
    assert best_candidate(cleaned, 4).name == "Фонтанка"


def test_the_fallback_invents_no_outlet():
    # a relay in the article names no outlet
    relayed = whole_page([RIGHTS]).replace(ARTICLE[1], ARTICLE[1] + " Об этом сообщает ТАСС.")
    assert doc_of(relayed).outlet is None
    # teasers of other outlets' stories, and a relay in a furniture line
    teasers = whole_page([RIGHTS]).replace("Власти продлили ограничения", "РИА Новости: власти продлили ограничения")
    assert doc_of(teasers).outlet is None
    assert doc_of(whole_page([RIGHTS], top=["По данным РБК, вакцинация идет медленно"])).outlet is None
    # two outlets as often: none of them
    assert doc_of(whole_page([RIGHTS], top=["Фонтанка.ру рекомендует: лучшие рестораны недели",
                                            "Лучшие материалы Ведомостей за неделю: Ведомости рекомендуют"])).outlet is None
    # a name that is also a word, where a word stands: "Смотрим" (smotrim.ru) opening a player's line
    assert doc_of(whole_page([RIGHTS], top=["Смотрим на главное за день"])).outlet is None
    # a name inside a longer one: the vaccine, not the agency
    assert doc_of(whole_page([RIGHTS], top=["Sputnik V – в России зарегистрировали первую в мире вакцину"])).outlet is None


# ------------------------------------------------------------------ agencies' signatures

@pytest.mark.parametrize("opening, agency", [
    ("МОСКВА, 12 января. /ТАСС/. ", "ТАСС"),
    ("МОСКВА, 12 января /Корр. ТАСС Иван Петров/. ", "ТАСС"),
    ("МИНСК, 12 января (БЕЛТА) - ", "БелТА"),
    ("КИЕВ, 12 января (Укринформ) - ", "Укринформ"),
    ("ЕРЕВАН, 12 января. /АРКА/. ", "АРКА"),
    ("МОСКВА, 12 января. ", None),  # a place before a day is no agency
    ("КИЕВ. ", None),
    ("Москва (Россия), 12 января. ", None),
])
def test_an_agencys_signature_in_slashes_or_brackets(opening, agency):
    assert opening_agency(opening + ARTICLE[0]) == agency
    assert doc_of(whole_page([RIGHTS]).replace(ARTICLE[0], opening + ARTICLE[0])).outlet == agency


# ------------------------------------------------------------------ the outlet the text speaks to

@pytest.mark.parametrize("sentence, outlet", [
    ("В Минздраве «Известиям» сообщили, что очередей нет.", "Известия"),
    ("В пресс-службе ведомства RTVI пояснили, что очередей нет.", "RTVI"),
    ("В редакцию «Фонтанки» обратились жители дома на Невском.", "Фонтанка"),
    ("Редакция «Фонтанки» направила запрос в комитет по здравоохранению.", "Фонтанка"),
    ("Ранее «Газета.Ru» писала, что очередей нет.", "Газета.Ru"),
    ("Эксперты, опрошенные DW, считают вакцину безопасной.", "DW"),
    ("Подсчеты по просьбе «Известий» провели аналитики.", "Известия"),
    # a singular verb whose subject stands after the name: the name is the one told
    ("«Вакцина безопасна», — рассказал DW профессор Иван Петров.", "DW"),
    ("Как пояснил «КП» представитель Минздрава, очередей нет.", "КП"),
    # another outlet's sources, subjects of a plural verb, the media at large: no outlet
    ("Источники Reuters рассказали, что очередей нет.", None),
    ("Об этом «Известия» и РБК сообщили вчера.", None),
    ("Ранее СМИ сообщали, что очередей нет.", None),
    ("Об этом сообщил ТАСС в понедельник.", None),  # (ТАСС reporting: a relay)
    ("Об этом сообщил ТАСС источник в Минздраве.", None),
    ("«Известия» сообщили, что очередей нет.", None),
    ("Согласно сегодняшней редакции «Спутник V» предназначен для взрослых.", None),
])
def test_the_outlet_the_text_speaks_to(sentence, outlet):
    assert outlet_told(f"{ARTICLE[0]} {sentence} {ARTICLE[1]}") == outlet


# ------------------------------------------------------------------ dates

@pytest.mark.parametrize("s, iso", [
    ("декабрь 30, 2020", "2020-12-30"),
    ("Дек 30, 2020 15:13", "2020-12-30"),
    ("30.12.20", "2020-12-30"),
    ("Опубликовано: 30.12.20", "2020-12-30"),
    ("Дата: 30.12.20", "2020-12-30"),
    ("«30» декабря 2020", "2020-12-30"),
    ("30-го декабря 2020 года", "2020-12-30"),
    ("Пт, 30 дек 2020", "2020-12-30"),
    ("марафон 12, 2020", None),  # a word that opens like a month is none
    ("Сенат 5, 2020", None),
    ("версия 1.2.20 вышла", None),
    ("с 01.02.21 вводится новый порядок", None),  # a two-digit year inside a sentence
])
def test_more_date_forms(s, iso):
    hit = find_date(s)
    assert (hit[1] if hit else None) == iso


def test_a_numeric_date_in_brackets_closing_the_headline():
    text = whole_page([RIGHTS], stamp=None).replace(HEADLINE, HEADLINE + " (30.12.2020)")
    assert doc_of(text).published == "2020-12-30"


def test_a_date_standing_as_a_field_of_the_page_title():
    # "Headline / 20.12.16 / Москва / © РИА Новый День", as a page title shows it
    text = whole_page([RIGHTS], stamp=None).replace(HEADLINE, HEADLINE + " / 30.12.20 / Москва")
    assert doc_of(text).published == "2020-12-30"
    # a number inside the headline is no date
    text = whole_page([RIGHTS], stamp=None).replace(HEADLINE, HEADLINE + " / версия 1.12.20 / Москва")
    assert doc_of(text).published is None


def test_a_lone_stamp_in_the_header_dates_the_page():
    # above the menu, further from the headline than a stamp beside it stands
    assert doc_of(whole_page([RIGHTS], stamp=None, top=["30.12.2020 15:13"])).published == "2020-12-30"
    assert doc_of(whole_page([RIGHTS], stamp=None, top=["Опубликовано: 30.12.20"])).published == "2020-12-30"
    # the day the page shows as today, two stamps that disagree, a day without its time: no date
    assert doc_of(whole_page([RIGHTS], stamp=None, top=["Сегодня: 1 февраля 2021, 15:13"])).published is None
    assert doc_of(whole_page([RIGHTS], stamp=None, top=["30.12.2020 15:13", "29.12.2020 10:00"])).published is None
    assert doc_of(whole_page([RIGHTS], stamp=None, top=["30 декабря 2020"])).published is None
