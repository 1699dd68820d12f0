"""Readers: encodings, layouts, containers, and bad input that must not sink a batch."""
import gzip
import io
import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from citata.cli import main
from citata.model import ReadError
from citata.source import DecodeError, decode, read
from conftest import CORPORA, SEED_KG, SEED_MD, needs_corpora

SEED_TEXT = SEED_MD.read_text(encoding="utf-8")


def run_cli(*args, stdin=None):
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8-r", "utf-16"])
def test_russian_text_decodes_in_every_common_encoding(encoding):
    data = SEED_TEXT.encode(encoding, errors="replace" if encoding in ("cp1251", "koi8-r") else "strict")
    assert decode(data) == data.decode(encoding)


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_legacy_encoding_detected_on_a_short_text(encoding):
    text = "Лавров заявил, что Россия не обращалась к партнерам по ОДКБ."
    assert decode(text.encode(encoding)) == text


def test_legacy_file_is_cleaned_like_utf8(tmp_path):
    src = tmp_path / "seed-koi8.txt"
    src.write_bytes(SEED_TEXT.encode("koi8-r", errors="replace"))
    out = run_cli("extract", str(src))
    doc = json.loads(out.stdout)
    assert doc["title"] == "Лавров: безопасность либо одна для всех, либо ее нет ни для кого"
    assert doc["outlet"] == "Sputnik Молдова"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\n ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file"),
    ("Лавров заявил".encode() + b"\xff\xfe\xfa" + "что Россия".encode(), "invalid UTF-8 at byte 25"),
])
def test_undecodable_input_has_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(data)


@pytest.fixture
def bad_batch(tmp_path):
    """Good seeds interleaved with every kind of bad input the brief names."""
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.bin").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)
    with open(tmp_path / "c_huge_one_line.txt", "wb") as fh:
        chunk = ("Россия не обращалась к партнерам по ОДКБ. " * 1000).encode()
        for _ in range(50 * 2**20 // len(chunk) + 1):
            fh.write(chunk)
    (tmp_path / "d_bad_utf8.txt").write_bytes(SEED_TEXT.encode()[:500] + b"\xc3\x28\xff" + SEED_TEXT.encode()[500:])
    warc = _warc_bytes([("https://example.ru/a", _html(SEED_KG)), ("https://example.ru/b", _html(SEED_MD))])
    (tmp_path / "e_truncated.warc.gz").write_bytes(warc[: len(warc) * 2 // 3])
    (tmp_path / "f_good.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "g_good.txt").write_text(SEED_KG.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_bad_files_are_reported_one_line_each_and_the_rest_is_processed(bad_batch):
    proc = subprocess.run([sys.executable, "-m", "citata", "extract", str(bad_batch)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    by_file = {name: next((e for e in errors if name in e), None)
               for name in ("a_empty", "b_binary", "c_huge_one_line", "d_bad_utf8", "e_truncated")}
    assert "empty file" in by_file["a_empty"]
    assert "binary file" in by_file["b_binary"]
    assert "too large" in by_file["c_huge_one_line"]
    assert "invalid UTF-8" in by_file["d_bad_utf8"]
    assert "truncated or corrupt WARC" in by_file["e_truncated"]
    assert all(e.startswith("citata: ") for e in errors)
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    sources = [d["source"] for d in docs]
    assert str(bad_batch / "f_good.txt") in sources
    assert str(bad_batch / "sub" / "g_good.txt") in sources
    # The WARC's first record arrived whole before the truncation and is kept.
    assert any(s.startswith(str(bad_batch / "e_truncated.warc.gz")) for s in sources)


def test_missing_path_is_an_error_not_a_crash(tmp_path):
    out = run_cli("extract", str(tmp_path / "nope.txt"), str(SEED_KG))
    assert out.exit_code == 1
    assert "no such file" in out.stderr
    assert len(out.stdout.splitlines()) == 1


def test_stdin(tmp_path):
    out = run_cli("extract", "-", stdin=SEED_KG.read_bytes())
    doc = json.loads(out.stdout)
    assert doc["source"] == "<stdin>"
    assert doc["published"] == "2023-02-02"


def test_plain_keeps_the_input_verbatim(tmp_path):
    text = "Глава МИД РФ С. Лавров\r\n\r\n\"Мы решим все вопросы сами\", — сказал он.  \n"
    src = tmp_path / "s.txt"
    src.write_bytes(text.encode())
    doc = json.loads(run_cli("extract", "--plain", str(src)).stdout)
    assert doc["text"] == text
    assert doc["title"] is None and doc["boilerplate"] == [] and doc["published"] is None


def test_json_format_is_one_valid_array():
    out = run_cli("extract", "--format", "json", str(SEED_KG), str(SEED_MD))
    assert [d["outlet"] for d in json.loads(out.stdout)] == ["Sputnik Кыргызстан", "Sputnik Молдова"]


def test_jsonl_input_fields_and_bad_records(tmp_path):
    src = tmp_path / "batch.jsonl"
    rows = [
        {"id": "kg-1", "text": SEED_KG.read_text(encoding="utf-8"), "outlet": "Sputnik Кыргызстан"},
        {"id": "x", "text": ""},
        {"id": "md-1", "text": SEED_MD.read_text(encoding="utf-8"), "url": "https://sputnik.md/20220201/x.html",
         "published": "2022-02-01T10:00:00+02:00"},
    ]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{broken\n", encoding="utf-8")
    out = run_cli("extract", str(src))
    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [d["source"] for d in docs] == ["kg-1", "md-1"]
    assert docs[1]["published"] == "2022-02-01" and docs[1]["url"] == "https://sputnik.md/20220201/x.html"
    assert out.exit_code == 1
    assert "batch.jsonl:2: empty text" in out.stderr and "batch.jsonl:4: invalid JSON" in out.stderr


def _html(seed) -> str:
    lines = [ln for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip()]
    paragraphs = "\n".join(f"<p>{ln}</p>" for ln in lines[1:])
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{lines[0]}</title>"
        "<meta property='og:site_name' content='Sputnik'>"
        "<meta name='article:published_time' content='2023-02-02T10:00:00+06:00'></head><body>"
        "<nav><ul><li><a href='/'>Главная</a></li><li><a href='/politics'>Политика</a></li></ul></nav>"
        f"<article><h1>{lines[0]}</h1>{paragraphs}</article>"
        "<footer><p>© 2023 Sputnik. Все права защищены.</p><a href='/about'>О нас</a></footer>"
        "</body></html>"
    )


def _warc_bytes(pages) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buf.getvalue()


def test_html_page_main_content_via_trafilatura(tmp_path):
    src = tmp_path / "page.html"
    src.write_text(_html(SEED_KG), encoding="utf-8")
    doc = json.loads(run_cli("extract", str(src)).stdout)
    assert doc["title"].startswith("Россия не обращалась к партнерам по ОДКБ")
    assert "Генеральный директор медиагруппы" in doc["text"]
    assert "Все права защищены" not in doc["text"] and "Политика" not in doc["text"]
    assert doc["published"] == "2023-02-02"


def test_warc_records_become_documents(tmp_path):
    src = tmp_path / "crawl.warc.gz"
    src.write_bytes(_warc_bytes([("https://ru.sputnik.kg/20230202/a.html", _html(SEED_KG)),
                                 ("https://sputnik.md/20220201/b.html", _html(SEED_MD))]))
    items = list(read([str(src)]))
    assert not any(isinstance(i, ReadError) for i in items)
    assert [i.meta["url"] for i in items] == ["https://ru.sputnik.kg/20230202/a.html",
                                              "https://sputnik.md/20220201/b.html"]
    out = run_cli("extract", str(src))
    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [d["outlet"] for d in docs] == ["Sputnik Кыргызстан", "Sputnik Молдова"]


def test_gzipped_jsonl(tmp_path):
    src = tmp_path / "b.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": SEED_KG.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    docs = [json.loads(line) for line in run_cli("extract", str(src)).stdout.splitlines()]
    assert docs[0]["source"] == f"{src}:1"


@needs_corpora
def test_a_corpus_directory_yields_its_articles_not_its_annotations():
    """Walking ../shared/corpora: every article text is read (BSNLP's raw/ files and FactRuEval's
    .txt, however many the folder holds today); .out/.facts/... side files are passed over, and
    BSNLP's annotation tables named .txt are refused one by one."""
    items = list(read([str(CORPORA)]))
    docs = [x for x in items if not isinstance(x, ReadError)]
    errors = [x for x in items if isinstance(x, ReadError)]
    articles = [p for p in CORPORA.glob("bsnlp-ru/*/raw/*") if p.is_file()]
    articles += list(CORPORA.glob("factrueval-2016/devset/*.txt"))
    assert sorted(d.source for d in docs) == sorted(map(str, articles))
    assert all("/raw/" in d.source or "/devset/" in d.source for d in docs)
    assert errors and all("/annotated/" in e.source and "annotation" in e.reason for e in errors)


def test_html_character_references_in_text_are_decoded(tmp_path):
    """A scraper's text with "&quot;" gives the quotation marks (issue 18), in the title too."""
    dump = tmp_path / "dump.txt"
    dump.write_text("Мэй назвала сроки &quot;брексита&quot;\n\nПремьер Тереза Мэй заявила, что выход "
                    "состоится в марте. AT&T и R&D &unknown остаются как есть.\n", encoding="utf-8")
    (doc,) = [json.loads(line) for line in run_cli("extract", str(dump)).stdout.splitlines()]
    assert doc["title"] == 'Мэй назвала сроки "брексита"'
    assert "AT&T и R&D &unknown остаются как есть." in doc["text"]
    record = tmp_path / "r.jsonl"
    record.write_text(json.dumps({"title": "Сроки &laquo;брексита&raquo;", "text": "Мэй заявила: &laquo;Да&raquo;."},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = [json.loads(line) for line in run_cli("extract", str(record)).stdout.splitlines()]
    assert doc["title"] == "Сроки «брексита»" and doc["text"].startswith("Мэй заявила: «Да»")


def test_the_table_counts_in_words_that_agree_with_the_number(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("Министр Иван Петров заявил, что переговоры продолжатся.\n", encoding="utf-8")
    table = run_cli("extract", "--format", "table", str(one)).stdout
    assert "1 paragraph, " in table and "1 paragraphs" not in table
    table = run_cli("extract", "--format", "table", str(SEED_KG)).stdout
    assert re.search(r"\d+ paragraphs, \d+ chars; removed \d+ boilerplate lines", table)
