"""The PostgreSQL archive (`--db postgresql://…`) against a real server: the SQLite archive's
behaviours (tests/test_archive.py), readers querying while an ingest writes, and the same exports
as an SQLite archive of the same input.

The server is named by $CITATA_TEST_PG, a libpq URL of a role that may create databases
(`.ci/run` starts one with `.ci/pg-server start`). The session works in a fresh database, dropped
at the end; each archive is a schema of its own in it, chosen through the URL's search_path.
"""
import itertools
import json
import os
import sqlite3
import subprocess
import sys
import threading
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from citata import Archive, read
from citata.model import RawDocument
from conftest import (BSNLP, CORPORA, ROOT, SEED_KG, SEED_MD, kill_mid_ingest, needs_corpora,
                      write_bad_inputs, write_jsonl)
from test_archive import (
    run, test_cli_formats_and_export, test_python_api_filters, test_quotes_by_speaker_from_both_seeds,
    test_search_matches_word_forms)

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[postgres]')")

CITATA = [sys.executable, "-m", "citata"]
SERVER = os.environ.get("CITATA_TEST_PG")
_schemas = itertools.count(1)
# The SQLite archive's read-only tests, collected here again: they take this module's `seeds`.
FROM_SQLITE = (test_search_matches_word_forms, test_quotes_by_speaker_from_both_seeds, test_python_api_filters,
               test_cli_formats_and_export)


def with_db(url: str, dbname: str | None = None, schema: str | None = None) -> str:
    """`url` naming another database, and/or with `schema` as its search path."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if not (schema and k == "options")]
    if schema:
        query.append(("options", f"-csearch_path={schema}"))
    return urlunsplit(parts._replace(path="/" + dbname if dbname else parts.path, query=urlencode(query)))


_databases = itertools.count()


@pytest.fixture(scope="session")
def database():
    """A fresh database for the session, dropped after it."""
    if not SERVER:
        pytest.skip("CITATA_TEST_PG is not set, so there is no PostgreSQL server to test against "
                    "(.ci/run starts one; locally: eval \"$(.ci/pg-server start)\")")
    try:
        admin = psycopg.connect(SERVER, autocommit=True)
    except psycopg.Error as exc:
        pytest.skip(f"cannot reach the PostgreSQL server at CITATA_TEST_PG: {' '.join(str(exc).split())}")
    # Its own name per use: test_writer imports this fixture, which makes a second instance of it.
    name = f"citata_test_{os.getpid()}_{next(_databases)}"
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{name}"')
    yield with_db(SERVER, name)
    admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()


def new_archive(database: str) -> str:
    """The URL of an empty schema: an archive that `citata ingest` creates."""
    schema = f"archive_{next(_schemas)}"
    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return with_db(database, schema=schema)


@pytest.fixture
def pg(database):
    return new_archive(database)


@pytest.fixture(scope="module")
def seeds(database):
    """The two seeds in a PostgreSQL archive, for the SQLite archive's read-only tests imported above."""
    url = new_archive(database)
    report = Archive(url).ingest([str(SEED_KG), str(SEED_MD)], workers=1)
    assert report.new == 2 and not report.errors
    return url


def query(url: str, sql: str, params=()) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql, params).fetchall()


def counts(url: str) -> dict:
    one = lambda sql: query(url, sql)[0][0]  # noqa: E731
    tables = ["articles", "quotations", "speakers", "mentions", "outlets", "article_fts", "quote_fts", "lsh"]
    out = {t: one(f"SELECT COUNT(*) FROM {t}") for t in tables}
    out["clusters"] = one("SELECT COUNT(DISTINCT cluster_id) FROM quotations")
    out["groups"] = one("SELECT COUNT(DISTINCT syndication_group) FROM articles")
    out["origins"] = one("SELECT COUNT(*) FROM articles WHERE is_origin = 1")
    out["identities"] = sorted(query(url, "SELECT id, name FROM identities"))
    out["linked"] = sorted(query(url, "SELECT entity_id, COUNT(*) FROM mentions GROUP BY entity_id"), key=str)
    out["per_article"] = sorted(query(
        url, "SELECT a.source, a.hash, COUNT(q.id) FROM articles a LEFT JOIN quotations q ON q.article_id = a.id"
        " GROUP BY a.id"))
    return out


# ---------------------------------------------------------------- writing

def test_reingest_is_a_no_op(pg, monkeypatch):
    first = run("ingest", "--db", pg, "--workers", 1, ROOT / "examples")
    assert first.exit_code == 0, first.output
    assert "2 new" in first.output
    before = counts(pg)
    assert before["articles"] == before["article_fts"] == 2
    assert before["quotations"] == before["quote_fts"] > 0
    second = run("ingest", "--db", pg, "--workers", 1, ROOT / "examples")
    assert "0 new, 0 replaced, 2 unchanged" in second.output
    assert counts(pg) == before
    monkeypatch.chdir(ROOT)
    third = run("ingest", "--db", pg, "--workers", 1, "./examples/")
    assert "0 new, 0 replaced, 2 unchanged" in third.output


def test_changed_file_replaces_its_old_version(pg, tmp_path):
    path = tmp_path / "article.txt"
    text = SEED_MD.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    archive = Archive(pg)
    archive.ingest([str(path)], workers=1)
    old = counts(pg)
    assert old["articles"] == 1 and old["quotations"] > 0
    assert not archive.search("Фейерверк")

    path.write_text(text.replace("Вам хорошо известно", "Вам, как и фейерверк, хорошо известно"), encoding="utf-8")
    report = archive.ingest([str(path)], workers=1)
    assert (report.new, report.replaced, report.unchanged) == (0, 1, 0)
    new = counts(pg)
    assert new["articles"] == new["article_fts"] == 1
    assert new["quotations"] == new["quote_fts"] == old["quotations"]
    assert new["per_article"][0][1] != old["per_article"][0][1]
    assert [a["source"] for a in archive.search("фейерверк")] == [str(path)]
    assert any("фейерверк" in q["content"]["text"] for q in archive.quotes(speaker="Лавров"))


def _pg_articles(url) -> int | None:
    try:
        return query(url, "SELECT COUNT(*) FROM articles")[0][0]
    except psycopg.errors.UndefinedTable:  # not created yet
        return None


def test_bad_files_are_reported_and_skipped(pg, tmp_path):
    assert run("ingest", "--db", pg, "--workers", 1, SEED_KG).exit_code == 0
    inputs = write_bad_inputs(tmp_path / "in")
    result = run("ingest", "--db", pg, "--workers", 1, inputs)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("citata: error:")]
    assert len(errors) == 3
    assert "3 errors" in result.stdout
    assert Archive(pg).stats()["articles"] == 3


def test_syndicated_copies_share_an_origin_and_quote_clusters(pg, tmp_path):
    text = SEED_MD.read_text(encoding="utf-8")
    edited = (text.replace("Вам хорошо известно", "Вам прекрасно известно")
              .replace("Так дело не пойдет.", "Так дело не пойдет!").replace("Лента новостей", ""))
    src = tmp_path / "feed.jsonl"
    write_jsonl(src, [
        {"id": "reprint", "text": edited, "outlet": "Reprints", "published": "2022-02-03"},
        {"id": "other", "text": SEED_KG.read_text(encoding="utf-8"), "outlet": "Other", "published": "2022-02-02"},
        {"id": "agency", "text": text, "outlet": "Agency", "published": "2022-02-01"},
    ])
    archive = Archive(pg)
    archive.ingest([str(src)], workers=1)
    by_source = {a["source"]: a for a in archive.rows("articles")}
    assert by_source["reprint"]["syndication_group"] == by_source["agency"]["syndication_group"] is not None
    assert by_source["other"]["syndication_group"] is None
    assert by_source["agency"]["is_origin"] and not by_source["reprint"]["is_origin"]
    assert [c["source"] for c in archive.article(by_source["reprint"]["id"])["syndication"]["copies"]] == [
        "agency", "reprint"]
    quotes = [q for q in archive.quotes(speaker="Лавров", limit=None) if q["article"]["source"] != "other"]
    assert quotes and {q["appearances"] for q in quotes} == {2}
    assert {q["first_seen"]["outlet"] for q in quotes} == {"Agency"}
    assert any("прекрасно известно" in q["content"]["text"]
               for q in archive.quotes(speaker="Лавров", outlet="reprints", limit=None))

    # A changed version of the origin, now a copy of another article, leaves the reprint on its own.
    write_jsonl(src, [{"id": "agency", "text": SEED_KG.read_text(encoding="utf-8"), "outlet": "Agency",
                  "published": "2022-02-01"}])
    archive.ingest([str(src)], workers=1)
    by_source = {a["source"]: a for a in archive.rows("articles")}
    assert by_source["reprint"]["syndication_group"] is None and not by_source["reprint"]["is_origin"]
    assert by_source["agency"]["syndication_group"] == by_source["other"]["syndication_group"] is not None


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """An archive of each kind."""
    if request.param == "sqlite":
        return str(tmp_path / "a.db")
    return new_archive(request.getfixturevalue("database"))


def test_speaker_of_a_replaced_article_comes_back(target, tmp_path):
    # Within one batch: Блинкен's only article is replaced (his speaker row goes), then another
    # article quotes him again: he needs a new speaker row, not the id the writer had seen.
    src = tmp_path / "feed.jsonl"
    write_jsonl(src, [{"id": "a", "text": SEED_MD.read_text(encoding="utf-8")},
                 {"id": "a", "text": SEED_KG.read_text(encoding="utf-8")},
                 {"id": "c", "text": SEED_MD.read_text(encoding="utf-8")}])
    archive = Archive(target)
    report = archive.ingest([str(src)], workers=1)
    assert (report.new, report.replaced, report.errors) == (2, 1, [])
    found = archive.quotes(speaker="Блинкен", limit=None)
    assert found and {q["article"]["source"] for q in found} == {"c"}
    assert [s["name"] for s in archive.speakers(top=100)].count("Энтони Блинкен") == 1


def test_one_identity_per_person_across_the_archive(seeds):
    ids = dict(query(seeds, "SELECT normal, COUNT(DISTINCT entity_id) FROM mentions WHERE type = 'PER'"
                            " GROUP BY normal"))
    assert ids["Лавров"] == ids["Сергей Лавров"] == 1
    [(lavrov,)] = query(seeds, "SELECT DISTINCT entity_id FROM mentions"
                              " WHERE normal IN ('Лавров', 'Сергей Лавров') AND type = 'PER'")
    assert query(seeds, "SELECT COUNT(DISTINCT article_id) FROM mentions WHERE entity_id = %s", (lavrov,)) == [(2,)]
    speakers = dict(query(seeds, "SELECT name, entity_id FROM speakers"))
    assert speakers["Сергей Лавров"] == lavrov
    assert len({speakers["Сергей Лавров"], speakers["Энтони Блинкен"], speakers["Дмитрий Киселев"]}) == 3


def test_overrides_file_from_the_environment(pg, tmp_path, monkeypatch):
    overrides = tmp_path / "overrides.tsv"
    overrides.write_text("merge\tPER:Сергей Лавров\tPER:Энтони Блинкен\n", encoding="utf-8")
    monkeypatch.setenv("CITATA_OVERRIDES", str(overrides))
    Archive(pg).ingest([str(SEED_MD)], workers=1)
    assert query(pg, "SELECT DISTINCT entity_id FROM mentions WHERE normal LIKE '%%Блинкен%%'"
                     " OR normal LIKE '%%Лавров%%'") == [("PER:Сергей Лавров",)]



def _orphans(url) -> dict[str, int]:
    """Rows naming a row that is not there (the foreign keys the writer no longer keeps:
    citata.archive.pg.DROPPED_CONSTRAINTS), and index rows missing for an article or quotation."""
    one = lambda sql: query(url, sql)[0][0]  # noqa: E731
    return {
        "article_fts": one("SELECT COUNT(*) FROM article_fts f WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = f.article_id)"),
        "quote_fts": one("SELECT COUNT(*) FROM quote_fts f WHERE NOT EXISTS (SELECT 1 FROM quotations q WHERE q.id = f.quotation_id)"),
        "mentions": one("SELECT COUNT(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id)"),
        "quotations": one("SELECT COUNT(*) FROM quotations q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id)"),
        "speakers": one("SELECT COUNT(*) FROM quotations q WHERE q.speaker_id IS NOT NULL"
                        " AND NOT EXISTS (SELECT 1 FROM speakers s WHERE s.id = q.speaker_id)"),
        "outlets": one("SELECT COUNT(*) FROM articles a WHERE a.outlet_id IS NOT NULL"
                       " AND NOT EXISTS (SELECT 1 FROM outlets o WHERE o.id = a.outlet_id)"),
        "unindexed articles": one("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS"
                                  " (SELECT 1 FROM article_fts f WHERE f.article_id = a.id)"),
        "unindexed quotations": one("SELECT COUNT(*) FROM quotations q WHERE NOT EXISTS"
                                    " (SELECT 1 FROM quote_fts f WHERE f.quotation_id = q.id)"),
    }


@pytest.mark.parametrize("older", [False, True], ids=["new archive", "archive with the foreign keys"])
def test_replacements_leave_no_orphans_without_foreign_keys(database, tmp_path, older):
    """The full-text rows, the quotations' speakers and the articles' outlets keep no foreign key (nor
    do mentions and quotations to their article): an older archive loses them at its writer's next
    open, and articles replaced in one batch and across batches (a speaker's only article among them)
    leave no row naming one that is gone, every article and quotation indexed, and the same archive
    as writing the final versions into a fresh one."""
    from citata.archive.pg import DROPPED_CONSTRAINTS

    md, kg = SEED_MD.read_text(encoding="utf-8"), SEED_KG.read_text(encoding="utf-8")
    url = new_archive(database)
    if older:
        Archive(url).ingest([str(SEED_KG)], workers=1)
        with psycopg.connect(url, autocommit=True) as conn:
            for table, name, definition in DROPPED_CONSTRAINTS:  # as archives were made before
                conn.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_jsonl(first, [{"id": "a", "text": md, "outlet": "РИА Новости"},
                        {"id": "a", "text": kg, "outlet": "ТАСС"},  # replaces the first "a" in its batch
                        {"id": "c", "text": md, "outlet": "РИА Новости"}])
    write_jsonl(second, [{"id": "c", "text": kg.replace("пятая статья", "шестая статья"), "outlet": "Интерфакс"},
                         {"id": "d", "text": md}])
    Archive(url).ingest([str(first)], workers=1)
    report = Archive(url).ingest([str(second)], workers=1)
    assert (report.new, report.replaced) == (1, 1)
    assert query(url, "SELECT conname FROM pg_constraint WHERE conname = ANY(%s)",
                 ([name for _, name, _ in DROPPED_CONSTRAINTS],)) == []
    assert set(_orphans(url).values()) == {0}
    assert query(url, "SELECT COUNT(*) FROM quotations")[0][0] > 0
    fresh = new_archive(database)
    final = tmp_path / "final.jsonl"
    write_jsonl(final, [{"id": "a", "text": kg, "outlet": "ТАСС"},
                        {"id": "c", "text": kg.replace("пятая статья", "шестая статья"), "outlet": "Интерфакс"},
                        {"id": "d", "text": md}])
    Archive(fresh).ingest([str(final)], workers=1)
    content = ("SELECT a.source, a.text, o.name, (SELECT string_agg(q.content || '|' || coalesce(s.name, ''), '/' ORDER BY q.seq)"
               " FROM quotations q LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.article_id = a.id),"
               " (SELECT f.tsv::text FROM article_fts f WHERE f.article_id = a.id)"
               " FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.source IN ('a', 'c', 'd') ORDER BY a.source")
    assert query(url, content) == query(fresh, content)
    assert sorted(query(url, "SELECT name FROM speakers")) == sorted(query(fresh, "SELECT name FROM speakers"))

@needs_corpora
def test_killed_ingest_resumes_to_the_same_archive(database, tmp_path):
    raws = [r for r in read([str(p) for p in sorted(BSNLP.glob("*/raw"))]
                            + [str(p) for p in sorted((CORPORA / "factrueval-2016" / "devset").glob("*.txt"))])
            if isinstance(r, RawDocument)]
    records = [{"id": r.source, "text": r.text, "published": f"2021-01-{1 + i % 28:02d}"} for i, r in enumerate(raws)]
    src = tmp_path / "corpus.jsonl"
    write_jsonl(src, records)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    args = ["ingest", "--workers", "2", str(src)]

    clean = new_archive(database)
    done = subprocess.run(CITATA + args + ["--db", clean], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    expected = counts(clean)
    assert expected["articles"] == len(records)

    killed = new_archive(database)
    kill_mid_ingest(CITATA + args + ["--db", killed], env, lambda: _pg_articles(killed))
    partial = counts(killed)
    assert 100 <= partial["articles"] < len(records)
    # Nothing half-written: every article has its index entry and every quotation its own.
    assert partial["article_fts"] == partial["articles"] and partial["quote_fts"] == partial["quotations"]

    again = subprocess.run(CITATA + args + ["--db", killed], env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{len(records) - partial['articles']} new, 0 replaced, {partial['articles']} unchanged" in again.stdout
    assert counts(killed) == expected


# ---------------------------------------------------------------- reading

def test_missing_archive_and_unreachable_server_are_errors(pg, database):
    result = run("quotes", "--db", pg)  # an empty schema: no archive there yet
    assert result.exit_code == 1 and "no archive in" in result.stderr
    assert query(pg, "SELECT to_regclass('articles')") == [(None,)]  # and none was made
    gone = with_db(database, "citata_no_such_database")
    for args in (["stats"], ["ingest", "--workers", 1, SEED_KG]):
        result = run(*args, "--db", gone)
        assert result.exit_code == 1
        assert result.stderr.startswith("citata: error: cannot connect to postgresql://")
        assert "citata_no_such_database" in result.stderr


def test_database_from_the_environment(pg, monkeypatch):
    monkeypatch.setenv("CITATA_DB", pg)
    assert Archive().path == pg
    assert run("ingest", "--workers", 1, SEED_KG).exit_code == 0
    assert json.loads(run("stats", "--format", "json").output)["articles"] == 1


def test_password_is_not_printed():
    from citata.archive.pg import redact

    assert redact("postgresql://me:s3cret@db.example/news") == "postgresql://me:***@db.example/news"
    assert redact("postgresql://me@db.example/news") == "postgresql://me@db.example/news"


def test_readers_query_while_an_ingest_writes(pg, tmp_path):
    """Several readers, each with its own connection, see only whole batches while the writer works."""
    texts = [SEED_KG.read_text(encoding="utf-8"), SEED_MD.read_text(encoding="utf-8")]
    records = [{"id": f"doc{i}", "text": texts[i % 2] + f"\n\nВыпуск {i}.", "published": f"2022-03-{1 + i % 28:02d}"}
               for i in range(96)]
    src = tmp_path / "feed.jsonl"
    write_jsonl(src, records)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    Archive(pg).ingest([str(SEED_KG)], workers=1)  # the schema exists before the readers start
    proc = subprocess.Popen(CITATA + ["ingest", "--workers", "1", "--db", pg, str(src)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: list[tuple[int, dict]] = []
    failures: list[BaseException] = []

    def reader() -> None:
        archive = Archive(pg)
        try:
            while proc.poll() is None:
                per_article = dict(archive.conn.execute(
                    "SELECT a.source, COUNT(q.id) FROM articles a LEFT JOIN quotations q ON q.article_id = a.id"
                    " GROUP BY a.source").fetchall())
                archive.search("Лавров безопасность")
                archive.quotes(speaker="Лавров", limit=20)
                seen.append((archive.stats()["articles"], per_article))
        except BaseException as exc:
            failures.append(exc)
        finally:
            archive.close()

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    out, err = proc.communicate(timeout=600)
    for t in threads:
        t.join()
    assert proc.returncode == 0, err
    assert not failures, failures
    final = dict(query(pg, "SELECT a.source, COUNT(q.id) FROM articles a"
                           " LEFT JOIN quotations q ON q.article_id = a.id GROUP BY a.source"))
    assert len(final) == len(records) + 1
    # The readers saw the archive grow, and every article they saw had all its quotations.
    assert len({n for n, _ in seen}) >= 2
    for _, per_article in seen:
        assert all(final[source] == n for source, n in per_article.items())


# ---------------------------------------------------------------- search: RUM index, GIN fallback

def article_indexes(url: str) -> dict[str, str]:
    """article_fts's indexes other than its key: name -> access method."""
    return dict(query(url, "SELECT c.relname, am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                           " JOIN pg_am am ON am.oid = c.relam WHERE i.indrelid = 'article_fts'::regclass"
                           " AND NOT i.indisprimary"))


# Words of the two stories (Asia Bibi, Ryanair): common ones (most articles), rarer ones, pairs, none;
# each finds the same articles in SQLite (PostgreSQL's stemming after the lemmas finds a few more
# elsewhere: «казнь богохульство» one more article here).
SEARCHES = ("Пакистан", "суд", "Асия Биби", "христианка приговор", "Ryanair", "авиакомпания пилот",
            "забастовка", "Лавров безопасность", "Исламабад", "жираф")


@needs_corpora
def test_search_gives_the_same_rows_with_rum_and_gin_and_finds_what_sqlite_finds(database, tmp_path, monkeypatch):
    """The articles' index is RUM where the database has the rum extension (the newest matches read
    in id order from the index) and GIN otherwise (each match's row read): the same rows, snippets
    and order on every search, the most recent RANKED_MATCHES ranked as before, the same articles
    as SQLite's search (whose ranking, bm25, orders them differently). An archive made with GIN gets
    the RUM index from its next writer, and searches the same. (GIN's search looks among the newest
    two article ids first here, then in ever wider spans.)"""
    import citata.archive.query
    import citata.archive.pg
    from citata.archive.pg import Postgres
    from citata.archive.store import Store

    if not query(database, "SELECT 1 FROM pg_extension WHERE extname = 'rum'"):
        pytest.skip("the test server's database has no rum extension (Debian: postgresql-15-rum; "
                    ".ci/pg-server installs it in template1)")
    monkeypatch.setattr(citata.archive.pg, "NEWEST_SPAN", 2)
    paths = [str(p) for story in ("asia_bibi", "ryanair") for p in sorted((BSNLP / story / "raw").glob("*"))[:12]]
    paths += [str(SEED_KG), str(SEED_MD)]
    lite, rum, gin = tmp_path / "a.db", new_archive(database), new_archive(database)
    for target in (lite, rum):
        assert Archive(target).ingest(paths, workers=1).new == len(paths)
    with monkeypatch.context() as m:  # a server without the extension
        m.setattr(Postgres, "rum_schema", lambda self, conn: None)
        assert Archive(gin).ingest(paths, workers=1).new == len(paths)
    assert article_indexes(rum) == {"article_fts_rum": "rum"}
    assert article_indexes(gin) == {"article_fts_tsv": "gin"}

    def results(url):
        archive = Archive(url)
        try:
            return {words: archive.search(words, limit=50) for words in SEARCHES} | {
                "page 2": archive.search("Пакистан", limit=3, offset=3)}
        finally:
            archive.close()

    expected = results(gin)
    assert results(rum) == expected
    assert len(expected["Пакистан"]) >= 10 and len(expected["page 2"]) == 3 and not expected["жираф"]
    sqlite = results(lite)
    for words in SEARCHES:
        assert sorted(a["id"] for a in sqlite[words]) == sorted(a["id"] for a in expected[words]), words
    # Only the newest matches ranked: the same three, the same order, with either index.
    ranked = citata.archive.query.RANKED_MATCHES
    monkeypatch.setattr(citata.archive.query, "RANKED_MATCHES", 3)
    newest = results(gin)
    assert results(rum) == newest
    assert {a["id"] for a in newest["Пакистан"]} == set(sorted(a["id"] for a in expected["Пакистан"])[-3:])
    monkeypatch.setattr(citata.archive.query, "RANKED_MATCHES", ranked)

    Store(gin).close()  # the next writer, with the extension at hand
    assert article_indexes(gin) == {"article_fts_rum": "rum"}
    assert results(gin) == expected


def test_archive_in_a_database_without_the_rum_extension_uses_gin(database, tmp_path):
    """A database without the rum extension (citata never installs it): the archive is made with a
    GIN index and searches through it."""
    name = f"citata_test_norum_{os.getpid()}"
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')  # template1 may have rum
        try:
            url = with_db(SERVER, name)
            lite = tmp_path / "a.db"
            for target in (url, lite):
                assert Archive(target).ingest([str(SEED_KG), str(SEED_MD)], workers=1).new == 2
            assert not query(url, "SELECT 1 FROM pg_extension WHERE extname = 'rum'")
            assert article_indexes(url) == {"article_fts_tsv": "gin"}
            for words in ("Лавров безопасность", "Россия"):
                found = [a["source"] for a in Archive(url).search(words)]
                assert found and sorted(found) == sorted(a["source"] for a in Archive(lite).search(words)), words
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ---------------------------------------------------------------- the same archive as SQLite

def test_sqlite_and_postgresql_archives_export_the_same(pg, tmp_path):
    """Same input, same results, except where README's PostgreSQL paragraph says they differ:
    `ingested_at` (the time of writing) and the order of search results."""
    text = SEED_MD.read_text(encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, [{"id": "reprint", "text": text.replace("Вам хорошо известно", "Вам прекрасно известно"),
                   "outlet": "Reprints", "published": "2022-02-03"}])
    inputs = [SEED_KG, SEED_MD, feed]
    db = tmp_path / "a.db"
    for target in (db, pg):
        result = run("ingest", "--db", target, "--workers", 1, *inputs)
        assert result.exit_code == 0, result.output

    def same(*args):
        lite, post = run(*args, "--db", db), run(*args, "--db", pg)
        assert lite.exit_code == post.exit_code == 0
        return lite.output, post.output

    for what in ("quotes", "mentions"):
        lite, post = same("export", "--what", what)
        assert lite == post and lite.count("\n") > 10, what
    lite, post = same("export", "--what", "articles")
    strip = lambda out: [{k: v for k, v in json.loads(line).items() if k != "ingested_at"}  # noqa: E731
                         for line in out.splitlines()]
    assert strip(lite) == strip(post) and len(strip(lite)) == 3
    for args in (["speakers", "--top", 100], ["speaker", "Лавров"], ["quotes", "--speaker", "Лавров"],
                 ["quotes", "--about", "безопасность", "--since", "2022-02-02"]):
        lite, post = same(*args, "--format", "json")
        assert lite == post, args
    lite, post = (json.loads(out) | {"ingested_at": None} for out in same("article", 3, "--format", "json"))
    assert lite == post and lite["syndication"]["copies"]
    lite, post = same("stats", "--format", "json")
    assert {**json.loads(lite), "path": None} == {**json.loads(post), "path": None}
    assert query(pg, "SELECT id, data FROM identities ORDER BY id") == sorted(
        sqlite3.connect(db).execute("SELECT id, data FROM identities").fetchall())
    # The queries behind the web pages.
    lite, post = Archive(db), Archive(pg)
    lavrov = lite.speakers(top=1)[0]["id"]
    calls = {
        "speaker_list": lambda a: a.speaker_list(limit=10, offset=1),
        "speaker_list by name": lambda a: a.speaker_list(name="Лавров"),
        "speaker_profile": lambda a: a.speaker_profile(lavrov),
        "quotes by speaker id": lambda a: a.quotes(speaker_id=lavrov, limit=None, offset=1),
        "count_quotes": lambda a: a.count_quotes(speaker="Лавров", about="безопасность"),
        "quotation": lambda a: a.quotation(a.quotes(outlet="reprints", limit=1)[0]["id"]),
        "articles": lambda a: a.articles(limit=2, offset=1, until="2023"),
        "count_articles": lambda a: a.count_articles(outlet="sputnik", since="2022"),
        "outlets": lambda a: a.outlets(),
    }
    for name, call in calls.items():
        expected = call(lite)
        assert expected and call(post) == expected, name
    for words in ("Лавров безопасность", "Блинкена", "Россия", "Лавров жираф"):
        lite, post = Archive(db).search(words, limit=50), Archive(pg).search(words, limit=50)
        assert sorted(a["id"] for a in lite) == sorted(a["id"] for a in post), words


def test_facets_sort_attention_and_compare_as_on_sqlite(pg, tmp_path):
    """The web UI's facets, orders and charts on the same input give the same on both archives."""
    from test_web import build_archive

    lite = Archive(build_archive(tmp_path))
    report = Archive(pg).ingest([str(SEED_KG), str(SEED_MD), str(tmp_path / "hostile.jsonl")], workers=1)
    assert report.new == 5 and not report.errors

    def seen(archive):
        out = {}
        for filters in ({}, {"about": "переговоры"}, {"outlet": "вестник", "since": "2024-01-06"}):
            facets = archive.facets(**filters)
            for values in facets.values():
                for v in values:  # each value's filter lists exactly its count, whatever ids it names
                    assert archive.count_quotes(**(filters | v.pop("filter"))) == v["count"]
            lavrov, petrov = (archive.speaker_list(name=n)[0]["id"] for n in ("Лавров", "Петров"))
            out[str(filters)] = {
                "facets": facets,
                "sorted": {sort: [q["content"]["text"] for q in archive.quotes(**filters, sort=sort, limit=None)]
                           for sort in ("newest", "oldest", "reprinted")},
                "attention": {i: {k: v for k, v in archive.attention(i, **filters).items() if k != "top"}
                              for i in ("day", "week", "month")},
                "compare": [(s["speaker"]["name"], s["counts"]) for s in archive.compare(
                    [lavrov, petrov], "month", **{k: v for k, v in filters.items() if k != "speaker"})["series"]],
            }
        return out

    assert seen(Archive(pg)) == seen(lite)


def test_site_templates_are_kept_per_site(pg, tmp_path):
    """As in SQLite (test_clean_pages): pages of one site teach the archive its recurring
    lines, which later pages of the site lose; re-ingesting changes nothing."""
    from test_clean_pages import SITE_FOOTER, STORIES, site_page

    pages = []
    for k in range(5):
        path = tmp_path / f"{k}.txt"
        path.write_text(site_page(k), encoding="utf-8")
        pages.append(str(path))
    archive = Archive(pg)
    assert archive.ingest(pages[:4], workers=1).new == 4
    assert archive.ingest(pages[4:], workers=1).new == 1
    (text,), = query(pg, "SELECT text FROM articles WHERE source LIKE '%%4.txt'")
    assert STORIES[4][1] in text and SITE_FOOTER[0] not in text
    assert query(pg, "SELECT pages FROM site_pages WHERE site = 'vestikraya.ru'") == [(5,)]
    before = query(pg, "SELECT COUNT(*), SUM(pages) FROM site_lines")
    assert archive.ingest(pages, workers=1).unchanged == 5
    assert query(pg, "SELECT COUNT(*), SUM(pages) FROM site_lines") == before


def test_a_nul_is_no_poison_pill_and_both_archives_store_the_same(pg, tmp_path):
    """Issue 17, case 2: a NUL past the binary check's first 8 KB and a JSON "\\u0000" stopped every
    PostgreSQL ingest at the same file. The readers drop it, so both backends store the same text."""
    text = SEED_MD.read_text(encoding="utf-8")
    inputs = tmp_path / "in"
    inputs.mkdir()
    # The NUL in the last of three paragraphs of prose past the seed (repeated filler lines would be
    # cleaned away as furniture, and the NUL with them).
    late = ("\nЭксперты напомнили, что переговоры России и США о гарантиях безопасности начались в декабре, когда "
            "Москва передала Вашингтону проекты двух документов о нерасширении НАТО на восток и об отказе от "
            "размещения ударных вооружений вблизи границ.\n\nПо словам дипломатов, следующая встреча делегаций может "
            "пройти в Женеве уже в феврале, однако точная дата пока не согласована, и стороны продолжают обмениваться "
            "письменными предложениями.\n\nМинистр подчеркнул, что российская сторона ждет подробного ответа по каждому "
            "пункту своих предложений и не намерена затягивать консультации, а окончательное реш\x00ение остается за "
            "президентом.\n")
    assert (text + late).encode().index(b"\x00") > 8192  # past what the binary check reads
    (inputs / "a_late_nul.txt").write_text(text + late, encoding="utf-8")
    write_jsonl(inputs / "b_nul.jsonl", [{"id": "nul\u0000", "text": text.replace("Лавров", "Лав\u0000ров"),
                                     "title": "\u0000Заголовок", "outlet": "Reprints"}])
    (inputs / "c_good.txt").write_text(SEED_KG.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "a.db"
    for target in (db, pg):
        result = run("ingest", "--db", target, "--workers", 1, inputs)
        assert result.exit_code == 0, result.output
    lite, post = (run("export", "--what", "articles", "--db", target).output for target in (db, pg))
    strip = lambda out: [{k: v for k, v in json.loads(line).items() if k != "ingested_at"}  # noqa: E731
                         for line in out.splitlines()]
    assert strip(lite) == strip(post)
    by_source = {a["source"]: a for a in strip(lite)}
    assert len(by_source) == 3 and "nul" in by_source and by_source["nul"]["title"] == "Заголовок"
    assert "\x00" not in lite
    assert "окончательное решение остается за президентом" in by_source[str(inputs / "a_late_nul.txt")]["text"]
    for what in ("quotes", "mentions"):
        assert run("export", "--what", what, "--db", db).output == run("export", "--what", what, "--db", pg).output


@needs_corpora
def test_both_archives_are_identical_table_by_table_on_corpus_texts_and_nuls(pg, tmp_path):
    """Issue 17: a sample of the shared corpora's raw texts (every 40th: each corpus, the whole
    pages too) and two files with NULs, ingested into SQLite and PostgreSQL, give the same rows in
    every table, ids included (benchmarks/compare_backends.py does it over every text)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from compare_backends import differences, dump, hostile_files, ingest, raw_texts

    paths = raw_texts(CORPORA)[::40] + hostile_files(tmp_path, SEED_MD)
    db = str(tmp_path / "a.db")
    ingest(db, paths)
    ingest(pg, paths)
    lite, post = dump(db), dump(pg)
    assert len(lite["articles"]) == len(paths)
    assert lite["quotations"] and lite["site_lines"]
    assert differences(lite, post) == dict.fromkeys(lite)
    assert not any(isinstance(v, str) and "\x00" in v for rows in lite.values() for row in rows for v in row)


# ---------------------------------------------------------------- the workers' tsvectors

def server_tsvectors(url: str, strings: list[str]) -> list[str]:
    return [r[0] for r in query(url, "SELECT to_tsvector('russian', s)::text FROM unnest(%s::text[])"
                                     " WITH ORDINALITY u (s, n) ORDER BY n", (strings,))]


def test_worker_tsvectors_are_the_servers_for_each_word_shape(database):
    """Issue 19: the tsvector text an ingest worker builds (citata.archive.tsvector) is, string for
    string, what the server's to_tsvector('russian', …) makes of the same lemma string: stop words'
    positions, English and Russian stems, compounds and their parts, signed numbers; a shape it does
    not reproduce is left to the server (None)."""
    from citata.archive.tsvector import tsvector
    from citata.lemmas import lemma_string

    built = [lemma_string("Президент России заявил, что переговоры о безопасности продолжатся и в 2024 году."),
             "пресс-секретарь сообщить что covid-19 и sars-cov-2 the coca-cola boeing-737-800 50-летний 35-39",
             "техрик-э-лабаик telegram-канал спутник-v мрнк-bnt162b2 фс77-74141 bnt162b2 5g 1e5 из-за and-the",
             "и в на the of",  # stop words only: an empty tsvector
             "",
             " ".join(["год"] * 300)]  # a lexeme keeps 255 positions
    left = ["söder сказать", "1991-1994гга", "україні", "1e-5", "a--b", "⅞",
            " ".join(["и", "год"] * 9000)]  # positions past 16,383
    assert len(tsvector(built[-1]).split(",")) == 255
    mine = [tsvector(s) for s in built + left]
    assert None not in mine[:len(built)]
    assert mine[len(built):] == [None] * len(left)
    assert mine[:len(built)] == server_tsvectors(database, built)
    assert mine[3] == mine[4] == ""


@needs_corpora
def test_worker_tsvectors_are_the_servers_over_the_corpora(database):
    """Every raw text of the shared corpora, whole and line by line (lemma strings as the archive's
    index receives them): each tsvector the worker builds equals the server's; nearly all are built
    (eval/pg_tsvector.py does it over the extracted articles and quotations)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from compare_backends import raw_texts

    from citata.archive.tsvector import tsvector
    from citata.lemmas import lemma_string

    texts = [p.read_text(encoding="utf-8") for p in raw_texts(CORPORA)]
    strings = [lemma_string(t) for t in texts] + [lemma_string(line) for t in texts for line in t.splitlines()]
    mine = [tsvector(s) for s in strings]
    server = server_tsvectors(database, strings)
    differ = [(s, m, v) for s, m, v in zip(strings, mine, server) if m is not None and m != v]
    assert not differ, differ[:3]
    assert sum(m is None for m in mine) < len(mine) / 50


def test_an_archive_from_worker_tsvectors_equals_one_the_server_stems(database, monkeypatch):
    """The seeds ingested twice: with the workers' tsvectors, and with a stemmer that disagrees
    with the server's (the writer's check at open then leaves every row to the server): the same
    full-text rows, and searches find the same."""
    from citata.archive import tsvector
    from citata.archive.store import Store

    paths = [str(SEED_KG), str(SEED_MD)]
    built, stemmed = new_archive(database), new_archive(database)
    store = Store(built)
    assert store.tsvectors
    store.close()
    Archive(built).ingest(paths, workers=1)
    monkeypatch.setattr(tsvector, "tsvector", lambda lemmas: "'x':1")
    store = Store(stemmed)
    assert not store.tsvectors
    store.close()
    Archive(stemmed).ingest(paths, workers=1)
    for table, key in (("article_fts", "article_id"), ("quote_fts", "quotation_id")):
        rows = query(built, f"SELECT {key}, tsv::text FROM {table} ORDER BY 1")
        assert rows and rows == query(stemmed, f"SELECT {key}, tsv::text FROM {table} ORDER BY 1")
    assert query(built, "SELECT COUNT(*) FROM article_fts WHERE tsv @@ plainto_tsquery('russian', 'заявить')")[0][0] > 0
