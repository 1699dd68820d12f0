"""Small helpers several test files share: a text's quotations (as found, or as rows of their
content and speaker, with their type or the speaker's kind), its speakers (names, names and kinds,
by content or by the words a quotation opens with), its sentences, its document view, the one
quotation that opens with some words; a page built from lines, that page as a document and cleaned;
a short article to build such pages around. Each is named for what it returns; a test file may import
one under a shorter local name."""
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


def name_and_kind(q) -> tuple[str | None, str | None]:
    """The speaker's (name, kind) of quotation q; (None, None) where it has none."""
    return (q.speaker.name, q.speaker.kind) if q.speaker else (None, None)


def resolution_step(q) -> str | None:
    return q.provenance.resolution if q.provenance else None


def said(text: str) -> list[tuple[str, str | None]]:
    """(content, speaker's name) of each quotation of `text`."""
    return [(text[q.content.start:q.content.end], speaker_name(q)) for q in quotes_of(text)]


def speaker_by_content(text: str) -> dict[str, str | None]:
    """Content -> speaker's name, over the quotations of `text`."""
    return dict(said(text))


def said_with_kind(text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, speaker's name, speaker's kind) of each quotation of `text`."""
    return [(text[q.content.start:q.content.end], *name_and_kind(q)) for q in quotes_of(text)]


def said_with_type(text: str) -> list[tuple[str, str, str | None]]:
    """(type, content, speaker's name) of each quotation of `text`."""
    return [row[:3] for row in quote_rows(text)]


def quote_rows(text: str) -> list[tuple]:
    """(type, content, speaker's name, cue's words) of each quotation of `text`."""
    return [(q.type, text[q.content.start:q.content.end], speaker_name(q), q.cue.text if q.cue else None)
            for q in quotes_of(text)]


def split(text: str) -> list[str]:
    """The sentences of `text` as citata splits it."""
    return [text[s.start:s.end] for s in sentences(text)]


def view_of(text: str):
    """The document view the quotation finders read, of `text` analysed on its own."""
    return document_view(text, analyse([text])[0])


def plain_quotes(text: str) -> list:
    """The quotations of `text` through the whole pipeline, read as one plain-text document."""
    return extract_text(text, plain=True).quotes


def speaker_names(text: str) -> list[str | None]:
    """The speaker's name of each quotation of `text` (`plain_quotes`)."""
    return [speaker_name(q) for q in plain_quotes(text)]


def only_quote(text: str):
    """The one quotation of `text` (`plain_quotes`); there must be exactly one."""
    [q] = plain_quotes(text)
    return q


def the_quote(text: str, words: str, holds: bool = False):
    """The one quotation of `text` (`plain_quotes`) whose content opens with `words` (`holds`: holds
    them anywhere); there must be exactly one."""
    [q] = [q for q in plain_quotes(text) if (words in q.content.text if holds else q.content.text.startswith(words))]
    return q


def the_speaker(text: str, words: str, holds: bool = False):
    """The speaker (a Speaker, or None) of `the_quote(text, words, holds)`."""
    return the_quote(text, words, holds).speaker


def openings(text: str, describe=speaker_name) -> dict:
    """The first 25 characters of each quotation's content (`plain_quotes`) -> `describe(q)`."""
    return {q.content.text[:25]: describe(q) for q in plain_quotes(text)}


def by_opening(text: str, start: str, describe=speaker_name):
    """`describe(q)` of the first quotation of `text` (extracted as plain text) whose first 25
    characters open with `start`; the assertion's message lists every quotation's."""
    found = openings(text, describe)
    hits = [v for k, v in found.items() if k.startswith(start)]
    assert hits, (start, found)
    return hits[0]


def name_at(text: str, start: str) -> str | None:
    """The speaker's name of the quotation `by_opening` finds; a failure lists each quotation's name
    with its resolution step."""
    return by_opening(text, start, lambda q: (speaker_name(q), resolution_step(q)))[0]


def name_and_kind_at(text: str, start: str) -> tuple[str | None, str | None]:
    """The speaker's (name, kind) of the quotation `by_opening` finds."""
    return by_opening(text, start, name_and_kind)


def corpus_said(text: str) -> list[tuple[str, str | None]]:
    """(content, speaker's name) of each quotation of `text` read as a corpus file (cleaned)."""
    return [(q.content.text, speaker_name(q)) for q in extract_text(text).quotes]


def quotation_spans(text: str, to_new=lambda offset: offset) -> list[tuple[str, int, int, str | None]]:
    """(type, content start, content end, speaker's name) of each quotation of `text` read as a corpus
    file, sorted, the offsets in `text` (through `to_new`: the original's into a variant's)."""
    doc = extract_text(text)
    return sorted((q.type, to_new(doc.raw_offset(q.content.start)), to_new(doc.raw_offset(q.content.end)),
                   speaker_name(q)) for q in doc.quotes)


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
