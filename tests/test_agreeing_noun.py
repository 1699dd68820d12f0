"""A pronoun's antecedent (`mentions.agreeing_noun`, issue 14): the nearest noun back from the pronoun
that reads first as a noun and agrees in the nominative, with what a caller passes over — someone's
words in quotation marks (a finding cue's "Он показал" after a report), a preposition's noun (a
possessive's owner, "ученые в Бразилии"). Sentences written for the test."""
from citata.quotes.mentions import agreeing_noun
from helpers import view_of


def antecedent(text: str, pronoun: str, number: str, genders: set[str] | None = None, **passing) -> str | None:
    """The word `agreeing_noun` finds for the first `pronoun` of `text`, searched back to the start
    of the sentence before the pronoun's."""
    view = view_of(text)
    i = next(k for k, tok in enumerate(view.toks) if tok.text == pronoun)
    si = view.tok_sent[i]
    first = view.sent_range(si - 1).start if si > 0 else view.sent_range(si).start
    found = agreeing_noun(view, i - 1, first, number, genders, **passing)
    return view.toks[found[0]].text if found else None


def test_a_verb_that_has_a_noun_reading_is_passed_over():
    # "были" reads as a plural of "быль" too; "в" as an abbreviated noun
    assert antecedent("Результаты опытов на мышах были опубликованы в марте. Они показали, что препарат "
                      "работает.", "Они", "plur") == "Результаты"
    assert antecedent("Министр иностранных дел Великобритании Борис Джонсон подал в отставку. Он заявил, что "
                      "уходит.", "Он", "sing", {"masc"}) == "Джонсон"


def test_gender_and_number_must_agree():
    text = "Компания представила вакцину, а министр одобрил ее. Она заявила, что поставки начнутся в мае."
    assert antecedent(text, "Она", "sing", {"femn"}) == "Компания"
    assert antecedent(text, "Она", "sing", {"masc"}) == "министр"
    assert antecedent(text, "Она", "plur") is None


def test_words_in_quotation_marks_are_passed_over_when_asked():
    text = "Доклад, по словам авторов, назывался «Прогноз». Он показал, что цены вырастут."
    assert antecedent(text, "Он", "sing", {"masc"}, past_quoted=True) == "Доклад"
    assert antecedent(text, "Он", "sing", {"masc"}) == "Прогноз"


def test_a_prepositions_noun_is_passed_over_when_asked():
    text = "Об этом сообщили эксперты в СМИ. По их данным, цены вырастут."
    assert antecedent(text, "их", "plur", past_prepositions=True) == "эксперты"
    assert antecedent(text, "их", "plur") == "СМИ"
