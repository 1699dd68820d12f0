"""Cues known by the frame they govern (citata/data/frame_cues.tsv, mined with eval/mine_cues.py
--frames, twenty-fifth session): a verb or noun the speech lexicon lacks reports words only with its
frame after it ("мотивировал тем, что", "поздравил с тем, что", "известие о том, что"), and a known cue
reaches its frame past a short addressee in quotation marks. Sentences written for the test."""
import pytest

from helpers import plain_quotes as quotes


@pytest.mark.parametrize("text, cue, speaker, content", [
    # a verb known by its frame "тем, что", with the object fronted as the subject's own ("свою")
    ("Свою отставку министр финансов Олег Петров мотивировал тем, что бюджет страны пуст.",
     "мотивировать", "Олег Петров", "бюджет страны пуст"),
    ("Свое решение Олег Иванов мотивировал тем, что устал от политики.",
     "мотивировать", "Олег Иванов", "устал от политики"),
    # an object between the verb and its frame
    ("Депутаты аргументировали свою позицию тем, что закон нарушает конституцию.",
     "аргументировать", "Депутаты", "закон нарушает конституцию"),
    # "с тем, что": the frame, not the conjunction of a purpose
    ("Глава компании Иван Сидоров поздравил сотрудников с тем, что план выполнен досрочно.",
     "поздравить", "Иван Сидоров", "план выполнен досрочно"),
    # a known cue past an addressee in quotation marks
    ("Министр Олег Петров пишет «дорогому коллеге» о том, что переговоры провалились.",
     "писать", "Олег Петров", "переговоры провалились"),
    # a noun known by its frame, with its source after "от"
    ("Пассажиры получили уведомления от авиакомпании о том, что рейс задержан на сутки.",
     "уведомление", "авиакомпания", "рейс задержан на сутки"),
])
def test_a_cue_known_by_its_frame_is_read_with_its_speaker(text, cue, speaker, content):
    [q] = quotes(text)
    assert q.cue_lemma == cue and q.content.text == content
    assert speaker.lower() in q.speaker.name.lower()


def test_a_noun_known_by_its_frame_with_no_source_names_no_speaker():
    # the receiver of the news is not its source
    [q] = quotes("Редакция получила известие о том, что визит президента отменен.")
    assert q.cue_lemma == "известие" and q.content.text == "визит президента отменен"
    assert q.speaker is None


@pytest.mark.parametrize("text", [
    "Министр мотивировал сотрудников премией.",                 # no frame: no words reported
    "Министр поздравил коллег с праздником и уехал.",
    "Известие о победе пришло утром.",
    "Профсоюз получил уведомление, что завод закроют.",          # not the noun's frame
    "Компания гордится тем, что ее самолеты самые новые.",       # a frame of no one's words
    "Это связано с тем, что цены выросли.",
    "Министр ушел с заседания с тем, чтобы успокоить рынки.",    # a purpose, not a frame
])
def test_no_quotation_without_the_frame_or_from_a_frame_of_no_speech(text):
    assert quotes(text) == []
