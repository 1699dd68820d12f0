"""Site furniture Russian news pages set around the article (issue 15): a breadcrumb, share buttons with
their counts, an author's line and the reading time, a read-also line, a photo between paragraphs,
hashtags. Pages are written for the test in the shape of the covid-19 BSNLP dumps."""
import pytest

from helpers import cleaned_page, page_document as document, page_text as page

TITLE = "В Тверской области открыли два новых пункта вакцинации от коронавируса"
LEAD = ("В Твери и Ржеве с понедельника начали работу два новых пункта вакцинации, сообщили в областном "
        "министерстве здравоохранения.")
BODY = [
    "Как пояснили в ведомстве, прививку можно сделать без записи в будние дни с девяти утра до восьми "
    "вечера, а по субботам до трех часов дня.",
    "Что взять с собой:",
    "- паспорт,",
    "- полис ОМС,",
    "- СНИЛС.",
    "Перед прививкой врач измерит давление и температуру и расспросит о перенесенных болезнях. После "
    "вакцинации полчаса нужно провести под наблюдением медиков.",
]


def removed(text: str) -> dict[str, str]:
    """Each removed line's text -> the rule or score that removed it."""
    return {ln.text.strip(): ln.kind for ln in cleaned_page(text).lines if ln.label == "boilerplate"}


@pytest.mark.parametrize("trail", ["Главная → Пункты вакцинации", "Главная » Пункты вакцинации"])
def test_a_breadcrumb_over_the_headline_is_no_headline(trail):
    doc = document(page(trail, TITLE, LEAD, *BODY))
    assert doc.title == TITLE
    assert trail not in doc.text


@pytest.mark.parametrize("where", ["over", "under"])
def test_share_buttons_with_their_counts_go(where):
    share = ["Поделиться:", "ВКонтакте 7 Telegram 2"]
    lines = [*share, TITLE] if where == "over" else [TITLE, *share]
    text = page(*lines, LEAD, *BODY)
    assert document(text).title == TITLE
    assert {removed(text).get(s) for s in share} == {"share"}


def test_an_authors_line_and_the_reading_time_over_the_headline_go():
    text = page("Петр Сидоров, обозреватель", "Время прочтения: 5 минут", TITLE, LEAD, *BODY)
    assert document(text).title == TITLE
    kinds = removed(text)
    assert kinds.get("Петр Сидоров, обозреватель") == "byline"
    assert kinds.get("Время прочтения: 5 минут") == "counter"


def test_a_headline_glued_to_its_lead_under_a_share_block_is_still_the_headline():
    # (a scraper's shape: the headline and the lead on one line, the lead said again under the buttons)
    lead = LEAD + " Всего в регионе теперь работают сорок пунктов, из них шесть — в торговых центрах."
    text = page(TITLE + ". " + lead, "Поделиться", "VK 4 Telegram 1", lead, *BODY)
    doc = document(text)
    assert doc.title.rstrip(". ") == TITLE
    assert BODY[-1] in doc.text


def test_the_article_goes_on_under_a_read_also_line_carrying_its_headline():
    text = page(TITLE, LEAD, BODY[0], "Читайте также: Минздрав назвал сроки массовой вакцинации населения",
                *BODY[1:])
    doc = document(text)
    assert all(line in doc.text for line in BODY)
    assert "сроки массовой вакцинации" not in doc.text


def test_a_bulleted_list_under_a_photo_stays_the_articles():
    text = page(TITLE, LEAD, BODY[0], BODY[1], "Пункт вакцинации в городской поликлинике",
                "Фото: Олег Петров / ТАСС", *BODY[2:])
    doc = document(text)
    assert all(line in doc.text for line in BODY)
    assert "Фото: Олег Петров" not in doc.text


def test_hashtags_after_the_article_go():
    text = page(TITLE, LEAD, *BODY, "#вакцинация #Тверь #здоровье")
    assert removed(text).get("#вакцинация #Тверь #здоровье") == "tags"
    assert "#вакцинация" not in document(text).text
