"""A sentence's stop glued to the next sentence (issue 14, spacing: "сказал он.Он добавил"): a sentence
ends there by the words each side (`nlp.GLUED_STOP`), never inside a domain name or a brand, after an
initial or an abbreviation, or after a list's number; and the writer's spaces before an initial's stop and inside
a name's guillemets. Sentences written for the test."""
from citata.nlp import sentences
from citata.pipeline import extract_text


def texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text)]


def test_a_glued_stop_after_a_short_word_a_name_or_a_mark_ends_the_sentence():
    for before, after in (("Так сказал он.", "Он добавил, что это важно."),
                          ("Об этом сообщает Би-би-си.", "Помимо Дэвиса в отставку ушел Джонсон."),
                          ("Это решение поддержала Тереза Мэй.", "Столь же резко ответили лейбористы."),
                          ("Руководство назвало забастовку «ненужной».", "Ryanair отменил рейсы."),
                          ("Препарат предназначен для людей «18-60 лет»».", "В то же время испытания идут."),
                          ("Прививку пока не ставят в возрасте 60+.", "На какие масштабы можно рассчитывать?"),
                          ("Об этом сообщает baltinfo.ru.", "Пока идет подготовка к конкурсу."),
                          ("Число зараженных растет вместе с пандемией.", "ВОЗ полагает, что пик пройден."),
                          ("Испытания прошли 30 тысяч человек соответственно.", "Pfizer поспешил объявить итоги.")):
        assert texts(before + after) == [before, after]


def test_a_stop_with_the_writers_space_before_it_and_none_after():
    assert texts("Это свобода, продолжает Ольга .Но это и ответственность.") == \
        ["Это свобода, продолжает Ольга .", "Но это и ответственность."]
    assert texts("Рейсы отменены, информирует BBC .Руководство компании молчит.") == \
        ["Рейсы отменены, информирует BBC .", "Руководство компании молчит."]


def test_domains_brands_initials_abbreviations_and_numbers_stay_whole():
    for text in ("Об этом пишет Лента.Ру со ссылкой на источник.", "Запись идет через приложение «Емиас.Инфо» в Москве.",
                 "Сервис Яндекс.Такси повысил цены.", "Как пишет Газета.Ru, решение принято.", "Сайт Mail.Ru сообщил об этом.",
                 "Регистрация в зоне .РФ будет закрытой.", "Митинг прошел в г.Москва на ул.Ленина у театра им.Пушкина.",
                 "Стихи написал А.С.Пушкин, а прочел их В.Путин.", "Вместо Дж.Ханта министром стал Хэнкок.",
                 "Рост составил 3.5 процента.", "Укажите Ф.И.О. полностью.", "Как сообщил А .Кудрин, решение принято.",
                 "Центр им.В.П.Сербского открыт."):
        assert len(texts(text)) == 1, text
    assert texts("Порядок такой: 1.Пункт первый; 2.Пункт второй.") == ["Порядок такой: 1.Пункт первый; 2.Пункт второй."]


def test_reports_each_side_of_a_glued_stop_are_two_with_their_speakers():
    spaced = "Это свобода, продолжает Ольга Серябкина . Но это и ответственность, уточнила она."

    def said(text: str) -> list[tuple[str, str | None]]:
        return [(q.content.text, q.speaker and q.speaker.name) for q in extract_text(text).quotes]
    assert said(spaced) == [("Это свобода", "Ольга Серябкина"), ("это и ответственность", "Ольга Серябкина")]
    assert said(spaced.replace(". Но", ".Но")) == said(spaced)
    assert said(spaced.replace(" . Но", ".Но")) == said(spaced)


def test_a_spaced_initial_and_a_spaced_name_in_marks_speak():
    """The writer's spaces before a stop and inside guillemets (issue 14, spacing leftovers)."""
    def said(text: str) -> list[tuple[str, str | None]]:
        return [(q.content.text, q.speaker and q.speaker.name) for q in extract_text(text).quotes]
    assert len(texts("Как сообщил А . Кудрин , бюджет будет сбалансирован .")) == 1
    assert said("Как сообщил А . Кудрин , бюджет будет сбалансирован .") == \
        said("Как сообщил А. Кудрин, бюджет будет сбалансирован.")
    assert said("Как сообщил « Коммерсант » , бюджет будет сбалансирован .") == \
        [("бюджет будет сбалансирован", "Коммерсант")]
    assert said("Бюджет будет сбалансирован , сообщил « Коммерсант » .") == \
        [("Бюджет будет сбалансирован", "Коммерсант")]


def test_a_name_after_a_glued_stop_and_an_editors_note_glued_to_its_stop():
    assert texts("Исламисты требуют казнить ее по закону.Масих обратился к лидерам трех стран.") == \
        ["Исламисты требуют казнить ее по закону.", "Масих обратился к лидерам трех стран."]
    assert len(texts("Премьер-министр (Тереза Мэй.- Прим. ред.) приняла отставку.")) == 1
