"""Cleaning steps rewritten to skip work whose answer is known give what their plain forms give: a
line's worth with its words sampled only where the answer turns on them, a line of spaces
told by `isspace` instead of `strip`, and a line's normal form within a length read off its opening."""
from pathlib import Path

import pytest

from citata import lexicons
from citata.clean import _normalise, _normalised_within, block, split_lines
from citata.model import Line
from citata.source import decode, text_document

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"

# Lines of every branch of line_worth: long prose, a short sentence with and without function
# words or verbs, labels, a long list of links, a line under and over PROSE_CHARS.
LINES = [
    "Министерство здравоохранения внесло изменения в инструкцию к вакцине «Спутник V»: теперь прививку можно "
    "делать людям старше 60 лет, сообщили в ведомстве. Решение принято по итогам клинических исследований.",
    "Врачи советуют перед вакцинацией измерить давление.",
    "Вакцина поступила во все регионы.",
    "Москва Санкт-Петербург Казань Новосибирск.",
    "Глава ведомства выступил.",
    "Что изменится для пожилых",
    "Политика",
    "Главная Новости Политика Экономика Общество Культура Спорт Наука Технологии Авто Недвижимость Туризм Здоровье Погода",
    "Теги: коронавирус, вакцина, Минздрав, прививка, здоровье, регионы, Москва, пенсионеры, поликлиника",
    "Ранее в Минздраве сообщили, что вакцина поступила во все регионы страны и ее получили больницы",
    "Да.",
    "",
    "Один два три четыре",
]


def plain_line_worth(ln: Line) -> float:
    """line_worth as written before: every line's words sampled."""
    s = ln.text.strip()
    if ln.label == "boilerplate":
        return block.line_worth(ln)
    if len(s) >= block.LONG_PROSE_CHARS and block.ends_sentence(s):
        return min(len(s), block.MAX_LINE_WORTH)
    nw = len(s.split(None, block.WORDS_COUNTED))
    if not nw:
        n, fshare, sentence, sample = 0, 0.0, False, []
    else:
        sample = block._WORDS.findall(s[:block.SAMPLE_CHARS].lower())
        function = sum(map(lexicons.function_words().__contains__, sample))
        n, fshare, sentence = len(s), function / max(len(sample), 1), block.ends_sentence(s)
    if n >= block.PROSE_CHARS and fshare >= block.MIN_FUNCTION_SHARE:
        return min(n, block.MAX_LINE_WORTH) * (1.0 if sentence or n >= 200 else 0.6)
    if sentence and nw >= 4 and (fshare > 0 or block.has_verb(sample)):
        return n * 0.5
    if nw <= 12:
        return -block.LABEL_COST
    return -(n * 0.3)


def _corpus_lines(limit: int = 200) -> list[str]:
    files = sorted(CORPORA.glob("bsnlp-ru/*/raw/*.txt"))
    if not files:
        pytest.skip(f"{CORPORA} absent (the shared corpora are not on this machine)")
    files = files[:limit // 2] + sorted(CORPORA.glob("bsnlp-ru/covid-19/raw/*.txt"))[:limit // 2]
    return [s for f in files for s in text_document(str(f), decode(f.read_bytes())).text.split("\n")]


def test_line_worth_is_its_plain_form():
    values = set()
    for s in LINES + [s + " и" for s in LINES] + [s.rstrip(".") for s in LINES]:
        ln = Line(0, len(s), s)
        assert block.line_worth(ln) == plain_line_worth(ln), s
        values.add(block.line_worth(ln))
    # (not vacuous: prose, a short sentence, a label and a list of links are told apart)
    assert block.line_worth(Line(0, 0, LINES[0])) > 100
    assert block.line_worth(Line(0, 0, LINES[1])) > 0 and block.line_worth(Line(0, 0, LINES[6])) == -block.LABEL_COST
    assert block.line_worth(Line(0, 0, LINES[7])) < -block.LABEL_COST
    assert len(values) >= 6


def test_line_worth_is_its_plain_form_on_corpus_lines():
    for s in _corpus_lines():
        ln = Line(0, len(s), s)
        assert block.line_worth(ln) == plain_line_worth(ln), s


def test_a_line_of_spaces_is_empty():
    text = "Заголовок\n \n\u00a0\u2003\t\nТекст\n\n\u200bневидимый пробел не пробел"
    lines = split_lines(text)
    assert [ln.label for ln in lines] == ["body" if ln.text.strip() else "empty" for ln in lines]
    assert [ln.label for ln in lines] == ["body", "empty", "empty", "body", "empty", "body"]


def test_normalised_within_is_its_plain_form():
    lines = _corpus_lines(60) + LINES
    # (whitespace runs that shrink a long line's normal form below the limit, and a sigma at a cut)
    lines += [" \t ".join(s.split()) for s in lines[:200]] + ["ΣΑΣ " * 30, "a" + " " * 500 + "b"]
    for s in lines:
        for limit in (0, 5, 30, 60, 120, 400):
            plain = _normalise(s)
            assert _normalised_within(s, limit) == (plain if len(plain) <= limit else None), (s[:60], limit)
    # (not vacuous: a short line is kept, a long one is not)
    assert _normalised_within("  Глава  МИД ", 30) == "глава мид"
    assert _normalised_within(LINES[0], 60) is None


def test_readers_marks_are_their_plain_form():
    def plain(s):
        return any(mark in s for mark in block._INFORMAL_MARKS)
    lines = _corpus_lines(60) + LINES
    lines += [s + end for s in lines[:300] for end in ("!!", "?!", ")", ":)", ";-)", "-)", "!", ") ")]
    lines += ["))", "!?", "(:)", ":-)", "a-)", ")!", "?", ")", "-)", ":-", "!"]
    for s in lines:
        assert block._marks(s) == plain(s), s
    # (not vacuous: a smiley and a shout are marks, a parenthesis and a question are not)
    assert block._marks("Ну и дела :-)") and block._marks("Как так?!")
    assert not block._marks("Минздрав (ведомство) ответил?")
