"""A document referred back to as a quotation's source (issue 14): "В нем указано", "Согласно
документу", "В заявлении уточняется" name the document the article named before — in the
nominative, with its genitive owner or, failing one, its sentence's subject — so that the speaker
reads the same whether the article says the statement or its publisher (eval/survey_documents.py
counts the constructions over ../shared/corpora). Sentences written for the test."""
import pytest

from helpers import said as quotes


@pytest.mark.parametrize("text, content, speaker", [
    # a locative pronoun before an impersonal cue: the document of the sentence before, owned by
    # that sentence's subject
    ("Министерство финансов опубликовало доклад о бюджете. В нем говорится, что дефицит бюджета "
     "сократится вдвое.", "дефицит бюджета сократится вдвое", "доклад Министерства финансов"),
    # the feminine locative pronoun (pronouns.tsv's locative rows): a feminine document
    ("Профсоюз врачей направил министру записку. В ней говорится, что больницам не хватает персонала.",
     "больницам не хватает персонала", "записка Профсоюза врачей"),
    # a brand the dictionary does not know keeps its form
    ("Компания «Биолек» подала заявление о регистрации вакцины. В нем указано, что препарат уже "
     "зарегистрирован в Белоруссии.", "препарат уже зарегистрирован в Белоруссии", "заявление Биолек"),
    # a generic noun: the document named just before, with its genitive owner
    ("Агентство сообщило об этом со ссылкой на доклад Всемирного банка. Согласно документу, экономика "
     "страны вырастет на три процента.", "экономика страны вырастет на три процента", "доклад Всемирного банка"),
    # a noun repeated with no owner: the same noun named before with one, sentences back
    ("Забастовка пилотов состоится в пятницу, говорится в заявлении профсоюза пилотов Forsa. Авиакомпания "
     "отменит двадцать рейсов. В заявлении уточняется, что пилоты требуют повышения зарплаты.",
     "пилоты требуют повышения зарплаты", "заявление профсоюза пилотов Forsa"),
])
def test_a_document_referred_back_to_is_the_one_named_before(text, content, speaker):
    assert (content, speaker) in quotes(text)


def test_the_pronoun_agrees_in_gender():
    # "В нем" (masculine or neuter) is the letter, not the article (feminine) named after it
    text = ("Союз журналистов направил губернатору письмо, а газета напечатала статью об этом. В нем "
            "говорится, что редакции лишились поддержки.")
    assert quotes(text) == [("редакции лишились поддержки", "письмо Союза журналистов")]


@pytest.mark.parametrize("text, content, speaker", [
    # no document before: the noun stays as written, the pronoun names no one
    ("Согласно документу, налоги в будущем году вырастут.", "налоги в будущем году вырастут", "документ"),
    ("В документе говорится, что налоги в будущем году вырастут.", "налоги в будущем году вырастут", "документ"),
    # an interview is no document: "В нем" after it is not the minister interviewed
    ("Министр Иван Петров дал интервью телеканалу. В нем говорится, что пенсии повысят в январе.",
     "пенсии повысят в январе", None),
])
def test_with_no_document_before_nothing_is_guessed(text, content, speaker):
    assert quotes(text) == [(content, speaker)]



@pytest.mark.parametrize("text", [
    "В ответ на запрос «Интерфакса» в Минздраве отмечается, что вакцина безопасна.",
    "В ответ на обращение депутатов отмечается, что проверка продолжается.",
])
def test_a_compound_preposition_is_no_document(text):
    """"В ответ на …" is no locative: "ответ" there names no document the words were written in (the
    window search and the parse's locative both ask for the locative case)."""
    assert all(speaker is None or "ответ" not in speaker.lower() for _, speaker in quotes(text))


def test_a_document_in_the_genitive_of_a_locative_stays_the_source():
    text = "Об этом говорится в результатах исследования, опубликованных в понедельник на сайте компании."
    assert [speaker for _, speaker in quotes("Вакцина эффективна в 94% случаев. " + text)] == ["результаты исследования"]
