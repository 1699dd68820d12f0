"""Spaces a writer or a scraper got wrong around punctuation (issue 14): no space after a comma
("заявил,что"), a dash glued to the words ("»,—сказал", "»,-сказал", "—Фраза"), spaces inside the
quotation marks and before a comma or a stop ("« Мы готовы » , — сказал он ."). Each is read as the
spaced text is, the quotation's offsets still point into the text as written. Sentences written for
the test."""
from citata.clean.block import glued_commas_habit, informal
from citata.pipeline import extract_text


def said(text: str) -> list[tuple[str, str | None]]:
    return [(q.content.text, q.speaker and q.speaker.name) for q in extract_text(text).quotes]


ARTICLE = [
    "Министр финансов Иван Петров заявил,что бюджет будет исполнен в срок,несмотря на падение доходов.",
    "По его словам,правительство не планирует повышать налоги,а дефицит покроют из резервов.",
    "«Мы не видим причин для паники,всё идёт по плану»,— сказал Петров журналистам в среду.",
    "Ранее аналитики банка предупреждали,что доходы бюджета могут сократиться,если цены на нефть упадут.",
]


def test_an_article_that_glues_its_commas_is_not_a_readers_comment():
    doc = extract_text("Петров: бюджет исполнят в срок\n\n" + "\n\n".join(ARTICLE))
    for para in ARTICLE:
        assert para in doc.text
    found = [(q.content.text, q.speaker and q.speaker.name) for q in doc.quotes]
    assert ("бюджет будет исполнен в срок,несмотря на падение доходов", "Иван Петров") in found
    assert ("Мы не видим причин для паники,всё идёт по плану", "Иван Петров") in found


def test_a_glued_comma_among_spaced_ones_stays_a_readers_mark():
    spaced = ["Министр финансов Иван Петров заявил, что бюджет будет исполнен в срок, несмотря ни на что.",
              "По его словам, правительство не планирует повышать налоги, а дефицит покроют из резервов."]
    comment = "Да,конечно,так мы и поверили"
    assert not glued_commas_habit(spaced + [comment])
    assert informal(comment, glued_commas_habit(spaced + [comment]))
    assert glued_commas_habit(ARTICLE)
    assert not informal(ARTICLE[0], glued_commas_habit(ARTICLE))
    assert informal("Да,конечно)))", True)  # a reader's other marks count whatever the page's commas


def test_a_dash_glued_to_the_attribution():
    for text in ("«Мы готовы к переговорам»,—сказал Иван Петров.",
                 "«Мы готовы к переговорам»,-сказал Иван Петров.",
                 "«Мы готовы к переговорам», —сказал Иван Петров."):
        assert said(text) == [("Мы готовы к переговорам", "Иван Петров")], text


def test_a_dialogue_line_with_its_dash_glued():
    text = "Иван Петров выступил в Думе.\n\n—Мы готовы к переговорам,—сказал он."
    assert said(text) == [("Мы готовы к переговорам", "Иван Петров")]


def test_a_hyphen_glued_to_a_number_opens_no_dialogue_line():
    from citata.quotes.direct import DIALOGUE_LINE

    assert DIALOGUE_LINE.match("-5 градусов ожидается ночью") is None
    assert DIALOGUE_LINE.match("- Мы готовы") is not None and DIALOGUE_LINE.match("—Мы готовы") is not None


def test_spaces_inside_the_marks_and_before_punctuation():
    text = "« Мы готовы к переговорам » , — сказал Иван Петров ."
    doc = extract_text(text)
    [q] = doc.quotes
    assert q.content.text == "Мы готовы к переговорам"
    assert doc.text[q.content.start:q.content.end] == "Мы готовы к переговорам"
    assert q.speaker.name == "Иван Петров"


def test_an_interrupted_quotation_with_a_space_before_the_stop():
    text = "Джастин Трюдо выступил в парламенте .\n\n« Мы обсуждаем это , — сказал он . — Мы хотим помочь » ."
    [(content, speaker)] = said(text)
    assert content.startswith("Мы обсуждаем это") and content.endswith("Мы хотим помочь")
    assert speaker == "Джастин Трюдо"


def test_a_name_in_spaced_quotation_marks_speaks():
    assert said("Как сообщает газета « Ведомости » , сделка будет закрыта до конца года.") == \
        [("сделка будет закрыта до конца года", "Ведомости")]
    assert said("Клуб « Бавария » ( Мюнхен ) считает решение тренера ошибочным .") == \
        [("решение тренера ошибочным", "Бавария")]
