"""Organisations as speakers (issue 14, twenty-first session): a body's name in quotation marks is
part of the speaker's phrase — after the noun that heads it ("администрация «Райанэйр»"), after a
locative noun ("в пресс-службе «Аэрофлота»"), and where it ends a direct quotation's attribution
("— прокомментировали в «Роснефти»."). Sentences written for the test after the corpus lines named
(ryan-ru_file_129, book_510, brexit_ru.txt_file_1088); each class beside a near neighbour that keeps
today's answer."""
import pytest

from helpers import name_and_kind_at as speaker_of


@pytest.mark.parametrize("text, start, speaker", [
    # the quoted name is the genitive of the phrase's head: the phrase speaks with it
    ("Кроме того, администрация «Аэрофлота» заявила, что рейсы будут выполняться по расписанию.",
     "рейсы будут", ("администрация «Аэрофлота»", "anonymous")),
    ("Руководство движения «Талибан» сообщило, что переговоры продолжатся в январе.",
     "переговоры продолжатся", ("Руководство движения «Талибан»", "anonymous")),
    # a name of figures after a class noun is the body's name, as a name in letters is
    ('Министр подал в отставку, сообщает телеканал "360".', "Министр подал", ("360", "organization")),
])
def test_a_quoted_name_after_the_speakers_noun_is_part_of_the_phrase(text, start, speaker):
    assert speaker_of(text, start) == speaker


@pytest.mark.parametrize("text, start, speaker", [
    # a class noun before the quoted name: the name alone, as before
    ("Как сообщает газета «Ведомости», сделка будет закрыта до конца года.",
     "сделка будет", ("Ведомости", "organization")),
    # the same phrase with the name unquoted: as before
    ("Кроме того, администрация Аэрофлота заявила, что рейсы будут выполняться по расписанию.",
     "рейсы будут", ("администрация Аэрофлота", "anonymous")),
])
def test_a_name_without_its_own_quoted_complement_keeps_its_phrase(text, start, speaker):
    assert speaker_of(text, start) == speaker


@pytest.mark.parametrize("text, start, speaker", [
    # a body named in quotation marks at the end of a direct quotation's attribution
    ("«Мы не планируем повышать цены на бензин», — прокомментировали в «Роснефти».",
     "Мы не планируем", ("Роснефть", "organization")),
    # a locative office with the body's quoted name after it
    ("«Все рейсы будут выполнены по расписанию», — сообщили в пресс-службе «Аэрофлота».",
     "Все рейсы будут", ("пресс-служба «Аэрофлота»", "anonymous")),
])
def test_a_quoted_body_ends_the_attribution(text, start, speaker):
    assert speaker_of(text, start) == speaker


@pytest.mark.parametrize("text, start, speaker", [
    # an outlet in the dative at the end is the one spoken to, not the speaker's phrase
    ("Глава компании Игорь Сечин выступил в Москве. «Мы не планируем повышать цены», — заявил "
     "глава компании «Известиям».", "Мы не планируем", ("Игорь Сечин", "person")),
    # the locative office with an unquoted name: as before
    ("«Все рейсы будут выполнены по расписанию», — сообщили в пресс-службе Минздрава.",
     "Все рейсы будут", ("пресс-служба Минздрава", "anonymous")),
])
def test_an_addressee_or_an_unquoted_name_keeps_todays_answer(text, start, speaker):
    assert speaker_of(text, start) == speaker
