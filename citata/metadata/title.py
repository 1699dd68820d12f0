"""The headline: a title stripped of timestamps, counters and the site's name (clean_title),
and of a site's tail or brand that the page shows elsewhere (without_site)."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from ..model import Line
from .dates import TITLE_TIMESTAMP
from .outlets import DOMAIN, TITLE_SEPS, media_in
from .signals import MEDIA_PREFIX_TAIL, RUBRIC_BRAND, TAIL_SEPS, brand_name, site_tail

_TITLE_SITE_SEP = re.compile(r"\s+[|/]\s+")


_TITLE_TRAILING_DATE = re.compile(
    r"(?:[.,]?\s+(?:Сегодня|Вчера),?)?\s+(?:\d{1,2}\.\d{1,2}\.\d{2,4}(?:,?\s+\d{1,2}:\d{2})?|\d{1,2}:\d{2})$")
# A bare number closing a scraped headline is a view or comment counter
# (years are kept: "Итоги 2018").
_TITLE_COUNTER = re.compile(r"\s+(?!(?:19|20)\d\d$)\d{1,6}$")


def _strip_media(title: str) -> str:
    """Drop a known outlet's name glued before or after the headline."""
    for name in media_in(title):
        if title.startswith(name):
            m = MEDIA_PREFIX_TAIL.match(title[len(name):])
            if m and len(title) - len(name) - m.end() > 10:
                return title[len(name) + m.end():]
        for sep in TITLE_SEPS:
            if title.endswith(sep + name):  # (" :: Name" leaves its first colon: "Headline :")
                return _drop_rubric_trail(title[: -len(sep + name)], sep).rstrip(" :")
    for sep in TITLE_SEPS:
        head, _, tail = title.rpartition(sep)
        if head and DOMAIN.fullmatch(tail):
            return _drop_rubric_trail(head, sep)
    return title


@lru_cache(maxsize=1)
def _title_suffixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    suffixes = lexicons.title_affixes("suffix")
    return suffixes, tuple(" " + x for x in suffixes)


def _drop_rubric_trail(head: str, sep: str) -> str:
    """"…судьбе США: Политика: Мир" before the site name: rubrics, not headline."""
    while sep == ": " and ": " in head and len(head.rsplit(": ", 1)[1].split()) <= 2:
        head = head.rsplit(": ", 1)[0]
    return head


def without_site(title: str, outlet: str | None, lines: list[Line], page: str) -> str:
    """The headline without the page's own outlet or site name glued to it ("Headline — X"
    where X is the outlet the page names, or a tail its furniture shows again)."""
    if outlet:
        low, name = title.lower(), outlet.lower()
        if name in low:
            for sep in (*TITLE_SEPS, " :: ", " // "):  # (the brand tails of title_brand too)
                if low.endswith(sep + name) and len(title) > len(sep + name) + 10:
                    return title[: -len(sep + name)].rstrip()
                if low.startswith(name + sep) and len(title) > len(sep + name) + 10:
                    return title[len(name + sep):].lstrip()
        for sep in (" — ", " – ", " - "):  # "Headline — Новости Тайга.инфо": the site's rubric
            head, _, tail = title.rpartition(sep)
            m = head and len(head) > 10 and RUBRIC_BRAND.match(tail)
            if m and brand_name(m.group("name"), loose=False) == outlet:
                return head.rstrip()
    tail = site_tail(title, lines, page) if any(sep in title for sep in TAIL_SEPS) else None
    return tail[0] if tail else title


def clean_title(title: str) -> str:
    title = " ".join(title.split())
    title = TITLE_TIMESTAMP.sub("", title)
    first, _, rest = title.partition(" ")
    if rest and first in lexicons.title_affixes("prefix"):
        title = rest
    lower = title.lower()
    suffixes, spaced = _title_suffixes()
    if lower.endswith(spaced):  # (one call for the common case: no marker)
        for suffix in suffixes:
            if lower.endswith(" " + suffix):
                title = title[: -len(suffix)].rstrip()
                break
    # (both end with a digit at the title's end; the first, opening with an optional group, is tried at
    # every position)
    if title[-1:].isdecimal():
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
