"""Article metadata from a cleaned dump: title, outlet, URL, dateline,
publication date, relayed sources. Each field has explicit fallbacks, most
trusted first; `published` never comes from a teaser of another article.

The stage's modules: dates, outlets (the tables and names), signals (the page's
signals for the outlet), told (the outlet the text speaks to), title, relays."""
from __future__ import annotations

import re
from collections import Counter

from .. import lexicons
from ..clean import Cleaned, glued_lead
from ..model import Line, RawDocument
# What other stages, tests and eval/ import from the stage.
from .dates import date_from_url, find_date, find_dateline, page_date, parse_date, relative_stamp, shown_today
from .outlets import (alias_targets, canonical_outlet, is_placeholder_url, known_outlet, legal_outlet, name_spells_host,
                      nominative, outlet_from_url, site_names, translit)
from .candidates import best_candidate, name_for_host, outlet_candidates, ways
from .relays import relays
from .signals import NAMELIKE, SIGNAL_ORDER, brand_line, opening_agency, outlet_signals, site_tail, title_brand
from .title import clean_title, without_site
from .told import outlet_told

__all__ = ["NAMELIKE", "SIGNAL_ORDER", "best_candidate", "brand_line", "canonical_outlet", "clean_title", "date_from_url", "extract_metadata",
           "find_date", "is_placeholder_url", "name_for_host", "known_outlet", "legal_outlet", "name_spells_host", "nominative", "opening_agency",
           "outlet_candidates", "outlet_from_url", "outlet_signals", "outlet_told", "page_outlet", "parse_date",
           "relative_stamp", "relays",
           "site_names", "site_tail", "title_brand", "translit"]

_CAPTION_OUTLET = re.compile(r"\s[-–—]\s([^,\n]{2,60}),\s\d{3,4}(?:,|\s*$)")
_BLURB_OUTLET = re.compile(r"в материалах\s+(.{2,60}?)\.?\s*$")


def _outlet_from_lines(lines: list[Line]) -> str | None:
    votes: Counter[str] = Counter()
    for ln in lines:
        if ln.label != "boilerplate":
            continue
        s = ln.text  # (each regex needs its words: cheap checks first)
        m = (", " in s and ("-" in s or "–" in s or "—" in s) and _CAPTION_OUTLET.search(s)) \
            or ("в материалах" in s and _BLURB_OUTLET.search(s.strip()))
        if m:
            votes[m.group(1).strip()] += 1
    return votes.most_common(1)[0][0] if votes else None


_SOURCE_URL = re.compile(r"(https?://\S+|www\.\S+)")


def _url_from_lines(lines: list[Line]) -> str | None:
    for ln in lines:
        if ln.kind == "source":
            m = _SOURCE_URL.search(ln.text)
            if m:
                return m.group(1)
    return None


def page_outlet(cleaned: Cleaned, first: int = 0) -> tuple[str | None, str | None]:
    """(the outlet a page names for itself, the signal that named it): the signals of
    outlet_signals, the most trusted first; then the best of the candidate names its furniture
    shows (best_candidate; the signal says how it was shown, "scored: host+known"); the outlet
    the text speaks to or that tells its own piece is the last resort ("told": the text names
    other outlets more often than the furniture does, eval/mine_outlets.py --check)."""
    found = outlet_signals(cleaned, first)
    name, why = next(((found[k], k) for k in SIGNAL_ORDER if found.get(k)), (None, None))
    if name is None and (best := best_candidate(cleaned, first)):
        name, why = best.name, ways(best)
    if name is None and found.get("company"):  # (an unknown company's ©, where the page names nothing else)
        name, why = found["company"], "company"
    if name:
        # (a site the tables do not know, named by its address: the name the page spells it with)
        spelt = name_for_host(name, cleaned, first) if canonical_outlet(name) is None else None
        return (spelt, why + "+name") if spelt else (name, why)
    told = outlet_told(cleaned.text)
    return (alias_targets().get(told, told), "told") if told else (None, None)


def outlet_from_page(cleaned: Cleaned, first: int) -> str | None:
    """The outlet a page names for itself (see page_outlet)."""
    return page_outlet(cleaned, first)[0]


def extract_metadata(raw: RawDocument, cleaned: Cleaned) -> dict:
    meta = raw.meta
    title = meta.get("title")
    if cleaned.title_line is not None:
        title = cleaned.title_line.text
        after = next((ln for ln in cleaned.lines if ln.start > cleaned.title_line.start and ln.label == "body"), None)
        cut = glued_lead(title, after.text) if after is not None else None
        if cut is not None:
            title = title[:cut]
    url = meta.get("url") or _url_from_lines(cleaned.lines)
    # A header carrying a placeholder address describes the collection: its date is
    # when the page was collected, not when it was published.
    trusted = None if is_placeholder_url(meta.get("url")) else meta.get("published")
    first = 4 if raw.layout == "bsnlp" else 0
    # A dateline's day and month alone ("МОСКВА, 12 ноя — РИА Новости") date nothing: the
    # year would be guessed, and a guessed date is an invented one.
    published = parse_date(trusted) or date_from_url(url) or page_date(
        cleaned, first, today=shown_today(cleaned) if "егодня" in raw.text else None)
    outlet = meta.get("outlet") or _outlet_from_lines(cleaned.lines)
    if not outlet or (url and "://" in url and outlet_from_url(url) in lexicons.outlets().values()):
        outlet = outlet_from_url(url) or outlet
    if not outlet:
        outlet = outlet_from_page(cleaned, first)
    dateline = find_dateline(cleaned, published)
    return {
        "title": without_site(clean_title(title), outlet, cleaned.lines, raw.text) if title else None,
        "url": url,
        "published": published,
        "outlet": outlet,
        "dateline": dateline,
        "relayed_from": relays(cleaned.text),
    }
