"""Pages from outlets citata's outlet tables lack (issue 15, twelfth session): the leave-one-outlet-out
measure of eval/mine_outlets.py (without_outlet), and the shapes that name such an outlet from the
page alone — a Cyrillic site's name with a Latin ending in the link a legal line asks for ("…при
условии ссылки на Корреспондент.net"), an agency's signature whose name has a capital inside
("ЛОНДОН, 10 июля, ФедералПресс.") or a space before its full stop ("ЛОНДОН, 5 фев - ПРАЙМ ."), a
title's tail of capitalised words joined by "и" ("… | Аргументы и Факты"), a title's tail after a dash
naming the site's kind ("… - ИА REGNUM"). Each beside one that must name nothing: a relay or a
speaker is no outlet. The names below are written for the tests, most of them unknown to the tables."""
import importlib.util
from pathlib import Path

import pytest

from citata.metadata import known_outlet, opening_agency, outlet_from_url, title_brand

from test_outlet_table import doc_of, whole_page


def _mine_outlets():
    path = Path(__file__).resolve().parent.parent / "eval" / "mine_outlets.py"
    spec = importlib.util.spec_from_file_location("mine_outlets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_outlet_left_out_of_the_tables_and_put_back():
    mo = _mine_outlets()
    assert known_outlet("РИА Новости") == "РИА Новости"
    with mo.without_outlet(["РИА Новости"]) as gone:
        # all its names and hosts go together (ria.ru, rian.ru), other outlets stay
        assert "RIA Novosti" in gone and known_outlet("РИА Новости") is None
        assert outlet_from_url("https://ria.ru/x") == "ria.ru"
        assert known_outlet("ТАСС") == "ТАСС"
    assert known_outlet("РИА Новости") == "РИА Новости"
    assert outlet_from_url("https://rian.ru/x") == "РИА Новости"


def test_a_page_reads_its_outlet_without_the_tables_knowing_it():
    mo = _mine_outlets()
    page = whole_page(["Использование материалов разрешается при условии ссылки на Корреспондент.net."])
    with mo.without_outlet(["Корреспондент.net"]):
        assert doc_of(page).outlet == "Корреспондент.net"


@pytest.mark.parametrize("footer, outlet", [
    (["Использование любых материалов разрешается при условии ссылки на Сибновости.net."], "Сибновости.net"),
    (["Перепечатка материалов допускается только при наличии гиперссылки на Вечерний-Город.ru."], "Вечерний-Город.ru"),
])
def test_a_cyrillic_site_in_the_link_a_legal_line_asks_for(footer, outlet):
    assert doc_of(whole_page(footer)).outlet == outlet


def test_a_site_the_line_forbids_to_pass_on_is_another_outlet():
    footer = ["Материалы со ссылкой на агентство Сибновости.net не подлежат воспроизведению."]
    assert doc_of(whole_page(footer)).outlet != "Сибновости.net"


@pytest.mark.parametrize("text, outlet", [
    ("ЛОНДОН, 10 июля, ФедералПресс. Все станет известно в четверг.", "ФедералПресс"),
    ("ЛОНДОН, 5 фев - ПРАЙМ . Ирландский лоукостер планирует начать выкуп акций.", "ПРАЙМ"),
    ("НОВОСИБИРСК, 12 января, СибПресс. Вакцинация начнется в понедельник.", "СибПресс"),
    ("КИЕВ, 10 июля, УРА-Информ. Премьер-министр объявил об отставке.", "УРА-Информ"),
])
def test_an_agencys_signature_opening_the_article(text, outlet):
    assert (known_outlet(opening_agency(text)) or opening_agency(text)) == outlet


@pytest.mark.parametrize("text", [
    "ЛОНДОН, 10 июля, Джонсон ушел в отставку.",  # (a subject after the day, not a signature)
    "ЛОНДОН, 10 июля. Премьер-министр объявил об отставке.",
    "МОСКВА, 12 января, Москва. Текст.",  # (a place is no agency)
])
def test_an_opening_without_a_signature_names_nothing(text):
    assert opening_agency(text) is None


@pytest.mark.parametrize("title, outlet", [
    ("Трамп выразил соболезнования семье посла | В мире | Политика | Слово и Дело", "Слово и Дело"),
    ("Европейская комиссия: экономика Финляндии среди худших в ЕС - ИА REGNUM", "REGNUM"),
    ("Вакцину от коронавируса доставят в районы к весне — Сетевое издание «Вести Края»", "Вести Края"),
    ("Вакцину доставят в районы к весне - ИА «Сибновости»", "Сибновости"),
])
def test_a_title_tail_naming_the_site(title, outlet):
    assert title_brand(title) == outlet


@pytest.mark.parametrize("title", [
    "Джонсон уйдет в отставку к осени - газета The Times",  # (a source a headline relays)
    "Переговоры о выходе из ЕС зашли в тупик — Тереза Мэй",  # (a speaker)
    "Канада ведет переговоры с Пакистаном о деле христианки – Трюдо",
    "Вакцину доставят в районы к весне | Новости и события",  # (a rubric)
    "Продажи выросли вдвое за год - ИА сообщает",
])
def test_a_title_tail_naming_no_site(title):
    assert title_brand(title) is None


@pytest.mark.parametrize("text, outlet", [
    ("Песков заявил это журналистам, передает корреспондент Sibreport.", "Sibreport"),
    ("Об этом заявил глава ведомства, передает собственный корреспондент СибПресс.", "СибПресс"),
    ("Песков заявил это журналистам, передает корреспондент «Сибкрая».", "Сибкрай"),
    ("Этот союз держится на страхе. Автор: Барбара Везель, обозреватель Newsler. Этот комментарий выражает "
     "личное мнение автора.", "Newsler"),
])
def test_the_outlets_own_staff_under_a_name_the_tables_lack(text, outlet):
    from citata.metadata import outlet_told

    assert known_outlet(outlet) is None
    assert outlet_told(text) == outlet


@pytest.mark.parametrize("text", [
    "Песков заявил это журналистам, передает корреспондент агентства.",
    "Об этом заявил глава ведомства, передает корреспондент Иван Петров.",  # (a person, not an outlet)
    "Корреспондент Newsler Иван Петров отмечает, что премьер в трудном положении.",  # (cited for a view)
])
def test_a_staff_line_without_an_outlets_name_names_nothing(text):
    from citata.metadata import outlet_told

    assert outlet_told(text) is None


def test_the_outlets_earlier_report_under_a_name_the_tables_lack():
    from citata.metadata import outlet_told

    text = ("Переговоры зашли в тупик. Как сообщал УРА-Информ, на прошлой неделе премьер-министр "
            "объявил об отставке.")
    assert outlet_told(text) == "УРА-Информ"


@pytest.mark.parametrize("text", [
    "Переговоры зашли в тупик. Как сообщали СМИ, премьер ушел в отставку.",  # (the press at large)
    "Переговоры зашли в тупик. Как сообщал МИД, премьер ушел в отставку.",  # (a ministry)
    "Переговоры зашли в тупик. Как ранее сообщала ООН, беженцев стало больше.",
])
def test_a_body_in_capitals_reporting_earlier_is_no_outlet(text):
    from citata.metadata import outlet_told

    assert outlet_told(text) is None


@pytest.mark.parametrize("text", ["МОСКВА, 12 января, МИД. Текст сообщения о переговорах.",
                                  "МОСКВА, 12 января /МВД/. Текст сообщения о задержании."])
def test_a_body_in_capitals_after_a_dateline_is_no_agency(text):
    assert opening_agency(text) is None


def test_a_cyrillic_site_at_a_sentences_end():
    from citata.clean import clean
    from citata.metadata import outlet_candidates
    from citata.source import text_document

    page = whole_page(["Редакция не несет ответственности за мнения читателей. Наш адрес — Сибновости.net.",
                       "Все права защищены."])
    names = [c.name for c in outlet_candidates(clean(text_document("page.txt", page)))]
    assert "Сибновости.net" in names
    # a longer host goes on after the dot: "Сибновости.net.ua" is no "Сибновости.net"
    page = whole_page(["Редакция не несет ответственности за мнения читателей. Наш адрес — Сибновости.net.ua",
                       "Все права защищены."])
    assert "Сибновости.net" not in [c.name for c in outlet_candidates(clean(text_document("page.txt", page)))]
