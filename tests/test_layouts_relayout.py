"""A real page saved in other scrapers' layouts (eval/relayout.py): hard-wrapped at 78 columns,
without blank lines, indented, on one line. Cleaning gives the same body, headline and date as the
page's own layout, and every character of a relaid page maps back to the one it is."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

from relayout import read_variant, relayout  # noqa: E402

from citata.clean import split_lines  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402

PAGE = ROOT / "examples" / "000_c14e630103cc6e18.txt"  # one of the seed pages


@pytest.fixture(scope="module")
def page():
    raw = text_document(PAGE.name, decode(PAGE.read_bytes()))
    return raw, build_document(raw)


@pytest.mark.parametrize("layout", ["wrap78", "no blank lines", "blank line after every line", "indent 4",
                                    "indent tab, trailing spaces", "crlf", "one line", "a line per sentence"])
def test_same_body_headline_and_date(page, layout):
    raw, doc = page
    new, _ = read_variant(raw, layout)
    assert new.text != raw.text or layout == "crlf"  # (the reader turns "\r\n" into "\n")
    relaid = build_document(new)
    assert relaid.title == doc.title == "Россия не обращалась к партнерам по ОДКБ за содействием в спецоперации — Лавров"
    assert relaid.published == doc.published
    assert relaid.text == doc.text


def test_hard_wrapped_page_is_wrapped_and_joined(page):
    raw, _ = page
    new, _ = read_variant(raw, "wrap78")
    physical = new.text.split("\n")
    assert max(map(len, physical)) <= 78 < max(map(len, raw.text.split("\n")))
    # Each paragraph of the page is one line again, as the page's own layout has it.
    assert [ln.text for ln in split_lines(new.text) if ln.label != "empty"] == \
        [s for s in raw.text.split("\n") if s.strip()]


def test_offsets_round_trip(page):
    raw, _ = page
    for layout in ("wrap78", "wrap78, no blank lines", "indent 4", "one line", "a line per sentence"):
        new, origin = read_variant(raw, layout)
        assert len(origin) == len(new.text)
        # Every character the layout kept is the page's character it maps to, in the page's order.
        mapped = [o for o in origin if o >= 0]
        assert mapped == sorted(mapped)
        assert all(new.text[i] == raw.text[o] for i, o in enumerate(origin) if o >= 0)
        # The clean body of the relaid page is copied from it: each segment reads the same there.
        doc = build_document(new)
        for seg in doc.segments:
            assert doc.text[seg.text_start:seg.text_start + seg.length] == \
                new.text[seg.raw_start:seg.raw_start + seg.length]


def test_plain_text_is_not_joined():
    # Short lines that leave room for the next line's first word are a list, not a wrapped paragraph.
    menu = "Главная\nНовости\nПолитика\nЭкономика\nВ мире\nСпорт\nКультура\n"
    assert [ln.text for ln in split_lines(menu) if ln.label != "empty"] == menu.strip().split("\n")


def test_relayout_keeps_a_header():
    text = "id1\nru\n2020-01-01\nhttps://example.ru/a\n" + "слово " * 40
    relaid = relayout(text, "wrap78", keep=4)
    assert relaid.text.split("\n")[:4] == text.split("\n")[:4]
    assert max(map(len, relaid.text.split("\n"))) <= 78


def test_a_paragraph_typed_with_two_spaces_stays_whole_on_a_page_with_lines(page):
    # two spaces after each sentence is a typist's habit, not a lost newline: only a page mostly on
    # one line is parted at such runs
    raw, _ = page
    paragraphs = [s for s in raw.text.split("\n") if s.strip()]
    long = max(paragraphs, key=len)
    typed = long.replace(". ", ".  ")
    assert len(typed) > 300 and typed.count(".  ") >= 2
    text = raw.text.replace(long, typed)
    assert typed in [ln.text for ln in split_lines(text)]
    alone = split_lines(typed)
    assert len(alone) == typed.count(".  ") + 1  # the same paragraph as a whole page: parted
