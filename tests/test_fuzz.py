"""Property-based tests (hypothesis) over the readers and the pipeline: arbitrary bytes, arbitrary
Unicode, nesting and sizes never raise, never hang, and never let a control character or a lone
surrogate through. Derandomised with a fixed number of examples each, so a CI run is bounded and
repeatable; issue 17's named cases are in test_hostile.py."""
from __future__ import annotations

import gzip
import io
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citata.model import Document, RawDocument, ReadError
from citata.pipeline import process
from citata.source import DecodeError, decode, read, sanitise

from conftest import SEED_MD

READERS = settings(max_examples=150, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PIPELINE = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
SUFFIXES = [".txt", ".jsonl", ".html", ".warc", ".txt.gz", ".jsonl.gz", ".warc.gz", ".bin"]
SEED_TEXT = SEED_MD.read_text(encoding="utf-8")

# Text like the input: Russian words and punctuation, quotation marks and dashes, mixed with anything.
russian = st.text(alphabet=st.sampled_from(list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЛМПРС .,:;!?«»„“”—–-\n\"'()0123456789")),
                  max_size=400)
anything = st.text(max_size=400)  # every code point, surrogates and controls included
texts = st.one_of(russian, anything, st.builds(lambda a, b: a + b, russian, anything))


def _clean(item) -> None:
    """What every reader promises: a document or an error, and no forbidden character in a document."""
    assert isinstance(item, (RawDocument, ReadError))
    if isinstance(item, RawDocument):
        assert not FORBIDDEN.search(item.text + item.source + "".join(v for v in item.meta.values() if isinstance(v, str)))


@READERS
@given(st.binary(max_size=4096))
def test_decode_returns_text_or_a_decode_error(data):
    try:
        assert isinstance(decode(data), str)
    except DecodeError as exc:
        assert "\n" not in str(exc)


@READERS
@given(texts)
def test_sanitise_leaves_nothing_forbidden_and_is_idempotent(text):
    once = sanitise(text)
    assert not FORBIDDEN.search(once) and sanitise(once) == once
    assert len(once) <= len(text)


@READERS
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES), compress=st.booleans())
def test_any_bytes_under_any_name_are_read_or_refused(tmp_path_factory, data, suffix, compress):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(gzip.compress(data) if compress else data)
    items = list(read([str(path)], max_bytes=2048))
    assert items or suffix.startswith(".jsonl")  # a feed of no records is no error; any other file is one of the two
    for item in items:
        _clean(item)


@READERS
@given(st.binary(max_size=4096))
def test_any_bytes_on_standard_input_are_read_or_refused(data):
    for item in read(["-"], stdin=io.BytesIO(data), max_bytes=2048):
        _clean(item)


json_lines = st.one_of(
    st.builds(lambda t: json.dumps({"text": t}), texts),
    st.builds(lambda t, i: json.dumps({"id": i, "text": t, "title": i}, ensure_ascii=False), texts, texts),
    st.builds(lambda n, c: c[0] * n + c[1] * n, st.integers(0, 200_000), st.sampled_from(["[]", "{}", "[{"])),
    st.text(max_size=200),
)


@READERS
@given(st.lists(json_lines, max_size=8))
def test_json_lines_of_any_text_and_any_nesting_are_read_or_refused_line_by_line(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("fuzz") / "input.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    items = list(read([str(path)]))
    for item in items:
        _clean(item)
    assert len(items) <= sum(1 for line in "\n".join(lines).split("\n") if line.strip())


@READERS
@given(size=st.integers(0, 5000), limit=st.integers(1, 4096), compress=st.booleans())
def test_no_read_goes_past_max_bytes(tmp_path_factory, size, limit, compress):
    data = (SEED_TEXT * 2).encode()[:size]
    path = tmp_path_factory.mktemp("fuzz") / ("input.txt.gz" if compress else "input.txt")
    path.write_bytes(gzip.compress(data) if compress else data)
    for item in read([str(path)], max_bytes=limit):
        _clean(item)
        if isinstance(item, RawDocument):
            assert len(item.text.encode()) <= limit


@PIPELINE
@given(st.lists(texts, min_size=1, max_size=4))
def test_the_pipeline_turns_any_text_into_a_document_or_an_error(batch):
    from citata.source import text_document

    raws = [text_document(f"doc-{i}", t) for i, t in enumerate(batch)]
    out = list(process(raws, doc_timeout=30))
    assert [x.source for x in out] == [r.source for r in raws]
    for doc in out:
        assert isinstance(doc, (Document, ReadError))
        if isinstance(doc, Document):
            for q in doc.quotes:
                assert 0 <= q.content.start <= q.content.end <= len(doc.text)
                assert doc.text[q.content.start:q.content.end] == q.content.text


@PIPELINE
@given(st.lists(st.sampled_from(SEED_TEXT.split("\n")), min_size=1, max_size=40), texts)
def test_the_pipeline_survives_real_sentences_shuffled_with_noise(lines, noise):
    from citata.source import text_document

    raw = text_document("mixed", "\n".join(lines) + noise + "\n".join(reversed(lines)))
    (doc,) = process([raw], doc_timeout=30)
    assert isinstance(doc, (Document, ReadError))

