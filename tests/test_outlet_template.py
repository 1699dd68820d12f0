"""Whole pages from an outlet citata's tables lack (issue 15, fourteenth session): the site's name in
places that each alone name something else as often (a title's tail or head, a lone line over the
article, a bare ©, "X в Telegram", an app's line, a tagline, the link a legal line asks for), taken
where two different such places show one name; an unquoted name where the line's shape says it is the
site's; a company's © below the page's other names; the town of the newsroom's address; the outlet the
text speaks to under a site's or an unknown acronym's name; and stamps: a relative one, a teaser's over
the headline, a widget's. Every page and name below is written for the tests; "Заречье Сегодня",
"Медиа Заречье" and zarechye-today.ru are outlets no table knows."""
import pytest

from citata.clean import clean
from citata.metadata import outlet_told, page_date
from citata.metadata.dates import as_of, find_date
from citata.metadata.signals import template_name
from citata.source import text_document
from conftest import COVID_PAGE_HEADER as HEADER
from helpers import page_text
from test_outlet_table import ARTICLE, COMMENTS, HEADLINE, MENU, RELATED, doc_of

OWN = "Заречье Сегодня"


def page(title: str = HEADLINE, top: list[str] = (), footer: list[str] = (), below: tuple = (*COMMENTS, *RELATED)) -> str:
    """A whole page: a logo's or a header's lines, the menu, the title, the article, what stands below
    it (comments and related headlines unless told otherwise) and the footer."""
    lines = [*top, *MENU, title, *ARTICLE, *below, *footer]
    return page_text(*lines)


# ------------------------------------------------------------------ two weak places, one name

@pytest.mark.parametrize("title, top, footer", [
    (HEADLINE + " — " + OWN, [], [OWN + " в Telegram"]),                  # the title's tail, a platform's line
    (HEADLINE, [OWN], ["© " + OWN]),                                      # a logo, a bare ©
    (OWN + ": " + HEADLINE, [], ["© " + OWN]),                            # the title's head, a bare ©
    (HEADLINE + " / " + OWN, [], ["Мобильное приложение «Заречье Сегодня»"]),
    (HEADLINE, [OWN], [OWN + " — новости Заречья и области"]),            # a logo, a tagline
    (HEADLINE, [], ["© " + OWN, "При цитировании ссылка на Заречье Сегодня обязательна"]),
])
def test_two_weak_places_showing_one_name_name_the_site(title, top, footer):
    assert doc_of(page(title, top, footer)).outlet == OWN


@pytest.mark.parametrize("title, top, footer", [
    (HEADLINE + " — " + OWN, [], []),
    (HEADLINE, [OWN], []),
    (HEADLINE, [], ["© " + OWN]),
    (HEADLINE, [], [OWN + " в Telegram"]),
    (HEADLINE, [], [OWN + " в Telegram", "Читайте Заречье Сегодня в Яндекс.Дзен"]),  # one kind of place twice
])
def test_one_weak_place_names_nothing(title, top, footer):
    assert doc_of(page(title, top, footer)).outlet is None


@pytest.mark.parametrize("title, top, footer", [
    (HEADLINE + " — Иван Петров", [], ["© Иван Петров"]),                # an author, a photographer
    (HEADLINE + " | Новости Заречья", ["Новости Заречья"], []),          # a rubric
    (HEADLINE + " — COVID-19", [], ["COVID-19 в Telegram"]),              # a topic
    (HEADLINE, ["© Reuters"], ["© Reuters"]),                             # an agency's photos, one kind of place
    ("Pfizer: " + HEADLINE, ["© Pfizer"], []),                            # a source heading the title, a photo's ©
])
def test_two_places_naming_no_site_name_nothing(title, top, footer):
    assert doc_of(page(title, top, footer)).outlet is None


@pytest.mark.parametrize("name, site", [
    ("Заречье Сегодня", True), ("ZARECHYE TODAY", True), ("«Заречье»", True), ("Вечерний Бишкек", True),
    ("Иван Петров", False), ("Новости Заречья", False), ("Политика", False), ("COVID-19", False), ("Заречье", False),
])
def test_a_template_name_is_no_rubric_topic_or_person(name, site):
    assert template_name(name.strip("«»"), quoted=name.startswith("«")) is site


# ------------------------------------------------------------------ one place whose shape says it is the site's

@pytest.mark.parametrize("title, footer", [
    (HEADLINE, ["Информационное агентство Заречье Сегодня"]),           # the masthead alone on its line
    (HEADLINE, ["Заречье Сегодня — городской портал"]),                   # the site describing itself
    (HEADLINE, ["Редакция сайта «Заречье Сегодня»"]),
    (HEADLINE + " - Новости Заречья - Заречье Сегодня", []),              # the name after the site's rubric
    (HEADLINE + " | Заречье Сегодня — новости Заречья", []),              # the site's tagline as the title's field
])
def test_an_unquoted_name_in_a_sites_own_shape(title, footer):
    assert doc_of(page(title, footer=footer, below=())).outlet == OWN


@pytest.mark.parametrize("title", [
    HEADLINE + " — Политика — Дональд Трамп",    # a person after a rubric
    HEADLINE + " | Pfizer — последние новости",  # a tag page's topic: no place's news
])
def test_a_title_naming_a_person_or_a_topic_names_no_site(title):
    assert doc_of(page(title)).outlet is None


# ------------------------------------------------------------------ a company's ©, a town's name

def test_an_unknown_companys_copyright_gives_way_to_the_sites_address():
    footer = ["© 2021 ООО «Медиа Заречье». Все права защищены.", "zarechye-today.ru"]
    assert doc_of(page(footer=footer)).outlet == "zarechye-today.ru"


def test_an_unknown_companys_copyright_alone_still_names_the_outlet():
    assert doc_of(page(footer=["© 2021 ООО «Заречье Сегодня». Все права защищены."])).outlet == OWN


def test_the_town_of_the_newsrooms_address_is_not_the_sites_name():
    footer = ["Адрес редакции: 123456, г. Заречье, ул. Ленина, 1. E-mail: info@zarechye.ru"]
    assert doc_of(page(footer=footer)).outlet == "zarechye.ru"  # (not "Заречье", though it spells the host)


# ------------------------------------------------------------------ the outlet the text speaks to

def test_a_sites_readers_asking_name_the_site():
    assert outlet_told("Главный врач ответил на вопросы читателей Zarechye.ru о прививках.") == "Zarechye.ru"


@pytest.mark.parametrize("text, outlet", [
    ("Как сообщили НГС в мэрии, ремонт дороги закончат к осени.", "НГС"),   # an acronym no dictionary knows
    ("Как сообщили МВД в пресс-службе, нарушений не выявлено.", None),     # a ministry the dictionary knows
])
def test_an_acronym_told_is_an_outlet_unless_the_dictionary_knows_it(text, outlet):
    assert outlet_told(text) == outlet


def test_the_newsroom_of_a_quoted_name_in_the_genitive():
    text = "Редакция «Заречья Сегодня» обратилась в министерство за комментарием, но ответа пока не получила."
    assert outlet_told(text) == OWN


# ------------------------------------------------------------------ stamps

def dated(lines_over: list[str], line_under: str | None) -> str | None:
    """The date of a page with lines over its headline and one under it."""
    lines = [*MENU, *lines_over, HEADLINE, *([line_under] if line_under else []), *ARTICLE]
    raw = text_document("page.txt", page_text(*lines))
    return doc_of(raw.text).published


def test_a_relative_stamp_is_dated_by_the_day_the_page_shows_as_today():
    assert dated(["Сегодня: 15 января 2021"], "Вчера, 10:21") == "2021-01-14"


def test_a_relative_stamp_without_today_leaves_the_page_undated():
    # (the header's date is no stamp: "вчера" is the day before it)
    assert dated(["Пятница, 15 января 2021"], "Вчера, 10:21") is None


def test_the_stamp_under_the_headline_beats_a_teasers_as_near_over_it():
    assert dated(["Минздрав назвал сроки массовой вакцинации", "13.01.2021"], "14.01.2021 10:21") == "2021-01-14"


@pytest.mark.parametrize("over, under", [
    (["Курс валют на 15.01.2021: USD 73,88"], None), (["Погода 15.01.2021 −5°"], None), ([], "По состоянию на 15.01.2021")])
def test_a_widgets_date_is_no_stamp(over, under):
    assert dated(over, under) is None
    widget = (over or [under])[0]
    assert as_of(widget, find_date(widget)[0])


def test_a_stamp_dated_from_is_still_a_stamp():
    stamp = "от 14.01.2021"
    assert not as_of(stamp, find_date(stamp)[0])
    assert page_date(clean(text_document("page.txt", HEADER + "\n\n".join([HEADLINE, stamp, *ARTICLE]))), 4) == "2021-01-14"
