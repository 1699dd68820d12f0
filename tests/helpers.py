"""Small helpers several test files share: a text's quotations (as found, or as rows of their
content and speaker), its sentences, its document view, the quotation that opens with some words; a
page built from lines, that page as a document and cleaned; a short article to build such pages around."""
from __future__ import annotations

from citata.clean import clean
from citata.nlp import analyse, sentences
from citata.pipeline import build_document, extract_text
from citata.quotes import document_view, extract_quotes
from citata.source import text_document
from conftest import COVID_PAGE_HEADER


def quotes_of(text: str) -> list:
    """The quotations citata finds in `text`, analysed on its own (no cleaning, no document)."""
    return extract_quotes(text, analyse([text])[0])


def speaker_name(q) -> str | None:
    return q.speaker.name if q.speaker else None


def said(text: str) -> list[tuple[str, str | None]]:
    """(content, speaker's name) of each quotation of `text`."""
    return [(text[q.content.start:q.content.end], speaker_name(q)) for q in quotes_of(text)]


def quote_rows(text: str, cue: bool = True) -> list[tuple]:
    """(type, content, speaker's name, cue's words) of each quotation of `text`; without `cue`, the
    first three."""
    rows = [(q.type, text[q.content.start:q.content.end], speaker_name(q), q.cue.text if q.cue else None)
            for q in quotes_of(text)]
    return rows if cue else [row[:3] for row in rows]


def split(text: str) -> list[str]:
    """The sentences of `text` as citata splits it."""
    return [text[s.start:s.end] for s in sentences(text)]


def view_of(text: str):
    """The document view the quotation finders read, of `text` analysed on its own."""
    return document_view(text, analyse([text])[0])


def plain_quotes(text: str) -> list:
    """The quotations of `text` through the whole pipeline, read as one plain-text document."""
    return extract_text(text, plain=True).quotes


def by_opening(text: str, start: str, describe=speaker_name):
    """`describe(q)` of the first quotation of `text` (extracted as plain text) whose first 25
    characters open with `start`; the assertion's message lists every quotation's."""
    found = {q.content.text[:25]: describe(q) for q in plain_quotes(text)}
    hits = [v for k, v in found.items() if k.startswith(start)]
    assert hits, (start, found)
    return hits[0]


def page_text(*lines: str) -> str:
    """A page as bsnlp-ru's covid-19 dump holds one: its four container lines, then `lines` as
    paragraphs."""
    return COVID_PAGE_HEADER + "\n\n".join(lines) + "\n"


def page_document(text: str):
    """The document citata builds from `text` read as a page file: cleaned, dated, its outlet named."""
    return build_document(text_document("page.txt", text))


def cleaned_page(text: str):
    """`text` read as a page file and cleaned: each line with its label and the rule behind it."""
    return clean(text_document("page.txt", text))


# A short news article for pages written around it (its furniture, stamps and names are what the tests vary).
ARTICLE_TITLE = "В области открылись новые пункты вакцинации от коронавируса"
ARTICLE_BODY = [
    "В областном центре с понедельника начали работу еще четыре пункта вакцинации от коронавируса, сообщили "
    "в региональном министерстве здравоохранения.",
    "Как пояснили в ведомстве, прививку можно сделать без предварительной записи, достаточно взять с собой "
    "паспорт и полис обязательного медицинского страхования.",
    "Врачи напоминают, что перед вакцинацией нужно пройти осмотр терапевта, а после нее полчаса побыть под "
    "наблюдением медиков.",
]
