"""One organisation under two written names: a foreign organisation the article spells in Russian
and glosses with its original ("«Пфайзер» (Pfizer)") is one participant, and the speaker goes by
the original (citata/quotes/participants.py, `Participants.original_name`). Sentences from the
shared corpora (cited by file, some shortened) or written for the test."""
from citata.quotes.participants import Participants
from helpers import name_at as speaker_of, view_of

# bsnlp-ru/covid-19/raw/coronavirus_ru_3.txt, shortened
VACCINE = (
    "2 декабря 2020 года Великобритания стала первой страной в мире, одобрившей вакцину BNT162b2 от "
    "коронавируса, которую разработали немецкая «Байонтек» (BioNTech) и американская «Пфайзер» (Pfizer). "
    "«Пфайзер» отметила, что конечная эффективность антиковидной защиты, которую предоставляет BNT162b2, "
    "может оказаться ниже, поскольку исследования еще не завершены. "
    "Как полагает «Байонтек», если процесс скорейшего внедрения вакцины BNT162b2 пойдет по плану, уже к "
    "апрелю 2021 года начнут давать о себе знать первые признаки явного снижения бремени пандемии. "
    "«Пфайзер» и «Байонтек» полагают, что их производственные мощности в состоянии выпустить до конца "
    "текущего 2020 года максимум 50 млн доз профилактической мРНК-вакцины от коронавируса.")


def test_glossed_foreign_organisation_speaks_under_its_original():
    assert speaker_of(VACCINE, "конечная эффективность") == "Pfizer"
    assert speaker_of(VACCINE, "если процесс") == "BioNTech"
    assert speaker_of(VACCINE, "их производственные") == "Pfizer и BioNTech"  # each name of the pair


def test_later_mentions_in_any_case_are_the_same_participant():
    parts = Participants(view_of(VACCINE + " Вакцину «Пфайзера» одобрили в Британии, Pfizer заявила о поставках."))
    pfizer = parts.org_named("Pfizer")
    assert pfizer is not None
    assert parts.org_named("Пфайзер") is pfizer and parts.org_named("Пфайзера") is pfizer
    assert parts.org_named("Байонтек") is parts.org_named("BioNTech") is not pfizer
    assert parts.original_name("Пфайзером") == "Pfizer"
    assert parts.original_name("«Байонтек» и министерство здравоохранения") == "BioNTech и министерство здравоохранения"


def test_outlet_glossed_in_latin_goes_by_its_original():
    # factrueval-2016/devset/book_399.txt
    text = ("«Наконец то всё позади, мы выбираем», пишет на первой странице ежедневная газета \"Ла стампа\" "
            "(La Stampa).")
    assert speaker_of(text, "Наконец") == "La Stampa"


def test_other_glosses_leave_the_russian_name():
    # an abbreviation or a translation is another name, not the spelling of this one; a person's
    # Latin spelling is a gloss (the press writes persons in Cyrillic); an organisation written in
    # Cyrillic alone stays as written (nothing in the article says what its original is)
    text = ("Институт имени Роберта Коха (RKI) сообщил, что число заражений в Германии выросло. "
            "Немецкий совет по этике (Deutscher Ethikrat) заявил, что обязательная вакцинация недопустима. "
            "Ульрих Делиус (Ulrich Delius) заявил, что Асия Биби должна покинуть Пакистан. "
            "Представители «Райанэйр» заявили, что забастовка не повлияет на расписание.")
    assert speaker_of(text, "число заражений") == "Институт имени Роберта Коха"
    assert speaker_of(text, "обязательная вакцинация") == "Немецкий совет по этике"
    assert speaker_of(text, "Асия Биби") == "Ульрих Делиус"
    assert speaker_of(text, "забастовка") != "Ryanair"
