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


# Furniture in words no rule lists (wt-furniture25b): each widget is known by its shape.

OTHERS = ["В Ржеве ограничили движение по мосту через Волгу на время ремонта опор",
          "Тверские школьники вошли в число победителей всероссийской олимпиады по химии",
          "Под Торжком открыли после реставрации усадьбу XVIII века с парком и прудами"]


def test_a_list_of_other_stories_with_stamps_goes_whatever_its_header_says():
    text = page(TITLE, LEAD, *BODY, "Лучшее за неделю", *(f"2 марта, 1{k}:05 {h}" for k, h in enumerate(OTHERS)),
                "Редакция не несет ответственности за содержание комментариев, оставленных читателями "
                "на сайте, и просит соблюдать правила общения.")
    doc = document(text)
    assert all(line in doc.text for line in BODY)
    assert not any(h in doc.text for h in OTHERS)
    assert removed(text).get("Лучшее за неделю") == "related"


def test_a_numbered_list_under_a_short_header_goes():
    text = page(TITLE, LEAD, *BODY, "Обсуждают сегодня", *(f"{k}. {h}" for k, h in enumerate(OTHERS, 1)))
    assert not any(h in document(text).text for h in OTHERS)


@pytest.mark.parametrize("stamp", ["Среда, 3 марта 2021", "03/03/2021 12:40 МСК", "3 мар 2021 в 12:40, изменено 13:15"])
def test_a_date_line_under_the_headline_goes(stamp):
    text = page(TITLE, stamp, LEAD, *BODY)
    assert removed(text).get(stamp) == "date"
    assert document(text).title == TITLE


def test_a_time_in_a_sentence_is_no_date_line():
    text = page(TITLE, LEAD, "В 10:00 начнется прием", *BODY)
    assert "В 10:00 начнется прием" in document(text).text


@pytest.mark.parametrize("widget", ["Вк 5 Тг 9 Ок 0", "Репосты: 27", "8 минут на чтение", "⌚ 4 мин"])
def test_counts_and_reading_times_over_the_headline_go(widget):
    text = page(widget, TITLE, LEAD, *BODY)
    assert removed(text).get(widget) == "counter"
    assert document(text).title == TITLE


@pytest.mark.parametrize("byline", ["Текст подготовил Игорь Мельников", "Колумнист отдела экономики"])
def test_an_authors_line_in_other_words_over_the_headline_goes(byline):
    text = page(byline, TITLE, LEAD, *BODY)
    assert removed(text).get(byline) == "byline"
    assert document(text).title == TITLE


@pytest.mark.parametrize("call", ["Все новости Твери — в нашем канале на Дзене",
                                  "Мы есть в Одноклассниках — присоединяйтесь"])
def test_a_call_to_follow_the_site_between_paragraphs_goes(call):
    text = page(TITLE, LEAD, BODY[0], call, *BODY[1:])
    assert removed(text).get(call) == "subscription"
    assert BODY[0] in document(text).text


def test_a_link_under_a_lead_in_of_small_words_goes_and_a_subheading_stays():
    pointer = "Это важно: " + OTHERS[0]
    sub = "Вакцина от гриппа: кому она нужна"
    text = page(TITLE, LEAD, BODY[0], pointer, sub, *BODY[1:])
    assert removed(text).get(pointer) == "related"
    assert sub in document(text).text



@pytest.mark.parametrize("lead_in", ["Советуем прочитать: ", "Предыдущая новость: ", "Загляните сюда: "])
def test_a_link_under_a_lead_in_of_content_words_goes(lead_in):
    pointer = lead_in + OTHERS[1]
    text = page(TITLE, LEAD, BODY[0], pointer, *BODY[1:])
    assert removed(text).get(pointer) == "related"
    doc = document(text)
    assert BODY[0] in doc.text and BODY[-1] in doc.text


def test_a_subheading_its_paragraph_echoes_and_a_speakers_words_stay():
    # (the lead-in's words said in the paragraph under it; a name said in the article)
    sub = "Прививка без записи: как это устроено в Твери"
    said = "Киселева уточнила: «Очередей в пунктах пока нет и не будет»"
    lead = ("В Твери и Ржеве с понедельника начали работу два новых пункта вакцинации, сообщила министр "
            "здравоохранения области Ирина Киселева.")
    text = page(TITLE, lead, sub, BODY[0], said, BODY[-1])
    kept = document(text).text
    assert sub in kept
    assert said in kept


def test_a_paragraph_reporting_words_over_a_credit_is_no_caption():
    told = "Главный врач областной больницы сообщил, что очередей в новых пунктах пока нет."
    text = page(TITLE, LEAD, BODY[0], told, "Фото: Pexels", BODY[-1])
    doc = document(text)
    assert told in doc.text
    assert "Pexels" not in doc.text


def test_a_caption_over_its_credit_still_goes():
    caption = "Медсестра набирает вакцину в шприц в новом пункте на улице Советской"
    text = page(TITLE, LEAD, BODY[0], caption, "Фото: Олег Петров / ТАСС", BODY[-1])
    assert removed(text).get(caption) == "caption"
    assert BODY[-1] in document(text).text
