"""Where a page shows its own outlet in shapes found on BSNLP pages with a real address
(eval/mine_outlets.py --check, "pages that show their own name"): the site's © as a field of the
page title, a title's tail that is an acronym with its expansion, the site signing its piece
("Автор: krasnews.com."), the outlet's own staff telling the piece ("Автор: …, обозреватель DW",
"передает корреспондент РБК"), a newsroom's verb after a name declined by its noun
("Журналисты «Медузы» выяснили"). Each beside one that must name nothing or another outlet: a relay
names its source, not the page.

Pages are in the shape of the covid-19 BSNLP dumps (tests/test_outlet_table.py builds them)."""
import pytest

from citata.metadata import canonical_outlet, outlet_told, title_brand
from helpers import cleaned_page, page_text
from test_outlet_table import ARTICLE, COMMENTS, HEADLINE, MENU, doc_of, whole_page


def _page(title: str, footer: list[str] = ()) -> str:
    return page_text(*MENU, title, *ARTICLE, *COMMENTS, *footer)


def test_the_sites_copyright_as_a_field_of_the_title():
    doc = doc_of(_page(f"{HEADLINE} / 14.01.21 / Москва / © РИА Новый День / Январь 2021"))
    assert canonical_outlet(doc.outlet) == "Новый день"  # (the outlet table's "РИА «Новый День»")
    doc = doc_of(_page(f"{HEADLINE} / 14.01.21 / Москва / © Newsler / Январь 2021"))
    assert doc.outlet == "Newsler"


def test_a_photo_agencys_copyright_in_the_title_names_no_outlet():
    assert doc_of(_page(f"{HEADLINE} / 14.01.21 / © Reuters")).outlet is None


@pytest.mark.parametrize("title, outlet", [
    ("Европейская комиссия опубликовала новые правила | IFAW - International Fund for Animal Welfare", "IFAW"),
    ("Врачи рассказали о новых симптомах | ВШЭ — Высшая школа экономики", "ВШЭ"),
])
def test_a_title_tail_that_is_an_acronym_and_its_expansion(title, outlet):
    assert title_brand(title) == outlet


def test_a_tail_whose_words_do_not_spell_the_acronym_is_no_name():
    assert title_brand("Врачи рассказали о новых симптомах | ВОЗ - новости о коронавирусе") != "ВОЗ"


def test_the_site_signing_its_piece():
    assert doc_of(whole_page(["Автор: krasnews.com.", "Все права защищены."])).outlet == "krasnews.com"
    # a person signing, or a platform's address, names no outlet
    assert doc_of(whole_page(["Автор: Иван Петров", "Все права защищены."])).outlet is None


@pytest.mark.parametrize("text, outlet", [
    ("Этот союз держится на страхе. Автор: Барбара Везель, обозреватель DW. Этот комментарий выражает "
     "личное мнение автора.", "DW"),
    ("Об этом заявил глава ведомства, передает собственный корреспондент МИА Казинформ.", "МИА «Казинформ»"),
    ("Песков заявил это журналистам, передает корреспондент РБК.", "РБК"),
    ("Об этом сообщает корреспондент «Фонтанки» с места событий.", "Фонтанка"),
    # a signature standing as a sentence of its own
    ("Суд вынес решение. Анализ. Секундер Кермани, корреспондент Би-би-си в Исламабаде. Суд огласил "
     "принятое решение очень быстро.", "Би-би-си"),
    # the outlet's named correspondent at a reporter's work
    ("Прививку можно сделать и на выездных пунктах. Корреспондент «МИР 24» Анна Бажайкина рассказала "
     "подробности.", "МИР 24"),
    # a newsroom at work, its name declined by the noun before it, and a cue opening a sentence
    ("Журналисты «Медузы» выяснили, что тесты в лаборатории не проводились.", "Медуза"),
    ("Собеседник «Росбалта» отметил, что тестов не хватает.", "Росбалт"),
    ("«Газета.Ru» поговорила с врачами о второй волне.", "Газета.Ru"),
])
def test_the_outlets_own_staff_telling_the_piece(text, outlet):
    assert outlet_told(text) == outlet


@pytest.mark.parametrize("text", [
    "Как передает ТАСС, решение принято в понедельник.",  # a relay names its source
    "Политический корреспондент BBC отмечает, что премьер в трудном положении.",  # another's staff, cited
    "Копию документа опубликовал в твиттере журналист Sky News.",
    "По словам политического корреспондента Би-би-си Лоры Кюнсберг, уход министра осложнил положение.",
    "Джон Смит, корреспондент Би-би-си, заявил, что переговоры зашли в тупик.",  # (a source introduced)
    "Корреспондент Би-би-си Лора Кюнсберг отмечает, что премьер в трудном положении.",  # (cited for a view)
])
def test_a_relay_or_another_outlets_staff_names_nothing(text):
    assert outlet_told(text) is None


# ------------------------------------------------------------------ the measure (eval/mine_outlets.py)

def _mine_outlets():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "eval" / "mine_outlets.py"
    spec = importlib.util.spec_from_file_location("mine_outlets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cleaned(title: str, footer: list[str], text: list[str] = ARTICLE):
    return cleaned_page(page_text(title, *text, *footer))


def test_where_a_page_shows_its_own_name():
    mo = _mine_outlets()
    cleaned = _cleaned(f"{HEADLINE} — Фонтанка.ру", ["© Фонтанка.ру, 2000—2021. Все права защищены."],
                       [ARTICLE[0], "Как рассказал «Фонтанке» глава комитета по здравоохранению, записаться на "
                        "прививку можно и по телефону горячей линии, и на портале госуслуг.", *ARTICLE[1:]])
    places = mo.own_name_places(cleaned, 4, "https://www.fontanka.ru/2021/01/14/1.html", "fontanka.ru")
    assert {"title_tail", "copyright", "text_relay"} <= set(places)  # (a declined name by its stem)
    # a common word spelling the host is no name: "Сегодня, 17:22" on segodnya.ua, "ввести" on vesti-ukr.com
    cleaned = _cleaned(HEADLINE, [], ["Сегодня, 17:22", *ARTICLE, "Решение нужно ввести в действие сегодня."])
    assert mo.own_name_places(cleaned, 4, "https://www.segodnya.ua/news/1.html", "segodnya.ua") == []
    assert mo.own_name_places(cleaned, 4, "https://vesti-ukr.com/news/1", "vesti-ukr.com") == []


def test_where_a_page_shows_its_date():
    mo = _mine_outlets()
    assert mo.shown_dates("Опубликовано 9 июля 2018 г., 15:13", "2018-07-09") == (True, True)
    assert mo.shown_dates("Обновлено: 09.07.18", "2018-07-09") == (True, True)
    assert mo.shown_dates("МОСКВА, 9 июл — РИА Новости.", "2018-07-09") == (False, True)  # no year
    # an embedded post's date is the post's
    assert mo.shown_dates("— Nigel Farage (@Nigel_Farage) 9 июля 2018 г.", "2018-07-09") == (False, True)
    assert mo.shown_dates("10 июля 2018", "2018-07-09") == (False, False)
