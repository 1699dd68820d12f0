"""Whole web pages as scrapers save them: the article's block, the headline above it,
comments, galleries, notices and mastheads, the page's own date and outlet.

The pages are written for the test in the shape of the covid-19 BSNLP dumps (a header
whose URL is a placeholder, then the page's visible text line by line)."""
from pathlib import Path

import pytest

from citata.clean import match_boilerplate
from citata.metadata import find_date, is_placeholder_url, outlet_from_url
from citata.pipeline import build_document
from citata.source import decode, text_document
from helpers import cleaned_page, page_text as page


ARTICLE = [
    "Минздрав разрешил делать прививку от коронавируса людям старше 60 лет",
    "Министерство здравоохранения внесло изменения в инструкцию к вакцине «Спутник V»: теперь "
    "прививку можно делать людям старше 60 лет, сообщила пресс-служба ведомства.",
    "Как отметили в министерстве, решение принято по итогам клинических исследований, в которых "
    "участвовали более ста добровольцев старшего возраста. Серьезных побочных эффектов у них не выявили.",
    "Что изменится для пожилых",
    "Записаться на прививку пожилые люди смогут в поликлинике по месту жительства или через портал "
    "госуслуг. Врачи советуют перед вакцинацией измерить давление и сообщить медику о хронических болезнях.",
    "По словам главного внештатного специалиста, вакцинация пожилых особенно важна, потому что они "
    "тяжелее всего переносят коронавирусную инфекцию и чаще попадают в больницы.",
]


def kinds(text: str) -> dict[str, str]:
    """Each removed line's text -> the rule or score that removed it."""
    cleaned = cleaned_page(text)
    return {ln.text.strip(): ln.kind for ln in cleaned.lines if ln.label == "boilerplate"}


def test_menu_popups_and_footer_around_the_article_go():
    text = page(
        "Нажми «Разрешить» Узнавай только о главных событиях",
        "Главная", "Новости", "Общество", "Здоровье",
        "Наш сайт использует файлы Cookie, чтобы предоставлять вам персонализированную информацию.",
        *ARTICLE,
        "Нашли опечатку в тексте? Выделите её и нажмите ctrl+enter",
        "Сетевое издание «Вести Края». Средство массовой информации зарегистрировано Федеральной службой "
        "по надзору в сфере связи, информационных технологий и массовых коммуникаций.",
        "Любое копирование материалов сайта без разрешения редакции запрещено.",
    )
    doc = build_document(text_document("page.txt", text))
    assert doc.title == ARTICLE[0]
    for para in ARTICLE[1:]:
        assert para in doc.text
    for furniture in ("Разрешить", "Общество", "Cookie", "опечатку", "Сетевое издание", "копирование"):
        assert furniture not in doc.text
    removed = kinds(text)
    assert removed["Здоровье"] == "before_article"
    assert removed["Любое копирование материалов сайта без разрешения редакции запрещено."] == "legal"
    # The masthead names the outlet; the placeholder host does not.
    assert doc.outlet == "Вести Края"


def test_comments_after_the_article_go_by_their_shape():
    comments = [
        "2.", "Гость", "[2834647144] - 02 августа 2020, 18:52",
        "Есть категории людей, кому подобные прививки опасны, за них и переживаю.",
        "3.", "Гость", "[3136602628] - 02 августа 2020, 18:54",
        "Я лично прививаться не буду, пока не увижу результаты третьей фазы испытаний.",
        "4.", "Марина К.", "[1657296504] - 04 декабря 2020, 13:42",
        "А у нас в поликлинике уже всех записывают, очередь на две недели вперед.",
    ]
    text = page(*ARTICLE, *comments)
    doc = build_document(text_document("page.txt", text))
    assert ARTICLE[-1] in doc.text
    assert "Гость" not in doc.text and "очередь на две недели" not in doc.text
    removed = kinds(text)
    assert removed["Я лично прививаться не буду, пока не увижу результаты третьей фазы испытаний."] == "comment"
    # A commenter's stamp is not the page's date.
    assert doc.published is None


def test_a_commenters_stamp_on_a_line_of_its_own_does_not_date_the_page():
    # (the stamp alone has a date line's shape; under a comment section's header it is a comment's)
    comments = ["Обсуждение (2)", "Сергей В.", "03.02.2021 09:12",
                "Сначала пусть чиновники привьются, потом посмотрим.", "Ответить",
                "Ольга", "03.02.2021 11:40", "У нас в поликлинике записывают без очереди, все быстро.", "Ответить"]
    text = page(*ARTICLE, *comments)
    doc = build_document(text_document("page.txt", text))
    assert ARTICLE[-1] in doc.text and "без очереди" not in doc.text
    assert kinds(text)["03.02.2021 11:40"] == "comment"
    assert doc.published is None


def test_comment_widgets_close_the_article():
    text = page(*ARTICLE, "Сначала новыеСначала старые",
                "Очень нужная информация, спасибо редакции за подробный рассказ!",
                "Обсуждение закрыто. Участвовать в дискуссии можно в течение 24 часов после публикации.")
    doc = build_document(text_document("page.txt", text))
    assert ARTICLE[-1] in doc.text
    assert "спасибо редакции" not in doc.text
    assert kinds(text)["Сначала новыеСначала старые"] == "comments"


def test_gallery_of_other_articles_framed_by_a_recurring_title_goes():
    gallery_title = "Как Европа борется со второй волной коронавируса"
    items = [
        ("Австрия: жесткий локдаун до 6 декабря",
         "В борьбе с коронавирусом австрийские власти ввели жесткий локдаун. Закрыты магазины и школы."),
        ("Франция: больных отправляют на лечение в Германию",
         "Франция находится на четвертом месте в мире по уровню распространения инфекции."),
        ("Дания: жертвами коронавируса стали норки",
         "Власти Дании распорядились уничтожить всех норок на фермах страны из-за мутации вируса."),
    ]
    lines = ["Смотрите также:"]
    for head, para in items:
        lines += [gallery_title, head, para]
    text = page(*ARTICLE, *lines)
    doc = build_document(text_document("page.txt", text))
    assert ARTICLE[-1] in doc.text
    assert "норок" not in doc.text and "Австрия" not in doc.text
    assert kinds(text)[items[1][1]] == "gallery"


def test_short_subheadings_and_quoted_lines_inside_the_article_stay():
    doc = build_document(text_document("page.txt", page(*ARTICLE)))
    assert "Что изменится для пожилых" in doc.text
    assert doc.text.startswith(ARTICLE[1])


def test_lines_broken_at_a_link_are_not_taken_for_comments():
    # A scraper breaks a sentence where a link was; the rest starts in lower case.
    broken = ["Сотрудник отдела НИИ эпидемиологии рассказал, как подготовиться к прививке, передает",
              "издание со ссылкой на пресс-службу института. Перед вакцинацией нужно выспаться и не пить алкоголь."]
    doc = build_document(text_document("page.txt", page(*ARTICLE, *broken)))
    assert broken[1] in doc.text


def test_headline_is_the_line_the_article_echoes_not_a_rubric():
    text = page("Аналитика", "Вакцинация от коронавируса: кому нельзя делать прививку",
                "30 декабря 2020, 15:13Фото: Медиахолдинг1Mi",
                "Прививку от коронавируса нельзя делать людям с острыми инфекциями и беременным женщинам, "
                "напоминают врачи. Вакцинация в России проходит добровольно и бесплатно.",
                *ARTICLE[1:])
    doc = build_document(text_document("page.txt", text))
    assert doc.title == "Вакцинация от коронавируса: кому нельзя делать прививку"
    assert doc.published == "2020-12-30"  # the stamp glued to a photo credit under the headline
    assert "Аналитика" not in doc.text


@pytest.mark.parametrize("line, iso", [
    ("30 декабря 2020, 15:13Фото: Медиахолдинг1Mi", "2020-12-30"),
    ("2020-10-04T04:48", "2020-10-04"),
    ("14.01.2021 10:21", "2021-01-14"),
    ("04:42 27.12.2020 7265", "2020-12-27"),
    ("Аноним, 20 января 2021 01:05", "2021-01-20"),
    ("Санкт-Петербург, 5 января 2021, 10:26 — REGNUM Комитет по здравоохранению сообщил", "2021-01-05"),
    ("Опубликовано 3 фев. 2021 г.", "2021-02-03"),
    ("14-01-2021, 10:21", "2021-01-14"),
    ("Дата публикации: 2021/01/14", "2021-01-14"),
    ("2021.01.14 10:21", "2021-01-14"),
    ("14:54, 2 Ноябрь, 2018", "2018-11-02"),
    ("26 cен 2018", "2018-09-26"),  # (a Latin "c" in the month's word)
])
def test_date_forms(line, iso):
    assert find_date(line)[1] == iso


@pytest.mark.parametrize("line", ["03 января, 12:16", "Сегодня, 1:34", "31.02.2021", "12.12.20 и 15 процентов",
                                  "14.01/2021", "версия 2.2021.01.14.3"])
def test_no_date_is_invented(line):
    assert find_date(line) is None


def test_a_date_deep_in_the_article_is_not_the_page_date():
    text = page(*ARTICLE[:3], "Первую прививку в стране сделали 5 декабря 2020 года в Москве, напомнили в ведомстве.",
                *ARTICLE[3:])
    assert build_document(text_document("page.txt", text)).published is None


def test_the_page_date_is_the_one_nearest_the_headline():
    text = page("Популярное: 12.11.2020", ARTICLE[0], "14.01.2021 10:21", *ARTICLE[1:])
    assert build_document(text_document("page.txt", text)).published == "2021-01-14"


def test_a_numeric_date_closing_the_headline_dates_the_page():
    # (Deutsche Welle's page titles: "Headline 04.11.2018"; the lead may follow, glued)
    lines = page(*ARTICLE).split("\n")
    k = next(i for i, ln in enumerate(lines) if i > 3 and ln.strip())
    for glued in ("", " " + ARTICLE[0][:40]):
        lines2 = [*lines[:k], lines[k] + " 04.11.2020" + glued, *lines[k + 1:]]
        assert build_document(text_document("page.txt", "\n".join(lines2))).published == "2020-11-04"


@pytest.mark.parametrize("stamp", ["14:54, 2 Ноябрь, 2020 ", "14:00 02.11.2020 "])
def test_a_time_before_the_date_opening_the_article_dates_it(stamp):
    text = page(ARTICLE[0], stamp + ARTICLE[1], *ARTICLE[2:])
    assert build_document(text_document("page.txt", text)).published == "2020-11-02"


def test_placeholder_host_is_never_the_outlet_and_its_header_date_is_not_the_page_date():
    assert is_placeholder_url("http://www.fromtheweb.eu")
    assert is_placeholder_url("https://example.org/")
    assert not is_placeholder_url("https://ria.ru/20210125/vaktsina-1594766233.html")
    assert outlet_from_url("http://www.fromtheweb.eu") is None
    doc = build_document(text_document("page.txt", page(*ARTICLE)))
    assert doc.outlet is None and doc.published is None
    # A real article address keeps both.
    real = "ru-2\nru\n2021-01-25\nhttps://ria.ru/20210125/vaktsina-1594766233.html\n" + "\n\n".join(ARTICLE)
    doc = build_document(text_document("page.txt", real))
    assert doc.outlet == "РИА Новости" and doc.published == "2021-01-25"


@pytest.mark.parametrize("line, outlet", [
    ("Сетевое издание «КарелИнформ». Средство массовой информации зарегистрировано Федеральной службой.",
     "КарелИнформ"),
    ("© 2021 Вести Края. Все права защищены.", "Вести Края"),
    ("Правила использования материалов: Информационные тексты, опубликованные на сайте nevnov.ru, "
     "можно цитировать со ссылкой на источник.", "Невские новости"),
    ("Свидетельство о регистрации Эл № ФС77-57640 Учредитель: ФГУП МИА «Россия сегодня»", None),
    ("«МИР 24» информационно-аналитический интернет-портал. Сетевое издание.", "МИР 24"),
    ("Использование материалов «ZN.UA» разрешается при условии ссылки на «ZN.UA».", "ZN.UA"),
    # (a site the tables lack is named as the page writes it, "GOGOV.RU", not as its lower-case host)
    ("Подпишитесь на тематичные новости и статьи от GOGOV.RU. Будем присылать самое важное.", "GOGOV.RU"),
    ("Отказ от ответственности: сведения и публикации Mosmedpreparaty.ru носят исключительно "
     "информационный характер.", "Mosmedpreparaty.ru"),
])
def test_outlet_from_masthead_and_legal_lines(line, outlet):
    doc = build_document(text_document("page.txt", page(*ARTICLE, line)))
    assert doc.outlet == outlet


def test_outlet_told_in_the_text_is_the_last_resort():
    told = "Как сообщили «КП» в Минздраве, прививку можно будет сделать в любой поликлинике города."
    doc = build_document(text_document("page.txt", page(*ARTICLE[:2], told, *ARTICLE[2:])))
    assert doc.outlet == "КП"
    # A known outlet's site named in the text.
    named = "Какие анализы сдавать перед уколом, для kp.ru разъяснил кандидат медицинских наук."
    doc = build_document(text_document("page.txt", page(*ARTICLE[:2], named, *ARTICLE[2:])))
    assert doc.outlet == "Комсомольская правда"
    # A singular verb's quoted name is its subject, not the outlet spoken to.
    subject = "Об эффективности своей вакцины на этой неделе рассказала «Модерна», американская компания."
    doc = build_document(text_document("page.txt", page(*ARTICLE[:2], subject, *ARTICLE[2:])))
    assert doc.outlet is None


def test_news_feed_after_the_article_goes():
    feed = ["Последние новости",
            "31.01, 20:56 В Минздраве заявили, что пожилые люди проще переносят вакцинацию",
            "Как подчеркнула главный внештатный гериатр, эффективность вакцины у пожилых высокая.",
            "31.01, 20:45 В Москве записались на вакцинацию около 500 тысяч человек",
            "Об этом сообщил мэр города, добавив, что запись продолжается и на следующей неделе.",
            "30.01, 18:43 Ветеринары Москвы вакцинировали более 430 тысяч животных",
            "Сообщается, что за прошлый год ветеринары привили от бешенства более 430 тысяч животных."]
    text = page(*ARTICLE, *feed)
    doc = build_document(text_document("page.txt", text))
    assert ARTICLE[-1] in doc.text and "гериатр" not in doc.text and "Ветеринары" not in doc.text
    assert kinds(text)[feed[1]] == "feed"


def test_outlet_from_the_datelines_agency():
    lead = ("МОСКВА, 25 янв - РИА Новости. Вакцинация от COVID-19 пациентам с онкозаболеваниями не "
            "противопоказана, но должна проводиться под контролем врача, сообщил онколог.")
    doc = build_document(text_document("page.txt", page(ARTICLE[0], lead, *ARTICLE[2:])))
    assert doc.outlet == "РИА Новости"


@pytest.mark.parametrize("line, kind", [
    ("Похоже, у вас включен AdBlock или другой блокировщик рекламы.", "notice"),
    ("Регистрация пройдена успешно! Пожалуйста, перейдите по ссылке из письма, отправленного на", "notice"),
    ("Комплексный пакет 1€ в месяц", "notice"),
    ("Авторизуйтесь, чтобы оставлять комментарии", "comments"),
    ("Главный редактор: Гаврилова А.В. Адрес электронной почты Редакции: internet-group@rian.ru", "legal"),
    ("_____________________________________", "separator"),
])
def test_notice_and_masthead_lines(line, kind):
    assert match_boilerplate(line)[0] == kind


def test_every_removed_line_says_why():
    text = page("Главная", "Новости", *ARTICLE, "Сначала новые", "Гость", "02 августа 2020, 18:52", "Ерунда всё это.")
    doc = build_document(text_document("page.txt", text))
    assert doc.boilerplate and all(b.kind for b in doc.boilerplate)
    assert {"before_article", "comments"} <= {b.kind for b in doc.boilerplate}


def test_function_words_are_russian_words():
    pymorphy3 = pytest.importorskip("pymorphy3", reason="pymorphy3 is natasha's dependency here")
    from citata import lexicons

    morph = pymorphy3.MorphAnalyzer()
    unknown = [w for w in lexicons.function_words() if not morph.word_is_known(w)]
    assert not unknown


# ------------------------------------------------------------------ site templates

SITE_MENU = ["Главная", "Новости края", "Общество", "Погода в Красноярске"]
# Prose a single page cannot tell from the article: only its recurrence gives it away.
SITE_FOOTER = [
    "Каждый день мы рассказываем о главных событиях края, присылайте нам свои новости и фотографии.",
    "Редакция работает для вас с 2008 года, и мы благодарны каждому, кто читает нас и пишет нам.",
]
STORIES = [
    ("В Красноярске открылся новый пункт вакцинации",
     "В торговом центре на правом берегу Красноярска начал работу пункт вакцинации от коронавируса, "
     "сообщили в краевом министерстве здравоохранения. Прививку там делают без записи."),
    ("Мэрия Красноярска отремонтирует пять мостов",
     "Городские власти выделили деньги на ремонт пяти мостов через Качу, рассказали в мэрии. "
     "Работы начнутся в мае и закончатся к осени."),
    ("В краевой библиотеке покажут редкие книги",
     "Краевая научная библиотека откроет выставку книг восемнадцатого века, которые до сих пор хранились "
     "в запасниках. Вход на выставку будет бесплатным."),
    ("Енисей у Красноярска замерз раньше обычного",
     "Из-за морозов Енисей ниже плотины покрылся льдом на две недели раньше обычного, отметили синоптики. "
     "Выходить на лед пока опасно, предупредили спасатели."),
    ("В крае наградили лучших учителей года",
     "Губернатор вручил премии двенадцати учителям из разных районов края, победившим в конкурсе. "
     "Лауреаты получат гранты на развитие своих школ."),
]


def site_page(k: int) -> str:
    head, para = STORIES[k]
    return (f"ru-{k}\nru\n2021-01-1{k}\nhttps://www.vestikraya.ru/news/{k}.html\n"
            + "\n\n".join([*SITE_MENU, head, para, *SITE_FOOTER]) + "\n")


def test_one_page_alone_keeps_what_only_recurrence_would_remove():
    doc = build_document(text_document("4.txt", site_page(4)))
    assert SITE_FOOTER[0] in doc.text  # no rule of one page knows it is the site's


def test_site_templates_learned_by_ingest_clean_later_pages(tmp_path):
    import sqlite3

    from citata import Archive

    pages = []
    for k in range(5):
        path = tmp_path / f"{k}.txt"
        path.write_text(site_page(k), encoding="utf-8")
        pages.append(str(path))
    db = tmp_path / "a.db"
    archive = Archive(db)
    first = archive.ingest(pages[:4], workers=1)
    assert first.new == 4 and not first.errors
    later = archive.ingest(pages[4:], workers=1)
    assert later.new == 1
    conn = sqlite3.connect(db)
    text, boilerplate = conn.execute("SELECT text, boilerplate FROM articles WHERE source LIKE '%4.txt'").fetchone()
    assert STORIES[4][1] in text
    for line in SITE_FOOTER + SITE_MENU:
        assert line not in text
    assert '"kind": "template"' in boilerplate
    # The per-site table: every page counted once, the footer's shape on all of them.
    assert conn.execute("SELECT pages FROM site_pages WHERE site = 'vestikraya.ru'").fetchone() == (5,)
    assert conn.execute("SELECT MAX(pages) FROM site_lines WHERE site = 'vestikraya.ru'").fetchone() == (5,)
    before = conn.execute("SELECT COUNT(*), SUM(pages) FROM site_lines").fetchone()
    conn.close()
    # Re-ingesting the same pages changes nothing.
    again = archive.ingest(pages, workers=1)
    assert again.unchanged == 5 and again.new == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*), SUM(pages) FROM site_lines").fetchone() == before
    assert conn.execute("SELECT pages FROM site_pages WHERE site = 'vestikraya.ru'").fetchone() == (5,)
    conn.close()


def test_extract_over_a_folder_learns_templates_from_the_batch():
    from citata.pipeline import process

    raws = [text_document(f"{k}.txt", site_page(k)) for k in range(5)]
    docs = list(process(raws))
    for doc, (_, para) in zip(docs, STORIES):
        assert para in doc.text
        assert SITE_FOOTER[1] not in doc.text


# --- issue 15, second session: outlets, dates, captions and block repairs by kind -----------------

COVID = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "bsnlp-ru" / "covid-19" / "raw"


def covid_page(name: str):
    """A whole page of the shared covid-19 dump (pages of the gold's tune half or outside the gold)."""
    path = COVID / name
    if not path.exists():
        pytest.skip(f"{path} absent (the shared corpora are not on this machine)")
    return build_document(text_document(str(path), decode(path.read_bytes())))


@pytest.mark.parametrize("title, outlet", [
    ("Минздрав разрешил прививку людям старше 60 лет — РИА Новости", "РИА Новости"),
    ("Минздрав разрешил прививку людям старше 60 лет | Газета.Ru", "Газета.Ru"),
    # A vaccine named like an outlet opens a headline without a separator after it.
    ("Sputnik V – в России зарегистрировали первую в мире вакцину от COVID-19", None),
])
def test_outlet_from_the_titles_site_suffix(title, outlet):
    doc = build_document(text_document("page.txt", page(title, *ARTICLE[1:])))
    assert doc.outlet == outlet


def test_outlet_standing_under_the_headline_is_a_byline():
    text = page(ARTICLE[0], "Вести - Ynet |", *ARTICLE[1:])
    doc = build_document(text_document("page.txt", text))
    assert doc.outlet == "Вести"
    assert "Ynet" not in doc.text
    assert kinds(text)["Вести - Ynet |"] == "byline"


@pytest.mark.parametrize("sentence, outlet", [
    ("Эти и другие вопросы DW задала вирусологу Фридриху фон Болену, члену совета компании.", "DW"),
    ("Напомним, ранее в интервью ТСН.ua главный врач одного из диагностических центров рассказал об этом.",
     "ТСН"),
    ("Русская служба Би-би-си сделала подборку основных фактов о том, что такое вакцина.", "Би-би-си"),
    # A relayed outlet is the source of a report, never the page's outlet.
    ("Об этом пишет The Guardian со ссылкой на источники в правительстве страны.", None),
    ("Как сообщает портал Press.lv, вакцинация в Европейском союзе может начаться в апреле.", None),
])
def test_outlet_spoken_to_or_telling_its_own_piece(sentence, outlet):
    doc = build_document(text_document("page.txt", page(*ARTICLE[:2], sentence, *ARTICLE[2:])))
    assert doc.outlet == outlet


@pytest.mark.parametrize("line, outlet", [
    # Sites inside longer hosts and lists of several sites are links, not the page's own site.
    ("Тел - (499) 732-29-43 Сайт - www.obraz-zdorovja.ru - http://www.gooddoktors.ru/ - http://centrzdorovia.ru",
     None),
    ("Главный редактор: Гаврилова А.В. Адрес электронной почты Редакции: internet-group@rian.ru", "РИА Новости"),
    ("Использование любых материалов, размещённых на сайте, разрешается при условии ссылки на Корреспондент.net.",
     "Корреспондент.net"),
    ("Читайте новости мира и переводы зарубежной прессы на канале УНИАН ИноСМИ", "УНИАН"),
    ("Источник: РИА Новости", "РИА Новости"),
])
def test_outlet_from_the_sites_own_furniture(line, outlet):
    doc = build_document(text_document("page.txt", page(*ARTICLE, line)))
    assert doc.outlet == outlet


def test_masthead_named_in_a_readers_comment_is_not_the_outlet():
    comments = ["Иван Петров", "12 января 2021, 10:15",
                "Читал об этом еще вчера, газета «Ведомости» писала то же самое!!!",
                "Ольга", "12 января 2021, 11:02", "Спасибо за статью"]
    doc = build_document(text_document("page.txt", page(*ARTICLE, *comments)))
    assert doc.outlet is None


def test_a_datelines_day_and_month_without_a_year_date_nothing():
    lead = ("МОСКВА, 12 ноя — РИА Новости. Министерство здравоохранения внесло изменения в инструкцию к "
            "вакцине, теперь прививку можно делать людям старше 60 лет, сообщила пресс-служба ведомства.")
    doc = build_document(text_document("page.txt", page(ARTICLE[0], lead, *ARTICLE[2:])))
    assert doc.published is None
    assert doc.outlet == "РИА Новости"


def test_the_page_date_beside_the_first_copy_of_the_headline():
    blurb = ("Эффективность вакцины составила 92 процента, заявили в РФПИ, финансирующем разработку. "
             "Препарат находится на заключительном этапе испытаний... РИА Новости, 12.11.2020")
    menu = ["Главная", "Новости", "Наука", "Видео", "Фото"]
    text = page("Регистрация пройдена успешно! Пожалуйста, перейдите по ссылке из письма",
                ARTICLE[0], blurb, *menu, ARTICLE[0], *ARTICLE[1:])
    assert build_document(text_document("page.txt", text)).published == "2020-11-12"


def test_a_stamp_glued_to_the_photo_credit_dates_the_page():
    text = page(ARTICLE[0], "30 декабря 2020, 15:13Фото: Медиахолдинг1Mi", *ARTICLE[1:])
    doc = build_document(text_document("page.txt", text))
    assert doc.published == "2020-12-30" and "Медиахолдинг" not in doc.text


def test_a_date_inside_a_long_teaser_is_no_page_date():
    teaser = ("Первую прививку в стране сделали 5 декабря 2020 года в Москве, напомнили в ведомстве, "
              "и с тех пор вакцинацию прошли более миллиона человек в разных регионах страны, включая "
              "отдаленные районы Сибири и Дальнего Востока, где прививки доставляли вертолетами.")
    text = page("Популярное", teaser, *ARTICLE)
    assert build_document(text_document("page.txt", text)).published is None


@pytest.mark.parametrize("line, kind", [
    ("Дэвид Холлз, органист", "caption"),
    ("Владимир Путин и Виктор Медведчук (март 2020 года)", "caption"),
    ("Tom Jamieson for The New York Times", "credit"),
    ("CC0", "credit"),
    ("Стоп-кадр YouTube.", "credit"),
    ("Подкаст", "notice"),
    ("Источник: РИА Новости", "source"),
    ("30 декабря 2020, 15:13Фото: Медиахолдинг1Mi", "credit"),
    ("Последний раз редактировалось ozheredov 03.12.2020, 16:29, всего редактировалось 1 раз.", "comments"),
    ("Сейчас этот форум просматривают: нет зарегистрированных пользователей и гости: 3", "comments"),
    ("В ТЕМУ", "related"),
    ("Информационное агентство «НЕВСКИЕ НОВОСТИ» – это портал, на котором собраны все самые свежие, "
     "актуальные и важные новости Санкт-Петербурга и Ленинградской области.", "legal"),
    ("Если вы станете очевидцем чрезвычайного происшествия или чего-то необычного, вы можете делиться "
     "с нами новостями!", "notice"),
    ("Уважаемые читатели! Если у вас остаются вопросы по вакцинации от коронавируса, оставляйте их в "
     "комментариях к этой статье.", "notice"),
    ("Пожалуйста, добавьте исключение в ваш блокировщик. Инструкция для AdBlock и для AdBlock Plus.", "notice"),
    ("Больше текстов о политике и обществе — в нашем телеграм-канале «Проект». Присоединяйтесь", "subscription"),
])
def test_caption_credit_and_promo_lines_by_kind(line, kind):
    hit = match_boilerplate(line)
    assert hit is not None and hit[0] == kind


@pytest.mark.parametrize("line", [
    "Кто в Украине заинтересован в российской вакцине",  # a subheading
    "Москва, Санкт-Петербург и Казань первыми получат вакцину",
    "Врачи рекомендуют сделать прививку до конца марта (если нет противопоказаний)",
])
def test_subheadings_are_no_captions(line):
    assert match_boilerplate(line) is None


def test_the_standfirst_under_the_headline_stays():
    standfirst = "Рассказываем, как будет проходить вакцинация от коронавируса в Красноярске"
    caption = "В Красноярске скоро начнется вакцинация от коронавируса"
    text = page(ARTICLE[0], standfirst, caption, "Фото: Мария ЛЕНЦ", *ARTICLE[1:])
    doc = build_document(text_document("page.txt", text))
    assert doc.title == ARTICLE[0]
    assert standfirst in doc.text and "ЛЕНЦ" not in doc.text and caption not in doc.text


def test_a_strip_of_thumbnails_does_not_swallow_the_paragraphs_after_it():
    captions = ["Медицинский работник набирает в шприц вакцину против COVID-19 в городской поликлинике",
                "Вакцинация врачей краевой клинической больницы в Краснодаре, работающих в красной зоне",
                "Вакцина от коронавируса, разработанная научным центром вирусологии и биотехнологии"]
    strip = [captions[0], "2 из 4", captions[0], captions[1], "3 из 4", captions[1], captions[2], "4 из 4",
             captions[2], captions[0], captions[1], captions[2]]
    after = ["В международной базе данных есть информация о первой и второй фазе испытаний, которая должна "
             "была завершиться в начале октября. Участников набирали в Новосибирске.",
             "Похожий принцип применили на кафедре вирусологии университета: тоже синтетический белок, "
             "только с другим адъювантом, безопасным для человека."]
    doc = build_document(text_document("page.txt", page(*ARTICLE[:4], *strip, *after, *ARTICLE[4:])))
    for para in after + ARTICLE[1:]:
        assert para in doc.text
    assert captions[2] not in doc.text


def test_paragraphs_opening_alike_are_prose():
    opening = "Согласно обновленным данным, учитывающим более широкий статистический набор данных, "
    paras = [opening + "эффективность вакцины составила 95 процентов, сообщили в компании-разработчике.",
             opening + "в ходе клинического испытания зафиксировано 170 случаев подтвержденных диагнозов.",
             opening + "в группе возрастных участников старше 65 лет эффективность превысила 94 процента."]
    doc = build_document(text_document("page.txt", page(*ARTICLE[:3], *paras, *ARTICLE[3:])))
    for para in paras:
        assert para in doc.text


@pytest.mark.parametrize("line, informal", [
    ("Да,риск конечно имеется, как и от любых других прививок", True),
    ("Ух ты, наказание за отказ от прививки. Круто. И какое же?????", True),
    ("сторонница ЗОЖ не понимает в чем разница)))", True),
    ("Да, риск имеется, как и от любых других прививок (по данным ВОЗ).", False),
    ("Вакцина «Спутник V», по словам врачей, безопасна: ее испытали на 40 тысячах добровольцев.", False),
])
def test_readers_marks(line, informal):
    from citata.clean.block import informal as is_informal

    assert is_informal(line) is informal


def test_real_page_outlet_under_the_headline():
    doc = covid_page("coronavirus_ru_13.txt")
    assert doc.outlet == "Вести"
    assert "Ynet" not in doc.text


def test_real_page_date_beside_the_first_headline_and_outlet_from_the_dateline():
    doc = covid_page("coronavirus_ru_44.txt")
    assert doc.published == "2020-11-12" and doc.outlet == "РИА Новости"
    # Paragraphs after a strip of gallery thumbnails stay.
    assert "Похожий принцип применили на кафедре вирусологии МГУ" in doc.text


def test_real_page_legal_line_with_the_sites_name():
    doc = covid_page("coronavirus_ru_75.txt")
    assert doc.outlet == "Корреспондент.net"


def test_real_page_paragraphs_opening_alike_stay():
    doc = covid_page("coronavirus_ru_3.txt")
    assert doc.text.count("Согласно обновленным данным, учитывающим более широкий статистический набор") == 3


def test_a_site_relayed_at_a_sentences_end_is_no_photo_credit():
    prose = ("Но может возникнуть сложность с формированием иммунитета уже после вакцинации, "
             "предупредил врач. Поэтому вакцина может быть не так эффективна, пишет News.ru.")
    assert match_boilerplate(prose) is None
    assert match_boilerplate("Актриса оказалась в центре скандала. 1zoom.ru")[0] == "caption"
    # An agency that is also a photo credit, named by the verb that relays the sentence.
    relayed = ("Президент Франции Эммануэль Макрон заявил, что Париж готов к переговорам с Москвой "
               "без предварительных условий, передает РИА Новости.")
    assert match_boilerplate(relayed) is None
    assert match_boilerplate("В Германии — 166 тыс. доз, сообщает Bloomberg.") is None
    assert match_boilerplate("Премьер-министр Италии Джорджа Мелони. РИА Новости")[0] == "caption"


def test_words_said_to_an_agency_at_a_lines_end_are_no_photo_credit():
    """Wire style: the agency a statement was made to closes the line ("— сказал … ТАСС"). The line
    reports past words, a caption does not: the quotation must survive cleaning."""
    said = "«Вакцинация идет по плану», — сказал глава Минздрава Михаил Мурашко ТАСС."
    assert match_boilerplate(said) is None
    assert match_boilerplate("Об этом он рассказал в интервью РИА Новости.") is None
    assert match_boilerplate("Глава Минздрава Михаил Мурашко во время совещания ТАСС")[0] == "caption"
    assert match_boilerplate("Песков отвечает на вопросы журналистов. РИА Новости")[0] == "caption"
