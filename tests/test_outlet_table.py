"""The outlet table (citata/data/outlet_table.tsv) and the page signals that read it: whole pages
of outlets written for the test (menus, the article, comments, a related list, a legal footer),
each naming its outlet in one of the ways Russian news sites do — a founder's legal name, the
registration notice, the editors' mail, a "X в Telegram" line — and dated beside the headline
while comments and related stories carry other dates.

Pages are in the shape of the covid-19 BSNLP dumps: a header whose URL is a placeholder, then the
page's visible lines."""
import re
from pathlib import Path

import pytest

from citata.clean import AMBIGUOUS_OUTLET_NAMES, clean
from citata.lexicons import outlet_table
from citata.metadata import (canonical_outlet, find_date, known_outlet, legal_outlet, outlet_from_url,
                             relative_stamp, site_names, translit)
from citata.nlp import morph
from citata.source import text_document
from helpers import page_document as doc_of, page_text

DATA = Path(__file__).resolve().parent.parent / "citata" / "data"

MENU = ["Главная", "Новости", "Общество", "Экономика", "Происшествия", "Спорт", "Поиск"]
HEADLINE = "В области открыли запись на прививку от коронавируса для учителей"
ARTICLE = [
    "С понедельника учителя школ и преподаватели колледжей могут записаться на вакцинацию от "
    "коронавируса в поликлинике по месту жительства, сообщили в региональном министерстве здравоохранения.",
    "По данным ведомства, в первую неделю прививку получат около двух тысяч педагогов. Для записи нужно "
    "позвонить в регистратуру или оставить заявку на портале госуслуг.",
    "Как пояснили в министерстве, вакцинация добровольная и бесплатная. Перед прививкой врач осмотрит "
    "пациента и измерит ему температуру и давление.",
    "Ранее прививки начали делать медикам и сотрудникам социальных учреждений. Всего в регионе "
    "привились уже более пятнадцати тысяч человек.",
]
COMMENTS = [
    "Комментарии (3)",
    "Сначала новые",
    "Ольга Смирнова",
    "15 января 2021, 12:40",
    "А пенсионерам когда можно будет записаться? Мама уже неделю не может дозвониться.",
    "Ответить",
    "Гость",
    "16 января 2021, 09:05",
    "Учителей надо было прививать первыми, они каждый день с детьми.",
    "Ответить",
]
RELATED = [
    "Читайте также",
    "В городе закрыли на карантин еще три школы",
    "12 января 2021",
    "Власти продлили ограничения для кафе до конца февраля",
    "10 января 2021",
]


def whole_page(footer: list[str], stamp: str | None = "14 января 2021, 10:21", rubric: str = "Здоровье",
               top: list[str] = ()) -> str:
    lines = [*top, *MENU, rubric, HEADLINE]
    if stamp:
        lines.append(stamp)
    lines += [*ARTICLE, *COMMENTS, *RELATED, *footer]
    return page_text(*lines)


# ------------------------------------------------------------------ whole pages

def test_founders_legal_name_names_the_outlet():
    """A footer naming only the company that founds the outlet: the table's legal names tell
    which outlet it is (the company is not the outlet's name)."""
    doc = doc_of(whole_page([
        "Учредитель: АО «Бизнес Ньюс Медиа». Главный редактор: Иванов И. И.",
        "Свидетельство о регистрации СМИ Эл № ФС77-12345 выдано Федеральной службой по надзору в сфере "
        "связи, информационных технологий и массовых коммуникаций (Роскомнадзор).",
        "Все права защищены. Любое использование материалов допускается только с согласия редакции.",
    ]))
    assert doc.title == HEADLINE
    assert doc.outlet == "Ведомости"
    assert doc.published == "2021-01-14"  # the stamp under the headline, not a comment's or a teaser's
    assert ARTICLE[-1] in doc.text and "Мама уже неделю" not in doc.text


def test_unknown_founder_names_no_outlet():
    doc = doc_of(whole_page([
        "Учредитель: ООО «Региональная медиагруппа». Главный редактор: Иванов И. И.",
        "Все права защищены. Любое использование материалов допускается только с согласия редакции.",
    ]))
    assert doc.outlet is None


def test_registration_notice_names_the_outlet():
    doc = doc_of(whole_page([
        "СМИ «Реальное время» зарегистрировано Роскомнадзором, свидетельство Эл № ФС77-12345 от 20.03.2015.",
        "Все права защищены. Перепечатка материалов без согласия редакции запрещена.",
    ], stamp="Опубликовано: 2021-01-14T10:21"))
    assert doc.outlet == "Реальное время"
    assert doc.published == "2021-01-14"


def test_editors_mail_names_the_outlet():
    """A known site's mail gives its outlet; an unknown site's mail gives its host; a mail
    service's host (mail.ru) is nobody's site."""
    footer = ["Пишите нам: info@tayga.info, реклама: adv@tayga.info",
              "Все права защищены. Перепечатка материалов без согласия редакции запрещена."]
    assert doc_of(whole_page(footer)).outlet == "Тайга.инфо"
    footer[0] = "Пишите нам: redakcia@vestnik-rayona.ru"
    assert doc_of(whole_page(footer)).outlet == "vestnik-rayona.ru"
    footer[0] = "Пишите нам: vestnik.rayona@mail.ru"
    assert doc_of(whole_page(footer)).outlet is None
    footer[0] = "Горячая линия по вопросам вакцинации: covid@minzdrav-oblasti.ru"  # an office's, not the site's
    assert doc_of(whole_page(footer)).outlet is None


def test_channel_line_names_the_outlet():
    doc = doc_of(whole_page([
        "Канонер в Telegram",
        "Все права защищены. Перепечатка материалов без согласия редакции запрещена.",
    ], stamp="14.01.2021 10:21"))
    assert doc.outlet == "Канонер"
    assert doc.published == "2021-01-14"


@pytest.mark.parametrize("line, outlet", [
    # the years a site has run mark its own © line, not a photo's credit
    ("© Фонтанка.ру, 2000—2021", "Фонтанка.ру"),
    ("© «Новые Известия», 1997 – 2021", "Новые Известия"),
    ("2021 © Тайга.инфо", "Тайга.инфо"),
    ("© 2021 TUT.BY", "TUT.BY"),
    # the site describing itself
    ("Фонтанка.ру — городской портал Санкт-Петербурга", "Фонтанка"),
    ("«Вестник района» — районная газета, выходит с 1931 года", "Вестник района"),
    # a company's legal name after the sign
    ("© АО «Бизнес Ньюс Медиа», 2021", "Ведомости"),
])
def test_footer_lines_under_the_comments(line, outlet):
    """Footers the cleaner reads as part of the comment section above them still name the site."""
    assert doc_of(whole_page([line])).outlet == outlet


def test_own_copyright_line_beats_a_source_the_article_relays():
    page = whole_page(["© 2003–2021 Клопс. Все права защищены."], stamp="30 декабря 2020, 15:13")
    page = page.replace(ARTICLE[1], ARTICLE[1] + " Об этом сообщает ТАСС.")
    doc = doc_of(page)
    assert doc.outlet == "Клопс"
    assert doc.published == "2020-12-30"


def test_masthead_spelt_as_a_cyrillic_site():
    page = whole_page(["Все права защищены."], top=["Сибновости.ру"])
    assert doc_of(page).outlet == "Сибновости.ру"


def test_site_name_opening_the_breadcrumbs():
    page = whole_page(["Все права защищены."], rubric="Фонтанка.ру › Новости › Здоровье")
    assert doc_of(page).outlet == "Фонтанка.ру"


def test_forum_named_in_its_page_title():
    footer = ["Все права защищены."]
    assert doc_of(whole_page(footer, top=["Медицинский форум Medforum"])).outlet == "Медицинский форум Medforum"
    assert doc_of(whole_page(footer, top=["Форум «Армия-2020»"])).outlet is None  # an event


def test_site_name_in_a_footer_menu(monkeypatch):
    monkeypatch.setitem(globals(), "COMMENTS", [])  # (a page without comments: the footer follows the list)
    assert doc_of(whole_page(["О проекте | Реклама | Контакты | Фонтанка.ру"])).outlet == "Фонтанка"
    # partners' names are other outlets
    assert doc_of(whole_page(["Партнеры: РИА Новости | ТАСС | Интерфакс"])).outlet is None


def test_registration_beats_the_source_a_page_relays():
    doc = doc_of(whole_page([
        "Источник: ТАСС",
        "СМИ «Вестник района» зарегистрировано Роскомнадзором, свидетельство Эл № ФС77-12345.",
    ]))
    assert doc.outlet == "Вестник района"


def test_agency_relayed_in_the_text_alone_is_no_outlet():
    page = whole_page(["Все права защищены. Перепечатка материалов без согласия редакции запрещена."])
    page = page.replace(ARTICLE[0], ARTICLE[0] + " Об этом сообщает ТАСС со ссылкой на пресс-службу.")
    assert doc_of(page).outlet is None


def test_relative_stamp_dates_a_page_only_against_the_day_it_shows():
    footer = ["Все права защищены. Перепечатка материалов без согласия редакции запрещена."]
    # the site's header shows the day; "вчера, 15:13" is the day before
    dated = doc_of(whole_page(footer, stamp="Вчера, 15:13", top=["Сегодня: 15 января 2021"]))
    assert dated.published == "2021-01-14"
    # no day to count back from: no date (a guessed one would be invented)
    assert doc_of(whole_page(footer, stamp="Вчера, 15:13")).published is None


@pytest.mark.parametrize("stamp, above", [
    ("Иван Петров 30.12.2020 15:13", False),  # a byline with its stamp, under the headline
    ("30.12.2020 в 15:13", True),  # above the rubric and the headline
    ("30 декабря 2020 | 15:13", True),
    ("2020-12-30T15:13:00+03:00", True),
    ("Обновлено: 31 декабря 2020, 10:00 | Опубликовано: 30 декабря 2020", False),  # the publication's day
])
def test_page_stamps_beside_the_headline(stamp, above):
    """Stamps the cleaner reads as a comment's head stand above the article's first line, where
    no comment stands: they date the page; the comments' and teasers' dates below do not."""
    page = whole_page(["Все права защищены."], stamp=None)
    at = MENU[-1] if above else HEADLINE
    page = page.replace(at + "\n", at + "\n\n" + stamp + "\n", 1)
    assert doc_of(page).published == "2020-12-30"


def test_page_date_closing_the_article_or_marked_as_the_publications():
    footer = ["Все права защищены."]
    page = whole_page(footer, stamp=None)
    # no stamp of its own: the comments' and the teasers' dates date nothing
    assert doc_of(page).published is None
    closing = page.replace(ARTICLE[-1] + "\n", ARTICLE[-1] + "\n\n30.12.2020 15:13\n", 1)
    assert doc_of(closing).published == "2020-12-30"
    marked = whole_page(["Дата публикации: 30.12.2020", *footer], stamp=None)
    assert doc_of(marked).published == "2020-12-30"


@pytest.mark.parametrize("s, iso", [
    ("30 декабря 2020, 15:13", "2020-12-30"),
    ("30 дек. 2020 г. 15:13", "2020-12-30"),
    ("2020-10-04T04:48", "2020-10-04"),
    ("2020-10-04T04:48:00+03:00", "2020-10-04"),
    ("14.01.2021 10:21", "2021-01-14"),
    ("14/01/2021", "2021-01-14"),
    ("Четверг, 14 января 2021 года, 10:21", "2021-01-14"),
    ("Обновлено 14 ЯНВАРЯ 2021", "2021-01-14"),
    ("10:21 14.01.21", None),  # a two-digit year stands for a year only before its time
    ("14.01.21, 10:21", "2021-01-14"),
    ("14 января, 10:21", None),  # no year: none is invented
])
def test_date_forms(s, iso):
    hit = find_date(s)
    assert (hit[1] if hit else None) == iso


def test_relative_stamps():
    assert relative_stamp("Сегодня, 15:13", "2021-02-01") == "2021-02-01"
    assert relative_stamp("вчера в 09:40", "2021-02-01") == "2021-01-31"
    assert relative_stamp("15:13, позавчера", "2021-02-01") == "2021-01-30"
    assert relative_stamp("Вчера, 15:13", None) is None
    assert relative_stamp("Сегодня в Москве ожидается снег", "2021-02-01") is None


# ------------------------------------------------------------------ the table

def _rows():
    return outlet_table()


def _hand(name: str) -> dict[str, str]:
    out = {}
    for s in (DATA / name).read_text(encoding="utf-8").splitlines():
        if s and not s.startswith("#"):
            host, outlet = s.split("\t")[:2]
            out[host.lower()] = outlet
    return out


def test_table_rows_are_whole():
    hosts = [h for _, _, hs, _ in _rows() for h in hs]
    assert len(_rows()) >= 250
    assert len(hosts) == len(set(hosts)), "a host belongs to one outlet"
    for name, others, hs, legal in _rows():
        assert name and hs, name
        assert all(h == h.lower() and re.fullmatch(r"[a-z0-9][a-z0-9.\-]*\.[a-z]{2,6}", h) for h in hs), name
        assert name not in others, name


def test_table_agrees_with_the_host_tables():
    """Where outlets.tsv or outlet_sites.tsv name a host, the table gives it the same name."""
    hand = {**_hand("outlet_sites.tsv"), **_hand("outlets.tsv")}
    for name, _, hosts, _ in _rows():
        for h in hosts:
            if h in hand:
                assert hand[h] == name, (h, hand[h], name)
            assert outlet_from_url(f"https://{h}/news/1") == (hand.get(h) or name)


def test_no_two_outlets_share_a_spelling():
    """Names fold to one Latin spelling for lookup; two outlets folding alike would swap."""
    owner: dict[str, str] = {}
    for name, others, _, _ in _rows():
        for n in (name, *others):
            assert owner.setdefault(translit(n), name) == name, (n, owner[translit(n)], name)


def test_names_are_spelt_with_yo_as_the_dictionary_spells_them():
    analyser = morph()
    for name, others, _, _ in _rows():
        for n in (name, *others):
            for w in re.findall(r"[а-яё]+", n.lower()):
                known = next((p for p in analyser.parse(w) if p.is_known), None)
                if known is not None and "ё" in known.word and "ё" not in w:
                    raise AssertionError(f"{n!r}: {w} is spelt {known.word}")


def test_every_name_is_known_and_leads_to_its_outlet():
    for name, others, hosts, _ in _rows():
        for n in (name, *others):
            if n in AMBIGUOUS_OUTLET_NAMES:  # ("Сегодня", "Life": words first, names only by their site)
                assert known_outlet(n) is None and canonical_outlet(n) is None
                continue
            assert known_outlet(n) is not None, n
            assert canonical_outlet(n) == name, n
        for h in hosts:
            assert canonical_outlet(h) == (site_names().get(h) or outlet_from_url(f"https://{h}/x"))
    assert canonical_outlet("Комсомолка") == "Комсомольская правда"
    assert canonical_outlet("kp.ru") == "Комсомольская правда"
    assert canonical_outlet("Коммерсант") == "Коммерсантъ"
    assert canonical_outlet("Новости") is None  # a common word
    assert canonical_outlet("CNN") is None  # known as written: not ТСН folded


def test_legal_names():
    assert legal_outlet("АО «Бизнес Ньюс Медиа»") == "Ведомости"
    assert legal_outlet("АНО «ТВ-Новости»") == "RT"
    assert legal_outlet("АО «Издательский дом «Комсомольская правда»»") == "Комсомольская правда"
    # shared by several outlets (РИА Новости, Sputnik, ИноСМИ…): names none
    assert legal_outlet("ФГУП МИА «Россия сегодня»") is None
    assert legal_outlet("ООО «Ромашка»") is None


def test_common_words_are_no_outlet_names():
    for word in ("Накануне", "Детали", "Профиль", "Эксперт", "Страна", "Корреспондент", "Первый"):
        assert known_outlet(word) is None, word


def test_cleaning_marks_the_footer_the_signals_read():
    """The lines the new signals read are the page's furniture, not its article."""
    raw = text_document("page.txt", whole_page(["Учредитель: АО «Бизнес Ньюс Медиа»."]))
    labels = {ln.text.strip(): ln.label for ln in clean(raw).lines}
    assert labels["Учредитель: АО «Бизнес Ньюс Медиа»."] == "boilerplate"
