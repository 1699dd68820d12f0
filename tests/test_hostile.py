"""Issue 17: no input stops a run. Each numbered case of the issue, on the readers, the command
line, both archives and the server; the property-based suite over the readers is test_fuzz.py."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from citata.cli import main
from citata.model import RawDocument, ReadError
from citata.source import MAX_HTML_TAGS, read, sanitise

from conftest import SEED_KG, SEED_MD

SEED_TEXT = SEED_MD.read_text(encoding="utf-8")
SPEECH = "Президент заявил, что всё хорошо. "


def _docs(items):
    return [x for x in items if isinstance(x, RawDocument)]


def _errors(items):
    return {x.source: x.reason for x in items if isinstance(x, ReadError)}


# ---------------------------------------------------------------- 2: NUL and other controls

def test_the_sanitiser_drops_controls_and_replaces_lone_surrogates():
    assert sanitise("Лавров\x00 заявил\x07,\tчто\x1b\n\r всё\x85 хорошо\ud800.") == "Лавров заявил,\tчто\n\r всё хорошо\ufffd."
    assert sanitise(SEED_TEXT) == SEED_TEXT  # real text passes unchanged


def test_a_nul_after_the_first_8_kb_and_a_json_nul_are_dropped_in_every_reader(tmp_path):
    # The binary check sees only the first 8 KB; the NUL further on must not reach a backend.
    (tmp_path / "late_nul.txt").write_text(SEED_TEXT + " " * 9000 + "Конец\x00 текста.", encoding="utf-8")
    (tmp_path / "nul.jsonl").write_text(
        json.dumps({"id": "n\u00001", "text": SPEECH + "\u0000\ud800", "title": "За\u0000головок"}) + "\n",
        encoding="utf-8")
    docs = _docs(read([str(tmp_path)]))
    assert len(docs) == 2
    for d in docs:
        assert "\x00" not in d.text + d.source + "".join(map(str, d.meta.values()))
    by_source = {d.source: d for d in docs}
    assert by_source["n1"].text == SPEECH + "\ufffd" and by_source["n1"].meta["title"] == "Заголовок"
    assert by_source[str(tmp_path / "late_nul.txt")].text.endswith("Конец текста.")


# ---------------------------------------------------------------- 3: nesting

def test_deeply_nested_json_is_one_error_line_and_the_next_record_is_read(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": SPEECH}) + "\n", encoding="utf-8")
    items = list(read([str(path)]))
    assert _errors(items) == {f"{path}:1": "invalid JSON: nested too deeply"}
    assert [d.text for d in _docs(items)] == [SPEECH]


# ---------------------------------------------------------------- 4: decompression bombs

def _bomb(path, line_bytes: int, then: str = "") -> None:
    """A gzip file of JSON lines whose first line is `line_bytes` long, written in chunks."""
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b'{"text": "')
        chunk = b"a" * 2**20
        for _ in range(line_bytes // len(chunk)):
            fh.write(chunk)
        fh.write(b'"}\n' + then.encode())


def test_a_gzip_bomb_line_is_refused_without_being_held_whole(tmp_path):
    import tracemalloc

    path = tmp_path / "bomb.jsonl.gz"
    _bomb(path, 256 * 2**20, json.dumps({"text": SPEECH}) + "\n")
    assert path.stat().st_size < 2**20
    tracemalloc.start()
    items = list(read([str(path)], max_bytes=2**20))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert list(_errors(items)) == [f"{path}:1"] and "too large" in _errors(items)[f"{path}:1"]
    assert [d.text for d in _docs(items)] == [SPEECH]
    assert peak < 16 * 2**20  # the 256 MB line was skipped in bounded chunks


def test_a_gzip_compressed_text_is_read_as_text_not_as_warc(tmp_path):
    path = tmp_path / "article.txt.gz"
    path.write_bytes(gzip.compress(SEED_TEXT.encode()))
    (doc,) = read([str(path)])
    assert isinstance(doc, RawDocument) and doc.text == SEED_TEXT.replace("\r\n", "\n")


def test_a_gzip_bomb_of_text_is_refused_after_max_bytes(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 64 * 2**20))
    (err,) = read([str(path)], max_bytes=2**20)
    assert isinstance(err, ReadError) and "decompressed" in err.reason


# ---------------------------------------------------------------- 5: special files

def test_a_fifo_in_a_directory_is_passed_over_and_one_named_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # nobody writes to it: opening it to read would wait forever
    assert [d.source for d in read([str(tmp_path)])] == [str(tmp_path / "a.txt")]
    (err,) = read([str(tmp_path / "pipe.txt")])
    assert err.reason.startswith("not a regular file but a FIFO")


def test_a_device_named_on_the_command_line_is_an_error():
    (err,) = read(["/dev/zero"])
    assert isinstance(err, ReadError) and err.reason.startswith("not a regular file but a character device")


def test_standard_input_is_read_no_further_than_max_bytes():
    with open("/dev/zero", "rb") as endless:
        (err,) = read(["-"], stdin=endless, max_bytes=2**20)
    assert "too large" in err.reason


# ---------------------------------------------------------------- 7: HTML

def test_an_html_page_of_a_million_tags_is_refused_before_parsing(tmp_path):
    path = tmp_path / "tags.html"
    path.write_text("<html><body><p>" + SPEECH + "</p>" + "<b></b>" * 1_000_000 + "</body></html>", encoding="utf-8")
    (err,) = read([str(path)])
    assert isinstance(err, ReadError) and f"limit {MAX_HTML_TAGS:,}" in err.reason


# ---------------------------------------------------------------- 6: messages, not tracebacks

def test_one_run_over_every_hostile_file_reports_each_on_one_line_and_processes_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "deep.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    _bomb(tmp_path / "bomb.jsonl.gz", 16 * 2**20)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "new\nline.bin").write_bytes(bytes(range(256)))
    (tmp_path / "nul.jsonl").write_text(json.dumps({"id": "nul", "text": SEED_TEXT + "\u0000"}) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "citata", "extract", "--max-bytes", str(2**20), str(tmp_path),
                           "/dev/zero"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = proc.stderr.splitlines()
    assert errors[-1] == "citata: 4 input(s) failed"
    assert sorted(errors[:-1]) == sorted([
        f"citata: error: {tmp_path}/bomb.jsonl.gz:1: too large for one document: 16.0 MB (limit 1 MB)",
        f"citata: error: {tmp_path}/deep.jsonl:1: invalid JSON: nested too deeply",
        f"citata: error: {tmp_path}/new\\nline.bin: binary file, not text",
        "citata: error: /dev/zero: not a regular file but a character device (use - to read standard input)",
    ])
    docs = {json.loads(line)["source"]: json.loads(line) for line in proc.stdout.splitlines()}
    assert set(docs) == {str(tmp_path / "good.txt"), "nul"}
    assert docs["nul"]["text"] == docs[str(tmp_path / "good.txt")]["text"]


@pytest.mark.parametrize("args", [
    ["article", "99999999999999999999999"],
    ["quotes", "--limit", "99999999999999999999999"],
    ["search", "путин", "--limit", "99999999999999999999999"],
    ["speakers", "--top", "99999999999999999999999"],
])
def test_a_huge_integer_is_a_usage_error_not_an_overflow(tmp_path, args):
    out = CliRunner().invoke(main, args + ["--db", str(tmp_path / "a.db")])
    assert out.exit_code == 2
    assert "is not in the range" in out.output


def _junk_db(tmp_path):
    db = tmp_path / "junk.db"
    db.write_bytes(b"SQLite format 2\x00" + bytes(range(256)) * 20)
    return db


@pytest.mark.parametrize("args", [["stats"], ["quotes"], ["search", "путин"], ["article", "1"],
                                  ["ingest", "--workers", "1", str(SEED_KG)]])
def test_a_file_that_is_not_an_archive_is_one_error_line(tmp_path, args):
    db = _junk_db(tmp_path)
    before = db.read_bytes()
    out = CliRunner().invoke(main, args + ["--db", str(db)])
    assert out.exit_code == 1 and isinstance(out.exception, SystemExit)
    assert out.stderr == f"citata: error: {db}: not a citata archive (file is not a database)\n"
    assert db.read_bytes() == before


def test_someone_elses_sqlite_database_is_left_alone(tmp_path):
    import sqlite3

    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT)")
    out = CliRunner().invoke(main, ["ingest", "--workers", "1", str(SEED_KG), "--db", str(db)])
    assert out.exit_code == 1
    assert out.stderr == f"citata: error: {db}: an SQLite database, but not a citata archive\n"
    assert [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM sqlite_master")] == ["bookmarks"]


def test_serve_on_a_file_that_is_not_an_archive_is_one_error_line(tmp_path):
    db = _junk_db(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "citata", "serve", "--db", str(db), "--port", "1"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr == f"citata: error: {db}: not a citata archive (file is not a database)\n"


# ---------------------------------------------------------------- 1: a budget per document

def test_a_document_over_its_budget_is_reported_and_the_run_goes_on(monkeypatch):
    """A stage that never ends on one document (standing in for quadratic work on a hostile one)
    costs that document only; the budget counts CPU time, so the test does not depend on speed."""
    from citata import pipeline
    from citata.source import text_document

    real_find = pipeline.find

    def find(view):
        if "Бесконечный" in view.text:
            while True:
                pass
        return real_find(view)

    monkeypatch.setattr(pipeline, "find", find)
    raws = [text_document("a", SEED_TEXT), text_document("hostile", "Бесконечный документ. " + SPEECH),
            text_document("b", SEED_KG.read_text(encoding="utf-8"))]
    out = list(pipeline.process(raws, doc_timeout=1.0))
    assert [type(x).__name__ for x in out] == ["Document", "ReadError", "Document"]
    assert out[1].source == "hostile" and "budget of 1 s of CPU time" in out[1].reason
    assert out[0].quotes and out[2].quotes


SITE_FOOTER = "Редакция работает для вас с 2008 года, и мы благодарны каждому, кто читает нас и пишет нам."
SITE_NEWS = ["Губернатор края заявил, что мост через Качу откроют в мае.",
             "Мэр Красноярска сообщил, что ремонт дорог начнется весной.",
             "Министр здравоохранения края сказал, что пункт вакцинации работает без записи.",
             "Директор библиотеки отметила, что выставка редких книг будет бесплатной.",
             "Синоптики предупредили, что выходить на лед Енисея пока опасно."]


def test_cleaning_a_page_again_with_its_sites_lines_is_under_the_documents_budget(monkeypatch):
    """The second cleaning, once the batch has shown which lines recur on a site's pages, is the
    page's work too: a page that sends it into an endless loop is reported, the others are cleaned."""
    from citata import pipeline
    from citata.source import text_document

    real_build = pipeline.build_document

    def build_document(raw, plain=False, sites=None):
        if sites is not None and "Бесконечный" in raw.text:
            while True:
                pass
        return real_build(raw, plain, sites)

    monkeypatch.setattr(pipeline, "build_document", build_document)
    pages = [text_document(f"{k}.txt", f"ru-{k}\nru\n2021-01-1{k}\nhttps://www.vestikraya.ru/news/{k}.html\n"
                                      f"Новости края\n\n{'Бесконечный. ' if k == 2 else ''}{SITE_NEWS[k]}\n\n"
                                      f"{SITE_FOOTER}\n") for k in range(5)]
    out = list(pipeline.process(pages, doc_timeout=1.0))
    assert [type(x).__name__ for x in out] == ["Document", "Document", "ReadError", "Document", "Document"]
    assert out[2].source == "2.txt" and "budget of 1 s of CPU time" in out[2].reason
    assert all(SITE_FOOTER not in d.text and d.quotes for d in out if isinstance(d, pipeline.Document))


# ---------------------------------------------------------------- 1 and 7: the server

def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _workers(pid: int) -> list[int]:
    """The processes `pid` started through multiprocessing (not its resource tracker)."""
    from pathlib import Path

    children = [int(c) for t in Path(f"/proc/{pid}/task").iterdir() for c in (t / "children").read_text().split()]
    return [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


def _wait_until(check, what: str, timeout: float = 300):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.1)
    raise AssertionError(f"never happened: {what}")


def test_the_server_reads_during_a_maximal_ingest_answers_head_and_stops_on_sigterm_at_once(tmp_path):
    import signal
    import threading
    import time
    import urllib.error
    import urllib.request

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "citata", "serve", "--db", str(tmp_path / "a.db"), "--port",
                               str(port), "--allow-ingest", "--token", "t"], stderr=subprocess.PIPE, text=True)
    try:
        def up():
            try:
                return urllib.request.urlopen(base + "/api/stats", timeout=5).status == 200
            except OSError:
                return False

        _wait_until(up, "the server answers")
        head = urllib.request.urlopen(urllib.request.Request(base + "/", method="HEAD"), timeout=30)
        assert head.status == 200 and head.headers["Content-Type"].startswith("text/html") and head.read() == b""
        # One maximal document (7 MB of reported speech, under the 8 MB limit): minutes of the worker's time.
        line = SPEECH * 10 + "\n"
        body = (json.dumps({"id": "maximal", "text": line * (7 * 2**20 // len(line.encode()))}, ensure_ascii=False)
                + "\n").encode()
        answer = {}

        def post():
            request = urllib.request.Request(base + "/api/ingest", data=body, method="POST",
                                             headers={"Authorization": "Bearer t"})
            try:
                answer["status"] = urllib.request.urlopen(request, timeout=600).status
            except urllib.error.HTTPError as exc:
                answer["status"] = exc.code
            except OSError as exc:  # the server closed the connection as it stopped
                answer["status"] = type(exc).__name__

        poster = threading.Thread(target=post)
        poster.start()
        found = _wait_until(lambda: _workers(server.pid) or answer, "the ingest worker starts")
        assert "status" not in answer, answer
        worker = found[0]
        # Reads go on while the worker ingests; the bound on /api/stats: p95 under 200 ms.
        for path in ("/api/stats", "/api/quotations?limit=5", "/"):
            assert urllib.request.urlopen(base + path, timeout=60).status == 200
        latencies = []
        for _ in range(60):
            t0 = time.perf_counter()
            assert urllib.request.urlopen(base + "/api/stats", timeout=60).status == 200
            latencies.append(time.perf_counter() - t0)
        latencies.sort()
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        assert "status" not in answer  # the ingest is still running
        assert p95 < 0.2, f"/api/stats p95 {p95 * 1000:.0f} ms during the ingest"
        server.send_signal(signal.SIGTERM)
        started = time.monotonic()
        server.wait(timeout=30)
        stopped_after = time.monotonic() - started
        poster.join(30)
        assert stopped_after < 5, f"the server took {stopped_after:.1f} s to stop"
        assert not os.path.exists(f"/proc/{worker}") or "zombie" in open(f"/proc/{worker}/status").read()
        assert "Traceback" not in server.stderr.read()
        assert answer["status"] != 200
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_a_full_ingest_queue_is_refused_not_queued_without_bound(monkeypatch):
    import threading

    from citata.web.upload import Busy, IngestQueue

    release = threading.Event()
    monkeypatch.setattr(IngestQueue, "ingest", lambda self, text: release.wait() and {"read": text})
    jobs = IngestQueue(None, max_waiting=1)
    running = jobs.submit("first")
    _wait_until(lambda: running.running(), "the first request runs")
    waiting = jobs.submit("second")
    with pytest.raises(Busy):
        jobs.submit("third")
    release.set()
    assert running.result(60) == {"read": "first"} and waiting.result(60) == {"read": "second"}
    jobs.close()


def test_a_full_ingest_queue_is_a_503_with_retry_after(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from citata.archive import Archive
    from citata.web import create_app
    from citata.web.upload import IngestQueue

    Archive(tmp_path / "a.db").ingest([], workers=1)
    monkeypatch.setattr(IngestQueue, "full", lambda self: True)
    client = TestClient(create_app(tmp_path / "a.db", allow_ingest=True, token="t"))
    r = client.post("/api/ingest", content=json.dumps({"text": SPEECH}), headers={"Authorization": "Bearer t"})
    assert r.status_code == 503 and r.headers["Retry-After"] == "10"


def test_deeply_nested_json_over_the_api_is_a_line_error_not_a_500(tmp_path):
    from fastapi.testclient import TestClient

    from citata.web import create_app

    with TestClient(create_app(tmp_path / "a.db", allow_ingest=True, token="t")) as client:
        body = "[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": "ok", "text": SEED_TEXT}, ensure_ascii=False)
        r = client.post("/api/ingest", content=body.encode(), headers={"Authorization": "Bearer t"})
        assert r.status_code == 200
        assert r.json()["errors"] == [{"source": "line:1", "reason": "invalid JSON: nested too deeply"}]
        assert r.json()["new"] == 1
        assert client.head("/").status_code == 200
