"""The server's kept answers (citata.web.cache): served again only while nothing was written to
the archive, and never across requests that differ in what decides the answer."""
import json

from fastapi.testclient import TestClient

from citata import Archive
from citata.web import create_app
from conftest import SEED_KG

LATER = {"id": "later-1", "title": "Сидоров о бюджете", "outlet": "Вечерний вестник", "published": "2024-03-02",
         "text": "Министр финансов Пётр Сидоров заявил, что бюджет будет исполнен в срок."}


def test_an_answer_is_served_again_until_the_archive_changes(tmp_path):
    db = tmp_path / "a.db"
    Archive(db).ingest([str(SEED_KG)], workers=1)
    app = create_app(db)
    with TestClient(app) as client:
        first = client.get("/api/stats").json()
        home = client.get("/")
        again = client.get("/")
        assert again.text == home.text
        # A kept answer carries the headers the live one had.
        assert again.headers["content-security-policy"] == home.headers["content-security-policy"]
        assert client.head("/").status_code == 200

        records = tmp_path / "later.jsonl"
        records.write_text(json.dumps(LATER, ensure_ascii=False) + "\n", encoding="utf-8")
        Archive(db).ingest([str(records)], workers=1)  # another connection commits

        after = client.get("/api/stats").json()
        assert after["articles"] == first["articles"] + 1
        assert "Сидоров" in client.get("/").text
        assert any(q["speaker"]["name"] and "Сидоров" in q["speaker"]["name"]
                   for q in client.get("/api/quotations?limit=50").json()["items"])


def test_the_language_and_the_host_are_part_of_the_key(tmp_path):
    db = tmp_path / "a.db"
    Archive(db).ingest([str(SEED_KG)], workers=1)
    with TestClient(create_app(db)) as client:
        russian = client.get("/").text
        client.cookies.set("lang", "en")
        english = client.get("/").text
        assert english != russian and 'lang="en"' in english
        client.cookies.clear()
        assert client.get("/").text == russian
        page = client.get("/api/quotations?limit=1", headers={"host": "one.example"}).json()
        other = client.get("/api/quotations?limit=1", headers={"host": "two.example"}).json()
        assert page["total"] > 1  # so there is a next page, whose link names the host asked
        assert "one.example" in page["next"] and "two.example" in other["next"]
