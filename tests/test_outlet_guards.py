"""Whole pages from an outlet citata's tables lack (issue 15, thirteenth session): what such a page shows
of its own name, and the names it shows that are not its own. A known outlet's name inside a longer
name is not that outlet ("Сегодня" in "Заречье Сегодня"); a related article's source under its
headline, or the sources a piece was written from ("По материалам ТАСС"), are other outlets; the
site's rights after a separator, the link a legal line forbids to leave out, and an author's line
naming the site's staff name it. A stamp marked as the update's gives way to the publication's.
Every page and name below is written for the tests; "Заречье Сегодня", "Вестник Заречья" and
zarechye-today.ru are outlets no table knows."""
import pytest

from citata.clean import clean
from citata.metadata import outlet_signals, outlet_told, page_date
from citata.metadata.signals import media_in_line, part_of_longer_name
from citata.metadata.outlets import outlet_names
from citata.source import text_document
from conftest import COVID_PAGE_HEADER as HEADER
from helpers import page_text
from test_outlet_table import ARTICLE, HEADLINE, MENU, doc_of, whole_page


def article_then(lines: list[str]) -> str:
    """A page whose article the given lines follow straight away (no comments or related list)."""
    return page_text(*MENU, HEADLINE, "14 января 2021, 10:21", *ARTICLE, *lines)


# ------------------------------------------------------------------ a known name inside a longer one

@pytest.mark.parametrize("line, inside", [
    ("© 2021 Заречье Сегодня", "Сегодня"),
    ("Наименование СМИ: «Заречье Сегодня». Учредитель: ООО «Медиа Заречье»", "Сегодня"),
    ("Газета «Деловые Ведомости» ждет от читателей новостей", "Ведомости"),
])
def test_a_known_name_inside_a_longer_name_names_nothing(line, inside):
    at = line.index(inside)
    assert part_of_longer_name(line, at, at + len(inside))
    assert inside not in media_in_line(line, outlet_names())


@pytest.mark.parametrize("line, name", [
    ("Телеканал НТВ", "НТВ"),                                        # a kind of outlet before it
    ("© Группа РБК, 2021", "РБК"),                                   # … or its owner
    ("Акционерное общество «Телекомпания НТВ»", "НТВ"),             # … inside the quotation marks
    ("Редакция Gazeta.ua может не разделять позицию авторов", "Gazeta.ua"),  # a site's name is whole
    ("Об этом сообщает газета The Wall Street Journal", "Wall Street Journal"),  # an article is no name
    ("Читайте «Известия» в Telegram", "Известия"),                   # its own quotation marks
    ("Больше текстов — в нашем телеграм-канале «Проект \"Сноб\" — Общество»", "Сноб"),
])
def test_a_known_name_standing_alone_is_still_named(line, name):
    assert name in media_in_line(line, outlet_names())


def test_a_legal_line_of_an_unknown_outlet_names_no_known_one_inside_its_name():
    doc = doc_of(whole_page(["Наименование СМИ: «Заречье Сегодня». Учредитель: ООО «Медиа Заречье».",
                             "Свидетельство о регистрации СМИ Эл № ФС77-12345 выдано Роскомнадзором."]))
    assert doc.outlet == "Заречье Сегодня"


# ------------------------------------------------------------------ the page's own name

@pytest.mark.parametrize("footer, outlet", [
    (["Заречье Сегодня | Все права защищены | 2021"], "Заречье Сегодня"),
    (["Любое копирование материалов без ссылки на «Вестник Заречья» запрещено."], "Вестник Заречья"),
    (["Использование материалов разрешено при наличии активной гиперссылки на «Вестник Заречья»."],
     "Вестник Заречья"),
])
def test_the_sites_rights_and_the_link_it_asks_for(footer, outlet):
    assert doc_of(whole_page(footer)).outlet == outlet


def test_an_author_line_naming_the_sites_staff():
    page = whole_page([], top=[]).replace(HEADLINE + "\n", HEADLINE + "\n\nАвтор: Иван Петров, корреспондент ZarNews\n", 1)
    doc = doc_of(page)
    assert doc.outlet == "ZarNews"
    assert "Автор:" not in doc.text


def test_an_author_line_without_a_staff_noun_names_nothing():
    page = whole_page([], top=[]).replace(HEADLINE + "\n", HEADLINE + "\n\nАвтор: Иван Петров, врач-терапевт\n", 1)
    assert doc_of(page).outlet is None


@pytest.mark.parametrize("text, outlet", [
    # the outlet's own staff signing, under a name the tables lack: a word in capitals the dictionary
    # knows as an abbreviation ("ГТРК"), a hyphened name ("Эй-би-си")
    ("Анализ. Иван Петров, корреспондент Эй-би-си в Лондоне. Суд огласил решение в среду.", "Эй-би-си"),
    ("Заявление сделано на брифинге, передает корреспондент ГТРК. Других подробностей нет.", "ГТРК"),
])
def test_the_outlets_own_staff_under_a_name_the_tables_lack(text, outlet):
    assert outlet_told(text) == outlet


def test_the_press_at_large_is_still_no_outlet():
    assert outlet_told("Как сообщали СМИ, министр подал в отставку. Других подробностей нет.") is None


# ------------------------------------------------------------------ other outlets' names

PARTNERS = ["Новости партнеров",
            "Минздрав назвал сроки массовой вакцинации взрослых", "РБК",
            "Врачи назвали главный симптом нового штамма", "Лента.ру",
            "Власти продлили ограничения для кафе до весны", "РИА Новости, 12.01.2021"]


def test_a_partner_widgets_sources_are_other_outlets():
    assert doc_of(article_then(PARTNERS)).outlet is None
    assert doc_of(article_then(PARTNERS[:3])).outlet is None


def test_the_sites_copyright_after_the_last_teaser_is_still_its_own():
    assert doc_of(article_then([*PARTNERS, "© 2021 Заречье Сегодня"])).outlet == "Заречье Сегодня"


def test_an_age_rating_in_brackets_is_no_teasers_source():
    assert doc_of(article_then(["Сетевое издание ZARECHYE.RU (18+)"])).outlet == "ZARECHYE.RU"


@pytest.mark.parametrize("footer", [
    ["Минздрав назвал сроки массовой вакцинации взрослых (РБК)"],
    ["По материалам РИА Новости и Интерфакса"],
    ["При подготовке материала использованы данные ТАСС"],
])
def test_a_related_headlines_source_or_the_pieces_sources_name_no_outlet(footer):
    assert doc_of(article_then(footer)).outlet is None


# ------------------------------------------------------------------ the publication's date, not the update's

@pytest.mark.parametrize("stamps", [
    ["Обновлено: 16.01.2021 10:00", "Опубликовано: 14.01.2021 10:21"],
    ["Последнее обновление: 16.01.2021", "14.01.2021 10:21"],
    ["16.01.2021", "Дата публикации: 14.01.2021"],
])
def test_the_publications_stamp_beats_the_updates(stamps):
    page = HEADER + "\n\n".join([HEADLINE, *stamps, *ARTICLE]) + "\n"
    cleaned = clean(text_document("page.txt", page))
    assert page_date(cleaned, 4) == "2021-01-14"


def test_an_update_stamp_alone_still_dates_the_page():
    page = HEADER + "\n\n".join([HEADLINE, "Обновлено: 16.01.2021", *ARTICLE]) + "\n"
    assert page_date(clean(text_document("page.txt", page)), 4) == "2021-01-16"


def test_signals_read_the_rights_line_of_an_unknown_outlet():
    cleaned = clean(text_document("page.txt", whole_page(["Вестник Заречья • Все права защищены"])))
    assert outlet_signals(cleaned, 4).get("rights") == "Вестник Заречья"


@pytest.mark.parametrize("widgets", [
    ["Поделиться", "ВКонтакте"],
    ["Теги: вакцинация, учителя", "Поделиться", "ВКонтакте", "Одноклассники"],
])
def test_the_stamp_closing_the_article_after_its_widgets(widgets):
    page = HEADER + "\n\n".join([HEADLINE, *ARTICLE, *widgets, "14 января 2021, 10:21"]) + "\n"
    assert doc_of(page).published == "2021-01-14"


def test_a_date_after_a_related_list_is_a_teasers():
    page = HEADER + "\n\n".join([HEADLINE, *ARTICLE, "Читайте также", "Поделиться", "14 января 2021, 10:21"]) + "\n"
    assert doc_of(page).published is None
