"""A page's footer read after its comments and its related lists, and a copyright line that is no
photo's credit (issue 15, fourteenth session, wt-footer9).

The pages are written for the test in the shape of the covid-19 BSNLP dumps (a header whose URL is
a placeholder, then the page's visible text line by line), for an outlet no table knows."""
import pytest

from citata.clean.block import site_line
from citata.pipeline import build_document
from citata.source import text_document
from helpers import cleaned_page, page_text

TITLE = "В Приречье открыли три новых пункта вакцинации"
ARTICLE = [
    "С понедельника в Приречье работают еще три пункта вакцинации от коронавируса, сообщили в городском "
    "управлении здравоохранения.",
    "Прививку делают без записи: достаточно прийти с паспортом и полисом, а перед уколом врач проводит "
    "короткий осмотр и измеряет давление.",
    "За первую неделю в новых пунктах привились почти полторы тысячи горожан, очередей почти нет.",
]
COMMENTS = ["Комментарии", "Ольга С.", "12 января 2021, 10:15", "Сходила вчера, все быстро и вежливо, спасибо врачам.",
            "Гость", "12 января 2021, 11:40", "А вторую дозу где ставить, там же?"]
RELATED = ["Читайте также", "В области продлили ограничения для кафе и ресторанов",
           "Врачи рассказали, как подготовиться к прививке от коронавируса"]
OWN = "Пульс Приречья"


def page(*lines: str) -> str:
    return page_text(TITLE, *ARTICLE, *lines)


def kind_of(text: str, line: str) -> str | None:
    cleaned = cleaned_page(text)
    return next(ln.kind for ln in cleaned.lines if ln.text.strip() == line)


@pytest.mark.parametrize("footer", [
    "© 2021 Пульс Приречья",
    "© Пульс Приречья, 2010–2021. Все права защищены.",
    "© «Пульс Приречья», 2021",
    "Copyright © 2021 Puls Prirechya. All rights reserved.",
])
def test_a_copyright_line_under_the_last_paragraph_leaves_it_in_the_text(footer):
    """The last paragraph is a short sentence, the shape of a photo's caption over its credit; a
    copyright line is the site's, so the paragraph stays and the line credits no photo."""
    text = page(footer)
    doc = build_document(text_document("page.txt", text))
    assert ARTICLE[-1] in doc.text
    assert footer not in doc.text
    assert kind_of(text, footer) == "legal"
    assert doc.credits == []


@pytest.mark.parametrize("credit", ["Фото: Иван Сидоров", "© Reuters"])
def test_a_photo_credit_still_makes_the_line_over_it_a_caption(credit):
    caption = "Пункт вакцинации в торговом центре на улице Ленина"
    text = page(caption, credit, "Всего в городе с начала кампании привились около двадцати тысяч человек, "
                "а запасов вакцины хватит еще на несколько недель, уточнили в управлении.")
    doc = build_document(text_document("page.txt", text))
    assert caption not in doc.text
    assert kind_of(text, caption) == "caption"


@pytest.mark.parametrize("footer", [
    "Информационное агентство Пульс Приречья",
    "Редакция сайта «Пульс Приречья»",
    "Пульс Приречья — городской информационный портал",
])
@pytest.mark.parametrize("between", [COMMENTS, RELATED], ids=["comments", "related"])
def test_the_sites_own_line_after_the_comments_or_a_related_list_names_the_outlet(footer, between):
    text = page(*between, footer)
    assert kind_of(text, footer) == "masthead"
    assert build_document(text_document("page.txt", text)).outlet == OWN
    # (the same line right under the article names it as well)
    assert build_document(text_document("page.txt", page(footer))).outlet == OWN


def test_readers_lines_stay_comments():
    text = page(*COMMENTS, "Марина", "12 января 2021, 12:05", "Редакция, исправьте адрес пункта на Садовой!!")
    assert kind_of(text, "Редакция, исправьте адрес пункта на Садовой!!") == "comment"
    assert kind_of(text, "Сходила вчера, все быстро и вежливо, спасибо врачам.") == "comment"
    assert build_document(text_document("page.txt", text)).outlet is None


def test_a_companys_copyright_gives_way_to_the_sites_address_under_the_comments():
    text = page(*COMMENTS, "© 2021 ООО «Медиа Приречье». Все права защищены.", "puls-prirechya.ru")
    assert build_document(text_document("page.txt", text)).outlet == "puls-prirechya.ru"


@pytest.mark.parametrize("line, own", [
    ("Сетевое издание «Пульс Приречья» (18+)", True),
    ("Учредитель: ООО «Медиа Приречье»", True),
    ("Электронная почта редакции: info@puls-prirechya.ru", True),
    ("ИА Пульс Приречья", True),
    ("Пульс Приречья — это городской портал о жизни Приречья и области", True),
    ("Ольга С.", False),
    ("Сходила вчера, все быстро и вежливо, спасибо врачам.", False),
    ("Врачи рассказали, как подготовиться к прививке от коронавируса", False),
    ("Иван — врач, а не блогер", False),
])
def test_site_line(line, own):
    assert site_line(line) is own
