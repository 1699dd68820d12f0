"""Speaker classes found on the judged samples of unannotated text (eval/speaker_*_sample.tsv,
issue 14), each on sentences written for the test, beside a near neighbour that keeps its answer."""
from helpers import only_quote as only


# --- a qualified title with no holder in the article: the person of its cue's gender just named -----

LEAD = "Виктор Орбан отменил визит в Брюссель из-за разногласий с Еврокомиссией.\n\n"


def test_a_qualified_title_is_the_person_its_cue_fits_named_just_before():
    # a title with its country, as a one-word title already was: the man named in the sentence before
    sp = only(LEAD + "Премьер-министр Венгрии заявил, что не поедет на саммит в четверг.").speaker
    assert sp.name == "Виктор Орбан" and sp.why[0] == "bare title → the person named just before"


def test_a_qualified_title_of_another_country_than_the_persons_stays_as_written():
    # the article makes the man named just before a Frenchman: the Hungarian premier is someone else
    text = ("Посол Франции в России Пьер Леви отменил визит в Москву.\n\n"
            "Премьер-министр Венгрии заявил, что не поедет на саммит в четверг.")
    sp = only(text).speaker
    assert sp.name == "Премьер-министр Венгрии" and sp.kind == "anonymous"


def test_a_qualified_title_without_a_gendered_cue_stays_as_written():
    # "по словам" tells no gender: nothing says the title is the man just named
    sp = only(LEAD + "По словам премьер-министра Венгрии, он не поедет на саммит в четверг.").speaker
    assert sp.name.lower() == "премьер-министр венгрии" and sp.kind == "anonymous"
