"""A speaker's string is what a journalist reads in the archive (issue 14, twenty-fifth session): a
phrase put in the nominative keeps what agreed agreeing and leaves a head's complement as written
(eval/survey_speaker_forms.py counts the broken shapes over the shared corpora). Phrases and
sentences written for the test."""
import sys

from conftest import ROOT
from helpers import plain_quotes, speaker_name

from citata.names import nominative_phrase, tidy_role

sys.path.insert(0, str(ROOT / "eval"))

from survey_speaker_forms import form_reasons  # noqa: E402


def test_a_substantivised_head_keeps_its_complement_as_written():
    # "уполномоченные" is the head; the noun after it, in another case, is its complement
    assert nominative_phrase("уполномоченные профсоюза летчиков") == "уполномоченные профсоюза летчиков"
    assert nominative_phrase("уполномоченные частной клиники") == "уполномоченные частной клиники"
    assert nominative_phrase("уполномоченных профсоюза", case="gent") == "уполномоченные профсоюза"
    assert nominative_phrase("заведующей кафедрой", case="gent") == "заведующая кафедрой"
    assert nominative_phrase("заведующую лабораторией", case="accs") == "заведующая лабораторией"
    # a noun of common gender takes an adjective of either
    assert nominative_phrase("нового главы Минздрава", case="gent") == "новый глава Минздрава"
    assert nominative_phrase("новой главе района", case="datv") == "новая глава района"


def test_modifiers_that_agree_with_the_noun_are_put_in_the_nominative_with_it():
    assert nominative_phrase("новых британских министров", case="gent") == "новые британские министры"
    assert nominative_phrase("Европейского совета", case="gent") == "Европейский совет"
    assert nominative_phrase("официальном заявлении", case="loct") == "официальное заявление"
    # a compound adjective opening with digits is an adjective like another
    assert nominative_phrase("64-летнего дипломата", case="gent") == "64-летний дипломат"
    assert nominative_phrase("32-летней спортсменке", case="datv") == "32-летняя спортсменка"
    assert nominative_phrase("24-часовую забастовку", case="accs") == "24-часовая забастовка"
    # a noun opening with digits is the head, what follows it its complement
    assert nominative_phrase("25-летие первого полета") == "25-летие первого полета"
    # adjectives joined by "и" both modify the noun after them
    assert nominative_phrase("Международной морской и речной ассоциации", case="gent") == \
        "Международная морская и речная ассоциация"


def test_the_speaker_of_a_report_reads_as_written_in_the_nominative():
    text = "По словам 64-летнего дипломата, переговоры зашли в тупик."
    assert [speaker_name(q) for q in plain_quotes(text)] == ["64-летний дипломат"]
    text = "Как сообщили уполномоченные профсоюза летчиков, забастовка начнется в пятницу."
    assert [speaker_name(q) for q in plain_quotes(text)] == ["уполномоченные профсоюза летчиков"]


def test_the_survey_flags_what_no_speaker_looks_like():
    assert "time" in form_reasons("11:27 ТАСС", "organization", "11:27 ТАСС")
    assert "cut" in form_reasons("Жители третьего", "anonymous", "Жители третьего")
    assert "punctuation" in form_reasons("ТАСС.", "organization", "ТАСС.")
    assert "disagreement" in form_reasons("64-летнего дипломат", "anonymous", "64-летнего дипломата")
    assert "agreement broken" in form_reasons("уполномоченные профсоюзы летчиков", "anonymous",
                                              "уполномоченные профсоюза летчиков")
    assert form_reasons("64-летний дипломат", "anonymous", "64-летнего дипломата") == []
    assert form_reasons("G7", "organization", "G7") == []
    assert form_reasons("уполномоченные профсоюза летчиков", "anonymous", "уполномоченные профсоюза летчиков") == []
    assert "no noun" in form_reasons("сама", None, None, role=True)


def test_a_role_never_ends_in_a_word_that_names_no_role():
    text = "Сам Иван Петров заявил, что не собирается уходить в отставку."
    assert [q.speaker.role for q in plain_quotes(text)] == [None]
    text = ("Министр транспорта Иван Петров выступил в парламенте. Сам Иван Петров заявил, что не собирается "
            "уходить в отставку.")
    assert [q.speaker.role for q in plain_quotes(text)] == ["министр транспорта"]
    text = "Как заявила испуганная Мария Соколова, соседи угрожали ей."
    assert [q.speaker.role for q in plain_quotes(text)] == [None]


def test_the_words_a_role_cannot_end_in_are_dropped_from_its_end():
    assert tidy_role("советник президента по") == "советник президента"
    assert tidy_role("директор НИИ гриппа им") == "директор НИИ гриппа"
    assert tidy_role("Генеральный директор") == "генеральный директор"
    # a substantivised adjective or participle, a number, an abbreviation end a role
    assert tidy_role("уполномоченный") == "уполномоченный"
    assert tidy_role("заведующая кафедрой") == "заведующая кафедрой"
    assert tidy_role("главный врач ГКБ 67") == "главный врач ГКБ 67"
    assert tidy_role("врач высшей категории, к.м.н.") == "врач высшей категории, к.м.н."
    # an adjective after the noun it agrees with, or after another adjective, is the role's
    assert tidy_role("папа римский") == "папа римский"
    assert tidy_role("американский военный") == "американский военный"
    assert tidy_role("министр по делам регионов 44-летний") == "министр по делам регионов"
