"""A page saved node by node (a scraper joining a page's text nodes with line breaks) breaks its
sentences at every link: the cleaner reads such a line as going on in the next where the break
stands inside a sentence (citata.clean.wrap.inline_joins), and leaves menus, tag lists, bylines,
stamps, captions and a headline over its lead apart. The pages here are written for the tests."""
from citata.clean import split_lines
from citata.clean.wrap import inline_joins
from citata.pipeline import annotate, build_document
from citata.source import text_document

TITLE = "Лавров прокомментировал отставку Джонсона"
PARAGRAPHS = [
    "Министр иностранных дел России Сергей Лавров заявил, что отставка главы британского МИД "
    "Бориса Джонсона не изменит отношений Москвы и Лондона, сообщает РИА Новости.",
    "«Мы не ждем перемен от смены министра в Лондоне», — сказал Лавров журналистам в Москве.",
    "Ранее в отставку подал министр по делам выхода из Евросоюза Дэвид Дэвис.",
]
# The same paragraphs as a scraper saves them, a node per line: each link (a person, a place, an
# organisation) alone, the preposition before it on the line before, the full stop after a link on a
# line of its own.
NODES = [
    "Министр иностранных дел\nРоссии\nСергей Лавров\nзаявил, что отставка главы британского МИД\n"
    "Бориса Джонсона\nне изменит отношений\nМосквы\nи\nЛондона, сообщает\nРИА Новости\n.",
    "«Мы не ждем перемен от смены министра в\nЛондоне», — сказал\nЛавров\nжурналистам в\nМоскве.",
    "Ранее в отставку подал министр по делам выхода из\nЕвросоюза\nДэвид Дэвис.",
]


def _page(paragraphs: list[str], sep: str = "\n\n") -> str:
    return TITLE + sep + sep.join(paragraphs) + "\n"


def test_a_paragraph_broken_at_its_links_is_one_line():
    for sep in ("\n\n", "\n"):  # with blank lines between paragraphs and without
        text = _page(NODES, sep)
        body = [ln for ln in split_lines(text) if ln.label != "empty"]
        assert [ln.text.replace(" .", ".") for ln in body] == [TITLE, *PARAGRAPHS]
        for ln in body:  # the breaks it reads as spaces are the page's own
            assert all(text[ln.start + j] == "\n" for j in ln.joins)


def test_the_page_cleans_as_its_paragraph_layout_and_maps_to_its_text():
    nodes = text_document("a.txt", _page(NODES))
    doc, same = build_document(nodes), build_document(text_document("b.txt", _page(PARAGRAPHS)))
    assert doc.text == same.text  # "РИА Новости⏎." reads "РИА Новости." again
    assert doc.title == TITLE
    for seg in doc.segments:
        assert doc.text[seg.text_start:seg.text_start + seg.length] == \
            nodes.text[seg.raw_start:seg.raw_start + seg.length]
    quotes = annotate([doc])[0].quotes
    direct = next(q for q in quotes if "перемен" in q.content.text)
    assert direct.content.text.startswith("Мы не ждем") and direct.speaker.name == "Сергей Лавров"
    report = next(q for q in quotes if "отношений" in q.content.text)
    assert report.speaker is not None and report.speaker.name == "Сергей Лавров"


def test_furniture_lines_stay_apart():
    pages = [
        "Главная\nНовости\nПолитика\nВ мире\nЭкономика\nСпорт\n",           # a menu
        "Теги:\nкоронавирус\nвакцинация\nспутник v\nминздрав\n",             # a tag list
        "Иван Петров\nкорреспондент\n12 января 2021, 14:30\n",             # a byline and a stamp
        "Гость\n20.01.2021 в 10:15\nответить\nнравится\n",                   # a comment's name and widgets
        "Фото: ТАСС\nВ Москве начали вакцинацию от коронавируса.\n",        # a caption over a paragraph
        "23 ноября 2020\nВакцина, разработанная в Оксфорде, эффективна на 70%.\n",  # a stamp over the lead
    ]
    for text in pages:
        # on a page saved node by node (its article's sentences broken at their links)
        parts = ("Заголовок\n" + text + "\n".join(NODES)).split("\n")
        furniture = range(1, text.count("\n") + 1)
        joins = inline_joins(parts)
        assert joins and not joins & set(furniture), text


def test_a_headline_over_its_lead_stays_apart():
    # a page without blank lines: under a menu, the headline over a lead whose first node is a name
    menu = "Главная\nНовости\nПолитика\n"
    lead = "Владимир Путин\nзаявил, что вакцинация в России будет добровольной.\n"
    parts = (menu + "Путин высказался о добровольной вакцинации\n" + lead + "\n".join(NODES)).split("\n")
    joins = inline_joins(parts)
    assert 3 not in joins  # the headline line
    assert 4 in joins  # the lead's name goes on in its sentence
    # the lead opening with its name and a comma after a stamp
    parts = ("Новости\n12:30\nРоспотребнадзор, по данным ведомства, назвал сроки.\n" + "\n".join(NODES)).split("\n")
    assert not inline_joins(parts) & {1, 2}


def test_a_blank_line_is_never_crossed():
    # a headline over its dateline and a pop-up over a teaser, as the corpora's pages have them
    for text in ("Пилоты Ryanair объявили забастовку\n\n, 18:19 REGNUM Профсоюз пилотов объявил забастовку.\n",
                 "Пожалуйста, перейдите по ссылке из письма, отправленного на\n\nВрач рассказал о вакцинации.\n"):
        parts = ("Заголовок\n" + text + "\n".join(NODES)).split("\n")
        assert not inline_joins(parts) & {1, 2, 3}


def test_a_page_without_blank_lines_is_not_read_so():
    # paragraph lines, a list's items ending in commas, a question over its answer: no break only a
    # page saved node by node makes
    text = (TITLE + "\n" + "\n".join(PARAGRAPHS) + "\nПротивопоказания:\n- беременность,\n- возраст до 18 лет,\n"
            "- острые заболевания.\nМожно ли отказаться\nКонечно. Вакцинация добровольная.\n")
    assert inline_joins(text.split("\n")) == set()


def test_a_run_without_a_sentence_end_stays_apart():
    # lower-case lines that go on in each other but end no sentence: a list, not prose
    text = "Адреса прививочных пунктов\nс 18 января\nс 20 января\nи далее по графику\n"
    parts = ("Заголовок\n" + text + "\n".join(NODES)).split("\n")
    assert not inline_joins(parts) & {1, 2, 3, 4}


def test_legal_furniture_after_a_cut_sentence_stays_apart():
    # the article's last line cut off mid-sentence, the site's legal notice under it
    text = ("Заголовок статьи\n" + "\n".join(NODES) + "\nНапомним, королева Великобритании Елизавета II\n"
            "ФОКУС, 2008 – 2017. Все права на материалы, опубликованные на данном ресурсе, принадлежат "
            "ООО \"ФОКУС МЕДИА\". Любое копирование материалов запрещено.\n")
    lines = [ln.text for ln in split_lines(text)]
    assert lines[-3] == "Напомним, королева Великобритании Елизавета II"


def test_long_lines_stay_linear():
    # bad input never hangs: a huge run of letters before a closing mark, and a page of many node lines
    huge = "Заголовок\n" + ("а" * 200_000 + ")\nБорис Джонсон\nзаявил.\n") * 3
    assert len(split_lines(huge)) >= 4
    many = "Заголовок\n" + "слово в\nМоскве\nи " * 20_000 + ".\n"
    assert len([ln for ln in split_lines(many) if ln.label != "empty"]) == 2  # the headline, one line of the rest


# A feed under the article, saved with no blank lines: each item a stamp and a headline, then its
# teaser cut at a "read more" link ("подробнее") with no full stop after it.
FEED = [
    "Последние новости",
    "31.01, 20:56 В Минздраве заявили, что пожилые люди проще переносят прививку",
    "Как подчеркнула главный гериатр, препарат эффективен и для старшего поколения. «Переносят "
    "очень неплохо», — сказала она. подробнее",
    "31.01, 20:45 Собянин: около 500 тысяч человек записались на вакцинацию",
    "В Москве около полумиллиона человек записались на прививку. Об этом сообщил мэр. подробнее",
    "30.01, 18:43 В Москве вакцинировали более 430 тысяч животных",
    "Сообщается, что за прошлый год ветеринары привили более 430 тысяч животных. подробнее",
]


def test_a_feed_item_is_not_joined_to_the_teaser_above_it():
    text = _page(NODES, "\n") + "\n".join(FEED) + "\n"
    parts = text.split("\n")
    joins = inline_joins(parts)
    assert joins  # the article's broken sentences are still read as paragraphs
    feed = len(parts) - 1 - len(FEED)
    assert not joins & set(range(feed, len(parts)))  # every item and teaser stays its own line
    lines = [ln.text for ln in split_lines(text) if ln.label != "empty"]
    assert [ln.replace(" .", ".") for ln in lines[:4]] == [TITLE, *PARAGRAPHS]
    assert lines[4:] == FEED
