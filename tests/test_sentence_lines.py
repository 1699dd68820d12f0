"""A page saved a line per sentence (a <br> after each sentence) is read as paragraphs
(citata.clean.wrap.sentence_joins): its short last sentences and a lone cue line are not cut as
furniture, the clean text is the paragraph's, and every offset still maps to the raw text."""
from citata.clean import split_lines
from citata.clean.wrap import sentence_joins
from citata.pipeline import annotate, build_document
from citata.source import text_document

TITLE = "Трамп разошелся во мнении с Мишель Обамой о судьбе США"
PARAGRAPHS = [
    "Избранный президент США Дональд Трамп заявил, что не разделяет мнение жены действующего "
    "американского лидера Мишель Обамы о том, что американцы потеряли надежду. Об этом он сказал "
    "во время выступления перед своими сторонниками в штате Алабама.",
    "«Я полагаю, что она говорила о прошлом, а не о будущем. Я, наоборот, верю в то, что у нашей страны "
    "есть большие надежды, огромный потенциал и люди, которые готовы работать ради будущего. Наше государство станет великим, как никогда раньше», — пообещал Трамп.",
    "Действующая первая леди США в интервью телеведущей Опре Уинфри, отрывок из которого был показан "
    "в эфире 16 декабря, заявила, что страна чувствует разницу. Президентские выборы в Соединенных Штатах прошли 8 ноября. Победу на них одержал "
    "представитель Республиканской партии Дональд Трамп. Инаугурация назначена на 20 января.",
]


def _per_sentence(paragraph: str) -> str:
    return paragraph.replace(". ", ".\n").replace("? ", "?\n")


def _page(paragraphs: list[str]) -> str:
    return TITLE + "\n\n" + "\n\n".join(paragraphs) + "\n"


def test_a_paragraph_a_line_per_sentence_is_one_line():
    text = _page([_per_sentence(p) for p in PARAGRAPHS])
    body = [ln for ln in split_lines(text) if ln.label != "empty"]
    assert [ln.text for ln in body] == [TITLE, *PARAGRAPHS]
    # the line breaks it read as spaces are where the page has them
    for ln in body:
        assert all(text[ln.start + j] == "\n" for j in ln.joins)


def test_the_page_cleans_as_its_paragraph_layout_and_maps_to_its_text():
    per_sentence = text_document("a.txt", _page([_per_sentence(p) for p in PARAGRAPHS]))
    paragraphs = text_document("b.txt", _page(PARAGRAPHS))
    doc, same = build_document(per_sentence), build_document(paragraphs)
    assert doc.text == same.text
    assert doc.title == TITLE
    assert "Инаугурация назначена на 20 января." in doc.text  # the article's last short sentence stays
    for seg in doc.segments:
        assert doc.text[seg.text_start:seg.text_start + seg.length] == \
            per_sentence.text[seg.raw_start:seg.raw_start + seg.length]
    # a quotation over three sentence lines is found whole, with its speaker
    quote = next(q for q in annotate([doc])[0].quotes if "великим" in q.content.text)
    assert quote.content.text.startswith("Я полагаю")
    assert quote.speaker is not None and quote.speaker.name == "Дональд Трамп"


def test_lines_that_are_not_sentences_stay_apart():
    menu = "Главная\nНовости\nПолитика\nЭкономика\nВ мире\nСпорт\n"
    headlines = ("В Москве открылась выставка\nЦБ снизил ключевую ставку до 7%\n"
                 "Сборная России вышла в финал\nВ Петербурге прошел марафон\n")
    for text in (menu, headlines):
        assert sentence_joins(text.split("\n")) == set()
    # one sentence line between blank lines is a paragraph already: nothing to join
    assert sentence_joins(_page(PARAGRAPHS).split("\n")) == set()


def test_paragraph_lines_without_blank_lines_are_not_joined():
    # a page saved a paragraph per line, no blank lines: its lines are longer than sentences
    text = TITLE + "\n" + "\n".join(PARAGRAPHS) + "\n"
    assert sentence_joins(text.split("\n")) == set()
    assert [ln.text for ln in split_lines(text) if ln.label != "empty"] == [TITLE, *PARAGRAPHS]


def test_a_headline_that_is_a_question_stays_apart():
    # no blank lines: only its place as the page's first line parts it from the first sentence
    headline = "Прививка от коронавируса: заражение ковидом все равно не исключено?"
    text = headline + "\n" + _per_sentence(PARAGRAPHS[2]) + "\n"
    parts = text.split("\n")
    assert sentence_joins(parts) == set(range(1, len(parts) - 2))  # the paragraph's lines, not the headline
    # after a container's header, the first line after it stands alone
    header = "Об этом сообщает агентство.\nОб этом пишет газета.\n"
    assert {0, 1, 2} & sentence_joins((header + text).split("\n"), first=2) == set()
