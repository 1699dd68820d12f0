"""eval/survey_org_scripts.py: a Cyrillic name told from its Latin spelling and from a translation,
and which form a speaker string is written in, on names written for the test."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from citata.names import spells_latin  # noqa: E402
from survey_org_scripts import gloss_kind, written_as  # noqa: E402


def test_a_transliteration_reads_as_its_latin_spelling_in_any_case():
    assert spells_latin("«Пфайзер»", "Pfizer")
    assert spells_latin("Байонтек", "BioNTech")
    assert spells_latin("Фольксвагеном", "Volkswagen")  # the instrumental's -ом
    assert spells_latin("Райнэйр", "Ryanair")


def test_a_translation_or_another_name_does_not():
    assert not spells_latin("Немецкий совет по этике", "Deutscher Ethikrat")
    assert not spells_latin("Международная амнистия", "Amnesty International")
    assert not spells_latin("ЭпиВакКорона", "Pfizer")


def test_the_kinds_of_gloss():
    assert gloss_kind("«Модерна»", "Moderna") == "latin, same name"
    assert gloss_kind("Институт имени Роберта Коха", "RKI") == "abbreviation"
    # a mixed-case abbreviation of the original is another name than the translation
    assert gloss_kind("Общество защиты притесняемых народов", "GfbV") == "latin, another name"
    assert gloss_kind("Немецкий совет по этике", "Deutscher Ethikrat") == "latin, another name"
    assert gloss_kind("Всемирная организация здравоохранения", "ВОЗ") == "abbreviation"


def test_which_form_a_speaker_is_written_in():
    assert written_as("Pfizer и BioNTech", "«Пфайзер»", "Pfizer") == "gloss"
    assert written_as("Пфайзер и Байонтек", "«Пфайзер»", "Pfizer") == "name"
    assert written_as("заявление Института имени Роберта Коха", "Институт имени Роберта Коха", "RKI") == "name"
    assert written_as("Государственное агентство по авиабезопасности (AESA)", "Государственное агентство", "AESA") == "both"
    assert written_as("Минздрав", "«Пфайзер»", "Pfizer") is None
