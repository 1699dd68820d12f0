"""Quotation -> mention (issue 14, stage 1): which noun phrase of the clause designates the speaker.
Each class built beside a near neighbour that keeps its answer: a person's name after a plural noun
is that noun's genitive, not its holder; a name after a body's genitive belongs to that body, the
office speaks; a bare quotation after two sentences of the writer's own does not continue the last
speaker. Sentences written for the test after the unannotated articles named."""
import pytest

from helpers import by_opening as speaker_of, said


# A plural noun before one name: "по словам членов семьи Биби" (asia_bibi_ru.txt_file_115) — an
# indeclinable name, or one in the genitive like the phrase, reads either way by its case; one
# person's name cannot stand in apposition to a plural noun.

def test_one_name_after_a_plural_noun_is_its_genitive():
    assert speaker_of("По словам сторонников Трампа, выборы были честными.", "выборы") == "сторонники Трампа"
    assert speaker_of("Адвокаты Биби заявили, что она невиновна.", "она невиновна") == "Адвокаты Биби"


def test_one_name_after_a_singular_title_is_its_holder():
    # the neighbour: a title in the singular introduces its holder's name
    assert speaker_of("По словам адвоката Ивана Петрова, выборы были честными.", "выборы") == "Иван Петров"
    assert speaker_of("Адвокат Иван Петров заявил, что она невиновна.", "она невиновна") == "Иван Петров"


# A body's genitive between an office and a country: "канцелярия правительства Израиля сообщает"
# (factrueval devset book_301) — the country is the government's, the office speaks.

def test_a_country_after_a_body_in_the_genitive_is_not_the_speaker():
    text = "Теперь же канцелярия правительства Израиля сообщает, что министр прилетит в Вашингтон."
    assert speaker_of(text, "министр прилетит") == "канцелярия правительства Израиля"


def test_a_name_right_after_a_class_noun_still_speaks():
    # the neighbour: the name the class noun introduces ("газета The Times") is the speaker
    text = "Британская газета The Times сообщает, что министр прилетит в Вашингтон."
    assert speaker_of(text, "министр прилетит") == "The Times"


# A bare quotation after the writer's own sentences: "Мэй уже заявила, что … . Подробности – в
# материале портала. Письменный отказ. «Дорогая Тереза! …»" (brexit_ru.txt_file_1146, a letter of
# someone the text has not named yet) keeps no speaker rather than the last one.

def test_a_bare_quotation_after_two_sentences_of_narration_has_no_speaker():
    text = ("Министр уже заявил, что не уйдет в отставку. Подробности читайте в нашем материале. "
            "Письменный ответ.\n\n«Дорогой коллега! Мы давно ждали этого решения».")
    assert speaker_of(text, "Дорогой коллега") is None


def test_a_bare_quotation_right_after_a_report_continues_it():
    # the neighbour: with nothing between, the quotation goes on from the minister's report
    text = ("Министр Иван Петров заявил, что не уйдет в отставку. «Мы давно ждали этого решения».")
    assert speaker_of(text, "Мы давно ждали") == "Иван Петров"



# "уход Тоцци" (the renamed brexit_ru.txt_file_1133, eval/rename.py): an indeclinable name shows no
# case; the inanimate noun in the nominative or accusative before it takes it as its genitive, as it
# does a declined "уход Джонсона". After a preposition's object or a noun in an oblique case the name
# opens the clause.

def test_a_name_after_a_thing_in_the_nominative_or_accusative_is_its_genitive_not_the_subject():
    text = ("Глава МИД Великобритании Марко Тоцци ушел в отставку. В российском МИДе уход Тоцци расценили "
            "как нежелание оставаться в дырявой шлюпке.")
    assert speaker_of(text, "нежелание") == "МИД"


def test_a_name_after_a_prepositions_object_or_an_oblique_noun_is_the_subject():
    assert speaker_of("Глава МИД Марко Тоцци ушел в отставку. В интервью Тоцци заявил, что не видит "
                      "возможности работать.", "не видит") == "Марко Тоцци"
    assert speaker_of("На заседании кабинета Тоцци заявил, что Иерусалим процветал все 44 года.",
                      "Иерусалим") == "Тоцци"


@pytest.mark.parametrize("text, speaker", [
    # after bsnlp-ru asia_bibi_ru.txt_file_151 (quotes_m, tune)
    ("Асию Биби оправдали. Днем ранее муж Биби попросил убежища в Великобритании, Канаде и США, поскольку "
     "считает, что всей его семье грозит опасность.", "муж Биби"),
    ("Премьер Иван Петров отказался от встречи с лидером оппозиции, хотя ранее заявлял, что готов к диалогу.",
     "Иван Петров"),
])
def test_an_adverbial_clause_after_the_main_one_shares_its_subject(text, speaker):
    """", поскольку считает, что …": the clause has no subject of its own; the main clause's object
    (США, лидер оппозиции) is not its speaker."""
    assert [s for _, s in said(text)] == [speaker]
