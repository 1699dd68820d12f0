"""A quotation whose mark is not reopened in each paragraph it runs over (issue 14, layouts): an outlet
that does not follow the convention, or a scraper that put each sentence on a line of its own, gives the
same quotation and speaker as the paragraph it was; a mark left open by accident or by a scrape pairs
with nothing later. Sentences written for the test."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from perturb import LAYOUTS, apply, offset_map  # noqa: E402

from helpers import quotation_spans as quotations  # noqa: E402
from citata.quotes.marks import pair_quotes  # noqa: E402

HEAD = "Асию Биби оправдали\n\nВерховный суд Пакистана оправдал Асию Биби.\n\n"
ONE_PARAGRAPH = HEAD + ("«Я не могу поверить в то, что слышу. Я выйду на свободу? Они меня действительно "
                        "выпустят?», — сказала Асия Биби корреспонденту агентства.\n\nРешение вызвало протесты.\n")


def paired(text: str) -> list[str]:
    return [text[a:b + 1] for a, b in pair_quotes(text)]


def test_a_quotation_over_lines_without_reopened_marks_pairs_to_its_closer():
    cases = [("«Я не могу поверить в то, что слышу.\n\nЯ выйду на свободу?»\n\n— сказала она.",
              "«Я не могу поверить в то, что слышу.\n\nЯ выйду на свободу?»"),
             ("Он написал: «Браво, Борис.\nТеперь давайте избавимся от неё».\n",
              "«Браво, Борис.\nТеперь давайте избавимся от неё»"),
             ('"Этот план провален.\n\nКак мы сможем ответить?", пишет он в своей статье.',
              '"Этот план провален.\n\nКак мы сможем ответить?"'),
             ('"Мечта умирает.\n\nЗадушенная сомнениями ", — написал Джонсон.',
              '"Мечта умирает.\n\nЗадушенная сомнениями "')]
    for text, pair in cases:
        assert paired(text) == [pair]


def test_a_mark_left_open_pairs_with_nothing_later():
    # a stray opening mark, then another quotation in a later paragraph: no pair across them
    assert paired("«Бла-бла, как он выразился\n\nНовая тема. Другое «слово».") == ["«слово»"]
    # two marks open at the break: which one goes on cannot be told
    assert paired("«Он сказал «нет.\n\nЭто всё».") == []
    # a mark opening onto the break is a scrape's residue (a stripped link), not a quotation
    assert paired("Он принес «\n\nглубочайшие извинения пассажирам », которые пострадали.") == []
    # the closer is followed by a relative clause, not an attribution, and ends no sentence
    assert paired("«Северный поток\n\nи другие проекты», которые обсуждались.") == []
    # too many paragraphs away
    assert paired("«Начало." + "\n\nАбзац." * 7 + "\n\nКонец».") == []


def test_a_line_per_sentence_gives_the_quotation_and_speaker_of_the_paragraph():
    original = quotations(ONE_PARAGRAPH)
    assert [(t, who) for t, _, _, who in original] == [("direct", "Асия Биби")]
    repls = LAYOUTS["a line per sentence"](ONE_PARAGRAPH)
    text = apply(ONE_PARAGRAPH, repls)
    assert text.count("\n") == ONE_PARAGRAPH.count("\n") + 2, "the layout must break the quotation's sentences"
    to_new = offset_map(repls)
    assert quotations(text) == [(t, to_new(s), to_new(e), who) for t, s, e, who in original]


def test_layouts_leave_the_headline_and_a_bsnlp_header_alone():
    record = "ru-1\nru\n2018-11-01\nhttps://example.ru/a\nЗаголовок статьи\n\nПервый абзац. Второе предложение.\n\nВторой абзац.\n"
    for name, variant in LAYOUTS.items():
        text = apply(record, variant(record))
        assert text.startswith("ru-1\nru\n2018-11-01\nhttps://example.ru/a\nЗаголовок статьи\n"), name
    assert apply(record, LAYOUTS["paragraphs run together"](record)).endswith(
        "Первый абзац. Второе предложение. Второй абзац.\n")
