"""Sentences a scraper glued together (issue 14, layouts): a page whose paragraphs lost the break between
them ("— отмечает профессор.Ученые намерены …", as text joined without a separator writes it) is split
where the space would have been; initials, abbreviations and names with a dot inside are not.
Sentences written for the test."""
from citata.nlp import sentences
from citata.pipeline import extract_text


def texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text)]


def test_a_glued_sentence_end_splits():
    assert texts("Так считает профессор.Ученые намерены продолжить испытания.") == \
        ["Так считает профессор.", "Ученые намерены продолжить испытания."]
    assert texts('Отчет обнародуют после испытаний."Хорошая вакцина нужна всем", — сказал он.') == \
        ["Отчет обнародуют после испытаний.", '"Хорошая вакцина нужна всем", — сказал он.']
    assert texts("Где вакцина?Её ждут все.") == ["Где вакцина?", "Её ждут все."]


def test_initials_abbreviations_and_names_with_a_dot_stay_whole():
    for text in ("Об этом сказал А.Сидоров на встрече.", "Митинг прошел на ул.Ленина вчера.",
                 "Это т.е. главное.", "Сайт Газета.Ru сообщил об этом.", "Вклад в 1,5 млрд.Рублей не хватит."):
        assert len(texts(text)) == 1, text


def test_a_report_after_a_glued_end_is_found_with_its_speaker():
    spaced = "Вакцину испытал профессор Иван Петров. Побочные эффекты не повод отказываться от прививки, отмечает Петров."
    glued = spaced.replace("Петров. Побочные", "Петров.Побочные")

    def said(text: str) -> list[tuple[str, str | None]]:
        return [(q.content.text, q.speaker and q.speaker.name) for q in extract_text(text).quotes]
    assert said(spaced) == [("Побочные эффекты не повод отказываться от прививки", "Иван Петров")]
    assert said(glued) == said(spaced)


def test_a_latin_word_before_a_glued_end():
    assert texts("— написала она в Facebook.По мнению Захаровой, это позор.") == \
        ["— написала она в Facebook.", "По мнению Захаровой, это позор."]
