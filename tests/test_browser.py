"""The web UI in a real browser: Debian's headless chromium, driven by selenium, against
`citata serve`'s application running under uvicorn over a real archive (see test_web.build_archive).
Screenshots of every page visited go to $CITATA_ARTIFACTS, else test-artifacts/browser/."""
import base64
import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn

from citata.web import create_app
from conftest import ROOT
from test_web import build_archive

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)")

ARTIFACTS = Path(os.environ.get("CITATA_ARTIFACTS") or ROOT / "test-artifacts" / "browser")


@contextmanager
def serving(app):
    """`app` under uvicorn on a free local port, in a thread of this process; yields its address."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()


@contextmanager
def chromium(profile: Path, lang: str = "ru"):
    """Headless Debian chromium under selenium, with a throwaway profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # No network here: background services would only flood the log with refused connections.
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", f"--lang={lang}", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    # The driver named outright: selenium-manager must not try to download one.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(5)
    try:
        yield driver
    finally:
        driver.quit()


def screenshot(driver, path: Path, max_height: int = 4000) -> None:
    """The whole page from its top (up to `max_height` pixels), not only what the window shows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], max_height), "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(create_app(build_archive(tmp_path_factory.mktemp("browser")))) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium")) as driver:
        yield driver


def css(driver, selector):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def assert_inert(driver):
    from selenium.common.exceptions import NoAlertPresentException

    assert driver.execute_script("return window.__pwned === undefined")
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text


def test_search_lavrov_timeline_and_an_article(server, browser):
    browser.get(server + "/")
    box = css(browser, "input#q")[0]
    box.send_keys("безопасность")
    box.submit()
    cards = css(browser, "article.quote-card")
    assert cards and browser.current_url.startswith(server + "/?")
    hits = {m.text.lower() for m in css(browser, "article.quote-card mark.hit")}
    assert hits and all(h.startswith("безопасност") for h in hits)
    assert css(browser, "h1")[0].text.startswith("Найдено: ")
    screenshot(browser, ARTIFACTS / "search.png")

    # Лавров's page from a card: the timeline is drawn, two months with bars of real size.
    next(a for a in css(browser, "article.quote-card a.speaker") if a.text == "Сергей Лавров").click()
    assert css(browser, "h1")[0].text == "Сергей Лавров"
    bars = css(browser, "svg#timeline rect.bar")
    assert [b.get_attribute("data-month") for b in bars] == ["2022-02", "2023-02"]
    for bar in bars:
        assert bar.size["width"] > 0 and bar.size["height"] > 20
    chart = css(browser, "svg#timeline")[0]
    assert chart.size["width"] > 400 and chart.is_displayed()
    screenshot(browser, ARTIFACTS / "speaker.png")

    # An article from one of his quotations: every quotation highlighted, the speaker linked.
    css(browser, "article.quote-card a.context")[0].click()
    quote_id = browser.current_url.rsplit("#q", 1)[1]
    marks = css(browser, "#article-text mark.quote")
    assert len({m.get_attribute("data-quote") for m in marks}) == 10
    for m in marks:
        assert m.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert css(browser, f"#q{quote_id}")[0].is_displayed()
    assert any(a.text for a in css(browser, "#article-text a.speaker-link"))
    removed = css(browser, "details#removed")[0]
    assert removed.get_attribute("open") is None
    screenshot(browser, ARTIFACTS / "article.png")
    css(browser, "details#removed summary")[0].click()
    assert removed.get_attribute("open") is not None and css(browser, ".removed-list li")[0].is_displayed()


def test_quotation_page_shows_every_appearance(server, browser):
    browser.get(server + "/?q=" + "февраль")
    card = next(c for c in css(browser, "article.quote-card") if "в 2 статьях" in c.text)
    card.find_element("css selector", "a.permalink").click()
    occurrences = css(browser, "li.occurrence")
    assert [o.find_element("css selector", ".outlet").text for o in occurrences] == ["Другой вестник", "Третий вестник"]
    assert "впервые" in occurrences[0].text.lower()
    assert all(o.find_elements("css selector", ".paragraph mark.quote") for o in occurrences)
    screenshot(browser, ARTIFACTS / "quotation.png")


def test_outlets_page(server, browser):
    browser.get(server + "/outlets")
    rows = css(browser, "table.outlets tbody tr")
    assert len(rows) == 5 and any("Sputnik Молдова" in r.text for r in rows)
    screenshot(browser, ARTIFACTS / "outlets.png")


def test_script_in_a_quotation_stays_inert(server, browser):
    browser.get(server + "/?q=переговоры")
    assert_inert(browser)
    card = next(c for c in css(browser, "article.quote-card") if "<img src=x" in c.text)
    assert "onerror=\"window.__pwned='quote'\"" in card.text  # shown as the text it is
    card.find_element("css selector", "a.context").click()
    assert_inert(browser)
    assert "<script>window.__pwned = 'title'</script>" in css(browser, "h1")[0].text
    assert not css(browser, "#article-text script, #article-text img, a[href^='javascript:']")
    card_url = browser.current_url
    browser.get(card_url.split("#")[0].replace("/articles/", "/api/articles/"))  # the JSON too, as text
    assert_inert(browser)
    screenshot(browser, ARTIFACTS / "hostile-article-json.png")


def test_english_interface(server, browser):
    browser.get(server + "/")
    next(a for a in css(browser, ".langs a") if a.text == "EN").click()
    assert css(browser, ".site-nav a")[0].text == "Quotations"
    css(browser, ".site-nav a[href^='/speakers']")[0].click()
    assert "lang=en" in browser.current_url and css(browser, "h1")[0].text == "Speakers"
    css(browser, "table.data tbody a")[0].click()
    assert css(browser, "section.panel h2")[0].text == "Quotations per month"
    screenshot(browser, ARTIFACTS / "speaker-en.png")
    next(a for a in css(browser, ".langs a") if a.text == "RU").click()
    assert css(browser, ".site-nav a")[0].text == "Цитаты"



def follow(driver, element, submit=False):
    """Click `element` (or submit its form) and wait until the next page has replaced this one:
    a form's submit returns before the browser navigates, and the old page's elements would still answer."""
    from selenium.webdriver.support.wait import WebDriverWait

    page = css(driver, "html")[0]
    if submit:
        element.submit()
    else:
        element.click()
    WebDriverWait(driver, 20).until(lambda _: _replaced(page))


def _replaced(element) -> bool:
    """Has the page holding `element` gone? Asked while the browser swaps documents, chromium
    answers either "stale element" or, in the middle of the swap, "Node with given id does not
    belong to the document" (an unknown error to selenium): both say the old page is gone."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as e:
        if "does not belong to the document" in str(e):
            return True
        raise
    return False


def api(server, path, **params):
    import json
    from urllib.parse import urlencode
    from urllib.request import urlopen

    with urlopen(f"{server}{path}?{urlencode(params, doseq=True)}") as r:
        return json.load(r)


def test_a_facet_narrows_the_list(server, browser):
    browser.get(server + "/?q=переговоры")
    found = int(css(browser, "h1")[0].text.split(": ")[1].split()[0])
    facet = next(li for li in css(browser, "section.facet[data-facet='outlet'] li") if "Другой вестник" in li.text)
    count = int(facet.find_element("css selector", ".count").text)
    assert 0 < count < found
    types = {li.find_element("css selector", ".facet-value").text: int(li.find_element("css selector", ".count").text)
             for li in css(browser, "section.facet[data-facet='type'] li")}
    screenshot(browser, ARTIFACTS / "facets.png")
    follow(browser, facet.find_element("css selector", "a.facet-value"))
    cards = css(browser, "article.quote-card")
    assert len(cards) == count
    assert all("Другой вестник" in c.find_element("css selector", ".outlet").text for c in cards)
    assert "Другой вестник" in css(browser, "p.chosen-outlet")[0].text
    assert css(browser, "input#q")[0].get_attribute("value") == "переговоры"  # the search stays
    # A second facet narrows further, and is then shown as chosen; the outlet's chip clears the first.
    (value,) = css(browser, "section.facet[data-facet='type'] li")
    label = value.find_element("css selector", ".facet-value").text
    follow(browser, value.find_element("css selector", "a.facet-value"))
    (value,) = css(browser, "section.facet[data-facet='type'] li")
    assert value.get_attribute("class") == "active" and not value.find_elements("css selector", "a")
    follow(browser, css(browser, "p.chosen-outlet a.clear")[0])
    assert int(css(browser, "h1")[0].text.split(": ")[1].split()[0]) == types[label]
    assert "Другой вестник" in css(browser, "section.facet[data-facet='outlet']")[0].text


def test_sort_links_reorder_the_list(server, browser):
    browser.get(server + "/")
    follow(browser, next(a for a in css(browser, "nav.sorts a") if a.get_attribute("data-sort") == "reprinted"))
    first = css(browser, "article.quote-card")[0]
    assert "в 2 статьях" in first.text
    assert css(browser, "nav.sorts .sort-current")[0].get_attribute("data-sort") == "reprinted"
    follow(browser, next(a for a in css(browser, "nav.sorts a") if a.get_attribute("data-sort") == "oldest"))
    dates = [t.get_attribute("datetime") for t in css(browser, "article.quote-card time")]
    assert dates == sorted(dates) and "sort=oldest" in css(browser, "nav.pager a[rel='next']")[0].get_attribute("href")


def test_attention_chart_and_its_top_lists(server, browser):
    browser.get(server + "/?q=безопасность")
    follow(browser, css(browser, "a.to-attention")[0])
    assert browser.current_url.startswith(server + "/attention?q=")
    expected = api(server, "/api/attention", about="безопасность", interval="month")
    bars = css(browser, "svg#attention rect.bar")
    assert [(b.get_attribute("data-date"), int(b.get_attribute("data-count"))) for b in bars] == [
        (b["date"], b["quotations"]) for b in expected["buckets"] if b["quotations"]]
    assert all(b.size["height"] > 5 and b.size["width"] > 2 for b in bars)
    points = css(browser, "svg#attention polyline.line-articles")[0].get_attribute("points").split()
    chart = css(browser, "svg#attention")[0]
    assert len(points) == len(expected["buckets"]) == int(chart.get_attribute("data-buckets"))
    speakers = [li.text.rsplit("\n", 1)[0] for li in css(browser, "section.top-speakers li")]
    assert speakers == [v["value"] for v in expected["top"]["speaker"]]
    screenshot(browser, ARTIFACTS / "attention.png")
    # By week: one bar per week that has a quotation.
    from selenium.webdriver.support.select import Select

    Select(css(browser, "select[name='interval']")[0]).select_by_value("week")
    follow(browser, css(browser, "form.search button")[0])
    weekly = api(server, "/api/attention", about="безопасность", interval="week")
    assert len(css(browser, "svg#attention rect.bar")) == sum(1 for b in weekly["buckets"] if b["quotations"]) > 1
    assert len(weekly["buckets"]) > 50  # the empty weeks between are there, unbarred


def test_compare_view(server, browser):
    from urllib.parse import unquote

    browser.get(server + "/compare")
    for name in ("Лавров", "Петров"):
        box = css(browser, "input#add-speaker")[0]
        box.send_keys(name)
        follow(browser, box, submit=True)
    css(browser, "input#q")[0].send_keys("безопасность")
    follow(browser, css(browser, "form.compare-form button")[0])
    series = css(browser, "svg#compare g.series")
    assert [s.get_attribute("data-speaker") for s in series] == [
        li.get_attribute("data-speaker") for li in css(browser, "ul.series-list li")]
    ids = [int(s.get_attribute("data-speaker")) for s in series]
    expected = api(server, "/api/compare", speaker_id=ids, about="безопасность")
    assert [s["speaker"]["name"] for s in expected["series"]] == ["Сергей Лавров", "Иван Петров"]
    for g, s in zip(series, expected["series"]):
        points = g.find_elements("css selector", "circle.point")
        assert [(p.get_attribute("data-date"), int(p.get_attribute("data-count"))) for p in points] == [
            (d, n) for d, n in zip(expected["buckets"], s["counts"]) if n]
        assert all(p.is_displayed() for p in points)
    colours = {g.find_element("css selector", "polyline").value_of_css_property("stroke") for g in series}
    assert len(colours) == 2  # told apart
    screenshot(browser, ARTIFACTS / "compare.png")
    follow(browser, css(browser, "ul.series-list li a.clear")[1])  # Петров off the chart
    assert len(css(browser, "svg#compare g.series")) == 1 and "q=безопасность" in unquote(browser.current_url)
    assert css(browser, "input#q")[0].get_attribute("value") == "безопасность"


def test_a_link_to_an_article_and_its_quotation_survives_a_re_ingest(tmp_path, browser):
    """Issue 18: a shared link keeps working after the article is updated and ingested again."""
    from citata import Archive
    from conftest import SEED_KG, SEED_MD

    article = tmp_path / "article.txt"
    text = SEED_MD.read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    db = tmp_path / "links.db"
    Archive(db).ingest([str(SEED_KG), str(article)], workers=1)
    (a_id,) = [a["id"] for a in Archive(db).articles() if a["source"] == str(article)]
    quote = Archive(db).article(a_id)["quotes"][0]
    with serving(create_app(db)) as url:
        browser.get(f"{url}/articles/{a_id}")
        title = css(browser, "h1")[0].text
        browser.get(f"{url}/quotations/{quote['id']}")
        assert quote["content"]["text"][:40] in browser.page_source

        article.write_text(text + "\nПосле публикации в статью добавлен абзац.\n", encoding="utf-8")
        assert Archive(db).ingest([str(SEED_KG), str(article)], workers=1).replaced == 1
        browser.get(f"{url}/articles/{a_id}")
        assert css(browser, "h1")[0].text == title and "добавлен абзац" in browser.page_source
        browser.get(f"{url}/quotations/{quote['id']}")
        assert quote["content"]["text"][:40] in browser.page_source
        screenshot(browser, ARTIFACTS / "stable-link.png")
