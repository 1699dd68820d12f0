"""A page saved as one line whose paragraphs were run together by single spaces (an RSS full text, a
get_text(" ")): a furniture pattern for its end would take the whole line, so the line is parted at its
sentence ends (citata.clean.wrap.sentences), its furniture sentences apart, and the article is kept, mapped to the raw text. One long
paragraph of an article, which no pattern takes, stays one line."""
from citata.clean import classify, clean, match_boilerplate
from citata.clean.wrap import sentences
from citata.pipeline import annotate, build_document
from citata.source import text_document

from test_sentence_lines import PARAGRAPHS, TITLE

MORE = [
    "Как сообщалось ранее, Мишель Обама заявила, что американцы теперь чувствуют, каково это — жить без "
    "надежды. Слова первой леди многие восприняли как критику в адрес избранного президента.",
    "Сторонники Трампа в Алабаме встретили его слова овациями. Митинг стал частью турне, которое "
    "избранный президент проводит в штатах, где он победил на выборах.",
]
LEGAL = "Использование материалов «Вести» разрешается только с прямой гиперссылкой на сайт."


def _run_together(*paragraphs: str) -> str:
    return TITLE + "\n" + " ".join(paragraphs) + "\n"


def test_the_article_run_together_with_a_legal_notice_is_kept():
    line = " ".join([*PARAGRAPHS, *MORE, LEGAL])
    assert match_boilerplate(line) is not None  # read whole, the page would go as a legal line
    raw = text_document("a.txt", _run_together(*PARAGRAPHS, *MORE, LEGAL))
    cleaned = clean(raw)
    assert "Инаугурация назначена на 20 января." in cleaned.text
    assert "Избранный президент США Дональд Трамп заявил" in cleaned.text
    assert LEGAL not in cleaned.text
    doc = build_document(raw)
    for seg in doc.segments:
        assert doc.text[seg.text_start:seg.text_start + seg.length] == \
            raw.text[seg.raw_start:seg.raw_start + seg.length]
    quote = next(q for q in annotate([doc])[0].quotes if "великим" in q.content.text)
    assert quote.speaker is not None and quote.speaker.name == "Дональд Трамп"


def test_sentences_part_at_sentence_ends_only():
    line = " ".join([*PARAGRAPHS, *MORE, LEGAL])
    pieces = [line[a:b] for a, b in sentences(line)]
    assert pieces[0].startswith("Избранный президент") and pieces[0].endswith("потеряли надежду.")
    assert pieces[-1] == LEGAL
    assert all(p == p.strip() for p in pieces)
    # a short line, or one of few sentences, stays whole
    assert sentences(PARAGRAPHS[0]) == [(0, len(PARAGRAPHS[0]))]


def test_one_long_paragraph_of_an_article_stays_one_line():
    text = _run_together(*PARAGRAPHS, *MORE)
    lines = [ln.text for ln in classify(text_document("a.txt", text)) if ln.label != "empty"]
    assert lines == [TITLE, " ".join([*PARAGRAPHS, *MORE])]
