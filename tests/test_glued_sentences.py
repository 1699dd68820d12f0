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


def test_glued_ends_before_a_one_letter_word_after_a_mark_an_acronym_or_a_number():
    # The shapes left after "профессор.Ученые" was split, as the covid-19 pages' glued paragraphs write them.
    assert texts("Рейсы отменят в ближайшую неделю.В июне авиакомпания отменила еще сто рейсов.") == \
        ["Рейсы отменят в ближайшую неделю.", "В июне авиакомпания отменила еще сто рейсов."]
    assert texts('Он не прекратил сотрудничество с "Роснефтью".Он был награжден орденом.') == \
        ['Он не прекратил сотрудничество с "Роснефтью".', "Он был награжден орденом."]
    assert texts("Перепечатка при условии ссылки на «ZN.UA».Для интернет-изданий ссылка обязательна.") == \
        ["Перепечатка при условии ссылки на «ZN.UA».", "Для интернет-изданий ссылка обязательна."]
    assert texts("Он голосовал за выход из ЕС.Дэвид Дэвис ушел в отставку.") == \
        ["Он голосовал за выход из ЕС.", "Дэвид Дэвис ушел в отставку."]
    assert texts("Эффективность вакцины составила 95%.Действенность других прививок ниже.") == \
        ["Эффективность вакцины составила 95%.", "Действенность других прививок ниже."]
    assert texts("Так пишут о COVID-19.Юмор помогает.") == ["Так пишут о COVID-19.", "Юмор помогает."]


def test_a_dialogue_dash_glued_to_the_sentence_before_starts_a_sentence():
    assert texts("Прививку получат жители области.‑ Достаю сразу три коробочки, – говорит медсестра.") == \
        ["Прививку получат жители области.", "‑ Достаю сразу три коробочки, – говорит медсестра."]
    # An editor's gloss in brackets after a full stop is no dialogue line.
    assert len(texts("Франция не обеспечивает (авиакомпаниям.— “Ъ” ) возможности полетов.")) == 1


def test_initials_abbreviations_and_numbers_before_a_glued_capital_stay_whole():
    for text in ("Об этом говорил Ю.В.Андропов на пленуме.", "Компании и т.д.В общем, все согласны.",
                 "Цена 100 руб.В среднем за штуку.", "Документ подписал И.О.Петров вчера.",
                 "Встреча в 12.30 прошла спокойно.", "Сайт Lenta.Ru сообщил об этом."):
        assert len(texts(text)) == 1, text


def test_a_report_after_a_glued_closing_mark_is_found_with_its_speaker():
    spaced = ('Премьер выступил в эфире "Первого канала". По словам министра Ивана Петрова, '
              "переговоры с Брюсселем продолжатся в июле.")
    glued = spaced.replace('канала". По', 'канала".По')

    def said(text: str) -> list[tuple[str, str | None]]:
        return [(q.content.text, q.speaker and q.speaker.name) for q in extract_text(text).quotes]
    assert said(spaced) and said(spaced)[0][1] == "Иван Петров"
    assert said(glued) == said(spaced)


def test_a_dialogue_line_glued_after_a_sentence_end_is_read_to_its_own_attribution():
    paragraphs = ("Глава Минздрава области Ольга Седова приехала в поликлинику.\n"
                  "- Прививку сделали уже две тысячи человек. Препарат безопасен, - сказала Седова.\n"
                  "В очереди стояли пенсионеры.\n"
                  "- Я пришла третий раз. Записи нет, - пожаловалась Анна Ильина.\n"
                  "Запись продлится до пятницы.")
    glued = paragraphs.replace("\n", "")  # a page written by get_text(): no break between paragraphs

    def said(text: str) -> list[tuple[str, str | None]]:
        return [(q.content.text, q.speaker and q.speaker.name) for q in extract_text(text).quotes]
    assert said(paragraphs) == [
        ("Прививку сделали уже две тысячи человек. Препарат безопасен", "Ольга Седова"),
        ("Я пришла третий раз. Записи нет", "Анна Ильина"),
    ]
    assert said(glued) == said(paragraphs)


def test_an_editors_note_glued_after_a_sentence_end_is_not_a_dialogue_line():
    text = ("Эпидемиолог Петр Исаев добавил, что вирус отступает (данные на 1 декабря.- Ред.) и "
            "вакцинация идёт по плану, - уточнил он.")
    assert not any(q.content.text.startswith("Ред") for q in extract_text(text).quotes)
