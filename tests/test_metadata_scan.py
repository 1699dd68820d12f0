"""The scans of citata/metadata/scan.py, and the regexes rewritten so that `re` can skip through a
text, find what `finditer` of the plain forms finds: the same matches, in the same order."""
import importlib
import re
from pathlib import Path

import pytest

from citata.clean import block
from citata.metadata import dates, signals, told
from citata.metadata.scan import finditer_opening, finditer_runs, positions

relays = importlib.import_module("citata.metadata.relays")  # (the package's `relays` is the function)
from citata.source import decode, text_document

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"

# Sentences of the kinds the patterns are about, and text that merely shares their words.
TEXTS = [
    "Об этом «Известиям» сообщили в пресс-службе. Как рассказал DW профессор Иван Петров, для РБК это важно.",
    "В интервью Би-би-си министр заявил, что у ТАСС нет данных; подробнее на сайте www.Newsler.Ru и https://ria.ru/x.",
    "Адрес: info@lenta.ru, ../kp.ru, obraz-zdorovja.ru и Фонтанка.ру; зеркало-kp.ru не считается.",
    "Автор: Барбара Везель, обозреватель DW. Как передает собственный корреспондент МИА Казинформ, всё спокойно.",
    "Служба новостей, у «Коммерсанта» и у нас; ВБеседе с ним. Вв интервью — опечатка. Сообщает корреспондент РБК Иван.",
    "DW побеседовала с врачом; «Фонтанка» направила запрос, а редакция спросила. Об этом ТАСС рассказал источник.",
    "12:30 Сегодня, 12:30 вчера; 1:05, 123:45 и 02 августа 2020, 18:52 — сообщил он для «Ведомостей».",
    "",
    "для",
    "Корреспондент «МИР 24» Анна Бажайкина рассказала подробности, пишет The Guardian; переписывает BBC.",
]


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def _corpus_texts(limit: int = 120) -> list[str]:
    files = sorted(CORPORA.glob("bsnlp-ru/*/raw/*.txt"))[:limit] + sorted(CORPORA.glob("factrueval-2016/devset/*.txt"))[:40]
    if not files:
        pytest.skip(f"{CORPORA} absent (the shared corpora are not on this machine)")
    return [text_document(str(f), decode(f.read_bytes())).text for f in files]


def test_scans_find_what_finditer_finds():
    rx = re.compile(r"\b(?:сообщил|рассказал)[аио]?\s+(?P<name>[«A-ZА-ЯЁ]\S*)")
    for text in TEXTS:
        assert _spans(finditer_opening(rx, text, ("сообщил", "рассказал"))) == _spans(rx.finditer(text))
        assert _spans(finditer_runs(signals.DOMAIN_TOKEN, text, re.compile(r"[A-Za-z][\w\-]*"))) \
            == _spans(signals.DOMAIN_TOKEN.finditer(text))
    assert positions("для для, для", ("для", "я д")) == [0, 2, 4, 9]
    # (not vacuous: whole hosts are found, in any case and after "www." or a scheme; a mail's host,
    # a path's and the tail of a longer host are not)
    assert [m.group(1) for m in signals.domain_tokens(TEXTS[1])] == ["Newsler.Ru", "ria.ru"]
    assert [m.group(1) for m in signals.domain_tokens(TEXTS[2])] == ["obraz-zdorovja.ru"]


# The patterns as they were written before their word boundaries moved behind their first letters.
PLAIN_FORMS = {
    "_SELF_CONTEXT": told._SELF_CONTEXT.pattern.replace(r"(?:в(?<!\wв)\s+", r"(?:\bв\s+")
    .replace(r"|служб(?<!\wслужб)[аеыу]|у(?<!\wу))", r"|\bслужб[аеыу]|\bу)"),
    "_SPOKEN_START": told._SPOKEN_START.pattern.replace(r"В(?<!\wВ)\s+", r"\bВ\s+", 1),
    "_ABOUT_THIS_TOLD": told._ABOUT_THIS_TOLD.pattern.replace(r"[Оо]б этом(?<!\w[Оо]б этом)", r"\b[Оо]б этом", 1),
    "_RELAY_NOW": told._RELAY_NOW.pattern.replace(
        r"(?:сообщает(?<!\wсообщает)|передает(?<!\wпередает)|передаёт(?<!\wпередаёт)|пишет(?<!\wпишет))",
        r"\b(?:сообщает|передает|передаёт|пишет)", 1),
}
PLAIN_STAFF = (told._OWN_STAFF[0].pattern.replace(r"Автор(?<!\wАвтор)", r"\bАвтор", 1),
               told._OWN_STAFF[1].pattern.replace(
                   r"(?:передает(?<!\wпередает)|передаёт(?<!\wпередаёт)|сообщает(?<!\wсообщает))",
                   r"\b(?:передает|передаёт|сообщает)", 1))


def _check_rewritten(texts):
    for name, plain in PLAIN_FORMS.items():
        assert plain != getattr(told, name).pattern  # (the replacement above took)
        for text in texts:
            assert _spans(getattr(told, name).finditer(text)) == _spans(re.compile(plain).finditer(text)), (name, text[:80])
    for rx, plain in zip(told._OWN_STAFF, PLAIN_STAFF):
        assert plain != rx.pattern
        for text in texts:
            assert _spans(rx.finditer(text)) == _spans(re.compile(plain).finditer(text))
    plain_time = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
    plain_relay = re.compile(r"(?<!\w)" + relays._relay_regex().pattern)
    for text in texts:
        assert _spans(finditer_opening(told._TOLD, text, told._TOLD_OPENINGS)) == _spans(told._TOLD.finditer(text))
        assert _spans(finditer_opening(told._JOURNALIST_VERB, text, told._JOURNALIST_OPENINGS)) \
            == _spans(told._JOURNALIST_VERB.finditer(text))
        assert _spans(finditer_opening(told._CORRESPONDENT_AT_WORK, text, ("Корреспондент", "корреспондент"))) \
            == _spans(told._CORRESPONDENT_AT_WORK.finditer(text))
        assert _spans(signals.domain_tokens(text)) == _spans(signals.DOMAIN_TOKEN.finditer(text))
        assert _spans(block._TIME.finditer(text)) == _spans(plain_time.finditer(text))
        assert _spans(filter(None, [signals.follow_us(text)])) == _spans(filter(None, [signals._FOLLOW_US.search(text)]))
        # the known names of a line, runs of two or three words looked up only where a name of several opens
        media = signals.outlet_names()
        for line in text.split("\n")[:40]:
            words = signals._MEDIA_WORD.findall(line)
            runs = {" ".join(words[i:i + k]) for k in (3, 2, 1) for i in range(len(words) - k + 1)}
            plain = [n for n in runs if n in media and signals._stands_alone(line, n)]
            assert sorted(signals.media_in_line(line, media)) == sorted(plain), line
        # the dates opening with a digit, sought from the first digit on
        for line in text.split("\n"):
            for rx, digit_first in zip(dates._PAGE_DATES, dates._OPENS_WITH_DIGIT):
                digit = dates._DIGIT.search(line)
                if digit_first and digit:
                    assert _spans(rx[0].finditer(line, digit.start())) == _spans(rx[0].finditer(line)), line
        # the relay cues, tried only where a cue starts, as the regex behind a word-start look-behind
        assert _spans(relays._relay_matches(text)) == _spans(plain_relay.finditer(text))


def test_rewritten_patterns_on_sentences():
    _check_rewritten(TEXTS)
    # (not vacuous: each shape is found where it stands)
    assert [m.group("name") for m in told._SPOKEN_START.finditer(TEXTS[1])] == ["Би-би-си министр заявил"]
    assert [m.group(0) for m in block._TIME.finditer(TEXTS[6])] == ["12:30", "12:30", "1:05", "18:52"]
    assert [m.group("name") for m in told._OWN_STAFF[1].finditer(TEXTS[3])] == ["МИА Казинформ"]
    assert [m.group("name") for m in told._RELAY_NOW.finditer(TEXTS[-1])] == ["The Guardian"]
    assert [m.group("name") for m in relays._relay_matches(TEXTS[-1])] == ["The Guardian"]
    assert signals.follow_us("Текст. Подписывайтесь на Telegram-канал «Фонтанка»").group("name") == "«Фонтанка»"
    assert dates._OPENS_WITH_DIGIT[:2] == (True, True) and not dates._OPENS_WITH_DIGIT[-1]  # (ISO; 14.01.2021; a cue first)
    assert signals.media_in_line("Как сообщает РИА Новости, в ТАСС не ответили", signals.outlet_names())[0] == "РИА Новости"
    # (a cue inside a word is none: "допишет")
    assert [m.group("name") for m in relays._relay_matches("Он допишет ТАСС, как пишет РБК")] == ["РБК"]


def test_rewritten_patterns_on_corpus_text():
    _check_rewritten(_corpus_texts())


def test_stamps_without_digits():
    # A stamp says a day or a time; a label has neither, whatever its length.
    assert block.is_stamp("Сегодня, 12:40")
    assert block.is_stamp("ВЧЕРА")
    assert block.is_stamp("02 августа 2020, 18:52")
    assert not block.is_stamp("Марина К.")
    assert not block.is_stamp("Сначала новые")
