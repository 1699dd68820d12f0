"""The web UI's JSON API and pages, in-process, over a real archive: the two seeds and three
hostile or reprinted records (a tag and a formula in quotations, a javascript: URL, markup in the
title and outlet, a speaker named by surname only, a reprint in another outlet)."""
import csv
import datetime
import io
import json
import re
import socket
from collections import Counter
from pathlib import Path

import pytest
import schemathesis
from click.testing import CliRunner
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from citata import Archive
from citata.cli import main
from citata.web import create_app
from conftest import BSNLP, SEED_KG, SEED_MD, needs_corpora, write_jsonl

# One tag in a quotation: the reader keeps it as the text it is (two or more known tags would be markup
# residue, which the reader drops as a browser would: tests/test_markup.py), so the pages must escape it.
SCRIPT_QUOTE = "<img src=x onerror=\"window.__pwned='quote'\"> Мы готовы к переговорам о безопасности"
REPRINTED = "Мы готовы к переговорам о безопасности, и они начнутся в феврале"
HOSTILE = [
    {"id": "hostile-1", "title": "<script>window.__pwned = 'title'</script>Петров о переговорах",
     "outlet": "<b onmouseover=\"window.__pwned='outlet'\">Вестник</b>", "url": "javascript:window.__pwned='url'",
     "published": "2024-01-05",
     "text": f"Министр иностранных дел Иван Петров заявил журналистам: «{SCRIPT_QUOTE}».\n\n"
             "Петров добавил: «=HYPERLINK(\"http://example.invalid\",\"ссылка\") — это не наш метод».\n\n"
             "По словам Петрова, переговоры начнутся в феврале."},
    {"id": "hostile-2", "title": "Петров: переговоры в феврале", "outlet": "Другой вестник", "published": "2024-01-07",
     "text": f"Петров заявил: «{REPRINTED}». Других подробностей министр не привел."},
    {"id": "hostile-3", "title": "Петров: переговоры в феврале", "outlet": "Третий вестник", "published": "2024-01-08",
     "text": f"Петров заявил: «{REPRINTED}». Других подробностей министр не привел."},
]


def build_archive(directory):
    """The archive every web test reads (the browser tests too)."""
    records = directory / "hostile.jsonl"
    write_jsonl(records, HOSTILE)
    db = directory / "web.db"
    report = Archive(db).ingest([str(SEED_KG), str(SEED_MD), str(records)], workers=1)
    assert report.new == 5 and not report.errors
    return db


@pytest.fixture(scope="module")
def web_db(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(web_db):
    return TestClient(create_app(web_db))


def page_of(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def lavrov_id(client):
    (lavrov,) = page_of(client, "/api/speakers", name="Лавров")["items"]
    return lavrov["id"]


# ---------------------------------------------------------------- API


def test_quotations_of_a_speaker_in_any_form(client):
    found = page_of(client, "/api/quotations", speaker="лаврова", limit=500)
    assert found["total"] == len(found["items"]) == 16
    assert {q["speaker"]["name"] for q in found["items"]} == {"Сергей Лавров"}
    dates = [q["article"]["published"] for q in found["items"]]
    assert dates == sorted(dates, reverse=True)


def test_quotation_filters_match_the_cli_filters(client):
    about = page_of(client, "/api/quotations", about="безопасность", limit=500)["items"]
    assert about and all("безопасност" in q["content"]["text"].lower() for q in about)
    direct = page_of(client, "/api/quotations", type="direct", since="2022-01-01", until="2022-12", limit=500)["items"]
    assert direct and {(q["type"], q["article"]["published"]) for q in direct} == {("direct", "2022-02-01")}
    moldova = page_of(client, "/api/quotations", outlet="молдова", limit=500)["items"]
    assert len(moldova) == 10 and {q["article"]["outlet"] for q in moldova} == {"Sputnik Молдова"}
    assert page_of(client, "/api/quotations", speaker="Никтоевич")["items"] == []


def test_pages_of_quotations_tile_the_whole_list(client):
    whole = [q["id"] for q in page_of(client, "/api/quotations", limit=500)["items"]]
    tiled = []
    for offset in range(0, len(whole) + 7, 7):
        page = page_of(client, "/api/quotations", limit=7, offset=offset)
        assert page["total"] == len(whole)
        tiled += [q["id"] for q in page["items"]]
    assert tiled == whole and len(set(whole)) == len(whole)


def test_a_reprinted_quotation_is_listed_once_with_its_first_appearance(client):
    (q,) = [q for q in page_of(client, "/api/quotations", limit=500)["items"] if q["content"]["text"] == REPRINTED]
    assert q["appearances"] == 2
    assert (q["first_seen"]["published"], q["first_seen"]["outlet"]) == ("2024-01-07", "Другой вестник")
    detail = page_of(client, f"/api/quotations/{q['id']}")
    assert [(o["article"]["outlet"], o["article"]["published"]) for o in detail["occurrences"]] == [
        ("Другой вестник", "2024-01-07"), ("Третий вестник", "2024-01-08")]
    for o in detail["occurrences"]:
        article = page_of(client, f"/api/articles/{o['article']['id']}")
        para = o["paragraph"]
        assert article["text"][para["start"]:para["end"]] == para["text"]
        assert para["start"] <= o["content"]["start"] < o["content"]["end"] <= para["end"]
        assert REPRINTED in para["text"]


def test_speakers_are_listed_once_per_identity(client):
    (petrov,) = page_of(client, "/api/speakers", name="Петров")["items"]
    assert petrov["name"] == "Иван Петров" and petrov["entity_id"] == "PER:Иван Петров"
    # "Петров" of the other articles is the same person: one entry, one page, every quotation.
    assert petrov["quotations"] == 4 and petrov["articles"] == 3
    profile = page_of(client, f"/api/speakers/{petrov['id']}")
    assert set(profile["names"]) == {"Иван Петров", "Петров"} and len(profile["speaker_ids"]) == 2
    for sid in profile["speaker_ids"]:
        assert page_of(client, "/api/quotations", speaker_id=sid)["total"] == 4
    names = [s["name"] for s in page_of(client, "/api/speakers")["items"]]
    assert len(names) == len(set(names)) and names[0] == "Сергей Лавров"


def test_a_speakers_count_is_the_same_in_every_view(client, web_db):
    """One definition of a speaker's quotations (issue 18): the identity's, a reprint counted once,
    whether the CLI's ranking, the CLI's profile, the API's list and profile or the page shows it."""
    cli = lambda *args: CliRunner().invoke(main, [*args, "--db", str(web_db), "--format", "json"])  # noqa: E731
    ranking = json.loads(cli("speakers", "--top", "50").output)
    assert [s["name"] for s in ranking].count("Иван Петров") == 1 and "Петров" not in [s["name"] for s in ranking]
    for s in ranking:
        profile = page_of(client, f"/api/speakers/{s['id']}")
        listed = page_of(client, "/api/speakers", name=s["name"])["items"][0]
        assert s["quotations"] == profile["quotations"] == listed["quotations"]
        assert s["quotations"] == page_of(client, "/api/quotations", speaker_id=s["id"])["total"]
        assert json.loads(cli("speaker", s["name"]).output)["quotations"] == s["quotations"]
        assert f"{s['quotations']} цитат" in html(client, f"/speakers/{s['id']}").text
    petrov = next(s for s in ranking if s["name"] == "Иван Петров")
    assert petrov["quotations"] == 4 and petrov["appearances"] > 4  # the reprints are appearances


def test_rankings_show_persons_unless_asked(tmp_path):
    records = tmp_path / "kinds.jsonl"
    records.write_text(json.dumps({"id": "kinds-1", "title": "Заявление МИД", "published": "2024-02-01", "text": (
        "Министерство иностранных дел России заявило, что переговоры продолжатся в марте. "
        "Министр Сергей Лавров сказал: «Мы готовы к диалогу»."
    )}, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "kinds.db"
    Archive(db).ingest([str(records)], workers=1)
    client = TestClient(create_app(db))
    persons = page_of(client, "/api/speakers", limit=500)["items"]
    everyone = page_of(client, "/api/speakers", limit=500, kind="all")["items"]
    assert [s["name"] for s in persons] == ["Сергей Лавров"]
    assert {s["kind"] for s in everyone} == {"person", "organization"}
    cli = CliRunner().invoke(main, ["speakers", "--db", str(db), "--format", "json"])
    assert [s["name"] for s in json.loads(cli.output)] == ["Сергей Лавров"]
    cli = CliRunner().invoke(main, ["speakers", "--db", str(db), "--kind", "organization", "--format", "json"])
    (ministry,) = json.loads(cli.output)
    assert "Министерство иностранных дел" in ministry["name"]
    assert ministry["name"] in html(client, "/speakers", kind="organization").text
    assert ministry["name"] not in html(client, "/speakers").text


def test_speaker_profile(client):
    profile = page_of(client, f"/api/speakers/{lavrov_id(client)}")
    assert profile["per_month"] == {"2022-02": 8, "2023-02": 8}
    assert profile["outlets"] == {"Sputnik Кыргызстан": 8, "Sputnik Молдова": 8}
    assert "министр иностранных дел РФ" in profile["roles"] and "Лаврова" in profile["aliases"]


def test_article_offsets_index_its_text(client):
    (hit,) = page_of(client, "/api/search", q="неделимость безопасности")["items"]
    assert hit["outlet"] == "Sputnik Молдова" and "[безопасности]" in hit["snippet"]
    article = page_of(client, f"/api/articles/{hit['id']}")
    assert len(article["quotes"]) == 10
    for q in article["quotes"]:
        assert article["text"][q["content"]["start"]:q["content"]["end"]] == q["content"]["text"]
    assert article["boilerplate"] and all(b["kind"] for b in article["boilerplate"])
    listed = page_of(client, "/api/articles", outlet="Sputnik Молдова")
    assert listed["total"] == 1 and listed["items"][0]["quotations"] == 10


def test_outlets_and_stats(client):
    outlets = {o["name"]: o for o in page_of(client, "/api/outlets")}
    assert outlets["Sputnik Молдова"]["articles"] == 1 and outlets["Sputnik Молдова"]["quotations"] == 10
    assert outlets["Sputnik Молдова"]["top_speakers"][0]["name"] == "Сергей Лавров"
    assert outlets["Другой вестник"]["origins"] == 1 and outlets["Третий вестник"]["origins"] == 0
    stats = page_of(client, "/api/stats")
    assert stats["articles"] == 5 and "path" not in stats  # the server's file system stays private


def test_downloads_hold_the_same_list(client):
    listed = page_of(client, "/api/quotations", speaker="Петров", limit=500)["items"]
    r = client.get("/api/quotations.csv", params={"speaker": "Петров"})
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert [int(row["id"]) for row in rows] == [q["id"] for q in listed]
    # A quotation that reads like a spreadsheet formula is text in the CSV, unchanged in JSON lines.
    (formula,) = [row["content"] for row in rows if "HYPERLINK" in row["content"]]
    assert formula.startswith("'=HYPERLINK(")
    lines = client.get("/api/quotations.jsonl", params={"speaker": "Петров"}).text.splitlines()
    assert [json.loads(line) for line in lines] == listed
    assert any(json.loads(line)["content"]["text"].startswith("=HYPERLINK(") for line in lines)


# ---------------------------------------------------------------- facets, sort, attention, compare

FACET_CASES = [{}, {"about": "переговоры"}, {"speaker": "Лавров"}, {"outlet": "вестник"}, {"since": "2024-01-06"},
               {"type": "direct", "until": "2023"}]


@pytest.mark.parametrize("filters", FACET_CASES)
def test_a_facets_filter_lists_exactly_its_count(client, filters):
    found = page_of(client, "/api/quotations", **filters, facets="speaker,outlet,type,month", limit=500)
    facets, total = found["facets"], found["total"]
    assert set(facets) == {"speaker", "outlet", "type", "month"} and total == len(found["items"])
    for name, values in facets.items():
        assert values, name
        assert [v["count"] for v in values] == sorted((v["count"] for v in values), reverse=True)
        for v in values:
            narrowed = page_of(client, "/api/quotations", **(filters | v["filter"]), limit=500)
            assert narrowed["total"] == len(narrowed["items"]) == v["count"], (name, v)
            # A subset, as quotations: a reprint is listed at its earliest appearance that matches.
            assert {q["cluster"] for q in narrowed["items"]} <= {q["cluster"] for q in found["items"]}
    # Every quotation has one type here; a quotation reprinted in two outlets counts under both.
    assert sum(v["count"] for v in facets["type"]) == total
    reprinted = sum(q["content"]["text"] == REPRINTED for q in found["items"])
    assert sum(v["count"] for v in facets["outlet"]) == total + reprinted


def test_facets_name_outlets_exactly_and_speakers_by_identity(client):
    facets = page_of(client, "/api/quotations", outlet="вестник", facets="outlet,speaker")["facets"]
    # "вестник" is part of three outlets' names; each facet value lists one of them alone.
    assert [(v["value"], v["count"]) for v in facets["outlet"][1:]] == [("Другой вестник", 1), ("Третий вестник", 1)]
    assert len({v["filter"]["outlet_id"] for v in facets["outlet"]}) == 3
    (petrov,) = facets["speaker"]
    assert (petrov["value"], petrov["count"]) == ("Иван Петров", 4)  # "Петров" and "Иван Петров": one person
    assert page_of(client, "/api/quotations", facets="type", facet_size=1)["facets"]["type"][0]["value"] == "direct"


def test_sort_orders(client):
    def listed(sort):
        return page_of(client, "/api/quotations", sort=sort, limit=500)["items"]

    newest, oldest, reprinted = listed("newest"), listed("oldest"), listed("reprinted")
    assert newest == page_of(client, "/api/quotations", limit=500)["items"]  # the default
    dates = [q["article"]["published"] for q in oldest]
    assert dates == sorted(dates) and dates[0] < dates[-1]
    assert [q["id"] for q in oldest] != [q["id"] for q in reversed(newest)] or len(set(dates)) == len(dates)
    assert reprinted[0]["content"]["text"] == REPRINTED and reprinted[0]["appearances"] == 2
    assert all(q["appearances"] == 1 for q in reprinted[1:])
    assert [q["id"] for q in reprinted[1:]] == [q["id"] for q in newest if q["id"] != reprinted[0]["id"]]
    assert sorted(q["id"] for q in oldest) == sorted(q["id"] for q in newest) == sorted(q["id"] for q in reprinted)


@pytest.mark.parametrize("sort", ["newest", "oldest", "reprinted"])
def test_next_links_tile_the_list(client, sort):
    whole = page_of(client, "/api/quotations", sort=sort, about="безопасность", limit=500)
    url, tiled, pages = "/api/quotations", [], 0
    params = {"sort": sort, "about": "безопасность", "limit": 3}
    while url:
        page = client.get(url, params=params).json()
        params = None  # the next link carries them
        tiled += [q["id"] for q in page["items"]]
        url, pages = page["next"], pages + 1
    assert tiled == [q["id"] for q in whole["items"]] and whole["next"] is None
    assert pages == -(-whole["total"] // 3) and whole["total"] > 3


@pytest.mark.parametrize("path, key", [("/api/articles", "id"), ("/api/speakers", "id"), ("/api/search", "id")])
def test_next_links_of_other_lists(client, path, key):
    params = {"q": "переговоры"} if path == "/api/search" else {}
    whole = [x[key] for x in page_of(client, path, **params, limit=500)["items"]]
    url, tiled = client.get(path, params=params | {"limit": 2}).json(), []
    while True:
        tiled += [x[key] for x in url["items"]]
        if url["next"] is None:
            break
        url = client.get(url["next"]).json()
    assert tiled == whole and len(whole) > 2


@pytest.mark.parametrize("filters", FACET_CASES)
@pytest.mark.parametrize("interval", ["day", "week", "month"])
def test_attention_buckets_sum_to_the_list(client, filters, interval):
    found = page_of(client, "/api/attention", **filters, interval=interval)
    listed = page_of(client, "/api/quotations", **filters, limit=500)
    buckets = found["buckets"]
    assert found["quotations"] == listed["total"] == (
        sum(b["quotations"] for b in buckets) + found["undated"]["quotations"])
    assert found["articles"] == sum(b["articles"] for b in buckets) + found["undated"]["articles"]
    # The articles that print a listed quotation, each once.
    printing = set()
    for q in listed["items"]:
        printing |= {o["article"]["id"] for o in page_of(client, f"/api/quotations/{q['id']}")["occurrences"]
                     if o["article"]["published"] >= filters.get("since", "")}
    if not {"about", "type", "until"} & set(filters):
        assert found["articles"] == len(printing)
    # Every bucket from the first to the last, the ends non-empty, each quotation on its first date.
    assert buckets[0]["quotations"] + buckets[0]["articles"] and buckets[-1]["articles"]
    step = {"day": 1, "week": 7}.get(interval)
    if step:
        days = [datetime.date.fromisoformat(b["date"]) for b in buckets]
        assert all((b - a).days == step for a, b in zip(days, days[1:]))
        assert interval == "day" or all(d.weekday() == 0 for d in days)
    else:
        months = [tuple(map(int, b["date"].split("-"))) for b in buckets]
        assert all((y * 12 + m) - (y0 * 12 + m0) == 1 for (y0, m0), (y, m) in zip(months, months[1:]))
    firsts = Counter(_bucket_of(q["article"]["published"], interval) for q in listed["items"])
    assert {b["date"]: b["quotations"] for b in buckets if b["quotations"]} == dict(firsts)
    facets = page_of(client, "/api/quotations", **filters, facets="speaker,outlet")["facets"]
    assert found["top"] == facets


def _bucket_of(published, interval):
    if interval == "month":
        return published[:7]
    day = datetime.date.fromisoformat(published)
    return (day - datetime.timedelta(days=day.weekday() if interval == "week" else 0)).isoformat()


def test_attention_csv_holds_the_buckets(client):
    found = page_of(client, "/api/attention", about="переговоры", interval="week")
    r = client.get("/api/attention.csv", params={"about": "переговоры", "interval": "week"})
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert [(row["date"], int(row["quotations"]), int(row["articles"])) for row in rows] == [
        (b["date"], b["quotations"], b["articles"]) for b in found["buckets"]]
    # Two reprints of one quotation: it counts in the week it first appeared, its articles in theirs.
    assert [(b["date"], b["quotations"], b["articles"]) for b in found["buckets"]] == [
        ("2024-01-01", 3, 2), ("2024-01-08", 0, 1)]


def test_compare_puts_speakers_on_one_axis(client):
    lavrov = lavrov_id(client)
    (petrov,) = page_of(client, "/api/speakers", name="Петров")["items"]
    for about in (None, "безопасность"):
        found = client.get("/api/compare", params={"speaker_id": [lavrov, petrov["id"]], "about": about}).json()
        assert [s["speaker"]["name"] for s in found["series"]] == ["Сергей Лавров", "Иван Петров"]
        for series in found["series"]:
            assert len(series["counts"]) == len(found["buckets"])
            listed = page_of(client, "/api/quotations", speaker_id=series["speaker"]["id"], about=about, limit=500)
            assert series["quotations"] == sum(series["counts"]) == listed["total"]
            per_month = Counter(q["article"]["published"][:7] for q in listed["items"])
            assert {m: n for m, n in zip(found["buckets"], series["counts"]) if n} == dict(per_month)
    lavrov_months, petrov_months = ([m for m, n in zip(found["buckets"], s["counts"]) if n] for s in found["series"])
    assert (lavrov_months, petrov_months) == (["2022-02", "2023-02"], ["2024-01"])  # the axis spans both
    r = client.get("/api/compare", params={"speaker_id": [lavrov, 9999]})
    assert r.status_code == 404 and "9999" in r.json()["detail"]


@pytest.mark.parametrize("path, params", [
    ("/api/quotations", {"limit": 501}),
    ("/api/quotations", {"limit": 0}),
    ("/api/quotations", {"offset": -1}),
    ("/api/quotations", {"about": "слово " * 40}),
    ("/api/quotations", {"since": "1 февраля"}),
    ("/api/quotations", {"since": "2022-13-45"}),
    ("/api/quotations", {"until": "2022-02-30"}),
    ("/api/articles", {"since": "2022-13"}),
    ("/api/quotations", {"type": "rumour"}),
    ("/api/quotations.csv", {"limit": 10_001}),
    ("/api/search", {"q": ""}),
    ("/api/speakers", {"name": "я" * 201}),
    ("/api/articles/99999999999999999999", {}),
    ("/api/quotations", {"sort": "random"}),
    ("/api/quotations", {"facets": "speaker,colour"}),
    ("/api/quotations", {"facets": "type", "facet_size": 101}),
    ("/api/attention", {"interval": "year"}),
    ("/api/compare", {}),
    ("/api/compare", {"speaker_id": list(range(1, 8))}),
    ("/api/compare", {"speaker_id": 0}),
])
def test_limits_are_refused_with_a_reason(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 422
    assert r.json()["detail"][0]["msg"]


def test_missing_things_are_404(client):
    for path in ("/api/articles/9999", "/api/quotations/9999", "/api/speakers/9999"):
        r = client.get(path)
        assert r.status_code == 404 and "9999" in r.json()["detail"]


@pytest.mark.parametrize("path", ["/api/quotations/1%0A", "/api/quotations/%201", "/api/quotations/+1",
                                  "/api/quotations?limit=5%0A", "/api/quotations?speaker_id=1%20"])
def test_an_integer_parameter_is_digits_only(client, path):
    """The schema says an integer: "1\n", " 1" and "+1", which pydantic's lax reading would take, are
    refused (schemathesis' negative cases found "/api/quotations/1%0A" answered 200, now and then)."""
    assert client.get(path).status_code == 422
    assert client.get(path.replace("%0A", "").replace("%20", "").replace("+", "")).status_code == 200


def test_api_conforms_to_its_schema(web_db):
    """Requests generated from the OpenAPI schema, valid ones and (where an operation has parameters)
    invalid ones: no server error, invalid input refused, every response as the schema describes it."""
    # Strategies per operation rather than schemathesis' pytest plugin, whose lazy loader fails under pytest 9.
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(web_db))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} >= {"GET /api/quotations", "GET /api/quotations.csv", "GET /api/search"}
    for op in operations:
        modes = [GenerationMode.POSITIVE] + ([GenerationMode.NEGATIVE] if op.query or op.path_parameters else [])
        for mode in modes:
            @given(case=op.as_strategy(generation_mode=mode))
            @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def check(case):
                case.call_and_validate()

            check()


# ---------------------------------------------------------------- HTML pages


def html(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    return r


def hostile_quote_id(client):
    (q,) = [q for q in page_of(client, "/api/quotations", limit=500)["items"] if "<img src=x" in q["content"]["text"]]
    return q["id"], q["article"]["id"]


def test_markup_from_articles_is_shown_as_text(client):
    quote_id, article_id = hostile_quote_id(client)
    for path in (f"/quotations/{quote_id}", f"/articles/{article_id}", "/", "/articles", "/outlets"):
        body = html(client, path, q="переговоры" if path == "/" else None).text
        assert "<script>window" not in body and "<img src=x" not in body and "<b onmouseover" not in body
        assert "&lt;img src=x onerror" in body or "&lt;b onmouseover" in body
    article = html(client, f"/articles/{article_id}")
    assert "javascript:" in article.text and 'href="javascript:' not in article.text  # shown, never a link
    policy = article.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_the_cue_is_labelled_as_words_not_a_verb_where_it_is_a_phrase(web_db):
    """ "По словам Петрова, …" has no speech verb: the page shows the phrase under a label that fits
    a verb ("заявил") and a phrase alike."""
    with TestClient(create_app(web_db)) as own:  # its own cookies: the language must not reach other tests
        (q,) = [q for q in page_of(own, "/api/quotations", limit=500)["items"]
                if q["content"]["text"].startswith("переговоры начнутся")]
        assert q["cue"]["text"] == "По словам"
        for lang, label in (("ru", "Слова, вводящие цитату"), ("en", "Words introducing it")):
            body = html(own, f"/quotations/{q['id']}", lang=lang).text
            assert f"<dt>{label}</dt><dd>По словам</dd>" in body
            assert "Глагол речи" not in body and "Speech verb" not in body


def test_article_page_highlights_quotations_and_links_speakers(client):
    (hit,) = page_of(client, "/api/search", q="неделимость безопасности")["items"]
    body = html(client, f"/articles/{hit['id']}").text
    article = page_of(client, f"/api/articles/{hit['id']}")
    for q in article["quotes"]:
        assert f'id="q{q["id"]}"' in body
    assert f'href="/speakers/{lavrov_id(client)}"' in body and 'class="speaker-link"' in body
    assert '<details class="removed" id="removed">' in body  # collapsed until opened


def test_removed_boilerplate_is_kept_and_shown_collapsed(client):
    (hit,) = page_of(client, "/api/search", q="неделимость безопасности")["items"]
    removed = page_of(client, f"/api/articles/{hit['id']}")["boilerplate"]
    assert removed[0]["kind"] == "caption" and removed[0]["text"].startswith("Le Kremlin de Moscou")
    assert all(len(b["text"]) == b["end"] - b["start"] for b in removed)
    body = html(client, f"/articles/{hit['id']}").text
    collapsed = body[body.index('<details class="removed"'):body.index("</details>")]
    assert "Le Kremlin de Moscou" in collapsed and "подпись к фото" in collapsed


def test_speaker_page_draws_the_timeline(client):
    body = html(client, f"/speakers/{lavrov_id(client)}").text
    assert '<svg id="timeline"' in body
    assert body.count('<rect class="bar"') == 2  # two months with quotations, the eleven between empty
    assert 'data-month="2022-02" data-count="8"' in body


def test_search_page_lists_cards_and_keeps_the_query(client):
    body = html(client, "/", q="безопасность").text
    assert body.count('class="card quote-card"') == page_of(client, "/api/quotations", about="безопасность")["total"]
    assert 'value="безопасность"' in body and '<mark class="hit">безопасности</mark>' in body
    assert "/api/quotations.csv?about=" in body


def test_interface_in_english_on_request(web_db):
    with TestClient(create_app(web_db)) as own:  # its own cookies: the choice must not reach other tests
        ru = html(own, "/").text
        assert "Последние цитаты" in ru and 'lang="ru"' in ru
        en = html(own, "/", lang="en")
        assert "Latest quotations" in en.text and en.cookies.get("lang") == "en"
        assert 'href="/speakers?lang=en"' in en.text
        assert "Quotations per month" in html(own, f"/speakers/{lavrov_id(own)}").text  # from the cookie
        assert "Цитаты по месяцам" in html(own, f"/speakers/{lavrov_id(own)}", lang="ru").text


def test_html_errors_are_pages(client):
    r = client.get("/articles/9999")
    assert r.status_code == 404 and "Такой статьи в архиве нет" in r.text
    r = client.get("/", params={"since": "вчера"})
    assert r.status_code == 422 and "since" in r.text
    r = client.get("/", params={"since": "2022-02-30"})
    assert r.status_code == 422 and "since" in r.text
    r = client.get("http://testserver//elsewhere.example/", params={"lang": "en"})
    assert r.status_code == 404 and "Not found" in r.text and 'href="//elsewhere' not in r.text


@pytest.mark.parametrize("kind", ["quotations", "speakers", "articles"])
def test_a_page_address_names_an_id_in_digits_only(client, kind):
    """"/quotations/+1" or "/quotations/1%0A" is no page, as "/quotations/abc" is not, though a lax
    integer reading takes them for 1; "/quotations/1" is one."""
    assert client.get(f"/{kind}/1", params={"lang": "ru"}).status_code == 200
    for written in ("+1", "%201", "1%0A", "abc", "0", str(2**63)):
        assert client.get(f"/{kind}/{written}", params={"lang": "ru"}).status_code == 404, written
    assert client.get("/", params={"speaker_id": "+1"}).status_code == 422


def test_search_page_facets_link_to_exactly_their_count(client):
    import html as htmllib

    body = html(client, "/", q="переговоры", lang="ru").text
    facets = body[body.index('id="facets"'):]
    links = re.findall(r'<a class="facet-value" href="([^"]+)">[^<]*</a> <span class="count">(\d+)</span>', facets)
    assert len(links) >= 6  # speakers, outlets, types, months
    for href, count in links:
        narrowed = client.get(htmllib.unescape(href))
        assert narrowed.status_code == 200 and "q=%D0%BF%D0%B5%D1%80" in href  # the search kept
        assert narrowed.text.count('class="card quote-card"') == int(count), href
    assert "<b onmouseover" not in facets and "&lt;b onmouseover" in facets  # an outlet's markup is text


def test_search_page_sorts_and_keeps_the_order_in_its_pager(client):
    body = html(client, "/", sort="oldest", lang="ru").text
    assert '<span class="sort-current" data-sort="oldest">' in body and 'href="/?sort=reprinted"' in body
    assert 'href="/?sort=oldest&amp;offset=20"' in body and '<input type="hidden" name="sort" value="oldest">' in body
    dates = re.findall(r'<time datetime="([^"]*)"', body)
    assert dates == sorted(dates) and len(dates) == 20


def test_attention_page_draws_a_bar_per_bucket_with_quotations(client):
    found = page_of(client, "/api/attention", about="безопасность", interval="week")
    body = html(client, "/attention", q="безопасность", interval="week", lang="ru").text
    bars = re.findall(r'<rect class="bar"[^>]* data-date="([^"]+)" data-count="(\d+)"', body)
    assert [(d, int(n)) for d, n in bars] == [(b["date"], b["quotations"]) for b in found["buckets"] if b["quotations"]]
    assert f'data-buckets="{len(found["buckets"])}"' in body
    assert "/api/attention.csv?about=" in body and 'class="compare-top"' in body
    assert "<b onmouseover" not in body
    assert "Ничего не найдено" in html(client, "/attention", q="Никтоевичи", lang="ru").text
    r = client.get("/attention", params={"interval": "year"})
    assert r.status_code == 422


def test_compare_page_by_names_and_ids(client):
    body = html(client, "/compare", speaker=["Лавров", "Петров", "Никтоевич"], q="безопасность", lang="ru").text
    assert body.count('<g class="series') == 2 and "Не найден спикер: Никтоевич" in body
    assert body.count('<input type="hidden" name="speaker_id"') == 2
    assert "Добавьте двух или более" in html(client, "/compare", lang="ru").text
    assert client.get("/compare", params={"speaker_id": 9999}).status_code == 404
    assert client.get("/compare", params={"speaker_id": list(range(1, 8))}).status_code == 422


# ---------------------------------------------------------------- ingest over HTTP and `citata serve`


RECORD = {"title": "Сидоров о погоде", "outlet": "Погодный вестник", "published": "2024-03-01",
          "text": "Синоптик Петр Сидоров заявил: «Весна в этом году будет ранней и теплой»."}


def test_ingest_is_off_unless_allowed(client):
    r = client.post("/api/ingest", content=json.dumps(RECORD, ensure_ascii=False))
    assert r.status_code in (404, 405)
    assert "/api/ingest" not in client.get("/openapi.json").json()["paths"]


def test_ingest_needs_the_token(tmp_path):
    db = tmp_path / "fresh.db"  # none yet: an ingesting server starts with an empty archive
    with pytest.raises(ValueError):
        create_app(db, allow_ingest=True)
    own = TestClient(create_app(db, allow_ingest=True, token="s3cret"))
    body = json.dumps(RECORD, ensure_ascii=False) + "\n{not json\n"
    assert own.post("/api/ingest", content=body).status_code == 403
    assert own.post("/api/ingest", content=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
    r = own.post("/api/ingest", content=body.encode(), headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200
    report = r.json()
    assert (report["new"], report["quotations"]) == (1, 1)
    assert [e["source"] for e in report["errors"]] == ["line:2"] and "invalid JSON" in report["errors"][0]["reason"]
    (q,) = page_of(own, "/api/quotations", speaker="Сидоров")["items"]
    assert q["content"]["text"] == "Весна в этом году будет ранней и теплой"
    again = own.post("/api/ingest", content=body.encode(), headers={"Authorization": "Bearer s3cret"}).json()
    assert (again["new"], again["unchanged"]) == (0, 1)  # a record without an id is keyed by its text


def test_serve_refuses_a_missing_archive_and_ingest_without_token(tmp_path, web_db, monkeypatch):
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 1 and "no archive" in r.output
    monkeypatch.delenv("CITATA_TOKEN", raising=False)
    r = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--allow-ingest"])
    assert r.exit_code == 1 and "token" in r.output


def test_serve_on_a_busy_port_is_one_error_and_no_promise(web_db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--port", str(port)])
    assert r.exit_code == 1
    assert "serving" not in r.stdout
    assert r.stderr.startswith(f"citata: error: cannot listen on 127.0.0.1:{port}: ") and r.stderr.count("\n") == 1


def test_the_servers_file_paths_stay_private(client):
    """Pages, API answers and downloads name a file, never where it lies on the server (issue 18)."""
    folder = str(SEED_KG.parent)
    article = next(a for a in page_of(client, "/api/articles")["items"] if a["source"] == SEED_KG.name)
    answers = [client.get(f"/api/articles/{article['id']}").text, client.get("/api/quotations").text,
               client.get("/api/quotations.csv").text, client.get("/api/quotations.jsonl").text,
               client.get("/api/search", params={"q": "Лавров"}).text, html(client, f"/articles/{article['id']}").text]
    for text in answers:
        assert SEED_KG.name in text and folder not in text


@needs_corpora
def test_every_kind_of_removed_line_on_whole_pages_is_named_in_each_language():
    """The article page says why a line went ("reader comment", "gallery caption"), not an
    internal kind name: every kind the cleaner gives on the covid-19 whole pages and the seeds has
    plain words in English and Russian."""
    from citata.pipeline import build_document
    from citata.source import decode, text_document
    paths = sorted((BSNLP / "covid-19" / "raw").glob("*")) + [SEED_KG, SEED_MD]
    kinds = set()
    for path in paths:
        kinds |= {b.kind for b in build_document(text_document(str(path), decode(path.read_bytes()))).boilerplate}
    assert {"comment", "gallery", "after_article", "legal"} <= kinds
    i18n = Path(__file__).resolve().parent.parent / "citata" / "web" / "i18n"
    for lang in ("en", "ru"):
        table = json.loads((i18n / f"{lang}.json").read_text(encoding="utf-8"))
        assert not {k for k in kinds if f"bp_{k}" not in table}, lang
