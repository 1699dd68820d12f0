"""Words spelt with look-alike letters of both alphabets: analysed, searched and named as one word."""
import pytest

from citata.nlp import fold_mixed_scripts
from citata.pipeline import extract_text


@pytest.mark.parametrize("text, folded", [
    ("мэр Моcквы", "мэр Москвы"),                    # a Latin c among Cyrillic letters
    ("Cергей Собянин", "Сергей Собянин"),            # a Latin capital C opening a name
    ("вакцина AstraZeneсa", "вакцина AstraZeneca"),  # a Cyrillic с in a Latin name
    ("СOVID-19", "COVID-19"),                        # a Cyrillic С opening a Latin word
    ("со ссылкой на Сatholic Нerald", "со ссылкой на Catholic Herald"),
    ("полис ОМC", "полис ОМС"),                      # every letter has a twin: the alphabet most of them are in
])
def test_a_word_of_both_alphabets_is_put_in_one(text, folded):
    assert fold_mixed_scripts(text) == folded
    assert len(fold_mixed_scripts(text)) == len(text)  # letter for letter: offsets stay


@pytest.mark.parametrize("text", [
    "партнерство Pfizerили BioNTech",  # two words run together: letters of their own in both
    "ЛIГАБiзнесIнформ",                # I and i have no Russian twin
    "Обычный русский текст и English text, Brexit и COVID-19.",
    "",
])
def test_words_that_are_not_one_word_spelt_twice_stay(text):
    assert fold_mixed_scripts(text) == text


def test_a_speaker_spelt_with_a_latin_letter_is_named_in_cyrillic_and_the_page_keeps_its_letters():
    text = "Вчера мэр Моcквы Cергей Собянин заявил, что ограничения будут сняты в июне."
    doc = extract_text(text)
    [quote] = doc.quotes
    assert quote.speaker.name == "Сергей Собянин"
    assert "Москвы" in doc.text and "Моcквы" in doc.raw  # the page as read stays in `raw`


def test_plain_input_is_analysed_verbatim():
    text = "Вчера мэр Моcквы Cергей Собянин заявил, что ограничения будут сняты в июне."
    assert extract_text(text, plain=True).text == text


@pytest.mark.parametrize("text, folded", [
    ("По eе словам, Москва готова к переговорам.", "По ее словам, Москва готова к переговорам."),
    ("Нa заседании кабинета премьер заявил о реформе.", "На заседании кабинета премьер заявил о реформе."),
    ("the word eе stands in English text here", "the word ee stands in English text here"),
])
def test_a_word_of_twin_letters_only_takes_the_alphabet_of_the_words_around_it(text, folded):
    """"eе" (a Latin e, a Cyrillic е) could be either alphabet's: the sentence it stands in decides
    (eval/perturb.py's "Latin look-alikes" lost "По eе словам" and "Нa заседании" speakers)."""
    assert fold_mixed_scripts(text) == folded
