"""A page's stamp in the forms `eval/page_stamps.py --perturb` found unread (issue 15, twenty-fourth session):
a time glued before the date by the scraper ("14:4830 декабря 2020"), a relative stamp in lower case or
with "в" ("вчера в 15:13", "Опубликовано: вчера в 15:10"), dated against the day the page shows as today;
and that day itself, "Сегодня: 31 декабря 2020" in the header, which is when the page was saved, never
the article's date: alone it dates nothing. The pages are written for the tests."""
import pytest

from helpers import ARTICLE_BODY as BODY, ARTICLE_TITLE as TITLE, page_document, page_text



def published(above: list[str], stamp: list[str]) -> str | None:
    return page_document(page_text(*above, TITLE, *stamp, *BODY)).published


@pytest.mark.parametrize("stamp", ["14:4830 декабря 2020", "15:1330.12.2020", "Опубликовано: 15:1330 декабря 2020"])
def test_a_time_glued_before_the_date(stamp):
    assert published([], [stamp]) == "2020-12-30"


@pytest.mark.parametrize("stamp", ["вчера в 15:13", "Вчера в 15:13", "Опубликовано: вчера в 15:10", "15:13, вчера"])
def test_a_relative_stamp_against_the_day_the_page_shows_as_today(stamp):
    assert published(["Сегодня: 31 декабря 2020"], [stamp]) == "2020-12-30"
    assert published(["Сегодня: четверг, 31 декабря 2020"], [stamp]) == "2020-12-30"


@pytest.mark.parametrize("stamp", ["вчера в 15:13", "Опубликовано: вчера в 15:10"])
def test_a_relative_stamp_without_today_dates_nothing(stamp):
    assert published([], [stamp]) is None


@pytest.mark.parametrize("above", [["Сегодня: 31 декабря 2020"], ["Сегодня: четверг, 31 декабря 2020"],
                                   ["Сегодня 31.12.2020"]])
def test_the_day_the_page_shows_as_today_is_no_stamp(above):
    assert published(above, []) is None


def test_a_stamp_of_today_with_its_time_is_the_articles():
    assert published([], ["Сегодня, 15:13"]) is None  # (relative: no day shown, none guessed)
    assert published(["Сегодня: 31 декабря 2020"], ["Сегодня, 15:13"]) == "2020-12-31"
