"""Site templates across documents: a line that recurs on many pages of one site (its
menu, its footer, its subscription box) is furniture on every page of that site.

A page's lines are reduced to shapes — lower case, spaces collapsed, digits masked
("© 2005-2021" and "© 2005-2022" are one shape), hashed — and counted per site (the
page's real URL host, else the outlet the page names). `citata ingest` keeps the counts
in the archive (tables `site_pages` and `site_lines`), so pages of a site that later runs
ingest are cleaned with what its earlier pages taught (every page of a run sees the
templates the last finished run left, so the result depends neither on how a run is split
into batches or spread over workers nor on whether it was killed and resumed); `citata extract` learns from each batch
it reads. A shape seen on MIN_PAGES pages of a site, and on at least MIN_SHARE of them,
is that site's furniture. One page alone is cleaned without any of this.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from urllib.parse import urlsplit

MIN_PAGES = 3
MIN_SHARE = 0.2
# Article paragraphs are long and never recur; counting only shorter lines keeps the
# tables small.
MAX_SHAPE_CHARS = 400
MIN_SHAPE_CHARS = 2

_DIGITS = re.compile(r"\d+")


def shape(text: str) -> str:
    s = _DIGITS.sub("0", " ".join(text.split()).lower())
    return hashlib.blake2b(s.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def page_shapes(text: str) -> frozenset[str]:
    """The shapes of a page's lines short enough to be furniture (each counted once per page)."""
    return frozenset(shape(ln) for ln in text.split("\n") if MIN_SHAPE_CHARS <= len(ln.strip()) <= MAX_SHAPE_CHARS)


def site_of(url: str | None, outlet: str | None) -> str | None:
    """The site a page belongs to: its URL's host where the URL is an article's address
    (a bare root is a placeholder), else the outlet it names."""
    if url and "://" in url:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        if host and parts.path.strip("/"):
            return host
    return "outlet:" + " ".join(outlet.lower().split()) if outlet else None


class SiteTemplates:
    """Shape counts per site: how many pages of the site were seen, and on how many each shape stood."""

    def __init__(self) -> None:
        self.pages: Counter[str] = Counter()
        self.lines: dict[str, Counter[str]] = {}

    def learn(self, site: str | None, shapes: frozenset[str]) -> None:
        if not site:
            return
        self.pages[site] += 1
        self.lines.setdefault(site, Counter()).update(shapes)

    def add_counts(self, site: str, pages: int, lines: dict[str, int]) -> None:
        """Counts kept elsewhere (the archive's tables)."""
        self.pages[site] += pages
        self.lines.setdefault(site, Counter()).update(lines)

    def copy(self) -> "SiteTemplates":
        other = SiteTemplates()
        other.pages = Counter(self.pages)
        other.lines = {site: Counter(c) for site, c in self.lines.items()}
        return other

    def furniture(self, site: str | None) -> frozenset[str]:
        if not site or self.pages[site] < MIN_PAGES:
            return frozenset()
        need = max(MIN_PAGES, MIN_SHARE * self.pages[site])
        return frozenset(s for s, n in self.lines.get(site, {}).items() if n >= need)
