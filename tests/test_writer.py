"""The archive writer: bulk writes give the archive the per-article writer gave, SQLite takes
one writer, and several ingests write into one PostgreSQL archive at once."""
import json
import os
import signal
import subprocess
import sys

import pytest

from citata.archive.backend import ArchiveError
from citata.archive.store import Store
from conftest import BSNLP, ROOT, SEED_KG, SEED_MD, needs_corpora, wait_for_articles

CITATA = [sys.executable, "-m", "citata"]
ENV = dict(os.environ, PYTHONPATH=str(ROOT))
try:
    from test_postgres import database, new_archive  # noqa: F401 (database: the session's PostgreSQL fixture)
except pytest.skip.Exception:  # psycopg is not installed
    @pytest.fixture(scope="session")
    def database():
        pytest.skip("psycopg is not installed (pip install -e '.[postgres]')")


# ---------------------------------------------------------------- SQLite: one writer

def test_a_second_writer_on_an_sqlite_file_is_refused_clearly(tmp_path):
    db = tmp_path / "a.db"
    first = Store(db)
    try:
        with pytest.raises(ArchiveError, match="another citata ingest is writing to .*one writer"):
            Store(db)
        second = subprocess.run(CITATA + ["ingest", "--workers", "1", "--db", str(db), str(SEED_KG)],
                                env=ENV, capture_output=True, text=True)
        assert second.returncode != 0
        assert "another citata ingest is writing to" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        first.close()
    again = subprocess.run(CITATA + ["ingest", "--workers", "1", "--db", str(db), str(SEED_KG)],
                           env=ENV, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr


def test_ingest_over_http_while_a_cli_ingest_writes_the_file_is_409(tmp_path):
    from fastapi.testclient import TestClient

    from citata.web.app import create_app

    db = tmp_path / "a.db"
    client = TestClient(create_app(db, allow_ingest=True, token="s3cret"))
    record = {"id": "kg-1", "text": "«Весна будет ранней», — сказал синоптик Иван Сидоров.", "published": "2024-03-01"}
    writer = Store(db)
    try:
        r = client.post("/api/ingest", content=json.dumps(record, ensure_ascii=False).encode(),
                        headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 409 and "another ingest is writing" in r.json()["detail"]
        assert str(tmp_path) not in r.text  # the server's paths stay out of answers
    finally:
        writer.close()
    r = client.post("/api/ingest", content=json.dumps(record, ensure_ascii=False).encode(),
                    headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200 and r.json()["new"] == 1


# ---------------------------------------------------------------- LSH rows of a replaced article

def _connect(target):
    if str(target).startswith("postgresql://"):
        import psycopg

        return psycopg.connect(str(target), autocommit=True)
    import sqlite3

    return sqlite3.connect(target, isolation_level=None)


def _lsh(target) -> tuple[set[int], set[int], bool]:
    """The archive's LSH keys, its one article's signature bands, and whether lsh_article exists."""
    from citata.archive.syndication import band_keys

    conn = _connect(target)
    try:
        keys = {k for (k,) in conn.execute("SELECT key FROM lsh").fetchall()}
        (sig,), = conn.execute("SELECT minhash FROM articles").fetchall()
        if str(target).startswith("postgresql://"):
            indexed = conn.execute("SELECT to_regclass('lsh_article') IS NOT NULL").fetchone()[0]
        else:
            indexed = bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'lsh_article'").fetchall())
        return keys, set(band_keys(bytes(sig))), indexed
    finally:
        conn.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    if request.param == "sqlite":
        return tmp_path / "a.db"
    return new_archive(request.getfixturevalue("database"))


@pytest.mark.parametrize("older", [False, True], ids=["new archive", "archive with lsh_article"])
def test_a_replaced_article_leaves_no_lsh_rows_behind(target, tmp_path, older):
    """A replaced article's LSH rows are found by its signature's bands (no index by article is kept):
    none of the old version's stays, in a new archive and in one made before the index was dropped."""
    from citata import Archive

    path = tmp_path / "article.txt"
    path.write_text(SEED_KG.read_text(encoding="utf-8"), encoding="utf-8")
    Archive(target).ingest([str(path)], workers=1)
    first, bands, indexed = _lsh(target)
    assert first == bands and len(first) == 32 and not indexed
    if older:
        conn = _connect(target)
        conn.execute("CREATE INDEX lsh_article ON lsh(article_id)")  # as archives were made before
        conn.close()
    path.write_text(SEED_MD.read_text(encoding="utf-8"), encoding="utf-8")  # another text: new bands
    report = Archive(target).ingest([str(path)], workers=1)
    assert (report.new, report.replaced) == (0, 1)
    second, bands, indexed = _lsh(target)
    assert second == bands and not second & first
    assert not indexed  # the writer dropped it from the older archive


def _has_index(target, name: str) -> bool:
    conn = _connect(target)
    try:
        if str(target).startswith("postgresql://"):
            return conn.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()[0]
        return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchall())
    finally:
        conn.close()


def test_mentions_keep_no_index_by_identity_and_an_older_archive_loses_it(target, tmp_path):
    """mentions_entity is gone (DROPPED_INDEXES: no reader asks for mentions by identity): a new
    archive never has it, an older one loses it at its writer's next batch, and the mentions and
    the speakers' identity pages read as before."""
    from citata import Archive

    Archive(target).ingest([str(SEED_KG)], workers=1)
    assert not _has_index(target, "mentions_entity")
    conn = _connect(target)
    conn.execute("CREATE INDEX mentions_entity ON mentions(entity_id)")  # as archives were made before
    conn.close()
    archive = Archive(target)
    before = list(archive.rows("mentions"))
    archive.close()
    Archive(target).ingest([str(SEED_MD)], workers=1)
    assert not _has_index(target, "mentions_entity")
    archive = Archive(target)
    mentions = list(archive.rows("mentions"))
    assert before and all(m in mentions for m in before) and len(mentions) > len(before)
    assert any(m["entity_id"] for m in mentions)
    speakers = archive.speakers(top=5)
    assert speakers and all(archive.speaker_profile(s["id"]) for s in speakers)
    archive.close()


# ---------------------------------------------------------------- PostgreSQL: no foreign keys to articles

@pytest.mark.parametrize("older", [False, True], ids=["new archive", "archive with the foreign keys"])
def test_a_replaced_article_leaves_no_mentions_or_quotations_without_foreign_keys(database, tmp_path, older):
    """Mentions and quotations keep no foreign key to their article in PostgreSQL (DROPPED_CONSTRAINTS;
    an older archive's go at its writer's next open): replacing an article deletes exactly the old
    version's mentions, quotations and quotations' index rows, and the new version's are all there."""
    from citata import Archive
    from citata.archive.pg import DROPPED_CONSTRAINTS

    def state(url):
        conn = _connect(url)
        try:
            return (conn.execute("SELECT conname FROM pg_constraint WHERE conrelid IN"
                                 " (to_regclass('mentions'), to_regclass('quotations')) AND confrelid = to_regclass('articles')"
                                 ).fetchall(),
                    conn.execute("SELECT article_id, text FROM mentions ORDER BY id").fetchall(),
                    conn.execute("SELECT article_id, content FROM quotations ORDER BY id").fetchall(),
                    conn.execute("SELECT COUNT(*) FROM quote_fts").fetchone()[0])
        finally:
            conn.close()

    url = new_archive(database)
    path = tmp_path / "article.txt"
    path.write_text("«Мост откроют к осени», — заявил губернатор Пётр Смирнов. Мэр Анна Лебедева"
                    " добавила: «Денег хватит».", encoding="utf-8")
    Archive(url).ingest([str(path)], workers=1)
    constraints, mentions, quotations, indexed = state(url)
    assert constraints == [] and {t for _, t in mentions} >= {"Пётр Смирнов", "Анна Лебедева"}
    assert len(quotations) == indexed == 2
    (first_id,) = {a for a, _ in mentions}
    if older:
        conn = _connect(url)
        for table, name, definition in DROPPED_CONSTRAINTS:
            conn.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")  # as archives were made before
        conn.close()
        assert len(state(url)[0]) == 2
    path.write_text("«Школу достроят зимой», — сообщил министр Иван Петров.", encoding="utf-8")
    report = Archive(url).ingest([str(path)], workers=1)
    assert (report.new, report.replaced) == (0, 1)
    constraints, mentions, quotations, indexed = state(url)
    assert constraints == []
    assert {a for a, _ in mentions} | {a for a, _ in quotations} == {first_id}  # the article keeps its id
    assert "Иван Петров" in {t for _, t in mentions} and not {"Пётр Смирнов", "Анна Лебедева"} & {t for _, t in mentions}
    assert [c for _, c in quotations] == ["Школу достроят зимой"] and indexed == 1


# ---------------------------------------------------------------- SQLite: no foreign-key check per row

def test_the_sqlite_writer_checks_no_foreign_key_per_row_and_leaves_none_broken(tmp_path):
    """The SQLite writer's connection checks no foreign key row by row (backend.SQLite.connect): it
    inserts parents first and deletes a replaced article's rows itself. After new articles, a
    replacement whose speaker is named nowhere else and one that keeps its text, `PRAGMA
    foreign_key_check` finds nothing, the gone speaker's name tokens went with it, and a reader's
    connection still has the checks on."""
    import sqlite3

    from citata import Archive

    db = tmp_path / "a.db"
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("«Мост откроют к осени», — заявил губернатор Пётр Смирнов.", encoding="utf-8")
    second.write_text("«Денег хватит», — добавила мэр Анна Лебедева.", encoding="utf-8")
    Archive(db).ingest([str(first), str(second)], workers=1)
    store = Store(db)
    assert store.conn.execute("PRAGMA foreign_keys").fetchone() == (0,)
    store.close()
    conn = sqlite3.connect(db)
    speakers = dict(conn.execute("SELECT name, id FROM speakers").fetchall())
    assert {"Пётр Смирнов", "Анна Лебедева"} <= set(speakers)
    gone = speakers["Пётр Смирнов"]
    assert conn.execute("SELECT COUNT(*) FROM speaker_tokens WHERE speaker_id = ?", (gone,)).fetchone()[0] > 0
    conn.close()
    first.write_text("«Школу достроят зимой», — сообщил министр Иван Петров.", encoding="utf-8")
    report = Archive(db).ingest([str(first), str(second)], workers=1)
    assert (report.new, report.replaced) == (0, 1)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        names = {n for (n,) in conn.execute("SELECT name FROM speakers")}
        assert "Пётр Смирнов" not in names and {"Иван Петров", "Анна Лебедева"} <= names
        assert conn.execute("SELECT COUNT(*) FROM speaker_tokens WHERE speaker_id = ?", (gone,)).fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM speaker_tokens t WHERE NOT EXISTS"
                            " (SELECT 1 FROM speakers s WHERE s.id = t.speaker_id)").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM speakers s WHERE NOT EXISTS"
                            " (SELECT 1 FROM quotations q WHERE q.speaker_id = s.id)").fetchone()[0] == 0
    finally:
        conn.close()
    archive = Archive(db)
    assert archive.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    archive.close()


# ---------------------------------------------------------------- PostgreSQL: articles' text in lz4

def _compression(url) -> dict[str, str]:
    """Each article column's compression method ('l': lz4, 'p' or '': pglz, the default)."""
    conn = _connect(url)
    try:
        return dict(conn.execute("SELECT attname, attcompression::text FROM pg_attribute"
                                 " WHERE attrelid = to_regclass('articles') AND attnum > 0").fetchall())
    finally:
        conn.close()


@pytest.mark.parametrize("older", [False, True], ids=["new archive", "archive made with pglz"])
def test_articles_text_is_compressed_with_lz4_and_reads_back_the_same(database, tmp_path, older):
    """The articles' large columns (LZ4_COLUMNS) are compressed with lz4 in a new archive, and in an
    older one from its writer's next batch on; rows written before and after read back as written."""
    from citata import Archive
    from citata.archive.pg import LZ4_COLUMNS

    url = new_archive(database)
    conn = _connect(url)
    lz4 = conn.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
                       ).fetchone()
    conn.close()
    if not lz4 or not lz4[0]:
        pytest.skip("this PostgreSQL server has no lz4 compression (PostgreSQL 14+ built with lz4)")
    # Long enough to be compressed (TOAST compresses values over about 2 kB).
    body = " ".join(["«Мост откроют к осени», — заявил губернатор области Пётр Смирнов."] * 60)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(body, encoding="utf-8")
    second.write_text(body.replace("осени", "весне"), encoding="utf-8")
    Archive(url).ingest([str(first)], workers=1)
    assert {c: m for c, m in _compression(url).items() if c in LZ4_COLUMNS} == dict.fromkeys(LZ4_COLUMNS, "l")
    if older:
        conn = _connect(url)
        conn.execute("ALTER TABLE articles " + ", ".join(f"ALTER COLUMN {c} SET COMPRESSION pglz" for c in LZ4_COLUMNS))
        conn.execute("UPDATE articles SET text = text || ''")  # its row as an older writer stored it
        conn.close()
        assert {_compression(url)[c] for c in LZ4_COLUMNS} == {"p"}
    Archive(url).ingest([str(second)], workers=1)
    assert {c: m for c, m in _compression(url).items() if c in LZ4_COLUMNS} == dict.fromkeys(LZ4_COLUMNS, "l")
    conn = _connect(url)
    stored = conn.execute("SELECT source, text, pg_column_compression(text) FROM articles ORDER BY id").fetchall()
    conn.close()
    assert [(text, method) for _, text, method in stored] == [
        (body, "pglz" if older else "lz4"), (body.replace("осени", "весне"), "lz4")]


# ---------------------------------------------------------------- search: the newest matches ranked

def test_search_ranks_only_the_newest_matches(target, tmp_path, monkeypatch):
    """A search ranks the RANKED_MATCHES most recently ingested matches (SQLite's two statements and
    PostgreSQL's one): the oldest article, the best match, is left out when only two are ranked."""
    import citata.archive.query
    from citata import Archive

    texts = [
        "Водопровод в городе Заречный чинили всю ночь: водопровод старый, водопровод течёт, и водопровод"
        " меняют по кварталам, сообщил глава администрации Пётр Смирнов.",
        "В Заречном открыли новую школу на триста учеников, водопровод к ней подвели ещё весной.",
        "Футбольный клуб из Заречного выиграл областной кубок; стадион к матчу отремонтировали.",
        "Библиотека Заречного получила тысячу новых книг, и там же проверили водопровод.",
    ]
    src = tmp_path / "feed.jsonl"
    src.write_text("".join(json.dumps({"id": f"zar-{i}", "text": t, "published": f"2024-03-0{i + 1}"},
                                      ensure_ascii=False) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    archive = Archive(target)
    assert archive.ingest([str(src)], workers=1).new == 4
    found = [a["source"] for a in archive.search("водопровод")]
    assert found[0] == "zar-0" and sorted(found) == ["zar-0", "zar-1", "zar-3"]  # the best match first
    monkeypatch.setattr(citata.archive.query, "RANKED_MATCHES", 2)
    assert {a["source"] for a in archive.search("водопровод")} == {"zar-1", "zar-3"}
    assert archive.search("водопровод", limit=1, offset=1)[0]["source"] in {"zar-1", "zar-3"}


# ---------------------------------------------------------------- PostgreSQL: several writers

def _halves(tmp_path):
    """Two halves that share syndication groups: 15 corpus files on one story (Asia Bibi) and the
    reprints (a new id, dated earlier) of 15 on another (Ryanair); and the other way round.
    Returns each half's paths and its sources. Two stories: who is linked to whom depends on the
    order names are first seen, within a story (as it does for one ingest of reordered input)."""
    from citata import read
    from citata.model import RawDocument

    stories = [[r for r in read([str(f) for f in sorted((BSNLP / story / "raw").glob("*"))[:15]])
                if isinstance(r, RawDocument)] for story in ("asia_bibi", "ryanair")]
    halves = []
    for k, (own, other) in enumerate([stories, stories[::-1]]):
        reprints = tmp_path / f"reprints{k}.jsonl"
        reprints.write_text("".join(json.dumps({"id": f"reprint/{r.source}", "text": r.text,
                                                "published": "2015-01-01"}, ensure_ascii=False) + "\n"
                                    for r in other), encoding="utf-8")
        halves.append(([r.source for r in own] + [str(reprints)],
                       {r.source for r in own} | {f"reprint/{r.source}" for r in other}))
    return halves


def _ingest(url, paths, **kw):
    # Without site templates: a rerun after another ingest finished would otherwise clean its pages
    # with what that ingest taught the archive, and differ from one ingest of everything by design.
    return subprocess.Popen(CITATA + ["ingest", "--workers", "1", "--no-site-templates", "--db", url, *paths], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _finish(proc):
    out, err = proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    return out


def content(url) -> dict:
    """The archive without its ids, which depend on the order writers took turns: articles by
    source, quotations by (source, seq), mentions by (source, offset), speakers, identities as the
    sets of mentions they gather (an identity id is handed out when a writer first sees one of its
    names, so ids depend on which writer saw it first), syndication groups and their
    origins, and quotation clusters, as sets of sources."""
    import psycopg

    with psycopg.connect(url) as conn:
        q = lambda sql: sorted(conn.execute(sql).fetchall(), key=repr)  # noqa: E731
        art = "JOIN articles a ON a.id = {}.article_id"
        return {
            "articles": q("SELECT a.source, a.hash, a.title, o.name, a.published, a.text, a.dateline, a.credits,"
                          " a.boilerplate, a.minhash FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"),
            "quotations": q("SELECT a.source, q.seq, q.type, q.content, q.start, q.\"end\", q.cue, q.speaker_name,"
                            " s.key, q.mention, q.role, q.channel, q.is_question, q.published"
                            f" FROM quotations q {art.format('q')} LEFT JOIN speakers s ON s.id = q.speaker_id"),
            "mentions": q(f"SELECT a.source, m.start, m.\"end\", m.text, m.type, m.normal FROM mentions m"
                          f" {art.format('m')}"),
            "identities": q("SELECT i.type, array_agg(a.source || '@' || m.start ORDER BY a.source, m.start)"
                            f" FROM identities i JOIN mentions m ON m.entity_id = i.id {art.format('m')}"
                            " GROUP BY i.id, i.type"),
            "speakers": q("SELECT s.key, s.name, s.kind, array_agg(t.token ORDER BY t.token)"
                          " FROM speakers s JOIN speaker_tokens t ON t.speaker_id = s.id GROUP BY s.id"),
            "groups": q("SELECT array_agg(source ORDER BY source), array_agg(source ORDER BY source)"
                        " FILTER (WHERE is_origin = 1) FROM articles WHERE syndication_group IS NOT NULL"
                        " GROUP BY syndication_group"),
            "clusters": q(f"SELECT array_agg(a.source || '#' || q.seq ORDER BY a.source, q.seq) FROM quotations q"
                          f" {art.format('q')} GROUP BY q.cluster_id"),
            "index": q("SELECT (SELECT COUNT(*) FROM article_fts), (SELECT COUNT(*) FROM quote_fts),"
                       " (SELECT COUNT(*) FROM lsh), (SELECT COUNT(*) FROM quote_keys)"),
        }


@pytest.fixture(scope="module")
def whole(database, tmp_path_factory):
    """The two halves' inputs, and one ingest of all of them."""
    halves = _halves(tmp_path_factory.mktemp("halves"))
    url = new_archive(database)
    _finish(_ingest(url, halves[0][0] + halves[1][0]))
    expected = content(url)
    assert expected["groups"] and len(expected["clusters"]) < len(expected["quotations"])
    return halves, expected


@needs_corpora
def test_two_ingests_at_once_give_the_archive_of_one(database, whole):
    halves, expected = whole
    url = new_archive(database)
    procs = [_ingest(url, paths) for paths, _ in halves]
    for proc in procs:
        _finish(proc)
    assert content(url) == expected


@needs_corpora
def test_one_of_two_ingests_killed_and_rerun_gives_the_archive_of_one(database, whole):
    import psycopg

    halves, expected = whole
    url = new_archive(database)
    (paths, sources), (other_paths, _) = halves

    def written() -> int | None:
        """The killed ingest's articles in the archive."""
        try:
            with psycopg.connect(url) as conn:
                return conn.execute("SELECT COUNT(*) FROM articles WHERE source = ANY(%s)",
                                    (sorted(sources),)).fetchone()[0]
        except psycopg.Error:  # not created yet
            return None

    victim = _ingest(url, paths, start_new_session=True)
    other = _ingest(url, other_paths)
    wait_for_articles(victim, written, at_least=1)
    os.killpg(victim.pid, signal.SIGKILL)
    victim.communicate()
    _finish(other)
    partial = written()
    assert 0 < partial < len(sources)  # killed mid-way, after at least one batch
    out = _finish(_ingest(url, paths))
    assert f"{partial} unchanged" in out
    assert content(url) == expected


# ---------------------------------------------------------------- PostgreSQL: full-text rows beside linking

def test_full_text_beside_linking_gives_the_sequential_archive_and_fails_as_one_batch(database, monkeypatch):
    """On PostgreSQL the articles' full-text statement runs on a second thread while the writer links
    names (store._beside): the archive is the one the statement sent first gives, and a failure on
    that thread fails the whole batch (nothing of it stays, nor in the writer's identities), after
    which the same batch writes as on a fresh archive."""
    import copy

    import citata.archive.store
    from citata.archive.ingest import content_hash, prepare
    from citata.archive.pg import Postgres
    from citata.model import RawDocument

    raws = [RawDocument(f"{name}/{k}", path.read_text(encoding="utf-8"))
            for k in range(3) for name, path in (("kg", SEED_KG), ("md", SEED_MD))]
    items = prepare([(raw, content_hash(raw)) for raw in raws])
    assert all(isinstance(item, citata.archive.store.Prepared) for item in items)
    assert any(m.get("key") for item in items for m in item.doc.entities)  # names to link

    def write(url, threshold):
        monkeypatch.setattr(citata.archive.store, "BESIDE_SEGMENT", threshold)
        store = Store(url)
        store.write(copy.deepcopy(items))
        store.close()
        return content(url)

    beside, first = new_archive(database), new_archive(database)
    assert write(beside, 2) == write(first, 10**6)

    failing = new_archive(database)
    store = Store(failing)
    write_rows = Postgres.index_articles

    def broken(self, conn, rows, tsvs=None):
        raise RuntimeError("the full-text statement failed")
    monkeypatch.setattr(citata.archive.store, "BESIDE_SEGMENT", 2)
    monkeypatch.setattr(Postgres, "index_articles", broken)
    with pytest.raises(RuntimeError, match="full-text statement failed"):
        store.write(copy.deepcopy(items))
    assert not store.registry.by_id  # the rolled-back batch's identities are gone from the writer too
    assert all(not rows for table, rows in content(failing).items() if table != "index")
    monkeypatch.setattr(Postgres, "index_articles", write_rows)
    store.write(copy.deepcopy(items))
    store.close()
    assert content(failing) == content(beside)


# ---------------------------------------------------------------- SQLite: the LSH buckets in memory

def test_the_sqlite_writer_places_from_memory_as_from_the_lsh_table(tmp_path, monkeypatch):
    """An SQLite archive's one writer answers the LSH bucket lookups from its own copy of the table
    (syndication.Buckets): copies and an edited reprint of two articles, a replacement that keeps its
    older id in a bucket holding newer articles, a batch that fails and rolls back, and a second
    writer that reads the table afresh give the syndication groups, origins, LSH rows and quotation
    clusters that asking the table for every batch gives."""
    import copy
    import sqlite3

    from citata.archive import syndication
    from citata.archive.backend import SQLite
    from citata.archive.ingest import content_hash, prepare
    from citata.source import read

    kg, md = SEED_KG.read_text(encoding="utf-8"), SEED_MD.read_text(encoding="utf-8")
    reprint = kg.rsplit("\n\n", 2)[0]  # the Kyrgyz article less its last paragraphs
    assert reprint != kg

    def item(name: str, text: str):
        path = tmp_path / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        (raw,) = read([str(path)])
        return prepare([(raw, content_hash(raw))])[0]

    batches = [[item("kg1.txt", kg), item("md1.txt", md), item("kg2.txt", kg)],
               [item("kg3.txt", kg), item("md1.txt", kg)],  # md1 becomes a copy of kg, its id older than kg3's
               [item("md2.txt", md), item("reprint.txt", reprint)],  # this batch fails the first time
               [item("md3.txt", md), item("kg4.txt", kg)]]

    def write(db):
        store = Store(db)
        for n, batch in enumerate(batches):
            if n == 2:
                with monkeypatch.context() as m:
                    m.setattr(SQLite, "index_quotes", _fails)
                    with pytest.raises(RuntimeError):
                        store.write(copy.deepcopy(batch))
            store.write(copy.deepcopy(batch))
            if n == 1:  # a second writer reads the table, as a rerun's would
                store.close()
                store = Store(db)
        store.close()
        conn = sqlite3.connect(db)
        try:
            return {table: conn.execute(sql).fetchall() for table, sql in {
                "articles": "SELECT id, source, syndication_group, is_origin FROM articles ORDER BY id",
                "lsh": "SELECT key, article_id FROM lsh ORDER BY key, article_id",
                "quotations": "SELECT id, cluster_id FROM quotations ORDER BY id",
                "quote_keys": "SELECT key, cluster_id FROM quote_keys ORDER BY key"}.items()}
        finally:
            conn.close()

    lists, asked = syndication.Buckets.lists, []

    def checked(buckets, conn, keys):
        """Every lookup answered as the table answers it at that moment, inside the writer's transaction."""
        answer = lists(buckets, conn, keys)
        assert answer == syndication.bucket_lists(conn, keys)
        asked.append(len(answer))
        return answer

    monkeypatch.setattr(syndication.Buckets, "lists", checked)
    from_memory = write(tmp_path / "memory.db")
    assert len(asked) == 6 and sum(asked) > 0  # a segment each, the replacement one of its own
    monkeypatch.setattr(SQLite, "one_writer", False)  # the table asked for every batch's buckets
    from_table = write(tmp_path / "table.db")
    assert from_memory == from_table
    groups = {source.rsplit("/", 1)[1]: group for _, source, group, _ in from_memory["articles"]}
    assert groups["md1.txt"] == groups["kg1.txt"] == groups["kg4.txt"] == groups["reprint.txt"] is not None
    assert groups["md2.txt"] == groups["md3.txt"] is not None and groups["md2.txt"] != groups["kg1.txt"]


def _fails(*args, **kwargs):
    raise RuntimeError("a failure mid-batch")


def test_the_writers_bucket_lists_merge_its_new_rows_and_share_equal_lists(monkeypatch):
    """syndication.Buckets answers as the LSH table does (`bucket_lists`, SQL) with the table's rows
    and the rows added since in two pairs of arrays: merged without a sort while the added ids are
    the newer, and by a sort once a replacement adds rows under an older id (the rows it replaced
    taken out). Buckets with the same newest members share one list."""
    import random
    import sqlite3

    import numpy as np

    from citata.archive import syndication

    rng = random.Random(19)
    pool = [rng.randrange(-2**63, 2**63) for _ in range(120)]
    stories = [rng.sample(pool, syndication.BANDS) for _ in range(8)]  # each copy of a story: its keys
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE lsh (key INTEGER NOT NULL, article_id INTEGER NOT NULL,"
                 " PRIMARY KEY (key, article_id)) WITHOUT ROWID")

    def article(aid, keys):
        conn.executemany("INSERT INTO lsh VALUES (?, ?)", [(k, aid) for k in keys])
        return aid, keys

    for aid in range(1, 301):  # buckets of up to a hundred members: the newest 20 are kept
        article(aid, stories[aid % 8] if aid % 5 else rng.sample(pool, syndication.BANDS))
    buckets = syndication.Buckets(conn)
    sorts = []
    lexsort = np.lexsort
    monkeypatch.setattr(np, "lexsort", lambda *a, **k: sorts.append(1) or lexsort(*a, **k))
    asked = pool + [rng.randrange(-2**63, 2**63) for _ in range(20)]  # and buckets nobody is in

    def check():
        sorts.clear()  # lsh_rows sorts the rows added: only the lookups' sorts are counted
        lists = buckets.lists(conn, asked)
        assert lists == syndication.bucket_lists(conn, asked)
        # one list object for each distinct list of members
        assert len({id(ids) for ids in lists.values()}) == len({tuple(ids) for ids in lists.values()})
        return lists

    buckets.add(*syndication.lsh_rows([article(aid, stories[aid % 8]) for aid in range(301, 340)]))
    lists = check()
    assert not sorts and len(buckets.recent_keys)  # two pairs of arrays, merged without a sort
    assert any(len(ids) == syndication.BUCKET_SAMPLE and ids[0] > 300 and ids[-1] <= 300 for ids in lists.values())
    # A replacement: article 12 (a copy of story 4) becomes a copy of story 1, its id kept.
    conn.execute("DELETE FROM lsh WHERE article_id = 12")
    buckets.remove(12, stories[4])
    buckets.add(*syndication.lsh_rows([article(12, stories[1])]))
    check()
    assert sorts  # its id is older than others' in the buckets it joins


# ---------------------------------------------------------------- linking with the workers' name keys

LINK_IN_A_FRESH_PROCESS = """
import pickle, sqlite3, sys
from citata.archive.store import Store
from citata.nlp import morph, parse
items_path, db, own = sys.argv[1], sys.argv[2], sys.argv[3] == "own"
with open(items_path, "rb") as fh:
    batches = pickle.load(fh)
if own:  # the writer finds every key itself, as before the workers answered them
    for batch in batches:
        for item in batch:
            item.name_keys = None
morph()
store = Store(db)
before = parse.cache_info().misses
for batch in batches:
    store.write(batch)
print(parse.cache_info().misses - before)
store.close()
"""


@needs_corpora
def test_the_writer_links_with_the_workers_name_keys_and_parses_no_word(tmp_path):
    """What identity linking asks pymorphy about a document's names (organisations' keys, first
    names, typo-prone surnames, roles) is answered where the document is extracted and carried to
    the writer (Prepared.name_keys): a writer in a fresh process that takes them parses no word while
    it links 14 BSNLP articles and the two examples, and writes the archive, table by table, that a
    writer finding every key itself writes."""
    import pickle
    import sqlite3

    from citata.archive.ingest import content_hash, prepare
    from citata.source import read

    paths = sorted(BSNLP.glob("*/raw/*.txt"))[::40] + [SEED_KG, SEED_MD]  # 14 texts of five topics
    raws = read([str(p) for p in paths])
    items = prepare([(raw, content_hash(raw)) for raw in raws])
    kinds = {kind for item in items for kind in item.name_keys}
    assert {"org", "first", "typo", "role", "known"} <= kinds  # every key linking may ask is met here
    with open(tmp_path / "items.pkl", "wb") as fh:
        pickle.dump([items[:8], items[8:]], fh)

    def write(mode):
        db = tmp_path / f"{mode}.db"
        run = subprocess.run([sys.executable, "-c", LINK_IN_A_FRESH_PROCESS, str(tmp_path / "items.pkl"), str(db),
                              mode], env=ENV, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        conn = sqlite3.connect(db)
        try:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                 " AND name NOT LIKE '%fts%' ORDER BY name")]
            conn.execute("UPDATE articles SET ingested_at = ''")  # the clock's, not the writer's
            return int(run.stdout), {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                                     for t in tables}
        finally:
            conn.close()

    seeded, seeded_archive = write("seeded")
    own, own_archive = write("own")
    assert seeded == 0
    assert own > 0  # a writer left to itself parses the names' words
    assert seeded_archive == own_archive
    assert seeded_archive["identities"] and any(row[-1] for row in seeded_archive["mentions"])


# ---------------------------------------------------------------- PostgreSQL: a statement per table

@needs_corpora
def test_the_postgresql_writer_sends_new_speakers_tokens_and_quotation_keys_in_a_statement_each(database,
                                                                                                 monkeypatch):
    """A batch's new speakers, their name tokens and its quotations' keys go to a PostgreSQL archive
    in one statement per table (COPY, or one INSERT over arrays), not one per row: 14 BSNLP articles
    with dozens of each take one of each. The archive is the one writing each article in a batch of
    its own gives."""
    import copy
    import re
    from collections import Counter

    import psycopg

    from citata.archive.ingest import content_hash, prepare
    from citata.source import read

    paths = sorted(BSNLP.glob("*/raw/*.txt"))[::40]  # 14 texts of five topics
    items = prepare([(raw, content_hash(raw)) for raw in read([str(p) for p in paths])])
    speakers = {keyed[0]: keyed[1] for item in items for keyed in item.speaker_keys if keyed is not None}
    assert len(speakers) > 10 and sum(map(len, speakers.values())) > 2 * len(speakers)
    assert len({key for item in items for key in item.quote_keys}) > 10

    sent: Counter[str | None] = Counter()  # statements by the table they write

    def table(sql) -> str | None:
        m = re.search(r"\b(?:INTO|COPY) (\w+)", str(sql))
        return m and m.group(1)

    execute, executemany, copy_rows = psycopg.Cursor.execute, psycopg.Cursor.executemany, psycopg.Cursor.copy

    def counted_execute(self, query, params=None, **kwargs):
        sent[table(query)] += 1
        return execute(self, query, params, **kwargs)

    def counted_executemany(self, query, rows, **kwargs):
        rows = list(rows)
        sent[table(query)] += len(rows)  # one statement a row, however they are pipelined
        return executemany(self, query, rows, **kwargs)

    def counted_copy(self, statement, *args, **kwargs):
        sent[table(statement)] += 1
        return copy_rows(self, statement, *args, **kwargs)

    whole, one_by_one = new_archive(database), new_archive(database)
    store = Store(whole)
    monkeypatch.setattr(psycopg.Cursor, "execute", counted_execute)
    monkeypatch.setattr(psycopg.Cursor, "executemany", counted_executemany)
    monkeypatch.setattr(psycopg.Cursor, "copy", counted_copy)
    store.write(copy.deepcopy(items))
    monkeypatch.undo()
    store.close()
    assert (sent["speakers"], sent["speaker_tokens"], sent["quote_keys"]) == (1, 1, 1)

    store = Store(one_by_one)
    for item in copy.deepcopy(items):
        store.write([item])
    store.close()
    assert content(whole) == content(one_by_one)


# ---------------------------------------------------------------- SQLite: the full-text tokenizer

def _terms(db, table: str) -> list[tuple]:
    """Every term of an SQLite archive's full-text table where it stands: (term, row, column, offset)."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        conn.execute(f"CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, {table}, 'instance')")
        return conn.execute("SELECT term, doc, col, offset FROM temp.terms ORDER BY doc, offset").fetchall()
    finally:
        conn.close()


def test_the_ascii_tokenizer_splits_lemma_strings_as_unicode61_but_for_a_few_folded_letters():
    """Every character a lemma string may hold (a word character of lemmas.WORD_RE, lower-cased and
    folded as `lemma` leaves it), between two letters, is tokenised alike by FTS5's 'ascii' and
    'unicode61 remove_diacritics 0': the Cyrillic and Latin alphabets, digits, the hyphen and the
    space all; what differs (by design, backend.FTS_TOKENIZER) is a few dozen letters unicode61
    folds into others or splits at (Greek final sigma, letter symbols, the long s, a few signs)."""
    import sqlite3
    import unicodedata

    from citata.lemmas import WORD_RE, fold

    conn = sqlite3.connect(":memory:")
    rows = [(cp, f"q{fold(chr(cp).lower())}q") for cp in range(0x110000)
            if not 0xD800 <= cp <= 0xDFFF and WORD_RE.fullmatch(chr(cp))]
    rows += [(-1, "северо-запад москва"), (-2, "covid-19 2024")]  # the hyphen and the space separate
    tokens = {}
    for name, tokenizer in (("u", "unicode61 remove_diacritics 0"), ("a", "ascii")):
        conn.execute(f"CREATE VIRTUAL TABLE {name} USING fts5(lemmas, tokenize = '{tokenizer}')")
        conn.execute(f"CREATE VIRTUAL TABLE {name}_terms USING fts5vocab({name}, 'instance')")
        conn.executemany(f"INSERT INTO {name} (rowid, lemmas) VALUES (?, ?)", rows)
        tokens[name] = {}
        for term, row in conn.execute(f"SELECT term, doc FROM {name}_terms ORDER BY doc, offset"):
            tokens[name].setdefault(row, []).append(term)
    assert tokens["a"][-1] == ["северо", "запад", "москва"]
    assert tokens["a"][-2] == ["covid", "19", "2024"]
    differ = [chr(cp) for cp, _ in rows if tokens["u"].get(cp) != tokens["a"].get(cp)]
    alphabets = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяabcdefghijklmnopqrstuvwxyz0123456789"
    assert not set(alphabets + alphabets.upper()) & set(differ)
    assert 0 < len(differ) < len(rows) / 1000
    assert {"ς", "ſ"} <= set(differ)  # folded by unicode61 to σ and s, kept by ascii
    assert all(unicodedata.category(c) in ("Ll", "Lo") for c in differ)


@needs_corpora
def test_the_ascii_tokenizer_indexes_as_unicode61_did_and_an_older_archive_keeps_its_own(tmp_path):
    """A new archive's full-text tables tokenise with FTS5's 'ascii' (backend.FTS_TOKENIZER), which
    splits the lemma strings into the terms, at the places, that 'unicode61 remove_diacritics 0' gave
    the archives made before it: 16 real articles (Cyrillic and Latin words, digits, hyphenated words)
    written into a new archive and into one made as older citata made them give the same index term
    by term; the older archive keeps its unicode61 tables after its writer opens it; and searches of
    articles and quotations answer the same on both through the library, the web API and the CLI."""
    import re
    import sqlite3

    from fastapi.testclient import TestClient

    from citata import Archive
    from citata.archive.backend import FTS_TOKENIZER, SCHEMA, SCHEMA_VERSION
    from citata.archive.ingest import content_hash, prepare
    from citata.source import read
    from citata.web.app import create_app

    paths = sorted(BSNLP.glob("*/raw/*.txt"))[::40] + [SEED_KG, SEED_MD]  # 14 texts of five topics
    raws = read([str(p) for p in paths])
    items = prepare([(raw, content_hash(raw)) for raw in raws])
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    before = "unicode61 remove_diacritics 0"
    conn = sqlite3.connect(old)  # the tables as citata made them before the sixteenth session
    conn.executescript(SCHEMA.replace(f"tokenize = '{FTS_TOKENIZER}'", f"tokenize = '{before}'"))
    conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    conn.commit()
    conn.close()
    for db in (old, new):
        store = Store(db)
        store.write(items[:8])
        store.write(items[8:])
        store.close()

    def tokenizers(db):
        conn = sqlite3.connect(db)
        try:
            return {name: re.search(r"tokenize = '([^']*)'", sql).group(1) for name, sql in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE name IN ('article_fts', 'quote_fts')")}
        finally:
            conn.close()
    assert tokenizers(new) == {"article_fts": "ascii", "quote_fts": "ascii"}
    assert tokenizers(old) == {"article_fts": before, "quote_fts": before}
    for table in ("article_fts", "quote_fts"):
        terms = _terms(new, table)
        assert terms == _terms(old, table)
        assert any(re.fullmatch(r"[a-z]+", t) for t, *_ in terms) and any(t.isdigit() for t, *_ in terms)

    # Queries: words of the texts as written, from every hundredth to the hyphenated ones (a phrase of
    # two terms, which needs their places), and one word with another.
    text_words = sorted({m.group() for item in items for m in re.finditer(r"\w+(?:-\w+)*", item.doc.text)})
    hyphenated = [w for w in text_words if "-" in w][:5]
    queries = text_words[::100] + hyphenated + [f"{text_words[50]} {text_words[150]}"]
    assert len(hyphenated) == 5
    answers = {}
    for db in (old, new):
        archive = Archive(db)
        client = TestClient(create_app(db))
        answers[db] = [(archive.search(q), archive.quotes(about=q, limit=None),
                        client.get("/api/search", params={"q": q}).json(),
                        client.get("/api/quotations", params={"about": q}).json()) for q in queries]
        archive.close()
    assert answers[new] == answers[old]
    assert sum(bool(found[0]) for found in answers[new]) > len(queries) // 2  # most queries find articles
    quoted = [q for q, found in zip(queries, answers[new]) if found[1]]  # and some find quotations
    assert quoted
    cli = {db: [json.loads(subprocess.run(CITATA + [command, *args, "--format", "json", "--db", str(db)], env=ENV,
                                          capture_output=True, text=True, check=True).stdout)
                for command, args in (("search", [hyphenated[0]]), ("quotes", ["--about", quoted[0]]))]
           for db in (old, new)}
    assert cli[new] == cli[old] and all(cli[new])


# ---------------------------------------------------------------- SQLite: the candidates' signatures

def test_the_sqlite_writer_reads_candidates_signatures_from_a_covering_index_and_an_older_archive_gets_it(tmp_path):
    """Syndication placement reads its candidates' groups and signatures from articles_signature
    (a covering index), not from the rows, whose signature lies after the text; an archive made
    before the index gets it when its writer opens it, and both archives place copies of the two
    examples into the same groups, table by table."""
    import copy
    import sqlite3

    from citata.archive.backend import SCHEMA, SCHEMA_VERSION
    from citata.archive.ingest import content_hash, prepare
    from citata.source import read

    originals = prepare([(raw, content_hash(raw)) for raw in read([str(SEED_KG), str(SEED_MD)])])
    copies = []
    for k in range(3):  # reprints under other addresses: near-duplicates of the stored articles
        for item in originals:
            reprint = copy.deepcopy(item)
            reprint.doc.source = f"{item.doc.source}#reprint-{k}"
            copies.append(reprint)
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    index = "CREATE INDEX IF NOT EXISTS articles_signature ON articles(id, syndication_group, minhash);"
    assert index in SCHEMA
    conn = sqlite3.connect(old)  # the tables as citata made them before the sixteenth session
    conn.executescript(SCHEMA.replace(index, ""))
    conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    conn.commit()
    conn.close()

    def tables(db):
        conn = sqlite3.connect(db)
        try:
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                " AND name NOT LIKE '%fts%' ORDER BY name")]
            conn.execute("UPDATE articles SET ingested_at = ''")  # the clock's, not the writer's
            indexed = bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_signature'").fetchall())
            return indexed, {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in names}
        finally:
            conn.close()

    plans = []
    for db in (old, new):
        store = Store(db)
        first, then = copy.deepcopy((originals, copies))  # linking fills the documents' identities in
        store.write(first)
        sent = []
        store.conn.set_trace_callback(sent.append)
        store.write(then)
        store.conn.set_trace_callback(None)
        reads = [sql for sql in sent if sql.startswith("SELECT id, syndication_group, minhash FROM articles")]
        assert reads  # the stored originals were candidates
        plans += [" ".join(r[-1] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql)) for sql in reads]
        store.close()
    assert plans and all("COVERING INDEX articles_signature" in plan for plan in plans)
    (old_indexed, old_tables), (new_indexed, new_tables) = tables(old), tables(new)
    assert old_indexed and new_indexed
    assert old_tables == new_tables
    groups = [row[-2] for row in sorted(new_tables["articles"])]  # syndication_group, is_origin last
    assert len(groups) == 8 and all(g is not None for g in groups) and len(set(groups)) == 2
