"""Why this speaker, kept in the archive: every quotation's provenance (the sieve that found its
speaker's mention, the step that resolved it, with their words) is stored on both backends,
shown by the API, the exports and the quotation's page; an archive made before it was recorded
opens and says "not recorded", and its next ingest upgrades it in place."""
import csv
import io
import json
import re
import sqlite3
import sys

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from citata import Archive, extract
from citata.cli import main
from citata.web import create_app
from conftest import ROOT, SEED_KG, SEED_MD

try:
    import psycopg
except ImportError:  # the SQLite archive is tested all the same
    psycopg = None
if psycopg is not None:
    from test_postgres import database, new_archive  # noqa: F401  (database: a fixture)

# Sputnik Кыргызстан: "По словам главы МИД РФ, …" — a title resolved to the minister named before.
TITLE_QUOTE = "Армения и Азербайджан продолжают искать"
TITLE_WORDS = "главы МИД РФ"


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """An empty archive of each kind."""
    if request.param == "sqlite":
        return str(tmp_path / "a.db")
    if psycopg is None:
        pytest.skip("psycopg is not installed (pip install -e '.[postgres]'): the PostgreSQL archive is not tested")
    return new_archive(request.getfixturevalue("database"))


def the_quote(archive: Archive, start: str) -> dict:
    [q] = [q for q in archive.quotes(limit=None) if q["content"]["text"].startswith(start)]
    return q


def drop_provenance(target: str) -> None:
    """Make the archive as a citata before provenance left it: no column, schema version 1."""
    if target.startswith("postgresql"):
        with psycopg.connect(target, autocommit=True) as conn:
            conn.execute("ALTER TABLE quotations DROP COLUMN provenance")
            conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        return
    # SQLite's DROP COLUMN trips over the table's comments: the table is made again without it.
    conn = sqlite3.connect(target, isolation_level=None)
    sql, = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quotations'").fetchone()
    indexes = [r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'quotations'"
                                          " AND type = 'index' AND sql IS NOT NULL")]
    columns = ", ".join(f'"{r[1]}"' for r in conn.execute("PRAGMA table_info(quotations)") if r[1] != "provenance")
    old = re.sub(r",(\s*--[^\n]*\n)*\s*provenance TEXT", "", sql).replace("quotations", "quotations_old", 1)
    assert "provenance" not in old
    conn.execute("BEGIN")
    conn.execute(old)
    conn.execute(f"INSERT INTO quotations_old ({columns}) SELECT {columns} FROM quotations")
    conn.execute("DROP TABLE quotations")
    conn.execute("ALTER TABLE quotations_old RENAME TO quotations")
    for index in indexes:
        conn.execute(index)
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.execute("COMMIT")
    conn.close()


def schema_version(target: str) -> str:
    sql = "SELECT value FROM meta WHERE key = 'schema_version'"
    if target.startswith("postgresql"):
        with psycopg.connect(target) as conn:
            return conn.execute(sql).fetchone()[0]
    with sqlite3.connect(target) as conn:
        return conn.execute(sql).fetchone()[0]


def test_every_quotation_keeps_why_this_speaker(target):
    archive = Archive(target)
    report = archive.ingest([str(SEED_KG), str(SEED_MD)], workers=1)
    assert report.new == 2 and not report.errors
    stored = archive.quotes(limit=None)
    assert stored and all(q["provenance"] and q["provenance"]["mention_sieve"] for q in stored)
    q = the_quote(archive, TITLE_QUOTE)
    assert q["speaker"]["name"] == "Сергей Лавров"
    assert TITLE_WORDS in q["provenance"]["mention_words"]
    assert q["provenance"]["resolution_words"] == "Сергей Лавров"
    # What the archive keeps is what the extractor said, for every quotation of both seeds.
    extracted = {(qq.content.text, json.dumps(qq.provenance.to_dict(), ensure_ascii=False))
                 for doc in extract([str(SEED_KG), str(SEED_MD)]) for qq in doc.quotes}
    assert {(q["content"]["text"], json.dumps(q["provenance"], ensure_ascii=False)) for q in stored} == extracted
    # One quotation, an article, an export row: the same provenance.
    assert archive.quotation(q["id"])["provenance"] == q["provenance"]
    assert [x["provenance"] for x in archive.article(q["article"]["id"])["quotes"] if x["id"] == q["id"]] \
        == [q["provenance"]]
    [row] = [r for r in archive.rows("quotes") if r["id"] == q["id"]]
    assert (row["mention_sieve"], row["mention_words"], row["resolution"], row["resolution_words"]) \
        == tuple(q["provenance"][k] for k in ("mention_sieve", "mention_words", "resolution", "resolution_words"))


def test_an_archive_made_before_provenance_opens_and_is_upgraded_by_its_next_ingest(target, tmp_path):
    Archive(target).ingest([str(SEED_KG)], workers=1)
    drop_provenance(target)
    old = Archive(target)
    q = the_quote(old, TITLE_QUOTE)
    assert q["speaker"]["name"] == "Сергей Лавров" and q["provenance"] is None  # not recorded, no error
    assert old.quotation(q["id"])["provenance"] is None
    assert next(old.rows("quotes"))["mention_sieve"] is None
    # The next ingest adds the column; what was archived before stays unrecorded, the new article has it.
    report = Archive(target).ingest([str(SEED_MD)], workers=1)
    assert report.new == 1 and not report.errors
    assert schema_version(target) == "2"
    fresh = Archive(target)
    by_article = {}
    for x in fresh.quotes(limit=None):
        by_article.setdefault(x["article"]["source"], set()).add(x["provenance"] is None)
    assert by_article == {str(SEED_KG): {True}, str(SEED_MD): {False}}
    if target.endswith(".db"):  # a reader open across the upgrade sees the column once it is there
        assert any(x["provenance"] for x in old.quotes(limit=None))


def test_the_page_and_the_api_say_why_this_speaker(tmp_path):
    db = tmp_path / "a.db"
    Archive(db).ingest([str(SEED_KG), str(SEED_MD)], workers=1)
    client = TestClient(create_app(db))
    items = client.get("/api/quotations", params={"limit": 500}).json()["items"]
    [q] = [q for q in items if q["content"]["text"].startswith(TITLE_QUOTE)]
    detail = client.get(f"/api/quotations/{q['id']}").json()
    assert detail["provenance"] == q["provenance"] and TITLE_WORDS in q["provenance"]["mention_words"]
    assert all(o["provenance"] for o in detail["occurrences"])
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    assert set(schema["Provenance"]["properties"]) == {"mention_sieve", "mention_words", "resolution",
                                                       "resolution_words"}
    page = client.get(f"/quotations/{q['id']}").text
    why = page[page.index('id="why"'):page.index("</section>", page.index('id="why"'))]
    assert "Почему этот спикер" in why
    # The words it rests on, marked in the sentence, and the person the title was resolved to, quoted.
    assert f'<mark class="mention">{TITLE_WORDS}</mark>' in why and '<mark class="cue">По словам</mark>' in why
    assert f'«<q class="words">{TITLE_WORDS}</q>»' in why and '«<q class="words">Сергей Лавров</q>»' in why
    assert "должность →" in why  # the resolution step in plain Russian, not the extractor's label alone
    # The speaker's page links each of their quotations to its "why".
    speaker = client.get(f"/speakers/{q['speaker']['id']}").text
    assert re.search(r'<a class="why-link" href="/quotations/\d+#why"', speaker)
    english = client.get(f"/quotations/{q['id']}", params={"lang": "en"}).text
    assert "Why this speaker" in english and "Сергей Лавров" in english
    csv_rows = list(csv.DictReader(io.StringIO(client.get("/api/quotations.csv").text.lstrip("\ufeff"))))
    assert {r["mention_sieve"] for r in csv_rows} and all(r["mention_sieve"] for r in csv_rows)


def test_the_page_of_an_old_archive_says_not_recorded(tmp_path):
    db = tmp_path / "a.db"
    Archive(db).ingest([str(SEED_KG)], workers=1)
    drop_provenance(str(db))
    client = TestClient(create_app(db))
    [q] = [q for q in client.get("/api/quotations", params={"limit": 500}).json()["items"]
           if q["content"]["text"].startswith(TITLE_QUOTE)]
    assert q["provenance"] is None
    assert client.get(f"/api/quotations/{q['id']}").json()["provenance"] is None
    page = client.get(f"/quotations/{q['id']}")
    assert page.status_code == 200 and "Не записано" in page.text


def test_cli_quotes_carry_provenance(tmp_path):
    db = tmp_path / "a.db"
    Archive(db).ingest([str(SEED_KG)], workers=1)
    result = CliRunner().invoke(main, ["quotes", "--db", str(db), "--format", "json", "--all"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    [q] = [q for q in found if q["content"]["text"].startswith(TITLE_QUOTE)]
    assert TITLE_WORDS in q["provenance"]["mention_words"]


def test_the_sieve_table_gives_the_blind_half_counts_only():
    """eval/quotes.py --sieves: per sieve of both stages, how many quotations it decides; precision
    for every set but the blind half (here the seeds stand in for both, so the counts agree)."""
    sys.path.insert(0, str(ROOT / "eval"))
    import quotes as quote_eval

    c = quote_eval.evaluate(quote_eval.entries(quote_eval.SEED_FILES), ROOT.parent / "shared" / "corpora")
    table = quote_eval.sieve_table({"tune": c, "blind": c}).splitlines()
    head = [cell.strip() for cell in table[0].strip("|").split("|")]
    assert head == ["stage", "sieve or step", "tune: decided", "quotation P", "who said what P", "blind: decided"]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table[2:]]
    for part, stage in quote_eval.SIEVE_PARTS:
        mine = [r for r in rows if r[0] == stage]
        assert mine and sum(int(r[2]) for r in mine) == c["pred"] == 20  # every seed quotation, once per part
        assert all(r[2] == r[5] for r in mine)
    # Every seed quotation is found with its right speaker: each sieve's precision is 1 there.
    assert {r[3] for r in rows} == {r[4] for r in rows} == {"1.000"}


def test_every_construction_a_sieve_names_has_plain_words_in_each_language():
    """The quotation page says in words which construction found the speaker; a sieve whose label
    the interface lacks would show its bare name ("standalone:answer after a caption")."""
    named = {m.strip() for path in (ROOT / "citata" / "quotes").glob("*.py")
             for m in re.findall(r'sieve\s*=\s*f?"([a-z]+:[^"/({]+)', path.read_text(encoding="utf-8"))}
    assert {"direct:attribution after", "standalone:label line", "standalone:answer after a caption"} <= named
    for lang in ("en", "ru"):
        table = json.loads((ROOT / "citata" / "web" / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
        assert not named - set(table["why"]["construction"]), lang


def test_every_resolution_step_has_plain_words_in_each_language():
    """The quotation page says in words how the speaker was named from the mention; a step the
    interface lacks would show its bare label, and in Russian an English one."""
    src = (ROOT / "citata" / "quotes" / "resolution.py").read_text(encoding="utf-8")
    named = set(re.findall(r'(?:_by|_then|_as_holder)\(\s*"([^"]+)"', src))
    # a step chosen by a condition, on one line or two: step = "A" if … else "B"
    named |= {s for pair in re.findall(r'step = "([^"]+)"[^\n]*?(?:\n\s*)?else "([^"]+)"', src) for s in pair}
    assert {"pronoun → the subject of the sentence before", "pronoun → the group named in the sentence before",
            "title → the one who just spoke", "organisation name"} <= named
    for lang in ("en", "ru"):
        table = json.loads((ROOT / "citata" / "web" / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
        assert not named - set(table["why"]["step"]), lang
        assert not set(table["why"]["step"]) - named, lang  # a step the code no longer takes
