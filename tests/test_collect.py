"""`citata collect` against a news site served on 127.0.0.1 (tests/collect_site.py): feeds,
a sitemap index, article pages, robots.txt, and servers that misbehave."""
import logging
import re
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from citata.archive import Archive
from citata.cli import main
from citata.collect import Settings, collect, collect_every, load, source
from citata.collect import warc as warc_files
from citata.collect.state import State
from citata.source import read

sys.path.insert(0, str(Path(__file__).parent))
from collect_site import ARTICLES, Reply, Server, atom, page_html, rss, sitemap_index, urlset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
UA = "citata-test/1.0 (+mailto:desk@example.org)"
# No waiting between requests, quick retries: the run takes seconds. The time-out is generous, so
# that a loaded machine never times out a page that answers; only the runs that meet /hang (which
# answers nothing for 30 s) take a short one, which its time-outs then cost twice.
FAST = dict(user_agent=UA, delay=0, timeout=10, retries=1, backoff=0.01, trust_env=False)
HANGS = FAST | {"timeout": 3}

CP1251_TEXT = ["Пресс-секретарь Кремля заявил, что встреча лидеров пока не согласована.",
               "«Мы не исключаем контактов, но конкретных договоренностей нет», — сказал представитель Кремля.",
               "Ранее об условиях встречи сообщали иностранные газеты."]


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch):
    # Nothing may leave 127.0.0.1, whatever the machine's proxy settings.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


def good_site(s: Server) -> dict[str, str]:
    """RSS with three articles, Atom with two, a sitemap index over two news sitemaps with three."""
    paths = s.add_articles()
    s.routes["/robots.txt"] = Reply(body=f"User-agent: *\nDisallow: /private/\nSitemap: {s.base}/sitemap.xml\n",
                                    ctype="text/plain")
    s.routes["/rss.xml"] = Reply(body=rss(s.base, [(p, "t") for p in paths[:3]]),
                                 ctype="application/rss+xml; charset=utf-8", etag='"rss-1"')
    s.routes["/atom.xml"] = Reply(body=atom(s.base, [(p, "t") for p in paths[3:5]]),
                                  ctype="application/atom+xml", etag='"atom-1"')
    s.routes["/sitemap.xml"] = Reply(body=sitemap_index(s.base, ["/sitemap-1.xml", "/sitemap-2.xml"]),
                                     ctype="application/xml")
    s.routes["/sitemap-1.xml"] = Reply(body=urlset(s.base, paths[5:7]), ctype="application/xml", etag='"sm1"')
    s.routes["/sitemap-2.xml"] = Reply(body=urlset(s.base, paths[7:]), ctype="application/xml", etag='"sm2"')
    return {"rss": s.base + "/rss.xml", "atom": s.base + "/atom.xml", "sitemap": s.base + "/sitemap.xml"}


def bad_site(s: Server) -> dict[str, str]:
    """good_site, and a feed listing pages that misbehave, and a malformed feed."""
    urls = good_site(s)
    s.routes["/private/secret"] = Reply(body=page_html("secret", "Секрет", "2024-03-09", ["Закрыто."], s.base))
    s.routes["/busy"] = [Reply(429, "Too many", headers={"Retry-After": "1"}),
                         Reply(body=page_html("busy", "Медленно", "2024-03-09", ARTICLES[0][3], s.base))]
    s.routes["/flaky"] = [Reply(503, "Unavailable"),
                          Reply(body=page_html("flaky", "Снова", "2024-03-09", ARTICLES[1][3], s.base))]
    s.routes["/hang"] = Reply(hang=True)
    s.routes["/loop-a"] = Reply(302, headers={"Location": "/loop-b"})
    s.routes["/loop-b"] = Reply(301, headers={"Location": "/loop-a"})
    s.routes["/huge"] = Reply(stream=30 * 2**20)
    s.routes["/cp1251"] = Reply(ctype="text/html", body=page_html(
        "cp1251", "Кремль о встрече лидеров", "2024-03-10", CP1251_TEXT, s.base, charset="windows-1251"
    ).encode("cp1251"))
    s.routes["/moved"] = Reply(301, headers={"Location": "/news/moved-here"})
    s.routes["/news/moved-here"] = Reply(body=page_html("moved-here", "Переехавшая новость", "2024-03-09",
                                                        ARTICLES[2][3], s.base))
    odd = ["/private/secret", "/busy", "/flaky", "/hang", "/loop-a", "/huge", "/cp1251", "/moved"]
    s.routes["/odd.xml"] = Reply(body=rss(s.base, [(p, "t") for p in odd]), ctype="application/rss+xml")
    s.routes["/broken.xml"] = Reply(body="<rss version=\"2.0\"><channel><item><title>Обрыв</tit",
                                    ctype="application/rss+xml")
    return urls | {"odd": s.base + "/odd.xml", "broken": s.base + "/broken.xml"}


def sources_of(urls: dict[str, str]):
    return [source(url, name) for name, url in urls.items()]


def articles(db) -> list[dict]:
    with Archive(db) as a:
        return list(a.rows("articles"))


def quotes(db) -> list[dict]:
    with Archive(db) as a:
        return list(a.rows("quotes"))


def pages_in_warcs(folder: Path) -> list[str]:
    return [url for f in sorted((folder / warc_files.PAGES).glob("*.warc.gz")) for url, _, _ in warc_files.records(f)]


def test_a_run_collects_every_source_and_each_misbehaviour_gets_one_line(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="citata.collect")
    db = tmp_path / "a.db"
    with Server() as s:
        urls = bad_site(s)
        report = collect(db, sources_of(urls), Settings(**HANGS), workers=1)
        hits = dict(s.hits)
        agents = set(s.agents)
    by_name = {r.name: r for r in report.sources}
    assert (by_name["rss"].new, by_name["atom"].new, by_name["sitemap"].new) == (3, 2, 3)
    assert by_name["odd"].new == 4  # /busy, /flaky, /cp1251 and /moved in the end
    assert "malformed feed" in by_name["broken"].error and by_name["broken"].new == 0

    rows = articles(db)
    titles = {r["title"] for r in rows}
    assert {t for _, t, _, _ in ARTICLES} <= titles
    assert "Кремль о встрече лидеров" in titles  # windows-1251 declared in a meta tag only
    moved = next(r for r in rows if r["title"] == "Переехавшая новость")
    assert moved["url"] == s.base + "/news/moved-here"  # where the redirect led
    kremlin = next(r for r in rows if r["title"] == "Кремль о встрече лидеров")
    assert "конкретных договоренностей нет" in kremlin["text"]
    lavrov = next(r for r in rows if r["title"] == ARTICLES[0][1])
    assert lavrov["url"] == s.base + "/news/lavrov-odkb" and lavrov["outlet"] == "Вестник Теста"
    assert lavrov["published"].startswith("2024-03-01")
    said = {(q["speaker"], q["content"][:30]) for q in quotes(db)}
    assert ("Сергей Лавров", "У нас есть все необходимое, чт") in said
    assert ("Мария Захарова", "Брюссель снова пытается перело") in said

    assert agents == {UA}
    assert "/private/secret" not in hits                    # robots.txt obeyed
    assert hits["/robots.txt"] == 1                         # once per host per run
    assert hits["/busy"] == 2 and hits["/flaky"] == 2       # one retry each, then the page
    assert hits["/loop-a"] == 1 and hits["/loop-b"] == 1    # the loop seen, not walked again
    assert hits["/huge"] == 1
    assert hits["/moved"] == 1 and hits["/news/moved-here"] == 1

    def lines(url_part: str) -> list[str]:
        return [r.getMessage() for r in caplog.records if url_part in r.getMessage()]

    assert len(lines("/private/secret")) == 1 and "disallowed by robots.txt" in lines("/private/secret")[0]
    assert len(lines("/busy")) == 1 and "after HTTP 429" in lines("/busy")[0]
    assert len(lines("/flaky")) == 1 and "after HTTP 503" in lines("/flaky")[0]
    assert len(lines("/hang")) == 1 and "timed out" in lines("/hang")[0]
    assert len(lines("/loop-a")) == 1 and "redirect loop" in lines("/loop-a")[0]
    assert len(lines("/huge")) == 1 and "larger than the 8 MB limit" in lines("/huge")[0]
    assert len(lines("/broken.xml")) == 1 and "malformed feed" in lines("/broken.xml")[0]
    assert lines("/cp1251") == []

    state = State(db)
    try:
        status = {p: state.status(s.base + p)
              for p in ("/private/secret", "/hang", "/loop-a", "/huge", "/cp1251", "/moved")}
    finally:
        state.close()
    # The hanging host may answer next time; a robots.txt refusal, a loop and a huge page will not.
    assert status == {"/private/secret": "gone", "/hang": "failed", "/loop-a": "gone", "/huge": "gone",
                      "/cp1251": "fetched", "/moved": "fetched"}


def test_second_run_fetches_only_what_is_new(tmp_path):
    db = tmp_path / "a.db"
    with Server() as s:
        urls = good_site(s)
        first = collect(db, sources_of(urls), Settings(**FAST), workers=1)
        assert first.fetched == len(ARTICLES) and first.not_modified == 0
        # One new article in the RSS feed; Atom and the sitemaps unchanged.
        extra = ("medvedev-post", "Медведев ответил на угрозы", "2024-03-11",
                 ["Зампред Совбеза Дмитрий Медведев ответил на угрозы европейских политиков.",
                  "«Такие заявления не останутся без ответа», — написал Медведев в своем канале."])
        s.add_articles([extra])
        paths = [f"/news/{a[0]}" for a in ARTICLES[:3]] + ["/news/medvedev-post"]
        s.routes["/rss.xml"] = Reply(body=rss(s.base, [(p, "t") for p in paths]),
                                     ctype="application/rss+xml", etag='"rss-2"')
        second = collect(db, sources_of(urls), Settings(**FAST), workers=1)
        hits, not_modified = dict(s.hits), dict(s.not_modified)
    assert second.fetched == 1 and second.failed == 0
    by_name = {r.name: r for r in second.sources}
    assert (by_name["rss"].new, by_name["rss"].unchanged) == (1, 3)
    assert by_name["atom"].not_modified and by_name["atom"].new == 0
    # Atom and both child sitemaps answered 304 to a conditional GET; the index has no validator.
    assert second.not_modified == 3
    assert not_modified == {"/atom.xml": 1, "/sitemap-1.xml": 1, "/sitemap-2.xml": 1}
    assert all(hits[f"/news/{a[0]}"] == 1 for a in ARTICLES)
    assert second.ingest.new == 1
    assert sum(r["title"] == "Медведев ответил на угрозы" for r in articles(db)) == 1


def test_warc_files_rebuild_the_same_archive(tmp_path):
    db = tmp_path / "a.db"
    with Server() as s:
        collect(db, sources_of(bad_site(s)), Settings(**HANGS), workers=1)
    fresh = tmp_path / "fresh.db"
    Archive(fresh).ingest([str(tmp_path / "a-collect" / warc_files.PAGES)], workers=1)

    def comparable(rows, drop):
        return sorted(({k: v for k, v in r.items() if k not in drop} for r in rows), key=repr)

    drop_a = {"id", "ingested_at", "syndication_group"}
    drop_q = {"id", "cluster", "article_id", "first_seen", "first_outlet"}
    assert len(articles(db)) == len(ARTICLES) + 4
    assert comparable(articles(fresh), drop_a) == comparable(articles(db), drop_a)
    assert comparable(quotes(fresh), drop_q) == comparable(quotes(db), drop_q)


@pytest.mark.parametrize("per_file", [100, 2])  # 2: files are handed to the ingest while fetching goes on
def test_interrupted_run_loses_nothing_and_duplicates_nothing(tmp_path, monkeypatch, per_file):
    from citata.collect import run as collect_run

    monkeypatch.setattr(collect_run, "PAGES_PER_FILE", per_file)
    db = tmp_path / "a.db"
    folder = tmp_path / "a-collect"
    real = State.page_fetched
    calls = []

    def dies_on_the_third(self, url, *args):
        calls.append(url)
        if len(calls) == 3:  # the page's record is on disk, its row not yet written: the worst moment
            raise KeyboardInterrupt
        real(self, url, *args)

    with Server() as s:
        urls = good_site(s)
        monkeypatch.setattr(State, "page_fetched", dies_on_the_third)
        with pytest.raises(KeyboardInterrupt):
            collect(db, sources_of(urls), Settings(**FAST, per_host=1), workers=1)
        monkeypatch.setattr(State, "page_fetched", real)
        # The process died mid-write too: half a record after the last whole one.
        torn = sorted((folder / warc_files.PAGES).glob("*.warc.gz"))[-1]
        whole = torn.read_bytes()
        with open(torn, "ab") as fh:
            fh.write(whole[: len(whole) // 3])
        again = collect(db, sources_of(urls), Settings(**FAST), workers=1)
        hits = dict(s.hits)
    assert again.recovered == 1  # the third page: kept in the WARC file, marked fetched now
    assert again.fetched == len(ARTICLES) - 3
    assert again.ingest.new == len(ARTICLES) - (2 if per_file == 2 else 0)  # the first file went in before
    assert all(hits[f"/news/{a[0]}"] == 1 for a in ARTICLES)  # nothing fetched twice
    kept = pages_in_warcs(folder)
    assert sorted(kept) == sorted(set(kept)) and len(kept) == len(ARTICLES)
    assert sorted(r["title"] for r in articles(db)) == sorted(a[1] for a in ARTICLES)


def test_killed_process_is_completed_by_the_next_run(tmp_path):
    """kill -9 while a page hangs; the rerun ingests what the dead run kept and fetches the rest."""
    db = tmp_path / "a.db"
    folder = tmp_path / "a-collect"
    with Server() as s:
        paths = s.add_articles()
        s.routes["/robots.txt"] = Reply(404)
        s.routes["/news/stuck"] = Reply(hang=True)
        listed = paths[:5] + ["/news/stuck"] + paths[5:]
        s.routes["/rss.xml"] = Reply(body=rss(s.base, [(p, "t") for p in listed]), ctype="application/rss+xml")
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
            env.pop(name, None)
        proc = subprocess.Popen(
            [sys.executable, "-m", "citata", "collect", "--db", str(db), "--delay", "0", "--per-host", "1",
             "--timeout", "60", "--workers", "1", s.base + "/rss.xml"], env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            # One request at a time: once /news/stuck is asked for, the pages before it are done.
            deadline = time.monotonic() + 120
            while "/news/stuck" not in s.hits and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.05)
            assert proc.poll() is None and "/news/stuck" in s.hits, "the collector should hang on /news/stuck"
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        before = sum(1 for p in paths if p in s.hits)
        assert before >= 1
        assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
        s.routes["/news/stuck"] = s.routes[paths[0]]  # the server recovers
        report = collect(db, [source(s.base + "/rss.xml")], Settings(**FAST), workers=1)
        hits = dict(s.hits)
    assert report.fetched == len(ARTICLES) + 1 - before
    assert all(hits[p] == 1 for p in paths)
    assert hits["/news/stuck"] == 2
    assert len(articles(db)) == len(ARTICLES) + 1
    kept = pages_in_warcs(folder)
    assert len(kept) == len(set(kept)) == len(ARTICLES) + 1


def test_every_survives_a_source_that_is_down(tmp_path):
    db = tmp_path / "a.db"
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/rss.xml"
    reports = []
    with Server() as s:
        urls = good_site(s)
        up = s.routes["/rss.xml"]
        s.routes["/rss.xml"] = [Reply(503), Reply(503), up]  # down for the first run (two attempts)
        sources = [source(urls["rss"], "rss"), source(dead, "dead")]
        failed = collect_every(db, sources, interval=0.05, rounds=2, on_report=reports.append,
                               settings=Settings(**FAST), workers=1)
    assert failed == 0 and len(reports) == 2
    first, second = ({r.name: r for r in rep.sources} for rep in reports)
    assert "503" in first["rss"].error and first["rss"].new == 0
    assert second["rss"].error is None and second["rss"].new == 3
    assert first["dead"].error and second["dead"].error
    assert len(articles(db)) == 3


def test_cli_collect_once_prints_a_summary_per_source(tmp_path):
    db = tmp_path / "a.db"
    with Server() as s:
        urls = good_site(s)
        toml = tmp_path / "sources.toml"
        toml.write_text(
            f'[collect]\nuser_agent = "{UA}"\ndelay = 0\ntimeout = 10.0\n\n'
            f'[[source]]\nname = "Вестник RSS"\nurl = "{urls["rss"]}"\n\n'
            f'[[source]]\nname = "Вестник карта"\nurl = "{urls["sitemap"]}"\nkind = "sitemap"\n', encoding="utf-8")
        args = ["collect", "--db", str(db), "--sources", str(toml), "--workers", "1"]
        first = CliRunner().invoke(main, args)
        second = CliRunner().invoke(main, args + [urls["atom"]])
        agents = set(s.agents)
    assert first.exit_code == 0, first.output
    assert "Вестник RSS: 3 new, 0 unchanged, 0 failed" in first.output
    assert "Вестник карта: 3 new, 0 unchanged, 0 failed" in first.output
    assert "ingest: 6 new articles" in first.output
    assert second.exit_code == 0, second.output
    assert "Вестник RSS: 0 new, 0 unchanged, 0 failed (not modified)" in second.output
    assert f"{urls['atom']}: 2 new" in second.output
    assert agents == {UA}


def test_cli_exit_status_tells_a_failed_source(tmp_path):
    with Server() as s:
        urls = bad_site(s)
        result = CliRunner().invoke(main, ["collect", "--db", str(tmp_path / "a.db"), "--delay", "0",
                                           "--timeout", "10", "--workers", "1", urls["broken"], urls["rss"]])
    assert result.exit_code == 1
    assert "malformed feed" in result.output and "3 new" in result.output


def test_sources_files(tmp_path):
    plain = tmp_path / "list.txt"
    plain.write_text("# outlets\nhttps://Example.org/rss.xml?utm_source=x  Пример  # main feed\n\n"
                     "https://example.net/sitemap.xml\n", encoding="utf-8")
    found = load(plain)
    assert [(s.url, s.name) for s in found.sources] == [
        ("https://example.org/rss.xml", "Пример"), ("https://example.net/sitemap.xml", "")]
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nurl = "ftp://example.org/feed"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="not an http"):
        load(bad)
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[collect]\ndelay = "fast"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="delay must be a number"):
        load(wrong)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('[collect]\nspeed = 3\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown \\[collect\\] settings: speed"):
        load(unknown)


def test_example_sources_load_and_are_not_read_as_articles():
    example = ROOT / "examples" / "sources.toml"
    found = load(example)
    assert found.sources and all(s.url.startswith("https://") for s in found.sources)
    assert Settings(**found.settings).delay >= 1  # polite towards real outlets
    read_sources = {Path(item.source).name for item in read([str(ROOT / "examples")])}
    assert "sources.toml" not in read_sources


def test_sources_page_shows_each_sources_last_run(tmp_path):
    from fastapi.testclient import TestClient

    from citata.web import create_app

    db = tmp_path / "a.db"
    with Server() as s:
        urls = bad_site(s)
        collect(db, [source(urls["rss"], "Вестник RSS"), source(urls["broken"], "Обрыв")], Settings(**FAST),
                workers=1)
    html = TestClient(create_app(db)).get("/sources").text
    rss_row = html[html.index("Вестник RSS"):].split("</tr>")[0]
    assert [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', rss_row)] == [3, 0, 0, 3, 0]
    broken_row = html[html.index("Обрыв"):].split("</tr>")[0]
    assert "malformed feed" in broken_row
    empty = tmp_path / "empty.db"
    Archive(empty).ingest([], workers=1)
    assert "Источников пока нет" in TestClient(create_app(empty)).get("/sources").text


def test_listings_gzip_sitemaps_relative_links_and_non_feeds():
    import gzip

    from citata.collect.listing import ListingError, parse

    base = "https://example.org"
    packed = gzip.compress(urlset(base, ["/news/a?utm_source=x", "/news/b"]).encode())
    listing = parse(packed, base + "/sitemap.xml.gz", max_bytes=1 << 20)
    assert listing.kind == "sitemap"
    assert listing.pages == [(base + "/news/a", "2024-03-01"), (base + "/news/b", "2024-03-02")]
    feed = atom("", [("/news/c", "Заголовок")])  # links relative to the feed's address
    assert parse(feed.encode(), base + "/atom.xml", 1 << 20).pages == [(base + "/news/c", "2024-03-05T09:00:00Z")]
    page = page_html("x", "Не лента", "2024-03-01", ["Обычная страница."], base).encode()
    with pytest.raises(ListingError, match="neither a feed nor a sitemap|malformed feed"):
        parse(page, base + "/", 1 << 20)
    with pytest.raises(ListingError, match="unpacked"):
        parse(gzip.compress(b" " * 2048 + urlset(base, ["/a"]).encode()), base + "/s.xml.gz", max_bytes=1024)


@pytest.fixture
def pg_archive():
    """An empty schema in the PostgreSQL server named by $CITATA_TEST_PG (see tests/test_postgres.py)."""
    server = os.environ.get("CITATA_TEST_PG")
    if not server:
        pytest.skip("CITATA_TEST_PG is not set, so there is no PostgreSQL server to test against "
                    "(locally: eval \"$(.ci/pg-server start)\")")
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[postgres]')")
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    schema = f"collect_{os.getpid()}_{time.monotonic_ns()}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    parts = urlsplit(server)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "options"] + [("options", f"-csearch_path={schema}")]
    yield urlunsplit(parts._replace(query=urlencode(query)))
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def test_collect_into_postgresql(tmp_path, pg_archive):
    with Server() as s:
        urls = good_site(s)
        first = collect(pg_archive, sources_of(urls), Settings(**FAST), folder=tmp_path / "warc", workers=1)
        second = collect(pg_archive, sources_of(urls), Settings(**FAST), folder=tmp_path / "warc", workers=1)
    assert first.fetched == len(ARTICLES) and first.ingest.new == len(ARTICLES)
    assert {r.name: r.unchanged for r in first.sources} == {"rss": 0, "atom": 0, "sitemap": 0}
    assert second.fetched == 0 and second.not_modified == 4  # rss, atom and both child sitemaps
    assert sorted(r["title"] for r in articles(pg_archive)) == sorted(a[1] for a in ARTICLES)


def test_per_host_cap_and_crawl_delay(tmp_path):
    with Server() as s:
        paths = s.add_articles()
        for p in paths:
            s.routes[p].pause = 0.1  # slow pages: without the cap, all eight would be asked at once
        s.routes["/robots.txt"] = Reply(404)
        s.routes["/rss.xml"] = Reply(body=rss(s.base, [(p, "t") for p in paths]), ctype="application/rss+xml")
        settings = Settings(**FAST | {"per_host": 2, "concurrency": 8})
        report = collect(tmp_path / "a.db", [source(s.base + "/rss.xml")], settings, ingest=False)
        assert report.fetched == len(ARTICLES)
        assert s.max_active <= 2  # never more than per_host requests to one host at once

    import asyncio

    from citata.collect.fetch import Fetcher, host_key

    async def delay_after_robots(base: str) -> float:
        async with Fetcher(Settings(**FAST)) as f:
            await f.get(base + "/news/" + ARTICLES[0][0])
            return f.hosts[host_key(base)].delay

    with Server() as s:
        s.add_articles()
        # A fraction is rounded up (urllib's parser reads whole seconds only).
        s.routes["/robots.txt"] = Reply(body="User-agent: citata-test\nCrawl-delay: 0.5\n", ctype="text/plain")
        assert asyncio.run(delay_after_robots(s.base)) == 1  # robots.txt's Crawl-delay spaces the requests


def test_a_retry_after_beyond_the_limit_ends_the_attempts_for_this_run(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="citata.collect")
    db = tmp_path / "a.db"
    with Server() as s:
        paths = s.add_articles(ARTICLES[:2])
        s.routes["/robots.txt"] = Reply(404)
        s.routes[paths[0]] = Reply(429, "Too many", headers={"Retry-After": "3600"})
        s.routes["/rss.xml"] = Reply(body=rss(s.base, [(p, "t") for p in paths]), ctype="application/rss+xml")
        report = collect(db, [source(s.base + "/rss.xml")], Settings(**FAST | {"max_retry_after": 60}), workers=1)
        hits = dict(s.hits)
    assert hits[paths[0]] == 1 and report.fetched == 1 and report.failed == 1
    said = [r.getMessage() for r in caplog.records if paths[0] in r.getMessage()]
    assert len(said) == 1 and "Retry-After 3600 s is beyond the 60 s limit" in said[0]
    state = State(db)
    try:
        assert state.status(s.base + paths[0]) == "failed"  # asked again next run
    finally:
        state.close()
