"""Dates: the machine forms (ISO, dd.mm.yyyy, "1 февраля 2022"), a URL's date, the dateline
("МОСКВА, 12 ноя — РИА Новости") and the page's publication stamp, which never comes from a
teaser of another article."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from re import _parser as sre_parse  # the parser re itself uses

from .. import lexicons
from ..clean import Cleaned
from ..clean.screen import first_chars
from ..model import Dateline, Line

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_URL_DATES = (
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|\d|$)"),        # /20230202/
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)"),     # /2018/09/20/
    re.compile(r"[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_-]|$)"),  # /2018-09-20/
)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)")
_WORD_DATE = re.compile(r"(?<!\d)(\d{1,2})\s+([а-яё]{3,9})\.?,?\s+((?:19|20)\d{2})(?!\d)", re.I)


def _date(y: int | str, m: int | str, d: int | str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def parse_date(value: str | None) -> str | None:
    """An ISO date from the usual machine formats (ISO, dd.mm.yyyy, "1 февраля 2022")."""
    if not value:
        return None
    m = _ISO.search(value)
    if m:
        return _date(*m.groups())
    m = _NUMERIC_DATE.search(value)
    if m:
        return _date(m.group(3), m.group(2), m.group(1))
    m = _WORD_DATE.search(value)
    if m:
        month = lexicons.month_number(m.group(2))
        if month:
            return _date(m.group(3), month, m.group(1))
    return None


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    path = urlsplit(url).path if "://" in url else url
    for rx in _URL_DATES:
        m = rx.search(path)
        if m:
            found = _date(*m.groups())
            if found:
                return found
    return None


# A place in capitals opens a dateline (and an agency's signature, citata.metadata.signals).
PLACE_UP = r"[А-ЯЁA-Z][А-ЯЁA-Z\-]+(?:\s[А-ЯЁA-Z][А-ЯЁA-Z\-]+){0,2}"


TITLE_TIMESTAMP = re.compile(
    r"^\s*(?:\d{1,2}\.\d{1,2}\.\d{2,4}(?:,?\s+\d{1,2}:\d{2})?\s*[:|–—-]"
    r"|\d{1,2}\s+[а-яё]{3,9}\s+\d{4}(?:\s*г\.)?(?:,?\s+\d{1,2}:\d{2})?(?=\s+[А-ЯЁA-Z«\"])"
    r"|\d{1,2}:\d{2}(?=\s+[А-ЯЁA-Z]))\s*")


_DAY_MONTH = r"(\d{1,2}\s+[а-яё]{3,9}\.?)"
DATELINES = (
    # RIA / Sputnik: "БИШКЕК, 2 фев — Sputnik." / "МОСКВА, 1 фев – РИА Новости."
    re.compile(rf"^(?P<place>{PLACE_UP}),\s*(?P<date>{_DAY_MONTH[1:-1]})\s*[—–-]\s*(?P<agency>[^.\n]{{2,40}}?)\.\s"),
    # TASS: "МОСКВА, 1 февраля. /ТАСС/."
    re.compile(rf"^(?P<place>{PLACE_UP}),\s*(?P<date>{_DAY_MONTH[1:-1]})\s*/(?:Корр\.\s*)?(?P<agency>[^/\n]{{2,40}})/\.?\s"),
    # Interfax: "Москва. 31 октября. INTERFAX.RU - "
    re.compile(r"^(?P<place>[А-ЯЁ][а-яё]+(?:[ \-][А-ЯЁа-яё][а-яё]+){0,2})\.\s*(?P<date>\d{1,2}\s+[а-яё]{3,9})\.\s*"
               r"(?P<agency>[A-ZА-ЯЁ][\w.\-]+(?:\s[A-ZА-ЯЁ][\w.\-]+)?)\s*[—–-]\s"),
    # Place and agency, a date between or not: "ЛОНДОН, (Reuters) -", "ЛОНДОН, 6 мая (Рейтер) - ", "ВАШИНГТОН — "
    re.compile(rf"^(?P<place>{PLACE_UP}),?\s*(?:(?P<date>{_DAY_MONTH[1:-1]})\s*(?=\())?(?:\((?P<agency>[^)\n]{{2,30}})\)\s*)?[—–-]\s"),
)
DATELINE_SLACK = dt.timedelta(days=2)  # time zones and late stamps


def _place(s: str) -> str:
    def word(w: str) -> str:
        pieces = w.split("-")
        out = []
        for k, p in enumerate(pieces):
            low = p.lower()
            out.append(low if (k > 0 and low in lexicons.word_set("place_particles")) else low[:1].upper() + low[1:])
        return "-".join(out)

    return " ".join(map(word, s.split()))


def dateline_matches(text: str):
    """(offset, match) of each dateline opening one of the text's first four paragraphs (a page is not
    split whole), in order: the wire's place, date, agency and correspondent, not the article's words."""
    at = 0
    for para in text.split("\n\n", 4)[:4]:
        for rx in DATELINES:
            m = rx.match(para)
            if m and not (m.group("place").isupper() and len(m.group("place")) < 3):
                yield at, m
                break
        at += len(para) + 2


def find_dateline(cleaned: Cleaned, year_hint: str | None) -> Dateline | None:
    for _, m in dateline_matches(cleaned.text):
        place = m.group("place")
        date_text = m.groupdict().get("date")
        iso = None
        if date_text and year_hint:
            day, month_word = date_text.split()[:2]
            month = lexicons.month_number(month_word)
            if month:
                year = int(year_hint[:4])
                iso = _date(year, month, day)
                # A dateline later than the page is last year's (late December on an
                # early-January page; November on a page collected in February).
                if iso and iso > (dt.date.fromisoformat(year_hint[:10]) + DATELINE_SLACK).isoformat():
                    iso = _date(year - 1, month, day)
        agency = (m.groupdict().get("agency") or "").strip() or None
        return Dateline(_place(place), agency, iso, m.group(0).strip())
    return None


# A date the page shows for itself stands near the headline: in a stamp line, a byline,
# a caption glued to it ("30 декабря 2020, 15:13Фото: …"), a dateline opening the first
# paragraph. Dates further down belong to teasers, comments or the events reported.
DATE_WINDOW_ABOVE = 4
DATE_WINDOW_BELOW = 3
DATELINE_CHARS = 80
MAX_STAMP_LINE = 150
# Furniture whose dates are other pages' (teasers, comments) or the site's (legal footer).
_FOREIGN_DATE_KINDS = frozenset({"teaser", "related", "gallery", "card", "legal", "masthead", "comment", "comments",
                                 "after_article"})

_LOOKALIKES = str.maketrans("aceopxyACEOPXY", "асеорхуАСЕОРХУ")
# A year ends at a non-digit, or where a time is glued to it ("14.01.202110:21": spans a scraper joined).
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}:\d{2}(?!\d)))"
# A day starts after a non-digit, or right after a time glued before it ("14:4830 декабря 2020": the minutes
# have two digits, so the day is what follows them).
_DAY_START = r"(?:(?<!\d)|(?<=\d:\d\d))"
# Month names that month_number (Russian) does not read: English (sites templated in English) and
# Ukrainian (Russian-language sites of Ukraine), by prefix, each to its number.
_EN_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
             r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])")
_OTHER_MONTHS = (("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6), ("jul", 7), ("aug", 8),
                 ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
                 ("січ", 1), ("лют", 2), ("берез", 3), ("квіт", 4), ("травн", 5), ("червн", 6), ("липн", 7),
                 ("серпн", 8), ("вересн", 9), ("жовтн", 10), ("листопад", 11), ("грудн", 12))


def _month(word: str) -> int | None:
    """A month's number from its Russian word (lexicons.month_number, look-alike Latin letters read
    as Cyrillic), else its English or Ukrainian one."""
    low = word.lower().rstrip(".")
    if low.isascii() and low[:3] in dict(_OTHER_MONTHS):
        return dict(_OTHER_MONTHS)[low[:3]]
    return lexicons.month_number(word.translate(_LOOKALIKES)) or next(
        (n for prefix, n in _OTHER_MONTHS if low.startswith(prefix) and not prefix.isascii()), None)


_PAGE_DATES = (
    # 2020-10-04, 2020-10-04T04:48
    (re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)"), (1, 2, 3)),
    # 14.01.2021, 14.01.2021 10:21, 14/01/2021, 14-01-2021 (one separator throughout)
    (re.compile(rf"{_DAY_START}(\d{{1,2}})([./\-])(\d{{1,2}})\2((?:19|20)\d{{2}}){_YEAR_END}"), (4, 3, 1)),
    # 2021/01/14, 2021.01.14
    (re.compile(r"(?<![\d.])((?:19|20)\d{2})([./])(\d{2})\2(\d{2})(?![\d.])"), (1, 3, 4)),
    # 12.12.20, 15:10 — a two-digit year only where a time says it is a stamp
    (re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{2})(?=\s*,?\s*(?:в\s*)?\d{1,2}:\d{2}(?!\d))"), (3, 2, 1)),
    # 30 декабря 2020, 15:13; 30 дек. 2020 г.; «30» декабря 2020; 30-го декабря 2020
    # (Latin look-alikes inside a month's word, "26 cен 2018", are read as Cyrillic)
    # (and the Ukrainian months Russian-language sites of Ukraine show: "30 грудня 2020", "1 січня 2021")
    (re.compile(rf"{_DAY_START}(\d{{1,2}})(?:-?го)?[»\"]?\s+([а-яёіїєaceopxy]{{3,9}})\.?,?\s+((?:19|20)\d{{2}}){_YEAR_END}", re.I),
     (3, 2, 1)),
    # 30 дек. 20 г. — a two-digit year after a month's word only with "г."
    (re.compile(r"(?<!\d)(\d{1,2})\s+([а-яё]{3,9})\.?\s+(\d{2})\s*г\.", re.I), (3, 2, 1)),
    # English month names on Russian sites' templates: "30 December 2020", "Thu, 30 Dec 2020 15:13:00 GMT",
    # "December 30, 2020", "Dec 30th, 2020"
    (re.compile(rf"(?<![\w])(\d{{1,2}})\s+({_EN_MONTH})\.?,?\s+((?:19|20)\d{{2}}){_YEAR_END}", re.I), (3, 2, 1)),
    (re.compile(rf"(?<![\w])({_EN_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}}){_YEAR_END}", re.I),
     (3, 1, 2)),
    # the month first, as sites templated in English write it: "декабрь 30, 2020", "Дек 30, 2020 15:13"
    (re.compile(r"(?<![\w])(январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]"
                r"|октябр[ья]|ноябр[ья]|декабр[ья]|янв|фев|мар|апр|июн|июл|авг|сент?|окт|ноя|дек)\.?\s+(\d{1,2}),?\s+"
                r"((?:19|20)\d{2})(?!\d)", re.I), (3, 1, 2)),
    # 30.12.20 with a two-digit year where it is all the line shows, a cue before it at most:
    # "30.12.20", "Опубликовано: 30.12.20", "Дата: 30.12.20" (after a time it stays no date)
    (re.compile(r"^[\s:—–-]*(?:[А-ЯЁа-яё]+(?:\s+[а-яё]+)?\s*[:—–-]?\s*)?"
                r"(\d{1,2})\.(\d{1,2})\.(\d{2})(?=\s*$|,?\s+\d{1,2}:\d{2}(?!\d))"), (3, 2, 1)),
)
_HAS_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_DIGIT = re.compile(r"\d")


# Which forms open with a digit (read off their parse): those are sought from the line's first digit
# on (each opens with a look-behind, which `re` tries at every position it passes).
_OPENS_WITH_DIGIT = tuple(bool(chars) and all(c.isdecimal() for c in chars)
                          for chars in (first_chars(list(sre_parse.parse(rx.pattern, rx.flags))) for rx, _ in _PAGE_DATES))


def find_date(s: str) -> tuple[int, str] | None:
    """The first date written out in `s` (any common Russian or ISO form): (position, ISO date).
    Without a year there is no date: none is invented."""
    digit = _DIGIT.search(s)
    if digit is None:  # every form has digits (most lines asked have none)
        return None
    found = None
    for (rx, (y, m, d)), digit_first in zip(_PAGE_DATES, _OPENS_WITH_DIGIT):
        for match in rx.finditer(s, digit.start() if digit_first else 0):
            month = match.group(m)
            if not month.isdigit():
                month = _month(month)
                if not month:
                    continue
            year = match.group(y)
            iso = _date(int(year) + 2000 if len(year) == 2 else year, month, match.group(d))
            at = min(match.start(y), match.start(m), match.start(d))  # (a cue before the date is not it)
            if iso and (found is None or at < found[0]):
                found = (at, iso)
            break
    return found


# A date a widget's line is about, not when the page was published: a rate or a forecast "as of" it ("Курс
# валют на 05.10.2020", "по состоянию на 05.10.2020"), a date "from" or "until" ("с 05.10.2020"), the
# weather's or the market's figures beside it ("Погода 05.10.2020 +12", "USD 77,5").
_AS_OF = re.compile(r"(?i)(?<!\w)(?:на|с|до|по)\s+$")
_WIDGET_FIGURES = re.compile(r"(?i)погод|курс\w*\s+(?:валют|доллар|евро|ЦБ)|\b(?:USD|EUR)\b|[$€₽]|°|(?<![\w(])[+−-]\d{1,2}(?![\d.:])")


def as_of(s: str, at: int) -> bool:
    """Whether the date at `at` in the short line `s` is one a widget is about (see _AS_OF)."""
    return bool(_AS_OF.search(s, max(0, at - 25), at) or _WIDGET_FIGURES.search(s))


def _is_stamp_line(s: str) -> bool:
    """A line that is little more than a date (and a time, a name, a source)."""
    rest = _HAS_TIME.sub(" ", s)
    for rx, _ in _PAGE_DATES:
        rest = rx.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 6


SIGNATURE_CHARS = 60  # "… Препарат ГНЦ "Вектор"... РИА Новости, 12.11.2020": a blurb's signature


_TITLE_FIELD_DATE = re.compile(r"\s[|/]\s+(\d{1,2})\.(\d{1,2})\.((?:19|20)?\d{2})(?:,?\s+\d{1,2}:\d{2})?(?=\s+[|/]\s|\s*$)")
_TITLE_CLOSING_DATE = re.compile(
    r"\s[(\[]?(\d{1,2}\.\d{1,2}\.(?:19|20)\d{2})(?:,?\s+\d{1,2}:\d{2})?[)\]]?(?:\s*$|\s+(?=[А-ЯЁA-Z]))")


def _timed(s: str, at: int) -> bool:
    """A time stands by the date at `at`: after it ("5 января 2021, 10:26") or just before it
    ("14:54, 2 Ноябрь, 2018", "14:00 08.11.2018")."""
    return bool(_HAS_TIME.search(s[at:at + 30]) or _TIME_BEFORE.search(s[max(0, at - 9):at]))


_TIME_BEFORE = re.compile(r"(?<!\d)\d{1,2}:\d{2},?\s*$")


# "Обновлено: 31 декабря 2020 | Опубликовано: 30 декабря 2020": the publication's date, not the update's.
_PUBLISHED_CUE = re.compile(r"(?i)опубликован\w*|дата публикации|\bсоздан[оа]?\b|published")
_UPDATED_CUE = re.compile(r"(?i)обновлен\w*|изменен\w*|отредактирован\w*|updated")


# The article's first line glued to what stood above it: on a page saved as one long line its headline,
# the stamp, the lead ("Headline 11.11.2018 По словам…"); on any page, a widget, the headline's copy and
# the stamp with its time glued to a photo's credit ("…Ctrl+Enter В Пакистане … 31.10.2018 21:24 Фото: vk.me").
OPENING_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?…]\s")
_STAMP_THEN_CREDIT = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:19|20)\d{2},?\s+\d{1,2}:\d{2}\s*(?=(?:Фото|Photo|Видео|Источник)\s*:)")


def _opening_date(s: str, titled: bool) -> str | None:
    """The page's date in the article's first line (see OPENING_CHARS), before any sentence ends
    (a date after one is the article's, an event's): a stamp glued to a credit, or, on a page
    without a headline line, a numeric date closing the headline the line opens with."""
    head = s[:OPENING_CHARS]
    m = (not titled and _TITLE_CLOSING_DATE.search(head)) or _STAMP_THEN_CREDIT.search(head)
    hit = find_date(m.group(0)) if m and not _SENTENCE_END.search(head, 0, m.start()) else None
    return hit[1] if hit else None


def _date_in_line(ln: Line, opening: bool, titled: bool) -> str | None:
    """A date the line shows as the page's: a stamp line, or the dateline opening a long
    paragraph or the signature closing it (a date mid-paragraph is an event's). `opening`: the
    article's first line (see _opening_date); `titled`: the page has a headline line."""
    s = ln.text.strip()
    if len(s) <= MAX_STAMP_LINE and ("бновл" in s or "зменен" in s or "pdated" in s):
        m = _PUBLISHED_CUE.search(s)
        if m and _UPDATED_CUE.search(s, 0, m.start()) and find_date(s[m.end():]):
            s = s[m.end():]
    if ln.label == "title":
        # a stamp opening the headline, or a numeric date closing it (the lead may follow,
        # glued: "Заголовок 11.11.2018 По словам адвоката…")
        m = TITLE_TIMESTAMP.match(s) or _TITLE_CLOSING_DATE.search(s)
        if m and find_date(m.group(0)):
            return find_date(m.group(0))[1]
        # a date standing as a field of the page title: "Headline / 20.12.16 / Москва / © РИА Новый День"
        m = ("/" in s or "|" in s) and _TITLE_FIELD_DATE.search(s)
        if m:
            year = m.group(3)
            return _date(int(year) + 2000 if len(year) == 2 else year, m.group(2), m.group(1))
        return None
    if len(s) > MAX_STAMP_LINE:
        head = s[:DATELINE_CHARS + 40]
        hit = find_date(head)
        if hit and (ln.label != "body" or (hit[0] <= DATELINE_CHARS and _timed(head, hit[0]))):
            return hit[1]
        if opening and (found := _opening_date(s, titled)):
            return found
        tail = find_date(s[-SIGNATURE_CHARS:]) if ln.label != "body" else None
        return tail[1] if tail else None
    hit = find_date(s)
    if hit is None or as_of(s, hit[0]):
        return None
    if ln.label == "body" and not (
            _is_stamp_line(s)
            # a dateline opening the paragraph: "Санкт-Петербург, 5 января 2021, 10:26 — REGNUM …"
            or (hit[0] <= DATELINE_CHARS and _timed(s, hit[0]))):
        return None
    return hit[1]


# A stamp relative to the day the page was saved: "Сегодня, 15:13", "вчера в 09:40", "15:13, вчера".
_RELATIVE_STAMP = re.compile(
    r"(?i)(?<!\w)(?:(?P<word>сегодня|вчера|позавчера)\s*,?\s*(?:в\s+)?\d{1,2}:\d{2}(?!\d)"
    r"|(?<!\d)\d{1,2}:\d{2}\s*,?\s*(?P<word2>сегодня|вчера|позавчера)(?!\w))")
_DAYS_BACK = {"сегодня": 0, "вчера": 1, "позавчера": 2}
# The day a page shows as today (site headers do: "Сегодня: 1 февраля 2021", "Сегодня 01.02.2021").
_TODAY_IS = re.compile(r"(?i)(?<!\w)сегодня\s*[:,]?\s*(?:[а-яё]+,\s*)?(?=\d)")


def relative_stamp(s: str, today: str | None) -> str | None:
    """The date a relative stamp stands for ("вчера в 15:13" the day before `today`); None
    without `today`: a date guessed from the reading day would be invented."""
    if not today or len(s) > MAX_STAMP_LINE:
        return None
    m = _RELATIVE_STAMP.search(s)
    if not m:
        return None
    days = _DAYS_BACK[(m.group("word") or m.group("word2")).lower()]
    return (dt.date.fromisoformat(today) - dt.timedelta(days=days)).isoformat()


def _shows_today(s: str) -> bool:
    """A line that shows which day is today and no time ("Сегодня: среда, 30 декабря 2020"): a header's,
    never the article's stamp ("Сегодня, 15:13" is one, read as relative)."""
    m = _TODAY_IS.match(s.strip())
    return bool(m) and not _HAS_TIME.search(s)


def shown_today(cleaned: Cleaned) -> str | None:
    """The date a page's furniture shows as today ("Сегодня: 1 февраля 2021")."""
    for ln in cleaned.lines:
        if ln.label == "boilerplate" and len(ln.text) <= MAX_STAMP_LINE and "егодня" in ln.text:
            m = _TODAY_IS.search(ln.text)
            hit = find_date(ln.text[m.end():m.end() + 40]) if m else None
            if hit and hit[0] == 0:
                return hit[1]
    return None


def page_date(cleaned: Cleaned, first: int = 0, today: str | None = None) -> str | None:
    """The date nearest the headline among the page's own stamps (see DATE_WINDOW_*). A page
    often shows its headline twice (the page's title block, then the article's), each with
    the page's stamps around it: every copy of the headline is an anchor. A relative stamp
    ("Сегодня, 15:13") dates the page only against `today`, the day it was saved."""
    lines = [ln for ln in cleaned.lines[first:] if ln.label != "empty"]
    if not lines:
        return None
    anchor = next((k for k, ln in enumerate(lines) if ln.label == "title"), None)
    first_body = next((k for k, ln in enumerate(lines) if ln.label == "body"), None)
    titled = anchor is not None
    if anchor is None:
        anchor = first_body if first_body is not None else 0
        anchors = [anchor]
    else:
        head = " ".join(lines[anchor].text.split()).lower()
        # (only lines about as long as the headline are worth normalising)
        anchors = [k for k, ln in enumerate(lines) if k == anchor or (
            len(head) <= len(ln.text) <= 2 * len(head) + 10 and " ".join(ln.text.split()).lower() == head)]
    last = (first_body if first_body is not None and first_body >= anchor else anchor) + DATE_WINDOW_BELOW
    windows = [(a - DATE_WINDOW_ABOVE, a + DATE_WINDOW_BELOW) for a in anchors if a != anchor]
    windows.append((anchor - DATE_WINDOW_ABOVE, last))
    best = None
    for k in sorted({k for lo, hi in windows for k in range(max(0, lo), min(len(lines), hi + 1))}):
        ln = lines[k]
        # (comments follow the article: a stamp the cleaner took for a comment's head above
        # the article's first line is the page's own, "Иван Петров 30.12.2020 15:13")
        if ln.label == "boilerplate" and ln.kind in _FOREIGN_DATE_KINDS and not (
                ln.kind in ("comment", "comments") and first_body is not None and k < first_body):
            continue
        if ln.label != "body" and "егодня" in ln.text and _shows_today(ln.text):
            continue  # (the day the page was saved, not the article's: "Сегодня: 30 декабря 2020")
        found = _date_in_line(ln, opening=k == first_body, titled=titled)
        if found is None and ln.label != "body" and len(ln.text) <= MAX_STAMP_LINE and _RELATIVE_STAMP.search(ln.text):
            # ("" where the page does not say which day it was saved: then the stamp by the headline says
            # the page is undated, and a date further off, the header's day, "Воскресенье, 4 октября 2020",
            # is not taken for "Вчера, 04:48")
            found = relative_stamp(ln.text, today) or ""
        if found is None:
            continue
        # (a stamp marked as the publication's beats a nearer one, and one marked as the update's
        # loses to any other: "Обновлено: 31.12.2020" under the headline, "Опубликовано: 30.12.2020" below)
        # (as near above the headline as below it: the stamp below is the article's, the one above may
        # close the item before it, "Минздрав назвал сроки / 03.10.2020" over the headline)
        near = min(anchors, key=lambda a: (abs(k - a), k < a))
        key = (_stamp_rank(ln.text), abs(k - near), k < near)
        if best is None or key < best[0]:
            best = (key, found)
    if best:
        return best[1] or None
    return _closing_stamp(lines) or _header_stamp(lines, first_body)


def _stamp_rank(s: str) -> int:
    """How a short stamp line marks its date: 0 the publication's ("Опубликовано: 30.12.2020", and
    the line that gives both), 2 only the update's ("Обновлено: 31.12.2020"), else 1."""
    if len(s) > MAX_STAMP_LINE:
        return 1
    if _PUBLISHED_CUE.search(s):
        return 0
    hit = find_date(s)
    return 2 if hit and _UPDATED_CUE.search(s, 0, hit[0] + 1) else 1


CLOSING_LINES = 2
_WIDGET_KINDS = frozenset({"share", "button", "counter", "tags"})
MAX_WIDGETS = 6  # widget lines passed over at most


def _header_stamp(lines: list[Line], first_body: int | None) -> str | None:
    """Where no stamp stands by the headline or closes the article: the one date the page's
    header shows as a stamp further up (a date with its time, or marked as the publication's:
    "30.12.2020 15:13", "Опубликовано: 30.12.20" above the menu). Several dates there, or the
    day the page shows as today ("Сегодня: 1 февраля 2021"), date nothing."""
    found: set[str] = set()
    for ln in lines[:first_body]:
        s = ln.text.strip()
        if ln.label == "body" or len(s) > MAX_STAMP_LINE or "егодня" in s or (
                ln.label == "boilerplate" and ln.kind in _FOREIGN_DATE_KINDS):
            continue
        hit = find_date(s)
        if hit and _is_stamp_line(s) and not as_of(s, hit[0]) and (_timed(s, hit[0]) or _PUBLISHED_CUE.search(s, 0, hit[0] + 1)):
            found.add(hit[1])
    return found.pop() if len(found) == 1 else None


def _closing_stamp(lines: list[Line]) -> str | None:
    """Where no stamp stands by the headline: the page's date closing the article (a stamp
    line right after its last paragraph, "30.12.2020 15:13"), or a date its furniture marks as
    the publication's ("Дата публикации: 30.12.2020"). A comment's or a teaser's date is neither."""
    last = max((k for k, ln in enumerate(lines) if ln.label == "body"), default=None)
    if last is not None:
        counted = 0
        for ln in lines[last + 1:last + 1 + CLOSING_LINES + MAX_WIDGETS]:
            if ln.label == "boilerplate" and ln.kind in _FOREIGN_DATE_KINDS:
                break
            s = ln.text.strip()
            hit = find_date(s) if len(s) <= MAX_STAMP_LINE else None
            if hit and _is_stamp_line(s) and not as_of(s, hit[0]):
                return hit[1]
            # (the article's widgets between its end and its stamp count for none of those lines:
            # "Поделиться", "ВКонтакте", "1 234 просмотра", "Теги: …")
            counted += not (ln.label == "boilerplate" and ln.kind in _WIDGET_KINDS)
            if counted >= CLOSING_LINES:
                break
    for ln in lines:
        s = ln.text
        if ln.label != "body" and len(s) <= MAX_STAMP_LINE and ("публик" in s or "ublished" in s) and not (
                ln.label == "boilerplate" and ln.kind in _FOREIGN_DATE_KINDS):
            m = _PUBLISHED_CUE.search(s)
            hit = find_date(s[m.end():m.end() + 40]) if m else None
            if hit and hit[0] <= 3:
                return hit[1]
    return None
