"""Characters that carry no content inside words (issue 15): soft hyphens, zero-width spaces and
joiners, a BOM, bidi marks, combining stress marks, variation selectors. The cleaner drops them from
the clean text and its segments skip them, so a quotation is found as without them and its raw
offsets still point at the raw characters. The sentences are written for the test."""
import pytest

from citata.clean import visible
from citata.pipeline import extract_text

TEXT = ("Министр иностранных дел России Сергей Лавров заявил, что переговоры продолжатся на следующей "
        "неделе.\n\n«Мы готовы к диалогу», — сказал Лавров журналистам.")


def rows(text: str) -> list[tuple]:
    return [(q.type, q.content.text, q.speaker and q.speaker.name) for q in extract_text(text).quotes]


EXPECTED = [("indirect", "переговоры продолжатся на следующей неделе", "Сергей Лавров"),
            ("direct", "Мы готовы к диалогу", "Сергей Лавров")]


def test_the_plain_text():
    assert rows(TEXT) == EXPECTED


@pytest.mark.parametrize("variant", [
    TEXT.replace("заявил", "зая\u00adвил").replace("Лавров", "Лав\u00adров"),  # CMS hyphenation hints
    TEXT.replace("Лавров", "Лав\u200bров"),  # zero-width space
    TEXT.replace("заявил", "заяв\u200cил").replace("переговоры", "перего\u200dворы"),  # (non-)joiner
    TEXT.replace("Сергей", "Сер\u2060гей"),  # word joiner
    TEXT.replace("\n\n«", "\n\n\ufeff«"),  # a BOM where two files were joined
    TEXT.replace("заявил", "заяви\u0301л").replace("готовы", "гото\u0301вы"),  # stress marks
    TEXT.replace("Лавров ", "Лавров\u200e ").replace("сказал", "сказал\u200f"),  # bidi marks
    TEXT.replace("России", "России\ufe0f"),  # a variation selector after a letter
], ids=["soft hyphen", "zwsp", "joiners", "word joiner", "bom", "stress", "bidi", "variation selector"])
def test_invisible_characters_change_no_quotation(variant):
    assert rows(variant) == EXPECTED


def test_raw_offsets_point_at_the_raw_characters():
    raw = TEXT.replace("переговоры", "перего\u00adворы").replace("неделе", "неде\u00adле") \
        .replace("Мы готовы", "\u00adМы го\u00adтовы")
    doc = extract_text(raw)
    assert "\u00ad" not in doc.text
    for q in doc.quotes:
        start, end = doc.raw_offset(q.content.start), doc.raw_offset(q.content.end)
        assert raw[start] == q.content.text[0]  # the first character itself, not the hyphen before it
        assert raw[start:end].replace("\u00ad", "") == q.content.text


def test_a_headline_loses_its_soft_hyphens():
    page = "Лав\u00adров: переговоры продол\u00adжатся\n\n" + TEXT
    assert extract_text(page).title == "Лавров: переговоры продолжатся"


def test_a_text_without_them_is_copied_verbatim():
    doc = extract_text(TEXT)
    assert doc.text == TEXT
    assert [(s.text_start, s.raw_start, s.length) for s in doc.segments] == [(0, 0, 100), (102, 102, 51)]


def test_what_stays():
    # inside an emoji sequence a joiner and a variation selector build the emoji
    assert visible("\U0001F468\u200d\U0001F469\u200d\U0001F467 и \u2764\ufe0f") == \
        "\U0001F468\u200d\U0001F469\u200d\U0001F467 и \u2764\ufe0f"
    # after a Latin letter a combining accent is half of an accented letter (decomposed "é")
    assert visible("cafe\u0301") == "cafe\u0301"
    assert visible("Лавро\u0301в") == "Лавров"


def test_segments_skip_each_invisible_character():
    raw = "\ufeff" + TEXT.replace("Лавров заявил", "Лав\u00adров\u200b заявил")
    doc = extract_text(raw)
    assert doc.text == TEXT
    # every segment copies the raw input verbatim, and together they make the clean text
    assert all(doc.text[s.text_start:s.text_start + s.length] == raw[s.raw_start:s.raw_start + s.length]
               for s in doc.segments)
    assert [(s.text_start, s.raw_start) for s in doc.segments][:3] == [(0, 1), (41, 43), (44, 47)]


def test_a_line_of_furniture_with_a_soft_hyphen_is_still_furniture():
    page = TEXT + "\n\nПод\u00adпи\u00adсы\u00adвай\u00adтесь на наш ка\u00adнал в Telegram"
    plain = TEXT + "\n\nПодписывайтесь на наш канал в Telegram"
    assert extract_text(page).text == extract_text(plain).text
    assert [b.kind for b in extract_text(page).boilerplate] == [b.kind for b in extract_text(plain).boilerplate]
