"""Date shapes a whole page's header or byline takes that earlier rules did not read (issue 15,
tenth session): English month names on Russian sites' templates, the Ukrainian months of
Russian-language sites in Ukraine, a two-digit year with "г.", a time glued to the
year by the scraper; each beside a shape that must date nothing. On whole pages written for the test
(tests/test_outlet_table.py builds them), the stamp under the headline dates the page, and a
relative stamp without the day the page shows as today dates nothing."""
import pytest

from citata.metadata import find_date

from test_outlet_table import HEADLINE, doc_of, whole_page


@pytest.mark.parametrize("s, iso", [
    ("December 30, 2020", "2020-12-30"),
    ("30 December 2020", "2020-12-30"),
    ("30 December, 2020", "2020-12-30"),
    ("Dec 30, 2020, 3:13 PM", "2020-12-30"),
    ("Dec 30th, 2020", "2020-12-30"),
    ("Thu, 30 Dec 2020 15:13:00 GMT", "2020-12-30"),
    ("Wednesday, December 30, 2020", "2020-12-30"),
    ("Sept 3, 2020", "2020-09-03"),
    ("30 грудня 2020", "2020-12-30"),
    ("1 січня 2021, 10:21", "2021-01-01"),
    ("14 листопада 2020", "2020-11-14"),
    ("Опубліковано: 5 квітня 2021", "2021-04-05"),
    ("30 дек. 20 г.", "2020-12-30"),
    ("14.01.202110:21", "2021-01-14"),  # (spans a scraper joined: the date, then the time)
    ("30 декабря 202015:13", "2020-12-30"),
    # forms read before, beside the new ones
    ("Пятница, 30 декабря 2020", "2020-12-30"),
    ("30.12.2020 г.", "2020-12-30"),
    ("Опубликовано 30.12.2020 в 15:13", "2020-12-30"),
    ("2020-12-30T15:13:00+03:00", "2020-12-30"),
    ("Общество30 декабря 2020", "2020-12-30"),
    # no date: a word that only opens like a month, no year, a two-digit year with nothing to say it is one
    ("Mayor 30, 2020", None),
    ("Marketing 12 2020", None),
    ("30 December", None),
    ("30 дек. 20", None),
    ("15:13 30.12.20", None),  # (after its time a two-digit year stays none: tests/test_outlet_table.py)
    ("Сегодня, 15:13", None),
    ("30 грудня", None),
])
def test_more_date_forms(s, iso):
    hit = find_date(s)
    assert (hit[1] if hit else None) == iso


@pytest.mark.parametrize("stamp, iso", [
    ("December 30, 2020 15:13", "2020-12-30"),
    ("30 грудня 2020, 15:13", "2020-12-30"),
    ("Пятница, 30 декабря 2020 г.", "2020-12-30"),
    ("Опубликовано: 30 декабря 2020", "2020-12-30"),
    ("Вчера, 15:13", None),  # (the page shows no day as today: a date guessed from the reading day is invented)
])
def test_the_stamp_under_the_headline_dates_the_page(stamp, iso):
    doc = doc_of(whole_page(["Все права защищены."], stamp=stamp))
    assert doc.title == HEADLINE
    assert doc.published == iso


def test_a_teasers_english_date_does_not_date_the_page():
    page = whole_page(["Все права защищены."], stamp=None).replace("12 января 2021", "January 12, 2021")
    assert doc_of(page).published is None


def test_a_page_saved_as_one_line_is_dated_by_the_stamp_after_its_headline():
    from citata.source import text_document
    from citata.pipeline import build_document

    header = "ru-1\nru\n2018-11-04\nhttp://www.fromtheweb.eu\n"
    lead = ("Верховный суд отменил приговор, вынесенный восемь лет назад. Правозащитники критикуют соглашение "
            "правительства с протестующими. Адвокат женщины покинул страну, опасаясь за свою жизнь. ")
    one_line = "Оправданной христианке запрещено покидать страну 03.11.2018 " + lead * 2
    assert build_document(text_document("p.txt", header + one_line)).published == "2018-11-03"
    glued = ("Если вы нашли ошибку, выделите её мышкой и нажмите Ctrl+Enter В Пакистане отменили приговор "
             "христианке 31.10.2018 21:24 Фото: vk.me " + lead * 2)
    assert build_document(text_document("p.txt", header + glued)).published == "2018-10-31"
    # with the headline on a line of its own above the glued line, the stamp glued to its credit still dates it
    titled = "В Пакистане отменили приговор христианке\n\n" + glued
    assert build_document(text_document("p.txt", header + titled)).published == "2018-10-31"
    # a date further into the paragraph is an event's, and a date mid-sentence is followed by no capital
    event = lead + "Приговор был вынесен 08.11.2010 Верховным судом провинции. " + lead
    assert build_document(text_document("p.txt", header + event)).published is None
