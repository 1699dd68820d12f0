"""A dialogue line interrupted by its attribution and resumed after it (issue 14: "— A, —
призналась она журналистам. — B"): one direct quotation whose content runs from A to B and whose
`parts` hold A and B without the attribution's words, the speaker from the cue's subject; words
that resume with an attribution of their own are that attribution's quotation; inside « » a dash
attribution of a document or a relay interrupts the words as a speech verb's does. Paragraphs written
for the test after the issue's example and the corpora's pages (covid-19 coronavirus_ru_68, _69, _82;
ryanair ryan-ru_file_112; asia_bibi file_157)."""
import pytest

from helpers import quotes_of as quotes


def said(text, q):
    return (text[q.content.start:q.content.end], q.speaker.name if q.speaker else None,
            [text[p.start:p.end] for p in q.parts or []])


@pytest.mark.parametrize("line, a, b, speaker", [
    # em dashes, the speaker a pronoun for the woman the paragraph before names
    ("— Я не болела ковидом и привилась одной из первых, — призналась она журналистам. — Рекомендую всем "
     "сделать прививку.", "Я не болела ковидом и привилась одной из первых", "Рекомендую всем сделать прививку",
     "Анна Смирнова"),
    # en dashes, a name after the cue
    ("– Вакцина формирует иммунологическую память, – объясняет врач-иммунолог Ксения Бочарова. – То есть "
     "организм запоминает инфекцию.", "Вакцина формирует иммунологическую память",
     "То есть организм запоминает инфекцию", "Ксения Бочарова"),
    # hyphen-minus as the dialogue dash, an organisation's press office as the speaker
    ("- Запись на прививку откроется в понедельник, - уточнили в пресс-службе. - Очередей не будет.",
     "Запись на прививку откроется в понедельник", "Очередей не будет", "пресс-служба"),
    # the words resume after a comma and a dash, in lower case: one sentence cut by its attribution
    ("— Прививку надо делать всем, — говорит Анна Смирнова, — и особенно пожилым людям.",
     "Прививку надо делать всем", "и особенно пожилым людям", "Анна Смирнова"),
])
def test_a_dialogue_line_resumed_after_its_attribution_is_one_quotation(line, a, b, speaker):
    text = f"Главврач больницы Анна Смирнова встретилась с журналистами.\n\n{line}\n\nПункт вакцинации работает ежедневно."
    found = [said(text, q) for q in quotes(text)]
    assert len(found) == 1, found
    content, who, parts = found[0]
    assert content.startswith(a) and content.endswith(b) and parts == [a, b]
    assert who == speaker


DEBATE = "Депутаты спорили о бюджете на заседании думы.\n\n{}\n\nЗаседание продолжится завтра."


def test_words_resumed_by_another_speaker_are_his_quotation():
    text = DEBATE.format("— Денег на это нет, — сказал Иван Иванов. — Нужно искать другие источники, — "
                         "возразил ему Петр Петров.")
    assert [said(text, q) for q in quotes(text)] == [("Денег на это нет", "Иван Иванов", []),
                                                     ("Нужно искать другие источники", "Петр Петров", [])]


def test_words_resumed_with_an_attribution_of_their_own_are_not_part_of_the_first():
    # the same speaker again ("добавил он"): two quotations, the first without the second's cue
    text = DEBATE.format("— Денег на это нет, — сказал Иван Иванов. — Нужно искать другие источники, — добавил он.")
    assert [said(text, q) for q in quotes(text)] == [("Денег на это нет", "Иван Иванов", []),
                                                     ("Нужно искать другие источники", "Иван Иванов", [])]


def test_two_speakers_in_two_lines_stay_two_quotations():
    text = DEBATE.format("— Денег на это нет, — сказал Иван Иванов.\n\n— Нужно искать другие источники, — "
                         "возразил ему Петр Петров.")
    assert [said(text, q) for q in quotes(text)] == [("Денег на это нет", "Иван Иванов", []),
                                                     ("Нужно искать другие источники", "Петр Петров", [])]


# --- the « » form: an attribution inside the marks after a dash, of any cue a dash line takes ---

def test_a_statement_interrupted_by_a_document_cue_is_the_documents_not_the_relaying_outlets():
    # after ryan-ru_file_112 (unannotated): the outlet that relays the article is not the speaker
    text = ("Профсоюз пилотов и авиакомпания договорились о новом соглашении, сообщает Sky News. «После долгих "
            "переговоров стороны достигли соглашения о работе пилотов, - говорится в заявлении профсоюза. - Теперь "
            "соглашение будет направлено на голосование пилотам».")
    [q] = [q for q in quotes(text) if q.type == "direct"]
    assert q.cue.text == "говорится" and q.speaker.name != "Sky News"
    assert [text[p.start:p.end] for p in q.parts] == [
        "После долгих переговоров стороны достигли соглашения о работе пилотов",
        "Теперь соглашение будет направлено на голосование пилотам"]


def test_a_statement_interrupted_by_a_relay_of_his_words_is_his():
    # after asia_bibi_ru file_157 (tune): "— приводит его слова газета. —"
    text = ("Премьер-министр Канады Джастин Трюдо ответил на вопрос журналистов. «Мы обсуждаем это с "
            "правительством Пакистана, — приводит его слова газета. — Ситуация очень деликатная».")
    [q] = [q for q in quotes(text) if q.type == "direct"]
    assert q.speaker.name == "Джастин Трюдо" and q.cue.text.startswith("приводит")
    assert [text[p.start:p.end] for p in q.parts] == ["Мы обсуждаем это с правительством Пакистана",
                                                      "Ситуация очень деликатная"]
