"""The pattern screen (citata/clean/screen.py) only skips patterns that cannot match: the
line and prefix patterns it picks give the same first match as trying every row in order."""
import re
from pathlib import Path

import pytest

from citata import lexicons
from citata import clean
from citata.clean import MAX_PATTERN_LINE, match_boilerplate, match_prefix, screen

# Lines of the kinds the patterns are about, and prose that merely shares their words.
LINES = [
    "© РИА Новости, Илья Питалев",
    "Фото: ТАСС / Сергей Бобылев",
    "30 декабря 2020, 15:13Фото: Медиахолдинг1Mi",
    "14.01.2021 10:21",
    "1 февраля 2022, 12:30",
    "2 из 4",
    "-----",
    "12 345 просмотров",
    "Сначала новые",
    "ЧИТАЙТЕ ТАКЖЕ Стартует массовая вакцинация от коронавируса",
    "читайте также: что изменится с 1 марта",
    "Учредитель: ООО «Редакция», главный редактор Иван Петров",
    "Свидетельство о регистрации СМИ Эл № ФС77-12345 выдано Роскомнадзором",
    "Любое использование материалов допускается только с согласия редакции.",
    "Регистрация пройдена успешно! Проверьте почту.",
    "Похоже, у вас включен AdBlock. Пожалуйста, отключите блокировщик рекламы.",
    "Мы используем файлы cookie, чтобы сайт работал лучше.",
    "Подписывайтесь на наш Telegram-канал, чтобы быть в курсе новостей",
    "Глава МИД РФ Сергей Лавров - Sputnik Молдова",
    "Глава МИД РФ Сергей Лавров - Sputnik Молдова, 1920, 01.02.2022",
    "Image caption Премьер-министр на встрече с журналистами. Правительство объявило о новых мерах.",
    "Правообладатель иллюстрации AFP Image caption Участники акции протеста. Полиция задержала троих.",
    "Главное Минздрав одобрил вакцину для подростков",
    "Источник: РИА Новости",
    "https://ria.ru/20210201/vaktsina.html",
    "Сегодня, 12:40 Москва",
    "Министр заявил, что материалы дела переданы в суд, а учредитель компании задержан.",
    "Врачи советуют перед вакцинацией измерить давление и сообщить медику о хронических болезнях.",
    "По данным РИА Новости, в 2021 году в стране привили более 40 миллионов человек.",
    "   ",
    "",
    "٣ из ٤",
    "\u00a0Фото: Reuters",
    "Владимир Путин и Виктор Медведчук (март 2020 года)",
    "Вид на здание клиники (архивное фото)",
    "Митинг в центре города (архивное фото).",
    "Выступление министра - Sputnik Беларусь, 1920, 14.01.2021",
]

COVID = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "bsnlp-ru" / "covid-19" / "raw"


def _every_row(s: str):
    """match_boilerplate's line patterns tried one by one, with no screen."""
    s = s.strip()
    n = len(s)
    for (kind, rx), limit in zip(lexicons.boilerplate_patterns(), lexicons.boilerplate_pattern_limits()):
        if limit is not None and n > limit:
            continue
        m = rx.search(s)
        if m:
            return kind, m.span(), m.groupdict()
    return None


def _screened(s: str):
    s = s.strip()
    n = len(s)
    found = screen.literals_in(s)
    # The automaton finds every literal of the patterns the line holds (the unscreened ones are
    # tested with `in`).
    assert {k for k in screen.literals() if k in s} == set(found) | {k for k in screen.unscreened() if k in s}, s
    rows = screen.candidates(s) if found else screen.quiet_candidates(s)
    found = screen.unscreened().union(found)
    for kind, rx, limit, needs, window, tail, last in rows:
        if limit is not None and n > limit or last is not None and screen.end_key(s) not in last:
            continue
        start = max(0, n - tail) if tail is not None else 0
        if needs is not None and not any(k in found and k in (s[:window] if window is not None else s[start:])
                                         for k in needs):
            continue
        m = rx.search(s, start)
        if m:
            return kind, m.span(), m.groupdict()
    return None


def _every_prefix(s: str):
    for kind, rx in lexicons.boilerplate_prefix_patterns():
        m = rx.match(s)
        if m:
            return kind, m.span(), m.groupdict()
    return None


def _check(lines):
    credits = clean._credit_literals()
    for line in lines:
        if len(line) > MAX_PATTERN_LINE:
            continue
        assert _screened(line) == _every_row(line), line
        # the credit suffix is sought only where the automaton finds one of its literals
        if clean._credit_suffix().search(line.strip()):
            assert not credits.isdisjoint(screen.literals_in(line.strip(), credits)), line
        hit = match_prefix(line)
        got = None if hit is None else (hit[0], hit[1].span(), hit[1].groupdict())
        assert got == _every_prefix(line), line


def test_screen_keeps_the_first_matching_row():
    # Each line as written, without its first or last character, with a full stop added, and
    # upper-cased: the screen works from the first and last characters and from literals, so
    # those are the variants that could slip.
    variants = [v for s in LINES for v in (s, s[1:], s[:-1], s + ".", s.upper(), s.lower())]
    _check(variants)
    # The lines that are furniture are found as such (the test is not vacuous).
    assert match_boilerplate("14.01.2021 10:21")[0] == "date"
    assert match_boilerplate("Сначала новые")[0] == "comments"
    assert match_boilerplate("Вид на здание клиники (архивное фото)")[0] == "caption"
    assert match_boilerplate("Учредитель: ООО «Редакция», главный редактор Иван Петров")[0] == "legal"
    assert match_boilerplate("Врачи советуют перед вакцинацией измерить давление и сообщить медику.") is None
    assert match_boilerplate("Актриса оказалась в центре скандала. 1zoom.ru")[0] == "caption"


def test_screen_on_whole_pages():
    files = sorted(COVID.glob("*.txt"))
    if not files:
        pytest.skip(f"{COVID} absent (the shared corpora are not on this machine)")
    lines = {ln for f in files for ln in f.read_text(encoding="utf-8", errors="replace").splitlines()}
    _check(sorted(lines))


def test_screen_reads_patterns():
    """What the screen reads off a pattern: the opening characters of an anchored one, the
    literals (and how far into the line) of one that can start anywhere."""
    assert screen.first_chars(list(screen.P.parse(r"^(?:Фото|Видео)\s*:"))) == frozenset("ФВ")
    assert screen.first_chars(list(screen.P.parse(r"^(?:Опубликовано\s*)?\d{1,2}"))) == frozenset("О0")
    assert screen.first_chars(list(screen.P.parse(r"^.{0,80}Учредитель"))) is None
    keys, window = screen.required_literals(screen.P.parse(r"^.{0,80}(?:Учредитель|ИНН\s*\d)"), True)
    assert keys == frozenset({"Учредитель", "ИНН"}) and window == 90
    # A case-insensitive pattern opens with any case of its letters, old letter forms included.
    caseless = screen.caseless_first_chars(list(screen.P.parse(r"^(?:Сюжет|Читайте)", re.IGNORECASE)))
    assert {"С", "с", "Ч", "ч", "\u1c83"} <= caseless and "Т" not in caseless
    # The characters a pattern ending the line can end it with (a closing \s* aside).
    assert screen.last_chars(screen.P.parse(r"^.{3,150}\((?:архивное фото|\d{4})\)$")) == frozenset(")")
    assert screen.last_chars(screen.P.parse(r"\s\d{4}(?:\s*г\.)?\s*$")) == frozenset(".0")
    assert screen.last_chars(screen.P.parse(r"^Фото:.*$")) is None
    # The first two characters of an anchored pattern's matches, where every match has two.
    assert screen.opening_pairs(list(screen.P.parse(r"^(?:Прослушать(?: новость)?|Слушать)\s"))) == {"Пр", "Сл"}
    assert screen.opening_pairs(list(screen.P.parse(r"^\d{1,2}:\d{2}"))) == {"00", "0:"}
    assert screen.opening_pairs(list(screen.P.parse(r"^(?:Фото)?\s*\d"))) is None  # (one character may do)
    assert {"СЮ", "сю", "\u1c83ю"} <= screen.opening_pairs(list(screen.P.parse(r"^(?:Сюжет|Читайте)", re.I)), caseless=True)
    keys, window = screen.required_literals(screen.P.parse(r"(?:Все права защищены|Copyright)"), False)
    assert keys == frozenset({"Все права защищены", "Copyright"}) and window is None
