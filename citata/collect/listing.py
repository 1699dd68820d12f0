"""What a feed or a sitemap lists: RSS 2.0 / Atom through feedparser, sitemaps and sitemap
indexes (news sitemaps included) through the XML parser."""
from __future__ import annotations

import gzip
import io
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urljoin

from .sources import canonical

_ROOT = re.compile(rb"<(?:[\w.-]+:)?(sitemapindex|urlset)[\s>]")


class ListingError(ValueError):
    pass


@dataclass
class Listing:
    kind: str                                                   # feed or sitemap
    pages: list[tuple[str, str | None]] = field(default_factory=list)     # (canonical URL, date listed)
    sitemaps: list[tuple[str, str | None]] = field(default_factory=list)  # a sitemap index's children
    warning: str | None = None                                  # a feed read despite errors


def parse(body: bytes, url: str, max_bytes: int, content_type: str | None = None) -> Listing:
    """Raises ListingError with a one-line reason when `body` lists nothing readable."""
    if body[:2] == b"\x1f\x8b":  # sitemap.xml.gz
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
                body = fh.read(max_bytes + 1)
        except (OSError, EOFError) as exc:
            raise ListingError(f"bad gzip: {exc}") from None
        if len(body) > max_bytes:
            raise ListingError(f"larger than {max_bytes / 2**20:.0f} MB unpacked")
    match = _ROOT.search(body[:4096])
    if match:
        return _sitemap(body, url, match.group(1).decode())
    return _feed(body, url, content_type)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sitemap(body: bytes, url: str, root: str) -> Listing:
    listing = Listing("sitemap")
    try:
        tree = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ListingError(f"malformed sitemap: {exc}") from None
    for entry in tree:
        name = _local(entry.tag)
        if name not in ("url", "sitemap"):
            continue
        loc, date = None, None
        for el in entry.iter():
            tag = _local(el.tag)
            if tag == "loc" and loc is None:
                loc = (el.text or "").strip()
            elif tag in ("publication_date", "lastmod") and el.text and not date:
                date = el.text.strip()
        target = canonical(urljoin(url, loc)) if loc else None
        if target:
            (listing.sitemaps if root == "sitemapindex" else listing.pages).append((target, date))
    return listing


def _feed(body: bytes, url: str, content_type: str | None) -> Listing:
    import feedparser

    headers = {"content-location": url}
    if content_type:  # the charset it names, and no complaint about a missing one
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    listing = Listing("feed")
    for entry in parsed.entries:
        link = entry.get("link") or (entry.get("id") if str(entry.get("id", "")).startswith("http") else None)
        target = canonical(urljoin(url, link)) if link else None
        if target:
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            listing.pages.append((target, time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else None))
    # feedparser flags harmless things too (a charset it overrode, a text/plain type): not errors
    benign = isinstance(parsed.get("bozo_exception"), feedparser.ThingsNobodyCaresAboutButMe)
    if parsed.bozo and not (benign and listing.pages):
        reason = " ".join(str(parsed.get("bozo_exception", "unknown error")).split())
        if not listing.pages:
            raise ListingError(f"malformed feed: {reason}")
        listing.warning = f"feed has errors, read {len(listing.pages)} entries anyway: {reason}"
    elif not parsed.version and not listing.pages:
        raise ListingError("neither a feed nor a sitemap")
    return listing
