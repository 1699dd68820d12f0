"""Article metadata from a cleaned dump: title, outlet, URL, dateline,
publication date, relayed sources. Each field has explicit fallbacks, most
trusted first; `published` never comes from a teaser of another article."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from urllib.parse import urlsplit

from . import lexicons
from .clean import Cleaned, glued_lead
from .model import Dateline, Line, RawDocument

# ------------------------------------------------------------------ dates

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


# ------------------------------------------------------------------ outlet

_CAPTION_OUTLET = re.compile(r"\s[-–—]\s([^,\n]{2,60}),\s\d{3,4}(?:,|\s*$)")
_BLURB_OUTLET = re.compile(r"в материалах\s+(.{2,60}?)\.?\s*$")


def outlet_from_url(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    table = lexicons.outlets()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    return host.removeprefix("www.")


def _outlet_from_lines(lines: list[Line]) -> str | None:
    votes: Counter[str] = Counter()
    for ln in lines:
        if ln.label != "boilerplate":
            continue
        m = _CAPTION_OUTLET.search(ln.text) or _BLURB_OUTLET.search(ln.text.strip())
        if m:
            votes[m.group(1).strip()] += 1
    return votes.most_common(1)[0][0] if votes else None


# ------------------------------------------------------------------ URL

_SOURCE_URL = re.compile(r"(https?://\S+|www\.\S+)")


def _url_from_lines(lines: list[Line]) -> str | None:
    for ln in lines:
        if ln.kind == "source":
            m = _SOURCE_URL.search(ln.text)
            if m:
                return m.group(1)
    return None


# ------------------------------------------------------------------ title

_TITLE_TIMESTAMP = re.compile(
    r"^\s*(?:\d{1,2}\.\d{1,2}\.\d{2,4}(?:,?\s+\d{1,2}:\d{2})?\s*[:|–—-]"
    r"|\d{1,2}\s+[а-яё]{3,9}\s+\d{4}(?:\s*г\.)?(?:,?\s+\d{1,2}:\d{2})?(?=\s+[А-ЯЁA-Z«\"])"
    r"|\d{1,2}:\d{2}(?=\s+[А-ЯЁA-Z]))\s*")
_TITLE_SITE_SEP = re.compile(r"\s+[|/]\s+")


_TITLE_TRAILING_DATE = re.compile(
    r"(?:[.,]?\s+(?:Сегодня|Вчера),?)?\s+(?:\d{1,2}\.\d{1,2}\.\d{2,4}(?:,?\s+\d{1,2}:\d{2})?|\d{1,2}:\d{2})$")
# A bare number closing a scraped headline is a view or comment counter
# (years are kept: "Итоги 2018").
_TITLE_COUNTER = re.compile(r"\s+(?!(?:19|20)\d\d$)\d{1,6}$")
_TITLE_SEPS = (" - ", " – ", " — ", ": ", " | ")
_DOMAIN = re.compile(r"[\w\-]+(?:\.[\w\-]+)*\.(?:ru|com|net|org|ua|by|kz|kg|md|uz|az|am|info|news|su|рф)", re.I)
_MEDIA_PREFIX_TAIL = re.compile(r"^\s*(?:\([^)]{1,15}\))?\s*(?::|[-–—])\s+")


def _strip_media(title: str) -> str:
    """Drop a known outlet's name glued before or after the headline."""
    for name in _media_in(title):
        if title.startswith(name):
            m = _MEDIA_PREFIX_TAIL.match(title[len(name):])
            if m and len(title) - len(name) - m.end() > 10:
                return title[len(name) + m.end():]
        for sep in _TITLE_SEPS:
            if title.endswith(sep + name):
                return _drop_rubric_trail(title[: -len(sep + name)], sep)
    for sep in _TITLE_SEPS:
        head, _, tail = title.rpartition(sep)
        if head and _DOMAIN.fullmatch(tail):
            return _drop_rubric_trail(head, sep)
    return title


def _media_in(title: str) -> list[str]:
    """Known outlet names that begin the title before a separator or end it after one,
    longest first (looked up at those places instead of trying every name)."""
    names = lexicons.media_names()
    found = {title[:k] for k, c in enumerate(title) if c in " (:-–—" and title[:k] in names}
    for sep in _TITLE_SEPS:
        k = title.find(sep)
        while k >= 0:
            if title[k + len(sep):] in names:
                found.add(title[k + len(sep):])
            k = title.find(sep, k + 1)
    return sorted(found, key=lambda name: (-len(name), name))


def _drop_rubric_trail(head: str, sep: str) -> str:
    """"…судьбе США: Политика: Мир" before the site name: rubrics, not headline."""
    while sep == ": " and ": " in head and len(head.rsplit(": ", 1)[1].split()) <= 2:
        head = head.rsplit(": ", 1)[0]
    return head


def clean_title(title: str) -> str:
    title = " ".join(title.split())
    title = _TITLE_TIMESTAMP.sub("", title)
    first, _, rest = title.partition(" ")
    if rest and first in lexicons.title_affixes("prefix"):
        title = rest
    lower = title.lower()
    for suffix in lexicons.title_affixes("suffix"):
        if lower.endswith(" " + suffix):
            title = title[: -len(suffix)].rstrip()
            break
    title = _TITLE_TRAILING_DATE.sub("", title)
    title = _TITLE_COUNTER.sub("", title)
    # "Headline | Site name" and "Headline / Site name": the site is the short tail.
    parts = _TITLE_SITE_SEP.split(title)
    if len(parts) > 1 and len(parts[0].split()) >= 3 and all(len(p.split()) <= 5 for p in parts[1:]):
        title = parts[0]
    title = _strip_media(title).strip()
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    return title


# ------------------------------------------------------------------ dateline

_UP = r"[А-ЯЁA-Z][А-ЯЁA-Z\-]+"
_PLACE_UP = rf"{_UP}(?:\s{_UP}){{0,2}}"
_DAY_MONTH = r"(\d{1,2}\s+[а-яё]{3,9}\.?)"
_DATELINES = (
    # RIA / Sputnik: "БИШКЕК, 2 фев — Sputnik." / "МОСКВА, 1 фев – РИА Новости."
    re.compile(rf"^(?P<place>{_PLACE_UP}),\s*(?P<date>{_DAY_MONTH[1:-1]})\s*[—–-]\s*(?P<agency>[^.\n]{{2,40}}?)\.\s"),
    # TASS: "МОСКВА, 1 февраля. /ТАСС/."
    re.compile(rf"^(?P<place>{_PLACE_UP}),\s*(?P<date>{_DAY_MONTH[1:-1]})\s*/(?:Корр\.\s*)?(?P<agency>[^/\n]{{2,40}})/\.?\s"),
    # Interfax: "Москва. 31 октября. INTERFAX.RU - "
    re.compile(r"^(?P<place>[А-ЯЁ][а-яё]+(?:[ \-][А-ЯЁа-яё][а-яё]+){0,2})\.\s*(?P<date>\d{1,2}\s+[а-яё]{3,9})\.\s*"
               r"(?P<agency>[A-ZА-ЯЁ][\w.\-]+(?:\s[A-ZА-ЯЁ][\w.\-]+)?)\s*[—–-]\s"),
    # Place and agency without a date: "ЛОНДОН, (Reuters) -", "ВАШИНГТОН — "
    re.compile(rf"^(?P<place>{_PLACE_UP}),?\s*(?:\((?P<agency>[^)\n]{{2,30}})\)\s*)?[—–-]\s"),
)
_LOWER_PARTS = {"на", "де", "ла", "дель", "ле", "сюр", "об", "upon", "on", "de", "la"}


def _place(s: str) -> str:
    def word(w: str, first: bool) -> str:
        pieces = w.split("-")
        out = []
        for k, p in enumerate(pieces):
            low = p.lower()
            out.append(low if (k > 0 and low in _LOWER_PARTS) else low[:1].upper() + low[1:])
        return "-".join(out)

    return " ".join(word(w, i == 0) for i, w in enumerate(s.split()))


def find_dateline(cleaned: Cleaned, year_hint: str | None) -> Dateline | None:
    for para in cleaned.text.split("\n\n")[:4]:
        for rx in _DATELINES:
            m = rx.match(para)
            if not m:
                continue
            place = m.group("place")
            if place.isupper() and len(place) < 3:
                continue
            date_text = m.groupdict().get("date")
            iso = None
            if date_text and year_hint:
                day, month_word = date_text.split()[:2]
                month = lexicons.month_number(month_word)
                if month:
                    year = int(year_hint[:4])
                    # A late-December dateline on an early-January page is last year's.
                    if month == 12 and year_hint[5:7] == "01":
                        year -= 1
                    iso = _date(year, month, day)
            agency = (m.groupdict().get("agency") or "").strip() or None
            return Dateline(_place(place), agency, iso, m.group(0).strip())
    return None


# ------------------------------------------------------------------ relays

_NAME_TOKEN = r"(?:[A-ZА-ЯЁ][\w.'’&\-]*|of|the|and|de)"
_QUOTED = r"[«\"„“](?P<quoted>[^»\"“”\n]{2,60})[»\"“”]"


@lru_cache(maxsize=None)
def _relay_regex() -> re.Pattern:
    cues = "|".join(sorted(map(re.escape, lexicons.relay_cues()), key=len, reverse=True))
    nouns = "|".join(map(re.escape, lexicons.media_nouns()))
    return re.compile(
        rf"(?<!\w)(?:{cues})\s+(?:(?P<noun>{nouns})\s+)?"
        rf"(?:{_QUOTED}|(?P<name>[A-ZА-ЯЁ][\w.'’&\-]*(?:\s{_NAME_TOKEN}){{0,3}}))"
    )


def relays(text: str) -> list[str]:
    media = lexicons.media_names()
    found: list[str] = []
    for m in _relay_regex().finditer(text):
        quoted = m.group("quoted")
        name = (quoted or m.group("name") or "").strip().rstrip(".,")
        if not name:
            continue
        if not quoted:
            name = _trim_name(name, media)
        accept = (
            quoted is not None
            or m.group("noun") is not None
            or name in media
            or re.fullmatch(r"[A-Z][\w.&'’\- ]*", name) is not None  # Latin-script outlet
            or re.fullmatch(r"[А-ЯЁ]{2,}", name) is not None  # acronym: ТАСС
        )
        if accept and name not in found:
            found.append(name)
    return found


def _trim_name(name: str, media: frozenset[str]) -> str:
    """Longest known media name at the start, else the capitalised run."""
    words = name.split()
    for k in range(len(words), 0, -1):
        head = " ".join(words[:k])
        if head in media:
            return head
    # Cyrillic words after a Latin name are the sentence going on ("BBC Пакистан").
    if re.match(r"[A-Z]", words[0]):
        latin = [w for w in words if re.fullmatch(r"[A-Za-z][\w.'’&\-]*", w)]
        return " ".join(words[: len(latin)]) if latin and words[: len(latin)] == latin else words[0]
    return words[0]


# ------------------------------------------------------------------ published

# Furniture around the headline that dates the page itself (a legal footer's
# registration date or a teaser's date would not).
_HEADER_DATE_KINDS = ("date", "caption", "credit", "byline", "counter", "rubric", "title_repeat", "breadcrumb")


def _header_date(cleaned: Cleaned, title_line: Line | None) -> str | None:
    """A date in the page header: the title's timestamp, or a caption/credit/
    date line before the first body paragraph (never a teaser further down)."""
    if title_line is not None:
        m = _TITLE_TIMESTAMP.match(title_line.text)
        if m:
            found = parse_date(m.group(0))
            if found:
                return found
    for ln in cleaned.lines:
        if ln.label == "body":
            break
        if ln.label == "boilerplate" and ln.kind in _HEADER_DATE_KINDS:
            found = parse_date(ln.text)
            if found:
                return found
    return None


# ------------------------------------------------------------------ all

def extract_metadata(raw: RawDocument, cleaned: Cleaned) -> dict:
    meta = raw.meta
    title = meta.get("title")
    if cleaned.title_line is not None:
        title = cleaned.title_line.text
        after = [ln for ln in cleaned.lines if ln.start > cleaned.title_line.start and ln.label == "body"]
        cut = glued_lead(title, after[0].text) if after else None
        if cut is not None:
            title = title[:cut]
    url = meta.get("url") or _url_from_lines(cleaned.lines)
    published = (
        parse_date(meta.get("published"))
        or date_from_url(url)
        or _header_date(cleaned, cleaned.title_line)
    )
    outlet = meta.get("outlet") or _outlet_from_lines(cleaned.lines)
    if not outlet or (url and "://" in url and outlet_from_url(url) in lexicons.outlets().values()):
        outlet = outlet_from_url(url) or outlet
    dateline = find_dateline(cleaned, published)
    return {
        "title": clean_title(title) if title else None,
        "url": url,
        "published": published,
        "outlet": outlet,
        "dateline": dateline,
        "relayed_from": relays(cleaned.text),
    }

