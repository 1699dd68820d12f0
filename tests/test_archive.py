"""The SQLite archive: ingest (idempotent, replacing, interruptible), search, queries, CLI, export.
Every test writes a real SQLite file under tmp_path."""
import csv
import gc
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from citata import Archive, read
from citata.archive import ArchiveError
from citata.archive.store import Store
from citata.cli import main
from citata.model import RawDocument
from conftest import (BSNLP, CORPORA, ROOT, SEED_KG, SEED_MD, kill_mid_ingest, needs_corpora, sqlite_articles,
                      write_bad_inputs, write_jsonl)

CITATA = [sys.executable, "-m", "citata"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def counts(db) -> dict:
    conn = sqlite3.connect(db)
    tables = ["articles", "quotations", "speakers", "mentions", "outlets", "article_fts", "quote_fts", "lsh"]
    out = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    out["clusters"] = conn.execute("SELECT COUNT(DISTINCT cluster_id) FROM quotations").fetchone()[0]
    out["groups"] = conn.execute("SELECT COUNT(DISTINCT syndication_group) FROM articles").fetchone()[0]
    out["origins"] = conn.execute("SELECT COUNT(*) FROM articles WHERE is_origin").fetchone()[0]
    out["identities"] = sorted(conn.execute("SELECT id, name FROM identities").fetchall())
    out["linked"] = sorted(conn.execute(
        "SELECT entity_id, COUNT(*) FROM mentions GROUP BY entity_id").fetchall(), key=str)
    out["per_article"] = sorted(conn.execute(
        "SELECT a.source, a.hash, COUNT(q.id) FROM articles a LEFT JOIN quotations q ON q.article_id = a.id"
        " GROUP BY a.id").fetchall())
    conn.close()
    return out


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """An archive of the two seeds, shared by the read-only tests."""
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    report = Archive(db).ingest([str(SEED_KG), str(SEED_MD)], workers=1)
    assert report.new == 2 and not report.errors
    return db


def test_reingest_is_a_no_op(tmp_path, monkeypatch):
    db = tmp_path / "a.db"
    first = run("ingest", "--db", db, "--workers", 1, ROOT / "examples")
    assert first.exit_code == 0, first.output
    assert "2 new" in first.output
    before = counts(db)
    second = run("ingest", "--db", db, "--workers", 1, ROOT / "examples")
    assert second.exit_code == 0
    assert "0 new, 0 replaced, 2 unchanged" in second.output
    assert counts(db) == before
    # The same files named by another path are the same sources.
    monkeypatch.chdir(ROOT)
    third = run("ingest", "--db", db, "--workers", 1, "./examples/")
    assert "0 new, 0 replaced, 2 unchanged" in third.output


def test_changed_file_replaces_its_old_version(tmp_path):
    path = tmp_path / "article.txt"
    text = SEED_MD.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "a.db"
    archive = Archive(db)
    archive.ingest([str(path)], workers=1)
    old = counts(db)
    assert old["articles"] == 1 and old["quotations"] > 0
    assert not archive.search("Фейерверк")

    edited = text.replace("Вам хорошо известно", "Вам, как и фейерверк, хорошо известно")
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    report = archive.ingest([str(path)], workers=1)
    assert (report.new, report.replaced, report.unchanged) == (0, 1, 0)
    new = counts(db)
    assert new["articles"] == 1
    assert new["article_fts"] == 1
    assert new["quotations"] == new["quote_fts"] == old["quotations"]
    assert new["per_article"][0][1] != old["per_article"][0][1]  # the hash of the new version
    assert [a["source"] for a in archive.search("фейерверк")] == [str(path)]
    assert any("фейерверк" in q["content"]["text"] for q in archive.quotes(speaker="Лавров"))


def test_an_updated_article_keeps_its_id_and_its_unchanged_quotations_theirs(tmp_path):
    """Links to an article and to its quotations survive an update of the article (issue 18)."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(SEED_KG.read_text(encoding="utf-8"), encoding="utf-8")
    text = SEED_MD.read_text(encoding="utf-8")
    second.write_text(text, encoding="utf-8")
    db = tmp_path / "a.db"
    archive = Archive(db)
    archive.ingest([str(first), str(second)], workers=1)
    (article_id,) = [a["id"] for a in archive.articles() if a["source"] == str(second)]
    before = {q["content"]["text"]: q["id"] for q in archive.article(article_id)["quotes"]}
    assert len(before) >= 5

    edited = text.replace("Вам хорошо известно", "Вам прекрасно известно") + "\nДобавлена строка.\n"
    second.write_text(edited, encoding="utf-8")
    report = archive.ingest([str(first), str(second)], workers=1)
    assert (report.new, report.replaced, report.unchanged) == (0, 1, 1)
    shown = run("article", "--db", db, article_id, "--format", "json")
    assert shown.exit_code == 0, shown.output
    after = {q["content"]["text"]: q["id"] for q in json.loads(shown.output)["quotes"]}
    unchanged = before.keys() & after.keys()
    assert len(unchanged) == len(before) - 1  # only the edited quotation has other words
    assert all(after[c] == before[c] for c in unchanged)
    (edited_quote,) = [c for c in after if "прекрасно" in c]
    assert after[edited_quote] > max(before.values())  # new words: a new id, never an old one
    assert all(archive.quotation(i) is not None for i in after.values())


def test_bad_files_are_reported_and_skipped(tmp_path):
    db = tmp_path / "a.db"
    assert run("ingest", "--db", db, "--workers", 1, SEED_KG).exit_code == 0
    inputs = write_bad_inputs(tmp_path / "in")
    result = CliRunner().invoke(main, ["ingest", "--db", str(db), "--workers", "1", str(inputs)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("citata: error:")]
    assert len(errors) == 3
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("binary.bin: binary file" in e for e in errors)
    assert any("lines.jsonl:2: invalid JSON" in e for e in errors)
    assert "3 errors" in result.stdout
    stats = Archive(db).stats()
    assert stats["articles"] == 3  # the first seed, good.txt and the valid JSON line
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_search_matches_word_forms(seeds):
    archive = Archive(seeds)
    found = archive.search("Лавров безопасность")
    assert str(SEED_MD) in [a["source"] for a in found]
    md = next(a for a in found if a["source"] == str(SEED_MD))
    # The snippet is the original text, with the matched forms marked.
    assert "[безопасности]" in md["snippet"] and "[Лавров" in md["snippet"]
    assert [a["source"] for a in archive.search("Блинкена")] == [str(SEED_MD)]
    assert archive.search("Лавров жираф") == []
    result = run("search", "--db", seeds, "лавров безопасность")
    assert result.exit_code == 0 and "Sputnik Молдова" in result.output


@pytest.mark.parametrize("chunk", [None, 5, 1])
def test_snippet_of_a_late_match_and_of_none(monkeypatch, chunk):
    """The snippet starts four words before the first term however far into the article it comes,
    and is the opening when no word's lemma is a term; the same with the text looked through in
    stretches of a few characters (a window across their borders)."""
    import citata.lemmas
    from citata.lemmas import query_lemmas, snippet

    if chunk:
        monkeypatch.setattr(citata.lemmas, "SNIPPET_CHUNK", chunk)
    text = "Вступление. " + "слово " * 600 + "Министр Лавров заявил о безопасности страны сегодня."
    terms = query_lemmas("Лавров безопасность")
    assert snippet(text, terms) == "…слово слово слово Министр [Лавров] заявил о [безопасности] страны сегодня…"
    assert snippet(text, query_lemmas("жираф")) == "Вступление. " + " ".join(["слово"] * 23) + "…"
    assert snippet("снег_идёт, сказал Лаврову", terms) == "снег_идёт, сказал [Лаврову]"
    assert snippet(" \n ", terms) == ""


def test_quotes_by_speaker_from_both_seeds(seeds):
    result = run("quotes", "--db", seeds, "--speaker", "Лавров", "--format", "json", "--limit", 100)
    assert result.exit_code == 0
    found = json.loads(result.output)
    assert {(q["article"]["outlet"], q["article"]["published"]) for q in found} == {
        ("Sputnik Кыргызстан", "2023-02-02"), ("Sputnik Молдова", "2022-02-01")}
    assert all(q["speaker"]["name"] == "Сергей Лавров" for q in found)
    # Newest first.
    assert [q["article"]["published"] for q in found] == sorted((q["article"]["published"] for q in found), reverse=True)
    archive = Archive(seeds)
    for name in ("лаврова", "Сергей Лавров", "СЕРГЕЯ"):
        assert len(archive.quotes(speaker=name, limit=None)) == len(found), name
    assert archive.quotes(speaker="Андрей Лавров") == []
    assert {q["speaker"]["name"] for q in archive.quotes(speaker="Блинкен")} == {"Энтони Блинкен"}
    table = run("quotes", "--db", seeds, "--speaker", "Лавров")
    assert "2022-02-01  Sputnik Молдова" in table.output and "2023-02-02  Sputnik Кыргызстан" in table.output


def test_python_api_filters(seeds):
    archive = Archive(seeds)
    everyone = archive.quotes(limit=None)
    assert len(everyone) == archive.stats()["quotations"]
    recent = archive.quotes(speaker="Лавров", since="2023-01-01")
    assert recent and {q["article"]["published"] for q in recent} == {"2023-02-02"}
    assert {q["article"]["published"] for q in archive.quotes(until="2022-12-31")} == {"2022-02-01"}
    assert {q["article"]["published"] for q in archive.quotes(until="2022")} == {"2022-02-01"}
    assert {q["article"]["outlet"] for q in archive.quotes(outlet="молдова")} == {"Sputnik Молдова"}
    assert {q["type"] for q in archive.quotes(type="direct")} == {"direct"}
    about = archive.quotes(about="неделимость безопасности")
    assert about and all("неделимост" in q["content"]["text"] for q in about)
    assert len(archive.quotes(limit=3)) == 3
    with pytest.raises(Exception, match="since"):
        archive.quotes(since="last week")
    for impossible in ("2022-13-45", "2022-02-30", "2022-00", "0000"):
        with pytest.raises(ArchiveError, match="no such date"):
            archive.quotes(since=impossible)
    refused = run("quotes", "--db", seeds, "--since", "2022-13-45")
    assert refused.exit_code == 1
    assert refused.stderr.strip() == "citata: error: since: no such date: '2022-13-45'"

    top = archive.speakers(top=1)
    assert top[0]["name"] == "Сергей Лавров" and top[0]["articles"] == 2
    info = archive.speaker("Лавров")
    assert info["name"] == "Сергей Лавров"
    assert {"Лаврова", "Лавров"} <= set(info["aliases"]) and "он" not in info["aliases"]
    assert "глава МИД РФ" in info["roles"]
    assert info["per_month"] == {"2022-02": len(archive.quotes(speaker="Лавров", until="2022")),
                                 "2023-02": len(recent)}
    assert "безопасность" in info["topics"] and "лавров" not in info["topics"]
    assert archive.speaker("Никто Неизвестный") is None

    first = archive.search("Блинкен")[0]
    art = archive.article(first["id"])
    assert art["outlet"] == "Sputnik Молдова" and art["published"] == "2022-02-01"
    assert art["quotes"] and all(art["text"][q["content"]["start"]:q["content"]["end"]] == q["content"]["text"]
                                 for q in art["quotes"])
    assert {"text", "start", "end", "type", "normal", "entity_id"} <= set(art["entities"][0])
    assert archive.article(10**6) is None


def test_cli_formats_and_export(seeds, tmp_path):
    rows = list(csv.DictReader(io.StringIO(run("quotes", "--db", seeds, "--format", "csv", "--limit", 100).output)))
    assert len(rows) == Archive(seeds).stats()["quotations"]
    assert {"speaker", "content", "outlet", "published", "appearances", "first_seen"} <= set(rows[0])
    stats = json.loads(run("stats", "--db", seeds, "--format", "json").output)
    assert stats["articles"] == 2 and stats["speakers"] >= 3
    speakers = json.loads(run("speakers", "--db", seeds, "--format", "json", "--top", 2).output)
    assert len(speakers) == 2
    speaker = run("speaker", "--db", seeds, "Лавров")
    assert speaker.exit_code == 0 and "2022-02" in speaker.output
    assert run("speaker", "--db", seeds, "Никто").exit_code == 1

    mentions = [json.loads(line) for line in run("export", "--db", seeds, "--what", "mentions").output.splitlines()]
    assert mentions and set(mentions[0]) == {"source", "text", "start", "end", "type", "normal", "entity_id"}
    out = tmp_path / "articles.csv"
    assert run("export", "--db", seeds, "--what", "articles", "--format", "csv", "-o", out).exit_code == 0
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 2
    quotes = run("export", "--db", seeds).output.splitlines()
    assert len(quotes) == stats["quotations"]


def test_a_cut_list_says_so_and_pages_tile_it(seeds):
    total = Archive(seeds).count_quotes(speaker="Лавров")
    assert total > 10
    first = run("quotes", "--db", seeds, "--speaker", "Лавров", "--format", "json", "--limit", 10)
    assert first.exit_code == 0
    assert first.stderr.strip() == (f"citata: quotations 1–10 of {total} shown; the next: --offset 10, or --all")
    rest = run("quotes", "--db", seeds, "--speaker", "Лавров", "--format", "json", "--offset", 10, "--limit", 1000)
    assert rest.stderr == ""  # nothing was cut
    everything = run("quotes", "--db", seeds, "--speaker", "Лавров", "--format", "json", "--all")
    assert everything.stderr == ""
    ids = [q["id"] for q in json.loads(first.stdout) + json.loads(rest.stdout)]
    assert ids == [q["id"] for q in json.loads(everything.stdout)] and len(ids) == total


def test_csv_has_its_header_and_a_byte_order_mark_even_when_empty(seeds):
    for args in (("quotes", "--speaker", "Никто"), ("export", "--speaker", "Никто"), ("quotes", "--speaker", "Лавров")):
        out = run(*args, "--db", seeds, "--format", "csv").stdout
        assert out.startswith("\ufeffid,cluster,type,content,")
        rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
        assert bool(rows) == (args[-1] == "Лавров")


def test_export_takes_the_filters_of_quotes(seeds):
    exported = [json.loads(line) for line in run("export", "--db", seeds, "--speaker", "Лавров",
                                                 "--since", "2023").stdout.splitlines()]
    listed = json.loads(run("quotes", "--db", seeds, "--speaker", "Лавров", "--since", "2023", "--all",
                            "--format", "json").stdout)
    assert exported and sorted(q["id"] for q in exported) == sorted(q["id"] for q in listed)
    assert {q["published"] for q in exported} == {"2023-02-02"}
    articles = [json.loads(line) for line in run("export", "--db", seeds, "--what", "articles", "--outlet",
                                                 "молдова").stdout.splitlines()]
    assert [a["outlet"] for a in articles] == ["Sputnik Молдова"]
    refused = run("export", "--db", seeds, "--what", "articles", "--speaker", "Лавров")
    assert refused.exit_code == 1 and "outlet, since and until only" in refused.stderr


def test_missing_archive_is_an_error(tmp_path):
    result = run("quotes", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "no archive at" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_default_location_follows_environment(tmp_path, monkeypatch):
    from citata.archive.store import default_path

    monkeypatch.delenv("CITATA_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == tmp_path / "xdg" / "citata" / "citata.db"
    monkeypatch.setenv("CITATA_DB", str(tmp_path / "env.db"))
    assert Archive().path == tmp_path / "env.db"
    assert run("ingest", "--workers", 1, SEED_KG).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_syndicated_copies_share_an_origin_and_quote_clusters(tmp_path):
    text = SEED_MD.read_text(encoding="utf-8")
    # A reprint: a word changed inside a quotation, punctuation in another, the feed links dropped.
    edited = (text.replace("Вам хорошо известно", "Вам прекрасно известно")
              .replace("Так дело не пойдет.", "Так дело не пойдет!").replace("Лента новостей", ""))
    assert edited.count("прекрасно известно") == 1
    src = tmp_path / "feed.jsonl"
    write_jsonl(src, [
        {"id": "reprint", "text": edited, "outlet": "Reprints", "published": "2022-02-03"},
        {"id": "other", "text": SEED_KG.read_text(encoding="utf-8"), "outlet": "Other", "published": "2022-02-02"},
        {"id": "agency", "text": text, "outlet": "Agency", "published": "2022-02-01"},
    ])
    archive = Archive(tmp_path / "a.db")
    archive.ingest([str(src)], workers=1)
    by_source = {a["source"]: a for a in archive.rows("articles")}
    assert by_source["reprint"]["syndication_group"] == by_source["agency"]["syndication_group"] is not None
    assert by_source["other"]["syndication_group"] is None
    # The earliest published is the origin, though it was ingested last.
    assert by_source["agency"]["is_origin"] and not by_source["reprint"]["is_origin"]
    art = archive.article(by_source["reprint"]["id"])
    assert [c["source"] for c in art["syndication"]["copies"]] == ["agency", "reprint"]

    quotes = [q for q in archive.quotes(speaker="Лавров", limit=None) if q["article"]["source"] != "other"]
    single = Archive(tmp_path / "one.db")
    single.ingest([str(SEED_MD)], workers=1)
    # Each quotation once, in both articles, first seen at the agency.
    assert len(quotes) == len(single.quotes(speaker="Лавров", limit=None))
    assert {q["appearances"] for q in quotes} == {2}
    assert {q["first_seen"]["outlet"] for q in quotes} == {"Agency"}
    assert {q["article"]["outlet"] for q in quotes} == {"Agency"}
    reprint_only = archive.quotes(speaker="Лавров", outlet="reprints", limit=None)
    assert len(reprint_only) == len(quotes)
    assert any("прекрасно известно" in q["content"]["text"] for q in reprint_only)


def test_two_worker_processes_hand_over_packed_and_write_the_archive_of_one_process(tmp_path):
    """With worker processes each batch comes back as one pickled blob (`prepare_packed`), unpickled
    by the writer with the cycle collector paused (`unpack`): the archive is the one an ingest that
    extracts in the writer's own process gives, table by table, and the collector is on after."""
    sources = []
    for k in range(3):  # several batches of 2, so that results wait for the writer and come in order
        for name, seed_path in (("kg", SEED_KG), ("md", SEED_MD)):
            path = tmp_path / "in" / f"{name}{k}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
            sources.append(str(path))
    tables = {"articles": "SELECT id, source, hash, title, outlet_id, url, published, text, dateline, relayed_from,"
                          " credits, boilerplate, minhash, syndication_group, is_origin FROM articles ORDER BY id",
              **{t: f"SELECT * FROM {t} ORDER BY 1, 2" for t in ("quotations", "mentions", "speakers", "lsh")},
              "identities": "SELECT id, type, name, data FROM identities ORDER BY id"}

    def written(workers):
        db = tmp_path / f"{workers}.db"
        Archive(db).ingest(sources, workers=workers, batch_size=2)
        with sqlite3.connect(db) as conn:
            return {t: conn.execute(sql).fetchall() for t, sql in tables.items()}

    one = written(1)
    assert one["quotations"] and one["identities"]
    assert written(2) == one
    assert gc.isenabled()


def test_same_article_under_two_names_ingested_in_order(tmp_path):
    for name in ("b_first.txt", "a_second.txt"):
        shutil.copy(SEED_KG, tmp_path / name)
    archive = Archive(tmp_path / "a.db")
    archive.ingest([str(tmp_path / "b_first.txt"), str(tmp_path / "a_second.txt")], workers=1)
    arts = list(archive.rows("articles"))
    assert len(arts) == 2 and arts[0]["syndication_group"] == arts[1]["syndication_group"] is not None
    # Same date: the first ingested is the origin.
    assert arts[0]["source"].endswith("b_first.txt") and arts[0]["is_origin"] and not arts[1]["is_origin"]
    assert archive.stats()["distinct_quotations"] * 2 == archive.stats()["quotations"]


@needs_corpora
def test_killed_ingest_resumes_to_the_same_archive(tmp_path):
    raws = [r for r in read([str(p) for p in sorted(BSNLP.glob("*/raw"))]
                            + [str(p) for p in sorted((CORPORA / "factrueval-2016" / "devset").glob("*.txt"))])
            if isinstance(r, RawDocument)]
    # Two copies of every text with distinct ids and dates: over a thousand documents.
    records = [{"id": f"{copy}/{r.source}", "text": r.text, "published": f"202{copy}-01-{1 + i % 28:02d}"}
               for copy in (1, 2) for i, r in enumerate(raws)]
    assert len(records) >= 1000
    src = tmp_path / "corpus.jsonl"
    write_jsonl(src, records)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    args = ["ingest", "--workers", "2", str(src)]

    clean = tmp_path / "clean.db"
    done = subprocess.run(CITATA + args + ["--db", str(clean)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    expected = counts(clean)
    assert expected["articles"] == len(records)

    killed = tmp_path / "killed.db"
    kill_mid_ingest(CITATA + args + ["--db", str(killed)], env, lambda: sqlite_articles(killed))
    partial = counts(killed)
    assert 100 <= partial["articles"] < len(records)

    again = subprocess.run(CITATA + args + ["--db", str(killed)], env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{len(records) - partial['articles']} new, 0 replaced, {partial['articles']} unchanged" in again.stdout
    assert counts(killed) == expected


def test_ctrl_c_stops_an_ingest_between_batches_even_where_python_would_swallow_it(tmp_path, monkeypatch):
    # Python raises KeyboardInterrupt in whatever frame runs when the signal is handled; in a
    # garbage-collector callback (Dask's scheduler installs one in the ingesting process) the
    # exception is printed and dropped, and the ingest used to run on to the end.
    src = tmp_path / "seeds.jsonl"
    texts = [SEED_KG.read_text(encoding="utf-8"), SEED_MD.read_text(encoding="utf-8")]
    write_jsonl(src, [{"id": f"{i}/seed", "text": texts[i % 2]} for i in range(48)])
    pressed = []

    def press_ctrl_c_inside_the_collector(phase, info):
        if phase == "start" and not pressed:
            pressed.append(True)
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(1000):  # the handler runs here, inside the callback
                pass

    write = Store.write

    def write_then_arm(self, batch):
        result = write(self, batch)
        if press_ctrl_c_inside_the_collector not in gc.callbacks:
            gc.callbacks.append(press_ctrl_c_inside_the_collector)
        return result

    monkeypatch.setattr(Store, "write", write_then_arm)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    db = tmp_path / "a.db"
    try:
        with pytest.raises(KeyboardInterrupt):
            Archive(db).ingest([str(src)], workers=1, batch_size=16)
        # The ingest's own handler is gone, Python's is back. Checked before the test puts back the
        # handler it found: a run started in the background inherits SIGINT ignored.
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        if press_ctrl_c_inside_the_collector in gc.callbacks:
            gc.callbacks.remove(press_ctrl_c_inside_the_collector)
        signal.signal(signal.SIGINT, previous)
    assert pressed
    conn = sqlite3.connect(db)
    sources = [s for (s,) in conn.execute("SELECT source FROM articles ORDER BY id")]
    assert sources == [f"{i}/seed" for i in range(16)]  # the batch written before Ctrl-C, nothing after


def test_one_identity_per_person_across_the_archive(seeds):
    conn = sqlite3.connect(seeds)
    ids = dict(conn.execute("SELECT normal, COUNT(DISTINCT entity_id) FROM mentions WHERE type = 'PER'"
                            " GROUP BY normal").fetchall())
    assert ids["Лавров"] == ids["Сергей Лавров"] == 1
    lavrov = conn.execute("SELECT DISTINCT entity_id FROM mentions WHERE normal IN ('Лавров', 'Сергей Лавров')"
                          " AND type = 'PER'").fetchall()
    assert len(lavrov) == 1
    articles = conn.execute("SELECT COUNT(DISTINCT article_id) FROM mentions WHERE entity_id = ?", lavrov[0]).fetchone()
    assert articles == (2,)
    speakers = dict(conn.execute("SELECT name, entity_id FROM speakers").fetchall())
    assert speakers["Сергей Лавров"] == lavrov[0][0]
    assert len({speakers["Сергей Лавров"], speakers["Энтони Блинкен"], speakers["Дмитрий Киселев"]}) == 3
    conn.close()


def test_overrides_beside_the_archive_merge_identities(tmp_path):
    db = tmp_path / "a.db"
    (tmp_path / "citata-overrides.tsv").write_text("merge\tPER:Сергей Лавров\tPER:Энтони Блинкен\n",
                                                    encoding="utf-8")
    Archive(db).ingest([str(SEED_MD)], workers=1)
    conn = sqlite3.connect(db)
    ids = {r[0] for r in conn.execute("SELECT entity_id FROM mentions WHERE normal LIKE '%Блинкен%'"
                                      " OR normal LIKE '%Лавров%'")}
    conn.close()
    assert ids == {"PER:Сергей Лавров"}


def test_a_reader_sees_every_ingest_at_once_though_it_remembers_its_queries(tmp_path):
    """Pages of quotations, their count and the speaker list are remembered per connection until
    the archive changes: an ingest through another connection is seen by the next query."""
    db = tmp_path / "a.db"
    Archive(db).ingest([str(SEED_KG)], workers=1)
    reader = Archive(db)
    first = (reader.quotes(limit=50), reader.count_quotes(), reader.speaker_list(limit=50))
    assert first[0] and first[1] == len(first[0]) and first[2]
    assert (reader.quotes(limit=50), reader.count_quotes(), reader.speaker_list(limit=50)) == first
    reader.quotes(limit=50)[0]["content"]["text"] = "changed by a caller"  # a caller's copy, not the memo
    assert reader.quotes(limit=50) == first[0]
    Archive(db).ingest([str(SEED_MD)], workers=1)
    after = (reader.quotes(limit=50), reader.count_quotes(), reader.speaker_list(limit=50))
    assert after[1] > first[1] and len(after[0]) == after[1]
    assert {s["name"] for s in after[2]} > {s["name"] for s in first[2]}
    fresh = Archive(db)
    assert after == (fresh.quotes(limit=50), fresh.count_quotes(), fresh.speaker_list(limit=50))


def test_remembered_outlets_are_the_callers_own_copy(tmp_path):
    db = tmp_path / "a.db"
    Archive(db).ingest([str(SEED_KG)], workers=1)
    reader = Archive(db)
    first = reader.outlets()
    assert first and first[0]["top_speakers"]
    first[0]["top_speakers"].clear()
    first[0]["name"] = "changed by a caller"
    assert reader.outlets() == Archive(db).outlets() != first
    Archive(db).ingest([str(SEED_MD)], workers=1)
    assert sum(o["articles"] for o in reader.outlets()) == 2
