"""Abbreviations with a full stop inside a speaker's phrase (issue 14, nineteenth session): the
sentence splitter ends no sentence after one before a capitalised word, and the speaker's phrase
runs on past it — a word of a name ("Центра им. Гамалеи"), a title ("проф."), an academic degree
("к.м.н."), an initial after "имени"; and a woman's first name in the dative that the dictionary
also holds as an indeclinable name ("Анне Соколовой" is Анна Соколова). Sentences written for the
test after the corpora's pages (covid-19 coronavirus_ru_14, _25, _69, _70, _82; asia_bibi file_149)."""
import pytest

from citata import lexicons as lex
from citata.nlp import morph
from helpers import quotes_of as quotes, split


@pytest.mark.parametrize("text", [
    # an academic degree before a name, and one of two parts with a hyphen
    "Об этом рассказал врач высшей категории, к.м.н. Ксения Бочарова.",
    "Доклад прочитал д.ф.-м.н. Олег Петров из Новосибирска.",
    # "так называемый", spaced
    "Полиция перекрыла подъезды к т. н. Красной зоне в центре города.",
    # a word of a name: "имени", "набережная", "улица", "святого"
    "Вакцину разработали в Центре им. Гамалеи в Москве.",
    "Прививки делают по адресу: наб. Обводного канала, д. 140.",
    "Пункт откроется в поликлинике на ул. Ломоносова в понедельник.",
    "Службу провели в храме св. Николая вечером.",
    # a title
    "Лекцию прочитал проф. Иванов из Казани.",
])
def test_no_sentence_ends_after_an_abbreviation_inside_a_phrase(text):
    assert split(text) == [text]


@pytest.mark.parametrize("text, first", [
    # a sentence that does end in a short lowercase word or a year stays two
    ("Прививку сделали в 2020 году. Петров доволен.", "Прививку сделали в 2020 году."),
    ("Об этом сказал он. Петров не согласился.", "Об этом сказал он."),
])
def test_a_sentence_still_ends_after_a_short_word(text, first):
    assert split(text)[0] == first


def test_a_degree_before_a_name_in_a_dash_line_keeps_the_speaker_and_the_resumed_words():
    text = ("– Любая вакцина создает иммунологическую память, – объясняет врач аллерголог-иммунолог высшей "
            "категории, к.м.н. Ксения Бочарова. – То есть организм запоминает инфекцию.")
    (q,) = quotes(text)
    assert q.speaker.name == "Ксения Бочарова"
    assert [text[p.start:p.end] for p in q.parts] == [
        "Любая вакцина создает иммунологическую память", "То есть организм запоминает инфекцию"]


@pytest.mark.parametrize("text, speaker", [
    # "им." in the speaker's title, with the name after it and without
    ("Вакцина безопасна, заявил директор Центра им. Гамалеи Александр Гинцбург.", "Александр Гинцбург"),
    ("Вакцина безопасна, заявил директор Центра им. Гамалеи.", "директор Центра им. Гамалеи"),
    ("Вакцина безопасна, заявил директор Центра им. Н.Ф. Гамалеи.", "директор Центра им. Н.Ф. Гамалеи"),
    # a title abbreviated, a degree before the name
    ("Вакцина безопасна, рассказал проф. Петров.", "Петров"),
    ("Как рассказал к.м.н. Иван Петров, вакцина безопасна.", "Иван Петров"),
    # the name after "имени" is the hospital's; the patient after it speaks
    ("‑ Я переболела легко, ‑ рассказывает свою историю болезни пациентка ГКБ №15 имени О.М. Филатова "
     "Ирина Маршутина.", "Ирина Маршутина"),
])
def test_the_speakers_phrase_runs_past_an_abbreviation(text, speaker):
    (q,) = quotes(text)
    assert q.speaker.name == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Вопросы мы задали врачу-терапевту Анне Соколовой. «Прививка безопасна», — говорит Соколова.",
     "Анна Соколова"),
    ("Прививку сделали канцлеру Германии Ангеле Меркель. «Я чувствую себя хорошо», — сказала Меркель.",
     "Ангела Меркель"),
    # a first name in -е the dictionary holds only as a case form
    ("Вопросы мы задали врачу Марине Петровой. «Прививка безопасна», — говорит Петрова.", "Марина Петрова"),
])
def test_a_womans_first_name_in_the_dative_has_its_nominative(text, speaker):
    (q,) = quotes(text)
    assert q.speaker.name == speaker


def test_every_abbreviations_full_word_is_one_the_analyser_knows():
    rows = lex.data_table("name_abbreviations.tsv")
    assert rows
    analyser = morph()
    for abbreviation, word in rows:
        assert word.startswith(abbreviation), (abbreviation, word)
        assert any(p.is_known and p.word == word for p in analyser.parse(word)), word
