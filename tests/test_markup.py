"""Markup a scraper left in a text dump (issue 15): the reader turns it into the text a browser shows
(citata.source.visible_text) and keeps each character mappable back to the file; a real HTML page still
goes to trafilatura, and a plain text whose "<" is no tag is left as it is. The article is written
for the test."""
import io

import pytest

from citata.model import RawDocument
from citata.pipeline import build_document, extract_text
from citata.source import STDIN, read, text_document, visible_text

TITLE = "Лавров: переговоры с Японией продолжатся"
BODY = ["Министр иностранных дел России Сергей Лавров заявил, что переговоры с Японией продолжатся на "
        "следующей неделе.",
        "«Мы готовы к диалогу без предварительных условий», — сказал Лавров журналистам в Москве.",
        "По его словам, стороны обсудят «весь комплекс вопросов» мирного договора."]
PLAIN = TITLE + "\n\n" + "\n\n".join(BODY) + "\n"


def rows(doc) -> list[tuple]:
    return [(q.type, q.content.text, q.speaker and q.speaker.name) for q in doc.quotes]


def read_file(text: str) -> RawDocument:
    """The document citata reads from a file holding `text`."""
    [item] = list(read([STDIN], stdin=io.BytesIO(text.encode("utf-8"))))
    assert isinstance(item, RawDocument), item
    return item


WHOLE_PAGE_P = "\n".join(f"<p>{line}</p>" for line in [TITLE, *BODY])
INLINE_ONLY = PLAIN.replace("Сергей Лавров", '<a href="/person/lavrov" class="tag">Сергей Лавров</a>') \
    .replace("на следующей неделе", "<b>на следующей неделе</b>").replace("Москве", "<span class=city>Москве</span>")
ENTITIES = WHOLE_PAGE_P.replace("«", "&laquo;").replace("»", "&raquo;").replace("—", "&mdash;") \
    .replace("Сергей Лавров", "Сергей&nbsp;Лавров")
SCRIPT = ('<div class="article">\n<h1>' + TITLE + "</h1>\n<!-- .article-header -->\n"
          "<script>var ad = 1; if (ad < 2) { document.write('<p>Реклама: скидки</p>'); }</script>\n"
          "<style>.article p { margin: 0 }</style>\n" + "\n".join(f"<p>{line}</p>" for line in BODY) + "\n</div>\n")
BREAKS = TITLE + "<br><br>\n" + "<br><br>".join(BODY)  # a CMS without <p>: <br><br> between paragraphs
# references with no tag around them: no markup residue, yet every offset still maps back to the file
ENTITIES_ONLY = PLAIN.replace("«", "&laquo;").replace("»", "&#187;").replace("—", "&mdash;") \
    .replace("Сергей Лавров", "Сергей&nbsp;Лавров")
SHAPES = {"whole page <p>": WHOLE_PAGE_P, "inline only": INLINE_ONLY, "entities": ENTITIES,
          "entities, no tags": ENTITIES_ONLY, "script, style, comment": SCRIPT, "<br><br>": BREAKS}


def test_the_plain_article():
    doc = extract_text(PLAIN)
    assert doc.title == TITLE
    assert ("direct", "Мы готовы к диалогу без предварительных условий", "Сергей Лавров") in rows(doc)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_dump_with_markup_reads_as_its_visible_text(shape):
    raw = read_file(SHAPES[shape])
    assert raw.layout == "plain"  # the reader's, not trafilatura's
    lines = [ln.replace("\xa0", " ") for ln in raw.text.split("\n") if ln.strip()]
    assert lines == [TITLE, *BODY]
    doc = build_document(raw)
    assert doc.title == TITLE
    assert rows(extract_text(SHAPES[shape])) == rows(extract_text(PLAIN))


@pytest.mark.parametrize("shape", SHAPES)
def test_every_character_maps_back_to_the_file(shape):
    text = SHAPES[shape]
    raw = text_document("x", text)
    doc = extract_text(text)
    for q in doc.quotes:
        start = raw.input_offset(doc.raw_offset(q.content.start))
        end = raw.input_offset(doc.raw_offset(q.content.end - 1)) + 1
        assert text[start] == q.content.text[0] and text[end - 1] == q.content.text[-1]
    for i, ch in enumerate(raw.text):  # a copied character is itself in the file
        at = raw.input_offset(i)
        assert text[at] == ch or text[at] in "<&" or ch == "\n"


def test_what_a_browser_hides_or_breaks():
    text = ('<div>Первый абзац.</div><div>Второй <i>абзац</i>.<br>Та же строка.</div><ul><li>один</li>'
            '<li>два</li></ul><table><tr><td>Москва</td><td>+3</td></tr></table><noscript>Включите JS</noscript>'
            '<!-- счётчик --><p>Конец &amp; точка&#33;</p>')
    shown, runs = visible_text(text)
    assert shown == "Первый абзац.\nВторой абзац. Та же строка.\nодин\nдва\nМосква +3\nКонец & точка!"
    assert runs[0].text_start == 0 and runs[0].raw_start == text.index("Первый")


@pytest.mark.parametrize("text", [
    "Ставка ЦБ < 5%, а инфляция > 4%: так сказал министр.\n\nВторой абзац.",
    "Он написал <<мы уйдём>> и <цитата> без кавычек.",
    "Пишите на <press@kremlin.ru> или <a@b.ru>.",
    "Если x<y и y>z, то x<z; a <b> c — формула.",  # one stray tag-like "<b>" is not markup
    "Сравните: <p и q> — не тег, <br > ещё не повод.",
    "Текст &quot;в кавычках&quot; и AT&T; R&D.",
])
def test_a_plain_text_with_angle_brackets_is_left_as_it_is(text):
    raw = text_document("x", text)
    assert raw.text == text.replace("&quot;", '"')  # character references are decoded, as before
    assert read_file(text).layout == "plain"
    # runs only where a reference was decoded, and then every character maps back to itself or its "&"
    assert (raw.runs == []) == ("&quot;" not in text)
    assert all(text[raw.input_offset(i)] in (ch, "&") for i, ch in enumerate(raw.text))


def test_a_real_html_page_still_goes_to_trafilatura():
    page = ("<!DOCTYPE html><html><head><title>" + TITLE + "</title></head><body><nav><a href='/'>Главная</a>"
            "</nav><article>" + "".join(f"<p>{line}</p>" for line in BODY) + "</article></body></html>")
    assert read_file(page).layout == "html"
    cards = "".join(f'<div class="card card--news" data-id="{n}"><a class="card__link" '
                    f'href="/news/2021/01/14/{n}.html">Новость {n}</a><span class="card__date">14.01.2021</span>'
                    "</div>" for n in range(100000, 100012))
    fragment = f'<div class="wrap"><p class="lead">{BODY[0]}</p>{cards}</div>'
    assert read_file(fragment).layout == "html"  # markup outweighs the text: a page, not a dump


def test_hostile_markup_ends_and_keeps_the_text():
    text = "Начало. " + "<a " * 20_000 + "\n<script>не закрыт\n" + "<p>абзац</p>" * 5_000 + "<!-- не закрыт"
    shown, _ = visible_text(text)
    assert shown.startswith("Начало. <a <a ") and "не закрыт" in shown and shown.count("абзац") == 5_000
