"""One async HTTP client per run (httpx) with politeness built in: per-host concurrency and
spacing, robots.txt, retries with backoff on timeouts, 429 and 5xx (Retry-After honoured),
a deadline per request, a cap on response size, redirects within a limit.

`Fetcher.get` never raises for what a server does: the outcome is a `Response` with
`error` set, and `permanent` telling a retry in a later run from a lost cause.
"""
from __future__ import annotations

import asyncio
import email.utils
import logging
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from . import robots as robots_txt
from .sources import Settings

log = logging.getLogger("citata.collect")

RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class Response:
    url: str                    # as asked
    final_url: str = ""         # after redirects
    status: int | None = None
    reason: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    error: str | None = None    # why there is no usable body (None: a 2xx or 304 arrived whole)
    permanent: bool = False     # the error will not go away by asking again
    attempts: int = 0
    history: list["Response"] = field(default_factory=list)  # redirect hops, oldest first

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)

    @property
    def ok(self) -> bool:
        return self.error is None


class _TooLarge(Exception):
    pass


class Host:
    """Requests to one scheme://host:port: at most `per_host` at once, starts `delay` apart."""

    def __init__(self, per_host: int, delay: float):
        self.slots = asyncio.Semaphore(per_host)
        self.delay = delay
        self.next_start = 0.0
        self.robots: robots_txt.Robots | None = None
        self.robots_lock = asyncio.Lock()

    async def turn(self) -> None:
        now = time.monotonic()
        start = max(now, self.next_start)
        self.next_start = start + self.delay
        if start > now:
            await asyncio.sleep(start - now)

    def hold_off(self, seconds: float) -> None:
        """Nothing starts on this host for `seconds` (a 429's Retry-After, a 503's backoff)."""
        self.next_start = max(self.next_start, time.monotonic() + seconds)


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class Fetcher:
    """Use as `async with Fetcher(settings) as f: r = await f.get(url)`."""

    def __init__(self, settings: Settings, transport: httpx.AsyncBaseTransport | None = None):
        self.settings = settings
        self.hosts: dict[str, Host] = {}
        self.total = asyncio.Semaphore(settings.concurrency)
        self.client = httpx.AsyncClient(
            headers={"User-Agent": settings.user_agent}, follow_redirects=False,
            timeout=httpx.Timeout(settings.timeout), trust_env=settings.trust_env, transport=transport,
            limits=httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency))

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.client.aclose()

    def host(self, url: str) -> Host:
        key = host_key(url)
        if key not in self.hosts:
            self.hosts[key] = Host(self.settings.per_host, self.settings.delay)
        return self.hosts[key]

    async def robots(self, url: str) -> robots_txt.Robots:
        """The host's robots.txt, fetched on first need; its Crawl-delay widens the spacing."""
        host = self.host(url)
        async with host.robots_lock:
            if host.robots is None:
                r = await self._get(host_key(url) + "/robots.txt", {}, check_robots=False)
                host.robots = robots_txt.from_response(r.status, r.body, r.error)
                if host.robots.unreachable:
                    log.warning("%s: robots.txt unreachable (%s): the host is skipped this run",
                                host_key(url), host.robots.unreachable)
                delay = host.robots.crawl_delay(self.settings.user_agent)
                if delay and delay > host.delay:
                    host.delay = delay
                self.on_robots(r)
        return host.robots

    def on_robots(self, response: Response) -> None:
        """Called with each robots.txt response (the collector records it in WARC)."""

    async def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        return await self._get(url, headers or {}, check_robots=True)

    async def _get(self, url: str, headers: dict[str, str], check_robots: bool) -> Response:
        """Follow redirects by hand so that every hop is checked against robots.txt and counted."""
        history: list[Response] = []
        seen = {url}
        current = url
        while True:
            if check_robots and not (await self.robots(current)).allows(self.settings.user_agent, current):
                rules = self.host(current).robots
                why = (f"robots.txt unreachable ({rules.unreachable})" if rules.unreachable
                       else "disallowed by robots.txt")
                return Response(url, current, error=why, permanent=not rules.unreachable, history=history)
            r = await self._attempts(current, headers)
            r.url, r.history = url, history
            location = r.header("location")
            if r.error or r.status not in (301, 302, 303, 307, 308):
                return r
            if not location:
                r.error, r.permanent = f"HTTP {r.status} without a Location", True
                return r
            try:
                nxt = str(httpx.URL(current).join(location))
            except (httpx.InvalidURL, ValueError):
                r.error, r.permanent = f"redirect to an invalid URL ({location!r})", True
                return r
            history.append(Response(current, current, r.status, r.reason, r.headers, r.body))
            if nxt in seen:
                r.error, r.permanent = f"redirect loop ({current} -> {nxt})", True
                return r
            if len(history) > self.settings.max_redirects:
                r.error, r.permanent = f"more than {self.settings.max_redirects} redirects", True
                return r
            if urlsplit(nxt).scheme not in ("http", "https"):
                r.error, r.permanent = f"redirect to a non-HTTP URL ({nxt})", True
                return r
            seen.add(nxt)
            current = nxt
            headers = {}  # a validator belongs to the URL it came from

    async def _attempts(self, url: str, headers: dict[str, str]) -> Response:
        s = self.settings
        host = self.host(url)
        failures: list[str] = []
        for attempt in range(s.retries + 1):
            async with host.slots:
                await host.turn()
                async with self.total:  # taken after the wait: a slow host's spacing holds no one else's slot
                    r = await self._once(url, headers)
            r.attempts = attempt + 1
            transient = (r.error and not r.permanent) or r.status in RETRY_STATUSES
            if not transient:
                if failures and r.ok:
                    log.info("%s: fetched on attempt %d after %s", url, r.attempts, _tally(failures))
                return r
            failures.append(r.error or f"HTTP {r.status}")
            if r.error is None:
                r.error = f"HTTP {r.status} {r.reason}".strip()
            if attempt == s.retries:
                break
            wait = s.backoff * 2 ** attempt
            asked = retry_after(r.header("retry-after")) if r.status in (429, 503) else None
            if asked is not None:
                if asked > s.max_retry_after:
                    r.error += f" (Retry-After {asked:.0f} s is beyond the {s.max_retry_after:.0f} s limit)"
                    return r
                wait = max(wait, asked) if r.status != 429 else asked
            host.hold_off(wait)
        r.error = f"gave up after {r.attempts} attempts: {_tally(failures)}"
        return r

    async def _once(self, url: str, headers: dict[str, str]) -> Response:
        s = self.settings
        r = Response(url, url)
        try:
            async with asyncio.timeout(s.timeout):
                async with self.client.stream("GET", url, headers=headers) as resp:
                    r.status, r.reason = resp.status_code, resp.reason_phrase
                    r.headers = list(resp.headers.multi_items())
                    declared = resp.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > s.max_bytes:
                        raise _TooLarge(int(declared))
                    body, size = [], 0
                    async for chunk in resp.aiter_bytes():  # decoded: a compressed bomb is cut off too
                        size += len(chunk)
                        if size > s.max_bytes:
                            raise _TooLarge(size)
                        body.append(chunk)
                    r.body = b"".join(body)
        except _TooLarge as exc:
            r.error, r.permanent = (f"response larger than the {s.max_bytes / 2**20:.0f} MB limit"
                                    f" ({exc.args[0] / 2**20:.1f} MB or more)"), True
        except (TimeoutError, httpx.TimeoutException):
            r.error = f"timed out after {s.timeout:g} s"
        except httpx.HTTPError as exc:  # connection refused or reset, a protocol error, bad compression
            r.error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        except httpx.InvalidURL as exc:
            r.error, r.permanent = f"invalid URL: {exc}", True
        if r.error is None and r.status is not None and r.status >= 400 and r.status not in RETRY_STATUSES:
            r.error, r.permanent = f"HTTP {r.status} {r.reason}".strip(), True
        return r


def _tally(failures: list[str]) -> str:
    """"timed out after 20 s (3 times), HTTP 503" for a list of attempts' failures."""
    counts: dict[str, int] = {}
    for f in failures:
        counts[f] = counts.get(f, 0) + 1
    return ", ".join(f if n == 1 else f"{f} ({n} times)" for f, n in counts.items())
