"""The article's block on whole pages: what cuts it short and what it must not swallow.

Body lines that must stay — the lead above a link to another story, closing sentences
after a photo or a link, a chronology or a live blog inside the article, a paragraph that
readers quote, a line broken at a link — and furniture that must go: teaser lists closing
the block, a feed's last teaser, a caption said twice. Pages are written for the test in
the shape of the covid-19 BSNLP dumps; the last tests read whole pages of that dump that
are in no gold file."""
from pathlib import Path

import pytest

from citata.pipeline import build_document
from citata.source import decode, text_document
from helpers import cleaned_page, page_document as document, page_text as page

COOKIE = "Наш сайт использует файлы Cookie, чтобы предоставлять вам персонализированную информацию."
TITLE = "Минздрав разрешил делать прививку от коронавируса людям старше 60 лет"
LEAD = ("Министерство здравоохранения внесло изменения в инструкцию к вакцине «Спутник V»: теперь "
        "прививку можно делать людям старше 60 лет.")
BODY = [
    "Как отметили в министерстве, решение принято по итогам клинических исследований, в которых "
    "участвовали более ста добровольцев старшего возраста. Серьезных побочных эффектов у них не выявили.",
    "Что изменится для пожилых",
    "Записаться на прививку пожилые люди смогут в поликлинике по месту жительства или через портал "
    "госуслуг. Врачи советуют перед вакцинацией измерить давление и сообщить медику о хронических болезнях.",
    "По словам главного внештатного специалиста, вакцинация пожилых особенно важна, потому что они "
    "тяжелее всего переносят коронавирусную инфекцию и чаще попадают в больницы.",
]
CLOSING = "Ранее в Минздраве сообщили, что вакцина поступила во все регионы."


def kinds(text: str) -> dict[str, str]:
    """Each removed line's text -> the rule or score that removed it."""
    cleaned = cleaned_page(text)
    return {ln.text.strip(): ln.kind for ln in cleaned.lines if ln.label == "boilerplate"}


def test_a_link_to_another_story_under_the_lead_does_not_move_the_headline():
    # A cookie notice opens the page, so the headline is sought above the block; the link
    # cuts the lead off the rest of the article.
    text = page(COOKIE, "Общество", TITLE, LEAD,
                "Читайте также: В Москве открылись новые пункты вакцинации в торговых центрах", *BODY)
    doc = document(text)
    assert doc.title == TITLE
    assert LEAD in doc.text and BODY[1] in doc.text
    assert "торговых центрах" not in doc.text


@pytest.mark.parametrize("furniture", [
    "Фото: Александр Иванов / РИА Новости",
    "Читайте также: Минздрав назвал сроки массовой вакцинации населения",
    "pic.twitter.com/abcdEFG123",
    "Реклама",
])
def test_a_closing_sentence_after_a_photo_a_link_or_an_embed_stays(furniture):
    text = page(TITLE, LEAD, *BODY, furniture, CLOSING)
    doc = document(text)
    assert CLOSING in doc.text
    assert furniture not in doc.text


def test_teasers_after_a_bare_related_header_go():
    teaser = "Жители Германии рассказали, почему не хотят прививаться от коронавируса."
    text = page(TITLE, LEAD, *BODY, "Смотрите также:", teaser)
    doc = document(text)
    assert BODY[-1] in doc.text and teaser not in doc.text


def test_a_chronology_inside_the_article_is_no_comment_section():
    chronology = ["Хронология вакцинации", "8 декабря", "Великобритания",
                  "В Великобритании началась массовая вакцинация препаратом компаний Pfizer и BioNTech.",
                  "14 декабря", "США", "В США сделали первые прививки медицинским работникам."]
    doc = document(page(TITLE, LEAD, *chronology, *BODY))
    assert chronology[3] in doc.text and chronology[6] in doc.text
    assert BODY[-1] in doc.text


def test_update_stamps_inside_the_article_are_no_comment_heads():
    updates = ["Обновлено 12:30", "Власти уточнили, что вакцинация в регионе продолжится и в выходные дни.",
               "Обновлено 14:10", "Министр здравоохранения заявил, что вакцины хватит всем желающим."]
    doc = document(page(TITLE, LEAD, *updates, *BODY))
    assert updates[1] in doc.text and updates[3] in doc.text
    assert BODY[-1] in doc.text


def test_a_stamp_beside_a_subheading_or_a_stamped_photo_credit_is_no_comment_head():
    # A photo credit glued to the page's stamp, and a stamp over a subheading inside the
    # article: neither names a commenter, so the article is not cut off as comments.
    text = page(TITLE, "30 декабря 2020, 15:13Фото: Медиахолдинг1Mi", LEAD, BODY[0],
                "12 января 2021, 15:30", "Разработка вакцины от коронавируса", *BODY[2:])
    doc = document(text)
    assert BODY[0] in doc.text and BODY[-1] in doc.text
    assert "comment" not in kinds(text).values()


def test_comment_heads_with_the_authors_name_still_close_the_article():
    comments = ["Иван Петров 12.01.2021 15:30", "Прививку сделал, температура была только один день.",
                "Ольга Смирнова 12.01.2021 16:02", "А у нас в поликлинике вакцины пока нет."]
    text = page(TITLE, LEAD, *BODY, *comments)
    doc = document(text)
    assert BODY[-1] in doc.text
    assert "температура была" not in doc.text
    assert kinds(text)[comments[3]] == "comment"


def test_a_live_blogs_entries_stay_and_a_feeds_items_go():
    entries = ["10:15 В России за сутки выявили более 20 тысяч новых случаев коронавирусной инфекции, "
               "сообщил оперштаб.",
               "11:40 Минздрав зарегистрировал еще одну вакцину от коронавируса, она получила название «КовиВак».",
               "12:05 В Москве открылись двадцать новых пунктов вакцинации в торговых центрах и поликлиниках."]
    doc = document(page(TITLE, LEAD, *entries, *BODY))
    for entry in entries:
        assert entry in doc.text
    feed = ["31.01, 20:56 В Минздраве заявили, что пожилые люди проще переносят вакцинацию",
            "Как подчеркнула главный внештатный гериатр, российский препарат эффективен и для пожилых.",
            "31.01, 10:03 В Москве записались на вакцинацию около 500 тысяч человек",
            "В Москве около 500 тысяч человек записались на вакцинацию от коронавируса, заявил мэр.",
            "30.01, 18:43 В Москве вакцинировали более 430 тысяч животных в 2020 году",
            "Московские ветеринары в 2020 году вакцинировали свыше 430 тыс. животных. подробнее"]
    text = page(TITLE, LEAD, *BODY, *feed)
    doc = document(text)
    assert BODY[-1] in doc.text
    assert kinds(text)[feed[-1]] == "feed"  # the last item's teaser too


def test_a_paragraph_readers_quote_stays_the_articles():
    # A short opinion piece, then comments whose replies quote its second paragraph.
    poll = ["Осенью должна начаться вакцинация против ковид-19. Конечно,любой здравомыслящий человек "
            "не откажется от прививки,но найдутся и противники.",
            "Испытания на добровольцах подтвердили эффективность и безопасность отечественной вакцины."]
    comments = []
    for n, stamp in enumerate(["02 августа 2020, 18:52", "02 августа 2020, 18:54", "02 августа 2020, 19:04"]):
        comments += [f"{n + 2}.", "Гость", f"[28346471{n}] - {stamp}", poll[1],
                     "Посмотрим, что будет с теми, кто привьется первым."]
    text = page("Вакцинация от ковид-19 должна быть обязательной?", *poll, *comments)
    doc = document(text)
    assert poll[0] in doc.text and poll[1] in doc.text
    assert "Гость" not in doc.text


def test_a_line_broken_at_a_link_that_goes_on_in_edited_prose_stays():
    # The link's text ("Великобритания") is lost; the line starts in lower case after a full stop.
    broken = ("должна покинуть ЕС 29 марта 2019 года. Такое решение было принято по итогам референдума, "
              "где победу одержали противники евроинтеграции.")
    doc = document(page(TITLE, LEAD, *BODY, broken))
    assert broken in doc.text
    # A reader writing on in lower case is not edited prose.
    comment = "а чем собираются прививать? вакцины нет даже на начальной стадии испытаний! вот интересно"
    text = page(TITLE, LEAD, *BODY, comment)
    assert comment not in document(text).text


def test_a_list_of_teasers_closing_the_block_goes():
    teasers = ["НЕ ПРОХОДИТЕ МИМО",
               "Встречайте первую высокоэффективную мРНК-вакцину BNT162b2 от коронавируса и ковида.",
               "Антиковидная вакцина mRNA-1273 гарантирует высочайший уровень защиты от коронавируса.",
               "Старый Свет приветствует усилия по созданию персонализированных противораковых лекарств."]
    text = page(TITLE, LEAD, *BODY, *teasers)
    doc = document(text)
    assert BODY[-1] in doc.text
    for teaser in teasers:
        assert teaser not in doc.text
    assert kinds(text)[teasers[2]] == "teaser"


def test_an_article_ending_in_questions_and_answers_or_a_list_keeps_them():
    faq = ["Можно ли делать прививку беременным?", "Нет, на этом этапе исследований беременных не прививают.",
           "Можно ли делать прививку ребенку?", "Нет, прививку делают только людям старше 18 лет."]
    doc = document(page(TITLE, LEAD, *BODY, *faq))
    for line in faq:
        assert line in doc.text
    items = ["Противопоказания к прививке:", "- острые инфекционные заболевания;", "- беременность;",
             "- тяжелые аллергические реакции в прошлом."]
    doc = document(page(TITLE, LEAD, *BODY, *items))
    for line in items[1:]:
        assert line in doc.text


def test_a_caption_said_twice_goes_a_subheading_stays():
    caption = "Вакцина BioNTech/Pfizer"
    text = page(TITLE, LEAD, BODY[0], caption, BODY[2], caption, BODY[3], BODY[1], CLOSING)
    doc = document(text)
    assert caption not in doc.text
    assert kinds(text)[caption] == "caption"
    assert BODY[1] in doc.text  # the subheading, said once


COVID = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bsnlp-ru" / "covid-19" / "raw"
BSNLP = COVID.parent.parent


def shared_page(path: Path):
    """A page of the shared BSNLP dump (in no gold file, or in the whole-page gold's tune half)."""
    if not path.exists():
        pytest.skip(f"{path} absent (the shared corpora are not on this machine)")
    return build_document(text_document(str(path), decode(path.read_bytes())))


def test_real_page_poll_quoted_in_its_comments_stays():
    doc = shared_page(COVID / "coronavirus_ru_66.txt")
    assert "Испытания на добровольцах подтвердили эффективность и безопасность отечественной вакцины." in doc.text
    assert "Гость" not in doc.text


def test_real_page_teasers_under_the_article_go():
    doc = shared_page(COVID / "coronavirus_ru_79.txt")
    assert "Разработанная в России вакцина также будет использована в других странах мира." in doc.text
    assert "Оперштаб по коронавирусу" not in doc.text


def test_real_page_line_broken_at_a_link_stays():
    doc = shared_page(BSNLP / "asia_bibi" / "raw" / "asia_bibi_ru.txt_file_194.txt")
    assert "стала причиной массовых протестов в Пакистане." in doc.text


def test_real_page_headline_over_its_standfirst_stays_the_headline():
    # (a tune page of the whole-page gold) The article's block opens below its first
    # paragraph; the standfirst and that paragraph echo the headline, so the convention holds.
    doc = shared_page(COVID / "coronavirus_ru_88.txt")
    assert doc.title == "Какая лучше? Все, что нужно знать о вакцинах против коронавируса"
    assert doc.text.startswith("Чем «Спутник V» лучше «Вектора»")


POSTS = [
    "Я за все стандартные прививки и делаю себе и детям все, включая прививку от гриппа ежегодно. "
    "Но испытаниям новой вакцины пока не доверяю: данных о побочных эффектах слишком мало.",
    "Да, риск конечно имеется, как и от любых других прививок, но только так возможно остановить "
    "пандемию. Ведь именно массовая вакцинация победила оспу и полиомиелит в прошлом веке.",
    "Маски же заставили надеть, примерно так же и прививки сделать заставят. Я знаю нескольких "
    "человек, кто болел очень тяжело, так что сама пойду прививаться при первой возможности.",
]


def test_a_forum_threads_posts_are_its_text_and_their_heads_go():
    # A short opening post under a question, then posts many times longer than it.
    opening = "Осенью должна начаться вакцинация против ковида. Как вы думаете, стоит ли ее делать обязательной?"
    heads = [["2.", "Гость", "[2834647144] - 02 августа 2020, 18:52"],
             ["3.", "Сторонница ЗОЖ", "[3058090916] - 02 августа 2020, 19:27"],
             ["4.", "Великолепный Вася", "[2451078707] - 02 августа 2020, 19:34"]]
    thread = [line for head, post in zip(heads, POSTS) for line in (*head, post)]
    text = page("Вакцинация от ковида должна быть обязательной?", opening, *thread)
    doc = document(text)
    assert opening in doc.text and all(post in doc.text for post in POSTS)
    assert "Гость" not in doc.text and "Сторонница ЗОЖ" not in doc.text and "18:52" not in doc.text


def test_comments_under_a_long_article_are_no_thread():
    heads = [["Гость", "02 августа 2020, 18:52"], ["Марина К.", "02 августа 2020, 19:27"],
             ["Иван Петров", "02 августа 2020, 19:34"]]
    # (posts three times the article's length, under an article of news length)
    thread = [line for _ in range(3) for head, post in zip(heads, POSTS) for line in (*head, post)]
    doc = document(page(TITLE, LEAD, *BODY, CLOSING, *thread))
    assert BODY[-1] in doc.text
    assert not any(post in doc.text for post in POSTS)


# Other stories' headlines, as sites list them under or inside an article.
RELATED = ["Пожилые легче переносят вакцинацию, заверила гериатр Минздрава",
           "В Москве записались на вакцинацию от коронавируса около 500 тысяч человек",
           "Противопоказания расширяются: прививку «Спутник V» не рекомендовано делать тем, кто планирует беременность",
           "Нужна ли вам прививка от коронавируса, если вы уже переболели?"]


@pytest.mark.parametrize("menu", [["Главная"], ["Главная", "Новости", "Политика | Экономика | Общество"],
                                  ["Главная / Новости / Общество"], [COOKIE]])
def test_a_menu_or_a_notice_over_the_headline_does_not_move_it(menu):
    # The layout's headline is its first line; a page saved whole has the site's menu over it.
    doc = document(page(*menu, TITLE, LEAD, *BODY))
    assert doc.title == TITLE
    assert LEAD in doc.text and BODY[-1] in doc.text
    assert "Главная" not in doc.text and "Политика |" not in doc.text


def test_a_short_headline_first_stays_the_headline():
    # Three words are a headline, not a menu's item.
    title = "Вакцина от коронавируса"
    standfirst = "Что это за вакцина, как она работает и есть ли у нее побочные эффекты"
    doc = document(page(title, standfirst, LEAD, *BODY))
    assert doc.title == title


@pytest.mark.parametrize("header", ["Читайте также", "Читайте также:"])
def test_a_related_list_between_paragraphs_goes_and_the_article_goes_on(header):
    text = page(TITLE, LEAD, BODY[0], header, *RELATED, *BODY[1:])
    doc = document(text)
    assert BODY[0] in doc.text and BODY[-1] in doc.text
    assert not any(h in doc.text for h in RELATED)
    removed = kinds(text)
    assert all(removed[h] == "related" for h in RELATED)


def test_one_subheading_under_a_related_header_stays():
    # ("В ТЕМУ" over the interview's next part: one headline-like line there is no list)
    sub = "На что рассчитывать сердечникам и онкологическим больным"
    doc = document(page(TITLE, LEAD, BODY[0], "В ТЕМУ", sub, *BODY[2:], CLOSING))
    assert sub in doc.text and CLOSING in doc.text


def test_headlines_listed_under_the_article_without_a_label_go():
    # The long one reads like prose by its words; in a list of headlines it is one item.
    teaser_lead = ("Вакцинацию от нового коронавируса проще переносят пожилые люди, заявила главный "
                   "внештатный гериатр Минздрава России Ольга Ткачева.")
    doc = document(page(TITLE, LEAD, *BODY, *RELATED, teaser_lead))
    assert BODY[-1] in doc.text
    assert not any(h in doc.text for h in RELATED)


def test_comments_under_a_short_note_over_a_teaser_gallery_are_no_thread():
    note = ("По всему миру начинается массовая вакцинация от коронавируса. О том, кого надо бы привить "
            "в первую очередь, рассказывают карикатуристы.")
    comments = ["Комментарии (2)", "Иван Петров", "12.01.2021 15:30", "Опять нам рассказывают сказки.",
                "Марина К.", "12.01.2021 16:02", "А я согласна с автором, у нас то же самое."]
    gallery = [line for h in RELATED for line in ("Юмор сражается с коронавирусом", h, BODY[0])]
    doc = document(page(COOKIE, note, *comments, "Смотрите также:", *gallery))
    assert note in doc.text
    assert BODY[0] not in doc.text and "сказки" not in doc.text


def test_what_stands_between_the_headline_and_its_repeat_is_the_pages_header():
    # The page's title, a teaser of another story with its lead, then the article's own headline.
    teaser = "Sputnik V – в России зарегистрировали первую в мире вакцину от COVID-19"
    teaser_lead = ("В России зарегистрировали первую в мире вакцину против коронавируса. Об этом объявил "
                   "президент на совещании с членами правительства.")
    doc = document(page(COOKIE, TITLE, teaser, teaser_lead, TITLE, LEAD, *BODY))
    assert doc.title == TITLE
    assert LEAD in doc.text and BODY[-1] in doc.text
    assert teaser_lead not in doc.text


def test_a_sidebars_headlines_over_the_article_do_not_take_its_headline():
    # "Последние новости" and its items run straight into the page's own headline.
    doc = document(page("Последние новости", *RELATED[:2], TITLE, LEAD, *BODY))
    assert doc.title == TITLE
    assert LEAD in doc.text and RELATED[0] not in doc.text


def test_a_rubric_of_a_few_words_over_the_headline_is_no_headline():
    # "Коронавирус в России" reads like a headline of three words; the longer headline under it is the page's.
    doc = document(page("Эпидемия коронавируса в России", TITLE, LEAD, *BODY))
    assert doc.title == TITLE
    assert LEAD in doc.text and "Эпидемия коронавируса в России" not in doc.text


HOME_LEAD = ("Пенсионеров в Москве начали прививать от коронавируса на дому: врачи выезжают к тем, кто "
             "не может сам прийти в поликлинику.")


@pytest.mark.parametrize("top", [
    ["Прививки пенсионерам"],
    ["Прививки"],
    ["Врачи выезжают"],
    ["Главная", "Прививки пенсионерам", "15 марта 2021, 12:00"],  # (a stamp between it and the lead)
])
def test_a_headline_of_one_or_two_words_over_the_lead_is_the_headline(top):
    doc = document(page(*top, HOME_LEAD, *BODY))
    assert doc.title == next(t for t in top if t != "Главная" and not t[:1].isdigit())
    assert HOME_LEAD in doc.text


@pytest.mark.parametrize("top", ["Главная", "Коронавирус", "Новости", "Ирина Смирнова"])
def test_a_menus_item_a_rubric_or_a_name_over_the_lead_is_no_headline(top):
    # (the article under them does not say the item or the name; a rubric's words are no headline's)
    doc = document(page(top, LEAD, *BODY))
    assert doc.title is None
    assert LEAD in doc.text


def test_a_short_headline_that_says_what_happened_over_its_standfirst_is_the_headline():
    standfirst = "Прививку от коронавируса теперь можно делать людям старше 60 лет"
    doc = document(page("Главная", "Прививку разрешили", standfirst, LEAD, *BODY))
    assert doc.title == "Прививку разрешили"


def test_a_rubric_naming_the_topic_over_a_headline_that_says_what_happened_is_no_headline():
    # The article says the rubric's words more than the headline's: what the lines say decides.
    doc = document(page("Прививка от коронавируса", TITLE, LEAD, *BODY))
    assert doc.title == TITLE
    assert "Прививка от коронавируса" not in doc.text


@pytest.mark.parametrize("where", ["subheading", "share block", "related list"])
def test_the_headline_said_again_under_the_articles_prose_does_not_cut_it(where):
    # The repeat opens the article only where it stands over more of the article than lies above it.
    title = "Как записаться на прививку от коронавируса?"
    if where == "subheading":
        lines = [title, LEAD, *BODY[:1], BODY[2], title, CLOSING]
    elif where == "share block":
        # (the site's notes on the epidemic under it are prose too)
        notes = ["Люди, которые подозревают у себя наличие коронавируса, должны позвонить на номер "
                 "консультации семейных врачей 1220 или на созданный для вопросов номер горячей линии.",
                 "Симптомы COVID-19 схожи с симптомами гриппа. Вирус может вызвать кашель, жар и "
                 "затруднение дыхания. Лучшая защита от распространения заболевания — мыть руки.",
                 "Приложение HOIA даст знать, если вы находились в тесном контакте с носителем "
                 "коронавируса. Узнайте подробности!"]
        lines = [title, LEAD, *BODY, CLOSING, "Поделиться", title, "ВКонтакте | Одноклассники | Telegram",
                 "Коронавирус SARS-CoV-2", *notes]
    else:
        lines = [title, LEAD, *BODY, CLOSING, "Читайте также", RELATED[0], title, RELATED[1]]
    doc = document(page(*lines))
    assert doc.title == title
    assert LEAD in doc.text and BODY[0] in doc.text and CLOSING in doc.text


# A standfirst under the headline that says much of it again (the headline's standfirst, not a list's last item).
STANDFIRST = "Минздрав разрешил пожилым людям старше 60 лет делать прививку «Спутник V» после исследований"
SIDEBAR_TIMES = ["17:57", "17:40", "16:12", "15:05"]


@pytest.mark.parametrize("times", ["none", "own lines", "glued"])
def test_a_sidebar_over_the_headline_and_its_standfirst_takes_neither(times):
    # "Последние новости" and other stories' headlines on the same topic run straight into the page's
    # headline, with or without their times; the standfirst under the headline, which says much of it
    # again, is no headline either.
    if times == "none":
        sidebar = RELATED
    elif times == "own lines":
        sidebar = [x for t, h in zip(SIDEBAR_TIMES, RELATED) for x in (t, h)]
    else:
        sidebar = [f"{t} {h}" for t, h in zip(SIDEBAR_TIMES, RELATED)]
    doc = document(page("Последние новости", *sidebar, TITLE, STANDFIRST, LEAD, *BODY))
    assert doc.title == TITLE
    assert LEAD in doc.text and not any(h in doc.text for h in RELATED)


def test_a_feed_item_asking_a_question_is_still_an_item():
    # "17:40 Нужна ли вам прививка…?" is a headline after its stamp, not a live blog's sentence: the
    # three stamped lines are a feed, and go as one.
    items = [f"{t} {h}" for t, h in zip(SIDEBAR_TIMES, [RELATED[3], RELATED[0], RELATED[1]])]
    text = page("Последние новости", *items, TITLE, LEAD, *BODY)
    doc = document(text)
    assert doc.title == TITLE
    gone = {text[b.start:b.end].strip(): b.kind for b in doc.boilerplate}
    assert all(gone.get(item) == "feed" for item in items)
