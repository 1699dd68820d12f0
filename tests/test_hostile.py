"""Issue 17: no input stops a run. Each numbered case of the issue, on the readers, the command
line, both archives and the server; the property-based suite over the readers is test_fuzz.py."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest

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
