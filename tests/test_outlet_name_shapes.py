"""The names new sites have, in the shapes a page shows its own name (issue 15, twenty-fourth session):
the probe's shapes were read for a name of two capitalised words ("Заречье Сегодня"); real outlets the
tables lack are as often one word ("Околица"), hyphened ("Заречье-Пресс") or an adjective and a kind of
outlet ("Заречная газета"). A hyphen inside the name is the name's own: "© 2021 Пенза-Пресс" named
"Пенза" before. Where the line itself says it names an outlet — after its kind, before its
self-description, after the title's rubric field — a single word or an adjective and "газета" is the
name, unless it is a place, a personal name, a rubric or a topic; and a site's address after its kind
is its masthead, not a photo credit. The pages and names are written for the tests; no table knows the
names."""
import pytest

from citata.metadata import known_outlet
from helpers import ARTICLE_BODY as BODY, ARTICLE_TITLE as TITLE, page_document, page_text



def outlet(title: str, footer: list[str]) -> str | None:
    return page_document(page_text(title, *BODY, *footer)).outlet


@pytest.mark.parametrize("name", ["Околица", "Заречье-Пресс", "Заречная газета", "Zarechye.ru"])
def test_the_names_are_unknown_to_the_tables(name):
    assert known_outlet(name) is None


@pytest.mark.parametrize("footer, name", [
    (["© 2021 Заречье-Пресс"], "Заречье-Пресс"),
    (["© Заречье-Пресс, 2008–2021. Все права защищены."], "Заречье-Пресс"),
    (["Все права защищены © Заречье-Пресс"], "Заречье-Пресс"),
    (["Информационное агентство Заречье-Пресс"], "Заречье-Пресс"),
    (["Заречье-Пресс — городской портал"], "Заречье-Пресс"),
    (["Информационное агентство Околица"], "Околица"),
    (["Околица — городской портал"], "Околица"),
    (["Заречная газета — сетевое издание о жизни области"], "Заречная газета"),
    # (a site's address after its kind is its masthead, not a photo's credit closing a caption)
    (["Информационное агентство Zarechye.ru"], "Zarechye.ru"),
])
def test_the_name_in_a_footer_that_says_it_is_an_outlet(footer, name):
    assert outlet(TITLE, footer) == name


@pytest.mark.parametrize("title, name", [
    (TITLE + " - Новости области - Околица", "Околица"),
    (TITLE + " | Околица — новости Заречья", "Околица"),
    (TITLE + " | Общество | Заречная газета", "Заречная газета"),
])
def test_the_name_closing_the_title_after_its_rubric_or_before_its_tagline(title, name):
    assert outlet(title, []) == name


@pytest.mark.parametrize("title, footer", [
    # a place, a personal name, a rubric, a topic where the name would stand
    (TITLE, ["Информационное агентство Москва"]),
    (TITLE + " - Новости - Туск", []),
    (TITLE + " | Общество | Политика", []),
    (TITLE + " | Главное | COVID-19", []),
    (TITLE + " | Москва — новости Москвы", []),
    # a single word or an adjective and a noun without the line saying it is an outlet
    (TITLE + " | Околица", []),
    (TITLE, ["Околица"]),
    (TITLE, ["Новая вакцина — это журнал исследований, а не лекарство"]),
    (TITLE, ["Глава района на открытии пункта вакцинации. Фото: Zarechye.ru"]),
])
def test_look_alikes_name_nothing(title, footer):
    assert outlet(title, footer) is None


def test_the_last_paragraph_stays_over_the_masthead_line():
    assert BODY[-1] in page_document(page_text(TITLE, *BODY, "Информационное агентство Zarechye.ru")).text
