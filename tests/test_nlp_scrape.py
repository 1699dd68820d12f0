"""Sentences a scrape broke (issue 14): a scraper that saves a page's visible text breaks the line
where a link, bold words or an ad stood, so one sentence reaches citata as two lines ("…, пишет⏎со
ссылкой на Reuters", "- сказал⏎ксендз …"). The splitter joins a line that ends open (a letter, a
comma, an opening mark) with the next when that one opens in lower case or with a comma; a heading
before its lead, a number before a line, a line that ends a sentence stay apart. The texts are
written for the test in the shapes eval/scrape_breaks.py found in ../shared/corpora."""
import pytest

from helpers import said as quotes, split


@pytest.mark.parametrize("text", [
    # a verb cut from its subject where a link stood (brexit)
    "Министр иностранных дел Англии\nподал в отставку.",
    # a relay cut before its source (asia_bibi)
    "Сторонники вышли на улицы, пишет\nсо ссылкой на Reuters.",
    # the next line opens with the comma the link left (ryanair)
    "Глава турфирмы говорил\n, что авиакомпания летает в Германию.",
    # an opening quotation mark before the break
    "Он принес «\nглубочайшие извинения пассажирам».",
    # a comma before the break, a clause in lower case after it
    "Если ответ неверен,\nто это способ проверить знания.",
    # Latin lower case
    "Об этом премьер сообщила в соцсети\ntwitter сегодня утром.",
])
def test_a_line_a_scrape_broke_goes_on_in_the_next(text):
    assert split(text) == [text]


@pytest.mark.parametrize("text", [
    # a heading and its lead: the lead opens with a digit, or a word with capitals inside
    "Какие вакцины допущены для применения в ЕС\n6 января одобрение получила еще одна вакцина.",
    "мРНК-вакцина от коронавируса: конкурентная среда\nмРНК-вакцина оказалась в авангарде.",
    # a phone number ends the line before
    "Справочная центра 8 (495) 998-83-88\nзапись по будням.",
    # the line before ends a sentence
    "Забастовка отменена.\nпилоты вернулись к работе.",
    # the next line opens with a capital
    "Новости дня\nПилоты вернулись к работе.",
])
def test_a_line_that_ends_or_a_heading_stays_apart(text):
    assert split(text) == text.split("\n")


def test_joins_are_bounded():
    # a list of lower-case items: at most MAX_JOINS lines go into one sentence
    text = "\n".join(["первый", "второй", "третий", "четвертый", "пятый", "шестой"])
    assert split(text) == ["первый\nвторой\nтретий\nчетвертый", "пятый\nшестой"]


def test_sentences_inside_the_joined_lines_still_end_at_their_punctuation():
    text = "Рейсы отменены. Об этом сообщает\nагентство Reuters. Пассажиры ждут."
    assert split(text) == ["Рейсы отменены.", "Об этом сообщает\nагентство Reuters.", "Пассажиры ждут."]


@pytest.mark.parametrize("text, content, speaker", [
    # after asia_bibi: the dash attribution's speaker stands on the next line
    ("Суд освободил христианку. - Мы очень рады освобождению Асии Биби, - сказал\nксендз Вальдемар Цисло, "
     "директор польского отдела фонда.", "Мы очень рады освобождению Асии Биби", "Вальдемар Цисло"),
    # after asia_bibi: the relay's outlet on the next line
    ("Исламист призвал сторонников выйти на улицы, пишет\nагентство Reuters.",
     "Исламист призвал сторонников выйти на улицы", "Reuters"),
    # after ryanair: the что-clause after the comma a link left
    ("Босс туристической компании Дмитрий Лелека говорил\n, что авиакомпания осуществляет прямые рейсы в "
     "Германию.", "авиакомпания осуществляет прямые рейсы в Германию", "Дмитрий Лелека"),
])
def test_a_cue_and_its_speaker_across_a_scrape_break(text, content, speaker):
    found = quotes(text)
    assert len(found) == 1, found
    assert content in found[0][0] and found[0][1] == speaker, found
