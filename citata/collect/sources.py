"""What to collect: sources (a feed or a sitemap each) and the run's settings, from a TOML
file, a plain list of URLs, or the command line.

    [collect]                 # optional; the command line overrides it
    user_agent = "citata/0.1 (+mailto:desk@example.org)"
    delay = 1.0               # seconds between two requests to one host
    per_host = 2              # requests in flight to one host

    [[source]]
    name = "ТАСС"
    url = "https://tass.ru/rss/v2.xml"
    kind = "feed"             # feed, sitemap, or auto (the default: told from the response)

A plain list holds one URL a line, optionally followed by a name; # starts a comment.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import courlan

KINDS = ("auto", "feed", "sitemap")
DEFAULT_USER_AGENT = "citata/0.1 (news quotation archive; +https://github.com/citata/citata)"


class SourcesError(ValueError):
    """A sources file or URL that cannot be used; the message names the place."""


@dataclass(frozen=True)
class Source:
    url: str
    name: str = ""
    kind: str = "auto"

    @property
    def label(self) -> str:
        return self.name or self.url


@dataclass
class Settings:
    """How politely and how much to fetch. Defaults suit a newsroom's cron job."""

    user_agent: str = DEFAULT_USER_AGENT
    delay: float = 1.0             # between requests to one host; robots.txt's Crawl-delay may raise it
    per_host: int = 2              # concurrent requests to one host
    concurrency: int = 16          # concurrent requests in all
    timeout: float = 20.0          # seconds for one request, start to last byte
    retries: int = 3               # further attempts after a timeout, 429 or 5xx
    backoff: float = 2.0           # first wait before a retry; doubles each time
    max_retry_after: float = 120.0  # a longer Retry-After ends the URL's attempts for this run
    max_bytes: int = 8 * 1024 * 1024  # a response larger than this is dropped (as `citata ingest` would)
    max_redirects: int = 5
    max_pages: int = 500           # pages fetched per source per run; the rest wait for the next run
    max_attempts: int = 5          # runs in which a failing page is tried before it is given up
    trust_env: bool = True         # proxies from HTTP(S)_PROXY

    @classmethod
    def names(cls) -> set[str]:
        return {f.name for f in fields(cls)}


@dataclass
class SourceList:
    sources: list[Source] = field(default_factory=list)
    settings: dict = field(default_factory=dict)  # [collect] keys, applied under the command line's


def canonical(url: str) -> str | None:
    """The form a URL is remembered by (courlan: lower-case scheme and host, tracking
    parameters and default ports dropped), without its fragment; None if not http(s)."""
    url = urldefrag(url.strip())[0]
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    try:
        return courlan.normalize_url(url)
    except ValueError:  # courlan refuses some malformed netlocs
        return None


def source(url: str, name: str = "", kind: str = "auto", where: str = "command line") -> Source:
    if kind not in KINDS:
        raise SourcesError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    canon = canonical(url)
    if canon is None:
        raise SourcesError(f"{where}: not an http(s) URL: {url!r}")
    return Source(canon, name.strip(), kind)


def load(path: str | Path) -> SourceList:
    """Sources from a .toml file, else from a plain list of URLs."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: cannot read: {exc}") from None
    if path.suffix.lower() == ".toml":
        return _toml(path, text)
    found = SourceList()
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        line = line.split(" #", 1)[0].strip()  # a trailing comment; a URL's own # has no space before it
        url, _, name = line.partition(" ")
        found.sources.append(source(url, name, where=f"{path}:{lineno}"))
    return found


def _toml(path: Path, text: str) -> SourceList:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{path}: {exc}") from None
    settings = data.get("collect", {})
    unknown = set(settings) - Settings.names()
    if unknown:
        raise SourcesError(f"{path}: unknown [collect] settings: {', '.join(sorted(unknown))}")
    defaults = Settings()
    for key, value in settings.items():
        want = type(getattr(defaults, key))
        fits = isinstance(value, want) and (want is bool or not isinstance(value, bool))
        if want is float and isinstance(value, int) and not isinstance(value, bool):
            fits = True
        if not fits:
            raise SourcesError(f"{path}: [collect] {key} must be {'a number' if want in (int, float) else want.__name__},"
                               f" not {value!r}")
    found = SourceList(settings=dict(settings))
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise SourcesError(f"{path}: sources are [[source]] tables")
    for i, entry in enumerate(entries, 1):
        where = f"{path}: source {i}"
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            raise SourcesError(f"{where}: needs url = \"https://…\"")
        found.sources.append(source(entry["url"], str(entry.get("name", "")), str(entry.get("kind", "auto")), where))
    return found
