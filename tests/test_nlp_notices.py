"""Sentences around a page's furniture inside a line of text and around an editor's note (issue
14). A scraped page runs a teaser ("Читайте также: <headline>") or a notice ("… нажмите
Ctrl+Enter") into the next sentence with no full stop, so the cue sentence after it started inside
the furniture and took the headline's words as its speaker; a full stop inside an editor's note
("(Тереза Мэй. - Прим. ред.)", "(… прим. ИА REGNUM") ended a sentence in the middle. The texts are
from ../shared/corpora's unannotated articles or written for the test in their shapes."""
from helpers import said as quotes, split


# --- a teaser's headline glued in front of the next sentence ---------------------------------------

def test_teaser_headline_ends_before_the_next_sentence():
    # bsnlp-ru ryan-ru_file_127 (unannotated)
    text = ("Читайте также: Итальянские пилоты Ryanair подписали первый в истории коллективный договор "
            "Представители авиакомпании, в свою очередь, отметили, что забастовка незначительно скажется на пассажирах.")
    assert split(text) == [
        "Читайте также: Итальянские пилоты Ryanair подписали первый в истории коллективный договор",
        "Представители авиакомпании, в свою очередь, отметили, что забастовка незначительно скажется на пассажирах."]
    assert quotes(text) == [("забастовка незначительно скажется на пассажирах", "Представители авиакомпании")]


def test_names_in_a_teaser_headline_do_not_end_it():
    # bsnlp-ru asia_bibi_ru.txt_file_108 (unannotated): a place, a name and an abbreviation are
    # capitalised inside the headline; the notice after it opens with a common word
    text = ("Читайте также: ЕСПЧ признал гражданку Австрии виновной в оскорблении пророка Мухаммеда "
            "Если Вы заметите ошибку в тексте, выделите её и нажмите")
    assert split(text) == ["Читайте также: ЕСПЧ признал гражданку Австрии виновной в оскорблении пророка Мухаммеда",
                           "Если Вы заметите ошибку в тексте, выделите её и нажмите"]


def test_capitalised_word_without_a_teaser_label_ends_nothing():
    # the look-alike: the same run of words with no notice before it stays one sentence
    text = "Итальянские пилоты подписали договор Представители авиакомпании отметили это."
    assert split(text) == [text]


# --- a notice that ends with the key to press, then the page's headline and its lead ---------------

def test_notice_and_headline_before_the_lead_are_sentences_of_their_own():
    # bsnlp-ru asia_bibi_ru.txt_file_90 (unannotated) and asia_bibi_ru_new.txt_file_4 (tune)
    text = ("Если Вы заметили ошибку, пожалуйста, выделите её мышкой и нажмите Ctrl+Enter Власти Пакистана "
            "заявили, что Асия Биби может покинуть страну 12:54 Фото: aksam.com.tr Христианка Асия Биби может "
            "пользоваться полной свободой передвижения, заявили в МИД Пакистана.")
    assert split(text) == [
        "Если Вы заметили ошибку, пожалуйста, выделите её мышкой и нажмите Ctrl+Enter",
        "Власти Пакистана заявили, что Асия Биби может покинуть страну 12:54 Фото: aksam.com.tr",
        "Христианка Асия Биби может пользоваться полной свободой передвижения, заявили в МИД Пакистана."]
    found = quotes(text)
    assert any(c == "Христианка Асия Биби может пользоваться полной свободой передвижения" and s.startswith("МИД")
               for c, s in found), found
    assert not any(speaker and "Enter" in speaker for _, speaker in found), found


def test_headline_after_a_notice_ends_before_a_preposition_opening_the_lead():
    text = ("нажмите Ctrl+Enter В Пакистане отменили смертный приговор христианки Биби 31.10.2018 21:24 "
            "Фото: vk.me В Пакистане оправдали женщину, которая была приговорена к смерти.")
    assert split(text)[1:] == ["В Пакистане отменили смертный приговор христианки Биби 31.10.2018 21:24 Фото: vk.me",
                               "В Пакистане оправдали женщину, которая была приговорена к смерти."]


# --- an editor's note inside a sentence --------------------------------------------------------------

def test_full_stop_before_an_editors_note_ends_no_sentence():
    # bsnlp-ru brexit_ru.txt_file_1111 and brexit_ru.txt_file_1117 (unannotated), coronavirus_ru_31
    for note in ("(Тереза Мэй. - Прим. ред.)", "(Тереза Мэй. Прим. ред.)", "(Тереза Мэй. - Ред.)"):
        text = f"Во второй половине дня премьер-министр {note} приняла отставку. Премьер поблагодарила Бориса."
        assert split(text) == [f"Во второй половине дня премьер-министр {note} приняла отставку.",
                               "Премьер поблагодарила Бориса."], note


def test_editors_note_does_not_cut_the_quotation_before_its_cue():
    # bsnlp-ru brexit_ru.txt_file_1058 (unannotated): a sentence ended at the note's "прим." leaves
    # Мэй's quotation as "ИА REGNUM"
    text = ("Нам не удалось прийти к согласию в вопросе о том, как осуществлять нашу общую приверженность "
            "итогам референдума (о выходе страны из Евросоюза прим. ИА REGNUM , сказала Мэй во время выступления.")
    assert len(split(text)) == 1
    found = quotes(text)
    assert len(found) == 1 and found[0][0].startswith("Нам не удалось прийти к согласию") and found[0][1] == "Мэй", found
