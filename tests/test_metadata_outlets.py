"""The outlet a whole page names for itself, by kind of signal, and the traps beside each
kind: other outlets the legal lines, the relays and the article's people name.

Pages are written for the test in the shape of the covid-19 BSNLP dumps (a header whose URL
is a placeholder, then the page's visible lines), with furniture lines of the kinds news
sites show."""
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from citata.clean import clean
from citata.metadata import (known_outlet, name_spells_host, nominative, outlet_from_url, site_names,
                             site_tail, translit)
from citata.source import text_document
from helpers import page_document, page_text
from conftest import COVID_PAGE_HEADER as HEADER

DATA = Path(__file__).resolve().parent.parent / "citata" / "data"
CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"

HEADLINE = "Минздрав разрешил делать прививку от коронавируса людям старше 60 лет"
ARTICLE = [
    "Министерство здравоохранения внесло изменения в инструкцию к вакцине «Спутник V»: теперь "
    "прививку можно делать людям старше 60 лет, сообщила пресс-служба ведомства.",
    "Как отметили в министерстве, решение принято по итогам клинических исследований, в которых "
    "участвовали более ста добровольцев старшего возраста. Серьезных побочных эффектов у них не выявили.",
    "Записаться на прививку пожилые люди смогут в поликлинике по месту жительства или через портал "
    "госуслуг. Врачи советуют перед вакцинацией измерить давление и сообщить медику о хронических болезнях.",
]


def page_doc(*lines: str, headline: str = HEADLINE):
    return page_document(page_text(headline, *lines))


def with_footer(line: str):
    return page_doc(*ARTICLE, line)


def with_sentence(sentence: str):
    return page_doc(ARTICLE[0], sentence, *ARTICLE[1:])


@pytest.mark.parametrize("line, outlet", [
    # the company's legal form and kind go; the name stays
    ("© AO Телекомпания НТВ, 1993-2021. Все права защищены.", "НТВ"),
    ("© АО «Издательский дом «Комсомольская правда»». Все права защищены.", "Комсомольская правда"),
    ("© ООО «Газета.Ру», 2021", "Газета.Ру"),
    ("© 2020 ИА REGNUM", "ИА REGNUM"),
    # the name before the years or the sign
    ("ФОКУС, 2008 – 2021. Все права на материалы, опубликованные на данном ресурсе, принадлежат "
     "ООО «ФОКУС МЕДИА».", "ФОКУС"),
    ("РБК © 2021", "РБК"),
    # the link the site asks for, in the accusative or not
    ("При цитировании информации гиперссылка на ИА REGNUM обязательна.", "ИА REGNUM"),
    ("При использовании материалов ссылка на «Комсомольскую правду» обязательна.", "Комсомольская правда"),
    ("Использование любых материалов, размещённых на сайте, разрешается при условии ссылки на "
     "Корреспондент.net.", "Корреспондент.net"),
    ("При полном или частичном использовании материалов гиперссылка на Газету.Ru обязательна.", "Газета.Ru"),
    # "со ссылкой на X" asks for the site's own link where nothing is forbidden
    ("Перепечатка материалов допускается только со ссылкой на РИА Новости.", "РИА Новости"),
    ("Любое использование материалов сайта допускается только со ссылкой на nevnov.ru.", "Невские новости"),
    # a masthead without quotation marks
    ("Сетевое издание Газета.Ru зарегистрировано в Федеральной службе по надзору в сфере связи.", "Газета.Ru"),
    # the site's channel promo
    ("Следите за новостями РБК в Telegram", "РБК"),
    # the site's name alone on a line (a logo's text)
    ("Лента.ру", "Лента.ру"),
])
def test_outlet_from_legal_and_furniture_shapes(line, outlet):
    assert with_footer(line).outlet == outlet


@pytest.mark.parametrize("line", [
    # the words of the legal sentence are no name
    "© Использование материалов, опубликованных на сайте, допускается только с письменного разрешения.",
    "Copyright © 2021",
    # an agency whose items the site may not pass on is another outlet
    "Все материалы, которые размещены на этом сайте со ссылкой на агентство «Интерфакс-Украина», не "
    "подлежат дальнейшему воспроизведению и распространению в любой форме.",
    "Любое копирование, публикация, републикация и другое распространение информации, которое содержит "
    "ссылку на «Интерфакс-Украина», строго воспрещается.",
    # no name at all
    "При использовании материалов ссылка на источник обязательна.",
])
def test_legal_lines_naming_no_outlet_of_the_page(line):
    assert with_footer(line).outlet is None


@pytest.mark.parametrize("sentence, outlet", [
    ("— Прививку можно делать и после перенесенной болезни, — рассказал «Известиям» главный врач.", "Известия"),
    ("Об этом в беседе с «Известиями» сообщил главный внештатный эпидемиолог.", "Известия"),
    ("Как стало известно «Известиям», поставки вакцины в регионы начнутся на следующей неделе.", "Известия"),
    ("Вакцину получат все регионы до конца месяца, сообщил Интерфаксу заместитель министра.", "Интерфакс"),
    ("Прививку сделали уже сто тысяч человек, рассказал корреспонденту «Коммерсанта» депутат.", "Коммерсантъ"),
    ("«Известия» разобрались, кому прививка противопоказана и почему.", "Известия"),
    ("Поставки начнутся в феврале, сообщила «Российской газете» пресс-служба ведомства.", "Российская газета"),
])
def test_outlet_told_in_any_case(sentence, outlet):
    assert with_sentence(sentence).outlet == outlet


@pytest.mark.parametrize("sentence", [
    # relays: the outlet reporting is another's
    "Как сообщает портал Press.lv, вакцинация в Евросоюзе может начаться в апреле следующего года.",
    "Поставки начнутся в апреле, сообщило РИА Новости со ссылкой на источник в министерстве.",
    # the subject of a singular verb, not the outlet spoken to
    "Об эффективности своей вакцины на этой неделе рассказала «Модерна», американская компания.",
    "Прививку сделали уже сто тысяч человек, сказал Иванов на пресс-конференции.",
    # a name after a media noun is another outlet's interview
    "Министр допустил обязательную вакцинацию, заявил он ранее в интервью телеканалу Sky News.",
])
def test_names_in_the_text_that_are_not_the_page_outlet(sentence):
    assert with_sentence(sentence).outlet is None


def test_the_titles_site_tail_that_the_footer_repeats():
    doc = page_doc(*ARTICLE, "© 2021 Вести Края. Все права защищены.", headline=HEADLINE + " | Вести Края")
    assert doc.title == HEADLINE
    assert doc.outlet == "Вести Края"


def test_a_rubric_tail_the_page_does_not_repeat_stays_in_the_headline():
    title = "Вакцинация пожилых: что изменится после решения Минздрава - Главное"
    assert page_doc(*ARTICLE, headline=title).title == title


def test_site_tail_needs_the_tail_in_furniture():
    text = HEADER + "\n\n".join([HEADLINE + " | Вести Края", *ARTICLE, "© 2021 Вести Края. Все права защищены."])
    cleaned = clean(text_document("page.txt", text))
    assert site_tail(HEADLINE + " | Вести Края", cleaned.lines, text) == (HEADLINE, "Вести Края")
    assert site_tail(HEADLINE + " | Другой сайт", cleaned.lines, text) is None


@pytest.mark.parametrize("name, case, strict, nominal", [
    ("Известиям", "datv", False, "Известия"),
    ("Газете.Ru", "datv", False, "Газета.Ru"),
    ("Российской газете", "datv", False, "Российская газета"),
    ("Эху Москвы", "datv", False, "Эхо Москвы"),
    ("Известиями", "ablt", True, "Известия"),
    ("Модерна", "datv", True, None),  # no dative form: the name is the verb's subject
    ("ТАСС", "datv", True, None),  # indeclinable: "сообщил ТАСС" may be ТАСС reporting
])
def test_nominative(name, case, strict, nominal):
    assert nominative(name, case, strict) == nominal


@pytest.mark.parametrize("name, host, spells", [
    ("REGNUM", "regnum.ru", True),
    ("Коммерсантъ", "kommersant.ru", True),
    ("Интерфакс", "interfax.ru", True),
    ("Лента.ру", "lenta.ru", True),
    ("Росбалт", "www.rosbalt.ru", True),
    ("Вести", "vesti-ukr.com", False),
    ("РИА", "ria.ru", False),  # a label of four letters at least
])
def test_name_spells_host(name, host, spells):
    assert name_spells_host(name, host) is spells


def test_translit_folds_spellings():
    assert translit("Интерфакс") == translit("interfax")
    assert translit("Эхо") == translit("echo")


def test_known_outlets_are_found_in_either_spelling():
    assert known_outlet("Коммерсант") == "Коммерсантъ"
    assert known_outlet("МИР 24") == "МИР 24" and known_outlet("Мир 24") == "МИР 24"
    assert known_outlet("Новости") is None  # a common word is no outlet
    for name in set(site_names().values()):
        assert known_outlet(name) is not None, name
        assert known_outlet(name.replace("ё", "е")) is not None, name


def _rows(name: str) -> list[list[str]]:
    return [s.split("\t") for s in (DATA / name).read_text(encoding="utf-8").splitlines()
            if s and not s.startswith("#")]


def test_site_tables_add_hosts_outlets_tsv_lacks():
    hand = {r[0] for r in _rows("outlets.tsv")}
    for name in ("outlet_sites.tsv", "outlet_names.tsv"):
        for row in _rows(name):
            assert len(row) >= 2 and row[0] == row[0].lower() and row[0] not in hand, row
    assert outlet_from_url("https://www.fedpress.ru/news/1") == "ФедералПресс"


@pytest.mark.skipif(not (CORPORA / "bsnlp-ru").is_dir(), reason="../shared/corpora/bsnlp-ru is absent")
def test_every_mined_name_stands_on_a_page_of_its_host():
    """Each mined name spells its host or closes a headline of the host's pages."""
    pages: dict[str, list[str]] = {}
    for path in (CORPORA / "bsnlp-ru").glob("*/raw/*"):
        if path.parts[-3] == "covid-19":
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        if len(lines) > 4 and "://" in lines[3]:
            host = (urlsplit(lines[3].strip()).hostname or "").lower().removeprefix("www.")
            pages.setdefault(host, []).append("\n".join(lines[4:]))
    for host, name, *_ in _rows("outlet_names.tsv"):
        assert any(name in text for text in pages.get(host, [])), (host, name)
        assert name_spells_host(name, host) or any(
            text.split("\n", 1)[0].rstrip().endswith(" " + name) for text in pages[host]), (host, name)


@pytest.mark.parametrize("opening, outlet", [
    # the agency's signature after a place, a day or a time, in the shapes agencies use
    ("МАДРИД, 18 июл ПРАЙМ. ", "ПРАЙМ"),
    ("БРЮССЕЛЬ, 26 cен ПРАЙМ. ", "ПРАЙМ"),  # (a Latin "c" in the month's word)
    ("КИЕВ. 9 июля. УНН. ", "УНН"),
    ("БРЮССЕЛЬ. КАЗИНФОРМ - ", "Казинформ"),
    ("МОСКВА, 8 ноября, ФедералПресс. ", "ФедералПресс"),
    (", 11:10 REGNUM ", "REGNUM"),  # (a page that lost its day)
    ("Санкт-Петербург, 5 января 2021, 10:26 — REGNUM ", "REGNUM"),
    # or the agency first, a day or a dash after it
    ("ТАСС, 24 ноября. ", "ТАСС"),
    ("PanARMENIAN.Net - ", "PanARMENIAN"),
    # no agency: the text's subject after a day or a time, a live blog's entry
    ("МОСКВА, 9 июля. Глава МИД ", None),
    ("ВАШИНГТОН, 5 мая. США ", None),
    ("10:15 США ", None),
    ("Москва. Власти ", None),
])
def test_the_agency_signing_the_article_opening(opening, outlet):
    first = opening + ARTICLE[0]
    assert page_doc(first, *ARTICLE[1:]).outlet == outlet


@pytest.mark.parametrize("headline, outlet", [
    # a known name after the title's last separator, in any case, with its site's ".Ru" or not
    (HEADLINE + " | Политика | Аргументы и Факты", "Аргументы и факты"),
    (HEADLINE + " // НТВ.Ru", "НТВ"),
    (HEADLINE + " - dv.ee", "dv.ee"),
])
def test_the_site_named_after_the_titles_last_separator(headline, outlet):
    assert page_doc(*ARTICLE, headline=headline).outlet == outlet


@pytest.mark.parametrize("line, outlet", [
    # a promo naming one known outlet is the site's own
    ("Подпишитесь на журнал НВ по специальной цене. До конца месяца дешевле на 100 грн.", "НВ"),
    ("Больше текстов о политике и обществе — в нашем телеграм-канале «Проект \"Сноб” — Общество». "
     "Присоединяйтесь", "Сноб"),
    # the platforms it names are not outlets
    ("Подписывайтесь на наш канал в Telegram и Яндекс.Дзен", None),
])
def test_a_promo_names_the_sites_own_outlet(line, outlet):
    assert with_footer(line).outlet == outlet


@pytest.mark.parametrize("sentence, outlet", [
    # a site pointing to its own earlier reports, where nothing else names it
    ("Как уже сообщали ФАКТЫ, прививку в стране сделали уже двести тысяч человек.", "ФАКТЫ"),
    ("Как сообщал УНН, первую партию вакцины доставили в страну в конце февраля.", "УНН"),
    # a person who told something earlier is no outlet
    ("Как ранее рассказывал Иванов, первую партию вакцины доставили в страну в конце февраля.", None),
])
def test_the_site_pointing_to_its_own_earlier_report(sentence, outlet):
    assert with_sentence(sentence).outlet == outlet


@pytest.mark.parametrize("sentence, outlet", [
    # the outlet told, standing before the speech verb
    ("Об этом «Известиям» сообщили в пресс-службе министерства.", "Известия"),
    ("Об этом NEWS.ru рассказал врач-инфекционист Евгений Тимаков.", "NEWS.ru"),  # (the outlet table knows the site)
    ("Об этом «Доктору Питеру» рассказал главный врач больницы.", "Доктор Питер"),
    # the speaker in the nominative is no outlet, nor a relay after the verb
    ("Об этом Роспотребнадзор сообщил в своем телеграм-канале.", None),
    ("Об этом Попова сообщила журналистам в среду.", None),
])
def test_the_outlet_told_before_the_verb(sentence, outlet):
    assert with_sentence(sentence).outlet == outlet
